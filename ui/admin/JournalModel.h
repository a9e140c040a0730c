#pragma once

#include "admin/AdminTypes.h"

#include <QAbstractTableModel>

namespace parley::ui {

class AdminStore;

// The webhook journal, newest first (at most `limit` rows of the filter): arrival time, size,
// signature result, parse result, number of events and the parse error. Bodies are not held;
// the inspector asks for one when a row is selected.
class JournalModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Id, Received, Size, Signature, Parse, Events, Error, ColumnCount };
    enum Roles { IdRole = Qt::UserRole + 1, ParseStateRole };

    explicit JournalModel(AdminStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setFilter(JournalFilter filter);
    JournalFilter filter() const { return m_filter; }
    void setLimit(int limit) { m_limit = limit; }
    void refresh();
    const JournalRow *rowAt(int row) const;
    int rowOf(qint64 journalId) const;
    JournalSummary summary() const { return m_summary; }

Q_SIGNALS:
    void refreshed();

private:
    void onReady(quint64 request, const QList<JournalRow> &rows, const JournalSummary &summary);

    AdminStore *m_store;
    JournalFilter m_filter = JournalFilter::All;
    int m_limit = 1000;
    QList<JournalRow> m_rows;
    JournalSummary m_summary;
    quint64 m_pending = 0;
};

} // namespace parley::ui
