#include <QElapsedTimer>
#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

#include "engine/autohostsocket.h"
#include "messagecapture.h"

using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(EnginePacket::Packet)

// The autohost's end of an engine's UDP interface, with plain UDP sockets playing the engine.
class TestAutohostSocket : public QObject
{
    Q_OBJECT

private:
    // An "engine": a socket on an ephemeral loopback port.
    static std::unique_ptr<QUdpSocket> engineSocket()
    {
        auto socket = std::make_unique<QUdpSocket>();
        socket->bind(QHostAddress::LocalHost, 0);
        return socket;
    }

    static void sendTo(QUdpSocket &from, const AutohostSocket &to, const QByteArray &datagram)
    {
        from.writeDatagram(datagram, QHostAddress::LocalHost, to.localPort());
    }

    static QList<QByteArray> receiveAll(QUdpSocket &socket, int count, int timeout = 3000)
    {
        QList<QByteArray> datagrams;
        QElapsedTimer timer;
        timer.start();
        while (datagrams.size() < count && timer.elapsed() < timeout)
        {
            if (!socket.hasPendingDatagrams())
            {
                QTest::qWait(2);
                continue;
            }
            datagrams.append(socket.receiveDatagram().data());
        }
        return datagrams;
    }

private slots:
    void learnsTheEnginePortFromServerStarted()
    {
        AutohostSocket socket;
        QVERIFY(socket.bind(0).ok());
        QSignalSpy packets(&socket, &AutohostSocket::packetReceived);
        auto engine = engineSocket();
        auto stranger = engineSocket();

        // Before SERVER_STARTED nothing else is accepted, not even from the later engine.
        sendTo(*engine, socket, QByteArray::fromHex("0e00"));
        sendTo(*stranger, socket, QByteArray::fromHex("00"));
        QTRY_COMPARE(packets.count(), 1);
        QCOMPARE(socket.enginePort(), stranger->localPort());
        QCOMPARE(packets.at(0).at(0).value<EnginePacket::Packet>(),
                 EnginePacket::Packet(EnginePacket::ServerStarted{}));

        // Now the first sender is the engine, and every other sender is dropped.
        sendTo(*engine, socket, QByteArray::fromHex("0e00"));
        sendTo(*stranger, socket, QByteArray::fromHex("0e01"));
        QTRY_COMPARE(packets.count(), 2);
        QCOMPARE(packets.at(1).at(0).value<EnginePacket::Packet>(),
                 EnginePacket::Packet(EnginePacket::PlayerDefeated{1}));
        QTRY_COMPARE(socket.droppedForeign(), quint64(2));
    }

    void dropsMalformedDatagrams()
    {
        AutohostSocket socket;
        QVERIFY(socket.bind(0).ok());
        QSignalSpy packets(&socket, &AutohostSocket::packetReceived);
        auto engine = engineSocket();
        sendTo(*engine, socket, QByteArray::fromHex("00"));
        sendTo(*engine, socket, QByteArray::fromHex("0b1203")); // PLAYER_LEFT with reason 3
        sendTo(*engine, socket, QByteArray::fromHex("ff"));
        sendTo(*engine, socket, QByteArray::fromHex("01"));
        QTRY_COMPARE(packets.count(), 2);
        QCOMPARE(socket.droppedMalformed(), quint64(2));
        QCOMPARE(packets.at(1).at(0).value<EnginePacket::Packet>(),
                 EnginePacket::Packet(EnginePacket::ServerQuit{}));
    }

    void readsABurstWithoutLosingDatagrams()
    {
        AutohostSocket socket;
        QVERIFY(socket.bind(0).ok());
        QSignalSpy packets(&socket, &AutohostSocket::packetReceived);
        auto engine = engineSocket();
        sendTo(*engine, socket, QByteArray::fromHex("00"));
        for (int i = 0; i < 2000; ++i)
        {
            sendTo(*engine, socket, QByteArray("\x04") + QByteArray::number(i));
        }
        QTRY_COMPARE_WITH_TIMEOUT(packets.count(), 2001, 10000);
        QCOMPARE(packets.at(2000).at(0).value<EnginePacket::Packet>(),
                 EnginePacket::Packet(EnginePacket::ServerMessage{"1999"}));
    }

    void onlyASenderTheCheckAcceptsBecomesTheEngine()
    {
        AutohostSocket socket;
        QVERIFY(socket.bind(0).ok());
        QSignalSpy packets(&socket, &AutohostSocket::packetReceived);
        auto engine = engineSocket();
        auto stranger = engineSocket();
        QList<quint16> checked;
        socket.setEngineCheck(
            [&](quint16 port)
            {
                checked.append(port);
                return port == engine->localPort();
            });
        sendTo(*stranger, socket, QByteArray::fromHex("00"));
        QTRY_COMPARE(socket.droppedForeign(), quint64(1));
        QVERIFY(!socket.engineKnown());
        sendTo(*engine, socket, QByteArray::fromHex("00"));
        QTRY_COMPARE(packets.count(), 1);
        QCOMPARE(socket.enginePort(), engine->localPort());
        QCOMPARE(checked, (QList<quint16>{stranger->localPort(), engine->localPort()}));
    }

