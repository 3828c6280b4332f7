#include <ctime>
#include <memory>

#include <QDir>
#include <QFile>
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

qint64 monotonicNanoseconds()
{
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

// Running, i.e. neither gone nor a zombie waiting for whoever inherited it.
bool isRunning(pid_t pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
    {
        return false;
    }
    const QByteArray text = stat.readAll();
    return !text.mid(text.lastIndexOf(')') + 1).trimmed().startsWith('Z');
}

// The fast engine with the test's autohost socket, bound before the launch as the autohost does.
struct Run
{
    QTemporaryDir dir;
    QUdpSocket socket;
    QProcess process;
    QList<QNetworkDatagram> datagrams;

    Run()
    {
        socket.bind(QHostAddress::LocalHost, 0);
        // A burst must not be lost in the kernel while the test is busy elsewhere.
        socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4 * 1024 * 1024);
        QObject::connect(&socket, &QUdpSocket::readyRead, &socket,
                         [this]
                         {
                             while (socket.hasPendingDatagrams())
                             {
                                 datagrams.append(socket.receiveDatagram());
                             }
                         });
    }

    ~Run()
    {
        if (process.state() != QProcess::NotRunning)
        {
            process.kill();
            process.waitForFinished();
        }
    }

    // A script as the autohost writes it, with player sections numbered with a gap (the engine numbers them
    // 0, 1).
    QString writeScript(const QByteArray &modOptions, int autohostPort = -1) const
    {
        const int port = autohostPort < 0 ? socket.localPort() : autohostPort;
        const QByteArray text = "[GAME]\n{\n"
                                "\tGameID = 75 bf c4 93 2b 9d 49 5d a4 53 06 72 2f dc a2 ea;\n"
                                "\tGameType = MiniGame 1.0;\n"
                                "\t[MODOPTIONS]\n\t{\n" +
                                modOptions +
                                "\t}\n"
                                "\t[PLAYER0]\n\t{\n\t\tUserID = 7;\n\t\tName = Alice;\n\t\tTeam = 0;\n\t}\n"
                                "\t[player2] { name = Bob; Spectator = 1; }\n"
                                "\tHostIP = 127.0.0.1;\n\tHostPort = 20001;\n"
                                "\tAutohostIP = 127.0.0.1;\n\tAutohostPort = " +
                                QByteArray::number(port) + ";\n}\n";
        QFile file(dir.filePath(u"script.txt"_s));
        file.open(QIODevice::WriteOnly);
        file.write(text);
        return file.fileName();
    }

    void start(const QByteArray &modOptions)
    {
        process.setWorkingDirectory(dir.path());
        process.start(QStringLiteral(FAST_ENGINE_PATH), {u"-isolation"_s, writeScript(modOptions)});
    }

    bool waitForDatagrams(qsizetype count)
    {
        return QTest::qWaitFor([&] { return datagrams.size() >= count; }, WaitMs);
    }

    bool waitForExit() { return process.state() == QProcess::NotRunning || process.waitForFinished(WaitMs); }

    void send(const QByteArray &datagram)
    {
        socket.writeDatagram(datagram, QHostAddress::LocalHost, datagrams.first().senderPort());
    }

    Packet packet(qsizetype index) const
    {
        const auto decoded = decode(datagrams.at(index).data());
        return decoded ? *decoded
                       : Packet(ServerWarning{"undecodable: " + datagrams.at(index).data().toHex()});
    }

    // The chats from datagram `first` on: their sequence numbers and send times, or nothing when one is not a
    // chat from player 0 to everyone with "<number> <ns>".
    std::optional<QList<QPair<qint64, qint64>>> chats(qsizetype first, qsizetype count) const
    {
        QList<QPair<qint64, qint64>> result;
        for (qsizetype i = first; i < first + count; ++i)
        {
            const Packet decoded = packet(i);
            const auto *chat = std::get_if<PlayerChat>(&decoded);
            if (!chat || chat->from != 0 || chat->destination != ChatToEveryone)
            {
                return std::nullopt;
            }
            const QList<QByteArray> fields = chat->text.split(' ');
            bool numberOk = false;
            bool timeOk = false;
            const qint64 number = fields.value(0).toLongLong(&numberOk);
            const qint64 time = fields.value(1).toLongLong(&timeOk);
            if (fields.size() != 2 || !numberOk || !timeOk)
            {
                return std::nullopt;
            }
            result.append({number, time});
        }
        return result;
    }
};
} // namespace

