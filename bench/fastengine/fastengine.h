#pragma once

#include <cstdint>
#include <string>

#include "benchscript.h"

#include <sys/types.h>

// The UDP autohost interface of spring-dedicated (engine notes §1, §2, §5) and nothing else, for benchmarks:
// a socket bound to an ephemeral port and connected to the autohost, SERVER_STARTED at once, then the
// script's workload (PLAYER_JOINED, PLAYER_CHAT) byte for byte as the real engine sends them. A chat's text
// is
// "<sequence number> <CLOCK_MONOTONIC ns of the send>", numbers from 0, so that a receiver can tell latency,
// losses and duplicates. "/kill" from the autohost answers SERVER_QUIT and ends with exit code 0; a socket
// error, or the parent process gone, ends with 1.
class FastEngine
{
public:
    explicit FastEngine(BenchScript script);
    ~FastEngine();
    FastEngine(const FastEngine &) = delete;
    FastEngine &operator=(const FastEngine &) = delete;

    // The exit code.
    int run();

    static std::int64_t monotonicNanoseconds();

private:
    enum class SendResult
    {
        Sent,
        Blocked, // the socket's send buffer is full: wait for POLLOUT
        Failed,
    };
    enum class Command
    {
        None,
        Kill,
        Failed,
    };

    bool open();
    bool sendDatagram(const std::string &datagram);
    // Sends chats from the next one up to (not including) number `end`, at most one sendmmsg batch.
    SendResult sendChats(std::uint64_t end);
    // Reads every datagram waiting; Kill when one was "/kill".
    Command readCommands();
    // How many chats are due at `now` (paced), and when chat `number` is due.
    std::uint64_t dueCount(std::int64_t now) const;
    std::int64_t dueTime(std::uint64_t number) const;
    void log(const std::string &line) const;

    BenchScript m_script;
    int m_socket = -1;
    pid_t m_parent = 0;
    std::int64_t m_chatStart = 0;
    std::uint64_t m_sent = 0;
    std::uint64_t m_blockedWaits = 0;
};
