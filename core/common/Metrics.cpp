#include "common/Metrics.h"

#include <QLoggingCategory>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace parley::core {

namespace {

Q_LOGGING_CATEGORY(lcMetrics, "parley.metrics")

QByteArray formatValue(double v)
{
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "+Inf" : "-Inf";
    char buf[64];
    const auto result = std::to_chars(buf, buf + sizeof buf, v);
    return QByteArray(buf, result.ptr - buf);
}

QByteArray escapeLabelValue(const QByteArray &value)
{
    QByteArray out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray escapeHelp(const QByteArray &help)
{
    QByteArray out = help;
    out.replace("\\", "\\\\");
    out.replace("\n", "\\n");
    return out;
}

// {a="1",b="2"} with an optional extra label (the histogram's le) appended.
QByteArray renderLabels(const Metrics::Labels &labels, const QByteArray &extraName = {},
    const QByteArray &extraValue = {})
{
    if (labels.isEmpty() && extraName.isEmpty())
        return {};
    QByteArray out = "{";
    bool first = true;
    for (const auto &[name, value] : labels) {
        if (!first)
            out += ',';
        first = false;
        out += name + "=\"" + escapeLabelValue(value) + '"';
    }
    if (!extraName.isEmpty()) {
        if (!first)
            out += ',';
        out += extraName + "=\"" + extraValue + '"';
    }
    out += '}';
    return out;
}

} // namespace

struct Metrics::Family
{
    QByteArray name;
    QByteArray help;
    Type type;
    // Label sets in creation order; the metric objects never move once created.
    std::vector<std::pair<Labels, std::unique_ptr<Counter>>> counters;
    std::vector<std::pair<Labels, std::unique_ptr<Gauge>>> gauges;
    std::vector<std::pair<Labels, std::unique_ptr<Histogram>>> histograms;
};

double Metrics::Gauge::value() const
{
    QMutexLocker lock(&m_mutex);
    if (m_callback)
        return m_callback();
    return m_value.load(std::memory_order_relaxed);
}

void Metrics::Gauge::setCallback(std::function<double()> callback)
{
    QMutexLocker lock(&m_mutex);
    m_callback = std::move(callback);
}

Metrics::Histogram::Histogram(std::vector<double> upperBounds)
    : m_bounds(std::move(upperBounds)), m_buckets(new std::atomic<quint64>[m_bounds.size() + 1])
{
    std::sort(m_bounds.begin(), m_bounds.end());
    for (std::size_t i = 0; i <= m_bounds.size(); ++i)
        m_buckets[i].store(0, std::memory_order_relaxed);
}

void Metrics::Histogram::observe(double value)
{
    const auto it = std::lower_bound(m_bounds.begin(), m_bounds.end(), value);
    m_buckets[std::size_t(it - m_bounds.begin())].fetch_add(1, std::memory_order_relaxed);
    m_count.fetch_add(1, std::memory_order_relaxed);
    m_sum.fetch_add(value, std::memory_order_relaxed);
}

double Metrics::Histogram::quantile(double q) const
{
    const std::size_t n = m_bounds.size();
    quint64 total = 0;
    for (std::size_t i = 0; i <= n; ++i)
        total += bucketCount(i);
    if (total == 0)
        return std::numeric_limits<double>::quiet_NaN();
    const double rank = std::clamp(q, 0.0, 1.0) * double(total);
    quint64 cumulative = 0;
    for (std::size_t i = 0; i <= n; ++i) {
        const quint64 inBucket = bucketCount(i);
        if (inBucket > 0 && double(cumulative + inBucket) >= rank) {
            if (i == n) // above the last bound: the best answer is that bound
                return n ? m_bounds[n - 1] : std::numeric_limits<double>::infinity();
            const double lower = i == 0 ? 0.0 : m_bounds[i - 1];
            const double upper = m_bounds[i];
            return lower + (upper - lower) * ((rank - double(cumulative)) / double(inBucket));
        }
        cumulative += inBucket;
    }
    return n ? m_bounds[n - 1] : 0.0;
}

std::vector<double> Metrics::latencyBuckets()
{
    return {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
        2.5, 5, 10};
}

Metrics::Metrics() = default;
Metrics::~Metrics() = default;

Metrics &Metrics::global()
{
    static Metrics registry;
    return registry;
}

Metrics::Family &Metrics::family(
    const QByteArray &name, const QByteArray &help, Type type, bool *typeMismatch)
{
    *typeMismatch = false;
    for (auto &f : m_families) {
        if (f->name == name) {
            if (f->type != type) {
                *typeMismatch = true;
                qCWarning(lcMetrics) << "metric" << name << "requested with a second type";
            }
            return *f;
        }
    }
    auto f = std::make_unique<Family>();
    f->name = name;
    f->help = help;
    f->type = type;
    m_families.push_back(std::move(f));
    return *m_families.back();
}

Metrics::Counter &Metrics::counter(
    const QByteArray &name, const QByteArray &help, const Labels &labels)
{
    QMutexLocker lock(&m_mutex);
    bool mismatch = false;
    Family &f = family(name, help, Type::Counter, &mismatch);
    if (mismatch)
        return m_strayCounter;
    for (auto &[l, metric] : f.counters) {
        if (l == labels)
            return *metric;
    }
    f.counters.emplace_back(labels, std::make_unique<Counter>());
    return *f.counters.back().second;
}

Metrics::Gauge &Metrics::gauge(const QByteArray &name, const QByteArray &help, const Labels &labels)
{
    QMutexLocker lock(&m_mutex);
    bool mismatch = false;
    Family &f = family(name, help, Type::Gauge, &mismatch);
    if (mismatch)
        return m_strayGauge;
    for (auto &[l, metric] : f.gauges) {
        if (l == labels)
            return *metric;
    }
    f.gauges.emplace_back(labels, std::make_unique<Gauge>());
    return *f.gauges.back().second;
}

Metrics::Histogram &Metrics::histogram(const QByteArray &name, const QByteArray &help,
    const Labels &labels, std::vector<double> upperBounds)
{
    QMutexLocker lock(&m_mutex);
    bool mismatch = false;
    Family &f = family(name, help, Type::Histogram, &mismatch);
    if (mismatch)
        return m_strayHistogram;
    for (auto &[l, metric] : f.histograms) {
        if (l == labels)
            return *metric;
    }
    f.histograms.emplace_back(labels, std::make_unique<Histogram>(std::move(upperBounds)));
    return *f.histograms.back().second;
}

QByteArray Metrics::exposition() const
{
    QMutexLocker lock(&m_mutex);
    QByteArray out;
    for (const auto &f : m_families) {
        out += "# HELP " + f->name + ' ' + escapeHelp(f->help) + '\n';
        switch (f->type) {
        case Type::Counter:
            out += "# TYPE " + f->name + " counter\n";
            for (const auto &[labels, metric] : f->counters)
                out += f->name + renderLabels(labels) + ' ' + formatValue(metric->value()) + '\n';
            break;
        case Type::Gauge:
            out += "# TYPE " + f->name + " gauge\n";
            for (const auto &[labels, metric] : f->gauges)
                out += f->name + renderLabels(labels) + ' ' + formatValue(metric->value()) + '\n';
            break;
        case Type::Histogram:
            out += "# TYPE " + f->name + " histogram\n";
            for (const auto &[labels, metric] : f->histograms) {
                const auto &bounds = metric->upperBounds();
                quint64 cumulative = 0;
                for (std::size_t i = 0; i <= bounds.size(); ++i) {
                    cumulative += metric->bucketCount(i);
                    const QByteArray le = i < bounds.size() ? formatValue(bounds[i]) : "+Inf";
                    out += f->name + "_bucket" + renderLabels(labels, "le", le) + ' '
                        + QByteArray::number(cumulative) + '\n';
                }
                out += f->name + "_sum" + renderLabels(labels) + ' ' + formatValue(metric->sum())
                    + '\n';
                out += f->name + "_count" + renderLabels(labels) + ' '
                    + QByteArray::number(cumulative) + '\n';
            }
            break;
        }
    }
    return out;
}

} // namespace parley::core
