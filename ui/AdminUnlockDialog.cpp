#include "AdminUnlockDialog.h"

#include "AdminLock.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace parley::ui {

AdminUnlockDialog::AdminUnlockDialog(AdminLock *lock, const QString &what, QWidget *parent)
    : QDialog(parent), m_lock(lock)
{
    setObjectName(QStringLiteral("admin_unlock"));
    setWindowTitle(tr("Admin passphrase"));
    auto *layout = new QVBoxLayout(this);
    auto *prompt = new QLabel(
        tr("%1 is for administrators. Enter the admin passphrase to continue.").arg(what), this);
    prompt->setWordWrap(true);
    layout->addWidget(prompt);
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("admin_passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAccessibleName(tr("Admin passphrase"));
    layout->addWidget(m_passphrase);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("admin_error"));
    m_error->setAccessibleName(tr("Passphrase error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Unlock"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AdminUnlockDialog::submit);
    connect(m_lock, &AdminLock::unlockFinished, this, [this](bool ok, const QString &message) {
        m_buttons->setEnabled(true);
        m_passphrase->setEnabled(true);
        if (ok) {
            accept();
            return;
        }
        m_error->setText(message);
        m_passphrase->clear();
        m_passphrase->setFocus();
    });
}

void AdminUnlockDialog::submit()
{
    if (m_lock->isBusy())
        return;
    m_error->setText(tr("Checking…"));
    m_buttons->setEnabled(false);
    m_passphrase->setEnabled(false);
    m_lock->tryUnlock(m_passphrase->text());
}

} // namespace parley::ui
