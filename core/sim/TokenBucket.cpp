#include "sim/TokenBucket.h"

#include <algorithm>

namespace parley::sim {

TokenBucket::TokenBucket(double ratePerSec, double capacity, qint64 nowMs)
    : m_ratePerMs(ratePerSec / 1000.0), m_capacity(std::max(1.0, capacity)), m_tokens(m_capacity),
      m_lastMs(nowMs)
{
}

void TokenBucket::refill(qint64 nowMs)
{
    if (nowMs > m_lastMs) {
        m_tokens = std::min(m_capacity, m_tokens + double(nowMs - m_lastMs) * m_ratePerMs);
        m_lastMs = nowMs;
    }
}

bool TokenBucket::tryTake(qint64 nowMs)
{
    refill(nowMs);
    // A small epsilon so that accumulated rounding never denies a token that is due.
    if (m_tokens + 1e-9 < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

double TokenBucket::available(qint64 nowMs)
{
    refill(nowMs);
    return m_tokens;
}

} // namespace parley::sim
