#include "Composer.h"

#include "composer/AttachmentChip.h"
#include "composer/ComposerEdit.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace parley::ui {

namespace {
constexpr int ShortcutRole = Qt::UserRole + 1;
}

Composer::Composer(QWidget *parent) : QWidget(parent)
{
    setAcceptDrops(true);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(6, 4, 6, 6);
    m_replyLabel = new QLabel(this);
    m_replyLabel->setVisible(false);
    m_replyLabel->setWordWrap(true);
    outer->addWidget(m_replyLabel);
    m_notice = new QLabel(this);
    m_notice->setVisible(false);
    m_notice->setWordWrap(true);
    m_notice->setAccessibleName(tr("Composer notice"));
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outer->addWidget(m_notice);
    m_chip = new AttachmentChip(this);
    m_chip->setVisible(false);
    outer->addWidget(m_chip);

    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

    auto *openPage = new QWidget(m_stack);
    auto *row = new QHBoxLayout(openPage);
    row->setContentsMargins(0, 0, 0, 0);
    m_more = new QToolButton(openPage);
    m_more->setText(QStringLiteral("+"));
    m_more->setToolTip(tr("Attach a file, share a location or a contact, build buttons or a list"));
    m_more->setAccessibleName(tr("More ways to send"));
    m_more->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_more);
    QAction *attach = menu->addAction(tr("&Attach a file…"), this, &Composer::chooseFile);
    attach->setObjectName(QStringLiteral("attachFile"));
    attach->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    attach->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(attach); // the shortcut works while the composer has focus, menu closed
    menu->addAction(tr("Reply &buttons or list…"), this, &Composer::interactiveRequested)
        ->setObjectName(QStringLiteral("interactive"));
    menu->addAction(tr("&Location…"), this, &Composer::locationRequested)
        ->setObjectName(QStringLiteral("location"));
    menu->addAction(tr("&Contact card…"), this, &Composer::contactRequested)
        ->setObjectName(QStringLiteral("contact"));
    menu->addSeparator();
    menu->addAction(tr("Canned &replies…"), this, &Composer::cannedRepliesRequested)
        ->setObjectName(QStringLiteral("cannedReplies"));
    m_more->setMenu(menu);

    m_edit = new ComposerEdit(openPage);
    m_edit->setPlaceholderText(
        tr("Type a message (Enter sends, Shift+Enter for a new line, / for canned replies)"));
    m_edit->setAccessibleName(tr("Message"));
    m_edit->setMaximumHeight(96);
    m_edit->installEventFilter(this);
    m_templateButton = new QPushButton(tr("Template…"), openPage);
    m_templateButton->setAccessibleName(tr("Send a template"));
    m_send = new QPushButton(tr("Send"), openPage);
    m_send->setAccessibleName(tr("Send"));
    m_send->setDefault(true);
    row->addWidget(m_more);
    row->addWidget(m_edit, 1);
    row->addWidget(m_templateButton);
    row->addWidget(m_send);
    m_stack->addWidget(openPage);

    auto *closedPage = new QWidget(m_stack);
    auto *closedRow = new QHBoxLayout(closedPage);
    closedRow->setContentsMargins(0, 0, 0, 0);
    m_closedNotice
        = new QLabel(tr("The 24-hour service window is closed: only an approved template can "
                        "reach this customer until they write again."),
            closedPage);
    m_closedNotice->setWordWrap(true);
    m_openTemplates = new QPushButton(tr("Choose a template…"), closedPage);
    m_openTemplates->setAccessibleName(tr("Choose a template"));
    closedRow->addWidget(m_closedNotice, 1);
    closedRow->addWidget(m_openTemplates);
    m_stack->addWidget(closedPage);

    m_cannedModel = new QStandardItemModel(this);
    m_completer = new QCompleter(m_cannedModel, this);
    m_completer->setCompletionRole(ShortcutRole);
    m_completer->setCaseSensitivity(Qt::CaseSensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setWidget(m_edit);
    m_completer->popup()->setAccessibleName(tr("Canned replies"));
    m_edit->setCompleter(m_completer);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
        [this](const QString &shortcut) { insertCanned(shortcut); });

    connect(m_send, &QPushButton::clicked, this, &Composer::submit);
    connect(m_templateButton, &QPushButton::clicked, this, &Composer::templateRequested);
    connect(m_openTemplates, &QPushButton::clicked, this, &Composer::templateRequested);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_edit->toPlainText().isEmpty())
            Q_EMIT typing();
        updateCompleter();
    });
    connect(m_edit, &ComposerEdit::filesAttached, this, &Composer::attachFiles);
    connect(m_edit, &ComposerEdit::imagePasted, this, &Composer::attachImage);
    connect(m_chip, &AttachmentChip::removeRequested, this, &Composer::clearAttachment);
}

