// Template fill, send-time validation and rendering against Meta's documented examples.
#include "templates/TemplateFiller.h"
#include "templates/TemplateFixtures.h"
#include "templates/TemplateRenderer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace parley::core;
using parley::test::approvedFromCreate;
using parley::test::readTemplateFixture;

Q_DECLARE_METATYPE(parley::core::TemplateParam)

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(QByteArray(text), &error).object();
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in test: %s", qPrintable(error.errorString()));
    return o;
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

TemplateDefinition definition(const char *graphJson)
{
    return TemplateDefinition::fromGraphJson(json(graphJson));
}

// The 2023_april_promo template of Meta's list example (positional, text header, quick reply).
TemplateDefinition aprilPromo()
{
    const QJsonArray data = readTemplateFixture(QStringLiteral("list_page.json"))
                                .value(QLatin1String("response"))
                                .toObject()
                                .value(QLatin1String("data"))
                                .toArray();
    for (const QJsonValue &v : data) {
        if (v.toObject().value(QLatin1String("name")).toString()
            == QLatin1String("2023_april_promo"))
            return TemplateDefinition::fromGraphJson(v.toObject());
    }
    return {};
}

TemplateDefinition namedOrder()
{
    return approvedFromCreate(
        readTemplateFixture(QStringLiteral("create/named_order_confirmation.json"))
            .value(QLatin1String("request"))
            .toObject(),
        QStringLiteral("1001"));
}

TemplateDefinition createFixture(const QString &file)
{
    return approvedFromCreate(readTemplateFixture(QStringLiteral("create/") + file)
                                  .value(QLatin1String("request"))
                                  .toObject(),
        QStringLiteral("2002"));
}

QList<TemplateIssue::Code> codes(const TemplateFill &fill)
{
    QList<TemplateIssue::Code> out;
    for (const TemplateIssue &i : fill.issues)
        out.append(i.code);
    return out;
}

TemplateParam media(TemplateVariableKind kind, const QString &id, const QString &link = {})
{
    TemplateParam p;
    p.slot = TemplateSlot::Header;
    p.kind = kind;
    p.mediaId = id;
    p.mediaLink = link;
    return p;
}

} // namespace

