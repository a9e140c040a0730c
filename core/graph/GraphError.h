#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace parley::core {

// What an agent (or the scheduler) should do about a failed request. One value per error, decided
// by ErrorTable from Meta's error.code — never from the HTTP status alone.
enum class ErrorAction {
    None,
    RetryLater,
    FixRequest,
    SendTemplate,
    Reauthenticate,
    ContactUnreachable,
    OptedOut,
    Config,
};

// "retry_later", "fix_request", ... ("" for None).
QString errorActionName(ErrorAction action);
ErrorAction errorActionFromName(QStringView name);

// Meta's error envelope (FACTS.md §9.1), a transport failure, or a local refusal, as one value.
// Errors are values: this is what the outbox stores, the CLI prints and the console shows.
struct GraphError
{
    enum class Origin {
        None, // no error
        Graph, // Meta's envelope (sync HTTP answer)
        Webhook, // an errors[] object from a failed status webhook
        Network, // no HTTP answer (connection refused, reset, timeout)
        Local, // refused before any request (validation, closed window)
    };

    Origin origin = Origin::None;
    int code = 0;
    int subcode = 0; // deprecated since v16 but still sent by Meta's examples
    int httpStatus = 0; // 0 when no HTTP answer
    QString type; // OAuthException, GraphMethodException
    QString title; // "Rate limit hit" (from "(#130429) Rate limit hit" or webhook title)
    QString message; // as sent
    QString details; // error_data.details
    QString fbtraceId;
    bool isTransient = false; // is_transient, when Meta sends it

    bool isError() const { return origin != Origin::None; }

    // Parses an HTTP answer. A 2xx without an "error" object yields no error; a non-2xx without
    // an envelope still yields an error (code 0, title from the status) so that nothing is lost.
    static GraphError fromHttp(int httpStatus, const QByteArray &body);
    // Parses the "error" object of an envelope.
    static GraphError fromEnvelope(const QJsonObject &error, int httpStatus);
    // Parses one element of statuses[].errors[] / value.errors[] (FACTS.md §6.4).
    static GraphError fromWebhook(const QJsonObject &error);
    static GraphError network(const QString &message);
    static GraphError local(int code, const QString &title, const QString &details = {});

    // {code, title, details, retryable, action, http_status?, fbtrace_id?}
    QJsonObject toJson() const;
    static GraphError fromJson(const QJsonObject &json);
    // For log lines: "code=130429 fbtrace_id=... http=400" (never a message body).
    QString logSummary() const;
};

// Local refusal codes (negative: never collide with Meta's).
namespace LocalError {
inline constexpr int Validation = -1; // payload refused by MessageBuilder
inline constexpr int WindowClosed = -2; // free-form message outside the customer service window
inline constexpr int Cancelled = -3;
inline constexpr int UnknownAfterCrash = -4;
inline constexpr int NoToken = -5;
} // namespace LocalError

} // namespace parley::core

Q_DECLARE_METATYPE(parley::core::GraphError)
