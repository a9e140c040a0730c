// The health screen over a demo console: the token check against the simulator's Graph API
// (GET /{phone-number-id}), each number's quality and throughput, and the per-minute figures
// and charts from real traffic (a customer writes, the agent answers through the outbox).
#include "AdminFixture.h"
#include "ConsoleFixture.h"
#include "ConsoleStore.h"
#include "ConversationListModel.h"
#include "admin/AdminStore.h"
#include "admin/HealthDialog.h"
#include "secrets/SecretStore.h"
#include "sim/Simulator.h"

#include <QChartView>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableWidget>
#include <QtTest>

using namespace parley;
using namespace parley::ui;

namespace {
const QString Maria = QStringLiteral("5511987650001");

double seriesSum(QLineSeries *series)
{
    double sum = 0;
    for (const QPointF &p : series->points())
        sum += p.y();
    return sum;
}
} // namespace

class TestAdminHealth : public QObject
{
    Q_OBJECT

private:
    test::AdminFixture m_app;

    int count(const QString &sql)
    {
        test::ConsoleFixture store(m_app.session()->databasePath());
        QSqlQuery q(store.db());
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toInt();
    }

private Q_SLOTS:
    void init() { QVERIFY(m_app.start()); }
    void cleanup() { m_app.stop(); }

    void tokenCheckAndNumbers()
    {
        HealthDialog *health = m_app.window()->openHealth();
        QSignalSpy checked(health, &HealthDialog::tokenCheckFinished);
        QVERIFY(checked.wait(10000));
        QCOMPARE(checked.first().at(0).toBool(), true);
        QVERIFY(health->tokenLabel()->text().contains(QLatin1String(">valid<")));
        // The simulator's number as the Graph API describes it.
        QTRY_VERIFY(health->numbersTable()->rowCount() >= 1);
        QCOMPARE(health->numbersTable()->item(0, 0)->text(),
            QString::fromLatin1(sim::SimConfig::DefaultPhoneNumberId));
        // Meta's display form of the simulator's 15550100001.
        QCOMPARE(health->numbersTable()->item(0, 1)->text(), QStringLiteral("+1 555-010-0001"));
        QCOMPARE(health->numbersTable()->item(0, 3)->text(), QStringLiteral("GREEN"));
        QVERIFY(health->numbersTable()->item(0, 5)->text().startsWith(QLatin1String("STANDARD")));

        // A token Meta no longer accepts: the check says so with Meta's code.
        m_app.session()->secrets()->write(
            QString::fromLatin1(core::SecretStore::AccessToken), QStringLiteral("revoked-token"));
        health->checkButton()->click();
        QVERIFY(checked.wait(10000));
        QCOMPARE(checked.last().at(0).toBool(), false);
        QCOMPARE(health->lastTokenCheck().errorCode, 190);
        QVERIFY(health->tokenLabel()->text().contains(QLatin1String("not valid")));
    }

