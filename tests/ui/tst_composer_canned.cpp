// Canned replies without the UI: validation (shortcut [a-z0-9_-]{1,32}, unique; text up to 4096
// code points), variable filling (what is filled, what stays visible and where), and the store
// (schema step 0008) on a real SQLite file: a refused save changes nothing stored.
#include "composer/CannedReplies.h"
#include "store/Database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace parley;
using namespace parley::ui;

class TestComposerCanned : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QSqlDatabase m_db;
    const QString m_connection = QStringLiteral("tst-composer-canned");

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_db = core::Database::open(m_dir.filePath(QStringLiteral("%1.db").arg(
                                        QString::fromLatin1(QTest::currentTestFunction()))),
            m_connection, &error);
        QVERIFY2(m_db.isValid(), qPrintable(error));
    }

    void cleanup()
    {
        m_db = QSqlDatabase();
        core::Database::close(m_connection);
    }

    void validatesShortcutsAndTexts_data()
    {
        QTest::addColumn<QString>("shortcut");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error"); // a fragment of the refusal; empty: valid
        QTest::newRow("simple") << "thanks"
                                << "Thank you!"
                                << "";
        QTest::newRow("digits, _ and -") << "a-b_c9"
                                         << "x"
                                         << "";
        QTest::newRow("32 characters") << QString(32, QLatin1Char('a')) << "x"
                                       << "";
        QTest::newRow("33 characters") << QString(33, QLatin1Char('a')) << "x"
                                       << "33 characters";
        QTest::newRow("empty shortcut") << ""
                                        << "x"
                                        << "empty";
        QTest::newRow("capitals") << "Thanks"
                                  << "x"
                                  << "lowercase";
        QTest::newRow("space") << "thank you"
                               << "x"
                               << "lowercase";
        QTest::newRow("accent") << "obrigadá"
                                << "x"
                                << "lowercase";
        QTest::newRow("slash") << "/thanks"
                               << "x"
                               << "lowercase";
        QTest::newRow("empty text") << "thanks"
                                    << ""
                                    << "empty";
        QTest::newRow("blank text") << "thanks"
                                    << "  \n "
                                    << "empty";
        QTest::newRow("4096 characters") << "long" << QString(4096, QLatin1Char('x')) << "";
        QTest::newRow("4097 characters")
            << "long" << QString(4097, QLatin1Char('x')) << "4097 characters";
        // Emojis are one character each to the customer, two UTF-16 units to QString.
        QString emojis;
        for (int n = 0; n < 4096; ++n)
            emojis += QStringLiteral("🙂");
        QTest::newRow("4096 emojis") << "smile" << emojis << "";
    }

    void validatesShortcutsAndTexts()
    {
        QFETCH(QString, shortcut);
        QFETCH(QString, text);
        QFETCH(QString, error);
        const QString got = CannedReplies::validate({0, shortcut, text}, {});
        if (error.isEmpty())
            QVERIFY2(got.isEmpty(), qPrintable(got));
        else
            QVERIFY2(got.contains(error), qPrintable(got));
    }

    void shortcutsAreUnique()
    {
        const QList<CannedReply> stored{{1, QStringLiteral("thanks"), QStringLiteral("a")},
            {2, QStringLiteral("bye"), QStringLiteral("b")}};
        QVERIFY(CannedReplies::validate({0, QStringLiteral("thanks"), QStringLiteral("c")}, stored)
                    .contains(QStringLiteral("/thanks")));
        QVERIFY(CannedReplies::validate({2, QStringLiteral("thanks"), QStringLiteral("c")}, stored)
                    .contains(QStringLiteral("/thanks")));
        // Editing a reply keeps its own shortcut.
        QVERIFY(CannedReplies::validate({1, QStringLiteral("thanks"), QStringLiteral("c")}, stored)
                    .isEmpty());
    }

    void fillsKnownVariablesAndFlagsTheRest()
    {
        const QHash<QString, QString> v{{QStringLiteral("name"), QStringLiteral("Maria Oliveira")},
            {QStringLiteral("first_name"), QStringLiteral("Maria")},
            {QStringLiteral("agent"), QString()}};
        const CannedExpansion e = CannedReplies::expand(
            QStringLiteral("Hi {{first_name}}, {{ name }}! Order {{order}} by {{agent}}, "
                           "{{order}}{{first_name}} {{ broken"),
            v);
        QCOMPARE(e.text,
            QStringLiteral("Hi Maria, Maria Oliveira! Order {{order}} by {{agent}}, "
                           "{{order}}Maria {{ broken"));
        // Unknown and empty both stay visible; each name is reported once, every place flagged.
        QCOMPARE(e.unknown, (QStringList{QStringLiteral("order"), QStringLiteral("agent")}));
        QCOMPARE(e.unknownRanges.size(), 3);
        for (const auto &[position, length] : e.unknownRanges) {
            const QString flagged = e.text.mid(position, length);
            QVERIFY2(
                flagged == QStringLiteral("{{order}}") || flagged == QStringLiteral("{{agent}}"),
                qPrintable(flagged));
        }
        QVERIFY(!e.complete());

        const CannedExpansion plain
            = CannedReplies::expand(QStringLiteral("No variables here."), v);
        QCOMPARE(plain.text, QStringLiteral("No variables here."));
        QVERIFY(plain.complete());
        QCOMPARE(CannedReplies::firstName(QStringLiteral("  Sofía Hernández ")),
            QStringLiteral("Sofía"));
        QCOMPARE(CannedReplies::firstName(QStringLiteral("Ken")), QStringLiteral("Ken"));
    }

    void storesEditsAndRemoves()
    {
        QString error;
        const qint64 thanks = CannedReplies::save(
            m_db, {0, QStringLiteral("thanks"), QStringLiteral("Thank you!")}, 1000, &error);
        QVERIFY2(thanks > 0, qPrintable(error));
        const qint64 bye = CannedReplies::save(
            m_db, {0, QStringLiteral("bye"), QStringLiteral("Goodbye")}, 2000, &error);
        QVERIFY2(bye > 0, qPrintable(error));
        QList<CannedReply> all = CannedReplies::list(m_db, &error);
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).shortcut, QStringLiteral("bye")); // by shortcut
        QCOMPARE(all.at(1).text, QStringLiteral("Thank you!"));

        // Refusals change nothing stored: a duplicate, a bad shortcut, a missing row.
        QCOMPARE(CannedReplies::save(
                     m_db, {bye, QStringLiteral("thanks"), QStringLiteral("Other")}, 3000, &error),
            0);
        QVERIFY(error.contains(QStringLiteral("/thanks")));
        QCOMPARE(CannedReplies::save(
                     m_db, {0, QStringLiteral("Bad!"), QStringLiteral("x")}, 3000, &error),
            0);
        QCOMPARE(CannedReplies::save(
                     m_db, {9999, QStringLiteral("ghost"), QStringLiteral("x")}, 3000, &error),
            0);
        QVERIFY(error.contains(QStringLiteral("no longer exists")));
        all = CannedReplies::list(m_db, &error);
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).text, QStringLiteral("Goodbye"));

        // An edit keeps the row and its id.
        QCOMPARE(CannedReplies::save(m_db,
                     {thanks, QStringLiteral("thanks"), QStringLiteral("Thanks, {{first_name}}!")},
                     4000, &error),
            thanks);
        all = CannedReplies::list(m_db, &error);
        QCOMPARE(all.at(1).id, thanks);
        QCOMPARE(all.at(1).text, QStringLiteral("Thanks, {{first_name}}!"));

        QVERIFY(CannedReplies::remove(m_db, bye, &error));
        all = CannedReplies::list(m_db, &error);
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().shortcut, QStringLiteral("thanks"));
    }

    void storeRefusesWhatTheConsoleWould()
    {
        // The table's checks hold even for rows written around the console.
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO canned_replies(shortcut, text, created_at, "
                                 "updated_at) VALUES (?, ?, 0, 0)"));
        q.addBindValue(QString(33, QLatin1Char('a')));
        q.addBindValue(QStringLiteral("x"));
        QVERIFY(!q.exec());
        q.addBindValue(QStringLiteral("ok"));
        q.addBindValue(QString(4097, QLatin1Char('x')));
        QVERIFY(!q.exec());
        q.addBindValue(QStringLiteral("ok"));
        q.addBindValue(QStringLiteral("fine"));
        QVERIFY(q.exec());
        q.addBindValue(QStringLiteral("ok"));
        q.addBindValue(QStringLiteral("again"));
        QVERIFY(!q.exec()); // unique
    }
};

QTEST_MAIN(TestComposerCanned)
#include "tst_composer_canned.moc"
