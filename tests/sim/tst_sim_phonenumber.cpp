// GET /{phone-number-id} of the simulated Cloud API (Meta's getPhoneNumberById): the default
// fields, extra fields on request, 190 for a bad or expired token, 100/33 for an unknown id.
#include "SimTestSupport.h"

#include "common/Clock.h"
#include "sim/Simulator.h"

#include <QTest>

using namespace parley;
using namespace parley::sim;
using namespace parley::sim::test;

class TestSimPhoneNumber : public QObject
{
    Q_OBJECT

private:
    core::ManualClock m_clock;
    std::unique_ptr<Simulator> m_sim;

    void start(SimConfig config)
    {
        config.clock = &m_clock;
        m_sim = std::make_unique<Simulator>(config);
        QVERIFY(m_sim->start());
    }

private Q_SLOTS:
    void cleanup() { m_sim.reset(); }

    void defaultFields()
    {
        start(SimConfig{});
        GraphClient client(m_sim->baseUrl());
        const Reply r = client.get(QStringLiteral("/v23.0/106540352242922"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("id")).toString(), QStringLiteral("106540352242922"));
        QCOMPARE(r.json.value(QLatin1String("display_phone_number")).toString(),
            QStringLiteral("+1 555-010-0001"));
        QCOMPARE(
            r.json.value(QLatin1String("verified_name")).toString(), QStringLiteral("Parley Demo"));
        QCOMPARE(r.json.value(QLatin1String("quality_rating")).toString(), QStringLiteral("GREEN"));
        QVERIFY(!r.json.contains(QLatin1String("name_status")));
    }

    void requestedFields()
    {
        SimConfig config;
        config.phoneNumbers.first().qualityRating = QStringLiteral("YELLOW");
        config.phoneNumbers.first().verifiedName = QStringLiteral("Jaspers Market");
        start(config);
        GraphClient client(m_sim->baseUrl());
        const Reply r = client.get(QStringLiteral(
            "/v23.0/106540352242922?fields=name_status,code_verification_status,throughput"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("verified_name")).toString(),
            QStringLiteral("Jaspers Market"));
        QCOMPARE(
            r.json.value(QLatin1String("quality_rating")).toString(), QStringLiteral("YELLOW"));
        QCOMPARE(r.json.value(QLatin1String("name_status")).toString(), QStringLiteral("APPROVED"));
        QCOMPARE(r.json.value(QLatin1String("code_verification_status")).toString(),
            QStringLiteral("VERIFIED"));
        QCOMPARE(r.json.value(QLatin1String("throughput"))
                     .toObject()
                     .value(QLatin1String("level"))
                     .toString(),
            QStringLiteral("STANDARD"));
    }

    void badTokenIs190()
    {
        start(SimConfig{});
        GraphClient client(m_sim->baseUrl(), QStringLiteral("not-the-token"));
        const Reply r = client.get(QStringLiteral("/v23.0/106540352242922"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), 190);
        QCOMPARE(
            r.error().value(QLatin1String("type")).toString(), QStringLiteral("OAuthException"));
    }

    void expiredTokenIs190With463()
    {
        SimConfig config;
        m_clock.setMs(1'700'000'000'000);
        config.tokenExpiresAtMs = m_clock.nowMs() + 1000;
        start(config);
        GraphClient client(m_sim->baseUrl());
        QCOMPARE(client.get(QStringLiteral("/v23.0/106540352242922")).status, 200);
        m_clock.advanceMs(1000);
        const Reply r = client.get(QStringLiteral("/v23.0/106540352242922"));
        QCOMPARE(r.errorCode(), 190);
        QCOMPARE(r.error().value(QLatin1String("error_subcode")).toInt(), 463);
    }

    void unknownNumberIs100()
    {
        start(SimConfig{});
        GraphClient client(m_sim->baseUrl());
        const Reply r = client.get(QStringLiteral("/v23.0/999999999"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), 100);
        QCOMPARE(r.error().value(QLatin1String("error_subcode")).toInt(), 33);
        // Only GET: the number object cannot be deleted through this path.
        QCOMPARE(client.del(QStringLiteral("/v23.0/106540352242922")).errorCode(), 100);
    }
};

QTEST_GUILESS_MAIN(TestSimPhoneNumber)
#include "tst_sim_phonenumber.moc"
