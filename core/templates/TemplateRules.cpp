#include "templates/TemplateRules.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace parley::core {

namespace {

// FACTS §3 / §5.1.
constexpr int kNameMax = 512;
constexpr int kHeaderMax = 60;
constexpr int kBodyMax = 1024;
constexpr int kFooterMax = 60;
constexpr int kButtonsMax = 10;
constexpr int kButtonTextMax = 25;
constexpr int kUrlButtonsMax = 2;
constexpr int kUrlMax = 2000;
constexpr int kPhoneButtonsMax = 1;
constexpr int kPhoneNumberMax = 20;
constexpr int kCopyCodeMax = 1;
constexpr int kCouponExampleMax = 15;
constexpr int kEditsPer30Days = 10;
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

const QRegularExpression &variablePattern()
{
    static const QRegularExpression re(QStringLiteral(R"(\{\{\s*([^{}]*?)\s*\}\})"));
    return re;
}

class Checker
{
public:
    explicit Checker(const QJsonObject &request) : m_request(request) { }

    QList<TemplateRuleViolation> run()
    {
        checkName();
        checkCategory();
        checkLanguage();
        checkFormat();
        checkComponents();
        return m_out;
    }

private:
    void add(const QString &component, const char *rule, const QString &message)
    {
        m_out.append({component, QLatin1String(rule), message});
    }

    void checkName()
    {
        const QString name = m_request.value(QLatin1String("name")).toString();
        static const QRegularExpression re(QStringLiteral("^[a-z0-9_]+$"));
        if (name.isEmpty())
            add(QStringLiteral("template"), "name.required", QStringLiteral("the name is missing"));
        else if (name.size() > kNameMax)
            add(QStringLiteral("template"), "name.length",
                QStringLiteral("the name is %1 characters; the limit is %2")
                    .arg(name.size())
                    .arg(kNameMax));
        if (!name.isEmpty() && !re.match(name).hasMatch())
            add(QStringLiteral("template"), "name.format",
                QStringLiteral("the name \"%1\" may only hold lowercase letters, digits and "
                               "underscores")
                    .arg(name));
    }

    void checkCategory()
    {
        m_category = m_request.value(QLatin1String("category")).toString();
        static const QStringList categories{QStringLiteral("AUTHENTICATION"),
            QStringLiteral("MARKETING"), QStringLiteral("UTILITY")};
        if (!categories.contains(m_category))
            add(QStringLiteral("template"), "category.value",
                QStringLiteral("the category \"%1\" is not one of AUTHENTICATION, MARKETING, "
                               "UTILITY")
                    .arg(m_category));
    }

    void checkLanguage()
    {
        const QString language = m_request.value(QLatin1String("language")).toString();
        if (!TemplateRules::isKnownLanguage(language))
            add(QStringLiteral("template"), "language.value",
                QStringLiteral("the language \"%1\" is not one of Meta's template language codes "
                               "(en_US, pt_BR, ...)")
                    .arg(language));
    }

    void checkFormat()
    {
        const QJsonValue v = m_request.value(QLatin1String("parameter_format"));
        const QString format = v.toString().toLower();
        if (v.isUndefined() || format == QLatin1String("positional"))
            return;
        if (format == QLatin1String("named"))
            m_named = true;
        else
            add(QStringLiteral("template"), "parameter_format.value",
                QStringLiteral("parameter_format \"%1\" is not named or positional")
                    .arg(v.toString()));
    }

