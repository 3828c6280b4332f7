#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>
#include <QTimer>

#include "battles/battlemanager.h"
#include "config/config.h"
#include "engine/enginecatalog.h"
#include "engine/engineinstaller.h"
#include "local/contentcatalog.h"
#include "net/tachyonclient.h"
#include "updates/updatebuffer.h"
#include "updates/updatejournal.h"

// The autohost: serves the Tachyon server's requests with the battle manager, streams updates to the
// subscribed server, and keeps the server's picture of this host (autohost/status) current. The headless
// program and the desktop app are two faces of this one object.
//
// With a journal (journalDir), every update is written to disk before it goes anywhere, the buffer starts
// with the updates of the previous run (so a subscriber's since works across a restart), and the battles
// that were running when the previous run died are reported as engine_crash.
class AutohostService : public QObject
{
    Q_OBJECT

public:
    // Opens the journal, if any, and fills the update buffer from it.
    explicit AutohostService(const Config &config, QObject *parent = nullptr);
    ~AutohostService() override;

    // Scans the engines and, unless in local mode, connects to the Tachyon server. Fails, doing nothing, when
    // the journal cannot be used (another autohost holds it, the directory is not writable).
    Status start();
    // What applyConfig() did with a new configuration: the keys it applied, and those that differ but take
    // effect only after a restart (both in the order of ConfigLoader::keys()).
    struct ConfigChange
    {
        QStringList applied;
        QStringList needsRestart;
    };

    // Clean shutdown after a drain: accepts no new battles (status maxBattles 0; a start fails saying the
    // autohost is shutting down), lets the running battles go on for up to drainTimeoutSeconds to end by
    // themselves, then stops the rest as autohost/kill does, waits for the engines to exit, sends
    // system/disconnect and emits finished(). What SIGTERM does to the headless program.
    void drain(const QString &reason);
    // The same without the wait: the battles are stopped at once, as autohost/kill does. Also ends a drain.
    void shutdown(const QString &reason);
    // Kills every engine at once and finishes.
    void shutdownNow();
    // Takes what can change while running from a new configuration (the live keys: maxBattles, the settings,
    // timeouts and limits of new battles, the advertised IP, intervals, engine downloads, the drain timeout,
    // the log format); the rest stays until a restart.
    ConfigChange applyConfig(const Config &config);
    static const QStringList &liveKeys();
    // Starts a battle the operator planned on this machine (the desktop app's local mode) exactly as a served
    // autohost/start: same admission, ports and engines. The request must be one RequestDecoder produced
    // (LocalBattlePlan does that). Answers through handler exactly once. The battle's updates reach updates()
    // but never the Tachyon server, which did not ask for the battle.
    void startLocalBattle(const StartRequest &request, BattleManager::StartHandler handler);
    // Installs an engine version in the background as autohost/installEngine does (the version must be one
    // RequestDecoder accepted); what the installer made of the request.
    EngineInstaller::Request installEngine(const QString &version);

    const Config &config() const { return m_config; }
    BattleManager *battles() { return &m_battles; }
    EngineCatalog *engines() { return &m_engines; }
    EngineInstaller *installer() { return &m_installer; }
    // The games and maps in the data directories (engineDataDirs and the engine's own), for local battles.
    ContentCatalog *content() { return &m_content; }
    UpdateBuffer *updates() { return &m_updates; }
    // Null when journalDir is empty.
    const UpdateJournal *journal() const { return m_journal.get(); }
    TachyonClient *client() { return m_client; } // null in local mode
    // The server's user count from system/serverStats, if it answered.
    std::optional<qint64> serverUserCount() const { return m_userCount; }
    bool subscribed() const { return m_sentUpTo.has_value(); }
    // drain() or shutdown() was called: no battle is accepted any more.
    bool shuttingDown() const { return m_shuttingDown; }
    // A drain is waiting for running battles to end by themselves.
    bool draining() const { return m_drainTimer.isActive(); }

