#include "http/HttpServer.h"

#include "common/Log.h"

#include <QDateTime>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cstring>
#include <mutex>

#include <sys/socket.h>

namespace parley::core {

QByteArray HttpRequest::header(QByteArrayView lowerName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

HttpResponse HttpResponse::text(int status, const QByteArray &body)
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    return r;
}

HttpResponse HttpResponse::json(int status, const QByteArray &body)
{
    HttpResponse r;
    r.status = status;
    r.contentType = "application/json";
    r.body = body;
    return r;
}

namespace {

const char *reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

bool isTokenChar(char c)
{
    if (c >= 'a' && c <= 'z')
        return true;
    if (c >= 'A' && c <= 'Z')
        return true;
    if (c >= '0' && c <= '9')
        return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != 0;
}

} // namespace

namespace detail {

struct Reply
{
    quint64 connectionId;
    quint64 sequence;
    HttpResponse response;
};

// Answers on their way from any thread to the server's thread. The first answer of a batch
// queues one call to HttpServer::deliverReplies(); the rest only join the vector, so a group
// commit of N requests costs one event-loop wake-up instead of N.
struct ReplyMailbox
{
    std::mutex mutex;
    HttpServer *server = nullptr; // cleared under the mutex by ~HttpServer
    std::vector<Reply> replies;

    void push(quint64 connectionId, quint64 sequence, HttpResponse response)
    {
        std::lock_guard lock(mutex);
        if (!server)
            return;
        const bool wake = replies.empty();
        replies.push_back(Reply{connectionId, sequence, std::move(response)});
        // Posted under the mutex, so the server cannot be destroyed in between; a queued call to
        // a server deleted later is discarded by Qt.
        if (wake)
            QMetaObject::invokeMethod(
                server, [s = server] { s->deliverReplies(); }, Qt::QueuedConnection);
    }
};

struct PendingReply
{
    std::mutex mutex;
    std::shared_ptr<ReplyMailbox> mailbox;
    quint64 connectionId = 0;
    quint64 sequence = 0;
    bool open = true; // cleared by the connection when it goes away or moves on
    bool answered = false;

    ~PendingReply();
    void post(HttpResponse response);
};

namespace {

bool containsCaseInsensitive(QByteArrayView haystack, QByteArrayView needle)
{
    for (qsizetype i = 0; i + needle.size() <= haystack.size(); ++i) {
        if (qstrnicmp(haystack.data() + i, needle.size(), needle.data(), needle.size()) == 0)
            return true;
    }
    return false;
}

bool equalsCaseInsensitive(QByteArrayView a, QByteArrayView b)
{
    return qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}

char toLowerAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

} // namespace

class HttpConnection : public QObject
{
public:
    HttpConnection(HttpServer *server, QTcpSocket *socket)
        : QObject(server), m_server(server), m_socket(socket), m_limits(server->limits()),
          m_id(++server->m_nextConnectionId), m_fd(int(socket->socketDescriptor())),
          m_peer(socket->peerAddress())
    {
        m_socket->setParent(this);
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_socket->setReadBufferSize(m_limits.maxHeaderBytes + m_limits.maxBodyBytes + 65536);
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] { onTimeout(); });
        connect(m_socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
        connect(m_socket, &QTcpSocket::disconnected, this, [this] { finish(); });
        connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
            if (e != QAbstractSocket::RemoteHostClosedError)
                qCDebug(lcHttp) << "socket error" << e;
            finish();
        });
        m_timer.start(m_limits.idleTimeoutMs);
        ++m_server->m_connections;
        m_server->m_live.insert(m_id, this);
    }

    ~HttpConnection() override
    {
        detach();
        if (m_server) {
            --m_server->m_connections;
            m_server->m_live.remove(m_id);
        }
    }

    void deliver(quint64 sequence, HttpResponse response)
    {
        if (m_finished || m_state != State::AwaitingReply || sequence != m_sequence)
            return;
        if (response.dropConnection) {
            finish();
            return;
        }
        writeResponse(response, m_keepAlive);
        if (!m_keepAlive) {
            closeGracefully();
            return;
        }
        resetForNextRequest();
        processBuffer();
        // Bytes that waited in the socket while the handler ran.
        if (!m_finished && m_state == State::Headers && m_socket->bytesAvailable() > 0)
            onReadyRead();
    }

