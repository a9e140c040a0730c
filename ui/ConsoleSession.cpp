#include "ConsoleSession.h"

#include "ConsoleStore.h"
#include "common/Clock.h"
#include "common/Log.h"
#include "media/MediaAutoFetch.h"
#include "outbox/MessageBuilder.h"
#include "outbox/Outbox.h"
#include "outbox/PhoneNumber.h"
#include "secrets/SecretStore.h"
#include "sim/Simulator.h"
#include "store/Database.h"
#include "templates/TemplateStore.h"
#include "templates/TemplateSync.h"
#include "webhook/IngestPipeline.h"
#include "webhook/Journal.h"
#include "webhook/WebhookReceiver.h"

#include <QSqlQuery>

namespace parley::ui {

namespace {

const char *const DemoVerifyToken = "parley-demo-verify";

// The demo's customers: who writes in during the first minute and how they react to answers.
const char *const DemoScenario = R"({
  "customers": [
    {"name": "Maria Oliveira", "wa_id": "5511987650001", "locale": "pt_BR",
     "behaviour": {"react": "👍", "reply_delay_ms": 2500},
     "writes": [
       {"at_ms": 1500, "text": "Hi! I ordered a blue teapot last week, order *#4471*. Any news?"},
       {"at_ms": 4000, "text": "It was supposed to arrive on Monday 🙏"}
     ]},
    {"name": "James Carter", "wa_id": "15551230042",
     "behaviour": {"quote": "Thanks, that helps!", "reply_delay_ms": 3000},
     "writes": [
       {"at_ms": 3000, "text": "Hello, can I change the delivery address for my order?"},
       {"at_ms": 9000, "location": {"latitude": 40.7128, "longitude": -74.006, "name": "New office", "address": "1 Main St, New York"}}
     ]},
    {"name": "Sofía Hernández", "wa_id": "5215512340077", "locale": "es_MX",
     "behaviour": {"react": "❤️", "reply_delay_ms": 2000},
     "writes": [
       {"at_ms": 6000, "text": "¿Tienen la tetera en color _verde_?"}
     ]},
    {"name": "Priya Nair", "wa_id": "919812340011",
     "behaviour": {"reply_buttons": true, "answer_quick_replies": true},
     "writes": [
       {"at_ms": 12000, "text": "Is the ~old~ price still valid? I saw it in your ad."}
     ]},
    {"username": "ken.t", "user_id": "JP.48213377190265530012", "name": "Ken Tanaka",
     "writes": [
       {"at_ms": 20000, "text": "Do you ship to Japan?"}
     ]}
  ]
})";

} // namespace

ConsoleSession::ConsoleSession(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options)),
      m_clock(m_options.clock ? m_options.clock : core::Clock::system())
{
}

ConsoleSession::~ConsoleSession()
{
    // Producers first, so nothing reports into a store that is going away.
    m_media.reset();
    if (m_outbox)
        m_outbox->stop();
    m_outbox.reset();
    if (m_simulator)
        m_simulator->stop();
    if (m_pipeline)
        m_pipeline->stop();
    m_receiver.reset();
    if (m_journal)
        m_journal->stop();
    m_pipeline.reset();
    m_journal.reset();
    m_graph.reset();
    m_simulator.reset();
    m_store.reset();
}

