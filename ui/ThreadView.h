#pragma once

#include <QListView>

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
    // Scrolls to a row and selects it (search results, quoted replies).
    void showRow(int row);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void updateGeometries() override;

private:
    void onScrolled(int value);
    void maybeFetchOlder();

    ThreadModel *m_model = nullptr;
    MessageDelegate *m_delegate;
    bool m_stickToBottom = true;
    int m_anchorFromBottom = -1; // keep this distance to the bottom after older rows arrive
};

} // namespace parley::ui
