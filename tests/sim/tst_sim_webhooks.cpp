// Webhooks the simulated Cloud API sends: signature over the exact bytes, status sequences with
// pricing, asynchronous failures (131047, 131026, 131050), retries with backoff, batching,
// customers from a scenario. Time moves only through a ManualClock.
#include "SimTestSupport.h"

#include "common/Clock.h"
#include "sim/Simulator.h"
#include "sim/WebhookDispatcher.h"

#include <QMessageAuthenticationCode>
#include <QTest>

using namespace parley;
using namespace parley::sim;
using namespace parley::sim::test;

namespace {
const QString kMessages = QStringLiteral("/v23.0/106540352242922/messages");
const QString kCustomer = QStringLiteral("16505551234");

// JSON written with single quotes, for readability in C++ strings.
QJsonObject j(const char *text)
{
    QByteArray b(text);
    b.replace('\'', '"');
    return QJsonDocument::fromJson(b).object();
}

QJsonObject textTo(const QString &to, const QString &body)
{
    QJsonObject o = j("{'messaging_product':'whatsapp','type':'text'}");
    o.insert(QStringLiteral("to"), to);
    o.insert(QStringLiteral("text"), QJsonObject{{QStringLiteral("body"), body}});
    return o;
}

QStringList statusNames(const QList<QJsonObject> &statuses, const QString &id)
{
    QStringList out;
    for (const QJsonObject &s : statuses) {
        if (s.value(QLatin1String("id")).toString() == id)
            out.append(s.value(QLatin1String("status")).toString());
    }
    return out;
}
} // namespace

class TestSimWebhooks : public QObject
{
    Q_OBJECT

private:
    core::ManualClock m_clock;
    std::unique_ptr<WebhookReceiver> m_receiver;
    std::unique_ptr<Simulator> m_sim;
    std::unique_ptr<GraphClient> m_client;

    void startSim(SimConfig config = SimConfig())
    {
        m_receiver = std::make_unique<WebhookReceiver>();
        QVERIFY(m_receiver->start());
        config.clock = &m_clock;
        config.webhookUrl = m_receiver->url();
        m_sim = std::make_unique<Simulator>(config);
        QVERIFY(m_sim->start());
        m_client = std::make_unique<GraphClient>(m_sim->baseUrl());
    }
    QString send(const QJsonObject &body)
    {
        const Reply r = m_client->post(kMessages, body);
        if (r.status != 200)
            return QString();
        return r.json.value(QLatin1String("messages"))
            .toArray()
            .first()
            .toObject()
            .value(QLatin1String("id"))
            .toString();
    }
    // Advances the clock and delivers what became due.
    bool advanceAndDeliver(qint64 ms, int expectedRequests)
    {
        m_clock.advanceMs(ms);
        m_sim->runDueEvents();
        return waitFor([&] { return m_receiver->requests.size() >= expectedRequests; });
    }

private Q_SLOTS:
    void init() { startSim(); }
    void cleanup()
    {
        m_client.reset();
        m_sim.reset();
        m_receiver.reset();
    }