bool ConsoleSession::start(QString *error)
{
    if (m_options.demo) {
        if (!startDemo(error))
            return false;
    } else {
        m_databasePath = m_options.databasePath;
    }
    m_store = std::make_unique<ConsoleStore>(m_databasePath, m_clock);
    if (!m_store->open(error))
        return false;
    if (m_options.demo)
        seedDemoHistory();

    if (m_options.secrets) {
        core::Outbox::Options o;
        o.databasePath = m_databasePath;
        o.phoneNumberId = m_options.phoneNumberId;
        o.graph = m_options.graph;
        o.clock = m_options.clock;
        m_outbox = std::make_unique<core::Outbox>(o, m_options.secrets);
        connect(m_outbox.get(), &core::Outbox::entryChanged, this,
            [this](const core::OutboxEntry &entry) {
                StoreChange change;
                change.everything = true; // the entry names a recipient, not a conversation
                m_store->notifyChanged(change);
                Q_EMIT outboxEntryChanged(entry);
            });
        connect(m_outbox.get(), &core::Outbox::startFailed, this,
            [](const QString &e) { qCWarning(core::lcOutbox) << "outbox did not start:" << e; });
        m_outbox->start();
        m_graph = std::make_unique<core::GraphClient>(m_options.graph, m_options.secrets);
        syncTemplates();
        if (m_pipeline) {
            // The demo ingests its own webhooks: inbound media is fetched as it arrives, as
            // `parleyctl serve` does, into mediaCacheDir().
            core::MediaAutoFetch::Options mo;
            mo.databasePath = m_databasePath;
            mo.graph = m_options.graph;
            mo.clock = m_options.clock;
            m_media = std::make_unique<core::MediaAutoFetch>(mo, m_options.secrets);
            connect(m_pipeline.get(), &core::IngestPipeline::ingested, m_media.get(),
                [m = m_media.get()](const core::IngestBatch &b) { m->addMessages(b.messageIds); });
            connect(
                m_media.get(), &core::MediaAutoFetch::fetched, this, &ConsoleSession::mediaFetched);
            m_media->start();
        }
    }
    return true;
}

bool ConsoleSession::startDemo(QString *error)
{
    m_demoDir = std::make_unique<QTemporaryDir>();
    if (!m_demoDir->isValid()) {
        if (error)
            *error = tr("cannot create a temporary directory for the demo store");
        return false;
    }
    m_databasePath = m_demoDir->filePath(QStringLiteral("parley-demo.db"));

    sim::SimConfig config;
    config.clock = m_options.simulatorClock ? m_options.simulatorClock : m_options.clock;
    config.latencyMinMs = 20;
    config.latencyMaxMs = 120;
    config.sentDelayMs = 300;
    config.deliveredDelayMs = 1200;
    config.readDelayMs = 3500;
    config.templateApprovalDelayMs = 15'000;
    m_simulator = std::make_unique<sim::Simulator>(config);
    if (!m_simulator->start(QStringLiteral("127.0.0.1:0"), error))
        return false;

    m_journal = std::make_unique<core::Journal>(m_databasePath, m_clock);
    if (!m_journal->start(error))
        return false;
    core::WebhookReceiver::Config rc;
    rc.appSecret = config.appSecret;
    rc.verifyToken = DemoVerifyToken;
    m_receiver = std::make_unique<core::WebhookReceiver>(m_journal.get(), rc);
    if (!m_receiver->listen(QStringLiteral("127.0.0.1:0"), error))
        return false;
    m_pipeline = std::make_unique<core::IngestPipeline>(m_databasePath, m_journal.get(), m_clock);
    connect(m_pipeline.get(), &core::IngestPipeline::ingested, this,
        [this](const core::IngestBatch &batch) {
            if (!m_store)
                return;
            StoreChange change;
            for (qint64 id : batch.conversationIds)
                change.conversationIds.insert(id);
            change.messageIds = batch.messageIds;
            change.statusMessageIds = batch.statusMessageIds;
            change.journalIds = batch.journalIds;
            for (auto it = batch.eventCounts.cbegin(); it != batch.eventCounts.cend(); ++it)
                change.templates
                    = change.templates || it.key().startsWith(QLatin1String("template_"));
            m_store->notifyChanged(change);
        });
    if (!m_pipeline->start(error))
        return false;
    m_simulator->setWebhookUrl(QUrl(
        QStringLiteral("http://127.0.0.1:%1/webhooks/whatsapp").arg(m_receiver->serverPort())));

    m_demoSecrets = std::make_unique<core::MemorySecretStore>();
    m_demoSecrets->write(QString::fromLatin1(core::SecretStore::AccessToken),
        QString::fromLatin1(sim::SimConfig::DefaultAccessToken));
    m_demoSecrets->write(QString::fromLatin1(core::SecretStore::AppSecret),
        QString::fromLatin1(sim::SimConfig::DefaultAppSecret));
    m_options.secrets = m_demoSecrets.get();
    m_options.graph.baseUrl = m_simulator->baseUrl();
    m_options.graph.version = QStringLiteral("v23.0");
    m_options.phoneNumberId = QString::fromLatin1(sim::SimConfig::DefaultPhoneNumberId);
    m_options.wabaId = QString::fromLatin1(sim::SimConfig::DefaultWabaId);
    if (m_options.demoScenario && !m_simulator->loadScenarioJson(QByteArray(DemoScenario), error))
        return false;
    qCInfo(core::lcSim) << "demo: simulator on" << m_simulator->baseUrl().toString()
                        << "webhooks on port" << m_receiver->serverPort();
    return true;
}

