#pragma once

#include "sim/Simulator.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QRandomGenerator>

#include <deque>
#include <memory>

class QNetworkAccessManager;

namespace parley::core {
class Clock;
}

namespace parley::sim {

// One change of a webhook POST: `field` ("messages", "message_template_status_update"...) and
// its `value`. Changes of field "messages" for the same phone number id are merged when batched.
struct WebhookEvent
{
    QString field;
    QString phoneNumberId;
    QJsonObject value;
};

// Delivers webhooks the way Meta does: signed with X-Hub-Signature-256 over the exact bytes
// posted, batched, retried with backoff on any non-200 answer for a configured period (then
// dropped), sometimes duplicated or reordered. All timing follows the injected clock.
class WebhookDispatcher : public QObject
{
    Q_OBJECT
public:
    WebhookDispatcher(core::Clock *clock, QObject *parent = nullptr);

    void configure(const SimConfig &config);
    void setUrl(const QUrl &url) { m_url = url; }
    void enqueue(WebhookEvent event) { m_queue.append(std::move(event)); }
    // Packs queued events into POSTs and sends every POST that is due.
    void run();
    void clear();

    static QByteArray signature(const QByteArray &secret, const QByteArray &body);
    QByteArray envelope(const QList<WebhookEvent> &events) const;

    QList<SimWebhook> records() const;
    int pendingCount() const { return int(m_posts.size()) + int(m_queue.size()); }
    int inFlight() const { return m_inFlight; }
    qint64 deliveredCount() const { return m_delivered; }
    qint64 droppedCount() const { return m_dropped; }
    qint64 attemptCount() const { return m_attempts; }
    qint64 failedAttemptCount() const { return m_failedAttempts; }

Q_SIGNALS:
    void attempted(const QByteArray &body, int httpStatus);

private:
    struct Post
    {
        std::shared_ptr<SimWebhook> record;
        qint64 firstAttemptMs = 0;
        qint64 nextAttemptMs = 0;
        bool inFlight = false;
    };
    void pack();
    void send(const std::shared_ptr<Post> &post);
    void finished(const std::shared_ptr<Post> &post, int httpStatus);
    std::shared_ptr<SimWebhook> record(const QByteArray &body);

    core::Clock *m_clock;
    QNetworkAccessManager *m_network = nullptr;
    QUrl m_url;
    QByteArray m_secret;
    QString m_wabaId;
    int m_batchMax = 1;
    int m_maxInFlight = 16;
    qint64 m_retryPeriodMs = 0;
    qint64 m_retryBaseMs = 1000;
    qint64 m_retryCapMs = 60'000;
    double m_duplicateRate = 0;
    double m_reorderRate = 0;
    QRandomGenerator m_random;

    QList<WebhookEvent> m_queue;
    std::deque<std::shared_ptr<Post>> m_posts;
    std::deque<std::shared_ptr<SimWebhook>> m_records;
    int m_inFlight = 0;
    qint64 m_delivered = 0;
    qint64 m_dropped = 0;
    qint64 m_attempts = 0;
    qint64 m_failedAttempts = 0;
};

} // namespace parley::sim
