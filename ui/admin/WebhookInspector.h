#pragma once

#include "admin/AdminTypes.h"

#include <QDialog>
#include <QTimer>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace parley::ui {

class AdminStore;
class ConsoleSession;
class JournalModel;

// Operations: the webhook journal as a table (time, size, signature result, parse result,
// events), the raw body of the selected row (pretty-printed, read-only, never logged), and
// Replay of the selected rows or of every failed row (idempotent, as `parleyctl replay`).
class WebhookInspector : public QDialog
{
    Q_OBJECT
public:
    WebhookInspector(ConsoleSession *session, AdminStore *store, QWidget *parent = nullptr);

    JournalModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QComboBox *filterBox() const { return m_filter; }
    QPlainTextEdit *bodyView() const { return m_body; }
    QPushButton *replaySelectedButton() const { return m_replaySelected; }
    QPushButton *replayFailedButton() const { return m_replayFailed; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *statusLabel() const { return m_status; }
    // Selects the row of a journal id; false when it is not listed.
    bool select(qint64 journalId);
    void replaySelected();
    void replayFailed();

    // Pretty-printed JSON, or the body as text when it is not JSON.
    static QString prettyBody(const QByteArray &body);

Q_SIGNALS:
    void bodyShown(qint64 journalId);
    void replayFinished(const parley::ui::ReplayOutcome &outcome);

private:
    void onSelectionChanged();
    void onReplayed(quint64 request, const ReplayOutcome &outcome);
    void updateSummary();
    QList<qint64> selectedIds() const;

    ConsoleSession *m_session;
    AdminStore *m_store;
    JournalModel *m_model;
    QComboBox *m_filter;
    QLabel *m_summary;
    QTableView *m_view;
    QPlainTextEdit *m_body;
    QPushButton *m_replaySelected;
    QPushButton *m_replayFailed;
    QLabel *m_status;
    QTimer m_refresh; // coalesces bursts of ingest changes into one re-read
    quint64 m_bodyRequest = 0;
    quint64 m_replayRequest = 0;
    qint64 m_shownId = 0;
};

} // namespace parley::ui
