#include "composer/InteractiveDialog.h"
#include "composer/DialogParts.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace parley::ui {

namespace {

enum Column { TitleColumn, DescriptionColumn, IdColumn };

QJsonObject textObject(const QString &text)
{
    return QJsonObject{{QStringLiteral("text"), text}};
}

} // namespace

InteractiveDialog::InteractiveDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Reply buttons or list"));
    resize(720, 560);
    auto *outer = new QHBoxLayout(this);
    auto *left = new QVBoxLayout;
    outer->addLayout(left, 3);

    auto *frame = new QFormLayout;
    m_header = new QLineEdit(this);
    m_header->setPlaceholderText(tr("Optional, up to 60 characters"));
    m_header->setAccessibleName(tr("Header"));
    m_body = new QPlainTextEdit(this);
    m_body->setPlaceholderText(tr("Required: what the customer reads above the choices"));
    m_body->setAccessibleName(tr("Body"));
    m_body->setTabChangesFocus(true);
    m_body->setMaximumHeight(90);
    m_footer = new QLineEdit(this);
    m_footer->setPlaceholderText(tr("Optional, up to 60 characters"));
    m_footer->setAccessibleName(tr("Footer"));
    frame->addRow(tr("&Header:"), m_header);
    frame->addRow(tr("&Body:"), m_body);
    frame->addRow(tr("&Footer:"), m_footer);
    left->addLayout(frame);

    m_tabs = new QTabWidget(this);
    m_tabs->setAccessibleName(tr("Message kind"));
    auto *buttonsPage = new QWidget(m_tabs);
    auto *grid = new QGridLayout(buttonsPage);
    grid->addWidget(new QLabel(tr("Title (up to 20 characters)"), buttonsPage), 0, 1);
    grid->addWidget(new QLabel(tr("Id (optional, unique)"), buttonsPage), 0, 2);
    for (int n = 0; n < MaxButtons; ++n) {
        grid->addWidget(new QLabel(tr("Button %1").arg(n + 1), buttonsPage), n + 1, 0);
        m_buttonTitles[n] = new QLineEdit(buttonsPage);
        m_buttonTitles[n]->setAccessibleName(tr("Button %1 title").arg(n + 1));
        m_buttonIds[n] = new QLineEdit(buttonsPage);
        m_buttonIds[n]->setPlaceholderText(QStringLiteral("button_%1").arg(n + 1));
        m_buttonIds[n]->setAccessibleName(tr("Button %1 id").arg(n + 1));
        grid->addWidget(m_buttonTitles[n], n + 1, 1);
        grid->addWidget(m_buttonIds[n], n + 1, 2);
        connect(m_buttonTitles[n], &QLineEdit::textChanged, this, &InteractiveDialog::revalidate);
        connect(m_buttonIds[n], &QLineEdit::textChanged, this, &InteractiveDialog::revalidate);
    }
    grid->setRowStretch(MaxButtons + 1, 1);
    m_tabs->addTab(buttonsPage, tr("Reply &buttons"));

    auto *listPage = new QWidget(m_tabs);
    auto *listLayout = new QVBoxLayout(listPage);
    auto *listForm = new QFormLayout;
    m_listButton = new QLineEdit(listPage);
    m_listButton->setPlaceholderText(tr("Required, up to 20 characters, e.g. Choose a size"));
    m_listButton->setAccessibleName(tr("List button"));
    listForm->addRow(tr("List b&utton:"), m_listButton);
    listLayout->addLayout(listForm);
    m_sections = new QTreeWidget(listPage);
    m_sections->setAccessibleName(tr("Sections and rows"));
    m_sections->setHeaderLabels({tr("Title"), tr("Description"), tr("Id")});
    m_sections->header()->setSectionResizeMode(QHeaderView::Stretch);
    m_sections->setEditTriggers(QAbstractItemView::AllEditTriggers);
    listLayout->addWidget(m_sections, 1);
    auto *listButtons = new QHBoxLayout;
    auto *addSectionButton = new QPushButton(tr("Add &section"), listPage);
    auto *addRowButton = new QPushButton(tr("Add &row"), listPage);
    auto *removeButton = new QPushButton(tr("Re&move"), listPage);
    addSectionButton->setAccessibleName(tr("Add a section"));
    addRowButton->setAccessibleName(tr("Add a row"));
    removeButton->setAccessibleName(tr("Remove the selected section or row"));
    listButtons->addWidget(addSectionButton);
    listButtons->addWidget(addRowButton);
    listButtons->addWidget(removeButton);
    listButtons->addStretch(1);
    listLayout->addLayout(listButtons);
    m_tabs->addTab(listPage, tr("&List"));
    left->addWidget(m_tabs, 1);

    m_error = dialogparts::errorLabel(this, tr("What is wrong"));
    left->addWidget(m_error);
    m_send
        = dialogparts::addAcceptButtons(this, left, tr("Send"), tr("Send the interactive message"));

    auto *right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("Preview"), this));
    m_preview = new QLabel(this);
    m_preview->setTextFormat(Qt::RichText);
    m_preview->setWordWrap(true);
    m_preview->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_preview->setMinimumWidth(220);
    m_preview->setAccessibleName(tr("Preview"));
    right->addWidget(m_preview, 1);
    outer->addLayout(right, 2);

    connect(m_header, &QLineEdit::textChanged, this, &InteractiveDialog::revalidate);
    connect(m_footer, &QLineEdit::textChanged, this, &InteractiveDialog::revalidate);
    connect(m_body, &QPlainTextEdit::textChanged, this, &InteractiveDialog::revalidate);
    connect(m_listButton, &QLineEdit::textChanged, this, &InteractiveDialog::revalidate);
    connect(m_tabs, &QTabWidget::currentChanged, this, &InteractiveDialog::revalidate);
    connect(m_sections, &QTreeWidget::itemChanged, this, &InteractiveDialog::revalidate);
    connect(m_sections->model(), &QAbstractItemModel::rowsRemoved, this,
        &InteractiveDialog::revalidate);
    connect(addSectionButton, &QPushButton::clicked, this, [this] {
        QTreeWidgetItem *section = addSection();
        m_sections->editItem(addRow(section), TitleColumn);
    });
    connect(addRowButton, &QPushButton::clicked, this, [this] {
        QTreeWidgetItem *current = m_sections->currentItem();
        QTreeWidgetItem *section = current ? (current->parent() ? current->parent() : current)
                                           : m_sections->topLevelItem(0);
        if (!section)
            section = addSection();
        m_sections->editItem(addRow(section), TitleColumn);
    });
    connect(removeButton, &QPushButton::clicked, this, [this] {
        delete m_sections->currentItem();
        revalidate();
    });

    addRow(addSection());
    revalidate();
}

