#include "ThreadView.h"

#include "MessageDelegate.h"
#include "Style.h"
#include "ThreadModel.h"

#include <QScrollBar>
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
