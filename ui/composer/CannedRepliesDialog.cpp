#include "composer/CannedRepliesDialog.h"
#include "composer/DialogParts.h"

#include "composer/ComposerBackend.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace parley::ui {

namespace {
constexpr int IdRole = Qt::UserRole + 1;
}

CannedRepliesDialog::CannedRepliesDialog(ComposerBackend *backend, QWidget *parent)
    : QDialog(parent), m_backend(backend)
{
    setWindowTitle(tr("Canned replies"));
    resize(700, 460);
    auto *outer = new QVBoxLayout(this);
    auto *columns = new QHBoxLayout;
    outer->addLayout(columns, 1);

    auto *left = new QVBoxLayout;
    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Canned replies"));
    left->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&New"), this);
    add->setAccessibleName(tr("New canned reply"));
    m_delete = new QPushButton(tr("&Delete"), this);
    m_delete->setAccessibleName(tr("Delete the canned reply"));
    listButtons->addWidget(add);
    listButtons->addWidget(m_delete);
    left->addLayout(listButtons);
    columns->addLayout(left, 1);

    auto *right = new QVBoxLayout;
    auto *form = new QFormLayout;
    m_shortcut = new QLineEdit(this);
    m_shortcut->setPlaceholderText(tr("thanks"));
    m_shortcut->setAccessibleName(tr("Shortcut"));
    form->addRow(tr("&Shortcut: /"), m_shortcut);
    right->addLayout(form);
    m_text = new QPlainTextEdit(this);
    m_text->setPlaceholderText(tr("Thank you, {{first_name}}! — {{agent}}"));
    m_text->setAccessibleName(tr("Canned reply text"));
    m_text->setTabChangesFocus(true);
    right->addWidget(m_text, 1);
    m_count = new QLabel(this);
    m_count->setAlignment(Qt::AlignRight);
    right->addWidget(m_count);
    auto *help = new QLabel(
        tr("Variables: {{name}} the contact's profile name, {{first_name}} its first word, "
           "{{agent}} your name below, {{number}} the contact's number (masked), {{date}} today. "
           "Anything else stays as typed and is flagged in the composer."),
        this);
    help->setWordWrap(true);
    right->addWidget(help);
    m_error = dialogparts::errorLabel(this, tr("What is wrong"));
    right->addWidget(m_error);
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setAccessibleName(tr("Save the canned reply"));
    right->addWidget(m_save, 0, Qt::AlignRight);
    columns->addLayout(right, 2);

    auto *agentForm = new QFormLayout;
    m_agent = new QLineEdit(this);
    m_agent->setAccessibleName(tr("Agent name"));
    m_agent->setPlaceholderText(tr("How customers see you, e.g. Ana"));
    m_agent->setText(QSettings().value(QLatin1String(AgentNameKey)).toString());
    agentForm->addRow(tr("Your &name ({{agent}}):"), m_agent);
    outer->addLayout(agentForm);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    outer->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, &CannedRepliesDialog::startNew);
    connect(m_save, &QPushButton::clicked, this, &CannedRepliesDialog::save);
    connect(m_delete, &QPushButton::clicked, this, &CannedRepliesDialog::removeCurrent);
    connect(m_list, &QListWidget::currentRowChanged, this, &CannedRepliesDialog::showCurrent);
    connect(m_text, &QPlainTextEdit::textChanged, this, &CannedRepliesDialog::updateCount);
    connect(m_agent, &QLineEdit::textChanged, this, [](const QString &name) {
        QSettings().setValue(QLatin1String(AgentNameKey), name.trimmed());
    });
    connect(m_backend, &ComposerBackend::cannedListed, this, &CannedRepliesDialog::showReplies);
    connect(m_backend, &ComposerBackend::cannedSaved, this,
        [this](quint64 request, qint64 id, const QString &error) {
            if (request != m_request)
                return;
            m_request = 0;
            m_save->setEnabled(true);
            m_error->setText(error);
            if (error.isEmpty()) {
                m_select = id;
                Q_EMIT saved(id);
            }
        });
    showReplies(m_backend->cannedReplies());
    m_backend->listCanned();
    startNew();
}

void CannedRepliesDialog::showReplies(const QList<CannedReply> &replies)
{
    const QSignalBlocker blocker(m_list);
    const qint64 select = m_select ? m_select : m_editing;
    m_list->clear();
    for (const CannedReply &reply : replies) {
        auto *item = new QListWidgetItem(QLatin1Char('/') + reply.shortcut, m_list);
        item->setData(IdRole, reply.id);
        item->setData(Qt::UserRole + 2, reply.text);
        item->setToolTip(reply.text);
        if (reply.id == select)
            m_list->setCurrentItem(item);
    }
    if (m_select && m_list->currentItem()) {
        m_select = 0;
        showCurrent();
    }
    m_delete->setEnabled(m_list->currentItem() != nullptr);
}

void CannedRepliesDialog::showCurrent()
{
    const QListWidgetItem *item = m_list->currentItem();
    m_delete->setEnabled(item != nullptr);
    if (!item)
        return;
    m_editing = item->data(IdRole).toLongLong();
    m_shortcut->setText(item->text().mid(1));
    m_text->setPlainText(item->data(Qt::UserRole + 2).toString());
    m_error->clear();
}

void CannedRepliesDialog::startNew()
{
    m_editing = 0;
    m_list->setCurrentRow(-1);
    m_shortcut->clear();
    m_text->clear();
    m_error->clear();
    m_shortcut->setFocus();
}

void CannedRepliesDialog::save()
{
    CannedReply reply{m_editing, m_shortcut->text().trimmed(), m_text->toPlainText()};
    // Checked here for an answer while typing, and again on the store's thread against what is
    // stored there.
    if (const QString error = CannedReplies::validate(reply, m_backend->cannedReplies());
        !error.isEmpty()) {
        m_error->setText(error);
        return;
    }
    m_error->clear();
    m_save->setEnabled(false);
    m_request = m_backend->saveCanned(reply);
}

void CannedRepliesDialog::removeCurrent()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    m_backend->removeCanned(item->data(IdRole).toLongLong());
    startNew();
}

void CannedRepliesDialog::updateCount()
{
    int n = 0;
    for (const QChar c : m_text->toPlainText())
        n += c.isLowSurrogate() ? 0 : 1;
    m_count->setText(tr("%1 / %2").arg(n).arg(CannedReplies::MaxText));
}

} // namespace parley::ui
