#include "admin/TemplatesManager.h"

#include "ConsoleSession.h"
#include "ConsoleStore.h"
#include "admin/AdminStore.h"
#include "admin/TemplateEditor.h"
#include "admin/TemplateListModel.h"
#include "templates/TemplateRules.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace parley::ui {

TemplatesManager::TemplatesManager(ConsoleSession *session, AdminStore *store, QWidget *parent)
    : QDialog(parent), m_session(session), m_store(store),
      m_model(new TemplateListModel(store, this))
{
    setWindowTitle(tr("Templates"));
    resize(820, 460);
    auto *layout = new QVBoxLayout(this);
    m_view = new QTableView(this);
    m_view->setAccessibleName(tr("Templates"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(TemplateListModel::Name, QHeaderView::Stretch);
    m_view->verticalHeader()->hide();
    layout->addWidget(m_view, 1);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Templates status"));
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_new = buttons->addButton(tr("New…"), QDialogButtonBox::ActionRole);
    m_new->setAccessibleName(tr("New template"));
    m_delete = buttons->addButton(tr("Delete"), QDialogButtonBox::ActionRole);
    m_delete->setAccessibleName(tr("Delete template"));
    m_sync = buttons->addButton(tr("Sync"), QDialogButtonBox::ActionRole);
    m_sync->setAccessibleName(tr("Sync templates with Meta"));
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_new, &QPushButton::clicked, this, [this] { openEditor(); });
    connect(m_delete, &QPushButton::clicked, this, &TemplatesManager::confirmAndDelete);
    connect(m_sync, &QPushButton::clicked, this, &TemplatesManager::sync);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &TemplatesManager::updateButtons);
    connect(m_model, &TemplateListModel::modelReset, this, &TemplatesManager::updateButtons);
    connect(m_store, &AdminStore::templateActionDone, this, &TemplatesManager::onActionDone);
    // Status, quality and category webhooks are applied by triggers in the store; the ingest
    // pipeline reports them and the list re-reads (no polling).
    connect(m_session->store(), &ConsoleStore::changed, this, [this](const StoreChange &change) {
        if (change.templates || change.everything)
            m_model->refresh();
    });
    updateButtons();
    m_model->refresh();
}

TemplateEditor *TemplatesManager::editor() const
{
    return m_editor.data();
}

TemplateEditor *TemplatesManager::openEditor()
{
    if (m_editor) {
        m_editor->raise();
        return m_editor;
    }
    auto *editor = new TemplateEditor(this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    m_editor = editor;
    connect(editor, &TemplateEditor::submitRequested, this,
        [this](const QJsonObject &request) { m_createRequest = m_store->createTemplate(request); });
    editor->open();
    return editor;
}

void TemplatesManager::deleteSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const TemplateRow *row = rows.isEmpty() ? nullptr : m_model->rowAt(rows.first().row());
    if (!row)
        return;
    setStatus(tr("Deleting %1 (%2)…").arg(row->name, row->language));
    m_deleteRequest = m_store->deleteTemplate(row->name, row->id);
    updateButtons();
}

void TemplatesManager::confirmAndDelete()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const TemplateRow *row = rows.isEmpty() ? nullptr : m_model->rowAt(rows.first().row());
    if (!row)
        return;
    QString text = tr("Delete the template %1 in %2?").arg(row->name, row->language);
    if (row->status == QLatin1String("APPROVED"))
        text
            += QLatin1Char('\n') + tr("It is approved: its name cannot be used again for 30 days.");
    if (QMessageBox::question(this, tr("Delete template"), text) == QMessageBox::Yes)
        deleteSelected();
}

void TemplatesManager::sync()
{
    setStatus(tr("Syncing with Meta…"));
    m_syncRequest = m_store->syncTemplates();
    updateButtons();
}

void TemplatesManager::onActionDone(quint64 request, const TemplateAdminOutcome &outcome)
{
    if (request == m_createRequest) {
        m_createRequest = 0;
        if (outcome.ok())
            setStatus(tr("Submitted for review (Meta answered %1); its status follows Meta's "
                         "webhooks.")
                          .arg(outcome.status));
        if (m_editor)
            m_editor->showOutcome(outcome);
    } else if (request == m_deleteRequest) {
        m_deleteRequest = 0;
        if (outcome.ok())
            setStatus(outcome.warning.isEmpty() ? tr("Deleted.")
                                                : tr("Deleted. %1").arg(outcome.warning));
        else if (!outcome.violations.isEmpty())
            setStatus(core::TemplateRules::formatViolations(outcome.violations));
        else
            setStatus(tr("Not deleted: %1").arg(outcome.error));
    } else if (request == m_syncRequest) {
        m_syncRequest = 0;
        setStatus(outcome.ok() ? tr("Synced %n template(s).", nullptr, outcome.templates)
                               : tr("Sync failed: %1").arg(outcome.error));
    } else {
        return;
    }
    if (outcome.ok())
        notifyConsole(); // refreshes this list too, and the console's template picker data
    updateButtons();
    Q_EMIT actionFinished(outcome);
}

void TemplatesManager::notifyConsole()
{
    StoreChange change;
    change.templates = true;
    m_session->store()->notifyChanged(change);
}

void TemplatesManager::updateButtons()
{
    const bool selected = m_view->selectionModel() && m_view->selectionModel()->hasSelection();
    m_delete->setEnabled(selected && !m_deleteRequest);
    m_sync->setEnabled(!m_syncRequest);
}

void TemplatesManager::setStatus(const QString &text)
{
    m_status->setText(text);
}

} // namespace parley::ui
