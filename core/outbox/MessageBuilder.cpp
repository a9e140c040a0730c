#include "outbox/MessageBuilder.h"

#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace parley::core {

namespace {

// FACTS.md §3.
constexpr int kTextBody = 4096;
constexpr int kCaption = 1024;
constexpr int kButtonCount = 3;
constexpr int kButtonTitle = 20;
constexpr int kButtonId = 256;
constexpr int kInteractiveBody = 1024;
constexpr int kListBody = 4096;
constexpr int kFooter = 60;
constexpr int kHeaderText = 60;
constexpr int kListButton = 20;
constexpr int kListSections = 10;
constexpr int kListRows = 10;
constexpr int kRowId = 200;
constexpr int kRowTitle = 24;
constexpr int kRowDescription = 72;
constexpr int kSectionTitle = 24;
constexpr int kCtaDisplayText = 20;
constexpr int kTemplateName = 512;

int length(const QString &s)
{
    // Code points: an emoji is one character to the customer, two UTF-16 units to QString.
    int n = 0;
    for (auto it = s.cbegin(); it != s.cend(); ++it) {
        if (!it->isLowSurrogate())
            ++n;
    }
    return n;
}

QString tooLong(const QString &field, int len, int limit)
{
    return QStringLiteral("%1 has %2 characters; the limit is %3").arg(field).arg(len).arg(limit);
}

// Checks an optional or required string field; returns an error or "".
QString checkString(const QJsonObject &o, const char *key, const QString &path, int limit,
    bool required, int minimum = 1)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) {
        return required ? QStringLiteral("%1 is required").arg(path) : QString();
    }
    if (!v.isString())
        return QStringLiteral("%1 must be a string").arg(path);
    const int len = length(v.toString());
    if (len < minimum)
        return QStringLiteral("%1 must not be empty").arg(path);
    if (limit > 0 && len > limit)
        return tooLong(path, len, limit);
    return {};
}

bool isHttpUrl(const QString &s)
{
    const QUrl u(s, QUrl::StrictMode);
    return u.isValid()
        && (u.scheme() == QLatin1String("https") || u.scheme() == QLatin1String("http"))
        && !u.host().isEmpty();
}

QString checkMediaObject(const QJsonObject &m, const QString &kind, const QString &path,
    bool captionAllowed, bool filenameAllowed)
{
    const bool hasId = m.contains(QLatin1String("id"));
    const bool hasLink = m.contains(QLatin1String("link"));
    if (hasId == hasLink)
        return QStringLiteral("%1 needs exactly one of id or link").arg(path);
    if (hasId) {
        if (auto e = checkString(m, "id", path + QStringLiteral(".id"), 0, true); !e.isEmpty())
            return e;
    } else if (!isHttpUrl(m.value(QLatin1String("link")).toString())) {
        return QStringLiteral("%1.link must be an http(s) URL").arg(path);
    }
    if (m.contains(QLatin1String("caption"))) {
        if (!captionAllowed)
            return QStringLiteral("%1 messages have no caption").arg(kind);
        if (auto e
            = checkString(m, "caption", path + QStringLiteral(".caption"), kCaption, false, 0);
            !e.isEmpty())
            return e;
    }
    if (m.contains(QLatin1String("filename"))) {
        if (!filenameAllowed)
            return QStringLiteral("only documents have a filename");
        if (auto e = checkString(m, "filename", path + QStringLiteral(".filename"), 240, false);
            !e.isEmpty())
            return e;
    }
    return {};
}

QString checkTextObject(
    const QJsonObject &parent, const char *key, const QString &path, int limit, bool required)
{
    const QJsonValue v = parent.value(QLatin1String(key));
    if (v.isUndefined()) {
        return required ? QStringLiteral("%1 is required").arg(path) : QString();
    }
    if (!v.isObject())
        return QStringLiteral("%1 must be an object").arg(path);
    return checkString(v.toObject(), "text", path + QStringLiteral(".text"), limit, true);
}

