#pragma once

#include <QByteArray>
#include <QString>

#include "util/result.h"

// The tests' own engine content, so that no game or map has to be downloaded (real-engine notes §2–4):
// the flat map "MiniMap" (128 × 128 squares, SMF + SMT written byte by byte) and the Lua-only game
// "MiniGame 1.0", whose Lua (tests/data/minicontent, compiled in as resources) is steered by modoptions.
class TestContent
{
public:
    static constexpr auto MapName = "MiniMap";
    static constexpr auto GameName = "MiniGame 1.0";

    // Writes maps/MiniMap.sdd/ and games/MiniGame.sdd/ under dataDir (a SPRING_DATADIR entry).
    static Status write(const QString &dataDir);

    // The map's SMF file (744,730 bytes) and its tile file (712 bytes).
    static QByteArray mapFile();
    static QByteArray tileFile();
};