void InteractiveDialog::setKind(Kind kind)
{
    m_tabs->setCurrentIndex(kind == Kind::Buttons ? 0 : 1);
}

InteractiveDialog::Kind InteractiveDialog::kind() const
{
    return m_tabs->currentIndex() == 0 ? Kind::Buttons : Kind::List;
}

QTreeWidgetItem *InteractiveDialog::addSection(const QString &title)
{
    auto *section = new QTreeWidgetItem(m_sections);
    section->setFlags(section->flags() | Qt::ItemIsEditable);
    section->setText(TitleColumn, title);
    section->setToolTip(TitleColumn, tr("Section title (needed when there is more than one)"));
    section->setExpanded(true);
    revalidate();
    return section;
}

QTreeWidgetItem *InteractiveDialog::addRow(
    QTreeWidgetItem *section, const QString &title, const QString &description, const QString &id)
{
    auto *row = new QTreeWidgetItem(section);
    row->setFlags(row->flags() | Qt::ItemIsEditable);
    row->setText(TitleColumn, title);
    row->setText(DescriptionColumn, description);
    row->setText(IdColumn, id);
    section->setExpanded(true);
    revalidate();
    return row;
}

QJsonObject InteractiveDialog::buttonsObject() const
{
    QJsonArray buttons;
    for (int n = 0; n < MaxButtons; ++n) {
        const QString title = m_buttonTitles[n]->text().trimmed();
        const QString id = m_buttonIds[n]->text().trimmed();
        if (title.isEmpty() && id.isEmpty())
            continue;
        buttons.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("reply")},
            {QStringLiteral("reply"),
                QJsonObject{{QStringLiteral("id"),
                                id.isEmpty() ? QStringLiteral("button_%1").arg(n + 1) : id},
                    {QStringLiteral("title"), title}}}});
    }
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("button")},
        {QStringLiteral("action"), QJsonObject{{QStringLiteral("buttons"), buttons}}}};
}

