#pragma once

#include "common/Clock.h"
#include "common/Metrics.h"
#include "http/HttpServer.h"

#include <QByteArray>
#include <QObject>
#include <QSqlDatabase>
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace parley::core {

// The durable journal of authentic webhook bodies, with group commit. append() queues a body
// from any thread; a dedicated writer thread with its own SQLite connection to the journal file
// (Database::journalPath: its own WAL and write lock, which nothing else in the process holds
// for long) inserts everything that is waiting in one transaction, commits, fdatasyncs the WAL,
// and only then completes each append: 200 for an HTTP request, or 500 if the commit failed
// (Meta then retries). Nothing is acknowledged before it is on disk.
class Journal : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int maxBatch = 2048; // rows per transaction
        // true: COMMIT with synchronous=NORMAL, release the write lock, then fsync the WAL
        // before answering. false: SQLite's own synchronous=FULL commit, which holds the write
        // lock through the fsync.
        bool fsyncOutsideLock = true;
        // The parse worker's reading connection checkpoints the journal file's WAL often
        // (backfilled()), but under a steady stream of commits no pass ever copies all of it, and
        // SQLite only starts the WAL over after one has. So once the WAL holds this many frames
        // (4 KiB each), the writer thread finishes a pass itself, between two group commits,
        // right after one of the parse worker's passes: it then copies only the few frames that
        // came during that pass (at most finishTailFrames), and the next group commit waits
        // p50 about 2 ms instead of the 4-6 ms (p99 20 ms) of a pass that also synced all the
        // worker had copied since the last restart (bench/ingest/run, docs/performance.md).
        // Without a parse worker's passes (serve --no-parse) it finishes a full pass once the
        // WAL holds 8 times this many frames. 0: never (the WAL grows for as long as a burst
        // lasts, and each fdatasync then also writes the file's new size).
        int finishCheckpointAboveFrames = 4096;
        int finishTailFrames = 256;
        // The WAL is cut back to this size when it starts over (PRAGMA journal_size_limit).
        qint64 walSizeLimitBytes = 64 * 1024 * 1024;
    };
    // Called on the writer thread after the commit: the row id, or -1 when the commit failed.
    using Completion = std::function<void(qint64 journalId)>;

    // dbPath: the store (the journal file is Database::journalPath(dbPath)).
    explicit Journal(const QString &dbPath, Clock *clock = Clock::system(),
        Metrics *metrics = &Metrics::global(), QObject *parent = nullptr);
    ~Journal() override; // stop()s

    void setOptions(const Options &options) { m_options = options; }
    // Opens the store (migrating it) on the writer thread and starts it. False with *error if
    // the store cannot be opened.
    bool start(QString *error = nullptr);
    // Commits what is queued, answers it, and stops the writer thread.
    void stop();
    bool isRunning() const { return m_running.load(); }

    // Thread-safe. The body is written exactly as given.
    void append(QByteArray body, qint64 receivedAtMs, HttpResponder responder);
    void append(QByteArray body, qint64 receivedAtMs, Completion done);

    // Rows committed but not yet parsed, as counted since start() (the pipeline reports parses).
    qint64 backlog() const { return m_backlog.load(); }
    void rowsParsed(qint64 count);
    qint64 committedRows() const { return m_committedRows.load(); }
    // The last row whose commit is durable (fdatasync'd): the parse worker reads no further,
    // so that nothing derived from a row can outlive the row itself after a power loss.
    qint64 lastCommittedId() const { return m_lastCommittedId.load(); }
    // Thread-safe: a checkpoint pass over the journal file's WAL, made elsewhere, has copied its
    // first `frames` frames into the journal file (sqlite3_wal_checkpoint_v2's *pnCkpt).
    void backfilled(int frames) { m_backfilledFrames.store(frames); }

    // Disk work of the parse worker that the journal's fdatasync may wait behind (the same
    // disk): reported around each run (thread-safe), so that parley_journal_fsync_overlapping_
    // seconds{work} shows how many of the journal's syncs it overlapped and how long those took.
    enum class DiskWork { StoreCheckpoint, JournalCopy };
    void diskWork(DiskWork work, bool running);

    QString databasePath() const { return m_dbPath; }

Q_SIGNALS:
    // Emitted on the writer thread after each successful commit. Connect with
    // Qt::DirectConnection for a wake-up without a hop through an event loop.
    void committed(qint64 lastId, int rows);
    void commitFailed(const QString &error);

private:
    struct Item
    {
        QByteArray body;
        qint64 receivedAtMs;
        std::chrono::steady_clock::time_point queuedAt;
        HttpResponder responder;
        Completion done;
        qint64 id = -1;
    };
    void run(std::promise<QString> *ready);
    bool syncWal(QString *error);
    bool commitBatch(
        QSqlDatabase &db, class SqliteStatement &insert, std::vector<Item> &batch, QString *error);
    void enqueue(Item item);

    QString m_dbPath;
    Clock *m_clock;
    Options m_options;
    int m_walFd = -1;
    int m_walFrames = 0; // written by the WAL hook, on the writer thread
    std::atomic<int> m_backfilledFrames{0}; // backfilled()
    // Per DiskWork: bumped when a run starts and when it ends (odd: running).
    std::atomic<quint64> m_diskWork[2] = {0, 0};
    QString m_walPath;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<Item> m_queue;
    bool m_stopping = false;
    std::thread m_thread;
    std::atomic<bool> m_running{false};

    std::atomic<qint64> m_backlog{0};
    std::atomic<qint64> m_committedRows{0};
    std::atomic<qint64> m_lastCommittedId{0};

    Metrics::Counter &m_commits;
    Metrics::Counter &m_commitFailures;
    Metrics::Counter &m_rows;
    Metrics::Histogram &m_batchSize;
    Metrics::Histogram &m_latency;
    Metrics::Histogram &m_gateWait;
    Metrics::Histogram &m_writeTime;
    Metrics::Histogram &m_syncTime;
    Metrics::Histogram *m_syncOverlapping[2];
    Metrics::Gauge &m_walBytes;
    Metrics::Histogram &m_checkpointTime;
    Metrics::Gauge &m_backlogGauge;
};

} // namespace parley::core
