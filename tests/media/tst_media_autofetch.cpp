// Inbound media fetched as soon as its message is stored (MediaAutoFetcher), against the
// simulator over real HTTP with a ManualClock: the webhook's URL first, an expired URL refreshed
// through GET /{media-id}, sha256 checked, a content-addressed cache, failures retried with a
// bounded backoff and then left visible as failed; catch-up at start; MediaFetcher::cachedPath.
#include "common/Clock.h"
#include "common/Metrics.h"
#include "graph/GraphClient.h"
#include "media/MediaAutoFetcher.h"
#include "secrets/SecretStore.h"
#include "sim/Simulator.h"
#include "store/Database.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace parley::core;
using parley::sim::SimConfig;
using parley::sim::Simulator;

namespace {

const QString kNumber = QString::fromLatin1(SimConfig::DefaultPhoneNumberId);

// A real PNG (8-bit RGB, 1x1).
QByteArray png()
{
    return QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AA"
                                  "AAMBAQDJ/pLvAAAAAElFTkSuQmCC");
}

// Passes everything to the real client, counting requests; downloads can be made to fail.
class CountingGraph final : public GraphApi
{
public:
    explicit CountingGraph(GraphApi *inner) : m_inner(inner) { }
    void request(const QByteArray &method, const QString &path, const QUrlQuery &query,
        const QJsonObject &body, QObject *context, Callback done) override
    {
        if (method == "GET")
            ++gets;
        m_inner->request(method, path, query, body, context, std::move(done));
    }
    void upload(const QString &path, const GraphUpload &u, QObject *context, Callback done) override
    {
        m_inner->upload(path, u, context, std::move(done));
    }
    void download(const QUrl &url, const QString &file, QObject *context, Callback done) override
    {
        ++downloads;
        if (failDownloads > 0) {
            --failDownloads;
            GraphResult r;
            r.error = GraphError::network(QStringLiteral("Connection reset by peer"));
            QMetaObject::invokeMethod(
                context, [done, r] { done(r); }, Qt::QueuedConnection);
            return;
        }
        m_inner->download(url, file, context, std::move(done));
    }
    int gets = 0;
    int downloads = 0;
    int failDownloads = 0;

private:
    GraphApi *m_inner;
};

double counter(const char *outcome)
{
    return Metrics::global()
        .counter("parley_media_fetch_total",
            "Inbound media fetch attempts by outcome (fetched, retry, failed)",
            {{"outcome", QByteArray(outcome)}})
        .value();
}

} // namespace

