#include "common/Metrics.h"

#include <QTest>

#include <cmath>
#include <thread>
#include <vector>

using namespace parley::core;

class TestMetrics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void counterWithLabels()
    {
        Metrics m;
        Metrics::Counter &ok = m.counter("req_total", "Requests", {{"result", "ok"}});
        Metrics::Counter &bad = m.counter("req_total", "Requests", {{"result", "bad_signature"}});
        ok.inc();
        ok.inc(2);
        bad.inc();
        // Same name and labels: the same object.
        QCOMPARE(&m.counter("req_total", "ignored", {{"result", "ok"}}), &ok);
        QCOMPARE(m.exposition(),
            QByteArray("# HELP req_total Requests\n"
                       "# TYPE req_total counter\n"
                       "req_total{result=\"ok\"} 3\n"
                       "req_total{result=\"bad_signature\"} 1\n"));
    }

    void gaugeAndCallback()
    {
        Metrics m;
        Metrics::Gauge &g = m.gauge("backlog", "Rows waiting");
        g.set(5);
        g.add(-2);
        QCOMPARE(g.value(), 3.0);
        Metrics::Gauge &c = m.gauge("live", "Read at scrape");
        int calls = 0;
        c.setCallback([&calls] { return double(++calls * 10); });
        const QByteArray text = m.exposition();
        QVERIFY2(text.contains("backlog 3\n"), text.constData());
        QVERIFY2(text.contains("live 10\n"), text.constData());
        QCOMPARE(calls, 1);
    }

    void labelEscaping()
    {
        Metrics m;
        m.counter("x_total", "Help with \\ and\nnewline", {{"v", "a\"b\\c\nd"}}).inc();
        const QByteArray text = m.exposition();
        QVERIFY2(text.contains("# HELP x_total Help with \\\\ and\\nnewline\n"), text.constData());
        QVERIFY2(text.contains("x_total{v=\"a\\\"b\\\\c\\nd\"} 1\n"), text.constData());
    }

    void histogramBucketsAreCumulative()
    {
        Metrics m;
        Metrics::Histogram &h = m.histogram("lat_seconds", "Latency", {{"path", "w"}}, {0.1, 1});
        h.observe(0.05);
        h.observe(0.1); // on the bound: counts in le="0.1"
        h.observe(0.5);
        h.observe(7);
        QCOMPARE(h.count(), quint64(4));
        QCOMPARE(h.sum(), 7.65);
        const QByteArray text = m.exposition();
        QVERIFY2(text.contains("# TYPE lat_seconds histogram\n"
                               "lat_seconds_bucket{path=\"w\",le=\"0.1\"} 2\n"
                               "lat_seconds_bucket{path=\"w\",le=\"1\"} 3\n"
                               "lat_seconds_bucket{path=\"w\",le=\"+Inf\"} 4\n"
                               "lat_seconds_sum{path=\"w\"} 7.65\n"
                               "lat_seconds_count{path=\"w\"} 4\n"),
            text.constData());
    }

    void histogramQuantile()
    {
        Metrics m;
        Metrics::Histogram &h = m.histogram("q", "Quantiles", {}, {1, 2, 4});
        QVERIFY(std::isnan(h.quantile(0.5)));
        for (int i = 0; i < 10; ++i)
            h.observe(1.5); // all in (1, 2]
        QCOMPARE(h.quantile(0.5), 1.5);
        QCOMPARE(h.quantile(1.0), 2.0);
        h.observe(100); // beyond the last bound
        QCOMPARE(h.quantile(1.0), 4.0);
    }

    void typeMismatchIsNotExported()
    {
        Metrics m;
        m.counter("dup", "A counter").inc();
        m.gauge("dup", "Now a gauge").set(42);
        const QByteArray text = m.exposition();
        QVERIFY2(text.contains("dup 1\n"), text.constData());
        QVERIFY2(!text.contains("42"), text.constData());
    }

    void concurrentUpdates()
    {
        Metrics m;
        Metrics::Counter &c = m.counter("n_total", "N");
        Metrics::Histogram &h = m.histogram("h", "H");
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&c, &h] {
                for (int i = 0; i < 10000; ++i) {
                    c.inc();
                    h.observe(0.001);
                }
            });
        }
        for (auto &t : threads)
            t.join();
        QCOMPARE(c.value(), 40000.0);
        QCOMPARE(h.count(), quint64(40000));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
