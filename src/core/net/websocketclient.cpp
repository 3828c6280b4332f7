#include "net/websocketclient.h"

#include <QPointer>
#include <QSslError>
#include <QSslSocket>
#include <QTcpSocket>

using namespace Qt::Literals::StringLiterals;

namespace
{
std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), size_t(bytes.size())};
}

QByteArray newKey()
{
    quint32 nonce[4];
    QRandomGenerator::system()->fillRange(nonce);
    return QByteArray(reinterpret_cast<const char *>(nonce), sizeof(nonce)).toBase64();
}
} // namespace

WebSocketClient::WebSocketClient(QObject *parent)
    : QObject(parent)
    , m_masks(QRandomGenerator::system()->generate())
{
}

WebSocketClient::~WebSocketClient()
{
    if (m_socket)
    {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void WebSocketClient::setMaxIncomingMessageSize(qsizetype bytes)
{
    m_maxIncomingMessageSize = bytes;
}

void WebSocketClient::open(const QUrl &url, const QString &subprotocol,
                           const WebSocketHandshake::Headers &headers)
{
    abort();
    if (m_socket)
    {
        m_socket->disconnect(this);
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_state = State::Connecting;
    m_handshake.emplace(url, newKey(), subprotocol, headers);
    m_handshakeBuffer.clear();
    m_reader = WebSocketReader(m_maxIncomingMessageSize);
    m_subprotocol.clear();
    m_sslErrors.clear();

    const bool secure = url.scheme() == u"wss"_s;
    if (!secure && url.scheme() != u"ws"_s)
    {
        // Reported from the event loop, like every other failure.
        QMetaObject::invokeMethod(
            this, [this, url] { failWith(u"\"%1\" is not a ws:// or wss:// address"_s.arg(url.toString())); },
            Qt::QueuedConnection);
        return;
    }
    if (secure)
    {
        auto *socket = new QSslSocket(this);
        // The errors go into the failure's message; the handshake fails because nothing ignores them.
        connect(socket, &QSslSocket::sslErrors, this,
                [this](const QList<QSslError> &errors)
                {
                    for (const QSslError &error : errors)
                    {
                        m_sslErrors.append(error.errorString());
                    }
                });
        connect(socket, &QSslSocket::encrypted, this, &WebSocketClient::onTransportReady);
        m_socket = socket;
    }
    else
    {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &WebSocketClient::onTransportReady);
    }
    connect(m_socket, &QTcpSocket::readyRead, this, &WebSocketClient::onReadyRead);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &WebSocketClient::onSocketError);
    connect(m_socket, &QTcpSocket::disconnected, this, &WebSocketClient::onSocketDisconnected);
    if (secure)
    {
        static_cast<QSslSocket *>(m_socket)->connectToHostEncrypted(url.host(), quint16(url.port(443)));
    }
    else
    {
        m_socket->connectToHost(url.host(), quint16(url.port(80)));
    }
}

void WebSocketClient::onTransportReady()
{
    // Frames are written once per turn of the event loop anyway; Nagle would only add a round trip's delay.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    const auto request = m_handshake->request();
    if (!request)
    {
        failWith(request.error());
        return;
    }
    m_socket->write(*request);
}

void WebSocketClient::onReadyRead()
{
    const QByteArray data = m_socket->readAll();
    if (m_state == State::Connecting)
    {
        m_handshakeBuffer += data;
        const auto response = m_handshake->readResponse(m_handshakeBuffer);
        if (!response)
        {
            failWith(response.error());
            return;
        }
        if (!response->has_value())
        {
            return;
        }
        m_reader.append(QByteArrayView(m_handshakeBuffer).sliced(**response));
        m_handshakeBuffer.clear();
        m_subprotocol = m_handshake->subprotocol();
        m_state = State::Open;
        const QPointer<WebSocketClient> self(this);
        emit connected();
        if (!self || m_state == State::Unconnected)
        {
            return;
        }
    }
    else
    {
        m_reader.append(data);
    }
    readFrames();
}

void WebSocketClient::readFrames()
{
    const QPointer<WebSocketClient> self(this);
    while (self && m_socket && (m_state == State::Open || m_state == State::Closing))
    {
        auto next = m_reader.next();
        if (!next)
        {
            failWith(u"The server broke the WebSocket protocol: "_s + next.error().error,
                     next.error().closeCode);
            return;
        }
        if (!next->has_value())
        {
            return;
        }
        const WebSocketReader::Message message = std::move(**next);
        switch (message.opcode)
        {
        case WebSocketFrame::Opcode::Text:
            if (m_state == State::Open)
            {
                emit textReceived(message.payload);
            }
            break;
        case WebSocketFrame::Opcode::Binary:
            if (m_state == State::Open)
            {
                emit binaryReceived();
            }
            break;
        case WebSocketFrame::Opcode::Ping:
            if (m_state == State::Open)
            {
                sendFrame(WebSocketFrame::Opcode::Pong, view(message.payload));
            }
            break;
        case WebSocketFrame::Opcode::Pong:
            emit pongReceived();
            break;
        case WebSocketFrame::Opcode::Close:
            if (m_state == State::Open)
            {
                // Answered with the same code (none when the server gave none), then the socket closes.
                if (message.closeCode == WebSocketFrame::NoStatusReceived)
                {
                    sendFrame(WebSocketFrame::Opcode::Close, {});
                }
                else
                {
                    sendClose(message.closeCode, QString());
                }
                m_state = State::Closing;
                m_socket->disconnectFromHost();
                emit closedByServer(message.closeCode, message.closeReason);
            }
            else
            {
                // The answer to our close.
                m_socket->disconnectFromHost();
            }
            return;
        case WebSocketFrame::Opcode::Continuation:
            break;
        }
    }
}

bool WebSocketClient::sendText(std::string_view text)
{
    if (m_state != State::Open)
    {
        return false;
    }
    sendFrame(WebSocketFrame::Opcode::Text, text);
    return true;
}

void WebSocketClient::ping()
{
    if (m_state == State::Open)
    {
        sendFrame(WebSocketFrame::Opcode::Ping, {});
    }
}

qint64 WebSocketClient::bytesToWrite() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

bool WebSocketClient::flush()
{
    return m_socket && m_socket->flush();
}

void WebSocketClient::sendFrame(WebSocketFrame::Opcode opcode, std::string_view payload)
{
    m_frame.resize(0);
    WebSocketFrame::appendClientFrame(m_frame, opcode, payload, m_masks.generate());
    m_socket->write(m_frame.constData(), m_frame.size());
}

void WebSocketClient::sendClose(quint16 code, const QString &reason)
{
    const QByteArray payload = WebSocketFrame::closePayload(code, reason);
    sendFrame(WebSocketFrame::Opcode::Close, view(payload));
}

void WebSocketClient::close(quint16 code, const QString &reason)
{
    if (m_state != State::Open)
    {
        abort();
        return;
    }
    sendClose(code, reason);
    m_state = State::Closing;
}

void WebSocketClient::abort()
{
    m_state = State::Unconnected;
    if (m_socket)
    {
        m_socket->abort();
    }
}

void WebSocketClient::failWith(const QString &error, std::optional<quint16> closeCode)
{
    if (m_state == State::Unconnected)
    {
        return;
    }
    if (closeCode && m_state == State::Open)
    {
        sendClose(*closeCode, QString());
        m_socket->flush();
    }
    m_state = State::Unconnected;
    const QPointer<WebSocketClient> self(this);
    emit failed(error);
    if (self && m_socket)
    {
        m_socket->abort();
    }
}

void WebSocketClient::onSocketError()
{
    if (m_state == State::Closing && m_socket->error() == QAbstractSocket::RemoteHostClosedError)
    {
        return;
    }
    if (m_state == State::Unconnected)
    {
        return;
    }
    QString error = m_socket->errorString();
    QStringList details;
    for (const QString &sslError : std::as_const(m_sslErrors))
    {
        if (!error.contains(sslError) && !details.contains(sslError))
        {
            details.append(sslError);
        }
    }
    if (!details.isEmpty())
    {
        error += u" ("_s + details.join(u"; "_s) + u")"_s;
    }
    failWith(error);
}

void WebSocketClient::onSocketDisconnected()
{
    const State was = m_state;
    m_state = State::Unconnected;
    const QPointer<WebSocketClient> self(this);
    if (was == State::Open || was == State::Connecting)
    {
        emit failed(was == State::Open ? u"The server closed the connection without a close frame"_s
                                       : u"The server closed the connection during the upgrade"_s);
    }
    if (self)
    {
        emit disconnected();
    }
}
