#include "webhook/WebhookParser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QStringList>

#include <cmath>

namespace parley::core {

namespace {

// 2^63 as a double: integral doubles below it convert to qint64 exactly enough for ids/times.
constexpr double kInt64Limit = 9223372036854775807.0;

bool integralDouble(double d)
{
    return std::isfinite(d) && std::fabs(d) < kInt64Limit && std::trunc(d) == d;
}

// A string field; numbers (Meta sends some ids as numbers) become their decimal text.
QVariant str(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String: {
        QString s = v.toString();
        if (s.isNull())
            s = QStringLiteral(""); // present but empty: not NULL
        return s;
    }
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (integralDouble(d))
            return QString::number(qint64(d));
        return QString::number(d, 'g', 17);
    }
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default: return {};
    }
}

// A string field where "" means absent (reaction removal, empty captions of some clients).
QVariant nonEmptyStr(const QJsonValue &v)
{
    QVariant s = str(v);
    if (s.isValid() && s.toString().isEmpty())
        return {};
    return s;
}

// An integer sent as a number or as a string of digits (Meta's timestamps are strings).
QVariant integer(const QJsonValue &v)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (integralDouble(d))
            return qint64(d);
        return {};
    }
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().trimmed().toLongLong(&ok);
        if (ok)
            return n;
    }
    return {};
}

QVariant real(const QJsonValue &v)
{
    if (v.isDouble() && std::isfinite(v.toDouble()))
        return v.toDouble();
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        if (ok && std::isfinite(d))
            return d;
    }
    return {};
}

QVariant boolean(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool();
    if (v.isString()) {
        const QString s = v.toString();
        if (s == QLatin1String("true"))
            return true;
        if (s == QLatin1String("false"))
            return false;
    }
    if (v.isDouble())
        return v.toDouble() != 0;
    return {};
}

