#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace parley::sim {

// One error the simulated Meta answers with, in the shapes of FACTS.md §9 (the Graph error
// envelope) and §6.4 (errors[] inside webhooks). Title and HTTP status come from one table.
struct SimError
{
    int code = 0;
    int httpStatus = 200;
    QString title;
    QString details;
    QString message; // overrides "(#code) title" when set (plain Graph errors such as 190)
    QString type = QStringLiteral("OAuthException");
    int subcode = 0;
    QString userTitle; // error_user_title (template management)
    QString userMessage; // error_user_msg

    bool isError() const { return code != 0; }
    static SimError none() { return {}; }
    // Title and HTTP status from the official table (FACTS.md §9.2).
    static SimError make(int code, const QString &details = QString());
    static int httpStatusFor(int code);
    static QString titleFor(int code);

    QString fullMessage() const;
    // {"error":{"message","type","code","error_data":{"messaging_product","details"},"fbtrace_id"}}
    QByteArray toEnvelope(const QString &fbtraceId) const;
    // {"code","title","message","error_data":{"details"},"href"}
    QJsonObject toWebhookError() const;
};

} // namespace parley::sim
