#include "battles/battlemanager.h"

#include <algorithm>

#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include "engine/enginecatalog.h"
#include "logging.h"
#include "updates/updatebuffer.h"
#include "util/conversions.h"
#include "util/ratelimiter.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
// Debian's spring package keeps the engine's base content outside the binary's directory; isolation mode
// needs it named explicitly.
const QString DebianBaseContentDir = u"/usr/share/games/spring"_s;

// How a battle's updates are let through; see BattleManager.
struct UpdateBudget
{
    explicit UpdateBudget(double perSecond)
        : updates(perSecond, std::max(perSecond, BattleManager::UpdateBurst))
    {
    }

    RateLimiter updates;
    RateLimiter reports{0.1, 1}; // log lines about dropped updates: one per 10 s
};
} // namespace

BattleManager::BattleManager(const Config &config, EngineCatalog *engines, UpdateBuffer *updates,
                             QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_engines(engines)
    , m_updates(updates)
    , m_ports(std::make_unique<PortAllocator>(config.engineStartPort, config.engineAutohostStartPort,
                                              config.maxPortsUsed, QHostAddress(config.engineBindIP)))
{
    setConfig(config);
}

BattleManager::~BattleManager()
{
    // Engines die with their battles (EngineProcess kills a running process when destroyed).
    qDeleteAll(m_battles);
}

void BattleManager::setPortAllocator(std::unique_ptr<PortAllocator> allocator)
{
    m_ports = std::move(allocator);
}

int BattleManager::maxBattles() const
{
    return m_accepting ? m_config.maxBattles : 0;
}

void BattleManager::setAccepting(bool accepting, const QString &refusal)
{
    m_refusal = refusal.isEmpty() ? u"the autohost is draining and accepts no new battles"_s : refusal;
    if (m_accepting != accepting)
    {
        m_accepting = accepting;
        emit capacityChanged();
    }
}

void BattleManager::setConfig(const Config &config)
{
    const bool capacity = config.maxBattles != m_config.maxBattles;
    const bool newInstancesDir = !m_instances || config.instancesDir != m_config.instancesDir;
    m_config = config;
    if (newInstancesDir)
    {
        m_instances.emplace(config.instancesDir,
                            QStringList{Battle::ScriptFile, Battle::SettingsFile, Battle::EngineLogFile});
        m_instanceRefillFailed = false;
        scheduleInstanceRefill();
    }
    // The loader checked the value.
    m_affinity = CpuAffinity::parse(config.engineCpuAffinity).value();
    const QList<int> online = CpuAffinity::onlineCores();
    if (const QList<int> missing = m_affinity.missingCores(online); !missing.isEmpty())
    {
        qCWarning(lcBattle).noquote()
            << u"engineCpuAffinity %1: cores %2 are not online here (online: %3); engines use %4"_s.arg(
                   m_affinity.toString(), CpuAffinity::formatCores(missing), CpuAffinity::formatCores(online),
                   CpuAffinity::formatCores(m_affinity.usableCores(online)));
    }
    m_spreader.setCores(m_affinity.mode() == CpuAffinity::Mode::Spread ? m_affinity.usableCores(online)
                                                                       : QList<int>());
    if (capacity)
    {
        emit capacityChanged();
    }
}

void BattleManager::scheduleInstanceRefill()
{
    if (std::exchange(m_instanceRefillQueued, true))
    {
        return;
    }
    QTimer::singleShot(
        0, this,
        [this]
        {
            m_instanceRefillQueued = false;
            if (!m_instances->refill() && !std::exchange(m_instanceRefillFailed, true))
            {
                qCWarning(lcBattle).noquote()
                    << u"cannot prepare instance directories in %1; each start makes its own"_s.arg(
                           m_instances->directory());
            }
        });
}

EngineProcess::Limits BattleManager::engineLimits(const QUuid &battleId)
{
    EngineProcess::Limits limits;
    switch (m_affinity.mode())
    {
    case CpuAffinity::Mode::All:
        break;
    case CpuAffinity::Mode::Spread:
        if (const int core = m_spreader.acquire(); core >= 0)
        {
            limits.cores = {core};
            m_spreadCores.insert(battleId, core);
        }
        break;
    case CpuAffinity::Mode::Cores:
        limits.cores = m_affinity.usableCores(CpuAffinity::onlineCores());
        break;
    }
    limits.niceLevel = m_config.engineNiceLevel;
    limits.memoryLimitBytes = qint64(m_config.engineMemoryLimitMegabytes) * 1024 * 1024;
    return limits;
}

QList<Battle *> BattleManager::battles() const
{
    return m_battles.values();
}

Result<Battle *, RequestFailure> BattleManager::find(const QUuid &battleId) const
{
    if (Battle *battle = m_battles.value(battleId))
    {
        return battle;
    }
    return fail(RequestFailure{u"invalid_request"_s,
                               u"data.battleId: battle %1 does not exist"_s.arg(uuidText(battleId))});
}

Result<AutohostSocket *, RequestFailure> BattleManager::bindPorts(PortAllocator::Ports *ports)
{
    // The allocator probes each port; another program may still grab one in between, so a failed bind moves
    // on.
    for (int attempt = 0; attempt < 16; ++attempt)
    {
        const auto acquired = m_ports->acquire();
        if (!acquired)
        {
            break;
        }
        auto socket = std::make_unique<AutohostSocket>();
        if (const auto bound = socket->bind(acquired->autohostPort); bound)
        {
            *ports = *acquired;
            return socket.release();
        }
        else
        {
            qCWarning(lcBattle).noquote() << bound.error() << u"- trying the next port"_s;
            m_ports->release(acquired->offset);
        }
    }
    return fail(RequestFailure{
        u"internal_error"_s,
        u"no free ports: of the %1 port pairs from game port %2 and autohost port %3 "
        u"(maxPortsUsed), battles use %4 and other programs hold %5"_s.arg(m_config.maxPortsUsed)
            .arg(m_config.engineStartPort)
            .arg(m_config.engineAutohostStartPort)
            .arg(m_ports->inUse())
            .arg(m_ports->unbindable())});
}

void BattleManager::start(const StartRequest &request, StartHandler handler)
{
    const QUuid id = request.battleId;
    const auto refuse = [&handler, &id](const QString &reason, const QString &details)
    {
        qCWarning(lcBattle).noquote() << u"battle %1: start refused: %2"_s.arg(uuidText(id), details);
        handler(fail(RequestFailure{reason, details}));
    };
    if (m_startedIds.contains(id))
    {
        return refuse(u"battle_already_exists"_s, u"battle %1 was already started"_s.arg(uuidText(id)));
    }
    if (m_battles.contains(id))
    {
        return refuse(u"battle_already_exists"_s,
                      u"battle %1 is already being started or stopped"_s.arg(uuidText(id)));
    }
    if (!m_accepting)
    {
        return refuse(u"invalid_request"_s, m_refusal);
    }
    if (currentBattles() >= m_config.maxBattles)
    {
        return refuse(u"invalid_request"_s, u"all %1 battle slots are in use"_s.arg(m_config.maxBattles));
    }
    const QString enginePath = m_engines->dedicatedServerPath(request.engineVersion);
    if (enginePath.isEmpty())
    {
        const QStringList available = m_engines->versions();
        return refuse(u"engine_version_not_available"_s,
                      u"engine %1 is not installed (available: %2)"_s.arg(
                          request.engineVersion, available.isEmpty() ? u"none"_s : available.join(u", "_s)));
    }
    PortAllocator::Ports ports;
    const auto socket = bindPorts(&ports);
    if (!socket)
    {
        return refuse(socket.error().reason, socket.error().details);
    }

    Battle::Settings settings;
    settings.instanceDir = QDir(m_config.instancesDir).absoluteFilePath(uuidText(id));
    // Battle makes the directory and its files where none was prepared.
    m_instances->take(settings.instanceDir);
    settings.enginePath = enginePath;
    settings.dataDirs = m_config.engineDataDirs;
    if (!QFileInfo::exists(QFileInfo(enginePath).canonicalPath() + u"/base"_s) &&
        QFileInfo::exists(DebianBaseContentDir + u"/base"_s) &&
        !settings.dataDirs.contains(DebianBaseContentDir))
    {
        settings.dataDirs.append(DebianBaseContentDir);
    }
    settings.endpoints = {m_config.engineBindIP, ports.gamePort, u"127.0.0.1"_s, ports.autohostPort};
    settings.engineSettings = m_config.engineSettings;
    settings.startTimeoutMs = toMilliseconds(m_config.engineStartTimeoutSeconds);
    settings.killGraceMs = toMilliseconds(m_config.engineKillGraceSeconds);
    settings.maxDurationMs = qint64(m_config.maxGameDurationSeconds * 1000);
    settings.limits = engineLimits(id);

    auto *battle = new Battle(request, settings, *socket, this);
    m_battles.insert(id, battle);
    m_portOffsets.insert(id, ports.offset);
    const QStringList ips = {m_config.hostingIP.isEmpty() ? u"127.0.0.1"_s : m_config.hostingIP};
    const quint16 gamePort = ports.gamePort;

    // The handler is shared by both outcomes; whichever comes first answers.
    auto answer = std::make_shared<StartHandler>(std::move(handler));
    connect(battle, &Battle::startSucceeded, this,
            [this, id, battle, answer, ips, gamePort]
            {
                m_startedIds.insert(id);
                emit battleStarted(battle);
                if (*answer)
                {
                    (*answer)(StartSuccess{ips, gamePort});
                    *answer = nullptr;
                }
                // Not before: it would delay this start.
                scheduleInstanceRefill();
            });
    connect(battle, &Battle::startFailed, this,
            [this, answer](const QString &reason, const QString &details)
            {
                if (*answer)
                {
                    (*answer)(fail(RequestFailure{reason, details}));
                    *answer = nullptr;
                }
                scheduleInstanceRefill();
            });
    auto budget = std::make_shared<UpdateBudget>(m_config.maxBattleUpdatesPerSecond);
    connect(battle, &Battle::updated, this,
            [this, id, budget](const EngineUpdate &update)
            {
                if (!update.isBattleEnd() && !budget->updates.tryAcquire())
                {
                    if (budget->reports.tryAcquire())
                    {
                        qCWarning(lcBattle).noquote()
                            << u"battle %1: the engine sends more updates than a battle may add (%2 at once, "
                               u"then "
                               u"%3 per second); %4 dropped so far"_s.arg(uuidText(id))
                                   .arg(std::max<double>(UpdateBurst, m_config.maxBattleUpdatesPerSecond))
                                   .arg(m_config.maxBattleUpdatesPerSecond)
                                   .arg(budget->updates.heldBackTotal());
                    }
                    return;
                }
                m_updates->appendSerialised(id, update.json);
            });
    connect(
        battle, &Battle::ended, this,
        [this, id, battle, budget]
        {
            if (const quint64 dropped = budget->updates.heldBackTotal(); dropped > 0)
            {
                qCWarning(lcBattle).noquote()
                    << u"battle %1: %2 of its updates were dropped, sent faster than a battle may add them"_s
                           .arg(uuidText(id))
                           .arg(dropped);
            }
            m_ports->release(m_portOffsets.take(id));
            if (const auto core = m_spreadCores.constFind(id); core != m_spreadCores.cend())
            {
                m_spreader.release(*core);
                m_spreadCores.erase(core);
            }
            m_battles.remove(id);
            battle->deleteLater();
            emit battleRemoved(id);
            emit capacityChanged();
            if (m_battles.isEmpty())
            {
                emit allBattlesEnded();
            }
        });
    emit battleAdded(battle);
    emit capacityChanged();
    battle->start();
}

void BattleManager::stopAll(const QString &why)
{
    if (m_battles.isEmpty())
    {
        emit allBattlesEnded();
        return;
    }
    const QList<Battle *> battles = m_battles.values();
    for (Battle *battle : battles)
    {
        battle->stop(why);
    }
}

void BattleManager::killAllNow()
{
    const QList<Battle *> battles = m_battles.values();
    for (Battle *battle : battles)
    {
        battle->killNow();
    }
}
