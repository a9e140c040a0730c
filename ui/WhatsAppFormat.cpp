#include "WhatsAppFormat.h"

#include <QRegularExpression>

namespace parley::ui {

namespace {

struct Rule
{
    QRegularExpression pattern;
    QString open;
    QString close;
};

// A marker opens after the start, whitespace or punctuation and closes before the end,
// whitespace or punctuation; the content neither starts nor ends with a blank.
QRegularExpression inlineRule(QChar marker)
{
    const QString m = QRegularExpression::escape(QString(marker));
    return QRegularExpression(QStringLiteral("(^|[\\s\\p{P}\\p{S}])") + m
            + QStringLiteral("(\\S|\\S[^") + m + QStringLiteral("\\n]*?\\S)") + m
            + QStringLiteral("(?=$|[\\s\\p{P}\\p{S}])"),
        QRegularExpression::MultilineOption);
}

const QList<Rule> &rules()
{
    static const QList<Rule> all = {
        {inlineRule(QLatin1Char('*')), QStringLiteral("<b>"), QStringLiteral("</b>")},
        {inlineRule(QLatin1Char('_')), QStringLiteral("<i>"), QStringLiteral("</i>")},
        {inlineRule(QLatin1Char('~')), QStringLiteral("<s>"), QStringLiteral("</s>")},
    };
    return all;
}

QString applyInline(QString s, bool html)
{
    for (const Rule &rule : rules()) {
        QString out;
        qsizetype last = 0;
        auto it = rule.pattern.globalMatch(s);
        while (it.hasNext()) {
            const auto m = it.next();
            out += QStringView(s).mid(last, m.capturedStart() - last);
            out += m.captured(1);
            if (html)
                out += rule.open + m.captured(2) + rule.close;
            else
                out += m.captured(2);
            last = m.capturedEnd();
        }
        out += QStringView(s).mid(last);
        s = out;
    }
    return s;
}

// Splits on ``` blocks and `code` spans (no formatting inside), formats the rest.
QString render(const QString &text, bool html)
{
    static const QRegularExpression code(QStringLiteral("```([\\s\\S]+?)```|`([^`\\n]+)`"));
    QString out;
    qsizetype last = 0;
    auto esc = [html](QStringView v) { return html ? v.toString().toHtmlEscaped() : v.toString(); };
    auto it = code.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += applyInline(esc(QStringView(text).mid(last, m.capturedStart() - last)), html);
        const QString inner = m.captured(1).isNull() ? m.captured(2) : m.captured(1);
        if (html)
            out += QStringLiteral("<code>") + inner.toHtmlEscaped() + QStringLiteral("</code>");
        else
            out += inner;
        last = m.capturedEnd();
    }
    out += applyInline(esc(QStringView(text).mid(last)), html);
    if (html)
        out.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return out;
}

} // namespace

QString WhatsAppFormat::toHtml(const QString &text)
{
    return render(text, true);
}

QString WhatsAppFormat::toPlain(const QString &text)
{
    return render(text, false);
}

} // namespace parley::ui
