// parleyctl send | outbox | media — the command-line side of the send pipeline.
//
// Data goes to stdout as JSON (one object per line); messages to stderr. Options:
// docs/cli.md#send-outbox-media. `send` delivers by itself when no other process drains the store
// (no live row in outbox_drainers), otherwise it only enqueues and, with --wait, waits for the
// outcome.

#include "cli/Command.h"
#include "common/Clock.h"
#include "common/Log.h"
#include "graph/GraphClient.h"
#include "media/MediaFetcher.h"
#include "media/MediaUploader.h"
#include "outbox/MessageBuilder.h"
#include "outbox/NumberRates.h"
#include "outbox/OutboxStore.h"
#include "outbox/PhoneNumber.h"
#include "outbox/Scheduler.h"
#include "secrets/EnvSecretStore.h"
#include "store/Database.h"
#include "templates/TemplateFiller.h"
#include "templates/TemplateStore.h"
#include "templates/TemplateSync.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace parley::core {

namespace {

const char kSendUsage[]
    = "usage: parleyctl send --db PATH (--to NUMBER | --recipient BSUID) MESSAGE [options]\n"
      "       parleyctl send --db PATH --batch FILE [options]\n"
      "\n"
      "MESSAGE is one of:\n"
      "  --text T [--preview-url]    --image F | --video F | --audio F | --document F |\n"
      "  --sticker F  (F: a local file, uploaded first; a media id; or an http(s) link)\n"
      "  --location LAT,LON[,NAME,ADDRESS]   --contacts-json F   --interactive-json F\n"
      "  --template NAME --lang CODE [--param KEY=VALUE]...   --react WAMID EMOJI\n"
      "  --json MESSAGE_FILE (a message object: {\"type\":\"text\",\"text\":{...}})\n"
      "\n"
      "options:\n"
      "  --caption C  --filename N  --reply-to WAMID\n"
      "  --wait SECONDS        how long to wait for the outcome (default 30 when delivering)\n"
      "  --phone-number-id ID  the business number (else $WA_PHONE_NUMBER_ID)\n"
      "  --region CC           default region for numbers without + (else $PARLEY_REGION, US)\n"
      "  --key KEY             idempotency key (the same key never sends twice)\n"
      "  --no-window-check     send free-form even when the 24 h window looks closed\n"
      "  --mps N               throughput of every number when delivering (else $WA_MPS,\n"
      "                        80; 1 to 1000)\n"
      "  --number-mps PNID=RATE  one number's throughput (repeatable; RATE 1 to 1000,\n"
      "                        'coexistence' or 'default'); over `outbox rate`\n"
      "  --coexistence PNID    a coexistence number: 20 messages/s (repeatable)\n"
      "  --token-file FILE     access token (else $WA_TOKEN); Graph base from\n"
      "                        $WA_GRAPH_BASE_URL / $WA_GRAPH_VERSION\n"
      "--batch FILE: one JSON object per line {\"to\"|\"recipient\", \"message\": {...}, "
      "\"key\"?};\n"
      "one result line per input line.\n";

const char kOutboxUsage[]
    = "usage: parleyctl outbox --db PATH list [--state S[,S...]] [--to NUMBER] [--limit N]\n"
      "       parleyctl outbox --db PATH retry ID [--wait SECONDS]\n"
      "       parleyctl outbox --db PATH cancel ID\n"
      "       parleyctl outbox --db PATH drain [--wait SECONDS] [--mps N]\n"
      "                        [--number-mps PNID=RATE]... [--coexistence PNID]...\n"
      "       parleyctl outbox --db PATH rate [PNID [RATE|coexistence|default]]\n"
      "rate: a number's throughput stored in the store (read by every drainer within 5 s);\n"
      "without RATE prints it, without PNID prints every stored rate.\n";

const char kMediaUsage[]
    = "usage: parleyctl media --db PATH upload FILE [--kind image|video|audio|document|sticker]\n"
      "       parleyctl media --db PATH fetch MEDIA_ID [--cache DIR]\n"
      "       parleyctl media --db PATH list [--state pending|fetched|failed] [--cache DIR]\n"
      "list: the inbound media cache (media_cache), one JSON line each, failures with their\n"
      "error and attempts. The cache is <db>.media unless --cache DIR.\n"
      "options: --phone-number-id ID, --token-file FILE (as for send)\n";

void out(const QJsonObject &o)
{
    QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    line.append('\n');
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

void err(const char *command, const QString &message)
{
    std::fprintf(stderr, "%s: %s\n", command, qPrintable(message));
}

struct Args
{
    QStringList positional;
    QHash<QString, QString> values;
    QStringList params;
    QStringList react;
    QStringList numberMps; // --number-mps PNID=RATE, repeatable
    QStringList coexistence; // --coexistence PNID, repeatable
    QSet<QString> flags;

    QString value(const char *name) const { return values.value(QLatin1String(name)); }
    bool has(const char *name) const { return values.contains(QLatin1String(name)); }
};

bool parse(const QStringList &args, const QStringList &valueOptions, const QStringList &flagOptions,
    Args *a, QString *error)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString arg = args.at(i);
        QString inlineValue;
        bool hasInline = false;
        if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
            inlineValue = arg.mid(arg.indexOf(QLatin1Char('=')) + 1);
            arg = arg.left(arg.indexOf(QLatin1Char('=')));
            hasInline = true;
        }
        if (arg == QLatin1String("--react")) {
            if (i + 2 >= args.size()) {
                *error = QStringLiteral("--react needs WAMID and EMOJI");
                return false;
            }
            a->react = {args.at(i + 1), args.at(i + 2)};
            i += 2;
            continue;
        }
        if (valueOptions.contains(arg)) {
            QString v;
            if (hasInline) {
                v = inlineValue;
            } else if (i + 1 < args.size()) {
                v = args.at(++i);
            } else {
                *error = arg + QStringLiteral(" needs a value");
                return false;
            }
            if (arg == QLatin1String("--param"))
                a->params.append(v);
            else if (arg == QLatin1String("--number-mps"))
                a->numberMps.append(v);
            else if (arg == QLatin1String("--coexistence"))
                a->coexistence.append(v);
            else
                a->values.insert(arg.mid(2), v);
            continue;
        }
        if (flagOptions.contains(arg)) {
            a->flags.insert(arg.mid(2));
            continue;
        }
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            a->flags.insert(QStringLiteral("help"));
            continue;
        }
        if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1 && !arg.at(1).isDigit()) {
            *error = QStringLiteral("unknown option ") + arg;
            return false;
        }
        a->positional.append(args.at(i));
    }
    return true;
}

