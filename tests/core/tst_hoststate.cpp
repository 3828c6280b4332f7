#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "admin/hoststate.h"
#include "logrecorder.h"
#include "models/battlelistmodel.h"
#include "servicetesthost.h"
#include "testcontent.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

// The admin endpoint's picture of a real service: a fake Tachyon server starts battles of the fake engine,
// and the snapshot and the events must tell what the desktop app would show.
class TestHostState : public QObject
{
    Q_OBJECT

private:
    struct Event
    {
        std::string name;
        Json data;
    };

    std::unique_ptr<ServiceTestHost> m_host;
    std::unique_ptr<LogRecorder> m_recorder;
    std::unique_ptr<HostState> m_state;
    QList<Event> m_events;

    // Records every event from now on.
    void listen()
    {
        connect(m_state.get(), &HostState::streamEvent, this,
                [this](const QString &name, const Json &data) {
                    m_events.append({toStdString(name), data});
                });
    }

    QList<Json> events(const std::string &name) const
    {
        QList<Json> found;
        for (const Event &event : m_events)
        {
            if (event.name == name)
            {
                found.append(event.data);
            }
        }
        return found;
    }

    // The last state of a battle's row sent in a battles event, or null.
    Json lastBattleRow(const QUuid &id) const
    {
        Json found = Json::object();
        for (const Json &data : events("battles"))
        {
            for (const Json &row : data.at("battles"))
            {
                if (row.value("battleId", "") == toStdString(uuidText(id)))
                {
                    found = row;
                }
            }
        }
        return found;
    }

    // The last state of a player sent in a players event, or null.
    Json lastPlayerRow(const QUuid &id, const std::string &userId) const
    {
        Json found = Json::object();
        for (const Json &data : events("players"))
        {
            if (data.value("battleId", "") != toStdString(uuidText(id)))
            {
                continue;
            }
            for (const Json &row : data.at("players"))
            {
                if (row.value("userId", "") == userId)
                {
                    found = row;
                }
            }
        }
        return found;
    }

    static Json player(const Json &battle, const std::string &userId)
    {
        for (const Json &row : battle.at("players"))
        {
            if (row.value("userId", "") == userId)
            {
                return row;
            }
        }
        return nullptr;
    }

    static bool updateSent(const QList<Json> &batches, const std::string &type,
                           const std::string &userId = {})
    {
        for (const Json &batch : batches)
        {
            for (const Json &entry : batch.at("updates"))
            {
                if (entry.at("update").value("type", "") == type &&
                    (userId.empty() || entry.at("update").value("userId", "") == userId))
                {
                    return true;
                }
            }
        }
        return false;
    }

private slots:
    void init()
    {
        m_host = std::make_unique<ServiceTestHost>(QStringLiteral(FAKE_ENGINE_PATH));
        QVERIFY2(m_host->problem().isEmpty(), qPrintable(m_host->problem()));
        m_recorder = std::make_unique<LogRecorder>();
        // Made with the service, as the launcher does: its models follow every battle from the start.
        m_state = std::make_unique<HostState>(&m_host->service(), m_recorder.get());
        m_state->setUsageRefreshInterval(200);
        m_events.clear();
    }

    void cleanup()
    {
        QVERIFY(m_host->shutdown());
        m_state.reset();
        m_recorder.reset();
        m_host.reset();
    }

