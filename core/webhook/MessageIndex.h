#pragma once

#include <QSqlDatabase>
#include <QString>

namespace parley::core {

// The console's full-text index (messages_fts, schema 0006) for the messages the webhook parser
// inserts. Since schema 0007 those rows are not indexed by a per-row trigger inside the parse
// transaction (that trigger was about half of the parse worker's time): catchUp() indexes every
// parser row above the watermark (message_index_progress) in one statement per chunk, in its own
// transaction. The parse worker calls it after its batches; console search calls it before it
// matches, so a search finds every message even if the worker has not caught up yet.
class MessageIndex
{
public:
    // Indexes parser-inserted messages with rowid above the watermark, at most maxRows rows per
    // transaction, until none are left; *indexed (optional) gets the rows indexed. Opens its own
    // transaction (BEGIN IMMEDIATE): do not call it inside one. False with *error on a SQL error
    // (nothing of the failed chunk is kept; the watermark does not move past it).
    static bool catchUp(
        QSqlDatabase &db, qint64 *indexed = nullptr, QString *error = nullptr, int maxRows = 20000);
    // One transaction of catchUp(): the next maxRows rows above the watermark. Returns the rows
    // it moved the watermark over (0: nothing left), or -1 with *error.
    static qint64 indexChunk(QSqlDatabase &db, int maxRows, qint64 *indexed, QString *error);
    // True when rows above the watermark are waiting (a cheap read).
    static bool behind(QSqlDatabase &db);
};

} // namespace parley::core
