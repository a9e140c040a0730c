#include "sim/TemplateStore.h"

#include "sim/SendValidator.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace parley::sim {

namespace {

QString upper(const QJsonValue &v)
{
    return v.toString().toUpper();
}

SimError createError(int subcode, const QString &userTitle, const QString &userMessage)
{
    SimError e = SimError::make(100, userMessage);
    e.subcode = subcode;
    e.userTitle = userTitle;
    e.userMessage = userMessage;
    return e;
}

QJsonObject component(const QJsonArray &components, const char *type)
{
    for (const QJsonValue &c : components) {
        if (upper(c.toObject().value(QLatin1String("type"))) == QLatin1String(type))
            return c.toObject();
    }
    return {};
}

const QStringList kDefaultFields{QStringLiteral("name"), QStringLiteral("parameter_format"),
    QStringLiteral("components"), QStringLiteral("language"), QStringLiteral("status"),
    QStringLiteral("category"), QStringLiteral("id")};

} // namespace

QStringList TemplateStore::variables(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("\\{\\{\\s*([A-Za-z0-9_]+)\\s*\\}\\}"));
    QStringList vars;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const QString v = it.next().captured(1);
        if (!vars.contains(v))
            vars.append(v);
    }
    return vars;
}

QString TemplateStore::nextId()
{
    return QString::number(m_nextId++);
}

