#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "util/result.h"

// Builds archives for tests with libarchive's writer, entries in the order added and names exactly as given:
// libarchive's 7z and tar writers store "../x", "/abs", backslashes, drive paths and links to anywhere as
// they are, so hostile archives are easy to make. Two limits of its 7z writer: it cannot store hard links
// (they would become empty files, so write7z() refuses them: use writeTar()), and it puts entries without
// data (directories, empty files) after those with data, so tests that depend on order give files content
// (symbolic links have their target as data and keep their place).
// Names are converted with the current locale, which Qt makes UTF-8.
class TestArchive
{
public:
    enum class NodeType
    {
        NamedPipe,
        CharacterDevice,
        BlockDevice,
        Socket
    };

    TestArchive &addFile(const QString &path, const QByteArray &content, int permissions = 0644);
    TestArchive &addDirectory(const QString &path, int permissions = 0755);
    TestArchive &addSymlink(const QString &path, const QString &target);
    TestArchive &addHardlink(const QString &path, const QString &target);
    TestArchive &addNode(const QString &path, NodeType type);

    Status write7z(const QString &file) const;
    Status writeTar(const QString &file) const;

    // Damage a written archive: flip the bytes in the middle (for a 7z whose data does not compress, that is
    // packed file data), or keep only the first half.
    static Status corrupt(const QString &file);
    static Status truncate(const QString &file);
    // What libarchive itself reports when reading the whole archive (headers and data), or empty if it reads.
    static QString libarchiveReadError(const QString &file);

private:
    struct Entry
    {
        QString path;
        unsigned int fileType = 0; // AE_IF*
        int permissions = 0;
        QByteArray content;
        QString symlinkTarget;
        QString hardlinkTarget;
    };

    Status write(const QString &file, bool sevenZip) const;

    QList<Entry> m_entries;
};
