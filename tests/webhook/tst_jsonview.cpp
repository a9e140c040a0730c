// The webhook parser's JSON reader (core/webhook/JsonView): structure, strings and escapes,
// UTF-8 validation, numbers, limits, and agreement with QJsonDocument (what it rejects is
// rejected; what both accept reads the same).

#include "webhook/JsonView.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace parley::core;
using Json = JsonView::Value;

namespace {

QByteArray bytes(std::string_view s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

// The view's value as a QJsonValue, to compare with QJsonDocument's reading.
QJsonValue toQJson(const Json &v)
{
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
    case JsonView::Type::String: return QString::fromUtf8(bytes(v.string()));
    case JsonView::Type::Array: {
        QJsonArray a;
        for (const Json e : v.elements())
            a.append(toQJson(e));
        return a;
    }
    case JsonView::Type::Object: {
        QJsonObject o;
        for (const auto &m : v.members())
            o.insert(QString::fromUtf8(bytes(m.key)), toQJson(m.value)); // last one wins
        return o;
    }
    case JsonView::Type::Undefined: break;
    }
    return QJsonValue(QJsonValue::Undefined);
}

bool qtAccepts(const QByteArray &body)
{
    QJsonParseError error;
    QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError;
}

QByteArray nested(int depth, bool objects)
{
    QByteArray out;
    for (int i = 0; i < depth; ++i)
        out += objects ? "{\"a\":" : "[";
    out += "1";
    for (int i = 0; i < depth; ++i)
        out += objects ? '}' : ']';
    return out;
}

} // namespace

class TestJsonView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void structure();
    void rawIsTheExactText();
    void escapes();
    void surrogates();
    void utf8_data();
    void utf8();
    void numbers();
    void rejectsBadNumbers_data();
    void rejectsBadNumbers();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void stricterThanQJsonDocument_data();
    void stricterThanQJsonDocument();
    void depthLimit();
    void truncatedInputIsRejected();
    void duplicateKeysLastWins();
    void emptyAndWhitespaceBodies();
    void readsFixturesLikeQJsonDocument();
    void viewKeepsTheBody();
};

void TestJsonView::structure()
{
    JsonView view;
    QVERIFY(view.parse(" {\"a\": 1, \"b\": [true, false, null, \"x\"], \"c\": {}, \"d\": []}\n"));
    const Json root = view.root();
    QVERIFY(root.isObject());
    QCOMPARE(root.size(), 4);
    QVERIFY(root["a"].isNumber());
    const Json b = root["b"];
    QVERIFY(b.isArray());
    QCOMPARE(b.size(), 4);
    QList<JsonView::Type> types;
    for (const Json e : b.elements())
        types << e.type();
    QCOMPARE(types,
        (QList<JsonView::Type>{JsonView::Type::True, JsonView::Type::False, JsonView::Type::Null,
            JsonView::Type::String}));
    QVERIFY(b.elements().first().toBool());
    QVERIFY(root["c"].isObject() && root["c"].size() == 0);
    QVERIFY(root["d"].isArray() && root["d"].elements().isEmpty());
    QStringList keys;
    for (const auto &m : root.members())
        keys << QString::fromUtf8(bytes(m.key));
    QCOMPARE(keys, (QStringList{"a", "b", "c", "d"})); // payload order
    // Missing keys, keys of non-objects and elements of non-arrays are Undefined / empty.
    QVERIFY(root["zzz"].isUndefined());
    QVERIFY(root["a"]["x"].isUndefined());
    QVERIFY(root["zzz"]["x"]["y"].isUndefined());
    QVERIFY(root["a"].elements().isEmpty());
    QVERIFY(root["a"].string().empty());
    QVERIFY(root.contains("c") && !root.contains("e"));
    QVERIFY(Json().isUndefined() && Json().raw().empty());
}

