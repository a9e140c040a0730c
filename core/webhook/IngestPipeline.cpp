#include "webhook/IngestPipeline.h"

#include "common/Log.h"
#include "store/Database.h"
#include "store/PacedWrites.h"
#include "webhook/InboundStore.h"
#include "webhook/Journal.h"
#include "webhook/MessageIndex.h"
#include "webhook/SqliteStatement.h"

#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <deque>
#include <limits>
#include <optional>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace parley::core {

namespace {

struct Row
{
    qint64 id = 0;
    qint64 receivedAtMs = 0;
    QByteArray body;
};

QSqlQuery prepared(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.prepare(sql))
        qCCritical(lcJournal) << "cannot prepare" << sql << ":" << q.lastError().text();
    return q;
}

// Applies journal rows to the store inside a transaction the caller opens, one savepoint per
// row so that a row whose statements fail is rolled back alone and marked failed.
class RowProcessor
{
public:
    RowProcessor(QSqlDatabase db, Clock *clock, Metrics *metrics)
        : m_db(db), m_clock(clock), m_metrics(metrics), m_store(db, clock),
          m_failures(metrics->counter("parley_webhook_parse_failures_total",
              "Authentic bodies that could not be parsed (journaled, answered 200, "
              "marked failed)")),
          m_lag(metrics->histogram("parley_ingest_parse_lag_seconds",
              "Time from a body being read to its parse being committed"))
    {
        sqlite3 *handle = Database::nativeHandle(m_db);
        const std::pair<SqliteStatement *, const char *> statements[] = {
            {&m_begin, "BEGIN IMMEDIATE"},
            {&m_commit, "COMMIT"},
            {&m_savepoint, "SAVEPOINT journal_row"},
            {&m_release, "RELEASE journal_row"},
            {&m_rollbackTo, "ROLLBACK TO journal_row"},
            {&m_mark,
                "INSERT OR REPLACE INTO journal_parse (state, error, events, parsed_at, "
                "journal_id) VALUES (?, ?, ?, ?, ?)"},
            {&m_advance,
                "UPDATE ingest_cursor SET parsed_through = max(parsed_through, ?) WHERE id = 1"},
        };
        for (const auto &[statement, sql] : statements) {
            QString error;
            if (!statement->prepare(handle, QString::fromLatin1(sql), &error))
                qCCritical(lcJournal) << "cannot prepare" << sql << ":" << error;
        }
    }

    // Whether this processor's transactions move ingest_cursor: only for rows taken in journal
    // order from the cursor on (the parse worker, replay of pending or all rows), where every
    // row up to the last one is handled.
    void setAdvanceCursor(bool advance) { m_advanceCursor = advance; }

    bool begin(QString *error)
    {
        m_pendingLag.clear();
        m_lastId = 0;
        return run(m_begin, error);
    }

    bool commit(QString *error)
    {
        if (m_advanceCursor && m_lastId > 0) {
            m_advance.bindInt(0, m_lastId);
            if (!run(m_advance, error)) {
                rollback();
                return false;
            }
        }
        if (!run(m_commit, error)) {
            rollback();
            return false;
        }
        m_store.batchCommitted();
        const double now = double(m_clock->nowMs());
        for (qint64 receivedAt : m_pendingLag)
            m_lag.observe(std::max(0.0, (now - double(receivedAt)) / 1000.0));
        for (auto it = m_pendingEvents.cbegin(); it != m_pendingEvents.cend(); ++it)
            eventCounter(it.key()).inc(it.value());
        m_failures.inc(m_pendingFailures);
        m_pendingEvents.clear();
        m_pendingFailures = 0;
        return true;
    }

