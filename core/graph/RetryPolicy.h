#pragma once

#include <QtGlobal>

namespace parley::core {

// Retry policy as data: attempts, base delay, growth factor, cap, jitter. Delays use "full
// jitter": a uniform draw in [0, min(cap, base * factor^attempt)], so that many clients hit by the
// same throttle do not retry in lock-step.
struct RetryPolicy
{
    int maxAttempts = 8; // attempts in total (the first send included) before `dead`
    qint64 baseMs = 1000;
    double factor = 2.0;
    qint64 capMs = 5 * 60 * 1000;
    bool fullJitter = true;
    qint64 minMs = 0; // floor after jitter (e.g. pair-rate spacing)

    // Upper bound of the delay before retry number `retry` (0 = first retry).
    qint64 ceilingMs(int retry) const;
    // The delay for `retry`, with unit01 a uniform draw in [0, 1).
    qint64 delayMs(int retry, double unit01) const;

    // 5xx, 131000, 131016, network: 1 s, 2 s, 4 s ... capped at 5 min.
    static RetryPolicy transient() { return {}; }
    // Throttling (4, 80007, 130429, 131056, 131057): Meta's 4^X seconds guidance.
    static RetryPolicy throttle()
    {
        RetryPolicy p;
        p.maxAttempts = 10;
        p.baseMs = 1000;
        p.factor = 4.0;
        p.capMs = 15 * 60 * 1000;
        return p;
    }
};

} // namespace parley::core
