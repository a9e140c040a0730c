#include "admin/AdminStore.h"

#include "ConsoleSession.h"
#include "common/Clock.h"

#include <QMetaObject>

namespace parley::ui {

namespace {
void registerTypes()
{
    static const bool done = [] {
        qRegisterMetaType<TemplateRow>();
        qRegisterMetaType<QList<TemplateRow>>();
        qRegisterMetaType<JournalRow>();
        qRegisterMetaType<QList<JournalRow>>();
        qRegisterMetaType<JournalSummary>();
        qRegisterMetaType<ReplayOutcome>();
        qRegisterMetaType<TemplateAdminOutcome>();
        qRegisterMetaType<TokenCheck>();
        qRegisterMetaType<HealthSnapshot>();
        return true;
    }();
    Q_UNUSED(done);
}
} // namespace

AdminStore::AdminStore(AdminWorker::Config config, QObject *parent)
    : QObject(parent), m_clock(config.clock ? config.clock : core::Clock::system())
{
    registerTypes();
    m_thread.setObjectName(QStringLiteral("console-admin"));
    m_worker = new AdminWorker(std::move(config));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

AdminStore::~AdminStore()
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

AdminWorker::Config AdminStore::configFor(const ConsoleSession *session)
{
    AdminWorker::Config c;
    c.databasePath = session->databasePath();
    c.graph = session->graphConfig();
    c.secrets = session->secrets();
    c.wabaId = session->wabaId();
    if (!session->phoneNumberId().isEmpty())
        c.phoneNumberIds.append(session->phoneNumberId());
    c.clock = session->clock();
    return c;
}

bool AdminStore::open(QString *error)
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
quint64 AdminStore::post(F &&work)
{
    const quint64 id = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_worker, [this, id, work = std::forward<F>(work)] { work(id); }, Qt::QueuedConnection);
    return id;
}

// The lambdas run on the worker thread and only touch the worker; their answers are handed back
// to this object's thread, where the signals are emitted.
template <typename F>
void AdminStore::back(F &&deliver)
{
    QMetaObject::invokeMethod(this, std::forward<F>(deliver), Qt::QueuedConnection);
}

quint64 AdminStore::requestTemplates()
{
    return post([this](quint64 id) {
        auto rows = m_worker->templates();
        back([this, id, rows] { Q_EMIT templatesReady(id, rows); });
    });
}

quint64 AdminStore::requestJournal(JournalFilter filter, int limit)
{
    return post([this, filter, limit](quint64 id) {
        JournalSummary summary;
        auto rows = m_worker->journal(filter, limit, &summary);
        back([this, id, rows, summary] { Q_EMIT journalReady(id, rows, summary); });
    });
}

quint64 AdminStore::requestJournalBody(qint64 journalId)
{
    return post([this, journalId](quint64 id) {
        const QByteArray body = m_worker->journalBody(journalId);
        back([this, id, journalId, body] { Q_EMIT journalBodyReady(id, journalId, body); });
    });
}

quint64 AdminStore::replay(const QList<qint64> &ids)
{
    return post([this, ids](quint64 id) {
        const ReplayOutcome outcome = m_worker->replay(ids);
        back([this, id, outcome] { Q_EMIT replayed(id, outcome); });
    });
}

quint64 AdminStore::requestHealth(int minutes)
{
    const qint64 now = m_clock->nowMs();
    return post([this, now, minutes](quint64 id) {
        const HealthSnapshot snapshot = m_worker->health(now, minutes);
        back([this, id, snapshot] { Q_EMIT healthReady(id, snapshot); });
    });
}

quint64 AdminStore::createTemplate(const QJsonObject &request)
{
    return post([this, request](quint64 id) {
        m_worker->createTemplate(request, [this, id](const TemplateAdminOutcome &outcome) {
            back([this, id, outcome] { Q_EMIT templateActionDone(id, outcome); });
        });
    });
}

quint64 AdminStore::deleteTemplate(const QString &name, const QString &templateId)
{
    return post([this, name, templateId](quint64 id) {
        m_worker->deleteTemplate(name, templateId, [this, id](const TemplateAdminOutcome &outcome) {
            back([this, id, outcome] { Q_EMIT templateActionDone(id, outcome); });
        });
    });
}

quint64 AdminStore::syncTemplates()
{
    return post([this](quint64 id) {
        m_worker->syncTemplates([this, id](const TemplateAdminOutcome &outcome) {
            back([this, id, outcome] { Q_EMIT templateActionDone(id, outcome); });
        });
    });
}

quint64 AdminStore::checkToken()
{
    return post([this](quint64 id) {
        m_worker->checkToken([this, id](const TokenCheck &check) {
            back([this, id, check] { Q_EMIT tokenChecked(id, check); });
        });
    });
}

} // namespace parley::ui
