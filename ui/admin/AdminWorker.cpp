#include "admin/AdminWorker.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "store/Database.h"
#include "templates/TemplateStore.h"
#include "templates/TemplateSync.h"
#include "webhook/IngestPipeline.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using parley::core::Database;

namespace parley::ui {

namespace {

constexpr qint64 MinuteMs = 60'000;

bool run(QSqlQuery &q)
{
    if (q.exec())
        return true;
    qCWarning(parley::core::lcStore) << "admin query failed:" << q.lastError().text();
    return false;
}

QString graphErrorText(const core::GraphError &e)
{
    QString text = e.title.isEmpty() ? e.message : e.title;
    if (!e.details.isEmpty() && e.details != text)
        text += QStringLiteral(": ") + e.details;
    if (e.code)
        text = QStringLiteral("(#%1) %2").arg(e.code).arg(text);
    return text;
}

TemplateAdminOutcome outcomeOf(const core::TemplateAdminResult &r)
{
    TemplateAdminOutcome out;
    out.violations = r.violations;
    if (r.error.isError())
        out.error = graphErrorText(r.error);
    out.warning = r.warning;
    out.status = r.response.value(QLatin1String("status")).toString();
    return out;
}

} // namespace

AdminWorker::AdminWorker(Config config, QObject *parent)
    : QObject(parent), m_config(std::move(config))
{
    if (!m_config.clock)
        m_config.clock = core::Clock::system();
}

AdminWorker::~AdminWorker()
{
    close();
}

bool AdminWorker::open(QString *error)
{
    m_connection = Database::threadConnectionName(QStringLiteral("admin"));
    m_db = Database::open(m_config.databasePath, m_connection, error);
    if (!m_db.isValid())
        return false;
    m_journalConnection = m_connection + QStringLiteral("-journal");
    Database::Options journalOptions;
    journalOptions.attachJournal = true;
    m_journalDb = Database::open(m_config.databasePath, m_journalConnection, error, journalOptions);
    if (!m_journalDb.isValid())
        return false;
    m_templateStore = std::make_unique<core::TemplateStore>(m_db);
    if (m_config.secrets && !m_config.graph.baseUrl.isEmpty()) {
        core::GraphConfig graph = m_config.graph;
        graph.pools = 1; // a few admin calls at a time
        m_graph = std::make_unique<core::GraphClient>(graph, m_config.secrets);
        m_sync = new core::TemplateSync(
            m_graph.get(), m_templateStore.get(), m_config.wabaId, m_config.clock, this);
    }
    return true;
}

void AdminWorker::close()
{
    delete m_sync;
    m_sync = nullptr;
    m_graph.reset();
    m_templateStore.reset();
    if (m_connection.isEmpty())
        return;
    m_db = QSqlDatabase();
    m_journalDb = QSqlDatabase();
    Database::close(m_connection);
    Database::close(m_journalConnection);
    m_connection.clear();
    m_journalConnection.clear();
}

QList<TemplateRow> AdminWorker::templates()
{
    QList<TemplateRow> rows;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, name, language, coalesce(category, ''), status, "
                             "coalesce(status_reason, ''), coalesce(quality_score, '') "
                             "FROM templates ORDER BY name, language"));
    if (!run(q))
        return rows;
    while (q.next()) {
        TemplateRow r;
        r.id = q.value(0).toString();
        r.name = q.value(1).toString();
        r.language = q.value(2).toString();
        r.category = q.value(3).toString();
        r.status = q.value(4).toString();
        r.statusReason = q.value(5).toString();
        r.quality = q.value(6).toString();
        rows.append(r);
    }
    return rows;
}

