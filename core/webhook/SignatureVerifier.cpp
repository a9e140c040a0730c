#include "webhook/SignatureVerifier.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

namespace parley::core {

SignatureVerifier::SignatureVerifier(QByteArrayView secret) : m_secret(secret.toByteArray())
{
    m_mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (m_mac)
        m_ctx = EVP_MAC_CTX_new(m_mac);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_end()};
    static const unsigned char empty = 0;
    const auto *key
        = m_secret.isEmpty() ? &empty : reinterpret_cast<const unsigned char *>(m_secret.data());
    if (m_ctx && EVP_MAC_init(m_ctx, key, std::size_t(m_secret.size()), params) != 1) {
        EVP_MAC_CTX_free(m_ctx);
        m_ctx = nullptr;
    }
}

SignatureVerifier::~SignatureVerifier()
{
    EVP_MAC_CTX_free(m_ctx);
    EVP_MAC_free(m_mac);
}

Signature::Result SignatureVerifier::verify(QByteArrayView body, const QByteArray &header)
{
    unsigned char claimed[32];
    if (const Signature::Result parsed = Signature::parseHeader(header, claimed);
        parsed != Signature::Result::Valid)
        return parsed;
    unsigned char actual[EVP_MAX_MD_SIZE];
    std::size_t length = 0;
    bool ok = false;
    {
        std::lock_guard lock(m_mutex);
        // A null key keeps the one set in the constructor: only the digest state is reset.
        ok = m_ctx && EVP_MAC_init(m_ctx, nullptr, 0, nullptr) == 1
            && EVP_MAC_update(m_ctx, reinterpret_cast<const unsigned char *>(body.data()),
                   std::size_t(body.size()))
                == 1
            && EVP_MAC_final(m_ctx, actual, &length, sizeof actual) == 1;
    }
    if (!ok) // no usable context: the one-shot path gives the same answer
        return Signature::verify(m_secret, body, header);
    if (length != 32)
        return Signature::Result::Mismatch;
    return CRYPTO_memcmp(claimed, actual, 32) == 0 ? Signature::Result::Valid
                                                   : Signature::Result::Mismatch;
}

} // namespace parley::core
