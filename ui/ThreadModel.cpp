#include "ThreadModel.h"

#include "ConsoleStore.h"

#include <QSet>

namespace parley::ui {

ThreadModel::ThreadModel(ConsoleStore *store, QObject *parent)
    : QAbstractListModel(parent), m_store(store)
{
    connect(m_store, &ConsoleStore::messagesReady, this, &ThreadModel::onMessages);
    connect(m_store, &ConsoleStore::changed, this, &ThreadModel::onChanged);
}

int ThreadModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString ThreadModel::bodyText(const MessageRow &r)
{
    auto withCaption = [&r](const QString &label) {
        return r.caption.isEmpty() ? label : label + QLatin1Char(' ') + r.caption;
    };
    const QString &t = r.type;
    if (t == QLatin1String("text") || t.isEmpty())
        return r.text;
    if (t == QLatin1String("image"))
        return withCaption(tr("[Image]"));
    if (t == QLatin1String("sticker"))
        return tr("[Sticker]");
    if (t == QLatin1String("video"))
        return withCaption(tr("[Video]"));
    if (t == QLatin1String("audio"))
        return tr("[Voice message]");
    if (t == QLatin1String("document"))
        return withCaption(tr("[Document] %1").arg(r.filename.isEmpty() ? tr("file") : r.filename));
    if (t == QLatin1String("location")) {
        QString s = tr("[Location]");
        if (!r.locationName.isEmpty())
            s += QLatin1Char(' ') + r.locationName;
        if (!r.locationAddress.isEmpty())
            s += QStringLiteral(", ") + r.locationAddress;
        if (r.hasLocation)
            s += QStringLiteral(" (%1, %2)").arg(r.latitude, 0, 'f', 5).arg(r.longitude, 0, 'f', 5);
        return s;
    }
    if (t == QLatin1String("contacts"))
        return r.text.isEmpty() ? tr("[Contact card]") : tr("[Contact card] %1").arg(r.text);
    if (t == QLatin1String("interactive"))
        return r.replyTitle.isEmpty() ? r.text : r.replyTitle;
    if (t == QLatin1String("button"))
        return r.buttonText.isEmpty() ? r.text : r.buttonText;
    if (t == QLatin1String("system"))
        return r.text.isEmpty() ? tr("[System message]") : r.text;
    if (t == QLatin1String("template"))
        return r.text.isEmpty() ? tr("[Template]") : r.text;
    if (!r.text.isEmpty())
        return r.text;
    return tr("[Unsupported message: %1]").arg(t);
}

QVariant ThreadModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MessageRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole: return bodyText(r);
    case MessageRole: return QVariant::fromValue(r);
    case RowidRole: return r.rowid;
    case MessageIdRole: return r.id;
    case DirectionRole: return r.direction;
    case TypeRole: return r.type;
    case TimestampRole: return r.timestamp;
    case StatusRole: return r.status;
    case ErrorCodeRole: return r.errorCode;
    default: return {};
    }
}

QHash<int, QByteArray> ThreadModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(MessageRole, "message");
    names.insert(RowidRole, "rowid");
    names.insert(MessageIdRole, "messageId");
    names.insert(DirectionRole, "direction");
    names.insert(TypeRole, "type");
    names.insert(TimestampRole, "timestamp");
    names.insert(BodyRole, "body");
    names.insert(StatusRole, "status");
    names.insert(ErrorCodeRole, "errorCode");
    return names;
}

bool ThreadModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_nearTop && m_conversationId != 0 && !m_atTop && m_loading == 0
        && !m_rows.isEmpty();
}

void ThreadModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    ++m_loading;
    m_requests.insert(
        m_store->requestMessagesBefore(m_conversationId, m_rows.first().key(), PageSize),
        Load::Older);
}

void ThreadModel::setConversation(qint64 conversationId)
{
    beginResetModel();
    m_conversationId = conversationId;
    m_rows.clear();
    m_byRowid.clear();
    m_requests.clear();
    m_loading = 0;
    m_atTop = false;
    m_refreshPending = 0;
    m_refreshAgain = false;
    m_jumpRowid = 0;
    endResetModel();
    if (!conversationId)
        return;
    ++m_loading;
    m_requests.insert(m_store->requestMessagesBefore(conversationId, {}, PageSize), Load::Newest);
}

void ThreadModel::jumpTo(qint64 rowid, qint64 timestamp)
{
    const int row = rowOfRowid(rowid);
    if (row >= 0) {
        Q_EMIT messageReady(row);
        return;
    }
    // Replace the window by the history from a little before the message to the newest row.
    m_jumpRowid = rowid;
    m_jumpBefore.clear();
    const MessageKey key{timestamp, rowid};
    ++m_loading;
    m_requests.insert(
        m_store->requestMessagesBefore(m_conversationId, key, PageSize / 2), Load::JumpBefore);
    ++m_loading;
    m_requests.insert(
        m_store->requestMessagesFrom(m_conversationId, key, MaxRefreshRows), Load::JumpFrom);
}

int ThreadModel::rowOfRowid(qint64 rowid) const
{
    return m_byRowid.value(rowid, -1);
}

int ThreadModel::rowOfMessageId(const QString &messageId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == messageId)
            return i;
    return -1;
}

