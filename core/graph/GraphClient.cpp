#include "graph/GraphClient.h"

#include "common/Log.h"
#include "secrets/SecretStore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonDocument>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>

#include <memory>

namespace parley::core {

namespace {

qint64 monotonicNowMs()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}

} // namespace

GraphConfig GraphConfig::fromEnvironment()
{
    GraphConfig c;
    const QString base = qEnvironmentVariable("WA_GRAPH_BASE_URL");
    if (!base.isEmpty())
        c.baseUrl = QUrl(base);
    const QString version = qEnvironmentVariable("WA_GRAPH_VERSION");
    if (!version.isEmpty())
        c.version = version;
    return c;
}

QUrl GraphConfig::url(const QString &path, const QUrlQuery &query) const
{
    QString base = baseUrl.toString();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QString rel = path;
    while (rel.startsWith(QLatin1Char('/')))
        rel.remove(0, 1);
    QUrl u(base + QLatin1Char('/') + version + QLatin1Char('/') + rel);
    if (!query.isEmpty())
        u.setQuery(query);
    return u;
}

GraphClient::GraphClient(GraphConfig config, SecretStore *secrets, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_secrets(secrets)
{
    int pools = m_config.pools;
    if (pools <= 0)
        pools = m_config.baseUrl.scheme() == QLatin1String("https") ? 1 : 32;
    for (int n = 0; n < pools; ++n)
        m_pool.append(new QNetworkAccessManager(this));
}

QNetworkAccessManager *GraphClient::nextManager()
{
    QNetworkAccessManager *nam = m_pool.at(m_nextManager);
    m_nextManager = (m_nextManager + 1) % int(m_pool.size());
    return nam;
}

GraphClient::~GraphClient() = default;

bool GraphClient::authorize(QNetworkRequest &request, GraphError *error) const
{
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, m_config.http2);
    request.setTransferTimeout(m_config.timeoutMs);
    request.setHeader(
        QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Parley/" PARLEY_VERSION));
    QString secretError;
    const auto token = m_secrets
        ? m_secrets->read(QString::fromLatin1(SecretStore::AccessToken), &secretError)
        : std::nullopt;
    if (!token || token->isEmpty()) {
        *error = GraphError::local(
            LocalError::NoToken, QStringLiteral("No access token"), secretError);
        return false;
    }
    request.setRawHeader("Authorization", "Bearer " + token->toUtf8());
    return true;
}

void GraphClient::request(const QByteArray &method, const QString &path, const QUrlQuery &query,
    const QJsonObject &body, QObject *context, Callback done)
{
    QNetworkRequest req(m_config.url(path, query));
    GraphError authError;
    QPointer<QObject> ctx(context);
    if (!authorize(req, &authError)) {
        failLater(ctx, std::move(done), authError);
        return;
    }
    QByteArray payload;
    if (!body.isEmpty()) {
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    const qint64 started = monotonicNowMs();
    QNetworkReply *reply = nullptr;
    QNetworkAccessManager *nam = nextManager();
    if (method == "GET")
        reply = nam->get(req);
    else if (method == "DELETE" && payload.isEmpty())
        reply = nam->deleteResource(req);
    else
        reply = nam->sendCustomRequest(req, method, payload);
    ++m_inFlight;
    connect(reply, &QNetworkReply::finished, this,
        [this, reply, started, ctx, done = std::move(done)]() mutable {
            finish(reply, started, ctx, std::move(done));
        });
}

void GraphClient::failLater(QPointer<QObject> context, Callback done, const GraphError &error)
{
    QMetaObject::invokeMethod(
        this,
        [context, done = std::move(done), error] {
            if (!context)
                return;
            GraphResult r;
            r.error = error;
            done(r);
        },
        Qt::QueuedConnection);
}

void GraphClient::upload(
    const QString &path, const GraphUpload &upload, QObject *context, Callback done)
{
    QNetworkRequest req(m_config.url(path));
    GraphError error;
    QPointer<QObject> ctx(context);
    auto file = std::make_unique<QFile>(upload.filePath);
    if (authorize(req, &error) && !file->open(QIODevice::ReadOnly))
        error = GraphError::local(
            LocalError::Validation, QStringLiteral("Cannot read file"), file->errorString());
    if (error.isError()) {
        failLater(ctx, std::move(done), error);
        return;
    }
    auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    for (const auto &[name, value] : upload.fields) {
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
            QStringLiteral("form-data; name=\"%1\"").arg(name));
        part.setBody(value.toUtf8());
        multi->append(part);
    }
    QHttpPart filePart;
    const QString shownName
        = upload.fileName.isEmpty() ? QFileInfo(upload.filePath).fileName() : upload.fileName;
    QString safeName = shownName;
    safeName.replace(QLatin1Char('"'), QLatin1Char('_'));
    filePart.setHeader(QNetworkRequest::ContentDispositionHeader,
        QStringLiteral("form-data; name=\"file\"; filename=\"%1\"").arg(safeName));
    filePart.setHeader(QNetworkRequest::ContentTypeHeader, upload.mimeType);
    // Streamed from disk: the multipart reads the file as the socket drains.
    filePart.setBodyDevice(file.get());
    file.release()->setParent(multi);
    multi->append(filePart);

    const qint64 started = monotonicNowMs();
    QNetworkReply *reply = nextManager()->post(req, multi);
    multi->setParent(reply);
    ++m_inFlight;
    connect(reply, &QNetworkReply::finished, this,
        [this, reply, started, ctx, done = std::move(done)]() mutable {
            finish(reply, started, ctx, std::move(done));
        });
}

void GraphClient::download(
    const QUrl &url, const QString &filePath, QObject *context, Callback done)
{
    QNetworkRequest req(url);
    GraphError error;
    QPointer<QObject> ctx(context);
    auto out = std::make_shared<QSaveFile>(filePath);
    if (authorize(req, &error) && !out->open(QIODevice::WriteOnly))
        error = GraphError::local(
            LocalError::Validation, QStringLiteral("Cannot write file"), out->errorString());
    if (error.isError()) {
        failLater(ctx, std::move(done), error);
        return;
    }
    const qint64 started = monotonicNowMs();
    QNetworkReply *reply = nextManager()->get(req);
    ++m_inFlight;
    auto hash = std::make_shared<QCryptographicHash>(QCryptographicHash::Sha256);
    auto bytes = std::make_shared<qint64>(0);
    connect(reply, &QNetworkReply::readyRead, this, [reply, out, hash, bytes] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status < 200 || status >= 300)
            return; // the error body is read in finished
        const QByteArray chunk = reply->readAll();
        hash->addData(chunk);
        *bytes += chunk.size();
        out->write(chunk);
    });
    connect(reply, &QNetworkReply::finished, this,
        [this, reply, started, ctx, out, hash, bytes, done = std::move(done)] {
            --m_inFlight;
            reply->deleteLater();
            GraphResult r;
            r.latencyMs = monotonicNowMs() - started;
            r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (r.httpStatus >= 200 && r.httpStatus < 300
                && reply->error() == QNetworkReply::NoError) {
                const QByteArray rest = reply->readAll();
                hash->addData(rest);
                *bytes += rest.size();
                out->write(rest);
                if (!out->commit()) {
                    r.error = GraphError::local(LocalError::Validation,
                        QStringLiteral("Cannot write file"), out->errorString());
                } else {
                    r.body = QJsonObject{{QStringLiteral("path"), out->fileName()},
                        {QStringLiteral("bytes"), *bytes},
                        {QStringLiteral("sha256"), QString::fromLatin1(hash->result().toHex())}};
                }
            } else {
                out->cancelWriting();
                r.raw = reply->readAll();
                if (r.httpStatus == 0)
                    r.error = GraphError::network(reply->errorString());
                else
                    r.error = GraphError::fromHttp(r.httpStatus, r.raw);
                qCWarning(lcGraph).noquote()
                    << "download failed" << r.error.logSummary() << "latency_ms=" << r.latencyMs;
            }
            if (ctx)
                done(r);
        });
}

void GraphClient::finish(
    QNetworkReply *reply, qint64 startedMs, QPointer<QObject> context, Callback done)
{
    --m_inFlight;
    reply->deleteLater();
    GraphResult r;
    r.latencyMs = monotonicNowMs() - startedMs;
    r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.raw = reply->readAll();
    if (r.httpStatus == 0) {
        r.error = GraphError::network(reply->errorString());
    } else {
        r.body = QJsonDocument::fromJson(r.raw).object();
        r.error = GraphError::fromHttp(r.httpStatus, r.raw);
    }
    // A send's error is logged by the Scheduler, with its outbox id (one line to follow a
    // message by); every other request's error here.
    const bool isSend = reply->operation() == QNetworkAccessManager::PostOperation
        && reply->url().path().endsWith(QLatin1String("/messages"));
    if (r.error.isError() && !isSend) {
        qCInfo(lcGraph).noquote() << reply->url().path() << r.error.logSummary()
                                  << "latency_ms=" << r.latencyMs;
    }
    if (context)
        done(r);
}

} // namespace parley::core
