// The settings dialog: "Test connection" against the in-process simulator over real HTTP (good
// token → the number's name and quality; bad token → Meta's 190 with what to do; unknown number
// → Meta's 100), the Privacy tab stored in the store's settings table, the Admin tab setting the
// passphrase, and secrets going to the SecretStore only.
#include "AdminLock.h"
#include "ConnectionTest.h"
#include "SettingsDialog.h"
#include "common/Clock.h"
#include "secrets/SecretStore.h"
#include "sim/Simulator.h"
#include "store/Database.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace parley;
using namespace parley::ui;

class TestSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<sim::Simulator> m_sim;
    core::ManualClock m_clock;
    core::MemorySecretStore m_secrets;

    QString dbPath() const { return m_dir->filePath(QStringLiteral("store.db")); }

    // Fills the account fields for the simulator; returns the result label's text after a test.
    QString test(SettingsDialog &d, const QString &token, const QString &number)
    {
        d.field(QStringLiteral("graph_base_url"))->setText(m_sim->baseUrl().toString());
        d.field(QStringLiteral("graph_version"))->setText(QStringLiteral("v23.0"));
        d.field(QStringLiteral("phone_number_id"))->setText(number);
        d.field(QStringLiteral("access_token"))->setText(token);
        QSignalSpy done(d.connectionTest(), &ConnectionTest::finished);
        QTest::mouseClick(d.testButton(), Qt::LeftButton);
        if (!done.wait(10000))
            return QStringLiteral("(no answer)");
        return d.testResult()->text();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
        sim::SimConfig config;
        config.clock = &m_clock;
        m_sim = std::make_unique<sim::Simulator>(config);
        QVERIFY(m_sim->start());
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

    void testConnectionGoodToken()
    {
        SettingsDialog d(&m_secrets);
        const QString text = test(d, QString::fromLatin1(sim::SimConfig::DefaultAccessToken),
            QString::fromLatin1(sim::SimConfig::DefaultPhoneNumberId));
        QVERIFY2(d.connectionTest()->lastResult().ok, qPrintable(text));
        QCOMPARE(text, QStringLiteral("Connected: Parley Demo (+1 555-010-0001), quality GREEN"));
        QVERIFY(d.testButton()->isEnabled());
        // Testing saves nothing: the typed token is not in the keychain yet.
        QVERIFY(!m_secrets.read(QString::fromLatin1(core::SecretStore::AccessToken)).has_value());
    }

    void testConnectionBadTokenShows190()
    {
        SettingsDialog d(&m_secrets);
        const QString text = test(d, QStringLiteral("EAAG-wrong-token"),
            QString::fromLatin1(sim::SimConfig::DefaultPhoneNumberId));
        const ConnectionTest::Result r = d.connectionTest()->lastResult();
        QVERIFY(!r.ok);
        QCOMPARE(r.error.code, 190);
        QVERIFY2(text.startsWith(QLatin1String("Meta error 190: Invalid OAuth access token")),
            qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Check the access token")), qPrintable(text));
    }

    void testConnectionUnknownNumber()
    {
        SettingsDialog d(&m_secrets);
        const QString text = test(d, QString::fromLatin1(sim::SimConfig::DefaultAccessToken),
            QStringLiteral("123456789"));
        QCOMPARE(d.connectionTest()->lastResult().error.code, 100);
        QVERIFY2(text.contains(QLatin1String("phone number id")), qPrintable(text));
    }

    void testConnectionNeedsFields()
    {
        SettingsDialog d(&m_secrets);
        const QString text = test(d, QString(), QStringLiteral("1"));
        QCOMPARE(text, QStringLiteral("Enter the access token first."));
    }

    void privacyTabStoredInTheStore()
    {
        {
            AdminLock lock(dbPath(), &m_clock);
            SettingsDialog d(&m_secrets, &lock);
            QCOMPARE(d.tabs()->count(), 3);
            QCOMPARE(d.retentionDays()->value(), 0); // off by default
            QVERIFY(!d.maskPhones()->isChecked());
            d.retentionDays()->setValue(90);
            d.maskPhones()->setChecked(true);
            QSignalSpy changed(&lock, &AdminLock::privacyChanged);
            QVERIFY(d.save());
            QVERIFY(changed.wait(5000));
        }
        AdminLock reread(dbPath(), &m_clock);
        QCOMPARE(reread.privacy().retentionDays, 90);
        QVERIFY(reread.privacy().maskPhones);
        SettingsDialog d(&m_secrets, &reread);
        QCOMPARE(d.retentionDays()->value(), 90);
        QVERIFY(d.maskPhones()->isChecked());
    }

    void adminTabSetsPassphrase()
    {
        AdminLock lock(dbPath(), &m_clock);
        lock.setIterations(1000);
        SettingsDialog d(&m_secrets, &lock);
        QVERIFY(!d.removePassphraseButton()->isEnabled());
        QCOMPARE(d.setPassphraseButton()->text(), QStringLiteral("Set passphrase"));
        d.findChild<QLineEdit *>(QStringLiteral("new_passphrase"))
            ->setText(QStringLiteral("one two three four"));
        d.findChild<QLineEdit *>(QStringLiteral("confirm_passphrase"))
            ->setText(QStringLiteral("one two three five"));
        QTest::mouseClick(d.setPassphraseButton(), Qt::LeftButton);
        auto *message = d.findChild<QLabel *>(QStringLiteral("admin_message"));
        QCOMPARE(message->text(), QStringLiteral("The two passphrases differ."));
        QVERIFY(!lock.hasPassphrase());
        d.findChild<QLineEdit *>(QStringLiteral("confirm_passphrase"))
            ->setText(QStringLiteral("one two three four"));
        QSignalSpy saved(&lock, &AdminLock::passphraseSaved);
        QTest::mouseClick(d.setPassphraseButton(), Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        QVERIFY(lock.hasPassphrase());
        QCOMPARE(message->text(), QStringLiteral("Admin passphrase saved."));
        QCOMPARE(d.setPassphraseButton()->text(), QStringLiteral("Change passphrase"));
        QVERIFY(d.removePassphraseButton()->isEnabled());
    }

    void secretsGoToTheSecretStore()
    {
        core::MemorySecretStore secrets;
        SettingsDialog d(&secrets);
        d.field(QStringLiteral("access_token"))->setText(QStringLiteral("tok-123"));
        d.field(QStringLiteral("app_secret"))->setText(QStringLiteral("app-456"));
        d.field(QStringLiteral("phone_number_id"))->setText(QStringLiteral("106540352242922"));
        QVERIFY(d.save());
        QCOMPARE(secrets.read(QStringLiteral("access_token")).value_or(QString()),
            QStringLiteral("tok-123"));
        QSettings s;
        QCOMPARE(s.value(QStringLiteral("account/phone_number_id")).toString(),
            QStringLiteral("106540352242922"));
        for (const QString &key : s.allKeys())
            QVERIFY2(!s.value(key).toString().contains(QLatin1String("tok-123")), qPrintable(key));
    }
};

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
