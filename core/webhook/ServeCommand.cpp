// parleyctl serve: the signed-webhook receiver (journal with group commit, parse worker,
// Prometheus metrics). parleyctl replay: re-parse journal rows.
#include "cli/Command.h"
#include "common/Log.h"
#include "common/Metrics.h"
#include "graph/GraphClient.h"
#include "http/HttpServer.h"
#include "media/MediaAutoFetch.h"
#include "outbox/NumberRates.h"
#include "outbox/Outbox.h"
#include "secrets/EnvSecretStore.h"
#include "store/Database.h"
#include "templates/TemplateStore.h"
#include "templates/TemplateSync.h"
#include "webhook/IngestPipeline.h"
#include "webhook/Journal.h"
#include "webhook/WebhookReceiver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <memory>
#include <unistd.h>

namespace parley::core {

namespace {

const char *const kServeUsage
    = "usage: parleyctl serve --db PATH [--listen 127.0.0.1:8080] [--metrics-listen "
      "127.0.0.1:9464]\n"
      "                       [--verify-token-file FILE] [--app-secret-file FILE]\n"
      "                       [--token-file FILE]\n"
      "\n"
      "Receives WhatsApp Cloud API webhooks: verifies X-Hub-Signature-256, journals every\n"
      "authentic body durably before answering 200, and parses it into the store.\n"
      "\n"
      "  --db PATH                 the Parley store (created if missing)\n"
      "  --listen HOST:PORT        webhook listener (default 127.0.0.1:8080); put a TLS reverse\n"
      "                            proxy or tunnel in front of it (see docs/nginx.conf)\n"
      "  --metrics-listen HOST:PORT  Prometheus /metrics and /healthz (default 127.0.0.1:9464;\n"
      "                            'off' disables it)\n"
      "  --app-secret-file FILE    the Meta app secret (else $WA_APP_SECRET); required\n"
      "  --verify-token-file FILE  the verify token for Meta's subscription check (else\n"
      "                            $WA_VERIFY_TOKEN); without one every check is refused\n"
      "  --token-file FILE         a Graph API access token (else $WA_TOKEN): with one, serve\n"
      "                            also drains the outbox (WA_GRAPH_BASE_URL, WA_PHONE_NUMBER_ID)\n"
      "                            and, with $WA_WABA_ID, syncs templates every 15 minutes;\n"
      "                            inbound media is fetched into <db>.media as it arrives\n"
      "  --mps N                   outbox throughput per number (default 80; 1 to 1000)\n"
      "  --number-mps PNID=RATE    one number's throughput (repeatable; RATE 1 to 1000,\n"
      "                            'coexistence' or 'default'), over `outbox rate`\n"
      "  --coexistence PNID        a coexistence number: 20 messages/s (repeatable)\n"
      "\n"
      "On start it prints one JSON line to stdout with the addresses it listens on.\n";

const char *const kReplayUsage
    = "usage: parleyctl replay --db PATH [--all | --failed]\n"
      "\n"
      "Re-parses journal rows into the store, idempotently (nothing is stored twice). By default\n"
      "the rows still pending; --failed the rows that failed to parse (after a parser fix);\n"
      "--all every row. Safe while `serve` runs. Prints a JSON summary to stdout.\n";

// A secret from a file (trailing newline trimmed) or from the environment.
QByteArray readSecret(const QString &file, const char *env, QString *error)
{
    if (!file.isEmpty()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(file, f.errorString());
            return {};
        }
        QByteArray value = f.readAll();
        while (value.endsWith('\n') || value.endsWith('\r'))
            value.chop(1);
        return value;
    }
    return qgetenv(env);
}

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1);
}

QString hostPort(const QHostAddress &address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(address.toString())
        : address.toString();
    return host + u':' + QString::number(port);
}

