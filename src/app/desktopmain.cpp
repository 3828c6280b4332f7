// The desktop build: a Qt Quick window over the core, or the same core headless with --headless.
#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QStandardPaths>
#include <QtQml/qqmlextensionplugin.h>

#include "admin/adminserver.h"
#include "appcontroller.h"
#include "autohostservice.h"
#include "launcher.h"
#include "logging.h"
#include "logrecorder.h"
#include "signalwatcher.h"

Q_IMPORT_QML_PLUGIN(AutohostPlugin)

using namespace Qt::Literals::StringLiterals;

namespace
{
void nameApplication()
{
    QCoreApplication::setApplicationName(u"autohost"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(AUTOHOST_VERSION));
}
} // namespace

int main(int argc, char *argv[])
{
    if (Launcher::wantsHeadless(argc, argv))
    {
        QCoreApplication app(argc, argv);
        nameApplication();
        Launcher launcher;
        if (const int exitCode = launcher.prepare(app, Launcher::Face::Headless); exitCode >= 0)
        {
            return exitCode;
        }
        return launcher.runHeadless(app);
    }

    QGuiApplication app(argc, argv);
    nameApplication();
    QGuiApplication::setApplicationDisplayName(u"Autohost"_s);
    QGuiApplication::setDesktopFileName(u"io.github.autohost.Autohost"_s);
    // Everything logged from the start shows in the log view.
    LogRecorder recorder;
    LogRecorder::setActive(&recorder);
    Launcher launcher;
    if (const int exitCode = launcher.prepare(app, Launcher::Face::Desktop); exitCode >= 0)
    {
        return exitCode;
    }

    AutohostService service(launcher.config());
    Result<std::unique_ptr<AdminServer>> admin = launcher.startAdminEndpoint(service, &recorder);
    if (!admin)
    {
        qCCritical(lcConfig).noquote() << u"invalid configuration: "_s + admin.error();
        return 2;
    }
    // The remote autohosts the operator attached to, next to the app's preferences.
    const QString autohostsFile = QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
                                      .filePath(u"autohosts.json"_s);
    AppController controller(&service, {launcher.configFilePath(), {}, autohostsFile}, &recorder);
    AppController::setInstance(&controller);
    QObject::connect(&controller, &AppController::finished, &app, [] { QCoreApplication::exit(0); });

    // Ctrl+C in the terminal: the same clean shutdown as quitting from the window.
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &controller,
                     [&controller](const QString &name, int)
                     {
                         qCInfo(lcConfig).noquote() << u"%1 received: shutting down"_s.arg(name);
                         controller.quit();
                     });

    QQuickStyle::setStyle(u"Fusion"_s);
    QQmlApplicationEngine engine;
    engine.addImportPath(u"qrc:/qt/qml"_s);
    controller.preferences()->attach(&engine);
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.load(QUrl(u"qrc:/qt/qml/Autohost/Main.qml"_s));
    if (const Status started = service.start(); !started)
    {
        qCCritical(lcConfig).noquote() << u"cannot start: "_s + started.error();
        return 2;
    }
    return app.exec();
}
