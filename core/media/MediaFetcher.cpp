#include "media/MediaFetcher.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "graph/GraphApi.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QUrlQuery>
#include <QVariant>

namespace parley::core {

namespace {
// Meta documents sha256 as a hex digest; some payloads carry base64. Compare either.
bool sameDigest(const QString &expected, const QString &hex)
{
    if (expected.isEmpty())
        return true;
    if (expected.compare(hex, Qt::CaseInsensitive) == 0)
        return true;
    const QByteArray raw = QByteArray::fromHex(hex.toLatin1());
    return expected == QString::fromLatin1(raw.toBase64())
        || expected == QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding));
}
} // namespace

MediaFetcher::MediaFetcher(
    QSqlDatabase db, GraphApi *graph, Clock *clock, QString cacheDir, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_graph(graph), m_clock(clock),
      m_cacheDir(std::move(cacheDir))
{
}

void MediaFetcher::record(const Result &r, const QString &state)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO media_cache (media_id, sha256, mime_type, size, path, state, attempts, error, "
        "fetched_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?) "
        "ON CONFLICT(media_id) DO UPDATE SET sha256 = COALESCE(excluded.sha256, sha256), "
        "mime_type = COALESCE(excluded.mime_type, mime_type), size = excluded.size, path = "
        "excluded.path, state = excluded.state, attempts = attempts + 1, error = excluded.error, "
        "fetched_at = excluded.fetched_at, updated_at = excluded.updated_at"));
    const qint64 now = m_clock->nowMs();
    q.addBindValue(r.mediaId);
    q.addBindValue(r.sha256.isEmpty() ? QVariant() : QVariant(r.sha256));
    q.addBindValue(r.mimeType.isEmpty() ? QVariant() : QVariant(r.mimeType));
    q.addBindValue(r.size);
    q.addBindValue(
        r.path.isEmpty() ? QVariant() : QVariant(QDir(m_cacheDir).relativeFilePath(r.path)));
    q.addBindValue(state);
    q.addBindValue(r.error.isError()
            ? QVariant(r.error.title + QStringLiteral(": ") + r.error.details)
            : QVariant());
    q.addBindValue(state == QLatin1String("fetched") ? QVariant(now) : QVariant());
    q.addBindValue(now);
    q.exec();
}

QString MediaFetcher::defaultCacheDir(const QString &databasePath)
{
    return databasePath + QStringLiteral(".media");
}

QString MediaFetcher::cachedPath(QSqlDatabase db, const QString &cacheDir, const QString &mediaId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT path FROM media_cache WHERE media_id = ? AND state = "
                             "'fetched' AND path IS NOT NULL"));
    q.addBindValue(mediaId);
    if (!q.exec() || !q.next())
        return {};
    const QString path = QDir(cacheDir).filePath(q.value(0).toString());
    return QFile::exists(path) ? path : QString();
}

bool MediaFetcher::cached(const QString &mediaId, Result *r)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT path, sha256, mime_type, size FROM media_cache WHERE media_id = ? "
                       "AND state = 'fetched'"));
    q.addBindValue(mediaId);
    if (!q.exec() || !q.next())
        return false;
    r->mediaId = mediaId;
    r->path = QDir(m_cacheDir).filePath(q.value(0).toString());
    r->sha256 = q.value(1).toString();
    r->mimeType = q.value(2).toString();
    r->size = q.value(3).toLongLong();
    r->cached = true;
    return QFile::exists(r->path);
}

void MediaFetcher::fetch(
    const QString &mediaId, const QString &phoneNumberId, std::function<void(const Result &)> done)
{
    Result r;
    if (cached(mediaId, &r)) {
        done(r);
        return;
    }
    resolve(mediaId, phoneNumberId, 0, {}, std::move(done));
}

void MediaFetcher::fetchFrom(const QString &mediaId, const QString &phoneNumberId,
    const QUrl &webhookUrl, const QString &expectedSha256, const QString &mimeType,
    std::function<void(const Result &)> done)
{
    Result r;
    if (cached(mediaId, &r)) {
        done(r);
        return;
    }
    if (!webhookUrl.isValid() || webhookUrl.scheme().isEmpty()) {
        resolve(mediaId, phoneNumberId, 0, expectedSha256, std::move(done));
        return;
    }
    Result fresh;
    fresh.mediaId = mediaId;
    fresh.mimeType = mimeType;
    // The webhook's URL takes the place of the first URL: a failure asks for a fresh one.
    download(fresh, webhookUrl, expectedSha256, expectedSha256, phoneNumberId, 0, std::move(done));
}

