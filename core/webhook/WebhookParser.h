#pragma once

#include "webhook/JsonView.h"
#include "webhook/ParsedValue.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <array>
#include <memory>
#include <string_view>

namespace parley::core {

// Column lists of the normalized records, in the order of the values arrays below. The names are
// the column names of schema 0003_inbound (and the field names of the snapshot fixtures).
// clang-format off
#define PARLEY_MESSAGE_COLUMNS(X) \
    X(Id, id) X(PhoneNumberId, phone_number_id) X(DisplayPhoneNumber, display_phone_number) \
    X(FromWaId, from_wa_id) X(FromUserId, from_user_id) X(FromParentUserId, from_parent_user_id) \
    X(Type, type) X(Timestamp, timestamp) X(Text, text) X(Caption, caption) X(MediaId, media_id) \
    X(MimeType, mime_type) X(Sha256, sha256) X(Filename, filename) X(Voice, voice) \
    X(Animated, animated) X(Latitude, latitude) X(Longitude, longitude) \
    X(LocationName, location_name) X(LocationAddress, location_address) \
    X(LocationUrl, location_url) X(ReactionTo, reaction_to) X(Emoji, emoji) \
    X(ReplyType, reply_type) X(ReplyId, reply_id) X(ReplyTitle, reply_title) \
    X(ReplyDescription, reply_description) X(ReplyJson, reply_json) \
    X(ButtonPayload, button_payload) X(ButtonText, button_text) X(ContextId, context_id) \
    X(ContextFrom, context_from) X(Forwarded, forwarded) \
    X(FrequentlyForwarded, frequently_forwarded) X(ReferralJson, referral_json) \
    X(EditOf, edit_of) X(SystemType, system_type) X(ErrorCode, error_code) \
    X(ErrorTitle, error_title) X(ErrorDetails, error_details) X(RawJson, raw_json)

#define PARLEY_STATUS_COLUMNS(X) \
    X(MessageId, message_id) X(Status, status) X(Timestamp, timestamp) \
    X(PhoneNumberId, phone_number_id) X(RecipientId, recipient_id) \
    X(RecipientUserId, recipient_user_id) X(RecipientParentUserId, recipient_parent_user_id) \
    X(ErrorCode, error_code) X(ErrorTitle, error_title) X(ErrorDetails, error_details) \
    X(PricingModel, pricing_model) X(PricingCategory, pricing_category) \
    X(PricingType, pricing_type) X(Billable, billable) X(MetaConversationId, meta_conversation_id) \
    X(ConversationOrigin, conversation_origin) X(ConversationExpiresAt, conversation_expires_at) \
    X(BizOpaqueCallbackData, biz_opaque_callback_data) X(RawJson, raw_json)

#define PARLEY_ERROR_COLUMNS(X) \
    X(Scope, scope) X(WabaId, waba_id) X(PhoneNumberId, phone_number_id) \
    X(MessageId, message_id) X(Code, code) X(Title, title) X(Message, message) \
    X(Details, details) X(Href, href) X(RawJson, raw_json)

#define PARLEY_TEMPLATE_COLUMNS(X) \
    X(Field, field) X(WabaId, waba_id) X(TemplateId, template_id) \
    X(TemplateName, template_name) X(Language, language) X(Event, event) X(Reason, reason) \
    X(Category, category) X(PreviousQuality, previous_quality) X(NewQuality, new_quality) \
    X(PreviousCategory, previous_category) X(NewCategory, new_category) \
    X(Timestamp, timestamp) X(RawJson, raw_json)

#define PARLEY_ACCOUNT_COLUMNS(X) \
    X(Field, field) X(WabaId, waba_id) X(PhoneNumberId, phone_number_id) \
    X(DisplayPhoneNumber, display_phone_number) X(Event, event) X(Detail, detail) \
    X(Timestamp, timestamp) X(Known, known) X(RawJson, raw_json)

#define PARLEY_PREFERENCE_COLUMNS(X) \
    X(WabaId, waba_id) X(PhoneNumberId, phone_number_id) X(WaId, wa_id) X(UserId, user_id) \
    X(Category, category) X(Value, value) X(Detail, detail) X(Timestamp, timestamp) \
    X(RawJson, raw_json)
// clang-format on

#define PARLEY_ENUM_ITEM(name, column) name,
namespace msgcol {
enum Column { PARLEY_MESSAGE_COLUMNS(PARLEY_ENUM_ITEM) Count };
}
namespace statuscol {
enum Column { PARLEY_STATUS_COLUMNS(PARLEY_ENUM_ITEM) Count };
}
namespace errorcol {
enum Column { PARLEY_ERROR_COLUMNS(PARLEY_ENUM_ITEM) Count };
}
namespace templatecol {
enum Column { PARLEY_TEMPLATE_COLUMNS(PARLEY_ENUM_ITEM) Count };
}
namespace accountcol {
enum Column { PARLEY_ACCOUNT_COLUMNS(PARLEY_ENUM_ITEM) Count };
}
namespace prefcol {
enum Column { PARLEY_PREFERENCE_COLUMNS(PARLEY_ENUM_ITEM) Count };
}
#undef PARLEY_ENUM_ITEM

// One normalized record: the values of one row, by the column enum of its table. A NULL
// ParsedValue is NULL (absent in the payload). Text values point into the ParsedWebhook they came
// from: keep that (or a copy of it) alive while using them.
template <int N>
struct ParsedRecord
{
    std::array<ParsedValue, N> v;
    ParsedValue &operator[](int column) { return v[size_t(column)]; }
    const ParsedValue &operator[](int column) const { return v[size_t(column)]; }
};

struct ParsedContact
{
    ParsedValue phoneNumberId;
    ParsedValue waId, userId, parentUserId, username, profileName;
};

struct ParsedMessage : ParsedRecord<msgcol::Count>
{
    bool freeEntryPoint = false; // a referral (click-to-WhatsApp ad): 72 h window
    ParsedValue newWaId; // system user_changed_number: the sender's new number
};

struct ParsedStatus : ParsedRecord<statuscol::Count>
{
    bool freeEntryPoint = false; // pricing.type free_entry_point (or legacy referral_conversion)
};

struct ParsedError : ParsedRecord<errorcol::Count>
{
    qint64 entryTime = 0;
};

struct ParsedTemplateEvent : ParsedRecord<templatecol::Count>
{
    QString kind; // template_status | template_quality | template_category | template_components
};

struct ParsedAccountEvent : ParsedRecord<accountcol::Count>
{
    QString kind; // phone_quality | account_update | unknown_field
};

struct ParsedPreference : ParsedRecord<prefcol::Count>
{
};

// Everything one webhook body holds, normalized and in payload order per kind. Owns what the
// text values of its records point into (the body, the unescaped strings, texts made from
// numbers) through a shared buffer, so copies and moves are safe and cheap.
struct ParsedWebhook
{
    bool ok = false; // false: not JSON at all
    QString error;
    QList<ParsedContact> contacts;
    QList<ParsedMessage> messages;
    QList<ParsedStatus> statuses;
    QList<ParsedError> errors;
    QList<ParsedTemplateEvent> templateEvents;
    QList<ParsedAccountEvent> accountEvents;
    QList<ParsedPreference> preferences;
    QHash<QString, int> counts; // events by kind (see IngestResult)