void TestJsonView::rawIsTheExactText()
{
    const QByteArray body = "{ \"m\" : {\"z\":1,  \"a\":[ 1 ,2]} , \"s\":\"x\\ny\", \"n\":-1.5e3 }";
    JsonView view;
    QVERIFY(view.parse(body));
    QCOMPARE(bytes(view.root()["m"].raw()), QByteArray("{\"z\":1,  \"a\":[ 1 ,2]}"));
    QCOMPARE(bytes(view.root()["m"]["a"].raw()), QByteArray("[ 1 ,2]"));
    QCOMPARE(bytes(view.root()["s"].raw()), QByteArray("\"x\\ny\""));
    QCOMPARE(bytes(view.root()["s"].string()), QByteArray("x\ny"));
    QCOMPARE(bytes(view.root()["n"].raw()), QByteArray("-1.5e3"));
    QCOMPARE(bytes(view.root().raw()), body);
}

void TestJsonView::escapes()
{
    JsonView view;
    QVERIFY(view.parse(
        "[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\", \"a\\u00e9\\u20AC\\u0000z\", \"plain\", \"\"]"));
    const Json root = view.root();
    QCOMPARE(root.size(), 4);
    auto it = root.elements().begin();
    QCOMPARE(bytes((*it).string()), QByteArray("\" \\ / \b \f \n \r \t"));
    ++it;
    QCOMPARE(bytes((*it).string()), QByteArray("a\xc3\xa9\xe2\x82\xac\0z", 8));
    ++it;
    QCOMPARE(bytes((*it).string()), QByteArray("plain"));
    ++it;
    QVERIFY((*it).isString() && (*it).string().empty());
    // Keys with escapes are found by their unescaped text.
    QVERIFY(view.parse("{\"\\u0069d\":\"x\",\"a\\\"b\":2}"));
    QCOMPARE(bytes(view.root()["id"].string()), QByteArray("x"));
    QVERIFY(view.root()["a\"b"].isNumber());
    // Every escape agrees with QJsonDocument.
    const QByteArray body = "[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00\"]";
    QVERIFY(view.parse(body));
    QCOMPARE(toQJson(view.root()), QJsonValue(QJsonDocument::fromJson(body).array()));
}

void TestJsonView::surrogates()
{
    JsonView view;
    const QByteArray replacement = "\xef\xbf\xbd";
    QVERIFY(view.parse("[\"\\ud83d\\ude00\", \"\\ud800\", \"\\udc00x\", \"\\ud800\\u0041\", "
                       "\"\\ud800\\ud800\\udc00\", \"\\uDBFF\\uDFFF\"]"));
    QList<QByteArray> texts;
    for (const Json e : view.root().elements())
        texts << bytes(e.string());
    QCOMPARE(texts.size(), 6);
    QCOMPARE(texts.at(0), QByteArray("\xf0\x9f\x98\x80")); // U+1F600
    QCOMPARE(texts.at(1), replacement); // a lone high surrogate
    QCOMPARE(texts.at(2), replacement + "x"); // a lone low one
    QCOMPARE(texts.at(3), replacement + "A"); // high, then not a low one
    QCOMPARE(texts.at(4), replacement + "\xf0\x90\x80\x80"); // high, then a pair (U+10000)
    QCOMPARE(texts.at(5), QByteArray("\xf4\x8f\xbf\xbf")); // U+10FFFF
    // Truncated or non-hex \u escapes are errors.
    for (const QByteArray &bad : {QByteArray("[\"\\u12\"]"), QByteArray("[\"\\u12g4\"]"),
             QByteArray("[\"\\ud800\\u\"]"), QByteArray("[\"\\u")}) {
        QVERIFY2(!view.parse(bad), bad.constData());
        QVERIFY(!qtAccepts(bad));
    }
}

