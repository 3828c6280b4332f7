#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "autohostservice.h"
#include "local/localbattleform.h"
#include "testcontent.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

// The local battle form over a real AutohostService in local mode: battles run the fake engine (installed as
// engine versions) and, in the last test, Debian's real spring-dedicated.
class TestLocalBattleForm : public QObject
{
    Q_OBJECT

private:
    static constexpr auto OlderEngine = "105.1.1-2590-gb9462a0 BAR105";
    static constexpr auto NewerEngine = "2025.04.08";
    static constexpr auto DebianEngine = "/usr/games/spring-dedicated";
    QTemporaryDir m_dir;
    int m_portBase = 0;

    Config config(int maxBattles = 3) const
    {
        Config config; // no tachyonServer: local mode
        config.hostingIP = u"192.0.2.7"_s;
        config.engineBindIP = u"127.0.0.1"_s;
        config.maxBattles = maxBattles;
        config.enginesDir = m_dir.filePath(u"engines"_s);
        config.instancesDir = m_dir.filePath(u"instances"_s);
        config.engineDataDirs = {m_dir.filePath(u"content"_s)};
        config.systemEngines = false;
        config.engineStartPort = m_portBase;
        config.engineAutohostStartPort = m_portBase + 2500;
        config.maxPortsUsed = 20;
        config.engineStartTimeoutSeconds = 5;
        config.engineKillGraceSeconds = 3;
        return config;
    }

    static bool installFakeEngine(const QString &enginesDir, const QString &version)
    {
        const QString dir = enginesDir + u'/' + version;
        return QDir().mkpath(dir) &&
               QFile::link(QStringLiteral(FAKE_ENGINE_PATH), dir + u"/spring-dedicated"_s);
    }

    static void stopAll(AutohostService &service)
    {
        QSignalSpy finished(&service, &AutohostService::finished);
        service.shutdown(u"test finished"_s);
        QVERIFY(finished.count() == 1 || finished.wait(20000));
    }

    // Fills the form with a valid battle of the tests' content.
    static void fill(LocalBattleForm &form)
    {
        form.setGameName(QString::fromLatin1(TestContent::GameName));
        form.setMapName(QString::fromLatin1(TestContent::MapName));
        form.setAllyTeams({u"Alice"_s, u"Bob,\n Carol"_s});
        form.setSpectators(u"Dave"_s);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(installFakeEngine(m_dir.filePath(u"engines"_s), QString::fromLatin1(OlderEngine)));
        QVERIFY(TestContent::write(m_dir.filePath(u"content"_s)));
        m_portBase = 36000 + int(QCoreApplication::applicationPid() % 40) * 50;
    }

    void defaults()
    {
        AutohostService service(config());
        service.start();
        LocalBattleForm form(&service);
        QCOMPARE(form.availableEngines(), QStringList{QString::fromLatin1(OlderEngine)});
        QCOMPARE(form.engineVersion(), QString::fromLatin1(OlderEngine));
        QCOMPARE(form.startPosType(), u"chooseInGame"_s);
        QCOMPARE(form.allyTeams(), QStringList({u"Player1"_s, u"Player2"_s}));
        QCOMPARE(form.spectators(), QString());
        QVERIFY(form.errors().isEmpty());
        QVERIFY(!form.busy());
        QVERIFY(form.lastResult().isEmpty());
        QCOMPARE(form.plan().startPosType, StartPosType::Ingame);
        QCOMPARE(form.plan().allyTeams, QList<QStringList>({{u"Player1"_s}, {u"Player2"_s}}));
        // The players the form opens with are valid: only what the operator must pick is missing.
        QVERIFY(!form.validate());
        QCOMPARE(form.errors().keys(), QStringList({u"gameName"_s, u"mapName"_s}));
        // The content of the configured data directory turns up as suggestions.
        QTRY_VERIFY_WITH_TIMEOUT(form.games().contains(QString::fromLatin1(TestContent::GameName)), 10000);
        QVERIFY(form.maps().contains(QString::fromLatin1(TestContent::MapName)));
        QVERIFY(!form.scanning());
    }

