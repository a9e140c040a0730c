// parleyctl: Parley's command-line tool. Every subcommand lives beside its capability in the
// libraries and registers itself (core/cli/Command.h).
#include "cli/Command.h"
#include "common/Log.h"

#include <QCoreApplication>

#include <cstdio>

using namespace parley::core;

static void printUsage(FILE *out)
{
    std::fprintf(out,
        "usage: parleyctl <command> [options]\n       parleyctl --version\n\n"
        "commands:\n");
    for (const cli::Command *c : cli::Registry::instance().all())
        std::fprintf(out, "  %-16s %s\n", c->name, c->summary);
    std::fprintf(out, "\nRun 'parleyctl <command> --help' for a command's options.\n");
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("parleyctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("Parley"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PARLEY_VERSION));
    installJsonLogHandler();

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help")
        || args.first() == QLatin1String("-h") || args.first() == QLatin1String("help")) {
        printUsage(args.isEmpty() ? stderr : stdout);
        return args.isEmpty() ? cli::Usage : cli::Ok;
    }
    if (args.first() == QLatin1String("--version") || args.first() == QLatin1String("version")) {
        const char *rev = PARLEY_GIT_REV;
        if (rev[0])
            std::printf("parleyctl %s (git %s)\n", PARLEY_VERSION, rev);
        else
            std::printf("parleyctl %s\n", PARLEY_VERSION);
        return cli::Ok;
    }
    const QString name = args.takeFirst();
    const cli::Command *command = cli::Registry::instance().find(name);
    if (!command) {
        std::fprintf(stderr, "parleyctl: unknown command '%s'\n\n", qPrintable(name));
        printUsage(stderr);
        return cli::Usage;
    }
    return command->run(args);
}
