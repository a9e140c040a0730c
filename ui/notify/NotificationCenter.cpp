#include "notify/NotificationCenter.h"

#include "ConsoleStore.h"
#include "ConversationListModel.h"
#include "ThreadModel.h"
#include "WhatsAppFormat.h"
#include "notify/TrayNotifier.h"
#include "notify/WindowNotifier.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QWidget>

namespace parley::ui {

namespace {
constexpr int PreviewChars = 120;
constexpr int SeenLimit = 10000;

bool notifiable(const MessageRow &r)
{
    return r.direction == QLatin1String("in") && r.type != QLatin1String("reaction")
        && r.type != QLatin1String("edit") && r.type != QLatin1String("system");
}
} // namespace

NotificationCenter::NotificationCenter(ConsoleStore *store, QObject *parent)
    : QObject(parent), m_store(store), m_settings(NotificationSettings::load())
{
    connect(m_store, &ConsoleStore::changed, this, &NotificationCenter::onChanged);
    connect(m_store, &ConsoleStore::messagesReady, this, &NotificationCenter::onMessages);
    connect(m_store, &ConsoleStore::conversationsReady, this, &NotificationCenter::onConversations);
    connect(m_store, &ConsoleStore::unreadTotalReady, this, [this](quint64 request, int unread) {
        if (request != m_unreadRequest)
            return;
        m_unreadRequest = 0;
        if (unread != m_unread) {
            m_unread = unread;
            if (m_notifier)
                m_notifier->setUnreadCount(unread);
            Q_EMIT unreadCountChanged(unread);
        }
        if (m_unreadAgain) {
            m_unreadAgain = false;
            refreshUnread();
        }
    });
}

Notifier *NotificationCenter::createDefault(QWidget *window, const QIcon &icon)
{
    if (QSystemTrayIcon::isSystemTrayAvailable())
        return new TrayNotifier(icon);
    return new WindowNotifier(window);
}

void NotificationCenter::setWindow(QWidget *window, std::function<qint64()> openConversation)
{
    m_window = window;
    m_openConversation = std::move(openConversation);
}

void NotificationCenter::setNotifier(Notifier *notifier)
{
    if (m_notifier == notifier)
        return;
    delete m_notifier;
    m_notifier = notifier;
    if (!m_notifier)
        return;
    m_notifier->setParent(this);
    connect(m_notifier, &Notifier::activated, this, &NotificationCenter::openRequested);
    connect(m_notifier, &Notifier::showWindowRequested, this, [this] {
        if (m_window) {
            m_window->showNormal();
            m_window->raise();
            m_window->activateWindow();
        }
    });
    m_notifier->setUnreadCount(m_unread);
}

void NotificationCenter::setSettings(const NotificationSettings &settings)
{
    m_settings = settings;
}

void NotificationCenter::populateMenu(QMenu *menu)
{
    auto add = [this, menu](const QString &text, bool NotificationSettings::*field) {
        QAction *a = menu->addAction(text);
        a->setCheckable(true);
        a->setChecked(m_settings.*field);
        connect(a, &QAction::toggled, this, [this, field](bool on) {
            m_settings.*field = on;
            m_settings.save();
        });
        return a;
    };
    add(tr("&Show notifications"), &NotificationSettings::enabled);
    add(tr("Also while the window is &focused"), &NotificationSettings::whenFocused);
    add(tr("Play a &sound"), &NotificationSettings::sound);
}

void NotificationCenter::refreshUnread()
{
    if (m_unreadRequest) {
        m_unreadAgain = true;
        return;
    }
    m_unreadRequest = m_store->requestUnreadTotal();
}

void NotificationCenter::onChanged(const StoreChange &change)
{
    refreshUnread();
    QStringList fresh;
    for (const QString &id : change.messageIds)
        if (!m_seen.contains(id))
            fresh << id;
    if (fresh.isEmpty())
        return;
    if (m_seen.size() > SeenLimit)
        m_seen.clear();
    for (const QString &id : std::as_const(fresh))
        m_seen.insert(id);
    m_messageRequests.insert(m_store->requestMessagesByIds(fresh));
}

void NotificationCenter::onMessages(quint64 request, const QList<MessageRow> &rows)
{
    if (!m_messageRequests.remove(request))
        return;
    QList<MessageRow> inbound;
    QList<qint64> conversations;
    for (const MessageRow &r : rows) {
        if (!notifiable(r))
            continue;
        inbound << r;
        if (!conversations.contains(r.conversationId))
            conversations << r.conversationId;
    }
    if (inbound.isEmpty())
        return;
    // The contact's name comes with the conversation row.
    m_waitingForNames.insert(m_store->requestConversationsById(conversations), inbound);
}

bool NotificationCenter::shouldNotify(qint64 conversationId) const
{
    if (!m_settings.enabled)
        return false;
    const bool focused = m_window && m_window->isActiveWindow() && !m_window->isMinimized();
    if (!focused)
        return true;
    if (m_openConversation && m_openConversation() == conversationId)
        return false; // the agent is looking at it
    return m_settings.whenFocused;
}

void NotificationCenter::onConversations(quint64 request, const QList<ConversationRow> &rows)
{
    const auto it = m_waitingForNames.find(request);
    if (it == m_waitingForNames.end())
        return;
    const QList<MessageRow> messages = *it;
    m_waitingForNames.erase(it);
    QHash<qint64, ConversationRow> byId;
    for (const ConversationRow &c : rows)
        byId.insert(c.id, c);
    for (const MessageRow &m : messages) {
        if (!shouldNotify(m.conversationId))
            continue;
        Notice n;
        n.conversationId = m.conversationId;
        n.messageId = m.id;
        const auto c = byId.constFind(m.conversationId);
        n.title = c == byId.cend() ? tr("New message") : ConversationListModel::titleFor(*c);
        n.body = WhatsAppFormat::toPlain(ThreadModel::bodyText(m)).simplified();
        if (n.body.size() > PreviewChars)
            n.body = n.body.left(PreviewChars - 1) + QStringLiteral("…");
        ++m_shown;
        if (m_notifier)
            m_notifier->notify(n);
        if (m_settings.sound)
            QApplication::beep();
        Q_EMIT noticeShown(n);
    }
}

} // namespace parley::ui
