#include "fakeengine.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUdpSocket>

#include "enginelog.h"

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

using namespace Qt::Literals::StringLiterals;
using namespace EnginePacket;

namespace
{
// The engine's ServerSleepTime: one datagram from the autohost is read per server loop.
constexpr int ServerLoopMs = 5;
// The engine needs about 2 s to write its demo after SERVER_QUIT; the fake only lets the datagram leave.
constexpr int QuitDelayMs = 200;
constexpr int CrashExitCode = 3;
// The engine's maximum chat message size.
constexpr qsizetype MaxChatBytes = 127;

// atoi(): leading blanks, an optional sign, digits; anything else ends the number (0 when there is none).
int atoiLike(const QString &text)
{
    static const QRegularExpression number(u"^\\s*([+-]?\\d+)"_s);
    const QRegularExpressionMatch match = number.match(text);
    return match.hasMatch() ? match.captured(1).left(10).toInt() : 0;
}

QStringList tokens(const QString &text)
{
    return text.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
}

// "<keyword>:<milliseconds>" or the bare keyword; -1 when the text has another form.
int delayOf(const QString &value, const QString &keyword)
{
    if (value == keyword)
    {
        return 0;
    }
    if (!value.startsWith(keyword + u':'))
    {
        return -1;
    }
    bool ok = false;
    const int ms = value.mid(keyword.size() + 1).toInt(&ok);
    return ok && ms >= 0 ? ms : -1;
}

// The engine honours GameID only as 16 white-space separated hex bytes (engine notes §12).
std::optional<std::array<quint8, 16>> parseGameId(const QString &text)
{
    const QStringList bytes = tokens(text);
    if (bytes.size() != 16)
    {
        return std::nullopt;
    }
    std::array<quint8, 16> id{};
    for (size_t i = 0; i < id.size(); ++i)
    {
        bool ok = false;
        const int value = bytes[static_cast<qsizetype>(i)].toInt(&ok, 16);
        if (!ok || value < 0 || value > 0xff)
        {
            return std::nullopt;
        }
        id[i] = static_cast<quint8>(value);
    }
    return id;
}

[[noreturn]] void crash(const QString &why)
{
    EngineLog::line(u"[fake] "_s + why);
    std::fflush(stdout);
    std::_Exit(CrashExitCode);
}

[[noreturn]] void segfault()
{
    EngineLog::line(u"[fake] raising SIGSEGV"_s);
#ifdef Q_OS_LINUX
    // No core file: the fake must not litter the working directory.
    prctl(PR_SET_DUMPABLE, 0);
#endif
#ifdef Q_OS_UNIX
    std::signal(SIGSEGV, SIG_DFL);
    std::raise(SIGSEGV);
#endif
    std::abort();
}

#ifdef Q_OS_UNIX
void onIgnoredTerm(int)
{
    static const char text[] = "[fake] SIGTERM ignored\n";
    [[maybe_unused]] const auto written = write(STDOUT_FILENO, text, sizeof text - 1);
}
#endif
} // namespace

FakeEngine::FakeEngine(const QString &writeDir, QObject *parent)
    : QObject(parent)
    , m_writeDir(writeDir)
{
    m_tick.setInterval(ServerLoopMs);
    connect(&m_tick, &QTimer::timeout, this, &FakeEngine::readOneDatagram);
}

