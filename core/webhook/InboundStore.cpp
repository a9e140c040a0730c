#include "webhook/InboundStore.h"

#include "common/Log.h"
#include "store/Database.h"
#include "webhook/SqliteStatement.h"
#include "webhook/WebhookParser.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <array>
#include <string_view>

namespace parley::core {

namespace {

QString placeholders(int n)
{
    QString out;
    out.reserve(n * 2);
    for (int i = 0; i < n; ++i)
        out += i == 0 ? QLatin1String("?") : QLatin1String(",?");
    return out;
}

template <size_t N>
QString columnList(const std::array<const char *, N> &columns)
{
    QStringList names;
    for (const char *c : columns)
        names << QLatin1String(c);
    return names.join(u',');
}

// The compact JSON QJsonDocument writes for a record's raw JSON (sorted keys, its own number and
// escape forms): what the dedupe keys were made of when raw_json was that re-serialization, so
// that a body ingested before raw_json became the exact bytes, and retried or replayed after,
// still finds its event. Scalars too (an unknown change "x"), hence the array around it.
QString canonicalJson(const ParsedValue &raw)
{
    const std::string_view bytes = raw.utf8();
    QByteArray wrapped;
    wrapped.reserve(qsizetype(bytes.size()) + 2);
    wrapped.append('[').append(bytes.data(), qsizetype(bytes.size())).append(']');
    const QByteArray json = QJsonDocument::fromJson(wrapped).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

// The contact columns resolveContact() keeps, in this order: wa_id, user_id, parent_user_id,
// username, profile_name.
constexpr int kContactFields = 5;
using ContactFields = std::array<ParsedValue, kContactFields>;

// The UTF-8 of a value as a TEXT column holds it: text as it is (a view, no copy), anything else
// (the parser sends none here) as its text form, kept in *storage.
std::string_view textOf(const ParsedValue &value, QByteArray *storage)
{
    if (value.isText())
        return value.utf8();
    *storage = value.toString().toUtf8();
    return std::string_view(storage->constData(), size_t(storage->size()));
}

// As QString's isEmpty() of toString(): NULL or "" (numbers and booleans have text).
bool isEmptyText(const ParsedValue &value)
{
    return value.isNull() || (value.isText() && value.utf8().empty());
}

QString dedupeKey(const QStringList &parts)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const QString &part : parts) {
        hash.addData(part.toUtf8());
        hash.addData(QByteArrayView("\x1f", 1));
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString preview(const ParsedMessage &m)
{
    QString text = m[msgcol::Text].toString();
    if (text.isEmpty())
        text = m[msgcol::Caption].toString();
    if (text.isEmpty()) {
        if (m[msgcol::Type].toString() == QLatin1String("reaction"))
            text = m[msgcol::Emoji].toString();
        else if (!m[msgcol::Filename].toString().isEmpty())
            text = m[msgcol::Filename].toString();
    }
    if (text.isEmpty())
        text = QLatin1Char('[') + m[msgcol::Type].toString() + QLatin1Char(']');
    if (text.size() > 120)
        text = text.left(119) + QChar(0x2026);
    return text;
}

// Binds preview(m), without making it a QString in the common case: a text of 1 to 120 bytes
// (so at most 120 UTF-16 units: never shortened) is bound as it is.
void bindPreview(SqliteStatement &q, int index, const ParsedMessage &m)
{
    const ParsedValue *source = nullptr;
    if (!isEmptyText(m[msgcol::Text]))
        source = &m[msgcol::Text];
    else if (!isEmptyText(m[msgcol::Caption]))
        source = &m[msgcol::Caption];
    else if (m[msgcol::Type].textEquals("reaction"))
        source = &m[msgcol::Emoji];
    else if (!isEmptyText(m[msgcol::Filename]))
        source = &m[msgcol::Filename];
    if (source && source->isText() && !source->utf8().empty() && source->utf8().size() <= 120)
        q.bind(index, *source);
    else
        q.bindText(index, preview(m));
}

} // namespace

struct InboundStore::Private
{
    QSqlDatabase db;
    Clock *clock = nullptr;
    qint64 journalId = 0;
    qint64 receivedAtMs = 0;
    qint64 nowMs = 0;
    QString error;

    // The hot statements, on SQLite's C API (see SqliteStatement); rare ones use QSqlQuery on
    // the same connection.
    sqlite3 *handle = nullptr;
    SqliteStatement contactFindByWa, contactFindByUser, contactInsert, contactUpdate;
    SqliteStatement convFind, convInsert, convInbound, convWindow;
    SqliteStatement messageInsert, statusEventInsert, statusCurrent, messageSeen;
    // The outbox follows statuses (formerly triggers, see schema 0009).
    SqliteStatement outboxHas, outboxFollow, callbackMessage, callbackOutbox, callbackOutboxStatus;
    SqliteStatement errorInsert, templateInsert, accountInsert, preferenceInsert;
    bool prepared = false;

    // wa_id / user_id -> contact row, and (phone_number_id, contact id) -> conversation id, so
    // that a known sender costs no SELECT. Keys and values are UTF-8 bytes, looked up through
    // views of the parsed body (no string is built per lookup). Entries written in the current
    // batch are "pending": they become "committed" only when the caller reports the COMMIT
    // (batchCommitted), and are dropped on batchRolledBack, so a rolled-back batch never leaves
    // a stale id behind. A caller that never reports batches gets a per-body cache only. A merge
    // (which deletes a row) clears everything.
    struct CachedContact
    {
        qint64 id = -1;
        // UTF-8 of wa_id, user_id, parent_user_id, username, profile_name; bit i of present:
        // values[i] is not NULL.
        std::array<QByteArray, kContactFields> values;
        quint8 present = 0;
        // This store inserted the row: the conversations naming it are the ones it made (and
        // cached), or ones another writer added since (conversation() finds them on conflict).
        bool inserted = false;

        bool has(int i) const { return present & (1u << i); }
        std::string_view view(int i) const
        {
            const QByteArray &v = values[size_t(i)];
            return std::string_view(v.constData(), size_t(v.size()));
        }
        // An incoming (non-NULL) value that is not what this row holds.
        bool differs(int i, std::string_view incoming) const
        {
            return !has(i) || view(i) != incoming;
        }
        void set(int i, std::string_view text)
        {
            values[size_t(i)] = QByteArray(text.data(), qsizetype(text.size()));
            present |= quint8(1u << i);
        }
    };
    using ContactMap = QHash<QByteArray, CachedContact>;
    ContactMap contactsByWa, contactsByUser, pendingByWa, pendingByUser;
    struct ConversationKey
    {
        QByteArray phoneNumberId;
        qint64 contactId = 0;
        bool operator==(const ConversationKey &other) const
        {
            return contactId == other.contactId && phoneNumberId == other.phoneNumberId;
        }
        friend size_t qHash(const ConversationKey &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.phoneNumberId, key.contactId);
        }
    };
    QHash<ConversationKey, qint64> conversations, pendingConversations;
    bool batchesReported = false;
    static constexpr qsizetype kMaxCached = 200'000;

