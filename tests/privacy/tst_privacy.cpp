// Retention purge and contact erasure over a real SQLite store (every schema step, its triggers):
// purge with an explicit "now" clears bodies and media older than N days and keeps newer ones,
// a dry run changes nothing; erase-contact leaves no row in any table mentioning the contact and
// leaves the other contacts alone; both through parleyctl too (JSON counts on stdout).
#include "privacy/ContactEraser.h"
#include "privacy/PrivacySettings.h"
#include "privacy/Retention.h"
#include "store/Database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace parley::core;

namespace {

constexpr qint64 kNow = 1'780'000'000; // a fixed "now", unix seconds
constexpr qint64 kDay = 86'400;

struct Contact
{
    qint64 id;
    QString waId;
    QString userId;
    QString name;
    QString word; // a word only this contact's messages contain
};

const Contact kAlice{1, QStringLiteral("15551230001"), QString(), QStringLiteral("Alice Example"),
    QStringLiteral("xylophonic")};
const Contact kBob{2, QStringLiteral("15551230002"), QStringLiteral("US.bsuid.bob0000000001"),
    QStringLiteral("Bob Builder"), QStringLiteral("quokkas")};
const Contact kCarol{3, QString(), QStringLiteral("US.13491208655302741918"),
    QStringLiteral("Carol BSUID"), QStringLiteral("vuvuzela")};

class Store
{
public:
    explicit Store(const QString &path) : m_name(QStringLiteral("privacy-%1").arg(++s_count))
    {
        QString error;
        m_db = Database::open(path, m_name, &error, Database::withJournal());
        if (!m_db.isValid())
            qFatal("open: %s", qPrintable(error));
    }
    ~Store()
    {
        m_db = QSqlDatabase();
        Database::close(m_name);
    }
    QSqlDatabase &db() { return m_db; }

    void exec(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(m_db);
        q.prepare(sql);
        for (const QVariant &v : binds)
            q.addBindValue(v);
        if (!q.exec())
            qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    }
    QVariant value(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(m_db);
        q.prepare(sql);
        for (const QVariant &v : binds)
            q.addBindValue(v);
        if (!q.exec() || !q.next())
            return {};
        return q.value(0);
    }
    qint64 count(const QString &sql, const QVariantList &binds = {})
    {
        return value(sql, binds).toLongLong();
    }
    // Every row of every table (FTS shadow tables included, unless withIndex is false: an
    // optimize rewrites their segments) as text.
    QString everything(bool withIndex = true)
    {
        QStringList tables;
        QSqlQuery q(m_db);
        // The store's tables and the journal file's.
        q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' UNION ALL "
                              "SELECT 'webhooks.' || name FROM webhooks.sqlite_master WHERE "
                              "type = 'table' ORDER BY 1"));
        while (q.next())
            tables.append(q.value(0).toString());
        QString out;
        for (const QString &t : tables) {
            if (t == QLatin1String("messages_fts"))
                continue; // read through its shadow tables
            if (!withIndex && t.startsWith(QLatin1String("messages_fts")))
                continue;
            QSqlQuery r(m_db);
            const QString from = t.startsWith(QLatin1String("webhooks."))
                ? QStringLiteral("webhooks.\"%1\"").arg(t.mid(9))
                : QStringLiteral("\"%1\"").arg(t);
            if (!r.exec(QStringLiteral("SELECT * FROM ") + from))
                continue;
            while (r.next()) {
                out += t + QLatin1Char(':');
                for (int i = 0; i < r.record().count(); ++i) {
                    const QVariant v = r.value(i);
                    out += (v.typeId() == QMetaType::QByteArray
                                   ? QString::fromLatin1(v.toByteArray())
                                   : v.toString())
                        + QLatin1Char('|');
                }
                out += QLatin1Char('\n');
            }
        }
        return out;
    }
    // Which tables hold a row mentioning `needle`.
    QStringList tablesMentioning(const QString &needle)
    {
        QStringList hits;
        for (const QString &line : everything().split(QLatin1Char('\n')))
            if (line.contains(needle))
                hits.append(line.section(QLatin1Char(':'), 0, 0));
        hits.removeDuplicates();
        return hits;
    }

