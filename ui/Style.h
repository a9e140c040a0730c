#pragma once

#include <QColor>
#include <QPalette>

// Every visual constant of the console in one place: paddings, radii, bubble and tick colours,
// the session-window chip colours. Widgets and delegates read these, never literals.
namespace parley::ui::style {

// Bubbles.
inline constexpr int BubblePadding = 8; // inside a bubble, around the text
inline constexpr int BubbleRadius = 8;
inline constexpr int BubbleMargin = 6; // between the bubble and the view's edge
inline constexpr int BubbleSpacing = 4; // vertical gap between bubbles
inline constexpr int BubbleMaxWidthPercent = 72; // of the viewport width
inline constexpr int MetaLineHeight = 16; // time + ticks under the text
inline constexpr int TickWidth = 18;
inline constexpr int QuoteBarWidth = 3; // the coloured edge of a quoted message
inline constexpr int ThumbnailMax = 260; // images: at most this wide and high
inline constexpr int StickerMax = 160;
inline constexpr int MediaCardMinWidth = 220; // video, audio, documents, media not fetched yet
inline constexpr int MediaIconSize = 32;
inline constexpr int FlashMs = 1500; // a message jumped to glows this long

// Conversation list rows.
inline constexpr int ListRowPadding = 6;
inline constexpr int ListRowHeightLines = 2;
inline constexpr int BadgeMinWidth = 20;
inline constexpr int ChipRadius = 6;
inline constexpr int ChipPadding = 5;

// The session window: amber in the last 4 hours, red once closed.
inline constexpr qint64 WindowAmberSecs = 4 * 3600;

inline bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

inline QColor windowOpen(const QPalette &p)
{
    return isDark(p) ? QColor(0x2e, 0x9e, 0x5b) : QColor(0x1e, 0x8e, 0x3e);
}
inline QColor windowClosing(const QPalette &p)
{
    return isDark(p) ? QColor(0xe0, 0x9a, 0x1a) : QColor(0xc7, 0x7c, 0x02);
}
inline QColor windowClosed(const QPalette &p)
{
    return isDark(p) ? QColor(0xe0, 0x4f, 0x4f) : QColor(0xc6, 0x28, 0x28);
}
inline QColor chipText()
{
    return QColor(Qt::white);
}

inline QColor inboundBubble(const QPalette &p)
{
    return isDark(p) ? QColor(0x20, 0x2c, 0x33) : QColor(0xff, 0xff, 0xff);
}
inline QColor outboundBubble(const QPalette &p)
{
    return isDark(p) ? QColor(0x00, 0x5c, 0x4b) : QColor(0xd9, 0xfd, 0xd3);
}
inline QColor failedBubble(const QPalette &p)
{
    return isDark(p) ? QColor(0x5c, 0x1f, 0x1f) : QColor(0xfd, 0xe0, 0xe0);
}
inline QColor systemBubble(const QPalette &p)
{
    return isDark(p) ? QColor(0x18, 0x22, 0x29) : QColor(0xfc, 0xf4, 0xcb);
}
inline QColor threadBackground(const QPalette &p)
{
    return isDark(p) ? QColor(0x0b, 0x14, 0x1a) : QColor(0xef, 0xea, 0xe2);
}
inline QColor bubbleText(const QPalette &p)
{
    return isDark(p) ? QColor(0xe9, 0xed, 0xef) : QColor(0x11, 0x1b, 0x21);
}
inline QColor metaText(const QPalette &p)
{
    return isDark(p) ? QColor(0x8c, 0x96, 0x9c) : QColor(0x66, 0x77, 0x81);
}

inline QColor tickGrey(const QPalette &p)
{
    return metaText(p);
}
inline QColor tickRead()
{
    return QColor(0x53, 0xbd, 0xeb);
}
inline QColor tickFailed()
{
    return QColor(0xd3, 0x2f, 0x2f);
}

inline QColor quoteAccent(const QPalette &p)
{
    return isDark(p) ? QColor(0x53, 0xbd, 0xeb) : QColor(0x02, 0x77, 0xbd);
}
inline QColor quoteFill(const QPalette &p)
{
    return isDark(p) ? QColor(255, 255, 255, 22) : QColor(0, 0, 0, 16);
}
inline QColor mediaPlaceholder(const QPalette &p)
{
    return isDark(p) ? QColor(0x2a, 0x37, 0x3f) : QColor(0xe4, 0xe6, 0xe8);
}
inline QColor flash()
{
    return QColor(0xff, 0xd5, 0x4f);
}

inline QColor unreadBadge()
{
    return QColor(0x25, 0xd3, 0x66);
}
inline QColor searchHighlight()
{
    return QColor(0xff, 0xe0, 0x82);
}

} // namespace parley::ui::style
