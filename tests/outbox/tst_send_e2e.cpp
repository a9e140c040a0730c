// End to end against the Cloud API simulator over real HTTP on 127.0.0.1:0: every message type
// through the Outbox (worker thread, GraphClient, Scheduler), throttling storms and 5xx bursts
// (nothing lost, nothing sent twice), media upload with the id cache and inbound fetch with an
// expired URL, and parleyctl send / outbox as real processes including a kill -9 mid-drain.
#include "common/Clock.h"
#include "graph/GraphClient.h"
#include "media/MediaFetcher.h"
#include "media/MediaUploader.h"
#include "outbox/MessageBuilder.h"
#include "outbox/Outbox.h"
#include "outbox/OutboxStore.h"
#include "secrets/SecretStore.h"
#include "sim/Simulator.h"
#include "store/Database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace parley::core;
using parley::sim::SimConfig;
using parley::sim::Simulator;

namespace {

const QString kNumber = QString::fromLatin1(SimConfig::DefaultPhoneNumberId);

OutgoingMessage outgoing(const QString &to, const BuiltMessage &b)
{
    OutgoingMessage m;
    m.recipient.phone = to;
    m.message = b.message;
    return m;
}

// outbox id -> how many times the simulator accepted it (from biz_opaque_callback_data).
QHash<qint64, int> acceptedByOutboxId(const Simulator &sim)
{
    QHash<qint64, int> counts;
    for (const QJsonValue &v : sim.acceptedMessages()) {
        const QString cb = v.toObject()
                               .value(QLatin1String("request"))
                               .toObject()
                               .value(QLatin1String("biz_opaque_callback_data"))
                               .toString();
        if (cb.startsWith(QLatin1String("parley-outbox:")))
            counts[cb.mid(14).toLongLong()] += 1;
    }
    return counts;
}

// Wraps a GraphApi and runs a hook after the first GET answer (to expire a media URL).
class HookedGraph final : public GraphApi
{
public:
    HookedGraph(GraphApi *inner, std::function<void()> afterFirstGet)
        : m_inner(inner), m_hook(std::move(afterFirstGet))
    {
    }
    void request(const QByteArray &method, const QString &path, const QUrlQuery &query,
        const QJsonObject &body, QObject *context, Callback done) override
    {
        m_inner->request(
            method, path, query, body, context, [this, method, done](const GraphResult &r) {
                if (method == "GET" && m_hook) {
                    auto hook = std::exchange(m_hook, {});
                    hook();
                }
                done(r);
            });
    }
    void upload(const QString &path, const GraphUpload &u, QObject *context, Callback done) override
    {
        m_inner->upload(path, u, context, std::move(done));
    }
    void download(const QUrl &url, const QString &file, QObject *context, Callback done) override
    {
        ++downloads;
        m_inner->download(url, file, context, std::move(done));
    }
    int downloads = 0;

private:
    GraphApi *m_inner;
    std::function<void()> m_hook;
};

} // namespace

