#include "composer/ComposerController.h"

#include "Composer.h"
#include "ConsoleSession.h"
#include "ThreadModel.h"
#include "common/Clock.h"
#include "common/Log.h"
#include "composer/CannedRepliesDialog.h"
#include "composer/ComposerBackend.h"
#include "composer/ComposerEdit.h"
#include "composer/ContactCardDialog.h"
#include "composer/InteractiveDialog.h"
#include "composer/LocationDialog.h"
#include "composer/ThreadActions.h"
#include "outbox/MessageBuilder.h"

#include <QDateTime>
#include <QDropEvent>
#include <QListView>
#include <QLocale>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSettings>

namespace parley::ui {

ComposerController::ComposerController(ConsoleSession *session, Composer *composer,
    QListView *thread, CurrentConversation current, QObject *parent)
    : QObject(parent), m_session(session), m_composer(composer), m_current(std::move(current))
{
    ComposerBackend::Options o;
    o.databasePath = session->databasePath();
    o.graph = session->graphConfig();
    o.secrets = session->secrets();
    o.clock = session->clock();
    m_backend = new ComposerBackend(o, this);
    m_actions = new ThreadActions(thread, this);

    connect(m_backend, &ComposerBackend::cannedListed, m_composer, &Composer::setCannedReplies);
    m_backend->listCanned();
    m_composer->setVariableProvider([this] { return variables(); });

    connect(
        m_composer, &Composer::attachmentSendRequested, this, &ComposerController::sendAttachment);
    connect(
        m_composer, &Composer::interactiveRequested, this, &ComposerController::openInteractive);
    connect(m_composer, &Composer::locationRequested, this, &ComposerController::openLocation);
    connect(m_composer, &Composer::contactRequested, this, &ComposerController::openContactCard);
    connect(m_composer, &Composer::cannedRepliesRequested, this,
        &ComposerController::openCannedReplies);
    connect(m_backend, &ComposerBackend::uploaded, this,
        [this](quint64 request, const QString &mediaId, const QString &kind, const QString &,
            const QString &error) {
            if (request != m_upload)
                return;
            m_upload = 0;
            const Pending pending = std::exchange(m_pending, Pending());
            const Attachment &attachment = pending.attachment;
            m_composer->setUploading(false);
            if (mediaId.isEmpty()) {
                m_composer->showNotice(tr("%1 was not sent: %2").arg(attachment.fileName, error));
                Q_EMIT attachmentSent({}, error);
                return;
            }
            core::MessageBuilder::MediaKind k;
            core::MessageBuilder::mediaKindFromName(kind, &k);
            const core::BuiltMessage built = core::MessageBuilder::media(k, mediaId,
                Attachments::takesCaption(kind) ? pending.caption : QString(),
                kind == QLatin1String("document") ? attachment.fileName : QString());
            QString sendError = built.error;
            QString key;
            if (built.ok())
                key = m_session->sendMessage(
                    pending.conversation, built.message, pending.replyTo, &sendError);
            if (key.isEmpty()) {
                m_composer->showNotice(
                    tr("%1 was not sent: %2").arg(attachment.fileName, sendError));
                Q_EMIT attachmentSent({}, sendError);
                return;
            }
            if (!pending.text.isEmpty()) {
                QString textError;
                if (m_session->sendText(pending.conversation, pending.text, {}, &textError)
                        .isEmpty()) {
                    m_composer->clearAttachment();
                    m_composer->showNotice(tr("The text was not sent: %1").arg(textError));
                    Q_EMIT attachmentSent(key, {});
                    return;
                }
            }
            if (m_current().id == pending.conversation.id)
                m_composer->clear();
            Q_EMIT attachmentSent(key, {});
        });

    // Drops on the thread attach like drops on the composer.
    m_viewport = thread->viewport();
    m_viewport->setAcceptDrops(true);
    m_viewport->installEventFilter(this);

    connect(m_actions, &ThreadActions::replyRequested, this, [this](const MessageRow &row) {
        m_composer->setReplyTo(row.id, ThreadModel::bodyText(row));
        m_composer->editor()->setFocus();
    });
    connect(m_actions, &ThreadActions::reactRequested, this, &ComposerController::react);
}

ComposerController::~ComposerController() = default;

QHash<QString, QString> ComposerController::variables() const
{
    const ConversationRow row = m_current();
    QHash<QString, QString> v;
    v.insert(QStringLiteral("name"), row.profileName.trimmed());
    v.insert(QStringLiteral("first_name"), CannedReplies::firstName(row.profileName));
    v.insert(QStringLiteral("agent"),
        QSettings().value(QLatin1String(CannedRepliesDialog::AgentNameKey)).toString().trimmed());
    if (!row.waId.isEmpty())
        v.insert(QStringLiteral("number"), core::maskPhone(QString(QLatin1Char('+') + row.waId)));
    v.insert(QStringLiteral("date"),
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_session->clock()->nowMs()).date(),
            QLocale::ShortFormat));
    return v;
}

