#include "webhook/JsonView.h"
#include "webhook/HexDigit.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace parley::core {

namespace {

bool isWhitespace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// The length of the valid UTF-8 sequence (2..4 bytes) starting at p (a byte >= 0x80), or 0.
// RFC 3629: no overlong forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF.
int utf8SequenceLength(const unsigned char *p, const unsigned char *end)
{
    const unsigned char c = p[0];
    auto cont = [&](int i) { return p + i < end && (p[i] & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF)
        return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(1) || !cont(2))
            return 0;
        if (c == 0xE0 && p[1] < 0xA0)
            return 0; // overlong
        if (c == 0xED && p[1] >= 0xA0)
            return 0; // a surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3))
            return 0;
        if (c == 0xF0 && p[1] < 0x90)
            return 0; // overlong
        if (c == 0xF4 && p[1] >= 0x90)
            return 0; // above U+10FFFF
        return 4;
    }
    return 0;
}

// The first byte at or after p that a string scan must look at: '"', '\\', a control character
// or a non-ASCII byte (UTF-8 to validate). Most of a webhook body is plain ASCII in strings, so
// this is the parser's inner loop: 16 bytes at a time where SSE2 is there (every x86-64).
const char *skipPlainStringBytes(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(0x20);
    while (end - p >= 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        // As signed bytes, both control characters (< 0x20) and non-ASCII (>= 0x80, negative)
        // are less than 0x20.
        const __m128i special = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)),
            _mm_cmplt_epi8(bytes, space));
        const int mask = _mm_movemask_epi8(special);
        if (mask != 0)
            return p + __builtin_ctz(unsigned(mask));
        p += 16;
    }
#endif
    while (p < end) {
        const unsigned char c = static_cast<unsigned char>(*p);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
            return p;
        ++p;
    }
    return p;
}

void appendUtf8(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

} // namespace

// The parser proper: one pass over the body, an explicit stack of open containers.
struct JsonViewParser
{
    using Node = JsonView::Node;
    using Type = JsonView::Type;

    JsonView &view;
    const char *const start;
    const char *const end;
    const char *p;
    std::vector<quint32> stack; // indices of the open containers

    JsonViewParser(JsonView &v, const char *data, qsizetype size)
        : view(v), start(data), end(data + size), p(data)
    {
    }

    bool fail(const char *what)
    {
        view.m_error = QString::fromLatin1(what);
        view.m_errorOffset = p - start;
        return false;
    }

    quint32 offset(const char *at) const { return quint32(at - start); }

    void skipWhitespace()
    {
        while (p < end && isWhitespace(*p))
            ++p;
    }

    quint32 addNode(Type type, const char *begin)
    {
        Node node;
        node.type = type;
        node.begin = offset(begin);
        view.m_nodes.push_back(node);
        return quint32(view.m_nodes.size() - 1);
    }

    // A value (not a container) ends at p: close its node.
    void finishScalar(quint32 index)
    {
        Node &node = view.m_nodes[index];
        node.end = offset(p);
        node.after = index + 1;
    }

