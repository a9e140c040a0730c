#include "ConnectionTest.h"

#include "graph/ErrorTable.h"
#include "secrets/SecretStore.h"

#include <QUrlQuery>

namespace parley::ui {

ConnectionTest::ConnectionTest(QObject *parent) : QObject(parent) { }

ConnectionTest::~ConnectionTest()
{
    // No answer reaches a half-destroyed object while the client below goes away.
    delete m_context;
    m_context = nullptr;
}

QString ConnectionTest::describe(const core::GraphError &error)
{
    QString what;
    switch (core::ErrorTable::classify(error).action) {
    case core::ErrorAction::Reauthenticate:
    case core::ErrorAction::Config:
        what = tr("Check the access token (it may have expired or lack the "
                  "whatsapp_business_messaging permission) and save a new one.");
        break;
    case core::ErrorAction::RetryLater: what = tr("Try again in a few minutes."); break;
    case core::ErrorAction::FixRequest:
        what = tr("Check the phone number id and the Graph API version.");
        break;
    default: break;
    }
    if (error.origin == core::GraphError::Origin::Network)
        what = tr("Check the Graph base URL and the network.");
    const QString message = error.message.isEmpty() ? error.title : error.message;
    const QString head = error.code ? tr("Meta error %1: %2").arg(error.code).arg(message)
                                    : tr("Failed: %1").arg(message);
    return what.isEmpty() ? head : head + QLatin1Char(' ') + what;
}

void ConnectionTest::start(
    const core::GraphConfig &config, const QString &accessToken, const QString &phoneNumberId)
{
    delete m_context;
    m_context = new QObject(this);
    m_running = true;
    if (phoneNumberId.trimmed().isEmpty() || accessToken.isEmpty()) {
        Result r;
        r.error = core::GraphError::local(-1, tr("missing settings"));
        r.summary = phoneNumberId.trimmed().isEmpty() ? tr("Enter the phone number id first.")
                                                      : tr("Enter the access token first.");
        QMetaObject::invokeMethod(
            m_context,
            [this, r] {
                m_running = false;
                m_last = r;
                Q_EMIT finished(r);
            },
            Qt::QueuedConnection);
        return;
    }
    m_secrets = std::make_unique<core::MemorySecretStore>();
    m_secrets->write(QString::fromLatin1(core::SecretStore::AccessToken), accessToken);
    core::GraphConfig c = config;
    c.timeoutMs = qMin(c.timeoutMs, 15'000);
    c.pools = 1;
    // The old client (if any) goes with its requests: their callbacks' context is gone.
    m_client = std::make_unique<core::GraphClient>(c, m_secrets.get());
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("fields"),
        QStringLiteral("id,display_phone_number,verified_name,quality_rating"));
    m_client->get(phoneNumberId.trimmed(), query, m_context, [this](const core::GraphResult &g) {
        Result r;
        r.ok = g.ok();
        r.error = g.error;
        if (r.ok) {
            r.verifiedName = g.body.value(QLatin1String("verified_name")).toString();
            r.displayNumber = g.body.value(QLatin1String("display_phone_number")).toString();
            r.qualityRating = g.body.value(QLatin1String("quality_rating")).toString();
            r.summary = tr("Connected: %1 (%2), quality %3")
                            .arg(r.verifiedName, r.displayNumber,
                                r.qualityRating.isEmpty() ? tr("unknown") : r.qualityRating);
        } else {
            r.summary = describe(g.error);
        }
        m_running = false;
        m_last = r;
        Q_EMIT finished(r);
    });
}

} // namespace parley::ui
