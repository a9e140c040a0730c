#pragma once

#include <QObject>
#include <QString>

namespace parley::ui {

// One desktop notification: a new inbound message.
struct Notice
{
    qint64 conversationId = 0;
    QString messageId;
    QString title; // the contact's name (or masked number)
    QString body; // a preview of the message
};

// Where notifications go: the system tray (TrayNotifier), the window itself when there is no
// tray (WindowNotifier), or a recording fake in tests.
class Notifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void notify(const Notice &notice) = 0;
    virtual void setUnreadCount(int count) = 0;

Q_SIGNALS:
    // The agent clicked a notification: open its conversation.
    void activated(qint64 conversationId);
    // The agent clicked the tray icon: bring the window up.
    void showWindowRequested();
};

} // namespace parley::ui
