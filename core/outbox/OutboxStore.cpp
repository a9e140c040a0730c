#include "outbox/OutboxStore.h"

#include <cerrno>
#include <signal.h>

#include "common/Clock.h"
#include "common/Log.h"
#include "outbox/PhoneNumber.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace parley::core {

namespace {

constexpr const char *kColumns
    = "id, idempotency_key, phone_number_id, to_number, recipient, type, message_json, state, "
      "wamid, attempts, next_attempt_at, created_at, updated_at, error_origin, error_code, "
      "error_title, error_details, error_http, error_fbtrace, error_action";

QString columns()
{
    return QString::fromLatin1(kColumns);
}

QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QString originName(GraphError::Origin o)
{
    switch (o) {
    case GraphError::Origin::None: return {};
    case GraphError::Origin::Graph: return QStringLiteral("graph");
    case GraphError::Origin::Webhook: return QStringLiteral("webhook");
    case GraphError::Origin::Network: return QStringLiteral("network");
    case GraphError::Origin::Local: return QStringLiteral("local");
    }
    return {};
}

GraphError::Origin originFromName(const QString &s)
{
    if (s == QLatin1String("graph"))
        return GraphError::Origin::Graph;
    if (s == QLatin1String("webhook"))
        return GraphError::Origin::Webhook;
    if (s == QLatin1String("network"))
        return GraphError::Origin::Network;
    if (s == QLatin1String("local"))
        return GraphError::Origin::Local;
    return GraphError::Origin::None;
}

// A one-line summary of the message for the conversation list (never logged).
QString previewText(const QJsonObject &m)
{
    const QString type = m.value(QLatin1String("type")).toString();
    const QJsonObject o = m.value(type).toObject();
    if (type == QLatin1String("text"))
        return o.value(QLatin1String("body")).toString();
    if (type == QLatin1String("template"))
        return QStringLiteral("[template %1]").arg(o.value(QLatin1String("name")).toString());
    if (type == QLatin1String("interactive"))
        return o.value(QLatin1String("body")).toObject().value(QLatin1String("text")).toString();
    if (type == QLatin1String("location"))
        return o.value(QLatin1String("name")).toString();
    if (type == QLatin1String("reaction"))
        return o.value(QLatin1String("emoji")).toString();
    return o.value(QLatin1String("caption")).toString();
}

} // namespace

OutboxStore::OutboxStore(QSqlDatabase db, Clock *clock) : m_db(std::move(db)), m_clock(clock) { }

QString OutboxStore::callbackData(qint64 outboxId)
{
    return QStringLiteral("parley-outbox:%1").arg(outboxId);
}

bool OutboxStore::begin()
{
    if (m_depth++ > 0)
        return !m_failed;
    m_failed = false;
    // IMMEDIATE: take the write lock now, so that two processes claiming rows serialize here
    // instead of failing to upgrade a read transaction.
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        qCWarning(lcOutbox) << "cannot begin transaction:" << q.lastError().text();
        m_failed = true;
        return false;
    }
    return true;
}

