#pragma once

#include "outbox/MessageBuilder.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace parley::ui {

// Builds an interactive message: reply buttons (1–3, titles up to 20 characters, unique) or a
// list (a button label, sections of rows, 10 rows in all). Every change is checked with
// MessageBuilder's rules (FACTS.md §3) and previewed; Send stays off until the message is valid.
class InteractiveDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Kind { Buttons, List };
    static constexpr int MaxButtons = 3;

    explicit InteractiveDialog(QWidget *parent = nullptr);

    void setKind(Kind kind);
    Kind kind() const;
    // The message as it stands, or why it cannot be sent.
    core::BuiltMessage message() const;

    QLineEdit *headerEdit() const { return m_header; }
    QPlainTextEdit *bodyEdit() const { return m_body; }
    QLineEdit *footerEdit() const { return m_footer; }
    QLineEdit *buttonTitleEdit(int n) const { return m_buttonTitles[n]; }
    QLineEdit *buttonIdEdit(int n) const { return m_buttonIds[n]; }
    QLineEdit *listButtonEdit() const { return m_listButton; }
    QTreeWidget *sectionsTree() const { return m_sections; }
    QLabel *errorLabel() const { return m_error; }
    QLabel *preview() const { return m_preview; }
    QPushButton *sendButton() const { return m_send; }

    // List editing (also what the Add buttons do).
    QTreeWidgetItem *addSection(const QString &title = {});
    QTreeWidgetItem *addRow(QTreeWidgetItem *section, const QString &title = {},
        const QString &description = {}, const QString &id = {});

    // "interactive.action.buttons[0].reply.title has 21 characters…" -> "Button 1 title has …"
    static QString readable(const QString &builderError);

private:
    void revalidate();
    QJsonObject buttonsObject() const;
    QJsonObject listObject() const;
    QString previewHtml(const QJsonObject &interactive) const;

    QLineEdit *m_header = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLineEdit *m_footer = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_buttonTitles[MaxButtons] = {};
    QLineEdit *m_buttonIds[MaxButtons] = {};
    QLineEdit *m_listButton = nullptr;
    QTreeWidget *m_sections = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_send = nullptr;
};

} // namespace parley::ui
