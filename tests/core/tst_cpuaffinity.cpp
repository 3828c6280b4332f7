#include <algorithm>

#include <QTest>

#include "engine/cpuaffinity.h"

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

class TestCpuAffinity : public QObject
{
    Q_OBJECT

private slots:
    void forms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QList<int>>("cores");
        QTest::addColumn<QString>("written");
        const int all = int(CpuAffinity::Mode::All);
        const int spread = int(CpuAffinity::Mode::Spread);
        const int listed = int(CpuAffinity::Mode::Cores);
        QTest::newRow("all") << u"all"_s << all << QList<int>() << u"all"_s;
        QTest::newRow("All with spaces") << u"  All "_s << all << QList<int>() << u"all"_s;
        QTest::newRow("spread") << u"spread"_s << spread << QList<int>() << u"spread"_s;
        QTest::newRow("spread over a list")
            << u"spread:2-3,0"_s << spread << QList<int>{0, 2, 3} << u"spread:0,2-3"_s;
        QTest::newRow("one core") << u"5"_s << listed << QList<int>{5} << u"5"_s;
        QTest::newRow("range and single") << u"0-3,6"_s << listed << QList<int>{0, 1, 2, 3, 6} << u"0-3,6"_s;
        QTest::newRow("overlapping, unsorted")
            << u"6, 2-4 ,3,0-1"_s << listed << QList<int>{0, 1, 2, 3, 4, 6} << u"0-4,6"_s;
        QTest::newRow("one-core range") << u"7-7"_s << listed << QList<int>{7} << u"7"_s;
        QTest::newRow("highest") << u"1022-1023"_s << listed << QList<int>{1022, 1023} << u"1022-1023"_s;
    }

    void forms()
    {
        QFETCH(QString, text);
        QFETCH(int, mode);
        QFETCH(QList<int>, cores);
        QFETCH(QString, written);
        const Result<CpuAffinity> affinity = CpuAffinity::parse(text);
        QVERIFY2(affinity.ok(), qPrintable(affinity.ok() ? QString() : affinity.error()));
        QCOMPARE(int(affinity->mode()), mode);
        QCOMPARE(affinity->listedCores(), cores);
        QCOMPARE(affinity->toString(), written);
        // What it writes reads back the same.
        QCOMPARE(CpuAffinity::parse(written)->toString(), written);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem");
        QTest::newRow("empty") << QString() << u"a core is a number from 0 to 1023"_s;
        QTest::newRow("word") << u"most"_s << u"a core is a number from 0 to 1023"_s;
        QTest::newRow("spread without cores") << u"spread:"_s << u"a core is a number from 0 to 1023"_s;
        QTest::newRow("negative") << u"-1"_s << u"a core is a number from 0 to 1023"_s;
        QTest::newRow("empty item") << u"1,,2"_s << u"a core is a number from 0 to 1023"_s;
        QTest::newRow("open range") << u"3-"_s << u"a core is a number from 0 to 1023"_s;
        QTest::newRow("backwards") << u"5-2"_s << u"the range 5-2 runs backwards"_s;
        QTest::newRow("too high") << u"0,1024"_s << u"core 1024 is above 1023"_s;
        QTest::newRow("range too high") << u"1000-1100"_s << u"core 1100 is above 1023"_s;
    }

    void refused()
    {
        QFETCH(QString, text);
        QFETCH(QString, problem);
        const Result<CpuAffinity> affinity = CpuAffinity::parse(text);
        QVERIFY(!affinity.ok());
        QVERIFY2(affinity.error().startsWith(u"must be \"all\", \"spread\""_s), qPrintable(affinity.error()));
        QVERIFY2(affinity.error().endsWith(u": "_s + problem), qPrintable(affinity.error()));
    }

    void formatCores()
    {
        QCOMPARE(CpuAffinity::formatCores({}), QString());
        QCOMPARE(CpuAffinity::formatCores({4}), u"4"_s);
        QCOMPARE(CpuAffinity::formatCores({0, 1, 3, 4, 5, 9}), u"0-1,3-5,9"_s);
    }

    void usableCoresOnAMachine()
    {
        const QList<int> online = {0, 1, 2, 3};
        QCOMPARE(CpuAffinity::parse(u"all"_s)->usableCores(online), online);
        QCOMPARE(CpuAffinity::parse(u"spread"_s)->usableCores(online), online);
        QCOMPARE(CpuAffinity::parse(u"spread:2-9"_s)->usableCores(online), (QList<int>{2, 3}));
        QCOMPARE(CpuAffinity::parse(u"spread:2-9"_s)->missingCores(online), (QList<int>{4, 5, 6, 7, 8, 9}));
        QCOMPARE(CpuAffinity::parse(u"1,3"_s)->usableCores(online), (QList<int>{1, 3}));
        QVERIFY(CpuAffinity::parse(u"1,3"_s)->missingCores(online).isEmpty());
        // None of the listed cores is here: every online core rather than none.
        QCOMPARE(CpuAffinity::parse(u"8-9"_s)->usableCores(online), online);
    }

    void onlineCoresOfThisMachine()
    {
        const QList<int> online = CpuAffinity::onlineCores();
        QVERIFY(!online.isEmpty());
        QVERIFY(std::is_sorted(online.cbegin(), online.cend()));
        QCOMPARE(online.size(), qsizetype(sysconf(_SC_NPROCESSORS_ONLN)));
    }
};

QTEST_GUILESS_MAIN(TestCpuAffinity)
#include "tst_cpuaffinity.moc"
