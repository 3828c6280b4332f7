#include <QTest>

#include "admin/listenaddress.h"

using namespace Qt::Literals::StringLiterals;

// adminListen's address:port form, and which addresses count as loopback.
class TestListenAddress : public QObject
{
    Q_OBJECT

private slots:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("loopback");
        QTest::addColumn<QString>("shown");
        QTest::newRow("default") << u"127.0.0.1:8201"_s << u"127.0.0.1"_s << 8201 << true
                                 << u"127.0.0.1:8201"_s;
        QTest::newRow("127/8") << u"127.10.20.30:1"_s << u"127.10.20.30"_s << 1 << true
                               << u"127.10.20.30:1"_s;
        QTest::newRow("IPv6 loopback") << u"[::1]:8201"_s << u"::1"_s << 8201 << true << u"[::1]:8201"_s;
        QTest::newRow("localhost") << u"localhost:8201"_s << u"127.0.0.1"_s << 8201 << true
                                   << u"127.0.0.1:8201"_s;
        QTest::newRow("LOCALHOST") << u"LOCALHOST:9"_s << u"127.0.0.1"_s << 9 << true << u"127.0.0.1:9"_s;
        QTest::newRow("any port") << u"127.0.0.1:0"_s << u"127.0.0.1"_s << 0 << true << u"127.0.0.1:0"_s;
        QTest::newRow("all IPv4") << u"0.0.0.0:8201"_s << u"0.0.0.0"_s << 8201 << false << u"0.0.0.0:8201"_s;
        QTest::newRow("all IPv6") << u"[::]:8201"_s << u"::"_s << 8201 << false << u"[::]:8201"_s;
        QTest::newRow("LAN") << u"192.168.1.20:65535"_s << u"192.168.1.20"_s << 65535 << false
                             << u"192.168.1.20:65535"_s;
        QTest::newRow("global IPv6") << u"[2001:db8::5]:80"_s << u"2001:db8::5"_s << 80 << false
                                     << u"[2001:db8::5]:80"_s;
    }

    void parses()
    {
        QFETCH(QString, text);
        QFETCH(QString, address);
        QFETCH(int, port);
        QFETCH(bool, loopback);
        QFETCH(QString, shown);
        const Result<ListenAddress> listen = ListenAddress::parse(text);
        QVERIFY2(listen, qPrintable(listen ? QString() : listen.error()));
        QCOMPARE(listen->address, QHostAddress(address));
        QCOMPARE(int(listen->port), port);
        QCOMPARE(listen->isLoopback(), loopback);
        QCOMPARE(listen->toString(), shown);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QString() << u"address:port"_s;
        QTest::newRow("no port") << u"127.0.0.1"_s << u"address:port"_s;
        QTest::newRow("empty port") << u"127.0.0.1:"_s << u"port"_s;
        QTest::newRow("no address") << u":8201"_s << u"address:port"_s;
        QTest::newRow("port too big") << u"127.0.0.1:65536"_s << u"0 to 65535"_s;
        QTest::newRow("negative port") << u"127.0.0.1:-1"_s << u"0 to 65535"_s;
        QTest::newRow("port with sign") << u"127.0.0.1:+80"_s << u"0 to 65535"_s;
        QTest::newRow("port too long") << u"127.0.0.1:000080"_s << u"0 to 65535"_s;
        QTest::newRow("IPv6 without brackets") << u"::1:8201"_s << u"brackets"_s;
        QTest::newRow("brackets without port") << u"[::1]"_s << u"address:port"_s;
        QTest::newRow("IPv4 in brackets") << u"[127.0.0.1]:8201"_s << u"IPv6"_s;
        QTest::newRow("host name") << u"example.org:8201"_s << u"host names"_s;
        QTest::newRow("short IPv4") << u"127.1:8201"_s << u"address:port"_s;
        QTest::newRow("spaces") << u" 127.0.0.1:8201"_s << u"address:port"_s;
        QTest::newRow("scheme") << u"http://127.0.0.1:8201"_s << u"address:port"_s;
    }

    void refuses()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const Result<ListenAddress> listen = ListenAddress::parse(text);
        QVERIFY(!listen);
        QVERIFY2(listen.error().contains(message), qPrintable(listen.error()));
    }
};

QTEST_APPLESS_MAIN(TestListenAddress)
#include "tst_listenaddress.moc"
