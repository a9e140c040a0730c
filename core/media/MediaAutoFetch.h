#pragma once

#include "graph/GraphClient.h"
#include "media/MediaAutoFetcher.h"

#include <QObject>
#include <QStringList>
#include <QThread>

namespace parley::core {

class Clock;
class SecretStore;

// MediaAutoFetcher on a thread of its own (its SQLite connection, its Graph client), for
// `parleyctl serve` and the console: feed it the message ids of each committed ingest batch
// (IngestPipeline::ingested) with addMessages(); every call returns at once.
class MediaAutoFetch : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString databasePath;
        QString cacheDir; // empty: MediaFetcher::defaultCacheDir(databasePath)
        GraphConfig graph;
        MediaAutoFetcher::Options fetcher;
        Clock *clock = nullptr; // nullptr: the system clock
    };

    MediaAutoFetch(Options options, SecretStore *secrets, QObject *parent = nullptr);
    ~MediaAutoFetch() override; // stops the thread; downloads in flight are retried next start

    // Opens the store on the worker thread and catches up with media not fetched yet.
    void start();
    void stop();
    void addMessages(const QStringList &messageIds);
    QString cacheDir() const { return m_options.cacheDir; }

Q_SIGNALS:
    void fetched(const QString &mediaId, const QString &path);
    void failed(const QString &mediaId, const QString &error, bool final);
    void startFailed(const QString &error);

private:
    class Worker;
    Options m_options;
    SecretStore *m_secrets;
    QThread m_thread;
    Worker *m_worker = nullptr; // lives on m_thread
};

} // namespace parley::core
