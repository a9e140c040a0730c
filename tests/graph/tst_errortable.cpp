// Error classification from Meta's documented error bodies (fixtures/graph/), and the retry
// policy's backoff bounds.
#include "graph/ErrorTable.h"
#include "graph/GraphError.h"
#include "graph/RetryPolicy.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace parley::core;

namespace {

QString scopeName(RetryScope s)
{
    switch (s) {
    case RetryScope::None: return QStringLiteral("none");
    case RetryScope::Request: return QStringLiteral("request");
    case RetryScope::Recipient: return QStringLiteral("recipient");
    case RetryScope::Number: return QStringLiteral("number");
    }
    return {};
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

void checkExpectations(const GraphError &e, const QJsonObject &expect)
{
    const ErrorClass c = ErrorTable::classify(e);
    QVERIFY(e.isError());
    QCOMPARE(e.code, expect.value(QLatin1String("code")).toInt());
    QCOMPARE(c.retryable, expect.value(QLatin1String("retryable")).toBool());
    QCOMPARE(errorActionName(c.action), expect.value(QLatin1String("action")).toString());
    if (expect.contains(QLatin1String("title")))
        QCOMPARE(e.title, expect.value(QLatin1String("title")).toString());
    if (expect.contains(QLatin1String("details")))
        QCOMPARE(e.details, expect.value(QLatin1String("details")).toString());
    if (expect.contains(QLatin1String("scope")))
        QCOMPARE(scopeName(c.scope), expect.value(QLatin1String("scope")).toString());
    if (expect.contains(QLatin1String("throttle")))
        QCOMPARE(c.throttle, expect.value(QLatin1String("throttle")).toBool());
    if (expect.contains(QLatin1String("fbtrace_id")))
        QCOMPARE(e.fbtraceId, expect.value(QLatin1String("fbtrace_id")).toString());
    // The JSON form the CLI prints carries the same classification.
    const QJsonObject j = e.toJson();
    QCOMPARE(j.value(QLatin1String("code")).toInt(), e.code);
    QCOMPARE(j.value(QLatin1String("retryable")).toBool(), c.retryable);
    QCOMPARE(j.value(QLatin1String("action")).toString(), errorActionName(c.action));
    const GraphError back = GraphError::fromJson(j);
    QCOMPARE(back.code, e.code);
    QCOMPARE(back.title, e.title);
    QCOMPARE(ErrorTable::classify(back).action, c.action);
}

} // namespace

class TestErrorTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void envelopes_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(PARLEY_SOURCE_DIR "/fixtures/graph/errors"));
        const auto files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 15);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void envelopes()
    {
        QFETCH(QString, path);
        const QJsonObject fx = readJson(path);
        QVERIFY(!fx.isEmpty());
        const QJsonValue body = fx.value(QLatin1String("body"));
        const QByteArray raw = body.isString()
            ? body.toString().toUtf8()
            : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
        const int status = fx.value(QLatin1String("http_status")).toInt();
        const GraphError e = GraphError::fromHttp(status, raw);
        QCOMPARE(e.origin, GraphError::Origin::Graph);
        QCOMPARE(e.httpStatus, status);
        checkExpectations(e, fx.value(QLatin1String("expect")).toObject());
    }

    void webhookErrors_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(PARLEY_SOURCE_DIR "/fixtures/graph/webhook_errors"));
        const auto files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void webhookErrors()
    {
        QFETCH(QString, path);
        const QJsonObject fx = readJson(path);
        const GraphError e = GraphError::fromWebhook(fx.value(QLatin1String("error")).toObject());
        QCOMPARE(e.origin, GraphError::Origin::Webhook);
        checkExpectations(e, fx.value(QLatin1String("expect")).toObject());
        QVERIFY(ErrorTable::isAsyncFailure(e.code));
    }

    void successIsNoError()
    {
        const QByteArray ok
            = QByteArrayLiteral("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+"
                                "16505551234\",\"wa_id\":\"16505551234\"}],\"messages\":[{\"id\":"
                                "\"wamid.HBgL\",\"message_status\":\"accepted\"}]}");
        QVERIFY(!GraphError::fromHttp(200, ok).isError());
        QVERIFY(GraphError::fromHttp(
            200, QByteArrayLiteral("{\"error\":{\"code\":131000,\"message\":\"x\"}}"))
                    .isError());
    }

    void branchesOnCodeNotStatus()
    {
        // The same throttling code is retryable whatever status carries it (400 per ERR, 429 per
        // OAPI); a permanent code stays permanent on a 500.
        for (int status : {400, 429, 500}) {
            const auto e = GraphError::fromHttp(status,
                QByteArrayLiteral(
                    "{\"error\":{\"code\":130429,\"message\":\"(#130429) Rate limit hit\"}}"));
            QVERIFY(ErrorTable::classify(e).retryable);
            const auto p = GraphError::fromHttp(status,
                QByteArrayLiteral(
                    "{\"error\":{\"code\":131050,\"message\":\"(#131050) opted out\"}}"));
            QVERIFY(!ErrorTable::classify(p).retryable);
            QCOMPARE(ErrorTable::classify(p).action, ErrorAction::OptedOut);
        }
    }

    void networkAndLocal()
    {
        const auto n = GraphError::network(QStringLiteral("Connection refused"));
        QVERIFY(ErrorTable::classify(n).retryable);
        QCOMPARE(ErrorTable::classify(n).scope, RetryScope::Request);
        const auto w = GraphError::local(LocalError::WindowClosed, QStringLiteral("closed"));
        QVERIFY(!ErrorTable::classify(w).retryable);
        QCOMPARE(ErrorTable::classify(w).action, ErrorAction::SendTemplate);
        QCOMPARE(errorActionFromName(u"contact_unreachable"), ErrorAction::ContactUnreachable);
        QCOMPARE(errorActionFromName(u"nonsense"), ErrorAction::None);
    }

    void codeRanges()
    {
        QCOMPARE(ErrorTable::classifyCode(250).action, ErrorAction::Config);
        QCOMPARE(ErrorTable::classifyCode(133010).action, ErrorAction::Config);
        QCOMPARE(ErrorTable::classifyCode(2388019).action, ErrorAction::FixRequest);
        QVERIFY(ErrorTable::classifyCode(2494100).retryable);
        QVERIFY(!ErrorTable::classifyCode(131049).retryable);
        QVERIFY(!ErrorTable::classifyCode(131048).retryable);
    }

    void fullJitterBounds()
    {
        const RetryPolicy t = RetryPolicy::throttle();
        // Meta's 4^X seconds: 1 s, 4 s, 16 s, 64 s ...
        QCOMPARE(t.ceilingMs(0), 1000);
        QCOMPARE(t.ceilingMs(1), 4000);
        QCOMPARE(t.ceilingMs(2), 16000);
        QCOMPARE(t.ceilingMs(20), t.capMs);
        QCOMPARE(t.delayMs(2, 0.0), 0);
        QCOMPARE(t.delayMs(2, 0.5), 8000);
        QVERIFY(t.delayMs(2, 0.999999) < 16000);
        RetryPolicy floor = RetryPolicy::transient();
        floor.minMs = 6000;
        QCOMPARE(floor.delayMs(0, 0.0), 6000);
        RetryPolicy noJitter;
        noJitter.fullJitter = false;
        QCOMPARE(noJitter.delayMs(3, 0.1), 8000);
    }
};

QTEST_GUILESS_MAIN(TestErrorTable)
#include "tst_errortable.moc"