    void snapshotShowsWhatTheAppShows()
    {
        m_host->offerStalledEngine(u"2025.07.07"_s);
        QCOMPARE(m_host->service().installEngine(u"2025.07.07"_s), EngineInstaller::Request::Started);
        const QUuid id = m_host->startBattle(u"join,0|join,1"_s);
        QVERIFY(!id.isNull());
        const std::string battleId = toStdString(uuidText(id));
        QCOMPARE(
            m_host
                ->request(u"autohost/addPlayer"_s,
                          {{"battleId", battleId}, {"userId", "1004"}, {"name", "Dave"}, {"password", "pwD"}})
                .value("status", ""),
            std::string("success"));
        QCOMPARE(m_host
                     ->request(u"autohost/mutePlayer"_s,
                               {{"battleId", battleId}, {"userId", "1002"}, {"chat", true}, {"draw", false}})
                     .value("status", ""),
                 std::string("success"));
        m_recorder->record(QtWarningMsg, "autohost.test", u"a line to remember"_s, 1767323045678);

        // Joins, the download and the usage sampling come in over time.
        const auto ready = [this]
        {
            const Json snapshot = m_state->snapshot();
            const Json &battles = snapshot.at("battles");
            const Json &installs = snapshot.at("installs");
            return snapshot.at("connection").value("serverUserCount", Json()) == 4242 &&
                   battles.size() == 1 && battles[0].value("playersJoined", 0) == 2 &&
                   battles[0].value("memoryBytes", -1) > 0 && installs.size() == 1 &&
                   installs[0].value("phase", "") == "downloading" &&
                   installs[0].value("bytesTotal", 0) == 4000;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(ready(), dumpJson(m_state->snapshot()).c_str(), 10000);
        const Json snapshot = m_state->snapshot();

        QCOMPARE(snapshot.value("apiVersion", 0), HostState::ApiVersion);
        QVERIFY(snapshot.at("time").is_string());
        const Json &host = snapshot.at("host");
        QCOMPARE(host.value("localMode", true), false);
        QCOMPARE(toQString(host.value("serverAddress", "")), u"127.0.0.1:%1"_s.arg(m_host->server().port()));
        QCOMPARE(host.value("hostAddress", ""), std::string("192.0.2.10"));

        const Json &connection = snapshot.at("connection");
        QCOMPARE(connection.value("state", ""), std::string("connected"));
        QCOMPARE(connection.value("lastError", "x"), std::string());
        QCOMPARE(connection.value("nextRetrySeconds", -1), 0);
        QVERIFY(connection.at("nextAttemptAt").is_null());
        QVERIFY(connection.at("connectedSince").is_string());
        QCOMPARE(connection.value("subscribed", false), true);

        QCOMPARE(
            dumpJson(snapshot.at("capacity")),
            std::string(R"({"currentBattles":1,"maxBattles":3,"configuredMaxBattles":3,"draining":false,)"
                        R"("shuttingDown":false})"));

        const Json &engines = snapshot.at("engines");
        QCOMPARE(engines.size(), size_t(1));
        QCOMPARE(engines[0].value("version", ""), std::string("1.0"));
        QCOMPARE(engines[0].value("origin", ""), std::string("installed"));
        QCOMPARE(toQString(engines[0].value("path", "")),
                 QDir(m_host->directory()).filePath(u"engines/1.0/spring-dedicated"_s));
        QCOMPARE(engines[0].value("battlesUsing", 0), 1);

        const Json &install = snapshot.at("installs")[0];
        QCOMPARE(install.value("version", ""), std::string("2025.07.07"));
        QCOMPARE(install.value("phase", ""), std::string("downloading"));
        QCOMPARE(install.value("bytesTotal", 0), 4000);
        QVERIFY(install.value("bytesDone", -1) >= 0);
        QVERIFY(install.value("progress", -1.0) >= 0);
        QCOMPARE(install.value("attempt", 0), 1);
        QCOMPARE(install.value("maxAttempts", 0), 3);
        QCOMPARE(install.value("error", "x"), std::string());

        const Json &battle = snapshot.at("battles")[0];
        QCOMPARE(battle.value("battleId", ""), battleId);
        QCOMPARE(battle.value("engineVersion", ""), std::string("1.0"));
        QCOMPARE(battle.value("gameName", ""), std::string("MiniGame 1.0"));
        QCOMPARE(battle.value("mapName", ""), std::string("MiniMap"));
        QCOMPARE(battle.value("battleState", ""), std::string("running"));
        QCOMPARE(battle.value("playersTotal", 0), 4);
        QVERIFY(battle.value("port", 0) > 0);
        QVERIFY(battle.value("pid", 0) > 0);
        QVERIFY(battle.at("startedAt").is_string());
        QVERIFY(battle.value("uptimeSeconds", -1) >= 0);
        QCOMPARE(toQString(battle.value("instanceDir", "")),
                 QDir(m_host->directory()).filePath(u"instances/"_s + uuidText(id)));
        QVERIFY(toQString(battle.value("engineLogPath", "")).endsWith(u"/engine.log"_s));
        QCOMPARE(battle.value("endDetails", "x"), std::string());
        QCOMPARE(battle.value("active", false), true);

        QCOMPARE(battle.at("players").size(), size_t(4));
        const Json alice = player(battle, "1001");
        QCOMPARE(alice.value("name", ""), std::string("Alice"));
        QCOMPARE(alice.value("playerState", ""), std::string("joined"));
        QCOMPARE(alice.value("password", ""), std::string("pwA"));
        QCOMPARE(alice.value("team", -1), 0);
        QCOMPARE(alice.value("allyTeam", -1), 0);
        QVERIFY(alice.at("joinedAt").is_string());
        const Json bob = player(battle, "1002");
        QCOMPARE(bob.value("allyTeam", -1), 1);
        QCOMPARE(bob.value("mutedChat", false), true);
        QCOMPARE(bob.value("mutedDraw", true), false);
        const Json carol = player(battle, "1003");
        QCOMPARE(carol.value("spectator", false), true);
        QCOMPARE(carol.value("playerState", ""), std::string("waiting"));
        QVERIFY(carol.at("joinedAt").is_null());
        const Json dave = player(battle, "1004");
        QCOMPARE(dave.value("name", ""), std::string("Dave"));
        QCOMPARE(dave.value("password", ""), std::string("pwD"));
        QCOMPARE(dave.value("playerNumber", -1), 3);

        const Json &local = snapshot.at("localBattle");
        QCOMPARE(dumpJson(local.at("engines")), std::string(R"(["1.0"])"));
        QCOMPARE(local.value("defaultEngine", ""), std::string("1.0"));
        QCOMPARE(dumpJson(local.at("startPosTypes")),
                 std::string(R"(["fixed","random","chooseInGame","chooseBeforeGame"])"));
        QVERIFY(local.at("games").is_array() && local.at("maps").is_array());

        const Json &metrics = snapshot.at("metrics");
        QCOMPARE(metrics.value("sampleIntervalSeconds", 0), 10);
        QVERIFY(metrics.at("battleSamples").is_array());
        QCOMPARE(snapshot.at("updates").value("retentionSeconds", 0), 600);
        QVERIFY(snapshot.at("updates").value("kept", 0) >= 2);
        QCOMPARE(snapshot.at("log").value("available", false), true);

        const Json &settings = snapshot.at("settings");
        QCOMPARE(settings.value("maxBattles", 0), 3);
        QCOMPARE(settings.value("authClientId", ""), std::string("autohost-test"));
        QCOMPARE(settings.value("authClientSecret", ""), std::string("***"));
        QVERIFY(dumpJson(snapshot).find(ServiceTestHost::ClientSecret) == std::string::npos);
    }

    void snapshotWithoutLogOrServer()
    {
        ServiceTestHost local(QStringLiteral(FAKE_ENGINE_PATH),
                              [](Config &config) { config.tachyonServer.clear(); });
        QVERIFY2(local.problem().isEmpty(), qPrintable(local.problem()));
        const HostState state(&local.service());
        const Json snapshot = state.snapshot();
        QCOMPARE(snapshot.at("host").value("localMode", false), true);
        QCOMPARE(snapshot.at("host").value("serverAddress", "x"), std::string());
        QCOMPARE(snapshot.at("connection").value("state", ""), std::string("local"));
        QVERIFY(snapshot.at("connection").at("serverUserCount").is_null());
        QCOMPARE(snapshot.at("log").value("available", true), false);
        QCOMPARE(snapshot.at("settings").value("authClientSecret", "x"), std::string("***"));
    }

    // The games and maps on disk are read when the state is first asked for, then sent as an event.
    void contentIsReadWhenFirstAsked()
    {
        QTemporaryDir data;
        QVERIFY(TestContent::write(data.path()).ok());
        ServiceTestHost host(QStringLiteral(FAKE_ENGINE_PATH),
                             [&data](Config &config) { config.engineDataDirs = {data.path()}; });
        QVERIFY2(host.problem().isEmpty(), qPrintable(host.problem()));
        HostState state(&host.service());
        QList<Json> localBattles;
        connect(&state, &HostState::streamEvent, this,
                [&localBattles](const QString &name, const Json &data)
                {
                    if (name == u"localBattle"_s)
                    {
                        localBattles.append(data);
                    }
                });
        QTest::qWait(300);
        QVERIFY(localBattles.isEmpty());
        QCOMPARE(state.snapshot().at("localBattle").value("games", Json()).size(), std::size_t(0));
        QTRY_VERIFY(!localBattles.isEmpty() && localBattles.constLast().value("scanning", true) == false);
        QCOMPARE(dumpJson(localBattles.constLast().at("games")), std::string(R"(["MiniGame 1.0"])"));
        QCOMPARE(dumpJson(localBattles.constLast().at("maps")), std::string(R"(["MiniMap"])"));
    }

    void eventsFollowABattle()
    {
        listen();
        const QUuid id = m_host->startBattle(u"join,0|wait,300|chat,0,254,hello|wait,300|join,1"_s);
        QVERIFY(!id.isNull());
        QTRY_VERIFY(!events("capacity").isEmpty() &&
                    events("capacity").constLast().value("currentBattles", 0) == 1);
        QTRY_COMPARE(lastBattleRow(id).value("battleState", ""), std::string("running"));
        QTRY_COMPARE_WITH_TIMEOUT(lastPlayerRow(id, "1002").value("playerState", ""), std::string("joined"),
                                  5000);
        QCOMPARE(lastPlayerRow(id, "1001").value("playerState", ""), std::string("joined"));
        QCOMPARE(lastBattleRow(id).value("playersJoined", 0), 2);
        QVERIFY(updateSent(events("updates"), "player_joined", "1001"));
        QVERIFY(updateSent(events("updates"), "player_chat", "1001"));
        // Updates carry what autohost/update carries, times strictly increasing.
        qint64 previous = 0;
        for (const Json &batch : events("updates"))
        {
            for (const Json &entry : batch.at("updates"))
            {
                QCOMPARE(entry.value("battleId", ""), toStdString(uuidText(id)));
                QVERIFY(entry.value("time", qint64(0)) > previous);
                previous = entry.value("time", qint64(0));
            }
        }
        // Usage is refreshed while the battle runs.
        QTRY_VERIFY(lastBattleRow(id).value("memoryBytes", -1) > 0 &&
                    lastBattleRow(id).value("cpuPercent", -1.0) >= 0);

        QCOMPARE(m_host->request(u"autohost/kill"_s, {{"battleId", toStdString(uuidText(id))}})
                     .value("status", ""),
                 std::string("success"));
        QTRY_COMPARE_WITH_TIMEOUT(lastBattleRow(id).value("battleState", ""), std::string("ended"), 10000);
        QCOMPARE(lastBattleRow(id).value("active", true), false);
        QVERIFY(updateSent(events("updates"), "engine_quit"));
        QTRY_COMPARE(events("capacity").constLast().value("currentBattles", -1), 0);
    }

    void sectionsChangeAsTheHostDoes()
    {
        listen();
        m_host->service().battles()->setAccepting(false);
        QTRY_COMPARE(events("capacity").size(), 1);
        QCOMPARE(events("capacity").constLast().value("draining", false), true);
        QCOMPARE(events("capacity").constLast().value("maxBattles", -1), 0);

        // A new engine shows in the engines and in what a local battle offers.
        const QString dir = QDir(m_host->directory()).filePath(u"engines/2.0"_s);
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QFile::link(QStringLiteral(FAKE_ENGINE_PATH), dir + u"/spring-dedicated"_s));
        QTRY_VERIFY_WITH_TIMEOUT(
            !events("engines").isEmpty() && events("engines").constLast().at("engines").size() == 2, 5000);
        QTRY_COMPARE(events("localBattle").constLast().value("defaultEngine", ""), std::string("2.0"));

        m_host->offerStalledEngine(u"2025.07.07"_s);
        QCOMPARE(m_host->service().installEngine(u"2025.07.07"_s), EngineInstaller::Request::Started);
        QTRY_VERIFY(!events("installs").isEmpty() &&
                    events("installs").constLast().at("installs").size() == 1 &&
                    events("installs").constLast().at("installs")[0].value("phase", "") == "downloading");

        // A lost connection and the reconnect, each state as it comes.
        m_state->setBatchInterval(0);
        m_host->server().closeConnection(m_host->connection(), QWebSocketProtocol::CloseCodeGoingAway,
                                         u"restart"_s);
        QTRY_VERIFY(std::any_of(m_events.cbegin(), m_events.cend(),
                                [](const Event &event)
                                {
                                    return event.name == "connection" &&
                                           event.data.value("state", "") != "connected" &&
                                           event.data.at("connectedSince").is_null();
                                }));
        QTRY_COMPARE_WITH_TIMEOUT(events("connection").constLast().value("state", ""),
                                  std::string("connected"), 10000);
        QVERIFY(events("connection").constLast().at("connectedSince").is_string());
    }

