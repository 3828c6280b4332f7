#include <QAbstractItemModelTester>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include "fakebattlehost.h"
#include "models/playerlistmodel.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

// PlayerListModel over real battles of a BattleManager running the fake engine.
class TestPlayerListModel : public QObject
{
    Q_OBJECT

private:
    using Tester = QAbstractItemModelTester;

    static PlayerSpec player(const QString &userId, const QString &name)
    {
        return PlayerSpec{userId, name, u"pw-"_s + name, {}, {}, {}};
    }

    // Ally team 0: a team of two players and a team of one AI; ally team 1: two teams of one player each;
    // one spectator. Teams are numbered across ally teams, the AI's team included.
    static StartRequest request()
    {
        StartRequest request = FakeBattleHost::request();
        TeamSpec pair;
        pair.players = {player(u"11"_s, u"Ann"_s), player(u"12"_s, u"Ben"_s)};
        BotSpec bot;
        bot.hostUserId = u"11"_s;
        bot.aiShortName = u"NullAI"_s;
        TeamSpec botTeam;
        botTeam.bots = {bot};
        AllyTeamSpec first;
        first.teams = {pair, botTeam};
        TeamSpec third;
        third.players = {player(u"13"_s, u"Cid"_s)};
        TeamSpec fourth;
        fourth.players = {player(u"14"_s, u"Dee"_s)};
        AllyTeamSpec second;
        second.teams = {third, fourth};
        request.allyTeams = {first, second};
        request.spectators = {player(u"15"_s, u"Eve"_s)};
        return request;
    }

    static QVariant value(const PlayerListModel &model, const QString &userId, const QString &role)
    {
        return model.get(model.indexOf(userId)).value(role);
    }

    static bool sendEvents(Battle *battle, const QStringList &events)
    {
        return battle->sendCommand(u"fakeplay"_s, events).ok();
    }

private slots:
    void initTestCase() { qRegisterMetaType<Json>("Json"); }

    void listsScriptPlayersAndSpectatorsWithTeams()
    {
        FakeBattleHost host(QStringLiteral(FAKE_ENGINE_PATH), 2);
        QVERIFY2(host.problem().isEmpty(), qPrintable(host.problem()));
        const StartRequest startRequest = request();
        QVERIFY(host.start(startRequest).ok());
        Battle *battle = host.battle(startRequest.battleId);
        PlayerListModel model(battle);
        Tester tester(&model, Tester::FailureReportingMode::Fatal);

        QCOMPARE(model.battleId(), uuidText(startRequest.battleId));
        QCOMPARE(model.count(), 5);
        QCOMPARE(model.joinedCount(), 0);
        struct Expected
        {
            QString userId;
            QString name;
            int team;
            int allyTeam;
            bool spectator;
        };
        const QList<Expected> expected = {{u"11"_s, u"Ann"_s, 0, 0, false},
                                          {u"12"_s, u"Ben"_s, 0, 0, false},
                                          {u"13"_s, u"Cid"_s, 2, 1, false},
                                          {u"14"_s, u"Dee"_s, 3, 1, false},
                                          {u"15"_s, u"Eve"_s, -1, -1, true}};
        for (int row = 0; row < int(expected.size()); ++row)
        {
            const QVariantMap values = model.get(row);
            QCOMPARE(values.size(), model.roleNames().size());
            const Expected &e = expected.at(row);
            QCOMPARE(values.value(u"userId"_s).toString(), e.userId);
            QCOMPARE(values.value(u"name"_s).toString(), e.name);
            QCOMPARE(values.value(u"playerNumber"_s).toInt(), row);
            QCOMPARE(values.value(u"team"_s).toInt(), e.team);
            QCOMPARE(values.value(u"allyTeam"_s).toInt(), e.allyTeam);
            QCOMPARE(values.value(u"spectator"_s).toBool(), e.spectator);
            QCOMPARE(values.value(u"playerState"_s).toString(), u"waiting"_s);
            QCOMPARE(values.value(u"leftReason"_s).toString(), QString());
            QCOMPARE(values.value(u"mutedChat"_s).toBool(), false);
            QCOMPARE(values.value(u"mutedDraw"_s).toBool(), false);
            QCOMPARE(values.value(u"password"_s).toString(), u"pw-"_s + e.name);
            QVERIFY(!values.value(u"joinedAt"_s).toDateTime().isValid());
        }
        QCOMPARE(model.indexOf(u"14"_s), 3);
        QCOMPARE(model.indexOf(u"99"_s), -1);
        QVERIFY(model.get(5).isEmpty());
    }

