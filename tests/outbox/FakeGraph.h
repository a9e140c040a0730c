#pragma once

// A small recording fake of the Graph API for unit tests: records every request and answers
// when the test says so (or at once, with `autoAnswer`).

#include "graph/GraphApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

#include <functional>

namespace parley::test {

struct FakeRequest
{
    QByteArray method;
    QString path;
    QJsonObject body;
    QPointer<QObject> context;
    parley::core::GraphApi::Callback done;
};

class FakeGraph final : public parley::core::GraphApi
{
public:
    // Decides the answer to a request; the default accepts it with a fresh wamid.
    std::function<parley::core::GraphResult(const FakeRequest &)> responder
        = [this](const FakeRequest &) { return accepted(); };
    bool autoAnswer = false;
    QList<FakeRequest> requests; // every request, in order
    QList<FakeRequest> pending; // not answered yet

    parley::core::GraphResult accepted()
    {
        parley::core::GraphResult r;
        r.httpStatus = 200;
        r.latencyMs = 100;
        r.body = QJsonObject{{QStringLiteral("messages"),
            QJsonArray{QJsonObject{
                {QStringLiteral("id"), QStringLiteral("wamid.fake%1").arg(++m_next)}}}}};
        return r;
    }
    static parley::core::GraphResult error(int httpStatus, int code)
    {
        parley::core::GraphResult r;
        r.httpStatus = httpStatus;
        r.latencyMs = 100;
        r.raw = QJsonDocument(
            QJsonObject{{QStringLiteral("error"),
                QJsonObject{{QStringLiteral("code"), code},
                    {QStringLiteral("message"), QStringLiteral("(#%1) test").arg(code)},
                    {QStringLiteral("fbtrace_id"), QStringLiteral("trace%1").arg(code)}}}})
                    .toJson(QJsonDocument::Compact);
        r.error = parley::core::GraphError::fromHttp(httpStatus, r.raw);
        return r;
    }

    void request(const QByteArray &method, const QString &path, const QUrlQuery &,
        const QJsonObject &body, QObject *context, Callback done) override
    {
        FakeRequest req{method, path, body, context, std::move(done)};
        requests.append(req);
        if (autoAnswer)
            answer(req);
        else
            pending.append(req);
    }
    void upload(const QString &path, const parley::core::GraphUpload &, QObject *context,
        Callback done) override
    {
        request("POST", path, {}, {}, context, std::move(done));
    }
    void download(const QUrl &url, const QString &, QObject *context, Callback done) override
    {
        request("GET", url.toString(), {}, {}, context, std::move(done));
    }

    // Answers every pending request (in order) with the responder.
    int answerAll()
    {
        const QList<FakeRequest> now = std::exchange(pending, {});
        for (const FakeRequest &r : now)
            answer(r);
        return int(now.size());
    }

    QStringList recipients() const
    {
        QStringList out;
        for (const FakeRequest &r : requests)
            out << r.body.value(QLatin1String("to")).toString() + QLatin1Char(':')
                    + r.body.value(QLatin1String("text"))
                          .toObject()
                          .value(QLatin1String("body"))
                          .toString();
        return out;
    }

private:
    void answer(const FakeRequest &r)
    {
        const parley::core::GraphResult result = responder(r);
        if (r.context)
            r.done(result);
    }
    int m_next = 0;
};

} // namespace parley::test
