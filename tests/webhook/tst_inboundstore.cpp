// InboundStore behaviour beyond the snapshots: bad bodies write nothing, the status state machine
// under every arrival order, windows and previews only move forward, BSUID merges fold
// conversations, a rolled-back batch leaves no stale cache, and a bulk ingest keeps every event.

#include "common/Clock.h"
#include "store/Database.h"
#include "webhook/InboundStore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

#include <time.h>

using namespace parley::core;

namespace {

const QString kPnid = QStringLiteral("106540352242922");

QJsonObject envelope(const QJsonObject &value, const QString &pnid = kPnid)
{
    QJsonObject v = value;
    v.insert(QStringLiteral("messaging_product"), QStringLiteral("whatsapp"));
    v.insert(QStringLiteral("metadata"),
        QJsonObject{{QStringLiteral("display_phone_number"), QStringLiteral("15550783881")},
            {QStringLiteral("phone_number_id"), pnid}});
    return QJsonObject{{QStringLiteral("object"), QStringLiteral("whatsapp_business_account")},
        {QStringLiteral("entry"),
            QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("419561257915477")},
                {QStringLiteral("changes"),
                    QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("messages")},
                        {QStringLiteral("value"), v}}}}}}}};
}

QByteArray bytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject textMessage(const QString &id, qint64 ts, const QString &from, const QString &body,
    const QString &fromUserId = QString())
{
    QJsonObject m{{QStringLiteral("id"), id}, {QStringLiteral("timestamp"), QString::number(ts)},
        {QStringLiteral("type"), QStringLiteral("text")},
        {QStringLiteral("text"), QJsonObject{{QStringLiteral("body"), body}}}};
    if (!from.isEmpty())
        m.insert(QStringLiteral("from"), from);
    if (!fromUserId.isEmpty())
        m.insert(QStringLiteral("from_user_id"), fromUserId);
    return m;
}

QByteArray messagesBody(
    const QJsonArray &messages, const QJsonArray &contacts = {}, const QString &pnid = kPnid)
{
    QJsonObject value{{QStringLiteral("messages"), messages}};
    if (!contacts.isEmpty())
        value.insert(QStringLiteral("contacts"), contacts);
    return bytes(envelope(value, pnid));
}

QByteArray statusBody(
    const QString &id, const QString &status, qint64 ts, const QJsonArray &errors = {})
{
    QJsonObject s{{QStringLiteral("id"), id}, {QStringLiteral("status"), status},
        {QStringLiteral("timestamp"), QString::number(ts)},
        {QStringLiteral("recipient_id"), QStringLiteral("16505551234")}};
    if (!errors.isEmpty())
        s.insert(QStringLiteral("errors"), errors);
    return bytes(envelope(QJsonObject{{QStringLiteral("statuses"), QJsonArray{s}}}));
}

} // namespace

class TestInboundStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QSqlDatabase m_db;
    QString m_connection;
    ManualClock m_clock;
    int m_run = 0;

    qint64 count(const QString &sql)
    {
        QSqlQuery q(m_db);
        if (!q.exec(sql) || !q.next()) {
            qWarning() << "query failed" << sql;
            return -1;
        }
        return q.value(0).toLongLong();
    }
    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(m_db);
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }
    IngestResult ingest(InboundStore &store, qint64 journalId, const QByteArray &body)
    {
        if (!m_db.transaction())
            qWarning() << "BEGIN failed";
        const IngestResult r = store.ingest(journalId, body, m_clock.nowMs());
        if (!m_db.commit())
            qWarning() << "COMMIT failed";
        return r;
    }

private Q_SLOTS:
    void init();
    void cleanup();
    void invalidBodyWritesNothing();
    void unknownJsonIsKept();
    void statusStateMachine_data();
    void statusStateMachine();
    void failedIsTerminalAndKeepsError();
    void unrankedStatusesAreDeduplicated();
    void statusDedupeCarriesOverFromSchema10();
    void outboxFollowsOnlyItsOwnRows();
    void windowAndPreviewOnlyMoveForward();
    void bsuidMergeFoldsConversations();
    void changedNumberKeepsHistory();
    void rolledBackBatchLeavesNoStaleIds();
    void reportedBatchesCacheSafely();
    void contactChangesInsideOneBatch();
    void bsuidMergeInsideOneBatch();
    void bulkIngestKeepsEveryEvent();
};

void TestInboundStore::init()
{
    QVERIFY(m_dir.isValid());
    m_connection = QStringLiteral("inbound-%1").arg(++m_run);
    QString error;
    m_db = Database::open(
        m_dir.filePath(QStringLiteral("store-%1.db").arg(m_run)), m_connection, &error);
    QVERIFY2(m_db.isValid(), qPrintable(error));
}

void TestInboundStore::cleanup()
{
    m_db = QSqlDatabase();
    Database::close(m_connection);
}

