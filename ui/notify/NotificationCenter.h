#pragma once

#include "ConsoleTypes.h"
#include "notify/NotificationSettings.h"
#include "notify/Notifier.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>

class QMenu;
class QWidget;

namespace parley::ui {

class ConsoleStore;

// Decides what the agent is told about new customer messages. It watches the store's changes
// (never polls): new message ids are read back on the store thread, inbound ones become one
// notice each, unless notifications are off, or the window is active and either "also when
// focused" is off or the message belongs to the conversation open in it. The unread total over
// every conversation is re-read on each change and handed to the notifier (tray badge).
class NotificationCenter : public QObject
{
    Q_OBJECT
public:
    explicit NotificationCenter(ConsoleStore *store, QObject *parent = nullptr);

    // The window whose focus counts, and which conversation it has open.
    void setWindow(QWidget *window, std::function<qint64()> openConversation);
    // Takes ownership. A tray when the desktop has one, else notices inside the window.
    void setNotifier(Notifier *notifier);
    Notifier *notifier() const { return m_notifier; }
    // TrayNotifier when QSystemTrayIcon::isSystemTrayAvailable(), else a WindowNotifier.
    static Notifier *createDefault(QWidget *window, const QIcon &icon);

    NotificationSettings settings() const { return m_settings; }
    void setSettings(const NotificationSettings &settings);
    // Checkable actions for the three settings (a "Notifications" menu), saved on change.
    void populateMenu(QMenu *menu);

    int unreadCount() const { return m_unread; }
    int shownCount() const { return m_shown; }
    // Re-reads the unread total now (at start).
    void refreshUnread();

Q_SIGNALS:
    void noticeShown(const parley::ui::Notice &notice);
    void unreadCountChanged(int count);
    // The agent clicked a notice.
    void openRequested(qint64 conversationId);

private:
    void onChanged(const StoreChange &change);
    void onMessages(quint64 request, const QList<MessageRow> &rows);
    void onConversations(quint64 request, const QList<ConversationRow> &rows);
    bool shouldNotify(qint64 conversationId) const;

    ConsoleStore *m_store;
    QPointer<QWidget> m_window;
    std::function<qint64()> m_openConversation;
    Notifier *m_notifier = nullptr;
    NotificationSettings m_settings;
    quint64 m_messagesRequest = 0;
    QSet<quint64> m_messageRequests;
    QHash<quint64, QList<MessageRow>> m_waitingForNames;
    quint64 m_unreadRequest = 0;
    bool m_unreadAgain = false;
    int m_unread = 0;
    int m_shown = 0;
    QSet<QString> m_seen; // message ids already considered (a replay or refresh reports them again)
};

} // namespace parley::ui