    void engineFollowsTheNewestUntilChosen()
    {
        QTemporaryDir engines;
        QVERIFY(installFakeEngine(engines.path(), QString::fromLatin1(OlderEngine)));
        Config settings = config();
        settings.enginesDir = engines.path();
        AutohostService service(settings);
        service.start();
        LocalBattleForm form(&service);
        QSignalSpy available(&form, &LocalBattleForm::availableEnginesChanged);
        QCOMPARE(form.engineVersion(), QString::fromLatin1(OlderEngine));

        QVERIFY(installFakeEngine(engines.path(), QString::fromLatin1(NewerEngine)));
        QTRY_COMPARE_WITH_TIMEOUT(form.engineVersion(), QString::fromLatin1(NewerEngine), 10000);
        QVERIFY(available.count() >= 1);
        QCOMPARE(form.availableEngines().size(), 2);

        form.setEngineVersion(QString::fromLatin1(OlderEngine));
        QVERIFY(installFakeEngine(engines.path(), u"2026.01.01"_s));
        QTRY_COMPARE_WITH_TIMEOUT(form.availableEngines().size(), 3, 10000);
        QCOMPARE(form.engineVersion(), QString::fromLatin1(OlderEngine));
        // Clearing the choice goes back to the newest.
        form.setEngineVersion(QString());
        QCOMPARE(form.engineVersion(), u"2026.01.01"_s);
    }

    void editingAllyTeams()
    {
        AutohostService service(config());
        LocalBattleForm form(&service);
        QSignalSpy changed(&form, &LocalBattleForm::allyTeamsChanged);
        form.addAllyTeam();
        QCOMPARE(form.allyTeams(), QStringList({u"Player1"_s, u"Player2"_s, QString()}));
        form.setAllyTeam(2, u"Erin, Frank"_s);
        form.setAllyTeam(7, u"ignored"_s);
        QCOMPARE(form.allyTeams().at(2), u"Erin, Frank"_s);
        form.removeAllyTeam(0);
        form.removeAllyTeam(-1);
        QCOMPARE(form.allyTeams(), QStringList({u"Player2"_s, u"Erin, Frank"_s}));
        QCOMPARE(form.plan().allyTeams, QList<QStringList>({{u"Player2"_s}, {u"Erin"_s, u"Frank"_s}}));
        QCOMPARE(changed.count(), 3);
        form.setSpectators(u"Gina"_s);
        form.resetPlayers();
        QCOMPARE(form.allyTeams(), QStringList({u"Player1"_s, u"Player2"_s}));
        QCOMPARE(form.spectators(), QString());
    }

    void startPosTypes()
    {
        AutohostService service(config());
        LocalBattleForm form(&service);
        const QList<QPair<QString, StartPosType>> types = {{u"fixed"_s, StartPosType::Fixed},
                                                           {u"random"_s, StartPosType::Random},
                                                           {u"chooseBeforeGame"_s, StartPosType::BeforeGame},
                                                           {u"chooseInGame"_s, StartPosType::Ingame}};
        for (const auto &[name, type] : types)
        {
            form.setStartPosType(name);
            QCOMPARE(form.startPosType(), name);
            QCOMPARE(form.plan().startPosType, type);
        }
        QSignalSpy changed(&form, &LocalBattleForm::startPosTypeChanged);
        QTest::ignoreMessage(QtWarningMsg,
                             "local battle form: unknown start position type \"ingame\" ignored");
        form.setStartPosType(u"ingame"_s);
        QCOMPARE(form.startPosType(), u"chooseInGame"_s);
        QCOMPARE(changed.count(), 0);
    }

