#include "faketachyonserver.h"

#include <algorithm>

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>
#include <QWebSocket>
#include <QWebSocketServer>

#include "admin/httpstatus.h"
#include "protocol/tachyonmessage.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
const QString Subprotocol = u"v0.tachyon"_s;
constexpr qsizetype MaxRequestHeadSize = 64 * 1024;
constexpr qsizetype MaxRequestBodySize = 1024 * 1024;
constexpr int TokenLifetimeSeconds = 60;
const char *HandledProperty = "fakeTachyonServerHandled";

QByteArray oauthError(const char *error, const char *description)
{
    return dumpJsonBytes(Json{{"error", error}, {"error_description", description}});
}

// application/x-www-form-urlencoded: '+' is a space, the rest is percent-decoding.
QHash<QString, QString> parseForm(const QByteArray &body)
{
    QHash<QString, QString> fields;
    for (const QByteArray &pair : body.split('&'))
    {
        if (pair.isEmpty())
        {
            continue;
        }
        const qsizetype equals = pair.indexOf('=');
        QByteArray key = equals < 0 ? pair : pair.left(equals);
        QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        fields.insert(QUrl::fromPercentEncoding(key), QUrl::fromPercentEncoding(value));
    }
    return fields;
}

qint64 nowMicroseconds()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}
} // namespace

QByteArray FakeTachyonServer::HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
    {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
        {
            return value;
        }
    }
    return {};
}

FakeTachyonServer::FakeTachyonServer(QObject *parent)
    : QObject(parent)
    , m_webSocketServer(new QWebSocketServer(u"FakeTachyonServer"_s, QWebSocketServer::NonSecureMode, this))
{
    m_webSocketServer->setSupportedSubprotocols({Subprotocol});
    connect(m_webSocketServer, &QWebSocketServer::newConnection, this,
            &FakeTachyonServer::onWebSocketConnection);
}

FakeTachyonServer::~FakeTachyonServer()
{
    for (auto &[id, connection] : m_connections)
    {
        if (connection.socket)
        {
            connection.socket->disconnect(this);
            connection.socket->abort();
        }
    }
}

Config FakeTachyonServer::autohostConfig() const
{
    Config config;
    config.tachyonServer = QStringLiteral("127.0.0.1");
    config.tachyonServerPort = port();
    config.useSecureConnection = false;
    config.authClientId = m_clientId;
    config.authClientSecret = m_clientSecret;
    config.hostingIP = QStringLiteral("127.0.0.1");
    return config;
}

void FakeTachyonServer::setCredentials(const QString &clientId, const QString &clientSecret)
{
    m_clientId = clientId;
    m_clientSecret = clientSecret;
}

void FakeTachyonServer::setTokenType(const QString &tokenType)
{
    m_tokenType = tokenType;
}

void FakeTachyonServer::setDiscoveryOverride(int status, const QByteArray &body)
{
    m_discoveryStatus = status;
    m_discoveryBody = body;
}

void FakeTachyonServer::setTokenOverride(int status, const QByteArray &body)
{
    m_tokenStatus = status;
    m_tokenBody = body;
}

void FakeTachyonServer::setResponseDelay(int milliseconds)
{
    m_responseDelay = milliseconds;
}

void FakeTachyonServer::setUpgradeRefusal(int status)
{
    m_upgradeRefusal = status;
}

void FakeTachyonServer::setNegotiateSubprotocol(bool negotiate)
{
    m_negotiateSubprotocol = negotiate;
}

void FakeTachyonServer::setDropHttpRequests(bool drop)
{
    m_dropHttpRequests = drop;
}

void FakeTachyonServer::setTeiserverBehaviour(bool enabled)
{
    m_teiserverBehaviour = enabled;
}

void FakeTachyonServer::setServerStatsUserCount(std::optional<int> userCount)
{
    m_userCount = userCount;
}

void FakeTachyonServer::setSubscribeSince(std::optional<qint64> since)
{
    m_subscribeSince = since;
}

