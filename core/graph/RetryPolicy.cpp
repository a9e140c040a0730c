#include "graph/RetryPolicy.h"

#include <algorithm>
#include <cmath>

namespace parley::core {

qint64 RetryPolicy::ceilingMs(int retry) const
{
    const double raw = double(baseMs) * std::pow(factor, std::max(0, retry));
    return qint64(std::min<double>(raw, double(capMs)));
}

qint64 RetryPolicy::delayMs(int retry, double unit01) const
{
    const qint64 ceiling = ceilingMs(retry);
    qint64 d = fullJitter ? qint64(double(ceiling) * std::clamp(unit01, 0.0, 1.0)) : ceiling;
    return std::max(d, minMs);
}

} // namespace parley::core
