#pragma once

#include "sim/SimError.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace parley::sim {

struct SimMedia
{
    QString id;
    QString phoneNumberId;
    QString mimeType;
    QString filename;
    QByteArray data;
    QString sha256; // hex
};

// Uploaded (and scenario) media: multipart upload checked per FACTS.md §4, lookup URLs valid for
// a limited time, download, deletion.
class MediaStore
{
public:
    // Parses a multipart/form-data upload. `contentType` is the request's Content-Type header.
    SimError upload(const QByteArray &contentType, const QByteArray &body,
        const QString &phoneNumberId, QString *id);
    // Adds media directly (scenario customers' images, voice notes, documents).
    QString add(const QString &phoneNumberId, const QString &mimeType, const QByteArray &data,
        const QString &filename = QString());
    const SimMedia *find(const QString &id) const;
    bool remove(const QString &id);
    // A new download token for `id`, valid until `expiresAtMs`.
    QString issueToken(const QString &id, qint64 expiresAtMs);
    // The media for a token, or nullptr when the token is unknown or expired.
    const SimMedia *resolveToken(const QString &token, qint64 nowMs) const;
    void clear();
    int count() const { return int(m_media.size()); }

    // The largest size Meta accepts for this MIME type, or -1 when the type is not supported.
    static qint64 maxSizeFor(const QString &mimeType);

private:
    QHash<QString, SimMedia> m_media;
    struct Token
    {
        QString mediaId;
        qint64 expiresAtMs;
    };
    QHash<QString, Token> m_tokens;
    quint64 m_nextId = 900'000'000'000'001ULL;
    quint64 m_nextToken = 1;
};

} // namespace parley::sim
