#include "appcontroller.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProcess>
#include <QQmlEngine>
#include <QRegularExpression>
#include <QUrl>

#include "admin/hoststate.h"
#include "autohostservice.h"
#include "battles/battlerequests.h"
#include "models/battlefiltermodel.h"
#include "models/battlelistmodel.h"
#include "models/configeditor.h"
#include "models/enginelistmodel.h"
#include "models/installlistmodel.h"
#include "models/metricshistory.h"
#include "models/playerlistmodel.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
AppController *s_instance = nullptr;
}

AppController::AppController(AutohostService *service, const Paths &paths, LogRecorder *recorder,
                             QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_battleList(new BattleListModel(service->battles(), this))
    , m_battleFilter(new BattleFilterModel(this))
    , m_engines(new EngineListModel(service->engines(), service->battles(), this))
    , m_installs(new InstallListModel(service->installer(), this))
    , m_metrics(new MetricsHistory(service->battles(), service->updates(), this))
    , m_settings(new ConfigEditor(paths.configFile, this))
    , m_feeds(new BattleFeeds(service->battles(), service->updates(), this))
    , m_ownRecorder(recorder ? nullptr : std::make_unique<LogRecorder>())
    , m_log(new LogModel(recorder ? recorder : m_ownRecorder.get(), this))
    , m_preferences(paths.preferencesFile)
{
    if (m_ownRecorder)
    {
        LogRecorder::setActive(m_ownRecorder.get());
    }
    m_battleFilter->setSourceModel(m_battleList);
    if (service->config().localMode())
    {
        m_localBattle = new LocalBattleForm(service, this);
    }
    connect(service, &AutohostService::serverUserCountChanged, this, &AppController::serverUserCountChanged);
    connect(service->battles(), &BattleManager::capacityChanged, this, &AppController::capacityChanged);
    connect(service->engines(), &EngineCatalog::versionsChanged, this, &AppController::enginesChanged);
    connect(service, &AutohostService::finished, this,
            [this]
            {
                if (m_restarting)
                {
                    // The same program with the same arguments: it reads the saved configuration.
                    QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                            QCoreApplication::arguments().mid(1));
                }
                emit finished();
            });

    // The retry countdown ticks once a second while a reconnect is pending.
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &AppController::connectionChanged);
    if (TachyonClient *client = service->client())
    {
        connect(client, &TachyonClient::stateChanged, this,
                [this](TachyonClient::State state)
                {
                    if (state == TachyonClient::State::WaitingToRetry)
                    {
                        m_countdown.start();
                    }
                    else
                    {
                        m_countdown.stop();
                    }
                    m_connectedSince =
                        state == TachyonClient::State::Connected ? QDateTime::currentDateTime() : QDateTime();
                    emit connectionChanged();
                });
    }
}

AppController::~AppController()
{
    if (s_instance == this)
    {
        s_instance = nullptr;
    }
}

AppController *AppController::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT_X(s_instance, "AppController::create", "main() sets the instance before QML loads");
    QQmlEngine::setObjectOwnership(s_instance, QQmlEngine::CppOwnership);
    return s_instance;
}

void AppController::setInstance(AppController *controller)
{
    s_instance = controller;
}

bool AppController::localMode() const
{
    return m_service->config().localMode();
}

QString AppController::serverAddress() const
{
    return HostState::serverAddress(m_service->config());
}

QString AppController::connectionState() const
{
    return HostState::connectionStateName(m_service->client());
}

QString AppController::lastError() const
{
    const TachyonClient *client = m_service->client();
    return client ? client->lastError() : QString();
}

int AppController::nextRetrySeconds() const
{
    return HostState::nextRetrySeconds(m_service->client());
}

bool AppController::subscribed() const
{
    return m_service->subscribed();
}

int AppController::serverUserCount() const
{
    const auto count = m_service->serverUserCount();
    return count ? int(std::min<qint64>(*count, std::numeric_limits<int>::max())) : -1;
}

int AppController::currentBattles() const
{
    return m_service->battles()->currentBattles();
}

int AppController::maxBattles() const
{
    return m_service->battles()->maxBattles();
}

int AppController::configuredMaxBattles() const
{
    return m_service->config().maxBattles;
}

bool AppController::draining() const
{
    return !m_service->battles()->accepting();
}

QStringList AppController::engineVersions() const
{
    return m_service->engines()->versions();
}

void AppController::setDraining(bool draining)
{
    m_service->battles()->setAccepting(!draining);
}

void AppController::restart()
{
    m_restarting = true;
    quit();
}

void AppController::quit()
{
    if (m_shuttingDown)
    {
        m_service->shutdownNow();
        return;
    }
    m_shuttingDown = true;
    emit shuttingDownChanged();
    m_service->shutdown(u"autohost shutting down"_s);
}

QString AppController::enginesDir() const
{
    return m_service->engines()->enginesDir();
}

QVariantMap AppController::battleInfo(const QString &battleId) const
{
    const int row = m_battleList->indexOf(battleId);
    return row < 0 ? QVariantMap() : m_battleList->get(row);
}

PlayerListModel *AppController::players(const QString &battleId) const
{
    PlayerListModel *model = m_battleList->players(battleId);
    if (model)
    {
        QQmlEngine::setObjectOwnership(model, QQmlEngine::CppOwnership);
    }
    return model;
}

