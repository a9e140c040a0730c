#pragma once

#include "graph/GraphApi.h"

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace parley::core {

class SecretStore;

struct GraphConfig
{
    QUrl baseUrl = QUrl(QStringLiteral("https://graph.facebook.com"));
    QString version = QStringLiteral("v24.0");
    int timeoutMs = 30'000;
    bool http2 = true; // used when the server offers it (TLS + ALPN)
    // Independent connection pools (one QNetworkAccessManager each, 6 HTTP/1.1 connections per
    // host). 0: 1 for https (HTTP/2 multiplexes), 32 for plain http (the simulator), so that
    // enough requests can be in flight to reach 1,000 mps at 100 ms latency.
    int pools = 0;

    // WA_GRAPH_BASE_URL, WA_GRAPH_VERSION over the defaults.
    static GraphConfig fromEnvironment();
    // baseUrl + "/" + version + "/" + path
    QUrl url(const QString &path, const QUrlQuery &query = {}) const;
};

// The real Graph client: one QNetworkAccessManager (connection reuse, HTTP/2 when offered), bearer
// token read from the SecretStore for every request (so a rotated token is picked up), Meta's
// error envelope parsed into GraphError. Lives on one thread; call it from that thread.
class GraphClient : public QObject, public GraphApi
{
    Q_OBJECT
public:
    GraphClient(GraphConfig config, SecretStore *secrets, QObject *parent = nullptr);
    ~GraphClient() override;

    const GraphConfig &config() const { return m_config; }

    void request(const QByteArray &method, const QString &path, const QUrlQuery &query,
        const QJsonObject &body, QObject *context, Callback done) override;
    void upload(
        const QString &path, const GraphUpload &upload, QObject *context, Callback done) override;
    void download(
        const QUrl &url, const QString &filePath, QObject *context, Callback done) override;

    int inFlight() const { return m_inFlight; }

private:
    bool authorize(QNetworkRequest &request, GraphError *error) const;
    void finish(QNetworkReply *reply, qint64 startedMs, QPointer<QObject> context, Callback done);
    // Answers `done` with a local error on the next event-loop turn (callers never see a
    // synchronous callback), unless `context` is gone by then.
    void failLater(QPointer<QObject> context, Callback done, const GraphError &error);

    GraphConfig m_config;
    SecretStore *m_secrets;
    QNetworkAccessManager *nextManager();

    QList<QNetworkAccessManager *> m_pool;
    int m_nextManager = 0;
    int m_inFlight = 0;
};

} // namespace parley::core