    void checkComponents()
    {
        const QJsonArray components = m_request.value(QLatin1String("components")).toArray();
        QHash<QString, int> seen;
        for (const QJsonValue &cv : components) {
            const QJsonObject c = cv.toObject();
            const QString type = c.value(QLatin1String("type")).toString().toUpper();
            const int count = ++seen[type];
            if (count == 2)
                add(type.toLower(), "component.unique",
                    QStringLiteral("a template has at most one %1 component").arg(type));
            if (count > 1)
                continue;
            if (type == QLatin1String("HEADER"))
                checkHeader(c);
            else if (type == QLatin1String("BODY"))
                checkBody(c);
            else if (type == QLatin1String("FOOTER"))
                checkFooter(c);
            else if (type == QLatin1String("BUTTONS"))
                checkButtons(c);
            else
                add(QStringLiteral("template"), "component.type",
                    QStringLiteral("unknown component type \"%1\"")
                        .arg(c.value(QLatin1String("type")).toString()));
        }
        if (!seen.contains(QStringLiteral("BODY")))
            add(QStringLiteral("body"), "body.required",
                QStringLiteral("every template needs a BODY component"));
    }

    // Variable names of a text, with the rules shared by header and body: positional variables
    // numbered 1..n in order, named ones lowercase with underscores, no mixing with the format.
    QStringList checkVariables(const QString &component, const QString &text)
    {
        QStringList names;
        auto it = variablePattern().globalMatch(text);
        while (it.hasNext())
            names.append(it.next().captured(1));
        static const QRegularExpression positional(QStringLiteral("^[0-9]+$"));
        static const QRegularExpression named(QStringLiteral("^[a-z_]+$"));
        int expected = 1;
        for (const QString &n : std::as_const(names)) {
            if (m_named) {
                if (positional.match(n).hasMatch())
                    add(component, "variables.format",
                        QStringLiteral("{{%1}} is positional but parameter_format is named")
                            .arg(n));
                else if (!named.match(n).hasMatch())
                    add(component, "variables.named_format",
                        QStringLiteral("named variable {{%1}} may only hold lowercase letters and "
                                       "underscores")
                            .arg(n));
            } else if (!positional.match(n).hasMatch()) {
                add(component, "variables.format",
                    QStringLiteral("{{%1}} is named but parameter_format is positional (set "
                                   "\"parameter_format\": \"named\")")
                        .arg(n));
            } else {
                if (n.toInt() != expected)
                    add(component, "variables.sequence",
                        QStringLiteral("positional variables must be numbered {{1}}, {{2}}... in "
                                       "order; found {{%1}} where {{%2}} was expected")
                            .arg(n)
                            .arg(expected));
                expected = n.toInt() + 1;
            }
        }
        return names;
    }

    // Examples: positional ones are example.<key>[...] (body: [[...]]), named ones
    // example.<key>_named_params[{param_name, example}].
    void checkExamples(const QString &component, const QJsonObject &c, const QStringList &names,
        const char *positionalKey, const char *namedKey, bool nested)
    {
        if (names.isEmpty())
            return;
        const QJsonObject example = c.value(QLatin1String("example")).toObject();
        if (m_named) {
            QSet<QString> given;
            for (const QJsonValue &v : example.value(QLatin1String(namedKey)).toArray()) {
                const QJsonObject o = v.toObject();
                if (!o.value(QLatin1String("example")).toString().isEmpty())
                    given.insert(o.value(QLatin1String("param_name")).toString());
            }
            for (const QString &n : names) {
                if (!given.contains(n))
                    add(component, "examples.required",
                        QStringLiteral("variable {{%1}} has no example in example.%2")
                            .arg(n, QLatin1String(namedKey)));
            }
            return;
        }
        QJsonArray values = example.value(QLatin1String(positionalKey)).toArray();
        if (nested)
            values = values.isEmpty() ? QJsonArray() : values.first().toArray();
        int nonEmpty = 0;
        for (const QJsonValue &v : std::as_const(values))
            nonEmpty += v.toString().isEmpty() ? 0 : 1;
        if (nonEmpty < names.size() || values.size() != names.size())
            add(component, "examples.required",
                QStringLiteral("%1 variable(s) but %2 example value(s) in example.%3")
                    .arg(names.size())
                    .arg(nonEmpty)
                    .arg(QLatin1String(positionalKey)));
    }

