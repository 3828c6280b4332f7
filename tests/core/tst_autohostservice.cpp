#include <csignal>

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "autohostservice.h"
#include "conformanceoracle.h"
#include "faketachyonserver.h"
#include "local/localbattleplan.h"
#include "processlimits.h"
#include "testarchive.h"
#include "testhttpserver.h"
#include "util/conversions.h"

#include <sys/resource.h>

using namespace Qt::Literals::StringLiterals;

// The autohost end to end over real sockets and processes: a fake Tachyon server (OAuth2 + WebSocket on
// loopback) drives the service exactly as a lobby server would, and battles run the fake engine.
class TestAutohostService : public QObject
{
    Q_OBJECT

private:
    static constexpr auto EngineVersion = "105.1.1-2590-gb9462a0 BAR105";
    QTemporaryDir m_dir;
    std::unique_ptr<FakeTachyonServer> m_server;
    std::unique_ptr<AutohostService> m_service;
    int m_connection = -1;
    int m_portBase = 0;
    QList<Json> m_allMessages; // everything the autohost sent, over all tests, for the conformance oracle
    QString m_journalDir;      // the test's own: nothing carries over from another test
    TestHttpServer m_cdn;      // the BAR file CDN's find API and an engine archive

    Config config() const
    {
        Config config = m_server->autohostConfig();
        config.hostingIP = u"192.0.2.10"_s;
        config.engineBindIP = u"127.0.0.1"_s;
        config.maxBattles = 3;
        config.enginesDir = m_dir.filePath(u"engines"_s);
        config.instancesDir = m_dir.filePath(u"instances"_s);
        config.systemEngines = false; // the status assertions list exactly the engines of the test
        config.engineStartPort = m_portBase;
        config.engineAutohostStartPort = m_portBase + 500;
        config.maxPortsUsed = 100;
        config.engineStartTimeoutSeconds = 1.5;
        config.engineKillGraceSeconds = 3;
        config.engineCdnBaseUrl = m_cdn.url(u"/cdn"_s).toString();
        config.journalDir = m_journalDir;
        return config;
    }

    // Replaces the service, as a restart of the autohost on the same journal would (the old one must be gone:
    // cleanly shut down, or destroyed as a crash would leave it); the new connection, ready.
    bool restartService()
    {
        m_service = std::make_unique<AutohostService>(config());
        if (!m_service->start().ok())
        {
            return false;
        }
        m_connection = m_server->waitForReadyAutohost();
        return m_connection >= 0;
    }

    bool shutdownService()
    {
        QSignalSpy finished(m_service.get(), &AutohostService::finished);
        m_service->shutdown(u"restart"_s);
        const bool done = finished.count() == 1 || finished.wait(30000);
        m_service.reset();
        return done;
    }

    // The updates of that type the current connection received for the battle.
    int countUpdates(const QUuid &battle, const std::string &type) const
    {
        const QList<Json> updates = updatesOf(battle);
        return int(std::count_if(updates.cbegin(), updates.cend(),
                                 [&type](const Json &data)
                                 { return data.at("update").value("type", "") == type; }));
    }

    static Json startData(const QUuid &id, const QList<QPair<QString, QString>> &gameOptions = {},
                          const QString &engine = QString::fromLatin1(EngineVersion))
    {
        Json options = Json::object();
        for (const auto &[key, value] : gameOptions)
        {
            options[toStdString(key)] = toStdString(value);
        }
        return {
            {"battleId", toStdString(uuidText(id))},
            {"engineVersion", toStdString(engine)},
            {"gameName", "MiniGame 1.0"},
            {"mapName", "MiniMap"},
            {"startPosType", "ingame"},
            {"allyTeams",
             {{{"teams", {{{"players", {{{"userId", "1001"}, {"name", "Alice"}, {"password", "pwA"}}}}}}}},
              {{"teams", {{{"players", {{{"userId", "1002"}, {"name", "Bob"}, {"password", "pwB"}}}}}}}}}},
            {"spectators", {{{"userId", "1003"}, {"name", "Carol"}, {"password", "pwC"}}}},
            {"gameOptions", options},
            {"luamsgRegexp", "^minigame:"}};
    }

    Json request(const QString &command, const Json &data, int timeout = 8000)
    {
        const QString id = m_server->sendRequest(m_connection, command, data);
        return m_server->waitForResponse(id, timeout);
    }

    // The autohost/update events of a battle received on the current connection, in order.
    QList<Json> updatesOf(const QUuid &battle) const
    {
        QList<Json> updates;
        for (const Json &message : m_server->received(m_connection))
        {
            if (message.value("commandId", "") == "autohost/update" &&
                message.at("data").value("battleId", "") == toStdString(uuidText(battle)))
            {
                updates.append(message.at("data"));
            }
        }
        return updates;
    }

    bool hasUpdate(const QUuid &battle, const std::string &type) const
    {
        for (const Json &update : updatesOf(battle))
        {
            if (update.at("update").value("type", "") == type)
            {
                return true;
            }
        }
        return false;
    }

    Json lastStatus() const
    {
        Json status;
        for (const Json &message : m_server->received(m_connection))
        {
            if (message.value("commandId", "") == "autohost/status")
            {
                status = message.at("data");
            }
        }
        return status;
    }

    QUuid startBattle(const QList<QPair<QString, QString>> &gameOptions = {})
    {
        const QUuid id = QUuid::createUuid();
        const Json response = request(u"autohost/start"_s, startData(id, gameOptions));
        if (response.value("status", "") != "success")
        {
            qWarning("start failed: %s", dumpJson(response).c_str());
            return {};
        }
        return id;
    }

