#include "sim/WebhookDispatcher.h"

#include "common/Clock.h"
#include "common/Log.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace parley::sim {

namespace {
constexpr size_t kMaxRecords = 20'000;
}

WebhookDispatcher::WebhookDispatcher(core::Clock *clock, QObject *parent)
    : QObject(parent), m_clock(clock), m_network(new QNetworkAccessManager(this))
{
}

void WebhookDispatcher::configure(const SimConfig &config)
{
    m_url = config.webhookUrl;
    m_secret = config.appSecret;
    m_wabaId = config.wabaId;
    m_batchMax = qMax(1, config.webhookBatchMax);
    m_maxInFlight = qMax(1, config.webhookMaxInFlight);
    m_retryPeriodMs = config.webhookRetryPeriodMs;
    m_retryBaseMs = qMax<qint64>(1, config.webhookRetryBaseMs);
    m_retryCapMs = qMax(m_retryBaseMs, config.webhookRetryCapMs);
    m_duplicateRate = config.webhookDuplicateRate;
    m_reorderRate = config.webhookReorderRate;
    m_random.seed(quint32(config.seed * 2654435761ULL + 17));
}

QByteArray WebhookDispatcher::signature(const QByteArray &secret, const QByteArray &body)
{
    return "sha256="
        + QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toHex();
}

QByteArray WebhookDispatcher::envelope(const QList<WebhookEvent> &events) const
{
    QJsonArray changes;
    QJsonObject merged;
    QString mergedPhone;
    auto flushMerged = [&] {
        if (!merged.isEmpty())
            changes.append(QJsonObject{{QStringLiteral("value"), merged},
                {QStringLiteral("field"), QStringLiteral("messages")}});
        merged = {};
    };
    for (const WebhookEvent &e : events) {
        if (e.field != QLatin1String("messages")) {
            flushMerged();
            changes.append(QJsonObject{
                {QStringLiteral("value"), e.value}, {QStringLiteral("field"), e.field}});
            continue;
        }
        if (!merged.isEmpty() && mergedPhone != e.phoneNumberId)
            flushMerged();
        if (merged.isEmpty()) {
            merged = e.value;
            mergedPhone = e.phoneNumberId;
            continue;
        }
        for (const char *key : {"contacts", "messages", "statuses", "errors"}) {
            const QString k = QString::fromLatin1(key);
            if (!e.value.contains(k))
                continue;
            QJsonArray a = merged.value(k).toArray();
            for (const QJsonValue &v : e.value.value(k).toArray())
                a.append(v);
            merged.insert(k, a);
        }
    }
    flushMerged();
    const QJsonObject root{{QStringLiteral("object"), QStringLiteral("whatsapp_business_account")},
        {QStringLiteral("entry"),
            QJsonArray{QJsonObject{
                {QStringLiteral("id"), m_wabaId}, {QStringLiteral("changes"), changes}}}}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::shared_ptr<SimWebhook> WebhookDispatcher::record(const QByteArray &body)
{
    auto r = std::make_shared<SimWebhook>();
    r->body = body;
    r->signature = signature(m_secret, body);
    m_records.push_back(r);
    while (m_records.size() > kMaxRecords)
        m_records.pop_front();
    return r;
}

void WebhookDispatcher::pack()
{
    if (m_queue.isEmpty())
        return;
    QList<WebhookEvent> events = std::move(m_queue);
    m_queue.clear();
    // Reordering: an event is sometimes held back behind the one after it.
    if (m_reorderRate > 0) {
        for (qsizetype i = 0; i + 1 < events.size(); ++i) {
            if (m_random.generateDouble() < m_reorderRate) {
                events.swapItemsAt(i, i + 1);
                ++i;
            }
        }
    }
    const qint64 now = m_clock->nowMs();
    for (qsizetype i = 0; i < events.size(); i += m_batchMax) {
        const QByteArray body = envelope(events.mid(i, m_batchMax));
        const int copies
            = (m_duplicateRate > 0 && m_random.generateDouble() < m_duplicateRate) ? 2 : 1;
        for (int c = 0; c < copies; ++c) {
            auto post = std::make_shared<Post>();
            post->record = record(body);
            post->firstAttemptMs = now;
            post->nextAttemptMs = now;
            m_posts.push_back(post);
        }
    }
}

void WebhookDispatcher::run()
{
    pack();
    if (!m_url.isValid() || m_url.isEmpty()) {
        // Nowhere to deliver: the posts stay recorded (see Simulator::webhooks()).
        m_posts.clear();
        return;
    }
    const qint64 now = m_clock->nowMs();
    for (const std::shared_ptr<Post> &post : m_posts) {
        if (m_inFlight >= m_maxInFlight)
            break;
        if (!post->inFlight && post->nextAttemptMs <= now)
            send(post);
    }
}

void WebhookDispatcher::send(const std::shared_ptr<Post> &post)
{
    post->inFlight = true;
    ++m_inFlight;
    ++m_attempts;
    ++post->record->attempts;
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("X-Hub-Signature-256", post->record->signature);
    request.setRawHeader("User-Agent", "facebookexternalua");
    request.setTransferTimeout(20'000);
    QNetworkReply *reply = m_network->post(request, post->record->body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, post] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        finished(post, status);
    });
}

void WebhookDispatcher::finished(const std::shared_ptr<Post> &post, int httpStatus)
{
    post->inFlight = false;
    --m_inFlight;
    post->record->lastHttpStatus = httpStatus;
    Q_EMIT attempted(post->record->body, httpStatus);
    const qint64 now = m_clock->nowMs();
    auto it = std::find(m_posts.begin(), m_posts.end(), post);
    if (httpStatus == 200) {
        post->record->delivered = true;
        ++m_delivered;
        if (it != m_posts.end())
            m_posts.erase(it);
    } else {
        ++m_failedAttempts;
        // First retry immediately, then base * 2^(n-2), capped; an event whose next attempt
        // would fall outside the retry period is dropped, as Meta drops it after 7 days.
        const int n = post->record->attempts;
        qint64 delay = 0;
        if (n >= 2)
            delay = qMin(m_retryCapMs, m_retryBaseMs << qMin(n - 2, 30));
        if (now + delay - post->firstAttemptMs > m_retryPeriodMs) {
            ++m_dropped;
            qCWarning(core::lcSim) << "webhook dropped after" << n << "attempts";
            if (it != m_posts.end())
                m_posts.erase(it);
        } else {
            post->nextAttemptMs = now + delay;
        }
    }
    run();
}

void WebhookDispatcher::clear()
{
    m_queue.clear();
    m_posts.clear();
    m_records.clear();
    m_delivered = m_dropped = m_attempts = m_failedAttempts = 0;
}

QList<SimWebhook> WebhookDispatcher::records() const
{
    QList<SimWebhook> out;
    out.reserve(qsizetype(m_records.size()));
    for (const auto &r : m_records)
        out.append(*r);
    return out;
}

} // namespace parley::sim
