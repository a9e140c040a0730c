// The admin passphrase lock: set / change / remove through a real store, wrong passphrases
// refused and throttled (ManualClock), the session unlocked for a few minutes; and the real
// console refusing Settings and the outbox without the passphrase (offscreen, driving the
// unlock dialog).
#include "AdminLock.h"
#include "AdminUnlockDialog.h"
#include "ConsoleSession.h"
#include "MainWindow.h"
#include "OutboxDialog.h"
#include "SettingsDialog.h"
#include "admin/HealthDialog.h"
#include "admin/TemplatesManager.h"
#include "admin/WebhookInspector.h"
#include "common/Clock.h"
#include "secrets/PassphraseHash.h"
#include "store/Database.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace parley;
using namespace parley::ui;

namespace {

const QString kPassphrase = QStringLiteral("correct horse battery");

// Lets the event loop run until fn() holds (a deadline, not a wait for time to pass).
bool until(const std::function<bool()> &fn, int ms = 10000)
{
    QElapsedTimer t;
    t.start();
    while (!fn()) {
        if (t.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QTest::qWait(5);
    }
    return true;
}

// Drives whatever modal dialogs appear while `open` runs: `step` is called with each new modal
// widget and decides what to type and click.
void driveModals(const std::function<void()> &open, const std::function<void(QWidget *)> &step)
{
    QTimer poll;
    QWidget *last = nullptr;
    QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        if (modal && modal != last && modal->isVisible()) {
            last = modal;
            step(modal);
        }
    });
    poll.start(20);
    open();
    poll.stop();
}

bool setPassphrase(AdminLock &lock, const QString &passphrase)
{
    QSignalSpy saved(&lock, &AdminLock::passphraseSaved);
    lock.setPassphrase(passphrase);
    return saved.wait(10000) && saved.first().at(0).toBool();
}

} // namespace

class TestAdminLock : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("store.db")); }

