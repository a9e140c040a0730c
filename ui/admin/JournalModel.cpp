#include "admin/JournalModel.h"

#include "admin/AdminStore.h"

#include <QDateTime>
#include <QLocale>

namespace parley::ui {

JournalModel::JournalModel(AdminStore *store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store)
{
    connect(m_store, &AdminStore::journalReady, this, &JournalModel::onReady);
}

int JournalModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JournalModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JournalModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JournalRow &r = m_rows.at(index.row());
    if (role == IdRole)
        return r.id;
    if (role == ParseStateRole)
        return r.parseState;
    if (role == Qt::TextAlignmentRole
        && (index.column() == Id || index.column() == Size || index.column() == Events))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Error && !r.parseError.isEmpty())
        return r.parseError;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Id: return r.id;
    case Received:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(r.receivedAtMs).toLocalTime(),
            QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    case Size: return QLocale().formattedDataSize(r.size, 1, QLocale::DataSizeTraditionalFormat);
    // The receiver journals only bodies whose X-Hub-Signature-256 matched; the rest were
    // answered 401 and never stored (they are counted in the summary line).
    case Signature: return tr("valid");
    case Parse:
        if (r.parseState == QLatin1String("parsed"))
            return tr("parsed");
        if (r.parseState == QLatin1String("failed"))
            return tr("failed");
        return tr("pending");
    case Events: return r.events;
    case Error: return r.parseError;
    default: return {};
    }
}

QVariant JournalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id: return tr("Id");
    case Received: return tr("Received");
    case Size: return tr("Size");
    case Signature: return tr("Signature");
    case Parse: return tr("Parse");
    case Events: return tr("Events");
    case Error: return tr("Error");
    default: return {};
    }
}

void JournalModel::setFilter(JournalFilter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    refresh();
}

void JournalModel::refresh()
{
    m_pending = m_store->requestJournal(m_filter, m_limit);
}

const JournalRow *JournalModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int JournalModel::rowOf(qint64 journalId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == journalId)
            return i;
    return -1;
}

void JournalModel::onReady(
    quint64 request, const QList<JournalRow> &rows, const JournalSummary &summary)
{
    if (request != m_pending)
        return;
    m_pending = 0;
    m_summary = summary;
    bool sameRows = rows.size() == m_rows.size();
    for (int i = 0; sameRows && i < rows.size(); ++i)
        sameRows = rows.at(i).id == m_rows.at(i).id;
    if (sameRows) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    }
    Q_EMIT refreshed();
}

} // namespace parley::ui