    void followsJoinsLeavesDefeatsAndActions()
    {
        FakeBattleHost host(QStringLiteral(FAKE_ENGINE_PATH), 2);
        QVERIFY2(host.problem().isEmpty(), qPrintable(host.problem()));
        const StartRequest startRequest = request();
        QVERIFY(host.start(startRequest).ok());
        Battle *battle = host.battle(startRequest.battleId);
        PlayerListModel model(battle);
        Tester tester(&model, Tester::FailureReportingMode::Fatal);
        QSignalSpy joinedCounts(&model, &PlayerListModel::joinedCountChanged);
        QSignalSpy counts(&model, &PlayerListModel::countChanged);

        QVERIFY(sendEvents(battle, {u"join,0"_s, u"join,1"_s, u"join,2"_s, u"join,4"_s}));
        QTRY_COMPARE_WITH_TIMEOUT(model.joinedCount(), 4, 5000);
        QCOMPARE(joinedCounts.count(), 4);
        for (const QString &userId : {u"11"_s, u"12"_s, u"13"_s, u"15"_s})
        {
            QCOMPARE(value(model, userId, u"playerState"_s).toString(), u"joined"_s);
            QVERIFY(value(model, userId, u"joinedAt"_s).toDateTime().isValid());
        }
        QCOMPARE(value(model, u"14"_s, u"playerState"_s).toString(), u"waiting"_s);

        // Leaves with each reason (the engine's numbers: 0 lost connection, 1 left), a defeat, and a kick.
        QVERIFY(sendEvents(battle, {u"left,1,0"_s, u"left,2,1"_s, u"defeated,0"_s}));
        QTRY_COMPARE_WITH_TIMEOUT(value(model, u"11"_s, u"playerState"_s).toString(), u"defeated"_s, 5000);
        QCOMPARE(value(model, u"12"_s, u"playerState"_s).toString(), u"left"_s);
        QCOMPARE(value(model, u"12"_s, u"leftReason"_s).toString(), u"lost_connection"_s);
        QCOMPARE(value(model, u"13"_s, u"playerState"_s).toString(), u"left"_s);
        QCOMPARE(value(model, u"13"_s, u"leftReason"_s).toString(), u"left"_s);
        // A defeated player watches on: a spectator now, still connected, still in its team.
        QCOMPARE(value(model, u"11"_s, u"spectator"_s).toBool(), true);
        QCOMPARE(value(model, u"11"_s, u"team"_s).toInt(), 0);
        QCOMPARE(model.joinedCount(), 2);
        QVERIFY(battle->kickPlayer(u"15"_s));
        QTRY_COMPARE_WITH_TIMEOUT(value(model, u"15"_s, u"leftReason"_s).toString(), u"kicked"_s, 5000);
        QCOMPARE(value(model, u"15"_s, u"playerState"_s).toString(), u"left"_s);
        QCOMPARE(model.joinedCount(), 1);
        // /spec comes back as a defeat too.
        QVERIFY(sendEvents(battle, {u"join,3"_s}));
        QTRY_COMPARE_WITH_TIMEOUT(value(model, u"14"_s, u"playerState"_s).toString(), u"joined"_s, 5000);
        QCOMPARE(value(model, u"14"_s, u"spectator"_s).toBool(), false);
        QVERIFY(battle->specPlayers({u"14"_s}));
        QTRY_COMPARE_WITH_TIMEOUT(value(model, u"14"_s, u"spectator"_s).toBool(), true, 5000);
        QCOMPARE(value(model, u"14"_s, u"playerState"_s).toString(), u"defeated"_s);
        // Coming back clears the leave reason.
        QVERIFY(sendEvents(battle, {u"join,1"_s}));
        QTRY_COMPARE_WITH_TIMEOUT(value(model, u"12"_s, u"playerState"_s).toString(), u"joined"_s, 5000);
        QCOMPARE(value(model, u"12"_s, u"leftReason"_s).toString(), QString());
        QCOMPARE(model.joinedCount(), 3);

        // Added users, by the server or the GUI, with their passwords.
        QCOMPARE(counts.count(), 0);
        QVERIFY(battle->addPlayer(u"16"_s, u"Fay"_s, u"pwF"_s));
        QCOMPARE(model.count(), 6);
        QCOMPARE(counts.count(), 1);
        const QVariantMap fay = model.get(5);
        QCOMPARE(fay.value(u"userId"_s).toString(), u"16"_s);
        QCOMPARE(fay.value(u"name"_s).toString(), u"Fay"_s);
        QCOMPARE(fay.value(u"playerNumber"_s).toInt(), 5);
        QCOMPARE(fay.value(u"team"_s).toInt(), -1);
        QCOMPARE(fay.value(u"allyTeam"_s).toInt(), -1);
        QCOMPARE(fay.value(u"spectator"_s).toBool(), true);
        QCOMPARE(fay.value(u"playerState"_s).toString(), u"waiting"_s);
        QCOMPARE(fay.value(u"password"_s).toString(), u"pwF"_s);
        QVERIFY(battle->addPlayer(u"16"_s, u"Fay"_s, u"pwF2"_s));
        QCOMPARE(model.count(), 6);
        QCOMPARE(value(model, u"16"_s, u"password"_s).toString(), u"pwF2"_s);
        QVERIFY(battle->addPlayer(u"13"_s, u"Cid"_s, u"newCid"_s));
        QCOMPARE(value(model, u"13"_s, u"password"_s).toString(), u"newCid"_s);
        QVERIFY(!battle->addPlayer(u"17"_s, u"ann"_s, u"x"_s)); // the name is taken
        QCOMPARE(model.count(), 6);
        QVERIFY(sendEvents(battle, {u"join,5"_s}));
        QTRY_COMPARE_WITH_TIMEOUT(value(model, u"16"_s, u"playerState"_s).toString(), u"joined"_s, 5000);

        // Mutes.
        QVERIFY(battle->mutePlayer(u"13"_s, true, false));
        QCOMPARE(value(model, u"13"_s, u"mutedChat"_s).toBool(), true);
        QCOMPARE(value(model, u"13"_s, u"mutedDraw"_s).toBool(), false);
        QVERIFY(battle->mutePlayer(u"13"_s, false, true));
        QCOMPARE(value(model, u"13"_s, u"mutedChat"_s).toBool(), false);
        QCOMPARE(value(model, u"13"_s, u"mutedDraw"_s).toBool(), true);
        QVERIFY(!battle->mutePlayer(u"99"_s, true, true));
    }

