#pragma once

#include <optional>

#include <QAbstractListModel>
#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUuid>

#include "battles/processusage.h"
#include "models/playerlistmodel.h"

class Battle;
class BattleManager;

// The battles table: one row per battle of a BattleManager, running ones and the last MaxEndedRows ended
// ones, in the order the battles were started (new rows are appended; when too many have ended, the row that
// ended first is dropped). Rows copy what they show, because a Battle is deleted soon after battleRemoved.
// Uptime, pid, CPU and memory of running battles are refreshed on a timer, with one dataChanged per tick.
class BattleListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int activeCount READ activeCount NOTIFY activeCountChanged)
    Q_PROPERTY(
        int refreshInterval READ refreshInterval WRITE setRefreshInterval NOTIFY refreshIntervalChanged)

public:
    enum Role
    {
        BattleIdRole = Qt::UserRole + 1, // QString: the UUID without braces
        EngineVersionRole,
        GameNameRole,
        MapNameRole,
        StateRole,         // QString: starting, running, stopping, ended, crashed, failed (the start failed)
        PlayersJoinedRole, // int: connected players and spectators; frozen when the battle ends
        PlayersTotalRole,  // int: players and spectators of the start request plus added ones
        StartedAtRole,     // QDateTime (UTC)
        UptimeSecondsRole, // qint64: monotonic, frozen when the battle ends
        PortRole,          // int: the game port
        PidRole,           // qint64: 0 until the engine runs; the last pid once it has exited
        CpuPercentRole,    // double: percent of one core; -1 when unknown
        MemoryBytesRole,   // qint64: resident memory; -1 when unknown
        InstanceDirRole,
        EngineLogPathRole,
        EndDetailsRole, // QString: why the start failed, the crash details, or how the engine quit
        ActiveRole,     // bool: the engine process may still be running
    };
    Q_ENUM(Role)

    static constexpr int MaxEndedRows = 50;

    explicit BattleListModel(BattleManager *manager, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_rows.size()); }
    int activeCount() const;
    int refreshInterval() const { return m_refreshTimer.interval(); }
    void setRefreshInterval(int milliseconds);

    // The row of a battle id (with or without braces), or -1.
    Q_INVOKABLE int indexOf(const QString &battleId) const;
    // Every role of a row by its name; empty for a row that does not exist.
    Q_INVOKABLE QVariantMap get(int row) const;
    // The players of a battle that has a row: followed from the battle's start, kept as long as the row.
    Q_INVOKABLE PlayerListModel *players(const QString &battleId) const;
    // What the timer does: uptime, pid, CPU and memory of the active rows, one dataChanged over the rows
    // that changed with the roles that changed.
    void refresh();

signals:
    void countChanged();
    void activeCountChanged();
    void refreshIntervalChanged();

private:
    struct Row
    {
        QUuid id;
        QPointer<Battle> battle;
        PlayerListModel *players = nullptr;
        QString battleId;
        QString engineVersion;
        QString gameName;
        QString mapName;
        QString state;
        QSet<QString> joined;
        int playersTotal = 0;
        QDateTime startedAt;
        qint64 uptimeSeconds = 0;
        int port = 0;
        qint64 pid = 0;
        double cpuPercent = -1;
        qint64 memoryBytes = -1;
        QString instanceDir;
        QString engineLogPath;
        QString endDetails;
        bool active = true;
        quint64 endedSequence = 0; // order of ending, to drop the row that ended first
        std::optional<ProcessUsage::Sample> lastSample;
        QElapsedTimer sampleClock;
    };

    void addBattle(Battle *battle);
    // The battle has ended (battleRemoved) or disappeared without that (its manager was destroyed).
    void finishBattle(const QUuid &id);
    void dropOldestEnded();
    void handleUpdate(const QUuid &id, const QString &type, const QString &userId);
    // Re-reads state, pid and end details from the live battle; the roles that changed.
    QList<int> readBattleState(Row &row) const;
    QList<int> refreshUsage(Row &row) const;
    void emitRowChanged(int row, const QList<int> &roles);
    int rowOf(const QUuid &id) const;

    QList<Row> m_rows;
    QTimer m_refreshTimer;
    quint64 m_endedCount = 0;
};
