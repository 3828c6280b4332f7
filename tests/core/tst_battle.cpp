#include <cerrno>
#include <csignal>

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include "battles/battle.h"

using namespace Qt::Literals::StringLiterals;

// Battle against the fake engine (tests/helpers/fakeengine), which speaks the UDP interface like
// spring-dedicated and follows fault-injection instructions from the start script's [MODOPTIONS].
class TestBattle : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static StartRequest request(const StringPairs &gameOptions = {})
    {
        StartRequest request;
        request.battleId = QUuid::createUuid();
        request.engineVersion = u"fake"_s;
        request.gameName = u"MiniGame 1.0"_s;
        request.mapName = u"MiniMap"_s;
        request.startPosType = StartPosType::Ingame;
        AllyTeamSpec first;
        first.teams.append(TeamSpec{});
        first.teams[0].players.append(PlayerSpec{u"1001"_s, u"Alice"_s, u"pwA"_s, {}, {}, {}});
        AllyTeamSpec second;
        second.teams.append(TeamSpec{});
        second.teams[0].players.append(PlayerSpec{u"1002"_s, u"Bob"_s, u"pwB"_s, {}, {}, {}});
        request.allyTeams = {first, second};
        request.spectators.append(PlayerSpec{u"1003"_s, u"Carol"_s, u"pwC"_s, {}, {}, {}});
        request.gameOptions = gameOptions;
        return request;
    }

    Battle::Settings settings(const QUuid &id) const
    {
        Battle::Settings settings;
        settings.instanceDir = m_dir.filePath(id.toString(QUuid::WithoutBraces));
        settings.enginePath = QStringLiteral(FAKE_ENGINE_PATH);
        settings.endpoints = {u"127.0.0.1"_s, 0, u"127.0.0.1"_s, 0};
        settings.startTimeoutMs = 5000;
        settings.killGraceMs = 2000;
        settings.terminateGraceMs = 2000;
        return settings;
    }

    // A battle with a bound socket; the caller owns it.
    Battle *makeBattle(const StartRequest &startRequest, Battle::Settings battleSettings)
    {
        auto *socket = new AutohostSocket;
        if (!socket->bind(0))
        {
            qFatal("cannot bind a UDP socket on 127.0.0.1");
        }
        battleSettings.endpoints.autohostPort = socket->localPort();
        battleSettings.endpoints.hostPort = quint16(socket->localPort() + 1);
        return new Battle(startRequest, battleSettings, socket, this);
    }

    static QList<Json> updates(const QSignalSpy &spy)
    {
        QList<Json> result;
        for (const QList<QVariant> &arguments : spy)
        {
            result.append(arguments.at(0).value<EngineUpdate>().parsed());
        }
        return result;
    }

    static QString engineLog(const Battle &battle)
    {
        QFile file(battle.settings().instanceDir + u"/engine.log"_s);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    static bool waitForEnd(Battle *battle, int timeout = 15000)
    {
        if (battle->state() == Battle::State::Exited)
        {
            return true;
        }
        QSignalSpy ended(battle, &Battle::ended);
        return ended.wait(timeout);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(QStringLiteral(FAKE_ENGINE_PATH)), FAKE_ENGINE_PATH);
    }

    void startsWritesTheInstanceAndStopsCleanly()
    {
        const StartRequest startRequest = request();
        Battle *battle = makeBattle(startRequest, settings(startRequest.battleId));
        QSignalSpy succeeded(battle, &Battle::startSucceeded);
        QSignalSpy failed(battle, &Battle::startFailed);
        QSignalSpy updated(battle, &Battle::updated);
        battle->start();
        QVERIFY(succeeded.wait(10000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(battle->state(), Battle::State::Running);

        const QString dir = battle->settings().instanceDir;
        QFile script(dir + u"/script.txt"_s);
        QVERIFY(script.open(QIODevice::ReadOnly));
        const QByteArray scriptText = script.readAll();
        const QByteArray gameId = startRequest.battleId.toRfc4122().toHex(' ');
        const QByteArray gameIdLine = QByteArray("GameID = ").append(gameId).append(';');
        QVERIFY2(scriptText.contains(gameIdLine), scriptText.constData());
        QFile settingsFile(dir + u"/springsettings.cfg"_s);
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        QVERIFY(settingsFile.readAll().contains("AllowSpectatorJoin=0"));
        // The script holds the players' passwords: the autohost's user only, whatever the umask.
        const auto ownerOnly = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser;
        QCOMPARE(script.permissions(), ownerOnly);
        QCOMPARE(settingsFile.permissions(), ownerOnly);

        battle->stop(u"test"_s);
        QCOMPARE(battle->state(), Battle::State::Stopping);
        QVERIFY(waitForEnd(battle));
        const QList<Json> all = updates(updated);
        QVERIFY(!all.isEmpty());
        QCOMPARE(all.constLast().at("type").get<std::string>(), std::string("engine_quit"));
        for (qsizetype i = 0; i + 1 < all.size(); ++i)
        {
            QCOMPARE(all.at(i).at("type").get<std::string>(), std::string("engine_message"));
        }
        QVERIFY2(engineLog(*battle).contains(u"/kill"_s), qPrintable(engineLog(*battle)));
        delete battle;
    }

    void startFailures_data()
    {
        QTest::addColumn<QString>("startup");
        QTest::addColumn<QString>("detailsContain");
        QTest::newRow("never sends SERVER_STARTED")
            << u"never"_s << u"did not report SERVER_STARTED within"_s;
        QTest::newRow("exits 0 before starting") << u"exit0"_s << u"exit code 0"_s;
        QTest::newRow("crashes before starting") << u"crash"_s << u"exit code 3"_s;
    }

    void startFailures()
    {
        QFETCH(QString, startup);
        QFETCH(QString, detailsContain);
        const StartRequest startRequest = request({{u"fakestartup"_s, startup}});
        Battle::Settings battleSettings = settings(startRequest.battleId);
        battleSettings.startTimeoutMs = 700;
        Battle *battle = makeBattle(startRequest, battleSettings);
        QSignalSpy succeeded(battle, &Battle::startSucceeded);
        QSignalSpy failed(battle, &Battle::startFailed);
        QSignalSpy updated(battle, &Battle::updated);
        battle->start();
        const qint64 pid = battle->pid();
        QVERIFY(pid > 0);
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.at(0).at(0).toString(), u"internal_error"_s);
        const QString details = failed.at(0).at(1).toString();
        QVERIFY2(details.contains(detailsContain), qPrintable(details));
        QVERIFY(waitForEnd(battle));
        // No engine process is left behind.
        QCOMPARE(::kill(pid_t(pid), 0), -1);
        QCOMPARE(errno, ESRCH);
        QCOMPARE(succeeded.count(), 0);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(updated.count(), 0); // a battle that never started has no updates
        QCOMPARE(battle->outcome(), Battle::Outcome::StartFailed);
        QCOMPARE(battle->outcomeDetails(), details);
        delete battle;
    }

    void missingBinaryFailsTheStart()
    {
        const StartRequest startRequest = request();
        Battle::Settings battleSettings = settings(startRequest.battleId);
        battleSettings.enginePath = m_dir.filePath(u"no-such-engine/spring-dedicated"_s);
        Battle *battle = makeBattle(startRequest, battleSettings);
        QSignalSpy failed(battle, &Battle::startFailed);
        battle->start();
        QVERIFY(failed.count() == 1 || failed.wait(5000));
        QVERIFY2(failed.at(0).at(1).toString().contains(u"cannot start"_s),
                 qPrintable(failed.at(0).at(1).toString()));
        QVERIFY(waitForEnd(battle));
        delete battle;
    }

    void endsAfterStart_data()
    {
        QTest::addColumn<QString>("afterStart");
        QTest::addColumn<QString>("terminal");
        QTest::addColumn<QString>("detailsContain");
        QTest::addColumn<Battle::Outcome>("outcome");
        QTest::newRow("crash") << u"crash:200"_s << u"engine_crash"_s << u"exit code 3"_s
                               << Battle::Outcome::Crashed;
        QTest::newRow("signal") << u"segv:200"_s << u"engine_crash"_s << u"signal"_s
                                << Battle::Outcome::Crashed;
        QTest::newRow("quits by itself")
            << u"quit:200"_s << u"engine_quit"_s << QString() << Battle::Outcome::Quit;
        QTest::newRow("exit 0 without SERVER_QUIT")
            << u"exit0:200"_s << u"engine_quit"_s << QString() << Battle::Outcome::Quit;
    }

    void endsAfterStart()
    {
        QFETCH(QString, afterStart);
        QFETCH(QString, terminal);
        QFETCH(QString, detailsContain);
        QFETCH(Battle::Outcome, outcome);
        const StartRequest startRequest = request({{u"fakeafterstart"_s, afterStart}});
        Battle *battle = makeBattle(startRequest, settings(startRequest.battleId));
        QSignalSpy succeeded(battle, &Battle::startSucceeded);
        QSignalSpy updated(battle, &Battle::updated);
        battle->start();
        QVERIFY(succeeded.wait(10000));
        QVERIFY(waitForEnd(battle));
        const QList<Json> all = updates(updated);
        int terminals = 0;
        for (const Json &update : all)
        {
            const std::string type = update.at("type").get<std::string>();
            terminals += type == "engine_quit" || type == "engine_crash";
        }
        QCOMPARE(terminals, 1);
        QCOMPARE(toQString(all.constLast().at("type").get<std::string>()), terminal);
        if (!detailsContain.isEmpty())
        {
            const QString details = toQString(all.constLast().value("details", ""));
            QVERIFY2(details.contains(detailsContain), qPrintable(details));
            QCOMPARE(battle->outcomeDetails(), details);
        }
        QCOMPARE(battle->outcome(), outcome);
        if (outcome == Battle::Outcome::Quit)
        {
            QVERIFY2(battle->outcomeDetails().startsWith(u"exit code 0"_s),
                     qPrintable(battle->outcomeDetails()));
        }
        delete battle;
    }

    void aFloodOfEngineEventsLosesNothing()
    {
        const StartRequest startRequest = request({{u"fakescript"_s, u"flood,5000|quit"_s}});
        Battle *battle = makeBattle(startRequest, settings(startRequest.battleId));
        QSignalSpy updated(battle, &Battle::updated);
        battle->start();
        QVERIFY(waitForEnd(battle, 30000));
        int messages = 0;
        for (const Json &update : updates(updated))
        {
            messages += update.value("type", "") == "engine_message";
        }
        // The flood plus the engine's own two start-up messages, then exactly one engine_quit.
        QCOMPARE(messages, 5002);
        QCOMPARE(updates(updated).constLast().value("type", ""), std::string("engine_quit"));
        delete battle;
    }

    void aStrangerCannotPoseAsTheEngine()
    {
        const StartRequest startRequest = request({{u"fakestartup"_s, u"delay:1000"_s}});
        Battle *battle = makeBattle(startRequest, settings(startRequest.battleId));
        QSignalSpy succeeded(battle, &Battle::startSucceeded);
        QSignalSpy updated(battle, &Battle::updated);
        battle->start();
        // Another local program gets its SERVER_STARTED in first, then what would be the engine's events.
        QUdpSocket stranger;
        QVERIFY(stranger.bind(QHostAddress::LocalHost, 0));
        const quint16 autohostPort = battle->settings().endpoints.autohostPort;
        for (const char *hex : {"00", "0a00416c696365", "01"})
        {
            stranger.writeDatagram(QByteArray::fromHex(hex), QHostAddress::LocalHost, autohostPort);
        }
        QVERIFY(succeeded.wait(10000));
        // The fake engine logs this just before its SERVER_STARTED, a second after the stranger's.
        QVERIFY2(engineLog(*battle).contains(u"[UDPListener] successfully bound socket"_s),
                 "started before the engine did");
        // Commands go to the engine, and the stranger's packets made no updates.
        QVERIFY(battle->sendMessage(u"hello engine"_s));
        QTRY_VERIFY_WITH_TIMEOUT(engineLog(*battle).contains(u"hello engine"_s), 10000);
        QVERIFY(stranger.bytesAvailable() <= 0);
        for (const Json &update : updates(updated))
        {
            QCOMPARE(update.value("type", ""), std::string("engine_message"));
        }
        battle->stop(u"test"_s);
        QVERIFY(waitForEnd(battle));
        delete battle;
    }

    void anEngineThatIgnoresKillAndSigtermIsKilled()
    {
        const StartRequest startRequest = request({{u"fakeafterstart"_s, u"hang"_s}});
        Battle::Settings battleSettings = settings(startRequest.battleId);
        battleSettings.killGraceMs = 300;
        battleSettings.terminateGraceMs = 300;
        Battle *battle = makeBattle(startRequest, battleSettings);
        QSignalSpy succeeded(battle, &Battle::startSucceeded);
        QSignalSpy updated(battle, &Battle::updated);
        battle->start();
        QVERIFY(succeeded.wait(10000));
        battle->stop(u"test"_s);
        QVERIFY(waitForEnd(battle));
        // Stopped by the autohost: a clean quit, whatever signal ended it.
        QCOMPARE(updates(updated).constLast().at("type").get<std::string>(), std::string("engine_quit"));
        delete battle;
    }

    void stoppingWhileStartingFailsTheStart()
    {
        const StartRequest startRequest = request({{u"fakestartup"_s, u"delay:3000"_s}});
        Battle *battle = makeBattle(startRequest, settings(startRequest.battleId));
        QSignalSpy succeeded(battle, &Battle::startSucceeded);
        QSignalSpy failed(battle, &Battle::startFailed);
        QSignalSpy updated(battle, &Battle::updated);
        battle->start();
        QTest::qWait(200);
        battle->stop(u"test"_s);
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.at(0).at(1).toString().contains(u"stopped before"_s));
        QVERIFY(waitForEnd(battle));
        QCOMPARE(succeeded.count(), 0);
        QCOMPARE(updated.count(), 0);
        delete battle;
    }

    void maximumDurationStopsTheGame()
    {
        const StartRequest startRequest = request();
        Battle::Settings battleSettings = settings(startRequest.battleId);
        battleSettings.maxDurationMs = 300;
        Battle *battle = makeBattle(startRequest, battleSettings);
        QSignalSpy updated(battle, &Battle::updated);
        battle->start();
        QVERIFY(waitForEnd(battle));
        QCOMPARE(updates(updated).constLast().at("type").get<std::string>(), std::string("engine_quit"));
        QVERIFY(engineLog(*battle).contains(u"/kill"_s));
        delete battle;
    }

    void requestsBecomeCommandsByPlayerNumber()
    {
        // Carol (player number 2) must have joined for the engine to kick her.
        const StartRequest startRequest = request({{u"fakescript"_s, u"join,2"_s}});
        Battle *battle = makeBattle(startRequest, settings(startRequest.battleId));
        QSignalSpy succeeded(battle, &Battle::startSucceeded);
        QSignalSpy updated(battle, &Battle::updated);
        QSignalSpy playerUpdated(battle, &Battle::playerUpdated);
        // Commands given before SERVER_STARTED wait for the engine.
        QVERIFY(battle->mutePlayer(u"1002"_s, true, false));
        battle->start();
        QVERIFY(succeeded.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!updates(updated).isEmpty() &&
                                     updates(updated).constLast().value("type", "") == "player_joined",
                                 5000);

        QVERIFY(battle->kickPlayer(u"1003"_s));
        QVERIFY(battle->specPlayers({u"1001"_s, u"1002"_s}));
        QVERIFY(battle->addPlayer(u"1004"_s, u"Dave"_s, u"pwD"_s));
        QVERIFY(battle->addPlayer(u"1004"_s, u"Dave"_s, u"newpw"_s));
        QVERIFY(battle->sendMessage(u"/hello"_s));
        QVERIFY(battle->sendCommand(u"setmaxspeed"_s, {u"3"_s}));

        const auto unknown = battle->kickPlayer(u"999"_s);
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().startsWith(u"data.userId: user 999 is not in battle"_s),
                 qPrintable(unknown.error()));
        const auto oneUnknown = battle->specPlayers({u"1001"_s, u"999"_s});
        QVERIFY(!oneUnknown);
        QVERIFY(oneUnknown.error().startsWith(u"data.userIds[1]"_s));
        const auto renamed = battle->addPlayer(u"1004"_s, u"Dan"_s, u"pw"_s);
        QVERIFY(!renamed);
        QVERIFY(renamed.error().startsWith(u"data.name"_s));
        const auto nameTaken = battle->addPlayer(u"1005"_s, u"alice"_s, u"pw"_s);
        QVERIFY(!nameTaken);

        // The kick comes back as player_left "kicked" for the spectator's userId; specs as player_defeated.
        QTRY_VERIFY_WITH_TIMEOUT(engineLog(*battle).contains(u"/setmaxspeed 3"_s), 5000);
        const QString log = engineLog(*battle);
        for (const QString &line :
             {u"/mutebynum 1 1 0"_s, u"/kickbynum 2"_s, u"/specbynum 0"_s, u"/specbynum 1"_s,
              u"/adduser Dave pwD 1"_s, u"/adduser Dave newpw"_s, u"//hello"_s})
        {
            QVERIFY2(log.contains(line), qPrintable(line + u" missing from\n"_s + log));
        }
        QVERIFY(log.indexOf(u"/specbynum 0"_s) < log.indexOf(u"/specbynum 1"_s));
        // Nothing reached the engine for the refused requests: no datagram names user 999 (only the
        // datagrams, as timestamps and ports may contain 999 by chance).
        for (const QString &line : log.split(u'\n'))
        {
            QVERIFY2(!line.section(u"received: "_s, 1).contains(u"999"_s), qPrintable(line));
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            [&]
            {
                for (const Json &update : updates(updated))
                {
                    if (update.value("type", "") == "player_left" && update.value("userId", "") == "1003" &&
                        update.value("reason", "") == "kicked")
                    {
                        return true;
                    }
                }
                return false;
            }(),
            5000);
        battle->stop(u"test"_s);
        QVERIFY(waitForEnd(battle));
        QVERIFY(!battle->kickPlayer(u"1001"_s)); // a stopped battle takes no more commands

        // playerUpdated repeats exactly the updates about players coming, going and becoming spectators, and
        // none of the others (the engine's messages).
        QList<Json> aboutPlayers;
        for (const Json &update : updates(updated))
        {
            const std::string type = update.value("type", "");
            if (type == "player_joined" || type == "player_left" || type == "player_defeated")
            {
                aboutPlayers.append(update);
            }
        }
        QCOMPARE(updates(playerUpdated), aboutPlayers);
        QCOMPARE(aboutPlayers.size(), 2); // Carol joined, then was kicked
        QVERIFY(updates(updated).size() > aboutPlayers.size());
        delete battle;
    }
    void exposesWhatAViewNeeds()
    {
        const StartRequest startRequest = request();
        Battle *battle = makeBattle(startRequest, settings(startRequest.battleId));
        QCOMPARE(battle->engineLogPath(), battle->settings().instanceDir + u"/engine.log"_s);
        QVERIFY(battle->startedAt().isValid());
        QCOMPARE(battle->startedAt().timeSpec(), Qt::UTC);
        QCOMPARE(battle->outcome(), Battle::Outcome::Pending);
        QVERIFY(battle->outcomeDetails().isEmpty());
        QCOMPARE(battle->password(u"1001"_s), u"pwA"_s);
        QCOMPARE(battle->password(u"1003"_s), u"pwC"_s);
        QVERIFY(battle->password(u"999"_s).isEmpty());

        QSignalSpy succeeded(battle, &Battle::startSucceeded);
        battle->start();
        QVERIFY(succeeded.wait(10000));
        QVERIFY(QFile::exists(battle->engineLogPath()));
        const qint64 early = battle->uptimeMs();
        QVERIFY(early >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(battle->uptimeMs() > early, 5000);

        battle->stop(u"operator request"_s);
        QVERIFY(waitForEnd(battle));
        QCOMPARE(battle->outcome(), Battle::Outcome::Quit);
        QVERIFY2(battle->outcomeDetails().contains(u"exit code 0"_s), qPrintable(battle->outcomeDetails()));
        QVERIFY2(battle->outcomeDetails().contains(u"stopped: operator request"_s),
                 qPrintable(battle->outcomeDetails()));
        // Frozen once the engine has exited.
        const qint64 atExit = battle->uptimeMs();
        QVERIFY(atExit >= early);
        QTest::qWait(30);
        QCOMPARE(battle->uptimeMs(), atExit);
        delete battle;
    }

    void playerActionsAreSignalled()
    {
        const StartRequest startRequest = request();
        Battle *battle = makeBattle(startRequest, settings(startRequest.battleId));
        QSignalSpy added(battle, &Battle::playerAdded);
        QSignalSpy muted(battle, &Battle::playerMuted);
        QSignalSpy succeeded(battle, &Battle::startSucceeded);
        battle->start();
        QVERIFY(succeeded.wait(10000));

        QVERIFY(battle->addPlayer(u"1004"_s, u"Dave"_s, u"pwD"_s));
        QCOMPARE(added.count(), 1);
        const auto dave = added.at(0).at(0).value<ScriptPlayer>();
        QCOMPARE(dave.userId, u"1004"_s);
        QCOMPARE(dave.name, u"Dave"_s);
        QCOMPARE(dave.number, 3);
        QVERIFY(dave.spectator);
        QCOMPARE(battle->password(u"1004"_s), u"pwD"_s);
        // A new password for a known user is a successful addPlayer too.
        QVERIFY(battle->addPlayer(u"1001"_s, u"Alice"_s, u"newA"_s));
        QCOMPARE(added.count(), 2);
        QCOMPARE(added.at(1).at(0).value<ScriptPlayer>().userId, u"1001"_s);
        QCOMPARE(added.at(1).at(0).value<ScriptPlayer>().number, 0);
        QCOMPARE(battle->password(u"1001"_s), u"newA"_s);
        QVERIFY(!battle->addPlayer(u"1005"_s, u"alice"_s, u"pw"_s));
        QCOMPARE(added.count(), 2);
        QVERIFY(battle->password(u"1005"_s).isEmpty());

        QVERIFY(battle->mutePlayer(u"1002"_s, false, true));
        QCOMPARE(muted.count(), 1);
        QCOMPARE(muted.at(0), (QList<QVariant>{u"1002"_s, false, true}));
        QVERIFY(!battle->mutePlayer(u"999"_s, true, true));
        QCOMPARE(muted.count(), 1);

        battle->stop(u"test"_s);
        QVERIFY(waitForEnd(battle));
        QVERIFY(!battle->addPlayer(u"1006"_s, u"Eve"_s, u"pw"_s));
        QVERIFY(!battle->mutePlayer(u"1001"_s, true, true));
        QCOMPARE(added.count(), 2);
        QCOMPARE(muted.count(), 1);
        delete battle;
    }
};

QTEST_GUILESS_MAIN(TestBattle)
#include "tst_battle.moc"