int runServe(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption db(QStringLiteral("db"), QString(), QStringLiteral("path"));
    const QCommandLineOption listen(QStringLiteral("listen"), QString(), QStringLiteral("hostport"),
        QStringLiteral("127.0.0.1:8080"));
    const QCommandLineOption metricsListen(QStringLiteral("metrics-listen"), QString(),
        QStringLiteral("hostport"), QStringLiteral("127.0.0.1:9464"));
    const QCommandLineOption verifyTokenFile(
        QStringLiteral("verify-token-file"), QString(), QStringLiteral("file"));
    const QCommandLineOption appSecretFile(
        QStringLiteral("app-secret-file"), QString(), QStringLiteral("file"));
    const QCommandLineOption tokenFile(
        QStringLiteral("token-file"), QString(), QStringLiteral("file"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption mps(QStringLiteral("mps"), QString(), QStringLiteral("rate"));
    const QCommandLineOption numberMps(
        QStringLiteral("number-mps"), QString(), QStringLiteral("pnid=rate"));
    const QCommandLineOption coexistence(
        QStringLiteral("coexistence"), QString(), QStringLiteral("pnid"));
    // Hidden, for tests and benchmarks.
    const QCommandLineOption requestTimeout(
        QStringLiteral("request-timeout-ms"), QString(), QStringLiteral("ms"));
    const QCommandLineOption idleTimeout(
        QStringLiteral("idle-timeout-ms"), QString(), QStringLiteral("ms"));
    const QCommandLineOption maxBatch(
        QStringLiteral("journal-max-batch"), QString(), QStringLiteral("rows"));
    const QCommandLineOption noParse(QStringLiteral("no-parse")); // journal only (benchmarks)
    // SQLite's synchronous=FULL commit instead of the fsync outside the write lock (benchmarks).
    const QCommandLineOption sqliteSync(QStringLiteral("journal-sqlite-sync"));
    const QCommandLineOption parseMaxTx(
        QStringLiteral("parse-max-tx-us"), QString(), QStringLiteral("us"));
    const QCommandLineOption indexChunk(
        QStringLiteral("index-chunk-rows"), QString(), QStringLiteral("rows"));
    const QCommandLineOption parseNice(
        QStringLiteral("parse-nice"), QString(), QStringLiteral("n"));
    const QCommandLineOption journalCheckpointMs(
        QStringLiteral("journal-checkpoint-ms"), QString(), QStringLiteral("ms"));
    const QCommandLineOption storeCheckpointRows(
        QStringLiteral("store-checkpoint-rows"), QString(), QStringLiteral("rows"));
    const QCommandLineOption journalCheckpoint(
        QStringLiteral("journal-checkpoint-frames"), QString(), QStringLiteral("frames"));
    const QCommandLineOption noEarlyWriteback(QStringLiteral("no-early-writeback"), QString());
    const QCommandLineOption parseYield(
        QStringLiteral("parse-yield-every-us"), QString(), QStringLiteral("us"));
    const QCommandLineOption storeCheckpointInline(QStringLiteral("store-checkpoint-inline"));
    const QCommandLineOption storeCheckpointPace(
        QStringLiteral("store-checkpoint-kib-per-ms"), QString(), QStringLiteral("kib"));
    const QCommandLineOption storeWalMaxFrames(
        QStringLiteral("store-wal-max-frames"), QString(), QStringLiteral("frames"));
    const QCommandLineOption storeCheckpointMs(
        QStringLiteral("store-checkpoint-ms"), QString(), QStringLiteral("ms"));
    parser.addOptions({db, listen, metricsListen, verifyTokenFile, appSecretFile, tokenFile, help,
        requestTimeout, idleTimeout, maxBatch, noParse, parseMaxTx, sqliteSync, indexChunk,
        parseNice, journalCheckpoint, journalCheckpointMs, storeCheckpointRows, noEarlyWriteback,
        storeCheckpointMs, parseYield, storeCheckpointInline, storeCheckpointPace,
        storeWalMaxFrames});
    parser.addOptions({mps, numberMps, coexistence});
    if (!parser.parse(QStringList{QStringLiteral("serve")} + args)) {
        std::fprintf(stderr, "serve: %s\n\n%s", qPrintable(parser.errorText()), kServeUsage);
        return cli::Usage;
    }
    if (parser.isSet(help)) {
        std::fputs(kServeUsage, stdout);
        return cli::Ok;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "serve: unexpected argument %s\n\n%s",
            qPrintable(parser.positionalArguments().first()), kServeUsage);
        return cli::Usage;
    }
    const QString dbPath = parser.value(db);
    if (dbPath.isEmpty()) {
        std::fprintf(stderr, "serve: --db PATH is required\n\n%s", kServeUsage);
        return cli::Usage;
    }
    QString error;
    SchedulerOptions outboxRates; // checked before anything starts: a bad rate is a usage error
    if (parser.isSet(mps)
        && !NumberRates::parseRate(parser.value(mps), &outboxRates.messagesPerSecond, &error)) {
        std::fprintf(stderr, "serve: --mps: %s\n", qPrintable(error));
        return cli::Usage;
    }
    if (!NumberRates::fromArguments(parser.values(numberMps), parser.values(coexistence),
            &outboxRates.numberMessagesPerSecond, &error)) {
        std::fprintf(stderr, "serve: %s\n", qPrintable(error));
        return cli::Usage;
    }
    WebhookReceiver::Config config;
    config.appSecret = readSecret(parser.value(appSecretFile), "WA_APP_SECRET", &error);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "serve: %s\n", qPrintable(error));
        return cli::Usage;
    }
    if (config.appSecret.isEmpty()) {
        std::fprintf(stderr,
            "serve: no app secret. Set WA_APP_SECRET or pass --app-secret-file FILE (the App "
            "Secret of your Meta app, which signs every webhook). Parley has no unsigned mode.\n");
        return cli::Usage;
    }
    config.verifyToken = readSecret(parser.value(verifyTokenFile), "WA_VERIFY_TOKEN", &error);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "serve: %s\n", qPrintable(error));
        return cli::Usage;
    }
    if (config.verifyToken.isEmpty())
        qCWarning(lcWebhook) << "no verify token (WA_VERIFY_TOKEN or --verify-token-file): "
                                "Meta's subscription check will be refused";

    HttpServer::Limits limits;
    if (parser.isSet(requestTimeout))
        limits.requestTimeoutMs = parser.value(requestTimeout).toInt();
    if (parser.isSet(idleTimeout))
        limits.idleTimeoutMs = parser.value(idleTimeout).toInt();

    Metrics &metrics = Metrics::global();
    Journal journal(dbPath, Clock::system(), &metrics);
    {
        Journal::Options options;
        if (parser.isSet(maxBatch))
            options.maxBatch = qMax(1, parser.value(maxBatch).toInt());
        options.fsyncOutsideLock = !parser.isSet(sqliteSync);
        if (parser.isSet(journalCheckpoint))
            options.finishCheckpointAboveFrames = qMax(0, parser.value(journalCheckpoint).toInt());
        journal.setOptions(options);
    }
    if (!journal.start(&error)) {
        std::fprintf(stderr, "serve: cannot open the store: %s\n", qPrintable(error));
        return cli::Failure;
    }
    IngestPipeline pipeline(dbPath, &journal, Clock::system(), &metrics);
    if (parser.isSet(parseMaxTx) || parser.isSet(indexChunk) || parser.isSet(parseNice)
        || parser.isSet(journalCheckpointMs) || parser.isSet(storeCheckpointRows)
        || parser.isSet(noEarlyWriteback) || parser.isSet(storeCheckpointMs)
        || parser.isSet(parseYield) || parser.isSet(storeCheckpointInline)
        || parser.isSet(storeCheckpointPace) || parser.isSet(storeWalMaxFrames)) {
        IngestPipeline::Options options;
        if (parser.isSet(parseMaxTx))
            options.maxTransactionUs = qMax(0, parser.value(parseMaxTx).toInt());
        if (parser.isSet(journalCheckpointMs))
            options.journalCheckpointEveryMs = qMax(0, parser.value(journalCheckpointMs).toInt());
        if (parser.isSet(storeCheckpointRows))
            options.checkpointEveryRows = qMax(1, parser.value(storeCheckpointRows).toInt());
        if (parser.isSet(indexChunk))
            options.indexChunkRows = qMax(1, parser.value(indexChunk).toInt());
        if (parser.isSet(parseNice))
            options.niceness = qBound(0, parser.value(parseNice).toInt(), 19);
        options.startStoreWriteback = !parser.isSet(noEarlyWriteback);
        if (parser.isSet(parseYield))
            options.yieldEveryUs = qBound(0, parser.value(parseYield).toInt(), 1000000);
        options.checkpointThread = !parser.isSet(storeCheckpointInline);
        if (parser.isSet(storeCheckpointPace))
            options.checkpointKibPerMs = qMax(0, parser.value(storeCheckpointPace).toInt());
        if (parser.isSet(storeWalMaxFrames))
            options.maxStoreWalFrames = qMax(1, parser.value(storeWalMaxFrames).toInt());
        if (parser.isSet(storeCheckpointMs))
            options.checkpointEveryMs = qMax(1, parser.value(storeCheckpointMs).toInt());
        pipeline.setOptions(options);
    }
    if (!parser.isSet(noParse) && !pipeline.start(&error)) {
        std::fprintf(stderr, "serve: cannot start the parse worker: %s\n", qPrintable(error));
        return cli::Failure;
    }
    WebhookReceiver receiver(&journal, config, &metrics);
    if (!receiver.listen(parser.value(listen), &error, limits)) {
        std::fprintf(stderr, "serve: cannot listen on %s: %s\n", qPrintable(parser.value(listen)),
            qPrintable(error));
        return cli::Failure;
    }
    QJsonObject ready{{QStringLiteral("event"), QStringLiteral("listening")},
        {QStringLiteral("webhooks"),
            hostPort(receiver.server()->serverAddress(), receiver.serverPort())}};

    HttpServer metricsServer;
    const QString metricsAddress = parser.value(metricsListen);
    if (metricsAddress != QLatin1String("off")) {
        metricsServer.setHandler(
            [&metrics, &journal](const HttpRequest &request, HttpResponder responder) {
                if (request.method != "GET" && request.method != "HEAD") {
                    responder.respond(HttpResponse::text(405, "method not allowed\n"));
                } else if (request.path == "/metrics") {
                    HttpResponse r;
                    r.contentType = Metrics::contentType();
                    r.body = metrics.exposition();
                    responder.respond(std::move(r));
                } else if (request.path == "/healthz") {
                    responder.respond(journal.isRunning()
                            ? HttpResponse::text(200, "ok\n")
                            : HttpResponse::text(503, "journal not running\n"));
                } else {
                    responder.respond(HttpResponse::text(404, "not found\n"));
                }
            });
        if (!metricsServer.listen(metricsAddress, &error)) {
            std::fprintf(stderr, "serve: cannot listen on %s: %s\n", qPrintable(metricsAddress),
                qPrintable(error));
            return cli::Failure;
        }
        ready.insert(QStringLiteral("metrics"),
            hostPort(metricsServer.serverAddress(), metricsServer.serverPort()));
    }

    // With an access token, serve is also the process that drains the outbox: what `parleyctl
    // send` and the console enqueue in this store is delivered from here (docs/outbox.md).
    QString tokenError;
    EnvSecretStore secrets(parser.value(tokenFile), &tokenError);
    if (!tokenError.isEmpty()) {
        std::fprintf(stderr, "serve: %s\n", qPrintable(tokenError));
        return cli::Usage;
    }
    std::unique_ptr<Outbox> outbox;
    if (secrets.read(QString::fromLatin1(SecretStore::AccessToken))) {
        Outbox::Options options;
        options.databasePath = dbPath;
        options.phoneNumberId = qEnvironmentVariable("WA_PHONE_NUMBER_ID");
        options.graph = GraphConfig::fromEnvironment();
        options.deliver = true;
        options.scheduler.messagesPerSecond = outboxRates.messagesPerSecond;
        options.scheduler.numberMessagesPerSecond = outboxRates.numberMessagesPerSecond;
        outbox = std::make_unique<Outbox>(options, &secrets);
        QObject::connect(outbox.get(), &Outbox::startFailed, QCoreApplication::instance(),
            [](const QString &why) { qCWarning(lcOutbox) << "outbox not draining:" << why; });
        outbox->start();
        ready.insert(QStringLiteral("outbox"), QStringLiteral("draining"));
    }
    // With a token, inbound media is fetched as soon as its message is stored (docs/outbox.md).
    std::unique_ptr<MediaAutoFetch> media;
    if (outbox) {
        MediaAutoFetch::Options mediaOptions;
        mediaOptions.databasePath = dbPath;
        mediaOptions.graph = GraphConfig::fromEnvironment();
        media = std::make_unique<MediaAutoFetch>(mediaOptions, &secrets);
        QObject::connect(&pipeline, &IngestPipeline::ingested, media.get(),
            [m = media.get()](const IngestBatch &batch) { m->addMessages(batch.messageIds); });
        media->start();
        ready.insert(QStringLiteral("media_cache"), media->cacheDir());
    }

    // With a token and a WABA id, templates are synced now and on a schedule (the status webhooks
    // keep them live in between; docs/templates.md).
    const QString wabaId = qEnvironmentVariable("WA_WABA_ID");
    const QString templatesConnection = QStringLiteral("serve-templates");
    std::unique_ptr<GraphClient> graph;
    std::unique_ptr<TemplateStore> templateStore;
    std::unique_ptr<TemplateSync> templateSync;
    if (outbox && !wabaId.isEmpty()) {
        QSqlDatabase templatesDb = Database::open(dbPath, templatesConnection, &error);
        if (!templatesDb.isValid()) {
            std::fprintf(stderr, "serve: %s\n", qPrintable(error));
            return cli::Failure;
        }
        graph = std::make_unique<GraphClient>(GraphConfig::fromEnvironment(), &secrets);
        templateStore = std::make_unique<TemplateStore>(templatesDb);
        templateSync = std::make_unique<TemplateSync>(
            graph.get(), templateStore.get(), wabaId, Clock::system());
        const int intervalMs = qEnvironmentVariableIsSet("PARLEY_TEMPLATE_SYNC_MS")
            ? qEnvironmentVariableIntValue("PARLEY_TEMPLATE_SYNC_MS")
            : 15 * 60 * 1000;
        templateSync->syncAll([](const TemplateSyncResult &) {});
        templateSync->setSchedule(intervalMs);
        ready.insert(QStringLiteral("templates"), QStringLiteral("syncing"));
    }

    // SIGINT/SIGTERM: stop taking requests, commit and answer what is queued, then exit.
    if (::pipe(g_signalPipe) == 0) {
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    QSocketNotifier signals(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&signals, &QSocketNotifier::activated, QCoreApplication::instance(),
        [] { QCoreApplication::quit(); });
    std::signal(SIGPIPE, SIG_IGN);

    std::fprintf(stdout, "%s\n", QJsonDocument(ready).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    qCInfo(lcWebhook) << "serving webhooks on" << ready.value(QStringLiteral("webhooks")).toString()
                      << "metrics on" << ready.value(QStringLiteral("metrics")).toString();

    const int rc = QCoreApplication::exec();
    qCInfo(lcWebhook) << "shutting down";
    receiver.server()->close();
    metricsServer.close();
    templateSync.reset();
    templateStore.reset();
    graph.reset();
    if (!wabaId.isEmpty())
        Database::close(templatesConnection);
    media.reset();
    if (outbox)
        outbox->stop();
    journal.stop(); // commits and answers what is queued
    QCoreApplication::processEvents(); // deliver those answers
    pipeline.stop();
    return rc == 0 ? cli::Ok : cli::Failure;
}

int runReplay(const QStringList &args)
{
    QString dbPath;
    ReplaySelection selection = ReplaySelection::Pending;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--db") && i + 1 < args.size()) {
            dbPath = args.at(++i);
        } else if (arg.startsWith(QLatin1String("--db="))) {
            dbPath = arg.mid(5);
        } else if (arg == QLatin1String("--all")) {
            selection = ReplaySelection::All;
        } else if (arg == QLatin1String("--failed")) {
            selection = ReplaySelection::Failed;
        } else if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            std::fputs(kReplayUsage, stdout);
            return cli::Ok;
        } else {
            std::fprintf(
                stderr, "replay: unexpected argument %s\n\n%s", qPrintable(arg), kReplayUsage);
            return cli::Usage;
        }
    }
    if (dbPath.isEmpty()) {
        std::fprintf(stderr, "replay: --db PATH is required\n\n%s", kReplayUsage);
        return cli::Usage;
    }
    if (!QFile::exists(dbPath)) {
        std::fprintf(stderr, "replay: no store at %s\n", qPrintable(dbPath));
        return cli::Failure;
    }
    ReplayStats stats;
    QString error;
    const bool ok = IngestPipeline::replay(dbPath, selection, Clock::system(), &stats, &error);
    const QJsonObject summary{{QStringLiteral("rows"), stats.rows},
        {QStringLiteral("parsed"), stats.parsed}, {QStringLiteral("failed"), stats.failed},
        {QStringLiteral("events"), stats.events}};
    std::fprintf(stdout, "%s\n", QJsonDocument(summary).toJson(QJsonDocument::Compact).constData());
    if (!ok) {
        std::fprintf(stderr, "replay: %s\n", qPrintable(error));
        return cli::Failure;
    }
    return cli::Ok;
}

} // namespace

PARLEY_REGISTER_COMMAND(
    "serve", "receive signed webhooks, journal them durably, parse them", runServe);
PARLEY_REGISTER_COMMAND("replay", "re-parse journal rows into the store (idempotent)", runReplay);

} // namespace parley::core
