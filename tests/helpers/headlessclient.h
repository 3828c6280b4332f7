#pragma once

#include <QProcess>
#include <QString>

#include "util/result.h"

// One spring-headless client of a test game (real-engine notes §5.2–5.3): it writes its own client script,
// runs in its own write directory (so that infologs stay apart) and process group, and logs its output to a
// file. Destroying it kills the whole process group: headless clients do not leave by themselves when the
// server goes away.
class HeadlessClient
{
public:
    static constexpr auto DebianBinary = "/usr/games/spring-headless";

    // dir: a directory of its own for the script, the log and the write directory.
    HeadlessClient(const QString &name, const QString &password, const QString &dir);
    ~HeadlessClient();
    HeadlessClient(const HeadlessClient &) = delete;
    HeadlessClient &operator=(const HeadlessClient &) = delete;

    // Connects to the game server on 127.0.0.1:hostPort with the content in contentDir (SPRING_DATADIR).
    Status start(quint16 hostPort, const QString &contentDir,
                 const QString &binary = QString::fromLatin1(DebianBinary));
    // SIGKILL to the process group, then waits for the process.
    void kill();

    QString name() const { return m_name; }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    // The client's stdout and stderr so far.
    QString output() const;
    // The engine's infolog.txt in the client's write directory.
    QString infolog() const;

private:
    QString logPath() const;

    QString m_name;
    QString m_password;
    QString m_dir;
    QProcess m_process;
};
