#include "engine/enginearchive.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringList>

#include <archive.h>
#include <archive_entry.h>

#ifdef Q_OS_UNIX
#include <locale.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace
{
// libarchive's disk writer reads the process umask by setting it to 0 and back, for every entry; two writers
// at once can interleave so that the process keeps umask 0. So only one extraction runs at a time.
std::timed_mutex extractionMutex;

// From this length on, libarchive's disk writer changes the process's working directory to reach deep paths
// (PATH_MAX is 4096 on Linux), which would disturb every other thread.
constexpr qsizetype MaxPathBytes = 4000;

// PERM: the modes we set (already cleaned, see cleanPermissions) are applied exactly, whatever the umask.
// SECURE_NOABSOLUTEPATHS cannot be on: the disk writer resolves relative paths against the process's working
// directory, which a worker thread must not change, so entries get absolute paths below the target; absolute
// names in the archive are refused by our own check before that.
constexpr int DiskWriterOptions =
    ARCHIVE_EXTRACT_PERM | ARCHIVE_EXTRACT_SECURE_NODOTDOT | ARCHIVE_EXTRACT_SECURE_SYMLINKS;

struct ReaderFree
{
    void operator()(archive *reader) const { archive_read_free(reader); }
};
struct WriterFree
{
    void operator()(archive *writer) const { archive_write_free(writer); }
};

#ifdef Q_OS_UNIX
// libarchive converts names between the archive's encoding (UTF-16 in 7z) and the current locale's: under a
// "C" locale non-ASCII names are lost. This thread alone uses a UTF-8 locale while extracting (uselocale() is
// per thread). Without C.UTF-8 the process locale stays, which Qt makes UTF-8 where it can.
class Utf8LocaleScope
{
public:
    Utf8LocaleScope()
        : m_utf8(newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t{}))
        , m_previous(m_utf8 ? uselocale(m_utf8) : locale_t{})
    {
    }
    ~Utf8LocaleScope()
    {
        if (m_utf8)
        {
            uselocale(m_previous);
            freelocale(m_utf8);
        }
    }
    Utf8LocaleScope(const Utf8LocaleScope &) = delete;
    Utf8LocaleScope &operator=(const Utf8LocaleScope &) = delete;

private:
    locale_t m_utf8;
    locale_t m_previous;
};
#endif

struct Extraction
{
    archive *reader;
    archive *disk;
    QString archiveName;
    QString root; // canonical target directory
    const ExtractLimits &limits;
    const std::function<void(qint64)> &progress;
    const std::atomic_bool *cancel;
    ExtractSummary summary = {};
    qint64 entries = 0;
    QSet<QString> symlinks = {}; // paths (relative to root) where this extraction created symbolic links

    bool cancelled() const { return cancel && cancel->load(); }
};

QString libarchiveMessage(archive *handle)
{
    const char *message = archive_error_string(handle);
    return message ? QString::fromUtf8(message) : u"unknown error"_s;
}

QString readError(const Extraction &extraction)
{
    return u"cannot read \"%1\": %2"_s.arg(extraction.archiveName, libarchiveMessage(extraction.reader));
}

QString writeError(const Extraction &extraction, const QString &name)
{
    return u"cannot write \"%1\": %2"_s.arg(name, libarchiveMessage(extraction.disk));
}

QString sizeLimitError(const Extraction &extraction, const QString &name)
{
    return u"the archive unpacks to more than %1 bytes (reached at \"%2\")"_s
        .arg(extraction.limits.maxTotalBytes)
        .arg(name);
}

bool isDrivePath(const QString &path)
{
    return path.size() >= 2 && path.at(1) == u':' && path.at(0).unicode() < 0x80 && path.at(0).isLetter();
}

// Where an entry goes below the target directory, as path components ("." and empty ones dropped).
Result<QStringList> entryComponents(const QString &name)
{
    if (name.contains(u'\\'))
    {
        return fail(u"has a backslash, a path separator on Windows"_s);
    }
    if (name.startsWith(u'/') || isDrivePath(name))
    {
        return fail(u"is an absolute path"_s);
    }
    QStringList components;
    for (const QString &component : name.split(u'/', Qt::SkipEmptyParts))
    {
        if (component == u".."_s)
        {
            return fail(u"leaves the target directory"_s);
        }
        if (component != u"."_s)
        {
            components.append(component);
        }
    }
    return components;
}

