// The composer's extras in the real console (MainWindow over a demo ConsoleSession) against the
// in-process simulator: real HTTP on loopback, a real store in a temporary directory, offscreen
// widgets. Attachments (refused before upload, or uploaded then queued), canned replies, the
// interactive, location and contact card builders, and Reply/React from the thread's menu.
#include "Composer.h"
#include "ConsoleSession.h"
#include "ConversationListModel.h"
#include "MainWindow.h"
#include "ThreadModel.h"
#include "ThreadView.h"
#include "common/Clock.h"
#include "composer/AttachmentChip.h"
#include "composer/CannedRepliesDialog.h"
#include "composer/ComposerBackend.h"
#include "composer/ComposerController.h"
#include "composer/ComposerEdit.h"
#include "composer/ContactCardDialog.h"
#include "composer/InteractiveDialog.h"
#include "composer/LocationDialog.h"
#include "composer/ThreadActions.h"
#include "sim/Simulator.h"

#include <QAbstractItemView>
#include <QClipboard>
#include <QCompleter>
#include <QDateTime>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

using namespace parley;
using namespace parley::ui;

namespace {
const QString Maria = QStringLiteral("5511987650001");
} // namespace

class TestComposerE2E : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<core::ManualClock> m_simClock;
    std::unique_ptr<ConsoleSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_files;

    sim::Simulator *sim() const { return m_session->simulator(); }
    Composer *composer() const { return m_window->composer(); }
    ComposerController *controller() const { return m_window->findChild<ComposerController *>(); }

    qint64 conversationOf(const QString &waId) const
    {
        const auto *model = m_window->conversationModel();
        for (int i = 0; i < model->rowCount(); ++i)
            if (model->rowAt(i)->waId == waId)
                return model->rowAt(i)->id;
        return 0;
    }

    // Maria writes (her window opens) and the agent opens her thread.
    QString openMaria()
    {
        sim()->addCustomer(
            {QStringLiteral("Maria Oliveira"), Maria, {}, {}, QStringLiteral("pt_BR")});
        const QString wamid
            = sim()->customerWritesText(Maria, QStringLiteral("Hi, is my teapot on its way?"));
        sim()->runDueEvents();
        [&] { QTRY_VERIFY_WITH_TIMEOUT(conversationOf(Maria) != 0, 10000); }();
        m_window->openConversation(conversationOf(Maria));
        [&] { QTRY_COMPARE_WITH_TIMEOUT(m_window->threadModel()->rowCount(), 1, 10000); }();
        return wamid;
    }

    // The requests the simulator accepted, of one type, oldest first.
    QList<QJsonObject> accepted(const QString &type) const
    {
        QList<QJsonObject> out;
        for (const QJsonValue &v : sim()->acceptedMessages()) {
            const QJsonObject request = v.toObject().value(QLatin1String("request")).toObject();
            if (request.value(QLatin1String("type")).toString() == type)
                out.append(request);
        }
        return out;
    }

    QString writeFile(const QString &name, const QByteArray &data)
    {
        const QString path = m_files.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    QString writeImage(const QString &name)
    {
        QImage image(48, 32, QImage::Format_RGB32);
        image.fill(QColor(0x25, 0xd3, 0x66));
        const QString path = m_files.filePath(name);
        if (!image.save(path, "PNG"))
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    void drop(QWidget *target, const QString &path)
    {
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(path)});
        const QPoint at = target->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(target, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent dropped(QPointF(at), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(target, &dropped);
    }

    QAction *findAction(QMenu *menu, const QString &name)
    {
        for (QAction *a : menu->findChildren<QAction *>()) {
            if (a->objectName() == name)
                return a;
        }
        return nullptr;
    }

    // PARLEY_SCREENSHOTS_DIR=docs/images saves the composer's screens for the docs.
    void screenshot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("PARLEY_SCREENSHOTS_DIR");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
    }

    qint64 mediaUploads() const { return sim()->stats().value(QLatin1String("media")).toInteger(); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("parley-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_composer_e2e"));
        QVERIFY(m_files.isValid());
    }

    void init()
    {
        QSettings().clear();
        m_simClock = std::make_unique<core::ManualClock>(QDateTime::currentMSecsSinceEpoch());
        ConsoleSession::Options o;
        o.demo = true;
        o.demoScenario = false;
        o.simulatorClock = m_simClock.get();
        m_session = std::make_unique<ConsoleSession>(o);
        QString error;
        QVERIFY2(m_session->start(&error), qPrintable(error));
        m_window = std::make_unique<MainWindow>(m_session.get());
        m_window->resize(1180, 720);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(controller());
    }

    void cleanup()
    {
        m_window.reset();
        m_session.reset();
        m_simClock.reset();
    }

    void refusesForbiddenAndTooLargeFilesBeforeUpload()
    {
        openMaria();
        QSignalSpy uploads(controller()->backend(), &ComposerBackend::uploaded);
        // A shell script is not a WhatsApp media type, whatever its name.
        const QString script = writeFile(QStringLiteral("invoice.pdf.sh"), "#!/bin/sh\necho hi\n");
        QVERIFY(!composer()->attachFile(script));
        QVERIFY(!composer()->hasAttachment());
        QVERIFY(composer()->notice()->isVisible());
        QVERIFY2(composer()->notice()->text().contains(QStringLiteral("invoice.pdf.sh"))
                && composer()->notice()->text().contains(QStringLiteral("does not accept")),
            qPrintable(composer()->notice()->text()));

        // A PNG one byte over the 5 MB image limit (FACTS.md §4), dropped on the thread.
        QByteArray big = QByteArray::fromHex("89504e470d0a1a0a");
        big.append(QByteArray(5 * 1024 * 1024 + 1 - big.size(), '\0'));
        const QString bigPath = writeFile(QStringLiteral("huge.png"), big);
        drop(m_window->threadView()->viewport(), bigPath);
        QVERIFY(!composer()->hasAttachment());
        const QString notice = composer()->notice()->text();
        QVERIFY2(notice.contains(QStringLiteral("huge.png"))
                && notice.contains(QStringLiteral("images up to")),
            qPrintable(notice));

        // An empty file.
        QVERIFY(!composer()->attachFile(writeFile(QStringLiteral("empty.txt"), {})));
        QVERIFY(composer()->notice()->text().contains(QStringLiteral("empty")));

        // Enter with nothing attached and nothing typed sends nothing; nothing was uploaded.
        QTest::keyClick(composer()->editor(), Qt::Key_Return);
        QCoreApplication::processEvents();
        // No upload was tried at all (the simulator would have refused and counted it).
        QCOMPARE(uploads.size(), 0);
        QCOMPARE(mediaUploads(), 0);
        QCOMPARE(sim()->stats().value(QLatin1String("rejected")).toInteger(), 0);
        QCOMPARE(sim()->acceptedMessages().size(), 0);
    }

    void droppedImageIsUploadedThenQueued()
    {
        openMaria();
        const QString path = writeImage(QStringLiteral("teapot.png"));
        drop(m_window->threadView()->viewport(), path);
        QVERIFY(composer()->hasAttachment());
        QCOMPARE(composer()->attachment().kind, QStringLiteral("image"));
        QCOMPARE(composer()->attachment().mimeType, QStringLiteral("image/png"));
        QVERIFY(composer()->attachmentChip()->isVisible());
        QVERIFY(
            composer()->attachmentChip()->label()->text().contains(QStringLiteral("teapot.png")));

        QTest::keyClicks(
            composer()->attachmentChip()->captionEdit(), QStringLiteral("Your teapot, packed"));
        QTest::keyClicks(composer()->editor(), QStringLiteral("It leaves today."));
        screenshot(m_window.get(), QStringLiteral("composer-attachment.png"));
        QTest::keyClick(composer()->editor(), Qt::Key_Return);

        QTRY_COMPARE_WITH_TIMEOUT(accepted(QStringLiteral("image")).size(), 1, 10000);
        QCOMPARE(mediaUploads(), 1);
        const QJsonObject image
            = accepted(QStringLiteral("image")).first().value(QLatin1String("image")).toObject();
        QVERIFY2(!image.value(QLatin1String("id")).toString().isEmpty(),
            QJsonDocument(image).toJson().constData());
        QCOMPARE(image.value(QLatin1String("caption")).toString(),
            QStringLiteral("Your teapot, packed"));
        // The thread shows it: the outbox's row with the caption and the uploaded media id.
        auto sentImage = [this] {
            for (int i = 0; i < m_window->threadModel()->rowCount(); ++i) {
                const auto row = m_window->threadModel()
                                     ->index(i)
                                     .data(ThreadModel::MessageRole)
                                     .value<MessageRow>();
                if (row.direction == QLatin1String("out") && row.type == QLatin1String("image"))
                    return row;
            }
            return MessageRow();
        };
        QTRY_COMPARE_WITH_TIMEOUT(
            sentImage().caption, QStringLiteral("Your teapot, packed"), 10000);
        QCOMPARE(sentImage().mediaId, image.value(QLatin1String("id")).toString());
        // The typed text follows as its own message; the composer is empty again.
        QTRY_COMPARE_WITH_TIMEOUT(accepted(QStringLiteral("text")).size(), 1, 10000);
        QCOMPARE(accepted(QStringLiteral("text"))
                     .first()
                     .value(QLatin1String("text"))
                     .toObject()
                     .value(QLatin1String("body"))
                     .toString(),
            QStringLiteral("It leaves today."));
        QVERIFY(!composer()->hasAttachment());
        QVERIFY(composer()->editor()->toPlainText().isEmpty());

        // The same file again is not uploaded again (content-addressed cache).
        QVERIFY(composer()->attachFile(path));
        QTest::keyClick(composer()->editor(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(accepted(QStringLiteral("image")).size(), 2, 10000);
        QCOMPARE(mediaUploads(), 1);
    }

    void pastedImageBecomesPngAndGoesOut()
    {
        openMaria();
        QImage image(20, 20, QImage::Format_ARGB32);
        image.fill(QColor(200, 30, 30, 128));
        QMimeData *data = new QMimeData;
        data->setImageData(image);
        QGuiApplication::clipboard()->setMimeData(data);
        composer()->editor()->setFocus();
        composer()->editor()->paste();
        QVERIFY2(composer()->hasAttachment(), qPrintable(composer()->notice()->text()));
        QCOMPARE(composer()->attachment().mimeType, QStringLiteral("image/png"));
        QVERIFY(composer()->attachment().fileName.startsWith(QStringLiteral("pasted-")));
        QVERIFY(composer()->editor()->toPlainText().isEmpty());
        QTest::mouseClick(composer()->sendButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(accepted(QStringLiteral("image")).size(), 1, 10000);
        QCOMPARE(mediaUploads(), 1);

        // A pasted file URL attaches the file; removing the chip leaves nothing to send.
        QMimeData *file = new QMimeData;
        file->setUrls({QUrl::fromLocalFile(writeImage(QStringLiteral("label.png")))});
        QGuiApplication::clipboard()->setMimeData(file);
        composer()->editor()->paste();
        QVERIFY(composer()->hasAttachment());
        QCOMPARE(composer()->attachment().fileName, QStringLiteral("label.png"));
        QTest::mouseClick(composer()->attachmentChip()->removeButton(), Qt::LeftButton);
        QVERIFY(!composer()->hasAttachment());
    }

    void cannedReplyExpandsWithVariables()
    {
        QSettings().setValue(
            QLatin1String(CannedRepliesDialog::AgentNameKey), QStringLiteral("Ana"));
        openMaria();
        CannedRepliesDialog *dialog = controller()->openCannedReplies();
        QVERIFY(dialog);
        QCOMPARE(dialog->agentNameEdit()->text(), QStringLiteral("Ana"));

        // Refused: a shortcut with capitals and punctuation, then a text over 4096 characters.
        dialog->startNew();
        dialog->shortcutEdit()->setText(QStringLiteral("Thanks!"));
        dialog->textEdit()->setPlainText(QStringLiteral("Thank you"));
        dialog->save();
        QVERIFY2(dialog->errorLabel()->text().contains(QStringLiteral("lowercase")),
            qPrintable(dialog->errorLabel()->text()));
        dialog->shortcutEdit()->setText(QStringLiteral("thanks"));
        dialog->textEdit()->setPlainText(QString(4097, QLatin1Char('x')));
        dialog->save();
        QVERIFY(dialog->errorLabel()->text().contains(QStringLiteral("4096")));

        QSignalSpy saved(dialog, &CannedRepliesDialog::saved);
        dialog->textEdit()->setPlainText(
            QStringLiteral("Thank you, {{first_name}}! {{ agent }} from the shop."));
        dialog->save();
        QVERIFY(saved.wait(10000));
        dialog->startNew();
        dialog->shortcutEdit()->setText(QStringLiteral("order"));
        dialog->textEdit()->setPlainText(
            QStringLiteral("{{name}}, your order {{order}} ships on {{weekday}}."));
        dialog->save();
        QVERIFY(saved.wait(10000));
        QTRY_COMPARE(dialog->list()->count(), 2);
        // A duplicate shortcut is refused and nothing stored changes.
        dialog->startNew();
        dialog->shortcutEdit()->setText(QStringLiteral("thanks"));
        dialog->textEdit()->setPlainText(QStringLiteral("Other"));
        dialog->save();
        QVERIFY(dialog->errorLabel()->text().contains(QStringLiteral("/thanks")));
        dialog->close();
        QTRY_COMPARE(controller()->backend()->cannedReplies().size(), 2);

        // "/tha" opens the completer; Tab inserts the reply with the contact's name.
        QPlainTextEdit *editor = composer()->editor();
        editor->setFocus();
        QTest::keyClicks(editor, QStringLiteral("/tha"));
        QTRY_VERIFY(composer()->cannedCompleter()->popup()->isVisible());
        QCOMPARE(composer()->cannedCompleter()->completionCount(), 1);
        QTest::keyClick(editor, Qt::Key_Tab);
        QCOMPARE(editor->toPlainText(), QStringLiteral("Thank you, Maria! Ana from the shop."));
        QVERIFY(composer()->unfilledVariables().isEmpty());
        QVERIFY(!composer()->cannedCompleter()->popup()->isVisible());

        // "/order" + Enter: unknown variables stay visible and flagged; nothing is sent yet.
        editor->clear();
        QTest::keyClicks(editor, QStringLiteral("/order"));
        QTest::keyClick(editor, Qt::Key_Return);
        QCOMPARE(editor->toPlainText(),
            QStringLiteral("Maria Oliveira, your order {{order}} ships on {{weekday}}."));
        QCOMPARE(composer()->unfilledVariables(),
            (QStringList{QStringLiteral("order"), QStringLiteral("weekday")}));
        QCOMPARE(editor->extraSelections().size(), 2);
        screenshot(m_window.get(), QStringLiteral("composer-canned.png"));
        QCOMPARE(
            editor->extraSelections().first().cursor.selectedText(), QStringLiteral("{{order}}"));
        QVERIFY(composer()->notice()->text().contains(QStringLiteral("{{order}}")));
        QCOMPARE(sim()->acceptedMessages().size(), 0);

        // An unknown /word is just text.
        editor->clear();
        QTest::keyClicks(editor, QStringLiteral("/nothing"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(accepted(QStringLiteral("text")).size(), 1, 10000);
    }

    void buttonsBuilderValidatesAndSends()
    {
        openMaria();
        InteractiveDialog *dialog = controller()->openInteractive();
        QVERIFY(dialog);
        dialog->setKind(InteractiveDialog::Kind::Buttons);
        QVERIFY(!dialog->sendButton()->isEnabled()); // no body, no buttons
        dialog->bodyEdit()->setPlainText(QStringLiteral("Which size would you like?"));
        dialog->buttonTitleEdit(0)->setText(QStringLiteral("Small"));
        dialog->buttonTitleEdit(1)->setText(QStringLiteral("Extra large, please!")); // 20: fine
        QVERIFY2(dialog->sendButton()->isEnabled(), qPrintable(dialog->errorLabel()->text()));
        dialog->buttonTitleEdit(1)->setText(QStringLiteral("Extra large, please!!")); // 21
        QVERIFY(!dialog->sendButton()->isEnabled());
        QVERIFY2(dialog->errorLabel()->text().contains(QStringLiteral("Button 2 title"))
                && dialog->errorLabel()->text().contains(QStringLiteral("20")),
            qPrintable(dialog->errorLabel()->text()));
        dialog->buttonTitleEdit(1)->setText(QStringLiteral("Small"));
        QVERIFY(dialog->errorLabel()->text().contains(QStringLiteral("not unique")));
        dialog->buttonTitleEdit(1)->setText(QStringLiteral("Large"));
        dialog->buttonIdEdit(1)->setText(QStringLiteral("size_l"));
        QVERIFY(dialog->sendButton()->isEnabled());
        QVERIFY(dialog->preview()->text().contains(QStringLiteral("Large")));
        screenshot(dialog, QStringLiteral("composer-buttons.png"));
        QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);

        QTRY_COMPARE_WITH_TIMEOUT(accepted(QStringLiteral("interactive")).size(), 1, 10000);
        const QJsonObject sent = accepted(QStringLiteral("interactive"))
                                     .first()
                                     .value(QLatin1String("interactive"))
                                     .toObject();
        QCOMPARE(sent.value(QLatin1String("type")).toString(), QStringLiteral("button"));
        const QJsonArray buttons = sent.value(QLatin1String("action"))
                                       .toObject()
                                       .value(QLatin1String("buttons"))
                                       .toArray();
        QCOMPARE(buttons.size(), 2);
        QCOMPARE(buttons.at(1)
                     .toObject()
                     .value(QLatin1String("reply"))
                     .toObject()
                     .value(QLatin1String("id"))
                     .toString(),
            QStringLiteral("size_l"));

        // A list: sections and rows, the 10-row limit, then a valid one goes out.
        InteractiveDialog *list = controller()->openInteractive();
        QVERIFY(list != nullptr);
        QVERIFY(list != dialog);
        list->setKind(InteractiveDialog::Kind::List);
        list->bodyEdit()->setPlainText(QStringLiteral("Pick a delivery slot"));
        list->listButtonEdit()->setText(QStringLiteral("Slots"));
        QTreeWidgetItem *section = list->sectionsTree()->topLevelItem(0);
        QVERIFY(section);
        delete section->child(0);
        for (int n = 0; n < 11; ++n)
            list->addRow(section, QStringLiteral("Slot %1").arg(n + 1));
        QVERIFY(!list->sendButton()->isEnabled());
        QVERIFY2(list->errorLabel()->text().contains(QStringLiteral("11 rows")),
            qPrintable(list->errorLabel()->text()));
        delete section->child(10);
        QVERIFY2(list->sendButton()->isEnabled(), qPrintable(list->errorLabel()->text()));
        QTest::mouseClick(list->sendButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(accepted(QStringLiteral("interactive")).size(), 2, 10000);
        const QJsonObject listSent = accepted(QStringLiteral("interactive"))
                                         .at(1)
                                         .value(QLatin1String("interactive"))
                                         .toObject();
        QCOMPARE(listSent.value(QLatin1String("type")).toString(), QStringLiteral("list"));
    }

    void locationAndContactCardArrive()
    {
        openMaria();
        LocationDialog *location = controller()->openLocation();
        location->latitudeEdit()->setText(QStringLiteral("91"));
        location->longitudeEdit()->setText(QStringLiteral("-74.006"));
        QVERIFY(!location->sendButton()->isEnabled());
        QVERIFY(location->errorLabel()->text().contains(QStringLiteral("-90 and 90")));
        location->latitudeEdit()->setText(QStringLiteral("north"));
        QVERIFY(location->errorLabel()->text().contains(QStringLiteral("not a number")));
        location->latitudeEdit()->setText(QStringLiteral("40.7128"));
        location->nameEdit()->setText(QStringLiteral("Parley teapots"));
        location->addressEdit()->setText(QStringLiteral("1 Main St, New York"));
        QVERIFY(location->sendButton()->isEnabled());
        QTest::mouseClick(location->sendButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(accepted(QStringLiteral("location")).size(), 1, 10000);
        const QJsonObject l = accepted(QStringLiteral("location"))
                                  .first()
                                  .value(QLatin1String("location"))
                                  .toObject();
        QCOMPARE(l.value(QLatin1String("latitude")).toDouble(), 40.7128);
        QCOMPARE(l.value(QLatin1String("longitude")).toDouble(), -74.006);
        QCOMPARE(l.value(QLatin1String("name")).toString(), QStringLiteral("Parley teapots"));

        ContactCardDialog *card = controller()->openContactCard();
        QVERIFY(!card->sendButton()->isEnabled());
        card->nameEdit()->setText(QStringLiteral("Parley Support"));
        card->phonesEdit()->setPlainText(QStringLiteral("+1 650 555 1234\ncall me"));
        QVERIFY(!card->sendButton()->isEnabled());
        QVERIFY(card->errorLabel()->text().contains(QStringLiteral("call me")));
        card->phonesEdit()->setPlainText(QStringLiteral("+1 650 555 1234\n+55 11 98765-0000"));
        card->emailsEdit()->setPlainText(QStringLiteral("help@example"));
        QVERIFY(!card->sendButton()->isEnabled());
        card->emailsEdit()->setPlainText(QStringLiteral("help@example.com"));
        QVERIFY(card->sendButton()->isEnabled());
        QTest::mouseClick(card->sendButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(accepted(QStringLiteral("contacts")).size(), 1, 10000);
        const QJsonObject c = accepted(QStringLiteral("contacts"))
                                  .first()
                                  .value(QLatin1String("contacts"))
                                  .toArray()
                                  .first()
                                  .toObject();
        QCOMPARE(c.value(QLatin1String("name"))
                     .toObject()
                     .value(QLatin1String("formatted_name"))
                     .toString(),
            QStringLiteral("Parley Support"));
        QCOMPARE(c.value(QLatin1String("phones")).toArray().size(), 2);
        QCOMPARE(c.value(QLatin1String("emails"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("email"))
                     .toString(),
            QStringLiteral("help@example.com"));
    }

    void replyAndReactFromTheThreadMenu()
    {
        const QString wamid = openMaria();
        const QModelIndex index = m_window->threadModel()->index(0);
        QCOMPARE(index.data(ThreadModel::MessageIdRole).toString(), wamid);
        QCOMPARE(m_window->threadView()->contextMenuPolicy(), Qt::CustomContextMenu);

        // Double-click quotes a message too, and Esc cancels the quote.
        const QRect bubble = m_window->threadView()->visualRect(index);
        QVERIFY(bubble.isValid());
        QCOMPARE(m_window->threadView()->indexAt(bubble.center()), index);
        QTest::mouseClick(
            m_window->threadView()->viewport(), Qt::LeftButton, Qt::NoModifier, bubble.center());
        QTest::mouseDClick(
            m_window->threadView()->viewport(), Qt::LeftButton, Qt::NoModifier, bubble.center());
        QCOMPARE(composer()->replyTo(), wamid);
        QTest::keyClick(composer()->editor(), Qt::Key_Escape);
        QVERIFY(composer()->replyTo().isEmpty());

        std::unique_ptr<QMenu> menu(controller()->threadActions()->menuFor(index, m_window.get()));
        QVERIFY(menu);
        QAction *reply = findAction(menu.get(), QStringLiteral("reply"));
        QVERIFY(reply);
        reply->trigger();
        QCOMPARE(composer()->replyTo(), wamid);
        QTest::keyClicks(composer()->editor(), QStringLiteral("Yes, it is!"));
        QTest::keyClick(composer()->editor(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(accepted(QStringLiteral("text")).size(), 1, 10000);
        QCOMPARE(accepted(QStringLiteral("text"))
                     .first()
                     .value(QLatin1String("context"))
                     .toObject()
                     .value(QLatin1String("message_id"))
                     .toString(),
            wamid);

        QAction *thumbs = findAction(menu.get(), QStringLiteral("react:👍"));
        QVERIFY(thumbs);
        thumbs->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(accepted(QStringLiteral("reaction")).size(), 1, 10000);
        QJsonObject reaction = accepted(QStringLiteral("reaction"))
                                   .first()
                                   .value(QLatin1String("reaction"))
                                   .toObject();
        QCOMPARE(reaction.value(QLatin1String("message_id")).toString(), wamid);
        QCOMPARE(reaction.value(QLatin1String("emoji")).toString(), QStringLiteral("👍"));

        findAction(menu.get(), QStringLiteral("unreact"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(accepted(QStringLiteral("reaction")).size(), 2, 10000);
        reaction = accepted(QStringLiteral("reaction"))
                       .at(1)
                       .value(QLatin1String("reaction"))
                       .toObject();
        QCOMPARE(reaction.value(QLatin1String("message_id")).toString(), wamid);
        QVERIFY(reaction.contains(QLatin1String("emoji")));
        QCOMPARE(reaction.value(QLatin1String("emoji")).toString(), QString());

        // A message Meta has not accepted yet has no wamid to quote or react to.
        MessageRow local;
        local.id = QStringLiteral("local:42");
        local.type = QStringLiteral("text");
        QVERIFY(!ThreadActions::canQuote(local));
    }
};

QTEST_MAIN(TestComposerE2E)
#include "tst_composer_e2e.moc"