Composer::~Composer() = default;

QPlainTextEdit *Composer::editor() const
{
    return m_edit;
}

void Composer::setWindowOpen(bool open)
{
    m_windowOpen = open;
    m_stack->setCurrentIndex(open ? 0 : 1);
    m_chip->setVisible(open && hasAttachment());
}

void Composer::setReplyTo(const QString &messageId, const QString &quotedText)
{
    m_replyTo = messageId;
    m_replyLabel->setVisible(!messageId.isEmpty());
    m_replyLabel->setText(tr("Replying to: %1").arg(quotedText.left(120)));
}

QString Composer::text() const
{
    return m_edit->toPlainText();
}

void Composer::clear()
{
    m_edit->clear();
    m_edit->setExtraSelections({});
    m_unfilled.clear();
    setReplyTo({}, {});
    clearAttachment();
    setUploading(false);
    m_notice->clear();
    m_notice->setVisible(false);
}

void Composer::submit()
{
    if (!m_windowOpen || m_uploading)
        return;
    const QString text = m_edit->toPlainText().trimmed();
    if (hasAttachment()) {
        Q_EMIT attachmentSendRequested(m_chip->attachment(), m_chip->caption(), text, m_replyTo);
        return;
    }
    if (text.isEmpty())
        return;
    Q_EMIT sendRequested(text, m_replyTo);
}

// --- attachments ---------------------------------------------------------------------------

bool Composer::attachFile(const QString &path)
{
    if (!m_windowOpen) {
        showNotice(tr("The service window is closed: only a template can be sent."));
        return false;
    }
    Attachment attachment;
    QString refusal;
    if (!Attachments::check(path, &attachment, &refusal)) {
        showNotice(refusal);
        return false;
    }
    m_chip->setAttachment(attachment);
    m_chip->setVisible(true);
    m_notice->setVisible(false);
    m_edit->setFocus();
    return true;
}

bool Composer::attachImage(const QImage &image)
{
    if (!m_pasteDir)
        m_pasteDir = std::make_unique<QTemporaryDir>();
    QString error;
    const QString path = m_pasteDir->isValid()
        ? Attachments::savePastedImage(image, m_pasteDir->path(), &error)
        : QString();
    if (path.isEmpty()) {
        showNotice(error.isEmpty() ? tr("There is no room for the pasted image.") : error);
        return false;
    }
    return attachFile(path);
}

void Composer::attachFiles(const QStringList &paths)
{
    // One attachment per message: the first file that passes the check.
    for (const QString &path : paths) {
        if (attachFile(path))
            return;
    }
}

bool Composer::hasAttachment() const
{
    return !m_chip->attachment().isNull();
}

const Attachment &Composer::attachment() const
{
    return m_chip->attachment();
}

void Composer::clearAttachment()
{
    m_chip->setAttachment({});
    m_chip->setVisible(false);
}

void Composer::setUploading(bool uploading)
{
    m_uploading = uploading;
    m_send->setEnabled(!uploading);
    m_chip->setEnabled(!uploading);
    if (uploading)
        showNotice(tr("Uploading %1…").arg(m_chip->attachment().fileName), false);
}

void Composer::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Attach a file"), QString(),
        tr("WhatsApp media (*.jpg *.jpeg *.png *.webp *.mp4 *.3gp *.aac *.amr *.mp3 *.m4a *.ogg "
           "*.opus *.pdf *.txt *.doc *.docx *.xls *.xlsx *.ppt *.pptx);;All files (*)"));
    if (!path.isEmpty())
        attachFile(path);
}

void Composer::showNotice(const QString &text, bool error)
{
    m_notice->setText(text);
    m_notice->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
    m_notice->setVisible(!text.isEmpty());
}

void Composer::dragEnterEvent(QDragEnterEvent *event)
{
    if (Attachments::canAttach(event->mimeData()))
        event->acceptProposedAction();
}

void Composer::dropEvent(QDropEvent *event)
{
    m_edit->takeMimeData(event->mimeData());
    event->acceptProposedAction();
}

// --- canned replies ------------------------------------------------------------------------

