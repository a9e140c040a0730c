// The store opens in WAL mode with full sync, and migrates from every earlier schema version to
// the same schema as a fresh store.
#include "store/Database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace parley::core;

namespace {

QString schemaOf(QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master "
                          "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"));
    QStringList rows;
    while (q.next())
        rows << q.value(0).toString() + u' ' + q.value(1).toString() + u' '
                + q.value(2).toString().simplified();
    return rows.join(u'\n');
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensWalWithFullSync()
    {
        QTemporaryDir dir;
        QString error;
        QSqlDatabase db
            = Database::open(dir.filePath(QStringLiteral("s.db")), QStringLiteral("wal"), &error);
        QVERIFY2(db.isValid(), qPrintable(error));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2); // FULL
        QCOMPARE(Database::version(db), Database::latestVersion());
        q.finish();
        db = {};
        Database::close(QStringLiteral("wal"));
    }

    void migratesFromEveryEarlierVersion()
    {
        const int latest = Database::latestVersion();
        QVERIFY(latest >= 1);
        QTemporaryDir dir;
        QString error;
        QString fresh;
        {
            QSqlDatabase db = Database::open(
                dir.filePath(QStringLiteral("fresh.db")), QStringLiteral("fresh"), &error);
            QVERIFY2(db.isValid(), qPrintable(error));
            fresh = schemaOf(db);
        }
        Database::close(QStringLiteral("fresh"));

        for (int from = 0; from < latest; ++from) {
            const QString name = QStringLiteral("from%1").arg(from);
            const QString path = dir.filePath(name + QStringLiteral(".db"));
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(path);
                QVERIFY(db.open());
                QVERIFY2(Database::migrate(db, &error, from), qPrintable(error));
                QVERIFY(Database::version(db) <= from);
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
            {
                QSqlDatabase db = Database::open(path, name, &error);
                QVERIFY2(db.isValid(), qPrintable(error));
                QCOMPARE(Database::version(db), latest);
                QCOMPARE(schemaOf(db), fresh);
            }
            Database::close(name);
        }
    }

    void refusesNewerStore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.db"));
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("n"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99999")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("n"));
        QString error;
        {
            QSqlDatabase db = Database::open(path, QStringLiteral("n2"), &error);
            QVERIFY(!db.isOpen());
        }
        Database::close(QStringLiteral("n2"));
        QVERIFY(error.contains(QStringLiteral("newer")));
    }

    void scriptSplitterKeepsTriggerBodies()
    {
        QTemporaryDir dir;
        QString error;
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("t"));
        db.setDatabaseName(dir.filePath(QStringLiteral("t.db")));
        QVERIFY(db.open());
        const QString script
            = QStringLiteral("CREATE TABLE a (x INTEGER); -- comment; with a semicolon\n"
                             "CREATE TABLE b (n INTEGER);\n"
                             "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
                             "  INSERT INTO b VALUES (CASE WHEN NEW.x > 0 THEN 1 ELSE 0 END);\n"
                             "  INSERT INTO b VALUES (';');\n"
                             "END;\n"
                             "INSERT INTO a VALUES (5);\n");
        QVERIFY2(Database::execScript(db, script, &error), qPrintable(error));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM b")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        q.finish();
        db.close();
        db = {};
        QSqlDatabase::removeDatabase(QStringLiteral("t"));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
