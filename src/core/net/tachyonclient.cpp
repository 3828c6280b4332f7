#include "net/tachyonclient.h"

#include <algorithm>

#include "logging.h"
#include "net/oauthclient.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
const QString Subprotocol = u"v0.tachyon"_s;
constexpr int StopTimeoutMilliseconds = 1000;
// A lobby message is a few kilobytes; anything near this limit is a broken or hostile server.
constexpr quint64 MaxIncomingMessageSize = 16 * 1024 * 1024;
} // namespace

QUrl TachyonEndpoint::baseUrl() const
{
    QUrl url;
    url.setScheme(secure ? u"https"_s : u"http"_s);
    url.setHost(host);
    if (port)
    {
        url.setPort(*port);
    }
    return url;
}

QUrl TachyonEndpoint::webSocketUrl() const
{
    QUrl url = baseUrl();
    url.setScheme(secure ? u"wss"_s : u"ws"_s);
    url.setPath(u"/tachyon"_s);
    return url;
}

TachyonClient::TachyonClient(TachyonEndpoint endpoint, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_network(network)
    , m_oauth(new OAuthClient(network, this))
{
    m_retryTimer.setSingleShot(true);
    m_handshakeTimer.setSingleShot(true);
    m_watchdogTimer.setSingleShot(true);
    m_stopTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &TachyonClient::attempt);
    connect(&m_handshakeTimer, &QTimer::timeout, this,
            [this]
            {
                abortSocket();
                scheduleRetry(
                    u"No answer to the WebSocket handshake within %1 s"_s.arg(m_requestTimeout / 1000.0));
            });
    connect(&m_keepAliveTimer, &QTimer::timeout, this,
            [this]
            {
                if (m_socket)
                {
                    m_socket->ping();
                }
            });
    connect(&m_watchdogTimer, &QTimer::timeout, this,
            [this]
            {
                dropConnection(WebSocketFrame::GoingAway, u"Keep-alive timeout"_s,
                               u"Nothing received from the server for %1 ms"_s.arg(m_keepAliveTimeout));
            });
    connect(&m_stopTimer, &QTimer::timeout, this, &TachyonClient::finishStop);
    connect(m_oauth, &OAuthClient::tokenReceived, this, &TachyonClient::openSocket);
    connect(m_oauth, &OAuthClient::failed, this,
            [this](const QString &error)
            {
                if (m_state == State::Authenticating)
                {
                    scheduleRetry(error);
                }
            });
}

TachyonClient::~TachyonClient()
{
    // Pending handlers are dropped uncalled: their owners may already be half destroyed.
    for (const PendingRequest &request : std::as_const(m_pending))
    {
        delete request.timer;
    }
    m_pending.clear();
    if (m_socket)
    {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    m_oauth->disconnect(this);
}

void TachyonClient::setMaxReconnectDelay(int milliseconds)
{
    m_maxReconnectDelay = std::max(1, milliseconds);
    m_reconnectDelay = std::min(m_reconnectDelay, m_maxReconnectDelay);
}

void TachyonClient::setKeepAlive(int intervalMilliseconds, int timeoutMilliseconds)
{
    m_keepAliveInterval = std::max(1, intervalMilliseconds);
    m_keepAliveTimeout = std::max(1, timeoutMilliseconds);
    if (m_state == State::Connected)
    {
        m_keepAliveTimer.start(m_keepAliveInterval);
        m_watchdogTimer.start(m_keepAliveTimeout);
    }
}

void TachyonClient::setGoodSessionThreshold(int milliseconds)
{
    m_goodSessionThreshold = std::max(0, milliseconds);
}

void TachyonClient::setRequestTimeout(int milliseconds)
{
    m_requestTimeout = std::max(1, milliseconds);
    m_oauth->setTimeout(m_requestTimeout);
}

void TachyonClient::start()
{
    if (m_state != State::Idle && m_state != State::Stopped)
    {
        return;
    }
    m_reconnectDelay = std::min(m_initialReconnectDelay, m_maxReconnectDelay);
    m_doubleNextDelay = false;
    attempt();
}

void TachyonClient::stop(const QString &reason)
{
    if (m_state == State::Stopping || m_state == State::Stopped)
    {
        return;
    }
    qCInfo(lcTachyon) << "Stopping the Tachyon connection:" << reason;
    m_retryTimer.stop();
    m_handshakeTimer.stop();
    m_keepAliveTimer.stop();
    m_watchdogTimer.stop();
    m_oauth->abort();
    const bool wasConnected = m_state == State::Connected && m_socket;
    if (wasConnected)
    {
        // Teiserver closes the connection on system/disconnect without answering, so nothing waits for a
        // response.
        send(TachyonMessage::makeRequest(u"system/disconnect"_s, TachyonMessage::newMessageId(),
                                         Json{{"reason", toStdString(reason)}}));
    }
    setState(State::Stopping);
    failPending(u"The connection is stopping"_s);
    if (wasConnected)
    {
        m_stopTimer.start(StopTimeoutMilliseconds);
        closeSocket(WebSocketFrame::NormalClosure, reason, true);
    }
    else
    {
        abortSocket();
        // Queued, so that stopped() always arrives after stop() returned.
        m_stopTimer.start(0);
    }
}

bool TachyonClient::send(const Json &message)
{
    return sendJson(dumpJson(message));
}

bool TachyonClient::sendJson(std::string_view message)
{
    if (m_state != State::Connected || !m_socket)
    {
        return false;
    }
    qCDebug(lcTachyon).noquote() << "Sending" << QString::fromUtf8(message.data(), qsizetype(message.size()));
    return m_socket->sendText(message);
}

qint64 TachyonClient::bytesToWrite() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void TachyonClient::flush()
{
    if (m_socket)
    {
        m_socket->flush();
    }
}

void TachyonClient::sendRequest(const QString &commandId, const std::optional<Json> &data,
                                ResponseHandler handler, int timeoutMilliseconds)
{
    const QString messageId = TachyonMessage::newMessageId();
    if (!send(TachyonMessage::makeRequest(commandId, messageId, data)))
    {
        QTimer::singleShot(
            0, this,
            [handler = std::move(handler), commandId]
            { handler(fail(u"Cannot send %1: not connected to the Tachyon server"_s.arg(commandId))); });
        return;
    }
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this,
            [this, messageId, commandId, timeoutMilliseconds]
            {
                finishRequest(messageId, fail(u"No response to %1 within %2 ms"_s.arg(commandId).arg(
                                             timeoutMilliseconds)));
            });
    m_pending.insert(messageId, PendingRequest{commandId, std::move(handler), timer});
    timer->start(timeoutMilliseconds);
}

