#pragma once

#include "graph/GraphError.h"

#include <QObject>
#include <QSqlDatabase>
#include <QUrl>

#include <functional>

namespace parley::core {

class Clock;
class GraphApi;

// Fetches media into a content-addressed cache beside the store (<cacheDir>/<sha[0:2]>/<sha>):
// GET /<MEDIA_ID> for a URL (valid 5 minutes), download with the bearer token, sha256 checked
// against Meta's, recorded in media_cache. An expired URL (404) is refreshed once. Failures are
// recorded (state failed, attempts, error) so that they are visible and retried.
class MediaFetcher : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        QString mediaId;
        QString path; // absolute path in the cache
        QString sha256; // hex
        QString mimeType;
        qint64 size = 0;
        bool cached = false; // already there, no request made
        GraphError error;

        bool ok() const { return !error.isError(); }
    };

    MediaFetcher(QSqlDatabase db, GraphApi *graph, Clock *clock, QString cacheDir,
        QObject *parent = nullptr);

    void fetch(const QString &mediaId, const QString &phoneNumberId,
        std::function<void(const Result &)> done);
    // The same, trying first the URL an inbound webhook carried (Meta adds it since Nov 2025):
    // one request saved; when it has expired (or fails), a fresh one from GET /<MEDIA_ID>.
    // `expectedSha256` / `mimeType` come from the webhook (empty: not checked / unknown).
    void fetchFrom(const QString &mediaId, const QString &phoneNumberId, const QUrl &webhookUrl,
        const QString &expectedSha256, const QString &mimeType,
        std::function<void(const Result &)> done);
    // Inbound messages with a media id that is not fetched yet (nor failed `maxAttempts` times):
    // fetches up to `max` of them. Returns how many were started.
    int fetchPending(int max, int maxAttempts = 5);

    QString cacheDir() const { return m_cacheDir; }

    // The cache beside a store: "<store path>.media".
    static QString defaultCacheDir(const QString &databasePath);
    // Where a media id's file is when it has been fetched (and is still there), else empty. For
    // views (thumbnails) on any thread with their own connection. media_cache columns:
    // docs/architecture.md.
    static QString cachedPath(QSqlDatabase db, const QString &cacheDir, const QString &mediaId);

Q_SIGNALS:
    void fetched(const parley::core::MediaFetcher::Result &result);

private:
    // webhookSha256: what the webhook said (checked instead of GET's answer when given).
    void resolve(const QString &mediaId, const QString &phoneNumberId, int urlAttempt,
        const QString &webhookSha256, std::function<void(const Result &)> done);
    void download(Result r, const QUrl &url, const QString &expected, const QString &webhookSha256,
        const QString &phoneNumberId, int urlAttempt, std::function<void(const Result &)> done);
    bool cached(const QString &mediaId, Result *r);
    void record(const Result &r, const QString &state);

    QSqlDatabase m_db;
    GraphApi *m_graph;
    Clock *m_clock;
    QString m_cacheDir;
};

} // namespace parley::core
