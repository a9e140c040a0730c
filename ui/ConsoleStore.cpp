#include "ConsoleStore.h"

#include "StoreWorker.h"
#include "common/Clock.h"

#include <QMetaObject>

namespace parley::ui {

namespace {
void registerTypes()
{
    static const bool done = [] {
        qRegisterMetaType<ConversationRow>();
        qRegisterMetaType<QList<ConversationRow>>();
        qRegisterMetaType<MessageRow>();
        qRegisterMetaType<QList<MessageRow>>();
        qRegisterMetaType<SearchHit>();
        qRegisterMetaType<QList<SearchHit>>();
        qRegisterMetaType<ContactDetails>();
        qRegisterMetaType<StoreChange>();
        qRegisterMetaType<core::TemplateDefinition>();
        qRegisterMetaType<QList<core::TemplateDefinition>>();
        return true;
    }();
    Q_UNUSED(done);
}
} // namespace

ConsoleStore::ConsoleStore(const QString &path, core::Clock *clock, QObject *parent)
    : QObject(parent), m_path(path), m_clock(clock ? clock : core::Clock::system())
{
    registerTypes();
    m_thread.setObjectName(QStringLiteral("console-store"));
    m_worker = new StoreWorker(path);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

ConsoleStore::~ConsoleStore()
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool ConsoleStore::open(QString *error)
{
    bool ok = false;
    QString message;
    QMetaObject::invokeMethod(
        m_worker, [&] { ok = m_worker->open(&message); }, Qt::BlockingQueuedConnection);
    if (!ok && error)
        *error = message;
    return ok;
}

template <typename F>
quint64 ConsoleStore::post(F &&work)
{
    const quint64 id = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_worker, [this, id, work = std::forward<F>(work)] { work(id); }, Qt::QueuedConnection);
    return id;
}

// The lambdas run on the worker thread and only touch the worker; their answers are handed back
// to this object's thread, where the signals are emitted.
template <typename F>
void ConsoleStore::back(F &&deliver)
{
    QMetaObject::invokeMethod(this, std::forward<F>(deliver), Qt::QueuedConnection);
}

quint64 ConsoleStore::requestConversations(const ConversationQuery &query)
{
    return post([this, query](quint64 id) {
        auto result = m_worker->conversations(query);
        back([this, id, result] { Q_EMIT conversationsReady(id, result); });
    });
}

quint64 ConsoleStore::requestConversationsById(const QList<qint64> &ids)
{
    return post([this, ids](quint64 id) {
        auto result = m_worker->conversationsById(ids);
        back([this, id, result] { Q_EMIT conversationsReady(id, result); });
    });
}

quint64 ConsoleStore::requestMessagesBefore(qint64 conversationId, MessageKey before, int limit)
{
    return post([this, conversationId, before, limit](quint64 id) {
        auto result = m_worker->messagesBefore(conversationId, before, limit);
        back([this, id, result] { Q_EMIT messagesReady(id, result); });
    });
}

quint64 ConsoleStore::requestMessagesFrom(qint64 conversationId, MessageKey from, int limit)
{
    return post([this, conversationId, from, limit](quint64 id) {
        auto result = m_worker->messagesFrom(conversationId, from, limit);
        back([this, id, result] { Q_EMIT messagesReady(id, result); });
    });
}

quint64 ConsoleStore::requestSearch(const QString &text, int limit)
{
    return post([this, text, limit](quint64 id) {
        auto result = m_worker->search(text, limit);
        back([this, id, result] { Q_EMIT searchReady(id, result); });
    });
}

quint64 ConsoleStore::requestContact(qint64 conversationId)
{
    return post([this, conversationId](quint64 id) {
        auto result = m_worker->contact(conversationId);
        back([this, id, result] { Q_EMIT contactReady(id, result); });
    });
}

quint64 ConsoleStore::requestPhoneNumbers()
{
    return post([this](quint64 id) {
        auto result = m_worker->phoneNumberIds();
        back([this, id, result] { Q_EMIT phoneNumbersReady(id, result); });
    });
}

quint64 ConsoleStore::requestTemplates()
{
    return post([this](quint64 id) {
        auto result = m_worker->templates();
        back([this, id, result] { Q_EMIT templatesReady(id, result); });
    });
}

quint64 ConsoleStore::requestMessagesByIds(const QStringList &ids)
{
    return post([this, ids](quint64 id) {
        auto result = m_worker->messagesByIds(ids);
        back([this, id, result] { Q_EMIT messagesReady(id, result); });
    });
}

quint64 ConsoleStore::requestUnreadTotal()
{
    return post([this](quint64 id) {
        const int result = m_worker->unreadTotal();
        back([this, id, result] { Q_EMIT unreadTotalReady(id, result); });
    });
}

void ConsoleStore::markRead(qint64 conversationId)
{
    const qint64 now = m_clock->nowMs();
    post([this, conversationId, now](quint64) {
        if (m_worker->markRead(conversationId, now)) {
            StoreChange change;
            change.conversationIds.insert(conversationId);
            back([this, change] { Q_EMIT changed(change); });
        }
    });
}

void ConsoleStore::notifyChanged(const StoreChange &change)
{
    Q_EMIT changed(change);
}

} // namespace parley::ui