private Q_SLOTS:
    void initTestCase()
    {
        m_settingsDir = std::make_unique<QTemporaryDir>();
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir->path());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir->path());
    }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QString error;
        {
            QSqlDatabase db = core::Database::open(dbPath(), QStringLiteral("prep"), &error);
            QVERIFY2(db.isValid(), qPrintable(error));
        }
        core::Database::close(QStringLiteral("prep"));
    }
    void cleanup() { m_dir.reset(); }

    void openWithoutPassphrase()
    {
        core::ManualClock clock;
        AdminLock lock(dbPath(), &clock);
        QVERIFY(!lock.hasPassphrase());
        QVERIFY(lock.isUnlocked());
        QVERIFY(lock.ensureUnlocked(nullptr, QStringLiteral("Settings"))); // no dialog
    }

    void setChangeRemove()
    {
        core::ManualClock clock;
        {
            AdminLock lock(dbPath(), &clock);
            lock.setIterations(1000);
            QSignalSpy saved(&lock, &AdminLock::passphraseSaved);
            lock.setPassphrase(QStringLiteral("short"));
            QVERIFY(saved.wait(5000));
            QCOMPARE(saved.first().at(0).toBool(), false);
            QVERIFY(saved.first().at(1).toString().contains(QLatin1String("8")));
            QVERIFY(!lock.hasPassphrase());
            QVERIFY(setPassphrase(lock, kPassphrase));
            QVERIFY(lock.hasPassphrase());
            QVERIFY(lock.isUnlocked()); // whoever set it goes on working
        }
        {
            // A new session (another start of the console) reads the hash from the store.
            AdminLock lock(dbPath(), &clock);
            QVERIFY(lock.hasPassphrase());
            QVERIFY(!lock.isUnlocked());
            QSignalSpy done(&lock, &AdminLock::unlockFinished);
            lock.tryUnlock(kPassphrase);
            QVERIFY(done.wait(10000));
            QCOMPARE(done.first().at(0).toBool(), true);
            // Change it: the old one stops working.
            lock.setIterations(1000);
            QVERIFY(setPassphrase(lock, QStringLiteral("a brand new phrase")));
            lock.lock();
            done.clear();
            lock.tryUnlock(kPassphrase);
            QVERIFY(done.wait(10000));
            QCOMPARE(done.first().at(0).toBool(), false);
            done.clear();
            lock.tryUnlock(QStringLiteral("a brand new phrase"));
            QVERIFY(done.wait(10000));
            QCOMPARE(done.first().at(0).toBool(), true);

            QSignalSpy saved(&lock, &AdminLock::passphraseSaved);
            lock.removePassphrase();
            QVERIFY(saved.wait(5000));
            QVERIFY(saved.first().at(0).toBool());
            QVERIFY(!lock.hasPassphrase());
        }
        AdminLock again(dbPath(), &clock);
        QVERIFY(!again.hasPassphrase());
    }

    void storedHashNotPassphrase()
    {
        core::ManualClock clock;
        {
            AdminLock lock(dbPath(), &clock);
            lock.setIterations(1000);
            QVERIFY(setPassphrase(lock, kPassphrase));
        }
        QString error;
        {
            QSqlDatabase db = core::Database::open(dbPath(), QStringLiteral("check"), &error);
            QSqlQuery q(db);
            QVERIFY(
                q.exec(QStringLiteral("SELECT group_concat(key || '=' || value) FROM settings")));
            QVERIFY(q.next());
            const QString all = q.value(0).toString();
            QVERIFY(all.contains(QLatin1String("admin/passphrase_hash=")));
            QVERIFY(all.contains(QLatin1String("admin/passphrase_iterations=1000")));
            QVERIFY(!all.contains(QLatin1String("horse")));
        }
        core::Database::close(QStringLiteral("check"));
    }

    void wrongPassphraseThrottledAndSessionExpires()
    {
        core::ManualClock clock;
        {
            AdminLock lock(dbPath(), &clock);
            lock.setIterations(1000);
            QVERIFY(setPassphrase(lock, kPassphrase));
        }
        AdminLock lock(dbPath(), &clock);
        QSignalSpy done(&lock, &AdminLock::unlockFinished);
        auto attempt = [&](const QString &p) {
            done.clear();
            lock.tryUnlock(p);
            if (!done.wait(10000))
                return std::make_pair(false, QStringLiteral("no answer"));
            return std::make_pair(done.first().at(0).toBool(), done.first().at(1).toString());
        };
        for (int i = 1; i <= 2; ++i) {
            const auto [ok, message] = attempt(QStringLiteral("guess %1").arg(i));
            QVERIFY(!ok);
            QCOMPARE(message, QStringLiteral("Wrong passphrase."));
            QCOMPARE(lock.retryInMs(), 0);
        }
        auto [ok, message] = attempt(QStringLiteral("guess 3"));
        QVERIFY(!ok);
        QVERIFY2(message.contains(QLatin1String("2 second")), qPrintable(message));
        QCOMPARE(lock.retryInMs(), 2000);
        // While throttled even the right passphrase is not looked at.
        std::tie(ok, message) = attempt(kPassphrase);
        QVERIFY(!ok);
        QVERIFY2(message.contains(QLatin1String("Too many")), qPrintable(message));
        QVERIFY(!lock.isUnlocked());
        clock.advanceMs(2000);
        std::tie(ok, message) = attempt(QStringLiteral("guess 4"));
        QVERIFY(!ok);
        QCOMPARE(lock.retryInMs(), 4000); // doubles
        clock.advanceMs(4000);
        std::tie(ok, message) = attempt(kPassphrase);
        QVERIFY(ok);
        QCOMPARE(lock.failures(), 0);
        QVERIFY(lock.isUnlocked());
        clock.advanceMs(AdminLock::DefaultUnlockMs - 1);
        QVERIFY(lock.isUnlocked());
        clock.advanceMs(1);
        QVERIFY(!lock.isUnlocked()); // asks again after a few minutes
    }

    void consoleRefusesSettingsWithoutPassphrase()
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
        AdminLock *lock = window.adminLock();
        lock->setIterations(1000);
        QVERIFY(setPassphrase(*lock, kPassphrase));
        lock->lock();

        // Wrong passphrase: the dialog says so and stays; cancel → no settings.
        bool sawSettings = false;
        QString shownError;
        driveModals([&] { window.openSettings(); },
            [&](QWidget *modal) {
                if (qobject_cast<SettingsDialog *>(modal)) {
                    sawSettings = true;
                    qobject_cast<QDialog *>(modal)->reject();
                    return;
                }
                auto *unlock = qobject_cast<AdminUnlockDialog *>(modal);
                QVERIFY(unlock);
                unlock->passphrase()->setText(QStringLiteral("not it"));
                QTest::keyClick(unlock->passphrase(), Qt::Key_Return);
                QVERIFY(until([&] {
                    return unlock->errorLabel()->text().contains(QLatin1String("Wrong passphrase"));
                }));
                shownError = unlock->errorLabel()->text();
                QVERIFY(unlock->isVisible());
                unlock->reject();
            });
        QVERIFY(!sawSettings);
        QCOMPARE(shownError, QStringLiteral("Wrong passphrase."));
        QVERIFY(!lock->isUnlocked());

        // The outbox is refused the same way.
        OutboxDialog *outbox = nullptr;
        driveModals([&] { outbox = window.openOutbox(); },
            [&](QWidget *modal) {
                if (auto *unlock = qobject_cast<AdminUnlockDialog *>(modal))
                    unlock->reject();
            });
        QVERIFY(!outbox);
        // And so are the admin screens (Tools ▸ Templates, Webhook inspector, Health).
        int asked = 0;
        auto cancel = [&](QWidget *modal) {
            if (auto *unlock = qobject_cast<AdminUnlockDialog *>(modal)) {
                ++asked;
                unlock->reject();
            }
        };
        QObject *screen = nullptr;
        driveModals([&] { screen = window.openTemplatesManager(); }, cancel);
        QVERIFY(!screen);
        driveModals([&] { screen = window.openWebhookInspector(); }, cancel);
        QVERIFY(!screen);
        driveModals([&] { screen = window.openHealth(); }, cancel);
        QVERIFY(!screen);
        QCOMPARE(asked, 3);

        // The right passphrase opens Settings, with the Privacy and Admin tabs.
        SettingsDialog *settings = nullptr;
        int tabs = 0;
        driveModals([&] { window.openSettings(); },
            [&](QWidget *modal) {
                if (auto *s = qobject_cast<SettingsDialog *>(modal)) {
                    settings = s;
                    tabs = s->tabs()->count();
                    s->reject();
                    return;
                }
                if (auto *unlock = qobject_cast<AdminUnlockDialog *>(modal)) {
                    unlock->passphrase()->setText(kPassphrase);
                    QTest::keyClick(unlock->passphrase(), Qt::Key_Return);
                }
            });
        QVERIFY(settings);
        QCOMPARE(tabs, 3);
        QVERIFY(lock->isUnlocked());
        // Unlocked for the session: the outbox opens without asking.
        QVERIFY(window.openOutbox());
    }

private:
    std::unique_ptr<QTemporaryDir> m_settingsDir;
};

QTEST_MAIN(TestAdminLock)
#include "tst_adminlock.moc"