// Everything a command needs: the store, secrets, the Graph client and, when this process
// delivers, a Scheduler.
class Session
{
public:
    const char *command;
    QString connection;
    QSqlDatabase db;
    std::unique_ptr<OutboxStore> store;
    std::unique_ptr<EnvSecretStore> secrets;
    std::unique_ptr<GraphClient> graph;
    std::unique_ptr<Scheduler> scheduler;
    QString phoneNumberId;
    QString region;
    SchedulerOptions schedulerOptions;

    explicit Session(const char *name) : command(name) { }
    ~Session()
    {
        scheduler.reset();
        graph.reset();
        store.reset();
        db = QSqlDatabase();
        if (!connection.isEmpty())
            Database::close(connection);
    }

    bool open(const Args &a)
    {
        const QString path = a.value("db");
        if (path.isEmpty()) {
            err(command, QStringLiteral("--db PATH is required"));
            return false;
        }
        connection = QStringLiteral("parleyctl-%1").arg(QLatin1String(command));
        QString error;
        db = Database::open(path, connection, &error);
        if (!db.isValid()) {
            err(command, error);
            return false;
        }
        store = std::make_unique<OutboxStore>(db, Clock::system());
        QString tokenError;
        secrets = std::make_unique<EnvSecretStore>(a.value("token-file"), &tokenError);
        if (!tokenError.isEmpty()) {
            err(command, tokenError);
            return false;
        }
        graph = std::make_unique<GraphClient>(GraphConfig::fromEnvironment(), secrets.get());
        phoneNumberId = a.has("phone-number-id") ? a.value("phone-number-id")
                                                 : qEnvironmentVariable("WA_PHONE_NUMBER_ID");
        region = a.has("region") ? a.value("region") : qEnvironmentVariable("PARLEY_REGION");
        if (region.isEmpty())
            region = QStringLiteral("US");
        return true;
    }

    bool needToken()
    {
        if (!secrets->read(QString::fromLatin1(SecretStore::AccessToken))) {
            err(command, QStringLiteral("no access token: set WA_TOKEN or pass --token-file FILE"));
            return false;
        }
        return true;
    }

    // The throughput options (--mps, --number-mps, --coexistence), checked before anything is
    // enqueued: a bad rate is a usage error, not a silently clamped one.
    bool readRates(const Args &a)
    {
        QString error;
        const QString mps = a.has("mps") ? a.value("mps") : qEnvironmentVariable("WA_MPS");
        if (!mps.isEmpty()) {
            double rate = 0;
            if (!NumberRates::parseRate(mps, &rate, &error)) {
                err(command,
                    (a.has("mps") ? QStringLiteral("--mps: ") : QStringLiteral("$WA_MPS: "))
                        + error);
                return false;
            }
            schedulerOptions.messagesPerSecond = rate;
        }
        if (!NumberRates::fromArguments(
                a.numberMps, a.coexistence, &schedulerOptions.numberMessagesPerSecond, &error)) {
            err(command, error);
            return false;
        }
        return true;
    }

