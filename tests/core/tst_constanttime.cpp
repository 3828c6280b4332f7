#include <QTest>

#include "util/constanttime.h"

// The token comparison: equal exactly when the bytes are, whatever the lengths and wherever they differ.
class TestConstantTime : public QObject
{
    Q_OBJECT

private slots:
    void compares_data()
    {
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QByteArray>("offered");
        QTest::addColumn<bool>("equal");
        const QByteArray token("3q2-7wEjb_Sx0vXfT1rU5A");
        QTest::newRow("same") << token << token << true;
        QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
        QTest::newRow("nothing offered") << token << QByteArray() << false;
        QTest::newRow("empty secret") << QByteArray() << token << false;
        QTest::newRow("first byte differs") << token << QByteArray("4" + token.mid(1)) << false;
        QTest::newRow("last byte differs") << token << QByteArray(token.chopped(1) + "B") << false;
        QTest::newRow("prefix") << token << token.left(10) << false;
        QTest::newRow("longer") << token << QByteArray(token + "x") << false;
        QTest::newRow("secret repeated") << token << QByteArray(token + token) << false;
        QTest::newRow("case") << token << token.toUpper() << false;
        QTest::newRow("NUL bytes") << QByteArray("a\0b", 3) << QByteArray("a\0b", 3) << true;
        QTest::newRow("NUL differs") << QByteArray("a\0b", 3) << QByteArray("a\0c", 3) << false;
        QTest::newRow("high bytes") << QByteArray("\xff\x80") << QByteArray("\xff\x80") << true;
        QTest::newRow("one bit") << QByteArray("\x01") << QByteArray("\x03") << false;
    }

    void compares()
    {
        QFETCH(QByteArray, secret);
        QFETCH(QByteArray, offered);
        QFETCH(bool, equal);
        QCOMPARE(constantTimeEquals(secret, offered), equal);
        QCOMPARE(constantTimeEquals(offered, secret), equal);
    }
};

QTEST_APPLESS_MAIN(TestConstantTime)
#include "tst_constanttime.moc"
