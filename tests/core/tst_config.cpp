#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "config/config.h"
#include "protocol/json.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
using Pairs = QList<QPair<QString, QString>>;

const QString Secret = u"s3cr3t-Pa55word"_s;

// The reference autohost's README and development configs (reference notes §8), as they are.
const QString MinimalReferenceConfig =
    QStringLiteral(AUTOHOST_TEST_DATA_DIR "/config/reference-minimal.json");
const QString DevelopmentReferenceConfig =
    QStringLiteral(AUTOHOST_TEST_DATA_DIR "/config/reference-development.json");

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_fileCount = 0;

    QString writeConfig(const QByteArray &text)
    {
        const QString path = m_dir.filePath(u"config-%1.json"_s.arg(++m_fileCount));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        {
            qFatal("cannot write the test config");
        }
        return path;
    }

    static Result<LoadedConfig> load(const QString &filePath, const Pairs &environment = {},
                                     const Pairs &overrides = {})
    {
        return ConfigLoader::load(ConfigSources{filePath, environment, overrides});
    }

    static QString errorOf(const Result<LoadedConfig> &result)
    {
        return result.ok() ? QString() : result.error();
    }

    static Json describeJson(const Config &config)
    {
        const QByteArray text = ConfigLoader::describe(config).toUtf8();
        return Json::parse(text.begin(), text.end(), nullptr, false);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void defaults()
    {
        const auto loaded = load(QString());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QVERIFY(loaded->warnings.isEmpty());
        const Config &c = loaded->config;
        QVERIFY(c.tachyonServer.isEmpty());
        QVERIFY(c.localMode());
        QVERIFY(!c.tachyonServerPort);
        QVERIFY(!c.useSecureConnection);
        QVERIFY(c.authClientId.isEmpty());
        QVERIFY(c.authClientSecret.isEmpty());
        QVERIFY(c.hostingIP.isEmpty());
        QCOMPARE(c.engineBindIP, u"0.0.0.0"_s);
        QCOMPARE(c.maxReconnectDelaySeconds, 30.0);
        QVERIFY(c.engineSettings.isEmpty());
        QCOMPARE(c.maxBattles, 50);
        QCOMPARE(c.maxUpdatesSubscriptionAgeSeconds, 600.0);
        QCOMPARE(c.engineStartPort, 20000);
        QCOMPARE(c.engineAutohostStartPort, 22000);
        QCOMPARE(c.maxPortsUsed, 1000);
        QCOMPARE(c.engineInstallTimeoutSeconds, 600);
        QCOMPARE(c.maxGameDurationSeconds, 28800.0);
        QCOMPARE(c.engineDownloadMaxAttempts, 3);
        QCOMPARE(c.engineDownloadRetryBackoffBaseMs, 1000);
        QCOMPARE(c.engineCdnBaseUrl, u"https://files-cdn.beyondallreason.dev"_s);
        QCOMPARE(c.enginesDir, u"engines"_s);
        QCOMPARE(c.instancesDir, u"instances"_s);
        QVERIFY(c.engineDataDirs.isEmpty());
        QVERIFY(c.extraEngineDirs.isEmpty());
        QVERIFY(c.systemEngines);
        QCOMPARE(c.engineStartTimeoutSeconds, 10.0);
        QCOMPARE(c.engineKillGraceSeconds, 20.0);
        QCOMPARE(c.serverStatsIntervalSeconds, 60.0);
        QCOMPARE(c.logFormat, u"text"_s);
        QCOMPARE(c.drainTimeoutSeconds, 7200.0);
        QCOMPARE(c.engineCpuAffinity, u"all"_s);
        QCOMPARE(c.engineNiceLevel, 0);
        QCOMPARE(c.engineMemoryLimitMegabytes, 0);
        QCOMPARE(c.maxBattleUpdatesPerSecond, 200);
        QCOMPARE(c.journalDir, u"journal"_s);
        QCOMPARE(c.journalMaxMegabytes, 256);
    }

    void minimalReferenceConfig()
    {
        const auto loaded = load(MinimalReferenceConfig);
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QVERIFY(loaded->warnings.isEmpty());
        const Config &c = loaded->config;
        QCOMPARE(c.tachyonServer, u"lobby-server.example.com"_s);
        QCOMPARE(c.authClientId, u"autohost1"_s);
        QCOMPARE(c.authClientSecret, u"pass1"_s);
        QCOMPARE(c.hostingIP, u"123.123.123.123"_s);
        QVERIFY(!c.localMode());
        QVERIFY(!c.tachyonServerPort);
        QVERIFY(c.secureConnection());
        QCOMPARE(c.maxBattles, 50);
        QCOMPARE(c.engineBindIP, u"0.0.0.0"_s);
    }

    void developmentReferenceConfig()
    {
        const auto loaded = load(DevelopmentReferenceConfig);
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QVERIFY(loaded->warnings.isEmpty());
        const Config &c = loaded->config;
        QCOMPARE(c.tachyonServer, u"localhost"_s);
        QCOMPARE(c.tachyonServerPort, std::optional<quint16>(8084));
        QVERIFY(!c.secureConnection());
        QCOMPARE(c.hostingIP, u"127.0.0.1"_s);
        QCOMPARE(c.engineBindIP, u"0.0.0.0"_s);
        const Pairs expected{{u"InitialNetworkTimeout"_s, u"1000"_s}, {u"LogFlushLevel"_s, u"0"_s}};
        QCOMPARE(c.engineSettings, expected);
    }

    void everyKeyFromTheFile()
    {
        const Json file{
            {"tachyonServer", "10.0.0.5"},
            {"tachyonServerPort", 8200},
            {"useSecureConnection", true},
            {"authClientId", "id7"},
            {"authClientSecret", "sec7"},
            {"hostingIP", "2001:db8::7"},
            {"engineBindIP", "::"},
            {"maxReconnectDelaySeconds", 2.5},
            {"engineSettings", {{"B", "x"}, {"A", "y"}}},
            {"maxBattles", 3},
            {"maxUpdatesSubscriptionAgeSeconds", 0.25},
            {"engineStartPort", 30000},
            {"engineAutohostStartPort", 31000},
            {"maxPortsUsed", 100},
            {"engineInstallTimeoutSeconds", 5},
            {"maxGameDurationSeconds", 3600},
            {"engineDownloadMaxAttempts", 1},
            {"engineDownloadRetryBackoffBaseMs", 1000},
            {"engineCdnBaseUrl", "http://cdn.example.org/engines/"},
            {"enginesDir", "/srv/engines"},
            {"instancesDir", "/srv/instances"},
            {"engineDataDirs", {"/srv/data", "/srv/more data"}},
            {"extraEngineDirs", {"/opt/recoil", "/srv/other engines"}},
            {"systemEngines", false},
            {"engineStartTimeoutSeconds", 0.5},
            {"engineKillGraceSeconds", 3},
            {"serverStatsIntervalSeconds", 15},
            {"logFormat", "json"},
            {"drainTimeoutSeconds", 0},
            {"engineCpuAffinity", "0,1, 2,3,6,3"},
            {"engineNiceLevel", 19},
            {"engineMemoryLimitMegabytes", 4096},
            {"maxBattleUpdatesPerSecond", 20000},
            {"journalDir", "/var/lib/autohost/journal"},
            {"journalMaxMegabytes", 64},
            {"adminListen", "[::1]:9000"},
            {"adminToken", "tok7"},
            {"metricsPublic", true},
            {"adminTlsCertificate", "/etc/autohost/cert.pem"},
            {"adminTlsKey", "/etc/autohost/key.pem"},
        };
        const auto loaded = load(writeConfig(dumpJsonBytes(file)));
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QVERIFY(loaded->warnings.isEmpty());
        const Config &c = loaded->config;
        QCOMPARE(c.tachyonServer, u"10.0.0.5"_s);
        QCOMPARE(c.tachyonServerPort, std::optional<quint16>(8200));
        QCOMPARE(c.useSecureConnection, std::optional<bool>(true));
        QCOMPARE(c.authClientId, u"id7"_s);
        QCOMPARE(c.authClientSecret, u"sec7"_s);
        QCOMPARE(c.hostingIP, u"2001:db8::7"_s);
        QCOMPARE(c.engineBindIP, u"::"_s);
        QCOMPARE(c.maxReconnectDelaySeconds, 2.5);
        QCOMPARE(c.engineSettings, (Pairs{{u"B"_s, u"x"_s}, {u"A"_s, u"y"_s}}));
        QCOMPARE(c.maxBattles, 3);
        QCOMPARE(c.maxUpdatesSubscriptionAgeSeconds, 0.25);
        QCOMPARE(c.engineStartPort, 30000);
        QCOMPARE(c.engineAutohostStartPort, 31000);
        QCOMPARE(c.maxPortsUsed, 100);
        QCOMPARE(c.engineInstallTimeoutSeconds, 5);
        QCOMPARE(c.maxGameDurationSeconds, 3600.0);
        QCOMPARE(c.engineDownloadMaxAttempts, 1);
        QCOMPARE(c.engineDownloadRetryBackoffBaseMs, 1000);
        QCOMPARE(c.engineCdnBaseUrl, u"http://cdn.example.org/engines/"_s);
        QCOMPARE(c.enginesDir, u"/srv/engines"_s);
        QCOMPARE(c.instancesDir, u"/srv/instances"_s);
        QCOMPARE(c.engineDataDirs, (QStringList{u"/srv/data"_s, u"/srv/more data"_s}));
        QCOMPARE(c.extraEngineDirs, (QStringList{u"/opt/recoil"_s, u"/srv/other engines"_s}));
        QVERIFY(!c.systemEngines);
        QCOMPARE(c.engineStartTimeoutSeconds, 0.5);
        QCOMPARE(c.engineKillGraceSeconds, 3.0);
        QCOMPARE(c.serverStatsIntervalSeconds, 15.0);
        QCOMPARE(c.logFormat, u"json"_s);
        QCOMPARE(c.drainTimeoutSeconds, 0.0);
        QCOMPARE(c.engineCpuAffinity, u"0-3,6"_s); // as CpuAffinity writes it
        QCOMPARE(c.engineNiceLevel, 19);
        QCOMPARE(c.engineMemoryLimitMegabytes, 4096);
        QCOMPARE(c.maxBattleUpdatesPerSecond, 20000);
        QCOMPARE(c.journalDir, u"/var/lib/autohost/journal"_s);
        QCOMPARE(c.journalMaxMegabytes, 64);
        QCOMPARE(c.adminListen, u"[::1]:9000"_s);
        QCOMPARE(c.adminToken, std::optional<QString>(u"tok7"_s));
        QVERIFY(c.metricsPublic);
        QCOMPARE(c.adminTlsCertificate, u"/etc/autohost/cert.pem"_s);
        QCOMPARE(c.adminTlsKey, u"/etc/autohost/key.pem"_s);
    }

    // Each row: a key, a bad value as JSON for the file, and the same as environment/--set text (null: the
    // file-only case has no text form).
    void invalidValues_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArray>("fileValue");
        QTest::addColumn<QString>("text");
        const auto row =
            [](const char *name, const QString &key, const QByteArray &fileValue, const QString &text)
        {
            QTest::newRow(name) << key << fileValue << text;
        };
        row("maxReconnectDelaySeconds < 1", u"maxReconnectDelaySeconds"_s, "0.5", u"0.5"_s);
        row("maxReconnectDelaySeconds not a number", u"maxReconnectDelaySeconds"_s, "[]", u"soon"_s);
        row("maxBattles 0", u"maxBattles"_s, "0", u"0"_s);
        row("maxBattles fraction", u"maxBattles"_s, "1.5", u"1.5"_s);
        row("maxBattles text", u"maxBattles"_s, "\"many\"", u"many"_s);
        row("maxBattles bool", u"maxBattles"_s, "true", u"true"_s);
        row("maxBattles null", u"maxBattles"_s, "null", u""_s);
        row("maxBattles too big", u"maxBattles"_s, "3000000000", u"3000000000"_s);
        row("maxUpdatesSubscriptionAgeSeconds 0", u"maxUpdatesSubscriptionAgeSeconds"_s, "0", u"0"_s);
        row("engineStartPort 1024", u"engineStartPort"_s, "1024", u"1024"_s);
        row("engineStartPort 65536", u"engineStartPort"_s, "65536", u"65536"_s);
        row("engineAutohostStartPort 80", u"engineAutohostStartPort"_s, "80", u"80"_s);
        row("maxPortsUsed 0", u"maxPortsUsed"_s, "0", u"0"_s);
        row("engineInstallTimeoutSeconds 4", u"engineInstallTimeoutSeconds"_s, "4", u"4"_s);
        row("maxGameDurationSeconds 3599", u"maxGameDurationSeconds"_s, "3599", u"3599"_s);
        row("maxGameDurationSeconds infinite", u"maxGameDurationSeconds"_s, "1e300", u"inf"_s);
        row("engineDownloadMaxAttempts 0", u"engineDownloadMaxAttempts"_s, "0", u"0"_s);
        row("engineDownloadRetryBackoffBaseMs 999", u"engineDownloadRetryBackoffBaseMs"_s, "999", u"999"_s);
        row("engineCdnBaseUrl ftp", u"engineCdnBaseUrl"_s, "\"ftp://files.example.com\"",
            u"ftp://files.example.com"_s);
        row("engineCdnBaseUrl no scheme", u"engineCdnBaseUrl"_s, "\"files.example.com\"",
            u"files.example.com"_s);
        row("engineCdnBaseUrl number", u"engineCdnBaseUrl"_s, "5", QString());
        row("hostingIP short form", u"hostingIP"_s, "\"1.2.3\"", u"1.2.3"_s);
        row("hostingIP host name", u"hostingIP"_s, "\"example.com\"", u"example.com"_s);
        row("hostingIP octet", u"hostingIP"_s, "\"1.2.3.256\"", u"1.2.3.256"_s);
        row("hostingIP leading zero", u"hostingIP"_s, "\"01.2.3.4\"", u"01.2.3.4"_s);
        row("hostingIP spaces", u"hostingIP"_s, "\" 1.2.3.4\"", u" 1.2.3.4"_s);
        row("engineBindIP empty", u"engineBindIP"_s, "\"\"", u""_s);
        row("engineBindIP host name", u"engineBindIP"_s, "\"localhost\"", u"localhost"_s);
        row("tachyonServer scheme", u"tachyonServer"_s, "\"wss://lobby.example.com\"",
            u"wss://lobby.example.com"_s);
        row("tachyonServer path", u"tachyonServer"_s, "\"lobby.example.com/tachyon\"",
            u"lobby.example.com/tachyon"_s);
        row("tachyonServer port", u"tachyonServer"_s, "\"lobby.example.com:8084\"",
            u"lobby.example.com:8084"_s);
        row("tachyonServer space", u"tachyonServer"_s, "\"lobby example\"", u"lobby example"_s);
        row("tachyonServer number", u"tachyonServer"_s, "7", QString());
        row("tachyonServerPort 0", u"tachyonServerPort"_s, "0", u"0"_s);
        row("tachyonServerPort 70000", u"tachyonServerPort"_s, "70000", u"70000"_s);
        row("tachyonServerPort text", u"tachyonServerPort"_s, "\"http\"", u"http"_s);
        row("useSecureConnection text", u"useSecureConnection"_s, "\"maybe\"", u"yes"_s);
        row("useSecureConnection number", u"useSecureConnection"_s, "2", u"2"_s);
        row("logFormat", u"logFormat"_s, "\"xml\"", u"xml"_s);
        row("journalMaxMegabytes 0", u"journalMaxMegabytes"_s, "0", u"0"_s);
        row("journalMaxMegabytes fraction", u"journalMaxMegabytes"_s, "1.5", u"1.5"_s);
        row("journalDir number", u"journalDir"_s, "5", QString());
        row("engineDataDirs not strings", u"engineDataDirs"_s, "[1]", u"[1]"_s);
        row("engineDataDirs string", u"engineDataDirs"_s, "\"/srv/data\"", u"/srv/data"_s);
        row("engineDataDirs object", u"engineDataDirs"_s, "{}", u"{}"_s);
        row("extraEngineDirs string", u"extraEngineDirs"_s, "\"/opt/recoil\"", u"/opt/recoil"_s);
        row("systemEngines text", u"systemEngines"_s, "\"maybe\"", u"maybe"_s);
        row("engineSettings key", u"engineSettings"_s, R"({"bad key": "1"})", uR"({"bad key": "1"})"_s);
        row("engineSettings key dot", u"engineSettings"_s, R"({"a.b": "1"})", uR"({"a.b": "1"})"_s);
        row("engineSettings empty key", u"engineSettings"_s, R"({"": "1"})", uR"({"": "1"})"_s);
        row("engineSettings newline", u"engineSettings"_s, R"({"k": "a\nb"})", uR"({"k": "a\nb"})"_s);
        row("engineSettings carriage return", u"engineSettings"_s, R"({"k": "a\rb"})", uR"({"k": "a\rb"})"_s);
        row("engineSettings nul", u"engineSettings"_s, R"({"k": "a\u0000b"})", uR"({"k": "a\u0000b"})"_s);
        row("engineSettings array value", u"engineSettings"_s, R"({"k": [1]})", uR"({"k": [1]})"_s);
        row("engineSettings null value", u"engineSettings"_s, R"({"k": null})", uR"({"k": null})"_s);
        row("engineSettings array", u"engineSettings"_s, "[]", u"[]"_s);
        row("engineSettings not JSON", u"engineSettings"_s, "\"k=v\"", u"k=v"_s);
        row("engineStartTimeoutSeconds 0", u"engineStartTimeoutSeconds"_s, "0", u"0"_s);
        row("engineKillGraceSeconds negative", u"engineKillGraceSeconds"_s, "-1", u"-1"_s);
        row("serverStatsIntervalSeconds 0", u"serverStatsIntervalSeconds"_s, "0", u"0"_s);
        row("enginesDir empty", u"enginesDir"_s, "\"\"", u""_s);
        row("instancesDir array", u"instancesDir"_s, "[\"a\"]", QString());
        row("authClientId number", u"authClientId"_s, "5", QString());
        row("adminListen without port", u"adminListen"_s, "\"127.0.0.1\"", u"127.0.0.1"_s);
        row("adminListen host name", u"adminListen"_s, "\"admin.example.com:8201\"",
            u"admin.example.com:8201"_s);
        row("adminListen IPv6 without brackets", u"adminListen"_s, "\"::1:8201\"", u"::1:8201"_s);
        row("adminListen port too big", u"adminListen"_s, "\"127.0.0.1:65536\"", u"127.0.0.1:65536"_s);
        row("adminListen number", u"adminListen"_s, "8201", QString());
        row("adminToken number", u"adminToken"_s, "12345", QString());
        row("metricsPublic text", u"metricsPublic"_s, "\"open\"", u"open"_s);
        row("adminTlsKey array", u"adminTlsKey"_s, "[]", QString());
        row("drainTimeoutSeconds negative", u"drainTimeoutSeconds"_s, "-1", u"-1"_s);
        row("drainTimeoutSeconds beyond a week", u"drainTimeoutSeconds"_s, "604801", u"604801"_s);
        row("drainTimeoutSeconds text", u"drainTimeoutSeconds"_s, "\"later\"", u"later"_s);
        row("engineCpuAffinity word", u"engineCpuAffinity"_s, "\"some\"", u"some"_s);
        row("engineCpuAffinity empty", u"engineCpuAffinity"_s, "\"\"", u""_s);
        row("engineCpuAffinity backwards", u"engineCpuAffinity"_s, "\"3-1\"", u"3-1"_s);
        row("engineCpuAffinity core 1024", u"engineCpuAffinity"_s, "\"0,1024\"", u"0,1024"_s);
        row("engineCpuAffinity negative", u"engineCpuAffinity"_s, "\"-1\"", u"-1"_s);
        row("engineCpuAffinity spread list", u"engineCpuAffinity"_s, "\"spread:a\"", u"spread:a"_s);
        row("engineCpuAffinity spread empty", u"engineCpuAffinity"_s, "\"spread:\"", u"spread:"_s);
        row("engineCpuAffinity number", u"engineCpuAffinity"_s, "3", QString());
        row("engineNiceLevel 20", u"engineNiceLevel"_s, "20", u"20"_s);
        row("engineNiceLevel negative", u"engineNiceLevel"_s, "-5", u"-5"_s);
        row("engineNiceLevel fraction", u"engineNiceLevel"_s, "1.5", u"1.5"_s);
        row("engineMemoryLimitMegabytes 63", u"engineMemoryLimitMegabytes"_s, "63", u"63"_s);
        row("engineMemoryLimitMegabytes negative", u"engineMemoryLimitMegabytes"_s, "-1", u"-1"_s);
        row("engineMemoryLimitMegabytes 1 TiB + 1", u"engineMemoryLimitMegabytes"_s, "1048577", u"1048577"_s);
        row("engineMemoryLimitMegabytes text", u"engineMemoryLimitMegabytes"_s, "\"4G\"", u"4G"_s);
        row("maxBattleUpdatesPerSecond 0", u"maxBattleUpdatesPerSecond"_s, "0", u"0"_s);
        row("maxBattleUpdatesPerSecond fraction", u"maxBattleUpdatesPerSecond"_s, "2.5", u"2.5"_s);
    }

    void invalidValues()
    {
        QFETCH(QString, key);
        QFETCH(QByteArray, fileValue);
        QFETCH(QString, text);

        const QString path = writeConfig("{\"" + key.toUtf8() + "\": " + fileValue + "}");
        const auto fromFile = load(path);
        QVERIFY(!fromFile.ok());
        QVERIFY2(fromFile.error().startsWith(path + u": "_s + key + u": "_s), qPrintable(fromFile.error()));

        if (text.isNull())
        {
            return;
        }
        const auto environmentName = [&key]
        {
            QString name = u"AUTOHOST_"_s;
            for (qsizetype i = 0; i < key.size(); ++i)
            {
                if (key.at(i).isUpper() && i > 0 && !key.at(i - 1).isUpper())
                {
                    name += u'_';
                }
                name += key.at(i).toUpper();
            }
            return name;
        }();
        const auto fromEnvironment = load(QString(), {{environmentName, text}});
        QVERIFY(!fromEnvironment.ok());
        QVERIFY2(fromEnvironment.error().startsWith(environmentName + u": "_s),
                 qPrintable(fromEnvironment.error()));

        const auto fromOverride = load(QString(), {}, {{key, text}});
        QVERIFY(!fromOverride.ok());
        QVERIFY2(fromOverride.error().startsWith(u"--set "_s + key + u": "_s),
                 qPrintable(fromOverride.error()));

        // A bad value is an error even when a later source would have replaced it.
        const auto overridden = load(path, {}, {{key, text}});
        QVERIFY(!overridden.ok());
        QVERIFY2(overridden.error().startsWith(path), qPrintable(overridden.error()));
    }

    void constraintMessages()
    {
        QCOMPARE(errorOf(load(QString(), {{u"AUTOHOST_MAX_BATTLES"_s, u"0"_s}})),
                 u"AUTOHOST_MAX_BATTLES: must be an integer >= 1"_s);
        QCOMPARE(errorOf(load(QString(), {}, {{u"engineStartPort"_s, u"80"_s}})),
                 u"--set engineStartPort: must be an integer from 1025 to 65535"_s);
        const QString path = writeConfig(R"({"maxGameDurationSeconds": 60})");
        QCOMPARE(errorOf(load(path)),
                 path + u": maxGameDurationSeconds: must be a number from 3600 to 1000000000"_s);
        QCOMPARE(errorOf(load(QString(), {}, {{u"drainTimeoutSeconds"_s, u"-1"_s}})),
                 u"--set drainTimeoutSeconds: must be a number from 0 to 604800"_s);
        QCOMPARE(errorOf(load(QString(), {{u"AUTOHOST_ENGINE_NICE_LEVEL"_s, u"20"_s}})),
                 u"AUTOHOST_ENGINE_NICE_LEVEL: must be an integer from 0 to 19"_s);
        QCOMPARE(
            errorOf(load(QString(), {}, {{u"engineMemoryLimitMegabytes"_s, u"10"_s}})),
            u"--set engineMemoryLimitMegabytes: must be 0 (no limit) or an integer from 64 to 1048576"_s);
        QCOMPARE(errorOf(load(QString(), {}, {{u"engineCpuAffinity"_s, u"4-2"_s}})),
                 u"--set engineCpuAffinity: must be \"all\", \"spread\", \"spread:<cores>\" or cores such as "
                 u"\"0-3,6\": the range 4-2 runs backwards"_s);
        QCOMPARE(errorOf(load(QString(), {}, {{u"engineCpuAffinity"_s, u"2000"_s}})),
                 u"--set engineCpuAffinity: must be \"all\", \"spread\", \"spread:<cores>\" or cores such as "
                 u"\"0-3,6\": core 2000 is above 1023"_s);
    }

    void resourceLimitForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("stored");
        QTest::newRow("all") << u"all"_s << u"all"_s;
        QTest::newRow("ALL, spaces") << u" ALL "_s << u"all"_s;
        QTest::newRow("spread") << u"spread"_s << u"spread"_s;
        QTest::newRow("spread over cores") << u"Spread:4-7, 0"_s << u"spread:0,4-7"_s;
        QTest::newRow("one core") << u"3"_s << u"3"_s;
        QTest::newRow("highest core") << u"1023"_s << u"1023"_s;
        QTest::newRow("list") << u"6,0-3"_s << u"0-3,6"_s;
    }

    void resourceLimitForms()
    {
        QFETCH(QString, text);
        QFETCH(QString, stored);
        const auto loaded = load(QString(), {{u"AUTOHOST_ENGINE_CPU_AFFINITY"_s, text}},
                                 {{u"engineNiceLevel"_s, u"7"_s}, {u"engineMemoryLimitMegabytes"_s, u"0"_s}});
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->config.engineCpuAffinity, stored);
        QCOMPARE(loaded->config.engineNiceLevel, 7);
        QCOMPARE(loaded->config.engineMemoryLimitMegabytes, 0);
    }

    void changedKeysAndCopy()
    {
        const Config before;
        QVERIFY(ConfigLoader::changedKeys(before, before).isEmpty());
        Config after;
        after.maxBattles = 4;
        after.tachyonServer = u"lobby.example.com"_s;
        after.engineSettings = {{u"A"_s, u"1"_s}};
        after.adminToken = u"t"_s;
        // In the order of the keys.
        QCOMPARE(ConfigLoader::changedKeys(before, after),
                 (QStringList{u"tachyonServer"_s, u"maxBattles"_s, u"engineSettings"_s, u"adminToken"_s}));
        Config copy;
        ConfigLoader::copyKey(u"maxBattles"_s, after, &copy);
        ConfigLoader::copyKey(u"engineSettings"_s, after, &copy);
        ConfigLoader::copyKey(u"noSuchKey"_s, after, &copy);
        QCOMPARE(copy.maxBattles, 4);
        QCOMPARE(copy.engineSettings, after.engineSettings);
        QVERIFY(copy.tachyonServer.isEmpty());
        QCOMPARE(ConfigLoader::changedKeys(copy, after), (QStringList{u"tachyonServer"_s, u"adminToken"_s}));
    }

    void boundaryValuesAccepted()
    {
        const Json file{
            {"maxReconnectDelaySeconds", 1},
            {"maxBattles", 1},
            {"engineStartPort", 1025},
            {"engineAutohostStartPort", 65535},
            {"maxPortsUsed", 1},
            {"engineInstallTimeoutSeconds", 5},
            {"maxGameDurationSeconds", 3600},
            {"engineDownloadMaxAttempts", 1},
            {"engineDownloadRetryBackoffBaseMs", 1000},
            {"tachyonServerPort", 65535},
            {"maxUpdatesSubscriptionAgeSeconds", 0.001},
            {"hostingIP", "255.255.255.255"},
            {"engineBindIP", "::1"},
            {"engineCdnBaseUrl", "https://127.0.0.1:8443"},
            {"engineSettings", Json::object()},
            {"engineDataDirs", Json::array()},
            {"drainTimeoutSeconds", 604800},
            {"engineCpuAffinity", "0"},
            {"engineNiceLevel", 19},
            {"engineMemoryLimitMegabytes", 64},
        };
        const auto loaded = load(writeConfig(dumpJsonBytes(file)));
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->config.engineAutohostStartPort, 65535);
        QCOMPARE(loaded->config.maxPortsUsed, 1);
        QCOMPARE(loaded->config.drainTimeoutSeconds, 604800.0);
        QCOMPARE(loaded->config.engineMemoryLimitMegabytes, 64);
    }

    void portRangeBeyond65535()
    {
        const QString path = writeConfig(R"({"engineStartPort": 65000, "maxPortsUsed": 537})");
        const QString error = errorOf(load(path));
        QVERIFY2(error.startsWith(path + u": "_s), qPrintable(error));
        QVERIFY2(error.contains(u"engineStartPort"_s), qPrintable(error));
        QVERIFY2(error.contains(u"maxPortsUsed"_s), qPrintable(error));
        // Up to 65535 exactly is fine.
        const auto lastPort = load(writeConfig(R"({"engineStartPort": 65000, "maxPortsUsed": 536})"));
        QVERIFY2(lastPort.ok(), qPrintable(errorOf(lastPort)));

        const QString autohostError =
            errorOf(load(QString(), {{u"AUTOHOST_ENGINE_AUTOHOST_START_PORT"_s, u"65000"_s}}));
        QVERIFY2(autohostError.startsWith(u"AUTOHOST_ENGINE_AUTOHOST_START_PORT: "_s),
                 qPrintable(autohostError));
        QVERIFY2(autohostError.contains(u"maxPortsUsed"_s), qPrintable(autohostError));

        // The error names the source that changed last.
        const QString countError =
            errorOf(load(writeConfig(R"({"engineStartPort": 65000})"), {}, {{u"maxPortsUsed"_s, u"600"_s}}));
        QVERIFY2(countError.startsWith(u"--set maxPortsUsed: "_s), qPrintable(countError));
    }

    void portRangesOverlap()
    {
        const QString path = writeConfig(R"({"engineStartPort": 20000, "engineAutohostStartPort": 20500})");
        const QString error = errorOf(load(path));
        QVERIFY2(error.startsWith(path + u": "_s), qPrintable(error));
        QVERIFY2(error.contains(u"overlap"_s), qPrintable(error));

        const QString environmentError =
            errorOf(load(QString(), {{u"AUTOHOST_MAX_PORTS_USED"_s, u"2001"_s}}));
        QVERIFY2(environmentError.startsWith(u"AUTOHOST_MAX_PORTS_USED: "_s), qPrintable(environmentError));

        // Adjacent ranges are fine, in either order.
        QVERIFY(load(QString(), {{u"AUTOHOST_MAX_PORTS_USED"_s, u"2000"_s}}).ok());
        QVERIFY(
            load(QString(), {}, {{u"engineStartPort"_s, u"24000"_s}, {u"maxPortsUsed"_s, u"2000"_s}}).ok());
        QVERIFY(
            !load(QString(), {}, {{u"engineStartPort"_s, u"23999"_s}, {u"maxPortsUsed"_s, u"2000"_s}}).ok());
        QVERIFY(!load(QString(), {}, {{u"engineStartPort"_s, u"22000"_s}}).ok());
    }

    void requiredWithTachyonServer_data()
    {
        QTest::addColumn<QString>("missing");
        QTest::newRow("authClientId") << u"authClientId"_s;
        QTest::newRow("authClientSecret") << u"authClientSecret"_s;
        QTest::newRow("hostingIP") << u"hostingIP"_s;
    }

    void requiredWithTachyonServer()
    {
        QFETCH(QString, missing);
        Json json = Json::parse(readFile(MinimalReferenceConfig).toStdString());
        json.erase(missing.toStdString());
        const QString path = writeConfig(dumpJsonBytes(json));
        const QString error = errorOf(load(path));
        QVERIFY2(error.startsWith(path + u": "_s), qPrintable(error));
        QVERIFY2(error.contains(missing), qPrintable(error));

        // Set but empty.
        const QString emptyError = errorOf(load(MinimalReferenceConfig, {}, {{missing, QString()}}));
        QVERIFY2(emptyError.startsWith(u"--set "_s + missing + u": "_s), qPrintable(emptyError));

        // From the environment alone.
        const QString environmentError =
            errorOf(load(QString(), {{u"AUTOHOST_TACHYON_SERVER"_s, u"lobby.example.com"_s}}));
        QVERIFY2(environmentError.startsWith(u"AUTOHOST_TACHYON_SERVER: "_s), qPrintable(environmentError));
        QVERIFY2(environmentError.contains(u"authClientId"_s), qPrintable(environmentError));
    }

    void localModeNeedsNothing()
    {
        const auto loaded = load(writeConfig(R"({"tachyonServer": "", "authClientId": "x"})"));
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QVERIFY(loaded->config.localMode());
    }

    void precedence()
    {
        const QString path =
            writeConfig(R"({"maxBattles": 10, "authClientId": "file", "logFormat": "json"})");
        const Pairs environment{{u"AUTOHOST_MAX_BATTLES"_s, u"20"_s},
                                {u"AUTOHOST_AUTH_CLIENT_ID"_s, u"env"_s}};
        const Pairs overrides{{u"maxBattles"_s, u"30"_s}};

        const auto fileOnly = load(path);
        QVERIFY(fileOnly.ok());
        QCOMPARE(fileOnly->config.maxBattles, 10);

        const auto withEnvironment = load(path, environment);
        QVERIFY(withEnvironment.ok());
        QCOMPARE(withEnvironment->config.maxBattles, 20);
        QCOMPARE(withEnvironment->config.authClientId, u"env"_s);
        QCOMPARE(withEnvironment->config.logFormat, u"json"_s);

        const auto withOverride = load(path, environment, overrides);
        QVERIFY(withOverride.ok());
        QCOMPARE(withOverride->config.maxBattles, 30);
        QCOMPARE(withOverride->config.authClientId, u"env"_s);

        // The environment alone beats the defaults; the last of repeated --set wins.
        const auto environmentOnly =
            load(QString(), environment, {{u"maxBattles"_s, u"7"_s}, {u"maxBattles"_s, u"8"_s}});
        QVERIFY(environmentOnly.ok());
        QCOMPARE(environmentOnly->config.maxBattles, 8);
    }

    void environmentNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("key");
        QTest::newRow("tachyonServer")
            << u"AUTOHOST_TACHYON_SERVER"_s << u"lobby.example.com"_s << u"tachyonServer"_s;
        QTest::newRow("hostingIP") << u"AUTOHOST_HOSTING_IP"_s << u"10.1.2.3"_s << u"hostingIP"_s;
        QTest::newRow("engineBindIP") << u"AUTOHOST_ENGINE_BIND_IP"_s << u"127.0.0.1"_s << u"engineBindIP"_s;
        QTest::newRow("maxUpdatesSubscriptionAgeSeconds")
            << u"AUTOHOST_MAX_UPDATES_SUBSCRIPTION_AGE_SECONDS"_s << u"42"_s
            << u"maxUpdatesSubscriptionAgeSeconds"_s;
        QTest::newRow("engineCdnBaseUrl")
            << u"AUTOHOST_ENGINE_CDN_BASE_URL"_s << u"https://cdn.example.com"_s << u"engineCdnBaseUrl"_s;
        QTest::newRow("engineDownloadRetryBackoffBaseMs")
            << u"AUTOHOST_ENGINE_DOWNLOAD_RETRY_BACKOFF_BASE_MS"_s << u"2500"_s
            << u"engineDownloadRetryBackoffBaseMs"_s;
        QTest::newRow("useSecureConnection")
            << u"AUTOHOST_USE_SECURE_CONNECTION"_s << u"false"_s << u"useSecureConnection"_s;
        QTest::newRow("engineSettings")
            << u"AUTOHOST_ENGINE_SETTINGS"_s << uR"({"X":"1"})"_s << u"engineSettings"_s;
        QTest::newRow("engineDataDirs")
            << u"AUTOHOST_ENGINE_DATA_DIRS"_s << uR"(["/d"])"_s << u"engineDataDirs"_s;
        QTest::newRow("logFormat") << u"AUTOHOST_LOG_FORMAT"_s << u"json"_s << u"logFormat"_s;
        QTest::newRow("adminListen") << u"AUTOHOST_ADMIN_LISTEN"_s << u"127.0.0.1:0"_s << u"adminListen"_s;
        QTest::newRow("adminToken") << u"AUTOHOST_ADMIN_TOKEN"_s << u"t0ken"_s << u"adminToken"_s;
        QTest::newRow("metricsPublic") << u"AUTOHOST_METRICS_PUBLIC"_s << u"true"_s << u"metricsPublic"_s;
    }

    void environmentNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, key);
        // A file with what a tachyonServer needs, so that every variable can be tried alone.
        const QString path =
            writeConfig(R"({"authClientId": "id", "authClientSecret": "secret", "hostingIP": "10.9.9.9"})");
        const auto base = load(path);
        QVERIFY2(base.ok(), qPrintable(errorOf(base)));
        const auto loaded = load(path, {{name, value}});
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QVERIFY2(loaded->warnings.isEmpty(), qPrintable(loaded->warnings.join(u'\n')));
        // The variable changed exactly its key.
        const Json changed = describeJson(loaded->config);
        const Json defaults = describeJson(base->config);
        QVERIFY(changed.at(key.toStdString()) != defaults.at(key.toStdString()));
        Json rest = changed;
        rest.erase(key.toStdString());
        Json defaultRest = defaults;
        defaultRest.erase(key.toStdString());
        QCOMPARE(dumpJson(rest), dumpJson(defaultRest));
    }

    void coercions()
    {
        const Pairs environment{
            {u"AUTOHOST_MAX_BATTLES"_s, u" 25 "_s},
            {u"AUTOHOST_MAX_RECONNECT_DELAY_SECONDS"_s, u"45.5"_s},
            {u"AUTOHOST_MAX_GAME_DURATION_SECONDS"_s, u"7.2e3"_s},
            {u"AUTOHOST_TACHYON_SERVER_PORT"_s, u"8084"_s},
            {u"AUTOHOST_ENGINE_SETTINGS"_s, uR"({"N": 5, "F": 0.5, "I": 1000.0, "B": true, "S": "text"})"_s},
            {u"AUTOHOST_ENGINE_DATA_DIRS"_s, uR"(["/a", "/b"])"_s},
        };
        const auto loaded = load(QString(), environment);
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        const Config &c = loaded->config;
        QCOMPARE(c.maxBattles, 25);
        QCOMPARE(c.maxReconnectDelaySeconds, 45.5);
        QCOMPARE(c.maxGameDurationSeconds, 7200.0);
        QCOMPARE(c.tachyonServerPort, std::optional<quint16>(8084));
        const Pairs settings{{u"N"_s, u"5"_s},
                             {u"F"_s, u"0.5"_s},
                             {u"I"_s, u"1000"_s},
                             {u"B"_s, u"true"_s},
                             {u"S"_s, u"text"_s}};
        QCOMPARE(c.engineSettings, settings);
        QCOMPARE(c.engineDataDirs, (QStringList{u"/a"_s, u"/b"_s}));

        // The same text through --set.
        const auto overridden = load(
            QString(), {}, {{u"maxBattles"_s, u"25"_s}, {u"engineSettings"_s, uR"({"LogFlushLevel": 0})"_s}});
        QVERIFY2(overridden.ok(), qPrintable(errorOf(overridden)));
        QCOMPARE(overridden->config.maxBattles, 25);
        QCOMPARE(overridden->config.engineSettings, (Pairs{{u"LogFlushLevel"_s, u"0"_s}}));

        // Numbers quoted in the file are accepted as the reference's coercing validator does.
        const Json quotedFile{
            {"maxBattles", "12"},
            {"useSecureConnection", "false"},
            {"maxPortsUsed", 10.0},
            {"engineSettings", {{"F", false}, {"Big", 12345678901}}},
        };
        const auto quoted = load(writeConfig(dumpJsonBytes(quotedFile)));
        QVERIFY2(quoted.ok(), qPrintable(errorOf(quoted)));
        QCOMPARE(quoted->config.maxBattles, 12);
        QCOMPARE(quoted->config.useSecureConnection, std::optional<bool>(false));
        QCOMPARE(quoted->config.maxPortsUsed, 10);
        QCOMPARE(quoted->config.engineSettings, (Pairs{{u"F"_s, u"false"_s}, {u"Big"_s, u"12345678901"_s}}));
    }

    void booleans_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("expected");
        QTest::newRow("true") << u"true"_s << true;
        QTest::newRow("TRUE") << u"TRUE"_s << true;
        QTest::newRow("1") << u"1"_s << true;
        QTest::newRow("false") << u"false"_s << false;
        QTest::newRow("False") << u"False"_s << false;
        QTest::newRow("0") << u"0"_s << false;
    }

    void booleans()
    {
        QFETCH(QString, text);
        QFETCH(bool, expected);
        const auto loaded = load(QString(), {{u"AUTOHOST_USE_SECURE_CONNECTION"_s, text}});
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->config.useSecureConnection, std::optional<bool>(expected));
    }

    void emptyEnvironmentValueUnsetsOptionals()
    {
        const QString path = writeConfig(R"({"tachyonServerPort": 8084, "useSecureConnection": true})");
        const auto loaded = load(path, {{u"AUTOHOST_TACHYON_SERVER_PORT"_s, QString()},
                                        {u"AUTOHOST_USE_SECURE_CONNECTION"_s, QString()}});
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QVERIFY(!loaded->config.tachyonServerPort);
        QVERIFY(!loaded->config.useSecureConnection);
        const auto nulls = load(writeConfig(R"({"tachyonServerPort": null, "useSecureConnection": null})"));
        QVERIFY2(nulls.ok(), qPrintable(errorOf(nulls)));
        QVERIFY(!nulls->config.tachyonServerPort);
    }

    void unknownKeysWarn()
    {
        const QString path = writeConfig(R"({"maxBattles": 5, "foo": 1, "maxbattles": 2})");
        const auto loaded = load(path,
                                 {{u"AUTOHOST_FOO_BAR"_s, u"1"_s},
                                  {u"PATH"_s, u"/usr/bin"_s},
                                  {u"MAX_BATTLES"_s, u"9"_s},
                                  {u"autohost_max_battles"_s, u"9"_s}},
                                 {{u"bar"_s, u"2"_s}});
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->config.maxBattles, 5);
        const QStringList &warnings = loaded->warnings;
        QCOMPARE(warnings.size(), 4);
        QCOMPARE(warnings.at(0), u"unknown key 'foo' in %1 ignored"_s.arg(path));
        QCOMPARE(warnings.at(1), u"unknown key 'maxbattles' in %1 ignored"_s.arg(path));
        QVERIFY2(warnings.at(2).contains(u"'AUTOHOST_FOO_BAR'"_s), qPrintable(warnings.at(2)));
        QVERIFY2(warnings.at(2).contains(u"ignored"_s), qPrintable(warnings.at(2)));
        QVERIFY2(warnings.at(3).contains(u"'bar'"_s), qPrintable(warnings.at(3)));
    }

    void fileProblems()
    {
        const QString missing = m_dir.filePath(u"does-not-exist.json"_s);
        const QString missingError = errorOf(load(missing));
        QVERIFY2(missingError.startsWith(missing + u": "_s), qPrintable(missingError));

        const QString commented = writeConfig("{\n  // the lobby\n  \"tachyonServer\": \"localhost\"\n}");
        const QString commentError = errorOf(load(commented));
        QVERIFY2(commentError.startsWith(commented + u": "_s), qPrintable(commentError));
        QVERIFY2(commentError.contains(u"line 2"_s), qPrintable(commentError));

        const QString array = writeConfig("[]");
        QVERIFY2(errorOf(load(array)).startsWith(array + u": "_s), qPrintable(errorOf(load(array))));
        const QString empty = writeConfig("");
        QVERIFY2(errorOf(load(empty)).startsWith(empty + u": "_s), qPrintable(errorOf(load(empty))));
        const QString trailing = writeConfig(R"({"maxBattles": 5,})");
        QVERIFY2(errorOf(load(trailing)).startsWith(trailing + u": "_s), qPrintable(errorOf(load(trailing))));
        QVERIFY(!load(writeConfig("{} {}")).ok());
        QVERIFY(!load(writeConfig("{\"a\": \"\xff\"}")).ok());
    }

    void secretNeverShown_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<Pairs>("environment");
        QTest::addColumn<QString>("secret");
        const QByteArray secret = Secret.toUtf8();
        QTest::newRow("invalid other key")
            << QByteArray("{\"authClientSecret\": \"" + secret + "\", \"maxBattles\": 0}") << Pairs()
            << Secret;
        QTest::newRow("syntax error after the secret")
            << QByteArray("{\"authClientSecret\": \"" + secret + "\" \"maxBattles\": 5}") << Pairs()
            << Secret;
        QTest::newRow("syntax error in the secret")
            << QByteArray("{\"authClientSecret\": \"" + secret + "\n\"}") << Pairs() << Secret;
        QTest::newRow("unterminated secret")
            << QByteArray("{\"authClientSecret\": \"" + secret) << Pairs() << Secret;
        QTest::newRow("secret is a number")
            << QByteArray(R"({"authClientSecret": 987654321})") << Pairs() << u"987654321"_s;
        QTest::newRow("secret is an object")
            << QByteArray(R"({"authClientSecret": {"v": "s3cr3t-obj"}})") << Pairs() << u"s3cr3t-obj"_s;
        QTest::newRow("secret in the environment, missing client id")
            << QByteArray(R"({"tachyonServer": "lobby.example.com", "hostingIP": "1.2.3.4"})")
            << Pairs{{u"AUTOHOST_AUTH_CLIENT_SECRET"_s, Secret}} << Secret;
        QTest::newRow("secret in the environment, bad settings")
            << QByteArray("{}")
            << Pairs{{u"AUTOHOST_AUTH_CLIENT_SECRET"_s, Secret}, {u"AUTOHOST_ENGINE_SETTINGS"_s, Secret}}
            << Secret;
        QTest::newRow("admin token, invalid other key")
            << QByteArray("{\"adminToken\": \"" + secret + "\", \"maxBattles\": 0}") << Pairs() << Secret;
        QTest::newRow("admin token in the environment")
            << QByteArray("{}") << Pairs{{u"AUTOHOST_ADMIN_TOKEN"_s, Secret}} << Secret;
        QTest::newRow("admin token refused with the listen address")
            << QByteArray(R"({"adminListen": "0.0.0.0:8201"})") << Pairs{{u"AUTOHOST_ADMIN_TOKEN"_s, Secret}}
            << Secret;
        QTest::newRow("secret as an unknown value")
            << QByteArray("{\"authClientSecret\": \"" + secret + "\", \"clientSecret\": \"" + secret + "\"}")
            << Pairs{{u"AUTOHOST_SECRET"_s, Secret}} << Secret;
    }

    void secretNeverShown()
    {
        QFETCH(QByteArray, file);
        QFETCH(Pairs, environment);
        QFETCH(QString, secret);
        const auto loaded = load(writeConfig(file), environment);
        QStringList texts = loaded.ok() ? loaded->warnings : QStringList{loaded.error()};
        if (loaded.ok())
        {
            texts.append(ConfigLoader::describe(loaded->config));
        }
        QVERIFY(!texts.isEmpty());
        for (const QString &text : std::as_const(texts))
        {
            QVERIFY2(!text.contains(secret), qPrintable(text));
        }
    }

    void describeHidesSecret()
    {
        const auto loaded = load(DevelopmentReferenceConfig, {{u"AUTOHOST_AUTH_CLIENT_SECRET"_s, Secret}});
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->config.authClientSecret, Secret);
        const QString text = ConfigLoader::describe(loaded->config);
        QVERIFY(!text.contains(Secret));
        const Json json = describeJson(loaded->config);
        QVERIFY(!json.is_discarded());
        QCOMPARE(json.at("authClientSecret").get<std::string>(), std::string("***"));
        QCOMPARE(json.at("authClientId").get<std::string>(), std::string("autohost1"));
        QCOMPARE(json.at("tachyonServerPort").get<int>(), 8084);
        QVERIFY(json.at("useSecureConnection").is_null());
        QCOMPARE(json.at("maxBattles").get<int>(), 50);
        QCOMPARE(json.at("maxGameDurationSeconds").get<double>(), 28800.0);
        QCOMPARE(dumpJson(json.at("engineSettings")),
                 std::string(R"({"InitialNetworkTimeout":"1000","LogFlushLevel":"0"})"));
        QVERIFY(json.at("engineDataDirs").is_array());
        QCOMPARE(json.at("logFormat").get<std::string>(), std::string("text"));
        // Every key is listed.
        QCOMPARE(json.size(), size_t(40));

        // No secret: nothing to hide.
        QCOMPARE(describeJson(Config()).at("authClientSecret").get<std::string>(), std::string());
    }

    // The admin token is masked like the client secret; unset (token file) and empty (no authentication)
    // stay visible, since they are what a host needs to know.
    void describeHidesTheAdminToken()
    {
        Config config;
        QVERIFY(describeJson(config).at("adminToken").is_null());
        config.adminToken = Secret;
        const QString text = ConfigLoader::describe(config);
        QVERIFY(!text.contains(Secret));
        QCOMPARE(describeJson(config).at("adminToken").get<std::string>(), std::string("***"));
        config.adminToken = QString();
        QCOMPARE(describeJson(config).at("adminToken").get<std::string>(), std::string());
    }

    void adminDefaults()
    {
        const auto loaded = load(QString());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        const Config &c = loaded->config;
        QCOMPARE(c.adminListen, u"127.0.0.1:8201"_s);
        QVERIFY(!c.adminToken);
        QVERIFY(!c.metricsPublic);
        QVERIFY(c.adminTlsCertificate.isEmpty());
        QVERIFY(c.adminTlsKey.isEmpty());
    }

    // Only the file's "" turns authentication off; an empty variable or --set value unsets like for the other
    // optional keys, and null in the file is unset too.
    void adminTokenEmptyOrUnset()
    {
        const QString emptyInFile = writeConfig(R"({"adminToken": ""})");
        QCOMPARE(load(emptyInFile)->config.adminToken, std::optional<QString>(QString()));
        QVERIFY(!load(writeConfig(R"({"adminToken": null})"))->config.adminToken);
        QVERIFY(!load(emptyInFile, {{u"AUTOHOST_ADMIN_TOKEN"_s, QString()}})->config.adminToken);
        QVERIFY(!load(emptyInFile, {}, {{u"adminToken"_s, QString()}})->config.adminToken);
        QCOMPARE(load(emptyInFile, {}, {{u"adminToken"_s, u"x"_s}})->config.adminToken,
                 std::optional<QString>(u"x"_s));
        // An empty listen address is allowed: no endpoint.
        QVERIFY(load(QString(), {}, {{u"adminListen"_s, QString()}})->config.adminListen.isEmpty());
    }

    void adminCrossChecks_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("problem"); // empty: accepted
        QTest::newRow("TLS certificate without key")
            << QByteArray(R"({"adminTlsCertificate": "c.pem"})")
            << u"adminTlsCertificate: set, so adminTlsKey is required too"_s;
        QTest::newRow("TLS key without certificate")
            << QByteArray(R"({"adminTlsKey": "k.pem"})")
            << u"adminTlsKey: set, so adminTlsCertificate is required too"_s;
        QTest::newRow("TLS both") << QByteArray(R"({"adminTlsCertificate": "c.pem", "adminTlsKey": "k.pem"})")
                                  << QString();
        QTest::newRow("all addresses, empty token")
            << QByteArray(R"({"adminListen": "0.0.0.0:8201", "adminToken": ""})")
            << u"refuses to listen on 0.0.0.0:8201 without a token"_s;
        QTest::newRow("all IPv6 addresses, empty token")
            << QByteArray(R"({"adminListen": "[::]:8201", "adminToken": ""})")
            << u"refuses to listen on [::]:8201 without a token"_s;
        QTest::newRow("LAN address, empty token")
            << QByteArray(R"({"adminListen": "192.168.1.5:8201", "adminToken": ""})") << u"refuses"_s;
        QTest::newRow("all addresses, generated token")
            << QByteArray(R"({"adminListen": "0.0.0.0:8201"})") << QString();
        QTest::newRow("all addresses, token")
            << QByteArray(R"({"adminListen": "0.0.0.0:8201", "adminToken": "t"})") << QString();
        QTest::newRow("loopback, empty token")
            << QByteArray(R"({"adminListen": "127.0.0.1:8201", "adminToken": ""})") << QString();
        QTest::newRow("localhost, empty token")
            << QByteArray(R"({"adminListen": "localhost:8201", "adminToken": ""})") << QString();
        QTest::newRow("disabled, empty token")
            << QByteArray(R"({"adminListen": "", "adminToken": ""})") << QString();
    }

    void adminCrossChecks()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, problem);
        const QString path = writeConfig(file);
        const auto loaded = load(path);
        QCOMPARE(loaded.ok(), problem.isEmpty());
        if (!problem.isEmpty())
        {
            QVERIFY2(loaded.error().startsWith(path + u": "_s), qPrintable(loaded.error()));
            QVERIFY2(loaded.error().contains(problem), qPrintable(loaded.error()));
            // The settings editor shows the same problem.
            QVERIFY(!ConfigLoader::fileProblems(file).isEmpty());
        }
    }

    void describedConfigLoadsBack()
    {
        Config config;
        config.maxBattles = 7;
        config.engineSettings = {{u"Z"_s, u"1"_s}, {u"A"_s, u"2"_s}};
        config.engineDataDirs = {u"/x"_s};
        config.tachyonServerPort = 9000;
        const auto loaded = load(writeConfig(ConfigLoader::describe(config).toUtf8()));
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QVERIFY(loaded->warnings.isEmpty());
        QCOMPARE(ConfigLoader::describe(loaded->config), ConfigLoader::describe(config));
    }

    void secureConnection_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("useSecure"); // -1 unset
        QTest::addColumn<bool>("expected");
        QTest::newRow("localhost") << u"localhost"_s << -1 << false;
        QTest::newRow("LocalHost") << u"LocalHost"_s << -1 << false;
        QTest::newRow("127.0.0.1") << u"127.0.0.1"_s << -1 << false;
        QTest::newRow("127.5.6.7") << u"127.5.6.7"_s << -1 << false;
        QTest::newRow("::1") << u"::1"_s << -1 << false;
        QTest::newRow("[::1]") << u"[::1]"_s << -1 << false;
        QTest::newRow("host name") << u"lobby.example.com"_s << -1 << true;
        QTest::newRow("localhost lookalike") << u"localhost.example.com"_s << -1 << true;
        QTest::newRow("private address") << u"10.0.0.1"_s << -1 << true;
        QTest::newRow("128.0.0.1") << u"128.0.0.1"_s << -1 << true;
        QTest::newRow("forced on") << u"localhost"_s << 1 << true;
        QTest::newRow("forced off") << u"lobby.example.com"_s << 0 << false;
    }

    void secureConnection()
    {
        QFETCH(QString, host);
        QFETCH(int, useSecure);
        QFETCH(bool, expected);
        Config config;
        config.tachyonServer = host;
        if (useSecure >= 0)
        {
            config.useSecureConnection = useSecure == 1;
        }
        QCOMPARE(config.secureConnection(), expected);
    }

    void hostFormsAccepted_data()
    {
        QTest::addColumn<QString>("host");
        QTest::newRow("name") << u"lobby-server.example.com"_s;
        QTest::newRow("single label") << u"server"_s;
        QTest::newRow("ipv4") << u"192.168.1.10"_s;
        QTest::newRow("ipv6") << u"2001:db8::1"_s;
        QTest::newRow("bracketed ipv6") << u"[::1]"_s;
    }

    void hostFormsAccepted()
    {
        QFETCH(QString, host);
        const auto loaded = load(MinimalReferenceConfig, {{u"AUTOHOST_TACHYON_SERVER"_s, host}});
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->config.tachyonServer, host);
    }

    void processEnvironment()
    {
        qputenv("AUTOHOST_TEST_MARKER", "marker value");
        const Pairs environment = ConfigLoader::processEnvironment();
        QVERIFY(environment.contains(qMakePair(u"AUTOHOST_TEST_MARKER"_s, u"marker value"_s)));
        qunsetenv("AUTOHOST_TEST_MARKER");
    }

    void systemEnginesUnsetMeansOn()
    {
        const auto loaded =
            load(writeConfig(R"({"systemEngines": false})"), {{u"AUTOHOST_SYSTEM_ENGINES"_s, QString()}});
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QVERIFY(loaded->config.systemEngines);
        QVERIFY(load(writeConfig(R"({"systemEngines": null})"))->config.systemEngines);
    }

    // fileProblems() finds what load() finds, by key, and all of it.
    void problemsByKey()
    {
        QVERIFY(ConfigLoader::fileProblems("{}").isEmpty());
        QVERIFY(ConfigLoader::fileProblems(R"({"maxBattles": 3, "unknown": 1})").isEmpty());

        const QByteArray twoBad = R"({"maxBattles": 0, "logFormat": "xml", "engineStartPort": 30000})";
        const QList<ConfigProblem> problems = ConfigLoader::fileProblems(twoBad);
        QCOMPARE(problems.size(), 2);
        QCOMPARE(problems.at(0).key, u"maxBattles"_s);
        QCOMPARE(problems.at(0).message, u"must be an integer >= 1"_s);
        QCOMPARE(problems.at(1).key, u"logFormat"_s);
        QCOMPARE(problems.at(1).message, u"must be \"text\" or \"json\""_s);
        const QString path = writeConfig(twoBad);
        QCOMPARE(errorOf(load(path)), u"%1: maxBattles: must be an integer >= 1"_s.arg(path));

        // Checks across keys once every value is valid.
        const QByteArray overlap = R"({"engineStartPort": 21500})";
        const QList<ConfigProblem> cross = ConfigLoader::fileProblems(overlap);
        QCOMPARE(cross.size(), 1);
        QCOMPARE(cross.at(0).key, u"engineStartPort"_s);
        const QString overlapPath = writeConfig(overlap);
        QCOMPARE(errorOf(load(overlapPath)),
                 u"%1: engineStartPort: %2"_s.arg(overlapPath, cross.at(0).message));
        const QList<ConfigProblem> required = ConfigLoader::fileProblems(R"({"tachyonServer": "lobby"})");
        QCOMPARE(required.size(), 1);
        QCOMPARE(required.at(0).key, u"tachyonServer"_s);
        QCOMPARE(required.at(0).message, u"set, so authClientId is required"_s);

        // The file as a whole.
        const QList<ConfigProblem> syntax = ConfigLoader::fileProblems("{\n  // no\n}");
        QCOMPARE(syntax.size(), 1);
        QVERIFY(syntax.at(0).key.isEmpty());
        QVERIFY2(syntax.at(0).message.startsWith(u"not valid JSON near line 2"_s),
                 qPrintable(syntax.at(0).message));
        const QList<ConfigProblem> array = ConfigLoader::fileProblems("[]");
        QCOMPARE(array.size(), 1);
        QCOMPARE(array.at(0).message, u"must contain a JSON object"_s);

        // Messages never quote the value: it may be the secret.
        const QList<ConfigProblem> secret =
            ConfigLoader::fileProblems(R"({"authClientSecret": 987654321, "maxBattles": "987654321x"})");
        QCOMPARE(secret.size(), 2);
        for (const ConfigProblem &problem : secret)
        {
            QVERIFY2(!problem.message.contains(u"987654321"_s), qPrintable(problem.message));
        }
    }

    // Every key is described for the settings editor, and describe() lists exactly these keys.
    void keysAreDescribed()
    {
        const QList<ConfigKey> &keys = ConfigLoader::keys();
        const Json described = describeJson(Config());
        QCOMPARE(keys.size(), qsizetype(described.size()));
        const QStringList groups{u"Server"_s, u"Battles"_s, u"Engines"_s, u"Admin endpoint"_s, u"Advanced"_s};
        qsizetype index = 0;
        for (const auto &[name, value] : described.items())
        {
            const ConfigKey &key = keys.at(index++);
            QCOMPARE(key.name, toQString(name));
            QVERIFY2(groups.contains(key.group), qPrintable(key.name));
            QVERIFY2(!key.description.isEmpty(), qPrintable(key.name));
            QVERIFY2(key.defaultValue == value, qPrintable(key.name));
            QCOMPARE(key.secret, key.name == u"authClientSecret"_s || key.name == u"adminToken"_s);
        }
        // Defaults as the file would write them.
        const auto defaultOf = [&keys](const QString &name)
        {
            return std::find_if(keys.cbegin(), keys.cend(),
                                [&name](const ConfigKey &k) { return k.name == name; })
                ->defaultValue;
        };
        QVERIFY(defaultOf(u"maxBattles"_s) == Json(50));
        QVERIFY(defaultOf(u"systemEngines"_s) == Json(true));
        QVERIFY(defaultOf(u"tachyonServerPort"_s).is_null());
        QVERIFY(defaultOf(u"engineSettings"_s) == Json::object());
    }

    void defaultConfigPath()
    {
        QCOMPARE(ConfigLoader::defaultConfigPath(u"/var/lib/autohost"_s), u"/var/lib/autohost/config.json"_s);
        QCOMPARE(ConfigLoader::defaultConfigPath(u"/var/lib/autohost/"_s),
                 u"/var/lib/autohost/config.json"_s);
        QCOMPARE(ConfigLoader::defaultConfigPath(u"data"_s), u"data/config.json"_s);
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
