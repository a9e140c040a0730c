#pragma once

#include "privacy/PrivacySettings.h"
#include "secrets/PassphraseHash.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>

class QWidget;

namespace parley::core {
class Clock;
}

namespace parley::ui {

// The admin passphrase that keeps agent seats out of settings and the admin screens. The salted
// PBKDF2 hash (core::PassphraseHash) and the privacy settings live in the store's settings table;
// everything that touches the store or derives a key runs on a private one-thread pool with its
// own connection, and answers by queued signal. With no passphrase set nothing is locked. A right
// passphrase unlocks the session for unlockDurationMs (5 minutes); wrong ones are throttled:
// after three in a row each further try waits 2, 4, 8 ... (at most 60) seconds.
class AdminLock : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultUnlockMs = 5 * 60 * 1000;
    static constexpr int FreeAttempts = 3;
    static constexpr qint64 MaxBackoffMs = 60'000;
    static constexpr int MinPassphraseLength = 8;

    // databasePath empty: nothing stored (no passphrase, default privacy).
    AdminLock(const QString &databasePath, core::Clock *clock, QObject *parent = nullptr);
    ~AdminLock() override;

    // The first read of the store (started by the constructor) is in.
    void waitLoaded();
    bool hasPassphrase();
    // No passphrase, or unlocked less than unlockDurationMs ago.
    bool isUnlocked();
    void lock();
    void setUnlockDurationMs(qint64 ms) { m_unlockMs = ms; }
    // Iterations of new hashes (tests may lower it to keep the suite fast; the product uses
    // core::PassphraseHash::DefaultIterations).
    void setIterations(int iterations) { m_iterations = iterations; }
    // Milliseconds before another try is allowed (0: now).
    qint64 retryInMs() const;
    int failures() const { return m_failures; }
    bool isBusy() const { return m_busy; }

    // Checks off the UI thread; answers with unlockFinished.
    void tryUnlock(const QString &passphrase);
    // Sets or changes the passphrase (hashed off the UI thread); answers with passphraseSaved.
    // Too short: refused at once (queued answer) and nothing changes.
    void setPassphrase(const QString &passphrase);
    void removePassphrase();

    core::PrivacySettings privacy();
    // Saved off the UI thread; privacyChanged when stored.
    void setPrivacy(const core::PrivacySettings &settings);

    // Asks for the passphrase (a modal AdminUnlockDialog) when one is set and the session is
    // locked. true: the caller may open `what`.
    bool ensureUnlocked(QWidget *parent, const QString &what);

Q_SIGNALS:
    // The first read of the store is in (queued after the constructor).
    void loaded();
    void unlockFinished(bool ok, const QString &message);
    void passphraseSaved(bool ok, const QString &message);
    void privacyChanged(const parley::core::PrivacySettings &settings);
    void privacySaveFailed(const QString &message);

private:
    template <typename Fn>
    bool onStore(Fn fn, QString *error);

    QString m_databasePath;
    core::Clock *m_clock;
    QThreadPool m_pool;
    QFuture<void> m_load;
    core::PassphraseHash m_hash;
    core::PrivacySettings m_privacy;
    QString m_loadError;
    bool m_loadReported = false;
    qint64 m_unlockedUntilMs = 0;
    qint64 m_unlockMs = DefaultUnlockMs;
    int m_iterations = core::PassphraseHash::DefaultIterations;
    int m_failures = 0;
    qint64 m_retryAtMs = 0;
    bool m_busy = false;
};

} // namespace parley::ui
