#include "engine/cpuaffinity.h"

#include <algorithm>

#include <QFile>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace
{
const QString SpreadPrefix = u"spread:"_s;

Result<int> coreNumber(const QString &text)
{
    bool ok = false;
    const int core = text.trimmed().toInt(&ok);
    if (!ok || core < 0)
    {
        return fail(u"a core is a number from 0 to %1"_s.arg(CpuAffinity::MaxCore));
    }
    if (core > CpuAffinity::MaxCore)
    {
        return fail(u"core %1 is above %2"_s.arg(core).arg(CpuAffinity::MaxCore));
    }
    return core;
}
} // namespace

Result<QList<int>> CpuAffinity::parseCores(const QString &text)
{
    QList<int> cores;
    const QStringList items = text.split(u',');
    for (const QString &item : items)
    {
        const qsizetype dash = item.indexOf(u'-');
        const Result<int> first = coreNumber(dash < 0 ? item : item.left(dash));
        if (!first)
        {
            return fail(first.error());
        }
        const Result<int> last = dash < 0 ? first : coreNumber(item.mid(dash + 1));
        if (!last)
        {
            return fail(last.error());
        }
        if (*last < *first)
        {
            return fail(u"the range %1-%2 runs backwards"_s.arg(*first).arg(*last));
        }
        for (int core = *first; core <= *last; ++core)
        {
            cores.append(core);
        }
    }
    std::sort(cores.begin(), cores.end());
    cores.erase(std::unique(cores.begin(), cores.end()), cores.end());
    return cores;
}

Result<CpuAffinity> CpuAffinity::parse(const QString &text)
{
    const QString value = text.trimmed().toLower();
    CpuAffinity affinity;
    if (value == u"all"_s)
    {
        affinity.m_mode = Mode::All;
        return affinity;
    }
    if (value == u"spread"_s)
    {
        affinity.m_mode = Mode::Spread;
        return affinity;
    }
    const bool spread = value.startsWith(SpreadPrefix);
    const Result<QList<int>> cores = parseCores(spread ? value.mid(SpreadPrefix.size()) : value);
    if (!cores)
    {
        return fail(u"must be \"all\", \"spread\", \"spread:<cores>\" or cores such as \"0-3,6\": %1"_s.arg(
            cores.error()));
    }
    affinity.m_mode = spread ? Mode::Spread : Mode::Cores;
    affinity.m_cores = *cores;
    return affinity;
}

QString CpuAffinity::formatCores(const QList<int> &cores)
{
    QStringList parts;
    for (qsizetype i = 0; i < cores.size();)
    {
        qsizetype end = i;
        while (end + 1 < cores.size() && cores.at(end + 1) == cores.at(end) + 1)
        {
            ++end;
        }
        parts.append(end == i ? QString::number(cores.at(i))
                              : u"%1-%2"_s.arg(cores.at(i)).arg(cores.at(end)));
        i = end + 1;
    }
    return parts.join(u',');
}

QList<int> CpuAffinity::onlineCores()
{
    QFile online(u"/sys/devices/system/cpu/online"_s);
    if (online.open(QIODevice::ReadOnly))
    {
        const Result<QList<int>> cores = parseCores(QString::fromLatin1(online.readAll()).trimmed());
        if (cores && !cores->isEmpty())
        {
            return *cores;
        }
    }
    QList<int> cores;
    for (int core = 0; core < std::max(1, QThread::idealThreadCount()); ++core)
    {
        cores.append(core);
    }
    return cores;
}

QList<int> CpuAffinity::usableCores(const QList<int> &online) const
{
    QList<int> usable;
    for (const int core : m_cores)
    {
        if (online.contains(core))
        {
            usable.append(core);
        }
    }
    return usable.isEmpty() ? online : usable;
}

QList<int> CpuAffinity::missingCores(const QList<int> &online) const
{
    QList<int> missing;
    for (const int core : m_cores)
    {
        if (!online.contains(core))
        {
            missing.append(core);
        }
    }
    return missing;
}

QString CpuAffinity::toString() const
{
    switch (m_mode)
    {
    case Mode::All:
        return u"all"_s;
    case Mode::Spread:
        return m_cores.isEmpty() ? u"spread"_s : SpreadPrefix + formatCores(m_cores);
    case Mode::Cores:
        return formatCores(m_cores);
    }
    return {};
}
