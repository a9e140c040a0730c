#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace parley::core {

// Meta signs every webhook POST: X-Hub-Signature-256: sha256=<hex of HMAC-SHA256(app secret,
// raw body bytes)>. The check runs on the raw bytes, before anything parses them.
class Signature
{
public:
    enum class Result { Valid, Missing, Malformed, Mismatch };

    // HMAC-SHA256 of body keyed with secret (32 raw bytes).
    static QByteArray hmacSha256(QByteArrayView secret, QByteArrayView body);
    // The header value Meta would send for body: "sha256=" + lower-case hex.
    static QByteArray headerFor(QByteArrayView secret, QByteArrayView body);
    // Checks an X-Hub-Signature-256 header value (null when the header is absent). Hex digits
    // may be upper or lower case; anything but "sha256=" + 64 hex digits is Malformed. The
    // digests are compared in constant time.
    static Result verify(QByteArrayView secret, QByteArrayView body, const QByteArray &header);
    // The header check alone: Valid and the claimed digest in *digest, or Missing/Malformed.
    static Result parseHeader(const QByteArray &header, unsigned char (&digest)[32]);
    static const char *resultName(Result result);
};

} // namespace parley::core