void FakeTachyonServer::setFrameFilter(FrameFilter filter)
{
    m_frameFilter = std::move(filter);
}

void FakeTachyonServer::setRequestEndpointEnabled(bool enabled)
{
    m_requestEndpointEnabled = enabled;
}

void FakeTachyonServer::setSslConfiguration(const QSslConfiguration &configuration)
{
    m_sslConfiguration = configuration;
}

QSslConfiguration FakeTachyonServer::sslConfigurationFromFiles(const QString &certificatePath,
                                                               const QString &keyPath)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    QFile certificateFile(certificatePath);
    QFile keyFile(keyPath);
    if (certificateFile.open(QIODevice::ReadOnly))
    {
        configuration.setLocalCertificate(QSslCertificate(&certificateFile, QSsl::Pem));
    }
    if (keyFile.open(QIODevice::ReadOnly))
    {
        configuration.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem));
    }
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

bool FakeTachyonServer::listen(const QHostAddress &address, quint16 port)
{
    stopListening();
    // One server object for the whole lifetime: upgraded sockets may still be its children.
    if (!m_tcpServer)
    {
        if (m_sslConfiguration)
        {
            auto *server = new QSslServer(this);
            server->setSslConfiguration(*m_sslConfiguration);
            m_tcpServer = server;
        }
        else
        {
            m_tcpServer = new QTcpServer(this);
        }
        // pendingConnectionAvailable covers QSslServer, which queues a socket only after its TLS handshake.
        connect(m_tcpServer, &QTcpServer::pendingConnectionAvailable, this,
                &FakeTachyonServer::onPendingTcpConnections);
    }
    if (!m_tcpServer->listen(address, port))
    {
        return false;
    }
    m_address = address;
    m_port = m_tcpServer->serverPort();
    return true;
}

void FakeTachyonServer::stopListening()
{
    if (m_tcpServer)
    {
        m_tcpServer->close();
    }
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_httpSockets))
    {
        if (socket)
        {
            socket->abort();
        }
    }
    m_httpSockets.clear();
    for (const int id : openConnections())
    {
        abortConnection(id);
    }
}

bool FakeTachyonServer::restart()
{
    return listen(m_address, m_port);
}

bool FakeTachyonServer::isListening() const
{
    return m_tcpServer && m_tcpServer->isListening();
}

quint16 FakeTachyonServer::port() const
{
    return m_port;
}

QUrl FakeTachyonServer::baseUrl() const
{
    QUrl url;
    url.setScheme(m_sslConfiguration ? u"https"_s : u"http"_s);
    url.setHost(m_address.toString());
    url.setPort(m_port);
    return url;
}

int FakeTachyonServer::connectionCount() const
{
    return int(openConnections().size());
}

QList<int> FakeTachyonServer::openConnections() const
{
    QList<int> ids;
    for (const auto &[id, connection] : m_connections)
    {
        if (connection.open)
        {
            ids.append(id);
        }
    }
    return ids;
}

bool FakeTachyonServer::isOpen(int connection) const
{
    const Connection *record = findConnection(connection);
    return record && record->open;
}

int FakeTachyonServer::waitForReadyAutohost(int timeoutMilliseconds)
{
    const int connection = waitForConnection(timeoutMilliseconds);
    if (connection < 0)
    {
        return -1;
    }
    const bool answered = waitUntil(
        [this, connection]
        {
            const Connection *record = findConnection(connection);
            return std::any_of(record->messages.cbegin(), record->messages.cend(),
                               [](const Json &m) {
                                   return m.value("commandId", "") == "autohost/subscribeUpdates" &&
                                          m.value("type", "") == "response";
                               });
        },
        timeoutMilliseconds);
    return answered ? connection : -1;
}

int FakeTachyonServer::waitForConnection(int timeoutMilliseconds)
{
    if (!waitUntil([this] { return m_nextConnectionId > m_returnedConnections; }, timeoutMilliseconds))
    {
        return -1;
    }
    return m_returnedConnections++;
}

