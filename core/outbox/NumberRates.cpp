#include "outbox/NumberRates.h"

#include "common/Log.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>

namespace parley::core {

namespace {
const QLatin1String kPrefix("outbox.mps.");
} // namespace

bool NumberRates::validate(double rate, QString *error)
{
    if (!std::isfinite(rate) || rate <= 0) {
        *error = QStringLiteral("a throughput must be more than 0 messages/s (got %1); Meta's "
                                "default is 80, 20 for a coexistence number")
                     .arg(rate);
        return false;
    }
    if (rate > kMaximum) {
        *error = QStringLiteral("a throughput of %1 messages/s is above 1000, the highest Meta "
                                "grants a business number")
                     .arg(rate);
        return false;
    }
    return true;
}

bool NumberRates::parseRate(const QString &text, double *rate, QString *error)
{
    const QString t = text.trimmed();
    if (t.compare(QLatin1String("coexistence"), Qt::CaseInsensitive) == 0) {
        *rate = kCoexistence;
        return true;
    }
    if (t.compare(QLatin1String("default"), Qt::CaseInsensitive) == 0) {
        *rate = kDefault;
        return true;
    }
    bool ok = false;
    const double value = t.toDouble(&ok);
    if (!ok) {
        *error = QStringLiteral("'%1' is not a throughput: give messages/s (1 to 1000), "
                                "'coexistence' (20) or 'default' (80)")
                     .arg(text);
        return false;
    }
    if (!validate(value, error))
        return false;
    *rate = value;
    return true;
}

bool NumberRates::isPhoneNumberId(const QString &id)
{
    if (id.isEmpty() || id.size() > 32)
        return false;
    for (const QChar c : id) {
        if (!c.isDigit())
            return false;
    }
    return true;
}

bool NumberRates::parseSpec(
    const QString &spec, QString *phoneNumberId, double *rate, QString *error)
{
    const qsizetype eq = spec.indexOf(QLatin1Char('='));
    if (eq < 0) {
        *error = QStringLiteral("'%1': expected PHONE_NUMBER_ID=RATE").arg(spec);
        return false;
    }
    const QString id = spec.left(eq).trimmed();
    if (!isPhoneNumberId(id)) {
        *error = QStringLiteral("'%1': '%2' is not a phone number id (the digits Meta gives the "
                                "business number)")
                     .arg(spec, id);
        return false;
    }
    QString rateError;
    if (!parseRate(spec.mid(eq + 1), rate, &rateError)) {
        *error = QStringLiteral("%1: %2").arg(id, rateError);
        return false;
    }
    *phoneNumberId = id;
    return true;
}

bool NumberRates::fromArguments(const QStringList &numberMps, const QStringList &coexistence,
    QHash<QString, double> *rates, QString *error)
{
    for (const QString &spec : numberMps) {
        QString id;
        double rate = 0;
        if (!parseSpec(spec, &id, &rate, error)) {
            *error = QStringLiteral("--number-mps ") + *error;
            return false;
        }
        rates->insert(id, rate);
    }
    for (const QString &id : coexistence) {
        if (!isPhoneNumberId(id.trimmed())) {
            *error = QStringLiteral("--coexistence '%1' is not a phone number id").arg(id);
            return false;
        }
        rates->insert(id.trimmed(), kCoexistence);
    }
    return true;
}

QString NumberRates::settingsKey(const QString &phoneNumberId)
{
    return kPrefix + phoneNumberId;
}

QHash<QString, double> NumberRates::load(QSqlDatabase db, QString *error)
{
    QHash<QString, double> rates;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT key, value FROM settings WHERE key LIKE 'outbox.mps.%'"));
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return rates;
    }
    while (q.next()) {
        const QString id = q.value(0).toString().mid(kPrefix.size());
        bool ok = false;
        const double rate = q.value(1).toString().toDouble(&ok);
        QString why;
        if (!isPhoneNumberId(id) || !ok || !validate(rate, &why)) {
            qCWarning(lcOutbox).noquote() << "ignoring setting" << q.value(0).toString() << "="
                                          << q.value(1).toString() << why;
            continue;
        }
        rates.insert(id, rate);
    }
    return rates;
}

bool NumberRates::save(QSqlDatabase db, const QString &phoneNumberId, double rate, QString *error)
{
    if (!isPhoneNumberId(phoneNumberId)) {
        *error = QStringLiteral("'%1' is not a phone number id").arg(phoneNumberId);
        return false;
    }
    QSqlQuery q(db);
    if (rate <= 0) {
        q.prepare(QStringLiteral("DELETE FROM settings WHERE key = ?"));
        q.addBindValue(settingsKey(phoneNumberId));
    } else {
        if (!validate(rate, error))
            return false;
        q.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) ON "
                                 "CONFLICT(key) DO UPDATE SET value = excluded.value"));
        q.addBindValue(settingsKey(phoneNumberId));
        q.addBindValue(QString::number(rate));
    }
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace parley::core
