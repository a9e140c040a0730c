#include "StoreWorker.h"

#include "common/Log.h"
#include "store/Database.h"
#include "templates/TemplateRenderer.h"
#include "templates/TemplateStore.h"
#include "webhook/MessageIndex.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

using parley::core::Database;

namespace parley::ui {

namespace {

const char *const ConversationColumns
    = "c.id, c.phone_number_id, c.contact_id, k.profile_name, k.wa_id, k.user_id, k.username, "
      "c.last_message_preview, c.last_direction, c.last_message_type, c.last_message_at, "
      "c.last_inbound_at, c.window_expires_at, c.unread_count "
      "FROM conversations c JOIN contacts k ON k.id = c.contact_id ";

// Outbound rows take their state from the outbox row until Meta reports statuses (a local
// failure such as a closed window never gets a status webhook).
// Reactions fold into the bubble they react to (the latest one of each side counts, an empty
// emoji removes it); edits fold into the message they edit.
const char *const MessageColumns
    = "SELECT m.rowid, m.id, m.conversation_id, m.direction, m.type, coalesce(m.timestamp, 0), "
      "m.text, m.caption, m.filename, m.mime_type, m.media_id, m.latitude, m.longitude, "
      "m.location_name, m.location_address, m.reply_title, m.reply_description, m.button_text, "
      "m.context_id, m.edit_of, m.system_type, m.referral_json, m.outbox_id, "
      "CASE WHEN o.state IN ('failed', 'dead') THEN 'failed' WHEN o.state = 'cancelled' THEN "
      "'cancelled' "
      "     WHEN s.status IS NOT NULL THEN s.status "
      "     WHEN o.state IN ('queued', 'sending', 'unknown', 'accepted') THEN 'pending' ELSE "
      "o.state END, "
      "s.rank, coalesce(o.error_code, s.error_code), coalesce(o.error_title, s.error_title), "
      "coalesce(o.error_details, s.error_details), "
      "coalesce(q.text, q.caption, q.filename), "
      "(SELECT group_concat(r.emoji, '') FROM messages r WHERE r.reaction_to = m.id "
      "   AND r.type = 'reaction' AND coalesce(r.emoji, '') <> '' AND r.rowid = (SELECT "
      "max(r2.rowid) "
      "   FROM messages r2 WHERE r2.reaction_to = m.id AND r2.type = 'reaction' "
      "   AND r2.direction = r.direction)), "
      "(SELECT e.text FROM messages e WHERE e.edit_of = m.id ORDER BY e.rowid DESC LIMIT 1), "
      "o.error_action, q.rowid, coalesce(q.timestamp, 0), q.direction, q.type, m.location_url, "
      "mc.path, coalesce(mc.size, 0), mc.state, "
      "CASE WHEN m.type = 'template' AND m.direction = 'out' THEN m.raw_json END "
      "FROM messages m LEFT JOIN message_status s ON s.message_id = m.id "
      "LEFT JOIN outbox o ON o.id = m.outbox_id "
      "LEFT JOIN messages q ON q.id = m.context_id "
      "LEFT JOIN media_cache mc ON mc.media_id = m.media_id ";

const char *const ThreadRows
    = "m.conversation_id = :c AND coalesce(m.type, '') NOT IN ('reaction', 'edit') ";

ConversationRow readConversation(const QSqlQuery &q)
{
    ConversationRow r;
    r.id = q.value(0).toLongLong();
    r.phoneNumberId = q.value(1).toString();
    r.contactId = q.value(2).toLongLong();
    r.profileName = q.value(3).toString();
    r.waId = q.value(4).toString();
    r.userId = q.value(5).toString();
    r.username = q.value(6).toString();
    r.preview = q.value(7).toString();
    r.lastDirection = q.value(8).toString();
    r.lastType = q.value(9).toString();
    r.lastMessageAt = q.value(10).toLongLong();
    r.lastInboundAt = q.value(11).toLongLong();
    r.windowExpiresAt = q.value(12).toLongLong();
    r.unread = q.value(13).toInt();
    return r;
}

bool run(QSqlQuery &q)
{
    if (q.exec())
        return true;
    qCWarning(parley::core::lcStore) << "console query failed:" << q.lastError().text();
    return false;
}

} // namespace

StoreWorker::StoreWorker(QString path, QObject *parent)
    : QObject(parent), m_path(std::move(path)),
      // The media fetcher's cache beside the store (core/media/MediaFetcher).
      m_mediaDir(m_path + QStringLiteral(".media"))
{
}

StoreWorker::~StoreWorker()
{
    close();
}

bool StoreWorker::open(QString *error)
{
    m_connection = Database::threadConnectionName(QStringLiteral("console"));
    m_db = Database::open(m_path, m_connection, error);
    return m_db.isValid();
}

void StoreWorker::close()
{
    if (m_connection.isEmpty())
        return;
    m_db = QSqlDatabase();
    Database::close(m_connection);
    m_connection.clear();
}

QList<ConversationRow> StoreWorker::conversations(const ConversationQuery &query)
{
    QString sql = QLatin1String("SELECT ") + QLatin1String(ConversationColumns)
        + QLatin1String("WHERE (:pn = '' OR c.phone_number_id = :pn) ");
    switch (query.filter) {
    case ConversationFilter::All: break;
    case ConversationFilter::Unread: sql += QLatin1String("AND c.unread_count > 0 "); break;
    case ConversationFilter::WindowClosing:
        sql += QLatin1String("AND c.window_expires_at > :now AND c.window_expires_at <= :soon ");
        break;
    case ConversationFilter::WindowClosed:
        sql += QLatin1String("AND coalesce(c.window_expires_at, 0) <= :now ");
        break;
    }
    if (query.sort == ConversationSort::RecentActivity)
        // Plain column: the conversations_last_message index serves it (NULLs sort last).
        sql += QLatin1String("ORDER BY c.last_message_at DESC ");
    else
        sql += QLatin1String("ORDER BY coalesce(c.window_expires_at, 0) <= :now, "
                             "c.window_expires_at ASC, coalesce(c.last_message_at, 0) DESC ");
    sql += QLatin1String("LIMIT :limit");
    QSqlQuery q(m_db);
    q.prepare(sql);
    q.bindValue(QStringLiteral(":pn"),
        query.phoneNumberId.isNull() ? QStringLiteral("") : query.phoneNumberId);
    if (sql.contains(QLatin1String(":now")))
        q.bindValue(QStringLiteral(":now"), query.nowSecs);
    if (sql.contains(QLatin1String(":soon")))
        q.bindValue(QStringLiteral(":soon"), query.nowSecs + 4 * 3600);
    q.bindValue(QStringLiteral(":limit"), query.limit);
    QList<ConversationRow> rows;
    if (!run(q))
        return rows;
    while (q.next())
        rows.append(readConversation(q));
    return rows;
}

QList<ConversationRow> StoreWorker::conversationsById(const QList<qint64> &ids)
{
    QList<ConversationRow> rows;
    QSqlQuery q(m_db);
    q.prepare(QLatin1String("SELECT ") + QLatin1String(ConversationColumns)
        + QLatin1String("WHERE c.id = ?"));
    for (qint64 id : ids) {
        q.bindValue(0, id);
        if (run(q) && q.next())
            rows.append(readConversation(q));
    }
    return rows;
}

QList<MessageRow> StoreWorker::readMessages(QSqlQuery &q)
{
    QList<MessageRow> rows;
    while (q.next()) {
        MessageRow r;
        r.rowid = q.value(0).toLongLong();
        r.id = q.value(1).toString();
        r.conversationId = q.value(2).toLongLong();
        r.direction = q.value(3).toString();
        r.type = q.value(4).toString();
        r.timestamp = q.value(5).toLongLong();
        r.text = q.value(6).toString();
        r.caption = q.value(7).toString();
        r.filename = q.value(8).toString();
        r.mimeType = q.value(9).toString();
        r.mediaId = q.value(10).toString();
        r.hasLocation = !q.value(11).isNull();
        r.latitude = q.value(11).toDouble();
        r.longitude = q.value(12).toDouble();
        r.locationName = q.value(13).toString();
        r.locationAddress = q.value(14).toString();
        r.replyTitle = q.value(15).toString();
        r.replyDescription = q.value(16).toString();
        r.buttonText = q.value(17).toString();
        r.contextId = q.value(18).toString();
        r.editOf = q.value(19).toString();
        r.systemType = q.value(20).toString();
        r.referralJson = q.value(21).toString();
        r.outboxId = q.value(22).toLongLong();
        r.status = q.value(23).toString();
        r.statusRank = q.value(24).toInt();
        r.errorCode = q.value(25).toInt();
        r.errorTitle = q.value(26).toString();
        r.errorDetails = q.value(27).toString();
        r.quotedText = q.value(28).toString();
        r.reactions = q.value(29).toString();
        if (!q.value(30).isNull()) {
            r.edited = true;
            r.text = q.value(30).toString();
        }
        r.errorAction = q.value(31).toString();
        r.quotedRowid = q.value(32).toLongLong();
        r.quotedTimestamp = q.value(33).toLongLong();
        r.quotedDirection = q.value(34).toString();
        r.quotedType = q.value(35).toString();
        r.locationUrl = q.value(36).toString();
        r.mediaSize = q.value(38).toLongLong();
        r.mediaState = q.value(39).toString();
        if (r.mediaState == QLatin1String("fetched") && !q.value(37).isNull())
            resolveMedia(r, q.value(37).toString());
        if (!q.value(40).isNull()) {
            const QString rendered = renderSentTemplate(q.value(40).toString());
            if (!rendered.isEmpty())
                r.text = rendered;
        }
        rows.append(r);
    }
    return rows;
}

// The file of a fetched media id, and for pictures their pixel size from the header (a few bytes
// read here, on the store thread, so that the bubble's height is right before the thumbnail is
// decoded).
void StoreWorker::resolveMedia(MessageRow &row, const QString &cachePath) const
{
    const QString path = QDir(m_mediaDir).filePath(cachePath);
    const QFileInfo info(path);
    if (!info.isFile())
        return;
    row.mediaPath = info.absoluteFilePath();
    if (!row.mediaSize)
        row.mediaSize = info.size();
    if (row.type == QLatin1String("image") || row.type == QLatin1String("sticker")) {
        QImageReader reader(path);
        const QSize size = reader.size();
        if (size.isValid()) {
            row.mediaWidth = size.width();
            row.mediaHeight = size.height();
        }
    }
}

// An outbound template as the customer reads it: the synced definition filled with the
// parameters that were sent (text, and the fallback of currency and date_time, as Meta renders
// them). Empty when the definition is not in the local store (the bubble keeps the name).
QString StoreWorker::renderSentTemplate(const QString &messageJson)
{
    const QJsonObject t = QJsonDocument::fromJson(messageJson.toUtf8())
                              .object()
                              .value(QLatin1String("template"))
                              .toObject();
    const QString name = t.value(QLatin1String("name")).toString();
    const QString language
        = t.value(QLatin1String("language")).toObject().value(QLatin1String("code")).toString();
    if (name.isEmpty())
        return {};
    const auto definition = core::TemplateStore(m_db).find(name, language);
    if (!definition)
        return {};
    QList<core::TemplateParam> params;
    for (const QJsonValue &cv : t.value(QLatin1String("components")).toArray()) {
        const QJsonObject c = cv.toObject();
        const QString type = c.value(QLatin1String("type")).toString().toLower();
        // Buttons keep the definition's labels; media headers render as their kind.
        if (type != QLatin1String("body") && type != QLatin1String("header"))
            continue;
        int position = 0;
        for (const QJsonValue &pv : c.value(QLatin1String("parameters")).toArray()) {
            const QJsonObject p = pv.toObject();
            ++position;
            const QString kind = p.value(QLatin1String("type")).toString();
            QString value;
            if (kind == QLatin1String("text"))
                value = p.value(QLatin1String("text")).toString();
            else if (kind == QLatin1String("currency") || kind == QLatin1String("date_time"))
                value = p.value(kind).toObject().value(QLatin1String("fallback_value")).toString();
            else
                continue;
            const QString named = p.value(QLatin1String("parameter_name")).toString();
            const QString key = named.isEmpty() ? QString::number(position) : named;
            params << (type == QLatin1String("body") ? core::TemplateParam::bodyText(key, value)
                                                     : core::TemplateParam::headerText(key, value));
        }
    }
    return core::renderTemplate(*definition, params).toText();
}

QList<MessageRow> StoreWorker::messagesBefore(qint64 conversationId, MessageKey before, int limit)
{
    QString sql
        = QLatin1String(MessageColumns) + QLatin1String("WHERE ") + QLatin1String(ThreadRows);
    if (!before.isNull())
        sql += QLatin1String("AND (coalesce(m.timestamp, 0) < :t OR (coalesce(m.timestamp, 0) = :t "
                             "AND m.rowid < :r)) ");
    sql += QLatin1String("ORDER BY m.timestamp DESC, m.rowid DESC LIMIT :n");
    QSqlQuery q(m_db);
    q.prepare(sql);
    q.bindValue(QStringLiteral(":c"), conversationId);
    if (!before.isNull()) {
        q.bindValue(QStringLiteral(":t"), before.timestamp);
        q.bindValue(QStringLiteral(":r"), before.rowid);
    }
    q.bindValue(QStringLiteral(":n"), limit);
    if (!run(q))
        return {};
    QList<MessageRow> rows = readMessages(q);
    std::reverse(rows.begin(), rows.end());
    return rows;
}

QList<MessageRow> StoreWorker::messagesFrom(qint64 conversationId, MessageKey from, int limit)
{
    QSqlQuery q(m_db);
    q.prepare(QLatin1String(MessageColumns) + QLatin1String("WHERE ") + QLatin1String(ThreadRows)
        + QLatin1String("AND (coalesce(m.timestamp, 0) > :t OR (coalesce(m.timestamp, 0) = :t AND "
                        "m.rowid >= :r)) "
                        "ORDER BY m.timestamp ASC, m.rowid ASC LIMIT :n"));
    q.bindValue(QStringLiteral(":c"), conversationId);
    q.bindValue(QStringLiteral(":t"), from.timestamp);
    q.bindValue(QStringLiteral(":r"), from.rowid);
    q.bindValue(QStringLiteral(":n"), limit);
    if (!run(q))
        return {};
    return readMessages(q);
}

std::optional<MessageRow> StoreWorker::messageByRowid(qint64 rowid)
{
    QSqlQuery q(m_db);
    q.prepare(QLatin1String(MessageColumns) + QLatin1String("WHERE m.rowid = ?"));
    q.bindValue(0, rowid);
    if (!run(q))
        return std::nullopt;
    const auto rows = readMessages(q);
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

QList<MessageRow> StoreWorker::messagesByIds(const QStringList &ids)
{
    QList<MessageRow> rows;
    QSqlQuery q(m_db);
    q.prepare(QLatin1String(MessageColumns) + QLatin1String("WHERE m.id = ?"));
    for (const QString &id : ids) {
        q.bindValue(0, id);
        if (run(q))
            rows += readMessages(q);
    }
    return rows;
}

int StoreWorker::unreadTotal()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coalesce(sum(unread_count), 0) FROM conversations "
                             "WHERE unread_count > 0"));
    if (run(q) && q.next())
        return q.value(0).toInt();
    return 0;
}