bool FakeTachyonServer::waitForDisconnected(int connection, int timeoutMilliseconds)
{
    return waitUntil([this, connection] { return !isOpen(connection); }, timeoutMilliseconds);
}

int FakeTachyonServer::connectionAtSlot(int slot) const
{
    for (const auto &[id, connection] : m_connections)
    {
        if (connection.open && connection.slot == slot)
        {
            return id;
        }
    }
    return -1;
}

int FakeTachyonServer::slotOf(int connection) const
{
    const Connection *record = findConnection(connection);
    return record ? record->slot : -1;
}

QList<Json> FakeTachyonServer::received(int connection) const
{
    const Connection *record = findConnection(connection);
    return record ? record->messages : QList<Json>();
}

QStringList FakeTachyonServer::receivedText(int connection) const
{
    const Connection *record = findConnection(connection);
    return record ? record->texts : QStringList();
}

QList<QByteArray> FakeTachyonServer::receivedBinary(int connection) const
{
    const Connection *record = findConnection(connection);
    return record ? record->binaries : QList<QByteArray>();
}

std::optional<FakeTachyonServer::ReceivedClose> FakeTachyonServer::receivedClose(int connection) const
{
    const Connection *record = findConnection(connection);
    return record ? record->close : std::nullopt;
}

QList<Json> FakeTachyonServer::allReceived() const
{
    QList<Json> messages;
    for (const auto &[id, connection] : m_connections)
    {
        messages.append(connection.messages);
    }
    return messages;
}

QByteArray FakeTachyonServer::upgradeAuthorization(int connection) const
{
    const Connection *record = findConnection(connection);
    return record ? record->authorization : QByteArray();
}

QString FakeTachyonServer::sendRequest(int connection, const QString &commandId,
                                       const std::optional<Json> &data)
{
    const QString messageId = TachyonMessage::newMessageId();
    return sendJson(connection, TachyonMessage::makeRequest(commandId, messageId, data)) ? messageId
                                                                                         : QString();
}

bool FakeTachyonServer::sendJson(int connection, const Json &message)
{
    return sendText(connection, QString::fromUtf8(dumpJsonBytes(message)));
}

bool FakeTachyonServer::sendText(int connection, const QString &text)
{
    Connection *record = openConnection(connection);
    if (!record || record->frozen)
    {
        return false;
    }
    record->socket->sendTextMessage(text);
    return true;
}

bool FakeTachyonServer::sendBinary(int connection, const QByteArray &data)
{
    Connection *record = openConnection(connection);
    if (!record || record->frozen)
    {
        return false;
    }
    record->socket->sendBinaryMessage(data);
    return true;
}

Json FakeTachyonServer::waitForResponse(const QString &messageId, int timeoutMilliseconds)
{
    // Looked up, not searched for: a test may wait for many responses among thousands of updates.
    waitUntil([&] { return m_responses.contains(messageId); }, timeoutMilliseconds);
    return m_responses.value(messageId);
}

Json FakeTachyonServer::waitForMessage(const std::function<bool(const Json &)> &predicate,
                                       int timeoutMilliseconds)
{
    Json found;
    waitUntil(
        [&]
        {
            for (const auto &[id, connection] : m_connections)
            {
                for (const Json &message : connection.messages)
                {
                    if (predicate(message))
                    {
                        found = message;
                        return true;
                    }
                }
            }
            return false;
        },
        timeoutMilliseconds);
    return found;
}

void FakeTachyonServer::closeConnection(int connection, QWebSocketProtocol::CloseCode code,
                                        const QString &reason)
{
    if (Connection *record = openConnection(connection))
    {
        record->closeInitiatedByServer = true;
        record->socket->close(code, reason);
    }
}

void FakeTachyonServer::abortConnection(int connection)
{
    if (Connection *record = openConnection(connection))
    {
        record->closeInitiatedByServer = true;
        record->socket->abort();
    }
}