void TestInboundStore::invalidBodyWritesNothing()
{
    InboundStore store(m_db, &m_clock);
    for (const QByteArray &body :
        {QByteArray("{\"object\":\"whatsapp_business_account\",\"entry\":["), QByteArray(""),
            QByteArray("not json")}) {
        const IngestResult r = ingest(store, 1, body);
        QVERIFY(!r.parsed);
        QVERIFY(!r.error.isEmpty());
        QVERIFY(r.eventCounts.isEmpty());
    }
    for (const char *table :
        {"contacts", "conversations", "messages", "status_events", "message_status",
            "webhook_errors", "template_events", "account_events", "user_preferences"}) {
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))), 0);
    }
}

void TestInboundStore::unknownJsonIsKept()
{
    InboundStore store(m_db, &m_clock);
    const IngestResult r = ingest(store, 7, QByteArray(R"({"totally":"different"})"));
    QVERIFY(r.parsed);
    QCOMPARE(r.eventCounts.value(QStringLiteral("unknown_field")), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM account_events WHERE known = 0 AND "
                                  "journal_id = 7 AND raw_json = '{\"totally\":\"different\"}'")),
        1);
}

void TestInboundStore::statusStateMachine_data()
{
    QTest::addColumn<QStringList>("order");
    QStringList statuses{
        QStringLiteral("delivered"), QStringLiteral("read"), QStringLiteral("sent")};
    std::sort(statuses.begin(), statuses.end());
    do {
        QTest::newRow(qPrintable(statuses.join(u','))) << statuses;
    } while (std::next_permutation(statuses.begin(), statuses.end()));
}

void TestInboundStore::statusStateMachine()
{
    QFETCH(QStringList, order);
    InboundStore store(m_db, &m_clock);
    const QHash<QString, qint64> ts{{QStringLiteral("sent"), 100},
        {QStringLiteral("delivered"), 200}, {QStringLiteral("read"), 300}};
    int best = 0;
    qint64 journalId = 0;
    for (const QString &status : order) {
        const IngestResult r = ingest(
            store, ++journalId, statusBody(QStringLiteral("wamid.OUT"), status, ts.value(status)));
        const int rank = InboundStore::statusRank(status);
        // Reported as advanced exactly when it moves the message forward.
        QCOMPARE(r.statusMessageIds.size(), rank > best ? 1 : 0);
        best = qMax(best, rank);
        // A duplicate of the same (id, status) changes nothing.
        const IngestResult dup = ingest(
            store, ++journalId, statusBody(QStringLiteral("wamid.OUT"), status, ts.value(status)));
        QVERIFY(dup.statusMessageIds.isEmpty());
    }
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM message_status")).toString(),
        QStringLiteral("read"));
    QCOMPARE(scalar(QStringLiteral("SELECT timestamp FROM message_status")).toLongLong(), 300);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM status_events")), 3);
}

void TestInboundStore::failedIsTerminalAndKeepsError()
{
    InboundStore store(m_db, &m_clock);
    const QJsonArray errors{QJsonObject{{QStringLiteral("code"), 131026},
        {QStringLiteral("title"), QStringLiteral("Message undeliverable")},
        {QStringLiteral("error_data"),
            QJsonObject{{QStringLiteral("details"), QStringLiteral("receiver incapable")}}}}};
    ingest(store, 1, statusBody(QStringLiteral("wamid.F"), QStringLiteral("sent"), 10));
    const IngestResult failed = ingest(
        store, 2, statusBody(QStringLiteral("wamid.F"), QStringLiteral("failed"), 20, errors));
    QCOMPARE(failed.statusMessageIds, QStringList{QStringLiteral("wamid.F")});
    QCOMPARE(failed.eventCounts.value(QStringLiteral("error")), 1);
    const IngestResult late
        = ingest(store, 3, statusBody(QStringLiteral("wamid.F"), QStringLiteral("delivered"), 15));
    QVERIFY(late.statusMessageIds.isEmpty());
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral(
        "SELECT status, error_code, error_title, error_details FROM message_status")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("failed"));
    QCOMPARE(q.value(1).toInt(), 131026);
    QCOMPARE(q.value(2).toString(), QStringLiteral("Message undeliverable"));
    QCOMPARE(q.value(3).toString(), QStringLiteral("receiver incapable"));
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM webhook_errors WHERE scope = 'status'")), 1);
}

// A status without a rank (one this version does not know) has no `seen` bit: the partial
// unique index of schema 0011 deduplicates it, and it leaves message_status alone.
void TestInboundStore::unrankedStatusesAreDeduplicated()
{
    InboundStore store(m_db, &m_clock);
    ingest(store, 1, statusBody(QStringLiteral("wamid.U"), QStringLiteral("sent"), 10));
    for (int journalId : {2, 3})
        ingest(
            store, journalId, statusBody(QStringLiteral("wamid.U"), QStringLiteral("deleted"), 20));
    ingest(store, 4, statusBody(QStringLiteral("wamid.U"), QStringLiteral("sent"), 10));
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM status_events WHERE status = 'deleted'")), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM status_events WHERE status = 'sent'")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM message_status")).toString(),
        QStringLiteral("sent"));
    QCOMPARE(scalar(QStringLiteral("SELECT seen FROM message_status")).toInt(), 1 << 1);
}