SimError TemplateStore::validateCreate(const QJsonObject &request) const
{
    const QString name = request.value(QLatin1String("name")).toString();
    if (name.isEmpty())
        return SimError::make(100, QStringLiteral("The parameter name is required."));
    static const QRegularExpression nameRe(QStringLiteral("^[a-z0-9_]+$"));
    if (name.size() > 512 || !nameRe.match(name).hasMatch())
        return createError(2388042, QStringLiteral("Invalid template name"),
            QStringLiteral("Template names can only contain lowercase "
                           "alphanumeric characters and underscores, up to 512."));
    const QString language = request.value(QLatin1String("language")).toString();
    if (language.isEmpty())
        return SimError::make(100, QStringLiteral("The parameter language is required."));
    const QString category = upper(request.value(QLatin1String("category")));
    if (category != QLatin1String("AUTHENTICATION") && category != QLatin1String("MARKETING")
        && category != QLatin1String("UTILITY"))
        return SimError::make(100,
            QStringLiteral("Param category must be one of {AUTHENTICATION, "
                           "MARKETING, UTILITY}."));
    const QString format = upper(request.value(QLatin1String("parameter_format")));
    if (!format.isEmpty() && format != QLatin1String("NAMED")
        && format != QLatin1String("POSITIONAL"))
        return SimError::make(
            100, QStringLiteral("Param parameter_format must be named or positional."));
    const bool named = format == QLatin1String("NAMED");
    for (const SimTemplate &t : m_templates) {
        if (t.name == name && t.language == language)
            return createError(2388024, QStringLiteral("Content in this language already exists"),
                QStringLiteral("There is already a template with this name and language."));
    }
    const QJsonArray components = request.value(QLatin1String("components")).toArray();
    if (components.isEmpty())
        return SimError::make(100, QStringLiteral("The parameter components is required."));

    static const QRegularExpression namedVar(QStringLiteral("^[a-z_]+$"));
    static const QRegularExpression positionalVar(QStringLiteral("^[0-9]+$"));
    auto checkVars = [&](const QString &text, const QJsonObject &example, const char *kind,
                         int maxVars) -> SimError {
        const QStringList vars = variables(text);
        if (vars.isEmpty())
            return {};
        if (vars.size() > maxVars)
            return createError(2388072, QStringLiteral("Too many parameters"),
                QStringLiteral("The %1 has too many variables.").arg(QLatin1String(kind)));
        for (qsizetype i = 0; i < vars.size(); ++i) {
            const bool ok = named
                ? namedVar.match(vars[i]).hasMatch()
                : (positionalVar.match(vars[i]).hasMatch() && vars[i].toInt() == int(i) + 1);
            if (!ok)
                return createError(2388047, QStringLiteral("Invalid variable format"),
                    QStringLiteral("Variables of the %1 must be %2.")
                        .arg(QLatin1String(kind),
                            named ? QStringLiteral("lowercase letters and underscores")
                                  : QStringLiteral("{{1}}, {{2}}... in order")));
        }
        const QString trimmed = text.trimmed();
        if (qstrcmp(kind, "body") == 0
            && (trimmed.startsWith(QLatin1String("{{")) || trimmed.endsWith(QLatin1String("}}"))))
            return createError(2388299, QStringLiteral("Leading or trailing variable"),
                QStringLiteral("Variables can't be at the start or end of the template."));
        if (example.isEmpty())
            return createError(2388043, QStringLiteral("Missing example"),
                QStringLiteral("The %1 has variables but no example values.")
                    .arg(QLatin1String(kind)));
        return {};
    };

    bool haveBody = false;
    int headers = 0, footers = 0;
    for (const QJsonValue &cv : components) {
        const QJsonObject c = cv.toObject();
        const QString type = upper(c.value(QLatin1String("type")));
        const QString text = c.value(QLatin1String("text")).toString();
        const QJsonObject example = c.value(QLatin1String("example")).toObject();
        if (type == QLatin1String("BODY")) {
            haveBody = true;
            if (category == QLatin1String("AUTHENTICATION"))
                continue; // the body is Meta's fixed OTP text
            if (text.isEmpty())
                return SimError::make(100, QStringLiteral("The BODY component needs text."));
            if (SendValidator::chars(text) > 1024)
                return createError(2388040, QStringLiteral("Character limit exceeded"),
                    QStringLiteral("The body can have at most 1024 characters."));
            if (SimError e = checkVars(text, example, "body", 100); e.isError())
                return e;
        } else if (type == QLatin1String("HEADER")) {
            ++headers;
            const QString hf = upper(c.value(QLatin1String("format")));
            if (hf == QLatin1String("TEXT")) {
                if (text.isEmpty() || SendValidator::chars(text) > 60)
                    return createError(2388040, QStringLiteral("Character limit exceeded"),
                        QStringLiteral("A text header needs 1 to 60 characters."));
                if (SimError e = checkVars(text, example, "header", 1); e.isError())
                    return e;
            } else if (hf == QLatin1String("IMAGE") || hf == QLatin1String("VIDEO")
                || hf == QLatin1String("DOCUMENT") || hf == QLatin1String("GIF")) {
                if (example.value(QLatin1String("header_handle")).toArray().isEmpty())
                    return createError(2388043, QStringLiteral("Missing example"),
                        QStringLiteral("A media header needs example.header_handle."));
            } else if (hf == QLatin1String("LOCATION")) {
                if (category == QLatin1String("AUTHENTICATION"))
                    return SimError::make(100,
                        QStringLiteral(
                            "Location headers are not allowed in authentication templates."));
            } else {
                return SimError::make(
                    100, QStringLiteral("Param components[HEADER].format is not valid."));
            }
        } else if (type == QLatin1String("FOOTER")) {
            ++footers;
            if (!text.isEmpty() && SendValidator::chars(text) > 60)
                return createError(2388040, QStringLiteral("Character limit exceeded"),
                    QStringLiteral("The footer can have at most 60 characters."));
            if (text.isEmpty() && !c.contains(QLatin1String("code_expiration_minutes")))
                return SimError::make(100, QStringLiteral("The FOOTER component needs text."));
        } else if (type == QLatin1String("BUTTONS")) {
            const QJsonArray buttons = c.value(QLatin1String("buttons")).toArray();
            if (buttons.isEmpty() || buttons.size() > 10)
                return SimError::make(100, QStringLiteral("A template has 1 to 10 buttons."));
            int urls = 0, phones = 0, copyCodes = 0;
            bool quickGroupEnded = false, inQuick = false;
            for (const QJsonValue &bv : buttons) {
                const QJsonObject b = bv.toObject();
                const QString bt = upper(b.value(QLatin1String("type")));
                const QString btext = b.value(QLatin1String("text")).toString();
                if (bt == QLatin1String("QUICK_REPLY")) {
                    if (quickGroupEnded)
                        return SimError::make(
                            100, QStringLiteral("Quick-reply buttons must be grouped together."));
                    inQuick = true;
                } else if (inQuick) {
                    inQuick = false;
                    quickGroupEnded = true;
                }
                if (btext.isEmpty() || SendValidator::chars(btext) > 25)
                    return createError(2388040, QStringLiteral("Character limit exceeded"),
                        QStringLiteral("Button text needs 1 to 25 characters."));
                if (bt == QLatin1String("URL")) {
                    ++urls;
                    const QString url = b.value(QLatin1String("url")).toString();
                    if (url.isEmpty() || url.size() > 2000)
                        return SimError::make(100,
                            QStringLiteral("A URL button needs a url of at most 2000 characters."));
                    const QStringList vars = variables(url);
                    if (vars.size() > 1
                        || (vars.size() == 1 && !url.trimmed().endsWith(QLatin1String("}}"))))
                        return SimError::make(100,
                            QStringLiteral("A URL button has at most one variable, as a suffix."));
                    if (vars.size() == 1 && b.value(QLatin1String("example")).toArray().isEmpty())
                        return createError(2388043, QStringLiteral("Missing example"),
                            QStringLiteral("A URL button with a variable needs an example."));
                } else if (bt == QLatin1String("PHONE_NUMBER")) {
                    ++phones;
                    const QString number = b.value(QLatin1String("phone_number")).toString();
                    if (number.isEmpty() || number.size() > 20)
                        return SimError::make(100,
                            QStringLiteral(
                                "A phone button needs a number of at most 20 characters."));
                } else if (bt == QLatin1String("COPY_CODE")) {
                    ++copyCodes;
                } else if (bt == QLatin1String("OTP")) {
                    if (category != QLatin1String("AUTHENTICATION"))
                        return SimError::make(
                            100, QStringLiteral("OTP buttons are for authentication templates."));
                } else if (bt != QLatin1String("QUICK_REPLY") && bt != QLatin1String("FLOW")
                    && bt != QLatin1String("MPM") && bt != QLatin1String("CATALOG")
                    && bt != QLatin1String("VOICE_CALL")) {
                    return SimError::make(100, QStringLiteral("Unknown button type %1.").arg(bt));
                }
            }
            if (urls > 2 || phones > 1 || copyCodes > 1)
                return SimError::make(100,
                    QStringLiteral(
                        "At most 2 URL buttons, 1 phone button and 1 copy-code button."));
        } else {
            return SimError::make(100, QStringLiteral("Unknown component type %1.").arg(type));
        }
    }
    if (!haveBody)
        return SimError::make(100, QStringLiteral("A template needs a BODY component."));
    if (headers > 1 || footers > 1)
        return SimError::make(
            100, QStringLiteral("A template has at most one header and one footer."));
    if (m_templates.size() >= 6000)
        return createError(2388019, QStringLiteral("Template limit exceeded"),
            QStringLiteral("This WhatsApp Business Account has reached its template limit."));
    return {};
}

