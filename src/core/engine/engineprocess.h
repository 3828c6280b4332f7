#pragma once

#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

// One spring-dedicated process. Its stdout and stderr go straight into a log file (the kernel writes them;
// the autohost never buffers engine output). No engine outlives the autohost: on Linux the engine gets
// SIGKILL when the autohost dies (parent-death signal, set in the child before exec), on Windows it is in a
// job object that kills it when the autohost's handle closes. The resource limits are set the same way.
class EngineProcess : public QObject
{
    Q_OBJECT

public:
    // engineCpuAffinity, engineNiceLevel and engineMemoryLimitMegabytes for one engine.
    struct Limits
    {
        QList<int> cores;            // the cores it may run on; empty: every core
        int niceLevel = 0;           // 1..19: that nice value (Windows: a lower priority class); 0: inherited
        qint64 memoryLimitBytes = 0; // address space (Windows: committed memory); 0: none
    };

    struct Launch
    {
        QString program;
        QStringList arguments;
        QString workingDirectory;
        QProcessEnvironment environment;
        QString logPath;
        Limits limits;
    };

    // How the process ended.
    struct Exit
    {
        int exitCode = 0; // meaningful when !crashed
        bool crashed = false;
        int signal = 0;           // the terminating signal when crashed (Unix)
        QString describe() const; // "exit code 3", "killed by signal 11 (SIGSEGV)"
    };

    explicit EngineProcess(QObject *parent = nullptr);
    ~EngineProcess() override;

    // Must be called on the main thread: the parent-death signal fires when the thread that forked the engine
    // ends, and only the main thread lives as long as the autohost.
    void start(const Launch &launch);
    void terminate(); // SIGTERM (Windows: WM_CLOSE)
    void kill();      // SIGKILL
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 pid() const { return m_process.processId(); }
    // The program and its arguments as started (the process's argv), to recognise it later by its pid.
    QStringList commandLine() const { return QStringList{m_process.program()} + m_process.arguments(); }
    QString logPath() const { return m_logPath; }

    // The last lines of the log file, for error details.
    QStringList lastLogLines(int count) const;

signals:
    // The process could not be started at all (missing binary, not executable…).
    void failedToStart(const QString &error);
    void exited(const EngineProcess::Exit &exit);

private:
#ifdef Q_OS_WIN
    void joinJob(const Limits &limits);
#endif

    QProcess m_process;
    QString m_logPath;
    bool m_reportedFailure = false;
#ifdef Q_OS_WIN
    void *m_job = nullptr; // HANDLE of the job object holding the engine
#endif
};
