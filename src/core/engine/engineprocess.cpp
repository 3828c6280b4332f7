#include "engine/engineprocess.h"

#include <QFile>

#ifdef Q_OS_LINUX
#include <csignal>

#include <sys/prctl.h>
#endif
#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

#include "logging.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
#ifdef Q_OS_UNIX
// The umask the program started with, read during static initialisation, before any thread exists.
// libarchive's disk writer sets the process umask to 0 for a moment while an engine is being installed; an
// engine started in that moment gets this one instead.
const mode_t startupUmask = []
{
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
}();
#endif

QString signalName(int signal)
{
    switch (signal)
    {
    case 1:
        return u"SIGHUP"_s;
    case 2:
        return u"SIGINT"_s;
    case 3:
        return u"SIGQUIT"_s;
    case 4:
        return u"SIGILL"_s;
    case 6:
        return u"SIGABRT"_s;
    case 7:
        return u"SIGBUS"_s;
    case 8:
        return u"SIGFPE"_s;
    case 9:
        return u"SIGKILL"_s;
    case 11:
        return u"SIGSEGV"_s;
    case 13:
        return u"SIGPIPE"_s;
    case 15:
        return u"SIGTERM"_s;
    default:
        return {};
    }
}
} // namespace

QString EngineProcess::Exit::describe() const
{
    if (!crashed)
    {
        return u"exit code %1"_s.arg(exitCode);
    }
    const QString name = signalName(signal);
    return name.isEmpty() ? u"killed by signal %1"_s.arg(signal)
                          : u"killed by signal %1 (%2)"_s.arg(signal).arg(name);
}

EngineProcess::EngineProcess(QObject *parent)
    : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
#ifdef Q_OS_LINUX
    m_process.setChildProcessModifier(
        []
        {
            ::umask(startupUmask);
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        });
#endif
    connect(&m_process, &QProcess::errorOccurred, this,
            [this](QProcess::ProcessError error)
            {
                if (error == QProcess::FailedToStart && !m_reportedFailure)
                {
                    m_reportedFailure = true;
                    emit failedToStart(m_process.errorString());
                }
            });
    connect(
        &m_process, &QProcess::finished, this,
        [this](int exitCode, QProcess::ExitStatus status)
        {
            Exit exit;
            exit.crashed = status == QProcess::CrashExit;
            // On Unix a crashed process's exit code is the signal that ended it.
            exit.exitCode = exit.crashed ? 0 : exitCode;
            exit.signal = exit.crashed ? exitCode : 0;
            emit exited(exit);
        },
        Qt::QueuedConnection);
}

EngineProcess::~EngineProcess()
{
    if (m_process.state() != QProcess::NotRunning)
    {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

void EngineProcess::start(const Launch &launch)
{
    m_logPath = launch.logPath;
    m_process.setProgram(launch.program);
    m_process.setArguments(launch.arguments);
    m_process.setWorkingDirectory(launch.workingDirectory);
    m_process.setProcessEnvironment(launch.environment);
    m_process.setStandardOutputFile(launch.logPath, QIODevice::Truncate);
    m_process.start(QIODevice::ReadOnly);
}

void EngineProcess::terminate()
{
    if (isRunning())
    {
        m_process.terminate();
    }
}

void EngineProcess::kill()
{
    if (isRunning())
    {
        m_process.kill();
    }
}

QStringList EngineProcess::lastLogLines(int count) const
{
    QFile file(m_logPath);
    if (!file.open(QIODevice::ReadOnly))
    {
        return {};
    }
    constexpr qint64 TailBytes = 16 * 1024;
    if (file.size() > TailBytes)
    {
        file.seek(file.size() - TailBytes);
    }
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    return lines.mid(std::max<qsizetype>(0, lines.size() - count));
}
