#include <QDir>
#include <QFile>
#include <QNetworkDatagram>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include "engine/udpsocketowner.h"

using namespace Qt::Literals::StringLiterals;

// Who holds a UDP socket, with sockets of this process and of the fake engine started through a shell.
class TestUdpSocketOwner : public QObject
{
    Q_OBJECT

private slots:
    void aSocketOfThisProcess_data()
    {
        QTest::addColumn<QHostAddress>("loopback");
        QTest::newRow("IPv4") << QHostAddress(QHostAddress::LocalHost);
        // Not what the kernel's socket diagnostics are asked for: found in /proc/net/udp6.
        QTest::newRow("IPv6") << QHostAddress(QHostAddress::LocalHostIPv6);
    }

    void aSocketOfThisProcess()
    {
        QFETCH(QHostAddress, loopback);
        QUdpSocket autohost;
        if (!autohost.bind(loopback, 0))
        {
            QSKIP("no such loopback address here");
        }
        QUdpSocket engine;
        engine.connectToHost(loopback, autohost.localPort());
        QVERIFY(engine.waitForConnected());
        const qint64 self = QCoreApplication::applicationPid();
        QCOMPARE(UdpSocketOwner::isHeldBy(self, engine.localPort(), autohost.localPort()),
                 std::optional(true));
        // Another remote port, another local port: not that socket.
        QCOMPARE(UdpSocketOwner::isHeldBy(self, engine.localPort(), quint16(autohost.localPort() + 1)),
                 std::optional(false));
        QCOMPARE(UdpSocketOwner::isHeldBy(self, quint16(engine.localPort() + 1), autohost.localPort()),
                 std::optional(false));
        QCOMPARE(UdpSocketOwner::isHeldBy(0, engine.localPort(), autohost.localPort()), std::optional(false));
    }

    void aSocketThatIsNotConnectedIsNoEngines()
    {
        // Bound to a port and writing to the autohost without being connected to it: not an engine's socket.
        QUdpSocket autohost;
        QVERIFY(autohost.bind(QHostAddress::LocalHost, 0));
        QUdpSocket other;
        QVERIFY(other.bind(QHostAddress::LocalHost, 0));
        QVERIFY(other.writeDatagram(QByteArray(1, '\0'), QHostAddress::LocalHost, autohost.localPort()) == 1);
        QCOMPARE(UdpSocketOwner::isHeldBy(QCoreApplication::applicationPid(), other.localPort(),
                                          autohost.localPort()),
                 std::optional(false));
    }

    void aSocketOfAnotherProcess()
    {
        QUdpSocket autohost;
        QVERIFY(autohost.bind(QHostAddress::LocalHost, 0));
        QUdpSocket engine;
        engine.connectToHost(QHostAddress::LocalHost, autohost.localPort());
        QVERIFY(engine.waitForConnected());
        QProcess other;
        other.start(u"sleep"_s, {u"30"_s});
        QVERIFY(other.waitForStarted());
        QCOMPARE(UdpSocketOwner::isHeldBy(other.processId(), engine.localPort(), autohost.localPort()),
                 std::optional(false));
        other.kill();
        other.waitForFinished();
    }

    void aSocketOfADescendant()
    {
        // The fake engine, started by a shell that waits for it, connects to this socket and says
        // SERVER_STARTED.
        QUdpSocket autohost;
        QVERIFY(autohost.bind(QHostAddress::LocalHost, 0));
        QTemporaryDir dir;
        QFile script(dir.filePath(u"script.txt"_s));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("[GAME]\n{\n\tHostPort=20001;\n\tAutohostIP=127.0.0.1;\n\tAutohostPort=" +
                     QByteArray::number(autohost.localPort()) +
                     ";\n\t[MODOPTIONS] { fakeafterstart = exit0:5000; }\n}\n"); // gone by itself in any case
        script.close();
        QProcess shell;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"SPRING_WRITEDIR"_s, dir.path());
        shell.setProcessEnvironment(environment);
        // SIGTERM to the shell ends the engine too.
        shell.start(u"sh"_s, {u"-c"_s, u"trap 'kill $!' TERM; \"$0\" \"$1\" & wait"_s,
                              QStringLiteral(FAKE_ENGINE_PATH), script.fileName()});
        QVERIFY(shell.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return autohost.hasPendingDatagrams(); }, 10000));
        const QNetworkDatagram started = autohost.receiveDatagram();
        QCOMPARE(started.data(), QByteArray(1, '\0'));
        QCOMPARE(
            UdpSocketOwner::isHeldBy(shell.processId(), quint16(started.senderPort()), autohost.localPort()),
            std::optional(true));
        shell.terminate();
        QVERIFY(shell.waitForFinished());
    }
};

QTEST_GUILESS_MAIN(TestUdpSocketOwner)
#include "tst_udpsocketowner.moc"
