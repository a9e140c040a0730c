// parleyctl sim: the simulated WhatsApp Cloud API as a process (docs/simulator.md).
#include "cli/Command.h"
#include "common/Log.h"
#include "sim/Simulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>

namespace parley::sim {

namespace {

const char *const kUsage
    = "usage: parleyctl sim [--listen 127.0.0.1:8099] [--webhook-url URL] [--app-secret-file F]\n"
      "                     [--scenario FILE] [--latency-ms N[-M]] [--throughput-mps N] [--seed "
      "N]\n"
      "                     [--token-file F] [fault and identity options]\n"
      "\n"
      "Runs a simulated WhatsApp Cloud API on loopback: point Parley's WA_GRAPH_BASE_URL at the\n"
      "printed base URL. Defaults (token, phone number id, WABA id, app secret) are listed in\n"
      "docs/simulator.md.\n"
      "\n"
      "  --listen HOST:PORT          where the Graph API is served (default 127.0.0.1:8099; port "
      "0\n"
      "                              picks a free port, printed on stdout)\n"
      "  --webhook-url URL           where webhooks are posted (e.g. parleyctl serve's listener)\n"
      "  --app-secret-file F         key of X-Hub-Signature-256 (else $WA_APP_SECRET, else the\n"
      "                              documented default)\n"
      "  --token-file F              the accepted access token (else $WA_TOKEN, else the default)\n"
      "  --scenario FILE             simulated customers (fixtures/sim/scenarios/demo.json)\n"
      "  --latency-ms N[-M]          answer latency, uniform in [N, M] ms\n"
      "  --throughput-mps N          throughput cap per number (130429 above it); 0 = none\n"
      "  --pair-rate-burst N         messages to one user before 131056 (default 45; 0 = none)\n"
      "  --seed N                    random seed (faults, ids)\n"
      "  --phone-number-id ID        business phone number id (default 106540352242922)\n"
      "  --display-number DIGITS     its display number (default 15550100001)\n"
      "  --waba-id ID                WhatsApp Business Account id (default 102290129340398)\n"
      "  --template-approval-ms N    delay before a created template is decided (default 60000)\n"
      "  --no-window                 do not enforce the 24 h customer-service window (131047)\n"
      "  --status-delays-ms S,D,R    delays of sent, delivered, read (default 200,1000,4000)\n"
      "  --error-rate R              share of sends answered HTTP 503 code 2\n"
      "  --internal-error-rate R     share answered 131000 (HTTP 500)\n"
      "  --unavailable-rate R        share answered 131016 (HTTP 500)\n"
      "  --drop-rate R               share of sends whose connection is reset unanswered\n"
      "  --token-expires-in-s N      the token stops working N seconds after start (190/463)\n"
      "  --webhook-batch N           up to N events per webhook POST (default 1)\n"
      "  --webhook-duplicate-rate R  share of webhook POSTs sent twice\n"
      "  --webhook-reorder-rate R    share of events swapped with the next one\n"
      "  --webhook-retry-period-s N  retry a failing webhook for N seconds, then drop it (600)\n"
      "\n"
      "On start it prints one JSON line to stdout: base_url, phone_number_id, waba_id.\n";

std::atomic<bool> g_stop{false};

void onSignal(int)
{
    g_stop = true;
}

bool readSecret(const QString &file, const char *env, QByteArray *out, QString *error)
{
    if (!file.isEmpty()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(file, f.errorString());
            return false;
        }
        *out = f.readAll().trimmed();
        return true;
    }
    const QByteArray value = qgetenv(env);
    if (!value.isEmpty())
        *out = value.trimmed();
    return true;
}

QCommandLineOption valueOption(const char *name, const char *valueName)
{
    return QCommandLineOption(QString::fromLatin1(name), QString(), QString::fromLatin1(valueName));
}

int runSim(const QStringList &args)
{
    QCommandLineParser parser;
    const char *valueOptions[][2] = {{"listen", "hostport"}, {"webhook-url", "url"},
        {"app-secret-file", "file"}, {"token-file", "file"}, {"scenario", "file"},
        {"latency-ms", "ms"}, {"throughput-mps", "n"}, {"pair-rate-burst", "n"}, {"seed", "n"},
        {"phone-number-id", "id"}, {"display-number", "digits"}, {"waba-id", "id"},
        {"template-approval-ms", "ms"}, {"status-delays-ms", "list"}, {"error-rate", "r"},
        {"internal-error-rate", "r"}, {"unavailable-rate", "r"}, {"drop-rate", "r"},
        {"token-expires-in-s", "n"}, {"webhook-batch", "n"}, {"webhook-duplicate-rate", "r"},
        {"webhook-reorder-rate", "r"}, {"webhook-retry-period-s", "n"}};
    for (const auto &o : valueOptions)
        parser.addOption(valueOption(o[0], o[1]));
    parser.addOption(QCommandLineOption(QStringLiteral("no-window")));
    parser.addOption(
        QCommandLineOption(QStringList() << QStringLiteral("h") << QStringLiteral("help")));
    if (!parser.parse(QStringList{QStringLiteral("parleyctl sim")} + args)) {
        std::fprintf(stderr, "parleyctl sim: %s\n\n%s", qPrintable(parser.errorText()), kUsage);
        return core::cli::Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(kUsage, stdout);
        return core::cli::Ok;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "parleyctl sim: unexpected argument '%s'\n\n%s",
            qPrintable(parser.positionalArguments().first()), kUsage);
        return core::cli::Usage;
    }
    auto usage = [](const QString &message) {
        std::fprintf(stderr, "parleyctl sim: %s\n", qPrintable(message));
        return int(core::cli::Usage);
    };
    auto number = [&](const char *name, double fallback, bool *ok) {
        const QString v = parser.value(QString::fromLatin1(name));
        if (v.isEmpty())
            return fallback;
        bool good = false;
        const double d = v.toDouble(&good);
        if (!good || d < 0)
            *ok = false;
        return d;
    };

