#pragma once

#include "templates/TemplateDefinition.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace parley::core {

// The `templates` table (schema step 0005): one row per template id (a name in one language).
// Status, quality and category are also kept current by triggers on `template_events`, which the
// webhook parser fills, so this class never needs to know about webhooks.
class TemplateStore
{
public:
    // db: an open, migrated connection of the calling thread.
    explicit TemplateStore(QSqlDatabase db);

    // Inserts or replaces by id (and by name+language, so a re-created template replaces the
    // deleted one). syncedAtMs: when Meta returned it.
    bool upsert(const TemplateDefinition &definition, qint64 syncedAtMs, QString *error);
    // Replaces the whole table with what a full sync returned, in one transaction: templates
    // that Meta no longer lists are removed.
    bool replaceAll(
        const QList<TemplateDefinition> &definitions, qint64 syncedAtMs, QString *error);

    std::optional<TemplateDefinition> find(const QString &name, const QString &language) const;
    std::optional<TemplateDefinition> findById(const QString &id) const;
    // Every language of a name, ordered by language.
    QList<TemplateDefinition> findByName(const QString &name) const;
    // status: empty for all. Ordered by name, then language.
    QList<TemplateDefinition> list(const QString &status = {}) const;
    QStringList languages(const QString &name) const;

    bool removeByName(const QString &name, QString *error);
    bool removeById(const QString &id, QString *error);

    // Edits of an approved template: Meta allows 10 per 30 days and 1 per 24 hours.
    bool recordEdit(const QString &templateId, qint64 atMs, QString *error);
    QList<qint64> editTimes(const QString &templateId) const;

    QSqlDatabase database() const { return m_db; }

private:
    QSqlDatabase m_db;
};

} // namespace parley::core
