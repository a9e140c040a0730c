// The messages endpoint of the simulated Cloud API: answers, auth, validation with the codes Meta
// documents, throughput and pair-rate limits, over real HTTP on 127.0.0.1 with a ManualClock.
#include "SimTestSupport.h"

#include "common/Clock.h"
#include "sim/SimError.h"
#include "sim/Simulator.h"
#include "sim/TokenBucket.h"

#include <QFile>
#include <QTest>

using namespace parley;
using namespace parley::sim;
using namespace parley::sim::test;

namespace {
const QString kMessages = QStringLiteral("/v23.0/106540352242922/messages");
const QString kCustomer = QStringLiteral("16505551234");

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QJsonObject textTo(const QString &to, const QString &body)
{
    return {{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
        {QStringLiteral("to"), to}, {QStringLiteral("type"), QStringLiteral("text")},
        {QStringLiteral("text"), QJsonObject{{QStringLiteral("body"), body}}}};
}
} // namespace

class TestSimMessages : public QObject
{
    Q_OBJECT

private:
    core::ManualClock m_clock;
    std::unique_ptr<Simulator> m_sim;
    std::unique_ptr<GraphClient> m_client;

    void startSim(SimConfig config = SimConfig())
    {
        config.clock = &m_clock;
        m_sim = std::make_unique<Simulator>(config);
        QString error;
        QVERIFY2(m_sim->start(QStringLiteral("127.0.0.1:0"), &error), qPrintable(error));
        m_client = std::make_unique<GraphClient>(m_sim->baseUrl());
    }

private Q_SLOTS:
    void init() { startSim(); }
    void cleanup()
    {
        m_client.reset();
        m_sim.reset();
    }

    void acceptedTextHasMetaShape()
    {
        const Reply r = m_client->post(
            kMessages, textTo(QStringLiteral("+1 650-555-1234"), QStringLiteral("Hi")));
        QCOMPARE(r.status, 200);
        const QJsonObject contact
            = r.json.value(QLatin1String("contacts")).toArray().first().toObject();
        QCOMPARE(
            contact.value(QLatin1String("input")).toString(), QStringLiteral("+1 650-555-1234"));
        QCOMPARE(contact.value(QLatin1String("wa_id")).toString(), kCustomer);
        const QJsonObject message
            = r.json.value(QLatin1String("messages")).toArray().first().toObject();
        QVERIFY(message.value(QLatin1String("id")).toString().startsWith(QLatin1String("wamid.")));
        QVERIFY(!message.contains(QLatin1String("message_status"))); // only for templates
        QCOMPARE(r.json.value(QLatin1String("messaging_product")).toString(),
            QStringLiteral("whatsapp"));
        QCOMPARE(m_sim->acceptedMessages().size(), 1);
        QCOMPARE(m_sim->acceptedMessages().first().toObject().value(QLatin1String("to")).toString(),
            kCustomer);
    }

    void templateAnswerCarriesMessageStatus()
    {
        const Reply r = m_client->post(kMessages,
            json(
                R"({"messaging_product":"whatsapp","to":"16505551234","type":"template", "template":{"name":"hello_world","language":{"code":"en_US"}}})"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("messages"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("message_status"))
                     .toString(),
            QStringLiteral("accepted"));
    }

    void bsuidRecipientAnswersUserId()
    {
        const Reply r = m_client->post(kMessages,
            json(
                R"({"messaging_product":"whatsapp","recipient":"US.13491208655302741918", "type":"text","text":{"body":"Hi"}})"));
        QCOMPARE(r.status, 200);
        const QJsonObject contact
            = r.json.value(QLatin1String("contacts")).toArray().first().toObject();
        QCOMPARE(contact.value(QLatin1String("user_id")).toString(),
            QStringLiteral("US.13491208655302741918"));
        QVERIFY(!contact.contains(QLatin1String("wa_id")));
    }

    void markAsReadAnswersSuccess()
    {
        const Reply r = m_client->post(kMessages,
            json(
                R"({"messaging_product":"whatsapp","status":"read", "message_id":"wamid.X","typing_indicator":{"type":"text"}})"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("success")).toBool(), true);
        QCOMPARE(m_sim->acceptedMessages().size(), 0);
    }

    void authErrors()
    {
        m_client->setToken(QStringLiteral("wrong"));
        Reply r = m_client->post(kMessages, textTo(kCustomer, QStringLiteral("x")));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), 190);
        QCOMPARE(
            r.error().value(QLatin1String("type")).toString(), QStringLiteral("OAuthException"));
        QVERIFY(!r.error().value(QLatin1String("fbtrace_id")).toString().isEmpty());