// The system resolves a link's target when it is used, through whatever links it meets on the way, and the
// archive may create those links in any order. So a target must be relative, with ".." components only at
// its start and no more of them than the link has parent directories inside the target: those climb the
// link's own parents, which are real directories (nothing is written through a link, see extractEntry).
// The names after them may pass other links, which obey the same rule, so every link stays inside. A ".."
// after a name is refused although resolving it lexically may stay inside: in "a -> ..", "b -> a/..", b
// leaves the target directory.
Status checkSymlinkTarget(const QStringList &linkComponents, const QString &target)
{
    if (target.isEmpty())
    {
        return fail(u"is a symbolic link without a target"_s);
    }
    if (target.contains(u'\\'))
    {
        return fail(u"links to \"%1\", which has a backslash, a path separator on Windows"_s.arg(target));
    }
    if (target.startsWith(u'/') || isDrivePath(target))
    {
        return fail(u"links to the absolute path \"%1\""_s.arg(target));
    }
    qsizetype parentsLeft = linkComponents.size() - 1;
    bool afterName = false;
    for (const QString &component : target.split(u'/', Qt::SkipEmptyParts))
    {
        if (component == u".."_s)
        {
            if (afterName)
            {
                return fail(
                    u"links to \"%1\", whose \"..\" after a name could leave through another link"_s.arg(
                        target));
            }
            if (--parentsLeft < 0)
            {
                return fail(u"links to \"%1\", which leaves the target directory"_s.arg(target));
            }
        }
        else if (component != u"."_s)
        {
            afterName = true;
        }
    }
    return succeeded();
}

// Files, directories and symbolic links only. Hard links are refused altogether: 7z, the format engines come
// in, cannot even store them, and a hard link to a file outside would let later entries (or the engine) write
// to that file; checking that a target is inside and was extracted before is not worth it for no use.
Status checkType(archive_entry *entry)
{
    if (archive_entry_hardlink(entry))
    {
        return fail(u"is a hard link"_s);
    }
    switch (archive_entry_filetype(entry))
    {
    case AE_IFREG:
    case AE_IFDIR:
    case AE_IFLNK:
        return succeeded();
    case AE_IFCHR:
        return fail(u"is a character device"_s);
    case AE_IFBLK:
        return fail(u"is a block device"_s);
    case AE_IFIFO:
        return fail(u"is a named pipe"_s);
    case AE_IFSOCK:
        return fail(u"is a socket"_s);
    default:
        return fail(u"has an unknown type"_s);
    }
}

// The first proper prefix of the path that this extraction made a symbolic link.
std::optional<QString> symlinkOnTheWay(const QStringList &components, const QSet<QString> &symlinks)
{
    QString prefix;
    for (qsizetype i = 0; i + 1 < components.size(); ++i)
    {
        prefix += (i == 0 ? QString() : u"/"_s) + components.at(i);
        if (symlinks.contains(prefix))
        {
            return prefix;
        }
    }
    return std::nullopt;
}

// The archive's bits without set-user/group-id, sticky and group/other write; the owner may always read and
// write (and enter directories), so the installer can always remove what it extracted.
int cleanPermissions(int permissions, bool directory)
{
    return (permissions & 0755) | (directory ? 0700 : 0600);
}

void setDiskPath(archive_entry *entry, const QString &path)
{
#ifdef Q_OS_WIN
    // libarchive's Windows writer uses wide names.
    archive_entry_copy_pathname_w(entry, path.toStdWString().c_str());
#else
    archive_entry_copy_pathname(entry, QFile::encodeName(path).constData());
#endif
}

Status copyData(Extraction &extraction, const QString &name, qint64 declaredSize)
{
    qint64 extent = 0;
    for (;;)
    {
        if (extraction.cancelled())
        {
            return fail(u"cancelled"_s);
        }
        const void *block = nullptr;
        size_t size = 0;
        la_int64_t offset = 0;
        const int status = archive_read_data_block(extraction.reader, &block, &size, &offset);
        if (status == ARCHIVE_EOF)
        {
            break;
        }
        if (status != ARCHIVE_OK)
        {
            return fail(readError(extraction));
        }
        // The data, not the header, is what fills the disk; sparse gaps count as the reader reports them.
        const qint64 end = offset + qint64(size);
        if (std::max(end, declaredSize) > extraction.limits.maxTotalBytes - extraction.summary.bytes)
        {
            return fail(sizeLimitError(extraction, name));
        }
        if (archive_write_data_block(extraction.disk, block, size, offset) != ARCHIVE_OK)
        {
            return fail(writeError(extraction, name));
        }
        extent = std::max(extent, end);
        if (extraction.progress)
        {
            extraction.progress(extraction.summary.bytes + extent);
        }
    }
    // libarchive makes the file as long as its header says.
    extraction.summary.bytes += std::max(extent, declaredSize);
    return succeeded();
}

