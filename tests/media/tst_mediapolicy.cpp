// MIME and size checks of FACTS.md §4, by type and by detected file content.
#include "media/MediaPolicy.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace parley::core;

class TestMediaPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void limits_data()
    {
        QTest::addColumn<QString>("mime");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expectedKind");
        QTest::addColumn<bool>("ok");
        const qint64 MB = 1024 * 1024;
        QTest::newRow("jpeg 5 MB") << "image/jpeg" << 5 * MB << ""
                                   << "image" << true;
        QTest::newRow("jpeg over 5 MB") << "image/jpeg" << 5 * MB + 1 << ""
                                        << "image" << false;
        QTest::newRow("png") << "image/png" << 1000LL << "image"
                             << "image" << true;
        QTest::newRow("gif refused") << "image/gif" << 1000LL << "image"
                                     << "image" << false;
        QTest::newRow("mp4 16 MB") << "video/mp4" << 16 * MB << ""
                                   << "video" << true;
        QTest::newRow("mp4 over 16 MB") << "video/mp4" << 16 * MB + 1 << ""
                                        << "video" << false;
        QTest::newRow("3gpp") << "video/3gpp" << 10LL << ""
                              << "video" << true;
        QTest::newRow("ogg audio") << "audio/ogg" << 16 * MB << ""
                                   << "audio" << true;
        QTest::newRow("audio over 16 MB") << "audio/mpeg" << 16 * MB + 1 << ""
                                          << "audio" << false;
        QTest::newRow("pdf 100 MB") << "application/pdf" << 100 * MB << ""
                                    << "document" << true;
        QTest::newRow("pdf over 100 MB") << "application/pdf" << 100 * MB + 1 << ""
                                         << "document" << false;
        QTest::newRow("docx")
            << "application/vnd.openxmlformats-officedocument.wordprocessingml.document" << 10LL
            << ""
            << "document" << true;
        QTest::newRow("webp sticker 500 KB") << "image/webp" << 500 * 1024LL << ""
                                             << "sticker" << true;
        QTest::newRow("webp sticker over 500 KB") << "image/webp" << 500 * 1024LL + 1 << ""
                                                  << "sticker" << false;
        QTest::newRow("webp is not an image") << "image/webp" << 10LL << "image"
                                              << "image" << false;
        QTest::newRow("pdf as image") << "application/pdf" << 10LL << "image"
                                      << "image" << false;
        QTest::newRow("empty") << "image/png" << 0LL << ""
                               << "image" << false;
        QTest::newRow("zip") << "application/zip" << 10LL << ""
                             << "" << false;
    }
    void limits()
    {
        QFETCH(QString, mime);
        QFETCH(qint64, size);
        QFETCH(QString, kind);
        QFETCH(QString, expectedKind);
        QFETCH(bool, ok);
        const MediaCheck c = MediaPolicy::check(mime, size, kind);
        QCOMPARE(c.kind, expectedKind);
        QVERIFY2(c.ok() == ok, qPrintable(c.error));
    }

    void detectsByContent()
    {
        QTemporaryDir dir;
        // A PNG named .jpg is a PNG.
        const QString png = dir.filePath(QStringLiteral("photo.jpg"));
        QFile f(png);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP"
                                       "4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"));
        f.close();
        MediaCheck c = MediaPolicy::checkFile(png);
        QCOMPARE(c.mimeType, QStringLiteral("image/png"));
        QCOMPARE(c.kind, QStringLiteral("image"));
        QVERIFY(c.ok());
        // Text named .png is text: refused as an image, accepted as a document.
        const QString txt = dir.filePath(QStringLiteral("fake.png"));
        QFile t(txt);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write("just some notes\n");
        t.close();
        c = MediaPolicy::checkFile(txt, QStringLiteral("image"));
        QVERIFY(!c.ok());
        QVERIFY2(c.error.startsWith(QLatin1String("text/plain is not accepted for image")),
            qPrintable(c.error));
        QVERIFY(MediaPolicy::checkFile(txt, QStringLiteral("document")).ok());
        // A missing file.
        QVERIFY(!MediaPolicy::checkFile(dir.filePath(QStringLiteral("nope"))).ok());
    }
};

QTEST_GUILESS_MAIN(TestMediaPolicy)
#include "tst_mediapolicy.moc"
