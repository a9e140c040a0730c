#pragma once

#include <QtGlobal>

namespace parley::sim {

// A token bucket on an injected clock: `capacity` tokens, refilled continuously at `ratePerSec`.
// Used for the throughput cap (130429) and the pair rate (131056).
class TokenBucket
{
public:
    TokenBucket() = default;
    TokenBucket(double ratePerSec, double capacity, qint64 nowMs);

    // Takes one token if there is one.
    bool tryTake(qint64 nowMs);
    double available(qint64 nowMs);

private:
    void refill(qint64 nowMs);

    double m_ratePerMs = 0;
    double m_capacity = 0;
    double m_tokens = 0;
    qint64 m_lastMs = 0;
};

} // namespace parley::sim
