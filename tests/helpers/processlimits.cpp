#include "processlimits.h"

#include <QFile>
#include <QList>

using namespace Qt::Literals::StringLiterals;

ProcessLimits::ProcessLimits(qint64 pid)
    : m_pid(pid)
{
}

QByteArray ProcessLimits::file(const char *name) const
{
    QFile file(u"/proc/%1/%2"_s.arg(m_pid).arg(QLatin1StringView(name)));
    return m_pid > 0 && file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString ProcessLimits::lineAfter(const char *name, const QByteArray &prefix) const
{
    for (const QByteArray &line : file(name).split('\n'))
    {
        if (line.startsWith(prefix))
        {
            return QString::fromLatin1(line.mid(prefix.size()).simplified());
        }
    }
    return {};
}

QString ProcessLimits::cores() const
{
    return lineAfter("status", "Cpus_allowed_list:");
}

int ProcessLimits::nice() const
{
    // The command name in parentheses may contain spaces; the fields after it start at field 3.
    const QByteArray stat = file("stat");
    const qsizetype end = stat.lastIndexOf(')');
    const QList<QByteArray> fields = end < 0 ? QList<QByteArray>() : stat.mid(end + 2).split(' ');
    return fields.size() > 16 ? fields.at(16).toInt() : -100;
}

QString ProcessLimits::addressSpaceLimit() const
{
    return lineAfter("limits", "Max address space");
}

QString ProcessLimits::program() const
{
    return QString::fromLocal8Bit(file("cmdline").split('\0').constFirst());
}
