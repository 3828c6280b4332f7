#include "engine/portallocator.h"

#include <QNetworkProxy>
#include <QUdpSocket>

PortAllocator::PortAllocator(int gameBase, int autohostBase, int count, QHostAddress gameBindAddress)
    : m_gameBase(gameBase)
    , m_autohostBase(autohostBase)
    , m_count(count)
    , m_gameBindAddress(std::move(gameBindAddress))
{
}

std::optional<PortAllocator::Ports> PortAllocator::acquire()
{
    m_unbindable = 0;
    for (int step = 1; step <= m_count; ++step)
    {
        const int offset = (m_last + step) % m_count;
        if (m_taken.contains(offset))
        {
            continue;
        }
        const auto gamePort = quint16(m_gameBase + offset);
        const auto autohostPort = quint16(m_autohostBase + offset);
        if (!canBind(m_gameBindAddress, gamePort) ||
            !canBind(QHostAddress(QHostAddress::LocalHost), autohostPort))
        {
            ++m_unbindable;
            continue;
        }
        m_last = offset;
        m_taken.insert(offset);
        return Ports{offset, gamePort, autohostPort};
    }
    return std::nullopt;
}

void PortAllocator::release(int offset)
{
    m_taken.remove(offset);
}

bool PortAllocator::canBind(const QHostAddress &address, quint16 port) const
{
    // Without address sharing: with SO_REUSEADDR a UDP bind would succeed next to a holder that set it too.
    QUdpSocket socket;
    // A local bind needs no proxy; asking the system's proxy configuration (libproxy, on its own thread) for
    // one would cost more than the rest of a battle start.
    socket.setProxy(QNetworkProxy::NoProxy);
    return socket.bind(address, port, QAbstractSocket::DontShareAddress);
}
