#include "graph/GraphError.h"

#include "graph/ErrorTable.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace parley::core {

namespace {

struct ActionName
{
    ErrorAction action;
    const char *name;
};

constexpr ActionName kActionNames[] = {
    {ErrorAction::None, ""},
    {ErrorAction::RetryLater, "retry_later"},
    {ErrorAction::FixRequest, "fix_request"},
    {ErrorAction::SendTemplate, "send_template"},
    {ErrorAction::Reauthenticate, "reauthenticate"},
    {ErrorAction::ContactUnreachable, "contact_unreachable"},
    {ErrorAction::OptedOut, "opted_out"},
    {ErrorAction::Config, "config"},
};

int jsonInt(const QJsonValue &v)
{
    // Meta sends codes as numbers; tolerate strings.
    if (v.isString())
        return v.toString().toInt();
    return v.toInt();
}

// "(#130429) Rate limit hit" -> "Rate limit hit"
QString titleFromMessage(const QString &message)
{
    static const QRegularExpression re(QStringLiteral("^\\(#\\d+\\)\\s*"));
    QString title = message;
    title.remove(re);
    return title;
}

} // namespace

QString errorActionName(ErrorAction action)
{
    for (const auto &a : kActionNames) {
        if (a.action == action)
            return QString::fromLatin1(a.name);
    }
    return {};
}

ErrorAction errorActionFromName(QStringView name)
{
    for (const auto &a : kActionNames) {
        if (name == QLatin1String(a.name))
            return a.action;
    }
    return ErrorAction::None;
}

GraphError GraphError::fromHttp(int httpStatus, const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("error")).isObject())
        return fromEnvelope(root.value(QLatin1String("error")).toObject(), httpStatus);
    if (httpStatus >= 200 && httpStatus < 300)
        return {};
    GraphError e;
    e.origin = Origin::Graph;
    e.httpStatus = httpStatus;
    e.title = QStringLiteral("HTTP %1 without an error envelope").arg(httpStatus);
    return e;
}

GraphError GraphError::fromEnvelope(const QJsonObject &error, int httpStatus)
{
    GraphError e;
    e.origin = Origin::Graph;
    e.httpStatus = httpStatus;
    e.code = jsonInt(error.value(QLatin1String("code")));
    e.subcode = jsonInt(error.value(QLatin1String("error_subcode")));
    e.type = error.value(QLatin1String("type")).toString();
    e.message = error.value(QLatin1String("message")).toString();
    e.title = error.value(QLatin1String("error_user_title")).toString();
    if (e.title.isEmpty())
        e.title = titleFromMessage(e.message);
    const QJsonObject data = error.value(QLatin1String("error_data")).toObject();
    e.details = data.value(QLatin1String("details")).toString();
    if (e.details.isEmpty())
        e.details = error.value(QLatin1String("error_user_msg")).toString();
    e.fbtraceId = error.value(QLatin1String("fbtrace_id")).toString();
    e.isTransient = error.value(QLatin1String("is_transient")).toBool();
    return e;
}

GraphError GraphError::fromWebhook(const QJsonObject &error)
{
    GraphError e;
    e.origin = Origin::Webhook;
    e.code = jsonInt(error.value(QLatin1String("code")));
    e.title = error.value(QLatin1String("title")).toString();
    e.message = error.value(QLatin1String("message")).toString();
    if (e.title.isEmpty())
        e.title = titleFromMessage(e.message);
    e.details = error.value(QLatin1String("error_data"))
                    .toObject()
                    .value(QLatin1String("details"))
                    .toString();
    return e;
}

GraphError GraphError::network(const QString &message)
{
    GraphError e;
    e.origin = Origin::Network;
    e.title = QStringLiteral("Network error");
    e.details = message;
    return e;
}

GraphError GraphError::local(int code, const QString &title, const QString &details)
{
    GraphError e;
    e.origin = Origin::Local;
    e.code = code;
    e.title = title;
    e.details = details;
    return e;
}

QJsonObject GraphError::toJson() const
{
    if (!isError())
        return {};
    const ErrorClass c = ErrorTable::classify(*this);
    QJsonObject o{
        {QStringLiteral("code"), code},
        {QStringLiteral("title"), title},
        {QStringLiteral("details"), details},
        {QStringLiteral("retryable"), c.retryable},
        {QStringLiteral("action"), errorActionName(c.action)},
    };
    const char *originName = "graph";
    switch (origin) {
    case Origin::None:
    case Origin::Graph: originName = "graph"; break;
    case Origin::Webhook: originName = "webhook"; break;
    case Origin::Network: originName = "network"; break;
    case Origin::Local: originName = "local"; break;
    }
    o.insert(QStringLiteral("origin"), QString::fromLatin1(originName));
    if (httpStatus)
        o.insert(QStringLiteral("http_status"), httpStatus);
    if (!fbtraceId.isEmpty())
        o.insert(QStringLiteral("fbtrace_id"), fbtraceId);
    if (subcode)
        o.insert(QStringLiteral("subcode"), subcode);
    return o;
}

GraphError GraphError::fromJson(const QJsonObject &json)
{
    GraphError e;
    if (json.isEmpty())
        return e;
    const QString origin = json.value(QLatin1String("origin")).toString();
    e.origin = origin == QLatin1String("webhook") ? Origin::Webhook
        : origin == QLatin1String("network")      ? Origin::Network
        : origin == QLatin1String("local")        ? Origin::Local
                                                  : Origin::Graph;
    e.code = json.value(QLatin1String("code")).toInt();
    e.subcode = json.value(QLatin1String("subcode")).toInt();
    e.title = json.value(QLatin1String("title")).toString();
    e.details = json.value(QLatin1String("details")).toString();
    e.httpStatus = json.value(QLatin1String("http_status")).toInt();
    e.fbtraceId = json.value(QLatin1String("fbtrace_id")).toString();
    return e;
}

QString GraphError::logSummary() const
{
    if (!isError())
        return QStringLiteral("ok");
    QString s = QStringLiteral("code=%1").arg(code);
    if (httpStatus)
        s += QStringLiteral(" http=%1").arg(httpStatus);
    if (!fbtraceId.isEmpty())
        s += QStringLiteral(" fbtrace_id=") + fbtraceId;
    if (origin == Origin::Network)
        s += QStringLiteral(" network");
    return s;
}

} // namespace parley::core
