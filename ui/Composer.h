#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace parley::ui {

// Where the agent writes. Enter sends, Shift+Enter starts a new line. When the conversation's
// window is closed the text box gives way to a notice and the template path.
class Composer : public QWidget
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

    void setWindowOpen(bool open);
    bool isWindowOpen() const { return m_windowOpen; }
    void setReplyTo(const QString &messageId, const QString &quotedText);
    QString replyTo() const { return m_replyTo; }
    QString text() const;
    void clear();
    QPlainTextEdit *editor() const { return m_edit; }
    QPushButton *templateButton() const { return m_templateButton; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *closedTemplateButton() const { return m_openTemplates; }

Q_SIGNALS:
    void sendRequested(const QString &text, const QString &replyTo);
    void templateRequested();
    void typing();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void submit();

    QStackedWidget *m_stack;
    QPlainTextEdit *m_edit;
    QPushButton *m_send;
    QPushButton *m_templateButton;
    QPushButton *m_openTemplates;
    QLabel *m_closedNotice;
    QLabel *m_replyLabel;
    QString m_replyTo;
    bool m_windowOpen = true;
};

} // namespace parley::ui
