#include "outbox/OutboxTypes.h"

namespace parley::core {

namespace {
struct StateName
{
    OutboxState state;
    const char *name;
};
constexpr StateName kStates[] = {
    {OutboxState::Queued, "queued"},
    {OutboxState::Sending, "sending"},
    {OutboxState::Unknown, "unknown"},
    {OutboxState::Accepted, "accepted"},
    {OutboxState::Sent, "sent"},
    {OutboxState::Delivered, "delivered"},
    {OutboxState::Read, "read"},
    {OutboxState::Failed, "failed"},
    {OutboxState::Dead, "dead"},
    {OutboxState::Cancelled, "cancelled"},
};
} // namespace

QString outboxStateName(OutboxState state)
{
    for (const auto &s : kStates) {
        if (s.state == state)
            return QString::fromLatin1(s.name);
    }
    return {};
}

std::optional<OutboxState> outboxStateFromName(QStringView name)
{
    for (const auto &s : kStates) {
        if (name == QLatin1String(s.name))
            return s.state;
    }
    return std::nullopt;
}

bool isSettled(OutboxState state)
{
    switch (state) {
    case OutboxState::Queued:
    case OutboxState::Sending:
    case OutboxState::Unknown: return false;
    default: return true;
    }
}

QJsonObject OutboxEntry::toJson() const
{
    QJsonObject o{
        {QStringLiteral("outbox_id"), id},
        {QStringLiteral("idempotency_key"), idempotencyKey},
        {QStringLiteral("state"), outboxStateName(state)},
        {QStringLiteral("wamid"), wamid.isEmpty() ? QJsonValue() : QJsonValue(wamid)},
        {QStringLiteral("type"), type},
        {QStringLiteral("attempts"), attempts},
        {QStringLiteral("phone_number_id"), phoneNumberId},
        {QStringLiteral("error"), error.isError() ? QJsonValue(error.toJson()) : QJsonValue()},
    };
    if (!recipient.phone.isEmpty())
        o.insert(QStringLiteral("to"), recipient.phone);
    if (!recipient.bsuid.isEmpty())
        o.insert(QStringLiteral("recipient"), recipient.bsuid);
    if (error.isError() && action != ErrorAction::None) {
        QJsonObject e = error.toJson();
        e.insert(QStringLiteral("action"), errorActionName(action));
        o.insert(QStringLiteral("error"), e);
    }
    if (nextAttemptAtMs > 0 && state == OutboxState::Queued && attempts > 0)
        o.insert(QStringLiteral("next_attempt_at_ms"), nextAttemptAtMs);
    o.insert(QStringLiteral("created_at_ms"), createdAtMs);
    o.insert(QStringLiteral("updated_at_ms"), updatedAtMs);
    return o;
}

} // namespace parley::core
