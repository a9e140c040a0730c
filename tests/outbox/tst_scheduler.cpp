// Outbox store + scheduler with a ManualClock and a recording fake Graph API: FIFO per recipient,
// throughput bucket, pair-rate pacing, backoff with full jitter, permanent failures, retry budget,
// window rule, idempotency, leases across two connections, crash recovery, statuses via triggers.
#include "common/Clock.h"
#include "outbox/FakeGraph.h"
#include "outbox/MessageBuilder.h"
#include "outbox/NumberRates.h"
#include "outbox/OutboxStore.h"
#include "outbox/Scheduler.h"
#include "store/Database.h"
#include "webhook/InboundStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace parley::core;
using parley::test::FakeGraph;

namespace {

const QString kNumber = QStringLiteral("106540352242922");

OutgoingMessage text(const QString &to, const QString &body, const QString &key = {},
    const QString &number = kNumber)
{
    OutgoingMessage m;
    m.phoneNumberId = number;
    m.recipient.phone = to;
    m.message = MessageBuilder::text(body).message;
    m.idempotencyKey = key;
    m.skipWindowCheck = true;
    return m;
}

int count(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool exec(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    const bool ok = q.exec(sql);
    if (!ok)
        qWarning() << q.lastError().text() << sql;
    return ok;
}

} // namespace

class TestScheduler : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString m_conn;
    QSqlDatabase m_db;
    qint64 m_journalId = 0;

