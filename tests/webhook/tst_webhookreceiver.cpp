// The webhook listener over real HTTP on 127.0.0.1 with a real SQLite store: verification,
// signature before anything else, journaled before 200, parse failures kept, 500 on a failed
// commit.
#include "common/Metrics.h"
#include "store/Database.h"
#include "webhook/HttpTestClient.h"
#include "webhook/IngestPipeline.h"
#include "webhook/Journal.h"
#include "webhook/Signature.h"
#include "webhook/WebhookReceiver.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <memory>

using namespace parley::core;
using parley::test::HttpReply;
using parley::test::HttpTestClient;

namespace {

const QByteArray kSecret = "receiver-test-secret";
const QByteArray kToken = "verify-me";

QByteArray textMessage(const QByteArray &wamid, const QByteArray &text)
{
    return R"({"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"16505551234"}],"messages":[{"from":"16505551234","id":")"
        + wamid + R"(","timestamp":"1749416383","type":"text","text":{"body":")" + text
        + R"("}}]}}]}]})";
}

} // namespace

class TestWebhookReceiver : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_dbPath;
    std::unique_ptr<Metrics> m_metrics;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<IngestPipeline> m_pipeline;
    std::unique_ptr<WebhookReceiver> m_receiver;
    QString m_conn;

    // Runs a blocking client call on a worker thread while this thread serves.
    template <typename F>
    HttpReply call(F f)
    {
        QFuture<HttpReply> future = QtConcurrent::run(f);
        if (!QTest::qWaitFor([&] { return future.isFinished(); }, 10000))
            return {};
        return future.result();
    }
    HttpReply post(const QByteArray &body, const QByteArray &signature)
    {
        const quint16 port = m_receiver->serverPort();
        return call(
            [=] { return HttpTestClient(port).post("/webhooks/whatsapp", body, signature); });
    }
    HttpReply get(const QByteArray &target)
    {
        const quint16 port = m_receiver->serverPort();
        return call([=] { return HttpTestClient(port).request("GET", target); });
    }
    qint64 scalar(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_conn));
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_dbPath = m_dir.filePath(QStringLiteral("store-%1.db").arg(QTest::currentTestFunction()));
        m_metrics = std::make_unique<Metrics>();
        m_journal = std::make_unique<Journal>(m_dbPath, Clock::system(), m_metrics.get());
        QString error;
        QVERIFY2(m_journal->start(&error), qPrintable(error));
        m_pipeline = std::make_unique<IngestPipeline>(
            m_dbPath, m_journal.get(), Clock::system(), m_metrics.get());
        QVERIFY2(m_pipeline->start(&error), qPrintable(error));
        WebhookReceiver::Config config;
        config.appSecret = kSecret;
        config.verifyToken = kToken;
        m_receiver = std::make_unique<WebhookReceiver>(m_journal.get(), config, m_metrics.get());
        QVERIFY2(m_receiver->listen(QStringLiteral("127.0.0.1:0"), &error), qPrintable(error));
        m_conn = QStringLiteral("tst-reader-%1").arg(QTest::currentTestFunction());
        QVERIFY(Database::open(m_dbPath, m_conn, &error, Database::withJournal()).isOpen());
    }

    void cleanup()
    {
        m_receiver.reset();
        m_pipeline.reset();
        m_journal.reset();
        Database::close(m_conn);
    }

    void verification_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("ok") << QByteArray("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge="
                                          "1158201444&hub.verify_token=verify-me")
                            << 200 << QByteArray("1158201444");
        QTest::newRow("wrong token") << QByteArray("/webhooks/whatsapp?hub.mode=subscribe&hub."
                                                   "challenge=1158201444&hub.verify_token=nope")
                                     << 403 << QByteArray();
        QTest::newRow("token prefix") << QByteArray("/webhooks/whatsapp?hub.mode=subscribe&hub."
                                                    "challenge=1&hub.verify_token=verify")
                                      << 403 << QByteArray();
        QTest::newRow("wrong mode") << QByteArray("/webhooks/whatsapp?hub.mode=unsubscribe&hub."
                                                  "challenge=1&hub.verify_token=verify-me")
                                    << 403 << QByteArray();
        QTest::newRow("no token") << QByteArray("/webhooks/whatsapp?hub.mode=subscribe&hub."
                                                "challenge=1")
                                  << 403 << QByteArray();
        QTest::newRow("healthz") << QByteArray("/healthz") << 200 << QByteArray("ok\n");
        QTest::newRow("unknown path") << QByteArray("/other") << 404 << QByteArray();
    }

    void verification()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        const HttpReply reply = get(target);
        QCOMPARE(reply.status, status);
        if (status == 200)
            QCOMPARE(reply.body, body); // the bare challenge, nothing around it
    }

    void badSignaturesAreRefusedAndNothingIsStored_data()
    {
        QTest::addColumn<QByteArray>("signature");
        QTest::newRow("missing") << QByteArray();
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("no scheme")
            << Signature::hmacSha256(kSecret, textMessage("wamid.X", "hi")).toHex();
        QTest::newRow("other secret")
            << Signature::headerFor("wrong", textMessage("wamid.X", "hi"));
        QTest::newRow("other body") << Signature::headerFor(kSecret, textMessage("wamid.Y", "hi"));
    }

    void badSignaturesAreRefusedAndNothingIsStored()
    {
        QFETCH(QByteArray, signature);
        const HttpReply reply = post(textMessage("wamid.X", "hi"), signature);
        QCOMPARE(reply.status, 403);
        QCOMPARE(m_journal->committedRows(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM journal")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages")), 0);
        const QByteArray result = signature.isNull() ? "missing_signature" : "bad_signature";
        QCOMPARE(
            m_metrics->counter("parley_webhook_requests_total", "", {{"result", result}}).value(),
            1.0);
    }

    void authenticBodyIsJournaledBeforeTheOk()
    {
        const QByteArray body = textMessage("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTdGNjQ", "Hello");
        const quint16 port = m_receiver->serverPort();
        const QString dbPath = m_dbPath;
        // The client checks the store the moment its 200 arrives, from a connection of its own.
        QFuture<std::pair<int, qint64>> future = QtConcurrent::run([=] {
            const HttpReply reply = HttpTestClient(port).post(
                "/webhooks/whatsapp", body, Signature::headerFor(kSecret, body));
            QString error;
            qint64 rows = -1;
            {
                QSqlDatabase db = Database::open(
                    dbPath, QStringLiteral("tst-client"), &error, Database::withJournal());
                QSqlQuery q(db);
                q.prepare(QStringLiteral("SELECT count(*) FROM journal WHERE body = ?"));
                q.addBindValue(body);
                if (q.exec() && q.next())
                    rows = q.value(0).toLongLong();
            }
            Database::close(QStringLiteral("tst-client"));
            return std::make_pair(reply.status, rows);
        });
        QVERIFY(QTest::qWaitFor([&] { return future.isFinished(); }, 10000));
        QCOMPARE(future.result().first, 200);
        QCOMPARE(future.result().second, 1);
        QCOMPARE(scalar(QStringLiteral("SELECT size FROM journal")), body.size());
        // ...and the parse worker picks it up without being asked.
        QTRY_COMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM journal WHERE parse_state = 'parsed'")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages WHERE id = "
                                       "'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTdGNjQ'")),
            1);
        QCOMPARE(scalar(QStringLiteral("SELECT events FROM journal")), 2); // message + contact
        QTRY_COMPARE(m_journal->backlog(), 0);
    }

    void ingestedSignalSaysWhatChanged()
    {
        QSignalSpy spy(m_pipeline.get(), &IngestPipeline::ingested);
        const QByteArray body = textMessage("wamid.signal1", "Hi there");
        QCOMPARE(post(body, Signature::headerFor(kSecret, body)).status, 200);
        QTRY_VERIFY(!spy.isEmpty());
        const auto batch = spy.first().first().value<IngestBatch>();
        QCOMPARE(batch.parsedRows, 1);
        QCOMPARE(batch.messageIds, QStringList{QStringLiteral("wamid.signal1")});
        QCOMPARE(batch.conversationIds.size(), 1);
        QCOMPARE(batch.eventCounts.value(QStringLiteral("message")), 1);
        // A duplicate delivery is journaled again (Meta's retry is a new request) but inserts
        // no message.
        spy.clear();
        QCOMPARE(post(body, Signature::headerFor(kSecret, body)).status, 200);
        QTRY_VERIFY(!spy.isEmpty());
        QVERIFY(spy.first().first().value<IngestBatch>().messageIds.isEmpty());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM journal")), 2);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages")), 1);
    }

    void bodyThatDoesNotParseIsKeptAndMarkedFailed()
    {
        const QByteArray body = "this is not json {";
        QCOMPARE(post(body, Signature::headerFor(kSecret, body)).status, 200);
        QTRY_COMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM journal WHERE parse_state = 'failed'")), 1);
        QSqlQuery q(QSqlDatabase::database(m_conn));
        QVERIFY(q.exec(QStringLiteral("SELECT body, parse_error FROM journal")) && q.next());
        QCOMPARE(q.value(0).toByteArray(), body);
        QVERIFY(!q.value(1).toString().isEmpty());
        QCOMPARE(m_metrics->counter("parley_webhook_parse_failures_total", "").value(), 1.0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages")), 0);
    }

    void failedCommitIsNeverAcknowledged()
    {
        // Every insert into the journal now fails, as on a full disk.
        QSqlQuery q(QSqlDatabase::database(m_conn));
        QVERIFY(q.exec(
            QStringLiteral("CREATE TRIGGER webhooks.journal_refuses BEFORE INSERT ON journal "
                           "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END")));
        const QByteArray body = textMessage("wamid.lost", "x");
        const HttpReply reply = post(body, Signature::headerFor(kSecret, body));
        QCOMPARE(reply.status, 500); // Meta retries it
        QCOMPARE(m_metrics->counter("parley_journal_commit_failures_total", "").value(), 1.0);
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER webhooks.journal_refuses")));
        // The retry goes through.
        QCOMPARE(post(body, Signature::headerFor(kSecret, body)).status, 200);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM journal")), 1);
    }

    void concurrentRequestsShareCommits()
    {
        const quint16 port = m_receiver->serverPort();
        constexpr int kClients = 8;
        constexpr int kPerClient = 25;
        QList<QFuture<int>> futures;
        for (int c = 0; c < kClients; ++c) {
            futures << QtConcurrent::run([=] {
                HttpTestClient client(port);
                int ok = 0;
                for (int i = 0; i < kPerClient; ++i) {
                    const QByteArray body = textMessage(
                        "wamid.c" + QByteArray::number(c) + "_" + QByteArray::number(i), "m");
                    ok += client
                              .post("/webhooks/whatsapp", body, Signature::headerFor(kSecret, body))
                              .status
                        == 200;
                }
                return ok;
            });
        }
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const auto &f : futures) {
                    if (!f.isFinished())
                        return false;
                }
                return true;
            },
            30000));
        int ok = 0;
        for (const auto &f : futures)
            ok += f.result();
        QCOMPARE(ok, kClients * kPerClient);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM journal")), kClients * kPerClient);
        QTRY_COMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM messages")), kClients * kPerClient);
        const double commits = m_metrics->counter("parley_journal_commits_total", "").value();
        QVERIFY(commits >= 1 && commits <= kClients * kPerClient);
        qInfo("%d requests in %.0f commits", kClients * kPerClient, commits);
    }
};

QTEST_GUILESS_MAIN(TestWebhookReceiver)
#include "tst_webhookreceiver.moc"
