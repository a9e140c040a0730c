#pragma once

#include "common/Metrics.h"
#include "http/HttpServer.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>

namespace parley::core {

class Journal;
class SignatureVerifier;

// The public face of `parleyctl serve` (and of the desktop demo's in-process receiver):
//   GET  /webhooks/whatsapp  Meta's subscription check: 200 + bare hub.challenge, or 403
//   POST /webhooks/whatsapp  X-Hub-Signature-256 checked on the raw bytes, in constant time,
//                            before anything parses them; 403 and nothing stored when it is
//                            missing, malformed or wrong; an authentic body is handed to the
//                            Journal, which answers 200 after its commit (500 if that fails)
//   GET  /healthz            200 while the journal writer runs, 503 otherwise
class WebhookReceiver : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QByteArray appSecret; // required: there is no unsigned mode
        QByteArray verifyToken; // empty: every verification GET is refused
        QByteArray path = "/webhooks/whatsapp";
    };

    WebhookReceiver(Journal *journal, Config config, Metrics *metrics = &Metrics::global(),
        QObject *parent = nullptr);
    ~WebhookReceiver() override;

    // Starts an HttpServer of its own on hostPort ("127.0.0.1:0" for a free port).
    bool listen(const QString &hostPort, QString *error = nullptr,
        const HttpServer::Limits &limits = HttpServer::Limits{});
    HttpServer *server() const { return m_server; }
    quint16 serverPort() const;

    // The request handler, for use on a server set up elsewhere.
    void handle(const HttpRequest &request, HttpResponder responder);

private:
    void handlePost(const HttpRequest &request, HttpResponder &responder);
    void handleVerification(const HttpRequest &request, HttpResponder &responder);
    Metrics::Counter &requests(const char *result);

    Journal *m_journal;
    Config m_config;
    std::unique_ptr<SignatureVerifier> m_verifier; // keyed with m_config.appSecret
    Metrics *m_metrics;
    HttpServer *m_server = nullptr;
    Metrics::Counter &m_accepted;
    Metrics::Counter &m_journalFailed;
    Metrics::Counter &m_badSignature;
    Metrics::Counter &m_missingSignature;
    Metrics::Histogram &m_bodyBytes;
};

} // namespace parley::core
