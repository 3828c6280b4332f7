#include <QTest>

#include "engine/corespreader.h"

class TestCoreSpreader : public QObject
{
    Q_OBJECT

private slots:
    void takesTheLeastUsedCore()
    {
        CoreSpreader spreader({0, 1, 2});
        QCOMPARE(spreader.acquire(), 0);
        QCOMPARE(spreader.acquire(), 1);
        QCOMPARE(spreader.acquire(), 2);
        // All used once: the lowest again.
        QCOMPARE(spreader.acquire(), 0);
        QCOMPARE(spreader.usage(0), 2);
        QCOMPARE(spreader.usage(1), 1);
    }

    void aReleasedCoreIsTakenFirst()
    {
        CoreSpreader spreader({0, 1, 2, 3});
        for (int i = 0; i < 4; ++i)
        {
            spreader.acquire();
        }
        spreader.release(2);
        QCOMPARE(spreader.usage(2), 0);
        QCOMPARE(spreader.acquire(), 2);
        spreader.release(3);
        spreader.release(1);
        QCOMPARE(spreader.acquire(), 1);
        QCOMPARE(spreader.acquire(), 3);
        QCOMPARE(spreader.acquire(), 0);
        QCOMPARE(spreader.usage(0), 2);
    }

    void theGivenOrderDoesNotMatter()
    {
        CoreSpreader spreader({6, 4, 5});
        QCOMPARE(spreader.acquire(), 4);
        QCOMPARE(spreader.acquire(), 5);
        QCOMPARE(spreader.acquire(), 6);
    }

    void newCoresKeepTheCounts()
    {
        CoreSpreader spreader({0, 1});
        QCOMPARE(spreader.acquire(), 0);
        QCOMPARE(spreader.acquire(), 1);
        QCOMPARE(spreader.acquire(), 0);
        spreader.setCores({0, 1, 2});
        QCOMPARE(spreader.acquire(), 2);
        // A core left out is never handed out again, but its engines still give it back.
        spreader.setCores({1, 2});
        QCOMPARE(spreader.acquire(), 1);
        spreader.release(0);
        spreader.release(0);
        QCOMPARE(spreader.usage(0), 0);
        spreader.release(0); // once too often: ignored
        QCOMPARE(spreader.usage(0), 0);
        QCOMPARE(spreader.acquire(), 2);
    }

    void noCores()
    {
        CoreSpreader spreader;
        QCOMPARE(spreader.acquire(), -1);
        spreader.release(-1);
        QCOMPARE(spreader.usage(-1), 0);
    }
};

QTEST_GUILESS_MAIN(TestCoreSpreader)
#include "tst_corespreader.moc"
