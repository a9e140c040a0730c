// SqliteStatement keeps SQLite's bindings over reset() and sets to NULL, before the next step,
// only what an earlier execution bound and this one did not: every parameter that is not bound
// must still read as NULL, whatever the earlier executions bound (text whose buffer is gone
// included: ASan would see a read of it), with up to 64 parameters and beyond.

#include "store/Database.h"
#include "webhook/SqliteStatement.h"

#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QtTest>

using namespace parley::core;

class TestSqliteStatement : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QSqlDatabase m_db;
    sqlite3 *m_handle = nullptr;

    // One row of a SELECT of parameters: each column's text, or "NULL".
    QStringList row(SqliteStatement &q, int columns)
    {
        QStringList out;
        QString error;
        if (!q.next(&error)) {
            q.reset();
            return {QStringLiteral("no row: ") + error};
        }
        for (int i = 0; i < columns; ++i)
            out << (q.isNull(i) ? QStringLiteral("NULL") : q.columnText(i));
        q.reset();
        return out;
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void unboundParametersAreNull();
    void nullAfterAValueInOneExecution();
    void execLeavesNoValueBehind();
    void moreThan64Parameters();
    void equalIntegersAreKept();
    void equalViewsAreKeptWithinABody();
};

void TestSqliteStatement::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_db = Database::open(m_dir.filePath(QStringLiteral("s.db")), QStringLiteral("stmt"), &error);
    QVERIFY2(m_db.isValid(), qPrintable(error));
    m_handle = Database::nativeHandle(m_db);
    QVERIFY(m_handle);
}

void TestSqliteStatement::cleanupTestCase()
{
    m_db = QSqlDatabase();
    Database::close(QStringLiteral("stmt"));
}

void TestSqliteStatement::unboundParametersAreNull()
{
    SqliteStatement q;
    QString error;
    QVERIFY2(q.prepare(m_handle, QStringLiteral("SELECT ?, ?, ?, ?"), &error), qPrintable(error));
    QCOMPARE(row(q, 4),
        (QStringList{QStringLiteral("NULL"), QStringLiteral("NULL"), QStringLiteral("NULL"),
            QStringLiteral("NULL")}));
    {
        // Text whose buffer is freed by reset(): never read again.
        QByteArray owned("a value that lives on the heap for a while");
        q.bindUtf8(0, owned);
        q.bindInt(1, 42);
        const QByteArray view("viewed");
        q.bind(2, ParsedValue::fromUtf8(std::string_view(view.constData(), 6)));
        q.bindText(3, QStringLiteral("text"));
        QCOMPARE(row(q, 4),
            (QStringList{QStringLiteral("a value that lives on the heap for a while"),
                QStringLiteral("42"), QStringLiteral("viewed"), QStringLiteral("text")}));
    }
    q.bindInt(1, 7);
    QCOMPARE(row(q, 4),
        (QStringList{QStringLiteral("NULL"), QStringLiteral("7"), QStringLiteral("NULL"),
            QStringLiteral("NULL")}));
    QCOMPARE(row(q, 4),
        (QStringList{QStringLiteral("NULL"), QStringLiteral("NULL"), QStringLiteral("NULL"),
            QStringLiteral("NULL")}));
}

