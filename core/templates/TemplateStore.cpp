#include "templates/TemplateStore.h"

#include "common/Log.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace parley::core {

namespace {

const char kColumns[] = "id, name, language, status, status_reason, category, previous_category, "
                        "quality_score, definition_json";

TemplateDefinition fromRow(const QSqlQuery &q)
{
    TemplateDefinition d = TemplateDefinition::fromGraphJson(
        QJsonDocument::fromJson(q.value(8).toString().toUtf8()).object());
    // The columns are the live state (triggers on template_events update them).
    d.id = q.value(0).toString();
    d.name = q.value(1).toString();
    d.language = q.value(2).toString();
    d.status = q.value(3).toString();
    const QString reason = q.value(4).toString();
    if (d.status == QLatin1String("REJECTED") && !reason.isEmpty())
        d.rejectedReason = reason;
    d.category = q.value(5).toString();
    d.previousCategory = q.value(6).toString();
    d.qualityScore = q.value(7).toString();
    return d;
}

bool fail(const QSqlQuery &q, QString *error)
{
    if (error)
        *error = q.lastError().text();
    qCWarning(lcTemplates) << "templates store:" << q.lastError().text();
    return false;
}

} // namespace

TemplateStore::TemplateStore(QSqlDatabase db) : m_db(std::move(db)) { }

bool TemplateStore::upsert(const TemplateDefinition &d, qint64 syncedAtMs, QString *error)
{
    if (d.id.isEmpty() || d.name.isEmpty() || d.language.isEmpty()) {
        if (error)
            *error = QStringLiteral("a template needs an id, a name and a language");
        return false;
    }
    QSqlQuery q(m_db);
    // A name+language that now has another id was deleted and created again.
    q.prepare(QStringLiteral("DELETE FROM templates WHERE name = ? AND language = ? AND id <> ?"));
    q.addBindValue(d.name);
    q.addBindValue(d.language);
    q.addBindValue(d.id);
    if (!q.exec())
        return fail(q, error);

    q.prepare(QStringLiteral(
        "INSERT INTO templates (id, name, language, status, status_reason, status_at, category, "
        "previous_category, quality_score, parameter_format, definition_json, synced_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET name = excluded.name, language = excluded.language, "
        "status = excluded.status, status_reason = excluded.status_reason, "
        "status_at = max(templates.status_at, excluded.status_at), "
        "category = excluded.category, previous_category = excluded.previous_category, "
        "quality_score = excluded.quality_score, parameter_format = excluded.parameter_format, "
        "definition_json = excluded.definition_json, synced_at = excluded.synced_at"));
    q.addBindValue(d.id);
    q.addBindValue(d.name);
    q.addBindValue(d.language);
    q.addBindValue(d.status.isEmpty() ? QStringLiteral("PENDING") : d.status);
    q.addBindValue(d.rejectedReason.isEmpty() ? QVariant() : QVariant(d.rejectedReason));
    q.addBindValue(syncedAtMs);
    q.addBindValue(d.category.isEmpty() ? QVariant() : QVariant(d.category));
    q.addBindValue(d.previousCategory.isEmpty() ? QVariant() : QVariant(d.previousCategory));
    q.addBindValue(d.qualityScore.isEmpty() ? QVariant() : QVariant(d.qualityScore));
    q.addBindValue(d.namedParameters ? QStringLiteral("named") : QStringLiteral("positional"));
    q.addBindValue(
        QString::fromUtf8(QJsonDocument(d.toGraphJson()).toJson(QJsonDocument::Compact)));
    q.addBindValue(syncedAtMs);
    if (!q.exec())
        return fail(q, error);
    return true;
}

bool TemplateStore::replaceAll(
    const QList<TemplateDefinition> &definitions, qint64 syncedAtMs, QString *error)
{
    if (!m_db.transaction()) {
        if (error)
            *error = m_db.lastError().text();
        return false;
    }
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("DELETE FROM templates"))) {
        m_db.rollback();
        return fail(q, error);
    }
    for (const TemplateDefinition &d : definitions) {
        if (!upsert(d, syncedAtMs, error)) {
            m_db.rollback();
            return false;
        }
    }
    if (!m_db.commit()) {
        if (error)
            *error = m_db.lastError().text();
        m_db.rollback();
        return false;
    }
    return true;
}

std::optional<TemplateDefinition> TemplateStore::find(
    const QString &name, const QString &language) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM templates WHERE name = ? AND language = ?")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(name);
    q.addBindValue(language);
    if (q.exec() && q.next())
        return fromRow(q);
    return std::nullopt;
}

std::optional<TemplateDefinition> TemplateStore::findById(const QString &id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM templates WHERE id = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return fromRow(q);
    return std::nullopt;
}

QList<TemplateDefinition> TemplateStore::findByName(const QString &name) const
{
    QList<TemplateDefinition> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM templates WHERE name = ? ORDER BY language")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(name);
    if (q.exec()) {
        while (q.next())
            out.append(fromRow(q));
    }
    return out;
}

QList<TemplateDefinition> TemplateStore::list(const QString &status) const
{
    QList<TemplateDefinition> out;
    QSqlQuery q(m_db);
    if (status.isEmpty()) {
        q.prepare(QStringLiteral("SELECT %1 FROM templates ORDER BY name, language")
                      .arg(QLatin1String(kColumns)));
    } else {
        q.prepare(
            QStringLiteral("SELECT %1 FROM templates WHERE status = ? ORDER BY name, language")
                .arg(QLatin1String(kColumns)));
        q.addBindValue(status.toUpper());
    }
    if (q.exec()) {
        while (q.next())
            out.append(fromRow(q));
    }
    return out;
}

QStringList TemplateStore::languages(const QString &name) const
{
    QStringList out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT language FROM templates WHERE name = ? ORDER BY language"));
    q.addBindValue(name);
    if (q.exec()) {
        while (q.next())
            out.append(q.value(0).toString());
    }
    return out;
}

bool TemplateStore::removeByName(const QString &name, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM templates WHERE name = ?"));
    q.addBindValue(name);
    return q.exec() || fail(q, error);
}

bool TemplateStore::removeById(const QString &id, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM templates WHERE id = ?"));
    q.addBindValue(id);
    return q.exec() || fail(q, error);
}

bool TemplateStore::recordEdit(const QString &templateId, qint64 atMs, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO template_edits (template_id, edited_at) VALUES (?, ?)"));
    q.addBindValue(templateId);
    q.addBindValue(atMs);
    return q.exec() || fail(q, error);
}

QList<qint64> TemplateStore::editTimes(const QString &templateId) const
{
    QList<qint64> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT edited_at FROM template_edits WHERE template_id = ? ORDER BY edited_at"));
    q.addBindValue(templateId);
    if (q.exec()) {
        while (q.next())
            out.append(q.value(0).toLongLong());
    }
    return out;
}

} // namespace parley::core
