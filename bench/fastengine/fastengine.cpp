#include "fastengine.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <ctime>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace
{
// Packet types and the chat destination of the engine's autohost interface (engine notes §2).
constexpr char ServerStarted = 0;
constexpr char ServerQuit = 1;
constexpr char PlayerJoined = 10;
constexpr char PlayerChat = 13;
constexpr unsigned char ChatToEveryone = 254;

constexpr std::int64_t NanosecondsPerSecond = 1'000'000'000;
// Paced chats go out in ticks of at least this long: one wakeup per millisecond and battle rather than one
// per chat keeps the engines' own load small next to the autohost's.
constexpr std::int64_t MinimumTickNs = 1'000'000;
// Without chats to send, the loop still wakes up this often to notice a dead parent.
constexpr std::int64_t IdleWakeupNs = 1'000'000'000;
constexpr std::size_t ChatBatch = 64;
// Type, player, destination, two 20-digit numbers and a space.
constexpr std::size_t MaxChatBytes = 3 + 20 + 1 + 20;

timespec toTimespec(std::int64_t nanoseconds)
{
    return timespec{time_t(nanoseconds / NanosecondsPerSecond), long(nanoseconds % NanosecondsPerSecond)};
}
} // namespace

FastEngine::FastEngine(BenchScript script)
    : m_script(std::move(script))
{
}

FastEngine::~FastEngine()
{
    if (m_socket >= 0)
    {
        ::close(m_socket);
    }
}

std::int64_t FastEngine::monotonicNanoseconds()
{
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return std::int64_t(now.tv_sec) * NanosecondsPerSecond + now.tv_nsec;
}

void FastEngine::log(const std::string &line) const
{
    const std::string text = "[fast] " + line + '\n';
    // The log is the engine's stdout (a file the autohost keeps); a failed write changes nothing.
    [[maybe_unused]] const ssize_t written = ::write(STDOUT_FILENO, text.data(), text.size());
}

bool FastEngine::open()
{
    // As the engine: a literal address, an ephemeral port on the "any" address, connected (engine notes
    // §1.1).
    sockaddr_storage remote{};
    socklen_t remoteSize = 0;
    sockaddr_storage local{};
    auto *remote4 = reinterpret_cast<sockaddr_in *>(&remote);
    auto *remote6 = reinterpret_cast<sockaddr_in6 *>(&remote);
    if (::inet_pton(AF_INET, m_script.autohostIp.c_str(), &remote4->sin_addr) == 1)
    {
        remote4->sin_family = AF_INET;
        remote4->sin_port = htons(std::uint16_t(m_script.autohostPort));
        remoteSize = sizeof(sockaddr_in);
        reinterpret_cast<sockaddr_in *>(&local)->sin_family = AF_INET;
    }
    else if (::inet_pton(AF_INET6, m_script.autohostIp.c_str(), &remote6->sin6_addr) == 1)
    {
        remote6->sin6_family = AF_INET6;
        remote6->sin6_port = htons(std::uint16_t(m_script.autohostPort));
        remoteSize = sizeof(sockaddr_in6);
        reinterpret_cast<sockaddr_in6 *>(&local)->sin6_family = AF_INET6;
    }
    else
    {
        log("AutohostIP " + m_script.autohostIp + " is not a literal IPv4 or IPv6 address");
        return false;
    }
    if (m_script.autohostPort <= 0 || m_script.autohostPort > 65535)
    {
        log("no autohost interface (AutohostPort " + std::to_string(m_script.autohostPort) + ")");
        return false;
    }
    m_socket = ::socket(remote.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_socket < 0 || ::bind(m_socket, reinterpret_cast<const sockaddr *>(&local), remoteSize) != 0 ||
        ::connect(m_socket, reinterpret_cast<const sockaddr *>(&remote), remoteSize) != 0)
    {
        log(std::string("cannot open the autohost socket: ") + std::strerror(errno));
        return false;
    }
    return true;
}

bool FastEngine::sendDatagram(const std::string &datagram)
{
    for (;;)
    {
        if (::send(m_socket, datagram.data(), datagram.size(), 0) == ssize_t(datagram.size()))
        {
            return true;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK)
        {
            pollfd writable{m_socket, POLLOUT, 0};
            ::poll(&writable, 1, 100);
            continue;
        }
        if (errno != EINTR)
        {
            log(std::string("cannot send to the autohost: ") + std::strerror(errno));
            return false;
        }
    }
}

FastEngine::SendResult FastEngine::sendChats(std::uint64_t end)
{
    std::array<std::array<char, MaxChatBytes>, ChatBatch> texts;
    std::array<iovec, ChatBatch> vectors{};
    std::array<mmsghdr, ChatBatch> messages{};
    const std::size_t count = std::size_t(std::min<std::uint64_t>(ChatBatch, end - m_sent));
    // One send time for the batch: the sendmmsg call follows at once.
    const std::int64_t now = monotonicNanoseconds();
    for (std::size_t i = 0; i < count; ++i)
    {
        char *bytes = texts[i].data();
        char *const limit = bytes + MaxChatBytes;
        bytes[0] = PlayerChat;
        bytes[1] = 0;
        bytes[2] = char(ChatToEveryone);
        char *at = std::to_chars(bytes + 3, limit, m_sent + i).ptr;
        *at++ = ' ';
        at = std::to_chars(at, limit, now).ptr;
        vectors[i] = iovec{bytes, std::size_t(at - bytes)};
        messages[i].msg_hdr.msg_iov = &vectors[i];
        messages[i].msg_hdr.msg_iovlen = 1;
    }
    int sent = -1;
    do
    {
        sent = ::sendmmsg(m_socket, messages.data(), unsigned(count), 0);
    } while (sent < 0 && errno == EINTR);
    if (sent < 0)
    {
        if (errno == EAGAIN || errno == EWOULDBLOCK)
        {
            return SendResult::Blocked;
        }
        log(std::string("cannot send chats to the autohost: ") + std::strerror(errno));
        return SendResult::Failed;
    }
    m_sent += std::uint64_t(sent);
    return std::size_t(sent) < count ? SendResult::Blocked : SendResult::Sent;
}

