#pragma once

#include "ConsoleTypes.h"

#include <QHash>
#include <QStyledItemDelegate>

class QTextDocument;

namespace parley::ui {

class ThumbnailCache;

// Paints a message as a bubble: inbound on the left, outbound on the right with its state
// (clock, one tick, two ticks, blue ticks, failed), WhatsApp formatting, the quoted message (a
// block that jumps to the original), images and stickers as thumbnails (decoded off the UI
// thread by ThumbnailCache), other media as a card with Open / Save as…, location with "Open in
// map", reactions, the edited marker, the ad referral banner, and for a failure its reason and
// action. Heights are measured once per (message id, width) and cached; a picture's box comes
// from its pixel size (read on the store thread), so decoding never changes a height.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit MessageDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

    // What a failed message offers, the action its error calls for first: "send_template",
    // "reauthenticate", "retry"; nothing when the agent cannot help (contact unreachable,
    // opted out).
    static QStringList actionsFor(const MessageRow &row);
    // Everything a bubble offers as a link: the failure's actions, then "open" and "save" for a
    // media file that is here, "map" for a location.
    static QStringList linksFor(const MessageRow &row);
    static QString actionLabel(const QString &action);
    // Where an action link of a bubble is, in view coordinates (empty when none). "quote" is the
    // quoted-message block, "media" the thumbnail or the file card.
    QRect actionRect(
        const QStyleOptionViewItem &option, const QModelIndex &index, const QString &action) const;

    static bool isMedia(const MessageRow &row);
    // An image or sticker shown as a thumbnail (its file is here and its size known).
    static bool isPicture(const MessageRow &row);
    // The size the picture is shown (and decoded) at for a bubble of `maxText` text width.
    static QSize pictureSize(const MessageRow &row, int maxText);

    ThumbnailCache *thumbnails() const { return m_thumbnails; }
    int cachedHeights() const { return int(m_heights.size()); }
    void clearCache() { m_heights.clear(); }

    // The bubble of `rowid` glows with `strength` (0..1): a message just jumped to.
    void setFlash(qint64 rowid, qreal strength)
    {
        m_flashRowid = rowid;
        m_flashStrength = strength;
    }
    qint64 flashRowid() const { return m_flashStrength > 0 ? m_flashRowid : 0; }

Q_SIGNALS:
    // action: one of linksFor(), "quote" (jump to the quoted message) or "open" (the media).
    void actionRequested(const parley::ui::MessageRow &row, const QString &action);

private:
    struct Layout
    {
        QRect bubble;
        QRect quote;
        QRect media;
        QSize picture; // non-empty: `media` shows a thumbnail of this size
        QRect text;
        QRect meta;
        QList<QPair<QString, QRect>> actions;
        QRect reactions;
        int height = 0;
    };
    Layout layout(
        const QStyleOptionViewItem &option, const MessageRow &row, QTextDocument *doc) const;
    void fillDocument(
        QTextDocument *doc, const QStyleOptionViewItem &option, const MessageRow &row) const;
    void paintQuote(QPainter *p, const QStyleOptionViewItem &option, const MessageRow &row,
        const QRect &rect) const;
    void paintMedia(QPainter *p, const QStyleOptionViewItem &option, const MessageRow &row,
        const Layout &l) const;
    static QString metaText(const MessageRow &row);
    static QString quoteSender(const MessageRow &row);
    static QString quoteText(const MessageRow &row);
    static QString mediaTitle(const MessageRow &row);
    static QString mediaSubtitle(const MessageRow &row);
    static size_t contentHash(const MessageRow &row);

    struct Cached
    {
        size_t hash;
        int height;
    };
    mutable QHash<QPair<QString, int>, Cached> m_heights;
    ThumbnailCache *m_thumbnails;
    qint64 m_flashRowid = 0;
    qreal m_flashStrength = 0;
};

} // namespace parley::ui
