#include "store/Database.h"

#include "common/Log.h"
#include "store/PacedWrites.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <sqlite3.h>

#include <mutex>

namespace parley::core {

namespace {

// Process-wide SQLite settings, applied once before the first connection (sqlite3_config only
// works before SQLite initializes; later calls fail harmlessly with SQLITE_MISUSE):
// - no memory statistics: with them every allocation takes a global mutex and updates counters,
//   and nothing here reads them;
// - a bigger lookaside per connection (slots of 2 KiB, 500 of them, instead of 1,200 B x 100), so
//   the cursors and records of the parse worker's statements come from the connection's own
//   pool instead of malloc.
void configureSqliteOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 2048, 500);
        PacedWrites::installVfs(); // initializes SQLite: after sqlite3_config
    });
}

QMap<int, QString> schemaSteps()
{
    QMap<int, QString> steps;
    QDirIterator it(QStringLiteral(":/parley/store/schema"), {QStringLiteral("*.sql")});
    while (it.hasNext()) {
        const QString path = it.next();
        const int version = QFileInfo(path).fileName().section(u'_', 0, 0).toInt();
        if (version > 0)
            steps.insert(version, path);
    }
    return steps;
}

bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        if (error)
            *error = QStringLiteral("%1 (in: %2)").arg(q.lastError().text(), sql.left(200));
        return false;
    }
    return true;
}

// Splits a script on ';' at top level, keeping CREATE TRIGGER ... BEGIN ... END; together.
QStringList splitStatements(const QString &script)
{
    QStringList out;
    QString current;
    int depth = 0;
    bool inString = false;
    const QStringList lines = script.split(u'\n');
    for (const QString &rawLine : lines) {
        QString line = rawLine;
        if (!inString) {
            const qsizetype comment = line.indexOf(QLatin1String("--"));
            if (comment >= 0 && line.left(comment).count(u'\'') % 2 == 0)
                line.truncate(comment);
        }
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QChar c = line.at(i);
            current += c;
            if (c == u'\'') {
                inString = !inString;
                continue;
            }
            if (inString)
                continue;
            if (c.isLetter() && (i == 0 || !line.at(i - 1).isLetterOrNumber())) {
                const QStringView rest = QStringView(line).mid(i);
                auto word = [&](QLatin1String w) {
                    return rest.startsWith(w, Qt::CaseInsensitive)
                        && (rest.size() == w.size() || !rest.at(w.size()).isLetterOrNumber());
                };
                if ((word(QLatin1String("BEGIN"))
                        && !current.trimmed().startsWith(
                            QLatin1String("BEGIN"), Qt::CaseInsensitive))
                    || word(QLatin1String("CASE")))
                    ++depth;
                else if (word(QLatin1String("END")) && depth > 0)
                    --depth;
            }
            if (c == u';' && depth == 0) {
                const QString stmt = current.trimmed();
                if (stmt.size() > 1)
                    out << stmt;
                current.clear();
            }
        }
        current += u'\n';
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

} // namespace

QString Database::threadConnectionName(const QString &purpose)
{
    return QStringLiteral("parley-%1-%2")
        .arg(purpose)
        .arg(reinterpret_cast<quintptr>(QThread::currentThread()), 0, 16);
}

int Database::latestVersion()
{
    const auto steps = schemaSteps();
    return steps.isEmpty() ? 0 : steps.lastKey();
}

bool Database::execScript(QSqlDatabase &db, const QString &script, QString *error)
{
    for (const QString &stmt : splitStatements(script)) {
        if (!exec(db, stmt, error))
            return false;
    }
    return true;
}

namespace {

// Opens one SQLite file with the store's settings; no schema work.
QSqlDatabase openFile(const QString &path, const QString &connectionName, QString *error,
    const Database::Options &options)
{
    const QFileInfo info(path);
    if (!options.readOnly && !info.absoluteDir().exists() && !QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = QStringLiteral("cannot create directory %1").arg(info.absolutePath());
        return {};
    }
    configureSqliteOnce();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    QStringList connectOptions{
        QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs)};
    if (options.readOnly)
        connectOptions << QStringLiteral("QSQLITE_OPEN_READONLY");
    db.setConnectOptions(connectOptions.join(u';'));
    if (!db.open()) {
        if (error)
            *error = QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());
        db = {};
        QSqlDatabase::removeDatabase(connectionName);
        return {};
    }
    const char *pragmas[] = {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
        "PRAGMA foreign_keys=ON", "PRAGMA temp_store=MEMORY", "PRAGMA cache_size=-16000"};
    for (const char *pragma : pragmas) {
        if (options.readOnly && QByteArray(pragma).contains("journal_mode"))
            continue;
        if (!exec(db, QString::fromLatin1(pragma), error)) {
            db.close();
            return {};
        }
    }
    return db;
}

constexpr int kJournalFileVersion = 1;

