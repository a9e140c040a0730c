#pragma once

#include "secrets/SecretStore.h"

namespace parley::core {

// parleyctl's secrets: the access token from --token-file FILE or $WA_TOKEN, the app secret from
// $WA_APP_SECRET, the verify token from $WA_VERIFY_TOKEN. Writes stay in memory (the process).
// Never read from the command line itself: arguments are visible to every user of the machine.
class EnvSecretStore final : public SecretStore
{
public:
    // tokenFile: read once now; an unreadable file leaves *error set and no token.
    explicit EnvSecretStore(const QString &tokenFile = {}, QString *error = nullptr);

    std::optional<QString> read(const QString &key, QString *error = nullptr) override;
    bool write(const QString &key, const QString &value, QString *error = nullptr) override;
    bool remove(const QString &key, QString *error = nullptr) override;

private:
    MemorySecretStore m_memory;
};

} // namespace parley::core
