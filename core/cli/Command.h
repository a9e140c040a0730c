#pragma once

#include <QStringList>

#include <functional>

namespace parley::core::cli {

// parleyctl's subcommands register themselves here (one file per command, beside its capability),
// so that adding a command never touches app/parleyctl/main.cpp. parleyctl links the libraries
// whole-archive so that registrations in static libraries are kept.
struct Command
{
    const char *name;
    const char *summary;
    // args: everything after the command name. Returns the process exit code. Runs inside a
    // QCoreApplication (or QApplication) that already exists.
    std::function<int(const QStringList &args)> run;
};

class Registry
{
public:
    static Registry &instance();
    void add(Command command);
    const Command *find(const QString &name) const;
    QList<const Command *> all() const;

private:
    QList<Command> m_commands;
};

struct Registration
{
    explicit Registration(Command command) { Registry::instance().add(std::move(command)); }
};

// Exit codes shared by every command.
enum Exit : int { Ok = 0, Failure = 1, Usage = 2 };

} // namespace parley::core::cli

#define PARLEY_CONCAT_INNER(a, b) a##b
#define PARLEY_CONCAT(a, b) PARLEY_CONCAT_INNER(a, b)
#define PARLEY_REGISTER_COMMAND(name, summary, fn)                                                 \
    static const ::parley::core::cli::Registration PARLEY_CONCAT(parleyCommand_, __LINE__)(        \
        ::parley::core::cli::Command{name, summary, fn})
