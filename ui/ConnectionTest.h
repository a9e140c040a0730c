#pragma once

#include "graph/GraphClient.h"

#include <QObject>

#include <memory>

namespace parley::core {
class MemorySecretStore;
}

namespace parley::ui {

// "Test connection": GET /{version}/{phone-number-id} with the token as typed (not yet saved),
// asynchronously (the UI thread only waits for the answer's signal). The answer is the number's
// verified name, display number and quality rating, or Meta's error with what to do about it.
class ConnectionTest : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        bool ok = false;
        QString verifiedName;
        QString displayNumber;
        QString qualityRating;
        core::GraphError error;
        QString summary; // one line for the user
    };

    explicit ConnectionTest(QObject *parent = nullptr);
    ~ConnectionTest() override;

    // A second start() while one is running replaces it (its answer is dropped).
    void start(
        const core::GraphConfig &config, const QString &accessToken, const QString &phoneNumberId);
    bool isRunning() const { return m_running; }
    const Result &lastResult() const { return m_last; }

    static QString describe(const core::GraphError &error);

Q_SIGNALS:
    void finished(const parley::ui::ConnectionTest::Result &result);

private:
    std::unique_ptr<core::MemorySecretStore> m_secrets;
    std::unique_ptr<core::GraphClient> m_client;
    QObject *m_context = nullptr; // answers of a replaced request are dropped with it
    bool m_running = false;
    Result m_last;
};

} // namespace parley::ui