    void aFloodOfUpdatesTravelsInBatches()
    {
        listen();
        const QUuid battle = QUuid::createUuid();
        constexpr int Count = 10000;
        for (int i = 0; i < Count; ++i)
        {
            m_host->service().updates()->append(battle, {{"type", "player_chat"}, {"n", i}});
        }
        m_state->flush();
        const QList<Json> batches = events("updates");
        int received = 0;
        for (const Json &batch : batches)
        {
            QVERIFY(batch.at("updates").size() <= size_t(HostState::MaxBatchSize));
            for (const Json &entry : batch.at("updates"))
            {
                QCOMPARE(entry.at("update").value("n", -1), received);
                ++received;
            }
        }
        QCOMPARE(received, Count);
        QCOMPARE(batches.size(), Count / HostState::MaxBatchSize);
    }

    void nothingIsCollectedWithoutListeners()
    {
        m_host->service().updates()->append(QUuid::createUuid(), {{"type", "player_chat"}});
        m_recorder->record(QtInfoMsg, "autohost.test", u"unheard"_s, 0);
        QTest::qWait(50); // the recorder delivers in the next event loop turn
        listen();
        m_state->flush();
        QVERIFY(events("updates").isEmpty());
        QVERIFY(events("log").isEmpty());
        m_host->service().updates()->append(QUuid::createUuid(), {{"type", "player_chat"}});
        m_state->flush();
        QCOMPARE(events("updates").size(), 1);
    }

