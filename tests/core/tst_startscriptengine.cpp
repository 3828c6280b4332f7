#include <algorithm>
#include <memory>

#include <QFile>
#include <QFileInfo>
#include <QNetworkDatagram>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include "protocol/startscriptwriter.h"
#include "startrequestfixtures.h"

using namespace Qt::Literals::StringLiterals;
using namespace StartRequestFixtures;

// The real spring-dedicated (Debian's spring 106) reads our scripts: it starts, reports SERVER_STARTED to the
// autohost port from the script, obeys /kill and finds no fault with the script's keys.
namespace
{
const QString EnginePath = u"/usr/games/spring-dedicated"_s;
const QString BaseContentDir = u"/usr/share/games/spring"_s;
const char ServerStarted = 0;
const char ServerQuit = 1;
const char ServerMessage = 4;

quint16 freeUdpPort()
{
    QUdpSocket probe;
    if (!probe.bind(QHostAddress::LocalHost, 0))
    {
        return 0;
    }
    return probe.localPort();
}

QString battleIdHex(const QUuid &uuid)
{
    return QString::fromLatin1(uuid.toRfc4122().toHex());
}
} // namespace

class TestStartScriptEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // CI installs Debian's spring package: a missing engine is a broken setup, not a reason to skip.
        if (!QFileInfo(EnginePath).isExecutable())
        {
            QFAIL(qPrintable(EnginePath + u" is missing: install the Debian package \"spring\""_s));
        }
    }

    void cleanup()
    {
        if (m_process && m_process->state() != QProcess::NotRunning)
        {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        if (QTest::currentTestFailed() && m_dir)
        {
            QFile infolog(m_dir->filePath(u"infolog.txt"_s));
            if (infolog.open(QIODevice::ReadOnly))
            {
                qWarning().noquote() << "infolog.txt:\n" << QString::fromUtf8(infolog.readAll());
            }
            if (m_process)
            {
                qWarning().noquote() << "engine output:\n" << QString::fromUtf8(m_process->readAll());
            }
        }
        m_process.reset();
        m_dir.reset();
    }

    void engineAcceptsTheScript_data()
    {
        QTest::addColumn<int>("fixture");
        QTest::newRow("teiserver minimal, ingame") << 2;
        QTest::newRow("reference live example, dummy hashes") << 0;
        QTest::newRow("full example, beforegame with hashes") << 1;
    }

    void engineAcceptsTheScript()
    {
        QFETCH(int, fixture);
        const StartRequest request =
            fixture == 0 ? liveExample() : (fixture == 1 ? fullExample() : teiserverExample());

        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());

        // Bound before the engine starts: its first datagram to a closed port would shut its interface down.
        QUdpSocket autohost;
        QVERIFY(autohost.bind(QHostAddress::LocalHost, 0));
        const ScriptEndpoints endpoints{u"127.0.0.1"_s, freeUdpPort(), u"127.0.0.1"_s, autohost.localPort()};
        QVERIFY(endpoints.hostPort != 0);

        const auto script = StartScriptWriter::write(request, endpoints);
        QVERIFY2(script.ok(), qPrintable(script.ok() ? QString() : script.error()));
        const QString scriptPath = QFileInfo(m_dir->filePath(u"script.txt"_s)).absoluteFilePath();
        QFile scriptFile(scriptPath);
        QVERIFY(scriptFile.open(QIODevice::WriteOnly));
        QCOMPARE(scriptFile.write(*script), script->size());
        scriptFile.close();
        QFile settingsFile(m_dir->filePath(u"springsettings.cfg"_s));
        QVERIFY(settingsFile.open(QIODevice::WriteOnly));
        settingsFile.write(StartScriptWriter::engineSettings({{u"InitialNetworkTimeout"_s, u"30"_s}}));
        settingsFile.close();

        m_process = std::make_unique<QProcess>();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"SPRING_WRITEDIR"_s, m_dir->path());
        environment.insert(u"SPRING_DATADIR"_s, BaseContentDir);
        m_process->setProcessEnvironment(environment);
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->setWorkingDirectory(m_dir->path());
        m_process->start(EnginePath, {u"-isolation"_s, scriptPath});
        QVERIFY2(m_process->waitForStarted(10000), qPrintable(m_process->errorString()));

        QTRY_VERIFY_WITH_TIMEOUT(autohost.hasPendingDatagrams() || m_process->state() == QProcess::NotRunning,
                                 30000);
        if (!autohost.hasPendingDatagrams())
        {
            QFAIL(qPrintable(
                u"the engine exited with code %1 before sending anything"_s.arg(m_process->exitCode())));
        }
        const QNetworkDatagram started = autohost.receiveDatagram();
        QCOMPARE(started.data(), QByteArray(1, ServerStarted));
        const QHostAddress engineAddress = started.senderAddress();
        const quint16 enginePort = quint16(started.senderPort());

        QCOMPARE(autohost.writeDatagram("/kill", engineAddress, enginePort), qint64(5));

        QStringList messages;
        bool quit = false;
        while (!quit)
        {
            QTRY_VERIFY2_WITH_TIMEOUT(autohost.hasPendingDatagrams(), "no SERVER_QUIT after /kill", 20000);
            const QNetworkDatagram datagram = autohost.receiveDatagram();
            if (datagram.senderPort() != enginePort)
            {
                continue;
            }
            const QByteArray data = datagram.data();
            QVERIFY(!data.isEmpty());
            if (data.at(0) == ServerMessage)
            {
                messages.append(QString::fromUtf8(data.mid(1)));
            }
            else
            {
                QCOMPARE(data, QByteArray(1, ServerQuit));
                quit = true;
            }
        }
        // The engine read the endpoint keys.
        QVERIFY2(messages.contains(u"Connecting to autohost on port %1"_s.arg(endpoints.autohostPort)),
                 qPrintable(messages.join(u'\n')));
        QVERIFY2(messages.contains(u"Server started on port %1"_s.arg(endpoints.hostPort)),
                 qPrintable(messages.join(u'\n')));

        QTRY_COMPARE_WITH_TIMEOUT(m_process->state(), QProcess::NotRunning, 30000);
        QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_process->exitCode(), 0);

        QFile infolog(m_dir->filePath(u"infolog.txt"_s));
        QVERIFY(infolog.open(QIODevice::ReadOnly));
        const QStringList log = QString::fromUtf8(infolog.readAll()).split(u'\n');
        const auto logHas = [&log](const QString &text)
        {
            return std::any_of(log.cbegin(), log.cend(),
                               [&text](const QString &line) { return line.contains(text); });
        };
        // GameID in the 16-byte form is honoured: the engine's game id is the battle UUID.
        QVERIFY(logHas(u"[DedicatedServer] GameID: "_s + battleIdHex(request.battleId)));
        QVERIFY(logHas(u"[DedicatedServer] using mod: "_s + request.gameName));
        QVERIFY(logHas(u"[DedicatedServer] using map: "_s + request.mapName));
        // Expected warnings: the dummy hash "1", and the loopback host address the test uses. Any other
        // (a count that does not match NumPlayers/NumTeams, …) or an error (a bad leader, a missing archive)
        // is a fault in the script.
        const QStringList harmless = {u"-hash string \"1\" should contain 128 characters"_s,
                                      u"opening socket on loopback address"_s};
        for (const QString &line : log)
        {
            const bool expected = std::any_of(harmless.cbegin(), harmless.cend(),
                                              [&line](const QString &text) { return line.contains(text); });
            QVERIFY2(expected || !line.contains(u"Warning"_s), qPrintable(line));
            QVERIFY2(!line.contains(u"Error"_s), qPrintable(line));
            QVERIFY2(!line.contains(u"Dependent archive"_s), qPrintable(line));
        }
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
};

QTEST_GUILESS_MAIN(TestStartScriptEngine)
#include "tst_startscriptengine.moc"
