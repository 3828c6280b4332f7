#include "engine/autohostsocket.h"

#include <QNetworkDatagram>

#include "logging.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
// Large enough that a burst of thousands of engine events waits in the kernel instead of being dropped.
constexpr int ReceiveBufferBytes = 8 * 1024 * 1024;
} // namespace

AutohostSocket::AutohostSocket(QObject *parent)
    : QObject(parent)
{
    m_pacing.setInterval(5);
    connect(&m_socket, &QUdpSocket::readyRead, this, &AutohostSocket::readPending);
    connect(&m_pacing, &QTimer::timeout, this, &AutohostSocket::sendNext);
}

Status AutohostSocket::bind(quint16 port)
{
    if (!m_socket.bind(QHostAddress(QHostAddress::LocalHost), port, QUdpSocket::DontShareAddress))
    {
        return fail(u"cannot bind UDP 127.0.0.1:%1: %2"_s.arg(port).arg(m_socket.errorString()));
    }
    m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, ReceiveBufferBytes);
    return succeeded();
}

void AutohostSocket::setPacingInterval(int milliseconds)
{
    m_pacing.setInterval(std::max(1, milliseconds));
}

void AutohostSocket::send(const QByteArray &datagram)
{
    m_queue.push_back(datagram);
    if (engineKnown() && !m_pacing.isActive())
    {
        sendNext();
    }
}

void AutohostSocket::sendFirst(const QByteArray &datagram)
{
    m_queue.push_front(datagram);
    if (engineKnown() && !m_pacing.isActive())
    {
        sendNext();
    }
}

void AutohostSocket::close()
{
    m_pacing.stop();
    m_queue.clear();
    m_socket.close();
}

void AutohostSocket::readPending()
{
    // Read until the socket is empty: one readyRead can stand for many datagrams.
    while (m_socket.hasPendingDatagrams())
    {
        const QNetworkDatagram datagram = m_socket.receiveDatagram();
        if (!datagram.isValid())
        {
            break;
        }
        handleDatagram(datagram.data(), datagram.senderAddress(), quint16(datagram.senderPort()));
    }
}

void AutohostSocket::handleDatagram(const QByteArray &data, const QHostAddress &sender, quint16 senderPort)
{
    if (engineKnown() && (senderPort != m_enginePort || !sender.isEqual(m_engineAddress)))
    {
        ++m_droppedForeign;
        qCDebug(lcEngine) << "dropped a datagram from" << sender.toString() << senderPort
                          << "on autohost port" << localPort();
        return;
    }
    auto packet = EnginePacket::decode(data);
    if (!packet)
    {
        ++m_droppedMalformed;
        qCWarning(lcEngine).noquote()
            << u"dropped a malformed datagram on autohost port %1: %2"_s.arg(localPort()).arg(packet.error());
        return;
    }
    if (!engineKnown())
    {
        if (!std::holds_alternative<EnginePacket::ServerStarted>(*packet) || !sender.isLoopback())
        {
            ++m_droppedForeign;
            qCWarning(lcEngine).noquote() << u"dropped %1 from %2:%3 before SERVER_STARTED"_s
                                                 .arg(EnginePacket::describe(*packet), sender.toString())
                                                 .arg(senderPort);
            return;
        }
        m_engineAddress = sender;
        m_enginePort = senderPort;
        if (!m_queue.empty())
        {
            sendNext();
        }
    }
    emit packetReceived(*packet);
}

void AutohostSocket::sendNext()
{
    if (m_queue.empty() || !engineKnown())
    {
        m_pacing.stop();
        return;
    }
    const QByteArray datagram = m_queue.front();
    m_queue.pop_front();
    if (m_socket.writeDatagram(datagram, m_engineAddress, m_enginePort) != datagram.size())
    {
        qCWarning(lcEngine).noquote()
            << u"could not send to the engine on port %1: %2"_s.arg(m_enginePort).arg(m_socket.errorString());
    }
    // Keep ticking for one more interval so that the next datagram also waits its turn.
    if (!m_pacing.isActive())
    {
        m_pacing.start();
    }
}
