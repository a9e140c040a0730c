#pragma once

#include "ConsoleTypes.h"

#include <QHash>
#include <QStyledItemDelegate>

class QTextDocument;

namespace parley::ui {

// Paints a message as a bubble: inbound on the left, outbound on the right with its state
// (clock, one tick, two ticks, blue ticks, failed), WhatsApp formatting, the quoted message,
// reactions, the edited marker, and for a failure its reason and action. Heights are measured
// once per (message id, width) and cached.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit MessageDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

    // What a failed message offers, the action its error calls for first: "send_template",
    // "reauthenticate", "retry"; nothing when the agent cannot help (contact unreachable,
    // opted out).
    static QStringList actionsFor(const MessageRow &row);
    static QString actionLabel(const QString &action);
    // Where an action link of a failed bubble is, in view coordinates (empty when none).
    QRect actionRect(
        const QStyleOptionViewItem &option, const QModelIndex &index, const QString &action) const;

    int cachedHeights() const { return int(m_heights.size()); }
    void clearCache() { m_heights.clear(); }

Q_SIGNALS:
    void actionRequested(const parley::ui::MessageRow &row, const QString &action);

private:
    struct Layout
    {
        QRect bubble;
        QRect text;
        QRect meta;
        QList<QPair<QString, QRect>> actions;
        QRect reactions;
        int height = 0;
    };
    Layout layout(
        const QStyleOptionViewItem &option, const MessageRow &row, QTextDocument *doc) const;
    void fillDocument(
        QTextDocument *doc, const QStyleOptionViewItem &option, const MessageRow &row) const;
    static QString metaText(const MessageRow &row);
    static size_t contentHash(const MessageRow &row);

    struct Cached
    {
        size_t hash;
        int height;
    };
    mutable QHash<QPair<QString, int>, Cached> m_heights;
};

} // namespace parley::ui
