#include "models/battlelistmodel.h"

#include <algorithm>

#include "battles/battlemanager.h"
#include "models/rowvalues.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
constexpr int DefaultRefreshIntervalMs = 2000;

QString stateText(const Battle &battle)
{
    switch (battle.state())
    {
    case Battle::State::Starting:
        return u"starting"_s;
    case Battle::State::Running:
        return u"running"_s;
    case Battle::State::Stopping:
        return u"stopping"_s;
    case Battle::State::Exited:
        break;
    }
    switch (battle.outcome())
    {
    case Battle::Outcome::StartFailed:
        return u"failed"_s;
    case Battle::Outcome::Crashed:
        return u"crashed"_s;
    case Battle::Outcome::Pending:
    case Battle::Outcome::Quit:
        break;
    }
    return u"ended"_s;
}

template <typename T>
void assign(T &field, const T &value, int role, QList<int> *changed)
{
    if (field != value)
    {
        field = value;
        changed->append(role);
    }
}
} // namespace

BattleListModel::BattleListModel(BattleManager *manager, QObject *parent)
    : QAbstractListModel(parent)
{
    QList<Battle *> battles = manager->battles();
    std::sort(battles.begin(), battles.end(),
              [](const Battle *a, const Battle *b) { return a->startedAt() < b->startedAt(); });
    for (Battle *battle : std::as_const(battles))
    {
        addBattle(battle);
    }
    connect(manager, &BattleManager::battleAdded, this, &BattleListModel::addBattle);
    connect(manager, &BattleManager::battleRemoved, this, &BattleListModel::finishBattle);

    m_refreshTimer.setInterval(DefaultRefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &BattleListModel::refresh);
    m_refreshTimer.start();
}

int BattleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> BattleListModel::roleNames() const
{
    return {
        {BattleIdRole, "battleId"},
        {EngineVersionRole, "engineVersion"},
        {GameNameRole, "gameName"},
        {MapNameRole, "mapName"},
        {StateRole, "battleState"},
        {PlayersJoinedRole, "playersJoined"},
        {PlayersTotalRole, "playersTotal"},
        {StartedAtRole, "startedAt"},
        {UptimeSecondsRole, "uptimeSeconds"},
        {PortRole, "port"},
        {PidRole, "pid"},
        {CpuPercentRole, "cpuPercent"},
        {MemoryBytesRole, "memoryBytes"},
        {InstanceDirRole, "instanceDir"},
        {EngineLogPathRole, "engineLogPath"},
        {EndDetailsRole, "endDetails"},
        {ActiveRole, "active"},
    };
}

QVariant BattleListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    switch (role)
    {
    case BattleIdRole:
        return row.battleId;
    case EngineVersionRole:
        return row.engineVersion;
    case GameNameRole:
        return row.gameName;
    case MapNameRole:
        return row.mapName;
    case StateRole:
        return row.state;
    case PlayersJoinedRole:
        return int(row.joined.size());
    case PlayersTotalRole:
        return row.playersTotal;
    case StartedAtRole:
        return row.startedAt;
    case UptimeSecondsRole:
        return row.uptimeSeconds;
    case PortRole:
        return row.port;
    case PidRole:
        return row.pid;
    case CpuPercentRole:
        return row.cpuPercent;
    case MemoryBytesRole:
        return row.memoryBytes;
    case InstanceDirRole:
        return row.instanceDir;
    case EngineLogPathRole:
        return row.engineLogPath;
    case EndDetailsRole:
        return row.endDetails;
    case ActiveRole:
        return row.active;
    default:
        return {};
    }
}

int BattleListModel::activeCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &row) { return row.active; }));
}

void BattleListModel::setRefreshInterval(int milliseconds)
{
    if (milliseconds != m_refreshTimer.interval())
    {
        m_refreshTimer.setInterval(milliseconds);
        emit refreshIntervalChanged();
    }
}

int BattleListModel::rowOf(const QUuid &id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
    {
        if (m_rows.at(i).id == id)
        {
            return int(i);
        }
    }
    return -1;
}

int BattleListModel::indexOf(const QString &battleId) const
{
    const QUuid id = QUuid::fromString(battleId);
    return id.isNull() ? -1 : rowOf(id);
}

QVariantMap BattleListModel::get(int row) const
{
    return rowValues(*this, row);
}

PlayerListModel *BattleListModel::players(const QString &battleId) const
{
    const int row = indexOf(battleId);
    return row < 0 ? nullptr : m_rows.at(row).players;
}

void BattleListModel::addBattle(Battle *battle)
{
    Row row;
    row.id = battle->id();
    row.battle = battle;
    row.players = new PlayerListModel(battle, this);
    row.battleId = uuidText(battle->id());
    row.engineVersion = battle->request().engineVersion;
    row.gameName = battle->request().gameName;
    row.mapName = battle->request().mapName;
    row.playersTotal = battle->players().size();
    row.startedAt = battle->startedAt();
    row.uptimeSeconds = battle->uptimeMs() / 1000;
    row.port = battle->settings().endpoints.hostPort;
    row.instanceDir = battle->settings().instanceDir;
    row.engineLogPath = battle->engineLogPath();
    readBattleState(row);

    const QUuid id = row.id;
    connect(battle, &Battle::stateChanged, this,
            [this, id]
            {
                const int index = rowOf(id);
                if (index >= 0 && m_rows[index].battle)
                {
                    emitRowChanged(index, readBattleState(m_rows[index]));
                }
            });
    connect(battle, &Battle::playerUpdated, this,
            [this, id](const EngineUpdate &update)
            { handleUpdate(id, QString::fromLatin1(update.type), update.userId); });
    connect(battle, &Battle::playerAdded, this,
            [this, id]
            {
                const int index = rowOf(id);
                if (index >= 0 && m_rows[index].battle)
                {
                    QList<int> changed;
                    assign(m_rows[index].playersTotal, m_rows[index].battle->players().size(),
                           PlayersTotalRole, &changed);
                    emitRowChanged(index, changed);
                }
            });
    connect(battle, &QObject::destroyed, this, [this, id] { finishBattle(id); });

    const int index = int(m_rows.size());
    beginInsertRows(QModelIndex(), index, index);
    m_rows.append(row);
    endInsertRows();
    emit countChanged();
    emit activeCountChanged();
}