    // The data of the autohost/status event as it stands.
    Json statusData() const;

    using Answer = std::function<void(const Json &response)>;
    // Serves one request of the Tachyon server: answer receives its response exactly once, at once or when a
    // battle start ends. The requests of the connection come through here; the request fuzzer calls it
    // directly, without a socket.
    void serve(const TachyonMessage &request, const Answer &answer);

signals:
    void serverUserCountChanged();
    void finished();
    // A response went to the Tachyon server: its commandId, "success" or the failure reason, and the time
    // from the request's arrival to the response being sent.
    void requestAnswered(const QString &commandId, const QString &outcome, double latencySeconds);
    // An autohost/update event went to the Tachyon server (live or replayed after subscribeUpdates).
    void updateRelayed(const UpdateBuffer::Entry &entry);

private:
    // Where and when a request of the server arrived.
    struct Receipt
    {
        quint64 generation = 0; // of the connection it came on
        QElapsedTimer clock;    // started on arrival
    };

    void handleConnected();
    void handleDisconnected();
    void handleRequest(const TachyonMessage &request);
    void respond(const Receipt &receipt, const Json &response);
    void scheduleStatus();
    void sendStatus(bool force);
    void requestServerStats();
    void handleAppended(const UpdateBuffer::Entry &entry);
    // How passOnAppended hands updates to the server connection: a share per turn of the event loop, or
    // everything at once (before the connection closes).
    enum class Pace
    {
        PerTurn,
        AllNow,
    };
    // Journals the updates appended so far, then hands the subscriber the updates it has not had yet, oldest
    // first; with Pace::PerTurn a share of them, queuing another call for the rest.
    void passOnAppended(Pace pace = Pace::PerTurn);
    void queuePassOn(int delayMilliseconds);
    void sendUpdate(const UpdateBuffer::Entry &entry);
    void beginShutdown(const QString &reason);
    void startDrainTimer(qint64 remainingMs);
    void stopRemainingBattles();
    void finishShutdown();

    void openJournal();
    void journalBattleStarted(Battle *battle);
    void maintainJournal();
    void reportInterruptedBattles();
    void reportInterrupted(const UpdateJournal::OpenBattle &battle);

    void handleStart(const TachyonMessage &request, const Answer &answer);
    void handleSubscribeUpdates(const TachyonMessage &request, const Answer &answer);

    Config m_config;
    QNetworkAccessManager m_network;
    EngineCatalog m_engines;
    UpdateBuffer m_updates;
    EngineInstaller m_installer;
    BattleManager m_battles;
    ContentCatalog m_content;
    TachyonClient *m_client = nullptr;
    QTimer m_statusTimer;
    QTimer m_serverStatsTimer;
    QTimer m_drainTimer;
    QElapsedTimer m_drainClock;       // since the drain began
    std::optional<Json> m_lastStatus; // last status sent on the current connection
    // While subscribed: the time of the newest update passed on to the server (at first the since of
    // subscribeUpdates); updates with later times are its backlog.
    std::optional<qint64> m_sentUpTo;
    bool m_passOnQueued = false;
    std::string m_eventText; // the update event being sent, its capacity kept from one to the next
    std::optional<qint64> m_userCount;
    QSet<QUuid> m_localBattles; // started by startLocalBattle; kept, as battle ids are never reused
    bool m_shuttingDown = false;
    QString m_shutdownReason;
    bool m_stoppingBattles = false; // the drain is over: every battle has been told to stop
    bool m_finished = false;

    std::unique_ptr<UpdateJournal> m_journal;
    QString m_journalProblem; // why the configured journal cannot be used
    QTimer m_journalTimer;    // signs of life and fdatasync
    // Battles of the previous run that were running when it died, not reported yet, and when it last wrote.
    QList<UpdateJournal::OpenBattle> m_interrupted;
    qint64 m_lastSignOfLife = 0;
};