    void rollback()
    {
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("ROLLBACK"));
        m_store.batchRolledBack();
        m_pendingEvents.clear();
        m_pendingFailures = 0;
        m_pendingLag.clear();
    }

    // Optimistic by default: no savepoint per row (a savepoint makes SQLite copy every page a
    // row touches into its sub-journal). If a row's statements fail, process() returns false
    // with needsCarefulRetry(): the caller rolls the transaction back and runs the same rows
    // again after setCareful(true), one savepoint per row, so that the failing row alone is
    // rolled back and marked failed.
    void setCareful(bool careful)
    {
        m_careful = careful;
        m_needsCarefulRetry = false;
    }
    bool needsCarefulRetry() const { return m_needsCarefulRetry; }

    // False when the store itself fails (the transaction must then be rolled back), or when the
    // row needs a careful retry (see setCareful).
    bool process(const Row &row, IngestBatch &batch, QSet<qint64> &conversations, QString *error)
    {
        if (m_careful && !run(m_savepoint, error))
            return false;
        IngestResult result = m_store.ingest(row.id, row.body, row.receivedAtMs);
        QString failure;
        if (result.sqlFailed && !m_careful) {
            m_needsCarefulRetry = true;
            if (error)
                *error = QStringLiteral("journal row %1: %2").arg(row.id).arg(result.error);
            return false;
        }
        if (result.sqlFailed) {
            if (!run(m_rollbackTo, error))
                return false;
            failure = QStringLiteral("store error: ") + result.error;
            qCWarning(lcJournal) << "journal row" << row.id
                                 << "could not be stored, marked failed:" << result.error;
        } else if (!result.parsed) {
            failure = result.error.isEmpty() ? QStringLiteral("not a webhook body") : result.error;
            qCWarning(lcJournal).nospace() << "journal row " << row.id << " (" << row.body.size()
                                           << " bytes) does not parse, marked failed: " << failure;
        }
        const bool ok = failure.isEmpty();
        const int events = ok ? result.totalEvents() : 0;
        m_mark.bindUtf8(0, ok ? QByteArrayLiteral("parsed") : QByteArrayLiteral("failed"));
        if (ok)
            m_mark.bindNull(1);
        else
            m_mark.bindText(1, failure);
        m_mark.bindInt(2, events);
        m_mark.bindInt(3, m_clock->nowMs());
        m_mark.bindInt(4, row.id);
        if (!run(m_mark, error) || (m_careful && !run(m_release, error)))
            return false;

        batch.journalIds.append(row.id);
        m_lastId = std::max(m_lastId, row.id);
        m_pendingLag.append(row.receivedAtMs);
        if (ok) {
            ++batch.parsedRows;
            for (auto it = result.eventCounts.cbegin(); it != result.eventCounts.cend(); ++it) {
                batch.eventCounts[it.key()] += it.value();
                m_pendingEvents[it.key()] += it.value();
            }
            conversations.unite(result.conversationIds);
            batch.messageIds += result.messageIds;
            batch.statusMessageIds += result.statusMessageIds;
        } else {
            ++batch.failedRows;
            ++m_pendingFailures;
        }
        return true;
    }

private:
    static bool run(SqliteStatement &q, QString *error)
    {
        if (!q.isPrepared()) {
            if (error)
                *error = QStringLiteral("statement not prepared (no SQLite connection)");
            return false;
        }
        return q.exec(error);
    }

    Metrics::Counter &eventCounter(const QString &kind)
    {
        auto it = m_eventCounters.find(kind);
        if (it == m_eventCounters.end()) {
            it = m_eventCounters.insert(kind,
                &m_metrics->counter("parley_webhook_events_total",
                    "Events parsed from webhook bodies, by kind", {{"kind", kind.toUtf8()}}));
        }
        return **it;
    }

    QSqlDatabase m_db;
    Clock *m_clock;
    Metrics *m_metrics;
    InboundStore m_store;
    SqliteStatement m_begin;
    SqliteStatement m_commit;
    SqliteStatement m_savepoint;
    SqliteStatement m_release;
    SqliteStatement m_rollbackTo;
    SqliteStatement m_mark;
    SqliteStatement m_advance;
    bool m_advanceCursor = false;
    qint64 m_lastId = 0;
    Metrics::Counter &m_failures;
    Metrics::Histogram &m_lag;
    QHash<QString, Metrics::Counter *> m_eventCounters;
    QHash<QString, int> m_pendingEvents;
    int m_pendingFailures = 0;
    QList<qint64> m_pendingLag;
    bool m_careful = false;
    bool m_needsCarefulRetry = false;
};

// Reads up to `limit` rows after `afterId` matching `where` into rows; returns the count.
// throughId >= 0: the query has a third placeholder, the last id to read (between the two).
int fetchRows(QSqlQuery &q, qint64 afterId, int limit, std::deque<Row> &rows, QString *error,
    qint64 throughId = -1)
{
    int i = 0;
    q.bindValue(i++, afterId);
    if (throughId >= 0)
        q.bindValue(i++, throughId);
    q.bindValue(i, limit);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return -1;
    }
    int n = 0;
    while (q.next()) {
        rows.push_back(
            Row{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toByteArray()});
        ++n;
    }
    // Ends the read transaction at once, so that checkpoints are not held back.
    q.finish();
    return n;
}

