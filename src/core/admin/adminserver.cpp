#include "admin/adminserver.h"

#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include "admin/httprequesthead.h"
#include "admin/httpstatus.h"
#include "admin/listenaddress.h"
#include "logging.h"
#include "util/constanttime.h"

using namespace Qt::Literals::StringLiterals;

namespace
{

const QString MetricsPath = u"/metrics"_s;
const QString StatePath = u"/api/v1/state"_s;
const QString StreamPath = u"/api/v1/stream"_s;

QString describePeer(const QTcpSocket *socket)
{
    return ListenAddress{socket->peerAddress(), socket->peerPort()}.toString();
}

} // namespace

AdminServer::AdminServer(const AdminSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
}

AdminServer::~AdminServer() = default;

Status AdminServer::listen()
{
    if (m_server)
    {
        return fail(u"the admin endpoint is already listening on %1"_s.arg(url()));
    }
    if (const Status checked = m_settings.check(); !checked)
    {
        return checked;
    }
    if (m_settings.tls())
    {
        const Result<QSslConfiguration> configuration = m_settings.sslConfiguration();
        if (!configuration)
        {
            return fail(configuration.error());
        }
        auto *server = new QSslServer(this);
        server->setSslConfiguration(*configuration);
        server->setHandshakeTimeout(int(m_headTimeout.count()));
        // Plain HTTP to the TLS port, or a client that does not trust the certificate: the socket is gone.
        connect(server, &QSslServer::errorOccurred, this,
                [](QSslSocket *socket, QAbstractSocket::SocketError)
                {
                    qCDebug(lcAdmin).noquote() << u"TLS handshake with %1 failed: %2"_s.arg(
                        describePeer(socket), socket->errorString());
                });
        m_server = server;
    }
    else
    {
        m_server = new QTcpServer(this);
    }
    // Not newConnection: a QSslServer offers its sockets only once their handshake is done.
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this,
            [this]
            {
                while (m_server->hasPendingConnections())
                {
                    acceptConnection(m_server->nextPendingConnection());
                }
            });
    if (!m_server->listen(m_settings.address, m_settings.port))
    {
        const QString error = u"cannot listen on %1: %2"_s.arg(
            ListenAddress{m_settings.address, m_settings.port}.toString(), m_server->errorString());
        delete m_server;
        m_server = nullptr;
        return fail(error);
    }
    // TLS, if any, is already terminated by the QSslSocket the WebSocket is upgraded from.
    m_webSockets = new QWebSocketServer(u"autohost"_s, QWebSocketServer::NonSecureMode, this);
    connect(m_webSockets, &QWebSocketServer::newConnection, this, &AdminServer::takeWebSockets);
    return succeeded();
}

void AdminServer::close()
{
    if (m_server)
    {
        m_server->close();
    }
}

quint16 AdminServer::serverPort() const
{
    return m_server ? m_server->serverPort() : 0;
}

QHostAddress AdminServer::serverAddress() const
{
    return m_server ? m_server->serverAddress() : m_settings.address;
}

bool AdminServer::secure() const
{
    return m_settings.tls();
}

QString AdminServer::url() const
{
    return (secure() ? u"https://"_s : u"http://"_s) +
           ListenAddress{serverAddress(), serverPort()}.toString();
}

void AdminServer::setMetricsProvider(std::function<QByteArray()> provider)
{
    m_metricsProvider = std::move(provider);
}

void AdminServer::setStateProvider(std::function<Json()> provider)
{
    m_stateProvider = std::move(provider);
}

void AdminServer::setStreamHandler(std::function<void(QWebSocket *)> handler)
{
    m_streamHandler = std::move(handler);
}

void AdminServer::setHeadTimeout(std::chrono::milliseconds timeout)
{
    m_headTimeout = timeout;
}

void AdminServer::setClock(LoginThrottle::Clock clock)
{
    m_throttle.setClock(std::move(clock));
}

