#include "admin/TemplateEditor.h"

#include "WhatsAppFormat.h"
#include "templates/TemplateDefinition.h"
#include "templates/TemplateFiller.h"
#include "templates/TemplateRenderer.h"
#include "templates/TemplateRules.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace parley::ui {

namespace {

QStringList splitExamples(const QString &text)
{
    QStringList out;
    if (text.trimmed().isEmpty())
        return out;
    for (const QString &part : text.split(u'|'))
        out.append(part.trimmed());
    return out;
}

QStringList uniqueNames(const QString &text)
{
    QStringList out;
    for (const QString &n : core::TemplateDefinition::variableNames(text))
        if (!out.contains(n))
            out.append(n);
    return out;
}

} // namespace

TemplateEditor::TemplateEditor(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("New template"));
    resize(900, 620);
    auto *outer = new QHBoxLayout(this);
    auto *left = new QVBoxLayout;
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    auto addRow = [this, form](const QString &label, QWidget *field, Field which) {
        auto *box = new QWidget(this);
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        v->addWidget(field);
        auto *error = new QLabel(box);
        error->setWordWrap(true);
        error->setStyleSheet(QStringLiteral("color: #c62828;"));
        error->setAccessibleName(tr("%1 problems").arg(label));
        error->hide();
        v->addWidget(error);
        m_errors.insert(which, error);
        form->addRow(label, box);
    };

    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("order_update (lowercase letters, digits, underscores)"));
    m_name->setAccessibleName(tr("Template name"));
    addRow(tr("Name"), m_name, Field::Name);

    m_language = new QComboBox(this);
    m_language->setEditable(true);
    m_language->addItems(core::TemplateRules::languageCodes());
    m_language->setCurrentText(QStringLiteral("en_US"));
    m_language->setAccessibleName(tr("Template language"));
    addRow(tr("Language"), m_language, Field::Language);

    m_category = new QComboBox(this);
    m_category->addItem(tr("Utility"), QStringLiteral("UTILITY"));
    m_category->addItem(tr("Marketing"), QStringLiteral("MARKETING"));
    m_category->addItem(tr("Authentication"), QStringLiteral("AUTHENTICATION"));
    m_category->setAccessibleName(tr("Template category"));
    addRow(tr("Category"), m_category, Field::Category);

    m_format = new QComboBox(this);
    m_format->addItem(tr("Positional ({{1}}, {{2}}…)"), QStringLiteral("positional"));
    m_format->addItem(tr("Named ({{first_name}}…)"), QStringLiteral("named"));
    m_format->setAccessibleName(tr("Parameter format"));
    addRow(tr("Variables"), m_format, Field::Format);

    auto *headerBox = new QWidget(this);
    auto *headerLayout = new QHBoxLayout(headerBox);
    headerLayout->setContentsMargins(0, 0, 0, 0);
    m_header = new QLineEdit(headerBox);
    m_header->setPlaceholderText(tr("Optional text header, at most 60 characters"));
    m_header->setAccessibleName(tr("Header text"));
    m_headerExample = new QLineEdit(headerBox);
    m_headerExample->setPlaceholderText(tr("Example for its variable"));
    m_headerExample->setAccessibleName(tr("Header example"));
    headerLayout->addWidget(m_header, 2);
    headerLayout->addWidget(m_headerExample, 1);
    addRow(tr("Header"), headerBox, Field::Header);

    auto *bodyBox = new QWidget(this);
    auto *bodyLayout = new QVBoxLayout(bodyBox);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    m_body = new QPlainTextEdit(bodyBox);
    m_body->setPlaceholderText(tr("Hi {{1}}, your order {{2}} has shipped. *Bold*, _italic_…"));
    m_body->setAccessibleName(tr("Body text"));
    m_body->setMinimumHeight(90);
    m_bodyExamples = new QLineEdit(bodyBox);
    m_bodyExamples->setPlaceholderText(tr("Examples, one per variable, separated by |"));
    m_bodyExamples->setAccessibleName(tr("Body examples"));
    bodyLayout->addWidget(m_body);
    bodyLayout->addWidget(m_bodyExamples);
    addRow(tr("Body"), bodyBox, Field::Body);

    m_footer = new QLineEdit(this);
    m_footer->setPlaceholderText(tr("Optional, at most 60 characters, no variables"));
    m_footer->setAccessibleName(tr("Footer text"));
    addRow(tr("Footer"), m_footer, Field::Footer);

    m_buttons = new QPlainTextEdit(this);
    m_buttons->setPlaceholderText(
        tr("One button per line:\nQuick reply text\nLabel | https://shop.example/t/{{1}} | "
           "example\nLabel | +15551234567"));
    m_buttons->setAccessibleName(tr("Buttons"));
    m_buttons->setMaximumHeight(90);
    addRow(tr("Buttons"), m_buttons, Field::Buttons);

    left->addLayout(form);
    m_result = new QLabel(this);
    m_result->setWordWrap(true);
    m_result->setAccessibleName(tr("Submission result"));
    left->addWidget(m_result);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_submit = buttons->addButton(tr("Submit for review"), QDialogButtonBox::AcceptRole);
    m_submit->setAccessibleName(tr("Submit template for review"));
    left->addWidget(buttons);
    outer->addLayout(left, 3);

    auto *right = new QVBoxLayout;
    auto *previewTitle = new QLabel(tr("Preview (filled with the examples)"), this);
    right->addWidget(previewTitle);
    m_preview = new QTextBrowser(this);
    m_preview->setAccessibleName(tr("Template preview"));
    m_preview->setMinimumWidth(280);
    right->addWidget(m_preview, 1);
    outer->addLayout(right, 2);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_submit, &QPushButton::clicked, this, [this] {
        validate();
        if (!m_violations.isEmpty() || m_busy)
            return;
        setBusy(true);
        m_result->setText(tr("Submitting…"));
        Q_EMIT submitRequested(request());
    });
    for (QLineEdit *e : {m_name, m_header, m_headerExample, m_bodyExamples, m_footer})
        connect(e, &QLineEdit::textChanged, this, &TemplateEditor::validate);
    for (QPlainTextEdit *e : {m_body, m_buttons})
        connect(e, &QPlainTextEdit::textChanged, this, &TemplateEditor::validate);
    for (QComboBox *c : {m_language, m_category, m_format})
        connect(c, &QComboBox::currentTextChanged, this, &TemplateEditor::validate);
    validate();
}