    // Starts delivering unless another live process drains this store.
    bool startDelivering(const Args &)
    {
        if (store->hasLiveDrainer(QString()))
            return false;
        SchedulerOptions o = schedulerOptions;
        // Tests shorten the lease to see a killed drainer's rows become `unknown`.
        const qint64 lease = qEnvironmentVariableIntValue("PARLEY_OUTBOX_LEASE_MS");
        if (lease > 0)
            o.leaseMs = lease;
        scheduler = std::make_unique<Scheduler>(store.get(), graph.get(), Clock::system(), o);
        scheduler->start();
        return true;
    }

    // Runs the event loop until done() or the timeout; then, when delivering, stops claiming and
    // lets requests in flight finish so that no row is left `sending`.
    void runUntil(const std::function<bool()> &done, qint64 timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        QEventLoop loop;
        QTimer poll;
        poll.setInterval(20);
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (done() || t.elapsed() >= timeoutMs)
                loop.quit();
        });
        poll.start();
        if (!done())
            loop.exec();
        if (scheduler) {
            scheduler->setClaiming(false);
            QEventLoop drainLoop;
            QTimer waitInFlight;
            waitInFlight.setInterval(10);
            QElapsedTimer d;
            d.start();
            QObject::connect(&waitInFlight, &QTimer::timeout, &drainLoop, [&] {
                if (scheduler->inFlight() == 0 || d.elapsed() > 60'000)
                    drainLoop.quit();
            });
            waitInFlight.start();
            if (scheduler->inFlight() > 0)
                drainLoop.exec();
            scheduler->stop();
        }
    }

    template <typename Result, typename Starter>
    Result await(Starter start)
    {
        Result result;
        bool finished = false;
        QEventLoop loop;
        start([&](const Result &r) {
            result = r;
            finished = true;
            loop.quit();
        });
        if (!finished)
            loop.exec();
        return result;
    }
};

QJsonObject localError(
    const QString &title, const QString &details, int code = LocalError::Validation)
{
    return QJsonObject{{QStringLiteral("outbox_id"), QJsonValue()},
        {QStringLiteral("state"), QStringLiteral("refused")},
        {QStringLiteral("wamid"), QJsonValue()},
        {QStringLiteral("error"), GraphError::local(code, title, details).toJson()}};
}

bool resolveRecipient(const QString &to, const QString &recipient, const QString &region,
    Recipient *r, QString *error)
{
    if (!to.isEmpty() && !recipient.isEmpty()) {
        *error = QStringLiteral("give --to or --recipient, not both");
        return false;
    }
    if (!recipient.isEmpty()) {
        if (!PhoneNumber::isBsuid(recipient)) {
            *error = QStringLiteral("not a business-scoped user id: %1").arg(recipient);
            return false;
        }
        r->bsuid = recipient;
        return true;
    }
    if (to.isEmpty()) {
        *error = QStringLiteral("--to NUMBER or --recipient BSUID is required");
        return false;
    }
    if (PhoneNumber::isBsuid(to)) {
        r->bsuid = to; // BSUIDs go in "recipient"
        return true;
    }
    r->phone = PhoneNumber::toE164(to, region, error);
    return !r->phone.isEmpty();
}

QJsonObject readJsonFile(const QString &path, QJsonValue *value, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return {};
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1: %2").arg(path, pe.errorString());
        return {};
    }
    if (value)
        *value = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    return doc.object();
}

// A media argument: a local file (uploaded, with the id cache), an http(s) link, or a media id.
bool mediaReference(
    Session &s, const QString &kind, const QString &arg, QString *ref, QString *error)
{
    if (arg.startsWith(QLatin1String("http://")) || arg.startsWith(QLatin1String("https://"))) {
        *ref = arg;
        return true;
    }
    if (!QFileInfo(arg).isFile()) {
        *ref = arg; // a media id
        return true;
    }
    if (s.phoneNumberId.isEmpty()) {
        *error = QStringLiteral("--phone-number-id (or $WA_PHONE_NUMBER_ID) is required");
        return false;
    }
    MediaUploader uploader(s.db, s.graph.get(), Clock::system());
    const auto r = s.await<MediaUploader::Result>(
        [&](auto done) { uploader.upload(s.phoneNumberId, arg, kind, done); });
    if (!r.ok()) {
        *error = QStringLiteral("%1: %2 %3").arg(arg, r.error.title, r.error.details);
        return false;
    }
    *ref = r.mediaId;
    return true;
}

