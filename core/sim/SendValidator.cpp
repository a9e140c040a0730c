#include "sim/SendValidator.h"

#include <QJsonArray>
#include <QSet>

namespace parley::sim {

namespace {

using S = QString;

SimError missing(const QString &path)
{
    return SimError::make(131008, S(QStringLiteral("The parameter %1 is required.")).arg(path));
}

SimError invalid(const QString &details)
{
    return SimError::make(131009, details);
}

SimError param(const QString &details)
{
    return SimError::make(100, details);
}

SimError tooLong(int code, const QString &path, int max)
{
    return SimError::make(
        code, S(QStringLiteral("Param %1 must be at most %2 characters long.")).arg(path).arg(max));
}

bool isString(const QJsonValue &v)
{
    return v.isString();
}

// Checks an optional string field's length.
SimError optionalText(
    const QJsonObject &o, const QString &key, const QString &path, int max, int code = 131009)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString())
        return param(S(QStringLiteral("Param %1 must be a string.")).arg(path));
    if (SendValidator::chars(v.toString()) > max)
        return tooLong(code, path, max);
    return {};
}

SimError requiredText(
    const QJsonObject &o, const QString &key, const QString &path, int max, int code = 131009)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty()))
        return missing(path);
    return optionalText(o, key, path, max, code);
}

SimError checkMedia(const QString &type, const QJsonObject &m, SendRequest *out)
{
    const bool hasId = m.contains(QLatin1String("id"));
    const bool hasLink = m.contains(QLatin1String("link"));
    if (!hasId && !hasLink)
        return missing(type + QStringLiteral("['id'] or ") + type + QStringLiteral("['link']"));
    if (hasId && hasLink)
        return param(
            S(QStringLiteral("Param %1 must have either id or link, not both.")).arg(type));
    if (hasId) {
        if (!isString(m.value(QLatin1String("id")))
            || m.value(QLatin1String("id")).toString().isEmpty())
            return param(S(QStringLiteral("Param %1['id'] must be a media id.")).arg(type));
        out->mediaIds.append(m.value(QLatin1String("id")).toString());
    } else if (!isString(m.value(QLatin1String("link")))
        || m.value(QLatin1String("link")).toString().isEmpty()) {
        return param(S(QStringLiteral("Param %1['link'] must be a URL.")).arg(type));
    }
    const bool captionAllowed = type == QLatin1String("image") || type == QLatin1String("video")
        || type == QLatin1String("document");
    if (m.contains(QLatin1String("caption"))) {
        if (!captionAllowed)
            return param(S(QStringLiteral("Param %1['caption'] is not supported.")).arg(type));
        if (SimError e = optionalText(
                m, QStringLiteral("caption"), type + QStringLiteral("['caption']"), 1024, 100);
            e.isError())
            return e;
    }
    if (m.contains(QLatin1String("filename")) && type != QLatin1String("document"))
        return param(S(QStringLiteral("Param %1['filename'] is not supported.")).arg(type));
    return {};
}

SimError checkHeader(const QJsonObject &header, bool textOnly, SendRequest *out)
{
    const QString t = header.value(QLatin1String("type")).toString();
    if (t.isEmpty())
        return missing(QStringLiteral("interactive['header']['type']"));
    if (t == QLatin1String("text"))
        return requiredText(
            header, QStringLiteral("text"), QStringLiteral("interactive['header']['text']"), 60);
    if (textOnly)
        return invalid(QStringLiteral("Header type must be text for this interactive type."));
    if (t == QLatin1String("image") || t == QLatin1String("video")
        || t == QLatin1String("document")) {
        const QJsonObject m = header.value(t).toObject();
        if (m.isEmpty())
            return missing(QStringLiteral("interactive['header']['%1']").arg(t));
        return checkMedia(t, m, out);
    }
    return invalid(S(QStringLiteral("Header type '%1' is not supported.")).arg(t));
}

SimError checkBodyFooter(const QJsonObject &i, bool bodyRequired, int bodyMax)
{
    const QJsonObject body = i.value(QLatin1String("body")).toObject();
    if (bodyRequired || i.contains(QLatin1String("body"))) {
        if (SimError e = requiredText(body, QStringLiteral("text"),
                QStringLiteral("interactive['body']['text']"), bodyMax);
            e.isError())
            return e;
    }
    if (i.contains(QLatin1String("footer"))) {
        const QJsonObject footer = i.value(QLatin1String("footer")).toObject();
        if (SimError e = requiredText(footer, QStringLiteral("text"),
                QStringLiteral("interactive['footer']['text']"), 60);
            e.isError())
            return e;
    }
    return {};
}

