#pragma once

#include "notify/Notifier.h"

#include <QPointer>
#include <QTimer>

class QFrame;
class QLabel;
class QWidget;

namespace parley::ui {

// Notifications without a system tray: a small banner at the bottom right of the window (a click
// opens the conversation, it hides after a few seconds) and the unread count in the window title.
class WindowNotifier : public Notifier
{
    Q_OBJECT
public:
    explicit WindowNotifier(QWidget *window, QObject *parent = nullptr);

    void notify(const Notice &notice) override;
    void setUnreadCount(int count) override;

    QFrame *banner() const { return m_banner; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();

    QPointer<QWidget> m_window;
    QFrame *m_banner;
    QLabel *m_title;
    QLabel *m_body;
    QTimer m_hide;
    qint64 m_conversation = 0;
    QString m_baseTitle;
};

} // namespace parley::ui
