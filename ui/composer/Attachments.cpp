#include "composer/Attachments.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QLocale>
#include <QMimeData>
#include <QUrl>

namespace parley::ui {

bool Attachments::check(const QString &path, Attachment *attachment, QString *refusal)
{
    const QFileInfo info(path);
    const core::MediaCheck c = core::MediaPolicy::checkFile(path);
    if (!c.ok()) {
        if (refusal)
            *refusal = Attachments::refusal(info.fileName(), c);
        return false;
    }
    if (attachment) {
        attachment->path = info.absoluteFilePath();
        attachment->fileName = info.fileName();
        attachment->kind = c.kind;
        attachment->mimeType = c.mimeType;
        attachment->size = c.size;
    }
    return true;
}

QString Attachments::refusal(const QString &fileName, const core::MediaCheck &check)
{
    if (check.mimeType.isEmpty())
        return tr("Cannot attach %1: the file cannot be read.").arg(fileName);
    if (check.kind.isEmpty() || core::MediaPolicy::maxBytes(check.kind) == 0)
        return tr("Cannot attach %1: WhatsApp does not accept %2 files. It takes JPEG and PNG "
                  "images, MP4 and 3GPP videos, AAC, AMR, MP3, MP4 and OGG (Opus) audio, PDF, "
                  "text and Office documents, and WebP stickers.")
            .arg(fileName, check.mimeType);
    if (check.size <= 0)
        return tr("Cannot attach %1: the file is empty.").arg(fileName);
    const qint64 limit = core::MediaPolicy::maxBytes(check.kind);
    if (check.size > limit)
        return tr("Cannot attach %1: it is %2, and WhatsApp takes %3 up to %4.")
            .arg(fileName, sizeText(check.size), kindLabel(check.kind), sizeText(limit));
    return tr("Cannot attach %1: %2.").arg(fileName, check.error);
}

bool Attachments::takesCaption(const QString &kind)
{
    return kind == QLatin1String("image") || kind == QLatin1String("video")
        || kind == QLatin1String("document");
}

QString Attachments::kindLabel(const QString &kind)
{
    if (kind == QLatin1String("image"))
        return tr("images");
    if (kind == QLatin1String("video"))
        return tr("videos");
    if (kind == QLatin1String("audio"))
        return tr("audio");
    if (kind == QLatin1String("document"))
        return tr("documents");
    if (kind == QLatin1String("sticker"))
        return tr("stickers");
    return kind;
}

QString Attachments::sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QStringList Attachments::localFiles(const QMimeData *data)
{
    QStringList files;
    if (!data || !data->hasUrls())
        return files;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile())
            files.append(url.toLocalFile());
    }
    return files;
}

bool Attachments::canAttach(const QMimeData *data)
{
    return data && (data->hasImage() || !localFiles(data).isEmpty());
}

QString Attachments::savePastedImage(const QImage &image, const QString &dir, QString *error)
{
    if (image.isNull()) {
        if (error)
            *error = tr("The pasted image is empty.");
        return {};
    }
    static int counter = 0;
    const QString path = QDir(dir).filePath(
        QStringLiteral("pasted-%1-%2.png").arg(QDateTime::currentMSecsSinceEpoch()).arg(++counter));
    // WhatsApp takes 8-bit RGB or RGBA PNGs (FACTS.md §4).
    const QImage rgb = image.convertToFormat(
        image.hasAlphaChannel() ? QImage::Format_RGBA8888 : QImage::Format_RGB888);
    if (!rgb.save(path, "PNG")) {
        if (error)
            *error = tr("The pasted image could not be saved as a PNG file.");
        return {};
    }
    return path;
}

} // namespace parley::ui
