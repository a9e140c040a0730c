// TemplateParam: construction helpers and the `--param KEY[:KIND]=VALUE` syntax.
#include "templates/TemplateFiller.h"

#include <QRegularExpression>

namespace parley::core {

TemplateParam TemplateParam::bodyText(const QString &name, const QString &value)
{
    TemplateParam p;
    p.slot = TemplateSlot::Body;
    p.name = name;
    p.text = value;
    return p;
}

TemplateParam TemplateParam::headerText(const QString &name, const QString &value)
{
    TemplateParam p;
    p.slot = TemplateSlot::Header;
    p.name = name;
    p.text = value;
    return p;
}

TemplateParam TemplateParam::button(int index, TemplateVariableKind kind, const QString &value)
{
    TemplateParam p;
    p.slot = TemplateSlot::Button;
    p.buttonIndex = index;
    p.kind = kind;
    p.text = value;
    return p;
}

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool parseMedia(const QString &value, TemplateParam *p)
{
    QString source = value;
    if (p->kind == TemplateVariableKind::Document) {
        const qsizetype bar = value.lastIndexOf(QLatin1Char('|'));
        if (bar >= 0) {
            source = value.left(bar);
            p->filename = value.mid(bar + 1);
        }
    }
    static const QRegularExpression mediaId(QStringLiteral("^[0-9]+$"));
    if (source.startsWith(QLatin1String("https://")) || source.startsWith(QLatin1String("http://")))
        p->mediaLink = source;
    else if (mediaId.match(source).hasMatch())
        p->mediaId = source;
    else
        p->localFile = source;
    return true;
}

} // namespace

bool TemplateParam::parse(const QString &argument, TemplateParam *param, QString *error)
{
    const qsizetype eq = argument.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return fail(error, QStringLiteral("expected KEY=VALUE, got \"%1\"").arg(argument));
    QString key = argument.left(eq).trimmed();
    const QString value = argument.mid(eq + 1);

    TemplateParam p;
    QString kindName;
    const qsizetype colon = key.indexOf(QLatin1Char(':'));
    if (colon >= 0) {
        kindName = key.mid(colon + 1);
        key = key.left(colon);
        if (!templateVariableKindFromName(kindName, &p.kind))
            return fail(error, QStringLiteral("unknown parameter kind \"%1\"").arg(kindName));
    }

    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9_]+$"));
    if (key == QLatin1String("header")) {
        p.slot = TemplateSlot::Header;
    } else if (key.startsWith(QLatin1String("header."))) {
        p.slot = TemplateSlot::Header;
        p.name = key.mid(7);
    } else if (key.startsWith(QLatin1String("button."))) {
        p.slot = TemplateSlot::Button;
        bool ok = false;
        p.buttonIndex = key.mid(7).toInt(&ok);
        if (!ok || p.buttonIndex < 0)
            return fail(error, QStringLiteral("\"%1\": a button key is button.INDEX").arg(key));
    } else if (key.startsWith(QLatin1String("body."))) {
        p.name = key.mid(5);
    } else {
        p.name = key;
    }
    if (p.slot != TemplateSlot::Button && !p.name.isEmpty() && !name.match(p.name).hasMatch())
        return fail(error, QStringLiteral("\"%1\" is not a variable name").arg(p.name));

    switch (p.kind) {
    case TemplateVariableKind::Text:
    case TemplateVariableKind::DateTime:
    case TemplateVariableKind::UrlSuffix:
    case TemplateVariableKind::Coupon:
    case TemplateVariableKind::Payload: p.text = value; break;
    case TemplateVariableKind::Flow: p.flowToken = value; break;
    case TemplateVariableKind::Currency: {
        // "USD 100990 $100.99": code, amount × 1000, then the fallback text (may hold spaces).
        const QStringList parts = value.split(QLatin1Char(' '));
        bool ok = false;
        if (parts.size() >= 3)
            p.amount1000 = parts.at(1).toLongLong(&ok);
        if (!ok) {
            return fail(error,
                QStringLiteral("currency \"%1\": expected \"CODE AMOUNT_1000 FALLBACK\", e.g. "
                               "\"USD 100990 $100.99\"")
                    .arg(value));
        }
        p.currencyCode = parts.at(0);
        p.text = parts.mid(2).join(QLatin1Char(' '));
        break;
    }
    case TemplateVariableKind::Image:
    case TemplateVariableKind::Video:
    case TemplateVariableKind::Document:
        if (value.isEmpty())
            return fail(error, QStringLiteral("%1: a media id, link or path is needed").arg(key));
        parseMedia(value, &p);
        break;
    case TemplateVariableKind::Location: {
        const QStringList parts = value.split(QLatin1Char(','));
        bool okLat = false;
        bool okLong = false;
        if (parts.size() >= 2) {
            p.latitude = parts.at(0).trimmed().toDouble(&okLat);
            p.longitude = parts.at(1).trimmed().toDouble(&okLong);
        }
        if (!okLat || !okLong) {
            return fail(error,
                QStringLiteral("location \"%1\": expected \"LATITUDE,LONGITUDE[,NAME[,ADDRESS]]\"")
                    .arg(value));
        }
        if (parts.size() >= 3)
            p.locationName = parts.at(2).trimmed();
        if (parts.size() >= 4)
            p.locationAddress = parts.mid(3).join(QLatin1Char(',')).trimmed();
        break;
    }
    }
    *param = p;
    return true;
}

bool TemplateParam::reinterpret(TemplateVariableKind newKind, QString *error)
{
    TemplateParam p;
    if (!parse(QStringLiteral("x:") + templateVariableKindName(newKind) + QLatin1Char('=') + text,
            &p, error))
        return false;
    p.slot = slot;
    p.buttonIndex = buttonIndex;
    p.name = name;
    *this = p;
    return true;
}

} // namespace parley::core