// A store from before schema 0011 deduplicated statuses with status_events' unique index; the
// migration rebuilds `seen` from those rows, so what was received before is still a duplicate
// after it, and what was not still counts.
void TestInboundStore::statusDedupeCarriesOverFromSchema10()
{
    const QString path = m_dir.filePath(QStringLiteral("schema10.db"));
    QString error;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("s10"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QVERIFY2(Database::migrate(db, &error, 10), qPrintable(error));
        QCOMPARE(Database::version(db), 10);
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO status_events(message_id, status, timestamp) VALUES "
            "('wamid.M', 'sent', 10), ('wamid.M', 'delivered', 20), ('wamid.N', 'failed', 30)")));
        QVERIFY(q.exec(
            QStringLiteral("INSERT INTO message_status(message_id, status, rank, timestamp) VALUES "
                           "('wamid.M', 'delivered', 2, 20), ('wamid.N', 'failed', 5, 30)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("s10"));
    cleanup();
    m_connection = QStringLiteral("s11");
    m_db = Database::open(path, m_connection, &error);
    QVERIFY2(m_db.isValid(), qPrintable(error));
    QVERIFY(Database::version(m_db) >= 11);
    QCOMPARE(scalar(QStringLiteral("SELECT seen FROM message_status WHERE message_id = 'wamid.M'"))
                 .toInt(),
        (1 << 1) | (1 << 2));
    QCOMPARE(scalar(QStringLiteral("SELECT seen FROM message_status WHERE message_id = 'wamid.N'"))
                 .toInt(),
        1 << 5);

    InboundStore store(m_db, &m_clock);
    QVERIFY(ingest(store, 1, statusBody(QStringLiteral("wamid.M"), QStringLiteral("sent"), 10))
                .statusMessageIds.isEmpty());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM status_events")), 3);
    QCOMPARE(ingest(store, 2, statusBody(QStringLiteral("wamid.M"), QStringLiteral("read"), 40))
                 .statusMessageIds,
        QStringList{QStringLiteral("wamid.M")});
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM status_events")), 4);
    QCOMPARE(
        scalar(QStringLiteral("SELECT status FROM message_status WHERE message_id = 'wamid.M'"))
            .toString(),
        QStringLiteral("read"));
    // A delivered that was never received before comes late: kept, but the message stays read.
    QVERIFY(ingest(store, 3, statusBody(QStringLiteral("wamid.N"), QStringLiteral("delivered"), 25))
                .statusMessageIds.isEmpty());
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM status_events WHERE message_id = 'wamid.N'")),
        2);
    QCOMPARE(
        scalar(QStringLiteral("SELECT status FROM message_status WHERE message_id = 'wamid.N'"))
            .toString(),
        QStringLiteral("failed"));
}

// The outbox follows statuses of its own sends only: a status for a wamid no outbox row has
// leaves every outbox row exactly as it was (FIFO flags, times, errors), a row never moves back
// nor out of 'failed', and a status echoing 'parley-outbox:<id>' still resolves that row.
void TestInboundStore::outboxFollowsOnlyItsOwnRows()
{
    auto exec = [this](const QString &sql) {
        QSqlQuery q(m_db);
        const bool ok = q.exec(sql);
        if (!ok)
            qWarning() << "failed:" << sql;
        return ok;
    };
    auto outboxRows = [this]() {
        QStringList rows;
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT * FROM outbox ORDER BY id")))
            return QStringList{QStringLiteral("query failed")};
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < q.record().count(); ++i)
                row << (q.isNull(i) ? QStringLiteral("NULL") : q.value(i).toString());
            rows << row.join(u'|');
        }
        return rows;
    };
    auto state = [this](int id) {
        return scalar(
            QStringLiteral("SELECT state || '/' || status_rank FROM outbox WHERE id = %1").arg(id))
            .toString();
    };
    // 1 accepted (ours, in flight), 2 read, 3 failed by the Graph API, 4 queued (the head of its
    // recipient's FIFO), 5 unknown (its send's answer was lost: no wamid yet).
    const QString insert = QStringLiteral(
        "INSERT INTO outbox(id, idempotency_key, phone_number_id, recipient_key, type, "
        "message_json, state, status_rank, wamid, error_origin, error_code, created_at, "
        "updated_at) VALUES(%1, 'k%1', '%2', '+1650555000%1', 'text', '{}', '%3', %4, %5, %6, %7, "
        "10, 10)");
    QVERIFY(exec(
        insert.arg(1)
            .arg(kPnid, QStringLiteral("accepted"))
            .arg(0)
            .arg(QStringLiteral("'wamid.A'"), QStringLiteral("NULL"), QStringLiteral("NULL"))));
    QVERIFY(exec(
        insert.arg(2)
            .arg(kPnid, QStringLiteral("read"))
            .arg(3)
            .arg(QStringLiteral("'wamid.B'"), QStringLiteral("NULL"), QStringLiteral("NULL"))));
    QVERIFY(exec(insert.arg(3)
                     .arg(kPnid, QStringLiteral("failed"))
                     .arg(0)
                     .arg(QStringLiteral("'wamid.C'"), QStringLiteral("'graph'"),
                         QStringLiteral("131030"))));
    QVERIFY(exec(insert.arg(4)
                     .arg(kPnid, QStringLiteral("queued"))
                     .arg(0)
                     .arg(QStringLiteral("NULL"), QStringLiteral("NULL"), QStringLiteral("NULL"))));
    QVERIFY(exec(insert.arg(5)
                     .arg(kPnid, QStringLiteral("unknown"))
                     .arg(0)
                     .arg(QStringLiteral("NULL"), QStringLiteral("NULL"), QStringLiteral("NULL"))));
    const QStringList before = outboxRows();
    QCOMPARE(before.size(), 5);
    QCOMPARE(scalar(QStringLiteral("SELECT ready FROM outbox WHERE id = 4")).toInt(), 1);

    m_clock.setMs(1'700'000'000'000);
    InboundStore store(m_db, &m_clock);
    qint64 journalId = 0;
    const QJsonArray errors{QJsonObject{{QStringLiteral("code"), 131026},
        {QStringLiteral("title"), QStringLiteral("Message undeliverable")}}};
    // Statuses of messages that are not ours, in every state: the outbox is untouched, while
    // message_status follows them as always.
    for (const QString &status : {QStringLiteral("sent"), QStringLiteral("delivered"),
             QStringLiteral("read"), QStringLiteral("failed")}) {
        const IngestResult r = ingest(store, ++journalId,
            statusBody(QStringLiteral("wamid.NOT-OURS-") + status, status, 100, errors));
        QVERIFY2(r.parsed && !r.sqlFailed, qPrintable(r.error));
        QCOMPARE(r.statusMessageIds.size(), 1);
    }
    QCOMPARE(outboxRows(), before);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM message_status WHERE message_id LIKE "
                                  "'wamid.NOT-OURS-%'")),
        4);
    // Ours, but nothing to move: read never goes back, failed (by the Graph API) stays failed.
    ingest(store, ++journalId, statusBody(QStringLiteral("wamid.B"), QStringLiteral("sent"), 100));
    ingest(store, ++journalId,
        statusBody(QStringLiteral("wamid.B"), QStringLiteral("failed"), 110, errors));
    ingest(store, ++journalId, statusBody(QStringLiteral("wamid.C"), QStringLiteral("read"), 120));
    QCOMPARE(outboxRows(), before);
    // Ours and in flight: forward, then failed with the webhook's error.
    m_clock.setMs(1'700'000'001'000);
    ingest(store, ++journalId,
        statusBody(QStringLiteral("wamid.A"), QStringLiteral("delivered"), 130));
    QCOMPARE(state(1), QStringLiteral("delivered/2"));
    QCOMPARE(scalar(QStringLiteral("SELECT updated_at FROM outbox WHERE id = 1")).toLongLong(),
        1'700'000'001'000);
    ingest(store, ++journalId, statusBody(QStringLiteral("wamid.A"), QStringLiteral("sent"), 125));
    QCOMPARE(state(1), QStringLiteral("delivered/2"));
    ingest(store, ++journalId,
        statusBody(QStringLiteral("wamid.A"), QStringLiteral("failed"), 140, errors));
    QCOMPARE(state(1), QStringLiteral("failed/5"));
    QCOMPARE(scalar(QStringLiteral("SELECT error_origin || ':' || error_code || ':' || error_title "
                                   "FROM outbox WHERE id = 1"))
                 .toString(),
        QStringLiteral("webhook:131026:Message undeliverable"));
    // The lost send's status echoes its row: the row learns its wamid and follows the status.
    QJsonObject echoed{{QStringLiteral("id"), QStringLiteral("wamid.E")},
        {QStringLiteral("status"), QStringLiteral("sent")},
        {QStringLiteral("timestamp"), QStringLiteral("150")},
        {QStringLiteral("recipient_id"), QStringLiteral("16505550005")},
        {QStringLiteral("biz_opaque_callback_data"), QStringLiteral("parley-outbox:5")}};
    const IngestResult r = ingest(store, ++journalId,
        bytes(envelope(QJsonObject{{QStringLiteral("statuses"), QJsonArray{echoed}}})));
    QVERIFY2(r.parsed && !r.sqlFailed, qPrintable(r.error));
    QCOMPARE(scalar(QStringLiteral("SELECT wamid FROM outbox WHERE id = 5")).toString(),
        QStringLiteral("wamid.E"));
    QCOMPARE(state(5), QStringLiteral("sent/1"));
    // Rows 2, 3 and 4 never changed.
    const QStringList after = outboxRows();
    for (int i : {1, 2, 3})
        QCOMPARE(after.at(i), before.at(i));
}

