// The templates table, its webhook triggers, and TemplateSync (paging, re-sync, create, delete,
// edit) against a recording Graph fake. Real SQLite files in a temporary directory.
#include "common/Clock.h"
#include "graph/GraphApi.h"
#include "store/Database.h"
#include "templates/TemplateFixtures.h"
#include "templates/TemplateStore.h"
#include "templates/TemplateSync.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace parley::core;

namespace {

struct Call
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QJsonObject body;
};

// Answers every request at once with `responder` (synchronously: the callbacks run inside the
// call, which TemplateSync must cope with as well as with a later answer).
class RecordingGraph final : public GraphApi
{
public:
    std::function<GraphResult(const Call &)> responder;
    QList<Call> calls;

    void request(const QByteArray &method, const QString &path, const QUrlQuery &query,
        const QJsonObject &body, QObject *, Callback done) override
    {
        const Call call{method, path, query, body};
        calls.append(call);
        done(responder(call));
    }
    void upload(const QString &, const GraphUpload &, QObject *, Callback done) override
    {
        done(fail(500, 1));
    }
    void download(const QUrl &, const QString &, QObject *, Callback done) override
    {
        done(fail(500, 1));
    }

    static GraphResult ok(const QJsonObject &body)
    {
        GraphResult r;
        r.httpStatus = 200;
        r.body = body;
        return r;
    }
    static GraphResult fail(int http, int code)
    {
        GraphResult r;
        r.httpStatus = http;
        r.raw = QJsonDocument(
            QJsonObject{{QStringLiteral("error"),
                QJsonObject{{QStringLiteral("code"), code},
                    {QStringLiteral("message"), QStringLiteral("(#%1) x").arg(code)}}}})
                    .toJson(QJsonDocument::Compact);
        r.error = GraphError::fromHttp(http, r.raw);
        return r;
    }
};

QJsonObject tpl(const QString &id, const QString &name, const QString &language,
    const QString &status = QStringLiteral("APPROVED"))
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("name"), name},
        {QStringLiteral("language"), language}, {QStringLiteral("status"), status},
        {QStringLiteral("category"), QStringLiteral("UTILITY")},
        {QStringLiteral("components"),
            QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("BODY")},
                {QStringLiteral("text"), QStringLiteral("Your order {{1}} shipped.")}}}}};
}

QJsonObject page(const QJsonArray &data, const QString &after, bool last)
{
    QJsonObject paging{{QStringLiteral("cursors"),
        QJsonObject{
            {QStringLiteral("before"), QStringLiteral("b")}, {QStringLiteral("after"), after}}}};
    if (!last)
        paging.insert(QStringLiteral("next"), QStringLiteral("https://graph.example/next"));
    return {{QStringLiteral("data"), data}, {QStringLiteral("paging"), paging}};
}

} // namespace

class TestTemplateStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QSqlDatabase m_db;
    int m_n = 0;
    std::unique_ptr<TemplateStore> m_store;
    ManualClock m_clock{1'750'000'000'000};

    void insertEvent(const QString &field, const QVariantMap &columns)
    {
        QSqlQuery q(m_db);
        QStringList names{QStringLiteral("field"), QStringLiteral("dedupe_key")};
        QVariantList values{field, QStringLiteral("k%1").arg(++m_n)};
        for (auto it = columns.begin(); it != columns.end(); ++it) {
            names.append(it.key());
            values.append(it.value());
        }
        QStringList marks;
        for (int i = 0; i < names.size(); ++i)
            marks.append(QStringLiteral("?"));
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO template_events (%1) VALUES (%2)")
                              .arg(names.join(u','), marks.join(u','))));
        for (const QVariant &v : values)
            q.addBindValue(v);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    }

    QString status(const QString &id)
    {
        const auto d = m_store->findById(id);
        return d ? d->status : QStringLiteral("<gone>");
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        const QString name = QStringLiteral("tpl%1").arg(++m_n);
        m_db = Database::open(m_dir.filePath(name + QStringLiteral(".db")), name, &error);
        QVERIFY2(m_db.isValid(), qPrintable(error));
        m_store = std::make_unique<TemplateStore>(m_db);
    }

    void cleanup()
    {
        m_store.reset();
        const QString name = m_db.connectionName();
        m_db = QSqlDatabase();
        Database::close(name);
    }

    void storeRoundTrip()
    {
        const QJsonArray data = parley::test::readTemplateFixture(QStringLiteral("list_page.json"))
                                    .value(QLatin1String("response"))
                                    .toObject()
                                    .value(QLatin1String("data"))
                                    .toArray();
        QList<TemplateDefinition> defs;
        for (const QJsonValue &v : data)
            defs.append(TemplateDefinition::fromGraphJson(v.toObject()));
        defs.append(TemplateDefinition::fromGraphJson(tpl(QStringLiteral("77"),
            QStringLiteral("hello_world"), QStringLiteral("es"), QStringLiteral("PAUSED"))));
        QString error;
        QVERIFY2(m_store->replaceAll(defs, m_clock.nowMs(), &error), qPrintable(error));

        QCOMPARE(m_store->list().size(), 3);
        QCOMPARE(m_store->list(QStringLiteral("paused")).size(), 1);
        QCOMPARE(m_store->languages(QStringLiteral("hello_world")),
            (QStringList{QStringLiteral("en_US"), QStringLiteral("es")}));
        const auto promo
            = m_store->find(QStringLiteral("2023_april_promo"), QStringLiteral("en_US"));
        QVERIFY(promo);
        QCOMPARE(promo->id, QStringLiteral("920070352646140"));
        QCOMPARE(promo->bodyText, defs.at(1).bodyText);
        QCOMPARE(promo->headerText, QStringLiteral("Fall Sale"));
        QCOMPARE(promo->buttons.size(), 1);
        QCOMPARE(
            m_store->find(QStringLiteral("hello_world"), QStringLiteral("en_US"))->previousCategory,
            QStringLiteral("ACCOUNT_UPDATE"));
        QVERIFY(!m_store->find(QStringLiteral("2023_april_promo"), QStringLiteral("fr")));

        // Deleted and created again under the same name and language: the new id replaces it.
        QVERIFY(m_store->upsert(TemplateDefinition::fromGraphJson(tpl(QStringLiteral("78"),
                                    QStringLiteral("hello_world"), QStringLiteral("es"))),
            m_clock.nowMs(), &error));
        QCOMPARE(m_store->findById(QStringLiteral("77")), std::nullopt);
        QCOMPARE(m_store->find(QStringLiteral("hello_world"), QStringLiteral("es"))->id,
            QStringLiteral("78"));

        QVERIFY(m_store->removeByName(QStringLiteral("hello_world"), &error));
        QCOMPARE(m_store->list().size(), 1);
    }

    void webhookEventsUpdateTemplates()
    {
        QString error;
        QVERIFY(m_store->upsert(TemplateDefinition::fromGraphJson(
                                    tpl(QStringLiteral("101"), QStringLiteral("order_update"),
                                        QStringLiteral("en_US"), QStringLiteral("PENDING"))),
            m_clock.nowMs(), &error));
        const qint64 t = m_clock.nowSecs();

        insertEvent(QStringLiteral("message_template_status_update"),
            {{QStringLiteral("template_id"), QStringLiteral("101")},
                {QStringLiteral("event"), QStringLiteral("APPROVED")},
                {QStringLiteral("reason"), QStringLiteral("NONE")},
                {QStringLiteral("timestamp"), t + 10}});
        QCOMPARE(status(QStringLiteral("101")), QStringLiteral("APPROVED"));

        // Out of order: an older PENDING does not undo the newer APPROVED.
        insertEvent(QStringLiteral("message_template_status_update"),
            {{QStringLiteral("template_id"), QStringLiteral("101")},
                {QStringLiteral("event"), QStringLiteral("PENDING")},
                {QStringLiteral("timestamp"), t + 5}});
        QCOMPARE(status(QStringLiteral("101")), QStringLiteral("APPROVED"));

        insertEvent(QStringLiteral("message_template_status_update"),
            {{QStringLiteral("template_id"), QStringLiteral("101")},
                {QStringLiteral("event"), QStringLiteral("PAUSED")},
                {QStringLiteral("timestamp"), t + 20}});
        QCOMPARE(status(QStringLiteral("101")), QStringLiteral("PAUSED"));
        insertEvent(QStringLiteral("message_template_status_update"),
            {{QStringLiteral("template_id"), QStringLiteral("101")},
                {QStringLiteral("event"), QStringLiteral("REINSTATED")},
                {QStringLiteral("timestamp"), t + 30}});
        QCOMPARE(status(QStringLiteral("101")), QStringLiteral("APPROVED"));

        // Matched by name and language when the id is missing.
        insertEvent(QStringLiteral("message_template_status_update"),
            {{QStringLiteral("template_name"), QStringLiteral("order_update")},
                {QStringLiteral("language"), QStringLiteral("en_US")},
                {QStringLiteral("event"), QStringLiteral("REJECTED")},
                {QStringLiteral("reason"), QStringLiteral("INVALID_FORMAT")},
                {QStringLiteral("timestamp"), t + 40}});
        QCOMPARE(status(QStringLiteral("101")), QStringLiteral("REJECTED"));
        QCOMPARE(m_store->findById(QStringLiteral("101"))->rejectedReason,
            QStringLiteral("INVALID_FORMAT"));

        insertEvent(QStringLiteral("message_template_quality_update"),
            {{QStringLiteral("template_id"), QStringLiteral("101")},
                {QStringLiteral("previous_quality"), QStringLiteral("UNKNOWN")},
                {QStringLiteral("new_quality"), QStringLiteral("YELLOW")}});
        QCOMPARE(m_store->findById(QStringLiteral("101"))->qualityScore, QStringLiteral("YELLOW"));

        insertEvent(QStringLiteral("template_category_update"),
            {{QStringLiteral("template_id"), QStringLiteral("101")},
                {QStringLiteral("previous_category"), QStringLiteral("UTILITY")},
                {QStringLiteral("new_category"), QStringLiteral("MARKETING")}});
        QCOMPARE(m_store->findById(QStringLiteral("101"))->category, QStringLiteral("MARKETING"));
        QCOMPARE(
            m_store->findById(QStringLiteral("101"))->previousCategory, QStringLiteral("UTILITY"));

        // Another template's events leave this one alone; DELETED removes the row.
        insertEvent(QStringLiteral("message_template_status_update"),
            {{QStringLiteral("template_id"), QStringLiteral("999")},
                {QStringLiteral("event"), QStringLiteral("DISABLED")},
                {QStringLiteral("timestamp"), t + 50}});
        QCOMPARE(status(QStringLiteral("101")), QStringLiteral("REJECTED"));
        insertEvent(QStringLiteral("message_template_status_update"),
            {{QStringLiteral("template_id"), QStringLiteral("101")},
                {QStringLiteral("event"), QStringLiteral("DELETED")},
                {QStringLiteral("timestamp"), t + 60}});
        QCOMPARE(status(QStringLiteral("101")), QStringLiteral("<gone>"));
    }

    void eventInTheSameSecondAsTheSync()
    {
        // Stored at x.700 s; Meta approves at x.900 s and the webhook says x (whole seconds).
        m_clock.setMs(1'750'000'000'700);
        QString error;
        QVERIFY(m_store->upsert(
            TemplateDefinition::fromGraphJson(tpl(QStringLiteral("102"), QStringLiteral("otp_code"),
                QStringLiteral("en"), QStringLiteral("PENDING"))),
            m_clock.nowMs(), &error));
        insertEvent(QStringLiteral("message_template_status_update"),
            {{QStringLiteral("template_id"), QStringLiteral("102")},
                {QStringLiteral("event"), QStringLiteral("APPROVED")},
                {QStringLiteral("timestamp"), m_clock.nowSecs()}});
        QCOMPARE(status(QStringLiteral("102")), QStringLiteral("APPROVED"));
        // One second earlier is older than the stored state.
        insertEvent(QStringLiteral("message_template_status_update"),
            {{QStringLiteral("template_id"), QStringLiteral("102")},
                {QStringLiteral("event"), QStringLiteral("REJECTED")},
                {QStringLiteral("timestamp"), m_clock.nowSecs() - 1}});
        QCOMPARE(status(QStringLiteral("102")), QStringLiteral("APPROVED"));
    }

    void syncFollowsCursors()
    {
        QString error;
        QVERIFY(m_store->upsert(TemplateDefinition::fromGraphJson(tpl(QStringLiteral("1"),
                                    QStringLiteral("gone_template"), QStringLiteral("en"))),
            m_clock.nowMs(), &error));
        RecordingGraph graph;
        graph.responder = [](const Call &call) {
            const QString after = call.query.queryItemValue(QStringLiteral("after"));
            if (after.isEmpty()) {
                return RecordingGraph::ok(page(
                    {tpl("10", "a", "en"), tpl("11", "a", "es")}, QStringLiteral("c1"), false));
            }
            if (after == QLatin1String("c1"))
                return RecordingGraph::ok(
                    page({tpl("12", "b", "en")}, QStringLiteral("c2"), false));
            return RecordingGraph::ok(
                page({tpl("13", "c", "en", "PENDING")}, QStringLiteral("c3"), true));
        };
        TemplateSync sync(&graph, m_store.get(), QStringLiteral("WABA1"), &m_clock);
        std::optional<TemplateSyncResult> result;
        sync.syncAll([&](const TemplateSyncResult &r) { result = r; }, 2);
        QVERIFY(result);
        QVERIFY(result->ok());
        QCOMPARE(result->pages, 3);
        QCOMPARE(result->templates, 4);
        QCOMPARE(graph.calls.size(), 3);
        QCOMPARE(graph.calls.at(0).path, QStringLiteral("WABA1/message_templates"));
        QCOMPARE(
            graph.calls.at(0).query.queryItemValue(QStringLiteral("limit")), QStringLiteral("2"));
        QVERIFY(graph.calls.at(0)
                    .query.queryItemValue(QStringLiteral("fields"))
                    .contains(QLatin1String("components")));
        QCOMPARE(
            graph.calls.at(1).query.queryItemValue(QStringLiteral("after")), QStringLiteral("c1"));
        QCOMPARE(
            graph.calls.at(2).query.queryItemValue(QStringLiteral("after")), QStringLiteral("c2"));
        QCOMPARE(m_store->list().size(), 4);
        QVERIFY(!m_store->findById(QStringLiteral("1"))); // no longer listed by Meta
        QCOMPARE(status(QStringLiteral("13")), QStringLiteral("PENDING"));

        // A failure on a later page keeps the store as it was.
        graph.calls.clear();
        graph.responder = [](const Call &call) {
            if (call.query.hasQueryItem(QStringLiteral("after")))
                return RecordingGraph::fail(400, 80007);
            return RecordingGraph::ok(page({tpl("20", "z", "en")}, QStringLiteral("c1"), false));
        };
        result.reset();
        sync.syncAll([&](const TemplateSyncResult &r) { result = r; });
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error.code, 80007);
        QCOMPARE(m_store->list().size(), 4);
        QVERIFY(!m_store->findById(QStringLiteral("20")));
    }

    void unknownTemplateResyncsOnce()
    {
        RecordingGraph graph;
        graph.responder = [](const Call &call) {
            // Meta's name filter also returns longer names.
            if (call.query.queryItemValue(QStringLiteral("name"))
                == QLatin1String("order_update")) {
                return RecordingGraph::ok(page(
                    {tpl("30", "order_update", "en_US"), tpl("31", "order_update_v2", "en_US")},
                    QStringLiteral("x"), true));
            }
            return RecordingGraph::ok(page({}, QStringLiteral("x"), true));
        };
        TemplateSync sync(&graph, m_store.get(), QStringLiteral("WABA1"), &m_clock);
        std::optional<TemplateFill> fill;
        sync.fillWithResync(QStringLiteral("order_update"), QStringLiteral("en_US"),
            {TemplateParam::bodyText({}, QStringLiteral("A-1"))},
            [&](const TemplateFill &f) { fill = f; });
        QVERIFY(fill);
        QVERIFY2(fill->ok(), qPrintable(fill->errorText()));
        QCOMPARE(graph.calls.size(), 1);
        QVERIFY(!m_store->find(QStringLiteral("order_update_v2"), QStringLiteral("en_US")));

        // Known now: no request. A language that does not exist: one re-sync, then refused.
        fill.reset();
        sync.fillWithResync(QStringLiteral("order_update"), QStringLiteral("en_US"),
            {TemplateParam::bodyText({}, QStringLiteral("A-1"))},
            [&](const TemplateFill &f) { fill = f; });
        QCOMPARE(graph.calls.size(), 1);
        fill.reset();
        sync.fillWithResync(QStringLiteral("order_update"), QStringLiteral("de"),
            {TemplateParam::bodyText({}, QStringLiteral("A-1"))},
            [&](const TemplateFill &f) { fill = f; });
        QCOMPARE(graph.calls.size(), 2);
        QVERIFY(fill && !fill->ok());
        QCOMPARE(fill->issues.first().code, TemplateIssue::Code::LanguageNotFound);
        QCOMPARE(fill->issues.first().message,
            QStringLiteral("template \"order_update\" does not exist in language de; it exists in "
                           "en_US"));
        QCOMPARE(fill->issues.first().metaErrorCode, 132001);

        fill.reset();
        sync.fillWithResync(QStringLiteral("nope"), QStringLiteral("en"), {},
            [&](const TemplateFill &f) { fill = f; });
        QCOMPARE(fill->issues.first().code, TemplateIssue::Code::TemplateNotFound);
    }

    void createChecksRulesThenStoresPending()
    {
        RecordingGraph graph;
        graph.responder = [](const Call &) {
            return RecordingGraph::ok({{QStringLiteral("id"), QStringLiteral("555")},
                {QStringLiteral("status"), QStringLiteral("PENDING")},
                {QStringLiteral("category"), QStringLiteral("UTILITY")}});
        };
        TemplateSync sync(&graph, m_store.get(), QStringLiteral("WABA1"), &m_clock);
        QJsonObject request = parley::test::readTemplateFixture(
            QStringLiteral("create/location_header_quick_reply.json"))
                                  .value(QLatin1String("request"))
                                  .toObject();

        QJsonObject bad = request;
        bad.insert(QStringLiteral("name"), QStringLiteral("Bad Name"));
        std::optional<TemplateAdminResult> result;
        sync.create(bad, [&](const TemplateAdminResult &r) { result = r; });
        QVERIFY(result && !result->ok());
        QCOMPARE(result->violations.first().rule, QStringLiteral("name.format"));
        QVERIFY(graph.calls.isEmpty());

        result.reset();
        sync.create(request, [&](const TemplateAdminResult &r) { result = r; });
        QVERIFY(result && result->ok());
        QCOMPARE(graph.calls.size(), 1);
        QCOMPARE(graph.calls.first().method, QByteArray("POST"));
        QCOMPARE(graph.calls.first().path, QStringLiteral("WABA1/message_templates"));
        QCOMPARE(graph.calls.first().body, request);
        const auto stored = m_store->findById(QStringLiteral("555"));
        QVERIFY(stored);
        QCOMPARE(stored->status, QStringLiteral("PENDING"));
        QCOMPARE(stored->headerFormat, QStringLiteral("LOCATION"));

        // Not sendable until the APPROVED webhook arrives.
        const QList<TemplateParam> params{TemplateParam::bodyText({}, QStringLiteral("Mark")),
            TemplateParam::bodyText({}, QStringLiteral("566701")), [] {
                TemplateParam p;
                QString e;
                TemplateParam::parse(QStringLiteral("header:location=37.48,-122.14,HQ"), &p, &e);
                return p;
            }()};
        QCOMPARE(fillTemplate(*m_store, QStringLiteral("order_delivery_update"),
                     QStringLiteral("en_US"), params)
                     .issues.first()
                     .code,
            TemplateIssue::Code::NotApproved);
        insertEvent(QStringLiteral("message_template_status_update"),
            {{QStringLiteral("template_id"), QStringLiteral("555")},
                {QStringLiteral("event"), QStringLiteral("APPROVED")},
                {QStringLiteral("timestamp"), m_clock.nowSecs() + 1}});
        const TemplateFill fill = fillTemplate(
            *m_store, QStringLiteral("order_delivery_update"), QStringLiteral("en_US"), params);
        QVERIFY2(fill.ok(), qPrintable(fill.errorText()));
    }

    void deleteAndEdit()
    {
        QString error;
        QVERIFY(m_store->upsert(TemplateDefinition::fromGraphJson(tpl("40", "promo", "en_US")),
            m_clock.nowMs(), &error));
        QVERIFY(
            m_store->upsert(TemplateDefinition::fromGraphJson(tpl("41", "promo", "es", "DISABLED")),
                m_clock.nowMs(), &error));
        RecordingGraph graph;
        graph.responder = [](const Call &call) {
            if (call.method == "GET")
                return RecordingGraph::ok(tpl("40", "promo", "en_US", "PENDING"));
            return RecordingGraph::ok({{QStringLiteral("success"), true}});
        };
        TemplateSync sync(&graph, m_store.get(), QStringLiteral("WABA1"), &m_clock);

        std::optional<TemplateAdminResult> result;
        sync.remove(QStringLiteral("promo"), {}, [&](const TemplateAdminResult &r) { result = r; });
        QVERIFY(result && !result->ok());
        QCOMPARE(result->violations.first().rule, QStringLiteral("delete.disabled"));
        QVERIFY(graph.calls.isEmpty());

        // Edit: recorded, re-read; the second edit within 24 hours is refused locally.
        const QJsonObject edit{{QStringLiteral("components"),
            QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("BODY")},
                {QStringLiteral("text"), QStringLiteral("Order {{1}} is on its way.")},
                {QStringLiteral("example"),
                    QJsonObject{{QStringLiteral("body_text"),
                        QJsonArray{QJsonArray{QStringLiteral("A-1")}}}}}}}}};
        result.reset();
        sync.edit(QStringLiteral("40"), edit, [&](const TemplateAdminResult &r) { result = r; });
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(TemplateRules::formatViolations(result->violations)));
        QCOMPARE(graph.calls.size(), 2);
        QCOMPARE(graph.calls.at(0).path, QStringLiteral("40"));
        QCOMPARE(graph.calls.at(1).method, QByteArray("GET"));
        QCOMPARE(m_store->editTimes(QStringLiteral("40")), QList<qint64>{m_clock.nowMs()});
        QCOMPARE(status(QStringLiteral("40")), QStringLiteral("PENDING"));
        // Approved again by webhook, then a second edit the same day.
        insertEvent(QStringLiteral("message_template_status_update"),
            {{QStringLiteral("template_id"), QStringLiteral("40")},
                {QStringLiteral("event"), QStringLiteral("APPROVED")},
                {QStringLiteral("timestamp"), m_clock.nowSecs() + 60}});
        m_clock.advanceMs(3600 * 1000);
        result.reset();
        sync.edit(QStringLiteral("40"), edit, [&](const TemplateAdminResult &r) { result = r; });
        QCOMPARE(result->violations.first().rule, QStringLiteral("edit.daily_limit"));
        QCOMPARE(graph.calls.size(), 2);

        // Delete one language by id: warned about the 30-day name reuse.
        result.reset();
        sync.remove(QStringLiteral("promo"), QStringLiteral("40"),
            [&](const TemplateAdminResult &r) { result = r; });
        QVERIFY(result && result->ok());
        QVERIFY(result->warning.contains(QLatin1String("30 days")));
        QCOMPARE(graph.calls.last().method, QByteArray("DELETE"));
        QCOMPARE(graph.calls.last().query.queryItemValue(QStringLiteral("name")),
            QStringLiteral("promo"));
        QCOMPARE(graph.calls.last().query.queryItemValue(QStringLiteral("hsm_id")),
            QStringLiteral("40"));
        QVERIFY(!m_store->findById(QStringLiteral("40")));
        QVERIFY(m_store->findById(QStringLiteral("41")));
    }
};

QTEST_GUILESS_MAIN(TestTemplateStore)
#include "tst_template_store.moc"
