#include <QTemporaryDir>
#include <QTest>

#include "admin/admincontrol.h"
#include "admin/hoststate.h"
#include "adminstreamclient.h"
#include "adminstreamserver.h"
#include "logrecorder.h"
#include "servicetesthost.h"
#include "testcontent.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

// Every control action over a real admin stream (WebSocket on loopback) on a real service: each succeeds with
// an effect the engine, the lobby server or the stream shows, and each refuses bad fields and unknown battles
// with the right reason and the field's name.
class TestAdminControl : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_content; // the host's data directory (engineDataDirs)
    std::unique_ptr<ServiceTestHost> m_host;
    std::unique_ptr<LogRecorder> m_recorder;
    std::unique_ptr<HostState> m_state;
    std::unique_ptr<AdminControl> m_control;
    std::unique_ptr<AdminStreamServer> m_server;
    std::unique_ptr<AdminStreamClient> m_client;
    QUuid m_battle; // runs for the whole test case: Alice, Bob and Carol joined

    std::string battleId() const { return toStdString(uuidText(m_battle)); }

    Json withBattle(Json data) const
    {
        data["battleId"] = battleId();
        return data;
    }

    static QString describe(const Json &result) { return toQString(dumpJson(result)); }

    bool succeeded(const Json &result) const { return result.value("status", "") == "success"; }

    // The last state of a player sent in a players event of the running battle.
    Json lastPlayerRow(const QUuid &battle, const std::string &userId) const
    {
        Json found = Json::object();
        for (const Json &data : m_client->events("players"))
        {
            for (const Json &row : data.at("players"))
            {
                if (data.value("battleId", "") == toStdString(uuidText(battle)) &&
                    row.value("userId", "") == userId)
                {
                    found = row;
                }
            }
        }
        return found;
    }

    // The number of commands the engine of the running battle has received.
    int commandsReceived() const { return int(m_host->engineLog(m_battle).count(u"[fake] received:"_s)); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_content.isValid());
        m_host = std::make_unique<ServiceTestHost>(QStringLiteral(FAKE_ENGINE_PATH), [this](Config &config)
                                                   { config.engineDataDirs = {m_content.path()}; });
        QVERIFY2(m_host->problem().isEmpty(), qPrintable(m_host->problem()));
        m_recorder = std::make_unique<LogRecorder>();
        m_state = std::make_unique<HostState>(&m_host->service(), m_recorder.get());
        m_control = std::make_unique<AdminControl>(&m_host->service(), m_recorder.get());
        m_server = std::make_unique<AdminStreamServer>(m_state.get(), m_control.get());
        QVERIFY(m_server->listen());
        m_client = std::make_unique<AdminStreamClient>();
        QVERIFY(m_client->open(m_server->url()));
        m_battle = m_host->startBattle(u"join,0|join,1|join,2"_s);
        QVERIFY(!m_battle.isNull());
        QTRY_COMPARE(lastPlayerRow(m_battle, "1003").value("playerState", ""), std::string("joined"));
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_server.reset();
        QVERIFY(m_host->shutdown());
        m_control.reset();
        m_state.reset();
        m_host.reset();
    }

    void everyActionIsListed()
    {
        QCOMPARE(AdminControl::actions(),
                 (QStringList{u"kill"_s, u"kick"_s, u"spec"_s, u"mute"_s, u"addPlayer"_s, u"sendMessage"_s,
                              u"sendCommand"_s, u"installEngine"_s, u"drain"_s, u"startLocalBattle"_s,
                              u"scanContent"_s, u"feed"_s, u"log"_s}));
    }

    void battleActionsReachTheEngine()
    {
        const Json muted =
            m_client->control(u"mute"_s, withBattle({{"userId", "1002"}, {"chat", true}, {"draw", false}}));
        QVERIFY2(succeeded(muted), qPrintable(describe(muted)));
        QCOMPARE(dumpJson(muted.at("data")), std::string("{}"));
        // The players event of the change came before the result.
        QCOMPARE(lastPlayerRow(m_battle, "1002").value("mutedChat", false), true);
        QTRY_VERIFY(m_host->engineLog(m_battle).contains(u"[fake] player 1 chat muted, drawing allowed"_s));

        QVERIFY(succeeded(m_client->control(u"spec"_s, withBattle({{"userIds", {"1001"}}}))));
        QTRY_VERIFY(m_host->engineLog(m_battle).contains(u"[fake] received: /specbynum 0"_s));
        QTRY_COMPARE(lastPlayerRow(m_battle, "1001").value("playerState", ""), std::string("defeated"));

        const Json added = m_client->control(u"addPlayer"_s, withBattle({{"name", "Dave"}}));
        QVERIFY2(succeeded(added), qPrintable(describe(added)));
        QCOMPARE(added.at("data").value("userId", ""), std::string("desktop-1"));
        const QString password = toQString(added.at("data").value("password", ""));
        QCOMPARE(password.size(), 16);
        QTRY_VERIFY(
            m_host->engineLog(m_battle).contains(u"[fake] received: /adduser Dave %1 1"_s.arg(password)));
        QCOMPARE(lastPlayerRow(m_battle, "desktop-1").value("password", ""), toStdString(password));

        QVERIFY(succeeded(m_client->control(u"kick"_s, withBattle({{"userId", "1002"}}))));
        QTRY_VERIFY(m_host->engineLog(m_battle).contains(u"[fake] received: /kickbynum 1"_s));
        QTRY_COMPARE(lastPlayerRow(m_battle, "1002").value("leftReason", ""), std::string("kicked"));

        QVERIFY(succeeded(m_client->control(u"sendMessage"_s, withBattle({{"message", "gl hf"}}))));
        QTRY_VERIFY(m_host->engineLog(m_battle).contains(u"[fake] host chat: gl hf"_s));

        QVERIFY(succeeded(m_client->control(
            u"sendCommand"_s, withBattle({{"command", "luarules"}, {"arguments", {"ping", "all"}}}))));
        QTRY_VERIFY(m_host->engineLog(m_battle).contains(u"[fake] received: /luarules ping all"_s));
    }

    void failuresNameTheField_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("data"); // "$battle" stands for the running battle's id; empty: no data
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("details"); // how the details start
        const QString unknown = uuidText(QUuid::createUuid());
        QTest::newRow("kill: not a UUID") << u"kill"_s << uR"({"battleId":"nope"})"_s << u"invalid_request"_s
                                          << u"data.battleId: must be a UUID"_s;
        QTest::newRow("kill: no data")
            << u"kill"_s << QString() << u"invalid_request"_s << u"data: is required"_s;
        QTest::newRow("kill: unknown battle")
            << u"kill"_s << uR"({"battleId":"%1"})"_s.arg(unknown) << u"battle_not_found"_s
            << u"data.battleId: battle %1 does not exist"_s.arg(unknown);
        QTest::newRow("kick: no userId") << u"kick"_s << uR"({"battleId":"$battle"})"_s
                                         << u"invalid_request"_s << u"data.userId: is required"_s;
        QTest::newRow("kick: unknown user")
            << u"kick"_s << uR"({"battleId":"$battle","userId":"99"})"_s << u"invalid_request"_s
            << u"data.userId: user 99 is not in battle"_s;
        QTest::newRow("kick: unknown battle")
            << u"kick"_s << uR"({"battleId":"%1","userId":"1001"})"_s.arg(unknown) << u"battle_not_found"_s
            << u"data.battleId: battle"_s;
        QTest::newRow("spec: userIds not a list")
            << u"spec"_s << uR"({"battleId":"$battle","userIds":"1001"})"_s << u"invalid_request"_s
            << u"data.userIds: must be an array"_s;
        QTest::newRow("spec: unknown user")
            << u"spec"_s << uR"({"battleId":"$battle","userIds":["1001","99"]})"_s << u"invalid_request"_s
            << u"data.userIds[1]: user 99 is not in"_s;
        QTest::newRow("mute: chat not a boolean")
            << u"mute"_s << uR"({"battleId":"$battle","userId":"1001","chat":"yes","draw":false})"_s
            << u"invalid_request"_s << u"data.chat: must be a boolean"_s;
        QTest::newRow("mute: unknown battle")
            << u"mute"_s << uR"({"battleId":"%1","userId":"1001","chat":true,"draw":true})"_s.arg(unknown)
            << u"battle_not_found"_s << u"data.battleId: battle"_s;
        QTest::newRow("addPlayer: no name") << u"addPlayer"_s << uR"({"battleId":"$battle"})"_s
                                            << u"invalid_request"_s << u"data.name: is required"_s;
        QTest::newRow("addPlayer: name with a space")
            << u"addPlayer"_s << uR"({"battleId":"$battle","name":"Da ve"})"_s << u"invalid_request"_s
            << u"data.name: "_s;
        QTest::newRow("addPlayer: name taken")
            << u"addPlayer"_s << uR"({"battleId":"$battle","name":"alice"})"_s << u"invalid_request"_s
            << u"data.name: \"alice\" is already used"_s;
        QTest::newRow("addPlayer: unknown battle")
            << u"addPlayer"_s << uR"({"battleId":"%1","name":"Eve"})"_s.arg(unknown) << u"battle_not_found"_s
            << u"data.battleId: battle"_s;
        QTest::newRow("sendMessage: too long")
            << u"sendMessage"_s << uR"({"battleId":"$battle","message":"%1"})"_s.arg(QString(128, u'x'))
            << u"invalid_request"_s << u"data.message: must not be longer than 127 characters"_s;
        QTest::newRow("sendMessage: a line break")
            << u"sendMessage"_s << uR"({"battleId":"$battle","message":"a\nb"})"_s << u"invalid_request"_s
            << u"data.message: must not contain"_s;
        QTest::newRow("sendCommand: adduser")
            << u"sendCommand"_s << uR"({"battleId":"$battle","command":"adduser"})"_s << u"invalid_request"_s
            << u"data.command: must not be adduser"_s;
        QTest::newRow("sendCommand: upper case")
            << u"sendCommand"_s << uR"({"battleId":"$battle","command":"Cheat"})"_s << u"invalid_request"_s
            << u"data.command: must match"_s;
        QTest::newRow("sendCommand: comment in an argument")
            << u"sendCommand"_s << uR"({"battleId":"$battle","command":"luarules","arguments":["a//b"]})"_s
            << u"invalid_request"_s << u"data.arguments[0]: must not contain '//'"_s;
        QTest::newRow("sendCommand: unknown battle")
            << u"sendCommand"_s << uR"({"battleId":"%1","command":"cheat"})"_s.arg(unknown)
            << u"battle_not_found"_s << u"data.battleId: battle"_s;
        QTest::newRow("installEngine: outside the engines")
            << u"installEngine"_s << uR"({"version":"../1.0"})"_s << u"invalid_request"_s
            << u"data.version: must match"_s;
        QTest::newRow("installEngine: no version")
            << u"installEngine"_s << u"{}"_s << u"invalid_request"_s << u"data.version: is required"_s;
        QTest::newRow("drain: no data")
            << u"drain"_s << QString() << u"invalid_request"_s << u"data: is required"_s;
        QTest::newRow("drain: not a boolean") << u"drain"_s << uR"({"enabled":1})"_s << u"invalid_request"_s
                                              << u"data.enabled: must be a boolean"_s;
        QTest::newRow("startLocalBattle: no game")
            << u"startLocalBattle"_s << uR"({"mapName":"MiniMap","allyTeams":[["A"]]})"_s
            << u"invalid_request"_s << u"data.gameName: is required"_s;
        QTest::newRow("startLocalBattle: a name not a string")
            << u"startLocalBattle"_s << uR"({"gameName":"G","mapName":"M","allyTeams":[["A",7]]})"_s
            << u"invalid_request"_s << u"data.allyTeams[0][1]: must be a string"_s;
        QTest::newRow("startLocalBattle: every problem")
            << u"startLocalBattle"_s
            << uR"({"gameName":"G","mapName":"","allyTeams":[["Bo b"],[]],"spectators":["Bo b"]})"_s
            << u"invalid_request"_s << u"data.mapName: must not be empty; data.allyTeams[0][0]: \"Bo b\": "_s;
        QTest::newRow("startLocalBattle: engine not installed")
            << u"startLocalBattle"_s
            << uR"({"engineVersion":"9.9","gameName":"G","mapName":"M","allyTeams":[["A"]]})"_s
            << u"invalid_request"_s << u"data.engineVersion: is not installed (available: 1.0)"_s;
        QTest::newRow("startLocalBattle: start position type")
            << u"startLocalBattle"_s
            << uR"({"gameName":"G","mapName":"M","allyTeams":[["A"]],"startPosType":"ingame"})"_s
            << u"invalid_request"_s << u"data.startPosType: must be one of \"fixed\""_s;
        QTest::newRow("feed: not a UUID") << u"feed"_s << uR"({"battleId":"{x}"})"_s << u"invalid_request"_s
                                          << u"data.battleId: must be a UUID"_s;
        QTest::newRow("feed: unknown battle") << u"feed"_s << uR"({"battleId":"%1"})"_s.arg(unknown)
                                              << u"battle_not_found"_s << u"data.battleId: battle"_s;
        QTest::newRow("feed: limit too big")
            << u"feed"_s << uR"({"battleId":"$battle","limit":10001})"_s << u"invalid_request"_s
            << u"data.limit: must be from 1 to 10000"_s;
        QTest::newRow("log: limit not a number")
            << u"log"_s << uR"({"limit":"all"})"_s << u"invalid_request"_s
            << u"data.limit: must be an integer"_s;
        QTest::newRow("log: data not an object")
            << u"log"_s << u"[]"_s << u"invalid_request"_s << u"data: must be an object"_s;
        QTest::newRow("unknown action")
            << u"dance"_s << u"{}"_s << u"unknown_action"_s
            << u"action: \"dance\" is not one of kill, kick, spec, mute, addPlayer"_s;
    }

    void failuresNameTheField()
    {
        QFETCH(QString, action);
        QFETCH(QString, data);
        QFETCH(QString, reason);
        QFETCH(QString, details);
        const int before = commandsReceived();
        std::optional<Json> json;
        if (!data.isEmpty())
        {
            json = Json::parse(data.replace(u"$battle"_s, uuidText(m_battle)).toStdString());
        }
        const Json result = m_client->control(action, json);
        QCOMPARE(result.value("status", ""), std::string("failed"));
        QCOMPARE(toQString(result.value("reason", "")), reason);
        QVERIFY2(toQString(result.value("details", "")).startsWith(details), qPrintable(describe(result)));
        QVERIFY(!result.contains("data"));
        // Nothing reached the engine: a message sent now is the next thing it receives.
        QVERIFY(succeeded(m_client->control(u"sendMessage"_s, withBattle({{"message", "marker"}}))));
        QTRY_COMPARE(commandsReceived(), before + 1);
        QCOMPARE(m_host->service().battles()->currentBattles(), 1);
        QVERIFY(m_host->service().battles()->accepting());
    }

    void installEngineStartsAnInstall()
    {
        m_host->offerStalledEngine(u"2025.07.07"_s);
        const Json started = m_client->control(u"installEngine"_s, Json{{"version", "2025.07.07"}});
        QVERIFY2(succeeded(started), qPrintable(describe(started)));
        QCOMPARE(dumpJson(started.at("data")),
                 std::string(R"({"version":"2025.07.07","install":"started"})"));
        QVERIFY(m_host->service().installer()->isInstalling(u"2025.07.07"_s));
        QVERIFY(!m_client
                     ->waitForEvent("installs",
                                    [](const Json &data) {
                                        return data.at("installs").size() == 1 &&
                                               data.at("installs")[0].value("version", "") == "2025.07.07";
                                    })
                     .is_null());
        QCOMPARE(m_client->control(u"installEngine"_s, Json{{"version", "2025.07.07"}})
                     .at("data")
                     .value("install", ""),
                 std::string("alreadyInstalling"));
        QCOMPARE(
            m_client->control(u"installEngine"_s, Json{{"version", "1.0"}}).at("data").value("install", ""),
            std::string("alreadyInstalled"));
    }

    void drainReachesTheLobby()
    {
        const auto lastStatus = [this]
        {
            Json status;
            for (const Json &message : m_host->server().received(m_host->connection()))
            {
                if (message.value("commandId", "") == "autohost/status")
                {
                    status = message.at("data");
                }
            }
            return status;
        };
        const Json on = m_client->control(u"drain"_s, Json{{"enabled", true}});
        QVERIFY2(succeeded(on), qPrintable(describe(on)));
        QCOMPARE(dumpJson(on.at("data")), std::string(R"({"draining":true,"maxBattles":0})"));
        QCOMPARE(m_client->events("capacity").constLast().value("draining", false), true);
        QTRY_COMPARE(lastStatus().value("maxBattles", -1), 0);
        // Draining refuses new battles, local ones too.
        const Json refused = m_client->control(
            u"startLocalBattle"_s,
            Json{{"gameName", "MiniGame 1.0"}, {"mapName", "MiniMap"}, {"allyTeams", {{"Alice"}}}});
        QCOMPARE(refused.value("reason", ""), std::string("invalid_request"));
        QCOMPARE(refused.value("details", ""),
                 std::string("the autohost is draining and accepts no new battles"));

        const Json off = m_client->control(u"drain"_s, Json{{"enabled", false}});
        QCOMPARE(dumpJson(off.at("data")), std::string(R"({"draining":false,"maxBattles":3})"));
        QTRY_COMPARE(lastStatus().value("maxBattles", -1), 3);
    }

    void startLocalBattleRunsABattleOffTheLobby()
    {
        const Json started =
            m_client->control(u"startLocalBattle"_s, Json{{"gameName", "MiniGame 1.0"},
                                                          {"mapName", "MiniMap"},
                                                          {"allyTeams", {{"Alice"}, {"Bob"}}},
                                                          {"spectators", {"Carol"}}});
        QVERIFY2(succeeded(started), qPrintable(describe(started)));
        const Json &data = started.at("data");
        const QUuid id = QUuid::fromString(toQString(data.value("battleId", "")));
        QVERIFY(!id.isNull());
        QCOMPARE(data.value("engineVersion", ""), std::string("1.0"));
        QCOMPARE(data.value("host", ""), std::string("192.0.2.10"));
        QVERIFY(data.value("port", 0) > 0);
        QCOMPARE(data.at("players").size(), size_t(3));
        QCOMPARE(data.at("players")[1].value("name", ""), std::string("Bob"));
        QCOMPARE(data.at("players")[1].value("allyTeam", -1), 1);
        QCOMPARE(data.at("players")[2].value("spectator", false), true);
        QCOMPARE(toQString(data.at("players")[0].value("password", "")).size(), 16);
        const auto battle = m_host->service().battles()->find(id);
        QVERIFY(battle.ok());
        QCOMPARE(battle.value()->state(), Battle::State::Running);
        QCOMPARE(battle.value()->request().startPosType, StartPosType::Ingame);

        // Its updates reach the stream but never the lobby.
        QVERIFY(succeeded(m_client->control(u"sendCommand"_s, Json{{"battleId", toStdString(uuidText(id))},
                                                                   {"command", "fakeplay"},
                                                                   {"arguments", {"join,0"}}})));
        QVERIFY(!m_client
                     ->waitForEvent("updates",
                                    [&id](const Json &data)
                                    {
                                        for (const Json &entry : data.at("updates"))
                                        {
                                            if (entry.value("battleId", "") == toStdString(uuidText(id)) &&
                                                entry.at("update").value("type", "") == "player_joined")
                                            {
                                                return true;
                                            }
                                        }
                                        return false;
                                    })
                     .is_null());
        for (const Json &message : m_host->server().received(m_host->connection()))
        {
            QVERIFY(message.value("commandId", "") != "autohost/update" ||
                    message.at("data").value("battleId", "") != toStdString(uuidText(id)));
        }
        QVERIFY(succeeded(m_client->control(u"kill"_s, Json{{"battleId", toStdString(uuidText(id))}})));
        QTRY_VERIFY_WITH_TIMEOUT(!m_host->service().battles()->find(id).ok(), 10000);
    }

    // The client's snapshot started the first reading of the data directory, before the content was there;
    // scanContent reads it again: "scanning" before the result, the content after.
    void scanContentReadsTheDataDirectoriesAgain()
    {
        const auto lastLocalBattle = [this]
        {
            return m_client->events("localBattle").constLast();
        };
        QTRY_VERIFY(!m_client->events("localBattle").isEmpty() && !lastLocalBattle().value("scanning", true));
        QVERIFY(TestContent::write(m_content.path()));
        const auto hasGame = [](const Json &localBattle)
        {
            const Json &games = localBattle.at("games");
            return std::find(games.begin(), games.end(), Json(TestContent::GameName)) != games.end();
        };
        QVERIFY(!hasGame(lastLocalBattle()));

        const qsizetype before = m_client->frames().size();
        const std::string id = m_client->sendControl(u"scanContent"_s, std::nullopt);
        const Json result = m_client->waitForResult(id);
        QVERIFY2(succeeded(result), qPrintable(describe(result)));
        QCOMPARE(dumpJson(result.at("data")), std::string("{}"));
        const QList<Json> frames = m_client->frames().mid(before);
        const auto answered =
            std::find_if(frames.begin(), frames.end(),
                         [](const Json &frame) { return frame.value("type", "") == "result"; });
        QVERIFY(std::any_of(frames.begin(), answered,
                            [](const Json &frame) {
                                return frame.value("event", "") == "localBattle" &&
                                       frame.at("data").value("scanning", false);
                            }));

        // The first localBattle event after the result that tells the scan's end.
        const auto scanned = [this, before]
        {
            const QList<Json> frames = m_client->frames().mid(before);
            const auto result =
                std::find_if(frames.begin(), frames.end(),
                             [](const Json &frame) { return frame.value("type", "") == "result"; });
            const auto end = std::find_if(result, frames.end(),
                                          [](const Json &frame) {
                                              return frame.value("event", "") == "localBattle" &&
                                                     !frame.at("data").value("scanning", true);
                                          });
            return end == frames.end() ? Json() : end->at("data");
        };
        QTRY_VERIFY_WITH_TIMEOUT(!scanned().is_null(), 10000);
        const Json done = scanned();
        QVERIFY2(hasGame(done), qPrintable(describe(done)));
        QVERIFY(std::find(done.at("maps").begin(), done.at("maps").end(), Json(TestContent::MapName)) !=
                done.at("maps").end());
        // The state a new client gets has it too.
        QVERIFY(hasGame(m_state->snapshot().at("localBattle")));
    }

    void feedReadsABattlesUpdates()
    {
        const QUuid id = m_host->startBattle(u"join,0|chat,0,254,one|chat,0,254,two|chat,0,254,three"_s);
        QVERIFY(!id.isNull());
        const Json battle = Json{{"battleId", toStdString(uuidText(id))}};
        const auto chats = [](const Json &result)
        {
            QStringList texts;
            for (const Json &entry : result.at("data").at("updates"))
            {
                if (entry.at("update").value("type", "") == "player_chat")
                {
                    texts.append(toQString(entry.at("update").value("message", "")));
                }
            }
            return texts;
        };
        QTRY_COMPARE(chats(m_client->control(u"feed"_s, battle)),
                     (QStringList{u"one"_s, u"two"_s, u"three"_s}));
        const Json all = m_client->control(u"feed"_s, battle);
        QCOMPARE(all.at("data").value("battleId", ""), toStdString(uuidText(id)));
        QCOMPARE(all.at("data").value("more", true), false);
        const Json &updates = all.at("data").at("updates");
        QVERIFY(updates.size() >= 4);
        for (const Json &entry : updates)
        {
            QCOMPARE(entry.value("battleId", ""), toStdString(uuidText(id)));
        }

        Json lastTwo = battle;
        lastTwo["limit"] = 2;
        const Json newest = m_client->control(u"feed"_s, lastTwo);
        QCOMPARE(newest.at("data").value("more", false), true);
        QCOMPARE(newest.at("data").at("updates").size(), size_t(2));
        QCOMPARE(dumpJson(newest.at("data").at("updates")[1]), dumpJson(updates.back()));
        // The page before the oldest one received.
        Json older = battle;
        older["before"] = newest.at("data").at("updates")[0].at("time");
        older["limit"] = 1;
        const Json page = m_client->control(u"feed"_s, older);
        QCOMPARE(page.at("data").at("updates").size(), size_t(1));
        QCOMPARE(dumpJson(page.at("data").at("updates")[0]), dumpJson(updates[updates.size() - 3]));

        // An ended battle's updates stay readable.
        QVERIFY(succeeded(m_client->control(u"kill"_s, battle)));
        QTRY_VERIFY_WITH_TIMEOUT(!m_host->service().battles()->find(id).ok(), 10000);
        QCOMPARE(m_client->control(u"feed"_s, battle)
                     .at("data")
                     .at("updates")
                     .back()
                     .at("update")
                     .value("type", ""),
                 std::string("engine_quit"));
    }

    void logReadsRecentLines()
    {
        for (int i = 0; i < 5; ++i)
        {
            m_recorder->record(QtInfoMsg, "autohost.test", u"line %1"_s.arg(i), 1767323045678 + i);
        }
        const Json result = m_client->control(u"log"_s, Json{{"limit", 2}});
        QVERIFY2(succeeded(result), qPrintable(describe(result)));
        const Json &records = result.at("data").at("records");
        QCOMPARE(records.size(), size_t(2));
        QCOMPARE(records[0].value("message", ""), std::string("line 3"));
        QCOMPARE(records[1].value("message", ""), std::string("line 4"));
        QCOMPARE(records[1].value("level", ""), std::string("info"));
        QCOMPARE(result.at("data").value("more", false), true);
        const Json before =
            m_client->control(u"log"_s, Json{{"limit", 1}, {"before", records[0].at("sequence")}});
        QCOMPARE(before.at("data").at("records")[0].value("message", ""), std::string("line 2"));
        QVERIFY(m_client->control(u"log"_s, std::nullopt).at("data").at("records").size() >= 5);

        AdminControl withoutLog(&m_host->service());
        std::optional<AdminControl::Answer> answer;
        withoutLog.perform(u"log"_s, std::nullopt, [&answer](const AdminControl::Answer &a) { answer = a; });
        QVERIFY(answer && !answer->ok());
        QCOMPARE(answer->error().reason, AdminControl::NotAvailable);
    }

    void killEndsTheBattle()
    {
        const Json killed = m_client->control(u"kill"_s, Json{{"battleId", battleId()}});
        QVERIFY2(succeeded(killed), qPrintable(describe(killed)));
        QTRY_VERIFY(m_host->engineLog(m_battle).contains(u"[fake] received: /kill"_s));
        QVERIFY(!m_client
                     ->waitForEvent("battles",
                                    [this](const Json &data)
                                    {
                                        const Json &rows = data.at("battles");
                                        return std::any_of(
                                            rows.begin(), rows.end(),
                                            [this](const Json &row)
                                            {
                                                return row.value("battleId", "") == battleId() &&
                                                       row.value("battleState", "") == "ended" &&
                                                       toQString(row.value("endDetails", ""))
                                                           .contains(u"stopped: killed through "
                                                                     "the admin endpoint"_s);
                                            });
                                    })
                     .is_null());
        // A battle that has ended takes no more actions.
        QCOMPARE(m_client->control(u"kill"_s, Json{{"battleId", battleId()}}).value("reason", ""),
                 std::string("battle_not_found"));
    }

    // Last: the autohost does not come back from a shutdown.
    void drainDuringAShutdownKeepsItsRefusal()
    {
        QVERIFY(!m_host->startBattle().isNull()); // runs on through the shutdown's drain
        m_host->service().drain(u"maintenance"_s);
        QVERIFY(m_host->service().draining());
        const Json on = m_client->control(u"drain"_s, Json{{"enabled", true}});
        QVERIFY2(succeeded(on), qPrintable(describe(on)));
        QCOMPARE(dumpJson(on.at("data")), std::string(R"({"draining":true,"maxBattles":0})"));
        const Json off = m_client->control(u"drain"_s, Json{{"enabled", false}});
        QCOMPARE(off.value("reason", ""), std::string("invalid_request"));
        QCOMPARE(off.value("details", ""),
                 std::string("data.enabled: the autohost is shutting down and accepts no new battles"));
        const Json refused = m_client->control(
            u"startLocalBattle"_s,
            Json{{"gameName", "MiniGame 1.0"}, {"mapName", "MiniMap"}, {"allyTeams", {{"Alice"}}}});
        QCOMPARE(refused.value("details", ""),
                 std::string(
                     "the autohost is shutting down: it accepts no new battles while its running ones end"));
        QVERIFY(m_host->service().draining());
        QVERIFY(!m_host->service().battles()->accepting());
    }
};

QTEST_GUILESS_MAIN(TestAdminControl)
#include "tst_admincontrol.moc"
