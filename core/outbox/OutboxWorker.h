#pragma once

#include "outbox/Outbox.h"

#include <QObject>

#include <memory>

namespace parley::core {

class GraphClient;
class OutboxStore;
class Scheduler;

// The Outbox's worker: lives on the Outbox thread and owns everything that touches the store or
// the network there (its own SQLite connection, the OutboxStore, the GraphClient, the Scheduler).
class OutboxWorker : public QObject
{
    Q_OBJECT
public:
    OutboxWorker(Outbox::Options options, SecretStore *secrets);
    ~OutboxWorker() override;

    void open();
    void shutdown();
    void enqueue(const OutgoingMessage &message);
    void retry(qint64 id);
    void cancel(qint64 id);
    void list(quint64 requestId, const OutboxFilter &filter);

    Scheduler *scheduler() const { return m_scheduler.get(); }

Q_SIGNALS:
    void started();
    void startFailed(const QString &error);
    void entryChanged(const parley::core::OutboxEntry &entry);
    void listed(quint64 requestId, const QList<parley::core::OutboxEntry> &rows);
    void operationFailed(qint64 outboxId, const QString &reason);

private:
    Outbox::Options m_options;
    SecretStore *m_secrets;
    QString m_connection;
    std::unique_ptr<OutboxStore> m_store;
    std::unique_ptr<GraphClient> m_graph;
    std::unique_ptr<Scheduler> m_scheduler;
};

} // namespace parley::core