QJsonObject InteractiveDialog::listObject() const
{
    QJsonArray sections;
    int rowNumber = 0;
    for (int s = 0; s < m_sections->topLevelItemCount(); ++s) {
        const QTreeWidgetItem *section = m_sections->topLevelItem(s);
        QJsonArray rows;
        for (int r = 0; r < section->childCount(); ++r) {
            const QTreeWidgetItem *item = section->child(r);
            ++rowNumber;
            QJsonObject row{{QStringLiteral("id"),
                                item->text(IdColumn).trimmed().isEmpty()
                                    ? QStringLiteral("row_%1").arg(rowNumber)
                                    : item->text(IdColumn).trimmed()},
                {QStringLiteral("title"), item->text(TitleColumn).trimmed()}};
            if (const QString d = item->text(DescriptionColumn).trimmed(); !d.isEmpty())
                row.insert(QStringLiteral("description"), d);
            rows.append(row);
        }
        QJsonObject o{{QStringLiteral("rows"), rows}};
        if (const QString title = section->text(TitleColumn).trimmed(); !title.isEmpty())
            o.insert(QStringLiteral("title"), title);
        sections.append(o);
    }
    QJsonObject action{{QStringLiteral("sections"), sections}};
    action.insert(QStringLiteral("button"), m_listButton->text().trimmed());
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("list")}, {QStringLiteral("action"), action}};
}

core::BuiltMessage InteractiveDialog::message() const
{
    QJsonObject interactive = kind() == Kind::Buttons ? buttonsObject() : listObject();
    if (const QString header = m_header->text().trimmed(); !header.isEmpty())
        interactive.insert(QStringLiteral("header"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                {QStringLiteral("text"), header}});
    interactive.insert(QStringLiteral("body"), textObject(m_body->toPlainText().trimmed()));
    if (const QString footer = m_footer->text().trimmed(); !footer.isEmpty())
        interactive.insert(QStringLiteral("footer"), textObject(footer));
    return core::MessageBuilder::interactive(interactive);
}

