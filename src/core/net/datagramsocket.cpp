#include "net/datagramsocket.h"

#include <QSocketNotifier>

#ifdef Q_OS_LINUX
#include <array>
#include <cerrno>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#else
#include <QNetworkDatagram>
#include <QUdpSocket>
#endif

using namespace Qt::Literals::StringLiterals;

#ifdef Q_OS_LINUX

namespace
{
constexpr int BatchSize = 32;
// Room for the largest IPv4 UDP payload, so that no datagram is ever cut short. Only the bytes a datagram
// fills are ever touched, so the pages behind a slot stay unmapped until a large one arrives.
constexpr int SlotBytes = 65536;

// The recvmmsg arguments and the memory the datagrams land in, shared by all sockets of a thread.
struct ReceiveBatch
{
    std::array<mmsghdr, BatchSize> headers{};
    std::array<iovec, BatchSize> vectors{};
    std::array<sockaddr_in, BatchSize> senders{};
    std::unique_ptr<char[]> buffer =
        std::make_unique_for_overwrite<char[]>(std::size_t(BatchSize) * SlotBytes);
    bool inUse = false;

    char *slot(int index) { return buffer.get() + std::size_t(index) * SlotBytes; }

    void prepare(int count)
    {
        for (int i = 0; i < count; ++i)
        {
            vectors[i] = iovec{slot(i), SlotBytes};
            headers[i] = mmsghdr{};
            headers[i].msg_hdr.msg_name = &senders[i];
            headers[i].msg_hdr.msg_namelen = sizeof(sockaddr_in);
            headers[i].msg_hdr.msg_iov = &vectors[i];
            headers[i].msg_hdr.msg_iovlen = 1;
        }
    }
};

QString systemError(int error)
{
    return qt_error_string(error);
}

sockaddr_in ipv4(quint32 host, quint16 port)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(host);
    return address;
}
} // namespace

DatagramSocket::DatagramSocket(QObject *parent)
    : QObject(parent)
{
}

DatagramSocket::~DatagramSocket()
{
    m_notifier.reset();
    if (m_descriptor >= 0)
    {
        ::close(m_descriptor);
    }
}

Status DatagramSocket::bind(quint16 port, int receiveBufferBytes)
{
    close();
    const int descriptor = ::socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (descriptor < 0)
    {
        return fail(u"cannot open a UDP socket: %1"_s.arg(systemError(errno)));
    }
    // The system caps this at its maximum (net.core.rmem_max on Linux); what is granted is logged by the
    // caller.
    ::setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &receiveBufferBytes, sizeof(receiveBufferBytes));
    const sockaddr_in address = ipv4(INADDR_LOOPBACK, port);
    if (::bind(descriptor, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0)
    {
        const int error = errno;
        ::close(descriptor);
        return fail(u"cannot bind UDP 127.0.0.1:%1: %2"_s.arg(port).arg(systemError(error)));
    }
    sockaddr_in bound{};
    socklen_t length = sizeof(bound);
    ::getsockname(descriptor, reinterpret_cast<sockaddr *>(&bound), &length);
    m_descriptor = descriptor;
    m_localPort = ntohs(bound.sin_port);
    m_notifier = std::make_unique<QSocketNotifier>(m_descriptor, QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &DatagramSocket::readyRead);
    return succeeded();
}

bool DatagramSocket::isBound() const
{
    return m_descriptor >= 0;
}

int DatagramSocket::receiveBufferBytes() const
{
    int bytes = 0;
    socklen_t length = sizeof(bytes);
    if (m_descriptor < 0 || ::getsockopt(m_descriptor, SOL_SOCKET, SO_RCVBUF, &bytes, &length) != 0)
    {
        return 0;
    }
    return bytes;
}

