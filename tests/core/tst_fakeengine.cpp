#include <ctime>
#include <memory>

#include <QDir>
#include <QFile>
#include <QMap>
#include <QNetworkDatagram>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include "protocol/enginepacket.h"

using namespace Qt::Literals::StringLiterals;
using namespace EnginePacket;

namespace
{
constexpr int WaitMs = 10000;

// One fake engine process with the test's autohost socket, bound before the launch like the autohost does.
struct Run
{
    QTemporaryDir dir;
    QUdpSocket socket;
    QProcess process;
    QList<QNetworkDatagram> datagrams;
    QByteArray output;
    int markers = 0;

    Run()
    {
        socket.bind(QHostAddress::LocalHost, 0);
        QObject::connect(&socket, &QUdpSocket::readyRead, &socket,
                         [this]
                         {
                             while (socket.hasPendingDatagrams())
                             {
                                 datagrams.append(socket.receiveDatagram());
                             }
                         });
        QObject::connect(&process, &QProcess::readyReadStandardOutput, &process,
                         [this] { output += process.readAllStandardOutput(); });
    }

    ~Run()
    {
        if (process.state() != QProcess::NotRunning)
        {
            process.kill();
            process.waitForFinished();
        }
    }

    QString writeDir() const { return dir.filePath(u"write"_s); }

    QByteArray script(const QMap<QByteArray, QByteArray> &modOptions,
                      const QByteArray &autohostIp = "127.0.0.1", int autohostPort = -1) const
    {
        QByteArray options;
        for (auto it = modOptions.begin(); it != modOptions.end(); ++it)
        {
            options += "\t\t" + it.key() + " = " + it.value() + ";\n";
        }
        const int port = autohostPort < 0 ? socket.localPort() : autohostPort;
        // Player sections with gaps: the engine numbers them 0, 1, 2.
        return "// written by tst_fakeengine\n"
               "[GAME]\n{\n"
               "\tGameType=MiniGame 1.0;\n\tMapName=MiniMap;\n\tModHash=1;\n\tMapHash=1;\n\tIsHost=1;\n"
               "\tHostIP=127.0.0.1;\n\tHostPort=20001;\n"
               "\tAutohostIP=" +
               autohostIp + ";\n\tAutohostPort=" + QByteArray::number(port) +
               ";\n"
               "\tGameID=75 bf c4 93 2b 9d 49 5d a4 53 06 72 2f dc a2 ea;\n"
               "\t[PLAYER0] { Name=Alice; Password=pwA; Spectator=0; Team=0; }\n"
               "\t[player3]\n\t{\n\t\tname = Bob;\n\t\tPASSWORD = pwB;\n\t\tSpectator=0;\n\t}\n"
               "\t[PLAYER5] { Name=Carol; Password=pwC; Spectator=1; }\n"
               "\t[TEAM0] { TeamLeader=0; AllyTeam=0; }\n"
               "\t[MODOPTIONS]\n\t{\n" +
               options + "\t}\n}\n";
    }

    QString writeScript(const QByteArray &text) const
    {
        QFile file(dir.filePath(u"script.txt"_s));
        file.open(QIODevice::WriteOnly);
        file.write(text);
        return file.fileName();
    }

    void startWith(const QStringList &arguments)
    {
        QDir().mkpath(writeDir());
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"SPRING_WRITEDIR"_s, writeDir());
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(dir.path());
        process.start(QStringLiteral(FAKE_ENGINE_PATH), arguments);
    }

    void start(const QMap<QByteArray, QByteArray> &modOptions = {})
    {
        startWith(QStringList{u"-isolation"_s, writeScript(script(modOptions))});
    }

    bool waitForDatagrams(qsizetype count)
    {
        return QTest::qWaitFor([&] { return datagrams.size() >= count; }, WaitMs);
    }

    bool waitForOutput(const QByteArray &text)
    {
        return QTest::qWaitFor([&] { return output.contains(text); }, WaitMs);
    }

    // waitForFinished() is false for a process that has already finished while the event loop ran.
    bool waitForExit() { return process.state() == QProcess::NotRunning || process.waitForFinished(WaitMs); }

