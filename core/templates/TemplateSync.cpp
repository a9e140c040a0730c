#include "templates/TemplateSync.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "graph/GraphApi.h"
#include "templates/TemplateStore.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTimer>

namespace parley::core {

namespace {

// A safety stop: a paging answer that keeps handing out cursors must not loop forever.
constexpr int kMaxPages = 1000;

QList<TemplateDefinition> definitionsOf(const QJsonObject &page)
{
    QList<TemplateDefinition> out;
    for (const QJsonValue &v : page.value(QLatin1String("data")).toArray())
        out.append(TemplateDefinition::fromGraphJson(v.toObject()));
    return out;
}

GraphError storeError(const QString &message)
{
    return GraphError::local(LocalError::Validation, QStringLiteral("template store"), message);
}

} // namespace

QString TemplateSync::fields()
{
    return QStringLiteral("id,name,language,status,category,previous_category,components,"
                          "quality_score,parameter_format,rejected_reason");
}

TemplateSync::TemplateSync(
    GraphApi *api, TemplateStore *store, const QString &wabaId, const Clock *clock, QObject *parent)
    : QObject(parent), m_api(api), m_store(store), m_wabaId(wabaId),
      m_clock(clock ? clock : Clock::system())
{
}

TemplateSync::~TemplateSync() = default;

void TemplateSync::syncAll(SyncDone done, int pageSize)
{
    fetchPage({}, pageSize, 0, std::make_shared<QList<TemplateDefinition>>(), std::move(done));
}

void TemplateSync::fetchPage(const QString &after, int pageSize, int pages,
    std::shared_ptr<QList<TemplateDefinition>> collected, SyncDone done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("fields"), fields());
    query.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
    if (!after.isEmpty())
        query.addQueryItem(QStringLiteral("after"), after);
    m_api->get(m_wabaId + QStringLiteral("/message_templates"), query, this,
        [this, pageSize, pages, collected, done](const GraphResult &result) {
            TemplateSyncResult out;
            out.pages = pages + 1;
            if (!result.ok()) {
                out.error = result.error;
                qCWarning(lcTemplates).noquote()
                    << "template sync failed:" << result.error.logSummary();
                done(out);
                return;
            }
            collected->append(definitionsOf(result.body));
            const QJsonObject paging = result.body.value(QLatin1String("paging")).toObject();
            const QString next = paging.value(QLatin1String("cursors"))
                                     .toObject()
                                     .value(QLatin1String("after"))
                                     .toString();
            // Meta leaves "next" out on the last page.
            if (paging.contains(QLatin1String("next")) && !next.isEmpty()
                && out.pages < kMaxPages) {
                fetchPage(next, pageSize, out.pages, collected, done);
                return;
            }
            QString error;
            if (!m_store->replaceAll(*collected, m_clock->nowMs(), &error)) {
                out.error = storeError(error);
                done(out);
                return;
            }
            out.templates = int(collected->size());
            qCInfo(lcTemplates).noquote() << QStringLiteral("template sync: %1 templates, %2 pages")
                                                 .arg(out.templates)
                                                 .arg(out.pages);
            Q_EMIT synced(out.templates);
            done(out);
        });
}

void TemplateSync::syncName(const QString &name, SyncDone done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("fields"), fields());
    query.addQueryItem(QStringLiteral("name"), name);
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    m_api->get(m_wabaId + QStringLiteral("/message_templates"), query, this,
        [this, name, done](const GraphResult &result) {
            TemplateSyncResult out;
            out.pages = 1;
            if (!result.ok()) {
                out.error = result.error;
                done(out);
                return;
            }
            // Meta's name filter also matches longer names; keep the exact one.
            QList<TemplateDefinition> exact;
            for (const TemplateDefinition &d : definitionsOf(result.body)) {
                if (d.name == name)
                    exact.append(d);
            }
            QSqlDatabase db = m_store->database();
            QString error;
            bool ok = db.transaction();
            if (ok) {
                QStringList listed;
                for (const TemplateDefinition &d : std::as_const(exact)) {
                    listed.append(d.language);
                    ok = ok && m_store->upsert(d, m_clock->nowMs(), &error);
                }
                for (const TemplateDefinition &old : m_store->findByName(name)) {
                    if (ok && !listed.contains(old.language))
                        ok = m_store->removeById(old.id, &error);
                }
                ok = ok && db.commit();
            }
            if (!ok) {
                db.rollback();
                out.error = storeError(error.isEmpty() ? db.lastError().text() : error);
            } else {
                out.templates = int(exact.size());
            }
            done(out);
        });
}

void TemplateSync::setSchedule(int intervalMs)
{
    if (intervalMs <= 0) {
        if (m_timer)
            m_timer->stop();
        return;
    }
    if (!m_timer) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, [this] {
            if (m_scheduledRunning)
                return;
            m_scheduledRunning = true;
            syncAll([this](const TemplateSyncResult &) { m_scheduledRunning = false; });
        });
    }
    m_timer->start(intervalMs);
}

