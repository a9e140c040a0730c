#include "webhook/WebhookParser.h"

#include <QJsonObject>
#include <QStringList>

#include <charconv>
#include <cmath>

namespace parley::core {

namespace {

using Json = JsonView::Value;

// 2^63 as a double: integral doubles below it convert to qint64 exactly enough for ids/times.
constexpr double kInt64Limit = 9223372036854775807.0;

bool integralDouble(double d)
{
    return std::isfinite(d) && std::fabs(d) < kInt64Limit && std::trunc(d) == d;
}

// The event kinds of ParsedWebhook::counts, counted in an array and put in the hash once.
enum Kind {
    KindContact,
    KindMessage,
    KindStatus,
    KindError,
    KindTemplateStatus,
    KindTemplateQuality,
    KindTemplateCategory,
    KindTemplateComponents,
    KindPhoneQuality,
    KindAccountUpdate,
    KindUnknown,
    KindPreferences,
    KindCount
};
// Static QStrings: a copy allocates nothing.
const QString &kindName(Kind kind)
{
    static const QString names[KindCount] = {QStringLiteral("contact"), QStringLiteral("message"),
        QStringLiteral("status"), QStringLiteral("error"), QStringLiteral("template_status"),
        QStringLiteral("template_quality"), QStringLiteral("template_category"),
        QStringLiteral("template_components"), QStringLiteral("phone_quality"),
        QStringLiteral("account_update"), QStringLiteral("unknown_field"),
        QStringLiteral("user_preferences")};
    return names[kind];
}

// One parse: where the records go, and where texts that are not in the body are kept.
struct Context
{
    ParsedWebhook &out;
    ParsedWebhook::Buffers &buffers;
    std::array<int, KindCount> counts{};

