#pragma once

#include "templates/TemplateRules.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// Plain values that travel from the admin worker thread to the admin screens by queued calls.
namespace parley::ui {

// One row of the templates table (one name in one language).
struct TemplateRow
{
    QString id;
    QString name;
    QString language;
    QString category;
    QString status;
    QString statusReason;
    QString quality; // GREEN, YELLOW, RED, UNKNOWN; empty when Meta never reported one
};

enum class JournalFilter { All, Failed, Pending };

// One row of the webhook journal, without its body (read on demand).
struct JournalRow
{
    qint64 id = 0;
    qint64 receivedAtMs = 0;
    qint64 size = 0;
    QString parseState; // pending, parsed, failed
    QString parseError;
    int events = 0;
    qint64 parsedAtMs = 0;
};

struct JournalSummary
{
    qint64 total = 0;
    qint64 failed = 0;
    qint64 pending = 0;
};

// What a replay from the inspector did.
struct ReplayOutcome
{
    bool ok = true;
    QString error;
    qint64 rows = 0;
    qint64 parsed = 0;
    qint64 failed = 0;
    qint64 events = 0;
    QList<qint64> conversationIds;
};

// The outcome of a template create, delete or sync.
struct TemplateAdminOutcome
{
    QList<core::TemplateRuleViolation> violations; // refused before anything was sent
    QString error; // refused by Meta, or the network failed
    QString warning;
    QString status; // create: the status Meta answered (PENDING)
    int templates = 0; // sync: how many are stored
    bool ok() const { return violations.isEmpty() && error.isEmpty(); }
};

// One business number as the Graph API describes it, with what the store saw it send/receive.
struct NumberHealth
{
    QString phoneNumberId;
    QString displayNumber;
    QString verifiedName;
    QString qualityRating; // from GET /{phone-number-id}, else the last quality webhook
    QString messagingLimitTier;
    QString throughputLevel;
    qint64 inboundLastHour = 0;
    qint64 outboundLastHour = 0;
    int peakPerMinute = 0; // busiest minute of the last hour, in and out
};

// The answer of a token check: GET /{phone-number-id} for every known number.
struct TokenCheck
{
    bool valid = false;
    int errorCode = 0;
    QString message; // Meta's error, or empty
    QList<NumberHealth> numbers; // what Meta answered (quality, tier, throughput)
};

// Aggregates of the last `minutes` minutes, one slot per minute, oldest first.
struct HealthSnapshot
{
    qint64 fromMs = 0; // start of the first minute
    int minutes = 60;
    QList<int> sends; // attempts Meta accepted
    QList<int> sendErrors; // attempts answered with an error (retried or final)
    QList<double> latencyMs; // mean latency of the attempts; 0 when none
    QList<int> webhooks; // journal rows received
    QList<int> parseFailures; // journal rows that failed to parse
    QList<double> lagMs; // mean of received_at - Meta's timestamp of inbound messages and statuses
    // Over the whole window.
    qint64 totalSends = 0;
    qint64 totalSendErrors = 0;
    double meanLatencyMs = 0;
    double maxLatencyMs = 0;
    qint64 totalWebhooks = 0;
    qint64 totalParseFailures = 0;
    qint64 failedRowsAllTime = 0;
    qint64 pendingRows = 0;
    double meanLagMs = 0;
    double maxLagMs = 0;
    QList<NumberHealth> numbers; // from the store (no quality when no webhook reported one)
};

} // namespace parley::ui

Q_DECLARE_METATYPE(parley::ui::TemplateRow)
Q_DECLARE_METATYPE(parley::ui::JournalRow)
Q_DECLARE_METATYPE(parley::ui::JournalSummary)
Q_DECLARE_METATYPE(parley::ui::ReplayOutcome)
Q_DECLARE_METATYPE(parley::ui::TemplateAdminOutcome)
Q_DECLARE_METATYPE(parley::ui::TokenCheck)
Q_DECLARE_METATYPE(parley::ui::HealthSnapshot)
