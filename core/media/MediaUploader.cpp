#include "media/MediaUploader.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "graph/GraphApi.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QVariant>

namespace parley::core {

MediaUploader::MediaUploader(QSqlDatabase db, GraphApi *graph, Clock *clock, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_graph(graph), m_clock(clock)
{
}

QString MediaUploader::sha256OfFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = f.errorString();
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f)) {
        if (error)
            *error = QStringLiteral("read error");
        return {};
    }
    return QString::fromLatin1(hash.result().toHex());
}

void MediaUploader::upload(const QString &phoneNumberId, const QString &path, const QString &kind,
    std::function<void(const Result &)> done)
{
    Result r;
    r.check = MediaPolicy::checkFile(path, kind);
    if (!r.check.ok()) {
        r.error = GraphError::local(
            LocalError::Validation, QStringLiteral("Media refused"), r.check.error);
        done(r);
        return;
    }
    QString error;
    r.sha256 = sha256OfFile(path, &error);
    if (r.sha256.isEmpty()) {
        r.error
            = GraphError::local(LocalError::Validation, QStringLiteral("Cannot read file"), error);
        done(r);
        return;
    }
    const qint64 now = m_clock->nowMs();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT media_id FROM media_uploads WHERE sha256 = ? AND "
                             "phone_number_id = ? AND mime_type = ? AND expires_at > ?"));
    q.addBindValue(r.sha256);
    q.addBindValue(phoneNumberId);
    q.addBindValue(r.check.mimeType);
    q.addBindValue(now + kReuseMarginMs);
    if (q.exec() && q.next()) {
        r.mediaId = q.value(0).toString();
        r.reused = true;
        done(r);
        return;
    }
    GraphUpload up;
    up.filePath = path;
    up.mimeType = r.check.mimeType;
    up.fileName = QFileInfo(path).fileName();
    up.fields = {{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
        {QStringLiteral("type"), r.check.mimeType}};
    m_graph->upload(phoneNumberId + QStringLiteral("/media"), up, this,
        [this, r, phoneNumberId, done = std::move(done)](const GraphResult &g) mutable {
            if (!g.ok()) {
                r.error = g.error;
                qCWarning(lcMedia).noquote() << "upload failed" << g.error.logSummary();
                done(r);
                return;
            }
            r.mediaId = g.body.value(QLatin1String("id")).toString();
            if (r.mediaId.isEmpty()) {
                r.error = GraphError::local(
                    LocalError::Validation, QStringLiteral("Upload answered without an id"));
                done(r);
                return;
            }
            const qint64 at = m_clock->nowMs();
            QSqlQuery ins(m_db);
            ins.prepare(QStringLiteral(
                "INSERT OR REPLACE INTO media_uploads (sha256, phone_number_id, mime_type, size, "
                "media_id, uploaded_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
            ins.addBindValue(r.sha256);
            ins.addBindValue(phoneNumberId);
            ins.addBindValue(r.check.mimeType);
            ins.addBindValue(r.check.size);
            ins.addBindValue(r.mediaId);
            ins.addBindValue(at);
            ins.addBindValue(at + kLifetimeMs);
            ins.exec();
            qCInfo(lcMedia).noquote()
                << "uploaded" << r.check.kind << r.check.size << "bytes as" << r.mediaId;
            done(r);
        });
}

} // namespace parley::core