SimError checkButtons(const QJsonObject &i, SendRequest *out)
{
    if (i.contains(QLatin1String("header"))) {
        if (SimError e = checkHeader(i.value(QLatin1String("header")).toObject(), false, out);
            e.isError())
            return e;
    }
    if (SimError e = checkBodyFooter(i, true, 1024); e.isError())
        return e;
    const QJsonObject action = i.value(QLatin1String("action")).toObject();
    const QJsonArray buttons = action.value(QLatin1String("buttons")).toArray();
    if (buttons.isEmpty())
        return missing(QStringLiteral("interactive['action']['buttons']"));
    if (buttons.size() > 3)
        return invalid(QStringLiteral(
            "Buttons count invalid. Min allowed buttons: 1, Max allowed buttons: 3"));
    QSet<QString> titles, ids;
    for (const QJsonValue &b : buttons) {
        const QJsonObject button = b.toObject();
        if (button.value(QLatin1String("type")).toString() != QLatin1String("reply"))
            return invalid(QStringLiteral("Button type must be 'reply'."));
        const QJsonObject reply = button.value(QLatin1String("reply")).toObject();
        if (SimError e = requiredText(
                reply, QStringLiteral("id"), QStringLiteral("button['reply']['id']"), 256);
            e.isError())
            return e;
        if (SimError e = requiredText(
                reply, QStringLiteral("title"), QStringLiteral("button['reply']['title']"), 20);
            e.isError())
            return e;
        const QString title = reply.value(QLatin1String("title")).toString();
        const QString id = reply.value(QLatin1String("id")).toString();
        if (titles.contains(title))
            return invalid(QStringLiteral("Button title must be unique."));
        if (ids.contains(id))
            return invalid(QStringLiteral("Button id must be unique."));
        titles.insert(title);
        ids.insert(id);
    }
    return {};
}

SimError checkList(const QJsonObject &i, SendRequest *out)
{
    if (i.contains(QLatin1String("header"))) {
        if (SimError e = checkHeader(i.value(QLatin1String("header")).toObject(), true, out);
            e.isError())
            return e;
    }
    if (SimError e = checkBodyFooter(i, true, 4096); e.isError())
        return e;
    const QJsonObject action = i.value(QLatin1String("action")).toObject();
    if (SimError e = requiredText(action, QStringLiteral("button"),
            QStringLiteral("interactive['action']['button']"), 20);
        e.isError())
        return e;
    const QJsonArray sections = action.value(QLatin1String("sections")).toArray();
    if (sections.isEmpty())
        return missing(QStringLiteral("interactive['action']['sections']"));
    if (sections.size() > 10)
        return invalid(QStringLiteral("Too many sections. Max allowed sections: 10"));
    int rows = 0;
    QSet<QString> rowIds;
    for (const QJsonValue &s : sections) {
        const QJsonObject section = s.toObject();
        if (sections.size() > 1) {
            if (SimError e = requiredText(
                    section, QStringLiteral("title"), QStringLiteral("section['title']"), 24);
                e.isError())
                return e;
        } else if (SimError e = optionalText(
                       section, QStringLiteral("title"), QStringLiteral("section['title']"), 24);
                   e.isError()) {
            return e;
        }
        const QJsonArray sectionRows = section.value(QLatin1String("rows")).toArray();
        if (sectionRows.isEmpty())
            return missing(QStringLiteral("section['rows']"));
        for (const QJsonValue &r : sectionRows) {
            const QJsonObject row = r.toObject();
            if (SimError e
                = requiredText(row, QStringLiteral("id"), QStringLiteral("row['id']"), 200);
                e.isError())
                return e;
            if (SimError e
                = requiredText(row, QStringLiteral("title"), QStringLiteral("row['title']"), 24);
                e.isError())
                return e;
            if (SimError e = optionalText(
                    row, QStringLiteral("description"), QStringLiteral("row['description']"), 72);
                e.isError())
                return e;
            const QString id = row.value(QLatin1String("id")).toString();
            if (rowIds.contains(id))
                return invalid(QStringLiteral("Row id must be unique across sections."));
            rowIds.insert(id);
            ++rows;
        }
    }
    if (rows > 10)
        return invalid(QStringLiteral("Total row count exceed max allowed count: 10"));
    return {};
}