    static const CachedContact *lookup(
        const ContactMap &pending, const ContactMap &committed, std::string_view key)
    {
        // A view of the bytes: hashing and comparing need no copy.
        const QByteArray raw = QByteArray::fromRawData(key.data(), qsizetype(key.size()));
        auto it = pending.constFind(raw);
        if (it != pending.constEnd())
            return &*it;
        it = committed.constFind(raw);
        return it != committed.constEnd() ? &*it : nullptr;
    }
    qsizetype cachedContacts() const
    {
        return contactsByWa.size() + contactsByUser.size() + pendingByWa.size()
            + pendingByUser.size();
    }
    void clearCaches()
    {
        contactsByWa.clear();
        contactsByUser.clear();
        pendingByWa.clear();
        pendingByUser.clear();
        conversations.clear();
        pendingConversations.clear();
    }
    void clearPending()
    {
        pendingByWa.clear();
        pendingByUser.clear();
        pendingConversations.clear();
    }

    bool prepare(SqliteStatement &q, const QString &sql) { return q.prepare(handle, sql, &error); }
    bool exec(SqliteStatement &q) { return q.exec(&error); }

    bool exec(QSqlQuery &q)
    {
        if (!q.exec()) {
            error = q.lastError().text();
            return false;
        }
        return true;
    }

    bool prepareAll();
    // The statements whose texts are bound only from the parsed body (values that live as long
    // as the ParsedWebhook of one ingest() call): they keep an equal text bound from one
    // execution to the next within a body (SqliteStatement::setViewsOutliveReset), and forget
    // those views when the next body begins. The contact and conversation statements bind
    // texts of local buffers too, so they are not among them.
    std::array<SqliteStatement *, 14> bodyStatements()
    {
        return {&messageInsert, &convInbound, &statusEventInsert, &statusCurrent, &messageSeen,
            &outboxHas, &outboxFollow, &callbackMessage, &callbackOutbox, &callbackOutboxStatus,
            &errorInsert, &templateInsert, &accountInsert, &preferenceInsert};
    }
    // The contact row of these fields (NULL: not in the payload), created, updated or merged
    // as they say; -1 when neither wa_id nor user_id is given. *created: this store inserted the
    // row (now or earlier, as long as it is remembered): see CachedContact::inserted.
    qint64 resolveContact(
        const ContactFields &incoming, bool *ok, bool *created = nullptr, bool retried = false);
    bool findContact(SqliteStatement &q, std::string_view key, CachedContact *row, bool *found);
    qint64 mergeContacts(qint64 winner, qint64 loser, bool *ok);
    bool changeNumber(qint64 contactId, const QString &newWaId);
    // newContact: this store inserted the contact row (resolveContact's *created): no SELECT
    // first, the INSERT's conflict (a conversation another writer added) finds it instead.
    qint64 conversation(
        const ParsedValue &phoneNumberId, qint64 contactId, bool newContact, bool *ok);

    // *found: an outbox row has this wamid (so a status for it may move that row).
    bool outboxHasWamid(const ParsedValue &wamid, bool *found)
    {
        outboxHas.bind(0, wamid);
        QString stepError;
        *found = outboxHas.next(&stepError);
        outboxHas.reset();
        if (!stepError.isEmpty()) {
            error = stepError;
            return false;
        }
        return true;
    }

