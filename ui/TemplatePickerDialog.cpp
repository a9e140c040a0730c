#include "TemplatePickerDialog.h"

#include "WhatsAppFormat.h"
#include "templates/TemplateRenderer.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace parley::ui {

TemplatePickerDialog::TemplatePickerDialog(
    const QList<core::TemplateDefinition> &templates, QWidget *parent)
    : QDialog(parent), m_templates(templates)
{
    setWindowTitle(tr("Send a template"));
    resize(760, 460);
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    layout->addLayout(row, 1);

    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Templates"));
    for (const auto &t : m_templates) {
        auto *item = new QListWidgetItem(
            QStringLiteral("%1 (%2) — %3").arg(t.name, t.language, t.status), m_list);
        if (!t.isApproved())
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }
    row->addWidget(m_list, 2);

    auto *right = new QVBoxLayout;
    m_formHost = new QWidget(this);
    m_form = new QFormLayout(m_formHost);
    right->addWidget(m_formHost);
    m_preview = new QTextBrowser(this);
    m_preview->setAccessibleName(tr("Preview"));
    right->addWidget(new QLabel(tr("Preview"), this));
    right->addWidget(m_preview, 1);
    m_issues = new QLabel(this);
    m_issues->setWordWrap(true);
    right->addWidget(m_issues);
    row->addLayout(right, 3);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_send = buttons->addButton(tr("Send template"), QDialogButtonBox::AcceptRole);
    m_send->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_send, &QPushButton::clicked, this, [this] {
        QString error;
        const auto p = params(&error);
        if (m_current < 0 || !error.isEmpty())
            return;
        const core::TemplateFill fill = core::fillTemplate(m_templates.at(m_current), p);
        if (!fill.issues.isEmpty() || !fill.pendingUploads.isEmpty())
            return;
        m_templateObject = fill.templateObject;
        accept();
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &TemplatePickerDialog::onSelected);
}

bool TemplatePickerDialog::selectTemplate(const QString &name)
{
    for (int i = 0; i < m_templates.size(); ++i)
        if (m_templates.at(i).name == name && m_templates.at(i).isApproved()) {
            m_list->setCurrentRow(i);
            return true;
        }
    return false;
}

QStringList TemplatePickerDialog::entries() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

QLineEdit *TemplatePickerDialog::field(const QString &key) const
{
    for (const auto &f : m_fields)
        if (f.first.key() == key)
            return f.second;
    return nullptr;
}

QString TemplatePickerDialog::previewText() const
{
    return m_preview->toPlainText();
}

QString TemplatePickerDialog::issuesText() const
{
    return m_issues->text();
}

void TemplatePickerDialog::onSelected(int row)
{
    m_current = row;
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_fields.clear();
    if (row < 0 || row >= m_templates.size()) {
        update();
        return;
    }
    for (const core::TemplateVariable &v : m_templates.at(row).variables()) {
        auto *edit = new QLineEdit(m_formHost);
        edit->setPlaceholderText(
            v.example.isEmpty() ? core::templateVariableKindName(v.kind) : v.example);
        edit->setAccessibleName(v.key());
        m_form->addRow(v.key() + (v.required ? QStringLiteral(" *") : QString()), edit);
        m_fields.append({v, edit});
        connect(edit, &QLineEdit::textChanged, this, &TemplatePickerDialog::update);
    }
    update();
}

QList<core::TemplateParam> TemplatePickerDialog::params(QString *error) const
{
    QList<core::TemplateParam> out;
    for (const auto &f : m_fields) {
        if (f.second->text().isEmpty())
            continue;
        core::TemplateParam p;
        QString e;
        const QString kind = f.first.slot == core::TemplateSlot::Button
            ? QString()
            : QLatin1Char(':') + core::templateVariableKindName(f.first.kind);
        if (!core::TemplateParam::parse(
                f.first.key() + kind + QLatin1Char('=') + f.second->text(), &p, &e)) {
            if (error)
                *error = f.first.key() + QStringLiteral(": ") + e;
            continue;
        }
        out.append(p);
    }
    return out;
}

void TemplatePickerDialog::update()
{
    if (m_current < 0 || m_current >= m_templates.size()) {
        m_preview->clear();
        m_issues->clear();
        m_send->setEnabled(false);
        return;
    }
    const auto &def = m_templates.at(m_current);
    QString error;
    const auto p = params(&error);
    const core::RenderedTemplate rendered = core::renderTemplate(def, p);
    m_preview->setHtml(WhatsAppFormat::toHtml(rendered.toText()));
    const core::TemplateFill fill = core::fillTemplate(def, p);
    QStringList problems;
    if (!error.isEmpty())
        problems << error;
    for (const auto &issue : fill.issues)
        problems << issue.message;
    m_issues->setText(problems.join(QLatin1Char('\n')));
    m_send->setEnabled(problems.isEmpty() && fill.pendingUploads.isEmpty());
}

} // namespace parley::ui
