#pragma once

#include <QCache>
#include <QHash>
#include <QObject>
#include <QPixmap>
#include <QSize>
#include <QThreadPool>

namespace parley::ui {

// Thumbnails of media files, decoded and scaled off the UI thread and kept by (media id, size).
// thumbnail() answers at once: the pixmap when it is decoded, else a null pixmap while a decode
// runs on the pool (ready() follows) or when the file cannot be decoded (failed() is true).
class ThumbnailCache : public QObject
{
    Q_OBJECT
public:
    explicit ThumbnailCache(QObject *parent = nullptr);
    ~ThumbnailCache() override;

    QPixmap thumbnail(const QString &mediaId, const QString &path, QSize size);
    bool contains(const QString &mediaId, QSize size) const;
    bool failed(const QString &mediaId, QSize size) const;
    int pending() const { return int(m_pending.size()); }
    int decoded() const { return m_decoded; }
    // Waits for the decodes in flight (tests, shutdown); their answers still arrive queued.
    void waitForDone() { m_pool.waitForDone(); }

    // The size a picture of `source` pixels is shown at inside `bound` (aspect kept, never
    // enlarged, at least 48 px on its short side when the bound allows).
    static QSize fitted(QSize source, QSize bound);

Q_SIGNALS:
    void ready(const QString &mediaId);

private:
    // "<media id>@<width>x<height>"
    using Key = QString;
    static Key keyOf(const QString &mediaId, QSize size);
    void onDecoded(const Key &key, const QString &mediaId, const QImage &image);

    QThreadPool m_pool;
    QCache<Key, QPixmap> m_pixmaps;
    QHash<Key, bool> m_pending; // value unused
    QHash<Key, bool> m_failed;
    int m_decoded = 0;
};

} // namespace parley::ui
