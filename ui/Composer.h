#pragma once

#include "composer/Attachments.h"
#include "composer/CannedReplies.h"

#include <QHash>
#include <QWidget>

#include <functional>
#include <memory>

class QCompleter;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QStandardItemModel;
class QTemporaryDir;
class QToolButton;

namespace parley::ui {

class AttachmentChip;
class ComposerEdit;

// Where the agent writes. Enter sends, Shift+Enter starts a new line. When the conversation's
// window is closed the text box gives way to a notice and the template path.
// Attachments come by the + menu's file dialog, by drag-and-drop or by paste (images become
// PNG files) and are checked against MediaPolicy before anything is uploaded. Typing /shortcut
// at the start opens the canned replies; Tab or Enter inserts one with its variables filled.
class Composer : public QWidget
{
    Q_OBJECT
public:
    using VariableProvider = std::function<QHash<QString, QString>()>;

    explicit Composer(QWidget *parent = nullptr);
    ~Composer() override;

    void setWindowOpen(bool open);
    bool isWindowOpen() const { return m_windowOpen; }
    void setReplyTo(const QString &messageId, const QString &quotedText);
    QString replyTo() const { return m_replyTo; }
    QString text() const;
    // Empties the text, the reply, the attachment and the notice.
    void clear();
    QPlainTextEdit *editor() const;
    ComposerEdit *composerEdit() const { return m_edit; }
    QPushButton *templateButton() const { return m_templateButton; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *closedTemplateButton() const { return m_openTemplates; }
    QToolButton *moreButton() const { return m_more; }

    // Attachments. A refused file leaves the current attachment as it was and says why.
    bool attachFile(const QString &path);
    bool attachImage(const QImage &image);
    bool hasAttachment() const;
    const Attachment &attachment() const;
    AttachmentChip *attachmentChip() const { return m_chip; }
    void clearAttachment();
    // While an attachment uploads, sending is off and the notice says so.
    void setUploading(bool uploading);
    bool isUploading() const { return m_uploading; }

    // A line above the text box: refusals, upload errors, variables left unfilled.
    void showNotice(const QString &text, bool error = true);
    QLabel *notice() const { return m_notice; }

    // Canned replies.
    void setCannedReplies(const QList<CannedReply> &replies);
    void setVariableProvider(VariableProvider provider) { m_variables = std::move(provider); }
    // Replaces the text with the reply's, variables filled; false when there is no such reply.
    bool insertCanned(const QString &shortcut);
    QCompleter *cannedCompleter() const { return m_completer; }
    // Variables the last inserted reply could not fill ("order"), flagged in the text box.
    QStringList unfilledVariables() const { return m_unfilled; }

Q_SIGNALS:
    void sendRequested(const QString &text, const QString &replyTo);
    // Send pressed with an attachment: upload it, then queue it with `caption`; a non-empty
    // `text` follows as its own message.
    void attachmentSendRequested(const parley::ui::Attachment &attachment, const QString &caption,
        const QString &text, const QString &replyTo);
    void templateRequested();
    void typing();
    void interactiveRequested();
    void locationRequested();
    void contactRequested();
    void cannedRepliesRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void submit();
    void chooseFile();
    void attachFiles(const QStringList &paths);
    // The "/shortcut" being typed (without the slash), or a null string when the text is not one.
    QString typedShortcut() const;
    void updateCompleter();
    bool completeCanned();

    QStackedWidget *m_stack;
    ComposerEdit *m_edit;
    QPushButton *m_send;
    QPushButton *m_templateButton;
    QPushButton *m_openTemplates;
    QToolButton *m_more;
    QLabel *m_closedNotice;
    QLabel *m_replyLabel;
    QLabel *m_notice;
    AttachmentChip *m_chip;
    QCompleter *m_completer;
    QStandardItemModel *m_cannedModel;
    QList<CannedReply> m_canned;
    VariableProvider m_variables;
    QStringList m_unfilled;
    std::unique_ptr<QTemporaryDir> m_pasteDir;
    QString m_replyTo;
    bool m_windowOpen = true;
    bool m_uploading = false;
};

} // namespace parley::ui
