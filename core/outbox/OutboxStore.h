#pragma once

#include "outbox/OutboxTypes.h"

#include <QSqlDatabase>
#include <QStringList>

#include <QSqlQuery>

#include <array>
#include <functional>
#include <memory>
#include <optional>

namespace parley::core {

class Clock;

// The outbox tables over one SQLite connection (schema 0004). Synchronous and confined to the
// thread that owns the connection: the Scheduler's worker thread, or a CLI command.
class OutboxStore
{
public:
    OutboxStore(QSqlDatabase db, Clock *clock);

    QSqlDatabase database() const { return m_db; }

    struct EnqueueResult
    {
        OutboxEntry entry;
        bool created = false; // false: the idempotency key was known (entry is the stored row)
        QString error; // store failure
    };
    // Stores a validated message (state queued), and its `messages` row (direction 'out',
    // id 'local:<outbox_id>') so that the console thread shows it. When enforceWindow and the
    // message is not a template, a closed customer-service window stores nothing and returns
    // an entry in state failed with LocalError::WindowClosed (action send_template).
    EnqueueResult enqueue(const OutgoingMessage &message, bool enforceWindow);

    // ms since the window closed (0 = open); std::nullopt when no conversation exists.
    std::optional<qint64> windowClosedForMs(const QString &phoneNumberId, const Recipient &r) const;

    // Claims due rows in one transaction: queued, next_attempt_at <= now, first unsettled row of
    // their recipient (FIFO, one in flight per recipient), in id order. `admit` sees each
    // candidate and says whether it may go now (rate buckets); admitted rows become `sending`
    // with a lease for `owner`, attempts + 1.
    // Rows of the numbers in `skipNumbers` (paused, or out of tokens) are not even read, and a
    // number that `numberOpen` says is closed after a refusal is left out of the rest of the
    // claim, so a slow number's backlog never hides the rows of the others.
    QList<OutboxEntry> claim(int max, const QString &owner, qint64 leaseMs,
        const std::function<bool(const OutboxEntry &)> &admit, const QStringList &skipNumbers = {},
        const std::function<bool(const QString &)> &numberOpen = {});

    // What happened to one claimed row.
    struct Outcome
    {
        qint64 id = 0;
        int attempt = 0;
        qint64 startedAtMs = 0;
        int httpStatus = 0;
        GraphError error;
        qint64 latencyMs = 0;
        OutboxState state = OutboxState::Accepted; // accepted, queued (retry), failed, dead
        QString wamid;
        qint64 nextAttemptAtMs = 0;
        ErrorAction action = ErrorAction::None;
    };
    // Records outcomes (and their attempts) in one transaction; returns the updated rows.
    QList<OutboxEntry> record(const QList<Outcome> &outcomes, const QString &owner);

    // Rows left `sending` whose lease has ended (their process died): -> unknown. Never resent.
    QList<OutboxEntry> markExpiredLeasesUnknown();

    std::optional<OutboxEntry> get(qint64 id) const;
    std::optional<OutboxEntry> getByKey(const QString &idempotencyKey) const;
    QList<OutboxEntry> list(const OutboxFilter &filter) const;
    // failed/dead/unknown/cancelled -> queued (same row, same idempotency key, attempts kept).
    std::optional<OutboxEntry> retry(qint64 id, QString *error);
    // queued/unknown -> cancelled.
    std::optional<OutboxEntry> cancel(qint64 id, QString *error);

    // Earliest next_attempt_at among queued rows (0 when none).
    qint64 nextDueAtMs() const;
    int queuedCount() const;
    // For the metrics: rows in a state (served by the state index), and the creation time of the
    // oldest queued row (0 when none).
    int countInState(OutboxState state) const;
    qint64 oldestQueuedCreatedAtMs() const;
    // Up to `max` distinct business numbers that have queued rows.
    QStringList queuedNumbers(int max) const;
    bool hasQueued() const;

    // Drainer registry (outbox_drainers).
    void heartbeat(const QString &owner);
    void removeDrainer(const QString &owner);
    bool hasLiveDrainer(const QString &exceptOwner, qint64 freshMs = 5000) const;

    static QString callbackData(qint64 outboxId); // "parley-outbox:<id>"

    // Groups what is done until the matching commitBatch() into one transaction (one fsync):
    // the Scheduler records a tick's answers and claims the next rows together. Nests.
    bool beginBatch() { return begin(); }
    bool commitBatch() { return commit(); }

    // Enqueues many messages in one transaction (a CLI batch, an import). Same rules as enqueue().
    QList<EnqueueResult> enqueueMany(const QList<OutgoingMessage> &messages, bool enforceWindow);

private:
    // Statements prepared once per store (SQLite's parser and trigger compilation were more
    // than half of an enqueue's cost when each call prepared its own).
    enum class Statement {
        ByKey,
        InsertOutbox,
        ContactByWaId,
        ContactByUserId,
        InsertContact,
        InsertConversation,
        InsertMessage,
        UpdateConversation,
        Count
    };
    QSqlQuery &statement(Statement which, const QString &sql) const;

    OutboxEntry read(const class QSqlQuery &q) const;
    bool begin();
    bool commit();
    void rollback();
    EnqueueResult enqueueOne(const OutgoingMessage &message, bool enforceWindow);

    int m_depth = 0;
    bool m_failed = false;

    QSqlDatabase m_db;
    Clock *m_clock;
    mutable std::array<std::unique_ptr<QSqlQuery>, std::size_t(Statement::Count)> m_statements;
};

} // namespace parley::core