    void figuresAndChartsFromRealTraffic()
    {
        // Two customers write; the agent answers one through the outbox.
        m_app.sim()->customerWritesText(Maria, QStringLiteral("Hi, any news on my order?"));
        m_app.sim()->customerWritesText(QStringLiteral("15551230042"), QStringLiteral("Hello!"));
        m_app.advance(1000);
        QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM messages WHERE "
                                                       "direction = 'in' AND text IN ('Hello!', "
                                                       "'Hi, any news on my order?')")),
            2, 10000);
        ConversationListModel *list = m_app.window()->conversationModel();
        QTRY_VERIFY(list->rowOf(count(QStringLiteral(
                        "SELECT c.id FROM conversations c JOIN contacts k ON k.id = c.contact_id "
                        "WHERE k.wa_id = '5511987650001'")))
            >= 0);
        const ConversationRow *maria = list->rowAt(list->rowOf(count(QStringLiteral(
            "SELECT c.id FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE k.wa_id "
            "= '5511987650001'"))));
        QVERIFY(maria);
        QString error;
        QVERIFY2(!m_app.session()
                      ->sendText(*maria, QStringLiteral("It ships today."), {}, &error)
                      .isEmpty(),
            qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(
            count(
                QStringLiteral("SELECT count(*) FROM outbox_attempts WHERE outcome = 'accepted'")),
            1, 10000);
        m_app.advance(4000); // sent, delivered and read status webhooks
        // Everything delivered and parsed, so the figures below are stable.
        QTRY_COMPARE_WITH_TIMEOUT(m_app.sim()->pendingWebhookCount(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            count(QStringLiteral("SELECT count(*) FROM journal WHERE parse_state = 'pending'")), 0,
            10000);

        HealthDialog *health = m_app.window()->openHealth();
        QSignalSpy refreshed(health, &HealthDialog::refreshed);
        health->refresh();
        QVERIFY(refreshed.wait(10000));
        const HealthSnapshot &s = health->snapshot();
        QCOMPARE(s.minutes, 60);
        QCOMPARE(s.sends.size(), 60);
        QCOMPARE(int(s.totalSends), 1);
        QCOMPARE(int(s.totalSendErrors), 0);
        QVERIFY(s.meanLatencyMs > 0);
        QVERIFY(s.totalWebhooks >= 2);
        QCOMPARE(int(s.totalWebhooks),
            count(QStringLiteral("SELECT count(*) FROM journal WHERE received_at >= %1")
                      .arg(s.fromMs)));
        QCOMPARE(int(s.totalParseFailures), 0);
        QCOMPARE(int(s.pendingRows),
            count(QStringLiteral("SELECT count(*) FROM journal WHERE parse_state = 'pending'")));
        // Traffic per number: both inbound messages and the answer.
        QCOMPARE(s.numbers.size(), 1);
        QCOMPARE(int(s.numbers.first().inboundLastHour), 2);
        QCOMPARE(int(s.numbers.first().outboundLastHour), 1);
        QVERIFY(s.numbers.first().peakPerMinute >= 1);

        // The charts draw those numbers: one point per minute, the sums match the totals.
        QCOMPARE(health->charts().size(), 4);
        QCOMPARE(health->series(HealthDialog::Series::Sends)->count(), 60);
        QCOMPARE(seriesSum(health->series(HealthDialog::Series::Sends)), 1.0);
        QCOMPARE(
            seriesSum(health->series(HealthDialog::Series::Webhooks)), double(s.totalWebhooks));
        QVERIFY(seriesSum(health->series(HealthDialog::Series::Latency)) > 0);
        QVERIFY(health->summaryLabel()->text().contains(QLatin1String("1 accepted")));
        QTRY_VERIFY(health->numbersTable()->rowCount() == 1);
        QCOMPARE(health->numbersTable()->item(0, 6)->text(), QStringLiteral("2"));
        QCOMPARE(health->numbersTable()->item(0, 7)->text(), QStringLiteral("1"));

        // A parse failure shows up in the figures.
        {
            test::ConsoleFixture store(m_app.session()->databasePath());
            store.exec(QStringLiteral(
                "CREATE TRIGGER test_refuse BEFORE INSERT ON messages WHEN new.text = 'poison' "
                "BEGIN SELECT RAISE(ABORT, 'test: refused'); END"));
        }
        m_app.sim()->customerWritesText(Maria, QStringLiteral("poison"));
        m_app.advance(1000);
        QTRY_COMPARE_WITH_TIMEOUT(
            count(QStringLiteral("SELECT count(*) FROM journal WHERE parse_state = 'failed'")), 1,
            10000);
        // The ingest change refreshes the screen by itself.
        QTRY_COMPARE_WITH_TIMEOUT(int(health->snapshot().totalParseFailures), 1, 10000);
        QCOMPARE(seriesSum(health->series(HealthDialog::Series::ParseFailures)), 1.0);
        QTRY_VERIFY(health->lastTokenCheck().valid);
        test::AdminFixture::screenshot(health, QStringLiteral("admin-health.png"));
    }
};

QTEST_MAIN(TestAdminHealth)
#include "tst_admin_health.moc"
