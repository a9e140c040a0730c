#include "privacy/PrivacySettings.h"

#include <QSqlError>
#include <QSqlQuery>

namespace parley::core {

namespace {
const QString kRetention = QStringLiteral("privacy/retention_days");
const QString kMask = QStringLiteral("privacy/mask_phones");
const QString kLastPurge = QStringLiteral("privacy/last_purge_at");
} // namespace

PrivacySettings PrivacySettings::load(QSqlDatabase &db, QString *error)
{
    PrivacySettings s;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT key, value FROM settings WHERE key IN ('%1', '%2', '%3')")
                    .arg(kRetention, kMask, kLastPurge))) {
        if (error)
            *error = q.lastError().text();
        return s;
    }
    while (q.next()) {
        const QString key = q.value(0).toString();
        if (key == kRetention)
            s.retentionDays = qMax(0, q.value(1).toInt());
        else if (key == kMask)
            s.maskPhones = q.value(1).toString() == QLatin1String("1");
        else
            s.lastPurgeAtSecs = q.value(1).toLongLong();
    }
    return s;
}

bool PrivacySettings::save(QSqlDatabase &db, QString *error) const
{
    if (!db.transaction()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    const QList<QPair<QString, QString>> rows = {
        {kRetention, QString::number(qMax(0, retentionDays))},
        {kMask, maskPhones ? QStringLiteral("1") : QStringLiteral("0")},
        {kLastPurge, QString::number(lastPurgeAtSecs)},
    };
    for (const auto &[key, value] : rows) {
        q.addBindValue(key);
        q.addBindValue(value);
        if (!q.exec()) {
            if (error)
                *error = q.lastError().text();
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    return true;
}

} // namespace parley::core