QString StoreWorker::ftsQuery(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}_@.+-]+"));
    QStringList words = text.split(separators, Qt::SkipEmptyParts);
    QStringList terms;
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString w = words.at(i);
        w.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        QString term = QLatin1Char('"') + w + QLatin1Char('"');
        if (i == words.size() - 1)
            term += QLatin1Char('*');
        terms << term;
    }
    return terms.join(QLatin1Char(' '));
}

QList<SearchHit> StoreWorker::search(const QString &text, int limit)
{
    QList<SearchHit> hits;
    const QString match = ftsQuery(text);
    if (match.isEmpty())
        return hits;
    // Messages the parse worker stored but has not indexed yet (schema 0007) are indexed first.
    QString indexError;
    if (!core::MessageIndex::catchUp(m_db, nullptr, &indexError))
        qCWarning(parley::core::lcStore) << "search index catch-up failed:" << indexError;
    // Newest first: FTS5 walks rowids in descending order and stops at the limit, so a common word
    // over a million messages costs no more than a rare one.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT m.rowid, m.id, m.conversation_id, "
        "coalesce(nullif(k.profile_name, ''), k.username, k.wa_id, k.user_id), "
        "snippet(messages_fts, 0, '[', ']', '…', 12), coalesce(m.timestamp, 0), m.direction "
        "FROM messages_fts JOIN messages m ON m.rowid = messages_fts.rowid "
        "LEFT JOIN conversations c ON c.id = m.conversation_id "
        "LEFT JOIN contacts k ON k.id = c.contact_id "
        "WHERE messages_fts MATCH :q ORDER BY messages_fts.rowid DESC LIMIT :n"));
    q.bindValue(QStringLiteral(":q"), match);
    q.bindValue(QStringLiteral(":n"), limit);
    if (!run(q))
        return hits;
    while (q.next()) {
        SearchHit h;
        h.rowid = q.value(0).toLongLong();
        h.messageId = q.value(1).toString();
        h.conversationId = q.value(2).toLongLong();
        h.contactName = q.value(3).toString();
        h.snippet = q.value(4).toString();
        h.timestamp = q.value(5).toLongLong();
        h.direction = q.value(6).toString();
        hits.append(h);
    }
    return hits;
}

