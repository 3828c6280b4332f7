#include "websocketsink.h"

#include <chrono>

#include <QCryptographicHash>
#include <QEventLoop>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include "net/websocketclient.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
constexpr int PollMilliseconds = 20;
constexpr int TimeoutMilliseconds = 10000;

// RFC 6455 §4.2.2: the accept value is the SHA-1 of the client's key and this GUID, in base64.
QByteArray acceptValue(const QByteArray &key)
{
    return QCryptographicHash::hash(QByteArray(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
                                    QCryptographicHash::Sha1)
        .toBase64();
}

QByteArray headerValue(const QByteArray &head, const QByteArray &name)
{
    for (const QByteArray &line : head.split('\n'))
    {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
        {
            return line.mid(colon + 1).trimmed();
        }
    }
    return {};
}
} // namespace

WebSocketSink::WebSocketSink()
{
    std::promise<quint16> port;
    std::future<quint16> listening = port.get_future();
    m_thread = std::thread(&WebSocketSink::run, this, std::move(port));
    m_port = listening.get();
}

WebSocketSink::~WebSocketSink()
{
    m_stop = true;
    m_thread.join();
}

bool WebSocketSink::open(WebSocketClient *client)
{
    if (m_port == 0)
    {
        return false;
    }
    QEventLoop loop;
    QObject::connect(client, &WebSocketClient::connected, &loop, &QEventLoop::quit);
    QObject::connect(client, &WebSocketClient::failed, &loop, &QEventLoop::quit);
    QTimer::singleShot(TimeoutMilliseconds, &loop, &QEventLoop::quit);
    client->open(QUrl(u"ws://127.0.0.1:%1/"_s.arg(m_port)), QString());
    loop.exec();
    return client->state() == WebSocketClient::State::Open;
}

bool WebSocketSink::waitForBytes(qint64 bytes) const
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(TimeoutMilliseconds);
    while (m_received < bytes && std::chrono::steady_clock::now() < deadline)
    {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return m_received >= bytes;
}

void WebSocketSink::run(std::promise<quint16> port)
{
    QTcpServer server;
    port.set_value(server.listen(QHostAddress::LocalHost) ? server.serverPort() : 0);
    while (!m_stop && !server.hasPendingConnections())
    {
        server.waitForNewConnection(PollMilliseconds);
    }
    QTcpSocket *socket = server.nextPendingConnection();
    if (!socket)
    {
        return;
    }
    QByteArray head;
    while (!m_stop && !head.contains("\r\n\r\n") && socket->state() == QAbstractSocket::ConnectedState)
    {
        socket->waitForReadyRead(PollMilliseconds);
        head += socket->readAll();
    }
    const qsizetype headEnd = head.indexOf("\r\n\r\n") + 4;
    socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Accept: " +
                  acceptValue(headerValue(head.left(headEnd), "Sec-WebSocket-Key")) + "\r\n\r\n");
    socket->waitForBytesWritten(TimeoutMilliseconds);
    m_received = head.size() - headEnd;
    while (!m_stop && socket->state() == QAbstractSocket::ConnectedState)
    {
        socket->waitForReadyRead(PollMilliseconds);
        m_received += socket->readAll().size();
    }
}