    bool parseString()
    {
        const quint32 index = addNode(Type::String, p);
        ++p; // the opening quote
        const char *const textBegin = p;
        std::string &arena = view.m_arena;
        size_t arenaStart = std::string::npos; // set at the first escape
        const char *copied = textBegin; // bytes before this are in the arena already
        for (;;) {
            p = skipPlainStringBytes(p, end);
            if (p >= end)
                return fail("unterminated string");
            const unsigned char c = static_cast<unsigned char>(*p);
            if (c == '"')
                break;
            if (c < 0x20)
                return fail("control character in a string");
            if (c >= 0x80) {
                const int n = utf8SequenceLength(reinterpret_cast<const unsigned char *>(p),
                    reinterpret_cast<const unsigned char *>(end));
                if (n == 0)
                    return fail("invalid UTF-8 in a string");
                p += n;
                continue;
            }
            if (arenaStart == std::string::npos) {
                arenaStart = arena.size();
                arena.append(4, '\0'); // the length, written at the end
            }
            arena.append(copied, size_t(p - copied));
            if (p + 1 >= end)
                return fail("unterminated string");
            const char e = p[1];
            p += 2;
            switch (e) {
            case '"': arena += '"'; break;
            case '\\': arena += '\\'; break;
            case '/': arena += '/'; break;
            case 'b': arena += '\b'; break;
            case 'f': arena += '\f'; break;
            case 'n': arena += '\n'; break;
            case 'r': arena += '\r'; break;
            case 't': arena += '\t'; break;
            case 'u': {
                char32_t cp = 0;
                if (!readHex4(&cp))
                    return fail("invalid \\u escape");
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    // A high surrogate: a pair only with a low surrogate escape right after.
                    char32_t low = 0;
                    const char *const save = p;
                    if (end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
                        p += 2;
                        if (readHex4(&low) && low >= 0xDC00 && low <= 0xDFFF)
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        else
                            p = save;
                    }
                    if (p == save)
                        cp = 0xFFFD;
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    cp = 0xFFFD; // a lone low surrogate
                }
                appendUtf8(arena, cp);
                break;
            }
            default: p -= 1; return fail("invalid escape sequence");
            }
            copied = p;
        }
        if (arenaStart != std::string::npos) {
            arena.append(copied, size_t(p - copied));
            const quint32 length = quint32(arena.size() - arenaStart - 4);
            std::memcpy(&arena[arenaStart], &length, 4);
            view.m_nodes[index].aux = quint32(arenaStart) + 1;
        }
        ++p; // the closing quote
        finishScalar(index);
        return true;
    }

    bool readHex4(char32_t *out)
    {
        if (end - p < 4)
            return false;
        char32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexDigitValue(p[i]);
            if (h < 0)
                return false;
            v = (v << 4) | char32_t(h);
        }
        p += 4;
        *out = v;
        return true;
    }

    bool parseNumber()
    {
        const quint32 index = addNode(Type::Number, p);
        const char *const begin = p;
        if (*p == '-')
            ++p;
        if (p >= end || !isDigit(*p))
            return fail("illegal number");
        if (*p == '0') {
            ++p;
        } else {
            while (p < end && isDigit(*p))
                ++p;
        }
        bool integer = true;
        if (p < end && *p == '.') {
            integer = false;
            ++p;
            if (p >= end || !isDigit(*p))
                return fail("illegal number");
            while (p < end && isDigit(*p))
                ++p;
        }
        if (p < end && (*p == 'e' || *p == 'E')) {
            integer = false;
            ++p;
            if (p < end && (*p == '+' || *p == '-'))
                ++p;
            if (p >= end || !isDigit(*p))
                return fail("illegal number");
            while (p < end && isDigit(*p))
                ++p;
        }
        // Up to 18 digits always fits a qint64; beyond that, or with a fraction or exponent,
        // the value must fit a double (QJsonDocument rejects 1e400 and 1e-400 too).
        const qsizetype digits = (p - begin) - (*begin == '-' ? 1 : 0);
        if (!integer || digits > 18) {
            double d = 0;
            const auto [ptr, ec] = std::from_chars(begin, p, d);
            if (ec != std::errc() || ptr != p || !std::isfinite(d)) {
                p = begin;
                return fail("number out of range");
            }
        }
        view.m_nodes[index].aux = integer ? 1 : 0;
        finishScalar(index);
        return true;
    }

    bool parseLiteral(const char *word, size_t length, Type type)
    {
        if (size_t(end - p) < length || std::memcmp(p, word, length) != 0)
            return fail("illegal value");
        const quint32 index = addNode(type, p);
        p += length;
        finishScalar(index);
        return true;
    }

    bool openContainer(Type type)
    {
        if (stack.size() >= size_t(JsonView::kMaxDepth))
            return fail("too deeply nested document");
        stack.push_back(addNode(type, p));
        ++p;
        return true;
    }

    // The innermost open container ends at p (its closing bracket).
    void closeContainer()
    {
        const quint32 index = stack.back();
        stack.pop_back();
        ++p;
        Node &node = view.m_nodes[index];
        node.end = offset(p);
        node.after = quint32(view.m_nodes.size());
    }

    bool run()
    {
        if (end - p >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0)
            p += 3; // a UTF-8 byte order mark, as QJsonDocument allows
        skipWhitespace();
        if (p >= end || (*p != '{' && *p != '['))
            return fail("the document is not an object or an array");
        // A rough guess at the node count saves most reallocations on large bodies.
        view.m_nodes.reserve(size_t(end - p) / 12 + 8);

        enum class State { Value, Key, AfterValue };
        State state = State::Value;
        for (;;) {
            switch (state) {
            case State::Value: {
                skipWhitespace();
                if (p >= end)
                    return fail("unexpected end of the document");
                const char c = *p;
                if (c == '{' || c == '[') {
                    const Type type = c == '{' ? Type::Object : Type::Array;
                    if (!openContainer(type))
                        return false;
                    skipWhitespace();
                    if (p < end && *p == (type == Type::Object ? '}' : ']')) {
                        closeContainer();
                        state = State::AfterValue;
                    } else {
                        state = type == Type::Object ? State::Key : State::Value;
                    }
                    continue;
                }
                bool ok = false;
                if (c == '"')
                    ok = parseString();
                else if (c == '-' || isDigit(c))
                    ok = parseNumber();
                else if (c == 't')
                    ok = parseLiteral("true", 4, Type::True);
                else if (c == 'f')
                    ok = parseLiteral("false", 5, Type::False);
                else if (c == 'n')
                    ok = parseLiteral("null", 4, Type::Null);
                else
                    return fail("illegal value");
                if (!ok)
                    return false;
                state = State::AfterValue;
                continue;
            }
            case State::Key:
                skipWhitespace();
                if (p >= end || *p != '"')
                    return fail("an object member must start with a string key");
                if (!parseString())
                    return false;
                skipWhitespace();
                if (p >= end || *p != ':')
                    return fail("missing name separator");
                ++p;
                state = State::Value;
                continue;
            case State::AfterValue: {
                if (stack.empty()) {
                    skipWhitespace();
                    if (p != end)
                        return fail("garbage at the end of the document");
                    return true;
                }
                Node &container = view.m_nodes[stack.back()];
                const bool object = container.type == Type::Object;
                ++container.aux;
                skipWhitespace();
                if (p >= end)
                    return fail(object ? "unterminated object" : "unterminated array");
                if (*p == ',') {
                    ++p;
                    state = object ? State::Key : State::Value;
                    continue;
                }
                if (*p == (object ? '}' : ']')) {
                    closeContainer();
                    continue; // still AfterValue: the container itself is a finished value
                }
                return fail(object ? "missing value separator in an object"
                                   : "missing value separator in an array");
            }
            }
        }
    }
};

