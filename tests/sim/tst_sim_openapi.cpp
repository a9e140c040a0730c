// Data-driven from Meta's OpenAPI spec (fixtures/sim/openapi-examples.json, extracted by
// fixtures/sim/extract_openapi_examples.py): every request example of the messages, media and
// message_templates paths is accepted, and invalid variants of each are refused with the code
// Meta documents.
#include "SimTestSupport.h"

#include "common/Clock.h"
#include "sim/Simulator.h"

#include <QFile>
#include <QTest>

using namespace parley;
using namespace parley::sim;
using namespace parley::sim::test;

namespace {
const QString kMessages = QStringLiteral("/v23.0/106540352242922/messages");
const QString kMedia = QStringLiteral("/v23.0/106540352242922/media");
const QString kTemplates = QStringLiteral("/v23.0/102290129340398/message_templates");
const QString kRecipient = QStringLiteral("16505551234");

QJsonArray examples()
{
    QFile f(QStringLiteral(PARLEY_SOURCE_DIR "/fixtures/sim/openapi-examples.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).array();
}

// Replaces the spec placeholders that stand for values of the caller's account.
QJsonValue substitute(const QJsonValue &v)
{
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            it.value() = substitute(it.value());
        return o;
    }
    if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            a[i] = substitute(a[i]);
        return a;
    }
    if (v.isString() && v.toString().startsWith(QLatin1String("{{Recipient-")))
        return kRecipient;
    return v;
}

// An approved template that matches what a send example asks for, so that the example's own
// template exists in the simulated WABA.
QJsonObject templateFor(const QJsonObject &send)
{
    const QJsonObject t = send.value(QLatin1String("template")).toObject();
    QJsonArray components;
    QJsonArray buttons;
    bool named = false;
    for (const QJsonValue &cv : t.value(QLatin1String("components")).toArray()) {
        const QJsonObject c = cv.toObject();
        const QString type = c.value(QLatin1String("type")).toString().toLower();
        const QJsonArray params = c.value(QLatin1String("parameters")).toArray();
        auto variables = [&]() -> QString {
            QString text = QStringLiteral("Text");
            for (qsizetype i = 0; i < params.size(); ++i) {
                const QString pn
                    = params[i].toObject().value(QLatin1String("parameter_name")).toString();
                named = named || !pn.isEmpty();
                text += QStringLiteral(" {{%1}} and")
                            .arg(pn.isEmpty() ? QString::number(i + 1) : pn);
            }
            return text + QStringLiteral(" more.");
        };
        if (type == QLatin1String("body")) {
            components.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("BODY")},
                {QStringLiteral("text"), variables()}});
        } else if (type == QLatin1String("header")) {
            const QString ptype = params.first().toObject().value(QLatin1String("type")).toString();
            if (ptype == QLatin1String("text"))
                components.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("HEADER")},
                    {QStringLiteral("format"), QStringLiteral("TEXT")},
                    {QStringLiteral("text"), variables()}});
            else
                components.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("HEADER")},
                    {QStringLiteral("format"), ptype.toUpper()}});
        } else if (type == QLatin1String("button")) {
            const QString sub = c.value(QLatin1String("sub_type")).toString().toLower();
            QJsonObject b{{QStringLiteral("text"), QStringLiteral("Button")}};
            if (sub == QLatin1String("url")) {
                b.insert(QStringLiteral("type"), QStringLiteral("URL"));
                b.insert(QStringLiteral("url"), QStringLiteral("https://example.com/{{1}}"));
            } else {
                b.insert(QStringLiteral("type"), sub.toUpper());
            }
            buttons.append(b);
        }
    }
    if (!buttons.isEmpty())
        components.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("BUTTONS")},
            {QStringLiteral("buttons"), buttons}});
    return {{QStringLiteral("name"), t.value(QLatin1String("name"))},
        {QStringLiteral("language"),
            t.value(QLatin1String("language")).toObject().value(QLatin1String("code"))},
        {QStringLiteral("category"), QStringLiteral("UTILITY")},
        {QStringLiteral("parameter_format"),
            named ? QStringLiteral("named") : QStringLiteral("positional")},
        {QStringLiteral("components"), components}};
}

QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(PARLEY_SOURCE_DIR "/fixtures/sim/media/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestSimOpenApi : public QObject
{
    Q_OBJECT

private:
    core::ManualClock m_clock;
    std::unique_ptr<Simulator> m_sim;
    std::unique_ptr<GraphClient> m_client;

    void addRows(const char *path)
    {
        QTest::addColumn<QJsonObject>("body");
        const QJsonArray all = examples();
        QVERIFY(!all.isEmpty());
        for (const QJsonValue &e : all) {
            const QJsonObject o = e.toObject();
            if (o.value(QLatin1String("path")).toString() == QLatin1String(path))
                QTest::newRow(qPrintable(o.value(QLatin1String("name")).toString()))
                    << substitute(o.value(QLatin1String("body"))).toObject();
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        SimConfig config;
        config.clock = &m_clock;
        config.pairRateBurst = 0;
        config.seedDefaultTemplates = false; // every example brings its own template
        m_sim = std::make_unique<Simulator>(config);
        QVERIFY(m_sim->start());
        m_client = std::make_unique<GraphClient>(m_sim->baseUrl());
    }
    void cleanupTestCase()
    {
        m_client.reset();
        m_sim.reset();
    }
    void init() { m_sim->reset(); }

    void specHasTheExamples()
    {
        QHash<QString, int> counts;
        for (const QJsonValue &e : examples())
            ++counts[e.toObject().value(QLatin1String("path")).toString()];
        QCOMPARE(counts.value(QStringLiteral("/{Version}/{Phone-Number-ID}/messages")), 50);
        QCOMPARE(counts.value(QStringLiteral("/{Version}/{WABA-ID}/message_templates")), 11);
        QCOMPARE(counts.value(QStringLiteral("/{Version}/{Phone-Number-ID}/media")), 3);
    }

    void messageExampleIsAccepted_data() { addRows("/{Version}/{Phone-Number-ID}/messages"); }
    void messageExampleIsAccepted()
    {
        QFETCH(QJsonObject, body);
        if (body.contains(QLatin1String("template")))
            m_sim->addTemplate(templateFor(body));
        const Reply r = m_client->post(kMessages, body);
        QVERIFY2(r.status == 200, r.body.constData());
        if (body.contains(QLatin1String("status"))) {
            QCOMPARE(r.json.value(QLatin1String("success")).toBool(), true);
        } else {
            const QString id = r.json.value(QLatin1String("messages"))
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(QLatin1String("id"))
                                   .toString();
            QVERIFY(id.startsWith(QLatin1String("wamid.")));
            QCOMPARE(r.json.value(QLatin1String("contacts"))
                         .toArray()
                         .first()
                         .toObject()
                         .value(QLatin1String("input"))
                         .toString(),
                body.value(QLatin1String("to")).toString());
        }
    }

    void messageExampleVariantsAreRefused_data()
    {
        addRows("/{Version}/{Phone-Number-ID}/messages");
    }
    void messageExampleVariantsAreRefused()
    {
        QFETCH(QJsonObject, body);
        if (body.contains(QLatin1String("template")))
            m_sim->addTemplate(templateFor(body));
        QJsonObject noProduct = body;
        noProduct.remove(QStringLiteral("messaging_product"));
        QCOMPARE(m_client->post(kMessages, noProduct).errorCode(), 100);
        if (body.contains(QLatin1String("status"))) {
            QJsonObject noId = body;
            noId.remove(QStringLiteral("message_id"));
            QCOMPARE(m_client->post(kMessages, noId).errorCode(), 100);
            return;
        }
        QJsonObject noTo = body;
        noTo.remove(QStringLiteral("to"));
        QCOMPARE(m_client->post(kMessages, noTo).errorCode(), 100);
        // Two examples leave `type` out; the message object present says what it is.
        const QString type = body.value(QLatin1String("type"))
                                 .toString(body.contains(QLatin1String("interactive"))
                                         ? QStringLiteral("interactive")
                                         : QStringLiteral("text"));
        QJsonObject noPayload = body;
        noPayload.remove(type);
        QCOMPARE(m_client->post(kMessages, noPayload).errorCode(), 131008);
        QJsonObject unknownType = body;
        unknownType.insert(QStringLiteral("type"), QStringLiteral("hologram"));
        QCOMPARE(m_client->post(kMessages, unknownType).errorCode(), 131051);
        if (type == QLatin1String("template")) {
            m_sim->reset(); // the template no longer exists
            const Reply r = m_client->post(kMessages, body);
            QCOMPARE(r.errorCode(), 132001);
            QCOMPARE(r.status, 404);
        }
        QCOMPARE(m_sim->acceptedMessages().size(), 0);
    }

    void mediaExampleIsAccepted_data() { addRows("/{Version}/{Phone-Number-ID}/media"); }
    void mediaExampleIsAccepted()
    {
        QFETCH(QJsonObject, body);
        // "file": "@/local/path/file.jpg;type=image/jpeg" is curl's notation for the file part.
        const QString file = body.value(QLatin1String("file")).toString();
        QString type = file.section(QStringLiteral(";type="), 1);
        if (!type.contains(u'/'))
            type = type == QLatin1String("ogg") ? QStringLiteral("audio/ogg")
                                                : QStringLiteral("image/") + type;
        const QString ext = file.section(u';', 0, 0).section(u'.', -1);
        QByteArray data = fixture(ext == QLatin1String("jpg") ? QStringLiteral("photo.jpg")
                : ext == QLatin1String("ogg")                 ? QStringLiteral("voice.ogg")
                                                              : QString());
        if (data.isEmpty())
            data = QByteArray("RIFF\x1a\0\0\0WEBPVP8L", 16)
                + QByteArray(14, '\0'); // a token sticker
        const Reply ok = m_client->upload(kMedia, data, type.toLatin1(), type.toLatin1());
        QVERIFY2(ok.status == 200, ok.body.constData());
        QVERIFY(!ok.json.value(QLatin1String("id")).toString().isEmpty());
        QCOMPARE(
            m_client->upload(kMedia, data, type.toLatin1(), type.toLatin1(), false).errorCode(),
            100);
        QCOMPARE(m_client->upload(kMedia, data, "image/gif", "image/gif").errorCode(), 131053);
    }

    void templateCreateExampleIsAccepted_data()
    {
        addRows("/{Version}/{WABA-ID}/message_templates");
    }
    void templateCreateExampleIsAccepted()
    {
        QFETCH(QJsonObject, body);
        if (body.value(QLatin1String("name")).toString().startsWith(u'<'))
            body.insert(QStringLiteral("name"), QStringLiteral("example_template"));
        const Reply r = m_client->post(kTemplates, body);
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json.value(QLatin1String("status")).toString(), QStringLiteral("PENDING"));
        QCOMPARE(r.json.value(QLatin1String("category")).toString(),
            body.value(QLatin1String("category")).toString());

        QJsonObject badName = body;
        badName.insert(QStringLiteral("name"), QStringLiteral("Not A Valid Name"));
        QCOMPARE(m_client->post(kTemplates, badName).errorCode(), 100);
        QJsonObject badCategory = body;
        badCategory.insert(QStringLiteral("category"), QStringLiteral("NEWSLETTER"));
        QCOMPARE(m_client->post(kTemplates, badCategory).errorCode(), 100);
        QJsonObject noComponents = body;
        noComponents.remove(QStringLiteral("components"));
        noComponents.insert(QStringLiteral("name"), QStringLiteral("another_name"));
        QCOMPARE(m_client->post(kTemplates, noComponents).errorCode(), 100);
    }

    void templateEditExampleIsAccepted_data() { addRows("/{Version}/{TEMPLATE_ID}"); }
    void templateEditExampleIsAccepted()
    {
        QFETCH(QJsonObject, body);
        const QString id = m_sim->addTemplate(body, QStringLiteral("APPROVED"));
        const Reply r = m_client->post(QStringLiteral("/v23.0/") + id, body);
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json.value(QLatin1String("success")).toBool(), true);
        // Edited in place: same id, back to review.
        QCOMPARE(m_client->get(QStringLiteral("/v23.0/") + id)
                     .json.value(QLatin1String("status"))
                     .toString(),
            QStringLiteral("PENDING"));
        QJsonObject otherCategory = body;
        otherCategory.insert(QStringLiteral("category"), QStringLiteral("UTILITY"));
        const QString id2 = m_sim->addTemplate(body, QStringLiteral("APPROVED"));
        QCOMPARE(m_client->post(QStringLiteral("/v23.0/") + id2, otherCategory).errorCode(), 100);
    }
};

QTEST_GUILESS_MAIN(TestSimOpenApi)
#include "tst_sim_openapi.moc"
