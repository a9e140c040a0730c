// The real console (MainWindow over a ConsoleSession in demo mode) against the in-process
// simulator: real HTTP on loopback (Graph API and webhooks), a real store in a temporary
// directory, offscreen widgets. The simulator's statuses follow a ManualClock: no test sleeps.
#include "Composer.h"
#include "ConsoleSession.h"
#include "ConsoleStore.h"
#include "ConversationListModel.h"
#include "MainWindow.h"
#include "MessageDelegate.h"
#include "OutboxDialog.h"
#include "SearchDialog.h"
#include "TemplatePickerDialog.h"
#include "ThreadModel.h"
#include "ThreadView.h"
#include "common/Clock.h"
#include "sim/Simulator.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

using namespace parley;
using namespace parley::ui;

namespace {
const QString Maria = QStringLiteral("5511987650001");
const QString Oliver
    = QStringLiteral("447700900123"); // seeded by the demo: window closed two days ago
} // namespace

class TestConsoleE2E : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<core::ManualClock> m_simClock;
    std::unique_ptr<ConsoleSession> m_session;
    std::unique_ptr<MainWindow> m_window;

    sim::Simulator *sim() const { return m_session->simulator(); }

    // Lets the simulated Meta's time pass (statuses, retries) in steps.
    void advance(qint64 ms)
    {
        for (qint64 done = 0; done < ms; done += 250) {
            m_simClock->advanceMs(250);
            sim()->runDueEvents();
            QCoreApplication::processEvents();
        }
    }

    qint64 conversationOf(const QString &waId) const
    {
        const auto *model = m_window->conversationModel();
        for (int i = 0; i < model->rowCount(); ++i)
            if (model->rowAt(i)->waId == waId)
                return model->rowAt(i)->id;
        return 0;
    }

    int lastRow() const { return m_window->threadModel()->rowCount() - 1; }
    QString lastStatus() const
    {
        return m_window->threadModel()->index(lastRow()).data(ThreadModel::StatusRole).toString();
    }

    void screenshot(const QString &name)
    {
        const QString dir = qEnvironmentVariable("PARLEY_SCREENSHOTS_DIR");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QVERIFY(m_window->grab().save(QDir(dir).filePath(name)));
    }

