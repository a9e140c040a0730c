#pragma once

#include <QString>

namespace parley::ui {

// The agent's own preferences (not admin settings: no passphrase), kept in QSettings under
// "preferences/". Notifications have their own keys (notify/NotificationSettings.h).
struct Preferences
{
    enum class Theme { System, Light, Dark };

    Theme theme = Theme::System;
    // Read receipts: the thread must stay open in the active window this long before Meta is told
    // the customer's messages were read (and the unread badge clears).
    int readAfterSeconds = 3;
    bool sendReadReceipts = true; // off: only the local unread count clears
    bool typingIndicator = true; // show the customer "typing…" while the agent writes

    static constexpr int MinReadAfterSeconds = 1;
    static constexpr int MaxReadAfterSeconds = 60;

    static Preferences load();
    void save() const;
    // Applies the theme to the whole application: Light and Dark replace the palette, System puts
    // back the palette the platform gave at start.
    void applyTheme() const;

    static QString themeName(Theme theme);
    static Theme themeFromName(const QString &name);
    friend bool operator==(const Preferences &, const Preferences &) = default;
};

} // namespace parley::ui