QString checkHeader(const QJsonObject &interactive, bool textOnly)
{
    const QJsonValue hv = interactive.value(QLatin1String("header"));
    if (hv.isUndefined())
        return {};
    if (!hv.isObject())
        return QStringLiteral("interactive.header must be an object");
    const QJsonObject h = hv.toObject();
    const QString type = h.value(QLatin1String("type")).toString();
    if (type == QLatin1String("text"))
        return checkString(h, "text", QStringLiteral("interactive.header.text"), kHeaderText, true);
    if (textOnly)
        return QStringLiteral("interactive.header must be of type text for this message");
    if (type == QLatin1String("image") || type == QLatin1String("video")
        || type == QLatin1String("document")) {
        return checkMediaObject(h.value(type).toObject(), type,
            QStringLiteral("interactive.header.") + type, false, type == QLatin1String("document"));
    }
    return QStringLiteral("interactive.header.type must be text, image, video or document");
}

// Header, body and footer: the frame every interactive kind shares.
QString checkFrame(const QJsonObject &i, bool textOnlyHeader, int bodyLimit)
{
    if (auto e = checkHeader(i, textOnlyHeader); !e.isEmpty())
        return e;
    if (auto e = checkTextObject(i, "body", QStringLiteral("interactive.body"), bodyLimit, true);
        !e.isEmpty())
        return e;
    return checkTextObject(i, "footer", QStringLiteral("interactive.footer"), kFooter, false);
}

QString checkButtons(const QJsonObject &i)
{
    if (auto e = checkFrame(i, false, kInteractiveBody); !e.isEmpty())
        return e;
    const QJsonArray buttons
        = i.value(QLatin1String("action")).toObject().value(QLatin1String("buttons")).toArray();
    if (buttons.isEmpty() || buttons.size() > kButtonCount)
        return QStringLiteral("interactive.action.buttons has %1 buttons; 1 to %2 are allowed")
            .arg(buttons.size())
            .arg(kButtonCount);
    QSet<QString> titles, ids;
    for (int n = 0; n < buttons.size(); ++n) {
        const QJsonObject b = buttons.at(n).toObject();
        const QString path = QStringLiteral("interactive.action.buttons[%1]").arg(n);
        if (b.value(QLatin1String("type")).toString() != QLatin1String("reply"))
            return path + QStringLiteral(".type must be \"reply\"");
        const QJsonObject reply = b.value(QLatin1String("reply")).toObject();
        if (auto e = checkString(reply, "id", path + QStringLiteral(".reply.id"), kButtonId, true);
            !e.isEmpty())
            return e;
        if (auto e = checkString(
                reply, "title", path + QStringLiteral(".reply.title"), kButtonTitle, true);
            !e.isEmpty())
            return e;
        const QString title = reply.value(QLatin1String("title")).toString();
        const QString id = reply.value(QLatin1String("id")).toString();
        if (titles.contains(title))
            return path + QStringLiteral(".reply.title \"%1\" is not unique").arg(title);
        if (ids.contains(id))
            return path + QStringLiteral(".reply.id is not unique");
        titles.insert(title);
        ids.insert(id);
    }
    return {};
}

QString checkList(const QJsonObject &i)
{
    if (auto e = checkFrame(i, true, kListBody); !e.isEmpty())
        return e;
    const QJsonObject action = i.value(QLatin1String("action")).toObject();
    if (auto e = checkString(
            action, "button", QStringLiteral("interactive.action.button"), kListButton, true);
        !e.isEmpty())
        return e;
    const QJsonArray sections = action.value(QLatin1String("sections")).toArray();
    if (sections.isEmpty() || sections.size() > kListSections)
        return QStringLiteral("interactive.action.sections has %1 sections; 1 to %2 are allowed")
            .arg(sections.size())
            .arg(kListSections);
    int rows = 0;
    QSet<QString> rowIds;
    for (int s = 0; s < sections.size(); ++s) {
        const QJsonObject section = sections.at(s).toObject();
        const QString path = QStringLiteral("interactive.action.sections[%1]").arg(s);
        if (auto e = checkString(section, "title", path + QStringLiteral(".title"), kSectionTitle,
                sections.size() > 1);
            !e.isEmpty())
            return e;
        const QJsonArray sectionRows = section.value(QLatin1String("rows")).toArray();
        if (sectionRows.isEmpty())
            return path + QStringLiteral(".rows must not be empty");
        for (int r = 0; r < sectionRows.size(); ++r) {
            const QJsonObject row = sectionRows.at(r).toObject();
            const QString rp = path + QStringLiteral(".rows[%1]").arg(r);
            if (auto e = checkString(row, "id", rp + QStringLiteral(".id"), kRowId, true);
                !e.isEmpty())
                return e;
            if (auto e = checkString(row, "title", rp + QStringLiteral(".title"), kRowTitle, true);
                !e.isEmpty())
                return e;
            if (auto e = checkString(row, "description", rp + QStringLiteral(".description"),
                    kRowDescription, false);
                !e.isEmpty())
                return e;
            const QString id = row.value(QLatin1String("id")).toString();
            if (rowIds.contains(id))
                return rp + QStringLiteral(".id is not unique");
            rowIds.insert(id);
        }
        rows += int(sectionRows.size());
    }
    if (rows > kListRows)
        return QStringLiteral("the list has %1 rows in total; the limit is %2")
            .arg(rows)
            .arg(kListRows);
    return {};
}

