// libFuzzer target for the webhook parser: any bytes in, never a crash, a hang or a sanitizer
// report, and the normalized result is self-consistent and deterministic.
//
// Build: scripts/fuzz-smoke (clang, -DPARLEY_FUZZ=ON). Seeds: the payloads of fixtures/webhooks.

#include "webhook/WebhookParser.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

using parley::core::ParsedWebhook;
using parley::core::WebhookParser;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const ParsedWebhook parsed = WebhookParser::parse(body);
    if (!parsed.ok) {
        if (parsed.error.isEmpty() || !parsed.messages.isEmpty() || !parsed.counts.isEmpty())
            std::abort(); // a rejected body carries a reason and nothing else
        return 0;
    }
    if (parsed.counts.value(QStringLiteral("message")) != parsed.messages.size()
        || parsed.counts.value(QStringLiteral("status")) != parsed.statuses.size()
        || parsed.counts.value(QStringLiteral("error")) != parsed.errors.size()
        || parsed.counts.value(QStringLiteral("contact")) != parsed.contacts.size()
        || parsed.counts.value(QStringLiteral("user_preferences")) != parsed.preferences.size())
        std::abort();
    for (const auto &m : parsed.messages) {
        if (m[parley::core::msgcol::Id].toString().isEmpty())
            std::abort(); // a message without id is kept as unknown, never stored as a message
    }
    for (const auto &s : parsed.statuses) {
        if (s[parley::core::statuscol::MessageId].toString().isEmpty()
            || !s[parley::core::statuscol::Status].isValid())
            std::abort();
    }
    const QByteArray once = QJsonDocument(WebhookParser::toJson(parsed)).toJson();
    const QByteArray twice
        = QJsonDocument(WebhookParser::toJson(WebhookParser::parse(body))).toJson();
    if (once != twice)
        std::abort();
    return 0;
}
