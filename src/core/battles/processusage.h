#pragma once

#include <optional>

#include <QtGlobal>

// CPU time and resident memory of a running process, read from the operating system (Linux: /proc; Windows:
// GetProcessTimes and GetProcessMemoryInfo). A CPU percentage needs two samples and the monotonic time
// between them.
class ProcessUsage
{
public:
    struct Sample
    {
        double cpuSeconds = 0; // user + system time since the process started
        qint64 residentBytes = 0;
    };

    // Nothing when the process does not exist (any more) or cannot be inspected.
    static std::optional<Sample> sample(qint64 pid);

    // CPU use between two samples of one process in percent of one core (a busy multi-threaded process can
    // exceed 100); -1 when it cannot be told (no elapsed time, or the CPU time went backwards, which means
    // the pid now belongs to another process).
    static double cpuPercent(const Sample &previous, const Sample &next, qint64 elapsedMs);
};