void TachyonClient::setState(State state)
{
    if (m_state == state)
    {
        return;
    }
    m_state = state;
    emit stateChanged(state);
}

void TachyonClient::attempt()
{
    if (m_state == State::Stopping)
    {
        return;
    }
    setState(State::Authenticating);
    qCDebug(lcTachyon) << "Connecting to" << m_endpoint.baseUrl().toString();
    m_oauth->fetchToken(m_endpoint.baseUrl(), m_endpoint.clientId, m_endpoint.clientSecret);
}

void TachyonClient::scheduleRetry(const QString &error)
{
    m_lastError = error;
    if (m_state == State::Stopping || m_state == State::Stopped)
    {
        return;
    }
    if (m_doubleNextDelay)
    {
        m_reconnectDelay = std::min(m_reconnectDelay * 2, m_maxReconnectDelay);
    }
    m_doubleNextDelay = true;
    qCWarning(lcTachyon).noquote() << u"%1; retrying in %2 ms"_s.arg(error).arg(m_reconnectDelay);
    m_nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(m_reconnectDelay);
    m_retryTimer.start(m_reconnectDelay);
    setState(State::WaitingToRetry);
}

void TachyonClient::openSocket(const QString &accessToken)
{
    if (m_state != State::Authenticating)
    {
        return;
    }
    abortSocket();
    setState(State::Connecting);
    m_socket = new WebSocketClient(this);
    m_socket->setMaxIncomingMessageSize(MaxIncomingMessageSize);
    connect(m_socket, &WebSocketClient::connected, this, &TachyonClient::onSocketConnected);
    connect(m_socket, &WebSocketClient::closedByServer, this,
            [this](quint16 code, const QString &reason)
            {
                onSocketFailed(
                    reason.isEmpty()
                        ? u"Connection closed by the server (code %1)"_s.arg(code)
                        : u"Connection closed by the server (code %1: %2)"_s.arg(code).arg(reason));
            });
    connect(m_socket, &WebSocketClient::failed, this,
            [this](const QString &error)
            {
                onSocketFailed(m_state == State::Connecting ? u"WebSocket connection failed: "_s + error
                                                            : u"Connection lost: "_s + error);
            });
    connect(m_socket, &WebSocketClient::textReceived, this, &TachyonClient::onTextMessage);
    connect(m_socket, &WebSocketClient::binaryReceived, this,
            [this]
            {
                dropConnection(WebSocketFrame::UnsupportedData, u"Binary messages are not supported"_s,
                               u"The server sent a binary frame"_s);
            });
    connect(m_socket, &WebSocketClient::pongReceived, this, &TachyonClient::onTraffic);

    m_handshakeTimer.start(m_requestTimeout);
    m_socket->open(m_endpoint.webSocketUrl(), Subprotocol,
                   {{"Authorization", "Bearer " + accessToken.toUtf8()}});
}

void TachyonClient::onSocketConnected()
{
    m_handshakeTimer.stop();
    if (m_socket->subprotocol() != Subprotocol)
    {
        const QString offered = m_socket->subprotocol();
        closeSocket(WebSocketFrame::ProtocolError, u"Subprotocol v0.tachyon required"_s);
        scheduleRetry(offered.isEmpty()
                          ? u"The server did not accept the subprotocol v0.tachyon"_s
                          : u"The server chose the subprotocol \"%1\" instead of v0.tachyon"_s.arg(offered));
        return;
    }
    ++m_generation;
    m_connectedAt = QDateTime::currentDateTimeUtc();
    m_lastError.clear();
    m_keepAliveTimer.start(m_keepAliveInterval);
    m_watchdogTimer.start(m_keepAliveTimeout);
    qCInfo(lcTachyon) << "Connected to" << m_endpoint.webSocketUrl().toString();
    setState(State::Connected);
    emit connected();
}

