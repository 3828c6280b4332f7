#include "engine/strayengine.h"

#include <QFile>

#ifdef Q_OS_LINUX
#include <csignal>

#include <sys/types.h>
#endif

using namespace Qt::Literals::StringLiterals;

bool StrayEngine::isRunning(qint64 pid, const QStringList &commandLine)
{
#ifdef Q_OS_LINUX
    if (pid <= 0 || commandLine.isEmpty())
    {
        return false;
    }
    // A zombie has an empty command line, so it never matches.
    QFile file(u"/proc/%1/cmdline"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
    {
        return false;
    }
    QByteArray expected;
    for (const QString &argument : commandLine)
    {
        expected += argument.toLocal8Bit() + '\0';
    }
    return file.readAll() == expected;
#else
    Q_UNUSED(pid);
    Q_UNUSED(commandLine);
    return false;
#endif
}

bool StrayEngine::kill(qint64 pid, const QStringList &commandLine)
{
#ifdef Q_OS_LINUX
    return isRunning(pid, commandLine) && ::kill(pid_t(pid), SIGKILL) == 0;
#else
    Q_UNUSED(pid);
    Q_UNUSED(commandLine);
    return false;
#endif
}
