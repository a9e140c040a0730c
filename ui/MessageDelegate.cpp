#include "MessageDelegate.h"

#include "Style.h"
#include "ThreadModel.h"
#include "WhatsAppFormat.h"
#include "graph/ErrorTable.h"
#include "thread/ThumbnailCache.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>
#include <QTextDocument>

#include <algorithm>

namespace parley::ui {

namespace {

void drawTicks(QPainter *p, QPoint at, int count, const QColor &colour)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(colour, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    for (int i = 0; i < count; ++i) {
        const QPointF o = at + QPointF(i * 5, 0);
        QPainterPath path(o + QPointF(0, 5));
        path.lineTo(o + QPointF(3, 8));
        path.lineTo(o + QPointF(9, 1));
        p->drawPath(path);
    }
    p->restore();
}

void drawClock(QPainter *p, QPoint at, const QColor &colour)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(colour, 1.2));
    const QPointF c = at + QPointF(5, 5);
    p->drawEllipse(c, 4.5, 4.5);
    p->drawLine(c, c + QPointF(0, -3));
    p->drawLine(c, c + QPointF(2.5, 0));
    p->restore();
}

void drawFailed(QPainter *p, QPoint at)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(Qt::NoPen);
    p->setBrush(style::tickFailed());
    p->drawEllipse(QRectF(at, QSizeF(10, 10)));
    p->setPen(QPen(Qt::white, 1.6));
    p->drawLine(QPointF(at) + QPointF(5, 2), QPointF(at) + QPointF(5, 6));
    p->drawPoint(QPointF(at) + QPointF(5, 8));
    p->restore();
}

} // namespace

MessageDelegate::MessageDelegate(QObject *parent)
    : QStyledItemDelegate(parent), m_thumbnails(new ThumbnailCache(this))
{
}

QStringList MessageDelegate::actionsFor(const MessageRow &row)
{
    if (row.status != QLatin1String("failed"))
        return {};
    const core::ErrorAction action = row.errorAction.isEmpty()
        ? core::ErrorTable::classifyCode(row.errorCode).action
        : core::errorActionFromName(row.errorAction);
    QStringList out;
    switch (action) {
    case core::ErrorAction::SendTemplate: return {QStringLiteral("send_template")};
    case core::ErrorAction::ContactUnreachable:
    case core::ErrorAction::OptedOut: return {};
    case core::ErrorAction::Reauthenticate:
    case core::ErrorAction::Config: out << QStringLiteral("reauthenticate"); break;
    case core::ErrorAction::None:
    case core::ErrorAction::RetryLater:
    case core::ErrorAction::FixRequest: break;
    }
    if (row.outboxId)
        out << QStringLiteral("retry");
    return out;
}

QStringList MessageDelegate::linksFor(const MessageRow &row)
{
    QStringList out = actionsFor(row);
    if (isMedia(row) && !row.mediaPath.isEmpty())
        out << QStringLiteral("open") << QStringLiteral("save");
    if (row.hasLocation)
        out << QStringLiteral("map");
    return out;
}

QString MessageDelegate::actionLabel(const QString &action)
{
    if (action == QLatin1String("retry"))
        return tr("Retry");
    if (action == QLatin1String("send_template"))
        return tr("Send a template");
    if (action == QLatin1String("reauthenticate"))
        return tr("Re-authenticate");
    if (action == QLatin1String("open"))
        return tr("Open");
    if (action == QLatin1String("save"))
        return tr("Save as…");
    if (action == QLatin1String("map"))
        return tr("Open in map");
    return {};
}

bool MessageDelegate::isMedia(const MessageRow &row)
{
    const QString &t = row.type;
    return t == QLatin1String("image") || t == QLatin1String("sticker")
        || t == QLatin1String("video") || t == QLatin1String("audio")
        || t == QLatin1String("document");
}

bool MessageDelegate::isPicture(const MessageRow &row)
{
    return (row.type == QLatin1String("image") || row.type == QLatin1String("sticker"))
        && !row.mediaPath.isEmpty() && row.mediaWidth > 0 && row.mediaHeight > 0;
}