QString checkCtaUrl(const QJsonObject &i)
{
    if (auto e = checkFrame(i, false, kInteractiveBody); !e.isEmpty())
        return e;
    const QJsonObject action = i.value(QLatin1String("action")).toObject();
    if (action.value(QLatin1String("name")).toString() != QLatin1String("cta_url"))
        return QStringLiteral("interactive.action.name must be \"cta_url\"");
    const QJsonObject p = action.value(QLatin1String("parameters")).toObject();
    if (auto e = checkString(p, "display_text",
            QStringLiteral("interactive.action.parameters.display_text"), kCtaDisplayText, true);
        !e.isEmpty())
        return e;
    if (!isHttpUrl(p.value(QLatin1String("url")).toString()))
        return QStringLiteral("interactive.action.parameters.url must be an http(s) URL");
    return {};
}

QString checkFlow(const QJsonObject &i)
{
    if (auto e = checkFrame(i, false, kInteractiveBody); !e.isEmpty())
        return e;
    const QJsonObject action = i.value(QLatin1String("action")).toObject();
    if (action.value(QLatin1String("name")).toString() != QLatin1String("flow"))
        return QStringLiteral("interactive.action.name must be \"flow\"");
    const QJsonObject p = action.value(QLatin1String("parameters")).toObject();
    if (!p.contains(QLatin1String("flow_id")) && !p.contains(QLatin1String("flow_name")))
        return QStringLiteral("interactive.action.parameters needs flow_id or flow_name");
    if (auto e = checkString(p, "flow_cta",
            QStringLiteral("interactive.action.parameters.flow_cta"), kCtaDisplayText * 2, true);
        !e.isEmpty())
        return e;
    if (!p.contains(QLatin1String("flow_message_version")))
        return QStringLiteral("interactive.action.parameters.flow_message_version is required");
    const QString flowAction = p.value(QLatin1String("flow_action")).toString();
    if (!flowAction.isEmpty() && flowAction != QLatin1String("navigate")
        && flowAction != QLatin1String("data_exchange"))
        return QStringLiteral(
            "interactive.action.parameters.flow_action must be navigate or data_exchange");
    return {};
}

QString checkInteractive(const QJsonObject &i)
{
    const QString type = i.value(QLatin1String("type")).toString();
    if (type == QLatin1String("button"))
        return checkButtons(i);
    if (type == QLatin1String("list"))
        return checkList(i);
    if (type == QLatin1String("cta_url"))
        return checkCtaUrl(i);
    if (type == QLatin1String("flow"))
        return checkFlow(i);
    if (type == QLatin1String("location_request_message")) {
        if (auto e = checkTextObject(
                i, "body", QStringLiteral("interactive.body"), kInteractiveBody, true);
            !e.isEmpty())
            return e;
        if (i.value(QLatin1String("action")).toObject().value(QLatin1String("name")).toString()
            != QLatin1String("send_location"))
            return QStringLiteral("interactive.action.name must be \"send_location\"");
        return {};
    }
    if (type == QLatin1String("product") || type == QLatin1String("product_list")
        || type == QLatin1String("catalog_message") || type == QLatin1String("order_details")
        || type == QLatin1String("order_status")) {
        if (!i.value(QLatin1String("action")).isObject())
            return QStringLiteral("interactive.action is required");
        return checkTextObject(i, "footer", QStringLiteral("interactive.footer"), kFooter, false);
    }
    return QStringLiteral("interactive.type \"%1\" is not supported").arg(type);
}