    void checkHeader(const QJsonObject &c)
    {
        const QString format = c.value(QLatin1String("format")).toString().toUpper();
        static const QStringList formats{QStringLiteral("TEXT"), QStringLiteral("IMAGE"),
            QStringLiteral("VIDEO"), QStringLiteral("DOCUMENT"), QStringLiteral("LOCATION"),
            QStringLiteral("GIF")};
        if (!formats.contains(format)) {
            add(QStringLiteral("header"), "header.format",
                QStringLiteral("the header format \"%1\" is not one of TEXT, IMAGE, VIDEO, "
                               "DOCUMENT, LOCATION, GIF")
                    .arg(format));
            return;
        }
        if (format == QLatin1String("TEXT")) {
            const QString text = c.value(QLatin1String("text")).toString();
            if (text.trimmed().isEmpty())
                add(QStringLiteral("header"), "header.text_required",
                    QStringLiteral("a TEXT header needs its text"));
            if (text.size() > kHeaderMax)
                add(QStringLiteral("header"), "header.length",
                    QStringLiteral("the header text is %1 characters; the limit is %2")
                        .arg(text.size())
                        .arg(kHeaderMax));
            const QStringList names = checkVariables(QStringLiteral("header"), text);
            if (names.size() > 1)
                add(QStringLiteral("header"), "header.variables",
                    QStringLiteral("the header has %1 variables; at most 1 is allowed")
                        .arg(names.size()));
            checkExamples(QStringLiteral("header"), c, names, "header_text",
                "header_text_named_params", false);
        } else if (format == QLatin1String("LOCATION")) {
            if (m_category != QLatin1String("UTILITY") && m_category != QLatin1String("MARKETING"))
                add(QStringLiteral("header"), "header.location_category",
                    QStringLiteral("a LOCATION header is only allowed in UTILITY and MARKETING "
                                   "templates"));
        } else {
            const QJsonArray handles = c.value(QLatin1String("example"))
                                           .toObject()
                                           .value(QLatin1String("header_handle"))
                                           .toArray();
            if (handles.isEmpty() || handles.first().toString().isEmpty())
                add(QStringLiteral("header"), "examples.required",
                    QStringLiteral("a %1 header needs an example media handle in "
                                   "example.header_handle")
                        .arg(format));
        }
    }

    void checkBody(const QJsonObject &c)
    {
        const QString text = c.value(QLatin1String("text")).toString();
        if (m_category == QLatin1String("AUTHENTICATION") && text.isEmpty())
            return; // Meta supplies the fixed authentication text.
        if (text.trimmed().isEmpty()) {
            add(QStringLiteral("body"), "body.text_required",
                QStringLiteral("the body needs its text"));
            return;
        }
        if (text.size() > kBodyMax)
            add(QStringLiteral("body"), "body.length",
                QStringLiteral("the body is %1 characters; the limit is %2")
                    .arg(text.size())
                    .arg(kBodyMax));
        const QStringList names = checkVariables(QStringLiteral("body"), text);
        const QString trimmed = text.trimmed();
        const auto first = variablePattern().match(trimmed);
        if (first.hasMatch() && first.capturedStart() == 0)
            add(QStringLiteral("body"), "body.leading_variable",
                QStringLiteral("the body cannot start with a variable ({{%1}})")
                    .arg(first.captured(1)));
        // The last match: does it end the text?
        auto it = variablePattern().globalMatch(trimmed);
        QRegularExpressionMatch last;
        QRegularExpressionMatch previous;
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (previous.hasMatch()) {
                const QStringView between = QStringView(trimmed).mid(
                    previous.capturedEnd(), m.capturedStart() - previous.capturedEnd());
                if (between.trimmed().isEmpty())
                    add(QStringLiteral("body"), "body.adjacent_variables",
                        QStringLiteral("variables {{%1}} and {{%2}} are adjacent; put text between "
                                       "them")
                            .arg(previous.captured(1), m.captured(1)));
            }
            previous = m;
            last = m;
        }
        if (last.hasMatch() && last.capturedEnd() == trimmed.size())
            add(QStringLiteral("body"), "body.trailing_variable",
                QStringLiteral("the body cannot end with a variable ({{%1}})")
                    .arg(last.captured(1)));
        QStringList unique;
        for (const QString &n : names) {
            if (!unique.contains(n))
                unique.append(n);
        }
        checkExamples(
            QStringLiteral("body"), c, unique, "body_text", "body_text_named_params", true);
    }

