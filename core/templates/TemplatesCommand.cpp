// parleyctl templates sync | list | show | render | check | create | edit | delete
//
// Data goes to stdout as JSON (one object per line for list); the rendered preview as text.
// Messages and warnings go to stderr. Options: docs/cli.md#templates.

#include "cli/Command.h"
#include "common/Clock.h"
#include "graph/GraphClient.h"
#include "secrets/SecretStore.h"
#include "store/Database.h"
#include "templates/TemplateFiller.h"
#include "templates/TemplateRenderer.h"
#include "templates/TemplateRules.h"
#include "templates/TemplateStore.h"
#include "templates/TemplateSync.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>
#include <optional>

namespace parley::core {

namespace {

const char kUsage[]
    = "usage: parleyctl templates <action> --db PATH [options]\n"
      "\n"
      "  sync                       fetch every template of the WABA (cursor paging) into the "
      "store\n"
      "  list [--status S]          one JSON object per template (name, language, status, ...)\n"
      "  show NAME [--lang L]       the synced definition(s) and the variables a send needs\n"
      "  render NAME --lang L [--param KEY=VALUE]... [--json]\n"
      "                             the filled template as the customer reads it; exit 1 when\n"
      "                             the values would not pass validation (issues on stderr)\n"
      "  check --file F             Meta's create rules, locally, no request\n"
      "  create --file F            check, then POST /{WABA}/message_templates\n"
      "  edit ID --file F           check the edit rules, then POST /{TEMPLATE_ID}\n"
      "  delete NAME [--id ID]      all languages of NAME, or the one with template id ID\n"
      "\n"
      "  --db PATH          the Parley store\n"
      "  --waba ID          the WhatsApp Business Account id (else $WA_WABA_ID)\n"
      "  --token-file FILE  the access token (else $WA_TOKEN); Graph base from\n"
      "                     $WA_GRAPH_BASE_URL / $WA_GRAPH_VERSION (the simulator for tests)\n"
      "  --param KEY[:KIND]=VALUE  KEY: first_name | 1 | header | header.NAME | button.N;\n"
      "                     KIND: text currency date_time image video document location\n"
      "                     (currency \"USD 100990 $100.99\"; location "
      "\"lat,long,name,address\")\n";

struct Options
{
    QString action;
    QStringList positional;
    QString db;
    QString waba;
    QString tokenFile;
    QString status;
    QString lang;
    QString file;
    QString id;
    QStringList params;
    bool json = false;
};

void out(const QJsonObject &o)
{
    QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    line.append('\n');
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
}

void err(const QString &message)
{
    std::fprintf(stderr, "templates: %s\n", qPrintable(message));
}

bool parseArgs(const QStringList &args, Options *o, QString *error)
{
    auto value = [&](qsizetype &i, const QString &arg, const char *name, QString *target) {
        const QString flag = QLatin1String(name);
        if (arg == flag) {
            if (i + 1 >= args.size()) {
                *error = flag + QStringLiteral(" needs a value");
                return false;
            }
            *target = args.at(++i);
            return true;
        }
        if (arg.startsWith(flag + QLatin1Char('='))) {
            *target = arg.mid(flag.size() + 1);
            return true;
        }
        return false;
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        QString param;
        if (value(i, arg, "--db", &o->db) || value(i, arg, "--waba", &o->waba)
            || value(i, arg, "--token-file", &o->tokenFile) || value(i, arg, "--status", &o->status)
            || value(i, arg, "--lang", &o->lang) || value(i, arg, "--file", &o->file)
            || value(i, arg, "--id", &o->id)) {
            continue;
        }
        if (!error->isEmpty())
            return false;
        if (value(i, arg, "--param", &param)) {
            o->params.append(param);
        } else if (!error->isEmpty()) {
            return false;
        } else if (arg == QLatin1String("--json")) {
            o->json = true;
        } else if (arg.startsWith(QLatin1Char('-'))) {
            *error = QStringLiteral("unknown option ") + arg;
            return false;
        } else if (o->action.isEmpty()) {
            o->action = arg;
        } else {
            o->positional.append(arg);
        }
    }
    return error->isEmpty();
}

QJsonObject variableJson(const TemplateVariable &v)
{
    QJsonObject o{{QStringLiteral("key"), v.key()},
        {QStringLiteral("kind"), templateVariableKindName(v.kind)},
        {QStringLiteral("required"), v.required}};
    if (!v.example.isEmpty())
        o.insert(QStringLiteral("example"), v.example);
    return o;
}

QJsonObject summaryJson(const TemplateDefinition &d)
{
    QJsonArray vars;
    for (const TemplateVariable &v : d.variables())
        vars.append(v.key());
    QJsonObject o{{QStringLiteral("id"), d.id}, {QStringLiteral("name"), d.name},
        {QStringLiteral("language"), d.language}, {QStringLiteral("status"), d.status},
        {QStringLiteral("category"), d.category},
        {QStringLiteral("parameter_format"),
            d.namedParameters ? QStringLiteral("named") : QStringLiteral("positional")},
        {QStringLiteral("variables"), vars}};
    o.insert(QStringLiteral("quality_score"),
        d.qualityScore.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(d.qualityScore));
    return o;
}

QJsonObject issueJson(const TemplateIssue &i)
{
    QJsonObject o{
        {QStringLiteral("component"), i.component}, {QStringLiteral("message"), i.message}};
    if (!i.parameter.isEmpty())
        o.insert(QStringLiteral("parameter"), i.parameter);
    if (i.metaErrorCode)
        o.insert(QStringLiteral("mirrors"), i.metaErrorCode);
    return o;
}

bool readJsonFile(const QString &path, QJsonObject *object)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        err(QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    if (!doc.isObject()) {
        err(QStringLiteral("%1 is not a JSON object: %2").arg(path, parseError.errorString()));
        return false;
    }
    *object = doc.object();
    return true;
}

void printViolations(const QList<TemplateRuleViolation> &violations)
{
    for (const TemplateRuleViolation &v : violations)
        std::fprintf(stderr, "%s: %s [%s]\n", qPrintable(v.component), qPrintable(v.message),
            qPrintable(v.rule));
}

// The parts that talk to Meta (or the simulator).
class Remote
{
public:
    bool init(const Options &o, TemplateStore *store)
    {
        QString wabaId = o.waba.isEmpty() ? qEnvironmentVariable("WA_WABA_ID") : o.waba;
        if (wabaId.isEmpty()) {
            err(QStringLiteral("no WABA id: pass --waba ID or set WA_WABA_ID"));
            return false;
        }
        QString token;
        if (!o.tokenFile.isEmpty()) {
            QFile f(o.tokenFile);
            if (!f.open(QIODevice::ReadOnly)) {
                err(QStringLiteral("cannot read the token file: %1").arg(f.errorString()));
                return false;
            }
            token = QString::fromUtf8(f.readAll()).trimmed();
        } else {
            token = qEnvironmentVariable("WA_TOKEN");
        }
        if (token.isEmpty()) {
            err(QStringLiteral("no access token: set WA_TOKEN or pass --token-file FILE"));
            return false;
        }
        m_secrets.write(QString::fromLatin1(SecretStore::AccessToken), token);
        m_client = std::make_unique<GraphClient>(GraphConfig::fromEnvironment(), &m_secrets);
        m_sync = std::make_unique<TemplateSync>(m_client.get(), store, wabaId, Clock::system());
        return true;
    }

