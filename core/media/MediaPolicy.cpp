#include "media/MediaPolicy.h"

#include <QFileInfo>
#include <QMimeDatabase>

namespace parley::core {

namespace {

struct Kind
{
    const char *kind;
    qint64 maxBytes;
    const char *mimes[9];
};

constexpr qint64 MB = 1024 * 1024;

// Sticker: 100 KB static, 500 KB animated; without decoding the file the larger bound applies.
constexpr Kind kKinds[] = {
    {"image", 5 * MB, {"image/jpeg", "image/png"}},
    {"video", 16 * MB, {"video/mp4", "video/3gpp"}},
    {"audio", 16 * MB, {"audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"}},
    {"document", 100 * MB,
        {"text/plain", "application/pdf", "application/msword", "application/vnd.ms-excel",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation"}},
    {"sticker", 500 * 1024, {"image/webp"}},
};

const Kind *findKind(const QString &kind)
{
    for (const Kind &k : kKinds) {
        if (kind == QLatin1String(k.kind))
            return &k;
    }
    return nullptr;
}

bool accepts(const Kind &k, const QString &mime)
{
    for (const char *m : k.mimes) {
        if (m && mime == QLatin1String(m))
            return true;
    }
    return false;
}

} // namespace

qint64 MediaPolicy::maxBytes(const QString &kind)
{
    const Kind *k = findKind(kind);
    return k ? k->maxBytes : 0;
}

QString MediaPolicy::kindForMime(const QString &mimeType)
{
    for (const Kind &k : kKinds) {
        if (accepts(k, mimeType))
            return QString::fromLatin1(k.kind);
    }
    return {};
}

MediaCheck MediaPolicy::check(const QString &mimeType, qint64 size, const QString &kind)
{
    MediaCheck c;
    c.mimeType = mimeType;
    c.size = size;
    c.kind = kind.isEmpty() ? kindForMime(mimeType) : kind;
    const Kind *k = findKind(c.kind);
    if (!k) {
        c.error = kind.isEmpty()
            ? QStringLiteral("%1 is not a media type WhatsApp accepts").arg(mimeType)
            : QStringLiteral("unknown media kind \"%1\"").arg(kind);
        return c;
    }
    if (!accepts(*k, mimeType)) {
        QStringList allowed;
        for (const char *m : k->mimes) {
            if (m)
                allowed << QString::fromLatin1(m);
        }
        c.error = QStringLiteral("%1 is not accepted for %2 (accepted: %3)")
                      .arg(mimeType, c.kind, allowed.join(QStringLiteral(", ")));
        return c;
    }
    if (size <= 0) {
        c.error = QStringLiteral("the file is empty");
        return c;
    }
    if (size > k->maxBytes) {
        c.error = QStringLiteral("%1 bytes is over the %2 limit of %3 bytes")
                      .arg(size)
                      .arg(c.kind)
                      .arg(k->maxBytes);
    }
    return c;
}

MediaCheck MediaPolicy::checkFile(const QString &path, const QString &kind)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        MediaCheck c;
        c.kind = kind;
        c.error = QStringLiteral("cannot read %1").arg(path);
        return c;
    }
    QMimeDatabase mimes;
    // Content first (a PNG named .jpg is a PNG); the name only refines it (a .docx is a zip by
    // content, and the OOXML type inherits from zip) or stands in when the content says nothing.
    const QMimeType byContent = mimes.mimeTypeForFile(info, QMimeDatabase::MatchContent);
    const QMimeType byName = mimes.mimeTypeForFile(info, QMimeDatabase::MatchExtension);
    QString mime = byContent.name();
    if (byContent.isDefault()
        || (byName.isValid() && !byName.isDefault() && byName.inherits(byContent.name())))
        mime = byName.name();
    // QMimeDatabase names OGG audio "audio/x-vorbis+ogg" / "audio/x-opus+ogg"; Meta wants
    // audio/ogg.
    if (mime.startsWith(QLatin1String("audio/")) && mime.endsWith(QLatin1String("+ogg")))
        mime = QStringLiteral("audio/ogg");
    if (mime == QLatin1String("application/ogg")
        && (kind.isEmpty() || kind == QLatin1String("audio")))
        mime = QStringLiteral("audio/ogg");
    return check(mime, info.size(), kind);
}

} // namespace parley::core
