#pragma once

#include "ConsoleTypes.h"

#include <QAbstractListModel>
#include <QTimer>

namespace parley::ui {

class ConsoleStore;

// The conversation list: at most `limit` rows of the current filter and sort, read by the store
// worker. Refreshes when the store reports a change (rows keep their identity: selection and
// persistent indexes follow a conversation when it moves) and once a minute for the window chips.
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        ConversationIdRole = Qt::UserRole + 1,
        TitleRole,
        PreviewRole,
        LastMessageAtRole,
        UnreadRole,
        WindowExpiresAtRole,
        WindowSecondsLeftRole, // negative or zero: closed
        PhoneNumberIdRole,
        LastDirectionRole,
    };

    explicit ConversationListModel(ConsoleStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setFilter(ConversationFilter filter);
    void setSort(ConversationSort sort);
    void setPhoneNumberId(const QString &phoneNumberId);
    void setLimit(int limit);
    ConversationQuery query() const { return m_query; }

    int rowOf(qint64 conversationId) const;
    const ConversationRow *rowAt(int row) const;

    // How a contact is named in the list: profile name, else username, else a masked number.
    static QString titleFor(const ConversationRow &row);

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    // A refresh finished and the rows are the store's current answer.
    void refreshed();

private:
    void onConversations(quint64 request, const QList<ConversationRow> &rows);
    void apply(const QList<ConversationRow> &rows);

    ConsoleStore *m_store;
    ConversationQuery m_query;
    QList<ConversationRow> m_rows;
    quint64 m_pending = 0;
    bool m_again = false;
    QTimer m_tick;
};

} // namespace parley::ui