void Composer::setCannedReplies(const QList<CannedReply> &replies)
{
    m_canned = replies;
    m_cannedModel->clear();
    for (const CannedReply &reply : replies) {
        QString preview = reply.text.simplified();
        if (preview.size() > 60)
            preview = preview.left(59) + QStringLiteral("…");
        auto *item = new QStandardItem(QStringLiteral("/%1 — %2").arg(reply.shortcut, preview));
        item->setData(reply.shortcut, ShortcutRole);
        item->setToolTip(reply.text);
        m_cannedModel->appendRow(item);
    }
}

QString Composer::typedShortcut() const
{
    static const QRegularExpression re(QStringLiteral("^/([a-z0-9_-]{0,32})$"));
    const QRegularExpressionMatch m = re.match(m_edit->toPlainText());
    if (!m.hasMatch() || m_edit->textCursor().position() != m_edit->toPlainText().size())
        return {};
    return m.captured(1).isNull() ? QStringLiteral("") : m.captured(1);
}

void Composer::updateCompleter()
{
    const QString typed = typedShortcut();
    if (typed.isNull() || m_canned.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(typed);
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    QRect rect = m_edit->cursorRect();
    rect.setWidth(qMax(320, m_edit->width() / 2));
    m_completer->complete(rect);
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
}

// Tab or Enter on "/sho": the reply chosen in the popup, else the one whose shortcut is typed,
// else the only one that starts with it.
bool Composer::completeCanned()
{
    const QString typed = typedShortcut();
    if (typed.isNull())
        return false;
    QString chosen;
    const QModelIndex current = m_completer->popup()->currentIndex();
    if (m_completer->popup()->isVisible() && current.isValid())
        chosen = current.data(ShortcutRole).toString();
    if (chosen.isEmpty()) {
        QStringList starting;
        for (const CannedReply &reply : std::as_const(m_canned)) {
            if (reply.shortcut == typed) {
                starting = {reply.shortcut};
                break;
            }
            if (reply.shortcut.startsWith(typed))
                starting.append(reply.shortcut);
        }
        if (starting.size() == 1)
            chosen = starting.first();
    }
    return !chosen.isEmpty() && insertCanned(chosen);
}

bool Composer::insertCanned(const QString &shortcut)
{
    auto it = std::find_if(m_canned.cbegin(), m_canned.cend(),
        [&shortcut](const CannedReply &r) { return r.shortcut == shortcut; });
    if (it == m_canned.cend())
        return false;
    m_completer->popup()->hide();
    const CannedExpansion expansion
        = CannedReplies::expand(it->text, m_variables ? m_variables() : QHash<QString, QString>());
    m_edit->setPlainText(expansion.text);
    QTextCursor end = m_edit->textCursor();
    end.movePosition(QTextCursor::End);
    m_edit->setTextCursor(end);
    m_unfilled = expansion.unknown;
    QList<QTextEdit::ExtraSelection> flags;
    for (const auto &[position, length] : expansion.unknownRanges) {
        QTextEdit::ExtraSelection flag;
        flag.cursor = QTextCursor(m_edit->document());
        flag.cursor.setPosition(position);
        flag.cursor.setPosition(position + length, QTextCursor::KeepAnchor);
        flag.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        flag.format.setUnderlineColor(QColor(0xc6, 0x28, 0x28));
        flag.format.setBackground(QColor(0xff, 0xeb, 0xee));
        flag.format.setForeground(QColor(0xb7, 0x1c, 0x1c));
        flags.append(flag);
    }
    m_edit->setExtraSelections(flags);
    if (!m_unfilled.isEmpty()) {
        QStringList names;
        for (const QString &name : std::as_const(m_unfilled))
            names.append(QStringLiteral("{{%1}}").arg(name));
        showNotice(tr("Not filled in: %1 — edit before sending. Known variables: %2.")
                       .arg(names.join(QStringLiteral(", ")),
                           CannedReplies::variableNames().join(QStringLiteral(", "))));
    } else {
        m_notice->setVisible(false);
    }
    m_edit->setFocus();
    return true;
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if ((enter || key->key() == Qt::Key_Tab) && !(key->modifiers() & Qt::ShiftModifier)
            && completeCanned())
            return true;
        if (enter && !(key->modifiers() & Qt::ShiftModifier)) {
            submit();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            if (m_completer->popup()->isVisible()) {
                m_completer->popup()->hide();
                return true;
            }
            if (!m_replyTo.isEmpty()) {
                setReplyTo({}, {});
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace parley::ui
