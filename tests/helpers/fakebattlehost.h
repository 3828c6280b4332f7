#pragma once

#include <memory>

#include <QTemporaryDir>

#include "battles/battlemanager.h"
#include "engine/enginecatalog.h"
#include "updates/updatebuffer.h"

// A BattleManager whose one engine version ("1.0") is the fake engine, with its instances in a temporary
// directory and ports on loopback: for tests that need real battles.
class FakeBattleHost
{
public:
    using Outcome = Result<BattleManager::StartSuccess, RequestFailure>;

    FakeBattleHost(const QString &fakeEnginePath, int maxBattles);

    // Empty when the host is usable, else what went wrong.
    QString problem() const { return m_problem; }
    BattleManager &manager() { return *m_manager; }
    UpdateBuffer &updates() { return m_updates; }

    // One player per entry of teamSizes ("P<n>", userIds "1", "2", …) in ally teams of one team each, and
    // `spectators` spectators after them; fake engine instructions go in as game options.
    static StartRequest request(const QList<int> &teamSizes = {1}, int spectators = 0,
                                const StringPairs &gameOptions = {});
    // Starts and waits (with a running event loop) for the answer.
    Outcome start(const StartRequest &request);
    Battle *battle(const QUuid &id) const;

private:
    QTemporaryDir m_dir;
    QString m_problem;
    UpdateBuffer m_updates;
    std::unique_ptr<EngineCatalog> m_engines;
    std::unique_ptr<BattleManager> m_manager;
};
