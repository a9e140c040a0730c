#include "MessageDelegate.h"

#include "Style.h"
#include "ThreadModel.h"
#include "WhatsAppFormat.h"
#include "graph/ErrorTable.h"

#include <QAbstractTextDocumentLayout>
#include <QDateTime>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextDocument>

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

MessageDelegate::MessageDelegate(QObject *parent) : QStyledItemDelegate(parent) { }

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

QString MessageDelegate::actionLabel(const QString &action)
{
    if (action == QLatin1String("retry"))
        return tr("Retry");
    if (action == QLatin1String("send_template"))
        return tr("Send a template");
    if (action == QLatin1String("reauthenticate"))
        return tr("Re-authenticate");
    return {};
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

size_t MessageDelegate::contentHash(const MessageRow &row)
{
    return qHashMulti(0, ThreadModel::bodyText(row), row.status, row.errorCode, row.reactions,
        row.quotedText, row.edited, row.referralJson.isEmpty());
}

void MessageDelegate::fillDocument(
    QTextDocument *doc, const QStyleOptionViewItem &option, const MessageRow &row) const
{
    doc->setDocumentMargin(0);
    doc->setDefaultFont(option.font);
    const QPalette &pal = option.palette;
    QString html;
    const QString meta = style::metaText(pal).name();
    if (!row.referralJson.isEmpty())
        html += QStringLiteral("<p style=\"color:%1\">%2</p>")
                    .arg(meta, tr("From an ad").toHtmlEscaped());
    if (!row.contextId.isEmpty()) {
        const QString quoted
            = row.quotedText.isEmpty() ? tr("Original message not available") : row.quotedText;
        html += QStringLiteral("<p style=\"color:%1\">▍ %2</p>")
                    .arg(meta, WhatsAppFormat::toPlain(quoted).left(140).toHtmlEscaped());
    }
    html += WhatsAppFormat::toHtml(ThreadModel::bodyText(row));
    if (row.status == QLatin1String("failed")) {
        QString reason = row.errorTitle.isEmpty() ? tr("Not delivered") : row.errorTitle;
        if (row.errorCode)
            reason += QStringLiteral(" (%1)").arg(row.errorCode);
        html += QStringLiteral("<p style=\"color:%1\">%2</p>")
                    .arg(style::tickFailed().name(), tr("Failed: %1").arg(reason).toHtmlEscaped());
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
    doc->setTextWidth(maxText);
    const int textWidth = qMin(maxText, int(std::ceil(doc->idealWidth())));
    doc->setTextWidth(textWidth);
    const QFontMetrics fm(option.font);
    const int metaWidth = fm.horizontalAdvance(metaText(row))
        + (row.direction == QLatin1String("out") ? style::TickWidth + 4 : 0);
    const QStringList actions = actionsFor(row);
    QFont linkFont = option.font;
    linkFont.setBold(true);
    const QFontMetrics lfm(linkFont);
    int actionWidth = 0;
    for (const QString &a : actions)
        actionWidth += lfm.horizontalAdvance(actionLabel(a)) + 12;
    const int contentWidth = qMin(maxText, qMax(textWidth, metaWidth + actionWidth));
    const int textHeight = int(std::ceil(doc->size().height()));
    const int bubbleHeight
        = style::BubblePadding + textHeight + style::MetaLineHeight + style::BubblePadding / 2;
    const bool out = row.direction == QLatin1String("out");
    const int bubbleWidth = contentWidth + 2 * style::BubblePadding;
    const int x = out ? option.rect.right() - style::BubbleMargin - bubbleWidth
                      : option.rect.left() + style::BubbleMargin;
    const int y = option.rect.top() + style::BubbleSpacing / 2;
    l.bubble = QRect(x, y, bubbleWidth, bubbleHeight);
    l.text = QRect(x + style::BubblePadding, y + style::BubblePadding, textWidth, textHeight);
    l.meta = QRect(l.bubble.right() - style::BubblePadding - metaWidth, l.text.bottom() + 1,
        metaWidth, style::MetaLineHeight);
    int ax = x + style::BubblePadding;
    for (const QString &a : actions) {
        const int w = lfm.horizontalAdvance(actionLabel(a)) + 4;
        l.actions.append({a, QRect(ax, l.text.bottom() + 1, w, style::MetaLineHeight)});
        ax += w + 8;
    }
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

    painter->translate(l.text.topLeft());
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette.setColor(QPalette::Text, style::bubbleText(pal));
    doc.documentLayout()->draw(painter, ctx);
    painter->translate(-l.text.topLeft());

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
    for (const auto &[a, rect] : layout(option, row, &doc).actions)
        if (a == action)
            return rect;
    return {};
}

bool MessageDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        auto *me = static_cast<QMouseEvent *>(event);
        const MessageRow row = index.data(ThreadModel::MessageRole).value<MessageRow>();
        QTextDocument doc;
        for (const auto &[action, rect] : layout(option, row, &doc).actions) {
            if (rect.contains(me->position().toPoint())) {
                Q_EMIT actionRequested(row, action);
                return true;
            }
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace parley::ui