// Checks that the store's ingest_cursor belongs to this journal file (journal_meta uuid). A
// store whose journal file was replaced (restored from elsewhere, deleted) would otherwise take
// the new file's first rows for parsed ones: its parse records are then dropped and parsing
// starts again from the first row (idempotently). *parsedThrough: the cursor.
bool reconcileCursor(QSqlDatabase &db, QSqlDatabase &journal, qint64 *parsedThrough, QString *error)
{
    QSqlQuery q(journal);
    if (!q.exec(QStringLiteral("SELECT value FROM journal_meta WHERE key = 'uuid'")) || !q.next()) {
        *error
            = QStringLiteral("cannot read the webhook journal's id: %1").arg(q.lastError().text());
        return false;
    }
    const QString uuid = q.value(0).toString();
    q.finish();
    QSqlQuery c(db);
    if (!c.exec(
            QStringLiteral("SELECT journal_uuid, parsed_through FROM ingest_cursor WHERE id = 1"))
        || !c.next()) {
        *error = QStringLiteral("cannot read the ingest cursor: %1").arg(c.lastError().text());
        return false;
    }
    const QString known = c.value(0).toString();
    *parsedThrough = c.value(1).toLongLong();
    c.finish();
    if (known == uuid)
        return true;
    if (!known.isEmpty())
        qCWarning(lcJournal) << "the webhook journal file is not the one this store parsed "
                                "(replaced or recreated): parsing it from its first row";
    const bool ok = c.exec(QStringLiteral("BEGIN IMMEDIATE"))
        && (known.isEmpty() || c.exec(QStringLiteral("DELETE FROM journal_parse")))
        && c.prepare(QStringLiteral("UPDATE ingest_cursor SET journal_uuid = ?, parsed_through = "
                                    "CASE WHEN journal_uuid IS NULL THEN parsed_through ELSE 0 END "
                                    "WHERE id = 1"))
        && (c.addBindValue(uuid), c.exec()) && c.exec(QStringLiteral("COMMIT"));
    if (!ok) {
        *error = c.lastError().text();
        c.exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    if (!known.isEmpty())
        *parsedThrough = 0;
    return true;
}

// Rows a replay takes, in journal order after a cursor (?), at most ?; on a connection with
// the journal attached (Database::Options::attachJournal).
QString selectSql(ReplaySelection selection)
{
    switch (selection) {
    case ReplaySelection::Pending:
        return QStringLiteral(
            "SELECT j.id, j.received_at, j.body FROM webhooks.journal j "
            "WHERE j.id > max(?, (SELECT parsed_through FROM main.ingest_cursor WHERE id = 1)) "
            "AND NOT EXISTS (SELECT 1 FROM main.journal_parse p WHERE p.journal_id = j.id) "
            "ORDER BY j.id LIMIT ?");
    case ReplaySelection::Failed:
        return QStringLiteral(
            "SELECT j.id, j.received_at, j.body FROM main.journal_parse p "
            "JOIN webhooks.journal j ON j.id = p.journal_id "
            "WHERE p.state = 'failed' AND p.journal_id > ? ORDER BY p.journal_id LIMIT ?");
    case ReplaySelection::All: break;
    }
    return QStringLiteral(
        "SELECT id, received_at, body FROM webhooks.journal WHERE id > ? ORDER BY id LIMIT ?");
}

// One replay transaction: applies `rows`, commits, and adds what it did to stats and changes.
bool replayBatch(RowProcessor &processor, const std::deque<Row> &rows, ReplayStats *stats,
    IngestBatch *changes, QString *error)
{
    IngestBatch batch;
    QSet<qint64> conversations;
    bool ok = true;
    for (bool careful : {false, true}) {
        batch = IngestBatch();
        conversations.clear();
        processor.setCareful(careful);
        ok = processor.begin(error);
        for (const Row &row : rows) {
            if (!ok)
                break;
            ok = processor.process(row, batch, conversations, error);
        }
        if (ok)
            ok = processor.commit(error);
        else
            processor.rollback();
        if (ok || !processor.needsCarefulRetry())
            break; // else: again, one savepoint per row
    }
    if (!ok)
        return false;
    if (stats) {
        stats->rows += batch.journalIds.size();
        stats->parsed += batch.parsedRows;
        stats->failed += batch.failedRows;
        for (int count : std::as_const(batch.eventCounts))
            stats->events += count;
    }
    if (changes) {
        changes->journalIds += batch.journalIds;
        changes->parsedRows += batch.parsedRows;
        changes->failedRows += batch.failedRows;
        for (auto it = batch.eventCounts.cbegin(); it != batch.eventCounts.cend(); ++it)
            changes->eventCounts[it.key()] += it.value();
        for (qint64 c : std::as_const(conversations))
            if (!changes->conversationIds.contains(c))
                changes->conversationIds.append(c);
        changes->messageIds += batch.messageIds;
        changes->statusMessageIds += batch.statusMessageIds;
    }
    return true;
}

} // namespace

IngestPipeline::IngestPipeline(
    const QString &dbPath, Journal *journal, Clock *clock, Metrics *metrics, QObject *parent)
    : QObject(parent), m_dbPath(dbPath), m_journal(journal), m_clock(clock), m_metrics(metrics)
{
    qRegisterMetaType<parley::core::IngestBatch>();
    if (m_journal) {
        connect(m_journal, &Journal::committed, this, &IngestPipeline::wake, Qt::DirectConnection);
    }
}

