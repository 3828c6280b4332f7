#include <QTest>

#include "util/crc32.h"

// The checksum of journal records: the standard CRC-32 check values, and that it notices small damage.
class TestCrc32 : public QObject
{
    Q_OBJECT

private slots:
    void matchesTheStandardCheckValues_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<quint32>("expected");
        QTest::newRow("empty") << QByteArray() << 0x00000000u;
        QTest::newRow("check string") << QByteArray("123456789") << 0xCBF43926u;
        QTest::newRow("a") << QByteArray("a") << 0xE8B7BE43u;
        QTest::newRow("fox") << QByteArray("The quick brown fox jumps over the lazy dog") << 0x414FA339u;
        QTest::newRow("one NUL") << QByteArray(1, '\0') << 0xD202EF8Du;
        QTest::newRow("32 x 0xFF") << QByteArray(32, '\xff') << 0xFF6CAB0Bu;
    }

    void matchesTheStandardCheckValues()
    {
        QFETCH(QByteArray, data);
        QFETCH(quint32, expected);
        QCOMPARE(crc32(data), expected);
    }

    void everySingleBitFlipChangesIt()
    {
        const QByteArray original("{\"type\":\"player_chat\",\"message\":\"gl hf\"}");
        const quint32 sum = crc32(original);
        for (qsizetype bit = 0; bit < original.size() * 8; ++bit)
        {
            QByteArray flipped = original;
            flipped[bit / 8] = char(flipped.at(bit / 8) ^ (1 << (bit % 8)));
            QVERIFY2(crc32(flipped) != sum, qPrintable(QString::number(bit)));
        }
        QVERIFY(crc32(original.chopped(1)) != sum);
    }
};

QTEST_GUILESS_MAIN(TestCrc32)
#include "tst_crc32.moc"