class TestMediaAutoFetch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString m_conn;
    QSqlDatabase m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Simulator> m_sim;
    MemorySecretStore m_secrets;
    std::unique_ptr<GraphClient> m_graph;
    std::unique_ptr<CountingGraph> m_counting;

    QString cacheDir() const { return m_dir.filePath(QStringLiteral("cache-%1").arg(m_n)); }

    // Uploads the PNG to the simulator; returns its media id.
    QString upload()
    {
        const QString path = m_dir.filePath(QStringLiteral("dot.png"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(png());
        f.close();
        GraphUpload u;
        u.filePath = path;
        u.mimeType = QStringLiteral("image/png");
        u.fields = {{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
            {QStringLiteral("type"), QStringLiteral("image/png")}};
        QString id;
        bool done = false;
        m_graph->upload(kNumber + QStringLiteral("/media"), u, this, [&](const GraphResult &r) {
            id = r.body.value(QLatin1String("id")).toString();
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10'000))
            return {};
        return id;
    }
    // A fresh download URL for the media, as Meta puts into the webhook.
    QString freshUrl(const QString &mediaId)
    {
        QString url;
        bool done = false;
        m_graph->get(mediaId, {}, this, [&](const GraphResult &r) {
            url = r.body.value(QLatin1String("url")).toString();
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10'000))
            return {};
        return url;
    }
    // An inbound image message as the parser stores it (raw_json is the message object).
    bool storeInbound(const QString &wamid, const QString &mediaId, const QString &url,
        const QString &sha256, qint64 receivedAtMs)
    {
        QJsonObject image{{QStringLiteral("id"), mediaId},
            {QStringLiteral("mime_type"), QStringLiteral("image/png")},
            {QStringLiteral("sha256"), sha256}};
        if (!url.isEmpty())
            image.insert(QStringLiteral("url"), url);
        const QJsonObject message{{QStringLiteral("from"), QStringLiteral("16505551234")},
            {QStringLiteral("id"), wamid}, {QStringLiteral("type"), QStringLiteral("image")},
            {QStringLiteral("image"), image}};
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral(
            "INSERT INTO messages (id, direction, phone_number_id, from_wa_id, type, timestamp, "
            "received_at, media_id, mime_type, sha256, raw_json) VALUES (?, 'in', ?, "
            "'16505551234', 'image', ?, ?, ?, 'image/png', ?, ?)"));
        q.addBindValue(wamid);
        q.addBindValue(kNumber);
        q.addBindValue(receivedAtMs / 1000);
        q.addBindValue(receivedAtMs);
        q.addBindValue(mediaId);
        q.addBindValue(sha256.isEmpty() ? QVariant() : QVariant(sha256));
        q.addBindValue(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
        return q.exec();
    }
    QString state(const QString &mediaId, int *attempts = nullptr)
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT state, attempts FROM media_cache WHERE media_id = ?"));
        q.addBindValue(mediaId);
        if (!q.exec() || !q.next())
            return {};
        if (attempts)
            *attempts = q.value(1).toInt();
        return q.value(0).toString();
    }
    static QString pngSha()
    {
        return QString::fromLatin1(
            QCryptographicHash::hash(png(), QCryptographicHash::Sha256).toHex());
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_conn = QStringLiteral("autofetch-%1").arg(++m_n);
        QString error;
        m_db = Database::open(
            m_dir.filePath(QStringLiteral("store-%1.db").arg(m_n)), m_conn, &error);
        QVERIFY2(m_db.isValid(), qPrintable(error));
        m_clock = std::make_unique<ManualClock>(QDateTime::currentMSecsSinceEpoch());
        SimConfig cfg;
        cfg.clock = m_clock.get();
        m_sim = std::make_unique<Simulator>(cfg);
        QVERIFY(m_sim->start());
        m_secrets.write(QString::fromLatin1(SecretStore::AccessToken),
            QString::fromLatin1(SimConfig::DefaultAccessToken));
        GraphConfig gc;
        gc.baseUrl = m_sim->baseUrl();
        m_graph = std::make_unique<GraphClient>(gc, &m_secrets);
        m_counting = std::make_unique<CountingGraph>(m_graph.get());
    }
    void cleanup()
    {
        m_counting.reset();
        m_graph.reset();
        m_sim.reset();
        m_db = QSqlDatabase();
        Database::close(m_conn);
    }

    // The webhook carried a URL: one download, no GET; the file is in the cache by sha256.
    void webhookUrlFirst()
    {
        const QString id = upload();
        QVERIFY(!id.isEmpty());
        const QString url = freshUrl(id);
        QVERIFY(storeInbound(QStringLiteral("wamid.in1"), id, url, pngSha(), m_clock->nowMs()));
        MediaAutoFetcher fetcher(m_db, m_counting.get(), m_clock.get(), cacheDir());
        QSignalSpy fetched(&fetcher, &MediaAutoFetcher::fetched);
        const double before = counter("fetched");
        QCOMPARE(
            fetcher.addMessages({QStringLiteral("wamid.in1"), QStringLiteral("wamid.none")}), 1);
        fetcher.pump();
        QTRY_COMPARE_WITH_TIMEOUT(fetched.size(), 1, 10'000);
        QCOMPARE(m_counting->downloads, 1);
        QCOMPARE(m_counting->gets, 0);
        const QString path = fetched.first().at(1).toString();
        QCOMPARE(path, QDir(cacheDir()).filePath(pngSha().left(2) + u'/' + pngSha()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), png());
        QCOMPARE(state(id), QStringLiteral("fetched"));
        QCOMPARE(MediaFetcher::cachedPath(m_db, cacheDir(), id), path);
        QCOMPARE(MediaFetcher::cachedPath(m_db, cacheDir(), QStringLiteral("123")), QString());
        QCOMPARE(counter("fetched"), before + 1);
        // The same message again (a replayed webhook): nothing to do.
        QCOMPARE(fetcher.addMessages({QStringLiteral("wamid.in1")}), 0);
    }

    // The webhook's URL has expired (5 minutes): a fresh one from GET /{media-id}.
    void expiredUrlRefreshed()
    {
        const QString id = upload();
        const QString url = freshUrl(id);
        m_clock->advanceMs(6 * 60 * 1000);
        QVERIFY(storeInbound(QStringLiteral("wamid.in2"), id, url, pngSha(), m_clock->nowMs()));
        MediaAutoFetcher fetcher(m_db, m_counting.get(), m_clock.get(), cacheDir());
        QSignalSpy fetched(&fetcher, &MediaAutoFetcher::fetched);
        fetcher.addMessages({QStringLiteral("wamid.in2")});
        fetcher.pump();
        QTRY_COMPARE_WITH_TIMEOUT(fetched.size(), 1, 10'000);
        QCOMPARE(m_counting->downloads, 2); // the expired URL (404), then the fresh one
        QCOMPARE(m_counting->gets, 1);
        int attempts = 0;
        QCOMPARE(state(id, &attempts), QStringLiteral("fetched"));
        QCOMPARE(attempts, 1);
    }

    // A download that fails is retried after 2 s, 4 s, 8 s, 16 s (ManualClock), then left
    // failed (visible); a later success clears it.
    void failingDownloadRetriedThenFailed()
    {
        const QString id = upload();
        QVERIFY(storeInbound(QStringLiteral("wamid.in3"), id, {}, pngSha(), m_clock->nowMs()));
        m_counting->failDownloads = 1000;
        MediaAutoFetcher fetcher(m_db, m_counting.get(), m_clock.get(), cacheDir());
        QSignalSpy failed(&fetcher, &MediaAutoFetcher::failed);
        const double retriesBefore = counter("retry");
        const double failedBefore = counter("failed");
        fetcher.addMessages({QStringLiteral("wamid.in3")});
        QCOMPARE(fetcher.pump(), -1); // started, nothing waiting
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10'000);
        QCOMPARE(failed.last().at(2).toBool(), false);
        int attempts = 0;
        QCOMPARE(state(id, &attempts), QStringLiteral("failed"));
        QCOMPARE(attempts, 1);
        const qint64 backoff[] = {2000, 4000, 8000, 16000};
        for (int n = 0; n < 4; ++n) {
            // Not before its time.
            QCOMPARE(fetcher.pump(), backoff[n]);
            m_clock->advanceMs(backoff[n] - 1);
            QCOMPARE(fetcher.pump(), 1);
            QCOMPARE(m_counting->downloads, n + 1);
            m_clock->advanceMs(1);
            fetcher.pump();
            QTRY_COMPARE_WITH_TIMEOUT(failed.size(), n + 2, 10'000);
            QCOMPARE(m_counting->downloads, n + 2);
        }
        QCOMPARE(failed.last().at(2).toBool(), true); // final
        QCOMPARE(state(id, &attempts), QStringLiteral("failed"));
        QCOMPARE(attempts, 5);
        QCOMPARE(fetcher.waiting(), 0);
        QCOMPARE(fetcher.pump(), -1);
        QCOMPARE(counter("retry"), retriesBefore + 4);
        QCOMPARE(counter("failed"), failedBefore + 1);
        // Given up on: a restart does not pick it up again.
        MediaAutoFetcher restarted(m_db, m_counting.get(), m_clock.get(), cacheDir());
        QCOMPARE(restarted.catchUp(), 0);
        QCOMPARE(MediaFetcher::cachedPath(m_db, cacheDir(), id), QString());
    }

    void retriedThenFetched()
    {
        const QString id = upload();
        QVERIFY(storeInbound(QStringLiteral("wamid.in4"), id, {}, pngSha(), m_clock->nowMs()));
        m_counting->failDownloads = 2;
        MediaAutoFetcher fetcher(m_db, m_counting.get(), m_clock.get(), cacheDir());
        QSignalSpy fetched(&fetcher, &MediaAutoFetcher::fetched);
        QSignalSpy failed(&fetcher, &MediaAutoFetcher::failed);
        fetcher.addMessages({QStringLiteral("wamid.in4")});
        fetcher.pump();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10'000);
        m_clock->advanceMs(2000);
        fetcher.pump();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 10'000);
        m_clock->advanceMs(4000);
        fetcher.pump();
        QTRY_COMPARE_WITH_TIMEOUT(fetched.size(), 1, 10'000);
        int attempts = 0;
        QCOMPARE(state(id, &attempts), QStringLiteral("fetched"));
        QCOMPARE(attempts, 3);
        QVERIFY(QFile::exists(MediaFetcher::cachedPath(m_db, cacheDir(), id)));
    }

    // At start: media of the last 7 days not fetched yet; failed ones wait out their backoff.
    void catchUpAtStart()
    {
        const QString id = upload();
        const qint64 now = m_clock->nowMs();
        QVERIFY(storeInbound(QStringLiteral("wamid.recent"), id, {}, pngSha(), now - 3600'000));
        QVERIFY(storeInbound(
            QStringLiteral("wamid.old"), QStringLiteral("777"), {}, {}, now - 8LL * 24 * 3600'000));
        MediaAutoFetcher fetcher(m_db, m_counting.get(), m_clock.get(), cacheDir());
        QSignalSpy fetched(&fetcher, &MediaAutoFetcher::fetched);
        QCOMPARE(fetcher.catchUp(), 1); // the 8-day-old media id has expired at Meta
        fetcher.pump();
        QTRY_COMPARE_WITH_TIMEOUT(fetched.size(), 1, 10'000);
        QCOMPARE(fetcher.catchUp(), 0);
    }

    // A wrong sha256 is a failure (nothing cached under the wrong name).
    void sha256Checked()
    {
        const QString id = upload();
        const QString wrong = QString(64, u'0');
        QVERIFY(storeInbound(QStringLiteral("wamid.bad"), id, {}, wrong, m_clock->nowMs()));
        MediaAutoFetcher fetcher(m_db, m_counting.get(), m_clock.get(), cacheDir());
        QSignalSpy failed(&fetcher, &MediaAutoFetcher::failed);
        fetcher.addMessages({QStringLiteral("wamid.bad")});
        fetcher.pump();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10'000);
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("sha256 mismatch"));
        QVERIFY(!QFile::exists(QDir(cacheDir()).filePath(pngSha().left(2) + u'/' + pngSha())));
    }
};

QTEST_GUILESS_MAIN(TestMediaAutoFetch)
#include "tst_media_autofetch.moc"
