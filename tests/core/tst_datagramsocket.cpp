#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

#include "net/datagramsocket.h"

using namespace Qt::Literals::StringLiterals;

// The batched UDP socket, against plain Qt UDP sockets on loopback.
class TestDatagramSocket : public QObject
{
    Q_OBJECT

private:
    static constexpr quint32 Loopback = 0x7f000001;

    struct Received
    {
        QByteArray data;
        quint32 address = 0;
        quint16 port = 0;
    };

    static std::unique_ptr<QUdpSocket> peer()
    {
        auto socket = std::make_unique<QUdpSocket>();
        socket->bind(QHostAddress::LocalHost, 0);
        return socket;
    }

    static void sendNumbered(QUdpSocket &from, quint16 to, const QByteArray &prefix, int count)
    {
        for (int i = 0; i < count; ++i)
        {
            from.writeDatagram(prefix + QByteArray::number(i), QHostAddress::LocalHost, to);
        }
    }

    static DatagramSocket::Handler collectInto(QList<Received> &received)
    {
        return [&received](const DatagramSocket::Datagram &datagram)
        {
            received.append({datagram.data.toByteArray(), datagram.senderAddress, datagram.senderPort});
        };
    }

    static QList<QByteArray> numbered(const QByteArray &prefix, int count)
    {
        QList<QByteArray> expected;
        for (int i = 0; i < count; ++i)
        {
            expected.append(prefix + QByteArray::number(i));
        }
        return expected;
    }

    static QList<QByteArray> dataOf(const QList<Received> &received)
    {
        QList<QByteArray> data;
        for (const Received &one : received)
        {
            data.append(one.data);
        }
        return data;
    }

private slots:
    void receivesWithTheSenderInOrder()
    {
        DatagramSocket socket;
        QVERIFY(socket.bind(0, 256 * 1024).ok());
        QVERIFY(socket.isBound());
        QVERIFY(socket.localPort() != 0);
        QSignalSpy ready(&socket, &DatagramSocket::readyRead);
        auto sender = peer();
        sendNumbered(*sender, socket.localPort(), "d", 3);
        QVERIFY(ready.wait(3000));

        QList<Received> received;
        QCOMPARE(socket.receive(100, collectInto(received)), 3);
        QCOMPARE(dataOf(received), numbered("d", 3));
        for (const Received &one : received)
        {
            QCOMPARE(one.address, QHostAddress(QHostAddress::LocalHost).toIPv4Address());
            QCOMPARE(one.port, sender->localPort());
        }
        QVERIFY((DatagramSocket::Datagram{{}, received.constFirst().address, 0}.fromLoopback()));
        QVERIFY(
            !(DatagramSocket::Datagram{{}, QHostAddress(u"10.0.0.1"_s).toIPv4Address(), 0}.fromLoopback()));
        // Nothing is left: a further read hands nothing and does not block.
        QCOMPARE(socket.receive(100, collectInto(received)), 0);
    }

    void stopsAtTheLimitAndSignalsAgainForTheRest()
    {
        DatagramSocket socket;
        QVERIFY(socket.bind(0, 1024 * 1024).ok());
        auto sender = peer();
        constexpr int Count = 250;
        sendNumbered(*sender, socket.localPort(), "n", Count);

        QList<Received> received;
        QList<qsizetype> handedPerSignal;
        connect(&socket, &DatagramSocket::readyRead, this,
                [&] { handedPerSignal.append(socket.receive(40, collectInto(received))); });
        QTRY_COMPARE(received.size(), Count);
        QCOMPARE(dataOf(received), numbered("n", Count));
        // 40 at a time: the rest waited in the kernel and raised the signal again.
        QVERIFY2(handedPerSignal.size() >= 7, qPrintable(QString::number(handedPerSignal.size())));
        for (const qsizetype handed : handedPerSignal)
        {
            QVERIFY(handed <= 40);
        }
    }

    void theLargestDatagramArrivesWhole()
    {
        DatagramSocket socket;
        QVERIFY(socket.bind(0, 1024 * 1024).ok());
        auto sender = peer();
        QByteArray large(65507, Qt::Uninitialized);
        for (qsizetype i = 0; i < large.size(); ++i)
        {
            large[i] = char(i * 7 + i / 251);
        }
        QCOMPARE(sender->writeDatagram(large, QHostAddress::LocalHost, socket.localPort()), large.size());
        sender->writeDatagram("after", QHostAddress::LocalHost, socket.localPort());

        QList<Received> received;
        QTRY_COMPARE((socket.receive(10, collectInto(received)), received.size()), 2);
        QCOMPARE(received.at(0).data.size(), large.size());
        QVERIFY(received.at(0).data == large);
        QCOMPARE(received.at(1).data, "after"_ba);
    }