    quint16 enginePort() const { return datagrams.isEmpty() ? 0 : datagrams.first().senderPort(); }

    void send(const QByteArray &datagram)
    {
        socket.writeDatagram(datagram, QHostAddress::LocalHost, enginePort());
    }

    // Sends a command, then a marker message; the engine reads one datagram at a time in order, so everything
    // the command caused arrives before the marker. Returns those packets, or nothing if the marker never
    // came.
    std::optional<QList<Packet>> exchange(const QByteArray &datagram)
    {
        const qsizetype first = datagrams.size();
        const QByteArray marker = "marker-" + QByteArray::number(++markers);
        send(datagram);
        send("/fakeplay message," + marker);
        QList<Packet> packets;
        qsizetype next = first;
        const bool seen = QTest::qWaitFor(
            [&]
            {
                for (; next < datagrams.size(); ++next)
                {
                    const Result<Packet> packet = decode(datagrams[next].data());
                    if (!packet)
                    {
                        continue;
                    }
                    if (*packet == Packet(ServerMessage{marker}))
                    {
                        return true;
                    }
                    packets.append(*packet);
                }
                return false;
            },
            WaitMs);
        return seen ? std::optional(packets) : std::nullopt;
    }

    QList<Packet> packets() const
    {
        QList<Packet> result;
        for (const QNetworkDatagram &datagram : datagrams)
        {
            const Result<Packet> packet = decode(datagram.data());
            if (packet)
            {
                result.append(*packet);
            }
        }
        return result;
    }

    // Waits until the engine has started and sent its two start messages.
    bool waitForStart() { return waitForDatagrams(3); }
};

QList<Packet> withoutMessages(const QList<Packet> &packets)
{
    QList<Packet> result;
    for (const Packet &packet : packets)
    {
        if (!std::holds_alternative<ServerMessage>(packet))
        {
            result.append(packet);
        }
    }
    return result;
}

QList<QByteArray> messages(const QList<Packet> &packets)
{
    QList<QByteArray> result;
    for (const Packet &packet : packets)
    {
        if (const auto *message = std::get_if<ServerMessage>(&packet))
        {
            result.append(message->text);
        }
    }
    return result;
}

QString describeAll(const QList<Packet> &packets)
{
    QStringList lines;
    for (const Packet &packet : packets)
    {
        lines.append(describe(packet));
    }
    return lines.join(u"; "_s);
}

std::array<quint8, 16> scriptGameId()
{
    return {0x75, 0xbf, 0xc4, 0x93, 0x2b, 0x9d, 0x49, 0x5d, 0xa4, 0x53, 0x06, 0x72, 0x2f, 0xdc, 0xa2, 0xea};
}
} // namespace

// Variadic because the expected list is a braced initializer with commas.
#define COMPARE_PACKETS(actual, ...)                                                                         \
    QVERIFY2((actual) == QList<Packet>(__VA_ARGS__),                                                         \
             qPrintable(u"got: "_s + describeAll(actual) + u"\nexpected: "_s +                               \
                        describeAll(QList<Packet>(__VA_ARGS__))))

class TestFakeEngine : public QObject
{
    Q_OBJECT

private slots:
    void startsLikeTheEngine()
    {
        Run run;
        run.start();
        QVERIFY(run.waitForStart());
        QCOMPARE(decode(run.datagrams[0].data()).value(), Packet(ServerStarted{}));
        QCOMPARE(decode(run.datagrams[1].data()).value(),
                 Packet(ServerMessage{"Connecting to autohost on port " +
                                      QByteArray::number(run.socket.localPort())}));
        QCOMPARE(decode(run.datagrams[2].data()).value(),
                 Packet(ServerMessage{"Server started on port 20001"}));
        // An ephemeral port of its own, the same for every datagram.
        const quint16 port = run.enginePort();
        QVERIFY(port != 0);
        QVERIFY(port != run.socket.localPort());
        QVERIFY(port != 20001);
        for (const QNetworkDatagram &datagram : run.datagrams)
        {
            QCOMPARE(datagram.senderPort(), port);
            QCOMPARE(datagram.senderAddress(), QHostAddress(QHostAddress::LocalHost));
        }
        QVERIFY(run.waitForOutput("[GameServer] Server started on port 20001"));
        QCOMPARE(run.process.state(), QProcess::Running);
    }

