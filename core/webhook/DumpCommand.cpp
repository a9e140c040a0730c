// parleyctl dump --db PATH messages|statuses [--current]|contacts|conversations|journal|events
//
// One JSON object per line on stdout, absent values as null. Field names: docs/cli.md.

#include "cli/Command.h"
#include "store/Database.h"
#include "webhook/InboundStore.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace parley::core {

namespace {

void usage()
{
    std::fputs("usage: parleyctl dump --db PATH "
               "messages|statuses [--current]|contacts|conversations|journal|events\n",
        stderr);
}

int runDump(const QStringList &args)
{
    QString dbPath;
    QString what;
    bool current = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--db") && i + 1 < args.size()) {
            dbPath = args.at(++i);
        } else if (arg.startsWith(QLatin1String("--db="))) {
            dbPath = arg.mid(5);
        } else if (arg == QLatin1String("--current")) {
            current = true;
        } else if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            usage();
            return cli::Ok;
        } else if (what.isEmpty() && !arg.startsWith(QLatin1Char('-'))) {
            what = arg;
        } else {
            std::fprintf(stderr, "dump: unexpected argument %s\n", qPrintable(arg));
            usage();
            return cli::Usage;
        }
    }
    if (dbPath.isEmpty() || !InboundStore::dumpKinds().contains(what)) {
        usage();
        return cli::Usage;
    }
    if (current && what != QLatin1String("statuses")) {
        std::fputs("dump: --current applies to statuses only\n", stderr);
        return cli::Usage;
    }
    if (!QFileInfo::exists(dbPath)) {
        std::fprintf(stderr, "dump: no store at %s\n", qPrintable(dbPath));
        return cli::Failure;
    }
    const QString connection = Database::threadConnectionName(QStringLiteral("dump"));
    QString error;
    {
        Database::Options open;
        open.attachJournal = true; // `dump journal`
        QSqlDatabase db = Database::open(dbPath, connection, &error, open);
        if (!db.isValid()) {
            std::fprintf(stderr, "dump: %s\n", qPrintable(error));
            return cli::Failure;
        }
        const bool ok = InboundStore::dump(
            db, what, current,
            [](const QJsonObject &row) {
                QByteArray line = QJsonDocument(row).toJson(QJsonDocument::Compact);
                line.append('\n');
                std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
            },
            &error);
        if (!ok) {
            std::fprintf(stderr, "dump: %s\n", qPrintable(error));
            Database::close(connection);
            return cli::Failure;
        }
    }
    std::fflush(stdout);
    Database::close(connection);
    return cli::Ok;
}

} // namespace

PARLEY_REGISTER_COMMAND("dump",
    "print messages, statuses, contacts, conversations, journal rows or events as JSON lines",
    runDump);

} // namespace parley::core
