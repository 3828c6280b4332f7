#include "admin/hoststate.h"

#include <algorithm>
#include <utility>

#include <QMetaMethod>

#include "admin/adminjson.h"
#include "autohostservice.h"
#include "local/localbattleplan.h"
#include "logrecorder.h"
#include "models/battlelistmodel.h"
#include "models/enginelistmodel.h"
#include "models/installlistmodel.h"
#include "models/metricshistory.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
Json textList(const QStringList &texts)
{
    Json array = Json::array();
    for (const QString &text : texts)
    {
        array.push_back(toStdString(text));
    }
    return array;
}

Json numberList(const QList<qreal> &numbers)
{
    Json array = Json::array();
    for (const qreal number : numbers)
    {
        array.push_back(number);
    }
    return array;
}

bool namesASecret(const std::string &key)
{
    const QString name = toQString(key);
    return name.contains(u"secret"_s, Qt::CaseInsensitive) ||
           name.contains(u"token"_s, Qt::CaseInsensitive) ||
           name.contains(u"password"_s, Qt::CaseInsensitive);
}
} // namespace

HostState::HostState(AutohostService *service, LogRecorder *recorder, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_recorder(recorder)
    , m_battles(new BattleListModel(service->battles(), this))
    , m_engines(new EngineListModel(service->engines(), service->battles(), this))
    , m_installs(new InstallListModel(service->installer(), this))
    , m_metrics(new MetricsHistory(service->battles(), service->updates(), this))
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(DefaultBatchInterval);
    connect(&m_batchTimer, &QTimer::timeout, this, &HostState::flush);

    if (TachyonClient *client = service->client())
    {
        if (client->state() == TachyonClient::State::Connected)
        {
            m_connectedSince = QDateTime::currentDateTimeUtc();
        }
        connect(client, &TachyonClient::stateChanged, this,
                [this](TachyonClient::State state)
                {
                    m_connectedSince = state == TachyonClient::State::Connected
                                           ? QDateTime::currentDateTimeUtc()
                                           : QDateTime();
                    markDirty(Connection);
                });
    }
    connect(service, &AutohostService::serverUserCountChanged, this, [this] { markDirty(Connection); });
    connect(service->battles(), &BattleManager::capacityChanged, this, [this] { markDirty(Capacity); });

    const auto engines = [this]
    {
        markDirty(Engines);
    };
    connect(m_engines, &QAbstractItemModel::rowsInserted, this, engines);
    connect(m_engines, &QAbstractItemModel::rowsRemoved, this, engines);
    connect(m_engines, &QAbstractItemModel::dataChanged, this, engines);
    const auto installs = [this]
    {
        markDirty(Installs);
    };
    connect(m_installs, &QAbstractItemModel::rowsInserted, this, installs);
    connect(m_installs, &QAbstractItemModel::rowsRemoved, this, installs);
    connect(m_installs, &QAbstractItemModel::dataChanged, this, installs);

    connect(service->engines(), &EngineCatalog::versionsChanged, this, [this] { markDirty(LocalBattle); });
    connect(service->content(), &ContentCatalog::changed, this, [this] { markDirty(LocalBattle); });

    connect(m_metrics, &MetricsHistory::samplesChanged, this, [this] { markDirty(Metrics); });
    connect(m_metrics, &MetricsHistory::currentUpdateRateChanged, this, [this] { markDirty(UpdateRate); });

    followBattleRows(0, m_battles->rowCount() - 1);
    connect(m_battles, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last)
            {
                followBattleRows(first, last);
                markBattleRows(first, last);
            });
    connect(m_battles, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) { dropBattleRows(first, last); });
    connect(m_battles, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight)
            { markBattleRows(topLeft.row(), bottomRight.row()); });

    connect(service->updates(), &UpdateBuffer::appended, this, &HostState::handleUpdate);
    if (recorder)
    {
        connect(recorder, &LogRecorder::recorded, this, &HostState::handleLog);
    }
}

