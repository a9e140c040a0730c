// parleyctl serve with an access token, against the simulator over real HTTP: inbound media is
// fetched as soon as its webhook is stored (an expired webhook URL refreshed, sha256 checked, the
// file in <db>.media by content), a media that cannot be fetched is retried and then visible as
// failed (`parleyctl media list`, /metrics), and the send pipeline's metrics are on /metrics.
#include "common/Clock.h"
#include "graph/GraphClient.h"
#include "outbox/MessageBuilder.h"
#include "outbox/OutboxStore.h"
#include "secrets/SecretStore.h"
#include "sim/Simulator.h"
#include "store/Database.h"
#include "webhook/HttpTestClient.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace parley::core;
using parley::sim::SimConfig;
using parley::sim::Simulator;

namespace {

const QString kNumber = QString::fromLatin1(SimConfig::DefaultPhoneNumberId);
const QString kCustomer = QStringLiteral("16505551234");

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QByteArray png()
{
    return QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AA"
                                  "AAMBAQDJ/pLvAAAAAElFTkSuQmCC");
}

// The value of one sample line of a Prometheus exposition ("name{labels} value"), or -1.
double sample(const QByteArray &exposition, const QByteArray &nameAndLabels)
{
    for (const QByteArray &line : exposition.split('\n')) {
        if (line.startsWith(QByteArray(nameAndLabels + ' ')))
            return line.mid(nameAndLabels.size() + 1).toDouble();
    }
    return -1;
}

} // namespace

