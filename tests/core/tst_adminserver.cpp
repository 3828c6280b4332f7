#include <QNetworkRequest>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

#include "admin/adminserver.h"
#include "messagecapture.h"

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace
{
const QByteArray Token = "tok3n-for-the-admin-test";

// An answer as the client received it.
struct HttpReply
{
    QByteArray raw;
    bool closed = false; // the server closed the connection
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;

    Json json() const { return Json::parse(body.toStdString(), nullptr, false); }
};

HttpReply parseReply(const QByteArray &raw, bool closed)
{
    HttpReply reply;
    reply.raw = raw;
    reply.closed = closed;
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (!raw.startsWith("HTTP/1.1 ") || end < 0)
    {
        return reply;
    }
    const QList<QByteArray> lines = raw.left(end).split('\n');
    reply.status = lines.front().mid(9, 3).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i)
    {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        reply.headers.insert(line.left(colon).toLower(), line.mid(colon + 1).trimmed());
    }
    reply.body = raw.mid(end + 4);
    return reply;
}

QByteArray get(const QByteArray &path, const QByteArray &token = {})
{
    QByteArray request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
    {
        request += "Authorization: Bearer " + token + "\r\n";
    }
    return request + "\r\n";
}

// Waits with a running event loop (the server is in this thread) until the socket is closed; the bytes it
// got.
HttpReply receiveUntilClosed(QAbstractSocket &socket)
{
    QByteArray received;
    const bool closed = QTest::qWaitFor(
        [&]
        {
            received += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        10000);
    received += socket.readAll();
    return parseReply(received, closed);
}
} // namespace

// The admin endpoint over real sockets on loopback: routing, the token, the failed-login limit, WebSocket
// upgrades, TLS. Providers are lambdas; what they serve belongs to other tests.
class TestAdminServer : public QObject
{
    Q_OBJECT

private:
    // Made in initTestCase: Qt Test installs its own message handler after the test object is made.
    std::unique_ptr<MessageCapture> m_messages;
    std::chrono::milliseconds m_now = 5000s;
    int m_metricsCalls = 0;
    int m_stateCalls = 0;
    QList<QWebSocket *> m_streams;
    std::unique_ptr<QObject> m_streamOwner;
    const QString m_certificate = QStringLiteral(AUTOHOST_TEST_DATA_DIR "/tls/certificate.pem");
    const QString m_key = QStringLiteral(AUTOHOST_TEST_DATA_DIR "/tls/key.pem");

    static AdminSettings settings(std::optional<QString> token = QString::fromLatin1(Token))
    {
        AdminSettings settings;
        settings.address = QHostAddress(QHostAddress::LocalHost);
        settings.port = 0;
        settings.token = std::move(token);
        return settings;
    }

    // A listening server with every provider set, on the test's clock.
    std::unique_ptr<AdminServer> start(const AdminSettings &adminSettings, bool withProviders = true)
    {
        auto server = std::make_unique<AdminServer>(adminSettings);
        server->setClock([this] { return m_now; });
        if (withProviders)
        {
            server->setMetricsProvider(
                [this]
                {
                    ++m_metricsCalls;
                    return QByteArray("# TYPE autohost_up gauge\nautohost_up 1\n");
                });
            server->setStateProvider(
                [this]
                {
                    ++m_stateCalls;
                    return Json{{"battles", Json::array({{{"id", "b1"}}})}, {"draining", false}};
                });
            server->setStreamHandler(
                [this](QWebSocket *socket)
                {
                    socket->setParent(m_streamOwner.get());
                    m_streams.append(socket);
                    socket->sendTextMessage(u"hello"_s);
                });
        }
        const Status listening = server->listen();
        if (!listening)
        {
            qWarning("listen failed: %s", qPrintable(listening.error()));
            return nullptr;
        }
        return server;
    }

    HttpReply exchange(const AdminServer &server, const QByteArray &request,
                       const QHostAddress &from = QHostAddress())
    {
        QTcpSocket socket;
        if (!from.isNull() && !socket.bind(from))
        {
            return {};
        }
        socket.connectToHost(QHostAddress::LocalHost, server.serverPort());
        if (!socket.waitForConnected(5000))
        {
            return {};
        }
        socket.write(request);
        return receiveUntilClosed(socket);
    }

