#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUuid>

#include "battles/playertable.h"
#include "battles/updatetranslator.h"
#include "engine/autohostsocket.h"
#include "engine/engineprocess.h"
#include "protocol/autohostrequests.h"
#include "protocol/json.h"
#include "protocol/startscriptwriter.h"
#include "util/result.h"

// One battle: its instance directory, its spring-dedicated process and the UDP interface to it (engine notes;
// reference notes §3, §6). It answers the start once SERVER_STARTED arrives (or fails it with details), turns
// engine events into updates, turns requests into engine commands by player number, stops the engine
// gracefully
// (/kill, then SIGTERM, then SIGKILL) and reports exactly one engine_quit or engine_crash for a started
// battle.
class Battle : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Starting, // engine launched, waiting for SERVER_STARTED
        Running,
        Stopping, // stop sequence under way, or the engine quit by itself and is exiting
        Exited,   // process gone, socket closed
    };
    Q_ENUM(State)

    // How a battle ended, for views; the updates carry the same for the server.
    enum class Outcome
    {
        Pending,     // not ended yet
        StartFailed, // startFailed was emitted (the engine never reported SERVER_STARTED)
        Quit,        // engine_quit
        Crashed,     // engine_crash
    };
    Q_ENUM(Outcome)

    struct Settings
    {
        QString instanceDir;  // absolute: instances/<battleId>
        QString enginePath;   // absolute path of spring-dedicated
        QStringList dataDirs; // SPRING_DATADIR entries
        ScriptEndpoints endpoints;
        QList<QPair<QString, QString>> engineSettings;
        int startTimeoutMs = 10000;
        int killGraceMs = 20000;      // after /kill, before SIGTERM
        int terminateGraceMs = 20000; // after SIGTERM, before SIGKILL
        qint64 maxDurationMs = 8LL * 3600 * 1000;
        int commandIntervalMs = 5;
        EngineProcess::Limits limits;
    };

    // The socket is bound already; the battle takes it over.
    Battle(StartRequest request, Settings settings, AutohostSocket *socket, QObject *parent = nullptr);

    QUuid id() const { return m_request.battleId; }
    State state() const { return m_state; }
    const StartRequest &request() const { return m_request; }
    const Settings &settings() const { return m_settings; }
    const PlayerTable &players() const { return m_players; }
    qint64 pid() const { return m_process.pid(); }
    QStringList engineCommandLine() const { return m_process.commandLine(); }
    QString engineLogPath() const { return m_settings.instanceDir + u'/' + EngineLogFile; }
    // The files a battle writes into its instance directory.
    static inline const QString ScriptFile = QStringLiteral("script.txt");
    static inline const QString SettingsFile = QStringLiteral("springsettings.cfg");
    static inline const QString EngineLogFile = QStringLiteral("engine.log");
    // When the battle was created; the engine is launched right after.
    QDateTime startedAt() const { return m_startedAt; }
    // Monotonic time since creation, frozen once the battle has exited.
    qint64 uptimeMs() const;
    Outcome outcome() const { return m_outcome; }
    // StartFailed: the start failure's details; Crashed: the engine_crash details; Quit: how the process
    // ended and why it was stopped, if it was.
    QString outcomeDetails() const { return m_outcomeDetails; }
    // The password a user joins with: from the start request or the latest addPlayer; empty for strangers.
    QString password(const QString &userId) const { return m_passwords.value(userId); }

    // Writes the instance directory and launches the engine. Ends in startSucceeded or startFailed.
    void start();

    // Requests. Failures are texts for an invalid_request's details.
    Status addPlayer(const QString &userId, const QString &name, const QString &password);
    Status kickPlayer(const QString &userId);
    Status mutePlayer(const QString &userId, bool chat, bool draw);
    Status specPlayers(const QStringList &userIds);
    Status sendMessage(const QString &message);
    Status sendCommand(const QString &command, const QStringList &arguments);

    // Graceful stop: /kill (or SIGTERM while still starting), SIGTERM after the grace period, SIGKILL after
    // the next. A battle still starting fails its start.
    void stop(const QString &why);
    // SIGKILL now.
    void killNow();

signals:
    void startSucceeded();
    void startFailed(const QString &reason, const QString &details);
    // An "update" member for autohost/update; the battle's last one is engine_quit or engine_crash.
    void updated(const EngineUpdate &update);
    // After updated, for an update that changesPlayer(): what the player lists and counters follow, so that
    // they are not called for every chat of a flood.
    void playerUpdated(const EngineUpdate &update);
    void stateChanged(Battle::State state);
    // The process has exited and the socket is closed: the battle's ports may be reused.
    void ended();
    // After every successful addPlayer, also one that only changed the password of a known user.
    void playerAdded(const ScriptPlayer &player);
    void playerMuted(const QString &userId, bool chat, bool draw);

private:
    void setState(State state);
    void handlePacket(const EnginePacket::Packet &packet);
    void handleExit(const EngineProcess::Exit &exit);
    void failStart(const QString &details);
    // For failures before the engine process exists: fails the start and ends the battle.
    void endWithoutEngine(const QString &details);
    void escalateStop(bool sendKill);
    Status requireCommands() const;
    Result<ScriptPlayer> player(const QString &userId, const QString &field) const;
    QString logTail() const;

    StartRequest m_request;
    Settings m_settings;
    AutohostSocket *m_socket;
    EngineProcess m_process;
    PlayerTable m_players;
    UpdateTranslator m_translator;
    State m_state = State::Starting;
    Outcome m_outcome = Outcome::Pending;
    QString m_outcomeDetails;
    QString m_stopReason;
    QHash<QString, QString> m_passwords;
    QDateTime m_startedAt;
    QElapsedTimer m_clock;
    qint64 m_uptimeAtExitMs = -1;
    bool m_startAnswered = false;
    bool m_started = false;
    bool m_stopRequested = false;
    bool m_quitSeen = false;
    QTimer m_startTimer;
    QTimer m_durationTimer;
    QTimer m_stopTimer;
    bool m_terminateSent = false;
};
