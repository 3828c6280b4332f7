#include "engine/autohostsocket.h"

#include <QHostAddress>

#include "logging.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
// Large enough that a burst of thousands of engine events waits in the kernel instead of being dropped.
constexpr int ReceiveBufferBytes = 8 * 1024 * 1024;
// Datagrams handled per readyRead: an engine flooding its socket must not keep the event loop, and with it
// every other battle and the Tachyon connection, waiting. What is left raises readyRead again.
constexpr qsizetype MaxDatagramsPerRead = 1024;
// Log lines about dropped datagrams: a few at once, then one per 10 s, each telling how many went unreported.
constexpr double DropReportsPerSecond = 0.1;
constexpr double DropReportBurst = 5;
} // namespace

AutohostSocket::AutohostSocket(QObject *parent)
    : QObject(parent)
    , m_dropReports(DropReportsPerSecond, DropReportBurst)
{
    m_pacing.setInterval(5);
    connect(&m_socket, &DatagramSocket::readyRead, this, &AutohostSocket::readPending);
    connect(&m_pacing, &QTimer::timeout, this, &AutohostSocket::sendNext);
}

Status AutohostSocket::bind(quint16 port)
{
    if (auto bound = m_socket.bind(port, ReceiveBufferBytes); !bound)
    {
        return bound;
    }
    // Said once per process: every battle's socket gets the same.
    static bool capReported = false;
    if (const int granted = m_socket.receiveBufferBytes(); granted < ReceiveBufferBytes && !capReported)
    {
        capReported = true;
        qCInfo(lcEngine).noquote()
            << u"the system grants engine sockets a receive buffer of %1 KiB, not the %2 KiB "
               u"asked for; a long burst of engine events can overflow it (on Linux raise "
               u"net.core.rmem_max)"_s.arg(granted / 1024)
                   .arg(ReceiveBufferBytes / 1024);
    }
    return succeeded();
}

void AutohostSocket::setEngineCheck(std::function<bool(quint16 senderPort)> check)
{
    m_engineCheck = std::move(check);
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
    // One readyRead can stand for many datagrams.
    m_socket.receive(MaxDatagramsPerRead,
                     [this](const DatagramSocket::Datagram &datagram) { handleDatagram(datagram); });
}

void AutohostSocket::handleDatagram(const DatagramSocket::Datagram &datagram)
{
    const quint16 senderPort = datagram.senderPort;
    const auto from = [&]
    {
        return u"%1:%2"_s.arg(QHostAddress(datagram.senderAddress).toString()).arg(senderPort);
    };
    if (engineKnown() && (senderPort != m_enginePort || datagram.senderAddress != m_engineAddress))
    {
        ++m_droppedForeign;
        reportDropped(
            [&]
            {
                return u"a datagram from %1, which is not the engine (%2:%3)"_s
                    .arg(from(), QHostAddress(m_engineAddress).toString())
                    .arg(m_enginePort);
            });
        return;
    }
    auto packet = EnginePacket::decode(datagram.data);
    if (!packet)
    {
        ++m_droppedMalformed;
        reportDropped([&] { return u"a malformed datagram from %1: %2"_s.arg(from(), packet.error()); });
        return;
    }
    if (!engineKnown())
    {
        if (!std::holds_alternative<EnginePacket::ServerStarted>(*packet) || !datagram.fromLoopback())
        {
            ++m_droppedForeign;
            reportDropped(
                [&] {
                    return u"%1 from %2 before SERVER_STARTED"_s.arg(EnginePacket::describe(*packet), from());
                });
            return;
        }
        if (m_engineCheck && !m_engineCheck(senderPort))
        {
            ++m_droppedForeign;
            reportDropped(
                [&] { return u"SERVER_STARTED from %1, which is not the engine's socket"_s.arg(from()); });
            return;
        }
        m_engineAddress = datagram.senderAddress;
        m_enginePort = senderPort;
        if (!m_queue.empty())
        {
            sendNext();
        }
    }
    emit packetReceived(*packet);
}

void AutohostSocket::reportDropped(const std::function<QString()> &describe)
{
    if (!m_dropReports.tryAcquire())
    {
        return;
    }
    const quint64 unreported = m_dropReports.takeHeldBack();
    qCWarning(lcEngine).noquote() << u"autohost port %1: dropped %2%3"_s.arg(localPort())
                                         .arg(describe(), unreported == 0
                                                              ? QString()
                                                              : u" (and %1 more since the last report)"_s.arg(
                                                                    unreported));
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
    if (const auto sent = m_socket.send(datagram, m_engineAddress, m_enginePort); !sent)
    {
        qCWarning(lcEngine).noquote()
            << u"could not send to the engine on port %1: %2"_s.arg(m_enginePort).arg(sent.error());
    }
    // Keep ticking for one more interval so that the next datagram also waits its turn.
    if (!m_pacing.isActive())
    {
        m_pacing.start();
    }
}
