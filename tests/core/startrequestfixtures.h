#pragma once

#include <QString>
#include <QUuid>

#include "protocol/autohostrequests.h"
#include "protocol/startscriptwriter.h"

// Start requests shared by the start-script tests: the golden files in tests/data/startscripts/ are the
// expected scripts for these inputs with the endpoints below.
namespace StartRequestFixtures
{
using namespace Qt::Literals::StringLiterals;

inline PlayerSpec player(const QString &userId, const QString &name, const QString &password)
{
    PlayerSpec spec;
    spec.userId = userId;
    spec.name = name;
    spec.password = password;
    return spec;
}

inline ScriptEndpoints endpoints()
{
    return {u"0.0.0.0"_s, 20001, u"127.0.0.1"_s, 22001};
}

// The reference autohost's live example (its script is in the reference notes, §4.2).
inline StartRequest liveExample()
{
    StartRequest request;
    request.battleId = QUuid(u"9dec0ae5-9215-4517-82a8-274e05a32305"_s);
    request.engineVersion = u"2025.04.01"_s;
    request.gameName = u"Beyond All Reason test-123"_s;
    request.mapName = u"Quicksilver Remake 1.24"_s;
    request.startPosType = StartPosType::Ingame;
    request.gameOptions = {{u"deathmode"_s, u"com"_s}};
    request.mapOptions = {{u"waterlevel"_s, u"0"_s}};
    request.startDelay = 5;
    request.restrictions = {{u"armcom"_s, 1}};

    BotSpec bot;
    bot.hostUserId = u"11111"_s;
    bot.aiShortName = u"BARb"_s;
    bot.aiVersion = u"stable"_s;
    bot.name = u"Bot1"_s;
    bot.aiOptions = {{u"profile"_s, u"hard"_s}};
    TeamSpec botTeam;
    botTeam.bots = {bot};
    botTeam.faction = u"Cortex"_s;
    botTeam.color = RgbColor{1, 0, 0.5};
    AllyTeamSpec first;
    first.startBox = StartBox{0, 0.3, 0, 1};
    first.teams = {botTeam};

    PlayerSpec human = player(u"11111"_s, u"Player"_s, u"password1"_s);
    human.countryCode = u"PL"_s;
    human.rank = 3;
    human.customProperties = {{u"skill"_s, u"[25]"_s}};
    TeamSpec humanTeam;
    humanTeam.players = {human};
    humanTeam.faction = u"Armada"_s;
    AllyTeamSpec second;
    second.startBox = StartBox{0.7, 1, 0, 1};
    second.allies = QList<int>{0};
    second.teams = {humanTeam};

    request.allyTeams = {first, second};
    request.spectators = {player(u"22222"_s, u"Spec"_s, u"p2"_s)};
    return request;
}

// Every optional field at least once: factions, colours, start positions, advantage and income multiplier, an
// AI with options hosted by a spectator, allies, custom properties on every level, restrictions, options,
// hashes and a start delay of 0.
inline StartRequest fullExample()
{
    StartRequest request;
    request.battleId = QUuid(u"e4f9f751-3626-48eb-bb8b-1ff8f25e12f9"_s);
    request.engineVersion = u"recoil 2024.08.15-gdefse23"_s;
    request.gameName = u"Game 22"_s;
    request.mapName = u"de_duck 1.2"_s;
    request.gameArchiveHash = QString(128, u'f');
    request.mapArchiveHash = QString(128, u'd');
    request.startDelay = 0;
    request.startPosType = StartPosType::BeforeGame;
    request.gameOptions = {{u"bigGun"_s, u"asdasd"_s}, {u"deathmode"_s, u"com"_s}};
    request.mapOptions = {{u"waterLevel"_s, u"1000"_s}};
    request.restrictions = {{u"unitname"_s, 20}, {u"anotherunit"_s, 0}};

    PlayerSpec player1 = player(u"101"_s, u"Player1"_s, u"87dw9cnqr86437w"_s);
    player1.countryCode = u"NA"_s;
    TeamSpec arm;
    arm.players = {player1};
    arm.faction = u"ARM"_s;
    arm.color = RgbColor{1, 0, 0.5};
    arm.startPos = StartPosition{300, 400};
    arm.customProperties = {{u"specialModOption"_s, u"asd"_s}};
    AllyTeamSpec first;
    first.startBox = StartBox{0, 1, 0, 0.2};
    first.teams = {arm};

    BotSpec bot;
    bot.hostUserId = u"102"_s;
    bot.aiShortName = u"BARb"_s;
    bot.aiVersion = u"3.2"_s;
    bot.name = u"AI 1"_s;
    bot.aiOptions = {{u"difficulty"_s, u"op"_s}, {u"profile"_s, u"hard"_s}};
    bot.customProperties = {{u"aiTag"_s, u"x1"_s}};
    TeamSpec core;
    core.bots = {bot};
    core.faction = u"CORE"_s;
    core.advantage = 0.5;
    core.incomeMultiplier = 1.2;
    core.startPos = StartPosition{100, 100};

    PlayerSpec player3 = player(u"103"_s, u"Player3"_s, u"pw3"_s);
    player3.rank = 2;
    TeamSpec second;
    second.players = {player3};
    second.color = RgbColor{0.1, 0.25, 0.333};
    second.startPos = StartPosition{900, 800};
    AllyTeamSpec other;
    other.startBox = StartBox{0, 1, 0.8, 1};
    other.allies = QList<int>{0};
    other.customProperties = {{u"label"_s, u"east"_s}};
    other.teams = {core, second};

    PlayerSpec spectator = player(u"102"_s, u"Player2"_s, u"asd"_s);
    spectator.countryCode = u"PL"_s;
    spectator.rank = 1;
    spectator.customProperties = {{u"key"_s, u"value"_s}};

    request.allyTeams = {first, other};
    request.spectators = {spectator};
    return request;
}

// What Teiserver sends for a lobby battle: "ingame", one ally team per player, no optional fields,
// "gameOptions": {} and "spectators": [].
inline StartRequest teiserverExample()
{
    StartRequest request;
    request.battleId = QUuid(u"75bfc493-2b9d-495d-a453-06722fdca2ea"_s);
    request.engineVersion = u"2025.04.01"_s;
    request.gameName = u"MiniGame 1.0"_s;
    request.mapName = u"MiniMap"_s;
    request.startPosType = StartPosType::Ingame;
    TeamSpec alice;
    alice.players = {player(u"351"_s, u"Alice"_s, u"pwA"_s)};
    TeamSpec bob;
    bob.players = {player(u"352"_s, u"Bob"_s, u"pwB"_s)};
    AllyTeamSpec first;
    first.teams = {alice};
    AllyTeamSpec second;
    second.teams = {bob};
    request.allyTeams = {first, second};
    return request;
}
} // namespace StartRequestFixtures
