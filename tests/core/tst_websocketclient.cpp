#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include "net/websocketclient.h"

using namespace Qt::Literals::StringLiterals;

// The WebSocket client against Qt's WebSocket server over loopback (plain and TLS), and against a raw TCP
// server for the answers no well-behaved server gives.
class TestWebSocketClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QWebSocketServer> m_server;
    QList<QWebSocket *> m_accepted;

    void listen(QWebSocketServer::SslMode mode = QWebSocketServer::NonSecureMode)
    {
        m_server = std::make_unique<QWebSocketServer>(u"test"_s, mode);
        m_server->setSupportedSubprotocols({u"v0.tachyon"_s});
        if (mode == QWebSocketServer::SecureMode)
        {
            m_server->setSslConfiguration(serverTls());
        }
        QVERIFY(m_server->listen(QHostAddress::LocalHost));
        connect(m_server.get(), &QWebSocketServer::newConnection, this,
                [this]
                {
                    while (QWebSocket *socket = m_server->nextPendingConnection())
                    {
                        m_accepted.append(socket);
                    }
                });
    }

    QUrl url(const QString &scheme = u"ws"_s) const
    {
        return QUrl(u"%1://127.0.0.1:%2/tachyon"_s.arg(scheme).arg(m_server->serverPort()));
    }

    static QSslConfiguration serverTls()
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(certificate());
        QFile keyFile(QStringLiteral(AUTOHOST_TEST_DATA_DIR "/tls/key.pem"));
        keyFile.open(QIODevice::ReadOnly);
        tls.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa));
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        return tls;
    }

    static QSslCertificate certificate()
    {
        return QSslCertificate::fromPath(QStringLiteral(AUTOHOST_TEST_DATA_DIR "/tls/certificate.pem"))
            .value(0);
    }

    // Opens client to the server and returns the server's side of the connection.
    QWebSocket *connectClient(WebSocketClient &client, const QString &scheme = u"ws"_s)
    {
        QSignalSpy connected(&client, &WebSocketClient::connected);
        client.open(url(scheme), u"v0.tachyon"_s, {{"Authorization", "Bearer token-1"}});
        if (!connected.wait(5000))
        {
            return nullptr;
        }
        if (!QTest::qWaitFor([this] { return !m_accepted.isEmpty(); }, 5000))
        {
            return nullptr;
        }
        return m_accepted.first();
    }

    // A server that accepts one TCP connection and answers it with whatever the test writes.
    struct RawServer
    {
        QTcpServer server;
        QTcpSocket *socket = nullptr;
        QByteArray received;

        RawServer()
        {
            server.listen(QHostAddress::LocalHost);
            QObject::connect(&server, &QTcpServer::newConnection, &server,
                             [this]
                             {
                                 socket = server.nextPendingConnection();
                                 QObject::connect(socket, &QTcpSocket::readyRead, socket,
                                                  [this] { received += socket->readAll(); });
                             });
        }
        QUrl url() const { return QUrl(u"ws://127.0.0.1:%1/"_s.arg(server.serverPort())); }
        // Waits for the upgrade request; the proper answer to it, or nothing if none came.
        QByteArray upgradeAnswer()
        {
            if (!QTest::qWaitFor([this] { return received.contains("\r\n\r\n"); }, 5000))
            {
                return {};
            }
            const qsizetype at = received.indexOf("Sec-WebSocket-Key: ") + 19;
            const QByteArray key = received.mid(at, received.indexOf("\r\n", at) - at);
            received.clear();
            return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Accept: " +
                   WebSocketHandshake::acceptFor(key) + "\r\n\r\n";
        }
        // Answers the upgrade request properly; false if none came.
        bool acceptUpgrade()
        {
            const QByteArray answer = upgradeAnswer();
            socket->write(answer);
            return !answer.isEmpty();
        }
    };

    // The close code in the first (masked) close frame the raw server received.
    static int closeCodeSent(const QByteArray &bytes)
    {
        if (bytes.size() < 8 || quint8(bytes[0]) != 0x88)
        {
            return -1;
        }
        const int high = quint8(bytes[6]) ^ quint8(bytes[2]);
        const int low = quint8(bytes[7]) ^ quint8(bytes[3]);
        return high << 8 | low;
    }

