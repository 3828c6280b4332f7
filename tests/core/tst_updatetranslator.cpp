#include <QTest>

#include "battles/updatetranslator.h"

using namespace Qt::Literals::StringLiterals;
using namespace EnginePacket;

Q_DECLARE_METATYPE(EnginePacket::Packet)

class TestUpdateTranslator : public QObject
{
    Q_OBJECT

private:
    PlayerTable m_players{{{u"1001"_s, u"Alice"_s, 0, false},
                           {u"1002"_s, u"Bob"_s, 1, false},
                           {u"1003"_s, u"Carol"_s, 2, true}}};

    // The update's text, after checking that it is what nlohmann's own writer makes of it and that the
    // members kept at hand agree with it.
    static std::string translated(const UpdateTranslator &translator, const Packet &packet)
    {
        const auto update = translator.translate(packet);
        return update ? checked(*update) : std::string("dropped");
    }

    static std::string checked(const EngineUpdate &update)
    {
        const Json parsed = update.parsed();
        if (dumpJson(parsed) != update.json || parsed.value("type", "") != update.type ||
            toQString(parsed.value("userId", "")) != update.userId ||
            parsed.value("reason", "") != update.reason)
        {
            return "inconsistent: " + update.json;
        }
        return update.json;
    }

    UpdateTranslator translator() const { return UpdateTranslator(&m_players, std::nullopt); }

private slots:
    void mapsEveryForwardedEvent_data()
    {
        QTest::addColumn<Packet>("packet");
        QTest::addColumn<QString>("expected");
        QTest::newRow("start") << Packet(ServerStartPlaying{{}, "/demo.sdfz"}) << uR"({"type":"start"})"_s;
        QTest::newRow("finished") << Packet(ServerGameOver{1, {0, 2}})
                                  << uR"({"type":"finished","userId":"1002","winningAllyTeams":[0,2]})"_s;
        QTest::newRow("engine message")
            << Packet(ServerMessage{"Server started on port 20001"})
            << uR"({"type":"engine_message","message":"Server started on port 20001"})"_s;
        QTest::newRow("engine warning")
            << Packet(ServerWarning{"careful"}) << uR"({"type":"engine_warning","message":"careful"})"_s;
        QTest::newRow("joined") << Packet(PlayerJoined{2, "Carol"})
                                << uR"({"type":"player_joined","userId":"1003","playerNumber":2})"_s;
        QTest::newRow("left lost")
            << Packet(PlayerLeft{0, LeaveReason::LostConnection})
            << uR"({"type":"player_left","userId":"1001","reason":"lost_connection"})"_s;
        QTest::newRow("left") << Packet(PlayerLeft{0, LeaveReason::Left})
                              << uR"({"type":"player_left","userId":"1001","reason":"left"})"_s;
        QTest::newRow("kicked") << Packet(PlayerLeft{1, LeaveReason::Kicked})
                                << uR"({"type":"player_left","userId":"1002","reason":"kicked"})"_s;
        QTest::newRow("chat all")
            << Packet(PlayerChat{0, ChatToEveryone, "gl hf"})
            << uR"({"type":"player_chat","userId":"1001","message":"gl hf","destination":"all"})"_s;
        QTest::newRow("chat allies")
            << Packet(PlayerChat{1, ChatToAllies, "push"})
            << uR"({"type":"player_chat","userId":"1002","message":"push","destination":"allies"})"_s;
        QTest::newRow("chat spectators")
            << Packet(PlayerChat{2, ChatToSpectators, "lol"})
            << uR"({"type":"player_chat","userId":"1003","message":"lol","destination":"spectators"})"_s;
        QTest::newRow("private chat")
            << Packet(PlayerChat{0, 1, "psst"})
            << uR"({"type":"player_chat","userId":"1001","message":"psst","destination":"player","toUserId":"1002"})"_s;
        QTest::newRow("secret chat to a player")
            << Packet(PlayerSecretChat{1, 0, "secret"})
            << uR"({"type":"player_chat","userId":"1002","message":"secret","destination":"player","toUserId":"1001"})"_s;
        QTest::newRow("defeated") << Packet(PlayerDefeated{1})
                                  << uR"({"type":"player_defeated","userId":"1002"})"_s;
    }

    void mapsEveryForwardedEvent()
    {
        QFETCH(Packet, packet);
        QFETCH(QString, expected);
        const UpdateTranslator translator(&m_players, std::nullopt);
        QCOMPARE(toQString(translated(translator, packet)), expected);
    }

