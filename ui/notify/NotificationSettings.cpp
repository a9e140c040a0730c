#include "notify/NotificationSettings.h"

#include <QCheckBox>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

namespace parley::ui {

NotificationSettings NotificationSettings::load()
{
    QSettings s;
    NotificationSettings n;
    n.enabled = s.value(QStringLiteral("notifications/enabled"), n.enabled).toBool();
    n.whenFocused = s.value(QStringLiteral("notifications/whenFocused"), n.whenFocused).toBool();
    n.sound = s.value(QStringLiteral("notifications/sound"), n.sound).toBool();
    return n;
}

void NotificationSettings::save() const
{
    QSettings s;
    s.setValue(QStringLiteral("notifications/enabled"), enabled);
    s.setValue(QStringLiteral("notifications/whenFocused"), whenFocused);
    s.setValue(QStringLiteral("notifications/sound"), sound);
}

NotificationSettingsWidget::NotificationSettingsWidget(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_enabled = new QCheckBox(tr("Show a notification for each new customer message"), this);
    m_enabled->setAccessibleName(tr("Notifications"));
    m_whenFocused = new QCheckBox(tr("Also while Parley is the active window"), this);
    m_whenFocused->setAccessibleName(tr("Notify while focused"));
    m_sound = new QCheckBox(tr("Play a sound"), this);
    m_sound->setAccessibleName(tr("Notification sound"));
    auto *note = new QLabel(
        tr("Never for the conversation open in the active window. Without a system tray, "
           "notifications show inside the window."),
        this);
    note->setWordWrap(true);
    layout->addWidget(m_enabled);
    layout->addWidget(m_whenFocused);
    layout->addWidget(m_sound);
    layout->addWidget(note);
    layout->addStretch(1);
    setSettings(NotificationSettings::load());
    for (QCheckBox *box : {m_enabled, m_whenFocused, m_sound})
        connect(box, &QCheckBox::toggled, this, [this] {
            m_whenFocused->setEnabled(m_enabled->isChecked());
            m_sound->setEnabled(m_enabled->isChecked());
            const NotificationSettings s = settings();
            s.save();
            Q_EMIT changed(s);
        });
}

NotificationSettings NotificationSettingsWidget::settings() const
{
    NotificationSettings s;
    s.enabled = m_enabled->isChecked();
    s.whenFocused = m_whenFocused->isChecked();
    s.sound = m_sound->isChecked();
    return s;
}

void NotificationSettingsWidget::setSettings(const NotificationSettings &s)
{
    const QSignalBlocker b1(m_enabled), b2(m_whenFocused), b3(m_sound);
    m_enabled->setChecked(s.enabled);
    m_whenFocused->setChecked(s.whenFocused);
    m_sound->setChecked(s.sound);
    m_whenFocused->setEnabled(s.enabled);
    m_sound->setEnabled(s.enabled);
}

} // namespace parley::ui
