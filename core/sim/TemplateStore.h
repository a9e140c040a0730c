#pragma once

#include "sim/SimError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

namespace parley::sim {

struct SimTemplate
{
    QString id;
    QString name;
    QString language;
    QString category; // AUTHENTICATION, MARKETING, UTILITY
    QString status; // PENDING, APPROVED, REJECTED, PAUSED, DISABLED
    QString parameterFormat; // POSITIONAL or NAMED
    QJsonArray components;
    QString rejectedReason = QStringLiteral("NONE");
    qint64 decideAtMs = 0; // when a PENDING template is decided
    bool willReject = false;
};

// A template decision that is due: the webhook message_template_status_update follows it.
struct TemplateStatusChange
{
    QString id;
    QString name;
    QString language;
    QString category;
    QString event; // APPROVED, REJECTED, PAUSED, DISABLED, ...
    QString reason;
};

// The WABA's message templates: creation validated like Meta (FACTS.md §3, §5), lifecycle,
// cursor-paged listing with `fields`, deletion by name or hsm_id, and the checks of a template
// send (132000/132001/132005/132012/132015/132016).
class TemplateStore
{
public:
    SimError create(const QJsonObject &request, qint64 nowMs, qint64 approvalDelayMs,
        const QString &rejectMarker, SimTemplate *created);
    // Edits an APPROVED, REJECTED or PAUSED template in place (same id): new components and/or
    // category (not for APPROVED ones), validated like a creation, back to PENDING for review.
    SimError edit(const QString &id, const QJsonObject &request, qint64 nowMs,
        qint64 approvalDelayMs, const QString &rejectMarker, SimTemplate *edited);
    // Adds without review. Returns the id.
    QString add(const QJsonObject &request, const QString &status);
    QList<TemplateStatusChange> decideDue(qint64 nowMs);
    bool setStatus(const QString &id, const QString &status, TemplateStatusChange *change);

    const SimTemplate *byId(const QString &id) const;
    // {"data":[...],"paging":{"cursors":{"before","after"},"next"?}}; `selfUrl` builds `next`.
    QJsonObject list(const QUrlQuery &query, const QString &selfUrl) const;
    QJsonObject toJson(const SimTemplate &t, const QStringList &fields) const;
    // Deletes every language of `name`, or only `hsmId` when given. Returns the number removed.
    SimError remove(const QString &name, const QString &hsmId, int *removed);

    // Checks a "template" send object. Sets the template's category (lower-case) on success.
    SimError checkSend(const QJsonObject &templateObject, QString *category) const;

    void clear() { m_templates.clear(); }
    int count() const { return int(m_templates.size()); }
    void seedDefaults();

    static QStringList variables(const QString &text);

private:
    SimError validateCreate(const QJsonObject &request) const;
    QString nextId();

    QList<SimTemplate> m_templates;
    quint64 m_nextId = 1'000'000'000'000'001ULL;
};

} // namespace parley::sim
