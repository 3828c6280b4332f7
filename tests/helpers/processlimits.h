#pragma once

#include <QString>
#include <QtGlobal>

// What Linux's /proc says about a running process's placement and limits: the tests' view of what an engine
// really got.
class ProcessLimits
{
public:
    explicit ProcessLimits(qint64 pid);

    // The whole file /proc/<pid>/<name>; empty when the process is gone.
    QByteArray file(const char *name) const;
    // Cpus_allowed_list of /proc/<pid>/status, e.g. "0-3,6".
    QString cores() const;
    // The nice value (field 19 of /proc/<pid>/stat); -100 when unreadable.
    int nice() const;
    // "Max address space" of /proc/<pid>/limits: soft, hard and unit, e.g. "536870912 536870912 bytes".
    QString addressSpaceLimit() const;
    // The program the process runs now (argv[0]); empty before exec or when gone.
    QString program() const;

private:
    QString lineAfter(const char *name, const QByteArray &prefix) const;

    qint64 m_pid;
};
