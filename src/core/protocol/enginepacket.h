#pragma once

#include <array>
#include <variant>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include "util/result.h"

// The datagrams spring-dedicated sends over its UDP autohost interface (engine notes §2). Text fields are raw
// bytes: the engine does not promise UTF-8. Multi-byte integers are little-endian on the wire.
namespace EnginePacket
{
struct ServerStarted
{
    bool operator==(const ServerStarted &) const = default;
};
struct ServerQuit
{
    bool operator==(const ServerQuit &) const = default;
};
struct ServerStartPlaying
{
    std::array<quint8, 16> gameId{};
    QByteArray demoPath;
    bool operator==(const ServerStartPlaying &) const = default;
};
struct ServerGameOver
{
    quint8 player = 0; // the reporting player
    QList<quint8> winningAllyTeams;
    bool operator==(const ServerGameOver &) const = default;
};
struct ServerMessage
{
    QByteArray text;
    bool operator==(const ServerMessage &) const = default;
};
struct ServerWarning
{
    QByteArray text;
    bool operator==(const ServerWarning &) const = default;
};
struct PlayerJoined
{
    quint8 player = 0;
    QByteArray name;
    bool operator==(const PlayerJoined &) const = default;
};
enum class LeaveReason : quint8
{
    LostConnection = 0,
    Left = 1,
    Kicked = 2,
};
struct PlayerLeft
{
    quint8 player = 0;
    LeaveReason reason = LeaveReason::Left;
    bool operator==(const PlayerLeft &) const = default;
};
enum class ReadyState : quint8
{
    NotReady = 0,
    Ready = 1,
    Forced = 2,
    Failed = 3,
};
struct PlayerReady
{
    quint8 player = 0;
    ReadyState state = ReadyState::NotReady;
    bool operator==(const PlayerReady &) const = default;
};
// Chat destinations: 0–251 a player number (private), or one of these.
constexpr quint8 ChatToAllies = 252;
constexpr quint8 ChatToSpectators = 253;
constexpr quint8 ChatToEveryone = 254;
constexpr quint8 ChatToHost = 255;
struct PlayerChat
{
    quint8 from = 0;
    quint8 destination = ChatToEveryone;
    QByteArray text;
    bool operator==(const PlayerChat &) const = default;
};
struct PlayerDefeated
{
    quint8 player = 0;
    bool operator==(const PlayerDefeated &) const = default;
};
// Newer Recoil only: chat that must not be shown publicly; destination is 255 or a player number.
struct PlayerSecretChat
{
    quint8 from = 0;
    quint8 destination = ChatToHost;
    QByteArray text;
    bool operator==(const PlayerSecretChat &) const = default;
};
constexpr quint16 LuaScriptRules = 100;
constexpr quint16 LuaScriptGaia = 300;
constexpr quint16 LuaScriptUi = 2000;
constexpr quint8 LuaUiModeAll = 0;
constexpr quint8 LuaUiModeAllies = 'a';
constexpr quint8 LuaUiModeSpectators = 's';
struct GameLuaMsg
{
    quint8 player = 0;
    quint16 script = LuaScriptRules;
    quint8 mode = LuaUiModeAll;
    QByteArray data;
    bool operator==(const GameLuaMsg &) const = default;
};
struct TeamStatistics
{
    qint32 frame = 0;
    float metalUsed = 0, energyUsed = 0, metalProduced = 0, energyProduced = 0, metalExcess = 0,
          energyExcess = 0, metalReceived = 0, energyReceived = 0, metalSent = 0, energySent = 0,
          damageDealt = 0, damageReceived = 0;
    qint32 unitsProduced = 0, unitsDied = 0, unitsReceived = 0, unitsSent = 0, unitsCaptured = 0,
           unitsOutCaptured = 0, unitsKilled = 0;
    bool operator==(const TeamStatistics &) const = default;
};
struct GameTeamStat
{
    quint8 team = 0;
    TeamStatistics statistics;
    bool operator==(const GameTeamStat &) const = default;
};

using Packet = std::variant<ServerStarted, ServerQuit, ServerStartPlaying, ServerGameOver, ServerMessage,
                            ServerWarning, PlayerJoined, PlayerLeft, PlayerReady, PlayerChat, PlayerDefeated,
                            PlayerSecretChat, GameLuaMsg, GameTeamStat>;

// Decodes one datagram. Lengths are checked strictly (engine notes §3.3); a malformed or unknown datagram is
// an error whose text says why, for the log. SERVER_STARTED tolerates trailing bytes (a future protocol
// version may add some).
Result<Packet> decode(QByteArrayView datagram);

// Encodes a packet exactly as the engine sends it (used by the fake engine and the codec tests).
QByteArray encode(const Packet &packet);

// A one-line description for logs and test failure messages, e.g. "PLAYER_CHAT from 8 to 252 \"nice\"".
QString describe(const Packet &packet);
} // namespace EnginePacket
