#pragma once

#include "ConsoleTypes.h"

#include <QObject>
#include <QThread>

namespace parley::core {
class Clock;
}

namespace parley::ui {

class StoreWorker;

// The console's door to the store. Every query runs on a worker thread with its own connection;
// each request returns an id at once and its answer arrives later by a signal carrying that id.
// Producers (the ingest pipeline, the outbox) report changes through notifyChanged(); the models
// react to `changed`, nothing polls.
class ConsoleStore : public QObject
{
    Q_OBJECT
public:
    explicit ConsoleStore(const QString &path, core::Clock *clock, QObject *parent = nullptr);
    ~ConsoleStore() override;

    // Opens the store on the worker (migrating it). Blocks until done; false with *error.
    bool open(QString *error = nullptr);
    QString path() const { return m_path; }
    core::Clock *clock() const { return m_clock; }

    quint64 requestConversations(const ConversationQuery &query);
    quint64 requestConversationsById(const QList<qint64> &ids);
    quint64 requestMessagesBefore(qint64 conversationId, MessageKey before, int limit);
    quint64 requestMessagesFrom(qint64 conversationId, MessageKey from, int limit);
    quint64 requestSearch(const QString &text, int limit = 50);
    quint64 requestContact(qint64 conversationId);
    quint64 requestPhoneNumbers();
    quint64 requestTemplates();
    // Answered by messagesReady (rows of any conversation).
    quint64 requestMessagesByIds(const QStringList &ids);
    quint64 requestUnreadTotal();
    void markRead(qint64 conversationId);

public Q_SLOTS:
    // Something in the store changed; the models refresh what they show.
    void notifyChanged(const parley::ui::StoreChange &change);

Q_SIGNALS:
    void conversationsReady(quint64 request, const QList<parley::ui::ConversationRow> &rows);
    void messagesReady(quint64 request, const QList<parley::ui::MessageRow> &rows);
    void searchReady(quint64 request, const QList<parley::ui::SearchHit> &hits);
    void contactReady(quint64 request, const parley::ui::ContactDetails &details);
    void phoneNumbersReady(quint64 request, const QStringList &ids);
    void templatesReady(quint64 request, const QList<parley::core::TemplateDefinition> &templates);
    void changed(const parley::ui::StoreChange &change);
    void unreadTotalReady(quint64 request, int unread);

private:
    template <typename F>
    quint64 post(F &&work);
    template <typename F>
    void back(F &&deliver);

    QString m_path;
    core::Clock *m_clock;
    QThread m_thread;
    StoreWorker *m_worker = nullptr;
    quint64 m_nextRequest = 1;
};

} // namespace parley::ui
