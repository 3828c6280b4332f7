#include <algorithm>

#include <QFile>
#include <QTest>

#include "protocol/startscriptwriter.h"
#include "startrequestfixtures.h"

using namespace Qt::Literals::StringLiterals;
using namespace StartRequestFixtures;

namespace
{
QString readGolden(const QString &name)
{
    QFile file(QStringLiteral(AUTOHOST_TEST_DATA_DIR) + u"/startscripts/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
    {
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

// The lines of one section of [GAME] (braces excluded, nested sections included), e.g. section(script,
// "TEAM1").
QStringList section(const QByteArray &script, const QString &name)
{
    const QStringList lines = QString::fromUtf8(script).split(u'\n');
    const qsizetype start = lines.indexOf(u"\t["_s + name + u']');
    if (start < 0)
    {
        return {};
    }
    const qsizetype end = lines.indexOf(u"\t}"_s, start);
    return lines.mid(start + 2, end - start - 2);
}

QString value(const QStringList &lines, const QString &key)
{
    const QString prefix = u"\t\t"_s + key + u" = "_s;
    for (const QString &line : lines)
    {
        if (line.startsWith(prefix) && line.endsWith(u';'))
        {
            return line.mid(prefix.size(), line.size() - prefix.size() - 1);
        }
    }
    return {};
}

PlayerSpec validPlayer(const QString &userId, const QString &name)
{
    return player(userId, name, u"pw"_s + userId);
}

BotSpec botHostedBy(const QString &hostUserId)
{
    BotSpec bot;
    bot.hostUserId = hostUserId;
    bot.aiShortName = u"NullAI"_s;
    return bot;
}
} // namespace

class TestStartScriptWriter : public QObject
{
    Q_OBJECT

private slots:
    void goldenScripts_data()
    {
        QTest::addColumn<int>("fixture");
        QTest::addColumn<QString>("golden");
        QTest::newRow("reference live example") << 0 << u"live-example.txt"_s;
        QTest::newRow("simple full example") << 1 << u"full-example.txt"_s;
        QTest::newRow("teiserver minimal") << 2 << u"teiserver-minimal.txt"_s;
    }

    void goldenScripts()
    {
        QFETCH(int, fixture);
        QFETCH(QString, golden);
        const StartRequest request =
            fixture == 0 ? liveExample() : (fixture == 1 ? fullExample() : teiserverExample());
        const QString expected = readGolden(golden);
        QVERIFY2(!expected.isEmpty(), qPrintable(u"golden file missing: "_s + golden));

        const auto script = StartScriptWriter::write(request, endpoints());
        QVERIFY2(script.ok(), qPrintable(script.ok() ? QString() : script.error()));
        const QStringList actualLines = QString::fromUtf8(*script).split(u'\n');
        const QStringList expectedLines = expected.split(u'\n');
        for (qsizetype i = 0; i < std::min(actualLines.size(), expectedLines.size()); ++i)
        {
            QVERIFY2(actualLines.at(i) == expectedLines.at(i),
                     qPrintable(u"line %1: got \"%2\", expected \"%3\""_s.arg(i + 1).arg(
                         actualLines.at(i), expectedLines.at(i))));
        }
        QCOMPARE(actualLines.size(), expectedLines.size());
    }

    void gameIdIsTheUuidInRfc4122ByteOrder_data()
    {
        QTest::addColumn<QString>("uuid");
        QTest::addColumn<QString>("gameId");
        QTest::newRow("engine notes") << u"75bfc493-2b9d-495d-a453-06722fdca2ea"_s
                                      << u"75 bf c4 93 2b 9d 49 5d a4 53 06 72 2f dc a2 ea"_s;
        QTest::newRow("counting") << u"00112233-4455-6677-8899-aabbccddeeff"_s
                                  << u"00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff"_s;
        QTest::newRow("upper case") << u"E4F9F751-3626-48EB-BB8B-1FF8F25E12F9"_s
                                    << u"e4 f9 f7 51 36 26 48 eb bb 8b 1f f8 f2 5e 12 f9"_s;
        QTest::newRow("braces") << u"{01020304-0506-0708-090a-0b0c0d0e0f10}"_s
                                << u"01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10"_s;
        QTest::newRow("nil") << u"00000000-0000-0000-0000-000000000000"_s
                             << u"00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"_s;
        QTest::newRow("max") << u"ffffffff-ffff-ffff-ffff-ffffffffffff"_s
                             << u"ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff"_s;
    }

    void gameIdIsTheUuidInRfc4122ByteOrder()
    {
        QFETCH(QString, uuid);
        QFETCH(QString, gameId);
        StartRequest request = teiserverExample();
        request.battleId = QUuid(uuid);
        const auto script = StartScriptWriter::write(request, endpoints());
        QVERIFY(script.ok());
        const QStringList lines = QString::fromUtf8(*script).split(u'\n');
        QCOMPARE(lines.at(2), u"\tGameID = "_s + gameId + u';');
    }

    void numbersUseTheShortestRoundTripForm_data()
    {
        QTest::addColumn<double>("number");
        QTest::addColumn<QString>("text");
        QTest::newRow("integer") << 1.0 << u"1"_s;
        QTest::newRow("zero") << 0.0 << u"0"_s;
        QTest::newRow("negative zero") << -0.0 << u"0"_s;
        QTest::newRow("0.3") << 0.3 << u"0.3"_s;
        QTest::newRow("1.2") << 1.2 << u"1.2"_s;
        QTest::newRow("0.1") << 0.1 << u"0.1"_s;
        QTest::newRow("sum") << 0.1 + 0.2 << u"0.30000000000000004"_s;
        QTest::newRow("third") << 1.0 / 3 << u"0.3333333333333333"_s;
        QTest::newRow("negative") << -2.5 << u"-2.5"_s;
        QTest::newRow("large integer") << 1e8 << u"100000000"_s;
        QTest::newRow("fraction") << 123456.789 << u"123456.789"_s;
        QTest::newRow("small fixed") << 2.5e-6 << u"0.0000025"_s;
        QTest::newRow("tiny") << 1e-7 << u"1e-7"_s;
        QTest::newRow("huge") << 1e21 << u"1e+21"_s;
        QTest::newRow("just below huge") << 1.5e20 << u"150000000000000000000"_s;
    }

    void numbersUseTheShortestRoundTripForm()
    {
        QFETCH(double, number);
        QFETCH(QString, text);
        StartRequest request = teiserverExample();
        request.allyTeams[0].teams[0].advantage = number;
        request.allyTeams[0].teams[0].color = RgbColor{number, 0.5, number};
        const auto script = StartScriptWriter::write(request, endpoints());
        QVERIFY(script.ok());
        const QStringList team = section(*script, u"TEAM0"_s);
        QCOMPARE(value(team, u"Advantage"_s), text);
        QCOMPARE(value(team, u"RgbColor"_s), text + u" 0.5 "_s + text);
    }

    void numberingWithBotOnlyTeamsAndSpectatorHosts()
    {
        // Ally team 0: a bot-only team hosted by a spectator, then a team of two players.
        // Ally team 1: a bot-only team hosted by the second player of ally team 0, then one player with a
        // bot.
        StartRequest request = teiserverExample();
        TeamSpec spectatorBots;
        spectatorBots.bots = {botHostedBy(u"s2"_s), botHostedBy(u"p1"_s)};
        TeamSpec pair;
        pair.players = {validPlayer(u"p0"_s, u"Ann"_s), validPlayer(u"p1"_s, u"Ben"_s)};
        TeamSpec playerBots;
        playerBots.bots = {botHostedBy(u"p1"_s)};
        TeamSpec single;
        single.players = {validPlayer(u"p2"_s, u"Cid"_s)};
        single.bots = {botHostedBy(u"s1"_s)};
        request.allyTeams[0].teams = {spectatorBots, pair};
        request.allyTeams[1].teams = {playerBots, single};
        request.spectators = {validPlayer(u"s1"_s, u"Dee"_s), validPlayer(u"s2"_s, u"Eve"_s)};

        const QList<ScriptPlayer> players = StartScriptWriter::players(request);
        QCOMPARE(players.size(), 5);
        const QStringList expectedIds = {u"p0"_s, u"p1"_s, u"p2"_s, u"s1"_s, u"s2"_s};
        const QStringList expectedNames = {u"Ann"_s, u"Ben"_s, u"Cid"_s, u"Dee"_s, u"Eve"_s};
        for (int i = 0; i < players.size(); ++i)
        {
            QCOMPARE(players.at(i).userId, expectedIds.at(i));
            QCOMPARE(players.at(i).name, expectedNames.at(i));
            QCOMPARE(players.at(i).number, i);
            QCOMPARE(players.at(i).spectator, i >= 3);
        }

        const auto script = StartScriptWriter::write(request, endpoints());
        QVERIFY2(script.ok(), qPrintable(script.ok() ? QString() : script.error()));
        // [PLAYERn] sections follow players(), without gaps.
        for (int i = 0; i < players.size(); ++i)
        {
            const QStringList lines = section(*script, u"PLAYER%1"_s.arg(i));
            QCOMPARE(value(lines, u"UserID"_s), expectedIds.at(i));
            QCOMPARE(value(lines, u"Spectator"_s), i >= 3 ? u"1"_s : QString());
        }
        QVERIFY(section(*script, u"PLAYER5"_s).isEmpty());
        QCOMPARE(value(section(*script, u"PLAYER0"_s), u"Team"_s), u"1"_s);
        QCOMPARE(value(section(*script, u"PLAYER1"_s), u"Team"_s), u"1"_s);
        QCOMPARE(value(section(*script, u"PLAYER2"_s), u"Team"_s), u"3"_s);

        const QStringList leaders = {u"4"_s, u"0"_s, u"1"_s, u"2"_s};
        const QStringList allyTeams = {u"0"_s, u"0"_s, u"1"_s, u"1"_s};
        for (int t = 0; t < 4; ++t)
        {
            const QStringList team = section(*script, u"TEAM%1"_s.arg(t));
            QCOMPARE(value(team, u"TeamLeader"_s), leaders.at(t));
            QCOMPARE(value(team, u"AllyTeam"_s), allyTeams.at(t));
        }

        const QStringList hosts = {u"4"_s, u"1"_s, u"1"_s, u"3"_s};
        const QStringList aiTeams = {u"0"_s, u"0"_s, u"2"_s, u"3"_s};
        for (int i = 0; i < 4; ++i)
        {
            const QStringList ai = section(*script, u"AI%1"_s.arg(i));
            QCOMPARE(value(ai, u"Host"_s), hosts.at(i));
            QCOMPARE(value(ai, u"Team"_s), aiTeams.at(i));
            QCOMPARE(value(ai, u"ShortName"_s), u"NullAI"_s);
            QVERIFY(!ai.contains(u"\t\t[OPTIONS]"_s));
        }

        const QString text = QString::fromUtf8(*script);
        QVERIFY(text.contains(u"\n\tNumAllyTeams = 2;\n\tNumTeams = 4;\n\tNumPlayers = 5;\n"_s));
    }

    void optionalPartsAreLeftOut()
    {
        StartRequest request = teiserverExample();
        request.startDelay.reset();
        const auto script = StartScriptWriter::write(request, endpoints());
        QVERIFY(script.ok());
        const QString text = QString::fromUtf8(*script);
        QVERIFY(!text.contains(u"GameStartDelay"_s));
        QVERIFY(!text.contains(u"RESTRICT"_s));
        QVERIFY(!text.contains(u"StartRect"_s));
        QVERIFY(!text.contains(u"Ally"_s + u'0'));
        QVERIFY(!text.contains(u"NumAllies"_s));

        request.startDelay = 7;
        request.allyTeams[1].allies = QList<int>();
        const auto withDelay = StartScriptWriter::write(request, endpoints());
        QVERIFY(withDelay.ok());
        QVERIFY(QString::fromUtf8(*withDelay).contains(u"\n\tGameStartDelay = 7;\n"_s));
        // Allies given but empty: the ally team says so explicitly.
        QCOMPARE(section(*withDelay, u"ALLYTEAM1"_s), QStringList{u"\t\tNumAllies = 0;"_s});
    }

    void endpointsAndForcedKeysCloseTheGameSection()
    {
        const auto script = StartScriptWriter::write(teiserverExample(), {u"::"_s, 8452, u"::1"_s, 65535});
        QVERIFY(script.ok());
        QVERIFY(script->endsWith("\tIsHost = 1;\n\tHostIP = ::;\n\tHostPort = 8452;\n\tAutohostIP = ::1;\n"
                                 "\tAutohostPort = 65535;\n}\n"));
    }

    void refusesWhatTheDecoderShouldHaveRefused_data()
    {
        QTest::addColumn<int>("mutation");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("semicolon in a name")
            << 0 << u"allyTeams[0].teams[0].players[0].name must not contain ';'"_s;
        QTest::newRow("newline in a password")
            << 1 << u"allyTeams[1].teams[0].players[0].password must not"_s;
        QTest::newRow("bad option key") << 2 << u"gameOptions: key \"dead mode\""_s;
        QTest::newRow("brace in an option value")
            << 3 << u"mapOptions.waterlevel must not contain '{' or '}'"_s;
        QTest::newRow("custom key shadows a written key") << 4 << u"key \"teamleader\" appears twice"_s;
        QTest::newRow("unknown bot host") << 5 << u"allyTeams[0].teams[0].bots[0].hostUserId \"nobody\""_s;
        QTest::newRow("quote in the game name") << 6 << u"gameName must not contain '\"'"_s;
        QTest::newRow("option keys differing in case") << 7 << u"key \"DeathMode\" appears twice"_s;
        QTest::newRow("long bracket in a spectator custom value")
            << 8 << u"spectators[0].customProperties.note"_s;
        QTest::newRow("team without players or bots") << 9 << u"allyTeams[1].teams[1] has neither"_s;
        QTest::newRow("bad host address") << 10 << u"endpoints.hostIp must not"_s;
        QTest::newRow("bad restriction unit") << 11 << u"restrictions.arm;com must not contain ';'"_s;
    }

    void refusesWhatTheDecoderShouldHaveRefused()
    {
        QFETCH(int, mutation);
        QFETCH(QString, fragment);
        StartRequest request = teiserverExample();
        ScriptEndpoints where = endpoints();
        switch (mutation)
        {
        case 0:
            request.allyTeams[0].teams[0].players[0].name = u"Ali;ce"_s;
            break;
        case 1:
            request.allyTeams[1].teams[0].players[0].password = u"pw\nIsHost=0"_s;
            break;
        case 2:
            request.gameOptions = {{u"dead mode"_s, u"com"_s}};
            break;
        case 3:
            request.mapOptions = {{u"waterlevel"_s, u"0}"_s}};
            break;
        case 4:
            request.allyTeams[0].teams[0].customProperties = {{u"teamleader"_s, u"1"_s}};
            break;
        case 5:
            request.allyTeams[0].teams[0].bots = {botHostedBy(u"nobody"_s)};
            break;
        case 6:
            request.gameName = u"Mini\"Game"_s;
            break;
        case 7:
            request.gameOptions = {{u"deathmode"_s, u"com"_s}, {u"DeathMode"_s, u"killall"_s}};
            break;
        case 8:
            request.spectators = {validPlayer(u"9"_s, u"Spec"_s)};
            request.spectators[0].customProperties = {{u"note"_s, u"a]]b"_s}};
            break;
        case 9:
            request.allyTeams[1].teams.append(TeamSpec());
            break;
        case 10:
            where.hostIp = u"0.0.0.0;\nAutohostPort=1"_s;
            break;
        case 11:
            request.restrictions = {{u"arm;com"_s, 1}};
            break;
        default:
            QFAIL("unknown mutation");
        }
        const auto script = StartScriptWriter::write(request, where);
        QVERIFY2(!script.ok(), script.ok() ? script->constData() : "");
        QVERIFY2(script.error().contains(fragment), qPrintable(script.error()));
    }

    void engineSettingsForceTheAutohostKeys_data()
    {
        using Settings = QList<QPair<QString, QString>>;
        QTest::addColumn<Settings>("settings");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("none") << Settings()
                              << QByteArray("AllowSpectatorJoin=0\nWhiteListAdditionalPlayers=1\n");
        QTest::newRow("development config")
            << Settings{{u"InitialNetworkTimeout"_s, u"1000"_s}, {u"LogFlushLevel"_s, u"0"_s}}
            << QByteArray("InitialNetworkTimeout=1000\nLogFlushLevel=0\nAllowSpectatorJoin=0\n"
                          "WhiteListAdditionalPlayers=1\n");
        QTest::newRow("forced keys override in any case")
            << Settings{{u"allowspectatorjoin"_s, u"1"_s},
                        {u"ServerSleepTime"_s, u"15"_s},
                        {u"WHITELISTADDITIONALPLAYERS"_s, u"0"_s},
                        {u"AllowSpectatorJoin"_s, u"1"_s}}
            << QByteArray("ServerSleepTime=15\nAllowSpectatorJoin=0\nWhiteListAdditionalPlayers=1\n");
        QTest::newRow("injection attempts skipped")
            << Settings{{u"A"_s, u"1\nAllowSpectatorJoin=1"_s},
                        {u"B\nAllowSpectatorJoin"_s, u"1"_s},
                        {u"C=D"_s, u"1"_s},
                        {u"E"_s, u"x\ry"_s},
                        {u"F"_s, u"x"_s + QChar(0) + u"y"_s},
                        {u"G"_s + QChar(0), u"1"_s},
                        {u"H\r"_s, u"1"_s},
                        {QString(), u"1"_s},
                        {u"NetworkTimeout"_s, u"180"_s},
                        {u"Name"_s, u"a=b c"_s}}
            << QByteArray(
                   "NetworkTimeout=180\nName=a=b c\nAllowSpectatorJoin=0\nWhiteListAdditionalPlayers=1\n");
        QTest::newRow("utf-8") << Settings{{u"Motd"_s, u"Zażółć"_s}}
                               << (u"Motd=Zażółć\n"_s.toUtf8() +
                                   "AllowSpectatorJoin=0\nWhiteListAdditionalPlayers=1\n");
    }

    void engineSettingsForceTheAutohostKeys()
    {
        using Settings = QList<QPair<QString, QString>>;
        QFETCH(Settings, settings);
        QFETCH(QByteArray, expected);
        QCOMPARE(StartScriptWriter::engineSettings(settings), expected);
    }
};

QTEST_GUILESS_MAIN(TestStartScriptWriter)
#include "tst_startscriptwriter.moc"
