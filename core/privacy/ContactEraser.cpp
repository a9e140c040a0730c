#include "privacy/ContactEraser.h"

#include "common/Log.h"

#include <QSqlError>
#include <QSqlQuery>

namespace parley::core {

namespace {

class Tx
{
public:
    Tx(QSqlDatabase &db, QString *error) : m_db(db), m_error(error) { }

    qint64 exec(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q = run(sql, binds);
        return m_failed ? -1 : q.numRowsAffected();
    }
    QVariant scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q = run(sql, binds);
        return !m_failed && q.next() ? q.value(0) : QVariant();
    }
    QStringList column(const QString &sql, const QVariantList &binds = {})
    {
        QStringList out;
        QSqlQuery q = run(sql, binds);
        while (!m_failed && q.next())
            out.append(q.value(0).toString());
        return out;
    }
    bool failed() const { return m_failed; }
    void fail(const QString &message)
    {
        if (!m_failed && m_error)
            *m_error = message;
        m_failed = true;
    }

private:
    QSqlQuery run(const QString &sql, const QVariantList &binds)
    {
        QSqlQuery q(m_db);
        if (m_failed)
            return q;
        if (!q.prepare(sql)) {
            fail(q.lastError().text());
            return q;
        }
        for (const QVariant &v : binds)
            q.addBindValue(v);
        if (!q.exec())
            fail(q.lastError().text());
        return q;
    }

    QSqlDatabase &m_db;
    QString *m_error;
    bool m_failed = false;
};

// NULL binds never match `=`: an absent id matches nothing.
QVariant orNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

} // namespace

