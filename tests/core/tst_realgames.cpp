#include <algorithm>
#include <csignal>
#include <memory>
#include <vector>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include "autohostservice.h"
#include "conformanceoracle.h"
#include "faketachyonserver.h"
#include "headlessclient.h"
#include "testcontent.h"
#include "util/conversions.h"

#include <zlib.h>

using namespace Qt::Literals::StringLiterals;

namespace
{
// The autohost's own log lines, to see what it noticed (e.g. SERVER_QUIT, which has no update of its own).
QMutex capturedLogMutex;
QStringList capturedLog;
QtMessageHandler previousMessageHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&capturedLogMutex);
        capturedLog.append(message);
    }
    previousMessageHandler(type, context, message);
}

struct User
{
    const char *userId;
    const char *name;
    const char *password;
};

constexpr User Alice{"1001", "Alice", "pwA"};
constexpr User Bob{"1002", "Bob", "pwB"};
constexpr User Carol{"1003", "Carol", "pwC"}; // the spectator of the start request
constexpr User Dave{"1004", "Dave", "pwD"};   // added mid-game

Json player(const User &user)
{
    return {{"userId", user.userId}, {"name", user.name}, {"password", user.password}};
}

// The whole gzip stream of a file, or why it is not one.
Result<QByteArray> gunzip(const QByteArray &compressed)
{
    z_stream stream{};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
    {
        return fail(u"inflateInit2 failed"_s);
    }
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    stream.avail_in = uInt(compressed.size());
    QByteArray output;
    int status = Z_OK;
    while (status == Z_OK)
    {
        char buffer[65536];
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof(buffer);
        status = inflate(&stream, Z_NO_FLUSH);
        output.append(buffer, qsizetype(sizeof(buffer) - stream.avail_out));
    }
    const bool complete = status == Z_STREAM_END && stream.avail_in == 0;
    inflateEnd(&stream);
    if (!complete)
    {
        return fail(
            u"incomplete gzip stream (zlib status %1, %2 bytes left)"_s.arg(status).arg(stream.avail_in));
    }
    return output;
}

qint32 intAt(const QByteArray &bytes, qsizetype offset)
{
    return qFromLittleEndian<qint32>(bytes.constData() + offset);
}
} // namespace

// Real games through the autohost (issue 3): the fake Tachyon server drives the in-process autohost exactly
// as a lobby would, the autohost runs Debian's spring-dedicated (106.0), and spring-headless clients play the
// tests' own map and Lua game (TestContent). What each game shows is printed as a timeline.
class TestRealGames : public QObject
{
    Q_OBJECT

private:
    static constexpr auto DebianDedicated = "/usr/games/spring-dedicated";
    static constexpr auto EngineVersion = "106.0";

    struct Observed
    {
        qint64 milliseconds = 0; // since the start request
        Json update;
    };

    QTemporaryDir m_dir;
    QString m_content;
    int m_portBase = 0;
    std::unique_ptr<FakeTachyonServer> m_server;
    std::unique_ptr<AutohostService> m_service;
    int m_connection = -1;
    QElapsedTimer m_clock;
    QHash<QString, QList<Observed>> m_updates; // by battle id
    QList<QUuid> m_battles;                    // of the current test
    std::vector<std::unique_ptr<HeadlessClient>> m_clients;

    // The engine under test: Debian's spring-dedicated installed as engine version 106.0, the way
    // engines/<version>/ directories look. Kept in one place so that system-engine detection can replace it.
    // Debian's engine is not installed under engines/: the autohost finds it on the system (systemEngines is
    // on by default) and offers it as version 106.0.
    static Status requireDebianEngine()
    {
        if (!QFile::exists(QString::fromLatin1(DebianDedicated)))
        {
            return fail(u"Debian's spring-dedicated is missing: install the package \"spring\" "
                        u"(scripts/install-deps.sh --tests)"_s);
        }
        return succeeded();
    }

