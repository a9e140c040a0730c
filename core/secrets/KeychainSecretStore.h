#pragma once

#include "secrets/SecretStore.h"

#include <QString>

namespace parley::core {

// Secrets in the OS keychain through qtkeychain (Secret Service on Linux, Keychain on macOS,
// Credential Manager on Windows). Each key is stored under the service name, so two
// installations (or a test) can keep their secrets apart.
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("Parley"));

    std::optional<QString> read(const QString &key, QString *error = nullptr) override;
    bool write(const QString &key, const QString &value, QString *error = nullptr) override;
    bool remove(const QString &key, QString *error = nullptr) override;

    QString service() const { return m_service; }

private:
    QString m_service;
};

} // namespace parley::core
