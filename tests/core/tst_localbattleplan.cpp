#include <QHostAddress>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include "local/localbattleplan.h"
#include "protocol/startscriptwriter.h"

using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(LocalBattlePlan)

// A local battle plan becomes an autohost/start request through the server's own decoder: its rules, its
// field names mapped to the form's, and generated ids and passwords.
class TestLocalBattlePlan : public QObject
{
    Q_OBJECT

private:
    static LocalBattlePlan validPlan()
    {
        LocalBattlePlan plan;
        plan.engineVersion = u"105.1.1-2590-gb9462a0 BAR105"_s;
        plan.gameName = u"MiniGame 1.0"_s;
        plan.mapName = u"MiniMap"_s;
        plan.allyTeams = {{u"Alice"_s}, {u"Bob"_s, u"Carol"_s}};
        plan.spectators = {u"Dave"_s};
        return plan;
    }

    // Passwords "pw1", "pw2", … in the order they are asked for.
    static LocalBattlePlan::PasswordSource countingPasswords()
    {
        auto count = std::make_shared<int>(0);
        return [count]
        {
            return u"pw%1"_s.arg(++*count);
        };
    }

private slots:
    void requestHasEveryPlayerAsATeamOfTheirOwn()
    {
        const auto request = validPlan().toStartRequest(countingPasswords());
        QVERIFY2(request.ok(), qPrintable(request.ok() ? QString() : request.error().message));
        QVERIFY(!request->battleId.isNull());
        QCOMPARE(request->engineVersion, u"105.1.1-2590-gb9462a0 BAR105"_s);
        QCOMPARE(request->gameName, u"MiniGame 1.0"_s);
        QCOMPARE(request->mapName, u"MiniMap"_s);
        QCOMPARE(request->startPosType, StartPosType::Ingame);
        QCOMPARE(request->allyTeams.size(), 2);
        QCOMPARE(request->allyTeams[0].teams.size(), 1);
        QCOMPARE(request->allyTeams[1].teams.size(), 2);
        const PlayerSpec &carol = request->allyTeams[1].teams[1].players.at(0);
        QCOMPARE(request->allyTeams[1].teams[1].players.size(), 1);
        QCOMPARE(carol.name, u"Carol"_s);
        QCOMPARE(carol.userId, u"3"_s);
        QCOMPARE(carol.password, u"pw3"_s);
        QCOMPARE(request->allyTeams[0].teams[0].players.at(0).userId, u"1"_s);
        QCOMPARE(request->allyTeams[1].teams[0].players.at(0).userId, u"2"_s);
        QCOMPARE(request->spectators.size(), 1);
        QCOMPARE(request->spectators[0].name, u"Dave"_s);
        QCOMPARE(request->spectators[0].userId, u"4"_s);
        QCOMPARE(request->spectators[0].password, u"pw4"_s);
        // Nothing a server would leave out is made up.
        QVERIFY(!request->startDelay);
        QVERIFY(!request->gameArchiveHash);
        QVERIFY(!request->luamsgRegexp);
        QVERIFY(request->gameOptions.isEmpty());
        QVERIFY(!request->allyTeams[0].startBox);

        // What the decoder accepts, the start script writer can write.
        const auto script = StartScriptWriter::write(*request, {u"127.0.0.1"_s, 8452, u"127.0.0.1"_s, 8453});
        QVERIFY2(script.ok(), qPrintable(script.ok() ? QString() : script.error()));
        QVERIFY(script->contains("Name = Carol;"));
        QVERIFY(script->contains("Password = pw3;"));
    }

    void everyStartPosTypeIsCarried_data()
    {
        QTest::addColumn<StartPosType>("type");
        QTest::newRow("fixed") << StartPosType::Fixed;
        QTest::newRow("random") << StartPosType::Random;
        QTest::newRow("ingame") << StartPosType::Ingame;
        QTest::newRow("beforegame") << StartPosType::BeforeGame;
    }

    void everyStartPosTypeIsCarried()
    {
        QFETCH(StartPosType, type);
        LocalBattlePlan plan = validPlan();
        plan.startPosType = type;
        const auto request = plan.toStartRequest();
        QVERIFY(request.ok());
        QCOMPARE(request->startPosType, type);
    }