QString InteractiveDialog::readable(const QString &builderError)
{
    // Positions in the builder's paths count from 0; people count from 1.
    static const QRegularExpression button(
        QStringLiteral("interactive\\.action\\.buttons\\[(\\d+)\\]\\.reply\\.(title|id)"));
    static const QRegularExpression row(QStringLiteral(
        "interactive\\.action\\.sections\\[(\\d+)\\]\\.rows\\[(\\d+)\\]\\.(title|id|description)"));
    static const QRegularExpression section(
        QStringLiteral("interactive\\.action\\.sections\\[(\\d+)\\]\\.(title|rows)"));
    QString text = builderError;
    const QRegularExpressionMatch b = button.match(text);
    const QRegularExpressionMatch r = row.match(text);
    const QRegularExpressionMatch s = section.match(text);
    if (b.hasMatch())
        text.replace(b.capturedStart(), b.capturedLength(),
            tr("Button %1 %2").arg(b.captured(1).toInt() + 1).arg(b.captured(2)));
    else if (r.hasMatch())
        text.replace(r.capturedStart(), r.capturedLength(),
            tr("Section %1, row %2 %3")
                .arg(r.captured(1).toInt() + 1)
                .arg(r.captured(2).toInt() + 1)
                .arg(r.captured(3)));
    else if (s.hasMatch())
        text.replace(s.capturedStart(), s.capturedLength(),
            tr("Section %1 %2").arg(s.captured(1).toInt() + 1).arg(s.captured(2)));
    text.replace(QStringLiteral("interactive.action.buttons"), tr("The message"));
    text.replace(QStringLiteral("interactive.action.sections"), tr("The list"));
    text.replace(QStringLiteral("interactive.action.button"), tr("The list button"));
    text.replace(QStringLiteral("interactive.header.text"), tr("The header"));
    text.replace(QStringLiteral("interactive.body.text"), tr("The body"));
    text.replace(QStringLiteral("interactive.footer.text"), tr("The footer"));
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString InteractiveDialog::previewHtml(const QJsonObject &i) const
{
    QString html;
    const QString header
        = i.value(QLatin1String("header")).toObject().value(QLatin1String("text")).toString();
    if (!header.isEmpty())
        html += QStringLiteral("<p><b>%1</b></p>").arg(header.toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>")
                .arg(i.value(QLatin1String("body"))
                         .toObject()
                         .value(QLatin1String("text"))
                         .toString()
                         .toHtmlEscaped()
                         .replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    const QString footer
        = i.value(QLatin1String("footer")).toObject().value(QLatin1String("text")).toString();
    if (!footer.isEmpty())
        html += QStringLiteral("<p style=\"color:gray\"><small>%1</small></p>")
                    .arg(footer.toHtmlEscaped());
    const QJsonObject action = i.value(QLatin1String("action")).toObject();
    html += QStringLiteral("<hr>");
    if (i.value(QLatin1String("type")).toString() == QLatin1String("button")) {
        for (const QJsonValue &b : action.value(QLatin1String("buttons")).toArray())
            html += QStringLiteral("<p align=\"center\" style=\"color:#1e88e5\">%1</p>")
                        .arg(b.toObject()
                                 .value(QLatin1String("reply"))
                                 .toObject()
                                 .value(QLatin1String("title"))
                                 .toString()
                                 .toHtmlEscaped());
        return html;
    }
    html += QStringLiteral("<p align=\"center\" style=\"color:#1e88e5\">☰ %1</p>")
                .arg(action.value(QLatin1String("button")).toString().toHtmlEscaped());
    for (const QJsonValue &s : action.value(QLatin1String("sections")).toArray()) {
        const QJsonObject section = s.toObject();
        if (section.contains(QLatin1String("title")))
            html += QStringLiteral("<p><small><b>%1</b></small></p>")
                        .arg(section.value(QLatin1String("title")).toString().toHtmlEscaped());
        html += QStringLiteral("<ul>");
        for (const QJsonValue &r : section.value(QLatin1String("rows")).toArray()) {
            const QJsonObject row = r.toObject();
            html += QStringLiteral("<li>%1").arg(
                row.value(QLatin1String("title")).toString().toHtmlEscaped());
            if (row.contains(QLatin1String("description")))
                html
                    += QStringLiteral("<br><small style=\"color:gray\">%1</small>")
                           .arg(row.value(QLatin1String("description")).toString().toHtmlEscaped());
            html += QStringLiteral("</li>");
        }
        html += QStringLiteral("</ul>");
    }
    return html;
}

void InteractiveDialog::revalidate()
{
    // Called while the constructor builds the list, before the labels exist.
    if (!m_send)
        return;
    const core::BuiltMessage built = message();
    m_error->setText(readable(built.error));
    m_send->setEnabled(built.ok());
    // The preview shows what is typed even when it is not valid yet.
    QJsonObject shown = kind() == Kind::Buttons ? buttonsObject() : listObject();
    shown.insert(QStringLiteral("header"),
        QJsonObject{{QStringLiteral("text"), m_header->text().trimmed()}});
    shown.insert(QStringLiteral("body"), textObject(m_body->toPlainText().trimmed()));
    shown.insert(QStringLiteral("footer"), textObject(m_footer->text().trimmed()));
    m_preview->setText(previewHtml(shown));
}

} // namespace parley::ui
