#include "sim/Simulator.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "http/HttpServer.h"

namespace parley::sim {

class SimulatorPrivate
{
public:
    explicit SimulatorPrivate(const SimConfig &c) : config(c) { }
    SimConfig config;
    core::HttpServer *server = nullptr;
};

Simulator::Simulator(const SimConfig &config, QObject *parent)
    : QObject(parent), d(std::make_unique<SimulatorPrivate>(config))
{
    d->server = new core::HttpServer(this);
    d->server->setHandler([](const core::HttpRequest &, core::HttpResponder responder) {
        responder.respond(core::HttpResponse::json(404, "{}"));
    });
}

Simulator::~Simulator() = default;

bool Simulator::start(const QString &listen, QString *error)
{
    return d->server->listen(listen, error);
}

void Simulator::stop()
{
    d->server->close();
}
quint16 Simulator::port() const
{
    return d->server->serverPort();
}
QUrl Simulator::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}
const SimConfig &Simulator::config() const
{
    return d->config;
}
void Simulator::setWebhookUrl(const QUrl &url)
{
    d->config.webhookUrl = url;
}
void Simulator::setThroughputMps(double mps, int burst)
{
    d->config.throughputMps = mps;
    d->config.throughputBurst = burst;
}
void Simulator::setTokenExpiresAtMs(qint64 ms)
{
    d->config.tokenExpiresAtMs = ms;
}
bool Simulator::loadScenario(const QString &, QString *)
{
    return false;
}
bool Simulator::loadScenarioJson(const QByteArray &, QString *)
{
    return false;
}
void Simulator::addCustomer(const SimCustomer &) { }
QString Simulator::customerWrites(const QString &, const QJsonObject &, const QString &)
{
    return {};
}
QString Simulator::customerWritesText(const QString &, const QString &, const QString &)
{
    return {};
}
void Simulator::reset() { }
void Simulator::runDueEvents() { }
QJsonArray Simulator::acceptedMessages() const
{
    return {};
}
QJsonObject Simulator::stats() const
{
    return {};
}
QList<SimWebhook> Simulator::webhooks() const
{
    return {};
}
int Simulator::pendingWebhookCount() const
{
    return 0;
}
QString Simulator::addTemplate(const QJsonObject &, const QString &)
{
    return {};
}
bool Simulator::setTemplateStatus(const QString &, const QString &)
{
    return false;
}

} // namespace parley::sim
