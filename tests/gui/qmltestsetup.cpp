#include "qmltestsetup.h"

#include <QQmlEngine>

#include "appcontroller.h"
#include "autohostservice.h"

using namespace Qt::Literals::StringLiterals;

QmlTestSetup::QmlTestSetup() = default;
QmlTestSetup::~QmlTestSetup() = default;

void QmlTestSetup::applicationAvailable()
{
    Config config;
    config.enginesDir = m_dir.filePath(u"engines"_s);
    config.instancesDir = m_dir.filePath(u"instances"_s);
    config.systemEngines = false;
    m_service = std::make_unique<AutohostService>(config);
    m_controller = std::make_unique<AppController>(
        m_service.get(), AppController::Paths{m_dir.filePath(u"config.json"_s), m_dir.path(),
                                              m_dir.filePath(u"desktop.ini"_s)});
    AppController::setInstance(m_controller.get());
    m_service->start();
}

void QmlTestSetup::qmlEngineAvailable(QQmlEngine *engine)
{
    engine->addImportPath(u"qrc:/qt/qml"_s);
}

void QmlTestSetup::cleanupTestCase()
{
    m_controller.reset();
    m_service.reset();
}
