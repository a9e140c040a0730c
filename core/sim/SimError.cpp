#include "sim/SimError.h"

#include <QJsonDocument>

namespace parley::sim {

namespace {

struct Entry
{
    int code;
    int http;
    const char *title;
};

// FACTS.md §9.2 (ERR, PT-BR copy with the HTTP column). Codes without an HTTP status there
// answer 400.
constexpr Entry kTable[] = {
    {0, 401, "AuthException"},
    {1, 400, "API Unknown"},
    {2, 503, "API Service"},
    {3, 500, "API Method"},
    {4, 400, "Application request limit reached"},
    {10, 403, "Permission denied"},
    {33, 400, "Parameter value is not valid"},
    {100, 400, "Invalid parameter"},
    {190, 401, "Access token has expired"},
    {200, 403, "Permission error"},
    {368, 403, "Temporarily blocked for policies violations"},
    {80007, 400, "Rate limit issues"},
    {130429, 400, "Rate limit hit"},
    {130472, 400, "User's number is part of an experiment"},
    {131000, 500, "Something went wrong"},
    {131005, 403, "Access denied"},
    {131008, 400, "Required parameter is missing"},
    {131009, 400, "Parameter value is not valid"},
    {131016, 500, "Service unavailable"},
    {131021, 400, "Recipient cannot be sender"},
    {131026, 400, "Message undeliverable"},
    {131030, 400, "Recipient phone number not in allowed list"},
    {131031, 403, "Business Account locked"},
    {131047, 400, "Re-engagement message"},
    {131048, 400, "Spam rate limit hit"},
    {131049, 400, "This message was not delivered to maintain healthy ecosystem engagement."},
    {131050, 400,
        "Unable to deliver the message. This recipient has chosen to stop receiving "
        "marketing messages on WhatsApp from your business."},
    {131051, 400, "Unsupported message type"},
    {131052, 400, "Media download error"},
    {131053, 400, "Media upload error"},
    {131056, 400, "(Business Account, Consumer Account) pair rate limit hit"},
    {131057, 500, "Account in maintenance mode"},
    {131062, 400, "Business-scoped user ID not supported for this message"},
    {132000, 400, "Number of parameters does not match the expected number of params"},
    {132001, 404, "Template name does not exist in the translation"},
    {132005, 400, "Translated text too long"},
    {132007, 400, "Template Format Character Policy Violated"},
    {132012, 400, "Parameter format does not match format in the created template"},
    {132015, 400, "Template is Paused"},
    {132016, 400, "Template is Disabled"},
    {135000, 400, "Generic user error"},
};

const Entry *find(int code)
{
    for (const Entry &e : kTable) {
        if (e.code == code)
            return &e;
    }
    return nullptr;
}

} // namespace

int SimError::httpStatusFor(int code)
{
    const Entry *e = find(code);
    return e ? e->http : 400;
}

QString SimError::titleFor(int code)
{
    const Entry *e = find(code);
    return e ? QString::fromUtf8(e->title) : QStringLiteral("Error");
}

SimError SimError::make(int code, const QString &details)
{
    SimError e;
    e.code = code;
    e.httpStatus = httpStatusFor(code);
    e.title = titleFor(code);
    e.details = details;
    return e;
}

QString SimError::fullMessage() const
{
    if (!message.isEmpty())
        return message;
    return QStringLiteral("(#%1) %2").arg(code).arg(title);
}

QByteArray SimError::toEnvelope(const QString &fbtraceId) const
{
    QJsonObject error{{QStringLiteral("message"), fullMessage()}, {QStringLiteral("type"), type},
        {QStringLiteral("code"), code}};
    if (!details.isEmpty()) {
        error.insert(QStringLiteral("error_data"),
            QJsonObject{{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
                {QStringLiteral("details"), details}});
    }
    if (subcode)
        error.insert(QStringLiteral("error_subcode"), subcode);
    if (!userTitle.isEmpty())
        error.insert(QStringLiteral("error_user_title"), userTitle);
    if (!userMessage.isEmpty())
        error.insert(QStringLiteral("error_user_msg"), userMessage);
    error.insert(QStringLiteral("fbtrace_id"), fbtraceId);
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject SimError::toWebhookError() const
{
    return QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("title"), title},
        {QStringLiteral("message"), title},
        {QStringLiteral("error_data"), QJsonObject{{QStringLiteral("details"), details}}},
        {QStringLiteral("href"),
            QStringLiteral("https://developers.facebook.com/docs/whatsapp/cloud-api/support/"
                           "error-codes/")}};
}

} // namespace parley::sim
