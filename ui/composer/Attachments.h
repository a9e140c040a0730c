#pragma once

#include "media/MediaPolicy.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QImage;
class QMimeData;

namespace parley::ui {

// A file the agent attached, already checked against MediaPolicy (FACTS.md §4).
struct Attachment
{
    QString path;
    QString fileName;
    QString kind; // image | video | audio | document | sticker
    QString mimeType;
    qint64 size = 0;

    bool isNull() const { return path.isEmpty(); }
};

// What the composer accepts as an attachment and why it refuses one, before anything is uploaded.
class Attachments
{
    Q_DECLARE_TR_FUNCTIONS(parley::ui::Attachments)
public:
    // The type comes from the content (QMimeDatabase), the kind from the type, the size limit
    // from the kind. False with a precise, translated *refusal.
    static bool check(const QString &path, Attachment *attachment, QString *refusal);
    static QString refusal(const QString &fileName, const core::MediaCheck &check);
    // Images, videos and documents carry a caption; audio and stickers do not.
    static bool takesCaption(const QString &kind);
    static QString kindLabel(const QString &kind);
    static QString sizeText(qint64 bytes);

    // Local files among dropped or pasted data (file URLs).
    static QStringList localFiles(const QMimeData *data);
    // Whether dropped or pasted data holds something the composer can attach.
    static bool canAttach(const QMimeData *data);
    // Saves a pasted image as a PNG in `dir`; returns its path, or "" with *error.
    static QString savePastedImage(const QImage &image, const QString &dir, QString *error);
};

} // namespace parley::ui