        m_client->setToken(QString());
        r = m_client->post(kMessages, textTo(kCustomer, QStringLiteral("x")));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), 190);

        m_client->setToken(QString::fromLatin1(SimConfig::DefaultAccessToken));
        m_sim->setTokenExpiresAtMs(m_clock.nowMs() + 1000);
        QCOMPARE(m_client->post(kMessages, textTo(kCustomer, QStringLiteral("x"))).status, 200);
        m_clock.advanceMs(1000);
        r = m_client->post(kMessages, textTo(kCustomer, QStringLiteral("x")));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), 190);
        QCOMPARE(r.error().value(QLatin1String("error_subcode")).toInt(), 463);
    }

    void unknownPhoneNumberId()
    {
        const Reply r = m_client->post(
            QStringLiteral("/v24.0/999/messages"), textTo(kCustomer, QStringLiteral("x")));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), 100);
        QCOMPARE(r.error().value(QLatin1String("type")).toString(),
            QStringLiteral("GraphMethodException"));
        QCOMPARE(r.error().value(QLatin1String("error_subcode")).toInt(), 33);
    }

    void validation_data()
    {
        // fixtures/sim/send-validation.json: request bodies with the code and HTTP status Meta
        // answers them with (FACTS.md sections 2, 3 and 9).
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("http");
        QFile f(QStringLiteral(PARLEY_SOURCE_DIR "/fixtures/sim/send-validation.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray cases = QJsonDocument::fromJson(f.readAll()).array();
        QVERIFY(cases.size() > 40);
        for (const QJsonValue &v : cases) {
            const QJsonObject c = v.toObject();
            QTest::newRow(qPrintable(c.value(QLatin1String("name")).toString()))
                << QJsonDocument(c.value(QLatin1String("body")).toObject())
                       .toJson(QJsonDocument::Compact)
                << c.value(QLatin1String("code")).toInt() << c.value(QLatin1String("http")).toInt();
        }
        QTest::newRow("not json") << QByteArray("{nope") << 100 << 400;
    }

    void validation()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        QFETCH(int, http);
        const Reply r = m_client->postRaw(kMessages, body);
        QCOMPARE(r.status, http);
        QCOMPARE(r.errorCode(), code);
        if (code) {
            const QJsonObject e = r.error();
            QCOMPARE(e.value(QLatin1String("message")).toString(),
                QStringLiteral("(#%1) %2").arg(code).arg(SimError::titleFor(code)));
            QVERIFY(!e.value(QLatin1String("fbtrace_id")).toString().isEmpty());
            QVERIFY(e.contains(QLatin1String("type")));
            QCOMPARE(m_sim->acceptedMessages().size(), 0);
        }
    }

    void pausedDisabledPendingTemplates()
    {
        const QJsonObject tpl = json(
            R"({"name":"promo","language":"en_US","category":"MARKETING","components":[{"type":"BODY","text":"Sale now"}]})");
        const QString id = m_sim->addTemplate(tpl, QStringLiteral("PAUSED"));
        const QJsonObject send = json(
            R"({"messaging_product":"whatsapp","to":"16505551234","type":"template","template":{"name":"promo","language":{"code":"en_US"}}})");
        QCOMPARE(m_client->post(kMessages, send).errorCode(), 132015);
        QVERIFY(m_sim->setTemplateStatus(id, QStringLiteral("DISABLED")));
        QCOMPARE(m_client->post(kMessages, send).errorCode(), 132016);
        QVERIFY(m_sim->setTemplateStatus(id, QStringLiteral("PENDING")));
        const Reply r = m_client->post(kMessages, send);
        QCOMPARE(r.errorCode(), 132001);
        QCOMPARE(r.status, 404);
        QVERIFY(m_sim->setTemplateStatus(id, QStringLiteral("APPROVED")));
        QCOMPARE(m_client->post(kMessages, send).status, 200);
    }

    void throughputCap()
    {
        cleanup();
        SimConfig config;
        config.throughputMps = 10;
        config.pairRateBurst = 0;
        startSim(config);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(m_client
                         ->post(kMessages,
                             textTo(QStringLiteral("1650555%1").arg(1000 + i), QStringLiteral("x")))
                         .status,
                200);
        Reply r = m_client->post(kMessages, textTo(kCustomer, QStringLiteral("x")));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), 130429);
        m_clock.advanceMs(99);
        QCOMPARE(
            m_client->post(kMessages, textTo(kCustomer, QStringLiteral("x"))).errorCode(), 130429);
        m_clock.advanceMs(1);
        QCOMPARE(m_client->post(kMessages, textTo(kCustomer, QStringLiteral("x"))).status, 200);
        QCOMPARE(
            m_client->post(kMessages, textTo(kCustomer, QStringLiteral("x"))).errorCode(), 130429);
        QCOMPARE(m_sim->stats()
                     .value(QLatin1String("errors"))
                     .toObject()
                     .value(QLatin1String("130429"))
                     .toInt(),
            3);
    }

    void tokenBucketIsExactOverAMinute()
    {
        // 1,000 mps offered 2,000 mps for a minute: exactly the burst plus 60,000 pass.
        TokenBucket bucket(1000, 1000, 0);
        qint64 passed = 0;
        for (qint64 ms = 0; ms < 60'000; ++ms) {
            for (int i = 0; i < 2; ++i)
                passed += bucket.tryTake(ms) ? 1 : 0;
        }
        QCOMPARE(passed, qint64(1000 + 59'999));
    }

    void pairRate()
    {
        for (int i = 0; i < 45; ++i)
            QCOMPARE(m_client->post(kMessages, textTo(kCustomer, QStringLiteral("x"))).status, 200);
        Reply r = m_client->post(kMessages, textTo(kCustomer, QStringLiteral("x")));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), 131056);
        // Other recipients are unaffected.
        QCOMPARE(
            m_client->post(kMessages, textTo(QStringLiteral("16505559999"), QStringLiteral("x")))
                .status,
            200);
        m_clock.advanceMs(5999);
        QCOMPARE(
            m_client->post(kMessages, textTo(kCustomer, QStringLiteral("x"))).errorCode(), 131056);
        m_clock.advanceMs(1);
        QCOMPARE(m_client->post(kMessages, textTo(kCustomer, QStringLiteral("x"))).status, 200);
    }

    void injectedFaults()
    {
        cleanup();
        SimConfig config;
        config.internalErrorRate = 1.0;
        startSim(config);
        const Reply r = m_client->post(kMessages, textTo(kCustomer, QStringLiteral("x")));
        QCOMPARE(r.status, 500);
        QCOMPARE(r.errorCode(), 131000);
    }

    void droppedConnections()
    {
        cleanup();
        SimConfig config;
        config.dropConnectionRate = 1.0;
        startSim(config);
        const Reply r = m_client->post(kMessages, textTo(kCustomer, QStringLiteral("x")));
        QCOMPARE(r.status, 0); // no answer at all
        QVERIFY(m_sim->acceptedMessages().isEmpty());
    }

    void introspectionEndpoints()
    {
        QCOMPARE(m_client->post(kMessages, textTo(kCustomer, QStringLiteral("one"))).status, 200);
        QCOMPARE(m_client->post(kMessages, textTo(kCustomer, QStringLiteral("two"))).status, 200);
        QCOMPARE(
            m_client->post(
                        kMessages, textTo(QStringLiteral("16505550000"), QStringLiteral("three")))
                .status,
            200);
        Reply r = m_client->get(QStringLiteral("/_sim/messages?to=16505551234"));
        QCOMPARE(r.status, 200);
        const QJsonArray list
            = r.json.value(QLatin1String("recipients")).toObject().value(kCustomer).toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[1]
                     .toObject()
                     .value(QLatin1String("request"))
                     .toObject()
                     .value(QLatin1String("text"))
                     .toObject()
                     .value(QLatin1String("body"))
                     .toString(),
            QStringLiteral("two"));
        r = m_client->get(QStringLiteral("/_sim/stats"));
        QCOMPARE(r.json.value(QLatin1String("accepted")).toInt(), 3);
        QCOMPARE(
            r.json.value(QLatin1String("by_type")).toObject().value(QLatin1String("text")).toInt(),
            3);
        r = m_client->postRaw(
            QStringLiteral("/_sim/inbound"), R"({"from":"16505551234","text":"hello"})");
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QLatin1String("id")).toString().startsWith(QLatin1String("wamid.")));
        QCOMPARE(m_client->postRaw(QStringLiteral("/_sim/reset"), "{}").status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/_sim/stats"))
                     .json.value(QLatin1String("accepted"))
                     .toInt(),
            0);
    }
};

QTEST_GUILESS_MAIN(TestSimMessages)
#include "tst_sim_messages.moc"