class TestTemplateFill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void positionalBody()
    {
        const TemplateDefinition d = aprilPromo();
        QCOMPARE(d.name, QStringLiteral("2023_april_promo"));
        const TemplateFill fill = fillTemplate(d,
            {TemplateParam::bodyText({}, QStringLiteral("Mark")),
                TemplateParam::bodyText({}, QStringLiteral("FALL25"))});
        QVERIFY2(fill.ok(), qPrintable(fill.errorText()));
        QCOMPARE(compact(fill.templateObject),
            compact(json(R"({"name":"2023_april_promo","language":{"code":"en_US"},
                "components":[{"type":"body","parameters":[{"type":"text","text":"Mark"},
                {"type":"text","text":"FALL25"}]}]})")));

        // By position name, in any order: the same object.
        const TemplateFill byName = fillTemplate(d,
            {TemplateParam::bodyText(QStringLiteral("2"), QStringLiteral("FALL25")),
                TemplateParam::bodyText(QStringLiteral("1"), QStringLiteral("Mark"))});
        QVERIFY(byName.ok());
        QCOMPARE(compact(byName.templateObject), compact(fill.templateObject));
    }

    void renderPositional()
    {
        const RenderedTemplate r = renderTemplate(aprilPromo(),
            {TemplateParam::bodyText({}, QStringLiteral("Mark")),
                TemplateParam::bodyText({}, QStringLiteral("FALL25"))});
        QCOMPARE(r.toText(),
            QStringLiteral("Fall Sale\n\nHi Mark, our Fall Sale is on! Use promo code FALL25 Get "
                           "an extra 25% off every order above $350!\n\nNot interested in any of "
                           "our sales? Tap Stop Promotions\n\n[ Stop promotions ]"));
        QVERIFY(r.unfilled.isEmpty());

        const RenderedTemplate half
            = renderTemplate(aprilPromo(), {TemplateParam::bodyText({}, QStringLiteral("Mark"))});
        QVERIFY(half.body.contains(QLatin1String("promo code {{2}} Get")));
        QCOMPARE(half.unfilled, QStringList{QStringLiteral("2")});
    }

    void namedTemplate()
    {
        const TemplateDefinition d = namedOrder();
        QVERIFY(d.namedParameters);
        TemplateParam header
            = TemplateParam::headerText(QStringLiteral("order_id"), QStringLiteral("335628"));
        const TemplateFill fill = fillTemplate(d,
            {header, TemplateParam::bodyText(QStringLiteral("first_name"), QStringLiteral("Pablo")),
                TemplateParam::button(
                    0, TemplateVariableKind::Payload, QStringLiteral("stop-promos")),
                TemplateParam::button(1, TemplateVariableKind::UrlSuffix, QStringLiteral("123"))});
        QVERIFY2(fill.ok(), qPrintable(fill.errorText()));
        QCOMPARE(compact(fill.templateObject),
            compact(json(R"({"name":"order_confirmation","language":{"code":"en_US"},
                "components":[
                 {"type":"header","parameters":[{"type":"text","text":"335628","parameter_name":"order_id"}]},
                 {"type":"body","parameters":[{"type":"text","text":"Pablo","parameter_name":"first_name"}]},
                 {"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"stop-promos"}]},
                 {"type":"button","sub_type":"url","index":"1","parameters":[{"type":"text","text":"123"}]}]})")));
        const RenderedTemplate r = renderTemplate(d,
            {header, TemplateParam::bodyText(QStringLiteral("first_name"), QStringLiteral("Pablo")),
                TemplateParam::button(1, TemplateVariableKind::UrlSuffix, QStringLiteral("123"))});
        QCOMPARE(r.toText(),
            QStringLiteral(
                "Order 335628\n\nThank you, Pablo!\n\nLucky Shrub\n\n[ Stop ]\n[ Track ] "
                "-> https://x.com/track/123"));
    }

    void namedTemplateNeedsNames()
    {
        // A named template does not take values by position.
        const TemplateFill fill = fillTemplate(namedOrder(),
            {TemplateParam::headerText({}, QStringLiteral("335628")),
                TemplateParam::bodyText({}, QStringLiteral("Pablo")),
                TemplateParam::button(1, TemplateVariableKind::UrlSuffix, QStringLiteral("1"))});
        QVERIFY(codes(fill).contains(TemplateIssue::Code::MissingParameter));
        QVERIFY(codes(fill).contains(TemplateIssue::Code::ExtraParameter));
        QVERIFY(
            fill.errorText().contains(QLatin1String("body variable {{first_name}} has no value")));
    }

    void variablesForTheFillForm()
    {
        const QList<TemplateVariable> vars = namedOrder().variables();
        QStringList keys;
        for (const TemplateVariable &v : vars)
            keys.append(v.key());
        QCOMPARE(keys,
            (QStringList{QStringLiteral("header.order_id"), QStringLiteral("first_name"),
                QStringLiteral("button.0"), QStringLiteral("button.1")}));
        QCOMPARE(vars.at(0).example, QStringLiteral("335628"));
        QCOMPARE(vars.at(1).example, QStringLiteral("Pablo"));
        QCOMPARE(vars.at(2).kind, TemplateVariableKind::Payload);
        QVERIFY(!vars.at(2).required);
        QCOMPARE(vars.at(3).kind, TemplateVariableKind::UrlSuffix);
        QVERIFY(vars.at(3).required);
        QCOMPARE(vars.at(3).example, QStringLiteral("123")); // the suffix, not the whole URL

        const QList<TemplateVariable> image
            = createFixture(QStringLiteral("image_header_phone_url.json")).variables();
        QCOMPARE(image.first().kind, TemplateVariableKind::Image);
        QCOMPARE(image.first().key(), QStringLiteral("header"));
        QCOMPARE(image.at(2).example, QStringLiteral("Tuscan Getaway package"));
        QCOMPARE(image.at(3).example, QStringLiteral("800"));
        QCOMPARE(image.last().key(), QStringLiteral("button.1"));
        QCOMPARE(image.last().example, QStringLiteral("summer2023"));
    }

    void headerKinds_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<TemplateParam>("param");
        QTest::addColumn<QString>("expected");
        QTest::newRow("image id") << "IMAGE" << media(TemplateVariableKind::Image, "4490709327")
                                  << R"({"type":"image","image":{"id":"4490709327"}})";
        QTest::newRow("image link")
            << "IMAGE" << media(TemplateVariableKind::Image, {}, "https://example.com/a.jpg")
            << R"({"type":"image","image":{"link":"https://example.com/a.jpg"}})";
        QTest::newRow("video") << "VIDEO" << media(TemplateVariableKind::Video, "77")
                               << R"({"type":"video","video":{"id":"77"}})";
        TemplateParam document = media(TemplateVariableKind::Document, {}, "https://x.io/r.pdf");
        document.filename = QStringLiteral("receipt.pdf");
        QTest::newRow("document")
            << "DOCUMENT" << document
            << R"({"type":"document","document":{"link":"https://x.io/r.pdf","filename":"receipt.pdf"}})";
        TemplateParam location;
        location.slot = TemplateSlot::Header;
        location.kind = TemplateVariableKind::Location;
        location.latitude = 37.483307;
        location.longitude = -122.148981;
        location.locationName = QStringLiteral("Pablo Morales");
        location.locationAddress = QStringLiteral("1 Hacker Way, Menlo Park, CA 94025");
        QTest::newRow("location")
            << "LOCATION" << location
            << R"({"type":"location","location":{"latitude":"37.483307","longitude":"-122.148981","name":"Pablo Morales","address":"1 Hacker Way, Menlo Park, CA 94025"}})";
        // "header=VALUE" from the command line arrives as text and is read as the header's kind.
        QTest::newRow("text read as image id")
            << "IMAGE" << TemplateParam::headerText({}, QStringLiteral("123456"))
            << R"({"type":"image","image":{"id":"123456"}})";
    }

    void headerKinds()
    {
        QFETCH(QString, format);
        QFETCH(TemplateParam, param);
        QFETCH(QString, expected);
        TemplateDefinition d = definition(R"({"id":"9","name":"receipt","language":"en_US",
            "status":"APPROVED","components":[{"type":"BODY","text":"Your receipt is above."}]})");
        d.headerFormat = format;
        const TemplateFill fill = fillTemplate(d, {param});
        QVERIFY2(fill.ok(), qPrintable(fill.errorText()));
        const QJsonObject header
            = fill.templateObject.value(QLatin1String("components")).toArray().first().toObject();
        QCOMPARE(header.value(QLatin1String("type")).toString(), QStringLiteral("header"));
        QCOMPARE(compact(header.value(QLatin1String("parameters")).toArray().first().toObject()),
            compact(json(expected.toUtf8().constData())));
    }

    void headerProblems()
    {
        TemplateDefinition d = createFixture(QStringLiteral("image_header_phone_url.json"));
        const QList<TemplateParam> body{TemplateParam::bodyText({}, QStringLiteral("Mark")),
            TemplateParam::bodyText({}, QStringLiteral("Tuscan Getaway package")),
            TemplateParam::bodyText({}, QStringLiteral("800")),
            TemplateParam::button(
                1, TemplateVariableKind::UrlSuffix, QStringLiteral("summer2023"))};

        TemplateFill fill = fillTemplate(d, body);
        QCOMPARE(codes(fill), QList{TemplateIssue::Code::MissingParameter});
        QCOMPARE(fill.issues.first().component, QStringLiteral("header"));
        QVERIFY(fill.issues.first().message.contains(QLatin1String("IMAGE header needs")));

        fill = fillTemplate(d, body + QList{media(TemplateVariableKind::Video, "77")});
        QCOMPARE(codes(fill), QList{TemplateIssue::Code::WrongHeaderKind});
        QCOMPARE(fill.issues.first().message,
            QStringLiteral("the header is IMAGE; it takes image, not video"));
        QCOMPARE(fill.issues.first().metaErrorCode, 132012);

        fill = fillTemplate(
            d, body + QList{media(TemplateVariableKind::Image, {}, "ftp://x/y.jpg")});
        QCOMPARE(codes(fill), QList{TemplateIssue::Code::InvalidValue});

        fill
            = fillTemplate(d, body + QList{media(TemplateVariableKind::Image, "1", "https://x/y")});
        QCOMPARE(codes(fill), QList{TemplateIssue::Code::InvalidValue});

        // A text header given media, and a header value for a template without header.
        fill = fillTemplate(aprilPromo(),
            {media(TemplateVariableKind::Image, "5"), TemplateParam::bodyText({}, "a"),
                TemplateParam::bodyText({}, "b")});
        QCOMPARE(codes(fill), QList{TemplateIssue::Code::ExtraParameter});
        fill = fillTemplate(namedOrder(),
            {TemplateParam::headerText(QStringLiteral("order_id"), {}),
                TemplateParam::bodyText(QStringLiteral("first_name"), QStringLiteral("P")),
                TemplateParam::button(1, TemplateVariableKind::UrlSuffix, QStringLiteral("1"))});
        QCOMPARE(codes(fill), QList{TemplateIssue::Code::EmptyParameter});
        QCOMPARE(fill.issues.first().parameter, QStringLiteral("header.order_id"));
    }

    void localFileIsPendingUpload()
    {
        TemplateDefinition d = createFixture(QStringLiteral("document_header_phone_url.json"));
        TemplateParam file;
        QString error;
        QVERIFY(TemplateParam::parse(
            QStringLiteral("header:document=/tmp/receipt 7.pdf|receipt.pdf"), &file, &error));
        QCOMPARE(file.localFile, QStringLiteral("/tmp/receipt 7.pdf"));
        const TemplateFill fill = fillTemplate(
            d, {file, TemplateParam::bodyText({}, "Mark"), TemplateParam::bodyText({}, "8601")});
        QCOMPARE(codes(fill), QList{TemplateIssue::Code::PendingUpload});
        QCOMPARE(fill.pendingUploads.size(), 1);
        QCOMPARE(fill.pendingUploads.first().filename, QStringLiteral("receipt.pdf"));
        QVERIFY(!fill.ok());

        // After the upload the caller fills again with the media id.
        TemplateParam uploaded = fill.pendingUploads.first();
        uploaded.localFile.clear();
        uploaded.mediaId = QStringLiteral("55501");
        const TemplateFill sent = fillTemplate(d,
            {uploaded, TemplateParam::bodyText({}, "Mark"), TemplateParam::bodyText({}, "8601")});
        QVERIFY2(sent.ok(), qPrintable(sent.errorText()));
        QVERIFY(
            compact(sent.templateObject)
                .contains(QLatin1String(
                    R"({"document":{"filename":"receipt.pdf","id":"55501"},"type":"document"})")));
    }

    void bodyCurrencyAndDateTime()
    {
        const TemplateDefinition d = definition(R"({"id":"3","name":"payment_due",
            "language":"en_US","status":"APPROVED","components":[{"type":"BODY",
            "text":"Hi {{1}}, {{2}} is due on {{3}}."}]})");
        QList<TemplateParam> params;
        QString error;
        for (const char *arg :
            {"1=John Doe", "2:currency=USD 100990 $100.99", "3:date_time=February 25, 1977"}) {
            TemplateParam p;
            QVERIFY2(TemplateParam::parse(QLatin1String(arg), &p, &error), qPrintable(error));
            params.append(p);
        }
        const TemplateFill fill = fillTemplate(d, params);
        QVERIFY2(fill.ok(), qPrintable(fill.errorText()));
        QCOMPARE(compact(fill.templateObject.value(QLatin1String("components"))
                             .toArray()
                             .first()
                             .toObject()),
            compact(json(R"({"type":"body","parameters":[{"type":"text","text":"John Doe"},
                {"type":"currency","currency":{"fallback_value":"$100.99","code":"USD","amount_1000":100990}},
                {"type":"date_time","date_time":{"fallback_value":"February 25, 1977"}}]})")));
        QCOMPARE(renderTemplate(d, params).body,
            QStringLiteral("Hi John Doe, $100.99 is due on February 25, 1977."));

        params[1].currencyCode = QStringLiteral("dollars");
        QCOMPARE(codes(fillTemplate(d, params)), QList{TemplateIssue::Code::InvalidValue});
        params[1].currencyCode = QStringLiteral("USD");
        params[2].text.clear();
        QCOMPARE(codes(fillTemplate(d, params)), QList{TemplateIssue::Code::EmptyParameter});
        // Location is no body kind.
        params[2] = TemplateParam{};
        params[2].name = QStringLiteral("3");
        params[2].kind = TemplateVariableKind::Location;
        QCOMPARE(codes(fillTemplate(d, params)), QList{TemplateIssue::Code::WrongParameterKind});
    }

    void missingExtraEmpty()
    {
        const TemplateDefinition d = aprilPromo();
        TemplateFill fill = fillTemplate(d, {TemplateParam::bodyText({}, QStringLiteral("Mark"))});
        QCOMPARE(codes(fill), QList{TemplateIssue::Code::MissingParameter});
        QCOMPARE(fill.issues.first().message, QStringLiteral("body variable {{2}} has no value"));
        QCOMPARE(fill.issues.first().metaErrorCode, 132000);

        fill = fillTemplate(d,
            {TemplateParam::bodyText({}, "a"), TemplateParam::bodyText({}, "b"),
                TemplateParam::bodyText({}, "c")});
        QCOMPARE(codes(fill), QList{TemplateIssue::Code::ExtraParameter});
        QCOMPARE(fill.issues.first().message,
            QStringLiteral("one value too many for the body; it has {{1}}, {{2}}"));

        fill = fillTemplate(d,
            {TemplateParam::bodyText("1", "a"), TemplateParam::bodyText("2", "b"),
                TemplateParam::bodyText("name", "c")});
        QCOMPARE(fill.issues.first().message,
            QStringLiteral("the body has no variable {{name}}; it has {{1}}, {{2}}"));

        fill = fillTemplate(d,
            {TemplateParam::bodyText("1", "a"), TemplateParam::bodyText("1", "b"),
                TemplateParam::bodyText("2", "c")});
        QCOMPARE(codes(fill), QList{TemplateIssue::Code::ExtraParameter});
        QVERIFY(fill.issues.first().message.contains(QLatin1String("more than once")));

        fill = fillTemplate(
            d, {TemplateParam::bodyText("1", "  "), TemplateParam::bodyText("2", "b")});
        QCOMPARE(codes(fill), QList{TemplateIssue::Code::EmptyParameter});
        QCOMPARE(fill.issues.first().parameter, QStringLiteral("1"));

        fill = fillTemplate(d,
            {TemplateParam::bodyText("1", "a"), TemplateParam::bodyText("2", "b"),
                TemplateParam::button(4, TemplateVariableKind::Payload, "x")});
        QCOMPARE(codes(fill), QList{TemplateIssue::Code::ExtraParameter});
        QCOMPARE(fill.issues.first().message,
            QStringLiteral("the template has 1 button(s); there is no button 4"));
    }

    void buttons()
    {
        // Copy code and flow (Meta's send shapes, FACTS §5.4).
        const TemplateDefinition d = definition(
            "{\"id\":\"4\",\"name\":\"offer\",\"language\":\"en_US\",\"status\":\"APPROVED\","
            "\"category\":\"MARKETING\",\"components\":[{\"type\":\"BODY\",\"text\":\"Use the"
            " code below, {{1}}.\"},{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"COPY_CODE\""
            ",\"example\":\"25OFF\"},{\"type\":\"FLOW\",\"text\":\"Open\",\"flow_id\":\"1\",\""
            "flow_action\":\"navigate\"},{\"type\":\"URL\",\"text\":\"Shop\",\"url\":\"https:"
            "//shop.example/p?promo={{1}}\",\"example\":[\"https://shop.example/p?promo=x\"]}"
            ",{\"type\":\"URL\",\"text\":\"Help\",\"url\":\"https://shop.example/help\"},{\"t"
            "ype\":\"PHONE_NUMBER\",\"text\":\"Call\",\"phone_number\":\"16467043595\"}]}]}");
        TemplateParam flow = TemplateParam::button(1, TemplateVariableKind::Flow, {});
        flow.flowToken = QStringLiteral("tok-1");
        flow.flowActionData = QJsonObject{{QStringLiteral("product"), QStringLiteral("p1")}};
        QList<TemplateParam> params{TemplateParam::bodyText({}, "Ann"),
            TemplateParam::button(0, TemplateVariableKind::Coupon, "25OFF"), flow,
            TemplateParam::button(2, TemplateVariableKind::UrlSuffix, "summer 2023/ü&x")};
        TemplateFill fill = fillTemplate(d, params);
        QVERIFY2(fill.ok(), qPrintable(fill.errorText()));
        const QJsonArray components
            = fill.templateObject.value(QLatin1String("components")).toArray();
        QCOMPARE(components.size(), 4);
        QCOMPARE(compact(components.at(1).toObject()),
            compact(json(R"({"type":"button","sub_type":"copy_code","index":"0",
                "parameters":[{"type":"coupon_code","coupon_code":"25OFF"}]})")));
        QCOMPARE(compact(components.at(2).toObject()),
            compact(json(R"({"type":"button","sub_type":"flow","index":"1",
                "parameters":[{"type":"action","action":{"flow_token":"tok-1","flow_action_data":{"product":"p1"}}}]})")));
        QCOMPARE(compact(components.at(3).toObject()),
            compact(json(R"({"type":"button","sub_type":"url","index":"2",
                "parameters":[{"type":"text","text":"summer%202023/%C3%BC%26x"}]})")));
        const RenderedTemplate r = renderTemplate(d, params);
        QCOMPARE(r.buttons.at(0).target, QStringLiteral("25OFF"));
        QCOMPARE(r.buttons.at(2).target,
            QStringLiteral("https://shop.example/p?promo=summer%202023/%C3%BC%26x"));
        QCOMPARE(r.buttons.at(4).target, QStringLiteral("16467043595"));

        // URL button without its suffix; a suffix for the fixed URL; the phone button takes none.
        params.removeLast();
        params.append(TemplateParam::button(3, TemplateVariableKind::UrlSuffix, "x"));
        params.append(TemplateParam::button(4, TemplateVariableKind::Text, "x"));
        fill = fillTemplate(d, params);
        QCOMPARE(codes(fill),
            (QList{TemplateIssue::Code::MissingUrlSuffix, TemplateIssue::Code::ExtraParameter,
                TemplateIssue::Code::ExtraParameter}));
        QCOMPARE(fill.issues.at(0).component, QStringLiteral("button 2 (URL \"Shop\")"));
        QCOMPARE(fill.issues.at(0).message,
            QStringLiteral("button 2 (URL \"Shop\") needs its URL suffix for "
                           "https://shop.example/p?promo={{1}}"));

        // Copy code: missing, too long, wrong kind.
        params = {TemplateParam::bodyText({}, "Ann"),
            TemplateParam::button(2, TemplateVariableKind::UrlSuffix, "s")};
        QCOMPARE(codes(fillTemplate(d, params)), QList{TemplateIssue::Code::MissingParameter});
        params.append(TemplateParam::button(0, TemplateVariableKind::Coupon, "0123456789ABCDEF"));
        QCOMPARE(codes(fillTemplate(d, params)), QList{TemplateIssue::Code::TextTooLong});
        params.last() = TemplateParam::button(0, TemplateVariableKind::Payload, "x");
        QCOMPARE(codes(fillTemplate(d, params)), QList{TemplateIssue::Code::WrongParameterKind});
    }

    void authenticationCodeGoesToTheButtonToo()
    {
        // As Meta lists an authentication template: the body text is Meta's fixed one.
        const TemplateDefinition d
            = definition(R"({"id":"5","name":"authentication_code_copy_code_button",
            "language":"en_US","status":"APPROVED","category":"AUTHENTICATION","components":[
            {"type":"BODY","text":"*{{1}}* is your verification code. For your security, do not share this code.","add_security_recommendation":true},
            {"type":"FOOTER","text":"This code expires in 10 minutes.","code_expiration_minutes":10},
            {"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE","text":"Copy Code"}]}]})");
        const TemplateFill fill = fillTemplate(d, {TemplateParam::bodyText({}, "J$FpnYnP")});
        QVERIFY2(fill.ok(), qPrintable(fill.errorText()));
        QCOMPARE(compact(fill.templateObject),
            compact(
                json(R"({"name":"authentication_code_copy_code_button","language":{"code":"en_US"},
                "components":[{"type":"body","parameters":[{"type":"text","text":"J$FpnYnP"}]},
                {"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"J%24FpnYnP"}]}]})")));
        QCOMPARE(renderTemplate(d, {TemplateParam::bodyText({}, "J$FpnYnP")}).toText(),
            QStringLiteral("*J$FpnYnP* is your verification code. For your security, do not share "
                           "this code.\n\nThis code expires in 10 minutes.\n\n[ Copy Code ]"));
        QCOMPARE(codes(fillTemplate(d, {})),
            (QList{TemplateIssue::Code::MissingParameter, TemplateIssue::Code::MissingParameter}));
    }

    void hydratedTextTooLong()
    {
        const TemplateDefinition d = aprilPromo();
        const QString longName(1000, QLatin1Char('x'));
        TemplateFill fill = fillTemplate(
            d, {TemplateParam::bodyText({}, longName), TemplateParam::bodyText({}, "FALL25")});
        QCOMPARE(codes(fill), QList{TemplateIssue::Code::TextTooLong});
        QCOMPARE(fill.issues.first().metaErrorCode, 132005);
        QCOMPARE(fill.issues.first().component, QStringLiteral("body"));
        QVERIFY(fill.issues.first().message.endsWith(QLatin1String("the limit is 1024")));

        fill = fillTemplate(namedOrder(),
            {TemplateParam::headerText("order_id", QString(60, QLatin1Char('9'))),
                TemplateParam::bodyText("first_name", "P"),
                TemplateParam::button(1, TemplateVariableKind::UrlSuffix, "1")});
        QCOMPARE(codes(fill), QList{TemplateIssue::Code::TextTooLong});
        QCOMPARE(fill.issues.first().component, QStringLiteral("header"));
    }

    void notApproved_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("meta");
        QTest::newRow("paused") << "PAUSED"
                                << "template \"2023_april_promo\" (en_US) is PAUSED because of low "
                                   "quality; Meta refuses it (132015) until it is unpaused"
                                << 132015;
        QTest::newRow("disabled") << "DISABLED"
                                  << "template \"2023_april_promo\" (en_US) is DISABLED after "
                                     "repeated low-quality pauses; Meta refuses it (132016)"
                                  << 132016;
        QTest::newRow("pending") << "PENDING"
                                 << "template \"2023_april_promo\" (en_US) is PENDING review; it "
                                    "can be sent once Meta approves it"
                                 << 132001;
        QTest::newRow("rejected") << "REJECTED"
                                  << "template \"2023_april_promo\" (en_US) was REJECTED "
                                     "(INVALID_FORMAT); edit it and submit it again"
                                  << 132001;
        QTest::newRow("archived") << "ARCHIVED"
                                  << "template \"2023_april_promo\" (en_US) is ARCHIVED; only "
                                     "APPROVED templates can be sent"
                                  << 132001;
    }

    void notApproved()
    {
        QFETCH(QString, status);
        QFETCH(QString, message);
        QFETCH(int, meta);
        TemplateDefinition d = aprilPromo();
        d.status = status;
        d.rejectedReason = QStringLiteral("INVALID_FORMAT");
        const TemplateFill fill
            = fillTemplate(d, {TemplateParam::bodyText({}, "a"), TemplateParam::bodyText({}, "b")});
        QCOMPARE(codes(fill), QList{TemplateIssue::Code::NotApproved});
        QCOMPARE(fill.issues.first().message, message);
        QCOMPARE(fill.issues.first().metaErrorCode, meta);
    }

    void unsupportedComponentsAreRefused()
    {
        TemplateDefinition d = aprilPromo();
        d.components.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("CAROUSEL")},
            {QStringLiteral("cards"), QJsonArray{}}});
        const TemplateFill fill
            = fillTemplate(d, {TemplateParam::bodyText({}, "a"), TemplateParam::bodyText({}, "b")});
        QCOMPARE(codes(fill), QList{TemplateIssue::Code::UnsupportedComponent});
        QCOMPARE(fill.issues.first().component, QStringLiteral("carousel"));
    }

    void formattingMarkersPreserved()
    {
        const TemplateDefinition d = definition(R"({"id":"6","name":"fmt","language":"en",
            "status":"APPROVED","components":[{"type":"BODY",
            "text":"*Hello* {{1}}, _your_ ~old~ order ```A-1``` is ready.\nSee you!"}]})");
        const RenderedTemplate r = renderTemplate(d, {TemplateParam::bodyText({}, "*Mr. Jones*")});
        QCOMPARE(r.body,
            QStringLiteral(
                "*Hello* *Mr. Jones*, _your_ ~old~ order ```A-1``` is ready.\nSee you!"));
    }

    void everyMetaExampleFillsWithItsOwnExamples_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &f : parley::test::createFixtureNames())
            QTest::newRow(qPrintable(f)) << f;
    }

    void everyMetaExampleFillsWithItsOwnExamples()
    {
        QFETCH(QString, file);
        const TemplateDefinition d = createFixture(file);
        QList<TemplateParam> params;
        // Every variable, optional ones too (an authentication template as created has no body
        // text, so its OTP button needs the code given directly).
        for (const TemplateVariable &v : d.variables()) {
            TemplateParam p;
            p.slot = v.slot;
            p.name = v.name;
            p.buttonIndex = v.buttonIndex;
            p.kind = v.kind;
            switch (v.kind) {
            case TemplateVariableKind::Image:
            case TemplateVariableKind::Video:
            case TemplateVariableKind::Document: p.mediaId = QStringLiteral("1234"); break;
            case TemplateVariableKind::Location:
                p.latitude = 1;
                p.longitude = 2;
                break;
            default: p.text = v.example.isEmpty() ? QStringLiteral("sample") : v.example; break;
            }
            params.append(p);
        }
        const TemplateFill fill = fillTemplate(d, params);
        if (file == QLatin1String("multi_product.json")) {
            QCOMPARE(codes(fill), QList{TemplateIssue::Code::UnsupportedComponent});
            return;
        }
        QVERIFY2(fill.ok(), qPrintable(fill.errorText()));
        const RenderedTemplate r = renderTemplate(d, params);
        QVERIFY2(r.unfilled.isEmpty(), qPrintable(r.unfilled.join(u',')));
        QVERIFY(!r.toText().contains(QLatin1String("{{")));
    }

    void parseArguments()
    {
        TemplateParam p;
        QString error;
        QVERIFY(TemplateParam::parse(QStringLiteral("first_name=Pablo = P"), &p, &error));
        QCOMPARE(p.slot, TemplateSlot::Body);
        QCOMPARE(p.name, QStringLiteral("first_name"));
        QCOMPARE(p.text, QStringLiteral("Pablo = P"));
        QVERIFY(TemplateParam::parse(QStringLiteral("header.order_id=1"), &p, &error));
        QCOMPARE(p.slot, TemplateSlot::Header);
        QCOMPARE(p.name, QStringLiteral("order_id"));
        QVERIFY(
            TemplateParam::parse(QStringLiteral("header:image=https://x.io/a.png"), &p, &error));
        QCOMPARE(p.mediaLink, QStringLiteral("https://x.io/a.png"));
        QVERIFY(TemplateParam::parse(
            QStringLiteral("header:location=1.5,-2.25,HQ,1 Way, Town"), &p, &error));
        QCOMPARE(p.latitude, 1.5);
        QCOMPARE(p.longitude, -2.25);
        QCOMPARE(p.locationAddress, QStringLiteral("1 Way, Town"));
        QVERIFY(TemplateParam::parse(QStringLiteral("button.2=order/1"), &p, &error));
        QCOMPARE(p.slot, TemplateSlot::Button);
        QCOMPARE(p.buttonIndex, 2);

        QVERIFY(!TemplateParam::parse(QStringLiteral("novalue"), &p, &error));
        QVERIFY(!TemplateParam::parse(QStringLiteral("2:currency=USD lots"), &p, &error));
        QVERIFY(error.contains(QLatin1String("CODE AMOUNT_1000 FALLBACK")));
        QVERIFY(!TemplateParam::parse(QStringLiteral("1:bogus=x"), &p, &error));
        QVERIFY(!TemplateParam::parse(QStringLiteral("button.x=1"), &p, &error));
        QVERIFY(!TemplateParam::parse(QStringLiteral("header:location=north"), &p, &error));
    }

    void encodeSuffix()
    {
        QCOMPARE(encodeUrlSuffix(QStringLiteral("order/123")), QStringLiteral("order/123"));
        QCOMPARE(encodeUrlSuffix(QStringLiteral("a b?c=d#e")), QStringLiteral("a%20b%3Fc%3Dd%23e"));
        QCOMPARE(
            encodeUrlSuffix(QStringLiteral("already%20done")), QStringLiteral("already%20done"));
        QCOMPARE(encodeUrlSuffix(QStringLiteral("100%")), QStringLiteral("100%25"));
    }
};

QTEST_GUILESS_MAIN(TestTemplateFill)
#include "tst_template_fill.moc"