void FakeTachyonServer::freezeConnection(int connection)
{
    Connection *record = openConnection(connection);
    if (!record || !record->tcpSocket)
    {
        return;
    }
    record->frozen = true;
    // The WebSocket reads its frames (pongs included) on the TCP socket's readyRead; without it nothing is
    // read.
    QObject::disconnect(record->tcpSocket, &QIODevice::readyRead, nullptr, nullptr);
}

void FakeTachyonServer::onPendingTcpConnections()
{
    while (m_tcpServer->hasPendingConnections())
    {
        QTcpSocket *socket = m_tcpServer->nextPendingConnection();
        m_httpSockets.removeAll(nullptr);
        m_httpSockets.append(socket);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onHttpData(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [socket] { socket->deleteLater(); });
        if (socket->bytesAvailable() > 0)
        {
            onHttpData(socket);
        }
    }
}

void FakeTachyonServer::onHttpData(QTcpSocket *socket)
{
    if (socket->property(HandledProperty).toBool())
    {
        return;
    }
    // Peek: an upgrade request must stay in the socket for QWebSocketServer to read.
    const QByteArray data = socket->peek(std::min<qint64>(socket->bytesAvailable(), MaxRequestHeadSize + 4));
    const qsizetype headEnd = data.indexOf("\r\n\r\n");
    if (headEnd < 0)
    {
        if (data.size() > MaxRequestHeadSize)
        {
            socket->setProperty(HandledProperty, true);
            respond(socket, 431, "{}");
        }
        return;
    }
    HttpRequest request;
    const QList<QByteArray> lines = data.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3)
    {
        socket->setProperty(HandledProperty, true);
        respond(socket, 400, "{}");
        return;
    }
    request.method = requestLine[0];
    request.target = requestLine[1];
    for (qsizetype i = 1; i < lines.size(); ++i)
    {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
        {
            request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
    }
    const bool upgrade = request.header("Upgrade").compare("websocket", Qt::CaseInsensitive) == 0;
    if (!upgrade)
    {
        bool ok = true;
        const QByteArray lengthHeader = request.header("Content-Length");
        const qint64 length = lengthHeader.isNull() ? 0 : lengthHeader.toLongLong(&ok);
        if (!ok || length < 0 || length > MaxRequestBodySize)
        {
            socket->setProperty(HandledProperty, true);
            respond(socket, 400, "{}");
            return;
        }
        if (socket->bytesAvailable() < headEnd + 4 + length)
        {
            return;
        }
        socket->read(headEnd + 4);
        request.body = socket->read(length);
    }
    socket->setProperty(HandledProperty, true);
    if (m_dropHttpRequests)
    {
        socket->abort();
        return;
    }
    handleHttpRequest(socket, request);
}

void FakeTachyonServer::handleHttpRequest(QTcpSocket *socket, const HttpRequest &request)
{
    const QByteArray path = request.target.split('?').value(0);
    if (request.method == "GET" && path == "/.well-known/oauth-authorization-server")
    {
        later(socket, [this, socket] { handleDiscovery(socket); });
    }
    else if (request.method == "POST" && path == "/token")
    {
        handleToken(socket, request);
    }
    else if (request.method == "GET" && path == "/tachyon" && !request.header("Upgrade").isNull())
    {
        later(socket, [this, socket, request] { handleUpgrade(socket, request); });
    }
    else if (m_requestEndpointEnabled && request.method == "POST" && path.startsWith("/request/"))
    {
        handleRequestEndpoint(socket, request);
    }
    else
    {
        respond(socket, 404, R"({"error":"not found"})");
    }
}

void FakeTachyonServer::handleDiscovery(QTcpSocket *socket)
{
    if (m_discoveryStatus != 0)
    {
        respond(socket, m_discoveryStatus, m_discoveryBody);
        return;
    }
    const std::string base = toStdString(baseUrl().toString());
    respond(socket, 200,
            dumpJsonBytes(Json{{"issuer", base},
                               {"token_endpoint", base + "/token"},
                               {"response_types_supported", Json::array({"token"})}}));
}

