#pragma once

#include <QLoggingCategory>
#include <QString>

namespace parley::core {

Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcWebhook)
Q_DECLARE_LOGGING_CATEGORY(lcJournal)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcGraph)
Q_DECLARE_LOGGING_CATEGORY(lcOutbox)
Q_DECLARE_LOGGING_CATEGORY(lcMedia)
Q_DECLARE_LOGGING_CATEGORY(lcTemplates)
Q_DECLARE_LOGGING_CATEGORY(lcSim)
Q_DECLARE_LOGGING_CATEGORY(lcCli)

// Headless tools log one JSON object per line to stderr: {"ts","level","category","msg"}.
void installJsonLogHandler();

// A phone number or WhatsApp id reduced to what an operator needs to tell two apart:
// "+1•••••••1234". Never log a full number.
QString maskPhone(QStringView number);

} // namespace parley::core
