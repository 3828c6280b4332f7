#include "battles/battle.h"

#include <QDir>
#include <QFile>

#include "engine/cpuaffinity.h"
#include "engine/udpsocketowner.h"
#include "logging.h"
#include "protocol/enginecommands.h"
#include "util/conversions.h"
#include "util/ownerfile.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
std::optional<QRegularExpression> luamsgFilter(const StartRequest &request)
{
    if (!request.luamsgRegexp)
    {
        return std::nullopt;
    }
    QRegularExpression expression(*request.luamsgRegexp);
    expression.optimize();
    return expression;
}

// The start script holds the players' passwords, so battle files are readable by the autohost's user only,
// whatever the umask (libarchive sets it to 0 for moments while an engine is being installed).
Status writeFile(const QString &path, const QByteArray &content)
{
    if (const Status written = writeOwnerOnlyScratchFile(path, content); !written)
    {
        return fail(u"cannot write %1: %2"_s.arg(path, written.error()));
    }
    return succeeded();
}

} // namespace

Battle::Battle(StartRequest request, Settings settings, AutohostSocket *socket, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
    , m_settings(std::move(settings))
    , m_socket(socket)
    , m_players(StartScriptWriter::players(m_request))
    , m_translator(&m_players, luamsgFilter(m_request))
    , m_startedAt(QDateTime::currentDateTimeUtc())
{
    m_clock.start();
    for (const AllyTeamSpec &allyTeam : m_request.allyTeams)
    {
        for (const TeamSpec &team : allyTeam.teams)
        {
            for (const PlayerSpec &player : team.players)
            {
                m_passwords.insert(player.userId, player.password);
            }
        }
    }
    for (const PlayerSpec &spectator : m_request.spectators)
    {
        m_passwords.insert(spectator.userId, spectator.password);
    }
    m_socket->setParent(this);
    m_socket->setPacingInterval(m_settings.commandIntervalMs);
    // Any local program can write to the autohost port: only the engine's own socket may start the battle.
    // Where the system cannot tell who holds a socket, the first loopback SERVER_STARTED has to do.
    m_socket->setEngineCheck(
        [this](quint16 senderPort) {
            return UdpSocketOwner::isHeldBy(m_process.pid(), senderPort, m_socket->localPort())
                .value_or(true);
        });
    connect(m_socket, &AutohostSocket::packetReceived, this, &Battle::handlePacket);
    connect(&m_process, &EngineProcess::exited, this, &Battle::handleExit);
    connect(&m_process, &EngineProcess::failedToStart, this,
            [this](const QString &error)
            {
                failStart(u"cannot start %1: %2"_s.arg(m_settings.enginePath, error));
                m_socket->close();
                setState(State::Exited);
                emit ended();
            });

    m_startTimer.setSingleShot(true);
    m_startTimer.setInterval(m_settings.startTimeoutMs);
    connect(&m_startTimer, &QTimer::timeout, this,
            [this]
            {
                qCWarning(lcBattle).noquote()
                    << u"battle %1: no SERVER_STARTED after %2 ms, killing the engine"_s.arg(uuidText(id()))
                           .arg(m_settings.startTimeoutMs);
                failStart(u"the engine did not report SERVER_STARTED within %1 s%2"_s
                              .arg(m_settings.startTimeoutMs / 1000.0)
                              .arg(logTail()));
                m_stopRequested = true;
                setState(State::Stopping);
                m_process.kill();
            });

    m_durationTimer.setSingleShot(true);
    m_durationTimer.setInterval(
        int(std::min<qint64>(m_settings.maxDurationMs, std::numeric_limits<int>::max())));
    connect(&m_durationTimer, &QTimer::timeout, this,
            [this] {
                stop(u"the maximum game duration of %1 s was reached"_s.arg(m_settings.maxDurationMs / 1000));
            });

    m_stopTimer.setSingleShot(true);
    connect(&m_stopTimer, &QTimer::timeout, this,
            [this]
            {
                if (!m_terminateSent)
                {
                    qCWarning(lcBattle).noquote()
                        << u"battle %1: engine still running, sending SIGTERM"_s.arg(uuidText(id()));
                    m_terminateSent = true;
                    m_process.terminate();
                    m_stopTimer.start(m_settings.terminateGraceMs);
                }
                else
                {
                    qCWarning(lcBattle).noquote()
                        << u"battle %1: engine ignored SIGTERM, sending SIGKILL"_s.arg(uuidText(id()));
                    m_process.kill();
                }
            });
}

qint64 Battle::uptimeMs() const
{
    return m_uptimeAtExitMs >= 0 ? m_uptimeAtExitMs : m_clock.elapsed();
}

void Battle::setState(State state)
{
    if (m_state != state)
    {
        m_state = state;
        if (state == State::Exited)
        {
            m_uptimeAtExitMs = m_clock.elapsed();
        }
        emit stateChanged(state);
    }
}

void Battle::start()
{
    const QString dir = m_settings.instanceDir;
    if (!QDir().mkpath(dir))
    {
        return endWithoutEngine(u"cannot create the instance directory %1"_s.arg(dir));
    }
    const auto script = StartScriptWriter::write(m_request, m_settings.endpoints);
    Status written = script ? writeFile(dir + u'/' + ScriptFile, *script) : Status(fail(script.error()));
    if (written)
    {
        written = writeFile(dir + u'/' + SettingsFile,
                            StartScriptWriter::engineSettings(m_settings.engineSettings));
    }
    if (!written)
    {
        return endWithoutEngine(written.error());
    }

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"SPRING_WRITEDIR"_s, dir);
    if (!m_settings.dataDirs.isEmpty())
    {
        environment.insert(u"SPRING_DATADIR"_s, m_settings.dataDirs.join(QDir::listSeparator()));
    }
    EngineProcess::Launch launch;
    launch.program = m_settings.enginePath;
    launch.arguments = {u"-isolation"_s, dir + u'/' + ScriptFile};
    launch.workingDirectory = dir;
    launch.environment = environment;
    launch.logPath = engineLogPath();
    launch.limits = m_settings.limits;
    qCInfo(lcBattle).noquote() << u"battle %1: starting %2 (game port %3, autohost port %4, cores %5)"_s
                                      .arg(uuidText(id()), m_settings.enginePath)
                                      .arg(m_settings.endpoints.hostPort)
                                      .arg(m_settings.endpoints.autohostPort)
                                      .arg(m_settings.limits.cores.isEmpty()
                                               ? u"all"_s
                                               : CpuAffinity::formatCores(m_settings.limits.cores));
    m_startTimer.start();
    m_process.start(launch);
}