    Config config() const
    {
        Config config = m_server->autohostConfig();
        config.engineBindIP = u"127.0.0.1"_s;
        config.enginesDir = m_dir.filePath(u"engines"_s);
        config.instancesDir = m_dir.filePath(u"instances"_s);
        // A journal of its own for every service: nothing carries over from another test.
        config.journalDir =
            m_dir.filePath(u"journal-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
        config.engineDataDirs = {m_content};
        config.engineStartPort = m_portBase;
        config.engineAutohostStartPort = m_portBase + 1000;
        config.maxPortsUsed = 10;
        return config;
    }

    // A start request as a lobby sends it: Alice (ally team 0) against Bob (ally team 1), Carol watching,
    // start positions chosen before the game (headless clients never place them), the game steered by
    // modoptions.
    static Json startData(const QUuid &id, const Json &gameOptions, const std::string &luamsgRegexp)
    {
        return {{"battleId", toStdString(uuidText(id))},
                {"engineVersion", EngineVersion},
                {"gameName", TestContent::GameName},
                {"mapName", TestContent::MapName},
                {"startPosType", "beforegame"},
                {"startDelay", 1},
                {"allyTeams",
                 {{{"teams", {{{"players", {player(Alice)}}, {"startPos", {{"x", 200}, {"y", 200}}}}}}},
                  {{"teams", {{{"players", {player(Bob)}}, {"startPos", {{"x", 800}, {"y", 800}}}}}}}}},
                {"spectators", {player(Carol)}},
                {"gameOptions", gameOptions},
                {"luamsgRegexp", luamsgRegexp}};
    }

    Json request(const QString &command, const Json &data, int timeout = 10000)
    {
        return m_server->waitForResponse(m_server->sendRequest(m_connection, command, data), timeout);
    }

    bool requestSucceeds(const QString &command, const Json &data)
    {
        const Json response = request(command, data);
        if (response.value("status", "") != "success")
        {
            qWarning("%s failed: %s", qPrintable(command), dumpJson(response).c_str());
            return false;
        }
        return true;
    }

    // Starts the battle; its game port, or 0.
    quint16 startBattle(const Json &data)
    {
        m_battles.append(QUuid::fromString(toQString(data.at("battleId").get<std::string>())));
        m_clock.start();
        const Json response = request(u"autohost/start"_s, data, 20000);
        if (response.value("status", "") != "success")
        {
            qWarning("start failed: %s", dumpJson(response).c_str());
            return 0;
        }
        qInfo("start answered after %lld ms", m_clock.elapsed());
        return quint16(response.at("data").at("port").get<int>());
    }

    HeadlessClient *startClient(const QUuid &battle, const User &user, quint16 port)
    {
        auto client = std::make_unique<HeadlessClient>(
            QString::fromLatin1(user.name), QString::fromLatin1(user.password),
            m_dir.filePath(u"clients/"_s + uuidText(battle) + u'/' + QString::fromLatin1(user.name)));
        if (const Status started = client->start(port, m_content); !started)
        {
            qWarning("%s", qPrintable(started.error()));
            return nullptr;
        }
        m_clients.push_back(std::move(client));
        return m_clients.back().get();
    }

    // Headless clients load heavily: on two cores they start 0.2 s apart.
    bool startClients(const QUuid &battle, const QList<User> &users, quint16 port)
    {
        for (const User &user : users)
        {
            if (!startClient(battle, user, port))
            {
                return false;
            }
            QTest::qWait(200);
        }
        return true;
    }

    HeadlessClient *client(const char *name) const
    {
        for (const auto &client : m_clients)
        {
            if (client->name() == QLatin1String(name))
            {
                return client.get();
            }
        }
        return nullptr;
    }

    // The battle's updates of that type (all when empty), in order of arrival.
    QList<Json> updates(const QUuid &battle, const std::string &type = {}) const
    {
        QList<Json> result;
        for (const Observed &observed : m_updates.value(uuidText(battle)))
        {
            if (type.empty() || observed.update.value("type", "") == type)
            {
                result.append(observed.update);
            }
        }
        return result;
    }

    // The updates of that type without their "type", dumped and sorted: players' events arrive in any order.
    QStringList updateSet(const QUuid &battle, const std::string &type) const
    {
        QStringList set;
        for (Json update : updates(battle, type))
        {
            update.erase("type");
            set.append(toQString(dumpJson(update)));
        }
        set.sort();
        return set;
    }

    bool hasUpdate(const QUuid &battle, const Json &expected) const
    {
        const QList<Json> all = updates(battle);
        return std::any_of(all.cbegin(), all.cend(),
                           [&expected](const Json &update) { return update == expected; });
    }

    bool waitForUpdate(const QUuid &battle, const Json &expected, int timeout)
    {
        return QTest::qWaitFor([&] { return hasUpdate(battle, expected); }, timeout);
    }

    bool ended(const QUuid &battle) const
    {
        return !updates(battle, "engine_quit").isEmpty() || !updates(battle, "engine_crash").isEmpty();
    }

    static Json luamsg(const User &user, const char *script, const QByteArray &data,
                       const char *uiMode = nullptr)
    {
        Json update = {{"type", "luamsg"}, {"userId", user.userId}, {"script", script}};
        if (uiMode)
        {
            update["uiMode"] = uiMode;
        }
        update["data"] = data.toBase64().toStdString();
        return update;
    }

    static QString describe(const Json &update)
    {
        Json shown = update;
        if (shown.contains("data") && shown.value("type", "") == "luamsg")
        {
            const QByteArray data =
                QByteArray::fromBase64(QByteArray::fromStdString(shown.value("data", "")));
            shown["data"] = "b64(" + data.toPercentEncoding(":-").toStdString() + ")";
        }
        return toQString(dumpJson(shown));
    }

    // What the battle showed, for the test's output: every update except engine messages, with its arrival
    // time since the start request, and the count of engine messages.
    void printTimeline(const QUuid &battle) const
    {
        int engineMessages = 0;
        for (const Observed &observed : m_updates.value(uuidText(battle)))
        {
            if (observed.update.value("type", "") == "engine_message")
            {
                ++engineMessages;
                continue;
            }
            qInfo("%7.2f s  %s", observed.milliseconds / 1000.0, qPrintable(describe(observed.update)));
        }
        qInfo("engine_message updates: %d", engineMessages);
    }

    QString instanceFile(const QUuid &battle, const QString &name) const
    {
        return m_dir.filePath(u"instances/"_s + uuidText(battle) + u'/' + name);
    }

    static QString readText(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    static QString tail(const QString &text, int lines)
    {
        const QStringList all = text.split(u'\n');
        return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(u'\n');
    }

    void dumpLogs() const
    {
        for (const QUuid &battle : m_battles)
        {
            qWarning("=== engine log of battle %s:\n%s", qPrintable(uuidText(battle)),
                     qPrintable(tail(readText(instanceFile(battle, u"engine.log"_s)), 150)));
            printTimeline(battle);
        }
        for (const auto &client : m_clients)
        {
            qWarning("=== output of client %s:\n%s", qPrintable(client->name()),
                     qPrintable(tail(client->output(), 60)));
        }
    }

    static bool autohostLogged(const QString &text)
    {
        QMutexLocker lock(&capturedLogMutex);
        return std::any_of(capturedLog.cbegin(), capturedLog.cend(),
                           [&text](const QString &line) { return line.contains(text); });
    }

    // The server's demo in the instance directory is a complete gzip stream holding a finalised demo: the
    // header fields written when the recording ends are filled in.
    void checkReplay(const QUuid &battle, int players)
    {
        const QStringList demos =
            QDir(instanceFile(battle, u"demos-server"_s)).entryList({u"*.sdfz"_s}, QDir::Files);
        QCOMPARE(demos.size(), 1);
        QFile file(instanceFile(battle, u"demos-server/"_s + demos.constFirst()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray compressed = file.readAll();
        QVERIFY(!compressed.isEmpty());
        const auto demo = gunzip(compressed);
        QVERIFY2(demo.ok(), qPrintable(demo.ok() ? QString() : demo.error()));
        qInfo("replay %s: %lld bytes, %lld unpacked", qPrintable(demos.constFirst()), compressed.size(),
              demo->size());

        // The demo header of engine version 5 (352 bytes).
        QVERIFY(demo->size() >= 352);
        QCOMPARE(demo->left(16), QByteArray("spring demofile\0", 16));
        QCOMPARE(intAt(*demo, 16), 5);   // version
        QCOMPARE(intAt(*demo, 20), 352); // header size
        // The engine's game id is the battle id (the start script's GameID).
        QCOMPARE(demo->mid(280, 16), battle.toRfc4122());
        const qint32 scriptSize = intAt(*demo, 304);
        const qint32 streamSize = intAt(*demo, 308);
        const qint32 gameSeconds = intAt(*demo, 312);
        const qint32 wallClockSeconds = intAt(*demo, 316);
        const qint32 playerCount = intAt(*demo, 320);
        qInfo("demo header: script %d bytes, stream %d bytes, game time %d s, wall clock %d s, %d players",
              scriptSize, streamSize, gameSeconds, wallClockSeconds, playerCount);
        QVERIFY(scriptSize > 0 && streamSize > 0);
        QCOMPARE(qsizetype(352) + scriptSize + streamSize <= demo->size(), true);
        // The engine stores the start script it read, lower-cased keys, without the passwords.
        const QByteArray script = demo->mid(352, scriptSize);
        QVERIFY2(script.contains("gametype=MiniGame 1.0;") && script.contains("gameoverframe=3000;"),
                 script.constData());
        QVERIFY(gameSeconds > 0);
        QVERIFY(wallClockSeconds > 0);
        QCOMPARE(playerCount, players);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Status engine = requireDebianEngine();
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error()));
        QVERIFY2(QFile::exists(QString::fromLatin1(HeadlessClient::DebianBinary)),
                 "Debian's spring-headless is missing: install the package \"spring\"");
        m_content = m_dir.filePath(u"content"_s);
        const Status content = TestContent::write(m_content);
        QVERIFY2(content.ok(), qPrintable(content.ok() ? QString() : content.error()));
        m_portBase = 44000 + int(QCoreApplication::applicationPid() % 50) * 20;
        previousMessageHandler = qInstallMessageHandler(captureMessage);
    }

    void cleanupTestCase() { qInstallMessageHandler(previousMessageHandler); }

    void init()
    {
        m_server = std::make_unique<FakeTachyonServer>();
        QVERIFY(m_server->listen());
        connect(m_server.get(), &FakeTachyonServer::messageReceived, this,
                [this](int, const QString &text)
                {
                    const Json message = Json::parse(text.toStdString(), nullptr, false);
                    if (message.is_object() && message.value("commandId", "") == "autohost/update")
                    {
                        const Json &data = message.at("data");
                        m_updates[toQString(data.value("battleId", ""))].append(
                            {m_clock.isValid() ? m_clock.elapsed() : 0, data.at("update")});
                    }
                });
        m_service = std::make_unique<AutohostService>(config());
        m_service->start();
        m_connection = m_server->waitForReadyAutohost();
        QVERIFY(m_connection >= 0);
    }

    void cleanup()
    {
        if (QTest::currentTestFailed())
        {
            dumpLogs();
        }
        m_clients.clear();
        QSignalSpy finished(m_service.get(), &AutohostService::finished);
        m_service->shutdown(u"test finished"_s);
        QVERIFY(finished.count() == 1 || finished.wait(30000));
        m_service.reset();

        // Every message the autohost sent passes the official validators.
        const Status conformant = ConformanceOracle::checkAll(m_server->allReceived());
        m_server.reset();
        m_battles.clear();
        m_clock.invalidate();
        QVERIFY2(conformant.ok(), qPrintable(conformant.ok() ? QString() : conformant.error()));
    }

    // An engine killed from outside is a crash, with the signal in the details.
    void engineKilledFromOutsideIsACrash()
    {
        const QUuid id = QUuid::createUuid();
        QVERIFY(startBattle(startData(id, Json::object(), "^minigame:")) != 0);
        const auto battle = m_service->battles()->find(id);
        QVERIFY(battle.ok());
        const qint64 pid = (*battle)->pid();
        QVERIFY(pid > 0);
        QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);

        QVERIFY(QTest::qWaitFor([&] { return ended(id); }, 15000));
        printTimeline(id);
        const QList<Json> crashes = updates(id, "engine_crash");
        QCOMPARE(crashes.size(), 1);
        QVERIFY(updates(id, "engine_quit").isEmpty());
        const QString details = toQString(crashes.constFirst().value("details", ""));
        QVERIFY2(details.contains(u"signal 9"_s) && details.contains(u"SIGKILL"_s), qPrintable(details));
        QCOMPARE(updates(id).constLast().value("type", ""), std::string("engine_crash"));
        QTRY_COMPARE_WITH_TIMEOUT(m_service->battles()->currentBattles(), 0, 5000);
    }

    // Two players and a spectator play to the natural end: the game's Lua declares ally team 1 the winner
    // at frame 150 and every client quits 2 s later, so the engine shuts down by itself.
    void naturalGame()
    {
        const QUuid id = QUuid::createUuid();
        // Lets the rules, LuaUI-to-all, Gaia and binary greetings through, not the LuaUI ones to allies or
        // spectators.
        const quint16 port =
            startBattle(startData(id, {{"gameoverframe", "150"}, {"winner", "1"}, {"clientquit", "1"}},
                                  "^minigame:(hello|binary)"));
        QVERIFY(port != 0);
        QVERIFY(startClients(id, {Alice, Bob, Carol}, port));
        QVERIFY2(QTest::qWaitFor([&] { return ended(id); }, 120000), "the game did not end by itself");
        printTimeline(id);

        const QList<Json> all = updates(id);
        QCOMPARE(all.constLast(), Json({{"type", "engine_quit"}}));
        QVERIFY(updates(id, "engine_crash").isEmpty());

        QCOMPARE(updateSet(id, "player_joined"), QStringList({uR"({"userId":"1001","playerNumber":0})"_s,
                                                              uR"({"userId":"1002","playerNumber":1})"_s,
                                                              uR"({"userId":"1003","playerNumber":2})"_s}));
        // The game starts once, after everybody has loaded.
        QCOMPARE(updates(id, "start").size(), 1);
        qsizetype lastJoin = -1;
        qsizetype start = -1;
        for (qsizetype i = 0; i < all.size(); ++i)
        {
            const std::string type = all.at(i).value("type", "");
            lastJoin = type == "player_joined" ? i : lastJoin;
            start = type == "start" ? i : start;
        }
        QVERIFY(lastJoin < start);

        // Each client's "say"; its whisper to the host (destination 255) has no update.
        QCOMPARE(updateSet(id, "player_chat"),
                 QStringList(
                     {uR"({"userId":"1001","message":"hello everyone from Alice","destination":"all"})"_s,
                      uR"({"userId":"1002","message":"hello everyone from Bob","destination":"all"})"_s,
                      uR"({"userId":"1003","message":"hello everyone from Carol","destination":"all"})"_s}));

        // Per client four of its six Lua messages pass luamsgRegexp, the binary one byte for byte.
        QStringList expectedLuamsgs;
        for (const User &user : {Alice, Bob, Carol})
        {
            for (const Json &expected :
                 {luamsg(user, "rules", "minigame:hello-rules"),
                  luamsg(user, "ui", "minigame:hello-ui", "all"), luamsg(user, "game", "minigame:hello-gaia"),
                  luamsg(user, "rules",
                         QByteArray("minigame:binary\0\xff"
                                    "end",
                                    20))})
            {
                Json withoutType = expected;
                withoutType.erase("type");
                expectedLuamsgs.append(toQString(dumpJson(withoutType)));
            }
        }
        expectedLuamsgs.sort();
        QCOMPARE(updateSet(id, "luamsg"), expectedLuamsgs);

        // Every client reports the game over, the spectator too.
        QCOMPARE(updateSet(id, "finished"), QStringList({uR"({"userId":"1001","winningAllyTeams":[1]})"_s,
                                                         uR"({"userId":"1002","winningAllyTeams":[1]})"_s,
                                                         uR"({"userId":"1003","winningAllyTeams":[1]})"_s}));
        QCOMPARE(updateSet(id, "player_left"), QStringList({uR"({"userId":"1001","reason":"left"})"_s,
                                                            uR"({"userId":"1002","reason":"left"})"_s,
                                                            uR"({"userId":"1003","reason":"left"})"_s}));
        QVERIFY(updates(id, "player_defeated").isEmpty());

        // Each client's synced Lua ended the game for ally team 1, its unsynced Lua then quit the client, and
        // with everybody gone the engine quit by itself.
        for (const auto &client : m_clients)
        {
            QTRY_VERIFY_WITH_TIMEOUT(!client->isRunning(), 10000);
            const QString infolog = client->infolog();
            QVERIFY2(infolog.contains(u"minigame: game over, winner 1"_s) &&
                         infolog.contains(u"minigame: quitting"_s),
                     qPrintable(client->name()));
        }
        QVERIFY(autohostLogged(u"battle %1: engine reported SERVER_QUIT"_s.arg(uuidText(id))));
        QVERIFY(readText(instanceFile(id, u"engine.log"_s))
                    .contains(u"No clients connected, shutting down server"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_service->battles()->currentBattles(), 0, 5000);
    }

    // The lobby's controls during a game: mute, addPlayer (and the new spectator joins), sendMessage,
    // sendCommand to the game's Lua, kick, spec, and finally kill, which ends the engine cleanly and leaves
    // a finished replay.
    void controlsDuringAGame()
    {
        const QUuid id = QUuid::createUuid();
        const std::string battle = toStdString(uuidText(id));
        // The game would only end after 100 s; only LuaUI greetings and acknowledgements pass the filter.
        const quint16 port =
            startBattle(startData(id, {{"gameoverframe", "3000"}}, "^minigame:(ui|hello-ui|ack)"));
        QVERIFY(port != 0);
        // Bob is muted before he connects.
        QVERIFY(
            requestSucceeds(u"autohost/mutePlayer"_s,
                            {{"battleId", battle}, {"userId", Bob.userId}, {"chat", true}, {"draw", false}}));
        QVERIFY(startClients(id, {Alice, Bob, Carol}, port));
        QVERIFY(QTest::qWaitFor([&] { return !updates(id, "start").isEmpty() || ended(id); }, 60000));
        QCOMPARE(updates(id, "start").size(), 1);

        // A spectator joins the running game.
        QVERIFY(requestSucceeds(u"autohost/addPlayer"_s, {{"battleId", battle},
                                                          {"userId", Dave.userId},
                                                          {"name", Dave.name},
                                                          {"password", Dave.password}}));
        QVERIFY(startClient(id, Dave, port));

        // Once the three have greeted (game frame 30), the autohost talks to them.
        for (const User &user : {Alice, Bob, Carol})
        {
            QVERIFY(waitForUpdate(id, luamsg(user, "ui", "minigame:hello-ui", "all"), 30000));
        }
        QVERIFY(requestSucceeds(u"autohost/sendMessage"_s,
                                {{"battleId", battle}, {"message", "hello from the autohost"}}));
        QVERIFY(requestSucceeds(u"autohost/sendCommand"_s,
                                {{"battleId", battle}, {"command", "luarules"}, {"arguments", {"ping"}}}));
        // Every client's synced Lua got "ping" from player 255, the autohost.
        for (const User &user : {Alice, Bob, Carol})
        {
            QVERIFY(waitForUpdate(id, luamsg(user, "rules", "minigame:ack:ping:255"), 20000));
        }

        QVERIFY(requestSucceeds(u"autohost/kickPlayer"_s, {{"battleId", battle}, {"userId", Carol.userId}}));
        QVERIFY(waitForUpdate(id, {{"type", "player_left"}, {"userId", Carol.userId}, {"reason", "kicked"}},
                              15000));
        QVERIFY(
            requestSucceeds(u"autohost/specPlayers"_s, {{"battleId", battle}, {"userIds", {Alice.userId}}}));
        QVERIFY(waitForUpdate(id, {{"type", "player_defeated"}, {"userId", Alice.userId}}, 15000));

        // Dave joined as player number 3 and, re-simulating the game, acknowledged the ping as well.
        QVERIFY(waitForUpdate(id, {{"type", "player_joined"}, {"userId", Dave.userId}, {"playerNumber", 3}},
                              40000));
        QVERIFY(waitForUpdate(id, luamsg(Dave, "rules", "minigame:ack:ping:255"), 40000));

        // The autohost's message reached the clients.
        for (const User &user : {Alice, Bob, Carol})
        {
            QVERIFY2(client(user.name)->output().contains(u"> hello from the autohost"_s), user.name);
        }

        QVERIFY(requestSucceeds(u"autohost/kill"_s, {{"battleId", battle}}));
        QVERIFY(QTest::qWaitFor([&] { return ended(id); }, 30000));
        printTimeline(id);
        QCOMPARE(updates(id).constLast(), Json({{"type", "engine_quit"}}));
        QVERIFY(updates(id, "engine_crash").isEmpty());

        QCOMPARE(updateSet(id, "player_joined"), QStringList({uR"({"userId":"1001","playerNumber":0})"_s,
                                                              uR"({"userId":"1002","playerNumber":1})"_s,
                                                              uR"({"userId":"1003","playerNumber":2})"_s,
                                                              uR"({"userId":"1004","playerNumber":3})"_s}));
        // Muted Bob's chat never arrived, everybody else's did; his Lua messages did.
        const QStringList chat = updateSet(id, "player_chat");
        QVERIFY2(
            std::none_of(chat.cbegin(), chat.cend(), [](const QString &c) { return c.contains(u"1002"_s); }),
            qPrintable(chat.join(u'\n')));
        for (const User &user : {Alice, Carol, Dave})
        {
            const QString expected =
                uR"({"userId":"%1","message":"hello everyone from %2","destination":"all"})"_s.arg(
                    QLatin1String(user.userId), QLatin1String(user.name));
            QVERIFY2(chat.contains(expected), qPrintable(chat.join(u'\n')));
        }
        // The LuaUI greetings with all three modes, from everyone; nothing the filter refuses.
        for (const User &user : {Alice, Bob, Carol, Dave})
        {
            QVERIFY(hasUpdate(id, luamsg(user, "ui", "minigame:hello-ui", "all")));
            QVERIFY(hasUpdate(id, luamsg(user, "ui", "minigame:ui-allies", "allies")));
            QVERIFY(hasUpdate(id, luamsg(user, "ui", "minigame:ui-spectators", "spectators")));
        }
        for (const Json &update : updates(id, "luamsg"))
        {
            const QByteArray data =
                QByteArray::fromBase64(QByteArray::fromStdString(update.value("data", "")));
            const bool greeting = update.value("script", "") == "ui" && data.startsWith("minigame:");
            const bool ack = update.value("script", "") == "rules" && data == "minigame:ack:ping:255";
            QVERIFY2(greeting || ack, qPrintable(describe(update)));
        }
        QCOMPARE(updates(id, "player_defeated").size(), 1);
        QVERIFY(updates(id, "finished").isEmpty());

        // /kill, not a signal: the engine reported SERVER_QUIT, said so in its log and wrote its replay.
        QVERIFY(autohostLogged(u"battle %1: engine reported SERVER_QUIT"_s.arg(uuidText(id))));
        const QString engineLog = readText(instanceFile(id, u"engine.log"_s));
        QVERIFY(engineLog.contains(u"Server killed!"_s));
        checkReplay(id, 4);
        QTRY_COMPARE_WITH_TIMEOUT(m_service->battles()->currentBattles(), 0, 5000);
    }
};

QTEST_GUILESS_MAIN(TestRealGames)
#include "tst_realgames.moc"