SimError TemplateStore::create(const QJsonObject &request, qint64 nowMs, qint64 approvalDelayMs,
    const QString &rejectMarker, SimTemplate *created)
{
    if (SimError e = validateCreate(request); e.isError())
        return e;
    SimTemplate t;
    t.id = nextId();
    t.name = request.value(QLatin1String("name")).toString();
    t.language = request.value(QLatin1String("language")).toString();
    t.category = upper(request.value(QLatin1String("category")));
    t.parameterFormat = upper(request.value(QLatin1String("parameter_format")));
    if (t.parameterFormat.isEmpty())
        t.parameterFormat = QStringLiteral("POSITIONAL");
    t.components = request.value(QLatin1String("components")).toArray();
    t.status = QStringLiteral("PENDING");
    t.decideAtMs = nowMs + approvalDelayMs;
    t.willReject = !rejectMarker.isEmpty() && t.name.contains(rejectMarker);
    m_templates.append(t);
    if (created)
        *created = t;
    return {};
}

SimError TemplateStore::edit(const QString &id, const QJsonObject &request, qint64 nowMs,
    qint64 approvalDelayMs, const QString &rejectMarker, SimTemplate *edited)
{
    SimTemplate *t = nullptr;
    for (SimTemplate &candidate : m_templates) {
        if (candidate.id == id)
            t = &candidate;
    }
    if (!t)
        return SimError::make(100, QStringLiteral("Unknown template."));
    if (t->status != QLatin1String("APPROVED") && t->status != QLatin1String("REJECTED")
        && t->status != QLatin1String("PAUSED"))
        return SimError::make(
            100, QStringLiteral("Only approved, rejected or paused templates can be edited."));
    const QString category = request.contains(QLatin1String("category"))
        ? upper(request.value(QLatin1String("category")))
        : t->category;
    if (t->status == QLatin1String("APPROVED") && category != t->category)
        return SimError::make(
            100, QStringLiteral("The category of an approved template cannot be changed."));
    const QJsonObject candidate{{QStringLiteral("name"), t->name},
        {QStringLiteral("language"), t->language}, {QStringLiteral("category"), category},
        {QStringLiteral("parameter_format"), t->parameterFormat},
        {QStringLiteral("components"),
            request.contains(QLatin1String("components"))
                ? request.value(QLatin1String("components"))
                : QJsonValue(t->components)}};
    // Validated alone: the template may keep its own name and language.
    TemplateStore probe;
    if (SimError e = probe.validateCreate(candidate); e.isError())
        return e;
    t->category = category;
    t->components = candidate.value(QLatin1String("components")).toArray();
    t->status = QStringLiteral("PENDING");
    t->decideAtMs = nowMs + approvalDelayMs;
    t->willReject = !rejectMarker.isEmpty() && t->name.contains(rejectMarker);
    if (edited)
        *edited = *t;
    return {};
}