FastEngine::Command FastEngine::readCommands()
{
    std::array<char, 4096> buffer;
    for (;;)
    {
        const ssize_t size = ::recv(m_socket, buffer.data(), buffer.size(), MSG_DONTWAIT);
        if (size < 0)
        {
            if (errno == EAGAIN || errno == EWOULDBLOCK)
            {
                return Command::None;
            }
            if (errno == EINTR)
            {
                continue;
            }
            log(std::string("cannot read from the autohost: ") + std::strerror(errno));
            return Command::Failed;
        }
        // The engine reads a datagram as a C string; "/x" is a command, "//x" chat (engine notes §5).
        const std::string_view text(buffer.data(), ::strnlen(buffer.data(), std::size_t(size)));
        if (text.size() < 2 || text[0] != '/' || text[1] == '/')
        {
            continue;
        }
        std::string command(text.substr(1, text.find_first_of(" \t", 1) - 1));
        std::transform(command.begin(), command.end(), command.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        if (command == "kill")
        {
            return Command::Kill;
        }
    }
}

std::uint64_t FastEngine::dueCount(std::int64_t now) const
{
    const auto elapsed = std::uint64_t(now - m_chatStart);
    const std::uint64_t rate = m_script.chatPerSecond;
    // Chat 0 is due at the start; split so that long runs at high rates cannot overflow.
    const std::uint64_t due = elapsed / NanosecondsPerSecond * rate +
                              elapsed % NanosecondsPerSecond * rate / NanosecondsPerSecond + 1;
    return std::min(due, m_script.chatCount);
}

std::int64_t FastEngine::dueTime(std::uint64_t number) const
{
    const std::uint64_t rate = m_script.chatPerSecond;
    return m_chatStart +
           std::int64_t(number / rate * NanosecondsPerSecond + number % rate * NanosecondsPerSecond / rate);
}

int FastEngine::run()
{
    m_parent = ::getppid();
    if (!open() || !sendDatagram(std::string(1, ServerStarted)))
    {
        return 1;
    }
    if (m_script.join)
    {
        for (std::size_t number = 0; number < m_script.players.size(); ++number)
        {
            if (!sendDatagram(std::string{PlayerJoined, char(number)} + m_script.players[number]))
            {
                return 1;
            }
        }
    }
    m_chatStart = m_script.chatAt.value_or(monotonicNanoseconds());
    const bool burst = m_script.chatPerSecond == 0;
    std::int64_t firstChat = 0;
    bool blocked = false;
    for (;;)
    {
        switch (readCommands())
        {
        case Command::Kill:
            log("/kill: SERVER_QUIT after " + std::to_string(m_sent) + " chats");
            return sendDatagram(std::string(1, ServerQuit)) ? 0 : 1;
        case Command::Failed:
            return 1;
        case Command::None:
            break;
        }
        if (::getppid() != m_parent)
        {
            log("the parent process is gone");
            return 1;
        }
        std::int64_t timeout = IdleWakeupNs;
        if (m_sent < m_script.chatCount && !blocked)
        {
            const std::int64_t now = monotonicNanoseconds();
            if (now < m_chatStart)
            {
                timeout = m_chatStart - now;
            }
            else
            {
                if (m_sent == 0)
                {
                    firstChat = now;
                }
                // A burst sends one batch per turn of the loop, so that /kill is still read.
                const std::uint64_t end = burst ? m_script.chatCount : dueCount(now);
                SendResult result = SendResult::Sent;
                while (m_sent < end && result == SendResult::Sent)
                {
                    result = sendChats(end);
                    if (burst)
                    {
                        break;
                    }
                }
                if (result == SendResult::Failed)
                {
                    return 1;
                }
                blocked = result == SendResult::Blocked;
                m_blockedWaits += blocked ? 1 : 0;
                if (m_sent == m_script.chatCount)
                {
                    log("sent " + std::to_string(m_sent) + " chats in " +
                        std::to_string((monotonicNanoseconds() - firstChat) / 1000) + " µs, " +
                        std::to_string(m_blockedWaits) + " waits for a full send buffer");
                }
                else if (!blocked)
                {
                    timeout = burst ? 0 : std::max(MinimumTickNs, dueTime(m_sent) - now);
                }
            }
        }
        pollfd socket{m_socket, short(POLLIN | (blocked ? POLLOUT : 0)), 0};
        const timespec wait = toTimespec(timeout);
        if (::ppoll(&socket, 1, &wait, nullptr) > 0 && (socket.revents & POLLOUT) != 0)
        {
            blocked = false;
        }
    }
}
