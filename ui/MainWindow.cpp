#include "MainWindow.h"

#include "AdminLock.h"
#include "Composer.h"
#include "ConsoleSession.h"
#include "ConsoleStore.h"
#include "ConversationDelegate.h"
#include "ConversationListModel.h"
#include "MessageDelegate.h"
#include "OutboxDialog.h"
#include "Preferences.h"
#include "PreferencesDialog.h"
#include "RetentionRunner.h"
#include "SearchDialog.h"
#include "SettingsDialog.h"
#include "Style.h"
#include "TemplatePickerDialog.h"
#include "ThreadModel.h"
#include "ThreadView.h"
#include "admin/AdminStore.h"
#include "admin/HealthDialog.h"
#include "admin/TemplatesManager.h"
#include "admin/WebhookInspector.h"
#include "common/Clock.h"
#include "common/Log.h"
#include "composer/ComposerController.h"
#include "notify/NotificationCenter.h"
#include "outbox/Outbox.h"
#include "thread/ShortcutsDialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace parley::ui {

namespace {
}

MainWindow::MainWindow(ConsoleSession *session, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_thread(new ThreadModel(session->store(), this)),
      m_conversations(new ConversationListModel(session->store(), this)),
      m_lock(new AdminLock(session->databasePath(), session->clock(), this)),
      m_retention(new RetentionRunner(session->databasePath(), session->clock(), this))
{
    setWindowTitle(session->isDemo() ? tr("Parley — demo") : tr("Parley"));
    // Notifications: before the menus, which hold their settings.
    m_notifications = new NotificationCenter(session->store(), this);
    buildUi();
    buildMenus();
    setupNotifications();

    connect(m_session->store(), &ConsoleStore::contactReady, this, &MainWindow::onContact);
    connect(m_session->store(), &ConsoleStore::templatesReady, this,
        [this](quint64 request, const QList<core::TemplateDefinition> &templates) {
            if (request != m_templatesRequest)
                return;
            m_templatesRequest = 0;
            auto *dialog = new TemplatePickerDialog(templates, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            m_picker = dialog;
            const ConversationRow target = m_current;
            connect(dialog, &QDialog::accepted, this, [this, dialog, target] {
                QString error;
                if (m_session->sendTemplate(target, dialog->templateObject(), &error).isEmpty())
                    statusBar()->showMessage(error, 8000);
            });
            dialog->open();
            Q_EMIT templatePickerShown();
        });
    connect(m_session->store(), &ConsoleStore::changed, this, [this](const StoreChange &change) {
        if (m_current.id && (change.everything || change.conversationIds.contains(m_current.id)))
            m_contactRequest = m_session->store()->requestContact(m_current.id);
    });
    connect(m_conversations, &ConversationListModel::refreshed, this, [this] {
        if (m_pendingOpen) {
            const int row = m_conversations->rowOf(m_pendingOpen);
            if (row >= 0) {
                m_pendingOpen = 0;
                m_list->setCurrentIndex(m_conversations->index(row));
            }
        }
        // The open conversation's row changed (window renewed, new preview): keep the header true.
        if (const ConversationRow *r = m_conversations->rowAt(m_conversations->rowOf(m_current.id)))
            m_current = *r;
        updateHeader();
    });
    // Privacy: masked numbers for agent seats, the daily retention purge.
    auto applyPrivacy = [this](const core::PrivacySettings &p) {
        m_maskPhones = p.maskPhones;
        if (m_current.id)
            m_contactRequest = m_session->store()->requestContact(m_current.id);
    };
    connect(m_lock, &AdminLock::loaded, this,
        [this, applyPrivacy] { applyPrivacy(m_lock->privacy()); });
    connect(m_lock, &AdminLock::privacyChanged, this, applyPrivacy);
    connect(m_retention, &RetentionRunner::purged, this, [this] {
        StoreChange change;
        change.everything = true;
        m_session->store()->notifyChanged(change);
    });
    m_retention->start();
    connect(m_session, &ConsoleSession::sendFailed, this,
        [this](const QString &reason) { statusBar()->showMessage(reason, 8000); });

    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, [this] {
        updateHeader();
        m_list->viewport()->update();
    });
    m_countdown.start();

    m_readPolicy.setSingleShot(true);
    m_prefs = Preferences::load();
    m_prefs.applyTheme();
    m_readPolicy.setInterval(m_prefs.readAfterSeconds * 1000);
    connect(&m_readPolicy, &QTimer::timeout, this, [this] {
        if (!m_current.id || !isActiveWindow())
            return;
        if (m_thread->isLoading() && m_thread->rowCount() == 0) {
            // The thread is not in yet: apply the policy once it is.
            auto *once = new QObject(this);
            connect(m_thread, &ThreadModel::loaded, once, [this, once] {
                once->deleteLater();
                m_readPolicy.start();
            });
            return;
        }
        m_session->store()->markRead(m_current.id);
        if (m_prefs.sendReadReceipts)
            m_session->sendReadReceipt(m_current, lastInboundMessageId(), false);
    });

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    m_conversations->refresh();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildUi()
{
    m_splitter = new QSplitter(this);
    setCentralWidget(m_splitter);

    auto *left = new QWidget(m_splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(4, 4, 0, 4);
    auto *filters = new QHBoxLayout;
    m_filter = new QComboBox(left);
    m_filter->setAccessibleName(tr("Filter conversations"));
    m_filter->addItem(tr("All"), int(ConversationFilter::All));
    m_filter->addItem(tr("Unread"), int(ConversationFilter::Unread));
    m_filter->addItem(tr("Window closing"), int(ConversationFilter::WindowClosing));
    m_filter->addItem(tr("Window closed"), int(ConversationFilter::WindowClosed));
    m_sort = new QComboBox(left);
    m_sort->setAccessibleName(tr("Sort conversations"));
    m_sort->addItem(tr("Recent activity"), int(ConversationSort::RecentActivity));
    m_sort->addItem(tr("Window closing soonest"), int(ConversationSort::WindowClosingSoonest));
    filters->addWidget(m_filter);
    filters->addWidget(m_sort);
    leftLayout->addLayout(filters);
    m_number = new QComboBox(left);
    m_number->setAccessibleName(tr("Business number"));
    m_number->addItem(tr("All business numbers"), QString());
    if (!m_session->phoneNumberId().isEmpty())
        m_number->addItem(m_session->phoneNumberId(), m_session->phoneNumberId());
    leftLayout->addWidget(m_number);
    m_list = new QListView(left);
    m_list->setAccessibleName(tr("Conversations"));
    m_list->setModel(m_conversations);
    m_list->setItemDelegate(new ConversationDelegate(m_session->clock(), m_list));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    leftLayout->addWidget(m_list, 1);

    auto *center = new QWidget(m_splitter);
    auto *centerLayout = new QVBoxLayout(center);
    centerLayout->setContentsMargins(0, 4, 0, 0);
    centerLayout->setSpacing(0);
    m_header = new QLabel(center);
    m_header->setTextFormat(Qt::RichText);
    m_header->setContentsMargins(10, 6, 10, 6);
    m_header->setAccessibleName(tr("Conversation"));
    centerLayout->addWidget(m_header);
    m_threadView = new ThreadView(center);
    m_threadView->setThreadModel(m_thread);
    centerLayout->addWidget(m_threadView, 1);
    m_composer = new Composer(center);
    m_composer->setEnabled(false);
    centerLayout->addWidget(m_composer);

    m_contact = new QLabel(m_splitter);
    m_contact->setAccessibleName(tr("Contact"));
    m_contact->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_contact->setWordWrap(true);
    m_contact->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_contact->setContentsMargins(10, 10, 10, 10);
    m_contact->setMinimumWidth(180);

    m_splitter->addWidget(left);
    m_splitter->addWidget(center);
    m_splitter->addWidget(m_contact);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setSizes({300, 620, 220});
    resize(1180, 720);

    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        m_conversations->setFilter(ConversationFilter(m_filter->currentData().toInt()));
    });
    connect(m_sort, &QComboBox::currentIndexChanged, this,
        [this] { m_conversations->setSort(ConversationSort(m_sort->currentData().toInt())); });
    connect(m_number, &QComboBox::currentIndexChanged, this,
        [this] { m_conversations->setPhoneNumberId(m_number->currentData().toString()); });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &MainWindow::onCurrentChanged);
    connect(m_composer, &Composer::sendRequested, this, &MainWindow::onSend);
    connect(m_composer, &Composer::templateRequested, this, &MainWindow::openTemplatePicker);
    // Typing indicator: Meta shows it for up to 25 s or until the answer arrives.
    connect(m_composer, &Composer::typing, this, [this] {
        const qint64 now = m_session->clock()->nowMs();
        if (!m_prefs.typingIndicator || !m_current.id || now - m_lastTypingMs < 20'000)
            return;
        m_lastTypingMs = now;
        m_session->sendReadReceipt(m_current, lastInboundMessageId(), true);
    });
    connect(m_threadView->messageDelegate(), &MessageDelegate::actionRequested, this,
        &MainWindow::onAction);
    connect(
        m_threadView, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
            const MessageRow row = index.data(ThreadModel::MessageRole).value<MessageRow>();
            m_composer->setReplyTo(row.id, ThreadModel::bodyText(row));
            m_composer->editor()->setFocus();
        });
    connect(m_thread, &ThreadModel::messageReady, m_threadView, &ThreadView::showRow);
    // Attachments, canned replies, the builders, drops on the thread, Reply/React on a message.
    new ComposerController(
        m_session, m_composer, m_threadView, [this] { return m_current; }, this);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *settings = file->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setShortcut(QKeySequence::Preferences);
    file->addAction(tr("&Lock admin screens"), this, [this] {
        m_lock->lock();
        statusBar()->showMessage(tr("Admin screens locked."), 4000);
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *search = edit->addAction(tr("&Search messages…"), this, &MainWindow::openSearch);
    search->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence::Find});
    QAction *tpl = edit->addAction(tr("Send a &template…"), this, &MainWindow::openTemplatePicker);
    tpl->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    edit->addSeparator();
    edit->addAction(tr("&Preferences…"), this, &MainWindow::openPreferences);

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(tr("&Outbox…"), this, &MainWindow::openOutbox);
    m_notificationsMenu = tools->addMenu(tr("&Notifications"));
    m_notifications->populateMenu(m_notificationsMenu);
    tools->addAction(tr("&Templates…"), this, &MainWindow::openTemplatesManager);
    tools->addAction(tr("&Webhook inspector…"), this, &MainWindow::openWebhookInspector);
    tools->addAction(tr("&Health…"), this, &MainWindow::openHealth);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::openShortcuts);
    keys->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(Qt::CTRL | Qt::Key_Slash)});
    help->addAction(tr("&About Parley"), this, [this] {
        QMessageBox::about(this, tr("About Parley"),
            tr("Parley %1 — a native desktop agent console for the WhatsApp Cloud API.")
                .arg(QStringLiteral(PARLEY_VERSION)));
    });
}

