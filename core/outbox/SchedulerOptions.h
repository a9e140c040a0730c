#pragma once

#include "graph/RetryPolicy.h"

#include <QHash>
#include <QString>
#include <QtGlobal>

namespace parley::core {

// Meta's limits (FACTS.md §8) as scheduler settings.
struct SchedulerOptions
{
    double messagesPerSecond = 80; // per business number: 80 default, up to 1,000; 20 coexistence
    // Per business number (phone_number_id -> messages/s), over messagesPerSecond and over the
    // rates stored in the settings table (NumberRates): e.g. 20 for a coexistence number.
    QHash<QString, double> numberMessagesPerSecond;
    bool useStoredRates = true; // read NumberRates from the store (and re-read it every few s)
    double burstSeconds = 0.1; // bucket capacity = rate x burstSeconds (at least 1)
    // Pair rate: about 1 message / 6 s to the same user sustained, short bursts allowed.
    double pairIntervalSeconds = 6.0;
    int pairBurst = 10;
    int maxInFlight = 0; // 0: enough for the rate at the measured latency (2 x rate x latency)
    int maxInFlightCap = 512;
    RetryPolicy transient = RetryPolicy::transient();
    RetryPolicy throttle = RetryPolicy::throttle();
    qint64 leaseMs = 120'000; // a claimed row's lease; longer than the HTTP timeout
    int claimBatch = 64; // rows claimed per transaction
    qint64 idleProbeMs = 200; // how often an idle scheduler looks for due rows
    int batchWindowMs = 10; // answers are recorded together (one transaction) within this window
};

} // namespace parley::core
