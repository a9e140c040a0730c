#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace parley::core {

// Throughput per business number (FACTS.md §8): 80 messages/s by default, up to 1,000 after
// Meta's upgrade, 20 fixed for a coexistence number (one also used with the WhatsApp Business
// app). Rates come from the command line (`--number-mps PNID=RATE`, `--coexistence PNID`) or from
// the store's settings table (key `outbox.mps.<PNID>`, written by `parleyctl outbox rate`); the
// Scheduler keeps one token bucket per number at its rate.
class NumberRates
{
public:
    static constexpr double kDefault = 80;
    static constexpr double kMaximum = 1000;
    static constexpr double kCoexistence = 20;

    // A rate in (0, 1000]; otherwise false with a message that says what is allowed.
    static bool validate(double rate, QString *error);
    // "RATE", "coexistence" (20) or "default" (80) -> rate.
    static bool parseRate(const QString &text, double *rate, QString *error);
    // "PNID=RATE" (RATE as in parseRate).
    static bool parseSpec(
        const QString &spec, QString *phoneNumberId, double *rate, QString *error);
    static bool isPhoneNumberId(const QString &id);
    // The command line's `--number-mps PNID=RATE`... and `--coexistence PNID`... into `rates`;
    // the first invalid one gives false and its error.
    static bool fromArguments(const QStringList &numberMps, const QStringList &coexistence,
        QHash<QString, double> *rates, QString *error);

    static QString settingsKey(const QString &phoneNumberId);
    // Every stored rate; rows that do not hold a valid rate are skipped with a warning.
    static QHash<QString, double> load(QSqlDatabase db, QString *error = nullptr);
    // Stores a rate (validated); rate <= 0 removes the number's setting (back to the default).
    static bool save(QSqlDatabase db, const QString &phoneNumberId, double rate, QString *error);
};

} // namespace parley::core