void TestSqliteStatement::nullAfterAValueInOneExecution()
{
    SqliteStatement q;
    QString error;
    QVERIFY2(q.prepare(m_handle, QStringLiteral("SELECT ?, ?"), &error), qPrintable(error));
    q.bindInt(0, 1);
    q.bindInt(1, 2);
    QCOMPARE(row(q, 2), (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    // Bound again, then NULL in the same execution; and NULL from a NULL ParsedValue.
    q.bindInt(0, 3);
    q.bindNull(0);
    q.bind(1, ParsedValue());
    QCOMPARE(row(q, 2), (QStringList{QStringLiteral("NULL"), QStringLiteral("NULL")}));
    q.bindNull(0);
    q.bindInt(1, 5);
    QCOMPARE(row(q, 2), (QStringList{QStringLiteral("NULL"), QStringLiteral("5")}));
}

void TestSqliteStatement::execLeavesNoValueBehind()
{
    SqliteStatement create, insert, select;
    QString error;
    QVERIFY2(create.prepare(m_handle, QStringLiteral("CREATE TABLE t(n INTEGER, a, b)"), &error),
        qPrintable(error));
    QVERIFY2(create.exec(&error), qPrintable(error));
    QVERIFY2(insert.prepare(m_handle, QStringLiteral("INSERT INTO t VALUES(?, ?, ?)"), &error),
        qPrintable(error));
    insert.bindInt(0, 1);
    insert.bindUtf8(1, QByteArray("first a"));
    insert.bindDouble(2, 2.5);
    QVERIFY2(insert.exec(&error), qPrintable(error));
    insert.bindInt(0, 2);
    QVERIFY2(insert.exec(&error), qPrintable(error));
    insert.bindInt(0, 3);
    insert.bind(2, QVariant(QStringLiteral("third b")));
    QVERIFY2(insert.exec(&error), qPrintable(error));
    QVERIFY2(select.prepare(m_handle,
                 QStringLiteral("SELECT group_concat(n || ':' || coalesce(a, 'NULL') || ':' || "
                                "coalesce(b, 'NULL'), ' ') FROM (SELECT * FROM t ORDER BY n)"),
                 &error),
        qPrintable(error));
    QCOMPARE(
        row(select, 1), QStringList{QStringLiteral("1:first a:2.5 2:NULL:NULL 3:NULL:third b")});
}

void TestSqliteStatement::moreThan64Parameters()
{
    QStringList marks;
    for (int i = 0; i < 70; ++i)
        marks << QStringLiteral("?");
    SqliteStatement q;
    QString error;
    QVERIFY2(q.prepare(m_handle, QStringLiteral("SELECT ") + marks.join(u','), &error),
        qPrintable(error));
    q.bindInt(3, 3);
    q.bindInt(63, 63);
    q.bindInt(64, 64);
    q.bindInt(69, 69);
    QStringList first = row(q, 70);
    QCOMPARE(first.size(), 70);
    QCOMPARE(first.at(3), QStringLiteral("3"));
    QCOMPARE(first.at(63), QStringLiteral("63"));
    QCOMPARE(first.at(64), QStringLiteral("64"));
    QCOMPARE(first.at(69), QStringLiteral("69"));
    QCOMPARE(first.count(QStringLiteral("NULL")), 66);
    q.bindInt(64, 640);
    const QStringList second = row(q, 70);
    QCOMPARE(second.at(64), QStringLiteral("640"));
    QCOMPARE(second.count(QStringLiteral("NULL")), 69);
}

void TestSqliteStatement::equalIntegersAreKept()
{
    // An integer equal to the one SQLite holds is not bound again; anything that replaced it
    // (NULL, a text, an execution that did not bind it) makes the next one bound for real.
    SqliteStatement q;
    QString error;
    QVERIFY2(q.prepare(m_handle, QStringLiteral("SELECT ?, ?"), &error), qPrintable(error));
    q.bindInt(0, 5);
    q.bindInt(1, 6);
    QCOMPARE(row(q, 2), (QStringList{QStringLiteral("5"), QStringLiteral("6")}));
    q.bindInt(0, 5);
    q.bindInt(1, 7);
    QCOMPARE(row(q, 2), (QStringList{QStringLiteral("5"), QStringLiteral("7")}));
    q.bindInt(1, 7); // not bound in this execution: parameter 0 goes NULL
    QCOMPARE(row(q, 2), (QStringList{QStringLiteral("NULL"), QStringLiteral("7")}));
    q.bindInt(0, 5);
    q.bindNull(1);
    QCOMPARE(row(q, 2), (QStringList{QStringLiteral("5"), QStringLiteral("NULL")}));
    q.bindInt(0, 5);
    q.bindInt(1, 7);
    QCOMPARE(row(q, 2), (QStringList{QStringLiteral("5"), QStringLiteral("7")}));
    const QByteArray text("text");
    q.bind(0, ParsedValue::fromUtf8(std::string_view(text.constData(), 4)));
    q.bindInt(1, 7);
    QCOMPARE(row(q, 2), (QStringList{QStringLiteral("text"), QStringLiteral("7")}));
    q.bindInt(0, 5);
    q.bindDouble(1, 7.5);
    QCOMPARE(row(q, 2), (QStringList{QStringLiteral("5"), QStringLiteral("7.5")}));
    q.bindInt(0, 5);
    q.bindInt(1, 7);
    QCOMPARE(row(q, 2), (QStringList{QStringLiteral("5"), QStringLiteral("7")}));
    q.bind(0, ParsedValue::fromBool(true));
    q.bind(1, ParsedValue::fromInteger(7));
    QCOMPARE(row(q, 2), (QStringList{QStringLiteral("1"), QStringLiteral("7")}));
}

void TestSqliteStatement::equalViewsAreKeptWithinABody()
{
    // With views that outlive reset(), a text with the bytes of the view SQLite holds is not
    // bound again, within one body; forgetViews() starts the next body, after which the old
    // buffer is never read (ASan would see it). Without that setting, views are forgotten at
    // every reset().
    SqliteStatement q;
    QString error;
    QVERIFY2(q.prepare(m_handle, QStringLiteral("SELECT ?, ?"), &error), qPrintable(error));
    q.setViewsOutliveReset(true);
    auto view = [](const QByteArray &bytes, qsizetype from, qsizetype size) {
        return ParsedValue::fromUtf8(std::string_view(bytes.constData() + from, size_t(size)));
    };
    {
        const QByteArray body("read|read|sent|read");
        q.bind(0, view(body, 0, 4));
        q.bind(1, view(body, 10, 4));
        QCOMPARE(row(q, 2), (QStringList{QStringLiteral("read"), QStringLiteral("sent")}));
        q.bind(0, view(body, 5, 4)); // equal bytes elsewhere in the body: kept
        q.bind(1, view(body, 15, 4)); // different: bound
        QCOMPARE(row(q, 2), (QStringList{QStringLiteral("read"), QStringLiteral("read")}));
        q.bind(0, view(body, 0, 3)); // a prefix: different
        q.bindNull(1);
        QCOMPARE(row(q, 2), (QStringList{QStringLiteral("rea"), QStringLiteral("NULL")}));
        q.bind(0, view(body, 0, 3));
        q.bind(1, view(body, 15, 4)); // was NULL: bound again
        QCOMPARE(row(q, 2), (QStringList{QStringLiteral("rea"), QStringLiteral("read")}));
    }
    q.forgetViews();
    {
        QByteArray next("xxxx|sent");
        q.bind(0, view(next, 5, 4));
        q.bind(1, view(next, 5, 4));
        QCOMPARE(row(q, 2), (QStringList{QStringLiteral("sent"), QStringLiteral("sent")}));
        next.replace(5, 4, "read"); // the caller's bytes change: a new body for the statement
        q.forgetViews();
        q.bind(0, view(next, 5, 4));
        q.bind(1, view(next, 0, 4));
        QCOMPARE(row(q, 2), (QStringList{QStringLiteral("read"), QStringLiteral("xxxx")}));
    }
    q.forgetViews();
    SqliteStatement plain;
    QVERIFY2(plain.prepare(m_handle, QStringLiteral("SELECT ?"), &error), qPrintable(error));
    {
        const QByteArray first("gone soon");
        plain.bind(0, view(first, 0, 4));
        QCOMPARE(row(plain, 1), QStringList{QStringLiteral("gone")});
    }
    const QByteArray second("gone again");
    plain.bind(0, view(second, 0, 4));
    QCOMPARE(row(plain, 1), QStringList{QStringLiteral("gone")});
}

QTEST_GUILESS_MAIN(TestSqliteStatement)
#include "tst_sqlitestatement.moc"