// error_data.details, or the flat "details" of On-Prem-era payloads.
QVariant errorDetails(const QJsonObject &error)
{
    QVariant details
        = str(error.value(QLatin1String("error_data")).toObject().value(QLatin1String("details")));
    if (!details.isValid())
        details = str(error.value(QLatin1String("details")));
    return details;
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString compact(const QJsonValue &v)
{
    if (v.isObject())
        return compact(v.toObject());
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    // A scalar: wrap it so that the text is still JSON.
    QJsonArray wrap{v};
    const QByteArray json = QJsonDocument(wrap).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

void bump(ParsedWebhook &out, const QString &kind)
{
    ++out.counts[kind];
}

struct Envelope
{
    QVariant wabaId;
    QVariant phoneNumberId;
    QVariant displayPhoneNumber;
    qint64 entryTime = 0;
};

void addUnknown(ParsedWebhook &out, const Envelope &env, const QString &field, const QString &raw)
{
    ParsedAccountEvent e;
    e.kind = QStringLiteral("unknown_field");
    e[accountcol::Field] = field.isEmpty() ? QStringLiteral("") : field;
    e[accountcol::WabaId] = env.wabaId;
    e[accountcol::PhoneNumberId] = env.phoneNumberId;
    e[accountcol::DisplayPhoneNumber] = env.displayPhoneNumber;
    if (env.entryTime > 0)
        e[accountcol::Timestamp] = env.entryTime;
    e[accountcol::Known] = false;
    e[accountcol::RawJson] = raw;
    out.accountEvents.append(std::move(e));
    bump(out, QStringLiteral("unknown_field"));
}

void parseError(ParsedWebhook &out, const Envelope &env, const QJsonValue &value,
    const QString &scope, const QVariant &messageId)
{
    const QJsonObject o = value.toObject();
    ParsedError e;
    e.entryTime = env.entryTime;
    e[errorcol::Scope] = scope;
    e[errorcol::WabaId] = env.wabaId;
    e[errorcol::PhoneNumberId] = env.phoneNumberId;
    e[errorcol::MessageId] = messageId;
    e[errorcol::Code] = integer(o.value(QLatin1String("code")));
    e[errorcol::Title] = str(o.value(QLatin1String("title")));
    e[errorcol::Message] = str(o.value(QLatin1String("message")));
    e[errorcol::Details] = errorDetails(o);
    e[errorcol::Href] = str(o.value(QLatin1String("href")));
    e[errorcol::RawJson] = compact(value);
    out.errors.append(std::move(e));
    bump(out, QStringLiteral("error"));
}

void parseContact(ParsedWebhook &out, const Envelope &env, const QJsonObject &o)
{
    ParsedContact c;
    c.phoneNumberId = env.phoneNumberId.toString();
    c.waId = nonEmptyStr(o.value(QLatin1String("wa_id")));
    c.userId = nonEmptyStr(o.value(QLatin1String("user_id")));
    c.parentUserId = nonEmptyStr(o.value(QLatin1String("parent_user_id")));
    const QJsonObject profile = o.value(QLatin1String("profile")).toObject();
    c.profileName = nonEmptyStr(profile.value(QLatin1String("name")));
    c.username = nonEmptyStr(profile.value(QLatin1String("username")));
    if (!c.username.isValid())
        c.username = nonEmptyStr(o.value(QLatin1String("username")));
    if (!c.waId.isValid() && !c.userId.isValid())
        return; // nothing to key it by
    out.contacts.append(std::move(c));
    bump(out, QStringLiteral("contact"));
}

QString contactsSummary(const QJsonArray &cards)
{
    QStringList names;
    for (const QJsonValue &card : cards) {
        const QJsonObject name = card.toObject().value(QLatin1String("name")).toObject();
        QString formatted = name.value(QLatin1String("formatted_name")).toString();
        if (formatted.isEmpty()) {
            formatted = QStringList{name.value(QLatin1String("first_name")).toString(),
                name.value(QLatin1String("last_name")).toString()}
                            .join(u' ')
                            .trimmed();
        }
        if (!formatted.isEmpty())
            names << formatted;
    }
    return names.join(QLatin1String(", "));
}

void applyContext(ParsedMessage &m, const QJsonObject &context)
{
    if (context.isEmpty())
        return;
    m[msgcol::ContextId] = str(context.value(QLatin1String("id")));
    m[msgcol::ContextFrom] = str(context.value(QLatin1String("from")));
    m[msgcol::Forwarded] = boolean(context.value(QLatin1String("forwarded")));
    m[msgcol::FrequentlyForwarded] = boolean(context.value(QLatin1String("frequently_forwarded")));
}

// The type-specific fields of a message object (also the inner message of an edit).
void applyContent(ParsedMessage &m, const QString &type, const QJsonObject &o, int depth)
{
    const QJsonObject body = o.value(type).toObject();
    if (type == QLatin1String("text")) {
        m[msgcol::Text] = str(body.value(QLatin1String("body")));
    } else if (type == QLatin1String("image") || type == QLatin1String("video")
        || type == QLatin1String("audio") || type == QLatin1String("document")
        || type == QLatin1String("sticker")) {
        m[msgcol::MediaId] = str(body.value(QLatin1String("id")));
        m[msgcol::MimeType] = str(body.value(QLatin1String("mime_type")));
        m[msgcol::Sha256] = str(body.value(QLatin1String("sha256")));
        m[msgcol::Caption] = str(body.value(QLatin1String("caption")));
        m[msgcol::Filename] = str(body.value(QLatin1String("filename")));
        if (type == QLatin1String("audio")) {
            const QVariant voice = boolean(body.value(QLatin1String("voice")));
            m[msgcol::Voice] = voice.isValid() ? voice : QVariant(false);
        } else if (type == QLatin1String("sticker")) {
            const QVariant animated = boolean(body.value(QLatin1String("animated")));
            m[msgcol::Animated] = animated.isValid() ? animated : QVariant(false);
        }
    } else if (type == QLatin1String("location")) {
        m[msgcol::Latitude] = real(body.value(QLatin1String("latitude")));
        m[msgcol::Longitude] = real(body.value(QLatin1String("longitude")));
        m[msgcol::LocationName] = str(body.value(QLatin1String("name")));
        m[msgcol::LocationAddress] = str(body.value(QLatin1String("address")));
        m[msgcol::LocationUrl] = str(body.value(QLatin1String("url")));
    } else if (type == QLatin1String("contacts")) {
        const QString summary = contactsSummary(o.value(QLatin1String("contacts")).toArray());
        if (!summary.isEmpty())
            m[msgcol::Text] = summary;
    } else if (type == QLatin1String("reaction")) {
        m[msgcol::ReactionTo] = str(body.value(QLatin1String("message_id")));
        m[msgcol::Emoji] = nonEmptyStr(body.value(QLatin1String("emoji"))); // NULL: removed
    } else if (type == QLatin1String("interactive")) {
        const QVariant replyType = str(body.value(QLatin1String("type")));
        m[msgcol::ReplyType] = replyType;
        const QJsonObject reply = body.value(replyType.toString()).toObject();
        if (replyType.toString() == QLatin1String("nfm_reply")) {
            m[msgcol::ReplyId] = str(reply.value(QLatin1String("name")));
            m[msgcol::ReplyTitle] = str(reply.value(QLatin1String("body")));
            m[msgcol::ReplyJson] = str(reply.value(QLatin1String("response_json")));
        } else {
            m[msgcol::ReplyId] = str(reply.value(QLatin1String("id")));
            m[msgcol::ReplyTitle] = str(reply.value(QLatin1String("title")));
            m[msgcol::ReplyDescription] = str(reply.value(QLatin1String("description")));
        }
        m[msgcol::Text] = m[msgcol::ReplyTitle];
    } else if (type == QLatin1String("button")) {
        m[msgcol::ButtonPayload] = str(body.value(QLatin1String("payload")));
        m[msgcol::ButtonText] = str(body.value(QLatin1String("text")));
        m[msgcol::Text] = m[msgcol::ButtonText];
    } else if (type == QLatin1String("order")) {
        m[msgcol::Text] = nonEmptyStr(body.value(QLatin1String("text")));
    } else if (type == QLatin1String("system")) {
        m[msgcol::SystemType] = str(body.value(QLatin1String("type")));
        m[msgcol::Text] = str(body.value(QLatin1String("body")));
        if (m[msgcol::SystemType].toString() == QLatin1String("user_changed_number"))
            m.newWaId = nonEmptyStr(body.value(QLatin1String("wa_id")));
    } else if (type == QLatin1String("edit") && depth == 0) {
        m[msgcol::EditOf] = str(body.value(QLatin1String("original_message_id")));
        const QJsonObject inner = body.value(QLatin1String("message")).toObject();
        const QString innerType = inner.value(QLatin1String("type")).toString();
        if (!innerType.isEmpty() && innerType != QLatin1String("edit"))
            applyContent(m, innerType, inner, depth + 1);
        if (!m[msgcol::ContextId].isValid())
            applyContext(m, inner.value(QLatin1String("context")).toObject());
    } else if (type == QLatin1String("unsupported")) {
        // v24+: the type WhatsApp could not deliver ("edit", "poll_update", ...)
        m[msgcol::SystemType] = str(body.value(QLatin1String("type")));
    }
}

void parseMessage(ParsedWebhook &out, const Envelope &env, const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    ParsedMessage m;
    m[msgcol::Id] = nonEmptyStr(o.value(QLatin1String("id")));
    if (!m[msgcol::Id].isValid()) {
        addUnknown(out, env, QStringLiteral("messages"), compact(value));
        return;
    }
    m[msgcol::PhoneNumberId] = env.phoneNumberId;
    m[msgcol::DisplayPhoneNumber] = env.displayPhoneNumber;
    m[msgcol::FromWaId] = nonEmptyStr(o.value(QLatin1String("from")));
    m[msgcol::FromUserId] = nonEmptyStr(o.value(QLatin1String("from_user_id")));
    m[msgcol::FromParentUserId] = nonEmptyStr(o.value(QLatin1String("from_parent_user_id")));
    const QVariant type = str(o.value(QLatin1String("type")));
    m[msgcol::Type] = type;
    m[msgcol::Timestamp] = integer(o.value(QLatin1String("timestamp")));
    applyContext(m, o.value(QLatin1String("context")).toObject());
    const QJsonValue referral = o.value(QLatin1String("referral"));
    if (referral.isObject()) {
        m[msgcol::ReferralJson] = compact(referral);
        m.freeEntryPoint = true;
    }
    if (type.isValid())
        applyContent(m, type.toString(), o, 0);
    const QJsonArray errors = o.value(QLatin1String("errors")).toArray();
    if (!errors.isEmpty()) {
        const QJsonObject first = errors.first().toObject();
        m[msgcol::ErrorCode] = integer(first.value(QLatin1String("code")));
        m[msgcol::ErrorTitle] = str(first.value(QLatin1String("title")));
        m[msgcol::ErrorDetails] = errorDetails(first);
    }
    m[msgcol::RawJson] = compact(o);
    const QVariant id = m[msgcol::Id];
    out.messages.append(std::move(m));
    bump(out, QStringLiteral("message"));
    for (const QJsonValue &error : errors)
        parseError(out, env, error, QStringLiteral("message"), id);
}

bool knownStatusKey(QStringView key)
{
    static const char *const known[] = {"id", "status", "timestamp", "recipient_id",
        "recipient_user_id", "recipient_parent_user_id", "errors", "pricing", "conversation",
        "biz_opaque_callback_data"};
    for (const char *k : known) {
        if (key == QLatin1String(k))
            return true;
    }
    return false;
}

void parseStatus(ParsedWebhook &out, const Envelope &env, const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    ParsedStatus s;
    s[statuscol::MessageId] = nonEmptyStr(o.value(QLatin1String("id")));
    s[statuscol::Status] = nonEmptyStr(o.value(QLatin1String("status")));
    if (!s[statuscol::MessageId].isValid() || !s[statuscol::Status].isValid()) {
        addUnknown(out, env, QStringLiteral("statuses"), compact(value));
        return;
    }
    s[statuscol::Timestamp] = integer(o.value(QLatin1String("timestamp")));
    s[statuscol::PhoneNumberId] = env.phoneNumberId;
    s[statuscol::RecipientId] = nonEmptyStr(o.value(QLatin1String("recipient_id")));
    s[statuscol::RecipientUserId] = nonEmptyStr(o.value(QLatin1String("recipient_user_id")));
    s[statuscol::RecipientParentUserId]
        = nonEmptyStr(o.value(QLatin1String("recipient_parent_user_id")));
    const QJsonArray errors = o.value(QLatin1String("errors")).toArray();
    if (!errors.isEmpty()) {
        const QJsonObject first = errors.first().toObject();
        s[statuscol::ErrorCode] = integer(first.value(QLatin1String("code")));
        s[statuscol::ErrorTitle] = str(first.value(QLatin1String("title")));
        QVariant details = errorDetails(first);
        if (!details.isValid())
            details = str(first.value(QLatin1String("message")));
        s[statuscol::ErrorDetails] = details;
    }
    const QJsonObject pricing = o.value(QLatin1String("pricing")).toObject();
    s[statuscol::PricingModel] = str(pricing.value(QLatin1String("pricing_model")));
    s[statuscol::PricingCategory] = str(pricing.value(QLatin1String("category")));
    s[statuscol::PricingType] = str(pricing.value(QLatin1String("type")));
    s[statuscol::Billable] = boolean(pricing.value(QLatin1String("billable")));
    const QJsonObject conversation = o.value(QLatin1String("conversation")).toObject();
    s[statuscol::MetaConversationId] = str(conversation.value(QLatin1String("id")));
    const QVariant origin
        = str(conversation.value(QLatin1String("origin")).toObject().value(QLatin1String("type")));
    s[statuscol::ConversationOrigin] = origin;
    s[statuscol::ConversationExpiresAt]
        = integer(conversation.value(QLatin1String("expiration_timestamp")));
    s[statuscol::BizOpaqueCallbackData] = str(o.value(QLatin1String("biz_opaque_callback_data")));
    // Statuses are most of the traffic and fully normalized above; re-serializing each one cost
    // about a third of the parse. Their exact bytes stay in the journal row (journal_id), so the
    // raw JSON is kept here only when the status carries something this version does not read.
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!knownStatusKey(it.key())) {
            s[statuscol::RawJson] = compact(o);
            break;
        }
    }
    s.freeEntryPoint = s[statuscol::PricingType].toString() == QLatin1String("free_entry_point")
        || origin.toString() == QLatin1String("referral_conversion");
    const QVariant id = s[statuscol::MessageId];
    out.statuses.append(std::move(s));
    bump(out, QStringLiteral("status"));
    for (const QJsonValue &error : errors)
        parseError(out, env, error, QStringLiteral("status"), id);
}