QList<JournalRow> AdminWorker::journal(JournalFilter filter, int limit, JournalSummary *summary)
{
    QList<JournalRow> rows;
    if (summary) {
        QSqlQuery q(m_journalDb);
        // Cheap counts: a partial index for the failed rows, two ranges of ids past the
        // ingest cursor for the pending ones.
        if (q.exec(QStringLiteral("SELECT (SELECT count(*) FROM webhooks.journal), "
                                  "(SELECT count(*) FROM main.journal_parse WHERE state = "
                                  "'failed'), (%1)")
                       .arg(Database::pendingJournalRowsSql()))
            && q.next()) {
            summary->total = q.value(0).toLongLong();
            summary->failed = q.value(1).toLongLong();
            summary->pending = q.value(2).toLongLong();
        }
    }
    QString where;
    switch (filter) {
    case JournalFilter::All: break;
    case JournalFilter::Failed: where = QStringLiteral("WHERE parse_state = 'failed' "); break;
    case JournalFilter::Pending: where = QStringLiteral("WHERE parse_state = 'pending' "); break;
    }
    QSqlQuery q(m_journalDb);
    q.prepare(
        QStringLiteral("SELECT id, received_at, size, parse_state, coalesce(parse_error, ''), "
                       "events, coalesce(parsed_at, 0) FROM journal ")
        + where + QStringLiteral("ORDER BY id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!run(q))
        return rows;
    while (q.next()) {
        JournalRow r;
        r.id = q.value(0).toLongLong();
        r.receivedAtMs = q.value(1).toLongLong();
        r.size = q.value(2).toLongLong();
        r.parseState = q.value(3).toString();
        r.parseError = q.value(4).toString();
        r.events = q.value(5).toInt();
        r.parsedAtMs = q.value(6).toLongLong();
        rows.append(r);
    }
    return rows;
}

QByteArray AdminWorker::journalBody(qint64 id)
{
    QSqlQuery q(m_journalDb);
    q.prepare(QStringLiteral("SELECT body FROM webhooks.journal WHERE id = ?"));
    q.addBindValue(id);
    if (!run(q) || !q.next())
        return {};
    return q.value(0).toByteArray();
}

ReplayOutcome AdminWorker::replay(const QList<qint64> &ids)
{
    ReplayOutcome out;
    QList<qint64> rows = ids;
    if (rows.isEmpty()) {
        QSqlQuery q(m_journalDb);
        q.prepare(QStringLiteral("SELECT p.journal_id FROM main.journal_parse p JOIN "
                                 "webhooks.journal j ON j.id = p.journal_id "
                                 "WHERE p.state = 'failed' ORDER BY p.journal_id"));
        if (!run(q)) {
            out.ok = false;
            out.error = q.lastError().text();
            return out;
        }
        while (q.next())
            rows.append(q.value(0).toLongLong());
        q.finish();
    }
    if (rows.isEmpty())
        return out;
    core::ReplayStats stats;
    core::IngestBatch changes;
    out.ok = core::IngestPipeline::replayRows(
        m_config.databasePath, rows, m_config.clock, &stats, &out.error, &changes);
    out.rows = stats.rows;
    out.parsed = stats.parsed;
    out.failed = stats.failed;
    out.events = stats.events;
    out.conversationIds = changes.conversationIds;
    qCInfo(core::lcJournal) << "inspector replay:" << out.rows << "rows," << out.parsed << "parsed,"
                            << out.failed << "failed";
    return out;
}

HealthSnapshot AdminWorker::health(qint64 nowMs, int minutes)
{
    HealthSnapshot h;
    h.minutes = std::max(1, minutes);
    h.fromMs = (nowMs / MinuteMs - (h.minutes - 1)) * MinuteMs;
    h.sends = QList<int>(h.minutes, 0);
    h.sendErrors = QList<int>(h.minutes, 0);
    h.latencyMs = QList<double>(h.minutes, 0.0);
    h.webhooks = QList<int>(h.minutes, 0);
    h.parseFailures = QList<int>(h.minutes, 0);
    h.lagMs = QList<double>(h.minutes, 0.0);
    auto slotOf = [&h](qint64 slot) { return slot >= 0 && slot < h.minutes; };

    // Sends: every HTTP attempt of the outbox, by the minute it started.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT (started_at - :from) / 60000 AS slot, sum(outcome = 'accepted'), "
        "sum(outcome IS NOT NULL AND outcome <> 'accepted'), sum(latency_ms), count(latency_ms), "
        "max(latency_ms) FROM outbox_attempts WHERE started_at >= :from GROUP BY slot"));
    q.bindValue(QStringLiteral(":from"), h.fromMs);
    double latencySum = 0;
    qint64 latencyCount = 0;
    if (run(q)) {
        while (q.next()) {
            const qint64 slot = q.value(0).toLongLong();
            if (!slotOf(slot))
                continue;
            h.sends[slot] = q.value(1).toInt();
            h.sendErrors[slot] = q.value(2).toInt();
            const qint64 n = q.value(4).toLongLong();
            if (n > 0)
                h.latencyMs[slot] = q.value(3).toDouble() / double(n);
            latencySum += q.value(3).toDouble();
            latencyCount += n;
            h.maxLatencyMs = std::max(h.maxLatencyMs, q.value(5).toDouble());
            h.totalSends += h.sends[slot];
            h.totalSendErrors += h.sendErrors[slot];
        }
    }
    h.meanLatencyMs = latencyCount ? latencySum / double(latencyCount) : 0.0;

    // Webhooks: journal rows by arrival minute. Ids follow arrival, so the window starts after
    // the newest row older than it (found walking back from the end, not by a full scan).
    qint64 firstJournalId = 0;
    q = QSqlQuery(m_journalDb);
    q.prepare(QStringLiteral(
        "SELECT id FROM journal WHERE received_at < :from ORDER BY id DESC LIMIT 1"));
    q.bindValue(QStringLiteral(":from"), h.fromMs);
    if (run(q) && q.next())
        firstJournalId = q.value(0).toLongLong();
    q.prepare(QStringLiteral("SELECT (received_at - :from) / 60000 AS slot, count(*), "
                             "sum(parse_state = 'failed') FROM journal "
                             "WHERE id > :first AND received_at >= :from GROUP BY slot"));
    q.bindValue(QStringLiteral(":from"), h.fromMs);
    q.bindValue(QStringLiteral(":first"), firstJournalId);
    if (run(q)) {
        while (q.next()) {
            const qint64 slot = q.value(0).toLongLong();
            if (!slotOf(slot))
                continue;
            h.webhooks[slot] = q.value(1).toInt();
            h.parseFailures[slot] = q.value(2).toInt();
            h.totalWebhooks += h.webhooks[slot];
            h.totalParseFailures += h.parseFailures[slot];
        }
    }
    if (q.exec(QStringLiteral("SELECT (SELECT count(*) FROM main.journal_parse WHERE state = "
                              "'failed'), (%1)")
                   .arg(Database::pendingJournalRowsSql()))
        && q.next()) {
        h.failedRowsAllTime = q.value(0).toLongLong();
        h.pendingRows = q.value(1).toLongLong();
    }

    // Webhook lag: when we read the body minus Meta's timestamp (whole seconds), for inbound
    // messages and statuses that arrived in the window.
    QList<double> lagSum(h.minutes, 0.0);
    QList<qint64> lagCount(h.minutes, 0);
    double allLag = 0;
    qint64 allLagCount = 0;
    const char *const lagSql[]
        = {"SELECT (received_at - :from) / 60000 AS slot, sum(received_at - timestamp * 1000), "
           "count(*), max(received_at - timestamp * 1000) FROM messages "
           "WHERE direction = 'in' AND received_at >= :from AND timestamp > 0 GROUP BY slot",
            "SELECT (received_at - :from) / 60000 AS slot, sum(received_at - timestamp * 1000), "
            "count(*), max(received_at - timestamp * 1000) FROM status_events "
            "WHERE received_at >= :from AND timestamp > 0 GROUP BY slot"};
    for (const char *sql : lagSql) {
        q.prepare(QString::fromLatin1(sql));
        q.bindValue(QStringLiteral(":from"), h.fromMs);
        if (!run(q))
            continue;
        while (q.next()) {
            const qint64 slot = q.value(0).toLongLong();
            if (!slotOf(slot))
                continue;
            // A clock ahead of ours can make a lag negative: count it as none.
            const double sum = std::max(0.0, q.value(1).toDouble());
            lagSum[slot] += sum;
            lagCount[slot] += q.value(2).toLongLong();
            allLag += sum;
            allLagCount += q.value(2).toLongLong();
            h.maxLagMs = std::max(h.maxLagMs, q.value(3).toDouble());
        }
    }
    for (int i = 0; i < h.minutes; ++i)
        h.lagMs[i] = lagCount[i] ? lagSum[i] / double(lagCount[i]) : 0.0;
    h.meanLagMs = allLagCount ? allLag / double(allLagCount) : 0.0;

    // Per business number: messages in and out in the window, and the busiest minute.
    QHash<QString, NumberHealth> numbers;
    for (const QString &id : std::as_const(m_config.phoneNumberIds))
        if (!id.isEmpty())
            numbers[id].phoneNumberId = id;
    q.prepare(QStringLiteral(
        "SELECT phone_number_id, (coalesce(received_at, timestamp * 1000) - :from) / 60000 AS "
        "slot, sum(direction = 'in'), sum(direction = 'out') FROM messages "
        "WHERE coalesce(received_at, timestamp * 1000) >= :from AND phone_number_id IS NOT NULL "
        "AND coalesce(type, '') NOT IN ('reaction', 'edit') GROUP BY phone_number_id, slot"));
    q.bindValue(QStringLiteral(":from"), h.fromMs);
    if (run(q)) {
        while (q.next()) {
            if (!slotOf(q.value(1).toLongLong()))
                continue;
            NumberHealth &n = numbers[q.value(0).toString()];
            n.phoneNumberId = q.value(0).toString();
            n.inboundLastHour += q.value(2).toLongLong();
            n.outboundLastHour += q.value(3).toLongLong();
            n.peakPerMinute = std::max(n.peakPerMinute, q.value(2).toInt() + q.value(3).toInt());
        }
    }
    // The last quality webhook of each number (phone_number_quality_update), when there is one.
    q.prepare(QStringLiteral(
        "SELECT phone_number_id, display_phone_number, event, detail FROM account_events "
        "WHERE field = 'phone_number_quality_update' ORDER BY id DESC"));
    if (run(q)) {
        QSet<QString> seen;
        while (q.next()) {
            const QString id = q.value(0).toString();
            if (id.isEmpty() || seen.contains(id))
                continue;
            seen.insert(id);
            NumberHealth &n = numbers[id];
            n.phoneNumberId = id;
            n.displayNumber = q.value(1).toString();
            n.qualityRating = q.value(2).toString();
            n.messagingLimitTier = q.value(3).toString();
        }
    }
    QStringList ids = numbers.keys();
    ids.sort();
    for (const QString &id : std::as_const(ids))
        h.numbers.append(numbers.value(id));
    return h;
}

