#pragma once

#include <QJsonObject>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace parley::core {

// Counts of what a privacy operation changed (or, in a dry run, would change), by kind.
using PrivacyCounts = QMap<QString, qint64>;
QJsonObject privacyCountsJson(const PrivacyCounts &counts);

// The retention policy: message bodies and media older than N days are purged. The message rows
// stay (ids, direction, type, time, state: the conversation's shape and the statistics), their
// content goes: text, caption, raw_json, file name, interactive/button/location/referral payloads,
// their full-text index rows, the list preview, the raw webhook bodies in the journal that have
// been parsed, the message JSON of finished outbox rows, and the cached media files (their
// media_cache rows become state 'purged' so that nothing fetches them again). It works in
// batches of rows sized to take about BatchTargetMs each, each its own short transaction, so that
// ingest is not held up (a failure keeps what was purged, and the next run goes on); a dry run only
// reads. The connection runs with secure_delete so that freed pages are zeroed, and the FTS index
// is merged afterwards so that no deleted token lingers in its segments.
class Retention
{
public:
    // Rows per write transaction: starts at BatchRows, halves while a batch takes longer than
    // BatchTargetMs, doubles while it takes less than a quarter of it.
    static constexpr qint64 BatchRows = 500;
    static constexpr qint64 MinBatchRows = 50;
    static constexpr qint64 MaxBatchRows = 5000;
    static constexpr qint64 BatchTargetMs = 100;

    struct Options
    {
        qint64 nowSecs = 0; // "now", explicit (unix seconds)
        int olderThanDays = 0; // > 0
        bool dryRun = false; // count, change nothing
        QString mediaDir; // the media cache directory (media_cache.path is relative to it)
    };

    static qint64 cutoffSecs(const Options &options)
    {
        return options.nowSecs - qint64(options.olderThanDays) * 86'400;
    }

    // Counts: messages, fts_rows, previews, journal_bodies, outbox_bodies, media_rows,
    // media_files, media_bytes. False with *error (and nothing changed) on failure.
    static bool purge(
        QSqlDatabase &db, const Options &options, PrivacyCounts *counts, QString *error = nullptr);

    // Removes the cache files at `relativePaths` (relative to mediaDir) that no media_cache row
    // still points at; counts media_files and media_bytes. For use after a commit.
    static void removeMediaFiles(QSqlDatabase &db, const QString &mediaDir,
        const QStringList &relativePaths, PrivacyCounts *counts);
    // BEGIN IMMEDIATE (not Qt's deferred BEGIN): a batch that reads before it writes would
    // otherwise fail at once with SQLITE_BUSY when another connection (ingest) committed in
    // between, instead of waiting its turn under the busy timeout.
    static bool begin(QSqlDatabase &db, QString *error);
    static bool commit(QSqlDatabase &db, QString *error);
    static void rollback(QSqlDatabase &db);
    // Merges the FTS index into one segment in small steps (each its own transaction), dropping
    // the entries of deleted rows.
    static void mergeIndex(QSqlDatabase &db);
    // The cache files `relativePaths` would free (existing files), for a dry run.
    static void countMediaFiles(
        const QString &mediaDir, const QStringList &relativePaths, PrivacyCounts *counts);
};

} // namespace parley::core
