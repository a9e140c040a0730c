#pragma once

#include "ConsoleTypes.h"

#include <QAbstractListModel>
#include <QHash>

namespace parley::ui {

class ConsoleStore;

// One conversation's messages, oldest first. Holds a window of rows read on demand: the newest
// page when a conversation opens, older pages through fetchMore() (answered asynchronously, rows
// inserted at the top), new and changed rows when the store reports a change.
class ThreadModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        MessageRole = Qt::UserRole + 1, // the whole MessageRow
        RowidRole,
        MessageIdRole,
        DirectionRole,
        TypeRole,
        TimestampRole,
        BodyRole, // the readable text of any message type
        StatusRole,
        ErrorCodeRole,
    };

    static constexpr int PageSize = 100;
    static constexpr int MaxRefreshRows = 5000;

    explicit ThreadModel(ConsoleStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Older history is fetched only while the view shows the top of the thread: a chat view
    // always shows its bottom row, where QAbstractItemView asks for more.
    void setNearTop(bool nearTop) { m_nearTop = nearTop; }

    qint64 conversationId() const { return m_conversationId; }
    void setConversation(qint64 conversationId);
    // Makes sure the message is loaded (loading the history around it if needed), then emits
    // messageReady with its row.
    void jumpTo(qint64 rowid, qint64 timestamp);
    int rowOfRowid(qint64 rowid) const;
    int rowOfMessageId(const QString &messageId) const;
    const MessageRow *rowAt(int row) const;
    bool isLoading() const { return m_loading != 0; }

    // A media file is now in the cache (the media fetcher's report): rows showing it re-read.
    void mediaAvailable(const QString &mediaId);

    // The readable text of a message of any type.
    static QString bodyText(const MessageRow &row);

Q_SIGNALS:
    void loaded(); // a page or a refresh was applied
    void olderLoaded(int count); // rows inserted at the top
    void appended(int count); // rows added at the bottom
    void messageReady(int row); // answer to jumpTo()

private:
    enum class Load { Newest, Older, Refresh, JumpBefore, JumpFrom };
    void onMessages(quint64 request, const QList<MessageRow> &rows);
    void onChanged(const StoreChange &change);
    void refresh();
    void merge(const QList<MessageRow> &rows);
    void reindex();

    ConsoleStore *m_store;
    qint64 m_conversationId = 0;
    QList<MessageRow> m_rows;
    QHash<qint64, int> m_byRowid;
    QHash<quint64, Load> m_requests;
    int m_loading = 0;
    bool m_atTop = false;
    bool m_nearTop = false;
    bool m_refreshAgain = false;
    quint64 m_refreshPending = 0;
    qint64 m_jumpRowid = 0;
    QList<MessageRow> m_jumpBefore;
    quint64 m_generation = 0;
};

} // namespace parley::ui