void HostState::setBatchInterval(int milliseconds)
{
    m_batchTimer.setInterval(milliseconds);
}

void HostState::setUsageRefreshInterval(int milliseconds)
{
    m_battles->setRefreshInterval(milliseconds);
}

bool HostState::listened() const
{
    static const QMetaMethod signal = QMetaMethod::fromSignal(&HostState::streamEvent);
    return isSignalConnected(signal);
}

void HostState::markDirty(Section section)
{
    m_dirty |= section;
    schedule();
}

void HostState::schedule()
{
    if (!m_batchTimer.isActive())
    {
        m_batchTimer.start();
    }
}

QString HostState::battleIdAt(int row) const
{
    return m_battles->data(m_battles->index(row), BattleListModel::BattleIdRole).toString();
}

void HostState::followBattleRows(int first, int last)
{
    for (int row = first; row <= last; ++row)
    {
        const QString battleId = battleIdAt(row);
        PlayerListModel *players = m_battles->players(battleId);
        if (!players)
        {
            continue;
        }
        const auto mark = [this, battleId](int from, int to)
        {
            for (int player = from; player <= to; ++player)
            {
                m_dirtyPlayers[battleId].insert(player);
            }
            schedule();
        };
        connect(players, &QAbstractItemModel::rowsInserted, this,
                [mark](const QModelIndex &, int from, int to) { mark(from, to); });
        connect(players, &QAbstractItemModel::dataChanged, this,
                [mark](const QModelIndex &topLeft, const QModelIndex &bottomRight)
                { mark(topLeft.row(), bottomRight.row()); });
        mark(0, players->rowCount() - 1);
    }
}

void HostState::markBattleRows(int first, int last)
{
    for (int row = first; row <= last; ++row)
    {
        m_dirtyBattles.insert(battleIdAt(row));
    }
    schedule();
}

void HostState::dropBattleRows(int first, int last)
{
    // What was pending goes first, so that nothing about these battles follows their removal.
    flush();
    for (int row = first; row <= last; ++row)
    {
        const QString battleId = battleIdAt(row);
        emit streamEvent(u"battleRemoved"_s, Json{{"battleId", toStdString(battleId)}});
    }
}

void HostState::handleUpdate(const UpdateBuffer::Entry &entry)
{
    if (!listened())
    {
        return;
    }
    m_pendingUpdates.push_back(UpdateBuffer::eventData(entry));
    if (m_pendingUpdates.size() >= size_t(MaxBatchSize))
    {
        flush();
    }
    else
    {
        schedule();
    }
}

void HostState::handleLog(const QList<LogRecord> &records)
{
    if (!listened())
    {
        return;
    }
    for (const LogRecord &record : records)
    {
        m_pendingLog.push_back(AdminJson::logRecord(record));
        if (m_pendingLog.size() >= size_t(MaxBatchSize))
        {
            flush();
        }
    }
    schedule();
}

