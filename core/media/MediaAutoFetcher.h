#pragma once

#include "graph/RetryPolicy.h"
#include "media/MediaFetcher.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QStringList>
#include <QTimer>

namespace parley::core {

class Clock;
class GraphApi;

// Fetches inbound media as soon as its message is stored (FACTS.md §4): the ingest pipeline
// reports the new message ids of each committed batch (IngestPipeline::ingested) and this fetches
// the media among them into the cache beside the store, through MediaFetcher (webhook URL first,
// a fresh URL when it has expired, sha256 checked). A failed fetch is retried with a bounded
// exponential backoff; after `retry.maxAttempts` it stays `failed` in media_cache (visible in
// `parleyctl media list --state failed` and in the parley_media_* metrics). At start it catches up
// with media of the last 7 days (Meta's lifetime of an inbound media id) not fetched yet.
// Lives on the thread of its connection and Graph client (see MediaAutoFetch for a thread).
class MediaAutoFetcher : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        // 2 s, 4 s, 8 s, 16 s between the 5 attempts (no jitter: one client, one media server).
        RetryPolicy retry{5, 2000, 2.0, 5 * 60 * 1000, false, 0};
        int maxConcurrent = 4;
        qint64 catchUpWindowMs = 7LL * 24 * 3600 * 1000; // inbound media ids live 7 days
    };

    MediaAutoFetcher(QSqlDatabase db, GraphApi *graph, Clock *clock, QString cacheDir,
        Options options, QObject *parent = nullptr);
    MediaAutoFetcher(QSqlDatabase db, GraphApi *graph, Clock *clock, QString cacheDir,
        QObject *parent = nullptr);

    // Queues the media not fetched yet (nor given up on) of inbound messages in the window.
    int catchUp();
    // Queues the media of these messages (ids of a committed ingest batch); others are ignored.
    int addMessages(const QStringList &messageIds);
    // Starts what is due, up to maxConcurrent in flight. Returns ms until a queued retry is due
    // (-1: nothing waits). A timer calls it; tests with a ManualClock call it directly.
    qint64 pump();

    int inFlight() const { return m_inFlight; }
    int waiting() const { return int(m_queue.size()); }
    MediaFetcher *fetcher() { return &m_fetcher; }

Q_SIGNALS:
    void fetched(const QString &mediaId, const QString &path);
    // A failed attempt; `final` when no retry follows (state failed in media_cache).
    void failed(const QString &mediaId, const QString &error, bool final);

private:
    struct Job
    {
        QString mediaId;
        QString phoneNumberId;
        QString url; // from the webhook, may be empty
        QString sha256;
        QString mimeType;
        int attempts = 0; // done so far (media_cache.attempts)
        qint64 dueAtMs = 0;
    };
    int addFromQuery(class QSqlQuery &q);
    void start(const Job &job);
    void schedule(qint64 ms);
    void updateGauges();

    QSqlDatabase m_db;
    Clock *m_clock;
    Options m_options;
    MediaFetcher m_fetcher;
    QList<Job> m_queue;
    QHash<QString, bool> m_known; // queued or in flight, by media id
    int m_inFlight = 0;
    QTimer m_timer;
};

} // namespace parley::core
