#pragma once

#include <QStringList>

// Keys the start-script writer (or the engine itself) uses in each section. A customProperties key that
// equals one of them, compared case-insensitively as the engine lower-cases keys, is refused.
namespace StartScriptKeys
{
inline const QStringList Player = {QStringLiteral("Name"),        QStringLiteral("Password"),
                                   QStringLiteral("Spectator"),   QStringLiteral("Team"),
                                   QStringLiteral("UserID"),      QStringLiteral("Rank"),
                                   QStringLiteral("CountryCode"), QStringLiteral("IsFromDemo")};
inline const QStringList Team = {QStringLiteral("TeamLeader"),       QStringLiteral("AllyTeam"),
                                 QStringLiteral("RgbColor"),         QStringLiteral("Side"),
                                 QStringLiteral("Advantage"),        QStringLiteral("Handicap"),
                                 QStringLiteral("IncomeMultiplier"), QStringLiteral("StartPosX"),
                                 QStringLiteral("StartPosZ"),        QStringLiteral("LuaAI")};
// Ally<i> keys are refused by prefix: any key "Ally" followed by digits.
inline const QStringList AllyTeam = {QStringLiteral("NumAllies"), QStringLiteral("StartRectTop"),
                                     QStringLiteral("StartRectLeft"), QStringLiteral("StartRectBottom"),
                                     QStringLiteral("StartRectRight")};
inline const QStringList Ai = {QStringLiteral("ShortName"), QStringLiteral("Version"),
                               QStringLiteral("Name"),      QStringLiteral("Team"),
                               QStringLiteral("Host"),      QStringLiteral("OPTIONS")};
} // namespace StartScriptKeys
