#include "common/Log.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <mutex>

namespace parley::core {

Q_LOGGING_CATEGORY(lcHttp, "parley.http")
Q_LOGGING_CATEGORY(lcWebhook, "parley.webhook")
Q_LOGGING_CATEGORY(lcJournal, "parley.journal")
Q_LOGGING_CATEGORY(lcStore, "parley.store")
Q_LOGGING_CATEGORY(lcGraph, "parley.graph")
Q_LOGGING_CATEGORY(lcOutbox, "parley.outbox")
Q_LOGGING_CATEGORY(lcMedia, "parley.media")
Q_LOGGING_CATEGORY(lcTemplates, "parley.templates")
Q_LOGGING_CATEGORY(lcSim, "parley.sim")
Q_LOGGING_CATEGORY(lcCli, "parley.cli")

namespace {

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return "debug";
    case QtInfoMsg: return "info";
    case QtWarningMsg: return "warning";
    case QtCriticalMsg: return "error";
    case QtFatalMsg: return "fatal";
    }
    return "info";
}

void jsonHandler(QtMsgType type, const QMessageLogContext &context, const QString &msg)
{
    static std::mutex mutex;
    QJsonObject line{
        {QStringLiteral("ts"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("level"), QLatin1String(levelName(type))},
        {QStringLiteral("category"),
            QLatin1String(context.category ? context.category : "default")},
        {QStringLiteral("msg"), msg},
    };
    const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    std::lock_guard lock(mutex);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace

void installJsonLogHandler()
{
    qInstallMessageHandler(jsonHandler);
}

QString maskPhone(QStringView number)
{
    if (number.isEmpty())
        return {};
    const qsizetype keepTail = number.size() > 6 ? 4 : 1;
    const qsizetype keepHead = number.startsWith(u'+') ? 2 : 1;
    if (number.size() <= keepHead + keepTail)
        return QString(number.size(), u'•');
    QString masked = number.left(keepHead).toString();
    masked += QString(number.size() - keepHead - keepTail, u'•');
    masked += number.right(keepTail);
    return masked;
}

} // namespace parley::core
