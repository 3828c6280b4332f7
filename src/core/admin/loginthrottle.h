#pragma once

#include <chrono>
#include <functional>

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QString>

// Slows down token guessing: counts failed logins per client, and once a client has failed maxFailures times
// within the window, blocks it until the oldest of those failures has left the window. Blocked attempts are
// not counted, so a client that keeps trying gets through again when the window has passed. IPv6 clients
// count per /64 network, since one host can pick any address of its network.
class LoginThrottle
{
public:
    // A monotonic time; injected so tests can step through the window without sleeping.
    using Clock = std::function<std::chrono::milliseconds()>;

    explicit LoginThrottle(int maxFailures = 5, std::chrono::milliseconds window = std::chrono::seconds(60),
                           Clock clock = steadyClock);

    // How long this client must wait before its next attempt, in whole seconds (at least 1), or 0 when it may
    // try now.
    int secondsBlocked(const QHostAddress &client);
    // Counts a failed login; returns the client's failures within the window, this one included.
    int recordFailure(const QHostAddress &client);

    int maxFailures() const { return m_maxFailures; }
    std::chrono::milliseconds window() const { return m_window; }
    void setClock(Clock clock) { m_clock = std::move(clock); }

    // The key a client's failures are counted under: the IPv4 address, or the IPv6 /64 network.
    static QString clientKey(const QHostAddress &client);
    static std::chrono::milliseconds steadyClock();

private:
    // Drops failures that left the window, and clients without any.
    void forgetExpired(std::chrono::milliseconds now);

    int m_maxFailures;
    std::chrono::milliseconds m_window;
    Clock m_clock;
    QHash<QString, QList<std::chrono::milliseconds>> m_failures; // oldest first, at most maxFailures each
};