    ParsedValue keep(QByteArray text)
    {
        buffers.texts.append(std::move(text));
        const QByteArray &kept = buffers.texts.constLast();
        return ParsedValue::fromUtf8(std::string_view(kept.constData(), size_t(kept.size())));
    }
    void bump(Kind kind) { ++counts[kind]; }
};

ParsedValue text(std::string_view utf8)
{
    return ParsedValue::fromUtf8(utf8);
}

// The exact JSON text of a value (an object, an array or a scalar) in the body.
ParsedValue raw(const Json &v)
{
    return ParsedValue::fromUtf8(v.raw());
}

// A string field; numbers (Meta sends some ids as numbers) become their decimal text.
ParsedValue str(Context &c, const Json &v)
{
    switch (v.type()) {
    case JsonView::Type::String: return text(v.string()); // "" stays "", not NULL
    case JsonView::Type::Number: {
        qint64 n = 0;
        if (v.toInt64(&n)) // an integer literal is its own decimal text, but for "-0"
            return n == 0 ? text("0") : raw(v);
        const double d = v.toDouble();
        if (integralDouble(d))
            return c.keep(QByteArray::number(qint64(d)));
        return c.keep(QByteArray::number(d, 'g', 17));
    }
    case JsonView::Type::True: return text("true");
    case JsonView::Type::False: return text("false");
    default: return {};
    }
}

// A string field where "" means absent (reaction removal, empty captions of some clients).
ParsedValue nonEmptyStr(Context &c, const Json &v)
{
    const ParsedValue s = str(c, v);
    if (s.isText() && s.utf8().empty())
        return {};
    return s;
}

bool isAsciiSpace(char ch)
{
    return ch == ' ' || (ch >= '\t' && ch <= '\r');
}

// QString::trimmed().toLongLong() on UTF-8, without the QString for plain ASCII.
bool parseInteger(std::string_view s, qint64 *out)
{
    for (const char ch : s) {
        if (static_cast<unsigned char>(ch) >= 0x80) {
            bool ok = false;
            const qint64 n = ParsedValue::utf8ToString(s).trimmed().toLongLong(&ok);
            if (ok)
                *out = n;
            return ok;
        }
    }
    const char *b = s.data();
    const char *e = b + s.size();
    while (b < e && isAsciiSpace(*b))
        ++b;
    while (e > b && isAsciiSpace(e[-1]))
        --e;
    if (b < e && *b == '+') {
        ++b;
        if (b == e || *b < '0' || *b > '9')
            return false;
    }
    if (b == e)
        return false;
    qint64 n = 0;
    const auto [ptr, ec] = std::from_chars(b, e, n);
    if (ec != std::errc() || ptr != e)
        return false;
    *out = n;
    return true;
}

// An integer sent as a number or as a string of digits (Meta's timestamps are strings).
ParsedValue integer(const Json &v)
{
    if (v.isNumber()) {
        qint64 n = 0;
        if (v.toInt64(&n))
            return ParsedValue::fromInteger(n);
        const double d = v.toDouble();
        if (integralDouble(d))
            return ParsedValue::fromInteger(qint64(d));
        return {};
    }
    if (v.isString()) {
        qint64 n = 0;
        if (parseInteger(v.string(), &n))
            return ParsedValue::fromInteger(n);
    }
    return {};
}

QString qstring(std::string_view utf8)
{
    return ParsedValue::utf8ToString(utf8);
}

ParsedValue real(const Json &v)
{
    if (v.isNumber()) {
        const double d = v.toDouble();
        return std::isfinite(d) ? ParsedValue::fromDouble(d) : ParsedValue();
    }
    if (v.isString()) {
        bool ok = false;
        const double d = qstring(v.string()).trimmed().toDouble(&ok);
        if (ok && std::isfinite(d))
            return ParsedValue::fromDouble(d);
    }
    return {};
}

ParsedValue boolean(const Json &v)
{
    if (v.isBool())
        return ParsedValue::fromBool(v.toBool());
    if (v.isString()) {
        const std::string_view s = v.string();
        if (s == "true")
            return ParsedValue::fromBool(true);
        if (s == "false")
            return ParsedValue::fromBool(false);
    }
    if (v.isNumber())
        return ParsedValue::fromBool(v.toDouble() != 0);
    return {};
}

// error_data.details, or the flat "details" of On-Prem-era payloads.
ParsedValue errorDetails(Context &c, const Json &error)
{
    ParsedValue details = str(c, error["error_data"]["details"]);
    if (!details.isValid())
        details = str(c, error["details"]);
    return details;
}

struct Envelope
{
    ParsedValue wabaId;
    ParsedValue phoneNumberId;
    ParsedValue displayPhoneNumber;
    qint64 entryTime = 0;
};

void addUnknown(Context &c, const Envelope &env, std::string_view field, ParsedValue rawJson)
{
    ParsedAccountEvent e;
    e.kind = kindName(KindUnknown);
    e[accountcol::Field] = text(field); // "" when there is none, not NULL
    e[accountcol::WabaId] = env.wabaId;
    e[accountcol::PhoneNumberId] = env.phoneNumberId;
    e[accountcol::DisplayPhoneNumber] = env.displayPhoneNumber;
    if (env.entryTime > 0)
        e[accountcol::Timestamp] = ParsedValue::fromInteger(env.entryTime);
    e[accountcol::Known] = ParsedValue::fromBool(false);
    e[accountcol::RawJson] = rawJson;
    c.out.accountEvents.append(std::move(e));
    c.bump(KindUnknown);
}

void parseError(Context &c, const Envelope &env, const Json &o, std::string_view scope,
    const ParsedValue &messageId)
{
    ParsedError e;
    e.entryTime = env.entryTime;
    e[errorcol::Scope] = text(scope);
    e[errorcol::WabaId] = env.wabaId;
    e[errorcol::PhoneNumberId] = env.phoneNumberId;
    e[errorcol::MessageId] = messageId;
    e[errorcol::Code] = integer(o["code"]);
    e[errorcol::Title] = str(c, o["title"]);
    e[errorcol::Message] = str(c, o["message"]);
    e[errorcol::Details] = errorDetails(c, o);
    e[errorcol::Href] = str(c, o["href"]);
    e[errorcol::RawJson] = raw(o);
    c.out.errors.append(std::move(e));
    c.bump(KindError);
}

void parseContact(Context &c, const Envelope &env, const Json &o)
{
    ParsedContact contact;
    contact.phoneNumberId = env.phoneNumberId;
    contact.waId = nonEmptyStr(c, o["wa_id"]);
    contact.userId = nonEmptyStr(c, o["user_id"]);
    contact.parentUserId = nonEmptyStr(c, o["parent_user_id"]);
    const Json profile = o["profile"];
    contact.profileName = nonEmptyStr(c, profile["name"]);
    contact.username = nonEmptyStr(c, profile["username"]);
    if (!contact.username.isValid())
        contact.username = nonEmptyStr(c, o["username"]);
    if (!contact.waId.isValid() && !contact.userId.isValid())
        return; // nothing to key it by
    c.out.contacts.append(contact);
    c.bump(KindContact);
}

QString contactsSummary(const Json &cards)
{
    QStringList names;
    for (const Json card : cards.elements()) {
        const Json name = card["name"];
        QString formatted = qstring(name["formatted_name"].string());
        if (formatted.isEmpty()) {
            formatted = QStringList{qstring(name["first_name"].string()),
                qstring(name["last_name"].string())}
                            .join(u' ')
                            .trimmed();
        }
        if (!formatted.isEmpty())
            names << formatted;
    }
    return names.join(QLatin1String(", "));
}

// Several members of an object in one pass over it (each operator[] scans the whole object):
// slots[i] is the member named keys[i] (the last one when the key is repeated, as operator[]
// finds it), or Undefined, also when o is not an object. False when o has a member whose key is
// not in keys.
template <size_t N>
bool pickMembers(
    const Json &o, const std::array<std::string_view, N> &keys, std::array<Json, N> &slots)
{
    bool allKnown = true;
    for (const auto &member : o.members()) {
        size_t i = 0;
        while (i < N && member.key != keys[i])
            ++i;
        if (i < N)
            slots[i] = member.value;
        else
            allKnown = false;
    }
    return allKnown;
}

void applyContext(Context &c, ParsedMessage &m, const Json &context)
{
    if (context.size() == 0) // not an object, or an empty one
        return;
    m[msgcol::ContextId] = str(c, context["id"]);
    m[msgcol::ContextFrom] = str(c, context["from"]);
    m[msgcol::Forwarded] = boolean(context["forwarded"]);
    m[msgcol::FrequentlyForwarded] = boolean(context["frequently_forwarded"]);
}

// The type-specific fields of a message object (also the inner message of an edit).
void applyContent(Context &c, ParsedMessage &m, std::string_view type, const Json &o, int depth)
{
    const Json body = o[type];
    if (type == "text") {
        m[msgcol::Text] = str(c, body["body"]);
    } else if (type == "image" || type == "video" || type == "audio" || type == "document"
        || type == "sticker") {
        m[msgcol::MediaId] = str(c, body["id"]);
        m[msgcol::MimeType] = str(c, body["mime_type"]);
        m[msgcol::Sha256] = str(c, body["sha256"]);
        m[msgcol::Caption] = str(c, body["caption"]);
        m[msgcol::Filename] = str(c, body["filename"]);
        if (type == "audio") {
            const ParsedValue voice = boolean(body["voice"]);
            m[msgcol::Voice] = voice.isValid() ? voice : ParsedValue::fromBool(false);
        } else if (type == "sticker") {
            const ParsedValue animated = boolean(body["animated"]);
            m[msgcol::Animated] = animated.isValid() ? animated : ParsedValue::fromBool(false);
        }
    } else if (type == "location") {
        m[msgcol::Latitude] = real(body["latitude"]);
        m[msgcol::Longitude] = real(body["longitude"]);
        m[msgcol::LocationName] = str(c, body["name"]);
        m[msgcol::LocationAddress] = str(c, body["address"]);
        m[msgcol::LocationUrl] = str(c, body["url"]);
    } else if (type == "contacts") {
        const QString summary = contactsSummary(o["contacts"]);
        if (!summary.isEmpty())
            m[msgcol::Text] = c.keep(summary.toUtf8());
    } else if (type == "reaction") {
        m[msgcol::ReactionTo] = str(c, body["message_id"]);
        m[msgcol::Emoji] = nonEmptyStr(c, body["emoji"]); // NULL: removed
    } else if (type == "interactive") {
        const ParsedValue replyType = str(c, body["type"]);
        m[msgcol::ReplyType] = replyType;
        const Json reply = body[replyType.utf8()];
        if (replyType.textEquals("nfm_reply")) {
            m[msgcol::ReplyId] = str(c, reply["name"]);
            m[msgcol::ReplyTitle] = str(c, reply["body"]);
            m[msgcol::ReplyJson] = str(c, reply["response_json"]);
        } else {
            m[msgcol::ReplyId] = str(c, reply["id"]);
            m[msgcol::ReplyTitle] = str(c, reply["title"]);
            m[msgcol::ReplyDescription] = str(c, reply["description"]);
        }
        m[msgcol::Text] = m[msgcol::ReplyTitle];
    } else if (type == "button") {
        m[msgcol::ButtonPayload] = str(c, body["payload"]);
        m[msgcol::ButtonText] = str(c, body["text"]);
        m[msgcol::Text] = m[msgcol::ButtonText];
    } else if (type == "order") {
        m[msgcol::Text] = nonEmptyStr(c, body["text"]);
    } else if (type == "system") {
        m[msgcol::SystemType] = str(c, body["type"]);
        m[msgcol::Text] = str(c, body["body"]);
        if (m[msgcol::SystemType].textEquals("user_changed_number"))
            m.newWaId = nonEmptyStr(c, body["wa_id"]);
    } else if (type == "edit" && depth == 0) {
        m[msgcol::EditOf] = str(c, body["original_message_id"]);
        const Json inner = body["message"];
        const std::string_view innerType = inner["type"].string();
        if (!innerType.empty() && innerType != "edit")
            applyContent(c, m, innerType, inner, depth + 1);
        if (!m[msgcol::ContextId].isValid())
            applyContext(c, m, inner["context"]);
    } else if (type == "unsupported") {
        // v24+: the type WhatsApp could not deliver ("edit", "poll_update", ...)
        m[msgcol::SystemType] = str(c, body["type"]);
    }
}

// The members of a message object read here (its content, under the key named by its type, is
// looked up by applyContent).
enum MessageKey {
    MkId,
    MkFrom,
    MkFromUserId,
    MkFromParentUserId,
    MkType,
    MkTimestamp,
    MkContext,
    MkReferral,
    MkErrors,
    MkCount
};
constexpr std::array<std::string_view, MkCount> kMessageKeys{"id", "from", "from_user_id",
    "from_parent_user_id", "type", "timestamp", "context", "referral", "errors"};

void parseMessage(Context &c, const Envelope &env, const Json &o)
{
    std::array<Json, MkCount> f;
    pickMembers(o, kMessageKeys, f);
    ParsedMessage m;
    m[msgcol::Id] = nonEmptyStr(c, f[MkId]);
    if (!m[msgcol::Id].isValid()) {
        addUnknown(c, env, "messages", raw(o));
        return;
    }
    m[msgcol::PhoneNumberId] = env.phoneNumberId;
    m[msgcol::DisplayPhoneNumber] = env.displayPhoneNumber;
    m[msgcol::FromWaId] = nonEmptyStr(c, f[MkFrom]);
    m[msgcol::FromUserId] = nonEmptyStr(c, f[MkFromUserId]);
    m[msgcol::FromParentUserId] = nonEmptyStr(c, f[MkFromParentUserId]);
    const ParsedValue type = str(c, f[MkType]);
    m[msgcol::Type] = type;
    m[msgcol::Timestamp] = integer(f[MkTimestamp]);
    applyContext(c, m, f[MkContext]);
    const Json referral = f[MkReferral];
    if (referral.isObject()) {
        m[msgcol::ReferralJson] = raw(referral);
        m.freeEntryPoint = true;
    }
    if (type.isValid())
        applyContent(c, m, type.utf8(), o, 0);
    const JsonView::ElementRange errors = f[MkErrors].elements();
    if (!errors.isEmpty()) {
        const Json first = errors.first();
        m[msgcol::ErrorCode] = integer(first["code"]);
        m[msgcol::ErrorTitle] = str(c, first["title"]);
        m[msgcol::ErrorDetails] = errorDetails(c, first);
    }
    m[msgcol::RawJson] = raw(o);
    const ParsedValue id = m[msgcol::Id];
    c.out.messages.append(std::move(m));
    c.bump(KindMessage);
    for (const Json error : errors)
        parseError(c, env, error, "message", id);
}

// The members of a status object this version reads, in pickMembers' order.
enum StatusKey {
    SkId,
    SkStatus,
    SkTimestamp,
    SkRecipientId,
    SkRecipientUserId,
    SkRecipientParentUserId,
    SkErrors,
    SkPricing,
    SkConversation,
    SkBizOpaqueCallbackData,
    SkCount
};
constexpr std::array<std::string_view, SkCount> kStatusKeys{"id", "status", "timestamp",
    "recipient_id", "recipient_user_id", "recipient_parent_user_id", "errors", "pricing",
    "conversation", "biz_opaque_callback_data"};
constexpr std::array<std::string_view, 4> kPricingKeys{
    "pricing_model", "category", "type", "billable"};
constexpr std::array<std::string_view, 3> kConversationKeys{"id", "origin", "expiration_timestamp"};

void parseStatus(Context &c, const Envelope &env, const Json &o)
{
    std::array<Json, SkCount> f;
    const bool allKnown = pickMembers(o, kStatusKeys, f);
    ParsedStatus s;
    s[statuscol::MessageId] = nonEmptyStr(c, f[SkId]);
    s[statuscol::Status] = nonEmptyStr(c, f[SkStatus]);
    if (!s[statuscol::MessageId].isValid() || !s[statuscol::Status].isValid()) {
        addUnknown(c, env, "statuses", raw(o));
        return;
    }
    s[statuscol::Timestamp] = integer(f[SkTimestamp]);
    s[statuscol::PhoneNumberId] = env.phoneNumberId;
    s[statuscol::RecipientId] = nonEmptyStr(c, f[SkRecipientId]);
    s[statuscol::RecipientUserId] = nonEmptyStr(c, f[SkRecipientUserId]);
    s[statuscol::RecipientParentUserId] = nonEmptyStr(c, f[SkRecipientParentUserId]);
    const JsonView::ElementRange errors = f[SkErrors].elements();
    if (!errors.isEmpty()) {
        const Json first = errors.first();
        s[statuscol::ErrorCode] = integer(first["code"]);
        s[statuscol::ErrorTitle] = str(c, first["title"]);
        ParsedValue details = errorDetails(c, first);
        if (!details.isValid())
            details = str(c, first["message"]);
        s[statuscol::ErrorDetails] = details;
    }
    std::array<Json, kPricingKeys.size()> pricing;
    pickMembers(f[SkPricing], kPricingKeys, pricing);
    s[statuscol::PricingModel] = str(c, pricing[0]);
    s[statuscol::PricingCategory] = str(c, pricing[1]);
    s[statuscol::PricingType] = str(c, pricing[2]);
    s[statuscol::Billable] = boolean(pricing[3]);
    std::array<Json, kConversationKeys.size()> conversation;
    pickMembers(f[SkConversation], kConversationKeys, conversation);
    s[statuscol::MetaConversationId] = str(c, conversation[0]);
    const ParsedValue origin = str(c, conversation[1]["type"]);
    s[statuscol::ConversationOrigin] = origin;
    s[statuscol::ConversationExpiresAt] = integer(conversation[2]);
    s[statuscol::BizOpaqueCallbackData] = str(c, f[SkBizOpaqueCallbackData]);
    // Statuses are most of the traffic and fully normalized above; their exact bytes stay in
    // the journal row (journal_id), so the raw JSON is kept here (in status_events) only when
    // the status carries something this version does not read.
    if (!allKnown)
        s[statuscol::RawJson] = raw(o);
    s.freeEntryPoint = s[statuscol::PricingType].textEquals("free_entry_point")
        || origin.textEquals("referral_conversion");
    const ParsedValue id = s[statuscol::MessageId];
    c.out.statuses.append(std::move(s));
    c.bump(KindStatus);
    for (const Json error : errors)
        parseError(c, env, error, "status", id);
}

void parseTemplateEvent(Context &c, const Envelope &env, std::string_view field, const Json &value)
{
    ParsedTemplateEvent e;
    Kind kind = KindTemplateComponents;
    if (field == "message_template_status_update")
        kind = KindTemplateStatus;
    else if (field == "message_template_quality_update")
        kind = KindTemplateQuality;
    else if (field == "template_category_update")
        kind = KindTemplateCategory;
    e.kind = kindName(kind);
    e[templatecol::Field] = text(field);
    e[templatecol::WabaId] = env.wabaId;
    e[templatecol::TemplateId] = str(c, value["message_template_id"]);
    e[templatecol::TemplateName] = str(c, value["message_template_name"]);
    e[templatecol::Language] = str(c, value["message_template_language"]);
    e[templatecol::Event] = str(c, value["event"]);
    e[templatecol::Reason] = str(c, value["reason"]);
    ParsedValue category = str(c, value["message_template_category"]);
    if (!category.isValid())
        category = str(c, value["category"]);
    e[templatecol::Category] = category;
    e[templatecol::PreviousQuality] = str(c, value["previous_quality_score"]);
    e[templatecol::NewQuality] = str(c, value["new_quality_score"]);
    e[templatecol::PreviousCategory] = str(c, value["previous_category"]);
    e[templatecol::NewCategory] = str(c, value["new_category"]);
    if (env.entryTime > 0)
        e[templatecol::Timestamp] = ParsedValue::fromInteger(env.entryTime);
    e[templatecol::RawJson] = raw(value);
    c.bump(kind);
    c.out.templateEvents.append(std::move(e));
}

void parseAccountEvent(Context &c, const Envelope &env, std::string_view field, const Json &value)
{
    ParsedAccountEvent e;
    const Kind kind = field == "phone_number_quality_update" ? KindPhoneQuality : KindAccountUpdate;
    e.kind = kindName(kind);
    e[accountcol::Field] = text(field);
    e[accountcol::WabaId] = env.wabaId;
    e[accountcol::PhoneNumberId] = env.phoneNumberId;
    ParsedValue display = str(c, value["display_phone_number"]);
    if (!display.isValid())
        display = str(c, value["phone_number"]);
    if (!display.isValid())
        display = env.displayPhoneNumber;
    e[accountcol::DisplayPhoneNumber] = display;
    e[accountcol::Event] = str(c, value["event"]);
    ParsedValue detail = str(c, value["current_limit"]);
    if (!detail.isValid()) {
        const Json ban = value["ban_info"]["waba_ban_state"];
        detail = ban.isArray() ? raw(ban) : str(c, ban);
    }
    if (!detail.isValid())
        detail = str(c, value["violation_info"]["violation_type"]);
    e[accountcol::Detail] = detail;
    if (env.entryTime > 0)
        e[accountcol::Timestamp] = ParsedValue::fromInteger(env.entryTime);
    e[accountcol::Known] = ParsedValue::fromBool(true);
    e[accountcol::RawJson] = raw(value);
    c.bump(kind);
    c.out.accountEvents.append(std::move(e));
}

void parsePreference(Context &c, const Envelope &env, const Json &o)
{
    ParsedPreference p;
    p[prefcol::WabaId] = env.wabaId;
    p[prefcol::PhoneNumberId] = env.phoneNumberId;
    p[prefcol::WaId] = nonEmptyStr(c, o["wa_id"]);
    p[prefcol::UserId] = nonEmptyStr(c, o["user_id"]);
    p[prefcol::Category] = str(c, o["category"]);
    p[prefcol::Value] = str(c, o["value"]);
    p[prefcol::Detail] = str(c, o["detail"]);
    p[prefcol::Timestamp] = integer(o["timestamp"]);
    p[prefcol::RawJson] = raw(o);
    c.out.preferences.append(std::move(p));
    c.bump(KindPreferences);
}

// Room for n more records, growing geometrically (a body of many changes stays linear).
template <typename T>
void reserveMore(QList<T> &list, qsizetype n)
{
    if (list.capacity() < list.size() + n)
        list.reserve(qMax(list.size() + n, 2 * list.capacity()));
}

void parseChange(Context &c, Envelope env, const Json &change)
{
    std::array<Json, 2> fieldAndValue;
    pickMembers(change, std::array<std::string_view, 2>{"field", "value"}, fieldAndValue);
    const std::string_view field = fieldAndValue[0].string();
    const Json value = fieldAndValue[1];
    if (!value.isObject()) {
        addUnknown(c, env, field, raw(change));
        return;
    }
    // metadata, contacts, messages, statuses, errors
    std::array<Json, 5> v;
    pickMembers(value,
        std::array<std::string_view, 5>{"metadata", "contacts", "messages", "statuses", "errors"},
        v);
    std::array<Json, 2> metadata;
    pickMembers(
        v[0], std::array<std::string_view, 2>{"phone_number_id", "display_phone_number"}, metadata);
    env.phoneNumberId = nonEmptyStr(c, metadata[0]);
    env.displayPhoneNumber = nonEmptyStr(c, metadata[1]);

    for (const Json contact : v[1].elements())
        parseContact(c, env, contact);

    if (field == "messages") {
        bool any = false;
        const Json messages = v[2];
        const Json statuses = v[3];
        reserveMore(c.out.messages, messages.size());
        reserveMore(c.out.statuses, statuses.size());
        for (const Json message : messages.elements()) {
            parseMessage(c, env, message);
            any = true;
        }
        for (const Json status : statuses.elements()) {
            parseStatus(c, env, status);
            any = true;
        }
        for (const Json error : v[4].elements()) {
            parseError(c, env, error, "value", ParsedValue());
            any = true;
        }
        if (!any) {
            // Nothing we know (e.g. groups, message_echoes): keep it raw.
            bool other = false;
            for (const auto &member : value.members()) {
                if (member.key != "messaging_product" && member.key != "metadata"
                    && member.key != "contacts")
                    other = true;
            }
            if (other || v[1].isUndefined())
                addUnknown(c, env, field, raw(value));
        }
    } else if (field == "message_template_status_update"
        || field == "message_template_quality_update" || field == "template_category_update"
        || field == "message_template_components_update") {
        parseTemplateEvent(c, env, field, value);
    } else if (field == "phone_number_quality_update" || field == "account_update") {
        parseAccountEvent(c, env, field, value);
    } else if (field == "user_preferences") {
        const JsonView::ElementRange prefs = value["user_preferences"].elements();
        for (const Json pref : prefs)
            parsePreference(c, env, pref);
        if (prefs.isEmpty())
            addUnknown(c, env, field, raw(value));
    } else {
        addUnknown(c, env, field, raw(value));
    }
}

template <size_t N>
void appendColumns(QJsonObject &o, const std::array<const char *, N> &columns,
    const std::array<ParsedValue, N> &values, size_t skip)
{
    for (size_t i = 0; i < N; ++i) {
        if (i == skip)
            continue;
        o.insert(QLatin1String(columns[i]), values[i].toJsonValue());
    }
}

} // namespace

ParsedWebhook WebhookParser::parse(const QByteArray &body)
{
    ParsedWebhook out;
    auto buffers = std::make_shared<ParsedWebhook::Buffers>();
    JsonView &json = buffers->json;
    if (!json.parse(body)) {
        out.error = QStringLiteral("invalid JSON at offset %1: %2")
                        .arg(json.errorOffset())
                        .arg(json.error());
        return out;
    }
    out.ok = true;
    Context c{out, *buffers, {}};
    const Json root = json.root();
    const Json entries = root["entry"];
    if (!root.isObject() || !entries.isArray()) {
        addUnknown(c, Envelope{}, root["object"].string(), raw(root));
    } else {
        for (const Json entry : entries.elements()) {
            std::array<Json, 3> f; // id, time, changes
            pickMembers(entry, std::array<std::string_view, 3>{"id", "time", "changes"}, f);
            Envelope env;
            env.wabaId = nonEmptyStr(c, f[0]);
            const ParsedValue time = integer(f[1]);
            env.entryTime = time.isValid() ? time.toLongLong() : 0;
            const Json changes = f[2];
            if (!entry.isObject() || !changes.isArray()) {
                addUnknown(c, env, std::string_view(), raw(entry));
                continue;
            }
            for (const Json change : changes.elements())
                parseChange(c, env, change);
        }
    }
    for (int kind = 0; kind < KindCount; ++kind) {
        if (c.counts[size_t(kind)] > 0)
            out.counts.insert(kindName(Kind(kind)), c.counts[size_t(kind)]);
    }
    out.buffers = std::move(buffers);
    return out;
}

#define PARLEY_COLUMN_NAME(name, column) #column,
const std::array<const char *, msgcol::Count> &WebhookParser::messageColumns()
{
    static const std::array<const char *, msgcol::Count> columns{
        PARLEY_MESSAGE_COLUMNS(PARLEY_COLUMN_NAME)};
    return columns;
}
const std::array<const char *, statuscol::Count> &WebhookParser::statusColumns()
{
    static const std::array<const char *, statuscol::Count> columns{
        PARLEY_STATUS_COLUMNS(PARLEY_COLUMN_NAME)};
    return columns;
}
const std::array<const char *, errorcol::Count> &WebhookParser::errorColumns()
{
    static const std::array<const char *, errorcol::Count> columns{
        PARLEY_ERROR_COLUMNS(PARLEY_COLUMN_NAME)};
    return columns;
}
const std::array<const char *, templatecol::Count> &WebhookParser::templateColumns()
{
    static const std::array<const char *, templatecol::Count> columns{
        PARLEY_TEMPLATE_COLUMNS(PARLEY_COLUMN_NAME)};
    return columns;
}
const std::array<const char *, accountcol::Count> &WebhookParser::accountColumns()
{
    static const std::array<const char *, accountcol::Count> columns{
        PARLEY_ACCOUNT_COLUMNS(PARLEY_COLUMN_NAME)};
    return columns;
}
const std::array<const char *, prefcol::Count> &WebhookParser::preferenceColumns()
{
    static const std::array<const char *, prefcol::Count> columns{
        PARLEY_PREFERENCE_COLUMNS(PARLEY_COLUMN_NAME)};
    return columns;
}
#undef PARLEY_COLUMN_NAME

QJsonArray WebhookParser::toJson(const ParsedWebhook &parsed)
{
    QJsonArray out;
    for (const ParsedContact &c : parsed.contacts) {
        out.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("contact")},
            {QStringLiteral("phone_number_id"), c.phoneNumberId.toString()},
            {QStringLiteral("wa_id"), c.waId.toJsonValue()},
            {QStringLiteral("user_id"), c.userId.toJsonValue()},
            {QStringLiteral("parent_user_id"), c.parentUserId.toJsonValue()},
            {QStringLiteral("username"), c.username.toJsonValue()},
            {QStringLiteral("profile_name"), c.profileName.toJsonValue()}});
    }
    for (const ParsedMessage &m : parsed.messages) {
        QJsonObject o{{QStringLiteral("kind"), QStringLiteral("message")},
            {QStringLiteral("free_entry_point"), m.freeEntryPoint}};
        if (m.newWaId.isValid())
            o.insert(QStringLiteral("new_wa_id"), m.newWaId.toString());
        appendColumns(o, messageColumns(), m.v, msgcol::RawJson);
        out.append(o);
    }
    for (const ParsedStatus &s : parsed.statuses) {
        QJsonObject o{{QStringLiteral("kind"), QStringLiteral("status")},
            {QStringLiteral("free_entry_point"), s.freeEntryPoint}};
        appendColumns(o, statusColumns(), s.v, statuscol::RawJson);
        out.append(o);
    }
    for (const ParsedError &e : parsed.errors) {
        QJsonObject o{{QStringLiteral("kind"), QStringLiteral("error")}};
        appendColumns(o, errorColumns(), e.v, errorcol::RawJson);
        out.append(o);
    }
    for (const ParsedTemplateEvent &e : parsed.templateEvents) {
        QJsonObject o{{QStringLiteral("kind"), e.kind}};
        appendColumns(o, templateColumns(), e.v, templatecol::RawJson);
        out.append(o);
    }
    for (const ParsedAccountEvent &e : parsed.accountEvents) {
        QJsonObject o{{QStringLiteral("kind"), e.kind}};
        // Unknown fields are only kept raw: show the raw JSON so that the snapshot proves it.
        appendColumns(o, accountColumns(), e.v,
            e.kind == QLatin1String("unknown_field") ? size_t(-1) : size_t(accountcol::RawJson));
        out.append(o);
    }
    for (const ParsedPreference &p : parsed.preferences) {
        QJsonObject o{{QStringLiteral("kind"), QStringLiteral("user_preferences")}};
        appendColumns(o, preferenceColumns(), p.v, prefcol::RawJson);
        out.append(o);
    }
    return out;
}

int WebhookParser::statusRank(QStringView status)
{
    if (status == QLatin1String("sent"))
        return 1;
    if (status == QLatin1String("delivered"))
        return 2;
    if (status == QLatin1String("read"))
        return 3;
    if (status == QLatin1String("played"))
        return 4;
    if (status == QLatin1String("failed"))
        return 5;
    return 0;
}

int WebhookParser::statusRank(std::string_view status)
{
    if (status == "sent")
        return 1;
    if (status == "delivered")
        return 2;
    if (status == "read")
        return 3;
    if (status == "played")
        return 4;
    if (status == "failed")
        return 5;
    return 0;
}

} // namespace parley::core
