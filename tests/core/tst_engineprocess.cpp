#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "engine/engineprocess.h"

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