    void killSendsQuitAndExits()
    {
        Run run;
        run.start();
        QVERIFY(run.waitForStart());
        run.send("/kill");
        QVERIFY(run.waitForDatagrams(4));
        QCOMPARE(decode(run.datagrams[3].data()).value(), Packet(ServerQuit{}));
        // Nothing is answered after SERVER_QUIT.
        run.send("/fakeplay message,late");
        QVERIFY(run.waitForExit());
        QCOMPARE(run.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(run.process.exitCode(), 0);
        QVERIFY(!run.socket.hasPendingDatagrams());
        QCOMPARE(run.datagrams.size(), 4);
        QVERIFY(run.output.contains("[fake] received: /kill"));
        QVERIFY(!run.output.contains("late"));
    }

    void sigtermKillsWithoutQuit()
    {
        Run run;
        run.start();
        QVERIFY(run.waitForStart());
        run.process.terminate();
        QVERIFY(run.waitForExit());
        QCOMPARE(run.process.exitStatus(), QProcess::CrashExit);
        QVERIFY(!run.socket.hasPendingDatagrams());
        QCOMPARE(run.datagrams.size(), 3);
    }

    void ignoresOtherSenders()
    {
        Run run;
        run.start();
        QVERIFY(run.waitForStart());
        QUdpSocket stranger;
        QVERIFY(stranger.bind(QHostAddress::LocalHost, 0));
        stranger.writeDatagram("/kill", QHostAddress::LocalHost, run.enginePort());
        stranger.writeDatagram("/fakeplay message,foreign", QHostAddress::LocalHost, run.enginePort());
        const auto packets = run.exchange("/fakeplay message,own");
        QVERIFY(packets);
        COMPARE_PACKETS(*packets, QList<Packet>{ServerMessage{"own"}});
        QVERIFY(!run.output.contains("received: /kill"));
        QVERIFY(!run.output.contains("foreign"));
        QCOMPARE(run.process.state(), QProcess::Running);
    }

    void playsTheScript()
    {
        Run run;
        run.start({{"fakescript", "join,0|chat,0,254,hello all, and more|wait,50|startplaying|"
                                  "luamsg,0,100,0,aGVsbG8=|luamsg,1,2000,a,|luamsg,2,2000,s,AP8=|defeated,1|"
                                  "ready,1,2|secretchat,1,255,psst|warning,careful|teamstat,1|gameover,0,1|"
                                  "gameover,1|left,0,1|quit"}});
        QVERIFY(run.waitForOutput("[DedicatedServer] exited"));
        QVERIFY(run.waitForExit());
        QCOMPARE(run.process.exitCode(), 0);
        const QList<Packet> packets = run.packets();
        QCOMPARE(packets.size(), run.datagrams.size());

        const QString demoPath = QDir(run.writeDir()).absoluteFilePath(u"demos-server/test.sdfz"_s);
        QVERIFY(QFile::exists(demoPath));
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
        const QList<Packet> expected{
            ServerStarted{},
            PlayerJoined{0, "Alice"},
            PlayerChat{0, ChatToEveryone, "hello all, and more"},
            ServerStartPlaying{scriptGameId(), demoPath.toUtf8()},
            GameLuaMsg{0, LuaScriptRules, LuaUiModeAll, "hello"},
            GameLuaMsg{1, LuaScriptUi, LuaUiModeAllies, {}},
            GameLuaMsg{2, LuaScriptUi, LuaUiModeSpectators, QByteArray("\0\xff", 2)},
            PlayerDefeated{1},
            PlayerReady{1, ReadyState::Forced},
            PlayerSecretChat{1, ChatToHost, "psst"},
            ServerWarning{"careful"},
            GameTeamStat{1, stats},
            ServerGameOver{0, {1}},
            ServerGameOver{1, {}},
            PlayerLeft{0, LeaveReason::Left},
            ServerQuit{},
        };
        COMPARE_PACKETS(withoutMessages(packets), expected);
        const QList<QByteArray> texts = messages(packets);
        QVERIFY(texts.contains("Connection attempt from Alice"));
        QVERIFY(texts.contains(" -> Connection established (given id 0)"));
        QVERIFY(texts.contains("Player Alice finished loading and is now ingame"));
        QVERIFY(texts.contains("Player Alice left the game:  normal quit"));
    }

    void kickAndSpec()
    {
        Run run;
        run.start({{"fakescript", "join,0|join,1|join,2"}});
        QVERIFY(run.waitForOutput("given id 2"));

        auto packets = run.exchange("/kickbynum 1");
        QVERIFY(packets);
        COMPARE_PACKETS(*packets, (QList<Packet>{ServerMessage{"Player Bob left the game: kicked"},
                                                 PlayerLeft{1, LeaveReason::Kicked}}));
        packets = run.exchange("/kickbynum 1");
        QVERIFY(packets);
        COMPARE_PACKETS(*packets,
                        QList<Packet>{ServerMessage{"Attempt to kick user 1 who is not connected"}});
        packets = run.exchange("/kickbynum 7");
        QVERIFY(packets);
        COMPARE_PACKETS(*packets,
                        QList<Packet>{ServerMessage{"Attempt to kick user 7 who is not connected"}});

        packets = run.exchange("/specbynum 0");
        QVERIFY(packets);
        COMPARE_PACKETS(*packets,
                        (QList<Packet>{ServerMessage{"Player Alice resigned from the game: forced spec"},
                                       PlayerDefeated{0}}));
        packets = run.exchange("/specbynum 0");
        QVERIFY(packets);
        COMPARE_PACKETS(*packets,
                        QList<Packet>{ServerMessage{"Attempt to spec user 0 who is spectating already"}});
        packets = run.exchange("/specbynum 2");
        QVERIFY(packets);
        COMPARE_PACKETS(*packets,
                        QList<Packet>{ServerMessage{"Attempt to spec user 2 who is spectating already"}});
        packets = run.exchange("/specbynum 1");
        QVERIFY(packets);
        COMPARE_PACKETS(*packets,
                        QList<Packet>{ServerMessage{"Attempt to spec user 1 who is not connected"}});

        // A forced spectator leaves as a spectator.
        packets = run.exchange("/KICKBYNUM   0 // a comment");
        QVERIFY(packets);
        COMPARE_PACKETS(*packets, (QList<Packet>{ServerMessage{"Spectator Alice left the game: kicked"},
                                                 PlayerLeft{0, LeaveReason::Kicked}}));
        QVERIFY(run.output.contains("[fake] received: /kickbynum 1"));
    }

    void muteDropsChat()
    {
        Run run;
        run.start();
        QVERIFY(run.waitForStart());
        // Muting works before the player has connected.
        auto packets = run.exchange("/mutebynum 0 1 0");
        QVERIFY(packets);
        QVERIFY(packets->isEmpty());
        packets = run.exchange("/fakeplay chat,0,254,muted chat,2,252,open luamsg,0,100,0,eA==");
        QVERIFY(packets);
        COMPARE_PACKETS(*packets, (QList<Packet>{PlayerChat{2, ChatToAllies, "open"},
                                                 GameLuaMsg{0, LuaScriptRules, LuaUiModeAll, "x"}}));
        packets = run.exchange("/mutebynum 0 0 0");
        QVERIFY(packets);
        packets = run.exchange("/fakeplay chat,0,254,again");
        QVERIFY(packets);
        COMPARE_PACKETS(*packets, QList<Packet>{PlayerChat{0, ChatToEveryone, "again"}});
        // Without flags both chat and drawing are muted.
        packets = run.exchange("/mutebynum 1");
        QVERIFY(packets);
        packets = run.exchange("/fakeplay chat,1,254,hidden");
        QVERIFY(packets);
        QVERIFY(packets->isEmpty());
    }

    void addUser()
    {
        Run run;
        run.start();
        QVERIFY(run.waitForStart());
        auto packets = run.exchange("/adduser Dave davepw");
        QVERIFY(packets);
        QVERIFY(packets->isEmpty());
        // An existing exact name only gets a new password.
        packets = run.exchange("/adduser Alice newpw 0 1");
        QVERIFY(packets);
        packets = run.exchange("/adduser Eve evepw 0 1");
        QVERIFY(packets);
        packets = run.exchange("/fakeplay join,3 join,4 join,5");
        QVERIFY(packets);
        COMPARE_PACKETS(
            withoutMessages(*packets),
            (QList<Packet>{PlayerJoined{3, "Dave"}, PlayerJoined{4, "Eve"}, PlayerJoined{5, "Unknown5"}}));
        const QList<QByteArray> texts = messages(*packets);
        QVERIFY(texts.contains("Spectator Dave finished loading and is now ingame"));
        QVERIFY(texts.contains("Player Eve finished loading and is now ingame"));
        QVERIFY(run.output.contains("Changed player/spectator password: \"Alice\" \"newpw\""));
    }

    void hostChatIsNotEchoed()
    {
        Run run;
        run.start();
        QVERIFY(run.waitForStart());
        for (const QByteArray &chat :
             {QByteArray("hello"), QByteArray("//slash"), QByteArray("/"), QByteArray(), QByteArray(200, 'x'),
              QByteArray("/luarules ping"), QByteArray("/pause 1")})
        {
            const auto packets = run.exchange(chat);
            QVERIFY(packets);
            QVERIFY2(packets->isEmpty(), chat.constData());
        }
        QVERIFY(run.output.contains("[fake] host chat: hello\n"));
        QVERIFY(run.output.contains("[fake] host chat: /slash\n"));
        QVERIFY(run.output.contains(QByteArray("[fake] host chat: " + QByteArray(127, 'x') + '\n')));
        QVERIFY(run.output.contains("[fake] command for the players: luarules ping\n"));
    }

    void forceStart()
    {
        Run run;
        run.startWith(
            QStringList{u"--isolation"_s, run.writeScript(run.script({}).replace("\tGameID=", "\tNoID="))});
        QVERIFY(run.waitForStart());
        auto packets = run.exchange("/forcestart");
        QVERIFY(packets);
        QCOMPARE(packets->size(), 1);
        const auto *startPlaying = std::get_if<ServerStartPlaying>(&packets->first());
        QVERIFY(startPlaying);
        // Without a GameID the id is generated: the Unix time first, as the engine does.
        const quint32 time = quint32(startPlaying->gameId[0]) | quint32(startPlaying->gameId[1]) << 8 |
                             quint32(startPlaying->gameId[2]) << 16 | quint32(startPlaying->gameId[3]) << 24;
        QVERIFY(qAbs(qint64(time) - qint64(std::time(nullptr))) < 3600);
        QVERIFY(startPlaying->demoPath.endsWith("/demos-server/test.sdfz"));
        packets = run.exchange("/forcestart");
        QVERIFY(packets);
        QVERIFY(packets->isEmpty());
    }

    void floodAndGarbage()
    {
        Run run;
        run.start({{"fakescript", "flood,50|garbage|message,end"}});
        QVERIFY(QTest::qWaitFor([&] { return messages(run.packets()).contains("end"); }, WaitMs));
        const QList<QByteArray> texts = messages(run.packets());
        for (int i = 0; i < 50; ++i)
        {
            QVERIFY(texts.contains("flood " + QByteArray::number(i)));
        }
        int malformed = 0;
        for (const QNetworkDatagram &datagram : run.datagrams)
        {
            malformed += decode(datagram.data()) ? 0 : 1;
        }
        QCOMPARE(malformed, 7);
    }

    void streamKeepsItsOrderAndLetsCommandsThrough()
    {
        Run run;
        run.start({{"fakescript", "stream,600,300|message,end"}});
        QVERIFY(run.waitForStart());
        // Commands are read while the stream runs (two seconds at this rate, slow enough for a busy test
        // machine to read every datagram).
        const auto during = run.exchange("/fakeplay message,during");
        QVERIFY(during);
        QVERIFY(QTest::qWaitFor([&] { return messages(run.packets()).contains("end"); }, WaitMs));
        QList<QByteArray> texts = messages(run.packets());
        const qsizetype duringAt = texts.indexOf("during");
        QVERIFY(duringAt >= 0);
        QVERIFY2(duringAt < texts.indexOf("stream 599"), "the command waited for the stream's end");
        texts.removeIf([](const QByteArray &text) { return !text.startsWith("stream "); });
        QCOMPARE(texts.size(), 600);
        for (int i = 0; i < 600; ++i)
        {
            QCOMPARE(texts[i], "stream " + QByteArray::number(i));
        }
        QVERIFY(messages(run.packets()).constLast() == "end");
        QVERIFY(run.waitForOutput("[fake] streamed 600 messages in "));
    }

    void badRuntimeEventsAreLogged()
    {
        Run run;
        run.start();
        QVERIFY(run.waitForStart());
        const auto packets = run.exchange("/fakeplay join,0 bogus,1");
        QVERIFY(packets);
        QVERIFY(packets->isEmpty());
        QVERIFY(run.output.contains("[fake] bad event: unknown event \"bogus\""));
    }

    void startupNever()
    {
        Run run;
        run.start({{"fakestartup", "never"}});
        QVERIFY(run.waitForOutput("[fake] never sending SERVER_STARTED"));
        QTest::qWait(200);
        QVERIFY(run.datagrams.isEmpty());
        QCOMPARE(run.process.state(), QProcess::Running);
        run.process.terminate();
        QVERIFY(run.waitForExit());
        QCOMPARE(run.process.exitStatus(), QProcess::CrashExit);
        QVERIFY(run.datagrams.isEmpty());
    }

    void startupExits_data()
    {
        QTest::addColumn<QByteArray>("mode");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("exit0") << QByteArray("exit0") << 0;
        QTest::newRow("crash") << QByteArray("crash") << 3;
    }

    void startupExits()
    {
        QFETCH(QByteArray, mode);
        QFETCH(int, exitCode);
        Run run;
        run.start({{"fakestartup", mode}});
        QVERIFY(run.waitForExit());
        QCOMPARE(run.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(run.process.exitCode(), exitCode);
        QVERIFY(!run.socket.hasPendingDatagrams());
        QVERIFY(run.datagrams.isEmpty());
    }

    void startupDelay()
    {
        Run run;
        run.start({{"fakestartup", "delay:300"}});
        QVERIFY(run.waitForOutput("[fake] starting in 300 ms"));
        QVERIFY(run.waitForStart());
        QCOMPARE(run.packets().first(), Packet(ServerStarted{}));
    }

    void afterStart_data()
    {
        QTest::addColumn<QByteArray>("mode");
        QTest::addColumn<bool>("crashed");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<bool>("quitSent");
        QTest::newRow("crash") << QByteArray("crash:100") << false << 3 << false;
        QTest::newRow("segv") << QByteArray("segv:100") << true << 0 << false;
        QTest::newRow("exit0") << QByteArray("exit0:100") << false << 0 << false;
        QTest::newRow("quit") << QByteArray("quit:100") << false << 0 << true;
    }

    void afterStart()
    {
        QFETCH(QByteArray, mode);
        QFETCH(bool, crashed);
        QFETCH(int, exitCode);
        QFETCH(bool, quitSent);
        Run run;
        run.start({{"fakeafterstart", mode}});
        QVERIFY(run.waitForExit());
        QCOMPARE(run.process.exitStatus(), crashed ? QProcess::CrashExit : QProcess::NormalExit);
        if (!crashed)
        {
            QCOMPARE(run.process.exitCode(), exitCode);
        }
        QVERIFY(QTest::qWaitFor([&] { return !run.socket.hasPendingDatagrams(); }, WaitMs));
        const QList<Packet> packets = run.packets();
        QVERIFY(packets.size() >= 3);
        QCOMPARE(packets.first(), Packet(ServerStarted{}));
        QCOMPARE(packets.last() == Packet(ServerQuit{}), quitSent);
        QCOMPARE(packets.count(Packet(ServerQuit{})), quitSent ? 1 : 0);
    }

    void hangSurvivesSigtermButNotSigkill()
    {
        Run run;
        run.start({{"fakeafterstart", "hang"}});
        QVERIFY(run.waitForStart());
        QVERIFY(run.waitForOutput("[fake] hanging: commands and SIGTERM are ignored"));
        run.send("/kill");
        QVERIFY(run.waitForOutput("[fake] received: /kill"));
        QVERIFY(run.waitForOutput("[fake] hanging, ignored"));
        run.process.terminate();
        QVERIFY(run.waitForOutput("[fake] SIGTERM ignored"));
        QCOMPARE(run.process.state(), QProcess::Running);
        run.process.kill();
        QVERIFY(run.waitForExit());
        QCOMPARE(run.process.exitStatus(), QProcess::CrashExit);
        QVERIFY(!run.packets().contains(Packet(ServerQuit{})));
    }

    void commandLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("stderrText");
        QTest::newRow("no script") << QStringList() << 1 << QByteArray("Usage:");
        QTest::newRow("only isolation") << QStringList{u"-isolation"_s} << 1 << QByteArray("Usage:");
        QTest::newRow("relative") << QStringList{u"-isolation"_s, u"script.txt"_s} << 21 << QByteArray();
        QTest::newRow("missing") << QStringList{u"/nonexistent/script.txt"_s} << 21 << QByteArray();
    }

    void commandLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, stderrText);
        Run run;
        // The relative path names a file that exists in the working directory; the engine still refuses it.
        run.writeScript(run.script({}));
        run.startWith(arguments);
        QVERIFY(run.waitForExit());
        QCOMPARE(run.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(run.process.exitCode(), exitCode);
        QVERIFY(run.process.readAllStandardError().contains(stderrText));
        if (exitCode == 21)
        {
            QVERIFY(run.output.contains("script does not exist in given location"));
        }
        QVERIFY(run.datagrams.isEmpty());
    }