FeedModel *AppController::feed(const QString &battleId) const
{
    FeedModel *model = m_feeds->feed(QUuid::fromString(battleId));
    if (model)
    {
        QQmlEngine::setObjectOwnership(model, QQmlEngine::CppOwnership);
    }
    return model;
}

void AppController::note(const QString &battleId, const QString &text)
{
    if (FeedModel *model = m_feeds->feed(QUuid::fromString(battleId)))
    {
        model->appendNote(text);
    }
}

namespace
{
QString playerName(const BattleManager &battles, const QString &battleId, const QString &userId)
{
    const auto battle = battles.find(QUuid::fromString(battleId));
    const auto player = battle ? battle.value()->players().byUserId(userId) : std::nullopt;
    return player ? player->name : userId;
}
} // namespace

QString AppController::failureText(const RequestFailure &failure)
{
    return failure.reason == BattleRequests::BattleNotFound ? tr("This battle has ended.") : failure.details;
}

QString AppController::request(const QString &battleId, const QString &command, Json data)
{
    data["battleId"] = toStdString(battleId);
    const auto done =
        BattleRequests::apply(*m_service->battles(), command, data, u"killed from the desktop app"_s);
    return done ? QString() : failureText(done.error());
}

QString AppController::killBattle(const QString &battleId)
{
    const QString error = request(battleId, u"autohost/kill"_s, Json::object());
    if (error.isEmpty())
    {
        note(battleId, tr("You killed the battle."));
    }
    return error;
}

QString AppController::kickPlayer(const QString &battleId, const QString &userId)
{
    const QString error = request(battleId, u"autohost/kickPlayer"_s, {{"userId", toStdString(userId)}});
    if (error.isEmpty())
    {
        note(battleId, tr("You kicked %1.").arg(playerName(*m_service->battles(), battleId, userId)));
    }
    return error;
}

QString AppController::specPlayer(const QString &battleId, const QString &userId)
{
    const QString error =
        request(battleId, u"autohost/specPlayers"_s, {{"userIds", Json::array({toStdString(userId)})}});
    if (error.isEmpty())
    {
        note(battleId,
             tr("You made %1 a spectator.").arg(playerName(*m_service->battles(), battleId, userId)));
    }
    return error;
}

QString AppController::mutePlayer(const QString &battleId, const QString &userId, bool chat, bool draw)
{
    const QString error = request(battleId, u"autohost/mutePlayer"_s,
                                  {{"userId", toStdString(userId)}, {"chat", chat}, {"draw", draw}});
    if (error.isEmpty())
    {
        const QString name = playerName(*m_service->battles(), battleId, userId);
        note(battleId, chat && draw ? tr("You muted %1's chat and drawing.").arg(name)
                       : chat       ? tr("You muted %1's chat.").arg(name)
                       : draw       ? tr("You muted %1's drawing.").arg(name)
                                    : tr("You unmuted %1.").arg(name));
    }
    return error;
}

QString AppController::hostAddress() const
{
    const Config &config = m_service->config();
    return LocalBattleForm::hostAddress(config.hostingIP, config.engineBindIP,
                                        LocalBattleForm::machineAddresses());
}

QVariantMap AppController::addPlayer(const QString &battleId, const QString &name)
{
    const QString trimmed = name.trimmed();
    const auto added = BattleRequests::addGeneratedPlayer(
        *m_service->battles(), Json{{"battleId", toStdString(battleId)}, {"name", toStdString(trimmed)}},
        LocalBattlePlan::systemPasswords());
    if (!added)
    {
        return {{u"error"_s, failureText(added.error())}};
    }
    note(battleId, tr("You added %1 as a spectator.").arg(trimmed));
    return {{u"userId"_s, added->userId}, {u"password"_s, added->password}};
}

QString AppController::sendMessage(const QString &battleId, const QString &message)
{
    const QString error = request(battleId, u"autohost/sendMessage"_s, {{"message", toStdString(message)}});
    if (error.isEmpty())
    {
        note(battleId, tr("You said: %1").arg(message));
    }
    return error;
}

QString AppController::sendCommand(const QString &battleId, const QString &commandLine)
{
    QString line = commandLine.trimmed();
    if (line.startsWith(u'/'))
    {
        line.remove(0, 1);
    }
    QStringList words = line.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
    if (words.isEmpty())
    {
        return tr("Type a command.");
    }
    const QString command = words.takeFirst();
    Json arguments = Json::array();
    for (const QString &word : std::as_const(words))
    {
        arguments.push_back(toStdString(word));
    }
    const QString error = request(battleId, u"autohost/sendCommand"_s,
                                  {{"command", toStdString(command)}, {"arguments", arguments}});
    if (error.isEmpty())
    {
        note(battleId, tr("You sent the command: /%1").arg((QStringList{command} + words).join(u' ')));
    }
    return error;
}

QString AppController::openPath(const QString &battleId, const QString &role) const
{
    const QString path = battleInfo(battleId).value(role).toString();
    if (path.isEmpty() || !QFileInfo::exists(path))
    {
        return tr("%1 does not exist (yet).").arg(path.isEmpty() ? tr("The file") : path);
    }
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
    {
        return tr("No program to open %1 was found.").arg(path);
    }
    return {};
}

QString AppController::openInstanceFolder(const QString &battleId) const
{
    return openPath(battleId, u"instanceDir"_s);
}

QString AppController::openEngineLog(const QString &battleId) const
{
    return openPath(battleId, u"engineLogPath"_s);
}

void AppController::copyToClipboard(const QString &text) const
{
    QGuiApplication::clipboard()->setText(text);
}
