#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "appcontroller.h"
#include "autohostprocess.h"
#include "autohostservice.h"
#include "faketachyonserver.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

// The desktop app's facade over a real AutohostService: a fake Tachyon server on loopback drives it as a
// lobby server would, and its battles run the fake engine.
class TestAppController : public QObject
{
    Q_OBJECT

private:
    static constexpr auto EngineVersion = "2025.06.22";
    QTemporaryDir m_dir;
    int m_portBase = 0;
    std::unique_ptr<FakeTachyonServer> m_server;
    std::unique_ptr<AutohostService> m_service;
    std::unique_ptr<AppController> m_controller;
    bool m_serviceFinished = false;
    int m_connection = -1;

    Config baseConfig() const
    {
        Config config;
        config.enginesDir = m_dir.filePath(u"engines"_s);
        config.instancesDir = m_dir.filePath(u"instances"_s);
        // A journal of its own for every service: nothing carries over from another test.
        config.journalDir =
            m_dir.filePath(u"journal-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
        config.systemEngines = false;
        config.engineBindIP = u"127.0.0.1"_s;
        config.maxBattles = 3;
        config.engineStartPort = m_portBase;
        config.engineAutohostStartPort = m_portBase + 100;
        config.maxPortsUsed = 50;
        config.engineStartTimeoutSeconds = 5;
        config.engineKillGraceSeconds = 3;
        return config;
    }

    Config serverConfig() const
    {
        Config config = baseConfig();
        const Config server = m_server->autohostConfig();
        config.tachyonServer = server.tachyonServer;
        config.tachyonServerPort = server.tachyonServerPort;
        config.useSecureConnection = false;
        config.authClientId = server.authClientId;
        config.authClientSecret = server.authClientSecret;
        config.hostingIP = u"192.0.2.10"_s;
        return config;
    }

    // A controller over a service that is not started yet; the server must be listening.
    void openController(const Config &config)
    {
        m_service = std::make_unique<AutohostService>(config);
        m_serviceFinished = false;
        connect(m_service.get(), &AutohostService::finished, this, [this] { m_serviceFinished = true; });
        m_controller = std::make_unique<AppController>(
            m_service.get(),
            AppController::Paths{m_dir.filePath(u"config.json"_s), m_dir.filePath(u"desktop.ini"_s),
                                 m_dir.filePath(u"autohosts.json"_s)});
    }

    void connectToServer()
    {
        m_server = std::make_unique<FakeTachyonServer>();
        m_server->setServerStatsUserCount(4242);
        QVERIFY(m_server->listen());
        openController(serverConfig());
        m_service->start();
        m_connection = m_server->waitForReadyAutohost();
        QVERIFY(m_connection >= 0);
    }

    // Runs the application's event loop, ended as the program's main ends it when the controller reports
    // finished, or by the guard; the exit code.
    int runUntilExit(int guardMilliseconds)
    {
        const QMetaObject::Connection exit =
            connect(m_controller.get(), &AppController::finished, qApp, [] { QCoreApplication::exit(0); });
        QTimer guard;
        guard.setSingleShot(true);
        connect(&guard, &QTimer::timeout, qApp, [] { QCoreApplication::exit(-99); });
        guard.start(guardMilliseconds);
        const int code = QCoreApplication::exec();
        disconnect(exit);
        return code;
    }

    // What an action answered through its callback (an error text, or addPlayer's outcome), waited for.
    template <typename Outcome, typename Call>
    static Outcome answerOf(Call call)
    {
        std::optional<Outcome> outcome;
        call([&outcome](const Outcome &answer) { outcome = answer; });
        if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 10000))
        {
            return Outcome();
        }
        return *outcome;
    }

    // Starts a battle the way the lobby server does; its id, or empty when the start failed.
    QString startBattle(const QString &script, const QString &afterStart = {})
    {
        Json options = {{"fakescript", toStdString(script)}};
        if (!afterStart.isEmpty())
        {
            options["fakeafterstart"] = toStdString(afterStart);
        }
        const QString id = uuidText(QUuid::createUuid());
        const Json start = {
            {"battleId", toStdString(id)},
            {"engineVersion", EngineVersion},
            {"gameName", "MiniGame 1.0"},
            {"mapName", "MiniMap"},
            {"startPosType", "ingame"},
            {"allyTeams",
             {{{"teams", {{{"players", {{{"userId", "1001"}, {"name", "Alice"}, {"password", "pwA"}}}}}}}},
              {{"teams", {{{"players", {{{"userId", "1002"}, {"name", "Bob"}, {"password", "pwB"}}}}}}}}}},
            {"spectators", {{{"userId", "1003"}, {"name", "Carol"}, {"password", "pwC"}}}},
            {"gameOptions", options}};
        const Json response =
            m_server->waitForResponse(m_server->sendRequest(m_connection, u"autohost/start"_s, start), 10000);
        if (response.value("status", "") != "success")
        {
            qWarning("start failed: %s", dumpJson(response).c_str());
            return {};
        }
        return id;
    }

    QList<Json> statuses() const
    {
        QList<Json> found;
        for (const Json &message : m_server->received(m_connection))
        {
            if (message.value("commandId", "") == "autohost/status")
            {
                found.append(message.at("data"));
            }
        }
        return found;
    }

    QString engineLog(const QString &battleId) const
    {
        QFile file(m_controller->battleInfo(battleId).value(u"engineLogPath"_s).toString());
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    QVariant playerRole(const QString &battleId, const QString &userId, const QString &role) const
    {
        const MirrorPlayerModel *players = m_controller->players(battleId);
        return players ? players->get(players->indexOf(userId)).value(role) : QVariant();
    }

    // The texts of the feed's operator notes, oldest first.
    QStringList notes(const QString &battleId) const
    {
        FeedModel *feed = m_controller->feed(battleId);
        if (!feed)
        {
            return {};
        }
        feed->flush();
        QStringList texts;
        for (int row = 0; row < feed->rowCount(); ++row)
        {
            const QModelIndex index = feed->index(row);
            if (index.data(FeedModel::KindRole).toInt() == Feed::Operator)
            {
                texts.append(index.data(FeedModel::TextRole).toString());
            }
        }
        return texts;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString engineDir = m_dir.filePath(u"engines/"_s + QString::fromLatin1(EngineVersion));
        QVERIFY(QDir().mkpath(engineDir));
        QVERIFY(QFile::link(QStringLiteral(FAKE_ENGINE_PATH), engineDir + u"/spring-dedicated"_s));
        m_portBase = 40000 + int(QCoreApplication::applicationPid() % 40) * 200;
    }

    void cleanup()
    {
        // The controller quits the application when the service finishes: it goes first, so that the
        // service's shutdown here does not end the test's event loops.
        m_controller.reset();
        if (m_service && !m_serviceFinished)
        {
            m_service->shutdownNow();
            QTRY_VERIFY_WITH_TIMEOUT(m_serviceFinished, 20000);
        }
        m_service.reset();
        m_server.reset();
        m_connection = -1;
        QFile::remove(m_dir.filePath(u"autohosts.json"_s));
    }

    void connectionStateFollowsTheServer()
    {
        m_server = std::make_unique<FakeTachyonServer>();
        m_server->setServerStatsUserCount(4242);
        QVERIFY(m_server->listen());
        openController(serverConfig());
        QCOMPARE(m_controller->serverAddress(), u"127.0.0.1:%1"_s.arg(m_server->port()));
        QCOMPARE(m_controller->serverUserCount(), -1);
        QStringList states;
        connect(m_controller.get(), &AppController::connectionChanged, this,
                [&states, this] { states.append(m_controller->connectionState()); });
        QSignalSpy userCount(m_controller.get(), &AppController::serverUserCountChanged);

        m_service->start();
        QTRY_COMPARE(m_controller->connectionState(), u"connected"_s);
        QVERIFY2(states.contains(u"authenticating"_s) && states.contains(u"connecting"_s),
                 qPrintable(states.join(u", "_s)));
        QCOMPARE(states.constLast(), u"connected"_s);
        QVERIFY(m_controller->connectedSince().isValid());
        QCOMPARE(m_controller->lastError(), QString());
        QCOMPARE(m_controller->nextRetrySeconds(), 0);
        QTRY_VERIFY(m_controller->subscribed());
        QTRY_COMPARE(m_controller->serverUserCount(), 4242);
        QVERIFY(userCount.count() >= 1);

        // The server goes away: the controller waits to retry and counts the seconds down.
        m_server->stopListening();
        QTRY_COMPARE(m_controller->connectionState(), u"waiting"_s);
        QVERIFY(!m_controller->lastError().isEmpty());
        QVERIFY(m_controller->nextRetrySeconds() > 0);
        QVERIFY(!m_controller->connectedSince().isValid());
        // Failed attempts double the delay. From more than three seconds left on, two ticks of the countdown
        // fall into the same wait, and more than a second lies between them and the first reading.
        QTRY_VERIFY_WITH_TIMEOUT(
            m_controller->connectionState() == u"waiting"_s && m_controller->nextRetrySeconds() >= 4, 30000);
        const int first = m_controller->nextRetrySeconds();
        QSignalSpy ticks(m_controller.get(), &AppController::connectionChanged);
        states.clear();
        QTRY_VERIFY_WITH_TIMEOUT(ticks.count() >= 2, 5000);
        QCOMPARE(states, QStringList(states.size(), u"waiting"_s));
        QVERIFY(m_controller->nextRetrySeconds() > 0);
        QVERIFY2(m_controller->nextRetrySeconds() < first,
                 qPrintable(u"%1 s, then %2 s"_s.arg(first).arg(m_controller->nextRetrySeconds())));

        // Back again: the next attempt connects.
        QVERIFY(m_server->restart());
        QTRY_COMPARE_WITH_TIMEOUT(m_controller->connectionState(), u"connected"_s, 40000);
        QCOMPARE(m_controller->lastError(), QString());
        QCOMPARE(m_controller->nextRetrySeconds(), 0);
        QVERIFY(m_controller->connectedSince().isValid());
    }

    void drainingReachesTheServer()
    {
        connectToServer();
        QTRY_VERIFY(!statuses().isEmpty());
        QCOMPARE(statuses().constLast().value("maxBattles", -1), 3);
        QCOMPARE(m_controller->configuredMaxBattles(), 3);
        QCOMPARE(m_controller->maxBattles(), 3);
        QVERIFY(!m_controller->draining());
        QSignalSpy capacity(m_controller.get(), &AppController::capacityChanged);

        m_controller->setDraining(true);
        QVERIFY(capacity.count() >= 1);
        QVERIFY(m_controller->draining());
        QCOMPARE(m_controller->maxBattles(), 0);
        QTRY_COMPARE(statuses().constLast().value("maxBattles", -1), 0);
        const Json refused = m_server->waitForResponse(m_server->sendRequest(
            m_connection, u"autohost/start"_s,
            Json{{"battleId", toStdString(uuidText(QUuid::createUuid()))},
                 {"engineVersion", EngineVersion},
                 {"gameName", "MiniGame 1.0"},
                 {"mapName", "MiniMap"},
                 {"startPosType", "ingame"},
                 {"allyTeams",
                  {{{"teams", {{{"players", {{{"userId", "1"}, {"name", "A"}, {"password", "p"}}}}}}}}}}}));
        QCOMPARE(refused.value("status", ""), std::string("failed"));

        m_controller->setDraining(false);
        QVERIFY(!m_controller->draining());
        QCOMPARE(m_controller->maxBattles(), 3);
        QTRY_COMPARE(statuses().constLast().value("maxBattles", -1), 3);
    }

    void actionsReachTheEngineAndTheFeed()
    {
        connectToServer();
        const QString battle = startBattle(u"join,0|join,1|join,2"_s);
        QVERIFY(!battle.isEmpty());
        QCOMPARE(m_controller->battleInfo(battle).value(u"battleId"_s).toString(), battle);
        QVERIFY(m_controller->players(battle));
        QTRY_COMPARE(m_controller->players(battle)->joinedCount(), 3);

        QCOMPARE(answerOf<QString>([&](auto done)
                                   { m_controller->mutePlayer(battle, u"1002"_s, true, false, done); }),
                 QString());
        QCOMPARE(playerRole(battle, u"1002"_s, u"mutedChat"_s).toBool(), true);
        QCOMPARE(playerRole(battle, u"1002"_s, u"mutedDraw"_s).toBool(), false);
        QTRY_VERIFY(engineLog(battle).contains(u"[fake] player 1 chat muted, drawing allowed"_s));
        QCOMPARE(answerOf<QString>([&](auto done)
                                   { m_controller->mutePlayer(battle, u"1002"_s, false, false, done); }),
                 QString());
        QCOMPARE(playerRole(battle, u"1002"_s, u"mutedChat"_s).toBool(), false);

        QCOMPARE(answerOf<QString>([&](auto done) { m_controller->specPlayer(battle, u"1001"_s, done); }),
                 QString());
        QTRY_COMPARE(playerRole(battle, u"1001"_s, u"playerState"_s).toString(), u"defeated"_s);
        QCOMPARE(playerRole(battle, u"1001"_s, u"spectator"_s).toBool(), true);
        QVERIFY(engineLog(battle).contains(u"[fake] received: /specbynum 0"_s));

        QCOMPARE(answerOf<QString>([&](auto done) { m_controller->kickPlayer(battle, u"1002"_s, done); }),
                 QString());
        QTRY_COMPARE(playerRole(battle, u"1002"_s, u"playerState"_s).toString(), u"left"_s);
        QCOMPARE(playerRole(battle, u"1002"_s, u"leftReason"_s).toString(), u"kicked"_s);

        QCOMPARE(answerOf<QString>([&](auto done) { m_controller->sendMessage(battle, u"gl hf"_s, done); }),
                 QString());
        QTRY_VERIFY(engineLog(battle).contains(u"[fake] host chat: gl hf"_s));

        QCOMPARE(answerOf<QString>([&](auto done) { m_controller->sendCommand(battle, u"/cheat"_s, done); }),
                 QString());
        QTRY_VERIFY(engineLog(battle).contains(u"[fake] received: /cheat\n"_s));
        QCOMPARE(answerOf<QString>([&](auto done)
                                   { m_controller->sendCommand(battle, u"  luarules   ping 1 "_s, done); }),
                 QString());
        QTRY_VERIFY(engineLog(battle).contains(u"[fake] received: /luarules ping 1\n"_s));

        // Each action shows in the battle's feed as the operator's, naming whom it concerned.
        const QStringList expected = {
            u"You muted Bob's chat."_s,
            u"You unmuted Bob."_s,
            u"You made Alice a spectator."_s,
            u"You kicked Bob."_s,
            u"You said: gl hf"_s,
            u"You sent the command: /cheat"_s,
            u"You sent the command: /luarules ping 1"_s,
        };
        QCOMPARE(notes(battle), expected);
    }

    void refusedActionsSendNothing_data()
    {
        QTest::addColumn<QString>("commandLine");
        QTest::newRow("empty") << QString();
        QTest::newRow("blank") << u"   "_s;
        QTest::newRow("only a slash") << u" / "_s;
        QTest::newRow("upper-case command") << u"/Cheat"_s;
        QTest::newRow("a comment in an argument") << u"luarules ping//kill"_s;
    }

    void refusedActionsSendNothing()
    {
        QFETCH(QString, commandLine);
        connectToServer();
        const QString battle = startBattle(u"join,0"_s);
        QVERIFY(!battle.isEmpty());
        QTRY_VERIFY(engineLog(battle).contains(u"[fake] pid"_s));
        const QString before = engineLog(battle);

        QVERIFY(!answerOf<QString>([&](auto done) { m_controller->sendCommand(battle, commandLine, done); })
                     .isEmpty());
        // A command that did go through would be in the log by the time this one is.
        QCOMPARE(answerOf<QString>([&](auto done) { m_controller->sendMessage(battle, u"marker"_s, done); }),
                 QString());
        QTRY_VERIFY(engineLog(battle).contains(u"[fake] host chat: marker"_s));
        const QString sent = engineLog(battle).mid(before.size());
        QCOMPARE(sent.count(u"[fake] received:"_s), 1);
        QCOMPARE(notes(battle), QStringList{u"You said: marker"_s});
    }

    void addPlayerLetsASpectatorIn()
    {
        connectToServer();
        const QString battle = startBattle(u"join,0"_s);
        QVERIFY(!battle.isEmpty());
        MirrorPlayerModel *players = m_controller->players(battle);
        QVERIFY(players);
        QCOMPARE(players->count(), 3);

        const QVariantMap dave =
            answerOf<QVariantMap>([&](auto done) { m_controller->addPlayer(battle, u" Dave "_s, done); });
        QVERIFY2(!dave.contains(u"error"_s), qPrintable(dave.value(u"error"_s).toString()));
        QCOMPARE(dave.value(u"userId"_s).toString(), u"desktop-1"_s);
        const QString password = dave.value(u"password"_s).toString();
        QCOMPARE(password.size(), 16);
        QCOMPARE(players->count(), 4);
        const QVariantMap row = players->get(players->indexOf(u"desktop-1"_s));
        QCOMPARE(row.value(u"name"_s).toString(), u"Dave"_s);
        QCOMPARE(row.value(u"spectator"_s).toBool(), true);
        QCOMPARE(row.value(u"password"_s).toString(), password);
        QTRY_VERIFY(engineLog(battle).contains(u"[fake] received: /adduser Dave %1 1"_s.arg(password)));

        const QVariantMap erin =
            answerOf<QVariantMap>([&](auto done) { m_controller->addPlayer(battle, u"Erin"_s, done); });
        QCOMPARE(erin.value(u"userId"_s).toString(), u"desktop-2"_s);
        QVERIFY(erin.value(u"password"_s).toString() != password);
        QCOMPARE(players->count(), 5);

        // A name already in the battle is refused.
        const QVariantMap again =
            answerOf<QVariantMap>([&](auto done) { m_controller->addPlayer(battle, u"Alice"_s, done); });
        QVERIFY(!again.value(u"error"_s).toString().isEmpty());
        QVERIFY(!again.contains(u"password"_s));
        QCOMPARE(players->count(), 5);
        QCOMPARE(notes(battle),
                 (QStringList{u"You added Dave as a spectator."_s, u"You added Erin as a spectator."_s}));
    }

    void killBattleEndsIt()
    {
        connectToServer();
        const QString battle = startBattle(u"join,0"_s);
        QVERIFY(!battle.isEmpty());
        QTRY_COMPARE(m_controller->currentBattles(), 1);
        QCOMPARE(m_controller->battleInfo(battle).value(u"battleState"_s).toString(), u"running"_s);

        QCOMPARE(answerOf<QString>([&](auto done) { m_controller->killBattle(battle, done); }), QString());
        QTRY_COMPARE_WITH_TIMEOUT(m_controller->battleInfo(battle).value(u"battleState"_s).toString(),
                                  u"ended"_s, 10000);
        QCOMPARE(m_controller->currentBattles(), 0);
        QVERIFY(engineLog(battle).contains(u"[fake] received: /kill"_s));
        QVERIFY(m_controller->battleInfo(battle)
                    .value(u"endDetails"_s)
                    .toString()
                    .contains(u"stopped: killed from the desktop app"_s));
        QCOMPARE(notes(battle), QStringList{u"You killed the battle."_s});
        // The row, the players and the feed stay; actions on the ended battle are refused.
        QVERIFY(m_controller->players(battle));
        QVERIFY(m_controller->feed(battle));
        QVERIFY(!answerOf<QString>([&](auto done) { m_controller->killBattle(battle, done); }).isEmpty());
        QVERIFY(!answerOf<QString>([&](auto done) { m_controller->kickPlayer(battle, u"1001"_s, done); })
                     .isEmpty());
        QVERIFY(!answerOf<QString>([&](auto done) { m_controller->sendMessage(battle, u"anyone?"_s, done); })
                     .isEmpty());
    }

    void unknownBattles_data()
    {
        QTest::addColumn<QString>("battleId");
        QTest::newRow("never seen") << uuidText(QUuid::createUuid());
        QTest::newRow("not a uuid") << u"nope"_s;
        QTest::newRow("empty") << QString();
    }

    void unknownBattles()
    {
        QFETCH(QString, battleId);
        connectToServer();
        QVERIFY(m_controller->battleInfo(battleId).isEmpty());
        QVERIFY(!m_controller->players(battleId));
        QVERIFY(!m_controller->feed(battleId));
        QVERIFY(!answerOf<QString>([&](auto done) { m_controller->killBattle(battleId, done); }).isEmpty());
        QVERIFY(!answerOf<QString>([&](auto done) { m_controller->kickPlayer(battleId, u"1001"_s, done); })
                     .isEmpty());
        QVERIFY(!answerOf<QString>([&](auto done) { m_controller->specPlayer(battleId, u"1001"_s, done); })
                     .isEmpty());
        QVERIFY(!answerOf<QString>([&](auto done)
                                   { m_controller->mutePlayer(battleId, u"1001"_s, true, true, done); })
                     .isEmpty());
        QVERIFY(!answerOf<QString>([&](auto done) { m_controller->sendMessage(battleId, u"hello"_s, done); })
                     .isEmpty());
        QVERIFY(!answerOf<QString>([&](auto done) { m_controller->sendCommand(battleId, u"/cheat"_s, done); })
                     .isEmpty());
        const QVariantMap added =
            answerOf<QVariantMap>([&](auto done) { m_controller->addPlayer(battleId, u"Dave"_s, done); });
        QVERIFY(!added.value(u"error"_s).toString().isEmpty());
        QVERIFY(!added.contains(u"userId"_s));
    }

    void unknownPlayersAreRefused()
    {
        connectToServer();
        const QString battle = startBattle(u"join,0"_s);
        QVERIFY(!battle.isEmpty());
        QVERIFY(!answerOf<QString>([&](auto done) { m_controller->kickPlayer(battle, u"999"_s, done); })
                     .isEmpty());
        QVERIFY(!answerOf<QString>([&](auto done) { m_controller->specPlayer(battle, u"999"_s, done); })
                     .isEmpty());
        QVERIFY(!answerOf<QString>([&](auto done)
                                   { m_controller->mutePlayer(battle, u"999"_s, true, false, done); })
                     .isEmpty());
        QCOMPARE(notes(battle), QStringList());
    }

    void localModeHasTheForm_data()
    {
        QTest::addColumn<QString>("hostingIp");
        QTest::addColumn<QString>("address");
        QTest::newRow("engines bound to loopback") << QString() << u"127.0.0.1"_s;
        QTest::newRow("hostingIP configured") << u"198.51.100.4"_s << u"198.51.100.4"_s;
    }

    void localModeHasTheForm()
    {
        QFETCH(QString, hostingIp);
        QFETCH(QString, address);
        Config config = baseConfig();
        config.hostingIP = hostingIp;
        openController(config);
        QVERIFY(m_controller->localMode());
        QVERIFY(m_controller->localBattle());
        QCOMPARE(m_controller->hostAddress(), address);
        QCOMPARE(m_controller->connectionState(), u"local"_s);
        QCOMPARE(m_controller->serverAddress(), QString());
        QCOMPARE(m_controller->lastError(), QString());
        QCOMPARE(m_controller->nextRetrySeconds(), 0);
        QCOMPARE(m_controller->serverUserCount(), -1);

        // A battle started from the form is a row of the table like a served one.
        m_service->start();
        LocalBattleForm *form = m_controller->localBattle();
        QTRY_COMPARE(form->engineVersion(), QString::fromLatin1(EngineVersion));
        form->setGameName(u"MiniGame 1.0"_s);
        form->setMapName(u"MiniMap"_s);
        QSignalSpy started(form, &LocalBattleForm::started);
        form->start();
        QVERIFY2(started.wait(10000), QJsonDocument::fromVariant(form->errors()).toJson().constData());
        const QString battle = started.constFirst().constFirst().toString();
        QCOMPARE(m_controller->battleInfo(battle).value(u"gameName"_s).toString(), u"MiniGame 1.0"_s);
        QCOMPARE(form->lastResult().value(u"host"_s).toString(), address);
    }

    void serverModeHasNoForm()
    {
        connectToServer();
        QVERIFY(!m_controller->localMode());
        QVERIFY(!m_controller->localBattle());
        QCOMPARE(m_controller->hostAddress(), u"192.0.2.10"_s);
        QCOMPARE(m_controller->engineVersions(), QStringList{QString::fromLatin1(EngineVersion)});
    }

    void connectRefusesWhatCannotWork_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("field");
        QTest::newRow("no host") << u" "_s << 8201 << u"t"_s << false << QString() << u"host"_s;
        QTest::newRow("a URL for a host")
            << u"http://h"_s << 8201 << u"t"_s << false << QString() << u"host"_s;
        QTest::newRow("port 0") << u"h"_s << 0 << u"t"_s << false << QString() << u"port"_s;
        QTest::newRow("port too high") << u"h"_s << 65536 << u"t"_s << false << QString() << u"port"_s;
        QTest::newRow("token with a space") << u"h"_s << 8201 << u"a b"_s << false << QString() << u"token"_s;
        QTest::newRow("no such certificate")
            << u"h"_s << 8201 << u"t"_s << true << u"file:///nonexistent/cert.pem"_s << u"certificateFile"_s;
        QTest::newRow("already in the list")
            << u"127.0.0.1"_s << 1 << u"t"_s << false << QString() << u"host"_s;
    }

    void connectRefusesWhatCannotWork()
    {
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, token);
        QFETCH(bool, tls);
        QFETCH(QString, certificate);
        QFETCH(QString, field);
        openController(baseConfig());
        QVERIFY(m_controller->connectToAutohost(u"Existing"_s, u"127.0.0.1"_s, 1, {}, false, {}).isEmpty());
        QCOMPARE(m_controller->fleet()->count(), 2);
        const QVariantMap outcome = m_controller->connectToAutohost({}, host, port, token, tls, certificate);
        QCOMPARE(outcome.value(u"field"_s).toString(), field);
        QVERIFY(!outcome.value(u"error"_s).toString().isEmpty());
        QCOMPARE(m_controller->fleet()->count(), 2);
        // This process's own autohost is not the operator's to remove.
        m_controller->removeAutohost(0);
        QCOMPARE(m_controller->fleet()->count(), 2);
        QVERIFY(m_controller->fleet()->inProcess(0));
    }

    void aRemoteAutohostShowsInTheSameViews()
    {
        connectToServer();
        FakeTachyonServer remoteServer;
        remoteServer.setCredentials(u"autohost1"_s, u"s3cret-value"_s);
        QVERIFY(remoteServer.listen());
        AutohostProcess process(QStringLiteral(AUTOHOST_BINARY), QStringLiteral(FAKE_ENGINE_PATH));
        QVERIFY2(process.problem().isEmpty(), qPrintable(process.problem()));
        QVERIFY(process.start(remoteServer.port(), u"127.0.0.1:0"_s, {{"adminToken", "remote-token"}}));
        const quint16 adminPort = process.waitForAdminPort();
        QVERIFY2(adminPort > 0, qPrintable(process.output()));
        const int remoteConnection = remoteServer.waitForReadyAutohost();
        QVERIFY(remoteConnection >= 0);
        const QString remoteBattle = QUuid::createUuid().toString(QUuid::WithoutBraces);
        Json startData = AutohostProcess::startData(remoteBattle);
        const Json started = remoteServer.waitForResponse(
            remoteServer.sendRequest(remoteConnection, u"autohost/start"_s, startData), 10000);
        QCOMPARE(started.value("status", ""), "success");
        const QString localBattle = startBattle(u"join,0"_s);
        QVERIFY(!localBattle.isEmpty());

        // Added through the dialog's call: a second row, attached, and the one shown stays this process's.
        QSignalSpy hostChanged(m_controller.get(), &AppController::currentHostChanged);
        QVERIFY(
            m_controller
                ->connectToAutohost(u"Server"_s, u" 127.0.0.1 "_s, adminPort, u"remote-token"_s, false, {})
                .isEmpty());
        Fleet *fleet = m_controller->fleet();
        QCOMPARE(fleet->count(), 2);
        QCOMPARE(fleet->name(1), u"Server"_s);
        QTRY_COMPARE_WITH_TIMEOUT(fleet->get(1).value(u"linkState"_s).toString(), u"attached"_s, 10000);
        QCOMPARE(m_controller->currentHost(), 0);
        QCOMPARE(hostChanged.count(), 0);
        QVERIFY(m_controller->hostInProcess());

        // Shown: every view reads the remote autohost.
        m_controller->setCurrentHost(1);
        QCOMPARE(hostChanged.count(), 1);
        QCOMPARE(m_controller->currentHost(), 1);
        QCOMPARE(m_controller->hostName(), u"Server"_s);
        QVERIFY(!m_controller->hostInProcess());
        QCOMPARE(m_controller->linkState(), u"attached"_s);
        QCOMPARE(m_controller->serverAddress(), u"127.0.0.1:%1"_s.arg(remoteServer.port()));
        QCOMPARE(m_controller->battles()->rowCount(), 1);
        QCOMPARE(m_controller->battleInfo(remoteBattle).value(u"gameName"_s).toString(), u"MiniGame 1.0"_s);
        QVERIFY(m_controller->battleInfo(localBattle).isEmpty());
        QCOMPARE(m_controller->currentBattles(), 1);
        QCOMPARE(m_controller->inProcessBattles(), 1);
        QVERIFY(m_controller->engines()->indexOf(QString::fromLatin1(AutohostProcess::EngineVersion)) >= 0);
        QVERIFY(!m_controller->localBattle());
        QVERIFY(!m_controller->openEngineLog(remoteBattle).isEmpty());
        MirrorPlayerModel *players = m_controller->players(remoteBattle);
        QVERIFY(players);
        QCOMPARE(players->nameOf(u"7"_s), u"Alice"_s);

        // Actions go to the remote autohost and answer when its answer arrives.
        QCOMPARE(
            answerOf<QString>([&](auto done) { m_controller->sendMessage(remoteBattle, u"hello"_s, done); }),
            QString());
        const QString unknown =
            answerOf<QString>([&](auto done) { m_controller->kickPlayer(remoteBattle, u"999"_s, done); });
        QVERIFY2(unknown.contains(u"999"_s), qPrintable(unknown));
        QCOMPARE(answerOf<QString>([&](auto done) { m_controller->killBattle(remoteBattle, done); }),
                 QString());
        QTRY_COMPARE_WITH_TIMEOUT(m_controller->currentBattles(), 0, 10000);
        // This process's battle was not touched.
        QCOMPARE(m_controller->inProcessBattles(), 1);
        FeedModel *feed = m_controller->feed(remoteBattle);
        QVERIFY(feed);
        QTRY_VERIFY_WITH_TIMEOUT(
            [feed]
            {
                feed->flush();
                for (int row = 0; row < feed->count(); ++row)
                {
                    if (feed->entry(row).text.contains(u"You killed the battle."_s))
                    {
                        return true;
                    }
                }
                return false;
            }(),
            5000);

        // The remote autohost goes away: the views keep its last state and say the link is down; actions
        // fail clearly.
        QSignalSpy linkChanged(m_controller.get(), &AppController::linkChanged);
        process.kill();
        QTRY_COMPARE_WITH_TIMEOUT(m_controller->linkState(), u"unreachable"_s, 10000);
        QVERIFY(linkChanged.count() >= 1);
        QVERIFY(!m_controller->linkError().isEmpty());
        QCOMPARE(m_controller->battles()->rowCount(), 1);
        const QString lost =
            answerOf<QString>([&](auto done) { m_controller->killBattle(remoteBattle, done); });
        QVERIFY2(!lost.isEmpty(), "an action on a lost link must fail");

        // Removed while shown: the views go back to this process's autohost.
        m_controller->removeAutohost(1);
        QCOMPARE(fleet->count(), 1);
        QCOMPARE(m_controller->currentHost(), 0);
        QVERIFY(m_controller->hostInProcess());
        QCOMPARE(m_controller->linkState(), u"attached"_s);
        QCOMPARE(m_controller->battleInfo(localBattle).value(u"battleState"_s).toString(), u"running"_s);
    }

    void aRemoteLocalModeAutohostHasItsOwnForm()
    {
        openController(baseConfig());
        m_service->start();
        AutohostProcess process(QStringLiteral(AUTOHOST_BINARY), QStringLiteral(FAKE_ENGINE_PATH));
        QVERIFY2(process.problem().isEmpty(), qPrintable(process.problem()));
        QVERIFY(process.start(1, u"127.0.0.1:0"_s, {{"adminToken", "remote-token"}, {"tachyonServer", ""}}));
        const quint16 adminPort = process.waitForAdminPort();
        QVERIFY2(adminPort > 0, qPrintable(process.output()));
        QVERIFY(m_controller->connectToAutohost({}, u"127.0.0.1"_s, adminPort, u"remote-token"_s, false, {})
                    .isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_controller->fleet()->get(1).value(u"linkState"_s).toString(),
                                  u"attached"_s, 10000);
        LocalBattleForm *own = m_controller->localBattle();
        QVERIFY(own);
        own->setGameName(u"Typed here"_s);

        QSignalSpy formChanged(m_controller.get(), &AppController::hostChanged);
        m_controller->setCurrentHost(1);
        QVERIFY(formChanged.count() >= 1);
        QVERIFY(m_controller->localMode());
        LocalBattleForm *remote = m_controller->localBattle();
        QVERIFY(remote);
        QVERIFY(remote != own);
        QTRY_VERIFY(remote->availableEngines().contains(QString::fromLatin1(AutohostProcess::EngineVersion)));
        remote->setGameName(u"MiniGame 1.0"_s);
        remote->setMapName(u"MiniMap"_s);
        QSignalSpy started(remote, &LocalBattleForm::started);
        remote->start();
        QVERIFY2(started.wait(15000), QJsonDocument::fromVariant(remote->errors()).toJson().constData());
        const QString battle = started.constFirst().constFirst().toString();
        QTRY_COMPARE(m_controller->battleInfo(battle).value(u"gameName"_s).toString(), u"MiniGame 1.0"_s);
        QCOMPARE(m_controller->inProcessBattles(), 0);

        // Back on this computer: its own form, as it was left.
        m_controller->setCurrentHost(0);
        QCOMPARE(m_controller->localBattle(), own);
        QCOMPARE(own->gameName(), u"Typed here"_s);
        QVERIFY(process.stop());
    }

    void savedAutohostsComeBack()
    {
        openController(baseConfig());
        const QString path = m_dir.filePath(u"autohosts.json"_s);
        QFile::remove(path);
        QVERIFY(
            m_controller->connectToAutohost(u"Home"_s, u"127.0.0.1"_s, 1, u"tok-1"_s, false, {}).isEmpty());
        QVERIFY(m_controller->connectToAutohost({}, u"192.0.2.44"_s, 8201, u"tok-2"_s, false, {}).isEmpty());
        QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        const auto saved = SavedAutohosts::load(path);
        QVERIFY(saved);
        QCOMPARE(saved->size(), 2);
        QCOMPARE(saved->at(0).settings.token, QByteArray("tok-1"));
        QCOMPARE(saved->at(1).displayName(), u"192.0.2.44:8201"_s);

        // The next start attaches to them again; removing one forgets it.
        m_controller.reset();
        m_controller = std::make_unique<AppController>(
            m_service.get(),
            AppController::Paths{m_dir.filePath(u"config.json"_s), m_dir.filePath(u"desktop.ini"_s), path});
        Fleet *fleet = m_controller->fleet();
        QCOMPARE(fleet->count(), 3);
        QCOMPARE(fleet->name(1), u"Home"_s);
        QCOMPARE(fleet->get(1).value(u"address"_s).toString(), u"127.0.0.1:1"_s);
        QCOMPARE(fleet->name(2), u"192.0.2.44:8201"_s);
        QVERIFY(fleet->get(1).value(u"linkState"_s).toString() != u"detached"_s);
        m_controller->removeAutohost(1);
        const auto left = SavedAutohosts::load(path);
        QVERIFY(left);
        QCOMPARE(left->size(), 1);
        QCOMPARE(left->at(0).settings.host, u"192.0.2.44"_s);
        QFile::remove(path);
    }

    void quitStopsTheBattlesAndTheApplication()
    {
        connectToServer();
        const QString battle = startBattle(u"join,0|join,1"_s);
        QVERIFY(!battle.isEmpty());
        QTRY_COMPARE(m_controller->currentBattles(), 1);
        QSignalSpy shuttingDown(m_controller.get(), &AppController::shuttingDownChanged);
        QSignalSpy finished(m_service.get(), &AutohostService::finished);

        QTimer::singleShot(0, m_controller.get(), &AppController::quit);
        QCOMPARE(runUntilExit(30000), 0);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(shuttingDown.count(), 1);
        QVERIFY(m_controller->shuttingDown());
        QCOMPARE(m_controller->currentBattles(), 0);
        QCOMPARE(m_controller->battleInfo(battle).value(u"battleState"_s).toString(), u"ended"_s);
        QVERIFY(engineLog(battle).contains(u"[fake] received: /kill"_s));
        const QList<Json> received = m_server->received(m_connection);
        QCOMPARE(received.constLast().value("commandId", ""), std::string("system/disconnect"));
        QCOMPARE(statuses().constLast().value("maxBattles", -1), 0);
    }

    void quitAgainKillsAtOnce()
    {
        // An engine that ignores /kill and SIGTERM, and a grace period longer than the test's patience:
        // only the second quit, which kills every engine, lets the application end in time.
        m_server = std::make_unique<FakeTachyonServer>();
        QVERIFY(m_server->listen());
        Config config = serverConfig();
        config.engineKillGraceSeconds = 120;
        openController(config);
        m_service->start();
        m_connection = m_server->waitForReadyAutohost();
        QVERIFY(m_connection >= 0);
        const QString battle = startBattle(u"join,0"_s, u"hang"_s);
        QVERIFY(!battle.isEmpty());
        QTRY_VERIFY(engineLog(battle).contains(u"[fake] hanging"_s));
        QSignalSpy finished(m_service.get(), &AutohostService::finished);

        QTimer::singleShot(0, m_controller.get(), &AppController::quit);
        QTimer::singleShot(1000, m_controller.get(), &AppController::quit);
        QCOMPARE(runUntilExit(30000), 0);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(m_controller->currentBattles(), 0);
        QVERIFY(m_controller->shuttingDown());
    }
};

QTEST_MAIN(TestAppController)
#include "tst_appcontroller.moc"
