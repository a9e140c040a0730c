// The HTTP front's limits and lifecycle, over real sockets on 127.0.0.1.
#include "http/HttpServer.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using namespace parley::core;

namespace {

struct RawResponse
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    bool closed = false;
};

// Reads one response (status line, headers, Content-Length body) from a socket. Bytes of a
// following pipelined response are kept for the next call.
bool readResponse(QTcpSocket &socket, RawResponse *out, int timeoutMs = 5000)
{
    QByteArray buffer = socket.property("leftover").toByteArray();
    QElapsedTimer timer;
    timer.start();
    qint64 need = -1;
    qsizetype headEnd = -1;
    while (timer.elapsed() < timeoutMs) {
        if (socket.bytesAvailable() == 0) {
            if (socket.state() != QAbstractSocket::ConnectedState) {
                out->closed = true;
                break;
            }
            socket.waitForReadyRead(50);
        }
        buffer += socket.readAll();
        if (headEnd < 0) {
            headEnd = buffer.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                out->head = buffer.left(headEnd);
                if (out->head.startsWith("HTTP/1.1 100")) {
                    buffer.remove(0, headEnd + 4);
                    headEnd = -1;
                    continue;
                }
                out->status = out->head.mid(9, 3).toInt();
                const qsizetype cl = out->head.toLower().indexOf("content-length: ");
                need = cl < 0 ? 0 : out->head.mid(cl + 16).split('\r').first().toLongLong();
            }
        }
        if (headEnd >= 0 && buffer.size() - headEnd - 4 >= need) {
            out->body = buffer.mid(headEnd + 4, need);
            socket.setProperty("leftover", buffer.mid(headEnd + 4 + need));
            return true;
        }
    }
    return headEnd >= 0 && out->status > 0;
}

bool waitClosed(QTcpSocket &socket, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (socket.state() == QAbstractSocket::UnconnectedState)
            return true;
        socket.waitForReadyRead(20);
        socket.readAll();
    }
    return socket.state() == QAbstractSocket::UnconnectedState;
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private:
    // The server runs on its own thread, as in parleyctl serve, so that the blocking test
    // client below does not stall its event loop.
    QThread *m_thread = nullptr;
    HttpServer *m_server = nullptr;
    quint16 m_port = 0;
    std::atomic<int> m_handled{0};
    std::atomic<int> m_rejected{0};
    QMutex m_mutex;
    QByteArray m_lastBody;
    QList<std::pair<QByteArray, HttpResponder>> m_parked;

    int parkedCount()
    {
        QMutexLocker lock(&m_mutex);
        return int(m_parked.size());
    }

    QByteArray lastBody()
    {
        QMutexLocker lock(&m_mutex);
        return m_lastBody;
    }

    void connectTo(QTcpSocket &socket)
    {
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(2000));
    }

    RawResponse roundTrip(const QByteArray &bytes)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        socket.waitForConnected(2000);
        socket.write(bytes);
        RawResponse r;
        readResponse(socket, &r);
        return r;
    }

    int connectionCount()
    {
        int count = -1;
        QMetaObject::invokeMethod(
            m_server, [&] { count = m_server->connectionCount(); }, Qt::BlockingQueuedConnection);
        return count;
    }

