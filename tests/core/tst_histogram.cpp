#include <algorithm>
#include <cmath>
#include <limits>

#include <QTest>

#include "metrics/histogram.h"

class TestHistogram : public QObject
{
    Q_OBJECT

private slots:
    void countsEachObservationInTheFirstBucketThatHoldsIt()
    {
        Histogram histogram({0.25, 1, 2.5});
        QCOMPARE(histogram.cumulativeCounts(), (QList<quint64>{0, 0, 0}));
        QCOMPARE(histogram.count(), quint64(0));
        // An observation equal to a bound belongs to that bound's bucket (le: less or equal).
        for (const double value : {0.125, 0.5, 1.0, 3.0, -1.0})
        {
            histogram.observe(value);
        }
        QCOMPARE(histogram.cumulativeCounts(), (QList<quint64>{2, 4, 4}));
        QCOMPARE(histogram.count(), quint64(5));
        QCOMPARE(histogram.sum(), 3.625);
        QCOMPARE(histogram.upperBounds(), (QList<double>{0.25, 1, 2.5}));
    }

    void ignoresNaN()
    {
        Histogram histogram({1});
        histogram.observe(0.5);
        histogram.observe(std::numeric_limits<double>::quiet_NaN());
        QCOMPARE(histogram.count(), quint64(1));
        QCOMPARE(histogram.sum(), 0.5);
        QCOMPARE(histogram.cumulativeCounts(), (QList<quint64>{1}));
    }

    void latencyBoundsSpanHalfAMillisecondToTenSeconds()
    {
        const QList<double> bounds = Histogram::latencyBounds();
        QVERIFY(std::is_sorted(bounds.cbegin(), bounds.cend()));
        QVERIFY(std::adjacent_find(bounds.cbegin(), bounds.cend()) == bounds.cend());
        QCOMPARE(bounds.constFirst(), 0.0005);
        QCOMPARE(bounds.constLast(), 10.0);
        // A 3 ms request and a 7 s one land in different, finite buckets.
        Histogram histogram(bounds);
        histogram.observe(0.003);
        histogram.observe(7);
        const QList<quint64> counts = histogram.cumulativeCounts();
        QCOMPARE(counts.constFirst(), quint64(0));
        QCOMPARE(counts.constLast(), quint64(2));
        QVERIFY(std::count(counts.cbegin(), counts.cend(), quint64(1)) > 0);
    }
};

QTEST_APPLESS_MAIN(TestHistogram)
#include "tst_histogram.moc"
