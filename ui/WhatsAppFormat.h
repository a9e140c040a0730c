#pragma once

#include <QString>

namespace parley::ui {

// WhatsApp's inline formatting as the customer sees it: *bold*, _italic_, ~strike~,
// ```monospace``` and `inline code`. A marker only counts at a word boundary and around
// non-blank text, as in WhatsApp ("2*3*4" stays as typed). Everything else is escaped.
class WhatsAppFormat
{
public:
    // Rich text (a Qt HTML subset) for a QTextDocument.
    static QString toHtml(const QString &text);
    // The text without markers, for previews and notifications.
    static QString toPlain(const QString &text);
};

} // namespace parley::ui
