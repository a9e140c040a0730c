#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <optional>

namespace parley::core {

// Secrets (access token, app secret, verify token) sit behind this interface: the OS keychain
// (qtkeychain) in the desktop app, environment variables or files for parleyctl, memory in unit
// tests. A secret never reaches a log line, a database row or a metric.
class SecretStore
{
public:
    // Well-known keys.
    static constexpr const char *AccessToken = "access_token";
    static constexpr const char *AppSecret = "app_secret";
    static constexpr const char *VerifyToken = "verify_token";

    virtual ~SecretStore() = default;
    // Blocking reads and writes; implementations are thread-safe. Errors leave *error set.
    virtual std::optional<QString> read(const QString &key, QString *error = nullptr) = 0;
    virtual bool write(const QString &key, const QString &value, QString *error = nullptr) = 0;
    virtual bool remove(const QString &key, QString *error = nullptr) = 0;
};

class MemorySecretStore final : public SecretStore
{
public:
    std::optional<QString> read(const QString &key, QString * = nullptr) override
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_values.constFind(key);
        if (it == m_values.cend())
            return std::nullopt;
        return *it;
    }
    bool write(const QString &key, const QString &value, QString * = nullptr) override
    {
        QMutexLocker lock(&m_mutex);
        m_values.insert(key, value);
        return true;
    }
    bool remove(const QString &key, QString * = nullptr) override
    {
        QMutexLocker lock(&m_mutex);
        m_values.remove(key);
        return true;
    }

private:
    QMutex m_mutex;
    QHash<QString, QString> m_values;
};

} // namespace parley::core