    void survivesTheBattle()
    {
        FakeBattleHost host(QStringLiteral(FAKE_ENGINE_PATH), 2);
        QVERIFY2(host.problem().isEmpty(), qPrintable(host.problem()));
        const StartRequest startRequest = request();
        QVERIFY(host.start(startRequest).ok());
        QPointer<Battle> battle = host.battle(startRequest.battleId);
        PlayerListModel model(battle);
        Tester tester(&model, Tester::FailureReportingMode::Fatal);
        QVERIFY(battle->addPlayer(u"16"_s, u"Fay"_s, u"pwF"_s));
        QVERIFY(battle->mutePlayer(u"12"_s, true, true));
        QVERIFY(sendEvents(battle, {u"join,0"_s, u"join,3"_s, u"left,3,2"_s}));
        QTRY_COMPARE_WITH_TIMEOUT(value(model, u"14"_s, u"playerState"_s).toString(), u"left"_s, 5000);
        QList<QVariantMap> before;
        for (int row = 0; row < model.count(); ++row)
        {
            before.append(model.get(row));
        }

        battle->killNow();
        QTRY_VERIFY_WITH_TIMEOUT(battle.isNull(), 10000);
        QCOMPARE(model.count(), 6);
        for (int row = 0; row < model.count(); ++row)
        {
            QCOMPARE(model.get(row), before.at(row));
        }
        QCOMPARE(value(model, u"11"_s, u"playerState"_s).toString(), u"joined"_s); // the last known state
        QCOMPARE(value(model, u"14"_s, u"leftReason"_s).toString(), u"kicked"_s);
        QCOMPARE(value(model, u"12"_s, u"mutedDraw"_s).toBool(), true);
        QCOMPARE(value(model, u"16"_s, u"password"_s).toString(), u"pwF"_s);
        QCOMPARE(model.joinedCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPlayerListModel)
#include "tst_playerlistmodel.moc"
