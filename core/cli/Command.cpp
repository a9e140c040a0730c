#include "cli/Command.h"

#include <algorithm>

namespace parley::core::cli {

Registry &Registry::instance()
{
    static Registry registry;
    return registry;
}

void Registry::add(Command command)
{
    m_commands.append(std::move(command));
}

const Command *Registry::find(const QString &name) const
{
    for (const Command &c : m_commands) {
        if (name == QLatin1String(c.name))
            return &c;
    }
    return nullptr;
}

QList<const Command *> Registry::all() const
{
    QList<const Command *> out;
    for (const Command &c : m_commands)
        out << &c;
    std::sort(out.begin(), out.end(),
        [](const Command *a, const Command *b) { return qstrcmp(a->name, b->name) < 0; });
    return out;
}

} // namespace parley::core::cli