void TemplateSync::fillWithResync(
    const QString &name, const QString &language, const QList<TemplateParam> &params, FillDone done)
{
    TemplateFill fill = fillTemplate(*m_store, name, language, params);
    const bool unknown = !fill.issues.isEmpty()
        && (fill.issues.first().code == TemplateIssue::Code::TemplateNotFound
            || fill.issues.first().code == TemplateIssue::Code::LanguageNotFound);
    if (!unknown) {
        done(fill);
        return;
    }
    syncName(name, [this, name, language, params, done, fill](const TemplateSyncResult &r) {
        if (!r.ok()) {
            // Could not ask Meta: refuse with what the store knows.
            done(fill);
            return;
        }
        done(fillTemplate(*m_store, name, language, params));
    });
}

void TemplateSync::create(const QJsonObject &request, AdminDone done)
{
    TemplateAdminResult out;
    out.violations = TemplateRules::checkCreate(request);
    if (!out.violations.isEmpty()) {
        done(out);
        return;
    }
    m_api->post(m_wabaId + QStringLiteral("/message_templates"), request, this,
        [this, request, done](const GraphResult &result) {
            TemplateAdminResult out;
            out.response = result.body;
            if (!result.ok()) {
                out.error = result.error;
                done(out);
                return;
            }
            // Known at once as what Meta answered; the webhook or the next sync brings the rest.
            QJsonObject synced = request;
            synced.insert(QStringLiteral("id"), result.body.value(QLatin1String("id")));
            synced.insert(QStringLiteral("status"),
                result.body.value(QLatin1String("status")).toString(QStringLiteral("PENDING")));
            if (result.body.contains(QLatin1String("category")))
                synced.insert(
                    QStringLiteral("category"), result.body.value(QLatin1String("category")));
            QString error;
            const TemplateDefinition d = TemplateDefinition::fromGraphJson(synced);
            if (!d.id.isEmpty() && !m_store->upsert(d, m_clock->nowMs(), &error))
                out.error = storeError(error);
            done(out);
        });
}

void TemplateSync::remove(const QString &name, const QString &id, AdminDone done)
{
    QList<TemplateDefinition> targets;
    if (!id.isEmpty()) {
        if (auto d = m_store->findById(id))
            targets.append(*d);
    } else {
        targets = m_store->findByName(name);
    }
    TemplateAdminResult out;
    out.violations = TemplateRules::checkDelete(targets);
    out.warning = TemplateRules::deleteWarning(targets);
    if (!out.violations.isEmpty()) {
        done(out);
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("name"), name);
    if (!id.isEmpty())
        query.addQueryItem(QStringLiteral("hsm_id"), id);
    m_api->remove(m_wabaId + QStringLiteral("/message_templates"), query, this,
        [this, name, id, out, done](const GraphResult &result) mutable {
            out.response = result.body;
            if (!result.ok()) {
                out.error = result.error;
                done(out);
                return;
            }
            QString error;
            const bool ok = id.isEmpty() ? m_store->removeByName(name, &error)
                                         : m_store->removeById(id, &error);
            if (!ok)
                out.error = storeError(error);
            done(out);
        });
}

void TemplateSync::edit(const QString &templateId, const QJsonObject &request, AdminDone done)
{
    TemplateAdminResult out;
    const auto current = m_store->findById(templateId);
    if (!current) {
        out.violations.append({QStringLiteral("template"), QStringLiteral("edit.unknown"),
            QStringLiteral("no synced template with id %1 (run `parleyctl templates sync`)")
                .arg(templateId)});
        done(out);
        return;
    }
    out.violations = TemplateRules::checkEdit(
        *current, request, m_store->editTimes(templateId), m_clock->nowMs());
    if (!out.violations.isEmpty()) {
        done(out);
        return;
    }
    m_api->post(templateId, request, this, [this, templateId, done](const GraphResult &result) {
        TemplateAdminResult out;
        out.response = result.body;
        if (!result.ok()) {
            out.error = result.error;
            done(out);
            return;
        }
        QString error;
        if (!m_store->recordEdit(templateId, m_clock->nowMs(), &error)) {
            out.error = storeError(error);
            done(out);
            return;
        }
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("fields"), fields());
        m_api->get(templateId, query, this, [this, out, done](const GraphResult &reread) mutable {
            if (reread.ok()) {
                QString error;
                if (!m_store->upsert(
                        TemplateDefinition::fromGraphJson(reread.body), m_clock->nowMs(), &error))
                    out.error = storeError(error);
            } else {
                out.warning = QStringLiteral("edited, but re-reading the template failed; run "
                                             "`parleyctl templates sync`");
            }
            done(out);
        });
    });
}

} // namespace parley::core
