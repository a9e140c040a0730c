#pragma once

#include <QString>

namespace parley::core {

// E.164 normalization with libphonenumber. Numbers without a leading '+' or international
// prefix are read in the default region (an ISO 3166 code, "US" by default, configurable).
class PhoneNumber
{
public:
    // "+1 (650) 555-1234", "0044 20 7946 0958", "16505551234" (with +) ... -> "+16505551234".
    // Returns an empty string and sets *error for input that is not a valid number.
    static QString toE164(const QString &input, const QString &defaultRegion = QStringLiteral("US"),
        QString *error = nullptr);
    // A business-scoped user id: "US.13491208655302741918" (country, '.', up to 128 alphanumerics).
    static bool isBsuid(const QString &input);
    // E.164 without '+': the wa_id form Meta uses in webhooks.
    static QString waId(const QString &e164);
};

} // namespace parley::core