QSize MessageDelegate::pictureSize(const MessageRow &row, int maxText)
{
    if (!isPicture(row))
        return {};
    const int edge = row.type == QLatin1String("sticker") ? style::StickerMax : style::ThumbnailMax;
    return ThumbnailCache::fitted(
        QSize(row.mediaWidth, row.mediaHeight), QSize(qMin(edge, maxText), edge));
}

QString MessageDelegate::metaText(const MessageRow &row)
{
    QString s;
    if (row.edited)
        s = tr("edited") + QStringLiteral(" · ");
    s += QDateTime::fromSecsSinceEpoch(row.timestamp)
             .toLocalTime()
             .toString(QStringLiteral("HH:mm"));
    return s;
}

QString MessageDelegate::quoteSender(const MessageRow &row)
{
    if (!row.quotedRowid)
        return tr("Quoted message");
    return row.quotedDirection == QLatin1String("out") ? tr("You") : tr("Customer");
}

QString MessageDelegate::quoteText(const MessageRow &row)
{
    if (!row.quotedRowid)
        return tr("Original message not available");
    if (!row.quotedText.isEmpty())
        return WhatsAppFormat::toPlain(row.quotedText).simplified();
    MessageRow quoted;
    quoted.type = row.quotedType;
    return ThreadModel::bodyText(quoted);
}

QString MessageDelegate::mediaTitle(const MessageRow &row)
{
    if (!row.filename.isEmpty())
        return row.filename;
    const QString &t = row.type;
    if (t == QLatin1String("image"))
        return tr("Image");
    if (t == QLatin1String("sticker"))
        return tr("Sticker");
    if (t == QLatin1String("video"))
        return tr("Video");
    if (t == QLatin1String("audio"))
        return tr("Voice message");
    return tr("Document");
}

QString MessageDelegate::mediaSubtitle(const MessageRow &row)
{
    QStringList parts;
    if (row.mediaSize > 0)
        parts << QLocale().formattedDataSize(row.mediaSize);
    if (!row.mimeType.isEmpty())
        parts << row.mimeType;
    if (row.mediaPath.isEmpty()) {
        if (row.mediaState == QLatin1String("failed"))
            parts << tr("download failed");
        else if (row.direction == QLatin1String("in"))
            parts << tr("not downloaded yet");
        else
            parts << tr("file not kept on this computer");
    } else if (isPicture(row) || row.type == QLatin1String("image")
        || row.type == QLatin1String("sticker")) {
        if (!isPicture(row))
            parts << tr("cannot be shown");
    }
    return parts.join(QStringLiteral(" · "));
}

size_t MessageDelegate::contentHash(const MessageRow &row)
{
    return qHashMulti(0, ThreadModel::bodyText(row), row.status, row.errorCode, row.reactions,
        row.quotedText, row.quotedRowid, row.edited, row.referralJson.isEmpty(), row.mediaPath,
        row.mediaWidth, row.mediaHeight, row.mediaState, row.mediaSize);
}