IngestPipeline::~IngestPipeline()
{
    stop();
}

bool IngestPipeline::start(QString *error)
{
    if (m_thread.joinable())
        return true;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = false;
        m_woken = true;
    }
    m_hurry.store(false);
    m_checkpointerFailed.store(false);
    std::promise<QString> ready;
    std::future<QString> result = ready.get_future();
    m_thread = std::thread([this, &ready] { run(&ready); });
    const QString openError = result.get();
    if (!openError.isEmpty()) {
        m_thread.join();
        if (error)
            *error = openError;
        return false;
    }
    if (m_options.checkpointThread)
        m_checkpointer = std::thread([this] { runCheckpointer(); });
    return true;
}

void IngestPipeline::stop()
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_hurry.store(true);
    m_cv.notify_one();
    m_checkpointerCv.notify_one();
    // The checkpointer first (its pass in progress ends unpaced): the worker's last checkpoint
    // then copies whatever is left.
    if (m_checkpointer.joinable())
        m_checkpointer.join();
    m_thread.join();
}

namespace {
constexpr qint64 kTruncateAfterIdleMs = 2000;

qint64 steadyNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
} // namespace

void IngestPipeline::runCheckpointer()
{
    const QString connection = Database::threadConnectionName(QStringLiteral("checkpoint"));
    {
        QString error;
        QSqlDatabase db = Database::open(m_dbPath, connection, &error);
        QSqlQuery checkpoint(db);
        // The store file is synced after each pass (and the WAL before it): NORMAL is enough
        // for a connection that only checkpoints.
        if (!db.isValid() || !checkpoint.exec(QStringLiteral("PRAGMA synchronous=NORMAL"))) {
            qCWarning(lcJournal) << "cannot open the store for its checkpoints, the parse worker "
                                    "takes them:"
                                 << (error.isEmpty() ? checkpoint.lastError().text() : error);
            m_checkpointerFailed.store(true);
        } else {
            checkpoint.finish();
            sqlite3 *handle = Database::nativeHandle(db);
            Metrics::Histogram &time = m_metrics->histogram("parley_store_checkpoint_seconds",
                "Checkpoints of the store's WAL (copy into the store file and its fsync), by "
                "the thread that ran them",
                {{"by", "checkpointer"}});
            Metrics::Counter &copied = m_metrics->counter("parley_store_checkpoint_frames_total",
                "WAL frames the checkpointer's passes copied into the store file");
            int backfilled = 0; // frames of the current WAL copied by earlier passes
            const QString walPath = m_dbPath + QStringLiteral("-wal");
            for (;;) {
                {
                    std::unique_lock lock(m_mutex);
                    m_checkpointerCv.wait_for(lock,
                        std::chrono::milliseconds(m_options.checkpointEveryMs),
                        [this] { return m_stopping; });
                    if (m_stopping)
                        break;
                }
                const auto started = std::chrono::steady_clock::now();
                if (m_journal)
                    m_journal->diskWork(Journal::DiskWork::StoreCheckpoint, true);
                int logFrames = 0;
                int done = 0;
                int rc = SQLITE_OK;
                {
                    std::optional<PacedWrites> pace;
                    if (m_options.checkpointKibPerMs > 0)
                        pace.emplace(m_options.checkpointKibPerMs, &m_hurry);
                    rc = sqlite3_wal_checkpoint_v2(
                        handle, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &done);
                }
                if (m_journal)
                    m_journal->diskWork(Journal::DiskWork::StoreCheckpoint, false);
                if (rc == SQLITE_OK) {
                    time.observe(
                        std::chrono::duration<double>(std::chrono::steady_clock::now() - started)
                            .count());
                    // A WAL that started over since the last pass has fewer frames.
                    copied.inc(double(done >= backfilled ? done - backfilled : done));
                    backfilled = done;
                    // A WAL file that grew during a burst is cut back once the parse worker has
                    // been idle for a while and a pass has copied all of it (SQLite keeps a WAL
                    // file's size when it starts over). Not sooner: a truncating checkpoint
                    // holds the writers off, and a WAL that grows again block by block cost
                    // the journal's fdatasyncs (docs/performance.md).
                    const qint64 idleMs = steadyNowMs() - m_lastParseCommitMs.load();
                    if (logFrames > 0 && done == logFrames && idleMs >= kTruncateAfterIdleMs
                        && QFileInfo(walPath).size() > m_options.storeWalSizeLimitBytes) {
                        if (sqlite3_wal_checkpoint_v2(
                                handle, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr)
                            == SQLITE_OK)
                            backfilled = 0;
                    }
                } else if (rc != SQLITE_BUSY) { // busy: the worker is checkpointing
                    qCWarning(lcJournal)
                        << "store checkpoint failed:" << sqlite3_errmsg(handle) << "; retrying";
                }
            }
        }
        checkpoint = QSqlQuery();
        db = QSqlDatabase();
    }
    Database::close(connection);
}

