#pragma once

#include "ConsoleTypes.h"
#include "Preferences.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class QComboBox;
class QLabel;
class QMenu;
class QListView;
class QSplitter;

namespace parley::ui {

class AdminLock;
class Composer;
class ConsoleSession;
class ConversationListModel;
class SearchDialog;
class ShortcutsDialog;
class NotificationCenter;
class RetentionRunner;
class TemplatePickerDialog;
class ThreadModel;
class ThreadView;

// The agent console: conversations on the left, the open thread with its composer in the
// middle, the contact on the right.
class OutboxDialog;
class PreferencesDialog;
class AdminStore;
class HealthDialog;
class TemplatesManager;
class WebhookInspector;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ConsoleSession *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    ConversationListModel *conversationModel() const { return m_conversations; }
    ThreadModel *threadModel() const { return m_thread; }
    QListView *conversationView() const { return m_list; }
    ThreadView *threadView() const { return m_threadView; }
    Composer *composer() const { return m_composer; }
    QLabel *contactPanel() const { return m_contact; }
    QComboBox *filterBox() const { return m_filter; }
    SearchDialog *searchDialog();
    TemplatePickerDialog *templatePicker() const;
    qint64 currentConversationId() const { return m_current.id; }

    // Opens a conversation (as if the agent clicked it in the list).
    void openConversation(qint64 conversationId);
    void openSearch();
    void openTemplatePicker();
    void openSettings();
    // Read-receipt policy: the thread must stay open in the active window this long.
    void setReadAfterFocusMs(int ms) { m_readPolicy.setInterval(ms); }
    OutboxDialog *openOutbox();
    // Edit ▸ Preferences (the agent's own: theme, read receipts, typing, notifications).
    PreferencesDialog *openPreferences();
    const Preferences &preferences() const { return m_prefs; }
    // Admin passphrase lock (settings, outbox, admin screens) and the privacy settings.
    AdminLock *adminLock() const { return m_lock; }
    RetentionRunner *retentionRunner() const { return m_retention; }
    // The keyboard cheat sheet (F1, Ctrl+/).
    void openShortcuts();
    ShortcutsDialog *shortcutsDialog() const;
    // New-message notifications, the tray icon and its unread count.
    NotificationCenter *notifications() const { return m_notifications; }
    // Admin and operations screens (ui/admin/).
    TemplatesManager *openTemplatesManager();
    WebhookInspector *openWebhookInspector();
    HealthDialog *openHealth();

Q_SIGNALS:
    void templatePickerShown();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void buildMenus();
    void setupNotifications();
    void onCurrentChanged();
    void onSend(const QString &text, const QString &replyTo);
    void onAction(const MessageRow &row, const QString &action);
    void onContact(quint64 request, const ContactDetails &details);
    void updateHeader();
    void applyTheme();

    ConsoleSession *m_session;
    // The thread is declared (constructed, connected) first: on a change its refresh is queued on
    // the store worker before the list's, so an open thread shows a new message first.
    ThreadModel *m_thread;
    ConversationListModel *m_conversations;
    QListView *m_list;
    ThreadView *m_threadView;
    Composer *m_composer;
    QLabel *m_header;
    QLabel *m_contact;
    QComboBox *m_filter;
    QComboBox *m_sort;
    QComboBox *m_number;
    QSplitter *m_splitter;
    QPointer<SearchDialog> m_search;
    QPointer<TemplatePickerDialog> m_picker;
    QPointer<OutboxDialog> m_outbox;
    AdminLock *m_lock;
    RetentionRunner *m_retention;
    bool m_maskPhones = false;
    QPointer<ShortcutsDialog> m_shortcuts;
    NotificationCenter *m_notifications = nullptr;
    AdminStore *adminStore();
    AdminStore *m_admin = nullptr;
    QPointer<TemplatesManager> m_templatesManager;
    QPointer<WebhookInspector> m_inspector;
    QPointer<HealthDialog> m_health;
    ConversationRow m_current;
    qint64 m_pendingOpen = 0;
    quint64 m_contactRequest = 0;
    quint64 m_templatesRequest = 0;
    QTimer m_countdown; // the window chips count down every second
    Preferences m_prefs;
    QMenu *m_notificationsMenu = nullptr;
    QTimer m_readPolicy; // mark read after the thread has been in focus for a while
    qint64 m_lastTypingMs = 0;
    QString lastInboundMessageId() const;
};

} // namespace parley::ui
