// Keeps the shipped translations complete: every message of parley_pt_BR.ts and parley_es.ts has a
// finished, non-empty translation (every plural form filled in), and every %1..%9 placeholder of a
// source appears in its translation (and no other), so QString::arg() fills the same slots.
// The checker itself is exercised on small broken files so that it cannot pass vacuously.
#include <QBuffer>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    QString type; // the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    QString translation;
    QStringList forms;
};

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%([1-9])(?![0-9])"));
    QSet<QString> out;
    for (const QRegularExpressionMatch &m : re.globalMatch(text))
        out.insert(m.captured(0));
    return out;
}

QString sorted(const QSet<QString> &set)
{
    QStringList list(set.begin(), set.end());
    list.sort();
    return list.join(QLatin1Char(' '));
}

// The first problem of one message, or an empty string.
QString messageProblem(const Message &m)
{
    const QString where = QStringLiteral("context %1, source \"%2\"").arg(m.context, m.source);
    if (m.type == QLatin1String("unfinished"))
        return QStringLiteral("unfinished translation in %1").arg(where);
    const QStringList texts = m.numerus ? m.forms : QStringList{m.translation};
    if (texts.isEmpty())
        return QStringLiteral("no plural forms in %1").arg(where);
    const QSet<QString> wanted = placeholders(m.source);
    for (const QString &text : texts) {
        if (text.trimmed().isEmpty())
            return QStringLiteral("empty translation in %1").arg(where);
        const QSet<QString> found = placeholders(text);
        if (found != wanted)
            return QStringLiteral("placeholders differ in %1: source has [%2], translation \"%3\" "
                                  "has [%4]")
                .arg(where, sorted(wanted), text, sorted(found));
    }
    return {};
}

// The first problem of a whole .ts file, or an empty string.
QString firstProblem(QIODevice *device, const QString &name)
{
    QXmlStreamReader xml(device);
    QString context;
    Message message;
    int messages = 0;
    bool inTs = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto tag = xml.name();
            if (tag == QLatin1String("TS")) {
                inTs = true;
            } else if (tag == QLatin1String("context")) {
                context.clear();
            } else if (tag == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (tag == QLatin1String("message")) {
                message = Message{};
                message.context = context;
                message.numerus
                    = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (tag == QLatin1String("source")) {
                message.source = xml.readElementText();
            } else if (tag == QLatin1String("translation")) {
                message.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!message.numerus)
                    message.translation
                        = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            } else if (tag == QLatin1String("numerusform")) {
                message.forms << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            // Entries lupdate kept for removed sources are not shipped.
            if (message.type == QLatin1String("vanished")
                || message.type == QLatin1String("obsolete"))
                continue;
            ++messages;
            const QString problem = messageProblem(message);
            if (!problem.isEmpty())
                return QStringLiteral("%1: %2").arg(name, problem);
        }
    }
    if (xml.hasError())
        return QStringLiteral("%1: not a readable .ts file (line %2: %3)")
            .arg(name)
            .arg(xml.lineNumber())
            .arg(xml.errorString());
    if (!inTs || messages == 0)
        return QStringLiteral("%1: no messages").arg(name);
    return {};
}

QString firstProblemIn(const QByteArray &ts)
{
    QBuffer buffer;
    buffer.setData(ts);
    buffer.open(QIODevice::ReadOnly);
    return firstProblem(&buffer, QStringLiteral("test.ts"));
}

