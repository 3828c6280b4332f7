#pragma once

#include <QDateTime>
#include <QJSValue>
#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include "backend/autohostbackend.h"
#include "backend/fleet.h"
#include "backend/hostmirror.h"
#include "backend/savedautohosts.h"
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
class QJSEngine;
class QQmlEngine;

// The desktop app's one door into the core, for QML. It watches a fleet of autohosts: this process's own
// (a HostMirror over a LocalBackend, the HostState and AdminControl the admin endpoint serves) and the remote
// ones the operator attached to (over RemoteBackend, kept in a saved list). The views show the current one
// through the same properties and models whichever it is, and the operator's actions go to its backend's
// perform; QML shows, this class and the core decide. The mirror's models have the role names and the
// properties the views read of the app's own models.
class AppController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(Fleet *fleet READ fleet CONSTANT)
    // The row of the fleet the views show.
    Q_PROPERTY(int currentHost READ currentHost WRITE setCurrentHost NOTIFY currentHostChanged)
    Q_PROPERTY(QString hostName READ hostName NOTIFY currentHostChanged)
    // The autohost shown runs in this process: its files are on this machine, and its settings are the
    // ones the Settings page edits.
    Q_PROPERTY(bool hostInProcess READ hostInProcess NOTIFY currentHostChanged)
    // The link to the autohost shown: Fleet::linkStateName's names, and why it is not attached.
    Q_PROPERTY(QString linkState READ linkState NOTIFY linkChanged)
    Q_PROPERTY(QString linkError READ linkError NOTIFY linkChanged)
    // Battles of this process's own autohost (what quitting the app stops).
    Q_PROPERTY(int inProcessBattles READ inProcessBattles NOTIFY inProcessBattlesChanged)

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
    Q_PROPERTY(MirrorRowModel *engines READ engines NOTIFY currentHostChanged)
    Q_PROPERTY(MirrorInstallModel *installs READ installs NOTIFY currentHostChanged)
    Q_PROPERTY(MirrorMetrics *metrics READ metrics NOTIFY currentHostChanged)
    Q_PROPERTY(ConfigEditor *settings READ settings CONSTANT)
    Q_PROPERTY(LogModel *log READ log NOTIFY currentHostChanged)
    // Local mode only (null with a lobby server): the form that starts battles on the autohost shown.
    Q_PROPERTY(LocalBattleForm *localBattle READ localBattle NOTIFY hostChanged)
    // The address players connect to.
    Q_PROPERTY(QString hostAddress READ hostAddress NOTIFY hostChanged)

