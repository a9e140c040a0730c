// The templates manager over a demo console: the list (a model over the store's templates
// table under QAbstractItemModelTester), the editor's live validation and preview, create
// against the simulator (PENDING, then APPROVED when its webhook arrives), delete and sync.
#include "AdminFixture.h"
#include "ConsoleStore.h"
#include "admin/AdminStore.h"
#include "admin/TemplateEditor.h"
#include "admin/TemplateListModel.h"
#include "admin/TemplatesManager.h"
#include "sim/Simulator.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

using namespace parley;
using namespace parley::ui;

class TestAdminTemplates : public QObject
{
    Q_OBJECT

private:
    test::AdminFixture m_app;

    QString statusOf(TemplateListModel *model, const QString &name) const
    {
        const int row = model->rowOf(name, QStringLiteral("en_US"));
        return row < 0 ? QString() : model->rowAt(row)->status;
    }
    int simTemplates() const
    {
        return m_app.sim()->stats().value(QLatin1String("templates")).toInt();
    }

private Q_SLOTS:
    void init() { QVERIFY(m_app.start()); }
    void cleanup() { m_app.stop(); }

    void listsTheStoreUnderTheModelTester()
    {
        AdminStore store(AdminStore::configFor(m_app.session()));
        QVERIFY(store.open());
        TemplateListModel model(&store);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&model, &TemplateListModel::refreshed);
        model.refresh();
        QVERIFY(refreshed.wait());
        // The demo synced the simulator's seeded templates: every one is listed.
        QCOMPARE(model.rowCount(), simTemplates());
        QVERIFY(model.rowCount() > 0);
        QCOMPARE(model.columnCount(), int(TemplateListModel::ColumnCount));
        const int row = model.rowOf(QStringLiteral("order_update"), QStringLiteral("en_US"));
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, TemplateListModel::Status).data().toString(),
            QStringLiteral("APPROVED"));
        QCOMPARE(model.index(row, TemplateListModel::Language).data().toString(),
            QStringLiteral("en_US"));
        QVERIFY(!model.index(row, TemplateListModel::Category).data().toString().isEmpty());
        // A second refresh with the same rows keeps them (values only).
        model.refresh();
        QVERIFY(refreshed.wait());
        QCOMPARE(model.rowCount(), simTemplates());
    }

    void invalidNameIsShownAndNothingIsSent()
    {
        TemplatesManager *manager = m_app.window()->openTemplatesManager();
        TemplateEditor *editor = manager->openEditor();
        QVERIFY(editor);
        const int before = simTemplates();
        QTest::keyClicks(editor->nameEdit(), QStringLiteral("Order Update!"));
        QTest::keyClicks(editor->bodyEdit(), QStringLiteral("Your order has shipped."));
        // The rule's message sits next to the name field, as the admin types.
        QVERIFY2(
            editor->errorText(TemplateEditor::Field::Name).contains(QLatin1String("lowercase")),
            qPrintable(editor->errorText(TemplateEditor::Field::Name)));
        QVERIFY(editor->errorText(TemplateEditor::Field::Body).isEmpty());
        QVERIFY(!editor->submitButton()->isEnabled());
        QSignalSpy submitted(editor, &TemplateEditor::submitRequested);
        editor->submitButton()->click();
        QCOMPARE(submitted.count(), 0);
        // A trailing variable and a missing example are shown next to the body.
        editor->bodyEdit()->setPlainText(QStringLiteral("Hi {{1}}"));
        QVERIFY(editor->errorText(TemplateEditor::Field::Body).contains(QLatin1String("end")));
        QVERIFY(editor->errorText(TemplateEditor::Field::Body).contains(QLatin1String("example")));
        // Fixing the name clears its error.
        editor->nameEdit()->setText(QStringLiteral("order_update_2"));
        QVERIFY(editor->errorText(TemplateEditor::Field::Name).isEmpty());
        QCoreApplication::processEvents();
        QCOMPARE(simTemplates(), before);
    }

    void createIsPendingThenApprovedByWebhook()
    {
        TemplatesManager *manager = m_app.window()->openTemplatesManager();
        QTRY_VERIFY(manager->model()->rowCount() > 0);
        TemplateEditor *editor = manager->openEditor();
        const int before = simTemplates();
        QTest::keyClicks(editor->nameEdit(), QStringLiteral("parcel_on_its_way"));
        editor->categoryBox()->setCurrentIndex(0); // utility
        QTest::keyClicks(editor->headerEdit(), QStringLiteral("Parcel {{1}}"));
        QTest::keyClicks(editor->headerExampleEdit(), QStringLiteral("4471"));
        editor->bodyEdit()->setPlainText(
            QStringLiteral("Hi {{1}}, your *teapot* left our warehouse on {{2}}. Thank you!"));
        QTest::keyClicks(editor->bodyExamplesEdit(), QStringLiteral("Maria | Monday"));
        QTest::keyClicks(editor->footerEdit(), QStringLiteral("Lucky Shrub"));
        editor->buttonsEdit()->setPlainText(
            QStringLiteral("Track | https://shop.example/t/{{1}} | 4471\nStop updates"));
        QVERIFY2(editor->violations().isEmpty(),
            qPrintable(core::TemplateRules::formatViolations(editor->violations())));
        // The live preview is the template filled with its examples.
        QVERIFY2(editor->previewText().contains(QLatin1String("Parcel 4471")),
            qPrintable(editor->previewText()));
        QVERIFY(editor->previewText().contains(QLatin1String("Hi Maria, your")));
        QVERIFY(editor->previewText().contains(QLatin1String("Lucky Shrub")));
        QVERIFY(editor->previewText().contains(QLatin1String("https://shop.example/t/4471")));
        test::AdminFixture::screenshot(editor, QStringLiteral("admin-template-editor.png"));

        QSignalSpy finished(manager, &TemplatesManager::actionFinished);
        QVERIFY(editor->submitButton()->isEnabled());
        editor->submitButton()->click();
        QVERIFY(finished.wait(10000));
        const auto outcome = finished.first().at(0).value<TemplateAdminOutcome>();
        QVERIFY2(outcome.ok(), qPrintable(outcome.error));
        QCOMPARE(simTemplates(), before + 1);
        QTRY_COMPARE(statusOf(manager->model(), QStringLiteral("parcel_on_its_way")),
            QStringLiteral("PENDING"));
        QTRY_VERIFY(!manager->editor()); // accepted and closed

        // The simulator approves it after its review delay and says so by webhook; the list
        // follows the store's change signal.
        m_app.advance(16000);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(manager->model(), QStringLiteral("parcel_on_its_way")),
            QStringLiteral("APPROVED"), 10000);
        const int row
            = manager->model()->rowOf(QStringLiteral("parcel_on_its_way"), QStringLiteral("en_US"));
        manager->view()->selectRow(row);
        test::AdminFixture::screenshot(manager, QStringLiteral("admin-templates.png"));
    }

    void rejectedByMetaIsShownInTheEditor()
    {
        TemplatesManager *manager = m_app.window()->openTemplatesManager();
        TemplateEditor *editor = manager->openEditor();
        // The simulator refuses a second template of the same name and language.
        QTest::keyClicks(editor->nameEdit(), QStringLiteral("order_update"));
        editor->bodyEdit()->setPlainText(QStringLiteral("Your order has shipped."));
        QSignalSpy finished(manager, &TemplatesManager::actionFinished);
        editor->submitButton()->click();
        QVERIFY(finished.wait(10000));
        const auto outcome = finished.first().at(0).value<TemplateAdminOutcome>();
        QVERIFY(!outcome.ok());
        QVERIFY(manager->editor());
        QVERIFY(editor->resultLabel()->text().contains(QLatin1String("refused")));
    }

    void deleteRemovesItHereAndAtMeta()
    {
        TemplatesManager *manager = m_app.window()->openTemplatesManager();
        QTRY_VERIFY(manager->model()->rowCount() > 0);
        const QString name = manager->model()->rowAt(0)->name;
        const int before = simTemplates();
        const int named = [&] {
            int n = 0;
            for (int i = 0; i < manager->model()->rowCount(); ++i)
                n += manager->model()->rowAt(i)->name == name ? 1 : 0;
            return n;
        }();
        manager->view()->selectRow(0);
        QVERIFY(manager->deleteButton()->isEnabled());
        QSignalSpy finished(manager, &TemplatesManager::actionFinished);
        manager->deleteSelected();
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.first().at(0).value<TemplateAdminOutcome>().ok(),
            qPrintable(finished.first().at(0).value<TemplateAdminOutcome>().error));
        QCOMPARE(simTemplates(), before - 1);
        QTRY_COMPARE(manager->model()->rowCount(), before - 1);
        int left = 0;
        for (int i = 0; i < manager->model()->rowCount(); ++i)
            left += manager->model()->rowAt(i)->name == name ? 1 : 0;
        QCOMPARE(left, named - 1);
    }

    void syncReadsMetaAgain()
    {
        TemplatesManager *manager = m_app.window()->openTemplatesManager();
        // A template added at Meta outside Parley appears after a sync.
        m_app.sim()->addTemplate(
            QJsonObject{{QStringLiteral("name"), QStringLiteral("made_elsewhere")},
                {QStringLiteral("language"), QStringLiteral("en_US")},
                {QStringLiteral("category"), QStringLiteral("UTILITY")},
                {QStringLiteral("components"),
                    QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("BODY")},
                        {QStringLiteral("text"), QStringLiteral("Hello from elsewhere.")}}}}});
        QSignalSpy finished(manager, &TemplatesManager::actionFinished);
        manager->syncButton()->click();
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.first().at(0).value<TemplateAdminOutcome>().ok());
        QVERIFY(manager->statusLabel()->text().contains(QLatin1String("Synced")));
        QTRY_COMPARE(statusOf(manager->model(), QStringLiteral("made_elsewhere")),
            QStringLiteral("APPROVED"));
    }
};

QTEST_MAIN(TestAdminTemplates)
#include "tst_admin_templates.moc"
