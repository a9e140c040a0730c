#pragma once

#include "ConsoleTypes.h"
#include "graph/GraphClient.h"

#include <QJsonObject>
#include <QObject>
#include <QTemporaryDir>

#include <memory>

namespace parley::core {
class Clock;
class Journal;
class IngestPipeline;
class MediaAutoFetch;
class Outbox;
class SecretStore;
class WebhookReceiver;
struct OutboxEntry;
} // namespace parley::core

namespace parley::sim {
class Simulator;
}

namespace parley::ui {

class ConsoleStore;

// Everything the console runs besides its widgets: the store door (ConsoleStore), the outbox
// with its scheduler, and for `parley --demo` the simulated Meta, the webhook receiver, the
// journal and the ingest pipeline, all in-process on loopback with a temporary store. Ingest and
// outbox changes reach the models as ConsoleStore::changed; nothing polls.
class ConsoleSession : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString databasePath; // ignored in demo mode (a temporary store is used)
        bool demo = false;
        bool demoScenario = true; // demo customers write in on their own
        core::GraphConfig graph;
        QString phoneNumberId;
        QString wabaId;
        core::SecretStore *secrets = nullptr; // not owned; demo mode brings its own
        core::Clock *clock = nullptr;
        // The simulated Meta's clock in demo mode (tests drive statuses with a ManualClock);
        // nullptr: the same clock as everything else.
        core::Clock *simulatorClock = nullptr;
    };

    explicit ConsoleSession(Options options, QObject *parent = nullptr);
    ~ConsoleSession() override;

    bool start(QString *error);

    ConsoleStore *store() const { return m_store.get(); }
    core::Outbox *outbox() const { return m_outbox.get(); }
    sim::Simulator *simulator() const { return m_simulator.get(); }
    QString databasePath() const { return m_databasePath; }
    QString phoneNumberId() const { return m_options.phoneNumberId; }
    bool isDemo() const { return m_options.demo; }
    core::Clock *clock() const { return m_clock; }
    core::SecretStore *secrets() const { return m_options.secrets; }
    // Where the Graph API is (Meta or, in demo mode, the simulator) and the business account.
    const core::GraphConfig &graphConfig() const { return m_options.graph; }
    // Inbound media fetched in the demo (and by `parleyctl serve` for a real store) is here;
    // MediaFetcher::cachedPath(db, mediaCacheDir(), mediaId) gives one file's path.
    QString mediaCacheDir() const;
    QString wabaId() const { return m_options.wabaId; }

    // Sends through the outbox to the conversation's contact. Returns the idempotency key, or an
    // empty string with *error when the message cannot be built.
    QString sendText(const ConversationRow &conversation, const QString &text,
        const QString &replyToMessageId = QString(), QString *error = nullptr);
    QString sendTemplate(const ConversationRow &conversation, const QJsonObject &templateObject,
        QString *error = nullptr);
    // Any message object MessageBuilder made (media, location, contacts, interactive, reaction),
    // validated again and sent as a quoted reply when replyToMessageId is set.
    QString sendMessage(const ConversationRow &conversation, const QJsonObject &message,
        const QString &replyToMessageId = QString(), QString *error = nullptr);
    void retry(qint64 outboxId);
    // Tells Meta the customer's message was read (blue ticks on their phone), optionally with the
    // typing indicator while the agent writes. Not queued: a lost receipt is not worth a retry.
    void sendReadReceipt(
        const ConversationRow &conversation, const QString &messageId, bool typing);

Q_SIGNALS:
    void outboxEntryChanged(const parley::core::OutboxEntry &entry);
    void sendFailed(const QString &reason);
    // The local template store was refreshed from Meta (count), or could not be (-1).
    void templatesSynced(int templates);
    // Demo: an inbound media file is in the cache (path absolute).
    void mediaFetched(const QString &mediaId, const QString &path);

private:
    bool startDemo(QString *error);
    void seedDemoHistory();
    void syncTemplates();
    QString enqueue(
        const ConversationRow &conversation, const QJsonObject &message, QString *error);

    Options m_options;
    core::Clock *m_clock;
    QString m_databasePath;
    std::unique_ptr<QTemporaryDir> m_demoDir;
    std::unique_ptr<core::SecretStore> m_demoSecrets;
    std::unique_ptr<sim::Simulator> m_simulator;
    std::unique_ptr<core::Journal> m_journal;
    std::unique_ptr<core::WebhookReceiver> m_receiver;
    std::unique_ptr<core::IngestPipeline> m_pipeline;
    std::unique_ptr<ConsoleStore> m_store;
    std::unique_ptr<core::Outbox> m_outbox;
    std::unique_ptr<core::GraphClient> m_graph;
    std::unique_ptr<core::MediaAutoFetch> m_media;
};

} // namespace parley::ui