QString TemplateStore::add(const QJsonObject &request, const QString &status)
{
    SimTemplate t;
    t.id = nextId();
    t.name = request.value(QLatin1String("name")).toString();
    t.language = request.value(QLatin1String("language")).toString();
    t.category = upper(request.value(QLatin1String("category")));
    t.parameterFormat = upper(request.value(QLatin1String("parameter_format")));
    if (t.parameterFormat.isEmpty())
        t.parameterFormat = QStringLiteral("POSITIONAL");
    t.components = request.value(QLatin1String("components")).toArray();
    t.status = status;
    m_templates.append(t);
    return t.id;
}

QList<TemplateStatusChange> TemplateStore::decideDue(qint64 nowMs)
{
    QList<TemplateStatusChange> changes;
    for (SimTemplate &t : m_templates) {
        if (t.status != QLatin1String("PENDING") || t.decideAtMs > nowMs)
            continue;
        t.status = t.willReject ? QStringLiteral("REJECTED") : QStringLiteral("APPROVED");
        t.rejectedReason = t.willReject ? QStringLiteral("INVALID_FORMAT") : QStringLiteral("NONE");
        changes.append({t.id, t.name, t.language, t.category, t.status, t.rejectedReason});
    }
    return changes;
}

bool TemplateStore::setStatus(
    const QString &id, const QString &status, TemplateStatusChange *change)
{
    for (SimTemplate &t : m_templates) {
        if (t.id == id) {
            t.status = status;
            if (change)
                *change = {t.id, t.name, t.language, t.category, status, QStringLiteral("NONE")};
            return true;
        }
    }
    return false;
}

