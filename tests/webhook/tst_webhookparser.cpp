// Snapshot tests of the webhook parser and the normalized store: every
// fixtures/webhooks/<case>.json holds Meta payloads ("payloads", ingested in order as journal rows
// 1..n) and what they must become ("expected": the parser's normalized events per payload, and
// the store's contents after ingest, dumped like `parleyctl dump`). Replaying every payload must
// change nothing. PARLEY_UPDATE_SNAPSHOTS=1 rewrites "expected" for review in the diff.

#include "common/Clock.h"
#include "store/Database.h"
#include "webhook/InboundStore.h"
#include "webhook/WebhookParser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace parley::core;

namespace {

constexpr qint64 kReceivedBaseMs = 1'760'000'000'000;

QJsonArray dumpAll(QSqlDatabase db, const QString &what, bool current = false)
{
    QJsonArray rows;
    QString error;
    const bool ok = InboundStore::dump(
        db, what, current, [&rows](const QJsonObject &row) { rows.append(row); }, &error);
    if (!ok)
        qWarning() << "dump failed" << error;
    return rows;
}

QJsonObject storeSnapshot(QSqlDatabase db)
{
    return QJsonObject{{QStringLiteral("messages"), dumpAll(db, QStringLiteral("messages"))},
        {QStringLiteral("statuses"), dumpAll(db, QStringLiteral("statuses"))},
        {QStringLiteral("statuses_current"), dumpAll(db, QStringLiteral("statuses"), true)},
        {QStringLiteral("contacts"), dumpAll(db, QStringLiteral("contacts"))},
        {QStringLiteral("conversations"), dumpAll(db, QStringLiteral("conversations"))},
        {QStringLiteral("events"), dumpAll(db, QStringLiteral("events"))}};
}

// The first place where two JSON values differ, as a path, for a readable failure.
QString firstDifference(const QJsonValue &a, const QJsonValue &b, const QString &path)
{
    if (a.type() != b.type())
        return path + QStringLiteral(": type differs");
    if (a.isObject()) {
        const QJsonObject oa = a.toObject(), ob = b.toObject();
        QStringList keys = oa.keys() + ob.keys();
        keys.removeDuplicates();
        for (const QString &k : keys) {
            const QString d = firstDifference(oa.value(k), ob.value(k), path + u'.' + k);
            if (!d.isEmpty())
                return d;
        }
        return {};
    }
    if (a.isArray()) {
        const QJsonArray aa = a.toArray(), ab = b.toArray();
        for (qsizetype i = 0; i < qMin(aa.size(), ab.size()); ++i) {
            const QString d
                = firstDifference(aa.at(i), ab.at(i), path + QStringLiteral("[%1]").arg(i));
            if (!d.isEmpty())
                return d;
        }
        if (aa.size() != ab.size())
            return path + QStringLiteral(": %1 vs %2 elements").arg(aa.size()).arg(ab.size());
        return {};
    }
    if (a != b) {
        return path
            + QStringLiteral(": got %1, expected %2")
                  .arg(QString::fromUtf8(
                           QJsonDocument(QJsonArray{a}).toJson(QJsonDocument::Compact)),
                      QString::fromUtf8(
                          QJsonDocument(QJsonArray{b}).toJson(QJsonDocument::Compact)));
    }
    return {};
}

} // namespace

class TestWebhookParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snapshots_data();
    void snapshots();
    void rejectsInvalidJson();
    void toleratesOddScalars();
    void numbersAsText();
    void rawJsonIsTheExactBytes();
    void statusMembersAsLookupsFindThem();
    void envelopeAndMessageMembersAsLookupsFindThem();
    void valuesOutliveTheBodyAndCopies();
    void parsedValueConvertsLikeQVariant();
    void dedupeIgnoresTheBytesForm();
    void statusRanks();
};

void TestWebhookParser::snapshots_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(PARLEY_SOURCE_DIR "/fixtures/webhooks"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 20, "fixtures/webhooks is missing its cases");
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
}