void TestInboundStore::windowAndPreviewOnlyMoveForward()
{
    InboundStore store(m_db, &m_clock);
    const QString from = QStringLiteral("16505551234");
    IngestResult newer = ingest(store, 1,
        messagesBody(
            {textMessage(QStringLiteral("wamid.NEW"), 2000, from, QStringLiteral("new"))}));
    QCOMPARE(newer.messageIds, QStringList{QStringLiteral("wamid.NEW")});
    QCOMPARE(newer.conversationIds.size(), 1);
    // An older message delivered late (Meta does not guarantee order).
    ingest(store, 2,
        messagesBody(
            {textMessage(QStringLiteral("wamid.OLD"), 1000, from, QStringLiteral("old"))}));
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral("SELECT last_inbound_at, window_expires_at, last_message_id, "
                                  "last_message_preview, unread_count FROM conversations")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), 2000);
    QCOMPARE(q.value(1).toLongLong(), 2000 + 24 * 3600);
    QCOMPARE(q.value(2).toString(), QStringLiteral("wamid.NEW"));
    QCOMPARE(q.value(3).toString(), QStringLiteral("new"));
    QCOMPARE(q.value(4).toInt(), 2);
    QVERIFY(!q.next());
    // A referral opens a 72 h window; a later plain message cannot shorten it.
    QJsonObject ad = textMessage(QStringLiteral("wamid.AD"), 3000, from, QStringLiteral("ad"));
    ad.insert(QStringLiteral("referral"),
        QJsonObject{{QStringLiteral("source_type"), QStringLiteral("ad")}});
    ingest(store, 3, messagesBody({ad}));
    ingest(store, 4,
        messagesBody(
            {textMessage(QStringLiteral("wamid.AFTER"), 4000, from, QStringLiteral("x"))}));
    QCOMPARE(scalar(QStringLiteral("SELECT window_expires_at FROM conversations")).toLongLong(),
        3000 + 72 * 3600);
    QCOMPARE(
        scalar(QStringLiteral("SELECT last_inbound_at FROM conversations")).toLongLong(), 4000);
}

