#pragma once

#include "admin/AdminTypes.h"

#include <QAbstractTableModel>

namespace parley::ui {

class AdminStore;

// The templates table of the store (name, language, category, status, quality), read on the
// admin thread. refresh() asks for it again; the manager calls it when the store reports a
// template change (a status webhook, a sync, a create or delete), never on a timer.
class TemplateListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Language, Category, Status, Quality, ColumnCount };
    enum Roles { IdRole = Qt::UserRole + 1, StatusRole, NameRole };

    explicit TemplateListModel(AdminStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void refresh();
    const TemplateRow *rowAt(int row) const;
    // The row of a name in a language; -1 when it is not listed.
    int rowOf(const QString &name, const QString &language) const;

Q_SIGNALS:
    void refreshed();

private:
    void onReady(quint64 request, const QList<TemplateRow> &rows);

    AdminStore *m_store;
    QList<TemplateRow> m_rows;
    quint64 m_pending = 0;
};

} // namespace parley::ui
