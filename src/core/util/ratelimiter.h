#pragma once

#include <chrono>
#include <functional>

#include <QtGlobal>

// A token bucket: lets `burst` events through at once and `perSecond` on average after that, and counts the
// events it holds back. Guards what a misbehaving peer could otherwise flood: the log, the update stream.
class RateLimiter
{
public:
    // A monotonic time; injected so tests can step through time without sleeping.
    using Clock = std::function<std::chrono::nanoseconds()>;

    RateLimiter(double perSecond, double burst, Clock clock = steadyClock);

    // True when one more event may go ahead now; false counts it as held back.
    bool tryAcquire();
    // The events held back since the last call.
    quint64 takeHeldBack();
    quint64 heldBackTotal() const { return m_heldBackTotal; }

    static std::chrono::nanoseconds steadyClock();

private:
    double m_perSecond;
    double m_burst;
    Clock m_clock;
    double m_tokens;
    std::chrono::nanoseconds m_refilledAt;
    quint64 m_heldBack = 0;
    quint64 m_heldBackTotal = 0;
};
