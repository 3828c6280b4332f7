#include <QAbstractItemModelTester>
#include <QLoggingCategory>
#include <QPointer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include "fakebattlehost.h"
#include "models/battlelistmodel.h"
#include "models/playerlistmodel.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

// BattleListModel over a real BattleManager whose battles run the fake engine.
class TestBattleListModel : public QObject
{
    Q_OBJECT

private:
    using Tester = QAbstractItemModelTester;

    static QVariant value(const BattleListModel &model, const QUuid &id, const QString &role)
    {
        return model.get(model.indexOf(uuidText(id))).value(role);
    }

private slots:
    void initTestCase() { qRegisterMetaType<Json>("Json"); }

    void rowsFollowABattle()
    {
        FakeBattleHost host(QStringLiteral(FAKE_ENGINE_PATH), 4);
        QVERIFY2(host.problem().isEmpty(), qPrintable(host.problem()));
        BattleListModel model(&host.manager());
        Tester tester(&model, Tester::FailureReportingMode::Fatal);
        model.setRefreshInterval(3600 * 1000); // refreshed by hand below
        QSignalSpy counts(&model, &BattleListModel::countChanged);
        QSignalSpy activeCounts(&model, &BattleListModel::activeCountChanged);

        // Every state the row shows, in order: at insertion, then each dataChanged of the state role.
        QStringList states;
        connect(&model, &QAbstractItemModel::rowsInserted, this,
                [&](const QModelIndex &, int first)
                { states.append(model.data(model.index(first), BattleListModel::StateRole).toString()); });
        connect(&model, &QAbstractItemModel::dataChanged, this,
                [&](const QModelIndex &topLeft, const QModelIndex &, const QList<int> &roles)
                {
                    if (roles.contains(BattleListModel::StateRole))
                    {
                        states.append(model.data(topLeft, BattleListModel::StateRole).toString());
                    }
                });

        const StartRequest request = FakeBattleHost::request({2, 1}, 1);
        const FakeBattleHost::Outcome started = host.start(request);
        QVERIFY(started.ok());
        QCOMPARE(states, (QStringList{u"starting"_s, u"running"_s}));
        QCOMPARE(model.count(), 1);
        QCOMPARE(model.activeCount(), 1);
        QVERIFY(counts.count() >= 1);
        QVERIFY(activeCounts.count() >= 1);

        Battle *battle = host.battle(request.battleId);
        QVERIFY(battle);
        const QPointer<Battle> guard(battle);
        const QString id = uuidText(request.battleId);
        QCOMPARE(model.indexOf(id), 0);
        QCOMPARE(model.indexOf(request.battleId.toString()), 0); // with braces
        QCOMPARE(model.indexOf(u"no such battle"_s), -1);
        QVERIFY(model.get(1).isEmpty());
        QVERIFY(model.get(-1).isEmpty());
        const QVariantMap row = model.get(0);
        QCOMPARE(row.size(), model.roleNames().size());
        QCOMPARE(row.value(u"battleId"_s).toString(), id);
        QCOMPARE(row.value(u"engineVersion"_s).toString(), u"1.0"_s);
        QCOMPARE(row.value(u"gameName"_s).toString(), u"MiniGame 1.0"_s);
        QCOMPARE(row.value(u"mapName"_s).toString(), u"MiniMap"_s);
        QCOMPARE(row.value(u"battleState"_s).toString(), u"running"_s);
        QCOMPARE(row.value(u"port"_s).toInt(), int(started->port));
        QCOMPARE(row.value(u"pid"_s).toLongLong(), battle->pid());
        QVERIFY(battle->pid() > 0);
        QCOMPARE(row.value(u"playersTotal"_s).toInt(), 4);
        QCOMPARE(row.value(u"playersJoined"_s).toInt(), 0);
        QCOMPARE(row.value(u"startedAt"_s).toDateTime(), battle->startedAt());
        QCOMPARE(row.value(u"instanceDir"_s).toString(), battle->settings().instanceDir);
        QCOMPARE(row.value(u"engineLogPath"_s).toString(), battle->settings().instanceDir + u"/engine.log"_s);
        QCOMPARE(row.value(u"endDetails"_s).toString(), QString());
        QCOMPARE(row.value(u"active"_s).toBool(), true);
        QCOMPARE(row.value(u"cpuPercent"_s).toDouble(), -1.0);
        QCOMPARE(row.value(u"memoryBytes"_s).toLongLong(), qint64(-1));

        // Joins and leaves of players and spectators, from the engine.
        QVERIFY(battle->sendCommand(u"fakeplay"_s, {u"join,0"_s, u"join,1"_s, u"join,3"_s}));
        QTRY_COMPARE_WITH_TIMEOUT(value(model, request.battleId, u"playersJoined"_s).toInt(), 3, 5000);
        QVERIFY(battle->sendCommand(u"fakeplay"_s, {u"left,1,1"_s}));
        QTRY_COMPARE_WITH_TIMEOUT(value(model, request.battleId, u"playersJoined"_s).toInt(), 2, 5000);
        QVERIFY(battle->addPlayer(u"77"_s, u"Late"_s, u"pwL"_s));
        QCOMPARE(value(model, request.battleId, u"playersTotal"_s).toInt(), 5);
        QVERIFY(battle->sendCommand(u"fakeplay"_s, {u"join,4"_s}));
        QTRY_COMPARE_WITH_TIMEOUT(value(model, request.battleId, u"playersJoined"_s).toInt(), 3, 5000);
        // The row's player list followed the battle from its start.
        PlayerListModel *players = model.players(id);
        QVERIFY(players);
        QCOMPARE(players->count(), 5);
        QCOMPARE(players->joinedCount(), 3);
        QCOMPARE(model.players(u"nope"_s), nullptr);

        // A graceful stop: stopping, then ended, and the row stays with its uptime frozen.
        battle->stop(u"test"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model.activeCount(), 0, 15000);
        QCOMPARE(states, (QStringList{u"starting"_s, u"running"_s, u"stopping"_s, u"ended"_s}));
        QCOMPARE(model.count(), 1);
        const QVariantMap ended = model.get(0);
        QCOMPARE(ended.value(u"active"_s).toBool(), false);
        QVERIFY2(ended.value(u"endDetails"_s).toString().contains(u"stopped: test"_s),
                 qPrintable(ended.value(u"endDetails"_s).toString()));
        QVERIFY(ended.value(u"pid"_s).toLongLong() > 0); // the last pid stays for the record
        QCOMPARE(ended.value(u"cpuPercent"_s).toDouble(), -1.0);
        QCOMPARE(ended.value(u"memoryBytes"_s).toLongLong(), qint64(-1));
        QCOMPARE(ended.value(u"playersJoined"_s).toInt(), 3); // as last known

        // The Battle object goes away; the row and its players stay.
        QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), 5000);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        QTest::qWait(1100);
        model.refresh();
        QCOMPARE(changes.count(), 0);
        QCOMPARE(model.get(0), ended);
        QCOMPARE(model.players(id), players);
        QCOMPARE(players->count(), 5);
    }

    void endStatesOfCrashesAndFailedStarts()
    {
        FakeBattleHost host(QStringLiteral(FAKE_ENGINE_PATH), 4);
        QVERIFY2(host.problem().isEmpty(), qPrintable(host.problem()));
        BattleListModel model(&host.manager());
        Tester tester(&model, Tester::FailureReportingMode::Fatal);

        const StartRequest crashing =
            FakeBattleHost::request({1}, 0, {{u"fakeafterstart"_s, u"crash:200"_s}});
        QVERIFY(host.start(crashing).ok());
        const StartRequest failing = FakeBattleHost::request({1}, 0, {{u"fakestartup"_s, u"crash"_s}});
        QVERIFY(!host.start(failing).ok());
        const StartRequest killed = FakeBattleHost::request({1});
        QVERIFY(host.start(killed).ok());
        host.battle(killed.battleId)->killNow();
        QTRY_COMPARE_WITH_TIMEOUT(model.activeCount(), 0, 15000);
        QCOMPARE(model.count(), 3);

        QCOMPARE(value(model, crashing.battleId, u"battleState"_s).toString(), u"crashed"_s);
        QVERIFY(value(model, crashing.battleId, u"endDetails"_s).toString().contains(u"exit code 3"_s));
        QCOMPARE(value(model, failing.battleId, u"battleState"_s).toString(), u"failed"_s);
        QVERIFY(value(model, failing.battleId, u"endDetails"_s)
                    .toString()
                    .contains(u"before it reported SERVER_STARTED"_s));
        QCOMPARE(value(model, killed.battleId, u"battleState"_s).toString(), u"ended"_s);
        QVERIFY2(value(model, killed.battleId, u"endDetails"_s).toString().contains(u"SIGKILL"_s),
                 qPrintable(value(model, killed.battleId, u"endDetails"_s).toString()));
        // Insertion order.
        QCOMPARE(model.indexOf(uuidText(crashing.battleId)), 0);
        QCOMPARE(model.indexOf(uuidText(failing.battleId)), 1);
        QCOMPARE(model.indexOf(uuidText(killed.battleId)), 2);
    }

    void uptimeIsFrozenAtTheEnd()
    {
        FakeBattleHost host(QStringLiteral(FAKE_ENGINE_PATH), 4);
        QVERIFY2(host.problem().isEmpty(), qPrintable(host.problem()));
        BattleListModel model(&host.manager());
        Tester tester(&model, Tester::FailureReportingMode::Fatal);
        model.setRefreshInterval(50);
        const StartRequest request = FakeBattleHost::request({1});
        QVERIFY(host.start(request).ok());
        QTRY_VERIFY_WITH_TIMEOUT(value(model, request.battleId, u"uptimeSeconds"_s).toLongLong() >= 2, 10000);
        Battle *battle = host.battle(request.battleId);
        battle->stop(u"test"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model.activeCount(), 0, 15000);
        const qint64 frozen = value(model, request.battleId, u"uptimeSeconds"_s).toLongLong();
        QVERIFY(frozen >= 2);
        QTest::qWait(1500); // the timer keeps running
        QCOMPARE(value(model, request.battleId, u"uptimeSeconds"_s).toLongLong(), frozen);
    }

    void theTimerRefreshesUsageWithOneChangePerTick()
    {
        FakeBattleHost host(QStringLiteral(FAKE_ENGINE_PATH), 4);
        QVERIFY2(host.problem().isEmpty(), qPrintable(host.problem()));
        BattleListModel model(&host.manager());
        Tester tester(&model, Tester::FailureReportingMode::Fatal);
        QCOMPARE(model.refreshInterval(), 2000);
        QSignalSpy intervals(&model, &BattleListModel::refreshIntervalChanged);
        model.setRefreshInterval(3600 * 1000);
        QCOMPARE(intervals.count(), 1);

        const StartRequest first = FakeBattleHost::request({1});
        const StartRequest ended = FakeBattleHost::request({1});
        const StartRequest second = FakeBattleHost::request({1});
        QVERIFY(host.start(first).ok());
        QVERIFY(host.start(ended).ok());
        QVERIFY(host.start(second).ok());
        host.battle(ended.battleId)->killNow();
        QTRY_COMPARE_WITH_TIMEOUT(model.activeCount(), 2, 10000);

        // One dataChanged over the rows that changed, naming exactly the roles whose values changed.
        const QList<int> usageRoles = {BattleListModel::UptimeSecondsRole, BattleListModel::PidRole,
                                       BattleListModel::CpuPercentRole, BattleListModel::MemoryBytesRole};
        for (int tick = 0; tick < 3; ++tick)
        {
            QList<QVariantMap> before;
            for (int row = 0; row < model.count(); ++row)
            {
                before.append(model.get(row));
            }
            QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
            model.refresh();
            // At most one; on the first tick memory at least changes from unknown.
            QVERIFY(changes.count() <= 1);
            QVERIFY(tick > 0 || changes.count() == 1);
            const QModelIndex topLeft =
                changes.isEmpty() ? QModelIndex() : changes.at(0).at(0).value<QModelIndex>();
            const QModelIndex bottomRight =
                changes.isEmpty() ? QModelIndex() : changes.at(0).at(1).value<QModelIndex>();
            const QList<int> roles =
                changes.isEmpty() ? QList<int>() : changes.at(0).at(2).value<QList<int>>();
            for (const int role : usageRoles)
            {
                const QString name = QString::fromLatin1(model.roleNames().value(role));
                bool differs = false;
                for (int row = 0; row < model.count(); ++row)
                {
                    const bool rowDiffers = model.get(row).value(name) != before.at(row).value(name);
                    QVERIFY2(!rowDiffers || (row >= topLeft.row() && row <= bottomRight.row()),
                             qPrintable(name));
                    differs = differs || rowDiffers;
                }
                QVERIFY2(roles.contains(role) == differs, qPrintable(name));
            }
            for (const int role : roles)
            {
                QVERIFY(usageRoles.contains(role));
            }
            // The ended row never changes.
            QCOMPARE(model.get(1), before.at(1));
            if (tick == 0)
            {
                QCOMPARE(topLeft.row(), 0);
                QCOMPARE(bottomRight.row(), 2);
                QVERIFY(roles.contains(BattleListModel::MemoryBytesRole));
            }
            QTest::qWait(30);
        }

        // On its own timer: CPU and memory of the live engines.
        model.setRefreshInterval(100);
        for (const QUuid &id : {first.battleId, second.battleId})
        {
            QTRY_VERIFY_WITH_TIMEOUT(value(model, id, u"cpuPercent"_s).toDouble() >= 0, 5000);
            QVERIFY(value(model, id, u"memoryBytes"_s).toLongLong() > 0);
            QCOMPARE(value(model, id, u"pid"_s).toLongLong(), host.battle(id)->pid());
        }
        QCOMPARE(value(model, ended.battleId, u"cpuPercent"_s).toDouble(), -1.0);
        QCOMPARE(value(model, ended.battleId, u"memoryBytes"_s).toLongLong(), qint64(-1));
    }

    void keepsTheLastFiftyEndedBattles()
    {
        FakeBattleHost host(QStringLiteral(FAKE_ENGINE_PATH), 4);
        QVERIFY2(host.problem().isEmpty(), qPrintable(host.problem()));
        BattleListModel model(&host.manager());
        Tester tester(&model, Tester::FailureReportingMode::Fatal);

        const StartRequest running = FakeBattleHost::request({1});
        QVERIFY(host.start(running).ok());
        QList<QUuid> ended;
        QPointer<PlayerListModel> firstPlayers;
        // 51 expected start failures would fill the output.
        QLoggingCategory::setFilterRules(u"autohost.battle.warning=false"_s);
        const auto restoreLogging = qScopeGuard([] { QLoggingCategory::setFilterRules(QString()); });
        for (int i = 0; i <= BattleListModel::MaxEndedRows; ++i)
        {
            // Engines that crash at once: the quickest way to an ended battle.
            const StartRequest request = FakeBattleHost::request({1}, 0, {{u"fakestartup"_s, u"crash"_s}});
            QVERIFY(!host.start(request).ok());
            QTRY_COMPARE_WITH_TIMEOUT(model.activeCount(), 1, 10000);
            ended.append(request.battleId);
            if (i == 0)
            {
                firstPlayers = model.players(uuidText(request.battleId));
                QVERIFY(firstPlayers);
            }
            QCOMPARE(model.count(), 1 + std::min(i + 1, int(BattleListModel::MaxEndedRows)));
        }
        QCOMPARE(model.count(), 1 + BattleListModel::MaxEndedRows);
        QCOMPARE(model.indexOf(uuidText(ended.constFirst())), -1);
        for (qsizetype i = 1; i < ended.size(); ++i)
        {
            QCOMPARE(model.indexOf(uuidText(ended.at(i))), int(i)); // insertion order, the running row first
        }
        QCOMPARE(model.indexOf(uuidText(running.battleId)), 0);
        QCOMPARE(value(model, running.battleId, u"active"_s).toBool(), true);
        // The dropped row's player list goes with it.
        QTRY_VERIFY_WITH_TIMEOUT(firstPlayers.isNull(), 5000);
    }

    void showsBattlesThatRanBeforeIt()
    {
        auto host = std::make_unique<FakeBattleHost>(QStringLiteral(FAKE_ENGINE_PATH), 4);
        QVERIFY2(host->problem().isEmpty(), qPrintable(host->problem()));
        const StartRequest request = FakeBattleHost::request({1, 1});
        QVERIFY(host->start(request).ok());
        BattleListModel model(&host->manager());
        Tester tester(&model, Tester::FailureReportingMode::Fatal);
        QCOMPARE(model.count(), 1);
        QCOMPARE(value(model, request.battleId, u"battleState"_s).toString(), u"running"_s);
        QCOMPARE(value(model, request.battleId, u"playersTotal"_s).toInt(), 2);

        // The manager and its battles are destroyed without battleRemoved: the row ends with what it knew.
        host.reset();
        QCOMPARE(model.activeCount(), 0);
        QCOMPARE(model.count(), 1);
        QCOMPARE(value(model, request.battleId, u"battleState"_s).toString(), u"ended"_s);
        QCOMPARE(value(model, request.battleId, u"active"_s).toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TestBattleListModel)
#include "tst_battlelistmodel.moc"
