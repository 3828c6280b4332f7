#include <QTest>

#include "admin/loginthrottle.h"

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

// The failed-login limit on a clock the test moves: 5 failures per 60 s per client, then blocked until the
// oldest of them is 60 s old.
class TestLoginThrottle : public QObject
{
    Q_OBJECT

private:
    std::chrono::milliseconds m_now = 1000s;
    const QHostAddress m_client{u"192.0.2.7"_s};

    LoginThrottle throttle()
    {
        return LoginThrottle(5, 60s, [this] { return m_now; });
    }

private slots:
    void init() { m_now = 1000s; }

    void blocksAfterTheLimitUntilTheWindowPasses()
    {
        LoginThrottle limit = throttle();
        for (int failure = 1; failure <= 4; ++failure)
        {
            QCOMPARE(limit.secondsBlocked(m_client), 0);
            QCOMPARE(limit.recordFailure(m_client), failure);
            m_now += 1s;
        }
        // The fifth failure, 4 s after the first: blocked until the first is 60 s old.
        QCOMPARE(limit.secondsBlocked(m_client), 0);
        QCOMPARE(limit.recordFailure(m_client), 5);
        QCOMPARE(limit.secondsBlocked(m_client), 56);
        m_now += 55500ms;
        QCOMPARE(limit.secondsBlocked(m_client), 1); // 500 ms left, rounded up
        m_now += 500ms;
        // The first failure left the window: one more attempt, which blocks again until the second leaves.
        QCOMPARE(limit.secondsBlocked(m_client), 0);
        QCOMPARE(limit.recordFailure(m_client), 5);
        QCOMPARE(limit.secondsBlocked(m_client), 1);
        m_now += 1s;
        QCOMPARE(limit.secondsBlocked(m_client), 0);
        // Once everything is older than the window, the count starts over.
        m_now += 60s;
        QCOMPARE(limit.recordFailure(m_client), 1);
    }

    void clientsCountSeparately()
    {
        LoginThrottle limit = throttle();
        for (int failure = 0; failure < 5; ++failure)
        {
            limit.recordFailure(m_client);
        }
        QCOMPARE(limit.secondsBlocked(m_client), 60);
        QCOMPARE(limit.secondsBlocked(QHostAddress(u"192.0.2.8"_s)), 0);
        // The same IPv4 client arriving over an IPv6 socket.
        QCOMPARE(limit.secondsBlocked(QHostAddress(u"::ffff:192.0.2.7"_s)), 60);
    }

    void ipv6CountsPerNetwork()
    {
        LoginThrottle limit = throttle();
        for (int host = 1; host <= 5; ++host)
        {
            limit.recordFailure(QHostAddress(u"2001:db8:1:2::%1"_s.arg(host)));
        }
        QVERIFY(limit.secondsBlocked(QHostAddress(u"2001:db8:1:2:ffff::1"_s)) > 0);
        QCOMPARE(limit.secondsBlocked(QHostAddress(u"2001:db8:1:3::1"_s)), 0);
    }

    void clientKey_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("key");
        QTest::newRow("IPv4") << u"203.0.113.9"_s << u"203.0.113.9"_s;
        QTest::newRow("IPv4-mapped") << u"::ffff:203.0.113.9"_s << u"203.0.113.9"_s;
        QTest::newRow("IPv6") << u"2001:db8:aa:bb:1:2:3:4"_s << u"2001:db8:aa:bb::/64"_s;
        QTest::newRow("loopback") << u"::1"_s << u"::/64"_s;
    }

    void clientKey()
    {
        QFETCH(QString, address);
        QFETCH(QString, key);
        QCOMPARE(LoginThrottle::clientKey(QHostAddress(address)), key);
    }

    void steadyClockMoves()
    {
        const std::chrono::milliseconds first = LoginThrottle::steadyClock();
        QTRY_VERIFY(LoginThrottle::steadyClock() > first);
    }
};

QTEST_APPLESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
