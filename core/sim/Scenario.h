#pragma once

#include "sim/Simulator.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace parley::sim {

// How a simulated customer reacts to what the business sends (after reading it).
struct ScenarioBehaviour
{
    bool replyButtons = false; // picks the first reply button
    bool replyLists = false; // picks the first row
    bool answerQuickReplies = false; // taps a template's first quick-reply button
    bool shareLocation = false; // answers location requests
    QString react; // reacts with this emoji to every text message
    QString quote; // answers every text message with this text, quoting it
    qint64 replyDelayMs = 2000;
    double latitude = 38.7223;
    double longitude = -9.1393;
};

// A message the customer writes at a given time after the scenario starts.
struct ScenarioWrite
{
    qint64 atMs = 0;
    QJsonObject message; // inbound message object without from/id/timestamp
    // For media messages: the file's bytes, uploaded to the media store when the write happens,
    // and the key of the media object in `message` ("image", "audio", "document"...).
    QByteArray mediaData;
    QString mediaMime;
};

struct ScenarioCustomer
{
    SimCustomer customer;
    ScenarioBehaviour behaviour;
    bool hasBehaviour = false;
    bool unreachable = false;
    bool marketingOptOut = false;
    QList<ScenarioWrite> writes;
};

// A scenario file (format in docs/simulator.md): simulated customers, what they write when, and
// how they react. Media paths are relative to the scenario file.
class Scenario
{
public:
    static bool parse(
        const QByteArray &json, const QString &baseDir, Scenario *out, QString *error);
    static QString mimeForFile(const QString &path);

    QList<ScenarioCustomer> customers;
};

} // namespace parley::sim