void MessageDelegate::fillDocument(
    QTextDocument *doc, const QStyleOptionViewItem &option, const MessageRow &row) const
{
    doc->setDocumentMargin(0);
    doc->setDefaultFont(option.font);
    const QPalette &pal = option.palette;
    QString html;
    const QString meta = style::metaText(pal).name();
    if (!row.referralJson.isEmpty()) {
        // Click-to-WhatsApp ad: the headline the customer tapped, and where it ran.
        const QJsonObject ad = QJsonDocument::fromJson(row.referralJson.toUtf8()).object();
        const QString headline = ad.value(QLatin1String("headline")).toString();
        const QString source = ad.value(QLatin1String("source_url")).toString();
        QString banner = headline.isEmpty() ? tr("From an ad") : tr("From an ad: %1").arg(headline);
        html += QStringLiteral("<p style=\"color:%1\">📣 %2").arg(meta, banner.toHtmlEscaped());
        if (!source.isEmpty())
            html += QStringLiteral("<br><a href=\"%1\">%2</a>")
                        .arg(source.toHtmlEscaped(), source.left(60).toHtmlEscaped());
        html += QStringLiteral("</p>");
    }
    const QString &t = row.type;
    if (isMedia(row)) {
        // The thumbnail or the file card says what it is; the text is the caption.
        if (!row.caption.isEmpty())
            html += WhatsAppFormat::toHtml(row.caption);
    } else if (t == QLatin1String("location")) {
        html += QStringLiteral("📍 ");
        if (!row.locationName.isEmpty())
            html += QStringLiteral("<b>%1</b>").arg(row.locationName.toHtmlEscaped());
        else
            html += tr("Location").toHtmlEscaped();
        if (!row.locationAddress.isEmpty())
            html += QStringLiteral("<br>") + row.locationAddress.toHtmlEscaped();
        if (row.hasLocation)
            html += QStringLiteral("<br><span style=\"color:%1\">%2, %3</span>")
                        .arg(meta)
                        .arg(row.latitude, 0, 'f', 5)
                        .arg(row.longitude, 0, 'f', 5);
    } else if (t == QLatin1String("contacts")) {
        html += QStringLiteral("👤 <b>%1</b>")
                    .arg((row.text.isEmpty() ? tr("Contact card") : row.text).toHtmlEscaped());
        html += QStringLiteral("<br><span style=\"color:%1\">%2</span>")
                    .arg(meta, tr("Contact card").toHtmlEscaped());
    } else if (t == QLatin1String("interactive") && !row.replyTitle.isEmpty()) {
        html += QStringLiteral("↩ <b>%1</b>").arg(row.replyTitle.toHtmlEscaped());
        if (!row.replyDescription.isEmpty())
            html += QStringLiteral("<br><span style=\"color:%1\">%2</span>")
                        .arg(meta, row.replyDescription.toHtmlEscaped());
    } else if (t == QLatin1String("button")) {
        html += QStringLiteral("↩ <b>%1</b>").arg(ThreadModel::bodyText(row).toHtmlEscaped());
    } else {
        html += WhatsAppFormat::toHtml(ThreadModel::bodyText(row));
    }
    if (row.status == QLatin1String("failed")) {
        QString reason = row.errorTitle.isEmpty() ? tr("Not delivered") : row.errorTitle;
        if (row.errorCode)
            reason += QStringLiteral(" (%1)").arg(row.errorCode);
        html += QStringLiteral("<p style=\"color:%1\">%2</p>")
                    .arg(style::tickFailed().name(), tr("Failed: %1").arg(reason).toHtmlEscaped());
    }
    if (html.isEmpty()) {
        doc->clear();
        return;
    }
    doc->setHtml(QStringLiteral("<div style=\"color:%1\">").arg(style::bubbleText(pal).name())
        + html + QStringLiteral("</div>"));
}