    struct Buffers
    {
        JsonView json; // holds the body and the unescaped strings
        QList<QByteArray> texts; // made by the parser (numbers as text, summaries)
    };
    std::shared_ptr<const Buffers> buffers;
};

// Meta's webhook JSON -> normalized records. Pure: no I/O, no state, tolerant of key order,
// missing fields, numbers sent as strings and strings sent as numbers. Never throws, never
// asserts on input (it is fuzzed). The raw_json of a record is the exact bytes of its JSON in the
// body (no re-serialization).
class WebhookParser
{
public:
    static ParsedWebhook parse(const QByteArray &body);

    static const std::array<const char *, msgcol::Count> &messageColumns();
    static const std::array<const char *, statuscol::Count> &statusColumns();
    static const std::array<const char *, errorcol::Count> &errorColumns();
    static const std::array<const char *, templatecol::Count> &templateColumns();
    static const std::array<const char *, accountcol::Count> &accountColumns();
    static const std::array<const char *, prefcol::Count> &preferenceColumns();

    // The normalized events as JSON objects {"kind": ..., <column>: value|null, ...} without the
    // raw JSON: what the snapshot fixtures hold under "expected".
    static QJsonArray toJson(const ParsedWebhook &parsed);

    // Status ranks: sent 1 < delivered 2 < read 3 < played 4, failed 5 (terminal), else 0.
    static int statusRank(QStringView status);
    static int statusRank(std::string_view utf8Status);
};

} // namespace parley::core
