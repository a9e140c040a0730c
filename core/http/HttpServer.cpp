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

struct PendingReply
{
    std::mutex mutex;
    HttpConnection *connection = nullptr; // cleared by the connection when it goes away
    quint64 sequence = 0;
    bool answered = false;

    ~PendingReply();
    void post(HttpResponse response);
};

class HttpConnection : public QObject
{
public:
    HttpConnection(HttpServer *server, QTcpSocket *socket)
        : QObject(server), m_server(server), m_socket(socket), m_limits(server->limits())
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
    }

    ~HttpConnection() override
    {
        detach();
        if (m_server)
            --m_server->m_connections;
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
                const qint64 take = qMin<qint64>(need, m_buffer.size());
                m_request.body += m_buffer.left(take);
                m_buffer.remove(0, take);
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
                    m_request.body += m_buffer.left(take);
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

    // Returns true when the state advanced and parsing should continue.
    bool parseHeaders()
    {
        // Tolerate blank lines between pipelined requests (RFC 9112 §2.2).
        while (m_buffer.startsWith("\r\n"))
            m_buffer.remove(0, 2);
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
        QList<QByteArray> lines = m_buffer.left(end + 2).split('\n');
        m_buffer.remove(0, end + 4);
        lines.removeLast(); // the empty piece after the last LF
        for (QByteArray &line : lines) {
            if (!line.endsWith('\r')) {
                reject(400, "bare LF in header section");
                return false;
            }
            line.chop(1);
        }
        const QByteArray &requestLine = lines.first();
        const QList<QByteArray> parts = requestLine.split(' ');
        if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty()
            || !parts[2].startsWith("HTTP/1.")) {
            reject(400, "malformed request line");
            return false;
        }
        for (char c : parts[0]) {
            if (!isTokenChar(c)) {
                reject(400, "malformed method");
                return false;
            }
        }
        if (parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0") {
            reject(400, "unsupported HTTP version");
            return false;
        }
        m_request = HttpRequest{};
        m_request.method = parts[0];
        m_request.target = parts[1];
        m_request.peer = m_socket->peerAddress();
        m_request.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
        const qsizetype q = m_request.target.indexOf('?');
        m_request.path = q < 0 ? m_request.target : m_request.target.left(q);
        if (q >= 0)
            m_request.query.setQuery(QString::fromUtf8(m_request.target.mid(q + 1)));
        if (!m_request.path.startsWith('/')) {
            reject(400, "malformed request target");
            return false;
        }

        if (lines.size() - 1 > m_limits.maxHeaderCount) {
            reject(431, "too many header fields");
            return false;
        }
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray &line = lines[i];
            if (line.startsWith(' ') || line.startsWith('\t')) {
                reject(400, "obsolete header folding");
                return false;
            }
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                reject(400, "malformed header field");
                return false;
            }
            const QByteArray name = line.left(colon);
            for (char c : name) {
                if (!isTokenChar(c)) {
                    reject(400, "malformed header name");
                    return false;
                }
            }
            m_request.headers.append({name.toLower(), line.mid(colon + 1).trimmed()});
        }

        const bool http10 = parts[2] == "HTTP/1.0";
        const QByteArray connection = m_request.header("connection").toLower();
        m_keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");

        const QByteArray transferEncoding = m_request.header("transfer-encoding").toLower();
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
        if (!transferEncoding.isEmpty()) {
            if (length >= 0) {
                reject(400, "both Content-Length and Transfer-Encoding");
                return false;
            }
            if (transferEncoding != "chunked") {
                reject(501, "unsupported Transfer-Encoding");
                return false;
            }
        }
        if (length > m_limits.maxBodyBytes) {
            reject(413, "body too large");
            return false;
        }
        if (m_request.header("expect").toLower() == "100-continue")
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");

        if (!transferEncoding.isEmpty()) {
            m_state = State::ChunkSize;
            return true;
        }
        m_contentLength = qMax<qint64>(length, 0);
        if (m_contentLength > 0)
            m_request.body.reserve(m_contentLength);
        m_state = State::Body;
        return true;
    }

    void dispatch()
    {
        m_state = State::AwaitingReply;
        m_timer.stop();
        auto pending = std::make_shared<PendingReply>();
        pending->connection = this;
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

    void writeResponse(const HttpResponse &response, bool keepAlive)
    {
        QByteArray out;
        out.reserve(160 + response.body.size());
        out += "HTTP/1.1 " + QByteArray::number(response.status) + ' '
            + reasonPhrase(response.status) + "\r\n";
        if (!response.contentType.isEmpty())
            out += "Content-Type: " + response.contentType + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        for (const auto &[name, value] : response.headers)
            out += name + ": " + value + "\r\n";
        out += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
        out += response.body;
        m_socket->write(out);
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
            pending->connection = nullptr;
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
    QTimer m_timer;
    QByteArray m_buffer;
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
    std::lock_guard lock(mutex);
    if (answered)
        return;
    answered = true;
    if (!connection)
        return;
    // The connection clears `connection` under this mutex before it is destroyed, so posting
    // here is safe; a queued call to an object deleted later is discarded by Qt.
    QMetaObject::invokeMethod(
        connection,
        [c = connection, seq = sequence, r = std::move(response)]() mutable {
            c->deliver(seq, std::move(r));
        },
        Qt::QueuedConnection);
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
    return !m_d->answered && m_d->connection;
}

HttpServer::HttpServer(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

HttpServer::~HttpServer() = default;

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
