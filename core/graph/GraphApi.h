#pragma once

#include "graph/GraphError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrlQuery>

#include <functional>

namespace parley::core {

// One Graph API answer: the JSON body on success, a GraphError otherwise.
struct GraphResult
{
    int httpStatus = 0;
    QJsonObject body; // parsed JSON object (empty when the body is not an object)
    QByteArray raw; // the body as received (never logged)
    GraphError error;
    qint64 latencyMs = 0;

    bool ok() const { return !error.isError(); }
};

// A multipart upload read from disk (streamed, never loaded whole).
struct GraphUpload
{
    QString filePath;
    QString mimeType;
    QString fileName; // shown name; defaults to the file's name
    QList<std::pair<QString, QString>> fields; // extra form fields, e.g. messaging_product, type
};

// The Graph API behind one interface: GraphClient talks to Meta or the simulator (chosen by
// configuration); unit tests use a small recording fake. Paths are relative to the versioned base
// ("123/messages", "WABA/message_templates"). Callbacks run on the thread that owns the
// implementation, and never after `context` is destroyed.
class GraphApi
{
public:
    using Callback = std::function<void(const GraphResult &)>;

    virtual ~GraphApi() = default;

    // method: "GET", "POST", "DELETE". body is sent as application/json when not empty.
    virtual void request(const QByteArray &method, const QString &path, const QUrlQuery &query,
        const QJsonObject &body, QObject *context, Callback done)
        = 0;
    virtual void upload(
        const QString &path, const GraphUpload &upload, QObject *context, Callback done)
        = 0;
    // Downloads an absolute URL (media lookaside) to filePath with the bearer token; on success
    // result.body is {"path", "bytes", "sha256"} (sha256 in hex, computed while streaming).
    virtual void download(const QUrl &url, const QString &filePath, QObject *context, Callback done)
        = 0;

    void get(const QString &path, const QUrlQuery &query, QObject *context, Callback done)
    {
        request("GET", path, query, {}, context, std::move(done));
    }
    void post(const QString &path, const QJsonObject &body, QObject *context, Callback done)
    {
        request("POST", path, {}, body, context, std::move(done));
    }
    void remove(const QString &path, const QUrlQuery &query, QObject *context, Callback done)
    {
        request("DELETE", path, query, {}, context, std::move(done));
    }
};

} // namespace parley::core
