#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::core {

// A read-only JSON reader for the webhook hot path: parses a UTF-8 body once into a flat vector
// of nodes holding byte offsets into the body, so that strings and the raw text of any value are
// views into the body (no QString, no QVariant, no re-serialization). Strings that contain
// escapes are unescaped once, at parse time, into an arena owned by the view.
//
// Validation is RFC 8259's, plus what QJsonDocument::fromJson adds, so that whatever it rejected
// is still rejected: the top level must be an object or an array, numbers must fit a double,
// nesting is limited to kMaxDepth (QJsonDocument's 1024), strings must be valid UTF-8 (no
// overlong forms, no surrogates, nothing above U+10FFFF). A UTF-8 byte order mark is skipped, as
// QJsonDocument does. Stricter than QJsonDocument: control characters in strings, unknown escapes
// ("\x"), "1." and ".5" are errors. A lone surrogate escape ("\ud800") becomes U+FFFD
// (QJsonDocument kept it, and QString::toUtf8 then wrote '?'). A U+FEFF at the start of a string is
// kept (QJsonDocument's QString::fromUtf8 dropped it). Duplicate keys: lookups find the last one,
// as QJsonObject keeps it.
//
// The parser is iterative (no recursion: a 3 MiB "[[[[..." is an error, not a stack overflow),
// throws nothing and asserts nothing on its input.
class JsonView
{
public:
    enum class Type : quint8 { Undefined, Null, False, True, Number, String, Array, Object };
    static constexpr int kMaxDepth = 1024;

    class Value;
    class ElementRange;
    class MemberRange;

    JsonView() = default;

    // Parses body. The view keeps a shallow (implicitly shared) copy of it: what it returns
    // points into that copy and into the view's own arena, so it stays valid as long as the
    // view does. (A QByteArray::fromRawData body must itself outlive the view.) False, with
    // error() and errorOffset(), when the body is not valid JSON.
    bool parse(const QByteArray &body);

    bool isValid() const { return !m_nodes.empty(); }
    const QString &error() const { return m_error; }
    qsizetype errorOffset() const { return m_errorOffset; }
    const QByteArray &body() const { return m_body; }
    Value root() const;

private:
    friend class Value;
    friend class ElementRange;
    friend class MemberRange;
    friend struct JsonViewParser;

    struct Node
    {
        quint32 begin = 0; // byte offsets of the value's text in the body: [begin, end)
        quint32 end = 0;
        quint32 after = 0; // index of the node after this value's subtree
        // Containers: element (member) count. Strings: 0, or 1 + the arena offset of the
        // unescaped text (a 4-byte length, then the bytes). Numbers: 1 for an integer literal.
        quint32 aux = 0;
        Type type = Type::Undefined;
    };

    std::string_view stringAt(quint32 index) const;

    QByteArray m_body;
    std::vector<Node> m_nodes;
    std::string m_arena;
    QString m_error;
    qsizetype m_errorOffset = 0;
};

// A value of a JsonView (a node index), or Undefined: looking up a missing key, or a key of a
// non-object, gives Undefined rather than failing, like QJsonValue. Valid while its view is.
class JsonView::Value
{
public:
    Value() = default;

    Type type() const { return m_view ? m_view->m_nodes[m_index].type : Type::Undefined; }
    bool isUndefined() const { return type() == Type::Undefined; }
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::True || type() == Type::False; }
    bool isNumber() const { return type() == Type::Number; }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    bool isObject() const { return type() == Type::Object; }

    bool toBool() const { return type() == Type::True; }
    // The unescaped UTF-8 of a string; empty for anything else.
    std::string_view string() const;
    // The exact bytes of this value in the body (an object's from '{' to '}'); empty when
    // Undefined.
    std::string_view raw() const;
    // A number written as an integer ("-12", no fraction or exponent) that fits in 64 bits.
    bool toInt64(qint64 *out) const;
    // Any number as a double (0 for non-numbers).
    double toDouble() const;

    // The member of an object with this key (the last one if repeated), else Undefined.
    Value operator[](std::string_view key) const;
    bool contains(std::string_view key) const { return !(*this)[key].isUndefined(); }
    // Elements of an array / members of an object; 0 for anything else.
    qsizetype size() const;

    ElementRange elements() const; // empty unless an array
    MemberRange members() const; // empty unless an object

private:
    friend class JsonView;
    friend class ElementRange;
    friend class MemberRange;
    Value(const JsonView *view, quint32 index) : m_view(view), m_index(index) { }

    const JsonView *m_view = nullptr;
    quint32 m_index = 0;
};

class JsonView::ElementRange
{
public:
    class Iterator
    {
    public:
        Value operator*() const { return Value(m_view, m_index); }
        Iterator &operator++()
        {
            m_index = m_view->m_nodes[m_index].after;
            return *this;
        }
        bool operator==(const Iterator &other) const { return m_index == other.m_index; }

    private:
        friend class ElementRange;
        Iterator(const JsonView *view, quint32 index) : m_view(view), m_index(index) { }
        const JsonView *m_view;
        quint32 m_index;
    };

    Iterator begin() const { return Iterator(m_view, m_first); }
    Iterator end() const { return Iterator(m_view, m_end); }
    bool isEmpty() const { return m_first == m_end; }
    Value first() const { return isEmpty() ? Value() : Value(m_view, m_first); }

private:
    friend class Value;
    ElementRange(const JsonView *view, quint32 first, quint32 end)
        : m_view(view), m_first(first), m_end(end)
    {
    }
    const JsonView *m_view;
    quint32 m_first;
    quint32 m_end;
};

class JsonView::MemberRange
{
public:
    struct Member
    {
        std::string_view key;
        Value value;
    };
    class Iterator
    {
    public:
        Member operator*() const
        {
            return {m_view->stringAt(m_index), Value(m_view, m_view->m_nodes[m_index].after)};
        }
        Iterator &operator++()
        {
            m_index = m_view->m_nodes[m_view->m_nodes[m_index].after].after;
            return *this;
        }
        bool operator==(const Iterator &other) const { return m_index == other.m_index; }

    private:
        friend class MemberRange;
        Iterator(const JsonView *view, quint32 index) : m_view(view), m_index(index) { }
        const JsonView *m_view;
        quint32 m_index; // the key's node
    };

    Iterator begin() const { return Iterator(m_view, m_first); }
    Iterator end() const { return Iterator(m_view, m_end); }

private:
    friend class Value;
    MemberRange(const JsonView *view, quint32 first, quint32 end)
        : m_view(view), m_first(first), m_end(end)
    {
    }
    const JsonView *m_view;
    quint32 m_first;
    quint32 m_end;
};

} // namespace parley::core
