#include "enginefloor.h"

#include <array>
#include <csignal>
#include <ctime>
#include <memory>

#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

extern char **environ;

namespace
{
// As AutohostSocket asks for its engine sockets.
constexpr int ReceiveBufferBytes = 8 * 1024 * 1024;
constexpr int WaitMs = 5000;
// The relay floor gives up once nothing came for this long after the engines should have finished.
constexpr qint64 QuietNs = 2'000'000'000;
constexpr int Batch = 64;
constexpr quint8 PlayerChat = 13;

qint64 clockNs(clockid_t clock)
{
    timespec now{};
    ::clock_gettime(clock, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

qint64 monotonicNs()
{
    return clockNs(CLOCK_MONOTONIC);
}

qint64 threadCpuNs()
{
    return clockNs(CLOCK_THREAD_CPUTIME_ID);
}

// A UDP socket on 127.0.0.1, bound to a free port, as the autohost binds one per battle.
class Socket
{
public:
    Socket()
    {
        m_fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t size = sizeof address;
        const int bufferBytes = ReceiveBufferBytes;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<const sockaddr *>(&address), size) != 0 ||
            ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &bufferBytes, sizeof bufferBytes) != 0 ||
            ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &size) != 0)
        {
            return;
        }
        m_port = ntohs(address.sin_port);
    }
    ~Socket()
    {
        if (m_fd >= 0)
        {
            ::close(m_fd);
        }
    }
    Socket(const Socket &) = delete;
    Socket &operator=(const Socket &) = delete;

    int fd() const { return m_fd; }
    quint16 port() const { return m_port; }

    // The next datagram, waiting for it; empty on timeout.
    QByteArray receive(int timeoutMs) const
    {
        pollfd readable{m_fd, POLLIN, 0};
        if (::poll(&readable, 1, timeoutMs) <= 0)
        {
            return {};
        }
        std::array<char, 2048> buffer;
        const ssize_t size = ::recv(m_fd, buffer.data(), buffer.size(), 0);
        return size < 0 ? QByteArray() : QByteArray(buffer.data(), size);
    }

    void drain() const
    {
        std::array<char, 2048> buffer;
        while (::recv(m_fd, buffer.data(), buffer.size(), MSG_DONTWAIT) >= 0)
        {
        }
    }

private:
    int m_fd = -1;
    quint16 m_port = 0;
};

void stop(qint64 pid)
{
    ::kill(pid_t(pid), SIGKILL);
    ::waitpid(pid_t(pid), nullptr, 0);
}

// The chat "<number> <send ns>" after the 3-byte header of a PLAYER_CHAT datagram.
bool parseChat(const char *text, const char *end, quint64 *number, qint64 *sentNs)
{
    const auto read = [&text, end](auto *value)
    {
        const char *start = text;
        *value = 0;
        while (text < end && *text >= '0' && *text <= '9')
        {
            *value = *value * 10 + (*text++ - '0');
        }
        return text > start;
    };
    if (!read(number) || text == end || *text++ != ' ')
    {
        return false;
    }
    return read(sentNs) && text == end;
}
} // namespace

EngineFloor::EngineFloor(const QString &enginePath)
    : m_engine(enginePath)
{
    if (!m_dir.isValid() || !QFileInfo(enginePath).isExecutable())
    {
        m_problem = u"no temporary directory or no engine at %1"_s.arg(enginePath);
    }
}

QString EngineFloor::writeScript(const QString &name, quint16 port, const QByteArray &modOptions)
{
    const QString path = m_dir.filePath(name + u".txt"_s);
    QFile file(path);
    const QByteArray text =
        "[GAME]\n{\n\tAutohostIP = 127.0.0.1;\n\tAutohostPort = " + QByteArray::number(port) +
        ";\n\t[PLAYER0]\n\t{\n\t\tName = Alice;\n\t}\n\t[MODOPTIONS]\n\t{\n" + modOptions + "\t}\n}\n";
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
    {
        m_problem = u"cannot write %1"_s.arg(path);
    }
    return path;
}

qint64 EngineFloor::spawn(const QString &script)
{
    const QByteArray program = QFile::encodeName(m_engine);
    const QByteArray isolation = "-isolation";
    const QByteArray scriptPath = QFile::encodeName(script);
    const QByteArray log = QFile::encodeName(script + u".log"_s);
    char *arguments[] = {const_cast<char *>(program.constData()), const_cast<char *>(isolation.constData()),
                         const_cast<char *>(scriptPath.constData()), nullptr};
    posix_spawn_file_actions_t actions;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.constData(), O_WRONLY | O_CREAT | O_TRUNC,
                                       0600);
    pid_t pid = -1;
    const int error = ::posix_spawn(&pid, program.constData(), &actions, nullptr, arguments, environ);
    ::posix_spawn_file_actions_destroy(&actions);
    return error == 0 ? pid : -1;
}

