#include "composer/LocationDialog.h"
#include "composer/DialogParts.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace parley::ui {

LocationDialog::LocationDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Share a location"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_latitude = new QLineEdit(this);
    m_latitude->setPlaceholderText(QStringLiteral("40.7128"));
    m_latitude->setAccessibleName(tr("Latitude"));
    m_longitude = new QLineEdit(this);
    m_longitude->setPlaceholderText(QStringLiteral("-74.0060"));
    m_longitude->setAccessibleName(tr("Longitude"));
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("Optional, e.g. Our store"));
    m_name->setAccessibleName(tr("Place name"));
    m_address = new QLineEdit(this);
    m_address->setPlaceholderText(tr("Optional, e.g. 1 Main St, New York"));
    m_address->setAccessibleName(tr("Address"));
    form->addRow(tr("&Latitude:"), m_latitude);
    form->addRow(tr("L&ongitude:"), m_longitude);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Address:"), m_address);
    layout->addLayout(form);
    m_error = dialogparts::errorLabel(this, tr("What is wrong"));
    layout->addWidget(m_error);
    m_send = dialogparts::addAcceptButtons(this, layout, tr("Send"), tr("Send the location"));
    for (QLineEdit *edit : {m_latitude, m_longitude, m_name, m_address})
        connect(edit, &QLineEdit::textChanged, this, &LocationDialog::revalidate);
    revalidate();
}

bool LocationDialog::parseCoordinate(const QString &text, double *value)
{
    const QString t = text.trimmed();
    bool ok = false;
    double v = QLocale::c().toDouble(t, &ok);
    if (!ok)
        v = QLocale().toDouble(t, &ok);
    if (!ok || !std::isfinite(v))
        return false;
    *value = v;
    return true;
}

core::BuiltMessage LocationDialog::message() const
{
    core::BuiltMessage invalid;
    double latitude = 0;
    double longitude = 0;
    if (m_latitude->text().trimmed().isEmpty() || m_longitude->text().trimmed().isEmpty()) {
        invalid.error = tr("Enter a latitude and a longitude.");
        return invalid;
    }
    if (!parseCoordinate(m_latitude->text(), &latitude)) {
        invalid.error = tr("The latitude is not a number.");
        return invalid;
    }
    if (!parseCoordinate(m_longitude->text(), &longitude)) {
        invalid.error = tr("The longitude is not a number.");
        return invalid;
    }
    if (latitude < -90 || latitude > 90) {
        invalid.error = tr("The latitude must be between -90 and 90.");
        return invalid;
    }
    if (longitude < -180 || longitude > 180) {
        invalid.error = tr("The longitude must be between -180 and 180.");
        return invalid;
    }
    return core::MessageBuilder::location(
        latitude, longitude, m_name->text().trimmed(), m_address->text().trimmed());
}

void LocationDialog::revalidate()
{
    const core::BuiltMessage built = message();
    m_error->setText(built.error);
    m_send->setEnabled(built.ok());
}

} // namespace parley::ui