// One customer from two days ago whose window has closed, so the template path is visible.
void ConsoleSession::seedDemoHistory()
{
    const QString connection = QStringLiteral("parley-demo-seed");
    QString error;
    {
        QSqlDatabase db = core::Database::open(m_databasePath, connection, &error);
        if (db.isValid()) {
            const qint64 now = m_clock->nowSecs();
            const qint64 last = now - 2 * 86400;
            QSqlQuery q(db);
            q.exec(QStringLiteral("BEGIN"));
            q.prepare(QStringLiteral("INSERT INTO contacts(wa_id, profile_name, created_at, "
                                     "updated_at) VALUES (?, ?, ?, ?)"));
            q.addBindValue(QStringLiteral("447700900123"));
            q.addBindValue(QStringLiteral("Oliver Smith"));
            q.addBindValue(last * 1000);
            q.addBindValue(last * 1000);
            q.exec();
            const qint64 contact = q.lastInsertId().toLongLong();
            q.prepare(QStringLiteral("INSERT INTO conversations(phone_number_id, contact_id, "
                                     "last_inbound_at, window_expires_at, "
                                     "last_message_at, last_message_id, last_message_type, "
                                     "last_message_preview, last_direction, "
                                     "unread_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, "
                                     "?, 'text', ?, 'in', 0, ?, ?)"));
            q.addBindValue(m_options.phoneNumberId);
            q.addBindValue(contact);
            q.addBindValue(last);
            q.addBindValue(last + 86400);
            q.addBindValue(last);
            q.addBindValue(QStringLiteral("wamid.demo-history-2"));
            q.addBindValue(
                QStringLiteral("Perfect, thank you. I'll wait for the tracking number."));
            q.addBindValue(last * 1000);
            q.addBindValue(last * 1000);
            q.exec();
            const qint64 conversation = q.lastInsertId().toLongLong();
            const struct
            {
                const char *id;
                const char *direction;
                qint64 at;
                const char *text;
            } rows[] = {
                {"wamid.demo-history-0", "in", last - 600,
                    "Hello, is the *large* teapot back in stock?"},
                {"wamid.demo-history-1", "out", last - 300,
                    "Yes! It ships tomorrow. We'll send the tracking number."},
                {"wamid.demo-history-2", "in", last,
                    "Perfect, thank you. I'll wait for the tracking number."},
            };
            for (const auto &r : rows) {
                q.prepare(
                    QStringLiteral("INSERT INTO messages(id, conversation_id, direction, "
                                   "phone_number_id, type, timestamp, "
                                   "received_at, text) VALUES (?, ?, ?, ?, 'text', ?, ?, ?)"));
                q.addBindValue(QString::fromLatin1(r.id));
                q.addBindValue(conversation);
                q.addBindValue(QString::fromLatin1(r.direction));
                q.addBindValue(m_options.phoneNumberId);
                q.addBindValue(r.at);
                q.addBindValue(r.at * 1000);
                q.addBindValue(QString::fromUtf8(r.text));
                q.exec();
                if (QLatin1String(r.direction) == QLatin1String("out")) {
                    q.prepare(QStringLiteral("INSERT INTO message_status(message_id, status, rank, "
                                             "seen, timestamp) VALUES (?, 'read', 3, 14, ?)"));
                    q.addBindValue(QString::fromLatin1(r.id));
                    q.addBindValue(r.at + 60);
                    q.exec();
                }
            }
            q.exec(QStringLiteral("COMMIT"));
        }
    }
    core::Database::close(connection);
}

