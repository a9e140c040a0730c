#pragma once

#include "outbox/OutboxStore.h"
#include "outbox/SchedulerOptions.h"
#include "outbox/TokenBucket.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

namespace parley::core {

class Clock;
class GraphApi;
struct GraphResult;

// Drains the outbox within Meta's limits (FACTS.md §8): a token bucket per business number,
// FIFO and pair-rate pacing per recipient (one message in flight per recipient, in id order),
// enough requests in flight to reach the rate at the measured latency, exponential backoff with
// full jitter on throttling / 5xx / network errors (per number or per recipient as the code
// implies), permanent errors failed at once, `dead` after the retry budget. Results are recorded
// in batches (one transaction per tick). Lives on the thread of its store connection.
class Scheduler : public QObject
{
    Q_OBJECT
public:
    Scheduler(OutboxStore *store, GraphApi *graph, Clock *clock, SchedulerOptions options,
        QObject *parent = nullptr);
    ~Scheduler() override;

    // Uniform [0, 1) draws for the jitter; tests inject a fixed sequence.
    void setRandom(std::function<double()> random) { m_random = std::move(random); }
    const QString &owner() const { return m_owner; }
    const SchedulerOptions &options() const { return m_options; }
    // The default rate of every number without a rate of its own.
    void setMessagesPerSecond(double mps);
    // One number's rate (validated by the caller: NumberRates); 0 removes the override.
    void setNumberMessagesPerSecond(const QString &phoneNumberId, double mps);
    // The rate this number is paced at: options.numberMessagesPerSecond, else the store's
    // settings (NumberRates), else options.messagesPerSecond.
    double messagesPerSecond(const QString &phoneNumberId) const;

    // Marks rows left `sending` by a dead process as unknown, then drains on a timer.
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    // false: claim nothing new (answers still recorded), e.g. before a CLI exits.
    void setClaiming(bool claiming) { m_claiming = claiming; }

    // One step: record finished sends, resolve expired leases, claim and send what the limits
    // allow. Returns ms until the next step is useful (-1: nothing queued, nothing in flight).
    // The timer calls it; tests with a ManualClock call it directly.
    qint64 pump();
    // A row was enqueued or retried: pump soon.
    void wake();

    int inFlight() const { return m_inFlight; }
    int maxInFlight() const;
    qint64 numberPausedUntilMs(const QString &phoneNumberId) const
    {
        return m_numberPausedUntil.value(phoneNumberId);
    }

    struct Counters
    {
        qint64 sent = 0; // HTTP requests made
        qint64 accepted = 0;
        qint64 retried = 0;
        qint64 failed = 0;
        qint64 dead = 0;
        qint64 throttled = 0; // throttling answers (4, 80007, 130429, 131056, 131057...)
    };
    const Counters &counters() const { return m_counters; }

Q_SIGNALS:
    void entryChanged(const parley::core::OutboxEntry &entry);
    // Nothing queued and nothing in flight.
    void drained();

private:
    void send(const OutboxEntry &entry);
    void onResult(const OutboxEntry &entry, qint64 startedMs, const GraphResult &result);
    QList<OutboxEntry> flush();
    bool admit(const OutboxEntry &entry, qint64 nowMs);
    TokenBucket &numberBucket(const QString &phoneNumberId, qint64 nowMs);
    TokenBucket &pairBucket(const QString &key, qint64 nowMs);
    void schedule(qint64 ms);
    void reloadRates(qint64 nowMs);
    void updateQueueGauges(qint64 nowMs);
    void applyRates(qint64 nowMs);

    OutboxStore *m_store;
    GraphApi *m_graph;
    Clock *m_clock;
    SchedulerOptions m_options;
    QString m_owner;
    std::function<double()> m_random;
    QTimer m_timer;
    bool m_running = false;
    bool m_inPump = false;
    bool m_claiming = true;
    int m_inFlight = 0;
    double m_latencyMs = 100; // EWMA of request latency
    qint64 m_lastHousekeepingMs = 0;
    QHash<QString, TokenBucket> m_numberBuckets;
    QHash<QString, double> m_storedRates; // NumberRates from the settings table
    qint64 m_ratesLoadedMs = -1;
    bool m_severalNumbers = false; // more than one business number has queued rows
    qint64 m_numbersCheckedMs = -1;
    QHash<QString, TokenBucket> m_pairBuckets;
    QHash<QString, qint64> m_numberPausedUntil;
    QHash<QString, int> m_numberStrikes;
    QList<OutboxStore::Outcome> m_pending;
    QList<OutboxStore::Outcome> m_lastFlushed; // recorded in the open tick transaction
    Counters m_counters;
};

} // namespace parley::core
