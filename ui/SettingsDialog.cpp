#include "SettingsDialog.h"

#include "AdminLock.h"
#include "ConnectionTest.h"
#include "secrets/SecretStore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace parley::ui {

SettingsDialog::SettingsDialog(core::SecretStore *secrets, QWidget *parent)
    : SettingsDialog(secrets, nullptr, parent)
{
}

SettingsDialog::SettingsDialog(core::SecretStore *secrets, AdminLock *lock, QWidget *parent)
    : QDialog(parent), m_secrets(secrets), m_lock(lock), m_test(new ConnectionTest(this))
{
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setAccessibleName(tr("Settings sections"));
    layout->addWidget(m_tabs);
    auto *account = new QWidget(m_tabs);
    auto *accountLayout = new QVBoxLayout(account);
    auto *form = new QFormLayout;
    accountLayout->addLayout(form);
    m_tabs->addTab(account, tr("Account"));
    QSettings s;
    auto add = [&](const QString &name, const QString &label, const QString &value, bool secret) {
        auto *edit = new QLineEdit(value, account);
        edit->setObjectName(name);
        edit->setAccessibleName(label);
        if (secret) {
            edit->setEchoMode(QLineEdit::Password);
            edit->setPlaceholderText(tr("stored in the system keychain"));
        }
        form->addRow(label, edit);
        return edit;
    };
    m_baseUrl = add(QStringLiteral("graph_base_url"), tr("Graph base URL"),
        s.value(QStringLiteral("graph/base_url"), QStringLiteral("https://graph.facebook.com"))
            .toString(),
        false);
    m_version = add(QStringLiteral("graph_version"), tr("Graph API version"),
        s.value(QStringLiteral("graph/version"), QStringLiteral("v24.0")).toString(), false);
    m_phoneNumberId = add(QStringLiteral("phone_number_id"), tr("Phone number id"),
        s.value(QStringLiteral("account/phone_number_id")).toString(), false);
    m_wabaId = add(QStringLiteral("waba_id"), tr("WhatsApp Business Account id"),
        s.value(QStringLiteral("account/waba_id")).toString(), false);
    m_listen = add(QStringLiteral("listen"), tr("Webhook listen address"),
        s.value(QStringLiteral("webhook/listen"), QStringLiteral("127.0.0.1:8080")).toString(),
        false);
    auto secret = [this](const char *key) {
        return m_secrets ? m_secrets->read(QString::fromLatin1(key)).value_or(QString())
                         : QString();
    };
    m_token = add(QStringLiteral("access_token"), tr("Access token"),
        secret(core::SecretStore::AccessToken), true);
    m_appSecret = add(
        QStringLiteral("app_secret"), tr("App secret"), secret(core::SecretStore::AppSecret), true);
    m_verifyToken = add(QStringLiteral("verify_token"), tr("Verify token"),
        secret(core::SecretStore::VerifyToken), true);

    auto *testRow = new QHBoxLayout;
    m_testButton = new QPushButton(tr("&Test connection"), account);
    m_testButton->setObjectName(QStringLiteral("test_connection"));
    m_testButton->setAccessibleName(tr("Test connection"));
    m_testResult = new QLabel(account);
    m_testResult->setObjectName(QStringLiteral("connection_result"));
    m_testResult->setAccessibleName(tr("Connection test result"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_testResult, 1);
    accountLayout->addLayout(testRow);
    accountLayout->addStretch(1);
    connect(m_testButton, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(m_test, &ConnectionTest::finished, this, [this](const ConnectionTest::Result &r) {
        m_testButton->setEnabled(true);
        m_testResult->setStyleSheet(
            r.ok ? QStringLiteral("color: #2e7d32") : QStringLiteral("color: #c62828"));
        m_testResult->setText(r.summary);
    });

    if (m_lock) {
        buildPrivacy();
        buildAdmin();
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        QString error;
        if (save(&error))
            accept();
        else
            QMessageBox::warning(
                this, tr("Settings"), tr("The keychain refused the secrets: %1").arg(error));
    });
}

void SettingsDialog::buildPrivacy()
{
    auto *page = new QWidget(m_tabs);
    auto *form = new QFormLayout(page);
    const core::PrivacySettings p = m_lock->privacy();
    m_retention = new QSpinBox(page);
    m_retention->setObjectName(QStringLiteral("retention_days"));
    m_retention->setAccessibleName(tr("Keep message bodies for (days)"));
    m_retention->setRange(0, 3650);
    m_retention->setSpecialValueText(tr("Forever (retention off)"));
    m_retention->setSuffix(tr(" days"));
    m_retention->setValue(p.retentionDays);
    form->addRow(tr("Keep message bodies and media"), m_retention);
    auto *explain = new QLabel(tr("Older message texts, captions, raw payloads and cached media "
                                  "are purged once a day. Conversations and message states "
                                  "stay. The same as <tt>parleyctl purge --older-than DAYS</tt>."),
        page);
    explain->setWordWrap(true);
    form->addRow(explain);
    m_mask = new QCheckBox(tr("Mask phone numbers for agent seats"), page);
    m_mask->setObjectName(QStringLiteral("mask_phones"));
    m_mask->setAccessibleName(tr("Mask phone numbers for agent seats"));
    m_mask->setChecked(p.maskPhones);
    form->addRow(m_mask);
    m_tabs->addTab(page, tr("Privacy"));
}

void SettingsDialog::buildAdmin()
{
    auto *page = new QWidget(m_tabs);
    auto *form = new QFormLayout(page);
    m_adminStatus = new QLabel(page);
    m_adminStatus->setObjectName(QStringLiteral("admin_status"));
    m_adminStatus->setAccessibleName(tr("Admin passphrase status"));
    m_adminStatus->setWordWrap(true);
    form->addRow(m_adminStatus);
    m_newPassphrase = new QLineEdit(page);
    m_newPassphrase->setObjectName(QStringLiteral("new_passphrase"));
    m_newPassphrase->setAccessibleName(tr("New admin passphrase"));
    m_newPassphrase->setEchoMode(QLineEdit::Password);
    form->addRow(tr("New passphrase"), m_newPassphrase);
    m_confirmPassphrase = new QLineEdit(page);
    m_confirmPassphrase->setObjectName(QStringLiteral("confirm_passphrase"));
    m_confirmPassphrase->setAccessibleName(tr("Repeat the new admin passphrase"));
    m_confirmPassphrase->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Repeat it"), m_confirmPassphrase);
    auto *row = new QHBoxLayout;
    m_setPassphrase = new QPushButton(page);
    m_setPassphrase->setObjectName(QStringLiteral("set_passphrase"));
    m_removePassphrase = new QPushButton(tr("Remove passphrase"), page);
    m_removePassphrase->setObjectName(QStringLiteral("remove_passphrase"));
    m_removePassphrase->setAccessibleName(tr("Remove the admin passphrase"));
    row->addWidget(m_setPassphrase);
    row->addWidget(m_removePassphrase);
    row->addStretch(1);
    form->addRow(row);
    m_adminMessage = new QLabel(page);
    m_adminMessage->setObjectName(QStringLiteral("admin_message"));
    m_adminMessage->setAccessibleName(tr("Admin passphrase message"));
    m_adminMessage->setWordWrap(true);
    form->addRow(m_adminMessage);
    m_tabs->addTab(page, tr("Admin"));
    updateAdminStatus();

    connect(m_setPassphrase, &QPushButton::clicked, this, [this] {
        if (m_newPassphrase->text() != m_confirmPassphrase->text()) {
            m_adminMessage->setText(tr("The two passphrases differ."));
            return;
        }
        m_adminMessage->setText(tr("Saving…"));
        m_setPassphrase->setEnabled(false);
        m_lock->setPassphrase(m_newPassphrase->text());
    });
    connect(m_removePassphrase, &QPushButton::clicked, this, [this] {
        m_removePassphrase->setEnabled(false);
        m_lock->removePassphrase();
    });
    connect(m_lock, &AdminLock::passphraseSaved, this, [this](bool, const QString &message) {
        m_adminMessage->setText(message);
        m_newPassphrase->clear();
        m_confirmPassphrase->clear();
        updateAdminStatus();
    });
}

void SettingsDialog::updateAdminStatus()
{
    const bool set = m_lock->hasPassphrase();
    m_adminStatus->setText(set ? tr("An admin passphrase protects the settings and the admin "
                                    "screens.")
                               : tr("No admin passphrase: anyone at this seat can change the "
                                    "settings. Set one to lock them."));
    m_setPassphrase->setText(set ? tr("Change passphrase") : tr("Set passphrase"));
    m_setPassphrase->setAccessibleName(m_setPassphrase->text());
    m_setPassphrase->setEnabled(true);
    m_removePassphrase->setEnabled(set);
}

void SettingsDialog::testConnection()
{
    core::GraphConfig config;
    config.baseUrl = QUrl(m_baseUrl->text().trimmed());
    config.version = m_version->text().trimmed();
    m_testButton->setEnabled(false);
    m_testResult->setStyleSheet(QString());
    m_testResult->setText(tr("Testing…"));
    m_test->start(config, m_token->text(), m_phoneNumberId->text());
}

QLineEdit *SettingsDialog::field(const QString &name) const
{
    return findChild<QLineEdit *>(name);
}

bool SettingsDialog::save(QString *error)
{
    QSettings s;
    s.setValue(QStringLiteral("graph/base_url"), m_baseUrl->text());
    s.setValue(QStringLiteral("graph/version"), m_version->text());
    s.setValue(QStringLiteral("account/phone_number_id"), m_phoneNumberId->text());
    s.setValue(QStringLiteral("account/waba_id"), m_wabaId->text());
    s.setValue(QStringLiteral("webhook/listen"), m_listen->text());
    s.sync();
    if (m_lock && m_retention) {
        core::PrivacySettings p = m_lock->privacy();
        if (p.retentionDays != m_retention->value() || p.maskPhones != m_mask->isChecked()) {
            p.retentionDays = m_retention->value();
            p.maskPhones = m_mask->isChecked();
            m_lock->setPrivacy(p);
        }
    }
    if (!m_secrets)
        return true;
    const QList<QPair<const char *, QLineEdit *>> secrets = {
        {core::SecretStore::AccessToken, m_token},
        {core::SecretStore::AppSecret, m_appSecret},
        {core::SecretStore::VerifyToken, m_verifyToken},
    };
    for (const auto &[key, edit] : secrets) {
        const bool ok = edit->text().isEmpty()
            ? m_secrets->remove(QString::fromLatin1(key), error)
            : m_secrets->write(QString::fromLatin1(key), edit->text(), error);
        if (!ok)
            return false;
    }
    return true;
}

} // namespace parley::ui