void ComposerController::sendAttachment(const Attachment &attachment, const QString &caption,
    const QString &text, const QString &replyTo)
{
    const ConversationRow row = m_current();
    if (!row.id || m_upload)
        return;
    // The check again: the file may have changed since it was attached.
    Attachment now;
    QString refusal;
    if (!Attachments::check(attachment.path, &now, &refusal)) {
        m_composer->showNotice(refusal);
        return;
    }
    // Sent to the conversation it was written in, even if the agent opens another meanwhile.
    m_pending = {row, now, caption, text, replyTo};
    m_composer->setUploading(true);
    const QString number
        = row.phoneNumberId.isEmpty() ? m_session->phoneNumberId() : row.phoneNumberId;
    m_upload = m_backend->upload(number, now.path, now.kind);
}

bool ComposerController::send(const QJsonObject &message)
{
    const ConversationRow row = m_current();
    if (!row.id)
        return false;
    QString error;
    if (m_session->sendMessage(row, message, m_composer->replyTo(), &error).isEmpty()) {
        m_composer->showNotice(error);
        return false;
    }
    m_composer->setReplyTo({}, {});
    return true;
}

void ComposerController::react(const MessageRow &row, const QString &emoji)
{
    const core::BuiltMessage built = core::MessageBuilder::reaction(row.id, emoji);
    QString error = built.error;
    if (built.ok() && !m_session->sendMessage(m_current(), built.message, {}, &error).isEmpty())
        return;
    m_composer->showNotice(tr("The reaction was not sent: %1").arg(error));
}

InteractiveDialog *ComposerController::openInteractive()
{
    if (!m_interactive) {
        m_interactive = new InteractiveDialog(m_composer->window());
        m_interactive->setAttribute(Qt::WA_DeleteOnClose);
        // Closed means gone: the next open builds a fresh dialog.
        connect(m_interactive, &QDialog::finished, this, [this] { m_interactive = nullptr; });
        connect(m_interactive, &QDialog::accepted, this, [this, dialog = m_interactive] {
            if (dialog)
                send(dialog->message().message);
        });
    }
    m_interactive->open();
    return m_interactive;
}

LocationDialog *ComposerController::openLocation()
{
    if (!m_location) {
        m_location = new LocationDialog(m_composer->window());
        m_location->setAttribute(Qt::WA_DeleteOnClose);
        // Closed means gone: the next open builds a fresh dialog.
        connect(m_location, &QDialog::finished, this, [this] { m_location = nullptr; });
        connect(m_location, &QDialog::accepted, this, [this, dialog = m_location] {
            if (dialog)
                send(dialog->message().message);
        });
    }
    m_location->open();
    return m_location;
}

ContactCardDialog *ComposerController::openContactCard()
{
    if (!m_contact) {
        m_contact = new ContactCardDialog(m_composer->window());
        m_contact->setAttribute(Qt::WA_DeleteOnClose);
        // Closed means gone: the next open builds a fresh dialog.
        connect(m_contact, &QDialog::finished, this, [this] { m_contact = nullptr; });
        connect(m_contact, &QDialog::accepted, this, [this, dialog = m_contact] {
            if (dialog)
                send(dialog->message().message);
        });
    }
    m_contact->open();
    return m_contact;
}

CannedRepliesDialog *ComposerController::openCannedReplies()
{
    if (!m_canned) {
        m_canned = new CannedRepliesDialog(m_backend, m_composer->window());
        m_canned->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_canned->show();
    m_canned->raise();
    return m_canned;
}

bool ComposerController::eventFilter(QObject *watched, QEvent *event)
{
    // Compared by pointer only: the filter also sees the viewport's events while the view is
    // being destroyed.
    if (watched == m_viewport && m_viewport) {
        switch (event->type()) {
        case QEvent::DragEnter:
        case QEvent::DragMove: {
            auto *drag = static_cast<QDragMoveEvent *>(event);
            if (m_composer->isEnabled() && Attachments::canAttach(drag->mimeData())) {
                drag->acceptProposedAction();
                return true;
            }
            break;
        }
        case QEvent::Drop: {
            auto *drop = static_cast<QDropEvent *>(event);
            if (m_composer->isEnabled() && Attachments::canAttach(drop->mimeData())) {
                m_composer->composerEdit()->takeMimeData(drop->mimeData());
                drop->acceptProposedAction();
                return true;
            }
            break;
        }
        default: break;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace parley::ui
