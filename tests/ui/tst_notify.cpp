// Notifications against the in-process simulator (real HTTP webhooks → journal → ingest → store
// → ConsoleStore::changed): a new inbound message in another conversation raises exactly one
// notice and the unread count goes up; none for the conversation open in the active window;
// "also when focused" off keeps quiet while the window is active; clicking a notice opens its
// conversation. Without a system tray (offscreen) notices show inside the window.
#include "ConsoleSession.h"
#include "ConsoleStore.h"
#include "ConversationListModel.h"
#include "MainWindow.h"
#include "ThreadModel.h"
#include "common/Clock.h"
#include "notify/NotificationCenter.h"
#include "notify/NotificationSettings.h"
#include "notify/TrayNotifier.h"
#include "notify/WindowNotifier.h"
#include "sim/Simulator.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFrame>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

using namespace parley;
using namespace parley::ui;

namespace {

// The notifier the tests watch instead of the desktop's.
class RecordingNotifier : public Notifier
{
    Q_OBJECT
public:
    using Notifier::Notifier;
    void notify(const Notice &notice) override { notices.append(notice); }
    void setUnreadCount(int count) override { counts.append(count); }
    void click(qint64 conversationId) { Q_EMIT activated(conversationId); }

    QList<Notice> notices;
    QList<int> counts;
};

const QString Ana = QStringLiteral("5511911110001");
const QString Bruno = QStringLiteral("5511911110002");
const QString Carla = QStringLiteral("5511911110003");

} // namespace