bool AdminWorker::canReachGraph(QString *why) const
{
    if (!m_sync) {
        *why = tr("The Graph API is not configured: add an access token in Settings.");
        return false;
    }
    if (m_config.wabaId.isEmpty()) {
        *why = tr("No WhatsApp Business Account id is configured.");
        return false;
    }
    return true;
}

void AdminWorker::createTemplate(
    const QJsonObject &request, std::function<void(const TemplateAdminOutcome &)> done)
{
    TemplateAdminOutcome out;
    // The rules first, so that a bad request is refused even without a connection.
    out.violations = core::TemplateRules::checkCreate(request);
    if (!out.violations.isEmpty() || !canReachGraph(&out.error)) {
        done(out);
        return;
    }
    m_sync->create(request, [done](const core::TemplateAdminResult &r) {
        TemplateAdminOutcome o = outcomeOf(r);
        if (o.status.isEmpty() && o.ok())
            o.status = QStringLiteral("PENDING");
        done(o);
    });
}

void AdminWorker::deleteTemplate(
    const QString &name, const QString &id, std::function<void(const TemplateAdminOutcome &)> done)
{
    TemplateAdminOutcome out;
    if (!canReachGraph(&out.error)) {
        done(out);
        return;
    }
    m_sync->remove(name, id, [done](const core::TemplateAdminResult &r) { done(outcomeOf(r)); });
}

