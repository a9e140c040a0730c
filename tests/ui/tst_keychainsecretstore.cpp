// The desktop console keeps its secrets in the OS keychain. This test talks to a real Secret
// Service (gnome-keyring in a D-Bus session: scripts/test sets one up) and skips only when none
// is reachable.
#include "secrets/KeychainSecretStore.h"

#include <QUuid>
#include <QtTest>

using namespace parley::core;

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private:
    QString m_service;

private Q_SLOTS:
    void init()
    {
        m_service
            = QStringLiteral("parley-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        // scripts/test (and so CI) provides an unlocked gnome-keyring and sets
        // PARLEY_REQUIRE_KEYCHAIN: there a missing keychain is a failure, not a skip.
        const bool required = qEnvironmentVariableIsSet("PARLEY_REQUIRE_KEYCHAIN");
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            QVERIFY2(!required, "no D-Bus session bus");
            QSKIP("no D-Bus session bus: no Secret Service reachable");
        }
        KeychainSecretStore probe(m_service);
        QString error;
        if (!probe.write(QStringLiteral("probe"), QStringLiteral("x"), &error)) {
            QVERIFY2(!required, qPrintable(QStringLiteral("no Secret Service: ") + error));
            QSKIP(qPrintable(QStringLiteral("no Secret Service reachable: ") + error));
        }
        QVERIFY(probe.remove(QStringLiteral("probe"), &error));
    }

    void writeReadOverwriteRemove()
    {
        KeychainSecretStore store(m_service);
        QString error;
        QCOMPARE(store.read(QString::fromLatin1(SecretStore::AccessToken), &error), std::nullopt);
        QVERIFY(error.isEmpty());

        const QString token = QStringLiteral("EAAG-test-token-") + QUuid::createUuid().toString();
        QVERIFY2(store.write(QString::fromLatin1(SecretStore::AccessToken), token, &error),
            qPrintable(error));
        // A second store object (as after a restart) reads what the first wrote.
        KeychainSecretStore again(m_service);
        QCOMPARE(again.read(QString::fromLatin1(SecretStore::AccessToken), &error), token);

        QVERIFY(store.write(
            QString::fromLatin1(SecretStore::AccessToken), QStringLiteral("second"), &error));
        QCOMPARE(again.read(QString::fromLatin1(SecretStore::AccessToken), &error),
            QStringLiteral("second"));

        // Keys are separate entries.
        QVERIFY(store.write(
            QString::fromLatin1(SecretStore::AppSecret), QStringLiteral("s3cret"), &error));
        QCOMPARE(store.read(QString::fromLatin1(SecretStore::AppSecret), &error),
            QStringLiteral("s3cret"));

        QVERIFY(store.remove(QString::fromLatin1(SecretStore::AccessToken), &error));
        QVERIFY(store.remove(QString::fromLatin1(SecretStore::AppSecret), &error));
        QCOMPARE(again.read(QString::fromLatin1(SecretStore::AccessToken), &error), std::nullopt);
        // Removing what is not there is fine.
        QVERIFY(store.remove(QString::fromLatin1(SecretStore::AccessToken), &error));
    }

    void servicesAreSeparate()
    {
        KeychainSecretStore a(m_service);
        KeychainSecretStore b(m_service + QStringLiteral("-other"));
        QString error;
        QVERIFY(a.write(QStringLiteral("k"), QStringLiteral("va"), &error));
        QCOMPARE(b.read(QStringLiteral("k"), &error), std::nullopt);
        QVERIFY(a.remove(QStringLiteral("k"), &error));
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
