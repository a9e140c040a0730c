#include "admin/WebhookInspector.h"

#include "ConsoleSession.h"
#include "ConsoleStore.h"
#include "admin/AdminStore.h"
#include "admin/JournalModel.h"
#include "common/Metrics.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace parley::ui {

namespace {
double webhookRequests(const char *result)
{
    return core::Metrics::global()
        .counter("parley_webhook_requests_total", "Webhook listener requests by result",
            {{"result", result}})
        .value();
}
} // namespace

WebhookInspector::WebhookInspector(ConsoleSession *session, AdminStore *store, QWidget *parent)
    : QDialog(parent), m_session(session), m_store(store), m_model(new JournalModel(store, this))
{
    setWindowTitle(tr("Webhook inspector"));
    resize(980, 600);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_filter = new QComboBox(this);
    m_filter->setAccessibleName(tr("Journal filter"));
    m_filter->addItem(tr("All rows"), int(JournalFilter::All));
    m_filter->addItem(tr("Failed"), int(JournalFilter::Failed));
    m_filter->addItem(tr("Pending"), int(JournalFilter::Pending));
    top->addWidget(m_filter);
    m_summary = new QLabel(this);
    m_summary->setAccessibleName(tr("Journal summary"));
    top->addWidget(m_summary, 1);
    layout->addLayout(top);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_view = new QTableView(splitter);
    m_view->setAccessibleName(tr("Webhook journal"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    for (int column : {JournalModel::Id, JournalModel::Received, JournalModel::Size,
             JournalModel::Signature, JournalModel::Parse, JournalModel::Events})
        m_view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_body = new QPlainTextEdit(splitter);
    m_body->setReadOnly(true);
    m_body->setAccessibleName(tr("Raw webhook body"));
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_body->setPlaceholderText(tr("Select a row to see the body Meta sent."));
    splitter->addWidget(m_view);
    splitter->addWidget(m_body);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    m_status = new QLabel(this);
    m_status->setAccessibleName(tr("Replay result"));
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_replaySelected = buttons->addButton(tr("Replay selected"), QDialogButtonBox::ActionRole);
    m_replaySelected->setAccessibleName(tr("Replay the selected rows"));
    m_replayFailed = buttons->addButton(tr("Replay all failed"), QDialogButtonBox::ActionRole);
    m_replayFailed->setAccessibleName(tr("Replay every failed row"));
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_replaySelected, &QPushButton::clicked, this, &WebhookInspector::replaySelected);
    connect(m_replayFailed, &QPushButton::clicked, this, &WebhookInspector::replayFailed);
    connect(m_filter, &QComboBox::currentIndexChanged, this,
        [this] { m_model->setFilter(JournalFilter(m_filter->currentData().toInt())); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &WebhookInspector::onSelectionChanged);
    connect(m_model, &JournalModel::refreshed, this, &WebhookInspector::updateSummary);
    connect(m_model, &JournalModel::modelReset, this, &WebhookInspector::onSelectionChanged);
    connect(m_store, &AdminStore::journalBodyReady, this,
        [this](quint64 request, qint64 id, const QByteArray &body) {
            if (request != m_bodyRequest)
                return;
            m_bodyRequest = 0;
            m_shownId = id;
            m_body->setPlainText(prettyBody(body));
            Q_EMIT bodyShown(id);
        });
    connect(m_store, &AdminStore::replayed, this, &WebhookInspector::onReplayed);

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(250);
    connect(&m_refresh, &QTimer::timeout, m_model, &JournalModel::refresh);
    connect(m_session->store(), &ConsoleStore::changed, this, [this](const StoreChange &change) {
        if (!change.journalIds.isEmpty() || change.everything)
            if (!m_refresh.isActive())
                m_refresh.start();
    });
    onSelectionChanged();
    m_model->refresh();
}

QString WebhookInspector::prettyBody(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError && !doc.isNull())
        return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    return tr("(not JSON: %1)").arg(error.errorString()) + QStringLiteral("\n\n")
        + QString::fromUtf8(body);
}

QList<qint64> WebhookInspector::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        if (const JournalRow *row = m_model->rowAt(index.row()))
            ids.append(row->id);
    return ids;
}

bool WebhookInspector::select(qint64 journalId)
{
    const int row = m_model->rowOf(journalId);
    if (row < 0)
        return false;
    m_view->selectRow(row);
    return true;
}

void WebhookInspector::onSelectionChanged()
{
    const QList<qint64> ids = selectedIds();
    m_replaySelected->setEnabled(!ids.isEmpty() && !m_replayRequest);
    m_replayFailed->setEnabled(!m_replayRequest);
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const JournalRow *row
        = current.isValid() && m_view->selectionModel()->isRowSelected(current.row())
        ? m_model->rowAt(current.row())
        : (ids.isEmpty() ? nullptr : m_model->rowAt(m_model->rowOf(ids.first())));
    if (!row) {
        if (ids.isEmpty()) {
            m_shownId = 0;
            m_body->clear();
        }
        return;
    }
    if (row->id != m_shownId)
        m_bodyRequest = m_store->requestJournalBody(row->id);
}

void WebhookInspector::replaySelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty() || m_replayRequest)
        return;
    m_status->setText(tr("Replaying %n row(s)…", nullptr, int(ids.size())));
    m_replayRequest = m_store->replay(ids);
    onSelectionChanged();
}

void WebhookInspector::replayFailed()
{
    if (m_replayRequest)
        return;
    m_status->setText(tr("Replaying every failed row…"));
    m_replayRequest = m_store->replay({});
    onSelectionChanged();
}

void WebhookInspector::onReplayed(quint64 request, const ReplayOutcome &outcome)
{
    if (request != m_replayRequest)
        return;
    m_replayRequest = 0;
    if (!outcome.ok)
        m_status->setText(tr("Replay stopped: %1").arg(outcome.error));
    else
        m_status->setText(tr("Replayed %1 row(s): %2 parsed, %3 failed, %4 event(s).")
                              .arg(outcome.rows)
                              .arg(outcome.parsed)
                              .arg(outcome.failed)
                              .arg(outcome.events));
    // The console's views follow (a recovered message appears in its thread).
    StoreChange change;
    change.everything = true;
    m_session->store()->notifyChanged(change);
    m_shownId = 0;
    m_model->refresh();
    onSelectionChanged();
    Q_EMIT replayFinished(outcome);
}

void WebhookInspector::updateSummary()
{
    const JournalSummary s = m_model->summary();
    const qint64 rejected
        = qint64(webhookRequests("bad_signature") + webhookRequests("missing_signature"));
    m_summary->setText(
        tr("%1 bodies journaled, %2 failed to parse, %3 pending. Signature refused (not "
           "journaled) since start: %4.")
            .arg(s.total)
            .arg(s.failed)
            .arg(s.pending)
            .arg(rejected));
}

} // namespace parley::ui