    void inboundOpensWindowAndStatusesFollow()
    {
        const QString inbound = m_sim->customerWritesText(kCustomer, QStringLiteral("Hello"));
        m_sim->runDueEvents();
        QVERIFY(waitFor([&] { return m_receiver->requests.size() == 1; }));
        const QJsonObject value = m_receiver->values(QStringLiteral("messages")).first();
        QCOMPARE(value.value(QLatin1String("metadata"))
                     .toObject()
                     .value(QLatin1String("phone_number_id"))
                     .toString(),
            QString::fromLatin1(SimConfig::DefaultPhoneNumberId));
        const QJsonObject contact
            = value.value(QLatin1String("contacts")).toArray().first().toObject();
        QCOMPARE(contact.value(QLatin1String("wa_id")).toString(), kCustomer);
        QVERIFY(contact.value(QLatin1String("profile")).toObject().contains(QLatin1String("name")));
        const QJsonObject message
            = value.value(QLatin1String("messages")).toArray().first().toObject();
        QCOMPARE(message.value(QLatin1String("id")).toString(), inbound);
        QCOMPARE(message.value(QLatin1String("from")).toString(), kCustomer);
        QVERIFY(message.value(QLatin1String("timestamp")).isString());
        QCOMPARE(
            message.value(QLatin1String("text")).toObject().value(QLatin1String("body")).toString(),
            QStringLiteral("Hello"));

        QJsonObject body = textTo(kCustomer, QStringLiteral("Hi, how can I help?"));
        body.insert(QStringLiteral("biz_opaque_callback_data"), QStringLiteral("ticket-42"));
        const QString wamid = send(body);
        QVERIFY(!wamid.isEmpty());
        QVERIFY(advanceAndDeliver(200, 2));
        QVERIFY(advanceAndDeliver(800, 3));
        QVERIFY(advanceAndDeliver(3000, 4));
        QCOMPARE(statusNames(m_receiver->statuses(), wamid),
            (QStringList{
                QStringLiteral("sent"), QStringLiteral("delivered"), QStringLiteral("read")}));
        for (const QJsonObject &s : m_receiver->statuses()) {
            QCOMPARE(s.value(QLatin1String("recipient_id")).toString(), kCustomer);
            QCOMPARE(s.value(QLatin1String("biz_opaque_callback_data")).toString(),
                QStringLiteral("ticket-42"));
            const QJsonObject pricing = s.value(QLatin1String("pricing")).toObject();
            QCOMPARE(
                pricing.value(QLatin1String("pricing_model")).toString(), QStringLiteral("PMP"));
            QCOMPARE(
                pricing.value(QLatin1String("category")).toString(), QStringLiteral("service"));
            QCOMPARE(pricing.value(QLatin1String("billable")).toBool(), false);
        }
        // Timestamps are the clock's, as strings of Unix seconds.
        QCOMPARE(m_receiver->statuses().last().value(QLatin1String("timestamp")).toString(),
            QString::number(m_clock.nowMs() / 1000));
    }

    void everyPostIsSignedOverItsExactBytes()
    {
        m_sim->customerWritesText(kCustomer, QStringLiteral("Hello"));
        send(textTo(kCustomer, QStringLiteral("x")));
        QVERIFY(advanceAndDeliver(5000, 4));
        for (const core::HttpRequest &r : m_receiver->requests) {
            const QByteArray expected = "sha256="
                + QMessageAuthenticationCode::hash(
                    r.body, QByteArray(SimConfig::DefaultAppSecret), QCryptographicHash::Sha256)
                      .toHex();
            QCOMPARE(r.header("x-hub-signature-256"), expected);
            QCOMPARE(r.header("content-type"), QByteArray("application/json"));
            QCOMPARE(
                QJsonDocument::fromJson(r.body).object().value(QLatin1String("object")).toString(),
                QStringLiteral("whatsapp_business_account"));
        }
        QCOMPARE(m_sim->webhooks().size(), 4);
        QCOMPARE(m_sim->webhooks().first().signature,
            WebhookDispatcher::signature(
                SimConfig::DefaultAppSecret, m_sim->webhooks().first().body));
    }

