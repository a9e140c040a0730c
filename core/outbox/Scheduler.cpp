#include "outbox/Scheduler.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "common/Metrics.h"
#include "graph/ErrorTable.h"
#include "graph/GraphApi.h"
#include "outbox/NumberRates.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace parley::core {

Scheduler::Scheduler(
    OutboxStore *store, GraphApi *graph, Clock *clock, SchedulerOptions options, QObject *parent)
    : QObject(parent), m_store(store), m_graph(graph), m_clock(clock), m_options(options),
      m_owner(QStringLiteral("%1:%2")
                  .arg(QCoreApplication::applicationPid())
                  .arg(QUuid::createUuid().toString(QUuid::Id128).left(12))),
      m_random([] { return QRandomGenerator::global()->generateDouble(); })
{
    // Families that only grow on trouble are exported from the start, at 0: a scrape tells
    // "none" from "not measured".
    Metrics &metrics = Metrics::global();
    metrics.counter("parley_send_retries_total", "Send attempts that will be retried");
    metrics.counter("parley_send_dead_total", "Rows dead after the retry budget");
    for (const char *scope : {"number", "recipient"})
        metrics.counter("parley_send_throttle_wait_seconds_total",
            "Time sends were held back by throttling answers, by scope",
            {{"scope", QByteArray(scope)}});
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const qint64 next = pump();
        if (m_running)
            schedule(next < 0 ? m_options.idleProbeMs : next);
    });
}

Scheduler::~Scheduler()
{
    if (m_running)
        m_store->removeDrainer(m_owner);
}

void Scheduler::setMessagesPerSecond(double mps)
{
    m_options.messagesPerSecond = std::clamp(mps, 1.0, NumberRates::kMaximum);
    applyRates(m_clock->nowMs());
}

void Scheduler::setNumberMessagesPerSecond(const QString &phoneNumberId, double mps)
{
    if (mps <= 0)
        m_options.numberMessagesPerSecond.remove(phoneNumberId);
    else
        m_options.numberMessagesPerSecond.insert(
            phoneNumberId, std::clamp(mps, 1.0, NumberRates::kMaximum));
    applyRates(m_clock->nowMs());
}

double Scheduler::messagesPerSecond(const QString &phoneNumberId) const
{
    if (auto it = m_options.numberMessagesPerSecond.constFind(phoneNumberId);
        it != m_options.numberMessagesPerSecond.cend())
        return *it;
    if (auto it = m_storedRates.constFind(phoneNumberId); it != m_storedRates.cend())
        return *it;
    return m_options.messagesPerSecond;
}

void Scheduler::reloadRates(qint64 nowMs)
{
    m_ratesLoadedMs = nowMs;
    if (!m_options.useStoredRates)
        return;
    QString error;
    QHash<QString, double> rates = NumberRates::load(m_store->database(), &error);
    if (!error.isEmpty()) {
        qCWarning(lcOutbox).noquote() << "cannot read the numbers' throughput settings:" << error;
        return;
    }
    if (rates == m_storedRates)
        return;
    m_storedRates = std::move(rates);
    applyRates(nowMs);
}

// Each number's bucket follows its rate; the tokens it has earned are kept.
void Scheduler::applyRates(qint64 nowMs)
{
    for (auto it = m_numberBuckets.begin(); it != m_numberBuckets.end(); ++it) {
        const double rate = messagesPerSecond(it.key());
        if (it->rate() != rate) {
            qCInfo(lcOutbox).noquote()
                << "number" << it.key() << "throughput" << rate << "messages/s";
            it->setRate(rate, rate * m_options.burstSeconds, nowMs);
        }
    }
}

void Scheduler::start()
{
    m_running = true;
    for (const OutboxEntry &e : m_store->markExpiredLeasesUnknown())
        Q_EMIT entryChanged(e);
    m_store->heartbeat(m_owner);
    m_lastHousekeepingMs = m_clock->nowMs();
    schedule(0);
}

