#pragma once

#include "webhook/ParsedValue.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <array>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace parley::core {

// A prepared statement on SQLite's C API, for the parse worker's hot path (QSqlQuery's
// bindValue/exec cost more than the SQL itself there). Use it on the connection's own thread,
// like the QSqlDatabase it comes from (Database::nativeHandle); it shares that connection's
// transaction. Finalized by the destructor, which must run before the connection closes.
class SqliteStatement
{
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // Prepared once for many executions (SQLITE_PREPARE_PERSISTENT).
    bool prepare(sqlite3 *db, const QString &sql, QString *error);
    bool isPrepared() const { return m_stmt != nullptr; }

    // Parameters are 0-based here (SQLite's are 1-based). Text is bound as UTF-8 kept alive
    // until reset().
    void bindNull(int index);
    void bindInt(int index, qint64 value);
    void bindDouble(int index, double value);
    void bindText(int index, const QString &value);
    void bindUtf8(int index, QByteArray utf8);
    void bindBlob(int index, const QByteArray &value); // must stay alive until reset()
    // Invalid -> NULL, bool/integers -> INTEGER, double -> REAL, strings -> TEXT.
    void bind(int index, const QVariant &value);
    // NULL -> NULL, bool/integer -> INTEGER, double -> REAL, text -> TEXT straight from its
    // UTF-8 bytes, not copied: they must stay alive and unchanged until reset() (exec() resets),
    // or, after setViewsOutliveReset(true), until forgetViews().
    void bind(int index, const ParsedValue &value);

    // For a statement executed many times with values viewed in one buffer (a webhook body and
    // its parse): with true, a text bound by bind(int, const ParsedValue &) that has the same
    // bytes as the view bound to that parameter before is not bound again: SQLite keeps the
    // earlier view. The caller must then call forgetViews() before any text bound that way goes
    // away or changes (before the next body). Integers equal to the one bound before are never
    // bound again (they need no buffer).
    void setViewsOutliveReset(bool outlive) { m_viewsOutliveReset = outlive; }
    void forgetViews() { m_viewBound = 0; }

    // Runs a statement that returns no rows (or ignores them) and resets it. False with
    // *error (and the statement reset) on failure.
    bool exec(QString *error);
    // For SELECTs: next() until false, then reset(). On an error next() returns false and
    // sets *error (when given).
    bool next(QString *error = nullptr);
    bool isNull(int column) const;
    qint64 columnInt(int column) const;
    QString columnText(int column) const;
    // The column as UTF-8 text (numbers in SQLite's text form), valid until the next
    // next()/reset() or another call for this column.
    std::string_view columnUtf8(int column) const;
    QVariant columnValue(int column) const; // NULL -> invalid QVariant
    void reset();

    // Rows changed by the last exec() on this connection, and the last inserted rowid.
    int changes() const;
    qint64 lastInsertRowid() const;

private:
    QString errorText() const;

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    std::vector<QByteArray> m_keep; // UTF-8 of bound text until reset()
    // Parameters 0-63 (0-based): bit i of m_bound: bound since the last reset(); of m_nonNull:
    // SQLite holds a non-NULL value for it (kept over reset(), which does not clear bindings for
    // statements of up to 64 parameters). Before a step, nullStale() sets to NULL what holds a
    // value from an earlier execution and was not bound again: unbound parameters are NULL, as
    // sqlite3_clear_bindings() would make them, at the cost of the few that changed. Binding
    // NULL to a parameter that is NULL already is skipped.
    quint64 m_bound = 0;
    quint64 m_nonNull = 0;
    bool m_clearOnReset = true; // more than 64 parameters: sqlite3_clear_bindings() on reset()
    // What SQLite holds, for parameters 0-63 bound by bindInt() (bit i of m_intBound: the value
    // m_ints[i]) or by bind(ParsedValue) text (bit i of m_viewBound: the view m_views[i], whose
    // bytes are alive until reset() or, with m_viewsOutliveReset, until forgetViews()).
    quint64 m_intBound = 0;
    quint64 m_viewBound = 0;
    bool m_viewsOutliveReset = false;
    std::array<qint64, 64> m_ints{};
    std::array<std::string_view, 64> m_views{};
    void markBound(int index)
    {
        if (index >= 0 && index < 64) {
            const quint64 bit = quint64(1) << index;
            m_bound |= bit;
            m_nonNull |= bit;
            m_intBound &= ~bit;
            m_viewBound &= ~bit;
        }
    }
    void nullStale();
};

} // namespace parley::core
