#include "backend/hostmirror.h"

#include <algorithm>
#include <limits>

#include <QJsonDocument>
#include <QUuid>

#include "admin/admincontrol.h"
#include "backend/autohostbackend.h"
#include "backend/feedmirror.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
using Kind = MirrorRowModel::Kind;

const Json &member(const Json &object, const char *name)
{
    static const Json none;
    if (!object.is_object())
    {
        return none;
    }
    const auto found = object.find(name);
    return found != object.end() ? *found : none;
}

QString text(const Json &object, const char *name)
{
    return MirrorRowModel::toValue(member(object, name), Kind::Text).toString();
}

qint64 integer(const Json &object, const char *name)
{
    return MirrorRowModel::toValue(member(object, name), Kind::Int64).toLongLong();
}

bool boolean(const Json &object, const char *name)
{
    return MirrorRowModel::toValue(member(object, name), Kind::Bool).toBool();
}

QStringList texts(const Json &object, const char *name)
{
    QStringList texts;
    const Json &array = member(object, name);
    for (const Json &item : arrayOrEmpty(array))
    {
        texts.append(MirrorRowModel::toValue(item, Kind::Text).toString());
    }
    return texts;
}

QtMsgType messageType(const QString &level)
{
    if (level == u"debug")
    {
        return QtDebugMsg;
    }
    if (level == u"warning")
    {
        return QtWarningMsg;
    }
    return level == u"error" ? QtCriticalMsg : QtInfoMsg;
}
} // namespace

const QList<MirrorRowModel::Column> &HostMirror::engineColumns()
{
    static const QList<MirrorRowModel::Column> columns = {
        {"version", Kind::Text},   {"origin", Kind::Text},      {"path", Kind::Text},
        {"directory", Kind::Text}, {"battlesUsing", Kind::Int},
    };
    return columns;
}

HostMirror::HostMirror(AutohostBackend *backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_battles(new MirrorBattleModel(this))
    , m_engines(new MirrorRowModel(engineColumns(), this))
    , m_installs(new MirrorInstallModel(backend, m_engines, this))
    , m_metrics(new MirrorMetrics(this))
    , m_log(new LogModel(&m_logRecorder, this))
{
    connect(backend, &AutohostBackend::snapshotReceived, this, &HostMirror::applySnapshot);
    connect(backend, &AutohostBackend::eventReceived, this, &HostMirror::applyEvent);
    // The retry countdown ticks once a second while the host waits to reconnect.
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &HostMirror::connectionChanged);
}

HostMirror::~HostMirror() = default;

int HostMirror::nextRetrySeconds() const
{
    if (m_connectionState != u"waiting")
    {
        return 0;
    }
    return int((m_nextAttempt.remainingTime() + 999) / 1000);
}

MirrorPlayerModel *HostMirror::players(const QString &battleId) const
{
    return m_battles->players(battleId);
}

FeedModel *HostMirror::feed(const QString &battleId)
{
    const int row = m_battles->indexOf(battleId);
    if (row < 0)
    {
        return nullptr;
    }
    const QString id = m_battles->keyAt(row);
    if (const FeedMirror *known = m_feeds.value(id))
    {
        return known->model();
    }
    // Names as the players table has them when a line is made.
    const auto names = [battles = QPointer<MirrorBattleModel>(m_battles), id](const QString &userId)
    {
        const MirrorPlayerModel *players = battles ? battles->players(id) : nullptr;
        return players ? players->nameOf(userId) : QString();
    };
    auto *feed = new FeedMirror(QUuid::fromString(id), m_updateRetention, names, this);
    m_feeds.insert(id, feed);
    feed->load(m_backend);
    return feed->model();
}

void HostMirror::applySnapshot(const Json &snapshot)
{
    applyHost(member(snapshot, "host"));
    applyConnection(member(snapshot, "connection"));
    applyCapacity(member(snapshot, "capacity"));
    m_engines->replaceRows(member(snapshot, "engines"));
    m_installs->replaceRows(member(snapshot, "installs"));
    const Json &battles = member(snapshot, "battles");
    m_battles->replaceRows(battles);
    for (const Json &battle : arrayOrEmpty(battles))
    {
        if (MirrorPlayerModel *players = m_battles->players(text(battle, "battleId")))
        {
            players->replaceRows(member(battle, "players"));
        }
    }
    applyLocalBattle(member(snapshot, "localBattle"));
    m_metrics->apply(member(snapshot, "metrics"));
    m_updateRetention = integer(member(snapshot, "updates"), "retentionSeconds") * 1'000'000;
    m_settings = QJsonDocument::fromJson(dumpJsonBytes(member(snapshot, "settings"))).toVariant().toMap();
    m_logAvailable = boolean(member(snapshot, "log"), "available");
    emit settingsChanged();

    // Feeds of battles that are still there read what they missed; the others go with their battles.
    const QStringList feeds = m_feeds.keys();
    for (const QString &battleId : feeds)
    {
        if (m_battles->indexOf(battleId) < 0)
        {
            dropFeed(battleId);
        }
        else
        {
            m_feeds.value(battleId)->load(m_backend);
        }
    }
    if (m_logAvailable)
    {
        loadLog();
    }
    if (!m_ready)
    {
        m_ready = true;
        emit readyChanged();
    }
}