bool OutboxStore::commit()
{
    if (m_depth == 0)
        return false;
    if (--m_depth > 0)
        return !m_failed;
    if (m_failed) {
        m_failed = false;
        QSqlQuery r(m_db);
        r.exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        qCWarning(lcOutbox) << "cannot commit:" << q.lastError().text();
        QSqlQuery r(m_db);
        r.exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    return true;
}

void OutboxStore::rollback()
{
    // Inside a batch the whole batch is rolled back at its end.
    m_failed = true;
    if (m_depth > 1) {
        --m_depth;
        return;
    }
    m_depth = 0;
    m_failed = false;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
}

OutboxEntry OutboxStore::read(const QSqlQuery &q) const
{
    OutboxEntry e;
    e.id = q.value(0).toLongLong();
    e.idempotencyKey = q.value(1).toString();
    e.phoneNumberId = q.value(2).toString();
    e.recipient.phone = q.value(3).toString();
    e.recipient.bsuid = q.value(4).toString();
    e.type = q.value(5).toString();
    e.message = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
    e.state = outboxStateFromName(q.value(7).toString()).value_or(OutboxState::Queued);
    e.wamid = q.value(8).toString();
    e.attempts = q.value(9).toInt();
    e.nextAttemptAtMs = q.value(10).toLongLong();
    e.createdAtMs = q.value(11).toLongLong();
    e.updatedAtMs = q.value(12).toLongLong();
    e.error.origin = originFromName(q.value(13).toString());
    if (e.error.isError()) {
        e.error.code = q.value(14).toInt();
        e.error.title = q.value(15).toString();
        e.error.details = q.value(16).toString();
        e.error.httpStatus = q.value(17).toInt();
        e.error.fbtraceId = q.value(18).toString();
        const QString action = q.value(19).toString();
        e.action
            = action.isEmpty() ? ErrorTable::classify(e.error).action : errorActionFromName(action);
    }
    return e;
}

std::optional<qint64> OutboxStore::windowClosedForMs(
    const QString &phoneNumberId, const Recipient &r) const
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT MAX(c.window_expires_at) FROM conversations c JOIN contacts k ON "
                       "k.id = c.contact_id "
                       "WHERE c.phone_number_id = ? AND ((k.wa_id IS NOT NULL AND k.wa_id = ?) OR "
                       "(k.user_id IS NOT NULL AND k.user_id = ?))"));
    q.addBindValue(phoneNumberId);
    q.addBindValue(r.phone.isEmpty() ? QString() : PhoneNumber::waId(r.phone));
    q.addBindValue(r.bsuid.isEmpty() ? QString() : r.bsuid);
    if (!q.exec() || !q.next() || q.value(0).isNull())
        return std::nullopt;
    const qint64 expiresMs = q.value(0).toLongLong() * 1000;
    const qint64 now = m_clock->nowMs();
    return now >= expiresMs ? now - expiresMs : 0;
}

OutboxStore::EnqueueResult OutboxStore::enqueue(const OutgoingMessage &m, bool enforceWindow)
{
    return enqueueOne(m, enforceWindow);
}

QList<OutboxStore::EnqueueResult> OutboxStore::enqueueMany(
    const QList<OutgoingMessage> &messages, bool enforceWindow)
{
    QList<EnqueueResult> results;
    results.reserve(messages.size());
    beginBatch();
    for (const OutgoingMessage &m : messages)
        results.append(enqueueOne(m, enforceWindow));
    if (!commitBatch()) {
        for (EnqueueResult &r : results) {
            if (r.created) {
                r.created = false;
                r.error = QStringLiteral("the batch could not be committed");
            }
        }
    }
    return results;
}

