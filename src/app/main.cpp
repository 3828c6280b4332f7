#include <cstdio>

#include <QCommandLineParser>
#include <QCoreApplication>

#include "autohostservice.h"
#include "config/config.h"
#include "logging.h"
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
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"autohost"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(AUTOHOST_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Tachyon autohost: hosts Recoil/Spring engine battles for a Tachyon lobby server."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption headless(u"headless"_s, u"Run without a user interface."_s);
    const QCommandLineOption configFile({u"c"_s, u"config"_s},
                                        u"Read the configuration from <file> (JSON)."_s, u"file"_s);
    const QCommandLineOption set(u"set"_s, u"Override one configuration key, e.g. --set maxBattles=10."_s,
                                 u"key=value"_s);
    const QCommandLineOption logFormat(
        u"log-format"_s, u"Log as plain text lines or JSON lines: text or json."_s, u"format"_s);
    const QCommandLineOption printConfig(u"print-config"_s,
                                         u"Print the effective configuration (secret masked) and exit."_s);
    parser.addOptions({headless, configFile, set, logFormat, printConfig});
    parser.addPositionalArgument(u"config"_s, u"Configuration file, as an alternative to --config."_s,
                                 u"[config]"_s);
    parser.process(app);

    QString error;
    ConfigSources sources;
    sources.filePath = parser.value(configFile);
    if (sources.filePath.isEmpty() && !parser.positionalArguments().isEmpty())
    {
        sources.filePath = parser.positionalArguments().constFirst();
    }
    sources.environment = ConfigLoader::processEnvironment();
    sources.overrides = parseOverrides(parser.values(set), &error);
    if (parser.isSet(logFormat))
    {
        sources.overrides.append({u"logFormat"_s, parser.value(logFormat)});
    }
    if (!error.isEmpty())
    {
        std::fprintf(stderr, "autohost: %s\n", qPrintable(error));
        return 2;
    }
    const auto loaded = ConfigLoader::load(sources);
    if (!loaded)
    {
        std::fprintf(stderr, "autohost: invalid configuration: %s\n", qPrintable(loaded.error()));
        return 2;
    }
    const Config &config = loaded->config;
    if (parser.isSet(printConfig))
    {
        std::printf("%s\n", qPrintable(ConfigLoader::describe(config)));
        return 0;
    }

    LogOutput::install(config.logFormat == u"json"_s ? LogOutput::Format::Json : LogOutput::Format::Text);
    for (const QString &warning : loaded->warnings)
    {
        qCWarning(lcConfig).noquote() << warning;
    }
    if (!parser.isSet(headless))
    {
        qCInfo(lcConfig) << "this build has no desktop app; running headless";
    }
    qCInfo(lcConfig).noquote() << u"autohost %1 starting with configuration %2"_s.arg(
        QCoreApplication::applicationVersion(), ConfigLoader::describe(config));

    AutohostService service(config);
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &service,
                     [&service](const QString &name, int count)
                     {
                         if (count == 1)
                         {
                             qCInfo(lcConfig).noquote()
                                 << u"%1 received: shutting down cleanly (again to stop at once)"_s.arg(name);
                             service.shutdown(u"autohost shutting down"_s);
                         }
                         else
                         {
                             qCWarning(lcConfig).noquote()
                                 << u"%1 received again: killing all engines"_s.arg(name);
                             service.shutdownNow();
                         }
                     });
    QObject::connect(&service, &AutohostService::finished, &app, [] { QCoreApplication::exit(0); });
    service.start();
    return app.exec();
}