    void splitNames_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("empty") << QString() << QStringList();
        QTest::newRow("one") << u"Alice"_s << QStringList{u"Alice"_s};
        QTest::newRow("commas") << u"Alice,Bob , Carol"_s << QStringList({u"Alice"_s, u"Bob"_s, u"Carol"_s});
        QTest::newRow("lines") << u"Alice\nBob\r\nCarol\n"_s
                               << QStringList({u"Alice"_s, u"Bob"_s, u"Carol"_s});
        QTest::newRow("blank entries dropped") << u" , \n,,Alice,\n \n"_s << QStringList{u"Alice"_s};
        QTest::newRow("inner spaces stay") << u"Bo b"_s << QStringList{u"Bo b"_s};
    }

    void splitNames()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, names);
        QCOMPARE(LocalBattleForm::splitNames(text), names);
    }

    void newestVersion_data()
    {
        QTest::addColumn<QStringList>("versions");
        QTest::addColumn<QString>("newest");
        QTest::newRow("none") << QStringList() << QString();
        QTest::newRow("numbers, not text")
            << QStringList({u"99.1"_s, u"106.0"_s, u"105.1.1-2590-gb9462a0 BAR105"_s}) << u"106.0"_s;
        QTest::newRow("Recoil's dates")
            << QStringList({u"2025.04.08"_s, u"106.0"_s, u"2025.10.1"_s}) << u"2025.10.1"_s;
        QTest::newRow("same numbers, then text")
            << QStringList({u"105.1.1-2590-gb9462a0 BAR105"_s, u"105.1.1-2511-g747f18b BAR105"_s})
            << u"105.1.1-2590-gb9462a0 BAR105"_s;
    }

    void newestVersion()
    {
        QFETCH(QStringList, versions);
        QFETCH(QString, newest);
        QCOMPARE(LocalBattleForm::newestVersion(versions), newest);
    }

    void hostAddress_data()
    {
        QTest::addColumn<QString>("hostingIp");
        QTest::addColumn<QString>("bindIp");
        QTest::addColumn<QStringList>("machine");
        QTest::addColumn<QString>("host");
        const QStringList machine = {u"::1"_s,         u"127.0.0.1"_s,    u"169.254.3.4"_s, u"fe80::1"_s,
                                     u"2001:db8::5"_s, u"192.168.1.20"_s, u"10.0.0.3"_s};
        QTest::newRow("hostingIP wins") << u"203.0.113.9"_s << u"127.0.0.1"_s << machine << u"203.0.113.9"_s;
        QTest::newRow("a specific bind address") << QString() << u"10.0.0.3"_s << machine << u"10.0.0.3"_s;
        QTest::newRow("bound to loopback only") << QString() << u"127.0.0.1"_s << machine << u"127.0.0.1"_s;
        QTest::newRow("first usable IPv4") << QString() << u"0.0.0.0"_s << machine << u"192.168.1.20"_s;
        QTest::newRow("any IPv6 bind") << QString() << u"::"_s << machine << u"192.168.1.20"_s;
        QTest::newRow("only loopback and link-local")
            << QString() << u"0.0.0.0"_s << QStringList({u"127.0.0.1"_s, u"169.254.1.1"_s, u"fe80::2"_s})
            << u"127.0.0.1"_s;
        QTest::newRow("no addresses") << QString() << u"0.0.0.0"_s << QStringList() << u"127.0.0.1"_s;
    }

    void hostAddress()
    {
        QFETCH(QString, hostingIp);
        QFETCH(QString, bindIp);
        QFETCH(QStringList, machine);
        QFETCH(QString, host);
        QList<QHostAddress> addresses;
        for (const QString &address : machine)
        {
            addresses.append(QHostAddress(address));
        }
        QCOMPARE(LocalBattleForm::hostAddress(hostingIp, bindIp, addresses), host);
    }

    void machineAddressesLeaveOutLoopback()
    {
        for (const QHostAddress &address : LocalBattleForm::machineAddresses())
        {
            QVERIFY2(!address.isLoopback(), qPrintable(address.toString()));
        }
    }

    void startRunsABattleAndHandsOutTheJoinData()
    {
        AutohostService service(config());
        service.start();
        LocalBattleForm form(&service);
        int passwords = 0;
        form.setPasswordSource([&passwords] { return u"secret%1"_s.arg(++passwords); });
        fill(form);
        QSignalSpy started(&form, &LocalBattleForm::started);
        QSignalSpy failed(&form, &LocalBattleForm::startFailed);
        QSignalSpy busy(&form, &LocalBattleForm::busyChanged);

        form.start();
        QVERIFY(form.busy());
        QVERIFY(started.wait(10000));
        QCOMPARE(failed.count(), 0);
        QVERIFY(!form.busy());
        QCOMPARE(busy.count(), 2);
        QVERIFY(form.errors().isEmpty());

        const QString battleId = started.at(0).at(0).toString();
        const auto battle = service.battles()->find(QUuid::fromString(battleId));
        QVERIFY(battle.ok());
        QCOMPARE((*battle)->state(), Battle::State::Running);
        const StartRequest &request = (*battle)->request();
        QCOMPARE(request.engineVersion, QString::fromLatin1(OlderEngine));
        QCOMPARE(request.gameName, u"MiniGame 1.0"_s);
        QCOMPARE(request.startPosType, StartPosType::Ingame);
        QCOMPARE(request.allyTeams.size(), 2);
        QCOMPARE(request.allyTeams[1].teams.size(), 2);
        QCOMPARE(request.allyTeams[1].teams[1].players.at(0).name, u"Carol"_s);
        QCOMPARE(request.spectators.at(0).name, u"Dave"_s);

        const QVariantMap result = form.lastResult();
        QCOMPARE(result.value(u"battleId"_s).toString(), battleId);
        QCOMPARE(result.value(u"host"_s).toString(), u"192.0.2.7"_s);
        QCOMPARE(result.value(u"port"_s).toInt(), int((*battle)->settings().endpoints.hostPort));
        QCOMPARE(result.value(u"port"_s).toInt(), m_portBase + 1);
        QCOMPARE(result.value(u"mapName"_s).toString(), u"MiniMap"_s);
        const QVariantList players = result.value(u"players"_s).toList();
        QCOMPARE(players.size(), 4);
        const QVariantMap carol = players.at(2).toMap();
        QCOMPARE(carol.value(u"name"_s).toString(), u"Carol"_s);
        QCOMPARE(carol.value(u"password"_s).toString(), request.allyTeams[1].teams[1].players.at(0).password);
        QCOMPARE(carol.value(u"password"_s).toString(), u"secret3"_s);
        QCOMPARE(carol.value(u"allyTeam"_s).toInt(), 1);
        QCOMPARE(carol.value(u"spectator"_s).toBool(), false);
        const QVariantMap dave = players.at(3).toMap();
        QCOMPARE(dave.value(u"allyTeam"_s).toInt(), -1);
        QCOMPARE(dave.value(u"spectator"_s).toBool(), true);
        QCOMPARE(dave.value(u"password"_s).toString(), request.spectators.at(0).password);

        QCOMPARE(form.joinScript(2),
                 u"[GAME]\n{\n\tHostIP=192.0.2.7;\n\tHostPort=%1;\n\tIsHost=0;\n"
                 u"\tMyPlayerName=Carol;\n\tMyPasswd=secret3;\n}\n"_s.arg(m_portBase + 1));
        QCOMPARE(form.joinScript(4), QString());
        QCOMPARE(form.joinScript(-1), QString());

        // The engine got the players and passwords the form hands out.
        QFile script(m_dir.filePath(u"instances/"_s + battleId + u"/script.txt"_s));
        QVERIFY(script.open(QIODevice::ReadOnly));
        const QByteArray text = script.readAll();
        QVERIFY(text.contains("Name = Carol;"));
        QVERIFY(text.contains("Password = secret3;"));

        // A second start is a new battle with new passwords.
        form.start();
        QVERIFY(started.wait(10000));
        QVERIFY(started.at(1).at(0).toString() != battleId);
        QCOMPARE(service.battles()->currentBattles(), 2);
        QCOMPARE(form.lastResult().value(u"players"_s).toList().at(0).toMap().value(u"password"_s).toString(),
                 u"secret5"_s);
        stopAll(service);
    }

    void invalidFormShowsErrorsAndStartsNothing()
    {
        AutohostService service(config());
        service.start();
        LocalBattleForm form(&service);
        fill(form);
        form.setGameName(QString());
        form.setAllyTeams({u"Alice, Bo b"_s, u" , "_s, u"Carol"_s});
        form.setSpectators(u"carol\nEve"_s);
        QVERIFY(form.errors().isEmpty()); // nothing shows before the first check
        QSignalSpy failed(&form, &LocalBattleForm::startFailed);
        QSignalSpy added(service.battles(), &BattleManager::battleAdded);
        QSignalSpy errorsChanged(&form, &LocalBattleForm::errorsChanged);

        form.start();
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), u"the form has errors"_s);
        QCOMPARE(added.count(), 0);
        QCOMPARE(service.battles()->currentBattles(), 0);
        QVERIFY(!form.busy());
        QVERIFY(form.lastResult().isEmpty());
        const QVariantMap errors = form.errors();
        QCOMPARE(errors.keys(),
                 QStringList({u"allyTeams.0"_s, u"allyTeams.1"_s, u"gameName"_s, u"spectators"_s}));
        QCOMPARE(errors.value(u"gameName"_s).toString(), u"must not be empty"_s);
        QCOMPARE(errors.value(u"allyTeams.0"_s).toString(), u"\"Bo b\": must not contain white space"_s);
        QCOMPARE(errors.value(u"allyTeams.1"_s).toString(), u"must have at least one player"_s);
        QCOMPARE(errors.value(u"spectators"_s).toString(),
                 u"\"carol\": duplicates name \"Carol\" of ally team 3 (names are case-insensitive)"_s);
        QCOMPARE(errorsChanged.count(), 1);

        // From now on the messages follow the edits.
        form.setGameName(u"MiniGame 1.0"_s);
        QVERIFY(!form.errors().contains(u"gameName"_s));
        form.removeAllyTeam(1);
        QCOMPARE(form.errors().keys(), QStringList({u"allyTeams.0"_s, u"spectators"_s}));
        QCOMPARE(form.errors().value(u"spectators"_s).toString(),
                 u"\"carol\": duplicates name \"Carol\" of ally team 2 (names are case-insensitive)"_s);
        form.setAllyTeam(0, u"Alice, Bob, Dan"_s);
        form.setSpectators(u"Eve\nDAN\nFay"_s);
        QCOMPARE(form.errors().keys(), QStringList{u"spectators"_s});
        form.setSpectators(u"Eve, Fay"_s);
        QVERIFY(form.errors().isEmpty());
        QVERIFY(form.validate());
    }

    void everyProblemOfAListIsShown()
    {
        AutohostService service(config());
        LocalBattleForm form(&service);
        fill(form);
        form.setSpectators(u"a;b, Alice, c d"_s);
        QVERIFY(!form.validate());
        QCOMPARE(form.errors().value(u"spectators"_s).toString(),
                 u"\"a;b\": must not contain ';'\n"
                 u"\"Alice\": duplicates name \"Alice\" of ally team 1 (names are case-insensitive)\n"
                 u"\"c d\": must not contain white space"_s);
    }

    void engineMustBeInstalled()
    {
        AutohostService service(config());
        service.start();
        LocalBattleForm form(&service);
        fill(form);
        form.setEngineVersion(u"9.9"_s);
        QSignalSpy failed(&form, &LocalBattleForm::startFailed);
        form.start();
        QCOMPARE(failed.count(), 1);
        QCOMPARE(form.errors().value(u"engineVersion"_s).toString(),
                 u"is not installed (available: %1)"_s.arg(QString::fromLatin1(OlderEngine)));
        QCOMPARE(service.battles()->currentBattles(), 0);
        form.setEngineVersion(u"bad/version"_s);
        QCOMPARE(form.errors().value(u"engineVersion"_s).toString(), u"must match ^[0-9a-zA-Z .+-]+$"_s);
    }

    void aRefusedStartIsReported()
    {
        AutohostService service(config(1));
        service.start();
        LocalBattleForm form(&service);
        fill(form);
        QSignalSpy started(&form, &LocalBattleForm::started);
        QSignalSpy failed(&form, &LocalBattleForm::startFailed);
        form.start();
        QVERIFY(started.wait(10000));
        const QVariantMap first = form.lastResult();

        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(u"start refused: all 1 battle slots are in use$"_s));
        form.start();
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), u"all 1 battle slots are in use"_s);
        QVERIFY(!form.busy());
        QCOMPARE(form.lastResult(), first);
        QCOMPARE(started.count(), 1);
        stopAll(service);
    }

    void aStartWhileBusyIsRefused()
    {
        AutohostService service(config());
        service.start();
        LocalBattleForm form(&service);
        fill(form);
        QSignalSpy started(&form, &LocalBattleForm::started);
        QSignalSpy failed(&form, &LocalBattleForm::startFailed);
        form.start();
        QVERIFY(form.busy());
        form.start();
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), u"a start is already under way"_s);
        QVERIFY(started.wait(10000));
        QCOMPARE(service.battles()->currentBattles(), 1);
        stopAll(service);
    }

    // Debian's spring-dedicated 106.0, found as the system engine: with start positions chosen in game the
    // host needs neither the game nor the map, so names of content that is installed nowhere work.
    void realEngineRunsALocalBattleWithoutContent()
    {
        if (!QFile::exists(QString::fromLatin1(DebianEngine)))
        {
            QFAIL("Debian's spring-dedicated is missing: install the package \"spring\" "
                  "(scripts/install-deps.sh --tests)");
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Config settings = config();
        settings.enginesDir = dir.filePath(u"engines"_s);
        settings.instancesDir = dir.filePath(u"instances"_s);
        settings.engineDataDirs.clear();
        settings.systemEngines = true;
        settings.hostingIP.clear();
        settings.engineStartPort = m_portBase + 30;
        settings.engineAutohostStartPort = m_portBase + 2530;
        settings.engineStartTimeoutSeconds = 15;
        AutohostService service(settings);
        service.start();
        QStringList updates;
        QUuid battleId;
        connect(service.updates(), &UpdateBuffer::appended, this,
                [&](const UpdateBuffer::Entry &entry)
                {
                    if (entry.battleId == battleId)
                    {
                        updates.append(toQString(entry.update.value("type", "")));
                    }
                });

        LocalBattleForm form(&service);
        QVERIFY2(form.availableEngines().contains(u"106.0"_s),
                 qPrintable(form.availableEngines().join(u", "_s)));
        QCOMPARE(form.engineVersion(), form.newestVersion(form.availableEngines()));
        form.setEngineVersion(u"106.0"_s);
        form.setGameName(u"Not Installed Game 3.1"_s);
        form.setMapName(u"Nowhere To Be Found v2"_s);
        form.setAllyTeams({u"Alice"_s, u"Bob"_s});
        QCOMPARE(form.startPosType(), u"chooseInGame"_s);
        QSignalSpy started(&form, &LocalBattleForm::started);
        QSignalSpy failed(&form, &LocalBattleForm::startFailed);

        form.start();
        QVERIFY2(started.wait(20000),
                 qPrintable(failed.isEmpty() ? u"no answer"_s : failed.at(0).at(0).toString()));
        battleId = QUuid::fromString(started.at(0).at(0).toString());
        const auto battle = service.battles()->find(battleId);
        QVERIFY(battle.ok());
        QCOMPARE((*battle)->state(), Battle::State::Running);
        QCOMPARE(form.lastResult().value(u"port"_s).toInt(), m_portBase + 31);
        // The engine listens on 127.0.0.1 here, so that is where players are sent.
        QCOMPARE(form.lastResult().value(u"host"_s).toString(), u"127.0.0.1"_s);
        QFile script(dir.filePath(u"instances/"_s + uuidText(battleId) + u"/script.txt"_s));
        QVERIFY(script.open(QIODevice::ReadOnly));
        const QByteArray text = script.readAll();
        QVERIFY2(text.contains("StartPosType = 2;"), text.constData());
        QVERIFY2(text.contains("GameType = Not Installed Game 3.1;"), text.constData());

        (*battle)->stop(u"test: kill the local battle"_s);
        QTRY_VERIFY_WITH_TIMEOUT(updates.contains(u"engine_quit"_s), 20000);
        QVERIFY2(!updates.contains(u"engine_crash"_s), qPrintable(updates.join(u", "_s)));
        QTRY_COMPARE_WITH_TIMEOUT(service.battles()->currentBattles(), 0, 20000);
        QFile log(dir.filePath(u"instances/"_s + uuidText(battleId) + u"/engine.log"_s));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("Server started on port"));
        stopAll(service);
    }
};

QTEST_GUILESS_MAIN(TestLocalBattleForm)
#include "tst_localbattleform.moc"