Status extractEntry(Extraction &extraction, archive_entry *entry)
{
    const char *utf8Name = archive_entry_pathname_utf8(entry);
    if (!utf8Name)
    {
        return fail(readError(extraction));
    }
    const QString name = QString::fromUtf8(utf8Name);
    const auto unsafe = [&name](const QString &reason)
    {
        return fail(u"unsafe entry \"%1\": %2"_s.arg(name, reason));
    };

    const Result<QStringList> components = entryComponents(name);
    if (!components)
    {
        return unsafe(components.error());
    }
    if (const Status type = checkType(entry); !type)
    {
        return unsafe(type.error());
    }
    const auto type = archive_entry_filetype(entry);
    if (components->isEmpty())
    {
        // "." or "./" names the target directory itself, which exists.
        return type == AE_IFDIR ? succeeded() : unsafe(u"has an empty name"_s);
    }
    if (const auto link = symlinkOnTheWay(*components, extraction.symlinks))
    {
        return unsafe(u"would be written through the symbolic link \"%1\""_s.arg(*link));
    }
    if (type == AE_IFLNK)
    {
        const char *target = archive_entry_symlink_utf8(entry);
        if (!target)
        {
            return fail(readError(extraction));
        }
        if (const Status linkSafe = checkSymlinkTarget(*components, QString::fromUtf8(target)); !linkSafe)
        {
            return unsafe(linkSafe.error());
        }
    }
    const QString path = components->join(u'/');
    const QString diskPath = extraction.root + u'/' + path;
    if (QFile::encodeName(diskPath).size() >= MaxPathBytes)
    {
        return unsafe(u"its path in the target directory is longer than %1 bytes"_s.arg(MaxPathBytes));
    }
    const qint64 declaredSize =
        type == AE_IFREG && archive_entry_size_is_set(entry) ? qint64(archive_entry_size(entry)) : 0;
    if (declaredSize > extraction.limits.maxTotalBytes - extraction.summary.bytes)
    {
        return fail(sizeLimitError(extraction, name));
    }

    setDiskPath(entry, diskPath);
    if (type != AE_IFLNK)
    {
        archive_entry_set_perm(entry, cleanPermissions(int(archive_entry_perm(entry)), type == AE_IFDIR));
    }
    if (archive_write_header(extraction.disk, entry) != ARCHIVE_OK)
    {
        return fail(writeError(extraction, name));
    }
    if (type == AE_IFREG)
    {
        if (const Status copied = copyData(extraction, name, declaredSize); !copied)
        {
            return copied;
        }
    }
    if (archive_write_finish_entry(extraction.disk) != ARCHIVE_OK)
    {
        return fail(writeError(extraction, name));
    }

    switch (type)
    {
    case AE_IFREG:
        ++extraction.summary.files;
        extraction.symlinks.remove(path);
        break;
    case AE_IFDIR:
        ++extraction.summary.directories;
        extraction.symlinks.remove(path);
        break;
    default:
        ++extraction.summary.symlinks;
        extraction.symlinks.insert(path);
        break;
    }
    return succeeded();
}
} // namespace

Result<ExtractSummary> EngineArchive::extract(const QString &archivePath, const QString &targetDir,
                                              const ExtractLimits &limits,
                                              const std::function<void(qint64)> &progress,
                                              const std::atomic_bool *cancel)
{
    std::unique_lock lock(extractionMutex, std::defer_lock);
    while (!lock.try_lock_for(std::chrono::milliseconds(50)))
    {
        if (cancel && cancel->load())
        {
            return fail(u"cancelled"_s);
        }
    }

    const QFileInfo target(targetDir);
    if (!target.isDir())
    {
        return fail(u"the target directory \"%1\" does not exist"_s.arg(targetDir));
    }
    QFile file(archivePath);
    if (!file.open(QIODevice::ReadOnly))
    {
        return fail(u"cannot open \"%1\": %2"_s.arg(archivePath, file.errorString()));
    }

#ifdef Q_OS_UNIX
    const Utf8LocaleScope utf8Names;
#endif
    const std::unique_ptr<archive, ReaderFree> reader(archive_read_new());
    const std::unique_ptr<archive, WriterFree> disk(archive_write_disk_new());
    if (!reader || !disk)
    {
        return fail(u"libarchive is out of memory"_s);
    }
    archive_read_support_format_all(reader.get());
    archive_read_support_filter_all(reader.get());
    archive_write_disk_set_options(disk.get(), DiskWriterOptions);

    // libarchive refuses to write through a symbolic link anywhere on an entry's path, also among the
    // target's own parents: the canonical path has none (the engines directory may well be a link).
    Extraction extraction{
        reader.get(), disk.get(), QFileInfo(archivePath).fileName(), target.canonicalFilePath(), limits,
        progress,     cancel};
    if (archive_read_open_fd(reader.get(), file.handle(), 64 * 1024) != ARCHIVE_OK)
    {
        return fail(readError(extraction));
    }
    for (;;)
    {
        if (extraction.cancelled())
        {
            return fail(u"cancelled"_s);
        }
        archive_entry *entry = nullptr;
        const int status = archive_read_next_header(reader.get(), &entry);
        if (status == ARCHIVE_EOF)
        {
            break;
        }
        if (status != ARCHIVE_OK)
        {
            return fail(readError(extraction));
        }
        if (++extraction.entries > limits.maxEntries)
        {
            return fail(u"the archive has more than %1 entries"_s.arg(limits.maxEntries));
        }
        if (const Status extracted = extractEntry(extraction, entry); !extracted)
        {
            return fail(extracted.error());
        }
    }
    // Applies the directories' modes, which libarchive keeps open until the end.
    if (archive_write_close(disk.get()) != ARCHIVE_OK)
    {
        return fail(u"cannot finish writing: %1"_s.arg(libarchiveMessage(disk.get())));
    }
    return extraction.summary;
}