void Battle::failStart(const QString &details)
{
    m_startTimer.stop();
    if (m_startAnswered)
    {
        return;
    }
    m_startAnswered = true;
    m_outcome = Outcome::StartFailed;
    m_outcomeDetails = details;
    qCWarning(lcBattle).noquote() << u"battle %1: start failed: %2"_s.arg(uuidText(id()), details);
    emit startFailed(u"internal_error"_s, details);
}

void Battle::endWithoutEngine(const QString &details)
{
    failStart(details);
    m_socket->close();
    setState(State::Exited);
    emit ended();
}

QString Battle::logTail() const
{
    const QStringList lines = m_process.lastLogLines(5);
    if (lines.isEmpty())
    {
        return {};
    }
    return u"; last engine output: "_s + lines.join(u" | "_s).right(600);
}

void Battle::handlePacket(const EnginePacket::Packet &packet)
{
    if (std::holds_alternative<EnginePacket::ServerStarted>(packet))
    {
        if (m_state == State::Starting && !m_startAnswered)
        {
            m_startTimer.stop();
            m_startAnswered = true;
            m_started = true;
            setState(State::Running);
            m_durationTimer.start();
            qCInfo(lcBattle).noquote()
                << u"battle %1: engine started (pid %2)"_s.arg(uuidText(id())).arg(pid());
            emit startSucceeded();
        }
        return;
    }
    if (!m_started || m_state == State::Exited)
    {
        return;
    }
    if (std::holds_alternative<EnginePacket::ServerQuit>(packet))
    {
        m_quitSeen = true;
        qCInfo(lcBattle).noquote() << u"battle %1: engine reported SERVER_QUIT"_s.arg(uuidText(id()));
        if (m_state == State::Running)
        {
            // The engine is shutting down by itself ("No clients connected"); make sure it really exits.
            setState(State::Stopping);
            escalateStop(false);
        }
        return;
    }
    if (const auto *playing = std::get_if<EnginePacket::ServerStartPlaying>(&packet))
    {
        const QByteArray expected = id().toRfc4122();
        const QByteArray actual(reinterpret_cast<const char *>(playing->gameId.data()), 16);
        if (actual != expected)
        {
            qCWarning(lcBattle).noquote()
                << u"battle %1: the engine's game id %2 differs from the battle id"_s.arg(
                       uuidText(id()), QString::fromLatin1(actual.toHex()));
        }
    }
    QString why;
    if (const auto update = m_translator.translate(packet, &why))
    {
        emit updated(*update);
        if (update->changesPlayer())
        {
            emit playerUpdated(*update);
        }
    }
    else
    {
        qCDebug(lcBattle).noquote() << u"battle %1: %2 not forwarded: %3"_s.arg(
            uuidText(id()), EnginePacket::describe(packet), why);
    }
}

