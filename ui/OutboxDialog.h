#pragma once

#include "outbox/OutboxTypes.h"

#include <QDialog>

class QPushButton;
class QTableWidget;

namespace parley::ui {

class ConsoleSession;

// Operations: every outbound message of the outbox with its state, attempts and last error;
// Retry re-enqueues a failed/dead/unknown row with its idempotency key, Cancel stops a row that
// has not been sent.
class OutboxDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OutboxDialog(ConsoleSession *session, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *cancelButton() const { return m_cancel; }
    void refresh();
    // Selects the row of an outbox id; false when it is not listed.
    bool select(qint64 outboxId);

Q_SIGNALS:
    void refreshed(int rows);

private:
    void onListed(quint64 request, const QList<core::OutboxEntry> &rows);
    qint64 selectedId() const;
    void updateButtons();

    ConsoleSession *m_session;
    QTableWidget *m_table;
    QPushButton *m_retry;
    QPushButton *m_cancel;
    QList<core::OutboxEntry> m_rows;
    quint64 m_pending = 0;
};

} // namespace parley::ui
