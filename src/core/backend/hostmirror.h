#pragma once

#include <QDateTime>
#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QVariantMap>

#include "backend/mirrorbattlemodel.h"
#include "backend/mirrorinstallmodel.h"
#include "backend/mirrormetrics.h"
#include "backend/mirrorplayermodel.h"
#include "backend/mirrorrowmodel.h"
#include "logrecorder.h"
#include "models/feedmodel.h"
#include "models/logmodel.h"
#include "protocol/json.h"

class AutohostBackend;
class FeedMirror;

// What the views show of one autohost, kept from a backend's snapshot and events (docs/admin-api.md): the
// scalar sections as properties, the tables as models with the role names, properties and invokables of the
// desktop app's own models (battles and each battle's players, engines, installs), the dashboard's metrics,
// each battle's feed (the existing FeedModel, filled by the feed read and the updates events when a view
// first asks for it) and the log (the existing LogModel over a LogRecorder of the mirror's own, filled by
// the log read and the log events). Views bound to it cannot tell a local autohost from a remote one.
//
// Each snapshot (the first, and the one after every reattach) replaces what was known: rows of battles that
// are still there change in place, so their players and feeds stay and reload what they missed.
class HostMirror : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool ready READ ready NOTIFY readyChanged)

    Q_PROPERTY(bool localMode READ localMode NOTIFY hostChanged)
    Q_PROPERTY(QString serverAddress READ serverAddress NOTIFY hostChanged)
    Q_PROPERTY(QString hostAddress READ hostAddress NOTIFY hostChanged)
    Q_PROPERTY(QString enginesDir READ enginesDir NOTIFY hostChanged)

    Q_PROPERTY(QString connectionState READ connectionState NOTIFY connectionChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY connectionChanged)
    Q_PROPERTY(int nextRetrySeconds READ nextRetrySeconds NOTIFY connectionChanged)
    Q_PROPERTY(QDateTime connectedSince READ connectedSince NOTIFY connectionChanged)
    Q_PROPERTY(int serverUserCount READ serverUserCount NOTIFY connectionChanged)
    Q_PROPERTY(bool subscribed READ subscribed NOTIFY connectionChanged)

    Q_PROPERTY(int currentBattles READ currentBattles NOTIFY capacityChanged)
    Q_PROPERTY(int maxBattles READ maxBattles NOTIFY capacityChanged)
    Q_PROPERTY(int configuredMaxBattles READ configuredMaxBattles NOTIFY capacityChanged)
    Q_PROPERTY(bool draining READ draining NOTIFY capacityChanged)
    Q_PROPERTY(bool shuttingDown READ shuttingDown NOTIFY capacityChanged)

    Q_PROPERTY(QStringList engineVersions READ engineVersions NOTIFY localBattleChanged)
    Q_PROPERTY(QString defaultEngine READ defaultEngine NOTIFY localBattleChanged)
    Q_PROPERTY(QStringList games READ games NOTIFY localBattleChanged)
    Q_PROPERTY(QStringList maps READ maps NOTIFY localBattleChanged)
    Q_PROPERTY(bool scanning READ scanning NOTIFY localBattleChanged)
    Q_PROPERTY(QStringList startPosTypes READ startPosTypes NOTIFY localBattleChanged)
    Q_PROPERTY(QString defaultStartPosType READ defaultStartPosType NOTIFY localBattleChanged)

    Q_PROPERTY(QVariantMap settings READ settings NOTIFY settingsChanged)
    Q_PROPERTY(bool logAvailable READ logAvailable NOTIFY settingsChanged)

    Q_PROPERTY(MirrorBattleModel *battles READ battles CONSTANT)
    Q_PROPERTY(MirrorRowModel *engines READ engines CONSTANT)
    Q_PROPERTY(MirrorInstallModel *installs READ installs CONSTANT)
    Q_PROPERTY(MirrorMetrics *metrics READ metrics CONSTANT)
    Q_PROPERTY(LogModel *log READ log CONSTANT)