    void checkFooter(const QJsonObject &c)
    {
        const QString text = c.value(QLatin1String("text")).toString();
        if (m_category == QLatin1String("AUTHENTICATION") && text.isEmpty()) {
            const int minutes = c.value(QLatin1String("code_expiration_minutes")).toInt(-1);
            if (c.contains(QLatin1String("code_expiration_minutes"))
                && (minutes < 1 || minutes > 90))
                add(QStringLiteral("footer"), "footer.code_expiration",
                    QStringLiteral("code_expiration_minutes must be between 1 and 90"));
            return;
        }
        if (text.size() > kFooterMax)
            add(QStringLiteral("footer"), "footer.length",
                QStringLiteral("the footer is %1 characters; the limit is %2")
                    .arg(text.size())
                    .arg(kFooterMax));
        if (variablePattern().match(text).hasMatch())
            add(QStringLiteral("footer"), "footer.variables",
                QStringLiteral("the footer cannot contain variables"));
    }

    void checkButtons(const QJsonObject &c)
    {
        const QJsonArray buttons = c.value(QLatin1String("buttons")).toArray();
        const QString all = QStringLiteral("buttons");
        if (buttons.isEmpty())
            add(all, "buttons.required", QStringLiteral("a BUTTONS component needs buttons"));
        if (buttons.size() > kButtonsMax)
            add(all, "buttons.count",
                QStringLiteral("%1 buttons; at most %2 are allowed")
                    .arg(buttons.size())
                    .arg(kButtonsMax));
        int urls = 0;
        int phones = 0;
        int copyCodes = 0;
        int quickReplyRuns = 0;
        bool previousQuickReply = false;
        for (int i = 0; i < buttons.size(); ++i) {
            const QJsonObject b = buttons.at(i).toObject();
            const QString type = b.value(QLatin1String("type")).toString().toUpper();
            const QString component = QStringLiteral("button %1").arg(i);
            const QString text = b.value(QLatin1String("text")).toString();
            const bool quickReply = type == QLatin1String("QUICK_REPLY");
            if (quickReply && !previousQuickReply)
                ++quickReplyRuns;
            previousQuickReply = quickReply;

            if (type != QLatin1String("OTP") && text.trimmed().isEmpty())
                add(component, "button.text_required",
                    QStringLiteral("%1 button needs its text").arg(type));
            if (text.size() > kButtonTextMax)
                add(component, "button.text_length",
                    QStringLiteral("the button text is %1 characters; the limit is %2")
                        .arg(text.size())
                        .arg(kButtonTextMax));

            if (type == QLatin1String("URL")) {
                ++urls;
                checkUrlButton(component, b);
            } else if (type == QLatin1String("PHONE_NUMBER")) {
                ++phones;
                const QString number = b.value(QLatin1String("phone_number")).toString();
                if (number.isEmpty())
                    add(component, "button.phone_required",
                        QStringLiteral("a PHONE_NUMBER button needs phone_number"));
                if (number.size() > kPhoneNumberMax)
                    add(component, "button.phone_length",
                        QStringLiteral("the phone number is %1 characters; the limit is %2")
                            .arg(number.size())
                            .arg(kPhoneNumberMax));
            } else if (type == QLatin1String("COPY_CODE")) {
                ++copyCodes;
                const QJsonValue example = b.value(QLatin1String("example"));
                const QString code
                    = example.isArray() ? example.toArray().first().toString() : example.toString();
                if (code.isEmpty())
                    add(component, "examples.required",
                        QStringLiteral("a COPY_CODE button needs an example code"));
                else if (code.size() > kCouponExampleMax)
                    add(component, "button.copy_code_length",
                        QStringLiteral("the example code is %1 characters; the limit is %2")
                            .arg(code.size())
                            .arg(kCouponExampleMax));
            } else if (type == QLatin1String("OTP")) {
                if (m_category != QLatin1String("AUTHENTICATION"))
                    add(component, "button.otp_category",
                        QStringLiteral("OTP buttons are only allowed in AUTHENTICATION templates"));
            } else if (!quickReply && type != QLatin1String("FLOW") && type != QLatin1String("MPM")
                && type != QLatin1String("CATALOG") && type != QLatin1String("VOICE_CALL")) {
                add(component, "button.type",
                    QStringLiteral("unknown button type \"%1\"")
                        .arg(b.value(QLatin1String("type")).toString()));
            }
        }
        if (urls > kUrlButtonsMax)
            add(all, "buttons.url_count",
                QStringLiteral("%1 URL buttons; at most %2 are allowed")
                    .arg(urls)
                    .arg(kUrlButtonsMax));
        if (phones > kPhoneButtonsMax)
            add(all, "buttons.phone_count",
                QStringLiteral("%1 PHONE_NUMBER buttons; at most %2 is allowed")
                    .arg(phones)
                    .arg(kPhoneButtonsMax));
        if (copyCodes > kCopyCodeMax)
            add(all, "buttons.copy_code_count",
                QStringLiteral("%1 COPY_CODE buttons; at most %2 is allowed")
                    .arg(copyCodes)
                    .arg(kCopyCodeMax));
        if (quickReplyRuns > 1)
            add(all, "buttons.quick_reply_grouped",
                QStringLiteral("QUICK_REPLY buttons must be grouped together, not mixed in between "
                               "the other buttons"));
    }