    void everyRequestHasANewBattleId()
    {
        const auto first = validPlan().toStartRequest();
        const auto second = validPlan().toStartRequest();
        QVERIFY(first.ok() && second.ok());
        QVERIFY(first->battleId != second->battleId);
        QCOMPARE(first->battleId.version(), QUuid::Random);
    }

    void problems_data()
    {
        QTest::addColumn<LocalBattlePlan>("plan");
        QTest::addColumn<QString>("field"); // empty: accepted
        QTest::addColumn<int>("entry");
        QTest::addColumn<QString>("message");

        const auto with = [](const std::function<void(LocalBattlePlan &)> &change)
        {
            LocalBattlePlan plan = validPlan();
            change(plan);
            return plan;
        };
        QTest::newRow("valid") << validPlan() << QString() << -1 << QString();
        QTest::newRow("empty engine") << with([](auto &p) { p.engineVersion.clear(); }) << u"engineVersion"_s
                                      << -1 << u"must match ^[0-9a-zA-Z .+-]+$"_s;
        QTest::newRow("engine with a slash")
            << with([](auto &p) { p.engineVersion = u"../105"_s; }) << u"engineVersion"_s << -1
            << u"must match ^[0-9a-zA-Z .+-]+$"_s;
        QTest::newRow("empty game") << with([](auto &p) { p.gameName.clear(); }) << u"gameName"_s << -1
                                    << u"must not be empty"_s;
        QTest::newRow("game with ;") << with([](auto &p) { p.gameName = u"Mini;Game"_s; }) << u"gameName"_s
                                     << -1 << u"must not contain ';'"_s;
        QTest::newRow("empty map") << with([](auto &p) { p.mapName.clear(); }) << u"mapName"_s << -1
                                   << u"must not be empty"_s;
        QTest::newRow("map with a brace") << with([](auto &p) { p.mapName = u"Mini}Map"_s; }) << u"mapName"_s
                                          << -1 << u"must not contain '{' or '}'"_s;
        QTest::newRow("no ally team") << with([](auto &p) { p.allyTeams.clear(); }) << u"allyTeams"_s << -1
                                      << u"must have at least one ally team"_s;
        QTest::newRow("empty ally team") << with([](auto &p) { p.allyTeams.append(QStringList()); })
                                         << u"allyTeams.2"_s << -1 << u"must have at least one player"_s;
        QTest::newRow("only spectators") << with([](auto &p) { p.allyTeams = {QStringList()}; })
                                         << u"allyTeams.0"_s << -1 << u"must have at least one player"_s;
        QTest::newRow("space in a name")
            << with([](auto &p) { p.allyTeams[1][1] = u"Ca rol"_s; }) << u"allyTeams.1"_s << 1
            << u"\"Ca rol\": must not contain white space"_s;
        QTest::newRow("semicolon in a name")
            << with([](auto &p) { p.allyTeams[0][0] = u"Al;ice"_s; }) << u"allyTeams.0"_s << 0
            << u"\"Al;ice\": must not contain ';'"_s;
        QTest::newRow("// in a name") << with([](auto &p) { p.allyTeams[0][0] = u"a//b"_s; })
                                      << u"allyTeams.0"_s << 0 << u"\"a//b\": must not contain '//'"_s;
        QTest::newRow("control character in a spectator")
            << with([](auto &p) { p.spectators[0] = u"Da\u0007ve"_s; }) << u"spectators"_s << 0
            << u"\"Da\u0007ve\": must not contain control characters (newline, tab, NUL, …)"_s;
        QTest::newRow("empty name") << with([](auto &p) { p.allyTeams[1][0].clear(); }) << u"allyTeams.1"_s
                                    << 0 << u"\"\": must not be empty"_s;
        QTest::newRow("same name in two ally teams, other case")
            << with([](auto &p) { p.allyTeams[1][0] = u"ALICE"_s; }) << u"allyTeams.1"_s << 0
            << u"\"ALICE\": duplicates name \"Alice\" of ally team 1 (names are case-insensitive)"_s;
        QTest::newRow("same name twice in an ally team")
            << with([](auto &p) { p.allyTeams[1][1] = u"Bob"_s; }) << u"allyTeams.1"_s << 1
            << u"\"Bob\": duplicates name \"Bob\" of ally team 2 (names are case-insensitive)"_s;
        QTest::newRow("spectator who also plays")
            << with([](auto &p) { p.spectators.append(u"carol"_s); }) << u"spectators"_s << 1
            << u"\"carol\": duplicates name \"Carol\" of ally team 2 (names are case-insensitive)"_s;
        QTest::newRow("spectator twice")
            << with([](auto &p) { p.spectators.append(u"dave"_s); }) << u"spectators"_s << 1
            << u"\"dave\": duplicates name \"Dave\" of the spectators (names are case-insensitive)"_s;
        // The spec and the decoder set no length limit on names or archive names; the engine takes them.
        QTest::newRow("very long names are accepted") << with(
                                                             [](auto &p)
                                                             {
                                                                 p.allyTeams[0][0] = QString(300, u'a');
                                                                 p.gameName = QString(500, u'g');
                                                             })
                                                      << QString() << -1 << QString();
        QTest::newRow("non-ASCII names are accepted")
            << with([](auto &p) { p.allyTeams[0][0] = u"Zoë-日本"_s; }) << QString() << -1 << QString();
    }

