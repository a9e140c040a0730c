// Journal and IngestPipeline without HTTP: exact bytes, concurrency, completion after commit,
// refusal after stop, backlog, and replay.
#include "common/Metrics.h"
#include "store/Database.h"
#include "webhook/IngestPipeline.h"
#include "webhook/Journal.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using namespace parley::core;

namespace {

QByteArray statusBody(const QByteArray &wamid, const QByteArray &status, int ts)
{
    return R"({"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"statuses":[{"id":")"
        + wamid + R"(","status":")" + status + R"(","timestamp":")" + QByteArray::number(ts)
        + R"(","recipient_id":"16505551234"}]}}]}]})";
}

// A journal and its parse worker on one store, for tests of the two together.
struct IngestRig
{
    Metrics metrics;
    Journal journal;
    IngestPipeline pipeline;
    std::atomic<int> committed{0};

    IngestRig(const QString &path, const IngestPipeline::Options &options)
        : journal(path, Clock::system(), &metrics),
          pipeline(path, &journal, Clock::system(), &metrics)
    {
        pipeline.setOptions(options);
    }
    bool start() { return journal.start() && pipeline.start(); }
    // A `sent` status for message id prefix + n; `committed` counts those the journal committed.
    void appendStatus(const QByteArray &prefix, int n)
    {
        journal.append(statusBody(prefix + QByteArray::number(n), "sent", 1700000000 + n), 1,
            [this](qint64 id) { committed += id > 0 ? 1 : 0; });
    }
    const Metrics::Histogram &storeCheckpoints(const QByteArray &by)
    {
        return metrics.histogram("parley_store_checkpoint_seconds", "", {{"by", by}});
    }
};

} // namespace

