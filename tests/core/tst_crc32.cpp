#include <QRandomGenerator>
#include <QTest>

#include "util/crc32.h"

#include <zlib.h>

using namespace Qt::Literals::StringLiterals;

// The checksum of journal records: the standard CRC-32 check values, zlib's CRC-32 for any length and
// alignment, and that it notices small damage.
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

    // Every length around the eight-byte steps and every start within a word, random bytes.
    void matchesZlibForAnyLengthAndAlignment()
    {
        QRandomGenerator random(20261123);
        QByteArray bytes(1100, Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        for (qsizetype start = 0; start < 8; ++start)
        {
            for (qsizetype length : {0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 150, 1000, 1091})
            {
                const QByteArrayView data = QByteArrayView(bytes).sliced(start, length);
                const auto expected = quint32(
                    crc32_z(0, reinterpret_cast<const Bytef *>(data.data()), std::size_t(data.size())));
                QVERIFY2(crc32(data) == expected,
                         qPrintable(u"start %1, length %2"_s.arg(start).arg(length)));
            }
        }
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
