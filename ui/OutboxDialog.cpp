#include "OutboxDialog.h"

#include "ConsoleSession.h"
#include "common/Log.h"
#include "outbox/Outbox.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace parley::ui {

OutboxDialog::OutboxDialog(ConsoleSession *session, QWidget *parent)
    : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Outbox"));
    resize(860, 420);
    auto *layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, 7, this);
    m_table->setAccessibleName(tr("Outbox"));
    m_table->setHorizontalHeaderLabels({tr("Id"), tr("Created"), tr("Recipient"), tr("Type"),
        tr("State"), tr("Attempts"), tr("Last error")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_retry = buttons->addButton(tr("Retry"), QDialogButtonBox::ActionRole);
    m_cancel = buttons->addButton(tr("Cancel message"), QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedId())
            m_session->outbox()->retry(id);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedId())
            m_session->outbox()->cancel(id);
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &OutboxDialog::updateButtons);
    if (core::Outbox *outbox = m_session->outbox()) {
        connect(outbox, &core::Outbox::listed, this, &OutboxDialog::onListed);
        connect(outbox, &core::Outbox::entryChanged, this, &OutboxDialog::refresh);
    }
    updateButtons();
    refresh();
}

void OutboxDialog::refresh()
{
    if (core::Outbox *outbox = m_session->outbox())
        m_pending = outbox->list(core::OutboxFilter{});
}

void OutboxDialog::onListed(quint64 request, const QList<core::OutboxEntry> &rows)
{
    if (request != m_pending)
        return;
    const qint64 keep = selectedId();
    m_rows = rows;
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const core::OutboxEntry &e = rows.at(i);
        QString error;
        if (e.error.isError())
            error = QStringLiteral("%1 %2").arg(e.error.code).arg(e.error.title);
        const QStringList cells = {QString::number(e.id),
            QLocale().toString(
                QDateTime::fromMSecsSinceEpoch(e.createdAtMs).toLocalTime(), QLocale::ShortFormat),
            core::maskPhone(e.recipient.key()), e.type, core::outboxStateName(e.state),
            QString::number(e.attempts), error};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    if (keep)
        select(keep);
    updateButtons();
    Q_EMIT refreshed(int(rows.size()));
}

bool OutboxDialog::select(qint64 outboxId)
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == outboxId) {
            m_table->selectRow(i);
            return true;
        }
    return false;
}

qint64 OutboxDialog::selectedId() const
{
    const auto rows
        = m_table->selectionModel() ? m_table->selectionModel()->selectedRows() : QModelIndexList();
    if (rows.isEmpty() || rows.first().row() >= m_rows.size())
        return 0;
    return m_rows.at(rows.first().row()).id;
}

void OutboxDialog::updateButtons()
{
    const qint64 id = selectedId();
    core::OutboxState state = core::OutboxState::Queued;
    for (const auto &e : m_rows)
        if (e.id == id)
            state = e.state;
    using S = core::OutboxState;
    m_retry->setEnabled(id
        && (state == S::Failed || state == S::Dead || state == S::Unknown
            || state == S::Cancelled));
    m_cancel->setEnabled(id && (state == S::Queued || state == S::Unknown));
}

} // namespace parley::ui