bool JsonView::parse(const QByteArray &body)
{
    m_body = body;
    m_nodes.clear();
    m_arena.clear();
    m_error.clear();
    m_errorOffset = 0;
    if (body.size() >= qsizetype(std::numeric_limits<qint32>::max())) {
        m_error = QStringLiteral("the document is too large");
        return false;
    }
    JsonViewParser parser(*this, m_body.constData(), m_body.size());
    if (!parser.run()) {
        m_nodes.clear();
        m_arena.clear();
        return false;
    }
    return true;
}

JsonView::Value JsonView::root() const
{
    return m_nodes.empty() ? Value() : Value(this, 0);
}

std::string_view JsonView::stringAt(quint32 index) const
{
    const Node &node = m_nodes[index];
    if (node.type != Type::String)
        return {};
    if (node.aux == 0)
        return std::string_view(m_body.constData() + node.begin + 1, node.end - node.begin - 2);
    quint32 length = 0;
    std::memcpy(&length, m_arena.data() + node.aux - 1, 4);
    return std::string_view(m_arena.data() + node.aux - 1 + 4, length);
}

std::string_view JsonView::Value::string() const
{
    return m_view ? m_view->stringAt(m_index) : std::string_view();
}

std::string_view JsonView::Value::raw() const
{
    if (!m_view)
        return {};
    const Node &node = m_view->m_nodes[m_index];
    return std::string_view(m_view->m_body.constData() + node.begin, node.end - node.begin);
}

bool JsonView::Value::toInt64(qint64 *out) const
{
    if (type() != Type::Number || m_view->m_nodes[m_index].aux == 0)
        return false;
    const std::string_view text = raw();
    qint64 v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size())
        return false;
    *out = v;
    return true;
}

double JsonView::Value::toDouble() const
{
    if (type() != Type::Number)
        return 0;
    const std::string_view text = raw();
    double d = 0;
    std::from_chars(text.data(), text.data() + text.size(), d);
    return d;
}

JsonView::Value JsonView::Value::operator[](std::string_view key) const
{
    if (type() != Type::Object)
        return {};
    const std::vector<Node> &nodes = m_view->m_nodes;
    const char *const body = m_view->m_body.constData();
    const quint32 stop = nodes[m_index].after;
    quint32 found = 0;
    for (quint32 k = m_index + 1; k < stop;) {
        const Node &keyNode = nodes[k];
        const quint32 v = keyNode.after;
        if (keyNode.aux == 0) { // no escapes: compare the bytes in the body
            if (keyNode.end - keyNode.begin - 2 == key.size()
                && std::memcmp(body + keyNode.begin + 1, key.data(), key.size()) == 0)
                found = v; // keep scanning: the last duplicate wins
        } else if (m_view->stringAt(k) == key) {
            found = v;
        }
        k = nodes[v].after;
    }
    return found ? Value(m_view, found) : Value();
}

qsizetype JsonView::Value::size() const
{
    const Type t = type();
    return t == Type::Array || t == Type::Object ? m_view->m_nodes[m_index].aux : 0;
}

JsonView::ElementRange JsonView::Value::elements() const
{
    if (type() != Type::Array)
        return ElementRange(nullptr, 0, 0);
    return ElementRange(m_view, m_index + 1, m_view->m_nodes[m_index].after);
}

JsonView::MemberRange JsonView::Value::members() const
{
    if (type() != Type::Object)
        return MemberRange(nullptr, 0, 0);
    return MemberRange(m_view, m_index + 1, m_view->m_nodes[m_index].after);
}

} // namespace parley::core