void TestJsonView::utf8_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("valid");
    QTest::newRow("2 bytes") << QByteArray("[\"\xc3\xa9\"]") << true;
    QTest::newRow("3 bytes") << QByteArray("[\"\xe2\x82\xac\"]") << true;
    QTest::newRow("4 bytes") << QByteArray("[\"\xf0\x9f\x98\x80\"]") << true;
    QTest::newRow("U+10FFFF") << QByteArray("[\"\xf4\x8f\xbf\xbf\"]") << true;
    QTest::newRow("DEL") << QByteArray("[\"\x7f\"]") << true;
    QTest::newRow("0xff") << QByteArray("[\"a\xff\"]") << false;
    QTest::newRow("lone continuation") << QByteArray("[\"\x80\"]") << false;
    QTest::newRow("overlong 2") << QByteArray("[\"\xc0\xaf\"]") << false;
    QTest::newRow("overlong 3") << QByteArray("[\"\xe0\x80\xaf\"]") << false;
    QTest::newRow("overlong 4") << QByteArray("[\"\xf0\x80\x80\xaf\"]") << false;
    QTest::newRow("surrogate") << QByteArray("[\"\xed\xa0\x80\"]") << false;
    QTest::newRow("above U+10FFFF") << QByteArray("[\"\xf4\x90\x80\x80\"]") << false;
    QTest::newRow("0xf5") << QByteArray("[\"\xf5\x80\x80\x80\"]") << false;
    QTest::newRow("truncated") << QByteArray("[\"\xe2\x82\"]") << false;
    QTest::newRow("truncated at end") << QByteArray("[\"\xe2\x82") << false;
    QTest::newRow("outside a string") << QByteArray("[\xc3\xa9]") << false;
    QTest::newRow("garbage body") << QByteArray("\xff\xfe garbage") << false;
}

void TestJsonView::utf8()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, valid);
    JsonView view;
    QCOMPARE(view.parse(body), valid);
    QCOMPARE(qtAccepts(body), valid); // as QJsonDocument decides
    if (valid) {
        QCOMPARE(toQJson(view.root()), QJsonValue(QJsonDocument::fromJson(body).array()));
    } else {
        QVERIFY(!view.error().isEmpty());
        QVERIFY(view.root().isUndefined());
    }
}

void TestJsonView::numbers()
{
    JsonView view;
    QVERIFY(view.parse("[0, -0, 42, -17, 9007199254740993, 9223372036854775807, "
                       "-9223372036854775808, 9223372036854775808, 1.5, -2.5e-3, 1E5, 1e+2, "
                       "12345678901234567890123]"));
    QList<Json> n;
    for (const Json e : view.root().elements())
        n << e;
    QCOMPARE(n.size(), 13);
    qint64 v = -1;
    QVERIFY(n[0].toInt64(&v) && v == 0);
    QVERIFY(n[1].toInt64(&v) && v == 0);
    QVERIFY(n[2].toInt64(&v) && v == 42);
    QVERIFY(n[3].toInt64(&v) && v == -17);
    // Beyond 2^53: exact, not rounded through a double.
    QVERIFY(n[4].toInt64(&v) && v == 9007199254740993LL);
    QVERIFY(n[5].toInt64(&v) && v == std::numeric_limits<qint64>::max());
    QVERIFY(n[6].toInt64(&v) && v == std::numeric_limits<qint64>::min());
    QVERIFY(!n[7].toInt64(&v)); // 2^63 does not fit: a double
    QCOMPARE(n[7].toDouble(), 9223372036854775808.0);
    QVERIFY(!n[8].toInt64(&v));
    QCOMPARE(n[8].toDouble(), 1.5);
    QCOMPARE(n[9].toDouble(), -2.5e-3);
    QVERIFY(!n[10].toInt64(&v)); // an exponent: not an integer literal
    QCOMPARE(n[10].toDouble(), 1e5);
    QCOMPARE(n[11].toDouble(), 100.0);
    QCOMPARE(n[12].toDouble(), 1.2345678901234568e22);
    QCOMPARE(bytes(n[4].raw()), QByteArray("9007199254740993"));
    QCOMPARE(Json().toDouble(), 0.0);
    QVERIFY(!view.root()["x"].toInt64(&v));
}

void TestJsonView::rejectsBadNumbers_data()
{
    QTest::addColumn<QByteArray>("body");
    for (const char *bad : {"[01]", "[-01]", "[+1]", "[-]", "[1e]", "[1e+]", "[1e400]", "[-1e400]",
             "[1e-400]", "[--1]", "[0x10]", "[1.2.3]", "[NaN]", "[Infinity]", "[1,]", "[1 2]"}) {
        QTest::newRow(bad) << QByteArray(bad);
    }
}

