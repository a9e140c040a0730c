// The real parleyctl serve process under concurrent signed load, killed with SIGKILL, restarted:
// every request that got a 200 must be in the journal and, once parsed, in messages; nothing
// may be stored twice.
#include "store/Database.h"
#include "webhook/HttpTestClient.h"
#include "webhook/Signature.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using namespace parley::core;
using parley::test::HttpTestClient;

namespace {

const QByteArray kSecret = "crash-test-secret";

QByteArray messageBody(const QByteArray &wamid)
{
    return R"({"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Load Test"},"wa_id":"16505550000"}],"messages":[{"from":"16505550000","id":")"
        + wamid + R"(","timestamp":"1749416383","type":"text","text":{"body":"load"}}]}}]}]})";
}

} // namespace

class TestServeCrash : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString m_metricsAddress;

    // Starts serve and returns its webhook port (0 on failure).
    quint16 startServe(QProcess &process, bool metrics = false)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("WA_APP_SECRET"), QString::fromLatin1(kSecret));
        process.setProcessEnvironment(env);
        process.setStandardErrorFile(
            m_dir.filePath(QStringLiteral("serve.log")), QIODevice::Append);
        process.start(QStringLiteral(PARLEYCTL_PATH),
            {QStringLiteral("serve"), QStringLiteral("--db"),
                m_dir.filePath(QStringLiteral("store.db")), QStringLiteral("--listen"),
                QStringLiteral("127.0.0.1:0"), QStringLiteral("--metrics-listen"),
                metrics ? QStringLiteral("127.0.0.1:0") : QStringLiteral("off")});
        if (!process.waitForStarted(10000))
            return 0;
        QByteArray line;
        while (!line.contains('\n')) {
            if (!process.waitForReadyRead(20000))
                return 0;
            line += process.readAllStandardOutput();
        }
        const QJsonObject ready = QJsonDocument::fromJson(line.trimmed()).object();
        m_metricsAddress = ready.value(QStringLiteral("metrics")).toString();
        return quint16(
            ready.value(QStringLiteral("webhooks")).toString().section(u':', -1).toUInt());
    }

