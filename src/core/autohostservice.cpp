#include "autohostservice.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "battles/battlerequests.h"
#include "engine/strayengine.h"
#include "logging.h"
#include "protocol/requestdecoder.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
const QString StatusCommand = u"autohost/status"_s;
const QString ServerStatsCommand = u"system/serverStats"_s;
// How often the journal gets a sign of life (while battles run) and an fdatasync.
constexpr int JournalMaintenanceMs = 5000;
// At most this many updates go to the server connection per turn of the event loop, and none while this many
// bytes wait for the system: a replay of a million updates reaches the server while the autohost still writes
// it, memory stays bounded, and engines are read in between.
constexpr qsizetype UpdatesPerTurn = 8192;
constexpr qint64 MaxUnwrittenBytes = 8 << 20;
constexpr int UnwrittenRetryMs = 5;

qint64 microseconds(double seconds)
{
    return qint64(seconds * 1e6);
}

Json failureJson(const TachyonMessage &request, const RequestFailure &failure)
{
    return TachyonMessage::makeFailure(request, failure.reason, failure.details);
}

Json invalid(const TachyonMessage &request, const QString &details)
{
    return TachyonMessage::makeFailure(request, FailureReason::InvalidRequest, details);
}

// The decoders validate whole messages, envelope included.
Json wholeMessage(const TachyonMessage &request)
{
    return TachyonMessage::makeRequest(request.commandId, request.messageId, request.data);
}
EngineInstaller::Settings installerSettings(const Config &config)
{
    EngineInstaller::Settings settings;
    settings.cdnBaseUrl = QUrl(config.engineCdnBaseUrl);
    settings.attemptTimeoutMs = int(
        std::min<qint64>(qint64(config.engineInstallTimeoutSeconds) * 1000, std::numeric_limits<int>::max()));
    settings.stallTimeoutMs = std::min(settings.attemptTimeoutMs, 60000);
    settings.maxAttempts = config.engineDownloadMaxAttempts;
    settings.backoffBaseMs = config.engineDownloadRetryBackoffBaseMs;
    return settings;
}
} // namespace

