#include "testcontent.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

using namespace Qt::Literals::StringLiterals;

namespace
{
constexpr qint32 MapSquares = 128;
constexpr qint32 SquareSize = 8;      // elmos per square
constexpr qint32 TexelsPerSquare = 8; // fixed
constexpr qint32 TileTexels = 32;     // texels per tile side, fixed
constexpr qint32 MinimapSize = 1024;  // texels per minimap side
constexpr qint32 SmfHeaderSize = 80;

// A solid dark green DXT1 block: colour0 = colour1 = RGB565 0x0500, every index 0.
const QByteArray SolidBlock = QByteArray::fromHex("0005000500000000");

void appendInt(QByteArray &bytes, qint32 value)
{
    char buffer[4];
    qToLittleEndian(value, buffer);
    bytes.append(buffer, 4);
}

void appendFloat(QByteArray &bytes, float value)
{
    char buffer[4];
    qToLittleEndian(value, buffer);
    bytes.append(buffer, 4);
}

// A DXT1 image of size × size texels with every mip level down to 4 × 4, all solid.
QByteArray solidMipChain(qint32 size)
{
    QByteArray bytes;
    for (qint32 level = size; level >= 4; level /= 2)
    {
        bytes.append(SolidBlock.repeated((level / 4) * (level / 4)));
    }
    return bytes;
}

// The 16-byte magic of the engine's map and tile files: the text and NUL padding.
QByteArray magic(const char *text)
{
    QByteArray bytes(text);
    bytes.resize(16, '\0');
    return bytes;
}

Status writeFile(const QString &path, const QByteArray &content)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
    {
        return fail(u"cannot create the directory of %1"_s.arg(path));
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
    {
        return fail(u"cannot write %1: %2"_s.arg(path, file.errorString()));
    }
    return succeeded();
}

Result<QByteArray> resource(const QString &name)
{
    QFile file(u":/minicontent/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
    {
        return fail(u"missing resource %1"_s.arg(file.fileName()));
    }
    return file.readAll();
}
} // namespace

QByteArray TestContent::mapFile()
{
    const qint32 heightmapSize = (MapSquares + 1) * (MapSquares + 1) * 2;
    const qint32 typeMapSize = (MapSquares / 2) * (MapSquares / 2);
    const qint32 tileIndices = (MapSquares / 4) * (MapSquares / 4); // one tile covers 4 × 4 squares
    const QByteArray tileFileName = QByteArray("MiniMap.smt") + '\0';
    const qint32 tilesSize = 12 + qint32(tileFileName.size()) + tileIndices * 4;
    const QByteArray minimap = solidMipChain(MinimapSize);
    const qint32 metalMapSize = typeMapSize;

    const qint32 heightmapPtr = SmfHeaderSize;
    const qint32 typeMapPtr = heightmapPtr + heightmapSize;
    const qint32 tilesPtr = typeMapPtr + typeMapSize;
    const qint32 minimapPtr = tilesPtr + tilesSize;
    const qint32 metalMapPtr = minimapPtr + qint32(minimap.size());
    const qint32 featurePtr = metalMapPtr + metalMapSize;

    QByteArray bytes = magic("spring map file");
    appendInt(bytes, 1);          // version
    appendInt(bytes, 0x4D494E49); // map id ("MINI")
    appendInt(bytes, MapSquares); // width
    appendInt(bytes, MapSquares); // height
    appendInt(bytes, SquareSize);
    appendInt(bytes, TexelsPerSquare);
    appendInt(bytes, TileTexels);
    appendFloat(bytes, 10.0f);  // height of heightmap value 0
    appendFloat(bytes, 100.0f); // height of heightmap value 0xFFFF
    appendInt(bytes, heightmapPtr);
    appendInt(bytes, typeMapPtr);
    appendInt(bytes, tilesPtr);
    appendInt(bytes, minimapPtr);
    appendInt(bytes, metalMapPtr);
    appendInt(bytes, featurePtr);
    appendInt(bytes, 0); // no extra headers

    bytes.append(QByteArray(heightmapSize, '\0')); // flat at the minimum height
    bytes.append(QByteArray(typeMapSize, '\0'));   // terrain type 0 everywhere

    appendInt(bytes, 1); // tile files
    appendInt(bytes, 1); // tiles over all files
    appendInt(bytes, 1); // tiles in this file
    bytes.append(tileFileName);
    bytes.append(QByteArray(tileIndices * 4, '\0')); // every tile is tile 0

    bytes.append(minimap);
    bytes.append(QByteArray(metalMapSize, '\0')); // no metal
    appendInt(bytes, 0);                          // feature types
    appendInt(bytes, 0);                          // features
    return bytes;
}

QByteArray TestContent::tileFile()
{
    QByteArray bytes = magic("spring tilefile");
    appendInt(bytes, 1); // version
    appendInt(bytes, 1); // tiles
    appendInt(bytes, TileTexels);
    appendInt(bytes, 1); // compression: DXT1
    bytes.append(solidMipChain(TileTexels));
    return bytes;
}

Status TestContent::write(const QString &dataDir)
{
    const QString map = u"maps/MiniMap.sdd/"_s;
    const QString game = u"games/MiniGame.sdd/"_s;
    const QList<QPair<QString, Result<QByteArray>>> files = {
        {map + u"maps/MiniMap.smf"_s, mapFile()},
        {map + u"maps/MiniMap.smt"_s, tileFile()},
        {map + u"mapinfo.lua"_s, resource(u"mapinfo.lua"_s)},
        {game + u"modinfo.lua"_s, resource(u"modinfo.lua"_s)},
        {game + u"LuaRules/main.lua"_s, resource(u"LuaRules/main.lua"_s)},
        {game + u"LuaRules/draw.lua"_s, resource(u"LuaRules/draw.lua"_s)},
    };
    for (const auto &[path, content] : files)
    {
        if (!content)
        {
            return fail(content.error());
        }
        if (const Status written = writeFile(QDir(dataDir).filePath(path), *content); !written)
        {
            return written;
        }
    }
    return succeeded();
}