    SimConfig config;
    bool ok = true;
    QString error;
    if (!readSecret(parser.value(QStringLiteral("app-secret-file")), "WA_APP_SECRET",
            &config.appSecret, &error))
        return usage(error);
    QByteArray token;
    if (!readSecret(parser.value(QStringLiteral("token-file")), "WA_TOKEN", &token, &error))
        return usage(error);
    if (!token.isEmpty())
        config.accessTokens = QStringList{QString::fromUtf8(token)};
    if (parser.isSet(QStringLiteral("webhook-url"))) {
        config.webhookUrl = QUrl(parser.value(QStringLiteral("webhook-url")));
        if (!config.webhookUrl.isValid() || config.webhookUrl.scheme().isEmpty())
            return usage(QStringLiteral("--webhook-url must be an http(s) URL"));
    }
    if (parser.isSet(QStringLiteral("phone-number-id")))
        config.phoneNumbers.first().id = parser.value(QStringLiteral("phone-number-id"));
    if (parser.isSet(QStringLiteral("display-number")))
        config.phoneNumbers.first().displayNumber = parser.value(QStringLiteral("display-number"));
    if (parser.isSet(QStringLiteral("waba-id")))
        config.wabaId = parser.value(QStringLiteral("waba-id"));
    if (parser.isSet(QStringLiteral("latency-ms"))) {
        const QStringList parts = parser.value(QStringLiteral("latency-ms")).split(u'-');
        bool a = false, b = true;
        config.latencyMinMs = parts.value(0).toInt(&a);
        config.latencyMaxMs = parts.size() > 1 ? parts.value(1).toInt(&b) : config.latencyMinMs;
        if (!a || !b || parts.size() > 2 || config.latencyMinMs < 0
            || config.latencyMaxMs < config.latencyMinMs)
            return usage(QStringLiteral("--latency-ms takes N or N-M (milliseconds)"));
    }
    if (parser.isSet(QStringLiteral("status-delays-ms"))) {
        const QStringList parts = parser.value(QStringLiteral("status-delays-ms")).split(u',');
        if (parts.size() != 3)
            return usage(QStringLiteral("--status-delays-ms takes SENT,DELIVERED,READ"));
        config.sentDelayMs = parts[0].toLongLong();
        config.deliveredDelayMs = parts[1].toLongLong();
        config.readDelayMs = parts[2].toLongLong();
    }
    config.throughputMps = number("throughput-mps", 0, &ok);
    config.pairRateBurst = int(number("pair-rate-burst", config.pairRateBurst, &ok));
    config.seed = quint64(number("seed", 1, &ok));
    config.templateApprovalDelayMs
        = qint64(number("template-approval-ms", double(config.templateApprovalDelayMs), &ok));
    config.serverErrorRate = number("error-rate", 0, &ok);
    config.internalErrorRate = number("internal-error-rate", 0, &ok);
    config.serviceUnavailableRate = number("unavailable-rate", 0, &ok);
    config.dropConnectionRate = number("drop-rate", 0, &ok);
    config.webhookBatchMax = int(number("webhook-batch", 1, &ok));
    config.webhookDuplicateRate = number("webhook-duplicate-rate", 0, &ok);
    config.webhookReorderRate = number("webhook-reorder-rate", 0, &ok);
    config.webhookRetryPeriodMs = qint64(
        number("webhook-retry-period-s", double(config.webhookRetryPeriodMs) / 1000, &ok) * 1000);
    const double expiresIn = number("token-expires-in-s", 0, &ok);
    if (!ok)
        return usage(QStringLiteral("numeric options take non-negative numbers"));
    for (double rate :
        {config.serverErrorRate, config.internalErrorRate, config.serviceUnavailableRate,
            config.dropConnectionRate, config.webhookDuplicateRate, config.webhookReorderRate}) {
        if (rate > 1)
            return usage(QStringLiteral("rates are between 0 and 1"));
    }
    if (expiresIn > 0)
        config.tokenExpiresAtMs = QDateTime::currentMSecsSinceEpoch() + qint64(expiresIn * 1000);
    config.enforceWindow = !parser.isSet(QStringLiteral("no-window"));

