#include "thread/ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace parley::ui {

namespace {

QString withoutMnemonic(QString text)
{
    // "&Search messages…" → "Search messages…" ("&&" is a literal ampersand).
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

void collectActions(const QList<QAction *> &actions, const QString &prefix,
    QList<ShortcutsDialog::Entry> &out, QSet<const QAction *> &seen)
{
    for (QAction *a : actions) {
        if (!a || seen.contains(a) || a->isSeparator())
            continue;
        seen.insert(a);
        const QString title = withoutMnemonic(a->text());
        if (QMenu *sub = a->menu()) {
            collectActions(sub->actions(),
                prefix.isEmpty() ? title : prefix + QStringLiteral(" ▸ ") + title, out, seen);
            continue;
        }
        const QList<QKeySequence> keys = a->shortcuts();
        if (keys.isEmpty())
            continue;
        QStringList texts;
        for (const QKeySequence &k : keys)
            if (!k.isEmpty())
                texts << k.toString(QKeySequence::NativeText);
        if (texts.isEmpty())
            continue;
        out.append({texts.join(QStringLiteral(", ")),
            prefix.isEmpty() ? title : prefix + QStringLiteral(" ▸ ") + title});
    }
}

} // namespace

QList<ShortcutsDialog::Entry> ShortcutsDialog::fixedKeys()
{
    auto key = [](QKeyCombination k) { return QKeySequence(k).toString(QKeySequence::NativeText); };
    return {
        {key(Qt::Key_Return), tr("Send the message (in the composer)")},
        {key(Qt::SHIFT | Qt::Key_Return), tr("New line in the composer")},
        {key(Qt::Key_Escape), tr("Cancel the reply being written")},
        {key(Qt::CTRL | Qt::SHIFT | Qt::Key_A), tr("Attach a file (in the composer)")},
        {tr("/ at the start of the message"), tr("Canned replies (Tab or Enter inserts)")},
        {tr("Double-click a message"), tr("Reply to it")},
        {tr("Right-click a message"), tr("Reply or react")},
        {tr("Click a quoted message"), tr("Jump to the original")},
        {key(Qt::Key_Up) + QStringLiteral(" / ") + key(Qt::Key_Down),
            tr("Move through conversations or messages")},
        {key(Qt::Key_PageUp) + QStringLiteral(" / ") + key(Qt::Key_PageDown),
            tr("Scroll the thread (older history loads at the top)")},
        {key(Qt::Key_Tab), tr("Next control")},
    };
}

QList<ShortcutsDialog::Entry> ShortcutsDialog::collect(QWidget *window)
{
    QList<Entry> out;
    QSet<const QAction *> seen;
    if (!window)
        return fixedKeys();
    if (auto *bar = window->findChild<QMenuBar *>(QString(), Qt::FindDirectChildrenOnly))
        collectActions(bar->actions(), QString(), out, seen);
    collectActions(window->actions(), QString(), out, seen);
    out += fixedKeys();
    return out;
}

ShortcutsDialog::ShortcutsDialog(QWidget *window, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Keyboard shortcuts"));
    setAccessibleName(tr("Keyboard shortcuts"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Everything Parley does from the keyboard:"), this);
    layout->addWidget(intro);
    const QList<Entry> entries = collect(window);
    m_table = new QTableWidget(int(entries.size()), 2, this);
    m_table->setAccessibleName(tr("Shortcuts"));
    m_table->setHorizontalHeaderLabels({tr("Keys"), tr("Does")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    for (int i = 0; i < entries.size(); ++i) {
        auto *keys = new QTableWidgetItem(entries.at(i).keys);
        QFont bold = keys->font();
        bold.setBold(true);
        keys->setFont(bold);
        m_table->setItem(i, 0, keys);
        m_table->setItem(i, 1, new QTableWidgetItem(entries.at(i).what));
    }
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, 460);
}

} // namespace parley::ui
