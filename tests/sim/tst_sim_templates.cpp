// Template management in the simulated Cloud API: creation validated like Meta, PENDING then
// APPROVED or REJECTED after the configured delay with a signed status webhook, cursor paging
// with fields, delete by name or hsm_id.
#include "SimTestSupport.h"

#include "common/Clock.h"
#include "sim/Simulator.h"
#include "sim/WebhookDispatcher.h"

#include <QTest>

using namespace parley;
using namespace parley::sim;
using namespace parley::sim::test;

namespace {
const QString kTemplates = QStringLiteral("/v23.0/102290129340398/message_templates");

QJsonObject j(const char *text)
{
    QByteArray b(text);
    b.replace('\'', '"');
    return QJsonDocument::fromJson(b).object();
}

QJsonObject simple(const QString &name, const QString &category = QStringLiteral("UTILITY"))
{
    QJsonObject o = j("{'language':'en_US','components':[{'type':'BODY','text':'Your code {{1}} is "
                      "ready.','example':{'body_text':[['ABC']]}}]}");
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("category"), category);
    return o;
}
} // namespace

class TestSimTemplates : public QObject
{
    Q_OBJECT

private:
    core::ManualClock m_clock;
    std::unique_ptr<WebhookReceiver> m_receiver;
    std::unique_ptr<Simulator> m_sim;
    std::unique_ptr<GraphClient> m_client;

private Q_SLOTS:
    void init()
    {
        m_receiver = std::make_unique<WebhookReceiver>();
        QVERIFY(m_receiver->start());
        SimConfig config;
        config.clock = &m_clock;
        config.webhookUrl = m_receiver->url();
        config.templateApprovalDelayMs = 30'000;
        config.seedDefaultTemplates = false;
        m_sim = std::make_unique<Simulator>(config);
        QVERIFY(m_sim->start());
        m_client = std::make_unique<GraphClient>(m_sim->baseUrl());
    }
    void cleanup()
    {
        m_client.reset();
        m_sim.reset();
        m_receiver.reset();
    }

