#include <cerrno>
#include <csignal>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include "messagecapture.h"
#include "servicetesthost.h"
#include "util/conversions.h"

#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace
{
bool isUpdate(const Json &message)
{
    return message.value("commandId", "") == "autohost/update";
}

// The data of the autohost/update events in messages, in order.
QList<Json> updatesIn(const QList<Json> &messages)
{
    QList<Json> updates;
    for (const Json &message : messages)
    {
        if (isUpdate(message))
        {
            updates.append(message.at("data"));
        }
    }
    return updates;
}

qint64 timeOf(const Json &updateData)
{
    return updateData.at("time").get<qint64>();
}

// Makes this process's mounts its own, so that the tests can mount small file systems that vanish with the
// process and touch nothing else on the machine. As root (CI) a mount namespace is enough; otherwise a user
// namespace maps this user to root inside it. What went wrong, or nothing.
QString enterPrivateMountNamespace()
{
    if (::unshare(CLONE_NEWNS) != 0)
    {
        const uid_t uid = ::geteuid();
        const gid_t gid = ::getegid();
        if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
        {
            return u"cannot make a mount namespace: %1"_s.arg(qt_error_string(errno));
        }
        const auto write = [](const char *path, const QByteArray &text)
        {
            QFile file(QString::fromLatin1(path));
            return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
        };
        if (!write("/proc/self/setgroups", "deny") ||
            !write("/proc/self/uid_map", "0 " + QByteArray::number(uid) + " 1") ||
            !write("/proc/self/gid_map", "0 " + QByteArray::number(gid) + " 1"))
        {
            return u"cannot map this user into a user namespace"_s;
        }
    }
    // Nothing mounted here may reach the rest of the system.
    if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
    {
        return u"cannot make the mounts private: %1"_s.arg(qt_error_string(errno));
    }
    return {};
}

// Mounts a tmpfs of that size on path; what went wrong, or nothing.
QString mountTmpfs(const QString &path, int kilobytes)
{
    const QByteArray options = "size=" + QByteArray::number(kilobytes) + "k";
    if (::mount("tmpfs", QFile::encodeName(path).constData(), "tmpfs", 0, options.constData()) != 0)
    {
        return u"cannot mount a tmpfs on %1: %2"_s.arg(path, qt_error_string(errno));
    }
    return {};
}

// Writes to path until the file system is full; the bytes written, or -1 when it never filled up.
qint64 fillUp(const QString &path)
{
    QFile filler(path);
    if (!filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
    {
        return -1;
    }
    const QByteArray block(4096, 'x');
    for (int i = 0; i < 100000; ++i)
    {
        if (filler.write(block) != block.size())
        {
            return filler.size();
        }
    }
    return -1;
}
} // namespace

// The autohost (AutohostService) under faults around it: a Tachyon server that keeps dying, engines that
// crash, flood or lie, and a machine out of disk space or ports. Real processes (the fake engine) and real
// sockets on loopback throughout.
class TestFaults : public QObject
{
    Q_OBJECT

public:
    explicit TestFaults(QString mountProblem)
        : m_mountProblem(std::move(mountProblem))
    {
    }

private:
    QString m_mountProblem; // why this process cannot mount file systems, if it cannot

private slots:
    void everyUpdateArrivesOnceAcrossFiftyServerRestarts()
    {
        constexpr int Restarts = 50;
        QElapsedTimer clock;
        clock.start();
        ServiceTestHost host(QStringLiteral(FAKE_ENGINE_PATH),
                             [](Config &config) { config.maxReconnectDelaySeconds = 0.2; });
        QVERIFY2(host.problem().isEmpty(), qPrintable(host.problem()));
        FakeTachyonServer &server = host.server();
        // Every update the autohost makes from here on must reach the server.
        qint64 lastSeen = host.service().updates()->now();
        const qint64 firstSince = lastSeen;

        // Two battles stream engine messages (updates) for the whole test.
        QList<QUuid> battles;
        for (int i = 0; i < 2; ++i)
        {
            battles.append(host.startBattle(u"stream,1000000,300"_s));
            QVERIFY(!battles.constLast().isNull());
        }

        int connection = host.connection();
        int survived = 0;
        for (int restart = 0; restart < Restarts; ++restart)
        {
            // Half of the time the server dies while updates flow live, the other half during the replay that
            // follows the reconnect.
            if (restart % 2 == 0)
            {
                const qsizetype before = updatesIn(server.received(connection)).size();
                QVERIFY(QTest::qWaitFor(
                    [&] { return updatesIn(server.received(connection)).size() >= before + 20; }, 10000));
            }
            server.stopListening();
            const QList<Json> seen = updatesIn(server.allReceived());
            if (!seen.isEmpty())
            {
                lastSeen = timeOf(seen.constLast());
            }
            // Back with a subscription from the last update it saw, as a server resuming its stream.
            server.setSubscribeSince(lastSeen);
            QTest::qWait(restart % 5 * 20);
            QVERIFY(server.restart());
            connection = server.waitForReadyAutohost(15000);
            QVERIFY2(connection >= 0, "the autohost did not come back");
            ++survived;
        }

        for (const QUuid &battle : battles)
        {
            // A generous wait: the server reads tens of thousands of replayed updates before the response,
            // and a loaded machine (the suite runs two tests at once) reads them slowly.
            const Json killed =
                server.waitForResponse(server.sendRequest(connection, u"autohost/kill"_s,
                                                          Json{{"battleId", toStdString(uuidText(battle))}}),
                                       60000);
            QVERIFY2(killed.is_object() && killed.value("status", "") == "success", dumpJson(killed).c_str());
        }
        QTRY_COMPARE_WITH_TIMEOUT(host.service().battles()->currentBattles(), 0, 20000);
        const auto expected = host.service().updates()->since(firstSince);
        QVERIFY(!expected.empty());
        QTRY_VERIFY_WITH_TIMEOUT(!updatesIn(server.received(connection)).isEmpty() &&
                                     timeOf(updatesIn(server.received(connection)).constLast()) ==
                                         expected.back().time,
                                 10000);

        const QList<Json> received = updatesIn(server.allReceived());
        qint64 previous = firstSince;
        qsizetype matched = 0;
        for (const Json &data : received)
        {
            QVERIFY2(timeOf(data) > previous,
                     qPrintable(u"update %1 is a duplicate or out of order"_s.arg(timeOf(data))));
            previous = timeOf(data);
            if (matched < qsizetype(expected.size()))
            {
                const UpdateBuffer::Entry &entry = expected[size_t(matched)];
                QCOMPARE(dumpJson(data), dumpJson(UpdateBuffer::eventData(entry)));
                ++matched;
            }
        }
        qInfo("%d server restarts survived; %lld updates delivered, %lld lost, %lld received twice; %.1f s",
              survived, qlonglong(matched), qlonglong(qsizetype(expected.size()) - matched),
              qlonglong(received.size() - matched), double(clock.elapsed()) / 1000);
        QCOMPARE(survived, Restarts);
        QCOMPARE(received.size(), qsizetype(expected.size()));
        // Both battles streamed and ended, the end included.
        for (const QUuid &battle : battles)
        {
            const std::string id = toStdString(uuidText(battle));
            QVERIFY(std::any_of(received.cbegin(), received.cend(),
                                [&](const Json &data) {
                                    return data.value("battleId", "") == id &&
                                           data.at("update").value("type", "") == "engine_quit";
                                }));
        }
    }

    void aFloodingEngineLeavesTheOtherBattlesServed()
    {
        ServiceTestHost host(QStringLiteral(FAKE_ENGINE_PATH));
        QVERIFY2(host.problem().isEmpty(), qPrintable(host.problem()));
        const QUuid calm = host.startBattle(u"join,0"_s);
        QVERIFY(!calm.isNull());
        QElapsedTimer clock;
        clock.start();
        // Five seconds of 100,000 datagrams per second, each a valid server message, i.e. an update.
        const QUuid flooding = host.startBattle(u"stream,500000,100000"_s);
        QVERIFY(!flooding.isNull());
        const auto floodOver = [&]
        {
            return host.engineLog(flooding).contains(u"[fake] streamed"_s);
        };
        int answeredDuringFlood = 0;
        while (!floodOver())
        {
            const Json response =
                host.request(u"autohost/sendMessage"_s,
                             {{"battleId", toStdString(uuidText(calm))}, {"message", "still there?"}}, 30000);
            QVERIFY2(response.is_object() && response.value("status", "") == "success",
                     dumpJson(response).c_str());
            answeredDuringFlood += !floodOver();
            QTest::qWait(20);
        }
        const double seconds = double(clock.elapsed()) / 1000;
        QVERIFY2(answeredDuringFlood >= 3,
                 qPrintable(u"%1 answers during the flood"_s.arg(answeredDuringFlood)));
        QTRY_VERIFY_WITH_TIMEOUT(host.engineLog(calm).contains(u"still there?"_s), 10000);

        // The flooding battle added its burst and its rate, no more; its engine is stopped like any other.
        qsizetype kept = 0;
        host.service().updates()->forEachSince(0, [&](const UpdateBuffer::Entry &entry)
                                               { kept += entry.battleId == flooding; });
        QVERIFY2(kept <=
                     BattleManager::UpdateBurst + host.service().config().maxBattleUpdatesPerSecond * seconds,
                 qPrintable(u"%1 updates kept in %2 s"_s.arg(kept).arg(seconds)));
        for (const QUuid &battle : {flooding, calm})
        {
            const Json killed =
                host.request(u"autohost/kill"_s, {{"battleId", toStdString(uuidText(battle))}});
            QCOMPARE(killed.value("status", ""), std::string("success"));
        }
        QTRY_COMPARE_WITH_TIMEOUT(host.service().battles()->currentBattles(), 0, 20000);
        qInfo("flood:%s; %d requests for the other battle answered during it; %lld updates of the flooding "
              "battle kept; %.1f s",
              qPrintable(host.engineLog(flooding).section(u"[fake] streamed"_s, 1).section(u'\n', 0, 0)),
              answeredDuringFlood, qlonglong(kept), seconds);
    }

    void anEngineKilledMidGameIsReportedAndFreesItsPorts()
    {
        ServiceTestHost host(QStringLiteral(FAKE_ENGINE_PATH));
        QVERIFY2(host.problem().isEmpty(), qPrintable(host.problem()));
        FakeTachyonServer &server = host.server();
        const QUuid survivor = host.startBattle(u"join,0"_s);
        const QUuid victim = host.startBattle(u"join,0|startplaying"_s);
        QVERIFY(!survivor.isNull() && !victim.isNull());
        Battle *victimBattle = host.service().battles()->find(victim).value();
        Battle *survivorBattle = host.service().battles()->find(survivor).value();
        const qint64 victimPid = victimBattle->pid();
        const qint64 survivorPid = survivorBattle->pid();
        const ScriptEndpoints ports = victimBattle->settings().endpoints;
        const auto updatesOf = [&](const QUuid &battle)
        {
            QList<Json> updates;
            for (const Json &data : updatesIn(server.received(host.connection())))
            {
                if (data.value("battleId", "") == toStdString(uuidText(battle)))
                {
                    updates.append(data.at("update"));
                }
            }
            return updates;
        };
        QTRY_VERIFY_WITH_TIMEOUT(updatesOf(victim).size() >= 4, 10000); // messages, joined, started

        QCOMPARE(::kill(pid_t(victimPid), SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!updatesOf(victim).isEmpty() &&
                                     updatesOf(victim).constLast().value("type", "") == "engine_crash",
                                 10000);
        const QString details = toQString(updatesOf(victim).constLast().value("details", ""));
        QVERIFY2(details.contains(u"signal 9 (SIGKILL)"_s), qPrintable(details));

        // Its slot and ports are free again, its process is gone.
        QTRY_COMPARE(host.service().battles()->currentBattles(), 1);
        QVERIFY(!host.service().battles()->find(victim).ok());
        QUdpSocket autohostPort;
        QVERIFY2(autohostPort.bind(QHostAddress::LocalHost, ports.autohostPort, QUdpSocket::DontShareAddress),
                 "the dead engine's autohost port is still held");
        autohostPort.close();
        QCOMPARE(::kill(pid_t(victimPid), 0), -1);

        // The other battle did not notice.
        QCOMPARE(survivorBattle->state(), Battle::State::Running);
        QCOMPARE(survivorBattle->pid(), survivorPid);
        const Json answer =
            host.request(u"autohost/sendMessage"_s,
                         {{"battleId", toStdString(uuidText(survivor))}, {"message", "still on"}});
        QCOMPARE(answer.value("status", ""), std::string("success"));
        QTRY_VERIFY_WITH_TIMEOUT(host.engineLog(survivor).contains(u"still on"_s), 10000);
        for (const Json &update : updatesOf(survivor))
        {
            QVERIFY(update.value("type", "") != "engine_crash" && update.value("type", "") != "engine_quit");
        }
        // The server was told about the freed slot.
        const auto currentBattles = [&]
        {
            int current = -1;
            for (const Json &message : server.received(host.connection()))
            {
                if (message.value("commandId", "") == "autohost/status")
                {
                    current = message.at("data").value("currentBattles", -1);
                }
            }
            return current;
        };
        QTRY_COMPARE(currentBattles(), 1);
    }

    void garbageFromTheEngineAndFromOtherPortsIsIgnored()
    {
        ServiceTestHost host(QStringLiteral(FAKE_ENGINE_PATH));
        QVERIFY2(host.problem().isEmpty(), qPrintable(host.problem()));
        MessageCapture capture;
        const QUuid id = host.startBattle(u"join,0|garbage|garbage|garbage|message,after the garbage"_s);
        QVERIFY(!id.isNull());
        Battle *battle = host.service().battles()->find(id).value();
        // Another program writes to the battle's autohost port: rubbish, and packets that would end or change
        // the battle if they were taken as the engine's.
        QUdpSocket stranger;
        QVERIFY(stranger.bind(QHostAddress::LocalHost, 0));
        const QList<QByteArray> lies = {QByteArray::fromHex("00"),     QByteArray::fromHex("01"),
                                        QByteArray::fromHex("0b0001"), QByteArray::fromHex("0e00"),
                                        QByteArray::fromHex("ff00ff"), QByteArray()};
        for (int i = 0; i < 1200; ++i)
        {
            stranger.writeDatagram(lies[i % lies.size()], QHostAddress::LocalHost,
                                   battle->settings().endpoints.autohostPort);
            if (i % 200 == 199)
            {
                QTest::qWait(20); // lets the autohost read, so that the kernel drops none
            }
        }
        const auto updateTypes = [&]
        {
            QList<std::string> types;
            for (const Json &data : updatesIn(host.server().received(host.connection())))
            {
                if (data.value("battleId", "") == toStdString(uuidText(id)))
                {
                    types.append(data.at("update").value("type", ""));
                }
            }
            return types;
        };
        // The engine's events after its garbage still came through.
        const auto heard = [&](const std::string &message)
        {
            const QList<Json> updates = updatesIn(host.server().received(host.connection()));
            return std::any_of(updates.cbegin(), updates.cend(),
                               [&](const Json &data)
                               { return data.at("update").value("message", "") == message; });
        };
        QTRY_VERIFY_WITH_TIMEOUT(heard("after the garbage"), 10000);
        const Json answer = host.request(u"autohost/sendMessage"_s, {{"battleId", toStdString(uuidText(id))},
                                                                     {"message", "are you there"}});
        QCOMPARE(answer.value("status", ""), std::string("success"));
        QTRY_VERIFY_WITH_TIMEOUT(host.engineLog(id).contains(u"are you there"_s), 10000);
        QCOMPARE(battle->state(), Battle::State::Running);
        // Only the engine's own events became updates: it joined one player and said its messages.
        const QList<std::string> types = updateTypes();
        QCOMPARE(types.count("player_joined"), 1);
        QCOMPARE(types.count("engine_message"), types.size() - 1);
        // Logged, but a few lines, not one per datagram.
        QStringList drops = capture.take();
        drops.removeIf([](const QString &line) { return !line.contains(u"dropped"_s); });
        QVERIFY2(!drops.isEmpty() && drops.size() <= 10, qPrintable(drops.join(u'\n')));
    }

    void aFullDiskFailsStartsClearlyUntilThereIsRoomAgain()
    {
        QVERIFY2(m_mountProblem.isEmpty(), qPrintable(m_mountProblem));
        QTemporaryDir disk;
        QVERIFY(disk.isValid());
        QVERIFY(QDir().mkpath(disk.filePath(u"mnt"_s)));
        const QString mountPoint = disk.filePath(u"mnt"_s);
        const QString problem = mountTmpfs(mountPoint, 256);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const auto unmount =
            qScopeGuard([&] { ::umount2(QFile::encodeName(mountPoint).constData(), MNT_DETACH); });
        ServiceTestHost host(QStringLiteral(FAKE_ENGINE_PATH),
                             [&](Config &config) { config.instancesDir = mountPoint + u"/instances"_s; });
        QVERIFY2(host.problem().isEmpty(), qPrintable(host.problem()));
        const QUuid running = host.startBattle();
        QVERIFY(!running.isNull());

        const QString filler = mountPoint + u"/filler"_s;
        QVERIFY2(fillUp(filler) > 0, "the tmpfs did not fill up");
        const QUuid refused = QUuid::createUuid();
        const Json failed = host.request(u"autohost/start"_s, ServiceTestHost::startData(refused));
        QCOMPARE(failed.value("status", ""), std::string("failed"));
        QCOMPARE(failed.value("reason", ""), std::string("internal_error"));
        const QString details = toQString(failed.value("details", ""));
        QVERIFY2(details.contains(u"No space left on device"_s) && details.contains(mountPoint),
                 qPrintable(details));
        QTRY_COMPARE(host.service().battles()->currentBattles(), 1);

        // The running battle carries on: its engine still takes commands and its events still arrive.
        const Json played =
            host.request(u"autohost/sendCommand"_s, {{"battleId", toStdString(uuidText(running))},
                                                     {"command", "fakeplay"},
                                                     {"arguments", {"message,still-running"}}});
        QCOMPARE(played.value("status", ""), std::string("success"));
        QVERIFY(!host.server()
                     .waitForMessage(
                         [](const Json &message) {
                             return isUpdate(message) &&
                                    message.at("data").at("update").value("message", "") == "still-running";
                         },
                         10000)
                     .is_null());

        // With room again, starts work again, the refused id included.
        QVERIFY(QFile::remove(filler));
        const Json retried = host.request(u"autohost/start"_s, ServiceTestHost::startData(refused));
        QCOMPARE(retried.value("status", ""), std::string("success"));
        QVERIFY(host.shutdown());
    }
};

int main(int argc, char *argv[])
{
    // Before QCoreApplication: a user namespace can only be entered while the process has a single thread.
    const QString mountProblem = enterPrivateMountNamespace();
    QCoreApplication app(argc, argv);
    TestFaults test(mountProblem);
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_faults.moc"
