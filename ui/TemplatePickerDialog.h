#pragma once

#include "templates/TemplateDefinition.h"
#include "templates/TemplateFiller.h"

#include <QDialog>
#include <QJsonObject>
#include <QList>

class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace parley::ui {

// Choose a template, fill it with a form generated from its variables, watch the live preview
// (rendered as the customer will read it), send. The fill is checked by the templates
// capability (missing, empty, too long...) before the dialog accepts.
class TemplatePickerDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TemplatePickerDialog(
        const QList<core::TemplateDefinition> &templates, QWidget *parent = nullptr);

    // The `template` object to send, once accepted.
    QJsonObject templateObject() const { return m_templateObject; }
    // For tests: choose a template by name and fill a variable by its key.
    bool selectTemplate(const QString &name);
    // "name (language) — STATUS" of every template listed.
    QStringList entries() const;
    QLineEdit *field(const QString &key) const;
    QPushButton *sendButton() const { return m_send; }
    QString previewText() const;
    QString issuesText() const;

private:
    void onSelected(int row);
    void update();
    QList<core::TemplateParam> params(QString *error) const;

    QList<core::TemplateDefinition> m_templates;
    QListWidget *m_list;
    QWidget *m_formHost;
    QFormLayout *m_form = nullptr;
    QList<QPair<core::TemplateVariable, QLineEdit *>> m_fields;
    QTextBrowser *m_preview;
    QLabel *m_issues;
    QPushButton *m_send;
    QJsonObject m_templateObject;
    int m_current = -1;
};

} // namespace parley::ui
