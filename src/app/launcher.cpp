#include "launcher.h"

#include <cstdio>
#include <cstring>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "admin/admincontrol.h"
#include "admin/adminserver.h"
#include "admin/adminsession.h"
#include "admin/hoststate.h"
#include "autohostservice.h"
#include "logging.h"
#include "logrecorder.h"
#include "metrics/autohostmetrics.h"
#include "signalwatcher.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
QList<QPair<QString, QString>> parseOverrides(const QStringList &values, QString *error)
{
    QList<QPair<QString, QString>> overrides;
    for (const QString &value : values)
    {
        const qsizetype equals = value.indexOf(u'=');
        if (equals <= 0)
        {
            *error = u"--set expects key=value, got \"%1\""_s.arg(value);
            return {};
        }
        overrides.append({value.left(equals), value.mid(equals + 1)});
    }
    return overrides;
}

QString defaultDataDir(Launcher::Face face)
{
    // A server is started where its files are; a desktop app is started from a menu, anywhere.
    if (face == Launcher::Face::Headless)
    {
        return QDir::currentPath();
    }
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}
} // namespace

Launcher::Launcher()
    : m_headless(u"headless"_s, u"Run without a user interface."_s)
    , m_configFile(
          {u"c"_s, u"config"_s},
          u"Read the configuration from <file> (JSON). Default: config.json in the data directory, if it "
          "exists."_s,
          u"file"_s)
    , m_set(u"set"_s, u"Override one configuration key, e.g. --set maxBattles=10."_s, u"key=value"_s)
    , m_logFormat(u"log-format"_s, u"Log as plain text lines or JSON lines: text or json."_s, u"format"_s)
    , m_printConfig(u"print-config"_s, u"Print the effective configuration (secret masked) and exit."_s)
    , m_dataDirOption(
          u"data-dir"_s,
          u"Directory for config.json and relative paths (engines, instances). Default: the current "
          "directory when headless, the user's application data directory for the desktop app."_s,
          u"dir"_s)
{
    m_parser.setApplicationDescription(
        u"Tachyon autohost: hosts Recoil/Spring engine battles for a Tachyon lobby server."_s);
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOptions({m_headless, m_configFile, m_set, m_logFormat, m_printConfig, m_dataDirOption});
    m_parser.addPositionalArgument(u"config"_s, u"Configuration file, as an alternative to --config."_s,
                                   u"[config]"_s);
}

bool Launcher::wantsHeadless(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i)
    {
        for (const char *option : {"--headless", "-headless", "--help", "-h", "--help-all", "-?", "--version",
                                   "-v", "--print-config", "-print-config"})
        {
            if (std::strcmp(argv[i], option) == 0)
            {
                return true;
            }
        }
    }
    return false;
}

int Launcher::prepare(QCoreApplication &app, Face face)
{
    m_parser.process(app);

    m_dataDir = m_parser.isSet(m_dataDirOption)
                    ? QFileInfo(m_parser.value(m_dataDirOption)).absoluteFilePath()
                    : defaultDataDir(face);
    if (!QDir().mkpath(m_dataDir) || !QDir::setCurrent(m_dataDir))
    {
        std::fprintf(stderr, "autohost: cannot use the data directory %s\n", qPrintable(m_dataDir));
        return 2;
    }

    QString error;
    ConfigSources sources;
    sources.filePath = m_parser.value(m_configFile);
    if (sources.filePath.isEmpty() && !m_parser.positionalArguments().isEmpty())
    {
        sources.filePath = m_parser.positionalArguments().constFirst();
    }
    const QString defaultFile = ConfigLoader::defaultConfigPath(m_dataDir);
    m_configFilePath =
        sources.filePath.isEmpty() ? defaultFile : QFileInfo(sources.filePath).absoluteFilePath();
    if (sources.filePath.isEmpty() && QFileInfo::exists(defaultFile))
    {
        sources.filePath = defaultFile;
    }
    sources.environment = ConfigLoader::processEnvironment();
    sources.overrides = parseOverrides(m_parser.values(m_set), &error);
    if (m_parser.isSet(m_logFormat))
    {
        sources.overrides.append({u"logFormat"_s, m_parser.value(m_logFormat)});
    }
    if (!error.isEmpty())
    {
        std::fprintf(stderr, "autohost: %s\n", qPrintable(error));
        return 2;
    }
    m_sources = sources;
    const auto loaded = ConfigLoader::load(sources);
    if (!loaded)
    {
        std::fprintf(stderr, "autohost: invalid configuration: %s\n", qPrintable(loaded.error()));
        return 2;
    }
    m_config = loaded->config;
    if (m_parser.isSet(m_printConfig))
    {
        std::printf("%s\n", qPrintable(ConfigLoader::describe(m_config)));
        return 0;
    }

    LogOutput::install(m_config.logFormat == u"json"_s ? LogOutput::Format::Json : LogOutput::Format::Text);
    for (const QString &warning : loaded->warnings)
    {
        qCWarning(lcConfig).noquote() << warning;
    }
    qCInfo(lcConfig).noquote() << u"autohost %1 starting (%2) in %3 with configuration %4"_s.arg(
        QCoreApplication::applicationVersion(), face == Face::Headless ? u"headless"_s : u"desktop app"_s,
        m_dataDir, ConfigLoader::describe(m_config));
    return -1;
}