void FakeTachyonServer::handleToken(QTcpSocket *socket, const HttpRequest &request)
{
    ++m_tokenRequestCount;
    m_lastTokenRequest = request;
    int status = 200;
    QByteArray body;
    QByteArray extraHeaders;
    const QByteArray authorization = request.header("Authorization");
    const QByteArray encoded =
        authorization.startsWith("Basic ") ? authorization.mid(6).trimmed() : QByteArray();
    const QByteArray pair = QByteArray::fromBase64(encoded);
    const qsizetype colon = pair.indexOf(':');
    // Standard URI decoding, as the servers do: '+' stays a plus.
    const QString id = colon < 0 ? QString() : QUrl::fromPercentEncoding(pair.left(colon));
    const QString secret = colon < 0 ? QString() : QUrl::fromPercentEncoding(pair.mid(colon + 1));
    const QHash<QString, QString> form = parseForm(request.body);
    if (m_tokenStatus != 0)
    {
        status = m_tokenStatus;
        body = m_tokenBody;
    }
    else if (colon < 0 || id != m_clientId || secret != m_clientSecret)
    {
        status = 401;
        body = oauthError("invalid_client", "Invalid client credentials");
        extraHeaders = "WWW-Authenticate: Basic realm=\"tachyon\"\r\n";
    }
    else if (!request.header("Content-Type").startsWith("application/x-www-form-urlencoded"))
    {
        status = 400;
        body = oauthError("invalid_request", "Content-Type must be application/x-www-form-urlencoded");
    }
    else if (form.value(u"grant_type"_s) != u"client_credentials"_s)
    {
        status = 400;
        body = oauthError("unsupported_grant_type", "Only client_credentials is supported");
    }
    else if (form.value(u"scope"_s) != u"tachyon.lobby"_s)
    {
        status = 400;
        body = oauthError("invalid_scope", "The scope must be tachyon.lobby");
    }
    else
    {
        const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_issuedTokens.append(token);
        m_unusedTokens.insert(token, QDateTime::currentDateTimeUtc());
        body = dumpJsonBytes(Json{{"access_token", toStdString(token)},
                                  {"token_type", toStdString(m_tokenType)},
                                  {"expires_in", TokenLifetimeSeconds}});
        emit tokenIssued(token);
    }
    emit activity(QPrivateSignal());
    later(socket, [this, socket, status, body, extraHeaders]
          { respond(socket, status, body, "application/json", extraHeaders); });
}

void FakeTachyonServer::handleUpgrade(QTcpSocket *socket, const HttpRequest &request)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
    {
        return;
    }
    if (m_upgradeRefusal != 0)
    {
        respond(socket, m_upgradeRefusal, R"({"error":"refused"})");
        return;
    }
    const QByteArray authorization = request.header("Authorization");
    const QString token =
        authorization.startsWith("Bearer ") ? QString::fromUtf8(authorization.mid(7).trimmed()) : QString();
    const auto issued = m_unusedTokens.constFind(token);
    if (token.isEmpty() || issued == m_unusedTokens.constEnd() ||
        issued->secsTo(QDateTime::currentDateTimeUtc()) >= TokenLifetimeSeconds)
    {
        respond(
            socket, 401,
            oauthError("unauthorized_client", token.isEmpty() ? "No bearer token" : "Invalid or used token"),
            "application/json",
            token.isEmpty() ? "WWW-Authenticate: Bearer realm=\"tachyon\", scope=\"tachyon.lobby\"\r\n"
                            : "WWW-Authenticate: Bearer realm=\"tachyon\", scope=\"tachyon.lobby\", "
                              "error=\"invalid_token\"\r\n");
        return;
    }
    const QByteArray protocolHeader = request.header("Sec-WebSocket-Protocol");
    if (protocolHeader.isNull())
    {
        respond(socket, 400, "must provide header sec-websocket-protocol", "text/plain");
        return;
    }
    bool offered = false;
    for (const QByteArray &protocol : protocolHeader.split(','))
    {
        offered = offered || protocol.trimmed() == Subprotocol.toUtf8();
    }
    if (!offered)
    {
        respond(socket, 400, "unsupported sec-websocket-protocol", "text/plain");
        return;
    }
    m_unusedTokens.remove(token);
    // The socket now belongs to the WebSocket server; none of the HTTP handling may touch it any more.
    socket->disconnect(this);
    m_httpSockets.removeAll(socket);
    m_pendingUpgrades.insert(socket->peerPort(), PendingUpgrade{socket, authorization});
    m_webSocketServer->setSupportedSubprotocols(m_negotiateSubprotocol ? QStringList{Subprotocol}
                                                                       : QStringList());
    m_webSocketServer->handleConnection(socket);
}

