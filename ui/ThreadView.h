#pragma once

#include "ConsoleTypes.h"

#include <QListView>
#include <QUrl>
#include <QVariantAnimation>

#include <functional>

namespace parley::ui {

class ThreadModel;
class MessageDelegate;

// The thread: bubbles bottom-aligned like a chat. Near the top it asks the model for older
// history and keeps what the agent was looking at in place when rows arrive above it; at the
// bottom it follows new messages.
class ThreadView : public QListView
{
    Q_OBJECT
public:
    explicit ThreadView(QWidget *parent = nullptr);

    void setThreadModel(ThreadModel *model);
    MessageDelegate *messageDelegate() const { return m_delegate; }
    bool isAtBottom() const;
    // Scrolls to a row, selects it and makes it glow for a moment (search results, quoted
    // replies).
    void showRow(int row);
    // Jumps to the message a reply quotes (loading the history around it when needed).
    void jumpToQuoted(const MessageRow &row);

    // How files and map links are opened (QDesktopServices by default; tests record instead).
    void setUrlOpener(std::function<bool(const QUrl &)> opener) { m_openUrl = std::move(opener); }
    // The link for "Open in map" of a location.
    static QUrl mapUrl(const MessageRow &row);

Q_SIGNALS:
    // Something to tell the agent in the status bar (a saved file, a failed copy).
    void notice(const QString &text);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void updateGeometries() override;

private:
    void onAction(const MessageRow &row, const QString &action);
    void saveAs(const MessageRow &row);
    void onScrolled(int value);
    void maybeFetchOlder();

    ThreadModel *m_model = nullptr;
    MessageDelegate *m_delegate;
    bool m_stickToBottom = true;
    int m_anchorFromBottom = -1; // keep this distance to the bottom after older rows arrive
    std::function<bool(const QUrl &)> m_openUrl;
    QVariantAnimation m_flash;
    qint64 m_flashRowid = 0;
};

} // namespace parley::ui
