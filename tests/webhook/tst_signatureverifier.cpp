// SignatureVerifier (the keyed-once HMAC of the receiver's hot path) against Signature::verify.
#include "webhook/Signature.h"
#include "webhook/SignatureVerifier.h"

#include <QRandomGenerator>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace parley::core;

namespace {

// Independent vector (RFC 4231, test case 2) and the one of tst_signature.
const QByteArray kRfcKey = "Jefe";
const QByteArray kRfcData = "what do ya want for nothing?";
const QByteArray kRfcHex = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
const QByteArray kSecret = "parley-test-secret";
const QByteArray kEmptyHex = "90c1cafe6fe8a17e566030ac0a78fc43d66e4d0ef9458b0c613767bdd6545685";

} // namespace

class TestSignatureVerifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void knownVectors()
    {
        SignatureVerifier rfc(kRfcKey);
        QCOMPARE(rfc.verify(kRfcData, "sha256=" + kRfcHex), Signature::Result::Valid);
        QCOMPARE(rfc.verify(kRfcData, "sha256=" + kRfcHex.toUpper()), Signature::Result::Valid);
        // Used again: the key survives, the digest state does not leak between bodies.
        QCOMPARE(rfc.verify(QByteArray(kRfcData + 'x'), "sha256=" + kRfcHex),
            Signature::Result::Mismatch);
        QCOMPARE(rfc.verify(kRfcData, "sha256=" + kRfcHex), Signature::Result::Valid);
        SignatureVerifier empty(kSecret);
        QCOMPARE(empty.verify(QByteArrayView(), "sha256=" + kEmptyHex), Signature::Result::Valid);
        QCOMPARE(empty.verify(kRfcData, "sha256=" + kRfcHex), Signature::Result::Mismatch);
    }

    void headerErrors()
    {
        SignatureVerifier v(kRfcKey);
        QCOMPARE(v.verify(kRfcData, QByteArray()), Signature::Result::Missing);
        QCOMPARE(v.verify(kRfcData, QByteArray("")), Signature::Result::Malformed);
        QCOMPARE(v.verify(kRfcData, kRfcHex), Signature::Result::Malformed);
        QCOMPARE(v.verify(kRfcData, "sha256=" + kRfcHex.left(63)), Signature::Result::Malformed);
        QByteArray nonHex = "sha256=" + kRfcHex;
        nonHex[9] = 'z';
        QCOMPARE(v.verify(kRfcData, nonHex), Signature::Result::Malformed);
    }

    void agreesWithOneShotOnRandomBodies()
    {
        QRandomGenerator rng(20261125);
        for (int i = 0; i < 200; ++i) {
            QByteArray secret(int(rng.bounded(1, 80)), Qt::Uninitialized);
            for (char &c : secret)
                c = char(rng.bounded(256));
            SignatureVerifier v(secret);
            for (int j = 0; j < 3; ++j) {
                QByteArray body(int(rng.bounded(0, 5000)), Qt::Uninitialized);
                for (char &c : body)
                    c = char(rng.bounded(256));
                const QByteArray good = Signature::headerFor(secret, body);
                QCOMPARE(v.verify(body, good), Signature::Result::Valid);
                QByteArray bad = good;
                bad[bad.size() - 1] = bad.endsWith('0') ? '1' : '0';
                QCOMPARE(v.verify(body, bad), Signature::verify(secret, body, bad));
                QCOMPARE(v.verify(body, bad), Signature::Result::Mismatch);
            }
        }
    }

    void sharedAcrossThreads()
    {
        SignatureVerifier v(kSecret);
        const QByteArray header = Signature::headerFor(kSecret, kRfcData);
        std::atomic<int> valid{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&] {
                for (int i = 0; i < 500; ++i)
                    valid += v.verify(kRfcData, header) == Signature::Result::Valid;
            });
        for (auto &t : threads)
            t.join();
        QCOMPARE(valid.load(), 2000);
    }
};

QTEST_GUILESS_MAIN(TestSignatureVerifier)
#include "tst_signatureverifier.moc"
