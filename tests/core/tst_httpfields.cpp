#include <QTest>

#include "protocol/httpfields.h"

// Header field value rules shared by the admin endpoint and the WebSocket client (RFC 9110 §5.6).
class TestHttpFields : public QObject
{
    Q_OBJECT

private slots:
    void trimmedRemovesSpacesAndTabsOnly()
    {
        QCOMPARE(HttpFields::trimmed(" \tkeep-alive \t"), QByteArrayView("keep-alive"));
        QCOMPARE(HttpFields::trimmed("a b"), QByteArrayView("a b"));
        QCOMPARE(HttpFields::trimmed("   "), QByteArrayView(""));
        QCOMPARE(HttpFields::trimmed(""), QByteArrayView(""));
        // Other white space is not optional white space.
        QCOMPARE(HttpFields::trimmed("\vx\r"), QByteArrayView("\vx\r"));
    }

    void listHasToken_data()
    {
        QTest::addColumn<QByteArray>("list");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<bool>("has");
        QTest::newRow("alone") << QByteArray("Upgrade") << QByteArray("upgrade") << true;
        QTest::newRow("in a list") << QByteArray("keep-alive, Upgrade") << QByteArray("upgrade") << true;
        QTest::newRow("first, no spaces") << QByteArray("WebSocket,h2c") << QByteArray("websocket") << true;
        QTest::newRow("tabs around") << QByteArray("a,\tupgrade\t,b") << QByteArray("upgrade") << true;
        QTest::newRow("empty items") << QByteArray(",,upgrade,") << QByteArray("upgrade") << true;
        QTest::newRow("part of a token") << QByteArray("upgrades") << QByteArray("upgrade") << false;
        QTest::newRow("token with more") << QByteArray("websocket/13") << QByteArray("websocket") << false;
        QTest::newRow("absent") << QByteArray("keep-alive") << QByteArray("upgrade") << false;
        QTest::newRow("empty list") << QByteArray() << QByteArray("upgrade") << false;
        QTest::newRow("other white space") << QByteArray("\vupgrade") << QByteArray("upgrade") << false;
    }

    void listHasToken()
    {
        QFETCH(QByteArray, list);
        QFETCH(QByteArray, token);
        QFETCH(bool, has);
        QCOMPARE(HttpFields::listHasToken(list, token), has);
    }
};

QTEST_APPLESS_MAIN(TestHttpFields)
#include "tst_httpfields.moc"
