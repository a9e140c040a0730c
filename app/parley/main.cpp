// parley: the desktop agent console. `parley --demo` runs everything in-process against the
// built-in Cloud API simulator with a temporary store.
#include "ConsoleSession.h"
#include "FirstRunWizard.h"
#include "MainWindow.h"
#include "common/Log.h"
#include "secrets/KeychainSecretStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>

#include <cstdio>
#include <cstring>

using namespace parley;

int main(int argc, char *argv[])
{
    // --version answers without a display.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            const char *rev = PARLEY_GIT_REV;
            if (rev[0])
                std::printf("parley %s (git %s)\n", PARLEY_VERSION, rev);
            else
                std::printf("parley %s\n", PARLEY_VERSION);
            return 0;
        }
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("parley"));
    QApplication::setApplicationDisplayName(QStringLiteral("Parley"));
    QApplication::setOrganizationName(QStringLiteral("Parley"));
    QApplication::setApplicationVersion(QStringLiteral(PARLEY_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/parley/ui/parley.svg")));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(
            QLocale(), QStringLiteral("parley"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Desktop agent console for the WhatsApp Cloud API"));
    parser.addHelpOption();
    QCommandLineOption demo(QStringLiteral("demo"),
        QApplication::translate(
            "main", "Run against the built-in simulator with a temporary store."));
    QCommandLineOption db(QStringLiteral("db"), QApplication::translate("main", "The store file."),
        QStringLiteral("PATH"));
    QCommandLineOption version(QStringList{QStringLiteral("v"), QStringLiteral("version")},
        QApplication::translate("main", "Print the version."));
    parser.addOption(demo);
    parser.addOption(db);
    parser.addOption(version);
    parser.process(app);

    ui::ConsoleSession::Options options;
    options.demo = parser.isSet(demo);
    std::unique_ptr<core::KeychainSecretStore> keychain;
    if (!options.demo && ui::FirstRunWizard::needed()) {
        // First run: the demo, or a real account into the settings and the keychain.
        keychain = std::make_unique<core::KeychainSecretStore>();
        ui::FirstRunWizard wizard(keychain.get());
        if (wizard.exec() != QDialog::Accepted)
            return 0;
        options.demo = wizard.choice() == ui::FirstRunWizard::Choice::Demo;
    }
    if (!options.demo) {
        QSettings settings;
        const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dataDir);
        options.databasePath
            = parser.isSet(db) ? parser.value(db) : dataDir + QStringLiteral("/parley.db");
        options.graph = core::GraphConfig::fromEnvironment();
        options.graph.baseUrl = QUrl(
            settings.value(QStringLiteral("graph/base_url"), options.graph.baseUrl.toString())
                .toString());
        options.graph.version
            = settings.value(QStringLiteral("graph/version"), options.graph.version).toString();
        options.phoneNumberId
            = settings.value(QStringLiteral("account/phone_number_id")).toString();
        options.wabaId = settings.value(QStringLiteral("account/waba_id")).toString();
        if (!keychain)
            keychain = std::make_unique<core::KeychainSecretStore>();
        options.secrets = keychain.get();
    }

    ui::ConsoleSession session(options);
    QString error;
    if (!session.start(&error)) {
        QMessageBox::critical(nullptr, QStringLiteral("Parley"),
            QApplication::translate("main", "Parley could not start: %1").arg(error));
        return 1;
    }
    ui::MainWindow window(&session);
    window.show();
    return app.exec();
}
