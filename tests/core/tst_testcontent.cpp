#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include "testcontent.h"

using namespace Qt::Literals::StringLiterals;

// The generated map and game have the byte layout of the real-engine notes (§3–4); the real proof, the engine
// accepting them, is tst_realgames.
class TestTestContent : public QObject
{
    Q_OBJECT

private:
    static qint32 intAt(const QByteArray &bytes, qsizetype offset)
    {
        return qFromLittleEndian<qint32>(bytes.constData() + offset);
    }

    static float floatAt(const QByteArray &bytes, qsizetype offset)
    {
        return qFromLittleEndian<float>(bytes.constData() + offset);
    }

    // True when bytes[offset, offset + size) is the solid DXT1 block over and over.
    static bool solidBlocks(const QByteArray &bytes, qsizetype offset, qsizetype size)
    {
        const QByteArray block = QByteArray::fromHex("0005000500000000");
        return size % 8 == 0 && bytes.mid(offset, size) == block.repeated(size / 8);
    }

    static bool zeros(const QByteArray &bytes, qsizetype offset, qsizetype size)
    {
        return bytes.mid(offset, size) == QByteArray(size, '\0');
    }

private slots:
    void mapFileHeader()
    {
        const QByteArray smf = TestContent::mapFile();
        QCOMPARE(smf.size(), 744730);
        QCOMPARE(smf.left(16), QByteArray("spring map file\0", 16));
        QCOMPARE(intAt(smf, 16), 1);        // version
        QCOMPARE(intAt(smf, 24), 128);      // mapx
        QCOMPARE(intAt(smf, 28), 128);      // mapy
        QCOMPARE(intAt(smf, 32), 8);        // squareSize
        QCOMPARE(intAt(smf, 36), 8);        // texelPerSquare
        QCOMPARE(intAt(smf, 40), 32);       // tilesize
        QCOMPARE(floatAt(smf, 44), 10.0f);  // minHeight
        QCOMPARE(floatAt(smf, 48), 100.0f); // maxHeight
        QCOMPARE(intAt(smf, 52), 80);       // heightmapPtr
        QCOMPARE(intAt(smf, 56), 33362);    // typeMapPtr
        QCOMPARE(intAt(smf, 60), 37458);    // tilesPtr
        QCOMPARE(intAt(smf, 64), 41578);    // minimapPtr
        QCOMPARE(intAt(smf, 68), 740626);   // metalmapPtr
        QCOMPARE(intAt(smf, 72), 744722);   // featurePtr
        QCOMPARE(intAt(smf, 76), 0);        // numExtraHeaders
    }

    void mapFileSections()
    {
        const QByteArray smf = TestContent::mapFile();
        QVERIFY(zeros(smf, 80, 33282));   // flat heightmap
        QVERIFY(zeros(smf, 33362, 4096)); // terrain type 0
        const qsizetype tiles = 37458;
        QCOMPARE(intAt(smf, tiles), 1);     // tile files
        QCOMPARE(intAt(smf, tiles + 4), 1); // tiles in total
        QCOMPARE(intAt(smf, tiles + 8), 1); // tiles in the file
        QCOMPARE(smf.mid(tiles + 12, 12), QByteArray("MiniMap.smt\0", 12));
        QVERIFY(zeros(smf, tiles + 24, 4096)); // 32 × 32 tile indices, all tile 0
        QVERIFY(solidBlocks(smf, 41578, 699048));
        QVERIFY(zeros(smf, 740626, 4096)); // no metal
        QCOMPARE(intAt(smf, 744722), 0);   // feature types
        QCOMPARE(intAt(smf, 744726), 0);   // features
    }

    void tileFile()
    {
        const QByteArray smt = TestContent::tileFile();
        QCOMPARE(smt.size(), 712);
        QCOMPARE(smt.left(16), QByteArray("spring tilefile\0", 16));
        QCOMPARE(intAt(smt, 16), 1);  // version
        QCOMPARE(intAt(smt, 20), 1);  // tiles
        QCOMPARE(intAt(smt, 24), 32); // tile size
        QCOMPARE(intAt(smt, 28), 1);  // DXT1
        QVERIFY(solidBlocks(smt, 32, 680));
    }

    void writesTheArchives()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Status written = TestContent::write(dir.path());
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error()));
        const auto read = [&dir](const QString &path)
        {
            QFile file(dir.filePath(path));
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        QCOMPARE(read(u"maps/MiniMap.sdd/maps/MiniMap.smf"_s), TestContent::mapFile());
        QCOMPARE(read(u"maps/MiniMap.sdd/maps/MiniMap.smt"_s), TestContent::tileFile());
        // The archive names the start script uses come from the Lua info files.
        const QByteArray mapInfo = read(u"maps/MiniMap.sdd/mapinfo.lua"_s);
        QVERIFY(mapInfo.contains("name = \"MiniMap\""));
        QVERIFY(mapInfo.contains("mapfile = \"maps/MiniMap.smf\""));
        QVERIFY(mapInfo.contains("version = \"\""));
        const QByteArray modInfo = read(u"games/MiniGame.sdd/modinfo.lua"_s);
        QVERIFY(modInfo.contains("name = \"MiniGame\""));
        QVERIFY(modInfo.contains("version = \"1.0\""));
        QVERIFY(modInfo.contains("\"Spring Cursors\""));
        QVERIFY(read(u"games/MiniGame.sdd/LuaRules/main.lua"_s).contains("function GotChatMsg("));
        QVERIFY(read(u"games/MiniGame.sdd/LuaRules/draw.lua"_s).contains("function RecvFromSynced("));
    }
};

QTEST_GUILESS_MAIN(TestTestContent)
#include "tst_testcontent.moc"
