#include "autohostprocess.h"

#include <csignal>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include "faketachyonserver.h"
#include "util/conversions.h"

#include <sys/prctl.h>

using namespace Qt::Literals::StringLiterals;

AutohostProcess::AutohostProcess(const QString &program, const QString &fakeEnginePath, int slot)
    : m_program(program)
    , m_slot(slot)
{
    const QString engineDir = m_dir.filePath(u"engines/"_s + QString::fromLatin1(EngineVersion));
    if (!m_dir.isValid() || !QDir().mkpath(engineDir) ||
        !QFile::link(fakeEnginePath, engineDir + u"/spring-dedicated"_s))
    {
        m_problem = u"cannot install the fake engine in %1"_s.arg(m_dir.path());
    }
    m_process.setProgram(program);
    m_process.setWorkingDirectory(m_dir.path());
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    // Even a test that aborts leaves no autohost behind.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

AutohostProcess::~AutohostProcess()
{
    kill();
}

bool AutohostProcess::start(quint16 serverPort, const QString &adminListen, const Json &extra)
{
    // Engine ports apart from other tests running at the same time.
    const int offset = int(QCoreApplication::applicationPid() % 20) * 100 + m_slot * 50;
    Json config = {{"tachyonServer", "127.0.0.1"},
                   {"tachyonServerPort", serverPort},
                   {"useSecureConnection", false},
                   {"authClientId", "autohost1"},
                   {"authClientSecret", "s3cret-value"},
                   {"hostingIP", "192.0.2.10"},
                   {"engineBindIP", "127.0.0.1"},
                   {"engineStartPort", 36000 + offset},
                   {"engineAutohostStartPort", 38000 + offset},
                   {"maxPortsUsed", 50},
                   {"engineSettings", {{"InitialNetworkTimeout", 30}}},
                   // stop() ends the battles at once rather than waiting for them.
                   {"drainTimeoutSeconds", 0},
                   {"adminListen", toStdString(adminListen)}};
    config.update(extra);
    const QString path = m_dir.filePath(u"config.json"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(dumpJsonBytes(config)) < 0)
    {
        return false;
    }
    file.close();
    m_output.clear();
    m_process.setArguments({u"--headless"_s, u"--config"_s, path});
    m_process.start();
    return m_process.waitForStarted();
}

QString AutohostProcess::output()
{
    m_output += QString::fromUtf8(m_process.readAll());
    return m_output;
}

quint16 AutohostProcess::waitForAdminPort(int timeoutMilliseconds)
{
    static const QRegularExpression listening(
        u"admin endpoint listening on https?://127\\.0\\.0\\.1:(\\d+)"_s);
    QRegularExpressionMatch match;
    const bool found = QTest::qWaitFor(
        [this, &match]
        {
            match = listening.match(output());
            return match.hasMatch() || !isRunning();
        },
        timeoutMilliseconds);
    return found && match.hasMatch() ? match.captured(1).toUShort() : 0;
}

void AutohostProcess::kill()
{
    if (isRunning())
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool AutohostProcess::stop(int timeoutMilliseconds)
{
    if (!isRunning())
    {
        return true;
    }
    QSignalSpy finished(&m_process, &QProcess::finished);
    ::kill(pid_t(m_process.processId()), SIGTERM);
    return finished.wait(timeoutMilliseconds);
}

Json AutohostProcess::startData(const QString &battleId)
{
    return {{"battleId", toStdString(battleId)},
            {"engineVersion", EngineVersion},
            {"gameName", "MiniGame 1.0"},
            {"mapName", "MiniMap"},
            {"startPosType", "ingame"},
            {"allyTeams",
             {{{"teams", {{{"players", {{{"userId", "7"}, {"name", "Alice"}, {"password", "x"}}}}}}}}}}};
}

QString AutohostProcess::startBattle(FakeTachyonServer &server, int connection, const QString &afterStart)
{
    const QString battle = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Json data = startData(battle);
    if (!afterStart.isEmpty())
    {
        data["gameOptions"] = {{"fakeafterstart", toStdString(afterStart)}};
    }
    const Json response =
        server.waitForResponse(server.sendRequest(connection, u"autohost/start"_s, data), 10000);
    return response.value("status", "") == "success" ? battle : QString();
}