    void collectMessages()
    {
        // Responses to the commands this test makes up have no validator to judge them.
        for (const Json &message : m_server->allReceived())
        {
            const std::string command = message.value("commandId", "");
            if (command != "autohost/dance" && command != "autohost/nope")
            {
                m_allMessages.append(message);
            }
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Install the fake engine as an engine version, the way engines/<version>/ directories look.
        const QString engineDir = m_dir.filePath(u"engines/"_s + QString::fromLatin1(EngineVersion));
        QVERIFY(QDir().mkpath(engineDir));
        QVERIFY(QFile::link(QStringLiteral(FAKE_ENGINE_PATH), engineDir + u"/spring-dedicated"_s));
        m_portBase = 31000 + int(QCoreApplication::applicationPid() % 40) * 200;
        QVERIFY(m_cdn.listen());
    }

    void init()
    {
        m_server = std::make_unique<FakeTachyonServer>();
        m_server->setServerStatsUserCount(4242);
        QVERIFY(m_server->listen());
        m_journalDir = m_dir.filePath(u"journal-"_s + QString::fromLatin1(QTest::currentTestFunction()));
        m_service = std::make_unique<AutohostService>(config());
        QVERIFY(m_service->start().ok());
        m_connection = m_server->waitForReadyAutohost();
        QVERIFY(m_connection >= 0);
    }

    void cleanup()
    {
        if (m_service)
        {
            QSignalSpy finished(m_service.get(), &AutohostService::finished);
            m_service->shutdown(u"test finished"_s);
            QVERIFY(finished.count() == 1 || finished.wait(30000));
        }
        collectMessages();
        m_service.reset();
        m_server.reset();
    }

    void cleanupTestCase()
    {
        QVERIFY(m_allMessages.size() > 50);
        const Status conformant = ConformanceOracle::checkAll(m_allMessages);
        QVERIFY2(conformant.ok(), qPrintable(conformant.ok() ? QString() : conformant.error()));
    }

    void statusIsTheFirstMessage()
    {
        const QList<Json> received = m_server->received(m_connection);
        QVERIFY(!received.isEmpty());
        const Json &first = received.constFirst();
        QCOMPARE(first.value("type", ""), std::string("event"));
        QCOMPARE(first.value("commandId", ""), std::string("autohost/status"));
        QCOMPARE(first.at("data").at("maxBattles").get<int>(), 3);
        QCOMPARE(first.at("data").at("currentBattles").get<int>(), 0);
        QCOMPARE(dumpJson(first.at("data").at("availableEngines")),
                 "[\"" + std::string(EngineVersion) + "\"]");
        QTRY_COMPARE(m_service->serverUserCount().value_or(-1), 4242);
    }

    void statusFollowsTheInstalledEngines()
    {
        const QString dir = m_dir.filePath(u"engines/2025.06.22"_s);
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QFile::link(QStringLiteral(FAKE_ENGINE_PATH), dir + u"/spring-dedicated"_s));
        const std::string both = "[\"105.1.1-2590-gb9462a0 BAR105\",\"2025.06.22\"]";
        QTRY_COMPARE_WITH_TIMEOUT(dumpJson(lastStatus().value("availableEngines", Json())), both, 5000);
        QVERIFY(QDir(dir).removeRecursively());
        QTRY_COMPARE_WITH_TIMEOUT(dumpJson(lastStatus().value("availableEngines", Json())),
                                  "[\"" + std::string(EngineVersion) + "\"]", 5000);
    }

