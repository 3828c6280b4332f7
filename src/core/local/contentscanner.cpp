#include "local/contentscanner.h"

#include <algorithm>
#include <memory>
#include <optional>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>
#ifdef Q_OS_WIN
#include <QStandardPaths>
#endif

#include "logging.h"
#include "util/result.h"

#include <archive.h>
#include <archive_entry.h>

using namespace Qt::Literals::StringLiterals;

namespace
{
struct ReaderFree
{
    void operator()(archive *reader) const { archive_read_free(reader); }
};

QString archiveError(archive *reader)
{
    const char *text = archive_error_string(reader);
    return text ? QString::fromLocal8Bit(text) : u"unknown libarchive error"_s;
}

// Moves past an entry's data. libarchive up to 3.7.4 (bookworm has 3.6.2) cannot read a 7z entry after a
// skipped one whose size is a multiple of 64 KiB ("Truncated 7-Zip file body", libarchive pull request 2245),
// so 7z data is read through; in a solid 7z archive skipping decompresses it anyway.
Status passOver(archive *reader)
{
    if (archive_format(reader) != ARCHIVE_FORMAT_7ZIP)
    {
        return succeeded();
    }
    const void *block = nullptr;
    size_t size = 0;
    la_int64_t offset = 0;
    int status = ARCHIVE_OK;
    while ((status = archive_read_data_block(reader, &block, &size, &offset)) == ARCHIVE_OK)
    {
    }
    return status == ARCHIVE_EOF ? succeeded() : Status(fail(archiveError(reader)));
}

// The info file at the top of a zip or 7z archive: entries are read in order until it turns up.
Result<QByteArray> infoFileInArchive(const QString &archivePath, const QString &infoFile)
{
    const std::unique_ptr<archive, ReaderFree> reader(archive_read_new());
    archive_read_support_format_zip(reader.get());
    archive_read_support_format_7zip(reader.get());
    if (archive_read_open_filename(reader.get(), QFile::encodeName(archivePath).constData(), 64 * 1024) !=
        ARCHIVE_OK)
    {
        return fail(archiveError(reader.get()));
    }
    archive_entry *entry = nullptr;
    int status = ARCHIVE_OK;
    while ((status = archive_read_next_header(reader.get(), &entry)) == ARCHIVE_OK || status == ARCHIVE_WARN)
    {
        const char *utf8Name = archive_entry_pathname_utf8(entry);
        const char *name = utf8Name ? utf8Name : archive_entry_pathname(entry);
        if (!name || archive_entry_filetype(entry) != AE_IFREG ||
            QString::fromUtf8(name).compare(infoFile, Qt::CaseInsensitive) != 0)
        {
            if (const Status passed = passOver(reader.get()); !passed)
            {
                return fail(passed.error());
            }
            continue;
        }
        if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > ContentScanner::MaxInfoFileBytes)
        {
            return fail(u"%1 is bigger than %2 bytes"_s.arg(infoFile).arg(ContentScanner::MaxInfoFileBytes));
        }
        QByteArray data;
        char buffer[16 * 1024];
        la_ssize_t read = 0;
        while ((read = archive_read_data(reader.get(), buffer, sizeof buffer)) > 0)
        {
            if (data.size() + read > ContentScanner::MaxInfoFileBytes)
            {
                return fail(
                    u"%1 is bigger than %2 bytes"_s.arg(infoFile).arg(ContentScanner::MaxInfoFileBytes));
            }
            data.append(buffer, qsizetype(read));
        }
        if (read < 0)
        {
            return fail(archiveError(reader.get()));
        }
        return data;
    }
    if (status == ARCHIVE_EOF)
    {
        return fail(u"it has no %1 at its top"_s.arg(infoFile));
    }
    return fail(archiveError(reader.get()));
}

// The info file at the top of an unpacked archive; the engine's file names are case-insensitive.
Result<QByteArray> infoFileInDirectory(const QString &directory, const QString &infoFile)
{
    const QFileInfoList files = QDir(directory).entryInfoList(QDir::Files);
    const auto found = std::find_if(files.cbegin(), files.cend(),
                                    [&](const QFileInfo &file)
                                    { return file.fileName().compare(infoFile, Qt::CaseInsensitive) == 0; });
    if (found == files.cend())
    {
        return fail(u"it has no %1 at its top"_s.arg(infoFile));
    }
    if (found->size() > ContentScanner::MaxInfoFileBytes)
    {
        return fail(u"%1 is bigger than %2 bytes"_s.arg(infoFile).arg(ContentScanner::MaxInfoFileBytes));
    }
    QFile file(found->filePath());
    if (!file.open(QIODevice::ReadOnly))
    {
        return fail(file.errorString());
    }
    return file.read(ContentScanner::MaxInfoFileBytes);
}