private:
    enum class State { Headers, Body, ChunkSize, ChunkData, ChunkTrailer, AwaitingReply, Closing };

    void onReadyRead()
    {
        if (m_finished)
            return;
        if (m_state == State::Closing) {
            m_socket->readAll(); // lingering close: discard what the client still sends
            return;
        }
        if (m_state == State::AwaitingReply)
            return; // pipelined bytes wait in the socket buffer (bounded by setReadBufferSize)
        m_buffer += m_socket->readAll();
        if (!m_buffer.isEmpty() && m_state == State::Headers && !m_requestStarted) {
            m_requestStarted = true;
            m_timer.start(m_limits.requestTimeoutMs);
        }
        processBuffer();
    }

    void processBuffer()
    {
        while (!m_finished) {
            switch (m_state) {
            case State::Headers:
                if (!parseHeaders())
                    return;
                break;
            case State::Body: {
                const qint64 need = m_contentLength - m_request.body.size();
                if (m_request.body.isEmpty() && m_buffer.size() == need) {
                    // The usual case: the rest of the buffer is exactly the body. No copy.
                    m_request.body = std::move(m_buffer);
                    m_buffer = QByteArray();
                } else {
                    const qint64 take = qMin<qint64>(need, m_buffer.size());
                    if (m_request.body.isEmpty())
                        m_request.body.reserve(m_contentLength);
                    m_request.body.append(m_buffer.constData(), take);
                    m_buffer.remove(0, take);
                }
                if (m_request.body.size() < m_contentLength)
                    return;
                dispatch();
                return;
            }
            case State::ChunkSize: {
                const qsizetype eol = m_buffer.indexOf("\r\n");
                if (eol < 0) {
                    if (m_buffer.size() > 1024)
                        return reject(400, "chunk size line too long");
                    return;
                }
                QByteArray line = m_buffer.left(eol);
                m_buffer.remove(0, eol + 2);
                const qsizetype semi = line.indexOf(';');
                if (semi >= 0)
                    line.truncate(semi);
                bool ok = false;
                const qint64 size = line.trimmed().toLongLong(&ok, 16);
                if (!ok || size < 0 || line.trimmed().isEmpty())
                    return reject(400, "malformed chunk size");
                if (m_request.body.size() + size > m_limits.maxBodyBytes)
                    return reject(413, "body too large");
                m_chunkRemaining = size;
                m_state = size == 0 ? State::ChunkTrailer : State::ChunkData;
                break;
            }
            case State::ChunkData: {
                if (m_chunkRemaining > 0) {
                    const qint64 take = qMin<qint64>(m_chunkRemaining, m_buffer.size());
                    m_request.body.append(m_buffer.constData(), take);
                    m_buffer.remove(0, take);
                    m_chunkRemaining -= take;
                    if (m_chunkRemaining > 0)
                        return;
                }
                if (m_buffer.size() < 2)
                    return;
                if (!m_buffer.startsWith("\r\n"))
                    return reject(400, "malformed chunk");
                m_buffer.remove(0, 2);
                m_state = State::ChunkSize;
                break;
            }
            case State::ChunkTrailer: {
                const qsizetype eol = m_buffer.indexOf("\r\n");
                if (eol < 0) {
                    if (m_buffer.size() > m_limits.maxHeaderBytes)
                        return reject(431, "trailer too large");
                    return;
                }
                m_buffer.remove(0, eol + 2);
                if (eol == 0) {
                    dispatch();
                    return;
                }
                break;
            }
            case State::AwaitingReply:
            case State::Closing: return;
            }
        }
    }

    // Returns true when the state advanced and parsing should continue. Works on views into
    // the buffer: the only copies are the request's own fields.
    bool parseHeaders()
    {
        // Tolerate blank lines between pipelined requests (RFC 9112 §2.2).
        qsizetype blank = 0;
        while (
            m_buffer.size() - blank >= 2 && m_buffer[blank] == '\r' && m_buffer[blank + 1] == '\n')
            blank += 2;
        if (blank > 0)
            m_buffer.remove(0, blank);
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_buffer.size() > m_limits.maxHeaderBytes)
                reject(431, "header section too large");
            return false;
        }
        if (end + 4 > m_limits.maxHeaderBytes) {
            reject(431, "header section too large");
            return false;
        }
        // Every line of the head, the request line included, ends in CRLF.
        const QByteArrayView head(m_buffer.constData(), end + 2);
        m_lines.clear();
        for (qsizetype pos = 0; pos < head.size();) {
            qsizetype lf = head.indexOf('\n', pos);
            if (lf < 0)
                lf = head.size(); // cannot happen: the head ends in CRLF
            if (lf == pos || head[lf - 1] != '\r') {
                reject(400, "bare LF in header section");
                return false;
            }
            m_lines.push_back(head.sliced(pos, lf - 1 - pos));
            pos = lf + 1;
        }
        const QByteArrayView requestLine = m_lines.front();
        const qsizetype sp1 = requestLine.indexOf(' ');
        const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
        if (sp1 <= 0 || sp2 < 0 || sp2 == sp1 + 1 || requestLine.indexOf(' ', sp2 + 1) >= 0
            || !requestLine.sliced(sp2 + 1).startsWith("HTTP/1.")) {
            reject(400, "malformed request line");
            return false;
        }
        const QByteArrayView method = requestLine.first(sp1);
        const QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
        const QByteArrayView version = requestLine.sliced(sp2 + 1);
        for (char c : method) {
            if (!isTokenChar(c)) {
                reject(400, "malformed method");
                return false;
            }
        }
        const bool http10 = version == "HTTP/1.0";
        if (version != "HTTP/1.1" && !http10) {
            reject(400, "unsupported HTTP version");
            return false;
        }
        m_request = HttpRequest{};
        m_request.method = method.toByteArray();
        m_request.target = target.toByteArray();
        m_request.peer = m_peer;
        m_request.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
        const qsizetype q = target.indexOf('?');
        m_request.path = q < 0 ? m_request.target : target.first(q).toByteArray();
        if (q >= 0)
            m_request.query.setQuery(QString::fromUtf8(target.sliced(q + 1)));
        if (!m_request.path.startsWith('/')) {
            reject(400, "malformed request target");
            return false;
        }

        if (qsizetype(m_lines.size()) - 1 > m_limits.maxHeaderCount) {
            reject(431, "too many header fields");
            return false;
        }
        m_request.headers.reserve(qsizetype(m_lines.size()) - 1);
        QByteArrayView connection;
        QByteArrayView transferEncoding;
        QByteArrayView expect;
        for (std::size_t i = 1; i < m_lines.size(); ++i) {
            const QByteArrayView line = m_lines[i];
            if (line.startsWith(' ') || line.startsWith('\t')) {
                reject(400, "obsolete header folding");
                return false;
            }
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                reject(400, "malformed header field");
                return false;
            }
            QByteArray name(colon, Qt::Uninitialized);
            for (qsizetype k = 0; k < colon; ++k) {
                const char c = line[k];
                if (!isTokenChar(c)) {
                    reject(400, "malformed header name");
                    return false;
                }
                name.data()[k] = toLowerAscii(c);
            }
            const QByteArrayView value = line.sliced(colon + 1).trimmed();
            // The first of each name counts, as HttpRequest::header() returns it.
            if (connection.isNull() && name == "connection")
                connection = value.isNull() ? QByteArrayView("") : value;
            else if (transferEncoding.isNull() && name == "transfer-encoding")
                transferEncoding = value.isNull() ? QByteArrayView("") : value;
            else if (expect.isNull() && name == "expect")
                expect = value.isNull() ? QByteArrayView("") : value;
            m_request.headers.append({std::move(name), value.toByteArray()});
        }

        m_keepAlive = http10 ? containsCaseInsensitive(connection, "keep-alive")
                             : !containsCaseInsensitive(connection, "close");

        qint64 length = -1;
        for (const auto &[name, value] : std::as_const(m_request.headers)) {
            if (name != "content-length")
                continue;
            bool ok = false;
            const qint64 v = value.toLongLong(&ok);
            if (!ok || v < 0 || value.isEmpty() || (length >= 0 && v != length)) {
                reject(400, "malformed Content-Length");
                return false;
            }
            length = v;
        }
        const bool chunked = !transferEncoding.isEmpty();
        if (chunked) {
            if (length >= 0) {
                reject(400, "both Content-Length and Transfer-Encoding");
                return false;
            }
            if (!equalsCaseInsensitive(transferEncoding, "chunked")) {
                reject(501, "unsupported Transfer-Encoding");
                return false;
            }
        }
        if (length > m_limits.maxBodyBytes) {
            reject(413, "body too large");
            return false;
        }
        if (!expect.isEmpty() && equalsCaseInsensitive(expect, "100-continue"))
            sendBytes("HTTP/1.1 100 Continue\r\n\r\n");
        // The views above point into m_buffer: drop the head only now.
        m_buffer.remove(0, end + 4);

        if (chunked) {
            m_state = State::ChunkSize;
            return true;
        }
        m_contentLength = qMax<qint64>(length, 0);
        m_state = State::Body;
        return true;
    }

    void dispatch()
    {
        m_state = State::AwaitingReply;
        m_timer.stop();
        auto pending = std::make_shared<PendingReply>();
        pending->mailbox = m_server ? m_server->m_mailbox : nullptr;
        pending->connectionId = m_id;
        pending->sequence = ++m_sequence;
        m_pending = pending;
        if (!m_server || !m_server->m_handler) {
            HttpResponder(pending).respond(HttpResponse::text(503, "no handler\n"));
            return;
        }
        m_server->m_handler(m_request, HttpResponder(pending));
    }

    void resetForNextRequest()
    {
        m_state = State::Headers;
        m_request = HttpRequest{};
        m_contentLength = 0;
        m_chunkRemaining = 0;
        m_requestStarted = !m_buffer.isEmpty();
        m_timer.start(m_requestStarted ? m_limits.requestTimeoutMs : m_limits.idleTimeoutMs);
        detach();
    }

    // Straight to the kernel when nothing is queued in the socket (the usual case: an answer
    // is a few hundred bytes), which saves the write notifier's round trip through the event
    // loop; whatever the kernel does not take now goes through QTcpSocket's buffer, in order.
    void sendBytes(QByteArrayView bytes)
    {
        qsizetype sent = 0;
        if (m_fd >= 0 && m_socket->bytesToWrite() == 0
            && m_socket->state() == QAbstractSocket::ConnectedState) {
            const ssize_t n = ::send(
                m_fd, bytes.data(), std::size_t(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n > 0)
                sent = qsizetype(n);
        }
        if (sent < bytes.size())
            m_socket->write(bytes.data() + sent, bytes.size() - sent);
    }

    void writeResponse(const HttpResponse &response, bool keepAlive)
    {
        m_out.resize(0); // keeps the capacity: one allocation per connection, not per answer
        m_out.reserve(160 + response.body.size());
        m_out += "HTTP/1.1 ";
        m_out += QByteArray::number(response.status);
        m_out += ' ';
        m_out += reasonPhrase(response.status);
        m_out += "\r\n";
        if (!response.contentType.isEmpty()) {
            m_out += "Content-Type: ";
            m_out += response.contentType;
            m_out += "\r\n";
        }
        m_out += "Content-Length: ";
        m_out += QByteArray::number(response.body.size());
        m_out += "\r\n";
        for (const auto &[name, value] : response.headers) {
            m_out += name;
            m_out += ": ";
            m_out += value;
            m_out += "\r\n";
        }
        m_out += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
        m_out += response.body;
        sendBytes(m_out);
    }

    void reject(int status, const char *reason)
    {
        qCInfo(lcHttp) << "refused request:" << status << reason;
        if (m_server && m_server->m_rejectObserver)
            m_server->m_rejectObserver(status, reason);
        writeResponse(HttpResponse::text(status, QByteArray(reason) + '\n'), false);
        closeGracefully();
    }

    void onTimeout()
    {
        if (m_state == State::AwaitingReply)
            return;
        if (m_requestStarted && m_state != State::Closing) {
            reject(408, "request not received in time");
            return;
        }
        finish();
    }

    // Send what is queued, stop writing, and discard further input briefly so that the client
    // reads our answer instead of a reset.
    void closeGracefully()
    {
        m_state = State::Closing;
        m_buffer.clear();
        m_socket->flush();
        if (m_socket->bytesToWrite() == 0)
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
        else
            connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
                if (m_socket->bytesToWrite() == 0)
                    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
            });
        m_timer.start(1000); // onTimeout() finishes a Closing connection
    }

    void detach()
    {
        if (auto pending = m_pending.lock()) {
            std::lock_guard lock(pending->mutex);
            pending->open = false;
        }
        m_pending.reset();
    }

    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        m_timer.stop();
        detach();
        m_socket->abort();
        deleteLater();
    }

    QPointer<HttpServer> m_server;
    QTcpSocket *m_socket;
    HttpServer::Limits m_limits;
    const quint64 m_id;
    const int m_fd;
    const QHostAddress m_peer;
    QTimer m_timer;
    QByteArray m_buffer;
    QByteArray m_out;
    std::vector<QByteArrayView> m_lines;
    HttpRequest m_request;
    State m_state = State::Headers;
    qint64 m_contentLength = 0;
    qint64 m_chunkRemaining = 0;
    quint64 m_sequence = 0;
    std::weak_ptr<PendingReply> m_pending;
    bool m_keepAlive = true;
    bool m_requestStarted = false;
    bool m_finished = false;
};

