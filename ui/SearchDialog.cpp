#include "SearchDialog.h"

#include "ConsoleStore.h"

#include <QDateTime>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace parley::ui {

SearchDialog::SearchDialog(ConsoleStore *store, QWidget *parent) : QDialog(parent), m_store(store)
{
    setWindowTitle(tr("Search messages"));
    resize(560, 420);
    auto *layout = new QVBoxLayout(this);
    m_input = new QLineEdit(this);
    m_input->setPlaceholderText(tr("Search every message…"));
    m_input->setAccessibleName(tr("Search"));
    m_input->setClearButtonEnabled(true);
    m_results = new QListWidget(this);
    m_results->setAccessibleName(tr("Search results"));
    m_results->setWordWrap(true);
    layout->addWidget(m_input);
    layout->addWidget(m_results, 1);
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(120);
    connect(m_debounce, &QTimer::timeout, this, &SearchDialog::searchNow);
    connect(m_input, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        if (m_results->count() > 0 && m_results->currentRow() < 0)
            m_results->setCurrentRow(0);
        choose();
    });
    connect(m_results, &QListWidget::itemActivated, this, &SearchDialog::choose);
    connect(m_store, &ConsoleStore::searchReady, this, &SearchDialog::onResults);
}

void SearchDialog::searchNow()
{
    m_debounce->stop();
    m_pending = m_store->requestSearch(m_input->text());
}

void SearchDialog::onResults(quint64 request, const QList<SearchHit> &hits)
{
    if (request != m_pending)
        return;
    m_hits = hits;
    m_results->clear();
    for (const SearchHit &h : hits) {
        const QString when = QLocale().toString(
            QDateTime::fromSecsSinceEpoch(h.timestamp).toLocalTime(), QLocale::ShortFormat);
        m_results->addItem(QStringLiteral("%1 · %2\n%3").arg(h.contactName, when, h.snippet));
    }
    if (!hits.isEmpty())
        m_results->setCurrentRow(0);
    Q_EMIT resultsShown(int(hits.size()));
}

void SearchDialog::choose()
{
    const int row = m_results->currentRow();
    if (row < 0 || row >= m_hits.size())
        return;
    Q_EMIT hitChosen(m_hits.at(row));
    accept();
}

} // namespace parley::ui
