#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include "uipreferences.h"

class AutohostService;
class QJSEngine;
class QQmlEngine;

// The desktop app's one door into the core, for QML: the service's state as properties, its models as
// CONSTANT pointers and the operator's actions as invokables. QML shows; this class and the core decide.
class AppController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(bool localMode READ localMode CONSTANT)
    Q_PROPERTY(QString serverAddress READ serverAddress CONSTANT)
    Q_PROPERTY(QString configFilePath READ configFilePath CONSTANT)
    Q_PROPERTY(QString dataDir READ dataDir CONSTANT)
    Q_PROPERTY(UiPreferences *preferences READ preferences CONSTANT)

    Q_PROPERTY(QString connectionState READ connectionState NOTIFY connectionChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY connectionChanged)
    Q_PROPERTY(int nextRetrySeconds READ nextRetrySeconds NOTIFY connectionChanged)
    Q_PROPERTY(QDateTime connectedSince READ connectedSince NOTIFY connectionChanged)
    Q_PROPERTY(bool subscribed READ subscribed NOTIFY connectionChanged)
    Q_PROPERTY(int serverUserCount READ serverUserCount NOTIFY serverUserCountChanged)

    Q_PROPERTY(int currentBattles READ currentBattles NOTIFY capacityChanged)
    Q_PROPERTY(int maxBattles READ maxBattles NOTIFY capacityChanged)
    Q_PROPERTY(int configuredMaxBattles READ configuredMaxBattles CONSTANT)
    Q_PROPERTY(bool draining READ draining NOTIFY capacityChanged)
    Q_PROPERTY(QStringList engineVersions READ engineVersions NOTIFY enginesChanged)
    Q_PROPERTY(bool shuttingDown READ shuttingDown NOTIFY shuttingDownChanged)

public:
    struct Paths
    {
        QString configFile;      // the file Settings saves to (the one headless mode reads)
        QString dataDir;         // where relative paths of the configuration point
        QString preferencesFile; // the app's own preferences; empty: the platform's default
    };

    AppController(AutohostService *service, const Paths &paths, QObject *parent = nullptr);
    ~AppController() override;

    // QML's singleton factory: the instance main() made (owned by C++).
    static AppController *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    static void setInstance(AppController *controller);

    QString version() const;
    bool localMode() const;
    QString serverAddress() const;
    QString configFilePath() const { return m_configFilePath; }
    QString dataDir() const { return m_dataDir; }
    UiPreferences *preferences() { return &m_preferences; }

    // "local", "authenticating", "connecting", "connected", "waiting" (to retry), "stopping", "stopped".
    QString connectionState() const;
    QString lastError() const;
    int nextRetrySeconds() const;
    QDateTime connectedSince() const { return m_connectedSince; }
    bool subscribed() const;
    int serverUserCount() const; // -1: not known

    int currentBattles() const;
    int maxBattles() const;
    int configuredMaxBattles() const;
    bool draining() const;
    QStringList engineVersions() const;
    bool shuttingDown() const { return m_shuttingDown; }

    AutohostService *service() const { return m_service; }

    // Stops accepting new battles (maxBattles 0 in autohost/status) or accepts them again.
    Q_INVOKABLE void setDraining(bool draining);
    // Clean shutdown of every battle, then quits.
    Q_INVOKABLE void quit();

signals:
    void connectionChanged();
    void serverUserCountChanged();
    void capacityChanged();
    void enginesChanged();
    void shuttingDownChanged();

private:
    AutohostService *m_service;
    QString m_configFilePath;
    QString m_dataDir;
    UiPreferences m_preferences;
    QTimer m_countdown;
    QDateTime m_connectedSince;
    bool m_shuttingDown = false;
};