SearchDialog *MainWindow::searchDialog()
{
    if (!m_search) {
        m_search = new SearchDialog(m_session->store(), this);
        connect(m_search, &SearchDialog::hitChosen, this, [this](const SearchHit &hit) {
            if (hit.conversationId != m_current.id) {
                openConversation(hit.conversationId);
                // The conversation opens asynchronously; jump once its first page is in.
                auto *once = new QObject(this);
                connect(m_thread, &ThreadModel::loaded, once, [this, hit, once] {
                    once->deleteLater();
                    m_thread->jumpTo(hit.rowid, hit.timestamp);
                });
            } else {
                m_thread->jumpTo(hit.rowid, hit.timestamp);
            }
        });
    }
    return m_search;
}

TemplatePickerDialog *MainWindow::templatePicker() const
{
    return m_picker.data();
}

void MainWindow::openSearch()
{
    SearchDialog *dialog = searchDialog();
    dialog->show();
    dialog->raise();
    dialog->input()->setFocus();
    dialog->input()->selectAll();
}

void MainWindow::openConversation(qint64 conversationId)
{
    const int row = m_conversations->rowOf(conversationId);
    if (row >= 0) {
        m_list->setCurrentIndex(m_conversations->index(row));
        return;
    }
    // Not in the current filter: show everything and select it when the list is in.
    m_pendingOpen = conversationId;
    m_filter->setCurrentIndex(0);
    m_conversations->refresh();
}

