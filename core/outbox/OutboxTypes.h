#pragma once

#include "graph/ErrorTable.h"
#include "graph/GraphError.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace parley::core {

// The life of an outbound message (docs/outbox.md):
//   queued -> sending -> accepted (wamid) -> sent -> delivered -> read
//   queued -> sending -> queued (retryable error, backoff) ... -> dead (retry budget spent)
//   any pre-send state -> failed (permanent error or asynchronous failed status) | cancelled
//   sending --(process died)--> unknown: never resent automatically; resolved by a status webhook
//   that carries the outbox id in biz_opaque_callback_data, or by an explicit retry.
enum class OutboxState {
    Queued,
    Sending,
    Unknown,
    Accepted,
    Sent,
    Delivered,
    Read,
    Failed,
    Dead,
    Cancelled,
};

QString outboxStateName(OutboxState state);
std::optional<OutboxState> outboxStateFromName(QStringView name);
// accepted/sent/delivered/read/failed/dead/cancelled: the send itself is over.
bool isSettled(OutboxState state);

// Who a message goes to: an E.164 phone number ("+16505551234") or a BSUID
// ("US.13491208655302741918", sent as "recipient").
struct Recipient
{
    QString phone; // E.164 with '+'
    QString bsuid;

    bool isValid() const { return !phone.isEmpty() || !bsuid.isEmpty(); }
    // The FIFO/pacing key and what is shown in lists: the phone or the BSUID.
    QString key() const { return phone.isEmpty() ? bsuid : phone; }
};

// A message ready for the outbox: `message` is the request body without messaging_product, to,
// recipient and biz_opaque_callback_data (MessageBuilder produces it, already validated).
struct OutgoingMessage
{
    QString phoneNumberId; // empty: the Outbox's default number
    Recipient recipient;
    QJsonObject message; // {"type":"text","text":{...},"context":{...}}
    QString idempotencyKey; // empty: a new UUID
    bool skipWindowCheck = false; // operator override (the CLI's --no-window-check)

    QString type() const { return message.value(QLatin1String("type")).toString(); }
    bool isTemplate() const { return type() == QLatin1String("template"); }
};

struct OutboxEntry
{
    qint64 id = 0;
    QString idempotencyKey;
    QString phoneNumberId;
    Recipient recipient;
    QString type;
    QJsonObject message;
    OutboxState state = OutboxState::Queued;
    QString wamid;
    int attempts = 0;
    qint64 nextAttemptAtMs = 0;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    GraphError error; // the last error (empty when none)
    ErrorAction action = ErrorAction::None; // what to do about `error`

    // {outbox_id, idempotency_key, state, wamid, to|recipient, type, attempts, error{...}}
    QJsonObject toJson() const;
};

struct OutboxFilter
{
    QList<OutboxState> states; // empty: all
    QString recipientKey; // empty: all
    int limit = 200;
    qint64 beforeId = 0; // paging: rows with id < beforeId (0: newest)
};

} // namespace parley::core

Q_DECLARE_METATYPE(parley::core::OutboxEntry)
Q_DECLARE_METATYPE(parley::core::OutgoingMessage)