    void createLandsPendingThenApproved()
    {
        const Reply r = m_client->post(kTemplates, simple(QStringLiteral("order_ready")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("status")).toString(), QStringLiteral("PENDING"));
        QCOMPARE(r.json.value(QLatin1String("category")).toString(), QStringLiteral("UTILITY"));
        const QString id = r.json.value(QLatin1String("id")).toString();

        const QJsonObject send
            = j("{'messaging_product':'whatsapp','to':'16505551234','type':'template','template':{'"
                "name':'order_ready','language':{'code':'en_US'},'components':[{'type':'body','"
                "parameters':[{'type':'text','text':'A1'}]}]}}");
        QCOMPARE(
            m_client->post(QStringLiteral("/v23.0/106540352242922/messages"), send).errorCode(),
            132001);

        m_clock.advanceMs(29'999);
        m_sim->runDueEvents();
        QCOMPARE(m_client->get(QStringLiteral("/v23.0/") + id)
                     .json.value(QLatin1String("status"))
                     .toString(),
            QStringLiteral("PENDING"));
        m_clock.advanceMs(1);
        m_sim->runDueEvents();
        QVERIFY(waitFor([&] { return m_receiver->requests.size() == 1; }));
        const core::HttpRequest hook = m_receiver->requests.first();
        QCOMPARE(hook.header("x-hub-signature-256"),
            WebhookDispatcher::signature(SimConfig::DefaultAppSecret, hook.body));
        const QJsonObject value
            = m_receiver->values(QStringLiteral("message_template_status_update")).first();
        QCOMPARE(value.value(QLatin1String("event")).toString(), QStringLiteral("APPROVED"));
        QCOMPARE(value.value(QLatin1String("message_template_id")).toDouble(),
            id.toDouble()); // a number
        QVERIFY(value.value(QLatin1String("message_template_id")).isDouble());
        QCOMPARE(value.value(QLatin1String("message_template_name")).toString(),
            QStringLiteral("order_ready"));
        QCOMPARE(value.value(QLatin1String("message_template_language")).toString(),
            QStringLiteral("en_US"));
        QCOMPARE(value.value(QLatin1String("reason")).toString(), QStringLiteral("NONE"));

        const Reply one = m_client->get(QStringLiteral("/v23.0/%1?fields=name,status").arg(id));
        QCOMPARE(one.json.value(QLatin1String("status")).toString(), QStringLiteral("APPROVED"));
        QVERIFY(!one.json.contains(QLatin1String("components")));
        QCOMPARE(
            m_client->post(QStringLiteral("/v23.0/106540352242922/messages"), send).status, 200);
    }

    void rejectMarkerIsRejected()
    {
        const QString id = m_client->post(kTemplates, simple(QStringLiteral("please_reject_me")))
                               .json.value(QLatin1String("id"))
                               .toString();
        m_clock.advanceMs(30'000);
        m_sim->runDueEvents();
        QVERIFY(waitFor([&] { return m_receiver->requests.size() == 1; }));
        const QJsonObject value
            = m_receiver->values(QStringLiteral("message_template_status_update")).first();
        QCOMPARE(value.value(QLatin1String("event")).toString(), QStringLiteral("REJECTED"));
        QCOMPARE(value.value(QLatin1String("reason")).toString(), QStringLiteral("INVALID_FORMAT"));
        QCOMPARE(m_client->get(QStringLiteral("/v23.0/") + id)
                     .json.value(QLatin1String("status"))
                     .toString(),
            QStringLiteral("REJECTED"));
    }

    void createValidation_data()
    {
        QTest::addColumn<QJsonObject>("request");
        QTest::addColumn<int>("subcode");
        QJsonObject badName = simple(QStringLiteral("Bad Name"));
        QTest::newRow("upper-case name") << badName << 2388042;
        QJsonObject badCategory = simple(QStringLiteral("ok_name"), QStringLiteral("PROMO"));
        QTest::newRow("bad category") << badCategory << 0;
        QTest::newRow("no example")
            << j("{'name':'x1','language':'en_US','category':'UTILITY','components':[{'type':'BODY'"
                 ",'text':'Hi {{1}}, welcome.'}]}")
            << 2388043;
        QTest::newRow("leading variable")
            << j("{'name':'x2','language':'en_US','category':'UTILITY','components':[{'type':'BODY'"
                 ",'text':'{{1}} is here','example':{'body_text':[['a']]}}]}")
            << 2388299;
        QTest::newRow("variables out of order")
            << j("{'name':'x3','language':'en_US','category':'UTILITY','components':[{'type':'BODY'"
                 ",'text':'Hi {{2}} and {{1}}.','example':{'body_text':[['a','b']]}}]}")
            << 2388047;
        QTest::newRow("footer over 60")
            << j("{'name':'x4','language':'en_US','category':'UTILITY','components':[{'type':'BODY'"
                 ",'text':'Hi'},{'type':'FOOTER','text':'"
                 "0123456789012345678901234567890123456789012345678901234567890'}]}")
            << 2388040;
        QTest::newRow("quick replies not grouped") << j(
            "{'name':'x5','language':'en_US','category':'MARKETING','components':[{'type':'BODY','"
            "text':'Hi'},{'type':'BUTTONS','buttons':[{'type':'QUICK_REPLY','text':'a'},{'type':'"
            "URL','text':'b','url':'https://x.com'},{'type':'QUICK_REPLY','text':'c'}]}]}")
                                                   << 0;
        QTest::newRow("three url buttons")
            << j("{'name':'x6','language':'en_US','category':'MARKETING','components':[{'type':'"
                 "BODY','text':'Hi'},{'type':'BUTTONS','buttons':[{'type':'URL','text':'a','url':'"
                 "https://x.com'},{'type':'URL','text':'b','url':'https://"
                 "x.com'},{'type':'URL','text':'c','url':'https://x.com'}]}]}")
            << 0;
        QTest::newRow("no body") << j("{'name':'x7','language':'en_US','category':'UTILITY','"
                                      "components':[{'type':'FOOTER','text':'f'}]}")
                                 << 0;
        QTest::newRow("named params upper-case") << j(
            "{'name':'x8','language':'en_US','category':'UTILITY','parameter_format':'named','"
            "components':[{'type':'BODY','text':'Hi "
            "{{Name}}!','example':{'body_text_named_params':[{'param_name':'Name','example':'a'}]}}"
            "]}") << 2388047;
    }

    void createValidation()
    {
        QFETCH(QJsonObject, request);
        QFETCH(int, subcode);
        const Reply r = m_client->post(kTemplates, request);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), 100);
        if (subcode)
            QCOMPARE(r.error().value(QLatin1String("error_subcode")).toInt(), subcode);
        QVERIFY(!r.error().value(QLatin1String("fbtrace_id")).toString().isEmpty());
    }

