// The thread as the agent sees it, over a real store file (tests/ui/ConsoleFixture.h) and the
// real MainWindow offscreen: images as thumbnails decoded off the UI thread, other media as a
// card with Open / Save as…, quoted replies that jump to the original (loading older history),
// "Open in map" for a location, and the keyboard cheat sheet.
#include "ConsoleFixture.h"

#include "ConsoleSession.h"
#include "ConsoleStore.h"
#include "ConversationListModel.h"
#include "MainWindow.h"
#include "MessageDelegate.h"
#include "Style.h"
#include "ThreadModel.h"
#include "ThreadView.h"
#include "common/Clock.h"
#include "templates/TemplateStore.h"
#include "thread/ShortcutsDialog.h"
#include "thread/ThumbnailCache.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace parley;
using namespace parley::ui;

class TestThreadView : public QObject
{
    Q_OBJECT

private:
    static constexpr qint64 Now = 1'700'000'000;
    QTemporaryDir m_dir;
    QString m_path;
    qint64 m_conversation = 0;
    std::unique_ptr<core::ManualClock> m_clock;
    std::unique_ptr<ConsoleSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QList<QUrl> m_opened;

    // A media message the parser would store, and its media_cache row when `file` is given.
    void addMedia(test::ConsoleFixture &f, const QString &id, const QString &type,
        const QString &mediaId, qint64 ts, const QString &file, const QString &filename = {},
        const QString &caption = {})
    {
        QSqlQuery q(f.db());
        q.prepare(QStringLiteral("INSERT INTO messages(id, conversation_id, direction, type, "
                                 "timestamp, received_at, media_id, mime_type, filename, caption) "
                                 "VALUES (?, ?, 'in', ?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(id);
        q.addBindValue(m_conversation);
        q.addBindValue(type);
        q.addBindValue(ts);
        q.addBindValue(ts * 1000);
        q.addBindValue(mediaId);
        q.addBindValue(type == QLatin1String("image") ? QStringLiteral("image/png")
                                                      : QStringLiteral("application/pdf"));
        q.addBindValue(filename.isEmpty() ? QVariant() : QVariant(filename));
        q.addBindValue(caption.isEmpty() ? QVariant() : QVariant(caption));
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        if (file.isEmpty())
            return;
        // Content-addressed like the media fetcher: <store>.media/<sha[0:2]>/<sha>, relative path.
        q.prepare(QStringLiteral("INSERT INTO media_cache(media_id, sha256, mime_type, size, path, "
                                 "state, updated_at) VALUES (?, ?, ?, ?, ?, 'fetched', 0)"));
        q.addBindValue(mediaId);
        q.addBindValue(file);
        q.addBindValue(QStringLiteral("image/png"));
        q.addBindValue(QFileInfo(QDir(m_path + QStringLiteral(".media")).filePath(file)).size());
        q.addBindValue(file);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    }

    QString cacheFile(const QString &name, const QByteArray &content)
    {
        const QString dir = m_path + QStringLiteral(".media/ab");
        QDir().mkpath(dir);
        QFile f(QDir(dir).filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            return {};
        return QStringLiteral("ab/") + name;
    }

    QString cachePicture(const QString &name, QSize size)
    {
        const QString dir = m_path + QStringLiteral(".media/ab");
        QDir().mkpath(dir);
        QImage image(size, QImage::Format_RGB32);
        image.fill(QColor(0x33, 0x99, 0xcc));
        if (!image.save(QDir(dir).filePath(name), "PNG"))
            return {};
        return QStringLiteral("ab/") + name;
    }

    QStyleOptionViewItem optionFor(const QModelIndex &index) const
    {
        ThreadView *view = m_window->threadView();
        QStyleOptionViewItem option;
        option.initFrom(view->viewport());
        option.rect = view->visualRect(index);
        option.font = view->font();
        return option;
    }

    int rowOf(const QString &messageId) const
    {
        return m_window->threadModel()->rowOfMessageId(messageId);
    }

private Q_SLOTS:
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("thread-%1.db").arg(QTest::currentTestFunction()));
        m_clock = std::make_unique<core::ManualClock>(Now * 1000);
        m_opened.clear();
        {
            test::ConsoleFixture f(m_path);
            m_conversation = f.addConversation(
                QStringLiteral("Ana"), QStringLiteral("5511900000001"), Now + 3600);
            f.exec(QStringLiteral("PRAGMA synchronous = OFF")); // a test store: no 250 fsyncs
            // The original a reply quotes, far back: 250 messages later it is not in the first
            // page.
            f.addMessage(m_conversation, QStringLiteral("wamid.original"), QStringLiteral("in"),
                Now - 100000, QStringLiteral("Where is order *4471*?"));
            for (int i = 0; i < 250; ++i)
                f.addMessage(m_conversation, QStringLiteral("wamid.filler.%1").arg(i),
                    i % 2 ? QStringLiteral("out") : QStringLiteral("in"), Now - 90000 + i * 60,
                    QStringLiteral("message %1").arg(i));
            const QString picture = cachePicture(QStringLiteral("picture"), QSize(400, 300));
            QVERIFY(!picture.isEmpty());
            addMedia(f, QStringLiteral("wamid.image.here"), QStringLiteral("image"),
                QStringLiteral("media-here"), Now - 500, picture, {}, QStringLiteral("the box"));
            addMedia(f, QStringLiteral("wamid.image.missing"), QStringLiteral("image"),
                QStringLiteral("media-missing"), Now - 400, QString());
            const QString pdf
                = cacheFile(QStringLiteral("invoice"), QByteArray("%PDF-1.4\n%%EOF\n"));
            addMedia(f, QStringLiteral("wamid.document"), QStringLiteral("document"),
                QStringLiteral("media-doc"), Now - 300, pdf, QStringLiteral("invoice-4471.pdf"));
            QSqlQuery q(f.db());
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO messages(id, conversation_id, direction, type, timestamp, latitude, "
                "longitude, location_name, location_address) VALUES ('wamid.location', %1, 'in', "
                "'location', %2, -23.561414, -46.655881, 'Warehouse', 'Av. Paulista 1000')")
                               .arg(m_conversation)
                               .arg(Now - 200)));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO messages(id, conversation_id, direction, type, timestamp, text, "
                "context_id) VALUES ('wamid.reply', %1, 'in', 'text', %2, 'Any news?', "
                "'wamid.original')")
                               .arg(m_conversation)
                               .arg(Now - 100)));
        }
        {
            // A synced template and an outbound send of it, as the outbox stores it.
            test::ConsoleFixture f(m_path);
            // As Meta lists it (GET /<WABA_ID>/message_templates), the way template sync stores it.
            const core::TemplateDefinition def
                = core::TemplateDefinition::fromGraphJson(QJsonDocument::fromJson(
                    "{\"id\":\"tpl-1\",\"name\":\"order_update\",\"language\":\"en_US\","
                    "\"status\":\"APPROVED\",\"category\":\"UTILITY\",\"components\":["
                    "{\"type\":\"BODY\",\"text\":\"Hi {{1}}, your order {{2}} ships today.\"},"
                    "{\"type\":\"FOOTER\",\"text\":\"Reply STOP to opt out\"}]}")
                                                              .object());
            QCOMPARE(def.bodyText, QStringLiteral("Hi {{1}}, your order {{2}} ships today."));
            QString error;
            QVERIFY2(core::TemplateStore(f.db()).upsert(def, 0, &error), qPrintable(error));
            QSqlQuery q(f.db());
            q.prepare(QStringLiteral(
                "INSERT INTO messages(id, conversation_id, direction, type, timestamp, text, "
                "raw_json) VALUES ('wamid.template', ?, 'out', 'template', ?, "
                "'[template order_update]', ?)"));
            q.addBindValue(m_conversation);
            q.addBindValue(Now - 150);
            q.addBindValue(QStringLiteral(
                "{\"type\":\"template\",\"template\":{\"name\":\"order_update\","
                "\"language\":{\"code\":\"en_US\"},\"components\":[{\"type\":\"body\","
                "\"parameters\":[{\"type\":\"text\",\"text\":\"Ana\"},"
                "{\"type\":\"text\",\"text\":\"#4471\"}]}]}}"));
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        ConsoleSession::Options o;
        o.databasePath = m_path;
        o.clock = m_clock.get();
        m_session = std::make_unique<ConsoleSession>(o);
        QString error;
        QVERIFY2(m_session->start(&error), qPrintable(error));
        m_window = std::make_unique<MainWindow>(m_session.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_window->threadModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_window->threadView()->setUrlOpener([this](const QUrl &url) {
            m_opened.append(url);
            return true;
        });
        m_window->resize(1180, 720);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY(m_window->conversationModel()->rowCount() > 0);
        m_window->openConversation(m_conversation);
        QTRY_COMPARE(m_window->threadModel()->rowCount(), ThreadModel::PageSize);
    }

    void cleanup()
    {
        m_tester.reset();
        m_window.reset();
        m_session.reset();
    }

    void imageInTheCacheShowsAThumbnail()
    {
        ThreadModel *model = m_window->threadModel();
        const QModelIndex here = model->index(rowOf(QStringLiteral("wamid.image.here")));
        const QModelIndex missing = model->index(rowOf(QStringLiteral("wamid.image.missing")));
        QVERIFY(here.isValid() && missing.isValid());
        const MessageRow row = here.data(ThreadModel::MessageRole).value<MessageRow>();
        QVERIFY(row.mediaPath.endsWith(QStringLiteral(".media/ab/picture")));
        QCOMPARE(row.mediaWidth, 400);
        QCOMPARE(row.mediaHeight, 300);
        QVERIFY(MessageDelegate::isPicture(row));
        const MessageRow notHere = missing.data(ThreadModel::MessageRole).value<MessageRow>();
        QVERIFY(notHere.mediaPath.isEmpty());
        QVERIFY(!MessageDelegate::isPicture(notHere));

        // The picture's box is there before any decoding: the bubble is taller than the card of
        // the image that is not fetched yet, and its height does not change once decoded.
        MessageDelegate *delegate = m_window->threadView()->messageDelegate();
        const QSize hintHere = delegate->sizeHint(optionFor(here), here);
        const QSize hintMissing = delegate->sizeHint(optionFor(missing), missing);
        const QSize picture = MessageDelegate::pictureSize(row, 400);
        QCOMPARE(picture, QSize(260, 195));
        QVERIFY2(hintHere.height() > hintMissing.height() + 100,
            qPrintable(
                QStringLiteral("%1 vs %2").arg(hintHere.height()).arg(hintMissing.height())));

        // Painting asks for the thumbnail; it is decoded on the pool and repainted when ready.
        ThumbnailCache *thumbs = delegate->thumbnails();
        const QSize shown = MessageDelegate::pictureSize(row,
            qMax(120, optionFor(here).rect.width() * style::BubbleMaxWidthPercent / 100)
                - 2 * style::BubblePadding);
        QSignalSpy ready(thumbs, &ThumbnailCache::ready);
        // An earlier paint (the window is shown) may already have had it decoded: then no new
        // `ready` comes, and the spy must not be read empty.
        const bool decodedBefore = thumbs->contains(QStringLiteral("media-here"), shown);
        m_window->threadView()->scrollTo(here);
        m_window->threadView()->viewport()->grab();
        QTRY_VERIFY(thumbs->contains(QStringLiteral("media-here"), shown));
        if (!decodedBefore) {
            QTRY_VERIFY(!ready.isEmpty());
            QCOMPARE(ready.last().at(0).toString(), QStringLiteral("media-here"));
        }
        QCOMPARE(
            thumbs->thumbnail(QStringLiteral("media-here"), row.mediaPath, shown).size(), shown);
        QCOMPARE(delegate->sizeHint(optionFor(here), here), hintHere);
        // The missing one is a card saying so, with nothing to open.
        QVERIFY(!MessageDelegate::linksFor(notHere).contains(QStringLiteral("open")));
        QVERIFY(MessageDelegate::linksFor(row).contains(QStringLiteral("save")));

        // Clicking the thumbnail opens the file.
        const QRect box = delegate->actionRect(optionFor(here), here, QStringLiteral("media"));
        QVERIFY(!box.isEmpty());
        QTest::mouseClick(m_window->threadView()->viewport(), Qt::LeftButton, {}, box.center());
        QCOMPARE(m_opened.size(), 1);
        QCOMPARE(m_opened.first(), QUrl::fromLocalFile(row.mediaPath));
    }

    void undecodableImageSaysSo()
    {
        // A file that is not a picture has no pixel size: a card, not a broken thumbnail.
        ThumbnailCache cache;
        QSignalSpy ready(&cache, &ThumbnailCache::ready);
        const QString bogus = m_dir.filePath(QStringLiteral("not-a-picture"));
        QFile f(bogus);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("definitely not a PNG");
        f.close();
        QVERIFY(cache.thumbnail(QStringLiteral("x"), bogus, QSize(50, 50)).isNull());
        QCOMPARE(cache.pending(), 1);
        QVERIFY(ready.wait(5000));
        QVERIFY(cache.failed(QStringLiteral("x"), QSize(50, 50)));
        QCOMPARE(cache.decoded(), 0);
    }

    void documentIsACardWithOpenAndSave()
    {
        ThreadModel *model = m_window->threadModel();
        const QModelIndex doc = model->index(rowOf(QStringLiteral("wamid.document")));
        const MessageRow row = doc.data(ThreadModel::MessageRole).value<MessageRow>();
        QCOMPARE(row.filename, QStringLiteral("invoice-4471.pdf"));
        QCOMPARE(row.mediaSize, qint64(15));
        QVERIFY(!MessageDelegate::isPicture(row));
        QCOMPARE(MessageDelegate::linksFor(row),
            (QStringList{QStringLiteral("open"), QStringLiteral("save")}));
        m_window->threadView()->scrollTo(doc);
        const QRect open = m_window->threadView()->messageDelegate()->actionRect(
            optionFor(doc), doc, QStringLiteral("open"));
        QVERIFY(!open.isEmpty());
        QTest::mouseClick(m_window->threadView()->viewport(), Qt::LeftButton, {}, open.center());
        QCOMPARE(m_opened, QList<QUrl>{QUrl::fromLocalFile(row.mediaPath)});
    }

    void locationOpensInMap()
    {
        ThreadModel *model = m_window->threadModel();
        const QModelIndex loc = model->index(rowOf(QStringLiteral("wamid.location")));
        m_window->threadView()->scrollTo(loc);
        const QRect map = m_window->threadView()->messageDelegate()->actionRect(
            optionFor(loc), loc, QStringLiteral("map"));
        QVERIFY(!map.isEmpty());
        QTest::mouseClick(m_window->threadView()->viewport(), Qt::LeftButton, {}, map.center());
        QCOMPARE(m_opened.size(), 1);
        QVERIFY2(m_opened.first().toString().contains(QStringLiteral("mlat=-23.561414")),
            qPrintable(m_opened.first().toString()));
    }

    void quotedReplyJumpsToTheOriginal()
    {
        ThreadModel *model = m_window->threadModel();
        ThreadView *view = m_window->threadView();
        QCOMPARE(rowOf(QStringLiteral("wamid.original")), -1); // not in the newest page
        const QModelIndex reply = model->index(rowOf(QStringLiteral("wamid.reply")));
        const MessageRow row = reply.data(ThreadModel::MessageRole).value<MessageRow>();
        QCOMPARE(row.quotedText, QStringLiteral("Where is order *4471*?"));
        QVERIFY(row.quotedRowid > 0);
        view->scrollTo(reply);
        const QRect quote
            = view->messageDelegate()->actionRect(optionFor(reply), reply, QStringLiteral("quote"));
        QVERIFY(!quote.isEmpty());
        QSignalSpy ready(model, &ThreadModel::messageReady);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, quote.center());
        QVERIFY(ready.wait(5000));
        const int original = rowOf(QStringLiteral("wamid.original"));
        QVERIFY(original >= 0);
        QCOMPARE(view->currentIndex().row(), original);
        QCOMPARE(view->messageDelegate()->flashRowid(), row.quotedRowid);
        QVERIFY(view->visualRect(view->currentIndex()).intersects(view->viewport()->rect()));
        // The reply is still below, in the same window.
        QVERIFY(rowOf(QStringLiteral("wamid.reply")) > original);
    }

    void sentTemplateIsRenderedWithItsParameters()
    {
        const QModelIndex tpl
            = m_window->threadModel()->index(rowOf(QStringLiteral("wamid.template")));
        QCOMPARE(tpl.data(ThreadModel::BodyRole).toString(),
            QStringLiteral("Hi Ana, your order #4471 ships today.\n\nReply STOP to opt out"));
    }

    void shortcutsCheatSheetListsEveryShortcut()
    {
        const QList<ShortcutsDialog::Entry> entries = ShortcutsDialog::collect(m_window.get());
        QStringList all;
        for (const auto &e : entries)
            all << e.keys + QStringLiteral(" = ") + e.what;
        const QString text = all.join(QLatin1Char('\n'));
        // Every action of the window with a shortcut is on the sheet.
        for (QAction *a : m_window->findChildren<QAction *>()) {
            for (const QKeySequence &k : a->shortcuts())
                QVERIFY2(text.contains(k.toString(QKeySequence::NativeText)),
                    qPrintable(k.toString() + QStringLiteral(" missing from\n") + text));
        }
        QVERIFY(text.contains(QStringLiteral("Ctrl+K")));
        QVERIFY(text.contains(QStringLiteral("F1")));
        QVERIFY(text.contains(QStringLiteral("Shift+Return")));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_F1);
        QTRY_VERIFY(m_window->shortcutsDialog() && m_window->shortcutsDialog()->isVisible());
        QCOMPARE(m_window->shortcutsDialog()->table()->rowCount(), entries.size());
        m_window->shortcutsDialog()->close();
        QTRY_VERIFY(!m_window->shortcutsDialog());
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_Slash, Qt::ControlModifier);
        QTRY_VERIFY(m_window->shortcutsDialog() && m_window->shortcutsDialog()->isVisible());
    }
};

QTEST_MAIN(TestThreadView)
#include "tst_thread_view.moc"
