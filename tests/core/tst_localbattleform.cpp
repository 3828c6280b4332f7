#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "admin/admincontrol.h"
#include "admin/hoststate.h"
#include "autohostprocess.h"
#include "autohostservice.h"
#include "backend/hostmirror.h"
#include "backend/localbackend.h"
#include "backend/remotebackend.h"
#include "local/localbattleform.h"
#include "testcontent.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
// An autohost in this process as the desktop app has it: the service, its HostState and AdminControl behind
// a LocalBackend, shown by a HostMirror that the form works over. The service is started and the mirror
// attached.
struct LocalHost
{
    explicit LocalHost(const Config &config)
        : service(config)
        , state(&service)
        , control(&service)
        , backend(&state, &control)
        , mirror(&backend)
    {
        state.setBatchInterval(0);
        service.start();
        backend.attach();
    }

    AutohostService service;
    HostState state;
    AdminControl control;
    LocalBackend backend;
    HostMirror mirror;
};
} // namespace

// The local battle form over a HostMirror: of a real AutohostService in local mode in this process (through
// LocalBackend), whose battles run the fake engine (installed as engine versions) and, in one test, Debian's
// real spring-dedicated; and of the headless program in a process of its own (through RemoteBackend).
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
        // A journal of its own for every service: nothing carries over from another test.
        config.journalDir =
            m_dir.filePath(u"journal-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
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

    // The headless program in local mode with its admin endpoint on loopback; the endpoint's port, or 0.
    static quint16 startRemote(AutohostProcess &process, const QByteArray &token)
    {
        // Without a tachyonServer the (valid) server port is never used.
        if (!process.problem().isEmpty() ||
            !process.start(8200, u"127.0.0.1:0"_s,
                           {{"tachyonServer", ""}, {"adminToken", token.toStdString()}}))
        {
            return 0;
        }
        return process.waitForAdminPort();
    }

    static RemoteBackend::Settings remoteSettings(quint16 port, const QByteArray &token)
    {
        RemoteBackend::Settings settings;
        settings.host = u"127.0.0.1"_s;
        settings.port = port;
        settings.token = token;
        return settings;
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
        LocalHost host(config());
        LocalBattleForm form(&host.mirror);
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
        // The content of the host's configured data directory turns up as suggestions.
        QTRY_VERIFY_WITH_TIMEOUT(form.games().contains(QString::fromLatin1(TestContent::GameName)), 10000);
        QVERIFY(form.maps().contains(QString::fromLatin1(TestContent::MapName)));
        QVERIFY(!form.scanning());
        QCOMPARE(form.games(), host.mirror.games());
    }

    // The host reads its data directories again when the form asks; the form scans nothing itself.
    void scanContentAsksTheHost()
    {
        QTemporaryDir content;
        QVERIFY(content.isValid());
        Config settings = config();
        settings.engineDataDirs = {content.path()};
        LocalHost host(settings);
        LocalBattleForm form(&host.mirror);
        QTRY_VERIFY_WITH_TIMEOUT(!form.scanning(), 10000);
        QVERIFY(!form.games().contains(QString::fromLatin1(TestContent::GameName)));
        QVERIFY(TestContent::write(content.path()));
        QTest::qWait(100);
        QVERIFY(!form.games().contains(QString::fromLatin1(TestContent::GameName)));

        QSignalSpy scanning(&form, &LocalBattleForm::scanningChanged);
        QSignalSpy contentChanged(&form, &LocalBattleForm::contentChanged);
        form.scanContent();
        QVERIFY(form.scanning());
        QTRY_VERIFY_WITH_TIMEOUT(form.games().contains(QString::fromLatin1(TestContent::GameName)), 10000);
        QVERIFY(form.maps().contains(QString::fromLatin1(TestContent::MapName)));
        QTRY_VERIFY(!form.scanning());
        QCOMPARE(scanning.count(), 2);
        QCOMPARE(contentChanged.count(), 1);
    }

    void engineFollowsTheNewestUntilChosen()
    {
        QTemporaryDir engines;
        QVERIFY(installFakeEngine(engines.path(), QString::fromLatin1(OlderEngine)));
        Config settings = config();
        settings.enginesDir = engines.path();
        LocalHost host(settings);
        LocalBattleForm form(&host.mirror);
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
        LocalHost host(config());
        LocalBattleForm form(&host.mirror);
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
        LocalHost host(config());
        LocalBattleForm form(&host.mirror);
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

    void startRunsABattleAndHandsOutTheJoinData()
    {
        LocalHost host(config());
        AutohostService &service = host.service;
        LocalBattleForm form(&host.mirror);
        int passwords = 0;
        host.control.setPasswordSource([&passwords] { return u"secret%1"_s.arg(++passwords); });
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
        QCOMPARE(result.value(u"engineVersion"_s).toString(), QString::fromLatin1(OlderEngine));
        QCOMPARE(result.value(u"gameName"_s).toString(), u"MiniGame 1.0"_s);
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

        // The battle is a row of the mirror, as the views show it.
        QTRY_VERIFY(host.mirror.battles()->indexOf(battleId) >= 0);

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
        LocalHost host(config());
        AutohostService &service = host.service;
        LocalBattleForm form(&host.mirror);
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
        LocalHost host(config());
        LocalBattleForm form(&host.mirror);
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
        LocalHost host(config());
        AutohostService &service = host.service;
        LocalBattleForm form(&host.mirror);
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
        LocalHost host(config(1));
        AutohostService &service = host.service;
        LocalBattleForm form(&host.mirror);
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

    // The host checks again: an engine that went away after the mirror last heard of the engines is refused
    // there, and the refusal shows at the engine field.
    void theHostsRefusalOfAFieldShowsAtTheField()
    {
        QTemporaryDir engines;
        QVERIFY(installFakeEngine(engines.path(), QString::fromLatin1(OlderEngine)));
        QVERIFY(installFakeEngine(engines.path(), QString::fromLatin1(NewerEngine)));
        Config settings = config();
        settings.enginesDir = engines.path();
        LocalHost host(settings);
        // Changes reach the mirror only with the answer of an action (which flushes them first).
        host.state.setBatchInterval(600000);
        LocalBattleForm form(&host.mirror);
        fill(form);
        form.setEngineVersion(QString::fromLatin1(NewerEngine));
        QVERIFY(QDir(engines.filePath(QString::fromLatin1(NewerEngine))).removeRecursively());
        host.service.engines()->rescan();
        QCOMPARE(form.availableEngines().size(), 2);
        QSignalSpy started(&form, &LocalBattleForm::started);
        QSignalSpy failed(&form, &LocalBattleForm::startFailed);

        form.start();
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), u"the form has errors"_s);
        QCOMPARE(form.errors().keys(), QStringList{u"engineVersion"_s});
        QCOMPARE(form.errors().value(u"engineVersion"_s).toString(),
                 u"is not installed (available: %1)"_s.arg(QString::fromLatin1(OlderEngine)));
        QCOMPARE(form.availableEngines(), QStringList{QString::fromLatin1(OlderEngine)});
        QCOMPARE(started.count(), 0);
        QVERIFY(!form.busy());
        QCOMPARE(host.service.battles()->currentBattles(), 0);
    }

    void fieldErrors_data()
    {
        QTest::addColumn<QString>("details");
        QTest::addColumn<bool>("mapped");
        QTest::addColumn<QVariantMap>("errors");
        QTest::newRow("one field") << u"data.gameName: must not be empty"_s << true
                                   << QVariantMap{{u"gameName"_s, u"must not be empty"_s}};
        QTest::newRow("every list")
            << u"data.mapName: must not be empty; data.allyTeams[0][0]: \"Bo b\": must not contain white "
               u"space; "
               u"data.allyTeams[1]: must have at least one player; data.allyTeams[0][2]: \"x;\": must not "
               u"contain ';'; data.spectators[0]: \"a; b\": must not contain white space; data.allyTeams: "
               u"must have at least one ally team"_s
            << true
            << QVariantMap{{u"mapName"_s, u"must not be empty"_s},
                           {u"allyTeams.0"_s, u"\"Bo b\": must not contain white space\n\"x;\": must not "
                                              u"contain ';'"_s},
                           {u"allyTeams.1"_s, u"must have at least one player"_s},
                           {u"spectators"_s, u"\"a; b\": must not contain white space"_s},
                           {u"allyTeams"_s, u"must have at least one ally team"_s}};
        QTest::newRow("the whole data")
            << u"data: is required"_s << true << QVariantMap{{u"form"_s, u"is required"_s}};
        QTest::newRow("no field") << u"all 1 battle slots are in use"_s << false << QVariantMap();
        QTest::newRow("a field the form does not have")
            << u"data.gameName: must not be empty; data.battleId: must be a UUID"_s << false << QVariantMap();
    }

    void fieldErrors()
    {
        QFETCH(QString, details);
        QFETCH(bool, mapped);
        QFETCH(QVariantMap, errors);
        const auto found = LocalBattleForm::fieldErrors(details);
        QCOMPARE(found.has_value(), mapped);
        if (found)
        {
            QCOMPARE(*found, errors);
        }
    }

    void aStartWhileBusyIsRefused()
    {
        LocalHost host(config());
        AutohostService &service = host.service;
        LocalBattleForm form(&host.mirror);
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

    // The same form for the headless program in a process of its own, over its admin endpoint: its engine,
    // a battle there, and the passwords it generated.
    void startsABattleOnARemoteAutohost()
    {
        const QByteArray token = "form-token-0123456789";
        AutohostProcess process(QStringLiteral(AUTOHOST_BINARY), QStringLiteral(FAKE_ENGINE_PATH));
        const quint16 port = startRemote(process, token);
        QVERIFY2(port != 0, qPrintable(process.problem() + process.output()));
        RemoteBackend backend(remoteSettings(port, token));
        HostMirror mirror(&backend);
        LocalBattleForm form(&mirror);
        QVERIFY(form.availableEngines().isEmpty());
        backend.attach();
        // The fake engine, and Debian's as a system engine.
        QTRY_VERIFY_WITH_TIMEOUT(
            form.availableEngines().contains(QString::fromLatin1(AutohostProcess::EngineVersion)), 10000);
        QCOMPARE(form.availableEngines(), mirror.engineVersions());
        QCOMPARE(form.engineVersion(), QString::fromLatin1(AutohostProcess::EngineVersion));
        QVERIFY(mirror.localMode());
        fill(form);
        QSignalSpy started(&form, &LocalBattleForm::started);
        QSignalSpy failed(&form, &LocalBattleForm::startFailed);

        form.start();
        QVERIFY(form.busy());
        QVERIFY2(started.wait(10000),
                 qPrintable(failed.isEmpty() ? process.output() : failed.at(0).at(0).toString()));
        QVERIFY(!form.busy());
        const QString battleId = started.at(0).at(0).toString();
        const QVariantMap result = form.lastResult();
        QCOMPARE(result.value(u"battleId"_s).toString(), battleId);
        QCOMPARE(result.value(u"host"_s).toString(), u"192.0.2.10"_s);
        QVERIFY(result.value(u"port"_s).toInt() > 0);
        QCOMPARE(result.value(u"engineVersion"_s).toString(),
                 QString::fromLatin1(AutohostProcess::EngineVersion));
        QCOMPARE(result.value(u"gameName"_s).toString(), QString::fromLatin1(TestContent::GameName));
        const QVariantList players = result.value(u"players"_s).toList();
        QStringList names;
        for (const QVariant &player : players)
        {
            names.append(player.toMap().value(u"name"_s).toString());
        }
        QCOMPARE(names, QStringList({u"Alice"_s, u"Bob"_s, u"Carol"_s, u"Dave"_s}));
        QCOMPARE(players.at(2).toMap().value(u"allyTeam"_s), QVariant(1));
        QCOMPARE(players.at(3).toMap().value(u"allyTeam"_s), QVariant(-1));
        QCOMPARE(players.at(3).toMap().value(u"spectator"_s), QVariant(true));

        // The passwords are the host's: its players table has the same.
        QTRY_VERIFY(mirror.players(battleId) && mirror.players(battleId)->count() == 4);
        MirrorPlayerModel *table = mirror.players(battleId);
        for (int row = 0; row < 4; ++row)
        {
            const QVariantMap player = players.at(row).toMap();
            const QString password = player.value(u"password"_s).toString();
            QCOMPARE(password.size(), LocalBattlePlan::PasswordLength);
            QCOMPARE(table->get(row).value(u"name"_s).toString(), player.value(u"name"_s).toString());
            QCOMPARE(table->get(row).value(u"password"_s).toString(), password);
        }
        QCOMPARE(form.joinScript(0),
                 u"[GAME]\n{\n\tHostIP=192.0.2.10;\n\tHostPort=%1;\n\tIsHost=0;\n\tMyPlayerName=Alice;\n"
                 u"\tMyPasswd=%2;\n}\n"_s.arg(result.value(u"port"_s).toInt())
                     .arg(players.at(0).toMap().value(u"password"_s).toString()));
        backend.detach();
        QVERIFY(process.stop());
    }

    // A link that drops while the host has not answered fails the start, saying so; without a link a start
    // fails at once.
    void aDroppedLinkFailsTheStartClearly()
    {
        const QByteArray token = "form-token-0123456789";
        AutohostProcess process(QStringLiteral(AUTOHOST_BINARY), QStringLiteral(FAKE_ENGINE_PATH));
        const quint16 port = startRemote(process, token);
        QVERIFY2(port != 0, qPrintable(process.problem() + process.output()));
        RemoteBackend backend(remoteSettings(port, token));
        backend.setRetryDelays(60000, 60000);
        HostMirror mirror(&backend);
        LocalBattleForm form(&mirror);
        backend.attach();
        QTRY_COMPARE_WITH_TIMEOUT(backend.linkState(), AutohostBackend::LinkState::Attached, 10000);
        fill(form);
        QSignalSpy started(&form, &LocalBattleForm::started);
        QSignalSpy failed(&form, &LocalBattleForm::startFailed);

        form.start();
        QVERIFY(form.busy());
        process.kill();
        QVERIFY(failed.wait(10000));
        QVERIFY(!form.busy());
        QCOMPARE(started.count(), 0);
        const QString reason = failed.at(0).at(0).toString();
        QVERIFY2(reason.startsWith(
                     u"the link to the autohost broke before it answered (The link to the autohost "_s) &&
                     reason.endsWith(u"); the battles list shows whether the battle started"_s),
                 qPrintable(reason));
        QVERIFY(form.lastResult().isEmpty());
        QVERIFY(form.errors().isEmpty());

        QTRY_COMPARE(backend.linkState(), AutohostBackend::LinkState::Unreachable);
        form.start();
        QCOMPARE(failed.count(), 2);
        QCOMPARE(failed.at(1).at(0).toString(), u"no link to the autohost (%1)"_s.arg(backend.linkError()));
        QVERIFY(!form.busy());
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
        LocalHost host(settings);
        AutohostService &service = host.service;
        QStringList updates;
        QUuid battleId;
        connect(service.updates(), &UpdateBuffer::appended, this,
                [&](const UpdateBuffer::Entry &entry)
                {
                    if (entry.battleId == battleId)
                    {
                        updates.append(toQString(entry.update().value("type", "")));
                    }
                });

        LocalBattleForm form(&host.mirror);
        QVERIFY2(form.availableEngines().contains(u"106.0"_s),
                 qPrintable(form.availableEngines().join(u", "_s)));
        QCOMPARE(form.engineVersion(), LocalBattlePlan::newestVersion(form.availableEngines()));
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
