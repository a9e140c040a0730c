#include "PreferencesDialog.h"

#include "notify/NotificationSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QSpinBox>
#include <QVBoxLayout>

namespace parley::ui {

PreferencesDialog::PreferencesDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    const Preferences current = Preferences::load();
    auto *layout = new QVBoxLayout(this);

    auto *look = new QGroupBox(tr("Appearance"), this);
    auto *lookForm = new QFormLayout(look);
    m_theme = new QComboBox(look);
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->addItem(tr("Follow the system"), Preferences::themeName(Preferences::Theme::System));
    m_theme->addItem(tr("Light"), Preferences::themeName(Preferences::Theme::Light));
    m_theme->addItem(tr("Dark"), Preferences::themeName(Preferences::Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(Preferences::themeName(current.theme)));
    lookForm->addRow(tr("Theme"), m_theme);
    layout->addWidget(look);

    auto *receipts = new QGroupBox(tr("Read receipts and typing"), this);
    auto *receiptsForm = new QFormLayout(receipts);
    m_readAfter = new QSpinBox(receipts);
    m_readAfter->setAccessibleName(tr("Seconds before a thread counts as read"));
    m_readAfter->setRange(Preferences::MinReadAfterSeconds, Preferences::MaxReadAfterSeconds);
    m_readAfter->setSuffix(tr(" s"));
    m_readAfter->setValue(current.readAfterSeconds);
    m_readAfter->setToolTip(tr("A conversation counts as read once its thread has been open in the "
                               "active window this long, so an accidental click does not."));
    receiptsForm->addRow(tr("Mark read after"), m_readAfter);
    m_receipts = new QCheckBox(tr("Tell the customer (blue ticks)"), receipts);
    m_receipts->setAccessibleName(tr("Send read receipts"));
    m_receipts->setChecked(current.sendReadReceipts);
    receiptsForm->addRow(QString(), m_receipts);
    m_typing = new QCheckBox(tr("Show the customer that I am typing"), receipts);
    m_typing->setAccessibleName(tr("Send the typing indicator"));
    m_typing->setChecked(current.typingIndicator);
    receiptsForm->addRow(QString(), m_typing);
    layout->addWidget(receipts);

    auto *notifications = new QGroupBox(tr("Notifications"), this);
    auto *notificationsLayout = new QVBoxLayout(notifications);
    m_notifications = new NotificationSettingsWidget(notifications);
    notificationsLayout->addWidget(m_notifications);
    layout->addWidget(notifications);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        const Preferences p = preferences();
        p.save();
        p.applyTheme();
        Q_EMIT preferencesChanged(p);
        accept();
    });
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.theme = Preferences::themeFromName(m_theme->currentData().toString());
    p.readAfterSeconds = m_readAfter->value();
    p.sendReadReceipts = m_receipts->isChecked();
    p.typingIndicator = m_typing->isChecked();
    return p;
}

} // namespace parley::ui
