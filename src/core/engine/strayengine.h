#pragma once

#include <QStringList>

// An engine of an earlier run of the autohost that is still running although it should have died with it (the
// parent-death signal failed, or the engine was started by another kind of program). It is recognised by its
// pid and its exact command line, so that a reused pid of another program is never touched. Linux only
// (/proc); elsewhere nothing is ever found.
class StrayEngine
{
public:
    // Whether a live process (not a zombie) with that pid runs exactly that command line.
    static bool isRunning(qint64 pid, const QStringList &commandLine);
    // SIGKILLs it if so; true when it was killed.
    static bool kill(qint64 pid, const QStringList &commandLine);
};