void TestInboundStore::bsuidMergeFoldsConversations()
{
    InboundStore store(m_db, &m_clock);
    const QString wa = QStringLiteral("16505551234");
    const QString bsuid = QStringLiteral("US.1234567890");
    const QString other = QStringLiteral("106540352249999");
    // Known by phone number on two business numbers...
    ingest(store, 1,
        messagesBody({textMessage(QStringLiteral("wamid.A1"), 100, wa, QStringLiteral("a1"))}));
    ingest(store, 2,
        messagesBody(
            {textMessage(QStringLiteral("wamid.A2"), 110, wa, QStringLiteral("a2"))}, {}, other));
    // ...and by BSUID only on the first one.
    ingest(store, 3,
        messagesBody({textMessage(
            QStringLiteral("wamid.B1"), 200, QString(), QStringLiteral("b1"), bsuid)}));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts")), 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM conversations")), 3);
    // A payload shows both ids: one person.
    const QJsonArray contacts{QJsonObject{{QStringLiteral("wa_id"), wa},
        {QStringLiteral("user_id"), bsuid},
        {QStringLiteral("profile"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Kim")}}}}};
    ingest(store, 4,
        messagesBody(
            {textMessage(QStringLiteral("wamid.C1"), 150, wa, QStringLiteral("c1"), bsuid)},
            contacts));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts")), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts WHERE wa_id = '16505551234' AND "
                                  "user_id = 'US.1234567890' AND profile_name = 'Kim'")),
        1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM conversations")), 2);
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral(
        "SELECT id, last_inbound_at, last_message_id, unread_count FROM conversations "
        "WHERE phone_number_id = '106540352242922'")));
    QVERIFY(q.next());
    const qint64 merged = q.value(0).toLongLong();
    QCOMPARE(q.value(1).toLongLong(), 200); // the BSUID conversation's newer message
    QCOMPARE(q.value(2).toString(), QStringLiteral("wamid.B1"));
    QCOMPARE(q.value(3).toInt(), 3); // a1 + b1 + c1
    QCOMPARE(
        count(
            QStringLiteral("SELECT count(*) FROM messages WHERE conversation_id = %1").arg(merged)),
        3);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE conversation_id NOT IN "
                                  "(SELECT id FROM conversations)")),
        0);
}

