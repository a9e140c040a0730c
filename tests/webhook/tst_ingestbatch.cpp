// The parse worker's transactions are optimistic (no savepoint per row): a row whose statements
// fail makes the worker roll the batch back and run it again with a savepoint per row, so the
// failing row alone is marked failed and every other row of the batch is stored once. Checked
// for the running pipeline and for replay.

#include "common/Clock.h"
#include "store/Database.h"
#include "webhook/IngestPipeline.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace parley::core;

namespace {

QByteArray statusBody(const QByteArray &id, const QByteArray &status)
{
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{"
           "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
           "\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},"
           "\"statuses\":[{\"id\":\""
        + id + "\",\"status\":\"" + status
        + "\",\"timestamp\":\"1749416383\",\"recipient_id\":\"16505551234\"}]}}]}]}";
}

qint64 scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) {
        qWarning() << sql << q.lastError().text();
        return -1;
    }
    return q.value(0).toLongLong();
}

// Five rows; the third one's status cannot be stored (a trigger refuses it, as a constraint
// or a full disk would).
void fillJournal(QSqlDatabase &db)
{
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral(
        "CREATE TRIGGER refuse_bad BEFORE INSERT ON status_events WHEN new.message_id = "
        "'wamid.bad' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END")));
    q.prepare(
        QStringLiteral("INSERT INTO webhooks.journal(received_at, size, body) VALUES (?, ?, ?)"));
    const QList<QByteArray> ids{"wamid.1", "wamid.2", "wamid.bad", "wamid.4", "wamid.5"};
    for (const QByteArray &id : ids) {
        const QByteArray body = statusBody(id, "delivered");
        q.addBindValue(qint64(1749416383000));
        q.addBindValue(body.size());
        q.addBindValue(body);
        QVERIFY(q.exec());
    }
}

void checkStored(QSqlDatabase &db)
{
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT count(*) FROM journal WHERE parse_state = 'parsed'")), 4);
    QCOMPARE(scalar(db,
                 QStringLiteral("SELECT count(*) FROM journal WHERE parse_state = 'failed' AND id "
                                "= 3 AND parse_error LIKE 'store error:%refused for the test%'")),
        1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM status_events")), 4);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM message_status")), 4);
    QCOMPARE(
        scalar(db,
            QStringLiteral("SELECT count(*) FROM message_status WHERE message_id = 'wamid.bad'")),
        0);
}

} // namespace

class TestIngestBatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pipelineIsolatesTheFailingRow()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.db"));
        QString error;
        QSqlDatabase db
            = Database::open(path, QStringLiteral("p"), &error, Database::withJournal());
        QVERIFY2(db.isValid(), qPrintable(error));
        fillJournal(db);
        {
            IngestPipeline pipeline(path, nullptr);
            QVERIFY2(pipeline.start(&error), qPrintable(error));
            QTRY_COMPARE(pipeline.parsedRows() + pipeline.failedRows(), 5);
            QCOMPARE(pipeline.failedRows(), 1);
        }
        checkStored(db);
        db = QSqlDatabase();
        Database::close(QStringLiteral("p"));
    }

    void replayIsolatesTheFailingRow()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.db"));
        QString error;
        QSqlDatabase db
            = Database::open(path, QStringLiteral("r"), &error, Database::withJournal());
        QVERIFY2(db.isValid(), qPrintable(error));
        fillJournal(db);
        ReplayStats stats;
        QVERIFY2(
            IngestPipeline::replay(path, ReplaySelection::Pending, Clock::system(), &stats, &error),
            qPrintable(error));
        QCOMPARE(stats.rows, 5);
        QCOMPARE(stats.parsed, 4);
        QCOMPARE(stats.failed, 1);
        checkStored(db);
        db = QSqlDatabase();
        Database::close(QStringLiteral("r"));
    }
};

QTEST_GUILESS_MAIN(TestIngestBatch)
#include "tst_ingestbatch.moc"
