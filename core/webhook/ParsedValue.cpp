#include "webhook/ParsedValue.h"

#include <QLocale>

namespace parley::core {

QString ParsedValue::toString() const
{
    switch (m_type) {
    case Type::Null: return QString();
    case Type::Bool: return m_int ? QStringLiteral("true") : QStringLiteral("false");
    case Type::Integer: return QString::number(m_int);
    case Type::Double: return QString::number(m_double, 'g', QLocale::FloatingPointShortest);
    case Type::Text: return utf8ToString(utf8());
    }
    return QString();
}

QString ParsedValue::utf8ToString(std::string_view utf8)
{
    if (utf8.size() >= 3 && utf8.substr(0, 3) == "\xEF\xBB\xBF")
        return QChar(0xFEFF) + utf8ToString(utf8.substr(3));
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

qint64 ParsedValue::toLongLong(bool *ok) const
{
    if (ok)
        *ok = m_type != Type::Null;
    switch (m_type) {
    case Type::Null: return 0;
    case Type::Bool:
    case Type::Integer: return m_int;
    case Type::Double: return qint64(qRound64(m_double));
    case Type::Text: return toString().toLongLong(ok);
    }
    return 0;
}

double ParsedValue::toDouble(bool *ok) const
{
    if (ok)
        *ok = m_type != Type::Null;
    switch (m_type) {
    case Type::Null: return 0;
    case Type::Bool:
    case Type::Integer: return double(m_int);
    case Type::Double: return m_double;
    case Type::Text: return toString().toDouble(ok);
    }
    return 0;
}

bool ParsedValue::toBool() const
{
    switch (m_type) {
    case Type::Null: return false;
    case Type::Bool:
    case Type::Integer: return m_int != 0;
    case Type::Double: return m_double != 0;
    case Type::Text: {
        const std::string_view t = utf8();
        return !t.empty() && t != "0" && t != "false";
    }
    }
    return false;
}

QVariant ParsedValue::toVariant() const
{
    switch (m_type) {
    case Type::Null: return QVariant();
    case Type::Bool: return QVariant(m_int != 0);
    case Type::Integer: return QVariant(m_int);
    case Type::Double: return QVariant(m_double);
    case Type::Text: return QVariant(toString());
    }
    return QVariant();
}

QJsonValue ParsedValue::toJsonValue() const
{
    switch (m_type) {
    case Type::Null: return QJsonValue(QJsonValue::Null);
    case Type::Bool: return QJsonValue(m_int != 0);
    case Type::Integer: return QJsonValue(m_int);
    case Type::Double: return QJsonValue(m_double);
    case Type::Text: return QJsonValue(toString());
    }
    return QJsonValue(QJsonValue::Null);
}

bool ParsedValue::operator==(const ParsedValue &other) const
{
    if (m_type != other.m_type)
        return false;
    switch (m_type) {
    case Type::Null: return true;
    case Type::Bool:
    case Type::Integer: return m_int == other.m_int;
    case Type::Double: return m_double == other.m_double;
    case Type::Text: return utf8() == other.utf8();
    }
    return false;
}

} // namespace parley::core