ContactDetails StoreWorker::contact(qint64 conversationId)
{
    ContactDetails d;
    d.conversationId = conversationId;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT k.profile_name, k.wa_id, k.user_id, k.parent_user_id, "
                             "k.username, c.phone_number_id, "
                             "c.window_expires_at FROM conversations c JOIN contacts k ON k.id = "
                             "c.contact_id WHERE c.id = ?"));
    q.bindValue(0, conversationId);
    if (run(q) && q.next()) {
        d.profileName = q.value(0).toString();
        d.waId = q.value(1).toString();
        d.userId = q.value(2).toString();
        d.parentUserId = q.value(3).toString();
        d.username = q.value(4).toString();
        d.phoneNumberId = q.value(5).toString();
        d.windowExpiresAt = q.value(6).toLongLong();
    }
    q.prepare(QStringLiteral(
        "SELECT coalesce(sum(direction = 'in'), 0), coalesce(sum(direction = 'out'), 0), "
        "min(timestamp), max(timestamp) FROM messages WHERE conversation_id = ? "
        "AND coalesce(type, '') NOT IN ('reaction', 'edit')"));
    q.bindValue(0, conversationId);
    if (run(q) && q.next()) {
        d.inboundCount = q.value(0).toLongLong();
        d.outboundCount = q.value(1).toLongLong();
        d.firstMessageAt = q.value(2).toLongLong();
        d.lastMessageAt = q.value(3).toLongLong();
    }
    return d;
}

