#pragma once

#include "composer/Attachments.h"

#include <QFrame>

class QLabel;
class QLineEdit;
class QToolButton;

namespace parley::ui {

// The attached file above the text box: its kind, name and size, a caption field (images, videos,
// documents) and a button that removes it.
class AttachmentChip : public QFrame
{
    Q_OBJECT
public:
    explicit AttachmentChip(QWidget *parent = nullptr);

    void setAttachment(const Attachment &attachment);
    const Attachment &attachment() const { return m_attachment; }
    QString caption() const;
    QLineEdit *captionEdit() const { return m_caption; }
    QToolButton *removeButton() const { return m_remove; }
    QLabel *label() const { return m_label; }

Q_SIGNALS:
    void removeRequested();

private:
    Attachment m_attachment;
    QLabel *m_icon;
    QLabel *m_label;
    QLineEdit *m_caption;
    QToolButton *m_remove;
};

} // namespace parley::ui