void MainWindow::onCurrentChanged()
{
    const ConversationRow *row = m_conversations->rowAt(m_list->currentIndex().row());
    if (!row || row->id == m_current.id) {
        if (row)
            m_current = *row;
        updateHeader();
        return;
    }
    m_current = *row;
    m_lastTypingMs = 0;
    m_thread->setConversation(m_current.id);
    m_composer->setEnabled(true);
    m_composer->clear();
    m_contactRequest = m_session->store()->requestContact(m_current.id);
    m_readPolicy.start();
    updateHeader();
}

void MainWindow::updateHeader()
{
    if (!m_current.id) {
        m_header->setText(tr("<b>Select a conversation</b>"));
        return;
    }
    const qint64 left = m_current.windowExpiresAt - m_session->clock()->nowSecs();
    const QColor colour = ConversationDelegate::chipColour(left, palette());
    const QString window = left > 0
        ? tr("window closes in %1").arg(ConversationDelegate::chipText(left))
        : tr("window closed");
    m_header->setText(QStringLiteral("<b>%1</b> &nbsp; <span style=\"color:%2\">● %3</span>")
                          .arg(ConversationListModel::titleFor(m_current).toHtmlEscaped(),
                              colour.name(), window.toHtmlEscaped()));
    m_composer->setWindowOpen(left > 0);
}

