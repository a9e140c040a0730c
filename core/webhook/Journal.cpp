#include "webhook/Journal.h"

#include "common/Log.h"
#include "store/Database.h"
#include "webhook/SqliteStatement.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace parley::core {

namespace {

const HttpResponse &okResponse()
{
    static const HttpResponse r = HttpResponse::text(200, "ok\n");
    return r;
}

const HttpResponse &failedResponse()
{
    static const HttpResponse r = HttpResponse::text(500, "journal commit failed\n");
    return r;
}

Metrics::Histogram &syncOverlapping(Metrics *metrics, const QByteArray &work)
{
    return metrics->histogram("parley_journal_fsync_overlapping_seconds",
        "WAL fdatasyncs of journal group commits that overlapped disk work of the parse worker "
        "on the same disk, by work",
        {{"work", work}});
}

bool execSql(QSqlDatabase &db, const char *sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(QString::fromLatin1(sql)))
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

} // namespace

Journal::Journal(const QString &dbPath, Clock *clock, Metrics *metrics, QObject *parent)
    : QObject(parent), m_dbPath(dbPath), m_clock(clock),
      m_commits(
          metrics->counter("parley_journal_commits_total", "Journal group commits (transactions)")),
      m_commitFailures(metrics->counter("parley_journal_commit_failures_total",
          "Journal commits that failed (their requests were answered 500)")),
      m_rows(metrics->counter("parley_journal_rows_total", "Webhook bodies journaled durably")),
      m_batchSize(metrics->histogram("parley_journal_batch_rows", "Rows per journal group commit",
          {}, {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048})),
      m_latency(metrics->histogram("parley_ingest_latency_seconds",
          "Time from an authentic request being read to its journal commit")),
      m_gateWait(metrics->histogram("parley_journal_write_lock_wait_seconds",
          "Time a journal group commit waited for the journal file's write lock (BEGIN "
          "IMMEDIATE; only an erase or a retention run takes it besides the journal)")),
      m_writeTime(metrics->histogram("parley_journal_write_seconds",
          "Time a journal group commit held the journal file's write lock (inserts and COMMIT)")),
      m_syncTime(metrics->histogram("parley_journal_fsync_seconds",
          "Time the fdatasync of the WAL took after a journal group commit")),
      m_syncOverlapping{
          &syncOverlapping(metrics, "store_checkpoint"), &syncOverlapping(metrics, "journal_copy")},
      m_walBytes(metrics->gauge("parley_journal_wal_bytes",
          "Size of the journal file's WAL at the last journal fdatasync")),
      m_checkpointTime(metrics->histogram("parley_journal_checkpoint_seconds",
          "Checkpoints the journal writer finished itself, between two group commits, so that "
          "the journal's WAL starts over")),
      m_backlogGauge(metrics->gauge(
          "parley_journal_backlog", "Journaled bodies not yet parsed into the store"))
{
}

Journal::~Journal()
{
    stop();
}

bool Journal::start(QString *error)
{
    if (m_running.load())
        return true;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = false;
    }
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
    m_running.store(true);
    return true;
}

void Journal::stop()
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
    m_running.store(false);
}

void Journal::append(QByteArray body, qint64 receivedAtMs, HttpResponder responder)
{
    enqueue(Item{
        std::move(body), receivedAtMs, std::chrono::steady_clock::now(), std::move(responder), {}});
}

void Journal::append(QByteArray body, qint64 receivedAtMs, Completion done)
{
    enqueue(
        Item{std::move(body), receivedAtMs, std::chrono::steady_clock::now(), {}, std::move(done)});
}

void Journal::enqueue(Item item)
{
    bool accepted = false;
    {
        std::lock_guard lock(m_mutex);
        if (!m_stopping && m_running.load()) {
            m_queue.push_back(std::move(item));
            accepted = true;
        }
    }
    if (accepted) {
        m_wake.notify_one();
        return;
    }
    // Not running: never acknowledge what is not committed.
    item.responder.respond(failedResponse());
    if (item.done)
        item.done(-1);
}

void Journal::diskWork(DiskWork work, bool running)
{
    std::atomic<quint64> &generation = m_diskWork[work == DiskWork::StoreCheckpoint ? 0 : 1];
    // Only a change of state moves the count, so that it stays odd exactly while running (one
    // reporting thread, the parse worker, so the check and the add do not race).
    if (((generation.load() & 1) != 0) != running)
        generation.fetch_add(1);
}

void Journal::rowsParsed(qint64 count)
{
    m_backlogGauge.set(double(m_backlog.fetch_sub(count) - count));
}

