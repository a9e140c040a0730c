// The console's search index for parser-inserted messages (schema 0007, MessageIndex): rows the
// parser inserts are indexed in batches up to a watermark, other inserts by the trigger; a
// search after catchUp() finds every message; the parse worker indexes on its own; a deleted
// last row whose rowid is reused does not hide the new row; an upgrade from schema 6 keeps what
// was indexed.

#include "common/Clock.h"
#include "store/Database.h"
#include "webhook/InboundStore.h"
#include "webhook/IngestPipeline.h"
#include "webhook/MessageIndex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace parley::core;

namespace {

QByteArray textBody(const QString &id, const QString &from, const QString &text)
{
    const QJsonObject message{{QStringLiteral("id"), id}, {QStringLiteral("from"), from},
        {QStringLiteral("timestamp"), QStringLiteral("1749416383")},
        {QStringLiteral("type"), QStringLiteral("text")},
        {QStringLiteral("text"), QJsonObject{{QStringLiteral("body"), text}}}};
    const QJsonObject value{{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
        {QStringLiteral("metadata"),
            QJsonObject{{QStringLiteral("display_phone_number"), QStringLiteral("15550783881")},
                {QStringLiteral("phone_number_id"), QStringLiteral("106540352242922")}}},
        {QStringLiteral("messages"), QJsonArray{message}}};
    const QJsonObject root{{QStringLiteral("object"), QStringLiteral("whatsapp_business_account")},
        {QStringLiteral("entry"),
            QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("419561257915477")},
                {QStringLiteral("changes"),
                    QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("messages")},
                        {QStringLiteral("value"), value}}}}}}}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QStringList matches(QSqlDatabase &db, const QString &word)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT m.id FROM messages_fts JOIN messages m ON m.rowid = "
                             "messages_fts.rowid WHERE messages_fts MATCH ? ORDER BY m.id"));
    q.addBindValue(word);
    if (!q.exec())
        return {QStringLiteral("error: ") + q.lastError().text()};
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    return ids;
}

bool exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        qWarning() << sql << q.lastError().text();
        return false;
    }
    return true;
}

bool ingest(QSqlDatabase &db, InboundStore &store, qint64 journalId, const QByteArray &body)
{
    if (!exec(db, QStringLiteral("BEGIN")))
        return false;
    const IngestResult r = store.ingest(journalId, body, 1749416383000);
    if (!r.parsed || r.sqlFailed) {
        exec(db, QStringLiteral("ROLLBACK"));
        return false;
    }
    return exec(db, QStringLiteral("COMMIT"));
}

} // namespace

class TestMessageIndex : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parserRowsAreIndexedByCatchUp();
    void otherInsertsUseTheTrigger();
    void reusedRowidAfterDeleteIsIndexed();
    void updatedBeforeCatchUpIsIndexedOnce();
    void upgradeFromSchema6KeepsIndex();
    void pipelineIndexesWhenIdle();
};

void TestMessageIndex::parserRowsAreIndexedByCatchUp()
{
    QTemporaryDir dir;
    QString error;
    QSqlDatabase db
        = Database::open(dir.filePath(QStringLiteral("s.db")), QStringLiteral("a"), &error);
    QVERIFY2(db.isValid(), qPrintable(error));
    {
        InboundStore store(db);
        QVERIFY(ingest(db, store, 1,
            textBody(QStringLiteral("wamid.A"), QStringLiteral("16505550001"),
                QStringLiteral("teapot arrives"))));
        QVERIFY(ingest(db, store, 2,
            textBody(QStringLiteral("wamid.B"), QStringLiteral("16505550002"),
                QStringLiteral("another teapot"))));
        // Not in the parse transaction any more.
        QCOMPARE(matches(db, QStringLiteral("teapot")), QStringList());
        QVERIFY(MessageIndex::behind(db));
        qint64 indexed = -1;
        QVERIFY2(MessageIndex::catchUp(db, &indexed, &error, 1), qPrintable(error)); // 1 per chunk
        QCOMPARE(indexed, 2);
        QVERIFY(!MessageIndex::behind(db));
        QCOMPARE(matches(db, QStringLiteral("teapot")),
            (QStringList{QStringLiteral("wamid.A"), QStringLiteral("wamid.B")}));
        // Idempotent: nothing left, nothing doubled.
        QVERIFY(MessageIndex::catchUp(db, &indexed, &error));
        QCOMPARE(indexed, 0);
        QSqlQuery count(db);
        QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM messages_fts")) && count.next());
        QCOMPARE(count.value(0).toInt(), 2);
    }
    db = QSqlDatabase();
    Database::close(QStringLiteral("a"));
}

