#pragma once

#include <QWidget>

class QCheckBox;

namespace parley::ui {

// What the agent chose about notifications, kept in QSettings under "notifications/".
struct NotificationSettings
{
    bool enabled = true; // desktop notifications for new inbound messages
    bool whenFocused = false; // also while the console is the active window
    bool sound = false; // a beep with each notification

    static NotificationSettings load();
    void save() const;
    friend bool operator==(const NotificationSettings &, const NotificationSettings &) = default;
};

// The three choices as a settings page (Settings ▸ Notifications) that saves on change.
class NotificationSettingsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit NotificationSettingsWidget(QWidget *parent = nullptr);

    NotificationSettings settings() const;
    void setSettings(const NotificationSettings &settings);

Q_SIGNALS:
    void changed(const parley::ui::NotificationSettings &settings);

private:
    QCheckBox *m_enabled;
    QCheckBox *m_whenFocused;
    QCheckBox *m_sound;
};

} // namespace parley::ui
