#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace parley::core {

// Where a template variable or parameter lives.
enum class TemplateSlot { Header, Body, Button };

// What a variable needs as its value. Body variables are Text but also accept Currency and
// DateTime (Meta renders their fallback_value); a header's kind follows the header's format.
enum class TemplateVariableKind {
    Text,
    Currency,
    DateTime,
    Image,
    Video,
    Document,
    Location,
    UrlSuffix,
    Coupon,
    Payload,
    Flow,
};

QString templateVariableKindName(TemplateVariableKind kind);
// "text", "currency", "date_time", "image", ... Returns false for an unknown name.
bool templateVariableKindFromName(const QString &name, TemplateVariableKind *kind);

// One value a send of the template needs (or may carry: quick-reply payloads and flow actions
// are optional). The console generates its fill form from TemplateDefinition::variables().
struct TemplateVariable
{
    TemplateSlot slot = TemplateSlot::Body;
    // For Button: the button's index in the BUTTONS component (Meta's "index"). -1 otherwise.
    int buttonIndex = -1;
    // "1", "2"... for positional templates, "first_name" for named ones; empty for media and
    // location headers and for buttons.
    QString name;
    TemplateVariableKind kind = TemplateVariableKind::Text;
    bool required = true;
    // The example value from the definition, when Meta returned one.
    QString example;
    // A stable key, also what `parleyctl templates render --param KEY=VALUE` accepts:
    // "first_name" / "1" (body), "header" / "header.1" / "header.order_id", "button.2".
    QString key() const;
};

struct TemplateButton
{
    // Meta's type: QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, FLOW, OTP, CATALOG, MPM, ...
    QString type;
    QString text;
    QString url; // URL buttons (may end in {{1}})
    QString phoneNumber;
    QString otpType; // OTP buttons: COPY_CODE, ONE_TAP, ZERO_TAP
    QStringList example;
    QJsonObject raw;

    bool urlHasVariable() const;
};

// A synced template in one language, as Meta returns it from GET /{WABA}/message_templates.
class TemplateDefinition
{
public:
    QString id;
    QString name;
    QString language;
    QString status; // APPROVED, PENDING, REJECTED, PAUSED, DISABLED, ...
    QString category; // MARKETING, UTILITY, AUTHENTICATION
    QString previousCategory;
    QString qualityScore; // GREEN, YELLOW, RED, UNKNOWN (empty when never reported)
    QString rejectedReason;
    bool namedParameters = false; // parameter_format == "named"

    // HEADER: format TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION, GIF (empty: no header).
    QString headerFormat;
    QString headerText;
    QString bodyText;
    QString footerText;
    QList<TemplateButton> buttons;
    // Everything Meta sent for the components, kept for what this model does not interpret.
    QJsonArray components;

    // Parses one element of the "data" array of Meta's list response (or GET /{TEMPLATE_ID}).
    static TemplateDefinition fromGraphJson(const QJsonObject &json);
    QJsonObject toGraphJson() const;

    bool isApproved() const { return status == QLatin1String("APPROVED"); }
    bool hasHeader() const { return !headerFormat.isEmpty(); }
    bool headerIsMedia() const;

    // Every variable a send needs, header first, then body, then buttons, in text order.
    QList<TemplateVariable> variables() const;

    // The variable names in a piece of template text, in order of appearance, duplicates kept:
    // "Hi {{1}}, {{ 2 }}" -> ["1", "2"]; "{{first_name}}" -> ["first_name"].
    static QStringList variableNames(const QString &text);
};

} // namespace parley::core
