#include "sim/Simulator.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "http/HttpServer.h"
#include "sim/MediaStore.h"
#include "sim/Scenario.h"
#include "sim/SendValidator.h"
#include "sim/SimError.h"
#include "sim/TemplateStore.h"
#include "sim/TokenBucket.h"
#include "sim/WebhookDispatcher.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

#include <functional>
#include <map>

namespace parley::sim {

namespace {

using core::HttpRequest;
using core::HttpResponse;

QString str(const char *s)
{
    return QString::fromLatin1(s);
}

HttpResponse jsonResponse(int status, const QJsonObject &o)
{
    return HttpResponse::json(status, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

struct SentInfo
{
    QString phoneNumberId;
    QString recipient;
    QString type;
    QJsonObject request;
};

} // namespace

class SimulatorPrivate
{
public:
    SimulatorPrivate(Simulator *q, const SimConfig &c)
        : q(q), config(c), clock(c.clock ? c.clock : core::Clock::system()),
          random(quint32(c.seed)), dispatcher(clock, q)
    {
        dispatcher.configure(config);
        if (config.seedDefaultTemplates)
            templates.seedDefaults();
    }

    Simulator *q;
    SimConfig config;
    core::Clock *clock;
    QRandomGenerator random;
    core::HttpServer *server = nullptr;
    QTimer *timer = nullptr;
    WebhookDispatcher dispatcher;
    TemplateStore templates;
    MediaStore media;

    std::multimap<qint64, std::function<void()>> due;
    QHash<QString, qint64> lastInbound; // phoneNumberId|recipient -> ms
    QHash<QString, TokenBucket> throughput; // phoneNumberId
    QHash<QString, TokenBucket> pairRate; // phoneNumberId|recipient
    QList<QJsonObject> accepted;
    QHash<QString, QList<int>> acceptedByRecipient;
    QHash<QString, SentInfo> sent; // wamid
    QList<SimCustomer> customers;
    QHash<QString, ScenarioBehaviour> behaviours; // wa_id or user_id
    QSet<QString> unreachable;
    QSet<QString> optedOut;
    QHash<QString, qint64> byType, byError, byRecipient;
    qint64 acceptedCount = 0, rejectedCount = 0, inboundCount = 0, readReceipts = 0;
    quint64 wamidCounter = 0;
    const qint64 instanceNonce = QDateTime::currentMSecsSinceEpoch();
    QString scenarioDir;

    // --- helpers ---------------------------------------------------------------------------
    qint64 now() const { return clock->nowMs(); }
    QString key(const QString &phone, const QString &recipient) const
    {
        return phone + u'|' + recipient;
    }
    const SimPhoneNumber *phoneNumber(const QString &id) const
    {
        for (const SimPhoneNumber &p : config.phoneNumbers) {
            if (p.id == id)
                return &p;
        }
        return nullptr;
    }
    QString defaultPhoneNumberId() const
    {
        return config.phoneNumbers.isEmpty() ? QString() : config.phoneNumbers.first().id;
    }
    QJsonObject metadata(const QString &phoneNumberId) const
    {
        const SimPhoneNumber *p = phoneNumber(phoneNumberId);
        return {{str("display_phone_number"), p ? p->displayNumber : QString()},
            {str("phone_number_id"), phoneNumberId}};
    }
    SimCustomer *customer(const QString &id)
    {
        if (id.isEmpty())
            return nullptr;
        for (SimCustomer &c : customers) {
            if (c.waId == id || c.userId == id)
                return &c;
        }
        return nullptr;
    }
    QString newWamid()
    {
        // Meta's ids are base64 of a protobuf; ours only need to look alike and be unique.
        // The instance nonce keeps ids unique across simulator restarts against the same store.
        const QByteArray raw = "SIM" + QByteArray::number(instanceNonce, 36) + '.'
            + QByteArray::number(++wamidCounter) + '.' + QByteArray::number(random.generate(), 16);
        return str("wamid.HBgL") + QString::fromLatin1(raw.toBase64());
    }
    QString fbtrace()
    {
        static const char alphabet[]
            = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        QString s;
        for (int i = 0; i < 23; ++i)
            s.append(QLatin1Char(alphabet[random.bounded(64)]));
        return s;
    }
    HttpResponse error(const SimError &e)
    {
        ++rejectedCount;
        ++byError[QString::number(e.code)];
        HttpResponse r = HttpResponse::json(e.httpStatus, e.toEnvelope(fbtrace()));
        if (e.code == 190)
            r.headers.append(
                std::pair<QByteArray, QByteArray>(QByteArrayLiteral("WWW-Authenticate"),
                    QByteArrayLiteral("OAuth \"Facebook Platform\" \"invalid_token\"")));
        return r;
    }
    void at(qint64 whenMs, std::function<void()> fn) { due.emplace(whenMs, std::move(fn)); }

    // --- auth --------------------------------------------------------------------------------
    bool authorize(const HttpRequest &request, SimError *e) const
    {
        QByteArray token;
        const QByteArray auth = request.header("authorization");
        if (auth.startsWith("Bearer ") || auth.startsWith("bearer "))
            token = auth.mid(7).trimmed();
        else if (request.query.hasQueryItem(str("access_token")))
            token = request.query.queryItemValue(str("access_token")).toUtf8();
        if (token.isEmpty() || !config.accessTokens.contains(QString::fromUtf8(token))) {
            *e = SimError::make(190);
            e->message = str("Invalid OAuth access token - Cannot parse access token");
            return false;
        }
        if (config.tokenExpiresAtMs > 0 && now() >= config.tokenExpiresAtMs) {
            *e = SimError::make(190);
            e->subcode = 463;
            e->message = str("Error validating access token: Session has expired on %1.")
                             .arg(QDateTime::fromMSecsSinceEpoch(config.tokenExpiresAtMs, Qt::UTC)
                                      .toString(Qt::ISODate));
            return false;
        }
        return true;
    }
    static SimError unknownObject(const QString &id, const char *verb)
    {
        SimError e = SimError::make(100);
        e.type = str("GraphMethodException");
        e.subcode = 33;
        e.message = str(
            "Unsupported %1 request. Object with ID '%2' does not exist, cannot be loaded due to "
            "missing permissions, or does not support this operation. Please read the Graph API "
            "documentation at https://developers.facebook.com/docs/graph-api")
                        .arg(QLatin1String(verb), id);
        return e;
    }

    // --- routing ------------------------------------------------------------------------------
    HttpResponse route(const HttpRequest &request);
    HttpResponse handleMessages(
        const HttpRequest &request, const QString &phoneNumberId, int version);
    HttpResponse handleMediaUpload(const HttpRequest &request, const QString &phoneNumberId);
    HttpResponse handleTemplates(const HttpRequest &request, const QString &wabaId);
    HttpResponse handleObject(const HttpRequest &request, const QString &id);
    QJsonObject phoneNumberJson(const SimPhoneNumber &phone, const QUrlQuery &query) const;
    HttpResponse handleDownload(const HttpRequest &request);
    HttpResponse handleSim(const HttpRequest &request);

    // --- messages and statuses ---------------------------------------------------------------
    void scheduleStatuses(const QString &wamid, const QString &phoneNumberId,
        const SendRequest &send, const QString &category, bool insideWindow, int version);
    QJsonObject statusValue(const QString &phoneNumberId, const QJsonObject &status,
        const QString &recipient, bool withContacts);
    void customerReacts(const QString &wamid);
    QString writeInbound(const QString &from, QJsonObject message, const QString &phoneNumberId);
    void templateWebhook(const TemplateStatusChange &change);
    QJsonObject statsJson() const;
    QJsonObject messagesJson(const QString &recipient) const;
    void resetState();
};

// ------------------------------------------------------------------------------------------------

HttpResponse SimulatorPrivate::route(const HttpRequest &request)
{
    const QString path = QString::fromUtf8(request.path);
    if (path.startsWith(QLatin1String("/_sim/")))
        return handleSim(request);
    if (path == QLatin1String("/whatsapp_business/attachments/")
        || path == QLatin1String("/whatsapp_business/attachments"))
        return handleDownload(request);

    static const QRegularExpression versionRe(str("^v(\\d+)\\.0$"));
    QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return error(SimError::make(100, str("Unknown path.")));
    const auto match = versionRe.match(parts.first());
    int version = 23;
    if (match.hasMatch()) {
        version = match.captured(1).toInt();
        parts.removeFirst();
    }
    if (parts.isEmpty())
        return error(SimError::make(100, str("Unknown path.")));

    SimError authError;
    if (!authorize(request, &authError))
        return error(authError);

    const QByteArray method = request.method;
    if (parts.size() == 2 && parts[1] == QLatin1String("messages")) {
        if (method != "POST")
            return error(unknownObject(parts[0], "get"));
        if (!phoneNumber(parts[0]))
            return error(unknownObject(parts[0], "post"));
        return handleMessages(request, parts[0], version);
    }
    if (parts.size() == 2 && parts[1] == QLatin1String("media")) {
        if (method != "POST" || !phoneNumber(parts[0]))
            return error(unknownObject(parts[0], method == "POST" ? "post" : "get"));
        return handleMediaUpload(request, parts[0]);
    }
    if (parts.size() == 2 && parts[1] == QLatin1String("message_templates")) {
        if (parts[0] != config.wabaId)
            return error(unknownObject(parts[0], method == "POST" ? "post" : "get"));
        return handleTemplates(request, parts[0]);
    }
    if (parts.size() == 1)
        return handleObject(request, parts[0]);
    return error(unknownObject(parts.join(u'/'), "get"));
}

HttpResponse SimulatorPrivate::handleMessages(
    const HttpRequest &request, const QString &phoneNumberId, int version)
{
    // Injected server-side faults come before anything is looked at, as a real outage would.
    if (config.dropConnectionRate > 0 && random.generateDouble() < config.dropConnectionRate) {
        HttpResponse dropped;
        dropped.dropConnection = true;
        return dropped;
    }
    if (config.serverErrorRate > 0 && random.generateDouble() < config.serverErrorRate)
        return error(SimError::make(2, str("Service temporarily unavailable")));
    if (config.internalErrorRate > 0 && random.generateDouble() < config.internalErrorRate)
        return error(SimError::make(131000, str("Something went wrong")));
    if (config.serviceUnavailableRate > 0
        && random.generateDouble() < config.serviceUnavailableRate)
        return error(SimError::make(131016, str("Service unavailable")));

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return error(SimError::make(100, str("The request body must be a JSON object.")));
    const QJsonObject body = doc.object();

    SendRequest send;
    if (SimError e = SendValidator::validate(body, &send); e.isError())
        return error(e);
    const qint64 nowMs = now();

    if (send.markRead) {
        ++readReceipts;
        ++byType[str("read")];
        return jsonResponse(200, {{str("success"), true}});
    }

    const SimPhoneNumber *phone = phoneNumber(phoneNumberId);
    if (!send.to.isEmpty() && phone && send.to == phone->displayNumber)
        return error(SimError::make(131021, str("The recipient is the sending business number.")));

    QString category;
    if (send.type == QLatin1String("template")) {
        if (SimError e = templates.checkSend(send.templateObject, &category); e.isError())
            return error(e);
        if (send.to.isEmpty() && category == QLatin1String("authentication"))
            return error(SimError::make(
                131062, str("Authentication templates need a phone number recipient.")));
    }

    // Throughput cap per business number (130429), then pair rate to this recipient (131056).
    if (config.throughputMps > 0) {
        auto it = throughput.find(phoneNumberId);
        if (it == throughput.end()) {
            const double burst
                = config.throughputBurst > 0 ? config.throughputBurst : config.throughputMps;
            it = throughput.insert(phoneNumberId, TokenBucket(config.throughputMps, burst, nowMs));
        }
        if (!it->tryTake(nowMs))
            return error(
                SimError::make(130429, str("Cloud API message throughput has been reached.")));
    }
    const QString recipient = send.recipientKey();
    const QString pairKey = key(phoneNumberId, recipient);
    if (config.pairRateBurst > 0 && config.pairRateIntervalMs > 0) {
        auto it = pairRate.find(pairKey);
        if (it == pairRate.end())
            it = pairRate.insert(pairKey,
                TokenBucket(
                    1000.0 / double(config.pairRateIntervalMs), config.pairRateBurst, nowMs));
        if (!it->tryTake(nowMs))
            return error(SimError::make(131056,
                str("Message failed to send because there were too many messages "
                    "sent from this phone number to the same phone number in a "
                    "short period of time.")));
    }

    const QString wamid = newWamid();
    const qint64 last = lastInbound.value(pairKey, -1);
    const bool insideWindow = last >= 0 && nowMs - last < config.windowMs;

    // The synchronous answer: accepted, not delivered.
    QJsonObject contact{{str("input"), send.to.isEmpty() ? send.userId : send.toInput}};
    const SimCustomer *c = customer(recipient);
    if (!send.to.isEmpty())
        contact.insert(str("wa_id"), send.to);
    else if (c && !c->waId.isEmpty() && insideWindow)
        contact.insert(str("wa_id"), c->waId);
    if (send.to.isEmpty())
        contact.insert(str("user_id"), send.userId);
    QJsonObject messageObject{{str("id"), wamid}};
    if (send.type == QLatin1String("template"))
        messageObject.insert(str("message_status"), str("accepted"));
    if (send.group)
        messageObject.insert(str("group_id"), send.to);
    const QJsonObject answer{{str("messaging_product"), str("whatsapp")},
        {str("contacts"), QJsonArray{contact}}, {str("messages"), QJsonArray{messageObject}}};

    // Record it for /_sim/messages.
    const QString messageType = send.type == QLatin1String("interactive")
        ? send.type + u'/' + send.interactiveType
        : send.type;
    QJsonObject record{{str("id"), wamid}, {str("phone_number_id"), phoneNumberId},
        {str("to"), recipient}, {str("type"), send.type}, {str("accepted_at_ms"), nowMs},
        {str("timestamp"), QString::number(nowMs / 1000)}, {str("request"), body}};
    if (!send.interactiveType.isEmpty())
        record.insert(str("interactive_type"), send.interactiveType);
    acceptedByRecipient[recipient].append(int(accepted.size()));
    accepted.append(record);
    sent.insert(wamid, {phoneNumberId, recipient, send.type, body});
    ++acceptedCount;
    ++byType[messageType];
    ++byRecipient[recipient];

    scheduleStatuses(wamid, phoneNumberId, send, category, insideWindow, version);
    Q_EMIT q->messageAccepted(wamid, recipient, body);
    return jsonResponse(200, answer);
}

QJsonObject SimulatorPrivate::statusValue(const QString &phoneNumberId, const QJsonObject &status,
    const QString &recipient, bool withContacts)
{
    QJsonObject value{{str("messaging_product"), str("whatsapp")},
        {str("metadata"), metadata(phoneNumberId)}, {str("statuses"), QJsonArray{status}}};
    const SimCustomer *c = customer(recipient);
    if (withContacts && c && !c->userId.isEmpty()) {
        QJsonObject contact{
            {str("user_id"), c->userId}, {str("profile"), QJsonObject{{str("name"), c->name}}}};
        if (!c->waId.isEmpty())
            contact.insert(str("wa_id"), c->waId);
        value.insert(str("contacts"), QJsonArray{contact});
    }
    return value;
}

void SimulatorPrivate::scheduleStatuses(const QString &wamid, const QString &phoneNumberId,
    const SendRequest &send, const QString &category, bool insideWindow, int version)
{
    const QString recipient = send.recipientKey();
    const bool isTemplate = send.type == QLatin1String("template");
    const bool isReaction = send.type == QLatin1String("reaction");

    // Failures Meta only reports asynchronously.
    SimError failure;
    if (unreachable.contains(recipient) || config.unreachableRecipients.contains(recipient))
        failure = SimError::make(131026, str("Message Undeliverable."));
    else if (isTemplate && category == QLatin1String("marketing")
        && (optedOut.contains(recipient) || config.marketingOptOut.contains(recipient)))
        failure = SimError::make(131050,
            str("Unable to deliver the message. This recipient has chosen to stop "
                "receiving marketing messages on WhatsApp from your business."));
    else if (!isTemplate && config.enforceWindow && !insideWindow)
        failure = SimError::make(131047,
            str("Message failed to send because more than 24 hours have passed "
                "since the customer last replied to this number."));
    else {
        for (const QString &id : send.mediaIds) {
            if (!media.find(id)) {
                failure = SimError::make(131053, str("Media id %1 is not valid.").arg(id));
                break;
            }
        }
    }

    // Pricing (PMP): service messages and utility templates inside the window are free.
    QJsonObject pricing;
    if (isTemplate) {
        const bool free = insideWindow && category == QLatin1String("utility");
        pricing = {{str("billable"), !free}, {str("pricing_model"), str("PMP")},
            {str("type"), free ? str("free_customer_service") : str("regular")},
            {str("category"), category}};
    } else {
        pricing = {{str("billable"), false}, {str("pricing_model"), str("PMP")},
            {str("type"), str("free_customer_service")}, {str("category"), str("service")}};
    }

    auto makeStatus = [=, this](const char *status, qint64 atMs) {
        QJsonObject s{{str("id"), wamid}, {str("status"), QLatin1String(status)},
            {str("timestamp"), QString::number(atMs / 1000)}};
        if (!send.to.isEmpty()) {
            s.insert(str("recipient_id"), send.to);
        } else {
            const SimCustomer *c = customer(recipient);
            if (c && !c->waId.isEmpty() && insideWindow)
                s.insert(str("recipient_id"), c->waId);
            s.insert(str("recipient_user_id"), send.userId);
        }
        if (!send.bizOpaqueCallbackData.isEmpty())
            s.insert(str("biz_opaque_callback_data"), send.bizOpaqueCallbackData);
        return s;
    };

    const qint64 base = now();
    if (failure.isError()) {
        const qint64 t = base + config.sentDelayMs;
        at(t, [=, this] {
            QJsonObject s = makeStatus("failed", t);
            s.insert(str("errors"), QJsonArray{failure.toWebhookError()});
            ++byError[QString::number(failure.code)];
            dispatcher.enqueue(
                {str("messages"), phoneNumberId, statusValue(phoneNumberId, s, recipient, false)});
        });
        return;
    }
    struct Step
    {
        const char *status;
        qint64 delay;
    };
    QList<Step> steps{{"sent", config.sentDelayMs}};
    if (!isReaction) {
        steps.append({"delivered", qMax(config.sentDelayMs, config.deliveredDelayMs)});
        if (config.autoRead)
            steps.append({"read", qMax(config.deliveredDelayMs, config.readDelayMs)});
    }
    for (const Step &step : steps) {
        const qint64 t = base + step.delay;
        const bool first = qstrcmp(step.status, "sent") == 0;
        const char *status = step.status;
        at(t, [=, this] {
            QJsonObject s = makeStatus(status, t);
            s.insert(str("pricing"), pricing);
            if (first && version < 24) {
                s.insert(str("conversation"),
                    QJsonObject{
                        {str("id"),
                            QString::fromLatin1(QCryptographicHash::hash(
                                (phoneNumberId + recipient).toUtf8(), QCryptographicHash::Md5)
                                                    .toHex())},
                        {str("origin"),
                            QJsonObject{{str("type"), pricing.value(str("category"))}}}});
            }
            dispatcher.enqueue(
                {str("messages"), phoneNumberId, statusValue(phoneNumberId, s, recipient, true)});
        });
    }
    if (behaviours.contains(recipient)) {
        const qint64 seenAt = base
            + (config.autoRead ? qMax(config.deliveredDelayMs, config.readDelayMs)
                               : config.deliveredDelayMs);
        at(seenAt + behaviours.value(recipient).replyDelayMs,
            [this, wamid] { customerReacts(wamid); });
    }
}

void SimulatorPrivate::customerReacts(const QString &wamid)
{
    const SentInfo info = sent.value(wamid);
    if (info.recipient.isEmpty() || !behaviours.contains(info.recipient))
        return;
    const ScenarioBehaviour b = behaviours.value(info.recipient);
    const SimPhoneNumber *phone = phoneNumber(info.phoneNumberId);
    const QJsonObject context{
        {str("from"), phone ? phone->displayNumber : QString()}, {str("id"), wamid}};
    QJsonObject reply;
    if (info.type == QLatin1String("interactive")) {
        const QJsonObject i = info.request.value(str("interactive")).toObject();
        const QString t = i.value(str("type")).toString();
        const QJsonObject action = i.value(str("action")).toObject();
        if (t == QLatin1String("button") && b.replyButtons) {
            const QJsonObject r = action.value(str("buttons"))
                                      .toArray()
                                      .first()
                                      .toObject()
                                      .value(str("reply"))
                                      .toObject();
            reply = {{str("type"), str("interactive")},
                {str("interactive"),
                    QJsonObject{{str("type"), str("button_reply")},
                        {str("button_reply"),
                            QJsonObject{{str("id"), r.value(str("id"))},
                                {str("title"), r.value(str("title"))}}}}}};
        } else if (t == QLatin1String("list") && b.replyLists) {
            const QJsonObject row = action.value(str("sections"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(str("rows"))
                                        .toArray()
                                        .first()
                                        .toObject();
            QJsonObject lr{
                {str("id"), row.value(str("id"))}, {str("title"), row.value(str("title"))}};
            if (row.contains(str("description")))
                lr.insert(str("description"), row.value(str("description")));
            reply = {{str("type"), str("interactive")},
                {str("interactive"),
                    QJsonObject{{str("type"), str("list_reply")}, {str("list_reply"), lr}}}};
        } else if (t == QLatin1String("location_request_message") && b.shareLocation) {
            reply = {{str("type"), str("location")},
                {str("location"),
                    QJsonObject{{str("latitude"), b.latitude}, {str("longitude"), b.longitude}}}};
        }
    } else if (info.type == QLatin1String("template") && b.answerQuickReplies) {
        const QJsonObject tpl = info.request.value(str("template")).toObject();
        // The first quick-reply button of the template as stored.
        QUrlQuery q;
        q.addQueryItem(str("name"), tpl.value(str("name")).toString());
        const QJsonArray list = templates.list(q, QString()).value(str("data")).toArray();
        QString text, payload;
        for (const QJsonValue &tv : list) {
            const QJsonObject t = tv.toObject();
            if (t.value(str("name")).toString() != tpl.value(str("name")).toString())
                continue;
            int index = 0;
            for (const QJsonValue &cv : t.value(str("components")).toArray()) {
                if (cv.toObject().value(str("type")).toString().toUpper()
                    != QLatin1String("BUTTONS"))
                    continue;
                for (const QJsonValue &bv : cv.toObject().value(str("buttons")).toArray()) {
                    if (bv.toObject().value(str("type")).toString().toUpper()
                            == QLatin1String("QUICK_REPLY")
                        && text.isEmpty()) {
                        text = bv.toObject().value(str("text")).toString();
                        payload = text;
                        for (const QJsonValue &sc : tpl.value(str("components")).toArray()) {
                            const QJsonObject so = sc.toObject();
                            const QJsonValue idx = so.value(str("index"));
                            const int si = idx.isString() ? idx.toString().toInt() : idx.toInt();
                            if (so.value(str("sub_type")).toString() == QLatin1String("quick_reply")
                                && si == index)
                                payload = so.value(str("parameters"))
                                              .toArray()
                                              .first()
                                              .toObject()
                                              .value(str("payload"))
                                              .toString(text);
                        }
                    }
                    ++index;
                }
            }
        }
        if (!text.isEmpty())
            reply = {{str("type"), str("button")},
                {str("button"), QJsonObject{{str("payload"), payload}, {str("text"), text}}}};
    } else if (info.type == QLatin1String("text")) {
        if (!b.react.isEmpty()) {
            writeInbound(info.recipient,
                {{str("type"), str("reaction")},
                    {str("reaction"),
                        QJsonObject{{str("message_id"), wamid}, {str("emoji"), b.react}}}},
                info.phoneNumberId);
        }
        if (!b.quote.isEmpty())
            reply
                = {{str("type"), str("text")}, {str("text"), QJsonObject{{str("body"), b.quote}}}};
    }
    if (reply.isEmpty())
        return;
    reply.insert(str("context"), context);
    writeInbound(info.recipient, reply, info.phoneNumberId);
}

QString SimulatorPrivate::writeInbound(
    const QString &from, QJsonObject message, const QString &phoneNumberIdIn)
{
    const QString phoneNumberId
        = phoneNumberIdIn.isEmpty() ? defaultPhoneNumberId() : phoneNumberIdIn;
    SimCustomer *c = customer(from);
    if (!c) {
        SimCustomer fresh;
        static const QRegularExpression digits(str("^[0-9]+$"));
        if (digits.match(from).hasMatch())
            fresh.waId = from;
        else
            fresh.userId = from;
        fresh.name = str("Customer %1").arg(from.right(4));
        customers.append(fresh);
        c = &customers.last();
    }
    const qint64 nowMs = now();
    const QString wamid = newWamid();
    message.insert(str("id"), wamid);
    message.insert(str("timestamp"), QString::number(nowMs / 1000));
    if (!c->waId.isEmpty())
        message.insert(str("from"), c->waId);
    if (!c->userId.isEmpty())
        message.insert(str("from_user_id"), c->userId);
    QJsonObject profile{{str("name"), c->name}};
    if (!c->username.isEmpty())
        profile.insert(str("username"), c->username);
    QJsonObject contact{{str("profile"), profile}};
    if (!c->waId.isEmpty())
        contact.insert(str("wa_id"), c->waId);
    if (!c->userId.isEmpty())
        contact.insert(str("user_id"), c->userId);
    const QJsonObject value{{str("messaging_product"), str("whatsapp")},
        {str("metadata"), metadata(phoneNumberId)}, {str("contacts"), QJsonArray{contact}},
        {str("messages"), QJsonArray{message}}};
    // Every inbound message (re)opens the 24 h window, for the wa_id and for the BSUID.
    if (!c->waId.isEmpty())
        lastInbound.insert(key(phoneNumberId, c->waId), nowMs);
    if (!c->userId.isEmpty())
        lastInbound.insert(key(phoneNumberId, c->userId), nowMs);
    ++inboundCount;
    dispatcher.enqueue({str("messages"), phoneNumberId, value});
    Q_EMIT q->customerMessage(wamid, from, message);
    return wamid;
}

void SimulatorPrivate::templateWebhook(const TemplateStatusChange &change)
{
    QJsonObject value{{str("event"), change.event},
        {str("message_template_id"), change.id.toLongLong()},
        {str("message_template_name"), change.name},
        {str("message_template_language"), change.language},
        {str("reason"), change.reason.isEmpty() ? str("NONE") : change.reason}};
    if (!change.category.isEmpty())
        value.insert(str("message_template_category"), change.category);
    if (change.event == QLatin1String("REJECTED"))
        value.insert(str("rejection_info"),
            QJsonObject{{str("reason"), change.reason},
                {str("recommendation"), str("Review the template's format.")}});
    dispatcher.enqueue({str("message_template_status_update"), QString(), value});
}

HttpResponse SimulatorPrivate::handleMediaUpload(
    const HttpRequest &request, const QString &phoneNumberId)
{
    QString id;
    if (SimError e = media.upload(request.header("content-type"), request.body, phoneNumberId, &id);
        e.isError())
        return error(e);
    return jsonResponse(200, {{str("id"), id}});
}

HttpResponse SimulatorPrivate::handleTemplates(const HttpRequest &request, const QString &wabaId)
{
    if (request.method == "GET") {
        const QString self = str("http://127.0.0.1:%1/v23.0/%2/message_templates")
                                 .arg(server->serverPort())
                                 .arg(wabaId);
        return jsonResponse(200, templates.list(request.query, self));
    }
    if (request.method == "DELETE") {
        int removed = 0;
        if (SimError e = templates.remove(request.query.queryItemValue(str("name")),
                request.query.queryItemValue(str("hsm_id")), &removed);
            e.isError())
            return error(e);
        return jsonResponse(200, {{str("success"), true}});
    }
    if (request.method != "POST")
        return error(unknownObject(wabaId, "get"));
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject())
        return error(SimError::make(100, str("The request body must be a JSON object.")));
    SimTemplate created;
    if (SimError e = templates.create(doc.object(), now(), config.templateApprovalDelayMs,
            config.rejectTemplateMarker, &created);
        e.isError())
        return error(e);
    at(created.decideAtMs, [this] {
        for (const TemplateStatusChange &c : templates.decideDue(now()))
            templateWebhook(c);
    });
    return jsonResponse(200,
        {{str("id"), created.id}, {str("status"), created.status},
            {str("category"), created.category}});
}

HttpResponse SimulatorPrivate::handleObject(const HttpRequest &request, const QString &id)
{
    if (const SimPhoneNumber *p = phoneNumber(id)) {
        if (request.method != "GET")
            return error(unknownObject(id, request.method == "DELETE" ? "delete" : "post"));
        return jsonResponse(200, phoneNumberJson(*p, request.query));
    }
    if (const SimMedia *m = media.find(id)) {
        const QString owner = request.query.queryItemValue(str("phone_number_id"));
        if (!owner.isEmpty() && owner != m->phoneNumberId)
            return error(unknownObject(id, request.method == "DELETE" ? "delete" : "get"));
        if (request.method == "DELETE") {
            media.remove(id);
            return jsonResponse(200, {{str("success"), true}});
        }
        if (request.method != "GET")
            return error(unknownObject(id, "post"));
        const qint64 expires = now() + config.mediaUrlTtlMs;
        const QString token = media.issueToken(id, expires);
        const QString url
            = str("http://127.0.0.1:%1/whatsapp_business/attachments/?mid=%2&ext=%3&hash=%4")
                  .arg(server->serverPort())
                  .arg(id)
                  .arg(expires / 1000)
                  .arg(token);
        return jsonResponse(200,
            {{str("messaging_product"), str("whatsapp")}, {str("url"), url},
                {str("mime_type"), m->mimeType}, {str("sha256"), m->sha256},
                {str("file_size"), QString::number(m->data.size())}, {str("id"), id}});
    }
    if (const SimTemplate *t = templates.byId(id)) {
        if (request.method == "GET") {
            QStringList fields;
            for (const QString &f :
                request.query.queryItemValue(str("fields")).split(u',', Qt::SkipEmptyParts))
                fields.append(f.trimmed());
            return jsonResponse(200, templates.toJson(*t, fields));
        }
        if (request.method == "POST") {
            SimTemplate edited;
            if (SimError e = templates.edit(id, QJsonDocument::fromJson(request.body).object(),
                    now(), config.templateApprovalDelayMs, config.rejectTemplateMarker, &edited);
                e.isError())
                return error(e);
            at(edited.decideAtMs, [this] {
                for (const TemplateStatusChange &c : templates.decideDue(now()))
                    templateWebhook(c);
            });
            return jsonResponse(200, {{str("success"), true}});
        }
        return error(unknownObject(id, "delete"));
    }
    return error(unknownObject(
        id, request.method == "DELETE" ? "delete" : (request.method == "POST" ? "post" : "get")));
}

// GET /{phone-number-id} (Meta's getPhoneNumberById): the default fields, plus the ones asked for
// with ?fields= that the simulator knows.
QJsonObject SimulatorPrivate::phoneNumberJson(
    const SimPhoneNumber &phone, const QUrlQuery &query) const
{
    QString display = phone.displayNumber;
    if (display.size() == 11 && display.startsWith(u'1'))
        display = str("+1 %1-%2-%3").arg(display.mid(1, 3), display.mid(4, 3), display.mid(7));
    else if (!display.startsWith(u'+'))
        display.prepend(u'+');
    QJsonObject o{{str("id"), phone.id}, {str("display_phone_number"), display},
        {str("verified_name"), phone.verifiedName}, {str("quality_rating"), phone.qualityRating}};
    const QStringList fields = query.queryItemValue(str("fields")).split(u',', Qt::SkipEmptyParts);
    for (QString field : fields) {
        field = field.trimmed();
        if (field == QLatin1String("name_status"))
            o.insert(field, str("APPROVED"));
        else if (field == QLatin1String("code_verification_status"))
            o.insert(field, str("VERIFIED"));
        else if (field == QLatin1String("status"))
            o.insert(field, str("CONNECTED"));
        else if (field == QLatin1String("messaging_limit_tier"))
            o.insert(field, phone.messagingLimitTier);
        else if (field == QLatin1String("throughput"))
            o.insert(field,
                QJsonObject{
                    {str("level"), config.throughputMps >= 1000 ? str("HIGH") : str("STANDARD")}});
    }
    return o;
}

HttpResponse SimulatorPrivate::handleDownload(const HttpRequest &request)
{
    SimError authError;
    if (!authorize(request, &authError))
        return error(authError);
    const SimMedia *m = media.resolveToken(request.query.queryItemValue(str("hash")), now());
    if (!m || m->id != request.query.queryItemValue(str("mid")))
        return HttpResponse::text(404, "Not Found\n");
    HttpResponse r;
    r.status = 200;
    r.contentType = m->mimeType.toLatin1();
    r.body = m->data;
    return r;
}

QJsonObject SimulatorPrivate::messagesJson(const QString &recipient) const
{
    QJsonObject byRec;
    for (auto it = acceptedByRecipient.cbegin(); it != acceptedByRecipient.cend(); ++it) {
        if (!recipient.isEmpty() && it.key() != recipient)
            continue;
        QJsonArray list;
        for (int index : it.value())
            list.append(accepted.at(index));
        byRec.insert(it.key(), list);
    }
    return {{str("count"),
                recipient.isEmpty() ? qint64(accepted.size())
                                    : qint64(acceptedByRecipient.value(recipient).size())},
        {str("recipients"), byRec}};
}

QJsonObject SimulatorPrivate::statsJson() const
{
    auto toJson = [](const QHash<QString, qint64> &h) {
        QJsonObject o;
        for (auto it = h.cbegin(); it != h.cend(); ++it)
            o.insert(it.key(), it.value());
        return o;
    };
    return {{str("accepted"), acceptedCount}, {str("rejected"), rejectedCount},
        {str("read_receipts"), readReceipts}, {str("inbound"), inboundCount},
        {str("by_type"), toJson(byType)}, {str("errors"), toJson(byError)},
        {str("by_recipient"), toJson(byRecipient)}, {str("media"), media.count()},
        {str("templates"), templates.count()},
        {str("webhooks"),
            QJsonObject{{str("attempts"), dispatcher.attemptCount()},
                {str("delivered"), dispatcher.deliveredCount()},
                {str("failed_attempts"), dispatcher.failedAttemptCount()},
                {str("dropped"), dispatcher.droppedCount()},
                {str("pending"), dispatcher.pendingCount()}}}};
}

HttpResponse SimulatorPrivate::handleSim(const HttpRequest &request)
{
    const QByteArray path = request.path;
    if (path == "/_sim/messages" && request.method == "GET")
        return jsonResponse(200, messagesJson(request.query.queryItemValue(str("to"))));
    if (path == "/_sim/stats" && request.method == "GET")
        return jsonResponse(200, statsJson());
    if (path == "/_sim/reset" && request.method == "POST") {
        resetState();
        return jsonResponse(200, {{str("success"), true}});
    }
    if (path == "/_sim/inbound" && request.method == "POST") {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        const QString from = body.value(str("from")).toString();
        QJsonObject message = body.value(str("message")).toObject();
        if (message.isEmpty() && body.contains(str("text")))
            message = {{str("type"), str("text")},
                {str("text"), QJsonObject{{str("body"), body.value(str("text")).toString()}}}};
        if (from.isEmpty() || message.value(str("type")).toString().isEmpty())
            return HttpResponse::json(
                400, "{\"error\":\"from and message (or text) are required\"}");
        const QString id
            = writeInbound(from, message, body.value(str("phone_number_id")).toString());
        return jsonResponse(200, {{str("id"), id}});
    }
    if (path == "/_sim/webhooks" && request.method == "GET") {
        QJsonArray list;
        for (const SimWebhook &w : dispatcher.records())
            list.append(QJsonObject{{str("body"), QJsonDocument::fromJson(w.body).object()},
                {str("attempts"), w.attempts}, {str("last_http_status"), w.lastHttpStatus},
                {str("delivered"), w.delivered}});
        return jsonResponse(200, {{str("data"), list}});
    }
    static const QRegularExpression statusRe(str("^/_sim/templates/([0-9]+)/status$"));
    if (const auto m = statusRe.match(QString::fromUtf8(path));
        m.hasMatch() && request.method == "POST") {
        const QString status
            = QJsonDocument::fromJson(request.body).object().value(str("status")).toString();
        TemplateStatusChange change;
        if (status.isEmpty() || !templates.setStatus(m.captured(1), status, &change))
            return HttpResponse::json(404, "{\"error\":\"unknown template or missing status\"}");
        templateWebhook(change);
        return jsonResponse(200, {{str("success"), true}});
    }
    return HttpResponse::json(404, "{\"error\":\"unknown /_sim/ endpoint\"}");
}

void SimulatorPrivate::resetState()
{
    due.clear();
    lastInbound.clear();
    throughput.clear();
    pairRate.clear();
    accepted.clear();
    acceptedByRecipient.clear();
    sent.clear();
    byType.clear();
    byError.clear();
    byRecipient.clear();
    acceptedCount = rejectedCount = inboundCount = readReceipts = 0;
    media.clear();
    templates.clear();
    if (config.seedDefaultTemplates)
        templates.seedDefaults();
    dispatcher.clear();
}

// ------------------------------------------------------------------------------------------------

Simulator::Simulator(const SimConfig &config, QObject *parent)
    : QObject(parent), d(std::make_unique<SimulatorPrivate>(this, config))
{
    for (const QString &r : config.unreachableRecipients)
        d->unreachable.insert(r);
    for (const QString &r : config.marketingOptOut)
        d->optedOut.insert(r);
    d->server = new core::HttpServer(this);
    // Media uploads go up to 100 MB (documents), plus the multipart framing.
    core::HttpServer::Limits limits;
    limits.maxBodyBytes = 101 * 1024 * 1024;
    d->server->setLimits(limits);
    d->server->setHandler([this](const core::HttpRequest &request, core::HttpResponder responder) {
        HttpResponse response = d->route(request);
        const int lo = d->config.latencyMinMs,
                  hi = qMax(d->config.latencyMinMs, d->config.latencyMaxMs);
        if (hi <= 0) {
            responder.respond(std::move(response));
            return;
        }
        const int delay = lo == hi ? lo : lo + int(d->random.bounded(hi - lo + 1));
        QTimer::singleShot(delay, this, [responder, response] { responder.respond(response); });
    });
    connect(&d->dispatcher, &WebhookDispatcher::attempted, this, &Simulator::webhookAttempted);
    d->timer = new QTimer(this);
    d->timer->setInterval(10);
    connect(d->timer, &QTimer::timeout, this, [this] { runDueEvents(); });
}

Simulator::~Simulator() = default;

bool Simulator::start(const QString &listen, QString *error)
{
    if (!d->server->listen(listen, error))
        return false;
    d->timer->start();
    qCDebug(core::lcSim) << "simulated Cloud API listening on" << baseUrl().toString();
    return true;
}

void Simulator::stop()
{
    d->timer->stop();
    d->server->close();
}

quint16 Simulator::port() const
{
    return d->server->serverPort();
}

QUrl Simulator::baseUrl() const
{
    const QHostAddress address = d->server->serverAddress();
    QString host
        = address.isNull() || address == QHostAddress::Any || address == QHostAddress::AnyIPv4
        ? str("127.0.0.1")
        : address.toString();
    if (address.protocol() == QAbstractSocket::IPv6Protocol && host != QLatin1String("127.0.0.1"))
        host = u'[' + host + u']';
    return QUrl(str("http://%1:%2").arg(host).arg(port()));
}

const SimConfig &Simulator::config() const
{
    return d->config;
}

void Simulator::setWebhookUrl(const QUrl &url)
{
    d->config.webhookUrl = url;
    d->dispatcher.setUrl(url);
}

void Simulator::setThroughputMps(double mps, int burst)
{
    d->config.throughputMps = mps;
    d->config.throughputBurst = burst;
    d->throughput.clear();
}

void Simulator::setTokenExpiresAtMs(qint64 ms)
{
    d->config.tokenExpiresAtMs = ms;
}

void Simulator::addCustomer(const SimCustomer &customer)
{
    if (SimCustomer *existing
        = d->customer(customer.waId.isEmpty() ? customer.userId : customer.waId))
        *existing = customer;
    else
        d->customers.append(customer);
}

QString Simulator::customerWrites(
    const QString &from, const QJsonObject &message, const QString &phoneNumberId)
{
    const QString id = d->writeInbound(from, message, phoneNumberId);
    QTimer::singleShot(0, this, [this] { runDueEvents(); });
    return id;
}

QString Simulator::customerWritesText(
    const QString &from, const QString &text, const QString &phoneNumberId)
{
    return customerWrites(from,
        {{str("type"), str("text")}, {str("text"), QJsonObject{{str("body"), text}}}},
        phoneNumberId);
}

void Simulator::reset()
{
    d->resetState();
}

void Simulator::runDueEvents()
{
    // Events may schedule more events that are already due (e.g. a reply right after a read).
    for (int round = 0; round < 16; ++round) {
        const qint64 nowMs = d->now();
        auto end = d->due.upper_bound(nowMs);
        if (d->due.begin() == end)
            break;
        std::multimap<qint64, std::function<void()>> batch;
        batch.insert(d->due.begin(), end);
        d->due.erase(d->due.begin(), end);
        for (auto &[when, fn] : batch)
            fn();
    }
    d->dispatcher.run();
}

QJsonArray Simulator::acceptedMessages() const
{
    QJsonArray a;
    for (const QJsonObject &o : d->accepted)
        a.append(o);
    return a;
}

QJsonObject Simulator::stats() const
{
    return d->statsJson();
}
QList<SimWebhook> Simulator::webhooks() const
{
    return d->dispatcher.records();
}
int Simulator::pendingWebhookCount() const
{
    return d->dispatcher.pendingCount() + int(d->due.size());
}

QString Simulator::addTemplate(const QJsonObject &tpl, const QString &status)
{
    return d->templates.add(tpl, status);
}

bool Simulator::setTemplateStatus(const QString &templateId, const QString &status)
{
    TemplateStatusChange change;
    if (!d->templates.setStatus(templateId, status, &change))
        return false;
    d->templateWebhook(change);
    return true;
}

bool Simulator::loadScenario(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = str("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    d->scenarioDir = QFileInfo(path).absolutePath();
    return loadScenarioJson(f.readAll(), error);
}

bool Simulator::loadScenarioJson(const QByteArray &json, QString *error)
{
    Scenario scenario;
    if (!Scenario::parse(json, d->scenarioDir, &scenario, error))
        return false;
    // Scenario times count from now (on the simulator's clock).
    const qint64 start = d->now();
    for (const ScenarioCustomer &sc : scenario.customers) {
        addCustomer(sc.customer);
        const QString id = sc.customer.waId.isEmpty() ? sc.customer.userId : sc.customer.waId;
        if (sc.hasBehaviour) {
            for (const QString &k : {sc.customer.waId, sc.customer.userId}) {
                if (!k.isEmpty())
                    d->behaviours.insert(k, sc.behaviour);
            }
        }
        if (sc.unreachable)
            d->unreachable.insert(id);
        if (sc.marketingOptOut)
            d->optedOut.insert(id);
        for (const ScenarioWrite &w : sc.writes) {
            d->at(start + w.atMs, [this, id, w] {
                QJsonObject message = w.message;
                if (!w.mediaData.isEmpty()) {
                    const QString kind = message.value(str("type")).toString();
                    const QString mediaId = d->media.add(d->defaultPhoneNumberId(),
                        w.mediaMime.section(u';', 0, 0), w.mediaData,
                        message.value(kind).toObject().value(str("filename")).toString());
                    QJsonObject object = message.value(kind).toObject();
                    object.insert(str("id"), mediaId);
                    object.insert(str("mime_type"), w.mediaMime);
                    object.insert(str("sha256"), d->media.find(mediaId)->sha256);
                    message.insert(kind, object);
                }
                d->writeInbound(id, message, QString());
            });
        }
    }
    qCInfo(core::lcSim) << "scenario loaded:" << scenario.customers.size() << "customers";
    return true;
}

} // namespace parley::sim
