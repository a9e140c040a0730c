#include "privacy/Retention.h"

#include "common/Log.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace parley::core {

namespace {

// Any content column still set: a message that has not been purged yet.
const char *const kHasContent
    = "(text IS NOT NULL OR caption IS NOT NULL OR raw_json IS NOT NULL OR filename IS NOT NULL "
      "OR reply_title IS NOT NULL OR reply_description IS NOT NULL OR reply_json IS NOT NULL "
      "OR button_text IS NOT NULL OR button_payload IS NOT NULL OR location_name IS NOT NULL "
      "OR location_address IS NOT NULL OR location_url IS NOT NULL OR latitude IS NOT NULL "
      "OR longitude IS NOT NULL OR referral_json IS NOT NULL)";

struct Step
{
    QSqlDatabase &db;
    QString *error;
    bool failed = false;

    // Runs one statement with positional binds; returns rows affected (or -1 on failure).
    qint64 exec(const QString &sql, const QVariantList &binds = {})
    {
        if (failed)
            return -1;
        QSqlQuery q(db);
        if (!q.prepare(sql)) {
            fail(q);
            return -1;
        }
        for (const QVariant &v : binds)
            q.addBindValue(v);
        if (!q.exec()) {
            fail(q);
            return -1;
        }
        return q.numRowsAffected();
    }
    qint64 scalar(const QString &sql, const QVariantList &binds = {})
    {
        if (failed)
            return -1;
        QSqlQuery q(db);
        q.prepare(sql);
        for (const QVariant &v : binds)
            q.addBindValue(v);
        if (!q.exec() || !q.next()) {
            fail(q);
            return -1;
        }
        return q.value(0).toLongLong();
    }
    QStringList column(const QString &sql, const QVariantList &binds = {})
    {
        QStringList out;
        if (failed)
            return out;
        QSqlQuery q(db);
        q.prepare(sql);
        for (const QVariant &v : binds)
            q.addBindValue(v);
        if (!q.exec()) {
            fail(q);
            return out;
        }
        while (q.next())
            out.append(q.value(0).toString());
        return out;
    }
    void fail(const QSqlQuery &q)
    {
        failed = true;
        if (error)
            *error = q.lastError().text();
    }
};

} // namespace

