// End to end over real HTTP on 127.0.0.1: `parleyctl sim` posts its webhooks to `parleyctl serve`,
// which verifies, journals and parses every one of them into a real SQLite store.
#include "SimTestSupport.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace parley::sim::test;

namespace {
QJsonObject j(const char *text)
{
    QByteArray b(text);
    b.replace('\'', '"');
    return QJsonDocument::fromJson(b).object();
}
} // namespace

class TestSimServeE2e : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_serve;
    QProcess m_sim;
    QUrl m_simUrl;
    QString m_webhookUrl;

    // Starts a parleyctl process and returns its first stdout line as JSON.
    static QJsonObject startProcess(QProcess &p, const QStringList &args)
    {
        p.setProcessChannelMode(QProcess::SeparateChannels);
        p.start(QStringLiteral(PARLEYCTL_PATH), args);
        if (!p.waitForStarted(10'000))
            return {};
        QByteArray line;
        waitFor(
            [&] {
                p.waitForReadyRead(50);
                line += p.readAllStandardOutput();
                return line.contains('\n') || p.state() == QProcess::NotRunning;
            },
            20'000);
        return QJsonDocument::fromJson(line.left(line.indexOf('\n'))).object();
    }

    QVariant queryValue(const QString &sql, const QString &bind)
    {
        QVariant result;
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("e2e"));
            db.setDatabaseName(m_dir.filePath(QStringLiteral("parley.db")));
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
            if (db.open()) {
                QSqlQuery q(db);
                q.prepare(sql);
                q.addBindValue(bind);
                if (q.exec() && q.next())
                    result = q.value(0);
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("e2e"));
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile secret(m_dir.filePath(QStringLiteral("app-secret")));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write("e2e-app-secret\n");
        secret.close();
        const QJsonObject serve = startProcess(m_serve,
            {QStringLiteral("serve"), QStringLiteral("--db"),
                m_dir.filePath(QStringLiteral("parley.db")), QStringLiteral("--listen"),
                QStringLiteral("127.0.0.1:0"), QStringLiteral("--metrics-listen"),
                QStringLiteral("off"), QStringLiteral("--app-secret-file"), secret.fileName()});
        const QString webhooks = serve.value(QLatin1String("webhooks")).toString();
        QVERIFY2(!webhooks.isEmpty(), m_serve.readAllStandardError().constData());
        m_webhookUrl = QStringLiteral("http://%1/webhooks/whatsapp").arg(webhooks);
        const QJsonObject sim = startProcess(m_sim,
            {QStringLiteral("sim"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                QStringLiteral("--webhook-url"), m_webhookUrl, QStringLiteral("--app-secret-file"),
                secret.fileName(), QStringLiteral("--status-delays-ms"),
                QStringLiteral("0,20,40")});
        m_simUrl = QUrl(sim.value(QLatin1String("base_url")).toString());
        QVERIFY2(
            m_simUrl.isValid() && !m_simUrl.isEmpty(), m_sim.readAllStandardError().constData());
    }

    void cleanupTestCase()
    {
        for (QProcess *p : {&m_sim, &m_serve}) {
            p->terminate();
            if (!p->waitForFinished(10'000))
                p->kill();
        }
    }

    void everyWebhookIsAcceptedAndParsed()
    {
        GraphClient client(m_simUrl);
        const Reply inbound = client.postRaw(QStringLiteral("/_sim/inbound"),
            "{\"from\":\"16505551234\",\"text\":\"hello from e2e\"}");
        QCOMPARE(inbound.status, 200);
        const QString inboundId = inbound.json.value(QLatin1String("id")).toString();

        const Reply text = client.post(QStringLiteral("/v23.0/106540352242922/messages"),
            j("{'messaging_product':'whatsapp','to':'16505551234','type':'text','text':{'body':'Hi "
              "there'}}"));
        QCOMPARE(text.status, 200);
        const QString textId = text.json.value(QLatin1String("messages"))
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(QLatin1String("id"))
                                   .toString();
        const Reply buttons = client.post(QStringLiteral("/v23.0/106540352242922/messages"),
            j("{'messaging_product':'whatsapp','to':'16505551234','type':'interactive','"
              "interactive':{'type':'button','body':{'text':'Pick'},'action':{'buttons':[{'type':'"
              "reply','reply':{'id':'a','title':'A'}}]}}}"));
        QCOMPARE(buttons.status, 200);
        const Reply late = client.post(QStringLiteral("/v23.0/106540352242922/messages"),
            j("{'messaging_product':'whatsapp','to':'16505550000','type':'text','text':{'body':'"
              "Outside the window'}}"));
        QCOMPARE(late.status, 200);
        const QString lateId = late.json.value(QLatin1String("messages"))
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(QLatin1String("id"))
                                   .toString();

        // 1 inbound + 3 statuses x 2 messages + 1 failed = 8 POSTs, every one answered 200.
        QVERIFY(waitFor(
            [&] {
                const QJsonObject hooks = client.get(QStringLiteral("/_sim/stats"))
                                              .json.value(QLatin1String("webhooks"))
                                              .toObject();
                return hooks.value(QLatin1String("delivered")).toInt() >= 8;
            },
            20'000));
        const QJsonArray posts = client.get(QStringLiteral("/_sim/webhooks"))
                                     .json.value(QLatin1String("data"))
                                     .toArray();
        QCOMPARE(posts.size(), 8);
        for (const QJsonValue &p : posts) {
            QCOMPARE(p.toObject().value(QLatin1String("last_http_status")).toInt(), 200);
            QCOMPARE(p.toObject().value(QLatin1String("attempts")).toInt(), 1);
        }

        // Parsed into the store: the inbound message, the delivery states, the failure.
        QVERIFY(waitFor(
            [&] {
                return queryValue(
                           QStringLiteral("SELECT direction FROM messages WHERE id = ?"), inboundId)
                           .toString()
                    == QLatin1String("in");
            },
            20'000));
        QVERIFY(waitFor(
            [&] {
                return queryValue(
                           QStringLiteral("SELECT status FROM message_status WHERE message_id = ?"),
                           textId)
                           .toString()
                    == QLatin1String("read");
            },
            20'000));
        QVERIFY(waitFor(
            [&] {
                return queryValue(QStringLiteral(
                                      "SELECT error_code FROM message_status WHERE message_id = ?"),
                           lateId)
                           .toInt()
                    == 131047;
            },
            20'000));
    }

    void wrongSecretIsRefusedAndRetried()
    {
        QProcess other;
        const QJsonObject sim = startProcess(other,
            {QStringLiteral("sim"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                QStringLiteral("--webhook-url"), m_webhookUrl,
                QStringLiteral("--webhook-retry-period-s"), QStringLiteral("600")});
        GraphClient client(QUrl(sim.value(QLatin1String("base_url")).toString()));
        QCOMPARE(client
                     .postRaw(QStringLiteral("/_sim/inbound"),
                         "{\"from\":\"16505551234\",\"text\":\"forged\"}")
                     .status,
            200);
        QVERIFY(waitFor(
            [&] {
                const QJsonObject hooks = client.get(QStringLiteral("/_sim/stats"))
                                              .json.value(QLatin1String("webhooks"))
                                              .toObject();
                return hooks.value(QLatin1String("failed_attempts")).toInt() >= 2;
            },
            20'000));
        const QJsonObject hooks = client.get(QStringLiteral("/_sim/stats"))
                                      .json.value(QLatin1String("webhooks"))
                                      .toObject();
        QCOMPARE(hooks.value(QLatin1String("delivered")).toInt(), 0);
        const int status = client.get(QStringLiteral("/_sim/webhooks"))
                               .json.value(QLatin1String("data"))
                               .toArray()
                               .first()
                               .toObject()
                               .value(QLatin1String("last_http_status"))
                               .toInt();
        QVERIFY2(status >= 400 && status < 500, qPrintable(QString::number(status)));
        other.terminate();
        other.waitForFinished(10'000);
    }
};

QTEST_GUILESS_MAIN(TestSimServeE2e)
#include "tst_sim_serve_e2e.moc"