    void problems()
    {
        QFETCH(LocalBattlePlan, plan);
        QFETCH(QString, field);
        QFETCH(int, entry);
        QFETCH(QString, message);

        const auto request = plan.toStartRequest();
        const QList<LocalBattlePlan::Problem> problems = plan.problems();
        if (field.isEmpty())
        {
            QVERIFY2(request.ok(), qPrintable(request.ok() ? QString() : request.error().message));
            QCOMPARE(problems.size(), 0);
            return;
        }
        QVERIFY(!request.ok());
        QCOMPARE(request.error().field, field);
        QCOMPARE(request.error().entry, entry);
        QCOMPARE(request.error().message, message);
        QVERIFY(request.error().requestPath.startsWith(u"data."));
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.at(0), request.error());
    }

    void requestPathsOfProblemsAreTheDecoders()
    {
        LocalBattlePlan plan = validPlan();
        plan.allyTeams[1][1] = u"bob"_s;
        const auto request = plan.toStartRequest();
        QVERIFY(!request.ok());
        QCOMPARE(request.error().requestPath, u"data.allyTeams[1].teams[1].players[0].name"_s);
    }

    void problemsFindsEveryWrongField()
    {
        LocalBattlePlan plan = validPlan();
        plan.engineVersion.clear();
        plan.mapName = u"a;b"_s;
        plan.allyTeams = {{u"Al ice"_s, u"Bob"_s, u"bob"_s}, {}, {u"Carol"_s}};
        plan.spectators = {u"Dave"_s, u"carol"_s, u"x;y"_s};

        const QList<LocalBattlePlan::Problem> problems = plan.problems();
        QStringList found;
        for (const LocalBattlePlan::Problem &problem : problems)
        {
            found.append(u"%1/%2"_s.arg(problem.field).arg(problem.entry));
        }
        QCOMPARE(found,
                 QStringList({u"engineVersion/-1"_s, u"mapName/-1"_s, u"allyTeams.0/0"_s, u"allyTeams.0/2"_s,
                              u"allyTeams.1/-1"_s, u"spectators/1"_s, u"spectators/2"_s}));
        // Stand-ins never show: every message names what the operator wrote.
        QCOMPARE(problems.at(3).message,
                 u"\"bob\": duplicates name \"Bob\" of ally team 1 (names are case-insensitive)"_s);
        QCOMPARE(problems.at(5).message,
                 u"\"carol\": duplicates name \"Carol\" of ally team 3 (names are case-insensitive)"_s);
        // The request refuses the first of them.
        const auto request = plan.toStartRequest();
        QVERIFY(!request.ok());
        QCOMPARE(request.error(), problems.at(0));
    }

    void problemsOnAHostAddTheEngine()
    {
        LocalBattlePlan plan = validPlan();
        QCOMPARE(plan.problems({plan.engineVersion, u"2025.04.08"_s}), QList<LocalBattlePlan::Problem>());
        const QList<LocalBattlePlan::Problem> missing = plan.problems({u"2025.04.08"_s, u"106.0"_s});
        QCOMPARE(missing.size(), 1);
        QCOMPARE(missing.at(0).field, u"engineVersion"_s);
        QCOMPARE(missing.at(0).message, u"is not installed (available: 2025.04.08, 106.0)"_s);
        QCOMPARE(missing.at(0).requestPath, u"data.engineVersion"_s);
        QCOMPARE(plan.problems(QStringList()).at(0).message, u"is not installed (no engine is)"_s);
        // A version that is wrong as such is told once, for what is wrong with it.
        plan.engineVersion = u"bad/version"_s;
        plan.mapName.clear();
        const QList<LocalBattlePlan::Problem> wrong = plan.problems({u"2025.04.08"_s});
        QCOMPARE(wrong.size(), 2);
        QCOMPARE(wrong.at(0).message, u"must match ^[0-9a-zA-Z .+-]+$"_s);
        QCOMPARE(wrong.at(1).field, u"mapName"_s);
    }

    void startPosTypeNames()
    {
        QCOMPARE(LocalBattlePlan::startPosTypeNamed(u"fixed"_s), std::optional(StartPosType::Fixed));
        QCOMPARE(LocalBattlePlan::startPosTypeNamed(u"random"_s), std::optional(StartPosType::Random));
        QCOMPARE(LocalBattlePlan::startPosTypeNamed(u"chooseInGame"_s), std::optional(StartPosType::Ingame));
        QCOMPARE(LocalBattlePlan::startPosTypeNamed(u"chooseBeforeGame"_s),
                 std::optional(StartPosType::BeforeGame));
        // The Tachyon names are not the form's.
        QCOMPARE(LocalBattlePlan::startPosTypeNamed(u"ingame"_s), std::nullopt);
        QCOMPARE(LocalBattlePlan::startPosTypeNamed(QString()), std::nullopt);
    }

    void newestVersion_data()
    {
        QTest::addColumn<QStringList>("versions");
        QTest::addColumn<QString>("newest");
        QTest::newRow("none") << QStringList() << QString();
        QTest::newRow("numbers, not text")
            << QStringList({u"99.1"_s, u"106.0"_s, u"105.1.1-2590-gb9462a0 BAR105"_s}) << u"106.0"_s;
        QTest::newRow("Recoil's dates")
            << QStringList({u"2025.04.08"_s, u"106.0"_s, u"2025.10.1"_s}) << u"2025.10.1"_s;
        QTest::newRow("same numbers, then text")
            << QStringList({u"105.1.1-2590-gb9462a0 BAR105"_s, u"105.1.1-2511-g747f18b BAR105"_s})
            << u"105.1.1-2590-gb9462a0 BAR105"_s;
    }

    void newestVersion()
    {
        QFETCH(QStringList, versions);
        QFETCH(QString, newest);
        QCOMPARE(LocalBattlePlan::newestVersion(versions), newest);
    }

    void hostAddress_data()
    {
        QTest::addColumn<QString>("hostingIp");
        QTest::addColumn<QString>("bindIp");
        QTest::addColumn<QStringList>("machine");
        QTest::addColumn<QString>("host");
        const QStringList machine = {u"::1"_s,         u"127.0.0.1"_s,    u"169.254.3.4"_s, u"fe80::1"_s,
                                     u"2001:db8::5"_s, u"192.168.1.20"_s, u"10.0.0.3"_s};
        QTest::newRow("hostingIP wins") << u"203.0.113.9"_s << u"127.0.0.1"_s << machine << u"203.0.113.9"_s;
        QTest::newRow("a specific bind address") << QString() << u"10.0.0.3"_s << machine << u"10.0.0.3"_s;
        QTest::newRow("bound to loopback only") << QString() << u"127.0.0.1"_s << machine << u"127.0.0.1"_s;
        QTest::newRow("first usable IPv4") << QString() << u"0.0.0.0"_s << machine << u"192.168.1.20"_s;
        QTest::newRow("any IPv6 bind") << QString() << u"::"_s << machine << u"192.168.1.20"_s;
        QTest::newRow("only loopback and link-local")
            << QString() << u"0.0.0.0"_s << QStringList({u"127.0.0.1"_s, u"169.254.1.1"_s, u"fe80::2"_s})
            << u"127.0.0.1"_s;
        QTest::newRow("no addresses") << QString() << u"0.0.0.0"_s << QStringList() << u"127.0.0.1"_s;
    }

    void hostAddress()
    {
        QFETCH(QString, hostingIp);
        QFETCH(QString, bindIp);
        QFETCH(QStringList, machine);
        QFETCH(QString, host);
        QList<QHostAddress> addresses;
        for (const QString &address : machine)
        {
            addresses.append(QHostAddress(address));
        }
        QCOMPARE(LocalBattlePlan::hostAddress(hostingIp, bindIp, addresses), host);
    }

    void machineAddressesLeaveOutLoopback()
    {
        for (const QHostAddress &address : LocalBattlePlan::machineAddresses())
        {
            QVERIFY2(!address.isLoopback(), qPrintable(address.toString()));
        }
    }

    void aRefusedPasswordIsNamedAsSuch()
    {
        const auto request = validPlan().toStartRequest([] { return u"two words"_s; });
        QVERIFY(!request.ok());
        QCOMPARE(request.error().field, u"allyTeams.0"_s);
        QCOMPARE(request.error().entry, 0);
        QCOMPARE(request.error().message, u"\"Alice\" (password): must not contain white space"_s);
    }

    void passwordsComeFromTheUnambiguousAlphabet()
    {
        const QString alphabet = LocalBattlePlan::PasswordAlphabet;
        for (const QChar lookAlike : u"0Oo1lI"_s)
        {
            QVERIFY2(!alphabet.contains(lookAlike), qPrintable(QString(lookAlike)));
        }
        QCOMPARE(QSet<QChar>(alphabet.cbegin(), alphabet.cend()).size(), alphabet.size());

        QSet<QString> seen;
        QSet<QChar> used;
        const LocalBattlePlan::PasswordSource passwords = LocalBattlePlan::systemPasswords();
        for (int i = 0; i < 2000; ++i)
        {
            const QString password = passwords();
            QCOMPARE(password.size(), LocalBattlePlan::PasswordLength);
            for (const QChar c : password)
            {
                QVERIFY2(alphabet.contains(c), qPrintable(password));
                used.insert(c);
            }
            seen.insert(password);
        }
        QCOMPARE(seen.size(), 2000);
        // 32000 draws from 56 characters: every one shows up.
        QCOMPARE(used.size(), alphabet.size());
    }

    void passwordsFollowTheGivenGenerator()
    {
        QRandomGenerator first(42);
        QRandomGenerator second(42);
        const QString a = LocalBattlePlan::randomPassword(first);
        QCOMPARE(LocalBattlePlan::randomPassword(second), a);
        QVERIFY(LocalBattlePlan::randomPassword(first) != a);
    }

    void generatedPasswordsAreUniqueWithinARequest()
    {
        LocalBattlePlan plan = validPlan();
        for (int i = 0; i < 40; ++i)
        {
            plan.spectators.append(u"Spec%1"_s.arg(i));
        }
        const auto request = plan.toStartRequest();
        QVERIFY(request.ok());
        QSet<QString> passwords;
        for (const AllyTeamSpec &allyTeam : request->allyTeams)
        {
            for (const TeamSpec &team : allyTeam.teams)
            {
                passwords.insert(team.players.at(0).password);
            }
        }
        for (const PlayerSpec &spectator : request->spectators)
        {
            passwords.insert(spectator.password);
        }
        QCOMPARE(passwords.size(), 3 + 1 + 40);
    }
};

QTEST_GUILESS_MAIN(TestLocalBattlePlan)
#include "tst_localbattleplan.moc"
