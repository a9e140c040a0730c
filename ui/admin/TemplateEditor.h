#pragma once

#include "admin/AdminTypes.h"

#include <QDialog>
#include <QJsonObject>
#include <QMap>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace parley::ui {

// Create a template: every field is checked as the admin types with Meta's create rules
// (core::TemplateRules, the same check the templates capability runs before any request), each
// violation shown next to its field, and the preview renders the template filled with its
// examples as the customer will read it. Submit stays disabled while anything is violated;
// the manager sends the request and reports Meta's answer back here.
class TemplateEditor : public QDialog
{
    Q_OBJECT
public:
    enum class Field { Name, Language, Category, Format, Header, Body, Footer, Buttons };

    explicit TemplateEditor(QWidget *parent = nullptr);

    // The create request as it stands (POST /{WABA}/message_templates).
    QJsonObject request() const;
    const QList<core::TemplateRuleViolation> &violations() const { return m_violations; }
    // The violations shown next to a field ("" when none).
    QString errorText(Field field) const;
    QString previewText() const;

    // Meta's answer: a refusal is shown and the editor stays open; success accepts it.
    void showOutcome(const TemplateAdminOutcome &outcome);
    void setBusy(bool busy);

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *languageBox() const { return m_language; }
    QComboBox *categoryBox() const { return m_category; }
    QComboBox *formatBox() const { return m_format; }
    QLineEdit *headerEdit() const { return m_header; }
    QLineEdit *headerExampleEdit() const { return m_headerExample; }
    QPlainTextEdit *bodyEdit() const { return m_body; }
    QLineEdit *bodyExamplesEdit() const { return m_bodyExamples; }
    QLineEdit *footerEdit() const { return m_footer; }
    QPlainTextEdit *buttonsEdit() const { return m_buttons; }
    QPushButton *submitButton() const { return m_submit; }
    QLabel *resultLabel() const { return m_result; }

Q_SIGNALS:
    void submitRequested(const QJsonObject &request);

private:
    void validate();
    QLabel *errorLabel(Field field) const { return m_errors.value(field); }
    static Field fieldOf(const core::TemplateRuleViolation &violation);

    QLineEdit *m_name;
    QComboBox *m_language;
    QComboBox *m_category;
    QComboBox *m_format;
    QLineEdit *m_header;
    QLineEdit *m_headerExample;
    QPlainTextEdit *m_body;
    QLineEdit *m_bodyExamples;
    QLineEdit *m_footer;
    QPlainTextEdit *m_buttons;
    QTextBrowser *m_preview;
    QLabel *m_result;
    QPushButton *m_submit;
    QMap<Field, QLabel *> m_errors;
    QList<core::TemplateRuleViolation> m_violations;
    bool m_busy = false;
};

} // namespace parley::ui
