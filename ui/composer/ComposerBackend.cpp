#include "composer/ComposerBackend.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "media/MediaUploader.h"
#include "store/Database.h"

#include <QMetaObject>

namespace parley::ui {

// Lives on the backend's thread: its store connection, Graph client and uploader are created
// there on first use and destroyed there.
class ComposerWorker : public QObject
{
public:
    ComposerWorker(ComposerBackend::Options options) : m_options(std::move(options))
    {
        m_connection = QStringLiteral("parley-composer-%1").arg(quintptr(this), 0, 16);
    }

    QSqlDatabase *db(QString *error)
    {
        if (!m_db.isValid())
            m_db = core::Database::open(m_options.databasePath, m_connection, error);
        return m_db.isValid() ? &m_db : nullptr;
    }

    core::MediaUploader *uploader(QString *error)
    {
        if (m_uploader)
            return m_uploader;
        if (!m_options.secrets) {
            *error = QCoreApplication::translate("parley::ui::ComposerBackend",
                "Sending is not configured: add an access token in Settings.");
            return nullptr;
        }
        QSqlDatabase *store = db(error);
        if (!store)
            return nullptr;
        m_graph = new core::GraphClient(m_options.graph, m_options.secrets, this);
        m_uploader = new core::MediaUploader(*store, m_graph, clock(), this);
        return m_uploader;
    }

    core::Clock *clock() const { return m_options.clock ? m_options.clock : core::Clock::system(); }

    void close()
    {
        delete m_uploader;
        m_uploader = nullptr;
        delete m_graph;
        m_graph = nullptr;
        if (m_db.isValid()) {
            m_db = QSqlDatabase();
            core::Database::close(m_connection);
        }
    }

private:
    ComposerBackend::Options m_options;
    QString m_connection;
    QSqlDatabase m_db;
    core::GraphClient *m_graph = nullptr;
    core::MediaUploader *m_uploader = nullptr;
};

ComposerBackend::ComposerBackend(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    static const bool registered = [] {
        qRegisterMetaType<CannedReply>();
        qRegisterMetaType<QList<CannedReply>>();
        return true;
    }();
    Q_UNUSED(registered);
    m_thread.setObjectName(QStringLiteral("composer"));
    m_worker = new ComposerWorker(m_options);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

ComposerBackend::~ComposerBackend()
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

template <typename F>
quint64 ComposerBackend::post(F &&work)
{
    const quint64 id = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_worker, [id, work = std::forward<F>(work)] { work(id); }, Qt::QueuedConnection);
    return id;
}

quint64 ComposerBackend::listCanned()
{
    return post([this](quint64) {
        QString error;
        QList<CannedReply> replies;
        if (QSqlDatabase *db = m_worker->db(&error))
            replies = CannedReplies::list(*db, &error);
        if (!error.isEmpty())
            qCWarning(core::lcStore) << "canned replies could not be read:" << error;
        QMetaObject::invokeMethod(
            this,
            [this, replies] {
                m_canned = replies;
                Q_EMIT cannedListed(replies);
            },
            Qt::QueuedConnection);
    });
}

quint64 ComposerBackend::saveCanned(const CannedReply &reply)
{
    const quint64 request = post([this, reply](quint64 id) {
        QString error;
        qint64 row = 0;
        if (QSqlDatabase *db = m_worker->db(&error))
            row = CannedReplies::save(*db, reply, m_worker->clock()->nowMs(), &error);
        QMetaObject::invokeMethod(
            this, [this, id, row, error] { Q_EMIT cannedSaved(id, row, error); },
            Qt::QueuedConnection);
    });
    listCanned();
    return request;
}

quint64 ComposerBackend::removeCanned(qint64 rowId)
{
    const quint64 request = post([this, rowId](quint64 id) {
        QString error;
        if (QSqlDatabase *db = m_worker->db(&error))
            CannedReplies::remove(*db, rowId, &error);
        QMetaObject::invokeMethod(
            this, [this, id, rowId, error] { Q_EMIT cannedSaved(id, rowId, error); },
            Qt::QueuedConnection);
    });
    listCanned();
    return request;
}

quint64 ComposerBackend::upload(
    const QString &phoneNumberId, const QString &path, const QString &kind)
{
    return post([this, phoneNumberId, path, kind](quint64 id) {
        auto answer = [this, id](const QString &mediaId, const QString &k, const QString &mime,
                          const QString &error) {
            QMetaObject::invokeMethod(
                this, [=, this] { Q_EMIT uploaded(id, mediaId, k, mime, error); },
                Qt::QueuedConnection);
        };
        QString error;
        core::MediaUploader *uploader = m_worker->uploader(&error);
        if (!uploader) {
            answer({}, kind, {}, error);
            return;
        }
        uploader->upload(phoneNumberId, path, kind, [answer](const core::MediaUploader::Result &r) {
            QString e;
            if (!r.ok()) {
                e = r.error.details.isEmpty()
                    ? r.error.title
                    : r.error.title + QStringLiteral(": ") + r.error.details;
                if (r.error.code > 0)
                    e = QStringLiteral("(#%1) %2").arg(r.error.code).arg(e);
            }
            answer(r.mediaId, r.check.kind, r.check.mimeType, e);
        });
    });
}

} // namespace parley::ui
