#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace parley::ui {

class AdminLock;

// Asks for the admin passphrase before an admin screen opens. The check runs off the UI thread
// (AdminLock::tryUnlock); a wrong passphrase keeps the dialog open with the reason, and the
// throttle's wait is shown instead of another try.
class AdminUnlockDialog : public QDialog
{
    Q_OBJECT
public:
    AdminUnlockDialog(AdminLock *lock, const QString &what, QWidget *parent = nullptr);

    QLineEdit *passphrase() const { return m_passphrase; }
    QLabel *errorLabel() const { return m_error; }

private:
    void submit();

    AdminLock *m_lock;
    QLineEdit *m_passphrase;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace parley::ui
