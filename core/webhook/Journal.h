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
// the ingest pipeline's parse worker) without SQLite's busy-wait, which sleeps in steps of
// milliseconds. The journal takes it "urgently": the parse worker sees that and yields between
// rows, so a waiting group commit is delayed by at most one row's parse.
class WriteGate
{
public:
    void lock() { m_mutex.lock(); }
    void lockUrgent()
    {
        m_urgent.fetch_add(1, std::memory_order_relaxed);
        m_mutex.lock();
        m_urgent.fetch_sub(1, std::memory_order_relaxed);
    }
    void unlock() { m_mutex.unlock(); }
    bool urgentWaiting() const { return m_urgent.load(std::memory_order_relaxed) > 0; }

private:
    std::mutex m_mutex;
    std::atomic<int> m_urgent{0};
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
    bool commitBatch(
        QSqlDatabase &db, class QSqlQuery &insert, std::vector<Item> &batch, QString *error);
    void enqueue(Item item);

    QString m_dbPath;
    Clock *m_clock;
    Options m_options;
    WriteGate m_gate;

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
    Metrics::Gauge &m_backlogGauge;
};

} // namespace parley::core