void PendingReply::post(HttpResponse response)
{
    {
        std::lock_guard lock(mutex);
        if (answered)
            return;
        answered = true;
        if (!open || !mailbox)
            return;
    }
    mailbox->push(connectionId, sequence, std::move(response));
}

PendingReply::~PendingReply()
{
    if (!answered)
        post(HttpResponse::text(500, "internal error: request was not answered\n"));
}

} // namespace detail

void HttpResponder::respond(HttpResponse response) const
{
    if (m_d)
        m_d->post(std::move(response));
}

bool HttpResponder::isOpen() const
{
    if (!m_d)
        return false;
    std::lock_guard lock(m_d->mutex);
    return !m_d->answered && m_d->open;
}

HttpServer::HttpServer(QObject *parent)
    : QObject(parent), m_server(new QTcpServer(this)),
      m_mailbox(std::make_shared<detail::ReplyMailbox>())
{
    m_mailbox->server = this;
    connect(m_server, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

HttpServer::~HttpServer()
{
    std::vector<detail::Reply> orphaned;
    {
        std::lock_guard lock(m_mailbox->mutex);
        m_mailbox->server = nullptr;
        orphaned.swap(m_mailbox->replies);
    }
}

void HttpServer::deliverReplies()
{
    std::vector<detail::Reply> replies;
    {
        std::lock_guard lock(m_mailbox->mutex);
        replies.swap(m_mailbox->replies);
    }
    for (detail::Reply &reply : replies) {
        // A connection that has gone is not in m_live; one that finish()ed is deleted later,
        // so every pointer found here stays valid through this loop.
        if (detail::HttpConnection *connection = m_live.value(reply.connectionId))
            connection->deliver(reply.sequence, std::move(reply.response));
    }
}

bool HttpServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (!m_server->listen(address, port)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1:%2: %3")
                         .arg(address.toString())
                         .arg(port)
                         .arg(m_server->errorString());
        return false;
    }
    return true;
}

bool HttpServer::listen(const QString &hostPort, QString *error)
{
    QHostAddress address;
    quint16 port = 0;
    if (!parseHostPort(hostPort, &address, &port)) {
        if (error)
            *error
                = QStringLiteral("invalid listen address '%1' (expected HOST:PORT)").arg(hostPort);
        return false;
    }
    return listen(address, port, error);
}

quint16 HttpServer::serverPort() const
{
    return m_server->serverPort();
}

QHostAddress HttpServer::serverAddress() const
{
    return m_server->serverAddress();
}

void HttpServer::close()
{
    m_server->close();
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_connections >= m_limits.maxConnections) {
            if (m_rejectObserver)
                m_rejectObserver(503, "too many connections");
            socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                          "Connection: close\r\n\r\n");
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        new detail::HttpConnection(this, socket);
    }
}

bool parseHostPort(const QString &hostPort, QHostAddress *address, quint16 *port)
{
    QString host;
    QString portText;
    if (hostPort.startsWith(u'[')) {
        const qsizetype close = hostPort.indexOf(u']');
        if (close < 0 || hostPort.mid(close + 1, 1) != QLatin1String(":"))
            return false;
        host = hostPort.mid(1, close - 1);
        portText = hostPort.mid(close + 2);
    } else if (hostPort.contains(u':')) {
        host = hostPort.section(u':', 0, -2);
        portText = hostPort.section(u':', -1);
    } else {
        portText = hostPort;
    }
    bool ok = false;
    const uint p = portText.toUInt(&ok);
    if (!ok || p > 65535)
        return false;
    QHostAddress a = host.isEmpty() ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(host);
    if (a.isNull()) {
        if (host == QLatin1String("localhost"))
            a = QHostAddress(QHostAddress::LocalHost);
        else
            return false;
    }
    *address = a;
    *port = quint16(p);
    return true;
}

} // namespace parley::core