// The archive names in one games/ or maps/ directory.
void scanFolder(const QString &folder, const QString &infoFile, QStringList &names)
{
    const QFileInfoList entries = QDir(folder).entryInfoList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries)
    {
        const QString suffix = entry.suffix().toLower();
        Result<QByteArray> info = fail(QString());
        if (suffix == u"sdd" && entry.isDir())
        {
            info = infoFileInDirectory(entry.filePath(), infoFile);
        }
        else if ((suffix == u"sdz" || suffix == u"sd7") && entry.isFile())
        {
            info = infoFileInArchive(entry.filePath(), infoFile);
        }
        else
        {
            continue;
        }
        if (!info)
        {
            qCWarning(lcContent).noquote() << u"content %1 skipped: %2"_s.arg(entry.filePath(), info.error());
            continue;
        }
        const QString name = ContentScanner::archiveName(*info);
        if (name.isEmpty())
        {
            qCWarning(lcContent).noquote()
                << u"content %1 skipped: its %2 has no name"_s.arg(entry.filePath(), infoFile);
            continue;
        }
        names.append(name);
    }
}

void sortUnique(QStringList &names)
{
    std::sort(names.begin(), names.end(),
              [](const QString &a, const QString &b) {
                  return a.compare(b, Qt::CaseInsensitive) < 0 ||
                         (a.compare(b, Qt::CaseInsensitive) == 0 && a < b);
              });
    names.erase(std::unique(names.begin(), names.end()), names.end());
}

// A small reader of Lua source: just enough tokens to find "key = literal" in the outermost table.
class LuaTokens
{
public:
    enum class Kind
    {
        Name,
        String,
        Number,
        Assign,
        Open,
        Close,
        Other,
        End,
    };
    struct Token
    {
        Kind kind = Kind::End;
        QString text;
    };

    explicit LuaTokens(const QString &source)
        : m_source(source)
    {
    }

    Token next()
    {
        skipSpaceAndComments();
        if (m_pos >= m_source.size())
        {
            return {};
        }
        const QChar c = m_source.at(m_pos);
        if (c == u'"' || c == u'\'')
        {
            return {Kind::String, quoted(c)};
        }
        if (c == u'[')
        {
            if (const std::optional<QString> text = longBracket())
            {
                return {Kind::String, *text};
            }
        }
        if (c.isLetter() || c == u'_')
        {
            const qsizetype start = m_pos;
            while (m_pos < m_source.size() &&
                   (m_source.at(m_pos).isLetterOrNumber() || m_source.at(m_pos) == u'_'))
            {
                ++m_pos;
            }
            return {Kind::Name, m_source.mid(start, m_pos - start)};
        }
        if (c.isDigit())
        {
            const qsizetype start = m_pos;
            while (m_pos < m_source.size() &&
                   (m_source.at(m_pos).isLetterOrNumber() || m_source.at(m_pos) == u'.'))
            {
                ++m_pos;
            }
            return {Kind::Number, m_source.mid(start, m_pos - start)};
        }
        ++m_pos;
        if (c == u'=' && (m_pos >= m_source.size() || m_source.at(m_pos) != u'='))
        {
            return {Kind::Assign, QString()};
        }
        if (c == u'=')
        {
            ++m_pos; // "=="
        }
        return {c == u'{' ? Kind::Open : (c == u'}' ? Kind::Close : Kind::Other), QString()};
    }

private:
    void skipSpaceAndComments()
    {
        while (m_pos < m_source.size())
        {
            if (m_source.at(m_pos).isSpace())
            {
                ++m_pos;
            }
            else if (QStringView(m_source).mid(m_pos).startsWith(u"--"))
            {
                m_pos += 2;
                if (m_pos < m_source.size() && m_source.at(m_pos) == u'[' && longBracket())
                {
                    continue;
                }
                while (m_pos < m_source.size() && m_source.at(m_pos) != u'\n')
                {
                    ++m_pos;
                }
            }
            else
            {
                return;
            }
        }
    }

    // "[[text]]" or "[==[text]==]" at m_pos; nothing (and m_pos unchanged) when it is not one.
    std::optional<QString> longBracket()
    {
        qsizetype level = 0;
        qsizetype i = m_pos + 1;
        while (i < m_source.size() && m_source.at(i) == u'=')
        {
            ++level;
            ++i;
        }
        if (i >= m_source.size() || m_source.at(i) != u'[')
        {
            return std::nullopt;
        }
        const QString closing = u']' + QString(level, u'=') + u']';
        const qsizetype start = i + 1;
        const qsizetype end = m_source.indexOf(closing, start);
        m_pos = end < 0 ? m_source.size() : end + closing.size();
        return m_source.mid(start, (end < 0 ? m_source.size() : end) - start);
    }

