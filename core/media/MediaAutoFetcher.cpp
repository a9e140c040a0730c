#include "media/MediaAutoFetcher.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "common/Metrics.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace parley::core {

namespace {

// The media of inbound messages: id, number, the webhook's URL (in raw_json), sha256, MIME, and
// what media_cache knows (attempts; NULL when never tried).
const char kSelect[]
    = "SELECT m.media_id, m.phone_number_id, json_extract(m.raw_json, '$.' || m.type || '.url'), "
      "m.sha256, m.mime_type, c.attempts, c.updated_at FROM messages m LEFT JOIN media_cache c ON "
      "c.media_id = m.media_id WHERE m.direction = 'in' AND m.media_id IS NOT NULL AND "
      "(c.media_id IS NULL OR (c.state = 'failed' AND c.attempts < ?)) ";

Metrics::Counter &outcome(const char *name)
{
    return Metrics::global().counter("parley_media_fetch_total",
        "Inbound media fetch attempts by outcome (fetched, retry, failed)",
        {{"outcome", QByteArray(name)}});
}

} // namespace

MediaAutoFetcher::MediaAutoFetcher(QSqlDatabase db, GraphApi *graph, Clock *clock, QString cacheDir,
    Options options, QObject *parent)
    : QObject(parent), m_db(db), m_clock(clock), m_options(options),
      m_fetcher(db, graph, clock, std::move(cacheDir))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const qint64 next = pump();
        if (next >= 0)
            schedule(next);
    });
}

MediaAutoFetcher::MediaAutoFetcher(
    QSqlDatabase db, GraphApi *graph, Clock *clock, QString cacheDir, QObject *parent)
    : MediaAutoFetcher(std::move(db), graph, clock, std::move(cacheDir), Options(), parent)
{
}

int MediaAutoFetcher::addFromQuery(QSqlQuery &q)
{
    int added = 0;
    while (q.next()) {
        Job job;
        job.mediaId = q.value(0).toString();
        if (job.mediaId.isEmpty() || m_known.contains(job.mediaId))
            continue;
        job.phoneNumberId = q.value(1).toString();
        job.url = q.value(2).toString();
        job.sha256 = q.value(3).toString();
        job.mimeType = q.value(4).toString();
        job.attempts = q.value(5).toInt();
        // A failed fetch waits its backoff from its last attempt (also across restarts).
        job.dueAtMs = job.attempts > 0
            ? q.value(6).toLongLong() + m_options.retry.delayMs(job.attempts - 1, 1.0)
            : 0;
        m_known.insert(job.mediaId, true);
        m_queue.append(job);
        ++added;
    }
    if (added > 0) {
        updateGauges();
        schedule(0);
    }
    return added;
}

int MediaAutoFetcher::catchUp()
{
    QSqlQuery q(m_db);
    q.prepare(QString::fromLatin1(kSelect)
        + QStringLiteral("AND m.received_at >= ? ORDER BY m.received_at"));
    q.addBindValue(m_options.retry.maxAttempts);
    q.addBindValue(m_clock->nowMs() - m_options.catchUpWindowMs);
    if (!q.exec()) {
        qCWarning(lcMedia).noquote() << "media catch-up query failed:" << q.lastError().text();
        return 0;
    }
    const int added = addFromQuery(q);
    if (added > 0)
        qCInfo(lcMedia) << "catching up with" << added << "inbound media not fetched yet";
    return added;
}

int MediaAutoFetcher::addMessages(const QStringList &messageIds)
{
    int added = 0;
    // Primary-key lookups, a few hundred ids at a time (SQLite's bound-parameter limit).
    for (qsizetype from = 0; from < messageIds.size(); from += 500) {
        const QStringList ids = messageIds.mid(from, 500);
        QStringList marks(ids.size(), QStringLiteral("?"));
        QSqlQuery q(m_db);
        q.prepare(QString::fromLatin1(kSelect)
            + QStringLiteral("AND m.id IN (%1) ORDER BY m.received_at").arg(marks.join(u',')));
        q.addBindValue(m_options.retry.maxAttempts);
        for (const QString &id : ids)
            q.addBindValue(id);
        if (!q.exec()) {
            qCWarning(lcMedia).noquote() << "media lookup failed:" << q.lastError().text();
            continue;
        }
        added += addFromQuery(q);
    }
    return added;
}

qint64 MediaAutoFetcher::pump()
{
    const qint64 now = m_clock->nowMs();
    qint64 next = -1;
    for (qsizetype i = 0; i < m_queue.size();) {
        if (m_inFlight >= m_options.maxConcurrent)
            return next < 0 ? -1 : next; // a completion pumps again
        const Job &job = m_queue.at(i);
        if (job.dueAtMs > now) {
            next = next < 0 ? job.dueAtMs - now : std::min(next, job.dueAtMs - now);
            ++i;
            continue;
        }
        const Job started = m_queue.takeAt(i);
        start(started);
    }
    updateGauges();
    return next;
}

void MediaAutoFetcher::start(const Job &job)
{
    ++m_inFlight;
    QElapsedTimer timer;
    timer.start();
    m_fetcher.fetchFrom(job.mediaId, job.phoneNumberId, QUrl(job.url), job.sha256, job.mimeType,
        [this, job, timer](const MediaFetcher::Result &r) {
            --m_inFlight;
            Metrics::global()
                .histogram("parley_media_fetch_seconds", "Inbound media fetch time")
                .observe(double(timer.elapsed()) / 1000.0);
            if (r.ok()) {
                m_known.remove(job.mediaId);
                if (!r.cached) {
                    outcome("fetched").inc();
                    Metrics::global()
                        .counter("parley_media_fetch_bytes_total", "Inbound media bytes fetched")
                        .inc(double(r.size));
                }
                qCInfo(lcMedia).noquote()
                    << "media" << job.mediaId << "fetched" << r.size << "bytes sha256=" << r.sha256;
                Q_EMIT fetched(job.mediaId, r.path);
            } else {
                Job again = job;
                again.attempts = job.attempts + 1;
                const QString why = r.error.logSummary();
                if (again.attempts >= m_options.retry.maxAttempts) {
                    m_known.remove(job.mediaId);
                    outcome("failed").inc();
                    qCWarning(lcMedia).noquote() << "media" << job.mediaId << "failed after"
                                                 << again.attempts << "attempts:" << why;
                    Q_EMIT failed(job.mediaId, r.error.title, true);
                } else {
                    again.dueAtMs
                        = m_clock->nowMs() + m_options.retry.delayMs(again.attempts - 1, 1.0);
                    m_queue.append(again);
                    outcome("retry").inc();
                    qCInfo(lcMedia).noquote()
                        << "media" << job.mediaId << "attempt" << again.attempts << why
                        << "-> retry in" << (again.dueAtMs - m_clock->nowMs()) << "ms";
                    Q_EMIT failed(job.mediaId, r.error.title, false);
                }
            }
            updateGauges();
            schedule(0);
        });
}

void MediaAutoFetcher::schedule(qint64 ms)
{
    ms = std::clamp<qint64>(ms, 0, 60'000);
    if (m_timer.isActive() && m_timer.remainingTime() <= ms)
        return;
    m_timer.start(int(ms));
}

void MediaAutoFetcher::updateGauges()
{
    Metrics &metrics = Metrics::global();
    metrics.gauge("parley_media_fetch_queue", "Inbound media waiting to be fetched (retries too)")
        .set(double(m_queue.size()));
    metrics.gauge("parley_media_fetch_in_flight", "Inbound media downloads in flight")
        .set(m_inFlight);
}

} // namespace parley::core