void parseTemplateEvent(
    ParsedWebhook &out, const Envelope &env, const QString &field, const QJsonObject &value)
{
    ParsedTemplateEvent e;
    if (field == QLatin1String("message_template_status_update"))
        e.kind = QStringLiteral("template_status");
    else if (field == QLatin1String("message_template_quality_update"))
        e.kind = QStringLiteral("template_quality");
    else if (field == QLatin1String("template_category_update"))
        e.kind = QStringLiteral("template_category");
    else
        e.kind = QStringLiteral("template_components");
    e[templatecol::Field] = field;
    e[templatecol::WabaId] = env.wabaId;
    e[templatecol::TemplateId] = str(value.value(QLatin1String("message_template_id")));
    e[templatecol::TemplateName] = str(value.value(QLatin1String("message_template_name")));
    e[templatecol::Language] = str(value.value(QLatin1String("message_template_language")));
    e[templatecol::Event] = str(value.value(QLatin1String("event")));
    e[templatecol::Reason] = str(value.value(QLatin1String("reason")));
    QVariant category = str(value.value(QLatin1String("message_template_category")));
    if (!category.isValid())
        category = str(value.value(QLatin1String("category")));
    e[templatecol::Category] = category;
    e[templatecol::PreviousQuality] = str(value.value(QLatin1String("previous_quality_score")));
    e[templatecol::NewQuality] = str(value.value(QLatin1String("new_quality_score")));
    e[templatecol::PreviousCategory] = str(value.value(QLatin1String("previous_category")));
    e[templatecol::NewCategory] = str(value.value(QLatin1String("new_category")));
    if (env.entryTime > 0)
        e[templatecol::Timestamp] = env.entryTime;
    e[templatecol::RawJson] = compact(value);
    bump(out, e.kind);
    out.templateEvents.append(std::move(e));
}

