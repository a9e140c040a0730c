#include "AdminLock.h"

#include "AdminUnlockDialog.h"
#include "common/Clock.h"
#include "common/Log.h"
#include "store/Database.h"

#include <QAtomicInteger>
#include <QtConcurrent/QtConcurrentRun>

namespace parley::ui {

namespace {
QAtomicInteger<int> s_connections;
}

// Runs fn with a connection of its own on the calling (pool) thread.
template <typename Fn>
bool AdminLock::onStore(Fn fn, QString *error)
{
    const QString name
        = QStringLiteral("parley-adminlock-%1").arg(s_connections.fetchAndAddRelaxed(1));
    bool opened = false;
    {
        QSqlDatabase db = core::Database::open(m_databasePath, name, error);
        opened = db.isValid();
        if (opened)
            fn(db);
    }
    core::Database::close(name);
    return opened;
}

AdminLock::AdminLock(const QString &databasePath, core::Clock *clock, QObject *parent)
    : QObject(parent), m_databasePath(databasePath), m_clock(clock ? clock : core::Clock::system())
{
    m_pool.setMaxThreadCount(1);
    if (m_databasePath.isEmpty())
        return;
    m_load = QtConcurrent::run(&m_pool, [this] {
        // Only this task writes these members, and waitLoaded() joins it before any read.
        QString error;
        onStore(
            [this, &error](QSqlDatabase &db) {
                m_hash = core::PassphraseHash::load(db, &error);
                if (error.isEmpty())
                    m_privacy = core::PrivacySettings::load(db, &error);
            },
            &error);
        m_loadError = error;
        QMetaObject::invokeMethod(this, &AdminLock::loaded, Qt::QueuedConnection);
    });
}

AdminLock::~AdminLock()
{
    m_pool.waitForDone();
}

void AdminLock::waitLoaded()
{
    m_load.waitForFinished();
    if (!m_loadError.isEmpty() && !m_loadReported) {
        m_loadReported = true;
        qCWarning(core::lcStore) << "admin lock: could not read the settings:" << m_loadError;
    }
}

bool AdminLock::hasPassphrase()
{
    waitLoaded();
    return m_hash.isSet();
}

bool AdminLock::isUnlocked()
{
    if (!hasPassphrase())
        return true;
    return m_clock->nowMs() < m_unlockedUntilMs;
}

void AdminLock::lock()
{
    m_unlockedUntilMs = 0;
}

qint64 AdminLock::retryInMs() const
{
    return qMax<qint64>(0, m_retryAtMs - m_clock->nowMs());
}

void AdminLock::tryUnlock(const QString &passphrase)
{
    waitLoaded();
    auto answer = [this](bool ok, const QString &message) {
        QMetaObject::invokeMethod(
            this, [this, ok, message] { Q_EMIT unlockFinished(ok, message); },
            Qt::QueuedConnection);
    };
    if (m_busy)
        return;
    if (!m_hash.isSet()) {
        answer(true, QString());
        return;
    }
    if (const qint64 wait = retryInMs(); wait > 0) {
        answer(false,
            tr("Too many wrong passphrases. Try again in %n second(s).", nullptr,
                int((wait + 999) / 1000)));
        return;
    }
    m_busy = true;
    const core::PassphraseHash hash = m_hash;
    (void)QtConcurrent::run(&m_pool, [this, hash, passphrase] {
        const bool ok = hash.verify(passphrase);
        QMetaObject::invokeMethod(
            this,
            [this, ok] {
                m_busy = false;
                if (ok) {
                    m_failures = 0;
                    m_retryAtMs = 0;
                    m_unlockedUntilMs = m_clock->nowMs() + m_unlockMs;
                    Q_EMIT unlockFinished(true, QString());
                    return;
                }
                ++m_failures;
                QString message = tr("Wrong passphrase.");
                if (m_failures >= FreeAttempts) {
                    const int shift = qMin(m_failures - FreeAttempts + 1, 6);
                    const qint64 wait = qMin<qint64>(MaxBackoffMs, 1000LL << shift);
                    m_retryAtMs = m_clock->nowMs() + wait;
                    message += QLatin1Char(' ')
                        + tr("Try again in %n second(s).", nullptr, int(wait / 1000));
                }
                qCWarning(core::lcStore) << "admin lock: wrong passphrase, attempt" << m_failures;
                Q_EMIT unlockFinished(false, message);
            },
            Qt::QueuedConnection);
    });
}

void AdminLock::setPassphrase(const QString &passphrase)
{
    waitLoaded();
    if (passphrase.size() < MinPassphraseLength) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                Q_EMIT passphraseSaved(false,
                    tr("The passphrase needs at least %n characters.", nullptr,
                        MinPassphraseLength));
            },
            Qt::QueuedConnection);
        return;
    }
    if (m_databasePath.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT passphraseSaved(false, tr("There is no store to keep it in.")); },
            Qt::QueuedConnection);
        return;
    }
    m_busy = true;
    const int iterations = m_iterations;
    (void)QtConcurrent::run(&m_pool, [this, passphrase, iterations] {
        const core::PassphraseHash hash = core::PassphraseHash::create(passphrase, iterations);
        QString error;
        bool ok = false;
        onStore([&](QSqlDatabase &db) { ok = hash.save(db, &error); }, &error);
        QMetaObject::invokeMethod(
            this,
            [this, hash, ok, error] {
                m_busy = false;
                if (ok) {
                    m_hash = hash;
                    // Whoever set it may go on working.
                    m_unlockedUntilMs = m_clock->nowMs() + m_unlockMs;
                }
                Q_EMIT passphraseSaved(ok, ok ? tr("Admin passphrase saved.") : error);
            },
            Qt::QueuedConnection);
    });
}

void AdminLock::removePassphrase()
{
    waitLoaded();
    if (m_databasePath.isEmpty())
        return;
    m_busy = true;
    (void)QtConcurrent::run(&m_pool, [this] {
        QString error;
        bool ok = false;
        onStore([&](QSqlDatabase &db) { ok = core::PassphraseHash::clear(db, &error); }, &error);
        QMetaObject::invokeMethod(
            this,
            [this, ok, error] {
                m_busy = false;
                if (ok)
                    m_hash = core::PassphraseHash{};
                Q_EMIT passphraseSaved(ok, ok ? tr("Admin passphrase removed.") : error);
            },
            Qt::QueuedConnection);
    });
}

core::PrivacySettings AdminLock::privacy()
{
    waitLoaded();
    return m_privacy;
}

void AdminLock::setPrivacy(const core::PrivacySettings &settings)
{
    waitLoaded();
    m_privacy = settings;
    if (m_databasePath.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this, settings] { Q_EMIT privacyChanged(settings); }, Qt::QueuedConnection);
        return;
    }
    (void)QtConcurrent::run(&m_pool, [this, settings] {
        QString error;
        bool ok = false;
        onStore([&](QSqlDatabase &db) { ok = settings.save(db, &error); }, &error);
        QMetaObject::invokeMethod(
            this,
            [this, settings, ok, error] {
                if (ok)
                    Q_EMIT privacyChanged(settings);
                else
                    Q_EMIT privacySaveFailed(error);
            },
            Qt::QueuedConnection);
    });
}

bool AdminLock::ensureUnlocked(QWidget *parent, const QString &what)
{
    if (isUnlocked())
        return true;
    AdminUnlockDialog dialog(this, what, parent);
    return dialog.exec() == QDialog::Accepted && isUnlocked();
}

} // namespace parley::ui
