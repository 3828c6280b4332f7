#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QUuid>

#include "battles/battle.h"
#include "battles/instancepool.h"
#include "config/config.h"
#include "engine/corespreader.h"
#include "engine/cpuaffinity.h"
#include "engine/portallocator.h"

class EngineCatalog;
class UpdateBuffer;

// A reason from the spec's failure enums plus details for humans.
struct RequestFailure
{
    QString reason;
    QString details;
};

// All battles of this autohost: admission (capacity, unique battle ids, installed engines), ports, and the
// path of every battle's updates into the update buffer. A battle holds its slot from the start request until
// its engine has exited.
//
// Each battle may add UpdateBurst updates at once and maxBattleUpdatesPerSecond (default 200) on average
// after that: far more than a game makes (joins, chat, votes), far less than a broken or hostile engine can
// send. Beyond that its updates are dropped, counted and logged, so that one engine can neither fill the
// memory (the buffer keeps updates for maxUpdatesSubscriptionAgeSeconds) nor the server's stream. The
// battle's end always goes through.
class BattleManager : public QObject
{
    Q_OBJECT

public:
    static constexpr double UpdateBurst = 5000;

    struct StartSuccess
    {
        QStringList ips;
        quint16 port = 0;
    };
    using StartHandler = std::function<void(const Result<StartSuccess, RequestFailure> &result)>;

    BattleManager(const Config &config, EngineCatalog *engines, UpdateBuffer *updates,
                  QObject *parent = nullptr);
    ~BattleManager() override;

    // Answers through handler exactly once.
    void start(const StartRequest &request, StartHandler handler);
    // The battle, or a failure naming the unknown battle id.
    Result<Battle *, RequestFailure> find(const QUuid &battleId) const;
    QList<Battle *> battles() const;

    // maxBattles as reported in autohost/status: 0 while not accepting new battles.
    int maxBattles() const;
    int currentBattles() const { return int(m_battles.size()); }
    bool accepting() const { return m_accepting; }
    // While not accepting, a start is refused as invalid_request with refusal as its details (empty: "the
    // autohost is draining and accepts no new battles").
    void setAccepting(bool accepting, const QString &refusal = {});

    // The settings of new battles from now on: maxBattles, the engines' settings, timeouts and limits, the
    // advertised IP. The ports and directories stay as they were created.
    void setConfig(const Config &config);

    // Stops every battle gracefully; allBattlesEnded follows once the last engine has exited.
    void stopAll(const QString &why);
    void killAllNow();

    // For tests: replaces the port allocator.
    void setPortAllocator(std::unique_ptr<PortAllocator> allocator);

signals:
    void capacityChanged();
    void battleAdded(Battle *battle);
    // Its engine reported SERVER_STARTED; emitted before the start is answered.
    void battleStarted(Battle *battle);
    void battleRemoved(const QUuid &battleId);
    void allBattlesEnded();

private:
    Result<AutohostSocket *, RequestFailure> bindPorts(PortAllocator::Ports *ports);
    // The limits of the next engine; takes a core from the spreader in spread mode.
    EngineProcess::Limits engineLimits(const QUuid &battleId);
    // Prepares instance directories for the next starts once the current turn of the event loop is done.
    void scheduleInstanceRefill();

    Config m_config;
    CpuAffinity m_affinity;
    CoreSpreader m_spreader;
    QHash<QUuid, int> m_spreadCores; // the core each battle's engine got from the spreader
    EngineCatalog *m_engines;
    UpdateBuffer *m_updates;
    std::unique_ptr<PortAllocator> m_ports;
    std::optional<InstancePool> m_instances;
    bool m_instanceRefillQueued = false;
    bool m_instanceRefillFailed = false; // said once in the log
    QHash<QUuid, Battle *> m_battles;
    QHash<QUuid, int> m_portOffsets;
    QSet<QUuid> m_startedIds; // battles that ran: their ids are never used again
    bool m_accepting = true;
    QString m_refusal;
};