const MessageRow *ThreadModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

void ThreadModel::reindex()
{
    m_byRowid.clear();
    m_byRowid.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_byRowid.insert(m_rows.at(i).rowid, i);
}

void ThreadModel::onMessages(quint64 request, const QList<MessageRow> &rows)
{
    const auto it = m_requests.constFind(request);
    if (it == m_requests.cend())
        return;
    const Load kind = *it;
    m_requests.erase(it);
    // Still "loading" while rows go in: views may ask for more from inside the insert signals,
    // and the key of the first row is only right afterwards.
    struct Done
    {
        int &loading;
        ~Done() { --loading; }
    } done{m_loading};
    switch (kind) {
    case Load::Newest:
        if (!rows.isEmpty()) {
            beginInsertRows({}, 0, int(rows.size()) - 1);
            m_rows = rows;
            reindex();
            endInsertRows();
        }
        m_atTop = rows.size() < PageSize;
        break;
    case Load::Older:
        m_atTop = rows.size() < PageSize;
        if (!rows.isEmpty()) {
            beginInsertRows({}, 0, int(rows.size()) - 1);
            m_rows = rows + m_rows;
            reindex();
            endInsertRows();
        }
        Q_EMIT olderLoaded(int(rows.size()));
        break;
    case Load::Refresh:
        m_refreshPending = 0;
        merge(rows);
        if (m_refreshAgain) {
            m_refreshAgain = false;
            refresh();
        }
        break;
    case Load::JumpBefore: m_jumpBefore = rows; return; // JumpFrom follows (same worker, in order)
    case Load::JumpFrom: {
        beginResetModel();
        m_rows = m_jumpBefore + rows;
        m_jumpBefore.clear();
        reindex();
        m_atTop = false;
        endResetModel();
        const int row = rowOfRowid(m_jumpRowid);
        m_jumpRowid = 0;
        Q_EMIT loaded();
        if (row >= 0)
            Q_EMIT messageReady(row);
        return;
    }
    }
    Q_EMIT loaded();
}

void ThreadModel::onChanged(const StoreChange &change)
{
    if (!m_conversationId)
        return;
    bool concerned = change.everything || change.conversationIds.contains(m_conversationId);
    if (!concerned) {
        // Statuses name message ids only.
        QSet<QString> ids;
        for (const MessageRow &r : std::as_const(m_rows))
            ids.insert(r.id);
        for (const QString &id : change.statusMessageIds)
            if (ids.contains(id)) {
                concerned = true;
                break;
            }
        for (const QString &id : change.messageIds)
            if (!concerned && ids.contains(id))
                concerned = true;
    }
    if (concerned)
        refresh();
}

void ThreadModel::mediaAvailable(const QString &mediaId)
{
    if (mediaId.isEmpty())
        return;
    for (const MessageRow &r : std::as_const(m_rows))
        if (r.mediaId == mediaId) {
            refresh();
            return;
        }
}

void ThreadModel::refresh()
{
    if (m_refreshPending) {
        m_refreshAgain = true;
        return;
    }
    // When the whole history is loaded, read it all again: a row stamped a little earlier than
    // the first one (our clock and Meta's differ) must not be missed.
    const MessageKey from = m_rows.isEmpty() || m_atTop ? MessageKey{} : m_rows.first().key();
    ++m_loading;
    m_refreshPending = m_store->requestMessagesFrom(m_conversationId, from, MaxRefreshRows);
    m_requests.insert(m_refreshPending, Load::Refresh);
}

// Rows already shown are updated in place (status, edits, reactions, the wamid replacing
// local:<id>); new rows are inserted at their place, usually the bottom.
void ThreadModel::merge(const QList<MessageRow> &rows)
{
    int added = 0;
    for (const MessageRow &r : rows) {
        const int existing = rowOfRowid(r.rowid);
        if (existing >= 0) {
            MessageRow &mine = m_rows[existing];
            if (mine.id != r.id || mine.status != r.status || mine.text != r.text
                || mine.reactions != r.reactions || mine.errorCode != r.errorCode
                || mine.timestamp != r.timestamp || mine.quotedText != r.quotedText
                || mine.quotedRowid != r.quotedRowid || mine.mediaPath != r.mediaPath
                || mine.mediaState != r.mediaState || mine.edited != r.edited) {
                const bool moved = mine.timestamp != r.timestamp;
                mine = r;
                if (!moved) {
                    Q_EMIT dataChanged(index(existing), index(existing));
                    continue;
                }
                // The order changed (an outbound row got Meta's timestamp): take it out and
                // insert it again below.
                beginRemoveRows({}, existing, existing);
                m_rows.removeAt(existing);
                endRemoveRows();
                reindex();
            } else {
                continue;
            }
        }
        const auto pos = std::upper_bound(m_rows.begin(), m_rows.end(), r,
            [](const MessageRow &a, const MessageRow &b) { return a.key() < b.key(); });
        const int at = int(pos - m_rows.begin());
        beginInsertRows({}, at, at);
        m_rows.insert(at, r);
        endInsertRows();
        reindex();
        if (at == m_rows.size() - 1)
            ++added;
    }
    if (added)
        Q_EMIT appended(added);
}

} // namespace parley::ui