void TachyonClient::onSocketFailed(const QString &error)
{
    if (m_state == State::Stopping)
    {
        finishStop();
        return;
    }
    m_handshakeTimer.stop();
    abortSocket();
    if (m_state == State::Connected)
    {
        connectionLost(error);
    }
    else
    {
        scheduleRetry(error);
    }
}

void TachyonClient::onTextMessage(const QByteArray &frame)
{
    if (m_state != State::Connected)
    {
        return;
    }
    onTraffic();
    auto parsed = TachyonMessage::parse(frame);
    if (!parsed)
    {
        qCWarning(lcTachyon).noquote() << u"Unparsable message from the server (%1): %2"_s.arg(
            parsed.error(), QString::fromUtf8(frame.left(500)));
        dropConnection(WebSocketFrame::PolicyViolation, u"Failed to parse base tachyon message"_s,
                       u"The server sent an invalid message: "_s + parsed.error());
        return;
    }
    qCDebug(lcTachyon).noquote() << "Received" << QString::fromUtf8(frame);
    TachyonMessage message = std::move(parsed).value();
    switch (message.type)
    {
    case TachyonMessage::Type::Request:
        emit requestReceived(message);
        break;
    case TachyonMessage::Type::Event:
        emit eventReceived(message);
        break;
    case TachyonMessage::Type::Response:
        if (m_pending.contains(message.messageId))
        {
            finishRequest(message.messageId, message);
        }
        else if (!message.success)
        {
            // Teiserver answers a message it considers invalid with a failed response carrying our messageId.
            qCWarning(lcTachyon).noquote() << u"The server rejected message %1 (%2): %3: %4"_s.arg(
                message.messageId, message.commandId, message.reason, message.details);
        }
        else
        {
            qCWarning(lcTachyon).noquote() << u"Ignoring a response to unknown message %1 (%2)"_s.arg(
                message.messageId, message.commandId);
        }
        break;
    }
}

void TachyonClient::onTraffic()
{
    if (m_state == State::Connected)
    {
        m_watchdogTimer.start(m_keepAliveTimeout);
    }
}

void TachyonClient::dropConnection(quint16 closeCode, const QString &closeReason, const QString &error)
{
    if (m_state != State::Connected)
    {
        return;
    }
    closeSocket(closeCode, closeReason);
    connectionLost(error);
}

void TachyonClient::connectionLost(const QString &error)
{
    m_keepAliveTimer.stop();
    m_watchdogTimer.stop();
    if (m_connectedAt.msecsTo(QDateTime::currentDateTimeUtc()) >= m_goodSessionThreshold)
    {
        m_reconnectDelay = std::min(m_initialReconnectDelay, m_maxReconnectDelay);
        m_doubleNextDelay = false;
    }
    scheduleRetry(error);
    emit disconnected(error);
    failPending(u"Connection lost: "_s + error);
}

void TachyonClient::closeSocket(quint16 closeCode, const QString &reason, bool finishesStop)
{
    if (!m_socket)
    {
        return;
    }
    WebSocketClient *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    if (socket->state() != WebSocketClient::State::Open)
    {
        socket->abort();
        socket->deleteLater();
        return;
    }
    connect(socket, &WebSocketClient::disconnected, socket, &QObject::deleteLater);
    if (finishesStop)
    {
        // Queued, so that stopped() always comes after stop() returned.
        connect(socket, &WebSocketClient::disconnected, this, &TachyonClient::finishStop,
                Qt::QueuedConnection);
    }
    socket->close(closeCode, reason);
    // A server that does not complete the closing handshake must not keep the socket alive.
    QTimer::singleShot(StopTimeoutMilliseconds, socket,
                       [socket]
                       {
                           socket->abort();
                           socket->deleteLater();
                       });
}

void TachyonClient::abortSocket()
{
    if (!m_socket)
    {
        return;
    }
    WebSocketClient *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void TachyonClient::finishRequest(const QString &messageId, const Result<TachyonMessage> &response)
{
    const auto it = m_pending.find(messageId);
    if (it == m_pending.end())
    {
        return;
    }
    PendingRequest request = std::move(it.value());
    m_pending.erase(it);
    request.timer->stop();
    request.timer->deleteLater();
    request.handler(response);
}

void TachyonClient::failPending(const QString &error)
{
    const QStringList ids = m_pending.keys();
    for (const QString &id : ids)
    {
        finishRequest(id, fail(error));
    }
}

void TachyonClient::finishStop()
{
    if (m_state != State::Stopping)
    {
        return;
    }
    m_stopTimer.stop();
    abortSocket();
    qCInfo(lcTachyon) << "Tachyon connection stopped";
    setState(State::Stopped);
    emit stopped();
}