void TestInboundStore::changedNumberKeepsHistory()
{
    InboundStore store(m_db, &m_clock);
    auto changed = [](const QString &id, const QString &from, const QString &to) {
        return messagesBody({QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("from"), from},
            {QStringLiteral("timestamp"), QStringLiteral("500")},
            {QStringLiteral("type"), QStringLiteral("system")},
            {QStringLiteral("system"),
                QJsonObject{{QStringLiteral("type"), QStringLiteral("user_changed_number")},
                    {QStringLiteral("wa_id"), to},
                    {QStringLiteral("body"), QStringLiteral("changed")}}}}});
    };
    // The new number was not known: the row takes it over.
    ingest(store, 1,
        messagesBody({textMessage(
            QStringLiteral("wamid.O1"), 100, QStringLiteral("111"), QStringLiteral("old"))}));
    ingest(store, 2,
        changed(QStringLiteral("wamid.S1"), QStringLiteral("111"), QStringLiteral("222")));
    ingest(store, 3,
        messagesBody({textMessage(
            QStringLiteral("wamid.N1"), 600, QStringLiteral("222"), QStringLiteral("new"))}));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts")), 1);
    QCOMPARE(
        scalar(QStringLiteral("SELECT wa_id FROM contacts")).toString(), QStringLiteral("222"));
    QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT conversation_id) FROM messages")), 1);
    // The new number wrote first (its own row): the two rows are merged.
    ingest(store, 4,
        messagesBody({textMessage(
            QStringLiteral("wamid.X1"), 100, QStringLiteral("333"), QStringLiteral("x"))}));
    ingest(store, 5,
        messagesBody({textMessage(
            QStringLiteral("wamid.Y1"), 200, QStringLiteral("444"), QStringLiteral("y"))}));
    ingest(store, 6,
        changed(QStringLiteral("wamid.S2"), QStringLiteral("444"), QStringLiteral("333")));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts")), 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts WHERE wa_id = '444'")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages m JOIN conversations c ON "
                                  "c.id = m.conversation_id JOIN contacts k ON k.id = c.contact_id "
                                  "WHERE k.wa_id = '333'")),
        3);
    // Replaying the notice changes nothing.
    ingest(store, 7,
        changed(QStringLiteral("wamid.S2"), QStringLiteral("444"), QStringLiteral("333")));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts")), 2);
}

void TestInboundStore::rolledBackBatchLeavesNoStaleIds()
{
    InboundStore store(m_db, &m_clock);
    const QByteArray body = messagesBody(
        {textMessage(QStringLiteral("wamid.R"), 100, QStringLiteral("111"), QStringLiteral("r"))});
    QVERIFY(m_db.transaction());
    QCOMPARE(store.ingest(1, body, 0).messageIds.size(), 1);
    QVERIFY(m_db.rollback());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), 0);
    // The same store instance, after the rollback: everything is written again, consistently.
    const IngestResult again = ingest(store, 1, body);
    QVERIFY(!again.sqlFailed);
    QCOMPARE(again.messageIds.size(), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages m JOIN conversations c ON "
                                  "c.id = m.conversation_id JOIN contacts k ON k.id = c.contact_id "
                                  "WHERE k.wa_id = '111'")),
        1);
}

void TestInboundStore::reportedBatchesCacheSafely()
{
    InboundStore store(m_db, &m_clock);
    const QString wa = QStringLiteral("222");
    auto body = [&](const QString &id, const QString &name) {
        return messagesBody({textMessage(id, 100, wa, QStringLiteral("x"))},
            {QJsonObject{{QStringLiteral("wa_id"), wa},
                {QStringLiteral("profile"), QJsonObject{{QStringLiteral("name"), name}}}}});
    };
    // Batch 1 commits: contact and conversation are remembered.
    QVERIFY(m_db.transaction());
    QVERIFY(!store.ingest(1, body(QStringLiteral("wamid.1"), QStringLiteral("Ann")), 0).sqlFailed);
    QVERIFY(m_db.commit());
    store.batchCommitted();
    // Batch 2 creates a new person and is rolled back.
    const QByteArray other = messagesBody(
        {textMessage(QStringLiteral("wamid.2"), 100, QStringLiteral("333"), QStringLiteral("y"))});
    QVERIFY(m_db.transaction());
    QVERIFY(!store.ingest(2, other, 0).sqlFailed);
    QVERIFY(m_db.rollback());
    store.batchRolledBack();
    // Batch 3: the rolled-back person again, and a new profile name for the remembered one.
    QVERIFY(m_db.transaction());
    QVERIFY(!store.ingest(3, other, 0).sqlFailed);
    QVERIFY(
        !store.ingest(4, body(QStringLiteral("wamid.3"), QStringLiteral("Ann B.")), 0).sqlFailed);
    QVERIFY(m_db.commit());
    store.batchCommitted();
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages m JOIN conversations c ON "
                                  "c.id = m.conversation_id JOIN contacts k ON k.id = c.contact_id "
                                  "WHERE k.wa_id = '333'")),
        1);
    QCOMPARE(
        scalar(QStringLiteral("SELECT profile_name FROM contacts WHERE wa_id = '222'")).toString(),
        QStringLiteral("Ann B."));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE conversation_id NOT IN "
                                  "(SELECT id FROM conversations)")),
        0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts")), 2);
}

