#pragma once

#include "ConsoleTypes.h"
#include "composer/Attachments.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QListView;

namespace parley::ui {

class CannedRepliesDialog;
class Composer;
class ComposerBackend;
class ConsoleSession;
class ContactCardDialog;
class InteractiveDialog;
class LocationDialog;
class ThreadActions;

// The composer's extras, wired from outside MainWindow: attachments (uploaded off the UI thread,
// then queued in the outbox), canned replies (store, completer, variables), the interactive,
// location and contact card dialogs, drops on the thread, and the thread's Reply/React menu.
// Everything goes to the conversation `current()` returns at the moment it is sent.
class ComposerController : public QObject
{
    Q_OBJECT
public:
    using CurrentConversation = std::function<ConversationRow()>;

    ComposerController(ConsoleSession *session, Composer *composer, QListView *thread,
        CurrentConversation current, QObject *parent = nullptr);
    ~ComposerController() override;

    ComposerBackend *backend() const { return m_backend; }
    ThreadActions *threadActions() const { return m_actions; }

    InteractiveDialog *openInteractive();
    LocationDialog *openLocation();
    ContactCardDialog *openContactCard();
    CannedRepliesDialog *openCannedReplies();

    // The values canned replies fill for the current conversation (docs/console.md).
    QHash<QString, QString> variables() const;
    // Queues a built message object to the current conversation (as a reply when the composer
    // quotes one); false with the reason shown in the composer.
    bool send(const QJsonObject &message);
    void react(const MessageRow &row, const QString &emoji);

Q_SIGNALS:
    // An attachment went into the outbox (after its upload), or could not (error not empty).
    void attachmentSent(const QString &idempotencyKey, const QString &error);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void sendAttachment(const Attachment &attachment, const QString &caption, const QString &text,
        const QString &replyTo);

    ConsoleSession *m_session;
    Composer *m_composer;
    QPointer<QWidget> m_viewport; // the thread's, where files can be dropped
    CurrentConversation m_current;
    ComposerBackend *m_backend;
    ThreadActions *m_actions;
    QPointer<InteractiveDialog> m_interactive;
    QPointer<LocationDialog> m_location;
    QPointer<ContactCardDialog> m_contact;
    QPointer<CannedRepliesDialog> m_canned;
    struct Pending
    {
        ConversationRow conversation;
        Attachment attachment;
        QString caption;
        QString text;
        QString replyTo;
    };
    Pending m_pending; // the attachment being uploaded
    quint64 m_upload = 0;
};

} // namespace parley::ui
