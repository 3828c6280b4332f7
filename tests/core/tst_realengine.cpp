#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "autohostservice.h"
#include "conformanceoracle.h"
#include "faketachyonserver.h"

using namespace Qt::Literals::StringLiterals;

// The autohost with Debian's real spring-dedicated (package "spring", 106.0) installed as an engine version:
// start through the Tachyon protocol, the engine's real UDP interface, and a graceful stop with /kill.
class TestRealEngine : public QObject
{
    Q_OBJECT

private:
    static constexpr auto DebianEngine = "/usr/games/spring-dedicated";
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        if (!QFile::exists(QString::fromLatin1(DebianEngine)))
        {
            QFAIL("Debian's spring-dedicated is missing: install the package \"spring\" "
                  "(scripts/install-deps.sh --tests)");
        }
        QVERIFY(m_dir.isValid());
        const QString engineDir = m_dir.filePath(u"engines/106.0"_s);
        QVERIFY(QDir().mkpath(engineDir));
        QVERIFY(QFile::link(QString::fromLatin1(DebianEngine), engineDir + u"/spring-dedicated"_s));
    }

    void startAndKillThroughTheProtocol()
    {
        FakeTachyonServer server;
        QVERIFY(server.listen());
        Config config = server.autohostConfig();
        config.engineBindIP = u"127.0.0.1"_s;
        config.enginesDir = m_dir.filePath(u"engines"_s);
        config.instancesDir = m_dir.filePath(u"instances"_s);
        config.journalDir = m_dir.filePath(u"journal"_s);
        const int base = 42000 + int(QCoreApplication::applicationPid() % 50) * 20;
        config.engineStartPort = base;
        config.engineAutohostStartPort = base + 1000;
        config.maxPortsUsed = 10;
        AutohostService service(config);
        service.start();
        const int connection = server.waitForConnection(10000);
        QVERIFY(connection >= 0);

        const QUuid id = QUuid::createUuid();
        const std::string battle = toStdString(id.toString(QUuid::WithoutBraces));
        const Json start = {
            {"battleId", battle},
            {"engineVersion", "106.0"},
            {"gameName", "MiniGame 1.0"},
            {"mapName", "MiniMap"},
            {"startPosType", "ingame"},
            {"allyTeams",
             {{{"teams", {{{"players", {{{"userId", "1"}, {"name", "Alice"}, {"password", "a"}}}}}}}},
              {{"teams", {{{"players", {{{"userId", "2"}, {"name", "Bob"}, {"password", "b"}}}}}}}}}}};
        const Json response =
            server.waitForResponse(server.sendRequest(connection, u"autohost/start"_s, start), 15000);
        QCOMPARE(response.value("status", ""), std::string("success"));
        QCOMPARE(response.at("data").at("port").get<int>(), base + 1);

        // The real engine's messages arrive as updates.
        const auto messages = [&]
        {
            QStringList texts;
            for (const Json &message : server.received(connection))
            {
                if (message.value("commandId", "") == "autohost/update" &&
                    message.at("data").at("update").value("type", "") == "engine_message")
                {
                    texts.append(toQString(message.at("data").at("update").value("message", "")));
                }
            }
            return texts;
        };
        QTRY_VERIFY_WITH_TIMEOUT(messages().contains(u"Server started on port %1"_s.arg(base + 1)), 10000);
        QVERIFY(messages().contains(u"Connecting to autohost on port %1"_s.arg(base + 1001)));

        const Json killed = server.waitForResponse(
            server.sendRequest(connection, u"autohost/kill"_s, Json{{"battleId", battle}}));
        QCOMPARE(killed.value("status", ""), std::string("success"));
        const Json quit = server.waitForMessage(
            [](const Json &m)
            {
                return m.value("commandId", "") == "autohost/update" &&
                       m.at("data").at("update").value("type", "") == "engine_quit";
            },
            15000);
        QVERIFY(!quit.is_null());
        QTRY_COMPARE_WITH_TIMEOUT(service.battles()->currentBattles(), 0, 10000);

        // /kill, not a signal, ended it: the engine logged its own orderly shutdown.
        QFile log(m_dir.filePath(u"instances/"_s + toQString(battle) + u"/engine.log"_s));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray text = log.readAll();
        QVERIFY2(text.contains("Server started on port"), text.constData());
        QVERIFY2(!text.contains("Failed to send buffer"), text.constData());

        QSignalSpy finished(&service, &AutohostService::finished);
        service.shutdown(u"test finished"_s);
        QVERIFY(finished.count() == 1 || finished.wait(10000));

        const Status conformant = ConformanceOracle::checkAll(server.allReceived());
        QVERIFY2(conformant.ok(), qPrintable(conformant.ok() ? QString() : conformant.error()));
    }
};

QTEST_GUILESS_MAIN(TestRealEngine)
#include "tst_realengine.moc"
