#include "notify/TrayNotifier.h"

#include "Style.h"

#include <QFont>
#include <QPainter>
#include <QSystemTrayIcon>

namespace parley::ui {

TrayNotifier::TrayNotifier(const QIcon &icon, QObject *parent)
    : Notifier(parent), m_tray(new QSystemTrayIcon(this)), m_icon(icon)
{
    m_tray->setIcon(m_icon);
    m_tray->setToolTip(tr("Parley"));
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (m_lastConversation)
            Q_EMIT activated(m_lastConversation);
    });
    connect(m_tray, &QSystemTrayIcon::activated, this,
        [this](QSystemTrayIcon::ActivationReason) { Q_EMIT showWindowRequested(); });
    m_tray->show();
}

TrayNotifier::~TrayNotifier() = default;

void TrayNotifier::notify(const Notice &notice)
{
    // The tray shows one message at a time: a click opens the latest one's conversation.
    m_lastConversation = notice.conversationId;
    m_tray->showMessage(notice.title, notice.body, m_icon, 8000);
}

void TrayNotifier::setUnreadCount(int count)
{
    m_tray->setIcon(badged(m_icon, count));
    m_tray->setToolTip(
        count > 0 ? tr("Parley — %n unread message(s)", nullptr, count) : tr("Parley"));
}

QIcon TrayNotifier::badged(const QIcon &icon, int count)
{
    if (count <= 0)
        return icon;
    constexpr int Size = 64;
    QPixmap pixmap = icon.pixmap(Size, Size);
    if (pixmap.isNull()) {
        pixmap = QPixmap(Size, Size);
        pixmap.fill(Qt::transparent);
    }
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QString text = count > 99 ? QStringLiteral("99+") : QString::number(count);
    QFont font = p.font();
    font.setBold(true);
    font.setPixelSize(count > 99 ? 20 : 26);
    p.setFont(font);
    const int w = qMax(34, QFontMetrics(font).horizontalAdvance(text) + 12);
    const QRect badge(Size - w, 0, w, 34);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xd3, 0x2f, 0x2f));
    p.drawRoundedRect(badge, 17, 17);
    p.setPen(Qt::white);
    p.drawText(badge, Qt::AlignCenter, text);
    p.end();
    return QIcon(pixmap);
}

} // namespace parley::ui
