#pragma once

#include <optional>

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include "protocol/json.h"
#include "util/result.h"

// The autohost's configuration. The JSON file accepts every key of the reference autohost's config.json with
// the same defaults (reference notes §8), so its users can migrate unchanged, plus the keys below marked
// "ours". Sources, later ones winning: defaults → config file → AUTOHOST_* environment variables (the key in
// UPPER_SNAKE_CASE: tachyonServer → AUTOHOST_TACHYON_SERVER; objects and arrays as JSON text) → command-line
// overrides ("key=value" pairs from --set).
struct Config
{
    // Tachyon server. With no tachyonServer the autohost runs in local mode: no lobby connection.
    QString tachyonServer;
    std::optional<quint16> tachyonServerPort;
    std::optional<bool> useSecureConnection; // unset: TLS unless the host is localhost or a loopback address
    QString authClientId;
    QString authClientSecret;
    QString hostingIP; // advertised in the start response's ips; required with a tachyonServer
    QString engineBindIP = QStringLiteral("0.0.0.0"); // HostIP in the start script
    double maxReconnectDelaySeconds = 30;             // >= 1
    QList<QPair<QString, QString>> engineSettings;    // springsettings.cfg; numbers/booleans coerced to text
    int maxBattles = 50;                              // >= 1
    double maxUpdatesSubscriptionAgeSeconds = 600;    // > 0
    int engineStartPort = 20000;                      // 1025..65535
    int engineAutohostStartPort = 22000;              // 1025..65535
    int maxPortsUsed = 1000;                          // >= 1; both ranges must stay <= 65535
    int engineInstallTimeoutSeconds = 600;            // >= 5
    double maxGameDurationSeconds = 28800;            // >= 3600 (8 h)
    int engineDownloadMaxAttempts = 3;                // >= 1
    int engineDownloadRetryBackoffBaseMs = 1000;      // >= 1000
    QString engineCdnBaseUrl = QStringLiteral("https://files-cdn.beyondallreason.dev");

    // Ours.
    QString enginesDir = QStringLiteral("engines"); // relative paths are relative to the working directory
    QString instancesDir = QStringLiteral("instances");
    QStringList engineDataDirs; // extra SPRING_DATADIR entries for every engine
    // Engines installed elsewhere: an engine directory or a directory of versions.
    QStringList extraEngineDirs;
    bool systemEngines = true;                  // offer the system's engine (Debian: /usr/games)
    double engineStartTimeoutSeconds = 10;      // > 0: SERVER_STARTED must arrive within this time
    double engineKillGraceSeconds = 20;         // > 0: after /kill, wait this long before SIGTERM
    double serverStatsIntervalSeconds = 60;     // > 0: how often system/serverStats is asked
    QString logFormat = QStringLiteral("text"); // "text" or "json" (JSON lines)
    // SIGTERM/SIGINT: how long running battles may go on to end by themselves before they are stopped; 0:
    // stopped at once. BAR's hosts give a stop 2 h.
    double drainTimeoutSeconds = 7200;
    // Limits of every engine process (EngineProcess::Limits).
    QString engineCpuAffinity = QStringLiteral("all"); // CpuAffinity: "all", "spread", "spread:0-7", "0-3,6"
    int engineNiceLevel = 0;                           // 0..19; 0: the autohost's own
    int engineMemoryLimitMegabytes = 0;                // address space; 0: none, else >= 64
    // Updates one battle may add per second on average, after a burst of BattleManager::UpdateBurst; beyond
    // that its updates are dropped (a broken or hostile engine).
    int maxBattleUpdatesPerSecond = 200; // >= 1
    // The update journal (replay across restarts, battles interrupted by a crash); empty: none.
    QString journalDir = QStringLiteral("journal");
    int journalMaxMegabytes = 256; // >= 1

    // The admin endpoint (HTTP and WebSocket on one port): "address:port", empty: none; port 0: any free
    // port.
    QString adminListen = QStringLiteral("127.0.0.1:8201");
    // The bearer token. Unset: the one in <data-dir>/admin-token, made on first run. Empty: no
    // authentication, on a loopback address only.
    std::optional<QString> adminToken;
    bool metricsPublic = false;  // GET /metrics without the token
    QString adminTlsCertificate; // PEM files; both set: HTTPS and WSS
    QString adminTlsKey;

    // Whether TLS is used for the OAuth and WebSocket URLs (useSecureConnection or its default).
    bool secureConnection() const;
    bool localMode() const { return tachyonServer.isEmpty(); }
};

// One configuration key as the loader checks it and the settings editor shows it. The loader's table is the
// only list of keys: a key cannot exist without this description.
struct ConfigKey
{
    // The shape of the value in the file.
    enum class Kind
    {
        Text,
        Integer,
        Number,
        Boolean,
        OptionalBoolean, // true, false or unset (null); unset means a default that depends on other keys
        List,            // array of strings
        Object,          // object of strings, numbers or booleans (engineSettings)
    };

    QString name;
    Kind kind = Kind::Text;
    // In English; views translate both with QCoreApplication::translate("ConfigKey", text).
    QString group;       // "Server", "Battles", "Engines", "Admin endpoint" or "Advanced"
    QString description; // one line
    bool secret = false; // never logged; describe() masks it
    Json defaultValue;   // as in the file; null: unset (the description says what that means)
};

// A problem of a configuration file's content, as ConfigLoader::load() reports it, split into the key and the
// message ("maxBattles", "must be an integer >= 1").
struct ConfigProblem
{
    QString key; // empty: the file as a whole (not JSON, not an object)
    QString message;
};

// Where the configuration comes from.
struct ConfigSources
{
    QString filePath;                           // empty: no file
    QList<QPair<QString, QString>> environment; // name/value pairs, normally the process environment
    QList<QPair<QString, QString>> overrides;   // key/value pairs from the command line
};

struct LoadedConfig
{
    Config config;
    QStringList warnings; // e.g. "unknown key 'foo' in config.json ignored"
};

class ConfigLoader
{
public:
    // Loads and validates. An error names the key and the source: "config.json: maxBattles: must be an
    // integer >= 1" or "AUTOHOST_MAX_BATTLES: must be an integer >= 1". Unknown keys only warn.
    static Result<LoadedConfig> load(const ConfigSources &sources);
    // What load() finds wrong with a file of this content, checked by the same code but without stopping at
    // the first problem: every invalid value, or when all values are valid, the first failing check across
    // keys (port ranges, what a tachyonServer requires). Empty when load() would accept the file.
    static QList<ConfigProblem> fileProblems(const QByteArray &content);
    // Every key, in the order of the groups.
    static const QList<ConfigKey> &keys();
    // The configuration file that belongs to a data directory: <dataDir>/config.json. The desktop app's
    // settings page edits it; a program given a data directory and no --config reads it.
    static QString defaultConfigPath(const QString &dataDir);
    // The process environment as name/value pairs.
    static QList<QPair<QString, QString>> processEnvironment();
    // The configuration as JSON for logs, with the secrets (authClientSecret, adminToken) replaced by "***".
    static QString describe(const Config &config);
    // The keys whose values differ, in the order of keys().
    static QStringList changedKeys(const Config &before, const Config &after);
    // Copies one key's value (a name from keys(); others are ignored).
    static void copyKey(const QString &key, const Config &from, Config *to);
};
