// The first-run wizard: shown when no account is configured; the demo path finishes at once and
// writes nothing; the account path tests the connection against the in-process simulator and
// writes the settings to QSettings and the secrets to the SecretStore only.
#include "ConnectionTest.h"
#include "FirstRunWizard.h"
#include "common/Clock.h"
#include "secrets/SecretStore.h"
#include "sim/Simulator.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace parley;
using namespace parley::ui;

class TestFirstRun : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    }
    void init() { QSettings().clear(); }

    void demoPath()
    {
        QVERIFY(FirstRunWizard::needed());
        core::MemorySecretStore secrets;
        FirstRunWizard wizard(&secrets);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QVERIFY(wizard.demoOption()->isChecked()); // the default
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::IntroPage));
        QVERIFY(wizard.button(QWizard::FinishButton)->isVisible());
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
        QVERIFY(wizard.choice() == FirstRunWizard::Choice::Demo);
        QVERIFY(FirstRunWizard::needed()); // nothing configured: asked again next time
        QVERIFY(QSettings().allKeys().isEmpty());
        QVERIFY(!secrets.read(QString::fromLatin1(core::SecretStore::AccessToken)).has_value());
    }

    void accountPathWithTestConnection()
    {
        core::ManualClock clock;
        sim::SimConfig config;
        config.clock = &clock;
        sim::Simulator simulator(config);
        QVERIFY(simulator.start());

        core::MemorySecretStore secrets;
        FirstRunWizard wizard(&secrets);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        wizard.accountOption()->setChecked(true);
        QVERIFY(!wizard.button(QWizard::FinishButton)->isVisible());
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::AccountPage));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // required fields empty

        wizard.field(QStringLiteral("graph_base_url"))->setText(simulator.baseUrl().toString());
        wizard.field(QStringLiteral("graph_version"))->setText(QStringLiteral("v23.0"));
        wizard.field(QStringLiteral("phone_number_ids"))
            ->setText(QStringLiteral("106540352242922, 106540352242923"));
        wizard.field(QStringLiteral("waba_id"))->setText(QStringLiteral("102290129340398"));
        wizard.field(QStringLiteral("access_token"))->setText(QStringLiteral("bad-token"));
        QSignalSpy done(wizard.connectionTest(), &ConnectionTest::finished);
        QTest::mouseClick(wizard.testButton(), Qt::LeftButton);
        QVERIFY(done.wait(10000));
        QVERIFY2(wizard.testResult()->text().startsWith(QLatin1String("Meta error 190")),
            qPrintable(wizard.testResult()->text()));

        wizard.field(QStringLiteral("access_token"))
            ->setText(QString::fromLatin1(sim::SimConfig::DefaultAccessToken));
        done.clear();
        QTest::mouseClick(wizard.testButton(), Qt::LeftButton);
        QVERIFY(done.wait(10000));
        QVERIFY2(wizard.testResult()->text().startsWith(QLatin1String("Connected: Parley Demo")),
            qPrintable(wizard.testResult()->text()));

        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::WebhookPage));
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
        wizard.field(QStringLiteral("app_secret"))->setText(QStringLiteral("the-app-secret"));
        wizard.field(QStringLiteral("verify_token"))->setText(QStringLiteral("the-verify-token"));
        wizard.field(QStringLiteral("listen"))->setText(QStringLiteral("127.0.0.1:9090"));
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
        QVERIFY(wizard.choice() == FirstRunWizard::Choice::Account);

        QSettings s;
        QCOMPARE(s.value(QStringLiteral("account/phone_number_id")).toString(),
            QStringLiteral("106540352242922"));
        QCOMPARE(s.value(QStringLiteral("account/phone_number_ids")).toStringList(),
            QStringList({QStringLiteral("106540352242922"), QStringLiteral("106540352242923")}));
        QCOMPARE(s.value(QStringLiteral("account/waba_id")).toString(),
            QStringLiteral("102290129340398"));
        QCOMPARE(
            s.value(QStringLiteral("webhook/listen")).toString(), QStringLiteral("127.0.0.1:9090"));
        QCOMPARE(secrets.read(QStringLiteral("access_token")).value_or(QString()),
            QString::fromLatin1(sim::SimConfig::DefaultAccessToken));
        QCOMPARE(secrets.read(QStringLiteral("app_secret")).value_or(QString()),
            QStringLiteral("the-app-secret"));
        QCOMPARE(secrets.read(QStringLiteral("verify_token")).value_or(QString()),
            QStringLiteral("the-verify-token"));
        for (const QString &key : s.allKeys())
            QVERIFY2(!s.value(key).toString().contains(QLatin1String("secret")), qPrintable(key));
        QVERIFY(!FirstRunWizard::needed());
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
