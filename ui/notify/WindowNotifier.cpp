#include "notify/WindowNotifier.h"

#include <QEvent>
#include <QFrame>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>
#include <QWidget>

namespace parley::ui {

namespace {
constexpr int BannerMs = 6000;
constexpr int BannerWidth = 320;
} // namespace

WindowNotifier::WindowNotifier(QWidget *window, QObject *parent)
    : Notifier(parent), m_window(window), m_banner(new QFrame(window))
{
    m_banner->setObjectName(QStringLiteral("notificationBanner"));
    m_banner->setAccessibleName(tr("New message notification"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    m_banner->setCursor(Qt::PointingHandCursor);
    auto *layout = new QVBoxLayout(m_banner);
    layout->setContentsMargins(10, 8, 10, 8);
    m_title = new QLabel(m_banner);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_body = new QLabel(m_banner);
    m_body->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_body);
    m_banner->hide();
    m_banner->installEventFilter(this);
    window->installEventFilter(this);
    m_hide.setSingleShot(true);
    m_hide.setInterval(BannerMs);
    connect(&m_hide, &QTimer::timeout, m_banner, &QWidget::hide);
}

void WindowNotifier::notify(const Notice &notice)
{
    m_conversation = notice.conversationId;
    m_title->setText(notice.title);
    m_body->setText(notice.body);
    place();
    m_banner->show();
    m_banner->raise();
    m_hide.start();
}

void WindowNotifier::setUnreadCount(int count)
{
    if (!m_window)
        return;
    // The window's own title without a count we put there before.
    QString title = m_window->windowTitle();
    if (!m_baseTitle.isEmpty() && title.endsWith(m_baseTitle))
        title = m_baseTitle;
    m_baseTitle = title;
    m_window->setWindowTitle(count > 0 ? QStringLiteral("(%1) %2").arg(count).arg(title) : title);
}

void WindowNotifier::place()
{
    if (!m_window)
        return;
    m_banner->setFixedWidth(BannerWidth);
    m_banner->adjustSize();
    m_banner->move(
        m_window->width() - m_banner->width() - 16, m_window->height() - m_banner->height() - 48);
}

bool WindowNotifier::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_banner && event->type() == QEvent::MouseButtonRelease) {
        m_banner->hide();
        if (m_conversation)
            Q_EMIT activated(m_conversation);
        return true;
    }
    if (watched == m_window && event->type() == QEvent::Resize && m_banner->isVisible())
        place();
    return Notifier::eventFilter(watched, event);
}

} // namespace parley::ui
