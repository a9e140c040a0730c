#pragma once

#include <QImage>
#include <QPlainTextEdit>

class QMimeData;
class QCompleter;

namespace parley::ui {

// The composer's text box: pasted or dropped files and images become attachments instead of
// text, and while the canned-reply popup is open Enter/Tab choose from it.
class ComposerEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit ComposerEdit(QWidget *parent = nullptr);

    void setCompleter(QCompleter *completer) { m_completer = completer; }
    // What a paste or drop of `data` does (public for the thread view's drops and for tests).
    void takeMimeData(const QMimeData *data);

Q_SIGNALS:
    void filesAttached(const QStringList &paths);
    void imagePasted(const QImage &image);

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QCompleter *m_completer = nullptr;
};

} // namespace parley::ui