    void logLinesTravelInBatches()
    {
        listen();
        for (int i = 0; i < 2500; ++i)
        {
            m_recorder->record(QtInfoMsg, "autohost.test", u"line %1"_s.arg(i), 1767323045678 + i);
        }
        QTRY_VERIFY(
            [this]
            {
                int lines = 0;
                for (const Json &batch : events("log"))
                {
                    for (const Json &record : batch.at("records"))
                    {
                        lines += record.value("category", "") == "autohost.test";
                    }
                }
                return lines == 2500;
            }());
        QVERIFY(events("log").size() <= 4);
        qint64 previous = 0;
        for (const Json &batch : events("log"))
        {
            for (const Json &record : batch.at("records"))
            {
                QVERIFY(record.value("sequence", qint64(0)) > previous);
                previous = record.value("sequence", qint64(0));
            }
        }
    }

    void droppedRowsAreRemoved()
    {
        listen();
        // Failed starts end at once; the oldest of more than MaxEndedRows ended rows is dropped.
        QList<QUuid> ids;
        for (int i = 0; i <= BattleListModel::MaxEndedRows; ++i)
        {
            const QUuid id = QUuid::createUuid();
            const Json response = m_host->request(
                u"autohost/start"_s, ServiceTestHost::startData(id, {{u"fakestartup"_s, u"crash"_s}}));
            QCOMPARE(response.value("reason", ""), std::string("internal_error"));
            ids.append(id);
            QTRY_COMPARE(m_host->service().battles()->currentBattles(), 0);
        }
        QTRY_COMPARE(events("battleRemoved").size(), 1);
        QCOMPARE(events("battleRemoved")[0].value("battleId", ""), toStdString(uuidText(ids.constFirst())));
        QCOMPARE(m_state->snapshot().at("battles").size(), size_t(BattleListModel::MaxEndedRows));
        QCOMPARE(lastBattleRow(ids.constLast()).value("battleState", ""), std::string("failed"));
    }

    void connectionStateNames()
    {
        QCOMPARE(HostState::connectionStateName(nullptr), u"local"_s);
        QCOMPARE(HostState::connectionStateName(m_host->service().client()), u"connected"_s);
        QCOMPARE(HostState::nextRetrySeconds(nullptr), 0);
        Config config;
        QCOMPARE(HostState::serverAddress(config), QString());
        config.tachyonServer = u"lobby.example"_s;
        QCOMPARE(HostState::serverAddress(config), u"lobby.example"_s);
        config.tachyonServerPort = 8200;
        QCOMPARE(HostState::serverAddress(config), u"lobby.example:8200"_s);
    }
};

QTEST_GUILESS_MAIN(TestHostState)
#include "tst_hoststate.moc"