private Q_SLOTS:
    void init()
    {
        m_simClock = std::make_unique<core::ManualClock>(QDateTime::currentMSecsSinceEpoch());
        ConsoleSession::Options o;
        o.demo = true;
        // Only the demo test lets the scenario customers write in on their own.
        o.demoScenario = QByteArray(QTest::currentTestFunction()) == "demoCustomersWriteInAndReact";
        o.simulatorClock = m_simClock.get();
        m_session = std::make_unique<ConsoleSession>(o);
        QSignalSpy synced(m_session.get(), &ConsoleSession::templatesSynced);
        QString error;
        QVERIFY2(m_session->start(&error), qPrintable(error));
        QVERIFY(synced.wait(10000));
        QVERIFY(synced.first().at(0).toInt() > 0);
        m_window = std::make_unique<MainWindow>(m_session.get());
        m_window->resize(1180, 720);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_session.reset();
        m_simClock.reset();
    }

    void demoCustomersWriteInAndReact()
    {
        // The scenario's five customers write during the first 20 s of the simulator's time.
        advance(21000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->conversationModel()->rowCount(), 6, 15000);
        const qint64 maria = conversationOf(Maria);
        QVERIFY(maria);
        m_window->openConversation(maria);
        QTRY_COMPARE(m_window->threadModel()->rowCount(), 2);
        QPlainTextEdit *editor = m_window->composer()->editor();
        QTest::keyClicks(
            editor, QStringLiteral("Hi Maria! Order *#4471* left our warehouse today."));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->threadModel()->rowCount(), 3, 10000);
        // The answer is stamped by our clock, the customers' messages by the simulator's (ahead).
        auto answer = [this] {
            for (int i = 0; i < m_window->threadModel()->rowCount(); ++i) {
                const auto row = m_window->threadModel()
                                     ->index(i)
                                     .data(ThreadModel::MessageRole)
                                     .value<MessageRow>();
                if (row.direction == QLatin1String("out"))
                    return row;
            }
            return MessageRow();
        };
        // She reads it and reacts with a thumbs up, which lands on the bubble, not as a row.
        advance(8000);
        QTRY_COMPARE_WITH_TIMEOUT(answer().reactions, QStringLiteral("👍"), 10000);
        QCOMPARE(answer().status, QStringLiteral("read"));
        QCOMPARE(m_window->threadModel()->rowCount(), 3);
        screenshot(QStringLiteral("console-demo.png"));
    }

    void customerWritesAgentAnswersTicksAdvanceToRead()
    {
        sim()->customerWritesText(Maria, QStringLiteral("Hi! Where is my *blue teapot*?"));
        sim()->runDueEvents();
        QTRY_VERIFY_WITH_TIMEOUT(conversationOf(Maria) != 0, 10000);
        const qint64 conversation = conversationOf(Maria);
        const auto *row = m_window->conversationModel()->rowAt(
            m_window->conversationModel()->rowOf(conversation));
        QCOMPARE(row->unread, 1);

        m_window->setReadAfterFocusMs(0); // the policy's delay is not what this test is about
        m_window->activateWindow();
        m_window->openConversation(conversation);
        QTRY_COMPARE(m_window->threadModel()->rowCount(), 1);
        QCOMPARE(m_window->threadModel()->index(0).data(ThreadModel::BodyRole).toString(),
            QStringLiteral("Hi! Where is my *blue teapot*?"));
        // Opened and focused: the unread badge clears and Meta is told the message was read.
        QTRY_COMPARE_WITH_TIMEOUT(
            sim()->stats().value(QStringLiteral("read_receipts")).toInteger(), 1, 10000);
        QTRY_COMPARE(m_window->conversationModel()
                         ->rowAt(m_window->conversationModel()->rowOf(conversation))
                         ->unread,
            0);
        QVERIFY(m_window->composer()->isWindowOpen());

        // Shift+Enter is a new line, Enter sends.
        QPlainTextEdit *editor = m_window->composer()->editor();
        editor->setFocus();
        QTest::keyClicks(editor, QStringLiteral("Hello Maria,"));
        QTest::keyClick(editor, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(editor, QStringLiteral("it ships _today_."));
        QCOMPARE(editor->toPlainText(), QStringLiteral("Hello Maria,\nit ships _today_."));
        QCOMPARE(sim()->acceptedMessages().size(), 0);
        QTest::keyClick(editor, Qt::Key_Return);
        QVERIFY(editor->toPlainText().isEmpty());

        QTRY_COMPARE(m_window->threadModel()->rowCount(), 2);
        QCOMPARE(m_window->threadModel()->index(1).data(ThreadModel::DirectionRole).toString(),
            QStringLiteral("out"));
        QTRY_COMPARE_WITH_TIMEOUT(sim()->acceptedMessages().size(), 1, 10000);
        const QJsonObject request = sim()->acceptedMessages().first().toObject();
        QVERIFY2(QJsonDocument(request).toJson().contains("it ships _today_."),
            QJsonDocument(request).toJson().constData());

        // The simulated customer's phone receives and reads it: one tick, two, blue.
        advance(500);
        QTRY_COMPARE_WITH_TIMEOUT(lastStatus(), QStringLiteral("sent"), 10000);
        screenshot(QStringLiteral("console-sent.png"));
        advance(1000);
        QTRY_COMPARE_WITH_TIMEOUT(lastStatus(), QStringLiteral("delivered"), 10000);
        advance(3500);
        QTRY_COMPARE_WITH_TIMEOUT(lastStatus(), QStringLiteral("read"), 10000);
        QVERIFY(m_window->threadModel()
                    ->index(1)
                    .data(ThreadModel::MessageIdRole)
                    .toString()
                    .startsWith(QStringLiteral("wamid.")));
        screenshot(QStringLiteral("console-main.png"));
    }

    void closedWindowOffersTemplatePickerAndTemplateGoesOut()
    {
        QTRY_VERIFY(conversationOf(Oliver) != 0);
        m_window->openConversation(conversationOf(Oliver));
        QTRY_COMPARE(m_window->threadModel()->rowCount(), 3);
        QVERIFY(!m_window->composer()->isWindowOpen());

        QSignalSpy shown(m_window.get(), &MainWindow::templatePickerShown);
        QTest::mouseClick(m_window->composer()->closedTemplateButton(), Qt::LeftButton);
        QVERIFY(shown.wait());
        TemplatePickerDialog *picker = m_window->templatePicker();
        QVERIFY(picker);
        QVERIFY2(picker->selectTemplate(QStringLiteral("order_update")),
            qPrintable(picker->entries().join(QLatin1Char(';'))));
        QVERIFY(!picker->sendButton()->isEnabled()); // {{1}}, {{2}}, {{3}} still empty
        QVERIFY(picker->field(QStringLiteral("1")));
        QTest::keyClicks(picker->field(QStringLiteral("1")), QStringLiteral("Oliver"));
        QTest::keyClicks(picker->field(QStringLiteral("2")), QStringLiteral("#4471"));
        QVERIFY(!picker->sendButton()->isEnabled());
        QTest::keyClicks(picker->field(QStringLiteral("3")), QStringLiteral("Friday"));
        QVERIFY2(picker->sendButton()->isEnabled(), qPrintable(picker->issuesText()));
        QVERIFY(picker->previewText().contains(
            QStringLiteral("Hi Oliver, your order #4471 has shipped and will arrive on Friday.")));
        screenshot(QStringLiteral("console-template-picker.png"));
        QTest::mouseClick(picker->sendButton(), Qt::LeftButton);

        QTRY_COMPARE_WITH_TIMEOUT(sim()->acceptedMessages().size(), 1, 10000);
        const QJsonObject request = sim()->acceptedMessages().first().toObject();
        const QByteArray json = QJsonDocument(request).toJson(QJsonDocument::Compact);
        QVERIFY2(json.contains("\"order_update\"") && json.contains("Friday"), json.constData());
        QTRY_COMPARE(m_window->threadModel()->rowCount(), 4);
        advance(500);
        QTRY_COMPARE_WITH_TIMEOUT(lastStatus(), QStringLiteral("sent"), 10000);
    }

    void failureShowsActionAndRetryResends()
    {
        sim()->customerWritesText(Maria, QStringLiteral("Any news?"));
        sim()->runDueEvents();
        QTRY_VERIFY_WITH_TIMEOUT(conversationOf(Maria) != 0, 10000);
        m_window->openConversation(conversationOf(Maria));
        QTRY_COMPARE(m_window->threadModel()->rowCount(), 1);

        // The access token stops working: Meta answers 190, the agent is told to re-authenticate.
        sim()->setTokenExpiresAtMs(m_simClock->nowMs() - 1);
        QPlainTextEdit *editor = m_window->composer()->editor();
        QTest::keyClicks(editor, QStringLiteral("Let me check"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(lastStatus(), QStringLiteral("failed"), 10000);
        const MessageRow failed = m_window->threadModel()
                                      ->index(lastRow())
                                      .data(ThreadModel::MessageRole)
                                      .value<MessageRow>();
        QCOMPARE(failed.errorCode, 190);
        QCOMPARE(MessageDelegate::actionsFor(failed),
            (QStringList{QStringLiteral("reauthenticate"), QStringLiteral("retry")}));
        screenshot(QStringLiteral("console-failed.png"));

        // The outbox screen shows the same row, failed, retryable, no longer cancellable.
        OutboxDialog *outbox = m_window->openOutbox();
        QTRY_COMPARE(outbox->table()->rowCount(), 1);
        QVERIFY(outbox->select(failed.outboxId));
        QCOMPARE(outbox->table()->item(0, 4)->text(), QStringLiteral("failed"));
        QVERIFY(outbox->table()->item(0, 6)->text().startsWith(QStringLiteral("190")));
        QVERIFY(outbox->retryButton()->isEnabled());
        QVERIFY(!outbox->cancelButton()->isEnabled());
        outbox->close();

        // The token is fixed; the agent clicks Retry on the bubble.
        sim()->setTokenExpiresAtMs(0);
        ThreadView *view = m_window->threadView();
        const QModelIndex index = m_window->threadModel()->index(lastRow());
        view->scrollTo(index);
        QStyleOptionViewItem option;
        option.initFrom(view->viewport());
        option.rect = view->visualRect(index);
        option.font = view->font();
        const QRect retry
            = view->messageDelegate()->actionRect(option, index, QStringLiteral("retry"));
        QVERIFY(!retry.isEmpty());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, retry.center());
        QTRY_COMPARE_WITH_TIMEOUT(sim()->acceptedMessages().size(), 1, 10000);
        advance(500);
        QTRY_COMPARE_WITH_TIMEOUT(lastStatus(), QStringLiteral("sent"), 10000);
    }

    void searchFindsOldMessageAndJumpsToIt()
    {
        QTRY_VERIFY(conversationOf(Oliver) != 0);
        sim()->customerWritesText(Maria, QStringLiteral("hello again"));
        sim()->runDueEvents();
        QTRY_VERIFY_WITH_TIMEOUT(conversationOf(Maria) != 0, 10000);
        m_window->openConversation(conversationOf(Maria));
        QTRY_COMPARE(m_window->threadModel()->rowCount(), 1);

        m_window->openSearch();
        SearchDialog *search = m_window->searchDialog();
        QSignalSpy shown(search, &SearchDialog::resultsShown);
        QTest::keyClicks(search->input(), QStringLiteral("large teap"));
        QVERIFY(shown.wait());
        QCOMPARE(shown.last().at(0).toInt(), 1);
        QVERIFY(search->results()->item(0)->text().contains(QStringLiteral("[teapot]")));
        QSignalSpy ready(m_window->threadModel(), &ThreadModel::messageReady);
        QTest::keyClick(search->input(), Qt::Key_Return);
        QVERIFY(ready.wait());
        QCOMPARE(m_window->currentConversationId(), conversationOf(Oliver));
        const QModelIndex current = m_window->threadView()->currentIndex();
        QCOMPARE(current.data(ThreadModel::MessageIdRole).toString(),
            QStringLiteral("wamid.demo-history-0"));
    }
};

QTEST_MAIN(TestConsoleE2E)
#include "tst_console_e2e.moc"