// The journal file's schema, in `schema` (main for its own connections, webhooks when attached).
bool ensureJournalSchema(QSqlDatabase &db, const QString &schema, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA %1.user_version").arg(schema)) || !q.next()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    const int version = q.value(0).toInt();
    q.finish();
    if (version == kJournalFileVersion)
        return true;
    if (version > kJournalFileVersion) {
        if (error)
            *error = QStringLiteral("webhook journal version %1 is newer than this Parley (%2)")
                         .arg(version)
                         .arg(kJournalFileVersion);
        return false;
    }
    // Version 1. Ids come from AUTOINCREMENT: an id is never handed out twice, even after the
    // newest rows were erased, so the store's ingest_cursor and journal_parse rows can never
    // describe a different body.
    const QString script = QStringLiteral(
        "BEGIN IMMEDIATE;"
        "CREATE TABLE IF NOT EXISTS %1.journal_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "INSERT OR IGNORE INTO %1.journal_meta (key, value) "
        "VALUES ('uuid', lower(hex(randomblob(16))));"
        "CREATE TABLE IF NOT EXISTS %1.journal ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT," // arrival order
        " received_at INTEGER NOT NULL," // ms since the epoch, when the request was read
        " size INTEGER NOT NULL," // bytes of body
        " body BLOB NOT NULL);" // the raw request body, exactly as signed
        "PRAGMA %1.user_version = %2")
                               .arg(schema)
                               .arg(kJournalFileVersion);
    for (const QString &stmt : script.split(u';')) {
        if (!exec(db, stmt, error)) {
            exec(db, QStringLiteral("ROLLBACK"), nullptr);
            return false;
        }
    }
    return exec(db, QStringLiteral("COMMIT"), error);
}

bool attachJournal(QSqlDatabase &db, const QString &storePath, bool readOnly, QString *error)
{
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("ATTACH DATABASE ? AS %1").arg(QLatin1String(Database::kJournalSchema)));
    q.addBindValue(Database::journalPath(storePath));
    if (!q.exec()) {
        if (error)
            *error = QStringLiteral("cannot attach the webhook journal %1: %2")
                         .arg(Database::journalPath(storePath), q.lastError().text());
        return false;
    }
    q.finish();
    // The journal file's own settings (journal_mode is kept in the file; synchronous is per
    // connection and schema).
    if (!readOnly && !exec(db, QStringLiteral("PRAGMA webhooks.journal_mode=WAL"), error))
        return false;
    return exec(db, QStringLiteral("PRAGMA webhooks.synchronous=FULL"), error);
}

// Stores from before schema 0010 keep the journal in a table of their own: move its rows to
// the journal file (same ids) and their parse states to journal_parse, then drop it. One
// transaction per file; a crash between the two commits leaves the old table, and the next
// open moves it again (INSERT OR IGNORE: nothing is doubled).
bool moveLegacyJournal(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral(
            "SELECT count(*) FROM main.sqlite_master WHERE type = 'table' AND name = 'journal'"))
        || !q.next()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    const bool legacy = q.value(0).toInt() > 0;
    q.finish();
    if (!legacy)
        return true;
    const QString steps[] = {
        QStringLiteral("BEGIN IMMEDIATE"),
        QStringLiteral("INSERT OR IGNORE INTO webhooks.journal (id, received_at, size, body) "
                       "SELECT id, received_at, size, body FROM main.journal ORDER BY id"),
        QStringLiteral("INSERT OR REPLACE INTO main.journal_parse "
                       "(journal_id, state, error, events, parsed_at) "
                       "SELECT id, parse_state, parse_error, events, coalesce(parsed_at, 0) "
                       "FROM main.journal WHERE parse_state <> 'pending'"),
        QStringLiteral(
            "UPDATE main.ingest_cursor SET "
            "journal_uuid = (SELECT value FROM webhooks.journal_meta WHERE key = 'uuid'), "
            "parsed_through = coalesce("
            "(SELECT min(id) - 1 FROM main.journal WHERE parse_state = 'pending'), "
            "(SELECT max(id) FROM main.journal), 0) WHERE id = 1"),
        QStringLiteral("DROP TABLE main.journal"),
        QStringLiteral("COMMIT"),
    };
    qint64 moved = 0;
    for (const QString &step : steps) {
        QSqlQuery s(db);
        if (!s.exec(step)) {
            if (error)
                *error = QStringLiteral("%1 (in: %2)").arg(s.lastError().text(), step.left(200));
            exec(db, QStringLiteral("ROLLBACK"), nullptr);
            return false;
        }
        if (step.startsWith(QLatin1String("INSERT OR IGNORE")))
            moved = s.numRowsAffected();
    }
    if (moved > 0)
        qCInfo(lcStore) << "moved" << moved << "webhook journal rows into the journal file";
    return true;
}

} // namespace

QString Database::journalPath(const QString &storePath)
{
    return storePath + QStringLiteral("-webhooks");
}

