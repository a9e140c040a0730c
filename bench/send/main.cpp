// bench_send: N messages to R recipients through the Outbox (worker thread, Scheduler,
// GraphClient) into the in-process simulator over real HTTP, with injected latency and a
// throughput cap. Reports the sustained rate (first to last acceptance, as the simulator saw
// them), duplicates and losses (by outbox id from biz_opaque_callback_data, the same data as
// /_sim/messages), per-recipient order, 131056/130429 counts; then the same with a 130429 storm
// (the cap halved for a few seconds), then a naive loop of awaited sends for comparison.
//
// usage: bench_send [--messages N] [--recipients R] [--latency MS] [--cap MPS] [--naive N]

#include "common/Clock.h"
#include "graph/GraphClient.h"
#include "outbox/MessageBuilder.h"
#include "outbox/Outbox.h"
#include "outbox/OutboxStore.h"
#include "secrets/SecretStore.h"
#include "sim/Simulator.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace parley::core;
using parley::sim::SimConfig;
using parley::sim::Simulator;

namespace {

struct Options
{
    int messages = 10'000;
    int recipients = 2'000;
    int latencyMs = 100;
    double cap = 1000;
    int naive = 30;
    bool enqueueOnly = false;
};

struct RunResult
{
    int accepted = 0;
    int duplicates = 0;
    int lost = 0;
    int orderViolations = 0;
    double seconds = 0;
    double rate = 0;
    int errors130429 = 0;
    int errors131056 = 0;
    qint64 enqueueMs = 0;
};

void waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || t.elapsed() > timeoutMs)
            loop.quit();
    });
    poll.start(50);
    if (!done())
        loop.exec();
}