void TestMessageIndex::otherInsertsUseTheTrigger()
{
    QTemporaryDir dir;
    QString error;
    QSqlDatabase db
        = Database::open(dir.filePath(QStringLiteral("s.db")), QStringLiteral("b"), &error);
    QVERIFY2(db.isValid(), qPrintable(error));
    QVERIFY(exec(db,
        QStringLiteral("INSERT INTO messages(id, direction, type, text) VALUES "
                       "('local:1', 'out', 'text', 'your teapot shipped')")));
    QCOMPARE(matches(db, QStringLiteral("shipped")), QStringList{QStringLiteral("local:1")});
    // Reactions are never indexed, whoever inserts them.
    QVERIFY(exec(db,
        QStringLiteral("INSERT INTO messages(id, direction, type, text, journal_id) "
                       "VALUES ('wamid.R', 'in', 'reaction', 'shipped', 7)")));
    QVERIFY(MessageIndex::catchUp(db, nullptr, &error));
    QCOMPARE(matches(db, QStringLiteral("shipped")), QStringList{QStringLiteral("local:1")});
    db = QSqlDatabase();
    Database::close(QStringLiteral("b"));
}

void TestMessageIndex::reusedRowidAfterDeleteIsIndexed()
{
    QTemporaryDir dir;
    QString error;
    QSqlDatabase db
        = Database::open(dir.filePath(QStringLiteral("s.db")), QStringLiteral("c"), &error);
    QVERIFY2(db.isValid(), qPrintable(error));
    {
        InboundStore store(db);
        QVERIFY(ingest(db, store, 1,
            textBody(QStringLiteral("wamid.A"), QStringLiteral("16505550001"),
                QStringLiteral("alpha"))));
        QVERIFY(ingest(db, store, 2,
            textBody(QStringLiteral("wamid.B"), QStringLiteral("16505550001"),
                QStringLiteral("bravo"))));
        QVERIFY(MessageIndex::catchUp(db, nullptr, &error));
        QSqlQuery q(db);
        QVERIFY(
            q.exec(QStringLiteral("SELECT rowid FROM messages WHERE id = 'wamid.B'")) && q.next());
        const qint64 rowidB = q.value(0).toLongLong();
        q.finish();
        QVERIFY(exec(db, QStringLiteral("DELETE FROM messages WHERE id = 'wamid.B'")));
        QCOMPARE(matches(db, QStringLiteral("bravo")), QStringList());
        QVERIFY(ingest(db, store, 3,
            textBody(QStringLiteral("wamid.C"), QStringLiteral("16505550001"),
                QStringLiteral("charlie"))));
        QVERIFY(
            q.exec(QStringLiteral("SELECT rowid FROM messages WHERE id = 'wamid.C'")) && q.next());
        QCOMPARE(q.value(0).toLongLong(), rowidB); // SQLite handed the rowid out again
        q.finish();
        QVERIFY(MessageIndex::catchUp(db, nullptr, &error));
        QCOMPARE(matches(db, QStringLiteral("charlie")), QStringList{QStringLiteral("wamid.C")});
        QCOMPARE(matches(db, QStringLiteral("alpha")), QStringList{QStringLiteral("wamid.A")});
        // Deleting an older row (retention) leaves the watermark where it is: nothing to redo.
        QVERIFY(exec(db, QStringLiteral("DELETE FROM messages WHERE id = 'wamid.A'")));
        QVERIFY(!MessageIndex::behind(db));
        qint64 indexed = -1;
        QVERIFY(MessageIndex::catchUp(db, &indexed, &error));
        QCOMPARE(indexed, 0);
        QCOMPARE(matches(db, QStringLiteral("alpha")), QStringList());
        QCOMPARE(matches(db, QStringLiteral("charlie")), QStringList{QStringLiteral("wamid.C")});
    }
    db = QSqlDatabase();
    Database::close(QStringLiteral("c"));
}

