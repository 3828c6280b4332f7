#include <QTest>

#include "protocol/websockethandshake.h"

using namespace Qt::Literals::StringLiterals;

// The client's opening handshake (RFC 6455 §4.1, §4.2.2): the request and the checks on the answer.
class TestWebSocketHandshake : public QObject
{
    Q_OBJECT

private:
    // The RFC's sample nonce and its accept value (§1.3).
    static constexpr const char *Key = "dGhlIHNhbXBsZSBub25jZQ==";
    static constexpr const char *Accept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    static WebSocketHandshake tachyon()
    {
        return WebSocketHandshake(QUrl(u"ws://127.0.0.1:8084/tachyon"_s), Key, u"v0.tachyon"_s);
    }

    static QByteArray answer(const QByteArray &extraLines = {},
                             const QByteArray &status = "101 Switching Protocols")
    {
        return "HTTP/1.1 " + status +
               "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + Accept + "\r\n" +
               extraLines + "\r\n";
    }

    static QString errorOf(WebSocketHandshake handshake, const QByteArray &response)
    {
        const auto result = handshake.readResponse(response);
        return result ? QString() : result.error();
    }

private slots:
    void acceptIsTheRfcExample() { QCOMPARE(WebSocketHandshake::acceptFor(Key), QByteArray(Accept)); }

    void requestAsksForTheUpgrade()
    {
        const WebSocketHandshake handshake(QUrl(u"ws://example.com:8084/tachyon?x=1"_s), Key, u"v0.tachyon"_s,
                                           {{"Authorization", "Bearer abc.def"}});
        const auto request = handshake.request();
        QVERIFY(request);
        QCOMPARE(*request, QByteArray("GET /tachyon?x=1 HTTP/1.1\r\n"
                                      "Host: example.com:8084\r\n"
                                      "Upgrade: websocket\r\n"
                                      "Connection: Upgrade\r\n"
                                      "Sec-WebSocket-Version: 13\r\n"
                                      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                      "Sec-WebSocket-Protocol: v0.tachyon\r\n"
                                      "Authorization: Bearer abc.def\r\n"
                                      "\r\n"));
    }

    void hostHeader_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QByteArray>("host");
        QTest::newRow("default ws port")
            << u"ws://lobby.example/tachyon"_s << QByteArray("Host: lobby.example\r\n");
        QTest::newRow("default wss port")
            << u"wss://lobby.example:443/"_s << QByteArray("Host: lobby.example\r\n");
        QTest::newRow("80 on wss") << u"wss://lobby.example:80/"_s
                                   << QByteArray("Host: lobby.example:80\r\n");
        QTest::newRow("IPv6") << u"ws://[::1]:9000/"_s << QByteArray("Host: [::1]:9000\r\n");
        QTest::newRow("no path") << u"ws://lobby.example"_s << QByteArray("GET / HTTP/1.1\r\n");
    }

    void hostHeader()
    {
        QFETCH(QString, url);
        QFETCH(QByteArray, host);
        const auto request = WebSocketHandshake(QUrl(url), Key, QString()).request();
        QVERIFY(request);
        QVERIFY2(request->contains(host), request->constData());
        QVERIFY(!request->contains("Sec-WebSocket-Protocol"));
    }

    void headersCannotBreakOutOfTheirLine()
    {
        // A token from a misbehaving OAuth server must not add headers or end the request.
        for (const QByteArray &value :
             {QByteArray("abc\r\nX-Injected: 1"), QByteArray("abc\n"), QByteArray("a\0b", 3)})
        {
            const auto request =
                WebSocketHandshake(QUrl(u"ws://h/"_s), Key, QString(), {{"Authorization", value}}).request();
            QVERIFY(!request);
            QVERIFY2(request.error().contains(u"Authorization"_s), qPrintable(request.error()));
        }
        QVERIFY(!WebSocketHandshake(QUrl(u"ws://h/"_s), Key, QString(), {{"X: Y", "z"}}).request());
        QVERIFY(!WebSocketHandshake(QUrl(u"ws://h/"_s), Key, u"a\r\nb"_s).request());
    }

    void answerIsReadOnceComplete()
    {
        WebSocketHandshake handshake = tachyon();
        const QByteArray response = answer("Sec-WebSocket-Protocol: v0.tachyon\r\n");
        const QByteArray frames = QByteArray::fromHex("810161");
        // Not before the blank line.
        const auto partial = handshake.readResponse(response.chopped(1));
        QVERIFY(partial);
        QVERIFY(!partial->has_value());
        // The frames right behind it are not part of it.
        const auto complete = handshake.readResponse(QByteArray(response + frames));
        QVERIFY(complete);
        QCOMPARE(complete->value(), response.size());
        QCOMPARE(handshake.subprotocol(), u"v0.tachyon"_s);
    }

    void headerNamesAndTokensIgnoreCase()
    {
        WebSocketHandshake handshake = tachyon();
        const QByteArray response = "HTTP/1.1 101 Switching Protocols\r\nupgrade: WebSocket\r\n"
                                    "CONNECTION: keep-alive, Upgrade\r\nsec-websocket-accept: " +
                                    QByteArray(Accept) + "\r\nServer: x\r\n\r\n";
        const auto result = handshake.readResponse(response);
        QVERIFY2(result, result ? "" : qPrintable(result.error()));
        QCOMPARE(handshake.subprotocol(), QString());
    }

    void badAnswers_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<QString>("error");
        QTest::newRow("refused") << QByteArray(
                                        "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n")
                                 << u"the server refused the upgrade: 503 Service Unavailable"_s;
        QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n")
                                  << u"did not answer the upgrade with HTTP"_s;
        QTest::newRow("wrong accept")
            << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                          "Sec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=\r\n\r\n")
            << u"Sec-WebSocket-Accept does not match"_s;
        QTest::newRow("no accept")
            << QByteArray(
                   "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
            << u"Sec-WebSocket-Accept does not match"_s;
        QTest::newRow("no Upgrade header")
            << QByteArray(
                   "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " +
                   QByteArray(Accept) + "\r\n\r\n")
            << u"Upgrade: websocket"_s;
        QTest::newRow("no Connection header")
            << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: " +
                          QByteArray(Accept) + "\r\n\r\n")
            << u"Connection: Upgrade"_s;
        QTest::newRow("extensions nobody asked for")
            << answer("Sec-WebSocket-Extensions: permessage-deflate\r\n") << u"permessage-deflate"_s;
        QTest::newRow("another subprotocol")
            << answer("Sec-WebSocket-Protocol: v1.tachyon\r\n") << u"\"v1.tachyon\", which was not offered"_s;
        QTest::newRow("malformed header line") << answer("no colon here\r\n") << u"malformed header"_s;
    }

    void badAnswers()
    {
        QFETCH(QByteArray, response);
        QFETCH(QString, error);
        const QString actual = errorOf(tachyon(), response);
        QVERIFY2(actual.contains(error), qPrintable(actual));
    }

    void endlessAnswerIsRefused()
    {
        const QByteArray response =
            "HTTP/1.1 101 Switching Protocols\r\n" + QByteArray(WebSocketHandshake::MaxResponseSize, 'x');
        QVERIFY(errorOf(tachyon(), response).contains(u"no end"_s));
    }
};

QTEST_GUILESS_MAIN(TestWebSocketHandshake)
#include "tst_websockethandshake.moc"
