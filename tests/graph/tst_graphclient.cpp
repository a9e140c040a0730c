// GraphClient over real HTTP on 127.0.0.1:0 against a small fake Meta built on HttpServer:
// URL and version, bearer token from the SecretStore, JSON bodies, Meta's error envelope,
// missing token, network errors, streaming multipart upload, download with sha256.
#include "graph/ErrorTable.h"
#include "graph/GraphClient.h"
#include "http/HttpServer.h"
#include "secrets/SecretStore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace parley::core;

class TestGraphClient : public QObject
{
    Q_OBJECT

    HttpServer *m_server = nullptr;
    QList<HttpRequest> m_requests;
    QUrl m_base;
    MemorySecretStore m_secrets;

    GraphResult call(GraphClient &client, const QByteArray &method, const QString &path,
        const QJsonObject &body = {}, const QUrlQuery &query = {})
    {
        GraphResult out;
        bool done = false;
        client.request(method, path, query, body, this, [&](const GraphResult &r) {
            out = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10'000))
            qWarning("no answer");
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = new HttpServer(this);
        m_server->setHandler([this](const HttpRequest &req, HttpResponder responder) {
            m_requests.append(req);
            const QByteArray path = req.path;
            if (path == "/v24.0/106/messages" && req.method == "POST") {
                const QJsonObject body = QJsonDocument::fromJson(req.body).object();
                if (body.value(QLatin1String("to")).toString() == QLatin1String("+10000000000")) {
                    responder.respond(HttpResponse::json(400,
                        "{\"error\":{\"message\":\"(#131056) (Business Account, Consumer Account) "
                        "pair rate limit hit\","
                        "\"type\":\"OAuthException\",\"code\":131056,\"error_data\":{\"messaging_"
                        "product\":\"whatsapp\","
                        "\"details\":\"Too many messages\"},\"fbtrace_id\":\"AbCdEf\"}}"));
                    return;
                }
                responder.respond(HttpResponse::json(200,
                    "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+16505551234\","
                    "\"wa_id\":\"16505551234\"}],"
                    "\"messages\":[{\"id\":\"wamid.OK\"}]}"));
                return;
            }
            if (path == "/v24.0/106/media" && req.method == "POST") {
                responder.respond(HttpResponse::json(200, "{\"id\":\"media-1\"}"));
                return;
            }
            if (path == "/files/blob") {
                if (req.header("authorization") != "Bearer tok-1") {
                    responder.respond(HttpResponse::text(401, "no"));
                    return;
                }
                responder.respond(
                    HttpResponse{200, "application/octet-stream", QByteArray(300'000, 'z'), {}});
                return;
            }
            if (path == "/files/expired") {
                responder.respond(HttpResponse::text(404, "gone"));
                return;
            }
            if (path == "/v24.0/waba/message_templates" && req.method == "GET") {
                responder.respond(HttpResponse::json(200, "{\"data\":[]}"));
                return;
            }
            responder.respond(HttpResponse::text(502, "<html>bad gateway</html>"));
        });
        QString error;
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        m_base = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort()));
        m_secrets.write(QString::fromLatin1(SecretStore::AccessToken), QStringLiteral("tok-1"));
    }

    void init() { m_requests.clear(); }

    void configFromEnvironment()
    {
        qputenv("WA_GRAPH_BASE_URL", "http://127.0.0.1:9/");
        qputenv("WA_GRAPH_VERSION", "v25.0");
        const GraphConfig c = GraphConfig::fromEnvironment();
        QCOMPARE(c.url(QStringLiteral("/106/messages")).toString(),
            QStringLiteral("http://127.0.0.1:9/v25.0/106/messages"));
        qunsetenv("WA_GRAPH_BASE_URL");
        qunsetenv("WA_GRAPH_VERSION");
        const GraphConfig d = GraphConfig::fromEnvironment();
        QCOMPARE(d.version, QStringLiteral("v24.0"));
        QCOMPARE(d.url(QStringLiteral("106/messages")).toString(),
            QStringLiteral("https://graph.facebook.com/v24.0/106/messages"));
    }

    void postsJsonWithBearer()
    {
        GraphConfig c;
        c.baseUrl = m_base;
        GraphClient client(c, &m_secrets);
        const GraphResult r = call(client, "POST", QStringLiteral("106/messages"),
            {{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
                {QStringLiteral("to"), QStringLiteral("+16505551234")}});
        QVERIFY(r.ok());
        QCOMPARE(r.httpStatus, 200);
        QCOMPARE(r.body.value(QLatin1String("messages"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("id"))
                     .toString(),
            QStringLiteral("wamid.OK"));
        QCOMPARE(m_requests.size(), 1);
        QCOMPARE(m_requests.first().header("authorization"), QByteArray("Bearer tok-1"));
        QVERIFY(m_requests.first().header("content-type").startsWith("application/json"));
        QCOMPARE(QJsonDocument::fromJson(m_requests.first().body)
                     .object()
                     .value(QLatin1String("to"))
                     .toString(),
            QStringLiteral("+16505551234"));
        // GET with a query string.
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("10"));
        const GraphResult g = call(client, "GET", QStringLiteral("waba/message_templates"), {}, q);
        QVERIFY(g.ok());
        QCOMPARE(
            m_requests.last().query.queryItemValue(QStringLiteral("limit")), QStringLiteral("10"));
    }

    void parsesMetaErrors()
    {
        GraphConfig c;
        c.baseUrl = m_base;
        GraphClient client(c, &m_secrets);
        const GraphResult r = call(client, "POST", QStringLiteral("106/messages"),
            {{QStringLiteral("to"), QStringLiteral("+10000000000")}});
        QVERIFY(!r.ok());
        QCOMPARE(r.error.code, 131056);
        QCOMPARE(r.error.httpStatus, 400);
        QCOMPARE(r.error.fbtraceId, QStringLiteral("AbCdEf"));
        QCOMPARE(r.error.details, QStringLiteral("Too many messages"));
        QCOMPARE(ErrorTable::classify(r.error).scope, RetryScope::Recipient);
        const GraphResult proxy = call(client, "GET", QStringLiteral("nowhere"));
        QCOMPARE(proxy.httpStatus, 502);
        QVERIFY(ErrorTable::classify(proxy.error).retryable);
    }

    void missingTokenIsLocalError()
    {
        GraphConfig c;
        c.baseUrl = m_base;
        MemorySecretStore empty;
        GraphClient client(c, &empty);
        const GraphResult r = call(client, "POST", QStringLiteral("106/messages"),
            {{QStringLiteral("to"), QStringLiteral("x")}});
        QCOMPARE(r.error.origin, GraphError::Origin::Local);
        QCOMPARE(r.error.code, LocalError::NoToken);
        QCOMPARE(ErrorTable::classify(r.error).action, ErrorAction::Reauthenticate);
        QCOMPARE(m_requests.size(), 0); // nothing went out
    }

    void networkError()
    {
        HttpServer tmp;
        QVERIFY(tmp.listen(QHostAddress::LocalHost, 0));
        const quint16 port = tmp.serverPort();
        tmp.close();
        GraphConfig c;
        c.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        GraphClient client(c, &m_secrets);
        const GraphResult r = call(client, "POST", QStringLiteral("106/messages"),
            {{QStringLiteral("to"), QStringLiteral("x")}});
        QCOMPARE(r.error.origin, GraphError::Origin::Network);
        QVERIFY(ErrorTable::classify(r.error).retryable);
    }

    void uploadStreamsMultipart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("photo.jpg"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray content = QByteArray("\xFF\xD8\xFF\xE0", 4) + QByteArray(200'000, 'j');
        f.write(content);
        f.close();
        GraphConfig c;
        c.baseUrl = m_base;
        GraphClient client(c, &m_secrets);
        GraphUpload up;
        up.filePath = path;
        up.mimeType = QStringLiteral("image/jpeg");
        up.fields = {{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
            {QStringLiteral("type"), QStringLiteral("image/jpeg")}};
        GraphResult out;
        bool done = false;
        client.upload(QStringLiteral("106/media"), up, this, [&](const GraphResult &r) {
            out = r;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10'000);
        QVERIFY(out.ok());
        QCOMPARE(out.body.value(QLatin1String("id")).toString(), QStringLiteral("media-1"));
        const HttpRequest &req = m_requests.last();
        QVERIFY(req.header("content-type").startsWith("multipart/form-data; boundary="));
        QVERIFY(req.body.contains("name=\"messaging_product\"\r\n\r\nwhatsapp"));
        QVERIFY(req.body.contains("name=\"type\"\r\n\r\nimage/jpeg"));
        QVERIFY(req.body.contains("name=\"file\"; filename=\"photo.jpg\""));
        QVERIFY(req.body.contains(content));
    }

    void downloadChecksSha256()
    {
        QTemporaryDir dir;
        GraphConfig c;
        c.baseUrl = m_base;
        GraphClient client(c, &m_secrets);
        GraphResult out;
        bool done = false;
        const QString target = dir.filePath(QStringLiteral("blob"));
        client.download(m_base.resolved(QUrl(QStringLiteral("/files/blob"))), target, this,
            [&](const GraphResult &r) {
                out = r;
                done = true;
            });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10'000);
        QVERIFY2(out.ok(), qPrintable(out.error.title));
        const QByteArray expected = QByteArray(300'000, 'z');
        QCOMPARE(out.body.value(QLatin1String("bytes")).toInteger(), expected.size());
        QCOMPARE(out.body.value(QLatin1String("sha256")).toString(),
            QString::fromLatin1(
                QCryptographicHash::hash(expected, QCryptographicHash::Sha256).toHex()));
        QFile f(target);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), expected);
        // An expired lookaside URL: 404, and no file is left behind.
        done = false;
        const QString gone = dir.filePath(QStringLiteral("gone"));
        client.download(m_base.resolved(QUrl(QStringLiteral("/files/expired"))), gone, this,
            [&](const GraphResult &r) {
                out = r;
                done = true;
            });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10'000);
        QCOMPARE(out.httpStatus, 404);
        QVERIFY(!QFile::exists(gone));
    }

    void contextGoneMeansNoCallback()
    {
        GraphConfig c;
        c.baseUrl = m_base;
        GraphClient client(c, &m_secrets);
        bool called = false;
        auto *ctx = new QObject;
        client.post(QStringLiteral("106/messages"), {{QStringLiteral("to"), QStringLiteral("+1")}},
            ctx, [&](const GraphResult &) { called = true; });
        delete ctx;
        QTRY_COMPARE_WITH_TIMEOUT(client.inFlight(), 0, 10'000);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestGraphClient)
#include "tst_graphclient.moc"
