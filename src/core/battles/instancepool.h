#pragma once

#include <QString>
#include <QStringList>

// Battle instance directories made ahead of time. On a journaling file system a start's directory and
// files cost more than anything else the autohost does for it (ext4: about 0.1 ms for each new inode,
// almost half a millisecond a battle); a prepared directory, its files there and empty, is renamed into
// place instead. They wait in a hidden directory beside the instances and outlive a restart.
class InstancePool
{
public:
    static constexpr int DefaultSize = 2;

    // Prepared directories go to instancesDir/.prepared, each with these (empty, owner-only) files.
    InstancePool(const QString &instancesDir, QStringList fileNames, int size = DefaultSize);

    QString directory() const { return m_directory; }
    int size() const { return m_size; }
    // Prepared directories ready to be taken.
    int ready() const { return int(m_ready.size()); }

    // Moves a prepared directory to path (which must not exist); false when none
    // is ready or the move failed, and the caller makes the directory itself.
    bool take(const QString &path);
    // Prepares directories until size() are ready (those of an earlier run count); false when one could not
    // be made.
    bool refill();

private:
    bool prepare(const QString &name);

    QString m_directory;
    QStringList m_fileNames;
    int m_size;
    bool m_scanned = false; // for directories left by an earlier run
    QStringList m_ready;    // names of prepared directories, in m_directory
};
