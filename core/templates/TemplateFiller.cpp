#include "templates/TemplateFiller.h"

#include "templates/TemplateRenderer.h"
#include "templates/TemplateStore.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

namespace parley::core {

namespace {

// Meta's send-time limits (FACTS §3): hydrated header 60, body 1024; URL 2000; coupon 15.
constexpr int kHeaderMax = 60;
constexpr int kBodyMax = 1024;
constexpr int kUrlMax = 2000;
constexpr int kCouponMax = 15;

QString quoted(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

QString marker(const QString &name)
{
    return QStringLiteral("{{") + name + QStringLiteral("}}");
}

QString buttonComponent(const TemplateDefinition &d, int index)
{
    if (index < 0 || index >= d.buttons.size())
        return QStringLiteral("button %1").arg(index);
    const TemplateButton &b = d.buttons.at(index);
    return QStringLiteral("button %1 (%2 %3)").arg(index).arg(b.type, quoted(b.text));
}

int sourceCount(const TemplateParam &p)
{
    return int(!p.mediaId.isEmpty()) + int(!p.mediaLink.isEmpty()) + int(!p.localFile.isEmpty());
}

class Filler
{
public:
    Filler(const TemplateDefinition &d, const QList<TemplateParam> &params)
        : m_d(d), m_params(params), m_used(params.size(), false)
    {
    }

    TemplateFill run()
    {
        m_fill.templateObject.insert(QStringLiteral("name"), m_d.name);
        m_fill.templateObject.insert(
            QStringLiteral("language"), QJsonObject{{QStringLiteral("code"), m_d.language}});
        checkStatus();
        checkComponentTypes();

        QJsonArray components;
        const QJsonObject header = fillHeader();
        if (!header.isEmpty())
            components.append(header);
        const QJsonObject body = fillBody();
        if (!body.isEmpty())
            components.append(body);
        fillButtons(&components);
        reportUnused();
        checkHydratedLength();

        if (!components.isEmpty())
            m_fill.templateObject.insert(QStringLiteral("components"), components);
        return m_fill;
    }

private:
    void issue(TemplateIssue::Code code, const QString &component, const QString &parameter,
        const QString &message, int metaCode)
    {
        m_fill.issues.append(TemplateIssue{code, component, parameter, message, metaCode});
    }

    QString templateLabel() const
    {
        return QStringLiteral("template %1 (%2)").arg(quoted(m_d.name), m_d.language);
    }

    void checkStatus()
    {
        const QString &s = m_d.status;
        if (s == QLatin1String("APPROVED"))
            return;
        QString why;
        int meta = 132001;
        if (s == QLatin1String("PAUSED")) {
            why = QStringLiteral("is PAUSED because of low quality; Meta refuses it (132015) "
                                 "until it is unpaused");
            meta = 132015;
        } else if (s == QLatin1String("DISABLED")) {
            why = QStringLiteral("is DISABLED after repeated low-quality pauses; Meta refuses it "
                                 "(132016)");
            meta = 132016;
        } else if (s == QLatin1String("PENDING")) {
            why = QStringLiteral("is PENDING review; it can be sent once Meta approves it");
        } else if (s == QLatin1String("REJECTED")) {
            why = QStringLiteral("was REJECTED")
                + (m_d.rejectedReason.isEmpty() || m_d.rejectedReason == QLatin1String("NONE")
                        ? QString()
                        : QStringLiteral(" (") + m_d.rejectedReason + QLatin1Char(')'))
                + QStringLiteral("; edit it and submit it again");
        } else {
            why = QStringLiteral("is %1; only APPROVED templates can be sent")
                      .arg(s.isEmpty() ? QStringLiteral("of unknown status") : s);
        }
        issue(TemplateIssue::Code::NotApproved, QStringLiteral("template"), {},
            templateLabel() + QLatin1Char(' ') + why, meta);
    }

    // Components this fill does not know how to parameterize would reach Meta without their
    // parameters (132000): refuse them here instead.
    void checkComponentTypes()
    {
        for (const QJsonValue &cv : m_d.components) {
            const QString type = cv.toObject().value(QLatin1String("type")).toString().toUpper();
            if (type == QLatin1String("HEADER") || type == QLatin1String("BODY")
                || type == QLatin1String("FOOTER") || type == QLatin1String("BUTTONS"))
                continue;
            issue(TemplateIssue::Code::UnsupportedComponent, type.toLower(), {},
                QStringLiteral("%1 components (carousel cards, limited-time offers...) cannot be "
                               "filled by Parley yet")
                    .arg(type),
                0);
        }
    }

    // The index of the unused parameter for (slot, name), -1 if none. Reports duplicates.
    int take(TemplateSlot slot, const QString &name, int buttonIndex = -1)
    {
        int found = -1;
        for (int i = 0; i < m_params.size(); ++i) {
            const TemplateParam &p = m_params.at(i);
            if (m_used.at(i) || p.slot != slot)
                continue;
            if (slot == TemplateSlot::Button ? p.buttonIndex != buttonIndex : p.name != name)
                continue;
            m_used[i] = true;
            if (found < 0) {
                found = i;
            } else {
                TemplateVariable v{slot, buttonIndex, name};
                issue(TemplateIssue::Code::ExtraParameter, componentOf(slot, buttonIndex), v.key(),
                    QStringLiteral("%1 is given more than once").arg(describe(v)), 132000);
            }
        }
        return found;
    }

    // Parameters given without a name fill the positional variables in order.
    int takeUnnamed(TemplateSlot slot)
    {
        for (int i = 0; i < m_params.size(); ++i) {
            if (!m_used.at(i) && m_params.at(i).slot == slot && m_params.at(i).name.isEmpty()) {
                m_used[i] = true;
                return i;
            }
        }
        return -1;
    }

    QString componentOf(TemplateSlot slot, int buttonIndex) const
    {
        switch (slot) {
        case TemplateSlot::Header: return QStringLiteral("header");
        case TemplateSlot::Body: return QStringLiteral("body");
        case TemplateSlot::Button: return buttonComponent(m_d, buttonIndex);
        }
        return {};
    }

    QString describe(const TemplateVariable &v) const
    {
        if (v.slot == TemplateSlot::Button)
            return buttonComponent(m_d, v.buttonIndex) + QStringLiteral(" parameter");
        if (v.name.isEmpty())
            return QStringLiteral("the %1 header").arg(m_d.headerFormat);
        return QStringLiteral("%1 variable %2").arg(componentOf(v.slot, -1), marker(v.name));
    }

    // A text-like parameter object (text, currency, date_time) for header and body.
    std::optional<QJsonObject> textParameter(const TemplateVariable &v, const TemplateParam &p)
    {
        const QString component = componentOf(v.slot, -1);
        QJsonObject o;
        switch (p.kind) {
        case TemplateVariableKind::Text:
            if (p.text.trimmed().isEmpty()) {
                issue(TemplateIssue::Code::EmptyParameter, component, v.key(),
                    QStringLiteral("%1 is empty").arg(describe(v)), 131008);
                return std::nullopt;
            }
            if (static const QRegularExpression bad(QStringLiteral("[\\n\\t]| {5,}"));
                bad.match(p.text).hasMatch()) {
                // Meta refuses such a parameter (error 100): the layout belongs to the template.
                issue(TemplateIssue::Code::InvalidValue, component, v.key(),
                    QStringLiteral("%1 contains a new line, a tab or more than 4 spaces in a row")
                        .arg(describe(v)),
                    100);
                return std::nullopt;
            }
            o = {
                {QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), p.text}};
            break;
        case TemplateVariableKind::Currency: {
            if (v.slot != TemplateSlot::Body)
                return wrongKind(v, p);
            static const QRegularExpression code(QStringLiteral("^[A-Z]{3}$"));
            if (!code.match(p.currencyCode).hasMatch()) {
                issue(TemplateIssue::Code::InvalidValue, component, v.key(),
                    QStringLiteral("%1: currency code %2 is not an ISO 4217 code such as USD")
                        .arg(describe(v), quoted(p.currencyCode)),
                    132012);
                return std::nullopt;
            }
            if (p.text.trimmed().isEmpty()) {
                issue(TemplateIssue::Code::EmptyParameter, component, v.key(),
                    QStringLiteral("%1: a currency needs its fallback_value text").arg(describe(v)),
                    131008);
                return std::nullopt;
            }
            o = {{QStringLiteral("type"), QStringLiteral("currency")},
                {QStringLiteral("currency"),
                    QJsonObject{{QStringLiteral("fallback_value"), p.text},
                        {QStringLiteral("code"), p.currencyCode},
                        {QStringLiteral("amount_1000"), p.amount1000}}}};
            break;
        }
        case TemplateVariableKind::DateTime:
            if (v.slot != TemplateSlot::Body)
                return wrongKind(v, p);
            if (p.text.trimmed().isEmpty()) {
                issue(TemplateIssue::Code::EmptyParameter, component, v.key(),
                    QStringLiteral("%1: a date_time needs its fallback_value text")
                        .arg(describe(v)),
                    131008);
                return std::nullopt;
            }
            o = {{QStringLiteral("type"), QStringLiteral("date_time")},
                {QStringLiteral("date_time"),
                    QJsonObject{{QStringLiteral("fallback_value"), p.text}}}};
            break;
        default: return wrongKind(v, p);
        }
        if (m_d.namedParameters)
            o.insert(QStringLiteral("parameter_name"), v.name);
        return o;
    }

    std::nullopt_t wrongKind(const TemplateVariable &v, const TemplateParam &p)
    {
        const bool header = v.slot == TemplateSlot::Header;
        QString accepted;
        if (v.slot == TemplateSlot::Body)
            accepted = QStringLiteral("text, currency or date_time");
        else if (header && v.name.isEmpty())
            accepted = templateVariableKindName(v.kind);
        else
            accepted = QStringLiteral("text");
        issue(header && !m_d.headerFormat.isEmpty() && m_d.headerFormat != QLatin1String("TEXT")
                ? TemplateIssue::Code::WrongHeaderKind
                : TemplateIssue::Code::WrongParameterKind,
            componentOf(v.slot, v.buttonIndex), v.key(),
            QStringLiteral("%1 takes %2, not %3")
                .arg(describe(v), accepted, templateVariableKindName(p.kind)),
            132012);
        return std::nullopt;
    }

    QJsonObject fillHeader()
    {
        if (!m_d.hasHeader())
            return {};
        QJsonArray parameters;
        if (m_d.headerFormat == QLatin1String("TEXT")) {
            const QStringList names = TemplateDefinition::variableNames(m_d.headerText);
            for (const QString &name : names) {
                TemplateVariable v{TemplateSlot::Header, -1, name};
                int i = take(TemplateSlot::Header, name);
                // "header=VALUE" (no name) is accepted for the usual single-variable header.
                if (i < 0)
                    i = take(TemplateSlot::Header, QString());
                if (i < 0) {
                    issue(TemplateIssue::Code::MissingParameter, QStringLiteral("header"), v.key(),
                        QStringLiteral("%1 has no value").arg(describe(v)), 132000);
                    continue;
                }
                const TemplateParam &p = m_params.at(i);
                if (p.kind != TemplateVariableKind::Text) {
                    issue(TemplateIssue::Code::WrongHeaderKind, QStringLiteral("header"), v.key(),
                        QStringLiteral("the header is TEXT; %1 takes text, not %2")
                            .arg(marker(name), templateVariableKindName(p.kind)),
                        132012);
                    continue;
                }
                if (auto o = textParameter(v, p))
                    parameters.append(*o);
            }
        } else {
            const TemplateVariable v = headerVariable();
            int i = take(TemplateSlot::Header, QString());
            if (i < 0) {
                issue(TemplateIssue::Code::MissingParameter, QStringLiteral("header"), v.key(),
                    v.kind == TemplateVariableKind::Location
                        ? QStringLiteral("the LOCATION header needs a location (latitude, "
                                         "longitude, name, address)")
                        : QStringLiteral("the %1 header needs a media id, an https link or a "
                                         "local file")
                              .arg(m_d.headerFormat),
                    132000);
            } else {
                TemplateParam p = m_params.at(i);
                QString why;
                if (p.kind == TemplateVariableKind::Text && !p.reinterpret(v.kind, &why)) {
                    issue(TemplateIssue::Code::InvalidValue, QStringLiteral("header"), v.key(),
                        QStringLiteral("the %1 header: %2").arg(m_d.headerFormat, why), 131009);
                } else if (p.kind != v.kind) {
                    issue(TemplateIssue::Code::WrongHeaderKind, QStringLiteral("header"), v.key(),
                        QStringLiteral("the header is %1; it takes %2, not %3")
                            .arg(m_d.headerFormat, templateVariableKindName(v.kind),
                                templateVariableKindName(p.kind)),
                        132012);
                } else if (v.kind == TemplateVariableKind::Location) {
                    parameters.append(locationParameter(p));
                } else if (auto o = mediaParameter(v, p)) {
                    parameters.append(*o);
                }
            }
        }
        if (parameters.isEmpty())
            return {};
        return {{QStringLiteral("type"), QStringLiteral("header")},
            {QStringLiteral("parameters"), parameters}};
    }

    TemplateVariable headerVariable() const
    {
        const auto vars = m_d.variables();
        for (const TemplateVariable &v : vars) {
            if (v.slot == TemplateSlot::Header)
                return v;
        }
        return {TemplateSlot::Header, -1, {}};
    }

    QJsonObject locationParameter(const TemplateParam &p)
    {
        if (p.latitude < -90 || p.latitude > 90 || p.longitude < -180 || p.longitude > 180) {
            issue(TemplateIssue::Code::InvalidValue, QStringLiteral("header"),
                QStringLiteral("header"),
                QStringLiteral("the LOCATION header: latitude must be within ±90 and longitude "
                               "within ±180"),
                131009);
        }
        QJsonObject location{
            {QStringLiteral("latitude"), QString::number(p.latitude, 'g', 10)},
            {QStringLiteral("longitude"), QString::number(p.longitude, 'g', 10)},
        };
        if (!p.locationName.isEmpty())
            location.insert(QStringLiteral("name"), p.locationName);
        if (!p.locationAddress.isEmpty())
            location.insert(QStringLiteral("address"), p.locationAddress);
        return {{QStringLiteral("type"), QStringLiteral("location")},
            {QStringLiteral("location"), location}};
    }

    std::optional<QJsonObject> mediaParameter(const TemplateVariable &v, const TemplateParam &p)
    {
        const int sources = sourceCount(p);
        if (sources == 0) {
            issue(TemplateIssue::Code::EmptyParameter, QStringLiteral("header"), v.key(),
                QStringLiteral("the %1 header needs a media id, an https link or a local file")
                    .arg(m_d.headerFormat),
                131008);
            return std::nullopt;
        }
        if (sources > 1) {
            issue(TemplateIssue::Code::InvalidValue, QStringLiteral("header"), v.key(),
                QStringLiteral("the %1 header takes one of media id, link or local file, not "
                               "several")
                    .arg(m_d.headerFormat),
                131009);
            return std::nullopt;
        }
        const QString type = templateVariableKindName(v.kind);
        QJsonObject media;
        if (!p.localFile.isEmpty()) {
            m_fill.pendingUploads.append(p);
            issue(TemplateIssue::Code::PendingUpload, QStringLiteral("header"), v.key(),
                QStringLiteral("the %1 header file %2 must be uploaded before sending")
                    .arg(m_d.headerFormat, quoted(p.localFile)),
                0);
            media.insert(QStringLiteral("id"), QString());
        } else if (!p.mediaId.isEmpty()) {
            media.insert(QStringLiteral("id"), p.mediaId);
        } else {
            const QUrl url(p.mediaLink, QUrl::StrictMode);
            if (!url.isValid()
                || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
                || url.host().isEmpty()) {
                issue(TemplateIssue::Code::InvalidValue, QStringLiteral("header"), v.key(),
                    QStringLiteral("the %1 header link %2 is not an http(s) URL")
                        .arg(m_d.headerFormat, quoted(p.mediaLink)),
                    131009);
                return std::nullopt;
            }
            media.insert(QStringLiteral("link"), p.mediaLink);
        }
        if (v.kind == TemplateVariableKind::Document && !p.filename.isEmpty())
            media.insert(QStringLiteral("filename"), p.filename);
        return QJsonObject{{QStringLiteral("type"), type}, {type, media}};
    }

    QJsonObject fillBody()
    {
        const QStringList all = TemplateDefinition::variableNames(m_d.bodyText);
        QStringList names;
        for (const QString &n : all) {
            if (!names.contains(n))
                names.append(n);
        }
        QJsonArray parameters;
        for (const QString &name : names) {
            TemplateVariable v{TemplateSlot::Body, -1, name};
            int i = take(TemplateSlot::Body, name);
            if (i < 0 && !m_d.namedParameters)
                i = takeUnnamed(TemplateSlot::Body);
            if (i < 0) {
                issue(TemplateIssue::Code::MissingParameter, QStringLiteral("body"), v.key(),
                    QStringLiteral("%1 has no value").arg(describe(v)), 132000);
                continue;
            }
            if (auto o = textParameter(v, m_params.at(i)))
                parameters.append(*o);
        }
        if (parameters.isEmpty())
            return {};
        return {{QStringLiteral("type"), QStringLiteral("body")},
            {QStringLiteral("parameters"), parameters}};
    }

    // The one-time code of an authentication template: its body's first text parameter.
    QString bodyCode() const
    {
        const QStringList names = TemplateDefinition::variableNames(m_d.bodyText);
        if (names.isEmpty())
            return {};
        for (int i = 0; i < m_params.size(); ++i) {
            const TemplateParam &p = m_params.at(i);
            if (p.slot == TemplateSlot::Body && p.kind == TemplateVariableKind::Text
                && (p.name == names.first() || p.name.isEmpty()))
                return p.text;
        }
        return {};
    }

    void fillButtons(QJsonArray *components)
    {
        for (int index = 0; index < m_d.buttons.size(); ++index) {
            const TemplateButton &b = m_d.buttons.at(index);
            const QString component = buttonComponent(m_d, index);
            const QString key = QStringLiteral("button.") + QString::number(index);
            const int i = take(TemplateSlot::Button, {}, index);
            const TemplateParam *p = i >= 0 ? &m_params.at(i) : nullptr;

            auto accepts = [&](TemplateVariableKind expected) {
                if (!p || p->kind == expected || p->kind == TemplateVariableKind::Text)
                    return true;
                issue(TemplateIssue::Code::WrongParameterKind, component, key,
                    QStringLiteral("%1 takes %2, not %3")
                        .arg(component, templateVariableKindName(expected),
                            templateVariableKindName(p->kind)),
                    132012);
                return false;
            };
            auto addButton = [&](const char *subType, const QJsonObject &parameter) {
                components->append(QJsonObject{{QStringLiteral("type"), QStringLiteral("button")},
                    {QStringLiteral("sub_type"), QLatin1String(subType)},
                    {QStringLiteral("index"), QString::number(index)},
                    {QStringLiteral("parameters"), QJsonArray{parameter}}});
            };

            if (b.type == QLatin1String("URL") || b.type == QLatin1String("OTP")) {
                const bool otp = b.type == QLatin1String("OTP");
                if (!otp && !b.urlHasVariable()) {
                    if (p) {
                        issue(TemplateIssue::Code::ExtraParameter, component, key,
                            QStringLiteral("%1 has a fixed URL (%2); it takes no suffix")
                                .arg(component, b.url),
                            132000);
                    }
                    continue;
                }
                if (!accepts(TemplateVariableKind::UrlSuffix))
                    continue;
                QString suffix = p ? p->text : QString();
                if (!p && otp)
                    suffix = bodyCode();
                if (suffix.isEmpty()) {
                    issue(otp ? TemplateIssue::Code::MissingParameter
                              : TemplateIssue::Code::MissingUrlSuffix,
                        component, key,
                        otp ? QStringLiteral("%1 needs the one-time code (give the body code)")
                                  .arg(component)
                            : QStringLiteral("%1 needs its URL suffix for %2")
                                  .arg(component, b.url),
                        132000);
                    continue;
                }
                const QString encoded = encodeUrlSuffix(suffix);
                if (!otp) {
                    static const QRegularExpression variable(
                        QStringLiteral(R"(\{\{\s*[A-Za-z0-9_]+\s*\}\})"));
                    const QString full = QString(b.url).replace(variable, encoded);
                    if (full.size() > kUrlMax) {
                        issue(TemplateIssue::Code::TextTooLong, component, key,
                            QStringLiteral("%1: the URL with its suffix is %2 characters; the "
                                           "limit is %3")
                                .arg(component)
                                .arg(full.size())
                                .arg(kUrlMax),
                            132005);
                        continue;
                    }
                }
                addButton("url",
                    {{QStringLiteral("type"), QStringLiteral("text")},
                        {QStringLiteral("text"), encoded}});
            } else if (b.type == QLatin1String("COPY_CODE")) {
                if (!accepts(TemplateVariableKind::Coupon))
                    continue;
                if (!p || p->text.isEmpty()) {
                    issue(p ? TemplateIssue::Code::EmptyParameter
                            : TemplateIssue::Code::MissingParameter,
                        component, key, QStringLiteral("%1 needs its coupon code").arg(component),
                        132000);
                    continue;
                }
                if (p->text.size() > kCouponMax) {
                    issue(TemplateIssue::Code::TextTooLong, component, key,
                        QStringLiteral("%1: the coupon code is %2 characters; the limit is %3")
                            .arg(component)
                            .arg(p->text.size())
                            .arg(kCouponMax),
                        132005);
                    continue;
                }
                addButton("copy_code",
                    {{QStringLiteral("type"), QStringLiteral("coupon_code")},
                        {QStringLiteral("coupon_code"), p->text}});
            } else if (b.type == QLatin1String("QUICK_REPLY")) {
                if (!p || !accepts(TemplateVariableKind::Payload))
                    continue;
                if (p->text.isEmpty()) {
                    issue(TemplateIssue::Code::EmptyParameter, component, key,
                        QStringLiteral("%1: the payload is empty").arg(component), 131008);
                    continue;
                }
                addButton("quick_reply",
                    {{QStringLiteral("type"), QStringLiteral("payload")},
                        {QStringLiteral("payload"), p->text}});
            } else if (b.type == QLatin1String("FLOW")) {
                if (!p || !accepts(TemplateVariableKind::Flow))
                    continue;
                QJsonObject action;
                const QString token = p->flowToken.isEmpty() ? p->text : p->flowToken;
                if (!token.isEmpty())
                    action.insert(QStringLiteral("flow_token"), token);
                if (!p->flowActionData.isEmpty())
                    action.insert(QStringLiteral("flow_action_data"), p->flowActionData);
                addButton("flow",
                    {{QStringLiteral("type"), QStringLiteral("action")},
                        {QStringLiteral("action"), action}});
            } else if (b.type == QLatin1String("MPM")) {
                issue(TemplateIssue::Code::UnsupportedComponent, component, key,
                    QStringLiteral("%1: multi-product buttons need product sections, which Parley "
                                   "cannot fill yet")
                        .arg(component),
                    0);
            } else if (p) {
                issue(p && b.type == QLatin1String("CATALOG")
                        ? TemplateIssue::Code::UnsupportedComponent
                        : TemplateIssue::Code::ExtraParameter,
                    component, key, QStringLiteral("%1 takes no parameter").arg(component), 132000);
            }
        }
    }

    void reportUnused()
    {
        const QList<TemplateVariable> vars = m_d.variables();
        auto listOf = [&](TemplateSlot slot) {
            QStringList keys;
            for (const TemplateVariable &v : vars) {
                if (v.slot == slot)
                    keys.append(v.slot == TemplateSlot::Button ? v.key() : marker(v.name));
            }
            return keys.isEmpty() ? QStringLiteral("none") : keys.join(QStringLiteral(", "));
        };
        for (int i = 0; i < m_params.size(); ++i) {
            if (m_used.at(i))
                continue;
            const TemplateParam &p = m_params.at(i);
            TemplateVariable v{p.slot, p.buttonIndex, p.name};
            QString message;
            switch (p.slot) {
            case TemplateSlot::Header:
                message = !m_d.hasHeader()
                    ? QStringLiteral("the template has no header")
                    : QStringLiteral("the header has no variable %1; it has %2")
                          .arg(marker(p.name), listOf(TemplateSlot::Header));
                break;
            case TemplateSlot::Body:
                message = p.name.isEmpty()
                    ? QStringLiteral("one value too many for the body; it has %1")
                          .arg(listOf(TemplateSlot::Body))
                    : QStringLiteral("the body has no variable %1; it has %2")
                          .arg(marker(p.name), listOf(TemplateSlot::Body));
                break;
            case TemplateSlot::Button:
                message = QStringLiteral("the template has %1 button(s); there is no button %2")
                              .arg(m_d.buttons.size())
                              .arg(p.buttonIndex);
                break;
            }
            issue(TemplateIssue::Code::ExtraParameter, componentOf(p.slot, -1), v.key(), message,
                132000);
        }
    }

    void checkHydratedLength()
    {
        const RenderedTemplate r = renderTemplate(m_d, m_params);
        if (m_d.headerFormat == QLatin1String("TEXT") && r.header.size() > kHeaderMax) {
            issue(TemplateIssue::Code::TextTooLong, QStringLiteral("header"), {},
                QStringLiteral("the header is %1 characters once filled; the limit is %2")
                    .arg(r.header.size())
                    .arg(kHeaderMax),
                132005);
        }
        if (r.body.size() > kBodyMax) {
            issue(TemplateIssue::Code::TextTooLong, QStringLiteral("body"), {},
                QStringLiteral("the body is %1 characters once filled; the limit is %2")
                    .arg(r.body.size())
                    .arg(kBodyMax),
                132005);
        }
    }

    const TemplateDefinition &m_d;
    const QList<TemplateParam> &m_params;
    QList<bool> m_used;
    TemplateFill m_fill;
};

} // namespace

QString TemplateFill::errorText() const
{
    QStringList lines;
    for (const TemplateIssue &i : issues)
        lines.append(i.component + QStringLiteral(": ") + i.message);
    return lines.join(QLatin1Char('\n'));
}

QString encodeUrlSuffix(const QString &suffix)
{
    // Keep '/' (path suffixes such as "order/123") and escapes that are already there, so that
    // an encoded suffix is not encoded twice.
    static const QRegularExpression escape(QStringLiteral("^%[0-9A-Fa-f]{2}"));
    QString out;
    const QByteArray utf8 = suffix.toUtf8();
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8.at(i);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
            || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
        if (unreserved) {
            out.append(QLatin1Char(c));
        } else if (c == '%' && escape.match(QString::fromLatin1(utf8.mid(i, 3))).hasMatch()) {
            out.append(QLatin1Char('%'));
        } else {
            out.append(QStringLiteral("%%1")
                           .arg(uint(static_cast<unsigned char>(c)), 2, 16, QLatin1Char('0'))
                           .toUpper());
        }
    }
    return out;
}

TemplateFill fillTemplate(const TemplateDefinition &definition, const QList<TemplateParam> &params)
{
    return Filler(definition, params).run();
}

TemplateFill fillTemplate(const TemplateStore &store, const QString &name, const QString &language,
    const QList<TemplateParam> &params)
{
    if (const auto definition = store.find(name, language))
        return fillTemplate(*definition, params);
    TemplateFill fill;
    const QStringList languages = store.languages(name);
    TemplateIssue issue;
    issue.component = QStringLiteral("template");
    issue.metaErrorCode = 132001;
    if (languages.isEmpty()) {
        issue.code = TemplateIssue::Code::TemplateNotFound;
        issue.message = QStringLiteral("no template named \"%1\" (run `parleyctl templates sync`?)")
                            .arg(name);
    } else {
        issue.code = TemplateIssue::Code::LanguageNotFound;
        issue.message = QStringLiteral("template \"%1\" does not exist in language %2; it exists "
                                       "in %3")
                            .arg(name, language, languages.join(QStringLiteral(", ")));
    }
    fill.issues.append(issue);
    return fill;
}

} // namespace parley::core
