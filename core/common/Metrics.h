#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>

#include <atomic>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace parley::core {

// A small Prometheus registry: counters, gauges and histograms with labels, rendered in the text
// exposition format (version 0.0.4). Updating a metric is lock-free (atomics) and safe from any
// thread; looking one up takes a mutex, so hot paths look their metrics up once and keep the
// reference, which stays valid for the registry's lifetime.
//
//   Metrics::Counter &ok = metrics.counter("parley_webhook_requests_total",
//                                          "Webhook requests by result", {{"result", "ok"}});
//   ok.inc();
class Metrics
{
public:
    using Labels = QList<std::pair<QByteArray, QByteArray>>;

    class Counter
    {
    public:
        void inc(double by = 1.0) { m_value.fetch_add(by, std::memory_order_relaxed); }
        double value() const { return m_value.load(std::memory_order_relaxed); }

    private:
        std::atomic<double> m_value{0.0};
    };

    class Gauge
    {
    public:
        void set(double value) { m_value.store(value, std::memory_order_relaxed); }
        void add(double by) { m_value.fetch_add(by, std::memory_order_relaxed); }
        double value() const;
        // Read at scrape time instead of the stored value (e.g. a queue length kept elsewhere).
        // Called on the scraping thread: it must be thread-safe.
        void setCallback(std::function<double()> callback);

    private:
        std::atomic<double> m_value{0.0};
        mutable QMutex m_mutex;
        std::function<double()> m_callback;
    };

    class Histogram
    {
    public:
        explicit Histogram(std::vector<double> upperBounds);
        void observe(double value);
        quint64 count() const { return m_count.load(std::memory_order_relaxed); }
        double sum() const { return m_sum.load(std::memory_order_relaxed); }
        const std::vector<double> &upperBounds() const { return m_bounds; }
        // Observations <= upperBounds()[i], not cumulative; the last slot counts the rest.
        quint64 bucketCount(std::size_t i) const
        {
            return m_buckets[i].load(std::memory_order_relaxed);
        }
        // The value below which a fraction q of observations fall, estimated by linear
        // interpolation inside the bucket (as Prometheus' histogram_quantile does).
        double quantile(double q) const;

    private:
        std::vector<double> m_bounds;
        std::unique_ptr<std::atomic<quint64>[]> m_buckets; // m_bounds.size() + 1
        std::atomic<quint64> m_count{0};
        std::atomic<double> m_sum{0.0};
    };

    // Seconds, from 100 µs to 10 s: request and ingest latencies.
    static std::vector<double> latencyBuckets();

    Metrics();
    ~Metrics();
    Metrics(const Metrics &) = delete;
    Metrics &operator=(const Metrics &) = delete;

    // The process-wide registry that parleyctl serves at /metrics.
    static Metrics &global();

    // Returns the metric of that name and labels, creating it (and its family) on first use.
    // help is kept from the first call. Asking for a name already registered with another type
    // is a programming error: it logs a warning and returns a metric that is never exported.
    Counter &counter(const QByteArray &name, const QByteArray &help, const Labels &labels = {});
    Gauge &gauge(const QByteArray &name, const QByteArray &help, const Labels &labels = {});
    Histogram &histogram(const QByteArray &name, const QByteArray &help, const Labels &labels = {},
        std::vector<double> upperBounds = latencyBuckets());

    // Every family in registration order, as Prometheus text ("text/plain; version=0.0.4").
    QByteArray exposition() const;
    static QByteArray contentType() { return "text/plain; version=0.0.4; charset=utf-8"; }

private:
    struct Family;
    enum class Type { Counter, Gauge, Histogram };
    Family &family(const QByteArray &name, const QByteArray &help, Type type, bool *typeMismatch);

    mutable QMutex m_mutex;
    std::vector<std::unique_ptr<Family>> m_families;
    Counter m_strayCounter;
    Gauge m_strayGauge;
    Histogram m_strayHistogram{{}};
};

} // namespace parley::core
