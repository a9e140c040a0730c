#pragma once

#include "privacy/Retention.h"

namespace parley::core {

// Erases everything the store knows about one contact, on the customer's request: the contact
// row, its conversations and their console state, every message from or to it (and their
// full-text index rows), statuses, outbox rows and attempts, webhook errors about its messages,
// marketing preferences, the cached media files of its messages, and the raw webhook bodies in
// the journal that mention it. One transaction with secure_delete; the FTS index is merged
// and the WAL checkpointed afterwards so that no copy of the erased rows lingers in free pages.
class ContactEraser
{
public:
    struct Selector
    {
        QString waId; // digits, a leading '+' is ignored
        QString userId; // BSUID
        qint64 contactId = 0;
    };

    // Counts: contacts, conversations, messages, fts_rows, statuses, status_events, outbox,
    // outbox_attempts, webhook_errors, user_preferences, journal, media_rows, media_files,
    // media_bytes. An unknown contact, or journal rows about it still waiting for the parser,
    // are errors and change nothing.
    static bool erase(QSqlDatabase &db, const Selector &selector, const QString &mediaDir,
        bool dryRun, PrivacyCounts *counts, QString *error = nullptr);
};

} // namespace parley::core