void TestWebhookParser::snapshots()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError parseError;
    QJsonObject fixture = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    file.close();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const QJsonArray payloads = fixture.value(QLatin1String("payloads")).toArray();
    QVERIFY(!payloads.isEmpty());

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString connection = QStringLiteral("snapshot-") + QFileInfo(path).baseName();
    const auto closeDb = qScopeGuard([&connection] { Database::close(connection); });
    QString error;
    QSqlDatabase db = Database::open(tmp.filePath(QStringLiteral("store.db")), connection, &error);
    QVERIFY2(db.isValid(), qPrintable(error));
    ManualClock clock(kReceivedBaseMs);
    {
        InboundStore store(db, &clock);
        QJsonArray events;
        QList<QByteArray> bodies;
        for (qsizetype i = 0; i < payloads.size(); ++i) {
            const QJsonValue p = payloads.at(i);
            const QByteArray body = p.isObject()
                ? QJsonDocument(p.toObject()).toJson(QJsonDocument::Compact)
                : QJsonDocument(p.toArray()).toJson(QJsonDocument::Compact);
            bodies.append(body);
            events.append(WebhookParser::toJson(WebhookParser::parse(body)));
            QVERIFY(db.transaction());
            const IngestResult result = store.ingest(i + 1, body, kReceivedBaseMs + i * 1000);
            QVERIFY2(result.parsed && !result.sqlFailed, qPrintable(result.error));
            QVERIFY(db.commit());
            clock.advanceMs(1000);
        }
        const QJsonObject snapshot = storeSnapshot(db);
        const QJsonObject actual{
            {QStringLiteral("events"), events}, {QStringLiteral("store"), snapshot}};

        // Replay: the same rows again (parleyctl replay) and as new journal rows (Meta's
        // retries) change nothing and report nothing new.
        for (qsizetype i = 0; i < bodies.size(); ++i) {
            for (const qint64 journalId : {qint64(i + 1), qint64(i + 1000)}) {
                QVERIFY(db.transaction());
                const IngestResult again = store.ingest(journalId, bodies.at(i), kReceivedBaseMs);
                QVERIFY(db.commit());
                QVERIFY(again.parsed);
                QVERIFY2(again.messageIds.isEmpty(), "a replayed message was stored again");
                QVERIFY2(again.statusMessageIds.isEmpty(), "a replayed status advanced");
            }
        }
        const QString replayDiff
            = firstDifference(storeSnapshot(db), snapshot, QStringLiteral("replay"));
        QVERIFY2(replayDiff.isEmpty(), qPrintable(replayDiff));

        if (qEnvironmentVariableIntValue("PARLEY_UPDATE_SNAPSHOTS") == 1) {
            fixture.insert(QStringLiteral("expected"), actual);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(QJsonDocument(fixture).toJson(QJsonDocument::Indented));
            file.close();
            qInfo("rewrote %s", qPrintable(path));
        } else {
            const QJsonValue expected = fixture.value(QLatin1String("expected"));
            QVERIFY2(expected.isObject(),
                "no expected snapshot: run with PARLEY_UPDATE_SNAPSHOTS=1 and review the diff");
            const QString diff = firstDifference(actual, expected, QStringLiteral("expected"));
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }
    }
    db = QSqlDatabase();
}

void TestWebhookParser::rejectsInvalidJson()
{
    for (const QByteArray &body : {QByteArray(), QByteArray("{"), QByteArray("{\"entry\": [}"),
             QByteArray("\xff\xfe garbage"), QByteArray("[1, 2,]")}) {
        const ParsedWebhook parsed = WebhookParser::parse(body);
        QVERIFY2(!parsed.ok, body.constData());
        QVERIFY(!parsed.error.isEmpty());
        QVERIFY(parsed.messages.isEmpty() && parsed.accountEvents.isEmpty());
    }
}

