#include "admin/HealthDialog.h"

#include "ConsoleSession.h"
#include "ConsoleStore.h"
#include "admin/AdminStore.h"
#include "common/Clock.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <QValueAxis>
#include <algorithm>

namespace parley::ui {

namespace {
constexpr int Minutes = 60;

QString ms(double value)
{
    if (value >= 10'000)
        return HealthDialog::tr("%1 s").arg(value / 1000.0, 0, 'f', 1);
    return HealthDialog::tr("%1 ms").arg(qRound64(value));
}
} // namespace

HealthDialog::HealthDialog(ConsoleSession *session, AdminStore *store, QWidget *parent)
    : QDialog(parent), m_session(session), m_store(store)
{
    setWindowTitle(tr("Health"));
    resize(1100, 760);
    auto *layout = new QVBoxLayout(this);

    auto *tokenRow = new QHBoxLayout;
    m_token = new QLabel(tr("Access token: not checked yet"), this);
    m_token->setAccessibleName(tr("Access token validity"));
    m_token->setTextFormat(Qt::RichText);
    m_check = new QPushButton(tr("Check now"), this);
    m_check->setAccessibleName(tr("Check the access token"));
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_check);
    layout->addLayout(tokenRow);

    m_numbers = new QTableWidget(0, 9, this);
    m_numbers->setAccessibleName(tr("Business numbers"));
    m_numbers->setHorizontalHeaderLabels(
        {tr("Number id"), tr("Display number"), tr("Name"), tr("Quality"), tr("Messaging limit"),
            tr("Throughput"), tr("In (1 h)"), tr("Out (1 h)"), tr("Peak / min")});
    m_numbers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_numbers->verticalHeader()->hide();
    m_numbers->horizontalHeader()->setStretchLastSection(true);
    m_numbers->setMaximumHeight(110);
    layout->addWidget(m_numbers);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Health summary"));
    layout->addWidget(m_summary);