void Journal::run(std::promise<QString> *ready)
{
    const QString connection = Database::threadConnectionName(QStringLiteral("journal"));
    {
        QString error;
        // Rows journaled before this start and not parsed yet: the store knows (journal_parse,
        // ingest_cursor). Counted once, on a connection of its own that sees both files.
        qint64 pending = 0;
        {
            const QString counting = connection + QStringLiteral("-count");
            {
                Database::Options options;
                options.attachJournal = true;
                QSqlDatabase store = Database::open(m_dbPath, counting, &error, options);
                QSqlQuery q(store);
                if (store.isOpen() && q.exec(Database::pendingJournalRowsSql()) && q.next())
                    pending = q.value(0).toLongLong();
                else if (error.isEmpty())
                    error = q.lastError().text();
            }
            Database::close(counting);
        }
        QSqlDatabase db;
        if (error.isEmpty())
            db = Database::openJournal(m_dbPath, connection, &error);
        // The journal's commits are the ones Meta waits for: checkpoints run mostly elsewhere
        // (the parse worker's reading connection), not inside this thread's commit.
        if (db.isValid()
            && (!execSql(db, "PRAGMA wal_autocheckpoint=0", &error)
                || !execSql(db,
                    QByteArray("PRAGMA journal_size_limit=")
                        .append(QByteArray::number(m_options.walSizeLimitBytes))
                        .constData(),
                    &error)))
            db.close();
        // With fsyncOutsideLock the commit itself does not fsync; syncWal() does, before any
        // answer. SQLite syncs the WAL before every checkpoint, so frames a checkpoint moved to
        // the database file (synced after the checkpoint) are durable as well.
        if (db.isOpen() && m_options.fsyncOutsideLock
            && !execSql(db, "PRAGMA synchronous=NORMAL", &error))
            db.close();
        m_walPath = Database::journalPath(m_dbPath) + QStringLiteral("-wal");
        qint64 lastId = 0;
        if (db.isOpen()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT ifnull(max(id), 0) FROM journal")) && q.next())
                lastId = q.value(0).toLongLong();
        }
        if (!db.isOpen()) {
            if (error.isEmpty())
                error = QStringLiteral("cannot open the webhook journal");
            db = {};
            Database::close(connection);
            ready->set_value(error);
            return;
        }
        // Frames in the WAL after each commit, for finishCheckpointAboveFrames.
        sqlite3_wal_hook(
            Database::nativeHandle(db),
            [](void *self, sqlite3 *, const char *, int frames) {
                static_cast<Journal *>(self)->m_walFrames = frames;
                return SQLITE_OK;
            },
            this);
        // Rows committed by an earlier run may still be only in the page cache (a crash of the
        // process, not of the machine): made durable before the parse worker may read them.
        if (lastId > 0 && m_options.fsyncOutsideLock && !syncWal(&error)) {
            db = {};
            Database::close(connection);
            ready->set_value(error);
            return;
        }
        m_backlog.store(pending);
        m_backlogGauge.set(double(pending));
        m_lastCommittedId.store(lastId);

        SqliteStatement insert;
        if (!insert.prepare(Database::nativeHandle(db),
                QStringLiteral("INSERT INTO journal (received_at, size, body) VALUES (?, ?, ?)"),
                &error)) {
            db = {};
            Database::close(connection);
            ready->set_value(error);
            return;
        }
        m_running.store(true);
        ready->set_value(QString());
        qCInfo(lcJournal) << "journal writer started;" << pending << "rows waiting to be parsed";

        std::vector<Item> batch;
        for (;;) {
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
                if (m_queue.empty())
                    break; // stopping, and everything is answered
                if (int(m_queue.size()) <= m_options.maxBatch) {
                    batch.swap(m_queue);
                } else {
                    auto end = m_queue.begin() + m_options.maxBatch;
                    batch.assign(
                        std::make_move_iterator(m_queue.begin()), std::make_move_iterator(end));
                    m_queue.erase(m_queue.begin(), end);
                }
            }
            QString error;
            const bool ok = commitBatch(db, insert, batch, &error);
            const auto now = std::chrono::steady_clock::now();
            for (Item &item : batch) {
                item.responder.respond(ok ? okResponse() : failedResponse());
                if (item.done)
                    item.done(ok ? item.id : -1);
                if (ok)
                    m_latency.observe(std::chrono::duration<double>(now - item.queuedAt).count());
            }
            if (ok)
                Q_EMIT committed(m_lastCommittedId.load(), int(batch.size()));
            else
                Q_EMIT commitFailed(error);
            batch.clear();
            // Everything is answered. A WAL that grew past the threshold: finish a checkpoint
            // pass once the parse worker's passes have copied all but its tail (see
            // Options::finishCheckpointAboveFrames), so that the next commit starts it over.
            if (ok && m_options.finishCheckpointAboveFrames > 0
                && m_walFrames >= m_options.finishCheckpointAboveFrames
                && (m_walFrames - m_backfilledFrames.load() <= m_options.finishTailFrames
                    || m_walFrames >= 8 * m_options.finishCheckpointAboveFrames)) {
                const auto started = std::chrono::steady_clock::now();
                QSqlQuery checkpoint(db);
                checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
                checkpoint.finish();
                m_walFrames = 0;
                m_backfilledFrames.store(0);
                m_checkpointTime.observe(
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - started)
                        .count());
            }
        }
        insert.reset();
        m_running.store(false);
        if (m_walFd >= 0)
            ::close(m_walFd);
        m_walFd = -1;
        db = QSqlDatabase();
    }
    Database::close(connection);
    qCInfo(lcJournal) << "journal writer stopped";
}

