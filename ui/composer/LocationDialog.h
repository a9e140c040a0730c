#pragma once

#include "outbox/MessageBuilder.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace parley::ui {

// Shares a location: latitude and longitude (decimal degrees, "." or the locale's separator),
// optional name and address, checked as they are typed; Send stays off until they are valid.
class LocationDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LocationDialog(QWidget *parent = nullptr);

    // The location message as it stands, or why it cannot be sent.
    core::BuiltMessage message() const;
    // Parses "40.7128" or "40,7128"; false when it is not a number.
    static bool parseCoordinate(const QString &text, double *value);

    QLineEdit *latitudeEdit() const { return m_latitude; }
    QLineEdit *longitudeEdit() const { return m_longitude; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *addressEdit() const { return m_address; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *sendButton() const { return m_send; }

private:
    void revalidate();

    QLineEdit *m_latitude;
    QLineEdit *m_longitude;
    QLineEdit *m_name;
    QLineEdit *m_address;
    QLabel *m_error;
    QPushButton *m_send;
};

} // namespace parley::ui
