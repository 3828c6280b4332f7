#include <QDir>
#include <QFile>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "battles/battlemanager.h"
#include "engine/enginecatalog.h"
#include "models/battlefeeds.h"
#include "models/feedmodel.h"
#include "updates/updatebuffer.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
// The engine's own messages (connections, loading) vary; the tests look at the rest.
bool isEngineChatter(const FeedModel *feed, int row)
{
    return feed->index(row).data(FeedModel::TypeRole).toString() == u"engine_message"_s;
}

QStringList column(const FeedModel *feed, int role)
{
    QStringList values;
    for (int row = 0; row < feed->rowCount(); ++row)
    {
        if (!isEngineChatter(feed, row))
        {
            values.append(feed->index(row).data(role).toString());
        }
    }
    return values;
}

// "author: text" per line.
QStringList lines(const FeedModel *feed)
{
    QStringList all;
    for (int row = 0; row < feed->rowCount(); ++row)
    {
        if (!isEngineChatter(feed, row))
        {
            const QModelIndex index = feed->index(row);
            all.append(index.data(FeedModel::AuthorRole).toString() + u": "_s +
                       index.data(FeedModel::TextRole).toString());
        }
    }
    return all;
}
} // namespace

// Real battles: the battle manager runs the fake engine, whose script (the "fakescript" game option) plays
// what the feeds must show.
class TestBattleFeeds : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_base = 0;

    Config config() const
    {
        Config config;
        config.maxBattles = 3;
        config.engineBindIP = u"127.0.0.1"_s;
        config.enginesDir = m_dir.filePath(u"engines"_s);
        config.instancesDir = m_dir.filePath(u"instances"_s);
        config.engineStartPort = m_base;
        config.engineAutohostStartPort = m_base + 50;
        config.maxPortsUsed = 10;
        config.engineKillGraceSeconds = 2;
        return config;
    }

    static StartRequest request(const QString &fakescript)
    {
        StartRequest request;
        request.battleId = QUuid::createUuid();
        request.engineVersion = u"1.0"_s;
        request.gameName = u"MiniGame 1.0"_s;
        request.mapName = u"MiniMap"_s;
        AllyTeamSpec allyTeam;
        allyTeam.teams.append(TeamSpec{});
        allyTeam.teams[0].players.append(PlayerSpec{u"1"_s, u"Alice"_s, u"a"_s, {}, {}, {}});
        request.allyTeams = {allyTeam};
        request.gameOptions = {{u"fakescript"_s, fakescript}};
        return request;
    }

    static bool start(BattleManager &manager, const StartRequest &startRequest)
    {
        std::optional<bool> ok;
        manager.start(startRequest, [&ok](const auto &result) { ok = result.ok(); });
        return QTest::qWaitFor([&ok] { return ok.has_value(); }, 10000) && *ok;
    }

    // Runs a battle whose engine quits by itself, until the manager has removed it.
    static bool runToEnd(BattleManager &manager, const StartRequest &startRequest)
    {
        QSignalSpy removed(&manager, &BattleManager::battleRemoved);
        return start(manager, startRequest) &&
               QTest::qWaitFor([&removed] { return !removed.isEmpty(); }, 10000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(m_dir.filePath(u"engines/1.0"_s)));
        QVERIFY(
            QFile::link(QStringLiteral(FAKE_ENGINE_PATH), m_dir.filePath(u"engines/1.0/spring-dedicated"_s)));
        m_base = 52000 + int(QCoreApplication::applicationPid() % 40) * 100;
    }

    void feedFollowsItsBattleAndOutlivesIt()
    {
        EngineCatalog engines(config().enginesDir);
        engines.rescan();
        UpdateBuffer updates(600'000'000);
        BattleManager manager(config(), &engines, &updates);
        BattleFeeds feeds(&manager, &updates);
        QSignalSpy added(&feeds, &BattleFeeds::feedAdded);

        const StartRequest first = request(u"join,0|chat,0,254,hello all"_s);
        const StartRequest other = request(u"join,0|chat,0,254,other battle"_s);
        QVERIFY(start(manager, first));
        QVERIFY(start(manager, other));
        QCOMPARE(added.count(), 2);
        QCOMPARE(added.at(0).at(0).value<QUuid>(), first.battleId);
        QCOMPARE(added.at(1).at(0).value<QUuid>(), other.battleId);

        FeedModel *feed = feeds.feed(first.battleId);
        QVERIFY(feed);
        QCOMPARE(feed->battleId(), first.battleId);
        QCOMPARE(feeds.feedFor(uuidText(first.battleId)), feed);
        QCOMPARE(feeds.feedFor(first.battleId.toString()), feed);
        QCOMPARE(feeds.feedFor(u"not a battle"_s), nullptr);
        QCOMPARE(feeds.feed(QUuid::createUuid()), nullptr);
        QVERIFY(feeds.feed(other.battleId));
        QVERIFY(feeds.feed(other.battleId) != feed);

        QTRY_COMPARE_WITH_TIMEOUT(
            lines(feed), (QStringList{u"Alice: joined as player 0"_s, u"Alice: hello all"_s}), 10000);

        // A player added later is named through the live battle.
        Battle *battle = *manager.find(first.battleId);
        QVERIFY(battle->addPlayer(u"3"_s, u"Carol"_s, u"pw"_s));
        QVERIFY(battle->sendCommand(u"fakeplay"_s, {u"join,1"_s, u"chat,1,252,hi-team"_s}));
        QTRY_COMPARE_WITH_TIMEOUT(lines(feed).size(), 4, 10000);
        QCOMPARE(lines(feed).mid(2), (QStringList{u"Carol: joined as player 1"_s, u"Carol: hi-team"_s}));
        QCOMPARE(column(feed, FeedModel::DetailRole).at(3), u"to allies"_s);

        // The feed outlives the battle, and still names its players when the Battle object is gone.
        QPointer<Battle> watched = battle;
        QSignalSpy removed(&manager, &BattleManager::battleRemoved);
        battle->stop(u"test"_s);
        QVERIFY(removed.wait(15000));
        QCOMPARE(removed.at(0).at(0).value<QUuid>(), first.battleId);
        QTRY_VERIFY_WITH_TIMEOUT(watched.isNull(), 5000);
        QCOMPARE(feeds.feed(first.battleId), feed);
        QTRY_COMPARE_WITH_TIMEOUT(column(feed, FeedModel::TypeRole).constLast(), u"engine_quit"_s, 5000);
        updates.append(
            first.battleId,
            Json{{"type", "player_chat"}, {"userId", "3"}, {"message", "late line"}, {"destination", "all"}});
        feed->flush();
        QCOMPARE(lines(feed).constLast(), u"Carol: late line"_s);

        // Nothing of the other battle came in.
        QVERIFY(!column(feed, FeedModel::TextRole).contains(u"other battle"_s));
        QTRY_VERIFY_WITH_TIMEOUT(
            column(feeds.feed(other.battleId), FeedModel::TextRole).contains(u"other battle"_s), 10000);
        QVERIFY(!column(feeds.feed(other.battleId), FeedModel::TextRole).contains(u"hello all"_s));

        QSignalSpy ended(&manager, &BattleManager::allBattlesEnded);
        manager.stopAll(u"test"_s);
        QVERIFY(ended.wait(15000));
    }

    void keepsTheFeedsOfTheLastEndedBattles()
    {
        EngineCatalog engines(config().enginesDir);
        engines.rescan();
        UpdateBuffer updates(600'000'000);
        BattleManager manager(config(), &engines, &updates);
        BattleFeeds feeds(&manager, &updates);
        QCOMPARE(feeds.keptEndedBattles(), BattleFeeds::DefaultKeptEndedBattles);
        feeds.setKeptEndedBattles(2);
        QSignalSpy dropped(&feeds, &BattleFeeds::feedRemoved);

        QList<QUuid> ids;
        for (int i = 0; i < 2; ++i)
        {
            const StartRequest battle = request(u"join,0|quit"_s);
            ids.append(battle.battleId);
            QVERIFY(runToEnd(manager, battle));
        }
        QVERIFY(feeds.feed(ids[0]));
        QVERIFY(feeds.feed(ids[1]));
        QCOMPARE(dropped.count(), 0);

        const QPointer<FeedModel> oldest = feeds.feed(ids[0]);
        const StartRequest third = request(u"join,0|quit"_s);
        ids.append(third.battleId);
        QVERIFY(runToEnd(manager, third));
        QCOMPARE(dropped.count(), 1);
        QCOMPARE(dropped.at(0).at(0).value<QUuid>(), ids[0]);
        QCOMPARE(feeds.feed(ids[0]), nullptr);
        QCOMPARE(feeds.feedFor(uuidText(ids[0])), nullptr);
        QVERIFY(feeds.feed(ids[1]));
        QVERIFY(feeds.feed(ids[2]));
        QTRY_VERIFY(oldest.isNull());
        // What the kept feeds hold is their battle's whole story.
        FeedModel *kept = feeds.feed(ids[2]);
        QTRY_COMPARE_WITH_TIMEOUT(column(kept, FeedModel::TypeRole),
                                  (QStringList{u"player_joined"_s, u"engine_quit"_s}), 5000);

        // Running battles keep their feeds whatever the number.
        const StartRequest running = request(u"join,0"_s);
        QVERIFY(start(manager, running));
        feeds.setKeptEndedBattles(0);
        QCOMPARE(dropped.count(), 3);
        QCOMPARE(feeds.feed(ids[1]), nullptr);
        QCOMPARE(feeds.feed(ids[2]), nullptr);
        QVERIFY(feeds.feed(running.battleId));

        manager.killAllNow();
        QTRY_COMPARE_WITH_TIMEOUT(manager.currentBattles(), 0, 10000);
        QCOMPARE(dropped.count(), 4);
        QCOMPARE(feeds.feed(running.battleId), nullptr);
    }

    void battlesRunningBeforehandGetFeeds()
    {
        EngineCatalog engines(config().enginesDir);
        engines.rescan();
        UpdateBuffer updates(600'000'000);
        BattleManager manager(config(), &engines, &updates);
        const StartRequest running = request(u"join,0"_s);
        QVERIFY(start(manager, running));
        const auto joinedYet = [&updates]
        {
            const auto all = updates.since(0);
            return std::any_of(all.begin(), all.end(),
                               [](const UpdateBuffer::Entry &entry)
                               { return entry.update.value("type", "") == "player_joined"; });
        };
        QTRY_VERIFY_WITH_TIMEOUT(joinedYet(), 10000);

        BattleFeeds feeds(&manager, &updates);
        FeedModel *feed = feeds.feed(running.battleId);
        QVERIFY(feed);
        QCOMPARE(lines(feed), QStringList{u"Alice: joined as player 0"_s});

        manager.killAllNow();
        QTRY_COMPARE_WITH_TIMEOUT(manager.currentBattles(), 0, 10000);
    }
};

QTEST_GUILESS_MAIN(TestBattleFeeds)
#include "tst_battlefeeds.moc"
