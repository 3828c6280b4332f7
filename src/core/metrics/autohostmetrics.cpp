#include "autohostmetrics.h"

#include <algorithm>

#include "autohostservice.h"
#include "battles/processusage.h"
#include "metrics/prometheusencoder.h"
#include "protocol/tachyonmessage.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
// The label of the commands the autohost does not implement, so that whatever the server sends cannot grow
// the number of series.
const QString OtherCommand = u"other"_s;

double flag(bool value)
{
    return value ? 1 : 0;
}
} // namespace

AutohostMetrics::AutohostMetrics(AutohostService *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_requests({u"command"_s, u"outcome"_s}, Counter())
    , m_requestDurations({u"command"_s}, Histogram(Histogram::latencyBounds()))
{
    connect(service, &AutohostService::requestAnswered, this, &AutohostMetrics::countAnswer);
    connect(service, &AutohostService::updateRelayed, this, [this] { m_updatesRelayed.increment(); });
    BattleManager *battles = service->battles();
    connect(battles, &BattleManager::battleAdded, this, &AutohostMetrics::followBattle);
    connect(battles, &BattleManager::battleRemoved, this, [this](const QUuid &id) { m_joined.remove(id); });
    for (Battle *battle : battles->battles())
    {
        followBattle(battle);
    }
}

void AutohostMetrics::countAnswer(const QString &commandId, const QString &outcome, double latencySeconds)
{
    const QString command = outcome == FailureReason::CommandUnimplemented ? OtherCommand : commandId;
    m_requests.with({command, outcome}).increment();
    m_requestDurations.with({command}).observe(latencySeconds);
}

void AutohostMetrics::followBattle(Battle *battle)
{
    const QUuid id = battle->id();
    m_joined.insert(id, {});
    connect(battle, &Battle::playerUpdated, this,
            [this, id](const EngineUpdate &update)
            {
                const auto joined = m_joined.find(id);
                if (joined == m_joined.end())
                {
                    return;
                }
                if (update.type == "player_joined")
                {
                    joined->insert(update.userId);
                }
                else if (update.type == "player_left")
                {
                    joined->remove(update.userId);
                }
            });
}

QByteArray AutohostMetrics::render() const
{
    return PrometheusEncoder::encode(families());
}

QList<MetricFamily> AutohostMetrics::families() const
{
    using Type = MetricFamily::Type;
    const TachyonClient *client = m_service->client();
    const BattleManager *battles = m_service->battles();
    const bool connected = client && client->state() == TachyonClient::State::Connected;
    const quint64 connections = client ? client->connectionGeneration() : 0;
    const QList<EngineInstaller::Install> installs = m_service->installer()->installs();
    const auto installing = std::count_if(installs.cbegin(), installs.cend(),
                                          [](const EngineInstaller::Install &install)
                                          { return install.phase != EngineInstaller::Phase::Failed; });

    QList<MetricFamily> families;
    families.append(MetricFamily(u"autohost_build_info"_s,
                                 u"The autohost's version; the value is always 1."_s, Type::Gauge)
                        .add({{u"version"_s, QStringLiteral(AUTOHOST_VERSION)}}, 1));
    families.append(
        MetricFamily(u"autohost_tachyon_connected"_s,
                     u"1 while connected to the Tachyon server, otherwise 0 (always 0 in local mode)."_s,
                     Type::Gauge)
            .add({}, flag(connected)));
    families.append(
        MetricFamily(u"autohost_tachyon_reconnects_total"_s,
                     u"Connections to the Tachyon server established after the first one: one per "
                     u"successful reconnect."_s,
                     Type::Counter)
            .add({}, double(connections > 0 ? connections - 1 : 0)));
    families.append(MetricFamily(u"autohost_battles_running"_s,
                                 u"Battles holding a slot: starting, running or stopping (currentBattles of "
                                 u"autohost/status)."_s,
                                 Type::Gauge)
                        .add({}, battles->currentBattles()));
    families.append(MetricFamily(u"autohost_battles_max"_s,
                                 u"The configured maximum number of battles (maxBattles)."_s, Type::Gauge)
                        .add({}, m_service->config().maxBattles));
    families.append(MetricFamily(u"autohost_draining"_s,
                                 u"1 while the autohost accepts no new battles (draining or shutting down), "
                                 u"otherwise 0."_s,
                                 Type::Gauge)
                        .add({}, flag(!battles->accepting())));
    families.append(MetricFamily(u"autohost_engines_available"_s, u"Engine versions this autohost can run."_s,
                                 Type::Gauge)
                        .add({}, double(m_service->engines()->versions().size())));
    families.append(
        MetricFamily(u"autohost_engines_installing"_s, u"Engine installs queued or under way."_s, Type::Gauge)
            .add({}, double(installing)));
    families.append(MetricFamily(u"autohost_updates_relayed_total"_s,
                                 u"autohost/update events sent to the Tachyon server, live or replayed after "
                                 u"autohost/subscribeUpdates."_s,
                                 Type::Counter)
                        .add({}, m_updatesRelayed.value()));
    const UpdateJournal *journal = m_service->journal();
    families.append(
        MetricFamily(u"autohost_journal_write_failures_total"_s,
                     u"Attempts to write to the update journal that failed (disk full, I/O error); "
                     u"the records are kept and written once writing works again."_s,
                     Type::Counter)
            .add({}, journal ? double(journal->writeFailures()) : 0));
    families.append(
        MetricFamily(u"autohost_journal_records_pending"_s,
                     u"Journal records waiting to be written after failed writes: updates a restart "
                     u"would not replay."_s,
                     Type::Gauge)
            .add({}, journal ? double(journal->pendingRecords()) : 0));

    MetricFamily requests(u"autohost_requests_total"_s,
                          u"Requests of the Tachyon server answered, by command and outcome (success or the "
                          u"failure reason); commands the autohost does not implement count as command "
                          u"\"other\"."_s,
                          Type::Counter);
    m_requests.forEach([&requests](const MetricLabels &labels, const Counter &counter)
                       { requests.add(labels, counter.value()); });
    families.append(requests);
    MetricFamily durations(u"autohost_request_duration_seconds"_s,
                           u"Time from the arrival of a request of the Tachyon server to the sending of its "
                           u"response, by command."_s,
                           Type::Histogram);
    m_requestDurations.forEach([&durations](const MetricLabels &labels, const Histogram &histogram)
                               { durations.add(labels, histogram); });
    families.append(durations);

    MetricFamily players(u"autohost_battle_players_joined"_s,
                         u"Players and spectators connected to the battle now."_s, Type::Gauge);
    MetricFamily cpu(u"autohost_battle_cpu_seconds_total"_s,
                     u"CPU time (user and system) used by the battle's engine process."_s, Type::Counter);
    MetricFamily memory(u"autohost_battle_resident_memory_bytes"_s,
                        u"Resident memory of the battle's engine process."_s, Type::Gauge);
    QList<Battle *> current = battles->battles();
    std::sort(current.begin(), current.end(),
              [](const Battle *a, const Battle *b) { return uuidText(a->id()) < uuidText(b->id()); });
    for (const Battle *battle : std::as_const(current))
    {
        const MetricLabels labels = {{u"battle_id"_s, uuidText(battle->id())}};
        players.add(labels, double(m_joined.value(battle->id()).size()));
        const auto usage = battle->pid() > 0 ? ProcessUsage::sample(battle->pid()) : std::nullopt;
        if (usage)
        {
            cpu.add(labels, usage->cpuSeconds);
            memory.add(labels, double(usage->residentBytes));
        }
    }
    families.append(players);
    families.append(cpu);
    families.append(memory);
    return families;
}
