#include "sim/MediaStore.h"

#include <QCryptographicHash>

namespace parley::sim {

namespace {

struct Part
{
    QByteArray name;
    QByteArray filename;
    QByteArray contentType;
    QByteArray data;
};

QByteArray headerParam(const QByteArray &header, const QByteArray &key)
{
    // key="value" or key=value inside a Content-Disposition / Content-Type header.
    const QByteArray needle = key + '=';
    qsizetype pos = 0;
    while ((pos = header.indexOf(needle, pos)) >= 0) {
        const bool boundary = pos == 0 || header.at(pos - 1) == ';' || header.at(pos - 1) == ' ';
        pos += needle.size();
        if (!boundary)
            continue;
        if (pos < header.size() && header.at(pos) == '"') {
            const qsizetype end = header.indexOf('"', pos + 1);
            return header.mid(pos + 1, end < 0 ? -1 : end - pos - 1);
        }
        qsizetype end = header.indexOf(';', pos);
        return header.mid(pos, end < 0 ? -1 : end - pos).trimmed();
    }
    return {};
}

bool parseMultipart(const QByteArray &contentType, const QByteArray &body, QList<Part> *parts)
{
    if (!contentType.toLower().startsWith("multipart/form-data"))
        return false;
    const QByteArray boundary = headerParam(contentType, "boundary");
    if (boundary.isEmpty())
        return false;
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return false;
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return true; // closing delimiter
        if (body.mid(pos, 2) != "\r\n")
            return false;
        pos += 2;
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", pos);
        if (headersEnd < 0)
            return false;
        Part part;
        for (const QByteArray &line : body.mid(pos, headersEnd - pos).split('\n')) {
            const QByteArray l = line.trimmed();
            const qsizetype colon = l.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = l.left(colon).trimmed().toLower();
            const QByteArray value = l.mid(colon + 1).trimmed();
            if (name == "content-disposition") {
                part.name = headerParam(value, "name");
                part.filename = headerParam(value, "filename");
            } else if (name == "content-type") {
                part.contentType = value;
            }
        }
        const qsizetype dataStart = headersEnd + 4;
        const QByteArray separator = QByteArray("\r\n") + delimiter;
        const qsizetype next = body.indexOf(separator, dataStart);
        if (next < 0)
            return false;
        part.data = body.mid(dataStart, next - dataStart);
        parts->append(part);
        pos = next + 2;
    }
}

} // namespace

qint64 MediaStore::maxSizeFor(const QString &mimeType)
{
    constexpr qint64 MB = 1024 * 1024;
    static const QHash<QString, qint64> kMax{
        {QStringLiteral("audio/aac"), 16 * MB},
        {QStringLiteral("audio/amr"), 16 * MB},
        {QStringLiteral("audio/mpeg"), 16 * MB},
        {QStringLiteral("audio/mp4"), 16 * MB},
        {QStringLiteral("audio/ogg"), 16 * MB},
        {QStringLiteral("text/plain"), 100 * MB},
        {QStringLiteral("application/pdf"), 100 * MB},
        {QStringLiteral("application/msword"), 100 * MB},
        {QStringLiteral("application/vnd.ms-excel"), 100 * MB},
        {QStringLiteral("application/vnd.ms-powerpoint"), 100 * MB},
        {QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            100 * MB},
        {QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            100 * MB},
        {QStringLiteral(
             "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            100 * MB},
        {QStringLiteral("image/jpeg"), 5 * MB},
        {QStringLiteral("image/png"), 5 * MB},
        {QStringLiteral("image/webp"), 500 * 1024},
        {QStringLiteral("video/mp4"), 16 * MB},
        {QStringLiteral("video/3gpp"), 16 * MB},
    };
    // "audio/ogg; codecs=opus" is audio/ogg.
    const QString base = mimeType.section(u';', 0, 0).trimmed().toLower();
    return kMax.value(base, -1);
}

SimError MediaStore::upload(const QByteArray &contentType, const QByteArray &body,
    const QString &phoneNumberId, QString *id)
{
    QList<Part> parts;
    if (!parseMultipart(contentType, body, &parts))
        return SimError::make(
            100, QStringLiteral("The request must be multipart/form-data with a file part."));
    QByteArray product, type;
    const Part *file = nullptr;
    for (const Part &p : parts) {
        if (p.name == "messaging_product")
            product = p.data.trimmed();
        else if (p.name == "type")
            type = p.data.trimmed();
        else if (p.name == "file")
            file = &p;
    }
    if (product.isEmpty())
        return SimError::make(100, QStringLiteral("The parameter messaging_product is required."));
    if (product != "whatsapp")
        return SimError::make(100, QStringLiteral("Param messaging_product must be 'whatsapp'."));
    if (!file)
        return SimError::make(100, QStringLiteral("The parameter file is required."));
    if (type.isEmpty())
        type = file->contentType;
    if (type.isEmpty())
        return SimError::make(100, QStringLiteral("The parameter type is required."));
    const QString mime = QString::fromLatin1(type);
    const qint64 max = maxSizeFor(mime);
    if (max < 0)
        return SimError::make(131053,
            QStringLiteral("Param file must be a file with one of the following types: audio/aac, "
                           "audio/amr, audio/mp4, audio/mpeg, audio/ogg, text/plain, "
                           "application/pdf, application/msword, application/vnd.ms-excel, "
                           "application/vnd.ms-powerpoint, OOXML documents, image/jpeg, image/png, "
                           "image/webp, video/3gpp, video/mp4. Received file of type '%1'.")
                .arg(mime));
    if (file->data.isEmpty())
        return SimError::make(131053, QStringLiteral("The uploaded file is empty."));
    if (file->data.size() > max)
        return SimError::make(131053,
            QStringLiteral("The file is larger than the %1 bytes allowed for %2.")
                .arg(max)
                .arg(mime));
    *id = add(phoneNumberId, mime.section(u';', 0, 0).trimmed(), file->data,
        QString::fromUtf8(file->filename));
    return {};
}

QString MediaStore::add(const QString &phoneNumberId, const QString &mimeType,
    const QByteArray &data, const QString &filename)
{
    SimMedia m;
    m.id = QString::number(m_nextId++);
    m.phoneNumberId = phoneNumberId;
    m.mimeType = mimeType;
    m.filename = filename;
    m.data = data;
    m.sha256
        = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    m_media.insert(m.id, m);
    return m.id;
}

const SimMedia *MediaStore::find(const QString &id) const
{
    auto it = m_media.constFind(id);
    return it == m_media.constEnd() ? nullptr : &it.value();
}

bool MediaStore::remove(const QString &id)
{
    return m_media.remove(id) > 0;
}

QString MediaStore::issueToken(const QString &id, qint64 expiresAtMs)
{
    const QString token = QString::fromLatin1(QCryptographicHash::hash(
        QByteArray(id.toUtf8() + QByteArray::number(m_nextToken++)), QCryptographicHash::Sha1)
                                                  .toHex()
                                                  .left(24));
    m_tokens.insert(token, {id, expiresAtMs});
    return token;
}

const SimMedia *MediaStore::resolveToken(const QString &token, qint64 nowMs) const
{
    auto it = m_tokens.constFind(token);
    if (it == m_tokens.constEnd() || nowMs >= it->expiresAtMs)
        return nullptr;
    return find(it->mediaId);
}

void MediaStore::clear()
{
    m_media.clear();
    m_tokens.clear();
}

} // namespace parley::sim