void parseAccountEvent(
    ParsedWebhook &out, const Envelope &env, const QString &field, const QJsonObject &value)
{
    ParsedAccountEvent e;
    e.kind = field == QLatin1String("phone_number_quality_update")
        ? QStringLiteral("phone_quality")
        : QStringLiteral("account_update");
    e[accountcol::Field] = field;
    e[accountcol::WabaId] = env.wabaId;
    e[accountcol::PhoneNumberId] = env.phoneNumberId;
    QVariant display = str(value.value(QLatin1String("display_phone_number")));
    if (!display.isValid())
        display = str(value.value(QLatin1String("phone_number")));
    if (!display.isValid())
        display = env.displayPhoneNumber;
    e[accountcol::DisplayPhoneNumber] = display;
    e[accountcol::Event] = str(value.value(QLatin1String("event")));
    QVariant detail = str(value.value(QLatin1String("current_limit")));
    if (!detail.isValid()) {
        const QJsonValue ban = value.value(QLatin1String("ban_info"))
                                   .toObject()
                                   .value(QLatin1String("waba_ban_state"));
        detail = ban.isArray() ? QVariant(compact(ban)) : str(ban);
    }
    if (!detail.isValid()) {
        detail = str(value.value(QLatin1String("violation_info"))
                         .toObject()
                         .value(QLatin1String("violation_type")));
    }
    e[accountcol::Detail] = detail;
    if (env.entryTime > 0)
        e[accountcol::Timestamp] = env.entryTime;
    e[accountcol::Known] = true;
    e[accountcol::RawJson] = compact(value);
    bump(out, e.kind);
    out.accountEvents.append(std::move(e));
}

