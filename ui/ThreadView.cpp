#include "ThreadView.h"

#include "MessageDelegate.h"
#include "Style.h"
#include "ThreadModel.h"
#include "thread/ThumbnailCache.h"

#include <QApplication>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QPointer>
#include <QScrollBar>
#include <QThreadPool>
#include <QTimer>

namespace parley::ui {

namespace {
constexpr int FetchOlderThresholdPx = 200;
}

ThreadView::ThreadView(QWidget *parent) : QListView(parent), m_delegate(new MessageDelegate(this))
{
    setItemDelegate(m_delegate);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(false);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setMouseTracking(true);
    verticalScrollBar()->setSingleStep(24);
    setAccessibleName(tr("Messages"));
    QPalette pal = palette();
    pal.setColor(QPalette::Base, style::threadBackground(pal));
    setPalette(pal);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &ThreadView::onScrolled);
    // A thumbnail decoded: its box is already laid out, only paint it.
    connect(m_delegate->thumbnails(), &ThumbnailCache::ready, viewport(),
        [this] { viewport()->update(); });
    connect(m_delegate, &MessageDelegate::actionRequested, this, &ThreadView::onAction);
    m_openUrl = [](const QUrl &url) { return QDesktopServices::openUrl(url); };
    m_flash.setStartValue(1.0);
    m_flash.setEndValue(0.0);
    m_flash.setDuration(style::FlashMs);
    m_flash.setEasingCurve(QEasingCurve::InQuad);
    connect(&m_flash, &QVariantAnimation::valueChanged, viewport(), [this](const QVariant &v) {
        m_delegate->setFlash(m_flashRowid, v.toReal());
        viewport()->update();
    });
}

QUrl ThreadView::mapUrl(const MessageRow &row)
{
    const QString lat = QString::number(row.latitude, 'f', 6);
    const QString lon = QString::number(row.longitude, 'f', 6);
    return QUrl(QStringLiteral("https://www.openstreetmap.org/?mlat=%1&mlon=%2#map=17/%1/%2")
                    .arg(lat, lon));
}

void ThreadView::jumpToQuoted(const MessageRow &row)
{
    if (!m_model || !row.quotedRowid)
        return;
    m_model->jumpTo(row.quotedRowid, row.quotedTimestamp);
}

void ThreadView::onAction(const MessageRow &row, const QString &action)
{
    if (action == QLatin1String("quote"))
        jumpToQuoted(row);
    else if (action == QLatin1String("open") && !row.mediaPath.isEmpty())
        m_openUrl(QUrl::fromLocalFile(row.mediaPath));
    else if (action == QLatin1String("save") && !row.mediaPath.isEmpty())
        saveAs(row);
    else if (action == QLatin1String("map") && row.hasLocation)
        m_openUrl(mapUrl(row));
}

void ThreadView::saveAs(const MessageRow &row)
{
    QString name = QFileInfo(row.filename).fileName();
    if (name.isEmpty()) {
        const QMimeType mime = QMimeDatabase().mimeTypeForFile(row.mediaPath);
        const QString suffix = mime.preferredSuffix();
        name = row.type + QLatin1Char('-')
            + QDateTime::fromSecsSinceEpoch(row.timestamp)
                  .toString(QStringLiteral("yyyyMMdd-HHmmss"))
            + (suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix);
    }
    const QString target
        = QFileDialog::getSaveFileName(this, tr("Save as"), QDir::home().filePath(name));
    if (target.isEmpty())
        return;
    // Copying a large video is disk work: off the UI thread, the answer comes back queued.
    const QString source = row.mediaPath;
    QPointer<ThreadView> self(this);
    QThreadPool::globalInstance()->start([self, source, target] {
        if (QFile::exists(target))
            QFile::remove(target);
        const bool ok = QFile::copy(source, target);
        QMetaObject::invokeMethod(
            qApp,
            [self, ok, target] {
                if (self)
                    Q_EMIT self->notice(ok
                            ? tr("Saved %1").arg(QDir::toNativeSeparators(target))
                            : tr("Could not save %1").arg(QDir::toNativeSeparators(target)));
            },
            Qt::QueuedConnection);
    });
}

void ThreadView::setThreadModel(ThreadModel *model)
{
    m_model = model;
    setModel(model);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_stickToBottom = true;
        m_delegate->clearCache();
    });
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
        [this](const QModelIndex &, int first) {
            if (first == 0 && m_model->rowCount() > 0 && !m_stickToBottom)
                m_anchorFromBottom = verticalScrollBar()->maximum() - verticalScrollBar()->value();
            else if (m_stickToBottom || isAtBottom())
                m_stickToBottom = true;
        });
    connect(model, &ThreadModel::loaded, this, [this] {
        // Still at the top after a page (short pages): ask again once the layout settled.
        QTimer::singleShot(0, this, &ThreadView::maybeFetchOlder);
    });
}

bool ThreadView::isAtBottom() const
{
    return verticalScrollBar()->value() >= verticalScrollBar()->maximum() - 4;
}

void ThreadView::showRow(int row)
{
    if (!m_model || row < 0)
        return;
    m_stickToBottom = false;
    const QModelIndex idx = m_model->index(row);
    setCurrentIndex(idx);
    scrollTo(idx, QAbstractItemView::PositionAtCenter);
    if (const MessageRow *r = m_model->rowAt(row)) {
        m_flash.stop();
        m_flashRowid = r->rowid;
        m_delegate->setFlash(r->rowid, 1.0);
        m_flash.start();
    }
}

void ThreadView::resizeEvent(QResizeEvent *event)
{
    const bool bottom = m_stickToBottom;
    QListView::resizeEvent(event);
    if (bottom)
        scrollToBottom();
}

void ThreadView::updateGeometries()
{
    QListView::updateGeometries();
    if (m_anchorFromBottom >= 0) {
        verticalScrollBar()->setValue(verticalScrollBar()->maximum() - m_anchorFromBottom);
        m_anchorFromBottom = -1;
    } else if (m_stickToBottom) {
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    }
}

void ThreadView::onScrolled(int value)
{
    m_stickToBottom = value >= verticalScrollBar()->maximum() - 4;
    maybeFetchOlder();
}

void ThreadView::maybeFetchOlder()
{
    if (!m_model || m_model->rowCount() == 0)
        return;
    const bool nearTop = verticalScrollBar()->value() <= FetchOlderThresholdPx
        && verticalScrollBar()->maximum() > 0 && !m_stickToBottom;
    m_model->setNearTop(nearTop);
    if (nearTop && m_model->canFetchMore({}))
        m_model->fetchMore({});
}

} // namespace parley::ui
