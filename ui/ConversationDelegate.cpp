#include "ConversationDelegate.h"

#include "ConversationListModel.h"
#include "Style.h"
#include "WhatsAppFormat.h"
#include "common/Clock.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>

namespace parley::ui {

ConversationDelegate::ConversationDelegate(core::Clock *clock, QObject *parent)
    : QStyledItemDelegate(parent), m_clock(clock)
{
}

QString ConversationDelegate::chipText(qint64 secondsLeft)
{
    if (secondsLeft <= 0)
        return tr("closed");
    const qint64 minutes = (secondsLeft + 59) / 60;
    if (minutes < 60)
        return tr("%1m").arg(minutes);
    return tr("%1h %2m").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QColor ConversationDelegate::chipColour(qint64 secondsLeft, const QPalette &palette)
{
    if (secondsLeft <= 0)
        return style::windowClosed(palette);
    if (secondsLeft <= style::WindowAmberSecs)
        return style::windowClosing(palette);
    return style::windowOpen(palette);
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return QSize(260, style::ListRowHeightLines * (fm.height() + 2) + 2 * style::ListRowPadding);
}

void ConversationDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *st = widget ? widget->style() : QApplication::style();
    st->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QColor text = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    const QColor dim = selected ? pal.color(QPalette::HighlightedText) : style::metaText(pal);
    const QRect r = option.rect.adjusted(style::ListRowPadding, style::ListRowPadding,
        -style::ListRowPadding, -style::ListRowPadding);
    const QFontMetrics fm(option.font);
    const int line = fm.height() + 2;

    const qint64 expires = index.data(ConversationListModel::WindowExpiresAtRole).toLongLong();
    const qint64 left = expires - m_clock->nowSecs();
    const QString chip = chipText(left);
    const int chipWidth = fm.horizontalAdvance(chip) + 2 * style::ChipPadding;
    const QRect chipRect(r.right() - chipWidth, r.top(), chipWidth, line);

    const qint64 at = index.data(ConversationListModel::LastMessageAtRole).toLongLong();
    const QDateTime when = QDateTime::fromSecsSinceEpoch(at).toLocalTime();
    const QString time = at == 0 ? QString()
        : when.date() == QDateTime::fromMSecsSinceEpoch(m_clock->nowMs()).toLocalTime().date()
        ? when.toString(QStringLiteral("HH:mm"))
        : QLocale().toString(when.date(), QLocale::ShortFormat);
    const int timeWidth = fm.horizontalAdvance(time);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(text);
    const QRect titleRect(r.left(), r.top(), r.width() - chipWidth - timeWidth - 12, line);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(bold).elidedText(index.data(ConversationListModel::TitleRole).toString(),
            Qt::ElideRight, titleRect.width()));
    painter->setFont(option.font);
    painter->setPen(dim);
    painter->drawText(QRect(chipRect.left() - timeWidth - 6, r.top(), timeWidth, line),
        Qt::AlignRight | Qt::AlignVCenter, time);

    painter->setPen(Qt::NoPen);
    painter->setBrush(chipColour(left, pal));
    painter->drawRoundedRect(chipRect, style::ChipRadius, style::ChipRadius);
    painter->setPen(style::chipText());
    painter->drawText(chipRect, Qt::AlignCenter, chip);

    const int unread = index.data(ConversationListModel::UnreadRole).toInt();
    int previewRight = r.right();
    if (unread > 0) {
        const QString n = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        const int w = qMax(style::BadgeMinWidth, fm.horizontalAdvance(n) + 10);
        const QRect badge(r.right() - w, r.top() + line + 1, w, line - 2);
        painter->setPen(Qt::NoPen);
        painter->setBrush(style::unreadBadge());
        painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
        painter->setPen(Qt::white);
        painter->setFont(bold);
        painter->drawText(badge, Qt::AlignCenter, n);
        painter->setFont(option.font);
        previewRight = badge.left() - 6;
    }
    QString preview
        = WhatsAppFormat::toPlain(index.data(ConversationListModel::PreviewRole).toString());
    preview.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (index.data(ConversationListModel::LastDirectionRole).toString() == QLatin1String("out"))
        preview = tr("You: %1").arg(preview);
    painter->setPen(dim);
    const QRect previewRect(r.left(), r.top() + line, previewRight - r.left(), line);
    painter->drawText(previewRect, Qt::AlignLeft | Qt::AlignVCenter,
        fm.elidedText(preview, Qt::ElideRight, previewRect.width()));
    painter->restore();
}

} // namespace parley::ui