void AdminServer::acceptConnection(QTcpSocket *socket)
{
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    auto *headTimer = new QTimer(socket);
    headTimer->setObjectName(u"headTimer"_s);
    headTimer->setSingleShot(true);
    connect(headTimer, &QTimer::timeout, socket,
            [socket]
            {
                qCDebug(lcAdmin).noquote()
                    << u"%1 sent no request head in time: closed"_s.arg(describePeer(socket));
                socket->abort();
                socket->deleteLater();
            });
    headTimer->start(m_headTimeout);
    connect(socket, &QIODevice::readyRead, this, [this, socket] { readHead(socket); });
    // A TLS socket may have brought its first bytes along with the handshake.
    readHead(socket);
}

void AdminServer::readHead(QTcpSocket *socket)
{
    // Peeked, not read: a WebSocket handshake goes on whole to the QWebSocketServer.
    const QByteArray bytes = socket->peek(qMin<qint64>(socket->bytesAvailable(), HttpRequestHead::MaxSize));
    qsizetype size = 0;
    const HttpRequestHead::Scan scan = HttpRequestHead::scan(bytes, &size);
    if (scan == HttpRequestHead::Scan::Incomplete)
    {
        return;
    }
    // One request per connection: whatever comes next is not looked at.
    disconnect(socket, &QIODevice::readyRead, this, nullptr);
    delete socket->findChild<QTimer *>(u"headTimer"_s);
    if (scan == HttpRequestHead::Scan::TooLarge)
    {
        respond(socket,
                errorResponse(431, "headers_too_large",
                              u"the request head must fit in %1 bytes"_s.arg(HttpRequestHead::MaxSize)));
        return;
    }
    const Result<HttpRequestHead, HttpHeadError> request = HttpRequestHead::parse(bytes.first(size));
    if (!request)
    {
        respond(socket,
                errorResponse(request.error().status,
                              request.error().status == 505 ? "http_version_not_supported" : "bad_request",
                              request.error().message));
        return;
    }
    handleRequest(socket, *request);
}

void AdminServer::handleRequest(QTcpSocket *socket, const HttpRequestHead &request)
{
    const QString path = request.path();
    if (path != MetricsPath && path != StatePath && path != StreamPath)
    {
        respond(socket, errorResponse(404, "not_found",
                                      u"no such resource; there are %1, %2 and %3"_s.arg(
                                          MetricsPath, StatePath, StreamPath)));
        return;
    }
    if (request.method() != "GET")
    {
        Response refused = errorResponse(405, "method_not_allowed", u"only GET is allowed"_s);
        refused.headers.emplaceBack("Allow", "GET");
        respond(socket, refused);
        return;
    }
    const bool open = path == MetricsPath && m_settings.metricsPublic;
    if (!open)
    {
        if (const std::optional<Response> refused = refuseUnauthenticated(socket->peerAddress(), request))
        {
            respond(socket, *refused);
            return;
        }
    }

    if (path == MetricsPath)
    {
        if (!m_metricsProvider)
        {
            respond(socket, errorResponse(503, "unavailable", u"metrics are not available"_s));
            return;
        }
        respond(socket, {200, "text/plain; version=0.0.4; charset=utf-8", m_metricsProvider(), {}});
    }
    else if (path == StatePath)
    {
        if (!m_stateProvider)
        {
            respond(socket, errorResponse(503, "unavailable", u"the state is not available"_s));
            return;
        }
        respond(socket, {200, "application/json", dumpJsonBytes(m_stateProvider()), {}});
    }
    else if (!request.isWebSocketUpgrade())
    {
        Response refused = errorResponse(426, "upgrade_required",
                                         u"%1 is a WebSocket: connect with ws:// or wss://"_s.arg(path));
        refused.headers.emplaceBack("Upgrade", "websocket");
        respond(socket, refused);
    }
    else if (request.hasHeader("Origin"))
    {
        // Browsers send an Origin: a web page must never drive the autohost through its user's browser (it
        // could reach a loopback endpoint without a token).
        respond(socket,
                errorResponse(403, "forbidden", u"WebSocket connections from web pages are refused"_s));
    }
    else if (!m_streamHandler)
    {
        respond(socket, errorResponse(503, "unavailable", u"the stream is not available"_s));
    }
    else
    {
        upgradeToWebSocket(socket);
    }
}