MessageDelegate::Layout MessageDelegate::layout(
    const QStyleOptionViewItem &option, const MessageRow &row, QTextDocument *doc) const
{
    Layout l;
    const int viewWidth = option.rect.width();
    const int maxBubble = qMax(120, viewWidth * style::BubbleMaxWidthPercent / 100);
    const int maxText = maxBubble - 2 * style::BubblePadding;
    fillDocument(doc, option, row);
    const bool hasText = !doc->isEmpty();
    int textWidth = 0;
    int textHeight = 0;
    if (hasText) {
        doc->setTextWidth(maxText);
        textWidth = qMin(maxText, int(std::ceil(doc->idealWidth())));
        doc->setTextWidth(textWidth);
        textHeight = int(std::ceil(doc->size().height()));
    }
    const QFontMetrics fm(option.font);
    const bool out = row.direction == QLatin1String("out");
    const int metaWidth = fm.horizontalAdvance(metaText(row)) + (out ? style::TickWidth + 4 : 0);
    const QStringList actions = linksFor(row);
    QFont linkFont = option.font;
    linkFont.setBold(true);
    const QFontMetrics lfm(linkFont);
    int actionWidth = 0;
    for (const QString &a : actions)
        actionWidth += lfm.horizontalAdvance(actionLabel(a)) + 12;

    // The parts above the text: quote block, then the picture or the file card.
    const int quoteHeight = row.contextId.isEmpty() ? 0 : 2 * fm.height() + 8;
    const int quoteWidth = row.contextId.isEmpty()
        ? 0
        : qMin(maxText,
            qMax(fm.horizontalAdvance(quoteText(row).left(60)),
                fm.horizontalAdvance(quoteSender(row)))
                + style::QuoteBarWidth + 12);
    const QSize picture = pictureSize(row, maxText);
    QSize media;
    if (!picture.isEmpty())
        media = picture;
    else if (isMedia(row))
        media = QSize(qMin(maxText,
                          qMax(style::MediaCardMinWidth,
                              style::MediaIconSize + 16
                                  + qMax(lfm.horizontalAdvance(mediaTitle(row)),
                                      fm.horizontalAdvance(mediaSubtitle(row))))),
            qMax(style::MediaIconSize, 2 * fm.height()) + 12);

    const int contentWidth = qMin(
        maxText, std::max({textWidth, metaWidth + actionWidth, quoteWidth, media.width(), 40}));
    const bool system = row.type == QLatin1String("system");
    const int bubbleWidth = contentWidth + 2 * style::BubblePadding;
    const int x = system ? option.rect.left() + (viewWidth - bubbleWidth) / 2
        : out            ? option.rect.right() - style::BubbleMargin - bubbleWidth
                         : option.rect.left() + style::BubbleMargin;
    const int y = option.rect.top() + style::BubbleSpacing / 2;
    const int left = x + style::BubblePadding;
    int cursor = y + style::BubblePadding;
    if (quoteHeight) {
        l.quote = QRect(left, cursor, contentWidth, quoteHeight);
        cursor += quoteHeight + 6;
    }
    if (!media.isEmpty()) {
        l.media = QRect(QPoint(left, cursor), media);
        l.picture = picture;
        cursor += media.height() + (hasText ? 6 : 2);
    }
    l.text = QRect(left, cursor, textWidth, textHeight);
    cursor += textHeight;
    l.meta = QRect(x + bubbleWidth - style::BubblePadding - metaWidth, cursor + 1, metaWidth,
        style::MetaLineHeight);
    int ax = left;
    for (const QString &a : actions) {
        const int w = lfm.horizontalAdvance(actionLabel(a)) + 4;
        l.actions.append({a, QRect(ax, cursor + 1, w, style::MetaLineHeight)});
        ax += w + 8;
    }
    const int bubbleHeight = cursor - y + style::MetaLineHeight + style::BubblePadding / 2;
    l.bubble = QRect(x, y, bubbleWidth, bubbleHeight);
    l.height = bubbleHeight + style::BubbleSpacing;
    if (!row.reactions.isEmpty()) {
        const int w = fm.horizontalAdvance(row.reactions) + 2 * style::ChipPadding;
        l.reactions = QRect(out ? l.bubble.right() - w - 8 : l.bubble.left() + 8,
            l.bubble.bottom() - 2, w, fm.height() + 2);
        l.height += fm.height();
    }
    return l;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const MessageRow row = index.data(ThreadModel::MessageRole).value<MessageRow>();
    const int width = option.rect.width() > 0 ? option.rect.width() : 400;
    const auto key = qMakePair(row.id, width);
    const size_t hash = contentHash(row);
    const auto it = m_heights.constFind(key);
    if (it != m_heights.cend() && it->hash == hash)
        return QSize(width, it->height);
    QStyleOptionViewItem opt = option;
    opt.rect.setWidth(width);
    QTextDocument doc;
    const int height = layout(opt, row, &doc).height;
    m_heights.insert(key, {hash, height});
    return QSize(width, height);
}

