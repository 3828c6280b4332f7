#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include "protocol/json.h"
#include "updates/updatebuffer.h"

class AutohostService;
class BattleListModel;
class EngineListModel;
class InstallListModel;
class LogRecorder;
class MetricsHistory;
class TachyonClient;
struct Config;
struct LogRecord;

// Everything the desktop app shows about this autohost, as JSON for the admin endpoint: snapshot() is the
// body of GET /api/v1/state and the first frame of the stream, streamEvent() tells what changed since
// (docs/admin-api.md describes every section and event).
//
// Battles, players, engines, installs and metrics come from the models the desktop app shows
// (BattleListModel with its CPU and memory refresh of running battles, PlayerListModel, EngineListModel,
// InstallListModel, MetricsHistory), row for row and role for role, so that a remote view can rebuild them.
// Changes are coalesced: whatever changed goes out once per batch interval with its state at that moment,
// updates and log lines travel in batches of at most MaxBatchSize, so a flood costs a few events per interval
// and never a snapshot per change. While nothing listens to streamEvent, updates and log lines are not even
// collected (the feed and log reads of AdminControl serve their history).
class HostState : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultBatchInterval = 100; // ms
    static constexpr int MaxBatchSize = 1000;
    // Version of the JSON described in docs/admin-api.md.
    static constexpr int ApiVersion = 1;

    // recorder: where log lines come from; null: no log (the snapshot says so).
    explicit HostState(AutohostService *service, LogRecorder *recorder = nullptr, QObject *parent = nullptr);

    // The first call (of any HostState of the service) also starts reading the games and maps on disk
    // (ContentCatalog::scanOnce): localBattle says "scanning" until an event brings them.
    Json snapshot() const;
    // Emits every pending change now, e.g. before a new client takes its snapshot.
    void flush();

    void setBatchInterval(int milliseconds);
    // The dashboard's history the metrics section tells.
    MetricsHistory *metricsHistory() const { return m_metrics; }
    // How often the uptime, CPU and memory of running battles are read (BattleListModel's refresh).
    void setUsageRefreshInterval(int milliseconds);

    // The connection state as the views name it: "local" (no Tachyon server), "authenticating",
    // "connecting", "connected", "waiting" (to retry), "stopping", "stopped".
    static QString connectionStateName(const TachyonClient *client);
    // Whole seconds until the next connection attempt; 0 unless waiting to retry.
    static int nextRetrySeconds(const TachyonClient *client);
    // "host:port" of the Tachyon server as configured; empty in local mode.
    static QString serverAddress(const Config &config);
    // The effective configuration, every key, with secrets (and any key named like a token or a secret)
    // replaced by "***".
    static Json settings(const Config &config);

signals:
    void streamEvent(const QString &name, const Json &data);

private:
    enum Section
    {
        Connection = 1 << 0,
        Capacity = 1 << 1,
        Engines = 1 << 2,
        Installs = 1 << 3,
        LocalBattle = 1 << 4,
        Metrics = 1 << 5,
        UpdateRate = 1 << 6,
    };

    bool listened() const;
    void markDirty(Section section);
    void schedule();
    QString battleIdAt(int row) const;
    void followBattleRows(int first, int last);
    void dropBattleRows(int first, int last);
    void markBattleRows(int first, int last);
    void handleUpdate(const UpdateBuffer::Entry &entry);
    void handleLog(const QList<LogRecord> &records);

    Json hostJson() const;
    Json connectionJson() const;
    Json capacityJson() const;
    Json localBattleJson() const;
    Json metricsJson() const;
    Json battleJson(int row, bool withPlayers) const;

    AutohostService *m_service;
    LogRecorder *m_recorder;
    BattleListModel *m_battles;
    EngineListModel *m_engines;
    InstallListModel *m_installs;
    MetricsHistory *m_metrics;
    QDateTime m_connectedSince;

    QTimer m_batchTimer;
    int m_dirty = 0;
    QSet<QString> m_dirtyBattles;
    QHash<QString, QSet<int>> m_dirtyPlayers; // battle id → player rows
    Json m_pendingUpdates = Json::array();
    Json m_pendingLog = Json::array();
};
