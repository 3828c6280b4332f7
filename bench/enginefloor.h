#pragma once

#include <vector>

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

// The floors the autohost's figures are bounded by: the fast engine with nobody in between, its datagrams
// read straight by this process.
class EngineFloor
{
public:
    enum class Spawner
    {
        PosixSpawn, // posix_spawn: vfork semantics, the cheapest start there is
        QProcess,   // as EngineProcess starts an engine: fork, a child modifier, the output to a log file
    };
    struct Relay
    {
        quint64 expected = 0;
        quint64 unique = 0;
        quint64 duplicates = 0;
        qint64 firstSendNs = 0;
        qint64 lastReceiveNs = 0;
        std::vector<qint64> latenciesNs;
        qint64 receiverCpuNs = 0; // the receiving thread's CPU time, system calls included
    };

    explicit EngineFloor(const QString &enginePath);
    // Empty when the floor can be measured, else what went wrong.
    QString problem() const { return m_problem; }

    // From the spawn to the engine's first datagram (SERVER_STARTED) at a bound socket, `count` times, each
    // engine stopped with /kill and reaped before the next; nanoseconds, empty on failure.
    std::vector<qint64> spawnToFirstDatagram(Spawner spawner, int count);
    // `engines` engines sending `perEngine` chats each at `perSecond` (0: as fast as they can), all starting
    // at the same moment, to sockets of this process (receive buffers as large as the autohost's) read as
    // fast as it can.
    Relay relay(int engines, quint64 perEngine, quint64 perSecond);

private:
    QString writeScript(const QString &name, quint16 port, const QByteArray &modOptions);
    // The pid, or -1.
    qint64 spawn(const QString &script);

    QString m_engine;
    QTemporaryDir m_dir;
    QString m_problem;
};