    void checkUrlButton(const QString &component, const QJsonObject &b)
    {
        const QString url = b.value(QLatin1String("url")).toString();
        if (url.isEmpty()) {
            add(component, "button.url_required", QStringLiteral("a URL button needs its url"));
            return;
        }
        if (url.size() > kUrlMax)
            add(component, "button.url_length",
                QStringLiteral("the URL is %1 characters; the limit is %2")
                    .arg(url.size())
                    .arg(kUrlMax));
        QList<QRegularExpressionMatch> vars;
        auto it = variablePattern().globalMatch(url);
        while (it.hasNext())
            vars.append(it.next());
        if (vars.size() > 1)
            add(component, "button.url_variables",
                QStringLiteral("the URL has %1 variables; at most 1 is allowed").arg(vars.size()));
        if (!vars.isEmpty()) {
            if (vars.last().capturedEnd() != url.size())
                add(component, "button.url_suffix",
                    QStringLiteral("the URL variable must be at the end of the URL (a suffix)"));
            if (vars.first().capturedStart() == 0 || !url.startsWith(QLatin1String("http")))
                add(component, "button.url_suffix",
                    QStringLiteral("the URL must start with a fixed https:// address before the "
                                   "variable"));
            const QJsonValue example = b.value(QLatin1String("example"));
            const QString sample
                = example.isArray() ? example.toArray().first().toString() : example.toString();
            if (sample.isEmpty())
                add(component, "examples.required",
                    QStringLiteral("a URL with a variable needs an example URL"));
        }
    }

    const QJsonObject &m_request;
    QList<TemplateRuleViolation> m_out;
    QString m_category;
    bool m_named = false;
};

} // namespace

QList<TemplateRuleViolation> TemplateRules::checkCreate(const QJsonObject &request)
{
    return Checker(request).run();
}

