#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

namespace parley::core {

// The admin passphrase as it is stored: PBKDF2-HMAC-SHA256 with a random 16-byte salt and a slow
// iteration count. The store's settings table keeps the hash, the salt and the count (never the
// passphrase); verify() compares in constant time.
struct PassphraseHash
{
    static constexpr int DefaultIterations = 200'000;
    static constexpr int SaltBytes = 16;
    static constexpr int HashBytes = 32;

    QByteArray hash;
    QByteArray salt;
    int iterations = 0;

    bool isSet() const { return !hash.isEmpty() && !salt.isEmpty() && iterations > 0; }

    // A new random salt; slow on purpose (hundreds of ms): call it off the UI thread.
    static PassphraseHash create(const QString &passphrase, int iterations = DefaultIterations);
    static QByteArray derive(const QString &passphrase, const QByteArray &salt, int iterations);
    bool verify(const QString &passphrase) const;
    static bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

    // The settings table (schema 0001): keys admin/passphrase_hash, admin/passphrase_salt (both
    // base64) and admin/passphrase_iterations. load() answers an unset hash when none is stored
    // and sets *error only when the table cannot be read or the stored record is damaged.
    static PassphraseHash load(QSqlDatabase &db, QString *error = nullptr);
    bool save(QSqlDatabase &db, QString *error = nullptr) const;
    static bool clear(QSqlDatabase &db, QString *error = nullptr);
};

} // namespace parley::core
