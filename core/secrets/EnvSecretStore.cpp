#include "secrets/EnvSecretStore.h"

#include <QFile>

namespace parley::core {

namespace {
const char *envName(const QString &key)
{
    if (key == QLatin1String(SecretStore::AccessToken))
        return "WA_TOKEN";
    if (key == QLatin1String(SecretStore::AppSecret))
        return "WA_APP_SECRET";
    if (key == QLatin1String(SecretStore::VerifyToken))
        return "WA_VERIFY_TOKEN";
    return nullptr;
}
} // namespace

EnvSecretStore::EnvSecretStore(const QString &tokenFile, QString *error)
{
    if (tokenFile.isEmpty())
        return;
    QFile f(tokenFile);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read the token file: %1").arg(f.errorString());
        return;
    }
    const QString token = QString::fromUtf8(f.readAll()).trimmed();
    if (!token.isEmpty())
        m_memory.write(QString::fromLatin1(AccessToken), token);
}

std::optional<QString> EnvSecretStore::read(const QString &key, QString *error)
{
    if (auto v = m_memory.read(key, error))
        return v;
    if (const char *name = envName(key)) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
    return std::nullopt;
}

bool EnvSecretStore::write(const QString &key, const QString &value, QString *error)
{
    return m_memory.write(key, value, error);
}

bool EnvSecretStore::remove(const QString &key, QString *error)
{
    return m_memory.remove(key, error);
}

} // namespace parley::core