qsizetype DatagramSocket::receive(qsizetype maxDatagrams, const Handler &handle)
{
    thread_local ReceiveBatch shared;
    // A handler that spins a nested event loop can get here again while the shared batch is being handed out.
    std::unique_ptr<ReceiveBatch> own;
    ReceiveBatch *batch = &shared;
    if (shared.inUse)
    {
        own = std::make_unique<ReceiveBatch>();
        batch = own.get();
    }
    batch->inUse = true;
    qsizetype handed = 0;
    while (handed < maxDatagrams && m_descriptor >= 0)
    {
        const int wanted = int(std::min<qsizetype>(BatchSize, maxDatagrams - handed));
        batch->prepare(wanted);
        const int received =
            ::recvmmsg(m_descriptor, batch->headers.data(), unsigned(wanted), MSG_DONTWAIT, nullptr);
        if (received < 0)
        {
            if (errno == EINTR)
            {
                continue;
            }
            break; // EAGAIN: nothing left
        }
        for (int i = 0; i < received && m_descriptor >= 0; ++i)
        {
            const Datagram datagram{QByteArrayView(batch->slot(i), qsizetype(batch->headers[i].msg_len)),
                                    ntohl(batch->senders[i].sin_addr.s_addr),
                                    ntohs(batch->senders[i].sin_port)};
            ++handed;
            handle(datagram);
        }
        if (received < wanted)
        {
            break;
        }
    }
    batch->inUse = false;
    return handed;
}

Status DatagramSocket::send(QByteArrayView datagram, quint32 address, quint16 port)
{
    if (m_descriptor < 0)
    {
        return fail(u"the socket is closed"_s);
    }
    const sockaddr_in to = ipv4(address, port);
    const ssize_t sent = ::sendto(m_descriptor, datagram.data(), std::size_t(datagram.size()), 0,
                                  reinterpret_cast<const sockaddr *>(&to), sizeof(to));
    if (sent != datagram.size())
    {
        return fail(sent < 0 ? systemError(errno)
                             : u"only %1 of %2 bytes sent"_s.arg(sent).arg(datagram.size()));
    }
    return succeeded();
}

void DatagramSocket::close()
{
    if (m_descriptor < 0)
    {
        return;
    }
    // This can run inside the notifier's own signal (a handler closing the socket): let it finish first.
    if (m_notifier)
    {
        m_notifier->setEnabled(false);
        m_notifier.release()->deleteLater();
    }
    ::close(m_descriptor);
    m_descriptor = -1;
}

#else

DatagramSocket::DatagramSocket(QObject *parent)
    : QObject(parent)
{
}

DatagramSocket::~DatagramSocket() = default;

Status DatagramSocket::bind(quint16 port, int receiveBufferBytes)
{
    close();
    auto socket = std::make_unique<QUdpSocket>();
    if (!socket->bind(QHostAddress(QHostAddress::LocalHost), port, QUdpSocket::DontShareAddress))
    {
        return fail(u"cannot bind UDP 127.0.0.1:%1: %2"_s.arg(port).arg(socket->errorString()));
    }
    socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, receiveBufferBytes);
    m_socket = std::move(socket);
    m_localPort = m_socket->localPort();
    connect(m_socket.get(), &QUdpSocket::readyRead, this, &DatagramSocket::readyRead);
    return succeeded();
}

bool DatagramSocket::isBound() const
{
    return m_socket != nullptr;
}

int DatagramSocket::receiveBufferBytes() const
{
    return m_socket ? m_socket->socketOption(QAbstractSocket::ReceiveBufferSizeSocketOption).toInt() : 0;
}

qsizetype DatagramSocket::receive(qsizetype maxDatagrams, const Handler &handle)
{
    qsizetype handed = 0;
    while (handed < maxDatagrams && m_socket && m_socket->hasPendingDatagrams())
    {
        const QNetworkDatagram datagram = m_socket->receiveDatagram();
        if (!datagram.isValid())
        {
            break;
        }
        ++handed;
        handle(Datagram{datagram.data(), datagram.senderAddress().toIPv4Address(),
                        quint16(datagram.senderPort())});
    }
    return handed;
}

Status DatagramSocket::send(QByteArrayView datagram, quint32 address, quint16 port)
{
    if (!m_socket)
    {
        return fail(u"the socket is closed"_s);
    }
    if (m_socket->writeDatagram(datagram.data(), datagram.size(), QHostAddress(address), port) !=
        datagram.size())
    {
        return fail(m_socket->errorString());
    }
    return succeeded();
}

void DatagramSocket::close()
{
    if (!m_socket)
    {
        return;
    }
    // This can run inside the socket's own readyRead (a handler closing the socket): let it finish first.
    m_socket->disconnect(this);
    m_socket->close();
    m_socket.release()->deleteLater();
}

#endif
