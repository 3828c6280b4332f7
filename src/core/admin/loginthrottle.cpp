#include "admin/loginthrottle.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

LoginThrottle::LoginThrottle(int maxFailures, std::chrono::milliseconds window, Clock clock)
    : m_maxFailures(std::max(1, maxFailures))
    , m_window(window)
    , m_clock(std::move(clock))
{
}

int LoginThrottle::secondsBlocked(const QHostAddress &client)
{
    const std::chrono::milliseconds now = m_clock();
    forgetExpired(now);
    const QList<std::chrono::milliseconds> failures = m_failures.value(clientKey(client));
    if (failures.size() < m_maxFailures)
    {
        return 0;
    }
    // Free again when the oldest failure that keeps the count at the limit leaves the window.
    const std::chrono::milliseconds freeAt = failures.at(failures.size() - m_maxFailures) + m_window;
    const auto waitMs = (freeAt - now).count();
    return int(std::max<qint64>(1, (waitMs + 999) / 1000));
}

int LoginThrottle::recordFailure(const QHostAddress &client)
{
    const std::chrono::milliseconds now = m_clock();
    forgetExpired(now);
    QList<std::chrono::milliseconds> &failures = m_failures[clientKey(client)];
    failures.append(now);
    while (failures.size() > m_maxFailures)
    {
        failures.removeFirst();
    }
    return int(failures.size());
}

QString LoginThrottle::clientKey(const QHostAddress &client)
{
    bool isIpv4 = false;
    const quint32 ipv4 = client.toIPv4Address(&isIpv4); // also IPv4-mapped IPv6 addresses
    if (isIpv4)
    {
        return QHostAddress(ipv4).toString();
    }
    Q_IPV6ADDR network = client.toIPv6Address();
    std::fill(std::begin(network.c) + 8, std::end(network.c), quint8(0));
    return QHostAddress(network).toString() + u"/64"_s;
}

std::chrono::milliseconds LoginThrottle::steadyClock()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now().time_since_epoch());
}

void LoginThrottle::forgetExpired(std::chrono::milliseconds now)
{
    for (auto it = m_failures.begin(); it != m_failures.end();)
    {
        QList<std::chrono::milliseconds> &failures = it.value();
        while (!failures.isEmpty() && failures.constFirst() + m_window <= now)
        {
            failures.removeFirst();
        }
        it = failures.isEmpty() ? m_failures.erase(it) : std::next(it);
    }
}