public:
    // The engines table's columns (EngineListModel's roles, in its order).
    static const QList<MirrorRowModel::Column> &engineColumns();

    // Follows the backend from its next snapshot on; attaching it is the caller's business.
    explicit HostMirror(AutohostBackend *backend, QObject *parent = nullptr);
    ~HostMirror() override;

    AutohostBackend *backend() const { return m_backend; }
    // A snapshot has arrived.
    bool ready() const { return m_ready; }

    bool localMode() const { return m_localMode; }
    QString serverAddress() const { return m_serverAddress; }
    QString hostAddress() const { return m_hostAddress; }
    QString enginesDir() const { return m_enginesDir; }

    // "local", "authenticating", "connecting", "connected", "waiting" (to retry), "stopping", "stopped".
    QString connectionState() const { return m_connectionState; }
    QString lastError() const { return m_lastError; }
    // Counted down here from what the host said.
    int nextRetrySeconds() const;
    QDateTime connectedSince() const { return m_connectedSince; }
    int serverUserCount() const { return m_serverUserCount; } // -1: not known
    bool subscribed() const { return m_subscribed; }

    int currentBattles() const { return m_currentBattles; }
    int maxBattles() const { return m_maxBattles; }
    int configuredMaxBattles() const { return m_configuredMaxBattles; }
    bool draining() const { return m_draining; }
    bool shuttingDown() const { return m_shuttingDown; }

    QStringList engineVersions() const { return m_engineVersions; }
    QString defaultEngine() const { return m_defaultEngine; }
    QStringList games() const { return m_games; }
    QStringList maps() const { return m_maps; }
    bool scanning() const { return m_scanning; }
    QStringList startPosTypes() const { return m_startPosTypes; }
    QString defaultStartPosType() const { return m_defaultStartPosType; }

    QVariantMap settings() const { return m_settings; }
    bool logAvailable() const { return m_logAvailable; }

    MirrorBattleModel *battles() const { return m_battles; }
    MirrorRowModel *engines() const { return m_engines; }
    MirrorInstallModel *installs() const { return m_installs; }
    MirrorMetrics *metrics() const { return m_metrics; }
    LogModel *log() const { return m_log; }

    // A battle's players (null when the battle has no row).
    Q_INVOKABLE MirrorPlayerModel *players(const QString &battleId) const;
    // A battle's feed (null when the battle has no row): made on the first call, then filled with the
    // updates the host keeps and followed.
    Q_INVOKABLE FeedModel *feed(const QString &battleId);

signals:
    void readyChanged();
    void hostChanged();
    void connectionChanged();
    void capacityChanged();
    void localBattleChanged();
    void settingsChanged();

private:
    void applySnapshot(const Json &snapshot);
    void applyEvent(const QString &name, const Json &data);
    void applyHost(const Json &host);
    void applyConnection(const Json &connection);
    void applyCapacity(const Json &capacity);
    void applyLocalBattle(const Json &localBattle);
    void applyPlayers(const Json &data);
    void applyUpdates(const Json &updates);
    void dropFeed(const QString &battleId);

    void loadLog();
    void finishLogLoad(const Json &records);
    void addLogRecords(const Json &records);
    void recordLog(const Json &record);

    QPointer<AutohostBackend> m_backend;
    bool m_ready = false;

    bool m_localMode = false;
    QString m_serverAddress;
    QString m_hostAddress;
    QString m_enginesDir;

    QString m_connectionState;
    QString m_lastError;
    QDeadlineTimer m_nextAttempt;
    QTimer m_countdown;
    QDateTime m_connectedSince;
    int m_serverUserCount = -1;
    bool m_subscribed = false;

    int m_currentBattles = 0;
    int m_maxBattles = 0;
    int m_configuredMaxBattles = 0;
    bool m_draining = false;
    bool m_shuttingDown = false;

    QStringList m_engineVersions;
    QString m_defaultEngine;
    QStringList m_games;
    QStringList m_maps;
    bool m_scanning = false;
    QStringList m_startPosTypes;
    QString m_defaultStartPosType;

    QVariantMap m_settings;
    bool m_logAvailable = false;
    qint64 m_updateRetention = 0; // µs

    MirrorBattleModel *m_battles;
    MirrorRowModel *m_engines;
    MirrorInstallModel *m_installs;
    MirrorMetrics *m_metrics;
    QHash<QString, FeedMirror *> m_feeds; // by battle id

    LogRecorder m_logRecorder;
    LogModel *m_log;
    // The host's last log line here (its sequence and time), to continue after it when the log is read again.
    qint64 m_lastLogSequence = 0;
    qint64 m_lastLogTime = 0;
    bool m_logLoading = false;
    quint64 m_logLoad = 0;          // counts log reads, so that the answer to an earlier one is ignored
    Json m_liveLog = Json::array(); // log lines that arrived during a read
};
