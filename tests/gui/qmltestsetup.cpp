#include "qmltestsetup.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QQmlContext>
#include <QQmlEngine>
#include <QSignalSpy>

#include "appcontroller.h"
#include "autohostservice.h"
#include "logrecorder.h"

using namespace Qt::Literals::StringLiterals;

QmlTestSetup::QmlTestSetup() = default;
QmlTestSetup::~QmlTestSetup() = default;

void QmlTestSetup::applicationAvailable()
{
    Config config;
    config.enginesDir = m_dir.filePath(u"engines"_s);
    config.instancesDir = m_dir.filePath(u"instances"_s);
    config.journalDir = m_dir.filePath(u"journal"_s);
    config.systemEngines = false;
    // One engine, the fake one, so that local battles start; on loopback ports of this process's own.
    const QString engineDir = m_dir.filePath(u"engines/"_s + QString::fromLatin1(EngineVersion));
    if (!QDir().mkpath(engineDir) ||
        !QFile::link(QStringLiteral(FAKE_ENGINE_PATH), engineDir + u"/spring-dedicated"_s))
    {
        qFatal("cannot install the fake engine into %s", qPrintable(engineDir));
    }
    config.engineBindIP = u"127.0.0.1"_s;
    config.engineStartPort = 45000 + int(QCoreApplication::applicationPid() % 40) * 100;
    config.engineAutohostStartPort = config.engineStartPort + 50;
    config.maxPortsUsed = 40;
    config.engineKillGraceSeconds = 2;
    m_service = std::make_unique<AutohostService>(config);
    m_controller = std::make_unique<AppController>(m_service.get(),
                                                   AppController::Paths{m_dir.filePath(u"config.json"_s),
                                                                        m_dir.filePath(u"desktop.ini"_s),
                                                                        m_dir.filePath(u"autohosts.json"_s)});
    AppController::setInstance(m_controller.get());
    m_service->start();
}

void QmlTestSetup::qmlEngineAvailable(QQmlEngine *engine)
{
    engine->addImportPath(u"qrc:/qt/qml"_s);
    engine->rootContext()->setContextProperty(u"testSetup"_s, this);
}

void QmlTestSetup::log(const QString &level, const QString &message)
{
    const QtMsgType type = level == u"debug"_s     ? QtDebugMsg
                           : level == u"warning"_s ? QtWarningMsg
                           : level == u"error"_s   ? QtCriticalMsg
                                                   : QtInfoMsg;
    LogRecorder::recordToActive(type, "autohost.test", message, QDateTime::currentMSecsSinceEpoch());
}

void QmlTestSetup::cleanupTestCase()
{
    // The controller would quit the application when the service finishes: it goes first.
    m_controller.reset();
    QSignalSpy finished(m_service.get(), &AutohostService::finished);
    m_service->shutdownNow();
    if (finished.isEmpty() && !finished.wait(20000))
    {
        qWarning("the battles of the QML tests did not end");
    }
    m_service.reset();
}