Status FakeEngine::load(const TdfDocument &script)
{
    m_autohostIp = script.value(u"game/autohostip"_s, u"127.0.0.1"_s);
    m_autohostPort = script.value(u"game/autohostport"_s, u"0"_s).toInt();
    m_hostPort = script.value(u"game/hostport"_s, u"8452"_s).toInt();
    m_gameId = parseGameId(script.value(u"game/gameid"_s, QString()));

    // Script players in ascending section number, gaps removed (engine notes §4).
    static const QRegularExpression playerSection(u"^player(\\d+)$"_s);
    QList<std::pair<int, QString>> sections;
    for (const QString &section : script.sections(u"game"_s))
    {
        const QRegularExpressionMatch match = playerSection.match(section);
        if (match.hasMatch())
        {
            sections.append({match.captured(1).toInt(), section});
        }
    }
    std::sort(sections.begin(), sections.end());
    for (const auto &[number, section] : sections)
    {
        Player player;
        player.name = script.value(u"game/"_s + section + u"/name"_s, QString()).toUtf8();
        player.password = script.value(u"game/"_s + section + u"/password"_s, QString());
        player.spectator = script.value(u"game/"_s + section + u"/spectator"_s, u"0"_s).toInt() != 0;
        m_players.append(player);
    }

    const QString startup = script.value(u"game/modoptions/fakestartup"_s, u"normal"_s).trimmed().toLower();
    if (startup == u"normal")
    {
        m_startup = Startup::Normal;
    }
    else if (startup == u"never")
    {
        m_startup = Startup::Never;
    }
    else if (startup == u"exit0")
    {
        m_startup = Startup::Exit0;
    }
    else if (startup == u"crash")
    {
        m_startup = Startup::Crash;
    }
    else if ((m_startupDelay = delayOf(startup, u"delay"_s)) >= 0)
    {
        m_startup = Startup::Delay;
    }
    else
    {
        return fail(u"fakestartup: unknown value \""_s + startup + u'"');
    }

    const QString after = script.value(u"game/modoptions/fakeafterstart"_s, QString()).trimmed().toLower();
    const std::pair<QString, AfterStart> timed[] = {{u"crash"_s, AfterStart::Crash},
                                                    {u"segv"_s, AfterStart::Segv},
                                                    {u"exit0"_s, AfterStart::Exit0},
                                                    {u"quit"_s, AfterStart::Quit}};
    if (after.isEmpty())
    {
        m_afterStart = AfterStart::Nothing;
    }
    else if (after == u"hang")
    {
        m_afterStart = AfterStart::Hang;
    }
    else
    {
        m_afterStart = AfterStart::Nothing;
        for (const auto &[keyword, kind] : timed)
        {
            if ((m_afterStartDelay = delayOf(after, keyword)) >= 0)
            {
                m_afterStart = kind;
                break;
            }
        }
        if (m_afterStart == AfterStart::Nothing)
        {
            return fail(u"fakeafterstart: unknown value \""_s + after + u'"');
        }
    }

    Result<QList<FakeEvent>> events =
        FakeEvent::parseAll(script.value(u"game/modoptions/fakescript"_s, QString()).split(u'|'));
    if (!events)
    {
        return fail(u"fakescript: "_s + events.error());
    }
    m_script = std::move(events).value();
    return succeeded();
}

void FakeEngine::start()
{
    EngineLog::line(u"[DedicatedServer] starting server..."_s);
    EngineLog::line(u"[fake] pid %1"_s.arg(QCoreApplication::applicationPid()));
    switch (m_startup)
    {
    case Startup::Exit0:
        EngineLog::line(u"[fake] exiting with code 0 before the server started"_s);
        QCoreApplication::exit(0);
        return;
    case Startup::Crash:
        crash(u"crashing with exit code 3 before the server started"_s);
    case Startup::Delay:
        EngineLog::line(u"[fake] starting in %1 ms"_s.arg(m_startupDelay));
        QTimer::singleShot(m_startupDelay, this, &FakeEngine::startServer);
        return;
    case Startup::Never:
    case Startup::Normal:
        startServer();
        return;
    }
}

void FakeEngine::startServer()
{
    EngineLog::line(u"[UDPListener] successfully bound socket on port %1"_s.arg(m_hostPort));
    if (!openInterface())
    {
        return;
    }
    if (m_startup == Startup::Never)
    {
        EngineLog::line(u"[fake] never sending SERVER_STARTED"_s);
        return;
    }
    send(ServerStarted{});
    serverMessage(u"Connecting to autohost on port %1"_s.arg(m_autohostPort));
    serverMessage(u"Server started on port %1"_s.arg(m_hostPort));
    m_tick.start();
    afterStart();
    play(std::make_shared<const QList<FakeEvent>>(m_script), 0);
}

