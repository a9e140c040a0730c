#pragma once

#include "ConsoleTypes.h"

#include <QDialog>

class QLineEdit;
class QListWidget;
class QTimer;

namespace parley::ui {

class ConsoleStore;

// Ctrl+K: full-text search over the whole local history (FTS5). Picking a result opens its
// conversation at that message.
class SearchDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SearchDialog(ConsoleStore *store, QWidget *parent = nullptr);

    QLineEdit *input() const { return m_input; }
    QListWidget *results() const { return m_results; }
    void searchNow();

Q_SIGNALS:
    void hitChosen(const parley::ui::SearchHit &hit);
    void resultsShown(int count);

private:
    void onResults(quint64 request, const QList<SearchHit> &hits);
    void choose();

    ConsoleStore *m_store;
    QLineEdit *m_input;
    QListWidget *m_results;
    QTimer *m_debounce;
    QList<SearchHit> m_hits;
    quint64 m_pending = 0;
};

} // namespace parley::ui