void parsePreference(ParsedWebhook &out, const Envelope &env, const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    ParsedPreference p;
    p[prefcol::WabaId] = env.wabaId;
    p[prefcol::PhoneNumberId] = env.phoneNumberId;
    p[prefcol::WaId] = nonEmptyStr(o.value(QLatin1String("wa_id")));
    p[prefcol::UserId] = nonEmptyStr(o.value(QLatin1String("user_id")));
    p[prefcol::Category] = str(o.value(QLatin1String("category")));
    p[prefcol::Value] = str(o.value(QLatin1String("value")));
    p[prefcol::Detail] = str(o.value(QLatin1String("detail")));
    p[prefcol::Timestamp] = integer(o.value(QLatin1String("timestamp")));
    p[prefcol::RawJson] = compact(value);
    out.preferences.append(std::move(p));
    bump(out, QStringLiteral("user_preferences"));
}

void parseChange(ParsedWebhook &out, Envelope env, const QJsonValue &changeValue)
{
    const QJsonObject change = changeValue.toObject();
    const QString field = change.value(QLatin1String("field")).toString();
    const QJsonValue valueValue = change.value(QLatin1String("value"));
    if (!valueValue.isObject()) {
        addUnknown(out, env, field, compact(changeValue));
        return;
    }
    const QJsonObject value = valueValue.toObject();
    const QJsonObject metadata = value.value(QLatin1String("metadata")).toObject();
    env.phoneNumberId = nonEmptyStr(metadata.value(QLatin1String("phone_number_id")));
    env.displayPhoneNumber = nonEmptyStr(metadata.value(QLatin1String("display_phone_number")));

    for (const QJsonValue &contact : value.value(QLatin1String("contacts")).toArray())
        parseContact(out, env, contact.toObject());

    if (field == QLatin1String("messages")) {
        bool any = false;
        for (const QJsonValue &message : value.value(QLatin1String("messages")).toArray()) {
            parseMessage(out, env, message);
            any = true;
        }
        for (const QJsonValue &status : value.value(QLatin1String("statuses")).toArray()) {
            parseStatus(out, env, status);
            any = true;
        }
        for (const QJsonValue &error : value.value(QLatin1String("errors")).toArray()) {
            parseError(out, env, error, QStringLiteral("value"), QVariant());
            any = true;
        }
        if (!any) {
            // Nothing we know (e.g. groups, message_echoes): keep it raw.
            bool other = false;
            for (auto it = value.begin(); it != value.end(); ++it) {
                const QString key = it.key();
                if (key != QLatin1String("messaging_product") && key != QLatin1String("metadata")
                    && key != QLatin1String("contacts"))
                    other = true;
            }
            if (other || !value.contains(QLatin1String("contacts")))
                addUnknown(out, env, field, compact(value));
        }
    } else if (field == QLatin1String("message_template_status_update")
        || field == QLatin1String("message_template_quality_update")
        || field == QLatin1String("template_category_update")
        || field == QLatin1String("message_template_components_update")) {
        parseTemplateEvent(out, env, field, value);
    } else if (field == QLatin1String("phone_number_quality_update")
        || field == QLatin1String("account_update")) {
        parseAccountEvent(out, env, field, value);
    } else if (field == QLatin1String("user_preferences")) {
        const QJsonArray prefs = value.value(QLatin1String("user_preferences")).toArray();
        for (const QJsonValue &pref : prefs)
            parsePreference(out, env, pref);
        if (prefs.isEmpty())
            addUnknown(out, env, field, compact(value));
    } else {
        addUnknown(out, env, field, compact(value));
    }
}