bool FakeEngine::openInterface()
{
    if (m_autohostPort <= 0)
    {
        return true;
    }
    if (m_autohostIp.toLower() == u"localhost")
    {
        EngineLog::line(u"Autohost IP address not in x.y.z.w format!"_s);
        return true;
    }
    const QHostAddress address(m_autohostIp);
    if (!address.isNull())
    {
        m_socket = new QUdpSocket(this);
        // A connected socket: the kernel drops datagrams from any other address or port, as for the engine.
        m_socket->connectToHost(address, static_cast<quint16>(m_autohostPort));
        if (m_socket->state() == QAbstractSocket::ConnectedState)
        {
            m_interfaceOpen = true;
            connect(m_socket, &QUdpSocket::errorOccurred, this,
                    [this] { closeInterface(u"receive: "_s + m_socket->errorString()); });
            return true;
        }
        EngineLog::line(u"Failed to open socket: "_s + m_socket->errorString());
    }
    else
    {
        EngineLog::line(
            u"Failed to open socket: Failed to parse address %1: Invalid argument"_s.arg(m_autohostIp));
    }
    // The engine refuses to run a game the autohost cannot control and quits with code 0.
    EngineLog::line(
        u"Failed connecting to autohost on IP %1, port %2"_s.arg(m_autohostIp).arg(m_autohostPort));
    QTimer::singleShot(QuitDelayMs, qApp, [] { QCoreApplication::exit(0); });
    return false;
}

void FakeEngine::afterStart()
{
    switch (m_afterStart)
    {
    case AfterStart::Nothing:
        return;
    case AfterStart::Crash:
        QTimer::singleShot(m_afterStartDelay, this, [] { crash(u"crashing with exit code 3"_s); });
        return;
    case AfterStart::Segv:
        QTimer::singleShot(m_afterStartDelay, this, [] { segfault(); });
        return;
    case AfterStart::Exit0:
        QTimer::singleShot(m_afterStartDelay, this,
                           []
                           {
                               EngineLog::line(u"[fake] exiting with code 0 without SERVER_QUIT"_s);
                               QCoreApplication::exit(0);
                           });
        return;
    case AfterStart::Quit:
        QTimer::singleShot(m_afterStartDelay, this, &FakeEngine::quit);
        return;
    case AfterStart::Hang:
        m_hanging = true;
#ifdef Q_OS_UNIX
        struct sigaction action = {};
        action.sa_handler = onIgnoredTerm;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(SIGTERM, &action, nullptr);
#endif
        EngineLog::line(u"[fake] hanging: commands and SIGTERM are ignored"_s);
        return;
    }
}

void FakeEngine::send(const Packet &packet)
{
    sendRaw(encode(packet));
}

void FakeEngine::sendRaw(const QByteArray &datagram)
{
    if (!m_interfaceOpen || m_quitting)
    {
        return;
    }
    errno = 0;
    if (m_socket->write(datagram) != datagram.size())
    {
        // Qt reports a refused UDP send as an unknown error; errno has the engine's text.
        const int code = errno;
        closeInterface(u"send: "_s + (code != 0 ? qt_error_string(code) : m_socket->errorString()));
    }
}

void FakeEngine::serverMessage(const QString &text)
{
    EngineLog::line(u"[GameServer] "_s + text);
    send(ServerMessage{text.toUtf8()});
}

void FakeEngine::closeInterface(const QString &why)
{
    if (!m_interfaceOpen)
    {
        return;
    }
    // Like the engine: after one failed send the interface stays closed for the rest of the game.
    EngineLog::line(
        u"[AutohostInterface] Error: Failed to send buffer; the autohost may not be reachable: "_s + why);
    m_interfaceOpen = false;
    m_tick.stop();
    m_socket->close();
}

