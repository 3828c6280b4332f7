#include "battles/instancepool.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

InstancePool::InstancePool(const QString &instancesDir, QStringList fileNames, int size)
    : m_directory(QDir(instancesDir).absoluteFilePath(u".prepared"_s))
    , m_fileNames(std::move(fileNames))
    , m_size(size)
{
}

bool InstancePool::take(const QString &path)
{
    while (!m_ready.isEmpty())
    {
        const QString name = m_ready.takeLast();
        const QString prepared = m_directory + u'/' + name;
        if (QDir().rename(prepared, path))
        {
            return true;
        }
        // Either path is taken (the caller's own way says what is wrong) or the prepared directory is gone
        // (removed by hand, say).
        if (QFileInfo::exists(prepared))
        {
            m_ready.append(name);
            return false;
        }
    }
    return false;
}

bool InstancePool::refill()
{
    if (!m_scanned)
    {
        m_scanned = true;
        const QDir directory(m_directory);
        for (const QString &name : directory.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        {
            // One whose files were not all made (the autohost stopped meanwhile) is made whole.
            if (prepare(name))
            {
                m_ready.append(name);
            }
        }
    }
    while (m_ready.size() < m_size)
    {
        const QString name = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (!prepare(name))
        {
            return false;
        }
        m_ready.append(name);
    }
    return true;
}

bool InstancePool::prepare(const QString &name)
{
    const QString path = m_directory + u'/' + name;
    if (!QDir().mkpath(path))
    {
        return false;
    }
    for (const QString &fileName : std::as_const(m_fileNames))
    {
        // Owner-only from the start: one of them will hold the players' passwords.
        QFile file(path + u'/' + fileName);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Append,
                       QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        {
            return false;
        }
    }
    return true;
}
