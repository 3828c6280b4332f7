#include <csignal>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "adminstreamclient.h"
#include "autohostprocess.h"
#include "blockinghttp.h"
#include "conformanceoracle.h"
#include "expositionparser.h"
#include "faketachyonserver.h"

#include <sys/prctl.h>

using namespace Qt::Literals::StringLiterals;

// The headless program as a host runs it: `autohost --headless --config config.json`, driven by a fake
// Tachyon server over real sockets, with the fake engine installed under engines/.
class TestHeadless : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeConfig(quint16 serverPort, const Json &extra = Json::object())
    {
        Json config = {
            {"tachyonServer", "127.0.0.1"},
            {"tachyonServerPort", serverPort},
            {"useSecureConnection", false},
            {"authClientId", "autohost1"},
            {"authClientSecret", "s3cret-value"},
            {"hostingIP", "192.0.2.10"},
            {"engineBindIP", "127.0.0.1"},
            {"engineStartPort", 36000 + int(QCoreApplication::applicationPid() % 20) * 100},
            {"engineAutohostStartPort", 38000 + int(QCoreApplication::applicationPid() % 20) * 100},
            {"maxPortsUsed", 50},
            {"engineSettings", {{"InitialNetworkTimeout", 30}}},
            // Tests running in parallel must not fight over the admin endpoint's fixed port.
            {"adminListen", "127.0.0.1:0"}};
        config.update(extra);
        const QString path = m_dir.filePath(u"config.json"_s);
        QFile file(path);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(dumpJsonBytes(config));
        return path;
    }

    void startAutohost(QProcess &process, const QStringList &arguments)
    {
        process.setProgram(QStringLiteral(AUTOHOST_BINARY));
        process.setArguments(arguments);
        process.setWorkingDirectory(m_dir.path());
        process.setProcessChannelMode(QProcess::MergedChannels);
        // Even a test that aborts leaves no autohost behind.
        process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        process.start();
        QVERIFY(process.waitForStarted());
    }

    // Starts a one-player battle on the fake engine; returns its id, or nothing when the start failed.
    static QString startBattle(FakeTachyonServer &server, int connection)
    {
        const QString battle = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const Json response = server.waitForResponse(
            server.sendRequest(connection, u"autohost/start"_s, AutohostProcess::startData(battle)), 10000);
        return response.value("status", "") == "success" ? battle : QString();
    }

    // Reads what the program wrote until text shows up in it; output keeps everything read so far.
    static bool waitForOutput(QProcess &process, QString *output, const QString &text, int timeout = 10000)
    {
        return QTest::qWaitFor(
            [&]
            {
                *output += QString::fromUtf8(process.readAll());
                return output->contains(text);
            },
            timeout);
    }

    static bool isStatusWithMaxBattles(const Json &message, int maxBattles)
    {
        return message.value("commandId", "") == "autohost/status" &&
               message.at("data").value("maxBattles", -1) == maxBattles;
    }

    static std::optional<qint64> pidOfEngine(const QString &instanceDir)
    {
        // The fake engine writes its pid into its log; /proc would also do, this stays portable across tests.
        QFile log(instanceDir + u"/engine.log"_s);
        if (!log.open(QIODevice::ReadOnly))
        {
            return std::nullopt;
        }
        for (const QByteArray &line : log.readAll().split('\n'))
        {
            const qsizetype at = line.indexOf("[fake] pid ");
            if (at >= 0)
            {
                bool ok = false;
                const qint64 pid = line.mid(at + 11).trimmed().toLongLong(&ok);
                if (ok)
                {
                    return pid;
                }
            }
        }
        return std::nullopt;
    }

    // A live process, not a zombie.
    static bool isAlive(qint64 pid)
    {
        QFile stat(u"/proc/%1/stat"_s.arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
        {
            return false;
        }
        const QByteArray line = stat.readAll();
        const qsizetype end = line.lastIndexOf(')');
        return end >= 0 && end + 2 < line.size() && line.at(end + 2) != 'Z';
    }

    // The processes whose command line names an instance directory under dataDir: its engines.
    static QList<qint64> enginesRunningIn(const QString &dataDir)
    {
        const QByteArray instances =
            (QFileInfo(dataDir).canonicalFilePath() + u"/instances/"_s).toLocal8Bit();
        QList<qint64> pids;
        for (const QString &entry : QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        {
            bool isPid = false;
            const qint64 pid = entry.toLongLong(&isPid);
            QFile commandLine(u"/proc/%1/cmdline"_s.arg(entry));
            // A zombie's command line is empty.
            if (isPid && commandLine.open(QIODevice::ReadOnly) && commandLine.readAll().contains(instances))
            {
                pids.append(pid);
            }
        }
        return pids;
    }

    // The battle ids of the engine_crash updates the connection received, in order.
    static QStringList crashReports(const FakeTachyonServer &server, int connection)
    {
        QStringList battles;
        for (const Json &message : server.received(connection))
        {
            if (message.value("commandId", "") == "autohost/update" &&
                message.at("data").at("update").value("type", "") == "engine_crash")
            {
                battles.append(toQString(message.at("data").value("battleId", "")));
            }
        }
        return battles;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString engineDir = m_dir.filePath(u"engines/2025.06.22"_s);
        QVERIFY(QDir().mkpath(engineDir));
        QVERIFY(QFile::link(QStringLiteral(FAKE_ENGINE_PATH), engineDir + u"/spring-dedicated"_s));
    }

    void invalidConfigurationStopsWithTheKeyNamed()
    {
        const QString config = writeConfig(1, {{"maxBattles", 0}});
        QProcess process;
        startAutohost(process, {u"--headless"_s, u"--config"_s, config});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        const QString output = QString::fromUtf8(process.readAll());
        QVERIFY2(output.contains(u"maxBattles"_s), qPrintable(output));
        QVERIFY(!output.contains(u"s3cret-value"_s));
    }

    void servesTheServerAndShutsDownCleanlyOnSigterm()
    {
        FakeTachyonServer server;
        server.setCredentials(u"autohost1"_s, u"s3cret-value"_s);
        QVERIFY(server.listen());
        QProcess process;
        // No drain: the battle is stopped at once.
        startAutohost(process, {u"--headless"_s, u"--config"_s,
                                writeConfig(server.port(), {{"drainTimeoutSeconds", 0}})});
        const int connection = server.waitForConnection(10000);
        if (connection < 0)
        {
            qWarning("%s", process.readAll().constData());
        }
        QVERIFY(connection >= 0);
        QVERIFY(
            !server
                 .waitForMessage([](const Json &m) { return m.value("commandId", "") == "autohost/status"; })
                 .is_null());
        QCOMPARE(server.received(connection).constFirst().value("commandId", ""),
                 std::string("autohost/status"));
        QCOMPARE(
            dumpJson(server.received(connection).constFirst().at("data")),
            // The installed fake engine and Debian's spring-dedicated, found on the system.
            std::string(R"({"maxBattles":50,"currentBattles":0,"availableEngines":["106.0","2025.06.22"]})"));

        const QString battle = startBattle(server, connection);
        QVERIFY(!battle.isEmpty());
        const QString instance = m_dir.filePath(u"instances/"_s + battle);
        QVERIFY(QFile::exists(instance + u"/script.txt"_s));
        QVERIFY(QFile::exists(instance + u"/engine.log"_s));
        QFile settings(instance + u"/springsettings.cfg"_s);
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QCOMPARE(
            settings.readAll(),
            QByteArray("InitialNetworkTimeout=30\nAllowSpectatorJoin=0\nWhiteListAdditionalPlayers=1\n"));

        // Wait with a running event loop: the server in this process must keep reading what the autohost
        // sends.
        QSignalSpy finished(&process, &QProcess::finished);
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(finished.wait(20000));
        QTRY_VERIFY(!server.received(connection).isEmpty() &&
                    server.received(connection).constLast().value("commandId", "") == "system/disconnect");
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        const QString output = QString::fromUtf8(process.readAll());
        QVERIFY2(!output.contains(u"s3cret-value"_s), "the client secret must never be logged");
        const QList<Json> received = server.received(connection);
        bool quit = false;
        for (const Json &message : received)
        {
            quit = quit || (message.value("commandId", "") == "autohost/update" &&
                            message.at("data").at("update").value("type", "") == "engine_quit");
        }
        QVERIFY2(quit, qPrintable(output));
        QCOMPARE(received.constLast().value("commandId", ""), std::string("system/disconnect"));
        const Status conformant = ConformanceOracle::checkAll(received);
        QVERIFY2(conformant.ok(), qPrintable(conformant.ok() ? QString() : conformant.error()));
    }

    // SIGTERM with the default drain: no capacity, starts refused, and the running battle goes on until it
    // ends by itself; then the goodbye and exit code 0.
    void sigtermDrainsUntilTheBattlesEnd()
    {
        FakeTachyonServer server;
        server.setCredentials(u"autohost1"_s, u"s3cret-value"_s);
        QVERIFY(server.listen());
        QProcess process;
        startAutohost(process, {u"--headless"_s, u"--config"_s, writeConfig(server.port())});
        const int connection = server.waitForConnection(10000);
        QVERIFY(connection >= 0);
        const QString battle = AutohostProcess::startBattle(server, connection, u"quit:4000"_s);
        QVERIFY(!battle.isEmpty());

        QSignalSpy finished(&process, &QProcess::finished);
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(!server.waitForMessage([](const Json &m) { return isStatusWithMaxBattles(m, 0); }, 10000)
                     .is_null());
        const Json refused = server.waitForResponse(
            server.sendRequest(
                connection, u"autohost/start"_s,
                AutohostProcess::startData(QUuid::createUuid().toString(QUuid::WithoutBraces))),
            10000);
        QCOMPARE(refused.value("reason", ""), std::string("invalid_request"));
        QVERIFY2(toQString(refused.value("details", "")).contains(u"shutting down"_s),
                 dumpJson(refused).c_str());
        QString output;
        QVERIFY(waitForOutput(process, &output, u"waiting up to 7200 s for 1 running battles"_s));
        QVERIFY(output.contains(u"send the signal again to stop every battle now"_s));

        QVERIFY(finished.wait(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        output += QString::fromUtf8(process.readAll());
        QVERIFY2(output.contains(u"draining: every battle has ended"_s), qPrintable(output));
        QFile log(m_dir.filePath(u"instances/"_s + battle + u"/engine.log"_s));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(!log.readAll().contains("Server killed!")); // it ended by itself
        QTRY_VERIFY(!server.received(connection).isEmpty() &&
                    server.received(connection).constLast().value("commandId", "") == "system/disconnect");
        bool quit = false;
        for (const Json &message : server.received(connection))
        {
            quit = quit || (message.value("commandId", "") == "autohost/update" &&
                            message.at("data").at("update").value("type", "") == "engine_quit");
        }
        QVERIFY(quit);
    }

    void aSecondSigtermStopsEverythingAtOnce()
    {
        FakeTachyonServer server;
        server.setCredentials(u"autohost1"_s, u"s3cret-value"_s);
        QVERIFY(server.listen());
        QProcess process;
        startAutohost(process, {u"--headless"_s, u"--config"_s, writeConfig(server.port())});
        const int connection = server.waitForConnection(10000);
        QVERIFY(connection >= 0);
        const QString battle = startBattle(server, connection);
        QVERIFY(!battle.isEmpty());
        const auto enginePid = pidOfEngine(m_dir.filePath(u"instances/"_s + battle));
        QVERIFY(enginePid.has_value());

        QSignalSpy finished(&process, &QProcess::finished);
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(!server.waitForMessage([](const Json &m) { return isStatusWithMaxBattles(m, 0); }, 10000)
                     .is_null());
        QString output;
        QVERIFY(waitForOutput(process, &output, u"draining"_s));
        QCOMPARE(::kill(pid_t(*enginePid), 0), 0); // draining: the engine runs on
        ::kill(pid_t(process.processId()), SIGTERM);
        // Well before the 2 h drain would end.
        QVERIFY(finished.wait(20000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        output += QString::fromUtf8(process.readAll());
        QVERIFY2(output.contains(u"SIGTERM received again: killing all engines"_s), qPrintable(output));
        QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(*enginePid), 0) != 0, 5000);
        QTRY_VERIFY(!server.received(connection).isEmpty() &&
                    server.received(connection).constLast().value("commandId", "") == "system/disconnect");
    }

    // SIGHUP reads the same file again: a live key changes what the server hears, a key that needs a restart
    // is reported, an invalid file changes nothing.
    void sighupReloadsTheConfiguration()
    {
        FakeTachyonServer server;
        server.setCredentials(u"autohost1"_s, u"s3cret-value"_s);
        QVERIFY(server.listen());
        const Json noDrain = {{"drainTimeoutSeconds", 0}};
        QProcess process;
        startAutohost(process, {u"--headless"_s, u"--config"_s, writeConfig(server.port(), noDrain)});
        const int connection = server.waitForConnection(10000);
        QVERIFY(connection >= 0);
        QVERIFY(!server.waitForMessage([](const Json &m) { return isStatusWithMaxBattles(m, 50); }, 10000)
                     .is_null());

        Json changed = noDrain;
        changed.update({{"maxBattles", 7}, {"tachyonServer", "localhost"}});
        writeConfig(server.port(), changed);
        ::kill(pid_t(process.processId()), SIGHUP);
        QVERIFY(!server.waitForMessage([](const Json &m) { return isStatusWithMaxBattles(m, 7); }, 10000)
                     .is_null());
        QString output;
        QVERIFY(waitForOutput(process, &output, u"configuration reloaded: applied maxBattles"_s));
        QVERIFY(waitForOutput(process, &output, u"take effect only after a restart: tachyonServer"_s));

        Json invalid = changed;
        invalid.update({{"maxBattles", 0}});
        writeConfig(server.port(), invalid);
        ::kill(pid_t(process.processId()), SIGHUP);
        QVERIFY(waitForOutput(process, &output, u"configuration not reloaded, nothing changed: "_s));
        QVERIFY2(output.contains(u"maxBattles: must be an integer >= 1"_s), qPrintable(output));
        // Still serving, still 7 slots.
        QVERIFY(!startBattle(server, connection).isEmpty());
        QVERIFY(!server
                     .waitForMessage(
                         [](const Json &m) {
                             return isStatusWithMaxBattles(m, 7) &&
                                    m.at("data").value("currentBattles", -1) == 1;
                         },
                         10000)
                     .is_null());
        QVERIFY(process.state() == QProcess::Running);

        QSignalSpy finished(&process, &QProcess::finished);
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(finished.wait(20000));
        QCOMPARE(process.exitCode(), 0);
        output += QString::fromUtf8(process.readAll());
        QVERIFY(!output.contains(u"s3cret-value"_s));
    }

    // The admin endpoint of the running program, as a remote desktop app or Prometheus uses it: the state
    // snapshot, the metrics and the stream with a control, all behind the configured token.
    void servesTheAdminEndpoint()
    {
        FakeTachyonServer server;
        server.setCredentials(u"autohost1"_s, u"s3cret-value"_s);
        QVERIFY(server.listen());
        const QByteArray token = "contract-token-0123456789";
        AutohostProcess process(QStringLiteral(AUTOHOST_BINARY), QStringLiteral(FAKE_ENGINE_PATH));
        QVERIFY2(process.problem().isEmpty(), qPrintable(process.problem()));
        QVERIFY(process.start(server.port(), u"127.0.0.1:0"_s, {{"adminToken", token.toStdString()}}));
        const quint16 port = process.waitForAdminPort();
        QVERIFY2(port != 0, qPrintable(process.output()));
        const int connection = server.waitForConnection(10000);
        QVERIFY(connection >= 0);
        const QString battle = startBattle(server, connection);
        QVERIFY(!battle.isEmpty());

        QCOMPARE(BlockingHttp::get(port, "/api/v1/state").first, 401);
        QCOMPARE(BlockingHttp::get(port, "/api/v1/state", "wrong-token").first, 401);
        const auto [stateStatus, stateBody] = BlockingHttp::get(port, "/api/v1/state", token);
        QCOMPARE(stateStatus, 200);
        const Json state = Json::parse(stateBody.begin(), stateBody.end(), nullptr, false);
        QCOMPARE(state.value("apiVersion", 0), 1);
        QCOMPARE(state.at("connection").value("state", ""), std::string("connected"));
        QCOMPARE(state.at("battles").size(), std::size_t(1));
        QCOMPARE(state.at("battles").at(0).value("battleId", ""), battle.toStdString());
        QVERIFY(!stateBody.contains("s3cret-value"));
        QVERIFY(!stateBody.contains(token));

        const auto [metricsStatus, metricsBody] = BlockingHttp::get(port, "/metrics", token);
        QCOMPARE(metricsStatus, 200);
        const auto exposition = ExpositionParser::parse(metricsBody);
        QVERIFY2(exposition, exposition ? "" : qPrintable(exposition.error()));
        QVERIFY2(metricsBody.contains("\nautohost_tachyon_connected 1\n"), metricsBody.constData());
        QVERIFY2(metricsBody.contains("\nautohost_battles_running 1\n"), metricsBody.constData());
        QVERIFY2(metricsBody.contains(
                     "\nautohost_requests_total{command=\"autohost/start\",outcome=\"success\"} 1\n"),
                 metricsBody.constData());

        AdminStreamClient stream;
        QVERIFY(stream.open(QUrl(u"ws://127.0.0.1:%1/api/v1/stream"_s.arg(port)), 10000, token));
        QCOMPARE(stream.snapshot().at("battles").at(0).value("battleId", ""), battle.toStdString());
        const Json killed = stream.control(u"kill"_s, Json{{"battleId", battle.toStdString()}});
        QCOMPARE(killed.value("status", ""), std::string("success"));
        QVERIFY(!stream
                     .waitForEvent("battles",
                                   [&battle](const Json &data)
                                   {
                                       for (const Json &row : data.value("battles", Json::array()))
                                       {
                                           if (row.value("battleId", "") == battle.toStdString() &&
                                               row.value("active", true) == false)
                                           {
                                               return true;
                                           }
                                       }
                                       return false;
                                   })
                     .is_null());
        QTRY_VERIFY_WITH_TIMEOUT(
            BlockingHttp::get(port, "/metrics", token).second.contains("\nautohost_battles_running 0\n"),
            10000);

        AdminStreamClient stranger;
        QVERIFY(!stranger.open(QUrl(u"ws://127.0.0.1:%1/api/v1/stream"_s.arg(port)), 3000, "wrong-token"));

        QVERIFY(process.stop());
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(!process.output().contains(QString::fromLatin1(token)));
    }

    void enginesDieWithAKilledAutohost()
    {
        FakeTachyonServer server;
        server.setCredentials(u"autohost1"_s, u"s3cret-value"_s);
        QVERIFY(server.listen());
        QProcess process;
        startAutohost(process, {u"--headless"_s, u"--log-format"_s, u"json"_s, writeConfig(server.port())});
        const int connection = server.waitForConnection(10000);
        QVERIFY(connection >= 0);
        const QString battle = startBattle(server, connection);
        QVERIFY(!battle.isEmpty());
        const auto enginePid = pidOfEngine(m_dir.filePath(u"instances/"_s + battle));
        QVERIFY(enginePid.has_value());
        QCOMPARE(::kill(pid_t(*enginePid), 0), 0);

        process.kill();
        QVERIFY(process.waitForFinished(5000));
        QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(*enginePid), 0) != 0, 5000);
        // JSON lines mode: every line of the log is a JSON object.
        const QList<QByteArray> lines = process.readAll().split('\n');
        int parsed = 0;
        for (const QByteArray &line : lines)
        {
            if (!line.trimmed().isEmpty())
            {
                QVERIFY2(!Json::parse(line.toStdString(), nullptr, false).is_discarded(), line.constData());
                ++parsed;
            }
        }
        QVERIFY(parsed > 3);
    }

    // Two autohosts on one journal would interleave their records and each report the other's battles as
    // crashed: the second refuses to start and says why.
    void aSecondAutohostOnTheSameJournalRefusesToStart()
    {
        FakeTachyonServer server;
        server.setCredentials(u"autohost1"_s, u"s3cret-value"_s);
        QVERIFY(server.listen());
        AutohostProcess first(QStringLiteral(AUTOHOST_BINARY), QStringLiteral(FAKE_ENGINE_PATH));
        QVERIFY2(first.problem().isEmpty(), qPrintable(first.problem()));
        QVERIFY(first.start(server.port(), u"127.0.0.1:0"_s));
        QVERIFY2(server.waitForReadyAutohost() >= 0, qPrintable(first.output()));

        QProcess second;
        second.setProgram(QStringLiteral(AUTOHOST_BINARY));
        second.setArguments({u"--headless"_s, u"--config"_s, first.directory() + u"/config.json"_s});
        second.setWorkingDirectory(first.directory());
        second.setProcessChannelMode(QProcess::MergedChannels);
        second.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        second.start();
        QVERIFY(second.waitForFinished(10000));
        QCOMPARE(second.exitCode(), 2);
        const QString output = QString::fromUtf8(second.readAll());
        QVERIFY2(output.contains(u"is in use by"_s) &&
                     output.contains(u"another autohost runs with this journalDir"_s),
                 qPrintable(output));
        QVERIFY(first.isRunning());
        QVERIFY(first.stop());
        QCOMPARE(first.exitCode(), 0);
    }

    // The autohost SIGKILLed with ten battles running: no engine survives it, and the next start tells the
    // server how exactly those battles ended (engine_crash, once the server has subscribed); the start after
    // that reports nothing again.
    void battlesOfAKilledAutohostAreReportedOnTheNextStart()
    {
        FakeTachyonServer server;
        server.setCredentials(u"autohost1"_s, u"s3cret-value"_s);
        QVERIFY(server.listen());
        AutohostProcess process(QStringLiteral(AUTOHOST_BINARY), QStringLiteral(FAKE_ENGINE_PATH));
        QVERIFY2(process.problem().isEmpty(), qPrintable(process.problem()));
        QVERIFY(process.start(server.port(), u"127.0.0.1:0"_s));
        int connection = server.waitForReadyAutohost();
        QVERIFY2(connection >= 0, qPrintable(process.output()));
        QStringList running;
        QList<qint64> pids;
        for (int i = 0; i < 10; ++i)
        {
            const QString battle = AutohostProcess::startBattle(server, connection);
            QVERIFY2(!battle.isEmpty(), qPrintable(process.output()));
            running.append(battle);
            const auto pid = pidOfEngine(process.directory() + u"/instances/"_s + battle);
            QVERIFY(pid.has_value());
            QVERIFY(isAlive(*pid));
            pids.append(*pid);
        }
        QCOMPARE(enginesRunningIn(process.directory()).size(), 10);
        // A battle that ended before the kill is not reported.
        const QString ended = AutohostProcess::startBattle(server, connection);
        QVERIFY(!ended.isEmpty());
        server.sendRequest(connection, u"autohost/kill"_s, Json{{"battleId", ended.toStdString()}});
        QVERIFY(!server
                     .waitForMessage(
                         [&ended](const Json &m)
                         {
                             return m.value("commandId", "") == "autohost/update" &&
                                    m.at("data").value("battleId", "") == ended.toStdString() &&
                                    m.at("data").at("update").value("type", "") == "engine_quit";
                         },
                         10000)
                     .is_null());

        process.kill();
        QTRY_VERIFY_WITH_TIMEOUT(std::none_of(pids.cbegin(), pids.cend(), isAlive), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(enginesRunningIn(process.directory()).isEmpty(), 5000);

        QVERIFY(process.start(server.port(), u"127.0.0.1:0"_s));
        connection = server.waitForReadyAutohost();
        QVERIFY2(connection >= 0, qPrintable(process.output()));
        QTRY_VERIFY_WITH_TIMEOUT(crashReports(server, connection).size() >= 10, 10000);
        QStringList reported = crashReports(server, connection);
        reported.sort();
        running.sort();
        QCOMPARE(reported, running);
        for (const Json &message : server.received(connection))
        {
            if (message.value("commandId", "") == "autohost/update")
            {
                const QString details = toQString(message.at("data").at("update").value("details", ""));
                QVERIFY2(details.startsWith(
                             u"the autohost stopped while the battle was running (last sign of life "_s),
                         qPrintable(details));
            }
        }
        const QString log = process.output();
        QVERIFY2(log.contains(u"10 battles were running when the previous autohost stopped"_s),
                 qPrintable(log));
        const Status conformant = ConformanceOracle::checkAll(server.received(connection));
        QVERIFY2(conformant.ok(), qPrintable(conformant.ok() ? QString() : conformant.error()));
        QVERIFY(process.stop());
        QCOMPARE(process.exitCode(), 0);

        QVERIFY(process.start(server.port(), u"127.0.0.1:0"_s));
        connection = server.waitForReadyAutohost();
        QVERIFY2(connection >= 0, qPrintable(process.output()));
        // A round trip: whatever the start would have reported came before this answer.
        const Json answer = server.waitForResponse(
            server.sendRequest(connection, u"autohost/subscribeUpdates"_s,
                               Json{{"since", QDateTime::currentMSecsSinceEpoch() * 1000}}),
            5000);
        QCOMPARE(answer.value("status", ""), std::string("success"));
        QVERIFY(crashReports(server, connection).isEmpty());
        QVERIFY(process.stop());
    }
};

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
