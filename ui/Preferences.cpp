#include "Preferences.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>

namespace parley::ui {

namespace {

struct Colors
{
    QColor window, base, text, disabled, highlight, link, brightText;
};

// One palette from a handful of colours: every role the widgets use, disabled text included.
QPalette paletteFrom(const Colors &c)
{
    QPalette p;
    p.setColor(QPalette::Window, c.window);
    p.setColor(QPalette::WindowText, c.text);
    p.setColor(QPalette::Base, c.base);
    p.setColor(QPalette::AlternateBase, c.window);
    p.setColor(QPalette::ToolTipBase, c.window);
    p.setColor(QPalette::ToolTipText, c.text);
    p.setColor(QPalette::PlaceholderText, c.disabled);
    p.setColor(QPalette::Text, c.text);
    p.setColor(QPalette::Button, c.window);
    p.setColor(QPalette::ButtonText, c.text);
    p.setColor(QPalette::BrightText, c.brightText);
    p.setColor(QPalette::Link, c.link);
    p.setColor(QPalette::Highlight, c.highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, c.disabled);
    return p;
}

QPalette darkPalette()
{
    return paletteFrom({QColor(0x20, 0x23, 0x28), QColor(0x17, 0x19, 0x1d),
        QColor(0xe6, 0xe8, 0xeb), QColor(0x7a, 0x7f, 0x87), QColor(0x2e, 0x7d, 0x5b),
        QColor(0x6c, 0xb4, 0xff), Qt::white});
}

QPalette lightPalette()
{
    return paletteFrom({QColor(0xf3, 0xf4, 0xf6), Qt::white, QColor(0x1f, 0x23, 0x28),
        QColor(0x9a, 0x9f, 0xa6), QColor(0x1f, 0x8a, 0x5e), QColor(0x1a, 0x5f, 0xb4), Qt::red});
}

// The platform's palette, remembered the first time a theme is applied.
const QPalette &systemPalette()
{
    static const QPalette palette = QApplication::palette();
    return palette;
}

} // namespace

QString Preferences::themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    case Theme::System: break;
    }
    return QStringLiteral("system");
}

Preferences::Theme Preferences::themeFromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

Preferences Preferences::load()
{
    QSettings s;
    Preferences p;
    p.theme = themeFromName(s.value(QStringLiteral("preferences/theme")).toString());
    p.readAfterSeconds = qBound(MinReadAfterSeconds,
        s.value(QStringLiteral("preferences/read_after_seconds"), p.readAfterSeconds).toInt(),
        MaxReadAfterSeconds);
    p.sendReadReceipts
        = s.value(QStringLiteral("preferences/send_read_receipts"), p.sendReadReceipts).toBool();
    p.typingIndicator
        = s.value(QStringLiteral("preferences/typing_indicator"), p.typingIndicator).toBool();
    return p;
}

void Preferences::save() const
{
    QSettings s;
    s.setValue(QStringLiteral("preferences/theme"), themeName(theme));
    s.setValue(QStringLiteral("preferences/read_after_seconds"),
        qBound(MinReadAfterSeconds, readAfterSeconds, MaxReadAfterSeconds));
    s.setValue(QStringLiteral("preferences/send_read_receipts"), sendReadReceipts);
    s.setValue(QStringLiteral("preferences/typing_indicator"), typingIndicator);
    s.sync();
}

void Preferences::applyTheme() const
{
    const QPalette &system = systemPalette();
    switch (theme) {
    case Theme::Light: QApplication::setPalette(lightPalette()); break;
    case Theme::Dark: QApplication::setPalette(darkPalette()); break;
    case Theme::System: QApplication::setPalette(system); break;
    }
}

} // namespace parley::ui