void FakeEngine::readOneDatagram()
{
    if (!m_interfaceOpen || m_quitting || !m_socket->hasPendingDatagrams())
    {
        return;
    }
    const QNetworkDatagram datagram = m_socket->receiveDatagram();
    if (datagram.isValid())
    {
        handleDatagram(datagram.data());
    }
}

void FakeEngine::handleDatagram(QByteArray datagram)
{
    // The engine reads the datagram as a C string.
    const qsizetype nul = datagram.indexOf('\0');
    if (nul >= 0)
    {
        datagram.truncate(nul);
    }
    EngineLog::line(u"[fake] received: "_s + EngineLog::printable(datagram));
    if (m_hanging)
    {
        EngineLog::line(u"[fake] hanging, ignored"_s);
        return;
    }
    if (datagram.isEmpty())
    {
        return;
    }
    if (datagram[0] != '/')
    {
        hostChat(datagram);
    }
    else if (datagram.size() > 1 && datagram[1] == '/')
    {
        hostChat(datagram.mid(1));
    }
    else if (datagram.size() > 1)
    {
        action(datagram.mid(1));
    }
}

void FakeEngine::hostChat(const QByteArray &text)
{
    // Broadcast to the players, cut to the engine's chat limit, never echoed to the autohost.
    EngineLog::line(u"[fake] host chat: "_s + EngineLog::printable(text.left(MaxChatBytes)));
}

void FakeEngine::action(const QByteArray &line)
{
    // The engine's action parsing: the first word, lower-cased, is the command; the rest, cut at "//" and
    // trimmed, are its arguments.
    const QString text = QString::fromUtf8(line).trimmed();
    const qsizetype space = text.indexOf(QRegularExpression(u"\\s"_s));
    const QString command = (space < 0 ? text : text.left(space)).toLower();
    QString extra = space < 0 ? QString() : text.mid(space + 1);
    const qsizetype comment = extra.indexOf(u"//"_s);
    if (comment >= 0)
    {
        extra.truncate(comment);
    }
    extra = extra.trimmed();
    const QStringList args = tokens(extra);

    if (command == u"kickbynum")
    {
        if (!extra.isEmpty())
        {
            kick(atoiLike(extra));
        }
    }
    else if (command == u"kick" || command == u"spec")
    {
        // Every player whose name starts with the argument, case-insensitively.
        if (!extra.isEmpty())
        {
            for (int number = 0; number < m_players.size(); ++number)
            {
                if (QString::fromUtf8(m_players[number].name).toLower().startsWith(extra.toLower()))
                {
                    if (command == u"kick")
                    {
                        kick(number);
                    }
                    else
                    {
                        spec(number);
                    }
                }
            }
        }
    }
    else if (command == u"specbynum")
    {
        if (!extra.isEmpty())
        {
            spec(atoiLike(extra));
        }
    }
    else if (command == u"mutebynum" || command == u"mute")
    {
        if (args.isEmpty() || args.size() > 3)
        {
            EngineLog::line(
                u"Warning: Failed to mute player, usage: /%1 <player> [chatmute] [drawmute]"_s.arg(command));
            return;
        }
        if (command == u"mutebynum")
        {
            mute(atoiLike(args[0]), args);
            return;
        }
        for (int number = 0; number < m_players.size(); ++number)
        {
            if (QString::fromUtf8(m_players[number].name).toLower().startsWith(args[0].toLower()))
            {
                mute(number, args);
                break;
            }
        }
    }
    else if (command == u"adduser")
    {
        addUser(args);
    }
    else if (command == u"kill")
    {
        EngineLog::line(u"[GameServer] Server killed!"_s);
        quit();
    }
    else if (command == u"forcestart")
    {
        if (!m_gameStarted)
        {
            startPlaying();
        }
    }
    else if (command == u"fakeplay")
    {
        Result<QList<FakeEvent>> events = FakeEvent::parseAll(args);
        if (!events)
        {
            EngineLog::line(u"[fake] bad event: "_s + events.error());
            return;
        }
        play(std::make_shared<const QList<FakeEvent>>(std::move(events).value()), 0);
    }
    else
    {
        EngineLog::line(u"[fake] command for the players: "_s + EngineLog::printable(line));
    }
}

