#pragma once

#include "common/Clock.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QJsonObject;

namespace parley::core {

struct IngestResult
{
    bool parsed = false; // false: body is not a WhatsApp webhook we can read
    QString error; // why, when !parsed (or the SQL error that stopped a parsed body)
    // By kind: "message", "status", "error", "contact", "template_status", "template_quality",
    // "template_category", "phone_quality", "account_update", "user_preferences", "unknown_field".
    // Counts what the body holds, including events already stored by an earlier delivery.
    QHash<QString, int> eventCounts;
    QSet<qint64> conversationIds; // conversations touched
    QStringList messageIds; // messages inserted (new only)
    QStringList statusMessageIds; // message ids whose current status advanced
    bool sqlFailed = false; // parsed, but a statement failed: the caller should roll back

    int totalEvents() const
    {
        int total = 0;
        for (int n : eventCounts)
            total += n;
        return total;
    }
};

// Applies authenticated webhook bodies to the normalized tables of schema 0003_inbound. Holds its
// prepared statements, so keep one per thread/connection and feed it many rows.
class InboundStore
{
public:
    explicit InboundStore(QSqlDatabase db, Clock *clock = Clock::system());
    ~InboundStore();
    InboundStore(const InboundStore &) = delete;
    InboundStore &operator=(const InboundStore &) = delete;

    // Parses the (already authenticated) raw body of journal row `journalId` and applies every
    // event to the normalized tables, idempotently (re-ingesting the same row or a duplicate
    // delivery stores nothing twice). Does not BEGIN/COMMIT: the caller wraps a batch of rows in
    // one transaction. A body that does not parse writes nothing and returns parsed=false.
    // Valid JSON of an unknown shape is parsed=true with eventCounts["unknown_field"] and kept.
    IngestResult ingest(qint64 journalId, const QByteArray &body, qint64 receivedAtMs);

    // Optional, for speed: report how each batch of ingest() calls ended. After
    // batchCommitted() the contacts and conversations that batch wrote are remembered, so that
    // later rows from the same people need no SELECT. Once you call either, call one of them
    // after EVERY batch (batchRolledBack() after a ROLLBACK): a rolled-back batch must not be
    // remembered (the same after rolling back the savepoint of a row whose ingest succeeded).
    // A failed ingest (sqlFailed) forgets everything by itself. Without these calls nothing is
    // remembered across rows (always correct, slower).
    void batchCommitted();
    void batchRolledBack();

    // The window lengths (seconds) of the customer-service window.
    static constexpr qint64 kServiceWindowSecs = 24 * 3600;
    static constexpr qint64 kFreeEntryPointWindowSecs = 72 * 3600;

    // Status ranks of message_status: sent 1 < delivered 2 < read 3 < played 4, failed 5
    // (terminal). 0 for a status this version does not know (kept in status_events only).
    static int statusRank(const QString &status);

    // The read side, shared by `parleyctl dump` and the tests: one JSON object per row of `what`
    // (messages, statuses, contacts, conversations, journal, events), absent values as null.
    // current: for statuses, one row per message id with its current state.
    static bool dump(QSqlDatabase db, const QString &what, bool current,
        const std::function<void(const QJsonObject &)> &sink, QString *error);
    static QStringList dumpKinds();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace parley::core
