#include "composer/ContactCardDialog.h"
#include "composer/DialogParts.h"

#include <QFormLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace parley::ui {

namespace {

QStringList lines(const QPlainTextEdit *edit)
{
    QStringList out;
    for (const QString &line : edit->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            out.append(line.trimmed());
    }
    return out;
}

} // namespace

ContactCardDialog::ContactCardDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Share a contact"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("e.g. Support team"));
    m_name->setAccessibleName(tr("Contact name"));
    m_phones = new QPlainTextEdit(this);
    m_phones->setPlaceholderText(tr("One per line, with the country code: +1 650 555 1234"));
    m_phones->setAccessibleName(tr("Phone numbers"));
    m_phones->setTabChangesFocus(true);
    m_phones->setMaximumHeight(70);
    m_emails = new QPlainTextEdit(this);
    m_emails->setPlaceholderText(tr("Optional, one per line"));
    m_emails->setAccessibleName(tr("Email addresses"));
    m_emails->setTabChangesFocus(true);
    m_emails->setMaximumHeight(70);
    m_company = new QLineEdit(this);
    m_company->setPlaceholderText(tr("Optional"));
    m_company->setAccessibleName(tr("Company"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Phones:"), m_phones);
    form->addRow(tr("&Emails:"), m_emails);
    form->addRow(tr("&Company:"), m_company);
    layout->addLayout(form);
    m_error = dialogparts::errorLabel(this, tr("What is wrong"));
    layout->addWidget(m_error);
    m_send = dialogparts::addAcceptButtons(this, layout, tr("Send"), tr("Send the contact card"));
    connect(m_name, &QLineEdit::textChanged, this, &ContactCardDialog::revalidate);
    connect(m_company, &QLineEdit::textChanged, this, &ContactCardDialog::revalidate);
    connect(m_phones, &QPlainTextEdit::textChanged, this, &ContactCardDialog::revalidate);
    connect(m_emails, &QPlainTextEdit::textChanged, this, &ContactCardDialog::revalidate);
    revalidate();
}

bool ContactCardDialog::isPhone(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\+?[0-9 ().-]+$"));
    int digits = 0;
    for (const QChar c : text)
        digits += c.isDigit() ? 1 : 0;
    return re.match(text).hasMatch() && digits >= 5 && digits <= 20;
}

bool ContactCardDialog::isEmail(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return re.match(text).hasMatch();
}

core::BuiltMessage ContactCardDialog::message() const
{
    core::BuiltMessage invalid;
    const QString name = m_name->text().simplified();
    if (name.isEmpty()) {
        invalid.error = tr("Enter the contact's name.");
        return invalid;
    }
    const QStringList phoneLines = lines(m_phones);
    if (phoneLines.isEmpty()) {
        invalid.error = tr("Enter at least one phone number.");
        return invalid;
    }
    QJsonArray phones;
    for (const QString &phone : phoneLines) {
        if (!isPhone(phone)) {
            invalid.error
                = tr("\"%1\" is not a phone number (digits, spaces, + ( ) - only).").arg(phone);
            return invalid;
        }
        phones.append(QJsonObject{
            {QStringLiteral("phone"), phone}, {QStringLiteral("type"), QStringLiteral("CELL")}});
    }
    QJsonArray emails;
    for (const QString &email : lines(m_emails)) {
        if (!isEmail(email)) {
            invalid.error = tr("\"%1\" is not an email address.").arg(email);
            return invalid;
        }
        emails.append(QJsonObject{
            {QStringLiteral("email"), email}, {QStringLiteral("type"), QStringLiteral("WORK")}});
    }
    // Meta wants formatted_name and at least one of the name parts.
    const qsizetype space = name.indexOf(QLatin1Char(' '));
    QJsonObject nameObject{{QStringLiteral("formatted_name"), name},
        {QStringLiteral("first_name"), space < 0 ? name : name.left(space)}};
    if (space > 0)
        nameObject.insert(QStringLiteral("last_name"), name.mid(space + 1));
    QJsonObject card{{QStringLiteral("name"), nameObject}, {QStringLiteral("phones"), phones}};
    if (!emails.isEmpty())
        card.insert(QStringLiteral("emails"), emails);
    if (const QString company = m_company->text().trimmed(); !company.isEmpty())
        card.insert(QStringLiteral("org"), QJsonObject{{QStringLiteral("company"), company}});
    return core::MessageBuilder::contacts(QJsonArray{card});
}

void ContactCardDialog::revalidate()
{
    const core::BuiltMessage built = message();
    m_error->setText(built.error);
    m_send->setEnabled(built.ok());
}

} // namespace parley::ui