void TestWebhookParser::toleratesOddScalars()
{
    // Timestamps as numbers, ids as numbers, entry/changes of the wrong type, null values.
    const QByteArray body = R"({"object":"whatsapp_business_account","entry":[
        {"id":123,"changes":[{"field":"messages","value":{"metadata":{"phone_number_id":42},
          "messages":[{"from":16505551234,"id":"wamid.X","timestamp":1749416383,"type":"text",
                       "text":{"body":null}},
                      {"id":"wamid.Y","timestamp":"not a number","type":7}],
          "statuses":[{"id":"wamid.Z","status":"read","timestamp":"1749416390"}, 5]}}, "x"]},
        "not an entry", {"id":"1","changes":{}}]})";
    const ParsedWebhook parsed = WebhookParser::parse(body);
    QVERIFY(parsed.ok);
    QCOMPARE(parsed.messages.size(), 2);
    const ParsedMessage &x = parsed.messages.at(0);
    QCOMPARE(x[msgcol::FromWaId].toString(), QStringLiteral("16505551234"));
    QCOMPARE(x[msgcol::PhoneNumberId].toString(), QStringLiteral("42"));
    QCOMPARE(x[msgcol::Timestamp].toLongLong(), 1749416383);
    QVERIFY(!x[msgcol::Text].isValid());
    const ParsedMessage &y = parsed.messages.at(1);
    QVERIFY(!y[msgcol::Timestamp].isValid());
    QCOMPARE(y[msgcol::Type].toString(), QStringLiteral("7"));
    QCOMPARE(parsed.statuses.size(), 1);
    QCOMPARE(parsed.statuses.at(0)[statuscol::Timestamp].toLongLong(), 1749416390);
    // The status 5, the change "x", the entry string and the entry whose changes is an object
    // are kept as unknown.
    QCOMPARE(parsed.counts.value(QStringLiteral("unknown_field")), 4);
    QCOMPARE(parsed.counts.value(QStringLiteral("message")), 2);
}