QList<TemplateRuleViolation> TemplateRules::checkEdit(const TemplateDefinition &current,
    const QJsonObject &request, const QList<qint64> &editTimesMs, qint64 nowMs)
{
    QList<TemplateRuleViolation> out;
    const QString &s = current.status;
    if (s != QLatin1String("APPROVED") && s != QLatin1String("REJECTED")
        && s != QLatin1String("PAUSED")) {
        out.append({QStringLiteral("template"), QStringLiteral("edit.status"),
            QStringLiteral("template \"%1\" (%2) is %3; only APPROVED, REJECTED or PAUSED "
                           "templates can be edited")
                .arg(current.name, current.language, s)});
    }
    if (s == QLatin1String("APPROVED")) {
        int lastMonth = 0;
        bool lastDay = false;
        for (qint64 t : editTimesMs) {
            if (nowMs - t < 30 * kDayMs)
                ++lastMonth;
            if (nowMs - t < kDayMs)
                lastDay = true;
        }
        if (lastMonth >= kEditsPer30Days)
            out.append({QStringLiteral("template"), QStringLiteral("edit.monthly_limit"),
                QStringLiteral("template \"%1\" was edited %2 times in the last 30 days; the limit "
                               "is %3")
                    .arg(current.name)
                    .arg(lastMonth)
                    .arg(kEditsPer30Days)});
        if (lastDay)
            out.append({QStringLiteral("template"), QStringLiteral("edit.daily_limit"),
                QStringLiteral("template \"%1\" was edited in the last 24 hours; an approved "
                               "template allows one edit per day")
                    .arg(current.name)});
        const QString category = request.value(QLatin1String("category")).toString().toUpper();
        if (!category.isEmpty() && category != current.category)
            out.append({QStringLiteral("template"), QStringLiteral("edit.category"),
                QStringLiteral("the category of an approved template cannot change (%1 -> %2)")
                    .arg(current.category, category)});
    }
    // The edited content must itself satisfy the create rules; name and language are the
    // template's own.
    if (request.contains(QLatin1String("components"))) {
        QJsonObject full = request;
        full.insert(QStringLiteral("name"), current.name);
        full.insert(QStringLiteral("language"), current.language);
        if (!full.contains(QLatin1String("category")))
            full.insert(QStringLiteral("category"), current.category);
        if (!full.contains(QLatin1String("parameter_format")) && current.namedParameters)
            full.insert(QStringLiteral("parameter_format"), QStringLiteral("named"));
        out.append(checkCreate(full));
    }
    return out;
}

QList<TemplateRuleViolation> TemplateRules::checkDelete(const QList<TemplateDefinition> &targets)
{
    QList<TemplateRuleViolation> out;
    for (const TemplateDefinition &d : targets) {
        if (d.status == QLatin1String("DISABLED"))
            out.append({QStringLiteral("template"), QStringLiteral("delete.disabled"),
                QStringLiteral("template \"%1\" (%2) is DISABLED; Meta does not allow deleting "
                               "disabled templates")
                    .arg(d.name, d.language)});
    }
    return out;
}

QString TemplateRules::deleteWarning(const QList<TemplateDefinition> &targets)
{
    for (const TemplateDefinition &d : targets) {
        if (d.isApproved())
            return QStringLiteral("template \"%1\" is approved: after deleting it, the name "
                                  "\"%1\" cannot be used for a new template for 30 days")
                .arg(d.name);
    }
    return {};
}

