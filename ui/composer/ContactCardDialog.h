#pragma once

#include "outbox/MessageBuilder.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace parley::ui {

// Shares a contact card: a name, one or more phone numbers and optionally emails and a company,
// one per line, checked as they are typed; Send stays off until the card is valid.
class ContactCardDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ContactCardDialog(QWidget *parent = nullptr);

    core::BuiltMessage message() const;

    QLineEdit *nameEdit() const { return m_name; }
    QPlainTextEdit *phonesEdit() const { return m_phones; }
    QPlainTextEdit *emailsEdit() const { return m_emails; }
    QLineEdit *companyEdit() const { return m_company; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *sendButton() const { return m_send; }

    static bool isPhone(const QString &text);
    static bool isEmail(const QString &text);

private:
    void revalidate();

    QLineEdit *m_name;
    QPlainTextEdit *m_phones;
    QPlainTextEdit *m_emails;
    QLineEdit *m_company;
    QLabel *m_error;
    QPushButton *m_send;
};

} // namespace parley::ui
