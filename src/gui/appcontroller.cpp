#include "appcontroller.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJSEngine>
#include <QProcess>
#include <QQmlEngine>
#include <QRegularExpression>
#include <QUrl>

#include "admin/admincontrol.h"
#include "admin/hoststate.h"
#include "autohostservice.h"
#include "backend/localbackend.h"
#include "backend/remotebackend.h"
#include "battles/battlerequests.h"
#include "logging.h"
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
    , m_fleet(new Fleet(this))
    , m_battleFilter(new BattleFilterModel(this))
    , m_settings(new ConfigEditor(paths.configFile, this))
    , m_preferences(paths.preferencesFile)
    , m_autohostsFile(paths.autohostsFile)
{
    if (m_ownRecorder)
    {
        LogRecorder::setActive(m_ownRecorder.get());
    }
    // In process nothing is gained by gathering changes: the views follow each one at once (the feed and
    // the log still apply their lines in batches).
    m_state->setBatchInterval(0);
    m_control->setKillReason(u"killed from the desktop app"_s);
    m_fleet->add(tr("This computer"), {}, new LocalBackend(m_state, m_control), true);
    m_ownMirror = m_fleet->mirror(0);
    connect(m_ownMirror, &HostMirror::capacityChanged, this, &AppController::inProcessBattlesChanged);
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
    showMirror(m_ownMirror);

    if (!m_autohostsFile.isEmpty())
    {
        const auto saved = SavedAutohosts::load(m_autohostsFile);
        if (!saved)
        {
            qCWarning(lcRemote).noquote() << saved.error();
        }
        for (const SavedAutohosts::Entry &entry : saved ? *saved : QList<SavedAutohosts::Entry>())
        {
            addRemote(entry);
        }
    }
}

void AppController::addRemote(const SavedAutohosts::Entry &entry)
{
    m_fleet->add(entry.displayName(), entry.address(), new RemoteBackend(entry.settings), false);
}

void AppController::saveAutohosts()
{
    if (m_autohostsFile.isEmpty())
    {
        return;
    }
    QList<SavedAutohosts::Entry> entries;
    for (int row = 0; row < m_fleet->count(); ++row)
    {
        if (const auto *remote = qobject_cast<const RemoteBackend *>(m_fleet->backend(row)))
        {
            entries.append({m_fleet->name(row), remote->settings()});
        }
    }
    if (const Status saved = SavedAutohosts::save(m_autohostsFile, entries); !saved)
    {
        qCWarning(lcRemote).noquote() << saved.error();
    }
}

QVariantMap AppController::connectToAutohost(const QString &name, const QString &host, int port,
                                             const QString &token, bool tls, const QString &certificateFile)
{
    SavedAutohosts::Entry entry;
    entry.settings.host = host.trimmed();
    entry.settings.port = port > 0 && port <= 65535 ? quint16(port) : 0;
    entry.settings.token = token.trimmed().toUtf8();
    entry.settings.tls = tls;
    entry.settings.certificateFile = certificateFile.startsWith(u"file:"_s)
                                         ? QUrl(certificateFile).toLocalFile()
                                         : certificateFile.trimmed();
    entry.name = name.trimmed().isEmpty() ? QString() : name.trimmed();
    if (const auto problem = SavedAutohosts::problem(entry))
    {
        return {{u"field"_s, problem->field}, {u"error"_s, problem->message}};
    }
    for (int row = 0; row < m_fleet->count(); ++row)
    {
        const auto *remote = qobject_cast<const RemoteBackend *>(m_fleet->backend(row));
        if (remote && remote->settings().host.compare(entry.settings.host, Qt::CaseInsensitive) == 0 &&
            remote->settings().port == entry.settings.port)
        {
            return {{u"field"_s, u"host"_s}, {u"error"_s, tr("This autohost is in the list already.")}};
        }
    }
    addRemote(entry);
    saveAutohosts();
    return {};
}

void AppController::removeAutohost(int row)
{
    if (!qobject_cast<RemoteBackend *>(m_fleet->backend(row)))
    {
        return;
    }
    if (row == currentHost())
    {
        showMirror(m_ownMirror);
    }
    m_fleet->remove(row);
    saveAutohosts();
}

void AppController::reconnectAutohost(int row)
{
    if (auto *remote = qobject_cast<RemoteBackend *>(m_fleet->backend(row)))
    {
        remote->detach();
        remote->attach();
    }
}

void AppController::setCurrentHost(int row)
{
    if (HostMirror *mirror = m_fleet->mirror(row); mirror && mirror != m_mirror)
    {
        showMirror(mirror);
    }
}