    TemplateSync *sync() const { return m_sync.get(); }

    // Runs an asynchronous call to completion.
    template <typename Result, typename Start>
    Result wait(Start start)
    {
        QEventLoop loop;
        std::optional<Result> result;
        start([&](const Result &r) {
            result = r;
            loop.quit();
        });
        if (!result)
            loop.exec();
        return *result;
    }

private:
    MemorySecretStore m_secrets;
    std::unique_ptr<GraphClient> m_client;
    std::unique_ptr<TemplateSync> m_sync;
};

int reportGraphError(const GraphError &e)
{
    err(QStringLiteral("Meta refused: %1")
            .arg(QString::fromUtf8(QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact))));
    return cli::Failure;
}

int runAction(const Options &o, TemplateStore &store)
{
    const QString &a = o.action;
    if (a == QLatin1String("list")) {
        for (const TemplateDefinition &d : store.list(o.status))
            out(summaryJson(d));
        return cli::Ok;
    }
    if (a == QLatin1String("show")) {
        if (o.positional.size() != 1) {
            err(QStringLiteral("show NAME [--lang L]"));
            return cli::Usage;
        }
        QList<TemplateDefinition> defs;
        if (!o.lang.isEmpty()) {
            if (auto d = store.find(o.positional.first(), o.lang))
                defs.append(*d);
        } else {
            defs = store.findByName(o.positional.first());
        }
        if (defs.isEmpty()) {
            err(QStringLiteral("no synced template \"%1\"%2")
                    .arg(o.positional.first(),
                        o.lang.isEmpty() ? QString() : QStringLiteral(" in ") + o.lang));
            return cli::Failure;
        }
        for (const TemplateDefinition &d : defs) {
            QJsonObject j = d.toGraphJson();
            QJsonArray vars;
            for (const TemplateVariable &v : d.variables())
                vars.append(variableJson(v));
            j.insert(QStringLiteral("variables"), vars);
            out(j);
        }
        return cli::Ok;
    }
    if (a == QLatin1String("render")) {
        if (o.positional.size() != 1 || o.lang.isEmpty()) {
            err(QStringLiteral("render NAME --lang L [--param KEY=VALUE]..."));
            return cli::Usage;
        }
        QList<TemplateParam> params;
        for (const QString &arg : o.params) {
            TemplateParam p;
            QString error;
            if (!TemplateParam::parse(arg, &p, &error)) {
                err(error);
                return cli::Usage;
            }
            params.append(p);
        }
        const auto d = store.find(o.positional.first(), o.lang);
        const TemplateFill fill = fillTemplate(store, o.positional.first(), o.lang, params);
        if (!d) {
            err(fill.errorText());
            return cli::Failure;
        }
        const RenderedTemplate r = renderTemplate(*d, params);
        if (o.json) {
            QJsonArray issues;
            for (const TemplateIssue &i : fill.issues)
                issues.append(issueJson(i));
            out({{QStringLiteral("rendered"), r.toJson()},
                {QStringLiteral("template"), fill.templateObject},
                {QStringLiteral("issues"), issues}});
        } else {
            const QByteArray text = r.toText().toUtf8() + '\n';
            std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
        }
        for (const TemplateIssue &i : fill.issues)
            std::fprintf(stderr, "%s: %s\n", qPrintable(i.component), qPrintable(i.message));
        return fill.ok() ? cli::Ok : cli::Failure;
    }
    if (a == QLatin1String("check")) {
        QJsonObject request;
        if (o.file.isEmpty() || !readJsonFile(o.file, &request))
            return o.file.isEmpty() ? cli::Usage : cli::Failure;
        const auto violations = TemplateRules::checkCreate(request);
        printViolations(violations);
        return violations.isEmpty() ? cli::Ok : cli::Failure;
    }

    // Everything below talks to Meta.
    Remote remote;
    if (a == QLatin1String("sync")) {
        if (!remote.init(o, &store))
            return cli::Failure;
        const auto r
            = remote.wait<TemplateSyncResult>([&](auto done) { remote.sync()->syncAll(done); });
        if (!r.ok())
            return reportGraphError(r.error);
        out({{QStringLiteral("templates"), r.templates}, {QStringLiteral("pages"), r.pages}});
        return cli::Ok;
    }
    if (a == QLatin1String("create") || a == QLatin1String("edit")
        || a == QLatin1String("delete")) {
        QJsonObject request;
        const bool needsFile = a != QLatin1String("delete");
        if (needsFile && (o.file.isEmpty() || !readJsonFile(o.file, &request)))
            return o.file.isEmpty() ? cli::Usage : cli::Failure;
        if (a != QLatin1String("create") && o.positional.size() != 1) {
            err(a == QLatin1String("edit") ? QStringLiteral("edit TEMPLATE_ID --file F")
                                           : QStringLiteral("delete NAME [--id ID]"));
            return cli::Usage;
        }
        if (!remote.init(o, &store))
            return cli::Failure;
        const auto r = remote.wait<TemplateAdminResult>([&](auto done) {
            if (a == QLatin1String("create"))
                remote.sync()->create(request, done);
            else if (a == QLatin1String("edit"))
                remote.sync()->edit(o.positional.first(), request, done);
            else
                remote.sync()->remove(o.positional.first(), o.id, done);
        });
        if (!r.warning.isEmpty())
            err(QStringLiteral("warning: ") + r.warning);
        if (!r.violations.isEmpty()) {
            printViolations(r.violations);
            return cli::Failure;
        }
        if (r.error.isError())
            return reportGraphError(r.error);
        out(r.response);
        return cli::Ok;
    }
    err(QStringLiteral("unknown action \"%1\"").arg(a));
    std::fputs(kUsage, stderr);
    return cli::Usage;
}

int runTemplates(const QStringList &args)
{
    if (args.isEmpty() || args.contains(QLatin1String("--help"))
        || args.contains(QLatin1String("-h"))) {
        std::fputs(kUsage, args.isEmpty() ? stderr : stdout);
        return args.isEmpty() ? cli::Usage : cli::Ok;
    }
    Options o;
    QString error;
    if (!parseArgs(args, &o, &error)) {
        err(error);
        std::fputs(kUsage, stderr);
        return cli::Usage;
    }
    if (o.action == QLatin1String("check")) {
        TemplateStore none{QSqlDatabase()};
        return runAction(o, none);
    }
    if (o.db.isEmpty()) {
        err(QStringLiteral("--db PATH is required"));
        return cli::Usage;
    }
    const bool reads = o.action == QLatin1String("list") || o.action == QLatin1String("show")
        || o.action == QLatin1String("render");
    if (reads && !QFileInfo::exists(o.db)) {
        err(QStringLiteral("no store at %1").arg(o.db));
        return cli::Failure;
    }
    const QString connection = Database::threadConnectionName(QStringLiteral("templates"));
    int code = cli::Failure;
    {
        QSqlDatabase db = Database::open(o.db, connection, &error);
        if (!db.isValid()) {
            err(QStringLiteral("cannot open the store: ") + error);
            return cli::Failure;
        }
        TemplateStore store(db);
        code = runAction(o, store);
    }
    std::fflush(stdout);
    Database::close(connection);
    return code;
}

} // namespace

PARLEY_REGISTER_COMMAND("templates",
    "sync, list, show, render, check, create, edit and delete message templates", runTemplates);

} // namespace parley::core
