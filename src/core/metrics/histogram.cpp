#include "histogram.h"

#include <algorithm>
#include <cmath>

Histogram::Histogram(QList<double> upperBounds)
    : m_upperBounds(std::move(upperBounds))
    , m_bucketCounts(m_upperBounds.size(), 0)
{
    Q_ASSERT(std::is_sorted(m_upperBounds.cbegin(), m_upperBounds.cend()));
    Q_ASSERT(
        std::all_of(m_upperBounds.cbegin(), m_upperBounds.cend(), [](double b) { return std::isfinite(b); }));
}

QList<double> Histogram::latencyBounds()
{
    return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

void Histogram::observe(double value)
{
    if (std::isnan(value))
    {
        return;
    }
    const auto bucket = std::lower_bound(m_upperBounds.cbegin(), m_upperBounds.cend(), value);
    if (bucket != m_upperBounds.cend())
    {
        ++m_bucketCounts[bucket - m_upperBounds.cbegin()];
    }
    ++m_count;
    m_sum += value;
}

QList<quint64> Histogram::cumulativeCounts() const
{
    QList<quint64> cumulative;
    cumulative.reserve(m_bucketCounts.size());
    quint64 total = 0;
    for (const quint64 count : m_bucketCounts)
    {
        total += count;
        cumulative.append(total);
    }
    return cumulative;
}
