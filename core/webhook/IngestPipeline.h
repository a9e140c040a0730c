#pragma once

#include "common/Clock.h"
#include "common/Metrics.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

namespace parley::core {

class Journal;

// What one parse transaction changed, for views that update without polling.
struct IngestBatch
{
    QList<qint64> journalIds; // rows parsed or failed in this transaction
    int parsedRows = 0;
    int failedRows = 0;
    QHash<QString, int> eventCounts; // by kind, as InboundStore::ingest counts them
    QList<qint64> conversationIds; // conversations touched
    QStringList messageIds; // messages inserted (new only)
    QStringList statusMessageIds; // message ids whose current status advanced
};

// Which journal rows a replay re-parses.
enum class ReplaySelection { Pending, Failed, All };

struct ReplayStats
{
    qint64 rows = 0;
    qint64 parsed = 0;
    qint64 failed = 0;
    qint64 events = 0;
};

// The parse worker: a thread with its own SQLite connection takes pending journal rows in
// arrival order (read from the journal file on a second connection), applies each with
// InboundStore::ingest inside one transaction per batch, records the rows parsed or failed
// (journal_parse: error, event count) and moves ingest_cursor in that same transaction, and
// emits ingested() with what changed. The journal wakes it after each commit; a slow timer is only
// a safety net. Its commits use synchronous=NORMAL: everything it writes is derived from journal
// rows that are already durable, and a lost parse leaves its rows 'pending', to be parsed again
// (idempotently) at the next start: the cursor moves in the same transaction.
class IngestPipeline : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int maxBatchRows = 512; // rows per transaction
        int fetchRows = 256; // rows read ahead per query
        // A transaction ends after this long even before maxBatchRows (the console's own
        // writes to the store wait for it).
        int maxTransactionUs = 20000;
        // Added to the parse worker thread's nice value (0: none).
        int niceness = 0;
        // Checkpoints of the store's WAL: every checkpointEveryMs on the checkpointer thread, or
        // (checkpointThread false) inline after this long with parsed rows or this many rows.
        int checkpointEveryMs = 500;
        int checkpointEveryRows = 4000;
        // Store checkpoints on a thread of their own, the checkpointer, while this worker parses
        // on; their writes to the store file go out at most checkpointKibPerMs KiB per ms
        // (PacedWrites; 0: unpaced), so that the journal's fdatasyncs on the same disk never
        // queue behind one burst. SQLite starts a WAL over only after a pass that copied all of
        // it, which a paced pass beside a busy writer never does: under a steady load the WAL
        // grows, and once it holds maxStoreWalFrames frames this worker copies the rest itself,
        // unpaced, between two transactions (the WAL then starts over). Measured in
        // docs/performance.md ("A paced checkpointer"). false: this worker checkpoints inline.
        bool checkpointThread = true;
        int checkpointKibPerMs = 32;
        int maxStoreWalFrames = 262144; // 1 GiB of 4 KiB pages
        // A store WAL file larger than this is truncated by the checkpointer once the parse
        // worker has been idle for 2 s and a pass has copied all of it.
        qint64 storeWalSizeLimitBytes = 64 * 1024 * 1024;
        // Checkpoints of the journal file's WAL, from this worker's reading connection (0: none).
        // A pass that could not copy all of it (the journal's thread kept committing) leaves
        // the copied pages unsynced in the journal file: this worker writes them out at once
        // (sync_file_range, without a flush of the disk's cache), so that the pass the
        // journal's thread finishes (Journal::Options) syncs little more than its own pages.
        int journalCheckpointEveryMs = 50;
        // Start writing the store's WAL out after each parse transaction (sync_file_range, not
        // waited for), instead of all at its checkpoint.
        bool startStoreWriteback = true;
        int safetyPollMs = 2000;
        // While parsing, the worker yields its core at most this often (0: never), so that a
        // woken HTTP or journal thread does not wait for the end of its time slice; only while
        // fewer than yieldBelowBacklog journal rows wait to be parsed.
        int yieldEveryUs = 200;
        qint64 yieldBelowBacklog = 10000;
        // Search index (MessageIndex): rows per indexing transaction, and how long new messages
        // may wait for it while the worker is busy (it indexes at once when idle). A chunk holds
        // the store's write lock, which the console's own writes wait for.
        int indexChunkRows = 250;
        int indexEveryMs = 1000;
    };

    // journal may be null (no wake-ups): the safety timer then drives it.
    IngestPipeline(const QString &dbPath, Journal *journal, Clock *clock = Clock::system(),
        Metrics *metrics = &Metrics::global(), QObject *parent = nullptr);
    ~IngestPipeline() override; // stop()s

    void setOptions(const Options &options) { m_options = options; }
    bool start(QString *error = nullptr);
    void stop();
    // Thread-safe: there may be new pending rows.
    void wake();

    qint64 parsedRows() const { return m_parsedRows.load(); }
    qint64 failedRows() const { return m_failedRows.load(); }
    // Journal id of the last row the worker handled.
    qint64 lastHandledId() const { return m_lastHandledId.load(); }

    // Re-parses rows on the calling thread with a connection of its own, one transaction per
    // batch, idempotently. For `parleyctl replay`; safe while `serve` runs on the same store.
    static bool replay(const QString &dbPath, ReplaySelection selection, Clock *clock,
        ReplayStats *stats, QString *error);
    // The same for chosen journal rows (the console's webhook inspector); unknown ids are
    // skipped. changes (optional) receives what the re-parse touched, for views to refresh.
    static bool replayRows(const QString &dbPath, const QList<qint64> &journalIds, Clock *clock,
        ReplayStats *stats, QString *error, IngestBatch *changes = nullptr);

Q_SIGNALS:
    // Emitted on the worker thread after each committed parse transaction; receivers in other
    // threads get it queued.
    void ingested(const parley::core::IngestBatch &batch);

private:
    void run(std::promise<QString> *ready);
    void runCheckpointer();

    QString m_dbPath;
    Journal *m_journal;
    Clock *m_clock;
    Metrics *m_metrics;
    Options m_options;

    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_woken = false;
    bool m_stopping = false;
    std::thread m_thread;
    std::thread m_checkpointer;
    std::condition_variable m_checkpointerCv; // wake() wakes only the worker (m_cv)
    std::atomic<bool> m_hurry{false}; // stopping: the checkpointer's pass stops pacing
    std::atomic<qint64> m_lastParseCommitMs{0}; // steady clock, ms: the worker's last commit
    std::atomic<bool> m_checkpointerFailed{false}; // could not open: the worker checkpoints

    std::atomic<qint64> m_parsedRows{0};
    std::atomic<qint64> m_failedRows{0};
    std::atomic<qint64> m_lastHandledId{0};
};

} // namespace parley::core

Q_DECLARE_METATYPE(parley::core::IngestBatch)
