// PacedWrites: the VFS that wraps SQLite's default one forwards everything, and a thread with a
// pacer writes database files (only those, only its own writes) no faster than its rate.
#include "store/Database.h"
#include "store/PacedWrites.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <thread>

using namespace parley::core;

namespace {

struct Db
{
    sqlite3 *handle = nullptr;
    explicit Db(const QString &path)
    {
        sqlite3_open_v2(QFile::encodeName(path).constData(), &handle,
            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    }
    ~Db() { sqlite3_close(handle); }
    bool exec(const char *sql) const
    {
        return sqlite3_exec(handle, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    qint64 integer(const char *sql) const
    {
        sqlite3_stmt *stmt = nullptr;
        qint64 value = -1;
        if (sqlite3_prepare_v2(handle, sql, -1, &stmt, nullptr) == SQLITE_OK
            && sqlite3_step(stmt) == SQLITE_ROW)
            value = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
        return value;
    }
    QString text(const char *sql) const
    {
        sqlite3_stmt *stmt = nullptr;
        QString value;
        if (sqlite3_prepare_v2(handle, sql, -1, &stmt, nullptr) == SQLITE_OK
            && sqlite3_step(stmt) == SQLITE_ROW)
            value = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
        return value;
    }
};

// A WAL holding about rows * 1 KiB of new pages, not yet checkpointed.
void fillWal(const Db &db, int rows)
{
    QVERIFY(db.exec("PRAGMA journal_mode=WAL"));
    QVERIFY(db.exec("PRAGMA wal_autocheckpoint=0"));
    QVERIFY(db.exec("CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, v BLOB)"));
    QVERIFY(db.exec("BEGIN"));
    for (int i = 0; i < rows; ++i)
        QVERIFY(db.exec("INSERT INTO t(v) VALUES (randomblob(1000))"));
    QVERIFY(db.exec("COMMIT"));
}

} // namespace

class TestPacedWrites : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(PacedWrites::installVfs()); }

    void isTheDefaultVfsAndForwards()
    {
        QCOMPARE(QByteArray(sqlite3_vfs_find(nullptr)->zName), QByteArray("parley-paced"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("f.db"));
        {
            Db db(path);
            fillWal(db, 500); // WAL and its shared memory go through the wrapper
            QVERIFY(db.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
            QVERIFY(db.exec("PRAGMA mmap_size=1048576")); // the memory-map methods too
            QCOMPARE(db.integer("SELECT count(*) FROM t"), 500);
        }
        Db again(path);
        QCOMPARE(again.text("PRAGMA integrity_check"), QStringLiteral("ok"));
        QCOMPARE(again.integer("SELECT count(*) FROM t"), 500);
    }

    void pacesACheckpointOnItsThread()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.db"));
        Db db(path);
        fillWal(db, 2000); // about 2 MB of pages
        constexpr int kibPerMs = 32;
        const auto started = std::chrono::steady_clock::now();
        qint64 written = 0;
        std::chrono::microseconds slept{0};
        {
            PacedWrites pace(kibPerMs);
            QVERIFY(PacedWrites::current() == &pace);
            QVERIFY(db.exec("PRAGMA wal_checkpoint(PASSIVE)"));
            written = pace.bytesWritten();
            slept = pace.slept();
        }
        QVERIFY(PacedWrites::current() == nullptr);
        const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - started);
        QVERIFY2(written >= 2000 * 1000, qPrintable(QString::number(written)));
        // The rate holds for everything but the last chunk (64 KiB at most): 2 MB at
        // 32 KiB/ms is at least 60 ms, whatever the disk.
        const qint64 floorMs = (written - 64 * 1024) / (kibPerMs * 1024);
        QVERIFY2(took.count() >= floorMs,
            qPrintable(QStringLiteral("%1 ms for %2 bytes").arg(took.count()).arg(written)));
        QVERIFY(slept.count() > 0);
        QCOMPARE(db.text("PRAGMA integrity_check"), QStringLiteral("ok"));
        QCOMPARE(db.integer("SELECT count(*) FROM t"), 2000);
    }

    void hurryEndsThePacing()
    {
        // A pass that must end soon (the checkpointer stopping) goes on unpaced.
        QTemporaryDir dir;
        Db db(dir.filePath(QStringLiteral("h.db")));
        fillWal(db, 2000); // about 2 MB: 2 s at 1 KiB/ms
        std::atomic<bool> hurry{false};
        qint64 written = 0;
        std::chrono::microseconds slept{0};
        {
            PacedWrites pace(1, &hurry);
            hurry.store(true);
            QVERIFY(db.exec("PRAGMA wal_checkpoint(PASSIVE)"));
            written = pace.bytesWritten();
            slept = pace.slept();
        }
        QVERIFY2(written >= 2000 * 1000, qPrintable(QString::number(written)));
        QCOMPARE(slept.count(), 0);
        QCOMPARE(db.integer("SELECT count(*) FROM t"), 2000);
    }

    void onlyDatabaseFilesAndOnlyItsOwnThread()
    {
        QTemporaryDir dir;
        Db db(dir.filePath(QStringLiteral("o.db")));
        fillWal(db, 10); // in WAL mode from here on
        QVERIFY(db.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
        PacedWrites pace(1);
        // Commits in WAL mode write the WAL, not the database file: not paced, not counted.
        fillWal(db, 190);
        QCOMPARE(pace.bytesWritten(), 0);
        // A checkpoint on another thread writes the database file without this pacer.
        bool checkpointed = false;
        std::thread other([&] {
            checkpointed
                = PacedWrites::current() == nullptr && db.exec("PRAGMA wal_checkpoint(PASSIVE)");
        });
        other.join();
        QVERIFY(checkpointed);
        QCOMPARE(pace.bytesWritten(), 0);
        QCOMPARE(db.integer("SELECT count(*) FROM t"), 200);
    }

    void nestedPacersRestoreTheOuterOne()
    {
        PacedWrites outer(8);
        {
            PacedWrites inner(16);
            QVERIFY(PacedWrites::current() == &inner);
        }
        QVERIFY(PacedWrites::current() == &outer);
    }

    void storeConnectionsUseIt()
    {
        QTemporaryDir dir;
        QString error;
        {
            QSqlDatabase store = Database::open(
                dir.filePath(QStringLiteral("s.db")), QStringLiteral("paced"), &error);
            QVERIFY2(store.isValid(), qPrintable(error));
            sqlite3_vfs *vfs = nullptr;
            QCOMPARE(sqlite3_file_control(
                         Database::nativeHandle(store), "main", SQLITE_FCNTL_VFS_POINTER, &vfs),
                SQLITE_OK);
            QVERIFY(vfs);
            QCOMPARE(QByteArray(vfs->zName), QByteArray("parley-paced"));
        }
        Database::close(QStringLiteral("paced"));
    }
};

QTEST_GUILESS_MAIN(TestPacedWrites)
#include "tst_pacedwrites.moc"
