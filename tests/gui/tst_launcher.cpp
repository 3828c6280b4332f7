#include <csignal>

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "blockinghttp.h"
#include "launcher.h"
#include "protocol/json.h"

#include <sys/prctl.h>

using namespace Qt::Literals::StringLiterals;

// What both faces of the program share before they diverge: the command line, the data directory and the
// configuration file, checked on the built program (both faces) run as a process, and the face decision made
// before any application object exists.
class TestLauncher : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A directory of its own for one test, made below the test's temporary directory.
    QString makeDir(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QDir(path).removeRecursively();
        if (!QDir().mkpath(path))
        {
            qWarning("cannot create %s", qPrintable(path));
        }
        return path;
    }

    static bool writeJson(const QString &path, const Json &json)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(dumpJsonBytes(json)) > 0;
    }

    // The environment of a user without a display and without AUTOHOST_* settings; the desktop app's
    // directories point into the test's temporary directory.
    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString &name : environment.keys())
        {
            if (name.startsWith(u"AUTOHOST_"_s))
            {
                environment.remove(name);
            }
        }
        for (const QString &name : {u"QT_QPA_PLATFORM"_s, u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s})
        {
            environment.remove(name);
        }
        environment.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"xdg-data"_s));
        environment.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"xdg-config"_s));
        // Programs started by tests in parallel must not fight over the admin endpoint's fixed port.
        environment.insert(u"AUTOHOST_ADMIN_LISTEN"_s, u"127.0.0.1:0"_s);
        return environment;
    }

    static void start(QProcess &process, const QStringList &arguments, const QString &workingDirectory,
                      const QProcessEnvironment &environment)
    {
        process.setProgram(QStringLiteral(AUTOHOST_BINARY));
        process.setArguments(arguments);
        process.setWorkingDirectory(workingDirectory);
        process.setProcessEnvironment(environment);
        // Even a test that aborts leaves no autohost behind.
        process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        process.start();
        QVERIFY(process.waitForStarted());
    }

    // The effective configuration the program prints for these arguments, or null when it did not print one.
    Json printedConfig(const QStringList &arguments, const QString &workingDirectory)
    {
        QProcess process;
        start(process, arguments + QStringList{u"--print-config"_s}, workingDirectory, environment());
        if (!process.waitForFinished(10000) || process.exitCode() != 0)
        {
            qWarning("autohost %s: exit code %d: %s", qPrintable(arguments.join(u' ')), process.exitCode(),
                     process.readAllStandardError().constData());
            return Json();
        }
        const Json printed = Json::parse(process.readAllStandardOutput().toStdString(), nullptr, false);
        return printed.is_discarded() ? Json() : printed;
    }

    // Reads what the process prints until text appears, the process ends or the time is up; all it printed.
    static QString waitForOutput(QProcess &process, const QString &text, int timeoutMilliseconds = 15000)
    {
        QString output;
        const QDeadlineTimer deadline(timeoutMilliseconds);
        while (!output.contains(text) && process.state() != QProcess::NotRunning && !deadline.hasExpired())
        {
            process.waitForReadyRead(100);
            output += QString::fromUtf8(process.readAll());
        }
        return output + QString::fromUtf8(process.readAll());
    }

    static void stop(QProcess &process)
    {
        QSignalSpy finished(&process, &QProcess::finished);
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(finished.wait(15000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void wantsHeadless_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("headless");
        QTest::newRow("no arguments") << QStringList() << false;
        QTest::newRow("--headless") << QStringList{u"--headless"_s} << true;
        QTest::newRow("-headless") << QStringList{u"-headless"_s} << true;
        QTest::newRow("--headless after a file")
            << QStringList{u"--data-dir"_s, u"/srv/autohost"_s, u"--headless"_s} << true;
        QTest::newRow("--help") << QStringList{u"--help"_s} << true;
        QTest::newRow("-h") << QStringList{u"-h"_s} << true;
        QTest::newRow("--help-all") << QStringList{u"--help-all"_s} << true;
        QTest::newRow("--version") << QStringList{u"--version"_s} << true;
        QTest::newRow("-v") << QStringList{u"-v"_s} << true;
        QTest::newRow("--print-config") << QStringList{u"--print-config"_s} << true;
        QTest::newRow("a configuration file") << QStringList{u"config.json"_s} << false;
        QTest::newRow("--config") << QStringList{u"--config"_s, u"config.json"_s} << false;
        QTest::newRow("--data-dir") << QStringList{u"--data-dir"_s, u"/srv/autohost"_s} << false;
        QTest::newRow("--set") << QStringList{u"--set"_s, u"maxBattles=2"_s} << false;
        QTest::newRow("an option's value that looks like one")
            << QStringList{u"--set"_s, u"--headless=1"_s} << false;
    }

    void wantsHeadless()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, headless);
        // The program's own name is never an option.
        QList<QByteArray> storage = {QByteArrayLiteral("--headless")};
        for (const QString &argument : arguments)
        {
            storage.append(argument.toUtf8());
        }
        std::vector<char *> argv;
        for (QByteArray &argument : storage)
        {
            argv.push_back(argument.data());
        }
        argv.push_back(nullptr);
        QCOMPARE(Launcher::wantsHeadless(int(storage.size()), argv.data()), headless);
    }

    void headlessReadsTheWorkingDirectory()
    {
        const QString dir = makeDir(u"working"_s);
        QCOMPARE(printedConfig({u"--headless"_s}, dir).value("maxBattles", -1), 50);
        QVERIFY(writeJson(dir + u"/config.json"_s, {{"maxBattles", 7}}));
        QCOMPARE(printedConfig({u"--headless"_s}, dir).value("maxBattles", -1), 7);
        // --print-config alone is headless too.
        QCOMPARE(printedConfig({}, dir).value("maxBattles", -1), 7);
    }

    void dataDirIsCreatedAndRead()
    {
        const QString working = makeDir(u"elsewhere"_s);
        QVERIFY(writeJson(working + u"/config.json"_s, {{"maxBattles", 7}}));
        const QString dataDir = m_dir.filePath(u"data/sub"_s);
        QVERIFY(!QFileInfo::exists(dataDir));

        QCOMPARE(printedConfig({u"--headless"_s, u"--data-dir"_s, dataDir}, working).value("maxBattles", -1),
                 50);
        QVERIFY(QFileInfo(dataDir).isDir());
        QVERIFY(writeJson(dataDir + u"/config.json"_s, {{"maxBattles", 11}}));
        QCOMPARE(printedConfig({u"--headless"_s, u"--data-dir"_s, dataDir}, working).value("maxBattles", -1),
                 11);
        // Relative to the working directory.
        QVERIFY(QDir().mkpath(working + u"/relative"_s));
        QVERIFY(writeJson(working + u"/relative/config.json"_s, {{"maxBattles", 13}}));
        QCOMPARE(
            printedConfig({u"--headless"_s, u"--data-dir"_s, u"relative"_s}, working).value("maxBattles", -1),
            13);
    }

    void configFileWinsOverTheDataDir()
    {
        const QString dataDir = makeDir(u"withconfig"_s);
        QVERIFY(writeJson(dataDir + u"/config.json"_s, {{"maxBattles", 7}, {"maxPortsUsed", 70}}));
        const QString other = m_dir.filePath(u"other.json"_s);
        QVERIFY(writeJson(other, {{"maxBattles", 9}}));

        const Json byOption =
            printedConfig({u"--headless"_s, u"--data-dir"_s, dataDir, u"--config"_s, other}, dataDir);
        QCOMPARE(byOption.value("maxBattles", -1), 9);
        // Only the named file is read, not both.
        QCOMPARE(byOption.value("maxPortsUsed", -1), 1000);
        const Json positional = printedConfig({u"--headless"_s, u"--data-dir"_s, dataDir, other}, dataDir);
        QCOMPARE(positional.value("maxBattles", -1), 9);
        // --set wins over every file.
        const Json set = printedConfig(
            {u"--headless"_s, u"--data-dir"_s, dataDir, u"--config"_s, other, u"--set"_s, u"maxBattles=4"_s},
            dataDir);
        QCOMPARE(set.value("maxBattles", -1), 4);
    }

    void invalidConfigurationStops_data()
    {
        QTest::addColumn<QStringList>("face");
        QTest::newRow("headless") << QStringList{u"--headless"_s};
        QTest::newRow("desktop app") << QStringList();
    }

    void invalidConfigurationStops()
    {
        QFETCH(QStringList, face);
        const QString dataDir = makeDir(u"invalid"_s);
        QVERIFY(writeJson(dataDir + u"/config.json"_s,
                          {{"maxBattles", 0}, {"authClientSecret", "s3cret-value"}}));
        QProcessEnvironment offscreen = environment();
        offscreen.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        QProcess process;
        start(process, face + QStringList{u"--data-dir"_s, dataDir}, dataDir, offscreen);
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 2);
        const QString errors = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(errors.contains(u"invalid configuration"_s) && errors.contains(u"maxBattles"_s),
                 qPrintable(errors));
        QVERIFY(!errors.contains(u"s3cret-value"_s));

        QProcess badSet;
        start(badSet, face + QStringList{u"--data-dir"_s, makeDir(u"valid"_s), u"--set"_s, u"maxBattles"_s},
              dataDir, offscreen);
        QVERIFY(badSet.waitForFinished(15000));
        QCOMPARE(badSet.exitCode(), 2);
        QVERIFY(QString::fromUtf8(badSet.readAllStandardError()).contains(u"--set expects key=value"_s));
    }

    // The admin endpoint of the running program: the listening line with the real port, the generated token
    // file (owner-only, never logged), the token required for the metrics.
    void headlessAdminEndpoint()
    {
        const QString dir = makeDir(u"admin"_s);
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        start(process, {u"--headless"_s, u"--set"_s, u"adminListen=127.0.0.1:0"_s}, dir, environment());
        const QString output = waitForOutput(process, u"local mode"_s);
        const QRegularExpressionMatch listening =
            QRegularExpression(u"admin endpoint listening on http://127\\.0\\.0\\.1:(\\d+)"_s).match(output);
        QVERIFY2(listening.hasMatch(), qPrintable(output));
        const quint16 port = listening.captured(1).toUShort();
        QVERIFY(port != 0);

        const QString tokenPath = dir + u"/admin-token"_s;
        QVERIFY2(output.contains(u"admin token created in %1"_s.arg(tokenPath)), qPrintable(output));
        QFile tokenFile(tokenPath);
        QVERIFY(tokenFile.open(QIODevice::ReadOnly));
        const QByteArray token = tokenFile.readAll().trimmed();
        QCOMPARE(token.size(), 43);
        QCOMPARE(tokenFile.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());

        const auto [anonymousStatus, anonymousBody] = BlockingHttp::get(port, "/metrics");
        QCOMPARE(anonymousStatus, 401);
        QCOMPARE(Json::parse(anonymousBody.begin(), anonymousBody.end(), nullptr, false).value("error", ""),
                 std::string("unauthorized"));
        const auto [metricsStatus, metrics] = BlockingHttp::get(port, "/metrics", token);
        QCOMPARE(metricsStatus, 200);
        QVERIFY2(metrics.contains("\nautohost_battles_running 0\n"), metrics.constData());

        stop(process);
        const QString all = output + QString::fromUtf8(process.readAll());
        QVERIFY2(all.contains(u"failed admin login from 127.0.0.1"_s), qPrintable(all));
        QVERIFY(!all.contains(QString::fromLatin1(token)));

        // The next start reads the same token.
        QProcess again;
        again.setProcessChannelMode(QProcess::MergedChannels);
        start(again, {u"--headless"_s, u"--set"_s, u"adminListen=127.0.0.1:0"_s}, dir, environment());
        const QString againOutput = waitForOutput(again, u"local mode"_s);
        QVERIFY2(againOutput.contains(u"admin token read from %1"_s.arg(tokenPath)), qPrintable(againOutput));
        stop(again);
    }

    // A port someone else holds: an error in the log, and the autohost hosts on without the endpoint.
    void adminBindFailureKeepsHosting()
    {
        QTcpServer occupant;
        QVERIFY(occupant.listen(QHostAddress::LocalHost));
        const QString dir = makeDir(u"admin-taken"_s);
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        start(process,
              {u"--headless"_s, u"--set"_s, u"adminListen=127.0.0.1:%1"_s.arg(occupant.serverPort())}, dir,
              environment());
        const QString output = waitForOutput(process, u"local mode"_s);
        QVERIFY2(output.contains(
                     u"ERROR autohost.admin  admin endpoint not started: cannot listen on 127.0.0.1:%1"_s.arg(
                         occupant.serverPort())),
                 qPrintable(output));
        QVERIFY2(output.contains(u"local mode"_s), qPrintable(output));
        stop(process);

        QProcess disabled;
        disabled.setProcessChannelMode(QProcess::MergedChannels);
        start(disabled, {u"--headless"_s, u"--set"_s, u"adminListen="_s}, dir, environment());
        const QString disabledOutput = waitForOutput(disabled, u"local mode"_s);
        QVERIFY2(disabledOutput.contains(u"admin endpoint disabled"_s), qPrintable(disabledOutput));
        stop(disabled);
    }

    void refusedAdminConfigurationStops_data()
    {
        QTest::addColumn<QStringList>("face");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("problem");
        const QString missing = m_dir.filePath(u"no-such-certificate.pem"_s);
        const QStringList tls{u"--set"_s, u"adminTlsCertificate="_s + missing, u"--set"_s,
                              u"adminTlsKey="_s + missing};
        const QStringList open{u"--set"_s, u"adminListen=0.0.0.0:0"_s, u"--config"_s,
                               m_dir.filePath(u"no-token.json"_s)};
        QTest::newRow("headless, unreadable TLS files")
            << QStringList{u"--headless"_s} << tls << missing + u": cannot read the certificate"_s;
        QTest::newRow("desktop app, unreadable TLS files")
            << QStringList() << tls << missing + u": cannot read the certificate"_s;
        QTest::newRow("headless, all addresses without a token")
            << QStringList{u"--headless"_s} << open << u"refuses to listen on 0.0.0.0:0 without a token"_s;
    }

    void refusedAdminConfigurationStops()
    {
        QFETCH(QStringList, face);
        QFETCH(QStringList, arguments);
        QFETCH(QString, problem);
        QVERIFY(writeJson(m_dir.filePath(u"no-token.json"_s), {{"adminToken", ""}}));
        const QString dir = makeDir(u"admin-refused"_s);
        QProcessEnvironment offscreen = environment();
        offscreen.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        start(process, face + arguments, dir, offscreen);
        QVERIFY(process.waitForFinished(15000));
        const QString output = QString::fromUtf8(process.readAll());
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 2, qPrintable(output));
        QVERIFY2(output.contains(u"invalid configuration"_s) && output.contains(problem), qPrintable(output));
    }

    void headlessNeedsNoDisplay()
    {
        const QString dir = makeDir(u"serverhost"_s);
        QProcessEnvironment noDisplay = environment();
        QVERIFY(!noDisplay.contains(u"DISPLAY"_s) && !noDisplay.contains(u"QT_QPA_PLATFORM"_s));
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        start(process, {u"--headless"_s}, dir, noDisplay);
        const QString output = waitForOutput(process, u"local mode"_s);
        QVERIFY2(output.contains(u"local mode"_s), qPrintable(output));
        QVERIFY2(output.contains(u"starting (headless) in %1 "_s.arg(QDir(dir).canonicalPath())) ||
                     output.contains(u"starting (headless) in %1 "_s.arg(dir)),
                 qPrintable(output));

        QSignalSpy finished(&process, &QProcess::finished);
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(finished.wait(15000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        const QString all = output + QString::fromUtf8(process.readAll());
        QVERIFY2(all.contains(u"SIGTERM received"_s), qPrintable(all));
        QVERIFY2(!all.contains(u"qt.qpa"_s) && !all.contains(u"display"_s, Qt::CaseInsensitive),
                 qPrintable(all));
    }

    void desktopAppStartsAndQuitsOnSigterm()
    {
        QProcessEnvironment offscreen = environment();
        offscreen.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        offscreen.insert(u"QT_QUICK_BACKEND"_s, u"software"_s);
        const QString working = makeDir(u"desktop-working"_s);
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        start(process, {}, working, offscreen);
        const QString output = waitForOutput(process, u"local mode"_s);
        QVERIFY2(output.contains(u"(desktop app)"_s), qPrintable(output));
        // A desktop app started from a menu keeps its files in the user's data directory.
        const QString appData = m_dir.filePath(u"xdg-data/autohost"_s);
        QVERIFY2(output.contains(u"(desktop app) in %1 "_s.arg(appData)), qPrintable(output));
        QVERIFY(QFileInfo(appData).isDir());
        // The desktop app serves the admin endpoint too, with its token in the user's data directory.
        QVERIFY2(output.contains(u"admin endpoint listening on http://127.0.0.1:"_s), qPrintable(output));
        QVERIFY(QFileInfo::exists(appData + u"/admin-token"_s));

        QSignalSpy finished(&process, &QProcess::finished);
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(finished.wait(15000));
        const QString all = output + QString::fromUtf8(process.readAll());
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 0, qPrintable(all));
        QVERIFY2(all.contains(u"SIGTERM received"_s), qPrintable(all));
        // The window loaded without a QML warning (they name the file).
        QVERIFY2(!all.contains(u"qrc:/qt/qml/Autohost"_s), qPrintable(all));
    }
};

QTEST_GUILESS_MAIN(TestLauncher)
#include "tst_launcher.moc"