// Templates come from Meta (here: the simulator's seeded, approved ones) into the local store,
// where the template picker reads them.
void ConsoleSession::syncTemplates()
{
    if (m_options.wabaId.isEmpty() || !m_options.secrets)
        return;
    const QString connection
        = QStringLiteral("parley-console-templates-%1").arg(quintptr(this), 0, 16);
    QString error;
    QSqlDatabase db = core::Database::open(m_databasePath, connection, &error);
    if (!db.isValid())
        return;
    auto *store = new core::TemplateStore(db);
    auto *sync = new core::TemplateSync(m_graph.get(), store, m_options.wabaId, m_clock, this);
    sync->syncAll([this, sync, store, connection](const core::TemplateSyncResult &result) {
        if (!result.ok())
            qCWarning(core::lcTemplates) << "template sync failed:" << result.error.logSummary();
        else
            qCInfo(core::lcTemplates) << "templates synced:" << result.templates;
        sync->deleteLater();
        delete store;
        core::Database::close(connection);
        StoreChange change;
        change.everything = true;
        change.templates = true;
        m_store->notifyChanged(change);
        Q_EMIT templatesSynced(result.ok() ? result.templates : -1);
    });
}

QString ConsoleSession::enqueue(
    const ConversationRow &conversation, const QJsonObject &message, QString *error)
{
    if (!m_outbox) {
        if (error)
            *error = tr("Sending is not configured: add an access token in Settings.");
        return {};
    }
    core::OutgoingMessage m;
    m.phoneNumberId = conversation.phoneNumberId.isEmpty() ? m_options.phoneNumberId
                                                           : conversation.phoneNumberId;
    if (!conversation.waId.isEmpty())
        m.recipient.phone = QLatin1Char('+') + conversation.waId;
    else
        m.recipient.bsuid = conversation.userId;
    if (!m.recipient.isValid()) {
        if (error)
            *error = tr("This contact has neither a phone number nor a user id.");
        return {};
    }
    m.message = message;
    return m_outbox->enqueue(m);
}

QString ConsoleSession::sendText(const ConversationRow &conversation, const QString &text,
    const QString &replyToMessageId, QString *error)
{
    core::BuiltMessage built = core::MessageBuilder::text(text);
    if (!replyToMessageId.isEmpty() && built.ok())
        built = core::MessageBuilder::replyTo(built, replyToMessageId);
    if (!built.ok()) {
        if (error)
            *error = built.error;
        return {};
    }
    return enqueue(conversation, built.message, error);
}

QString ConsoleSession::sendTemplate(
    const ConversationRow &conversation, const QJsonObject &templateObject, QString *error)
{
    const core::BuiltMessage built = core::MessageBuilder::templateMessage(templateObject);
    if (!built.ok()) {
        if (error)
            *error = built.error;
        return {};
    }
    return enqueue(conversation, built.message, error);
}

QString ConsoleSession::sendMessage(const ConversationRow &conversation, const QJsonObject &message,
    const QString &replyToMessageId, QString *error)
{
    core::BuiltMessage built;
    built.message = message;
    built.error = core::MessageBuilder::validate(message);
    if (!replyToMessageId.isEmpty() && built.ok())
        built = core::MessageBuilder::replyTo(built, replyToMessageId);
    if (!built.ok()) {
        if (error)
            *error = built.error;
        return {};
    }
    return enqueue(conversation, built.message, error);
}

void ConsoleSession::sendReadReceipt(
    const ConversationRow &conversation, const QString &messageId, bool typing)
{
    if (!m_graph || messageId.isEmpty() || messageId.startsWith(QLatin1String("local:")))
        return;
    const QString number = conversation.phoneNumberId.isEmpty() ? m_options.phoneNumberId
                                                                : conversation.phoneNumberId;
    m_graph->request("POST", number + QStringLiteral("/messages"), {},
        core::MessageBuilder::markAsRead(messageId, typing), this,
        [](const core::GraphResult &result) {
            if (result.error.isError())
                qCInfo(core::lcGraph).noquote()
                    << "read receipt not sent:" << result.error.logSummary();
        });
}

QString ConsoleSession::mediaCacheDir() const
{
    return core::MediaFetcher::defaultCacheDir(m_databasePath);
}

void ConsoleSession::retry(qint64 outboxId)
{
    if (m_outbox)
        m_outbox->retry(outboxId);
}

} // namespace parley::ui