void Battle::handleExit(const EngineProcess::Exit &exit)
{
    m_startTimer.stop();
    m_durationTimer.stop();
    m_stopTimer.stop();
    m_socket->close();
    if (!m_started)
    {
        failStart(
            u"the engine ended (%1) before it reported SERVER_STARTED%2"_s.arg(exit.describe(), logTail()));
    }
    else if (m_stopRequested || m_quitSeen || (!exit.crashed && exit.exitCode == 0))
    {
        if (!m_stopRequested && !m_quitSeen)
        {
            qCWarning(lcBattle).noquote()
                << u"battle %1: the engine exited with code 0 without SERVER_QUIT"_s.arg(uuidText(id()));
        }
        qCInfo(lcBattle).noquote() << u"battle %1: engine quit (%2)"_s.arg(uuidText(id()), exit.describe());
        m_outcome = Outcome::Quit;
        m_outcomeDetails = exit.describe();
        if (!m_stopReason.isEmpty())
        {
            m_outcomeDetails += u"; stopped: "_s + m_stopReason;
        }
        emit updated(UpdateTranslator::engineQuit());
    }
    else
    {
        const QStringList lines = m_process.lastLogLines(1);
        QString details = u"engine %1"_s.arg(exit.describe());
        if (!lines.isEmpty())
        {
            details += u"; last output: "_s + lines.constLast().left(200);
        }
        qCWarning(lcBattle).noquote() << u"battle %1: engine crashed: %2"_s.arg(uuidText(id()), details);
        m_outcome = Outcome::Crashed;
        m_outcomeDetails = details;
        emit updated(UpdateTranslator::engineCrash(details));
    }
    setState(State::Exited);
    emit ended();
}

void Battle::stop(const QString &why)
{
    if (m_state == State::Exited || m_stopRequested)
    {
        return;
    }
    m_stopRequested = true;
    m_stopReason = why;
    qCInfo(lcBattle).noquote() << u"battle %1: stopping: %2"_s.arg(uuidText(id()), why);
    if (m_state == State::Starting)
    {
        failStart(u"the battle was stopped before the engine reported SERVER_STARTED: %1"_s.arg(why));
        setState(State::Stopping);
        // Without SERVER_STARTED the engine's port is unknown, so /kill cannot be sent.
        m_terminateSent = true;
        m_process.terminate();
        m_stopTimer.start(m_settings.terminateGraceMs);
        return;
    }
    if (m_state == State::Running)
    {
        setState(State::Stopping);
        escalateStop(true);
    }
}

void Battle::killNow()
{
    if (m_state == State::Exited)
    {
        return;
    }
    m_stopRequested = true;
    if (m_stopReason.isEmpty())
    {
        m_stopReason = u"killed"_s;
    }
    failStart(u"the battle was killed before the engine reported SERVER_STARTED"_s);
    setState(State::Stopping);
    m_process.kill();
}