void FakeEngine::kick(int number)
{
    if (!isConnected(number))
    {
        serverMessage(u"Attempt to kick user %1 who is not connected"_s.arg(number));
        return;
    }
    serverMessage(u"%1 %2 left the game: kicked"_s.arg(typeOf(number), QString::fromUtf8(nameOf(number))));
    m_players[number].connected = false;
    send(PlayerLeft{static_cast<quint8>(number), LeaveReason::Kicked});
}

void FakeEngine::spec(int number)
{
    if (!isConnected(number))
    {
        serverMessage(u"Attempt to spec user %1 who is not connected"_s.arg(number));
        return;
    }
    if (m_players[number].spectator)
    {
        serverMessage(u"Attempt to spec user %1 who is spectating already"_s.arg(number));
        return;
    }
    serverMessage(u"Player %1 resigned from the game: forced spec"_s.arg(QString::fromUtf8(nameOf(number))));
    m_players[number].spectator = true;
    send(PlayerDefeated{static_cast<quint8>(number)});
}

void FakeEngine::mute(int number, const QStringList &args)
{
    if (number < 0 || number >= m_players.size())
    {
        EngineLog::line(u"Warning: MutePlayer: invalid playerNum"_s);
        return;
    }
    Player &player = m_players[number];
    player.chatMuted = args.size() < 2 || atoiLike(args[1]) != 0;
    player.drawMuted = args.size() < 3 || atoiLike(args[2]) != 0;
    EngineLog::line(u"[fake] player %1 chat %2, drawing %3"_s.arg(number).arg(
        player.chatMuted ? u"muted"_s : u"allowed"_s, player.drawMuted ? u"muted"_s : u"allowed"_s));
}

void FakeEngine::addUser(const QStringList &args)
{
    if (args.size() < 2)
    {
        EngineLog::line(u"Warning: Failed to add player/spectator password. usage: "
                        u"/adduser <player-name> <password> [spectator] [team]"_s);
        return;
    }
    const QByteArray name = args[0].toUtf8();
    const auto existing = std::find_if(m_players.begin(), m_players.end(),
                                       [&](const Player &player) { return player.name == name; });
    if (existing != m_players.end())
    {
        existing->password = args[1];
        EngineLog::line(u"Changed player/spectator password: \"%1\" \"%2\""_s.arg(args[0], args[1]));
        return;
    }
    Player player;
    player.name = name;
    player.password = args[1];
    player.spectator = args.size() < 3 || args[2] != u"0";
    const int team = args.size() > 3 ? atoiLike(args[3]) : 0;
    m_players.append(player);
    EngineLog::line(u"Added client \"%1\" with password \"%2\" to team %3 (as a %4)"_s.arg(args[0], args[1])
                        .arg(team)
                        .arg(player.spectator ? u"spectator"_s : u"player"_s));
}

void FakeEngine::startPlaying()
{
    m_gameStarted = true;
    std::array<quint8, 16> gameId{};
    if (m_gameId)
    {
        gameId = *m_gameId;
    }
    else
    {
        // Like the engine's own ids: the Unix time (little-endian) first, random bytes after it.
        const auto now = static_cast<quint32>(std::time(nullptr));
        for (size_t i = 0; i < gameId.size(); ++i)
        {
            gameId[i] = i < 4 ? static_cast<quint8>(now >> (8 * i))
                              : static_cast<quint8>(QRandomGenerator::global()->bounded(256));
        }
    }
    const QDir demos(QDir(m_writeDir).absoluteFilePath(u"demos-server"_s));
    const QString demoPath = demos.absoluteFilePath(u"test.sdfz"_s);
    QFile demo(demoPath);
    if (!demos.mkpath(u"."_s) || !demo.open(QIODevice::WriteOnly) || demo.write("fake demo\n") < 0)
    {
        EngineLog::line(u"[fake] cannot write "_s + demoPath);
    }
    EngineLog::line(u"[DedicatedServer] recording demo: "_s + demoPath);
    send(ServerStartPlaying{gameId, demoPath.toUtf8()});
}

