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

// Serialises the two writers of the store inside one process (the journal's writer thread and
// the ingest pipeline's parse worker) without SQLite's busy handler, which sleeps in steps of
// milliseconds. The two take turns: the parse worker yields between rows once the journal has
// waited for yieldAfter, and when the journal releases the gate while the parse worker waits,
// the parse worker goes next. So a group commit waits at most one parse slice, and the parse
// worker is never starved by a stream of commits.
class WriteGate
{
public:
    // The journal.
    void lockUrgent()
    {
        std::unique_lock lock(m_mutex);
        ++m_urgentWaiting;
        m_urgentFlag.fetch_add(1, std::memory_order_relaxed);
        m_cv.wait(lock, [this] { return !m_held && !m_normalTurn; });
        --m_urgentWaiting;
        m_urgentFlag.fetch_sub(1, std::memory_order_relaxed);
        m_held = true;
    }
    void unlockUrgent()
    {
        {
            std::lock_guard lock(m_mutex);
            m_held = false;
            if (m_normalWaiting)
                m_normalTurn = true;
        }
        m_cv.notify_all();
    }
    // The parse worker.
    void lock()
    {
        std::unique_lock lock(m_mutex);
        m_normalWaiting = true;
        m_cv.wait(lock, [this] { return !m_held && (m_urgentWaiting == 0 || m_normalTurn); });
        m_normalWaiting = false;
        m_normalTurn = false;
        m_held = true;
    }
    void unlock()
    {
        {
            std::lock_guard lock(m_mutex);
            m_held = false;
        }
        m_cv.notify_all();
    }
    // True while the journal waits for the gate: the holder should finish soon.
    bool urgentWaiting() const { return m_urgentFlag.load(std::memory_order_relaxed) > 0; }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_held = false;
    int m_urgentWaiting = 0;
    bool m_normalWaiting = false;
    bool m_normalTurn = false;
    std::atomic<int> m_urgentFlag{0};
};

// The durable journal of authentic webhook bodies, with group commit. append() queues a body
// from any thread; a dedicated writer thread with its own SQLite connection (WAL,
// synchronous=FULL) inserts everything that is waiting in one transaction, commits (fsync), and
// only then completes each append: 200 for an HTTP request, or 500 if the commit failed (Meta
// then retries). Nothing is acknowledged before it is on disk.
class Journal : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int maxBatch = 2048; // rows per transaction
        // true: COMMIT with synchronous=NORMAL, release the write lock, then fsync the WAL
        // before answering (the parse worker writes during the fsync). false: SQLite's own
        // synchronous=FULL commit, which holds the write lock through the fsync.
        bool fsyncOutsideLock = true;
    };
    // Called on the writer thread after the commit: the row id, or -1 when the commit failed.
    using Completion = std::function<void(qint64 journalId)>;

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
    qint64 lastCommittedId() const { return m_lastCommittedId.load(); }

    WriteGate &writeGate() { return m_gate; }
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
    WriteGate m_gate;
    int m_walFd = -1;
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
    Metrics::Gauge &m_walBytes;
    Metrics::Gauge &m_backlogGauge;
};

} // namespace parley::core
