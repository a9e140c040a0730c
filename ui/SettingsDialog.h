#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace parley::core {
class SecretStore;
}

namespace parley::ui {

class AdminLock;
class ConnectionTest;

// Connection settings. Plain settings go to QSettings; the access token, app secret and verify
// token go to the SecretStore (the OS keychain in the product) and never to a settings file.
// "Test connection" checks the token and number as typed against the Graph API. With an
// AdminLock: the Privacy tab (retention, masked numbers for agent seats, stored in the store)
// and the Admin tab (set, change or remove the admin passphrase).
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(core::SecretStore *secrets, QWidget *parent = nullptr);
    SettingsDialog(core::SecretStore *secrets, AdminLock *lock, QWidget *parent = nullptr);

    QLineEdit *field(const QString &name) const;
    // Writes everything; false with *error when the keychain refused.
    bool save(QString *error = nullptr);

    QPushButton *testButton() const { return m_testButton; }
    QLabel *testResult() const { return m_testResult; }
    ConnectionTest *connectionTest() const { return m_test; }
    QSpinBox *retentionDays() const { return m_retention; }
    QCheckBox *maskPhones() const { return m_mask; }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *adminStatus() const { return m_adminStatus; }
    QPushButton *setPassphraseButton() const { return m_setPassphrase; }
    QPushButton *removePassphraseButton() const { return m_removePassphrase; }

    void testConnection();

private:
    void buildPrivacy();
    void buildAdmin();
    void updateAdminStatus();

    core::SecretStore *m_secrets;
    AdminLock *m_lock;
    QTabWidget *m_tabs;
    QLineEdit *m_baseUrl;
    QLineEdit *m_version;
    QLineEdit *m_phoneNumberId;
    QLineEdit *m_wabaId;
    QLineEdit *m_listen;
    QLineEdit *m_token;
    QLineEdit *m_appSecret;
    QLineEdit *m_verifyToken;
    QPushButton *m_testButton;
    QLabel *m_testResult;
    ConnectionTest *m_test;
    QSpinBox *m_retention = nullptr;
    QCheckBox *m_mask = nullptr;
    QLabel *m_adminStatus = nullptr;
    QLineEdit *m_newPassphrase = nullptr;
    QLineEdit *m_confirmPassphrase = nullptr;
    QPushButton *m_setPassphrase = nullptr;
    QPushButton *m_removePassphrase = nullptr;
    QLabel *m_adminMessage = nullptr;
};

} // namespace parley::ui
