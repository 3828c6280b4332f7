#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

#include "battles/processusage.h"

using namespace Qt::Literals::StringLiterals;

class TestProcessUsage : public QObject
{
    Q_OBJECT

private slots:
    void readsTheTestProcessItself()
    {
        const qint64 self = QCoreApplication::applicationPid();
        const auto before = ProcessUsage::sample(self);
        QVERIFY(before.has_value());
        QVERIFY(before->residentBytes > 0);
        QVERIFY(before->cpuSeconds >= 0);

        // Burn CPU until the kernel's tick-based accounting shows it (at most 30 s of work).
        QElapsedTimer clock;
        clock.start();
        volatile quint64 sink = 0;
        std::optional<ProcessUsage::Sample> after;
        do
        {
            for (int i = 0; i < 1'000'000; ++i)
            {
                sink = sink + quint64(i);
            }
            after = ProcessUsage::sample(self);
            QVERIFY(after.has_value());
        } while (after->cpuSeconds <= before->cpuSeconds && clock.elapsed() < 30000);
        QVERIFY2(after->cpuSeconds > before->cpuSeconds,
                 qPrintable(u"%1 s → %2 s"_s.arg(before->cpuSeconds).arg(after->cpuSeconds)));
    }

    void readsABusyChildProcess()
    {
        QProcess child;
        child.start(u"sh"_s, {u"-c"_s, u"while :; do :; done"_s});
        QVERIFY(child.waitForStarted(5000));
        const qint64 pid = child.processId();
        const auto first = ProcessUsage::sample(pid);
        QVERIFY(first.has_value());
        QVERIFY(first->residentBytes > 0);
        QElapsedTimer elapsed;
        elapsed.start();

        std::optional<ProcessUsage::Sample> later;
        QTRY_VERIFY_WITH_TIMEOUT((later = ProcessUsage::sample(pid)) && later->cpuSeconds > first->cpuSeconds,
                                 30000);
        QVERIFY(later->residentBytes > 0);
        const double percent = ProcessUsage::cpuPercent(*first, *later, elapsed.elapsed());
        QVERIFY2(percent > 0, qPrintable(QString::number(percent)));

        child.kill();
        QVERIFY(child.waitForFinished(5000));
        // Reaped: the pid is unknown now (another process could only get it after the pid space wrapped).
        QVERIFY(!ProcessUsage::sample(pid).has_value());
    }

    void unknownPidsHaveNoSample()
    {
        QVERIFY(!ProcessUsage::sample(0).has_value());
        QVERIFY(!ProcessUsage::sample(-5).has_value());
        // Above Linux's largest possible pid (2^22).
        QVERIFY(!ProcessUsage::sample(qint64(1) << 23).has_value());
    }

    void cpuPercentFromTwoSamples_data()
    {
        QTest::addColumn<double>("before");
        QTest::addColumn<double>("after");
        QTest::addColumn<qint64>("elapsedMs");
        QTest::addColumn<double>("percent");
        QTest::newRow("half a core") << 1.0 << 1.5 << qint64(1000) << 50.0;
        QTest::newRow("two cores") << 10.0 << 14.0 << qint64(2000) << 200.0;
        QTest::newRow("idle") << 3.0 << 3.0 << qint64(500) << 0.0;
        QTest::newRow("no time passed") << 1.0 << 2.0 << qint64(0) << -1.0;
        QTest::newRow("time went backwards") << 1.0 << 2.0 << qint64(-10) << -1.0;
        QTest::newRow("CPU time went backwards (another process)") << 5.0 << 1.0 << qint64(1000) << -1.0;
    }

    void cpuPercentFromTwoSamples()
    {
        QFETCH(double, before);
        QFETCH(double, after);
        QFETCH(qint64, elapsedMs);
        QFETCH(double, percent);
        QCOMPARE(ProcessUsage::cpuPercent({before, 100}, {after, 200}, elapsedMs), percent);
    }
};

QTEST_GUILESS_MAIN(TestProcessUsage)
#include "tst_processusage.moc"
