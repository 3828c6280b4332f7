#include "engine/corespreader.h"

CoreSpreader::CoreSpreader(const QList<int> &cores)
    : m_cores(cores)
{
}

void CoreSpreader::setCores(const QList<int> &cores)
{
    m_cores = cores;
}

int CoreSpreader::acquire()
{
    int best = -1;
    for (const int core : std::as_const(m_cores))
    {
        if (best < 0 || usage(core) < usage(best) || (usage(core) == usage(best) && core < best))
        {
            best = core;
        }
    }
    if (best >= 0)
    {
        ++m_usage[best];
    }
    return best;
}

void CoreSpreader::release(int core)
{
    const auto it = m_usage.find(core);
    if (it == m_usage.end())
    {
        return;
    }
    if (--*it <= 0)
    {
        m_usage.erase(it);
    }
}