void TestInboundStore::contactChangesInsideOneBatch()
{
    InboundStore store(m_db, &m_clock);
    const QString wa = QStringLiteral("16505550101");
    auto body = [&](const QString &id, const QJsonObject &profile, const QString &username = {}) {
        QJsonObject contact{{QStringLiteral("wa_id"), wa}, {QStringLiteral("profile"), profile}};
        if (!username.isEmpty())
            contact.insert(QStringLiteral("username"), username);
        return messagesBody({textMessage(id, 100, wa, QStringLiteral("x"))}, {contact});
    };
    auto named = [](const QString &name) { return QJsonObject{{QStringLiteral("name"), name}}; };
    auto contactRow = [&] {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT profile_name, username, updated_at, count(*) OVER () "
                                   "FROM contacts"))
            || !q.next())
            return QVariantList();
        QVariantList row;
        for (int i = 0; i < 4; ++i)
            row << (q.isNull(i) ? QVariant() : q.value(i));
        return row;
    };
    const qint64 t0 = m_clock.nowMs();
    // One batch (one transaction, reported): the name changes twice and a username appears,
    // between bodies whose contact is already remembered from earlier in the batch.
    QVERIFY(m_db.transaction());
    QVERIFY(!store
                 .ingest(1, body(QStringLiteral("wamid.P1"), named(QStringLiteral("Ann"))),
                     m_clock.nowMs())
                 .sqlFailed);
    m_clock.advanceMs(1000);
    QVERIFY(!store
                 .ingest(2, body(QStringLiteral("wamid.P2"), named(QStringLiteral("Ann"))),
                     m_clock.nowMs())
                 .sqlFailed);
    QCOMPARE(contactRow().value(2).toLongLong(), t0); // same values: not rewritten
    m_clock.advanceMs(1000);
    QVERIFY(!store
                 .ingest(3, body(QStringLiteral("wamid.P3"), named(QStringLiteral("Ann B."))),
                     m_clock.nowMs())
                 .sqlFailed);
    QCOMPARE(contactRow(), (QVariantList{QStringLiteral("Ann B."), QVariant(), t0 + 2000, 1}));
    m_clock.advanceMs(1000);
    // A message without a contacts entry changes nothing; a username is added, the name kept.
    QVERIFY(!store
                 .ingest(4,
                     messagesBody(
                         {textMessage(QStringLiteral("wamid.P4"), 100, wa, QStringLiteral("y"))}),
                     m_clock.nowMs())
                 .sqlFailed);
    QCOMPARE(contactRow().value(2).toLongLong(), t0 + 2000);
    QVERIFY(!store
                 .ingest(5,
                     body(QStringLiteral("wamid.P5"), named(QStringLiteral("Ann B.")),
                         QStringLiteral("ann")),
                     m_clock.nowMs())
                 .sqlFailed);
    // The name goes back to the first one: still a change against what the batch wrote.
    QVERIFY(!store
                 .ingest(6, body(QStringLiteral("wamid.P6"), named(QStringLiteral("Ann"))),
                     m_clock.nowMs())
                 .sqlFailed);
    QVERIFY(m_db.commit());
    store.batchCommitted();
    QCOMPARE(
        contactRow(), (QVariantList{QStringLiteral("Ann"), QStringLiteral("ann"), t0 + 3000, 1}));
    // The next batch starts from the remembered row: a change is still written.
    QVERIFY(m_db.transaction());
    QVERIFY(!store
                 .ingest(7, body(QStringLiteral("wamid.P7"), named(QStringLiteral("Ann C."))),
                     m_clock.nowMs())
                 .sqlFailed);
    QVERIFY(m_db.commit());
    store.batchCommitted();
    QCOMPARE(contactRow().value(0).toString(), QStringLiteral("Ann C."));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM conversations")), 1);
    QCOMPARE(count(QStringLiteral("SELECT unread_count FROM conversations")), 7);
}

