#pragma once

#include <QStyledItemDelegate>

namespace parley::core {
class Clock;
}

namespace parley::ui {

// A conversation list row: name, last message preview and time, the unread badge and the
// session-window chip (time left; green, amber in the last 4 hours, red when closed).
class ConversationDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ConversationDelegate(core::Clock *clock, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "23h 12m", "3h 05m", "12m", "closed"
    static QString chipText(qint64 secondsLeft);
    static QColor chipColour(qint64 secondsLeft, const QPalette &palette);

private:
    core::Clock *m_clock;
};

} // namespace parley::ui