void AppController::showMirror(HostMirror *mirror)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_mirrorConnections))
    {
        disconnect(connection);
    }
    m_mirror = mirror;
    m_battleFilter->setSourceModel(mirror->battles());
    m_mirrorConnections = {
        connect(mirror, &HostMirror::hostChanged, this, &AppController::hostChanged),
        connect(mirror, &HostMirror::connectionChanged, this,
                [this]
                {
                    emit connectionChanged();
                    if (const int count = m_mirror->serverUserCount(); count != m_serverUserCount)
                    {
                        m_serverUserCount = count;
                        emit serverUserCountChanged();
                    }
                }),
        connect(mirror, &HostMirror::capacityChanged, this, &AppController::capacityChanged),
        connect(mirror, &HostMirror::localBattleChanged, this, &AppController::enginesChanged),
        connect(mirror->backend(), &AutohostBackend::linkStateChanged, this, &AppController::linkChanged),
    };
    m_serverUserCount = mirror->serverUserCount();
    emit currentHostChanged();
    emit linkChanged();
    emit hostChanged();
    emit connectionChanged();
    emit serverUserCountChanged();
    emit capacityChanged();
    emit enginesChanged();
}

QString AppController::linkState() const
{
    return Fleet::linkStateName(int(m_mirror->backend()->linkState()));
}

QString AppController::linkError() const
{
    return m_mirror->backend()->linkError();
}

int AppController::inProcessBattles() const
{
    return m_ownMirror->currentBattles();
}

LocalBattleForm *AppController::localBattle() const
{
    if (!m_mirror || !m_mirror->localMode())
    {
        return nullptr;
    }
    // One form per autohost, kept while the app runs: switching away and back keeps what was typed.
    QPointer<LocalBattleForm> &form = m_forms[m_mirror];
    if (!form)
    {
        form = new LocalBattleForm(m_mirror, m_mirror);
        QQmlEngine::setObjectOwnership(form, QQmlEngine::CppOwnership);
    }
    return form;
}

AppController::~AppController()
{
    if (s_instance == this)
    {
        s_instance = nullptr;
    }
}

AppController *AppController::create(QQmlEngine *, QJSEngine *jsEngine)
{
    Q_ASSERT_X(s_instance, "AppController::create", "main() sets the instance before QML loads");
    s_instance->m_jsEngine = jsEngine;
    QQmlEngine::setObjectOwnership(s_instance, QQmlEngine::CppOwnership);
    return s_instance;
}

void AppController::setInstance(AppController *controller)
{
    s_instance = controller;
}