SimError checkInteractive(const QJsonObject &i, SendRequest *out)
{
    const QString t = i.value(QLatin1String("type")).toString();
    out->interactiveType = t;
    if (t.isEmpty())
        return missing(QStringLiteral("interactive['type']"));
    const QJsonObject action = i.value(QLatin1String("action")).toObject();
    if (t == QLatin1String("button"))
        return checkButtons(i, out);
    if (t == QLatin1String("list"))
        return checkList(i, out);
    if (action.isEmpty())
        return missing(QStringLiteral("interactive['action']"));
    const QString name = action.value(QLatin1String("name")).toString();
    const QJsonObject params = action.value(QLatin1String("parameters")).toObject();
    if (t == QLatin1String("cta_url")) {
        if (i.contains(QLatin1String("header"))) {
            if (SimError e = checkHeader(i.value(QLatin1String("header")).toObject(), false, out);
                e.isError())
                return e;
        }
        if (SimError e = checkBodyFooter(i, true, 1024); e.isError())
            return e;
        if (name != QLatin1String("cta_url"))
            return invalid(QStringLiteral("action['name'] must be 'cta_url'."));
        if (SimError e = requiredText(params, QStringLiteral("display_text"),
                QStringLiteral("action['parameters']['display_text']"), 20);
            e.isError())
            return e;
        return requiredText(
            params, QStringLiteral("url"), QStringLiteral("action['parameters']['url']"), 2000);
    }
    if (t == QLatin1String("location_request_message")) {
        if (SimError e = checkBodyFooter(i, true, 1024); e.isError())
            return e;
        if (name != QLatin1String("send_location"))
            return invalid(QStringLiteral("action['name'] must be 'send_location'."));
        return {};
    }
    if (t == QLatin1String("flow")) {
        if (i.contains(QLatin1String("header"))) {
            if (SimError e = checkHeader(i.value(QLatin1String("header")).toObject(), false, out);
                e.isError())
                return e;
        }
        if (SimError e = checkBodyFooter(i, true, 1024); e.isError())
            return e;
        if (name != QLatin1String("flow"))
            return invalid(QStringLiteral("action['name'] must be 'flow'."));
        if (SimError e = requiredText(params, QStringLiteral("flow_message_version"),
                QStringLiteral("parameters['flow_message_version']"), 10);
            e.isError())
            return e;
        if (SimError e = requiredText(
                params, QStringLiteral("flow_cta"), QStringLiteral("parameters['flow_cta']"), 30);
            e.isError())
            return e;
        if (!params.contains(QLatin1String("flow_id"))
            && !params.contains(QLatin1String("flow_name")))
            return missing(QStringLiteral("parameters['flow_id'] or parameters['flow_name']"));
        const QString flowAction = params.value(QLatin1String("flow_action")).toString();
        if (!flowAction.isEmpty() && flowAction != QLatin1String("navigate")
            && flowAction != QLatin1String("data_exchange"))
            return invalid(QStringLiteral("flow_action must be navigate or data_exchange."));
        return {};
    }
    if (t == QLatin1String("product")) {
        if (SimError e = checkBodyFooter(i, false, 1024); e.isError())
            return e;
        if (!action.contains(QLatin1String("catalog_id")))
            return missing(QStringLiteral("action['catalog_id']"));
        if (!action.contains(QLatin1String("product_retailer_id")))
            return missing(QStringLiteral("action['product_retailer_id']"));
        return {};
    }
    if (t == QLatin1String("product_list")) {
        if (SimError e = checkBodyFooter(i, true, 1024); e.isError())
            return e;
        if (!action.contains(QLatin1String("catalog_id")))
            return missing(QStringLiteral("action['catalog_id']"));
        const QJsonArray sections = action.value(QLatin1String("sections")).toArray();
        if (sections.isEmpty())
            return missing(QStringLiteral("action['sections']"));
        if (sections.size() > 10)
            return invalid(QStringLiteral("Too many sections. Max allowed sections: 10"));
        int items = 0;
        for (const QJsonValue &s : sections)
            items += s.toObject().value(QLatin1String("product_items")).toArray().size();
        if (items == 0)
            return missing(QStringLiteral("section['product_items']"));
        if (items > 30)
            return invalid(QStringLiteral("Too many products. Max allowed products: 30"));
        return {};
    }
    if (t == QLatin1String("catalog_message")) {
        if (SimError e = checkBodyFooter(i, true, 1024); e.isError())
            return e;
        if (name != QLatin1String("catalog_message"))
            return invalid(QStringLiteral("action['name'] must be 'catalog_message'."));
        return {};
    }
    if (t == QLatin1String("order_details") || t == QLatin1String("order_status")) {
        if (SimError e = checkBodyFooter(i, true, 1024); e.isError())
            return e;
        const char *expected
            = t == QLatin1String("order_details") ? "review_and_pay" : "review_order";
        if (name != QLatin1String(expected))
            return invalid(
                S(QStringLiteral("action['name'] must be '%1'.")).arg(QLatin1String(expected)));
        if (params.isEmpty())
            return missing(QStringLiteral("action['parameters']"));
        return {};
    }
    return invalid(S(QStringLiteral("Interactive type '%1' is not supported.")).arg(t));
}

