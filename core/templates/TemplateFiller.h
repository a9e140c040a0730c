#pragma once

#include "templates/TemplateDefinition.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace parley::core {

class TemplateStore;

// One value for a template send. Build it by hand, or from a command-line argument with
// parse(). Which fields matter depends on kind.
struct TemplateParam
{
    TemplateSlot slot = TemplateSlot::Body;
    int buttonIndex = -1; // Button only
    QString name; // "1" or "first_name" for header/body text; empty for media/location/buttons
    TemplateVariableKind kind = TemplateVariableKind::Text;

    // Text, UrlSuffix (unencoded: fill percent-encodes it), Coupon, Payload; the fallback_value
    // for Currency and DateTime.
    QString text;
    // Currency
    QString currencyCode;
    qint64 amount1000 = 0;
    // Image/Video/Document: exactly one of mediaId, mediaLink, localFile. A local file must be
    // uploaded (media path) and replaced by its id before the fill can be sent; see
    // TemplateFill::pendingUploads.
    QString mediaId;
    QString mediaLink;
    QString localFile;
    QString filename; // Document only
    // Location
    double latitude = 0;
    double longitude = 0;
    QString locationName;
    QString locationAddress;
    // Flow: flow_token (optional) and flow_action_data (optional)
    QString flowToken;
    QJsonObject flowActionData;

    static TemplateParam bodyText(const QString &name, const QString &value);
    static TemplateParam headerText(const QString &name, const QString &value);
    static TemplateParam button(int index, TemplateVariableKind kind, const QString &value);

    // Parses "KEY[:KIND]=VALUE" (what `--param` takes). KEY is a TemplateVariable::key():
    // "first_name", "1", "header", "header.1", "button.2". KIND is optional for body and header
    // text and implied for buttons. Values by kind:
    //   text: the text      currency: "USD 100990 $100.99" (code, amount*1000, fallback)
    //   date_time: the fallback text     image|video|document: a media id, an http(s) link, or a
    //   local path (document: "VALUE|filename")   location: "lat,long[,name[,address]]"
    //   button.N: the URL suffix, coupon code, quick-reply payload or flow token.
    // The button kind is resolved against the definition during fill. Returns false and sets
    // *error on a malformed argument.
    static bool parse(const QString &argument, TemplateParam *param, QString *error);
    // A text parameter read again as another kind ("header=12345" for an IMAGE header becomes
    // media id 12345). Returns false and sets *error when the text does not fit that kind.
    bool reinterpret(TemplateVariableKind kind, QString *error);
};

struct TemplateIssue
{
    enum class Code {
        TemplateNotFound, // no template of that name (Meta: 132001)
        LanguageNotFound, // the name exists, not in that language (132001)
        NotApproved, // PAUSED (132015), DISABLED (132016), PENDING, REJECTED, ... (132001)
        MissingParameter, // 132000
        ExtraParameter, // 132000
        EmptyParameter, // 131008 / 100
        WrongHeaderKind, // 132012
        WrongParameterKind, // 132012
        MissingUrlSuffix, // 132000
        TextTooLong, // 132005
        InvalidValue, // 131009 / 100
        UnsupportedComponent, // a button kind Parley cannot fill yet (MPM, CATALOG)
        PendingUpload, // a local file that must be uploaded first (not an error of the values)
    };
    Code code = Code::InvalidValue;
    // "header", "body", "footer", "button 2 (URL \"Track\")", "template"
    QString component;
    // The variable's key ("first_name", "1", "header", "button.2"), empty when not about one.
    QString parameter;
    QString message;
    // The Cloud API error this issue mirrors (132000, 132001, 132005, ...), 0 when none.
    int metaErrorCode = 0;
};

struct TemplateFill
{
    // The "template" object of a type:"template" message: {name, language:{code}, components}.
    QJsonObject templateObject;
    QList<TemplateIssue> issues;
    // Parameters with a localFile: upload each (POST /{PHONE_NUMBER_ID}/media), set mediaId,
    // and fill again. The fill is not sendable while this is non-empty.
    QList<TemplateParam> pendingUploads;

    // True when the object can be sent: no issues at all.
    bool ok() const { return issues.isEmpty(); }
    // All issue messages, one per line, for the CLI and the composer.
    QString errorText() const;
};

// THE entry point for every template send (parleyctl send --template, the console composer):
// validates the values against the synced definition and builds the template object. Nothing
// that fails here reaches Meta.
TemplateFill fillTemplate(const TemplateDefinition &definition, const QList<TemplateParam> &params);

// Loads the definition by name and language from the store, then fills. An unknown name or
// language becomes a TemplateNotFound / LanguageNotFound issue naming the languages that exist.
// Callers that can reach Meta re-sync once on those two codes before refusing (TemplateSync).
TemplateFill fillTemplate(const TemplateStore &store, const QString &name, const QString &language,
    const QList<TemplateParam> &params);

// Percent-encodes a URL button suffix the way Meta expects (RFC 3986 unreserved kept).
QString encodeUrlSuffix(const QString &suffix);

} // namespace parley::core
