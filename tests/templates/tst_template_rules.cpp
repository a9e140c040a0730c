// Meta's create-time template rules (FACTS §3, §5.1), edit and delete rules.
#include "templates/TemplateFixtures.h"
#include "templates/TemplateRules.h"

#include <QJsonArray>
#include <QTest>

using namespace parley::core;

namespace {

QJsonObject body(const QString &text, const QStringList &examples = {})
{
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("BODY")}, {QStringLiteral("text"), text}};
    if (!examples.isEmpty()) {
        o.insert(QStringLiteral("example"),
            QJsonObject{
                {QStringLiteral("body_text"), QJsonArray{QJsonArray::fromStringList(examples)}}});
    }
    return o;
}

QJsonObject namedBody(const QString &text, const QList<QPair<QString, QString>> &examples)
{
    QJsonArray params;
    for (const auto &e : examples) {
        params.append(QJsonObject{
            {QStringLiteral("param_name"), e.first}, {QStringLiteral("example"), e.second}});
    }
    return {{QStringLiteral("type"), QStringLiteral("BODY")}, {QStringLiteral("text"), text},
        {QStringLiteral("example"),
            QJsonObject{{QStringLiteral("body_text_named_params"), params}}}};
}

QJsonObject textHeader(const QString &text, const QStringList &examples = {})
{
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("HEADER")},
        {QStringLiteral("format"), QStringLiteral("TEXT")}, {QStringLiteral("text"), text}};
    if (!examples.isEmpty()) {
        o.insert(QStringLiteral("example"),
            QJsonObject{{QStringLiteral("header_text"), QJsonArray::fromStringList(examples)}});
    }
    return o;
}

QJsonObject header(const QString &format, bool withHandle = true)
{
    QJsonObject o{
        {QStringLiteral("type"), QStringLiteral("HEADER")}, {QStringLiteral("format"), format}};
    if (withHandle) {
        o.insert(QStringLiteral("example"),
            QJsonObject{{QStringLiteral("header_handle"), QJsonArray{QStringLiteral("4::aW1h")}}});
    }
    return o;
}

QJsonObject footer(const QString &text)
{
    return {{QStringLiteral("type"), QStringLiteral("FOOTER")}, {QStringLiteral("text"), text}};
}

QJsonObject button(const QString &type, const QString &text, const QJsonObject &extra = {})
{
    QJsonObject o = extra;
    o.insert(QStringLiteral("type"), type);
    o.insert(QStringLiteral("text"), text);
    return o;
}

QJsonObject urlButton(const QString &url, const QString &example = {})
{
    QJsonObject extra{{QStringLiteral("url"), url}};
    if (!example.isEmpty())
        extra.insert(QStringLiteral("example"), QJsonArray{example});
    return button(QStringLiteral("URL"), QStringLiteral("Open"), extra);
}

QJsonObject quickReply(const QString &text = QStringLiteral("Stop"))
{
    return button(QStringLiteral("QUICK_REPLY"), text);
}

QJsonObject buttons(const QJsonArray &list)
{
    return {{QStringLiteral("type"), QStringLiteral("BUTTONS")}, {QStringLiteral("buttons"), list}};
}

QJsonObject request(const QJsonArray &components,
    const QString &category = QStringLiteral("MARKETING"),
    const QString &name = QStringLiteral("spring_sale_2026"))
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("language"), QStringLiteral("en_US")},
        {QStringLiteral("category"), category}, {QStringLiteral("components"), components}};
}

QJsonObject named(QJsonObject r)
{
    r.insert(QStringLiteral("parameter_format"), QStringLiteral("named"));
    return r;
}

QJsonObject with(QJsonObject r, const QString &key, const QString &value)
{
    r.insert(key, value);
    return r;
}

QStringList rules(const QList<TemplateRuleViolation> &violations)
{
    QStringList out;
    for (const TemplateRuleViolation &v : violations)
        out.append(v.component + QLatin1Char(':') + v.rule);
    return out;
}

const QJsonObject kValidBody = body(QStringLiteral("Hi {{1}}, your code is {{2}}."),
    {QStringLiteral("Mark"), QStringLiteral("FALL25")});

} // namespace

class TestTemplateRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void metaExamplesPass_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &f : parley::test::createFixtureNames())
            QTest::newRow(qPrintable(f)) << f;
    }

    void metaExamplesPass()
    {
        QFETCH(QString, file);
        const QJsonObject r = parley::test::readTemplateFixture(QStringLiteral("create/") + file)
                                  .value(QLatin1String("request"))
                                  .toObject();
        QVERIFY(!r.isEmpty());
        const auto violations = TemplateRules::checkCreate(r);
        QVERIFY2(violations.isEmpty(), qPrintable(TemplateRules::formatViolations(violations)));
    }

    void createRules_data()
    {
        QTest::addColumn<QJsonObject>("request");
        QTest::addColumn<QStringList>("expected");
        const QString longText(61, QLatin1Char('a'));

        QTest::newRow("valid") << request({kValidBody}) << QStringList{};
        // Name
        QTest::newRow("name uppercase")
            << request({kValidBody}, QStringLiteral("MARKETING"), QStringLiteral("Spring-Sale"))
            << QStringList{QStringLiteral("template:name.format")};
        QTest::newRow("name missing") << request({kValidBody}, QStringLiteral("MARKETING"), {})
                                      << QStringList{QStringLiteral("template:name.required")};
        QTest::newRow("name too long")
            << request({kValidBody}, QStringLiteral("MARKETING"), QString(513, QLatin1Char('a')))
            << QStringList{QStringLiteral("template:name.length")};
        // Category, language, format
        QTest::newRow("category") << request({kValidBody}, QStringLiteral("PROMO"))
                                  << QStringList{QStringLiteral("template:category.value")};
        QTest::newRow("language") << with(
            request({kValidBody}), QStringLiteral("language"), QStringLiteral("english"))
                                  << QStringList{QStringLiteral("template:language.value")};
        QTest::newRow("parameter format")
            << with(request({kValidBody}), QStringLiteral("parameter_format"), QStringLiteral("x"))
            << QStringList{QStringLiteral("template:parameter_format.value")};
        // Components
        QTest::newRow("no body") << request({footer(QStringLiteral("f"))})
                                 << QStringList{QStringLiteral("body:body.required")};
        QTest::newRow("two bodies") << request({kValidBody, kValidBody})
                                    << QStringList{QStringLiteral("body:component.unique")};
        // Header
        QTest::newRow("header too long") << request({textHeader(longText), kValidBody})
                                         << QStringList{QStringLiteral("header:header.length")};
        QTest::newRow("header two variables") << request(
            {textHeader(
                 QStringLiteral("{{1}} and {{2}}"), {QStringLiteral("a"), QStringLiteral("b")}),
                kValidBody}) << QStringList{QStringLiteral("header:header.variables")};
        QTest::newRow("header variable without example")
            << request({textHeader(QStringLiteral("Our {{1}} is on!")), kValidBody})
            << QStringList{QStringLiteral("header:examples.required")};
        QTest::newRow("header format") << request({header(QStringLiteral("AUDIO")), kValidBody})
                                       << QStringList{QStringLiteral("header:header.format")};
        QTest::newRow("media header without handle")
            << request({header(QStringLiteral("IMAGE"), false), kValidBody})
            << QStringList{QStringLiteral("header:examples.required")};
        QTest::newRow("location header in authentication")
            << request({header(QStringLiteral("LOCATION"), false), kValidBody},
                   QStringLiteral("AUTHENTICATION"))
            << QStringList{QStringLiteral("header:header.location_category")};
        QTest::newRow("location header in utility") << request(
            {header(QStringLiteral("LOCATION"), false), kValidBody}, QStringLiteral("UTILITY"))
                                                    << QStringList{};
        // Body
        QTest::newRow("body too long") << request({body(QString(1025, QLatin1Char('b')))})
                                       << QStringList{QStringLiteral("body:body.length")};
        QTest::newRow("body empty") << request({body(QStringLiteral("  "))})
                                    << QStringList{QStringLiteral("body:body.text_required")};
        QTest::newRow("leading variable")
            << request({body(QStringLiteral("{{1}}, your order shipped."), {QStringLiteral("M")})})
            << QStringList{QStringLiteral("body:body.leading_variable")};
        QTest::newRow("trailing variable")
            << request({body(QStringLiteral("Your order shipped, {{1}}"), {QStringLiteral("M")})})
            << QStringList{QStringLiteral("body:body.trailing_variable")};
        QTest::newRow("trailing variable before spaces")
            << request(
                   {body(QStringLiteral("Your order shipped, {{1}}  \n"), {QStringLiteral("M")})})
            << QStringList{QStringLiteral("body:body.trailing_variable")};
        QTest::newRow("adjacent variables")
            << request({body(QStringLiteral("Hi {{1}} {{2}} there."),
                   {QStringLiteral("a"), QStringLiteral("b")})})
            << QStringList{QStringLiteral("body:body.adjacent_variables")};
        QTest::newRow("adjacent variables, no space")
            << request({body(QStringLiteral("Hi {{1}}{{2}} there."),
                   {QStringLiteral("a"), QStringLiteral("b")})})
            << QStringList{QStringLiteral("body:body.adjacent_variables")};
        QTest::newRow("missing example")
            << request({body(QStringLiteral("Hi {{1}}, code {{2}}."), {QStringLiteral("a")})})
            << QStringList{QStringLiteral("body:examples.required")};
        QTest::newRow("no examples at all")
            << request({body(QStringLiteral("Hi {{1}}, code {{2}}."))})
            << QStringList{QStringLiteral("body:examples.required")};
        QTest::newRow("positional out of sequence")
            << request({body(QStringLiteral("Hi {{1}}, code {{3}}."),
                   {QStringLiteral("a"), QStringLiteral("b")})})
            << QStringList{QStringLiteral("body:variables.sequence")};
        QTest::newRow("named variable in positional template")
            << request({body(QStringLiteral("Hi {{name}}, welcome."), {QStringLiteral("a")})})
            << QStringList{QStringLiteral("body:variables.format")};
        // Named parameters
        QTest::newRow("named valid")
            << named(request({namedBody(QStringLiteral("Hi {{first_name}}, welcome."),
                   {{QStringLiteral("first_name"), QStringLiteral("Pablo")}})}))
            << QStringList{};
        QTest::newRow("named uppercase")
            << named(request({namedBody(QStringLiteral("Hi {{FirstName}}, welcome."),
                   {{QStringLiteral("FirstName"), QStringLiteral("Pablo")}})}))
            << QStringList{QStringLiteral("body:variables.named_format")};
        QTest::newRow("named with digits")
            << named(request({namedBody(QStringLiteral("Hi {{name2}}, welcome."),
                   {{QStringLiteral("name2"), QStringLiteral("Pablo")}})}))
            << QStringList{QStringLiteral("body:variables.named_format")};
        QTest::newRow("named example missing")
            << named(request({namedBody(QStringLiteral("Hi {{first_name}}, {{city}} waits."),
                   {{QStringLiteral("first_name"), QStringLiteral("Pablo")}})}))
            << QStringList{QStringLiteral("body:examples.required")};
        QTest::newRow("positional in named template")
            << named(request({namedBody(QStringLiteral("Hi {{1}}, welcome."),
                   {{QStringLiteral("1"), QStringLiteral("Pablo")}})}))
            << QStringList{QStringLiteral("body:variables.format")};
        // Footer
        QTest::newRow("footer too long") << request({kValidBody, footer(longText)})
                                         << QStringList{QStringLiteral("footer:footer.length")};
        QTest::newRow("footer variable")
            << request({kValidBody, footer(QStringLiteral("Bye {{1}}"))})
            << QStringList{QStringLiteral("footer:footer.variables")};
        // Buttons
        QJsonArray eleven;
        for (int i = 0; i < 11; ++i)
            eleven.append(quickReply(QStringLiteral("Reply %1").arg(i)));
        QTest::newRow("more than 10 buttons") << request(
            {kValidBody, buttons(eleven)}) << QStringList{QStringLiteral("buttons:buttons.count")};
        QTest::newRow("button text too long")
            << request({kValidBody, buttons({quickReply(QString(26, QLatin1Char('q')))})})
            << QStringList{QStringLiteral("button 0:button.text_length")};
        QTest::newRow("button text missing")
            << request({kValidBody, buttons({quickReply(QString())})})
            << QStringList{QStringLiteral("button 0:button.text_required")};
        QTest::newRow("quick replies not grouped") << request({kValidBody,
            buttons({quickReply(QStringLiteral("A")), urlButton(QStringLiteral("https://x.io")),
                quickReply(QStringLiteral("B"))})})
                                                   << QStringList{QStringLiteral(
                                                          "buttons:buttons.quick_reply_grouped")};
        QTest::newRow("quick replies grouped after others") << request({kValidBody,
            buttons({urlButton(QStringLiteral("https://x.io")), quickReply(QStringLiteral("A")),
                quickReply(QStringLiteral("B"))})}) << QStringList{};
        QTest::newRow("three URL buttons")
            << request({kValidBody,
                   buttons({urlButton(QStringLiteral("https://x.io/1")),
                       urlButton(QStringLiteral("https://x.io/2")),
                       urlButton(QStringLiteral("https://x.io/3"))})})
            << QStringList{QStringLiteral("buttons:buttons.url_count")};
        QTest::newRow("URL variable not a suffix")
            << request({kValidBody,
                   buttons({urlButton(QStringLiteral("https://x.io/{{1}}/track"),
                       QStringLiteral("https://x.io/1/track"))})})
            << QStringList{QStringLiteral("button 0:button.url_suffix")};
        QTest::newRow("URL two variables")
            << request({kValidBody,
                   buttons({urlButton(QStringLiteral("https://x.io/{{1}}/{{2}}"),
                       QStringLiteral("https://x.io/1/2"))})})
            << QStringList{QStringLiteral("button 0:button.url_variables")};
        QTest::newRow("URL variable without example")
            << request({kValidBody, buttons({urlButton(QStringLiteral("https://x.io/{{1}}"))})})
            << QStringList{QStringLiteral("button 0:examples.required")};
        QTest::newRow("URL too long") << request({kValidBody,
            buttons({urlButton(QStringLiteral("https://x.io/") + QString(2000, u'a'))})})
                                      << QStringList{QStringLiteral("button 0:button.url_length")};
        const QJsonObject phone = button(QStringLiteral("PHONE_NUMBER"), QStringLiteral("Call"),
            {{QStringLiteral("phone_number"), QStringLiteral("16467043595")}});
        QTest::newRow("two phone buttons")
            << request({kValidBody, buttons({phone, phone})})
            << QStringList{QStringLiteral("buttons:buttons.phone_count")};
        QTest::newRow("phone number too long")
            << request({kValidBody,
                   buttons({button(QStringLiteral("PHONE_NUMBER"), QStringLiteral("Call"),
                       {{QStringLiteral("phone_number"), QString(21, QLatin1Char('1'))}})})})
            << QStringList{QStringLiteral("button 0:button.phone_length")};
        const QJsonObject copy = button(QStringLiteral("COPY_CODE"), QStringLiteral("Copy"),
            {{QStringLiteral("example"), QStringLiteral("25OFF")}});
        QTest::newRow("two copy-code buttons")
            << request({kValidBody, buttons({copy, copy})})
            << QStringList{QStringLiteral("buttons:buttons.copy_code_count")};
        QTest::newRow("copy-code example too long")
            << request({kValidBody,
                   buttons({button(QStringLiteral("COPY_CODE"), QStringLiteral("Copy"),
                       {{QStringLiteral("example"), QString(16, QLatin1Char('C'))}})})})
            << QStringList{QStringLiteral("button 0:button.copy_code_length")};
        QTest::newRow("OTP outside authentication")
            << request({kValidBody,
                   buttons({button(QStringLiteral("OTP"), QStringLiteral("Copy"),
                       {{QStringLiteral("otp_type"), QStringLiteral("COPY_CODE")}})})})
            << QStringList{QStringLiteral("button 0:button.otp_category")};
    }

    void createRules()
    {
        QFETCH(QJsonObject, request);
        QFETCH(QStringList, expected);
        const auto violations = TemplateRules::checkCreate(request);
        QCOMPARE(rules(violations), expected);
        for (const TemplateRuleViolation &v : violations)
            QVERIFY(!v.message.isEmpty());
    }

    void messagesNameComponentAndRule()
    {
        const auto violations = TemplateRules::checkCreate(
            request({body(QStringLiteral("{{1}}, hi"), {QStringLiteral("M")})}));
        QCOMPARE(TemplateRules::formatViolations(violations),
            QStringLiteral("body: the body cannot start with a variable ({{1}}) "
                           "[body.leading_variable]"));
    }

    void editRules()
    {
        TemplateDefinition d;
        d.id = QStringLiteral("1");
        d.name = QStringLiteral("spring_sale_2026");
        d.language = QStringLiteral("en_US");
        d.category = QStringLiteral("MARKETING");
        const qint64 day = 24LL * 3600 * 1000;
        const qint64 now = 100 * day;
        const QJsonObject edit{{QStringLiteral("components"), QJsonArray{kValidBody}}};

        for (const char *status : {"APPROVED", "REJECTED", "PAUSED"}) {
            d.status = QLatin1String(status);
            QVERIFY2(TemplateRules::checkEdit(d, edit, {}, now).isEmpty(), status);
        }
        for (const char *status : {"PENDING", "DISABLED", "IN_APPEAL"}) {
            d.status = QLatin1String(status);
            QCOMPARE(rules(TemplateRules::checkEdit(d, edit, {}, now)),
                QStringList{QStringLiteral("template:edit.status")});
        }

        d.status = QStringLiteral("APPROVED");
        QList<qint64> edits;
        for (int i = 0; i < 10; ++i)
            edits.append(now - (29 - i) * day); // ten edits in the last 30 days, none today
        QCOMPARE(rules(TemplateRules::checkEdit(d, edit, edits, now)),
            QStringList{QStringLiteral("template:edit.monthly_limit")});
        edits.removeFirst();
        QVERIFY(TemplateRules::checkEdit(d, edit, edits, now).isEmpty());
        QCOMPARE(rules(TemplateRules::checkEdit(d, edit, {now - day + 1000}, now)),
            QStringList{QStringLiteral("template:edit.daily_limit")});
        // Old edits do not count.
        QVERIFY(TemplateRules::checkEdit(d, edit, {now - 31 * day, now - 40 * day}, now).isEmpty());

        QJsonObject recategorize = edit;
        recategorize.insert(QStringLiteral("category"), QStringLiteral("UTILITY"));
        QCOMPARE(rules(TemplateRules::checkEdit(d, recategorize, {}, now)),
            QStringList{QStringLiteral("template:edit.category")});
        // A rejected template may change category; the edited content obeys the create rules.
        d.status = QStringLiteral("REJECTED");
        QVERIFY(TemplateRules::checkEdit(d, recategorize, {}, now).isEmpty());
        const QJsonObject bad{{QStringLiteral("components"),
            QJsonArray{body(QStringLiteral("Hi {{1}}"), {QStringLiteral("x")})}}};
        QCOMPARE(rules(TemplateRules::checkEdit(d, bad, {}, now)),
            QStringList{QStringLiteral("body:body.trailing_variable")});
    }

    void deleteRules()
    {
        TemplateDefinition approved;
        approved.name = QStringLiteral("spring_sale_2026");
        approved.language = QStringLiteral("en_US");
        approved.status = QStringLiteral("APPROVED");
        TemplateDefinition rejected = approved;
        rejected.language = QStringLiteral("es");
        rejected.status = QStringLiteral("REJECTED");
        TemplateDefinition disabled = approved;
        disabled.language = QStringLiteral("pt_BR");
        disabled.status = QStringLiteral("DISABLED");

        QVERIFY(TemplateRules::checkDelete({approved, rejected}).isEmpty());
        QCOMPARE(rules(TemplateRules::checkDelete({approved, disabled})),
            QStringList{QStringLiteral("template:delete.disabled")});
        QCOMPARE(TemplateRules::deleteWarning({rejected, approved}),
            QStringLiteral("template \"spring_sale_2026\" is approved: after deleting it, the name "
                           "\"spring_sale_2026\" cannot be used for a new template for 30 days"));
        QVERIFY(TemplateRules::deleteWarning({rejected}).isEmpty());
    }

    void languages()
    {
        for (const char *code : {"en_US", "en", "pt_BR", "es_MX", "zh_CN", "fil", "ar"})
            QVERIFY2(TemplateRules::isKnownLanguage(QLatin1String(code)), code);
        for (const char *code : {"", "EN_us", "english", "en-US", "xx"})
            QVERIFY2(!TemplateRules::isKnownLanguage(QLatin1String(code)), code);
    }
};

QTEST_GUILESS_MAIN(TestTemplateRules)
#include "tst_template_rules.moc"
