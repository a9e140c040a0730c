#include "composer/AttachmentChip.h"

#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QToolButton>

namespace parley::ui {

namespace {
constexpr int ThumbSize = 32;
}

AttachmentChip::AttachmentChip(QWidget *parent) : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Attachment"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(6, 3, 3, 3);
    m_icon = new QLabel(this);
    m_icon->setFixedSize(ThumbSize, ThumbSize);
    m_icon->setAlignment(Qt::AlignCenter);
    m_label = new QLabel(this);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caption = new QLineEdit(this);
    m_caption->setPlaceholderText(tr("Caption (optional)"));
    m_caption->setAccessibleName(tr("Attachment caption"));
    m_caption->setMaxLength(1024); // FACTS.md §3: media captions
    m_remove = new QToolButton(this);
    m_remove->setText(QStringLiteral("✕"));
    m_remove->setToolTip(tr("Remove the attachment"));
    m_remove->setAccessibleName(tr("Remove the attachment"));
    m_remove->setAutoRaise(true);
    row->addWidget(m_icon);
    row->addWidget(m_label);
    row->addWidget(m_caption, 1);
    row->addWidget(m_remove);
    connect(m_remove, &QToolButton::clicked, this, &AttachmentChip::removeRequested);
}

void AttachmentChip::setAttachment(const Attachment &attachment)
{
    m_attachment = attachment;
    m_caption->clear();
    m_caption->setVisible(Attachments::takesCaption(attachment.kind));
    m_label->setText(
        tr("%1 · %2 · %3")
            .arg(attachment.fileName, Attachments::sizeText(attachment.size), attachment.mimeType));
    QPixmap thumb;
    if (attachment.kind == QLatin1String("image") || attachment.kind == QLatin1String("sticker"))
        thumb.load(attachment.path);
    if (!thumb.isNull()) {
        m_icon->setPixmap(
            thumb.scaled(ThumbSize, ThumbSize, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    } else {
        static const QHash<QString, QString> glyphs{{QStringLiteral("video"), QStringLiteral("🎬")},
            {QStringLiteral("audio"), QStringLiteral("🎵")},
            {QStringLiteral("document"), QStringLiteral("📄")}};
        m_icon->setText(glyphs.value(attachment.kind, QStringLiteral("📎")));
    }
}

QString AttachmentChip::caption() const
{
    return m_caption->isVisible() || Attachments::takesCaption(m_attachment.kind)
        ? m_caption->text().trimmed()
        : QString();
}

} // namespace parley::ui
