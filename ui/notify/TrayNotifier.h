#pragma once

#include "notify/Notifier.h"

#include <QIcon>

class QSystemTrayIcon;

namespace parley::ui {

// The system tray: an icon with the unread count painted on it and in its tooltip, desktop
// notifications through QSystemTrayIcon::showMessage (clicking one opens its conversation).
class TrayNotifier : public Notifier
{
    Q_OBJECT
public:
    explicit TrayNotifier(const QIcon &icon, QObject *parent = nullptr);
    ~TrayNotifier() override;

    void notify(const Notice &notice) override;
    void setUnreadCount(int count) override;

    // The icon with `count` painted in a badge (none for 0; "99+" above 99).
    static QIcon badged(const QIcon &icon, int count);

private:
    QSystemTrayIcon *m_tray;
    QIcon m_icon;
    qint64 m_lastConversation = 0;
};

} // namespace parley::ui