void Battle::escalateStop(bool sendKill)
{
    if (sendKill)
    {
        m_socket->sendFirst(EngineCommands::kill());
    }
    m_stopTimer.start(m_settings.killGraceMs);
}

Status Battle::requireCommands() const
{
    if (m_state == State::Stopping || m_state == State::Exited)
    {
        return fail(u"data.battleId: battle %1 is stopping"_s.arg(uuidText(id())));
    }
    return succeeded();
}

Result<ScriptPlayer> Battle::player(const QString &userId, const QString &field) const
{
    if (const auto entry = m_players.byUserId(userId))
    {
        return *entry;
    }
    return fail(u"%1: user %2 is not in battle %3"_s.arg(field, userId, uuidText(id())));
}

Status Battle::addPlayer(const QString &userId, const QString &name, const QString &password)
{
    if (const auto usable = requireCommands(); !usable)
    {
        return usable;
    }
    if (const auto known = m_players.byUserId(userId))
    {
        if (known->name != name)
        {
            return fail(u"data.name: user %1 is in this battle as \"%2\""_s.arg(userId, known->name));
        }
        m_socket->send(EngineCommands::changePassword(name, password));
        m_passwords.insert(userId, password);
        emit playerAdded(*known);
        return succeeded();
    }
    if (const auto other = m_players.byName(name))
    {
        return fail(
            u"data.name: \"%1\" is already used by user %2 in this battle"_s.arg(name, other->userId));
    }
    const ScriptPlayer added = m_players.addSpectator(userId, name);
    qCInfo(lcBattle).noquote()
        << u"battle %1: added user %2 as player number %3"_s.arg(uuidText(id()), userId).arg(added.number);
    m_socket->send(EngineCommands::addSpectator(name, password));
    m_passwords.insert(userId, password);
    emit playerAdded(added);
    return succeeded();
}

Status Battle::kickPlayer(const QString &userId)
{
    if (const auto usable = requireCommands(); !usable)
    {
        return usable;
    }
    const auto target = player(userId, u"data.userId"_s);
    if (!target)
    {
        return fail(target.error());
    }
    m_socket->send(EngineCommands::kickByNumber(target->number));
    return succeeded();
}

Status Battle::mutePlayer(const QString &userId, bool chat, bool draw)
{
    if (const auto usable = requireCommands(); !usable)
    {
        return usable;
    }
    const auto target = player(userId, u"data.userId"_s);
    if (!target)
    {
        return fail(target.error());
    }
    m_socket->send(EngineCommands::muteByNumber(target->number, chat, draw));
    emit playerMuted(userId, chat, draw);
    return succeeded();
}

Status Battle::specPlayers(const QStringList &userIds)
{
    if (const auto usable = requireCommands(); !usable)
    {
        return usable;
    }
    // Resolve everyone first: one unknown user means nothing is sent.
    QList<int> numbers;
    for (qsizetype i = 0; i < userIds.size(); ++i)
    {
        const auto target = player(userIds.at(i), u"data.userIds[%1]"_s.arg(i));
        if (!target)
        {
            return fail(target.error());
        }
        numbers.append(target->number);
    }
    for (const int number : numbers)
    {
        m_socket->send(EngineCommands::specByNumber(number));
    }
    return succeeded();
}

Status Battle::sendMessage(const QString &message)
{
    if (const auto usable = requireCommands(); !usable)
    {
        return usable;
    }
    for (const QByteArray &datagram : EngineCommands::chat(message))
    {
        m_socket->send(datagram);
    }
    return succeeded();
}

Status Battle::sendCommand(const QString &command, const QStringList &arguments)
{
    if (const auto usable = requireCommands(); !usable)
    {
        return usable;
    }
    const auto datagram = EngineCommands::command(command, arguments);
    if (!datagram)
    {
        return fail(u"data."_s + datagram.error());
    }
    m_socket->send(*datagram);
    return succeeded();
}