QJsonObject privacyCountsJson(const PrivacyCounts &counts)
{
    QJsonObject o;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

bool Retention::purge(
    QSqlDatabase &db, const Options &options, PrivacyCounts *counts, QString *error)
{
    if (options.olderThanDays <= 0) {
        if (error)
            *error = QStringLiteral("the retention must be at least one day");
        return false;
    }
    const qint64 cutoff = cutoffSecs(options);
    PrivacyCounts c;
    for (const char *k : {"messages", "fts_rows", "previews", "journal_bodies", "outbox_bodies",
             "media_rows", "media_files", "media_bytes"})
        c.insert(QString::fromLatin1(k), 0);

    // What goes, per table: rows matching `where` (binds `binds`), changed by `set`.
    struct Target
    {
        const char *key;
        QString table;
        QString where;
        QVariantList binds;
        QString set;
        QString recheck = {}; // per-row condition in the write (no binds); empty: `where` again
    };
    const QString messageAge = QStringLiteral("coalesce(timestamp, received_at / 1000) < ?");
    // Media of old messages whose cache entry is still there (also of messages purged before
    // their media was fetched), unless a newer message refers to the same media id.
    const QString oldMedia = QStringLiteral(
        "state <> 'purged' AND media_id IN (SELECT m.media_id FROM messages m WHERE m.media_id "
        "IS NOT NULL AND coalesce(m.timestamp, m.received_at / 1000) < ?) AND media_id NOT IN "
        "(SELECT n.media_id FROM messages n WHERE n.media_id IS NOT NULL AND "
        "coalesce(n.timestamp, n.received_at / 1000) >= ?)");
    const QList<Target> targets = {
        {"media_rows", QStringLiteral("media_cache"), oldMedia, {cutoff, cutoff},
            QStringLiteral("state = 'purged', path = NULL, error = NULL, updated_at = %1")
                .arg(options.nowSecs * 1000),
            QStringLiteral("state <> 'purged'")},
        {"messages", QStringLiteral("messages"),
            messageAge + QStringLiteral(" AND ") + QLatin1String(kHasContent), {cutoff},
            QStringLiteral(
                "text = NULL, caption = NULL, raw_json = NULL, filename = NULL, reply_title = "
                "NULL, reply_description = NULL, reply_json = NULL, button_text = NULL, "
                "button_payload = NULL, location_name = NULL, location_address = NULL, "
                "location_url = NULL, latitude = NULL, longitude = NULL, referral_json = NULL")},
        {"previews", QStringLiteral("conversations"),
            QStringLiteral("last_message_at < ? AND last_message_preview IS NOT NULL"), {cutoff},
            QStringLiteral("last_message_preview = NULL")},
        // Raw webhook bodies carry the same texts. A body still waiting for the parser is kept:
        // nothing that has not been ingested is lost.
        {"journal_bodies", QStringLiteral("webhooks.journal"),
            QStringLiteral("received_at < ? AND length(body) > 0 AND id IN "
                           "(SELECT journal_id FROM main.journal_parse)"),
            {cutoff * 1000}, QStringLiteral("body = X''")},
        {"outbox_bodies", QStringLiteral("outbox"),
            QStringLiteral("created_at < ? AND state NOT IN ('queued', 'sending', 'unknown') "
                           "AND message_json <> '{}'"),
            {cutoff * 1000}, QStringLiteral("message_json = '{}'")},
    };

    Step s{db, error};
    if (options.dryRun) {
        // Reads only: a dry run never holds the write lock.
        for (const Target &t : targets)
            c[QString::fromLatin1(t.key)] = s.scalar(
                QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(t.table, t.where), t.binds);
        c["fts_rows"] = s.scalar(QStringLiteral("SELECT count(*) FROM messages_fts WHERE rowid "
                                                "IN (SELECT rowid FROM messages WHERE %1 AND %2)")
                                     .arg(messageAge, QLatin1String(kHasContent)),
            {cutoff});
        c["media_rows"] += s.scalar(
            QStringLiteral("SELECT count(DISTINCT m.media_id) FROM messages m WHERE m.media_id IS "
                           "NOT NULL AND coalesce(m.timestamp, m.received_at / 1000) < ? AND NOT "
                           "EXISTS (SELECT 1 FROM media_cache c WHERE c.media_id = m.media_id)"),
            {cutoff});
        const QStringList paths = s.column(
            QStringLiteral("SELECT DISTINCT path FROM media_cache WHERE path IS NOT NULL AND ")
                + oldMedia,
            {cutoff, cutoff});
        if (s.failed)
            return false;
        countMediaFiles(options.mediaDir, paths, &c);
        if (counts)
            *counts = c;
        return true;
    }

    // Batches, each its own short write transaction, walking each table by rowid: the rows of a
    // batch are found by a plain read (WAL readers hold nobody up, and finding them may scan far),
    // then changed by rowid under BEGIN IMMEDIATE, with the target's cheap per-row condition
    // checked again. The webhook receiver and the console commit in between, and an interrupted
    // purge resumes the next time.
    QSqlQuery(db).exec(QStringLiteral("PRAGMA secure_delete = ON"));
    qint64 batch = BatchRows;
    for (const Target &t : targets) {
        const QString key = QString::fromLatin1(t.key);
        const bool isMessages = t.table == QLatin1String("messages");
        const bool isMedia = t.table == QLatin1String("media_cache");
        qint64 after = -1;
        for (;;) {
            QVariantList binds{after};
            binds += t.binds;
            binds.append(batch);
            const QStringList ids = s.column(QStringLiteral("SELECT rowid FROM %1 WHERE rowid > ? "
                                                            "AND %2 ORDER BY rowid LIMIT ?")
                                                 .arg(t.table, t.where),
                binds);
            if (s.failed)
                return false;
            if (ids.isEmpty())
                break;
            const QString in = QStringLiteral("rowid IN (%1)").arg(ids.join(u','));
            QElapsedTimer took;
            took.start();
            if (!begin(db, error))
                return false;
            QStringList paths;
            if (isMedia)
                paths = s.column(QStringLiteral("SELECT DISTINCT path FROM media_cache WHERE "
                                                "path IS NOT NULL AND state <> 'purged' AND ")
                    + in);
            c[key] += qMax<qint64>(0,
                s.exec(QStringLiteral("UPDATE %1 SET %2 WHERE %3 AND %4")
                           .arg(t.table, t.set, in, t.recheck.isEmpty() ? t.where : t.recheck),
                    t.recheck.isEmpty() ? t.binds : QVariantList{}));
            // The update trigger re-indexed the rows with an empty body: drop them from the index.
            if (isMessages)
                c["fts_rows"] += qMax<qint64>(
                    0, s.exec(QStringLiteral("DELETE FROM messages_fts WHERE ") + in));
            if (s.failed) {
                rollback(db);
                return false;
            }
            if (!commit(db, error)) {
                rollback(db);
                return false;
            }
            if (isMedia)
                removeMediaFiles(db, options.mediaDir, paths, &c);
            if (ids.size() < batch)
                break;
            after = ids.last().toLongLong();
            // Keep each write transaction short whatever the machine: others wait for it.
            const qint64 ms = took.elapsed();
            if (ms > BatchTargetMs && batch > MinBatchRows)
                batch = qMax(MinBatchRows, batch / 2);
            else if (ms < BatchTargetMs / 4 && batch < MaxBatchRows)
                batch = qMin(MaxBatchRows, batch * 2);
        }
    }
    // Media of old messages that was never fetched: a 'purged' row, so that no fetcher (the
    // console's or serve's catch-up) brings it in after its message lost its content.
    for (;;) {
        const QStringList ids = s.column(
            QStringLiteral("SELECT DISTINCT m.media_id FROM messages m WHERE m.media_id IS NOT "
                           "NULL AND coalesce(m.timestamp, m.received_at / 1000) < ? AND NOT "
                           "EXISTS (SELECT 1 FROM media_cache c WHERE c.media_id = m.media_id) "
                           "LIMIT ?"),
            {cutoff, batch});
        if (s.failed)
            return false;
        if (ids.isEmpty())
            break;
        if (!begin(db, error))
            return false;
        for (const QString &id : ids)
            c["media_rows"] += qMax<qint64>(0,
                s.exec(QStringLiteral("INSERT OR IGNORE INTO media_cache(media_id, state, "
                                      "updated_at) VALUES (?, 'purged', ?)"),
                    {id, options.nowSecs * 1000}));
        if (s.failed || !commit(db, error)) {
            rollback(db);
            return false;
        }
        if (ids.size() < batch)
            break;
    }
    if (c.value(QStringLiteral("fts_rows")) > 0)
        mergeIndex(db);
    qCInfo(lcStore) << "retention purge:" << c.value(QStringLiteral("messages")) << "messages,"
                    << c.value(QStringLiteral("media_files")) << "media files older than"
                    << options.olderThanDays << "days";
    if (counts)
        *counts = c;
    return true;
}

bool Retention::begin(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

bool Retention::commit(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("COMMIT")))
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

void Retention::rollback(QSqlDatabase &db)
{
    QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
}

void Retention::mergeIndex(QSqlDatabase &db)
{
    // An incremental 'optimize': a negative 'merge' merges segments of every level 64 pages at a
    // time, each step its own transaction, until one segment is left; merging drops
    // the entries of deleted rows, so no purged token lingers in the index. FTS5 reports work
    // done as total_changes() moving by 2 or more.
    for (int step = 0; step < 100'000; ++step) {
        QSqlQuery q(db);
        if (!begin(db, nullptr))
            return;
        q.exec(QStringLiteral("SELECT total_changes()"));
        const qint64 before = q.next() ? q.value(0).toLongLong() : 0;
        if (!q.exec(QStringLiteral(
                "INSERT INTO messages_fts(messages_fts, rank) VALUES ('merge', -64)"))) {
            rollback(db);
            return;
        }
        q.exec(QStringLiteral("SELECT total_changes()"));
        const qint64 after = q.next() ? q.value(0).toLongLong() : 0;
        q.finish();
        if (!commit(db, nullptr)) {
            rollback(db);
            return;
        }
        if (after - before < 2)
            return;
    }
}

void Retention::countMediaFiles(
    const QString &mediaDir, const QStringList &relativePaths, PrivacyCounts *counts)
{
    if (mediaDir.isEmpty())
        return;
    for (const QString &path : QSet<QString>(relativePaths.cbegin(), relativePaths.cend())) {
        const QFileInfo info(QDir(mediaDir).filePath(path));
        if (info.isFile()) {
            (*counts)[QStringLiteral("media_files")] += 1;
            (*counts)[QStringLiteral("media_bytes")] += info.size();
        }
    }
}

void Retention::removeMediaFiles(QSqlDatabase &db, const QString &mediaDir,
    const QStringList &relativePaths, PrivacyCounts *counts)
{
    if (mediaDir.isEmpty())
        return;
    const QDir dir(mediaDir);
    for (const QString &path : QSet<QString>(relativePaths.cbegin(), relativePaths.cend())) {
        // Content-addressed: another media id may share the file.
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT 1 FROM media_cache WHERE path = ? LIMIT 1"));
        q.addBindValue(path);
        if (!q.exec() || q.next())
            continue;
        const QString file = dir.filePath(path);
        // Only files inside the cache directory, whatever a damaged row says.
        if (!QFileInfo(file).canonicalFilePath().startsWith(
                QFileInfo(mediaDir).canonicalFilePath() + QLatin1Char('/')))
            continue;
        const qint64 size = QFileInfo(file).size();
        if (QFile::remove(file)) {
            (*counts)[QStringLiteral("media_files")] += 1;
            (*counts)[QStringLiteral("media_bytes")] += size;
        }
    }
}

} // namespace parley::core