QJsonObject TemplateEditor::request() const
{
    const bool named = m_format->currentData().toString() == QLatin1String("named");
    QJsonObject r{{QStringLiteral("name"), m_name->text().trimmed()},
        {QStringLiteral("language"), m_language->currentText().trimmed()},
        {QStringLiteral("category"), m_category->currentData().toString()}};
    if (named)
        r.insert(QStringLiteral("parameter_format"), QStringLiteral("named"));
    QJsonArray components;

    // Examples for the variables of a text, positional ([...] or [[...]]) or named.
    auto examples = [named](const QString &text, const QStringList &values,
                        const char *positionalKey, const char *namedKey, bool nested) {
        const QStringList names = uniqueNames(text);
        if (names.isEmpty())
            return QJsonObject();
        if (named) {
            QJsonArray list;
            for (int i = 0; i < names.size(); ++i)
                list.append(QJsonObject{{QStringLiteral("param_name"), names.at(i)},
                    {QStringLiteral("example"), values.value(i)}});
            return QJsonObject{{QLatin1String(namedKey), list}};
        }
        const QJsonArray flat = QJsonArray::fromStringList(values);
        if (!nested)
            return QJsonObject{{QLatin1String(positionalKey), flat}};
        QJsonArray outer; // body_text is [["v1", "v2"]]
        outer.append(flat);
        return QJsonObject{{QLatin1String(positionalKey), outer}};
    };

    const QString header = m_header->text();
    if (!header.trimmed().isEmpty()) {
        QJsonObject c{{QStringLiteral("type"), QStringLiteral("HEADER")},
            {QStringLiteral("format"), QStringLiteral("TEXT")}, {QStringLiteral("text"), header}};
        const QJsonObject ex = examples(header, splitExamples(m_headerExample->text()),
            "header_text", "header_text_named_params", false);
        if (!ex.isEmpty())
            c.insert(QStringLiteral("example"), ex);
        components.append(c);
    }
    const QString body = m_body->toPlainText();
    QJsonObject bodyComponent{
        {QStringLiteral("type"), QStringLiteral("BODY")}, {QStringLiteral("text"), body}};
    const QJsonObject bodyExample = examples(
        body, splitExamples(m_bodyExamples->text()), "body_text", "body_text_named_params", true);
    if (!bodyExample.isEmpty())
        bodyComponent.insert(QStringLiteral("example"), bodyExample);
    components.append(bodyComponent);
    if (!m_footer->text().trimmed().isEmpty())
        components.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("FOOTER")},
            {QStringLiteral("text"), m_footer->text()}});

    QJsonArray buttons;
    for (const QString &line : m_buttons->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
        if (line.trimmed().isEmpty())
            continue;
        const QStringList parts = line.split(u'|');
        const QString text = parts.value(0).trimmed();
        const QString target = parts.value(1).trimmed();
        if (target.isEmpty()) {
            buttons.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("QUICK_REPLY")},
                {QStringLiteral("text"), text}});
        } else if (target.startsWith(QLatin1String("http"), Qt::CaseInsensitive)) {
            QJsonObject b{{QStringLiteral("type"), QStringLiteral("URL")},
                {QStringLiteral("text"), text}, {QStringLiteral("url"), target}};
            if (parts.size() > 2 && !parts.at(2).trimmed().isEmpty())
                b.insert(QStringLiteral("example"), QJsonArray{parts.at(2).trimmed()});
            buttons.append(b);
        } else {
            buttons.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("PHONE_NUMBER")},
                {QStringLiteral("text"), text}, {QStringLiteral("phone_number"), target}});
        }
    }
    if (!buttons.isEmpty())
        components.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("BUTTONS")},
            {QStringLiteral("buttons"), buttons}});
    r.insert(QStringLiteral("components"), components);
    return r;
}