BuiltMessage buildFromArgs(Session &s, const Args &a)
{
    BuiltMessage built;
    int kinds = 0;
    for (const char *k : {"text", "image", "video", "audio", "document", "sticker", "location",
             "contacts-json", "interactive-json", "template", "json"}) {
        if (a.has(k))
            ++kinds;
    }
    if (!a.react.isEmpty())
        ++kinds;
    if (kinds != 1) {
        built.error = kinds == 0 ? QStringLiteral("no message given (--text, --image, ... --json)")
                                 : QStringLiteral("give exactly one message option");
        return built;
    }
    if (a.has("text")) {
        built = MessageBuilder::text(
            a.value("text"), a.flags.contains(QStringLiteral("preview-url")));
    } else if (!a.react.isEmpty()) {
        built = MessageBuilder::reaction(a.react.at(0), a.react.at(1));
    } else if (a.has("location")) {
        const QStringList parts = a.value("location").split(QLatin1Char(','));
        bool okLat = false, okLon = false;
        const double lat = parts.value(0).trimmed().toDouble(&okLat);
        const double lon = parts.value(1).trimmed().toDouble(&okLon);
        if (!okLat || !okLon) {
            built.error = QStringLiteral("--location needs LAT,LON[,NAME,ADDRESS]");
            return built;
        }
        built = MessageBuilder::location(
            lat, lon, parts.value(2).trimmed(), parts.mid(3).join(QLatin1Char(',')).trimmed());
    } else if (a.has("contacts-json") || a.has("interactive-json") || a.has("json")) {
        const QString key = a.has("contacts-json") ? QStringLiteral("contacts-json")
            : a.has("interactive-json")            ? QStringLiteral("interactive-json")
                                                   : QStringLiteral("json");
        QJsonValue v;
        const QJsonObject o = readJsonFile(a.values.value(key), &v, &built.error);
        if (!built.error.isEmpty())
            return built;
        if (key == QLatin1String("contacts-json"))
            built = MessageBuilder::contacts(v.isArray() ? v.toArray() : QJsonArray{o});
        else if (key == QLatin1String("interactive-json"))
            built = MessageBuilder::interactive(o);
        else {
            QJsonObject m = o;
            // Accept a whole request body too: keep only the message object.
            for (const char *k : {"messaging_product", "recipient_type", "to", "recipient",
                     "biz_opaque_callback_data"})
                m.remove(QLatin1String(k));
            built.message = m;
            built.error = MessageBuilder::validate(m);
        }
    } else if (a.has("template")) {
        if (!a.has("lang")) {
            built.error = QStringLiteral("--template needs --lang CODE");
            return built;
        }
        QList<TemplateParam> params;
        for (const QString &p : a.params) {
            TemplateParam tp;
            if (!TemplateParam::parse(p, &tp, &built.error))
                return built;
            params.append(tp);
        }
        TemplateStore templates(s.db);
        TemplateFill fill = fillTemplate(templates, a.value("template"), a.value("lang"), params);
        // A template or language this store does not know yet: re-sync that name once from the
        // WABA (WA_WABA_ID) before refusing (docs/templates.md).
        const QString wabaId = qEnvironmentVariable("WA_WABA_ID");
        if (!fill.ok() && !wabaId.isEmpty()
            && s.secrets->read(QString::fromLatin1(SecretStore::AccessToken))) {
            TemplateSync sync(s.graph.get(), &templates, wabaId, Clock::system());
            QEventLoop loop;
            bool done = false;
            sync.fillWithResync(
                a.value("template"), a.value("lang"), params, [&](const TemplateFill &refilled) {
                    fill = refilled;
                    done = true;
                    loop.quit();
                });
            if (!done)
                loop.exec();
        }
        // Local files in media parameters: upload them, then fill again.
        if (!fill.pendingUploads.isEmpty()) {
            for (TemplateParam &p : params) {
                if (p.localFile.isEmpty())
                    continue;
                QString id;
                if (!mediaReference(s, {}, p.localFile, &id, &built.error))
                    return built;
                p.mediaId = id;
                p.localFile.clear();
            }
            fill = fillTemplate(templates, a.value("template"), a.value("lang"), params);
        }
        if (!fill.ok()) {
            built.error = fill.errorText();
            return built;
        }
        built = MessageBuilder::templateMessage(fill.templateObject);
    } else {
        for (const char *k : {"image", "video", "audio", "document", "sticker"}) {
            if (!a.has(k))
                continue;
            MessageBuilder::MediaKind kind;
            MessageBuilder::mediaKindFromName(QLatin1String(k), &kind);
            QString ref;
            if (!mediaReference(s, QLatin1String(k), a.value(k), &ref, &built.error))
                return built;
            QString filename = a.value("filename");
            if (filename.isEmpty() && kind == MessageBuilder::MediaKind::Document
                && QFileInfo(a.value(k)).isFile())
                filename = QFileInfo(a.value(k)).fileName();
            built = MessageBuilder::media(kind, ref, a.value("caption"), filename);
        }
    }
    if (built.ok() && a.has("caption") && !a.has("image") && !a.has("video") && !a.has("document"))
        built.error = QStringLiteral("--caption only applies to --image, --video and --document");
    if (built.ok() && a.has("reply-to"))
        built = MessageBuilder::replyTo(built, a.value("reply-to"));
    return built;
}