class TestMediaServe : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    template <typename F>
    GraphResult await(F start)
    {
        GraphResult result;
        bool done = false;
        start([&](const GraphResult &r) {
            result = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10'000))
            result.error = GraphError::network(QStringLiteral("no answer in 10 s"));
        return result;
    }

private Q_SLOTS:
    void serveFetchesInboundMediaAndExportsSendMetrics()
    {
        QVERIFY(m_dir.isValid());
        const QString secretPath = m_dir.filePath(QStringLiteral("secret"));
        QFile secret(secretPath);
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write(SimConfig::DefaultAppSecret);
        secret.close();
        const QString db = m_dir.filePath(QStringLiteral("store.db"));
        const quint16 servePort = freePort();

        ManualClock simClock(QDateTime::currentMSecsSinceEpoch());
        SimConfig cfg;
        cfg.clock = &simClock;
        Simulator sim(cfg);
        QVERIFY(sim.start());
        sim.setWebhookUrl(
            QUrl(QStringLiteral("http://127.0.0.1:%1/webhooks/whatsapp").arg(servePort)));

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("WA_TOKEN"), QString::fromLatin1(SimConfig::DefaultAccessToken));
        env.insert(QStringLiteral("WA_GRAPH_BASE_URL"), sim.baseUrl().toString());
        env.insert(QStringLiteral("WA_PHONE_NUMBER_ID"), kNumber);
        env.remove(QStringLiteral("WA_WABA_ID"));
        env.insert(QStringLiteral("PARLEY_MEDIA_RETRY_MS"), QStringLiteral("50"));
        QProcess serve;
        serve.setProcessEnvironment(env);
        serve.setStandardErrorFile(m_dir.filePath(QStringLiteral("serve.log")));
        serve.start(QStringLiteral(PARLEYCTL_PATH),
            {QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
                QStringLiteral("127.0.0.1:%1").arg(servePort), QStringLiteral("--metrics-listen"),
                QStringLiteral("127.0.0.1:0"), QStringLiteral("--app-secret-file"), secretPath});
        QTRY_VERIFY_WITH_TIMEOUT(serve.canReadLine(), 20'000);
        const QJsonObject ready = QJsonDocument::fromJson(serve.readLine()).object();
        QCOMPARE(ready.value(QLatin1String("outbox")).toString(), QStringLiteral("draining"));
        QCOMPARE(
            ready.value(QLatin1String("media_cache")).toString(), db + QStringLiteral(".media"));
        const quint16 metricsPort
            = quint16(ready.value(QLatin1String("metrics")).toString().section(u':', -1).toUInt());
        QVERIFY(metricsPort > 0);

        // Two uploads of the image to the simulated Meta.
        MemorySecretStore secrets;
        secrets.write(QString::fromLatin1(SecretStore::AccessToken),
            QString::fromLatin1(SimConfig::DefaultAccessToken));
        GraphConfig gc;
        gc.baseUrl = sim.baseUrl();
        GraphClient graph(gc, &secrets);
        const QString file = m_dir.filePath(QStringLiteral("dot.png"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(png());
        f.close();
        GraphUpload u;
        u.filePath = file;
        u.mimeType = QStringLiteral("image/png");
        u.fields = {{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
            {QStringLiteral("type"), QStringLiteral("image/png")}};
        auto upload = [&] {
            return await(
                [&](auto done) { graph.upload(kNumber + QStringLiteral("/media"), u, this, done); })
                .body.value(QLatin1String("id"))
                .toString();
        };
        const QString good = upload();
        const QString gone = upload();
        QVERIFY(!good.isEmpty() && !gone.isEmpty());
        const GraphResult lookup = await([&](auto done) { graph.get(good, {}, this, done); });
        const QString url = lookup.body.value(QLatin1String("url")).toString();
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(png(), QCryptographicHash::Sha256).toHex());
        QVERIFY(!url.isEmpty());
        // The second one disappears at Meta before serve can fetch it.
        QCOMPARE(await([&](auto done) { graph.remove(gone, {}, this, done); }).httpStatus, 200);

        // The webhook's URL has expired by the time serve sees it (5 minutes).
        simClock.advanceMs(6 * 60 * 1000);
        sim.customerWrites(kCustomer,
            QJsonObject{{QStringLiteral("type"), QStringLiteral("image")},
                {QStringLiteral("image"),
                    QJsonObject{{QStringLiteral("id"), good},
                        {QStringLiteral("mime_type"), QStringLiteral("image/png")},
                        {QStringLiteral("sha256"), sha}, {QStringLiteral("url"), url}}}});
        sim.customerWrites(kCustomer,
            QJsonObject{{QStringLiteral("type"), QStringLiteral("image")},
                {QStringLiteral("image"),
                    QJsonObject{{QStringLiteral("id"), gone},
                        {QStringLiteral("mime_type"), QStringLiteral("image/png")},
                        {QStringLiteral("sha256"), sha}}}});

        QString error;
        QSqlDatabase store = Database::open(db, QStringLiteral("check"), &error);
        QVERIFY2(store.isValid(), qPrintable(error));
        auto cacheRow = [&](const QString &id, int *attempts) {
            QSqlQuery q(store);
            q.prepare(QStringLiteral("SELECT state, attempts FROM media_cache WHERE media_id = ?"));
            q.addBindValue(id);
            if (!q.exec() || !q.next())
                return QString();
            *attempts = q.value(1).toInt();
            return q.value(0).toString();
        };
        int attempts = 0;
        QTRY_COMPARE_WITH_TIMEOUT(cacheRow(good, &attempts), QStringLiteral("fetched"), 20'000);
        const QString cached = db + QStringLiteral(".media/") + sha.left(2) + u'/' + sha;
        QFile c(cached);
        QVERIFY2(c.open(QIODevice::ReadOnly), qPrintable(cached));
        QCOMPARE(c.readAll(), png());
        // Retried (50 ms, 100 ms, 200 ms, 400 ms here), then left failed.
        QTRY_VERIFY_WITH_TIMEOUT(
            cacheRow(gone, &attempts) == QLatin1String("failed") && attempts == 5, 20'000);

        // Visible from the command line.
        QProcess list;
        list.setStandardErrorFile(m_dir.filePath(QStringLiteral("list.log")));
        list.start(QStringLiteral(PARLEYCTL_PATH),
            {QStringLiteral("media"), QStringLiteral("--db"), db, QStringLiteral("list"),
                QStringLiteral("--state"), QStringLiteral("failed")});
        QVERIFY(list.waitForFinished(20'000));
        QCOMPARE(list.exitCode(), 0);
        const QList<QByteArray> lines = list.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        const QJsonObject failed = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(failed.value(QLatin1String("media_id")).toString(), gone);
        QCOMPARE(failed.value(QLatin1String("attempts")).toInt(), 5);
        QVERIFY(!failed.value(QLatin1String("error")).toString().isEmpty());

        // Two sends through serve's outbox: one accepted, one Meta refuses (empty text body).
        {
            OutboxStore outbox(store, Clock::system());
            OutgoingMessage m;
            m.phoneNumberId = kNumber;
            m.recipient.phone = QStringLiteral("+") + kCustomer;
            m.message = MessageBuilder::text(QStringLiteral("your photo arrived")).message;
            QVERIFY(outbox.enqueue(m, true).created);
            OutgoingMessage bad = m;
            bad.message = QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                {QStringLiteral("text"), QJsonObject{{QStringLiteral("body"), QString()}}}};
            QVERIFY(outbox.enqueue(bad, true).created);
            auto settled = [&] {
                QSqlQuery q(store);
                return q.exec(QStringLiteral(
                           "SELECT COUNT(*) FROM outbox WHERE state NOT IN ('queued', 'sending')"))
                    && q.next() && q.value(0).toInt() == 2;
            };
            QTRY_VERIFY_WITH_TIMEOUT(settled(), 20'000);
        }

        parley::test::HttpTestClient metrics(metricsPort);
        // Gauges are refreshed once a second by the drainer.
        QByteArray body;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                body = metrics.request("GET", "/metrics").body;
                return sample(body, "parley_outbox_queued") == 0;
            }(),
            10'000);
        QCOMPARE(sample(body, "parley_media_fetch_total{outcome=\"fetched\"}"), 1.0);
        QCOMPARE(sample(body, "parley_media_fetch_total{outcome=\"retry\"}"), 4.0);
        QCOMPARE(sample(body, "parley_media_fetch_total{outcome=\"failed\"}"), 1.0);
        QVERIFY(sample(body, "parley_media_fetch_bytes_total") >= png().size());
        QCOMPARE(sample(body, "parley_send_latency_seconds_count{type=\"text\"}"), 2.0);
        QCOMPARE(sample(body,
                     "parley_send_outcomes_total{type=\"text\",outcome=\"accepted\",code=\"0\"}"),
            1.0);
        // The refused one, by its error code.
        const QRegularExpression failedLine(QStringLiteral(
            "parley_send_outcomes_total\\{type=\"text\",outcome=\"failed\",code=\"(\\d+)\"\\} 1"));
        const auto match = failedLine.match(QString::fromUtf8(body));
        QVERIFY2(match.hasMatch(), body.constData());
        QVERIFY(match.captured(1) != QLatin1String("0"));
        QCOMPARE(sample(body, "parley_outbox_oldest_queued_age_seconds"), 0.0);
        QCOMPARE(sample(body, "parley_outbox_rows{state=\"dead\"}"), 0.0);
        QCOMPARE(sample(body, "parley_outbox_rows{state=\"unknown\"}"), 0.0);
        QCOMPARE(sample(body, "parley_send_retries_total"), 0.0);
        QCOMPARE(sample(body, "parley_send_dead_total"), 0.0);
        QCOMPARE(sample(body, "parley_send_throttle_wait_seconds_total{scope=\"number\"}"), 0.0);
        QCOMPARE(sample(body, "parley_send_numbers_paused"), 0.0);
        QVERIFY(sample(body, "parley_send_in_flight") >= 0);

        store = QSqlDatabase();
        Database::close(QStringLiteral("check"));
        serve.terminate();
        QVERIFY(serve.waitForFinished(10'000));
        // Every log line about those sends names its outbox row.
        QFile log(m_dir.filePath(QStringLiteral("serve.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray logs = log.readAll();
        QVERIFY2(logs.contains("\"msg\":\"outbox 2 attempt 1 type=text code="),
            logs.right(2000).constData());
    }
};

QTEST_GUILESS_MAIN(TestMediaServe)
#include "tst_media_serve.moc"