class TestSendE2E : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    QString newDb() { return m_dir.filePath(QStringLiteral("store-%1.db").arg(++m_n)); }

    Outbox::Options options(const Simulator &sim, const QString &db)
    {
        Outbox::Options o;
        o.databasePath = db;
        o.phoneNumberId = kNumber;
        o.graph.baseUrl = sim.baseUrl();
        o.enforceWindow = false; // no webhook ingest in these tests: the simulator checks windows
        o.scheduler.messagesPerSecond = 200;
        return o;
    }

    // Waits until every key reached one of the states.
    bool waitFor(Outbox &outbox, const QStringList &keys, const QList<OutboxState> &states,
        QHash<QString, OutboxEntry> *latest, int timeoutMs = 30'000)
    {
        QObject::connect(&outbox, &Outbox::entryChanged, this,
            [latest](const OutboxEntry &e) { latest->insert(e.idempotencyKey, e); });
        return QTest::qWaitFor(
            [&] {
                for (const QString &k : keys) {
                    if (!latest->contains(k) || !states.contains(latest->value(k).state))
                        return false;
                }
                return true;
            },
            timeoutMs);
    }

private Q_SLOTS:
    void everyTypeThroughTheOutbox()
    {
        SimConfig cfg;
        cfg.enforceWindow = false;
        cfg.latencyMinMs = 5;
        cfg.latencyMaxMs = 20;
        Simulator sim(cfg);
        QVERIFY(sim.start());
        MemorySecretStore secrets;
        secrets.write(QString::fromLatin1(SecretStore::AccessToken),
            QString::fromLatin1(SimConfig::DefaultAccessToken));
        Outbox outbox(options(sim, newDb()), &secrets);
        QSignalSpy started(&outbox, &Outbox::started);
        outbox.start();
        QVERIFY(started.wait(10'000));

        using K = MessageBuilder::MediaKind;
        const QJsonObject buttons{{QStringLiteral("type"), QStringLiteral("button")},
            {QStringLiteral("body"), QJsonObject{{QStringLiteral("text"), QStringLiteral("Pick")}}},
            {QStringLiteral("action"),
                QJsonObject{{QStringLiteral("buttons"),
                    QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("reply")},
                        {QStringLiteral("reply"),
                            QJsonObject{{QStringLiteral("id"), QStringLiteral("y")},
                                {QStringLiteral("title"), QStringLiteral("Yes")}}}}}}}}};
        const QJsonObject list{{QStringLiteral("type"), QStringLiteral("list")},
            {QStringLiteral("body"), QJsonObject{{QStringLiteral("text"), QStringLiteral("Menu")}}},
            {QStringLiteral("action"),
                QJsonObject{{QStringLiteral("button"), QStringLiteral("Open")},
                    {QStringLiteral("sections"),
                        QJsonArray{QJsonObject{{QStringLiteral("title"), QStringLiteral("S")},
                            {QStringLiteral("rows"),
                                QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("r1")},
                                    {QStringLiteral("title"), QStringLiteral("Row")}}}}}}}}}};
        const QJsonObject cta{{QStringLiteral("type"), QStringLiteral("cta_url")},
            {QStringLiteral("body"),
                QJsonObject{{QStringLiteral("text"), QStringLiteral("Tickets")}}},
            {QStringLiteral("action"),
                QJsonObject{{QStringLiteral("name"), QStringLiteral("cta_url")},
                    {QStringLiteral("parameters"),
                        QJsonObject{{QStringLiteral("display_text"), QStringLiteral("See dates")},
                            {QStringLiteral("url"), QStringLiteral("https://example.com/d")}}}}}};
        const QJsonObject locationRequest{
            {QStringLiteral("type"), QStringLiteral("location_request_message")},
            {QStringLiteral("body"),
                QJsonObject{{QStringLiteral("text"), QStringLiteral("Where?")}}},
            {QStringLiteral("action"),
                QJsonObject{{QStringLiteral("name"), QStringLiteral("send_location")}}}};
        const QList<BuiltMessage> messages{
            MessageBuilder::text(QStringLiteral("hello"), true),
            MessageBuilder::media(
                K::Image, QStringLiteral("https://example.com/a.jpg"), QStringLiteral("cap")),
            MessageBuilder::media(K::Document, QStringLiteral("https://example.com/a.pdf"),
                QStringLiteral("c"), QStringLiteral("a.pdf")),
            MessageBuilder::media(K::Audio, QStringLiteral("https://example.com/a.ogg")),
            MessageBuilder::location(
                37.758056, -122.425332, QStringLiteral("META HQ"), QStringLiteral("1 Hacker Way")),
            MessageBuilder::contacts({QJsonObject{{QStringLiteral("name"),
                QJsonObject{{QStringLiteral("formatted_name"), QStringLiteral("John Smith")}}}}}),
            MessageBuilder::interactive(buttons),
            MessageBuilder::interactive(list),
            MessageBuilder::interactive(cta),
            MessageBuilder::interactive(locationRequest),
            MessageBuilder::templateMessage(
                {{QStringLiteral("name"), QStringLiteral("hello_world")},
                    {QStringLiteral("language"),
                        QJsonObject{{QStringLiteral("code"), QStringLiteral("en_US")}}}}),
            MessageBuilder::replyTo(
                MessageBuilder::text(QStringLiteral("quoted")), QStringLiteral("wamid.ABC")),
        };
        QStringList keys;
        for (const BuiltMessage &b : messages) {
            QVERIFY2(b.ok(), qPrintable(b.error));
            // One recipient per message: the simulator's pair rate is not the subject here.
            keys << outbox.enqueue(
                outgoing(QStringLiteral("+1650555%1").arg(3000 + keys.size()), b));
        }
        QHash<QString, OutboxEntry> latest;
        QVERIFY(waitFor(outbox, keys,
            {OutboxState::Accepted, OutboxState::Sent, OutboxState::Delivered, OutboxState::Read,
                OutboxState::Failed, OutboxState::Dead},
            &latest));
        for (const QString &k : keys) {
            const OutboxEntry e = latest.value(k);
            QVERIFY2(!e.wamid.isEmpty(), qPrintable(QJsonDocument(e.toJson()).toJson()));
        }
        const auto counts = acceptedByOutboxId(sim);
        QCOMPARE(counts.size(), messages.size());
        for (int c : counts)
            QCOMPARE(c, 1);
        // A reaction to one of them, and its removal.
        const QString target = latest.value(keys.first()).wamid;
        const QStringList more{
            outbox.enqueue(outgoing(QStringLiteral("+16505553000"),
                MessageBuilder::reaction(target, QString::fromUtf8("\xF0\x9F\x91\x8D")))),
            outbox.enqueue(outgoing(
                QStringLiteral("+16505553000"), MessageBuilder::reaction(target, QString()))),
        };
        QVERIFY(waitFor(outbox, more, {OutboxState::Accepted, OutboxState::Sent}, &latest));
        QCOMPARE(sim.acceptedMessages().size(), messages.size() + 2);
        // List and cancel/retry through the facade.
        QSignalSpy listed(&outbox, &Outbox::listed);
        const quint64 req = outbox.list({});
        QVERIFY(listed.wait(5000));
        QCOMPARE(listed.first().at(0).toULongLong(), req);
        QCOMPARE(listed.first().at(1).value<QList<OutboxEntry>>().size(), messages.size() + 2);
        QSignalSpy opFailed(&outbox, &Outbox::operationFailed);
        outbox.cancel(1); // already accepted
        QVERIFY(opFailed.wait(5000));
    }

    void throttlingStormLosesNothing()
    {
        SimConfig cfg;
        cfg.enforceWindow = false;
        cfg.throughputMps = 50; // the simulator's cap is below ours: 130429 storms
        cfg.throughputBurst = 10;
        cfg.serverErrorRate = 0.15; // and 5xx bursts
        cfg.latencyMinMs = 1;
        cfg.latencyMaxMs = 5;
        Simulator sim(cfg);
        QVERIFY(sim.start());
        MemorySecretStore secrets;
        secrets.write(QString::fromLatin1(SecretStore::AccessToken),
            QString::fromLatin1(SimConfig::DefaultAccessToken));
        const QString db = newDb();
        auto opt = options(sim, db);
        opt.scheduler.messagesPerSecond = 200;
        opt.scheduler.throttle.capMs = 400; // keep the test short; the shape is what is tested
        opt.scheduler.transient.capMs = 300;
        opt.scheduler.transient.maxAttempts = 20;
        opt.scheduler.throttle.maxAttempts = 30;
        Outbox outbox(opt, &secrets);
        outbox.start();
        QStringList keys;
        for (int n = 0; n < 60; ++n)
            keys << outbox.enqueue(outgoing(QStringLiteral("+1650556%1").arg(1000 + n % 20),
                MessageBuilder::text(QStringLiteral("m%1").arg(n))));
        QHash<QString, OutboxEntry> latest;
        QVERIFY(waitFor(outbox, keys,
            {OutboxState::Accepted, OutboxState::Sent, OutboxState::Delivered, OutboxState::Read},
            &latest, 60'000));
        const auto counts = acceptedByOutboxId(sim);
        QCOMPARE(counts.size(), 60);
        for (int c : counts)
            QCOMPARE(c, 1);
        // Order per recipient kept: the simulator accepted each recipient's messages in id order.
        QHash<QString, qint64> lastId;
        for (const QJsonValue &v : sim.acceptedMessages()) {
            const QJsonObject req = v.toObject().value(QLatin1String("request")).toObject();
            const qint64 id = req.value(QLatin1String("biz_opaque_callback_data"))
                                  .toString()
                                  .mid(14)
                                  .toLongLong();
            const QString to = req.value(QLatin1String("to")).toString();
            QVERIFY(id > lastId.value(to));
            lastId[to] = id;
        }
        const QJsonObject stats = sim.stats();
        qInfo().noquote() << "simulator stats:"
                          << QJsonDocument(stats).toJson(QJsonDocument::Compact).left(400);
        // Storms happened, and were retried (more attempts than messages).
        QString error;
        {
            QSqlDatabase check = Database::open(db, QStringLiteral("e2e-check"), &error);
            QSqlQuery q(check);
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), SUM(error_code = 130429), "
                                          "SUM(http_status >= 500) FROM outbox_attempts")));
            QVERIFY(q.next());
            qInfo() << "attempts" << q.value(0).toInt() << "130429" << q.value(1).toInt() << "5xx"
                    << q.value(2).toInt();
            QVERIFY(q.value(0).toInt() > 60);
            QVERIFY(q.value(1).toInt() > 0);
        }
        Database::close(QStringLiteral("e2e-check"));
    }

    void mediaUploadAndFetchWithExpiredUrl()
    {
        ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        SimConfig cfg;
        cfg.clock = &clock;
        Simulator sim(cfg);
        QVERIFY(sim.start());
        MemorySecretStore secrets;
        secrets.write(QString::fromLatin1(SecretStore::AccessToken),
            QString::fromLatin1(SimConfig::DefaultAccessToken));
        GraphConfig gc;
        gc.baseUrl = sim.baseUrl();
        GraphClient graph(gc, &secrets);
        QString error;
        QSqlDatabase db = Database::open(newDb(), QStringLiteral("e2e-media"), &error);
        QVERIFY(db.isValid());
        {
            // A real PNG (8-bit RGB, 1x1).
            const QByteArray png
                = QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4n"
                                         "GP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");
            const QString path = m_dir.filePath(QStringLiteral("dot.png"));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(png);
            f.close();
            MediaUploader uploader(db, &graph, &clock);
            MediaUploader::Result up;
            bool done = false;
            uploader.upload(kNumber, path, {}, [&](const MediaUploader::Result &r) {
                up = r;
                done = true;
            });
            QTRY_VERIFY_WITH_TIMEOUT(done, 10'000);
            QVERIFY2(up.ok(), qPrintable(up.error.title + up.error.details));
            QCOMPARE(up.check.mimeType, QStringLiteral("image/png"));
            QVERIFY(!up.reused);
            // The same content again: the cached id, no request.
            done = false;
            MediaUploader::Result again;
            uploader.upload(kNumber, path, {}, [&](const MediaUploader::Result &r) {
                again = r;
                done = true;
            });
            QVERIFY(done);
            QVERIFY(again.reused);
            QCOMPARE(again.mediaId, up.mediaId);
            // Near the 30-day expiry the id is not reused.
            clock.advanceMs(MediaUploader::kLifetimeMs - MediaUploader::kReuseMarginMs + 1);
            done = false;
            uploader.upload(kNumber, path, {}, [&](const MediaUploader::Result &r) {
                again = r;
                done = true;
            });
            QTRY_VERIFY_WITH_TIMEOUT(done, 10'000);
            QVERIFY(!again.reused);
            // A wrong type is refused before any request.
            const QString txt = m_dir.filePath(QStringLiteral("notes.txt"));
            QFile t(txt);
            QVERIFY(t.open(QIODevice::WriteOnly));
            t.write("hello\n");
            t.close();
            done = false;
            uploader.upload(
                kNumber, txt, QStringLiteral("image"), [&](const MediaUploader::Result &r) {
                    again = r;
                    done = true;
                });
            QVERIFY(done);
            QVERIFY(!again.ok());
            QVERIFY2(
                again.error.details.contains(QLatin1String("text/plain is not accepted for image")),
                qPrintable(again.error.details));

            // Inbound: fetch the uploaded media by id; the first URL expires before the download.
            HookedGraph hooked(&graph, [&clock] { clock.advanceMs(6 * 60 * 1000); });
            MediaFetcher fetcher(
                db, &hooked, &clock, m_dir.filePath(QStringLiteral("media-cache")));
            MediaFetcher::Result got;
            done = false;
            fetcher.fetch(up.mediaId, kNumber, [&](const MediaFetcher::Result &r) {
                got = r;
                done = true;
            });
            QTRY_VERIFY_WITH_TIMEOUT(done, 10'000);
            QVERIFY2(got.ok(), qPrintable(got.error.title + QLatin1Char(' ') + got.error.details));
            QCOMPARE(hooked.downloads, 2); // the expired URL, then a fresh one
            QCOMPARE(got.sha256,
                QString::fromLatin1(
                    QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex()));
            QVERIFY(got.path.endsWith(got.sha256));
            QFile cached(got.path);
            QVERIFY(cached.open(QIODevice::ReadOnly));
            QCOMPARE(cached.readAll(), png);
            // Fetched once: served from the cache.
            done = false;
            fetcher.fetch(up.mediaId, kNumber, [&](const MediaFetcher::Result &r) {
                got = r;
                done = true;
            });
            QVERIFY(done);
            QVERIFY(got.cached);
            // An unknown id fails visibly.
            done = false;
            fetcher.fetch(QStringLiteral("999999"), kNumber, [&](const MediaFetcher::Result &r) {
                got = r;
                done = true;
            });
            QTRY_VERIFY_WITH_TIMEOUT(done, 10'000);
            QVERIFY(!got.ok());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "SELECT state, attempts FROM media_cache WHERE media_id = '999999'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("failed"));
        }
        db = QSqlDatabase();
        Database::close(QStringLiteral("e2e-media"));
    }

    // Throughput options: a bad rate is a usage error (exit 2) with a clear message and nothing
    // enqueued; `outbox rate` stores a number's rate in the store.
    void cliThroughputOptions()
    {
        const QString db = newDb();
        auto run = [&](const QStringList &args, QByteArray *out, QByteArray *err) {
            QProcess p;
            const QString errFile = m_dir.filePath(QStringLiteral("rate-stderr.log"));
            p.setStandardErrorFile(errFile);
            p.start(QStringLiteral(PARLEYCTL_PATH), args);
            if (!p.waitForFinished(30'000))
                return -1;
            *out = p.readAllStandardOutput();
            QFile f(errFile);
            *err = f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
            return p.exitCode();
        };
        const QStringList send{QStringLiteral("send"), QStringLiteral("--db"), db,
            QStringLiteral("--phone-number-id"), kNumber, QStringLiteral("--to"),
            QStringLiteral("+16505550123"), QStringLiteral("--text"), QStringLiteral("hi")};
        const QList<std::pair<QStringList, QByteArray>> bad{
            {{QStringLiteral("--number-mps"), kNumber + QStringLiteral("=0")},
                "must be more than 0"},
            {{QStringLiteral("--number-mps"), kNumber + QStringLiteral("=-3")},
                "must be more than 0"},
            {{QStringLiteral("--number-mps"), kNumber + QStringLiteral("=1001")}, "above 1000"},
            {{QStringLiteral("--mps"), QStringLiteral("0")}, "--mps: a throughput must be more"},
            {{QStringLiteral("--coexistence"), QStringLiteral("not-an-id")},
                "is not a phone number id"},
        };
        QByteArray out, err;
        for (const auto &[extra, message] : bad) {
            QCOMPARE(run(send + extra, &out, &err), 2);
            QVERIFY2(err.contains(message), err.constData());
        }
        QCOMPARE(run({QStringLiteral("outbox"), QStringLiteral("--db"), db, QStringLiteral("list")},
                     &out, &err),
            0);
        QVERIFY2(out.trimmed().isEmpty(), out.constData()); // nothing was enqueued

        const QStringList rate{
            QStringLiteral("outbox"), QStringLiteral("--db"), db, QStringLiteral("rate")};
        QCOMPARE(run(rate + QStringList{kNumber, QStringLiteral("coexistence")}, &out, &err), 0);
        QJsonObject o = QJsonDocument::fromJson(out.trimmed()).object();
        QCOMPARE(o.value(QLatin1String("mps")).toDouble(), 20.0);
        QCOMPARE(o.value(QLatin1String("source")).toString(), QStringLiteral("settings"));
        QCOMPARE(run(rate + QStringList{kNumber, QStringLiteral("1001")}, &out, &err), 2);
        QVERIFY2(err.contains("above 1000"), err.constData());
        QCOMPARE(run(rate, &out, &err), 0); // unchanged by the refused one
        o = QJsonDocument::fromJson(out.trimmed()).object();
        QCOMPARE(o.value(QLatin1String("phone_number_id")).toString(), kNumber);
        QCOMPARE(o.value(QLatin1String("mps")).toDouble(), 20.0);
        QCOMPARE(run(rate + QStringList{kNumber, QStringLiteral("default")}, &out, &err), 0);
        QCOMPARE(run(rate, &out, &err), 0);
        QVERIFY(out.trimmed().isEmpty());
    }

    void cliSendAndOutbox()
    {
        SimConfig cfg;
        Simulator sim(cfg);
        QVERIFY(sim.start());
        const QString db = newDb();
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("WA_GRAPH_BASE_URL"), sim.baseUrl().toString());
        env.insert(QStringLiteral("WA_TOKEN"), QString::fromLatin1(SimConfig::DefaultAccessToken));
        env.insert(QStringLiteral("WA_PHONE_NUMBER_ID"), kNumber);
        auto run = [&](const QStringList &args, int *exitCode) {
            QProcess p;
            p.setProcessEnvironment(env);
            // Logs go to a file: an unread pipe would fill up and stall the process.
            p.setStandardErrorFile(m_dir.filePath(QStringLiteral("cli-stderr.log")));
            p.start(QStringLiteral(PARLEYCTL_PATH), args);
            if (!p.waitForStarted(10'000))
                return QList<QJsonObject>{};
            // The simulator runs in this process: keep its event loop going.
            if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60'000))
                p.kill();
            *exitCode = p.exitCode();
            QList<QJsonObject> lines;
            for (const QByteArray &l : p.readAllStandardOutput().split('\n')) {
                if (!l.trimmed().isEmpty())
                    lines << QJsonDocument::fromJson(l).object();
            }
            return lines;
        };
        // The customer writes first (the simulator enforces the window).
        sim.customerWritesText(QStringLiteral("16505550123"), QStringLiteral("hi"));
        int code = -1;
        auto lines
            = run({QStringLiteral("send"), QStringLiteral("--db"), db, QStringLiteral("--to"),
                      QStringLiteral("+1 (650) 555-0123"), QStringLiteral("--text"),
                      QStringLiteral("Hello from the CLI"), QStringLiteral("--no-window-check")},
                &code);
        QCOMPARE(code, 0);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(
            lines.first().value(QLatin1String("state")).toString(), QStringLiteral("accepted"));
        QVERIFY(lines.first()
                    .value(QLatin1String("wamid"))
                    .toString()
                    .startsWith(QLatin1String("wamid.")));
        QCOMPARE(
            lines.first().value(QLatin1String("to")).toString(), QStringLiteral("+16505550123"));
        QCOMPARE(sim.acceptedMessages().size(), 1);
        // Without the override, the local window rule refuses (no inbound webhook was stored).
        lines = run(
            {QStringLiteral("send"), QStringLiteral("--db"), db, QStringLiteral("--to"),
                QStringLiteral("+16505550123"), QStringLiteral("--text"), QStringLiteral("x")},
            &code);
        QCOMPARE(code, 1);
        QCOMPARE(lines.first()
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("action"))
                     .toString(),
            QStringLiteral("send_template"));
        // A validation error never reaches the simulator.
        lines = run({QStringLiteral("send"), QStringLiteral("--db"), db, QStringLiteral("--to"),
                        QStringLiteral("+16505550123"), QStringLiteral("--text"),
                        QString(4097, QLatin1Char('a')), QStringLiteral("--no-window-check")},
            &code);
        QCOMPARE(code, 1);
        QCOMPARE(lines.first()
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("details"))
                     .toString(),
            QStringLiteral("text.body has 4097 characters; the limit is 4096"));
        // A template, outside any window.
        lines = run(
            {QStringLiteral("send"), QStringLiteral("--db"), db, QStringLiteral("--to"),
                QStringLiteral("+16505550999"), QStringLiteral("--json"),
                writeJson(QStringLiteral("tpl.json"),
                    {{QStringLiteral("type"), QStringLiteral("template")},
                        {QStringLiteral("template"),
                            QJsonObject{{QStringLiteral("name"), QStringLiteral("hello_world")},
                                {QStringLiteral("language"),
                                    QJsonObject{
                                        {QStringLiteral("code"), QStringLiteral("en_US")}}}}}})},
            &code);
        QCOMPARE(code, 0);
        QCOMPARE(sim.acceptedMessages().size(), 2);
        // A batch: one result line per input line, an invalid line refused.
        const QString batch = m_dir.filePath(QStringLiteral("batch.jsonl"));
        QFile b(batch);
        QVERIFY(b.open(QIODevice::WriteOnly));
        for (int n = 0; n < 5; ++n)
            b.write(QStringLiteral("{\"to\":\"+1650555%1\",\"message\":{\"type\":\"text\",\"text\":"
                                   "{\"body\":\"b%2\"}}}\n")
                        .arg(4000 + n)
                        .arg(n)
                        .toUtf8());
        b.write("{\"to\":\"+16505554000\",\"message\":{\"type\":\"text\",\"text\":{}}}\n");
        b.close();
        lines = run({QStringLiteral("send"), QStringLiteral("--db"), db, QStringLiteral("--batch"),
                        batch, QStringLiteral("--no-window-check")},
            &code);
        QCOMPARE(lines.size(), 6);
        for (int n = 0; n < 5; ++n)
            QCOMPARE(
                lines.at(n).value(QLatin1String("state")).toString(), QStringLiteral("accepted"));
        QCOMPARE(lines.at(5).value(QLatin1String("state")).toString(), QStringLiteral("refused"));
        QCOMPARE(code, 1);
        QCOMPARE(sim.acceptedMessages().size(), 7);
        // outbox list
        lines = run({QStringLiteral("outbox"), QStringLiteral("--db"), db, QStringLiteral("list"),
                        QStringLiteral("--state"), QStringLiteral("accepted")},
            &code);
        QCOMPARE(code, 0);
        QCOMPARE(lines.size(), 7);
        // cancel of an accepted row is refused.
        lines = run({QStringLiteral("outbox"), QStringLiteral("--db"), db, QStringLiteral("cancel"),
                        QStringLiteral("1")},
            &code);
        QCOMPARE(code, 1);

        // A template this store has never synced: refused locally without a WABA id; with one,
        // send re-syncs that name once from the Graph API and sends it.
        const QStringList templateSend{QStringLiteral("send"), QStringLiteral("--db"), db,
            QStringLiteral("--to"), QStringLiteral("+16505550123"), QStringLiteral("--template"),
            QStringLiteral("hello_world"), QStringLiteral("--lang"), QStringLiteral("en_US")};
        lines = run(templateSend, &code);
        QCOMPARE(code, 1);
        QCOMPARE(lines.first().value(QLatin1String("state")).toString(), QStringLiteral("refused"));
        env.insert(QStringLiteral("WA_WABA_ID"), QString::fromLatin1(SimConfig::DefaultWabaId));
        lines = run(templateSend, &code);
        QCOMPARE(code, 0);
        QCOMPARE(
            lines.first().value(QLatin1String("state")).toString(), QStringLiteral("accepted"));
        QCOMPARE(sim.acceptedMessages().size(), 8);
    }

    void killMidDrainNoLossNoBlindResend()
    {
        SimConfig cfg;
        cfg.enforceWindow = false;
        cfg.latencyMinMs = 150;
        cfg.latencyMaxMs = 150;
        Simulator sim(cfg);
        QVERIFY(sim.start());
        const QString db = newDb();
        // Enqueue 200 messages to 50 recipients with the store API (as the console would).
        {
            QString error;
            QSqlDatabase conn = Database::open(db, QStringLiteral("e2e-kill"), &error);
            OutboxStore store(conn, Clock::system());
            for (int n = 0; n < 200; ++n) {
                OutgoingMessage m = outgoing(QStringLiteral("+1650557%1").arg(1000 + n % 50),
                    MessageBuilder::text(QStringLiteral("k%1").arg(n)));
                m.phoneNumberId = kNumber;
                QVERIFY(store.enqueue(m, false).created);
            }
        }
        Database::close(QStringLiteral("e2e-kill"));
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("WA_GRAPH_BASE_URL"), sim.baseUrl().toString());
        env.insert(QStringLiteral("WA_TOKEN"), QString::fromLatin1(SimConfig::DefaultAccessToken));
        env.insert(QStringLiteral("WA_MPS"), QStringLiteral("100"));
        env.insert(QStringLiteral("PARLEY_OUTBOX_LEASE_MS"), QStringLiteral("1500"));
        QProcess p;
        p.setProcessEnvironment(env);
        p.setStandardErrorFile(m_dir.filePath(QStringLiteral("drain-1.log")));
        p.start(QStringLiteral(PARLEYCTL_PATH),
            {QStringLiteral("outbox"), QStringLiteral("--db"), db, QStringLiteral("drain")});
        QVERIFY(p.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return sim.acceptedMessages().size() >= 40; }, 30'000));
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 10'000));
        const int beforeRestart = int(sim.acceptedMessages().size());
        QVERIFY(beforeRestart < 200);
        QTest::qWait(1600); // the dead process's leases end (no sleep stands in for a clock here:
                            // the lease is real time in another process)
        QProcess p2;
        p2.setProcessEnvironment(env);
        p2.setStandardErrorFile(m_dir.filePath(QStringLiteral("drain-2.log")));
        p2.start(QStringLiteral(PARLEYCTL_PATH),
            {QStringLiteral("outbox"), QStringLiteral("--db"), db, QStringLiteral("drain"),
                QStringLiteral("--wait"), QStringLiteral("60")});
        QVERIFY(p2.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return p2.state() == QProcess::NotRunning; }, 90'000));
        QCOMPARE(p2.exitCode(), 0);
        // No duplicates: every outbox id reached the simulator at most once.
        const auto counts = acceptedByOutboxId(sim);
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            QVERIFY2(it.value() == 1,
                qPrintable(
                    QStringLiteral("outbox %1 sent %2 times").arg(it.key()).arg(it.value())));
        // No loss: every row is accepted, or unknown (in flight at the kill, never resent).
        QString error;
        {
            QSqlDatabase conn = Database::open(db, QStringLiteral("e2e-kill2"), &error);
            OutboxStore store(conn, Clock::system());
            int accepted = 0, unknown = 0;
            for (const OutboxEntry &e : store.list({{}, {}, 1000, 0})) {
                if (e.state == OutboxState::Accepted) {
                    ++accepted;
                    QCOMPARE(counts.value(e.id), 1);
                } else {
                    QCOMPARE(e.state, OutboxState::Unknown);
                    ++unknown;
                    QVERIFY(counts.value(e.id) <= 1);
                }
            }
            qInfo() << "accepted" << accepted << "unknown after kill" << unknown << "sim accepted"
                    << counts.size();
            QCOMPARE(accepted + unknown, 200);
            QVERIFY(unknown > 0);
        }
        Database::close(QStringLiteral("e2e-kill2"));
    }

private:
    QString writeJson(const QString &name, const QJsonObject &o)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(QJsonDocument(o).toJson());
        return path;
    }
};

QTEST_GUILESS_MAIN(TestSendE2E)
#include "tst_send_e2e.moc"
