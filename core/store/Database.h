#pragma once

#include <QSqlDatabase>
#include <QString>

struct sqlite3;

namespace parley::core {

// One SQLite store per Parley installation. Every thread opens its own connection (its own
// connection name). WAL mode, synchronous=FULL: a COMMIT that returned is on disk.
//
// The store is two files: the store itself (PATH) and the webhook journal (journalPath(PATH),
// `PATH-webhooks`), every authentic webhook body as received. The journal has its own WAL, write
// lock and fsync, so the journal's group commits (which Meta's requests wait for) never wait for
// another writer's transaction. Which bodies were parsed is recorded in the store
// (journal_parse, ingest_cursor: schema 0010). Connections opened with attachJournal see the
// journal file as schema `webhooks`, and a TEMP VIEW `journal` (id, received_at, size, body,
// parse_state, parse_error, events, parsed_at) joins the two. Such a connection's BEGIN
// IMMEDIATE takes both files' write locks: the store's hot writers open without it.
class Database
{
public:
    struct Options
    {
        bool readOnly = false;
        int busyTimeoutMs = 10000;
        bool attachJournal = false;
    };
    // Options with the journal attached (readers of the journal, purge, erase).
    static Options withJournal()
    {
        Options options;
        options.attachJournal = true;
        return options;
    }
    // Schema name of the attached journal file.
    static constexpr const char *kJournalSchema = "webhooks";
    // The journal file of the store at storePath.
    static QString journalPath(const QString &storePath);
    // Opens (creating if needed) the journal file of the store at storePath on its own, for its
    // writer and its readers. Its tables: journal(id, received_at, size, body) and
    // journal_meta(key, value) with the file's 'uuid'.
    static QSqlDatabase openJournal(const QString &storePath, const QString &connectionName,
        QString *error, const Options &options);
    static QSqlDatabase openJournal(
        const QString &storePath, const QString &connectionName, QString *error)
    {
        return openJournal(storePath, connectionName, error, Options{});
    }
    // One row, one column: journal rows not parsed yet. Needs attachJournal; reads two ranges
    // of ids (past ingest_cursor), not the whole journal.
    static QString pendingJournalRowsSql();

    // Opens (creating if needed) the store at path under connectionName and migrates it to the
    // latest schema. Returns an invalid QSqlDatabase and sets *error on failure.
    static QSqlDatabase open(
        const QString &path, const QString &connectionName, QString *error, const Options &options);
    static QSqlDatabase open(const QString &path, const QString &connectionName, QString *error)
    {
        return open(path, connectionName, error, Options{});
    }
    // Closes and removes a connection opened with open().
    static void close(const QString &connectionName);

    // Schema steps: the files :/parley/store/schema/NNNN_name.sql, applied in order, one
    // transaction per step, PRAGMA user_version = NNNN after each.
    static int latestVersion();
    // upTo < 0: the latest version. Tests migrate to an earlier version to check every upgrade
    // path.
    static bool migrate(QSqlDatabase &db, QString *error, int upTo = -1);
    // The store's current PRAGMA user_version, or -1 on error.
    static int version(QSqlDatabase &db);

    // Runs every ';'-separated statement of a script (statements may contain BEGIN...END;
    // trigger bodies). Stops at the first error.
    static bool execScript(QSqlDatabase &db, const QString &script, QString *error);

    // The SQLite connection under an open QSQLITE connection, for hot paths that use SQLite's C
    // API directly (same thread as the connection, same transaction state). Null if db is not
    // an open QSQLITE connection.
    static sqlite3 *nativeHandle(const QSqlDatabase &db);

    // A connection name unique to this thread and purpose.
    static QString threadConnectionName(const QString &purpose);
};

} // namespace parley::core