const SimTemplate *TemplateStore::byId(const QString &id) const
{
    for (const SimTemplate &t : m_templates) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

QJsonObject TemplateStore::toJson(const SimTemplate &t, const QStringList &requested) const
{
    const QStringList fields = requested.isEmpty() ? kDefaultFields : requested;
    QJsonObject o;
    for (const QString &f : fields) {
        if (f == QLatin1String("name"))
            o.insert(f, t.name);
        else if (f == QLatin1String("language"))
            o.insert(f, t.language);
        else if (f == QLatin1String("status"))
            o.insert(f, t.status);
        else if (f == QLatin1String("category"))
            o.insert(f, t.category);
        else if (f == QLatin1String("components"))
            o.insert(f, t.components);
        else if (f == QLatin1String("parameter_format"))
            o.insert(f, t.parameterFormat);
        else if (f == QLatin1String("quality_score"))
            o.insert(f, QJsonObject{{QStringLiteral("score"), QStringLiteral("UNKNOWN")}});
        else if (f == QLatin1String("rejected_reason"))
            o.insert(f, t.rejectedReason);
    }
    o.insert(QStringLiteral("id"), t.id);
    return o;
}

QJsonObject TemplateStore::list(const QUrlQuery &query, const QString &selfUrl) const
{
    QStringList fields;
    for (const QString &f :
        query.queryItemValue(QStringLiteral("fields")).split(u',', Qt::SkipEmptyParts))
        fields.append(f.trimmed());
    const QString name = query.queryItemValue(QStringLiteral("name"));
    const QString status = query.queryItemValue(QStringLiteral("status")).toUpper();
    const QString category = query.queryItemValue(QStringLiteral("category")).toUpper();
    const QString language = query.queryItemValue(QStringLiteral("language"));
    int limit = query.queryItemValue(QStringLiteral("limit")).toInt();
    if (limit <= 0)
        limit = 25;
    limit = qMin(limit, 1000);

    QList<const SimTemplate *> matching;
    for (const SimTemplate &t : m_templates) {
        if (!name.isEmpty() && !t.name.contains(name))
            continue;
        if (!status.isEmpty() && !status.split(u',').contains(t.status))
            continue;
        if (!category.isEmpty() && t.category != category)
            continue;
        if (!language.isEmpty() && t.language != language)
            continue;
        matching.append(&t);
    }
    // Cursors are opaque to clients: base64 of the position in the filtered list.
    auto decode = [](const QString &cursor) {
        return QByteArray::fromBase64(cursor.toLatin1(), QByteArray::Base64UrlEncoding).toInt();
    };
    auto encode = [](int position) {
        return QString::fromLatin1(
            QByteArray::number(position).toBase64(QByteArray::Base64UrlEncoding));
    };
    int start = 0;
    if (query.hasQueryItem(QStringLiteral("after")))
        start = decode(query.queryItemValue(QStringLiteral("after"))) + 1;
    else if (query.hasQueryItem(QStringLiteral("before")))
        start = qMax(0, decode(query.queryItemValue(QStringLiteral("before"))) - limit);
    start = qBound(0, start, int(matching.size()));
    const int end = qMin(int(matching.size()), start + limit);

    QJsonArray data;
    for (int i = start; i < end; ++i)
        data.append(toJson(*matching[i], fields));
    QJsonObject result{{QStringLiteral("data"), data}};
    if (start < end) {
        QJsonObject paging{{QStringLiteral("cursors"),
            QJsonObject{{QStringLiteral("before"), encode(start)},
                {QStringLiteral("after"), encode(end - 1)}}}};
        if (end < matching.size()) {
            QUrlQuery next = query;
            next.removeAllQueryItems(QStringLiteral("after"));
            next.removeAllQueryItems(QStringLiteral("before"));
            next.addQueryItem(QStringLiteral("limit"), QString::number(limit));
            next.addQueryItem(QStringLiteral("after"), encode(end - 1));
            paging.insert(QStringLiteral("next"),
                QString(selfUrl + u'?' + next.toString(QUrl::FullyEncoded)));
        }
        if (start > 0) {
            QUrlQuery previous = query;
            previous.removeAllQueryItems(QStringLiteral("after"));
            previous.removeAllQueryItems(QStringLiteral("before"));
            previous.addQueryItem(QStringLiteral("limit"), QString::number(limit));
            previous.addQueryItem(QStringLiteral("before"), encode(start));
            paging.insert(QStringLiteral("previous"),
                QString(selfUrl + u'?' + previous.toString(QUrl::FullyEncoded)));
        }
        result.insert(QStringLiteral("paging"), paging);
    }
    return result;
}

SimError TemplateStore::remove(const QString &name, const QString &hsmId, int *removed)
{
    if (name.isEmpty() && hsmId.isEmpty())
        return SimError::make(100, QStringLiteral("The parameter name is required."));
    int n = 0;
    for (qsizetype i = m_templates.size() - 1; i >= 0; --i) {
        const SimTemplate &t = m_templates[i];
        const bool match = hsmId.isEmpty() ? t.name == name
                                           : (t.id == hsmId && (name.isEmpty() || t.name == name));
        if (!match)
            continue;
        if (t.status == QLatin1String("DISABLED"))
            return SimError::make(100, QStringLiteral("Disabled templates cannot be deleted."));
        m_templates.removeAt(i);
        ++n;
    }
    if (removed)
        *removed = n;
    if (n == 0) {
        SimError e = SimError::make(100, QStringLiteral("Template not found."));
        e.subcode = 2593002;
        return e;
    }
    return {};
}

SimError TemplateStore::checkSend(const QJsonObject &templateObject, QString *category) const
{
    const QString name = templateObject.value(QLatin1String("name")).toString();
    const QString language = templateObject.value(QLatin1String("language"))
                                 .toObject()
                                 .value(QLatin1String("code"))
                                 .toString();
    const SimTemplate *found = nullptr;
    bool nameExists = false;
    for (const SimTemplate &t : m_templates) {
        if (t.name != name)
            continue;
        nameExists = true;
        if (t.language == language)
            found = &t;
    }
    if (!found)
        return SimError::make(132001,
            nameExists
                ? QStringLiteral("template name (%1) does not exist in %2").arg(name, language)
                : QStringLiteral("template name (%1) does not exist").arg(name));
    if (found->status == QLatin1String("PAUSED"))
        return SimError::make(
            132015, QStringLiteral("Template %1 is paused because of low quality.").arg(name));
    if (found->status == QLatin1String("DISABLED"))
        return SimError::make(132016, QStringLiteral("Template %1 is disabled.").arg(name));
    if (found->status != QLatin1String("APPROVED"))
        return SimError::make(
            132001, QStringLiteral("template name (%1) is not approved in %2").arg(name, language));
    if (category)
        *category = found->category.toLower();

    const bool named = found->parameterFormat == QLatin1String("NAMED");
    QJsonArray sendHeader, sendBody;
    bool haveHeader = false;
    QHash<int, QJsonArray> sendButtons;
    for (const QJsonValue &cv : templateObject.value(QLatin1String("components")).toArray()) {
        const QJsonObject c = cv.toObject();
        const QString type = c.value(QLatin1String("type")).toString().toLower();
        const QJsonArray params = c.value(QLatin1String("parameters")).toArray();
        if (type == QLatin1String("header")) {
            haveHeader = true;
            sendHeader = params;
        } else if (type == QLatin1String("body")) {
            sendBody = params;
        } else if (type == QLatin1String("button")) {
            const QJsonValue index = c.value(QLatin1String("index"));
            sendButtons.insert(index.isString() ? index.toString().toInt() : index.toInt(), params);
        } else {
            return SimError::make(100,
                QStringLiteral(
                    "Param template['components'][type] must be header, body or button."));
        }
    }

    // Parameter objects: their type decides which field is mandatory.
    auto checkParams
        = [&](const QJsonArray &params, const QStringList &vars, const char *where) -> SimError {
        if (params.size() != vars.size())
            return SimError::make(132000,
                QStringLiteral("%1: number of localizable_params (%2) does not match the expected "
                               "number of params (%3)")
                    .arg(QLatin1String(where))
                    .arg(params.size())
                    .arg(vars.size()));
        for (const QJsonValue &pv : params) {
            const QJsonObject p = pv.toObject();
            const QString type = p.value(QLatin1String("type")).toString();
            if (type == QLatin1String("text")) {
                if (!p.value(QLatin1String("text")).isString())
                    return SimError::make(
                        100, QStringLiteral("Parameter 'text' is mandatory for type 'text'"));
            } else if (type == QLatin1String("currency")) {
                const QJsonObject cur = p.value(QLatin1String("currency")).toObject();
                for (const char *k : {"fallback_value", "code", "amount_1000"}) {
                    if (!cur.contains(QLatin1String(k)))
                        return SimError::make(131008,
                            QStringLiteral("Parameter currency['%1'] is required.")
                                .arg(QLatin1String(k)));
                }
            } else if (type == QLatin1String("date_time")) {
                if (!p.value(QLatin1String("date_time"))
                         .toObject()
                         .contains(QLatin1String("fallback_value")))
                    return SimError::make(131008,
                        QStringLiteral("Parameter date_time['fallback_value'] is required."));
            } else {
                return SimError::make(132012,
                    QStringLiteral("%1: parameter type %2 is not allowed here")
                        .arg(QLatin1String(where), type));
            }
            if (named) {
                const QString pn = p.value(QLatin1String("parameter_name")).toString();
                if (!vars.contains(pn))
                    return SimError::make(132012,
                        QStringLiteral("%1: parameter_name '%2' is not a parameter of the template")
                            .arg(QLatin1String(where), pn));
            }
        }
        return {};
    };

    // Header.
    const QJsonObject header = component(found->components, "HEADER");
    const QString headerFormat = upper(header.value(QLatin1String("format")));
    if (headerFormat == QLatin1String("TEXT")) {
        const QStringList vars = variables(header.value(QLatin1String("text")).toString());
        if (SimError e = checkParams(sendHeader, vars, "header"); e.isError())
            return e;
    } else if (!headerFormat.isEmpty()) {
        const QString wanted = headerFormat == QLatin1String("GIF") ? QStringLiteral("video")
                                                                    : headerFormat.toLower();
        if (!haveHeader || sendHeader.size() != 1)
            return SimError::make(132000,
                QStringLiteral("header: the template's %1 header needs one parameter").arg(wanted));
        const QJsonObject p = sendHeader.first().toObject();
        if (p.value(QLatin1String("type")).toString() != wanted)
            return SimError::make(
                132012, QStringLiteral("header: expected a %1 parameter").arg(wanted));
        const QJsonObject media = p.value(wanted).toObject();
        if (wanted != QLatin1String("location") && !media.contains(QLatin1String("id"))
            && !media.contains(QLatin1String("link")))
            return SimError::make(
                131008, QStringLiteral("header: %1 needs an id or a link").arg(wanted));
    } else if (!sendHeader.isEmpty()) {
        return SimError::make(
            132000, QStringLiteral("header: the template has no header parameters"));
    }

    // Body, and the text it hydrates to.
    const QString bodyText
        = component(found->components, "BODY").value(QLatin1String("text")).toString();
    const QStringList bodyVars = variables(bodyText);
    if (found->category != QLatin1String("AUTHENTICATION")) {
        if (SimError e = checkParams(sendBody, bodyVars, "body"); e.isError())
            return e;
        QString hydrated = bodyText;
        for (qsizetype i = 0; i < sendBody.size(); ++i) {
            const QJsonObject p = sendBody[i].toObject();
            QString value = p.value(QLatin1String("text")).toString();
            if (value.isEmpty())
                value = p.value(p.value(QLatin1String("type")).toString())
                            .toObject()
                            .value(QLatin1String("fallback_value"))
                            .toString();
            const QString var
                = named ? p.value(QLatin1String("parameter_name")).toString() : bodyVars[i];
            hydrated.replace(QStringLiteral("{{%1}}").arg(var), value);
        }
        if (SendValidator::chars(hydrated) > 1024)
            return SimError::make(
                132005, QStringLiteral("The hydrated body has more than 1024 characters."));
    } else if (sendBody.size() != 1) {
        return SimError::make(132000,
            QStringLiteral("body: an authentication template takes the code as its one parameter"));
    }

    // URL buttons with a variable need their suffix.
    const QJsonArray buttons
        = component(found->components, "BUTTONS").value(QLatin1String("buttons")).toArray();
    for (qsizetype i = 0; i < buttons.size(); ++i) {
        const QJsonObject b = buttons[i].toObject();
        if (upper(b.value(QLatin1String("type"))) == QLatin1String("URL")
            && !variables(b.value(QLatin1String("url")).toString()).isEmpty()
            && sendButtons.value(int(i)).isEmpty())
            return SimError::make(
                132000, QStringLiteral("button %1: the URL button needs its parameter").arg(i));
    }
    return {};
}

void TemplateStore::seedDefaults()
{
    auto add = [this](const char *json) {
        this->add(QJsonDocument::fromJson(QByteArray(json)).object(), QStringLiteral("APPROVED"));
    };
    add(R"({"name":"hello_world","language":"en_US","category":"UTILITY","components":[
        {"type":"HEADER","format":"TEXT","text":"Hello World"},
        {"type":"BODY","text":"Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us."},
        {"type":"FOOTER","text":"WhatsApp Business Platform sample message"}]})");
    add(R"({"name":"order_update","language":"en_US","category":"UTILITY","components":[
        {"type":"BODY","text":"Hi {{1}}, your order {{2}} has shipped and will arrive on {{3}}.","example":{"body_text":[["Pablo","#1234","Friday"]]}},
        {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Track my order"},{"type":"QUICK_REPLY","text":"Talk to an agent"}]}]})");
    add(R"({"name":"appointment_reminder","language":"en_US","category":"UTILITY","parameter_format":"named","components":[
        {"type":"BODY","text":"Hello {{first_name}}, this is a reminder of your appointment on {{date}}.","example":{"body_text_named_params":[{"param_name":"first_name","example":"Ana"},{"param_name":"date","example":"May 3"}]}},
        {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Confirm"},{"type":"QUICK_REPLY","text":"Reschedule"}]}]})");
    add(R"({"name":"spring_sale","language":"en_US","category":"MARKETING","components":[
        {"type":"HEADER","format":"IMAGE","example":{"header_handle":["4::aW1hZ2UvanBlZw==:sim"]}},
        {"type":"BODY","text":"Our spring sale is on: {{1}} off everything until Sunday.","example":{"body_text":[["25%"]]}},
        {"type":"FOOTER","text":"Reply STOP to opt out"},
        {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Stop promotions"}]}]})");
    add(R"({"name":"verification_code","language":"en_US","category":"AUTHENTICATION","components":[
        {"type":"BODY","add_security_recommendation":true},
        {"type":"FOOTER","code_expiration_minutes":10},
        {"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE","text":"Copy code"}]}]})");
}

} // namespace parley::sim
