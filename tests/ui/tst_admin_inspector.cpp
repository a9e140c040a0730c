// The webhook inspector over a demo console: the journal as a model (under
// QAbstractItemModelTester), the raw body of a row, and replay of a row that failed because
// the store refused it: once the cause is fixed the replay recovers the message, and replaying
// again adds nothing (idempotent).
#include "AdminFixture.h"
#include "ConsoleFixture.h"
#include "admin/AdminStore.h"
#include "admin/JournalModel.h"
#include "admin/WebhookInspector.h"
#include "sim/Simulator.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QtTest>

using namespace parley;
using namespace parley::ui;

namespace {
const QString Maria = QStringLiteral("5511987650001");
}

class TestAdminInspector : public QObject
{
    Q_OBJECT

private:
    test::AdminFixture m_app;

    int count(const QString &sql)
    {
        test::ConsoleFixture store(m_app.session()->databasePath());
        QSqlQuery q(store.db());
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toInt();
    }

    // A customer writes; the simulator delivers the webhook and the pipeline takes it in.
    void customerWrites(const QString &text)
    {
        const int before
            = count(QStringLiteral("SELECT count(*) FROM journal WHERE parse_state <> 'pending'"));
        m_app.sim()->customerWritesText(Maria, text);
        for (int i = 0; i < 40; ++i) {
            m_app.advance(250);
            if (count(QStringLiteral("SELECT count(*) FROM journal WHERE parse_state <> 'pending'"))
                > before)
                return;
            QTest::qWait(25);
        }
        QFAIL("the webhook was not journaled and parsed");
    }

private Q_SLOTS:
    void init() { QVERIFY(m_app.start()); }
    void cleanup() { m_app.stop(); }