bool StoreWorker::markRead(qint64 conversationId, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE conversations SET unread_count = 0 WHERE id = ? AND unread_count <> 0"));
    q.bindValue(0, conversationId);
    if (!run(q))
        return false;
    const bool changed = q.numRowsAffected() > 0;
    q.prepare(QStringLiteral(
        "INSERT INTO console_conversation_state(conversation_id, last_read_at) VALUES (?, ?) "
        "ON CONFLICT(conversation_id) DO UPDATE SET last_read_at = excluded.last_read_at"));
    q.bindValue(0, conversationId);
    q.bindValue(1, nowMs);
    run(q);
    return changed;
}

QStringList StoreWorker::phoneNumberIds()
{
    QStringList ids;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT DISTINCT phone_number_id FROM conversations ORDER BY 1"));
    if (run(q))
        while (q.next())
            ids << q.value(0).toString();
    return ids;
}

QList<core::TemplateDefinition> StoreWorker::templates()
{
    core::TemplateStore store(m_db);
    QList<core::TemplateDefinition> all = store.list();
    std::stable_sort(all.begin(), all.end(),
        [](const core::TemplateDefinition &a, const core::TemplateDefinition &b) {
            return a.isApproved() && !b.isApproved();
        });
    return all;
}

} // namespace parley::ui