    Simulator simulator(config);
    if (parser.isSet(QStringLiteral("scenario"))
        && !simulator.loadScenario(parser.value(QStringLiteral("scenario")), &error)) {
        std::fprintf(stderr, "parleyctl sim: %s\n", qPrintable(error));
        return core::cli::Failure;
    }
    const QString listen = parser.isSet(QStringLiteral("listen"))
        ? parser.value(QStringLiteral("listen"))
        : QStringLiteral("127.0.0.1:8099");
    if (!simulator.start(listen, &error)) {
        std::fprintf(stderr, "parleyctl sim: cannot listen on %s: %s\n", qPrintable(listen),
            qPrintable(error));
        return core::cli::Failure;
    }
    const QJsonObject banner{{QStringLiteral("base_url"), simulator.baseUrl().toString()},
        {QStringLiteral("port"), simulator.port()},
        {QStringLiteral("phone_number_id"), config.phoneNumbers.first().id},
        {QStringLiteral("display_phone_number"), config.phoneNumbers.first().displayNumber},
        {QStringLiteral("waba_id"), config.wabaId},
        {QStringLiteral("webhook_url"), config.webhookUrl.toString()}};
    std::printf("%s\n", QJsonDocument(banner).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    qCInfo(core::lcSim) << "simulator listening on" << simulator.baseUrl().toString();

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QTimer stopPoll;
    QObject::connect(&stopPoll, &QTimer::timeout, &simulator, [] {
        if (g_stop)
            QCoreApplication::quit();
    });
    stopPoll.start(100);
    QCoreApplication::exec();
    simulator.stop();
    return core::cli::Ok;
}

} // namespace

} // namespace parley::sim

PARLEY_REGISTER_COMMAND(
    "sim", "run the simulated WhatsApp Cloud API on loopback", parley::sim::runSim);