    void outsideWindowFailsWith131047()
    {
        const QString wamid = send(textTo(kCustomer, QStringLiteral("Are you there?")));
        QVERIFY(!wamid.isEmpty()); // accepted synchronously, as Meta does
        QVERIFY(advanceAndDeliver(200, 1));
        const QJsonObject s = m_receiver->statuses().first();
        QCOMPARE(s.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
        const QJsonObject error = s.value(QLatin1String("errors")).toArray().first().toObject();
        QCOMPARE(error.value(QLatin1String("code")).toInt(), 131047);
        QVERIFY(
            error.value(QLatin1String("error_data")).toObject().contains(QLatin1String("details")));
        QVERIFY(!s.contains(QLatin1String("pricing")));

        // Inside the window it goes through; 24 h later it fails again.
        m_sim->customerWritesText(kCustomer, QStringLiteral("Hi"));
        const QString inside = send(textTo(kCustomer, QStringLiteral("Yes!")));
        QVERIFY(advanceAndDeliver(200, 3));
        QCOMPARE(statusNames(m_receiver->statuses(), inside), QStringList{QStringLiteral("sent")});
        m_clock.advanceMs(24LL * 3600 * 1000 - 200);
        m_sim->runDueEvents();
        const QString late = send(textTo(kCustomer, QStringLiteral("Still there?")));
        QVERIFY(advanceAndDeliver(200, 6));
        QCOMPARE(statusNames(m_receiver->statuses(), late), QStringList{QStringLiteral("failed")});

        // Templates are allowed outside the window.
        const QString tpl
            = send(j("{'messaging_product':'whatsapp','to':'16505551234','type':'template','"
                     "template':{'name':'hello_world','language':{'code':'en_US'}}}"));
        QVERIFY(advanceAndDeliver(200, 7));
        QCOMPARE(statusNames(m_receiver->statuses(), tpl), QStringList{QStringLiteral("sent")});
        QJsonObject pricing;
        for (const QJsonObject &s2 : m_receiver->statuses()) {
            if (s2.value(QLatin1String("id")).toString() == tpl)
                pricing = s2.value(QLatin1String("pricing")).toObject();
        }
        QCOMPARE(pricing.value(QLatin1String("category")).toString(), QStringLiteral("utility"));
        QCOMPARE(pricing.value(QLatin1String("billable")).toBool(), true);
    }

    void reactionsOnlyGetSent()
    {
        m_sim->customerWritesText(kCustomer, QStringLiteral("Hi"));
        const QString wamid = send(j("{'messaging_product':'whatsapp','to':'16505551234','type':'"
                                     "reaction','reaction':{'message_id':'wamid.X','emoji':'x'}}"));
        QVERIFY(advanceAndDeliver(10'000, 2));
        m_sim->runDueEvents();
        QCOMPARE(statusNames(m_receiver->statuses(), wamid), QStringList{QStringLiteral("sent")});
    }

    void unreachableAndOptedOut()
    {
        cleanup();
        SimConfig config;
        config.unreachableRecipients = {QStringLiteral("16505550001")};
        config.marketingOptOut = {QStringLiteral("16505550002")};
        startSim(config);
        const QString a
            = send(j("{'messaging_product':'whatsapp','to':'16505550001','type':'template','"
                     "template':{'name':'hello_world','language':{'code':'en_US'}}}"));
        QJsonObject promo
            = j("{'messaging_product':'whatsapp','to':'16505550002','type':'template','template':{'"
                "name':'spring_sale','language':{'code':'en_US'},'components':[{'type':'header','"
                "parameters':[{'type':'image','image':{'link':'https://x/"
                "i.jpg'}}]},{'type':'body','parameters':[{'type':'text','text':'25%'}]}]}}");
        const QString b = send(promo);
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QVERIFY(advanceAndDeliver(200, 2));
        QHash<QString, int> codes;
        for (const QJsonObject &s : m_receiver->statuses())
            codes.insert(s.value(QLatin1String("id")).toString(),
                s.value(QLatin1String("errors"))
                    .toArray()
                    .first()
                    .toObject()
                    .value(QLatin1String("code"))
                    .toInt());
        QCOMPARE(codes.value(a), 131026);
        QCOMPARE(codes.value(b), 131050);
    }

    void retriesWithBackoffThenDelivers()
    {
        m_receiver->nextStatuses = {500, 503, 500};
        m_sim->customerWritesText(kCustomer, QStringLiteral("Hello"));
        m_sim->runDueEvents();
        // First attempt fails, the first retry is immediate and fails too.
        QVERIFY(waitFor([&] { return m_receiver->requests.size() == 2; }));
        QCOMPARE(m_sim->webhooks().first().attempts, 2);
        // The retry is scheduled when the 503 answer is read: wait for it before moving the clock.
        QVERIFY(waitFor([&] { return m_sim->webhooks().first().lastHttpStatus == 503; }));
        m_clock.advanceMs(999);
        m_sim->runDueEvents();
        QTest::qWait(0);
        QCOMPARE(m_receiver->requests.size(), 2); // not before base delay (1 s)
        QVERIFY(advanceAndDeliver(1, 3));
        QVERIFY(waitFor([&] { return m_sim->webhooks().first().lastHttpStatus == 500; }));
        QVERIFY(advanceAndDeliver(2000, 4)); // then 2 s
        QVERIFY(waitFor([&] { return m_sim->webhooks().first().delivered; }));
        QCOMPARE(m_sim->webhooks().first().attempts, 4);
        // Every retry carried the same bytes.
        for (const core::HttpRequest &r : m_receiver->requests)
            QCOMPARE(r.body, m_receiver->requests.first().body);
    }

    void dropsAfterRetryPeriod()
    {
        cleanup();
        SimConfig config;
        config.webhookRetryPeriodMs = 5000;
        startSim(config);
        m_receiver->nextStatuses = QList<int>(100, 500);
        m_sim->customerWritesText(kCustomer, QStringLiteral("Hello"));
        m_sim->runDueEvents();
        QVERIFY(waitFor([&] { return m_receiver->requests.size() == 2; }));
        for (int i = 0; i < 6; ++i) {
            m_clock.advanceMs(1000);
            m_sim->runDueEvents();
            QTest::qWait(0);
            waitFor([&] { return m_sim->pendingWebhookCount() == 0; }, 200);
        }
        QVERIFY(waitFor([&] {
            return m_sim->stats()
                       .value(QLatin1String("webhooks"))
                       .toObject()
                       .value(QLatin1String("dropped"))
                       .toInt()
                == 1;
        }));
        QCOMPARE(m_sim->pendingWebhookCount(), 0);
        QVERIFY(!m_sim->webhooks().first().delivered);
    }

    void batchesMergeStatuses()
    {
        cleanup();
        SimConfig config;
        config.webhookBatchMax = 10;
        config.enforceWindow = false;
        startSim(config);
        for (int i = 0; i < 3; ++i)
            QVERIFY(!send(textTo(QStringLiteral("1650555000%1").arg(i), QStringLiteral("x")))
                         .isEmpty());
        QVERIFY(advanceAndDeliver(200, 1));
        QCOMPARE(m_receiver->requests.size(), 1);
        QCOMPARE(m_receiver->statuses().size(), 3);
    }

    void duplicatesAndReordering()
    {
        cleanup();
        SimConfig config;
        config.webhookDuplicateRate = 1.0;
        config.webhookReorderRate = 1.0;
        startSim(config);
        const QString first = m_sim->customerWritesText(kCustomer, QStringLiteral("one"));
        const QString second = m_sim->customerWritesText(kCustomer, QStringLiteral("two"));
        m_sim->runDueEvents();
        QVERIFY(waitFor([&] { return m_receiver->requests.size() == 4; }));
        QCOMPARE(m_receiver->messages().size(), 4);
        // Held back: the second message is posted (twice) before the first.
        QCOMPARE(m_receiver->messages().first().value(QLatin1String("id")).toString(), second);
        QCOMPARE(m_receiver->messages().last().value(QLatin1String("id")).toString(), first);
        QCOMPARE(m_receiver->requests[0].body, m_receiver->requests[1].body);
    }

    void scenarioCustomersWriteAndReact()
    {
        cleanup();
        startSim();
        QString error;
        QVERIFY2(m_sim->loadScenario(
                     QStringLiteral(PARLEY_SOURCE_DIR "/fixtures/sim/scenarios/test.json"), &error),
            qPrintable(error));
        m_sim->runDueEvents();
        QVERIFY(waitFor([&] { return m_receiver->messages().size() == 1; }));
        QCOMPARE(m_receiver->messages().first().value(QLatin1String("from_user_id")).toString(),
            QStringLiteral("PT.4711"));
        // The photo arrives 5 s later, its media id resolvable through the media endpoint.
        QVERIFY(advanceAndDeliver(5000, 2));
        const QJsonObject image
            = m_receiver->messages().last().value(QLatin1String("image")).toObject();
        QCOMPARE(image.value(QLatin1String("mime_type")).toString(), QStringLiteral("image/jpeg"));
        const Reply media = m_client->get(
            QStringLiteral("/v23.0/") + image.value(QLatin1String("id")).toString());
        QCOMPARE(media.status, 200);
        QCOMPARE(media.json.value(QLatin1String("sha256")).toString(),
            image.value(QLatin1String("sha256")).toString());

        // Ana taps the first reply button after reading the business message.
        const QString wamid = send(j(
            "{'messaging_product':'whatsapp','to':'351912345678','type':'interactive','interactive'"
            ":{'type':'button','body':{'text':'Pick'},'action':{'buttons':[{'type':'reply','reply':"
            "{'id':'yes','title':'Yes'}},{'type':'reply','reply':{'id':'no','title':'No'}}]}}}"));
        QVERIFY(!wamid.isEmpty());
        m_clock.advanceMs(4000 + 1500);
        m_sim->runDueEvents();
        QVERIFY(waitFor([&] { return m_receiver->messages().size() == 3; }));
        const QJsonObject reply = m_receiver->messages().last();
        QCOMPARE(reply.value(QLatin1String("type")).toString(), QStringLiteral("interactive"));
        QCOMPARE(reply.value(QLatin1String("interactive"))
                     .toObject()
                     .value(QLatin1String("button_reply"))
                     .toObject()
                     .value(QLatin1String("id"))
                     .toString(),
            QStringLiteral("yes"));
        QCOMPARE(
            reply.value(QLatin1String("context")).toObject().value(QLatin1String("id")).toString(),
            wamid);
    }
};

QTEST_GUILESS_MAIN(TestSimWebhooks)
#include "tst_sim_webhooks.moc"
