#pragma once

#include <QByteArrayView>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>
#include <QVariant>

#include <string_view>

namespace parley::core {

// One column value of a parsed webhook record: NULL, a boolean, an integer, a double, or UTF-8
// text. Text is a view (into the webhook body or the ParsedWebhook's own buffers), so a value is
// valid only as long as the ParsedWebhook it came from (or a copy of it) lives. 16 bytes,
// trivially copyable. The accessors follow QVariant's, so that call sites read the same.
class ParsedValue
{
public:
    enum class Type : quint8 { Null, Bool, Integer, Double, Text };

    ParsedValue() = default;
    static ParsedValue fromBool(bool b)
    {
        ParsedValue v(Type::Bool);
        v.m_int = b ? 1 : 0;
        return v;
    }
    static ParsedValue fromInteger(qint64 n)
    {
        ParsedValue v(Type::Integer);
        v.m_int = n;
        return v;
    }
    static ParsedValue fromDouble(double d)
    {
        ParsedValue v(Type::Double);
        v.m_double = d;
        return v;
    }
    // The bytes must be valid UTF-8 and outlive the value.
    static ParsedValue fromUtf8(std::string_view text)
    {
        ParsedValue v(Type::Text);
        v.m_text = text.data() ? text.data() : "";
        v.m_size = qint32(text.size());
        return v;
    }

    Type type() const { return m_type; }
    bool isValid() const { return m_type != Type::Null; } // like QVariant: false for NULL
    bool isNull() const { return m_type == Type::Null; }
    bool isText() const { return m_type == Type::Text; }

    // The UTF-8 of a text value; empty for anything else.
    std::string_view utf8() const
    {
        return m_type == Type::Text ? std::string_view(m_text, size_t(m_size)) : std::string_view();
    }
    // True for a text value with exactly these bytes.
    bool textEquals(std::string_view text) const { return isText() && utf8() == text; }

    // As QVariant converts: NULL -> QString(), numbers as decimal text, bools "true"/"false".
    QString toString() const;
    qint64 toLongLong(bool *ok = nullptr) const;
    double toDouble(bool *ok = nullptr) const;
    bool toBool() const;
    QVariant toVariant() const; // NULL -> invalid QVariant, text -> QString
    QJsonValue toJsonValue() const; // NULL -> null

    // UTF-8 -> QString keeping a leading U+FEFF (QString::fromUtf8 drops it as a byte order
    // mark; in a JSON string it is a character like any other).
    static QString utf8ToString(std::string_view utf8);

    // Same type and value (texts by their bytes).
    bool operator==(const ParsedValue &other) const;

private:
    explicit ParsedValue(Type type) : m_type(type) { }

    Type m_type = Type::Null;
    qint32 m_size = 0;
    union {
        qint64 m_int = 0;
        double m_double;
        const char *m_text;
    };
};

} // namespace parley::core
