#include "Composer.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace parley::ui {

Composer::Composer(QWidget *parent) : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(6, 4, 6, 6);
    m_replyLabel = new QLabel(this);
    m_replyLabel->setVisible(false);
    m_replyLabel->setWordWrap(true);
    outer->addWidget(m_replyLabel);

    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

    auto *openPage = new QWidget(m_stack);
    auto *row = new QHBoxLayout(openPage);
    row->setContentsMargins(0, 0, 0, 0);
    m_edit = new QPlainTextEdit(openPage);
    m_edit->setPlaceholderText(tr("Type a message (Enter sends, Shift+Enter for a new line)"));
    m_edit->setAccessibleName(tr("Message"));
    m_edit->setMaximumHeight(96);
    m_edit->installEventFilter(this);
    m_templateButton = new QPushButton(tr("Template…"), openPage);
    m_templateButton->setAccessibleName(tr("Send a template"));
    m_send = new QPushButton(tr("Send"), openPage);
    m_send->setAccessibleName(tr("Send"));
    m_send->setDefault(true);
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

    connect(m_send, &QPushButton::clicked, this, &Composer::submit);
    connect(m_templateButton, &QPushButton::clicked, this, &Composer::templateRequested);
    connect(m_openTemplates, &QPushButton::clicked, this, &Composer::templateRequested);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_edit->toPlainText().isEmpty())
            Q_EMIT typing();
    });
}

void Composer::setWindowOpen(bool open)
{
    m_windowOpen = open;
    m_stack->setCurrentIndex(open ? 0 : 1);
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
    setReplyTo({}, {});
}

void Composer::submit()
{
    const QString text = m_edit->toPlainText().trimmed();
    if (text.isEmpty() || !m_windowOpen)
        return;
    Q_EMIT sendRequested(text, m_replyTo);
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && !(key->modifiers() & Qt::ShiftModifier)) {
            submit();
            return true;
        }
        if (key->key() == Qt::Key_Escape && !m_replyTo.isEmpty()) {
            setReplyTo({}, {});
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace parley::ui
