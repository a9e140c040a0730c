#pragma once

#include "graph/GraphError.h"
#include "media/MediaPolicy.h"

#include <QObject>
#include <QSqlDatabase>

#include <functional>

namespace parley::core {

class Clock;
class GraphApi;

// Uploads a file as WhatsApp media (POST /<PHONE_NUMBER_ID>/media, multipart streamed from disk)
// after checking its MIME type and size (FACTS.md §4). Uploaded ids are cached by content
// (sha256, number) in media_uploads and reused until a day before their 30-day expiry.
// Lives on the thread of its database connection.
class MediaUploader : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kLifetimeMs = 30LL * 24 * 3600 * 1000;
    static constexpr qint64 kReuseMarginMs = 24LL * 3600 * 1000;

    struct Result
    {
        QString mediaId;
        bool reused = false; // from the cache, no request made
        MediaCheck check;
        QString sha256; // hex
        GraphError error; // a local refusal (check failed) or Meta's / the network's error

        bool ok() const { return !mediaId.isEmpty(); }
    };

    MediaUploader(QSqlDatabase db, GraphApi *graph, Clock *clock, QObject *parent = nullptr);

    // kind: image | video | audio | document | sticker, or empty to pick from the MIME type.
    void upload(const QString &phoneNumberId, const QString &path, const QString &kind,
        std::function<void(const Result &)> done);

    static QString sha256OfFile(const QString &path, QString *error = nullptr);

private:
    QSqlDatabase m_db;
    GraphApi *m_graph;
    Clock *m_clock;
};

} // namespace parley::core
