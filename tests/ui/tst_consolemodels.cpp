// The console's models over a real store file: conversation list filters and sort, the thread
// window (newest page, fetchMore, live refresh, jump), FTS5 search kept in step by triggers.
#include "ConsoleFixture.h"

#include "ConsoleStore.h"
#include "ConversationListModel.h"
#include "StoreWorker.h"
#include "ThreadModel.h"
#include "WhatsAppFormat.h"
#include "common/Clock.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace parley;
using namespace parley::ui;

class TestConsoleModels : public QObject
{
    Q_OBJECT

private:
    static constexpr qint64 Now = 1'700'000'000; // seconds
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<core::ManualClock> m_clock;

private Q_SLOTS:
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("store-%1.db").arg(QTest::currentTestFunction()));
        m_clock = std::make_unique<core::ManualClock>(Now * 1000);
    }

    void whatsappFormatting_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("html");
        QTest::newRow("bold") << "a *big* deal"
                              << "a <b>big</b> deal";
        QTest::newRow("italic") << "_so_ nice"
                                << "<i>so</i> nice";
        QTest::newRow("strike") << "~old~ price"
                                << "<s>old</s> price";
        QTest::newRow("mono") << "run ```make all``` now"
                              << "run <code>make all</code> now";
        QTest::newRow("inline code") << "the `id` field"
                                     << "the <code>id</code> field";
        QTest::newRow("nested") << "*_both_*"
                                << "<b><i>both</i></b>";
        QTest::newRow("not a word boundary") << "2*3*4"
                                             << "2*3*4";
        QTest::newRow("blank inside") << "a * b * c"
                                      << "a * b * c";
        QTest::newRow("escaped") << "<script> & *x*"
                                 << "&lt;script&gt; &amp; <b>x</b>";
        QTest::newRow("no format in code") << "`*x*`"
                                           << "<code>*x*</code>";
        QTest::newRow("newline") << "a\nb"
                                 << "a<br>b";
        QTest::newRow("punctuation") << "(*yes*)."
                                     << "(<b>yes</b>).";
    }

    void whatsappFormatting()
    {
        QFETCH(QString, text);
        QFETCH(QString, html);
        QCOMPARE(WhatsAppFormat::toHtml(text), html);
    }

    void plainFormatting()
    {
        QCOMPARE(WhatsAppFormat::toPlain(QStringLiteral("a *big* _deal_ ```x```")),
            QStringLiteral("a big deal x"));
    }

    void translationsAreEmbedded_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("send");
        QTest::newRow("pt_BR") << "pt_BR"
                               << "Enviar";
        QTest::newRow("es") << "es_ES"
                            << "Enviar";
        QTest::newRow("en") << "en_US"
                            << "";
    }

    void translationsAreEmbedded()
    {
        QFETCH(QString, locale);
        QFETCH(QString, send);
        QTranslator translator;
        QVERIFY(translator.load(QLocale(locale), QStringLiteral("parley"), QStringLiteral("_"),
            QStringLiteral(":/i18n")));
        QCOMPARE(translator.translate("parley::ui::Composer", "Send"), send);
        if (!send.isEmpty())
            QVERIFY(!translator.translate("parley::ui::MainWindow", "Window closed").isEmpty());
    }

    void ftsQuery()
    {
        QCOMPARE(StoreWorker::ftsQuery(QStringLiteral("order 1234")),
            QStringLiteral("\"order\" \"1234\"*"));
        QCOMPARE(StoreWorker::ftsQuery(QStringLiteral("  \"AND\" OR (x")),
            QStringLiteral("\"AND\" \"OR\" \"x\"*"));
        QCOMPARE(StoreWorker::ftsQuery(QStringLiteral("   ")), QString());
    }

    void conversationListFiltersAndSorts()
    {
        qint64 alice, bob, carol, dave;
        {
            test::ConsoleFixture f(m_path);
            alice = f.addConversation(QStringLiteral("Alice"), QStringLiteral("15551230001"),
                Now + 20 * 3600, QStringLiteral("106540352242922"), 2);
            bob = f.addConversation(
                QStringLiteral("Bob"), QStringLiteral("15551230002"), Now + 2 * 3600);
            carol = f.addConversation(QString(), QStringLiteral("15551230003"), Now - 60);
            dave = f.addConversation(QStringLiteral("Dave"), QStringLiteral("15551230004"),
                Now + 3 * 3600, QStringLiteral("999"));
            f.addMessage(alice, QStringLiteral("wamid.a1"), QStringLiteral("in"), Now - 100,
                QStringLiteral("hello"));
            f.addMessage(bob, QStringLiteral("wamid.b1"), QStringLiteral("in"), Now - 50,
                QStringLiteral("hi"));
            f.addMessage(carol, QStringLiteral("wamid.c1"), QStringLiteral("in"), Now - 25 * 3600,
                QStringLiteral("old"));
            f.addMessage(dave, QStringLiteral("wamid.d1"), QStringLiteral("in"), Now - 10,
                QStringLiteral("newest"));
        }
        ConsoleStore store(m_path, m_clock.get());
        QVERIFY(store.open());
        ConversationListModel model(&store);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&model, &ConversationListModel::refreshed);

        auto ids = [&model] {
            QList<qint64> out;
            for (int i = 0; i < model.rowCount(); ++i)
                out << model.index(i).data(ConversationListModel::ConversationIdRole).toLongLong();
            return out;
        };
        model.refresh();
        QVERIFY(refreshed.wait());
        QCOMPARE(ids(), (QList<qint64>{dave, bob, alice, carol}));
        // A contact without a name shows a masked number, never the full one.
        const QString carolTitle = model.index(3).data().toString();
        QVERIFY(!carolTitle.contains(QStringLiteral("15551230003")));
        QVERIFY(carolTitle.endsWith(QStringLiteral("0003")));
        QCOMPARE(model.index(0).data(ConversationListModel::WindowSecondsLeftRole).toLongLong(),
            3 * 3600);

        model.setFilter(ConversationFilter::Unread);
        QVERIFY(refreshed.wait());
        QCOMPARE(ids(), (QList<qint64>{alice}));
        model.setFilter(ConversationFilter::WindowClosing);
        QVERIFY(refreshed.wait());
        QCOMPARE(ids(), (QList<qint64>{dave, bob}));
        model.setFilter(ConversationFilter::WindowClosed);
        QVERIFY(refreshed.wait());
        QCOMPARE(ids(), (QList<qint64>{carol}));

        model.setFilter(ConversationFilter::All);
        QVERIFY(refreshed.wait());
        model.setSort(ConversationSort::WindowClosingSoonest);
        QVERIFY(refreshed.wait());
        QCOMPARE(ids(), (QList<qint64>{bob, dave, alice, carol}));

        model.setPhoneNumberId(QStringLiteral("999"));
        QVERIFY(refreshed.wait());
        QCOMPARE(ids(), (QList<qint64>{dave}));

        // Time passes: Bob's window closes.
        model.setPhoneNumberId(QString());
        QVERIFY(refreshed.wait());
        m_clock->advanceMs(5 * 3600 * 1000 / 2);
        model.setFilter(ConversationFilter::WindowClosed);
        QVERIFY(refreshed.wait());
        QCOMPARE(ids(), (QList<qint64>{carol, bob}));
    }

    void conversationListFollowsChangesAndKeepsSelection()
    {
        qint64 alice, bob;
        {
            test::ConsoleFixture f(m_path);
            alice = f.addConversation(
                QStringLiteral("Alice"), QStringLiteral("15551230001"), Now + 3600);
            bob = f.addConversation(
                QStringLiteral("Bob"), QStringLiteral("15551230002"), Now + 3600);
            f.addMessage(alice, QStringLiteral("wamid.a1"), QStringLiteral("in"), Now - 100,
                QStringLiteral("a"));
            f.addMessage(bob, QStringLiteral("wamid.b1"), QStringLiteral("in"), Now - 50,
                QStringLiteral("b"));
        }
        ConsoleStore store(m_path, m_clock.get());
        QVERIFY(store.open());
        ConversationListModel model(&store);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&model, &ConversationListModel::refreshed);
        model.refresh();
        QVERIFY(refreshed.wait());
        QCOMPARE(model.rowOf(bob), 0);
        const QPersistentModelIndex selected = model.index(model.rowOf(alice));

        qint64 erin;
        {
            test::ConsoleFixture f(m_path);
            f.addMessage(alice, QStringLiteral("wamid.a2"), QStringLiteral("in"), Now,
                QStringLiteral("again"));
            erin = f.addConversation(
                QStringLiteral("Erin"), QStringLiteral("15551230005"), Now + 3600);
            f.addMessage(erin, QStringLiteral("wamid.e1"), QStringLiteral("in"), Now - 10,
                QStringLiteral("new"));
        }
        StoreChange change;
        change.conversationIds = {alice, erin};
        store.notifyChanged(change);
        QVERIFY(refreshed.wait());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(alice), 0);
        QCOMPARE(model.rowOf(erin), 1);
        QCOMPARE(model.rowOf(bob), 2);
        QVERIFY(selected.isValid());
        QCOMPARE(selected.row(), 0);
        QCOMPARE(
            selected.data(ConversationListModel::PreviewRole).toString(), QStringLiteral("again"));
    }

    void threadLoadsPagesAndFollowsTheStore()
    {
        qint64 conv;
        {
            test::ConsoleFixture f(m_path);
            conv = f.addConversation(
                QStringLiteral("Alice"), QStringLiteral("15551230001"), Now + 3600);
            f.exec(QStringLiteral("BEGIN"));
            for (int i = 0; i < 250; ++i)
                f.addMessage(conv, QStringLiteral("wamid.%1").arg(i),
                    i % 2 ? QStringLiteral("out") : QStringLiteral("in"), Now - 10'000 + i,
                    QStringLiteral("message number %1").arg(i));
            f.exec(QStringLiteral("COMMIT"));
            f.setStatus(QStringLiteral("wamid.249"), QStringLiteral("sent"), 1);
            f.addReaction(conv, QStringLiteral("wamid.r1"), QStringLiteral("wamid.248"),
                QStringLiteral("👍"), Now);
        }
        ConsoleStore store(m_path, m_clock.get());
        QVERIFY(store.open());
        ThreadModel model(&store);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &ThreadModel::loaded);

        model.setConversation(conv);
        QVERIFY(loaded.wait());
        QCOMPARE(model.rowCount(), ThreadModel::PageSize);
        QCOMPARE(model.index(0).data(ThreadModel::MessageIdRole).toString(),
            QStringLiteral("wamid.150"));
        QCOMPARE(model.index(99).data(ThreadModel::MessageIdRole).toString(),
            QStringLiteral("wamid.249"));
        QCOMPARE(model.index(99).data(ThreadModel::StatusRole).toString(), QStringLiteral("sent"));
        // The reaction is folded into its message, not a row of its own.
        QCOMPARE(model.index(98).data(ThreadModel::MessageRole).value<MessageRow>().reactions,
            QStringLiteral("👍"));

        QVERIFY(!model.canFetchMore({})); // the view is not near the top
        model.setNearTop(true);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QVERIFY(!model.canFetchMore({})); // one page at a time
        QCOMPARE(model.rowCount(), 100); // rows arrive later, through the queue
        QVERIFY(loaded.wait());
        QCOMPARE(model.rowCount(), 200);
        QCOMPARE(
            model.index(0).data(ThreadModel::MessageIdRole).toString(), QStringLiteral("wamid.50"));
        model.fetchMore({});
        QVERIFY(loaded.wait());
        QCOMPARE(model.rowCount(), 250);
        QVERIFY(!model.canFetchMore({}));

        // A status advances and a new message arrives.
        {
            test::ConsoleFixture f(m_path);
            f.setStatus(QStringLiteral("wamid.249"), QStringLiteral("read"), 3);
            f.addMessage(conv, QStringLiteral("wamid.new"), QStringLiteral("in"), Now + 5,
                QStringLiteral("fresh"));
        }
        QSignalSpy appended(&model, &ThreadModel::appended);
        StoreChange change;
        change.conversationIds = {conv};
        change.statusMessageIds = {QStringLiteral("wamid.249")};
        store.notifyChanged(change);
        QVERIFY(appended.wait());
        QCOMPARE(model.rowCount(), 251);
        QCOMPARE(model.index(250).data(ThreadModel::BodyRole).toString(), QStringLiteral("fresh"));
        QCOMPARE(model.index(249).data(ThreadModel::StatusRole).toString(), QStringLiteral("read"));
    }

    void searchFindsOldMessageAndJumpsToIt()
    {
        qint64 conv, other;
        {
            test::ConsoleFixture f(m_path);
            conv = f.addConversation(
                QStringLiteral("Alice"), QStringLiteral("15551230001"), Now + 3600);
            other = f.addConversation(
                QStringLiteral("Bob"), QStringLiteral("15551230002"), Now + 3600);
            f.exec(QStringLiteral("BEGIN"));
            f.addMessage(conv, QStringLiteral("wamid.old"), QStringLiteral("in"), Now - 400 * 86400,
                QStringLiteral("Where is my parcel with the blue teapot?"));
            for (int i = 0; i < 300; ++i)
                f.addMessage(conv, QStringLiteral("wamid.%1").arg(i), QStringLiteral("in"),
                    Now - 3000 + i, QStringLiteral("filler %1").arg(i));
            f.addMessage(other, QStringLiteral("wamid.bob"), QStringLiteral("in"), Now,
                QStringLiteral("Café au lait please"));
            f.exec(QStringLiteral("COMMIT"));
        }
        ConsoleStore store(m_path, m_clock.get());
        QVERIFY(store.open());
        QSignalSpy searched(&store, &ConsoleStore::searchReady);
        store.requestSearch(QStringLiteral("teap"));
        QVERIFY(searched.wait());
        auto hits = searched.takeFirst().at(1).value<QList<SearchHit>>();
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().messageId, QStringLiteral("wamid.old"));
        QCOMPARE(hits.first().conversationId, conv);
        QCOMPARE(hits.first().contactName, QStringLiteral("Alice"));
        QVERIFY(hits.first().snippet.contains(QStringLiteral("[teapot]")));

        // Diacritics do not matter.
        store.requestSearch(QStringLiteral("cafe"));
        QVERIFY(searched.wait());
        QCOMPARE(searched.takeFirst().at(1).value<QList<SearchHit>>().size(), 1);

        // Triggers keep the index in step with edits and deletions.
        {
            test::ConsoleFixture f(m_path);
            f.exec(QStringLiteral(
                "UPDATE messages SET text = 'a green kettle' WHERE id = 'wamid.old'"));
            f.exec(QStringLiteral("DELETE FROM messages WHERE id = 'wamid.bob'"));
        }
        store.requestSearch(QStringLiteral("teapot"));
        QVERIFY(searched.wait());
        QCOMPARE(searched.takeFirst().at(1).value<QList<SearchHit>>().size(), 0);
        store.requestSearch(QStringLiteral("cafe"));
        QVERIFY(searched.wait());
        QCOMPARE(searched.takeFirst().at(1).value<QList<SearchHit>>().size(), 0);
        store.requestSearch(QStringLiteral("kettle"));
        QVERIFY(searched.wait());
        hits = searched.takeFirst().at(1).value<QList<SearchHit>>();
        QCOMPARE(hits.size(), 1);

        ThreadModel model(&store);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &ThreadModel::loaded);
        model.setConversation(conv);
        QVERIFY(loaded.wait());
        QCOMPARE(model.rowOfRowid(hits.first().rowid), -1); // far back in the history
        QSignalSpy ready(&model, &ThreadModel::messageReady);
        model.jumpTo(hits.first().rowid, hits.first().timestamp);
        QVERIFY(ready.wait());
        const int row = ready.first().at(0).toInt();
        QCOMPARE(model.index(row).data(ThreadModel::MessageIdRole).toString(),
            QStringLiteral("wamid.old"));
        QCOMPARE(model.rowCount(), 301); // from the hit to the newest message
    }

    void contactDetails()
    {
        qint64 conv;
        {
            test::ConsoleFixture f(m_path);
            conv = f.addConversation(
                QStringLiteral("Alice"), QStringLiteral("15551230001"), Now + 3600);
            f.addMessage(conv, QStringLiteral("wamid.1"), QStringLiteral("in"), Now - 100,
                QStringLiteral("a"));
            f.addMessage(conv, QStringLiteral("wamid.2"), QStringLiteral("out"), Now - 50,
                QStringLiteral("b"));
            f.addMessage(conv, QStringLiteral("wamid.3"), QStringLiteral("in"), Now - 10,
                QStringLiteral("c"));
        }
        ConsoleStore store(m_path, m_clock.get());
        QVERIFY(store.open());
        QSignalSpy ready(&store, &ConsoleStore::contactReady);
        store.requestContact(conv);
        QVERIFY(ready.wait());
        const auto d = ready.first().at(1).value<ContactDetails>();
        QCOMPARE(d.profileName, QStringLiteral("Alice"));
        QCOMPARE(d.inboundCount, 2);
        QCOMPARE(d.outboundCount, 1);
        QCOMPARE(d.firstMessageAt, Now - 100);
        QCOMPARE(d.lastMessageAt, Now - 10);
    }
};

QTEST_MAIN(TestConsoleModels)
#include "tst_consolemodels.moc"