private:
    static inline int s_count = 0;
    QString m_name;
    QSqlDatabase m_db;
};

// One conversation per contact; for each: an old text (40 days), an old image with a cached file,
// a new text (1 day), an old outbound answer with its outbox row and statuses, journal bodies.
void fill(Store &s, const QString &mediaDir)
{
    int journal = 0;
    for (const Contact &c : {kAlice, kBob, kCarol}) {
        s.exec(QStringLiteral(
                   "INSERT INTO contacts(id, wa_id, user_id, profile_name) VALUES (?, ?, ?, ?)"),
            {c.id, c.waId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : c.waId,
                c.userId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : c.userId, c.name});
        s.exec(QStringLiteral("INSERT INTO conversations(id, phone_number_id, contact_id, "
                              "last_message_at, last_message_preview) VALUES (?, 'PNID', ?, ?, ?)"),
            {c.id * 10, c.id, kNow - kDay, QStringLiteral("new %1").arg(c.word)});
        const QString from = c.waId.isEmpty() ? QString() : c.waId;
        auto message = [&](const QString &id, const QString &dir, qint64 ts, const QString &type,
                           const QString &text, const QString &mediaId, const QString &caption,
                           qint64 outboxId) {
            s.exec(QStringLiteral(
                       "INSERT INTO messages(id, conversation_id, direction, phone_number_id, "
                       "from_wa_id, from_user_id, type, timestamp, received_at, text, caption, "
                       "media_id, outbox_id, raw_json) VALUES (?, ?, ?, 'PNID', ?, ?, ?, ?, ?, ?, "
                       "?, ?, ?, ?)"),
                {id, c.id * 10, dir,
                    dir == QLatin1String("in") && !from.isEmpty()
                        ? QVariant(from)
                        : QVariant(QMetaType(QMetaType::QString)),
                    dir == QLatin1String("in") && !c.userId.isEmpty()
                        ? QVariant(c.userId)
                        : QVariant(QMetaType(QMetaType::QString)),
                    type, ts, ts * 1000,
                    text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : text,
                    caption.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : caption,
                    mediaId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : mediaId,
                    outboxId ? QVariant(outboxId) : QVariant(QMetaType(QMetaType::LongLong)),
                    QStringLiteral("{\"from\":\"%1\",\"text\":\"%2\"}").arg(from, text)});
        };
        const QString p = QStringLiteral("wamid.%1.").arg(c.id);
        message(QString(p + QStringLiteral("old")), QStringLiteral("in"), kNow - 40 * kDay,
            QStringLiteral("text"), QStringLiteral("old %1 secret").arg(c.word), {}, {}, 0);
        message(QString(p + QStringLiteral("img")), QStringLiteral("in"), kNow - 35 * kDay,
            QStringLiteral("image"), {}, QStringLiteral("media-%1").arg(c.id),
            QStringLiteral("photo of %1").arg(c.word), 0);
        message(QString(p + QStringLiteral("new")), QStringLiteral("in"), kNow - kDay,
            QStringLiteral("text"), QStringLiteral("new %1 words").arg(c.word), {}, {}, 0);
        message(QString(p + QStringLiteral("out")), QStringLiteral("out"), kNow - 39 * kDay,
            QStringLiteral("text"), QStringLiteral("answer to %1").arg(c.word), {}, {}, c.id);

        const QByteArray content = (QStringLiteral("image bytes of ") + c.word).toUtf8();
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
        const QString rel = sha.left(2) + QLatin1Char('/') + sha;
        QDir().mkpath(QDir(mediaDir).filePath(sha.left(2)));
        QFile f(QDir(mediaDir).filePath(rel));
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qFatal("media file");
        f.close();
        s.exec(QStringLiteral("INSERT INTO media_cache(media_id, sha256, mime_type, size, path, "
                              "state, updated_at) VALUES (?, ?, 'image/jpeg', ?, ?, 'fetched', 0)"),
            {QStringLiteral("media-%1").arg(c.id), sha, content.size(), rel});

        const QString recipientKey
            = c.waId.isEmpty() ? c.userId : QString(QLatin1Char('+') + c.waId);
        s.exec(QStringLiteral(
                   "INSERT INTO outbox(id, idempotency_key, phone_number_id, to_number, recipient, "
                   "recipient_key, type, message_json, state, wamid, created_at, updated_at) "
                   "VALUES (?, ?, 'PNID', ?, ?, ?, 'text', ?, 'accepted', ?, ?, ?)"),
            {c.id, QStringLiteral("key-%1").arg(c.id),
                c.waId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(recipientKey),
                c.userId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(c.userId),
                recipientKey, QStringLiteral("{\"text\":{\"body\":\"answer to %1\"}}").arg(c.word),
                QString(p + QStringLiteral("sent")), (kNow - 39 * kDay) * 1000,
                (kNow - 39 * kDay) * 1000});
        s.exec(QStringLiteral("UPDATE messages SET id = ? WHERE id = ?"),
            {QString(p + QStringLiteral("sent")), QString(p + QStringLiteral("out"))});
        s.exec(QStringLiteral("INSERT INTO outbox_attempts(outbox_id, attempt, started_at, wamid) "
                              "VALUES (?, 1, 0, ?)"),
            {c.id, QString(p + QStringLiteral("sent"))});
        s.exec(QStringLiteral("INSERT INTO status_events(message_id, status, recipient_id, "
                              "recipient_user_id, raw_json) VALUES (?, 'delivered', ?, ?, ?)"),
            {QString(p + QStringLiteral("sent")),
                c.waId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(c.waId),
                c.userId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(c.userId),
                QStringLiteral("{\"recipient_id\":\"%1\"}").arg(c.waId)});
        s.exec(QStringLiteral("INSERT INTO message_status(message_id, status, rank) VALUES (?, "
                              "'delivered', 2)"),
            {QString(p + QStringLiteral("sent"))});
        s.exec(QStringLiteral("INSERT INTO console_conversation_state(conversation_id, draft) "
                              "VALUES (?, ?)"),
            {c.id * 10, QStringLiteral("draft for %1").arg(c.word)});
        s.exec(QStringLiteral("INSERT INTO user_preferences(wa_id, user_id, category, value, "
                              "dedupe_key) VALUES (?, ?, 'marketing_messages', 'stop', ?)"),
            {c.waId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(c.waId),
                c.userId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(c.userId),
                QStringLiteral("pref-%1").arg(c.id)});
        for (qint64 age : {40 * kDay, kDay}) {
            const QByteArray body = QStringLiteral("{\"contacts\":[{\"wa_id\":\"%1\",\"user_id\":"
                                                   "\"%2\",\"profile\":{\"name\":\"%3\"}}],"
                                                   "\"messages\":[{\"text\":{\"body\":\"%4\"}}]}")
                                        .arg(c.waId, c.userId, c.name, c.word)
                                        .toUtf8();
            s.exec(QStringLiteral("INSERT INTO webhooks.journal(id, received_at, size, body) "
                                  "VALUES (?, ?, ?, ?)"),
                {++journal, (kNow - age) * 1000, body.size(), body});
            s.exec(QStringLiteral("INSERT INTO journal_parse(journal_id, state, parsed_at) "
                                  "VALUES (?, 'parsed', 1)"),
                {journal});
        }
    }
}

