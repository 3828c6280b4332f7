#pragma once

#include <QHash>
#include <QList>

// Spreads engines over cores (engineCpuAffinity "spread"): each new engine gets the core that the fewest
// running engines use, the lowest of equals, and gives it back when it exits.
class CoreSpreader
{
public:
    explicit CoreSpreader(const QList<int> &cores = {});

    // The cores to spread over from now on; engines on cores left out keep them until they release them.
    void setCores(const QList<int> &cores);
    const QList<int> &cores() const { return m_cores; }

    // The least-used core, counted as used once more; -1 when there are no cores.
    int acquire();
    void release(int core);
    // How many engines use the core.
    int usage(int core) const { return m_usage.value(core); }

private:
    QList<int> m_cores;
    QHash<int, int> m_usage;
};