void HostState::flush()
{
    m_batchTimer.stop();
    const int dirty = std::exchange(m_dirty, 0);
    if (dirty & Connection)
    {
        emit streamEvent(u"connection"_s, connectionJson());
    }
    if (dirty & Capacity)
    {
        emit streamEvent(u"capacity"_s, capacityJson());
    }
    if (dirty & Engines)
    {
        emit streamEvent(u"engines"_s, Json{{"engines", AdminJson::rows(*m_engines)}});
    }
    if (dirty & Installs)
    {
        emit streamEvent(u"installs"_s, Json{{"installs", AdminJson::rows(*m_installs)}});
    }
    if (dirty & LocalBattle)
    {
        emit streamEvent(u"localBattle"_s, localBattleJson());
    }
    if (const QSet<QString> battles = std::exchange(m_dirtyBattles, {}); !battles.isEmpty())
    {
        // In the table's order, so that a client appending new rows keeps it.
        Json rows = Json::array();
        for (int row = 0; row < m_battles->rowCount(); ++row)
        {
            if (battles.contains(battleIdAt(row)))
            {
                rows.push_back(battleJson(row, false));
            }
        }
        if (!rows.empty())
        {
            emit streamEvent(u"battles"_s, Json{{"battles", std::move(rows)}});
        }
    }
    const QHash<QString, QSet<int>> players = std::exchange(m_dirtyPlayers, {});
    for (auto it = players.cbegin(); it != players.cend(); ++it)
    {
        const PlayerListModel *model = m_battles->players(it.key());
        if (!model)
        {
            continue;
        }
        QList<int> rows(it->cbegin(), it->cend());
        std::sort(rows.begin(), rows.end());
        Json changed = Json::array();
        for (const int row : std::as_const(rows))
        {
            if (row >= 0 && row < model->rowCount())
            {
                changed.push_back(AdminJson::row(*model, row));
            }
        }
        emit streamEvent(u"players"_s,
                         Json{{"battleId", toStdString(it.key())}, {"players", std::move(changed)}});
    }
    if (!m_pendingUpdates.empty())
    {
        emit streamEvent(u"updates"_s, Json{{"updates", std::exchange(m_pendingUpdates, Json::array())}});
    }
    if (!m_pendingLog.empty())
    {
        emit streamEvent(u"log"_s, Json{{"records", std::exchange(m_pendingLog, Json::array())}});
    }
    if (dirty & Metrics)
    {
        emit streamEvent(u"metrics"_s, metricsJson());
    }
    if (dirty & UpdateRate)
    {
        emit streamEvent(u"updateRate"_s, Json{{"currentUpdateRate", m_metrics->currentUpdateRate()}});
    }
}

QString HostState::connectionStateName(const TachyonClient *client)
{
    if (!client)
    {
        return u"local"_s;
    }
    switch (client->state())
    {
    case TachyonClient::State::Idle:
    case TachyonClient::State::Authenticating:
        return u"authenticating"_s;
    case TachyonClient::State::Connecting:
        return u"connecting"_s;
    case TachyonClient::State::Connected:
        return u"connected"_s;
    case TachyonClient::State::WaitingToRetry:
        return u"waiting"_s;
    case TachyonClient::State::Stopping:
        return u"stopping"_s;
    case TachyonClient::State::Stopped:
        return u"stopped"_s;
    }
    return u"stopped"_s;
}

int HostState::nextRetrySeconds(const TachyonClient *client)
{
    if (!client || client->state() != TachyonClient::State::WaitingToRetry)
    {
        return 0;
    }
    const qint64 milliseconds = QDateTime::currentDateTimeUtc().msecsTo(client->nextAttemptAt());
    return int(std::max<qint64>(0, (milliseconds + 999) / 1000));
}

QString HostState::serverAddress(const Config &config)
{
    if (config.localMode())
    {
        return {};
    }
    return config.tachyonServerPort ? u"%1:%2"_s.arg(config.tachyonServer).arg(*config.tachyonServerPort)
                                    : config.tachyonServer;
}

Json HostState::settings(const Config &config)
{
    // describe() masks the keys the loader knows as secrets; names catch a secret it might not.
    Json described = Json::parse(toStdString(ConfigLoader::describe(config)), nullptr, false);
    if (!described.is_object())
    {
        return Json::object();
    }
    for (auto it = described.begin(); it != described.end(); ++it)
    {
        if (namesASecret(it.key()) && !(it->is_string() && it->get_ref<const std::string &>().empty()))
        {
            *it = "***";
        }
    }
    return described;
}

Json HostState::hostJson() const
{
    const Config &config = m_service->config();
    return {{"localMode", config.localMode()},
            {"serverAddress", toStdString(serverAddress(config))},
            {"hostAddress", toStdString(LocalBattlePlan::hostAddress(config.hostingIP, config.engineBindIP,
                                                                     LocalBattlePlan::machineAddresses()))},
            {"enginesDir", toStdString(m_service->engines()->enginesDir())}};
}