    void modelListsJournalRowsUnderTheTester()
    {
        customerWrites(QStringLiteral("Hello there"));
        customerWrites(QStringLiteral("Second message"));
        AdminStore store(AdminStore::configFor(m_app.session()));
        QVERIFY(store.open());
        JournalModel model(&store);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&model, &JournalModel::refreshed);
        model.refresh();
        QVERIFY(refreshed.wait());
        const int rows = count(QStringLiteral("SELECT count(*) FROM journal"));
        QVERIFY(rows >= 2);
        QCOMPARE(model.rowCount(), rows);
        QCOMPARE(int(model.summary().total), rows);
        // Newest first, with size, signature, parse result and events.
        const JournalRow *newest = model.rowAt(0);
        QCOMPARE(int(newest->id), count(QStringLiteral("SELECT max(id) FROM journal")));
        QCOMPARE(newest->size,
            count(QStringLiteral("SELECT size FROM journal ORDER BY id DESC LIMIT 1")));
        QCOMPARE(model.index(0, JournalModel::Parse).data().toString(), QStringLiteral("parsed"));
        QCOMPARE(
            model.index(0, JournalModel::Signature).data().toString(), QStringLiteral("valid"));
        QVERIFY(model.index(0, JournalModel::Events).data().toInt() >= 1);
        // The failed filter lists none yet.
        model.setFilter(JournalFilter::Failed);
        QVERIFY(refreshed.wait());
        QCOMPARE(model.rowCount(), 0);
        model.setFilter(JournalFilter::All);
        QVERIFY(refreshed.wait());
        QCOMPARE(model.rowCount(), rows);
    }

    void showsTheRawBodyOfARow()
    {
        customerWrites(QStringLiteral("Where is my teapot?"));
        WebhookInspector *inspector = m_app.window()->openWebhookInspector();
        QTRY_VERIFY(inspector->model()->rowCount() >= 1);
        QSignalSpy shown(inspector, &WebhookInspector::bodyShown);
        inspector->view()->selectRow(0);
        QVERIFY(shown.wait());
        const QString body = inspector->bodyView()->toPlainText();
        QVERIFY(inspector->bodyView()->isReadOnly());
        QVERIFY2(body.contains(QLatin1String("\"messages\"")), qPrintable(body.left(200)));
        QVERIFY(body.contains(QLatin1String("Where is my teapot?")));
        QVERIFY(body.contains(QLatin1Char('\n'))); // pretty-printed
        // A new webhook appears without a refresh by hand (the store's change signal).
        const int before = inspector->model()->rowCount();
        customerWrites(QStringLiteral("Another one"));
        QTRY_COMPARE(inspector->model()->rowCount(), before + 1);
        QVERIFY(inspector->summaryLabel()->text().contains(QString::number(before + 1)));
    }

    void replayRecoversAFailedRowOnceFixed()
    {
        customerWrites(QStringLiteral("Hi, is the blue teapot back?"));
        customerWrites(QStringLiteral("Hello?"));
        // The store refuses this one message (as a bug or a full disk would): the row is kept in
        // the journal, marked failed, and nothing of it reaches the store.
        {
            test::ConsoleFixture store(m_app.session()->databasePath());
            store.exec(QStringLiteral(
                "CREATE TRIGGER test_refuse BEFORE INSERT ON messages WHEN new.text = 'poison' "
                "BEGIN SELECT RAISE(ABORT, 'test: the store refuses this row'); END"));
        }
        customerWrites(QStringLiteral("poison"));
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM journal WHERE parse_state = 'failed'")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE text = 'poison'")), 0);

        WebhookInspector *inspector = m_app.window()->openWebhookInspector();
        {
            // The failed row among the others, with its error and its body.
            QSignalSpy shown(inspector, &WebhookInspector::bodyShown);
            const int id = count(QStringLiteral("SELECT max(id) FROM journal"));
            QTRY_VERIFY(inspector->select(id));
            QVERIFY(shown.wait());
            QVERIFY(inspector->bodyView()->toPlainText().contains(QLatin1String("poison")));
            test::AdminFixture::screenshot(
                inspector, QStringLiteral("admin-webhook-inspector.png"));
        }
        inspector->filterBox()->setCurrentIndex(1); // failed
        QTRY_COMPARE(inspector->model()->rowCount(), 1);
        QVERIFY(inspector->model()
                    ->index(0, JournalModel::Error)
                    .data()
                    .toString()
                    .contains(QLatin1String("refuses")));
        QCOMPARE(inspector->model()->index(0, JournalModel::Parse).data().toString(),
            QStringLiteral("failed"));
        const qint64 failedId = inspector->model()->rowAt(0)->id;

        // Replaying before the fix fails again, and changes nothing.
        QSignalSpy replayed(inspector, &WebhookInspector::replayFinished);
        inspector->view()->selectRow(0);
        inspector->replaySelected();
        QVERIFY(replayed.wait());
        auto outcome = replayed.takeFirst().at(0).value<ReplayOutcome>();
        QVERIFY(outcome.ok);
        QCOMPARE(int(outcome.rows), 1);
        QCOMPARE(int(outcome.failed), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE text = 'poison'")), 0);

        // The fix, then Replay all failed: the message is recovered.
        {
            test::ConsoleFixture store(m_app.session()->databasePath());
            store.exec(QStringLiteral("DROP TRIGGER test_refuse"));
        }
        inspector->replayFailedButton()->click();
        QVERIFY(replayed.wait());
        outcome = replayed.takeFirst().at(0).value<ReplayOutcome>();
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(int(outcome.rows), 1);
        QCOMPARE(int(outcome.parsed), 1);
        QCOMPARE(int(outcome.failed), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE text = 'poison'")), 1);
        QCOMPARE(count(QStringLiteral("SELECT parse_state = 'parsed' FROM journal WHERE id = %1")
                           .arg(failedId)),
            1);
        QTRY_COMPARE(inspector->model()->rowCount(), 0); // nothing failed any more
        QVERIFY(inspector->statusLabel()->text().contains(QLatin1String("1 parsed")));

        // Replaying the same row again is idempotent: no duplicate message, no duplicate event.
        const int messages = count(QStringLiteral("SELECT count(*) FROM messages"));
        inspector->filterBox()->setCurrentIndex(0);
        QTRY_VERIFY(inspector->select(failedId));
        inspector->replaySelected();
        QVERIFY(replayed.wait());
        outcome = replayed.takeFirst().at(0).value<ReplayOutcome>();
        QCOMPARE(int(outcome.parsed), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), messages);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE text = 'poison'")), 1);
    }
};

QTEST_MAIN(TestAdminInspector)
#include "tst_admin_inspector.moc"
