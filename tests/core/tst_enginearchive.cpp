#include <atomic>
#include <clocale>
#include <thread>
#include <vector>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include "engine/enginearchive.h"
#include "testarchive.h"

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(TestArchive)

namespace
{
// The error of a result for a failure message (QVERIFY2 evaluates its message also when the check passes).
template <typename T>
QByteArray why(const Result<T> &result)
{
    return result ? QByteArray() : result.error().toUtf8();
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
    {
        byte = char(generator.bounded(256));
    }
    return bytes;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

int permissionBits(const QString &path)
{
    struct stat status = {};
    return ::lstat(QFile::encodeName(path).constData(), &status) == 0 ? int(status.st_mode & 07777) : -1;
}

// A temporary directory holding the extraction target and, beside it, a sentinel directory that hostile
// entries aim at; archives are written to a directory of their own.
class Sandbox
{
public:
    Sandbox()
    {
        m_valid = m_root.isValid() && m_archives.isValid() && QDir(m_root.path()).mkpath(u"target"_s) &&
                  QDir(m_root.path()).mkpath(u"sentinel"_s) && writeFile(sentinelFile(), "original");
        m_outsideBefore = outside();
    }

    bool isValid() const { return m_valid; }
    QString root() const { return m_root.path(); }
    QString target() const { return m_root.filePath(u"target"_s); }
    QString sentinel() const { return m_root.filePath(u"sentinel"_s); }
    QString sentinelFile() const { return m_root.filePath(u"sentinel/secret"_s); }
    QString scratchPath(const QString &name) const { return m_archives.filePath(name); }

    Result<QString> save(const TestArchive &archive, const QString &format = u"7z"_s) const
    {
        const QString file = m_archives.filePath(u"archive."_s + format);
        const Status written = format == u"7z"_s    ? archive.write7z(file)
                               : format == u"tar"_s ? archive.writeTar(file)
                                                    : archive.writeZip(file);
        if (!written)
        {
            return fail(written.error());
        }
        return file;
    }

    // Everything below the root but outside the target directory: paths with file contents and link targets.
    QStringList outside() const
    {
        QStringList entries;
        QDirIterator it(root(), QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
        {
            const QFileInfo info(it.next());
            const QString relative = QDir(root()).relativeFilePath(info.filePath());
            if (relative == u"target"_s || relative.startsWith(u"target/"_s))
            {
                continue;
            }
            const QString detail = info.isSymLink() ? u"-> "_s + info.symLinkTarget()
                                   : info.isFile()  ? QString::fromLatin1(readFile(info.filePath()).toHex())
                                                    : u"directory"_s;
            entries.append(relative + u' ' + detail);
        }
        entries.sort();
        return entries;
    }

    bool outsideUnchanged() const { return outside() == m_outsideBefore; }

    QStringList targetEntries() const
    {
        return QDir(target()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System |
                                        QDir::NoDotAndDotDot);
    }

private:
    QTemporaryDir m_root;
    QTemporaryDir m_archives;
    bool m_valid = false;
    QStringList m_outsideBefore;
};
} // namespace

class TestEngineArchive : public QObject
{
    Q_OBJECT

private slots:
    void extractsAnEngineLikeArchive()
    {
        Sandbox sandbox;
        QVERIFY(sandbox.isValid());
        const QByteArray engine = "#!/bin/sh\necho engine-ok\n";
        const QByteArray content = randomBytes(100000, 1);
        const QByteArray library = randomBytes(3000, 2);
        const QString nonAscii = u"maps/Küste — 海岸.txt"_s;
        const auto file = sandbox.save(TestArchive()
                                           .addDirectory(u"base"_s)
                                           .addDirectory(u"demos"_s)
                                           .addFile(u"spring-dedicated"_s, engine, 0755)
                                           .addFile(u"base/springcontent.sdz"_s, content)
                                           .addFile(u"lib/libunitsync.so.1"_s, library, 0755)
                                           .addSymlink(u"lib/libunitsync.so"_s, u"libunitsync.so.1"_s)
                                           .addSymlink(u"bin/dedicated"_s, u"../spring-dedicated"_s)
                                           .addFile(nonAscii, "Küste"));
        QVERIFY2(file, why(file).constData());

        const auto summary = EngineArchive::extract(*file, sandbox.target());
        QVERIFY2(summary, why(summary).constData());
        QCOMPARE(summary->files, 4);
        QCOMPARE(summary->directories, 2);
        QCOMPARE(summary->symlinks, 2);
        QCOMPARE(summary->bytes,
                 qint64(engine.size() + content.size() + library.size() + QByteArray("Küste").size()));

        const QDir target(sandbox.target());
        QCOMPARE(readFile(target.filePath(u"base/springcontent.sdz"_s)), content);
        QCOMPARE(readFile(target.filePath(nonAscii)), QByteArray("Küste"));
        QVERIFY(QFileInfo(target.filePath(u"demos"_s)).isDir());
        QCOMPARE(QFileInfo(target.filePath(u"lib/libunitsync.so"_s)).symLinkTarget(),
                 target.filePath(u"lib/libunitsync.so.1"_s));
        QCOMPARE(readFile(target.filePath(u"lib/libunitsync.so"_s)), library);

        // The engine stays executable, through its link too; data stays non-executable.
        QVERIFY(QFileInfo(target.filePath(u"spring-dedicated"_s)).isExecutable());
        QVERIFY(!QFileInfo(target.filePath(u"base/springcontent.sdz"_s)).isExecutable());
        QProcess process;
        process.start(target.filePath(u"bin/dedicated"_s), QStringList());
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(process.readAllStandardOutput(), QByteArray("engine-ok\n"));
        QVERIFY(sandbox.outsideUnchanged());
    }

    void unsafeEntriesAreRefused_data()
    {
        QTest::addColumn<TestArchive>("archive");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("reason");

        const QString leaves = u"leaves the target directory"_s;
        QTest::newRow("dot dot") << TestArchive().addFile(u"../sentinel/x"_s, "pwned") << u"7z"_s
                                 << u"../sentinel/x"_s << leaves;
        QTest::newRow("dot dot in the middle")
            << TestArchive().addFile(u"fine.txt"_s, "fine").addFile(u"a/../../sentinel/x"_s, "pwned")
            << u"7z"_s << u"a/../../sentinel/x"_s << leaves;
        QTest::newRow("dot dot in tar") << TestArchive().addFile(u"./../sentinel/x"_s, "pwned") << u"tar"_s
                                        << u"./../sentinel/x"_s << leaves;
        QTest::newRow("backslashes") << TestArchive().addFile(u"..\\sentinel\\x"_s, "pwned") << u"7z"_s
                                     << u"..\\sentinel\\x"_s << u"backslash"_s;
        QTest::newRow("network path") << TestArchive().addFile(u"\\\\server\\share\\x"_s, "pwned") << u"7z"_s
                                      << u"\\\\server\\share\\x"_s << u"backslash"_s;
        QTest::newRow("drive path") << TestArchive().addFile(u"C:/x"_s, "pwned") << u"7z"_s << u"C:/x"_s
                                    << u"is an absolute path"_s;
        QTest::newRow("drive relative path")
            << TestArchive().addFile(u"c:x"_s, "pwned") << u"7z"_s << u"c:x"_s << u"is an absolute path"_s;
        // libarchive's 7z writer makes an unreadable archive of an empty name; tar stores it.
        QTest::newRow("empty name") << TestArchive().addFile(QString(), "pwned") << u"tar"_s << QString()
                                    << u"has an empty name"_s;
        QTest::newRow("file named dot")
            << TestArchive().addFile(u"."_s, "pwned") << u"tar"_s << u"."_s << u"has an empty name"_s;
        QTest::newRow("file named dot slash")
            << TestArchive().addFile(u"./"_s, "pwned") << u"7z"_s << u"./"_s << u"has an empty name"_s;
        QTest::newRow("symlink to /etc") << TestArchive().addSymlink(u"etc"_s, u"/etc"_s) << u"7z"_s
                                         << u"etc"_s << u"links to the absolute path \"/etc\""_s;
        QTest::newRow("symlink to a drive") << TestArchive().addSymlink(u"windows"_s, u"C:/Windows"_s)
                                            << u"7z"_s << u"windows"_s << u"links to the absolute path"_s;
        QTest::newRow("symlink two up")
            << TestArchive().addSymlink(u"up"_s, u"../.."_s) << u"7z"_s << u"up"_s << leaves;
        QTest::newRow("symlink one up from the top")
            << TestArchive().addSymlink(u"sentinel"_s, u"../sentinel"_s) << u"7z"_s << u"sentinel"_s
            << leaves;
        QTest::newRow("symlink up from a subdirectory")
            << TestArchive().addSymlink(u"sub/s"_s, u"./../../sentinel"_s) << u"7z"_s << u"sub/s"_s << leaves;
        QTest::newRow("symlink with backslashes")
            << TestArchive().addSymlink(u"w"_s, u"..\\..\\sentinel"_s) << u"7z"_s << u"w"_s << u"backslash"_s;
        // Lexically "sub/a/.." is "sub", but a is a link to the top, so b would be the target's parent.
        QTest::newRow("symlink climbing through another link")
            << TestArchive().addSymlink(u"sub/a"_s, u".."_s).addSymlink(u"sub/b"_s, u"a/.."_s) << u"7z"_s
            << u"sub/b"_s << u"after a name"_s;
        QTest::newRow("file through a link that leaves")
            << TestArchive().addSymlink(u"escape"_s, u"../sentinel"_s).addFile(u"escape/x"_s, "pwned")
            << u"7z"_s << u"escape"_s << leaves;
        QTest::newRow("file through a link inside")
            << TestArchive()
                   .addFile(u"sub/file"_s, "fine")
                   .addSymlink(u"inner"_s, u"sub"_s)
                   .addFile(u"inner/x"_s, "pwned")
            << u"7z"_s << u"inner/x"_s << u"would be written through the symbolic link \"inner\""_s;
        QTest::newRow("hard link leaving") << TestArchive().addHardlink(u"h"_s, u"../sentinel/secret"_s)
                                           << u"tar"_s << u"h"_s << u"is a hard link"_s;
        QTest::newRow("hard link inside") << TestArchive().addFile(u"a"_s, "fine").addHardlink(u"b"_s, u"a"_s)
                                          << u"tar"_s << u"b"_s << u"is a hard link"_s;
        QTest::newRow("named pipe") << TestArchive().addNode(u"fifo"_s, TestArchive::NodeType::NamedPipe)
                                    << u"7z"_s << u"fifo"_s << u"is a named pipe"_s;
        QTest::newRow("character device")
            << TestArchive().addNode(u"null"_s, TestArchive::NodeType::CharacterDevice) << u"7z"_s
            << u"null"_s << u"is a character device"_s;
        QTest::newRow("block device") << TestArchive().addNode(u"disk"_s, TestArchive::NodeType::BlockDevice)
                                      << u"7z"_s << u"disk"_s << u"is a block device"_s;
        QTest::newRow("socket") << TestArchive().addNode(u"socket"_s, TestArchive::NodeType::Socket)
                                << u"7z"_s << u"socket"_s << u"is a socket"_s;
        // libarchive would change the process's working directory to write it.
        QString deep;
        for (int i = 0; i < 17; ++i)
        {
            deep += QString(250, QChar(u'a' + i)) + u'/';
        }
        deep += u"file"_s;
        QTest::newRow("overlong path")
            << TestArchive().addFile(deep, "deep") << u"7z"_s << deep << u"longer than"_s;
    }

    void unsafeEntriesAreRefused()
    {
        QFETCH(TestArchive, archive);
        QFETCH(QString, format);
        QFETCH(QString, entry);
        QFETCH(QString, reason);
        Sandbox sandbox;
        QVERIFY(sandbox.isValid());
        const auto file = sandbox.save(archive, format);
        QVERIFY2(file, why(file).constData());

        const QString cwd = QDir::currentPath();
        const auto result = EngineArchive::extract(*file, sandbox.target());
        QVERIFY(!result);
        QVERIFY2(result.error().startsWith(u"unsafe entry \"%1\": "_s.arg(entry)),
                 qPrintable(result.error()));
        QVERIFY2(result.error().contains(reason), qPrintable(result.error()));
        QVERIFY2(sandbox.outsideUnchanged(), qPrintable(sandbox.outside().join(u'\n')));
        QCOMPARE(QDir::currentPath(), cwd);
    }

    void absolutePathIsRefused()
    {
        Sandbox sandbox;
        QVERIFY(sandbox.isValid());
        const QString name = sandbox.sentinel() + u"/abs"_s;
        const auto file = sandbox.save(TestArchive().addFile(name, "pwned"));
        QVERIFY2(file, why(file).constData());
        const auto result = EngineArchive::extract(*file, sandbox.target());
        QVERIFY(!result);
        QCOMPARE(result.error(), u"unsafe entry \"%1\": is an absolute path"_s.arg(name));
        QVERIFY(sandbox.outsideUnchanged());
        QVERIFY(sandbox.targetEntries().isEmpty());
    }

    void hardLinkToAnAbsolutePathIsRefused()
    {
        Sandbox sandbox;
        QVERIFY(sandbox.isValid());
        const auto file = sandbox.save(TestArchive().addHardlink(u"h"_s, sandbox.sentinelFile()), u"tar"_s);
        QVERIFY2(file, why(file).constData());
        const auto result = EngineArchive::extract(*file, sandbox.target());
        QVERIFY(!result);
        QCOMPARE(result.error(), u"unsafe entry \"h\": is a hard link"_s);
        QVERIFY(sandbox.outsideUnchanged());
        QVERIFY(sandbox.targetEntries().isEmpty());
    }

    // libarchive's own check stops what ours cannot know: a link that was in the target before.
    void existingSymlinkInTheTargetIsNotFollowed()
    {
        Sandbox sandbox;
        QVERIFY(sandbox.isValid());
        QVERIFY(QFile::link(u"../sentinel"_s, sandbox.target() + u"/pre"_s));
        const auto file = sandbox.save(TestArchive().addFile(u"pre/x"_s, "pwned"));
        QVERIFY2(file, why(file).constData());
        const auto result = EngineArchive::extract(*file, sandbox.target());
        QVERIFY(!result);
        QVERIFY2(result.error().startsWith(u"cannot write \"pre/x\": "_s), qPrintable(result.error()));
        QVERIFY(sandbox.outsideUnchanged());
    }

    // The engines directory may be a link; libarchive's symbolic link check must not trip over it.
    void targetReachedThroughASymlinkWorks()
    {
        Sandbox sandbox;
        QVERIFY(sandbox.isValid());
        const QString linkedTarget = sandbox.root() + u"/linked"_s;
        QVERIFY(QFile::link(sandbox.target(), linkedTarget));
        const auto file = sandbox.save(TestArchive().addFile(u"bin/spring-dedicated"_s, "engine", 0755));
        QVERIFY2(file, why(file).constData());
        const auto result = EngineArchive::extract(*file, linkedTarget);
        QVERIFY2(result, why(result).constData());
        QCOMPARE(readFile(sandbox.target() + u"/bin/spring-dedicated"_s), QByteArray("engine"));
    }

    // The modes do not depend on the umask either.
    void permissionsAreKeptWithoutSpecialBits()
    {
        Sandbox sandbox;
        QVERIFY(sandbox.isValid());
        const mode_t previousUmask = ::umask(077);
        const auto restoreUmask = qScopeGuard([previousUmask] { ::umask(previousUmask); });
        const auto file = sandbox.save(TestArchive()
                                           .addFile(u"setuid"_s, "x", 04755)
                                           .addFile(u"setgid"_s, "x", 02755)
                                           .addFile(u"world-writable"_s, "x", 0777)
                                           .addFile(u"read-only"_s, "x", 0400)
                                           .addFile(u"private"_s, "x", 0700)
                                           .addFile(u"plain"_s, "x", 0644)
                                           .addDirectory(u"sticky"_s, 01777)
                                           .addDirectory(u"locked"_s, 0000));
        QVERIFY2(file, why(file).constData());
        const auto result = EngineArchive::extract(*file, sandbox.target());
        QVERIFY2(result, why(result).constData());
        const QDir target(sandbox.target());
        QCOMPARE(permissionBits(target.filePath(u"setuid"_s)), 0755);
        QCOMPARE(permissionBits(target.filePath(u"setgid"_s)), 0755);
        QCOMPARE(permissionBits(target.filePath(u"world-writable"_s)), 0755);
        QCOMPARE(permissionBits(target.filePath(u"read-only"_s)), 0600);
        QCOMPARE(permissionBits(target.filePath(u"private"_s)), 0700);
        QCOMPARE(permissionBits(target.filePath(u"plain"_s)), 0644);
        QCOMPARE(permissionBits(target.filePath(u"sticky"_s)), 0755);
        QCOMPARE(permissionBits(target.filePath(u"locked"_s)), 0700);
    }

    // libarchive converts names through the current locale; the extraction must not depend on it.
    void nonAsciiNamesSurviveACLocale()
    {
        Sandbox sandbox;
        QVERIFY(sandbox.isValid());
        const QString name = u"Küste — 海岸.txt"_s;
        const auto file = sandbox.save(TestArchive().addFile(name, "coast"));
        QVERIFY2(file, why(file).constData());

        const QByteArray previousLocale = std::setlocale(LC_ALL, nullptr);
        const auto restoreLocale =
            qScopeGuard([&previousLocale] { std::setlocale(LC_ALL, previousLocale.constData()); });
        QVERIFY(std::setlocale(LC_ALL, "C"));
        // Proof that this locale breaks the names for libarchive on its own.
        QVERIFY(!TestArchive::libarchiveReadError(*file).isEmpty());

        const auto result = EngineArchive::extract(*file, sandbox.target());
        QVERIFY2(result, why(result).constData());
        QCOMPARE(sandbox.targetEntries(), QStringList{name});
        QCOMPARE(readFile(sandbox.target() + u'/' + name), QByteArray("coast"));
    }

    void damagedArchivesFail_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("flipped bytes") << u"corrupt"_s;
        QTest::newRow("truncated") << u"truncate"_s;
        QTest::newRow("not an archive") << u"replace"_s;
    }

    void damagedArchivesFail()
    {
        QFETCH(QString, damage);
        Sandbox sandbox;
        QVERIFY(sandbox.isValid());
        // Random data does not compress, so most of the archive is packed file data.
        const auto file = sandbox.save(TestArchive().addFile(u"data.bin"_s, randomBytes(65536, 3)));
        QVERIFY2(file, why(file).constData());
        const Status damaged = damage == u"corrupt"_s                   ? TestArchive::corrupt(*file)
                               : damage == u"truncate"_s                ? TestArchive::truncate(*file)
                               : writeFile(*file, randomBytes(4096, 4)) ? succeeded()
                                                                        : Status(fail(u"cannot write"_s));
        QVERIFY2(damaged, why(damaged).constData());
        const QString libarchiveError = TestArchive::libarchiveReadError(*file);
        QVERIFY(!libarchiveError.isEmpty());

        const auto result = EngineArchive::extract(*file, sandbox.target());
        QVERIFY(!result);
        QVERIFY2(result.error().contains(libarchiveError),
                 qPrintable(result.error() + u" / "_s + libarchiveError));
        QVERIFY2(result.error().contains(u"archive.7z"_s), qPrintable(result.error()));
    }

    void totalSizeIsLimited()
    {
        Sandbox sandbox;
        QVERIFY(sandbox.isValid());
        const auto file = sandbox.save(
            TestArchive().addFile(u"a"_s, randomBytes(600, 5)).addFile(u"b"_s, randomBytes(600, 6)));
        QVERIFY2(file, why(file).constData());

        const auto refused = EngineArchive::extract(*file, sandbox.target(), ExtractLimits{1199, 100});
        QVERIFY(!refused);
        QCOMPARE(refused.error(), u"the archive unpacks to more than 1199 bytes (reached at \"b\")"_s);
        QCOMPARE(QFileInfo(sandbox.target() + u"/a"_s).size(), 600);
        QVERIFY(!QFileInfo::exists(sandbox.target() + u"/b"_s));

        QVERIFY(QDir(sandbox.target()).removeRecursively() && QDir().mkpath(sandbox.target()));
        const auto exact = EngineArchive::extract(*file, sandbox.target(), ExtractLimits{1200, 100});
        QVERIFY2(exact, why(exact).constData());
        QCOMPARE(exact->bytes, 1200);
    }

    // Read as a stream (here from a named pipe), a zip has no sizes in its headers: the limit holds on the
    // data.
    void totalSizeIsLimitedWithoutSizesInTheHeaders()
    {
        Sandbox sandbox;
        QVERIFY(sandbox.isValid());
        const auto zip = sandbox.save(TestArchive().addFile(u"bomb"_s, QByteArray(100000, '\0')), u"zip"_s);
        QVERIFY2(zip, why(zip).constData());
        const QString pipe = sandbox.scratchPath(u"pipe"_s);
        QVERIFY(::mkfifo(QFile::encodeName(pipe).constData(), 0600) == 0);
        const auto extractFromPipe = [&](qint64 maxTotalBytes)
        {
            // The zip packs to a few hundred bytes, which fit the pipe's buffer: the writer never blocks on
            // an extraction that stopped reading.
            std::thread feeder(
                [&pipe, bytes = readFile(*zip)]
                {
                    QFile stream(pipe);
                    if (stream.open(QIODevice::WriteOnly))
                    {
                        stream.write(bytes);
                    }
                });
            auto result = EngineArchive::extract(pipe, sandbox.target(), ExtractLimits{maxTotalBytes, 100});
            feeder.join();
            return result;
        };

        const auto refused = extractFromPipe(99999);
        QVERIFY(!refused);
        QCOMPARE(refused.error(), u"the archive unpacks to more than 99999 bytes (reached at \"bomb\")"_s);
        QVERIFY(QFileInfo(sandbox.target() + u"/bomb"_s).size() <= 99999);

        QVERIFY(QDir(sandbox.target()).removeRecursively() && QDir().mkpath(sandbox.target()));
        const auto exact = extractFromPipe(100000);
        QVERIFY2(exact, why(exact).constData());
        QCOMPARE(exact->bytes, 100000);
        QCOMPARE(readFile(sandbox.target() + u"/bomb"_s), QByteArray(100000, '\0'));
    }

    void entryCountIsLimited()
    {
        Sandbox sandbox;
        QVERIFY(sandbox.isValid());
        TestArchive archive;
        for (int i = 0; i < 4; ++i)
        {
            archive.addFile(u"file%1"_s.arg(i), "x");
        }
        const auto file = sandbox.save(archive);
        QVERIFY2(file, why(file).constData());

        const auto refused = EngineArchive::extract(*file, sandbox.target(), ExtractLimits{1000, 3});
        QVERIFY(!refused);
        QCOMPARE(refused.error(), u"the archive has more than 3 entries"_s);
        QCOMPARE(sandbox.targetEntries().size(), 3);

        QVERIFY(QDir(sandbox.target()).removeRecursively() && QDir().mkpath(sandbox.target()));
        const auto exact = EngineArchive::extract(*file, sandbox.target(), ExtractLimits{1000, 4});
        QVERIFY2(exact, why(exact).constData());
        QCOMPARE(exact->files, 4);
    }

    void progressReachesTheTotal()
    {
        Sandbox sandbox;
        QVERIFY(sandbox.isValid());
        const auto file = sandbox.save(TestArchive()
                                           .addFile(u"big"_s, randomBytes(300000, 7))
                                           .addFile(u"small"_s, "x")
                                           .addFile(u"empty"_s, QByteArray())
                                           .addFile(u"medium"_s, randomBytes(70000, 8)));
        QVERIFY2(file, why(file).constData());
        QList<qint64> reports;
        const auto result = EngineArchive::extract(*file, sandbox.target(), {},
                                                   [&reports](qint64 bytes) { reports.append(bytes); });
        QVERIFY2(result, why(result).constData());
        QCOMPARE(result->bytes, 370001);
        QVERIFY(reports.size() >= 3);
        for (qsizetype i = 1; i < reports.size(); ++i)
        {
            QVERIFY2(reports.at(i) > reports.at(i - 1), qPrintable(u"report %1"_s.arg(i)));
        }
        QCOMPARE(reports.last(), 370001);
    }

    void cancelledBeforeStart()
    {
        Sandbox sandbox;
        QVERIFY(sandbox.isValid());
        const auto file = sandbox.save(TestArchive().addFile(u"a"_s, "x"));
        QVERIFY2(file, why(file).constData());
        const std::atomic_bool cancel = true;
        const auto result = EngineArchive::extract(*file, sandbox.target(), {}, {}, &cancel);
        QVERIFY(!result);
        QCOMPARE(result.error(), u"cancelled"_s);
        QVERIFY(sandbox.targetEntries().isEmpty());
    }

    void cancelledWhileWriting()
    {
        Sandbox sandbox;
        QVERIFY(sandbox.isValid());
        const auto file = sandbox.save(TestArchive()
                                           .addFile(u"first"_s, randomBytes(200000, 9))
                                           .addFile(u"second"_s, randomBytes(1000, 10)));
        QVERIFY2(file, why(file).constData());
        std::atomic_bool cancel = false;
        const auto result = EngineArchive::extract(
            *file, sandbox.target(), {}, [&cancel](qint64) { cancel = true; }, &cancel);
        QVERIFY(!result);
        QCOMPARE(result.error(), u"cancelled"_s);
        QVERIFY(!QFileInfo::exists(sandbox.target() + u"/second"_s));
    }

    void missingTargetOrArchiveFails()
    {
        Sandbox sandbox;
        QVERIFY(sandbox.isValid());
        const auto file = sandbox.save(TestArchive().addFile(u"a"_s, "x"));
        QVERIFY2(file, why(file).constData());
        const auto noTarget = EngineArchive::extract(*file, sandbox.root() + u"/missing"_s);
        QVERIFY(!noTarget);
        QVERIFY2(noTarget.error().contains(u"does not exist"_s), qPrintable(noTarget.error()));
        const auto noArchive = EngineArchive::extract(sandbox.root() + u"/missing.7z"_s, sandbox.target());
        QVERIFY(!noArchive);
        QVERIFY2(noArchive.error().startsWith(u"cannot open"_s), qPrintable(noArchive.error()));
    }

    // tar archives made with "tar -C dir ." name the top "./".
    void dotEntriesOfTarArchivesWork()
    {
        Sandbox sandbox;
        QVERIFY(sandbox.isValid());
        const auto file = sandbox.save(TestArchive()
                                           .addDirectory(u"./"_s, 0700)
                                           .addDirectory(u"./bin/"_s)
                                           .addFile(u"./bin//spring-dedicated"_s, "engine", 0755),
                                       u"tar"_s);
        QVERIFY2(file, why(file).constData());
        const auto result = EngineArchive::extract(*file, sandbox.target());
        QVERIFY2(result, why(result).constData());
        QCOMPARE(result->directories, 1);
        QCOMPARE(result->files, 1);
        QCOMPARE(readFile(sandbox.target() + u"/bin/spring-dedicated"_s), QByteArray("engine"));
        QCOMPARE(permissionBits(sandbox.target()), permissionBits(sandbox.sentinel()));
    }

    void concurrentExtractionsAllSucceed()
    {
        Sandbox sandbox;
        QVERIFY(sandbox.isValid());
        const QByteArray content = randomBytes(50000, 11);
        TestArchive archive;
        for (int i = 0; i < 20; ++i)
        {
            archive.addFile(u"dir%1/file"_s.arg(i), content, 0755);
        }
        const auto file = sandbox.save(archive);
        QVERIFY2(file, why(file).constData());
        const mode_t umaskBefore = ::umask(022);
        ::umask(umaskBefore);

        constexpr int Threads = 4;
        std::vector<Result<ExtractSummary>> results(Threads, fail(u"not run"_s));
        for (int i = 0; i < Threads; ++i)
        {
            QVERIFY(QDir().mkpath(sandbox.target() + u"/%1"_s.arg(i)));
        }
        std::vector<std::thread> threads;
        for (int i = 0; i < Threads; ++i)
        {
            threads.emplace_back(
                [&results, i, path = *file, target = QString(sandbox.target() + u"/%1"_s.arg(i))]
                { results[i] = EngineArchive::extract(path, target); });
        }
        for (std::thread &thread : threads)
        {
            thread.join();
        }
        for (int i = 0; i < Threads; ++i)
        {
            QVERIFY2(results[i], why(results[i]).constData());
            QCOMPARE(results[i]->files, 20);
            QCOMPARE(readFile(sandbox.target() + u"/%1/dir19/file"_s.arg(i)), content);
        }
        const mode_t umaskAfter = ::umask(022);
        ::umask(umaskAfter);
        QCOMPARE(umaskAfter, umaskBefore);
    }
};

QTEST_GUILESS_MAIN(TestEngineArchive)
#include "tst_enginearchive.moc"
