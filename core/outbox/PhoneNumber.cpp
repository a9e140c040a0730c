#include "outbox/PhoneNumber.h"

#include <QRegularExpression>

#include <phonenumbers/phonenumberutil.h>

#include <string>

namespace parley::core {

QString PhoneNumber::toE164(const QString &input, const QString &defaultRegion, QString *error)
{
    using i18n::phonenumbers::PhoneNumberUtil;
    const auto *util = PhoneNumberUtil::GetInstance();
    const QString trimmed = input.trimmed();
    if (trimmed.isEmpty()) {
        if (error)
            *error = QStringLiteral("empty phone number");
        return {};
    }
    i18n::phonenumbers::PhoneNumber number;
    const auto rc
        = util->Parse(trimmed.toStdString(), defaultRegion.toUpper().toStdString(), &number);
    if (rc != PhoneNumberUtil::NO_PARSING_ERROR) {
        if (error)
            *error = QStringLiteral("not a phone number: \"%1\"").arg(trimmed);
        return {};
    }
    if (!util->IsValidNumber(number)) {
        if (error)
            *error = QStringLiteral("not a valid phone number: \"%1\"").arg(trimmed);
        return {};
    }
    std::string out;
    util->Format(number, PhoneNumberUtil::E164, &out);
    return QString::fromStdString(out);
}

bool PhoneNumber::isBsuid(const QString &input)
{
    static const QRegularExpression re(QStringLiteral("^[A-Z]{2}\\.[A-Za-z0-9]{1,125}$"));
    return re.match(input).hasMatch();
}

QString PhoneNumber::waId(const QString &e164)
{
    return e164.startsWith(QLatin1Char('+')) ? e164.mid(1) : e164;
}

} // namespace parley::core
