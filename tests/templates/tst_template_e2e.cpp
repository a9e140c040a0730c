// End to end against the Cloud API simulator over real HTTP on 127.0.0.1: sync with paging,
// create -> PENDING -> APPROVED webhook (through the webhook parser into template_events, applied
// by the 0005 triggers) -> fill -> send -> delivered.
#include "common/Clock.h"
#include "graph/GraphClient.h"
#include "outbox/MessageBuilder.h"
#include "secrets/SecretStore.h"
#include "sim/Simulator.h"
#include "store/Database.h"
#include "templates/TemplateFixtures.h"
#include "templates/TemplateStore.h"
#include "templates/TemplateSync.h"
#include "webhook/InboundStore.h"

#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace parley::core;
using parley::sim::SimConfig;
using parley::sim::Simulator;

class TestTemplateE2E : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock{1'760'000'000'000};
    std::unique_ptr<Simulator> m_sim;
    MemorySecretStore m_secrets;
    std::unique_ptr<GraphClient> m_graph;
    QSqlDatabase m_db;
    std::unique_ptr<TemplateStore> m_store;
    std::unique_ptr<InboundStore> m_inbound;
    std::unique_ptr<TemplateSync> m_sync;
    int m_webhooksSeen = 0;
    qint64 m_journalId = 0;

    // What the webhook listener would do with every webhook the simulator posted since last time.
    void ingestWebhooks()
    {
        const auto hooks = m_sim->webhooks();
        QVERIFY(m_db.transaction());
        for (int i = m_webhooksSeen; i < hooks.size(); ++i) {
            const IngestResult r
                = m_inbound->ingest(++m_journalId, hooks.at(i).body, m_clock.nowMs());
            QVERIFY(r.parsed);
        }
        QVERIFY(m_db.commit());
        m_webhooksSeen = int(hooks.size());
    }

    template <typename Result, typename Start>
    Result wait(Start start)
    {
        std::optional<Result> result;
        start([&](const Result &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20'000))
            qFatal("no answer from the simulator");
        return *result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SimConfig config;
        config.clock = &m_clock;
        config.templateApprovalDelayMs = 60'000;
        m_sim = std::make_unique<Simulator>(config);
        QString error;
        QVERIFY2(m_sim->start(QStringLiteral("127.0.0.1:0"), &error), qPrintable(error));

        m_secrets.write(QString::fromLatin1(SecretStore::AccessToken),
            QString::fromLatin1(SimConfig::DefaultAccessToken));
        GraphConfig graph;
        graph.baseUrl = m_sim->baseUrl();
        graph.version = QStringLiteral("v23.0");
        m_graph = std::make_unique<GraphClient>(graph, &m_secrets);

        m_db = Database::open(
            m_dir.filePath(QStringLiteral("e2e.db")), QStringLiteral("e2e"), &error);
        QVERIFY2(m_db.isValid(), qPrintable(error));
        m_store = std::make_unique<TemplateStore>(m_db);
        m_inbound = std::make_unique<InboundStore>(m_db, &m_clock);
        m_sync = std::make_unique<TemplateSync>(
            m_graph.get(), m_store.get(), QString::fromLatin1(SimConfig::DefaultWabaId), &m_clock);
    }

    void cleanupTestCase()
    {
        m_sync.reset();
        m_inbound.reset();
        m_store.reset();
        m_db = QSqlDatabase();
        Database::close(QStringLiteral("e2e"));
        m_graph.reset();
        m_sim.reset();
    }

    void syncPagesThroughEverything()
    {
        // Meta's documented examples, approved on the simulated side.
        QStringList names;
        for (const QString &file : parley::test::createFixtureNames()) {
            const QJsonObject request
                = parley::test::readTemplateFixture(QStringLiteral("create/") + file)
                      .value(QLatin1String("request"))
                      .toObject();
            if (names.contains(request.value(QLatin1String("name")).toString()))
                continue;
            QVERIFY(!m_sim->addTemplate(request).isEmpty());
            names.append(request.value(QLatin1String("name")).toString());
        }
        const auto r = wait<TemplateSyncResult>([&](auto done) { m_sync->syncAll(done, 3); });
        QVERIFY2(r.ok(), qPrintable(r.error.logSummary()));
        QVERIFY(r.templates >= names.size());
        QCOMPARE(r.pages, (r.templates + 2) / 3);
        for (const QString &name : names)
            QVERIFY2(!m_store->findByName(name).isEmpty(), qPrintable(name));
        QCOMPARE(m_store->list().size(), r.templates);
    }

    void createApproveSendDeliver()
    {
        QJsonObject request = parley::test::readTemplateFixture(
            QStringLiteral("create/named_order_confirmation.json"))
                                  .value(QLatin1String("request"))
                                  .toObject();
        request.insert(QStringLiteral("name"), QStringLiteral("order_confirmation_e2e"));
        const auto created
            = wait<TemplateAdminResult>([&](auto done) { m_sync->create(request, done); });
        QVERIFY2(created.ok(), qPrintable(created.error.logSummary()));
        const QString id = created.response.value(QLatin1String("id")).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_store->findById(id)->status, QStringLiteral("PENDING"));

        const QList<TemplateParam> params{
            TemplateParam::headerText(QStringLiteral("order_id"), QStringLiteral("335628")),
            TemplateParam::bodyText(QStringLiteral("first_name"), QStringLiteral("Pablo")),
            TemplateParam::button(1, TemplateVariableKind::UrlSuffix, QStringLiteral("335628"))};
        TemplateFill fill = fillTemplate(
            *m_store, QStringLiteral("order_confirmation_e2e"), QStringLiteral("en_US"), params);
        QCOMPARE(fill.issues.first().code, TemplateIssue::Code::NotApproved);

        // Meta decides; the status webhook goes through the parser into template_events.
        m_clock.advanceMs(61'000);
        m_sim->runDueEvents();
        ingestWebhooks();
        QCOMPARE(m_store->findById(id)->status, QStringLiteral("APPROVED"));

        fill = fillTemplate(
            *m_store, QStringLiteral("order_confirmation_e2e"), QStringLiteral("en_US"), params);
        QVERIFY2(fill.ok(), qPrintable(fill.errorText()));
        BuiltMessage built = MessageBuilder::templateMessage(fill.templateObject);
        QVERIFY2(built.ok(), qPrintable(built.error));
        QJsonObject message = built.message;
        message.insert(QStringLiteral("messaging_product"), QStringLiteral("whatsapp"));
        message.insert(QStringLiteral("to"), QStringLiteral("+16505551234"));
        const auto sent = wait<GraphResult>([&](auto done) {
            m_graph->post(
                QString::fromLatin1(SimConfig::DefaultPhoneNumberId) + QStringLiteral("/messages"),
                message, this, done);
        });
        QVERIFY2(sent.ok(), sent.raw.constData());
        const QString wamid = sent.body.value(QLatin1String("messages"))
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(QLatin1String("id"))
                                  .toString();
        QVERIFY(!wamid.isEmpty());

        m_clock.advanceMs(2'000);
        m_sim->runDueEvents();
        ingestWebhooks();
        QSqlQuery q(m_db);
        QVERIFY(
            q.prepare(QStringLiteral("SELECT status FROM message_status WHERE message_id = ?")));
        q.addBindValue(wamid);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("delivered"));

        // The simulated Meta pauses it: the next fill refuses by name.
        QVERIFY(m_sim->setTemplateStatus(id, QStringLiteral("PAUSED")));
        m_clock.advanceMs(1'000);
        m_sim->runDueEvents();
        ingestWebhooks();
        fill = fillTemplate(
            *m_store, QStringLiteral("order_confirmation_e2e"), QStringLiteral("en_US"), params);
        QCOMPARE(fill.issues.first().metaErrorCode, 132015);
    }

    // parleyctl templates against the simulator: the process runs while this event loop serves.
    void commandLine()
    {
        const QString db = m_dir.filePath(QStringLiteral("cli.db"));
        QString lastError;
        auto run = [&](const QStringList &args) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("WA_GRAPH_BASE_URL"), m_sim->baseUrl().toString());
            env.insert(QStringLiteral("WA_GRAPH_VERSION"), QStringLiteral("v23.0"));
            env.insert(
                QStringLiteral("WA_TOKEN"), QString::fromLatin1(SimConfig::DefaultAccessToken));
            env.insert(QStringLiteral("WA_WABA_ID"), QString::fromLatin1(SimConfig::DefaultWabaId));
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(PARLEYCTL_PATH),
                QStringList{QStringLiteral("templates")} + args
                    + QStringList{QStringLiteral("--db"), db});
            if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60'000))
                qFatal("parleyctl did not finish");
            // stdout is the data; stderr carries JSON log lines and warnings.
            lastError = QString::fromUtf8(p.readAllStandardError());
            return std::make_pair(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()));
        };
        auto [code, output] = run({QStringLiteral("sync")});
        QVERIFY2(code == 0, qPrintable(lastError));
        const int synced = QJsonDocument::fromJson(output.toUtf8())
                               .object()
                               .value(QLatin1String("templates"))
                               .toInt();
        QCOMPARE(synced, m_store->list().size());

        const QString file = m_dir.filePath(QStringLiteral("create.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QJsonObject request = parley::test::readTemplateFixture(
            QStringLiteral("create/text_header_quick_replies.json"))
                                  .value(QLatin1String("request"))
                                  .toObject();
        request.insert(QStringLiteral("name"), QStringLiteral("cli_created"));
        f.write(QJsonDocument(request).toJson());
        f.close();
        std::tie(code, output) = run({QStringLiteral("create"), QStringLiteral("--file"), file});
        QVERIFY2(code == 0, qPrintable(lastError));
        QVERIFY(output.contains(QLatin1String("\"status\":\"PENDING\"")));
        std::tie(code, output)
            = run({QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("PENDING")});
        QCOMPARE(code, 0);
        QVERIFY(output.contains(QLatin1String("\"name\":\"cli_created\"")));

        // Approved names warn about the 30-day reuse rule; the template is gone on both sides.
        std::tie(code, output)
            = run({QStringLiteral("delete"), QStringLiteral("order_confirmation_e2e")});
        QVERIFY2(code == 0, qPrintable(lastError));
        std::tie(code, output)
            = run({QStringLiteral("delete"), QStringLiteral("seasonal_promotion_text_only")});
        QVERIFY2(code == 0, qPrintable(lastError));
        QVERIFY(lastError.contains(QLatin1String("cannot be used for a new template for 30 days")));
        const auto r = wait<TemplateSyncResult>([&](auto done) { m_sync->syncAll(done); });
        QVERIFY(r.ok());
        QVERIFY(m_store->findByName(QStringLiteral("seasonal_promotion_text_only")).isEmpty());
        QCOMPARE(m_store->findByName(QStringLiteral("cli_created")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTemplateE2E)
#include "tst_template_e2e.moc"
