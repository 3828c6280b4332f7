#include <cmath>
#include <limits>

#include <QTest>

#include "metrics/counter.h"

class TestCounter : public QObject
{
    Q_OBJECT

private slots:
    void startsAtZeroAndAddsUp()
    {
        Counter counter;
        QCOMPARE(counter.value(), 0.0);
        counter.increment();
        counter.increment(2.5);
        QCOMPARE(counter.value(), 3.5);
    }

    void neverGoesDown()
    {
        Counter counter;
        counter.increment(4);
        counter.increment(-1);
        counter.increment(std::numeric_limits<double>::quiet_NaN());
        QCOMPARE(counter.value(), 4.0);
        counter.increment(0);
        QCOMPARE(counter.value(), 4.0);
    }
};

QTEST_APPLESS_MAIN(TestCounter)
#include "tst_counter.moc"
