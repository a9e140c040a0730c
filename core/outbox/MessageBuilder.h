#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace parley::core {

// A message object (the body of POST /<PHONE_NUMBER_ID>/messages without messaging_product, to,
// recipient and biz_opaque_callback_data), or the precise reason it was refused.
struct BuiltMessage
{
    QJsonObject message;
    QString error; // empty when valid: "text.body has 4097 characters; the limit is 4096"

    bool ok() const { return error.isEmpty(); }
};

// Builders for every type in FACTS.md §2, each validated against the limits in §3 before any
// request is made. validate() checks any message object (the CLI's --json and --batch go through
// it too). Lengths count Unicode code points.
class MessageBuilder
{
public:
    enum class MediaKind { Image, Video, Audio, Document, Sticker };

    static BuiltMessage text(const QString &body, bool previewUrl = false);
    // idOrLink: a media id, or an http(s) URL (sent as "link").
    static BuiltMessage media(MediaKind kind, const QString &idOrLink, const QString &caption = {},
        const QString &filename = {});
    static BuiltMessage location(
        double latitude, double longitude, const QString &name = {}, const QString &address = {});
    static BuiltMessage contacts(const QJsonArray &contacts);
    // interactive: the "interactive" object ({"type":"button"|"list"|"cta_url"|...}).
    static BuiltMessage interactive(const QJsonObject &interactive);
    // template: the "template" object ({"name","language":{"code"},"components":[...]}).
    static BuiltMessage templateMessage(const QJsonObject &templateObject);
    // An empty emoji removes the reaction.
    static BuiltMessage reaction(const QString &messageId, const QString &emoji);
    // Adds "context":{"message_id"} (a quoted reply) and re-validates.
    static BuiltMessage replyTo(BuiltMessage built, const QString &messageId);

    // Mark-as-read (optionally with the typing indicator): not an outbox message, sent directly.
    static QJsonObject markAsRead(const QString &messageId, bool typingIndicator = false);

    // Checks a whole message object; returns "" when valid.
    static QString validate(const QJsonObject &message);

    static QString mediaKindName(MediaKind kind);
    static bool mediaKindFromName(const QString &name, MediaKind *kind);
};

} // namespace parley::core