const QStringList &TemplateRules::languageCodes()
{
    // Meta's supported template languages (templates/supported-languages).
    static const QStringList codes{QStringLiteral("af"), QStringLiteral("sq"), QStringLiteral("ar"),
        QStringLiteral("ar_EG"), QStringLiteral("ar_AE"), QStringLiteral("ar_LB"),
        QStringLiteral("ar_MA"), QStringLiteral("ar_QA"), QStringLiteral("az"),
        QStringLiteral("be_BY"), QStringLiteral("bn"), QStringLiteral("bn_IN"),
        QStringLiteral("bg"), QStringLiteral("ca"), QStringLiteral("zh_CN"),
        QStringLiteral("zh_HK"), QStringLiteral("zh_TW"), QStringLiteral("hr"),
        QStringLiteral("cs"), QStringLiteral("da"), QStringLiteral("prs_AF"), QStringLiteral("nl"),
        QStringLiteral("nl_BE"), QStringLiteral("en"), QStringLiteral("en_GB"),
        QStringLiteral("en_US"), QStringLiteral("en_AE"), QStringLiteral("en_AU"),
        QStringLiteral("en_CA"), QStringLiteral("en_GH"), QStringLiteral("en_IE"),
        QStringLiteral("en_IN"), QStringLiteral("en_JM"), QStringLiteral("en_MY"),
        QStringLiteral("en_NZ"), QStringLiteral("en_QA"), QStringLiteral("en_SG"),
        QStringLiteral("en_UG"), QStringLiteral("en_ZA"), QStringLiteral("et"),
        QStringLiteral("fil"), QStringLiteral("fi"), QStringLiteral("fr"), QStringLiteral("fr_BE"),
        QStringLiteral("fr_CA"), QStringLiteral("fr_CH"), QStringLiteral("fr_CI"),
        QStringLiteral("fr_MA"), QStringLiteral("ka"), QStringLiteral("de"),
        QStringLiteral("de_AT"), QStringLiteral("de_CH"), QStringLiteral("el"),
        QStringLiteral("gu"), QStringLiteral("ha"), QStringLiteral("he"), QStringLiteral("hi"),
        QStringLiteral("hu"), QStringLiteral("id"), QStringLiteral("ga"), QStringLiteral("it"),
        QStringLiteral("ja"), QStringLiteral("kn"), QStringLiteral("kk"), QStringLiteral("rw_RW"),
        QStringLiteral("ko"), QStringLiteral("ky_KG"), QStringLiteral("lo"), QStringLiteral("lv"),
        QStringLiteral("lt"), QStringLiteral("mk"), QStringLiteral("ms"), QStringLiteral("ml"),
        QStringLiteral("mr"), QStringLiteral("nb"), QStringLiteral("ps_AF"), QStringLiteral("fa"),
        QStringLiteral("pl"), QStringLiteral("pt_BR"), QStringLiteral("pt_PT"),
        QStringLiteral("pa"), QStringLiteral("ro"), QStringLiteral("ru"), QStringLiteral("sr"),
        QStringLiteral("si_LK"), QStringLiteral("sk"), QStringLiteral("sl"), QStringLiteral("es"),
        QStringLiteral("es_AR"), QStringLiteral("es_CL"), QStringLiteral("es_CO"),
        QStringLiteral("es_CR"), QStringLiteral("es_DO"), QStringLiteral("es_EC"),
        QStringLiteral("es_ES"), QStringLiteral("es_HN"), QStringLiteral("es_MX"),
        QStringLiteral("es_PA"), QStringLiteral("es_PE"), QStringLiteral("es_UY"),
        QStringLiteral("sw"), QStringLiteral("sv"), QStringLiteral("ta"), QStringLiteral("te"),
        QStringLiteral("th"), QStringLiteral("tr"), QStringLiteral("uk"), QStringLiteral("ur"),
        QStringLiteral("uz"), QStringLiteral("vi"), QStringLiteral("zu")};
    return codes;
}

bool TemplateRules::isKnownLanguage(const QString &code)
{
    return languageCodes().contains(code);
}

QString TemplateRules::formatViolations(const QList<TemplateRuleViolation> &violations)
{
    QStringList lines;
    for (const TemplateRuleViolation &v : violations)
        lines.append(QStringLiteral("%1: %2 [%3]").arg(v.component, v.message, v.rule));
    return lines.join(QLatin1Char('\n'));
}

} // namespace parley::core