void AdminWorker::syncTemplates(std::function<void(const TemplateAdminOutcome &)> done)
{
    TemplateAdminOutcome out;
    if (!canReachGraph(&out.error)) {
        done(out);
        return;
    }
    m_sync->syncAll([done](const core::TemplateSyncResult &r) {
        TemplateAdminOutcome o;
        if (r.error.isError())
            o.error = graphErrorText(r.error);
        o.templates = r.templates;
        done(o);
    });
}

void AdminWorker::checkToken(std::function<void(const TokenCheck &)> done)
{
    if (!m_graph) {
        TokenCheck check;
        check.message = tr("No access token is configured.");
        done(check);
        return;
    }
    QStringList ids;
    for (const QString &id : std::as_const(m_config.phoneNumberIds))
        if (!id.isEmpty() && !ids.contains(id))
            ids.append(id);
    auto check = std::make_shared<TokenCheck>();
    auto left = std::make_shared<int>(int(ids.size()));
    if (ids.isEmpty()) {
        // No number to describe: any authenticated call says whether the token works.
        if (m_config.wabaId.isEmpty()) {
            check->message = tr("No business number or account id is configured.");
            done(*check);
            return;
        }
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
        m_graph->get(m_config.wabaId + QStringLiteral("/message_templates"), query, this,
            [check, done](const core::GraphResult &r) {
                check->valid = r.ok();
                check->errorCode = r.error.code;
                if (!r.ok())
                    check->message = graphErrorText(r.error);
                done(*check);
            });
        return;
    }
    check->valid = true;
    for (const QString &id : std::as_const(ids)) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("fields"),
            QStringLiteral("id,display_phone_number,verified_name,quality_rating,"
                           "messaging_limit_tier,throughput"));
        m_graph->get(id, query, this, [check, left, done, id](const core::GraphResult &r) {
            if (r.ok()) {
                NumberHealth n;
                n.phoneNumberId = id;
                n.displayNumber = r.body.value(QLatin1String("display_phone_number")).toString();
                n.verifiedName = r.body.value(QLatin1String("verified_name")).toString();
                n.qualityRating = r.body.value(QLatin1String("quality_rating")).toString();
                n.messagingLimitTier
                    = r.body.value(QLatin1String("messaging_limit_tier")).toString();
                n.throughputLevel = r.body.value(QLatin1String("throughput"))
                                        .toObject()
                                        .value(QLatin1String("level"))
                                        .toString();
                check->numbers.append(n);
            } else if (check->valid) {
                check->valid = false;
                check->errorCode = r.error.code;
                check->message = graphErrorText(r.error);
            }
            if (--*left == 0)
                done(*check);
        });
    }
}

} // namespace parley::ui
