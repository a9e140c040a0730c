// `parleyctl dump` as a real process on a real store: one JSON object per line, the documented
// field names, absent values as JSON null, and clear exit codes for bad usage.

#include "common/Clock.h"
#include "store/Database.h"
#include "webhook/InboundStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace parley::core;

namespace {

QByteArray fixturePayload(const QString &name, int index)
{
    QFile file(QStringLiteral(PARLEY_SOURCE_DIR "/fixtures/webhooks/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject fixture = QJsonDocument::fromJson(file.readAll()).object();
    return QJsonDocument(fixture.value(QLatin1String("payloads")).toArray().at(index).toObject())
        .toJson(QJsonDocument::Compact);
}

struct Run
{
    int exitCode = -1;
    QList<QJsonObject> rows;
    QByteArray err;
    bool allLinesJson = true;
};

Run dump(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(PARLEYCTL_PATH), QStringList{QStringLiteral("dump")} + args);
    Run run;
    if (!p.waitForFinished(60000))
        return run;
    run.exitCode = p.exitCode();
    run.err = p.readAllStandardError();
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            run.allLinesJson = false;
        run.rows.append(doc.object());
    }
    return run;
}

} // namespace

class TestDump : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

private Q_SLOTS:
    void initTestCase();
    void messages();
    void statusesAndCurrent();
    void contactsAndConversations();
    void journalAndEvents();
    void usageErrors();
};

void TestDump::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("store.db"));
    const QString connection = QStringLiteral("dump-setup");
    QString error;
    {
        QSqlDatabase db = Database::open(m_db, connection, &error, Database::withJournal());
        QVERIFY2(db.isValid(), qPrintable(error));
        ManualClock clock(1'760'000'000'000);
        InboundStore store(db, &clock);
        const QList<QByteArray> bodies{fixturePayload(QStringLiteral("media.json"), 0),
            fixturePayload(QStringLiteral("statuses_all_states.json"), 0),
            fixturePayload(QStringLiteral("template_events.json"), 0),
            QByteArray("{\"not\":\"a webhook\"}")};
        QVERIFY(db.transaction());
        qint64 journalId = 0;
        for (const QByteArray &body : bodies) {
            QVERIFY(!body.isEmpty());
            QSqlQuery q(db);
            QVERIFY(q.prepare(QStringLiteral(
                "INSERT INTO webhooks.journal(received_at, size, body) VALUES(?,?,?)")));
            const IngestResult r = store.ingest(journalId + 1, body, 1'760'000'000'000);
            QVERIFY(r.parsed && !r.sqlFailed);
            q.addBindValue(1'760'000'000'000LL);
            q.addBindValue(body.size());
            q.addBindValue(body);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            journalId = q.lastInsertId().toLongLong();
            QVERIFY(q.prepare(QStringLiteral("INSERT INTO journal_parse(journal_id, state, events, "
                                             "parsed_at) VALUES(?, 'parsed', ?, 1)")));
            q.addBindValue(journalId);
            q.addBindValue(r.totalEvents());
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QVERIFY(db.commit());
    }
    Database::close(connection);
}