QString checkTemplate(const QJsonObject &t)
{
    static const QRegularExpression nameRe(QStringLiteral("^[a-z0-9_]+$"));
    if (auto e = checkString(t, "name", QStringLiteral("template.name"), kTemplateName, true);
        !e.isEmpty())
        return e;
    if (!nameRe.match(t.value(QLatin1String("name")).toString()).hasMatch())
        return QStringLiteral(
            "template.name may hold only lowercase letters, digits and underscores");
    if (auto e = checkString(t.value(QLatin1String("language")).toObject(), "code",
            QStringLiteral("template.language.code"), 15, true);
        !e.isEmpty())
        return e;
    const QJsonValue components = t.value(QLatin1String("components"));
    if (!components.isUndefined() && !components.isArray())
        return QStringLiteral("template.components must be an array");
    return {};
}

QString checkContacts(const QJsonValue &v)
{
    if (!v.isArray() || v.toArray().isEmpty())
        return QStringLiteral("contacts must be a non-empty array");
    const QJsonArray a = v.toArray();
    for (int n = 0; n < a.size(); ++n) {
        const QJsonObject c = a.at(n).toObject();
        if (auto e = checkString(c.value(QLatin1String("name")).toObject(), "formatted_name",
                QStringLiteral("contacts[%1].name.formatted_name").arg(n), 0, true);
            !e.isEmpty())
            return e;
    }
    return {};
}

QString checkLocation(const QJsonObject &l)
{
    const QJsonValue lat = l.value(QLatin1String("latitude"));
    const QJsonValue lon = l.value(QLatin1String("longitude"));
    if (!lat.isDouble() || !lon.isDouble())
        return QStringLiteral("location.latitude and location.longitude must be numbers");
    if (lat.toDouble() < -90 || lat.toDouble() > 90)
        return QStringLiteral("location.latitude must be between -90 and 90");
    if (lon.toDouble() < -180 || lon.toDouble() > 180)
        return QStringLiteral("location.longitude must be between -180 and 180");
    if (auto e = checkString(l, "name", QStringLiteral("location.name"), 1000, false); !e.isEmpty())
        return e;
    return checkString(l, "address", QStringLiteral("location.address"), 1000, false);
}

QString checkReaction(const QJsonObject &r)
{
    if (auto e = checkString(r, "message_id", QStringLiteral("reaction.message_id"), 0, true);
        !e.isEmpty())
        return e;
    const QJsonValue emoji = r.value(QLatin1String("emoji"));
    if (!emoji.isString())
        return QStringLiteral("reaction.emoji must be a string (empty removes the reaction)");
    // One emoji, possibly with modifiers and joiners (a family is up to 7 code points + 6 ZWJ).
    if (length(emoji.toString()) > 16)
        return QStringLiteral("reaction.emoji must be a single emoji");
    return {};
}

} // namespace

QString MessageBuilder::validate(const QJsonObject &message)
{
    const QString type = message.value(QLatin1String("type")).toString();
    if (type.isEmpty())
        return QStringLiteral("type is required");
    const QJsonValue body = message.value(type);
    if (type != QLatin1String("contacts") && !body.isObject())
        return QStringLiteral("the \"%1\" object is required").arg(type);
    const QJsonObject o = body.toObject();
    QString error;
    if (type == QLatin1String("text")) {
        error = checkString(o, "body", QStringLiteral("text.body"), kTextBody, true);
        if (error.isEmpty() && o.contains(QLatin1String("preview_url"))
            && !o.value(QLatin1String("preview_url")).isBool())
            error = QStringLiteral("text.preview_url must be true or false");
    } else if (type == QLatin1String("image") || type == QLatin1String("video")
        || type == QLatin1String("document")) {
        error = checkMediaObject(o, type, type, true, type == QLatin1String("document"));
    } else if (type == QLatin1String("audio") || type == QLatin1String("sticker")) {
        error = checkMediaObject(o, type, type, false, false);
    } else if (type == QLatin1String("location")) {
        error = checkLocation(o);
    } else if (type == QLatin1String("contacts")) {
        error = checkContacts(body);
    } else if (type == QLatin1String("interactive")) {
        error = checkInteractive(o);
    } else if (type == QLatin1String("template")) {
        error = checkTemplate(o);
    } else if (type == QLatin1String("reaction")) {
        error = checkReaction(o);
    } else {
        error = QStringLiteral("type \"%1\" is not supported").arg(type);
    }
    if (!error.isEmpty())
        return error;
    if (message.contains(QLatin1String("context"))) {
        if (auto e = checkString(message.value(QLatin1String("context")).toObject(), "message_id",
                QStringLiteral("context.message_id"), 0, true);
            !e.isEmpty())
            return e;
    }
    return {};
}

