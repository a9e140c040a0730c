#pragma once

#include "admin/AdminTypes.h"
#include "graph/GraphClient.h"

#include <QJsonObject>
#include <QObject>
#include <QSqlDatabase>

#include <functional>
#include <memory>

namespace parley::core {
class Clock;
class SecretStore;
class TemplateStore;
class TemplateSync;
} // namespace parley::core

namespace parley::ui {

// The admin screens' work, on the admin thread with its own SQLite connection and its own Graph
// client: reads of the templates table, the journal and the per-minute health aggregates;
// template create/delete/sync through core::TemplateSync; replay through IngestPipeline;
// the token check. Created and driven by AdminStore.
class AdminWorker : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QString databasePath;
        core::GraphConfig graph;
        core::SecretStore *secrets = nullptr; // not owned; thread-safe
        QString wabaId;
        QStringList phoneNumberIds; // the numbers the console is configured with
        core::Clock *clock = nullptr;
    };

    explicit AdminWorker(Config config, QObject *parent = nullptr);
    ~AdminWorker() override;

    // Called on the worker thread.
    bool open(QString *error);
    void close();

    QList<TemplateRow> templates();
    QList<JournalRow> journal(JournalFilter filter, int limit, JournalSummary *summary);
    // The raw body of one journal row; empty when there is none.
    QByteArray journalBody(qint64 id);
    // Re-parses the rows (empty: every failed row), idempotently.
    ReplayOutcome replay(const QList<qint64> &ids);
    HealthSnapshot health(qint64 nowMs, int minutes);

    // Asynchronous (Graph API): `done` runs on the worker thread.
    void createTemplate(
        const QJsonObject &request, std::function<void(const TemplateAdminOutcome &)> done);
    void deleteTemplate(const QString &name, const QString &id,
        std::function<void(const TemplateAdminOutcome &)> done);
    void syncTemplates(std::function<void(const TemplateAdminOutcome &)> done);
    void checkToken(std::function<void(const TokenCheck &)> done);

private:
    bool canReachGraph(QString *why) const;

    Config m_config;
    QString m_connection;
    QSqlDatabase m_db;
    // Reads of the webhook journal: the store with the journal file attached (a connection of
    // its own, so that the template writes on m_db never take the journal's write lock).
    QString m_journalConnection;
    QSqlDatabase m_journalDb;
    std::unique_ptr<core::GraphClient> m_graph;
    std::unique_ptr<core::TemplateStore> m_templateStore;
    core::TemplateSync *m_sync = nullptr; // child of this
};

} // namespace parley::ui
