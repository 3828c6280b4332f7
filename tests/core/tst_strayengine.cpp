#include <csignal>

#include <QFile>
#include <QProcess>
#include <QTest>

#include "engine/strayengine.h"

#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

// Engines left over by an earlier run: found by pid and exact command line, killed only when both match.
class TestStrayEngine : public QObject
{
    Q_OBJECT

private:
    static QStringList sleeper() { return {u"/bin/sleep"_s, u"301"_s}; }

    // The state letter of /proc/<pid>/stat ('R', 'S', 'Z', ...), or 0.
    static char processState(pid_t pid)
    {
        QFile stat(u"/proc/%1/stat"_s.arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
        {
            return 0;
        }
        const QByteArray line = stat.readAll();
        const qsizetype end = line.lastIndexOf(')');
        return end >= 0 && end + 2 < line.size() ? line.at(end + 2) : 0;
    }

private slots:
    void killsTheProcessWithThatCommandLine()
    {
        QProcess process;
        process.start(sleeper().constFirst(), sleeper().mid(1));
        QVERIFY(process.waitForStarted());
        const qint64 pid = process.processId();
        // QProcess returns once the child is in execve, which may not have put the new command line in place
        // yet.
        QTRY_VERIFY(StrayEngine::isRunning(pid, sleeper()));

        QVERIFY(StrayEngine::kill(pid, sleeper()));
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
        QVERIFY(!StrayEngine::isRunning(pid, sleeper()));
        QVERIFY(!StrayEngine::kill(pid, sleeper()));
    }

    void leavesAnotherProgramWithThatPidAlone()
    {
        QProcess process;
        process.start(sleeper().constFirst(), sleeper().mid(1));
        QVERIFY(process.waitForStarted());
        const qint64 pid = process.processId();
        QTRY_VERIFY(StrayEngine::isRunning(pid, sleeper())); // its command line is in place
        const QList<QStringList> others = {
            {u"/bin/sleep"_s, u"30"_s},
            {u"/bin/sleep"_s},
            {u"/bin/sleep"_s, u"301"_s, u"-isolation"_s},
            {u"/usr/bin/sleep"_s, u"301"_s},
            {},
        };
        for (const QStringList &other : others)
        {
            QVERIFY2(!StrayEngine::isRunning(pid, other), qPrintable(other.join(u' ')));
            QVERIFY2(!StrayEngine::kill(pid, other), qPrintable(other.join(u' ')));
        }
        QVERIFY(!process.waitForFinished(200));
        QCOMPARE(process.state(), QProcess::Running);
        process.kill();
        QVERIFY(process.waitForFinished(5000));
    }

    void aZombieIsNotRunning()
    {
        // Forked by hand, so that nobody reaps it before the test has looked.
        const pid_t pid = ::fork();
        if (pid == 0)
        {
            ::execl("/bin/sleep", "/bin/sleep", "301", static_cast<char *>(nullptr));
            ::_exit(127);
        }
        QVERIFY(pid > 0);
        QTRY_VERIFY(StrayEngine::isRunning(pid, sleeper()));
        ::kill(pid, SIGKILL);
        QTRY_VERIFY(processState(pid) == 'Z');
        QVERIFY(!StrayEngine::isRunning(pid, sleeper()));
        QVERIFY(!StrayEngine::kill(pid, sleeper()));
        int status = 0;
        QCOMPARE(::waitpid(pid, &status, 0), pid);
    }
};

QTEST_GUILESS_MAIN(TestStrayEngine)
#include "tst_strayengine.moc"
