#include "fakebattlehost.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

FakeBattleHost::FakeBattleHost(const QString &fakeEnginePath, int maxBattles)
    : m_updates(600'000'000)
{
    if (!m_dir.isValid() || !QDir().mkpath(m_dir.filePath(u"engines/1.0"_s)) ||
        !QFile::link(fakeEnginePath, m_dir.filePath(u"engines/1.0/spring-dedicated"_s)))
    {
        m_problem = u"cannot prepare the engine directory in "_s + m_dir.path();
        return;
    }
    // Port ranges by process, so that test programs running side by side rarely meet.
    const int base = 30000 + int(QCoreApplication::applicationPid() % 40) * 250;
    Config config;
    config.maxBattles = maxBattles;
    config.engineBindIP = u"127.0.0.1"_s;
    config.enginesDir = m_dir.filePath(u"engines"_s);
    config.instancesDir = m_dir.filePath(u"instances"_s);
    config.engineStartPort = base;
    config.engineAutohostStartPort = base + 120;
    config.maxPortsUsed = 100;
    config.engineKillGraceSeconds = 2;
    m_engines = std::make_unique<EngineCatalog>(config.enginesDir);
    m_engines->rescan();
    m_manager = std::make_unique<BattleManager>(config, m_engines.get(), &m_updates);
}

StartRequest FakeBattleHost::request(const QList<int> &teamSizes, int spectators,
                                     const StringPairs &gameOptions)
{
    StartRequest request;
    request.battleId = QUuid::createUuid();
    request.engineVersion = u"1.0"_s;
    request.gameName = u"MiniGame 1.0"_s;
    request.mapName = u"MiniMap"_s;
    int user = 0;
    const auto nextPlayer = [&user]
    {
        ++user;
        return PlayerSpec{QString::number(user), u"P%1"_s.arg(user), u"pw%1"_s.arg(user), {}, {}, {}};
    };
    for (const int size : teamSizes)
    {
        AllyTeamSpec allyTeam;
        allyTeam.teams.append(TeamSpec{});
        for (int i = 0; i < size; ++i)
        {
            allyTeam.teams[0].players.append(nextPlayer());
        }
        request.allyTeams.append(allyTeam);
    }
    for (int i = 0; i < spectators; ++i)
    {
        request.spectators.append(nextPlayer());
    }
    request.gameOptions = gameOptions;
    return request;
}

FakeBattleHost::Outcome FakeBattleHost::start(const StartRequest &request)
{
    std::optional<Outcome> outcome;
    m_manager->start(request, [&outcome](const Outcome &result) { outcome = result; });
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 15000))
    {
        return fail(RequestFailure{u"test"_s, u"no answer within 15 s"_s});
    }
    return *outcome;
}

Battle *FakeBattleHost::battle(const QUuid &id) const
{
    const auto found = m_manager->find(id);
    return found ? *found : nullptr;
}
