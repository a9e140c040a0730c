#include "composer/ComposerEdit.h"

#include "composer/Attachments.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QImage>
#include <QKeyEvent>
#include <QMimeData>

namespace parley::ui {

ComposerEdit::ComposerEdit(QWidget *parent) : QPlainTextEdit(parent) { }

void ComposerEdit::takeMimeData(const QMimeData *data)
{
    insertFromMimeData(data);
}

bool ComposerEdit::canInsertFromMimeData(const QMimeData *source) const
{
    return Attachments::canAttach(source) || QPlainTextEdit::canInsertFromMimeData(source);
}

void ComposerEdit::insertFromMimeData(const QMimeData *source)
{
    if (!source)
        return;
    const QStringList files = Attachments::localFiles(source);
    if (!files.isEmpty()) {
        Q_EMIT filesAttached(files);
        return;
    }
    if (source->hasImage()) {
        Q_EMIT imagePasted(qvariant_cast<QImage>(source->imageData()));
        return;
    }
    QPlainTextEdit::insertFromMimeData(source);
}

void ComposerEdit::keyPressEvent(QKeyEvent *event)
{
    // The completer hands these keys to the text box first; leaving them unaccepted lets it
    // complete (Enter, Tab) or close (Esc) instead of the text box inserting a newline or a tab.
    if (m_completer && m_completer->popup() && m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab: event->ignore(); return;
        default: break;
        }
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace parley::ui
