#include "webhook/WebhookReceiver.h"

#include "common/Log.h"
#include "webhook/Journal.h"
#include "webhook/Signature.h"
#include "webhook/SignatureVerifier.h"

#include <openssl/crypto.h>

namespace parley::core {

namespace {

const QByteArray kRequestsName = "parley_webhook_requests_total";
const QByteArray kRequestsHelp = "Webhook listener requests by result";

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    return a.isEmpty() || CRYPTO_memcmp(a.constData(), b.constData(), std::size_t(a.size())) == 0;
}

} // namespace

WebhookReceiver::WebhookReceiver(Journal *journal, Config config, Metrics *metrics, QObject *parent)
    : QObject(parent), m_journal(journal), m_config(std::move(config)),
      m_verifier(std::make_unique<SignatureVerifier>(m_config.appSecret)), m_metrics(metrics),
      m_accepted(requests("journaled")), m_journalFailed(requests("journal_failed")),
      m_badSignature(requests("bad_signature")), m_missingSignature(requests("missing_signature")),
      m_bodyBytes(metrics->histogram("parley_webhook_body_bytes", "Sizes of authentic bodies", {},
          {256, 1024, 4096, 16384, 65536, 262144, 1048576, 3145728}))
{
}

WebhookReceiver::~WebhookReceiver() = default;

Metrics::Counter &WebhookReceiver::requests(const char *result)
{
    return m_metrics->counter(kRequestsName, kRequestsHelp, {{"result", result}});
}

bool WebhookReceiver::listen(
    const QString &hostPort, QString *error, const HttpServer::Limits &limits)
{
    if (!m_server) {
        m_server = new HttpServer(this);
        m_server->setHandler([this](const HttpRequest &request, HttpResponder responder) {
            handle(request, std::move(responder));
        });
        Metrics *metrics = m_metrics;
        m_server->setRejectObserver([metrics](int status, const char *) {
            metrics
                ->counter(kRequestsName, kRequestsHelp,
                    {{"result", "http_" + QByteArray::number(status)}})
                .inc();
        });
    }
    m_server->setLimits(limits);
    return m_server->listen(hostPort, error);
}

quint16 WebhookReceiver::serverPort() const
{
    return m_server ? m_server->serverPort() : 0;
}

void WebhookReceiver::handle(const HttpRequest &request, HttpResponder responder)
{
    if (request.path == m_config.path) {
        if (request.method == "POST") {
            handlePost(request, responder);
        } else if (request.method == "GET") {
            handleVerification(request, responder);
        } else {
            requests("method_not_allowed").inc();
            HttpResponse r = HttpResponse::text(405, "method not allowed\n");
            r.headers.append(std::pair<QByteArray, QByteArray>("Allow", "GET, POST"));
            responder.respond(std::move(r));
        }
        return;
    }
    if (request.path == "/healthz" && (request.method == "GET" || request.method == "HEAD")) {
        const bool up = m_journal && m_journal->isRunning();
        responder.respond(up ? HttpResponse::text(200, "ok\n")
                             : HttpResponse::text(503, "journal not running\n"));
        return;
    }
    requests("not_found").inc();
    responder.respond(HttpResponse::text(404, "not found\n"));
}

void WebhookReceiver::handleVerification(const HttpRequest &request, HttpResponder &responder)
{
    const QByteArray mode
        = request.query.queryItemValue(QStringLiteral("hub.mode"), QUrl::FullyDecoded).toUtf8();
    const QByteArray token
        = request.query.queryItemValue(QStringLiteral("hub.verify_token"), QUrl::FullyDecoded)
              .toUtf8();
    const QString challenge
        = request.query.queryItemValue(QStringLiteral("hub.challenge"), QUrl::FullyDecoded);
    if (mode == "subscribe" && !m_config.verifyToken.isEmpty()
        && constantTimeEquals(token, m_config.verifyToken) && !challenge.isEmpty()) {
        requests("verified").inc();
        qCInfo(lcWebhook) << "subscription verification accepted";
        responder.respond(HttpResponse::text(200, challenge.toUtf8()));
        return;
    }
    requests("verification_refused").inc();
    qCWarning(lcWebhook) << "subscription verification refused (mode or verify token wrong)";
    responder.respond(HttpResponse::text(403, "forbidden\n"));
}

void WebhookReceiver::handlePost(const HttpRequest &request, HttpResponder &responder)
{
    const Signature::Result check
        = m_verifier->verify(request.body, request.header("x-hub-signature-256"));
    if (check != Signature::Result::Valid) {
        (check == Signature::Result::Missing ? m_missingSignature : m_badSignature).inc();
        // Only the fact: never the body, never the claimed digest.
        qCWarning(lcWebhook).nospace()
            << "refused POST from " << request.peer.toString() << ": signature "
            << Signature::resultName(check) << " (" << request.body.size() << " bytes, not stored)";
        responder.respond(HttpResponse::text(403, "forbidden\n"));
        return;
    }
    if (!m_journal) {
        m_journalFailed.inc();
        responder.respond(HttpResponse::text(503, "no journal\n"));
        return;
    }
    m_bodyBytes.observe(double(request.body.size()));
    Metrics::Counter *accepted = &m_accepted;
    Metrics::Counter *failed = &m_journalFailed;
    m_journal->append(request.body, request.receivedAtMs,
        [responder = std::move(responder), accepted, failed](qint64 journalId) {
            static const HttpResponse ok = HttpResponse::text(200, "ok\n");
            if (journalId >= 0) {
                accepted->inc();
                responder.respond(ok);
            } else {
                failed->inc();
                responder.respond(HttpResponse::text(500, "journal commit failed\n"));
            }
        });
}

} // namespace parley::core
