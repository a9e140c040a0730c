// parleyctl serve with an access token also drains the outbox: a message enqueued by a
// `parleyctl send` that has no token of its own is delivered by serve, through the simulator.
// With a WABA id it also syncs the templates.
#include "webhook/HttpTestClient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// The first JSON line a starting parleyctl prints on stdout.
QJsonObject readyLine(QProcess &process)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 15000) {
        if (process.canReadLine())
            return QJsonDocument::fromJson(process.readLine()).object();
        process.waitForReadyRead(100);
    }
    return {};
}

} // namespace

class TestServeDrain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serveDeliversWhatSendEnqueues()
    {
        QTemporaryDir dir;
        const QString secretPath = dir.filePath(QStringLiteral("secret"));
        QFile secret(secretPath);
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write("drain-test-secret\n");
        secret.close();
        const QString db = dir.filePath(QStringLiteral("store.db"));
        const quint16 servePort = freePort();
        const QString serveAddress = QStringLiteral("127.0.0.1:%1").arg(servePort);

        QProcess sim;
        // Logs go to files: an unread pipe would fill up and stall the process.
        sim.setStandardErrorFile(dir.filePath(QStringLiteral("sim.log")));
        sim.start(QStringLiteral(PARLEYCTL_PATH),
            {QStringLiteral("sim"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                QStringLiteral("--webhook-url"),
                QStringLiteral("http://%1/webhooks/whatsapp").arg(serveAddress),
                QStringLiteral("--app-secret-file"), secretPath});
        const QJsonObject simReady = readyLine(sim);
        const QString baseUrl = simReady.value(QStringLiteral("base_url")).toString();
        const QString phoneNumberId = simReady.value(QStringLiteral("phone_number_id")).toString();
        QVERIFY2(!baseUrl.isEmpty(), "simulator did not start");

        QProcessEnvironment serveEnv = QProcessEnvironment::systemEnvironment();
        serveEnv.insert(QStringLiteral("WA_TOKEN"), QStringLiteral("sim-access-token"));
        serveEnv.insert(QStringLiteral("WA_GRAPH_BASE_URL"), baseUrl);
        serveEnv.insert(QStringLiteral("WA_PHONE_NUMBER_ID"), phoneNumberId);
        serveEnv.insert(
            QStringLiteral("WA_WABA_ID"), simReady.value(QStringLiteral("waba_id")).toString());
        QProcess serve;
        serve.setProcessEnvironment(serveEnv);
        serve.setStandardErrorFile(dir.filePath(QStringLiteral("serve.log")));
        serve.start(QStringLiteral(PARLEYCTL_PATH),
            {QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
                serveAddress, QStringLiteral("--metrics-listen"), QStringLiteral("off"),
                QStringLiteral("--app-secret-file"), secretPath});
        const QJsonObject serveReady = readyLine(serve);
        QCOMPARE(serveReady.value(QStringLiteral("outbox")).toString(), QStringLiteral("draining"));
        QCOMPARE(
            serveReady.value(QStringLiteral("templates")).toString(), QStringLiteral("syncing"));
        {
            QSqlDatabase store
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            store.setDatabaseName(db);
            QVERIFY(store.open());
            // The simulator's seeded templates arrive with the first sync.
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    QSqlQuery q(store);
                    return q.exec(QStringLiteral(
                               "SELECT count(*) FROM templates WHERE name = 'hello_world'"))
                        && q.next() && q.value(0).toInt() > 0;
                }(),
                15000);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));

        // The customer writes first, so that the service window is open.
        parley::test::HttpTestClient simClient(QUrl(baseUrl).port());
        const auto inbound = simClient.request(
            "POST", "/_sim/inbound", "{\"from\":\"16505551234\",\"text\":\"hello\"}");
        QCOMPARE(inbound.status, 200);

        // send has no token: it can only enqueue, and waits for the drainer's outcome.
        QProcessEnvironment sendEnv = QProcessEnvironment::systemEnvironment();
        sendEnv.remove(QStringLiteral("WA_TOKEN"));
        sendEnv.insert(QStringLiteral("WA_PHONE_NUMBER_ID"), phoneNumberId);
        QJsonObject result;
        QElapsedTimer timer;
        timer.start();
        // serve registers as the store's drainer right after it starts; retry until it has.
        while (timer.elapsed() < 15000) {
            QProcess send;
            send.setProcessEnvironment(sendEnv);
            send.setStandardErrorFile(dir.filePath(QStringLiteral("send.log")));
            send.start(QStringLiteral(PARLEYCTL_PATH),
                {QStringLiteral("send"), QStringLiteral("--db"), db, QStringLiteral("--to"),
                    QStringLiteral("+16505551234"), QStringLiteral("--text"),
                    QStringLiteral("delivered by serve"), QStringLiteral("--wait"),
                    QStringLiteral("15")});
            QVERIFY(send.waitForFinished(30000));
            result = QJsonDocument::fromJson(send.readAllStandardOutput().split('\n').first())
                         .object();
            if (send.exitCode() == 0)
                break;
            QTest::qWait(200);
        }
        const QString state = result.value(QStringLiteral("state")).toString();
        QVERIFY2(QStringList({QStringLiteral("accepted"), QStringLiteral("sent"),
                                 QStringLiteral("delivered"), QStringLiteral("read")})
                     .contains(state),
            qPrintable(QJsonDocument(result).toJson(QJsonDocument::Compact)));
        QVERIFY(
            result.value(QStringLiteral("wamid")).toString().startsWith(QLatin1String("wamid.")));

        // The simulator accepted exactly one message to that customer.
        const auto messages = simClient.request("GET", "/_sim/messages?to=16505551234", {});
        QCOMPARE(messages.status, 200);
        const QJsonObject listed = QJsonDocument::fromJson(messages.body).object();
        QCOMPARE(listed.value(QStringLiteral("count")).toInt(), 1);

        serve.terminate();
        QVERIFY(serve.waitForFinished(10000));
        sim.terminate();
        QVERIFY(sim.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(TestServeDrain)
#include "tst_servedrain.moc"