private Q_SLOTS:
    void init()
    {
        m_handled = 0;
        m_rejected = 0;
        m_thread = new QThread;
        m_thread->start();
        m_server = new HttpServer;
        m_server->moveToThread(m_thread);
        HttpServer::Limits limits;
        limits.requestTimeoutMs = 300;
        limits.idleTimeoutMs = 300;
        m_server->setLimits(limits);
        m_server->setRejectObserver([this](int, const char *) { ++m_rejected; });
        HttpServer *server = m_server;
        m_server->setHandler([this, server](const HttpRequest &request, HttpResponder responder) {
            {
                QMutexLocker lock(&m_mutex);
                m_lastBody = request.body;
            }
            ++m_handled;
            if (request.path == "/later") {
                QTimer::singleShot(100, server,
                    [responder] { responder.respond(HttpResponse::text(200, "later\n")); });
                return;
            }
            if (request.path == "/thread") {
                std::thread([responder] {
                    responder.respond(HttpResponse::text(200, "thread\n"));
                }).detach();
                return;
            }
            if (request.path == "/drop") {
                HttpResponse dropped;
                dropped.dropConnection = true;
                responder.respond(dropped);
                return;
            }
            if (request.path == "/forget")
                return; // responder dropped without an answer
            if (request.path == "/park") {
                // Parked until parkedAnswerAll() answers every one from another thread.
                QMutexLocker lock(&m_mutex);
                m_parked.append({request.query.queryItemValue(QStringLiteral("n")).toUtf8(),
                    std::move(responder)});
                return;
            }
            if (request.path == "/big-answer") {
                // More than the kernel takes at once: the rest goes through QTcpSocket's buffer.
                QByteArray body(8 * 1024 * 1024, Qt::Uninitialized);
                for (qsizetype i = 0; i < body.size(); ++i)
                    body[i] = char('a' + (i * 7 + i / 4096) % 26);
                responder.respond(HttpResponse::text(200, body));
                return;
            }
            if (request.path == "/headers") {
                QByteArray echo;
                for (const auto &[name, value] : request.headers)
                    echo += name + '=' + value + ';';
                responder.respond(HttpResponse::text(200, echo));
                return;
            }
            responder.respond(HttpResponse::text(200,
                request.method + ' ' + request.path + ' '
                    + QByteArray::number(request.body.size())));
        });
        bool ok = false;
        QString error;
        QMetaObject::invokeMethod(
            m_server,
            [&] {
                ok = m_server->listen(QHostAddress::LocalHost, 0, &error);
                m_port = m_server->serverPort();
            },
            Qt::BlockingQueuedConnection);
        QVERIFY2(ok, qPrintable(error));
    }

    void cleanup()
    {
        m_server->deleteLater();
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
        m_server = nullptr;
    }

    void keepAliveAndPipelining()
    {
        QTcpSocket socket;
        connectTo(socket);
        // Two pipelined requests, then a third after the answers: all on one connection, in order.
        socket.write("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                     "GET /b HTTP/1.1\r\nHost: x\r\n\r\n");
        RawResponse first, second, third;
        QVERIFY(readResponse(socket, &first));
        QCOMPARE(first.body, QByteArray("POST /a 3"));
        QVERIFY(readResponse(socket, &second));
        QCOMPARE(second.body, QByteArray("GET /b 0"));
        socket.write("GET /c?x=1 HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(readResponse(socket, &third));
        QCOMPARE(third.body, QByteArray("GET /c 0"));
        QCOMPARE(m_handled.load(), 3);
    }

    void chunkedBody()
    {
        const RawResponse r = roundTrip("POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                        "3\r\nabc\r\n4;ext=1\r\ndefg\r\n0\r\n\r\n");
        QCOMPARE(r.status, 200);
        QCOMPARE(lastBody(), QByteArray("abcdefg"));
    }

    void expectContinue()
    {
        QTcpSocket socket;
        connectTo(socket);
        socket.write("POST /e HTTP/1.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
        QVERIFY(socket.waitForReadyRead(2000));
        QVERIFY(socket.readAll().startsWith("HTTP/1.1 100 Continue"));
        socket.write("hello");
        RawResponse r;
        QVERIFY(readResponse(socket, &r));
        QCOMPARE(r.body, QByteArray("POST /e 5"));
    }

    void bodyTooLargeIsRefusedBeforeBuffering()
    {
        QTcpSocket socket;
        connectTo(socket);
        // Announce 3 MiB + 1 and send only the head: the answer must come without the body.
        socket.write("POST /w HTTP/1.1\r\nContent-Length: 3145729\r\n\r\n");
        RawResponse r;
        QVERIFY(readResponse(socket, &r));
        QCOMPARE(r.status, 413);
        QVERIFY(waitClosed(socket, 3000));
        QCOMPARE(m_handled.load(), 0);
        QCOMPARE(m_rejected.load(), 1);
    }

    void exactlyThreeMiBIsAccepted()
    {
        QTcpSocket socket;
        connectTo(socket);
        const QByteArray body(3 * 1024 * 1024, 'x');
        socket.write("POST /big HTTP/1.1\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\n\r\n" + body);
        RawResponse r;
        QVERIFY(readResponse(socket, &r, 10000));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, "POST /big " + QByteArray::number(body.size()));
    }

    void chunkedBodyTooLarge()
    {
        QTcpSocket socket;
        connectTo(socket);
        socket.write("POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n300001\r\n");
        RawResponse r;
        QVERIFY(readResponse(socket, &r));
        QCOMPARE(r.status, 413);
        QCOMPARE(m_handled.load(), 0);
    }

    void malformedRequests_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::newRow("request line") << QByteArray("GARBAGE\r\n\r\n") << 400;
        QTest::newRow("version") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 400;
        QTest::newRow("target") << QByteArray("GET x HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("no method") << QByteArray(" / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("four parts") << QByteArray("GET / x HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("no version") << QByteArray("GET / \r\n\r\n") << 400;
        QTest::newRow("method token") << QByteArray("G(T / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("bare LF request line") << QByteArray("GET / HTTP/1.1\nA: b\r\n\r\n") << 400;
        QTest::newRow("header without colon")
            << QByteArray("GET / HTTP/1.1\r\nNoColon\r\n\r\n") << 400;
        QTest::newRow("space before colon")
            << QByteArray("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n") << 400;
        QTest::newRow("folding") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 400;
        QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\r\nA: b\nC: d\r\n\r\n") << 400;
        QTest::newRow("content-length text")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n") << 400;
        QTest::newRow("content-length negative")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
        QTest::newRow("content-length conflict")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")
            << 400;
        QTest::newRow("smuggling") << QByteArray(
            "POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n")
                                   << 400;
        QTest::newRow("unknown transfer-encoding")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n") << 501;
        QTest::newRow("bad chunk size")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400;
    }

    void malformedRequests()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        const RawResponse r = roundTrip(bytes);
        QCOMPARE(r.status, status);
        QCOMPARE(m_handled.load(), 0);
    }

    void headerSectionTooLarge()
    {
        const QByteArray big(17 * 1024, 'a');
        QTcpSocket socket;
        connectTo(socket);
        // Never terminated: the server must answer once the limit is passed, not wait for the end.
        socket.write("GET / HTTP/1.1\r\nX-Big: " + big);
        RawResponse r;
        QVERIFY(readResponse(socket, &r));
        QCOMPARE(r.status, 431);
    }

    void tooManyHeaders()
    {
        QByteArray request = "GET / HTTP/1.1\r\n";
        for (int i = 0; i < 101; ++i)
            request += "X-H" + QByteArray::number(i) + ": v\r\n";
        request += "\r\n";
        QCOMPARE(roundTrip(request).status, 431);
        QCOMPARE(m_handled.load(), 0);
    }

    void slowClientIsCutOff()
    {
        QTcpSocket socket;
        connectTo(socket);
        socket.write("POST /slow HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc");
        RawResponse r;
        QVERIFY(readResponse(socket, &r, 3000));
        QCOMPARE(r.status, 408);
        QVERIFY(waitClosed(socket, 3000));
        QCOMPARE(m_handled.load(), 0);
    }

    void idleConnectionIsClosed()
    {
        QTcpSocket socket;
        connectTo(socket);
        QVERIFY(waitClosed(socket, 3000));
    }

    void clientHangsUpMidRequest()
    {
        {
            QTcpSocket socket;
            connectTo(socket);
            socket.write("POST /x HTTP/1.1\r\nContent-Length: 100\r\n\r\nabc");
            socket.waitForBytesWritten(1000);
            socket.abort();
        }
        {
            // Hang up while the handler has not answered yet; the late answer must go nowhere.
            QTcpSocket socket;
            connectTo(socket);
            socket.write("GET /later HTTP/1.1\r\n\r\n");
            socket.waitForBytesWritten(1000);
            QTRY_COMPARE(m_handled.load(), 1);
            socket.abort();
        }
        QTest::qWait(200); // let the late answer fire against the closed connection
        const RawResponse r = roundTrip("GET /ok HTTP/1.1\r\n\r\n");
        QCOMPARE(r.status, 200);
        QTRY_COMPARE(connectionCount(), 0);
    }

    void answerFromAnotherThread()
    {
        const RawResponse r = roundTrip("GET /thread HTTP/1.1\r\n\r\n");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("thread\n"));
    }

    void manyAnswersFromAnotherThreadReachTheirOwnClients()
    {
        // Answers that arrive together (a group commit) are delivered in one batch: each must
        // still reach the connection that asked, whatever the order they come in.
        constexpr int kClients = 16;
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < kClients; ++i) {
            sockets.push_back(std::make_unique<QTcpSocket>());
            connectTo(*sockets.back());
            sockets.back()->write("POST /park?n=" + QByteArray::number(i)
                + " HTTP/1.1\r\nContent-Length: 1\r\n\r\nx");
            QVERIFY(sockets.back()->waitForBytesWritten(1000));
        }
        QTRY_COMPARE(parkedCount(), kClients);
        QList<std::pair<QByteArray, HttpResponder>> parked;
        {
            QMutexLocker lock(&m_mutex);
            parked.swap(m_parked);
        }
        std::thread([parked] {
            for (auto it = parked.crbegin(); it != parked.crend(); ++it)
                it->second.respond(HttpResponse::text(200, "answer " + it->first));
        }).join();
        for (int i = 0; i < kClients; ++i) {
            RawResponse r;
            QVERIFY(readResponse(*sockets[std::size_t(i)], &r));
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, "answer " + QByteArray::number(i));
        }
        // The connections stay usable after the batch.
        sockets[3]->write("GET /after HTTP/1.1\r\n\r\n");
        RawResponse again;
        QVERIFY(readResponse(*sockets[3], &again));
        QCOMPARE(again.body, QByteArray("GET /after 0"));
    }

    void largeAnswerArrivesWholeAndInOrder()
    {
        QTcpSocket socket;
        connectTo(socket);
        // Two pipelined requests: the second answer must follow the first one's last byte.
        socket.write("GET /big-answer HTTP/1.1\r\n\r\nGET /after HTTP/1.1\r\n\r\n");
        RawResponse big;
        QVERIFY(readResponse(socket, &big, 20000));
        QCOMPARE(big.status, 200);
        QCOMPARE(big.body.size(), qsizetype(8 * 1024 * 1024));
        bool intact = true;
        for (qsizetype i = 0; i < big.body.size() && intact; ++i)
            intact = big.body[i] == char('a' + (i * 7 + i / 4096) % 26);
        QVERIFY(intact);
        RawResponse after;
        QVERIFY(readResponse(socket, &after));
        QCOMPARE(after.body, QByteArray("GET /after 0"));
    }

    void headerNamesLowerCasedValuesTrimmed()
    {
        const RawResponse r
            = roundTrip("GET /headers HTTP/1.1\r\nHost: x\r\nX-Mixed-CASE:  a b \t\r\n"
                        "x-dup: 1\r\nX-Dup: 2\r\nEmpty:\r\n\r\n");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("host=x;x-mixed-case=a b;x-dup=1;x-dup=2;empty=;"));
    }

    void headerValuesAreCaseInsensitive()
    {
        {
            // "Close" in any case ends the connection after the answer.
            QTcpSocket socket;
            connectTo(socket);
            socket.write("GET /x HTTP/1.1\r\nConnection: Close\r\n\r\n");
            RawResponse r;
            QVERIFY(readResponse(socket, &r));
            QCOMPARE(r.status, 200);
            QVERIFY(r.head.contains("Connection: close"));
            QVERIFY(waitClosed(socket, 2000));
        }
        {
            // HTTP/1.0 asks for keep-alive explicitly.
            QTcpSocket socket;
            connectTo(socket);
            socket.write("GET /y HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
            RawResponse r;
            QVERIFY(readResponse(socket, &r));
            QVERIFY(r.head.contains("Connection: keep-alive"));
        }
        const RawResponse chunked = roundTrip(
            "POST /c HTTP/1.1\r\nTransfer-Encoding: Chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n");
        QCOMPARE(chunked.status, 200);
        QCOMPARE(lastBody(), QByteArray("hi"));
    }

    void droppedResponderAnswers500()
    {
        const RawResponse r = roundTrip("GET /forget HTTP/1.1\r\n\r\n");
        QCOMPARE(r.status, 500);
    }

    void droppedConnectionGetsNoAnswer()
    {
        QTcpSocket socket;
        connectTo(socket);
        socket.write("GET /drop HTTP/1.1\r\n\r\n");
        RawResponse r;
        QVERIFY(!readResponse(socket, &r, 3000));
        QCOMPARE(r.status, 0);
        QVERIFY(waitClosed(socket, 3000));
    }

    void http10ClosesByDefault()
    {
        QTcpSocket socket;
        connectTo(socket);
        socket.write("GET /old HTTP/1.0\r\n\r\n");
        RawResponse r;
        QVERIFY(readResponse(socket, &r));
        QCOMPARE(r.status, 200);
        QVERIFY(r.head.contains("Connection: close"));
        QVERIFY(waitClosed(socket, 2000));
    }

    void parseListenAddress()
    {
        QHostAddress a;
        quint16 p = 0;
        QVERIFY(parseHostPort(QStringLiteral("127.0.0.1:8080"), &a, &p));
        QCOMPARE(a, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(p, quint16(8080));
        QVERIFY(parseHostPort(QStringLiteral("[::1]:9"), &a, &p));
        QCOMPARE(a, QHostAddress(QHostAddress::LocalHostIPv6));
        QVERIFY(parseHostPort(QStringLiteral("9464"), &a, &p));
        QCOMPARE(p, quint16(9464));
        QVERIFY(!parseHostPort(QStringLiteral("127.0.0.1:99999"), &a, &p));
        QVERIFY(!parseHostPort(QStringLiteral("nohost:80"), &a, &p));
        QVERIFY(!parseHostPort(QStringLiteral("1.2.3.4:"), &a, &p));
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
