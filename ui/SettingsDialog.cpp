#include "SettingsDialog.h"

#include "secrets/SecretStore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QVBoxLayout>

namespace parley::ui {

SettingsDialog::SettingsDialog(core::SecretStore *secrets, QWidget *parent)
    : QDialog(parent), m_secrets(secrets)
{
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    QSettings s;
    auto add = [&](const QString &name, const QString &label, const QString &value, bool secret) {
        auto *edit = new QLineEdit(value, this);
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