void IngestPipeline::wake()
{
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_cv.notify_one();
}

void IngestPipeline::run(std::promise<QString> *ready)
{
    // Parsing is background work that may lag; answering Meta may not. On a busy machine the
    // scheduler then hands the CPU to the HTTP and journal threads as soon as they wake, while
    // the parse worker still gets every cycle they leave idle.
    if (m_options.niceness > 0) {
        const auto self = id_t(::syscall(SYS_gettid));
        errno = 0;
        const int current = ::getpriority(PRIO_PROCESS, self);
        if (errno != 0
            || ::setpriority(PRIO_PROCESS, self, qMin(19, current + m_options.niceness)) != 0)
            qCDebug(lcJournal) << "cannot lower the parse worker's priority";
    }
    const QString connection = Database::threadConnectionName(QStringLiteral("ingest"));
    const QString reading = connection + QStringLiteral("-journal");
    {
        QString error;
        QSqlDatabase db = Database::open(m_dbPath, connection, &error);
        if (db.isValid()) {
            QSqlQuery pragma(db);
            // Derived data: durable through the journal (see the class comment). Checkpoints
            // run on the checkpointer thread or here, explicitly (Options::checkpointThread).
            if (!pragma.exec(QStringLiteral("PRAGMA synchronous=NORMAL"))
                || !pragma.exec(QStringLiteral("PRAGMA wal_autocheckpoint=0")))
                error = pragma.lastError().text();
        }
        // The journal file, read on a connection of its own: this worker never writes it, so
        // the journal's group commits never wait for it.
        QSqlDatabase journal;
        if (db.isValid() && error.isEmpty())
            journal = Database::openJournal(m_dbPath, reading, &error);
        qint64 parsedThrough = 0;
        if (journal.isValid() && error.isEmpty())
            reconcileCursor(db, journal, &parsedThrough, &error);
        if (!db.isValid() || !journal.isValid() || !error.isEmpty()) {
            db = QSqlDatabase();
            journal = QSqlDatabase();
            Database::close(connection);
            Database::close(reading);
            ready->set_value(error.isEmpty() ? QStringLiteral("cannot open the store") : error);
            return;
        }
        {
            RowProcessor processor(db, m_clock, m_metrics);
            processor.setAdvanceCursor(true);
            QSqlQuery fetch = prepared(journal,
                QStringLiteral(
                    "SELECT id, received_at, body FROM journal WHERE id > ? AND id <= ? ORDER "
                    "BY id LIMIT ?"));
            // How long this worker holds the store's write lock (the console's writes wait).
            Metrics::Histogram &holdParse
                = m_metrics->histogram("parley_store_write_lock_hold_seconds",
                    "How long the parse worker held the store's write lock, per transaction",
                    {{"work", "parse"}});
            Metrics::Histogram &holdIndex
                = m_metrics->histogram("parley_store_write_lock_hold_seconds",
                    "How long the parse worker held the store's write lock, per transaction",
                    {{"work", "index"}});
            ready->set_value(QString());

            std::deque<Row> rows;
            qint64 cursor = parsedThrough; // last row read
            qint64 sinceCheckpoint = 0;
            using SteadyClock = std::chrono::steady_clock;
            auto lastCheckpoint = SteadyClock::now();
            auto lastJournalCheckpoint = SteadyClock::now();
            auto lastYield = SteadyClock::now();
            // Console search index (schema 0007): new messages are indexed in chunks outside
            // the parse transactions, when the worker is idle or at least every indexEveryMs.
            bool indexBehind = true; // rows of an earlier run may be waiting
            auto lastIndexed = SteadyClock::now();
            auto catchUpIndex = [&] {
                for (;;) {
                    const auto locked = SteadyClock::now();
                    QString indexError;
                    const qint64 moved = MessageIndex::indexChunk(
                        db, m_options.indexChunkRows, nullptr, &indexError);
                    holdIndex.observe(
                        std::chrono::duration<double>(SteadyClock::now() - locked).count());
                    if (moved < 0) {
                        qCWarning(lcJournal) << "cannot update the search index:" << indexError;
                        indexBehind = false; // retried after the next new messages (and by search)
                        break;
                    }
                    if (moved == 0) {
                        indexBehind = false;
                        break;
                    }
                    std::lock_guard lock(m_mutex);
                    if (m_stopping)
                        break;
                }
                lastIndexed = SteadyClock::now();
            };
            // The store's WAL has one busy writer, this worker: a checkpoint between two of its
            // transactions copies all of it, and the next transaction starts the WAL over.
            // A checkpoint ends with an fsync of the store file, and the journal's fdatasync, on
            // the same disk, waits behind whatever that fsync writes. So by default the
            // checkpointer thread takes them, paced (Options::checkpointThread), and this worker
            // only when the WAL has grown to Options::maxStoreWalFrames. Inline
            // (checkpointThread false), every checkpointEveryMs: with realistic traffic (random
            // wamids) 500 ms writes 6-11 % less per request than 100 ms, since a page changed
            // several times is copied once (docs/performance.md, session 8).
            // The journal file's WAL is written by the journal's thread all the time: this
            // worker copies the bulk of it often, and the journal's thread finishes the pass
            // (Journal::Options::finishCheckpointAboveFrames).
            Metrics::Histogram &storeCheckpointTime
                = m_metrics->histogram("parley_store_checkpoint_seconds",
                    "Checkpoints of the store's WAL (copy into the store file and its fsync), by "
                    "the thread that ran them",
                    {{"by", "parse_worker"}});
            Metrics::Histogram &journalCopyTime = m_metrics->histogram(
                "parley_journal_copy_seconds",
                "Checkpoint passes of the parse worker over the journal file's WAL (copy into the "
                "journal file and its write-out)");
            // Disk work, reported to the journal (its fdatasyncs wait behind this work's writes
            // on the same disk, docs/performance.md) and timed when run() says it ran.
            auto diskWork = [&](Journal::DiskWork work, Metrics::Histogram &time, auto &&run) {
                if (m_journal)
                    m_journal->diskWork(work, true);
                const auto started = SteadyClock::now();
                if (run())
                    time.observe(
                        std::chrono::duration<double>(SteadyClock::now() - started).count());
                if (m_journal)
                    m_journal->diskWork(work, false);
            };
            // Busy when a pass of the checkpointer is running: the caller tries again later.
            auto checkpointStore = [&] {
                diskWork(Journal::DiskWork::StoreCheckpoint, storeCheckpointTime, [&] {
                    return sqlite3_wal_checkpoint_v2(Database::nativeHandle(db), nullptr,
                               SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr)
                        == SQLITE_OK;
                });
            };
            // Frames in the store's WAL after this worker's last commit (SQLite's WAL hook).
            int storeWalFrames = 0;
            sqlite3_wal_hook(
                Database::nativeHandle(db),
                [](void *frames, sqlite3 *, const char *, int n) {
                    *static_cast<int *>(frames) = n;
                    return SQLITE_OK;
                },
                &storeWalFrames);
            Metrics::Gauge &storeWalGauge = m_metrics->gauge("parley_store_wal_frames",
                "Frames in the store's WAL after the parse worker's last commit");
            // The journal's thread finishes a pass right after one of these (it then copies
            // only what came meanwhile), so it is told how far this one got.
            sqlite3 *journalHandle = Database::nativeHandle(journal);
            int journalCopied = 0;
            const int journalFileFd
                = ::open(QFile::encodeName(Database::journalPath(m_dbPath)).constData(),
                    O_RDONLY | O_CLOEXEC);
            // The store's WAL is synced only when it is checkpointed (synchronous=NORMAL):
            // its write-back is started after each parse transaction instead (not waited for),
            // so that the checkpoint's sync finds it written and the journal's fdatasync, on
            // the same disk, never queues behind a checkpoint interval's worth of it at once.
            const int storeWalFd
                = ::open(QFile::encodeName(m_dbPath + QStringLiteral("-wal")).constData(),
                    O_RDONLY | O_CLOEXEC);
            const auto closeFiles = qScopeGuard([journalFileFd, storeWalFd] {
                if (journalFileFd >= 0)
                    ::close(journalFileFd);
                if (storeWalFd >= 0)
                    ::close(storeWalFd);
            });

            auto copyJournal = [&] {
                int logFrames = 0;
                int copied = 0;
                if (sqlite3_wal_checkpoint_v2(
                        journalHandle, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copied)
                    != SQLITE_OK)
                    return false;
                // Written out (waited for, but without a cache flush of the disk, which the
                // journal's own fdatasync would queue behind) before the journal's thread may
                // finish the pass; its fsync then flushes little more than its own pages.
                if (copied != journalCopied && journalFileFd >= 0)
                    ::sync_file_range(journalFileFd, 0, 0,
                        SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE
                            | SYNC_FILE_RANGE_WAIT_AFTER);
                journalCopied = copied;
                if (m_journal)
                    m_journal->backfilled(copied);
                return true;
            };
            auto checkpointJournal
                = [&] { diskWork(Journal::DiskWork::JournalCopy, journalCopyTime, copyJournal); };
            for (;;) {
                if (rows.empty()) {
                    {
                        std::lock_guard lock(m_mutex);
                        if (m_stopping)
                            break;
                        m_woken = false;
                    }
                    QString fetchError;
                    // Only rows whose commit is durable: a row read before its fdatasync could
                    // be lost in a power cut while what was parsed from it (and the cursor past
                    // it) survives, and the journal would then give its id to another body.
                    const qint64 through = m_journal ? m_journal->lastCommittedId()
                                                     : std::numeric_limits<qint64>::max();
                    if (fetchRows(fetch, cursor, m_options.fetchRows, rows, &fetchError, through)
                        < 0)
                        qCWarning(lcJournal) << "cannot read the journal:" << fetchError;
                    if (!rows.empty()) {
                        cursor = rows.back().id;
                    } else if (indexBehind) {
                        catchUpIndex(); // idle: index, then look for new rows again
                        continue;
                    } else {
                        std::unique_lock lock(m_mutex);
                        m_cv.wait_for(lock, std::chrono::milliseconds(m_options.safetyPollMs),
                            [this] { return m_woken || m_stopping; });
                        continue;
                    }
                }

                IngestBatch batch;
                QSet<qint64> conversations;
                QString txError;
                const auto started = SteadyClock::now();
                bool ok = processor.begin(&txError);
                int handled = 0;
                std::vector<Row> done; // this transaction's rows, for a careful retry
                while (ok && !rows.empty() && handled < m_options.maxBatchRows) {
                    ok = processor.process(rows.front(), batch, conversations, &txError);
                    if (!ok)
                        break;
                    done.push_back(std::move(rows.front()));
                    rows.pop_front();
                    ++handled;
                    const auto now = SteadyClock::now();
                    if (now - started >= std::chrono::microseconds(m_options.maxTransactionUs))
                        break;
                    // Let a woken HTTP or journal thread have this core now rather than at the
                    // end of this thread's time slice (measured: the journal's thread waited up
                    // to 5 ms for a core, mostly behind this worker; docs/performance.md). Only
                    // while this worker keeps up: behind, it takes its full share of the CPU.
                    if (m_options.yieldEveryUs > 0
                        && now - lastYield >= std::chrono::microseconds(m_options.yieldEveryUs)
                        && (!m_journal || m_journal->backlog() < m_options.yieldBelowBacklog)) {
                        std::this_thread::yield();
                        lastYield = SteadyClock::now();
                    }
                }
                if (ok)
                    ok = processor.commit(&txError);
                else
                    processor.rollback();
                if (ok && storeWalFd >= 0 && m_options.startStoreWriteback)
                    ::sync_file_range(storeWalFd, 0, 0, SYNC_FILE_RANGE_WRITE);
                holdParse.observe(
                    std::chrono::duration<double>(SteadyClock::now() - started).count());
                if (!ok && processor.needsCarefulRetry()) {
                    // Again, one savepoint per row: the failing row alone is marked failed.
                    qCInfo(lcJournal) << "a row failed to store, parsing the batch again row by "
                                         "row:"
                                      << txError;
                    for (auto it = done.rbegin(); it != done.rend(); ++it)
                        rows.push_front(std::move(*it));
                    processor.setCareful(true);
                    continue;
                }
                processor.setCareful(false);
                if (!ok) {
                    qCWarning(lcJournal) << "parse transaction failed, will retry:" << txError;
                    rows.clear();
                    cursor = parsedThrough;
                    std::unique_lock lock(m_mutex);
                    m_cv.wait_for(
                        lock, std::chrono::milliseconds(100), [this] { return m_stopping; });
                    continue;
                }
                m_lastParseCommitMs.store(steadyNowMs());
                if (!batch.journalIds.isEmpty()) {
                    parsedThrough = batch.journalIds.back();
                    m_lastHandledId.store(parsedThrough);
                }
                m_parsedRows.fetch_add(batch.parsedRows);
                m_failedRows.fetch_add(batch.failedRows);
                if (m_journal)
                    m_journal->rowsParsed(batch.journalIds.size());
                batch.conversationIds = conversations.values();
                if (!batch.messageIds.isEmpty())
                    indexBehind = true;
                Q_EMIT ingested(batch);
                if (indexBehind
                    && SteadyClock::now() - lastIndexed
                        >= std::chrono::milliseconds(m_options.indexEveryMs))
                    catchUpIndex();

                sinceCheckpoint += handled;
                storeWalGauge.set(storeWalFrames);
                if (m_options.checkpointThread && !m_checkpointerFailed.load()) {
                    if (storeWalFrames >= m_options.maxStoreWalFrames)
                        checkpointStore(); // unpaced
                } else if (sinceCheckpoint >= m_options.checkpointEveryRows
                    || (sinceCheckpoint > 0
                        && SteadyClock::now() - lastCheckpoint
                            >= std::chrono::milliseconds(m_options.checkpointEveryMs))) {
                    checkpointStore();
                    sinceCheckpoint = 0;
                    lastCheckpoint = SteadyClock::now();
                }
                if (m_options.journalCheckpointEveryMs > 0
                    && SteadyClock::now() - lastJournalCheckpoint
                        >= std::chrono::milliseconds(m_options.journalCheckpointEveryMs)) {
                    checkpointJournal();
                    lastJournalCheckpoint = SteadyClock::now();
                }
            }
            checkpointStore();
            checkpointJournal();
        }
        db = QSqlDatabase();
        journal = QSqlDatabase();
    }
    Database::close(connection);
    Database::close(reading);
}

