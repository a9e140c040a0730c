#include "webhook/Signature.h"
#include "webhook/HexDigit.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace parley::core {

QByteArray Signature::hmacSha256(QByteArrayView secret, QByteArrayView body)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    static const unsigned char empty = 0;
    const auto *data
        = body.isEmpty() ? &empty : reinterpret_cast<const unsigned char *>(body.data());
    if (!HMAC(EVP_sha256(), secret.data(), int(secret.size()), data, std::size_t(body.size()),
            digest, &length))
        return {};
    return QByteArray(reinterpret_cast<const char *>(digest), int(length));
}

QByteArray Signature::headerFor(QByteArrayView secret, QByteArrayView body)
{
    QByteArray header("sha256=");
    header += hmacSha256(secret, body).toHex();
    return header;
}

Signature::Result Signature::parseHeader(const QByteArray &header, unsigned char (&digest)[32])
{
    if (header.isNull())
        return Result::Missing;
    static constexpr QByteArrayView prefix("sha256=");
    const QByteArrayView value = QByteArrayView(header).trimmed();
    if (value.size() != prefix.size() + 64 || !value.startsWith(prefix))
        return Result::Malformed;
    for (int i = 0; i < 32; ++i) {
        const int hi = hexDigitValue(value[prefix.size() + 2 * i]);
        const int lo = hexDigitValue(value[prefix.size() + 2 * i + 1]);
        if (hi < 0 || lo < 0)
            return Result::Malformed;
        digest[i] = static_cast<unsigned char>(hi << 4 | lo);
    }
    return Result::Valid;
}

Signature::Result Signature::verify(
    QByteArrayView secret, QByteArrayView body, const QByteArray &header)
{
    unsigned char claimed[32];
    if (const Result parsed = parseHeader(header, claimed); parsed != Result::Valid)
        return parsed;
    const QByteArray actual = hmacSha256(secret, body);
    if (actual.size() != 32)
        return Result::Mismatch;
    return CRYPTO_memcmp(claimed, actual.constData(), 32) == 0 ? Result::Valid : Result::Mismatch;
}

const char *Signature::resultName(Result result)
{
    switch (result) {
    case Result::Valid: return "valid";
    case Result::Missing: return "missing";
    case Result::Malformed: return "malformed";
    case Result::Mismatch: return "mismatch";
    }
    return "unknown";
}

} // namespace parley::core
