#include "webhook/SqliteStatement.h"

#include <sqlite3.h>

#include <bit>

namespace parley::core {

SqliteStatement::~SqliteStatement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

bool SqliteStatement::prepare(sqlite3 *db, const QString &sql, QString *error)
{
    if (m_stmt) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
    m_db = db;
    m_bound = 0;
    m_nonNull = 0;
    m_intBound = 0;
    m_viewBound = 0;
    m_clearOnReset = true;
    m_keep.clear();
    if (!db) {
        if (error)
            *error = QStringLiteral("no SQLite connection");
        return false;
    }
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_prepare_v3(
        db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        if (error) {
            *error = QStringLiteral("prepare failed: %1 (%2)")
                         .arg(QString::fromUtf8(sqlite3_errmsg(db)), sql);
        }
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        return false;
    }
    m_clearOnReset = sqlite3_bind_parameter_count(m_stmt) > 64;
    return true;
}

void SqliteStatement::bindNull(int index)
{
    if (index >= 0 && index < 64) {
        const quint64 bit = quint64(1) << index;
        m_bound |= bit;
        if (!(m_nonNull & bit))
            return; // NULL already
        m_nonNull &= ~bit;
        m_intBound &= ~bit;
        m_viewBound &= ~bit;
    }
    sqlite3_bind_null(m_stmt, index + 1);
}

void SqliteStatement::bindInt(int index, qint64 value)
{
    if (index >= 0 && index < 64) {
        const quint64 bit = quint64(1) << index;
        if ((m_intBound & bit) && m_ints[size_t(index)] == value) {
            m_bound |= bit; // SQLite holds this value already
            return;
        }
        markBound(index);
        m_intBound |= bit;
        m_ints[size_t(index)] = value;
    }
    sqlite3_bind_int64(m_stmt, index + 1, value);
}

void SqliteStatement::bindDouble(int index, double value)
{
    markBound(index);
    sqlite3_bind_double(m_stmt, index + 1, value);
}

void SqliteStatement::bindText(int index, const QString &value)
{
    bindUtf8(index, value.toUtf8());
}

void SqliteStatement::bindUtf8(int index, QByteArray utf8)
{
    // A null QByteArray has no data pointer: bind "" (a present, empty string), not NULL.
    markBound(index);
    m_keep.push_back(std::move(utf8));
    const QByteArray &kept = m_keep.back();
    sqlite3_bind_text(
        m_stmt, index + 1, kept.isNull() ? "" : kept.constData(), int(kept.size()), SQLITE_STATIC);
}

void SqliteStatement::bindBlob(int index, const QByteArray &value)
{
    markBound(index);
    sqlite3_bind_blob(m_stmt, index + 1, value.isNull() ? "" : value.constData(), int(value.size()),
        SQLITE_STATIC);
}

void SqliteStatement::bind(int index, const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType: bindNull(index); return;
    case QMetaType::Bool: bindInt(index, value.toBool() ? 1 : 0); return;
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong: bindInt(index, value.toLongLong()); return;
    case QMetaType::Double:
    case QMetaType::Float: bindDouble(index, value.toDouble()); return;
    case QMetaType::QString:
        bindText(index, *static_cast<const QString *>(value.constData()));
        return;
    case QMetaType::QByteArray:
        bindUtf8(index, *static_cast<const QByteArray *>(value.constData()));
        return;
    default:
        if (value.isNull())
            bindNull(index);
        else
            bindText(index, value.toString());
        return;
    }
}

void SqliteStatement::bind(int index, const ParsedValue &value)
{
    switch (value.type()) {
    case ParsedValue::Type::Null: bindNull(index); return;
    case ParsedValue::Type::Bool: bindInt(index, value.toBool() ? 1 : 0); return;
    case ParsedValue::Type::Integer: bindInt(index, value.toLongLong()); return;
    case ParsedValue::Type::Double: bindDouble(index, value.toDouble()); return;
    case ParsedValue::Type::Text: {
        // SQLite reads these bytes at each step until the parameter is bound again: nullStale()
        // replaces them before a step that did not bind it, and a view is compared below only
        // while its bytes are alive (m_viewBound, see setViewsOutliveReset()).
        const std::string_view text = value.utf8();
        if (index >= 0 && index < 64) {
            const quint64 bit = quint64(1) << index;
            if ((m_viewBound & bit) && m_views[size_t(index)] == text) {
                m_bound |= bit; // SQLite's view has these bytes already
                return;
            }
            markBound(index);
            m_viewBound |= bit;
            m_views[size_t(index)] = text;
        }
        sqlite3_bind_text(
            m_stmt, index + 1, text.data() ? text.data() : "", int(text.size()), SQLITE_STATIC);
        return;
    }
    }
}

QString SqliteStatement::errorText() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

void SqliteStatement::nullStale()
{
    quint64 stale = m_nonNull & ~m_bound;
    m_nonNull &= ~stale;
    m_intBound &= ~stale;
    m_viewBound &= ~stale;
    while (stale) {
        sqlite3_bind_null(m_stmt, std::countr_zero(stale) + 1);
        stale &= stale - 1;
    }
}

bool SqliteStatement::exec(QString *error)
{
    nullStale();
    int rc = sqlite3_step(m_stmt);
    while (rc == SQLITE_ROW)
        rc = sqlite3_step(m_stmt);
    const bool ok = rc == SQLITE_DONE;
    if (!ok && error)
        *error = errorText();
    reset();
    return ok;
}

bool SqliteStatement::next(QString *error)
{
    nullStale();
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE && error)
        *error = errorText();
    return false;
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 SqliteStatement::columnInt(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString SqliteStatement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column));
}

std::string_view SqliteStatement::columnUtf8(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!text)
        return std::string_view();
    return std::string_view(text, size_t(sqlite3_column_bytes(m_stmt, column)));
}

QVariant SqliteStatement::columnValue(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_NULL: return {};
    case SQLITE_INTEGER: return QVariant(qint64(sqlite3_column_int64(m_stmt, column)));
    case SQLITE_FLOAT: return QVariant(sqlite3_column_double(m_stmt, column));
    default: return QVariant(columnText(column));
    }
}

void SqliteStatement::reset()
{
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        if (m_clearOnReset) {
            sqlite3_clear_bindings(m_stmt);
            m_nonNull = 0;
            m_intBound = 0;
            m_viewBound = 0;
        }
    }
    if (!m_viewsOutliveReset)
        m_viewBound = 0;
    // The text kept for this execution goes: SQLite still points at it, but nullStale() or a
    // new bind replaces every such pointer before the next step reads it.
    m_keep.clear();
    m_bound = 0;
}

int SqliteStatement::changes() const
{
    return sqlite3_changes(m_db);
}

qint64 SqliteStatement::lastInsertRowid() const
{
    return sqlite3_last_insert_rowid(m_db);
}

} // namespace parley::core
