#pragma once
// Shared helpers of the simulator tests: a blocking Graph client over real HTTP and a webhook
// receiver on 127.0.0.1:0. Waiting uses an event loop with a deadline, never a sleep.

#include "http/HttpServer.h"
#include "sim/SimConfig.h"

#include <QEventLoop>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>

#include <functional>

namespace parley::sim::test {

struct Reply
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QJsonObject json;
    int errorCode() const
    {
        return json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toInt();
    }
    QJsonObject error() const { return json.value(QLatin1String("error")).toObject(); }
};

class GraphClient
{
public:
    GraphClient(
        const QUrl &base, const QString &token = QString::fromLatin1(SimConfig::DefaultAccessToken))
        : m_base(base), m_token(token)
    {
    }
    void setToken(const QString &token) { m_token = token; }

    QUrl url(const QString &path) const
    {
        QUrl u = m_base;
        const qsizetype q = path.indexOf(u'?');
        u.setPath(q < 0 ? path : path.left(q));
        if (q >= 0)
            u.setQuery(path.mid(q + 1));
        return u;
    }

    Reply send(const QByteArray &method, const QUrl &url, const QByteArray &body = QByteArray(),
        const QByteArray &contentType = "application/json", QHttpMultiPart *multipart = nullptr)
    {
        QNetworkRequest request(url);
        if (!m_token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        if (!body.isEmpty() || method == "POST")
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        QNetworkReply *reply = nullptr;
        if (multipart)
            reply = m_network.post(request, multipart);
        else
            reply = m_network.sendCustomRequest(request, method, body);
        return wait(reply);
    }

    Reply post(const QString &path, const QJsonObject &body)
    {
        return send("POST", url(path), QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    Reply postRaw(const QString &path, const QByteArray &body)
    {
        return send("POST", url(path), body);
    }
    Reply get(const QString &path) { return send("GET", url(path)); }
    Reply del(const QString &path) { return send("DELETE", url(path)); }

    Reply upload(const QString &path, const QByteArray &data, const QByteArray &mime,
        const QByteArray &typeField, bool withProduct = true)
    {
        auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        if (withProduct) {
            QHttpPart product;
            product.setHeader(QNetworkRequest::ContentDispositionHeader,
                QByteArrayLiteral("form-data; name=\"messaging_product\""));
            product.setBody("whatsapp");
            multi->append(product);
        }
        if (!typeField.isEmpty()) {
            QHttpPart type;
            type.setHeader(QNetworkRequest::ContentDispositionHeader,
                QByteArrayLiteral("form-data; name=\"type\""));
            type.setBody(typeField);
            multi->append(type);
        }
        QHttpPart file;
        file.setHeader(QNetworkRequest::ContentDispositionHeader,
            QByteArrayLiteral("form-data; name=\"file\"; filename=\"f.bin\""));
        file.setHeader(QNetworkRequest::ContentTypeHeader, mime);
        file.setBody(data);
        multi->append(file);
        QNetworkRequest request(url(path));
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        QNetworkReply *reply = m_network.post(request, multi);
        multi->setParent(reply);
        return wait(reply);
    }

private:
    static Reply wait(QNetworkReply *reply)
    {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10'000, &loop, &QEventLoop::quit); // a deadline, not a wait for time
        if (!reply->isFinished())
            loop.exec();
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        r.json = QJsonDocument::fromJson(r.body).object();
        reply->deleteLater();
        return r;
    }

    QNetworkAccessManager m_network;
    QUrl m_base;
    QString m_token;
};

// Receives the simulator's webhooks; answers `nextStatuses` in order, then 200.
class WebhookReceiver
{
public:
    WebhookReceiver()
    {
        m_server.setHandler(
            [this](const core::HttpRequest &request, core::HttpResponder responder) {
                requests.append(request);
                const int status = nextStatuses.isEmpty() ? 200 : nextStatuses.takeFirst();
                responder.respond(core::HttpResponse::text(status, status == 200 ? "ok" : "fail"));
            });
    }
    bool start() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/webhook").arg(m_server.serverPort()));
    }

    // Every status object received so far, in arrival order.
    QList<QJsonObject> statuses() const { return items("statuses"); }
    QList<QJsonObject> messages() const { return items("messages"); }
    QList<QJsonObject> values(const QString &field) const
    {
        QList<QJsonObject> out;
        for (const core::HttpRequest &r : requests) {
            for (const QJsonValue &e :
                QJsonDocument::fromJson(r.body).object().value(QLatin1String("entry")).toArray()) {
                for (const QJsonValue &c : e.toObject().value(QLatin1String("changes")).toArray()) {
                    if (c.toObject().value(QLatin1String("field")).toString() == field)
                        out.append(c.toObject().value(QLatin1String("value")).toObject());
                }
            }
        }
        return out;
    }
    QList<QJsonObject> items(const char *key) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &v : values(QStringLiteral("messages"))) {
            for (const QJsonValue &s : v.value(QLatin1String(key)).toArray())
                out.append(s.toObject());
        }
        return out;
    }

    QList<core::HttpRequest> requests;
    QList<int> nextStatuses;

private:
    core::HttpServer m_server;
};

// Spins the event loop until `done` holds or the deadline passes (network I/O, not time).
inline bool waitFor(const std::function<bool()> &done, int deadlineMs = 5000)
{
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    deadline.start(deadlineMs);
    while (!done()) {
        if (!deadline.isActive())
            return false;
        loop.processEvents(QEventLoop::WaitForMoreEvents, 20);
    }
    return true;
}

} // namespace parley::sim::test
