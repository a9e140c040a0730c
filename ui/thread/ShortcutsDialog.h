#pragma once

#include <QDialog>

class QTableWidget;

namespace parley::ui {

// The keyboard cheat sheet (Help ▸ Keyboard shortcuts, F1, Ctrl+/): every shortcut of the
// window's actions, read from the actions themselves so the sheet cannot drift from the menus,
// followed by the keys that are not actions (Enter sends, Shift+Enter, Esc...).
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Entry
    {
        QString keys; // native text, e.g. "Ctrl+K, Ctrl+F"
        QString what;
    };

    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);

    // The actions' shortcuts of `window` (its menus and its own actions), then the fixed keys.
    static QList<Entry> collect(QWidget *window);
    // Keys handled by widgets directly (composer, thread), not by actions.
    static QList<Entry> fixedKeys();

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace parley::ui