OutboxStore::EnqueueResult OutboxStore::enqueueOne(const OutgoingMessage &m, bool enforceWindow)
{
    EnqueueResult result;
    const QString key = m.idempotencyKey.isEmpty()
        ? QUuid::createUuid().toString(QUuid::WithoutBraces)
        : m.idempotencyKey;
    if (auto existing = getByKey(key)) {
        result.entry = *existing;
        return result;
    }
    const qint64 now = m_clock->nowMs();
    OutboxEntry e;
    e.idempotencyKey = key;
    e.phoneNumberId = m.phoneNumberId;
    e.recipient = m.recipient;
    e.type = m.type();
    e.message = m.message;
    e.createdAtMs = e.updatedAtMs = now;

    // Meta only takes templates outside the customer-service window (FACTS.md §10).
    if (enforceWindow && !m.skipWindowCheck && !m.isTemplate()) {
        const auto closedFor = windowClosedForMs(m.phoneNumberId, m.recipient);
        if (!closedFor || *closedFor > 0) {
            e.state = OutboxState::Failed;
            const QString details = !closedFor
                ? QStringLiteral("the customer has never written to this number; send a template")
                : QStringLiteral("the 24 h window closed %1 min ago; send a template")
                      .arg(*closedFor / 60000);
            e.error = GraphError::local(LocalError::WindowClosed,
                QStringLiteral("Customer service window closed"), details);
            e.action = ErrorAction::SendTemplate;
            result.entry = e;
            return result;
        }
    }

    if (!begin()) {
        result.error = m_db.lastError().text();
        return result;
    }
    QSqlQuery &q = statement(Statement::InsertOutbox,
        QStringLiteral("INSERT INTO outbox (idempotency_key, phone_number_id, to_number, "
                       "recipient, recipient_key, "
                       "type, message_json, state, created_at, updated_at, next_attempt_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, 0)"));
    q.addBindValue(key);
    q.addBindValue(m.phoneNumberId);
    q.addBindValue(nullable(m.recipient.phone));
    q.addBindValue(nullable(m.recipient.bsuid));
    q.addBindValue(m.recipient.key());
    q.addBindValue(e.type);
    q.addBindValue(QString::fromUtf8(QJsonDocument(m.message).toJson(QJsonDocument::Compact)));
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec()) {
        result.error = q.lastError().text();
        rollback();
        return result;
    }
    e.id = q.lastInsertId().toLongLong();

    // The console's thread shows the message at once: contact, conversation, messages row.
    const QString waId
        = m.recipient.phone.isEmpty() ? QString() : PhoneNumber::waId(m.recipient.phone);
    // One indexed lookup (contacts_wa_id or contacts_user_id), not an OR that scans the table.
    QSqlQuery &c = waId.isEmpty()
        ? statement(Statement::ContactByUserId,
            QStringLiteral("SELECT id FROM contacts WHERE user_id = ? LIMIT 1"))
        : statement(Statement::ContactByWaId,
            QStringLiteral("SELECT id FROM contacts WHERE wa_id = ? LIMIT 1"));
    c.addBindValue(waId.isEmpty() ? m.recipient.bsuid : waId);
    qint64 contactId = 0;
    const bool knownContact = c.exec() && c.next();
    if (knownContact)
        contactId = c.value(0).toLongLong();
    c.finish();
    if (!knownContact) {
        QSqlQuery &ins = statement(Statement::InsertContact,
            QStringLiteral("INSERT INTO contacts (wa_id, user_id, created_at, updated_at) VALUES "
                           "(?, ?, ?, ?)"));
        ins.addBindValue(nullable(waId));
        ins.addBindValue(nullable(m.recipient.bsuid));
        ins.addBindValue(now);
        ins.addBindValue(now);
        if (ins.exec())
            contactId = ins.lastInsertId().toLongLong();
    }
    QSqlQuery &conv = statement(Statement::InsertConversation,
        QStringLiteral("INSERT INTO conversations (phone_number_id, contact_id, created_at, "
                       "updated_at) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT(phone_number_id, contact_id) DO NOTHING"));
    conv.addBindValue(m.phoneNumberId);
    conv.addBindValue(contactId);
    conv.addBindValue(now);
    conv.addBindValue(now);
    conv.exec();
    const QString localId = QStringLiteral("local:%1").arg(e.id);
    const QJsonObject body = m.message.value(e.type).toObject();
    QSqlQuery &msg = statement(Statement::InsertMessage,
        QStringLiteral(
            "INSERT INTO messages (id, conversation_id, direction, phone_number_id, type, "
            "timestamp, received_at, outbox_id, text, caption, media_id, context_id, raw_json) "
            "VALUES (?, (SELECT id FROM conversations WHERE phone_number_id = ? AND contact_id = "
            "?), 'out', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    msg.addBindValue(localId);
    msg.addBindValue(m.phoneNumberId);
    msg.addBindValue(contactId);
    msg.addBindValue(m.phoneNumberId);
    msg.addBindValue(e.type);
    msg.addBindValue(now / 1000);
    msg.addBindValue(now);
    msg.addBindValue(e.id);
    msg.addBindValue(
        nullable(e.type == QLatin1String("text") ? body.value(QLatin1String("body")).toString()
                                                 : previewText(m.message)));
    msg.addBindValue(nullable(body.value(QLatin1String("caption")).toString()));
    msg.addBindValue(nullable(body.value(QLatin1String("id")).toString()));
    msg.addBindValue(nullable(m.message.value(QLatin1String("context"))
                                  .toObject()
                                  .value(QLatin1String("message_id"))
                                  .toString()));
    msg.addBindValue(QString::fromUtf8(QJsonDocument(m.message).toJson(QJsonDocument::Compact)));
    if (!msg.exec())
        qCWarning(lcOutbox) << "outbox" << e.id
                            << "messages row not stored:" << msg.lastError().text();
    QSqlQuery &last = statement(Statement::UpdateConversation,
        QStringLiteral("UPDATE conversations SET last_message_at = ?, last_message_id = ?, "
                       "last_message_type = ?, last_message_preview = ?, last_direction = 'out', "
                       "updated_at = ? WHERE phone_number_id = ? AND contact_id = ?"));
    last.addBindValue(now / 1000);
    last.addBindValue(localId);
    last.addBindValue(e.type);
    last.addBindValue(previewText(m.message).left(120));
    last.addBindValue(now);
    last.addBindValue(m.phoneNumberId);
    last.addBindValue(contactId);
    last.exec();
    if (!commit()) {
        result.error = m_db.lastError().text();
        return result;
    }
    result.entry = e;
    result.created = true;
    return result;
}

QList<OutboxEntry> OutboxStore::claim(int max, const QString &owner, qint64 leaseMs,
    const std::function<bool(const OutboxEntry &)> &admit, const QStringList &skipNumbers,
    const std::function<bool(const QString &)> &numberOpen)
{
    QList<OutboxEntry> claimed;
    if (max <= 0)
        return claimed;
    const qint64 now = m_clock->nowMs();
    if (!begin())
        return claimed;
    QSqlQuery upd(m_db);
    upd.prepare(QStringLiteral(
        "UPDATE outbox SET state = 'sending', attempts = attempts + 1, lease_owner = ?, "
        "lease_until = ?, updated_at = ? WHERE id = ? AND state = 'queued'"));
    QStringList skip = skipNumbers;
    qint64 after = 0;
    // The heads of the recipients' queues (ready = 1, kept by the 0004 triggers), in id order,
    // a few candidates per slot so that paced recipients do not starve the others. A number that
    // closes (out of tokens) while its rows are walked is left out of the next round, which reads
    // on from the last candidate: one number's backlog never fills the window of the others.
    for (int round = 0; round < 4 && claimed.size() < max; ++round) {
        QSqlQuery q(m_db);
        QString skipSql;
        if (!skip.isEmpty()) {
            QStringList marks(skip.size(), QStringLiteral("?"));
            skipSql = QStringLiteral(" AND o.phone_number_id NOT IN (%1)").arg(marks.join(u','));
        }
        q.prepare(QStringLiteral("SELECT ") + columns()
            + QStringLiteral(" FROM outbox o INDEXED BY outbox_ready WHERE o.state = 'queued' AND "
                             "o.ready = 1 AND o.id > ? AND o.next_attempt_at <= ?")
            + skipSql + QStringLiteral(" ORDER BY o.id LIMIT ?"));
        const int limit = int(max - claimed.size()) * 4 + 16;
        q.addBindValue(after);
        q.addBindValue(now);
        for (const QString &number : skip)
            q.addBindValue(number);
        q.addBindValue(limit);
        if (!q.exec()) {
            qCWarning(lcOutbox) << "claim query failed:" << q.lastError().text();
            rollback();
            return {};
        }
        QList<OutboxEntry> candidates;
        while (q.next())
            candidates.append(read(q));
        q.finish();
        bool closed = false;
        for (OutboxEntry &e : candidates) {
            if (claimed.size() >= max)
                break;
            if (skip.contains(e.phoneNumberId))
                continue;
            if (admit && !admit(e)) {
                if (numberOpen && !numberOpen(e.phoneNumberId)) {
                    skip.append(e.phoneNumberId);
                    closed = true;
                }
                continue;
            }
            upd.addBindValue(owner);
            upd.addBindValue(now + leaseMs);
            upd.addBindValue(now);
            upd.addBindValue(e.id);
            if (!upd.exec() || upd.numRowsAffected() != 1)
                continue;
            e.state = OutboxState::Sending;
            e.attempts += 1;
            e.updatedAtMs = now;
            claimed.append(e);
        }
        if (candidates.size() < limit || !closed)
            break; // no more rows, or nothing changed: another round would find the same
        after = candidates.last().id;
    }
    if (!commit())
        return {};
    return claimed;
}

QList<OutboxEntry> OutboxStore::record(const QList<Outcome> &outcomes, const QString &owner)
{
    QList<OutboxEntry> changed;
    if (outcomes.isEmpty())
        return changed;
    const qint64 now = m_clock->nowMs();
    if (!begin())
        return changed;
    QSqlQuery attempt(m_db);
    attempt.prepare(QStringLiteral(
        "INSERT INTO outbox_attempts (outbox_id, attempt, owner, started_at, finished_at, "
        "http_status, error_code, error_title, fbtrace_id, wamid, latency_ms, outcome) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery accept(m_db);
    accept.prepare(QStringLiteral(
        "UPDATE outbox SET state = CASE WHEN state IN ('sending', 'unknown') THEN 'accepted' ELSE "
        "state END, wamid = ?, lease_owner = NULL, lease_until = NULL, error_origin = NULL, "
        "error_code = NULL, error_title = NULL, error_details = NULL, error_http = NULL, "
        "error_fbtrace = NULL, error_action = NULL, accepted_at = ?, updated_at = ? WHERE id = ? "
        "AND state NOT IN ('cancelled')"));
    QSqlQuery fail(m_db);
    fail.prepare(QStringLiteral(
        "UPDATE outbox SET state = ?, next_attempt_at = ?, lease_owner = NULL, lease_until = NULL, "
        "error_origin = ?, error_code = ?, error_title = ?, error_details = ?, error_http = ?, "
        "error_fbtrace = ?, error_action = ?, updated_at = ? WHERE id = ? AND state = 'sending'"));
    QSqlQuery relabel(m_db);
    relabel.prepare(QStringLiteral("UPDATE messages SET id = ? WHERE id = ? AND NOT EXISTS (SELECT "
                                   "1 FROM messages WHERE id = ?)"));
    QSqlQuery relabelConv(m_db);
    relabelConv.prepare(QStringLiteral(
        "UPDATE conversations SET last_message_id = ? WHERE id = (SELECT conversation_id FROM "
        "messages WHERE id = ?) AND last_message_id = ?"));
    // A status may have arrived before the HTTP answer: take it now.
    QSqlQuery catchUp(m_db);
    catchUp.prepare(QStringLiteral(
        "UPDATE outbox SET state = (SELECT CASE WHEN s.status = 'failed' THEN 'failed' WHEN s.rank "
        ">= 3 THEN 'read' WHEN s.rank = 2 THEN 'delivered' ELSE 'sent' END FROM message_status s "
        "WHERE s.message_id = outbox.wamid), status_rank = (SELECT s.rank FROM message_status s "
        "WHERE s.message_id = outbox.wamid) WHERE id = ? AND state = 'accepted' AND EXISTS (SELECT "
        "1 "
        "FROM message_status s WHERE s.message_id = outbox.wamid)"));
    const bool haveStatusTable = m_db.tables().contains(QStringLiteral("message_status"));

    for (const Outcome &o : outcomes) {
        const char *outcomeName = "accepted";
        if (o.state == OutboxState::Accepted) {
            accept.addBindValue(o.wamid);
            accept.addBindValue(now);
            accept.addBindValue(now);
            accept.addBindValue(o.id);
            if (!accept.exec())
                qCWarning(lcOutbox)
                    << "outbox" << o.id << "cannot record acceptance:" << accept.lastError().text();
            const QString localId = QStringLiteral("local:%1").arg(o.id);
            relabel.addBindValue(o.wamid);
            relabel.addBindValue(localId);
            relabel.addBindValue(o.wamid);
            relabel.exec();
            relabelConv.addBindValue(o.wamid);
            relabelConv.addBindValue(o.wamid);
            relabelConv.addBindValue(localId);
            relabelConv.exec();
            if (haveStatusTable) {
                catchUp.addBindValue(o.id);
                catchUp.exec();
            }
        } else {
            outcomeName = o.state == OutboxState::Queued ? "retry"
                : o.state == OutboxState::Dead           ? "dead"
                                                         : "failed";
            fail.addBindValue(outboxStateName(o.state));
            fail.addBindValue(o.nextAttemptAtMs);
            fail.addBindValue(originName(o.error.origin));
            fail.addBindValue(o.error.code);
            fail.addBindValue(o.error.title);
            fail.addBindValue(o.error.details);
            fail.addBindValue(o.httpStatus);
            fail.addBindValue(nullable(o.error.fbtraceId));
            fail.addBindValue(nullable(errorActionName(o.action)));
            fail.addBindValue(now);
            fail.addBindValue(o.id);
            if (!fail.exec())
                qCWarning(lcOutbox)
                    << "outbox" << o.id << "cannot record failure:" << fail.lastError().text();
        }
        attempt.addBindValue(o.id);
        attempt.addBindValue(o.attempt);
        attempt.addBindValue(owner);
        attempt.addBindValue(o.startedAtMs);
        attempt.addBindValue(now);
        attempt.addBindValue(o.httpStatus);
        attempt.addBindValue(o.error.isError() ? QVariant(o.error.code) : QVariant());
        attempt.addBindValue(nullable(o.error.title));
        attempt.addBindValue(nullable(o.error.fbtraceId));
        attempt.addBindValue(nullable(o.wamid));
        attempt.addBindValue(o.latencyMs);
        attempt.addBindValue(QString::fromLatin1(outcomeName));
        attempt.exec();
    }
    if (!commit())
        return changed;
    for (const Outcome &o : outcomes) {
        if (auto e = get(o.id))
            changed.append(*e);
    }
    return changed;
}

QList<OutboxEntry> OutboxStore::markExpiredLeasesUnknown()
{
    QList<OutboxEntry> changed;
    const qint64 now = m_clock->nowMs();
    QSqlQuery sel(m_db);
    sel.prepare(
        QStringLiteral("SELECT id FROM outbox WHERE state = 'sending' AND lease_until < ?"));
    sel.addBindValue(now);
    QList<qint64> ids;
    if (sel.exec()) {
        while (sel.next())
            ids.append(sel.value(0).toLongLong());
    }
    if (ids.isEmpty())
        return changed;
    if (!begin())
        return changed;
    QSqlQuery upd(m_db);
    upd.prepare(QStringLiteral(
        "UPDATE outbox SET state = 'unknown', lease_owner = NULL, lease_until = NULL, error_origin "
        "= "
        "'local', error_code = ?, error_title = 'Outcome unknown', error_details = 'the process "
        "sending it stopped before Meta answered; waiting for a status webhook or an explicit "
        "retry', error_action = 'retry_later', updated_at = ? WHERE id = ? AND state = 'sending' "
        "AND lease_until < ?"));
    for (qint64 id : ids) {
        upd.addBindValue(LocalError::UnknownAfterCrash);
        upd.addBindValue(now);
        upd.addBindValue(id);
        upd.addBindValue(now);
        upd.exec();
    }
    if (!commit())
        return changed;
    for (qint64 id : ids) {
        if (auto e = get(id)) {
            qCWarning(lcOutbox).noquote()
                << "outbox" << id << "lease expired while sending: unknown";
            changed.append(*e);
        }
    }
    return changed;
}

std::optional<OutboxEntry> OutboxStore::get(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + columns() + QStringLiteral(" FROM outbox WHERE id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return read(q);
    return std::nullopt;
}

QSqlQuery &OutboxStore::statement(Statement which, const QString &sql) const
{
    std::unique_ptr<QSqlQuery> &slot = m_statements[std::size_t(which)];
    if (!slot) {
        slot = std::make_unique<QSqlQuery>(m_db);
        if (!slot->prepare(sql))
            qCWarning(lcOutbox) << "cannot prepare:" << slot->lastError().text();
    }
    return *slot;
}

std::optional<OutboxEntry> OutboxStore::getByKey(const QString &key) const
{
    QSqlQuery &q = statement(Statement::ByKey,
        QStringLiteral("SELECT ") + columns()
            + QStringLiteral(" FROM outbox WHERE idempotency_key = ?"));
    q.addBindValue(key);
    std::optional<OutboxEntry> found;
    if (q.exec() && q.next())
        found = read(q);
    q.finish(); // no read cursor left open between calls
    return found;
}

QList<OutboxEntry> OutboxStore::list(const OutboxFilter &filter) const
{
    QString sql
        = QStringLiteral("SELECT ") + columns() + QStringLiteral(" FROM outbox WHERE 1 = 1");
    QVariantList binds;
    if (!filter.states.isEmpty()) {
        QStringList marks;
        for (OutboxState s : filter.states) {
            marks << QStringLiteral("?");
            binds << outboxStateName(s);
        }
        sql += QStringLiteral(" AND state IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    if (!filter.recipientKey.isEmpty()) {
        sql += QStringLiteral(" AND recipient_key = ?");
        binds << filter.recipientKey;
    }
    if (filter.beforeId > 0) {
        sql += QStringLiteral(" AND id < ?");
        binds << filter.beforeId;
    }
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    binds << filter.limit;
    QSqlQuery q(m_db);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    QList<OutboxEntry> rows;
    if (q.exec()) {
        while (q.next())
            rows.append(read(q));
    }
    return rows;
}

std::optional<OutboxEntry> OutboxStore::retry(qint64 id, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE outbox SET state = 'queued', next_attempt_at = 0, error_origin = NULL, error_code "
        "= "
        "NULL, error_title = NULL, error_details = NULL, error_http = NULL, error_fbtrace = NULL, "
        "error_action = NULL, updated_at = ? WHERE id = ? AND state IN ('failed', 'dead', "
        "'unknown', 'cancelled')"));
    q.addBindValue(m_clock->nowMs());
    q.addBindValue(id);
    if (!q.exec() || q.numRowsAffected() != 1) {
        const auto e = get(id);
        if (error) {
            *error = !e ? QStringLiteral("no outbox row %1").arg(id)
                        : QStringLiteral("outbox row %1 is %2; only failed, dead, unknown or "
                                         "cancelled rows can be retried")
                              .arg(id)
                              .arg(outboxStateName(e->state));
        }
        return std::nullopt;
    }
    return get(id);
}

std::optional<OutboxEntry> OutboxStore::cancel(qint64 id, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE outbox SET state = 'cancelled', error_origin = 'local', error_code = ?, "
        "error_title "
        "= 'Cancelled', error_details = '', error_action = NULL, updated_at = ? WHERE id = ? AND "
        "state IN ('queued', 'unknown')"));
    q.addBindValue(LocalError::Cancelled);
    q.addBindValue(m_clock->nowMs());
    q.addBindValue(id);
    if (!q.exec() || q.numRowsAffected() != 1) {
        const auto e = get(id);
        if (error) {
            *error = !e ? QStringLiteral("no outbox row %1").arg(id)
                        : QStringLiteral("outbox row %1 is %2; only queued or unknown rows can be "
                                         "cancelled")
                              .arg(id)
                              .arg(outboxStateName(e->state));
        }
        return std::nullopt;
    }
    return get(id);
}

qint64 OutboxStore::nextDueAtMs() const
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'queued'"))
        && q.next() && !q.value(0).isNull())
        return q.value(0).toLongLong();
    return 0;
}