void Scheduler::stop()
{
    m_running = false;
    m_timer.stop();
    m_store->beginBatch();
    const QList<OutboxEntry> recorded = flush();
    if (m_store->commitBatch()) {
        for (const OutboxEntry &e : recorded)
            Q_EMIT entryChanged(e);
    }
    m_lastFlushed.clear();
    m_store->removeDrainer(m_owner);
}

void Scheduler::wake()
{
    if (m_running)
        schedule(0);
}

void Scheduler::schedule(qint64 ms)
{
    ms = std::clamp<qint64>(ms, 0, 60'000);
    if (m_timer.isActive() && m_timer.remainingTime() <= ms)
        return;
    m_timer.start(int(ms));
}

int Scheduler::maxInFlight() const
{
    if (m_options.maxInFlight > 0)
        return m_options.maxInFlight;
    // Little's law with headroom: the rate times the measured latency, doubled. The rate is the
    // sum of the numbers' rates (each has its own bucket).
    double rate = 0;
    for (auto it = m_numberBuckets.cbegin(); it != m_numberBuckets.cend(); ++it)
        rate += it->rate();
    if (rate <= 0)
        rate = m_options.messagesPerSecond;
    const double needed = 2.0 * rate * m_latencyMs / 1000.0;
    return std::clamp(int(std::ceil(needed)) + 4, 4, m_options.maxInFlightCap);
}

TokenBucket &Scheduler::numberBucket(const QString &phoneNumberId, qint64 nowMs)
{
    auto it = m_numberBuckets.find(phoneNumberId);
    if (it == m_numberBuckets.end()) {
        const double rate = messagesPerSecond(phoneNumberId);
        it = m_numberBuckets.insert(
            phoneNumberId, TokenBucket(rate, rate * m_options.burstSeconds, nowMs));
    }
    return *it;
}

TokenBucket &Scheduler::pairBucket(const QString &key, qint64 nowMs)
{
    auto it = m_pairBuckets.find(key);
    if (it == m_pairBuckets.end()) {
        it = m_pairBuckets.insert(
            key, TokenBucket(1.0 / m_options.pairIntervalSeconds, m_options.pairBurst, nowMs));
    }
    return *it;
}

bool Scheduler::admit(const OutboxEntry &e, qint64 now)
{
    if (m_numberPausedUntil.value(e.phoneNumberId) > now)
        return false;
    TokenBucket &number = numberBucket(e.phoneNumberId, now);
    if (number.available(now) < 1.0)
        return false;
    TokenBucket &pair = pairBucket(e.phoneNumberId + QLatin1Char('|') + e.recipient.key(), now);
    if (pair.available(now) < 1.0)
        return false;
    number.tryTake(now);
    pair.tryTake(now);
    return true;
}

qint64 Scheduler::pump()
{
    if (m_inPump)
        return 0;
    m_inPump = true;
    const qint64 now = m_clock->nowMs();
    if (m_ratesLoadedMs < 0 || now - m_ratesLoadedMs >= 5000)
        reloadRates(now); // `parleyctl outbox rate` takes effect within seconds
    // One transaction per tick: the answers that came in, and the rows claimed next. Claims are
    // committed before any request leaves (crash safety: no row is sent while still `queued`).
    m_store->beginBatch();
    const QList<OutboxEntry> recorded = flush();
    int slots = maxInFlight() - m_inFlight;
    // Ask the store for no more rows than the buckets can let go now: every candidate read is
    // parsed, and at 1,000 mps a tick only has a few tokens.
    if (!m_numberBuckets.isEmpty()) {
        double tokens = 0;
        for (auto it = m_numberBuckets.begin(); it != m_numberBuckets.end(); ++it)
            tokens += it->available(now);
        // A number not seen yet has a full bucket.
        tokens += m_options.messagesPerSecond * m_options.burstSeconds;
        slots = std::min(slots, int(std::ceil(tokens)));
    }
    QList<OutboxEntry> claimed;
    if (slots > 0 && m_claiming) {
        // Several numbers queued: the rows of a number that cannot send now are not read, so
        // that each number is paced alone. With one number (the common case) that would only
        // make the claim walk every head to find none: the window is read as it is.
        if (m_numbersCheckedMs < 0 || now - m_numbersCheckedMs >= 1000) {
            m_numbersCheckedMs = now;
            m_severalNumbers = m_store->queuedNumbers(2).size() > 1;
        }
        QStringList blocked;
        std::function<bool(const QString &)> numberOpen;
        if (m_severalNumbers) {
            for (auto it = m_numberBuckets.begin(); it != m_numberBuckets.end(); ++it) {
                if (m_numberPausedUntil.value(it.key()) > now || it->available(now) < 1.0)
                    blocked.append(it.key());
            }
            numberOpen = [this, now](const QString &number) {
                return m_numberPausedUntil.value(number) <= now
                    && numberBucket(number, now).available(now) >= 1.0;
            };
        }
        claimed = m_store->claim(
            slots, m_owner, m_options.leaseMs,
            [this, now](const OutboxEntry &e) { return admit(e, now); }, blocked, numberOpen);
    }
    if (!m_store->commitBatch()) {
        qCWarning(lcOutbox) << "tick not committed; answers kept for the next tick";
        m_pending = m_lastFlushed + m_pending;
        claimed.clear();
    } else {
        for (const OutboxEntry &e : recorded)
            Q_EMIT entryChanged(e);
    }
    m_lastFlushed.clear();
    const int claimedCount = int(claimed.size());
    for (const OutboxEntry &e : claimed) {
        Q_EMIT entryChanged(e);
        send(e);
    }
    if (now - m_lastHousekeepingMs >= 1000) {
        m_lastHousekeepingMs = now;
        for (const OutboxEntry &e : m_store->markExpiredLeasesUnknown())
            Q_EMIT entryChanged(e);
        if (m_running)
            m_store->heartbeat(m_owner);
        updateQueueGauges(now);
        // Forget pair buckets that are full again: they hold no information.
        for (auto it = m_pairBuckets.begin(); it != m_pairBuckets.end();) {
            if (it->isFull(now))
                it = m_pairBuckets.erase(it);
            else
                ++it;
        }
    }
    m_inPump = false;
    // Something was recorded while sending (a synchronous answer): go again soon.
    if (!m_pending.isEmpty())
        return 1;
    if (claimedCount > 0 && claimedCount == slots)
        return std::max(1, m_options.batchWindowMs / 2); // more may be due: come back soon
    const qint64 nextDue = m_store->nextDueAtMs();
    Metrics::global().gauge("parley_send_in_flight", "Send requests in flight").set(m_inFlight);
    if (!m_store->hasQueued()) {
        if (m_inFlight == 0) {
            Q_EMIT drained();
            return -1;
        }
        return m_options.idleProbeMs;
    }
    qint64 wait = m_options.idleProbeMs;
    if (nextDue > now)
        wait = std::min(wait, nextDue - now);
    // Queued and due but nothing claimed: waiting on a bucket or a pause.
    for (auto it = m_numberBuckets.begin(); it != m_numberBuckets.end(); ++it)
        wait = std::min(wait, std::max<qint64>(1, it->msUntilToken(now)));
    for (auto it = m_numberPausedUntil.cbegin(); it != m_numberPausedUntil.cend(); ++it) {
        if (it.value() > now)
            wait = std::min(wait, it.value() - now);
    }
    return std::max<qint64>(1, wait);
}

// Queue depth and age, and the rows that need someone (dead, unknown), once a second.
void Scheduler::updateQueueGauges(qint64 nowMs)
{
    Metrics &metrics = Metrics::global();
    metrics.gauge("parley_outbox_queued", "Outbox rows waiting to be sent")
        .set(m_store->queuedCount());
    const qint64 oldest = m_store->oldestQueuedCreatedAtMs();
    metrics
        .gauge("parley_outbox_oldest_queued_age_seconds",
            "Age of the oldest queued outbox row (0: nothing queued)")
        .set(oldest > 0 ? double(std::max<qint64>(0, nowMs - oldest)) / 1000.0 : 0.0);
    metrics
        .gauge("parley_outbox_rows",
            "Outbox rows that wait for an operator (dead letters, unknown)", {{"state", "dead"}})
        .set(m_store->countInState(OutboxState::Dead));
    metrics
        .gauge("parley_outbox_rows",
            "Outbox rows that wait for an operator (dead letters, unknown)", {{"state", "unknown"}})
        .set(m_store->countInState(OutboxState::Unknown));
    int paused = 0;
    for (auto it = m_numberPausedUntil.cbegin(); it != m_numberPausedUntil.cend(); ++it)
        paused += it.value() > nowMs ? 1 : 0;
    metrics.gauge("parley_send_numbers_paused", "Business numbers paused by a throttling answer")
        .set(paused);
}

void Scheduler::send(const OutboxEntry &e)
{
    QJsonObject body = e.message;
    body.insert(QStringLiteral("messaging_product"), QStringLiteral("whatsapp"));
    body.insert(QStringLiteral("recipient_type"), QStringLiteral("individual"));
    if (!e.recipient.phone.isEmpty())
        body.insert(QStringLiteral("to"), e.recipient.phone);
    else
        body.insert(QStringLiteral("recipient"), e.recipient.bsuid);
    body.insert(QStringLiteral("biz_opaque_callback_data"), OutboxStore::callbackData(e.id));
    ++m_inFlight;
    ++m_counters.sent;
    const qint64 started = m_clock->nowMs();
    m_graph->post(e.phoneNumberId + QStringLiteral("/messages"), body, this,
        [this, e, started](const GraphResult &r) { onResult(e, started, r); });
}

void Scheduler::onResult(const OutboxEntry &e, qint64 startedMs, const GraphResult &r)
{
    --m_inFlight;
    if (r.latencyMs > 0)
        m_latencyMs = 0.9 * m_latencyMs + 0.1 * double(r.latencyMs);
    const qint64 now = m_clock->nowMs();
    Metrics &metrics = Metrics::global();
    metrics
        .histogram(
            "parley_send_latency_seconds", "Graph API send latency", {{"type", e.type.toUtf8()}})
        .observe(double(r.latencyMs) / 1000.0);
    OutboxStore::Outcome o;
    o.id = e.id;
    o.attempt = e.attempts;
    o.startedAtMs = startedMs;
    o.httpStatus = r.httpStatus;
    o.latencyMs = r.latencyMs;
    o.error = r.error;
    if (r.ok()) {
        o.wamid = r.body.value(QLatin1String("messages"))
                      .toArray()
                      .at(0)
                      .toObject()
                      .value(QLatin1String("id"))
                      .toString();
        if (o.wamid.isEmpty()) {
            // A 200 without a message id: the send may have happened; never resend blindly.
            o.error = GraphError::local(LocalError::UnknownAfterCrash,
                QStringLiteral("Accepted without a message id"),
                QStringLiteral("waiting for a status webhook or an explicit retry"));
            o.state = OutboxState::Failed;
            o.action = ErrorAction::RetryLater;
        } else {
            o.state = OutboxState::Accepted;
            ++m_counters.accepted;
            m_numberStrikes.remove(e.phoneNumberId);
        }
    } else {
        const ErrorClass c = ErrorTable::classify(r.error);
        o.action = c.action;
        if (c.throttle)
            ++m_counters.throttled;
        if (c.retryable) {
            const RetryPolicy &policy = c.throttle ? m_options.throttle : m_options.transient;
            if (e.attempts >= policy.maxAttempts) {
                o.state = OutboxState::Dead;
                ++m_counters.dead;
            } else {
                o.state = OutboxState::Queued;
                o.nextAttemptAtMs = now + policy.delayMs(e.attempts - 1, m_random());
                ++m_counters.retried;
            }
            if (c.scope == RetryScope::Number) {
                // The whole number waits, 4^X with full jitter. X grows once per episode: only
                // a request sent after the previous pause ended escalates it, not the answers of
                // the requests that were already in flight when the storm began.
                const qint64 pausedUntil = m_numberPausedUntil.value(e.phoneNumberId);
                if (startedMs >= pausedUntil) {
                    const int strike = m_numberStrikes.value(e.phoneNumberId);
                    m_numberStrikes.insert(e.phoneNumberId, strike + 1);
                    const qint64 until = now + m_options.throttle.delayMs(strike, m_random());
                    m_numberPausedUntil.insert(e.phoneNumberId, std::max(pausedUntil, until));
                    const qint64 waitMs = std::max(pausedUntil, until) - std::max(now, pausedUntil);
                    metrics
                        .counter("parley_send_throttle_wait_seconds_total",
                            "Time sends were held back by throttling answers, by scope",
                            {{"scope", "number"}})
                        .inc(double(std::max<qint64>(0, waitMs)) / 1000.0);
                    qCInfo(lcOutbox).noquote()
                        << "outbox" << e.id << "number" << e.phoneNumberId << "paused"
                        << std::max<qint64>(0, waitMs) << "ms after" << r.error.logSummary();
                }
                // The row goes again when the number may send again.
                if (o.state == OutboxState::Queued)
                    o.nextAttemptAtMs = m_numberPausedUntil.value(e.phoneNumberId);
            } else if (c.throttle && o.state == OutboxState::Queued) {
                // 131056: only this recipient waits (its head row carries the delay).
                metrics
                    .counter("parley_send_throttle_wait_seconds_total",
                        "Time sends were held back by throttling answers, by scope",
                        {{"scope", "recipient"}})
                    .inc(double(o.nextAttemptAtMs - now) / 1000.0);
            }
        } else {
            o.state = OutboxState::Failed;
            ++m_counters.failed;
        }
        qCInfo(lcOutbox).noquote()
            << "outbox" << e.id << "attempt" << e.attempts << QStringLiteral("type=") + e.type
            << r.error.logSummary() << "->" << outboxStateName(o.state)
            << "action=" << errorActionName(o.action);
    }
    const QByteArray code = r.error.isError() ? QByteArray::number(r.error.code) : QByteArray("0");
    metrics
        .counter("parley_send_outcomes_total", "Send attempts by type, outcome and error code",
            {{"type", e.type.toUtf8()}, {"outcome", outboxStateName(o.state).toUtf8()},
                {"code", code}})
        .inc();
    if (o.state == OutboxState::Queued)
        metrics.counter("parley_send_retries_total", "Send attempts that will be retried").inc();
    if (o.state == OutboxState::Dead)
        metrics.counter("parley_send_dead_total", "Rows dead after the retry budget").inc();
    if (r.error.isError() && ErrorTable::classify(r.error).throttle)
        metrics
            .counter("parley_send_throttled_total",
                "Throttling answers (4, 80007, 130429, 131056...)", {{"code", code}})
            .inc();
    m_pending.append(o);
    if (m_running)
        schedule(m_pending.size() >= 256 ? 0 : m_options.batchWindowMs);
}

QList<OutboxEntry> Scheduler::flush()
{
    if (m_pending.isEmpty())
        return {};
    m_lastFlushed = std::exchange(m_pending, {});
    const QList<OutboxEntry> changed = m_store->record(m_lastFlushed, m_owner);
    for (const OutboxEntry &e : changed) {
        if (e.state == OutboxState::Accepted)
            qCDebug(lcOutbox).noquote() << "outbox" << e.id << "accepted wamid=" << e.wamid;
    }
    return changed;
}

} // namespace parley::core
