#pragma once

#include "templates/TemplateDefinition.h"
#include "templates/TemplateFiller.h"

#include <QList>
#include <QString>

namespace parley::core {

// A filled template as the customer reads it. WhatsApp formatting markers (*bold*, _italic_,
// ~strike~, ```mono```) are kept verbatim: the client renders them, the preview shows them.
struct RenderedTemplate
{
    struct Button
    {
        QString type; // Meta's button type
        QString text; // the label the customer taps
        QString target; // full URL with its suffix, phone number, coupon code; empty otherwise
    };
    // Text header: the hydrated text. Media header: "[IMAGE]", "[VIDEO]", "[DOCUMENT name]",
    // location: "[LOCATION name, address]". Empty without header.
    QString header;
    QString body;
    QString footer;
    QList<Button> buttons;
    // Variables that had no value keep their {{marker}} and are listed here (keys).
    QStringList unfilled;

    // Header, body, footer separated by blank lines, then one "[ label ]" line per button
    // (with " -> target" when there is one).
    QString toText() const;
    QJsonObject toJson() const;
};

// Substitutes the values into the definition's texts. Currency and date_time parameters render
// as their fallback_value, as Meta does. Never fails: missing values stay as markers so the
// composer can preview a half-filled template.
RenderedTemplate renderTemplate(
    const TemplateDefinition &definition, const QList<TemplateParam> &params);

} // namespace parley::core