namespace {
BuiltMessage finish(QJsonObject message)
{
    BuiltMessage b;
    b.error = MessageBuilder::validate(message);
    b.message = std::move(message);
    return b;
}
} // namespace

BuiltMessage MessageBuilder::text(const QString &body, bool previewUrl)
{
    QJsonObject text{{QStringLiteral("body"), body}};
    if (previewUrl)
        text.insert(QStringLiteral("preview_url"), true);
    return finish(
        {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}});
}

BuiltMessage MessageBuilder::media(
    MediaKind kind, const QString &idOrLink, const QString &caption, const QString &filename)
{
    const QString type = mediaKindName(kind);
    QJsonObject m;
    if (idOrLink.startsWith(QLatin1String("http://"))
        || idOrLink.startsWith(QLatin1String("https://")))
        m.insert(QStringLiteral("link"), idOrLink);
    else
        m.insert(QStringLiteral("id"), idOrLink);
    if (!caption.isEmpty())
        m.insert(QStringLiteral("caption"), caption);
    if (!filename.isEmpty())
        m.insert(QStringLiteral("filename"), filename);
    return finish({{QStringLiteral("type"), type}, {type, m}});
}

BuiltMessage MessageBuilder::location(
    double latitude, double longitude, const QString &name, const QString &address)
{
    QJsonObject l{{QStringLiteral("latitude"), latitude}, {QStringLiteral("longitude"), longitude}};
    if (!name.isEmpty())
        l.insert(QStringLiteral("name"), name);
    if (!address.isEmpty())
        l.insert(QStringLiteral("address"), address);
    return finish(
        {{QStringLiteral("type"), QStringLiteral("location")}, {QStringLiteral("location"), l}});
}

BuiltMessage MessageBuilder::contacts(const QJsonArray &contacts)
{
    return finish({{QStringLiteral("type"), QStringLiteral("contacts")},
        {QStringLiteral("contacts"), contacts}});
}

BuiltMessage MessageBuilder::interactive(const QJsonObject &interactive)
{
    return finish({{QStringLiteral("type"), QStringLiteral("interactive")},
        {QStringLiteral("interactive"), interactive}});
}

BuiltMessage MessageBuilder::templateMessage(const QJsonObject &templateObject)
{
    return finish({{QStringLiteral("type"), QStringLiteral("template")},
        {QStringLiteral("template"), templateObject}});
}

BuiltMessage MessageBuilder::reaction(const QString &messageId, const QString &emoji)
{
    return finish({{QStringLiteral("type"), QStringLiteral("reaction")},
        {QStringLiteral("reaction"),
            QJsonObject{
                {QStringLiteral("message_id"), messageId}, {QStringLiteral("emoji"), emoji}}}});
}

BuiltMessage MessageBuilder::replyTo(BuiltMessage built, const QString &messageId)
{
    if (!built.ok())
        return built;
    built.message.insert(
        QStringLiteral("context"), QJsonObject{{QStringLiteral("message_id"), messageId}});
    return finish(built.message);
}

QJsonObject MessageBuilder::markAsRead(const QString &messageId, bool typingIndicator)
{
    QJsonObject o{{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
        {QStringLiteral("status"), QStringLiteral("read")},
        {QStringLiteral("message_id"), messageId}};
    if (typingIndicator)
        o.insert(QStringLiteral("typing_indicator"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}});
    return o;
}

QString MessageBuilder::mediaKindName(MediaKind kind)
{
    switch (kind) {
    case MediaKind::Image: return QStringLiteral("image");
    case MediaKind::Video: return QStringLiteral("video");
    case MediaKind::Audio: return QStringLiteral("audio");
    case MediaKind::Document: return QStringLiteral("document");
    case MediaKind::Sticker: return QStringLiteral("sticker");
    }
    return {};
}

bool MessageBuilder::mediaKindFromName(const QString &name, MediaKind *kind)
{
    for (auto k : {MediaKind::Image, MediaKind::Video, MediaKind::Audio, MediaKind::Document,
             MediaKind::Sticker}) {
        if (mediaKindName(k) == name) {
            *kind = k;
            return true;
        }
    }
    return false;
}

} // namespace parley::core
