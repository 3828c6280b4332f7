#pragma once

#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

// One spring-dedicated process. Its stdout and stderr go straight into a log file (the kernel writes them;
// the autohost never buffers engine output). On Linux the engine gets SIGKILL when the autohost dies, so no
// engine outlives it.
class EngineProcess : public QObject
{
    Q_OBJECT

public:
    struct Launch
    {
        QString program;
        QStringList arguments;
        QString workingDirectory;
        QProcessEnvironment environment;
        QString logPath;
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
    QProcess m_process;
    QString m_logPath;
    bool m_reportedFailure = false;
};
