#pragma once

#include <QList>
#include <QtGlobal>

// A Prometheus histogram with fixed buckets: how many observations fell at or below each upper bound, plus
// their count and sum. The +Inf bucket is implicit: it is the count.
class Histogram
{
public:
    // Ascending upper bounds, finite, without +Inf.
    explicit Histogram(QList<double> upperBounds);

    // Seconds, for the time a request takes: 0.5 ms to 10 s.
    static QList<double> latencyBounds();

    // A NaN observation is ignored: it would make the sum NaN for good.
    void observe(double value);

    const QList<double> &upperBounds() const { return m_upperBounds; }
    // Per upper bound, the observations at or below it (cumulative, as the exposition shows them).
    QList<quint64> cumulativeCounts() const;
    quint64 count() const { return m_count; }
    double sum() const { return m_sum; }

private:
    QList<double> m_upperBounds;
    QList<quint64> m_bucketCounts; // per bound, the observations above the previous bound and at or below it
    quint64 m_count = 0;
    double m_sum = 0;
};