void TestWebhookParser::numbersAsText()
{
    // Ids sent as numbers become their decimal text: integers exactly (also beyond 2^53), other
    // numbers as QString::number(d, 'g', 17) of the double, integral doubles without a fraction.
    const QByteArray body = "{\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":{"
                            "\"metadata\":{\"phone_number_id\":-0},\"messages\":["
                            "{\"id\":9007199254740993,\"from\":1.0,\"type\":1.5,"
                            "\"timestamp\":\" +17 \"},"
                            "{\"id\":1e3,\"from\":12345678901234567891,\"type\":0.1,"
                            "\"timestamp\":\"1e3\"}]}}]}]}";
    const ParsedWebhook parsed = WebhookParser::parse(body);
    QVERIFY2(parsed.ok, qPrintable(parsed.error));
    QCOMPARE(parsed.messages.size(), 2);
    const ParsedMessage &a = parsed.messages.at(0);
    QCOMPARE(a[msgcol::PhoneNumberId].toString(), QStringLiteral("0"));
    QCOMPARE(a[msgcol::Id].toString(), QStringLiteral("9007199254740993"));
    QCOMPARE(a[msgcol::FromWaId].toString(), QStringLiteral("1"));
    QCOMPARE(a[msgcol::Type].toString(), QStringLiteral("1.5"));
    QCOMPARE(a[msgcol::Timestamp].type(), ParsedValue::Type::Integer);
    QCOMPARE(a[msgcol::Timestamp].toLongLong(), 17); // as QString::trimmed().toLongLong()
    const ParsedMessage &b = parsed.messages.at(1);
    QCOMPARE(b[msgcol::Id].toString(), QStringLiteral("1000"));
    QCOMPARE(b[msgcol::FromWaId].toString(), QStringLiteral("1.2345678901234567e+19"));
    QCOMPARE(b[msgcol::Type].toString(), QStringLiteral("0.10000000000000001"));
    QVERIFY(!b[msgcol::Timestamp].isValid());
}

void TestWebhookParser::rawJsonIsTheExactBytes()
{
    // raw_json is the record's own bytes in the body: key order, spacing and escapes as sent.
    const QByteArray message
        = "{ \"type\":\"text\", \"id\":\"wamid.A\",\"text\":{\"body\":\"caf\\u00e9\"} }";
    const QByteArray status = "{\"status\":\"read\",\"id\":\"wamid.B\",\"new_field\":[1, 2]}";
    const QByteArray error = "{\"code\":131047 ,\"title\":\"Re-engagement\"}";
    const QByteArray body = "{\"entry\":[{\"id\":\"waba\",\"changes\":[{\"field\":\"messages\","
                            "\"value\":{\"messages\":["
        + message + "],\"statuses\":[" + status + "],\"errors\":[" + error
        + "]}},{\"field\":\"some_new_field\",\"value\":{\"b\":1,\"a\":2}}]}]}";
    const ParsedWebhook parsed = WebhookParser::parse(body);
    QVERIFY2(parsed.ok, qPrintable(parsed.error));
    QCOMPARE(parsed.messages.size(), 1);
    QCOMPARE(parsed.messages.at(0)[msgcol::RawJson].toString(), QString::fromUtf8(message));
    QCOMPARE(parsed.messages.at(0)[msgcol::Text].toString(), QStringLiteral("caf\u00e9"));
    QCOMPARE(parsed.statuses.size(), 1);
    QCOMPARE(parsed.statuses.at(0)[statuscol::RawJson].toString(), QString::fromUtf8(status));
    QCOMPARE(parsed.errors.size(), 1);
    QCOMPARE(parsed.errors.at(0)[errorcol::RawJson].toString(), QString::fromUtf8(error));
    QCOMPARE(parsed.accountEvents.size(), 1);
    QCOMPARE(parsed.accountEvents.at(0)[accountcol::RawJson].toString(),
        QStringLiteral("{\"b\":1,\"a\":2}"));
    QCOMPARE(parsed.counts.value(QStringLiteral("unknown_field")), 1);
}

void TestWebhookParser::statusMembersAsLookupsFindThem()
{
    // A status's members are read in one pass, with what a lookup per key gave: the last of a
    // repeated key, escaped keys by their text, nested objects the same way, NULL for what is
    // missing or not an object, and the raw JSON kept only when a member is not one we read.
    const QByteArray known
        = "{\"id\":\"wamid.first\",\"status\":\"sent\",\"\\u0069d\":\"wamid.S\","
          "\"timestamp\":\"100\",\"status\":\"delivered\",\"recipient_id\":\"16505550001\","
          "\"recipient_user_id\":\"US.1\",\"recipient_parent_user_id\":\"US.P\","
          "\"pricing\":{\"billable\":false,\"category\":\"utility\",\"type\":\"x\","
          "\"pricing_model\":\"PMP\",\"type\":\"free_entry_point\"},"
          "\"conversation\":{\"id\":\"c1\",\"origin\":{\"type\":\"service\"},"
          "\"expiration_timestamp\":\"900\",\"id\":\"c2\"},"
          "\"biz_opaque_callback_data\":\"parley-outbox:7\","
          "\"errors\":[{\"code\":131026,\"title\":\"Undeliverable\"}]}";
    const QByteArray odd = "{\"id\":\"wamid.T\",\"status\":\"read\",\"pricing\":\"PMP\","
                           "\"conversation\":[1],\"new_field\":true}";
    const QByteArray body = "{\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":{"
                            "\"metadata\":{\"phone_number_id\":\"P\"},\"statuses\":["
        + known + "," + odd + "]}}]}]}";
    const ParsedWebhook parsed = WebhookParser::parse(body);
    QVERIFY2(parsed.ok, qPrintable(parsed.error));
    QCOMPARE(parsed.statuses.size(), 2);
    const ParsedStatus &s = parsed.statuses.at(0);
    QCOMPARE(s[statuscol::MessageId].toString(), QStringLiteral("wamid.S"));
    QCOMPARE(s[statuscol::Status].toString(), QStringLiteral("delivered"));
    QCOMPARE(s[statuscol::Timestamp].toLongLong(), 100);
    QCOMPARE(s[statuscol::PhoneNumberId].toString(), QStringLiteral("P"));
    QCOMPARE(s[statuscol::RecipientId].toString(), QStringLiteral("16505550001"));
    QCOMPARE(s[statuscol::RecipientUserId].toString(), QStringLiteral("US.1"));
    QCOMPARE(s[statuscol::RecipientParentUserId].toString(), QStringLiteral("US.P"));
    QCOMPARE(s[statuscol::PricingModel].toString(), QStringLiteral("PMP"));
    QCOMPARE(s[statuscol::PricingCategory].toString(), QStringLiteral("utility"));
    QCOMPARE(s[statuscol::PricingType].toString(), QStringLiteral("free_entry_point"));
    QCOMPARE(s[statuscol::Billable].type(), ParsedValue::Type::Bool);
    QCOMPARE(s[statuscol::Billable].toLongLong(), 0);
    QCOMPARE(s[statuscol::MetaConversationId].toString(), QStringLiteral("c2"));
    QCOMPARE(s[statuscol::ConversationOrigin].toString(), QStringLiteral("service"));
    QCOMPARE(s[statuscol::ConversationExpiresAt].toLongLong(), 900);
    QCOMPARE(s[statuscol::BizOpaqueCallbackData].toString(), QStringLiteral("parley-outbox:7"));
    QCOMPARE(s[statuscol::ErrorCode].toLongLong(), 131026);
    QCOMPARE(s[statuscol::ErrorTitle].toString(), QStringLiteral("Undeliverable"));
    QVERIFY(s.freeEntryPoint);
    QVERIFY(!s[statuscol::RawJson].isValid()); // every member is one we read
    const ParsedStatus &t = parsed.statuses.at(1);
    QCOMPARE(t[statuscol::MessageId].toString(), QStringLiteral("wamid.T"));
    QVERIFY(!t[statuscol::Timestamp].isValid());
    QVERIFY(!t[statuscol::RecipientId].isValid());
    QVERIFY(!t[statuscol::PricingModel].isValid());
    QVERIFY(!t[statuscol::Billable].isValid());
    QVERIFY(!t[statuscol::MetaConversationId].isValid());
    QVERIFY(!t[statuscol::ConversationOrigin].isValid());
    QVERIFY(!t.freeEntryPoint);
    QCOMPARE(t[statuscol::RawJson].toString(), QString::fromUtf8(odd));
    QCOMPARE(parsed.counts.value(QStringLiteral("status")), 2);
    QCOMPARE(parsed.counts.value(QStringLiteral("error")), 1);
}

void TestWebhookParser::envelopeAndMessageMembersAsLookupsFindThem()
{
    // The entry, change, value, metadata and message objects are read in one pass each, with
    // what a lookup per key gave: the last of a repeated key, NULL for what is missing.
    const QByteArray body
        = "{\"entry\":[{\"id\":\"w1\",\"changes\":[],\"time\":7,\"id\":\"w2\",\"changes\":["
          "{\"field\":\"x\",\"value\":{\"metadata\":{\"phone_number_id\":\"P1\"},"
          "\"metadata\":{\"display_phone_number\":\"D2\",\"phone_number_id\":\"P2\","
          "\"phone_number_id\":\"P3\"},\"messages\":[{\"id\":\"wamid.1\",\"type\":\"image\","
          "\"type\":\"text\",\"text\":{\"body\":\"hi\"},\"from\":\"1\",\"from\":\"2\","
          "\"timestamp\":\"5\",\"context\":{\"id\":\"wamid.0\"}}],\"statuses\":null},"
          "\"field\":\"messages\"},"
          "{\"field\":\"messages\",\"value\":{\"contacts\":null,\"messaging_product\":\"w\"}},"
          "{\"field\":\"messages\",\"value\":{\"messaging_product\":\"w\"}}]}]}";
    const ParsedWebhook parsed = WebhookParser::parse(body);
    QVERIFY2(parsed.ok, qPrintable(parsed.error));
    QCOMPARE(parsed.messages.size(), 1);
    const ParsedMessage &m = parsed.messages.at(0);
    QCOMPARE(m[msgcol::Id].toString(), QStringLiteral("wamid.1"));
    QCOMPARE(m[msgcol::Type].toString(), QStringLiteral("text"));
    QCOMPARE(m[msgcol::Text].toString(), QStringLiteral("hi"));
    QCOMPARE(m[msgcol::FromWaId].toString(), QStringLiteral("2"));
    QVERIFY(!m[msgcol::FromUserId].isValid());
    QCOMPARE(m[msgcol::Timestamp].toLongLong(), 5);
    QCOMPARE(m[msgcol::ContextId].toString(), QStringLiteral("wamid.0"));
    QCOMPARE(m[msgcol::PhoneNumberId].toString(), QStringLiteral("P3"));
    QCOMPARE(m[msgcol::DisplayPhoneNumber].toString(), QStringLiteral("D2"));
    QVERIFY(!m[msgcol::ReferralJson].isValid());
    QVERIFY(!m[msgcol::ErrorCode].isValid());
    // A value holding only contacts (even null) is not unknown; one without them is.
    QCOMPARE(parsed.accountEvents.size(), 1);
    QCOMPARE(parsed.accountEvents.at(0)[accountcol::WabaId].toString(), QStringLiteral("w2"));
    QCOMPARE(parsed.accountEvents.at(0)[accountcol::Timestamp].toLongLong(), 7);
    QCOMPARE(parsed.accountEvents.at(0)[accountcol::RawJson].toString(),
        QStringLiteral("{\"messaging_product\":\"w\"}"));
    QCOMPARE(parsed.counts.value(QStringLiteral("unknown_field")), 1);
}

void TestWebhookParser::valuesOutliveTheBodyAndCopies()
{
    ParsedWebhook copy;
    {
        QByteArray body = "{\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":{"
                          "\"messages\":[{\"id\":\"wamid.\\u0041\",\"type\":\"text\","
                          "\"text\":{\"body\":\"hello\"},\"timestamp\":5}]}}]}]}";
        ParsedWebhook parsed = WebhookParser::parse(body);
        body.fill('x'); // the caller's buffer changes: the parse result holds its own reference
        copy = parsed;
        ParsedWebhook moved = std::move(parsed);
        QCOMPARE(moved.messages.at(0)[msgcol::Text].toString(), QStringLiteral("hello"));
    }
    QCOMPARE(copy.messages.size(), 1);
    QCOMPARE(copy.messages.at(0)[msgcol::Id].toString(), QStringLiteral("wamid.A"));
    QCOMPARE(copy.messages.at(0)[msgcol::Text].toString(), QStringLiteral("hello"));
    QCOMPARE(copy.messages.at(0)[msgcol::Timestamp].toLongLong(), 5);
}

void TestWebhookParser::parsedValueConvertsLikeQVariant()
{
    const ParsedValue null;
    const ParsedValue yes = ParsedValue::fromBool(true);
    const ParsedValue n = ParsedValue::fromInteger(-42);
    const ParsedValue d = ParsedValue::fromDouble(2.5);
    const ParsedValue t = ParsedValue::fromUtf8("caf\xc3\xa9");
    const ParsedValue empty = ParsedValue::fromUtf8(std::string_view());
    for (const ParsedValue &v : {null, yes, n, d, t, empty}) {
        const QVariant q = v.toVariant();
        QCOMPARE(v.isValid(), q.isValid());
        QCOMPARE(v.toString(), q.toString());
        QCOMPARE(v.toJsonValue(), QJsonValue::fromVariant(q));
        QVERIFY(v == v);
    }
    QVERIFY(!null.isValid() && null.isNull() && null.toString().isNull());
    QVERIFY(empty.isValid() && empty.isText() && empty.toString().isEmpty());
    QVERIFY(!(empty == null));
    QCOMPARE(yes.toLongLong(), 1);
    QCOMPARE(n.toLongLong(), -42);
    QCOMPARE(n.toDouble(), -42.0);
    QCOMPARE(d.toDouble(), 2.5);
    QCOMPARE(ParsedValue::fromUtf8("17").toLongLong(), 17);
    QVERIFY(t.textEquals("caf\xc3\xa9") && !n.textEquals("-42"));
    QVERIFY(ParsedValue::fromUtf8("x") == ParsedValue::fromUtf8(std::string_view("xy", 1)));
    QVERIFY(!(n == ParsedValue::fromDouble(-42)));
    // A leading U+FEFF is a character of the text, not a byte order mark to drop.
    QCOMPARE(ParsedValue::fromUtf8("\xef\xbb\xbfx").toString(), QString(QChar(0xFEFF)) + u'x');
}

void TestWebhookParser::dedupeIgnoresTheBytesForm()
{
    // raw_json is the bytes as sent, but events are deduplicated on their JSON as QJsonDocument
    // writes it (as before raw_json was a slice): the same event with another key order,
    // spacing or escapes (a retry serialized differently, or a body ingested by an older
    // version and replayed) is not stored twice.
    const QByteArray a = "{\"entry\":[{\"id\":\"w1\",\"time\":1700000000,\"changes\":["
                         "{\"field\":\"message_template_status_update\",\"value\":"
                         "{\"event\":\"APPROVED\",\"message_template_id\":7,"
                         "\"message_template_name\":\"hello\"}},"
                         "{\"field\":\"messages\",\"value\":{\"errors\":"
                         "[{\"code\":131000,\"title\":\"Something\"}]}},"
                         "{\"field\":\"brand_new\",\"value\":\"x\"}]}]}";
    const QByteArray b = "{ \"entry\" : [ { \"time\" : 1700000000 , \"id\" : \"w1\", \"changes\" : "
                         "[ { \"value\" : { \"message_template_name\" : \"hell\\u006f\", "
                         "\"message_template_id\" : 7, \"event\" : \"APPROVED\" }, "
                         "\"field\" : \"message_template_status_update\" }, "
                         "{\"field\":\"messages\",\"value\":{\"errors\":"
                         "[ {\"title\":\"Something\", \"code\":131000} ]}},"
                         "{\"field\":\"brand_new\",\"value\": \"x\" } ] } ] }";
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString connection = QStringLiteral("dedupe-bytes");
    const auto closeDb = qScopeGuard([&connection] { Database::close(connection); });
    QString error;
    QSqlDatabase db = Database::open(tmp.filePath(QStringLiteral("store.db")), connection, &error);
    QVERIFY2(db.isValid(), qPrintable(error));
    ManualClock clock(kReceivedBaseMs);
    {
        InboundStore store(db, &clock);
        qint64 journalId = 0;
        for (const QByteArray &body : {a, b}) {
            QVERIFY(db.transaction());
            const IngestResult result = store.ingest(++journalId, body, kReceivedBaseMs);
            QVERIFY2(result.parsed && !result.sqlFailed, qPrintable(result.error));
            QVERIFY(db.commit());
        }
        for (const char *table : {"template_events", "webhook_errors", "account_events"}) {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*), min(raw_json) FROM %1")
                               .arg(QLatin1String(table))));
            QVERIFY(q.next());
            QVERIFY2(q.value(0).toInt() == 1, table);
            // The row keeps the bytes of the first delivery.
            QVERIFY2(a.contains(q.value(1).toString().toUtf8()), table);
        }
    }
    db = QSqlDatabase();
}

void TestWebhookParser::statusRanks()
{
    QCOMPARE(WebhookParser::statusRank(u"sent"), 1);
    QCOMPARE(WebhookParser::statusRank(u"delivered"), 2);
    QCOMPARE(WebhookParser::statusRank(u"read"), 3);
    QCOMPARE(WebhookParser::statusRank(u"played"), 4);
    QCOMPARE(WebhookParser::statusRank(u"failed"), 5);
    QCOMPARE(WebhookParser::statusRank(u"deleted"), 0);
    for (const char *status : {"sent", "delivered", "read", "played", "failed", "deleted", ""})
        QCOMPARE(WebhookParser::statusRank(std::string_view(status)),
            WebhookParser::statusRank(QString::fromLatin1(status)));
}

QTEST_GUILESS_MAIN(TestWebhookParser)
#include "tst_webhookparser.moc"
