#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "protocol/autohostrequests.h"
#include "util/result.h"

// Where the engine listens and where it finds the autohost; the [GAME] keys HostIP, HostPort, AutohostIP and
// AutohostPort.
struct ScriptEndpoints
{
    QString hostIp;
    quint16 hostPort = 0;
    QString autohostIp;
    quint16 autohostPort = 0;
};

// A participant of the script with the engine's player number.
struct ScriptPlayer
{
    QString userId;
    QString name;
    int number = 0;
    bool spectator = false;
};

// Writes script.txt for spring-dedicated from a validated start request (engine notes §10–§14, reference
// notes §4.1): player numbering is ally teams → teams → players, then spectators; GameID is the battle UUID
// as 16 space-separated hex bytes; ModHash/MapHash are the archive hashes or the dummy "1".
class StartScriptWriter
{
public:
    // The script text. Fails only on input that RequestDecoder would have refused (defence in depth): a text
    // value or key TdfText refuses, a key repeated in a section (case-insensitively), a team without players
    // and bots, or an AI hosted by an unknown userId. The message names the offending field.
    static Result<QByteArray> write(const StartRequest &request, const ScriptEndpoints &endpoints);
    // Players in the order of their [PLAYERn] sections, which is the engine's numbering.
    static QList<ScriptPlayer> players(const StartRequest &request);
    // springsettings.cfg: the operator's settings in order, then the keys the autohost must force
    // (AllowSpectatorJoin=0, WhiteListAdditionalPlayers=1), which override operator values of the same key.
    static QByteArray engineSettings(const QList<QPair<QString, QString>> &operatorSettings);
};
