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

#include "admin/admincontrol.h"
#include "admin/hoststate.h"
#include "autohostservice.h"
#include "backend/localbackend.h"
#include "battles/battlerequests.h"
#include "protocol/tachyonmessage.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
AppController *s_instance = nullptr;
}

AppController::AppController(AutohostService *service, const Paths &paths, LogRecorder *recorder,
                             QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_ownRecorder(recorder ? nullptr : std::make_unique<LogRecorder>())
    , m_state(new HostState(service, recorder ? recorder : m_ownRecorder.get(), this))
    , m_control(new AdminControl(service, recorder ? recorder : m_ownRecorder.get(), this))
    , m_backend(new LocalBackend(m_state, m_control, this))
    , m_mirror(new HostMirror(m_backend, this))
    , m_battleFilter(new BattleFilterModel(this))
    , m_settings(new ConfigEditor(paths.configFile, this))
    , m_preferences(paths.preferencesFile)
{
    if (m_ownRecorder)
    {
        LogRecorder::setActive(m_ownRecorder.get());
    }
    // In process nothing is gained by gathering changes: the views follow each one at once (the feed and
    // the log still apply their lines in batches).
    m_state->setBatchInterval(0);
    m_control->setKillReason(u"killed from the desktop app"_s);
    m_battleFilter->setSourceModel(m_mirror->battles());
    if (service->config().localMode())
    {
        m_localBattle = new LocalBattleForm(m_mirror, this);
    }
    connect(m_mirror, &HostMirror::hostChanged, this, &AppController::hostChanged);
    connect(m_mirror, &HostMirror::connectionChanged, this,
            [this]
            {
                emit connectionChanged();
                if (const int count = m_mirror->serverUserCount(); count != m_serverUserCount)
                {
                    m_serverUserCount = count;
                    emit serverUserCountChanged();
                }
            });
    connect(m_mirror, &HostMirror::capacityChanged, this, &AppController::capacityChanged);
    connect(m_mirror, &HostMirror::localBattleChanged, this, &AppController::enginesChanged);
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
    m_backend->attach();
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

void AppController::setDraining(bool draining)
{
    perform(u"drain"_s, Json{{"enabled", draining}});
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

QVariantMap AppController::battleInfo(const QString &battleId) const
{
    const MirrorBattleModel *battles = m_mirror->battles();
    return battles->get(battles->indexOf(battleId));
}

MirrorPlayerModel *AppController::players(const QString &battleId) const
{
    MirrorPlayerModel *model = m_mirror->players(battleId);
    if (model)
    {
        QQmlEngine::setObjectOwnership(model, QQmlEngine::CppOwnership);
    }
    return model;
}

FeedModel *AppController::feed(const QString &battleId) const
{
    FeedModel *model = m_mirror->feed(battleId);
    if (model)
    {
        QQmlEngine::setObjectOwnership(model, QQmlEngine::CppOwnership);
    }
    return model;
}

void AppController::note(const QString &battleId, const QString &text)
{
    if (FeedModel *model = m_mirror->feed(battleId))
    {
        model->appendNote(text);
    }
}

QString AppController::playerName(const QString &battleId, const QString &userId) const
{
    const MirrorPlayerModel *players = m_mirror->players(battleId);
    const QString name = players ? players->nameOf(userId) : QString();
    return name.isEmpty() ? userId : name;
}

QString AppController::failureText(const RequestFailure &failure)
{
    return failure.reason == BattleRequests::BattleNotFound ? tr("This battle has ended.") : failure.details;
}

AutohostBackend::Answer AppController::perform(const QString &action, const Json &data)
{
    // AdminControl answers every action but startLocalBattle at once; the answer is kept apart in case a
    // callback came later all the same.
    const auto answer = std::make_shared<std::optional<AutohostBackend::Answer>>();
    m_backend->perform(action, data, [answer](const AutohostBackend::Answer &result) { *answer = result; });
    if (!answer->has_value())
    {
        return fail(
            RequestFailure{FailureReason::InternalError, u"%1 was not answered at once"_s.arg(action)});
    }
    return **answer;
}

QString AppController::request(const QString &battleId, const QString &action, Json data)
{
    data["battleId"] = toStdString(battleId);
    const AutohostBackend::Answer answer = perform(action, data);
    return answer ? QString() : failureText(answer.error());
}

QString AppController::killBattle(const QString &battleId)
{
    const QString error = request(battleId, u"kill"_s, Json::object());
    if (error.isEmpty())
    {
        note(battleId, tr("You killed the battle."));
    }
    return error;
}

QString AppController::kickPlayer(const QString &battleId, const QString &userId)
{
    const QString name = playerName(battleId, userId);
    const QString error = request(battleId, u"kick"_s, {{"userId", toStdString(userId)}});
    if (error.isEmpty())
    {
        note(battleId, tr("You kicked %1.").arg(name));
    }
    return error;
}

QString AppController::specPlayer(const QString &battleId, const QString &userId)
{
    const QString error = request(battleId, u"spec"_s, {{"userIds", Json::array({toStdString(userId)})}});
    if (error.isEmpty())
    {
        note(battleId, tr("You made %1 a spectator.").arg(playerName(battleId, userId)));
    }
    return error;
}

QString AppController::mutePlayer(const QString &battleId, const QString &userId, bool chat, bool draw)
{
    const QString error =
        request(battleId, u"mute"_s, {{"userId", toStdString(userId)}, {"chat", chat}, {"draw", draw}});
    if (error.isEmpty())
    {
        const QString name = playerName(battleId, userId);
        note(battleId, chat && draw ? tr("You muted %1's chat and drawing.").arg(name)
                       : chat       ? tr("You muted %1's chat.").arg(name)
                       : draw       ? tr("You muted %1's drawing.").arg(name)
                                    : tr("You unmuted %1.").arg(name));
    }
    return error;
}

QVariantMap AppController::addPlayer(const QString &battleId, const QString &name)
{
    const QString trimmed = name.trimmed();
    const AutohostBackend::Answer added =
        perform(u"addPlayer"_s, Json{{"battleId", toStdString(battleId)}, {"name", toStdString(trimmed)}});
    if (!added)
    {
        return {{u"error"_s, failureText(added.error())}};
    }
    note(battleId, tr("You added %1 as a spectator.").arg(trimmed));
    return {{u"userId"_s, toQString(added->value("userId", ""))},
            {u"password"_s, toQString(added->value("password", ""))}};
}

QString AppController::sendMessage(const QString &battleId, const QString &message)
{
    const QString error = request(battleId, u"sendMessage"_s, {{"message", toStdString(message)}});
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
    const QString error =
        request(battleId, u"sendCommand"_s, {{"command", toStdString(command)}, {"arguments", arguments}});
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