    void badFakeOptions_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("startup") << QByteArray("fakestartup") << QByteArray("sometimes");
        QTest::newRow("after start") << QByteArray("fakeafterstart") << QByteArray("crash:soon");
        QTest::newRow("script event") << QByteArray("fakescript") << QByteArray("join,0|explode");
        QTest::newRow("script number") << QByteArray("fakescript") << QByteArray("join,256");
        QTest::newRow("script base64") << QByteArray("fakescript") << QByteArray("luamsg,0,100,0,!!");
        QTest::newRow("script arguments") << QByteArray("fakescript") << QByteArray("defeated,1,2");
    }

    void badFakeOptions()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, value);
        Run run;
        run.start({{key, value}});
        QVERIFY(run.waitForExit());
        QCOMPARE(run.process.exitCode(), 1);
        QVERIFY(run.process.readAllStandardError().contains(key));
        QVERIFY(run.datagrams.isEmpty());
    }

    void localhostDisablesTheInterface()
    {
        Run run;
        run.startWith(
            QStringList{run.writeScript(run.script({{"fakescript", "message,hello|quit"}}, "localhost"))});
        QVERIFY(run.waitForExit());
        QCOMPARE(run.process.exitCode(), 0);
        QVERIFY(run.output.contains("Autohost IP address not in x.y.z.w format!"));
        QVERIFY(run.output.contains("[GameServer] hello"));
        QVERIFY(!run.socket.hasPendingDatagrams());
        QVERIFY(run.datagrams.isEmpty());
    }

    void invalidAddressQuits()
    {
        Run run;
        run.startWith(QStringList{run.writeScript(run.script({}, "999.1.1.1"))});
        QVERIFY(run.waitForExit());
        QCOMPARE(run.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(run.process.exitCode(), 0);
        QVERIFY(run.output.contains("Failed connecting to autohost on IP 999.1.1.1, port"));
    }

    void unreachableAutohostClosesTheInterface()
    {
        Run run;
        quint16 closedPort = 0;
        {
            QUdpSocket probe;
            QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
            closedPort = probe.localPort();
        }
        run.startWith(QStringList{run.writeScript(run.script({}, "127.0.0.1", closedPort))});
        QVERIFY(run.waitForOutput(
            "Failed to send buffer; the autohost may not be reachable: send: Connection refused"));
        QCOMPARE(run.process.state(), QProcess::Running);
    }
};

QTEST_GUILESS_MAIN(TestFakeEngine)
#include "tst_fakeengine.moc"
