#include "RetentionRunner.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "privacy/PrivacySettings.h"
#include "store/Database.h"

#include <QtConcurrent/QtConcurrentRun>

namespace parley::ui {

RetentionRunner::RetentionRunner(const QString &databasePath, core::Clock *clock, QObject *parent)
    : QObject(parent), m_databasePath(databasePath), m_clock(clock ? clock : core::Clock::system())
{
    m_pool.setMaxThreadCount(1);
    m_timer.setInterval(60 * 60 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &RetentionRunner::checkNow);
}

RetentionRunner::~RetentionRunner()
{
    m_pool.waitForDone();
}

void RetentionRunner::start(int firstCheckMs)
{
    m_timer.start();
    QTimer::singleShot(firstCheckMs, this, &RetentionRunner::checkNow);
}

void RetentionRunner::checkNow()
{
    if (m_running || m_databasePath.isEmpty())
        return;
    m_running = true;
    const qint64 nowSecs = m_clock->nowSecs();
    (void)QtConcurrent::run(&m_pool, [this, nowSecs] {
        const QString name = core::Database::threadConnectionName(QStringLiteral("retention"));
        QString error;
        bool ran = false;
        core::PrivacyCounts counts;
        {
            core::Database::Options open;
            open.attachJournal = true; // old webhook bodies are purged too
            QSqlDatabase db = core::Database::open(m_databasePath, name, &error, open);
            if (db.isValid()) {
                core::PrivacySettings p = core::PrivacySettings::load(db, &error);
                if (error.isEmpty() && p.retentionOn() && nowSecs - p.lastPurgeAtSecs >= 86'400) {
                    core::Retention::Options o;
                    o.nowSecs = nowSecs;
                    o.olderThanDays = p.retentionDays;
                    o.mediaDir = m_databasePath + QStringLiteral(".media");
                    ran = core::Retention::purge(db, o, &counts, &error);
                    if (ran) {
                        // Only the time of the purge: the admin may have changed the rest since.
                        core::PrivacySettings now = core::PrivacySettings::load(db, &error);
                        now.lastPurgeAtSecs = nowSecs;
                        now.save(db, &error);
                    }
                }
            }
        }
        core::Database::close(name);
        QMetaObject::invokeMethod(
            this,
            [this, ran, counts, error] {
                m_running = false;
                if (!error.isEmpty())
                    qCWarning(core::lcStore) << "retention:" << error;
                if (ran)
                    Q_EMIT purged(counts);
                Q_EMIT checked(ran, error);
            },
            Qt::QueuedConnection);
    });
}

} // namespace parley::ui
