#include "composer/ThreadActions.h"

#include "ThreadModel.h"

#include <QListView>
#include <QMenu>

namespace parley::ui {

ThreadActions::ThreadActions(QListView *view, QObject *parent) : QObject(parent), m_view(view)
{
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = menuFor(m_view->indexAt(pos), m_view);
        if (!menu)
            return;
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_view->viewport()->mapToGlobal(pos));
    });
}

QStringList ThreadActions::reactions()
{
    return {QStringLiteral("👍"), QStringLiteral("❤️"), QStringLiteral("😂"), QStringLiteral("😮"),
        QStringLiteral("😢"), QStringLiteral("🙏")};
}

bool ThreadActions::canQuote(const MessageRow &row)
{
    return !row.id.isEmpty() && !row.id.startsWith(QLatin1String("local:"))
        && row.type != QLatin1String("reaction") && row.type != QLatin1String("system");
}

QMenu *ThreadActions::menuFor(const QModelIndex &index, QWidget *parent)
{
    if (!index.isValid())
        return nullptr;
    const MessageRow row = index.data(ThreadModel::MessageRole).value<MessageRow>();
    if (!canQuote(row))
        return nullptr;
    auto *menu = new QMenu(parent);
    menu->setAccessibleName(tr("Message actions"));
    QAction *reply = menu->addAction(tr("&Reply"));
    reply->setObjectName(QStringLiteral("reply"));
    connect(reply, &QAction::triggered, this, [this, row] { Q_EMIT replyRequested(row); });
    QMenu *react = menu->addMenu(tr("R&eact…"));
    react->setAccessibleName(tr("React"));
    for (const QString &emoji : reactions()) {
        QAction *a = react->addAction(emoji);
        a->setObjectName(QStringLiteral("react:") + emoji);
        connect(a, &QAction::triggered, this,
            [this, row, emoji] { Q_EMIT reactRequested(row, emoji); });
    }
    react->addSeparator();
    QAction *remove = react->addAction(tr("Remove my reaction"));
    remove->setObjectName(QStringLiteral("unreact"));
    connect(
        remove, &QAction::triggered, this, [this, row] { Q_EMIT reactRequested(row, QString()); });
    return menu;
}

} // namespace parley::ui