void TestMessageIndex::updatedBeforeCatchUpIsIndexedOnce()
{
    QTemporaryDir dir;
    QString error;
    QSqlDatabase db
        = Database::open(dir.filePath(QStringLiteral("s.db")), QStringLiteral("d"), &error);
    QVERIFY2(db.isValid(), qPrintable(error));
    {
        InboundStore store(db);
        QVERIFY(ingest(db, store, 1,
            textBody(QStringLiteral("wamid.A"), QStringLiteral("16505550001"),
                QStringLiteral("before"))));
        // The update trigger indexes the row before the watermark reaches it.
        QVERIFY(
            exec(db, QStringLiteral("UPDATE messages SET text = 'after' WHERE id = 'wamid.A'")));
        QVERIFY2(MessageIndex::catchUp(db, nullptr, &error), qPrintable(error));
        QCOMPARE(matches(db, QStringLiteral("after")), QStringList{QStringLiteral("wamid.A")});
        QCOMPARE(matches(db, QStringLiteral("before")), QStringList());
        QSqlQuery count(db);
        QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM messages_fts")) && count.next());
        QCOMPARE(count.value(0).toInt(), 1);
    }
    db = QSqlDatabase();
    Database::close(QStringLiteral("d"));
}

void TestMessageIndex::upgradeFromSchema6KeepsIndex()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.db"));
    QString error;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("e6"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QVERIFY2(Database::migrate(db, &error, 6), qPrintable(error));
        QVERIFY(exec(db,
            QStringLiteral("INSERT INTO messages(id, direction, type, text, journal_id) "
                           "VALUES ('wamid.OLD', 'in', 'text', 'vintage teapot', 1)")));
        QCOMPARE(matches(db, QStringLiteral("vintage")), QStringList{QStringLiteral("wamid.OLD")});
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("e6"));
    QSqlDatabase db = Database::open(path, QStringLiteral("e"), &error);
    QVERIFY2(db.isValid(), qPrintable(error));
    QVERIFY(Database::version(db) >= 7);
    QVERIFY(!MessageIndex::behind(db)); // the watermark starts above what 0006 indexed
    QVERIFY(MessageIndex::catchUp(db, nullptr, &error));
    QCOMPARE(matches(db, QStringLiteral("vintage")), QStringList{QStringLiteral("wamid.OLD")});
    db = QSqlDatabase();
    Database::close(QStringLiteral("e"));
}

void TestMessageIndex::pipelineIndexesWhenIdle()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.db"));
    QString error;
    QSqlDatabase db = Database::open(path, QStringLiteral("f"), &error, Database::withJournal());
    QVERIFY2(db.isValid(), qPrintable(error));
    QSqlQuery insert(db);
    insert.prepare(
        QStringLiteral("INSERT INTO webhooks.journal(received_at, size, body) VALUES (?, ?, ?)"));
    for (int i = 0; i < 3; ++i) {
        const QByteArray body = textBody(QStringLiteral("wamid.P%1").arg(i),
            QStringLiteral("1650555000%1").arg(i), QStringLiteral("kettle number%1").arg(i));
        insert.addBindValue(qint64(1749416383000));
        insert.addBindValue(body.size());
        insert.addBindValue(body);
        QVERIFY(insert.exec());
    }
    IngestPipeline pipeline(path, nullptr);
    IngestPipeline::Options options;
    options.safetyPollMs = 50;
    pipeline.setOptions(options);
    QVERIFY2(pipeline.start(&error), qPrintable(error));
    QTRY_COMPARE(pipeline.parsedRows(), 3);
    QTRY_COMPARE(matches(db, QStringLiteral("kettle")).size(), 3);
    pipeline.stop();
    QVERIFY(!MessageIndex::behind(db));
    db = QSqlDatabase();
    Database::close(QStringLiteral("f"));
}

QTEST_GUILESS_MAIN(TestMessageIndex)
#include "tst_messageindex.moc"
