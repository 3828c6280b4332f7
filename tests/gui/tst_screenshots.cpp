// The screenshot run: the real app window (Main.qml over AppController over a real AutohostService) with a
// realistic dataset — a lobby connection, battles of the fake engine with players, chat and Lua messages, an
// ended and a crashed battle, an install under way and a failed one — renders every view offscreen, in the
// light and the dark theme, into PNG files in <build>/screenshots/ for people to look at. It fails when QML
// reports any warning or error, or when a view renders blank. The app speaks English unless the environment
// variable AUTOHOST_SCREENSHOT_LANGUAGE names another of its languages ("de", "fr", "pl", "ru"), switched to
// once the window shows; those views go into <build>/screenshots/<language>/.
#include <QDir>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include "admin/hoststate.h"
#include "appcontroller.h"
#include "autohostprocess.h"
#include "autohostservice.h"
#include "faketachyonserver.h"
#include "logging.h"
#include "models/metricshistory.h"
#include "testarchive.h"
#include "testhttpserver.h"
#include "util/conversions.h"

Q_IMPORT_QML_PLUGIN(AutohostPlugin)

using namespace Qt::Literals::StringLiterals;

class TestScreenshots : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QDir m_output{QStringLiteral(SCREENSHOT_DIR)};
    QStringList m_qmlProblems;
    int m_portBase = 0;
    QString m_language = u"en"_s;

    struct App
    {
        std::unique_ptr<AutohostService> service;
        std::unique_ptr<AppController> controller;
        std::unique_ptr<QQmlApplicationEngine> engine;
        QQuickWindow *window = nullptr;
    };

    void linkEngine(const QString &enginesDir, const QString &version)
    {
        const QString dir = enginesDir + u'/' + version;
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QFile::link(QStringLiteral(FAKE_ENGINE_PATH), dir + u"/spring-dedicated"_s));
    }

    Config baseConfig(const QString &name)
    {
        Config config;
        config.enginesDir = m_dir.filePath(name + u"/engines"_s);
        config.instancesDir = m_dir.filePath(name + u"/instances"_s);
        // A journal of its own for every service: nothing carries over from another test.
        config.journalDir =
            m_dir.filePath(u"journal-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
        config.engineBindIP = u"127.0.0.1"_s;
        config.engineStartPort = m_portBase;
        config.engineAutohostStartPort = m_portBase + 500;
        config.maxPortsUsed = 100;
        config.maxBattles = 12;
        config.engineStartTimeoutSeconds = 5;
        config.engineKillGraceSeconds = 2;
        return config;
    }

    void openApp(App &app, const Config &config, const QString &name)
    {
        app.service = std::make_unique<AutohostService>(config);
        app.controller = std::make_unique<AppController>(
            app.service.get(), AppController::Paths{m_dir.filePath(name + u"/config.json"_s),
                                                    m_dir.filePath(name + u"/desktop.ini"_s),
                                                    m_dir.filePath(name + u"/autohosts.json"_s)});
        AppController::setInstance(app.controller.get());
        app.engine = std::make_unique<QQmlApplicationEngine>();
        app.engine->setOutputWarningsToStandardError(true);
        connect(app.engine.get(), &QQmlEngine::warnings, this,
                [this](const QList<QQmlError> &warnings)
                {
                    for (const QQmlError &warning : warnings)
                    {
                        m_qmlProblems.append(warning.toString());
                    }
                });
        app.engine->addImportPath(u"qrc:/qt/qml"_s);
        app.controller->preferences()->attach(app.engine.get());
        app.controller->preferences()->setLanguage(u"en"_s);
        app.service->start();
        app.engine->load(QUrl(u"qrc:/qt/qml/Autohost/Main.qml"_s));
        QCOMPARE(app.engine->rootObjects().size(), 1);
        app.window = qobject_cast<QQuickWindow *>(app.engine->rootObjects().constFirst());
        QVERIFY(app.window);
        app.window->resize(1366, 860);
        app.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(app.window));
        // Switched while the app runs, as from Settings: every view, the hidden ones too, must follow.
        app.controller->preferences()->setLanguage(m_language);
        QCOMPARE(app.controller->preferences()->effectiveLanguage(), m_language);
    }

    // Shows a view, lets it settle, and writes <name>-<theme>.png.
    void capture(App &app, const QString &page, const QString &name, const QString &battleId = {})
    {
        for (const QString &theme : {u"light"_s, u"dark"_s})
        {
            app.controller->preferences()->setTheme(theme);
            if (battleId.isEmpty())
            {
                QMetaObject::invokeMethod(app.window, "showPage", Q_ARG(QVariant, page));
            }
            else
            {
                QMetaObject::invokeMethod(app.window, "openBattle", Q_ARG(QVariant, battleId));
            }
            QTest::qWait(600);
            const QImage image = app.window->grabWindow();
            QVERIFY2(!image.isNull(), qPrintable(name));
            QVERIFY2(distinctColours(image) > 12, qPrintable(name + u" renders (almost) blank"_s));
            const QString file = m_output.filePath(u"%1-%2.png"_s.arg(name, theme));
            QVERIFY2(image.save(file), qPrintable(file));
        }
    }

    static int distinctColours(const QImage &image)
    {
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
        {
            for (int x = 0; x < image.width(); x += 7)
            {
                colours.insert(image.pixel(x, y));
            }
        }
        return int(colours.size());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (const QString language = qEnvironmentVariable("AUTOHOST_SCREENSHOT_LANGUAGE");
            !language.isEmpty() && language != m_language)
        {
            m_language = language;
            m_output.setPath(m_output.filePath(language));
        }
        QVERIFY(m_output.mkpath(u"."_s));
        m_portBase = 33000 + int(QCoreApplication::applicationPid() % 40) * 200;
        QQuickStyle::setStyle(u"Fusion"_s);
        // The log view shows what the program logs, as in the app.
        LogOutput::install(LogOutput::Format::Text);
    }

    void serverModeViews()
    {
        FakeTachyonServer server;
        server.setServerStatsUserCount(1342);
        QVERIFY(server.listen());
        TestHttpServer cdn;
        QVERIFY(cdn.listen());
        // One install stalls part way through its download; another version does not exist on the CDN.
        TestArchive archive;
        archive.addFile(u"spring-dedicated"_s, "#!/bin/sh\n", 0755)
            .addFile(u"base/content.sdz"_s, QByteArray(400 * 1024, 'x'));
        const QString archiveFile = m_dir.filePath(u"engine.7z"_s);
        QVERIFY(archive.write7z(archiveFile));
        QFile archiveReader(archiveFile);
        QVERIFY(archiveReader.open(QIODevice::ReadOnly));
        const QByteArray archiveBytes = archiveReader.readAll();
        TestHttpServer::Response find;
        find.contentType = "application/json";
        find.body = dumpJsonBytes(
            Json::array({{{"filename", "engine.7z"},
                          {"springname", "2025.07.07"},
                          {"md5", "0123456789abcdef0123456789abcdef"},
                          {"category", "engine_linux64"},
                          {"size", archiveBytes.size()},
                          {"mirrors", {toStdString(cdn.url(u"/files/engine.7z"_s).toString())}}}}));
        cdn.setHandler(u"/cdn/find"_s,
                       [find](const QUrl &target)
                       {
                           if (target.query().contains(u"2025.07.07"_s))
                           {
                               return find;
                           }
                           TestHttpServer::Response empty;
                           empty.contentType = "application/json";
                           empty.body = "[]";
                           return empty;
                       });
        TestHttpServer::Response stalled;
        stalled.body = archiveBytes;
        stalled.chunkSize = 16 * 1024;
        stalled.stallAfter = archiveBytes.size() * 2 / 5;
        cdn.setResponse(u"/files/engine.7z"_s, stalled);

        Config config = baseConfig(u"server"_s);
        const Config serverConfig = server.autohostConfig();
        config.tachyonServer = serverConfig.tachyonServer;
        config.tachyonServerPort = serverConfig.tachyonServerPort;
        config.useSecureConnection = false;
        config.authClientId = serverConfig.authClientId;
        config.authClientSecret = serverConfig.authClientSecret;
        config.hostingIP = u"203.0.113.7"_s;
        config.engineCdnBaseUrl = cdn.url(u"/cdn"_s).toString();
        config.engineDownloadMaxAttempts = 1;
        linkEngine(config.enginesDir, u"2025.06.22"_s);
        linkEngine(config.enginesDir, u"2025.04.01"_s);

        App app;
        openApp(app, config, u"server"_s);
        const int connection = server.waitForReadyAutohost();
        QVERIFY(connection >= 0);

        auto start = [&](const QList<int> &teamSizes, int spectators, const QString &script,
                         const QString &afterStart = {})
        {
            Json allyTeams = Json::array();
            int user = 1000 + int(QRandomGenerator::global()->bounded(8000));
            const QStringList names = {u"Alice"_s, u"Bob"_s,   u"Carol"_s, u"Dave"_s, u"Erin"_s,
                                       u"Frank"_s, u"Grace"_s, u"Heidi"_s, u"Ivan"_s, u"Judy"_s};
            int index = 0;
            for (const int size : teamSizes)
            {
                Json teams = Json::array();
                for (int i = 0; i < size; ++i, ++index, ++user)
                {
                    teams.push_back({{"players",
                                      {{{"userId", std::to_string(user)},
                                        {"name", toStdString(names.at(index % names.size()))},
                                        {"password", "secret"}}}}});
                }
                allyTeams.push_back({{"teams", teams}});
            }
            Json specs = Json::array();
            for (int i = 0; i < spectators; ++i, ++index, ++user)
            {
                specs.push_back({{"userId", std::to_string(user)},
                                 {"name", toStdString(names.at(index % names.size()) + u"Spec"_s)},
                                 {"password", "secret"}});
            }
            const QUuid id = QUuid::createUuid();
            const QString messageId = server.sendRequest(
                connection, u"autohost/start"_s,
                Json{{"battleId", toStdString(uuidText(id))},
                     {"engineVersion", "2025.06.22"},
                     {"gameName", "Beyond All Reason test-27450-2e4ff5e"},
                     {"mapName", index > 4 ? "Supreme Isthmus v2.1" : "Red Comet Remake 1.8"},
                     {"startPosType", "ingame"},
                     {"allyTeams", allyTeams},
                     {"spectators", specs},
                     {"gameOptions", afterStart.isEmpty()
                                         ? Json{{"fakescript", toStdString(script)}}
                                         : Json{{"fakescript", toStdString(script)},
                                                {"fakeafterstart", toStdString(afterStart)}}}});
            const Json response = server.waitForResponse(messageId, 10000);
            return response.value("status", "") == "success" ? uuidText(id) : QString();
        };

        const QString main = start(
            {2, 2}, 1,
            u"join,0|join,1|join,2|wait,200|join,3|join,4|chat,0,254,gl hf everyone|chat,2,252,push mid|"
            "startplaying|luamsg,0,2000,a,bWluaWdhbWU6aGVsbG8=|chat,1,254,gg no re|message,Connection "
            "attempt "
            "from "
            "Bob|defeated,3|left,3,1|chat,4,253,nice game so far|luamsg,1,100,0,bWluaWdhbWU6c3RhdHM="_s);
        QVERIFY(!main.isEmpty());
        QVERIFY(!start({1, 1}, 0, u"join,0|join,1|startplaying|chat,0,254,hi"_s).isEmpty());
        const QString ended = start({1, 1}, 0, u"join,0|join,1|startplaying"_s);
        QVERIFY(!ended.isEmpty());
        const QString crashed =
            start({3, 3}, 2, u"join,0|join,1|join,2|join,3|startplaying"_s, u"crash:1500"_s);
        QVERIFY(!crashed.isEmpty());
        std::optional<QString> killed;
        app.controller->killBattle(ended, [&killed](const QString &error) { killed = error; });
        QTRY_VERIFY(killed.has_value());
        QVERIFY2(killed->isEmpty(), qPrintable(*killed));

        app.controller->installs()->install(u"2025.07.07"_s);
        app.controller->installs()->install(u"2024.12.01"_s);

        // An hour of activity for the charts.
        // Sampled where the mirror's metrics come from.
        MetricsHistory *metrics = app.controller->hostState()->metricsHistory();
        qint64 clock = 0;
        metrics->setClock([&clock] { return clock; });
        for (int sample = 0; sample < 360; ++sample)
        {
            const int wave = int(40 + 35 * std::sin(sample / 30.0));
            for (int i = 0; i < wave * 10; ++i)
            {
                app.service->updates()->append(QUuid(),
                                               Json{{"type", "engine_message"}, {"message", "tick"}});
            }
            clock += 10000;
            metrics->sampleNow();
        }
        QTRY_COMPARE_WITH_TIMEOUT(app.controller->battleInfo(ended).value(u"battleState"_s).toString(),
                                  u"ended"_s, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(app.controller->battleInfo(crashed).value(u"battleState"_s).toString(),
                                  u"crashed"_s, 10000);
        QTest::qWait(2500); // joins, chat and the CPU/memory refresh

        capture(app, u"dashboard"_s, u"dashboard"_s);
        capture(app, u"battles"_s, u"battles"_s);
        capture(app, u"battle"_s, u"battle-detail"_s, main);
        capture(app, u"engines"_s, u"engines"_s);
        capture(app, u"log"_s, u"log"_s);
        capture(app, u"settings"_s, u"settings"_s);

        app.controller->quit();
        QTRY_VERIFY_WITH_TIMEOUT(app.service->battles()->currentBattles() == 0, 15000);
        QVERIFY2(m_qmlProblems.isEmpty(), qPrintable(m_qmlProblems.join(u'\n')));
    }

    void localModeViews()
    {
        Config config = baseConfig(u"local"_s);
        linkEngine(config.enginesDir, u"2025.06.22"_s);
        App app;
        openApp(app, config, u"local"_s);
        LocalBattleForm *form = app.controller->localBattle();
        QVERIFY(form);
        form->setGameName(u"Beyond All Reason test-27450-2e4ff5e"_s);
        form->setMapName(u"Supreme Isthmus v2.1"_s);
        form->setAllyTeam(0, u"Alice, Bob"_s);
        form->setAllyTeam(1, u"Carol, Dave"_s);
        form->setSpectators(u"Erin"_s);
        capture(app, u"newBattle"_s, u"new-battle"_s);

        QSignalSpy started(form, &LocalBattleForm::started);
        form->start();
        QVERIFY(started.wait(10000));
        capture(app, u"newBattle"_s, u"new-battle-started"_s);
        capture(app, u"battle"_s, u"battle-detail-local"_s, started.constFirst().constFirst().toString());

        app.controller->quit();
        QTRY_VERIFY_WITH_TIMEOUT(app.service->battles()->currentBattles() == 0, 15000);
        QVERIFY2(m_qmlProblems.isEmpty(), qPrintable(m_qmlProblems.join(u'\n')));
    }

    // The fleet: this computer's autohost and remote headless ones (one busy with alerts, one whose token is
    // refused, one out of reach), the connect dialog, and a remote autohost in the usual views, linked and
    // lost.
    void fleetViews()
    {
        FakeTachyonServer server;
        server.setCredentials(u"autohost1"_s, u"s3cret-value"_s);
        server.setServerStatsUserCount(1342);
        QVERIFY(server.listen());
        AutohostProcess remote(QStringLiteral(AUTOHOST_BINARY), QStringLiteral(FAKE_ENGINE_PATH));
        QVERIFY2(remote.problem().isEmpty(), qPrintable(remote.problem()));
        QVERIFY(remote.start(server.port(), u"127.0.0.1:0"_s,
                             {{"adminToken", "vps-token"},
                              {"maxBattles", 8},
                              {"engineCdnBaseUrl", "http://127.0.0.1:9"},
                              {"engineDownloadMaxAttempts", 1}}));
        const quint16 adminPort = remote.waitForAdminPort();
        QVERIFY2(adminPort > 0, qPrintable(remote.output()));
        const int connection = server.waitForReadyAutohost();
        QVERIFY(connection >= 0);
        QStringList battles;
        for (const QString &afterStart : {QString(), QString(), u"crash:200"_s})
        {
            battles.append(AutohostProcess::startBattle(server, connection, afterStart));
            QVERIFY(!battles.constLast().isEmpty());
        }

        // A second headless autohost, in local mode: the fleet view shows two real ones side by side.
        AutohostProcess home(QStringLiteral(AUTOHOST_BINARY), QStringLiteral(FAKE_ENGINE_PATH), 1);
        QVERIFY2(home.problem().isEmpty(), qPrintable(home.problem()));
        QVERIFY(home.start(1, u"127.0.0.1:0"_s, {{"adminToken", "home-token"}, {"tachyonServer", ""}}));
        const quint16 homePort = home.waitForAdminPort();
        QVERIFY2(homePort > 0, qPrintable(home.output()));

        Config config = baseConfig(u"fleet"_s);
        linkEngine(config.enginesDir, u"2025.06.22"_s);
        App app;
        openApp(app, config, u"fleet"_s);
        AppController *controller = app.controller.get();
        QVERIFY(
            controller
                ->connectToAutohost(u"VPS Frankfurt"_s, u"127.0.0.1"_s, adminPort, u"vps-token"_s, false, {})
                .isEmpty());
        QVERIFY(
            controller
                ->connectToAutohost(u"Home server"_s, u"127.0.0.1"_s, homePort, u"home-token"_s, false, {})
                .isEmpty());
        QVERIFY(
            controller->connectToAutohost(u"Club server"_s, u"127.0.0.1"_s, 1, u"x"_s, false, {}).isEmpty());
        // The same endpoint twice is refused.
        QVERIFY(!controller->connectToAutohost({}, u"127.0.0.1"_s, adminPort, u"t"_s, false, {}).isEmpty());
        Fleet *fleet = controller->fleet();
        QTRY_COMPARE_WITH_TIMEOUT(fleet->get(1).value(u"linkState"_s).toString(), u"attached"_s, 10000);
        fleet->mirror(1)->installs()->install(u"2025.01.01"_s);
        QTRY_COMPARE_WITH_TIMEOUT(fleet->get(1).value(u"failedInstalls"_s).toInt(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(fleet->get(1).value(u"crashedBattles"_s).toInt(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(fleet->get(2).value(u"linkState"_s).toString(), u"attached"_s, 10000);
        QCOMPARE(fleet->get(2).value(u"localMode"_s), QVariant(true));
        QTRY_COMPARE_WITH_TIMEOUT(fleet->get(3).value(u"linkState"_s).toString(), u"unreachable"_s, 10000);
        QTest::qWait(1500); // the running battles' CPU and memory
        capture(app, u"fleet"_s, u"fleet"_s);

        QObject *dialog = app.window->findChild<QObject *>(u"connectDialog"_s);
        QVERIFY(dialog);
        QMetaObject::invokeMethod(dialog, "open");
        QTest::qWait(300);
        dialog->setProperty("errorField", u"host"_s);
        SavedAutohosts::Entry typed;
        typed.settings.host = u"http://vps"_s;
        dialog->setProperty("errorText", SavedAutohosts::problem(typed)->message);
        capture(app, u"fleet"_s, u"connect-dialog"_s);
        QMetaObject::invokeMethod(dialog, "close");

        QMetaObject::invokeMethod(app.window, "showHost", Q_ARG(QVariant, 1));
        QTRY_COMPARE(controller->currentBattles(), 2);
        capture(app, u"dashboard"_s, u"dashboard-remote"_s);
        capture(app, u"battles"_s, u"battles-remote"_s);
        capture(app, u"battle"_s, u"battle-detail-remote"_s, battles.constFirst());

        remote.kill();
        QTRY_COMPARE_WITH_TIMEOUT(controller->linkState(), u"unreachable"_s, 10000);
        capture(app, u"dashboard"_s, u"dashboard-remote-lost"_s);

        app.controller->quit();
        QTRY_VERIFY_WITH_TIMEOUT(app.service->battles()->currentBattles() == 0, 15000);
        QVERIFY2(m_qmlProblems.isEmpty(), qPrintable(m_qmlProblems.join(u'\n')));
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
