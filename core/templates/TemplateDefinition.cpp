#include "templates/TemplateDefinition.h"

#include <QJsonValue>
#include <QRegularExpression>

namespace parley::core {

namespace {

struct KindName
{
    TemplateVariableKind kind;
    const char *name;
};

constexpr KindName kKindNames[] = {
    {TemplateVariableKind::Text, "text"},
    {TemplateVariableKind::Currency, "currency"},
    {TemplateVariableKind::DateTime, "date_time"},
    {TemplateVariableKind::Image, "image"},
    {TemplateVariableKind::Video, "video"},
    {TemplateVariableKind::Document, "document"},
    {TemplateVariableKind::Location, "location"},
    {TemplateVariableKind::UrlSuffix, "url"},
    {TemplateVariableKind::Coupon, "coupon_code"},
    {TemplateVariableKind::Payload, "payload"},
    {TemplateVariableKind::Flow, "flow"},
};

const QRegularExpression &variablePattern()
{
    // Meta accepts {{1}} and {{name}}; tolerate inner spaces so that rules can point at them.
    static const QRegularExpression re(QStringLiteral(R"(\{\{\s*([A-Za-z0-9_]+)\s*\}\})"));
    return re;
}

QString exampleAt(const QJsonObject &example, const char *positionalKey, const char *namedKey,
    const QString &name, int position)
{
    const QJsonArray named = example.value(QLatin1String(namedKey)).toArray();
    for (const QJsonValue &v : named) {
        const QJsonObject o = v.toObject();
        if (o.value(QLatin1String("param_name")).toString() == name)
            return o.value(QLatin1String("example")).toString();
    }
    QJsonArray positional = example.value(QLatin1String(positionalKey)).toArray();
    // body_text is [["v1","v2"]], header_text is ["v1"].
    if (!positional.isEmpty() && positional.first().isArray())
        positional = positional.first().toArray();
    if (position >= 0 && position < positional.size())
        return positional.at(position).toString();
    return {};
}

} // namespace

QString templateVariableKindName(TemplateVariableKind kind)
{
    for (const KindName &k : kKindNames) {
        if (k.kind == kind)
            return QLatin1String(k.name);
    }
    return {};
}

bool templateVariableKindFromName(const QString &name, TemplateVariableKind *kind)
{
    for (const KindName &k : kKindNames) {
        if (name == QLatin1String(k.name)) {
            *kind = k.kind;
            return true;
        }
    }
    if (name == QLatin1String("coupon")) {
        *kind = TemplateVariableKind::Coupon;
        return true;
    }
    return false;
}

QString TemplateVariable::key() const
{
    switch (slot) {
    case TemplateSlot::Header:
        return name.isEmpty() ? QStringLiteral("header") : QStringLiteral("header.") + name;
    case TemplateSlot::Body: return name;
    case TemplateSlot::Button: return QStringLiteral("button.") + QString::number(buttonIndex);
    }
    return name;
}

bool TemplateButton::urlHasVariable() const
{
    return !TemplateDefinition::variableNames(url).isEmpty();
}

QStringList TemplateDefinition::variableNames(const QString &text)
{
    QStringList names;
    auto it = variablePattern().globalMatch(text);
    while (it.hasNext())
        names.append(it.next().captured(1));
    return names;
}

bool TemplateDefinition::headerIsMedia() const
{
    return headerFormat == QLatin1String("IMAGE") || headerFormat == QLatin1String("VIDEO")
        || headerFormat == QLatin1String("DOCUMENT") || headerFormat == QLatin1String("GIF");
}

TemplateDefinition TemplateDefinition::fromGraphJson(const QJsonObject &json)
{
    TemplateDefinition d;
    d.id = json.value(QLatin1String("id")).toVariant().toString();
    d.name = json.value(QLatin1String("name")).toString();
    d.language = json.value(QLatin1String("language")).toString();
    d.status = json.value(QLatin1String("status")).toString().toUpper();
    d.category = json.value(QLatin1String("category")).toString().toUpper();
    d.previousCategory = json.value(QLatin1String("previous_category")).toString();
    const QJsonValue quality = json.value(QLatin1String("quality_score"));
    // Meta sends {"score":"GREEN","date":...}; accept a bare string too.
    d.qualityScore = quality.isObject()
        ? quality.toObject().value(QLatin1String("score")).toString()
        : quality.toString();
    d.rejectedReason = json.value(QLatin1String("rejected_reason")).toString();
    d.namedParameters = json.value(QLatin1String("parameter_format")).toString().toLower()
        == QLatin1String("named");
    d.components = json.value(QLatin1String("components")).toArray();

    for (const QJsonValue &cv : std::as_const(d.components)) {
        const QJsonObject c = cv.toObject();
        const QString type = c.value(QLatin1String("type")).toString().toUpper();
        if (type == QLatin1String("HEADER")) {
            d.headerFormat = c.value(QLatin1String("format")).toString().toUpper();
            if (d.headerFormat.isEmpty())
                d.headerFormat = QStringLiteral("TEXT");
            d.headerText = c.value(QLatin1String("text")).toString();
        } else if (type == QLatin1String("BODY")) {
            d.bodyText = c.value(QLatin1String("text")).toString();
        } else if (type == QLatin1String("FOOTER")) {
            d.footerText = c.value(QLatin1String("text")).toString();
        } else if (type == QLatin1String("BUTTONS")) {
            for (const QJsonValue &bv : c.value(QLatin1String("buttons")).toArray()) {
                const QJsonObject b = bv.toObject();
                TemplateButton button;
                button.raw = b;
                button.type = b.value(QLatin1String("type")).toString().toUpper();
                button.text = b.value(QLatin1String("text")).toString();
                button.url = b.value(QLatin1String("url")).toString();
                button.phoneNumber = b.value(QLatin1String("phone_number")).toString();
                button.otpType = b.value(QLatin1String("otp_type")).toString().toUpper();
                const QJsonValue example = b.value(QLatin1String("example"));
                if (example.isArray()) {
                    for (const QJsonValue &e : example.toArray())
                        button.example.append(e.toString());
                } else if (example.isString()) {
                    button.example.append(example.toString());
                }
                d.buttons.append(button);
            }
        }
    }
    return d;
}

QJsonObject TemplateDefinition::toGraphJson() const
{
    QJsonObject o{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("language"), language},
        {QStringLiteral("status"), status},
        {QStringLiteral("category"), category},
        {QStringLiteral("parameter_format"),
            namedParameters ? QStringLiteral("NAMED") : QStringLiteral("POSITIONAL")},
        {QStringLiteral("components"), components},
    };
    if (!qualityScore.isEmpty())
        o.insert(
            QStringLiteral("quality_score"), QJsonObject{{QStringLiteral("score"), qualityScore}});
    if (!previousCategory.isEmpty())
        o.insert(QStringLiteral("previous_category"), previousCategory);
    if (!rejectedReason.isEmpty())
        o.insert(QStringLiteral("rejected_reason"), rejectedReason);
    return o;
}

