#pragma once

#include "ConsoleTypes.h"

#include <QObject>
#include <QSqlDatabase>

namespace parley::ui {

// Runs every console query on its own thread with its own SQLite connection. Created and driven
// by ConsoleStore; answers by signals carrying the caller's request id.
class StoreWorker : public QObject
{
    Q_OBJECT
public:
    explicit StoreWorker(QString path, QObject *parent = nullptr);
    ~StoreWorker() override;

    // Called on the worker thread.
    bool open(QString *error);
    void close();

    QList<ConversationRow> conversations(const ConversationQuery &query);
    QList<ConversationRow> conversationsById(const QList<qint64> &ids);
    // Newest `limit` rows strictly before `before` (null key: the newest rows), ascending.
    QList<MessageRow> messagesBefore(qint64 conversationId, MessageKey before, int limit);
    // Rows from `from` (inclusive) onwards, ascending, at most `limit`.
    QList<MessageRow> messagesFrom(qint64 conversationId, MessageKey from, int limit);
    std::optional<MessageRow> messageByRowid(qint64 rowid);
    // The rows of these message ids that are in the store (any conversation), in store order.
    QList<MessageRow> messagesByIds(const QStringList &ids);
    // Unread messages over every conversation (the tray icon's count).
    int unreadTotal();
    QList<SearchHit> search(const QString &text, int limit);
    ContactDetails contact(qint64 conversationId);
    bool markRead(qint64 conversationId, qint64 nowMs);
    QStringList phoneNumberIds();
    // Templates of the local store (synced from Meta), approved ones first.
    QList<core::TemplateDefinition> templates();

    // Turns what an agent types into an FTS5 query: every word quoted, the last one a prefix.
    static QString ftsQuery(const QString &text);

private:
    QList<MessageRow> readMessages(QSqlQuery &q);
    void resolveMedia(MessageRow &row, const QString &cachePath) const;
    QString renderSentTemplate(const QString &messageJson);

    QString m_path;
    QString m_mediaDir;
    QString m_connection;
    QSqlDatabase m_db;
};

} // namespace parley::ui
