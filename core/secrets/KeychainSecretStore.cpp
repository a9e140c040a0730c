#include "secrets/KeychainSecretStore.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>

namespace parley::core {

namespace {

// qtkeychain jobs are asynchronous and need an event loop on the calling thread; SecretStore is
// blocking, so each call runs its job in a local loop. Callers keep these off the UI thread.
bool runJob(QKeychain::Job *job, QString *error)
{
    QEventLoop loop;
    QObject::connect(job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job->start();
    loop.exec();
    if (job->error() != QKeychain::NoError) {
        if (error)
            *error = job->errorString();
        return false;
    }
    return true;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service) : m_service(std::move(service)) { }

std::optional<QString> KeychainSecretStore::read(const QString &key, QString *error)
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setKey(key);
    QString message;
    if (!runJob(&job, &message)) {
        // A missing entry is not an error: the secret simply is not set.
        if (job.error() == QKeychain::EntryNotFound)
            return std::nullopt;
        if (error)
            *error = message;
        return std::nullopt;
    }
    return job.textData();
}

bool KeychainSecretStore::write(const QString &key, const QString &value, QString *error)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setKey(key);
    job.setTextData(value);
    return runJob(&job, error);
}

bool KeychainSecretStore::remove(const QString &key, QString *error)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setKey(key);
    QString message;
    if (!runJob(&job, &message)) {
        if (job.error() == QKeychain::EntryNotFound)
            return true;
        if (error)
            *error = message;
        return false;
    }
    return true;
}

} // namespace parley::core
