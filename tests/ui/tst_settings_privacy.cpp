// Privacy from the console: the daily retention run (RetentionRunner over a real store, "now"
// from a ManualClock: runs once a day when retention is on, never when it is off) and masked
// phone numbers for agent seats in the real console's contact panel.
#include "AdminLock.h"
#include "ConsoleFixture.h"
#include "ConsoleSession.h"
#include "ConversationListModel.h"
#include "MainWindow.h"
#include "RetentionRunner.h"
#include "common/Clock.h"
#include "privacy/PrivacySettings.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace parley;
using namespace parley::ui;

namespace {
constexpr qint64 kDay = 86'400;
}

class TestSettingsPrivacy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retentionRunsDailyWhenOn()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("store.db"));
        core::ManualClock clock(1'780'000'000'000);
        const qint64 now = clock.nowSecs();
        {
            test::ConsoleFixture f(db);
            const qint64 c = f.addConversation(
                QStringLiteral("Ana"), QStringLiteral("5511900000001"), now + 3600);
            f.addMessage(c, QStringLiteral("wamid.old"), QStringLiteral("in"), now - 40 * kDay,
                QStringLiteral("an old secret"));
            f.addMessage(c, QStringLiteral("wamid.new"), QStringLiteral("in"), now - 60,
                QStringLiteral("a new message"));
        }
        RetentionRunner runner(db, &clock);
        QSignalSpy checked(&runner, &RetentionRunner::checked);
        QSignalSpy purged(&runner, &RetentionRunner::purged);

        // Off by default: nothing happens.
        runner.checkNow();
        QVERIFY(checked.wait(10000));
        QCOMPARE(checked.last().at(0).toBool(), false);
        QCOMPARE(purged.count(), 0);

        {
            AdminLock lock(db, &clock);
            core::PrivacySettings p = lock.privacy();
            p.retentionDays = 30;
            QSignalSpy saved(&lock, &AdminLock::privacyChanged);
            lock.setPrivacy(p);
            QVERIFY(saved.wait(5000));
        }
        runner.checkNow();
        QVERIFY(checked.wait(10000));
        QCOMPARE(checked.last().at(0).toBool(), true);
        QCOMPARE(purged.count(), 1);
        QCOMPARE(
            purged.first().at(0).value<core::PrivacyCounts>().value(QStringLiteral("messages")), 1);
        {
            test::ConsoleFixture f(db);
            QSqlQuery q(f.db());
            QVERIFY(q.exec(QStringLiteral("SELECT id FROM messages WHERE text IS NOT NULL")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wamid.new"));
            QVERIFY(!q.next());
            QCOMPARE(core::PrivacySettings::load(f.db()).lastPurgeAtSecs, now);
        }

        // Later the same day: not again. A day later: again.
        clock.advanceMs(23 * 3600 * 1000);
        runner.checkNow();
        QVERIFY(checked.wait(10000));
        QCOMPARE(checked.last().at(0).toBool(), false);
        clock.advanceMs(3600 * 1000);
        runner.checkNow();
        QVERIFY(checked.wait(10000));
        QCOMPARE(checked.last().at(0).toBool(), true);
        QCOMPARE(purged.count(), 2);
    }

    void maskedNumbersForAgentSeats()
    {
        ConsoleSession::Options o;
        o.demo = true;
        o.demoScenario = false;
        ConsoleSession session(o);
        QString error;
        QVERIFY2(session.start(&error), qPrintable(error));
        MainWindow window(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString oliver = QStringLiteral("447700900123"); // seeded by the demo
        qint64 id = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto *m = window.conversationModel();
                for (int i = 0; i < m->rowCount(); ++i)
                    if (m->rowAt(i)->waId == oliver)
                        id = m->rowAt(i)->id;
                return id != 0;
            }(),
            10000);
        window.openConversation(id);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.contactPanel()->text().contains(QLatin1String("+447700900123")), 10000);

        core::PrivacySettings p = window.adminLock()->privacy();
        p.maskPhones = true;
        window.adminLock()->setPrivacy(p);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.contactPanel()->text().contains(QStringLiteral("+4•••••••0123")), 10000);
        QVERIFY(!window.contactPanel()->text().contains(oliver));
        // The list names the contact, never the full number.
        const QString title = ConversationListModel::titleFor(
            *window.conversationModel()->rowAt(window.conversationModel()->rowOf(id)));
        QVERIFY(!title.contains(oliver));
    }
};

QTEST_MAIN(TestSettingsPrivacy)
#include "tst_settings_privacy.moc"
