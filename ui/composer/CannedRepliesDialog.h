#pragma once

#include "composer/CannedReplies.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace parley::ui {

class ComposerBackend;

// Adds, edits and deletes canned replies (stored through ComposerBackend, off the UI thread),
// and sets the agent name that {{agent}} becomes. Shortcuts are [a-z0-9_-]{1,32} and unique,
// texts up to 4096 characters; a refused save changes nothing stored.
class CannedRepliesDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr const char *AgentNameKey = "composer/agentName";

    explicit CannedRepliesDialog(ComposerBackend *backend, QWidget *parent = nullptr);

    // Starts a new reply (empty fields).
    void startNew();
    // Saves what the fields hold; the answer arrives later (saved() or the error label).
    void save();
    void removeCurrent();

    QListWidget *list() const { return m_list; }
    QLineEdit *shortcutEdit() const { return m_shortcut; }
    QPlainTextEdit *textEdit() const { return m_text; }
    QLineEdit *agentNameEdit() const { return m_agent; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *saveButton() const { return m_save; }

Q_SIGNALS:
    void saved(qint64 id);

private:
    void showReplies(const QList<CannedReply> &replies);
    void showCurrent();
    void updateCount();

    ComposerBackend *m_backend;
    QListWidget *m_list;
    QLineEdit *m_shortcut;
    QPlainTextEdit *m_text;
    QLabel *m_count;
    QLabel *m_error;
    QLineEdit *m_agent;
    QPushButton *m_save;
    QPushButton *m_delete;
    qint64 m_editing = 0;
    quint64 m_request = 0;
    qint64 m_select = 0; // the row to select once the list is in again
};

} // namespace parley::ui