QByteArray tsFile(const QByteArray &messages)
{
    return QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE TS>\n"
                             "<TS version=\"2.1\" language=\"es\">\n<context>\n"
                             "    <name>parley::ui::Sample</name>\n")
        + messages + QByteArrayLiteral("</context>\n</TS>\n");
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shippedTranslationsAreComplete_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("pt_BR") << QStringLiteral("parley_pt_BR.ts");
        QTest::newRow("es") << QStringLiteral("parley_es.ts");
    }

    void shippedTranslationsAreComplete()
    {
        QFETCH(QString, file);
        QFile ts(QStringLiteral(PARLEY_SOURCE_DIR "/translations/") + file);
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.errorString()));
        const QString problem = firstProblem(&ts, file);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void checkerFindsProblems_data()
    {
        QTest::addColumn<QByteArray>("messages");
        QTest::addColumn<QString>("expected"); // empty: no problem

        const QByteArray good = "    <message>\n        <source>Failed: %1</source>\n"
                                "        <translation>Falló: %1</translation>\n    </message>\n";
        QTest::newRow("complete") << good << QString();
        QTest::newRow("unfinished")
            << good
                + "    <message>\n        <source>Unlock</source>\n"
                  "        <translation type=\"unfinished\">Desbloquear</translation>\n"
                  "    </message>\n"
            << QStringLiteral("test.ts: unfinished translation in context parley::ui::Sample, "
                              "source \"Unlock\"");
        QTest::newRow("empty")
            << QByteArray("    <message>\n        <source>Open</source>\n"
                          "        <translation></translation>\n    </message>\n")
            << QStringLiteral("test.ts: empty translation in context parley::ui::Sample, source "
                              "\"Open\"");
        QTest::newRow("placeholder missing")
            << QByteArray("    <message>\n        <source>Saved %1 of %2</source>\n"
                          "        <translation>Se guardó %1</translation>\n    </message>\n")
            << QStringLiteral("test.ts: placeholders differ in context parley::ui::Sample, source "
                              "\"Saved %1 of %2\": source has [%1 %2], translation \"Se guardó "
                              "%1\" has [%1]");
        QTest::newRow("placeholder renumbered")
            << QByteArray("    <message>\n        <source>Saved %1</source>\n"
                          "        <translation>Se guardó %2</translation>\n    </message>\n")
            << QStringLiteral("test.ts: placeholders differ in context parley::ui::Sample, source "
                              "\"Saved %1\": source has [%1], translation \"Se guardó %2\" has "
                              "[%2]");
        QTest::newRow("plural form empty")
            << QByteArray("    <message numerus=\"yes\">\n"
                          "        <source>%1 has %n row(s)</source>\n        <translation>\n"
                          "            <numerusform>%1 tiene %n fila</numerusform>\n"
                          "            <numerusform></numerusform>\n"
                          "        </translation>\n    </message>\n")
            << QStringLiteral("test.ts: empty translation in context parley::ui::Sample, source "
                              "\"%1 has %n row(s)\"");
        QTest::newRow("plural placeholder missing")
            << QByteArray("    <message numerus=\"yes\">\n"
                          "        <source>%1 has %n row(s)</source>\n        <translation>\n"
                          "            <numerusform>%1 tiene %n fila</numerusform>\n"
                          "            <numerusform>tiene %n filas</numerusform>\n"
                          "        </translation>\n    </message>\n")
            << QStringLiteral("test.ts: placeholders differ in context parley::ui::Sample, source "
                              "\"%1 has %n row(s)\": source has [%1], translation \"tiene %n "
                              "filas\" has []");
        QTest::newRow("vanished entries are ignored") << good
                + "    <message>\n        <source>Gone</source>\n"
                  "        <translation type=\"vanished\"></translation>\n    </message>\n"
                                                      << QString();
    }

    void checkerFindsProblems()
    {
        QFETCH(QByteArray, messages);
        QFETCH(QString, expected);
        QCOMPARE(firstProblemIn(tsFile(messages)), expected);
    }

    void checkerRejectsBrokenFiles()
    {
        QCOMPARE(firstProblemIn(tsFile(QByteArray())), QStringLiteral("test.ts: no messages"));
        const QString broken = firstProblemIn(QByteArrayLiteral("<TS><context><name>x</name>"));
        QVERIFY2(broken.startsWith(QLatin1String("test.ts: not a readable .ts file")),
            qPrintable(broken));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
