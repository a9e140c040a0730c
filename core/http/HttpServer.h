#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <utility>

class QTcpServer;

namespace parley::core {

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method;
    QByteArray target; // as sent: path and query
    QByteArray path; // target without the query string
    QUrlQuery query;
    HttpHeaders headers; // names lower-cased, in arrival order
    QByteArray body; // exact bytes (chunked bodies de-chunked)
    QHostAddress peer;
    qint64 receivedAtMs = 0;

    // The first header of that (lower-case) name, or a null QByteArray.
    QByteArray header(QByteArrayView lowerName) const;
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "text/plain; charset=utf-8";
    QByteArray body;
    HttpHeaders headers;
    // Fault injection (the simulator): reset the connection instead of answering.
    bool dropConnection = false;

    static HttpResponse text(int status, const QByteArray &body);
    static HttpResponse json(int status, const QByteArray &body);
};

namespace detail {
class HttpConnection;
struct PendingReply;
struct ReplyMailbox;
} // namespace detail

// A handle to answer one request, exactly once, from any thread. Dropping every copy without
// answering sends a 500 so that no client waits forever.
class HttpResponder
{
public:
    HttpResponder() = default;
    void respond(HttpResponse response) const;
    // False once answered, or when the client has gone.
    bool isOpen() const;

private:
    friend class detail::HttpConnection;
    explicit HttpResponder(std::shared_ptr<detail::PendingReply> d) : m_d(std::move(d)) { }
    std::shared_ptr<detail::PendingReply> m_d;
};

// A small HTTP/1.1 server on QTcpServer that enforces what Qt 6.4's QHttpServer does not:
// body and header limits checked before buffering, a deadline for receiving a request
// (slow clients), an idle timeout, and replies that may come later from another thread
// (group commit) without crashing when the client has hung up. Keep-alive and pipelining are
// supported; requests on one connection are answered in order. See docs/adr/0001-http-front.md.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        qint64 maxBodyBytes = 3 * 1024 * 1024;
        int maxHeaderBytes = 16 * 1024; // request line + headers
        int maxHeaderCount = 100;
        int requestTimeoutMs = 30'000; // first byte to last byte of one request
        int idleTimeoutMs = 60'000; // keep-alive connection with no request under way
        int maxConnections = 4096;
    };
    using Handler = std::function<void(const HttpRequest &, HttpResponder)>;
    // Called for every request the server refuses itself (status 400/408/413/431/501/503).
    using RejectObserver = std::function<void(int status, const char *reason)>;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    void setRejectObserver(RejectObserver observer) { m_rejectObserver = std::move(observer); }

    bool listen(const QHostAddress &address, quint16 port, QString *error = nullptr);
    // "127.0.0.1:8080", "[::1]:8080", ":8080" or "8080".
    bool listen(const QString &hostPort, QString *error = nullptr);
    quint16 serverPort() const;
    QHostAddress serverAddress() const;
    void close();
    int connectionCount() const { return m_connections; }

private:
    friend class detail::HttpConnection;
    friend struct detail::ReplyMailbox;
    void onNewConnection();
    // Runs on the server's thread: writes every answer the mailbox collected since the last
    // call (one queued call per batch of answers, not one per answer).
    void deliverReplies();

    QTcpServer *m_server = nullptr;
    Limits m_limits;
    Handler m_handler;
    RejectObserver m_rejectObserver;
    int m_connections = 0;
    // Answers from any thread wait here; connections are found by id, so an answer for a
    // connection that has gone finds nothing.
    std::shared_ptr<detail::ReplyMailbox> m_mailbox;
    QHash<quint64, detail::HttpConnection *> m_live;
    quint64 m_nextConnectionId = 0;
};

// Parses "host:port" as used by --listen options. Returns false on a malformed value.
bool parseHostPort(const QString &hostPort, QHostAddress *address, quint16 *port);

} // namespace parley::core
