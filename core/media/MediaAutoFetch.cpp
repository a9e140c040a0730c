#include "media/MediaAutoFetch.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "store/Database.h"

#include <QUuid>

#include <memory>

namespace parley::core {

// Everything that lives on the fetch thread.
class MediaAutoFetch::Worker : public QObject
{
public:
    Worker(MediaAutoFetch *owner, const Options &options, SecretStore *secrets)
        : m_owner(owner), m_options(options), m_secrets(secrets)
    {
    }
    ~Worker() override { close(); }

    void open()
    {
        Clock *clock = m_options.clock ? m_options.clock : Clock::system();
        m_connection = Database::threadConnectionName(
            QStringLiteral("media-") + QUuid::createUuid().toString(QUuid::Id128).left(8));
        QString error;
        QSqlDatabase db = Database::open(m_options.databasePath, m_connection, &error);
        if (!db.isValid()) {
            QMetaObject::invokeMethod(
                m_owner, [o = m_owner, error] { Q_EMIT o->startFailed(error); },
                Qt::QueuedConnection);
            return;
        }
        m_graph = std::make_unique<GraphClient>(m_options.graph, m_secrets);
        m_fetcher = std::make_unique<MediaAutoFetcher>(
            db, m_graph.get(), clock, m_options.cacheDir, m_options.fetcher);
        MediaAutoFetch *owner = m_owner;
        connect(m_fetcher.get(), &MediaAutoFetcher::fetched, owner, &MediaAutoFetch::fetched);
        connect(m_fetcher.get(), &MediaAutoFetcher::failed, owner, &MediaAutoFetch::failed);
        m_fetcher->catchUp();
    }
    void close()
    {
        m_fetcher.reset();
        m_graph.reset();
        if (!m_connection.isEmpty()) {
            Database::close(m_connection);
            m_connection.clear();
        }
    }
    void add(const QStringList &ids)
    {
        if (m_fetcher)
            m_fetcher->addMessages(ids);
    }

private:
    MediaAutoFetch *m_owner;
    Options m_options;
    SecretStore *m_secrets;
    QString m_connection;
    std::unique_ptr<GraphClient> m_graph;
    std::unique_ptr<MediaAutoFetcher> m_fetcher;
};

MediaAutoFetch::MediaAutoFetch(Options options, SecretStore *secrets, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_secrets(secrets)
{
    if (m_options.cacheDir.isEmpty())
        m_options.cacheDir = MediaFetcher::defaultCacheDir(m_options.databasePath);
    // Hidden, for tests that watch the whole retry budget go by in real time.
    if (const int ms = qEnvironmentVariableIntValue("PARLEY_MEDIA_RETRY_MS"); ms > 0)
        m_options.fetcher.retry.baseMs = ms;
    m_thread.setObjectName(QStringLiteral("parley-media"));
    m_worker = new Worker(this, m_options, m_secrets);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

MediaAutoFetch::~MediaAutoFetch()
{
    stop();
    m_thread.quit();
    m_thread.wait();
}

void MediaAutoFetch::start()
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->open(); }, Qt::QueuedConnection);
}

void MediaAutoFetch::stop()
{
    if (!m_thread.isRunning())
        return;
    // Blocking: the worker closes its connection on its own thread.
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->close(); }, Qt::BlockingQueuedConnection);
}

void MediaAutoFetch::addMessages(const QStringList &messageIds)
{
    if (messageIds.isEmpty())
        return;
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, messageIds] { w->add(messageIds); }, Qt::QueuedConnection);
}

} // namespace parley::core
