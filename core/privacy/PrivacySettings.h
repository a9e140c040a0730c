#pragma once

#include <QSqlDatabase>
#include <QString>

namespace parley::core {

// The admin's privacy choices, kept in the store's settings table (schema 0001) so that the
// console and parleyctl agree: keys privacy/retention_days, privacy/mask_phones,
// privacy/last_purge_at.
struct PrivacySettings
{
    int retentionDays = 0; // 0: retention off (the default), message bodies are kept
    bool maskPhones = false; // agent seats see masked numbers in the list and the contact panel
    qint64 lastPurgeAtSecs = 0; // when the console last applied the retention (unix seconds)

    bool retentionOn() const { return retentionDays > 0; }

    // Missing keys are the defaults; *error only when the table cannot be read.
    static PrivacySettings load(QSqlDatabase &db, QString *error = nullptr);
    bool save(QSqlDatabase &db, QString *error = nullptr) const;
};

} // namespace parley::core