private slots:
    void cleanup()
    {
        qDeleteAll(m_accepted);
        m_accepted.clear();
        m_server.reset();
    }

    void connectsWithSubprotocolAndHeaders()
    {
        listen();
        WebSocketClient client;
        QWebSocket *peer = connectClient(client);
        QVERIFY(peer);
        QCOMPARE(client.state(), WebSocketClient::State::Open);
        QCOMPARE(client.subprotocol(), u"v0.tachyon"_s);
        QCOMPARE(peer->subprotocol(), u"v0.tachyon"_s);
        QCOMPARE(peer->request().rawHeader("Authorization"), QByteArray("Bearer token-1"));
        QCOMPARE(peer->requestUrl().path(), u"/tachyon"_s);
    }

    void textTravelsBothWaysUnchanged()
    {
        listen();
        WebSocketClient client;
        QWebSocket *peer = connectClient(client);
        QVERIFY(peer);
        QStringList atServer;
        connect(peer, &QWebSocket::textMessageReceived, this,
                [&](const QString &text) { atServer.append(text); });
        QList<QByteArray> atClient;
        connect(&client, &WebSocketClient::textReceived, this,
                [&](const QByteArray &text) { atClient.append(text); });

        // Every length encoding, and text beyond ASCII.
        QList<QByteArray> messages;
        for (int length : {0, 1, 125, 126, 65535, 65536, 300000})
        {
            QByteArray text(length, 'a');
            for (int i = 0; i < length; i += 97)
            {
                text[i] = char('a' + i % 26);
            }
            messages.append(text);
        }
        messages.append("Grüße, 😀 {\"json\":true}");
        for (const QByteArray &message : std::as_const(messages))
        {
            QVERIFY(client.sendText(std::string_view(message.constData(), message.size())));
        }
        QTRY_COMPARE_WITH_TIMEOUT(atServer.size(), messages.size(), 10000);
        for (qsizetype i = 0; i < messages.size(); ++i)
        {
            QCOMPARE(atServer[i].toUtf8(), messages[i]);
        }

        // The server's large messages come in fragments of 1000 bytes; they arrive joined, in order.
        peer->setOutgoingFrameSize(1000);
        for (const QByteArray &message : std::as_const(messages))
        {
            peer->sendTextMessage(QString::fromUtf8(message));
        }
        QTRY_COMPARE_WITH_TIMEOUT(atClient.size(), messages.size(), 10000);
        QCOMPARE(atClient, messages);
    }

    void pingsAreAnsweredBothWays()
    {
        listen();
        WebSocketClient client;
        QWebSocket *peer = connectClient(client);
        QVERIFY(peer);
        QSignalSpy clientPong(&client, &WebSocketClient::pongReceived);
        client.ping();
        QVERIFY(clientPong.wait(5000));
        QSignalSpy serverPong(peer, &QWebSocket::pong);
        peer->ping("payload");
        QVERIFY(serverPong.wait(5000));
        QCOMPARE(serverPong.at(0).at(1).toByteArray(), QByteArray("payload"));
    }

    void serverCloseIsReportedWithItsCode()
    {
        listen();
        WebSocketClient client;
        QWebSocket *peer = connectClient(client);
        QVERIFY(peer);
        QSignalSpy closed(&client, &WebSocketClient::closedByServer);
        QSignalSpy failed(&client, &WebSocketClient::failed);
        QSignalSpy disconnected(&client, &WebSocketClient::disconnected);
        QSignalSpy serverDisconnected(peer, &QWebSocket::disconnected);
        peer->close(QWebSocketProtocol::CloseCode(4000), u"going to sleep"_s);
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(closed.size(), 1);
        QCOMPARE(closed.at(0).at(0).toInt(), 4000);
        QCOMPARE(closed.at(0).at(1).toString(), u"going to sleep"_s);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(client.state(), WebSocketClient::State::Unconnected);
        // The close was answered: the server finished its closing handshake.
        QVERIFY(serverDisconnected.size() == 1 || serverDisconnected.wait(5000));
        QVERIFY(!client.sendText("late"));
    }

    void clientCloseReachesTheServer()
    {
        listen();
        WebSocketClient client;
        QWebSocket *peer = connectClient(client);
        QVERIFY(peer);
        QSignalSpy serverDisconnected(peer, &QWebSocket::disconnected);
        QSignalSpy disconnected(&client, &WebSocketClient::disconnected);
        QSignalSpy failed(&client, &WebSocketClient::failed);
        client.close(1000, u"Shutting down"_s);
        QCOMPARE(client.state(), WebSocketClient::State::Closing);
        QVERIFY(!client.sendText("after close"));
        QVERIFY(serverDisconnected.wait(5000));
        QCOMPARE(peer->closeCode(), QWebSocketProtocol::CloseCodeNormal);
        QCOMPARE(peer->closeReason(), u"Shutting down"_s);
        QVERIFY(disconnected.size() == 1 || disconnected.wait(5000));
        QCOMPARE(failed.size(), 0);
    }

    void droppedConnectionFails()
    {
        listen();
        WebSocketClient client;
        QWebSocket *peer = connectClient(client);
        QVERIFY(peer);
        QSignalSpy failed(&client, &WebSocketClient::failed);
        QSignalSpy disconnected(&client, &WebSocketClient::disconnected);
        peer->abort();
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.at(0).at(0).toString().contains(u"closed"_s),
                 qPrintable(failed.at(0).at(0).toString()));
    }

    void refusedConnectionFails()
    {
        QTcpServer unused;
        QVERIFY(unused.listen(QHostAddress::LocalHost));
        const quint16 port = unused.serverPort();
        unused.close();
        WebSocketClient client;
        QSignalSpy failed(&client, &WebSocketClient::failed);
        client.open(QUrl(u"ws://127.0.0.1:%1/"_s.arg(port)), QString());
        QVERIFY(failed.wait(5000));
        QVERIFY2(failed.at(0).at(0).toString().contains(u"refused"_s),
                 qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(failed.size(), 1);
    }

    void onlyWebSocketAddresses()
    {
        WebSocketClient client;
        QSignalSpy failed(&client, &WebSocketClient::failed);
        client.open(QUrl(u"http://127.0.0.1:1/"_s), QString());
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.at(0).at(0).toString().contains(u"ws://"_s));
    }

    void tlsConnectionsVerifyTheCertificate()
    {
        listen(QWebSocketServer::SecureMode);
        {
            // The test certificate is self-signed: refused.
            WebSocketClient client;
            QSignalSpy failed(&client, &WebSocketClient::failed);
            client.open(url(u"wss"_s), u"v0.tachyon"_s);
            QVERIFY(failed.wait(10000));
            QVERIFY2(failed.at(0).at(0).toString().contains(u"certificate"_s, Qt::CaseInsensitive),
                     qPrintable(failed.at(0).at(0).toString()));
        }
        // Trusted (it is its own authority): text goes through the TLS connection.
        const QSslConfiguration previous = QSslConfiguration::defaultConfiguration();
        QSslConfiguration trusting = previous;
        trusting.addCaCertificate(certificate());
        QSslConfiguration::setDefaultConfiguration(trusting);
        WebSocketClient client;
        QWebSocket *peer = connectClient(client, u"wss"_s);
        QSslConfiguration::setDefaultConfiguration(previous);
        QVERIFY(peer);
        QSignalSpy atServer(peer, &QWebSocket::textMessageReceived);
        QVERIFY(client.sendText("over TLS"));
        QVERIFY(atServer.wait(5000));
        QCOMPARE(atServer.at(0).at(0).toString(), u"over TLS"_s);
    }

    void badUpgradeAnswersFail_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("error");
        QTest::newRow("refused") << QByteArray("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n")
                                 << u"401"_s;
        QTest::newRow("wrong accept")
            << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                          "Sec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=\r\n\r\n")
            << u"does not match"_s;
        QTest::newRow("closed mid-answer") << QByteArray("HTTP/1.1 101 Swi") << u"closed"_s;
    }

    void badUpgradeAnswersFail()
    {
        QFETCH(QByteArray, answer);
        QFETCH(QString, error);
        RawServer raw;
        WebSocketClient client;
        QSignalSpy failed(&client, &WebSocketClient::failed);
        QSignalSpy connected(&client, &WebSocketClient::connected);
        client.open(raw.url(), QString());
        QVERIFY(QTest::qWaitFor([&] { return raw.received.contains("\r\n\r\n"); }, 5000));
        raw.socket->write(answer);
        raw.socket->disconnectFromHost();
        QVERIFY(failed.wait(5000));
        QVERIFY2(failed.at(0).at(0).toString().contains(error), qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(connected.size(), 0);
    }

    void protocolViolationsCloseWithTheRightCode_data()
    {
        QTest::addColumn<QByteArray>("frames");
        QTest::addColumn<int>("closeCode");
        QTest::newRow("masked frame") << QByteArray::fromHex("818537fa213d7f9f4d5158") << 1002;
        QTest::newRow("text not UTF-8") << QByteArray::fromHex("8102c328") << 1007;
        QTest::newRow("over the size limit") << QByteArray::fromHex("817f0000000001000000") << 1009;
    }

    void protocolViolationsCloseWithTheRightCode()
    {
        QFETCH(QByteArray, frames);
        QFETCH(int, closeCode);
        RawServer raw;
        WebSocketClient client;
        client.setMaxIncomingMessageSize(1 << 20);
        QSignalSpy failed(&client, &WebSocketClient::failed);
        QSignalSpy connected(&client, &WebSocketClient::connected);
        QSignalSpy text(&client, &WebSocketClient::textReceived);
        client.open(raw.url(), QString());
        QVERIFY(raw.acceptUpgrade());
        // A good message first, in the same write as the bad one.
        raw.socket->write(QByteArray::fromHex("81026f6b") + frames);
        QVERIFY(failed.wait(5000));
        QCOMPARE(connected.size(), 1);
        QCOMPARE(text.size(), 1);
        QCOMPARE(text.at(0).at(0).toByteArray(), QByteArray("ok"));
        QVERIFY2(failed.at(0).at(0).toString().contains(u"broke the WebSocket protocol"_s),
                 qPrintable(failed.at(0).at(0).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(closeCodeSent(raw.received), closeCode, 5000);
    }

    void framesRightBehindTheUpgradeAreRead()
    {
        RawServer raw;
        WebSocketClient client;
        QSignalSpy text(&client, &WebSocketClient::textReceived);
        client.open(raw.url(), QString());
        const QByteArray answer = raw.upgradeAnswer();
        QVERIFY(!answer.isEmpty());
        // Two frames in the same write as the answer.
        raw.socket->write(answer + QByteArray::fromHex("8105686f77647981026869"));
        QTRY_COMPARE_WITH_TIMEOUT(text.size(), 2, 5000);
        QCOMPARE(text.at(0).at(0).toByteArray(), QByteArray("howdy"));
        QCOMPARE(text.at(1).at(0).toByteArray(), QByteArray("hi"));
    }

    void framesGoOutMasked()
    {
        RawServer raw;
        WebSocketClient client;
        client.open(raw.url(), QString());
        QVERIFY(raw.acceptUpgrade());
        QTRY_COMPARE(client.state(), WebSocketClient::State::Open);
        QVERIFY(client.sendText("Hello"));
        QVERIFY(client.sendText("Hello"));
        QTRY_COMPARE_WITH_TIMEOUT(raw.received.size(), 22, 5000);
        QCOMPARE(quint8(raw.received[0]), 0x81);
        QCOMPARE(quint8(raw.received[1]), 0x85);
        QByteArray payload = raw.received.mid(6, 5);
        for (int i = 0; i < 5; ++i)
        {
            payload[i] = char(payload[i] ^ raw.received[2 + i % 4]);
        }
        QCOMPARE(payload, QByteArray("Hello"));
        // A fresh mask for every frame.
        QVERIFY(raw.received.mid(2, 4) != raw.received.mid(13, 4));
    }
};

QTEST_GUILESS_MAIN(TestWebSocketClient)
#include "tst_websocketclient.moc"