bool IngestPipeline::replay(const QString &dbPath, ReplaySelection selection, Clock *clock,
    ReplayStats *stats, QString *error)
{
    const QString connection = Database::threadConnectionName(QStringLiteral("replay"));
    const QString reading = connection + QStringLiteral("-journal");
    bool ok = true;
    {
        // Writes go to the store alone (a connection with the journal attached would take the
        // journal's write lock too); the selection reads both files.
        QSqlDatabase db = Database::open(dbPath, connection, error);
        Database::Options readOptions;
        readOptions.attachJournal = true;
        QSqlDatabase reader;
        if (db.isValid())
            reader = Database::open(dbPath, reading, error, readOptions);
        qint64 parsedThrough = 0;
        if (!db.isValid() || !reader.isValid()
            || !reconcileCursor(db, reader, &parsedThrough, error)) {
            db = QSqlDatabase();
            reader = QSqlDatabase();
            Database::close(connection);
            Database::close(reading);
            return false;
        }
        Metrics local; // a one-shot command exports nothing
        {
            RowProcessor processor(db, clock, &local);
            // Pending and all rows are taken in journal order: every row up to the last one is
            // then handled, and the cursor moves with them.
            processor.setAdvanceCursor(selection != ReplaySelection::Failed);
            QSqlQuery fetch = prepared(reader, selectSql(selection));
            qint64 cursor = 0;
            for (;;) {
                std::deque<Row> rows;
                const int n = fetchRows(fetch, cursor, 256, rows, error);
                if (n < 0) {
                    ok = false;
                    break;
                }
                if (n == 0)
                    break;
                cursor = rows.back().id;
                ok = replayBatch(processor, rows, stats, nullptr, error);
                if (!ok)
                    break;
            }
            // The console's search index, for the messages this replay inserted.
            if (ok)
                ok = MessageIndex::catchUp(db, nullptr, error);
        }
        db = QSqlDatabase();
        reader = QSqlDatabase();
    }
    Database::close(connection);
    Database::close(reading);
    return ok;
}