    void installEngineDownloadsOnceAndReportsTheEngine()
    {
        const QString version = u"2025.07.07"_s;
        QTemporaryDir scratch;
        const QString archivePath = scratch.filePath(u"engine.7z"_s);
        TestArchive archive;
        archive.addFile(u"spring-dedicated"_s, "#!/bin/sh\n", 0755).addFile(u"base/content.sdz"_s, "content");
        QVERIFY(archive.write7z(archivePath));
        QFile file(archivePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        TestHttpServer::Response download; // slow enough that every answer comes before the install ends
        download.body = file.readAll();
        download.chunkSize = 256;
        download.chunkDelayMs = 50;
        m_cdn.setResponse(u"/files/engine.7z"_s, download);
        TestHttpServer::Response find;
        find.body = dumpJsonBytes(Json::array(
            {{{"filename", "engine.7z"},
              {"springname", toStdString(version)},
              {"md5", QCryptographicHash::hash(download.body, QCryptographicHash::Md5).toHex().toStdString()},
              {"category", "engine_linux64"},
              {"version", "2025.07.07"},
              {"path", "engine/linux64"},
              {"tags", Json::array()},
              {"size", download.body.size()},
              {"timestamp", "2025-07-07T00:00:00Z"},
              {"mirrors", Json::array({toStdString(m_cdn.url(u"/files/engine.7z"_s).toString())})}}}));
        m_cdn.setResponse(u"/cdn/find"_s, find);

        // Ten requests at once: each answered success at once, one lookup and one download.
        QStringList ids;
        for (int i = 0; i < 10; ++i)
        {
            ids.append(m_server->sendRequest(m_connection, u"autohost/installEngine"_s,
                                             Json{{"version", toStdString(version)}}));
        }
        for (const QString &id : std::as_const(ids))
        {
            QCOMPARE(m_server->waitForResponse(id, 8000).value("status", ""), std::string("success"));
        }
        QVERIFY(m_service->installer()->isInstalling(version));
        const std::string both = "[\"105.1.1-2590-gb9462a0 BAR105\",\"2025.07.07\"]";
        QTRY_COMPARE_WITH_TIMEOUT(dumpJson(lastStatus().value("availableEngines", Json())), both, 20000);
        QCOMPARE(m_cdn.requestCount(u"/cdn/find"_s), 1);
        QCOMPARE(m_cdn.requestCount(u"/files/engine.7z"_s), 1);
        QVERIFY(QFileInfo(m_dir.filePath(u"engines/2025.07.07/spring-dedicated"_s)).isExecutable());

        // Installed: another request is answered and changes nothing.
        QCOMPARE(
            request(u"autohost/installEngine"_s, Json{{"version", toStdString(version)}}).value("status", ""),
            std::string("success"));
        QTest::qWait(200);
        QCOMPARE(m_cdn.requestCount(u"/cdn/find"_s), 1);
        QVERIFY(QDir(m_dir.filePath(u"engines/2025.07.07"_s)).removeRecursively());
    }

    void startRunsABattleAndKillEndsIt()
    {
        const QUuid id = QUuid::createUuid();
        const Json response = request(u"autohost/start"_s, startData(id));
        QCOMPARE(response.value("status", ""), std::string("success"));
        QCOMPARE(dumpJson(response.at("data")),
                 std::string(R"({"ips":["192.0.2.10"],"port":)") + std::to_string(m_portBase + 1) + "}");
        QTRY_COMPARE(lastStatus().value("currentBattles", -1), 1);
        QVERIFY(QFile::exists(m_dir.filePath(u"instances/"_s + uuidText(id) + u"/script.txt"_s)));

        const Json killed = request(u"autohost/kill"_s, {{"battleId", toStdString(uuidText(id))}});
        QCOMPARE(killed.value("status", ""), std::string("success"));
        QVERIFY(!killed.contains("data"));
        QTRY_VERIFY_WITH_TIMEOUT(hasUpdate(id, "engine_quit"), 10000);
        QTRY_COMPARE(lastStatus().value("currentBattles", -1), 0);
        const QList<Json> updates = updatesOf(id);
        QCOMPARE(updates.constLast().at("update").value("type", ""), std::string("engine_quit"));
        // A battle id that ran is never used again.
        QCOMPARE(request(u"autohost/start"_s, startData(id)).value("reason", ""),
                 std::string("battle_already_exists"));
    }

    void engineEventsBecomeUpdates()
    {
        const QUuid id =
            startBattle({{u"fakescript"_s,
                          u"join,0|join,1|join,2|chat,0,254,gl hf|chat,1,252,push|chat,2,0,psst|startplaying|"
                          u"luamsg,0,100,0,bWluaWdhbWU6aGk=|luamsg,1,100,0,b3RoZXI=|defeated,1|gameover,0,0|"
                          u"gameover,1,0|left,0,1|left,1,0|left,2,1"_s}});
        QVERIFY(!id.isNull());
        QTRY_VERIFY_WITH_TIMEOUT(hasUpdate(id, "player_left") && updatesOf(id).size() >= 13, 10000);
        QList<std::string> seen;
        qint64 previousTime = 0;
        for (const Json &data : updatesOf(id))
        {
            const qint64 time = data.at("time").get<qint64>();
            QVERIFY(time > previousTime);
            previousTime = time;
            if (data.at("update").value("type", "") != "engine_message")
            {
                seen.append(dumpJson(data.at("update")));
            }
        }
        const QList<std::string> expected = {
            R"({"type":"player_joined","userId":"1001","playerNumber":0})",
            R"({"type":"player_joined","userId":"1002","playerNumber":1})",
            R"({"type":"player_joined","userId":"1003","playerNumber":2})",
            R"({"type":"player_chat","userId":"1001","message":"gl hf","destination":"all"})",
            R"({"type":"player_chat","userId":"1002","message":"push","destination":"allies"})",
            R"({"type":"player_chat","userId":"1003","message":"psst","destination":"player","toUserId":"1001"})",
            R"({"type":"start"})",
            R"({"type":"luamsg","userId":"1001","script":"rules","data":"bWluaWdhbWU6aGk="})",
            R"({"type":"player_defeated","userId":"1002"})",
            R"({"type":"finished","userId":"1001","winningAllyTeams":[0]})",
            R"({"type":"finished","userId":"1002","winningAllyTeams":[0]})",
            R"({"type":"player_left","userId":"1001","reason":"left"})",
            R"({"type":"player_left","userId":"1002","reason":"lost_connection"})",
            R"({"type":"player_left","userId":"1003","reason":"left"})",
        };
        QCOMPARE(seen, expected);
    }

    void requestsReachTheEngine()
    {
        const QUuid id = startBattle();
        QVERIFY(!id.isNull());
        const std::string battle = toStdString(uuidText(id));
        const auto ok = [this](const QString &command, const Json &data)
        {
            const Json response = request(command, data);
            if (response.value("status", "") != "success")
            {
                qWarning("%s", dumpJson(response).c_str());
            }
            return response.value("status", "") == "success";
        };
        QVERIFY(ok(u"autohost/addPlayer"_s,
                   {{"battleId", battle}, {"userId", "1004"}, {"name", "Dave"}, {"password", "pwD"}}));
        // Dave connects (the fake engine plays it when told to), so that the engine can kick him.
        QVERIFY(ok(u"autohost/sendCommand"_s,
                   {{"battleId", battle}, {"command", "fakeplay"}, {"arguments", {"join,3"}}}));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&]
            {
                for (const Json &data : updatesOf(id))
                {
                    if (dumpJson(data.at("update")) ==
                        R"({"type":"player_joined","userId":"1004","playerNumber":3})")
                    {
                        return true;
                    }
                }
                return false;
            }(),
            5000);
        QVERIFY(ok(u"autohost/kickPlayer"_s, {{"battleId", battle}, {"userId", "1004"}}));
        QVERIFY(ok(u"autohost/mutePlayer"_s,
                   {{"battleId", battle}, {"userId", "1002"}, {"chat", true}, {"draw", true}}));
        QVERIFY(ok(u"autohost/specPlayers"_s, {{"battleId", battle}, {"userIds", {"1001", "1002"}}}));
        QVERIFY(ok(u"autohost/specPlayers"_s, {{"battleId", battle}, {"userIds", Json::array()}}));
        QVERIFY(ok(u"autohost/sendMessage"_s, {{"battleId", battle}, {"message", "/not a command"}}));
        QVERIFY(ok(u"autohost/sendCommand"_s,
                   {{"battleId", battle}, {"command", "luarules"}, {"arguments", {"ping", "all of you"}}}));
        const QString log = m_dir.filePath(u"instances/"_s + uuidText(id) + u"/engine.log"_s);
        const auto logText = [&log]
        {
            QFile file(log);
            return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(logText().contains(u"/luarules ping all of you"_s), 5000);
        for (const QString &line : {u"/adduser Dave pwD 1"_s, u"/kickbynum 3"_s, u"/mutebynum 1 1 1"_s,
                                    u"/specbynum 0"_s, u"/specbynum 1"_s, u"//not a command"_s})
        {
            QVERIFY2(logText().contains(line), qPrintable(line));
        }
        // The kicked spectator added later resolves to its userId.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&]
            {
                for (const Json &data : updatesOf(id))
                {
                    if (dumpJson(data.at("update")) ==
                        R"({"type":"player_left","userId":"1004","reason":"kicked"})")
                    {
                        return true;
                    }
                }
                return false;
            }(),
            5000);
    }

    void failuresAnswerWithReasonAndDetails_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("data");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("detailsContain");
        const QString unknown = u"75bfc493-2b9d-495d-a453-06722fdca2ea"_s;
        QTest::newRow("kill unknown battle") << u"autohost/kill"_s << uR"({"battleId":"%1"})"_s.arg(unknown)
                                             << u"invalid_request"_s << unknown;
        QTest::newRow("kick unknown battle")
            << u"autohost/kickPlayer"_s << uR"({"battleId":"%1","userId":"1"})"_s.arg(unknown)
            << u"invalid_request"_s << u"data.battleId"_s;
        QTest::newRow("kill without data")
            << u"autohost/kill"_s << QString() << u"invalid_request"_s << u"data"_s;
        QTest::newRow("kill bad uuid") << u"autohost/kill"_s << uR"({"battleId":"nope"})"_s
                                       << u"invalid_request"_s << u"data.battleId"_s;
        QTest::newRow("message too long")
            << u"autohost/sendMessage"_s
            << uR"({"battleId":"%1","message":"%2"})"_s.arg(unknown, QString(128, u'x'))
            << u"invalid_request"_s << u"data.message"_s;
        QTest::newRow("unknown command")
            << u"autohost/dance"_s << u"{}"_s << u"command_unimplemented"_s << u"autohost/dance"_s;
        QTest::newRow("install engine outside engines/")
            << u"autohost/installEngine"_s << uR"({"version":"../2025.01.5"})"_s << u"invalid_request"_s
            << u"data.version"_s;
        QTest::newRow("unknown engine")
            << u"autohost/start"_s << toQString(dumpJson(startData(QUuid::createUuid(), {}, u"1.2.3"_s)))
            << u"engine_version_not_available"_s << u"1.2.3"_s;
        Json unsafe = startData(QUuid::createUuid());
        unsafe["allyTeams"][0]["teams"][0]["players"][0]["name"] = "Al;ice";
        QTest::newRow("unsafe name") << u"autohost/start"_s << toQString(dumpJson(unsafe))
                                     << u"invalid_request"_s
                                     << u"data.allyTeams[0].teams[0].players[0].name"_s;
        Json badRegexp = startData(QUuid::createUuid());
        badRegexp["luamsgRegexp"] = "(";
        QTest::newRow("regexp does not compile") << u"autohost/start"_s << toQString(dumpJson(badRegexp))
                                                 << u"invalid_request"_s << u"data.luamsgRegexp"_s;
    }

    void failuresAnswerWithReasonAndDetails()
    {
        QFETCH(QString, command);
        QFETCH(QString, data);
        QFETCH(QString, reason);
        QFETCH(QString, detailsContain);
        std::optional<Json> json;
        if (!data.isEmpty())
        {
            json = Json::parse(data.toStdString());
        }
        const QString messageId = m_server->sendRequest(m_connection, command, json);
        const Json response = m_server->waitForResponse(messageId);
        QCOMPARE(toQString(response.value("status", "")), u"failed"_s);
        QCOMPARE(toQString(response.value("reason", "")), reason);
        QCOMPARE(toQString(response.value("commandId", "")), command);
        QVERIFY2(toQString(response.value("details", "")).contains(detailsContain),
                 dumpJson(response).c_str());
    }

    void failedStartAnswersWithDetailsAndFreesTheId()
    {
        const QUuid id = QUuid::createUuid();
        const Json failed = request(u"autohost/start"_s, startData(id, {{u"fakestartup"_s, u"crash"_s}}));
        QCOMPARE(failed.value("status", ""), std::string("failed"));
        QCOMPARE(failed.value("reason", ""), std::string("internal_error"));
        QVERIFY2(toQString(failed.value("details", "")).contains(u"exit code 3"_s), dumpJson(failed).c_str());
        QVERIFY(updatesOf(id).isEmpty());
        // The id of a failed start may be used again once its engine is gone.
        QTRY_COMPARE(m_service->battles()->currentBattles(), 0);
        const Json retried = request(u"autohost/start"_s, startData(id));
        QCOMPARE(retried.value("status", ""), std::string("success"));

        const Json timedOut =
            request(u"autohost/start"_s, startData(QUuid::createUuid(), {{u"fakestartup"_s, u"never"_s}}));
        QCOMPARE(timedOut.value("reason", ""), std::string("internal_error"));
        QVERIFY(toQString(timedOut.value("details", "")).contains(u"SERVER_STARTED"_s));
    }

    void capacityIsEnforced()
    {
        for (int i = 0; i < 3; ++i)
        {
            QVERIFY(!startBattle().isNull());
        }
        QTRY_COMPARE(lastStatus().value("currentBattles", -1), 3);
        const Json full = request(u"autohost/start"_s, startData(QUuid::createUuid()));
        QCOMPARE(full.value("reason", ""), std::string("invalid_request"));
        QVERIFY(toQString(full.value("details", "")).contains(u"slots"_s));
    }

    void aSlowStartDoesNotDelayAKill()
    {
        const QUuid running = startBattle();
        QVERIFY(!running.isNull());
        const QUuid slow = QUuid::createUuid();
        const QString startId = m_server->sendRequest(m_connection, u"autohost/start"_s,
                                                      startData(slow, {{u"fakestartup"_s, u"delay:1000"_s}}));
        const QString killId = m_server->sendRequest(m_connection, u"autohost/kill"_s,
                                                     Json{{"battleId", toStdString(uuidText(running))}});
        QCOMPARE(m_server->waitForResponse(killId).value("status", ""), std::string("success"));
        QVERIFY(m_server->waitForResponse(startId, 1).is_null()); // still starting
        QCOMPARE(m_server->waitForResponse(startId).value("status", ""), std::string("success"));
    }

    void everyRequestGetsExactlyOneResponse()
    {
        const QUuid id = startBattle();
        QStringList ids;
        for (int i = 0; i < 20; ++i)
        {
            ids.append(
                m_server->sendRequest(m_connection, u"autohost/sendMessage"_s,
                                      Json{{"battleId", toStdString(uuidText(id))}, {"message", "hi"}}));
            ids.append(m_server->sendRequest(m_connection, u"autohost/nope"_s));
        }
        for (const QString &messageId : ids)
        {
            QVERIFY(!m_server->waitForResponse(messageId).is_null());
        }
        QTest::qWait(200);
        QHash<std::string, int> responses;
        for (const Json &message : m_server->received(m_connection))
        {
            if (message.value("type", "") == "response")
            {
                ++responses[message.value("messageId", "")];
            }
        }
        for (const QString &messageId : ids)
        {
            QCOMPARE(responses.value(toStdString(messageId)), 1);
        }
    }

    void subscribeReplaysStrictlyAfterSince()
    {
        const QUuid id = startBattle({{u"fakescript"_s, u"join,0|join,1|chat,0,254,one|chat,0,254,two"_s}});
        QTRY_VERIFY_WITH_TIMEOUT(updatesOf(id).size() >= 6, 5000);
        // The script has run to its end (no update for 300 ms): a live update arriving between the request
        // and its response would be taken for the response.
        qsizetype seen = updatesOf(id).size();
        QElapsedTimer quiet;
        quiet.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&]
            {
                if (const qsizetype now = updatesOf(id).size(); now != seen)
                {
                    seen = now;
                    quiet.restart();
                }
                return quiet.elapsed() >= 300;
            }(),
            5000);
        const QList<Json> live = updatesOf(id);
        const qint64 since = live.at(2).at("time").get<qint64>();
        const int before = int(m_server->received(m_connection).size());
        const QString messageId =
            m_server->sendRequest(m_connection, u"autohost/subscribeUpdates"_s, Json{{"since", since}});
        QVERIFY(!m_server->waitForResponse(messageId).is_null());
        QTRY_VERIFY(m_server->received(m_connection).size() >= before + 1 + live.size() - 3);
        const QList<Json> after = m_server->received(m_connection).mid(before);
        // The response first, then the updates with time > since, oldest first.
        QCOMPARE(after.at(0).value("messageId", ""), toStdString(messageId));
        QList<qint64> replayed;
        for (const Json &message : after.mid(1))
        {
            if (message.value("commandId", "") == "autohost/update")
            {
                replayed.append(message.at("data").at("time").get<qint64>());
            }
        }
        QList<qint64> expected;
        for (const Json &data : live.mid(3))
        {
            expected.append(data.at("time").get<qint64>());
        }
        QCOMPARE(replayed.mid(0, expected.size()), expected);

        const QString tooOld = m_server->sendRequest(
            m_connection, u"autohost/subscribeUpdates"_s,
            Json{{"since", QDateTime::currentMSecsSinceEpoch() * 1000 - qint64(3600) * 1000000}});
        const Json refused = m_server->waitForResponse(tooOld);
        QCOMPARE(refused.value("reason", ""), std::string("invalid_request"));
        QVERIFY(toQString(refused.value("details", "")).contains(u"data.since"_s));
    }

    void localBattlesStayOffTheServer()
    {
        LocalBattlePlan plan;
        plan.engineVersion = QString::fromLatin1(EngineVersion);
        plan.gameName = u"MiniGame 1.0"_s;
        plan.mapName = u"MiniMap"_s;
        plan.allyTeams = {{u"Alice"_s}, {u"Bob"_s}};
        const auto local = plan.toStartRequest();
        QVERIFY(local.ok());
        QList<UpdateBuffer::Entry> buffered;
        QObject receiver; // ends the connection with this test
        connect(m_service->updates(), &UpdateBuffer::appended, &receiver,
                [&buffered](const UpdateBuffer::Entry &entry) { buffered.append(entry); });
        const auto localUpdates = [&]
        {
            return std::count_if(buffered.cbegin(), buffered.cend(),
                                 [&](const UpdateBuffer::Entry &entry)
                                 { return entry.battleId == local->battleId; });
        };

        std::optional<Result<BattleManager::StartSuccess, RequestFailure>> outcome;
        m_service->startLocalBattle(*local, [&outcome](const auto &result) { outcome = result; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
        QVERIFY(outcome->ok());
        QCOMPARE((*outcome)->port, quint16(m_portBase + 1));
        // It takes a slot like any battle.
        QTRY_COMPARE(lastStatus().value("currentBattles", -1), 1);
        QVERIFY(m_service->battles()->find(local->battleId).ok());
        m_service->battles()->find(local->battleId).value()->stop(u"test"_s);
        QTRY_VERIFY_WITH_TIMEOUT(localUpdates() >= 2, 10000);
        QTRY_COMPARE(lastStatus().value("currentBattles", -1), 0);
        QCOMPARE(buffered.constLast().update().value("type", ""), std::string("engine_quit"));

        // A served battle's updates arrive; a replay from before the local battle, which follows its response
        // at once, leaves the local battle out as well.
        const QUuid served = startBattle();
        QVERIFY(!served.isNull());
        QTRY_VERIFY_WITH_TIMEOUT(!updatesOf(served).isEmpty(), 10000);
        const int before = int(m_server->received(m_connection).size());
        const Json subscribed =
            request(u"autohost/subscribeUpdates"_s, Json{{"since", buffered.constFirst().time - 1}});
        QCOMPARE(subscribed.value("status", ""), std::string("success"));
        QVERIFY(!request(u"autohost/kill"_s, {{"battleId", toStdString(uuidText(served))}}).is_null());
        const QList<Json> replay = m_server->received(m_connection).mid(before);
        QVERIFY(std::any_of(replay.cbegin(), replay.cend(),
                            [&](const Json &message)
                            {
                                return message.value("commandId", "") == "autohost/update" &&
                                       message.at("data").value("battleId", "") ==
                                           toStdString(uuidText(served));
                            }));
        QVERIFY(updatesOf(local->battleId).isEmpty());
        QVERIFY(localUpdates() >= 2);
    }

    void battlesSurviveAReconnect()
    {
        const QUuid id = startBattle();
        QVERIFY(!id.isNull());
        m_server->closeConnection(m_connection, QWebSocketProtocol::CloseCodeGoingAway, u"restart"_s);
        const int next = m_server->waitForConnection(10000);
        QVERIFY(next >= 0);
        m_connection = next;
        QVERIFY(!m_server
                     ->waitForMessage([](const Json &m)
                                      { return m.value("commandId", "") == "autohost/subscribeUpdates"; })
                     .is_null());
        QTRY_VERIFY(!m_server->received(next).isEmpty());
        const QList<Json> received = m_server->received(next);
        QVERIFY(!received.isEmpty());
        QCOMPARE(received.constFirst().value("commandId", ""), std::string("autohost/status"));
        QCOMPARE(received.constFirst().at("data").at("currentBattles").get<int>(), 1);
        QCOMPARE(m_service->battles()->find(id).ok(), true);
        QCOMPARE(m_service->battles()->find(id).value()->state(), Battle::State::Running);
        // The server's token is fresh for every connection.
        QVERIFY(m_server->tokenRequestCount() >= 2);
    }

    // SIGTERM's drain: no capacity first, starts refused, the battle runs on until the drain timeout stops it
    // as autohost/kill does, then the goodbye.
    void drainStopsBattlesWhenTheTimeIsUp()
    {
        Config shortDrain = m_service->config();
        shortDrain.drainTimeoutSeconds = 2;
        QCOMPARE(m_service->applyConfig(shortDrain).applied, QStringList{u"drainTimeoutSeconds"_s});
        const QUuid id = startBattle();
        QVERIFY(!id.isNull());
        QTRY_COMPARE(lastStatus().value("currentBattles", -1), 1);
        QSignalSpy finished(m_service.get(), &AutohostService::finished);
        m_service->drain(u"maintenance"_s);
        QVERIFY(m_service->draining());
        QTRY_COMPARE(lastStatus().value("maxBattles", -1), 0);

        const Json refused = request(u"autohost/start"_s, startData(QUuid::createUuid()));
        QCOMPARE(refused.value("reason", ""), std::string("invalid_request"));
        QCOMPARE(refused.value("details", ""),
                 std::string(
                     "the autohost is shutting down: it accepts no new battles while its running ones end"));
        // The running battle is still served.
        const Json message = request(u"autohost/sendMessage"_s,
                                     Json{{"battleId", toStdString(uuidText(id))}, {"message", "bye"}});
        QCOMPARE(message.value("status", ""), std::string("success"));
        QCOMPARE(m_service->battles()->find(id).value()->state(), Battle::State::Running);
        QVERIFY(!hasUpdate(id, "engine_quit"));

        QVERIFY(finished.wait(20000));
        QVERIFY(!m_service->draining());
        // Stopped as autohost/kill does: the engine got /kill and quit.
        QFile log(m_dir.filePath(u"instances/"_s + uuidText(id) + u"/engine.log"_s));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("Server killed!"));
        const QList<Json> received = m_server->received(m_connection);
        qsizetype noCapacity = -1;
        qsizetype quit = -1;
        for (qsizetype i = 0; i < received.size(); ++i)
        {
            const Json &event = received.at(i);
            if (noCapacity < 0 && event.value("commandId", "") == "autohost/status" &&
                event.at("data").value("maxBattles", -1) == 0)
            {
                noCapacity = i;
            }
            if (event.value("commandId", "") == "autohost/update" &&
                event.at("data").at("update").value("type", "") == "engine_quit")
            {
                quit = i;
            }
        }
        QVERIFY(noCapacity >= 0 && quit > noCapacity);
        QCOMPARE(received.constLast().value("commandId", ""), std::string("system/disconnect"));
        QCOMPARE(received.constLast().at("data").value("reason", ""), std::string("maintenance"));
        m_service.reset();
    }

    void drainEndsWhenTheBattlesEndByThemselves()
    {
        QCOMPARE(m_service->config().drainTimeoutSeconds, 7200.0);
        const QUuid id = startBattle({{u"fakeafterstart"_s, u"quit:4000"_s}});
        QVERIFY(!id.isNull());
        QSignalSpy finished(m_service.get(), &AutohostService::finished);
        m_service->drain(u"maintenance"_s);
        QCOMPARE(m_service->battles()->currentBattles(), 1);
        QVERIFY(m_service->draining());
        QVERIFY(finished.wait(20000));
        QVERIFY(hasUpdate(id, "engine_quit"));
        QFile log(m_dir.filePath(u"instances/"_s + uuidText(id) + u"/engine.log"_s));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(!log.readAll().contains("Server killed!"));
        QCOMPARE(m_server->received(m_connection).constLast().value("commandId", ""),
                 std::string("system/disconnect"));
        m_service.reset();
    }

    void shutdownEndsADrainAtOnce()
    {
        const QUuid id = startBattle();
        QVERIFY(!id.isNull());
        QSignalSpy finished(m_service.get(), &AutohostService::finished);
        m_service->drain(u"maintenance"_s);
        QVERIFY(m_service->draining());
        m_service->shutdown(u"now"_s);
        QVERIFY(!m_service->draining());
        QVERIFY(finished.wait(20000));
        QVERIFY(hasUpdate(id, "engine_quit"));
        // The first reason stays the one the server hears.
        QCOMPARE(m_server->received(m_connection).constLast().at("data").value("reason", ""),
                 std::string("maintenance"));
        m_service.reset();
    }

    void aNewConfigurationChangesWhatCanChange()
    {
        const Config before = m_service->config();
        Config next = before;
        next.maxBattles = 5;
        next.engineSettings = {{u"ReloadedSetting"_s, u"1"_s}};
        next.engineNiceLevel = 3;
        next.serverStatsIntervalSeconds = 7;
        next.tachyonServer = u"lobby.example.com"_s;
        next.enginesDir = m_dir.filePath(u"elsewhere"_s);
        const AutohostService::ConfigChange change = m_service->applyConfig(next);
        QCOMPARE(change.applied, (QStringList{u"serverStatsIntervalSeconds"_s, u"maxBattles"_s,
                                              u"engineSettings"_s, u"engineNiceLevel"_s}));
        QCOMPARE(change.needsRestart, (QStringList{u"tachyonServer"_s, u"enginesDir"_s}));
        QTRY_COMPARE(lastStatus().value("maxBattles", -1), 5);
        QCOMPARE(m_service->config().maxBattles, 5);
        QCOMPARE(m_service->config().tachyonServer, before.tachyonServer);
        QCOMPARE(m_service->config().enginesDir, before.enginesDir);

        // The next battle gets the new settings.
        const QUuid id = startBattle();
        QVERIFY(!id.isNull());
        QFile settings(m_dir.filePath(u"instances/"_s + uuidText(id) + u"/springsettings.cfg"_s));
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY(settings.readAll().startsWith("ReloadedSetting=1\n"));
        QCOMPARE(ProcessLimits(m_service->battles()->find(id).value()->pid()).nice(), 3);

        // The same again: nothing to apply; what needs a restart is still reported.
        const AutohostService::ConfigChange again = m_service->applyConfig(next);
        QVERIFY(again.applied.isEmpty());
        QCOMPARE(again.needsRestart, change.needsRestart);
        QVERIFY(m_service->applyConfig(m_service->config()).needsRestart.isEmpty());
    }

    void shutdownStopsBattlesThenDisconnects()
    {
        const QUuid id = startBattle();
        QVERIFY(!id.isNull());
        QSignalSpy finished(m_service.get(), &AutohostService::finished);
        m_service->shutdown(u"maintenance"_s);
        QVERIFY(finished.wait(20000));
        QVERIFY(hasUpdate(id, "engine_quit"));
        const QList<Json> received = m_server->received(m_connection);
        QVERIFY(!received.isEmpty());
        const Json &last = received.constLast();
        QCOMPARE(last.value("commandId", ""), std::string("system/disconnect"));
        QCOMPARE(last.at("data").value("reason", ""), std::string("maintenance"));
        // Draining: the last status before leaving offers no capacity.
        QCOMPARE(lastStatus().value("maxBattles", -1), 0);
        m_service.reset();
    }

    // The journal: a restarted autohost replays what the one before sent to a subscriber whose since lies
    // before the restart, with the same times, and stamps its own updates after them.
    void aLongReplayGoesOutWholeInOrderWhileTheEventLoopRuns()
    {
        // More updates than one turn of the event loop passes on: the replay takes several turns, and an
        // update appended between them comes after it.
        constexpr int Buffered = 20000;
        const QUuid battle = QUuid::createUuid();
        UpdateBuffer *updates = m_service->updates();
        const qint64 since = updates->now();
        QList<qint64> expected;
        for (int i = 0; i < Buffered; ++i)
        {
            expected.append(updates->append(battle, {{"type", "engine_message"}, {"message", "n"}}).time);
        }
        // The connection is subscribed already: they go out live first.
        QTRY_COMPARE_WITH_TIMEOUT(updatesOf(battle).size(), Buffered, 20000);
        int relayed = 0;
        int relayedWhenAppended = -1;
        connect(m_service.get(), &AutohostService::updateRelayed, this,
                [&](const UpdateBuffer::Entry &entry)
                {
                    if (entry.battleId == battle && ++relayed == Buffered / 2)
                    {
                        QTimer::singleShot(
                            0, this,
                            [&]
                            {
                                relayedWhenAppended = relayed;
                                expected.append(
                                    updates->append(battle, {{"type", "engine_message"}, {"message", "live"}})
                                        .time);
                            });
                    }
                });
        const QString messageId =
            m_server->sendRequest(m_connection, u"autohost/subscribeUpdates"_s, Json{{"since", since}});
        QVERIFY(!m_server->waitForResponse(messageId).is_null());
        QTRY_VERIFY_WITH_TIMEOUT(
            expected.size() == Buffered + 1 && updatesOf(battle).size() >= 2 * Buffered + 1, 20000);

        // After the response: every update since, once and oldest first, then the one appended meanwhile.
        const QList<Json> received = m_server->received(m_connection);
        const auto response = std::find_if(
            received.cbegin(), received.cend(),
            [&](const Json &message) { return message.value("messageId", "") == toStdString(messageId); });
        QVERIFY(response != received.cend());
        QList<qint64> replayed;
        for (auto message = response + 1; message != received.cend(); ++message)
        {
            if (message->value("commandId", "") == "autohost/update")
            {
                replayed.append(message->at("data").at("time").get<qint64>());
            }
        }
        QCOMPARE(replayed, expected);
        QVERIFY2(relayedWhenAppended > 0 && relayedWhenAppended < Buffered,
                 qPrintable(QString::number(relayedWhenAppended)));
    }

    void updatesAreReplayedAcrossARestart()
    {
        const QUuid before = startBattle({{u"fakescript"_s, u"join,0|chat,0,254,before the restart"_s}});
        QVERIFY(!before.isNull());
        QTRY_VERIFY_WITH_TIMEOUT(countUpdates(before, "player_chat") == 1, 5000);
        QCOMPARE(
            request(u"autohost/kill"_s, {{"battleId", toStdString(uuidText(before))}}).value("status", ""),
            std::string("success"));
        QTRY_VERIFY_WITH_TIMEOUT(hasUpdate(before, "engine_quit"), 10000);
        const QList<Json> sent = updatesOf(before);
        QVERIFY(shutdownService());
        QVERIFY(restartService());

        const QUuid after = startBattle({{u"fakescript"_s, u"join,0"_s}});
        QVERIFY(!after.isNull());
        QTRY_VERIFY_WITH_TIMEOUT(countUpdates(after, "player_joined") == 1, 5000);
        const qsizetype first = m_server->received(m_connection).size();
        const Json subscribed = request(u"autohost/subscribeUpdates"_s,
                                        Json{{"since", sent.constFirst().at("time").get<qint64>() - 1}});
        QCOMPARE(subscribed.value("status", ""), std::string("success"));
        const auto replay = [&]
        {
            QList<Json> updates;
            for (const Json &message : m_server->received(m_connection).mid(first))
            {
                if (message.value("commandId", "") == "autohost/update")
                {
                    updates.append(message.at("data"));
                }
            }
            return updates;
        };
        const auto replayReachedTheNewBattle = [&]
        {
            const QList<Json> updates = replay();
            return std::any_of(updates.cbegin(), updates.cend(),
                               [&after](const Json &data)
                               { return data.value("battleId", "") == toStdString(uuidText(after)); });
        };
        QTRY_VERIFY(replayReachedTheNewBattle());
        QList<std::string> replayedBefore;
        qint64 previous = 0;
        for (const Json &data : replay())
        {
            QVERIFY(data.at("time").get<qint64>() > previous);
            previous = data.at("time").get<qint64>();
            if (data.value("battleId", "") == toStdString(uuidText(before)))
            {
                replayedBefore.append(dumpJson(data));
            }
        }
        QList<std::string> sentBefore;
        for (const Json &data : sent)
        {
            sentBefore.append(dumpJson(data));
        }
        QCOMPARE(replayedBefore, sentBefore);
        QVERIFY(updatesOf(after).constFirst().at("time").get<qint64>() >
                sent.constLast().at("time").get<qint64>());
    }

    // Battles running when the autohost died (destroying the service kills its engines without a word, as the
    // parent-death signal does) are reported as engine_crash on the next start: the server's once it has
    // subscribed, a local one at once and only to the app; an engine that outlived the autohost is killed.
    // The start after that reports nothing again.
    void battlesCutOffByACrashAreReportedOnce()
    {
        const QUuid served = startBattle();
        QVERIFY(!served.isNull());
        LocalBattlePlan plan;
        plan.engineVersion = QString::fromLatin1(EngineVersion);
        plan.gameName = u"MiniGame 1.0"_s;
        plan.mapName = u"MiniMap"_s;
        plan.allyTeams = {{u"Alice"_s}, {u"Bob"_s}};
        const auto local = plan.toStartRequest();
        QVERIFY(local.ok());
        std::optional<Result<BattleManager::StartSuccess, RequestFailure>> outcome;
        m_service->startLocalBattle(*local, [&outcome](const auto &result) { outcome = result; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
        QVERIFY(outcome->ok());
        m_service.reset();

        // An engine the parent-death signal missed, as the journal knows it.
        QProcess stray;
        stray.start(u"/bin/sleep"_s, {u"300"_s});
        QVERIFY(stray.waitForStarted());
        const QUuid strayBattle = QUuid::createUuid();
        {
            UpdateJournal::Settings settings;
            settings.directory = m_journalDir;
            UpdateJournal journal(settings);
            QVERIFY(journal.open().ok());
            UpdateJournal::OpenBattle marker;
            marker.battleId = strayBattle;
            marker.startedAt = QDateTime::currentMSecsSinceEpoch() * 1000;
            marker.pid = stray.processId();
            marker.commandLine = {u"/bin/sleep"_s, u"300"_s};
            QVERIFY(journal.appendBattleStarted(marker).ok());
        }

        QVERIFY(restartService());
        QTRY_VERIFY_WITH_TIMEOUT(countUpdates(served, "engine_crash") == 1 &&
                                     countUpdates(strayBattle, "engine_crash") == 1,
                                 5000);
        const Json crash = updatesOf(served).constLast().at("update");
        QVERIFY2(toQString(crash.value("details", ""))
                     .startsWith(u"the autohost stopped while the battle was running"_s),
                 dumpJson(crash).c_str());
        // After the server subscribed: its since cannot hide them.
        const QList<Json> received = m_server->received(m_connection);
        const auto subscribeAnswer =
            std::find_if(received.cbegin(), received.cend(),
                         [](const Json &message)
                         { return message.value("commandId", "") == "autohost/subscribeUpdates"; });
        const auto firstCrash = std::find_if(received.cbegin(), received.cend(),
                                             [](const Json &message)
                                             { return message.value("commandId", "") == "autohost/update"; });
        QVERIFY(subscribeAnswer < firstCrash);
        QTRY_COMPARE(stray.state(), QProcess::NotRunning);
        QCOMPARE(stray.exitStatus(), QProcess::CrashExit);
        QVERIFY(updatesOf(local->battleId).isEmpty());
        const auto crashesIn = [this](const QUuid &battle)
        {
            int crashes = 0;
            m_service->updates()->forEachSince(
                0,
                [&](const UpdateBuffer::Entry &entry) {
                    crashes += entry.battleId == battle && entry.update().value("type", "") == "engine_crash";
                });
            return crashes;
        };
        QCOMPARE(crashesIn(local->battleId), 1);

        QVERIFY(shutdownService());
        QVERIFY(restartService());
        // A round trip: whatever the start would have reported came before its answer.
        QCOMPARE(request(u"autohost/subscribeUpdates"_s,
                         Json{{"since", QDateTime::currentMSecsSinceEpoch() * 1000}})
                     .value("status", ""),
                 std::string("success"));
        QCOMPARE(countUpdates(served, "engine_crash"), 0);
        QCOMPARE(countUpdates(strayBattle, "engine_crash"), 0);
        // The buffer holds the one report of each, replayed from the journal.
        QCOMPARE(crashesIn(served), 1);
        QCOMPARE(crashesIn(strayBattle), 1);
        QCOMPARE(crashesIn(local->battleId), 1);
    }

    void aJournalInUseRefusesTheStart()
    {
        AutohostService second(config());
        QVERIFY(second.journal() == nullptr);
        const Status started = second.start();
        QVERIFY(!started.ok());
        QVERIFY2(started.error().contains(u"in use"_s), qPrintable(started.error()));
        QCOMPARE(second.client()->state(), TachyonClient::State::Idle);
    }

    // A journal that cannot be written (here: the file size limit, as a full disk would do) does not stop the
    // updates; what could not be written is written once it can, and replayed after a restart.
    void aJournalWriteFailureKeepsTheRelayGoing()
    {
        const QUuid id = startBattle();
        QVERIFY(!id.isNull());
        // Everything the start produced has reached the server (and the journal) before the limit applies.
        const auto bufferedFor = [this](const QUuid &battle)
        {
            qsizetype count = 0;
            m_service->updates()->forEachSince(0, [&](const UpdateBuffer::Entry &entry)
                                               { count += entry.battleId == battle; });
            return count;
        };
        QTRY_COMPARE(updatesOf(id).size(), bufferedFor(id));
        QTRY_COMPARE(m_service->journal()->pendingRecords(), 0);
        const QString segment = m_service->journal()->segmentPaths().constLast();
        rlimit original{};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &original), 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = original;
        limited.rlim_cur = rlim_t(QFileInfo(segment).size());
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
        const std::string battle = toStdString(uuidText(id));
        const qsizetype before = updatesOf(id).size();
        const Json played = request(u"autohost/sendCommand"_s,
                                    {{"battleId", battle},
                                     {"command", "fakeplay"},
                                     {"arguments", {"join,0", "chat,0,254,one", "chat,0,254,two"}}});
        const bool relayed = QTest::qWaitFor([&] { return countUpdates(id, "player_chat") == 2; }, 5000);
        const qsizetype pending = m_service->journal()->pendingRecords();
        const qsizetype relayedCount = updatesOf(id).size() - before;
        const quint64 failures = m_service->journal()->writeFailures();
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &original), 0);
        std::signal(SIGXFSZ, previousHandler);
        QCOMPARE(played.value("status", ""), std::string("success"));
        QVERIFY(relayed);
        QVERIFY(relayedCount >= 3);
        QCOMPARE(pending, relayedCount);
        // One write per burst of updates: the three may have come in one.
        QVERIFY(failures >= 1);

        // The next maintenance writes them.
        QTRY_COMPARE_WITH_TIMEOUT(m_service->journal()->pendingRecords(), 0, 15000);
        const QList<Json> sent = updatesOf(id);
        QVERIFY(shutdownService());
        QVERIFY(restartService());
        QCOMPARE(request(u"autohost/subscribeUpdates"_s,
                         Json{{"since", sent.constFirst().at("time").get<qint64>() - 1}})
                     .value("status", ""),
                 std::string("success"));
        // Everything sent before, then the engine_quit of the shutdown.
        QTRY_COMPARE(updatesOf(id).size(), sent.size() + 1);
        QCOMPARE(updatesOf(id).mid(0, sent.size()), sent);
        QCOMPARE(updatesOf(id).constLast().at("update").value("type", ""), std::string("engine_quit"));
    }

    // serve() is the dispatch of the connection's requests with a callback in place of the socket (the
    // request fuzzer's seam): the same answers, one per request, and nothing reaches the server.
    void serveAnswersEveryRequestOnceWithoutAConnection()
    {
        Config localConfig = config();
        localConfig.tachyonServer.clear();
        localConfig.journalDir.clear();
        AutohostService service(localConfig);
        QHash<QString, Json> answers;
        int answerCount = 0;
        const auto serve = [&](const QString &messageId, const QString &command, const Json &data)
        {
            TachyonMessage request;
            request.messageId = messageId;
            request.commandId = command;
            request.data = data;
            service.serve(request,
                          [&](const Json &response)
                          {
                              ++answerCount;
                              answers.insert(toQString(response.value("messageId", "")), response);
                          });
        };
        const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000;
        serve(u"kill"_s, u"autohost/kill"_s, Json{{"battleId", toStdString(uuidText(QUuid::createUuid()))}});
        serve(u"start"_s, u"autohost/start"_s, startData(QUuid::createUuid(), {}, u"0.0-not-installed"_s));
        serve(u"subscribe"_s, u"autohost/subscribeUpdates"_s, Json{{"since", now}});
        serve(u"dance"_s, u"autohost/dance"_s, Json::object());
        QCoreApplication::processEvents();

        QCOMPARE(answerCount, 4);
        QCOMPARE(answers.value(u"kill"_s).value("reason", ""), std::string("invalid_request"));
        QCOMPARE(answers.value(u"start"_s).value("reason", ""), std::string("engine_version_not_available"));
        QCOMPARE(answers.value(u"subscribe"_s).value("status", ""), std::string("success"));
        QCOMPARE(answers.value(u"dance"_s).value("reason", ""), std::string("command_unimplemented"));
        for (const Json &answer : std::as_const(answers))
        {
            QCOMPARE(answer.value("type", ""), std::string("response"));
        }
    }
};

QTEST_GUILESS_MAIN(TestAutohostService)
#include "tst_autohostservice.moc"
