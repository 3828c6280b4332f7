#include "servicetesthost.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTest>

#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

ServiceTestHost::ServiceTestHost(const QString &fakeEnginePath,
                                 const std::function<void(Config &config)> &adjust,
                                 const std::function<void(AutohostService &service)> &beforeStart)
    : m_server(std::make_unique<FakeTachyonServer>())
{
    const QString engineDir = m_dir.filePath(u"engines/"_s + QString::fromLatin1(EngineVersion));
    if (!m_dir.isValid() || !QDir().mkpath(engineDir) ||
        !QFile::link(fakeEnginePath, engineDir + u"/spring-dedicated"_s))
    {
        m_problem = u"cannot prepare the engine directory in "_s + m_dir.path();
        return;
    }
    m_server->setServerStatsUserCount(4242);
    m_server->setCredentials(u"autohost-test"_s, QString::fromLatin1(ClientSecret));
    if (!m_server->listen() || !m_cdn.listen())
    {
        m_problem = u"the fake Tachyon server or the CDN cannot listen"_s;
        return;
    }
    // Port ranges by process, so that test programs running side by side rarely meet.
    const int base = 36000 + int(QCoreApplication::applicationPid() % 40) * 100;
    Config config = m_server->autohostConfig();
    config.hostingIP = u"192.0.2.10"_s;
    config.engineBindIP = u"127.0.0.1"_s;
    config.maxBattles = 3;
    config.enginesDir = m_dir.filePath(u"engines"_s);
    config.instancesDir = m_dir.filePath(u"instances"_s);
    config.journalDir = m_dir.filePath(u"journal"_s);
    config.systemEngines = false;
    config.engineStartPort = base;
    config.engineAutohostStartPort = base + 50;
    config.maxPortsUsed = 40;
    config.engineStartTimeoutSeconds = 5;
    config.engineKillGraceSeconds = 3;
    config.engineCdnBaseUrl = m_cdn.url(u"/cdn"_s).toString();
    if (adjust)
    {
        adjust(config);
    }
    m_service = std::make_unique<AutohostService>(config);
    QObject::connect(m_service.get(), &AutohostService::finished, [this] { m_finished = true; });
    if (beforeStart)
    {
        beforeStart(*m_service);
    }
    m_service->start();
    if (config.localMode())
    {
        return;
    }
    m_connection = m_server->waitForReadyAutohost();
    if (m_connection < 0)
    {
        m_problem = u"the autohost did not connect to the fake Tachyon server"_s;
    }
}

ServiceTestHost::~ServiceTestHost()
{
    shutdown();
}

Json ServiceTestHost::startData(const QUuid &id, const QList<QPair<QString, QString>> &gameOptions)
{
    Json options = Json::object();
    for (const auto &[key, value] : gameOptions)
    {
        options[toStdString(key)] = toStdString(value);
    }
    return {{"battleId", toStdString(uuidText(id))},
            {"engineVersion", EngineVersion},
            {"gameName", "MiniGame 1.0"},
            {"mapName", "MiniMap"},
            {"startPosType", "ingame"},
            {"allyTeams",
             {{{"teams", {{{"players", {{{"userId", "1001"}, {"name", "Alice"}, {"password", "pwA"}}}}}}}},
              {{"teams", {{{"players", {{{"userId", "1002"}, {"name", "Bob"}, {"password", "pwB"}}}}}}}}}},
            {"spectators", {{{"userId", "1003"}, {"name", "Carol"}, {"password", "pwC"}}}},
            {"gameOptions", options}};
}

Json ServiceTestHost::request(const QString &command, const Json &data, int timeoutMilliseconds)
{
    return m_server->waitForResponse(m_server->sendRequest(m_connection, command, data), timeoutMilliseconds);
}

QUuid ServiceTestHost::startBattle(const QString &fakeScript)
{
    const QUuid id = QUuid::createUuid();
    QList<QPair<QString, QString>> options;
    if (!fakeScript.isEmpty())
    {
        options.append({u"fakescript"_s, fakeScript});
    }
    const Json response = request(u"autohost/start"_s, startData(id, options));
    if (response.value("status", "") != "success")
    {
        qWarning("start failed: %s", dumpJson(response).c_str());
        return {};
    }
    return id;
}

void ServiceTestHost::offerStalledEngine(const QString &version)
{
    TestHttpServer::Response download;
    download.body = QByteArray(4000, 'x');
    download.stallAfter = 1000;
    const QString path = u"/files/%1.7z"_s.arg(version);
    m_cdn.setResponse(path, download);
    TestHttpServer::Response find;
    find.contentType = "application/json";
    find.body =
        dumpJsonBytes(Json::array({{{"filename", toStdString(version) + ".7z"},
                                    {"springname", toStdString(version)},
                                    {"md5", "0123456789abcdef0123456789abcdef"},
                                    {"category", "engine_linux64"},
                                    {"version", toStdString(version)},
                                    {"path", "engine/linux64"},
                                    {"tags", Json::array()},
                                    {"size", download.body.size()},
                                    {"timestamp", "2025-07-07T00:00:00Z"},
                                    {"mirrors", Json::array({toStdString(m_cdn.url(path).toString())})}}}));
    m_cdn.setResponse(u"/cdn/find"_s, find);
}

QString ServiceTestHost::engineLog(const QUuid &battleId) const
{
    QFile file(m_dir.filePath(u"instances/"_s + uuidText(battleId) + u"/engine.log"_s));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool ServiceTestHost::shutdown()
{
    if (!m_service || m_finished)
    {
        return true;
    }
    m_service->shutdown(u"test finished"_s);
    return QTest::qWaitFor([this] { return m_finished; }, 30000);
}