    QString quoted(QChar quote)
    {
        QString text;
        ++m_pos;
        while (m_pos < m_source.size() && m_source.at(m_pos) != quote && m_source.at(m_pos) != u'\n')
        {
            if (m_source.at(m_pos) == u'\\' && m_pos + 1 < m_source.size())
            {
                ++m_pos;
            }
            text.append(m_source.at(m_pos));
            ++m_pos;
        }
        ++m_pos;
        return text;
    }

    QString m_source;
    qsizetype m_pos = 0;
};
} // namespace

ContentScanner::ContentScanner(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Content>::finished, this, &ContentScanner::handleFinished);
}

ContentScanner::~ContentScanner()
{
    m_watcher.waitForFinished();
}

void ContentScanner::scan(const QStringList &dataDirs)
{
    if (m_scanning)
    {
        m_pendingDirs = dataDirs;
        m_pending = true;
        return;
    }
    m_scanning = true;
    start(dataDirs);
    emit scanningChanged();
}

void ContentScanner::start(const QStringList &dataDirs)
{
    m_watcher.setFuture(QtConcurrent::run(&ContentScanner::scanNow, dataDirs));
}

void ContentScanner::handleFinished()
{
    if (m_pending)
    {
        m_pending = false;
        start(std::exchange(m_pendingDirs, {}));
        return;
    }
    const Content content = m_watcher.result();
    m_scanning = false;
    emit scanningChanged();
    emit finished(content.games, content.maps);
}

ContentScanner::Content ContentScanner::scanNow(const QStringList &dataDirs)
{
    Content content;
    for (const QString &dir : dataDirs)
    {
        scanFolder(dir + u"/games"_s, u"modinfo.lua"_s, content.games);
        scanFolder(dir + u"/maps"_s, u"mapinfo.lua"_s, content.maps);
    }
    sortUnique(content.games);
    sortUnique(content.maps);
    return content;
}

QStringList ContentScanner::dataDirs(const QStringList &configured)
{
    QStringList candidates = configured;
    candidates += qEnvironmentVariable("SPRING_DATADIR").split(QDir::listSeparator(), Qt::SkipEmptyParts);
#ifdef Q_OS_WIN
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    candidates << documents + u"/My Games/Spring"_s << documents + u"/Spring"_s;
#else
    const QString configHome = qEnvironmentVariable("XDG_CONFIG_HOME", QDir::homePath() + u"/.config"_s);
    candidates << configHome + u"/spring"_s << QDir::homePath() + u"/.spring"_s;
    QFile etc(u"/etc/spring/datadir"_s);
    if (etc.open(QIODevice::ReadOnly))
    {
        for (const QString &line : QString::fromLocal8Bit(etc.readAll()).split(u'\n'))
        {
            candidates += line.trimmed().split(u':', Qt::SkipEmptyParts);
        }
    }
    candidates << u"/usr/share/games/spring"_s;
#endif
    QStringList existing;
    for (const QString &candidate : std::as_const(candidates))
    {
        const QString canonical = QFileInfo(candidate).canonicalFilePath();
        if (!canonical.isEmpty() && QFileInfo(canonical).isDir() && !existing.contains(canonical))
        {
            existing.append(canonical);
        }
    }
    return existing;
}

QString ContentScanner::archiveName(const QByteArray &infoLua)
{
    using Kind = LuaTokens::Kind;
    LuaTokens tokens(QString::fromUtf8(infoLua));
    std::optional<QString> name;
    std::optional<QString> version;
    int depth = 0;
    LuaTokens::Token previous;
    for (LuaTokens::Token token = tokens.next(); token.kind != Kind::End; token = tokens.next())
    {
        if (token.kind == Kind::Open)
        {
            ++depth;
        }
        else if (token.kind == Kind::Close)
        {
            --depth;
        }
        else if (token.kind == Kind::Assign && depth == 1 && previous.kind == Kind::Name)
        {
            const QString key = previous.text.toLower();
            std::optional<QString> *target =
                key == u"name" ? &name : (key == u"version" ? &version : nullptr);
            const LuaTokens::Token value = tokens.next();
            if (target && !*target && (value.kind == Kind::String || value.kind == Kind::Number))
            {
                *target = value.text;
            }
            previous = value;
            depth += value.kind == Kind::Open ? 1 : (value.kind == Kind::Close ? -1 : 0);
            continue;
        }
        previous = token;
    }
    if (!name || name->isEmpty())
    {
        return QString();
    }
    // The engine's rule (ArchiveScanner): the version is appended unless the name already contains it.
    if (version && !version->isEmpty() && !name->contains(*version))
    {
        return *name + u' ' + *version;
    }
    return *name;
}
