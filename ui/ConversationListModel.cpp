#include "ConversationListModel.h"

#include "ConsoleStore.h"
#include "common/Clock.h"
#include "common/Log.h"

#include <QHash>

namespace parley::ui {

ConversationListModel::ConversationListModel(ConsoleStore *store, QObject *parent)
    : QAbstractListModel(parent), m_store(store)
{
    connect(
        m_store, &ConsoleStore::conversationsReady, this, &ConversationListModel::onConversations);
    connect(m_store, &ConsoleStore::changed, this, [this](const StoreChange &) { refresh(); });
    // The window chips count down; their filters move rows between lists as time passes.
    m_tick.setInterval(60 * 1000);
    connect(&m_tick, &QTimer::timeout, this, &ConversationListModel::refresh);
    m_tick.start();
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString ConversationListModel::titleFor(const ConversationRow &row)
{
    if (!row.profileName.isEmpty())
        return row.profileName;
    if (!row.username.isEmpty())
        return QLatin1Char('@') + row.username;
    if (!row.waId.isEmpty())
        return core::maskPhone(row.waId);
    return row.userId;
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConversationRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return titleFor(r);
    case Qt::ToolTipRole: return r.preview;
    case Qt::AccessibleTextRole:
        return tr("%1: %2, %n unread", nullptr, r.unread).arg(titleFor(r), r.preview);
    case ConversationIdRole: return r.id;
    case PreviewRole: return r.preview;
    case LastMessageAtRole: return r.lastMessageAt;
    case UnreadRole: return r.unread;
    case WindowExpiresAtRole: return r.windowExpiresAt;
    case WindowSecondsLeftRole: return r.windowExpiresAt - m_store->clock()->nowSecs();
    case PhoneNumberIdRole: return r.phoneNumberId;
    case LastDirectionRole: return r.lastDirection;
    default: return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(ConversationIdRole, "conversationId");
    names.insert(TitleRole, "title");
    names.insert(PreviewRole, "preview");
    names.insert(LastMessageAtRole, "lastMessageAt");
    names.insert(UnreadRole, "unread");
    names.insert(WindowExpiresAtRole, "windowExpiresAt");
    names.insert(WindowSecondsLeftRole, "windowSecondsLeft");
    names.insert(PhoneNumberIdRole, "phoneNumberId");
    names.insert(LastDirectionRole, "lastDirection");
    return names;
}

void ConversationListModel::setFilter(ConversationFilter filter)
{
    m_query.filter = filter;
    refresh();
}

void ConversationListModel::setSort(ConversationSort sort)
{
    m_query.sort = sort;
    refresh();
}

void ConversationListModel::setPhoneNumberId(const QString &phoneNumberId)
{
    m_query.phoneNumberId = phoneNumberId;
    refresh();
}

void ConversationListModel::setLimit(int limit)
{
    m_query.limit = limit;
    refresh();
}

int ConversationListModel::rowOf(qint64 conversationId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == conversationId)
            return i;
    return -1;
}

const ConversationRow *ConversationListModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

void ConversationListModel::refresh()
{
    // One query in flight; changes that arrive meanwhile coalesce into one more.
    if (m_pending) {
        m_again = true;
        return;
    }
    m_query.nowSecs = m_store->clock()->nowSecs();
    m_pending = m_store->requestConversations(m_query);
}

void ConversationListModel::onConversations(quint64 request, const QList<ConversationRow> &rows)
{
    if (request != m_pending)
        return;
    m_pending = 0;
    apply(rows);
    Q_EMIT refreshed();
    if (m_again) {
        m_again = false;
        refresh();
    }
}

// Rows keep their identity across refreshes: rows that left are removed, new rows are appended,
// then one layout change puts everything in the store's order and moves persistent indexes
// (the selection) with their conversation.
void ConversationListModel::apply(const QList<ConversationRow> &rows)
{
    QHash<qint64, int> wanted;
    for (int i = 0; i < rows.size(); ++i)
        wanted.insert(rows.at(i).id, i);

    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (wanted.contains(m_rows.at(i).id))
            continue;
        int first = i;
        while (first > 0 && !wanted.contains(m_rows.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, i);
        m_rows.remove(first, i - first + 1);
        endRemoveRows();
        i = first;
    }

    QHash<qint64, int> have;
    for (int i = 0; i < m_rows.size(); ++i)
        have.insert(m_rows.at(i).id, i);
    QList<ConversationRow> added;
    for (const ConversationRow &r : rows)
        if (!have.contains(r.id))
            added.append(r);
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
        m_rows.append(added);
        endInsertRows();
    }

    bool sameOrder = true;
    for (int i = 0; i < m_rows.size() && sameOrder; ++i)
        sameOrder = m_rows.at(i).id == rows.at(i).id;
    if (!sameOrder) {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList before = persistentIndexList();
        QModelIndexList after;
        after.reserve(before.size());
        for (const QModelIndex &idx : before) {
            const int to = wanted.value(m_rows.at(idx.row()).id, -1);
            after.append(to < 0 ? QModelIndex() : index(to, idx.column()));
        }
        m_rows = rows;
        changePersistentIndexList(before, after);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    } else {
        m_rows = rows;
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
}

} // namespace parley::ui