class TestJournal : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString newStore() { return m_dir.filePath(QStringLiteral("j%1.db").arg(++m_n)); }

    static qint64 scalar(const QString &dbPath, const QString &sql)
    {
        qint64 v = -1;
        {
            QString error;
            Database::Options options;
            options.attachJournal = true;
            QSqlDatabase db = Database::open(dbPath, QStringLiteral("tst-scalar"), &error, options);
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                v = q.value(0).toLongLong();
        }
        Database::close(QStringLiteral("tst-scalar"));
        return v;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void concurrentAppendsAreAllCommittedWithExactBytes_data()
    {
        QTest::addColumn<bool>("fsyncOutsideLock");
        QTest::newRow("fsync after the write lock") << true;
        QTest::newRow("sqlite synchronous=FULL") << false;
    }

    void concurrentAppendsAreAllCommittedWithExactBytes()
    {
        QFETCH(bool, fsyncOutsideLock);
        const QString path = newStore();
        Metrics metrics;
        Journal journal(path, Clock::system(), &metrics);
        Journal::Options options;
        options.fsyncOutsideLock = fsyncOutsideLock;
        journal.setOptions(options);
        QVERIFY(journal.start());
        constexpr int kThreads = 6;
        constexpr int kEach = 200;
        std::mutex mutex;
        std::set<qint64> ids;
        std::atomic<int> completions{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < kEach; ++i) {
                    QByteArray body(64 + i, char(t));
                    body[0] = '\0'; // binary-safe
                    journal.append(body, 1000 + i, [&](qint64 id) {
                        std::lock_guard lock(mutex);
                        ids.insert(id);
                        ++completions;
                    });
                }
            });
        }
        for (auto &t : threads)
            t.join();
        QTRY_COMPARE(completions.load(), kThreads * kEach);
        QCOMPARE(int(ids.size()), kThreads * kEach);
        QVERIFY(*ids.begin() > 0);
        journal.stop();
        QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM journal")), kThreads * kEach);
        QCOMPARE(
            scalar(path, QStringLiteral("SELECT count(*) FROM journal WHERE size != length(body)")),
            0);
        QCOMPARE(scalar(path,
                     QStringLiteral("SELECT count(*) FROM journal WHERE parse_state = 'pending'")),
            kThreads * kEach);
        QCOMPARE(journal.backlog(), kThreads * kEach);
        const double commits = metrics.counter("parley_journal_commits_total", "").value();
        QVERIFY(commits >= 1);
        QCOMPARE(
            metrics.histogram("parley_journal_batch_rows", "").sum(), double(kThreads * kEach));
        qInfo("%d appends in %.0f commits", kThreads * kEach, commits);
    }

    void fsyncsDuringTheParseWorkersDiskWorkAreCounted()
    {
        // parley_journal_fsync_overlapping_seconds{work} counts the group commits whose WAL
        // fdatasync ran while the parse worker reported disk work, and only those.
        const QString path = newStore();
        Metrics metrics;
        Journal journal(path, Clock::system(), &metrics);
        QVERIFY(journal.start());
        auto commitOne = [&] {
            std::atomic<qint64> id{-2};
            journal.append("{}", 1, [&](qint64 committed) { id = committed; });
            QTRY_VERIFY(id.load() != -2);
            QVERIFY(id.load() > 0);
        };
        const Metrics::Histogram &all = metrics.histogram("parley_journal_fsync_seconds", "");
        const Metrics::Histogram &duringCheckpoint = metrics.histogram(
            "parley_journal_fsync_overlapping_seconds", "", {{"work", "store_checkpoint"}});
        const Metrics::Histogram &duringCopy = metrics.histogram(
            "parley_journal_fsync_overlapping_seconds", "", {{"work", "journal_copy"}});
        commitOne();
        QCOMPARE(duringCheckpoint.count(), 0);
        journal.diskWork(Journal::DiskWork::StoreCheckpoint, true);
        journal.diskWork(Journal::DiskWork::StoreCheckpoint, true); // repeated: still one run
        commitOne();
        commitOne();
        journal.diskWork(Journal::DiskWork::StoreCheckpoint, false);
        commitOne();
        QCOMPARE(duringCheckpoint.count(), 2);
        QCOMPARE(duringCopy.count(), 0);
        journal.diskWork(Journal::DiskWork::JournalCopy, true);
        commitOne();
        journal.diskWork(Journal::DiskWork::JournalCopy, false);
        journal.diskWork(Journal::DiskWork::JournalCopy, false); // repeated: still not running
        commitOne();
        QCOMPARE(duringCopy.count(), 1);
        QCOMPARE(duringCheckpoint.count(), 2);
        QCOMPARE(all.count(), 6);
    }

    void completionComesAfterTheCommit()
    {
        const QString path = newStore();
        Metrics metrics;
        Journal journal(path, Clock::system(), &metrics);
        QVERIFY(journal.start());
        std::atomic<qint64> seen{-2};
        journal.append("abc", 5, [&](qint64 id) {
            // Read from another connection inside the completion: the row must be visible.
            seen = scalar(path,
                QStringLiteral("SELECT count(*) FROM journal WHERE id = %1 AND length(body) = 3")
                    .arg(id));
        });
        QTRY_COMPARE(seen.load(), 1);
    }

    void appendAfterStopIsRefused()
    {
        const QString path = newStore();
        Metrics metrics;
        Journal journal(path, Clock::system(), &metrics);
        QVERIFY(journal.start());
        journal.stop();
        qint64 result = 0;
        journal.append("late", 1, [&](qint64 id) { result = id; });
        QCOMPARE(result, -1);
        QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM journal")), 0);
    }

    void unopenableStoreFailsToStart()
    {
        QString error;
        const QString blocker = m_dir.filePath(QStringLiteral("file-not-dir"));
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        Journal blocked(blocker + QStringLiteral("/store.db"), Clock::system());
        QVERIFY(!blocked.start(&error));
        QVERIFY(!error.isEmpty());
    }

    void pipelineDrainsBacklogLeftByACrash()
    {
        const QString path = newStore();
        Metrics metrics;
        {
            // A journal whose parse worker never ran (as after kill -9 between commit and parse).
            Journal journal(path, Clock::system(), &metrics);
            QVERIFY(journal.start());
            std::atomic<int> done{0};
            for (int i = 0; i < 50; ++i)
                journal.append(
                    statusBody("wamid.s" + QByteArray::number(i), "delivered", 1700000000 + i), 1,
                    [&](qint64) { ++done; });
            QTRY_COMPARE(done.load(), 50);
        }
        Journal journal(path, Clock::system(), &metrics);
        QVERIFY(journal.start());
        QCOMPARE(journal.backlog(), 50);
        IngestPipeline pipeline(path, &journal, Clock::system(), &metrics);
        QVERIFY(pipeline.start());
        QTRY_COMPARE(journal.backlog(), 0);
        QCOMPARE(pipeline.parsedRows(), 50);
        QCOMPARE(
            scalar(path,
                QStringLiteral("SELECT count(*) FROM message_status WHERE status = 'delivered'")),
            50);
        QCOMPARE(
            metrics.counter("parley_webhook_events_total", "", {{"kind", "status"}}).value(), 50.0);
    }

    void walStartsOverDuringABurst()
    {
        // Bodies keep arriving while the parse worker checkpoints the journal file: the
        // journal's thread finishes a checkpoint between two commits once the WAL passes the
        // threshold, so that the WAL starts over instead of growing by every frame of the burst.
        const QString path = newStore();
        Metrics metrics;
        Journal journal(path, Clock::system(), &metrics);
        Journal::Options journalOptions;
        journalOptions.finishCheckpointAboveFrames = 256;
        journal.setOptions(journalOptions);
        QVERIFY(journal.start());
        IngestPipeline pipeline(path, &journal, Clock::system(), &metrics);
        IngestPipeline::Options options;
        options.checkpointThread = false; // the parse worker checkpoints the store inline
        options.checkpointEveryRows = 200;
        options.journalCheckpointEveryMs = 10;
        pipeline.setOptions(options);
        QVERIFY(pipeline.start());
        constexpr int kBodies = 3000;
        const QByteArray padding(2048, ' '); // JSON allows trailing whitespace
        std::atomic<int> done{0};
        std::atomic<int> failed{0};
        std::atomic<qint64> bodyBytes{0};
        // Ten at a time, as a few connections would send them: many small commits, the parse
        // worker reading and checkpointing in between.
        std::thread writer([&] {
            for (int i = 0; i < kBodies; ++i) {
                const QByteArray body
                    = statusBody("wamid.w" + QByteArray::number(i), "sent", 1700000000 + i)
                    + padding;
                bodyBytes += body.size();
                journal.append(body, 1, [&](qint64 id) { ++(id < 0 ? failed : done); });
                if (i % 10 == 9) {
                    while (done.load() + failed.load() < i + 1)
                        std::this_thread::yield();
                }
                // Let the parse worker catch up now and then, so that how far the WAL grows
                // depends on the restarts, not on how fast this build parses (ASan is slower).
                if (i % 200 == 199) {
                    while (journal.backlog() > 0)
                        std::this_thread::sleep_for(std::chrono::milliseconds(1));
                }
            }
        });
        QTRY_COMPARE_WITH_TIMEOUT(done.load() + failed.load(), kBodies, 30000);
        writer.join();
        QCOMPARE(failed.load(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(journal.backlog(), 0, 30000);
        QCOMPARE(pipeline.parsedRows(), kBodies);
        const Metrics::Histogram &finished
            = metrics.histogram("parley_journal_checkpoint_seconds", "");
        QVERIFY2(finished.count() > 0, "the journal's thread finished no checkpoint");
        QVERIFY2(metrics.histogram("parley_store_checkpoint_seconds", "", {{"by", "parse_worker"}})
                     .count()
                > 0,
            "the parse worker reported no store checkpoint");
        QVERIFY2(metrics.histogram("parley_journal_copy_seconds", "").count() > 0,
            "the parse worker reported no pass over the journal file");
        const qint64 walBytes
            = QFileInfo(Database::journalPath(path) + QStringLiteral("-wal")).size();
        // A WAL that never started over holds every body of the burst; one that starts over
        // stays below that.
        QVERIFY2(walBytes < bodyBytes.load(),
            qPrintable(QStringLiteral("WAL %1 bytes for %2 bytes of bodies")
                           .arg(walBytes)
                           .arg(bodyBytes.load())));
        QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM journal")), kBodies);
    }

    void storeCheckpointsRunOnTheCheckpointer()
    {
        // By default the store's checkpoints run on the checkpointer thread, paced, while the
        // parse worker parses on; the worker takes none while the WAL stays below its cap.
        const QString path = newStore();
        IngestPipeline::Options options;
        QVERIFY(options.checkpointThread);
        options.checkpointEveryMs = 20;
        IngestRig rig(path, options);
        QVERIFY(rig.start());
        constexpr int kBodies = 500;
        for (int i = 0; i < kBodies; ++i)
            rig.appendStatus("wamid.c", i);
        QTRY_COMPARE_WITH_TIMEOUT(rig.committed.load(), kBodies, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(rig.pipeline.parsedRows(), kBodies, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(
            rig.metrics.counter("parley_store_checkpoint_frames_total", "").value() > 0, 10000);
        QVERIFY(rig.storeCheckpoints("checkpointer").count() > 0);
        QCOMPARE(rig.storeCheckpoints("parse_worker").count(), 0);
        rig.pipeline.stop();
        rig.journal.stop();
        QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM message_status")), kBodies);
    }

    void fullStoreWalMakesTheWorkerCheckpoint()
    {
        // The checkpointer's passes are paced so slowly here (1 KiB per ms) that they cannot
        // keep up: once the WAL holds maxStoreWalFrames the parse worker checkpoints it itself
        // (between the checkpointer's passes). (A pass that must end soon goes on unpaced:
        // tst_pacedwrites hurryEndsThePacing.)
        const QString path = newStore();
        IngestPipeline::Options options;
        options.checkpointEveryMs = 5;
        options.checkpointKibPerMs = 1;
        options.maxStoreWalFrames = 64;
        IngestRig rig(path, options);
        QVERIFY(rig.start());
        constexpr int kBodies = 3000;
        for (int i = 0; i < kBodies; ++i) {
            rig.appendStatus("wamid.f", i);
            if (i % 100 == 99) // a WAL that fills while the checkpointer paces its passes
                QTRY_COMPARE_WITH_TIMEOUT(rig.pipeline.parsedRows(), i + 1, 30000);
        }
        QTRY_COMPARE_WITH_TIMEOUT(rig.pipeline.parsedRows(), kBodies, 30000);
        QCOMPARE(rig.committed.load(), kBodies);
        QTRY_VERIFY_WITH_TIMEOUT(rig.storeCheckpoints("parse_worker").count() > 0, 10000);
        rig.pipeline.stop();
        rig.journal.stop();
        QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM message_status")), kBodies);
    }

    void parsesOnlyRowsWhoseCommitIsDurable()
    {
        // The parse worker reads no row past the journal's last fdatasync'd commit: a row read
        // before its sync could vanish in a power cut while what was parsed from it survived.
        // Here a row is committed to the journal file behind the Journal's back (so never
        // synced by it): it waits until a later commit of the Journal's own is durable.
        const QString path = newStore();
        Metrics metrics;
        Journal journal(path, Clock::system(), &metrics);
        QVERIFY(journal.start());
        IngestPipeline pipeline(path, &journal, Clock::system(), &metrics);
        IngestPipeline::Options options;
        options.safetyPollMs = 10;
        pipeline.setOptions(options);
        QVERIFY(pipeline.start());
        QString error;
        {
            QSqlDatabase other
                = Database::openJournal(path, QStringLiteral("tst-behind-the-back"), &error);
            QVERIFY2(other.isValid(), qPrintable(error));
            QSqlQuery q(other);
            q.prepare(
                QStringLiteral("INSERT INTO journal (received_at, size, body) VALUES (1, ?, ?)"));
            const QByteArray body = statusBody("wamid.d1", "sent", 1700000000);
            q.addBindValue(body.size());
            q.addBindValue(body);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        Database::close(QStringLiteral("tst-behind-the-back"));
        QCOMPARE(journal.lastCommittedId(), 0);
        // Twenty of the worker's polls: the row stays unread.
        pipeline.wake();
        for (int i = 0; i < 20; ++i) {
            QTest::qWait(10);
            QCOMPARE(pipeline.parsedRows(), 0);
        }
        std::atomic<qint64> committed{0};
        journal.append(
            statusBody("wamid.d2", "sent", 1700000001), 1, [&](qint64 id) { committed = id; });
        QTRY_COMPARE(committed.load(), 2);
        QCOMPARE(journal.lastCommittedId(), 2);
        QTRY_COMPARE(pipeline.parsedRows(), 2);
        QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM message_status")), 2);
    }

    void commitsDoNotWaitForTheStoresWriters()
    {
        // The journal is a file of its own: a long transaction on the store (the parse worker,
        // the console, a purge without the journal) does not hold back Meta's answers.
        const QString path = newStore();
        Metrics metrics;
        Journal journal(path, Clock::system(), &metrics);
        QVERIFY(journal.start());
        QString error;
        {
            QSqlDatabase db = Database::open(path, QStringLiteral("tst-holder"), &error);
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("BEGIN IMMEDIATE")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO contacts(wa_id, created_at, updated_at) "
                                          "VALUES ('15550001111', 1, 1)")));
            std::atomic<qint64> committed{0};
            const auto started = std::chrono::steady_clock::now();
            journal.append(
                statusBody("wamid.h1", "sent", 1700000000), 1, [&](qint64 id) { committed = id; });
            QTRY_VERIFY_WITH_TIMEOUT(committed.load() != 0, 5000);
            QVERIFY(committed.load() > 0);
            // The store's busy timeout is 10 s: a journal waiting for this lock would take
            // seconds, not milliseconds.
            QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        }
        Database::close(QStringLiteral("tst-holder"));
        QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM journal")), 1);
    }

    void legacyJournalMovesToItsOwnFile()
    {
        // A store from before schema 0010 keeps its journal in a table of the store: opening it
        // moves the rows (same ids) and their parse states, and the parse worker then goes on
        // with the rows that were still pending.
        const QString path = newStore();
        QString error;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "tst-old");
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY2(Database::migrate(db, &error, 9), qPrintable(error));
            QSqlQuery q(db);
            QVERIFY(q.prepare(QStringLiteral("INSERT INTO journal(id, received_at, size, body, "
                                             "parse_state, parse_error, events, parsed_at) "
                                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")));
            struct Old
            {
                qint64 id;
                QByteArray body;
                const char *state;
            };
            const Old rows[] = {{3, statusBody("wamid.o1", "sent", 1700000000), "parsed"},
                {4, "{broken", "failed"},
                {7, statusBody("wamid.o1", "read", 1700000100), "pending"},
                {8, statusBody("wamid.o2", "sent", 1700000200), "pending"}};
            for (const Old &r : rows) {
                q.addBindValue(r.id);
                q.addBindValue(1000 + r.id);
                q.addBindValue(r.body.size());
                q.addBindValue(r.body);
                q.addBindValue(QString::fromLatin1(r.state));
                q.addBindValue(
                    qstrcmp(r.state, "failed") == 0 ? QVariant(QStringLiteral("bad")) : QVariant());
                q.addBindValue(qstrcmp(r.state, "parsed") == 0 ? 1 : 0);
                q.addBindValue(qstrcmp(r.state, "pending") == 0 ? QVariant() : QVariant(2000));
                QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tst-old"));
        {
            Database::Options options;
            options.attachJournal = true;
            QSqlDatabase db = Database::open(path, QStringLiteral("tst-moved"), &error, options);
            QVERIFY2(db.isValid(), qPrintable(error));
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT group_concat(id || ':' || parse_state, ',') "
                                          "FROM (SELECT * FROM journal ORDER BY id)"))
                && q.next());
            QCOMPARE(
                q.value(0).toString(), QStringLiteral("3:parsed,4:failed,7:pending,8:pending"));
            q.finish();
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM main.sqlite_master WHERE name = "
                                          "'journal'"))
                && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
            q.finish();
            QVERIFY(q.exec(QStringLiteral("SELECT parsed_through FROM ingest_cursor")) && q.next());
            QCOMPARE(q.value(0).toLongLong(), 6);
            q.finish();
            QVERIFY(q.exec(Database::pendingJournalRowsSql()) && q.next());
            QCOMPARE(q.value(0).toLongLong(), 2);
        }
        Database::close(QStringLiteral("tst-moved"));
        // Opening again changes nothing.
        QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM journal")), 4);

        Metrics metrics;
        Journal journal(path, Clock::system(), &metrics);
        QVERIFY(journal.start());
        QCOMPARE(journal.backlog(), 2);
        IngestPipeline pipeline(path, &journal, Clock::system(), &metrics);
        QVERIFY(pipeline.start());
        QTRY_COMPARE(journal.backlog(), 0);
        QCOMPARE(pipeline.parsedRows(), 2); // only the pending rows
        QCOMPARE(
            scalar(path,
                QStringLiteral("SELECT rank FROM message_status WHERE message_id = 'wamid.o1'")),
            3);
        // New bodies get ids after the moved ones.
        std::atomic<qint64> id{0};
        journal.append(statusBody("wamid.o3", "sent", 1700000300), 1, [&](qint64 v) { id = v; });
        QTRY_VERIFY(id.load() != 0);
        QCOMPARE(id.load(), 9);
    }

    void replacedJournalFileIsParsedFromItsStart()
    {
        // The journal file is replaced (restored from elsewhere, or deleted): its ids start
        // again at 1, and the store's cursor must not take them for parsed rows.
        const QString path = newStore();
        auto runOnce = [&](const QByteArray &wamid) {
            Metrics metrics;
            Journal journal(path, Clock::system(), &metrics);
            QVERIFY(journal.start());
            IngestPipeline pipeline(path, &journal, Clock::system(), &metrics);
            QVERIFY(pipeline.start());
            std::atomic<int> done{0};
            for (int i = 0; i < 3; ++i)
                journal.append(statusBody(wamid + QByteArray::number(i), "sent", 1700000000 + i), 1,
                    [&](qint64) { ++done; });
            QTRY_COMPARE(done.load(), 3);
            QTRY_COMPARE(pipeline.parsedRows(), 3);
        };
        runOnce("wamid.first");
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(Database::journalPath(path) + QLatin1String(suffix));
        runOnce("wamid.second");
        QCOMPARE(scalar(path,
                     QStringLiteral("SELECT count(*) FROM status_events WHERE message_id LIKE "
                                    "'wamid.second%'")),
            3);
        QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM journal")), 3);
        QCOMPARE(scalar(path,
                     QStringLiteral("SELECT count(*) FROM journal WHERE parse_state = 'parsed'")),
            3);
    }

    void replayIsIdempotentAndRecoversFailedRows()
    {
        const QString path = newStore();
        {
            Journal journal(path, Clock::system());
            IngestPipeline pipeline(path, &journal, Clock::system());
            QVERIFY(journal.start());
            QVERIFY(pipeline.start());
            std::atomic<int> done{0};
            journal.append(statusBody("wamid.r1", "sent", 1700000000), 1, [&](qint64) { ++done; });
            journal.append(statusBody("wamid.r1", "read", 1700000100), 1, [&](qint64) { ++done; });
            journal.append("{broken", 1, [&](qint64) { ++done; });
            QTRY_COMPARE(done.load(), 3);
            QTRY_COMPARE(pipeline.parsedRows() + pipeline.failedRows(), 3);
            QCOMPARE(pipeline.failedRows(), 1);
        }
        const QString statusEvents = QStringLiteral("SELECT count(*) FROM status_events");
        QCOMPARE(scalar(path, statusEvents), 2);

        ReplayStats stats;
        QString error;
        QVERIFY2(
            IngestPipeline::replay(path, ReplaySelection::All, Clock::system(), &stats, &error),
            qPrintable(error));
        QCOMPARE(stats.rows, 3);
        QCOMPARE(stats.parsed, 2);
        QCOMPARE(stats.failed, 1);
        QCOMPARE(scalar(path, statusEvents), 2); // nothing doubled
        QCOMPARE(
            scalar(path,
                QStringLiteral("SELECT rank FROM message_status WHERE message_id = 'wamid.r1'")),
            3);

        // A "parser fix": the failed row's body is now readable; replay --failed recovers it.
        {
            QSqlDatabase db = Database::open(path, QStringLiteral("tst-fix"), &error);
            QSqlQuery q(db);
            QVERIFY(q.exec(
                QStringLiteral("ATTACH DATABASE '%1' AS j").arg(Database::journalPath(path))));
            q.prepare(QStringLiteral("UPDATE j.journal SET body = ? WHERE id IN (SELECT "
                                     "journal_id FROM journal_parse WHERE state = 'failed')"));
            q.addBindValue(statusBody("wamid.r2", "delivered", 1700000200));
            QVERIFY(q.exec());
        }
        Database::close(QStringLiteral("tst-fix"));
        stats = {};
        QVERIFY(
            IngestPipeline::replay(path, ReplaySelection::Failed, Clock::system(), &stats, &error));
        QCOMPARE(stats.rows, 1);
        QCOMPARE(stats.parsed, 1);
        QCOMPARE(scalar(path,
                     QStringLiteral("SELECT count(*) FROM journal WHERE parse_state != 'parsed'")),
            0);
        QCOMPARE(scalar(path, statusEvents), 3);
        stats = {};
        QVERIFY(IngestPipeline::replay(
            path, ReplaySelection::Pending, Clock::system(), &stats, &error));
        QCOMPARE(stats.rows, 0);
    }
};

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
