#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "protocol/json.h"

// The headless program (`autohost --headless --config config.json`) in a directory of its own with the fake
// engine installed as engines/<EngineVersion>, connected to a Tachyon server on loopback, its admin endpoint
// on loopback. It dies with the test (PR_SET_PDEATHSIG), and so do its engines.
class FakeTachyonServer;

class AutohostProcess
{
public:
    static constexpr auto EngineVersion = "2025.06.22";

    // slot: 0 or 1, so that two programs of one test use engine ports apart.
    AutohostProcess(const QString &program, const QString &fakeEnginePath, int slot = 0);
    ~AutohostProcess();
    AutohostProcess(const AutohostProcess &) = delete;
    AutohostProcess &operator=(const AutohostProcess &) = delete;

    // Empty when the directory is ready, else what went wrong.
    QString problem() const { return m_problem; }
    // The program's data directory (its working directory): engines/, instances/, journal/.
    QString directory() const { return m_dir.path(); }

    // Starts the program with a configuration for the Tachyon server on 127.0.0.1:serverPort, the admin
    // endpoint on adminListen, no drain (drainTimeoutSeconds 0) and the extra keys.
    bool start(quint16 serverPort, const QString &adminListen, const Json &extra = Json::object());
    // The port of the admin endpoint from the log line that tells it; 0 on timeout.
    quint16 waitForAdminPort(int timeoutMilliseconds = 10000);
    // SIGKILL, as a crash would.
    void kill();
    // SIGTERM and the clean shutdown; false on timeout.
    bool stop(int timeoutMilliseconds = 20000);

    // Everything the program has written so far.
    QString output();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 processId() const { return m_process.processId(); }
    // How the program ended: its exit code, or -1 while it runs or after a crash.
    int exitCode() const
    {
        return !isRunning() && m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    // Data of an autohost/start of a one-player battle (Alice, "7") on the fake engine, with a new id.
    static Json startData(const QString &battleId);
    // Starts such a battle through the server's connection to the program, the fake engine doing afterStart
    // (its fakeafterstart option: "crash:200", ...) once running; its id, or empty when the start failed.
    static QString startBattle(FakeTachyonServer &server, int connection, const QString &afterStart = {});

private:
    QString m_program;
    int m_slot = 0;
    QTemporaryDir m_dir;
    QString m_problem;
    QProcess m_process;
    QString m_output;
};
