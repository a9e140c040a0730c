#pragma once

#include <QWizard>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace parley::core {
class SecretStore;
}

namespace parley::ui {

class ConnectionTest;

// Shown by `parley` when no account is configured (and not --demo): try the demo, or set up a
// real account — Graph base URL and version, phone number id(s), WABA id and the access token
// with "Test connection", then the webhook's app secret, verify token and listen address. Plain
// settings go to QSettings (the keys SettingsDialog uses), the three secrets to the SecretStore.
class FirstRunWizard : public QWizard
{
    Q_OBJECT
public:
    enum class Choice { Demo, Account };
    enum PageId { IntroPage, AccountPage, WebhookPage };

    explicit FirstRunWizard(core::SecretStore *secrets, QWidget *parent = nullptr);

    // No account in the settings: the wizard should run.
    static bool needed();

    Choice choice() const;
    QRadioButton *demoOption() const { return m_demo; }
    QRadioButton *accountOption() const { return m_account; }
    QLineEdit *field(const QString &name) const;
    QPushButton *testButton() const { return m_testButton; }
    QLabel *testResult() const { return m_testResult; }
    ConnectionTest *connectionTest() const { return m_test; }

    // Writes the account (Choice::Account); false with *error when the keychain refused.
    bool save(QString *error = nullptr);
    void accept() override;

private:
    QLineEdit *addField(QWidget *page, QFormLayout *form, const QString &name, const QString &label,
        const QString &value, bool secret);

    core::SecretStore *m_secrets;
    ConnectionTest *m_test;
    QRadioButton *m_demo;
    QRadioButton *m_account;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testResult = nullptr;
};

} // namespace parley::ui