private Q_SLOTS:
    void refusesToStartWithoutAppSecret()
    {
        QVERIFY(m_dir.isValid());
        QProcess serve;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("WA_APP_SECRET"));
        serve.setProcessEnvironment(env);
        serve.start(QStringLiteral(PARLEYCTL_PATH),
            {QStringLiteral("serve"), QStringLiteral("--db"),
                m_dir.filePath(QStringLiteral("nosecret.db")), QStringLiteral("--listen"),
                QStringLiteral("127.0.0.1:0")});
        QVERIFY(serve.waitForFinished(20000));
        QCOMPARE(serve.exitCode(), 2);
        QVERIFY(serve.readAllStandardError().contains("no app secret"));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("nosecret.db"))));
    }

    void acknowledgedRequestsSurviveKill9()
    {
        QVERIFY(m_dir.isValid());
        QProcess serve;
        const quint16 port = startServe(serve);
        QVERIFY2(port != 0, "serve did not start");

        constexpr int kClients = 8;
        std::atomic<bool> stop{false};
        std::atomic<int> acknowledged{0};
        std::mutex mutex;
        std::set<QByteArray> acked;
        std::vector<std::thread> clients;
        for (int c = 0; c < kClients; ++c) {
            clients.emplace_back([&, c] {
                HttpTestClient client(port);
                for (int i = 0; !stop.load(); ++i) {
                    const QByteArray wamid
                        = "wamid.crash." + QByteArray::number(c) + '.' + QByteArray::number(i);
                    const QByteArray body = messageBody(wamid);
                    const auto reply = client.post(
                        "/webhooks/whatsapp", body, Signature::headerFor(kSecret, body));
                    if (reply.status == 200) {
                        std::lock_guard lock(mutex);
                        acked.insert(wamid);
                        ++acknowledged;
                    } else if (reply.status == 0) {
                        break; // the server is gone
                    }
                }
            });
        }
        // Kill it mid-load, once a fair number of requests went through.
        QVERIFY(QTest::qWaitFor([&] { return acknowledged.load() >= 400; }, 60000));
        ::kill(pid_t(serve.processId()), SIGKILL);
        QVERIFY(serve.waitForFinished(10000));
        QCOMPARE(serve.exitStatus(), QProcess::CrashExit);
        stop = true;
        for (auto &t : clients)
            t.join();
        qInfo("%d requests acknowledged before SIGKILL", int(acked.size()));

        // Restart on the same store; the parse worker finishes what the killed one left.
        QProcess again;
        const quint16 port2 = startServe(again, true);
        QVERIFY2(port2 != 0, "serve did not restart");

        const QString dbPath = m_dir.filePath(QStringLiteral("store.db"));
        QString error;
        QSqlDatabase db
            = Database::open(dbPath, QStringLiteral("tst-crash"), &error, Database::withJournal());
        QVERIFY2(db.isOpen(), qPrintable(error));
        auto scalar = [&db](const QString &sql) {
            QSqlQuery q(db);
            return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
        };
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT count(*) FROM journal WHERE parse_state = 'pending'")), 0,
            30000);
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM journal WHERE parse_state = 'failed'")), 0);

        // Every journal body, by the wamid it carries: each at most once.
        std::map<QByteArray, int> journaled;
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT body FROM journal")));
            static const QRegularExpression re(
                QStringLiteral("\"id\":\"(wamid\\.crash\\.[0-9.]+)\""));
            while (q.next()) {
                const auto m = re.match(QString::fromUtf8(q.value(0).toByteArray()));
                QVERIFY(m.hasMatch());
                ++journaled[m.captured(1).toUtf8()];
            }
        }
        std::set<QByteArray> messages;
        {
            QSqlQuery q(db);
            QVERIFY(
                q.exec(QStringLiteral("SELECT id FROM messages WHERE id LIKE 'wamid.crash.%'")));
            while (q.next())
                messages.insert(q.value(0).toByteArray());
        }
        int missingFromJournal = 0;
        int missingFromMessages = 0;
        for (const QByteArray &wamid : acked) {
            missingFromJournal += journaled.count(wamid) == 0;
            missingFromMessages += messages.count(wamid) == 0;
        }
        QCOMPARE(missingFromJournal, 0);
        QCOMPARE(missingFromMessages, 0);
        for (const auto &[wamid, count] : journaled)
            QVERIFY2(count == 1, wamid.constData());
        // Requests in flight at the kill may have been committed without their 200: they are
        // kept too (Meta would retry them, and dedupe makes that harmless).
        QCOMPARE(qint64(messages.size()), qint64(journaled.size()));
        QVERIFY(journaled.size() >= acked.size());
        qInfo("%d journaled (%d in flight at the kill)", int(journaled.size()),
            int(journaled.size() - acked.size()));

        // The restarted server takes new work.
        const QByteArray body = messageBody("wamid.crash.after");
        QCOMPARE(HttpTestClient(port2)
                     .post("/webhooks/whatsapp", body, Signature::headerFor(kSecret, body))
                     .status,
            200);
        QTRY_COMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM messages WHERE id = 'wamid.crash.after'")),
            1);

        // Its metrics listener reports what happened.
        const quint16 metricsPort = quint16(m_metricsAddress.section(u':', -1).toUInt());
        QVERIFY(metricsPort != 0);
        auto scrape
            = [metricsPort] { return HttpTestClient(metricsPort).request("GET", "/metrics"); };
        QTRY_VERIFY(scrape().body.contains("parley_journal_backlog 0\n"));
        const auto metrics = scrape();
        QCOMPARE(metrics.status, 200);
        QVERIFY2(metrics.body.contains("parley_webhook_requests_total{result=\"journaled\"} 1\n"),
            metrics.body.constData());
        QVERIFY(metrics.body.contains("# TYPE parley_ingest_latency_seconds histogram"));
        QVERIFY(metrics.body.contains("parley_webhook_events_total{kind=\"message\"}"));

        db = QSqlDatabase();
        Database::close(QStringLiteral("tst-crash"));
        again.terminate(); // SIGTERM: a clean shutdown
        QVERIFY(again.waitForFinished(10000));
        QCOMPARE(again.exitStatus(), QProcess::NormalExit);
        QCOMPARE(again.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServeCrash)
#include "tst_servecrash.moc"
