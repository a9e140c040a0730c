#include "templates/TemplateRenderer.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace parley::core {

namespace {

const QRegularExpression &variablePattern()
{
    static const QRegularExpression re(QStringLiteral(R"(\{\{\s*([A-Za-z0-9_]+)\s*\}\})"));
    return re;
}

// The text a parameter shows to the customer.
QString shownValue(const TemplateParam &p)
{
    return p.text;
}

// Replaces each {{name}} of text with its value. Positional parameters given without a name
// take the positional variables in order, as in fillTemplate().
QString substitute(const QString &text, TemplateSlot slot, const QList<TemplateParam> &params,
    QStringList *unfilled, const QString &keyPrefix)
{
    QList<const TemplateParam *> unnamed;
    for (const TemplateParam &p : params) {
        if (p.slot == slot && p.name.isEmpty())
            unnamed.append(&p);
    }
    QHash<QString, QString> values;
    for (const TemplateParam &p : params) {
        if (p.slot == slot && !p.name.isEmpty() && !values.contains(p.name))
            values.insert(p.name, shownValue(p));
    }

    QString out;
    qsizetype last = 0;
    auto it = variablePattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        if (!values.contains(name) && !unnamed.isEmpty())
            values.insert(name, shownValue(*unnamed.takeFirst()));
        if (values.contains(name)) {
            out += values.value(name);
        } else {
            out += m.captured(0);
            const QString key = keyPrefix + name;
            if (!unfilled->contains(key))
                unfilled->append(key);
        }
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

const TemplateParam *findButton(const QList<TemplateParam> &params, int index)
{
    for (const TemplateParam &p : params) {
        if (p.slot == TemplateSlot::Button && p.buttonIndex == index)
            return &p;
    }
    return nullptr;
}

const TemplateParam *findMediaHeader(const QList<TemplateParam> &params)
{
    for (const TemplateParam &p : params) {
        if (p.slot == TemplateSlot::Header)
            return &p;
    }
    return nullptr;
}

} // namespace

RenderedTemplate renderTemplate(
    const TemplateDefinition &definition, const QList<TemplateParam> &params)
{
    RenderedTemplate r;
    const QString &format = definition.headerFormat;
    if (format == QLatin1String("TEXT")) {
        r.header = substitute(definition.headerText, TemplateSlot::Header, params, &r.unfilled,
            QStringLiteral("header."));
    } else if (format == QLatin1String("LOCATION")) {
        const TemplateParam *p = findMediaHeader(params);
        QString place;
        if (p) {
            TemplateParam resolved = *p;
            QString ignored;
            if (resolved.kind == TemplateVariableKind::Text)
                resolved.reinterpret(TemplateVariableKind::Location, &ignored);
            QStringList parts;
            if (!resolved.locationName.isEmpty())
                parts.append(resolved.locationName);
            if (!resolved.locationAddress.isEmpty())
                parts.append(resolved.locationAddress);
            if (parts.isEmpty()) {
                parts.append(QStringLiteral("%1, %2")
                                 .arg(resolved.latitude, 0, 'g', 10)
                                 .arg(resolved.longitude, 0, 'g', 10));
            }
            place = QLatin1Char(' ') + parts.join(QStringLiteral(", "));
        } else {
            r.unfilled.append(QStringLiteral("header"));
        }
        r.header = QStringLiteral("[LOCATION") + place + QLatin1Char(']');
    } else if (!format.isEmpty()) {
        const TemplateParam *p = findMediaHeader(params);
        QString detail;
        if (!p)
            r.unfilled.append(QStringLiteral("header"));
        else if (format == QLatin1String("DOCUMENT") && !p->filename.isEmpty())
            detail = QLatin1Char(' ') + p->filename;
        r.header = QLatin1Char('[') + format + detail + QLatin1Char(']');
    }

    r.body = substitute(definition.bodyText, TemplateSlot::Body, params, &r.unfilled, QString());
    r.footer = definition.footerText;

    for (int i = 0; i < definition.buttons.size(); ++i) {
        const TemplateButton &b = definition.buttons.at(i);
        RenderedTemplate::Button button{b.type, b.text, {}};
        const TemplateParam *p = findButton(params, i);
        if (b.type == QLatin1String("URL")) {
            button.target = b.url;
            if (b.urlHasVariable()) {
                if (p) {
                    button.target.replace(variablePattern(), encodeUrlSuffix(p->text));
                } else {
                    r.unfilled.append(QStringLiteral("button.") + QString::number(i));
                }
            }
        } else if (b.type == QLatin1String("PHONE_NUMBER")) {
            button.target = b.phoneNumber;
        } else if (b.type == QLatin1String("COPY_CODE")) {
            if (p)
                button.target = p->text;
            else
                r.unfilled.append(QStringLiteral("button.") + QString::number(i));
        }
        if (button.text.isEmpty() && b.type == QLatin1String("OTP"))
            button.text = QStringLiteral("Copy code");
        r.buttons.append(button);
    }
    return r;
}

QString RenderedTemplate::toText() const
{
    QStringList blocks;
    if (!header.isEmpty())
        blocks.append(header);
    if (!body.isEmpty())
        blocks.append(body);
    if (!footer.isEmpty())
        blocks.append(footer);
    QString out = blocks.join(QStringLiteral("\n\n"));
    if (!buttons.isEmpty()) {
        out += QLatin1Char('\n');
        for (const Button &b : buttons) {
            out += QStringLiteral("\n[ ") + b.text + QStringLiteral(" ]");
            if (!b.target.isEmpty())
                out += QStringLiteral(" -> ") + b.target;
        }
    }
    return out;
}

QJsonObject RenderedTemplate::toJson() const
{
    QJsonArray jsonButtons;
    for (const Button &b : buttons) {
        QJsonObject o{{QStringLiteral("type"), b.type}, {QStringLiteral("text"), b.text}};
        if (!b.target.isEmpty())
            o.insert(QStringLiteral("target"), b.target);
        jsonButtons.append(o);
    }
    return {{QStringLiteral("header"), header}, {QStringLiteral("body"), body},
        {QStringLiteral("footer"), footer}, {QStringLiteral("buttons"), jsonButtons},
        {QStringLiteral("unfilled"), QJsonArray::fromStringList(unfilled)},
        {QStringLiteral("text"), toText()}};
}

} // namespace parley::core
