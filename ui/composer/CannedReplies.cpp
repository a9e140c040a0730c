#include "composer/CannedReplies.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace parley::ui {

namespace {

int codePoints(const QString &s)
{
    int n = 0;
    for (const QChar c : s) {
        if (!c.isLowSurrogate())
            ++n;
    }
    return n;
}

} // namespace

QStringList CannedReplies::variableNames()
{
    return {QStringLiteral("name"), QStringLiteral("first_name"), QStringLiteral("agent"),
        QStringLiteral("number"), QStringLiteral("date")};
}

QString CannedReplies::validate(const CannedReply &reply, const QList<CannedReply> &stored)
{
    static const QRegularExpression shortcutRe(QStringLiteral("^[a-z0-9_-]{1,32}$"));
    if (reply.shortcut.isEmpty())
        return tr("The shortcut is empty.");
    if (!shortcutRe.match(reply.shortcut).hasMatch()) {
        if (reply.shortcut.size() > MaxShortcut)
            return tr("The shortcut has %1 characters; the limit is %2.")
                .arg(reply.shortcut.size())
                .arg(MaxShortcut);
        return tr("The shortcut may hold only lowercase letters, digits, \"_\" and \"-\".");
    }
    for (const CannedReply &other : stored) {
        if (other.id != reply.id && other.shortcut == reply.shortcut)
            return tr("/%1 is already a canned reply.").arg(reply.shortcut);
    }
    if (reply.text.trimmed().isEmpty())
        return tr("The text is empty.");
    if (const int n = codePoints(reply.text); n > MaxText)
        return tr("The text has %1 characters; the limit is %2.").arg(n).arg(MaxText);
    return {};
}

CannedExpansion CannedReplies::expand(const QString &text, const QHash<QString, QString> &variables)
{
    static const QRegularExpression variableRe(
        QStringLiteral("\\{\\{\\s*([A-Za-z0-9_]+)\\s*\\}\\}"));
    CannedExpansion out;
    int from = 0;
    auto it = variableRe.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out.text += QStringView(text).mid(from, m.capturedStart() - from);
        const QString name = m.captured(1);
        const QString value = variables.value(name);
        if (!value.isEmpty()) {
            out.text += value;
        } else {
            out.unknownRanges.append({int(out.text.size()), int(m.capturedLength())});
            out.text += m.captured(0);
            if (!out.unknown.contains(name))
                out.unknown.append(name);
        }
        from = int(m.capturedEnd());
    }
    out.text += QStringView(text).mid(from);
    return out;
}

QString CannedReplies::firstName(const QString &profileName)
{
    const QString trimmed = profileName.trimmed();
    const qsizetype space = trimmed.indexOf(QLatin1Char(' '));
    return space < 0 ? trimmed : trimmed.left(space);
}

QList<CannedReply> CannedReplies::list(QSqlDatabase &db, QString *error)
{
    QList<CannedReply> out;
    QSqlQuery q(db);
    if (!q.exec(
            QStringLiteral("SELECT id, shortcut, text FROM canned_replies ORDER BY shortcut"))) {
        if (error)
            *error = q.lastError().text();
        return out;
    }
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    return out;
}

qint64 CannedReplies::save(QSqlDatabase &db, const CannedReply &reply, qint64 nowMs, QString *error)
{
    QString listError;
    const QList<CannedReply> stored = list(db, &listError);
    if (!listError.isEmpty()) {
        if (error)
            *error = listError;
        return 0;
    }
    if (const QString e = validate(reply, stored); !e.isEmpty()) {
        if (error)
            *error = e;
        return 0;
    }
    QSqlQuery q(db);
    if (reply.id == 0) {
        q.prepare(QStringLiteral("INSERT INTO canned_replies(shortcut, text, created_at, "
                                 "updated_at) VALUES (?, ?, ?, ?)"));
        q.addBindValue(reply.shortcut);
        q.addBindValue(reply.text);
        q.addBindValue(nowMs);
        q.addBindValue(nowMs);
    } else {
        q.prepare(QStringLiteral(
            "UPDATE canned_replies SET shortcut = ?, text = ?, updated_at = ? WHERE id = ?"));
        q.addBindValue(reply.shortcut);
        q.addBindValue(reply.text);
        q.addBindValue(nowMs);
        q.addBindValue(reply.id);
    }
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return 0;
    }
    if (reply.id != 0 && q.numRowsAffected() == 0) {
        if (error)
            *error = tr("This canned reply no longer exists.");
        return 0;
    }
    return reply.id != 0 ? reply.id : q.lastInsertId().toLongLong();
}

bool CannedReplies::remove(QSqlDatabase &db, qint64 id, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM canned_replies WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace parley::ui
