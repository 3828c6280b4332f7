#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "local/contentscanner.h"
#include "testarchive.h"
#include "testcontent.h"

using namespace Qt::Literals::StringLiterals;

// Game and map names found in data directories: unpacked .sdd directories from the tests' content generator,
// .sdz and .sd7 archives built with libarchive, and broken entries that are skipped.
class TestContentScanner : public QObject
{
    Q_OBJECT

private:
    static QByteArray modinfo(const QByteArray &name, const QByteArray &version)
    {
        return "return {\n  name = \"" + name + "\",\n  shortname = \"X\",\n  version = \"" + version +
               "\",\n  modtype = 1,\n  depend = { \"Spring Cursors\" },\n}\n";
    }

    static bool writeFile(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        return QDir().mkpath(QFileInfo(path).path()) && file.open(QIODevice::WriteOnly) &&
               file.write(content) == content.size();
    }

    // MiniGame/MiniMap as .sdd, a zipped game, a 7z map and entries that must be skipped.
    static void writeContent(const QString &dir)
    {
        QVERIFY(TestContent::write(dir));
        TestArchive zipGame;
        zipGame.addFile(u"LuaRules/main.lua"_s, "-- rules\n")
            .addFile(u"modinfo.lua"_s, modinfo("Zip Game", "2.0"));
        QVERIFY(zipGame.writeZip(dir + u"/games/zipgame.sdz"_s));
        // An entry of exactly 64 KiB before the info file: libarchive 3.6.2 cannot read past it when it is
        // skipped.
        TestArchive sevenZipMap;
        sevenZipMap.addFile(u"maps/Seven.smf"_s, QByteArray(64 * 1024, 'x'))
            .addFile(u"MapInfo.lua"_s, "local mapinfo = {\n\tname = 'Seven Seas',\n\tversion = 'v1.2',\n"
                                       "\tteams = { [0] = { name = 'not this' } },\n}\nreturn mapinfo\n");
        QVERIFY(sevenZipMap.write7z(dir + u"/maps/sevenseas.sd7"_s));
        // Skipped: an archive without info file, a damaged one, an info file that is too big, a file that is
        // no archive, a directory that is not .sdd, an info file without name.
        TestArchive noInfo;
        noInfo.addFile(u"readme.txt"_s, "nothing here");
        QVERIFY(noInfo.writeZip(dir + u"/games/noinfo.sdz"_s));
        QVERIFY(writeFile(dir + u"/maps/damaged.sd7"_s, "7z\xbc\xaf\x27\x1c garbage"));
        TestArchive big;
        big.addFile(u"modinfo.lua"_s,
                    modinfo("Big", "1") + QByteArray(ContentScanner::MaxInfoFileBytes, ' ').prepend("--"));
        QVERIFY(big.writeZip(dir + u"/games/big.sdz"_s));
        QVERIFY(writeFile(dir + u"/games/notes.txt"_s, modinfo("Notes", "1")));
        QVERIFY(writeFile(dir + u"/games/plain/modinfo.lua"_s, modinfo("Plain", "1")));
        QVERIFY(writeFile(dir + u"/maps/Nameless.sdd/mapinfo.lua"_s, "return { version = \"1\" }"));
    }

private slots:
    void archiveName_data()
    {
        QTest::addColumn<QByteArray>("lua");
        QTest::addColumn<QString>("name");

        QFile game(u":/minicontent/modinfo.lua"_s);
        QFile map(u":/minicontent/mapinfo.lua"_s);
        QVERIFY(game.open(QIODevice::ReadOnly) && map.open(QIODevice::ReadOnly));
        QTest::newRow("the tests' game") << game.readAll() << u"MiniGame 1.0"_s;
        QTest::newRow("the tests' map (nested names later)") << map.readAll() << u"MiniMap"_s;
        QTest::newRow("single quotes")
            << QByteArray("return { name = 'Alpha', version = 'v2' }") << u"Alpha v2"_s;
        QTest::newRow("version already in the name")
            << QByteArray("return { name = \"Comet Catcher Redux v3.1\", version = \"v3.1\" }")
            << u"Comet Catcher Redux v3.1"_s;
        QTest::newRow("no version") << QByteArray("return {name=\"Bare\"}") << u"Bare"_s;
        QTest::newRow("empty version") << QByteArray("return {name=\"Bare\", version=\"\"}") << u"Bare"_s;
        QTest::newRow("version before name")
            << QByteArray("return { version = \"1.5\", name = \"Late\" }") << u"Late 1.5"_s;
        QTest::newRow("number version") << QByteArray("return { name = \"Num\", version = 3 }") << u"Num 3"_s;
        QTest::newRow("long bracket strings")
            << QByteArray("return { name = [[Long Name]], version = [==[7]==] }") << u"Long Name 7"_s;
        QTest::newRow("escaped quote")
            << QByteArray("return { name = \"Say \\\"Hi\\\"\" }") << u"Say \"Hi\""_s;
        QTest::newRow("comments are skipped")
            << QByteArray("-- name = \"Commented\"\n--[[ name = \"Block\" ]]\nreturn {\n"
                          "  -- version = \"0\"\n  name = \"Real\", --[==[ version = \"x\" ]==]\n  version = "
                          "\"9\"\n}")
            << u"Real 9"_s;
        QTest::newRow("nested table first")
            << QByteArray("return { smf = { name = \"inner\" }, depend = {\"A\", \"B\"}, name = \"Outer\" }")
            << u"Outer"_s;
        QTest::newRow("local table returned")
            << QByteArray("local info = {\n\tname = \"Local\",\n\tversion = \"1\",\n}\nreturn info\n")
            << u"Local 1"_s;
        QTest::newRow("key in other case")
            << QByteArray("return { Name = \"Cased\", VERSION = \"2\" }") << u"Cased 2"_s;
        QTest::newRow("comparison is no assignment")
            << QByteArray("return { x = (name == \"no\"), name = \"Yes\" }") << u"Yes"_s;
        QTest::newRow("no name") << QByteArray("return { version = \"1\" }") << QString();
        QTest::newRow("name is not a literal") << QByteArray("return { name = GetName() }") << QString();
        QTest::newRow("empty file") << QByteArray() << QString();
        QTest::newRow("unterminated string") << QByteArray("return { name = \"Open") << u"Open"_s;
    }