template <size_t N>
void appendColumns(QJsonObject &o, const std::array<const char *, N> &columns,
    const std::array<QVariant, N> &values, size_t skip)
{
    for (size_t i = 0; i < N; ++i) {
        if (i == skip)
            continue;
        o.insert(QLatin1String(columns[i]), QJsonValue::fromVariant(values[i]));
    }
}

} // namespace

ParsedWebhook WebhookParser::parse(const QByteArray &body)
{
    ParsedWebhook out;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        out.error = QStringLiteral("invalid JSON at offset %1: %2")
                        .arg(error.offset)
                        .arg(error.errorString());
        return out;
    }
    out.ok = true;
    const QJsonObject root = doc.object();
    const QJsonValue entries = root.value(QLatin1String("entry"));
    if (!doc.isObject() || !entries.isArray()) {
        addUnknown(out, Envelope{}, root.value(QLatin1String("object")).toString(),
            QString::fromUtf8(doc.toJson(QJsonDocument::Compact)));
        return out;
    }
    for (const QJsonValue &entryValue : entries.toArray()) {
        const QJsonObject entry = entryValue.toObject();
        Envelope env;
        env.wabaId = nonEmptyStr(entry.value(QLatin1String("id")));
        const QVariant time = integer(entry.value(QLatin1String("time")));
        env.entryTime = time.isValid() ? time.toLongLong() : 0;
        const QJsonValue changes = entry.value(QLatin1String("changes"));
        if (!entryValue.isObject() || !changes.isArray()) {
            addUnknown(out, env, QString(), compact(entryValue));
            continue;
        }
        for (const QJsonValue &change : changes.toArray())
            parseChange(out, env, change);
    }
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
            {QStringLiteral("phone_number_id"), c.phoneNumberId},
            {QStringLiteral("wa_id"), QJsonValue::fromVariant(c.waId)},
            {QStringLiteral("user_id"), QJsonValue::fromVariant(c.userId)},
            {QStringLiteral("parent_user_id"), QJsonValue::fromVariant(c.parentUserId)},
            {QStringLiteral("username"), QJsonValue::fromVariant(c.username)},
            {QStringLiteral("profile_name"), QJsonValue::fromVariant(c.profileName)}});
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

} // namespace parley::core
