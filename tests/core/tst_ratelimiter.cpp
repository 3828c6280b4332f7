#include <QTest>

#include "util/ratelimiter.h"

using namespace std::chrono_literals;

class TestRateLimiter : public QObject
{
    Q_OBJECT

private:
    std::chrono::nanoseconds m_now{0};

    RateLimiter limiter(double perSecond, double burst)
    {
        return RateLimiter(perSecond, burst, [this] { return m_now; });
    }

    static int acquired(RateLimiter &limiter, int attempts)
    {
        int granted = 0;
        for (int i = 0; i < attempts; ++i)
        {
            granted += limiter.tryAcquire();
        }
        return granted;
    }

private slots:
    void init() { m_now = 1000s; }

    void aBurstGoesThroughAtOnce()
    {
        RateLimiter burst = limiter(10, 50);
        QCOMPARE(acquired(burst, 80), 50);
        QCOMPARE(burst.heldBackTotal(), quint64(30));
    }

    void thenTheRateRefills()
    {
        RateLimiter rate = limiter(10, 50);
        QCOMPARE(acquired(rate, 50), 50);
        m_now += 500ms;
        QCOMPARE(acquired(rate, 100), 5);
        m_now += 250ms;
        QCOMPARE(acquired(rate, 100), 2); // 2.5 tokens: the half stays for later
        m_now += 100ms;
        QCOMPARE(acquired(rate, 100), 1);
    }

    void anIdleBucketFillsOnlyToTheBurst()
    {
        RateLimiter idle = limiter(10, 50);
        m_now += 3600s;
        QCOMPARE(acquired(idle, 1000), 50);
    }

    void heldBackIsCountedUntilTaken()
    {
        RateLimiter rate = limiter(1, 2);
        QCOMPARE(acquired(rate, 5), 2);
        QCOMPARE(rate.takeHeldBack(), quint64(3));
        QCOMPARE(rate.takeHeldBack(), quint64(0));
        QCOMPARE(acquired(rate, 4), 0);
        QCOMPARE(rate.takeHeldBack(), quint64(4));
        QCOMPARE(rate.heldBackTotal(), quint64(7));
    }

    void aClockGoingBackwardsAddsNothing()
    {
        RateLimiter rate = limiter(10, 1);
        QVERIFY(rate.tryAcquire());
        m_now -= 10s;
        QVERIFY(!rate.tryAcquire());
        m_now += 100ms;
        QVERIFY(rate.tryAcquire());
    }

    void theRealClockMovesForward()
    {
        const auto first = RateLimiter::steadyClock();
        QTest::qWait(5);
        QVERIFY(RateLimiter::steadyClock() > first);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