// Enqueues o.messages rows into a new store, 1,000 per transaction; returns the time taken (ms).
qint64 enqueueRows(const QString &db, const Options &o)
{
    QString error;
    qint64 ms = 0;
    {
        QSqlDatabase conn = Database::open(db, QStringLiteral("bench-enqueue"), &error);
        OutboxStore store(conn, Clock::system());
        const QString number = QString::fromLatin1(SimConfig::DefaultPhoneNumberId);
        QElapsedTimer t;
        t.start();
        QList<OutgoingMessage> batch;
        for (int n = 0; n < o.messages; ++n) {
            OutgoingMessage m;
            m.phoneNumberId = number;
            m.recipient.phone = QStringLiteral("+1650%1").arg(5000000 + n % o.recipients);
            m.message = MessageBuilder::text(QStringLiteral("message %1").arg(n)).message;
            batch.append(m);
            if (batch.size() == 1000 || n + 1 == o.messages)
                store.enqueueMany(std::exchange(batch, {}), false);
        }
        ms = t.elapsed();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-enqueue"));
    return ms;
}

RunResult run(const Options &o, bool storm)
{
    RunResult r;
    SimConfig cfg;
    cfg.enforceWindow = false;
    cfg.latencyMinMs = o.latencyMs;
    cfg.latencyMaxMs = o.latencyMs;
    cfg.throughputMps = o.cap;
    cfg.autoRead = false;
    Simulator sim(cfg);
    QString error;
    if (!sim.start(QStringLiteral("127.0.0.1:0"), &error)) {
        std::fprintf(stderr, "simulator: %s\n", qPrintable(error));
        return r;
    }
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("bench.db"));
    const QString number = QString::fromLatin1(SimConfig::DefaultPhoneNumberId);
    r.enqueueMs = enqueueRows(db, o);

    MemorySecretStore secrets;
    secrets.write(QString::fromLatin1(SecretStore::AccessToken),
        QString::fromLatin1(SimConfig::DefaultAccessToken));
    Outbox::Options opt;
    opt.databasePath = db;
    opt.phoneNumberId = number;
    opt.graph.baseUrl = sim.baseUrl();
    opt.enforceWindow = false;
    opt.scheduler.messagesPerSecond = o.cap;
    Outbox outbox(opt, &secrets);
    QTimer stormOn, stormOff;
    if (storm) {
        // 130429 storm: the simulator's cap drops to a third for three seconds.
        stormOn.setSingleShot(true);
        stormOff.setSingleShot(true);
        QObject::connect(
            &stormOn, &QTimer::timeout, &sim, [&] { sim.setThroughputMps(o.cap / 3); });
        QObject::connect(&stormOff, &QTimer::timeout, &sim, [&] { sim.setThroughputMps(o.cap); });
        stormOn.start(2000);
        stormOff.start(5000);
    }
    outbox.start();
    waitUntil([&] { return sim.acceptedMessages().size() >= o.messages; }, 600'000);
    waitUntil([] { return false; }, 300); // anything extra (a duplicate) would show now
    outbox.stop();

    const QJsonArray accepted = sim.acceptedMessages();
    QHash<qint64, int> seen;
    QHash<QString, qint64> lastId;
    qint64 first = 0, last = 0;
    for (const QJsonValue &v : accepted) {
        const QJsonObject rec = v.toObject();
        const QJsonObject req = rec.value(QLatin1String("request")).toObject();
        const qint64 id
            = req.value(QLatin1String("biz_opaque_callback_data")).toString().mid(14).toLongLong();
        if (seen[id]++ > 0)
            ++r.duplicates;
        const QString to = req.value(QLatin1String("to")).toString();
        if (id < lastId.value(to))
            ++r.orderViolations;
        lastId[to] = id;
        const qint64 at = rec.value(QLatin1String("accepted_at_ms")).toInteger();
        if (first == 0 || at < first)
            first = at;
        last = std::max(last, at);
    }
    r.accepted = int(seen.size());
    r.lost = o.messages - r.accepted;
    r.seconds = double(last - first) / 1000.0;
    r.rate = r.seconds > 0 ? double(accepted.size() - 1) / r.seconds : 0;
    const QJsonObject errors = sim.stats().value(QLatin1String("errors")).toObject();
    r.errors130429 = errors.value(QLatin1String("130429")).toInt();
    r.errors131056 = errors.value(QLatin1String("131056")).toInt();
    return r;
}

// The seed's sketch: one awaited send after another.
double naive(const Options &o)
{
    SimConfig cfg;
    cfg.enforceWindow = false;
    cfg.latencyMinMs = o.latencyMs;
    cfg.latencyMaxMs = o.latencyMs;
    Simulator sim(cfg);
    if (!sim.start())
        return 0;
    MemorySecretStore secrets;
    secrets.write(QString::fromLatin1(SecretStore::AccessToken),
        QString::fromLatin1(SimConfig::DefaultAccessToken));
    GraphConfig gc;
    gc.baseUrl = sim.baseUrl();
    GraphClient client(gc, &secrets);
    QElapsedTimer t;
    t.start();
    for (int n = 0; n < o.naive; ++n) {
        QJsonObject body = MessageBuilder::text(QStringLiteral("naive %1").arg(n)).message;
        body.insert(QStringLiteral("messaging_product"), QStringLiteral("whatsapp"));
        body.insert(QStringLiteral("to"), QStringLiteral("+1650%1").arg(6000000 + n));
        bool done = false;
        QEventLoop loop;
        client.post(
            QString::fromLatin1(SimConfig::DefaultPhoneNumberId) + QStringLiteral("/messages"),
            body, &loop, [&](const GraphResult &) {
                done = true;
                loop.quit();
            });
        if (!done)
            loop.exec();
    }
    return double(o.naive) * 1000.0 / double(t.elapsed());
}

void print(const char *name, const Options &o, const RunResult &r)
{
    std::printf("%s: %d messages to %d recipients, latency %d ms, cap %.0f mps\n", name, o.messages,
        o.recipients, o.latencyMs, o.cap);
    std::printf("  enqueue: %lld ms (%.0f rows/s, 1,000 rows per transaction)\n",
        static_cast<long long>(r.enqueueMs),
        o.messages * 1000.0 / double(std::max<qint64>(1, r.enqueueMs)));
    std::printf("  accepted %d in %.2f s: %.0f msg/s = %.1f %% of the cap\n", r.accepted, r.seconds,
        r.rate, 100.0 * r.rate / o.cap);
    std::printf("  duplicates %d, lost %d, order violations %d, 130429 answers %d, 131056 "
                "answers %d\n",
        r.duplicates, r.lost, r.orderViolations, r.errors130429, r.errors131056);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(
        QStringLiteral("parley.*.info=false\nparley.*.debug=false\nparley.*.warning=false"));
    Options o;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        const QString k = args.at(i);
        const QString v = args.at(i + 1);
        if (k == QLatin1String("--messages"))
            o.messages = v.toInt();
        else if (k == QLatin1String("--recipients"))
            o.recipients = v.toInt();
        else if (k == QLatin1String("--latency"))
            o.latencyMs = v.toInt();
        else if (k == QLatin1String("--cap"))
            o.cap = v.toDouble();
        else if (k == QLatin1String("--naive"))
            o.naive = v.toInt();
        else if (k == QLatin1String("--enqueue-only"))
            o.enqueueOnly = v.toInt() != 0;
    }
    if (o.enqueueOnly) { // for profiling the enqueue path alone (callgrind)
        QTemporaryDir dir;
        const qint64 ms = enqueueRows(dir.filePath(QStringLiteral("enqueue.db")), o);
        std::printf("enqueue: %d rows in %lld ms (%.0f rows/s, 1,000 rows per transaction)\n",
            o.messages, static_cast<long long>(ms),
            o.messages * 1000.0 / double(std::max<qint64>(1, ms)));
        return 0;
    }
    print("steady", o, run(o, false));
    print("130429 storm (cap / 3 from 2 s to 5 s)", o, run(o, true));
    std::printf("naive loop of awaited sends: %.1f msg/s (%d sends, latency %d ms)\n", naive(o),
        o.naive, o.latencyMs);
    return 0;
}
