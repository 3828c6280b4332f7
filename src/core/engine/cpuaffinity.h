#pragma once

#include <QList>
#include <QString>

#include "util/result.h"

// The engineCpuAffinity setting: which cores an engine may run on.
//   "all"            every core, undoing any pinning the autohost itself inherited
//   "spread"         each new engine gets the least-used core of the machine (CoreSpreader)
//   "spread:0-7"     the same over the listed cores
//   "0-3,6"          every engine may use the listed cores
// Several dedicated servers pinned to one core is what hosts of the reference autohost and SPADS suffer from
// (RecoilEngine #575, #1017); the default "all" leaves the placement to the scheduler.
class CpuAffinity
{
public:
    enum class Mode
    {
        All,
        Spread,
        Cores,
    };

    // The highest core number accepted (Linux's CPU_SETSIZE − 1).
    static constexpr int MaxCore = 1023;

    // Case and spaces around items do not matter. The error says what is accepted, e.g. "core 2000 is above
    // 1023".
    static Result<CpuAffinity> parse(const QString &text);
    // "0-3,6" → 0, 1, 2, 3, 6 (sorted, without duplicates).
    static Result<QList<int>> parseCores(const QString &text);
    // The reverse: ascending cores → "0-3,6".
    static QString formatCores(const QList<int> &cores);
    // The cores of this machine that are online (Linux: /sys/devices/system/cpu/online), else 0..n−1 for the
    // processor count.
    static QList<int> onlineCores();

    Mode mode() const { return m_mode; }
    // The listed cores (Spread: empty when none were listed).
    const QList<int> &listedCores() const { return m_cores; }
    // The cores engines use on a machine with these online cores: the listed ones that are online, or every
    // online one when none are listed (All, plain Spread) or none of the listed is online.
    QList<int> usableCores(const QList<int> &online) const;
    // The listed cores that are not online.
    QList<int> missingCores(const QList<int> &online) const;
    QString toString() const;

private:
    Mode m_mode = Mode::All;
    QList<int> m_cores;
};
