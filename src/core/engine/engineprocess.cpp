#include "engine/engineprocess.h"

#include <QCoreApplication>
#include <QFile>
#include <QThread>

#ifdef Q_OS_LINUX
#include <csignal>

#include <sched.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>
#endif
#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif
#ifdef Q_OS_WIN
#include <windows.h>
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
#ifdef Q_OS_WIN
    if (m_job)
    {
        ::CloseHandle(m_job);
    }
#endif
}

void EngineProcess::start(const Launch &launch)
{
    m_logPath = launch.logPath;
    m_process.setProgram(launch.program);
    m_process.setArguments(launch.arguments);
    m_process.setWorkingDirectory(launch.workingDirectory);
    m_process.setProcessEnvironment(launch.environment);
    m_process.setStandardOutputFile(launch.logPath, QIODevice::Truncate);
    Q_ASSERT_X(QCoreApplication::instance() &&
                   QThread::currentThread() == QCoreApplication::instance()->thread(),
               "EngineProcess::start", "engines are started on the main thread");
#ifdef Q_OS_LINUX
    // Everything the child needs is prepared here: between fork and exec only async-signal-safe calls.
    const pid_t parent = ::getpid();
    cpu_set_t cpus;
    CPU_ZERO(&cpus);
    for (int core = 0; core < CPU_SETSIZE; ++core)
    {
        if (launch.limits.cores.isEmpty() || launch.limits.cores.contains(core))
        {
            CPU_SET(core, &cpus);
        }
    }
    const int nice = launch.limits.niceLevel;
    const rlim_t memory = rlim_t(std::max<qint64>(0, launch.limits.memoryLimitBytes));
    m_process.setChildProcessModifier(
        [parent, cpus, nice, memory]
        {
            ::umask(startupUmask);
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            // The autohost may have died between fork and prctl: no signal would come then.
            if (::getppid() != parent)
            {
                ::_exit(127);
            }
            // The kernel drops the cores that are offline or outside the autohost's cpuset; a failure leaves
            // the inherited affinity.
            ::sched_setaffinity(0, sizeof(cpus), &cpus);
            if (nice > 0)
            {
                ::setpriority(PRIO_PROCESS, 0, nice);
            }
            if (memory > 0)
            {
                const struct rlimit limit = {memory, memory};
                ::setrlimit(RLIMIT_AS, &limit);
            }
        });
#endif
#ifdef Q_OS_WIN
    connect(
        &m_process, &QProcess::started, this, [this, limits = launch.limits] { joinJob(limits); },
        Qt::SingleShotConnection);
#endif
    m_process.start(QIODevice::ReadOnly);
}

#ifdef Q_OS_WIN
// Not compiled in this project's CI (Linux only). The engine joins a job object of its own as soon as it
// runs: the job kills it when its handle closes, with this object or with the autohost however it ends, and
// carries the limits. The engine runs for a moment before it joins; it starts no processes of its own.
void EngineProcess::joinJob(const Limits &limits)
{
    HANDLE process = ::OpenProcess(PROCESS_SET_QUOTA | PROCESS_TERMINATE | PROCESS_QUERY_INFORMATION, FALSE,
                                   DWORD(m_process.processId()));
    HANDLE job = process ? ::CreateJobObjectW(nullptr, nullptr) : nullptr;
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION info = {};
    DWORD &flags = info.BasicLimitInformation.LimitFlags;
    flags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    DWORD_PTR processMask = 0;
    DWORD_PTR systemMask = 0;
    if (process && ::GetProcessAffinityMask(process, &processMask, &systemMask))
    {
        DWORD_PTR mask = limits.cores.isEmpty() ? systemMask : 0;
        for (const int core : limits.cores)
        {
            if (core < int(sizeof(DWORD_PTR) * 8))
            {
                mask |= DWORD_PTR(1) << core;
            }
        }
        if ((mask & systemMask) != 0)
        {
            flags |= JOB_OBJECT_LIMIT_AFFINITY;
            info.BasicLimitInformation.Affinity = ULONG_PTR(mask & systemMask);
        }
    }
    if (limits.niceLevel > 0)
    {
        flags |= JOB_OBJECT_LIMIT_PRIORITY_CLASS;
        info.BasicLimitInformation.PriorityClass =
            limits.niceLevel >= 10 ? IDLE_PRIORITY_CLASS : BELOW_NORMAL_PRIORITY_CLASS;
    }
    if (limits.memoryLimitBytes > 0)
    {
        flags |= JOB_OBJECT_LIMIT_PROCESS_MEMORY;
        info.ProcessMemoryLimit = SIZE_T(limits.memoryLimitBytes);
    }
    if (job && ::SetInformationJobObject(job, JobObjectExtendedLimitInformation, &info, sizeof(info)) &&
        ::AssignProcessToJobObject(job, process))
    {
        m_job = job;
    }
    else
    {
        qCWarning(lcEngine).noquote()
            << u"engine %1 runs outside a job object (Windows error %2): no limits, and it may outlive the "
               u"autohost"_s.arg(pid())
                   .arg(::GetLastError());
        if (job)
        {
            ::CloseHandle(job);
        }
    }
    if (process)
    {
        ::CloseHandle(process);
    }
}
#endif

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
