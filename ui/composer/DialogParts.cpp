#include "composer/DialogParts.h"

#include <QBoxLayout>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>

namespace parley::ui::dialogparts {

QLabel *errorLabel(QWidget *parent, const QString &accessibleName)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
    label->setAccessibleName(accessibleName);
    return label;
}

QPushButton *addAcceptButtons(
    QDialog *dialog, QBoxLayout *layout, const QString &text, const QString &accessibleName)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    QPushButton *accept = buttons->addButton(text, QDialogButtonBox::AcceptRole);
    accept->setAccessibleName(accessibleName);
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return accept;
}

} // namespace parley::ui::dialogparts