void MessageDelegate::paintQuote(
    QPainter *p, const QStyleOptionViewItem &option, const MessageRow &row, const QRect &rect) const
{
    const QPalette &pal = option.palette;
    p->save();
    p->setPen(Qt::NoPen);
    p->setBrush(style::quoteFill(pal));
    p->drawRoundedRect(rect, 4, 4);
    p->setBrush(style::quoteAccent(pal));
    p->drawRect(QRect(rect.left(), rect.top(), style::QuoteBarWidth, rect.height()));
    const QFontMetrics fm(option.font);
    const QRect inner = rect.adjusted(style::QuoteBarWidth + 6, 4, -6, -4);
    QFont bold = option.font;
    bold.setBold(true);
    p->setFont(bold);
    p->setPen(style::quoteAccent(pal));
    p->drawText(QRect(inner.left(), inner.top(), inner.width(), fm.height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(bold).elidedText(quoteSender(row), Qt::ElideRight, inner.width()));
    p->setFont(option.font);
    p->setPen(style::metaText(pal));
    p->drawText(QRect(inner.left(), inner.top() + fm.height(), inner.width(), fm.height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        fm.elidedText(quoteText(row), Qt::ElideRight, inner.width()));
    p->restore();
}

void MessageDelegate::paintMedia(
    QPainter *p, const QStyleOptionViewItem &option, const MessageRow &row, const Layout &l) const
{
    const QPalette &pal = option.palette;
    p->save();
    if (!l.picture.isEmpty()) {
        const QPixmap pixmap = m_thumbnails->thumbnail(
            row.mediaId.isEmpty() ? row.id : row.mediaId, row.mediaPath, l.picture);
        QPainterPath clip;
        clip.addRoundedRect(QRectF(l.media), 6, 6);
        p->setClipPath(clip);
        if (!pixmap.isNull()) {
            p->drawPixmap(l.media, pixmap);
        } else {
            // Still decoding (ready() repaints), or the file is not a picture after all.
            p->fillRect(l.media, style::mediaPlaceholder(pal));
            p->setPen(style::metaText(pal));
            const bool failed
                = m_thumbnails->failed(row.mediaId.isEmpty() ? row.id : row.mediaId, l.picture);
            p->drawText(l.media, Qt::AlignCenter | Qt::TextWordWrap,
                failed ? tr("Cannot show this image") : tr("Loading…"));
        }
        p->restore();
        return;
    }
    p->setPen(Qt::NoPen);
    p->setBrush(style::quoteFill(pal));
    p->drawRoundedRect(l.media, 6, 6);
    const QStyle *st = option.widget ? option.widget->style() : QApplication::style();
    const QString &t = row.type;
    const QStyle::StandardPixmap which = t == QLatin1String("video") ? QStyle::SP_MediaPlay
        : t == QLatin1String("audio")                                ? QStyle::SP_MediaVolume
        : t == QLatin1String("document")                             ? QStyle::SP_FileIcon
                                                                     : QStyle::SP_DesktopIcon;
    const QRect icon(l.media.left() + 6, l.media.center().y() - style::MediaIconSize / 2,
        style::MediaIconSize, style::MediaIconSize);
    st->standardIcon(which, nullptr, option.widget)
        .paint(p, icon, Qt::AlignCenter, row.mediaPath.isEmpty() ? QIcon::Disabled : QIcon::Normal);
    const QFontMetrics fm(option.font);
    const int tx = icon.right() + 10;
    const int tw = l.media.right() - 6 - tx;
    const int ty = l.media.center().y() - fm.height();
    QFont bold = option.font;
    bold.setBold(true);
    p->setFont(bold);
    p->setPen(style::bubbleText(pal));
    p->drawText(QRect(tx, ty, tw, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(bold).elidedText(mediaTitle(row), Qt::ElideMiddle, tw));
    p->setFont(option.font);
    p->setPen(style::metaText(pal));
    p->drawText(QRect(tx, ty + fm.height(), tw, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
        fm.elidedText(mediaSubtitle(row), Qt::ElideRight, tw));
    p->restore();
}

void MessageDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const MessageRow row = index.data(ThreadModel::MessageRole).value<MessageRow>();
    QTextDocument doc;
    const Layout l = layout(option, row, &doc);
    const QPalette &pal = option.palette;
    const bool out = row.direction == QLatin1String("out");
    const bool failed = row.status == QLatin1String("failed");

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = row.type == QLatin1String("system") ? style::systemBubble(pal)
        : failed                                      ? style::failedBubble(pal)
        : out                                         ? style::outboundBubble(pal)
                                                      : style::inboundBubble(pal);
    painter->setPen(option.state & QStyle::State_Selected ? QPen(pal.color(QPalette::Highlight), 2)
                                                          : Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(l.bubble, style::BubbleRadius, style::BubbleRadius);
    if (m_flashStrength > 0 && row.rowid == m_flashRowid) {
        QColor glow = style::flash();
        glow.setAlphaF(0.55 * m_flashStrength);
        painter->setPen(Qt::NoPen);
        painter->setBrush(glow);
        painter->drawRoundedRect(l.bubble, style::BubbleRadius, style::BubbleRadius);
    }

    if (!l.quote.isNull())
        paintQuote(painter, option, row, l.quote);
    if (!l.media.isNull())
        paintMedia(painter, option, row, l);

    if (!doc.isEmpty()) {
        painter->translate(l.text.topLeft());
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.palette.setColor(QPalette::Text, style::bubbleText(pal));
        doc.documentLayout()->draw(painter, ctx);
        painter->translate(-l.text.topLeft());
    }

    painter->setPen(style::metaText(pal));
    painter->drawText(l.meta, Qt::AlignLeft | Qt::AlignVCenter, metaText(row));
    if (out) {
        const QPoint tick(l.meta.right() - style::TickWidth + 4, l.meta.top() + 3);
        const QString &s = row.status;
        if (failed)
            drawFailed(painter, tick);
        else if (s == QLatin1String("read") || s == QLatin1String("played"))
            drawTicks(painter, tick, 2, style::tickRead());
        else if (s == QLatin1String("delivered"))
            drawTicks(painter, tick, 2, style::tickGrey(pal));
        else if (s == QLatin1String("sent"))
            drawTicks(painter, tick, 1, style::tickGrey(pal));
        else if (s != QLatin1String("cancelled"))
            drawClock(painter, tick, style::tickGrey(pal));
    }
    if (!l.actions.isEmpty()) {
        QFont f = option.font;
        f.setBold(true);
        f.setUnderline(true);
        painter->setFont(f);
        painter->setPen(pal.color(QPalette::Link));
        for (const auto &[action, rect] : l.actions)
            painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter, actionLabel(action));
        painter->setFont(option.font);
    }
    if (!l.reactions.isNull()) {
        painter->setPen(QPen(style::metaText(pal), 0.5));
        painter->setBrush(style::inboundBubble(pal));
        painter->drawRoundedRect(l.reactions, l.reactions.height() / 2, l.reactions.height() / 2);
        painter->setFont(option.font);
        painter->setPen(style::bubbleText(pal));
        painter->drawText(l.reactions, Qt::AlignCenter, row.reactions);
    }
    painter->restore();
}

QRect MessageDelegate::actionRect(
    const QStyleOptionViewItem &option, const QModelIndex &index, const QString &action) const
{
    const MessageRow row = index.data(ThreadModel::MessageRole).value<MessageRow>();
    QTextDocument doc;
    const Layout l = layout(option, row, &doc);
    if (action == QLatin1String("quote"))
        return l.quote;
    if (action == QLatin1String("media"))
        return l.media;
    for (const auto &[a, rect] : l.actions)
        if (a == action)
            return rect;
    return {};
}

bool MessageDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        auto *me = static_cast<QMouseEvent *>(event);
        const QPoint at = me->position().toPoint();
        const MessageRow row = index.data(ThreadModel::MessageRole).value<MessageRow>();
        QTextDocument doc;
        const Layout l = layout(option, row, &doc);
        for (const auto &[action, rect] : l.actions) {
            if (rect.contains(at)) {
                Q_EMIT actionRequested(row, action);
                return true;
            }
        }
        if (l.quote.contains(at) && row.quotedRowid) {
            Q_EMIT actionRequested(row, QStringLiteral("quote"));
            return true;
        }
        if (l.media.contains(at) && !row.mediaPath.isEmpty()) {
            Q_EMIT actionRequested(row, QStringLiteral("open"));
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace parley::ui