public:
    struct Paths
    {
        QString configFile;      // the file Settings saves to (the one headless mode reads)
        QString preferencesFile; // the app's own preferences; empty: the platform's default
        QString autohostsFile;   // the saved list of remote autohosts (SavedAutohosts); empty: not kept
    };

    // What an action's caller learns: an empty text, or what went wrong.
    using ErrorHandler = std::function<void(const QString &error)>;
    // What addPlayer's caller learns: {"userId", "password"} or {"error"}.
    using AddedHandler = std::function<void(const QVariantMap &outcome)>;

    // recorder: where the log view's lines come from; null: a recorder of the controller's own, made active.
    AppController(AutohostService *service, const Paths &paths, LogRecorder *recorder = nullptr,
                  QObject *parent = nullptr);
    ~AppController() override;

    // QML's singleton factory: the instance main() made (owned by C++).
    static AppController *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    static void setInstance(AppController *controller);

    Fleet *fleet() const { return m_fleet; }
    int currentHost() const { return m_fleet->indexOf(m_mirror); }
    void setCurrentHost(int row);
    QString hostName() const { return m_fleet->name(currentHost()); }
    bool hostInProcess() const { return m_fleet->inProcess(currentHost()); }
    QString linkState() const;
    QString linkError() const;
    int inProcessBattles() const;

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
    LocalBattleForm *localBattle() const;
    QString hostAddress() const { return m_mirror->hostAddress(); }
    AutohostService *service() const { return m_service; }
    // What the in-process mirror is made from (for tests: its metrics history).
    HostState *hostState() const { return m_state; }
    // The mirror the views show.
    HostMirror *mirror() const { return m_mirror; }

    // Attaches to a remote autohost's admin endpoint and keeps it in the saved list; the fleet shows how the
    // link goes. Empty when added, else {"field": "host"|"port"|"token"|"certificateFile", "error": text}.
    // certificateFile: a path or a file: URL; empty: the system's certificate authorities only.
    Q_INVOKABLE QVariantMap connectToAutohost(const QString &name, const QString &host, int port,
                                              const QString &token, bool tls, const QString &certificateFile);
    // Detaches from a remote autohost and forgets it (this process's own cannot be removed).
    Q_INVOKABLE void removeAutohost(int row);
    // Tries a remote autohost's link again now (after a refused token, or to skip the wait).
    Q_INVOKABLE void reconnectAutohost(int row);

    // A battle's row of the battles table by role name (empty when unknown).
    Q_INVOKABLE QVariantMap battleInfo(const QString &battleId) const;
    // A battle's players and spectators with their live state (null when unknown).
    Q_INVOKABLE MirrorPlayerModel *players(const QString &battleId) const;
    // A battle's live feed (null when unknown).
    Q_INVOKABLE FeedModel *feed(const QString &battleId) const;

    // The operator's actions on a battle of the autohost shown. Each answers the callback (from QML: a
    // function) once with an empty text, or what went wrong: at once for this process's autohost, when the
    // answer arrives for a remote one.
    void killBattle(const QString &battleId, ErrorHandler done);
    void kickPlayer(const QString &battleId, const QString &userId, ErrorHandler done);
    void specPlayer(const QString &battleId, const QString &userId, ErrorHandler done);
    void mutePlayer(const QString &battleId, const QString &userId, bool chat, bool draw, ErrorHandler done);
    // Lets one more user into a running battle (the engine adds them as a spectator) with a generated
    // password.
    void addPlayer(const QString &battleId, const QString &name, AddedHandler done);
    void sendMessage(const QString &battleId, const QString &message, ErrorHandler done);
    // A command line as typed: "/cheat", "luarules ping 1" — the first word is the command.
    void sendCommand(const QString &battleId, const QString &commandLine, ErrorHandler done);
    Q_INVOKABLE void killBattle(const QString &battleId, const QJSValue &done);
    Q_INVOKABLE void kickPlayer(const QString &battleId, const QString &userId, const QJSValue &done);
    Q_INVOKABLE void specPlayer(const QString &battleId, const QString &userId, const QJSValue &done);
    Q_INVOKABLE void mutePlayer(const QString &battleId, const QString &userId, bool chat, bool draw,
                                const QJSValue &done);
    Q_INVOKABLE void addPlayer(const QString &battleId, const QString &name, const QJSValue &done);
    Q_INVOKABLE void sendMessage(const QString &battleId, const QString &message, const QJSValue &done);
    Q_INVOKABLE void sendCommand(const QString &battleId, const QString &commandLine, const QJSValue &done);

    Q_INVOKABLE QString openInstanceFolder(const QString &battleId) const;
    Q_INVOKABLE QString openEngineLog(const QString &battleId) const;
    Q_INVOKABLE void copyToClipboard(const QString &text) const;

    // Stops accepting new battles (maxBattles 0 in autohost/status) or accepts them again.
    Q_INVOKABLE void setDraining(bool draining);
    // Clean shutdown of every battle of this process's autohost, then quits.
    Q_INVOKABLE void quit();
    // Like quit(), then starts the program again (to use a saved configuration).
    Q_INVOKABLE void restart();

signals:
    void currentHostChanged();
    void linkChanged();
    void inProcessBattlesChanged();
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
    // An action of the autohost shown; done gets its answer.
    void perform(const QString &action, const Json &data, AutohostBackend::Done done);
    // An action on a battle, with data besides the battle id; on success, the note goes to the battle's feed.
    void request(const QString &battleId, const QString &action, Json data, const QString &note,
                 ErrorHandler done);
    ErrorHandler errorCallback(const QJSValue &callback) const;
    QString openPath(const QString &battleId, const QString &role) const;
    QString playerName(const QString &battleId, const QString &userId) const;
    void showMirror(HostMirror *mirror);
    void addRemote(const SavedAutohosts::Entry &entry);
    void saveAutohosts();

    AutohostService *m_service;
    std::unique_ptr<LogRecorder> m_ownRecorder;
    HostState *m_state;
    AdminControl *m_control;
    Fleet *m_fleet;
    HostMirror *m_ownMirror = nullptr;
    QPointer<HostMirror> m_mirror;
    QList<QMetaObject::Connection> m_mirrorConnections;
    BattleFilterModel *m_battleFilter;
    ConfigEditor *m_settings;
    // The new-battle form of each autohost in local mode, made when first shown.
    mutable QHash<const HostMirror *, QPointer<LocalBattleForm>> m_forms;
    UiPreferences m_preferences;
    QString m_autohostsFile;
    QPointer<QJSEngine> m_jsEngine;
    int m_serverUserCount = -1;
    bool m_shuttingDown = false;
    bool m_restarting = false;
};
