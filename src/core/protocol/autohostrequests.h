#pragma once

#include <optional>

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUuid>

// Typed data of the requests a Tachyon server sends to an autohost (spec: tachyon-autohost.md).
// RequestDecoder fills them from JSON after validating every field; code that consumes them can rely on
// that validation (see requestdecoder.h for what is guaranteed).

// Key/value pairs in the order the server sent them.
using StringPairs = QList<QPair<QString, QString>>;

struct PlayerSpec
{
    QString userId;
    QString name;
    QString password;
    std::optional<qint64> rank;
    std::optional<QString> countryCode;
    StringPairs customProperties;
};

struct BotSpec
{
    QString hostUserId;
    QString aiShortName;
    std::optional<QString> name;
    std::optional<QString> aiVersion;
    StringPairs aiOptions;
    StringPairs customProperties;
};

struct RgbColor
{
    double r = 0;
    double g = 0;
    double b = 0;
};

struct StartPosition
{
    qint64 x = 0;
    qint64 y = 0; // the engine's Z axis
};

struct TeamSpec
{
    QList<PlayerSpec> players;
    QList<BotSpec> bots;
    std::optional<double> advantage;
    std::optional<double> incomeMultiplier;
    std::optional<QString> faction;
    std::optional<RgbColor> color;
    std::optional<StartPosition> startPos;
    StringPairs customProperties;
};

struct StartBox
{
    double top = 0;
    double bottom = 1;
    double left = 0;
    double right = 1;
};

struct AllyTeamSpec
{
    QList<TeamSpec> teams;
    std::optional<StartBox> startBox;
    std::optional<QList<int>> allies;
    StringPairs customProperties;
};

enum class StartPosType
{
    Fixed,
    Random,
    Ingame,
    BeforeGame,
};

struct StartRequest
{
    QUuid battleId;
    QString engineVersion;
    QString gameName;
    QString mapName;
    std::optional<QString> gameArchiveHash;
    std::optional<QString> mapArchiveHash;
    std::optional<qint64> startDelay;
    StartPosType startPosType = StartPosType::Ingame;
    QList<AllyTeamSpec> allyTeams;
    QList<PlayerSpec> spectators;
    StringPairs mapOptions;
    StringPairs gameOptions;
    QList<QPair<QString, qint64>> restrictions;
    std::optional<QString> luamsgRegexp;
};

struct KillRequest
{
    QUuid battleId;
};

struct AddPlayerRequest
{
    QUuid battleId;
    QString userId;
    QString name;
    QString password;
};

struct KickPlayerRequest
{
    QUuid battleId;
    QString userId;
};

struct MutePlayerRequest
{
    QUuid battleId;
    QString userId;
    bool chat = false;
    bool draw = false;
};

struct SpecPlayersRequest
{
    QUuid battleId;
    QStringList userIds;
};

struct SendMessageRequest
{
    QUuid battleId;
    QString message;
};

struct SendCommandRequest
{
    QUuid battleId;
    QString command;
    QStringList arguments;
};

struct SubscribeUpdatesRequest
{
    qint64 since = 0; // µs since the Unix epoch
};

struct InstallEngineRequest
{
    QString version;
};
