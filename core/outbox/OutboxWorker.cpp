#include "outbox/OutboxWorker.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "graph/GraphClient.h"
#include "outbox/OutboxStore.h"
#include "outbox/Scheduler.h"
#include "store/Database.h"

#include <QUuid>

namespace parley::core {

OutboxWorker::OutboxWorker(Outbox::Options options, SecretStore *secrets)
    : m_options(std::move(options)), m_secrets(secrets)
{
}

OutboxWorker::~OutboxWorker()
{
    shutdown();
}

void OutboxWorker::open()
{
    Clock *clock = m_options.clock ? m_options.clock : Clock::system();
    m_connection = Database::threadConnectionName(
        QStringLiteral("outbox-") + QUuid::createUuid().toString(QUuid::Id128).left(8));
    QString error;
    QSqlDatabase db = Database::open(m_options.databasePath, m_connection, &error);
    if (!db.isValid()) {
        Q_EMIT startFailed(error);
        return;
    }
    m_store = std::make_unique<OutboxStore>(db, clock);
    m_graph = std::make_unique<GraphClient>(m_options.graph, m_secrets);
    m_scheduler
        = std::make_unique<Scheduler>(m_store.get(), m_graph.get(), clock, m_options.scheduler);
    connect(m_scheduler.get(), &Scheduler::entryChanged, this, &OutboxWorker::entryChanged);
    if (m_options.deliver)
        m_scheduler->start();
    Q_EMIT started();
}

void OutboxWorker::shutdown()
{
    if (m_scheduler) {
        if (m_scheduler->isRunning())
            m_scheduler->stop();
        m_scheduler.reset();
    }
    m_graph.reset();
    m_store.reset();
    if (!m_connection.isEmpty()) {
        Database::close(m_connection);
        m_connection.clear();
    }
}

void OutboxWorker::enqueue(const OutgoingMessage &message)
{
    if (!m_store) {
        Q_EMIT operationFailed(0, QStringLiteral("the outbox is not open"));
        return;
    }
    OutgoingMessage m = message;
    if (m.phoneNumberId.isEmpty())
        m.phoneNumberId = m_options.phoneNumberId;
    const auto r = m_store->enqueue(m, m_options.enforceWindow);
    if (!r.error.isEmpty()) {
        qCWarning(lcOutbox) << "enqueue failed:" << r.error;
        OutboxEntry e = r.entry;
        e.idempotencyKey = m.idempotencyKey;
        e.state = OutboxState::Failed;
        e.error = GraphError::local(LocalError::Validation, QStringLiteral("Store error"), r.error);
        Q_EMIT entryChanged(e);
        return;
    }
    if (r.created)
        qCInfo(lcOutbox).noquote() << "outbox" << r.entry.id << "queued type=" << r.entry.type
                                   << "to=" << maskPhone(r.entry.recipient.key());
    Q_EMIT entryChanged(r.entry);
    if (r.created && m_scheduler)
        m_scheduler->wake();
}

void OutboxWorker::retry(qint64 id)
{
    QString error;
    const auto e = m_store ? m_store->retry(id, &error) : std::nullopt;
    if (!e) {
        Q_EMIT operationFailed(id, error);
        return;
    }
    Q_EMIT entryChanged(*e);
    if (m_scheduler)
        m_scheduler->wake();
}

void OutboxWorker::cancel(qint64 id)
{
    QString error;
    const auto e = m_store ? m_store->cancel(id, &error) : std::nullopt;
    if (!e) {
        Q_EMIT operationFailed(id, error);
        return;
    }
    Q_EMIT entryChanged(*e);
}

void OutboxWorker::list(quint64 requestId, const OutboxFilter &filter)
{
    Q_EMIT listed(requestId, m_store ? m_store->list(filter) : QList<OutboxEntry>{});
}

} // namespace parley::core
