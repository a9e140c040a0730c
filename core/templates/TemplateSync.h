#pragma once

#include "graph/GraphError.h"
#include "templates/TemplateFiller.h"
#include "templates/TemplateRules.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>

class QTimer;

namespace parley::core {

class Clock;
class GraphApi;
class TemplateStore;

struct TemplateSyncResult
{
    GraphError error;
    int pages = 0;
    int templates = 0; // definitions written to the store
    bool ok() const { return !error.isError(); }
};

// The outcome of create / delete / edit: refused locally (violations), refused by Meta (error),
// or done (response holds Meta's answer).
struct TemplateAdminResult
{
    QList<TemplateRuleViolation> violations;
    GraphError error;
    QJsonObject response;
    QString warning; // e.g. the 30-day name reuse warning of a delete
    bool ok() const { return violations.isEmpty() && !error.isError(); }
};

// Templates over the Graph API (Meta or the simulator): full sync with cursor paging, re-sync of
// one name, create / delete / edit with Meta's rules checked first. Everything lands in the
// TemplateStore; status changes after that arrive by webhook (triggers on template_events).
// Lives on one thread with its GraphApi and its store connection.
class TemplateSync : public QObject
{
    Q_OBJECT
public:
    using SyncDone = std::function<void(const TemplateSyncResult &)>;
    using AdminDone = std::function<void(const TemplateAdminResult &)>;
    using FillDone = std::function<void(const TemplateFill &)>;

    // The fields Parley asks for (FACTS §5.2).
    static QString fields();

    TemplateSync(GraphApi *api, TemplateStore *store, const QString &wabaId, const Clock *clock,
        QObject *parent = nullptr);
    ~TemplateSync() override;

    // GET /{WABA}/message_templates, every page; the store is replaced in one transaction only
    // when every page arrived (a failed sync loses nothing).
    void syncAll(SyncDone done, int pageSize = 100);
    // GET ...?name=NAME: every language of one name; languages Meta no longer lists are removed.
    void syncName(const QString &name, SyncDone done);
    // syncAll every intervalMs (0 stops). The first run is after intervalMs.
    void setSchedule(int intervalMs);

    // fillTemplate() from the store; when the name or language is unknown, re-syncs that name
    // once and fills again (FACTS: a send of an unknown template triggers one re-sync).
    void fillWithResync(const QString &name, const QString &language,
        const QList<TemplateParam> &params, FillDone done);

    // POST /{WABA}/message_templates after TemplateRules::checkCreate; the new template is stored
    // with the status Meta answered (usually PENDING) until the status webhook or a sync.
    void create(const QJsonObject &request, AdminDone done);
    // DELETE /{WABA}/message_templates?name=NAME[&hsm_id=ID]: every language, or one by id.
    void remove(const QString &name, const QString &id, AdminDone done);
    // POST /{TEMPLATE_ID} after TemplateRules::checkEdit, then re-reads the template.
    void edit(const QString &templateId, const QJsonObject &request, AdminDone done);

Q_SIGNALS:
    void synced(int templates);

private:
    void fetchPage(const QString &after, int pageSize, int pages,
        std::shared_ptr<QList<TemplateDefinition>> collected, SyncDone done);

    GraphApi *m_api;
    TemplateStore *m_store;
    QString m_wabaId;
    const Clock *m_clock;
    QTimer *m_timer = nullptr;
    bool m_scheduledRunning = false;
};

} // namespace parley::core
