#pragma once

#include "admin/AdminTypes.h"

#include <QDialog>
#include <QMap>
#include <QTimer>

class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QPushButton;
class QTableWidget;

namespace parley::ui {

class AdminStore;
class ConsoleSession;

// Operations: is the access token valid (a GET /{phone-number-id} against the Graph API), each
// business number's quality rating, messaging limit, throughput level and traffic, webhook lag
// and parse failures, and charts of the last hour per minute (sends and errors, send latency,
// webhooks and parse failures, webhook lag). Aggregated from the store on the admin thread.
class HealthDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Series { Sends, SendErrors, Latency, Webhooks, ParseFailures, Lag };

    HealthDialog(ConsoleSession *session, AdminStore *store, QWidget *parent = nullptr);

    void refresh();
    void checkToken();

    QLabel *tokenLabel() const { return m_token; }
    QPushButton *checkButton() const { return m_check; }
    QTableWidget *numbersTable() const { return m_numbers; }
    QLabel *summaryLabel() const { return m_summary; }
    QLineSeries *series(Series which) const { return m_series.value(which); }
    QList<QChartView *> charts() const { return m_charts; }
    const HealthSnapshot &snapshot() const { return m_snapshot; }
    const TokenCheck &lastTokenCheck() const { return m_tokenCheck; }

Q_SIGNALS:
    void refreshed();
    void tokenCheckFinished(bool valid);

private:
    void onHealth(quint64 request, const HealthSnapshot &snapshot);
    void onToken(quint64 request, const TokenCheck &check);
    void fillNumbers();
    QChartView *addChart(
        const QString &title, const QString &unit, const QList<QPair<Series, QString>> &series);

    ConsoleSession *m_session;
    AdminStore *m_store;
    QLabel *m_token;
    QPushButton *m_check;
    QTableWidget *m_numbers;
    QLabel *m_summary;
    QList<QChartView *> m_charts;
    QMap<Series, QLineSeries *> m_series;
    HealthSnapshot m_snapshot;
    TokenCheck m_tokenCheck;
    bool m_tokenChecked = false;
    quint64 m_healthRequest = 0;
    quint64 m_tokenRequest = 0;
    QTimer m_refresh; // coalesces store changes
    QTimer m_minute; // moves the window as the minutes pass
};

} // namespace parley::ui