AutohostService::AutohostService(const Config &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_engines(EngineSources{config.enginesDir, config.extraEngineDirs,
                              config.systemEngines ? EngineCatalog::defaultSystemBinaries() : QStringList()})
    , m_updates(microseconds(config.maxUpdatesSubscriptionAgeSeconds))
    , m_installer(installerSettings(config), &m_engines, &m_network)
    , m_battles(config, &m_engines, &m_updates)
    , m_content(config.engineDataDirs)
{
    m_statusTimer.setSingleShot(true);
    m_statusTimer.setInterval(0);
    connect(&m_statusTimer, &QTimer::timeout, this, [this] { sendStatus(false); });
    connect(&m_battles, &BattleManager::capacityChanged, this, &AutohostService::scheduleStatus);
    connect(&m_engines, &EngineCatalog::versionsChanged, this, &AutohostService::scheduleStatus);
    connect(&m_updates, &UpdateBuffer::appended, this, &AutohostService::handleAppended);
    openJournal();

    m_serverStatsTimer.setInterval(toMilliseconds(config.serverStatsIntervalSeconds));
    connect(&m_serverStatsTimer, &QTimer::timeout, this, &AutohostService::requestServerStats);

    if (!config.localMode())
    {
        TachyonEndpoint endpoint;
        endpoint.host = config.tachyonServer;
        endpoint.port = config.tachyonServerPort;
        endpoint.secure = config.secureConnection();
        endpoint.clientId = config.authClientId;
        endpoint.clientSecret = config.authClientSecret;
        m_client = new TachyonClient(endpoint, &m_network, this);
        m_client->setMaxReconnectDelay(toMilliseconds(config.maxReconnectDelaySeconds));
        connect(m_client, &TachyonClient::connected, this, &AutohostService::handleConnected);
        connect(m_client, &TachyonClient::disconnected, this, &AutohostService::handleDisconnected);
        connect(m_client, &TachyonClient::requestReceived, this, &AutohostService::handleRequest);
    }
}

AutohostService::~AutohostService() = default;

void AutohostService::openJournal()
{
    if (m_config.journalDir.isEmpty())
    {
        qCInfo(lcUpdates)
            << "no update journal (journalDir is empty): updates are not replayed after a restart";
        return;
    }
    UpdateJournal::Settings settings;
    settings.directory = m_config.journalDir;
    settings.maxBytes = qint64(m_config.journalMaxMegabytes) << 20;
    settings.segmentBytes = UpdateJournal::segmentBytesFor(settings.maxBytes);
    settings.retention = m_updates.retention();
    auto journal = std::make_unique<UpdateJournal>(settings);
    auto contents = journal->open();
    if (!contents)
    {
        m_journalProblem = u"update journal: %1"_s.arg(contents.error());
        return;
    }
    m_journal = std::move(journal);
    m_updates.restore(contents->updates);
    m_localBattles.unite(contents->localBattles);
    m_interrupted = contents->openBattles;
    m_lastSignOfLife = contents->lastTime;

    connect(&m_battles, &BattleManager::battleStarted, this, &AutohostService::journalBattleStarted);
    connect(&m_battles, &BattleManager::battleRemoved, this,
            [this](const QUuid &battleId)
            {
                if (m_journal->isBattleOpen(battleId))
                {
                    m_journal->appendBattleEnded(battleId, m_updates.now());
                }
            });
    m_journalTimer.setInterval(JournalMaintenanceMs);
    connect(&m_journalTimer, &QTimer::timeout, this, &AutohostService::maintainJournal);
}

void AutohostService::journalBattleStarted(Battle *battle)
{
    UpdateJournal::OpenBattle marker;
    marker.battleId = battle->id();
    marker.startedAt = m_updates.now();
    marker.pid = battle->pid();
    marker.commandLine = battle->engineCommandLine();
    marker.local = m_localBattles.contains(battle->id());
    m_journal->appendBattleStarted(marker);
}

void AutohostService::maintainJournal()
{
    if (m_battles.currentBattles() > 0)
    {
        m_journal->appendAlive(m_updates.now());
    }
    // A failure is logged by the journal, once until writing works again.
    m_journal->sync();
}

void AutohostService::reportInterruptedBattles()
{
    for (const UpdateJournal::OpenBattle &battle : std::as_const(m_interrupted))
    {
        // The parent-death signal kills engines with the autohost; this is for an engine that escaped it.
        if (StrayEngine::kill(battle.pid, battle.commandLine))
        {
            qCWarning(lcBattle).noquote()
                << u"battle %1: its engine (pid %2) outlived the previous autohost; "
                   u"killed"_s.arg(uuidText(battle.battleId))
                       .arg(battle.pid);
        }
        if (battle.terminalReported)
        {
            // Reported before the autohost died; only the end was not written.
            m_journal->appendBattleEnded(battle.battleId, m_updates.now());
        }
    }
    m_interrupted.removeIf([](const UpdateJournal::OpenBattle &battle) { return battle.terminalReported; });
    if (m_interrupted.isEmpty())
    {
        return;
    }
    const bool waitForServer = m_client && std::any_of(m_interrupted.cbegin(), m_interrupted.cend(),
                                                       [this](const UpdateJournal::OpenBattle &battle)
                                                       { return !m_localBattles.contains(battle.battleId); });
    qCWarning(lcBattle).noquote()
        << u"%1 battles were running when the previous autohost stopped (last sign of life %2): reporting "
           u"engine_crash for them%3"_s.arg(m_interrupted.size())
               .arg(utcTimeText(m_lastSignOfLife))
               .arg(waitForServer ? u" (the server's battles once it subscribes)"_s : QString());
    // The server's battles wait for its subscription: their reports then come after any since it picks
    // (Teiserver subscribes from its own clock). Local battles, and all of them in local mode, are reported
    // now.
    QList<UpdateJournal::OpenBattle> waiting;
    for (const UpdateJournal::OpenBattle &battle : std::as_const(m_interrupted))
    {
        if (m_client && !m_localBattles.contains(battle.battleId))
        {
            waiting.append(battle);
        }
        else
        {
            reportInterrupted(battle);
        }
    }
    m_interrupted = waiting;
}

void AutohostService::reportInterrupted(const UpdateJournal::OpenBattle &battle)
{
    const QString details = u"the autohost stopped while the battle was running (last sign of life %1)"_s.arg(
        utcTimeText(m_lastSignOfLife));
    qCInfo(lcBattle).noquote() << u"battle %1: engine_crash: %2"_s.arg(uuidText(battle.battleId), details);
    m_updates.append(battle.battleId, Json{{"type", "engine_crash"}, {"details", toStdString(details)}});
    m_journal->appendBattleEnded(battle.battleId, m_updates.now());
}

Status AutohostService::start()
{
    if (!m_journalProblem.isEmpty())
    {
        return fail(m_journalProblem);
    }
    m_engines.rescan();
    // The catalog logs the engines it finds; only an empty directory needs saying here.
    qCInfo(lcEngines).noquote() << u"engines directory %1%2"_s.arg(
        m_engines.enginesDir(), m_engines.versions().isEmpty() ? u": no engines installed"_s : QString());
    if (m_journal)
    {
        reportInterruptedBattles();
        m_journalTimer.start();
    }
    if (!m_client)
    {
        qCInfo(lcTachyon) << "local mode: no Tachyon server configured (set tachyonServer to connect to one)";
        return succeeded();
    }
    m_client->start();
    return succeeded();
}

Json AutohostService::statusData() const
{
    Json engines = Json::array();
    for (const QString &version : m_engines.versions())
    {
        engines.push_back(toStdString(version));
    }
    return {{"maxBattles", m_battles.maxBattles()},
            {"currentBattles", m_battles.currentBattles()},
            {"availableEngines", engines}};
}

void AutohostService::handleConnected()
{
    // autohost/status must be the first message on every connection.
    m_lastStatus.reset();
    m_sentUpTo.reset();
    sendStatus(true);
    requestServerStats();
    m_serverStatsTimer.start();
}

void AutohostService::handleDisconnected()
{
    m_sentUpTo.reset();
    m_lastStatus.reset();
    m_serverStatsTimer.stop();
}

void AutohostService::scheduleStatus()
{
    m_statusTimer.start();
}

void AutohostService::sendStatus(bool force)
{
    if (!m_client || m_client->state() != TachyonClient::State::Connected)
    {
        return;
    }
    const Json data = statusData();
    if (!force && m_lastStatus == data)
    {
        return;
    }
    if (m_client->send(TachyonMessage::makeEvent(StatusCommand, TachyonMessage::newMessageId(), data)))
    {
        m_lastStatus = data;
        qCInfo(lcTachyon).noquote() << u"status sent: %1"_s.arg(toQString(dumpJson(data)));
    }
}

void AutohostService::requestServerStats()
{
    if (!m_client || m_client->state() != TachyonClient::State::Connected)
    {
        return;
    }
    m_client->sendRequest(ServerStatsCommand, std::nullopt,
                          [this](const Result<TachyonMessage> &response)
                          {
                              std::optional<qint64> count;
                              if (!response)
                              {
                                  qCDebug(lcTachyon).noquote()
                                      << u"system/serverStats: %1"_s.arg(response.error());
                              }
                              else if (!response->success)
                              {
                                  qCInfo(lcTachyon).noquote()
                                      << u"the server's user count is unavailable: %1 %2"_s.arg(
                                             response->reason, response->details);
                              }
                              else if (response->data && response->data->contains("userCount") &&
                                       response->data->at("userCount").is_number_integer())
                              {
                                  count = response->data->at("userCount").get<qint64>();
                              }
                              if (count != m_userCount)
                              {
                                  m_userCount = count;
                                  emit serverUserCountChanged();
                              }
                          });
}

void AutohostService::respond(const Receipt &receipt, const Json &response)
{
    if (!m_client || m_client->connectionGeneration() != receipt.generation ||
        m_client->state() != TachyonClient::State::Connected)
    {
        // A response belongs to the connection its request came on; a new connection never sees it.
        qCWarning(lcRequests).noquote()
            << u"response dropped, its connection is gone: %1"_s.arg(toQString(dumpJson(response)));
        return;
    }
    const std::string status = response.value("status", "");
    const QString command = toQString(response.value("commandId", ""));
    const QString outcome = status == "success" ? u"success"_s : toQString(response.value("reason", ""));
    if (status == "success")
    {
        qCInfo(lcRequests).noquote() << u"%1 → success"_s.arg(command);
    }
    else
    {
        qCWarning(lcRequests).noquote()
            << u"%1 → %2: %3"_s.arg(command, outcome, toQString(response.value("details", "")));
    }
    if (m_client->send(response))
    {
        // Out now rather than on the next turn of the event loop, which may have other work first.
        m_client->flush();
        emit requestAnswered(command, outcome, double(receipt.clock.nsecsElapsed()) / 1e9);
    }
}

void AutohostService::handleRequest(const TachyonMessage &request)
{
    Receipt receipt;
    receipt.generation = m_client->connectionGeneration();
    receipt.clock.start();
    serve(request, [this, receipt](const Json &response) { respond(receipt, response); });
}

void AutohostService::serve(const TachyonMessage &request, const Answer &answer)
{
    const QString &command = request.commandId;
    const Json message = wholeMessage(request);
    if (command == u"autohost/start"_s)
    {
        handleStart(request, answer);
    }
    else if (command == u"autohost/subscribeUpdates"_s)
    {
        handleSubscribeUpdates(request, answer);
    }
    else if (BattleRequests::handles(command))
    {
        const auto done = BattleRequests::apply(m_battles, command, request.data, u"autohost/kill request"_s);
        if (!done)
        {
            // The spec has no reason for an unknown battle: it is an invalid request.
            const QString &reason = done.error().reason == BattleRequests::BattleNotFound
                                        ? FailureReason::InvalidRequest
                                        : done.error().reason;
            return answer(TachyonMessage::makeFailure(request, reason, done.error().details));
        }
        answer(TachyonMessage::makeSuccess(request));
    }
    else if (command == u"autohost/installEngine"_s)
    {
        const auto decoded = RequestDecoder::installEngine(message);
        if (!decoded)
        {
            return answer(invalid(request, decoded.error().toString()));
        }
        // Answered at once; the install runs in the background and shows as a new status when done.
        answer(TachyonMessage::makeSuccess(request));
        installEngine(decoded->version);
    }
    else
    {
        answer(TachyonMessage::makeFailure(request, FailureReason::CommandUnimplemented,
                                           u"%1 of type request not recognized by autohost"_s.arg(command)));
    }
}

EngineInstaller::Request AutohostService::installEngine(const QString &version)
{
    const EngineInstaller::Request request = m_installer.install(version);
    switch (request)
    {
    case EngineInstaller::Request::Started:
        break;
    case EngineInstaller::Request::AlreadyInstalled:
        qCInfo(lcEngines).noquote() << u"engine %1 is already installed"_s.arg(version);
        break;
    case EngineInstaller::Request::AlreadyInstalling:
        qCInfo(lcEngines).noquote() << u"engine %1 is already being installed"_s.arg(version);
        break;
    case EngineInstaller::Request::InvalidVersion:
        qCWarning(lcEngines).noquote() << u"engine version \"%1\" cannot name a directory"_s.arg(version);
        break;
    }
    return request;
}

void AutohostService::handleStart(const TachyonMessage &request, const Answer &answer)
{
    const auto decoded = RequestDecoder::start(wholeMessage(request));
    if (!decoded)
    {
        return answer(invalid(request, decoded.error().toString()));
    }
    m_battles.start(
        *decoded,
        [request, answer](const Result<BattleManager::StartSuccess, RequestFailure> &result)
        {
            if (!result)
            {
                return answer(failureJson(request, result.error()));
            }
            Json ips = Json::array();
            for (const QString &ip : result->ips)
            {
                ips.push_back(toStdString(ip));
            }
            answer(TachyonMessage::makeSuccess(request, Json{{"ips", ips}, {"port", result->port}}));
        });
}

void AutohostService::startLocalBattle(const StartRequest &request, BattleManager::StartHandler handler)
{
    qsizetype players = 0;
    for (const AllyTeamSpec &allyTeam : request.allyTeams)
    {
        for (const TeamSpec &team : allyTeam.teams)
        {
            players += team.players.size();
        }
    }
    const QString id = uuidText(request.battleId);
    qCInfo(lcBattle).noquote()
        << u"battle %1: local start: engine %2, game \"%3\", map \"%4\", %5 players, %6 "
           u"spectators"_s.arg(id, request.engineVersion, request.gameName, request.mapName)
               .arg(players)
               .arg(request.spectators.size());
    // The server never heard of this battle: its updates stay in the buffer for the app and are not sent. An
    // id already in use is refused below and stays what it was.
    if (!m_battles.find(request.battleId).ok())
    {
        m_localBattles.insert(request.battleId);
    }
    m_battles.start(
        request,
        [id, handler = std::move(handler)](const Result<BattleManager::StartSuccess, RequestFailure> &result)
        {
            if (result)
            {
                qCInfo(lcBattle).noquote()
                    << u"battle %1: local battle running on game port %2"_s.arg(id).arg(result->port);
            }
            handler(result);
        });
}

void AutohostService::handleSubscribeUpdates(const TachyonMessage &request, const Answer &answer)
{
    const auto decoded = RequestDecoder::subscribeUpdates(wholeMessage(request));
    if (!decoded)
    {
        return answer(invalid(request, decoded.error().toString()));
    }
    if (m_updates.isTooOld(decoded->since))
    {
        return answer(invalid(request, u"data.since: %1 is older than the %2 s this autohost keeps "
                                       u"updates for"_s.arg(decoded->since)
                                           .arg(m_updates.retention() / 1000000)));
    }
    // The response goes first, then everything newer than since, then live updates; a second subscription on
    // the same connection replaces the first.
    answer(TachyonMessage::makeSuccess(request));
    qsizetype backlog = 0;
    m_updates.forEachSince(decoded->since, [this, &backlog](const UpdateBuffer::Entry &entry)
                           { backlog += m_localBattles.contains(entry.battleId) ? 0 : 1; });
    qCInfo(lcUpdates).noquote()
        << u"subscribed since %1: replaying %2 updates"_s.arg(decoded->since).arg(backlog);
    m_sentUpTo = decoded->since;
    passOnAppended();
    for (const UpdateJournal::OpenBattle &battle : std::exchange(m_interrupted, {}))
    {
        reportInterrupted(battle);
    }
}

void AutohostService::handleAppended(const UpdateBuffer::Entry &entry)
{
    if (m_journal)
    {
        m_journal->appendUpdate(entry, m_localBattles.contains(entry.battleId));
    }
    // Updates arrive in bursts (many datagrams per read, several engines per turn of the event loop): they
    // are journalled with one write and sent once the burst is handled.
    queuePassOn(0);
}

void AutohostService::queuePassOn(int delayMilliseconds)
{
    if (!std::exchange(m_passOnQueued, true))
    {
        QTimer::singleShot(delayMilliseconds, this, [this] { passOnAppended(); });
    }
}

void AutohostService::passOnAppended(Pace pace)
{
    m_passOnQueued = false;
    // To the kernel before the server sees them, so that a killed autohost never loses an update the server
    // has. A failed write is logged by the journal and retried; the updates still go out.
    if (m_journal)
    {
        m_journal->flush();
    }
    if (!m_sentUpTo || !m_client)
    {
        return;
    }
    if (pace == Pace::PerTurn && m_client->bytesToWrite() > MaxUnwrittenBytes)
    {
        return queuePassOn(UnwrittenRetryMs);
    }
    qsizetype sent = 0;
    const bool caughtUp =
        m_updates.visitSince(*m_sentUpTo,
                             [this, pace, &sent](const UpdateBuffer::Entry &entry)
                             {
                                 // Sending can end the connection, and with it the subscription.
                                 if (!m_sentUpTo || (pace == Pace::PerTurn && sent == UpdatesPerTurn))
                                 {
                                     return false;
                                 }
                                 m_sentUpTo = entry.time;
                                 if (!m_localBattles.contains(entry.battleId))
                                 {
                                     sendUpdate(entry);
                                     ++sent;
                                 }
                                 return true;
                             });
    m_client->flush();
    if (!caughtUp && m_sentUpTo)
    {
        queuePassOn(0);
    }
}

void AutohostService::sendUpdate(const UpdateBuffer::Entry &entry)
{
    // No client: a subscription served without a connection (serve() in local mode) has nowhere to send to.
    if (!m_client)
    {
        return;
    }
    m_eventText.clear();
    UpdateBuffer::appendEventJson(m_eventText, entry);
    if (m_client->sendJson(m_eventText))
    {
        emit updateRelayed(entry);
    }
}

void AutohostService::beginShutdown(const QString &reason)
{
    m_shuttingDown = true;
    m_shutdownReason = reason;
    m_battles.setAccepting(
        false, u"the autohost is shutting down: it accepts no new battles while its running ones end"_s);
    connect(
        &m_battles, &BattleManager::battleRemoved, this,
        [this](const QUuid &battleId)
        {
            if (draining() && m_battles.currentBattles() > 0)
            {
                qCInfo(lcBattle).noquote()
                    << u"draining: battle %1 ended; %2 left, to be stopped in %3 s unless they end first"_s
                           .arg(uuidText(battleId))
                           .arg(m_battles.currentBattles())
                           .arg(m_drainTimer.remainingTime() / 1000);
            }
        });
    connect(
        &m_battles, &BattleManager::allBattlesEnded, this,
        [this]
        {
            if (draining())
            {
                qCInfo(lcBattle) << "draining: every battle has ended";
                m_drainTimer.stop();
            }
            sendStatus(false);
            passOnAppended(Pace::AllNow);
            if (!m_client)
            {
                return finishShutdown();
            }
            connect(m_client, &TachyonClient::stopped, this, &AutohostService::finishShutdown);
            m_client->stop(m_shutdownReason);
        },
        Qt::SingleShotConnection);
    m_drainTimer.setSingleShot(true);
    connect(&m_drainTimer, &QTimer::timeout, this,
            [this]
            {
                qCInfo(lcBattle).noquote()
                    << u"draining: the drain timeout of %1 s is over, %2 battles still running"_s
                           .arg(m_config.drainTimeoutSeconds)
                           .arg(m_battles.currentBattles());
                stopRemainingBattles();
            });
}

void AutohostService::drain(const QString &reason)
{
    if (m_shuttingDown)
    {
        return;
    }
    beginShutdown(reason);
    const int battles = m_battles.currentBattles();
    if (battles == 0 || m_config.drainTimeoutSeconds <= 0)
    {
        qCInfo(lcBattle).noquote() << u"shutting down: %1"_s.arg(reason);
        return stopRemainingBattles();
    }
    qCInfo(lcBattle).noquote()
        << u"shutting down: %1; draining: no new battles, waiting up to %2 s for %3 running battles to end "
           u"by themselves, then stopping them as autohost/kill does"_s.arg(reason)
               .arg(m_config.drainTimeoutSeconds)
               .arg(battles);
    m_drainClock.start();
    startDrainTimer(qint64(m_config.drainTimeoutSeconds * 1000));
}

void AutohostService::shutdown(const QString &reason)
{
    if (!m_shuttingDown)
    {
        beginShutdown(reason);
        qCInfo(lcBattle).noquote() << u"shutting down: %1"_s.arg(reason);
    }
    stopRemainingBattles();
}

void AutohostService::startDrainTimer(qint64 remainingMs)
{
    // drainTimeoutSeconds is at most a week, well within a timer's range.
    m_drainTimer.start(int(std::clamp<qint64>(remainingMs, 0, std::numeric_limits<int>::max())));
}

void AutohostService::stopRemainingBattles()
{
    if (m_stoppingBattles)
    {
        return;
    }
    m_stoppingBattles = true;
    m_drainTimer.stop();
    if (m_battles.currentBattles() > 0)
    {
        qCInfo(lcBattle).noquote() << u"shutting down: stopping %1 battles as autohost/kill does"_s.arg(
            m_battles.currentBattles());
    }
    m_battles.stopAll(u"the autohost is shutting down"_s);
}

void AutohostService::shutdownNow()
{
    shutdown(u"the autohost is shutting down at once"_s);
    m_battles.killAllNow();
}

void AutohostService::finishShutdown()
{
    if (!m_finished)
    {
        m_finished = true;
        // Before finished: a restarted program (the desktop app's restart) takes the lock next.
        if (m_journal)
        {
            m_journalTimer.stop();
            m_journal->close();
        }
        emit finished();
    }
}

const QStringList &AutohostService::liveKeys()
{
    static const QStringList keys = {
        u"maxBattles"_s,
        u"hostingIP"_s,
        u"engineSettings"_s,
        u"maxGameDurationSeconds"_s,
        u"engineStartTimeoutSeconds"_s,
        u"engineKillGraceSeconds"_s,
        u"engineCpuAffinity"_s,
        u"engineNiceLevel"_s,
        u"maxBattleUpdatesPerSecond"_s,
        u"engineMemoryLimitMegabytes"_s,
        u"drainTimeoutSeconds"_s,
        u"maxReconnectDelaySeconds"_s,
        u"serverStatsIntervalSeconds"_s,
        u"engineCdnBaseUrl"_s,
        u"engineInstallTimeoutSeconds"_s,
        u"engineDownloadMaxAttempts"_s,
        u"engineDownloadRetryBackoffBaseMs"_s,
        u"logFormat"_s,
    };
    return keys;
}

AutohostService::ConfigChange AutohostService::applyConfig(const Config &config)
{
    ConfigChange change;
    Config next = m_config;
    for (const QString &key : ConfigLoader::changedKeys(m_config, config))
    {
        if (liveKeys().contains(key))
        {
            ConfigLoader::copyKey(key, config, &next);
            change.applied.append(key);
        }
        else
        {
            change.needsRestart.append(key);
        }
    }
    if (change.applied.isEmpty())
    {
        return change;
    }
    const double previousDrainTimeout = m_config.drainTimeoutSeconds;
    // Before the battles: their capacityChanged makes views read config().maxBattles.
    m_config = next;
    m_battles.setConfig(m_config);
    m_installer.setSettings(installerSettings(m_config));
    if (m_client)
    {
        m_client->setMaxReconnectDelay(toMilliseconds(m_config.maxReconnectDelaySeconds));
    }
    m_serverStatsTimer.setInterval(toMilliseconds(m_config.serverStatsIntervalSeconds));
    LogOutput::setFormat(m_config.logFormat == u"json"_s ? LogOutput::Format::Json : LogOutput::Format::Text);
    if (draining() && m_config.drainTimeoutSeconds != previousDrainTimeout)
    {
        const qint64 remainingMs = qint64(m_config.drainTimeoutSeconds * 1000) - m_drainClock.elapsed();
        qCInfo(lcBattle).noquote() << u"draining: the battles are stopped in %1 s now"_s.arg(
            std::max<qint64>(0, remainingMs) / 1000);
        startDrainTimer(remainingMs);
    }
    return change;
}