void FakeEngine::quit()
{
    if (m_quitting)
    {
        return;
    }
    send(ServerQuit{});
    m_quitting = true;
    m_tick.stop();
    QTimer::singleShot(QuitDelayMs, qApp,
                       []
                       {
                           EngineLog::line(u"[DedicatedServer] exited"_s);
                           QCoreApplication::exit(0);
                       });
}

void FakeEngine::play(std::shared_ptr<const QList<FakeEvent>> events, qsizetype from)
{
    for (qsizetype i = from; i < events->size(); ++i)
    {
        const FakeEvent &event = events->at(i);
        if (event.kind == FakeEvent::Kind::Wait)
        {
            QTimer::singleShot(event.numbers[0], this, [this, events, i] { play(events, i + 1); });
            return;
        }
        if (event.kind == FakeEvent::Kind::Stream)
        {
            stream(event.numbers[0], event.numbers[1], [this, events, i] { play(events, i + 1); });
            return;
        }
        perform(event);
    }
}

void FakeEngine::perform(const FakeEvent &event)
{
    using Kind = FakeEvent::Kind;
    const auto byte = [&](qsizetype index)
    {
        return static_cast<quint8>(event.numbers[index]);
    };
    switch (event.kind)
    {
    case Kind::Join:
    {
        const int number = event.numbers[0];
        const QString name = QString::fromUtf8(nameOf(number));
        serverMessage(u"Connection attempt from "_s + name);
        serverMessage(u" -> Version:  [Linux 64-bit (native)]"_s);
        serverMessage(u" -> Address: [127.0.0.1]:%1"_s.arg(40000 + number));
        serverMessage(u" -> Connection established (given id %1)"_s.arg(number));
        serverMessage(u"%1 %2 finished loading and is now ingame"_s.arg(typeOf(number), name));
        if (number < m_players.size())
        {
            m_players[number].connected = true;
        }
        send(PlayerJoined{byte(0), nameOf(number)});
        return;
    }
    case Kind::Left:
    {
        const int number = event.numbers[0];
        static const QString reasons[] = {u" timeout"_s, u" normal quit"_s, u"kicked"_s};
        const int reason = event.numbers[1];
        serverMessage(
            u"%1 %2 left the game: %3"_s.arg(typeOf(number), QString::fromUtf8(nameOf(number)),
                                             reason < 3 ? reasons[reason] : QString::number(reason)));
        if (number < m_players.size())
        {
            m_players[number].connected = false;
        }
        // Raw, so that a script can also inject reasons the engine never sends.
        sendRaw(QByteArray::fromHex("0b") + static_cast<char>(byte(0)) + static_cast<char>(byte(1)));
        return;
    }
    case Kind::Chat:
    case Kind::SecretChat:
    {
        const int from = event.numbers[0];
        if (from < m_players.size() && m_players[from].chatMuted)
        {
            EngineLog::line(u"[fake] chat from muted player %1 dropped"_s.arg(from));
            return;
        }
        if (event.kind == Kind::Chat)
        {
            send(PlayerChat{byte(0), byte(1), event.text});
        }
        else
        {
            send(PlayerSecretChat{byte(0), byte(1), event.text});
        }
        return;
    }
    case Kind::Defeated:
        if (event.numbers[0] < m_players.size())
        {
            m_players[event.numbers[0]].spectator = true;
        }
        send(PlayerDefeated{byte(0)});
        return;
    case Kind::StartPlaying:
        startPlaying();
        return;
    case Kind::GameOver:
    {
        ServerGameOver gameOver{byte(0), {}};
        for (qsizetype i = 1; i < event.numbers.size(); ++i)
        {
            gameOver.winningAllyTeams.append(byte(i));
        }
        send(gameOver);
        return;
    }
    case Kind::Ready:
        sendRaw(QByteArray::fromHex("0c") + static_cast<char>(byte(0)) + static_cast<char>(byte(1)));
        return;
    case Kind::LuaMsg:
        send(GameLuaMsg{byte(0), static_cast<quint16>(event.numbers[1]), byte(2), event.text});
        return;
    case Kind::TeamStat:
    {
        TeamStatistics stats;
        stats.frame = 450;
        stats.metalUsed = 1000.5f;
        stats.energyUsed = 20000.25f;
        stats.metalProduced = 1200.0f;
        stats.energyProduced = 25000.0f;
        stats.damageDealt = 3000.0f;
        stats.damageReceived = 2500.0f;
        stats.unitsProduced = 12;
        stats.unitsDied = 3;
        stats.unitsKilled = 4;
        send(GameTeamStat{byte(0), stats});
        return;
    }
    case Kind::Message:
        serverMessage(QString::fromUtf8(event.text));
        return;
    case Kind::Warning:
        send(ServerWarning{event.text});
        return;
    case Kind::Quit:
        quit();
        return;
    case Kind::Flood:
        for (int i = 0; i < event.numbers[0]; ++i)
        {
            send(ServerMessage{"flood " + QByteArray::number(i)});
        }
        return;
    case Kind::Garbage:
        // Each one malformed in another way (engine notes §3.3).
        for (const char *hex :
             {"0100", "0b1203", "0c0d", "14330c000a640000407a683630", "3c0700e10000ade0", "63", "030406"})
        {
            sendRaw(QByteArray::fromHex(hex));
        }
        return;
    case Kind::Wait:
    case Kind::Stream:
        // Played by play(): what follows waits for them.
        return;
    }
}

