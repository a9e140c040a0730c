#pragma once

#include "admin/AdminTypes.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QPushButton;
class QTableView;

namespace parley::ui {

class AdminStore;
class ConsoleSession;
class TemplateEditor;
class TemplateListModel;

// Admin: the templates of the business account with their status and quality; New (the editor
// with live validation and preview), Delete, Sync against the Graph API (Meta or the demo's
// simulator). Status changes arrive by webhook; the list follows the store's change signal.
class TemplatesManager : public QDialog
{
    Q_OBJECT
public:
    TemplatesManager(ConsoleSession *session, AdminStore *store, QWidget *parent = nullptr);

    TemplateListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *syncButton() const { return m_sync; }
    QLabel *statusLabel() const { return m_status; }
    // The open editor (after New), if any.
    TemplateEditor *editor() const;

    TemplateEditor *openEditor();
    // Deletes the selected template (every language of its name when askAll); no confirmation.
    void deleteSelected();
    // Asks before deleting (the production path of the Delete button).
    void confirmAndDelete();
    void sync();

Q_SIGNALS:
    // create, delete or sync finished (ok or not), after the list was asked to refresh.
    void actionFinished(const parley::ui::TemplateAdminOutcome &outcome);

private:
    void onActionDone(quint64 request, const TemplateAdminOutcome &outcome);
    void updateButtons();
    void setStatus(const QString &text);
    void notifyConsole();

    ConsoleSession *m_session;
    AdminStore *m_store;
    TemplateListModel *m_model;
    QTableView *m_view;
    QPushButton *m_new;
    QPushButton *m_delete;
    QPushButton *m_sync;
    QLabel *m_status;
    QPointer<TemplateEditor> m_editor;
    quint64 m_createRequest = 0;
    quint64 m_deleteRequest = 0;
    quint64 m_syncRequest = 0;
};

} // namespace parley::ui