    bool resolveByCallback(const ParsedValue &wamid, const ParsedValue &callback)
    {
        callbackMessage.bind(0, wamid);
        callbackMessage.bind(1, callback);
        if (!exec(callbackMessage))
            return false;
        callbackOutbox.bind(0, wamid);
        callbackOutbox.bind(1, callback);
        callbackOutbox.bindInt(2, nowMs);
        if (!exec(callbackOutbox))
            return false;
        callbackOutboxStatus.bind(0, wamid);
        return exec(callbackOutboxStatus);
    }
};

bool InboundStore::Private::prepareAll()
{
    if (prepared)
        return true;
    handle = Database::nativeHandle(db);
    if (!handle) {
        error = QStringLiteral("the store is not an open SQLite connection");
        return false;
    }
    const auto &mc = WebhookParser::messageColumns();
    const auto &sc = WebhookParser::statusColumns();
    const auto &ec = WebhookParser::errorColumns();
    const auto &tc = WebhookParser::templateColumns();
    const auto &ac = WebhookParser::accountColumns();
    const auto &pc = WebhookParser::preferenceColumns();
    // clang-format off
    const bool ok =
        // Two index lookups: cheaper than one "wa_id = ? OR user_id = ?" (a multi-index OR).
        prepare(contactFindByWa, QStringLiteral(
            "SELECT id, wa_id, user_id, parent_user_id, username, profile_name FROM contacts "
            "WHERE wa_id = ?"))
        && prepare(contactFindByUser, QStringLiteral(
            "SELECT id, wa_id, user_id, parent_user_id, username, profile_name FROM contacts "
            "WHERE user_id = ?"))
        && prepare(contactInsert, QStringLiteral(
            "INSERT INTO contacts(wa_id, user_id, parent_user_id, username, profile_name, "
            "created_at, updated_at) VALUES(?,?,?,?,?,?,?) ON CONFLICT DO NOTHING"))
        && prepare(contactUpdate, QStringLiteral(
            "UPDATE contacts SET wa_id = ?, user_id = ?, parent_user_id = ?, username = ?, "
            "profile_name = ?, updated_at = ? WHERE id = ?"))
        && prepare(messageSeen, QStringLiteral("SELECT 1 FROM messages WHERE id = ?"))
        && prepare(convFind, QStringLiteral(
            "SELECT id FROM conversations WHERE phone_number_id = ? AND contact_id = ?"))
        && prepare(convInsert, QStringLiteral(
            "INSERT INTO conversations(phone_number_id, contact_id, created_at, updated_at) "
            "VALUES(?,?,?,?) ON CONFLICT DO NOTHING"))
        // SET expressions all see the row as it was: the CASEs compare with the old
        // last_message_at. Window and last inbound only move forward.
        && prepare(convInbound, QStringLiteral(
            "UPDATE conversations SET "
            "last_inbound_at = CASE WHEN ? THEN max(coalesce(last_inbound_at, 0), ?) "
            "  ELSE last_inbound_at END, "
            "window_expires_at = CASE WHEN ? THEN max(coalesce(window_expires_at, 0), ?) "
            "  ELSE window_expires_at END, "
            "last_message_id = CASE WHEN ? >= coalesce(last_message_at, 0) THEN ? "
            "  ELSE last_message_id END, "
            "last_message_type = CASE WHEN ? >= coalesce(last_message_at, 0) THEN ? "
            "  ELSE last_message_type END, "
            "last_message_preview = CASE WHEN ? >= coalesce(last_message_at, 0) THEN ? "
            "  ELSE last_message_preview END, "
            "last_direction = CASE WHEN ? >= coalesce(last_message_at, 0) THEN 'in' "
            "  ELSE last_direction END, "
            "last_message_at = max(coalesce(last_message_at, 0), ?), "
            "unread_count = unread_count + 1, updated_at = ? WHERE id = ?"))
        && prepare(convWindow, QStringLiteral(
            "UPDATE conversations SET window_expires_at = max(coalesce(window_expires_at, 0), ?), "
            "updated_at = ? WHERE id = ? AND coalesce(window_expires_at, 0) < ?"))
        && prepare(messageInsert, QStringLiteral(
            "INSERT INTO messages(conversation_id, direction, received_at, journal_id, %1) "
            "VALUES(?,'in',?,?,%2) ON CONFLICT(id) DO NOTHING")
            .arg(columnList(mc), placeholders(int(mc.size()))))
        // Statuses with a rank were deduplicated by statusCurrent before this runs; the
        // others by the partial unique index status_events_unranked (schema 0011), which
        // holds only them. For a ranked status the conflict clause never fires.
        && prepare(statusEventInsert, QStringLiteral(
            "INSERT INTO status_events(received_at, journal_id, %1) VALUES(?,?,%2) "
            "ON CONFLICT(message_id, status) WHERE status <> 'sent' AND status <> 'delivered' "
            "AND status <> 'read' AND status <> 'played' AND status <> 'failed' DO NOTHING")
            .arg(columnList(sc), placeholders(int(sc.size()))))
        // The dedupe of a ranked status and its current state in one random-page write
        // (schema 0011): `seen` has a bit per status received; a status whose bit is set
        // changes nothing and returns no row (a duplicate). Otherwise the bit is set, the
        // current status moves forward when this one ranks higher, and the current rank is
        // returned: equal to this status's when it advanced. ?1 wamid, ?2 status, ?3 rank,
        // ?4 timestamp, ?5-?7 error code/title/details, ?8 now (ms).
        && prepare(statusCurrent, QStringLiteral(
            "INSERT INTO message_status(message_id, status, rank, seen, timestamp, error_code, "
            "error_title, error_details, updated_at) VALUES(?1,?2,?3,1 << ?3,?4,?5,?6,?7,?8) "
            "ON CONFLICT(message_id) DO UPDATE SET seen = seen | excluded.seen, "
            "status = CASE WHEN excluded.rank > rank THEN excluded.status ELSE status END, "
            "timestamp = CASE WHEN excluded.rank > rank THEN excluded.timestamp "
            "  ELSE timestamp END, "
            "error_code = CASE WHEN excluded.rank > rank THEN excluded.error_code "
            "  ELSE error_code END, "
            "error_title = CASE WHEN excluded.rank > rank THEN excluded.error_title "
            "  ELSE error_title END, "
            "error_details = CASE WHEN excluded.rank > rank THEN excluded.error_details "
            "  ELSE error_details END, "
            "updated_at = CASE WHEN excluded.rank > rank THEN excluded.updated_at "
            "  ELSE updated_at END, "
            "rank = max(rank, excluded.rank) "
            "WHERE (seen & excluded.seen) = 0 "
            "RETURNING rank"))
        // Is there an outbox row with this wamid? One covering lookup in the partial unique
        // index outbox_wamid. The follow below only runs when there is: as an UPDATE of a table
        // with `AFTER UPDATE OF state` triggers it opens a statement journal and cursors on
        // outbox and its four indexes even when no row matches (~5 k instructions per status,
        // against ~1.5 k for this lookup). Statuses of messages Parley did not send (another
        // tool on the same number, sends from before Parley) cost only the lookup; those of
        // our own sends pay it on top of the follow.
        && prepare(outboxHas, QStringLiteral("SELECT 1 FROM outbox WHERE wamid = ?"))
        // A status that advanced message_status moves the outbox row of that wamid forward. Its
        // parameters are statusCurrent's (?4, the timestamp, is not used): ?1 wamid, ?2 status,
        // ?3 rank, ?5-?7 error code/title/details, ?8 now (ms). The state test is a chain of
        // comparisons, not IN (...): an IN list of more than two values makes SQLite build an
        // ephemeral table on every execution that reaches it (~30 k instructions per status of
        // one of our sends).
        && prepare(outboxFollow, QStringLiteral(
            "UPDATE outbox SET "
            "state = CASE WHEN ?2 = 'failed' THEN 'failed' WHEN ?3 >= 3 THEN 'read' "
            "  WHEN ?3 = 2 THEN 'delivered' ELSE 'sent' END, "
            "status_rank = ?3, "
            "error_origin = CASE WHEN ?2 = 'failed' THEN 'webhook' ELSE error_origin END, "
            "error_code = CASE WHEN ?2 = 'failed' THEN ?5 ELSE error_code END, "
            "error_title = CASE WHEN ?2 = 'failed' THEN ?6 ELSE error_title END, "
            "error_details = CASE WHEN ?2 = 'failed' THEN ?7 ELSE error_details END, "
            "error_http = CASE WHEN ?2 = 'failed' THEN NULL ELSE error_http END, "
            "error_fbtrace = CASE WHEN ?2 = 'failed' THEN NULL ELSE error_fbtrace END, "
            "error_action = CASE WHEN ?2 = 'failed' THEN NULL ELSE error_action END, "
            "updated_at = ?8 "
            "WHERE wamid = ?1 "
            "AND (state = 'sending' OR state = 'unknown' OR state = 'accepted' OR state = 'sent' "
            "  OR state = 'delivered' OR state = 'read') "
            "AND ((?2 = 'failed' AND state <> 'read') OR (?2 <> 'failed' AND ?3 > status_rank))"))
        // Crash safety: a status echoing 'parley-outbox:<id>' names the outbox row of a send
        // whose answer was lost. ?1 wamid, ?2 biz_opaque_callback_data, ?3 now (ms). The local
        // message row takes the wamid, the outbox row takes it and becomes accepted, then takes
        // that wamid's current status.
        && prepare(callbackMessage, QStringLiteral(
            "UPDATE messages SET id = ?1 "
            "WHERE id = 'local:' || CAST(substr(?2, 15) AS INTEGER) "
            "AND EXISTS (SELECT 1 FROM outbox o WHERE o.id = CAST(substr(?2, 15) AS INTEGER) "
            "  AND o.wamid IS NULL AND o.state IN ('unknown', 'sending')) "
            "AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.id = ?1)"))
        && prepare(callbackOutbox, QStringLiteral(
            "UPDATE outbox SET wamid = ?1, state = 'accepted', status_rank = 0, "
            "lease_owner = NULL, lease_until = NULL, accepted_at = ?3, updated_at = ?3 "
            "WHERE id = CAST(substr(?2, 15) AS INTEGER) AND wamid IS NULL "
            "AND state IN ('unknown', 'sending')"))
        && prepare(callbackOutboxStatus, QStringLiteral(
            "UPDATE outbox SET "
            "state = CASE WHEN s.status = 'failed' THEN 'failed' WHEN s.rank >= 3 THEN 'read' "
            "  WHEN s.rank = 2 THEN 'delivered' ELSE 'sent' END, "
            "status_rank = s.rank, "
            "error_origin = CASE WHEN s.status = 'failed' THEN 'webhook' END, "
            "error_code = s.error_code, error_title = s.error_title, "
            "error_details = s.error_details "
            "FROM (SELECT * FROM message_status WHERE message_id = ?1) AS s "
            "WHERE outbox.wamid = ?1 AND outbox.state = 'accepted'"))
        && prepare(errorInsert, QStringLiteral(
            "INSERT INTO webhook_errors(received_at, journal_id, dedupe_key, %1) "
            "VALUES(?,?,?,%2) ON CONFLICT(dedupe_key) DO NOTHING")
            .arg(columnList(ec), placeholders(int(ec.size()))))
        && prepare(templateInsert, QStringLiteral(
            "INSERT INTO template_events(received_at, journal_id, dedupe_key, %1) "
            "VALUES(?,?,?,%2) ON CONFLICT(dedupe_key) DO NOTHING")
            .arg(columnList(tc), placeholders(int(tc.size()))))
        && prepare(accountInsert, QStringLiteral(
            "INSERT INTO account_events(received_at, journal_id, dedupe_key, %1) "
            "VALUES(?,?,?,%2) ON CONFLICT(dedupe_key) DO NOTHING")
            .arg(columnList(ac), placeholders(int(ac.size()))))
        && prepare(preferenceInsert, QStringLiteral(
            "INSERT INTO user_preferences(received_at, journal_id, dedupe_key, %1) "
            "VALUES(?,?,?,%2) ON CONFLICT(dedupe_key) DO NOTHING")
            .arg(columnList(pc), placeholders(int(pc.size()))));
    // clang-format on
    if (ok) {
        for (SqliteStatement *q : bodyStatements())
            q->setViewsOutliveReset(true);
    }
    prepared = ok;
    return ok;
}

bool InboundStore::Private::findContact(
    SqliteStatement &q, std::string_view key, CachedContact *row, bool *found)
{
    q.bind(0, ParsedValue::fromUtf8(key));
    QString stepError;
    *found = q.next(&stepError);
    if (*found) {
        row->id = q.columnInt(0);
        row->present = 0;
        for (int i = 0; i < kContactFields; ++i) {
            if (!q.isNull(i + 1))
                row->set(i, q.columnUtf8(i + 1));
            else
                row->values[size_t(i)] = QByteArray();
        }
    }
    q.reset();
    if (!stepError.isEmpty()) {
        error = stepError;
        return false;
    }
    return true;
}

qint64 InboundStore::Private::resolveContact(
    const ContactFields &incoming, bool *ok, bool *created, bool retried)
{
    *ok = true;
    if (created)
        *created = false;
    const ParsedValue &waId = incoming[0];
    const ParsedValue &userId = incoming[1];
    if (!waId.isValid() && !userId.isValid())
        return -1;
    std::array<QByteArray, kContactFields> storage;
    std::array<std::string_view, kContactFields> text;
    for (int i = 0; i < kContactFields; ++i) {
        if (incoming[size_t(i)].isValid())
            text[size_t(i)] = textOf(incoming[size_t(i)], &storage[size_t(i)]);
    }
    // Does this contact row hold every value the payload gives?
    auto unchanged = [&](const CachedContact &row) {
        for (int i = 0; i < kContactFields; ++i) {
            if (incoming[size_t(i)].isValid() && row.differs(i, text[size_t(i)]))
                return false;
        }
        return true;
    };
    {
        const CachedContact *byWa
            = waId.isValid() ? lookup(pendingByWa, contactsByWa, text[0]) : nullptr;
        const CachedContact *byUser
            = userId.isValid() ? lookup(pendingByUser, contactsByUser, text[1]) : nullptr;
        if ((!waId.isValid() || byWa) && (!userId.isValid() || byUser)
            && (!byWa || !byUser || byWa->id == byUser->id)) {
            const CachedContact *hit = byWa ? byWa : byUser;
            if (unchanged(*hit)) {
                if (created)
                    *created = hit->inserted;
                return hit->id;
            }
        }
    }

    // At most one row per id (unique indexes), so at most two rows, oldest first.
    std::array<CachedContact, 2> rows;
    int rowCount = 0;
    bool found = false;
    if (waId.isValid()) {
        if (!findContact(contactFindByWa, text[0], &rows[0], &found)) {
            *ok = false;
            return -1;
        }
        rowCount += found ? 1 : 0;
    }
    if (userId.isValid()) {
        if (!findContact(contactFindByUser, text[1], &rows[size_t(rowCount)], &found)) {
            *ok = false;
            return -1;
        }
        if (found && (rowCount == 0 || rows[1].id != rows[0].id))
            ++rowCount;
    }
    if (rowCount == 2 && rows[1].id < rows[0].id)
        std::swap(rows[0], rows[1]);

    qint64 id = -1;
    CachedContact cached;
    if (rowCount == 0) {
        for (int i = 0; i < kContactFields; ++i)
            contactInsert.bind(i, incoming[size_t(i)]);
        contactInsert.bindInt(5, nowMs);
        contactInsert.bindInt(6, nowMs);
        if (!exec(contactInsert)) {
            *ok = false;
            return -1;
        }
        if (contactInsert.changes() != 1) {
            // Another writer (the outbox, the console) added this person since our SELECT.
            if (retried) {
                error = QStringLiteral("contact insert conflicted twice");
                *ok = false;
                return -1;
            }
            return resolveContact(incoming, ok, created, true);
        }
        id = contactInsert.lastInsertRowid();
        cached.inserted = true;
        if (created)
            *created = true;
        for (int i = 0; i < kContactFields; ++i) {
            if (incoming[size_t(i)].isValid())
                cached.set(i, text[size_t(i)]);
        }
    } else {
        CachedContact &row = rows[0];
        if (rowCount == 2) {
            // The payload shows both ids for what were two rows (one known by phone number,
            // one by BSUID): one person. Keep the older row.
            const CachedContact &other = rows[1];
            for (int i = 0; i < kContactFields; ++i) {
                if (!row.has(i) && other.has(i))
                    row.set(i, other.view(i));
            }
            mergeContacts(row.id, other.id, ok);
            if (!*ok)
                return -1;
        }
        const bool changed = rowCount == 2 || !unchanged(row);
        id = row.id;
        // The row's values with the payload's over them.
        cached = row;
        cached.inserted = false;
        for (int i = 0; i < kContactFields; ++i) {
            if (incoming[size_t(i)].isValid() && row.differs(i, text[size_t(i)]))
                cached.set(i, text[size_t(i)]);
        }
        if (changed) {
            for (int i = 0; i < kContactFields; ++i) {
                if (cached.has(i))
                    contactUpdate.bind(i, ParsedValue::fromUtf8(cached.view(i)));
                else
                    contactUpdate.bindNull(i);
            }
            contactUpdate.bindInt(5, nowMs);
            contactUpdate.bindInt(6, id);
            if (!exec(contactUpdate)) {
                *ok = false;
                return -1;
            }
        }
    }
    cached.id = id;
    if (cached.has(0))
        pendingByWa.insert(cached.values[0], cached);
    if (cached.has(1))
        pendingByUser.insert(cached.values[1], cached);
    return id;
}

qint64 InboundStore::Private::mergeContacts(qint64 winner, qint64 loser, bool *ok)
{
    *ok = false;
    auto run = [this](const QString &sql, const QVariantList &binds) {
        QSqlQuery q(db);
        if (!q.prepare(sql)) {
            error = q.lastError().text();
            return false;
        }
        for (int i = 0; i < binds.size(); ++i)
            q.bindValue(i, binds.at(i));
        return exec(q);
    };
    // Conversations of the loser on a number where the winner has one too: fold them in.
    QSqlQuery pairs(db);
    pairs.prepare(QStringLiteral(
        "SELECT l.id, w.id FROM conversations l JOIN conversations w "
        "ON w.phone_number_id = l.phone_number_id AND w.contact_id = ? WHERE l.contact_id = ?"));
    pairs.bindValue(0, winner);
    pairs.bindValue(1, loser);
    if (!exec(pairs))
        return -1;
    QList<QPair<qint64, qint64>> folds;
    while (pairs.next())
        folds.append({pairs.value(0).toLongLong(), pairs.value(1).toLongLong()});
    for (const auto &[l, w] : folds) {
        if (!run(
                QStringLiteral("UPDATE messages SET conversation_id = ? WHERE conversation_id = ?"),
                {w, l})
            || !run(
                QStringLiteral("UPDATE conversations AS w SET "
                               "last_inbound_at = nullif(max(coalesce(w.last_inbound_at, 0), "
                               "  coalesce(l.last_inbound_at, 0)), 0), "
                               "window_expires_at = nullif(max(coalesce(w.window_expires_at, 0), "
                               "  coalesce(l.window_expires_at, 0)), 0), "
                               "last_message_id = CASE WHEN coalesce(l.last_message_at, 0) > "
                               "  coalesce(w.last_message_at, 0) THEN l.last_message_id "
                               "  ELSE w.last_message_id END, "
                               "last_message_type = CASE WHEN coalesce(l.last_message_at, 0) > "
                               "  coalesce(w.last_message_at, 0) THEN l.last_message_type "
                               "  ELSE w.last_message_type END, "
                               "last_message_preview = CASE WHEN coalesce(l.last_message_at, 0) > "
                               "  coalesce(w.last_message_at, 0) THEN l.last_message_preview "
                               "  ELSE w.last_message_preview END, "
                               "last_direction = CASE WHEN coalesce(l.last_message_at, 0) > "
                               "  coalesce(w.last_message_at, 0) THEN l.last_direction "
                               "  ELSE w.last_direction END, "
                               "last_message_at = nullif(max(coalesce(w.last_message_at, 0), "
                               "  coalesce(l.last_message_at, 0)), 0), "
                               "unread_count = w.unread_count + l.unread_count, updated_at = ? "
                               "FROM conversations AS l WHERE w.id = ? AND l.id = ?"),
                {nowMs, w, l})
            || !run(QStringLiteral("DELETE FROM conversations WHERE id = ?"), {l}))
            return -1;
    }
    if (!run(QStringLiteral("UPDATE conversations SET contact_id = ? WHERE contact_id = ?"),
            {winner, loser})
        || !run(QStringLiteral("DELETE FROM contacts WHERE id = ?"), {loser}))
        return -1;
    clearCaches();
    qCInfo(lcWebhook) << "merged contact" << loser << "into" << winner;
    *ok = true;
    return winner;
}

// "User A changed from <old> to <new>": the contact keeps its history under the new number. If
// the new number already has a row (it wrote first), the two rows are one person: merged.
bool InboundStore::Private::changeNumber(qint64 contactId, const QString &newWaId)
{
    QSqlQuery find(db);
    find.prepare(QStringLiteral("SELECT id, user_id, parent_user_id, username, profile_name FROM "
                                "contacts WHERE wa_id = ?"));
    find.bindValue(0, newWaId);
    if (!exec(find))
        return false;
    qint64 other = -1;
    QVariant otherValues[4];
    if (find.next()) {
        other = find.value(0).toLongLong();
        for (int i = 0; i < 4; ++i)
            otherValues[i] = find.isNull(i + 1) ? QVariant() : find.value(i + 1);
    }
    find.finish();
    if (other == contactId)
        return true;
    qint64 keep = contactId;
    if (other >= 0) {
        keep = qMin(contactId, other);
        if (keep == other) {
            // The surviving row is the new number's: fill its gaps from the old number's row.
            find.prepare(QStringLiteral("SELECT user_id, parent_user_id, username, profile_name "
                                        "FROM contacts WHERE id = ?"));
            find.bindValue(0, contactId);
            if (!exec(find))
                return false;
            const bool found = find.next();
            for (int i = 0; i < 4; ++i)
                otherValues[i] = found && !find.isNull(i) ? find.value(i) : QVariant();
            find.finish();
        }
        bool ok = false;
        mergeContacts(keep, qMax(contactId, other), &ok);
        if (!ok)
            return false;
    }
    QSqlQuery update(db);
    update.prepare(QStringLiteral(
        "UPDATE contacts SET wa_id = ?, user_id = coalesce(user_id, ?), "
        "parent_user_id = coalesce(parent_user_id, ?), username = coalesce(username, ?), "
        "profile_name = coalesce(profile_name, ?), updated_at = ? WHERE id = ?"));
    update.bindValue(0, newWaId);
    for (int i = 0; i < 4; ++i)
        update.bindValue(1 + i, otherValues[i]);
    update.bindValue(5, nowMs);
    update.bindValue(6, keep);
    if (!exec(update))
        return false;
    clearCaches();
    qCInfo(lcWebhook) << "contact" << keep << "changed number to" << maskPhone(newWaId);
    return true;
}

qint64 InboundStore::Private::conversation(
    const ParsedValue &phoneNumberId, qint64 contactId, bool newContact, bool *ok)
{
    *ok = true;
    QByteArray storage;
    const std::string_view phone = textOf(phoneNumberId, &storage);
    // A view of the bytes for the lookups; the key stored owns a copy.
    ConversationKey key{QByteArray::fromRawData(phone.data(), qsizetype(phone.size())), contactId};
    auto cached = pendingConversations.constFind(key);
    if (cached != pendingConversations.constEnd())
        return *cached;
    cached = conversations.constFind(key);
    if (cached != conversations.constEnd())
        return *cached;
    const ParsedValue phoneText = ParsedValue::fromUtf8(phone);
    auto find = [&](qint64 *found) {
        convFind.bind(0, phoneText);
        convFind.bindInt(1, contactId);
        QString stepError;
        if (convFind.next(&stepError))
            *found = convFind.columnInt(0);
        convFind.reset();
        if (!stepError.isEmpty()) {
            error = stepError;
            return false;
        }
        return true;
    };
    qint64 id = -1;
    if (!newContact && !find(&id)) {
        *ok = false;
        return -1;
    }
    if (id < 0) {
        convInsert.bind(0, phoneText);
        convInsert.bindInt(1, contactId);
        convInsert.bindInt(2, nowMs);
        convInsert.bindInt(3, nowMs);
        if (!exec(convInsert)) {
            *ok = false;
            return -1;
        }
        if (convInsert.changes() == 1) {
            id = convInsert.lastInsertRowid();
        } else {
            // Another writer added it since our SELECT (or, for a new contact row, a stale
            // conversation names its id).
            if (!find(&id)) {
                *ok = false;
                return -1;
            }
            if (id < 0) {
                error = QStringLiteral("conversation insert conflicted");
                *ok = false;
                return -1;
            }
        }
    }
    key.phoneNumberId = QByteArray(phone.data(), qsizetype(phone.size()));
    pendingConversations.insert(key, id);
    return id;
}

InboundStore::InboundStore(QSqlDatabase db, Clock *clock) : d(std::make_unique<Private>())
{
    d->db = db;
    d->clock = clock ? clock : Clock::system();
}

InboundStore::~InboundStore() = default;

int InboundStore::statusRank(const QString &status)
{
    return WebhookParser::statusRank(status);
}

void InboundStore::batchCommitted()
{
    Private &p = *d;
    p.batchesReported = true;
    if (p.cachedContacts() > Private::kMaxCached
        || p.conversations.size() + p.pendingConversations.size() > Private::kMaxCached) {
        p.clearCaches();
        return;
    }
    p.contactsByWa.insert(p.pendingByWa);
    p.contactsByUser.insert(p.pendingByUser);
    p.conversations.insert(p.pendingConversations);
    p.clearPending();
}

void InboundStore::batchRolledBack()
{
    Private &p = *d;
    p.batchesReported = true;
    p.clearPending();
}

IngestResult InboundStore::ingest(qint64 journalId, const QByteArray &body, qint64 receivedAtMs)
{
    IngestResult result;
    const ParsedWebhook parsed = WebhookParser::parse(body);
    if (!parsed.ok) {
        result.error = parsed.error;
        return result;
    }
    result.parsed = true;
    result.eventCounts = parsed.counts;
    result.messageIds.reserve(parsed.messages.size());
    result.statusMessageIds.reserve(parsed.statuses.size());

    Private &p = *d;
    p.error.clear();
    if (!p.prepareAll()) {
        result.sqlFailed = true;
        result.error = p.error;
        return result;
    }
    p.journalId = journalId;
    p.receivedAtMs = receivedAtMs;
    p.nowMs = p.clock->nowMs();
    // The previous body's texts may be gone: nothing is compared with them.
    for (SqliteStatement *q : p.bodyStatements())
        q->forgetViews();
    if (!p.batchesReported)
        p.clearPending();

    auto fail = [&]() {
        result.sqlFailed = true;
        result.error = p.error;
        // The caller rolls this row (or its batch) back: nothing it wrote may be remembered.
        p.clearCaches();
        qCWarning(lcWebhook) << "ingest of journal row" << journalId << "failed:" << p.error;
        return result;
    };
    bool ok = true;

    for (const ParsedContact &c : parsed.contacts) {
        p.resolveContact({c.waId, c.userId, c.parentUserId, c.username, c.profileName}, &ok);
        if (!ok)
            return fail();
    }

    for (const ParsedMessage &m : parsed.messages) {
        const ParsedValue &phoneNumberId = m[msgcol::PhoneNumberId];
        qint64 conversationId = -1;
        qint64 contactId = -1;
        if (m.newWaId.isValid()) {
            // A number change seen before: its old number may no longer name anyone, and
            // resolving it again would create a ghost contact.
            p.messageSeen.bind(0, m[msgcol::Id]);
            QString stepError;
            const bool seen = p.messageSeen.next(&stepError);
            p.messageSeen.reset();
            if (!stepError.isEmpty()) {
                p.error = stepError;
                return fail();
            }
            if (seen)
                continue;
        }
        if (!isEmptyText(phoneNumberId)) {
            bool newContact = false;
            contactId = p.resolveContact(
                {m[msgcol::FromWaId], m[msgcol::FromUserId], {}, {}, {}}, &ok, &newContact);
            if (!ok)
                return fail();
            if (contactId >= 0) {
                conversationId = p.conversation(phoneNumberId, contactId, newContact, &ok);
                if (!ok)
                    return fail();
            }
        }
        SqliteStatement &q = p.messageInsert;
        if (conversationId >= 0)
            q.bindInt(0, conversationId);
        else
            q.bindNull(0);
        q.bindInt(1, receivedAtMs);
        q.bindInt(2, journalId);
        for (int i = 0; i < msgcol::Count; ++i)
            q.bind(3 + i, m[i]);
        if (!p.exec(q))
            return fail();
        if (q.changes() != 1)
            continue; // delivered before
        result.messageIds.append(m[msgcol::Id].toString());
        if (m.newWaId.isValid() && contactId >= 0
            && !p.changeNumber(contactId, m.newWaId.toString()))
            return fail();
        if (conversationId < 0)
            continue;
        const ParsedValue tsValue = m[msgcol::Timestamp];
        const qint64 ts = tsValue.isValid() ? tsValue.toLongLong() : receivedAtMs / 1000;
        // A system notice (number change...) is not the user writing: it opens no window.
        const bool opensWindow = !m[msgcol::Type].textEquals("system");
        const qint64 expires
            = ts + (m.freeEntryPoint ? kFreeEntryPointWindowSecs : kServiceWindowSecs);
        SqliteStatement &u = p.convInbound;
        int i = 0;
        u.bindInt(i++, opensWindow ? 1 : 0);
        u.bindInt(i++, ts);
        u.bindInt(i++, opensWindow ? 1 : 0);
        u.bindInt(i++, expires);
        u.bindInt(i++, ts);
        u.bind(i++, m[msgcol::Id]);
        u.bindInt(i++, ts);
        u.bind(i++, m[msgcol::Type]);
        u.bindInt(i++, ts);
        bindPreview(u, i++, m);
        u.bindInt(i++, ts);
        u.bindInt(i++, ts);
        u.bindInt(i++, p.nowMs);
        u.bindInt(i++, conversationId);
        if (!p.exec(u))
            return fail();
        result.conversationIds.insert(conversationId);
    }

    for (const ParsedStatus &s : parsed.statuses) {
        const ParsedValue &status = s[statuscol::Status];
        const int rank = WebhookParser::statusRank(status.utf8());
        // The current status and the outbox follow share one parameter layout.
        auto bindStatus = [&](SqliteStatement &q) {
            q.bind(0, s[statuscol::MessageId]);
            q.bind(1, status);
            q.bindInt(2, rank);
            q.bind(3, s[statuscol::Timestamp]);
            q.bind(4, s[statuscol::ErrorCode]);
            q.bind(5, s[statuscol::ErrorTitle]);
            q.bind(6, s[statuscol::ErrorDetails]);
            q.bindInt(7, p.nowMs);
        };
        bool advanced = false;
        if (rank > 0) {
            // Dedupe and current state first: a duplicate returns no row and stops here.
            SqliteStatement &c = p.statusCurrent;
            bindStatus(c);
            QString stepError;
            const bool isNew = c.next(&stepError);
            advanced = isNew && c.columnInt(0) == rank;
            c.reset();
            if (!stepError.isEmpty()) {
                p.error = stepError;
                return fail();
            }
            if (!isNew)
                continue; // this (id, status) was seen before
        }
        SqliteStatement &q = p.statusEventInsert;
        q.bindInt(0, receivedAtMs);
        q.bindInt(1, journalId);
        for (int i = 0; i < statuscol::Count; ++i)
            q.bind(2 + i, s[i]);
        if (!p.exec(q))
            return fail();
        if (q.changes() != 1)
            continue; // an unranked status seen before
        // LIKE 'parley-outbox:%', as the trigger of schema 0004 had it (ASCII case-insensitive).
        // The outbox row it resolves takes the message's current status, this one included.
        const ParsedValue &callback = s[statuscol::BizOpaqueCallbackData];
        if (callback.isText()
            && QLatin1StringView(callback.utf8().data(), qsizetype(callback.utf8().size()))
                   .startsWith(QLatin1String("parley-outbox:"), Qt::CaseInsensitive)
            && !p.resolveByCallback(s[statuscol::MessageId], callback))
            return fail();
        if (advanced) {
            result.statusMessageIds.append(s[statuscol::MessageId].toString());
            bool ours = false;
            if (!p.outboxHasWamid(s[statuscol::MessageId], &ours))
                return fail();
            if (ours) {
                bindStatus(p.outboxFollow);
                if (!p.exec(p.outboxFollow))
                    return fail();
            }
        }
        const ParsedValue &phoneNumberId = s[statuscol::PhoneNumberId];
        if (s.freeEntryPoint && !isEmptyText(phoneNumberId)) {
            bool newContact = false;
            const qint64 contactId = p.resolveContact(
                {s[statuscol::RecipientId], s[statuscol::RecipientUserId], {}, {}, {}}, &ok,
                &newContact);
            if (!ok)
                return fail();
            if (contactId < 0)
                continue;
            const qint64 conversationId = p.conversation(phoneNumberId, contactId, newContact, &ok);
            if (!ok)
                return fail();
            const ParsedValue metaExpiry = s[statuscol::ConversationExpiresAt];
            const ParsedValue tsValue = s[statuscol::Timestamp];
            const qint64 base = tsValue.isValid() ? tsValue.toLongLong() : receivedAtMs / 1000;
            const qint64 expires
                = metaExpiry.isValid() ? metaExpiry.toLongLong() : base + kFreeEntryPointWindowSecs;
            SqliteStatement &w = p.convWindow;
            w.bindInt(0, expires);
            w.bindInt(1, p.nowMs);
            w.bindInt(2, conversationId);
            w.bindInt(3, expires);
            if (!p.exec(w))
                return fail();
            if (w.changes() == 1)
                result.conversationIds.insert(conversationId);
        }
    }

    auto keyed = [&](SqliteStatement &q, const QString &key, auto &values) {
        q.bindInt(0, receivedAtMs);
        q.bindInt(1, journalId);
        q.bindText(2, key);
        for (size_t i = 0; i < values.size(); ++i)
            q.bind(int(3 + i), values[i]);
        return p.exec(q);
    };
    for (const ParsedError &e : parsed.errors) {
        const QString key
            = dedupeKey({e[errorcol::Scope].toString(), e[errorcol::WabaId].toString(),
                e[errorcol::PhoneNumberId].toString(), e[errorcol::MessageId].toString(),
                QString::number(e.entryTime), canonicalJson(e[errorcol::RawJson])});
        if (!keyed(p.errorInsert, key, e.v))
            return fail();
    }
    for (const ParsedTemplateEvent &e : parsed.templateEvents) {
        const QString key
            = dedupeKey({e[templatecol::Field].toString(), e[templatecol::WabaId].toString(),
                e[templatecol::Timestamp].toString(), canonicalJson(e[templatecol::RawJson])});
        if (!keyed(p.templateInsert, key, e.v))
            return fail();
    }
    for (const ParsedAccountEvent &e : parsed.accountEvents) {
        const QString key = dedupeKey({e[accountcol::Field].toString(),
            e[accountcol::WabaId].toString(), e[accountcol::PhoneNumberId].toString(),
            e[accountcol::Timestamp].toString(), canonicalJson(e[accountcol::RawJson])});
        if (!keyed(p.accountInsert, key, e.v))
            return fail();
    }
    for (const ParsedPreference &e : parsed.preferences) {
        const QString key = dedupeKey({e[prefcol::WabaId].toString(),
            e[prefcol::PhoneNumberId].toString(), canonicalJson(e[prefcol::RawJson])});
        if (!keyed(p.preferenceInsert, key, e.v))
            return fail();
    }
    return result;
}

namespace {

struct DumpQuery
{
    QString sql;
    QStringList booleans; // integer 0/1 columns shown as JSON booleans
    QString table; // for "events": the table name added as "table"
};

QList<DumpQuery> dumpQueries(const QString &what, bool current)
{
    if (what == QLatin1String("messages")) {
        return {{QStringLiteral(
                     "SELECT m.id, m.direction, m.phone_number_id, m.from_wa_id AS \"from\", "
                     "m.from_user_id, m.timestamp, m.received_at, m.type, m.text, m.caption, "
                     "m.media_id, m.mime_type, m.filename, m.voice, m.animated, m.latitude, "
                     "m.longitude, m.location_name, m.location_address, m.reaction_to, m.emoji, "
                     "m.reply_type, m.reply_id, m.reply_title, m.reply_description, "
                     "m.button_payload, m.context_id, m.context_from, m.forwarded, "
                     "m.frequently_forwarded, m.edit_of, m.system_type, m.error_code, "
                     "m.error_title, s.status, m.conversation_id, m.outbox_id, m.journal_id "
                     "FROM messages m LEFT JOIN message_status s ON s.message_id = m.id "
                     "ORDER BY m.rowid"),
            {QStringLiteral("voice"), QStringLiteral("animated"), QStringLiteral("forwarded"),
                QStringLiteral("frequently_forwarded")},
            QString()}};
    }
    if (what == QLatin1String("statuses") && current) {
        return {{QStringLiteral("SELECT message_id AS id, status, rank, timestamp, error_code, "
                                "error_title, error_details FROM message_status "
                                "ORDER BY message_id"),
            {}, QString()}};
    }
    if (what == QLatin1String("statuses")) {
        return {{QStringLiteral(
                     "SELECT message_id AS id, status, timestamp, recipient_id, "
                     "recipient_user_id, error_code, error_title, error_details, "
                     "pricing_category, pricing_type, pricing_model, billable, phone_number_id, "
                     "received_at, journal_id FROM status_events ORDER BY status_events.id"),
            {QStringLiteral("billable")}, QString()}};
    }
    if (what == QLatin1String("contacts")) {
        return {{QStringLiteral("SELECT id, wa_id, user_id, parent_user_id, username, "
                                "profile_name FROM contacts ORDER BY id"),
            {}, QString()}};
    }
    if (what == QLatin1String("conversations")) {
        return {{QStringLiteral(
                     "SELECT c.id, c.phone_number_id, coalesce(k.wa_id, k.user_id) AS contact, "
                     "k.wa_id AS contact_wa_id, k.user_id AS contact_user_id, "
                     "c.last_inbound_at, c.window_expires_at, c.last_message_at, "
                     "c.last_message_id, c.last_message_preview, c.last_direction, "
                     "c.unread_count FROM conversations c "
                     "LEFT JOIN contacts k ON k.id = c.contact_id ORDER BY c.id"),
            {}, QString()}};
    }
    if (what == QLatin1String("journal")) {
        return {{QStringLiteral("SELECT id, received_at, size, parse_state, parse_error, events "
                                "FROM journal ORDER BY id"),
            {}, QString()}};
    }
    if (what == QLatin1String("events")) {
        return {
            {QStringLiteral("SELECT id, scope, waba_id, phone_number_id, message_id, code, "
                            "title, message, details, href, received_at, journal_id, raw_json "
                            "FROM webhook_errors ORDER BY id"),
                {}, QStringLiteral("webhook_errors")},
            {QStringLiteral("SELECT id, field, waba_id, template_id, template_name, language, "
                            "event, reason, category, previous_quality, new_quality, "
                            "previous_category, new_category, timestamp, received_at, "
                            "journal_id, raw_json FROM template_events ORDER BY id"),
                {}, QStringLiteral("template_events")},
            {QStringLiteral("SELECT id, field, waba_id, phone_number_id, display_phone_number, "
                            "event, detail, timestamp, known, received_at, journal_id, raw_json "
                            "FROM account_events ORDER BY id"),
                {QStringLiteral("known")}, QStringLiteral("account_events")},
            {QStringLiteral("SELECT id, waba_id, phone_number_id, wa_id, user_id, category, "
                            "value, detail, timestamp, received_at, journal_id, raw_json "
                            "FROM user_preferences ORDER BY id"),
                {}, QStringLiteral("user_preferences")},
        };
    }
    return {};
}

} // namespace

QStringList InboundStore::dumpKinds()
{
    return {QStringLiteral("messages"), QStringLiteral("statuses"), QStringLiteral("contacts"),
        QStringLiteral("conversations"), QStringLiteral("journal"), QStringLiteral("events")};
}

bool InboundStore::dump(QSqlDatabase db, const QString &what, bool current,
    const std::function<void(const QJsonObject &)> &sink, QString *error)
{
    const QList<DumpQuery> queries = dumpQueries(what, current);
    if (queries.isEmpty()) {
        if (error)
            *error = QStringLiteral("unknown dump kind: %1").arg(what);
        return false;
    }
    for (const DumpQuery &dq : queries) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(dq.sql)) {
            if (error)
                *error = q.lastError().text();
            return false;
        }
        const QSqlRecord record = q.record();
        QStringList names;
        QList<bool> booleans;
        for (int i = 0; i < record.count(); ++i) {
            names << record.fieldName(i);
            booleans << dq.booleans.contains(record.fieldName(i));
        }
        while (q.next()) {
            QJsonObject o;
            if (!dq.table.isEmpty())
                o.insert(QStringLiteral("table"), dq.table);
            for (int i = 0; i < names.size(); ++i) {
                if (q.isNull(i)) {
                    o.insert(names.at(i), QJsonValue::Null);
                    continue;
                }
                const QVariant v = q.value(i);
                if (booleans.at(i))
                    o.insert(names.at(i), v.toLongLong() != 0);
                else if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
                    o.insert(names.at(i), v.toLongLong());
                else if (v.typeId() == QMetaType::Double)
                    o.insert(names.at(i), v.toDouble());
                else
                    o.insert(names.at(i), v.toString());
            }
            sink(o);
        }
    }
    return true;
}

} // namespace parley::core
