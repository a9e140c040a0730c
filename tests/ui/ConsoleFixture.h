#pragma once

// Fills a real store file with contacts, conversations and messages the way the webhook parser
// and the outbox lay them out (docs/architecture.md), for the console's model and widget tests.
#include "store/Database.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QtTest>

namespace parley::test {

class ConsoleFixture
{
public:
    explicit ConsoleFixture(const QString &path) : m_connection(QStringLiteral("console-fixture"))
    {
        QString error;
        m_db = core::Database::open(path, m_connection, &error, core::Database::withJournal());
        if (!m_db.isValid())
            qFatal("fixture store: %s", qPrintable(error));
    }
    ~ConsoleFixture()
    {
        m_db = QSqlDatabase();
        core::Database::close(m_connection);
    }

    qint64 addConversation(const QString &name, const QString &waId, qint64 windowExpiresAt,
        const QString &phoneNumberId = QStringLiteral("106540352242922"), int unread = 0)
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO contacts(wa_id, profile_name) VALUES (?, ?)"));
        q.addBindValue(waId);
        q.addBindValue(name.isEmpty() ? QVariant() : QVariant(name));
        exec(q);
        const qint64 contact = q.lastInsertId().toLongLong();
        q.prepare(QStringLiteral("INSERT INTO conversations(phone_number_id, contact_id, "
                                 "last_inbound_at, window_expires_at, "
                                 "unread_count) VALUES (?, ?, ?, ?, ?)"));
        q.addBindValue(phoneNumberId);
        q.addBindValue(contact);
        q.addBindValue(windowExpiresAt ? QVariant(windowExpiresAt - 24 * 3600) : QVariant());
        q.addBindValue(windowExpiresAt ? QVariant(windowExpiresAt) : QVariant());
        q.addBindValue(unread);
        exec(q);
        return q.lastInsertId().toLongLong();
    }

    void addMessage(qint64 conversationId, const QString &id, const QString &direction,
        qint64 timestamp, const QString &text, const QString &type = QStringLiteral("text"))
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO messages(id, conversation_id, direction, type, "
                                 "timestamp, received_at, text) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(id);
        q.addBindValue(conversationId);
        q.addBindValue(direction);
        q.addBindValue(type);
        q.addBindValue(timestamp);
        q.addBindValue(timestamp * 1000);
        q.addBindValue(text);
        exec(q);
        q.prepare(QStringLiteral("UPDATE conversations SET last_message_at = ?, last_message_id = "
                                 "?, last_message_preview = ?, "
                                 "last_direction = ?, last_message_type = ? WHERE id = ? AND "
                                 "coalesce(last_message_at, 0) <= ?"));
        q.addBindValue(timestamp);
        q.addBindValue(id);
        q.addBindValue(text.left(120));
        q.addBindValue(direction);
        q.addBindValue(type);
        q.addBindValue(conversationId);
        q.addBindValue(timestamp);
        exec(q);
    }

    void addReaction(qint64 conversationId, const QString &id, const QString &to,
        const QString &emoji, qint64 timestamp)
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO messages(id, conversation_id, direction, type, "
                                 "timestamp, reaction_to, emoji) "
                                 "VALUES (?, ?, 'in', 'reaction', ?, ?, ?)"));
        q.addBindValue(id);
        q.addBindValue(conversationId);
        q.addBindValue(timestamp);
        q.addBindValue(to);
        q.addBindValue(emoji);
        exec(q);
    }

    void setStatus(const QString &messageId, const QString &status, int rank, int errorCode = 0,
        const QString &errorTitle = QString())
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral(
            "INSERT INTO message_status(message_id, status, rank, error_code, error_title) VALUES "
            "(?, ?, ?, ?, ?) "
            "ON CONFLICT(message_id) DO UPDATE SET status = excluded.status, rank = excluded.rank, "
            "error_code = excluded.error_code, error_title = excluded.error_title"));
        q.addBindValue(messageId);
        q.addBindValue(status);
        q.addBindValue(rank);
        q.addBindValue(errorCode ? QVariant(errorCode) : QVariant());
        q.addBindValue(errorTitle.isEmpty() ? QVariant() : QVariant(errorTitle));
        exec(q);
    }

    void exec(const QString &sql)
    {
        QSqlQuery q(m_db);
        if (!q.exec(sql))
            qFatal("fixture: %s", qPrintable(q.lastError().text()));
    }

    QSqlDatabase &db() { return m_db; }

private:
    static void exec(QSqlQuery &q)
    {
        if (!q.exec())
            qFatal("fixture: %s", qPrintable(q.lastError().text()));
    }

    QString m_connection;
    QSqlDatabase m_db;
};

} // namespace parley::test
