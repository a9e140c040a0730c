#pragma once

#include "admin/AdminTypes.h"
#include "admin/AdminWorker.h"

#include <QJsonObject>
#include <QObject>
#include <QThread>

namespace parley::ui {

class ConsoleSession;

// The admin screens' door to the store and the Graph API: every call runs on the admin thread
// (AdminWorker, its own SQLite connection and Graph client) and returns a request id at once;
// the answer arrives later by a signal carrying that id, on this object's thread.
class AdminStore : public QObject
{
    Q_OBJECT
public:
    explicit AdminStore(AdminWorker::Config config, QObject *parent = nullptr);
    ~AdminStore() override;

    // The configuration of a running console (its store, Graph API, account and number).
    static AdminWorker::Config configFor(const ConsoleSession *session);

    // Opens the store on the worker. Blocks until done; false with *error.
    bool open(QString *error = nullptr);

    quint64 requestTemplates();
    quint64 requestJournal(JournalFilter filter, int limit = 1000);
    quint64 requestJournalBody(qint64 id);
    // Empty ids: every failed row.
    quint64 replay(const QList<qint64> &ids);
    quint64 requestHealth(int minutes = 60);
    quint64 createTemplate(const QJsonObject &request);
    quint64 deleteTemplate(const QString &name, const QString &id);
    quint64 syncTemplates();
    quint64 checkToken();

Q_SIGNALS:
    void templatesReady(quint64 request, const QList<parley::ui::TemplateRow> &rows);
    void journalReady(quint64 request, const QList<parley::ui::JournalRow> &rows,
        const parley::ui::JournalSummary &summary);
    void journalBodyReady(quint64 request, qint64 id, const QByteArray &body);
    void replayed(quint64 request, const parley::ui::ReplayOutcome &outcome);
    void healthReady(quint64 request, const parley::ui::HealthSnapshot &snapshot);
    // create, delete and sync
    void templateActionDone(quint64 request, const parley::ui::TemplateAdminOutcome &outcome);
    void tokenChecked(quint64 request, const parley::ui::TokenCheck &check);

private:
    template <typename F>
    quint64 post(F &&work);
    template <typename F>
    void back(F &&deliver);

    core::Clock *m_clock;
    QThread m_thread;
    AdminWorker *m_worker = nullptr;
    quint64 m_nextRequest = 1;
};

} // namespace parley::ui
