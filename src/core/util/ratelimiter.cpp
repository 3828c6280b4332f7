#include "util/ratelimiter.h"

#include <algorithm>
#include <utility>

RateLimiter::RateLimiter(double perSecond, double burst, Clock clock)
    : m_perSecond(perSecond)
    , m_burst(burst)
    , m_clock(std::move(clock))
    , m_tokens(burst)
    , m_refilledAt(m_clock())
{
}

std::chrono::nanoseconds RateLimiter::steadyClock()
{
    return std::chrono::steady_clock::now().time_since_epoch();
}

bool RateLimiter::tryAcquire()
{
    const std::chrono::nanoseconds now = m_clock();
    const double seconds = std::chrono::duration<double>(now - m_refilledAt).count();
    m_tokens = std::min(m_burst, m_tokens + std::max(0.0, seconds) * m_perSecond);
    m_refilledAt = now;
    if (m_tokens >= 1)
    {
        m_tokens -= 1;
        return true;
    }
    ++m_heldBack;
    ++m_heldBackTotal;
    return false;
}

quint64 RateLimiter::takeHeldBack()
{
    return std::exchange(m_heldBack, 0);
}