void FakeTachyonServer::handleRequestEndpoint(QTcpSocket *socket, const HttpRequest &request)
{
    const QByteArray path = request.target.split('?').value(0);
    const QByteArray rest = path.mid(int(qstrlen("/request/")));
    const qsizetype slash = rest.indexOf('/');
    bool ok = false;
    const int slot = slash < 0 ? -1 : rest.left(slash).toInt(&ok);
    const QString command = slash < 0 ? QString() : QUrl::fromPercentEncoding(rest.mid(slash + 1));
    if (!ok || command.isEmpty())
    {
        respond(socket, 404, "expected /request/<connection>/<command>", "text/plain");
        return;
    }
    const int connection = connectionAtSlot(slot);
    if (connection < 0)
    {
        respond(socket, 404, "no such connection", "text/plain");
        return;
    }
    const Json data = request.body.trimmed().isEmpty()
                          ? Json::object()
                          : Json::parse(request.body.begin(), request.body.end(), nullptr, false);
    if (!data.is_object())
    {
        respond(socket, 400, "the body must be a JSON object", "text/plain");
        return;
    }
    const QString commandId = command.contains(u'/') ? command : u"autohost/"_s + command;
    const QString messageId = sendRequest(connection, commandId, data);
    respond(socket, 200, "send request " + messageId.toUtf8(), "text/plain");
}

void FakeTachyonServer::respond(QTcpSocket *socket, int status, const QByteArray &body,
                                const QByteArray &contentType, const QByteArray &extraHeaders)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
    {
        return;
    }
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + httpReasonPhrase(status) + "\r\n";
    response += "Content-Type: " + contentType + "\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    response += "Connection: close\r\n";
    response += extraHeaders;
    response += "\r\n";
    response += body;
    socket->write(response);
    socket->disconnectFromHost();
}

void FakeTachyonServer::later(QTcpSocket *socket, std::function<void()> action)
{
    if (m_responseDelay <= 0)
    {
        action();
        return;
    }
    QTimer::singleShot(m_responseDelay, socket, std::move(action));
}

void FakeTachyonServer::onWebSocketConnection()
{
    while (m_webSocketServer->hasPendingConnections())
    {
        QWebSocket *socket = m_webSocketServer->nextPendingConnection();
        socket->setParent(this);
        const PendingUpgrade upgrade = m_pendingUpgrades.take(socket->peerPort());
        Connection connection;
        connection.id = m_nextConnectionId++;
        connection.socket = socket;
        connection.tcpSocket = upgrade.tcpSocket;
        connection.authorization = upgrade.authorization;
        for (int slot = 0;; ++slot)
        {
            if (connectionAtSlot(slot) < 0)
            {
                connection.slot = slot;
                break;
            }
        }
        const int id = connection.id;
        m_connections.emplace(id, std::move(connection));
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, id](const QString &text) { onWebSocketText(id, text); });
        connect(socket, &QWebSocket::binaryMessageReceived, this,
                [this, id](const QByteArray &data) { onWebSocketBinary(id, data); });
        connect(socket, &QWebSocket::disconnected, this, [this, id] { onWebSocketDisconnected(id); });
        // A close frame from the client starts the closing handshake; a dropped TCP connection does not.
        connect(socket, &QWebSocket::aboutToClose, this,
                [this, id]
                {
                    const auto it = m_connections.find(id);
                    if (it != m_connections.end() && !it->second.closeInitiatedByServer)
                    {
                        it->second.closeFrameReceived = true;
                    }
                });
        if (m_teiserverBehaviour)
        {
            sendRequest(id, u"autohost/subscribeUpdates"_s,
                        Json{{"since", m_subscribeSince.value_or(nowMicroseconds())}});
        }
        emit connected(id);
        emit activity(QPrivateSignal());
    }
}

