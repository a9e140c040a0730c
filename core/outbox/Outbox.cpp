#include "outbox/Outbox.h"

#include "outbox/OutboxWorker.h"

#include <QUuid>

namespace parley::core {

Outbox::Outbox(Options options, SecretStore *secrets, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_secrets(secrets)
{
    qRegisterMetaType<OutboxEntry>();
    qRegisterMetaType<QList<OutboxEntry>>();
    qRegisterMetaType<OutgoingMessage>();
    m_thread.setObjectName(QStringLiteral("parley-outbox"));
    m_worker = new OutboxWorker(m_options, m_secrets);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &OutboxWorker::started, this, &Outbox::started);
    connect(m_worker, &OutboxWorker::startFailed, this, &Outbox::startFailed);
    connect(m_worker, &OutboxWorker::entryChanged, this, &Outbox::entryChanged);
    connect(m_worker, &OutboxWorker::listed, this, &Outbox::listed);
    connect(m_worker, &OutboxWorker::operationFailed, this, &Outbox::operationFailed);
    m_thread.start();
}

Outbox::~Outbox()
{
    stop();
    m_thread.quit();
    m_thread.wait();
}

void Outbox::start()
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->open(); }, Qt::QueuedConnection);
}

void Outbox::stop()
{
    if (!m_thread.isRunning())
        return;
    // Blocking: the worker closes its connection on its own thread before the Outbox goes.
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->shutdown(); }, Qt::BlockingQueuedConnection);
}

QString Outbox::enqueue(const OutgoingMessage &message)
{
    OutgoingMessage m = message;
    if (m.idempotencyKey.isEmpty())
        m.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, m] { w->enqueue(m); }, Qt::QueuedConnection);
    return m.idempotencyKey;
}

void Outbox::retry(qint64 outboxId)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, outboxId] { w->retry(outboxId); }, Qt::QueuedConnection);
}

void Outbox::cancel(qint64 outboxId)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, outboxId] { w->cancel(outboxId); }, Qt::QueuedConnection);
}

quint64 Outbox::list(const OutboxFilter &filter)
{
    const quint64 id = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, id, filter] { w->list(id, filter); }, Qt::QueuedConnection);
    return id;
}

} // namespace parley::core
