#include "engine/udpsocketowner.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QString>

#ifdef Q_OS_LINUX
#include <dirent.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace
{
#ifdef Q_OS_LINUX
// A child process of a wrapper script, say, still counts; deeper trees are not worth the scan.
constexpr int MaxGenerations = 4;

quint16 portOf(const QByteArray &address)
{
    const qsizetype colon = address.lastIndexOf(':');
    bool ok = false;
    const uint port = address.mid(colon + 1).toUInt(&ok, 16);
    return colon < 0 || !ok ? 0 : quint16(port);
}

// The inodes of the sockets in one /proc/net table with these ports; nullopt when the table cannot be read.
std::optional<QSet<QByteArray>> socketInodes(const QString &table, quint16 localPort, quint16 remotePort)
{
    QFile file(table);
    if (!file.open(QIODevice::ReadOnly))
    {
        return std::nullopt;
    }
    // "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode …", addresses
    // as hex "ADDRESS:PORT".
    QSet<QByteArray> inodes;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i)
    {
        const QList<QByteArray> fields = lines[i].simplified().split(' ');
        if (fields.size() > 9 && portOf(fields[1]) == localPort && portOf(fields[2]) == remotePort)
        {
            inodes.insert(fields[9]);
        }
    }
    return inodes;
}

// The inode of the IPv4 UDP socket bound to 127.0.0.1:localPort and connected to 127.0.0.1:remotePort, asked
// of the kernel's socket diagnostics: one hash lookup, where the /proc/net tables walk every UDP hash bucket
// (0.1 ms on a machine with much memory, in every start). Empty when there is no such socket or the system
// cannot answer.
QByteArray loopbackSocketInode(quint16 localPort, quint16 remotePort)
{
    const int fd = ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (fd < 0)
    {
        return {};
    }
    struct
    {
        nlmsghdr header;
        inet_diag_req_v2 body;
    } request{};
    request.header.nlmsg_len = sizeof request;
    request.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    request.header.nlmsg_flags = NLM_F_REQUEST;
    request.body.sdiag_family = AF_INET;
    request.body.sdiag_protocol = IPPROTO_UDP;
    request.body.idiag_states = ~0U;
    // The kernel looks up the socket a datagram from src to dst would reach: src is the socket's peer.
    request.body.id.idiag_sport = htons(remotePort);
    request.body.id.idiag_dport = htons(localPort);
    request.body.id.idiag_src[0] = htonl(INADDR_LOOPBACK);
    request.body.id.idiag_dst[0] = htonl(INADDR_LOOPBACK);
    request.body.id.idiag_cookie[0] = INET_DIAG_NOCOOKIE;
    request.body.id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    QByteArray inode;
    alignas(nlmsghdr) char answer[1024];
    if (::sendto(fd, &request, sizeof request, 0, reinterpret_cast<const sockaddr *>(&kernel),
                 sizeof kernel) == ssize_t(sizeof request))
    {
        const ssize_t length = ::recv(fd, answer, sizeof answer, 0);
        const auto *header = reinterpret_cast<const nlmsghdr *>(answer);
        if (length >= ssize_t(NLMSG_LENGTH(sizeof(inet_diag_msg))) && NLMSG_OK(header, size_t(length)) &&
            header->nlmsg_type == SOCK_DIAG_BY_FAMILY)
        {
            const auto *message = reinterpret_cast<const inet_diag_msg *>(answer + NLMSG_HDRLEN);
            // The lookup may settle for a socket that is not connected to remotePort.
            if (ntohs(message->id.idiag_sport) == localPort && ntohs(message->id.idiag_dport) == remotePort)
            {
                inode = QByteArray::number(message->idiag_inode);
            }
        }
    }
    ::close(fd);
    return inode;
}

bool holdsAny(qint64 pid, const QSet<QByteArray> &inodes)
{
    const QByteArray fdDir = "/proc/" + QByteArray::number(pid) + "/fd";
    DIR *directory = ::opendir(fdDir.constData());
    if (!directory)
    {
        return false;
    }
    bool held = false;
    while (const dirent *entry = ::readdir(directory))
    {
        if (entry->d_name[0] == '.')
        {
            continue;
        }
        char target[64];
        const QByteArray path = fdDir + '/' + entry->d_name;
        const ssize_t length = ::readlink(path.constData(), target, sizeof target);
        // "socket:[12345]"
        const QByteArray link(target, length > 0 ? length : 0);
        if (link.startsWith("socket:[") && link.endsWith(']') &&
            inodes.contains(link.mid(8, link.size() - 9)))
        {
            held = true;
            break;
        }
    }
    ::closedir(directory);
    return held;
}

QList<qint64> childrenOf(qint64 pid)
{
    QList<qint64> children;
    const QString taskDir = u"/proc/%1/task"_s.arg(pid);
    for (const QString &task : QDir(taskDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
    {
        QFile file(taskDir + u'/' + task + u"/children"_s);
        if (file.open(QIODevice::ReadOnly))
        {
            for (const QByteArray &child : file.readAll().simplified().split(' '))
            {
                if (const qint64 id = child.toLongLong(); id > 0)
                {
                    children.append(id);
                }
            }
        }
    }
    return children;
}
#endif
} // namespace

std::optional<bool> UdpSocketOwner::isHeldBy(qint64 pid, quint16 localPort, quint16 remotePort)
{
#ifdef Q_OS_LINUX
    QSet<QByteArray> inodes;
    // The engine's socket as it usually is; anything else (an IPv6 socket, say) is looked for in the tables.
    if (const QByteArray inode = loopbackSocketInode(localPort, remotePort); !inode.isEmpty())
    {
        inodes.insert(inode);
    }
    else
    {
        const auto ipv4 = socketInodes(u"/proc/net/udp"_s, localPort, remotePort);
        const auto ipv6 = socketInodes(u"/proc/net/udp6"_s, localPort, remotePort);
        if (!ipv4 && !ipv6)
        {
            return std::nullopt;
        }
        inodes = ipv4.value_or(QSet<QByteArray>()).unite(ipv6.value_or(QSet<QByteArray>()));
    }
    if (pid <= 0 || inodes.isEmpty())
    {
        return false;
    }
    QList<qint64> generation{pid};
    for (int depth = 0; depth < MaxGenerations && !generation.isEmpty(); ++depth)
    {
        QList<qint64> next;
        for (const qint64 process : std::as_const(generation))
        {
            if (holdsAny(process, inodes))
            {
                return true;
            }
            next.append(childrenOf(process));
        }
        generation = next;
    }
    return false;
#else
    Q_UNUSED(pid)
    Q_UNUSED(localPort)
    Q_UNUSED(remotePort)
    return std::nullopt;
#endif
}