TemplateEditor::Field TemplateEditor::fieldOf(const core::TemplateRuleViolation &v)
{
    if (v.component == QLatin1String("header"))
        return Field::Header;
    if (v.component == QLatin1String("footer"))
        return Field::Footer;
    if (v.component.startsWith(QLatin1String("button")))
        return Field::Buttons;
    if (v.component == QLatin1String("body"))
        return Field::Body;
    if (v.rule.startsWith(QLatin1String("name.")))
        return Field::Name;
    if (v.rule.startsWith(QLatin1String("language.")))
        return Field::Language;
    if (v.rule.startsWith(QLatin1String("category.")))
        return Field::Category;
    if (v.rule.startsWith(QLatin1String("parameter_format.")))
        return Field::Format;
    return Field::Body; // component.type / component.unique: the template as a whole
}

void TemplateEditor::validate()
{
    const QJsonObject r = request();
    m_violations = core::TemplateRules::checkCreate(r);
    QMap<Field, QStringList> byField;
    for (const core::TemplateRuleViolation &v : std::as_const(m_violations))
        byField[fieldOf(v)].append(v.message);
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        const QStringList messages = byField.value(it.key());
        it.value()->setText(messages.join(QLatin1Char('\n')));
        it.value()->setVisible(!messages.isEmpty());
    }
    m_submit->setEnabled(m_violations.isEmpty() && !m_busy);

    // The preview: the definition as Meta would store it, filled with its own examples.
    const core::TemplateDefinition definition = core::TemplateDefinition::fromGraphJson(r);
    QList<core::TemplateParam> params;
    for (const core::TemplateVariable &v : definition.variables()) {
        if (v.example.isEmpty())
            continue;
        core::TemplateParam p;
        QString error;
        if (core::TemplateParam::parse(v.key() + QLatin1Char('=') + v.example, &p, &error))
            params.append(p);
    }
    const core::RenderedTemplate rendered = core::renderTemplate(definition, params);
    m_preview->setHtml(WhatsAppFormat::toHtml(rendered.toText()));
}

QString TemplateEditor::errorText(Field field) const
{
    const QLabel *label = errorLabel(field);
    return label ? label->text() : QString();
}

QString TemplateEditor::previewText() const
{
    return m_preview->toPlainText();
}

void TemplateEditor::setBusy(bool busy)
{
    m_busy = busy;
    m_submit->setEnabled(!busy && m_violations.isEmpty());
}

void TemplateEditor::showOutcome(const TemplateAdminOutcome &outcome)
{
    setBusy(false);
    if (outcome.ok()) {
        m_result->setText(tr("Submitted: %1").arg(outcome.status));
        accept();
        return;
    }
    if (!outcome.violations.isEmpty())
        m_result->setText(core::TemplateRules::formatViolations(outcome.violations));
    else
        m_result->setText(tr("Meta refused the template: %1").arg(outcome.error));
}

} // namespace parley::ui