int Launcher::runHeadless(QCoreApplication &app)
{
    // The log lines the admin stream shows.
    LogRecorder recorder;
    LogRecorder::setActive(&recorder);
    AutohostService service(m_config);
    Result<std::unique_ptr<AdminServer>> admin = startAdminEndpoint(service, &recorder);
    if (!admin)
    {
        qCCritical(lcConfig).noquote() << u"invalid configuration: "_s + admin.error();
        return 2;
    }
    SignalWatcher watcher;
    QObject::connect(
        &watcher, &SignalWatcher::terminationRequested, &service,
        [&service](const QString &name, int count)
        {
            if (count == 1)
            {
                qCInfo(lcConfig).noquote()
                    << u"%1 received: shutting down cleanly; send the signal again to stop every "
                       u"battle now"_s.arg(name);
                service.drain(u"autohost shutting down"_s);
            }
            else
            {
                qCWarning(lcConfig).noquote() << u"%1 received again: killing all engines"_s.arg(name);
                service.shutdownNow();
            }
        });
    watcher.watchReload();
    QObject::connect(&watcher, &SignalWatcher::reloadRequested, &service,
                     [this, &service](const QString &name)
                     {
                         qCInfo(lcConfig).noquote()
                             << u"%1 received: reloading the configuration"_s.arg(name);
                         reloadConfig(service);
                     });
    QObject::connect(&service, &AutohostService::finished, &app, [] { QCoreApplication::exit(0); });
    if (const Status started = service.start(); !started)
    {
        qCCritical(lcConfig).noquote() << u"cannot start: "_s + started.error();
        return 2;
    }
    return app.exec();
}

void Launcher::reloadConfig(AutohostService &service)
{
    ConfigSources sources = m_sources;
    // As at the start: without --config, the data directory's config.json when it exists (now).
    if (sources.filePath.isEmpty() && QFileInfo::exists(m_configFilePath))
    {
        sources.filePath = m_configFilePath;
    }
    const auto loaded = ConfigLoader::load(sources);
    if (!loaded)
    {
        qCWarning(lcConfig).noquote()
            << u"configuration not reloaded, nothing changed: %1"_s.arg(loaded.error());
        return;
    }
    for (const QString &warning : loaded->warnings)
    {
        qCWarning(lcConfig).noquote() << warning;
    }
    const AutohostService::ConfigChange change = service.applyConfig(loaded->config);
    m_config = service.config();
    if (change.applied.isEmpty() && change.needsRestart.isEmpty())
    {
        qCInfo(lcConfig) << "configuration reloaded: nothing changed";
    }
    if (!change.applied.isEmpty())
    {
        qCInfo(lcConfig).noquote() << u"configuration reloaded: applied %1"_s.arg(
            change.applied.join(u", "_s));
    }
    if (!change.needsRestart.isEmpty())
    {
        qCWarning(lcConfig).noquote()
            << u"configuration reloaded: changed keys that take effect only after a "
               u"restart: %1"_s.arg(change.needsRestart.join(u", "_s));
    }
}

Result<std::unique_ptr<AdminServer>> Launcher::startAdminEndpoint(AutohostService &service,
                                                                  LogRecorder *recorder) const
{
    const Result<std::optional<AdminSettings>> settings = AdminSettings::fromConfig(m_config, m_dataDir);
    if (!settings)
    {
        return fail(settings.error());
    }
    if (!settings->has_value())
    {
        qCInfo(lcAdmin) << "admin endpoint disabled (adminListen is empty)";
        return std::unique_ptr<AdminServer>();
    }
    if (const Status checked = (*settings)->check(); !checked)
    {
        return fail(checked.error());
    }
    auto server = std::make_unique<AdminServer>(**settings);
    // Before the service starts, so that the counters see everything from the first connection and the
    // players' states follow every update.
    auto *metrics = new AutohostMetrics(&service, server.get());
    server->setMetricsProvider([metrics] { return metrics->render(); });
    auto *state = new HostState(&service, recorder, server.get());
    auto *control = new AdminControl(&service, recorder, server.get());
    server->setStateProvider([state] { return state->snapshot(); });
    // Sessions are the state's children: none outlives it.
    server->setStreamHandler([state, control](QWebSocket *socket)
                             { new AdminSession(socket, state, control, state); });
    if (const Status listening = server->listen(); !listening)
    {
        qCCritical(lcAdmin).noquote() << u"admin endpoint not started: %1"_s.arg(listening.error());
        return std::unique_ptr<AdminServer>();
    }
    qCInfo(lcAdmin).noquote() << u"admin endpoint listening on %1"_s.arg(server->url());
    // Before a restarted program (the desktop app's restart) tries to take the port.
    QObject::connect(&service, &AutohostService::finished, server.get(), &AdminServer::close);
    if (!(*settings)->requiresToken())
    {
        qCWarning(lcAdmin) << "admin endpoint without authentication (adminToken is empty): anyone on this "
                              "machine can control the autohost";
    }
    else if ((*settings)->metricsPublic)
    {
        qCInfo(lcAdmin) << "GET /metrics is open without the token (metricsPublic)";
    }
    return server;
}