QString Database::pendingJournalRowsSql()
{
    return QStringLiteral(
        "SELECT (SELECT count(*) FROM webhooks.journal WHERE id > c.parsed_through) "
        "- (SELECT count(*) FROM main.journal_parse WHERE journal_id > c.parsed_through) "
        "FROM main.ingest_cursor c WHERE c.id = 1");
}

QSqlDatabase Database::openJournal(
    const QString &storePath, const QString &connectionName, QString *error, const Options &options)
{
    if (QSqlDatabase::contains(connectionName))
        return QSqlDatabase::database(connectionName);
    QSqlDatabase db = openFile(journalPath(storePath), connectionName, error, options);
    if (!db.isValid())
        return {};
    if (!options.readOnly && !ensureJournalSchema(db, QStringLiteral("main"), error)) {
        db.close();
        return {};
    }
    return db;
}

QSqlDatabase Database::open(
    const QString &path, const QString &connectionName, QString *error, const Options &options)
{
    if (QSqlDatabase::contains(connectionName))
        return QSqlDatabase::database(connectionName);
    QSqlDatabase db = openFile(path, connectionName, error, options);
    if (!db.isValid())
        return {};
    if (!options.readOnly && !migrate(db, error)) {
        db.close();
        return {};
    }
    if (!options.readOnly || options.attachJournal) {
        // A read-only store without its journal file yet: attaching would fail; nothing
        // journaled means nothing to show either, so the view then has no rows to join.
        const bool journalExists = QFileInfo::exists(journalPath(path));
        bool ok = true;
        if (!options.readOnly || journalExists) {
            ok = attachJournal(db, path, options.readOnly, error)
                && (options.readOnly
                    || (ensureJournalSchema(db, QLatin1String(kJournalSchema), error)
                        && moveLegacyJournal(db, error)));
            if (ok && !options.attachJournal)
                ok = exec(db, QStringLiteral("DETACH DATABASE webhooks"), error);
        }
        if (ok && options.attachJournal) {
            ok = exec(db,
                (!options.readOnly || journalExists)
                    ? QStringLiteral(
                        "CREATE TEMP VIEW IF NOT EXISTS journal AS SELECT j.id AS id, "
                        "j.received_at AS received_at, j.size AS size, j.body AS body, "
                        "coalesce(p.state, 'pending') AS parse_state, p.error AS parse_error, "
                        "coalesce(p.events, 0) AS events, p.parsed_at AS parsed_at "
                        "FROM webhooks.journal j LEFT JOIN main.journal_parse p "
                        "ON p.journal_id = j.id")
                    : QStringLiteral(
                        "CREATE TEMP VIEW IF NOT EXISTS journal AS SELECT 0 AS id, "
                        "0 AS received_at, 0 AS size, X'' AS body, 'pending' AS parse_state, "
                        "NULL AS parse_error, 0 AS events, NULL AS parsed_at WHERE 0"),
                error);
        }
        if (!ok) {
            db.close();
            return {};
        }
    }
    return db;
}

sqlite3 *Database::nativeHandle(const QSqlDatabase &db)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

void Database::close(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

int Database::version(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool Database::migrate(QSqlDatabase &db, QString *error, int upTo)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    const int current = q.value(0).toInt();
    q.finish();
    const auto steps = schemaSteps();
    if (!steps.isEmpty() && current > steps.lastKey()) {
        if (error)
            *error = QStringLiteral("store schema version %1 is newer than this Parley (%2)")
                         .arg(current)
                         .arg(steps.lastKey());
        return false;
    }
    for (auto it = steps.cbegin(); it != steps.cend(); ++it) {
        if (it.key() <= current)
            continue;
        if (upTo >= 0 && it.key() > upTo)
            break;
        QFile file(it.value());
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("cannot read schema step %1").arg(it.value());
            return false;
        }
        const QString script = QString::fromUtf8(file.readAll());
        // BEGIN IMMEDIATE so that two processes opening the same new store do not both migrate.
        if (!exec(db, QStringLiteral("BEGIN IMMEDIATE"), error))
            return false;
        QSqlQuery check(db);
        check.exec(QStringLiteral("PRAGMA user_version"));
        const int now = check.next() ? check.value(0).toInt() : 0;
        check.finish();
        if (now >= it.key()) {
            exec(db, QStringLiteral("COMMIT"), nullptr);
            continue;
        }
        QString stepError;
        if (!execScript(db, script, &stepError)
            || !exec(db, QStringLiteral("PRAGMA user_version = %1").arg(it.key()), &stepError)) {
            exec(db, QStringLiteral("ROLLBACK"), nullptr);
            if (error)
                *error = QStringLiteral("schema step %1 failed: %2").arg(it.key()).arg(stepError);
            return false;
        }
        if (!exec(db, QStringLiteral("COMMIT"), error))
            return false;
        qCInfo(lcStore) << "migrated store to schema version" << it.key();
    }
    return true;
}

} // namespace parley::core
