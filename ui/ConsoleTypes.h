#pragma once

#include "templates/TemplateDefinition.h"

#include <QList>
#include <QMetaType>
#include <QSet>
#include <QString>
#include <QStringList>

// Plain values that travel from the store worker thread to the models by queued signals.
namespace parley::ui {

struct ConversationRow
{
    qint64 id = 0;
    QString phoneNumberId;
    qint64 contactId = 0;
    QString profileName;
    QString waId;
    QString userId;
    QString username;
    QString preview;
    QString lastDirection;
    QString lastType;
    qint64 lastMessageAt = 0; // seconds
    qint64 lastInboundAt = 0; // seconds
    qint64 windowExpiresAt = 0; // seconds, 0 = never opened
    int unread = 0;
};

enum class ConversationFilter { All, Unread, WindowClosing, WindowClosed };
enum class ConversationSort { RecentActivity, WindowClosingSoonest };

struct ConversationQuery
{
    ConversationFilter filter = ConversationFilter::All;
    ConversationSort sort = ConversationSort::RecentActivity;
    QString phoneNumberId; // empty: every business number
    qint64 nowSecs = 0;
    int limit = 1000;
};

// Position of a message in its thread: (timestamp, rowid) ascending.
struct MessageKey
{
    qint64 timestamp = 0;
    qint64 rowid = 0;
    bool isNull() const { return rowid == 0; }
    friend bool operator<(const MessageKey &a, const MessageKey &b)
    {
        return a.timestamp != b.timestamp ? a.timestamp < b.timestamp : a.rowid < b.rowid;
    }
    friend bool operator==(const MessageKey &a, const MessageKey &b) = default;
};

struct MessageRow
{
    qint64 rowid = 0;
    QString id; // wamid, or local:<outbox_id> until Meta accepted it
    qint64 conversationId = 0;
    QString direction; // "in" | "out"
    QString type;
    qint64 timestamp = 0; // seconds
    QString text;
    QString caption;
    QString filename;
    QString mimeType;
    QString mediaId;
    double latitude = 0;
    double longitude = 0;
    bool hasLocation = false;
    QString locationName;
    QString locationAddress;
    QString replyTitle;
    QString replyDescription;
    QString buttonText;
    QString contextId; // quoted message
    QString quotedText; // the quoted message's text, when it is in the store
    qint64 quotedRowid = 0; // the quoted message's place in its thread (0: not in the store)
    qint64 quotedTimestamp = 0;
    QString quotedDirection;
    QString quotedType;
    QString locationUrl;
    // Media (image, sticker, video, audio, document): the local file when there is one (inbound:
    // fetched into the media cache; outbound: the cache entry of the uploaded file), its size,
    // and for images and stickers the pixel size read from the file's header on the store
    // thread, so that a bubble knows its height before the thumbnail is decoded.
    QString mediaPath;
    qint64 mediaSize = 0;
    QString mediaState; // media_cache.state: pending | fetched | failed; empty: unknown
    int mediaWidth = 0;
    int mediaHeight = 0;
    QString editOf;
    QString systemType;
    QString referralJson;
    qint64 outboxId = 0;
    QString status; // pending, sent, delivered, read, played, failed, cancelled; empty for inbound
    int statusRank = 0;
    int errorCode = 0;
    QString errorTitle;
    QString errorDetails;
    QString errorAction; // the outbox's stored action ("send_template", ...); empty: derive from
                         // the code
    QString reactions; // emojis reacted on this message, in order
    bool edited = false;

    MessageKey key() const { return {timestamp, rowid}; }
};

struct SearchHit
{
    qint64 rowid = 0;
    QString messageId;
    qint64 conversationId = 0;
    QString contactName;
    QString snippet; // with [ and ] around the matched terms
    qint64 timestamp = 0;
    QString direction;
};

struct ContactDetails
{
    qint64 conversationId = 0;
    QString profileName;
    QString waId;
    QString userId;
    QString parentUserId;
    QString username;
    QString phoneNumberId;
    qint64 windowExpiresAt = 0;
    qint64 inboundCount = 0;
    qint64 outboundCount = 0;
    qint64 firstMessageAt = 0;
    qint64 lastMessageAt = 0;
};

// What changed in the store, as reported by the ingest pipeline or the outbox.
struct StoreChange
{
    QSet<qint64> conversationIds;
    QStringList messageIds;
    QStringList statusMessageIds;
    QList<qint64> journalIds; // webhook journal rows parsed (or failed) by this change
    bool templates = false; // template status, quality or category webhooks were applied
    bool everything = false; // unknown scope: reload what is shown
};

} // namespace parley::ui

Q_DECLARE_METATYPE(parley::ui::ConversationRow)
Q_DECLARE_METATYPE(parley::ui::ConversationQuery)
Q_DECLARE_METATYPE(parley::ui::MessageKey)
Q_DECLARE_METATYPE(parley::ui::MessageRow)
Q_DECLARE_METATYPE(parley::ui::SearchHit)
Q_DECLARE_METATYPE(parley::ui::ContactDetails)
Q_DECLARE_METATYPE(parley::ui::StoreChange)
Q_DECLARE_METATYPE(parley::core::TemplateDefinition)
