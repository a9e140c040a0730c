#include "webhook/MessageIndex.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace parley::core {

namespace {

bool fail(QSqlQuery &q, QString *error)
{
    if (error)
        *error = q.lastError().text();
    return false;
}

} // namespace

bool MessageIndex::behind(QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const bool ok = q.exec(QStringLiteral(
                        "SELECT EXISTS (SELECT 1 FROM messages WHERE rowid > (SELECT indexed_rowid "
                        "FROM message_index_progress WHERE id = 1))"))
        && q.next() && q.value(0).toBool();
    q.finish();
    return ok;
}

bool MessageIndex::catchUp(QSqlDatabase &db, qint64 *indexed, QString *error, int maxRows)
{
    if (indexed)
        *indexed = 0;
    for (;;) {
        qint64 chunkIndexed = 0;
        const qint64 moved = indexChunk(db, maxRows, &chunkIndexed, error);
        if (moved < 0)
            return false;
        if (indexed)
            *indexed += chunkIndexed;
        if (moved == 0)
            return true;
    }
}

qint64 MessageIndex::indexChunk(QSqlDatabase &db, int maxRows, qint64 *indexed, QString *error)
{
    if (indexed)
        *indexed = 0;
    maxRows = qMax(1, maxRows);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        fail(q, error);
        return -1;
    }
    auto abort = [&db, error](QSqlQuery &failed) {
        fail(failed, error);
        QSqlQuery r(db);
        r.exec(QStringLiteral("ROLLBACK"));
        return qint64(-1);
    };
    // The chunk: the next maxRows rowids above the watermark, whatever inserted them (only
    // parser rows are indexed here; the insert trigger indexed the others).
    if (!q.exec(QStringLiteral(
            "SELECT p.indexed_rowid, (SELECT max(r) FROM (SELECT m.rowid AS r FROM messages m "
            "WHERE m.rowid > p.indexed_rowid ORDER BY m.rowid LIMIT %1)) "
            "FROM message_index_progress p WHERE p.id = 1")
                    .arg(maxRows)))
        return abort(q);
    if (!q.next() || q.isNull(1)) {
        q.finish();
        if (!q.exec(QStringLiteral("COMMIT")))
            return abort(q);
        return 0; // nothing above the watermark
    }
    const qint64 from = q.value(0).toLongLong();
    const qint64 to = q.value(1).toLongLong();
    q.finish();
    // Rows of the chunk that are in the index already (the update trigger indexed them after an
    // edit) are deleted first, so that a plain INSERT can write the chunk: cheaper than INSERT OR
    // REPLACE, which looks every row up (-20 % for the chunk). The rowid range lets FTS5 scan
    // only that part of the table (mostly empty); "+rowid" keeps the IN list from turning into
    // one lookup per row.
    QSqlQuery clear(db);
    clear.prepare(
        QStringLiteral("DELETE FROM messages_fts WHERE rowid > ? AND rowid <= ? AND +rowid IN ("
                       "SELECT rowid FROM messages WHERE rowid > ? AND rowid <= ? "
                       "AND journal_id IS NOT NULL AND (type IS NULL OR type <> 'reaction'))"));
    clear.bindValue(0, from);
    clear.bindValue(1, to);
    clear.bindValue(2, from);
    clear.bindValue(3, to);
    if (!clear.exec())
        return abort(clear);
    QSqlQuery fill(db);
    fill.prepare(QStringLiteral(
        "INSERT INTO messages_fts(rowid, body) "
        "SELECT rowid, trim(coalesce(text, '') || ' ' || coalesce(caption, '') || ' ' || "
        "coalesce(filename, '') || ' ' || coalesce(reply_title, '') || ' ' || "
        "coalesce(button_text, '') || ' ' || coalesce(location_name, '') || ' ' || "
        "coalesce(location_address, '')) FROM messages WHERE rowid > ? AND rowid <= ? "
        "AND journal_id IS NOT NULL AND (type IS NULL OR type <> 'reaction')"));
    fill.bindValue(0, from);
    fill.bindValue(1, to);
    if (!fill.exec())
        return abort(fill);
    const qint64 rows = qMax(0, fill.numRowsAffected());
    QSqlQuery mark(db);
    mark.prepare(
        QStringLiteral("UPDATE message_index_progress SET indexed_rowid = ? WHERE id = 1"));
    mark.bindValue(0, to);
    if (!mark.exec())
        return abort(mark);
    if (!q.exec(QStringLiteral("COMMIT")))
        return abort(q);
    if (indexed)
        *indexed = rows;
    return qMax<qint64>(1, to - from);
}

} // namespace parley::core
