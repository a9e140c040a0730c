// Builders and local validation against every limit in FACTS.md §3, and E.164 normalization.
#include "outbox/MessageBuilder.h"
#include "outbox/PhoneNumber.h"

#include <QJsonArray>
#include <QTest>

using namespace parley::core;

namespace {

QJsonObject button(const QString &id, const QString &title)
{
    return {{QStringLiteral("type"), QStringLiteral("reply")},
        {QStringLiteral("reply"),
            QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("title"), title}}}};
}

QJsonObject buttons(const QJsonArray &list, const QString &body = QStringLiteral("Pick one"))
{
    return {{QStringLiteral("type"), QStringLiteral("button")},
        {QStringLiteral("body"), QJsonObject{{QStringLiteral("text"), body}}},
        {QStringLiteral("action"), QJsonObject{{QStringLiteral("buttons"), list}}}};
}

QJsonObject row(const QString &id, const QString &title, const QString &description = {})
{
    QJsonObject r{{QStringLiteral("id"), id}, {QStringLiteral("title"), title}};
    if (!description.isEmpty())
        r.insert(QStringLiteral("description"), description);
    return r;
}

QJsonObject list(const QJsonArray &sections, const QString &label = QStringLiteral("Choose"))
{
    return {{QStringLiteral("type"), QStringLiteral("list")},
        {QStringLiteral("body"), QJsonObject{{QStringLiteral("text"), QStringLiteral("Menu")}}},
        {QStringLiteral("action"),
            QJsonObject{
                {QStringLiteral("button"), label}, {QStringLiteral("sections"), sections}}}};
}

QJsonObject section(const QString &title, int rows, int offset = 0)
{
    QJsonArray r;
    for (int n = 0; n < rows; ++n)
        r.append(
            row(QStringLiteral("r%1").arg(offset + n), QStringLiteral("Row %1").arg(offset + n)));
    QJsonObject s{{QStringLiteral("rows"), r}};
    if (!title.isEmpty())
        s.insert(QStringLiteral("title"), title);
    return s;
}

QJsonObject cta(const QString &display, const QString &url)
{
    return {{QStringLiteral("type"), QStringLiteral("cta_url")},
        {QStringLiteral("body"), QJsonObject{{QStringLiteral("text"), QStringLiteral("Tickets")}}},
        {QStringLiteral("action"),
            QJsonObject{{QStringLiteral("name"), QStringLiteral("cta_url")},
                {QStringLiteral("parameters"),
                    QJsonObject{{QStringLiteral("display_text"), display},
                        {QStringLiteral("url"), url}}}}}};
}

} // namespace

class TestMessageBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void text()
    {
        auto ok = MessageBuilder::text(QString(4096, QLatin1Char('a')), true);
        QVERIFY2(ok.ok(), qPrintable(ok.error));
        QCOMPARE(ok.message.value(QLatin1String("type")).toString(), QStringLiteral("text"));
        QCOMPARE(ok.message.value(QLatin1String("text"))
                     .toObject()
                     .value(QLatin1String("preview_url"))
                     .toBool(),
            true);
        auto tooLong = MessageBuilder::text(QString(4097, QLatin1Char('a')));
        QCOMPARE(tooLong.error, QStringLiteral("text.body has 4097 characters; the limit is 4096"));
        QVERIFY(!MessageBuilder::text(QString()).ok());
        // Characters, not UTF-16 units: 4096 emoji are within the limit.
        QString emoji;
        for (int n = 0; n < 4096; ++n)
            emoji += QString::fromUtf8("\xF0\x9F\x98\x80");
        QVERIFY(MessageBuilder::text(emoji).ok());
        QVERIFY(!MessageBuilder::text(emoji + QLatin1Char('x')).ok());
    }

    void media()
    {
        using K = MessageBuilder::MediaKind;
        auto img = MessageBuilder::media(
            K::Image, QStringLiteral("1234"), QString(1024, QLatin1Char('c')));
        QVERIFY2(img.ok(), qPrintable(img.error));
        QCOMPARE(img.message.value(QLatin1String("image"))
                     .toObject()
                     .value(QLatin1String("id"))
                     .toString(),
            QStringLiteral("1234"));
        auto link
            = MessageBuilder::media(K::Video, QStringLiteral("https://example.com/v.mp4?x=1"));
        QCOMPARE(link.message.value(QLatin1String("video"))
                     .toObject()
                     .value(QLatin1String("link"))
                     .toString(),
            QStringLiteral("https://example.com/v.mp4?x=1"));
        QCOMPARE(
            MessageBuilder::media(K::Image, QStringLiteral("1"), QString(1025, QLatin1Char('c')))
                .error,
            QStringLiteral("image.caption has 1025 characters; the limit is 1024"));
        QCOMPARE(MessageBuilder::media(K::Audio, QStringLiteral("1"), QStringLiteral("hi")).error,
            QStringLiteral("audio messages have no caption"));
        QCOMPARE(MessageBuilder::media(K::Sticker, QStringLiteral("1"), QStringLiteral("hi")).error,
            QStringLiteral("sticker messages have no caption"));
        QVERIFY(MessageBuilder::media(
            K::Document, QStringLiteral("1"), QStringLiteral("c"), QStringLiteral("a.pdf"))
                    .ok());
        QCOMPARE(
            MessageBuilder::media(K::Image, QStringLiteral("1"), {}, QStringLiteral("a.png")).error,
            QStringLiteral("only documents have a filename"));
        QJsonObject both{{QStringLiteral("type"), QStringLiteral("image")},
            {QStringLiteral("image"),
                QJsonObject{{QStringLiteral("id"), QStringLiteral("1")},
                    {QStringLiteral("link"), QStringLiteral("https://x.y/z")}}}};
        QCOMPARE(MessageBuilder::validate(both),
            QStringLiteral("image needs exactly one of id or link"));
        QJsonObject badLink{{QStringLiteral("type"), QStringLiteral("image")},
            {QStringLiteral("image"),
                QJsonObject{{QStringLiteral("link"), QStringLiteral("ftp://x.y/z")}}}};
        QCOMPARE(
            MessageBuilder::validate(badLink), QStringLiteral("image.link must be an http(s) URL"));
    }

    void location()
    {
        auto ok = MessageBuilder::location(
            37.758056, -122.425332, QStringLiteral("META HQ"), QStringLiteral("1 Hacker Way"));
        QVERIFY(ok.ok());
        QCOMPARE(ok.message.value(QLatin1String("location"))
                     .toObject()
                     .value(QLatin1String("latitude"))
                     .toDouble(),
            37.758056);
        QCOMPARE(MessageBuilder::location(91, 0).error,
            QStringLiteral("location.latitude must be between -90 and 90"));
        QCOMPARE(MessageBuilder::location(0, -181).error,
            QStringLiteral("location.longitude must be between -180 and 180"));
        QJsonObject strings{{QStringLiteral("type"), QStringLiteral("location")},
            {QStringLiteral("location"),
                QJsonObject{{QStringLiteral("latitude"), QStringLiteral("1")},
                    {QStringLiteral("longitude"), 2}}}};
        QVERIFY(!MessageBuilder::validate(strings).isEmpty());
    }

    void contacts()
    {
        QJsonArray ok{QJsonObject{
            {QStringLiteral("name"),
                QJsonObject{{QStringLiteral("formatted_name"), QStringLiteral("John Smith")}}},
            {QStringLiteral("phones"),
                QJsonArray{
                    QJsonObject{{QStringLiteral("phone"), QStringLiteral("+1 (650) 555-1234")}}}}}};
        QVERIFY(MessageBuilder::contacts(ok).ok());
        QJsonArray noName{QJsonObject{{QStringLiteral("name"),
            QJsonObject{{QStringLiteral("first_name"), QStringLiteral("John")}}}}};
        QCOMPARE(MessageBuilder::contacts(noName).error,
            QStringLiteral("contacts[0].name.formatted_name is required"));
        QCOMPARE(MessageBuilder::contacts({}).error,
            QStringLiteral("contacts must be a non-empty array"));
    }

    void replyButtons()
    {
        QVERIFY(MessageBuilder::interactive(
            buttons({button(QStringLiteral("a"), QString(20, QLatin1Char('t')))}))
                    .ok());
        QVERIFY(
            MessageBuilder::interactive(buttons({button(QStringLiteral("a"), QStringLiteral("A")),
                                            button(QStringLiteral("b"), QStringLiteral("B")),
                                            button(QStringLiteral("c"), QStringLiteral("C"))}))
                .ok());
        QCOMPARE(
            MessageBuilder::interactive(buttons({button(QStringLiteral("a"), QStringLiteral("A")),
                                            button(QStringLiteral("b"), QStringLiteral("B")),
                                            button(QStringLiteral("c"), QStringLiteral("C")),
                                            button(QStringLiteral("d"), QStringLiteral("D"))}))
                .error,
            QStringLiteral("interactive.action.buttons has 4 buttons; 1 to 3 are allowed"));
        QCOMPARE(MessageBuilder::interactive(buttons({})).error,
            QStringLiteral("interactive.action.buttons has 0 buttons; 1 to 3 are allowed"));
        QCOMPARE(MessageBuilder::interactive(
                     buttons({button(QStringLiteral("a"), QString(21, QLatin1Char('t')))}))
                     .error,
            QStringLiteral(
                "interactive.action.buttons[0].reply.title has 21 characters; the limit is 20"));
        QCOMPARE(MessageBuilder::interactive(
                     buttons({button(QString(257, QLatin1Char('i')), QStringLiteral("A"))}))
                     .error,
            QStringLiteral(
                "interactive.action.buttons[0].reply.id has 257 characters; the limit is 256"));
        QVERIFY(MessageBuilder::interactive(
            buttons({button(QString(256, QLatin1Char('i')), QStringLiteral("A"))}))
                    .ok());
        QCOMPARE(MessageBuilder::interactive(
                     buttons({button(QStringLiteral("a"), QStringLiteral("Same")),
                         button(QStringLiteral("b"), QStringLiteral("Same"))}))
                     .error,
            QStringLiteral("interactive.action.buttons[1].reply.title \"Same\" is not unique"));
        QCOMPARE(
            MessageBuilder::interactive(buttons({button(QStringLiteral("a"), QStringLiteral("A"))},
                                            QString(1025, QLatin1Char('b'))))
                .error,
            QStringLiteral("interactive.body.text has 1025 characters; the limit is 1024"));
        auto withFooter = buttons({button(QStringLiteral("a"), QStringLiteral("A"))});
        withFooter.insert(QStringLiteral("footer"),
            QJsonObject{{QStringLiteral("text"), QString(61, QLatin1Char('f'))}});
        QCOMPARE(MessageBuilder::interactive(withFooter).error,
            QStringLiteral("interactive.footer.text has 61 characters; the limit is 60"));
        auto withHeader = buttons({button(QStringLiteral("a"), QStringLiteral("A"))});
        withHeader.insert(QStringLiteral("header"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                {QStringLiteral("text"), QString(61, QLatin1Char('h'))}});
        QCOMPARE(MessageBuilder::interactive(withHeader).error,
            QStringLiteral("interactive.header.text has 61 characters; the limit is 60"));
        withHeader.insert(QStringLiteral("header"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("image")},
                {QStringLiteral("image"),
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("9")}}}});
        QVERIFY(MessageBuilder::interactive(withHeader).ok());
    }

    void lists()
    {
        QVERIFY(MessageBuilder::interactive(list({section({}, 10)})).ok());
        QCOMPARE(MessageBuilder::interactive(
                     list({section(QStringLiteral("A"), 6), section(QStringLiteral("B"), 5, 6)}))
                     .error,
            QStringLiteral("the list has 11 rows in total; the limit is 10"));
        QCOMPARE(
            MessageBuilder::interactive(list({section(QStringLiteral("A"), 1), section({}, 1, 1)}))
                .error,
            QStringLiteral("interactive.action.sections[1].title is required"));
        QJsonArray eleven;
        for (int n = 0; n < 11; ++n)
            eleven.append(section(QStringLiteral("S%1").arg(n), 1, n));
        QCOMPARE(MessageBuilder::interactive(list(eleven)).error,
            QStringLiteral("interactive.action.sections has 11 sections; 1 to 10 are allowed"));
        QCOMPARE(MessageBuilder::interactive(list({section({}, 1)}, QString(21, QLatin1Char('l'))))
                     .error,
            QStringLiteral("interactive.action.button has 21 characters; the limit is 20"));
        QCOMPARE(
            MessageBuilder::interactive(list({section(QString(25, QLatin1Char('s')), 1)})).error,
            QStringLiteral(
                "interactive.action.sections[0].title has 25 characters; the limit is 24"));
        QJsonObject s{{QStringLiteral("rows"),
            QJsonArray{row(QStringLiteral("x"), QString(25, QLatin1Char('t')))}}};
        QCOMPARE(MessageBuilder::interactive(list({s})).error,
            QStringLiteral(
                "interactive.action.sections[0].rows[0].title has 25 characters; the limit is 24"));
        s = {{QStringLiteral("rows"),
            QJsonArray{
                row(QStringLiteral("x"), QStringLiteral("t"), QString(73, QLatin1Char('d')))}}};
        QCOMPARE(MessageBuilder::interactive(list({s})).error,
            QStringLiteral("interactive.action.sections[0].rows[0].description has 73 characters; "
                           "the limit is 72"));
        s = {{QStringLiteral("rows"),
            QJsonArray{row(QString(201, QLatin1Char('i')), QStringLiteral("t"))}}};
        QCOMPARE(MessageBuilder::interactive(list({s})).error,
            QStringLiteral(
                "interactive.action.sections[0].rows[0].id has 201 characters; the limit is 200"));
        auto l = list({section({}, 1)});
        l.insert(QStringLiteral("header"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("image")},
                {QStringLiteral("image"),
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("1")}}}});
        QCOMPARE(MessageBuilder::interactive(l).error,
            QStringLiteral("interactive.header must be of type text for this message"));
        l = list({section({}, 1)});
        l.insert(QStringLiteral("body"),
            QJsonObject{{QStringLiteral("text"), QString(4096, QLatin1Char('b'))}});
        QVERIFY(MessageBuilder::interactive(l).ok());
        l.insert(QStringLiteral("body"),
            QJsonObject{{QStringLiteral("text"), QString(4097, QLatin1Char('b'))}});
        QCOMPARE(MessageBuilder::interactive(l).error,
            QStringLiteral("interactive.body.text has 4097 characters; the limit is 4096"));
    }

    void ctaUrlFlowAndLocationRequest()
    {
        QVERIFY(MessageBuilder::interactive(
            cta(QStringLiteral("See dates"), QStringLiteral("https://example.com/x")))
                    .ok());
        QCOMPARE(MessageBuilder::interactive(
                     cta(QString(21, QLatin1Char('d')), QStringLiteral("https://example.com")))
                     .error,
            QStringLiteral(
                "interactive.action.parameters.display_text has 21 characters; the limit is 20"));
        QCOMPARE(MessageBuilder::interactive(cta(QStringLiteral("Go"), QStringLiteral("not a url")))
                     .error,
            QStringLiteral("interactive.action.parameters.url must be an http(s) URL"));
        QJsonObject lr{{QStringLiteral("type"), QStringLiteral("location_request_message")},
            {QStringLiteral("body"),
                QJsonObject{{QStringLiteral("text"), QStringLiteral("Where are you?")}}},
            {QStringLiteral("action"),
                QJsonObject{{QStringLiteral("name"), QStringLiteral("send_location")}}}};
        QVERIFY(MessageBuilder::interactive(lr).ok());
        lr.insert(QStringLiteral("action"),
            QJsonObject{{QStringLiteral("name"), QStringLiteral("nope")}});
        QVERIFY(!MessageBuilder::interactive(lr).ok());
        QJsonObject flow{{QStringLiteral("type"), QStringLiteral("flow")},
            {QStringLiteral("body"), QJsonObject{{QStringLiteral("text"), QStringLiteral("Book")}}},
            {QStringLiteral("action"),
                QJsonObject{{QStringLiteral("name"), QStringLiteral("flow")},
                    {QStringLiteral("parameters"),
                        QJsonObject{{QStringLiteral("flow_message_version"), QStringLiteral("3")},
                            {QStringLiteral("flow_token"), QStringLiteral("t")},
                            {QStringLiteral("flow_id"), QStringLiteral("1")},
                            {QStringLiteral("flow_cta"), QStringLiteral("Open Flow!")},
                            {QStringLiteral("flow_action"), QStringLiteral("navigate")}}}}}};
        QVERIFY2(MessageBuilder::interactive(flow).ok(),
            qPrintable(MessageBuilder::interactive(flow).error));
        QJsonObject bad = flow;
        QJsonObject action = bad.value(QLatin1String("action")).toObject();
        QJsonObject params = action.value(QLatin1String("parameters")).toObject();
        params.remove(QStringLiteral("flow_id"));
        action.insert(QStringLiteral("parameters"), params);
        bad.insert(QStringLiteral("action"), action);
        QCOMPARE(MessageBuilder::interactive(bad).error,
            QStringLiteral("interactive.action.parameters needs flow_id or flow_name"));
        QJsonObject unknown{{QStringLiteral("type"), QStringLiteral("poll")}};
        QCOMPARE(MessageBuilder::interactive(unknown).error,
            QStringLiteral("interactive.type \"poll\" is not supported"));
    }

    void templates()
    {
        QJsonObject t{{QStringLiteral("name"), QStringLiteral("order_confirmation")},
            {QStringLiteral("language"),
                QJsonObject{{QStringLiteral("code"), QStringLiteral("en_US")}}}};
        QVERIFY(MessageBuilder::templateMessage(t).ok());
        t.insert(QStringLiteral("name"), QStringLiteral("Order Confirmation"));
        QCOMPARE(MessageBuilder::templateMessage(t).error,
            QStringLiteral(
                "template.name may hold only lowercase letters, digits and underscores"));
        t.insert(QStringLiteral("name"), QString(513, QLatin1Char('a')));
        QCOMPARE(MessageBuilder::templateMessage(t).error,
            QStringLiteral("template.name has 513 characters; the limit is 512"));
        t.insert(QStringLiteral("name"), QStringLiteral("ok"));
        t.remove(QStringLiteral("language"));
        QCOMPARE(MessageBuilder::templateMessage(t).error,
            QStringLiteral("template.language.code is required"));
    }

    void reactionsRepliesAndRead()
    {
        auto r = MessageBuilder::reaction(
            QStringLiteral("wamid.X"), QString::fromUtf8("\xF0\x9F\x98\x80"));
        QVERIFY(r.ok());
        auto removal = MessageBuilder::reaction(QStringLiteral("wamid.X"), QString());
        QVERIFY(removal.ok());
        QCOMPARE(removal.message.value(QLatin1String("reaction"))
                     .toObject()
                     .value(QLatin1String("emoji"))
                     .toString(),
            QString());
        QCOMPARE(MessageBuilder::reaction(QString(), QStringLiteral("x")).error,
            QStringLiteral("reaction.message_id must not be empty"));
        auto reply = MessageBuilder::replyTo(
            MessageBuilder::text(QStringLiteral("yes")), QStringLiteral("wamid.Q"));
        QVERIFY(reply.ok());
        QCOMPARE(reply.message.value(QLatin1String("context"))
                     .toObject()
                     .value(QLatin1String("message_id"))
                     .toString(),
            QStringLiteral("wamid.Q"));
        QVERIFY(
            !MessageBuilder::replyTo(MessageBuilder::text(QStringLiteral("yes")), QString()).ok());
        const QJsonObject read = MessageBuilder::markAsRead(QStringLiteral("wamid.R"), true);
        QCOMPARE(read.value(QLatin1String("status")).toString(), QStringLiteral("read"));
        QCOMPARE(read.value(QLatin1String("typing_indicator"))
                     .toObject()
                     .value(QLatin1String("type"))
                     .toString(),
            QStringLiteral("text"));
        QVERIFY(!MessageBuilder::markAsRead(QStringLiteral("wamid.R"))
                     .contains(QLatin1String("typing_indicator")));
        QCOMPARE(
            MessageBuilder::validate({{QStringLiteral("type"), QStringLiteral("carrier_pigeon")},
                {QStringLiteral("carrier_pigeon"), QJsonObject{}}}),
            QStringLiteral("type \"carrier_pigeon\" is not supported"));
        QCOMPARE(MessageBuilder::validate({}), QStringLiteral("type is required"));
    }

    void phoneNumbers()
    {
        QCOMPARE(PhoneNumber::toE164(QStringLiteral("+1 (650) 555-1234")),
            QStringLiteral("+16505551234"));
        QCOMPARE(PhoneNumber::toE164(QStringLiteral("(650) 555-1234"), QStringLiteral("US")),
            QStringLiteral("+16505551234"));
        QCOMPARE(PhoneNumber::toE164(QStringLiteral("020 7946 0958"), QStringLiteral("GB")),
            QStringLiteral("+442079460958"));
        QCOMPARE(PhoneNumber::toE164(QStringLiteral("(11) 98765-4321"), QStringLiteral("BR")),
            QStringLiteral("+5511987654321"));
        QCOMPARE(PhoneNumber::toE164(QStringLiteral("00 44 20 7946 0958"), QStringLiteral("DE")),
            QStringLiteral("+442079460958"));
        QString error;
        QVERIFY(PhoneNumber::toE164(QStringLiteral("12"), QStringLiteral("US"), &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(PhoneNumber::toE164(QStringLiteral("hello")).isEmpty());
        QVERIFY(PhoneNumber::isBsuid(QStringLiteral("US.13491208655302741918")));
        QVERIFY(!PhoneNumber::isBsuid(QStringLiteral("+16505551234")));
        QVERIFY(!PhoneNumber::isBsuid(QStringLiteral("US.")));
        QCOMPARE(PhoneNumber::waId(QStringLiteral("+16505551234")), QStringLiteral("16505551234"));
    }
};

QTEST_GUILESS_MAIN(TestMessageBuilder)
#include "tst_messagebuilder.moc"
