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

QTEST_GUILESS_MAIN(TestSqliteStatement)
#include "tst_sqlitestatement.moc"