void FakeTachyonServer::onWebSocketText(int connection, const QString &text)
{
    if (m_frameFilter && m_frameFilter(connection, text))
    {
        return;
    }
    Connection *record = openConnection(connection);
    if (!record)
    {
        return;
    }
    record->texts.append(text);
    const QByteArray frame = text.toUtf8();
    const Json json = Json::parse(frame.begin(), frame.end(), nullptr, false);
    if (!json.is_discarded())
    {
        record->messages.append(json);
        if (json.is_object() && json.value("type", Json()) == "response" && json.contains("messageId") &&
            json["messageId"].is_string())
        {
            const QString messageId = toQString(json["messageId"].get<std::string>());
            if (!m_responses.contains(messageId))
            {
                m_responses.insert(messageId, json);
            }
        }
    }
    emit messageReceived(connection, text);
    emit activity(QPrivateSignal());
    if (!m_teiserverBehaviour)
    {
        return;
    }
    const auto message = TachyonMessage::parse(frame);
    if (!message)
    {
        closeConnection(connection, QWebSocketProtocol::CloseCodePolicyViolated, u"Invalid json sent"_s);
        return;
    }
    if (message->type != TachyonMessage::Type::Request)
    {
        return;
    }
    if (message->commandId == u"system/disconnect"_s)
    {
        closeConnection(connection);
    }
    else if (message->commandId == u"system/serverStats"_s && m_userCount)
    {
        sendJson(connection, TachyonMessage::makeSuccess(*message, Json{{"userCount", *m_userCount}}));
    }
    else
    {
        sendJson(connection,
                 TachyonMessage::makeFailure(*message, FailureReason::CommandUnimplemented,
                                             message->commandId + u" is not implemented for autohosts"_s));
    }
}

void FakeTachyonServer::onWebSocketBinary(int connection, const QByteArray &data)
{
    Connection *record = openConnection(connection);
    if (!record)
    {
        return;
    }
    record->binaries.append(data);
    emit activity(QPrivateSignal());
    if (m_teiserverBehaviour)
    {
        closeConnection(connection, QWebSocketProtocol::CloseCodeDatatypeNotSupported,
                        u"Binary frames are not supported"_s);
    }
}

void FakeTachyonServer::onWebSocketDisconnected(int connection)
{
    const auto it = m_connections.find(connection);
    if (it == m_connections.end() || !it->second.open)
    {
        return;
    }
    Connection &record = it->second;
    record.open = false;
    if (record.socket)
    {
        if (record.closeFrameReceived)
        {
            record.close = ReceivedClose{int(record.socket->closeCode()), record.socket->closeReason()};
        }
        record.socket->deleteLater();
    }
    emit disconnected(connection);
    emit activity(QPrivateSignal());
}

FakeTachyonServer::Connection *FakeTachyonServer::openConnection(int connection)
{
    const auto it = m_connections.find(connection);
    if (it == m_connections.end() || !it->second.open || !it->second.socket)
    {
        return nullptr;
    }
    return &it->second;
}

const FakeTachyonServer::Connection *FakeTachyonServer::findConnection(int connection) const
{
    const auto it = m_connections.find(connection);
    return it == m_connections.end() ? nullptr : &it->second;
}

bool FakeTachyonServer::waitUntil(const std::function<bool()> &condition, int timeoutMilliseconds)
{
    const QDeadlineTimer deadline(timeoutMilliseconds);
    while (!condition())
    {
        if (deadline.hasExpired())
        {
            return false;
        }
        QEventLoop loop;
        connect(this, &FakeTachyonServer::activity, &loop, &QEventLoop::quit);
        QTimer::singleShot(std::max<qint64>(1, deadline.remainingTime()), &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}
