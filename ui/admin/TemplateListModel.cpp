#include "admin/TemplateListModel.h"

#include "admin/AdminStore.h"

namespace parley::ui {

TemplateListModel::TemplateListModel(AdminStore *store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store)
{
    connect(m_store, &AdminStore::templatesReady, this, &TemplateListModel::onReady);
}

int TemplateListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TemplateListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TemplateListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TemplateRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name: return r.name;
        case Language: return r.language;
        case Category: return r.category;
        case Status: return r.status;
        case Quality: return r.quality.isEmpty() ? tr("—") : r.quality;
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Status && !r.statusReason.isEmpty()
            && r.statusReason != QLatin1String("NONE"))
            return tr("%1: %2").arg(r.status, r.statusReason);
        return {};
    case IdRole: return r.id;
    case StatusRole: return r.status;
    case NameRole: return r.name;
    default: return {};
    }
}

QVariant TemplateListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Language: return tr("Language");
    case Category: return tr("Category");
    case Status: return tr("Status");
    case Quality: return tr("Quality");
    default: return {};
    }
}

void TemplateListModel::refresh()
{
    m_pending = m_store->requestTemplates();
}

const TemplateRow *TemplateListModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int TemplateListModel::rowOf(const QString &name, const QString &language) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).name == name && m_rows.at(i).language == language)
            return i;
    return -1;
}

void TemplateListModel::onReady(quint64 request, const QList<TemplateRow> &rows)
{
    if (request != m_pending)
        return;
    m_pending = 0;
    bool sameRows = rows.size() == m_rows.size();
    for (int i = 0; sameRows && i < rows.size(); ++i)
        sameRows = rows.at(i).id == m_rows.at(i).id;
    if (sameRows) {
        // Only values changed (a status or quality webhook): the selection stays.
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
