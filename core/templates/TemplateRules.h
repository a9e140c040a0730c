#pragma once

#include "templates/TemplateDefinition.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace parley::core {

// Meta's create-time rules (FACTS §3, §5.1), checked before a create or edit request leaves
// Parley. Each violation names the component and the rule.
struct TemplateRuleViolation
{
    QString component; // "template", "header", "body", "footer", "buttons", "button 2"
    QString rule; // a short stable id: "name.format", "body.length", "buttons.quick_reply_grouped"
    QString message;
};

class TemplateRules
{
public:
    // Checks a create request body (POST /{WABA}/message_templates).
    static QList<TemplateRuleViolation> checkCreate(const QJsonObject &request);

    // Checks an edit (POST /{TEMPLATE_ID}) of a synced template: status must be APPROVED,
    // REJECTED or PAUSED; an approved template allows 10 edits in 30 days and 1 in 24 hours
    // and cannot change category. editTimesMs: earlier edits (TemplateStore::editTimes).
    static QList<TemplateRuleViolation> checkEdit(const TemplateDefinition &current,
        const QJsonObject &request, const QList<qint64> &editTimesMs, qint64 nowMs);

    // Deleting: DISABLED templates cannot be deleted. Returns a violation or nothing.
    static QList<TemplateRuleViolation> checkDelete(const QList<TemplateDefinition> &targets);
    // The warning to show before deleting an approved template (empty when none is approved).
    static QString deleteWarning(const QList<TemplateDefinition> &targets);

    // Meta's template language codes (en_US, pt_BR, ...).
    static const QStringList &languageCodes();
    static bool isKnownLanguage(const QString &code);

    static QString formatViolations(const QList<TemplateRuleViolation> &violations);
};

} // namespace parley::core