    void droppedDatagramsAreLoggedAFewTimesNotEachTime()
    {
        AutohostSocket socket;
        QVERIFY(socket.bind(0).ok());
        auto engine = engineSocket();
        auto stranger = engineSocket();
        MessageCapture capture;
        sendTo(*stranger, socket, QByteArray::fromHex("0e00")); // before SERVER_STARTED
        sendTo(*engine, socket, QByteArray::fromHex("00"));
        QTRY_VERIFY(socket.engineKnown());
        for (int i = 0; i < 500; ++i)
        {
            sendTo(*stranger, socket, QByteArray::fromHex("01"));
            sendTo(*engine, socket, QByteArray::fromHex("ff"));
            // Now and then let the socket catch up, so that the kernel keeps every datagram.
            if (i % 100 == 99)
            {
                QTRY_COMPARE(socket.droppedMalformed(), quint64(i + 1));
            }
        }
        QTRY_COMPARE(socket.droppedForeign(), quint64(501));
        QTRY_COMPARE(socket.droppedMalformed(), quint64(500));
        QStringList reports = capture.take();
        reports.removeIf([](const QString &line) { return !line.contains(u"dropped"_s); });
        QVERIFY2(!reports.isEmpty() && reports.size() <= 10, qPrintable(reports.join(u'\n')));
        QVERIFY2(reports.constFirst().contains(u"before SERVER_STARTED"_s), qPrintable(reports.constFirst()));
        QVERIFY(std::any_of(reports.cbegin(), reports.cend(),
                            [](const QString &line) { return line.contains(u"which is not the engine"_s); }));
        QVERIFY(std::any_of(reports.cbegin(), reports.cend(),
                            [](const QString &line) { return line.contains(u"malformed"_s); }));
    }

    void aFloodDoesNotHoldUpTheEventLoop()
    {
        AutohostSocket socket;
        QVERIFY(socket.bind(0).ok());
        auto engine = engineSocket();
        sendTo(*engine, socket, QByteArray::fromHex("00"));
        QTRY_VERIFY(socket.engineKnown());
        // A burst waiting in the kernel all at once, as from an engine sending faster than it is read.
        constexpr int Burst = 3000;
        for (int i = 0; i < Burst; ++i)
        {
            sendTo(*engine, socket, QByteArray("\x04") + QByteArray::number(i));
        }
        int received = 0;
        std::optional<int> receivedWhenTheLoopRan;
        connect(&socket, &AutohostSocket::packetReceived, this,
                [&]
                {
                    if (++received == 1)
                    {
                        QTimer::singleShot(0, this, [&] { receivedWhenTheLoopRan = received; });
                    }
                });
        QTRY_COMPARE_WITH_TIMEOUT(received, Burst, 10000);
        QTRY_VERIFY(receivedWhenTheLoopRan.has_value());
        QVERIFY2(*receivedWhenTheLoopRan < Burst, "the whole burst was read before anything else could run");
    }

    void commandsWaitForTheEngineAndKeepTheirOrder()
    {
        AutohostSocket socket;
        QVERIFY(socket.bind(0).ok());
        socket.setPacingInterval(2);
        socket.send("/first");
        socket.send("/second");
        socket.sendFirst("/kill");
        QCOMPARE(socket.queued(), 3);
        auto engine = engineSocket();
        sendTo(*engine, socket, QByteArray::fromHex("00"));
        const QList<QByteArray> received = receiveAll(*engine, 3);
        QCOMPARE(received, (QList<QByteArray>{"/kill", "/first", "/second"}));
        QCOMPARE(socket.queued(), 0);
    }

    void commandsArePaced()
    {
        AutohostSocket socket;
        QVERIFY(socket.bind(0).ok());
        socket.setPacingInterval(20);
        auto engine = engineSocket();
        sendTo(*engine, socket, QByteArray::fromHex("00"));
        QTRY_VERIFY(socket.engineKnown());
        for (int i = 0; i < 5; ++i)
        {
            socket.send("/c" + QByteArray::number(i));
        }
        // One leaves at once, the rest one per interval: the queue drains over several intervals, not at
        // once.
        QCOMPARE(socket.queued(), 4);
        QTRY_COMPARE(socket.queued(), 0);
        QCOMPARE(receiveAll(*engine, 5).size(), 5);
    }

    void bindingATakenPortFails()
    {
        AutohostSocket first;
        QVERIFY(first.bind(0).ok());
        AutohostSocket second;
        const Status bound = second.bind(first.localPort());
        QVERIFY(!bound.ok());
        QVERIFY2(bound.error().contains(QString::number(first.localPort())), qPrintable(bound.error()));
    }
};

QTEST_GUILESS_MAIN(TestAutohostSocket)
#include "tst_autohostsocket.moc"
