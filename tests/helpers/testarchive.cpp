#include "testarchive.h"

#include <memory>

#include <QFile>

#include <archive.h>
#include <archive_entry.h>

using namespace Qt::Literals::StringLiterals;

namespace
{
struct ReaderFree
{
    void operator()(archive *reader) const { archive_read_free(reader); }
};
struct WriterFree
{
    void operator()(archive *writer) const { archive_write_free(writer); }
};

QString libarchiveMessage(archive *handle)
{
    const char *message = archive_error_string(handle);
    return message ? QString::fromUtf8(message) : u"unknown error"_s;
}

unsigned int nodeFileType(TestArchive::NodeType type)
{
    switch (type)
    {
    case TestArchive::NodeType::NamedPipe:
        return AE_IFIFO;
    case TestArchive::NodeType::CharacterDevice:
        return AE_IFCHR;
    case TestArchive::NodeType::BlockDevice:
        return AE_IFBLK;
    case TestArchive::NodeType::Socket:
        return AE_IFSOCK;
    }
    return 0;
}
} // namespace

TestArchive &TestArchive::addFile(const QString &path, const QByteArray &content, int permissions)
{
    m_entries.append({path, AE_IFREG, permissions, content, {}, {}});
    return *this;
}

TestArchive &TestArchive::addDirectory(const QString &path, int permissions)
{
    m_entries.append({path, AE_IFDIR, permissions, {}, {}, {}});
    return *this;
}

TestArchive &TestArchive::addSymlink(const QString &path, const QString &target)
{
    m_entries.append({path, AE_IFLNK, 0777, {}, target, {}});
    return *this;
}

TestArchive &TestArchive::addHardlink(const QString &path, const QString &target)
{
    m_entries.append({path, AE_IFREG, 0644, {}, {}, target});
    return *this;
}

TestArchive &TestArchive::addNode(const QString &path, NodeType type)
{
    m_entries.append({path, nodeFileType(type), 0644, {}, {}, {}});
    return *this;
}

Status TestArchive::write7z(const QString &file) const
{
    for (const Entry &entry : m_entries)
    {
        if (!entry.hardlinkTarget.isEmpty())
        {
            return fail(u"libarchive's 7z writer cannot store the hard link \"%1\": use writeTar()"_s.arg(
                entry.path));
        }
    }
    return write(file, true);
}

Status TestArchive::writeTar(const QString &file) const
{
    return write(file, false);
}

Status TestArchive::write(const QString &file, bool sevenZip) const
{
    const std::unique_ptr<archive, WriterFree> writer(archive_write_new());
    const int formatSet = sevenZip ? archive_write_set_format_7zip(writer.get())
                                   : archive_write_set_format_pax_restricted(writer.get());
    if (formatSet != ARCHIVE_OK ||
        archive_write_open_filename(writer.get(), QFile::encodeName(file).constData()) != ARCHIVE_OK)
    {
        return fail(libarchiveMessage(writer.get()));
    }
    for (const Entry &entry : m_entries)
    {
        const std::unique_ptr<archive_entry, decltype(&archive_entry_free)> header(archive_entry_new(),
                                                                                   &archive_entry_free);
        archive_entry_set_pathname_utf8(header.get(), entry.path.toUtf8().constData());
        archive_entry_set_filetype(header.get(), entry.fileType);
        archive_entry_set_perm(header.get(), entry.permissions);
        archive_entry_set_size(header.get(), entry.content.size());
        if (!entry.symlinkTarget.isEmpty())
        {
            archive_entry_set_symlink_utf8(header.get(), entry.symlinkTarget.toUtf8().constData());
        }
        if (!entry.hardlinkTarget.isEmpty())
        {
            archive_entry_set_hardlink_utf8(header.get(), entry.hardlinkTarget.toUtf8().constData());
        }
        if (archive_write_header(writer.get(), header.get()) != ARCHIVE_OK ||
            archive_write_data(writer.get(), entry.content.constData(), size_t(entry.content.size())) !=
                entry.content.size())
        {
            return fail(u"\"%1\": %2"_s.arg(entry.path, libarchiveMessage(writer.get())));
        }
    }
    if (archive_write_close(writer.get()) != ARCHIVE_OK)
    {
        return fail(libarchiveMessage(writer.get()));
    }
    return succeeded();
}

Status TestArchive::corrupt(const QString &file)
{
    QFile archiveFile(file);
    if (!archiveFile.open(QIODevice::ReadWrite))
    {
        return fail(archiveFile.errorString());
    }
    QByteArray bytes = archiveFile.readAll();
    const qsizetype middle = bytes.size() / 2;
    for (qsizetype i = middle; i < std::min(middle + 16, bytes.size()); ++i)
    {
        bytes[i] = char(~bytes.at(i));
    }
    if (!archiveFile.seek(0) || archiveFile.write(bytes) != bytes.size())
    {
        return fail(archiveFile.errorString());
    }
    return succeeded();
}

Status TestArchive::truncate(const QString &file)
{
    QFile archiveFile(file);
    if (!archiveFile.resize(archiveFile.size() / 2))
    {
        return fail(archiveFile.errorString());
    }
    return succeeded();
}

QString TestArchive::libarchiveReadError(const QString &file)
{
    const std::unique_ptr<archive, ReaderFree> reader(archive_read_new());
    archive_read_support_format_all(reader.get());
    archive_read_support_filter_all(reader.get());
    if (archive_read_open_filename(reader.get(), QFile::encodeName(file).constData(), 64 * 1024) !=
        ARCHIVE_OK)
    {
        return libarchiveMessage(reader.get());
    }
    archive_entry *entry = nullptr;
    int status = ARCHIVE_OK;
    while ((status = archive_read_next_header(reader.get(), &entry)) == ARCHIVE_OK)
    {
        const void *block = nullptr;
        size_t size = 0;
        la_int64_t offset = 0;
        while ((status = archive_read_data_block(reader.get(), &block, &size, &offset)) == ARCHIVE_OK)
        {
        }
        if (status != ARCHIVE_EOF)
        {
            return libarchiveMessage(reader.get());
        }
    }
    return status == ARCHIVE_EOF ? QString() : libarchiveMessage(reader.get());
}
