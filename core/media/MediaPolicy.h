#pragma once

#include <QString>

namespace parley::core {

// FACTS.md §4: which MIME types each kind takes and how large they may be.
struct MediaCheck
{
    QString kind; // image | video | audio | document | sticker
    QString mimeType; // as detected
    qint64 size = 0;
    QString error; // empty when the file may be uploaded as `kind`

    bool ok() const { return error.isEmpty(); }
};

class MediaPolicy
{
public:
    // Detects the MIME type (QMimeDatabase: content, then name) and checks it and the size
    // against the kind. An empty kind picks the kind from the MIME type.
    static MediaCheck checkFile(const QString &path, const QString &kind = {});
    static MediaCheck check(const QString &mimeType, qint64 size, const QString &kind = {});
    static qint64 maxBytes(const QString &kind);
    // image/jpeg -> image, application/pdf -> document, image/webp -> sticker, ... ("" if none)
    static QString kindForMime(const QString &mimeType);
};

} // namespace parley::core
