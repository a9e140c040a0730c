#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace parley::ui {

// A canned reply: typing /shortcut at the start of the composer inserts `text` with its
// {{variables}} filled (docs/console.md lists them).
struct CannedReply
{
    qint64 id = 0; // 0: not stored yet
    QString shortcut; // without the slash: "thanks"
    QString text;
};

// A canned reply's text with the variables it could fill; the others stay as typed.
struct CannedExpansion
{
    QString text;
    QStringList unknown; // names of the variables left visible ("order"), in order, no repeats
    QList<std::pair<int, int>> unknownRanges; // (position, length) of each one left in `text`

    bool complete() const { return unknown.isEmpty(); }
};

// Validation, variable filling and storage (table canned_replies, schema step 0008) of canned
// replies. The store functions run on the caller's connection: call them off the UI thread
// (ComposerBackend does).
class CannedReplies
{
    Q_DECLARE_TR_FUNCTIONS(parley::ui::CannedReplies)
public:
    static constexpr int MaxShortcut = 32;
    static constexpr int MaxText = 4096;

    // The variables the console fills: name, first_name, agent, number, date.
    static QStringList variableNames();
    // Empty when valid. A shortcut is unique among `stored` (the reply's own row excluded by id).
    static QString validate(const CannedReply &reply, const QList<CannedReply> &stored);
    // Replaces {{name}} (spaces inside the braces allowed) by variables[name] when that is not
    // empty; anything else stays visible and is reported.
    static CannedExpansion expand(const QString &text, const QHash<QString, QString> &variables);
    // "Maria Oliveira" -> "Maria".
    static QString firstName(const QString &profileName);

    static QList<CannedReply> list(QSqlDatabase &db, QString *error);
    // Validates against what is stored, then inserts (id 0) or updates. Returns the row id, or 0
    // with *error (nothing stored changes on a refusal).
    static qint64 save(QSqlDatabase &db, const CannedReply &reply, qint64 nowMs, QString *error);
    static bool remove(QSqlDatabase &db, qint64 id, QString *error);
};

} // namespace parley::ui

Q_DECLARE_METATYPE(parley::ui::CannedReply)
