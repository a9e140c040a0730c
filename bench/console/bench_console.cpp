// bench_console [--db PATH] [--messages N] [--conversations M]
// Fills PATH (a new store, unless it already holds messages) with N messages across M
// conversations like the webhook parser lays them out, then measures the console over it:
// start to a usable window, open a thread, search, append an incoming message to an open
// thread, scroll frames, memory. Prints one line per figure. Run offscreen:
//   QT_QPA_PLATFORM=offscreen build/bench/console/bench_console --db /tmp/bench-console.db
#include "ConsoleSession.h"
#include "ConsoleStore.h"
#include "ConversationListModel.h"
#include "MainWindow.h"
#include "ThreadModel.h"
#include "ThreadView.h"
#include "store/Database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace parley;

namespace {

const char *const Words[] = {"order", "delivery", "teapot", "blue", "green", "refund", "tracking",
    "address", "tomorrow", "thanks", "price", "invoice", "store", "parcel", "size", "colour",
    "payment", "card", "discount", "return", "warehouse", "monday", "friday", "urgent", "hello",
    "please", "help", "question"};

QString sentence(QRandomGenerator &rng)
{
    QStringList w;
    const int n = 4 + rng.bounded(12);
    for (int i = 0; i < n; ++i)
        w << QString::fromLatin1(Words[rng.bounded(int(std::size(Words)))]);
    return w.join(QLatin1Char(' '));
}

qint64 countMessages(const QString &path)
{
    QString error;
    qint64 n = 0;
    {
        QSqlDatabase db = core::Database::open(path, QStringLiteral("bench-count"), &error);
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("SELECT count(*) FROM messages")) && q.next())
            n = q.value(0).toLongLong();
    }
    core::Database::close(QStringLiteral("bench-count"));
    return n;
}

void generate(const QString &path, qint64 messages, int conversations)
{
    QString error;
    QElapsedTimer t;
    t.start();
    {
        QSqlDatabase db = core::Database::open(path, QStringLiteral("bench-gen"), &error);
        if (!db.isValid())
            qFatal("%s", qPrintable(error));
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA synchronous = OFF"));
        q.exec(QStringLiteral("BEGIN"));
        QRandomGenerator rng(42);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const qint64 span = 365LL * 86400; // a year of history
        QSqlQuery contact(db), conversation(db), message(db), status(db);
        contact.prepare(
            QStringLiteral("INSERT INTO contacts(id, wa_id, profile_name) VALUES (?, ?, ?)"));
        conversation.prepare(
            QStringLiteral("INSERT INTO conversations(id, phone_number_id, contact_id, "
                           "last_inbound_at, window_expires_at, "
                           "last_message_at, last_message_preview, last_direction, "
                           "last_message_type, unread_count) "
                           "VALUES (?, '106540352242922', ?, ?, ?, ?, ?, ?, 'text', ?)"));
        message.prepare(QStringLiteral("INSERT INTO messages(id, conversation_id, direction, "
                                       "phone_number_id, type, timestamp, received_at, text) "
                                       "VALUES (?, ?, ?, '106540352242922', 'text', ?, ?, ?)"));
        status.prepare(QStringLiteral("INSERT INTO message_status(message_id, status, rank, "
                                      "timestamp) VALUES (?, 'read', 3, ?)"));
        const qint64 perConversation = messages / conversations;
        qint64 id = 0;
        for (int c = 1; c <= conversations; ++c) {
            contact.addBindValue(c);
            contact.addBindValue(QStringLiteral("1555%1").arg(c, 7, 10, QLatin1Char('0')));
            contact.addBindValue(QStringLiteral("Customer %1").arg(c));
            contact.exec();
            qint64 ts = now - span + rng.bounded(span / 2);
            const qint64 step = (span / 2) / qMax<qint64>(1, perConversation);
            QString last;
            QString lastDir;
            qint64 lastIn = 0;
            for (qint64 m = 0; m < perConversation; ++m) {
                ts += 1 + rng.bounded(step);
                const bool out = rng.bounded(2) == 1;
                const QString wamid = QStringLiteral("wamid.bench.%1").arg(++id);
                last = sentence(rng);
                lastDir = out ? QStringLiteral("out") : QStringLiteral("in");
                if (!out)
                    lastIn = ts;
                message.addBindValue(wamid);
                message.addBindValue(c);
                message.addBindValue(lastDir);
                message.addBindValue(ts);
                message.addBindValue(ts * 1000);
                message.addBindValue(last);
                message.exec();
                if (out) {
                    status.addBindValue(wamid);
                    status.addBindValue(ts + 5);
                    status.exec();
                }
            }
            conversation.addBindValue(c);
            conversation.addBindValue(c);
            conversation.addBindValue(lastIn);
            conversation.addBindValue(lastIn + 86400);
            conversation.addBindValue(ts);
            conversation.addBindValue(last.left(120));
            conversation.addBindValue(lastDir);
            conversation.addBindValue(rng.bounded(3));
            conversation.exec();
            if (c % 5000 == 0) {
                q.exec(QStringLiteral("COMMIT"));
                q.exec(QStringLiteral("BEGIN"));
                std::fprintf(stderr, "generated %d conversations, %lld messages\n", c, id);
            }
        }
        q.exec(QStringLiteral("COMMIT"));
        q.exec(QStringLiteral("ANALYZE"));
    }
    core::Database::close(QStringLiteral("bench-gen"));
    std::printf("generate: %lld messages, %d conversations in %.1f s\n", messages, conversations,
        t.elapsed() / 1000.0);
}