bool IngestPipeline::replayRows(const QString &dbPath, const QList<qint64> &journalIds,
    Clock *clock, ReplayStats *stats, QString *error, IngestBatch *changes)
{
    const QString connection = Database::threadConnectionName(QStringLiteral("replay-rows"));
    const QString reading = connection + QStringLiteral("-journal");
    bool ok = true;
    {
        QSqlDatabase db = Database::open(dbPath, connection, error);
        QSqlDatabase journal;
        if (db.isValid())
            journal = Database::openJournal(dbPath, reading, error);
        qint64 parsedThrough = 0;
        if (!db.isValid() || !journal.isValid()
            || !reconcileCursor(db, journal, &parsedThrough, error)) {
            db = QSqlDatabase();
            journal = QSqlDatabase();
            Database::close(connection);
            Database::close(reading);
            return false;
        }
        Metrics local;
        {
            RowProcessor processor(db, clock, &local);
            QSqlQuery fetch = prepared(
                journal, QStringLiteral("SELECT id, received_at, body FROM journal WHERE id = ?"));
            QList<qint64> ids = journalIds;
            std::sort(ids.begin(), ids.end());
            ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
            for (qsizetype start = 0; ok && start < ids.size(); start += 256) {
                std::deque<Row> rows;
                for (qsizetype i = start; i < std::min(ids.size(), start + 256); ++i) {
                    fetch.bindValue(0, ids.at(i));
                    if (!fetch.exec()) {
                        if (error)
                            *error = fetch.lastError().text();
                        ok = false;
                        break;
                    }
                    if (fetch.next())
                        rows.push_back(Row{fetch.value(0).toLongLong(), fetch.value(1).toLongLong(),
                            fetch.value(2).toByteArray()});
                    fetch.finish();
                }
                if (ok && !rows.empty())
                    ok = replayBatch(processor, rows, stats, changes, error);
            }
            // The console's search index, for the messages this replay inserted.
            if (ok)
                ok = MessageIndex::catchUp(db, nullptr, error);
        }
        db = QSqlDatabase();
        journal = QSqlDatabase();
    }
    Database::close(connection);
    Database::close(reading);
    return ok;
}

} // namespace parley::core
