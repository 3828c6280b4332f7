#include "battles/processusage.h"

#include <QByteArray>
#include <QFile>
#include <QList>

#ifdef Q_OS_LINUX
#include <unistd.h>
#endif
#ifdef Q_OS_WIN
// psapi.h needs the types of windows.h, so the two keep this order.
// clang-format off
#include <windows.h>
#include <psapi.h>
// clang-format on
#endif

namespace
{
#ifdef Q_OS_LINUX
std::optional<QByteArray> readProcFile(qint64 pid, const char *name)
{
    QFile file(QStringLiteral("/proc/%1/").arg(pid) + QLatin1StringView(name));
    if (!file.open(QIODevice::ReadOnly))
    {
        return std::nullopt;
    }
    return file.readAll();
}

std::optional<ProcessUsage::Sample> sampleLinux(qint64 pid)
{
    const auto stat = readProcFile(pid, "stat");
    const auto statm = readProcFile(pid, "statm");
    if (!stat || !statm)
    {
        return std::nullopt;
    }
    // "pid (comm) state ppid …": comm may contain spaces and parentheses, so fields are counted from the
    // last ')'. After it, field 3 (state) has index 0, so utime (field 14) and stime (field 15) have 11
    // and 12.
    const qsizetype commEnd = stat->lastIndexOf(')');
    if (commEnd < 0)
    {
        return std::nullopt;
    }
    const QList<QByteArray> fields = stat->mid(commEnd + 1).simplified().split(' ');
    const QList<QByteArray> pages = statm->simplified().split(' ');
    if (fields.size() < 13 || pages.size() < 2)
    {
        return std::nullopt;
    }
    bool utimeOk = false;
    bool stimeOk = false;
    bool residentOk = false;
    const qulonglong ticks = fields.at(11).toULongLong(&utimeOk) + fields.at(12).toULongLong(&stimeOk);
    const qint64 residentPages = pages.at(1).toLongLong(&residentOk);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    const long pageSize = sysconf(_SC_PAGESIZE);
    if (!utimeOk || !stimeOk || !residentOk || ticksPerSecond <= 0 || pageSize <= 0)
    {
        return std::nullopt;
    }
    return ProcessUsage::Sample{double(ticks) / double(ticksPerSecond), residentPages * pageSize};
}
#endif

#ifdef Q_OS_WIN
double seconds(const FILETIME &time) // FILETIME counts 100 ns intervals
{
    const quint64 intervals = (quint64(time.dwHighDateTime) << 32) | time.dwLowDateTime;
    return double(intervals) / 1e7;
}

std::optional<ProcessUsage::Sample> sampleWindows(qint64 pid)
{
    HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, DWORD(pid));
    if (!process)
    {
        return std::nullopt;
    }
    FILETIME creation{};
    FILETIME exited{};
    FILETIME kernel{};
    FILETIME user{};
    PROCESS_MEMORY_COUNTERS memory{};
    const bool ok = GetProcessTimes(process, &creation, &exited, &kernel, &user) &&
                    GetProcessMemoryInfo(process, &memory, sizeof memory);
    CloseHandle(process);
    if (!ok)
    {
        return std::nullopt;
    }
    return ProcessUsage::Sample{seconds(kernel) + seconds(user), qint64(memory.WorkingSetSize)};
}
#endif
} // namespace

std::optional<ProcessUsage::Sample> ProcessUsage::sample(qint64 pid)
{
    if (pid <= 0)
    {
        return std::nullopt;
    }
#if defined(Q_OS_LINUX)
    return sampleLinux(pid);
#elif defined(Q_OS_WIN)
    return sampleWindows(pid);
#else
    return std::nullopt;
#endif
}

double ProcessUsage::cpuPercent(const Sample &previous, const Sample &next, qint64 elapsedMs)
{
    const double used = next.cpuSeconds - previous.cpuSeconds;
    if (elapsedMs <= 0 || used < 0)
    {
        return -1;
    }
    return used * 100'000.0 / double(elapsedMs);
}
