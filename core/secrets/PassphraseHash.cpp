#include "secrets/PassphraseHash.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace parley::core {

namespace {
const QString kHash = QStringLiteral("admin/passphrase_hash");
const QString kSalt = QStringLiteral("admin/passphrase_salt");
const QString kIterations = QStringLiteral("admin/passphrase_iterations");

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}
} // namespace

QByteArray PassphraseHash::derive(const QString &passphrase, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(
        QCryptographicHash::Sha256, passphrase.toUtf8(), salt, iterations, HashBytes);
}

PassphraseHash PassphraseHash::create(const QString &passphrase, int iterations)
{
    PassphraseHash h;
    h.salt.resize(SaltBytes);
    QRandomGenerator::system()->generate(h.salt.begin(), h.salt.end());
    h.iterations = iterations;
    h.hash = derive(passphrase, h.salt, iterations);
    return h;
}

bool PassphraseHash::constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // Every byte is looked at whatever the first difference: the time says nothing about where.
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    const qsizetype n = qMin(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

bool PassphraseHash::verify(const QString &passphrase) const
{
    if (!isSet())
        return false;
    return constantTimeEquals(derive(passphrase, salt, iterations), hash);
}

PassphraseHash PassphraseHash::load(QSqlDatabase &db, QString *error)
{
    PassphraseHash h;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT key, value FROM settings WHERE key IN ('%1', '%2', '%3')")
                    .arg(kHash, kSalt, kIterations))) {
        fail(error, q.lastError().text());
        return h;
    }
    int found = 0;
    while (q.next()) {
        ++found;
        const QString key = q.value(0).toString();
        const QString value = q.value(1).toString();
        if (key == kHash)
            h.hash = QByteArray::fromBase64(value.toLatin1());
        else if (key == kSalt)
            h.salt = QByteArray::fromBase64(value.toLatin1());
        else
            h.iterations = value.toInt();
    }
    if (found > 0 && (!h.isSet() || h.hash.size() != HashBytes)) {
        fail(error, QStringLiteral("the stored admin passphrase record is damaged"));
        return PassphraseHash{};
    }
    return h;
}

bool PassphraseHash::save(QSqlDatabase &db, QString *error) const
{
    if (!isSet())
        return fail(error, QStringLiteral("no passphrase hash to save"));
    if (!db.transaction())
        return fail(error, db.lastError().text());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    const QList<QPair<QString, QString>> rows = {
        {kHash, QString::fromLatin1(hash.toBase64())},
        {kSalt, QString::fromLatin1(salt.toBase64())},
        {kIterations, QString::number(iterations)},
    };
    for (const auto &[key, value] : rows) {
        q.addBindValue(key);
        q.addBindValue(value);
        if (!q.exec()) {
            const QString message = q.lastError().text();
            db.rollback();
            return fail(error, message);
        }
    }
    if (!db.commit())
        return fail(error, db.lastError().text());
    return true;
}

bool PassphraseHash::clear(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("DELETE FROM settings WHERE key IN ('%1', '%2', '%3')")
                    .arg(kHash, kSalt, kIterations)))
        return fail(error, q.lastError().text());
    return true;
}

} // namespace parley::core