void FakeEngine::stream(int count, int perSecond, const std::function<void()> &then)
{
    EngineLog::line(u"[fake] streaming %1 messages at %2 per second"_s.arg(count).arg(perSecond));
    auto *timer = new QTimer(this);
    timer->setTimerType(Qt::PreciseTimer);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    auto sent = std::make_shared<qint64>(0);
    connect(timer, &QTimer::timeout, this,
            [this, timer, clock, sent, count, perSecond, then]
            {
                // Catch up with the schedule, but return to the event loop after a tenth of a second's worth,
                // so that commands are still read while the stream runs.
                const qint64 due = std::min<qint64>(count, clock->elapsed() * perSecond / 1000 + 1);
                const qint64 end = std::min<qint64>(due, *sent + std::max(1, perSecond / 10));
                for (; *sent < end && m_interfaceOpen && !m_quitting; ++*sent)
                {
                    send(ServerMessage{"stream " + QByteArray::number(*sent)});
                }
                if (*sent < count && m_interfaceOpen && !m_quitting)
                {
                    return;
                }
                timer->stop();
                timer->deleteLater();
                EngineLog::line(u"[fake] streamed %1 messages in %2 ms"_s.arg(*sent).arg(clock->elapsed()));
                if (*sent == count)
                {
                    then();
                }
            });
    timer->start(1);
}

bool FakeEngine::isConnected(int number) const
{
    return number >= 0 && number < m_players.size() && m_players[number].connected;
}

QString FakeEngine::typeOf(int number) const
{
    return number >= 0 && number < m_players.size() && m_players[number].spectator ? u"Spectator"_s
                                                                                   : u"Player"_s;
}

QByteArray FakeEngine::nameOf(int number) const
{
    return number >= 0 && number < m_players.size() ? m_players[number].name
                                                    : "Unknown" + QByteArray::number(number);
}