std::optional<AdminServer::Response> AdminServer::refuseUnauthenticated(const QHostAddress &client,
                                                                        const HttpRequestHead &request)
{
    if (!m_settings.requiresToken())
    {
        return std::nullopt;
    }
    if (const int wait = m_throttle.secondsBlocked(client); wait > 0)
    {
        Response refused =
            errorResponse(429, "too_many_requests",
                          u"too many failed logins from this address; try again in %1 s"_s.arg(wait));
        refused.headers.emplaceBack("Retry-After", QByteArray::number(wait));
        return refused;
    }

    const QByteArray authorization = request.header("Authorization");
    const qsizetype space = authorization.indexOf(' ');
    const bool bearer = space > 0 && authorization.left(space).compare("Bearer", Qt::CaseInsensitive) == 0;
    const QByteArray offered = bearer ? authorization.mid(space + 1).trimmed() : QByteArray();
    QString reason;
    if (authorization.isNull())
    {
        reason = u"missing Authorization: Bearer <token>"_s;
    }
    else if (!bearer)
    {
        reason = u"the Authorization header must be \"Bearer <token>\""_s;
    }
    else if (!constantTimeEquals(m_settings.token->toUtf8(), offered))
    {
        reason = u"wrong token"_s;
    }
    else
    {
        return std::nullopt;
    }

    const int failures = m_throttle.recordFailure(client);
    const qint64 windowSeconds =
        std::chrono::duration_cast<std::chrono::seconds>(m_throttle.window()).count();
    qCWarning(lcAdmin).noquote()
        << u"failed admin login from %1 (%2 %3): %4; %5 of %6 failures allowed in %7 s"_s
               .arg(client.toString(), QString::fromLatin1(request.method()), request.path(), reason)
               .arg(failures)
               .arg(m_throttle.maxFailures())
               .arg(windowSeconds);
    if (failures >= m_throttle.maxFailures())
    {
        qCWarning(lcAdmin).noquote() << u"admin logins from %1 refused for %2 s"_s.arg(client.toString())
                                            .arg(m_throttle.secondsBlocked(client));
    }
    Response refused = errorResponse(401, "unauthorized", reason);
    refused.headers.emplaceBack("WWW-Authenticate",
                                authorization.isNull()
                                    ? QByteArray(R"(Bearer realm="autohost")")
                                    : QByteArray(R"(Bearer realm="autohost", error="invalid_token")"));
    return refused;
}

void AdminServer::respond(QTcpSocket *socket, const Response &response)
{
    qCDebug(lcAdmin).noquote() << u"%1 from %2"_s.arg(response.status).arg(describePeer(socket));
    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + httpReasonPhrase(response.status) +
        "\r\nContent-Type: " + response.contentType +
        "\r\nContent-Length: " + QByteArray::number(response.body.size()) +
        "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n";
    for (const auto &[name, value] : response.headers)
    {
        head += name + ": " + value + "\r\n";
    }
    socket->write(head + "\r\n" + response.body);
    socket->disconnectFromHost();
    // A client that does not take the answer does not keep the connection.
    QTimer::singleShot(m_headTimeout, socket, [socket] { socket->abort(); });
}

void AdminServer::upgradeToWebSocket(QTcpSocket *socket)
{
    // From here the QWebSocketServer owns the connection and its cleanup.
    disconnect(socket, nullptr, this, nullptr);
    disconnect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    qCInfo(lcAdmin).noquote() << u"stream opened from %1"_s.arg(describePeer(socket));
    m_webSockets->handleConnection(socket);
}

void AdminServer::takeWebSockets()
{
    while (m_webSockets->hasPendingConnections())
    {
        QWebSocket *socket = m_webSockets->nextPendingConnection();
        if (m_streamHandler)
        {
            m_streamHandler(socket);
        }
        else
        {
            socket->close(QWebSocketProtocol::CloseCodeGoingAway, u"the stream is not available"_s);
            socket->deleteLater();
        }
    }
}

AdminServer::Response AdminServer::errorResponse(int status, const char *error, const QString &details)
{
    Json body = Json::object();
    body["error"] = error;
    body["details"] = toStdString(details);
    return {status, "application/json", dumpJsonBytes(body), {}};
}
