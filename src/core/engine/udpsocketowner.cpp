#include "engine/udpsocketowner.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QString>

#ifdef Q_OS_LINUX
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

bool holdsAny(qint64 pid, const QSet<QByteArray> &inodes)
{
    const QString fdDir = u"/proc/%1/fd"_s.arg(pid);
    const QStringList fds = QDir(fdDir).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &fd : fds)
    {
        char target[64];
        const QByteArray path = QFile::encodeName(fdDir + u'/' + fd);
        const ssize_t length = ::readlink(path.constData(), target, sizeof target);
        // "socket:[12345]"
        const QByteArray link(target, length > 0 ? length : 0);
        if (link.startsWith("socket:[") && link.endsWith(']') &&
            inodes.contains(link.mid(8, link.size() - 9)))
        {
            return true;
        }
    }
    return false;
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
    const auto ipv4 = socketInodes(u"/proc/net/udp"_s, localPort, remotePort);
    const auto ipv6 = socketInodes(u"/proc/net/udp6"_s, localPort, remotePort);
    if (!ipv4 && !ipv6)
    {
        return std::nullopt;
    }
    const QSet<QByteArray> inodes =
        ipv4.value_or(QSet<QByteArray>()).unite(ipv6.value_or(QSet<QByteArray>()));
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
