#pragma once

#include <optional>

#include <QByteArray>
#include <QRegularExpression>
#include <QUuid>

#include "battles/playertable.h"
#include "protocol/json.h"

// The inputs of the micro benchmarks: datagrams from the test vectors of the engine notes (§3), start
// requests shaped like lobby battles, and the small requests of tests/data/requests.json.
namespace MicroInputs
{
enum class Datagram
{
    PlayerChat,       // §3.2: from player 0 to everyone, "hello everyone from Alice"
    PlayerChatAllies, // §3.1: from player 8 to allies, "nice"
    ServerMessage,    // §3.1: "Connecting to autohost on port 53122"
    PlayerJoined,     // §3.1: player 11, "Axe"
    PlayerLeft,       // §3.1: player 18 left
    LuaMsg,           // a 300-byte rules message matching the start's luamsgRegexp
    TeamStat,         // §3.1: team 7's statistics (82 bytes)
    StartPlaying,     // §3.1: the BAR server's demo path (164 bytes)
    Malformed,        // §3.3: GAME_LUAMSG with the magic byte 0x33
};
QByteArray datagram(Datagram kind);

// The shape of a generated autohost/start request: two ally teams of players/2 one-player teams, each
// player with a rank, a country and skill properties; spectators; gameOptions ("modoptions") with short
// values, or with values of optionValueLength base64 characters when it is not 0.
struct StartShape
{
    int players = 16;
    int spectators = 4;
    int gameOptions = 100;
    int optionValueLength = 0;
};
StartShape twoPlayers();
StartShape sixteenPlayers();
// About 1 MiB of JSON: 16 players, 235 spectators (251 participants, the engine's limit) and 2,200 options
// of 450 characters.
StartShape oneMebibyte();
// The whole request message (envelope included) as the server sends it.
Json startRequest(const StartShape &shape);

// The valid examples of tests/data/requests.json.
Json killRequest();
Json addPlayerRequest();
Json sendCommandRequest();

// The battle of the generated start requests, its participants with their player numbers (16 players, 4
// spectators: numbers 0–19) and its luamsgRegexp.
QUuid battleId();
PlayerTable playerTable();
std::optional<QRegularExpression> luamsgFilter();
} // namespace MicroInputs