QList<TemplateVariable> TemplateDefinition::variables() const
{
    QJsonObject headerExample;
    QJsonObject bodyExample;
    for (const QJsonValue &cv : components) {
        const QJsonObject c = cv.toObject();
        const QString type = c.value(QLatin1String("type")).toString().toUpper();
        if (type == QLatin1String("HEADER"))
            headerExample = c.value(QLatin1String("example")).toObject();
        else if (type == QLatin1String("BODY"))
            bodyExample = c.value(QLatin1String("example")).toObject();
    }

    QList<TemplateVariable> out;
    if (headerFormat == QLatin1String("TEXT")) {
        const QStringList names = variableNames(headerText);
        for (int i = 0; i < names.size(); ++i) {
            TemplateVariable v;
            v.slot = TemplateSlot::Header;
            v.name = names.at(i);
            v.example
                = exampleAt(headerExample, "header_text", "header_text_named_params", v.name, i);
            out.append(v);
        }
    } else if (hasHeader()) {
        TemplateVariable v;
        v.slot = TemplateSlot::Header;
        if (headerFormat == QLatin1String("IMAGE"))
            v.kind = TemplateVariableKind::Image;
        else if (headerFormat == QLatin1String("VIDEO") || headerFormat == QLatin1String("GIF"))
            v.kind = TemplateVariableKind::Video;
        else if (headerFormat == QLatin1String("DOCUMENT"))
            v.kind = TemplateVariableKind::Document;
        else if (headerFormat == QLatin1String("LOCATION"))
            v.kind = TemplateVariableKind::Location;
        const QJsonArray handles = headerExample.value(QLatin1String("header_handle")).toArray();
        if (!handles.isEmpty())
            v.example = handles.first().toString();
        out.append(v);
    }

    QStringList seen;
    const QStringList bodyNames = variableNames(bodyText);
    for (int i = 0; i < bodyNames.size(); ++i) {
        // A named variable may appear twice in the text; it is one parameter.
        if (seen.contains(bodyNames.at(i)))
            continue;
        seen.append(bodyNames.at(i));
        TemplateVariable v;
        v.slot = TemplateSlot::Body;
        v.name = bodyNames.at(i);
        v.example = exampleAt(
            bodyExample, "body_text", "body_text_named_params", v.name, seen.size() - 1);
        out.append(v);
    }

    for (int i = 0; i < buttons.size(); ++i) {
        const TemplateButton &b = buttons.at(i);
        TemplateVariable v;
        v.slot = TemplateSlot::Button;
        v.buttonIndex = i;
        if (b.type == QLatin1String("URL")) {
            if (!b.urlHasVariable())
                continue;
            v.kind = TemplateVariableKind::UrlSuffix;
        } else if (b.type == QLatin1String("OTP")) {
            // The one-time code again, as the URL parameter of the copy-code / one-tap button;
            // the fill reuses the body's code when it is not given separately.
            v.kind = TemplateVariableKind::UrlSuffix;
            v.required = false;
        } else if (b.type == QLatin1String("COPY_CODE")) {
            v.kind = TemplateVariableKind::Coupon;
        } else if (b.type == QLatin1String("QUICK_REPLY")) {
            v.kind = TemplateVariableKind::Payload;
            v.required = false;
        } else if (b.type == QLatin1String("FLOW")) {
            v.kind = TemplateVariableKind::Flow;
            v.required = false;
        } else {
            continue;
        }
        if (!b.example.isEmpty()) {
            v.example = b.example.first();
            // URL examples are whole URLs; the value asked for is only the suffix.
            const qsizetype marker = b.url.indexOf(QLatin1String("{{"));
            if (v.kind == TemplateVariableKind::UrlSuffix && marker > 0
                && v.example.startsWith(b.url.left(marker)))
                v.example = v.example.mid(marker);
        }
        out.append(v);
    }
    return out;
}

} // namespace parley::core
