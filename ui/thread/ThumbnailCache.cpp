#include "thread/ThumbnailCache.h"

#include <QImage>
#include <QImageReader>
#include <QMetaObject>

namespace parley::ui {

namespace {
constexpr int CacheKilobytes = 48 * 1024; // about 200 thumbnails of 240×240
} // namespace

ThumbnailCache::Key ThumbnailCache::keyOf(const QString &mediaId, QSize size)
{
    return mediaId + QStringLiteral("@%1x%2").arg(size.width()).arg(size.height());
}

ThumbnailCache::ThumbnailCache(QObject *parent) : QObject(parent)
{
    // Decoding is I/O and CPU: two at a time is plenty on any desktop and keeps the UI thread free.
    m_pool.setMaxThreadCount(2);
    m_pixmaps.setMaxCost(CacheKilobytes);
}

ThumbnailCache::~ThumbnailCache()
{
    m_pool.clear();
    m_pool.waitForDone();
}

QSize ThumbnailCache::fitted(QSize source, QSize bound)
{
    if (source.isEmpty() || bound.isEmpty())
        return {};
    QSize s = source;
    if (s.width() > bound.width() || s.height() > bound.height())
        s = source.scaled(bound, Qt::KeepAspectRatio);
    s.setWidth(qMax(s.width(), qMin(48, bound.width())));
    s.setHeight(qMax(s.height(), qMin(48, bound.height())));
    return s;
}

bool ThumbnailCache::contains(const QString &mediaId, QSize size) const
{
    return m_pixmaps.contains(keyOf(mediaId, size));
}

bool ThumbnailCache::failed(const QString &mediaId, QSize size) const
{
    return m_failed.contains(keyOf(mediaId, size));
}

QPixmap ThumbnailCache::thumbnail(const QString &mediaId, const QString &path, QSize size)
{
    const Key key = keyOf(mediaId, size);
    if (const QPixmap *p = m_pixmaps.object(key))
        return *p;
    if (path.isEmpty() || size.isEmpty() || m_pending.contains(key) || m_failed.contains(key))
        return {};
    m_pending.insert(key, true);
    m_pool.start([this, key, mediaId, path, size] {
        QImageReader reader(path);
        reader.setAutoTransform(true);
        // JPEG decodes straight to the smaller size; other formats are scaled after.
        const QSize source = reader.size();
        if (source.isValid())
            reader.setScaledSize(source.scaled(size, Qt::KeepAspectRatioByExpanding));
        QImage image = reader.read();
        if (!image.isNull() && image.size() != size)
            image = image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        QMetaObject::invokeMethod(
            this, [this, key, mediaId, image] { onDecoded(key, mediaId, image); },
            Qt::QueuedConnection);
    });
    return {};
}

void ThumbnailCache::onDecoded(const Key &key, const QString &mediaId, const QImage &image)
{
    m_pending.remove(key);
    if (image.isNull()) {
        m_failed.insert(key, true);
    } else {
        auto *pixmap = new QPixmap(QPixmap::fromImage(image));
        m_pixmaps.insert(key, pixmap, qMax(1, int(image.sizeInBytes() / 1024)));
        ++m_decoded;
    }
    Q_EMIT ready(mediaId);
}

} // namespace parley::ui