void TestDump::messages()
{
    const Run run = dump({QStringLiteral("--db"), m_db, QStringLiteral("messages")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.allLinesJson);
    QCOMPARE(run.rows.size(), 6);
    // Every documented field is present on every row, null when absent.
    const QStringList fields{QStringLiteral("id"), QStringLiteral("direction"),
        QStringLiteral("phone_number_id"), QStringLiteral("from"), QStringLiteral("from_user_id"),
        QStringLiteral("timestamp"), QStringLiteral("type"), QStringLiteral("text"),
        QStringLiteral("caption"), QStringLiteral("media_id"), QStringLiteral("mime_type"),
        QStringLiteral("filename"), QStringLiteral("voice"), QStringLiteral("latitude"),
        QStringLiteral("longitude"), QStringLiteral("reaction_to"), QStringLiteral("emoji"),
        QStringLiteral("reply_type"), QStringLiteral("reply_id"), QStringLiteral("reply_title"),
        QStringLiteral("button_payload"), QStringLiteral("context_id"), QStringLiteral("forwarded"),
        QStringLiteral("error_code"), QStringLiteral("status")};
    for (const QJsonObject &row : run.rows) {
        for (const QString &field : fields)
            QVERIFY2(row.contains(field), qPrintable(field));
    }
    const QJsonObject image = run.rows.at(0);
    QCOMPARE(image.value(QLatin1String("type")).toString(), QStringLiteral("image"));
    QCOMPARE(image.value(QLatin1String("caption")).toString(), QStringLiteral("Taj Mahal"));
    QCOMPARE(image.value(QLatin1String("media_id")).toString(), QStringLiteral("1003383421387256"));
    QCOMPARE(image.value(QLatin1String("from")).toString(), QStringLiteral("16505551234"));
    QCOMPARE(image.value(QLatin1String("timestamp")).toInteger(), 1744344496);
    QVERIFY(image.value(QLatin1String("text")).isNull());
    QVERIFY(image.value(QLatin1String("voice")).isNull());
    QVERIFY(image.value(QLatin1String("from_user_id")).isNull());
    const QJsonObject voice = run.rows.at(2);
    QCOMPARE(voice.value(QLatin1String("voice")), QJsonValue(true));
    QCOMPARE(run.rows.at(3).value(QLatin1String("voice")), QJsonValue(false));
    QCOMPARE(run.rows.at(4).value(QLatin1String("filename")).toString(),
        QStringLiteral("invoice-042.pdf"));
}

void TestDump::statusesAndCurrent()
{
    const Run all = dump({QStringLiteral("--db"), m_db, QStringLiteral("statuses")});
    QCOMPARE(all.exitCode, 0);
    QCOMPARE(all.rows.size(), 6);
    for (const QString &field :
        {QStringLiteral("id"), QStringLiteral("status"), QStringLiteral("timestamp"),
            QStringLiteral("recipient_id"), QStringLiteral("recipient_user_id"),
            QStringLiteral("error_code"), QStringLiteral("pricing_category")}) {
        QVERIFY2(all.rows.first().contains(field), qPrintable(field));
    }
    const Run current = dump(
        {QStringLiteral("--db"), m_db, QStringLiteral("statuses"), QStringLiteral("--current")});
    QCOMPARE(current.exitCode, 0);
    QCOMPARE(current.rows.size(), 3);
    QHash<QString, QJsonObject> byId;
    for (const QJsonObject &row : current.rows)
        byId.insert(row.value(QLatin1String("id")).toString(), row);
    QCOMPARE(byId.value(QStringLiteral("wamid.VOICEOUT0000000001"))
                 .value(QLatin1String("status"))
                 .toString(),
        QStringLiteral("played"));
    const QJsonObject failed = byId.value(QStringLiteral("wamid.FAILED00000000000001"));
    QCOMPARE(failed.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(failed.value(QLatin1String("error_code")).toInteger(), 131047);
}

void TestDump::contactsAndConversations()
{
    const Run contacts = dump({QStringLiteral("--db"), m_db, QStringLiteral("contacts")});
    QCOMPARE(contacts.exitCode, 0);
    QCOMPARE(contacts.rows.size(), 1);
    QVERIFY(contacts.rows.first().value(QLatin1String("user_id")).isNull());
    const Run conversations = dump({QStringLiteral("--db"), m_db, QStringLiteral("conversations")});
    QCOMPARE(conversations.exitCode, 0);
    QCOMPARE(conversations.rows.size(), 1);
    const QJsonObject c = conversations.rows.first();
    QCOMPARE(
        c.value(QLatin1String("phone_number_id")).toString(), QStringLiteral("106540352242922"));
    QCOMPARE(c.value(QLatin1String("contact")).toString(), QStringLiteral("16505551234"));
    QCOMPARE(c.value(QLatin1String("last_inbound_at")).toInteger(), 1744344501);
    QCOMPARE(c.value(QLatin1String("window_expires_at")).toInteger(), 1744344501 + 86400);
}

void TestDump::journalAndEvents()
{
    const Run journal = dump({QStringLiteral("--db"), m_db, QStringLiteral("journal")});
    QCOMPARE(journal.exitCode, 0);
    QCOMPARE(journal.rows.size(), 4);
    QCOMPARE(journal.rows.first().value(QLatin1String("parse_state")).toString(),
        QStringLiteral("parsed"));
    QVERIFY(!journal.rows.first().contains(QStringLiteral("body")));
    const Run events = dump({QStringLiteral("--db"), m_db, QStringLiteral("events")});
    QCOMPARE(events.exitCode, 0);
    QStringList tables;
    for (const QJsonObject &row : events.rows)
        tables << row.value(QLatin1String("table")).toString();
    QCOMPARE(tables,
        (QStringList{QStringLiteral("webhook_errors"), QStringLiteral("template_events"),
            QStringLiteral("account_events")}));
    QCOMPARE(events.rows.last().value(QLatin1String("known")), QJsonValue(false));
    QCOMPARE(events.rows.last().value(QLatin1String("raw_json")).toString(),
        QStringLiteral("{\"not\":\"a webhook\"}"));
}

void TestDump::usageErrors()
{
    QCOMPARE(dump({}).exitCode, 2);
    QCOMPARE(dump({QStringLiteral("--db"), m_db}).exitCode, 2);
    QCOMPARE(dump({QStringLiteral("--db"), m_db, QStringLiteral("nonsense")}).exitCode, 2);
    QCOMPARE(dump({QStringLiteral("--db"), m_db, QStringLiteral("messages"),
                      QStringLiteral("--current")})
                 .exitCode,
        2);
    const Run missing = dump({QStringLiteral("--db"), m_dir.filePath(QStringLiteral("nope.db")),
        QStringLiteral("messages")});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.rows.isEmpty());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("nope.db"))));
}

QTEST_GUILESS_MAIN(TestDump)
#include "tst_dump.moc"
