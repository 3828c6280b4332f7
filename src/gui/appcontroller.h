#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include "local/localbattleform.h"
#include "logrecorder.h"
#include "models/battlefeeds.h"
#include "models/battlefiltermodel.h"
#include "models/battlelistmodel.h"
#include "models/configeditor.h"
#include "models/enginelistmodel.h"
#include "models/feedmodel.h"
#include "models/installlistmodel.h"
#include "models/logmodel.h"
#include "models/metricshistory.h"
#include "models/playerlistmodel.h"
#include "protocol/json.h"
#include "uipreferences.h"
#include "util/result.h"

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

    Q_PROPERTY(bool localMode READ localMode CONSTANT)
    Q_PROPERTY(QString serverAddress READ serverAddress CONSTANT)
    Q_PROPERTY(UiPreferences *preferences READ preferences CONSTANT)

    Q_PROPERTY(QString connectionState READ connectionState NOTIFY connectionChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY connectionChanged)
    Q_PROPERTY(int nextRetrySeconds READ nextRetrySeconds NOTIFY connectionChanged)
    Q_PROPERTY(QDateTime connectedSince READ connectedSince NOTIFY connectionChanged)
    Q_PROPERTY(int serverUserCount READ serverUserCount NOTIFY serverUserCountChanged)

    Q_PROPERTY(int currentBattles READ currentBattles NOTIFY capacityChanged)
    Q_PROPERTY(int maxBattles READ maxBattles NOTIFY capacityChanged)
    Q_PROPERTY(int configuredMaxBattles READ configuredMaxBattles CONSTANT)
    Q_PROPERTY(bool draining READ draining NOTIFY capacityChanged)
    Q_PROPERTY(QStringList engineVersions READ engineVersions NOTIFY enginesChanged)
    Q_PROPERTY(bool shuttingDown READ shuttingDown NOTIFY shuttingDownChanged)
    Q_PROPERTY(QString enginesDir READ enginesDir CONSTANT)

    Q_PROPERTY(BattleFilterModel *battles READ battles CONSTANT)
    Q_PROPERTY(EngineListModel *engines READ engines CONSTANT)
    Q_PROPERTY(InstallListModel *installs READ installs CONSTANT)
    Q_PROPERTY(MetricsHistory *metrics READ metrics CONSTANT)
    Q_PROPERTY(ConfigEditor *settings READ settings CONSTANT)
    Q_PROPERTY(LogModel *log READ log CONSTANT)
    // Local mode only (null with a lobby server): the form that starts battles on this machine.
    Q_PROPERTY(LocalBattleForm *localBattle READ localBattle CONSTANT)
    // The address players connect to.
    Q_PROPERTY(QString hostAddress READ hostAddress CONSTANT)

public:
    struct Paths
    {
        QString configFile;      // the file Settings saves to (the one headless mode reads)
        QString preferencesFile; // the app's own preferences; empty: the platform's default
    };

    // recorder: where the log view's lines come from; null: a recorder of the controller's own, made active.
    AppController(AutohostService *service, const Paths &paths, LogRecorder *recorder = nullptr,
                  QObject *parent = nullptr);
    ~AppController() override;

    // QML's singleton factory: the instance main() made (owned by C++).
    static AppController *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    static void setInstance(AppController *controller);

    bool localMode() const;
    QString serverAddress() const;
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

    QString enginesDir() const;

    BattleFilterModel *battles() const { return m_battleFilter; }
    BattleListModel *battleList() const { return m_battleList; }
    EngineListModel *engines() const { return m_engines; }
    InstallListModel *installs() const { return m_installs; }
    MetricsHistory *metrics() const { return m_metrics; }
    ConfigEditor *settings() const { return m_settings; }
    LogModel *log() const { return m_log; }
    LocalBattleForm *localBattle() const { return m_localBattle; }
    QString hostAddress() const;
    AutohostService *service() const { return m_service; }

    // A battle's row of the battles table by role name (empty when unknown).
    Q_INVOKABLE QVariantMap battleInfo(const QString &battleId) const;
    // A battle's players and spectators with their live state (null when unknown).
    Q_INVOKABLE PlayerListModel *players(const QString &battleId) const;
    // A battle's live feed (null when unknown).
    Q_INVOKABLE FeedModel *feed(const QString &battleId) const;

    // The operator's actions on a battle. Each returns an empty text, or what went wrong.
    Q_INVOKABLE QString killBattle(const QString &battleId);
    Q_INVOKABLE QString kickPlayer(const QString &battleId, const QString &userId);
    Q_INVOKABLE QString specPlayer(const QString &battleId, const QString &userId);
    Q_INVOKABLE QString mutePlayer(const QString &battleId, const QString &userId, bool chat, bool draw);
    // Lets one more user into a running battle (the engine adds them as a spectator) with a generated
    // password:
    // {"userId", "password"} or {"error"}.
    Q_INVOKABLE QVariantMap addPlayer(const QString &battleId, const QString &name);
    Q_INVOKABLE QString sendMessage(const QString &battleId, const QString &message);
    // A command line as typed: "/cheat", "luarules ping 1" — the first word is the command.
    Q_INVOKABLE QString sendCommand(const QString &battleId, const QString &commandLine);
    Q_INVOKABLE QString openInstanceFolder(const QString &battleId) const;
    Q_INVOKABLE QString openEngineLog(const QString &battleId) const;
    Q_INVOKABLE void copyToClipboard(const QString &text) const;

    // Stops accepting new battles (maxBattles 0 in autohost/status) or accepts them again.
    Q_INVOKABLE void setDraining(bool draining);
    // Clean shutdown of every battle, then quits.
    Q_INVOKABLE void quit();
    // Like quit(), then starts the program again (to use a saved configuration).
    Q_INVOKABLE void restart();

signals:
    void connectionChanged();
    void serverUserCountChanged();
    void capacityChanged();
    void enginesChanged();
    void shuttingDownChanged();
    // The service has shut down after quit() or restart(): the program may exit.
    void finished();

private:
    // What the operator reads when a request on a battle failed.
    static QString failureText(const RequestFailure &failure);
    // One of BattleRequests' requests on a battle, with data besides the battle id: empty, or the failure.
    QString request(const QString &battleId, const QString &command, Json data);
    QString openPath(const QString &battleId, const QString &role) const;
    // Shows what the operator did in the battle's feed.
    void note(const QString &battleId, const QString &text);

    AutohostService *m_service;
    BattleListModel *m_battleList;
    BattleFilterModel *m_battleFilter;
    EngineListModel *m_engines;
    InstallListModel *m_installs;
    MetricsHistory *m_metrics;
    ConfigEditor *m_settings;
    BattleFeeds *m_feeds;
    std::unique_ptr<LogRecorder> m_ownRecorder;
    LogModel *m_log;
    LocalBattleForm *m_localBattle = nullptr;
    UiPreferences m_preferences;
    QTimer m_countdown;
    QDateTime m_connectedSince;
    bool m_shuttingDown = false;
    bool m_restarting = false;
};