QString MainWindow::lastInboundMessageId() const
{
    for (int row = m_thread->rowCount() - 1; row >= 0; --row)
        if (const MessageRow *r = m_thread->rowAt(row); r && r->direction == QLatin1String("in"))
            return r->id;
    return {};
}

void MainWindow::onSend(const QString &text, const QString &replyTo)
{
    if (!m_current.id)
        return;
    QString error;
    if (m_session->sendText(m_current, text, replyTo, &error).isEmpty()) {
        statusBar()->showMessage(error, 8000);
        return;
    }
    m_composer->clear();
}

void MainWindow::onAction(const MessageRow &row, const QString &action)
{
    if (action == QLatin1String("retry"))
        m_session->retry(row.outboxId);
    else if (action == QLatin1String("send_template"))
        openTemplatePicker();
    else if (action == QLatin1String("reauthenticate"))
        openSettings();
}

void MainWindow::openTemplatePicker()
{
    if (!m_current.id || m_templatesRequest)
        return;
    m_templatesRequest = m_session->store()->requestTemplates();
}

PreferencesDialog *MainWindow::openPreferences()
{
    auto *dialog = new PreferencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PreferencesDialog::preferencesChanged, this, [this](const Preferences &p) {
        m_prefs = p;
        m_readPolicy.setInterval(p.readAfterSeconds * 1000);
        applyTheme();
    });
    // The notification choices save as they change; keep the Tools menu's ticks in step.
    connect(dialog->notifications(), &NotificationSettingsWidget::changed, this,
        [this](const NotificationSettings &s) {
            m_notifications->setSettings(s);
            m_notificationsMenu->clear();
            m_notifications->populateMenu(m_notificationsMenu);
        });
    dialog->open();
    return dialog;
}

OutboxDialog *MainWindow::openOutbox()
{
    if (!m_lock->ensureUnlocked(this, tr("The outbox")))
        return nullptr;
    if (!m_outbox)
        m_outbox = new OutboxDialog(m_session, this);
    m_outbox->show();
    m_outbox->raise();
    return m_outbox;
}

// Tray icon (or notices inside the window without a tray) with the unread count; a click on a
// notice opens its conversation. Inbound media fetched meanwhile replace their placeholders.
void MainWindow::setupNotifications()
{
    m_notifications->setWindow(this, [this] { return m_current.id; });
    m_notifications->setNotifier(NotificationCenter::createDefault(
        this, windowIcon().isNull() ? QApplication::windowIcon() : windowIcon()));
    connect(m_notifications, &NotificationCenter::openRequested, this, [this](qint64 id) {
        showNormal();
        raise();
        activateWindow();
        openConversation(id);
    });
    m_notifications->refreshUnread();
    connect(m_session, &ConsoleSession::mediaFetched, m_thread,
        [this](const QString &mediaId) { m_thread->mediaAvailable(mediaId); });
}