bool Journal::syncWal(QString *error)
{
    // Reopen when the WAL file is not the one we hold (first use, or recreated).
    struct stat byPath;
    struct stat byFd;
    const QByteArray path = QFile::encodeName(m_walPath);
    if (::stat(path.constData(), &byPath) != 0) {
        *error = QStringLiteral("cannot stat %1").arg(m_walPath);
        return false;
    }
    if (m_walFd < 0 || ::fstat(m_walFd, &byFd) != 0 || byFd.st_ino != byPath.st_ino
        || byFd.st_dev != byPath.st_dev) {
        if (m_walFd >= 0)
            ::close(m_walFd);
        m_walFd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
        if (m_walFd < 0) {
            *error = QStringLiteral("cannot open %1").arg(m_walPath);
            return false;
        }
    }
    m_walBytes.set(double(byPath.st_size));
    if (::fdatasync(m_walFd) != 0) {
        *error = QStringLiteral("fdatasync of %1 failed").arg(m_walPath);
        return false;
    }
    return true;
}

bool Journal::commitBatch(
    QSqlDatabase &db, SqliteStatement &insert, std::vector<Item> &batch, QString *error)
{
    const auto waitStarted = std::chrono::steady_clock::now();
    bool ok = execSql(db, "BEGIN IMMEDIATE", error);
    const auto locked = std::chrono::steady_clock::now();
    m_gateWait.observe(std::chrono::duration<double>(locked - waitStarted).count());
    qint64 lastId = 0;
    if (ok) {
        for (Item &item : batch) {
            insert.bindInt(0, item.receivedAtMs);
            insert.bindInt(1, qint64(item.body.size()));
            insert.bindBlob(2, item.body);
            if (!insert.exec(error)) {
                ok = false;
                break;
            }
            lastId = insert.lastInsertRowid();
            item.id = lastId;
        }
        // A failed COMMIT leaves the transaction open in some cases: roll back in any case.
        if (ok && !execSql(db, "COMMIT", error))
            ok = false;
        if (!ok)
            execSql(db, "ROLLBACK", nullptr);
    }
    const auto unlocked = std::chrono::steady_clock::now();
    m_writeTime.observe(std::chrono::duration<double>(unlocked - locked).count());
    if (ok && m_options.fsyncOutsideLock) {
        const quint64 workBefore[2] = {m_diskWork[0].load(), m_diskWork[1].load()};
        if (!syncWal(error))
            ok = false; // committed but maybe not durable: answer 500, Meta retries (dedupe holds)
        const double synced
            = std::chrono::duration<double>(std::chrono::steady_clock::now() - unlocked).count();
        m_syncTime.observe(synced);
        for (int work = 0; work < 2; ++work) {
            // Running when the sync started, or started (and maybe ended) while it ran.
            if ((workBefore[work] & 1) != 0 || m_diskWork[work].load() != workBefore[work])
                m_syncOverlapping[work]->observe(synced);
        }
    }
    if (!ok) {
        m_commitFailures.inc();
        qCWarning(lcJournal) << "journal commit of" << batch.size()
                             << "bodies failed, answering 500:" << *error;
        return false;
    }
    m_lastCommittedId.store(lastId);
    m_committedRows.fetch_add(qint64(batch.size()));
    m_backlogGauge.set(double(m_backlog.fetch_add(qint64(batch.size())) + qint64(batch.size())));
    m_commits.inc();
    m_rows.inc(double(batch.size()));
    m_batchSize.observe(double(batch.size()));
    return true;
}

} // namespace parley::core
