#pragma once

#include <QtGlobal>

#include <algorithm>

namespace parley::core {

// A token bucket on an injected time line (ms): `rate` tokens per second, at most `capacity`.
// Used for a number's throughput and for the pair rate per recipient.
class TokenBucket
{
public:
    TokenBucket() = default;
    TokenBucket(double ratePerSecond, double capacity, qint64 nowMs)
        : m_rate(ratePerSecond), m_capacity(std::max(1.0, capacity)), m_tokens(m_capacity),
          m_lastMs(nowMs)
    {
    }

    double available(qint64 nowMs)
    {
        refill(nowMs);
        return m_tokens;
    }
    bool tryTake(qint64 nowMs)
    {
        refill(nowMs);
        if (m_tokens < 1.0)
            return false;
        m_tokens -= 1.0;
        return true;
    }
    // ms until one token is available (0 when one is).
    qint64 msUntilToken(qint64 nowMs)
    {
        refill(nowMs);
        if (m_tokens >= 1.0 || m_rate <= 0)
            return 0;
        return qint64((1.0 - m_tokens) * 1000.0 / m_rate) + 1;
    }
    // Full again (capacity reached) at or before this time: the bucket can be forgotten.
    bool isFull(qint64 nowMs)
    {
        refill(nowMs);
        return m_tokens >= m_capacity;
    }
    double rate() const { return m_rate; }
    // A new rate from now on (tokens earned so far are kept, up to the new capacity).
    void setRate(double ratePerSecond, double capacity, qint64 nowMs)
    {
        refill(nowMs);
        m_rate = ratePerSecond;
        m_capacity = std::max(1.0, capacity);
        m_tokens = std::min(m_tokens, m_capacity);
    }

private:
    void refill(qint64 nowMs)
    {
        if (nowMs > m_lastMs) {
            m_tokens = std::min(m_capacity, m_tokens + double(nowMs - m_lastMs) * m_rate / 1000.0);
            m_lastMs = nowMs;
        }
    }

    double m_rate = 1;
    double m_capacity = 1;
    double m_tokens = 1;
    qint64 m_lastMs = 0;
};

} // namespace parley::core
