#pragma once

#include <QDialog>

class QLineEdit;

namespace parley::core {
class SecretStore;
}

namespace parley::ui {

// Connection settings. Plain settings go to QSettings; the access token, app secret and verify
// token go to the SecretStore (the OS keychain in the product) and never to a settings file.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(core::SecretStore *secrets, QWidget *parent = nullptr);

    QLineEdit *field(const QString &name) const;
    // Writes everything; false with *error when the keychain refused.
    bool save(QString *error = nullptr);

private:
    core::SecretStore *m_secrets;
    QLineEdit *m_baseUrl;
    QLineEdit *m_version;
    QLineEdit *m_phoneNumberId;
    QLineEdit *m_wabaId;
    QLineEdit *m_listen;
    QLineEdit *m_token;
    QLineEdit *m_appSecret;
    QLineEdit *m_verifyToken;
};

} // namespace parley::ui
