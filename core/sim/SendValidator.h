#pragma once

#include "sim/SimError.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace parley::sim {

// What a valid POST /<phone-number-id>/messages body asks for.
struct SendRequest
{
    bool markRead = false; // {"status":"read","message_id"}: mark as read (+ typing indicator)
    bool typingIndicator = false;
    QString readMessageId;

    QString type; // text, image, ..., template, reaction, interactive
    QString interactiveType; // button, list, cta_url, ... for type interactive
    QString toInput; // `to` as sent
    QString to; // `to` reduced to digits (or the group id)
    QString userId; // `recipient` (BSUID) when sent without `to`
    bool group = false;
    QString contextMessageId;
    QString bizOpaqueCallbackData;
    QStringList mediaIds; // media referenced by id
    QJsonObject templateObject; // the "template" object for type template

    // Who the message goes to: the digits of `to`, else the BSUID.
    QString recipientKey() const { return to.isEmpty() ? userId : to; }
};

// Checks a send request against Meta's envelope rules and the limits of FACTS.md §2 and §3.
// Envelope problems answer 100, missing nested fields 131008, invalid nested values 131009,
// unknown message types 131051. Template existence and parameters are checked by TemplateStore.
class SendValidator
{
public:
    static SimError validate(const QJsonObject &body, SendRequest *out);
    // Length as Meta counts it: in characters (code points), not UTF-16 units.
    static int chars(const QString &s);
};

} // namespace parley::sim
