#include "sim/Scenario.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace parley::sim {

namespace {
QString str(const char *s)
{
    return QString::fromLatin1(s);
}
} // namespace

QString Scenario::mimeForFile(const QString &path)
{
    const QString ext = path.section(u'.', -1).toLower();
    if (ext == QLatin1String("jpg") || ext == QLatin1String("jpeg"))
        return str("image/jpeg");
    if (ext == QLatin1String("png"))
        return str("image/png");
    if (ext == QLatin1String("webp"))
        return str("image/webp");
    if (ext == QLatin1String("ogg") || ext == QLatin1String("opus"))
        return str("audio/ogg");
    if (ext == QLatin1String("mp3"))
        return str("audio/mpeg");
    if (ext == QLatin1String("mp4"))
        return str("video/mp4");
    if (ext == QLatin1String("pdf"))
        return str("application/pdf");
    if (ext == QLatin1String("txt"))
        return str("text/plain");
    return str("application/octet-stream");
}

bool Scenario::parse(const QByteArray &json, const QString &baseDir, Scenario *out, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return fail(str("scenario is not a JSON object: %1").arg(parseError.errorString()));
    const QJsonArray customers = doc.object().value(str("customers")).toArray();
    const QDir dir(baseDir.isEmpty() ? QDir::currentPath() : baseDir);
    for (qsizetype i = 0; i < customers.size(); ++i) {
        const QJsonObject c = customers[i].toObject();
        ScenarioCustomer sc;
        sc.customer.name = c.value(str("name")).toString();
        sc.customer.waId = c.value(str("wa_id")).toString(c.value(str("phone")).toString());
        sc.customer.waId.remove(u'+');
        sc.customer.userId = c.value(str("user_id")).toString();
        sc.customer.username = c.value(str("username")).toString();
        sc.customer.locale = c.value(str("locale")).toString(str("en_US"));
        if (sc.customer.waId.isEmpty() && sc.customer.userId.isEmpty())
            return fail(str("customer %1: needs wa_id (phone) or user_id").arg(i));
        if (sc.customer.name.isEmpty())
            sc.customer.name = str("Customer %1").arg(i + 1);
        sc.unreachable = c.value(str("unreachable")).toBool();
        sc.marketingOptOut = c.value(str("marketing_opt_out")).toBool();
        if (c.contains(str("behaviour"))) {
            const QJsonObject b = c.value(str("behaviour")).toObject();
            sc.hasBehaviour = true;
            sc.behaviour.replyButtons = b.value(str("reply_buttons")).toBool();
            sc.behaviour.replyLists = b.value(str("reply_lists")).toBool();
            sc.behaviour.answerQuickReplies = b.value(str("answer_quick_replies")).toBool();
            sc.behaviour.shareLocation = b.value(str("share_location")).toBool();
            sc.behaviour.react = b.value(str("react")).toString();
            sc.behaviour.quote = b.value(str("quote")).toString();
            sc.behaviour.replyDelayMs = qint64(b.value(str("reply_delay_ms")).toDouble(2000));
            const QJsonObject loc = b.value(str("location")).toObject();
            sc.behaviour.latitude = loc.value(str("latitude")).toDouble(sc.behaviour.latitude);
            sc.behaviour.longitude = loc.value(str("longitude")).toDouble(sc.behaviour.longitude);
        }
        for (const QJsonValue &wv : c.value(str("writes")).toArray()) {
            const QJsonObject w = wv.toObject();
            ScenarioWrite write;
            write.atMs = qint64(w.value(str("at_ms")).toDouble());
            auto media = [&](const char *key, const char *kind) -> bool {
                const QString file = w.value(QLatin1String(key)).toString();
                QFile f(dir.filePath(file));
                if (!f.open(QIODevice::ReadOnly))
                    return fail(str("customer %1: cannot read %2").arg(i).arg(f.fileName()));
                write.mediaData = f.readAll();
                write.mediaMime = mimeForFile(file);
                QJsonObject object;
                if (w.contains(str("caption")))
                    object.insert(str("caption"), w.value(str("caption")));
                if (qstrcmp(kind, "document") == 0)
                    object.insert(str("filename"),
                        w.value(str("filename")).toString(QFileInfo(file).fileName()));
                if (qstrcmp(key, "voice") == 0) {
                    object.insert(str("voice"), true);
                    write.mediaMime = str("audio/ogg; codecs=opus");
                }
                write.message = {{str("type"), QLatin1String(kind)}, {QLatin1String(kind), object}};
                return true;
            };
            if (w.contains(str("text"))) {
                write.message = {{str("type"), str("text")},
                    {str("text"), QJsonObject{{str("body"), w.value(str("text")).toString()}}}};
            } else if (w.contains(str("image"))) {
                if (!media("image", "image"))
                    return false;
            } else if (w.contains(str("voice"))) {
                if (!media("voice", "audio"))
                    return false;
            } else if (w.contains(str("audio"))) {
                if (!media("audio", "audio"))
                    return false;
            } else if (w.contains(str("document"))) {
                if (!media("document", "document"))
                    return false;
            } else if (w.contains(str("video"))) {
                if (!media("video", "video"))
                    return false;
            } else if (w.contains(str("sticker"))) {
                if (!media("sticker", "sticker"))
                    return false;
            } else if (w.contains(str("location"))) {
                write.message = {{str("type"), str("location")},
                    {str("location"), w.value(str("location")).toObject()}};
            } else if (w.contains(str("message"))) {
                write.message = w.value(str("message")).toObject();
            } else {
                return fail(str("customer %1: a write needs text, image, voice, audio, document, "
                                "video, sticker, "
                                "location or message")
                                .arg(i));
            }
            if (write.message.value(str("type")).toString().isEmpty())
                return fail(str("customer %1: a message needs a type").arg(i));
            sc.writes.append(write);
        }
        out->customers.append(sc);
    }
    return true;
}

} // namespace parley::sim
