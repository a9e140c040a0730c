#pragma once

// The console in demo mode (simulator on a ManualClock, real HTTP on loopback, a real store in
// a temporary directory) with its main window, for the admin screens' tests.
#include "ConsoleSession.h"
#include "MainWindow.h"
#include "common/Clock.h"
#include "sim/Simulator.h"

#include <QDateTime>
#include <QDir>
#include <QSignalSpy>
#include <QWidget>
#include <QtTest>

#include <memory>

namespace parley::test {

class AdminFixture
{
public:
    // False (with a QTest failure) when the demo does not start.
    bool start()
    {
        m_simClock = std::make_unique<core::ManualClock>(QDateTime::currentMSecsSinceEpoch());
        ui::ConsoleSession::Options o;
        o.demo = true;
        o.demoScenario = false;
        o.simulatorClock = m_simClock.get();
        m_session = std::make_unique<ui::ConsoleSession>(o);
        QSignalSpy synced(m_session.get(), &ui::ConsoleSession::templatesSynced);
        QString error;
        if (!m_session->start(&error)) {
            qWarning("demo did not start: %s", qPrintable(error));
            return false;
        }
        if (!synced.wait(10000) || synced.first().at(0).toInt() <= 0)
            return false;
        m_window = std::make_unique<ui::MainWindow>(m_session.get());
        m_window->resize(1180, 720);
        m_window->show();
        return QTest::qWaitForWindowExposed(m_window.get());
    }

    void stop()
    {
        m_window.reset();
        m_session.reset();
        m_simClock.reset();
    }

    // Lets the simulated Meta's time pass (webhook deliveries, template decisions) in steps.
    void advance(qint64 ms)
    {
        for (qint64 done = 0; done < ms; done += 250) {
            m_simClock->advanceMs(250);
            sim()->runDueEvents();
            QCoreApplication::processEvents();
        }
    }

    // Saves a screenshot of a widget for the docs when PARLEY_SCREENSHOTS_DIR is set.
    static bool screenshot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("PARLEY_SCREENSHOTS_DIR");
        if (dir.isEmpty())
            return true;
        QDir().mkpath(dir);
        return widget->grab().save(QDir(dir).filePath(name));
    }

    ui::ConsoleSession *session() const { return m_session.get(); }
    ui::MainWindow *window() const { return m_window.get(); }
    sim::Simulator *sim() const { return m_session->simulator(); }
    core::ManualClock *simClock() const { return m_simClock.get(); }

private:
    std::unique_ptr<core::ManualClock> m_simClock;
    std::unique_ptr<ui::ConsoleSession> m_session;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace parley::test
