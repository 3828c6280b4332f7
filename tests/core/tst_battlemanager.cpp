#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include "battles/battlemanager.h"
#include "engine/enginecatalog.h"
#include "messagecapture.h"
#include "processlimits.h"
#include "updates/updatebuffer.h"
#include "util/conversions.h"

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

namespace
{
#if defined(__SANITIZE_ADDRESS__)
constexpr bool AddressSanitizerBuild = true;
#elif defined(__has_feature)
constexpr bool AddressSanitizerBuild = __has_feature(address_sanitizer);
#else
constexpr bool AddressSanitizerBuild = false;
#endif
// Ports that some other program holds: every offset whose game port is in `blocked` cannot be bound.
class BlockingPortAllocator : public PortAllocator
{
public:
    BlockingPortAllocator(int gameBase, int autohostBase, int count, QSet<quint16> blocked)
        : PortAllocator(gameBase, autohostBase, count, QHostAddress(QHostAddress::LocalHost))
        , m_blocked(std::move(blocked))
    {
    }

protected:
    bool canBind(const QHostAddress &address, quint16 port) const override
    {
        return !m_blocked.contains(port) && PortAllocator::canBind(address, port);
    }

private:
    QSet<quint16> m_blocked;
};
} // namespace

class TestBattleManager : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_base = 0;

    Config config(int maxBattles = 2) const
    {
        Config config;
        config.maxBattles = maxBattles;
        config.engineBindIP = u"127.0.0.1"_s;
        config.enginesDir = m_dir.filePath(u"engines"_s);
        config.instancesDir = m_dir.filePath(u"instances"_s);
        config.engineStartPort = m_base;
        config.engineAutohostStartPort = m_base + 100;
        config.maxPortsUsed = 10;
        config.engineKillGraceSeconds = 2;
        return config;
    }

    static StartRequest request(const QUuid &id = QUuid::createUuid(), const QString &engine = u"1.0"_s)
    {
        StartRequest request;
        request.battleId = id;
        request.engineVersion = engine;
        request.gameName = u"MiniGame 1.0"_s;
        request.mapName = u"MiniMap"_s;
        AllyTeamSpec allyTeam;
        allyTeam.teams.append(TeamSpec{});
        allyTeam.teams[0].players.append(PlayerSpec{u"1"_s, u"Alice"_s, u"a"_s, {}, {}, {}});
        request.allyTeams = {allyTeam};
        return request;
    }

    using Outcome = Result<BattleManager::StartSuccess, RequestFailure>;

    static Outcome start(BattleManager &manager, const StartRequest &startRequest)
    {
        std::optional<Outcome> outcome;
        manager.start(startRequest, [&outcome](const Outcome &result) { outcome = result; });
        if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 10000))
        {
            return fail(RequestFailure{u"test"_s, u"no answer within 10 s"_s});
        }
        return *outcome;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(m_dir.filePath(u"engines/1.0"_s)));
        QVERIFY(
            QFile::link(QStringLiteral(FAKE_ENGINE_PATH), m_dir.filePath(u"engines/1.0/spring-dedicated"_s)));
        m_base = 44000 + int(QCoreApplication::applicationPid() % 30) * 200;
    }

    void admitsAndCountsBattles()
    {
        EngineCatalog engines(config().enginesDir);
        engines.rescan();
        UpdateBuffer updates(600'000'000);
        BattleManager manager(config(), &engines, &updates);
        QSignalSpy capacity(&manager, &BattleManager::capacityChanged);

        const QUuid first = QUuid::createUuid();
        const Outcome started = start(manager, request(first));
        QVERIFY(started.ok());
        QCOMPARE(started->ips, QStringList{u"127.0.0.1"_s});
        QCOMPARE(started->port, quint16(m_base + 1));
        QCOMPARE(manager.currentBattles(), 1);
        QVERIFY(capacity.count() >= 1);

        const Outcome again = start(manager, request(first));
        QCOMPARE(again.error().reason, u"battle_already_exists"_s);

        const Outcome unknownEngine = start(manager, request(QUuid::createUuid(), u"9.9"_s));
        QCOMPARE(unknownEngine.error().reason, u"engine_version_not_available"_s);
        QVERIFY2(unknownEngine.error().details.contains(u"available: 1.0"_s),
                 qPrintable(unknownEngine.error().details));

        QVERIFY(start(manager, request()).ok());
        const Outcome full = start(manager, request());
        QCOMPARE(full.error().reason, u"invalid_request"_s);
        QCOMPARE(manager.currentBattles(), 2);

        manager.setAccepting(false);
        QCOMPARE(manager.maxBattles(), 0);
        QSignalSpy ended(&manager, &BattleManager::allBattlesEnded);
        manager.stopAll(u"test"_s);
        QVERIFY(ended.wait(15000));
        QCOMPARE(manager.currentBattles(), 0);
        // Not accepting: refused with a reason even with free slots.
        const Outcome refused = start(manager, request());
        QCOMPARE(refused.error().reason, u"invalid_request"_s);
        QCOMPARE(refused.error().details, u"the autohost is draining and accepts no new battles"_s);
        manager.setAccepting(false, u"closed for the night"_s);
        QCOMPARE(start(manager, request()).error().details, u"closed for the night"_s);
        // A battle that ran keeps its id forever.
        manager.setAccepting(true);
        QCOMPARE(start(manager, request(first)).error().reason, u"battle_already_exists"_s);
    }

    // The journal records a started battle before the server can learn of it from the answer.
    void announcesAStartedBattleBeforeAnswering()
    {
        EngineCatalog engines(config().enginesDir);
        engines.rescan();
        UpdateBuffer updates(600'000'000);
        BattleManager manager(config(), &engines, &updates);
        QSignalSpy started(&manager, &BattleManager::battleStarted);
        const QUuid id = QUuid::createUuid();
        std::optional<Outcome> outcome;
        qsizetype announcedWhenAnswered = -1;
        manager.start(request(id),
                      [&](const Outcome &result)
                      {
                          announcedWhenAnswered = started.count();
                          outcome = result;
                      });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
        QVERIFY(outcome->ok());
        QCOMPARE(announcedWhenAnswered, 1);
        QCOMPARE(started.constFirst().constFirst().value<Battle *>()->id(), id);

        QVERIFY(!start(manager, request(QUuid::createUuid(), u"9.9"_s)).ok());
        QCOMPARE(started.count(), 1);
        manager.killAllNow();
    }

    void aStartTakesAPreparedInstanceDirectoryAndAnotherIsMade()
    {
        EngineCatalog engines(config().enginesDir);
        engines.rescan();
        UpdateBuffer updates(600'000'000);
        Config poolConfig = config();
        poolConfig.instancesDir = m_dir.filePath(u"pooled-instances"_s);
        const QDir prepared(poolConfig.instancesDir + u"/.prepared"_s);
        const auto preparedNames = [&prepared]
        {
            return prepared.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        };
        const auto inode = [](const QString &path)
        {
            struct stat status
            {
            };
            return ::stat(QFile::encodeName(path).constData(), &status) == 0 ? status.st_ino : ino_t(0);
        };
        BattleManager manager(poolConfig, &engines, &updates);
        QTRY_COMPARE(preparedNames().size(), InstancePool::DefaultSize);
        QSet<ino_t> preparedInodes;
        const QStringList before = preparedNames();
        for (const QString &name : before)
        {
            preparedInodes.insert(inode(prepared.filePath(name)));
        }

        const QUuid id = QUuid::createUuid();
        QVERIFY(start(manager, request(id)).ok());
        // The battle's directory is one of the prepared ones, moved; its files are written.
        const QString instance = poolConfig.instancesDir + u'/' + uuidText(id);
        QVERIFY(preparedInodes.contains(inode(instance)));
        QVERIFY(QFileInfo(instance + u"/script.txt"_s).size() > 0);
        // After the answer another one is made in its place.
        QTRY_COMPARE(preparedNames().size(), InstancePool::DefaultSize);
        QVERIFY(preparedNames() != before);
        manager.killAllNow();
    }

    void skipsPortsThatCannotBeBound()
    {
        EngineCatalog engines(config().enginesDir);
        engines.rescan();
        UpdateBuffer updates(600'000'000);
        const Config settings = config();
        BattleManager manager(settings, &engines, &updates);
        manager.setPortAllocator(std::make_unique<BlockingPortAllocator>(
            settings.engineStartPort, settings.engineAutohostStartPort, settings.maxPortsUsed,
            QSet<quint16>{quint16(m_base + 1), quint16(m_base + 2)}));
        const Outcome started = start(manager, request());
        QVERIFY(started.ok());
        QCOMPARE(started->port, quint16(m_base + 3));
        manager.killAllNow();
        QTRY_COMPARE_WITH_TIMEOUT(manager.currentBattles(), 0, 10000);
    }

    void reportsWhenNoPortIsLeft()
    {
        EngineCatalog engines(config().enginesDir);
        engines.rescan();
        UpdateBuffer updates(600'000'000);
        const Config settings = config();
        BattleManager manager(settings, &engines, &updates);
        QSet<quint16> all;
        for (int offset = 0; offset < settings.maxPortsUsed; ++offset)
        {
            all.insert(quint16(m_base + offset));
        }
        manager.setPortAllocator(std::make_unique<BlockingPortAllocator>(
            settings.engineStartPort, settings.engineAutohostStartPort, settings.maxPortsUsed, all));
        const Outcome refused = start(manager, request());
        QCOMPARE(refused.error().reason, u"internal_error"_s);
        QVERIFY2(refused.error().details.contains(u"no free ports"_s) &&
                     refused.error().details.contains(u"battles use 0 and other programs hold 10"_s),
                 qPrintable(refused.error().details));
        QCOMPARE(manager.currentBattles(), 0);
    }

    // engineCpuAffinity "spread": each engine on the least-used core, given back when the engine exits; the
    // limits of a new configuration reach the next engine.
    void spreadsEnginesOverCores()
    {
        const QList<int> online = CpuAffinity::onlineCores();
        const int count = int(online.size()) + 1;
        Config spread = config(count + 1);
        spread.maxPortsUsed = count + 2;
        spread.engineCpuAffinity = u"spread"_s;
        EngineCatalog engines(spread.enginesDir);
        engines.rescan();
        UpdateBuffer updates(600'000'000);
        BattleManager manager(spread, &engines, &updates);
        QList<QUuid> ids;
        QStringList cores;
        for (int i = 0; i < count; ++i)
        {
            ids.append(QUuid::createUuid());
            QVERIFY(start(manager, request(ids.constLast())).ok());
            cores.append(ProcessLimits(manager.find(ids.constLast()).value()->pid()).cores());
        }
        QStringList expected;
        for (const int core : online)
        {
            expected.append(QString::number(core));
        }
        expected.append(QString::number(online.constFirst())); // all used once: the lowest again
        QCOMPARE(cores, expected);

        // The engine on the second core exits: the next engine gets that core.
        Battle *second = manager.find(ids.at(1)).value();
        QSignalSpy removed(&manager, &BattleManager::battleRemoved);
        second->stop(u"test"_s);
        QVERIFY(removed.wait(15000));
        const QUuid next = QUuid::createUuid();
        QVERIFY(start(manager, request(next)).ok());
        QCOMPARE(ProcessLimits(manager.find(next).value()->pid()).cores(), cores.at(1));

        Config limited = spread;
        limited.engineCpuAffinity = QString::number(online.constLast());
        limited.engineNiceLevel = 4;
        // An engine built with AddressSanitizer (the sanitizer stage builds the fake engine so) reserves
        // terabytes of address space for its shadow memory and cannot start under any address-space limit.
        limited.engineMemoryLimitMegabytes = AddressSanitizerBuild ? 0 : 2048;
        manager.setConfig(limited);
        const QUuid last = QUuid::createUuid();
        QVERIFY(start(manager, request(last)).ok());
        const ProcessLimits engine(manager.find(last).value()->pid());
        QCOMPARE(engine.cores(), QString::number(online.constLast()));
        QCOMPARE(engine.nice(), 4);
        QCOMPARE(engine.addressSpaceLimit(),
                 AddressSanitizerBuild ? u"unlimited unlimited bytes"_s : u"2147483648 2147483648 bytes"_s);
        QCOMPARE(ProcessLimits(manager.find(ids.at(0)).value()->pid()).nice(), 0);

        QSignalSpy ended(&manager, &BattleManager::allBattlesEnded);
        manager.stopAll(u"test"_s);
        QVERIFY(ended.wait(15000));
    }

    void aNewConfigurationChangesTheCapacity()
    {
        EngineCatalog engines(config().enginesDir);
        engines.rescan();
        UpdateBuffer updates(600'000'000);
        BattleManager manager(config(1), &engines, &updates);
        QVERIFY(start(manager, request()).ok());
        QCOMPARE(start(manager, request()).error().details, u"all 1 battle slots are in use"_s);
        QSignalSpy capacity(&manager, &BattleManager::capacityChanged);
        manager.setConfig(config(2));
        QCOMPARE(capacity.count(), 1);
        QCOMPARE(manager.maxBattles(), 2);
        QVERIFY(start(manager, request()).ok());
        manager.setConfig(config(2));
        QCOMPARE(capacity.count(), 2); // the start; the same maxBattles again changes nothing
        QSignalSpy ended(&manager, &BattleManager::allBattlesEnded);
        manager.stopAll(u"test"_s);
        QVERIFY(ended.wait(15000));
    }

    void anExhaustedPortRangeRefusesStartsUntilPortsAreFree()
    {
        EngineCatalog engines(config().enginesDir);
        engines.rescan();
        UpdateBuffer updates(600'000'000);
        Config settings = config(5); // the slots are not what runs out
        settings.maxPortsUsed = 3;
        // Other programs hold the game port of offset 1 and the autohost port of offset 2.
        QUdpSocket gamePortHolder;
        QVERIFY(
            gamePortHolder.bind(QHostAddress::LocalHost, quint16(m_base + 1), QUdpSocket::DontShareAddress));
        QUdpSocket autohostPortHolder;
        QVERIFY(autohostPortHolder.bind(QHostAddress::LocalHost, quint16(m_base + 100 + 2),
                                        QUdpSocket::DontShareAddress));
        BattleManager manager(settings, &engines, &updates);

        const StartRequest first = request();
        const Outcome started = start(manager, first);
        QVERIFY(started.ok());
        QCOMPARE(started->port, quint16(m_base));
        const Outcome refused = start(manager, request());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().reason, u"internal_error"_s);
        QCOMPARE(refused.error().details,
                 u"no free ports: of the 3 port pairs from game port %1 and autohost port "
                 u"%2 (maxPortsUsed), battles use 1 and other programs hold 2"_s.arg(m_base)
                     .arg(m_base + 100));
        QCOMPARE(manager.currentBattles(), 1);

        // A battle that ends gives its ports back...
        manager.find(first.battleId).value()->stop(u"test"_s);
        QTRY_COMPARE_WITH_TIMEOUT(manager.currentBattles(), 0, 10000);
        const Outcome afterTheEnd = start(manager, request());
        QVERIFY(afterTheEnd.ok());
        QCOMPARE(afterTheEnd->port, quint16(m_base));
        // ...and so does a program that lets go of its port.
        QVERIFY(!start(manager, request()).ok());
        gamePortHolder.close();
        const Outcome afterTheRelease = start(manager, request());
        QVERIFY(afterTheRelease.ok());
        QCOMPARE(afterTheRelease->port, quint16(m_base + 1));
        manager.killAllNow();
        QTRY_COMPARE_WITH_TIMEOUT(manager.currentBattles(), 0, 10000);
    }

    void updatesReachTheBuffer()
    {
        EngineCatalog engines(config().enginesDir);
        engines.rescan();
        UpdateBuffer updates(600'000'000);
        BattleManager manager(config(), &engines, &updates);
        StartRequest startRequest = request();
        startRequest.gameOptions = {{u"fakescript"_s, u"join,0|quit"_s}};
        QVERIFY(start(manager, startRequest).ok());
        QTRY_COMPARE_WITH_TIMEOUT(manager.currentBattles(), 0, 10000);
        const auto all = updates.since(0);
        QVERIFY(!all.empty());
        QCOMPARE(all.back().battleId, startRequest.battleId);
        QCOMPARE(all.back().updateJson, std::string(R"({"type":"engine_quit"})"));
        bool joined = false;
        for (const UpdateBuffer::Entry &entry : all)
        {
            joined =
                joined || entry.updateJson == R"({"type":"player_joined","userId":"1","playerNumber":0})";
        }
        QVERIFY(joined);
    }

    void aFloodingEngineIsHeldToItsUpdateBudget()
    {
        EngineCatalog engines(config().enginesDir);
        engines.rescan();
        UpdateBuffer updates(600'000'000);
        Config limited = config();
        limited.maxBattleUpdatesPerSecond = 100;
        BattleManager manager(limited, &engines, &updates);
        MessageCapture capture;
        QElapsedTimer clock;
        clock.start();
        StartRequest flooding = request();
        flooding.gameOptions = {{u"fakescript"_s, u"stream,20000,20000|quit"_s}};
        StartRequest calm = request();
        calm.gameOptions = {{u"fakescript"_s, u"join,0|wait,500|chat,0,254,hello|quit"_s}};
        QVERIFY(start(manager, flooding).ok());
        QVERIFY(start(manager, calm).ok());
        QTRY_COMPARE_WITH_TIMEOUT(manager.currentBattles(), 0, 30000);
        const double seconds = double(clock.elapsed()) / 1000;

        QList<std::string> floodTypes;
        QList<std::string> calmTypes;
        updates.forEachSince(0,
                             [&](const UpdateBuffer::Entry &entry)
                             {
                                 const std::string type = entry.update().value("type", "");
                                 (entry.battleId == flooding.battleId ? floodTypes : calmTypes).append(type);
                             });
        // The burst went through, then no more than the rate allowed, and the end in any case.
        QVERIFY2(floodTypes.size() > BattleManager::UpdateBurst,
                 qPrintable(QString::number(floodTypes.size())));
        QVERIFY2(floodTypes.size() <=
                     BattleManager::UpdateBurst + limited.maxBattleUpdatesPerSecond * seconds + 1,
                 qPrintable(u"%1 updates in %2 s"_s.arg(floodTypes.size()).arg(seconds)));
        QCOMPARE(floodTypes.constLast(), std::string("engine_quit"));
        const QStringList log = capture.take();
        QVERIFY(std::any_of(log.cbegin(), log.cend(),
                            [](const QString &line)
                            { return line.contains(u"more updates than a battle may add"_s); }));
        QVERIFY(std::any_of(log.cbegin(), log.cend(),
                            [](const QString &line)
                            { return line.contains(u"of its updates were dropped"_s); }));
        // The other battle lost nothing.
        QVERIFY(calmTypes.contains("player_joined"));
        QVERIFY(calmTypes.contains("player_chat"));
        QCOMPARE(calmTypes.constLast(), std::string("engine_quit"));
    }
};

QTEST_GUILESS_MAIN(TestBattleManager)
#include "tst_battlemanager.moc"