std::vector<qint64> EngineFloor::spawnToFirstDatagram(Spawner spawner, int count)
{
    const Socket socket;
    const QString script = writeScript(u"spawn"_s, socket.port(), {});
    std::vector<qint64> samples;
    for (int i = 0; i < count && m_problem.isEmpty(); ++i)
    {
        QProcess process;
        qint64 pid = -1;
        const qint64 start = monotonicNs();
        if (spawner == Spawner::PosixSpawn)
        {
            pid = spawn(script);
        }
        else
        {
            process.setProgram(m_engine);
            process.setArguments({u"-isolation"_s, script});
            process.setWorkingDirectory(m_dir.path());
            process.setProcessChannelMode(QProcess::MergedChannels);
            process.setStandardOutputFile(script + u".log"_s, QIODevice::Truncate);
            process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
            process.start(QIODevice::ReadOnly);
        }
        const QByteArray first = socket.receive(WaitMs);
        const qint64 end = monotonicNs();
        if (first != QByteArray(1, '\0'))
        {
            m_problem = u"no SERVER_STARTED from the engine within %1 ms"_s.arg(WaitMs);
        }
        samples.push_back(end - start);
        if (spawner == Spawner::PosixSpawn)
        {
            stop(pid);
        }
        else
        {
            process.kill();
            process.waitForFinished(WaitMs);
        }
        socket.drain();
    }
    return m_problem.isEmpty() ? samples : std::vector<qint64>();
}

EngineFloor::Relay EngineFloor::relay(int engines, quint64 perEngine, quint64 perSecond)
{
    Relay result;
    std::vector<std::unique_ptr<Socket>> sockets;
    std::vector<qint64> pids;
    std::vector<std::vector<bool>> seen(size_t(engines), std::vector<bool>(size_t(perEngine), false));
    // Every engine starts at once, a moment after the last one has been spawned.
    const qint64 chatAt = monotonicNs() + 100'000'000 + engines * 5'000'000;
    const QByteArray options = "\t\tbenchchat = " + QByteArray::number(perEngine) + ',' +
                               QByteArray::number(perSecond) +
                               ";\n\t\tbenchchatat = " + QByteArray::number(chatAt) + ";\n";
    for (int i = 0; i < engines; ++i)
    {
        sockets.push_back(std::make_unique<Socket>());
        pids.push_back(spawn(writeScript(u"relay%1"_s.arg(i), sockets.back()->port(), options)));
        if (pids.back() < 0)
        {
            m_problem = u"cannot start %1"_s.arg(m_engine);
        }
    }
    result.expected = quint64(engines) * perEngine;
    result.latenciesNs.reserve(size_t(result.expected));
    const qint64 sendingEnds = chatAt + (perSecond == 0 ? 0 : qint64(perEngine * 1'000'000'000 / perSecond));
    std::vector<pollfd> readable;
    for (const auto &socket : sockets)
    {
        readable.push_back(pollfd{socket->fd(), POLLIN, 0});
    }
    std::array<std::array<char, 256>, Batch> buffers;
    std::array<iovec, Batch> vectors{};
    std::array<mmsghdr, Batch> messages{};
    qint64 lastProgress = monotonicNs();
    const qint64 cpuAtStart = threadCpuNs();
    while (m_problem.isEmpty() && result.unique < result.expected)
    {
        ::poll(readable.data(), readable.size(), 100);
        const qint64 now = monotonicNs();
        if (now > sendingEnds && now - lastProgress > QuietNs)
        {
            break;
        }
        for (size_t engine = 0; engine < readable.size(); ++engine)
        {
            if ((readable[engine].revents & POLLIN) == 0)
            {
                continue;
            }
            for (;;)
            {
                for (int i = 0; i < Batch; ++i)
                {
                    vectors[size_t(i)] = iovec{buffers[size_t(i)].data(), buffers[size_t(i)].size()};
                    messages[size_t(i)].msg_hdr = msghdr{};
                    messages[size_t(i)].msg_hdr.msg_iov = &vectors[size_t(i)];
                    messages[size_t(i)].msg_hdr.msg_iovlen = 1;
                }
                const int received =
                    ::recvmmsg(readable[engine].fd, messages.data(), Batch, MSG_DONTWAIT, nullptr);
                if (received <= 0)
                {
                    break;
                }
                const qint64 receivedNs = monotonicNs();
                lastProgress = receivedNs;
                result.lastReceiveNs = receivedNs;
                for (int i = 0; i < received; ++i)
                {
                    const char *data = buffers[size_t(i)].data();
                    const unsigned length = messages[size_t(i)].msg_len;
                    quint64 number = 0;
                    qint64 sentNs = 0;
                    if (length < 3 || quint8(data[0]) != PlayerChat ||
                        !parseChat(data + 3, data + length, &number, &sentNs) || number >= perEngine)
                    {
                        continue;
                    }
                    std::vector<bool> &engineSeen = seen[engine];
                    if (engineSeen[size_t(number)])
                    {
                        ++result.duplicates;
                        continue;
                    }
                    engineSeen[size_t(number)] = true;
                    ++result.unique;
                    result.firstSendNs =
                        result.firstSendNs == 0 ? sentNs : std::min(result.firstSendNs, sentNs);
                    result.latenciesNs.push_back(receivedNs - sentNs);
                }
            }
        }
    }
    result.receiverCpuNs = threadCpuNs() - cpuAtStart;
    for (const qint64 pid : pids)
    {
        if (pid > 0)
        {
            stop(pid);
        }
    }
    return result;
}
