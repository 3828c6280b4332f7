#include "autohostservice.h"

#include "battles/battlerequests.h"
#include "logging.h"
#include "protocol/requestdecoder.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
const QString StatusCommand = u"autohost/status"_s;
const QString UpdateCommand = u"autohost/update"_s;
const QString ServerStatsCommand = u"system/serverStats"_s;

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
    connect(&m_updates, &UpdateBuffer::appended, this, &AutohostService::forwardUpdate);

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

void AutohostService::start()
{
    m_engines.rescan();
    // The catalog logs the engines it finds; only an empty directory needs saying here.
    qCInfo(lcEngines).noquote() << u"engines directory %1%2"_s.arg(
        m_engines.enginesDir(), m_engines.versions().isEmpty() ? u": no engines installed"_s : QString());
    if (!m_client)
    {
        qCInfo(lcTachyon) << "local mode: no Tachyon server configured (set tachyonServer to connect to one)";
        return;
    }
    m_client->start();
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
    m_subscribed = false;
    sendStatus(true);
    requestServerStats();
    m_serverStatsTimer.start();
}

void AutohostService::handleDisconnected()
{
    m_subscribed = false;
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
    m_subscribed = true;
    auto backlog = m_updates.since(decoded->since);
    std::erase_if(backlog, [this](const UpdateBuffer::Entry &entry)
                  { return m_localBattles.contains(entry.battleId); });
    qCInfo(lcUpdates).noquote()
        << u"subscribed since %1: replaying %2 updates"_s.arg(decoded->since).arg(backlog.size());
    for (const UpdateBuffer::Entry &entry : backlog)
    {
        sendUpdate(entry);
    }
}

void AutohostService::forwardUpdate(const UpdateBuffer::Entry &entry)
{
    if (m_subscribed && m_client && m_client->state() == TachyonClient::State::Connected &&
        !m_localBattles.contains(entry.battleId))
    {
        sendUpdate(entry);
    }
}

void AutohostService::sendUpdate(const UpdateBuffer::Entry &entry)
{
    // No client: a subscription served without a connection (serve() in local mode) has nowhere to send to.
    if (m_client && m_client->send(TachyonMessage::makeEvent(UpdateCommand, TachyonMessage::newMessageId(),
                                                             UpdateBuffer::eventData(entry))))
    {
        emit updateRelayed(entry);
    }
}

void AutohostService::shutdown(const QString &reason)
{
    if (m_shuttingDown)
    {
        return;
    }
    m_shuttingDown = true;
    qCInfo(lcBattle).noquote() << u"shutting down: %1; stopping %2 battles"_s.arg(reason).arg(
        m_battles.currentBattles());
    m_battles.setAccepting(false);
    connect(
        &m_battles, &BattleManager::allBattlesEnded, this,
        [this, reason]
        {
            sendStatus(false);
            if (!m_client)
            {
                return finishShutdown();
            }
            connect(m_client, &TachyonClient::stopped, this, &AutohostService::finishShutdown);
            m_client->stop(reason);
        },
        Qt::SingleShotConnection);
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
        emit finished();
    }
}