    void archiveName()
    {
        QFETCH(QByteArray, lua);
        QFETCH(QString, name);
        QCOMPARE(ContentScanner::archiveName(lua), name);
    }

    void scanNowFindsUnpackedAndPackedArchives()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeContent(dir.path());
        if (QTest::currentTestFailed())
        {
            return;
        }
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(u"content .*/games/noinfo.sdz skipped: it has no "
                                                u"modinfo.lua at its top"_s));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"content .*/maps/damaged.sd7 skipped: "_s));
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(u"content .*/games/big.sdz skipped: modinfo.lua is bigger than "
                                             u"1048576 bytes"_s));
        QTest::ignoreMessage(
            QtWarningMsg,
            QRegularExpression(u"content .*/maps/Nameless.sdd skipped: its mapinfo.lua has no name"_s));

        const ContentScanner::Content content = ContentScanner::scanNow({dir.path()});
        QCOMPARE(content.games, QStringList({u"MiniGame 1.0"_s, u"Zip Game 2.0"_s}));
        QCOMPARE(content.maps, QStringList({u"MiniMap"_s, u"Seven Seas v1.2"_s}));
    }

    void namesFromSeveralDirectoriesAreMergedAndSorted()
    {
        QTemporaryDir first;
        QTemporaryDir second;
        QVERIFY(TestContent::write(first.path()));
        QVERIFY(TestContent::write(second.path()));
        QVERIFY(writeFile(second.path() + u"/games/alpha.sdd/modinfo.lua"_s, modinfo("alpha", "")));
        QVERIFY(writeFile(second.path() + u"/games/Beta.sdd/modinfo.lua"_s, modinfo("Beta", "0.1")));

        const ContentScanner::Content content =
            ContentScanner::scanNow({first.path(), second.path(), first.path() + u"/missing"_s});
        QCOMPARE(content.games, QStringList({u"alpha"_s, u"Beta 0.1"_s, u"MiniGame 1.0"_s}));
        QCOMPARE(content.maps, QStringList({u"MiniMap"_s}));
    }

    void scanReportsFromAWorkerThread()
    {
        QTemporaryDir dir;
        QVERIFY(TestContent::write(dir.path()));
        ContentScanner scanner;
        QSignalSpy finished(&scanner, &ContentScanner::finished);
        QSignalSpy scanning(&scanner, &ContentScanner::scanningChanged);
        scanner.scan({dir.path()});
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toStringList(), QStringList({u"MiniGame 1.0"_s}));
        QCOMPARE(finished.at(0).at(1).toStringList(), QStringList({u"MiniMap"_s}));
        QVERIFY(!scanner.scanning());
        QCOMPARE(scanning.count(), 2); // on, off
    }

    void aScanAskedForDuringAnotherReportsOnlyTheLatest()
    {
        QTemporaryDir old;
        QTemporaryDir latest;
        QVERIFY(TestContent::write(old.path()));
        QVERIFY(writeFile(latest.path() + u"/games/New.sdd/modinfo.lua"_s, modinfo("New", "1")));
        ContentScanner scanner;
        QSignalSpy finished(&scanner, &ContentScanner::finished);
        scanner.scan({old.path()});
        scanner.scan({latest.path()});
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).toStringList(), QStringList({u"New 1"_s}));
        QCOMPARE(finished.at(0).at(1).toStringList(), QStringList());
    }

    void dataDirsAreTheConfiguredAndTheEnginesOwn()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString configured = home.filePath(u"configured"_s);
        const QString fromEnvironment = home.filePath(u"env"_s);
        const QString configHome = home.filePath(u"xdg"_s);
        for (const QString &dir :
             QStringList{configured, fromEnvironment, configHome + u"/spring"_s, home.filePath(u".spring"_s)})
        {
            QVERIFY(QDir().mkpath(dir));
        }
        const QByteArray oldHome = qgetenv("HOME");
        const QByteArray oldConfigHome = qgetenv("XDG_CONFIG_HOME");
        const QByteArray oldDataDir = qgetenv("SPRING_DATADIR");
        qputenv("HOME", QFile::encodeName(home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(configHome));
        qputenv("SPRING_DATADIR",
                QFile::encodeName(fromEnvironment + u":"_s + configured + u":/no/such/dir"_s));

        const QStringList dirs = ContentScanner::dataDirs({configured, home.filePath(u"missing"_s)});

        qputenv("HOME", oldHome);
        oldConfigHome.isNull() ? qunsetenv("XDG_CONFIG_HOME") : qputenv("XDG_CONFIG_HOME", oldConfigHome);
        oldDataDir.isNull() ? qunsetenv("SPRING_DATADIR") : qputenv("SPRING_DATADIR", oldDataDir);

        const auto canonical = [](const QString &path)
        {
            return QFileInfo(path).canonicalFilePath();
        };
        QStringList expected = {canonical(configured), canonical(fromEnvironment),
                                canonical(configHome + u"/spring"_s), canonical(home.filePath(u".spring"_s))};
        QCOMPARE(dirs.mid(0, 4), expected);
        // The machine's own directories follow; Debian's spring package brings /usr/share/games/spring.
        QCOMPARE(dirs.contains(u"/usr/share/games/spring"_s),
                 QFileInfo(u"/usr/share/games/spring"_s).isDir());
        QCOMPARE(QSet<QString>(dirs.cbegin(), dirs.cend()).size(), dirs.size());
    }
};

QTEST_GUILESS_MAIN(TestContentScanner)
#include "tst_contentscanner.moc"
