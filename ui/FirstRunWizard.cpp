#include "FirstRunWizard.h"

#include "ConnectionTest.h"
#include "secrets/SecretStore.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>

namespace parley::ui {

namespace {

// The intro page finishes the wizard for the demo, goes on for a real account.
class IntroWizardPage : public QWizardPage
{
public:
    IntroWizardPage(QRadioButton *account, QWidget *parent)
        : QWizardPage(parent), m_account(account)
    {
    }
    int nextId() const override
    {
        return m_account->isChecked() ? FirstRunWizard::AccountPage : -1;
    }

private:
    QRadioButton *m_account;
};

// Complete when the required fields are filled.
class FieldsWizardPage : public QWizardPage
{
public:
    using QWizardPage::QWizardPage;
    QList<QLineEdit *> required;
    int next = -1;
    bool isComplete() const override
    {
        for (const QLineEdit *e : required)
            if (e->text().trimmed().isEmpty())
                return false;
        return true;
    }
    int nextId() const override { return next; }
};

} // namespace

FirstRunWizard::FirstRunWizard(core::SecretStore *secrets, QWidget *parent)
    : QWizard(parent), m_secrets(secrets), m_test(new ConnectionTest(this))
{
    setObjectName(QStringLiteral("first_run"));
    setWindowTitle(tr("Welcome to Parley"));
    setOption(QWizard::NoBackButtonOnStartPage);

    m_demo = new QRadioButton(tr("Try the &demo (a simulated WhatsApp, no account needed)"));
    m_demo->setObjectName(QStringLiteral("choice_demo"));
    m_demo->setAccessibleName(tr("Try the demo"));
    m_account = new QRadioButton(tr("Connect a &WhatsApp Business account"));
    m_account->setObjectName(QStringLiteral("choice_account"));
    m_account->setAccessibleName(tr("Connect a WhatsApp Business account"));
    m_demo->setChecked(true);

    auto *intro = new IntroWizardPage(m_account, this);
    intro->setTitle(tr("Welcome"));
    intro->setSubTitle(tr("Parley answers WhatsApp customers from your desktop through Meta's "
                          "Cloud API."));
    auto *introLayout = new QVBoxLayout(intro);
    introLayout->addWidget(m_demo);
    introLayout->addWidget(m_account);
    // Finish for the demo, Next for an account. QWizard decides between them when it enters a
    // page, so the start page is entered again (it holds no fields to reset).
    connect(m_account, &QRadioButton::toggled, this, [this] {
        if (currentId() == IntroPage)
            restart();
    });
    setPage(IntroPage, intro);

    QSettings s;
    auto *account = new FieldsWizardPage(this);
    account->next = WebhookPage;
    account->setTitle(tr("Your account"));
    account->setSubTitle(tr("From Meta's App Dashboard, WhatsApp ▸ API Setup. The access token "
                            "is kept in the system keychain, never in a settings file."));
    auto *accountForm = new QFormLayout(account);
    addField(account, accountForm, QStringLiteral("graph_base_url"), tr("Graph base URL"),
        s.value(QStringLiteral("graph/base_url"), QStringLiteral("https://graph.facebook.com"))
            .toString(),
        false);
    addField(account, accountForm, QStringLiteral("graph_version"), tr("Graph API version"),
        s.value(QStringLiteral("graph/version"), QStringLiteral("v24.0")).toString(), false);
    QLineEdit *numbers = addField(account, accountForm, QStringLiteral("phone_number_ids"),
        tr("Phone number id(s)"), s.value(QStringLiteral("account/phone_number_id")).toString(),
        false);
    numbers->setPlaceholderText(tr("one or more, separated by commas"));
    QLineEdit *waba = addField(account, accountForm, QStringLiteral("waba_id"),
        tr("WhatsApp Business Account id"), s.value(QStringLiteral("account/waba_id")).toString(),
        false);
    QLineEdit *token = addField(
        account, accountForm, QStringLiteral("access_token"), tr("Access token"), {}, true);
    account->required = {numbers, waba, token};
    m_testButton = new QPushButton(tr("&Test connection"), account);
    m_testButton->setObjectName(QStringLiteral("test_connection"));
    m_testButton->setAccessibleName(tr("Test connection"));
    m_testResult = new QLabel(account);
    m_testResult->setObjectName(QStringLiteral("connection_result"));
    m_testResult->setAccessibleName(tr("Connection test result"));
    m_testResult->setWordWrap(true);
    accountForm->addRow(m_testButton, m_testResult);
    connect(m_testButton, &QPushButton::clicked, this, [this] {
        core::GraphConfig config;
        config.baseUrl = QUrl(field(QStringLiteral("graph_base_url"))->text().trimmed());
        config.version = field(QStringLiteral("graph_version"))->text().trimmed();
        const QString first = field(QStringLiteral("phone_number_ids"))
                                  ->text()
                                  .split(u',', Qt::SkipEmptyParts)
                                  .value(0)
                                  .trimmed();
        m_testButton->setEnabled(false);
        m_testResult->setStyleSheet(QString());
        m_testResult->setText(tr("Testing…"));
        m_test->start(config, field(QStringLiteral("access_token"))->text(), first);
    });
    connect(m_test, &ConnectionTest::finished, this, [this](const ConnectionTest::Result &r) {
        m_testButton->setEnabled(true);
        m_testResult->setStyleSheet(
            r.ok ? QStringLiteral("color: #2e7d32") : QStringLiteral("color: #c62828"));
        m_testResult->setText(r.summary);
    });
    for (QLineEdit *e : account->required)
        connect(e, &QLineEdit::textChanged, account, &QWizardPage::completeChanged);
    setPage(AccountPage, account);

    auto *webhook = new FieldsWizardPage(this);
    webhook->setTitle(tr("Webhooks"));
    webhook->setSubTitle(tr("Meta delivers incoming messages and statuses to Parley's webhook "
                            "receiver. Use the same verify token in the App Dashboard."));
    auto *webhookForm = new QFormLayout(webhook);
    QLineEdit *appSecret
        = addField(webhook, webhookForm, QStringLiteral("app_secret"), tr("App secret"), {}, true);
    QLineEdit *verify = addField(
        webhook, webhookForm, QStringLiteral("verify_token"), tr("Verify token"), {}, true);
    addField(webhook, webhookForm, QStringLiteral("listen"), tr("Webhook listen address"),
        s.value(QStringLiteral("webhook/listen"), QStringLiteral("127.0.0.1:8080")).toString(),
        false);
    webhook->required = {appSecret, verify};
    for (QLineEdit *e : webhook->required)
        connect(e, &QLineEdit::textChanged, webhook, &QWizardPage::completeChanged);
    setPage(WebhookPage, webhook);
    setStartId(IntroPage);
}

QLineEdit *FirstRunWizard::addField(QWidget *page, QFormLayout *form, const QString &name,
    const QString &label, const QString &value, bool secret)
{
    auto *edit = new QLineEdit(value, page);
    edit->setObjectName(name);
    edit->setAccessibleName(label);
    if (secret) {
        edit->setEchoMode(QLineEdit::Password);
        edit->setPlaceholderText(tr("stored in the system keychain"));
    }
    form->addRow(label, edit);
    return edit;
}

bool FirstRunWizard::needed()
{
    return QSettings().value(QStringLiteral("account/phone_number_id")).toString().isEmpty();
}

FirstRunWizard::Choice FirstRunWizard::choice() const
{
    return m_account->isChecked() ? Choice::Account : Choice::Demo;
}

QLineEdit *FirstRunWizard::field(const QString &name) const
{
    return findChild<QLineEdit *>(name);
}

bool FirstRunWizard::save(QString *error)
{
    if (choice() != Choice::Account)
        return true;
    QStringList ids;
    for (const QString &id :
        field(QStringLiteral("phone_number_ids"))->text().split(u',', Qt::SkipEmptyParts))
        if (!id.trimmed().isEmpty())
            ids.append(id.trimmed());
    // Secrets first: an account whose token did not reach the keychain is not configured.
    if (m_secrets) {
        const QList<QPair<const char *, QString>> secrets = {
            {core::SecretStore::AccessToken, QStringLiteral("access_token")},
            {core::SecretStore::AppSecret, QStringLiteral("app_secret")},
            {core::SecretStore::VerifyToken, QStringLiteral("verify_token")},
        };
        for (const auto &[key, name] : secrets)
            if (!m_secrets->write(QString::fromLatin1(key), field(name)->text(), error))
                return false;
    }
    QSettings s;
    s.setValue(QStringLiteral("graph/base_url"), field(QStringLiteral("graph_base_url"))->text());
    s.setValue(QStringLiteral("graph/version"), field(QStringLiteral("graph_version"))->text());
    s.setValue(QStringLiteral("account/phone_number_id"), ids.value(0));
    s.setValue(QStringLiteral("account/phone_number_ids"), ids);
    s.setValue(
        QStringLiteral("account/waba_id"), field(QStringLiteral("waba_id"))->text().trimmed());
    s.setValue(QStringLiteral("webhook/listen"), field(QStringLiteral("listen"))->text().trimmed());
    s.sync();
    return true;
}

void FirstRunWizard::accept()
{
    QString error;
    if (!save(&error)) {
        QMessageBox::warning(
            this, windowTitle(), tr("The keychain refused the secrets: %1").arg(error));
        return;
    }
    QWizard::accept();
}

} // namespace parley::ui