void HostMirror::applyEvent(const QString &name, const Json &data)
{
    if (name == u"connection")
    {
        applyConnection(data);
    }
    else if (name == u"capacity")
    {
        applyCapacity(data);
    }
    else if (name == u"engines")
    {
        m_engines->replaceRows(member(data, "engines"));
    }
    else if (name == u"installs")
    {
        m_installs->replaceRows(member(data, "installs"));
    }
    else if (name == u"localBattle")
    {
        applyLocalBattle(data);
    }
    else if (name == u"battles")
    {
        m_battles->upsertRows(member(data, "battles"));
    }
    else if (name == u"battleRemoved")
    {
        const QString battleId = text(data, "battleId");
        m_battles->removeKey(battleId);
        dropFeed(battleId);
    }
    else if (name == u"players")
    {
        applyPlayers(data);
    }
    else if (name == u"updates")
    {
        applyUpdates(member(data, "updates"));
    }
    else if (name == u"log")
    {
        if (m_logLoading)
        {
            for (const Json &record : member(data, "records"))
            {
                m_liveLog.push_back(record);
            }
        }
        else
        {
            addLogRecords(member(data, "records"));
        }
    }
    else if (name == u"metrics")
    {
        m_metrics->apply(data);
    }
    else if (name == u"updateRate")
    {
        m_metrics->setCurrentUpdateRate(
            MirrorRowModel::toValue(member(data, "currentUpdateRate"), Kind::Double).toDouble());
    }
}

void HostMirror::applyHost(const Json &host)
{
    m_localMode = boolean(host, "localMode");
    m_serverAddress = text(host, "serverAddress");
    m_hostAddress = text(host, "hostAddress");
    m_enginesDir = text(host, "enginesDir");
    emit hostChanged();
}

void HostMirror::applyConnection(const Json &connection)
{
    m_connectionState = text(connection, "state");
    m_lastError = text(connection, "lastError");
    m_nextAttempt.setRemainingTime(integer(connection, "nextRetrySeconds") * 1000);
    m_connectedSince = MirrorRowModel::toValue(member(connection, "connectedSince"), Kind::Time).toDateTime();
    const Json &userCount = member(connection, "serverUserCount");
    m_serverUserCount =
        userCount.is_number()
            ? int(std::clamp<qint64>(userCount.get<qint64>(), 0, std::numeric_limits<int>::max()))
            : -1;
    m_subscribed = boolean(connection, "subscribed");
    if (m_connectionState == u"waiting")
    {
        m_countdown.start();
    }
    else
    {
        m_countdown.stop();
    }
    emit connectionChanged();
}

void HostMirror::applyCapacity(const Json &capacity)
{
    m_currentBattles = int(integer(capacity, "currentBattles"));
    m_maxBattles = int(integer(capacity, "maxBattles"));
    m_configuredMaxBattles = int(integer(capacity, "configuredMaxBattles"));
    m_draining = boolean(capacity, "draining");
    m_shuttingDown = boolean(capacity, "shuttingDown");
    emit capacityChanged();
}

void HostMirror::applyLocalBattle(const Json &localBattle)
{
    m_engineVersions = texts(localBattle, "engines");
    m_defaultEngine = text(localBattle, "defaultEngine");
    m_games = texts(localBattle, "games");
    m_maps = texts(localBattle, "maps");
    m_scanning = boolean(localBattle, "scanning");
    m_startPosTypes = texts(localBattle, "startPosTypes");
    m_defaultStartPosType = text(localBattle, "defaultStartPosType");
    emit localBattleChanged();
}

void HostMirror::applyPlayers(const Json &data)
{
    if (MirrorPlayerModel *players = m_battles->players(text(data, "battleId")))
    {
        players->upsertRows(member(data, "players"));
    }
}

void HostMirror::applyUpdates(const Json &updates)
{
    for (const Json &entry : arrayOrEmpty(updates))
    {
        FeedMirror *feed = m_feeds.value(text(entry, "battleId"));
        if (feed && member(entry, "time").is_number_integer())
        {
            feed->addLive(integer(entry, "time"), member(entry, "update"));
        }
    }
}

void HostMirror::dropFeed(const QString &battleId)
{
    if (FeedMirror *feed = m_feeds.take(battleId))
    {
        // A view may still show it; it goes with the next event loop turn.
        feed->deleteLater();
    }
}

void HostMirror::loadLog()
{
    if (!m_backend)
    {
        return;
    }
    m_logLoading = true;
    const quint64 load = ++m_logLoad;
    const Json data = {{"limit", std::min<qsizetype>(m_log->capacity(), AdminControl::MaxReadLimit)}};
    m_backend->perform(u"log"_s, data,
                       [self = QPointer<HostMirror>(this), load](const AutohostBackend::Answer &answer)
                       {
                           if (self && load == self->m_logLoad)
                           {
                               self->finishLogLoad(answer ? member(*answer, "records") : Json::array());
                           }
                       });
}

void HostMirror::finishLogLoad(const Json &records)
{
    // The host's log goes on after the last line here, unless the host is another one now (restarted, its
    // sequence starting over) or has dropped that line since: then everything it has is new here.
    bool continues = false;
    for (const Json &record : arrayOrEmpty(records))
    {
        if (integer(record, "sequence") == m_lastLogSequence && integer(record, "timeMs") == m_lastLogTime)
        {
            continues = true;
            break;
        }
    }
    if (!continues)
    {
        m_lastLogSequence = 0;
    }
    addLogRecords(records);
    m_logLoading = false;
    addLogRecords(std::exchange(m_liveLog, Json::array()));
}

void HostMirror::addLogRecords(const Json &records)
{
    for (const Json &record : arrayOrEmpty(records))
    {
        if (integer(record, "sequence") > m_lastLogSequence)
        {
            recordLog(record);
        }
    }
}

void HostMirror::recordLog(const Json &record)
{
    m_lastLogSequence = integer(record, "sequence");
    m_lastLogTime = integer(record, "timeMs");
    m_logRecorder.record(messageType(text(record, "level")), text(record, "category").toLatin1().constData(),
                         text(record, "message"), m_lastLogTime);
}
