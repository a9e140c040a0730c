#pragma once

#include "graph/GraphClient.h"
#include "outbox/OutboxTypes.h"
#include "outbox/SchedulerOptions.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace parley::core {

class Clock;
class SecretStore;
class OutboxWorker;

// The one path every outbound message takes (composer, CLI, relay). A thin, thread-safe facade:
// every call returns at once and the work (SQLite, HTTP) runs on the Outbox's own worker thread,
// which owns its database connection, the Scheduler and the GraphClient. Results come back as
// queued signals on the thread that owns the Outbox (the UI thread in the console).
class Outbox : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString databasePath;
        QString phoneNumberId; // default business number for OutgoingMessage without one
        GraphConfig graph; // Meta or the simulator
        SchedulerOptions scheduler;
        bool deliver = true; // false: only enqueue (another process drains the store)
        bool enforceWindow = true; // refuse free-form sends outside the 24 h window
        Clock *clock = nullptr; // nullptr: the system clock (must outlive the Outbox)
    };

    Outbox(Options options, SecretStore *secrets, QObject *parent = nullptr);
    ~Outbox() override; // stops the worker (in-flight rows stay `sending` until their lease ends)

    // Opens the store on the worker thread, marks rows left `sending` by a dead process as
    // `unknown`, and starts draining when options.deliver. Emits started() or startFailed().
    void start();
    void stop();

    // Enqueues a message; returns its idempotency key at once (a new UUID when none was given).
    // Emits entryChanged() with the stored row (state queued, or failed with a local error such
    // as a closed window). Enqueuing the same key twice stores one row.
    QString enqueue(const OutgoingMessage &message);
    // Re-enqueues a failed/dead/unknown/cancelled row with the same idempotency key.
    void retry(qint64 outboxId);
    // Cancels a row that has not been sent yet (queued, or unknown).
    void cancel(qint64 outboxId);
    // Emits listed(requestId, rows).
    quint64 list(const OutboxFilter &filter);

Q_SIGNALS:
    void started();
    void startFailed(const QString &error);
    // Any change of a row: enqueued, claimed, accepted, retried, failed, dead, status advanced.
    void entryChanged(const parley::core::OutboxEntry &entry);
    void listed(quint64 requestId, const QList<parley::core::OutboxEntry> &rows);
    // retry()/cancel() refused (row missing or in a state that does not allow it).
    void operationFailed(qint64 outboxId, const QString &reason);

private:
    Options m_options;
    SecretStore *m_secrets;
    QThread m_thread;
    OutboxWorker *m_worker = nullptr; // lives on m_thread
    quint64 m_nextRequest = 1;
};

} // namespace parley::core
