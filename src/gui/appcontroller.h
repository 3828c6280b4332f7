#pragma once

#include <QDateTime>
#include <QObject>
#include <QtQml/qqmlregistration.h>

#include "backend/autohostbackend.h"
#include "backend/hostmirror.h"
#include "local/localbattleform.h"
#include "logrecorder.h"
#include "models/battlefiltermodel.h"
#include "models/configeditor.h"
#include "models/feedmodel.h"
#include "models/logmodel.h"
#include "protocol/json.h"
#include "uipreferences.h"

class AdminControl;
class AutohostService;
class HostState;
class LocalBackend;
class QJSEngine;
class QQmlEngine;

// The desktop app's one door into the core, for QML: what the views show is a HostMirror of the in-process
// autohost over a LocalBackend (its HostState and AdminControl, as the admin endpoint serves them), the
// operator's actions go through the backend's perform; QML shows, this class and the core decide. The
// mirror's models have the role names and the properties the views read of the app's own models.
class AppController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(bool localMode READ localMode NOTIFY hostChanged)
    Q_PROPERTY(QString serverAddress READ serverAddress NOTIFY hostChanged)
    Q_PROPERTY(UiPreferences *preferences READ preferences CONSTANT)

    Q_PROPERTY(QString connectionState READ connectionState NOTIFY connectionChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY connectionChanged)
    Q_PROPERTY(int nextRetrySeconds READ nextRetrySeconds NOTIFY connectionChanged)
    Q_PROPERTY(QDateTime connectedSince READ connectedSince NOTIFY connectionChanged)
    Q_PROPERTY(int serverUserCount READ serverUserCount NOTIFY serverUserCountChanged)

    Q_PROPERTY(int currentBattles READ currentBattles NOTIFY capacityChanged)
    Q_PROPERTY(int maxBattles READ maxBattles NOTIFY capacityChanged)
    Q_PROPERTY(int configuredMaxBattles READ configuredMaxBattles NOTIFY capacityChanged)
    Q_PROPERTY(bool draining READ draining NOTIFY capacityChanged)
    Q_PROPERTY(QStringList engineVersions READ engineVersions NOTIFY enginesChanged)
    Q_PROPERTY(bool shuttingDown READ shuttingDown NOTIFY shuttingDownChanged)
    Q_PROPERTY(QString enginesDir READ enginesDir NOTIFY hostChanged)

    Q_PROPERTY(BattleFilterModel *battles READ battles CONSTANT)
    Q_PROPERTY(MirrorRowModel *engines READ engines CONSTANT)
    Q_PROPERTY(MirrorInstallModel *installs READ installs CONSTANT)
    Q_PROPERTY(MirrorMetrics *metrics READ metrics CONSTANT)
    Q_PROPERTY(ConfigEditor *settings READ settings CONSTANT)
    Q_PROPERTY(LogModel *log READ log CONSTANT)
    // Local mode only (null with a lobby server): the form that starts battles on this machine.
    Q_PROPERTY(LocalBattleForm *localBattle READ localBattle CONSTANT)
    // The address players connect to.
    Q_PROPERTY(QString hostAddress READ hostAddress NOTIFY hostChanged)

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

    bool localMode() const { return m_mirror->localMode(); }
    QString serverAddress() const { return m_mirror->serverAddress(); }
    UiPreferences *preferences() { return &m_preferences; }

    // "local", "authenticating", "connecting", "connected", "waiting" (to retry), "stopping", "stopped".
    QString connectionState() const { return m_mirror->connectionState(); }
    QString lastError() const { return m_mirror->lastError(); }
    int nextRetrySeconds() const { return m_mirror->nextRetrySeconds(); }
    QDateTime connectedSince() const { return m_mirror->connectedSince(); }
    bool subscribed() const { return m_mirror->subscribed(); }
    int serverUserCount() const { return m_mirror->serverUserCount(); } // -1: not known

    int currentBattles() const { return m_mirror->currentBattles(); }
    int maxBattles() const { return m_mirror->maxBattles(); }
    int configuredMaxBattles() const { return m_mirror->configuredMaxBattles(); }
    bool draining() const { return m_mirror->draining(); }
    QStringList engineVersions() const { return m_mirror->engineVersions(); }
    bool shuttingDown() const { return m_shuttingDown; }

    QString enginesDir() const { return m_mirror->enginesDir(); }

    BattleFilterModel *battles() const { return m_battleFilter; }
    MirrorRowModel *engines() const { return m_mirror->engines(); }
    MirrorInstallModel *installs() const { return m_mirror->installs(); }
    MirrorMetrics *metrics() const { return m_mirror->metrics(); }
    ConfigEditor *settings() const { return m_settings; }
    LogModel *log() const { return m_mirror->log(); }
    LocalBattleForm *localBattle() const { return m_localBattle; }
    QString hostAddress() const { return m_mirror->hostAddress(); }
    AutohostService *service() const { return m_service; }
    // What the mirror is made from (for tests: its metrics history).
    HostState *hostState() const { return m_state; }

    // A battle's row of the battles table by role name (empty when unknown).
    Q_INVOKABLE QVariantMap battleInfo(const QString &battleId) const;
    // A battle's players and spectators with their live state (null when unknown).
    Q_INVOKABLE MirrorPlayerModel *players(const QString &battleId) const;
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
    void hostChanged();
    void connectionChanged();
    void serverUserCountChanged();
    void capacityChanged();
    void enginesChanged();
    void shuttingDownChanged();
    // The service has shut down after quit() or restart(): the program may exit.
    void finished();

private:
    // What the operator reads when an action failed.
    static QString failureText(const RequestFailure &failure);
    // An action of the in-process autohost, whose answers to the operator's actions come at once.
    AutohostBackend::Answer perform(const QString &action, const Json &data);
    // An action on a battle, with data besides the battle id: empty, or the failure.
    QString request(const QString &battleId, const QString &action, Json data);
    QString openPath(const QString &battleId, const QString &role) const;
    QString playerName(const QString &battleId, const QString &userId) const;
    // Shows what the operator did in the battle's feed.
    void note(const QString &battleId, const QString &text);

    AutohostService *m_service;
    std::unique_ptr<LogRecorder> m_ownRecorder;
    HostState *m_state;
    AdminControl *m_control;
    LocalBackend *m_backend;
    HostMirror *m_mirror;
    BattleFilterModel *m_battleFilter;
    ConfigEditor *m_settings;
    LocalBattleForm *m_localBattle = nullptr;
    UiPreferences m_preferences;
    int m_serverUserCount = -1;
    bool m_shuttingDown = false;
    bool m_restarting = false;
};
