// libFuzzer target for the webhook parser's JSON reader (core/webhook/JsonView), against
// QJsonDocument: any bytes in, never a crash or a sanitizer report; whatever QJsonDocument
// rejects is rejected; an accepted document reads as QJsonDocument reads it (numbers, strings,
// keys, duplicates: the last one; but for the differences JsonView.h documents), and every
// string is valid UTF-8 and every raw text lies in the body.
//
// Build: scripts/fuzz-smoke (clang, -DPARLEY_FUZZ=ON). Seeds: the fixtures of fixtures/webhooks.

#include "webhook/JsonView.h"
#include "webhook/ParsedValue.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

#include <cstdint>
#include <cstdlib>

using parley::core::JsonView;
using Json = JsonView::Value;

namespace {

const char *g_begin = nullptr;
const char *g_end = nullptr;

void check(bool ok)
{
    if (!ok)
        std::abort();
}

QString text(std::string_view utf8)
{
    const QByteArray bytes(utf8.data(), qsizetype(utf8.size()));
    const QString s = parley::core::ParsedValue::utf8ToString(utf8); // keeps a leading U+FEFF
    check(s.toUtf8() == bytes); // valid UTF-8: a lossless round trip
    return s;
}

QJsonValue toQJson(const Json &v)
{
    const std::string_view raw = v.raw();
    check(raw.data() >= g_begin && raw.data() + raw.size() <= g_end);
    switch (v.type()) {
    case JsonView::Type::Null: return QJsonValue(QJsonValue::Null);
    case JsonView::Type::True: return true;
    case JsonView::Type::False: return false;
    case JsonView::Type::Number: {
        qint64 n = 0;
        if (v.toInt64(&n))
            return QJsonValue(n);
        return v.toDouble();
    }
    case JsonView::Type::String: return text(v.string());
    case JsonView::Type::Array: {
        QJsonArray a;
        for (const Json e : v.elements())
            a.append(toQJson(e));
        check(a.size() == v.size());
        return a;
    }
    case JsonView::Type::Object: {
        QJsonObject o;
        qsizetype members = 0;
        for (const auto &m : v.members()) {
            o.insert(text(m.key), toQJson(m.value));
            ++members;
        }
        check(members == v.size());
        return o;
    }
    case JsonView::Type::Undefined: break;
    }
    std::abort();
}

// Equal JSON: numbers by their double value (QJsonArray/QJsonObject compare the storage type,
// and QJsonDocument stores an integral 2.2e18 as an integer, QJsonValue(double) as a double).
bool same(const QJsonValue &a, const QJsonValue &b)
{
    if (a.type() != b.type())
        return false;
    if (a.isDouble())
        return a.toDouble() == b.toDouble();
    if (a.isArray()) {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!same(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    if (a.isObject()) {
        const QJsonObject x = a.toObject(), y = b.toObject();
        if (x.keys() != y.keys())
            return false;
        for (auto it = x.begin(); it != x.end(); ++it) {
            if (!same(it.value(), y.value(it.key())))
                return false;
        }
        return true;
    }
    return a == b;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    JsonView view;
    const bool ok = view.parse(body);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (!ok) {
        check(!view.error().isEmpty());
        check(view.errorOffset() >= 0 && view.errorOffset() <= body.size());
        check(view.root().isUndefined());
        return 0;
    }
    check(error.error == QJsonParseError::NoError); // what QJsonDocument rejects is rejected
    g_begin = view.body().constData();
    g_end = g_begin + view.body().size();
    const QJsonValue mine = toQJson(view.root());
    // Documented differences: lone surrogate escapes (QJsonDocument keeps them in the QString,
    // JsonView writes U+FFFD) and a U+FEFF at the start of a string (QJsonDocument's
    // QString::fromUtf8 drops it, JsonView keeps it); compare only documents without either.
    static const QRegularExpression surrogate(QStringLiteral("\\\\u[dD][89a-fA-F]"));
    static const QRegularExpression bom(QStringLiteral("\\\\u[fF][eE][fF][fF]"));
    const QString latin1 = QString::fromLatin1(body);
    if (latin1.contains(surrogate) || latin1.contains(bom) || body.contains("\xEF\xBB\xBF"))
        return 0;
    const QJsonValue expected = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    check(same(mine, expected));
    return 0;
}
