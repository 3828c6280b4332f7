#include <QSet>
#include <QTest>
#include <QUdpSocket>

#include "engine/portallocator.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
const QHostAddress Loopback(QHostAddress::LocalHost);

// Ports of the given offsets count as held by another program.
class BlockingAllocator : public PortAllocator
{
public:
    using PortAllocator::PortAllocator;

    QSet<quint16> blocked;
    mutable QList<QPair<QHostAddress, quint16>> checks;

protected:
    bool canBind(const QHostAddress &address, quint16 port) const override
    {
        checks.append({address, port});
        return !blocked.contains(port);
    }
};
} // namespace

class TestPortAllocator : public QObject
{
    Q_OBJECT

private slots:
    void firstAcquireIsOffsetOne()
    {
        PortAllocator allocator(41000, 43000, 10, Loopback);
        const auto ports = allocator.acquire();
        QVERIFY(ports);
        QCOMPARE(ports->offset, 1);
        QCOMPARE(ports->gamePort, quint16(41001));
        QCOMPARE(ports->autohostPort, quint16(43001));
        QCOMPARE(allocator.inUse(), 1);
    }

    void roundRobinAndWrapAround()
    {
        BlockingAllocator allocator(41000, 43000, 4, Loopback);
        QList<int> offsets;
        for (int i = 0; i < 4; ++i)
        {
            const auto ports = allocator.acquire();
            QVERIFY(ports);
            QCOMPARE(ports->gamePort, quint16(41000 + ports->offset));
            QCOMPARE(ports->autohostPort, quint16(43000 + ports->offset));
            offsets.append(ports->offset);
        }
        QCOMPARE(offsets, (QList<int>{1, 2, 3, 0}));
        QVERIFY(!allocator.acquire());

        // Released offsets come back in round-robin order, continuing after the last one handed out.
        allocator.release(2);
        allocator.release(1);
        QCOMPARE(allocator.inUse(), 2);
        QCOMPARE(allocator.acquire()->offset, 1);
        QCOMPARE(allocator.acquire()->offset, 2);
        QVERIFY(!allocator.acquire());
    }

    void roundRobinDoesNotReuseAtOnce()
    {
        BlockingAllocator allocator(41000, 43000, 5, Loopback);
        QCOMPARE(allocator.acquire()->offset, 1);
        allocator.release(1);
        // A just-released port may still see packets of the old game: the next offset is preferred.
        QCOMPARE(allocator.acquire()->offset, 2);
        QCOMPARE(allocator.acquire()->offset, 3);
        QCOMPARE(allocator.acquire()->offset, 4);
        QCOMPARE(allocator.acquire()->offset, 0);
        QCOMPARE(allocator.acquire()->offset, 1);
        QVERIFY(!allocator.acquire());
        QCOMPARE(allocator.inUse(), 5);
    }

    void takenOffsetsSkipped()
    {
        BlockingAllocator allocator(41000, 43000, 3, Loopback);
        QCOMPARE(allocator.acquire()->offset, 1);
        QCOMPARE(allocator.acquire()->offset, 2);
        allocator.release(1);
        // 0 is free, then 1; 2 is still taken.
        QCOMPARE(allocator.acquire()->offset, 0);
        QCOMPARE(allocator.acquire()->offset, 1);
        QVERIFY(!allocator.acquire());
        allocator.release(2);
        QCOMPARE(allocator.acquire()->offset, 2);
    }

    void singleOffset()
    {
        BlockingAllocator allocator(41000, 43000, 1, Loopback);
        const auto ports = allocator.acquire();
        QVERIFY(ports);
        QCOMPARE(ports->offset, 0);
        QVERIFY(!allocator.acquire());
        allocator.release(0);
        QCOMPARE(allocator.acquire()->offset, 0);
    }

    void checksGamePortOnBindAddressAndAutohostPortOnLoopback()
    {
        const QHostAddress bindAddress(u"127.0.0.2"_s);
        BlockingAllocator allocator(41000, 43000, 3, bindAddress);
        QVERIFY(allocator.acquire());
        QCOMPARE(allocator.checks.size(), 2);
        QCOMPARE(allocator.checks.at(0).first, bindAddress);
        QCOMPARE(allocator.checks.at(0).second, quint16(41001));
        QCOMPARE(allocator.checks.at(1).first, Loopback);
        QCOMPARE(allocator.checks.at(1).second, quint16(43001));
    }

    void unbindableOffsetsSkipped()
    {
        BlockingAllocator allocator(41000, 43000, 5, Loopback);
        allocator.blocked = {41001, 43002};
        QCOMPARE(allocator.acquire()->offset, 3);
        QCOMPARE(allocator.acquire()->offset, 4);
        QCOMPARE(allocator.acquire()->offset, 0);
        QVERIFY(!allocator.acquire());
        QCOMPARE(allocator.inUse(), 3);
        QCOMPARE(allocator.unbindable(), 2);
        // Once the other program lets go, the ports are used again.
        allocator.blocked.clear();
        QCOMPARE(allocator.acquire()->offset, 1);
        QCOMPARE(allocator.acquire()->offset, 2);
    }

    void everythingUnbindable()
    {
        BlockingAllocator allocator(41000, 43000, 4, Loopback);
        allocator.blocked = {43000, 43001, 43002, 43003};
        QVERIFY(!allocator.acquire());
        QCOMPARE(allocator.inUse(), 0);
        QCOMPARE(allocator.unbindable(), 4);
        allocator.blocked = {43002};
        QVERIFY(allocator.acquire());
        QCOMPARE(allocator.unbindable(), 0); // counted anew by every acquire
    }

    void autohostPortHeldByAnotherSocket()
    {
        QUdpSocket holder;
        // The default bind mode shares the address, as many programs do; the allocator must still see it as
        // taken.
        QVERIFY2(holder.bind(Loopback, 45301), qPrintable(holder.errorString()));
        PortAllocator allocator(44300, 45300, 5, Loopback);
        const auto ports = allocator.acquire();
        QVERIFY(ports);
        QCOMPARE(ports->offset, 2);
        QCOMPARE(ports->autohostPort, quint16(45302));
    }

    void autohostPortHeldExclusively()
    {
        QUdpSocket holder;
        QVERIFY2(holder.bind(Loopback, 45301, QAbstractSocket::DontShareAddress),
                 qPrintable(holder.errorString()));
        PortAllocator allocator(44300, 45300, 5, Loopback);
        QCOMPARE(allocator.acquire()->offset, 2);
    }

    void gamePortHeldByAnotherSocket()
    {
        QUdpSocket holder;
        QVERIFY2(holder.bind(Loopback, 44301), qPrintable(holder.errorString()));
        PortAllocator allocator(44300, 45300, 5, Loopback);
        const auto ports = allocator.acquire();
        QVERIFY(ports);
        QCOMPARE(ports->offset, 2);
        QCOMPARE(ports->gamePort, quint16(44302));
    }

    void portsAreFreeAgainAfterTheCheck()
    {
        PortAllocator allocator(44300, 45300, 5, Loopback);
        const auto ports = allocator.acquire();
        QVERIFY(ports);
        // The check binds only briefly: the engine and the autohost socket can bind the ports afterwards.
        QUdpSocket game;
        QUdpSocket autohost;
        QVERIFY2(game.bind(Loopback, ports->gamePort, QAbstractSocket::DontShareAddress),
                 qPrintable(game.errorString()));
        QVERIFY2(autohost.bind(Loopback, ports->autohostPort, QAbstractSocket::DontShareAddress),
                 qPrintable(autohost.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestPortAllocator)
#include "tst_portallocator.moc"
