// The admin passphrase hash: PBKDF2-HMAC-SHA256 round trip, wrong passphrase refused, a random
// salt per hash, the record in a real store's settings table (never the passphrase itself).
#include "secrets/PassphraseHash.h"
#include "store/Database.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace parley::core;

class TestPassphraseHash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownVector()
    {
        // RFC 7914 section 11 (PBKDF2-HMAC-SHA256 test vector, c = 1, dkLen 32 of the 64).
        const QByteArray key = PassphraseHash::derive(QStringLiteral("passwd"), "salt", 1);
        QCOMPARE(key.toHex(),
            QByteArray("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"));
    }

    void roundTripAndWrongPassphrase()
    {
        QElapsedTimer timer;
        timer.start();
        const PassphraseHash h = PassphraseHash::create(QStringLiteral("correct horse ✓"));
        qInfo("PBKDF2-HMAC-SHA256 x %d: %lld ms", h.iterations, timer.elapsed());
        QVERIFY(h.isSet());
        QCOMPARE(h.iterations, 200'000);
        QCOMPARE(h.salt.size(), 16);
        QCOMPARE(h.hash.size(), 32);
        QVERIFY(h.verify(QStringLiteral("correct horse ✓")));
        QVERIFY(!h.verify(QStringLiteral("correct horse")));
        QVERIFY(!h.verify(QString()));
        QVERIFY(!PassphraseHash{}.verify(QString()));
    }

    void saltIsRandom()
    {
        const PassphraseHash a = PassphraseHash::create(QStringLiteral("same"), 1000);
        const PassphraseHash b = PassphraseHash::create(QStringLiteral("same"), 1000);
        QVERIFY(a.salt != b.salt);
        QVERIFY(a.hash != b.hash);
        QVERIFY(a.verify(QStringLiteral("same")) && b.verify(QStringLiteral("same")));
    }

    void constantTimeEquals()
    {
        QVERIFY(PassphraseHash::constantTimeEquals("abc", "abc"));
        QVERIFY(!PassphraseHash::constantTimeEquals("abc", "abd"));
        QVERIFY(!PassphraseHash::constantTimeEquals("abc", "abcd"));
        QVERIFY(!PassphraseHash::constantTimeEquals("abc", ""));
    }

    void storedInSettingsTable()
    {
        QTemporaryDir dir;
        QString error;
        QSqlDatabase db
            = Database::open(dir.filePath(QStringLiteral("p.db")), QStringLiteral("p"), &error);
        QVERIFY2(db.isValid(), qPrintable(error));
        {
            QVERIFY(!PassphraseHash::load(db, &error).isSet());
            QVERIFY(error.isEmpty());
            const PassphraseHash h = PassphraseHash::create(QStringLiteral("s3cret-phrase"), 1000);
            QVERIFY2(h.save(db, &error), qPrintable(error));
            const PassphraseHash back = PassphraseHash::load(db, &error);
            QVERIFY(error.isEmpty());
            QCOMPARE(back.hash, h.hash);
            QCOMPARE(back.salt, h.salt);
            QCOMPARE(back.iterations, 1000);
            QVERIFY(back.verify(QStringLiteral("s3cret-phrase")));

            // The passphrase itself is nowhere in the table.
            QSqlQuery q(db);
            QVERIFY(q.exec(
                QStringLiteral("SELECT count(*) FROM settings WHERE value LIKE '%s3cret%'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 0);

            // A damaged record is an error, not an open door or a crash.
            QVERIFY(q.exec(QStringLiteral(
                "UPDATE settings SET value = 'xx' WHERE key = 'admin/passphrase_hash'")));
            QVERIFY(!PassphraseHash::load(db, &error).isSet());
            QVERIFY(!error.isEmpty());

            error.clear();
            QVERIFY(PassphraseHash::clear(db, &error));
            QVERIFY(!PassphraseHash::load(db, &error).isSet());
            QVERIFY(error.isEmpty());
        }
        db = QSqlDatabase();
        Database::close(QStringLiteral("p"));
    }
};

QTEST_GUILESS_MAIN(TestPassphraseHash)
#include "tst_passphrasehash.moc"