void TestJsonView::rejectsBadNumbers()
{
    QFETCH(QByteArray, body);
    JsonView view;
    QVERIFY(!view.parse(body));
    QVERIFY(!view.error().isEmpty());
    QVERIFY(!qtAccepts(body)); // QJsonDocument rejects these too
}

void TestJsonView::rejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("unterminated object") << QByteArray("{");
    QTest::newRow("unterminated array") << QByteArray("[1, 2");
    QTest::newRow("bad array close") << QByteArray("{\"entry\": [}");
    QTest::newRow("trailing comma") << QByteArray("[1, 2,]");
    QTest::newRow("trailing comma object") << QByteArray("{\"a\":1,}");
    QTest::newRow("garbage at end") << QByteArray("{} x");
    QTest::newRow("two documents") << QByteArray("{}{}");
    QTest::newRow("nul after") << QByteArray("{}\0", 3);
    QTest::newRow("key not a string") << QByteArray("{1:2}");
    QTest::newRow("missing colon") << QByteArray("{\"a\" 2}");
    QTest::newRow("missing value") << QByteArray("{\"a\":}");
    QTest::newRow("single quotes") << QByteArray("['a']");
    QTest::newRow("bad literal") << QByteArray("[tru]");
    QTest::newRow("capital literal") << QByteArray("[True]");
    QTest::newRow("unterminated string") << QByteArray("[\"abc");
    QTest::newRow("escape at end") << QByteArray("[\"abc\\");
    QTest::newRow("scalar document") << QByteArray("5");
    QTest::newRow("string document") << QByteArray("\"x\"");
    QTest::newRow("vertical tab") << QByteArray("[\v1]");
    QTest::newRow("form feed") << QByteArray("[\f1]");
    QTest::newRow("nul in whitespace") << QByteArray("[1,\0 2]", 7);
}

void TestJsonView::rejectsMalformed()
{
    QFETCH(QByteArray, body);
    JsonView view;
    QVERIFY(!view.parse(body));
    QVERIFY(!view.error().isEmpty());
    QVERIFY(view.errorOffset() >= 0 && view.errorOffset() <= body.size());
    QVERIFY(!qtAccepts(body)); // QJsonDocument rejects these too
}

void TestJsonView::stricterThanQJsonDocument_data()
{
    // RFC 8259 errors that QJsonDocument lets through: rejected here (see JsonView.h).
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("control character") << QByteArray("[\"a\x01z\"]");
    QTest::newRow("raw newline") << QByteArray("[\"a\nz\"]");
    QTest::newRow("raw tab") << QByteArray("[\"a\tz\"]");
    QTest::newRow("unknown escape") << QByteArray("[\"\\x\"]");
    QTest::newRow("dot at end") << QByteArray("[1.]");
    QTest::newRow("dot at start") << QByteArray("[.5]");
}

void TestJsonView::stricterThanQJsonDocument()
{
    QFETCH(QByteArray, body);
    JsonView view;
    QVERIFY(!view.parse(body));
    QVERIFY(!view.error().isEmpty());
}

void TestJsonView::depthLimit()
{
    JsonView view;
    for (const bool objects : {false, true}) {
        QVERIFY(view.parse(nested(JsonView::kMaxDepth, objects)));
        QVERIFY(qtAccepts(nested(JsonView::kMaxDepth, objects)));
        QVERIFY(!view.parse(nested(JsonView::kMaxDepth + 1, objects)));
        QVERIFY(!qtAccepts(nested(JsonView::kMaxDepth + 1, objects)));
        QVERIFY(view.error().contains(QLatin1String("deeply")));
    }
    // 3 MiB of '[': an error, not a stack overflow (the parser keeps its own stack).
    const QByteArray deep(3 * 1024 * 1024, '[');
    QVERIFY(!view.parse(deep));
    QCOMPARE(view.errorOffset(), qsizetype(JsonView::kMaxDepth));
    // Wide is fine: many siblings at a shallow depth.
    QByteArray wide = "[";
    for (int i = 0; i < 100000; ++i)
        wide += i == 0 ? "{}" : ",{}";
    wide += ']';
    QVERIFY(view.parse(wide));
    QCOMPARE(view.root().size(), 100000);
}

