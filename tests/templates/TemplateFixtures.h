#pragma once

// Shared by the template tests: Meta's documented template examples under fixtures/templates/.
#include "templates/TemplateDefinition.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace parley::test {

inline QString templateFixtureDir()
{
    return QStringLiteral(PARLEY_SOURCE_DIR "/fixtures/templates");
}

inline QJsonObject readTemplateFixture(const QString &relativePath)
{
    QFile f(templateFixtureDir() + QLatin1Char('/') + relativePath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

inline QStringList createFixtureNames()
{
    return QDir(templateFixtureDir() + QStringLiteral("/create"))
        .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}

// A create request as Meta would list it once approved: the synced definition of that template.
inline core::TemplateDefinition approvedFromCreate(const QJsonObject &request, const QString &id)
{
    QJsonObject synced = request;
    synced.insert(QStringLiteral("id"), id);
    synced.insert(QStringLiteral("status"), QStringLiteral("APPROVED"));
    return core::TemplateDefinition::fromGraphJson(synced);
}

} // namespace parley::test
