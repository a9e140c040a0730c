// `parleyctl templates ...` as a user runs it: a real store file, the real executable.
#include "store/Database.h"
#include "templates/TemplateFixtures.h"
#include "templates/TemplateStore.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace parley::core;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run parleyctl(const QStringList &args, const QMap<QString, QString> &env = {})
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.remove(QStringLiteral("WA_TOKEN"));
    e.remove(QStringLiteral("WA_WABA_ID"));
    for (auto it = env.begin(); it != env.end(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(PARLEYCTL_PATH), QStringList{QStringLiteral("templates")} + args);
    if (!p.waitForFinished(60'000))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError())};
}

QJsonObject jsonLine(const QString &line)
{
    return QJsonDocument::fromJson(line.toUtf8()).object();
}

} // namespace

class TestTemplatesCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("parley.db"));
        QString error;
        {
            QSqlDatabase db = Database::open(m_db, QStringLiteral("cli-setup"), &error);
            QVERIFY2(db.isValid(), qPrintable(error));
            TemplateStore store(db);
            for (const char *file :
                {"create/named_order_confirmation.json", "create/image_header_phone_url.json",
                    "create/text_header_quick_replies.json"}) {
                const QJsonObject request = parley::test::readTemplateFixture(QLatin1String(file))
                                                .value(QLatin1String("request"))
                                                .toObject();
                TemplateDefinition d = parley::test::approvedFromCreate(request,
                    QStringLiteral("id-") + request.value(QLatin1String("name")).toString());
                if (d.name == QLatin1String("seasonal_promotion_text_only"))
                    d.status = QStringLiteral("PAUSED");
                QVERIFY(store.upsert(d, 1000, &error));
            }
        }
        Database::close(QStringLiteral("cli-setup"));
    }

    void list()
    {
        Run r = parleyctl({QStringLiteral("list"), QStringLiteral("--db"), m_db});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 3);
        const QJsonObject first = jsonLine(lines.first());
        QCOMPARE(first.value(QLatin1String("name")).toString(),
            QStringLiteral("limited_time_offer_tuscan_getaway_2023"));
        QCOMPARE(first.value(QLatin1String("variables")).toArray().size(), 5);

        r = parleyctl({QStringLiteral("list"), QStringLiteral("--db"), m_db,
            QStringLiteral("--status"), QStringLiteral("PAUSED")});
        QCOMPARE(r.code, 0);
        QCOMPARE(jsonLine(r.out.trimmed()).value(QLatin1String("name")).toString(),
            QStringLiteral("seasonal_promotion_text_only"));
    }

    void show()
    {
        Run r = parleyctl({QStringLiteral("show"), QStringLiteral("order_confirmation"),
            QStringLiteral("--db"), m_db, QStringLiteral("--lang"), QStringLiteral("en_US")});
        QCOMPARE(r.code, 0);
        const QJsonArray vars
            = jsonLine(r.out.trimmed()).value(QLatin1String("variables")).toArray();
        QCOMPARE(vars.size(), 4);
        QCOMPARE(vars.at(1).toObject().value(QLatin1String("key")).toString(),
            QStringLiteral("first_name"));
        QCOMPARE(
            vars.at(3).toObject().value(QLatin1String("kind")).toString(), QStringLiteral("url"));

        r = parleyctl(
            {QStringLiteral("show"), QStringLiteral("nope"), QStringLiteral("--db"), m_db});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("no synced template \"nope\"")));
    }

    void render()
    {
        Run r = parleyctl({QStringLiteral("render"), QStringLiteral("order_confirmation"),
            QStringLiteral("--lang"), QStringLiteral("en_US"), QStringLiteral("--db"), m_db,
            QStringLiteral("--param"), QStringLiteral("header.order_id=335628"),
            QStringLiteral("--param"), QStringLiteral("first_name=*Pablo*"),
            QStringLiteral("--param"), QStringLiteral("button.1=a b")});
        QCOMPARE(r.err, QString());
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out,
            QStringLiteral(
                "Order 335628\n\nThank you, *Pablo*!\n\nLucky Shrub\n\n[ Stop ]\n[ Track "
                "] -> https://x.com/track/a%20b\n"));

        // Missing value: the preview keeps the marker, the issue goes to stderr, exit 1.
        r = parleyctl({QStringLiteral("render"), QStringLiteral("order_confirmation"),
            QStringLiteral("--lang"), QStringLiteral("en_US"), QStringLiteral("--db"), m_db,
            QStringLiteral("--param"), QStringLiteral("header.order_id=1"),
            QStringLiteral("--json")});
        QCOMPARE(r.code, 1);
        const QJsonObject j = jsonLine(r.out.trimmed());
        QVERIFY(
            j.value(QLatin1String("rendered")).toObject().value(QLatin1String("body")).toString()
            == QLatin1String("Thank you, {{first_name}}!"));
        QCOMPARE(j.value(QLatin1String("issues")).toArray().size(), 2);
        QVERIFY(r.err.contains(QLatin1String("body: body variable {{first_name}} has no value")));
        QVERIFY(r.err.contains(QLatin1String("needs its URL suffix")));

        // Paused template and unknown language are named.
        r = parleyctl({QStringLiteral("render"), QStringLiteral("seasonal_promotion_text_only"),
            QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--db"), m_db,
            QStringLiteral("--param"), QStringLiteral("header=Summer Sale"),
            QStringLiteral("--param"), QStringLiteral("1=the end of August"),
            QStringLiteral("--param"), QStringLiteral("2=25OFF"), QStringLiteral("--param"),
            QStringLiteral("3=25%")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.startsWith(QLatin1String("Our Summer Sale is on!\n\nShop now through the end "
                                               "of August and use code 25OFF to get 25% off")));
        QVERIFY(r.err.contains(QLatin1String("is PAUSED")));
        r = parleyctl({QStringLiteral("render"), QStringLiteral("order_confirmation"),
            QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("--db"), m_db});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("does not exist in language fr; it exists in en_US")));

        r = parleyctl({QStringLiteral("render"), QStringLiteral("order_confirmation"),
            QStringLiteral("--lang"), QStringLiteral("en_US"), QStringLiteral("--db"), m_db,
            QStringLiteral("--param"), QStringLiteral("2:currency=USD x")});
        QCOMPARE(r.code, 2);
    }

    void check()
    {
        Run r = parleyctl({QStringLiteral("check"), QStringLiteral("--file"),
            parley::test::templateFixtureDir() + QStringLiteral("/create/auth_copy_code.json")});
        // The fixture wraps the request: {"source", "request"}; the command takes a bare request.
        QCOMPARE(r.code, 1);

        const QString file = m_dir.filePath(QStringLiteral("bad.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"name":"Bad","language":"en_US","category":"UTILITY",
            "components":[{"type":"BODY","text":"{{1}} is here"}]})");
        f.close();
        r = parleyctl({QStringLiteral("check"), QStringLiteral("--file"), file});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("template: the name \"Bad\" may only hold lowercase "
                                             "letters, digits and underscores [name.format]")));
        QVERIFY(r.err.contains(QLatin1String("[body.leading_variable]")));
        QVERIFY(r.err.contains(QLatin1String("[examples.required]")));

        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(
            parley::test::readTemplateFixture(QStringLiteral("create/auth_copy_code.json"))
                .value(QLatin1String("request"))
                .toObject())
                    .toJson());
        f.close();
        r = parleyctl({QStringLiteral("check"), QStringLiteral("--file"), file});
        QCOMPARE(r.err, QString());
        QCOMPARE(r.code, 0);
    }

    void remoteNeedsCredentials()
    {
        Run r = parleyctl({QStringLiteral("sync"), QStringLiteral("--db"), m_db});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("no WABA id")));
        r = parleyctl({QStringLiteral("sync"), QStringLiteral("--db"), m_db},
            {{QStringLiteral("WA_WABA_ID"), QStringLiteral("1")}});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("no access token")));
        r = parleyctl({QStringLiteral("frobnicate"), QStringLiteral("--db"), m_db});
        QCOMPARE(r.code, 2);
    }
};

QTEST_GUILESS_MAIN(TestTemplatesCli)
#include "tst_templates_cli.moc"
