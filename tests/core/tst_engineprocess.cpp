#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "engine/cpuaffinity.h"
#include "engine/engineprocess.h"
#include "processlimits.h"

#include <sched.h>
#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(EngineProcess::Exit)

// EngineProcess with /bin/sh standing in for the engine: output capture, exit classification, signals.
class TestEngineProcess : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    EngineProcess::Launch shell(const QString &script, const QString &logName) const
    {
        EngineProcess::Launch launch;
        launch.program = u"/bin/sh"_s;
        launch.arguments = {u"-c"_s, script};
        launch.workingDirectory = m_dir.path();
        launch.environment = QProcessEnvironment::systemEnvironment();
        launch.environment.insert(u"ENGINE_TEST_VALUE"_s, u"from-the-environment"_s);
        launch.logPath = m_dir.filePath(logName);
        return launch;
    }

    // /bin/sleep with the limits, once it runs the program (the limits are set before exec).
    bool startSleep(EngineProcess &process, const EngineProcess::Limits &limits, const QString &logName) const
    {
        EngineProcess::Launch launch;
        launch.program = u"/bin/sleep"_s;
        launch.arguments = {u"30"_s};
        launch.workingDirectory = m_dir.path();
        launch.environment = QProcessEnvironment::systemEnvironment();
        launch.logPath = m_dir.filePath(logName);
        launch.limits = limits;
        process.start(launch);
        return QTest::qWaitFor([&process]
                               { return ProcessLimits(process.pid()).program() == u"/bin/sleep"_s; });
    }

    static QString affinityOfThisThread()
    {
        cpu_set_t set;
        CPU_ZERO(&set);
        ::sched_getaffinity(0, sizeof(set), &set);
        QList<int> cores;
        for (int core = 0; core < CPU_SETSIZE; ++core)
        {
            if (CPU_ISSET(core, &set))
            {
                cores.append(core);
            }
        }
        return CpuAffinity::formatCores(cores);
    }

    static EngineProcess::Exit waitForExit(EngineProcess &process)
    {
        QSignalSpy exited(&process, &EngineProcess::exited);
        if (!exited.wait(10000))
        {
            qFatal("the process did not exit");
        }
        return exited.at(0).at(0).value<EngineProcess::Exit>();
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<EngineProcess::Exit>();
        QVERIFY(m_dir.isValid());
    }

    void capturesOutputAndExitCode()
    {
        EngineProcess process;
        process.start(shell(u"echo line one; echo $ENGINE_TEST_VALUE; pwd; echo to stderr >&2; exit 3"_s,
                            u"capture.log"_s));
        const EngineProcess::Exit exit = waitForExit(process);
        QVERIFY(!exit.crashed);
        QCOMPARE(exit.exitCode, 3);
        QCOMPARE(exit.describe(), u"exit code 3"_s);
        QCOMPARE(process.lastLogLines(10),
                 (QStringList{u"line one"_s, u"from-the-environment"_s, m_dir.path(), u"to stderr"_s}));
        QCOMPARE(process.lastLogLines(1), QStringList{u"to stderr"_s});
    }

    void theEngineGetsTheStartupUmask()
    {
        // As while libarchive installs an engine: the process umask is 0 for a moment.
        const mode_t startup = ::umask(0);
        EngineProcess process;
        process.start(shell(u"umask"_s, u"umask.log"_s));
        ::umask(startup);
        QCOMPARE(waitForExit(process).exitCode, 0);
        QCOMPARE(process.lastLogLines(1), QStringList{QString::asprintf("%04o", unsigned(startup))});
    }

    void aSignalIsACrash()
    {
        EngineProcess process;
        process.start(shell(u"kill -SEGV $$"_s, u"segv.log"_s));
        const EngineProcess::Exit exit = waitForExit(process);
        QVERIFY(exit.crashed);
        QCOMPARE(exit.signal, 11);
        QCOMPARE(exit.describe(), u"killed by signal 11 (SIGSEGV)"_s);
    }

    void terminateAndKill()
    {
        EngineProcess polite;
        polite.start(shell(u"sleep 30"_s, u"term.log"_s));
        QTRY_VERIFY(polite.isRunning() && polite.pid() > 0);
        polite.terminate();
        QCOMPARE(waitForExit(polite).signal, 15);

        EngineProcess stubborn;
        stubborn.start(shell(u"trap '' TERM; echo ready; while true; do sleep 0.05; done"_s, u"kill.log"_s));
        QTRY_VERIFY(stubborn.lastLogLines(1) == QStringList{u"ready"_s});
        stubborn.terminate();
        QTest::qWait(300);
        QVERIFY(stubborn.isRunning());
        stubborn.kill();
        QCOMPARE(waitForExit(stubborn).signal, 9);
    }

    void aMissingProgramFailsToStart()
    {
        EngineProcess process;
        QSignalSpy failed(&process, &EngineProcess::failedToStart);
        QSignalSpy exited(&process, &EngineProcess::exited);
        EngineProcess::Launch launch = shell({}, u"missing.log"_s);
        launch.program = m_dir.filePath(u"no-such-binary"_s);
        process.start(launch);
        QVERIFY(failed.count() == 1 || failed.wait(5000));
        QCOMPARE(exited.count(), 0);
    }

    void theLimitsReachTheEngine()
    {
        const QList<int> online = CpuAffinity::onlineCores();
        EngineProcess::Limits limits;
        limits.cores = {online.constLast()};
        limits.niceLevel = 7;
        limits.memoryLimitBytes = 512LL * 1024 * 1024;
        EngineProcess process;
        QVERIFY(startSleep(process, limits, u"limits.log"_s));
        const ProcessLimits engine(process.pid());
        QCOMPARE(engine.cores(), QString::number(online.constLast()));
        QCOMPARE(engine.nice(), 7);
        QCOMPARE(engine.addressSpaceLimit(), u"536870912 536870912 bytes"_s);
        // The autohost keeps its own.
        QCOMPARE(ProcessLimits(QCoreApplication::applicationPid()).nice(), 0);
        process.kill();
        waitForExit(process);
    }

    void noLimitsLeaveNiceAndMemoryAlone()
    {
        EngineProcess process;
        QVERIFY(startSleep(process, {}, u"nolimits.log"_s));
        QCOMPARE(ProcessLimits(process.pid()).nice(), 0);
        QCOMPARE(ProcessLimits(process.pid()).addressSpaceLimit(),
                 ProcessLimits(QCoreApplication::applicationPid()).addressSpaceLimit());
        process.kill();
        waitForExit(process);
    }

    void everyCoreUndoesInheritedPinning()
    {
        const QList<int> online = CpuAffinity::onlineCores();
        if (online.size() < 2)
        {
            QSKIP("needs a machine with two cores or more");
        }
        // The autohost pinned to one core, as engines that shared one core left it (RecoilEngine #575).
        const QString before = affinityOfThisThread();
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(online.constFirst(), &one);
        QCOMPARE(::sched_setaffinity(0, sizeof(one), &one), 0);
        EngineProcess process;
        const bool started = startSleep(process, {}, u"allcores.log"_s);
        const QString pinned = affinityOfThisThread();
        cpu_set_t all;
        CPU_ZERO(&all);
        for (const int core : online)
        {
            CPU_SET(core, &all);
        }
        ::sched_setaffinity(0, sizeof(all), &all);
        QVERIFY(started);
        QCOMPARE(pinned, QString::number(online.constFirst()));
        QCOMPARE(ProcessLimits(process.pid()).cores(), CpuAffinity::formatCores(online));
        QCOMPARE(affinityOfThisThread(), before);
        process.kill();
        waitForExit(process);
    }

    void theLogIsTruncatedForEachStart()
    {
        QFile old(m_dir.filePath(u"truncate.log"_s));
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("stale output from a previous start\n");
        old.close();
        EngineProcess process;
        process.start(shell(u"echo fresh"_s, u"truncate.log"_s));
        waitForExit(process);
        QCOMPARE(process.lastLogLines(10), QStringList{u"fresh"_s});
    }
};

QTEST_GUILESS_MAIN(TestEngineProcess)
#include "tst_engineprocess.moc"