void MediaFetcher::resolve(const QString &mediaId, const QString &phoneNumberId, int urlAttempt,
    const QString &webhookSha256, std::function<void(const Result &)> done)
{
    QUrlQuery query;
    if (!phoneNumberId.isEmpty())
        query.addQueryItem(QStringLiteral("phone_number_id"), phoneNumberId);
    m_graph->get(mediaId, query, this,
        [this, mediaId, phoneNumberId, urlAttempt, webhookSha256, done = std::move(done)](
            const GraphResult &g) mutable {
            Result r;
            r.mediaId = mediaId;
            if (!g.ok()) {
                r.error = g.error;
                record(r, QStringLiteral("failed"));
                done(r);
                return;
            }
            const QUrl url(g.body.value(QLatin1String("url")).toString());
            r.mimeType = g.body.value(QLatin1String("mime_type")).toString();
            const QString expected = webhookSha256.isEmpty()
                ? g.body.value(QLatin1String("sha256")).toString()
                : webhookSha256;
            download(r, url, expected, webhookSha256, phoneNumberId, urlAttempt, std::move(done));
        });
}

void MediaFetcher::download(Result r, const QUrl &url, const QString &expected,
    const QString &webhookSha256, const QString &phoneNumberId, int urlAttempt,
    std::function<void(const Result &)> done)
{
    const QString mediaId = r.mediaId;
    QDir().mkpath(m_cacheDir);
    const QString tmp = QDir(m_cacheDir).filePath(QStringLiteral(".download-") + mediaId);
    m_graph->download(url, tmp, this,
        [this, r, expected, webhookSha256, tmp, mediaId, phoneNumberId, urlAttempt,
            done = std::move(done)](const GraphResult &d) mutable {
            if (!d.ok()) {
                QFile::remove(tmp);
                // The URL lives 5 minutes (404 once expired): ask for a fresh one, once.
                if (d.httpStatus == 404 && urlAttempt == 0) {
                    qCInfo(lcMedia).noquote() << "media" << mediaId << "URL expired, refreshing";
                    resolve(mediaId, phoneNumberId, 1, webhookSha256, std::move(done));
                    return;
                }
                r.error = d.error;
                record(r, QStringLiteral("failed"));
                done(r);
                return;
            }
            const QString hex = d.body.value(QLatin1String("sha256")).toString();
            r.size = d.body.value(QLatin1String("bytes")).toInteger();
            r.sha256 = hex;
            if (!sameDigest(expected, hex)) {
                QFile::remove(tmp);
                r.error
                    = GraphError::local(LocalError::Validation, QStringLiteral("sha256 mismatch"),
                        QStringLiteral("expected %1, got %2").arg(expected, hex));
                record(r, QStringLiteral("failed"));
                done(r);
                return;
            }
            const QString dir = QDir(m_cacheDir).filePath(hex.left(2));
            QDir().mkpath(dir);
            r.path = QDir(dir).filePath(hex);
            if (QFile::exists(r.path))
                QFile::remove(tmp); // same content already cached
            else if (!QFile::rename(tmp, r.path)) {
                r.error = GraphError::local(
                    LocalError::Validation, QStringLiteral("Cannot store media"), r.path);
                r.path.clear();
                record(r, QStringLiteral("failed"));
                done(r);
                return;
            }
            record(r, QStringLiteral("fetched"));
            Q_EMIT fetched(r);
            done(r);
        });
}

int MediaFetcher::fetchPending(int max, int maxAttempts)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT m.media_id, m.phone_number_id FROM messages m LEFT JOIN media_cache "
                       "c ON c.media_id "
                       "= m.media_id WHERE m.direction = 'in' AND m.media_id IS NOT NULL AND "
                       "(c.media_id IS NULL OR "
                       "(c.state = 'failed' AND c.attempts < ?)) ORDER BY m.received_at LIMIT ?"));
    q.addBindValue(maxAttempts);
    q.addBindValue(max);
    int started = 0;
    if (!q.exec())
        return 0;
    while (q.next()) {
        fetch(q.value(0).toString(), q.value(1).toString(), [](const Result &) {});
        ++started;
    }
    return started;
}

} // namespace parley::core