    void dropsWhatTachyonCannotCarry_data()
    {
        QTest::addColumn<Packet>("packet");
        QTest::newRow("started") << Packet(ServerStarted{});
        QTest::newRow("quit") << Packet(ServerQuit{});
        QTest::newRow("ready") << Packet(PlayerReady{0, ReadyState::Ready});
        QTest::newRow("team stats") << Packet(GameTeamStat{0, {}});
        QTest::newRow("chat to the host") << Packet(PlayerChat{0, ChatToHost, "hi host"});
        QTest::newRow("secret chat to the host") << Packet(PlayerSecretChat{0, ChatToHost, "hi host"});
        QTest::newRow("game over without winners") << Packet(ServerGameOver{0, {}});
        QTest::newRow("unknown joiner") << Packet(PlayerJoined{7, "Mallory"});
        QTest::newRow("unknown chatter") << Packet(PlayerChat{9, ChatToEveryone, "spam"});
        QTest::newRow("private chat to an unknown number") << Packet(PlayerChat{0, 42, "hello?"});
        QTest::newRow("unknown reporter") << Packet(ServerGameOver{200, {1}});
        QTest::newRow("lua message without a filter") << Packet(GameLuaMsg{0, LuaScriptRules, 0, "anything"});
    }

    void dropsWhatTachyonCannotCarry()
    {
        QFETCH(Packet, packet);
        const UpdateTranslator translator(&m_players, std::nullopt);
        QString why;
        QVERIFY(!translator.translate(packet, &why).has_value());
        QVERIFY2(!why.isEmpty(), "a dropped packet says why");
    }

    void luaMessagesPassTheFilter()
    {
        const UpdateTranslator translator(&m_players, QRegularExpression(u"^minigame:"_s));
        QCOMPARE(translated(translator, GameLuaMsg{0, LuaScriptRules, 0, "minigame:hello"}),
                 std::string(
                     R"({"type":"luamsg","userId":"1001","script":"rules","data":"bWluaWdhbWU6aGVsbG8="})"));
        QCOMPARE(
            translated(translator, GameLuaMsg{1, LuaScriptGaia, 0, "minigame:g"}),
            std::string(R"({"type":"luamsg","userId":"1002","script":"game","data":"bWluaWdhbWU6Zw=="})"));
        QCOMPARE(
            translated(translator, GameLuaMsg{2, LuaScriptUi, LuaUiModeAllies, "minigame:a"}),
            std::string(
                R"({"type":"luamsg","userId":"1003","script":"ui","uiMode":"allies","data":"bWluaWdhbWU6YQ=="})"));
        QCOMPARE(
            translated(translator, GameLuaMsg{2, LuaScriptUi, LuaUiModeSpectators, "minigame:s"}),
            std::string(
                R"({"type":"luamsg","userId":"1003","script":"ui","uiMode":"spectators","data":"bWluaWdhbWU6cw=="})"));
        QCOMPARE(
            translated(translator, GameLuaMsg{0, LuaScriptUi, LuaUiModeAll, "minigame:all"}),
            std::string(
                R"({"type":"luamsg","userId":"1001","script":"ui","uiMode":"all","data":"bWluaWdhbWU6YWxs"})"));
        QCOMPARE(translated(translator, GameLuaMsg{0, LuaScriptRules, 0, "other:hello"}),
                 std::string("dropped"));
    }

    void binaryLuaDataSurvivesBase64()
    {
        const UpdateTranslator translator(&m_players, QRegularExpression(u"^bin"_s));
        const QByteArray data("bin\0\1\2\xff"
                              "end",
                              10);
        const auto update = translator.translate(GameLuaMsg{0, LuaScriptRules, 0, data});
        QVERIFY(update.has_value());
        QCOMPARE(
            QByteArray::fromBase64(QByteArray::fromStdString(update->parsed().at("data").get<std::string>())),
            data);
    }

    void playersAddedLaterResolve()
    {
        PlayerTable players = m_players;
        const UpdateTranslator translator(&players, std::nullopt);
        QCOMPARE(translated(translator, PlayerJoined{3, "Dave"}), std::string("dropped"));
        players.addSpectator(u"1004"_s, u"Dave"_s);
        QCOMPARE(translated(translator, PlayerJoined{3, "Dave"}),
                 std::string(R"({"type":"player_joined","userId":"1004","playerNumber":3})"));
    }

    void terminalUpdates()
    {
        QCOMPARE(checked(UpdateTranslator::engineQuit()), std::string(R"({"type":"engine_quit"})"));
        QCOMPARE(checked(UpdateTranslator::engineCrash(u"exit code 3"_s)),
                 std::string(R"({"type":"engine_crash","details":"exit code 3"})"));
        QCOMPARE(checked(UpdateTranslator::engineCrash({})), std::string(R"({"type":"engine_crash"})"));
        QVERIFY(UpdateTranslator::engineQuit().isBattleEnd());
        QVERIFY(UpdateTranslator::engineCrash({}).isBattleEnd());
        QVERIFY(!translator().translate(PlayerJoined{2, "Carol"})->isBattleEnd());
    }

    void invalidUtf8FromTheEngineStaysSerialisable()
    {
        const UpdateTranslator translator(&m_players, std::nullopt);
        const auto update = translator.translate(ServerMessage{"caf\xe9"});
        QVERIFY(update.has_value());
        QCOMPARE(checked(*update),
                 std::string("{\"type\":\"engine_message\",\"message\":\"caf\xef\xbf\xbd\"}"));
    }
};

QTEST_GUILESS_MAIN(TestUpdateTranslator)
#include "tst_updatetranslator.moc"
