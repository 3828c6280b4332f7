#include <QFile>
#include <QTest>

#include "battles/battlerequests.h"
#include "fakebattlehost.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

// The battle-scoped requests on real battles of the fake engine: each reaches the engine as its command, and
// each failure says why, naming the field.
class TestBattleRequests : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeBattleHost> m_host;

    // A running battle: P1 (userId "1") against P2 ("2"), P3 ("3") watching, all connected.
    Battle *startBattle()
    {
        const StartRequest request =
            FakeBattleHost::request({1, 1}, 1, {{u"fakescript"_s, u"join,0|join,1|join,2"_s}});
        if (!m_host->start(request).ok())
        {
            return nullptr;
        }
        return m_host->battle(request.battleId);
    }

    static QString engineLog(const Battle *battle)
    {
        QFile file(battle->engineLogPath());
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    static Json data(const Battle *battle, Json members = Json::object())
    {
        members["battleId"] = toStdString(uuidText(battle->id()));
        return members;
    }

    BattleRequests::Outcome apply(const QString &command, const std::optional<Json> &data)
    {
        return BattleRequests::apply(m_host->manager(), command, data, u"test kill"_s);
    }

private slots:
    void init()
    {
        m_host = std::make_unique<FakeBattleHost>(QStringLiteral(FAKE_ENGINE_PATH), 2);
        QVERIFY2(m_host->problem().isEmpty(), qPrintable(m_host->problem()));
    }

    void cleanup()
    {
        m_host->manager().killAllNow();
        QTRY_COMPARE_WITH_TIMEOUT(m_host->manager().currentBattles(), 0, 10000);
        m_host.reset();
    }

    void everyRequestReachesTheEngine()
    {
        Battle *battle = startBattle();
        QVERIFY(battle);
        QTRY_VERIFY(engineLog(battle).contains(u"[fake] pid"_s));
        const QList<QPair<QString, Json>> requests = {
            {u"autohost/addPlayer"_s, {{"userId", "9"}, {"name", "Dave"}, {"password", "pwD"}}},
            {u"autohost/kickPlayer"_s, {{"userId", "2"}}},
            {u"autohost/mutePlayer"_s, {{"userId", "1"}, {"chat", true}, {"draw", false}}},
            {u"autohost/specPlayers"_s, {{"userIds", {"1", "3"}}}},
            {u"autohost/sendMessage"_s, {{"message", "gl hf"}}},
            {u"autohost/sendCommand"_s, {{"command", "luarules"}, {"arguments", {"ping", "all of you"}}}},
        };
        for (const auto &[command, members] : requests)
        {
            QVERIFY(BattleRequests::handles(command));
            const auto done = apply(command, data(battle, members));
            QVERIFY2(done.ok(), qPrintable(command + u": "_s + (done ? QString() : done.error().details)));
        }
        for (const QString &line :
             {u"[fake] received: /adduser Dave pwD 1"_s, u"[fake] received: /kickbynum 1"_s,
              u"[fake] received: /mutebynum 0 1 0"_s, u"[fake] received: /specbynum 0"_s,
              u"[fake] received: /specbynum 2"_s, u"[fake] host chat: gl hf"_s,
              u"[fake] received: /luarules ping all of you"_s})
        {
            QTRY_VERIFY2(engineLog(battle).contains(line), qPrintable(line));
        }
        QCOMPARE(battle->password(u"9"_s), u"pwD"_s);

        QVERIFY(apply(u"autohost/kill"_s, data(battle)).ok());
        QCOMPARE(battle->state(), Battle::State::Stopping);
        QTRY_VERIFY(engineLog(battle).contains(u"[fake] received: /kill"_s));
    }

    void failuresNameTheField_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("members"); // JSON, besides the running battle's id
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("details");
        QTest::newRow("unknown user") << u"autohost/kickPlayer"_s << uR"({"userId":"77"})"_s
                                      << u"invalid_request"_s << u"data.userId: user 77 is not in battle"_s;
        QTest::newRow("one unknown user of several")
            << u"autohost/specPlayers"_s << uR"({"userIds":["1","77"]})"_s << u"invalid_request"_s
            << u"data.userIds[1]: user 77 is not in battle"_s;
        QTest::newRow("mute without draw") << u"autohost/mutePlayer"_s << uR"({"userId":"1","chat":true})"_s
                                           << u"invalid_request"_s << u"data.draw: is required"_s;
        QTest::newRow("message too long")
            << u"autohost/sendMessage"_s << uR"({"message":"%1"})"_s.arg(QString(128, u'x'))
            << u"invalid_request"_s << u"data.message: must not be longer than 127 characters"_s;
        QTest::newRow("adduser as a command")
            << u"autohost/sendCommand"_s << uR"({"command":"adduser"})"_s << u"invalid_request"_s
            << u"data.command: must not be adduser"_s;
        QTest::newRow("name taken") << u"autohost/addPlayer"_s
                                    << uR"({"userId":"9","name":"p1","password":"x"})"_s
                                    << u"invalid_request"_s
                                    << u"data.name: \"p1\" is already used by user 1"_s;
        QTest::newRow("name with a space")
            << u"autohost/addPlayer"_s << uR"({"userId":"9","name":"Da ve","password":"x"})"_s
            << u"invalid_request"_s << u"data.name: "_s;
        QTest::newRow("not a battle request") << u"autohost/start"_s << u"{}"_s << u"command_unimplemented"_s
                                              << u"autohost/start is not a request on a battle"_s;
    }

    void failuresNameTheField()
    {
        QFETCH(QString, command);
        QFETCH(QString, members);
        QFETCH(QString, reason);
        QFETCH(QString, details);
        Battle *battle = startBattle();
        QVERIFY(battle);
        QTRY_VERIFY(engineLog(battle).contains(u"[fake] pid"_s));
        const QString before = engineLog(battle);
        const auto done = apply(command, data(battle, Json::parse(members.toStdString())));
        QVERIFY(!done.ok());
        QCOMPARE(done.error().reason, reason);
        QVERIFY2(done.error().details.startsWith(details), qPrintable(done.error().details));
        // Nothing reached the engine: a message sent now is the next thing it receives.
        QVERIFY(apply(u"autohost/sendMessage"_s, data(battle, {{"message", "marker"}})).ok());
        QTRY_VERIFY(engineLog(battle).contains(u"[fake] host chat: marker"_s));
        QCOMPARE(engineLog(battle).mid(before.size()).count(u"[fake] received:"_s), 1);
    }

    void battlesAreFoundOrNotFound()
    {
        const QString unknown = uuidText(QUuid::createUuid());
        const auto missing = apply(u"autohost/kill"_s, Json{{"battleId", toStdString(unknown)}});
        QCOMPARE(missing.error().reason, BattleRequests::BattleNotFound);
        QCOMPARE(missing.error().details, u"data.battleId: battle %1 does not exist"_s.arg(unknown));
        const auto notUuid = apply(u"autohost/kickPlayer"_s, Json{{"battleId", "nope"}, {"userId", "1"}});
        QCOMPARE(notUuid.error().reason, u"invalid_request"_s);
        QCOMPARE(notUuid.error().details, u"data.battleId: must be a UUID"_s);
        const auto noData = apply(u"autohost/kill"_s, std::nullopt);
        QCOMPARE(noData.error().details, u"data: is required"_s);
        const auto notObject = apply(u"autohost/kill"_s, Json::array());
        QCOMPARE(notObject.error().details, u"data: must be an object"_s);
    }

    void generatedPlayersGetFreeIdsAndPasswords()
    {
        Battle *battle = startBattle();
        QVERIFY(battle);
        int passwords = 0;
        const auto nextPassword = [&passwords]
        {
            return u"secret%1"_s.arg(++passwords);
        };
        const auto dave = BattleRequests::addGeneratedPlayer(m_host->manager(),
                                                             data(battle, {{"name", "Dave"}}), nextPassword);
        QVERIFY(dave.ok());
        QCOMPARE(dave->userId, u"desktop-1"_s);
        QCOMPARE(dave->password, u"secret1"_s);
        const auto erin = BattleRequests::addGeneratedPlayer(m_host->manager(),
                                                             data(battle, {{"name", "Erin"}}), nextPassword);
        QCOMPARE(erin->userId, u"desktop-2"_s);
        QCOMPARE(battle->players().byUserId(u"desktop-2"_s)->name, u"Erin"_s);
        QTRY_VERIFY(engineLog(battle).contains(u"[fake] received: /adduser Erin secret2 1"_s));

        // Whatever the data says, the id and password are generated.
        const auto given = BattleRequests::addGeneratedPlayer(
            m_host->manager(), data(battle, {{"name", "Finn"}, {"userId", "1"}, {"password", "mine"}}),
            nextPassword);
        QCOMPARE(given->userId, u"desktop-3"_s);
        QCOMPARE(given->password, u"secret3"_s);

        const auto badName =
            BattleRequests::addGeneratedPlayer(m_host->manager(), data(battle, {{"name", 5}}), nextPassword);
        QCOMPARE(badName.error().details, u"data.name: must be a string"_s);
        const auto unknown = BattleRequests::addGeneratedPlayer(
            m_host->manager(),
            Json{{"battleId", toStdString(uuidText(QUuid::createUuid()))}, {"name", "Gus"}}, nextPassword);
        QCOMPARE(unknown.error().reason, BattleRequests::BattleNotFound);
        const auto noData = BattleRequests::addGeneratedPlayer(m_host->manager(), std::nullopt, nextPassword);
        QCOMPARE(noData.error().details, u"data: is required"_s);
    }
};

QTEST_GUILESS_MAIN(TestBattleRequests)
#include "tst_battlerequests.moc"