    QSslConfiguration trustingTheTestCertificate() const
    {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates(QSslCertificate::fromPath(m_certificate));
        return configuration;
    }

    static QNetworkRequest streamRequest(const AdminServer &server, const QByteArray &token)
    {
        QUrl url(server.url());
        url.setScheme(server.secure() ? u"wss"_s : u"ws"_s);
        url.setPath(u"/api/v1/stream"_s);
        QNetworkRequest request(url);
        if (!token.isEmpty())
        {
            request.setRawHeader("Authorization", "Bearer " + token);
        }
        return request;
    }

    // Opens a WebSocket; whether the handshake succeeded.
    static bool openStream(QWebSocket &client, const QNetworkRequest &request)
    {
        bool connected = false;
        bool failed = false;
        QObject context;
        connect(&client, &QWebSocket::connected, &context, [&connected] { connected = true; });
        connect(&client, &QWebSocket::disconnected, &context, [&failed] { failed = true; });
        connect(&client, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), &context,
                [&failed] { failed = true; });
        client.open(request);
        return QTest::qWaitFor([&] { return connected || failed; }, 10000) && connected &&
               client.state() == QAbstractSocket::ConnectedState;
    }

    static void verifyJsonError(const HttpReply &reply, int status, const char *error)
    {
        QCOMPARE(reply.status, status);
        QVERIFY2(reply.closed, reply.raw.constData());
        QCOMPARE(reply.headers.value("connection"), QByteArray("close"));
        QCOMPARE(reply.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(reply.headers.value("content-length"), QByteArray::number(reply.body.size()));
        const Json body = reply.json();
        QVERIFY2(body.is_object(), reply.body.constData());
        QCOMPARE(body.value("error", ""), std::string(error));
        QVERIFY(!body.value("details", "").empty());
    }

private slots:
    void initTestCase() { m_messages = std::make_unique<MessageCapture>(); }

    void cleanupTestCase() { m_messages.reset(); }

    void init()
    {
        m_now = 5000s;
        m_metricsCalls = 0;
        m_stateCalls = 0;
        m_streams.clear();
        m_streamOwner = std::make_unique<QObject>();
        m_messages->take();
    }

    void cleanup() { m_streamOwner.reset(); }

    void servesWithTheToken()
    {
        const auto server = start(settings());
        QVERIFY(server);
        QVERIFY(!server->secure());

        const HttpReply metrics = exchange(*server, get("/metrics", Token));
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.closed);
        QCOMPARE(metrics.headers.value("content-type"),
                 QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QCOMPARE(metrics.headers.value("connection"), QByteArray("close"));
        QCOMPARE(metrics.body, QByteArray("# TYPE autohost_up gauge\nautohost_up 1\n"));
        QCOMPARE(metrics.headers.value("content-length"), QByteArray::number(metrics.body.size()));
        QCOMPARE(m_metricsCalls, 1);

        const HttpReply state = exchange(*server, get("/api/v1/state?pretty=0", Token));
        QCOMPARE(state.status, 200);
        QCOMPARE(state.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(dumpJson(state.json()),
                 dumpJson(Json{{"battles", Json::array({{{"id", "b1"}}})}, {"draining", false}}));
        QCOMPARE(m_stateCalls, 1);

        // The scheme is case-insensitive; nothing about the token is.
        const HttpReply lowerCase = exchange(
            *server, "GET /metrics HTTP/1.1\r\nHost: h\r\nauthorization: bearer " + Token + "\r\n\r\n");
        QCOMPARE(lowerCase.status, 200);
        QVERIFY(m_messages->take().filter(u"failed admin login"_s).isEmpty());
    }

    void refusesWithoutTheToken_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<QString>("details");
        QTest::newRow("metrics, no header") << QByteArray("/metrics") << QByteArray() << u"missing"_s;
        QTest::newRow("state, no header") << QByteArray("/api/v1/state") << QByteArray() << u"missing"_s;
        QTest::newRow("wrong token") << QByteArray("/api/v1/state") << QByteArray("Bearer wrong-token")
                                     << u"wrong token"_s;
        QTest::newRow("token prefix")
            << QByteArray("/metrics") << QByteArray("Bearer " + Token.left(10)) << u"wrong token"_s;
        QTest::newRow("token and more")
            << QByteArray("/metrics") << QByteArray("Bearer " + Token + "x") << u"wrong token"_s;
        QTest::newRow("other case") << QByteArray("/metrics") << QByteArray("Bearer " + Token.toUpper())
                                    << u"wrong token"_s;
        QTest::newRow("basic") << QByteArray("/metrics") << QByteArray("Basic " + Token.toBase64())
                               << u"Bearer <token>"_s;
        QTest::newRow("bare token") << QByteArray("/metrics") << Token << u"Bearer <token>"_s;
        QTest::newRow("empty bearer")
            << QByteArray("/metrics") << QByteArray("Bearer") << u"Bearer <token>"_s;
    }

    void refusesWithoutTheToken()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, authorization);
        QFETCH(QString, details);
        const auto server = start(settings());
        QVERIFY(server);
        QByteArray request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        if (!authorization.isNull())
        {
            request += "Authorization: " + authorization + "\r\n";
        }
        const HttpReply reply = exchange(*server, request + "\r\n");
        verifyJsonError(reply, 401, "unauthorized");
        QVERIFY2(reply.headers.value("www-authenticate").startsWith("Bearer"), reply.raw.constData());
        QVERIFY2(toQString(reply.json().value("details", "")).contains(details), reply.body.constData());
        QCOMPARE(m_metricsCalls + m_stateCalls, 0);

        // Logged as a warning with the client's address, never with what it offered.
        const QStringList failures = m_messages->take().filter(u"failed admin login"_s);
        QCOMPARE(failures.size(), 1);
        QVERIFY2(failures.front().contains(u"from 127.0.0.1 (GET %1)"_s.arg(QString::fromLatin1(path))),
                 qPrintable(failures.front()));
        QVERIFY2(failures.front().contains(u"1 of 5 failures allowed in 60 s"_s),
                 qPrintable(failures.front()));
        if (const qsizetype space = authorization.indexOf(' '); space > 0)
        {
            const QString offered = QString::fromLatin1(authorization.mid(space + 1));
            QVERIFY2(!failures.front().contains(offered), qPrintable(failures.front()));
        }
        QVERIFY(!failures.front().contains(QString::fromLatin1(Token)));
    }

    void failedLoginsAreRateLimited()
    {
        const auto server = start(settings());
        QVERIFY(server);
        for (int attempt = 1; attempt <= 5; ++attempt)
        {
            QCOMPARE(exchange(*server, get("/api/v1/state", "guess-" + QByteArray::number(attempt))).status,
                     401);
            m_now += 1s;
        }
        QStringList messages = m_messages->take();
        QCOMPARE(messages.filter(u"failed admin login from 127.0.0.1"_s).size(), 5);
        // The fifth failure came 4 s after the first.
        QVERIFY2(!messages.filter(u"admin logins from 127.0.0.1 refused for 56 s"_s).isEmpty(),
                 qPrintable(messages.join(u'\n')));

        // Blocked, the right token included, so guessing stays slow.
        const HttpReply blocked = exchange(*server, get("/api/v1/state", Token));
        verifyJsonError(blocked, 429, "too_many_requests");
        QCOMPARE(blocked.headers.value("retry-after"), QByteArray("55"));
        QCOMPARE(exchange(*server, get("/metrics", "guess-6")).status, 429);
        QCOMPARE(m_stateCalls + m_metricsCalls, 0);
        // Blocked attempts are not logged one by one.
        QVERIFY(m_messages->take().filter(u"failed admin login"_s).isEmpty());

        // Another client is not blocked.
        const HttpReply other = exchange(*server, get("/api/v1/state", Token), QHostAddress(u"127.0.0.2"_s));
        QCOMPARE(other.status, 200);

        m_now += 54s;
        QCOMPARE(exchange(*server, get("/api/v1/state", Token)).headers.value("retry-after"),
                 QByteArray("1"));
        // The window passes: the first failure is 60 s old.
        m_now += 1s;
        QCOMPARE(exchange(*server, get("/api/v1/state", Token)).status, 200);
    }

    void metricsPublic()
    {
        AdminSettings open = settings();
        open.metricsPublic = true;
        const auto server = start(open);
        QVERIFY(server);
        QCOMPARE(exchange(*server, get("/metrics")).status, 200);
        QCOMPARE(m_metricsCalls, 1);
        QCOMPARE(exchange(*server, get("/api/v1/state")).status, 401);

        // Not public by default.
        const auto closed = start(settings());
        QVERIFY(closed);
        QCOMPARE(exchange(*closed, get("/metrics")).status, 401);
    }

    void emptyTokenNeedsNoAuthentication()
    {
        const auto server = start(settings(QString()));
        QVERIFY(server);
        QCOMPARE(exchange(*server, get("/api/v1/state")).status, 200);
        QCOMPARE(exchange(*server, get("/metrics", "anything")).status, 200);
    }

    void protocolErrors_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("error");
        QTest::newRow("unknown path") << get("/api/v1/nothing", Token) << 404 << QByteArray("not_found");
        QTest::newRow("root") << get("/", Token) << 404 << QByteArray("not_found");
        QTest::newRow("trailing slash") << get("/metrics/", Token) << 404 << QByteArray("not_found");
        QTest::newRow("POST") << QByteArray("POST /metrics HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer " +
                                            Token + "\r\nContent-Length: 0\r\n\r\n")
                              << 405 << QByteArray("method_not_allowed");
        QTest::newRow("HEAD") << QByteArray("HEAD /api/v1/state HTTP/1.1\r\nHost: h\r\n\r\n") << 405
                              << QByteArray("method_not_allowed");
        QTest::newRow("garbage") << QByteArray("hello there\r\n\r\n") << 400 << QByteArray("bad_request");
        QTest::newRow("no Host") << QByteArray("GET /metrics HTTP/1.1\r\n\r\n") << 400
                                 << QByteArray("bad_request");
        QTest::newRow("HTTP/2") << QByteArray("GET /metrics HTTP/2.0\r\nHost: h\r\n\r\n") << 505
                                << QByteArray("http_version_not_supported");
        QTest::newRow("16 KiB of headers")
            << QByteArray("GET /metrics HTTP/1.1\r\nHost: h\r\nX-Padding: " + QByteArray(17 * 1024, 'p') +
                          "\r\n\r\n")
            << 431 << QByteArray("headers_too_large");
        QTest::newRow("stream without upgrade")
            << get("/api/v1/stream", Token) << 426 << QByteArray("upgrade_required");
    }

    void protocolErrors()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QByteArray, error);
        const auto server = start(settings());
        QVERIFY(server);
        const HttpReply reply = exchange(*server, request);
        verifyJsonError(reply, status, error.constData());
        if (status == 405)
        {
            QCOMPARE(reply.headers.value("allow"), QByteArray("GET"));
        }
        if (status == 426)
        {
            QCOMPARE(reply.headers.value("upgrade"), QByteArray("websocket"));
        }
        QCOMPARE(m_metricsCalls + m_stateCalls, 0);
        // Not a login attempt.
        QVERIFY(m_messages->take().filter(u"failed admin login"_s).isEmpty());
    }

    void slowHeadIsClosed()
    {
        const auto server = start(settings());
        QVERIFY(server);
        server->setHeadTimeout(300ms);
        QTcpSocket partial;
        partial.connectToHost(QHostAddress::LocalHost, server->serverPort());
        QVERIFY(partial.waitForConnected(5000));
        partial.write("GET /metrics HTTP/1.1\r\nHost: h\r\n");
        QTcpSocket silent;
        silent.connectToHost(QHostAddress::LocalHost, server->serverPort());
        QVERIFY(silent.waitForConnected(5000));

        const HttpReply partialReply = receiveUntilClosed(partial);
        QVERIFY(partialReply.closed);
        QVERIFY2(partialReply.raw.isEmpty(), partialReply.raw.constData());
        const HttpReply silentReply = receiveUntilClosed(silent);
        QVERIFY(silentReply.closed);
        QVERIFY(silentReply.raw.isEmpty());
        QCOMPARE(m_metricsCalls, 0);
    }

    void headInSeveralPieces()
    {
        const auto server = start(settings());
        QVERIFY(server);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server->serverPort());
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray request = get("/metrics", Token);
        for (const QByteArray &piece : {request.left(5), request.mid(5, 20), request.mid(25)})
        {
            socket.write(piece);
            QVERIFY(socket.waitForBytesWritten(5000));
            QTest::qWait(20);
        }
        QCOMPARE(receiveUntilClosed(socket).status, 200);
    }

    void unavailableWithoutProviders()
    {
        const auto server = start(settings(), false);
        QVERIFY(server);
        verifyJsonError(exchange(*server, get("/metrics", Token)), 503, "unavailable");
        verifyJsonError(exchange(*server, get("/api/v1/state", Token)), 503, "unavailable");
        // Authentication still comes first.
        QCOMPARE(exchange(*server, get("/metrics")).status, 401);
        QWebSocket client;
        QVERIFY(!openStream(client, streamRequest(*server, Token)));
    }

    void streamWithTheToken()
    {
        const auto server = start(settings());
        QVERIFY(server);
        QWebSocket client;
        QSignalSpy received(&client, &QWebSocket::textMessageReceived);
        QVERIFY(openStream(client, streamRequest(*server, Token)));
        QTRY_COMPARE(m_streams.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 5000);
        QCOMPARE(received.front().front().toString(), u"hello"_s);

        // The connection is the handler's now, both ways.
        QWebSocket *stream = m_streams.front();
        QSignalSpy fromClient(stream, &QWebSocket::textMessageReceived);
        client.sendTextMessage(u"ping from the client"_s);
        QVERIFY(fromClient.wait(5000));
        QCOMPARE(fromClient.front().front().toString(), u"ping from the client"_s);
        QCOMPARE(stream->request().rawHeader("Authorization"), QByteArray("Bearer " + Token));
        QVERIFY(stream->parent() == m_streamOwner.get());

        // A plain request afterwards is still served.
        QCOMPARE(exchange(*server, get("/metrics", Token)).status, 200);
        QVERIFY2(!m_messages->take().filter(u"stream opened from 127.0.0.1"_s).isEmpty(), "no log line");
    }

    void streamRefusedWithoutTheToken_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("no token") << QByteArray();
        QTest::newRow("wrong token") << QByteArray("not-" + Token);
    }

    void streamRefusedWithoutTheToken()
    {
        QFETCH(QByteArray, token);
        const auto server = start(settings());
        QVERIFY(server);
        QWebSocket client;
        QSignalSpy received(&client, &QWebSocket::textMessageReceived);
        QVERIFY(!openStream(client, streamRequest(*server, token)));
        // Give a wrongly accepted upgrade the time to arrive.
        QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState);
        QTest::qWait(200);
        QCOMPARE(m_streams.size(), 0);
        QCOMPARE(received.size(), 0);
        QCOMPARE(
            m_messages->take().filter(u"failed admin login from 127.0.0.1 (GET /api/v1/stream)"_s).size(), 1);
    }

    void streamRefusedFromWebPages()
    {
        // No token needed here, so only the Origin check stands between a web page and the controls.
        const auto server = start(settings(QString()));
        QVERIFY(server);
        QWebSocket fromPage(u"https://attacker.example"_s);
        QVERIFY(!openStream(fromPage, streamRequest(*server, {})));
        QWebSocket tool;
        QVERIFY(openStream(tool, streamRequest(*server, {})));
        QTRY_COMPARE(m_streams.size(), 1);
    }

    void nonLoopbackWithoutTokenRefused_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<std::optional<QString>>("token");
        QTest::newRow("0.0.0.0, no token") << u"0.0.0.0"_s << std::optional<QString>();
        QTest::newRow("0.0.0.0, empty token") << u"0.0.0.0"_s << std::optional<QString>(QString());
        QTest::newRow(":: , empty token") << u"::"_s << std::optional<QString>(QString());
    }

    void nonLoopbackWithoutTokenRefused()
    {
        QFETCH(QString, address);
        QFETCH(std::optional<QString>, token);
        AdminSettings open = settings(token);
        open.address = QHostAddress(address);
        AdminServer server(open);
        const Status listening = server.listen();
        QVERIFY(!listening);
        QVERIFY2(listening.error().contains(u"refuses to listen on %1 without a token"_s.arg(address)),
                 qPrintable(listening.error()));
        QCOMPARE(server.serverPort(), quint16(0));
    }

    void portZeroGivesARealPort()
    {
        const auto server = start(settings());
        QVERIFY(server);
        QVERIFY(server->serverPort() != 0);
        QCOMPARE(server->url(), u"http://127.0.0.1:%1"_s.arg(server->serverPort()));
        QCOMPARE(server->serverAddress(), QHostAddress(QHostAddress::LocalHost));
        QVERIFY(!server->listen());

        // The port is taken now: a second server says so.
        AdminSettings same = settings();
        same.port = server->serverPort();
        AdminServer second(same);
        const Status listening = second.listen();
        QVERIFY(!listening);
        QVERIFY2(listening.error().startsWith(u"cannot listen on 127.0.0.1:%1: "_s.arg(same.port)),
                 qPrintable(listening.error()));

        server->close();
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, same.port);
        QVERIFY(!socket.waitForConnected(2000));
    }

    void https()
    {
        AdminSettings tls = settings();
        tls.tlsCertificateFile = m_certificate;
        tls.tlsKeyFile = m_key;
        const auto server = start(tls);
        QVERIFY(server);
        QVERIFY(server->secure());
        QCOMPARE(server->url(), u"https://127.0.0.1:%1"_s.arg(server->serverPort()));

        // Waits with the event loop running: the server's side of the handshake runs in this thread.
        QSslSocket socket;
        socket.setSslConfiguration(trustingTheTestCertificate());
        socket.connectToHostEncrypted(u"127.0.0.1"_s, server->serverPort());
        QVERIFY2(QTest::qWaitFor([&socket] { return socket.isEncrypted(); }, 10000),
                 qPrintable(socket.errorString()));
        socket.write(get("/api/v1/state", Token));
        const HttpReply reply = receiveUntilClosed(socket);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("draining", true), false);

        // The server presents the configured certificate: a client that does not trust it gives up.
        QSslSocket untrusting;
        QList<QSslError> errors;
        connect(&untrusting, &QSslSocket::sslErrors, this,
                [&errors](const QList<QSslError> &reported) { errors += reported; });
        untrusting.connectToHostEncrypted(u"127.0.0.1"_s, server->serverPort());
        QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 10000);
        QVERIFY(!untrusting.isEncrypted());
        QCOMPARE(errors.front().certificate(), QSslCertificate::fromPath(m_certificate).value(0));
    }

    void plainHttpToTheTlsPortFails()
    {
        AdminSettings tls = settings();
        tls.tlsCertificateFile = m_certificate;
        tls.tlsKeyFile = m_key;
        const auto server = start(tls);
        QVERIFY(server);
        const HttpReply reply = exchange(*server, get("/metrics", Token));
        QVERIFY(reply.closed);
        QVERIFY2(!reply.raw.startsWith("HTTP/"), reply.raw.constData());
        QCOMPARE(reply.status, 0);
        QCOMPARE(m_metricsCalls, 0);
    }

    void secureStream()
    {
        AdminSettings tls = settings();
        tls.tlsCertificateFile = m_certificate;
        tls.tlsKeyFile = m_key;
        const auto server = start(tls);
        QVERIFY(server);

        QWebSocket client;
        client.setSslConfiguration(trustingTheTestCertificate());
        QSignalSpy received(&client, &QWebSocket::textMessageReceived);
        const QNetworkRequest request = streamRequest(*server, Token);
        QCOMPARE(request.url().scheme(), u"wss"_s);
        QVERIFY(openStream(client, request));
        QTRY_COMPARE(m_streams.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 5000);
        QCOMPARE(received.front().front().toString(), u"hello"_s);
        QSignalSpy fromClient(m_streams.front(), &QWebSocket::textMessageReceived);
        client.sendTextMessage(u"over TLS"_s);
        QVERIFY(fromClient.wait(5000));
        QCOMPARE(fromClient.front().front().toString(), u"over TLS"_s);

        // Without the token, TLS or not, no stream.
        QWebSocket stranger;
        stranger.setSslConfiguration(trustingTheTestCertificate());
        QVERIFY(!openStream(stranger, streamRequest(*server, {})));
        QCOMPARE(m_streams.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAdminServer)
#include "tst_adminserver.moc"
