#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace parley::core {
class Clock;
}

namespace parley::sim {

// One business phone number the simulated Meta knows.
struct SimPhoneNumber
{
    QString id; // Graph phone number id, e.g. "106540352242922"
    QString displayNumber; // metadata.display_phone_number, e.g. "15550100001"
    // What GET /{phone-number-id} answers besides the id and the number.
    QString verifiedName = QStringLiteral("Parley Demo");
    QString qualityRating = QStringLiteral("GREEN"); // GREEN | YELLOW | RED | NA
    QString messagingLimitTier = QStringLiteral("TIER_1K");
};

// Everything the simulated Meta is configured with. The defaults are the ones documented in
// docs/simulator.md so that the desktop demo, the tests and `parleyctl sim` agree.
struct SimConfig
{
    static constexpr const char *DefaultAccessToken = "sim-access-token";
    static constexpr const char *DefaultPhoneNumberId = "106540352242922";
    static constexpr const char *DefaultDisplayNumber = "15550100001";
    static constexpr const char *DefaultWabaId = "102290129340398";
    static constexpr const char *DefaultAppSecret = "sim-app-secret";

    // Accepted bearer tokens; anything else answers 190 / HTTP 401.
    QStringList accessTokens{QString::fromLatin1(DefaultAccessToken)};
    // A token stops working at this time (ms since epoch, on `clock`); 0 = never.
    qint64 tokenExpiresAtMs = 0;
    QList<SimPhoneNumber> phoneNumbers{
        {QString::fromLatin1(DefaultPhoneNumberId), QString::fromLatin1(DefaultDisplayNumber)}};
    QString wabaId = QString::fromLatin1(DefaultWabaId);
    // Key of X-Hub-Signature-256 on every webhook the simulator posts.
    QByteArray appSecret = DefaultAppSecret;
    // Where webhooks go; empty = webhooks are only recorded (see Simulator::sentWebhooks()).
    QUrl webhookUrl;

    // Injected latency of every Graph answer, uniform in [min, max] ms (real time).
    int latencyMinMs = 0;
    int latencyMaxMs = 0;

    // Throughput cap per phone number (130429 when exceeded); 0 = unlimited. The bucket holds
    // `throughputBurst` messages (0 = one second's worth) and refills continuously.
    double throughputMps = 0;
    int throughputBurst = 0;
    // Pair rate to one recipient (131056): a bucket of `pairRateBurst` refilled one message per
    // `pairRateIntervalMs`; 0 burst = no pair-rate limit.
    int pairRateBurst = 45;
    qint64 pairRateIntervalMs = 6000;

    // Free-form messages outside the customer's 24 h window fail asynchronously with 131047.
    bool enforceWindow = true;
    qint64 windowMs = 24LL * 3600 * 1000;

    // Delays of the status webhooks after the send is accepted (on `clock`).
    qint64 sentDelayMs = 200;
    qint64 deliveredDelayMs = 1000;
    qint64 readDelayMs = 4000;
    // Customers read what they are sent (a `read` status follows `delivered`).
    bool autoRead = true;

    // Templates created through the API land PENDING and are decided after this delay (on
    // `clock`). A template whose name contains `rejectTemplateMarker` is REJECTED.
    qint64 templateApprovalDelayMs = 60'000;
    QString rejectTemplateMarker = QStringLiteral("reject");

    // Uploaded media URLs expire after this long (Meta: 5 minutes).
    qint64 mediaUrlTtlMs = 5 * 60 * 1000;

    // Webhook delivery: a non-200 answer is retried with exponential backoff (first retry
    // immediately, then base * 2^n capped) for `webhookRetryPeriodMs`, then the event is dropped.
    qint64 webhookRetryPeriodMs = 10 * 60 * 1000;
    qint64 webhookRetryBaseMs = 1000;
    qint64 webhookRetryCapMs = 60'000;
    // Up to this many due events are sent in one POST (1 = never batched).
    int webhookBatchMax = 1;
    int webhookMaxInFlight = 16;
    double webhookDuplicateRate = 0; // probability that a POST is sent twice
    double webhookReorderRate = 0; // probability that a due event is held back behind the next one

    // Fault injection on the messages endpoint, probabilities in [0, 1].
    double serverErrorRate = 0; // HTTP 500 code 1 "(#1) An unknown error occurred"
    double internalErrorRate = 0; // 131000 Something went wrong (HTTP 500)
    double serviceUnavailableRate = 0; // 131016 Service unavailable (HTTP 500)
    // The connection is reset before the request is looked at (nothing is accepted), as a
    // network failure between Parley and Meta would.
    double dropConnectionRate = 0;

    // Recipients (phone digits or BSUID) whose sends fail asynchronously.
    QStringList unreachableRecipients; // 131026
    QStringList marketingOptOut; // 131050, marketing templates only

    // Seed the template store with the APPROVED templates listed in docs/simulator.md
    // (hello_world, order_update, ...), so that template sends work out of the box.
    bool seedDefaultTemplates = true;

    quint64 seed = 1;
    // Time source for windows, rate limits, statuses, template decisions and media expiry;
    // nullptr = the system clock. Not owned.
    core::Clock *clock = nullptr;
};

} // namespace parley::sim