class TestFastEngine : public QObject
{
    Q_OBJECT

private slots:
    void startsJoinsChatsAndQuitsOnKill()
    {
        Run run;
        const qint64 before = monotonicNanoseconds();
        run.start("\t\tbenchjoin = 1;\n\t\tbenchchat = 100,0;\n");
        QVERIFY(run.waitForDatagrams(1 + 2 + 100));
        const qint64 after = monotonicNanoseconds();
        QCOMPARE(run.packet(0), Packet(ServerStarted{}));
        QCOMPARE(run.packet(1), Packet(PlayerJoined{0, "Alice"}));
        QCOMPARE(run.packet(2), Packet(PlayerJoined{1, "Bob"}));
        const auto chats = run.chats(3, 100);
        QVERIFY(chats);
        for (qsizetype i = 0; i < chats->size(); ++i)
        {
            QCOMPARE(chats->at(i).first, i);
            QVERIFY(chats->at(i).second >= before && chats->at(i).second <= after);
        }
        // Every datagram from the engine's own socket, the one SERVER_STARTED came from.
        for (const QNetworkDatagram &datagram : std::as_const(run.datagrams))
        {
            QCOMPARE(datagram.senderPort(), run.datagrams.first().senderPort());
        }

        // Chat that looks like a command is not one; the command name is case-insensitive.
        run.send("//kill");
        run.send("/KILL now");
        QVERIFY(run.waitForDatagrams(104));
        QCOMPARE(run.packet(103), Packet(ServerQuit{}));
        QVERIFY(run.waitForExit());
        QCOMPARE(run.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(run.process.exitCode(), 0);
        QCOMPARE(run.datagrams.size(), 104);
    }

    void pacedChatsKeepTheirSchedule()
    {
        Run run;
        constexpr qint64 PerSecond = 1000;
        const qint64 start = monotonicNanoseconds() + 50'000'000;
        run.start("\t\tbenchchat = 40," + QByteArray::number(PerSecond) +
                  ";\n\t\tbenchchatat = " + QByteArray::number(start) + ";\n");
        QVERIFY(run.waitForDatagrams(1 + 40));
        QCOMPARE(run.packet(0), Packet(ServerStarted{}));
        const auto chats = run.chats(1, 40);
        QVERIFY(chats);
        for (qsizetype i = 0; i < chats->size(); ++i)
        {
            QCOMPARE(chats->at(i).first, i);
            // Never before its time: chat i is due i ms after the start.
            QVERIFY2(
                chats->at(i).second >= start + i * 1000000000 / PerSecond,
                qPrintable(u"chat %1 sent %2 ns after the start"_s.arg(i).arg(chats->at(i).second - start)));
        }
        run.send("/kill");
        QVERIFY(run.waitForDatagrams(42));
        QCOMPARE(run.packet(41), Packet(ServerQuit{}));
        QVERIFY(run.waitForExit());
        QCOMPARE(run.process.exitCode(), 0);
    }

    void exitsWithItsParent()
    {
        Run run;
        // A shell starts the engine and waits; killing the shell must take the engine with it.
        QProcess shell;
        shell.start(u"/bin/sh"_s, {u"-c"_s, u"\"$0\" -isolation \"$1\" & echo $!; wait"_s,
                                   QStringLiteral(FAST_ENGINE_PATH), run.writeScript({})});
        QVERIFY(shell.waitForReadyRead(WaitMs));
        const pid_t engine = pid_t(shell.readAllStandardOutput().trimmed().toInt());
        QVERIFY(engine > 0);
        QVERIFY(run.waitForDatagrams(1));
        QCOMPARE(run.packet(0), Packet(ServerStarted{}));
        QVERIFY(isRunning(engine));
        shell.kill();
        QVERIFY(shell.waitForFinished(WaitMs));
        QTRY_VERIFY_WITH_TIMEOUT(!isRunning(engine), WaitMs);
    }

    void failsLikeTheEngine()
    {
        Run run;
        run.process.start(QStringLiteral(FAST_ENGINE_PATH), {u"-isolation"_s});
        QVERIFY(run.waitForExit());
        QCOMPARE(run.process.exitCode(), 1); // usage

        run.process.start(QStringLiteral(FAST_ENGINE_PATH), {run.dir.filePath(u"missing.txt"_s)});
        QVERIFY(run.waitForExit());
        QCOMPARE(run.process.exitCode(), 21); // content error

        run.process.start(QStringLiteral(FAST_ENGINE_PATH), {run.writeScript("\t\tbenchchat = 5;\n")});
        QVERIFY(run.waitForExit());
        QCOMPARE(run.process.exitCode(), 1);
        QVERIFY(run.process.readAllStandardOutput().contains("benchchat must be <count>,<per second>"));

        run.process.start(QStringLiteral(FAST_ENGINE_PATH), {run.writeScript({}, 0)});
        QVERIFY(run.waitForExit());
        QCOMPARE(run.process.exitCode(), 1);
        QVERIFY(run.process.readAllStandardOutput().contains("no autohost interface"));
        QVERIFY(run.datagrams.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFastEngine)
#include "tst_fastengine.moc"
