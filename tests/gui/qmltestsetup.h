#pragma once

#include <memory>

#include <QObject>
#include <QTemporaryDir>

class AppController;
class AutohostService;
class QQmlEngine;

// What the QML tests run against: a real AutohostService in local mode (engines in a temporary directory,
// no system engine, so the figures are the test's own) and the AppController QML sees.
class QmlTestSetup : public QObject
{
    Q_OBJECT

public:
    QmlTestSetup();
    ~QmlTestSetup() override;

public slots:
    void applicationAvailable();
    void qmlEngineAvailable(QQmlEngine *engine);
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AutohostService> m_service;
    std::unique_ptr<AppController> m_controller;
};