void TestInboundStore::bsuidMergeInsideOneBatch()
{
    InboundStore store(m_db, &m_clock);
    const QString wa = QStringLiteral("16505550202");
    const QString bsuid = QStringLiteral("US.2222222222");
    QVERIFY(m_db.transaction());
    // Known only by BSUID, then only by phone number: two rows, two conversations...
    QVERIFY(!store
                 .ingest(1,
                     messagesBody({textMessage(QStringLiteral("wamid.M1"), 100, QString(),
                         QStringLiteral("by bsuid"), bsuid)}),
                     0)
                 .sqlFailed);
    QVERIFY(!store
                 .ingest(2,
                     messagesBody({textMessage(
                         QStringLiteral("wamid.M2"), 200, wa, QStringLiteral("by number"))}),
                     0)
                 .sqlFailed);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts")), 2);
    // ...until a payload shows both, in the same batch: one person, one conversation.
    const QJsonArray both{QJsonObject{{QStringLiteral("wa_id"), wa},
        {QStringLiteral("user_id"), bsuid},
        {QStringLiteral("profile"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Lee")}}}}};
    QVERIFY(!store
                 .ingest(3,
                     messagesBody({textMessage(QStringLiteral("wamid.M3"), 300, wa,
                                      QStringLiteral("both"), bsuid)},
                         both),
                     0)
                 .sqlFailed);
    // Later bodies of the batch by either id alone land on the surviving row.
    QVERIFY(!store
                 .ingest(4,
                     messagesBody({textMessage(QStringLiteral("wamid.M4"), 400, QString(),
                         QStringLiteral("bsuid again"), bsuid)}),
                     0)
                 .sqlFailed);
    QVERIFY(!store
                 .ingest(5,
                     messagesBody({textMessage(
                         QStringLiteral("wamid.M5"), 500, wa, QStringLiteral("number again"))}),
                     0)
                 .sqlFailed);
    QVERIFY(m_db.commit());
    store.batchCommitted();
    // And so do those of the next batch (from the remembered ids).
    QVERIFY(m_db.transaction());
    QVERIFY(!store
                 .ingest(6,
                     messagesBody({textMessage(QStringLiteral("wamid.M6"), 600, QString(),
                         QStringLiteral("next batch"), bsuid)}),
                     0)
                 .sqlFailed);
    QVERIFY(m_db.commit());
    store.batchCommitted();
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral("SELECT id, wa_id, user_id, profile_name FROM contacts")));
    QVERIFY(q.next());
    QCOMPARE(q.value(1).toString(), wa);
    QCOMPARE(q.value(2).toString(), bsuid);
    QCOMPARE(q.value(3).toString(), QStringLiteral("Lee"));
    const qint64 contact = q.value(0).toLongLong();
    QVERIFY(!q.next());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM conversations")), 1);
    QCOMPARE(count(QStringLiteral("SELECT contact_id FROM conversations")), contact);
    QCOMPARE(count(QStringLiteral("SELECT unread_count FROM conversations")), 6);
    QCOMPARE(count(QStringLiteral("SELECT last_inbound_at FROM conversations")), 600);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE conversation_id = "
                                  "(SELECT id FROM conversations)")),
        6);
}

void TestInboundStore::bulkIngestKeepsEveryEvent()
{
    // 1,000 bodies of 10 events (6 messages from 3 people + 4 statuses), like Meta's batches.
    constexpr int kBodies = 1000;
    QList<QByteArray> bodies;
    for (int b = 0; b < kBodies; ++b) {
        QJsonArray messages;
        for (int i = 0; i < 6; ++i) {
            messages.append(
                textMessage(QStringLiteral("wamid.BULK.%1.%2").arg(b).arg(i), 1'750'000'000 + b,
                    QStringLiteral("1650555%1").arg((b * 7 + i) % 500, 4, 10, QLatin1Char('0')),
                    QStringLiteral("message %1").arg(i)));
        }
        QJsonArray statuses;
        for (int i = 0; i < 4; ++i) {
            statuses.append(QJsonObject{
                {QStringLiteral("id"), QStringLiteral("wamid.BULKOUT.%1").arg(b * 2 + i / 2)},
                {QStringLiteral("status"),
                    i % 2 ? QStringLiteral("delivered") : QStringLiteral("sent")},
                {QStringLiteral("timestamp"), QString::number(1'750'000'000 + b)},
                {QStringLiteral("recipient_id"), QStringLiteral("16505550000")}});
        }
        bodies.append(bytes(envelope(QJsonObject{
            {QStringLiteral("messages"), messages}, {QStringLiteral("statuses"), statuses}})));
    }
    InboundStore store(m_db, &m_clock);
    auto threadCpuUs = [] {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return qint64(t.tv_sec) * 1'000'000 + t.tv_nsec / 1000;
    };
    const qint64 cpuStart = threadCpuUs();
    QElapsedTimer timer;
    timer.start();
    int events = 0;
    for (int b = 0; b < kBodies; b += 50) {
        QVERIFY(m_db.transaction()); // the journal worker's batching: 50 rows per commit
        for (int i = b; i < b + 50; ++i) {
            const IngestResult r = store.ingest(i + 1, bodies.at(i), m_clock.nowMs());
            QVERIFY(r.parsed && !r.sqlFailed);
            events += r.totalEvents();
        }
        QVERIFY(m_db.commit());
        store.batchCommitted();
    }
    const qint64 ms = qMax<qint64>(1, timer.elapsed());
    const qint64 cpuUs = qMax<qint64>(1, threadCpuUs() - cpuStart);
    QCOMPARE(events, kBodies * 10);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), kBodies * 6);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM status_events")), kBodies * 4);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM message_status WHERE status = "
                                  "'delivered'")),
        kBodies * 2);
    QCOMPARE(count(QStringLiteral("SELECT sum(unread_count) FROM conversations")), kBodies * 6);
    // A figure for the log, not a timed assertion.
    // Wall time includes the fsync of 20 commits and whatever else the machine runs; CPU time is
    // what the parse worker costs.
    qInfo("ingested %d events in %lld ms wall (%lld events/s), %lld ms thread CPU (%lld events/s "
          "per core)",
        events, ms, events * 1000 / ms, cpuUs / 1000, events * 1'000'000LL / cpuUs);
}

QTEST_GUILESS_MAIN(TestInboundStore)
#include "tst_inboundstore.moc"
