#pragma once

#include "composer/CannedReplies.h"
#include "graph/GraphClient.h"

#include <QObject>
#include <QThread>

namespace parley::core {
class Clock;
class SecretStore;
} // namespace parley::core

namespace parley::ui {

class ComposerWorker;

// The composer's work off the UI thread, on its own thread with its own store connection: canned
// replies (list, save, delete) and media uploads (MediaUploader: MIME and size checked again,
// content-addressed cache, multipart POST /<PHONE_NUMBER_ID>/media). Every request returns an id
// at once; its answer comes back as a signal on the UI thread.
class ComposerBackend : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString databasePath;
        core::GraphConfig graph;
        core::SecretStore *secrets = nullptr; // not owned; nullptr: uploads are refused
        core::Clock *clock = nullptr;
    };

    explicit ComposerBackend(Options options, QObject *parent = nullptr);
    ~ComposerBackend() override;

    quint64 listCanned();
    // Saves (id 0: adds) and then lists again (cannedListed follows cannedSaved).
    quint64 saveCanned(const CannedReply &reply);
    quint64 removeCanned(qint64 id);
    // kind: image | video | audio | document | sticker, or empty to pick from the MIME type.
    quint64 upload(const QString &phoneNumberId, const QString &path, const QString &kind = {});

    const QList<CannedReply> &cannedReplies() const { return m_canned; }

Q_SIGNALS:
    void cannedListed(const QList<parley::ui::CannedReply> &replies);
    // error empty: saved (or removed) as row `id`.
    void cannedSaved(quint64 request, qint64 id, const QString &error);
    // mediaId empty: refused or failed with `error` (nothing was queued).
    void uploaded(quint64 request, const QString &mediaId, const QString &kind,
        const QString &mimeType, const QString &error);

private:
    template <typename F>
    quint64 post(F &&work);

    Options m_options;
    QThread m_thread;
    ComposerWorker *m_worker = nullptr; // lives on m_thread
    quint64 m_nextRequest = 1;
    QList<CannedReply> m_canned;
};

} // namespace parley::ui