Json HostState::connectionJson() const
{
    const TachyonClient *client = m_service->client();
    const bool waiting = client && client->state() == TachyonClient::State::WaitingToRetry;
    const auto userCount = m_service->serverUserCount();
    return {{"state", toStdString(connectionStateName(client))},
            {"lastError", toStdString(client ? client->lastError() : QString())},
            {"nextRetrySeconds", nextRetrySeconds(client)},
            {"nextAttemptAt", waiting ? AdminJson::time(client->nextAttemptAt()) : Json(nullptr)},
            {"connectedSince", AdminJson::time(m_connectedSince)},
            {"serverUserCount", userCount ? Json(*userCount) : Json(nullptr)},
            {"subscribed", m_service->subscribed()}};
}

Json HostState::capacityJson() const
{
    const BattleManager *battles = m_service->battles();
    return {{"currentBattles", battles->currentBattles()},
            {"maxBattles", battles->maxBattles()},
            {"configuredMaxBattles", m_service->config().maxBattles},
            {"draining", !battles->accepting()},
            {"shuttingDown", m_service->shuttingDown()}};
}

Json HostState::localBattleJson() const
{
    const QStringList versions = m_service->engines()->versions();
    const ContentCatalog *content = m_service->content();
    return {
        {"engines", textList(versions)},
        {"defaultEngine", toStdString(LocalBattlePlan::newestVersion(versions))},
        {"games", textList(content->games())},
        {"maps", textList(content->maps())},
        {"scanning", content->scanning()},
        {"startPosTypes", Json::array({LocalBattlePlan::Fixed, LocalBattlePlan::Random,
                                       LocalBattlePlan::ChooseInGame, LocalBattlePlan::ChooseBeforeGame})},
        {"defaultStartPosType", LocalBattlePlan::ChooseInGame}};
}

Json HostState::metricsJson() const
{
    return {{"sampleIntervalSeconds", m_metrics->sampleIntervalSeconds()},
            {"windowSeconds", m_metrics->windowSeconds()},
            {"battleSamples", numberList(m_metrics->battleSamples())},
            {"updateRateSamples", numberList(m_metrics->updateRateSamples())},
            {"peakUpdateRate", m_metrics->peakUpdateRate()},
            {"currentUpdateRate", m_metrics->currentUpdateRate()}};
}

Json HostState::battleJson(int row, bool withPlayers) const
{
    Json battle = AdminJson::row(*m_battles, row);
    if (withPlayers)
    {
        const PlayerListModel *players = m_battles->players(toQString(battle.value("battleId", "")));
        battle["players"] = players ? AdminJson::rows(*players) : Json::array();
    }
    return battle;
}

Json HostState::snapshot() const
{
    // The games and maps are read when someone first looks, not at every start of a headless autohost.
    m_service->content()->scanOnce();
    Json battles = Json::array();
    for (int row = 0; row < m_battles->rowCount(); ++row)
    {
        battles.push_back(battleJson(row, true));
    }
    Json log = Json::object();
    log["available"] = m_recorder != nullptr;
    log["capacity"] = m_recorder ? m_recorder->capacity() : 0;
    const UpdateBuffer *updates = m_service->updates();
    Json snapshot = Json::object();
    snapshot["apiVersion"] = ApiVersion;
    snapshot["time"] = AdminJson::time(QDateTime::currentDateTimeUtc());
    snapshot["host"] = hostJson();
    snapshot["connection"] = connectionJson();
    snapshot["capacity"] = capacityJson();
    snapshot["engines"] = AdminJson::rows(*m_engines);
    snapshot["installs"] = AdminJson::rows(*m_installs);
    snapshot["battles"] = std::move(battles);
    snapshot["localBattle"] = localBattleJson();
    snapshot["metrics"] = metricsJson();
    snapshot["updates"] = {{"retentionSeconds", updates->retention() / 1000000}, {"kept", updates->size()}};
    snapshot["log"] = std::move(log);
    snapshot["settings"] = settings(m_service->config());
    return snapshot;
}