QList<int> BattleListModel::readBattleState(Row &row) const
{
    QList<int> changed;
    const Battle &battle = *row.battle;
    assign(row.state, stateText(battle), StateRole, &changed);
    if (battle.pid() > 0)
    {
        assign(row.pid, battle.pid(), PidRole, &changed);
    }
    if (battle.outcome() != Battle::Outcome::Pending)
    {
        assign(row.endDetails, battle.outcomeDetails(), EndDetailsRole, &changed);
    }
    return changed;
}

void BattleListModel::handleUpdate(const QUuid &id, const QString &type, const QString &userId)
{
    const int index = rowOf(id);
    if (index < 0)
    {
        return;
    }
    QSet<QString> &joined = m_rows[index].joined;
    const qsizetype before = joined.size();
    if (type == u"player_joined")
    {
        joined.insert(userId);
    }
    else if (type == u"player_left")
    {
        joined.remove(userId);
    }
    if (joined.size() != before)
    {
        emitRowChanged(index, {PlayersJoinedRole});
    }
}

void BattleListModel::finishBattle(const QUuid &id)
{
    const int index = rowOf(id);
    if (index < 0 || !m_rows.at(index).active)
    {
        return;
    }
    Row &row = m_rows[index];
    QList<int> changed;
    if (row.battle)
    {
        changed = readBattleState(row);
        assign(row.uptimeSeconds, row.battle->uptimeMs() / 1000, UptimeSecondsRole, &changed);
    }
    else if (row.state != u"failed" && row.state != u"crashed")
    {
        // Deleted without ending (its manager went away): the last known state is all there is.
        assign(row.state, u"ended"_s, StateRole, &changed);
    }
    assign(row.cpuPercent, -1.0, CpuPercentRole, &changed);
    assign(row.memoryBytes, qint64(-1), MemoryBytesRole, &changed);
    row.active = false;
    changed.append(ActiveRole);
    row.lastSample.reset();
    row.endedSequence = ++m_endedCount;
    emitRowChanged(index, changed);
    emit activeCountChanged();
    dropOldestEnded();
}

void BattleListModel::dropOldestEnded()
{
    while (true)
    {
        int oldest = -1;
        int ended = 0;
        for (qsizetype i = 0; i < m_rows.size(); ++i)
        {
            const Row &row = m_rows.at(i);
            if (!row.active)
            {
                ++ended;
                if (oldest < 0 || row.endedSequence < m_rows.at(oldest).endedSequence)
                {
                    oldest = int(i);
                }
            }
        }
        if (ended <= MaxEndedRows)
        {
            return;
        }
        beginRemoveRows(QModelIndex(), oldest, oldest);
        const Row removed = m_rows.takeAt(oldest);
        endRemoveRows();
        // A view may still show the players; they go with the next event loop turn.
        removed.players->deleteLater();
        emit countChanged();
    }
}

QList<int> BattleListModel::refreshUsage(Row &row) const
{
    QList<int> changed;
    assign(row.uptimeSeconds, row.battle->uptimeMs() / 1000, UptimeSecondsRole, &changed);
    const qint64 pid = row.battle->pid();
    if (pid > 0 && pid != row.pid)
    {
        row.pid = pid;
        row.lastSample.reset();
        changed.append(PidRole);
    }
    const auto sample = pid > 0 ? ProcessUsage::sample(pid) : std::nullopt;
    double cpuPercent = -1;
    qint64 memoryBytes = -1;
    if (sample)
    {
        memoryBytes = sample->residentBytes;
        if (row.lastSample)
        {
            cpuPercent = ProcessUsage::cpuPercent(*row.lastSample, *sample, row.sampleClock.restart());
        }
        else
        {
            row.sampleClock.start();
        }
    }
    // A percentage needs two samples of the same process: unknown after the first.
    row.lastSample = sample;
    assign(row.cpuPercent, cpuPercent, CpuPercentRole, &changed);
    assign(row.memoryBytes, memoryBytes, MemoryBytesRole, &changed);
    return changed;
}

void BattleListModel::refresh()
{
    int first = -1;
    int last = -1;
    QList<int> roles;
    for (qsizetype i = 0; i < m_rows.size(); ++i)
    {
        Row &row = m_rows[i];
        if (!row.active || !row.battle)
        {
            continue;
        }
        const QList<int> changed = refreshUsage(row);
        if (changed.isEmpty())
        {
            continue;
        }
        first = first < 0 ? int(i) : first;
        last = int(i);
        for (const int role : changed)
        {
            if (!roles.contains(role))
            {
                roles.append(role);
            }
        }
    }
    if (first >= 0)
    {
        std::sort(roles.begin(), roles.end());
        emit dataChanged(index(first), index(last), roles);
    }
}

void BattleListModel::emitRowChanged(int row, const QList<int> &roles)
{
    if (!roles.isEmpty())
    {
        emit dataChanged(index(row), index(row), roles);
    }
}
