#pragma once

// A blocking HTTP/1.1 client on a plain POSIX socket, for webhook tests. Safe to call from any
// thread (the server under test may be running in the test's main thread: call this from a
// worker, e.g. QtConcurrent::run, and wait with QTRY_*).
#include <QByteArray>
#include <QList>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace parley::test {

struct HttpReply
{
    int status = 0; // 0: no answer (connection refused or closed early)
    QByteArray body;
};

class HttpTestClient
{
public:
    explicit HttpTestClient(quint16 port) : m_port(port) { }
    ~HttpTestClient() { close(); }
    HttpTestClient(const HttpTestClient &) = delete;
    HttpTestClient &operator=(const HttpTestClient &) = delete;

    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        m_buffer.clear();
    }

    // Sends one request on a kept-alive connection (reconnecting when needed).
    HttpReply request(const QByteArray &method, const QByteArray &target,
        const QByteArray &body = {}, const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        QByteArray out = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        for (const auto &[name, value] : headers)
            out += name + ": " + value + "\r\n";
        if (!body.isEmpty() || method == "POST")
            out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        out += "\r\n" + body;
        for (int attempt = 0; attempt < 2; ++attempt) {
            if (m_fd < 0 && !connectSocket())
                return {};
            if (sendAll(out)) {
                HttpReply reply = readReply();
                if (reply.status != 0)
                    return reply;
            }
            close(); // the server closed a kept-alive connection: retry once on a new one
        }
        return {};
    }

    HttpReply post(const QByteArray &target, const QByteArray &body, const QByteArray &signature)
    {
        QList<std::pair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
        if (!signature.isNull())
            headers.append({"X-Hub-Signature-256", signature});
        return request("POST", target, body, headers);
    }

private:
    bool connectSocket()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (m_fd < 0)
            return false;
        int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(m_port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
            close();
            return false;
        }
        return true;
    }

    bool sendAll(const QByteArray &data)
    {
        qsizetype sent = 0;
        while (sent < data.size()) {
            const ssize_t n
                = ::send(m_fd, data.constData() + sent, data.size() - sent, MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            sent += n;
        }
        return true;
    }

    bool fill()
    {
        char chunk[16384];
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return false;
        m_buffer.append(chunk, n);
        return true;
    }

    HttpReply readReply()
    {
        qsizetype headerEnd;
        while ((headerEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
            if (!fill())
                return {};
        }
        const QByteArray head = m_buffer.left(headerEnd);
        HttpReply reply;
        const QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> statusLine = lines.value(0).split(' ');
        reply.status = statusLine.value(1).toInt();
        qsizetype length = 0;
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length")
                length = line.mid(colon + 1).trimmed().toLongLong();
        }
        while (m_buffer.size() < headerEnd + 4 + length) {
            if (!fill())
                return {};
        }
        reply.body = m_buffer.mid(headerEnd + 4, length);
        m_buffer.remove(0, headerEnd + 4 + length);
        if (head.toLower().contains("connection: close"))
            close();
        return reply;
    }

    quint16 m_port;
    int m_fd = -1;
    QByteArray m_buffer;
};

} // namespace parley::test
