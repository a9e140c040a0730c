#pragma once

#include "ConsoleTypes.h"

#include <QObject>
#include <QStringList>

class QListView;
class QMenu;
class QModelIndex;
class QWidget;

namespace parley::ui {

// The thread's context menu, installed on the view from outside (ThreadView stays as it is):
// Reply, and React with a few common emojis or remove the reaction. Messages that Meta has not
// accepted yet (no wamid) cannot be quoted or reacted to.
class ThreadActions : public QObject
{
    Q_OBJECT
public:
    explicit ThreadActions(QListView *view, QObject *parent = nullptr);

    // The menu for the message at `index`, or nullptr when there is nothing to offer. The caller
    // owns it. Actions are named "reply", "react:<emoji>" and "unreact".
    QMenu *menuFor(const QModelIndex &index, QWidget *parent);
    static QStringList reactions();
    static bool canQuote(const MessageRow &row);

Q_SIGNALS:
    void replyRequested(const parley::ui::MessageRow &row);
    // An empty emoji removes the agent's reaction.
    void reactRequested(const parley::ui::MessageRow &row, const QString &emoji);

private:
    QListView *m_view;
};

} // namespace parley::ui