void AppController::setDraining(bool draining)
{
    perform(u"drain"_s, Json{{"enabled", draining}},
            [](const AutohostBackend::Answer &answer)
            {
                if (!answer)
                {
                    qCWarning(lcRemote).noquote() << u"drain: "_s + answer.error().details;
                }
            });
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

QString AppController::playerName(const QString &battleId, const QString &userId) const
{
    const MirrorPlayerModel *players = m_mirror->players(battleId);
    const QString name = players ? players->nameOf(userId) : QString();
    return name.isEmpty() ? userId : name;
}

QString AppController::failureText(const RequestFailure &failure)
{
    if (failure.reason == BattleRequests::BattleNotFound)
    {
        return tr("This battle has ended.");
    }
    if (failure.reason == AutohostBackend::NotAttached)
    {
        return tr("The autohost is not connected: %1").arg(failure.details);
    }
    return failure.details;
}

void AppController::perform(const QString &action, const Json &data, AutohostBackend::Done done)
{
    m_mirror->backend()->perform(action, data, std::move(done));
}

void AppController::request(const QString &battleId, const QString &action, Json data, const QString &note,
                            ErrorHandler done)
{
    data["battleId"] = toStdString(battleId);
    perform(action, data,
            [mirror = QPointer<HostMirror>(m_mirror), battleId, note,
             done = std::move(done)](const AutohostBackend::Answer &answer)
            {
                if (!answer)
                {
                    done(failureText(answer.error()));
                    return;
                }
                // What the operator did shows in the battle's feed.
                if (FeedModel *feed = mirror ? mirror->feed(battleId) : nullptr)
                {
                    feed->appendNote(note);
                }
                done({});
            });
}

AppController::ErrorHandler AppController::errorCallback(const QJSValue &callback) const
{
    // A remote answer may come after the QML engine is gone (the window closed while it was on its way).
    return [engine = m_jsEngine, callback](const QString &error) mutable
    {
        if (engine && callback.isCallable())
        {
            callback.call({QJSValue(error)});
        }
    };
}

void AppController::killBattle(const QString &battleId, ErrorHandler done)
{
    request(battleId, u"kill"_s, Json::object(), tr("You killed the battle."), std::move(done));
}

void AppController::kickPlayer(const QString &battleId, const QString &userId, ErrorHandler done)
{
    request(battleId, u"kick"_s, {{"userId", toStdString(userId)}},
            tr("You kicked %1.").arg(playerName(battleId, userId)), std::move(done));
}

void AppController::specPlayer(const QString &battleId, const QString &userId, ErrorHandler done)
{
    request(battleId, u"spec"_s, {{"userIds", Json::array({toStdString(userId)})}},
            tr("You made %1 a spectator.").arg(playerName(battleId, userId)), std::move(done));
}

void AppController::mutePlayer(const QString &battleId, const QString &userId, bool chat, bool draw,
                               ErrorHandler done)
{
    const QString name = playerName(battleId, userId);
    request(battleId, u"mute"_s, {{"userId", toStdString(userId)}, {"chat", chat}, {"draw", draw}},
            chat && draw ? tr("You muted %1's chat and drawing.").arg(name)
            : chat       ? tr("You muted %1's chat.").arg(name)
            : draw       ? tr("You muted %1's drawing.").arg(name)
                         : tr("You unmuted %1.").arg(name),
            std::move(done));
}

void AppController::addPlayer(const QString &battleId, const QString &name, AddedHandler done)
{
    const QString trimmed = name.trimmed();
    perform(u"addPlayer"_s, Json{{"battleId", toStdString(battleId)}, {"name", toStdString(trimmed)}},
            [mirror = QPointer<HostMirror>(m_mirror), battleId, trimmed,
             done = std::move(done)](const AutohostBackend::Answer &added)
            {
                if (!added)
                {
                    done({{u"error"_s, failureText(added.error())}});
                    return;
                }
                if (FeedModel *feed = mirror ? mirror->feed(battleId) : nullptr)
                {
                    feed->appendNote(tr("You added %1 as a spectator.").arg(trimmed));
                }
                done({{u"userId"_s, toQString(added->value("userId", ""))},
                      {u"password"_s, toQString(added->value("password", ""))}});
            });
}

void AppController::sendMessage(const QString &battleId, const QString &message, ErrorHandler done)
{
    request(battleId, u"sendMessage"_s, {{"message", toStdString(message)}}, tr("You said: %1").arg(message),
            std::move(done));
}

void AppController::sendCommand(const QString &battleId, const QString &commandLine, ErrorHandler done)
{
    QString line = commandLine.trimmed();
    if (line.startsWith(u'/'))
    {
        line.remove(0, 1);
    }
    QStringList words = line.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
    if (words.isEmpty())
    {
        done(tr("Type a command."));
        return;
    }
    const QString command = words.takeFirst();
    Json arguments = Json::array();
    for (const QString &word : std::as_const(words))
    {
        arguments.push_back(toStdString(word));
    }
    request(battleId, u"sendCommand"_s, {{"command", toStdString(command)}, {"arguments", arguments}},
            tr("You sent the command: /%1").arg((QStringList{command} + words).join(u' ')), std::move(done));
}

void AppController::killBattle(const QString &battleId, const QJSValue &done)
{
    killBattle(battleId, errorCallback(done));
}

void AppController::kickPlayer(const QString &battleId, const QString &userId, const QJSValue &done)
{
    kickPlayer(battleId, userId, errorCallback(done));
}

void AppController::specPlayer(const QString &battleId, const QString &userId, const QJSValue &done)
{
    specPlayer(battleId, userId, errorCallback(done));
}

void AppController::mutePlayer(const QString &battleId, const QString &userId, bool chat, bool draw,
                               const QJSValue &done)
{
    mutePlayer(battleId, userId, chat, draw, errorCallback(done));
}

void AppController::addPlayer(const QString &battleId, const QString &name, const QJSValue &done)
{
    addPlayer(battleId, name,
              [engine = m_jsEngine, callback = done](const QVariantMap &outcome) mutable
              {
                  if (engine && callback.isCallable())
                  {
                      callback.call({engine->toScriptValue(outcome)});
                  }
              });
}

void AppController::sendMessage(const QString &battleId, const QString &message, const QJSValue &done)
{
    sendMessage(battleId, message, errorCallback(done));
}

void AppController::sendCommand(const QString &battleId, const QString &commandLine, const QJSValue &done)
{
    sendCommand(battleId, commandLine, errorCallback(done));
}

QString AppController::openPath(const QString &battleId, const QString &role) const
{
    if (!hostInProcess())
    {
        return tr("The battle's files are on the machine of %1, not on this one.").arg(hostName());
    }
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
