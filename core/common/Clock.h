#pragma once

#include <QDateTime>
#include <QtGlobal>

#include <atomic>

namespace parley::core {

// Time behind an interface: rate limiters, backoff, session windows and media expiry are tested
// with ManualClock; nothing in a test sleeps to let time pass.
class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds since the Unix epoch.
    virtual qint64 nowMs() const = 0;
    // A monotonic reading in milliseconds, for measuring intervals.
    virtual qint64 monotonicMs() const { return nowMs(); }
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
    qint64 nowSecs() const { return nowMs() / 1000; }

    // The process-wide system clock.
    static Clock *system();
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
    qint64 monotonicMs() const override;
};

class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'700'000'000'000) : m_ms(startMs) { }
    qint64 nowMs() const override { return m_ms.load(); }
    void advanceMs(qint64 ms) { m_ms += ms; }
    void setMs(qint64 ms) { m_ms = ms; }

private:
    std::atomic<qint64> m_ms;
};

} // namespace parley::core
