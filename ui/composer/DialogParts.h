#pragma once

#include <QString>

class QBoxLayout;
class QDialog;
class QLabel;
class QPushButton;
class QWidget;

namespace parley::ui::dialogparts {

// The red, word-wrapped line under a builder's form that says what is wrong (callers pass their
// own translated accessible name, so each dialog keeps its translation context).
QLabel *errorLabel(QWidget *parent, const QString &accessibleName);

// Cancel + an accept button (e.g. "Send") added to `layout`, wired to the dialog's accept/reject.
QPushButton *addAcceptButtons(
    QDialog *dialog, QBoxLayout *layout, const QString &text, const QString &accessibleName);

} // namespace parley::ui::dialogparts