bool isDelivered(OutboxState s)
{
    return s == OutboxState::Accepted || s == OutboxState::Sent || s == OutboxState::Delivered
        || s == OutboxState::Read;
}

// Finished for `send`: Meta accepted it, or it will not go without someone acting.
bool isOutcome(const OutboxEntry &e)
{
    return e.state != OutboxState::Queued && e.state != OutboxState::Sending;
}

int runBatch(Session &s, const Args &a)
{
    QFile f(a.value("batch"));
    if (!f.open(QIODevice::ReadOnly)) {
        err(s.command, QStringLiteral("cannot read %1: %2").arg(a.value("batch"), f.errorString()));
        return cli::Failure;
    }
    struct Line
    {
        QJsonObject refused;
        QString key;
    };
    QList<Line> lines;
    QList<OutgoingMessage> pending;
    QList<int> pendingIndex;
    int lineNo = 0;
    const bool enforce = !a.flags.contains(QStringLiteral("no-window-check"));
    while (!f.atEnd()) {
        const QByteArray raw = f.readLine().trimmed();
        ++lineNo;
        if (raw.isEmpty())
            continue;
        Line line;
        QJsonParseError pe;
        const QJsonObject o = QJsonDocument::fromJson(raw, &pe).object();
        OutgoingMessage m;
        QString error;
        if (pe.error != QJsonParseError::NoError)
            error = pe.errorString();
        else if (!resolveRecipient(o.value(QLatin1String("to")).toString(),
                     o.value(QLatin1String("recipient")).toString(), s.region, &m.recipient,
                     &error))
            ;
        else
            error = MessageBuilder::validate(o.value(QLatin1String("message")).toObject());
        if (!error.isEmpty()) {
            line.refused = localError(QStringLiteral("Invalid batch line"), error);
            line.refused.insert(QStringLiteral("line"), lineNo);
            lines.append(line);
            continue;
        }
        m.phoneNumberId = s.phoneNumberId;
        m.message = o.value(QLatin1String("message")).toObject();
        m.idempotencyKey = o.value(QLatin1String("key")).toString();
        line.refused.insert(QStringLiteral("line"), lineNo);
        pendingIndex.append(int(lines.size()));
        pending.append(m);
        lines.append(line);
    }
    // One transaction for the whole file.
    const auto results = s.store->enqueueMany(pending, enforce);
    for (qsizetype n = 0; n < results.size(); ++n) {
        const auto &r = results.at(n);
        Line &line = lines[pendingIndex.at(n)];
        const QJsonValue lineNumber = line.refused.value(QLatin1String("line"));
        if (!r.error.isEmpty()) {
            line.refused = localError(QStringLiteral("Store error"), r.error);
        } else if (!r.created && r.entry.id == 0) {
            line.refused = r.entry.toJson();
            line.refused.insert(QStringLiteral("state"), QStringLiteral("refused"));
        } else {
            line.key = r.entry.idempotencyKey;
        }
        line.refused.insert(QStringLiteral("line"), lineNumber);
    }
    const bool delivering = s.startDelivering(a);
    const qint64 waitMs = a.has("wait") ? qint64(a.value("wait").toDouble() * 1000)
                                        : (delivering ? 30'000 + 10LL * lines.size() : 0);
    auto allDone = [&] {
        for (const Line &l : lines) {
            if (l.key.isEmpty())
                continue;
            const auto e = s.store->getByKey(l.key);
            if (!e || !isOutcome(*e))
                return false;
        }
        return true;
    };
    if (waitMs > 0)
        s.runUntil(allDone, waitMs);
    int failures = 0;
    for (const Line &l : lines) {
        if (l.key.isEmpty()) {
            out(l.refused);
            ++failures;
            continue;
        }
        const auto e = s.store->getByKey(l.key);
        QJsonObject o = e ? e->toJson() : QJsonObject{};
        o.insert(QStringLiteral("line"), l.refused.value(QLatin1String("line")));
        if (e && !isDelivered(e->state) && !(e->state == OutboxState::Queued && !delivering))
            ++failures;
        out(o);
    }
    return failures == 0 ? cli::Ok : cli::Failure;
}

int runSend(const QStringList &args)
{
    Args a;
    QString error;
    const QStringList valueOptions{QStringLiteral("--db"), QStringLiteral("--to"),
        QStringLiteral("--recipient"), QStringLiteral("--text"), QStringLiteral("--image"),
        QStringLiteral("--video"), QStringLiteral("--audio"), QStringLiteral("--document"),
        QStringLiteral("--sticker"), QStringLiteral("--location"),
        QStringLiteral("--contacts-json"), QStringLiteral("--interactive-json"),
        QStringLiteral("--template"), QStringLiteral("--lang"), QStringLiteral("--param"),
        QStringLiteral("--json"), QStringLiteral("--caption"), QStringLiteral("--filename"),
        QStringLiteral("--reply-to"), QStringLiteral("--wait"), QStringLiteral("--batch"),
        QStringLiteral("--phone-number-id"), QStringLiteral("--region"),
        QStringLiteral("--token-file"), QStringLiteral("--key"), QStringLiteral("--mps"),
        QStringLiteral("--number-mps"), QStringLiteral("--coexistence")};
    const QStringList flags{QStringLiteral("--preview-url"), QStringLiteral("--no-window-check")};
    if (!parse(args, valueOptions, flags, &a, &error) || a.flags.contains(QStringLiteral("help"))) {
        if (!error.isEmpty())
            err("send", error);
        std::fputs(kSendUsage, error.isEmpty() ? stdout : stderr);
        return error.isEmpty() ? cli::Ok : cli::Usage;
    }
    Session s("send");
    if (!s.open(a) || !s.readRates(a))
        return cli::Usage;
    if (s.phoneNumberId.isEmpty()) {
        err("send", QStringLiteral("--phone-number-id ID (or $WA_PHONE_NUMBER_ID) is required"));
        return cli::Usage;
    }
    if (a.has("batch"))
        return runBatch(s, a);

    OutgoingMessage m;
    m.phoneNumberId = s.phoneNumberId;
    m.idempotencyKey = a.value("key");
    m.skipWindowCheck = a.flags.contains(QStringLiteral("no-window-check"));
    if (!resolveRecipient(a.value("to"), a.value("recipient"), s.region, &m.recipient, &error)) {
        out(localError(QStringLiteral("Invalid recipient"), error));
        return cli::Failure;
    }
    const BuiltMessage built = buildFromArgs(s, a);
    if (!built.ok()) {
        out(localError(QStringLiteral("Invalid message"), built.error));
        return cli::Failure;
    }
    m.message = built.message;
    const auto r = s.store->enqueue(m, true);
    if (!r.error.isEmpty()) {
        err("send", r.error);
        return cli::Failure;
    }
    if (r.entry.id == 0) { // refused locally (closed window)
        QJsonObject o = r.entry.toJson();
        o.insert(QStringLiteral("outbox_id"), QJsonValue());
        out(o);
        return cli::Failure;
    }
    const bool delivering = s.startDelivering(a);
    if (delivering && !s.needToken()) {
        s.scheduler->stop();
        out(r.entry.toJson());
        return cli::Failure;
    }
    const qint64 waitMs
        = a.has("wait") ? qint64(a.value("wait").toDouble() * 1000) : (delivering ? 30'000 : 0);
    const qint64 id = r.entry.id;
    if (waitMs > 0) {
        s.runUntil(
            [&] {
                const auto e = s.store->get(id);
                return e && isOutcome(*e);
            },
            waitMs);
    }
    const auto e = s.store->get(id);
    if (!e)
        return cli::Failure;
    out(e->toJson());
    if (isDelivered(e->state))
        return cli::Ok;
    return (e->state == OutboxState::Queued && waitMs == 0) ? cli::Ok : cli::Failure;
}

int runOutbox(const QStringList &args)
{
    Args a;
    QString error;
    const QStringList valueOptions{QStringLiteral("--db"), QStringLiteral("--state"),
        QStringLiteral("--to"), QStringLiteral("--limit"), QStringLiteral("--wait"),
        QStringLiteral("--token-file"), QStringLiteral("--mps"), QStringLiteral("--region"),
        QStringLiteral("--number-mps"), QStringLiteral("--coexistence")};
    if (!parse(args, valueOptions, {}, &a, &error) || a.flags.contains(QStringLiteral("help"))
        || a.positional.isEmpty()) {
        if (!error.isEmpty())
            err("outbox", error);
        std::fputs(kOutboxUsage, a.flags.contains(QStringLiteral("help")) ? stdout : stderr);
        return a.flags.contains(QStringLiteral("help")) ? cli::Ok : cli::Usage;
    }
    Session s("outbox");
    if (!s.open(a) || !s.readRates(a))
        return cli::Usage;
    const QString action = a.positional.first();
    if (action == QLatin1String("rate") && a.positional.size() <= 3) {
        auto print = [&](const QString &id, const QHash<QString, double> &stored) {
            const bool has = stored.contains(id);
            out({{QStringLiteral("phone_number_id"), id},
                {QStringLiteral("mps"), has ? stored.value(id) : NumberRates::kDefault},
                {QStringLiteral("source"),
                    has ? QStringLiteral("settings") : QStringLiteral("default")}});
        };
        if (a.positional.size() == 3) {
            const QString id = a.positional.at(1);
            double rate = 0;
            const bool reset
                = a.positional.at(2).compare(QLatin1String("default"), Qt::CaseInsensitive) == 0;
            if (!NumberRates::isPhoneNumberId(id)) {
                err("outbox", QStringLiteral("'%1' is not a phone number id").arg(id));
                return cli::Usage;
            }
            if (!reset && !NumberRates::parseRate(a.positional.at(2), &rate, &error)) {
                err("outbox", error);
                return cli::Usage;
            }
            if (!NumberRates::save(s.db, id, reset ? 0 : rate, &error)) {
                err("outbox", error);
                return cli::Failure;
            }
        }
        const QHash<QString, double> stored = NumberRates::load(s.db);
        if (a.positional.size() >= 2) {
            print(a.positional.at(1), stored);
        } else {
            QStringList ids = stored.keys();
            ids.sort();
            for (const QString &id : ids)
                print(id, stored);
        }
        return cli::Ok;
    }
    if (action == QLatin1String("list")) {
        OutboxFilter f;
        for (const QString &name : a.value("state").split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto st = outboxStateFromName(name.trimmed());
            if (!st) {
                err("outbox", QStringLiteral("unknown state %1").arg(name));
                return cli::Usage;
            }
            f.states.append(*st);
        }
        if (a.has("to")) {
            Recipient r;
            if (!resolveRecipient(a.value("to"), {}, s.region, &r, &error)) {
                err("outbox", error);
                return cli::Usage;
            }
            f.recipientKey = r.key();
        }
        if (a.has("limit"))
            f.limit = a.value("limit").toInt();
        for (const OutboxEntry &e : s.store->list(f))
            out(e.toJson());
        return cli::Ok;
    }
    if (action == QLatin1String("drain")) {
        if (!s.startDelivering(a)) {
            err("outbox", QStringLiteral("another process is draining this store"));
            return cli::Failure;
        }
        const qint64 waitMs = a.has("wait") ? qint64(a.value("wait").toDouble() * 1000) : 60'000;
        s.runUntil(
            [&] {
                return s.store->list({{OutboxState::Queued, OutboxState::Sending}, {}, 1, 0})
                    .isEmpty();
            },
            waitMs);
        const int left = s.store->queuedCount();
        out({{QStringLiteral("queued"), left},
            {QStringLiteral("accepted"),
                qint64(s.scheduler ? s.scheduler->counters().accepted : 0)}});
        return left == 0 ? cli::Ok : cli::Failure;
    }
    if ((action == QLatin1String("retry") || action == QLatin1String("cancel"))
        && a.positional.size() == 2) {
        bool ok = false;
        const qint64 id = a.positional.at(1).toLongLong(&ok);
        if (!ok) {
            err("outbox", QStringLiteral("ID must be a number"));
            return cli::Usage;
        }
        const auto e = action == QLatin1String("retry") ? s.store->retry(id, &error)
                                                        : s.store->cancel(id, &error);
        if (!e) {
            err("outbox", error);
            return cli::Failure;
        }
        if (action == QLatin1String("retry") && a.has("wait") && s.startDelivering(a)) {
            s.runUntil(
                [&] {
                    const auto row = s.store->get(id);
                    return row && isOutcome(*row);
                },
                qint64(a.value("wait").toDouble() * 1000));
        }
        out(s.store->get(id)->toJson());
        return cli::Ok;
    }
    std::fputs(kOutboxUsage, stderr);
    return cli::Usage;
}

int runMedia(const QStringList &args)
{
    Args a;
    QString error;
    const QStringList valueOptions{QStringLiteral("--db"), QStringLiteral("--kind"),
        QStringLiteral("--state"), QStringLiteral("--cache"), QStringLiteral("--phone-number-id"),
        QStringLiteral("--token-file")};
    if (!parse(args, valueOptions, {}, &a, &error) || a.flags.contains(QStringLiteral("help"))
        || a.positional.size() != (a.positional.value(0) == QLatin1String("list") ? 1 : 2)) {
        if (!error.isEmpty())
            err("media", error);
        std::fputs(kMediaUsage, a.flags.contains(QStringLiteral("help")) ? stdout : stderr);
        return a.flags.contains(QStringLiteral("help")) ? cli::Ok : cli::Usage;
    }
    const QString cacheDir
        = a.has("cache") ? a.value("cache") : MediaFetcher::defaultCacheDir(a.value("db"));
    if (a.positional.at(0) == QLatin1String("list")) {
        Session s("media");
        if (!s.open(a))
            return cli::Usage;
        const QString state = a.value("state");
        if (!state.isEmpty() && state != QLatin1String("pending")
            && state != QLatin1String("fetched") && state != QLatin1String("failed")) {
            err("media",
                QStringLiteral("unknown state %1 (pending, fetched or failed)").arg(state));
            return cli::Usage;
        }
        QSqlQuery q(s.db);
        q.prepare(
            QStringLiteral("SELECT media_id, state, attempts, error, sha256, mime_type, size, "
                           "path, fetched_at, updated_at FROM media_cache")
            + (state.isEmpty() ? QString() : QStringLiteral(" WHERE state = ?"))
            + QStringLiteral(" ORDER BY updated_at"));
        if (!state.isEmpty())
            q.addBindValue(state);
        if (!q.exec()) {
            err("media", q.lastError().text());
            return cli::Failure;
        }
        auto nullable = [](const QVariant &v) {
            return v.isNull() ? QJsonValue() : QJsonValue::fromVariant(v);
        };
        while (q.next()) {
            out({{QStringLiteral("media_id"), q.value(0).toString()},
                {QStringLiteral("state"), q.value(1).toString()},
                {QStringLiteral("attempts"), q.value(2).toInt()},
                {QStringLiteral("error"), nullable(q.value(3))},
                {QStringLiteral("sha256"), nullable(q.value(4))},
                {QStringLiteral("mime_type"), nullable(q.value(5))},
                {QStringLiteral("size"), nullable(q.value(6))},
                {QStringLiteral("path"),
                    q.value(7).isNull()
                        ? QJsonValue()
                        : QJsonValue(QDir(cacheDir).filePath(q.value(7).toString()))},
                {QStringLiteral("fetched_at"), nullable(q.value(8))},
                {QStringLiteral("updated_at"), nullable(q.value(9))}});
        }
        return cli::Ok;
    }
    Session s("media");
    if (!s.open(a) || !s.needToken())
        return cli::Usage;
    const QString action = a.positional.at(0);
    if (action == QLatin1String("upload")) {
        if (s.phoneNumberId.isEmpty()) {
            err("media",
                QStringLiteral("--phone-number-id ID (or $WA_PHONE_NUMBER_ID) is required"));
            return cli::Usage;
        }
        MediaUploader uploader(s.db, s.graph.get(), Clock::system());
        const auto r = s.await<MediaUploader::Result>([&](auto done) {
            uploader.upload(s.phoneNumberId, a.positional.at(1), a.value("kind"), done);
        });
        QJsonObject o{{QStringLiteral("media_id"),
                          r.mediaId.isEmpty() ? QJsonValue() : QJsonValue(r.mediaId)},
            {QStringLiteral("reused"), r.reused}, {QStringLiteral("kind"), r.check.kind},
            {QStringLiteral("mime_type"), r.check.mimeType}, {QStringLiteral("size"), r.check.size},
            {QStringLiteral("sha256"), r.sha256}};
        if (r.error.isError())
            o.insert(QStringLiteral("error"), r.error.toJson());
        out(o);
        return r.ok() ? cli::Ok : cli::Failure;
    }
    if (action == QLatin1String("fetch")) {
        MediaFetcher fetcher(s.db, s.graph.get(), Clock::system(), cacheDir);
        const auto r = s.await<MediaFetcher::Result>(
            [&](auto done) { fetcher.fetch(a.positional.at(1), s.phoneNumberId, done); });
        QJsonObject o{{QStringLiteral("media_id"), r.mediaId},
            {QStringLiteral("path"), r.path.isEmpty() ? QJsonValue() : QJsonValue(r.path)},
            {QStringLiteral("sha256"), r.sha256}, {QStringLiteral("mime_type"), r.mimeType},
            {QStringLiteral("size"), r.size}, {QStringLiteral("cached"), r.cached}};
        if (r.error.isError())
            o.insert(QStringLiteral("error"), r.error.toJson());
        out(o);
        return r.ok() ? cli::Ok : cli::Failure;
    }
    std::fputs(kMediaUsage, stderr);
    return cli::Usage;
}

} // namespace

PARLEY_REGISTER_COMMAND("send", "send a message (or a batch) through the outbox", runSend);
PARLEY_REGISTER_COMMAND("outbox", "list, retry, cancel or drain outbox rows", runOutbox);
PARLEY_REGISTER_COMMAND("media", "upload a file as WhatsApp media, or fetch media by id", runMedia);

} // namespace parley::core
