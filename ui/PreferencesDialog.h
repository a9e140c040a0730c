#pragma once

#include "Preferences.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace parley::ui {

class NotificationSettingsWidget;

// Edit ▸ Preferences: what each agent chooses for themselves (theme, read receipts, typing
// indicator, notifications). Unlike Settings it needs no admin passphrase.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    Preferences preferences() const;
    QComboBox *themeBox() const { return m_theme; }
    QSpinBox *readAfter() const { return m_readAfter; }
    QCheckBox *sendReadReceipts() const { return m_receipts; }
    QCheckBox *typingIndicator() const { return m_typing; }
    NotificationSettingsWidget *notifications() const { return m_notifications; }

Q_SIGNALS:
    // Saved and applied (on OK).
    void preferencesChanged(const parley::ui::Preferences &preferences);

private:
    QComboBox *m_theme;
    QSpinBox *m_readAfter;
    QCheckBox *m_receipts;
    QCheckBox *m_typing;
    NotificationSettingsWidget *m_notifications;
};

} // namespace parley::ui