class TestNotify : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<core::ManualClock> m_simClock;
    std::unique_ptr<ConsoleSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    RecordingNotifier *m_notifier = nullptr;

    sim::Simulator *sim() const { return m_session->simulator(); }
    NotificationCenter *center() const { return m_window->notifications(); }

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

    // A customer writes; returns the conversation once the list shows it (0 on a timeout).
    qint64 writes(const QString &waId, const QString &text)
    {
        sim()->customerWritesText(waId, text);
        advance(500);
        QElapsedTimer t;
        t.start();
        while (!conversationOf(waId) && t.elapsed() < 10000)
            QTest::qWait(10);
        return conversationOf(waId);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
    }

    void init()
    {
        m_simClock = std::make_unique<core::ManualClock>(QDateTime::currentMSecsSinceEpoch());
        ConsoleSession::Options o;
        o.demo = true;
        o.demoScenario = false;
        o.simulatorClock = m_simClock.get();
        m_session = std::make_unique<ConsoleSession>(o);
        QString error;
        QVERIFY2(m_session->start(&error), qPrintable(error));
        for (const auto &[name, waId] : {std::pair{QStringLiteral("Ana Souza"), Ana},
                 std::pair{QStringLiteral("Bruno Lima"), Bruno},
                 std::pair{QStringLiteral("Carla Dias"), Carla}}) {
            sim::SimCustomer c;
            c.name = name;
            c.waId = waId;
            sim()->addCustomer(c);
        }
        m_window = std::make_unique<MainWindow>(m_session.get());
        m_window->setReadAfterFocusMs(600'000); // the read policy stays out of the counts
        // Offscreen has no system tray: the default is the in-window banner.
        QVERIFY(qobject_cast<WindowNotifier *>(center()->notifier()));
        m_notifier = new RecordingNotifier;
        center()->setNotifier(m_notifier);
        NotificationSettings s;
        s.enabled = true;
        s.whenFocused = true;
        s.sound = false;
        center()->setSettings(s);
        m_window->resize(1000, 700);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTRY_VERIFY(m_window->conversationModel()->rowCount() > 0); // the seeded customer
    }

    void cleanup()
    {
        m_window.reset();
        m_session.reset();
        m_simClock.reset();
    }

    void newMessageElsewhereNotifiesOnceAndCounts()
    {
        const int before = center()->unreadCount();
        QSignalSpy shown(center(), &NotificationCenter::noticeShown);
        const qint64 ana = writes(Ana, QStringLiteral("Hi! Is order *4471* on its way?"));
        QTRY_COMPARE_WITH_TIMEOUT(m_notifier->notices.size(), 1, 10000);
        const Notice n = m_notifier->notices.first();
        QCOMPARE(n.conversationId, ana);
        QCOMPARE(n.title, QStringLiteral("Ana Souza"));
        QCOMPARE(n.body, QStringLiteral("Hi! Is order 4471 on its way?"));
        QTRY_COMPARE(center()->unreadCount(), before + 1);
        QCOMPARE(m_notifier->counts.last(), before + 1);
        // A later refresh of the same store change does not raise it again.
        StoreChange again;
        again.messageIds << n.messageId;
        again.conversationIds.insert(ana);
        m_session->store()->notifyChanged(again);
        QTest::qWait(50);
        QCoreApplication::processEvents();
        QCOMPARE(m_notifier->notices.size(), 1);
        QCOMPARE(shown.size(), 1);
    }

    void noneForTheOpenFocusedConversation()
    {
        const qint64 ana = writes(Ana, QStringLiteral("first"));
        QTRY_COMPARE_WITH_TIMEOUT(m_notifier->notices.size(), 1, 10000);
        m_window->openConversation(ana);
        QTRY_COMPARE(m_window->currentConversationId(), ana);
        QTRY_COMPARE(m_window->threadModel()->rowCount(), 1);
        QVERIFY(m_window->isActiveWindow());
        const int unread = center()->unreadCount();

        sim()->customerWritesText(Ana, QStringLiteral("are you there?"));
        advance(500);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->threadModel()->rowCount(), 2, 10000);
        // Someone else writes meanwhile: that one is told, Ana's is not.
        const qint64 bruno = writes(Bruno, QStringLiteral("hello from Bruno"));
        QTRY_COMPARE_WITH_TIMEOUT(m_notifier->notices.size(), 2, 10000);
        QTest::qWait(50);
        QCOMPARE(m_notifier->notices.size(), 2);
        QCOMPARE(m_notifier->notices.last().conversationId, bruno);
        QTRY_COMPARE(center()->unreadCount(), unread + 2); // the store counts both
    }

    void quietWhileFocusedUnlessAsked()
    {
        NotificationSettings s = center()->settings();
        s.whenFocused = false;
        center()->setSettings(s);
        const int before = center()->unreadCount();
        writes(Carla, QStringLiteral("a message while the agent works"));
        QTRY_COMPARE_WITH_TIMEOUT(center()->unreadCount(), before + 1, 10000);
        QTest::qWait(50);
        QCOMPARE(m_notifier->notices.size(), 0);
        // Turned off altogether, even another conversation stays quiet.
        s.enabled = false;
        s.whenFocused = true;
        center()->setSettings(s);
        writes(Bruno, QStringLiteral("still nothing"));
        QTRY_COMPARE_WITH_TIMEOUT(center()->unreadCount(), before + 2, 10000);
        QTest::qWait(50);
        QCOMPARE(m_notifier->notices.size(), 0);
    }

    void clickingANoticeOpensItsConversation()
    {
        const qint64 bruno = writes(Bruno, QStringLiteral("please call me"));
        QTRY_COMPARE_WITH_TIMEOUT(m_notifier->notices.size(), 1, 10000);
        QVERIFY(m_window->currentConversationId() != bruno);
        m_notifier->click(m_notifier->notices.first().conversationId);
        QTRY_COMPARE(m_window->currentConversationId(), bruno);
        QTRY_COMPARE(m_window->threadModel()->rowCount(), 1);
    }

    void menuHoldsTheSettings()
    {
        QMenu *notifications = nullptr;
        for (QMenu *menu : m_window->menuBar()->findChildren<QMenu *>())
            if (menu->title() == QStringLiteral("&Notifications"))
                notifications = menu;
        QVERIFY(notifications);
        const QList<QAction *> actions = notifications->actions();
        QCOMPARE(actions.size(), 3);
        QVERIFY(actions.at(0)->isChecked());
        actions.at(2)->trigger(); // sound on
        QVERIFY(center()->settings().sound);
        QCOMPARE(NotificationSettings::load().sound, true);
        actions.at(2)->trigger();
        QCOMPARE(NotificationSettings::load().sound, false);
    }

    void withoutATrayTheWindowShowsTheNotice()
    {
        auto *inWindow = new WindowNotifier(m_window.get());
        center()->setNotifier(inWindow);
        QSignalSpy activated(inWindow, &Notifier::activated);
        const qint64 ana = writes(Ana, QStringLiteral("hello in the window"));
        QTRY_VERIFY_WITH_TIMEOUT(inWindow->banner()->isVisible(), 10000);
        const QList<QLabel *> labels = inWindow->banner()->findChildren<QLabel *>();
        QCOMPARE(labels.at(0)->text(), QStringLiteral("Ana Souza"));
        QCOMPARE(labels.at(1)->text(), QStringLiteral("hello in the window"));
        QTRY_VERIFY(m_window->windowTitle().startsWith(QStringLiteral("(")));
        QTest::mouseClick(inWindow->banner(), Qt::LeftButton);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(0).toLongLong(), ana);
        QTRY_COMPARE(m_window->currentConversationId(), ana);
        QVERIFY(!inWindow->banner()->isVisible());
    }

    void trayBadgeShowsTheCount()
    {
        QPixmap base(64, 64);
        base.fill(Qt::white);
        const QIcon icon(base);
        const QImage none = TrayNotifier::badged(icon, 0).pixmap(64, 64).toImage();
        const QImage three = TrayNotifier::badged(icon, 3).pixmap(64, 64).toImage();
        QCOMPARE(none.pixelColor(60, 4), QColor(Qt::white));
        QVERIFY(three.pixelColor(60, 17) != QColor(Qt::white)); // the red badge, top right
        QCOMPARE(three.pixelColor(4, 60), QColor(Qt::white)); // the icon elsewhere
    }
};

QTEST_MAIN(TestNotify)
#include "tst_notify.moc"