    // A status webhook for wamid, through the parser as `serve` applies it (the outbox follows
    // statuses from there).
    bool ingestStatus(const QString &wamid, const QString &status, const QString &callback = {},
        int errorCode = 0, const QString &errorTitle = {})
    {
        QJsonObject st{{QStringLiteral("id"), wamid}, {QStringLiteral("status"), status},
            {QStringLiteral("timestamp"), QStringLiteral("1700000000")},
            {QStringLiteral("recipient_id"), QStringLiteral("16505550001")}};
        if (!callback.isEmpty())
            st.insert(QStringLiteral("biz_opaque_callback_data"), callback);
        if (errorCode != 0)
            st.insert(QStringLiteral("errors"),
                QJsonArray{QJsonObject{
                    {QStringLiteral("code"), errorCode}, {QStringLiteral("title"), errorTitle}}});
        const QJsonObject value{{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
            {QStringLiteral("metadata"),
                QJsonObject{{QStringLiteral("display_phone_number"), QStringLiteral("15550000000")},
                    {QStringLiteral("phone_number_id"), QStringLiteral("106540352242922")}}},
            {QStringLiteral("statuses"), QJsonArray{st}}};
        const QJsonObject body{
            {QStringLiteral("object"), QStringLiteral("whatsapp_business_account")},
            {QStringLiteral("entry"),
                QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("102290129340398")},
                    {QStringLiteral("changes"),
                        QJsonArray{
                            QJsonObject{{QStringLiteral("field"), QStringLiteral("messages")},
                                {QStringLiteral("value"), value}}}}}}}};
        InboundStore inbound(m_db);
        const IngestResult r
            = inbound.ingest(++m_journalId, QJsonDocument(body).toJson(), 1700000000000);
        if (!r.parsed || r.sqlFailed)
            qWarning() << "ingest failed:" << r.error;
        return r.parsed && !r.sqlFailed;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_conn = QStringLiteral("sched-%1").arg(++m_n);
        QString error;
        m_db = Database::open(
            m_dir.filePath(QStringLiteral("store-%1.db").arg(m_n)), m_conn, &error);
        QVERIFY2(m_db.isValid(), qPrintable(error));
    }
    void cleanup()
    {
        m_db = QSqlDatabase();
        Database::close(m_conn);
    }

    void fifoPerRecipientAndAccept()
    {
        ManualClock clock;
        OutboxStore store(m_db, &clock);
        FakeGraph graph;
        SchedulerOptions opt;
        opt.messagesPerSecond = 1000;
        Scheduler s(&store, &graph, &clock, opt);
        for (int n = 1; n <= 3; ++n)
            QVERIFY(store
                        .enqueue(text(QStringLiteral("+16505550001"), QStringLiteral("a%1").arg(n)),
                            false)
                        .created);
        for (int n = 1; n <= 2; ++n)
            QVERIFY(store
                        .enqueue(text(QStringLiteral("+16505550002"), QStringLiteral("b%1").arg(n)),
                            false)
                        .created);
        // The messages rows exist at once (console thread), as local ids.
        QCOMPARE(
            count(m_db,
                QStringLiteral(
                    "SELECT COUNT(*) FROM messages WHERE direction = 'out' AND id LIKE 'local:%'")),
            5);

        s.pump();
        // One in flight per recipient, each recipient's first message.
        QCOMPARE(graph.pending.size(), 2);
        QCOMPARE(graph.recipients(),
            (QStringList{QStringLiteral("+16505550001:a1"), QStringLiteral("+16505550002:b1")}));
        s.pump(); // nothing more may leave before the answers
        QCOMPARE(graph.requests.size(), 2);
        const QJsonObject first = graph.requests.first().body;
        QCOMPARE(
            first.value(QLatin1String("messaging_product")).toString(), QStringLiteral("whatsapp"));
        QCOMPARE(first.value(QLatin1String("biz_opaque_callback_data")).toString(),
            QStringLiteral("parley-outbox:1"));
        QCOMPARE(graph.requests.first().path, kNumber + QStringLiteral("/messages"));
        while (graph.answerAll() > 0)
            s.pump();
        s.pump();
        QCOMPARE(graph.recipients(),
            (QStringList{QStringLiteral("+16505550001:a1"), QStringLiteral("+16505550002:b1"),
                QStringLiteral("+16505550001:a2"), QStringLiteral("+16505550002:b2"),
                QStringLiteral("+16505550001:a3")}));
        const auto rows = store.list({});
        QCOMPARE(rows.size(), 5);
        for (const OutboxEntry &e : rows) {
            QCOMPARE(e.state, OutboxState::Accepted);
            QVERIFY(e.wamid.startsWith(QLatin1String("wamid.fake")));
            QCOMPARE(e.attempts, 1);
        }
        QCOMPARE(count(m_db,
                     QStringLiteral("SELECT COUNT(*) FROM messages WHERE direction = 'out' AND id "
                                    "LIKE 'wamid.fake%' AND outbox_id IS NOT NULL")),
            5);
        QCOMPARE(
            count(m_db,
                QStringLiteral("SELECT COUNT(*) FROM outbox_attempts WHERE outcome = 'accepted'")),
            5);
    }

    void throughputBucket()
    {
        ManualClock clock;
        OutboxStore store(m_db, &clock);
        FakeGraph graph;
        graph.autoAnswer = true;
        SchedulerOptions opt;
        opt.messagesPerSecond = 20; // a coexistence number
        opt.burstSeconds = 0.1; // capacity 2
        opt.maxInFlight = 100;
        Scheduler s(&store, &graph, &clock, opt);
        for (int n = 0; n < 60; ++n)
            store.enqueue(
                text(QStringLiteral("+1650555%1").arg(1000 + n), QStringLiteral("m")), false);
        s.pump();
        QCOMPARE(graph.requests.size(), 2); // the burst
        for (int step = 0; step < 20; ++step) { // one second in 50 ms steps
            clock.advanceMs(50);
            s.pump();
        }
        // 2 (burst) + 20 mps x 1 s
        QCOMPARE(graph.requests.size(), 22);
        s.pump();
        QCOMPARE(graph.requests.size(), 22);
    }

    // Several business numbers in one outbox: each has its own bucket at its own rate, and a
    // slow number's backlog (older rows) never holds the other number back.
    void numbersArePacedIndependently()
    {
        const QString coexistence = QStringLiteral("200000000000001");
        const QString regular = QStringLiteral("200000000000002");
        ManualClock clock;
        OutboxStore store(m_db, &clock);
        FakeGraph graph;
        graph.autoAnswer = true;
        SchedulerOptions opt; // default 80 mps
        opt.burstSeconds = 0.1;
        opt.maxInFlight = 1000;
        opt.numberMessagesPerSecond.insert(coexistence, NumberRates::kCoexistence);
        Scheduler s(&store, &graph, &clock, opt);
        QCOMPARE(s.messagesPerSecond(coexistence), 20.0);
        QCOMPARE(s.messagesPerSecond(regular), 80.0);
        // The coexistence number's backlog first, so its rows come first in id order.
        QList<OutgoingMessage> rows;
        for (int n = 0; n < 300; ++n)
            rows << text(
                QStringLiteral("+1650555%1").arg(1000 + n), QStringLiteral("c"), {}, coexistence);
        for (int n = 0; n < 300; ++n)
            rows << text(
                QStringLiteral("+1650556%1").arg(1000 + n), QStringLiteral("r"), {}, regular);
        store.enqueueMany(rows, false); // one transaction
        auto sentBy = [&graph](const QString &number) {
            int n = 0;
            for (const auto &r : graph.requests)
                n += r.path.startsWith(number) ? 1 : 0;
            return n;
        };
        s.pump();
        s.pump();
        QCOMPARE(sentBy(coexistence), 2); // burst: 20 x 0.1 s
        QCOMPARE(sentBy(regular), 8); // burst: 80 x 0.1 s
        for (int step = 0; step < 40; ++step) { // two seconds in 50 ms steps
            clock.advanceMs(50);
            s.pump();
        }
        QCOMPARE(sentBy(coexistence), 2 + 40);
        QCOMPARE(sentBy(regular), 8 + 160);

        // Meta throttles the coexistence number: only it pauses.
        s.setRandom([] { return 0.99; });
        graph.responder = [&graph, coexistence](const parley::test::FakeRequest &r) {
            return r.path.startsWith(coexistence) ? FakeGraph::error(400, 130429)
                                                  : graph.accepted();
        };
        clock.advanceMs(100);
        s.pump();
        QVERIFY(s.numberPausedUntilMs(coexistence) > clock.nowMs());
        QCOMPARE(s.numberPausedUntilMs(regular), 0);
        const int coexistenceBefore = sentBy(coexistence);
        const int regularBefore = sentBy(regular);
        for (int step = 0; step < 10; ++step) { // half a second, inside the ~1 s pause
            clock.advanceMs(50);
            s.pump();
        }
        QCOMPARE(sentBy(coexistence), coexistenceBefore);
        QCOMPARE(sentBy(regular), regularBefore + 40);
    }

    // A number's rate from the settings table (`parleyctl outbox rate`), re-read while running.
    void storedNumberRate()
    {
        ManualClock clock;
        OutboxStore store(m_db, &clock);
        FakeGraph graph;
        graph.autoAnswer = true;
        QString error;
        QVERIFY2(
            NumberRates::save(m_db, kNumber, NumberRates::kCoexistence, &error), qPrintable(error));
        SchedulerOptions opt;
        opt.burstSeconds = 0.1;
        opt.maxInFlight = 1000;
        Scheduler s(&store, &graph, &clock, opt);
        QList<OutgoingMessage> rows;
        for (int n = 0; n < 1000; ++n)
            rows << text(QStringLiteral("+1650555%1").arg(1000 + n), QStringLiteral("m"));
        store.enqueueMany(rows, false);
        s.pump();
        QCOMPARE(s.messagesPerSecond(kNumber), 20.0);
        QCOMPARE(graph.requests.size(), 2);
        for (int step = 0; step < 20; ++step) {
            clock.advanceMs(50);
            s.pump();
        }
        QCOMPARE(graph.requests.size(), 2 + 20);
        // Raised to 100 mps: applied at the next reload (within 5 s), tokens earned kept.
        QVERIFY(NumberRates::save(m_db, kNumber, 100, &error));
        for (int step = 0; step < 100; ++step) { // 5 s
            clock.advanceMs(50);
            s.pump();
        }
        QCOMPARE(s.messagesPerSecond(kNumber), 100.0);
        const int before = int(graph.requests.size());
        for (int step = 0; step < 20; ++step) { // 1 s at 100 mps
            clock.advanceMs(50);
            s.pump();
        }
        QCOMPARE(int(graph.requests.size()) - before, 100);
        // The command line wins over the store.
        s.setNumberMessagesPerSecond(kNumber, 20);
        QCOMPARE(s.messagesPerSecond(kNumber), 20.0);
        QVERIFY(NumberRates::save(m_db, kNumber, 0, &error)); // back to the default
        QVERIFY(NumberRates::load(m_db).isEmpty());
    }

    void numberRateValidation_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<double>("rate");
        QTest::addColumn<QString>("error");
        QTest::newRow("plain") << "106540352242922=250" << 250.0 << "";
        QTest::newRow("max") << "106540352242922=1000" << 1000.0 << "";
        QTest::newRow("coexistence") << "106540352242922=coexistence" << 20.0 << "";
        QTest::newRow("default") << "106540352242922=default" << 80.0 << "";
        QTest::newRow("fraction") << "106540352242922=0.5" << 0.5 << "";
        QTest::newRow("zero") << "106540352242922=0" << 0.0 << "must be more than 0";
        QTest::newRow("negative") << "106540352242922=-5" << 0.0 << "must be more than 0";
        QTest::newRow("too high") << "106540352242922=1001" << 0.0 << "above 1000";
        QTest::newRow("not a number") << "106540352242922=fast" << 0.0 << "is not a throughput";
        QTest::newRow("no rate") << "106540352242922=" << 0.0 << "is not a throughput";
        QTest::newRow("no id") << "=20" << 0.0 << "is not a phone number id";
        QTest::newRow("not an id") << "+1650=20" << 0.0 << "is not a phone number id";
        QTest::newRow("no equals") << "106540352242922" << 0.0 << "expected PHONE_NUMBER_ID=RATE";
    }
    void numberRateValidation()
    {
        QFETCH(QString, spec);
        QFETCH(double, rate);
        QFETCH(QString, error);
        QString id, why;
        double parsed = 0;
        const bool ok = NumberRates::parseSpec(spec, &id, &parsed, &why);
        QCOMPARE(ok, error.isEmpty());
        if (ok) {
            QCOMPARE(id, QStringLiteral("106540352242922"));
            QCOMPARE(parsed, rate);
        } else {
            QVERIFY2(why.contains(error), qPrintable(why));
        }
        // Nothing invalid reaches the store either.
        QCOMPARE(NumberRates::save(m_db, kNumber, 1001, &why), false);
        QVERIFY(NumberRates::load(m_db).isEmpty());
    }

    void pairRatePacing()
    {
        ManualClock clock;
        OutboxStore store(m_db, &clock);
        FakeGraph graph;
        graph.autoAnswer = true;
        SchedulerOptions opt;
        opt.messagesPerSecond = 1000;
        opt.pairBurst = 3;
        opt.pairIntervalSeconds = 6;
        Scheduler s(&store, &graph, &clock, opt);
        for (int n = 0; n < 6; ++n)
            store.enqueue(
                text(QStringLiteral("+16505550001"), QStringLiteral("p%1").arg(n)), false);
        store.enqueue(text(QStringLiteral("+16505550002"), QStringLiteral("other")), false);
        for (int i = 0; i < 10; ++i)
            s.pump();
        // The burst of 3 to one user, and the other user is not held back.
        QCOMPARE(graph.requests.size(), 4);
        clock.advanceMs(5900);
        s.pump();
        QCOMPARE(graph.requests.size(), 4);
        clock.advanceMs(200);
        s.pump();
        s.pump();
        QCOMPARE(graph.requests.size(), 5);
        clock.advanceMs(12'000);
        for (int i = 0; i < 5; ++i)
            s.pump();
        QCOMPARE(graph.requests.size(), 7);
        // Order kept for the paced recipient.
        QStringList toFirst;
        for (const QString &r : graph.recipients()) {
            if (r.startsWith(QLatin1String("+16505550001")))
                toFirst << r;
        }
        QCOMPARE(toFirst.size(), 6);
        for (int n = 0; n < 6; ++n)
            QCOMPARE(toFirst.at(n), QStringLiteral("+16505550001:p%1").arg(n));
    }

    void throughputThrottleBacksOffTheNumber()
    {
        ManualClock clock;
        OutboxStore store(m_db, &clock);
        FakeGraph graph;
        SchedulerOptions opt;
        opt.messagesPerSecond = 1000;
        Scheduler s(&store, &graph, &clock, opt);
        s.setRandom([] { return 0.5; });
        store.enqueue(text(QStringLiteral("+16505550001"), QStringLiteral("x")), false);
        s.pump();
        graph.responder
            = [](const parley::test::FakeRequest &) { return FakeGraph::error(400, 130429); };
        graph.answerAll();
        s.pump();
        auto row = store.get(1);
        QCOMPARE(row->state, OutboxState::Queued);
        QCOMPARE(row->error.code, 130429);
        QCOMPARE(row->error.fbtraceId, QStringLiteral("trace130429"));
        QCOMPARE(row->action, ErrorAction::RetryLater);
        // Full jitter over Meta's 4^0 s = 1 s: 0.5 -> 500 ms, for the row and for the number.
        QCOMPARE(row->nextAttemptAtMs, clock.nowMs() + 500);
        QCOMPARE(s.numberPausedUntilMs(kNumber), clock.nowMs() + 500);
        store.enqueue(text(QStringLiteral("+16505550002"), QStringLiteral("y")), false);
        s.pump();
        QCOMPARE(graph.requests.size(), 1); // the whole number waits
        clock.advanceMs(499);
        s.pump();
        QCOMPARE(graph.requests.size(), 1);
        clock.advanceMs(1);
        graph.responder = [&graph](const parley::test::FakeRequest &) { return graph.accepted(); };
        s.pump();
        QCOMPARE(graph.requests.size(), 3);
        graph.answerAll();
        s.pump();
        QCOMPARE(store.get(1)->state, OutboxState::Accepted);
        QCOMPARE(store.get(1)->attempts, 2);
        QVERIFY(!store.get(1)->error.isError());
        QCOMPARE(
            count(m_db, QStringLiteral("SELECT COUNT(*) FROM outbox_attempts WHERE outbox_id = 1")),
            2);
    }

    void pairRateErrorWaitsOnlyForThatRecipient()
    {
        ManualClock clock;
        OutboxStore store(m_db, &clock);
        FakeGraph graph;
        SchedulerOptions opt;
        opt.messagesPerSecond = 1000;
        Scheduler s(&store, &graph, &clock, opt);
        s.setRandom([] { return 0.99; });
        store.enqueue(text(QStringLiteral("+16505550001"), QStringLiteral("a1")), false);
        store.enqueue(text(QStringLiteral("+16505550001"), QStringLiteral("a2")), false);
        store.enqueue(text(QStringLiteral("+16505550002"), QStringLiteral("b1")), false);
        s.pump();
        graph.responder = [&graph](const parley::test::FakeRequest &r) {
            return r.body.value(QLatin1String("to")).toString() == QLatin1String("+16505550001")
                ? FakeGraph::error(400, 131056)
                : graph.accepted();
        };
        graph.answerAll();
        s.pump();
        QCOMPARE(store.get(1)->state, OutboxState::Queued);
        QCOMPARE(store.get(3)->state, OutboxState::Accepted);
        QCOMPARE(s.numberPausedUntilMs(kNumber), 0); // the number is not paused
        // a2 stays behind a1 (FIFO) while a1 waits.
        QCOMPARE(graph.requests.size(), 2);
        clock.advanceMs(990);
        graph.responder = [&graph](const parley::test::FakeRequest &) { return graph.accepted(); };
        s.pump();
        QCOMPARE(graph.requests.size(), 3);
        QCOMPARE(graph.requests.last()
                     .body.value(QLatin1String("text"))
                     .toObject()
                     .value(QLatin1String("body"))
                     .toString(),
            QStringLiteral("a1"));
        graph.answerAll();
        s.pump();
        QCOMPARE(graph.requests.last()
                     .body.value(QLatin1String("text"))
                     .toObject()
                     .value(QLatin1String("body"))
                     .toString(),
            QStringLiteral("a2"));
    }

    void permanentErrorFailsAtOnce()
    {
        ManualClock clock;
        OutboxStore store(m_db, &clock);
        FakeGraph graph;
        graph.autoAnswer = true;
        graph.responder
            = [](const parley::test::FakeRequest &) { return FakeGraph::error(400, 131050); };
        Scheduler s(&store, &graph, &clock, SchedulerOptions{});
        QSignalSpy changed(&s, &Scheduler::entryChanged);
        store.enqueue(text(QStringLiteral("+16505550001"), QStringLiteral("promo")), false);
        s.pump();
        s.pump();
        clock.advanceMs(3'600'000);
        s.pump();
        QCOMPARE(graph.requests.size(), 1);
        const auto row = store.get(1);
        QCOMPARE(row->state, OutboxState::Failed);
        QCOMPARE(row->action, ErrorAction::OptedOut);
        QCOMPARE(row->toJson()
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("action"))
                     .toString(),
            QStringLiteral("opted_out"));
        QVERIFY(changed.size() >= 2); // sending, failed
    }

    void retryBudgetThenDeadThenRetry()
    {
        ManualClock clock;
        OutboxStore store(m_db, &clock);
        FakeGraph graph;
        graph.autoAnswer = true;
        graph.responder
            = [](const parley::test::FakeRequest &) { return FakeGraph::error(500, 131000); };
        SchedulerOptions opt;
        opt.transient.maxAttempts = 3;
        Scheduler s(&store, &graph, &clock, opt);
        s.setRandom([] { return 1.0; });
        const auto enq = store.enqueue(
            text(QStringLiteral("+16505550001"), QStringLiteral("x"), QStringLiteral("key-1")),
            false);
        for (int i = 0; i < 10; ++i) {
            s.pump();
            clock.advanceMs(10'000);
        }
        QCOMPARE(graph.requests.size(), 3);
        auto row = store.get(enq.entry.id);
        QCOMPARE(row->state, OutboxState::Dead);
        QCOMPARE(row->attempts, 3);
        QCOMPARE(row->error.code, 131000);
        // Retry re-enqueues the same row with the same idempotency key.
        graph.responder = [&graph](const parley::test::FakeRequest &) { return graph.accepted(); };
        QString error;
        QVERIFY(store.retry(enq.entry.id, &error).has_value());
        QVERIFY(!store.retry(enq.entry.id, &error).has_value()); // queued now: not retryable
        QVERIFY(error.contains(QLatin1String("queued")));
        s.pump();
        s.pump();
        row = store.get(enq.entry.id);
        QCOMPARE(row->state, OutboxState::Accepted);
        QCOMPARE(row->idempotencyKey, QStringLiteral("key-1"));
        QCOMPARE(graph.requests.size(), 4);
        QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM outbox")), 1);
        QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM outbox_attempts")), 4);
    }

    void networkErrorsBackOffExponentially()
    {
        RetryPolicy p = RetryPolicy::transient();
        ManualClock clock;
        OutboxStore store(m_db, &clock);
        FakeGraph graph;
        graph.autoAnswer = true;
        graph.responder = [](const parley::test::FakeRequest &) {
            parley::core::GraphResult r;
            r.error = GraphError::network(QStringLiteral("Connection refused"));
            return r;
        };
        Scheduler s(&store, &graph, &clock, SchedulerOptions{});
        s.setRandom([] { return 0.999; });
        store.enqueue(text(QStringLiteral("+16505550001"), QStringLiteral("x")), false);
        QList<qint64> delays;
        for (int i = 0; i < 4; ++i) {
            const qint64 before = clock.nowMs();
            s.pump();
            s.pump();
            const auto row = store.get(1);
            QCOMPARE(row->state, OutboxState::Queued);
            delays << row->nextAttemptAtMs - before;
            clock.setMs(row->nextAttemptAtMs);
        }
        // ~1 s, 2 s, 4 s, 8 s (x 0.999)
        QCOMPARE(delays, (QList<qint64>{999, 1998, 3996, 7992}));
        Q_UNUSED(p);
    }

    void windowRule()
    {
        ManualClock clock;
        OutboxStore store(m_db, &clock);
        OutgoingMessage m = text(QStringLiteral("+16505550001"), QStringLiteral("hello"));
        m.skipWindowCheck = false;
        auto r = store.enqueue(m, true);
        QVERIFY(!r.created);
        QCOMPARE(r.entry.state, OutboxState::Failed);
        QCOMPARE(r.entry.error.code, LocalError::WindowClosed);
        QCOMPARE(r.entry.action, ErrorAction::SendTemplate);
        QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM outbox")), 0);
        // The customer wrote 26 h ago: the window closed 2 h ago.
        const qint64 nowS = clock.nowSecs();
        QVERIFY(exec(
            m_db, QStringLiteral("INSERT INTO contacts (id, wa_id) VALUES (7, '16505550001')")));
        QVERIFY(exec(m_db,
            QStringLiteral("INSERT INTO conversations (phone_number_id, contact_id, "
                           "last_inbound_at, window_expires_at) VALUES ('%1', 7, %2, %3)")
                .arg(kNumber)
                .arg(nowS - 26 * 3600)
                .arg(nowS - 2 * 3600)));
        r = store.enqueue(m, true);
        QVERIFY(!r.created);
        QVERIFY2(r.entry.error.details.contains(QLatin1String("120 min ago")),
            qPrintable(r.entry.error.details));
        // A template goes out whatever the window.
        OutgoingMessage t = m;
        t.message = MessageBuilder::templateMessage(
            {{QStringLiteral("name"), QStringLiteral("hello_world")},
                {QStringLiteral("language"),
                    QJsonObject{{QStringLiteral("code"), QStringLiteral("en_US")}}}})
                        .message;
        QVERIFY(store.enqueue(t, true).created);
        // The customer writes again: the window is open.
        QVERIFY(exec(m_db,
            QStringLiteral("UPDATE conversations SET window_expires_at = %1").arg(nowS + 3600)));
        r = store.enqueue(m, true);
        QVERIFY(r.created);
        QCOMPARE(r.entry.state, OutboxState::Queued);
        // The outbound rows joined the customer's conversation.
        QCOMPARE(count(m_db,
                     QStringLiteral("SELECT COUNT(*) FROM messages m JOIN conversations c ON c.id "
                                    "= m.conversation_id WHERE c.contact_id = 7")),
            2);
    }

    void idempotencyKey()
    {
        ManualClock clock;
        OutboxStore store(m_db, &clock);
        const auto a = store.enqueue(
            text(QStringLiteral("+16505550001"), QStringLiteral("x"), QStringLiteral("same")),
            false);
        const auto b = store.enqueue(
            text(QStringLiteral("+16505550001"), QStringLiteral("x"), QStringLiteral("same")),
            false);
        QVERIFY(a.created);
        QVERIFY(!b.created);
        QCOMPARE(b.entry.id, a.entry.id);
        QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM outbox")), 1);
        QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM messages")), 1);
    }

    void twoConnectionsNeverClaimTheSameRow()
    {
        ManualClock clock;
        OutboxStore store(m_db, &clock);
        for (int n = 0; n < 40; ++n)
            store.enqueue(
                text(QStringLiteral("+1650555%1").arg(2000 + n), QStringLiteral("m")), false);
        QString error;
        const QString otherConn = m_conn + QStringLiteral("-b");
        {
            QSqlDatabase other = Database::open(m_db.databaseName(), otherConn, &error);
            QVERIFY(other.isValid());
            OutboxStore second(other, &clock);
            const auto a = store.claim(25, QStringLiteral("A"), 60'000, {});
            const auto b = second.claim(25, QStringLiteral("B"), 60'000, {});
            QCOMPARE(a.size(), 25);
            QCOMPARE(b.size(), 15);
            QSet<qint64> ids;
            for (const auto &e : a)
                ids.insert(e.id);
            for (const auto &e : b)
                QVERIFY(!ids.contains(e.id));
        }
        Database::close(otherConn);
    }

    void crashLeavesUnknownResolvedByStatusWebhook()
    {
        ManualClock clock;
        OutboxStore store(m_db, &clock);
        store.enqueue(text(QStringLiteral("+16505550001"), QStringLiteral("x")), false);
        store.enqueue(text(QStringLiteral("+16505550001"), QStringLiteral("y")), false);
        {
            // Process 1 claims row 1 and dies before Meta answers.
            const auto claimed = store.claim(10, QStringLiteral("dead-process"), 120'000, {});
            QCOMPARE(claimed.size(), 1);
        }
        // Process 2 starts after the lease ended.
        clock.advanceMs(121'000);
        FakeGraph graph;
        graph.autoAnswer = true;
        Scheduler s(&store, &graph, &clock, SchedulerOptions{});
        QSignalSpy changed(&s, &Scheduler::entryChanged);
        s.start();
        s.pump();
        s.pump();
        s.stop();
        QCOMPARE(store.get(1)->state, OutboxState::Unknown);
        QCOMPARE(store.get(1)->action, ErrorAction::RetryLater);
        // Row 1 is never resent; row 2 (next in FIFO) goes: the unknown row does not block.
        QCOMPARE(graph.requests.size(), 1);
        QCOMPARE(
            graph.requests.first().body.value(QLatin1String("biz_opaque_callback_data")).toString(),
            QStringLiteral("parley-outbox:2"));
        // A status of another send, echoing nothing of ours, changes nothing.
        QVERIFY(ingestStatus(QStringLiteral("wamid.OTHER"), QStringLiteral("delivered"),
            QStringLiteral("someone-else:1")));
        QCOMPARE(store.get(1)->state, OutboxState::Unknown);
        // The status webhooks of the lost send arrive: the first one without the callback data
        // (Meta sends it on every status, but the parser must not rely on order), then one
        // echoing 'parley-outbox:1'.
        QVERIFY(ingestStatus(QStringLiteral("wamid.LOST"), QStringLiteral("sent")));
        QCOMPARE(store.get(1)->state, OutboxState::Unknown);
        QVERIFY(ingestStatus(QStringLiteral("wamid.LOST"), QStringLiteral("delivered"),
            QStringLiteral("parley-outbox:1")));
        const auto row = store.get(1);
        QCOMPARE(row->wamid, QStringLiteral("wamid.LOST"));
        QCOMPARE(row->state, OutboxState::Delivered);
        QCOMPARE(
            count(m_db,
                QStringLiteral(
                    "SELECT COUNT(*) FROM messages WHERE id = 'wamid.LOST' AND outbox_id = 1")),
            1);
    }

    void statusesAdvanceAndAsyncFailures()
    {
        ManualClock clock;
        OutboxStore store(m_db, &clock);
        FakeGraph graph;
        graph.autoAnswer = true;
        Scheduler s(&store, &graph, &clock, SchedulerOptions{});
        store.enqueue(text(QStringLiteral("+16505550001"), QStringLiteral("x")), false);
        store.enqueue(text(QStringLiteral("+16505550002"), QStringLiteral("y")), false);
        // A status can come before the HTTP answer is recorded.
        graph.responder = [&graph, this](const parley::test::FakeRequest &r) {
            auto res = graph.accepted();
            if (r.body.value(QLatin1String("to")).toString() == QLatin1String("+16505550002")) {
                ingestStatus(res.body.value(QLatin1String("messages"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(QLatin1String("id"))
                                 .toString(),
                    QStringLiteral("sent"));
            }
            return res;
        };
        s.pump();
        s.pump();
        QCOMPARE(store.get(2)->state, OutboxState::Sent);
        const QString wamid = store.get(1)->wamid;
        QCOMPARE(store.get(1)->state, OutboxState::Accepted);
        QVERIFY(ingestStatus(wamid, QStringLiteral("sent")));
        QCOMPARE(store.get(1)->state, OutboxState::Sent);
        QVERIFY(ingestStatus(wamid, QStringLiteral("read")));
        QCOMPARE(store.get(1)->state, OutboxState::Read);
        // A late 'delivered' never moves it back, nor does a failure after 'read'.
        QVERIFY(ingestStatus(wamid, QStringLiteral("delivered")));
        QCOMPARE(store.get(1)->state, OutboxState::Read);
        QVERIFY(ingestStatus(
            wamid, QStringLiteral("failed"), {}, 131026, QStringLiteral("Message undeliverable")));
        QCOMPARE(store.get(1)->state, OutboxState::Read);
        QCOMPARE(store.get(1)->error.code, 0);
        // Asynchronous failure: 131047 arrives as a failed status.
        const QString w2 = store.get(2)->wamid;
        QVERIFY(ingestStatus(
            w2, QStringLiteral("failed"), {}, 131047, QStringLiteral("Re-engagement message")));
        const auto failed = store.get(2);
        QCOMPARE(failed->state, OutboxState::Failed);
        QCOMPARE(failed->error.code, 131047);
        QCOMPARE(failed->error.origin, GraphError::Origin::Webhook);
        QCOMPARE(failed->action, ErrorAction::SendTemplate);
    }

    void fifoHeadMovesOnCancelAndRetry()
    {
        ManualClock clock;
        OutboxStore store(m_db, &clock);
        FakeGraph graph;
        graph.autoAnswer = true;
        Scheduler s(&store, &graph, &clock, SchedulerOptions{});
        for (int n = 1; n <= 3; ++n)
            store.enqueue(
                text(QStringLiteral("+16505550001"), QStringLiteral("f%1").arg(n)), false);
        QString error;
        QVERIFY(store.cancel(1, &error).has_value()); // the head goes: f2 is next
        s.pump();
        s.pump();
        QCOMPARE(graph.recipients(),
            (QStringList{QStringLiteral("+16505550001:f2"), QStringLiteral("+16505550001:f3")}));
        // A retried old row is sent again, and a row enqueued after it waits behind it.
        QVERIFY(store.retry(1, &error).has_value());
        store.enqueue(text(QStringLiteral("+16505550001"), QStringLiteral("f4")), false);
        graph.autoAnswer = false;
        s.pump();
        QCOMPARE(graph.pending.size(), 1);
        QCOMPARE(graph.recipients().at(2), QStringLiteral("+16505550001:f1"));
        graph.answerAll();
        s.pump();
        graph.answerAll();
        s.pump();
        QCOMPARE(graph.recipients().at(3), QStringLiteral("+16505550001:f4"));
    }

    void cancel()
    {
        ManualClock clock;
        OutboxStore store(m_db, &clock);
        FakeGraph graph;
        graph.autoAnswer = true;
        Scheduler s(&store, &graph, &clock, SchedulerOptions{});
        store.enqueue(text(QStringLiteral("+16505550001"), QStringLiteral("x")), false);
        QString error;
        QVERIFY(store.cancel(1, &error).has_value());
        s.pump();
        QCOMPARE(graph.requests.size(), 0);
        QCOMPARE(store.get(1)->state, OutboxState::Cancelled);
        QVERIFY(!store.cancel(1, &error).has_value());
        QVERIFY(!store.cancel(99, &error).has_value());
        QCOMPARE(error, QStringLiteral("no outbox row 99"));
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