bool OutboxStore::hasQueued() const
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT 1 FROM outbox WHERE state = 'queued' LIMIT 1"))
        && q.next();
}

int OutboxStore::queuedCount() const
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'queued'")) && q.next())
        return q.value(0).toInt();
    return 0;
}

int OutboxStore::countInState(OutboxState state) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = ?"));
    q.addBindValue(outboxStateName(state));
    if (q.exec() && q.next())
        return q.value(0).toInt();
    return 0;
}

QStringList OutboxStore::queuedNumbers(int max) const
{
    QStringList numbers;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT DISTINCT phone_number_id FROM outbox WHERE state = 'queued' LIMIT ?"));
    q.addBindValue(max);
    if (q.exec()) {
        while (q.next())
            numbers.append(q.value(0).toString());
    }
    return numbers;
}

qint64 OutboxStore::oldestQueuedCreatedAtMs() const
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT MIN(created_at) FROM outbox WHERE state = 'queued'"))
        && q.next())
        return q.value(0).toLongLong();
    return 0;
}

void OutboxStore::heartbeat(const QString &owner)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("INSERT INTO outbox_drainers (owner, pid, heartbeat_at) VALUES (?, ?, ?) "
                       "ON CONFLICT(owner) DO UPDATE SET heartbeat_at = excluded.heartbeat_at"));
    q.addBindValue(owner);
    q.addBindValue(QCoreApplication::applicationPid());
    q.addBindValue(m_clock->nowMs());
    q.exec();
}

void OutboxStore::removeDrainer(const QString &owner)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM outbox_drainers WHERE owner = ?"));
    q.addBindValue(owner);
    q.exec();
}

bool OutboxStore::hasLiveDrainer(const QString &exceptOwner, qint64 freshMs) const
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT pid FROM outbox_drainers WHERE owner <> ? AND heartbeat_at >= ?"));
    // A null QString binds as SQL NULL, and `owner <> NULL` matches nothing: bind '' instead.
    q.addBindValue(exceptOwner.isNull() ? QStringLiteral("") : exceptOwner);
    q.addBindValue(m_clock->nowMs() - freshMs);
    if (!q.exec())
        return false;
    while (q.next()) {
        // The store is a local file, so every drainer runs on this machine: a process that was
        // killed (kill -9 leaves its fresh heartbeat behind) is not a drainer any more.
        const qint64 pid = q.value(0).toLongLong();
        if (pid <= 0 || ::kill(pid_t(pid), 0) == 0 || errno == EPERM)
            return true;
    }
    return false;
}

} // namespace parley::core
