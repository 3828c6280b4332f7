#pragma once

#include <memory>

#include <QObject>
#include <QTemporaryDir>

class AppController;
class AutohostService;
class QQmlEngine;

// What the QML tests run against: a real AutohostService in local mode (engines in a temporary directory with
// only the fake engine, no system engine, so the figures are the test's own) and the AppController QML sees.
// QML starts battles itself, through AppController.localBattle; it is `testSetup` to QML for what QML cannot
// do by itself (logging a line as the autohost does).
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

    // A log line as the autohost's own logging records it (category autohost.test); level is "debug", "info",
    // "warning" or "error".
    Q_INVOKABLE void log(const QString &level, const QString &message);

private:
    static constexpr auto EngineVersion = "2025.06.22";
    QTemporaryDir m_dir;
    std::unique_ptr<AutohostService> m_service;
    std::unique_ptr<AppController> m_controller;
};
