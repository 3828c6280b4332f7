#pragma once

#include <memory>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

#include "config/config.h"

class AdminServer;
class AutohostService;
class LogRecorder;
class QCoreApplication;

// What both faces of the program share before they diverge: the command line, the data directory and the
// configuration (defaults → config file → AUTOHOST_* environment → --set), and the headless run itself.
class Launcher
{
public:
    enum class Face
    {
        Headless,
        Desktop,
    };

    Launcher();

    // Whether the arguments ask for the headless face (or for something that needs no window at all:
    // --help, --version, --print-config). Looks at the raw arguments, before any application object exists.
    static bool wantsHeadless(int argc, char *argv[]);

    // Parses the command line, enters the data directory and loads the configuration. Returns an exit code
    // when the program should stop now (help, version, --print-config, an invalid configuration), or -1 to go
    // on with config().
    int prepare(QCoreApplication &app, Face face);

    const Config &config() const { return m_config; }
    // The configuration file the program read, or the one the desktop app saves to when there was none.
    QString configFilePath() const { return m_configFilePath; }

    // Runs the service without a user interface until it has shut down. SIGINT/SIGTERM: drain (no new
    // battles, running ones may end by themselves for drainTimeoutSeconds, then they are stopped), exit 0; a
    // second signal kills every engine at once. SIGHUP: reloadConfig().
    int runHeadless(QCoreApplication &app);
    // Loads the configuration again from the same sources (file, environment, --set; without --config the
    // data directory's config.json if it exists now) and applies what can change while running, logging what
    // it applied and which changed keys need a restart. An invalid configuration is reported and changes
    // nothing.
    void reloadConfig(AutohostService &service);

    // The admin endpoint of adminListen for this service, listening: metrics, state and stream, with the log
    // lines of recorder (may be null). The caller destroys it before the service. Nothing when adminListen is
    // empty, or when its address cannot be bound (logged as an error: hosting goes on without the endpoint).
    // Fails for a configuration the endpoint refuses (the program then exits with 2).
    Result<std::unique_ptr<AdminServer>> startAdminEndpoint(AutohostService &service,
                                                            LogRecorder *recorder) const;

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_headless;
    QCommandLineOption m_configFile;
    QCommandLineOption m_set;
    QCommandLineOption m_logFormat;
    QCommandLineOption m_printConfig;
    QCommandLineOption m_dataDirOption;
    ConfigSources m_sources;
    Config m_config;
    QString m_configFilePath;
    QString m_dataDir;
};