struct Run
{
    int code = -1;
    QJsonObject json;
    QString err;
};

Run parleyctl(const QStringList &args, const QString &errFile)
{
    QProcess p;
    p.setStandardErrorFile(errFile);
    p.start(QStringLiteral(PARLEYCTL_PATH), args);
    if (!p.waitForFinished(60'000))
        return {};
    QFile e(errFile);
    e.open(QIODevice::ReadOnly);
    return {p.exitCode(), QJsonDocument::fromJson(p.readAllStandardOutput()).object(),
        QString::fromUtf8(e.readAll())};
}

qint64 ftsHits(Store &s, const QString &word)
{
    return s.count(
        QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?"), {word});
}

} // namespace

class TestPrivacy : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("store.db")); }
    QString mediaDir() const { return m_dir->filePath(QStringLiteral("store.db.media")); }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        Store s(dbPath());
        fill(s, mediaDir());
    }
    void cleanup() { m_dir.reset(); }

    void settingsRoundTrip()
    {
        Store s(dbPath());
        QString error;
        PrivacySettings p = PrivacySettings::load(s.db(), &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(p.retentionDays, 0); // off by default
        QVERIFY(!p.retentionOn());
        QVERIFY(!p.maskPhones);
        p.retentionDays = 30;
        p.maskPhones = true;
        p.lastPurgeAtSecs = kNow;
        QVERIFY(p.save(s.db(), &error));
        const PrivacySettings back = PrivacySettings::load(s.db(), &error);
        QCOMPARE(back.retentionDays, 30);
        QVERIFY(back.maskPhones);
        QCOMPARE(back.lastPurgeAtSecs, kNow);
    }

    void dryRunChangesNothing()
    {
        Store s(dbPath());
        const QString before = s.everything();
        Retention::Options o{kNow, 30, true, mediaDir()};
        PrivacyCounts counts;
        QString error;
        QVERIFY2(Retention::purge(s.db(), o, &counts, &error), qPrintable(error));
        QCOMPARE(counts.value(QStringLiteral("messages")), 9); // 3 contacts x (old, img, out)
        QCOMPARE(counts.value(QStringLiteral("media_files")), 3);
        QCOMPARE(counts.value(QStringLiteral("journal_bodies")), 3);
        QCOMPARE(counts.value(QStringLiteral("outbox_bodies")), 3);
        QCOMPARE(s.everything(), before);
        QCOMPARE(QDir(mediaDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 3);
        QCOMPARE(ftsHits(s, kAlice.word), 4);
    }

    void purgeRemovesOldKeepsNew()
    {
        Store s(dbPath());
        // An old image whose media was never fetched.
        s.exec(QStringLiteral("INSERT INTO messages(id, conversation_id, direction, type, "
                              "timestamp, media_id) VALUES ('wamid.unfetched', 10, 'in', 'image', "
                              "?, 'media-unfetched')"),
            {kNow - 33 * kDay});
        Retention::Options o{kNow, 30, false, mediaDir()};
        PrivacyCounts counts;
        QString error;
        QVERIFY2(Retention::purge(s.db(), o, &counts, &error), qPrintable(error));
        QCOMPARE(counts.value(QStringLiteral("messages")), 9);
        QCOMPARE(counts.value(QStringLiteral("fts_rows")), 9);
        QCOMPARE(counts.value(QStringLiteral("media_rows")), 4);
        // Marked, so that no fetcher brings it in later.
        QCOMPARE(s.value(QStringLiteral(
                             "SELECT state FROM media_cache WHERE media_id = 'media-unfetched'"))
                     .toString(),
            QStringLiteral("purged"));
        QCOMPARE(counts.value(QStringLiteral("media_files")), 3);
        QVERIFY(counts.value(QStringLiteral("media_bytes")) > 0);

        for (const Contact &c : {kAlice, kBob, kCarol}) {
            const QString p = QStringLiteral("wamid.%1.").arg(c.id);
            // Old rows keep their shape, lose their content.
            QCOMPARE(s.count(QStringLiteral("SELECT count(*) FROM messages WHERE id IN (?, ?, ?) "
                                            "AND text IS NULL AND caption IS NULL AND raw_json IS "
                                            "NULL AND type IS NOT NULL"),
                         {QString(p + QStringLiteral("old")), QString(p + QStringLiteral("img")),
                             QString(p + QStringLiteral("sent"))}),
                3);
            QCOMPARE(s.value(QStringLiteral("SELECT text FROM messages WHERE id = ?"),
                          {QString(p + QStringLiteral("new"))})
                         .toString(),
                QStringLiteral("new %1 words").arg(c.word));
            // Search finds the new message only.
            QCOMPARE(ftsHits(s, c.word), 1);
            QCOMPARE(ftsHits(s, QStringLiteral("secret")), 0);
            QCOMPARE(s.value(QStringLiteral("SELECT state FROM media_cache WHERE media_id = ?"),
                          {QStringLiteral("media-%1").arg(c.id)})
                         .toString(),
                QStringLiteral("purged"));
            QCOMPARE(s.value(QStringLiteral("SELECT message_json FROM outbox WHERE id = ?"), {c.id})
                         .toString(),
                QStringLiteral("{}"));
        }
        // Cached files gone, the new journal bodies kept, the old ones emptied.
        QVERIFY(QDir(mediaDir()).entryList(QDir::Files, QDir::NoSort).isEmpty());
        for (const QString &sub : QDir(mediaDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            QVERIFY(QDir(QDir(mediaDir()).filePath(sub)).entryList(QDir::Files).isEmpty());
        QCOMPARE(s.count(QStringLiteral("SELECT count(*) FROM journal WHERE length(body) = 0")), 3);
        QCOMPARE(s.count(QStringLiteral("SELECT count(*) FROM journal WHERE length(body) > 0")), 3);
        // The previews are of yesterday's messages: kept.
        QCOMPARE(s.count(QStringLiteral(
                     "SELECT count(*) FROM conversations WHERE last_message_preview IS NOT NULL")),
            3);

        // Again: nothing left to purge.
        QVERIFY(Retention::purge(s.db(), o, &counts, &error));
        QCOMPARE(counts.value(QStringLiteral("messages")), 0);
        QCOMPARE(counts.value(QStringLiteral("media_files")), 0);

        // A shorter retention reaches yesterday's messages and the previews too.
        QVERIFY(Retention::purge(
            s.db(), Retention::Options{kNow + 1, 1, false, mediaDir()}, &counts, &error));
        QCOMPARE(counts.value(QStringLiteral("messages")), 3);
        QCOMPARE(counts.value(QStringLiteral("previews")), 3);
        QCOMPARE(ftsHits(s, kAlice.word), 0);
    }

    void purgeInBatches()
    {
        // More rows than one batch: every batch commits, the cursor walks on, nothing is missed.
        Store s(dbPath());
        const int extra = int(Retention::BatchRows) * 2 + 17;
        s.exec(QStringLiteral("BEGIN"));
        for (int i = 0; i < extra; ++i)
            s.exec(QStringLiteral("INSERT INTO messages(id, conversation_id, direction, type, "
                                  "timestamp, text) VALUES (?, 10, 'in', 'text', ?, ?)"),
                {QStringLiteral("wamid.bulk.%1").arg(i), kNow - 50 * kDay - i,
                    QStringLiteral("bulk zanzibar %1").arg(i)});
        s.exec(QStringLiteral("COMMIT"));
        QCOMPARE(ftsHits(s, QStringLiteral("zanzibar")), extra);
        PrivacyCounts counts;
        QString error;
        QVERIFY(Retention::purge(
            s.db(), Retention::Options{kNow, 30, true, mediaDir()}, &counts, &error));
        QCOMPARE(counts.value(QStringLiteral("messages")), extra + 9);
        QVERIFY2(Retention::purge(
                     s.db(), Retention::Options{kNow, 30, false, mediaDir()}, &counts, &error),
            qPrintable(error));
        QCOMPARE(counts.value(QStringLiteral("messages")), extra + 9);
        QCOMPARE(counts.value(QStringLiteral("fts_rows")), extra + 9);
        QCOMPARE(ftsHits(s, QStringLiteral("zanzibar")), 0);
        QCOMPARE(
            s.count(QStringLiteral("SELECT count(*) FROM messages WHERE text LIKE '%zanzibar%'")),
            0);
        QCOMPARE(ftsHits(s, kAlice.word), 1);
    }

    void purgeRefusesZeroDays()
    {
        Store s(dbPath());
        QString error;
        QVERIFY(!Retention::purge(
            s.db(), Retention::Options{kNow, 0, false, mediaDir()}, nullptr, &error));
        QVERIFY(!error.isEmpty());
    }

    void eraseLeavesNothingAboutTheContact()
    {
        Store s(dbPath());
        const QString bobBefore = s.everything(false);
        const int bobLines = int(bobBefore.count(kBob.word));
        const int carolLines = int(bobBefore.count(kCarol.word));
        QVERIFY(bobLines > 5);
        QVERIFY(!s.tablesMentioning(kAlice.waId).isEmpty());

        PrivacyCounts counts;
        QString error;
        QVERIFY2(ContactEraser::erase(s.db(), {QStringLiteral("+") + kAlice.waId, {}, 0},
                     mediaDir(), false, &counts, &error),
            qPrintable(error));
        QCOMPARE(counts.value(QStringLiteral("contacts")), 1);
        QCOMPARE(counts.value(QStringLiteral("conversations")), 1);
        QCOMPARE(counts.value(QStringLiteral("messages")), 4);
        QCOMPARE(counts.value(QStringLiteral("fts_rows")), 4);
        QCOMPARE(counts.value(QStringLiteral("outbox")), 1);
        QCOMPARE(counts.value(QStringLiteral("outbox_attempts")), 1);
        QCOMPARE(counts.value(QStringLiteral("status_events")), 1);
        QCOMPARE(counts.value(QStringLiteral("statuses")), 1);
        QCOMPARE(counts.value(QStringLiteral("user_preferences")), 1);
        QCOMPARE(counts.value(QStringLiteral("journal")), 2);
        QCOMPARE(counts.value(QStringLiteral("media_files")), 1);

        for (const QString &needle : {kAlice.waId, kAlice.name, kAlice.word,
                 QStringLiteral("wamid.1."), QStringLiteral("media-1")})
            QVERIFY2(s.tablesMentioning(needle).isEmpty(),
                qPrintable(
                    needle + QStringLiteral(" still in ") + s.tablesMentioning(needle).join(u',')));
        QCOMPARE(ftsHits(s, kAlice.word), 0);
        // Nor in the file itself (secure_delete, FTS optimized, WAL checkpointed).
        {
            QFile file(dbPath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(!file.readAll().contains(kAlice.word.toUtf8()));
        }

        // Bob and Carol untouched.
        const QString after = s.everything(false);
        QCOMPARE(int(after.count(kBob.word)), bobLines);
        QCOMPARE(int(after.count(kCarol.word)), carolLines);
        QCOMPARE(ftsHits(s, kBob.word), 4);
        QCOMPARE(s.count(QStringLiteral("SELECT count(*) FROM contacts")), 2);
    }

    void eraseByUserIdAndContactId()
    {
        Store s(dbPath());
        PrivacyCounts counts;
        QString error;
        QVERIFY(ContactEraser::erase(
            s.db(), {{}, kCarol.userId, 0}, mediaDir(), false, &counts, &error));
        QCOMPARE(counts.value(QStringLiteral("messages")), 4);
        QCOMPARE(counts.value(QStringLiteral("outbox")), 1);
        QVERIFY(s.tablesMentioning(kCarol.userId).isEmpty());
        QVERIFY(s.tablesMentioning(kCarol.word).isEmpty());

        QVERIFY(
            ContactEraser::erase(s.db(), {{}, {}, kBob.id}, mediaDir(), false, &counts, &error));
        QVERIFY(s.tablesMentioning(kBob.waId).isEmpty());
        QVERIFY(s.tablesMentioning(kBob.userId).isEmpty());
        QVERIFY(!s.tablesMentioning(kAlice.word).isEmpty());
    }

    void eraseErrorsChangeNothing()
    {
        Store s(dbPath());
        const QString before = s.everything();
        QString error;
        QVERIFY(!ContactEraser::erase(
            s.db(), {QStringLiteral("19999999999"), {}, 0}, mediaDir(), false, nullptr, &error));
        QVERIFY(error.contains(QLatin1String("no such contact")));
        QVERIFY(!ContactEraser::erase(s.db(), {}, mediaDir(), false, nullptr, &error));
        // A webhook about Alice not parsed yet: refused, so that ingest cannot bring her back.
        s.exec(QStringLiteral("DELETE FROM journal_parse WHERE journal_id = 1"));
        error.clear();
        QVERIFY(!ContactEraser::erase(
            s.db(), {kAlice.waId, {}, 0}, mediaDir(), false, nullptr, &error));
        QVERIFY2(error.contains(QLatin1String("waiting for the parser")), qPrintable(error));
        s.exec(QStringLiteral(
            "INSERT INTO journal_parse(journal_id, state, parsed_at) VALUES (1, 'parsed', 1)"));
        QCOMPARE(s.everything(), before);

        // A dry run counts and changes nothing.
        PrivacyCounts counts;
        QVERIFY(
            ContactEraser::erase(s.db(), {kAlice.waId, {}, 0}, mediaDir(), true, &counts, &error));
        QCOMPARE(counts.value(QStringLiteral("messages")), 4);
        QCOMPARE(counts.value(QStringLiteral("media_files")), 1);
        QCOMPARE(s.everything(), before);
    }

    void parleyctlPurgeAndErase()
    {
        const QString err = m_dir->filePath(QStringLiteral("stderr.txt"));
        const QString now = QString::number(kNow);
        Run r = parleyctl({QStringLiteral("purge"), QStringLiteral("--db"), dbPath(),
                              QStringLiteral("--older-than"), QStringLiteral("30"),
                              QStringLiteral("--now"), now, QStringLiteral("--dry-run")},
            err);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json.value(QLatin1String("messages")).toInt(), 9);
        QCOMPARE(r.json.value(QLatin1String("dry_run")).toBool(), true);
        {
            Store s(dbPath());
            QCOMPARE(ftsHits(s, QStringLiteral("secret")), 3);
        }
        r = parleyctl({QStringLiteral("purge"), QStringLiteral("--db"), dbPath(),
                          QStringLiteral("--older-than=30"), QStringLiteral("--now"), now},
            err);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json.value(QLatin1String("messages")).toInt(), 9);
        QCOMPARE(r.json.value(QLatin1String("media_files")).toInt(), 3);
        {
            Store s(dbPath());
            QCOMPARE(ftsHits(s, QStringLiteral("secret")), 0);
        }

        r = parleyctl({QStringLiteral("erase-contact"), QStringLiteral("--db"), dbPath(),
                          QStringLiteral("--user-id"), kCarol.userId},
            err);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json.value(QLatin1String("contacts")).toInt(), 1);
        QCOMPARE(r.json.value(QLatin1String("messages")).toInt(), 4);

        // Usage errors and a missing contact: non-zero, a message on stderr, nothing on stdout.
        r = parleyctl({QStringLiteral("purge"), QStringLiteral("--db"), dbPath()}, err);
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("--older-than")));
        r = parleyctl({QStringLiteral("erase-contact"), QStringLiteral("--db"), dbPath(),
                          QStringLiteral("--wa-id"), kAlice.waId, QStringLiteral("--contact-id"),
                          QStringLiteral("2")},
            err);
        QCOMPARE(r.code, 2);
        r = parleyctl({QStringLiteral("erase-contact"), QStringLiteral("--db"), dbPath(),
                          QStringLiteral("--user-id"), kCarol.userId},
            err);
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("no such contact")));
        QVERIFY(r.json.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPrivacy)
#include "tst_privacy.moc"