    void aHandlerThatClosesTheSocketEndsTheRead()
    {
        DatagramSocket socket;
        QVERIFY(socket.bind(0, 256 * 1024).ok());
        auto sender = peer();
        sendNumbered(*sender, socket.localPort(), "c", 10);

        int handled = 0;
        bool closed = false;
        connect(&socket, &DatagramSocket::readyRead, this,
                [&]
                {
                    socket.receive(100,
                                   [&](const DatagramSocket::Datagram &)
                                   {
                                       ++handled;
                                       socket.close();
                                       closed = true;
                                   });
                });
        QTRY_VERIFY(closed);
        QCOMPARE(handled, 1);
        QVERIFY(!socket.isBound());
        // The event loop runs on without the closed socket's notifier.
        QTest::qWait(20);
        QCOMPARE(handled, 1);
        const Status sent = socket.send("late", Loopback, sender->localPort());
        QVERIFY(!sent.ok());
        QVERIFY2(sent.error().contains(u"closed"_s), qPrintable(sent.error()));
    }

    // All sockets of a thread share one receive batch; a handler that reads another socket must not overwrite
    // the datagrams still to be handed out.
    void aNestedReadLeavesTheOuterBatchIntact()
    {
        DatagramSocket outer;
        DatagramSocket inner;
        QVERIFY(outer.bind(0, 256 * 1024).ok());
        QVERIFY(inner.bind(0, 256 * 1024).ok());
        auto sender = peer();
        sendNumbered(*sender, outer.localPort(), "outer", 5);
        sendNumbered(*sender, inner.localPort(), "inner", 5);

        QList<Received> outerReceived;
        QList<Received> innerReceived;
        // Loopback delivers within the send: all ten are waiting.
        QCOMPARE(outer.receive(100,
                               [&](const DatagramSocket::Datagram &datagram)
                               {
                                   outerReceived.append({datagram.data.toByteArray(), 0, 0});
                                   if (outerReceived.size() == 1)
                                   {
                                       inner.receive(100, collectInto(innerReceived));
                                   }
                               }),
                 5);
        QCOMPARE(dataOf(outerReceived), numbered("outer", 5));
        QCOMPARE(dataOf(innerReceived), numbered("inner", 5));
    }

    // To the address given: an engine may send from any loopback address, and is answered there.
    void sendsToTheAddressGiven()
    {
        DatagramSocket socket;
        QVERIFY(socket.bind(0, 256 * 1024).ok());
        const QHostAddress other(u"127.0.0.2"_s);
        QUdpSocket receiver;
        QVERIFY(receiver.bind(other, 0));
        QVERIFY(socket.send("hello", other.toIPv4Address(), receiver.localPort()).ok());
        QTRY_VERIFY(receiver.hasPendingDatagrams());
        const QNetworkDatagram datagram = receiver.receiveDatagram();
        QCOMPARE(datagram.data(), "hello"_ba);
        QCOMPARE(quint16(datagram.senderPort()), socket.localPort());
    }

    void theReceiveBufferIsEnlarged()
    {
        const int usual = peer()->socketOption(QAbstractSocket::ReceiveBufferSizeSocketOption).toInt();
        DatagramSocket socket;
        QVERIFY(socket.bind(0, 4 * usual).ok());
        // The system may cap it (Linux at net.core.rmem_max, as large as a new socket's buffer by default,
        // and then grants twice that), but it is larger than a new socket's.
        QVERIFY2(socket.receiveBufferBytes() > usual,
                 qPrintable(u"%1 bytes, a new socket has %2"_s.arg(socket.receiveBufferBytes()).arg(usual)));
    }

    void bindingATakenPortFails()
    {
        DatagramSocket first;
        QVERIFY(first.bind(0, 256 * 1024).ok());
        DatagramSocket second;
        const Status bound = second.bind(first.localPort(), 256 * 1024);
        QVERIFY(!bound.ok());
        QVERIFY2(bound.error().contains(u"127.0.0.1:%1"_s.arg(first.localPort())), qPrintable(bound.error()));
        QVERIFY(!second.isBound());
        QCOMPARE(second.receive(10, [](const DatagramSocket::Datagram &) {}), 0);
    }
};

QTEST_GUILESS_MAIN(TestDatagramSocket)
#include "tst_datagramsocket.moc"