    void duplicateNameAndLanguage()
    {
        QCOMPARE(m_client->post(kTemplates, simple(QStringLiteral("dup"))).status, 200);
        QCOMPARE(m_client->post(kTemplates, simple(QStringLiteral("dup")))
                     .error()
                     .value(QLatin1String("error_subcode"))
                     .toInt(),
            2388024);
        QJsonObject translation = simple(QStringLiteral("dup"));
        translation.insert(QStringLiteral("language"), QStringLiteral("pt_BR"));
        QCOMPARE(m_client->post(kTemplates, translation).status, 200);
    }

    void listPagesWithCursorsAndFields()
    {
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_client->post(kTemplates, simple(QStringLiteral("t%1").arg(i))).status, 200);
        QStringList names;
        QString next = kTemplates + QStringLiteral("?limit=2&fields=name,status");
        int pages = 0;
        while (!next.isEmpty() && pages < 10) {
            const Reply r = m_client->send(
                "GET", next.startsWith(QLatin1String("http")) ? QUrl(next) : m_client->url(next));
            QCOMPARE(r.status, 200);
            for (const QJsonValue &t : r.json.value(QLatin1String("data")).toArray()) {
                names.append(t.toObject().value(QLatin1String("name")).toString());
                QVERIFY(!t.toObject().contains(QLatin1String("components")));
                QVERIFY(t.toObject().contains(QLatin1String("id")));
            }
            const QJsonObject paging = r.json.value(QLatin1String("paging")).toObject();
            QVERIFY(
                paging.value(QLatin1String("cursors")).toObject().contains(QLatin1String("after")));
            next = paging.value(QLatin1String("next")).toString();
            ++pages;
        }
        QCOMPARE(pages, 3);
        QCOMPARE(names,
            (QStringList{QStringLiteral("t0"), QStringLiteral("t1"), QStringLiteral("t2"),
                QStringLiteral("t3"), QStringLiteral("t4")}));
        const Reply byName = m_client->get(kTemplates + QStringLiteral("?name=t3"));
        QCOMPARE(byName.json.value(QLatin1String("data")).toArray().size(), 1);
        QVERIFY(byName.json.value(QLatin1String("data"))
                    .toArray()
                    .first()
                    .toObject()
                    .contains(QLatin1String("components")));
    }

    void deleteByNameAndByHsmId()
    {
        QJsonObject pt = simple(QStringLiteral("gone"));
        pt.insert(QStringLiteral("language"), QStringLiteral("pt_BR"));
        const QString en = m_client->post(kTemplates, simple(QStringLiteral("gone")))
                               .json.value(QLatin1String("id"))
                               .toString();
        QCOMPARE(m_client->post(kTemplates, pt).status, 200);
        QCOMPARE(m_client->post(kTemplates, simple(QStringLiteral("kept"))).status, 200);
        QCOMPARE(m_client->del(kTemplates + QStringLiteral("?name=gone&hsm_id=") + en).status, 200);
        QCOMPARE(m_client->get(kTemplates + QStringLiteral("?name=gone"))
                     .json.value(QLatin1String("data"))
                     .toArray()
                     .size(),
            1);
        QCOMPARE(m_client->del(kTemplates + QStringLiteral("?name=gone")).status, 200);
        QCOMPARE(m_client->get(kTemplates + QStringLiteral("?name=gone"))
                     .json.value(QLatin1String("data"))
                     .toArray()
                     .size(),
            0);
        QCOMPARE(m_client->del(kTemplates + QStringLiteral("?name=gone")).errorCode(), 100);
        QCOMPARE(m_client->get(kTemplates).json.value(QLatin1String("data")).toArray().size(), 1);
    }

    void unknownWabaIsRefused()
    {
        const Reply r = m_client->get(QStringLiteral("/v23.0/1/message_templates"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), 100);
    }
};

QTEST_GUILESS_MAIN(TestSimTemplates)
#include "tst_sim_templates.moc"
