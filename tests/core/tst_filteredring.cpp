#include <QTest>

#include "models/filteredring.h"

namespace
{
bool isEven(const int &value)
{
    return value % 2 == 0;
}

QList<int> rows(const FilteredRing<int> &ring)
{
    QList<int> values;
    for (qsizetype row = 0; row < ring.rowCount(); ++row)
    {
        values.append(ring.row(row));
    }
    return values;
}
} // namespace

class TestFilteredRing : public QObject
{
    Q_OBJECT

private slots:
    void rowsAreTheVisibleEntries()
    {
        FilteredRing<int> ring;
        for (int value = 0; value < 10; ++value)
        {
            ring.append(value, isEven(value));
        }
        QCOMPARE(ring.size(), 10);
        QCOMPARE(ring.rowCount(), 5);
        QCOMPARE(rows(ring), (QList<int>{0, 2, 4, 6, 8}));
    }

    void droppingTheOldestRemovesTheirRows()
    {
        FilteredRing<int> ring;
        for (int value = 0; value < 10; ++value)
        {
            ring.append(value, isEven(value));
        }
        QCOMPARE(ring.rowsAmongOldest(0), 0);
        QCOMPARE(ring.rowsAmongOldest(1), 1);
        QCOMPARE(ring.rowsAmongOldest(4), 2);
        QCOMPARE(ring.rowsAmongOldest(5), 3);
        QCOMPARE(ring.rowsAmongOldest(100), 5);

        ring.dropOldest(3);
        QCOMPARE(ring.size(), 7);
        QCOMPARE(rows(ring), (QList<int>{4, 6, 8}));
        QCOMPARE(ring.rowsAmongOldest(1), 0);
        QCOMPARE(ring.rowsAmongOldest(2), 1);

        // Appending after a drop keeps the rows pointing at the right entries.
        ring.append(10, true);
        ring.append(11, false);
        QCOMPARE(rows(ring), (QList<int>{4, 6, 8, 10}));

        ring.dropOldest(-1);
        QCOMPARE(ring.size(), 9);
        ring.dropOldest(100);
        QCOMPARE(ring.size(), 0);
        QCOMPARE(ring.rowCount(), 0);
        ring.append(12, true);
        QCOMPARE(rows(ring), QList<int>{12});
    }

    void rebuildingAppliesANewFilter()
    {
        FilteredRing<int> ring;
        for (int value = 0; value < 10; ++value)
        {
            ring.append(value, true);
        }
        ring.dropOldest(2);
        ring.rebuildRows([](const int &value) { return value % 3 == 0; });
        QCOMPARE(rows(ring), (QList<int>{3, 6, 9}));
        QCOMPARE(ring.rowsAmongOldest(2), 1);
        ring.rebuildRows([](const int &) { return false; });
        QCOMPARE(ring.rowCount(), 0);
        QCOMPARE(ring.size(), 8);
    }
};

QTEST_APPLESS_MAIN(TestFilteredRing)
#include "tst_filteredring.moc"