SimError checkContacts(const QJsonValue &v)
{
    const QJsonArray contacts = v.toArray();
    if (contacts.isEmpty())
        return missing(QStringLiteral("contacts"));
    for (const QJsonValue &c : contacts) {
        const QJsonObject name = c.toObject().value(QLatin1String("name")).toObject();
        if (name.value(QLatin1String("formatted_name")).toString().isEmpty())
            return missing(QStringLiteral("contacts['name']['formatted_name']"));
    }
    return {};
}

SimError checkLocation(const QJsonObject &l)
{
    for (const char *key : {"latitude", "longitude"}) {
        const QJsonValue v = l.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return missing(S(QStringLiteral("location['%1']")).arg(QLatin1String(key)));
        bool ok = v.isDouble();
        double d = v.toDouble();
        if (v.isString())
            d = v.toString().toDouble(&ok);
        const double limit = qstrcmp(key, "latitude") == 0 ? 90 : 180;
        if (!ok || d < -limit || d > limit)
            return invalid(S(QStringLiteral("location['%1'] is not a valid coordinate."))
                               .arg(QLatin1String(key)));
    }
    return {};
}

} // namespace

int SendValidator::chars(const QString &s)
{
    int n = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
            ++i;
        ++n;
    }
    return n;
}

SimError SendValidator::validate(const QJsonObject &body, SendRequest *out)
{
    const QJsonValue product = body.value(QLatin1String("messaging_product"));
    if (product.isUndefined())
        return param(QStringLiteral("The parameter messaging_product is required."));
    if (product.toString() != QLatin1String("whatsapp"))
        return param(QStringLiteral("Param messaging_product must be 'whatsapp'."));

    // Mark as read (+ typing indicator).
    if (body.contains(QLatin1String("status"))) {
        if (body.value(QLatin1String("status")).toString() != QLatin1String("read"))
            return param(QStringLiteral("Param status must be 'read'."));
        const QString id = body.value(QLatin1String("message_id")).toString();
        if (id.isEmpty())
            return param(QStringLiteral("The parameter message_id is required."));
        if (body.contains(QLatin1String("typing_indicator"))) {
            if (body.value(QLatin1String("typing_indicator"))
                    .toObject()
                    .value(QLatin1String("type"))
                    .toString()
                != QLatin1String("text"))
                return param(QStringLiteral("Param typing_indicator['type'] must be 'text'."));
            out->typingIndicator = true;
        }
        out->markRead = true;
        out->readMessageId = id;
        out->type = QStringLiteral("read");
        return {};
    }

    const QString recipientType
        = body.value(QLatin1String("recipient_type")).toString(QStringLiteral("individual"));
    if (recipientType != QLatin1String("individual") && recipientType != QLatin1String("group"))
        return param(QStringLiteral("Param recipient_type must be one of {INDIVIDUAL, GROUP}."));
    out->group = recipientType == QLatin1String("group");

    const QJsonValue to = body.value(QLatin1String("to"));
    const QJsonValue recipient = body.value(QLatin1String("recipient"));
    if (to.isString() && !to.toString().isEmpty()) {
        out->toInput = to.toString();
        if (out->group) {
            out->to = out->toInput;
        } else {
            QString digits;
            for (QChar c : out->toInput) {
                if (c.isDigit())
                    digits.append(c);
                else if (c != u'+' && c != u' ' && c != u'-' && c != u'(' && c != u')' && c != u'.')
                    return param(QStringLiteral("Param to must be a phone number."));
            }
            if (digits.size() < 5 || digits.size() > 15)
                return param(QStringLiteral("Param to must be a phone number."));
            out->to = digits;
        }
    } else if (recipient.isString() && !recipient.toString().isEmpty()) {
        out->userId = recipient.toString();
        if (out->userId.size() > 128)
            return param(QStringLiteral("Param recipient must be a business-scoped user id."));
    } else {
        return param(QStringLiteral("The parameter to is required."));
    }

    static const QSet<QString> kTypes{QStringLiteral("text"), QStringLiteral("image"),
        QStringLiteral("video"), QStringLiteral("audio"), QStringLiteral("document"),
        QStringLiteral("sticker"), QStringLiteral("location"), QStringLiteral("contacts"),
        QStringLiteral("interactive"), QStringLiteral("template"), QStringLiteral("reaction")};
    // Without `type`, Meta's examples rely on the one message object present (text by default).
    QString type = body.value(QLatin1String("type")).toString();
    if (type.isEmpty()) {
        type = QStringLiteral("text");
        for (const QString &t : kTypes) {
            if (t != QLatin1String("contacts") && body.contains(t))
                type = t;
        }
    }
    out->type = type;
    out->bizOpaqueCallbackData = body.value(QLatin1String("biz_opaque_callback_data")).toString();
    if (SendValidator::chars(out->bizOpaqueCallbackData) > 512)
        return tooLong(100, QStringLiteral("biz_opaque_callback_data"), 512);
    if (body.contains(QLatin1String("context"))) {
        out->contextMessageId = body.value(QLatin1String("context"))
                                    .toObject()
                                    .value(QLatin1String("message_id"))
                                    .toString();
        if (out->contextMessageId.isEmpty())
            return missing(QStringLiteral("context['message_id']"));
    }

    if (!kTypes.contains(type))
        return SimError::make(
            131051, S(QStringLiteral("Message type '%1' is not supported.")).arg(type));
    const QJsonValue payload = body.value(type);
    if (payload.isUndefined() || payload.isNull())
        return missing(type);

    if (type == QLatin1String("text")) {
        const QJsonObject text = payload.toObject();
        const QJsonValue b = text.value(QLatin1String("body"));
        if (!b.isString() || b.toString().isEmpty())
            return missing(QStringLiteral("text['body']"));
        if (chars(b.toString()) > 4096)
            return tooLong(100, QStringLiteral("text['body']"), 4096);
        if (text.contains(QLatin1String("preview_url"))
            && !text.value(QLatin1String("preview_url")).isBool())
            return param(QStringLiteral("Param text['preview_url'] must be a boolean."));
        return {};
    }
    if (type == QLatin1String("image") || type == QLatin1String("video")
        || type == QLatin1String("audio") || type == QLatin1String("document")
        || type == QLatin1String("sticker"))
        return checkMedia(type, payload.toObject(), out);
    if (type == QLatin1String("location"))
        return checkLocation(payload.toObject());
    if (type == QLatin1String("contacts"))
        return checkContacts(payload);
    if (type == QLatin1String("interactive"))
        return checkInteractive(payload.toObject(), out);
    if (type == QLatin1String("reaction")) {
        const QJsonObject r = payload.toObject();
        if (r.value(QLatin1String("message_id")).toString().isEmpty())
            return missing(QStringLiteral("reaction['message_id']"));
        if (!r.value(QLatin1String("emoji")).isString())
            return missing(QStringLiteral("reaction['emoji']"));
        if (chars(r.value(QLatin1String("emoji")).toString()) > 10)
            return invalid(QStringLiteral("reaction['emoji'] must be a single emoji."));
        return {};
    }
    // template
    const QJsonObject t = payload.toObject();
    if (t.value(QLatin1String("name")).toString().isEmpty())
        return missing(QStringLiteral("template['name']"));
    if (t.value(QLatin1String("language"))
            .toObject()
            .value(QLatin1String("code"))
            .toString()
            .isEmpty())
        return missing(QStringLiteral("template['language']['code']"));
    out->templateObject = t;
    return {};
}

} // namespace parley::sim