void TestJsonView::truncatedInputIsRejected()
{
    const QByteArray body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\","
                            "\"changes\":[{\"field\":\"messages\",\"value\":{\"t\":\"a\\u00e9\\n"
                            "\xc3\xa9\",\"n\":-1.5e3,\"b\":[true,false,null]}}]}]}";
    JsonView view;
    QVERIFY(view.parse(body));
    for (qsizetype n = 0; n < body.size(); ++n) {
        const QByteArray prefix = body.left(n);
        QVERIFY2(!view.parse(prefix), prefix.constData());
        QVERIFY(!qtAccepts(prefix));
    }
}

void TestJsonView::duplicateKeysLastWins()
{
    const QByteArray body = "{\"a\":1,\"b\":0,\"a\":2,\"\\u0061\":3}";
    JsonView view;
    QVERIFY(view.parse(body));
    qint64 v = 0;
    QVERIFY(view.root()["a"].toInt64(&v));
    QCOMPARE(v, 3); // the last one, escaped or not
    QCOMPARE(QJsonDocument::fromJson(body).object().value(QLatin1String("a")).toInteger(), 3);
    QCOMPARE(view.root().size(), 4); // iteration still sees every member
}

void TestJsonView::emptyAndWhitespaceBodies()
{
    JsonView view;
    for (const QByteArray &body : {QByteArray(), QByteArray(""), QByteArray("  \n"),
             QByteArray("\xef\xbb\xbf"), QByteArray("\xef\xbb")}) {
        QVERIFY(!view.parse(body));
        QVERIFY(!view.error().isEmpty());
        QVERIFY(!qtAccepts(body));
        QVERIFY(!view.isValid());
    }
    // A UTF-8 byte order mark and surrounding whitespace are allowed, as by QJsonDocument.
    QVERIFY(view.parse("\xef\xbb\xbf {} \r\n\t"));
    QVERIFY(view.root().isObject());
    QCOMPARE(bytes(view.root().raw()), QByteArray("{}"));
    QVERIFY(view.parse("[]"));
    QVERIFY(view.root().isArray() && view.root().size() == 0);
}

void TestJsonView::readsFixturesLikeQJsonDocument()
{
    const QDir dir(QStringLiteral(PARLEY_SOURCE_DIR "/fixtures/webhooks"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
    QVERIFY(files.size() >= 20);
    JsonView view;
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        // The indented fixture file itself, and each payload as compact JSON.
        QList<QByteArray> bodies{text};
        const QJsonObject fixture = QJsonDocument::fromJson(text).object();
        for (const QJsonValue p : fixture.value(QLatin1String("payloads")).toArray()) {
            bodies << (p.isObject() ? QJsonDocument(p.toObject()) : QJsonDocument(p.toArray()))
                          .toJson(QJsonDocument::Compact);
        }
        for (const QByteArray &body : bodies) {
            QVERIFY2(view.parse(body), qPrintable(name + u' ' + view.error()));
            const QJsonDocument expected = QJsonDocument::fromJson(body);
            const QJsonValue mine = toQJson(view.root());
            QVERIFY2(mine
                    == (expected.isObject() ? QJsonValue(expected.object())
                                            : QJsonValue(expected.array())),
                qPrintable(name));
        }
    }
}

void TestJsonView::viewKeepsTheBody()
{
    JsonView view;
    {
        QByteArray body = "{\"k\":\"value\"}";
        QVERIFY(view.parse(body));
        body[6] = 'X'; // the caller's copy detaches; the view's stays
        body.clear();
    }
    QCOMPARE(bytes(view.root()["k"].string()), QByteArray("value"));
    // A failed parse leaves nothing behind.
    QVERIFY(!view.parse("{\"k\":"));
    QVERIFY(view.root().isUndefined());
    QVERIFY(view.root()["k"].isUndefined());
}

QTEST_GUILESS_MAIN(TestJsonView)
#include "tst_jsonview.moc"
