#include <QTest>

#include "admin/httprequesthead.h"

using namespace Qt::Literals::StringLiterals;

// The admin endpoint's request parsing, on bytes: where a head ends, what it says, and every way it can be
// malformed.
class TestHttpRequestHead : public QObject
{
    Q_OBJECT

private:
    static Result<HttpRequestHead, HttpHeadError> parseWhole(const QByteArray &bytes)
    {
        qsizetype size = 0;
        if (HttpRequestHead::scan(bytes, &size) != HttpRequestHead::Scan::Complete)
        {
            return fail(HttpHeadError{0, u"incomplete"_s});
        }
        return HttpRequestHead::parse(QByteArrayView(bytes).first(size));
    }

private slots:
    void scan_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("expected");
        QTest::addColumn<int>("size");
        const int incomplete = int(HttpRequestHead::Scan::Incomplete);
        const int complete = int(HttpRequestHead::Scan::Complete);
        const int tooLarge = int(HttpRequestHead::Scan::TooLarge);
        QTest::newRow("nothing") << QByteArray() << incomplete << 0;
        QTest::newRow("request line only") << QByteArray("GET / HTTP/1.1\r\n") << incomplete << 0;
        QTest::newRow("one header, no empty line")
            << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n") << incomplete << 0;
        QTest::newRow("CRLF") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\r\n") << complete << 27;
        QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: a\n\n") << complete << 24;
        QTest::newRow("followed by a frame")
            << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\r\n\x81\x05hello") << complete << 27;
        const QByteArray filler(HttpRequestHead::MaxSize, 'x');
        QTest::newRow("no empty line in 16 KiB")
            << QByteArray("GET / HTTP/1.1\r\nX-Long: " + filler) << tooLarge << 0;
        QTest::newRow("empty line after 16 KiB")
            << QByteArray("GET / HTTP/1.1\r\nX-Long: " + filler + "\r\n\r\n") << tooLarge << 0;
        const QByteArray start("GET / HTTP/1.1\r\nX-Fill: ");
        const QByteArray exact =
            start + QByteArray(HttpRequestHead::MaxSize - start.size() - 4, 'y') + QByteArray("\r\n\r\n");
        QTest::newRow("exactly 16 KiB") << exact << complete << int(HttpRequestHead::MaxSize);
        QTest::newRow("one byte more")
            << QByteArray(exact.first(start.size()) + 'z' + exact.mid(start.size())) << tooLarge << 0;
    }

    void scan()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, expected);
        QFETCH(int, size);
        qsizetype found = -1;
        QCOMPARE(int(HttpRequestHead::scan(bytes, &found)), expected);
        if (expected == int(HttpRequestHead::Scan::Complete))
        {
            QCOMPARE(found, qsizetype(size));
        }
    }

    void parsesARequest()
    {
        const auto head = parseWhole("GET /api/v1/state?verbose=1&x=a%20b HTTP/1.1\r\n"
                                     "Host: 127.0.0.1:8201\r\n"
                                     "authorization:   Bearer abc  \r\n"
                                     "X-Empty:\r\n"
                                     "Accept: text/plain\r\n"
                                     "accept: application/json\r\n"
                                     "\r\n");
        QVERIFY2(head, qPrintable(head ? QString() : head.error().message));
        QCOMPARE(head->method(), QByteArray("GET"));
        QCOMPARE(head->target(), QByteArray("/api/v1/state?verbose=1&x=a%20b"));
        QCOMPARE(head->path(), u"/api/v1/state"_s);
        QCOMPARE(head->query().queryItemValue(u"verbose"_s), u"1"_s);
        QCOMPARE(head->query().queryItemValue(u"x"_s, QUrl::FullyDecoded), u"a b"_s);
        QCOMPARE(head->minorVersion(), 1);
        // Names are case-insensitive; values lose the surrounding whitespace.
        QCOMPARE(head->header("Authorization"), QByteArray("Bearer abc"));
        QCOMPARE(head->header("HOST"), QByteArray("127.0.0.1:8201"));
        QCOMPARE(head->header("accept"), QByteArray("text/plain, application/json"));
        QVERIFY(head->hasHeader("x-empty"));
        QVERIFY(!head->header("X-Empty").isNull());
        QVERIFY(head->header("X-Empty").isEmpty());
        QVERIFY(!head->hasHeader("Origin"));
        QVERIFY(head->header("Origin").isNull());
        QVERIFY(head->headerHasToken("Accept", "application/JSON"));
        QVERIFY(!head->headerHasToken("Accept", "application"));
        QVERIFY(!head->isWebSocketUpgrade());
    }

    void decodesThePath()
    {
        const auto head = parseWhole("GET /api/v1/%73tate HTTP/1.0\r\n\r\n");
        QVERIFY(head);
        QCOMPARE(head->path(), u"/api/v1/state"_s);
        // HTTP/1.0 needs no Host.
        QCOMPARE(head->minorVersion(), 0);
        QVERIFY(head->query().isEmpty());
    }

    void webSocketUpgrade_data()
    {
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<bool>("upgrade");
        QTest::newRow("browser style") << QByteArray("Upgrade: websocket\r\nConnection: Upgrade\r\n") << true;
        QTest::newRow("Firefox style")
            << QByteArray("Upgrade: WebSocket\r\nConnection: keep-alive, Upgrade\r\n") << true;
        QTest::newRow("no Connection") << QByteArray("Upgrade: websocket\r\n") << false;
        QTest::newRow("other protocol") << QByteArray("Upgrade: h2c\r\nConnection: Upgrade\r\n") << false;
        QTest::newRow("plain") << QByteArray("Connection: close\r\n") << false;
    }

    void webSocketUpgrade()
    {
        QFETCH(QByteArray, fields);
        QFETCH(bool, upgrade);
        const auto head = parseWhole("GET /api/v1/stream HTTP/1.1\r\nHost: h\r\n" + fields + "\r\n");
        QVERIFY(head);
        QCOMPARE(head->isWebSocketUpgrade(), upgrade);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty line first") << QByteArray("\r\n\r\n") << 400 << u"missing request line"_s;
        QTest::newRow("two parts") << QByteArray("GET /\r\nHost: h\r\n\r\n") << 400 << u"request line"_s;
        QTest::newRow("four parts") << QByteArray("GET / x HTTP/1.1\r\nHost: h\r\n\r\n") << 400
                                    << u"request line"_s;
        QTest::newRow("double space")
            << QByteArray("GET  / HTTP/1.1\r\nHost: h\r\n\r\n") << 400 << u"request line"_s;
        QTest::newRow("method with a slash")
            << QByteArray("G/T / HTTP/1.1\r\nHost: h\r\n\r\n") << 400 << u"invalid method"_s;
        QTest::newRow("not HTTP") << QByteArray("GET / FTP/1.1\r\nHost: h\r\n\r\n") << 400
                                  << u"invalid HTTP version"_s;
        QTest::newRow("HTTP/2") << QByteArray("GET / HTTP/2.0\r\nHost: h\r\n\r\n") << 505 << u"HTTP/1.0"_s;
        QTest::newRow("HTTP/1.1 without Host")
            << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400 << u"missing Host"_s;
        QTest::newRow("absolute target")
            << QByteArray("GET http://h/metrics HTTP/1.1\r\nHost: h\r\n\r\n") << 400 << u"request target"_s;
        QTest::newRow("asterisk") << QByteArray("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n") << 400
                                  << u"request target"_s;
        QTest::newRow("fragment") << QByteArray("GET /metrics#x HTTP/1.1\r\nHost: h\r\n\r\n") << 400
                                  << u"request target"_s;
        QTest::newRow("folded header")
            << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\n  2\r\n\r\n") << 400 << u"folded"_s;
        QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nnonsense\r\n\r\n") << 400
                                  << u"malformed header line 3"_s;
        QTest::newRow("space before colon")
            << QByteArray("GET / HTTP/1.1\r\nHost : h\r\n\r\n") << 400 << u"malformed header line 2"_s;
        QTest::newRow("empty name") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\n: v\r\n\r\n") << 400
                                    << u"malformed header line 3"_s;
        QTest::newRow("control character") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nX-A: a\x01z\r\n\r\n")
                                           << 400 << u"control characters in the value of X-A"_s;
        QTest::newRow("bare CR in a value")
            << QByteArray("GET / HTTP/1.1\r\nHost: h\rX: 1\r\n\r\n") << 400 << u"control characters"_s;
        QTest::newRow("NUL in the request line")
            << QByteArray("GET /") + '\0' + QByteArray(" HTTP/1.1\r\nHost: h\r\n\r\n") << 400
            << u"request line"_s;
    }

    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QFETCH(QString, message);
        const auto head = parseWhole(bytes);
        QVERIFY(!head);
        QCOMPARE(head.error().status, status);
        QVERIFY2(head.error().message.contains(message), qPrintable(head.error().message));
    }
};

QTEST_APPLESS_MAIN(TestHttpRequestHead)
#include "tst_httprequesthead.moc"