ShortcutsDialog *MainWindow::shortcutsDialog() const
{
    return m_shortcuts.data();
}

void MainWindow::openShortcuts()
{
    if (!m_shortcuts) {
        m_shortcuts = new ShortcutsDialog(this, this);
        m_shortcuts->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_shortcuts->show();
    m_shortcuts->raise();
}

AdminStore *MainWindow::adminStore()
{
    if (!m_admin) {
        m_admin = new AdminStore(AdminStore::configFor(m_session), this);
        QString error;
        if (!m_admin->open(&error))
            statusBar()->showMessage(
                tr("The admin screens cannot open the store: %1").arg(error), 8000);
    }
    return m_admin;
}

TemplatesManager *MainWindow::openTemplatesManager()
{
    if (!m_lock->ensureUnlocked(this, tr("Templates")))
        return nullptr;
    if (!m_templatesManager)
        m_templatesManager = new TemplatesManager(m_session, adminStore(), this);
    m_templatesManager->show();
    m_templatesManager->raise();
    return m_templatesManager;
}

WebhookInspector *MainWindow::openWebhookInspector()
{
    if (!m_lock->ensureUnlocked(this, tr("The webhook inspector")))
        return nullptr;
    if (!m_inspector)
        m_inspector = new WebhookInspector(m_session, adminStore(), this);
    m_inspector->show();
    m_inspector->raise();
    return m_inspector;
}

HealthDialog *MainWindow::openHealth()
{
    if (!m_lock->ensureUnlocked(this, tr("Health")))
        return nullptr;
    if (!m_health)
        m_health = new HealthDialog(m_session, adminStore(), this);
    m_health->show();
    m_health->raise();
    return m_health;
}

void MainWindow::openSettings()
{
    if (!m_lock->ensureUnlocked(this, tr("Settings")))
        return;
    SettingsDialog dialog(m_session->secrets(), m_lock, this);
    dialog.exec();
}

void MainWindow::onContact(quint64 request, const ContactDetails &d)
{
    if (request != m_contactRequest)
        return;
    auto date = [](qint64 secs) {
        return secs ? QLocale().toString(
                   QDateTime::fromSecsSinceEpoch(secs).toLocalTime(), QLocale::ShortFormat)
                    : QStringLiteral("—");
    };
    const qint64 left = d.windowExpiresAt - m_session->clock()->nowSecs();
    QString html = QStringLiteral("<h3>%1</h3>")
                       .arg((d.profileName.isEmpty() ? ConversationListModel::titleFor(m_current)
                                                     : d.profileName)
                                .toHtmlEscaped());
    auto line = [&html](const QString &label, const QString &value) {
        if (!value.isEmpty())
            html += QStringLiteral("<p><b>%1</b><br>%2</p>")
                        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    const QString phone = d.waId.isEmpty() ? QString() : QLatin1Char('+') + d.waId;
    line(tr("Phone"), m_maskPhones ? core::maskPhone(phone) : phone);
    line(tr("BSUID"), d.userId);
    line(tr("Username"), d.username.isEmpty() ? QString() : QLatin1Char('@') + d.username);
    line(tr("Business number"), d.phoneNumberId);
    line(tr("Service window"),
        left > 0 ? tr("open, %1 left").arg(ConversationDelegate::chipText(left)) : tr("closed"));
    line(tr("Messages"), tr("%1 received, %2 sent").arg(d.inboundCount).arg(d.outboundCount));
    line(tr("First contact"), date(d.firstMessageAt));
    line(tr("Last contact"), date(d.lastMessageAt));
    m_contact->setText(html);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyTheme();
    else if (event->type() == QEvent::ActivationChange && isActiveWindow() && m_current.id)
        m_readPolicy.start();
    QMainWindow::changeEvent(event);
}

// Light and dark follow the system palette; the colours derived from it are re-read here.
void MainWindow::applyTheme()
{
    if (!m_threadView)
        return;
    QPalette pal = m_threadView->palette();
    pal.setColor(QPalette::Base, style::threadBackground(palette()));
    m_threadView->setPalette(pal);
    m_threadView->messageDelegate()->clearCache();
    m_threadView->viewport()->update();
    updateHeader();
}

} // namespace parley::ui