bool ContactEraser::erase(QSqlDatabase &db, const Selector &selector, const QString &mediaDir,
    bool dryRun, PrivacyCounts *counts, QString *error)
{
    QString waId = selector.waId.trimmed();
    if (waId.startsWith(QLatin1Char('+')))
        waId.remove(0, 1);
    const QString userId = selector.userId.trimmed();
    if (waId.isEmpty() && userId.isEmpty() && selector.contactId <= 0) {
        if (error)
            *error
                = QStringLiteral("say which contact: a wa_id, a user id (BSUID) or a contact id");
        return false;
    }

    QSqlQuery(db).exec(QStringLiteral("PRAGMA secure_delete = ON"));
    if (!Retention::begin(db, error))
        return false;
    Tx t(db, error);
    QSqlQuery find(db);
    if (selector.contactId > 0) {
        find.prepare(QStringLiteral("SELECT id, wa_id, user_id FROM contacts WHERE id = ?"));
        find.addBindValue(selector.contactId);
    } else if (!waId.isEmpty()) {
        find.prepare(QStringLiteral("SELECT id, wa_id, user_id FROM contacts WHERE wa_id = ?"));
        find.addBindValue(waId);
    } else {
        find.prepare(QStringLiteral("SELECT id, wa_id, user_id FROM contacts WHERE user_id = ?"));
        find.addBindValue(userId);
    }
    if (!find.exec() || !find.next()) {
        Retention::rollback(db);
        if (error)
            *error = find.lastError().isValid() && find.lastError().type() != QSqlError::NoError
                ? find.lastError().text()
                : QStringLiteral("no such contact");
        return false;
    }
    const qint64 contactId = find.value(0).toLongLong();
    const QString wa = find.value(1).toString();
    const QString uid = find.value(2).toString();
    find.finish();
    const QVariant waV = orNull(wa);
    const QVariant plusWaV = orNull(wa.isEmpty() ? QString() : QLatin1Char('+') + wa);
    const QVariant uidV = orNull(uid);
    // As JSON strings, so that "1555" does not match inside "15551".
    const QVariant waQuoted = orNull(wa.isEmpty() ? QString() : u'"' + wa + u'"');
    const QVariant uidQuoted = orNull(uid.isEmpty() ? QString() : u'"' + uid + u'"');

    PrivacyCounts c;
    const QString journalMatch
        = QStringLiteral("(instr(CAST(body AS TEXT), ?) > 0 OR instr(CAST(body AS TEXT), ?) > 0)");
    const qint64 pending = t.scalar(QStringLiteral("SELECT count(*) FROM journal WHERE "
                                                   "parse_state = 'pending' AND ")
                                    + journalMatch,
                                {waQuoted, uidQuoted})
                               .toLongLong();
    if (!t.failed() && pending > 0)
        t.fail(QStringLiteral("%1 webhook bodies about this contact are still waiting for the "
                              "parser; erase again once ingest has caught up")
                   .arg(pending));

    t.exec(QStringLiteral("DROP TABLE IF EXISTS temp.erase_conversations"));
    t.exec(QStringLiteral("DROP TABLE IF EXISTS temp.erase_messages"));
    t.exec(QStringLiteral("DROP TABLE IF EXISTS temp.erase_outbox"));
    t.exec(QStringLiteral("CREATE TEMP TABLE erase_conversations AS "
                          "SELECT id FROM conversations WHERE contact_id = ?"),
        {contactId});
    t.exec(QStringLiteral(
               "CREATE TEMP TABLE erase_messages AS SELECT rowid AS rid, id, media_id, outbox_id "
               "FROM messages WHERE conversation_id IN (SELECT id FROM temp.erase_conversations) "
               "OR from_wa_id = ? OR from_user_id = ?"),
        {waV, uidV});
    t.exec(QStringLiteral(
               "CREATE TEMP TABLE erase_outbox AS SELECT id, wamid FROM outbox "
               "WHERE id IN (SELECT outbox_id FROM temp.erase_messages) "
               "OR to_number = ? OR to_number = ? OR recipient = ? OR recipient_key IN (?, ?, ?)"),
        {plusWaV, waV, uidV, plusWaV, waV, uidV});
    const QString messageIds = QStringLiteral(
        "(SELECT id FROM temp.erase_messages UNION SELECT wamid FROM temp.erase_outbox "
        "WHERE wamid IS NOT NULL)");

    const QStringList mediaPaths = t.column(QStringLiteral(
        "SELECT DISTINCT path FROM media_cache WHERE path IS NOT NULL AND media_id IN "
        "(SELECT media_id FROM temp.erase_messages)"));
    c["media_rows"] = t.exec(QStringLiteral(
        "DELETE FROM media_cache WHERE media_id IN (SELECT media_id FROM temp.erase_messages)"));
    c["fts_rows"] = t.scalar(QStringLiteral("SELECT count(*) FROM messages_fts WHERE rowid IN "
                                            "(SELECT rid FROM temp.erase_messages)"))
                        .toLongLong();
    c["webhook_errors"]
        = t.exec(QStringLiteral("DELETE FROM webhook_errors WHERE message_id IN ") + messageIds);
    c["statuses"]
        = t.exec(QStringLiteral("DELETE FROM message_status WHERE message_id IN ") + messageIds);
    c["status_events"]
        = t.exec(QStringLiteral("DELETE FROM status_events WHERE message_id IN ") + messageIds
                + QStringLiteral(" OR recipient_id = ? OR recipient_user_id = ? "
                                 "OR recipient_parent_user_id = ?"),
            {waV, uidV, uidV});
    c["outbox_attempts"] = t.exec(QStringLiteral(
        "DELETE FROM outbox_attempts WHERE outbox_id IN (SELECT id FROM temp.erase_outbox)"));
    c["outbox"] = t.exec(
        QStringLiteral("DELETE FROM outbox WHERE id IN (SELECT id FROM temp.erase_outbox)"));
    // The FTS delete trigger removes the index rows with the messages.
    c["messages"] = t.exec(QStringLiteral(
        "DELETE FROM messages WHERE rowid IN (SELECT rid FROM temp.erase_messages)"));
    c["user_preferences"] = t.exec(
        QStringLiteral("DELETE FROM user_preferences WHERE wa_id = ? OR user_id = ?"), {waV, uidV});
    t.exec(QStringLiteral("DELETE FROM console_conversation_state WHERE conversation_id IN "
                          "(SELECT id FROM temp.erase_conversations)"));
    c["conversations"] = t.exec(QStringLiteral(
        "DELETE FROM conversations WHERE id IN (SELECT id FROM temp.erase_conversations)"));
    c["contacts"] = t.exec(QStringLiteral("DELETE FROM contacts WHERE id = ?"), {contactId});
    t.exec(QStringLiteral("DELETE FROM main.journal_parse WHERE journal_id IN "
                          "(SELECT id FROM webhooks.journal WHERE ")
            + journalMatch + QStringLiteral(")"),
        {waQuoted, uidQuoted});
    c["journal"] = t.exec(QStringLiteral("DELETE FROM webhooks.journal WHERE ") + journalMatch,
        {waQuoted, uidQuoted});
    t.exec(QStringLiteral("DROP TABLE IF EXISTS temp.erase_conversations"));
    t.exec(QStringLiteral("DROP TABLE IF EXISTS temp.erase_messages"));
    t.exec(QStringLiteral("DROP TABLE IF EXISTS temp.erase_outbox"));
    if (t.failed()) {
        Retention::rollback(db);
        return false;
    }
    c["media_files"] = 0;
    c["media_bytes"] = 0;
    if (dryRun) {
        Retention::rollback(db);
        Retention::countMediaFiles(mediaDir, mediaPaths, &c);
        if (counts)
            *counts = c;
        return true;
    }
    if (!Retention::commit(db, error)) {
        Retention::rollback(db);
        return false;
    }
    Retention::mergeIndex(db);
    // Best effort: readers (a running console) may hold the WAL; their next checkpoint copies
    // the zeroed pages over.
    QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    Retention::removeMediaFiles(db, mediaDir, mediaPaths, &c);
    qCInfo(lcStore) << "erased contact" << contactId << "(" << maskPhone(wa)
                    << "):" << c.value(QStringLiteral("messages")) << "messages";
    if (counts)
        *counts = c;
    return true;
}

} // namespace parley::core