    auto *grid = new QGridLayout;
    grid->addWidget(addChart(tr("Sends per minute"), tr("messages"),
                        {{Series::Sends, tr("accepted")}, {Series::SendErrors, tr("errors")}}),
        0, 0);
    grid->addWidget(
        addChart(tr("Send latency"), tr("ms"), {{Series::Latency, tr("mean per minute")}}), 0, 1);
    grid->addWidget(
        addChart(tr("Webhooks per minute"), tr("bodies"),
            {{Series::Webhooks, tr("received")}, {Series::ParseFailures, tr("parse failures")}}),
        1, 0);
    grid->addWidget(
        addChart(tr("Webhook lag"), tr("ms"), {{Series::Lag, tr("mean per minute")}}), 1, 1);
    layout->addLayout(grid, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *refreshButton = buttons->addButton(tr("Refresh"), QDialogButtonBox::ActionRole);
    refreshButton->setAccessibleName(tr("Refresh the health figures"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(refreshButton, &QPushButton::clicked, this, &HealthDialog::refresh);
    connect(m_check, &QPushButton::clicked, this, &HealthDialog::checkToken);
    connect(m_store, &AdminStore::healthReady, this, &HealthDialog::onHealth);
    connect(m_store, &AdminStore::tokenChecked, this, &HealthDialog::onToken);

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(1000);
    connect(&m_refresh, &QTimer::timeout, this, &HealthDialog::refresh);
    connect(m_session->store(), &ConsoleStore::changed, this, [this](const StoreChange &) {
        if (!m_refresh.isActive())
            m_refresh.start();
    });
    m_minute.setInterval(60'000);
    connect(&m_minute, &QTimer::timeout, this, &HealthDialog::refresh);
    m_minute.start();

    refresh();
    checkToken();
}

QChartView *HealthDialog::addChart(
    const QString &title, const QString &unit, const QList<QPair<Series, QString>> &series)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *x = new QDateTimeAxis(chart);
    x->setFormat(QStringLiteral("HH:mm"));
    x->setTickCount(7);
    auto *y = new QValueAxis(chart);
    y->setTitleText(unit);
    y->setLabelFormat(QStringLiteral("%g"));
    y->setMin(0);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (const auto &[which, name] : series) {
        auto *line = new QLineSeries(chart);
        line->setName(name);
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        m_series.insert(which, line);
    }
    auto *view = new QChartView(chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setAccessibleName(title);
    view->setMinimumHeight(200);
    m_charts.append(view);
    return view;
}

void HealthDialog::refresh()
{
    m_healthRequest = m_store->requestHealth(Minutes);
}

void HealthDialog::checkToken()
{
    m_check->setEnabled(false);
    m_token->setText(tr("Access token: checking…"));
    m_tokenRequest = m_store->checkToken();
}

void HealthDialog::onToken(quint64 request, const TokenCheck &check)
{
    if (request != m_tokenRequest)
        return;
    m_tokenRequest = 0;
    m_tokenCheck = check;
    m_tokenChecked = true;
    m_check->setEnabled(true);
    const QString when = QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(m_session->clock()->nowMs()).toLocalTime().time(),
        QLocale::ShortFormat);
    if (check.valid)
        m_token->setText(tr("<b>Access token: <span style=\"color:#2e7d32\">valid</span></b> "
                            "(Graph API answered at %1)")
                             .arg(when));
    else
        m_token->setText(
            tr("<b>Access token: <span style=\"color:#c62828\">not valid</span></b> — %1 "
               "(checked at %2)")
                .arg(check.message.toHtmlEscaped(), when));
    fillNumbers();
    Q_EMIT tokenCheckFinished(check.valid);
}

void HealthDialog::onHealth(quint64 request, const HealthSnapshot &s)
{
    if (request != m_healthRequest)
        return;
    m_healthRequest = 0;
    m_snapshot = s;
    auto points = [&s](const auto &values) {
        QList<QPointF> out;
        out.reserve(values.size());
        for (int i = 0; i < values.size(); ++i)
            out.append(QPointF(double(s.fromMs + qint64(i) * 60'000), double(values.at(i))));
        return out;
    };
    const QMap<Series, QList<QPointF>> data{{Series::Sends, points(s.sends)},
        {Series::SendErrors, points(s.sendErrors)}, {Series::Latency, points(s.latencyMs)},
        {Series::Webhooks, points(s.webhooks)}, {Series::ParseFailures, points(s.parseFailures)},
        {Series::Lag, points(s.lagMs)}};
    for (QChartView *view : std::as_const(m_charts)) {
        QChart *chart = view->chart();
        double top = 1;
        for (QAbstractSeries *a : chart->series()) {
            auto *line = static_cast<QLineSeries *>(a);
            const Series which = m_series.key(line);
            line->replace(data.value(which));
            for (const QPointF &p : data.value(which))
                top = std::max(top, p.y());
        }
        const QList<QAbstractAxis *> xs = chart->axes(Qt::Horizontal);
        const QList<QAbstractAxis *> ys = chart->axes(Qt::Vertical);
        if (!xs.isEmpty())
            xs.first()->setRange(QDateTime::fromMSecsSinceEpoch(s.fromMs),
                QDateTime::fromMSecsSinceEpoch(s.fromMs + qint64(s.minutes - 1) * 60'000));
        if (auto *y = ys.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(ys.first())) {
            y->setRange(0, std::max(1.0, top * 1.1));
            y->applyNiceNumbers();
        }
    }
    m_summary->setText(
        tr("Last hour — sends: %1 accepted, %2 errors; latency mean %3, max %4. Webhooks: %5 "
           "received, %6 failed to parse (%7 failed rows in the journal, %8 pending); lag mean "
           "%9, max %10.")
            .arg(s.totalSends)
            .arg(s.totalSendErrors)
            .arg(ms(s.meanLatencyMs), ms(s.maxLatencyMs))
            .arg(s.totalWebhooks)
            .arg(s.totalParseFailures)
            .arg(s.failedRowsAllTime)
            .arg(s.pendingRows)
            .arg(ms(s.meanLagMs), ms(s.maxLagMs)));
    fillNumbers();
    Q_EMIT refreshed();
}

// The store's view of each number (traffic, last quality webhook), completed by what the Graph
// API answered to the token check (quality, limit tier, throughput level).
void HealthDialog::fillNumbers()
{
    QList<NumberHealth> rows = m_snapshot.numbers;
    for (const NumberHealth &live : std::as_const(m_tokenCheck.numbers)) {
        auto it = std::find_if(rows.begin(), rows.end(),
            [&live](const NumberHealth &n) { return n.phoneNumberId == live.phoneNumberId; });
        if (it == rows.end()) {
            rows.append(live);
            continue;
        }
        it->displayNumber = live.displayNumber;
        it->verifiedName = live.verifiedName;
        it->qualityRating = live.qualityRating;
        it->messagingLimitTier = live.messagingLimitTier;
        it->throughputLevel = live.throughputLevel;
    }
    m_numbers->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const NumberHealth &n = rows.at(i);
        const QString throughput = n.throughputLevel == QLatin1String("HIGH")
            ? tr("HIGH (1,000 mps)")
            : n.throughputLevel == QLatin1String("STANDARD") ? tr("STANDARD (80 mps)")
                                                             : n.throughputLevel;
        const QStringList cells{n.phoneNumberId, n.displayNumber, n.verifiedName,
            n.qualityRating.isEmpty() ? tr("—") : n.qualityRating, n.messagingLimitTier, throughput,
            QString::number(n.inboundLastHour), QString::number(n.outboundLastHour),
            QString::number(n.peakPerMinute)};
        for (int c = 0; c < cells.size(); ++c)
            m_numbers->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    m_numbers->resizeColumnsToContents();
}

} // namespace parley::ui
