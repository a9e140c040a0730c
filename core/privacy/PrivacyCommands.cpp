// parleyctl purge --db PATH --older-than DAYS [--dry-run] [--media-dir DIR] [--now UNIX_SECS]
// parleyctl erase-contact --db PATH (--wa-id N | --user-id BSUID | --contact-id ID) [--dry-run]
//                         [--media-dir DIR]
//
// Both print one JSON object of counts on stdout (docs/cli.md) and change nothing on error.

#include "cli/Command.h"
#include "privacy/ContactEraser.h"
#include "privacy/Retention.h"
#include "store/Database.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>

#include <cstdio>

namespace parley::core {

namespace {

struct Args
{
    QMap<QString, QString> values;
    QStringList flags;
    QString bad;
};

// --name VALUE or --name=VALUE for `valued`, bare --name for `bare`.
Args parse(const QStringList &args, const QStringList &valued, const QStringList &bare)
{
    Args a;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString arg = args.at(i);
        if (!arg.startsWith(QLatin1String("--"))) {
            a.bad = arg;
            return a;
        }
        arg = arg.mid(2);
        QString value;
        const qsizetype eq = arg.indexOf(u'=');
        if (eq >= 0) {
            value = arg.mid(eq + 1);
            arg = arg.left(eq);
        }
        if (bare.contains(arg) && eq < 0) {
            a.flags.append(arg);
        } else if (valued.contains(arg)) {
            if (eq < 0) {
                if (i + 1 >= args.size()) {
                    a.bad = args.at(i);
                    return a;
                }
                value = args.at(++i);
            }
            a.values.insert(arg, value);
        } else {
            a.bad = args.at(i);
            return a;
        }
    }
    return a;
}

void print(const QJsonObject &o)
{
    QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    line.append('\n');
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

QString mediaDirFor(const Args &a)
{
    return a.values.contains(QStringLiteral("media-dir"))
        ? a.values.value(QStringLiteral("media-dir"))
        : a.values.value(QStringLiteral("db")) + QStringLiteral(".media");
}

const char *const kPurgeUsage
    = "usage: parleyctl purge --db PATH --older-than DAYS [--dry-run] [--media-dir DIR]\n"
      "                       [--now UNIX_SECONDS]\n"
      "Purges message bodies and media older than DAYS (the retention policy); prints counts.\n";

int runPurge(const QStringList &args)
{
    const Args a = parse(args,
        {QStringLiteral("db"), QStringLiteral("older-than"), QStringLiteral("media-dir"),
            QStringLiteral("now")},
        {QStringLiteral("dry-run"), QStringLiteral("help")});
    if (a.flags.contains(QStringLiteral("help"))) {
        std::fputs(kPurgeUsage, stdout);
        return cli::Ok;
    }
    if (!a.bad.isEmpty()) {
        std::fprintf(stderr, "purge: unexpected argument %s\n%s", qPrintable(a.bad), kPurgeUsage);
        return cli::Usage;
    }
    const QString dbPath = a.values.value(QStringLiteral("db"));
    bool ok = false;
    const int days = a.values.value(QStringLiteral("older-than")).toInt(&ok);
    if (dbPath.isEmpty() || !ok || days <= 0) {
        std::fprintf(stderr,
            "purge: --db and --older-than DAYS (a whole number >= 1) are "
            "required\n%s",
            kPurgeUsage);
        return cli::Usage;
    }
    Retention::Options options;
    options.olderThanDays = days;
    options.dryRun = a.flags.contains(QStringLiteral("dry-run"));
    options.mediaDir = mediaDirFor(a);
    options.nowSecs = QDateTime::currentSecsSinceEpoch();
    if (a.values.contains(QStringLiteral("now"))) {
        options.nowSecs = a.values.value(QStringLiteral("now")).toLongLong(&ok);
        if (!ok || options.nowSecs <= 0) {
            std::fputs("purge: --now takes unix seconds\n", stderr);
            return cli::Usage;
        }
    }
    if (!QFileInfo::exists(dbPath)) {
        std::fprintf(stderr, "purge: no store at %s\n", qPrintable(dbPath));
        return cli::Failure;
    }
    const QString connection = Database::threadConnectionName(QStringLiteral("purge"));
    QString error;
    PrivacyCounts counts;
    bool done = false;
    {
        // The journal attached: its old bodies are purged too.
        Database::Options open;
        open.attachJournal = true;
        QSqlDatabase db = Database::open(dbPath, connection, &error, open);
        if (db.isValid())
            done = Retention::purge(db, options, &counts, &error);
    }
    Database::close(connection);
    if (!done) {
        std::fprintf(stderr, "purge: %s\n", qPrintable(error));
        return cli::Failure;
    }
    QJsonObject out = privacyCountsJson(counts);
    out.insert(QStringLiteral("dry_run"), options.dryRun);
    out.insert(QStringLiteral("older_than_days"), days);
    out.insert(QStringLiteral("cutoff"),
        QDateTime::fromSecsSinceEpoch(Retention::cutoffSecs(options), Qt::UTC)
            .toString(Qt::ISODate));
    print(out);
    return cli::Ok;
}

const char *const kEraseUsage
    = "usage: parleyctl erase-contact --db PATH (--wa-id N | --user-id BSUID | --contact-id ID)\n"
      "                               [--dry-run] [--media-dir DIR]\n"
      "Erases everything stored about one contact in one transaction; prints counts.\n";

int runEraseContact(const QStringList &args)
{
    const Args a = parse(args,
        {QStringLiteral("db"), QStringLiteral("wa-id"), QStringLiteral("user-id"),
            QStringLiteral("contact-id"), QStringLiteral("media-dir")},
        {QStringLiteral("dry-run"), QStringLiteral("help")});
    if (a.flags.contains(QStringLiteral("help"))) {
        std::fputs(kEraseUsage, stdout);
        return cli::Ok;
    }
    if (!a.bad.isEmpty()) {
        std::fprintf(
            stderr, "erase-contact: unexpected argument %s\n%s", qPrintable(a.bad), kEraseUsage);
        return cli::Usage;
    }
    const QString dbPath = a.values.value(QStringLiteral("db"));
    ContactEraser::Selector selector;
    selector.waId = a.values.value(QStringLiteral("wa-id"));
    selector.userId = a.values.value(QStringLiteral("user-id"));
    int given = 0;
    for (const char *k : {"wa-id", "user-id", "contact-id"})
        given += a.values.contains(QString::fromLatin1(k)) ? 1 : 0;
    bool ok = true;
    if (a.values.contains(QStringLiteral("contact-id")))
        selector.contactId = a.values.value(QStringLiteral("contact-id")).toLongLong(&ok);
    if (dbPath.isEmpty() || given != 1 || !ok
        || (a.values.contains(QStringLiteral("contact-id")) && selector.contactId <= 0)) {
        std::fprintf(stderr,
            "erase-contact: --db and exactly one of --wa-id, --user-id, --contact-id are "
            "required\n%s",
            kEraseUsage);
        return cli::Usage;
    }
    if (!QFileInfo::exists(dbPath)) {
        std::fprintf(stderr, "erase-contact: no store at %s\n", qPrintable(dbPath));
        return cli::Failure;
    }
    const bool dryRun = a.flags.contains(QStringLiteral("dry-run"));
    const QString connection = Database::threadConnectionName(QStringLiteral("erase"));
    QString error;
    PrivacyCounts counts;
    bool done = false;
    {
        // The journal attached: the contact's webhook bodies are erased too.
        Database::Options open;
        open.attachJournal = true;
        QSqlDatabase db = Database::open(dbPath, connection, &error, open);
        if (db.isValid())
            done = ContactEraser::erase(db, selector, mediaDirFor(a), dryRun, &counts, &error);
    }
    Database::close(connection);
    if (!done) {
        std::fprintf(stderr, "erase-contact: %s\n", qPrintable(error));
        return cli::Failure;
    }
    QJsonObject out = privacyCountsJson(counts);
    out.insert(QStringLiteral("dry_run"), dryRun);
    print(out);
    return cli::Ok;
}

} // namespace

PARLEY_REGISTER_COMMAND("purge", "purge message bodies and media older than N days", runPurge);
PARLEY_REGISTER_COMMAND(
    "erase-contact", "erase everything stored about one contact", runEraseContact);

} // namespace parley::core
