#include "headlessclient.h"

#include <csignal>

#include <QDir>
#include <QFile>

#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace
{
QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}
} // namespace

HeadlessClient::HeadlessClient(const QString &name, const QString &password, const QString &dir)
    : m_name(name)
    , m_password(password)
    , m_dir(QDir(dir).absolutePath())
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    // A group of its own, so that kill() reaches every process the client may start; and no client outlives
    // the test.
    m_process.setChildProcessModifier(
        []
        {
            ::setpgid(0, 0);
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        });
}

HeadlessClient::~HeadlessClient()
{
    kill();
}

Status HeadlessClient::start(quint16 hostPort, const QString &contentDir, const QString &binary)
{
    const QString writeDir = m_dir + u"/write"_s;
    if (!QDir().mkpath(writeDir))
    {
        return fail(u"cannot create %1"_s.arg(writeDir));
    }
    // The engine resolves a relative script path through its data directories, so it gets an absolute one.
    const QString scriptPath = m_dir + u"/script.txt"_s;
    const QString script = u"[GAME]\n{\n\tHostIP=127.0.0.1;\n\tHostPort=%1;\n\tIsHost=0;\n"
                           u"\tMyPlayerName=%2;\n\tMyPasswd=%3;\n}\n"_s.arg(hostPort)
                               .arg(m_name, m_password);
    QFile file(scriptPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(script.toUtf8()) < 0)
    {
        return fail(u"cannot write %1: %2"_s.arg(scriptPath, file.errorString()));
    }
    file.close();

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"SPRING_WRITEDIR"_s, writeDir);
    environment.insert(u"SPRING_DATADIR"_s, contentDir);
    m_process.setProcessEnvironment(environment);
    m_process.setWorkingDirectory(m_dir);
    m_process.setStandardOutputFile(logPath(), QIODevice::Truncate);
    m_process.start(binary, {scriptPath});
    if (!m_process.waitForStarted(5000))
    {
        return fail(u"cannot start %1: %2"_s.arg(binary, m_process.errorString()));
    }
    return succeeded();
}

void HeadlessClient::kill()
{
    if (m_process.state() == QProcess::NotRunning)
    {
        return;
    }
    if (const qint64 pid = m_process.processId(); pid > 0)
    {
        ::kill(-pid_t(pid), SIGKILL);
    }
    m_process.kill();
    m_process.waitForFinished(5000);
}

QString HeadlessClient::logPath() const
{
    return m_dir + u"/client.log"_s;
}

QString HeadlessClient::output() const
{
    return readText(logPath());
}

QString HeadlessClient::infolog() const
{
    return readText(m_dir + u"/write/infolog.txt"_s);
}
