#pragma once

#include "sim/SimConfig.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace parley::sim {

// A simulated customer: who writes to the business and how they react to what it sends.
struct SimCustomer
{
    QString name; // profile.name
    QString waId; // phone digits without '+', may be empty for username-only users
    QString userId; // BSUID, e.g. "US.13491208655302741918"; may be empty
    QString username; // profile.username; may be empty
    QString locale = QStringLiteral("en_US");
};

// One webhook POST the simulator made (or tried to make).
struct SimWebhook
{
    QByteArray body; // the exact bytes posted
    QByteArray signature; // X-Hub-Signature-256 header value, "sha256=<hex>"
    int attempts = 0;
    int lastHttpStatus = 0; // 0 = no answer (connection error) or not yet sent
    bool delivered = false;
};

class SimulatorPrivate;

// Meta's WhatsApp Cloud API on loopback, read from FACTS.md and Meta's OpenAPI spec: the Graph
// endpoints (messages, media, message_templates), the webhooks Meta sends (signed), customers from
// a scenario, fault injection, and /_sim/ introspection. Runs in the thread that owns it; all
// timed behaviour follows SimConfig::clock, so tests drive it with a ManualClock and call
// runDueEvents() after advancing it (a timer also calls it every few milliseconds).
class Simulator : public QObject
{
    Q_OBJECT
public:
    explicit Simulator(const SimConfig &config = SimConfig(), QObject *parent = nullptr);
    ~Simulator() override;

    // Listens on "host:port" (port 0 = any free port). False with a message on failure.
    bool start(const QString &listen = QStringLiteral("127.0.0.1:0"), QString *error = nullptr);
    void stop();
    quint16 port() const;
    // "http://127.0.0.1:<port>": what WA_GRAPH_BASE_URL is set to (paths carry the version,
    // "/v23.0/<phone-number-id>/messages").
    QUrl baseUrl() const;

    const SimConfig &config() const;
    void setWebhookUrl(const QUrl &url);
    // Fault injection and rates can be changed while running.
    void setThroughputMps(double mps, int burst = 0);
    void setTokenExpiresAtMs(qint64 ms);

    // Loads a scenario file (docs/simulator.md): customers, who writes when, how they react.
    bool loadScenario(const QString &path, QString *error = nullptr);
    bool loadScenarioJson(const QByteArray &json, QString *error = nullptr);
    void addCustomer(const SimCustomer &customer);

    // A customer writes now. `message` is the inbound message object in Meta's webhook shape
    // without from/id/timestamp, e.g. {"type":"text","text":{"body":"Hi"}}. `from` is the
    // customer's wa_id or BSUID (unknown senders become customers). Opens/renews their 24 h
    // window and queues the inbound webhook. Returns the new message id (wamid).
    QString customerWrites(
        const QString &from, const QJsonObject &message, const QString &phoneNumberId = QString());
    QString customerWritesText(
        const QString &from, const QString &text, const QString &phoneNumberId = QString());

    // Forgets messages, media, created templates, windows, rate-limit state and pending webhooks;
    // keeps configuration, customers of the loaded scenario and the seeded templates.
    void reset();

    // Runs everything due on the clock now: status webhooks, template decisions, scenario
    // events, webhook retries.
    void runDueEvents();

    // Introspection (the same data as GET /_sim/messages and GET /_sim/stats).
    QJsonArray acceptedMessages() const;
    QJsonObject stats() const;
    QList<SimWebhook> webhooks() const;
    int pendingWebhookCount() const;

    // Adds a template directly, bypassing review. `tpl` is in the create-request shape
    // (name, language, category, components); status is APPROVED, PAUSED, DISABLED...
    // Returns the template id.
    QString addTemplate(const QJsonObject &tpl, const QString &status = QStringLiteral("APPROVED"));
    // Changes a template's status (sends a message_template_status_update webhook).
    bool setTemplateStatus(const QString &templateId, const QString &status);

Q_SIGNALS:
    // A send was accepted (HTTP 200): the wamid, the recipient (wa_id or BSUID), the request.
    void messageAccepted(
        const QString &wamid, const QString &recipient, const QJsonObject &request);
    // A webhook POST got an answer (or failed with httpStatus 0).
    void webhookAttempted(const QByteArray &body, int httpStatus);
    // A customer message was queued as an inbound webhook.
    void customerMessage(const QString &wamid, const QString &from, const QJsonObject &message);

private:
    std::unique_ptr<SimulatorPrivate> d;
};

} // namespace parley::sim
