// Media endpoints of the simulated Cloud API: multipart upload checked per FACTS.md section 4,
// lookup URL valid for 5 minutes on the injected clock, download with the bearer token, delete.
#include "SimTestSupport.h"

#include "common/Clock.h"
#include "sim/Simulator.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTest>

using namespace parley;
using namespace parley::sim;
using namespace parley::sim::test;

namespace {
const QString kMedia = QStringLiteral("/v23.0/106540352242922/media");

QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(PARLEY_SOURCE_DIR "/fixtures/sim/media/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestSimMedia : public QObject
{
    Q_OBJECT

private:
    core::ManualClock m_clock;
    std::unique_ptr<Simulator> m_sim;
    std::unique_ptr<GraphClient> m_client;

private Q_SLOTS:
    void init()
    {
        SimConfig config;
        config.clock = &m_clock;
        m_sim = std::make_unique<Simulator>(config);
        QVERIFY(m_sim->start());
        m_client = std::make_unique<GraphClient>(m_sim->baseUrl());
    }
    void cleanup()
    {
        m_client.reset();
        m_sim.reset();
    }

    void uploadLookupDownloadDelete()
    {
        const QByteArray jpeg = fixture("photo.jpg");
        QVERIFY(!jpeg.isEmpty());
        const Reply up = m_client->upload(kMedia, jpeg, "image/jpeg", "image/jpeg");
        QCOMPARE(up.status, 200);
        const QString id = up.json.value(QLatin1String("id")).toString();
        QVERIFY(!id.isEmpty());

        const Reply info = m_client->get(QStringLiteral("/v23.0/") + id);
        QCOMPARE(info.status, 200);
        QCOMPARE(info.json.value(QLatin1String("id")).toString(), id);
        QCOMPARE(
            info.json.value(QLatin1String("mime_type")).toString(), QStringLiteral("image/jpeg"));
        QCOMPARE(info.json.value(QLatin1String("file_size")).toString(),
            QString::number(jpeg.size())); // a string, as Meta sends it
        QCOMPARE(info.json.value(QLatin1String("sha256")).toString(),
            QString::fromLatin1(
                QCryptographicHash::hash(jpeg, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(info.json.value(QLatin1String("messaging_product")).toString(),
            QStringLiteral("whatsapp"));
        const QUrl url(info.json.value(QLatin1String("url")).toString());
        QVERIFY(url.isValid());

        const Reply download = m_client->send("GET", url);
        QCOMPARE(download.status, 200);
        QCOMPARE(download.body, jpeg);
        QCOMPARE(download.contentType, QByteArray("image/jpeg"));

        // Without the bearer token the download fails.
        GraphClient anonymous(m_sim->baseUrl(), QString());
        QCOMPARE(anonymous.send("GET", url).status, 401);

        // The URL expires after 5 minutes; a new lookup gives a fresh one.
        m_clock.advanceMs(5 * 60 * 1000 - 1);
        QCOMPARE(m_client->send("GET", url).status, 200);
        m_clock.advanceMs(1);
        QCOMPARE(m_client->send("GET", url).status, 404);
        const QUrl fresh(m_client->get(QStringLiteral("/v23.0/") + id)
                             .json.value(QLatin1String("url"))
                             .toString());
        QCOMPARE(m_client->send("GET", fresh).status, 200);

        // Lookup restricted to another phone number id is refused.
        QCOMPARE(
            m_client->get(QStringLiteral("/v23.0/%1?phone_number_id=42").arg(id)).errorCode(), 100);

        const Reply del = m_client->del(QStringLiteral("/v23.0/") + id);
        QCOMPARE(del.status, 200);
        QCOMPARE(del.json.value(QLatin1String("success")).toBool(), true);
        const Reply gone = m_client->get(QStringLiteral("/v23.0/") + id);
        QCOMPARE(gone.status, 400);
        QCOMPARE(gone.errorCode(), 100);
        QCOMPARE(gone.error().value(QLatin1String("error_subcode")).toInt(), 33);
        QCOMPARE(m_client->send("GET", fresh).status, 404);
    }

    void uploadRules_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("mime");
        QTest::addColumn<bool>("withProduct");
        QTest::addColumn<int>("code");
        QTest::newRow("png") << fixture("photo.png") << QByteArray("image/png") << true << 0;
        QTest::newRow("pdf") << fixture("invoice.pdf") << QByteArray("application/pdf") << true
                             << 0;
        QTest::newRow("ogg opus") << fixture("voice.ogg") << QByteArray("audio/ogg") << true << 0;
        QTest::newRow("gif not supported")
            << QByteArray("GIF89a") << QByteArray("image/gif") << true << 131053;
        QTest::newRow("image over 5 MB")
            << QByteArray(5 * 1024 * 1024 + 1, 'x') << QByteArray("image/jpeg") << true << 131053;
        QTest::newRow("sticker over 500 KB")
            << QByteArray(500 * 1024 + 1, 'x') << QByteArray("image/webp") << true << 131053;
        QTest::newRow("no messaging_product")
            << fixture("photo.png") << QByteArray("image/png") << false << 100;
    }

    void uploadRules()
    {
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, mime);
        QFETCH(bool, withProduct);
        QFETCH(int, code);
        const Reply r = m_client->upload(kMedia, data, mime, mime, withProduct);
        QCOMPARE(r.errorCode(), code);
        QCOMPARE(r.status, code ? 400 : 200);
    }

    void sendByUnknownMediaIdFailsAsynchronously()
    {
        m_sim->customerWritesText(QStringLiteral("16505551234"), QStringLiteral("hi"));
        const Reply r = m_client->post(QStringLiteral("/v23.0/106540352242922/messages"),
            QJsonObject{{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
                {QStringLiteral("to"), QStringLiteral("16505551234")},
                {QStringLiteral("type"), QStringLiteral("image")},
                {QStringLiteral("image"),
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("404404")}}}});
        QCOMPARE(r.status, 200);
        m_clock.advanceMs(200);
        m_sim->runDueEvents();
        const QList<SimWebhook> hooks = m_sim->webhooks();
        QVERIFY(!hooks.isEmpty());
        QVERIFY(hooks.last().body.contains("131053"));
        QVERIFY(hooks.last().body.contains("\"failed\""));
    }
};

QTEST_GUILESS_MAIN(TestSimMedia)
#include "tst_sim_media.moc"
