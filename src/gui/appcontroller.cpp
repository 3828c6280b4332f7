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

#include "autohostservice.h"
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
    const Config &config = m_service->config();
    if (config.localMode())
    {
        return {};
    }
    return config.tachyonServerPort ? u"%1:%2"_s.arg(config.tachyonServer).arg(*config.tachyonServerPort)
                                    : config.tachyonServer;
}

QString AppController::connectionState() const
{
    const TachyonClient *client = m_service->client();
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

QString AppController::lastError() const
{
    const TachyonClient *client = m_service->client();
    return client ? client->lastError() : QString();
}

int AppController::nextRetrySeconds() const
{
    const TachyonClient *client = m_service->client();
    if (!client || client->state() != TachyonClient::State::WaitingToRetry)
    {
        return 0;
    }
    const qint64 milliseconds = QDateTime::currentDateTimeUtc().msecsTo(client->nextAttemptAt());
    return int(std::max<qint64>(0, (milliseconds + 999) / 1000));
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

Result<Battle *> AppController::findBattle(const QString &battleId) const
{
    auto battle = m_service->battles()->find(QUuid::fromString(battleId));
    if (!battle)
    {
        return fail(tr("This battle has ended."));
    }
    return *battle;
}

namespace
{
QString playerName(const Battle *battle, const QString &userId)
{
    const auto player = battle->players().byUserId(userId);
    return player ? player->name : userId;
}
} // namespace

QString AppController::killBattle(const QString &battleId)
{
    const auto battle = findBattle(battleId);
    if (!battle)
    {
        return battle.error();
    }
    (*battle)->stop(u"killed from the desktop app"_s);
    note(battleId, tr("You killed the battle."));
    return {};
}

QString AppController::kickPlayer(const QString &battleId, const QString &userId)
{
    const auto battle = findBattle(battleId);
    if (!battle)
    {
        return battle.error();
    }
    const QString name = playerName(*battle, userId);
    if (const Status kicked = (*battle)->kickPlayer(userId); !kicked)
    {
        return kicked.error();
    }
    note(battleId, tr("You kicked %1.").arg(name));
    return {};
}

QString AppController::specPlayer(const QString &battleId, const QString &userId)
{
    const auto battle = findBattle(battleId);
    if (!battle)
    {
        return battle.error();
    }
    if (const Status specced = (*battle)->specPlayers({userId}); !specced)
    {
        return specced.error();
    }
    note(battleId, tr("You made %1 a spectator.").arg(playerName(*battle, userId)));
    return {};
}

QString AppController::mutePlayer(const QString &battleId, const QString &userId, bool chat, bool draw)
{
    const auto battle = findBattle(battleId);
    if (!battle)
    {
        return battle.error();
    }
    if (const Status muted = (*battle)->mutePlayer(userId, chat, draw); !muted)
    {
        return muted.error();
    }
    const QString name = playerName(*battle, userId);
    note(battleId, chat && draw ? tr("You muted %1's chat and drawing.").arg(name)
                   : chat       ? tr("You muted %1's chat.").arg(name)
                   : draw       ? tr("You muted %1's drawing.").arg(name)
                                : tr("You unmuted %1.").arg(name));
    return {};
}

QString AppController::hostAddress() const
{
    const Config &config = m_service->config();
    return LocalBattleForm::hostAddress(config.hostingIP, config.engineBindIP,
                                        LocalBattleForm::machineAddresses());
}

QVariantMap AppController::addPlayer(const QString &battleId, const QString &name)
{
    const auto battle = findBattle(battleId);
    if (!battle)
    {
        return {{u"error"_s, battle.error()}};
    }
    // User ids of players added here are ours: "desktop-<n>", never a lobby's numeric id.
    QString userId;
    for (int number = 1; userId.isEmpty() || (*battle)->players().byUserId(userId); ++number)
    {
        userId = u"desktop-%1"_s.arg(number);
    }
    const QString password = LocalBattlePlan::systemPasswords()();
    if (const Status added = (*battle)->addPlayer(userId, name.trimmed(), password); !added)
    {
        return {{u"error"_s, added.error()}};
    }
    note(battleId, tr("You added %1 as a spectator.").arg(name.trimmed()));
    return {{u"userId"_s, userId}, {u"password"_s, password}};
}

QString AppController::sendMessage(const QString &battleId, const QString &message)
{
    const auto battle = findBattle(battleId);
    if (!battle)
    {
        return battle.error();
    }
    if (const Status sent = (*battle)->sendMessage(message); !sent)
    {
        return sent.error();
    }
    note(battleId, tr("You said: %1").arg(message));
    return {};
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
    const auto battle = findBattle(battleId);
    if (!battle)
    {
        return battle.error();
    }
    if (const Status sent = (*battle)->sendCommand(command, words); !sent)
    {
        return sent.error();
    }
    note(battleId, tr("You sent the command: /%1").arg((QStringList{command} + words).join(u' ')));
    return {};
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
