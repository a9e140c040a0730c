#include "webhook/Signature.h"

#include <QTest>

using namespace parley::core;

// Vectors computed independently of this code:
//   printf '%s' '{"object":"whatsapp_business_account","entry":[]}' | openssl dgst -sha256 -hmac
//   'parley-test-secret' printf '' | openssl dgst -sha256 -hmac 'parley-test-secret' printf 'what
//   do ya want for nothing?' | openssl dgst -sha256 -hmac 'Jefe'   (RFC 4231, case 2)
static const QByteArray kSecret = "parley-test-secret";
static const QByteArray kBody = R"({"object":"whatsapp_business_account","entry":[]})";
static const QByteArray kBodyHex
    = "2a12c26f033d7077017215bb421d35fa60ed4f2698771f43f0af5fb071dd7284";
static const QByteArray kEmptyHex
    = "90c1cafe6fe8a17e566030ac0a78fc43d66e4d0ef9458b0c613767bdd6545685";

class TestSignature : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void knownVectors()
    {
        QCOMPARE(Signature::hmacSha256(kSecret, kBody).toHex(), kBodyHex);
        QCOMPARE(Signature::hmacSha256(kSecret, QByteArray()).toHex(), kEmptyHex);
        QCOMPARE(Signature::hmacSha256("Jefe", "what do ya want for nothing?").toHex(),
            QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        QCOMPARE(Signature::headerFor(kSecret, kBody), "sha256=" + kBodyHex);
    }

    void verify_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("expected");
        const int valid = int(Signature::Result::Valid);
        const int missing = int(Signature::Result::Missing);
        const int malformed = int(Signature::Result::Malformed);
        const int mismatch = int(Signature::Result::Mismatch);
        QTest::newRow("valid") << kBody << QByteArray("sha256=" + kBodyHex) << valid;
        QTest::newRow("valid upper-case hex")
            << kBody << QByteArray("sha256=" + kBodyHex.toUpper()) << valid;
        QTest::newRow("valid empty body")
            << QByteArray() << QByteArray("sha256=" + kEmptyHex) << valid;
        QTest::newRow("absent") << kBody << QByteArray() << missing;
        QTest::newRow("empty") << kBody << QByteArray("") << malformed;
        QTest::newRow("bare hex") << kBody << kBodyHex << malformed;
        QTest::newRow("sha1 scheme")
            << kBody << QByteArray("sha1=" + kBodyHex.left(40)) << malformed;
        QTest::newRow("short") << kBody << QByteArray("sha256=" + kBodyHex.left(63)) << malformed;
        QTest::newRow("long") << kBody << QByteArray("sha256=" + kBodyHex + "0") << malformed;
        QByteArray nonHex = "sha256=" + kBodyHex;
        nonHex[10] = 'g';
        QTest::newRow("non-hex") << kBody << nonHex << malformed;
        QByteArray flipped = "sha256=" + kBodyHex;
        flipped[flipped.size() - 1] = '5'; // last digit 4 -> 5
        QTest::newRow("one bit off") << kBody << flipped << mismatch;
        QTest::newRow("body changed")
            << QByteArray(kBody + " ") << QByteArray("sha256=" + kBodyHex) << mismatch;
        QTest::newRow("other secret's signature")
            << kBody << Signature::headerFor("another-secret", kBody) << mismatch;
    }

    void verify()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, header);
        QFETCH(int, expected);
        QCOMPARE(int(Signature::verify(kSecret, body, header)), expected);
    }

    void bodyBytesAreSignedExactly()
    {
        // Re-serialising JSON changes the bytes: the signature is over what was sent.
        const QByteArray spaced = R"({ "object": "whatsapp_business_account", "entry": [] })";
        QCOMPARE(
            Signature::verify(kSecret, spaced, "sha256=" + kBodyHex), Signature::Result::Mismatch);
        QCOMPARE(Signature::verify(kSecret, spaced, Signature::headerFor(kSecret, spaced)),
            Signature::Result::Valid);
    }
};

QTEST_GUILESS_MAIN(TestSignature)
#include "tst_signature.moc"
