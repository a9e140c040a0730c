// Edit ▸ Preferences: the agent's theme, read-receipt and typing choices are saved, applied to the
// application, and obeyed by the real console against the in-process simulator (real HTTP on
// loopback, a real store, offscreen widgets).
#include "ConsoleSession.h"
#include "ConversationListModel.h"
#include "MainWindow.h"
#include "Preferences.h"
#include "PreferencesDialog.h"
#include "ThreadModel.h"
#include "common/Clock.h"
#include "sim/Simulator.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QtTest>

using namespace parley;
using namespace parley::ui;

namespace {
const QString Maria = QStringLiteral("5511987650001");

void clickOk(QDialog *dialog)
{
    auto *box = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(box);
    box->button(QDialogButtonBox::Ok)->click();
}
} // namespace

class TestPreferences : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<core::ManualClock> m_simClock;
    std::unique_ptr<ConsoleSession> m_session;
    std::unique_ptr<MainWindow> m_window;

    qint64 readReceipts() const
    {
        return m_session->simulator()->stats().value(QStringLiteral("read_receipts")).toInteger();
    }

    void startConsole()
    {
        m_simClock = std::make_unique<core::ManualClock>(QDateTime::currentMSecsSinceEpoch());
        ConsoleSession::Options o;
        o.demo = true;
        o.demoScenario = false;
        o.simulatorClock = m_simClock.get();
        m_session = std::make_unique<ConsoleSession>(o);
        QString error;
        QVERIFY2(m_session->start(&error), qPrintable(error));
        m_window = std::make_unique<MainWindow>(m_session.get());
        m_window->resize(1000, 640);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("parley-tst-preferences"));
        QSettings().clear();
    }

    void cleanup()
    {
        m_window.reset();
        m_session.reset();
        m_simClock.reset();
        QSettings().clear();
        Preferences().applyTheme(); // back to the system palette
    }

    void defaultsRoundTripAndClamp()
    {
        QCOMPARE(Preferences::load(), Preferences());
        Preferences p;
        p.theme = Preferences::Theme::Dark;
        p.readAfterSeconds = 7;
        p.sendReadReceipts = false;
        p.typingIndicator = false;
        p.save();
        QCOMPARE(Preferences::load(), p);
        // A hand-edited settings file cannot make the policy instant or endless, or the theme odd.
        QSettings().setValue(QStringLiteral("preferences/read_after_seconds"), 0);
        QSettings().setValue(QStringLiteral("preferences/theme"), QStringLiteral("purple"));
        QCOMPARE(Preferences::load().readAfterSeconds, Preferences::MinReadAfterSeconds);
        QCOMPARE(Preferences::load().theme, Preferences::Theme::System);
        QSettings().setValue(QStringLiteral("preferences/read_after_seconds"), 100000);
        QCOMPARE(Preferences::load().readAfterSeconds, Preferences::MaxReadAfterSeconds);
    }

    void themeAppliesToTheApplication()
    {
        const QPalette system = QApplication::palette();
        PreferencesDialog dialog;
        dialog.themeBox()->setCurrentIndex(dialog.themeBox()->findData(QStringLiteral("dark")));
        QSignalSpy changed(&dialog, &PreferencesDialog::preferencesChanged);
        clickOk(&dialog);
        QCOMPARE(changed.size(), 1);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        QVERIFY(QApplication::palette().color(QPalette::Text).lightness() > 180);
        QCOMPARE(Preferences::load().theme, Preferences::Theme::Dark);

        Preferences light;
        light.theme = Preferences::Theme::Light;
        light.applyTheme();
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
        Preferences().applyTheme();
        QCOMPARE(QApplication::palette().color(QPalette::Window), system.color(QPalette::Window));
    }

    void cancelChangesNothing()
    {
        PreferencesDialog dialog;
        dialog.readAfter()->setValue(42);
        dialog.sendReadReceipts()->setChecked(false);
        dialog.reject();
        QCOMPARE(Preferences::load(), Preferences());
    }

    void readReceiptsAndTypingFollowThePreferences()
    {
        startConsole();
        m_session->simulator()->customerWritesText(Maria, QStringLiteral("Is anyone there?"));
        m_session->simulator()->runDueEvents();
        auto conversation = [this] {
            const auto *model = m_window->conversationModel();
            for (int i = 0; i < model->rowCount(); ++i)
                if (model->rowAt(i)->waId == Maria)
                    return model->rowAt(i)->id;
            return qint64(0);
        };
        QTRY_VERIFY_WITH_TIMEOUT(conversation() != 0, 10000);
        const qint64 maria = conversation();

        // The agent turns off read receipts and the typing indicator.
        PreferencesDialog *dialog = m_window->openPreferences();
        dialog->sendReadReceipts()->setChecked(false);
        dialog->typingIndicator()->setChecked(false);
        clickOk(dialog);
        QVERIFY(!m_window->preferences().sendReadReceipts);

        m_window->setReadAfterFocusMs(0);
        m_window->activateWindow();
        m_window->openConversation(maria);
        QTRY_COMPARE(m_window->threadModel()->rowCount(), 1);
        // Read locally (the badge clears), but the customer is not told.
        QTRY_COMPARE(m_window->conversationModel()
                         ->rowAt(m_window->conversationModel()->rowOf(maria))
                         ->unread,
            0);
        QTest::keyClicks(m_window->findChild<QPlainTextEdit *>(), QStringLiteral("One moment"));
        QTest::qWait(300); // a receipt or typing request, had one gone out, reaches the simulator
        QCOMPARE(readReceipts(), 0);

        // Turned back on: the next focus sends exactly one receipt.
        dialog = m_window->openPreferences();
        QVERIFY(!dialog->sendReadReceipts()->isChecked());
        dialog->sendReadReceipts()->setChecked(true);
        clickOk(dialog);
        m_window->setReadAfterFocusMs(0);
        QEvent activated(QEvent::ActivationChange); // the agent comes back to the window
        QCoreApplication::sendEvent(m_window.get(), &activated);
        QTRY_COMPARE_WITH_TIMEOUT(readReceipts(), 1, 10000);
        QTest::qWait(300);
        QCOMPARE(readReceipts(), 1);
    }
};

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