qint64 rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return 0;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption({QStringLiteral("db"), QStringLiteral("store"), QStringLiteral("PATH"),
        QStringLiteral("/tmp/parley-bench-console.db")});
    p.addOption({QStringLiteral("messages"), QStringLiteral("messages"), QStringLiteral("N"),
        QStringLiteral("1000000")});
    p.addOption({QStringLiteral("conversations"), QStringLiteral("conversations"),
        QStringLiteral("M"), QStringLiteral("50000")});
    p.process(app);
    const QString path = p.value(QStringLiteral("db"));
    if (countMessages(path) == 0)
        generate(path, p.value(QStringLiteral("messages")).toLongLong(),
            p.value(QStringLiteral("conversations")).toInt());
    std::printf(
        "store: %lld messages, %.0f MB\n", countMessages(path), QFileInfo(path).size() / 1e6);

    // Start to a usable window: session + window shown + first page of conversations painted.
    QElapsedTimer t;
    t.start();
    ui::ConsoleSession::Options o;
    o.databasePath = path;
    ui::ConsoleSession session(o);
    QString error;
    if (!session.start(&error))
        qFatal("%s", qPrintable(error));
    ui::MainWindow window(&session);
    QSignalSpy refreshed(window.conversationModel(), &ui::ConversationListModel::refreshed);
    window.show();
    if (!refreshed.wait(30000))
        qFatal("conversation list did not load");
    QCoreApplication::processEvents();
    std::printf("start to usable window: %.1f ms (%d conversations listed)\n",
        t.nsecsElapsed() / 1e6, window.conversationModel()->rowCount());

    // Open threads.
    QRandomGenerator rng(7);
    QList<double> open;
    ui::ThreadModel *thread = window.threadModel();
    for (int i = 0; i < 30; ++i) {
        const int row = rng.bounded(window.conversationModel()->rowCount());
        QSignalSpy loaded(thread, &ui::ThreadModel::loaded);
        t.restart();
        window.conversationView()->setCurrentIndex(window.conversationModel()->index(row));
        if (!loaded.wait(10000))
            qFatal("thread did not load");
        QCoreApplication::processEvents(); // laid out and painted
        open.append(t.nsecsElapsed() / 1e6);
    }
    std::printf("open thread: median %.1f ms, max %.1f ms (30 random conversations)\n",
        median(open), *std::max_element(open.cbegin(), open.cend()));

    // Search.
    for (const QString &query : {QStringLiteral("teapot"), QStringLiteral("urgent refund"),
             QStringLiteral("wareh"), QStringLiteral("nonexistentword")}) {
        QList<double> times;
        int hits = 0;
        for (int i = 0; i < 5; ++i) {
            QSignalSpy ready(session.store(), &ui::ConsoleStore::searchReady);
            t.restart();
            session.store()->requestSearch(query);
            ready.wait(10000);
            times.append(t.nsecsElapsed() / 1e6);
            hits = int(ready.first().at(1).value<QList<ui::SearchHit>>().size());
        }
        std::printf("search \"%s\": median %.1f ms (%d hits shown, limit 50)\n", qPrintable(query),
            median(times), hits);
    }

    // Append an incoming message to the open thread: committed by another connection (as the
    // ingest pipeline does), reported, merged into the model.
    {
        const qint64 conversation = thread->conversationId();
        QSqlDatabase db = core::Database::open(path, QStringLiteral("bench-append"), &error);
        QList<double> times;
        QList<double> roundTrip;
        for (int i = 0; i < 20; ++i) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral(
                "INSERT INTO messages(id, conversation_id, direction, type, timestamp, text) "
                "VALUES (?, ?, 'in', 'text', ?, 'a fresh message')"));
            q.addBindValue(QStringLiteral("wamid.bench.append.%1.%2")
                               .arg(QDateTime::currentMSecsSinceEpoch())
                               .arg(i));
            q.addBindValue(conversation);
            q.addBindValue(QDateTime::currentSecsSinceEpoch() + i);
            q.exec();
            QSignalSpy appended(thread, &ui::ThreadModel::appended);
            t.restart();
            ui::StoreChange change;
            change.conversationIds.insert(conversation);
            session.store()->notifyChanged(change);
            appended.wait(10000);
            times.append(t.nsecsElapsed() / 1e6);
            // The store round trip alone (worker query, queued answer), for comparison.
            QSignalSpy ready(session.store(), &ui::ConsoleStore::messagesReady);
            t.restart();
            session.store()->requestMessagesFrom(conversation, {}, ui::ThreadModel::MaxRefreshRows);
            ready.wait(10000);
            roundTrip.append(t.nsecsElapsed() / 1e6);
        }
        std::printf(
            "  of which: store round trip (re-read the thread on the worker): median %.2f ms\n",
            median(roundTrip));
        std::printf("append incoming message to open thread: median %.2f ms, max %.2f ms\n",
            median(times), *std::max_element(times.cbegin(), times.cend()));
    }
    core::Database::close(QStringLiteral("bench-append"));

    // Scroll frames: repaint the thread after each scroll step (offscreen raster).
    {
        ui::ThreadView *view = window.threadView();
        QList<double> frames;
        for (int i = 0; i < 60; ++i) {
            view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() - 40);
            t.restart();
            view->viewport()->repaint();
            frames.append(t.nsecsElapsed() / 1e6);
            QCoreApplication::processEvents();
        }
        std::printf("scroll frame (repaint after a 40 px step): median %.2f ms, max %.2f ms, %d "
                    "rows loaded\n",
            median(frames), *std::max_element(frames.cbegin(), frames.cend()), thread->rowCount());
    }
    std::printf("memory: VmRSS %.1f MB\n", rssKb() / 1024.0);
    return 0;
}
