#pragma once

#include "privacy/Retention.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

namespace parley::core {
class Clock;
}

namespace parley::ui {

// Applies the retention policy from the console: at start and then every hour it reads the
// privacy settings from the store and, when retention is on and the last purge is a day old or
// more, runs core::Retention::purge on a worker thread with its own connection (media cache:
// <store>.media). `purged` reports what went, so that the views re-read.
class RetentionRunner : public QObject
{
    Q_OBJECT
public:
    RetentionRunner(const QString &databasePath, core::Clock *clock, QObject *parent = nullptr);
    ~RetentionRunner() override;

    void start(int firstCheckMs = 30'000);
    // One check now (asynchronous); `checked` follows.
    void checkNow();

Q_SIGNALS:
    void purged(const parley::core::PrivacyCounts &counts);
    void checked(bool ran, const QString &error);

private:
    QString m_databasePath;
    core::Clock *m_clock;
    QThreadPool m_pool;
    QTimer m_timer;
    bool m_running = false;
};

} // namespace parley::ui
