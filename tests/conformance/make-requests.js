// Writes tests/data/requests.json: the table of server→autohost requests with what the official schemas say
// about each (schemaValid) and what the autohost's RequestDecoder says (accepted, errorPath). Both verdicts are
// written down here by hand; tst_requestdecoder and schema-agreement.js check them.
// Usage: node make-requests.js [output file]   (default: ../data/requests.json)
"use strict";
const fs = require("fs");
const path = require("path");

const battleId = "75bfc493-2b9d-495d-a453-06722fdca2ea";
const hash = "0123456789abcdef".repeat(8);
const cases = [];

// A number written exactly as given (JSON.stringify would write 3.0 as 3).
class Raw {
    constructor(text) {
        this.text = text;
    }
    toJSON() {
        return `@raw:${this.text}@`;
    }
}
const raw = (text) => new Raw(text);

function request(commandId, data) {
    return { type: "request", messageId: "m-1", commandId, data };
}

function add(name, message, schemaValid, accepted, errorPath = null) {
    if (cases.some((c) => c.name === name)) {
        throw new Error(`duplicate case name ${name}`);
    }
    if (accepted !== (errorPath === null)) {
        throw new Error(`${name}: an accepted case has no errorPath, a refused one has one`);
    }
    cases.push({ name, message, schemaValid, accepted, errorPath });
}

// A case built from a command's valid data, changed by edit (which may also replace the whole data).
function variant(commandId, base) {
    return (name, edit, schemaValid, accepted, errorPath = null) => {
        const data = structuredClone(base());
        const message = request(commandId, edit(data) ?? data);
        add(`${commandId.split("/")[1]}: ${name}`, message, schemaValid, accepted, errorPath);
    };
}

// ---------------------------------------------------------------------------------------------------------------
// autohost/start

const startData = () => ({
    battleId,
    engineVersion: "2025.06.22",
    gameName: "Beyond All Reason test-27000",
    mapName: "Quicksilver Remake 1.24",
    startPosType: "ingame",
    allyTeams: [
        { teams: [{ players: [{ userId: "101", name: "Alice", password: "pw-a" }] }] },
        {
            teams: [
                {
                    players: [{ userId: "102", name: "Bob", password: "pw-b" }],
                    bots: [{ hostUserId: "102", aiShortName: "BARb" }],
                },
            ],
        },
    ],
    spectators: [{ userId: "103", name: "Carol", password: "pw-c" }],
});
const start = variant("autohost/start", startData);
const ally0 = "data.allyTeams[0]";
const team0 = "data.allyTeams[0].teams[0]";
const player0 = "data.allyTeams[0].teams[0].players[0]";
const team1 = "data.allyTeams[1].teams[0]";
const bot0 = "data.allyTeams[1].teams[0].bots[0]";
const p0 = (d) => d.allyTeams[0].teams[0].players[0];
const t0 = (d) => d.allyTeams[0].teams[0];
const b0 = (d) => d.allyTeams[1].teams[0].bots[0];

start("minimal valid", () => {}, true, true);
start(
    "every field",
    (d) => {
        Object.assign(d, {
            gameArchiveHash: hash,
            mapArchiveHash: hash.toUpperCase(),
            startDelay: 5,
            mapOptions: { waterlevel: "0", size: "big" },
            gameOptions: { deathmode: "com", map_size: "[25]" },
            restrictions: { armcom: 0, corcom: 2 },
            luamsgRegexp: "^game:",
        });
        Object.assign(p0(d), { rank: 3, countryCode: "DE", customProperties: { skill: "25.3", a: "x" } });
        Object.assign(t0(d), {
            advantage: 0.5,
            incomeMultiplier: 1.5,
            faction: "Armada",
            color: { r: 0, g: 0.5, b: 1 },
            startPos: { x: 100, y: -200 },
            customProperties: { teamTag: "t" },
        });
        Object.assign(b0(d), {
            name: "Bot One",
            aiVersion: "1.0",
            aiOptions: { difficulty: "hard" },
            customProperties: { profile: "x" },
        });
        Object.assign(d.allyTeams[0], {
            startBox: { top: 0, bottom: 0.25, left: 0, right: 1 },
            allies: [1],
            customProperties: { allyTag: "north" },
        });
    },
    true,
    true
);
start(
    "as Teiserver sends it (bot name null, empty gameOptions)",
    (d) => {
        b0(d).name = null;
        d.gameOptions = {};
    },
    false,
    true
);
start("unknown members everywhere", (d) => {
    d.futureField = { x: 1 };
    t0(d).region = "eu";
    p0(d).clan = 5;
    b0(d).strength = [1];
}, true, true);

start("battleId missing", (d) => void delete d.battleId, false, false, "data.battleId");
start("battleId not a uuid", (d) => void (d.battleId = "not-a-uuid"), false, false, "data.battleId");
start("battleId upper case", (d) => void (d.battleId = battleId.toUpperCase()), true, true);
start("battleId with urn prefix", (d) => void (d.battleId = `urn:uuid:${battleId}`), true, true);
start("battleId in braces", (d) => void (d.battleId = `{${battleId}}`), false, false, "data.battleId");
start("battleId 35 digits", (d) => void (d.battleId = battleId.slice(1)), false, false, "data.battleId");
start("battleId number", (d) => void (d.battleId = 5), false, false, "data.battleId");

start("engineVersion missing", (d) => void delete d.engineVersion, false, false, "data.engineVersion");
start("engineVersion with git hash and space", (d) => void (d.engineVersion = "105.1.1-2590-gb9462a0 BAR105"), true, true);
start("engineVersion empty", (d) => void (d.engineVersion = ""), false, false, "data.engineVersion");
start("engineVersion with slash", (d) => void (d.engineVersion = "1.0/../x"), false, false, "data.engineVersion");
start("engineVersion with trailing newline", (d) => void (d.engineVersion = "2025.06.22\n"), false, false, "data.engineVersion");
start("engineVersion ..", (d) => void (d.engineVersion = ".."), true, false, "data.engineVersion");
start("engineVersion .", (d) => void (d.engineVersion = "."), true, false, "data.engineVersion");
start("engineVersion starts with a dot", (d) => void (d.engineVersion = ".hidden"), true, false, "data.engineVersion");
start("engineVersion leading space", (d) => void (d.engineVersion = " 2025.06.22"), true, false, "data.engineVersion");
start("engineVersion trailing space", (d) => void (d.engineVersion = "2025.06.22 "), true, false, "data.engineVersion");

start("gameName missing", (d) => void delete d.gameName, false, false, "data.gameName");
start("gameName number", (d) => void (d.gameName = 5), false, false, "data.gameName");
start("gameName empty", (d) => void (d.gameName = ""), true, false, "data.gameName");
start("gameName with ]]", (d) => void (d.gameName = "BAR ]] x"), true, false, "data.gameName");
start("gameName with ;", (d) => void (d.gameName = "BAR;IsHost=0"), true, false, "data.gameName");
start("mapName missing", (d) => void delete d.mapName, false, false, "data.mapName");
start("mapName with {", (d) => void (d.mapName = "Map{1}"), true, false, "data.mapName");
start("mapName with newline", (d) => void (d.mapName = "Map\n[GAME]"), true, false, "data.mapName");

start("gameArchiveHash 127 digits", (d) => void (d.gameArchiveHash = hash.slice(1)), false, false, "data.gameArchiveHash");
start("gameArchiveHash 129 digits", (d) => void (d.gameArchiveHash = hash + "0"), false, false, "data.gameArchiveHash");
start("mapArchiveHash not hex", (d) => void (d.mapArchiveHash = "g" + hash.slice(1)), false, false, "data.mapArchiveHash");

start("startDelay 3.0 is an integer", (d) => void (d.startDelay = raw("3.0")), true, true);
start("startDelay negative", (d) => void (d.startDelay = -10), true, true);
start("startDelay fraction", (d) => void (d.startDelay = 2.5), false, false, "data.startDelay");
start("startDelay string", (d) => void (d.startDelay = "5"), false, false, "data.startDelay");
start("startDelay beyond 64 bits", (d) => void (d.startDelay = raw("1e300")), true, false, "data.startDelay");
start("startDelay null", (d) => void (d.startDelay = null), false, true);

start("startPosType missing", (d) => void delete d.startPosType, false, false, "data.startPosType");
start("startPosType wrong case", (d) => void (d.startPosType = "Fixed"), false, false, "data.startPosType");
start("startPosType number", (d) => void (d.startPosType = 2), false, false, "data.startPosType");
start("startPosType fixed", (d) => void (d.startPosType = "fixed"), true, true);
start("startPosType random", (d) => void (d.startPosType = "random"), true, true);
start("startPosType beforegame", (d) => void (d.startPosType = "beforegame"), true, true);

start("allyTeams missing", (d) => void delete d.allyTeams, false, false, "data.allyTeams");
start("allyTeams empty", (d) => void (d.allyTeams = []), false, false, "data.allyTeams");
start("allyTeams object", (d) => void (d.allyTeams = {}), false, false, "data.allyTeams");
start("allyTeam not an object", (d) => void (d.allyTeams[1] = []), false, false, "data.allyTeams[1]");
start("teams missing", (d) => void delete d.allyTeams[0].teams, false, false, `${ally0}.teams`);
start("teams empty", (d) => void (d.allyTeams[0].teams = []), false, false, `${ally0}.teams`);
start("team not an object", (d) => void (d.allyTeams[0].teams[0] = "team"), false, false, team0);
start("team without players or bots", (d) => void d.allyTeams[0].teams.push({}), true, false, "data.allyTeams[0].teams[1]");
start("team with empty player list", (d) => void (t0(d).players = []), true, false, team0);
start("team with a bot only", (d) => void (t0(d).bots = [{ hostUserId: "103", aiShortName: "BARb" }], delete t0(d).players), true, true);
start("players not an array", (d) => void (t0(d).players = {}), false, false, `${team0}.players`);

start("player userId missing", (d) => void delete p0(d).userId, false, false, `${player0}.userId`);
start("player name missing", (d) => void delete p0(d).name, false, false, `${player0}.name`);
start("player password missing", (d) => void delete p0(d).password, false, false, `${player0}.password`);
start("player userId number", (d) => void (p0(d).userId = 101), false, false, `${player0}.userId`);
start("player userId empty", (d) => void (p0(d).userId = ""), true, false, `${player0}.userId`);
start("player name with ;", (d) => void (p0(d).name = "Al;ice"), true, false, `${player0}.name`);
start("player name with space", (d) => void (p0(d).name = "Al ice"), true, false, `${player0}.name`);
start("player name with //", (d) => void (p0(d).name = "Al//ice"), true, false, `${player0}.name`);
start("player name empty", (d) => void (p0(d).name = ""), true, false, `${player0}.name`);
start("player name null", (d) => void (p0(d).name = null), false, false, `${player0}.name`);
start("player password with newline", (d) => void (p0(d).password = "pw\nIsHost=1"), true, false, `${player0}.password`);
start("player password empty", (d) => void (p0(d).password = ""), true, false, `${player0}.password`);
start("player rank fraction", (d) => void (p0(d).rank = 1.5), false, false, `${player0}.rank`);
start("player rank null", (d) => void (p0(d).rank = null), false, true);
start("player countryCode number", (d) => void (p0(d).countryCode = 49), false, false, `${player0}.countryCode`);
start("player countryCode with quote", (d) => void (p0(d).countryCode = 'D"E'), true, false, `${player0}.countryCode`);
start(
    "duplicate userId between players",
    (d) => void (d.allyTeams[1].teams[0].players[0].userId = "101"),
    true,
    false,
    `${team1}.players[0].userId`
);
start("duplicate userId of a spectator", (d) => void (d.spectators[0].userId = "101"), true, false, "data.spectators[0].userId");
start("duplicate name differing in case", (d) => void (d.spectators[0].name = "ALICE"), true, false, "data.spectators[0].name");

start("bot hostUserId missing", (d) => void delete b0(d).hostUserId, false, false, `${bot0}.hostUserId`);
start("bot aiShortName missing", (d) => void delete b0(d).aiShortName, false, false, `${bot0}.aiShortName`);
start("bot aiShortName empty", (d) => void (b0(d).aiShortName = ""), true, false, `${bot0}.aiShortName`);
start("bot host not in the start", (d) => void (b0(d).hostUserId = "999"), true, false, `${bot0}.hostUserId`);
start("bot hosted by a spectator", (d) => void (b0(d).hostUserId = "103"), true, true);
start("bot name empty", (d) => void (b0(d).name = ""), true, false, `${bot0}.name`);
start("bot name with }", (d) => void (b0(d).name = "Bot}"), true, false, `${bot0}.name`);
start("bot aiVersion number", (d) => void (b0(d).aiVersion = 1), false, false, `${bot0}.aiVersion`);
start("bot aiOptions value number", (d) => void (b0(d).aiOptions = { difficulty: 3 }), false, false, `${bot0}.aiOptions.difficulty`);
start("bot aiOptions value with newline", (d) => void (b0(d).aiOptions = { difficulty: "hard\n" }), true, false, `${bot0}.aiOptions.difficulty`);
start("bot aiOptions key with space", (d) => void (b0(d).aiOptions = { "my option": "1" }), true, false, `${bot0}.aiOptions["my option"]`);
start(
    "bot aiOptions keys differing in case",
    (d) => void (b0(d).aiOptions = { Difficulty: "1", difficulty: "2" }),
    true,
    false,
    `${bot0}.aiOptions.difficulty`
);
start("bot customProperties collide with ShortName", (d) => void (b0(d).customProperties = { shortname: "x" }), true, false, `${bot0}.customProperties.shortname`);
start("bot customProperties collide with OPTIONS", (d) => void (b0(d).customProperties = { Options: "x" }), true, false, `${bot0}.customProperties.Options`);

start("advantage -1", (d) => void (t0(d).advantage = -1), true, true);
start("advantage -1.01", (d) => void (t0(d).advantage = -1.01), false, false, `${team0}.advantage`);
start("advantage string", (d) => void (t0(d).advantage = "1"), false, false, `${team0}.advantage`);
start("incomeMultiplier 0", (d) => void (t0(d).incomeMultiplier = 0), true, true);
start("incomeMultiplier -0.01", (d) => void (t0(d).incomeMultiplier = -0.01), false, false, `${team0}.incomeMultiplier`);
start("faction with ;", (d) => void (t0(d).faction = "arm;"), true, false, `${team0}.faction`);
start("color 0 and 1", (d) => void (t0(d).color = { r: 0, g: 1, b: raw("1.0") }), true, true);
start("color 1.0001", (d) => void (t0(d).color = { r: 0, g: 1.0001, b: 0 }), false, false, `${team0}.color.g`);
start("color -0.1", (d) => void (t0(d).color = { r: -0.1, g: 0, b: 0 }), false, false, `${team0}.color.r`);
start("color without b", (d) => void (t0(d).color = { r: 0, g: 0 }), false, false, `${team0}.color.b`);
start("color string", (d) => void (t0(d).color = "#ff0000"), false, false, `${team0}.color`);
start("color null", (d) => void (t0(d).color = null), false, true);
start("startPos 2.0 is an integer", (d) => void (t0(d).startPos = { x: raw("2.0"), y: 7 }), true, true);
start("startPos fraction", (d) => void (t0(d).startPos = { x: 1.5, y: 0 }), false, false, `${team0}.startPos.x`);
start("startPos without y", (d) => void (t0(d).startPos = { x: 1 }), false, false, `${team0}.startPos.y`);

start("team customProperties collide with TeamLeader", (d) => void (t0(d).customProperties = { teamleader: "1" }), true, false, `${team0}.customProperties.teamleader`);
start("customProperties long key with number", (d) => void (t0(d).customProperties = { ab: 5 }), true, false, `${team0}.customProperties.ab`);
start("customProperties one-letter key with number", (d) => void (t0(d).customProperties = { a: 5 }), false, false, `${team0}.customProperties.a`);
start("customProperties key with space", (d) => void (t0(d).customProperties = { "a b": "x" }), true, false, `${team0}.customProperties["a b"]`);
start("customProperties value with ;", (d) => void (t0(d).customProperties = { x: "a;b" }), true, false, `${team0}.customProperties.x`);
start(
    "customProperties keys differing in case",
    (d) => void (t0(d).customProperties = { Skill: "1", skill: "2" }),
    true,
    false,
    `${team0}.customProperties.skill`
);
start("player customProperties collide with Password", (d) => void (p0(d).customProperties = { Password: "x" }), true, false, `${player0}.customProperties.Password`);
start("player customProperties collide with IsFromDemo", (d) => void (p0(d).customProperties = { isfromdemo: "1" }), true, false, `${player0}.customProperties.isfromdemo`);
start("allyTeam customProperties collide with Ally1", (d) => void (d.allyTeams[0].customProperties = { ally1: "1" }), true, false, `${ally0}.customProperties.ally1`);
start("allyTeam customProperties collide with NumAllies", (d) => void (d.allyTeams[0].customProperties = { NUMALLIES: "2" }), true, false, `${ally0}.customProperties.NUMALLIES`);
start("allyTeam customProperties allyName", (d) => void (d.allyTeams[0].customProperties = { allyName: "north" }), true, true);

start("startBox full map", (d) => void (d.allyTeams[0].startBox = { top: 0, bottom: 1, left: 0, right: 1 }), true, true);
start("startBox top equals bottom", (d) => void (d.allyTeams[0].startBox = { top: 0.5, bottom: 0.5, left: 0, right: 1 }), true, false, `${ally0}.startBox`);
start("startBox left after right", (d) => void (d.allyTeams[0].startBox = { top: 0, bottom: 1, left: 0.8, right: 0.2 }), true, false, `${ally0}.startBox`);
start("startBox bottom 1.01", (d) => void (d.allyTeams[0].startBox = { top: 0, bottom: 1.01, left: 0, right: 1 }), false, false, `${ally0}.startBox.bottom`);
start("startBox without right", (d) => void (d.allyTeams[0].startBox = { top: 0, bottom: 1, left: 0 }), false, false, `${ally0}.startBox.right`);
start("startBox null", (d) => void (d.allyTeams[0].startBox = null), false, true);
start("allies 1.0 is an integer", (d) => void (d.allyTeams[0].allies = [raw("1.0")]), true, true);
start("allies out of range", (d) => void (d.allyTeams[0].allies = [2]), true, false, `${ally0}.allies[0]`);
start("allies negative", (d) => void (d.allyTeams[0].allies = [1, -1]), true, false, `${ally0}.allies[1]`);
start("allies fraction", (d) => void (d.allyTeams[0].allies = [0.5]), false, false, `${ally0}.allies[0]`);
start("allies not an array", (d) => void (d.allyTeams[0].allies = 1), false, false, `${ally0}.allies`);

start("spectators empty", (d) => void (d.spectators = []), true, true);
start("spectators null", (d) => void (d.spectators = null), false, true);
start("spectators object", (d) => void (d.spectators = {}), false, false, "data.spectators");
start("spectator without password", (d) => void delete d.spectators[0].password, false, false, "data.spectators[0].password");
start("spectator userId object (spec example)", (d) => void (d.spectators[0].userId = {}), false, false, "data.spectators[0].userId");

start("mapOptions value number", (d) => void (d.mapOptions = { size: 3 }), false, false, "data.mapOptions.size");
start("mapOptions value with {", (d) => void (d.mapOptions = { size: "{big}" }), true, false, "data.mapOptions.size");
start("mapOptions empty key", (d) => void (d.mapOptions = { "": "x" }), true, false, 'data.mapOptions[""]');
start("mapOptions 64-character key", (d) => void (d.mapOptions = { ["k".repeat(64)]: "x" }), true, true);
start("mapOptions 65-character key", (d) => void (d.mapOptions = { ["k".repeat(65)]: "x" }), true, false, `data.mapOptions.${"k".repeat(65)}`);
// The schema's "^(.*)$" does not match a key with a newline, so its value is not constrained at all.
start("mapOptions key with newline", (d) => void (d.mapOptions = { "a\nb": 5 }), true, false, 'data.mapOptions["a\\nb"]');
start("gameOptions value with ;", (d) => void (d.gameOptions = { map_size: "x;y" }), true, false, "data.gameOptions.map_size");
start("gameOptions array", (d) => void (d.gameOptions = []), false, false, "data.gameOptions");
start("gameOptions null", (d) => void (d.gameOptions = null), false, true);
start(
    "gameOptions keys differing in case",
    (d) => void (d.gameOptions = { DeathMode: "com", deathmode: "own" }),
    true,
    false,
    "data.gameOptions.deathmode"
);
start("restrictions 0", (d) => void (d.restrictions = { armcom: 0 }), true, true);
start("restrictions 2.0 is an integer", (d) => void (d.restrictions = { armcom: raw("2.0") }), true, true);
start("restrictions negative", (d) => void (d.restrictions = { armcom: -1 }), false, false, "data.restrictions.armcom");
start("restrictions fraction", (d) => void (d.restrictions = { armcom: 1.5 }), false, false, "data.restrictions.armcom");
start("restrictions string", (d) => void (d.restrictions = { armcom: "1" }), false, false, "data.restrictions.armcom");
start("restrictions key with dot", (d) => void (d.restrictions = { "arm.com": 1 }), true, false, 'data.restrictions["arm.com"]');

start("luamsgRegexp lazy", (d) => void (d.luamsgRegexp = ".+?"), true, true);
start("luamsgRegexp named group and backreference", (d) => void (d.luamsgRegexp = "(?<n>a)\\k<n>"), true, true);
start("luamsgRegexp lookahead quantified", (d) => void (d.luamsgRegexp = "(?=a)*b"), true, true);
start("luamsgRegexp unclosed group", (d) => void (d.luamsgRegexp = "("), false, false, "data.luamsgRegexp");
start("luamsgRegexp unterminated class", (d) => void (d.luamsgRegexp = "[a-"), false, false, "data.luamsgRegexp");
start("luamsgRegexp possessive", (d) => void (d.luamsgRegexp = "a++"), false, false, "data.luamsgRegexp");
start("luamsgRegexp inline flag", (d) => void (d.luamsgRegexp = "(?i)x"), false, false, "data.luamsgRegexp");
start("luamsgRegexp atomic group", (d) => void (d.luamsgRegexp = "(?>a)"), false, false, "data.luamsgRegexp");
start("luamsgRegexp verb", (d) => void (d.luamsgRegexp = "(*UTF)a"), false, false, "data.luamsgRegexp");
start("luamsgRegexp \\Z anchor", (d) => void (d.luamsgRegexp = "a\\Z"), false, false, "data.luamsgRegexp");
start("luamsgRegexp quantified lookbehind", (d) => void (d.luamsgRegexp = "(?<=a)*b"), false, false, "data.luamsgRegexp");
start("luamsgRegexp \\Q quoting", (d) => void (d.luamsgRegexp = "\\Q("), false, false, "data.luamsgRegexp");
// ECMAScript reads "[]" as an empty class; PCRE2 does not compile it.
start("luamsgRegexp empty class", (d) => void (d.luamsgRegexp = "[]a"), true, false, "data.luamsgRegexp");
start("luamsgRegexp number", (d) => void (d.luamsgRegexp = 5), false, false, "data.luamsgRegexp");

// The large example of the spec: schema-invalid (spectators with "userId": {}), and the autohost refuses its first
// player name, which has a space.
const specExample = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "data", "start-spec-example.json"), "utf8"));
add("start: the spec's example", specExample, false, false, `${player0}.name`);
add("start: the spec's example made valid", validVariant(specExample), true, true);

// The spec's example changed as little as needed to pass the autohost's rules: unique userIds, names and passwords
// as tokens, hosts of bots that exist, safe and case-insensitively unique keys, no empty team, ordered start
// boxes, allies within range.
function validVariant(example) {
    const message = structuredClone(example);
    const data = message.data;
    let nextUserId = 1000;
    const token = (text) => text.replace(/\s/g, "_");
    const safeKeys = (object) => {
        const result = {};
        const seen = new Set();
        for (const [key, value] of Object.entries(object ?? {})) {
            let safe = key.replace(/[^A-Za-z0-9_-]/g, "_") || "key";
            while (seen.has(safe.toLowerCase())) {
                safe += "_";
            }
            seen.add(safe.toLowerCase());
            result[safe] = value;
        }
        return result;
    };
    const fixPlayer = (player, index) => {
        player.userId = String(nextUserId++);
        player.name = `${token(player.name)}_${index}`;
        player.password = token(player.password);
        if (player.customProperties) {
            player.customProperties = safeKeys(player.customProperties);
        }
    };
    let playerIndex = 0;
    for (const allyTeam of data.allyTeams) {
        for (const team of allyTeam.teams) {
            (team.players ?? []).forEach((player) => fixPlayer(player, playerIndex++));
            if (team.customProperties) {
                team.customProperties = safeKeys(team.customProperties);
            }
        }
        if (allyTeam.customProperties) {
            allyTeam.customProperties = safeKeys(allyTeam.customProperties);
        }
        const box = allyTeam.startBox;
        if (box) {
            [box.top, box.bottom] = [Math.min(box.top, box.bottom), Math.max(box.top, box.bottom)];
            [box.left, box.right] = [Math.min(box.left, box.right), Math.max(box.left, box.right)];
        }
        allyTeam.allies = (allyTeam.allies ?? []).map((ally) => Math.abs(ally) % data.allyTeams.length);
    }
    data.spectators.forEach((spectator) => fixPlayer(spectator, playerIndex++));
    const host = data.allyTeams[0].teams[0].players[0].userId;
    for (const allyTeam of data.allyTeams) {
        for (const team of allyTeam.teams) {
            if (!team.players?.length && !team.bots?.length) {
                team.bots = [{ hostUserId: host, aiShortName: "BARb" }];
            }
            for (const bot of team.bots ?? []) {
                bot.hostUserId = host;
                if (bot.aiOptions) {
                    bot.aiOptions = safeKeys(bot.aiOptions);
                }
            }
        }
    }
    data.gameOptions = safeKeys(data.gameOptions);
    data.restrictions = safeKeys(data.restrictions);
    return message;
}

// Envelope
add("start: type response", { ...request("autohost/start", startData()), type: "response" }, false, false, "type");
add("start: messageId missing", (({ messageId, ...m }) => m)(request("autohost/start", startData())), false, false, "messageId");
add("start: messageId number", { ...request("autohost/start", startData()), messageId: 7 }, false, false, "messageId");
add("start: data missing", (({ data, ...m }) => m)(request("autohost/start", startData())), false, false, "data");
add("start: data array", request("autohost/start", []), false, false, "data");
add("start: data null", request("autohost/start", null), false, false, "data");

// ---------------------------------------------------------------------------------------------------------------
// The other requests

const kill = variant("autohost/kill", () => ({ battleId }));
kill("valid", () => {}, true, true);
kill("battleId missing", (d) => void delete d.battleId, false, false, "data.battleId");
kill("battleId with a g", (d) => void (d.battleId = battleId.slice(0, -1) + "g"), false, false, "data.battleId");
kill("battleId with upper-case urn prefix", (d) => void (d.battleId = `URN:UUID:${battleId}`), true, true);
kill("battleId null", (d) => void (d.battleId = null), false, false, "data.battleId");
kill("unknown member", (d) => void (d.reason = "stop"), true, true);
add("kill: data missing", (({ data, ...m }) => m)(request("autohost/kill", {})), false, false, "data");

const addPlayer = variant("autohost/addPlayer", () => ({ battleId, userId: "351", name: "Dave", password: "pw-d" }));
addPlayer("valid", () => {}, true, true);
addPlayer("battleId missing", (d) => void delete d.battleId, false, false, "data.battleId");
addPlayer("userId missing", (d) => void delete d.userId, false, false, "data.userId");
addPlayer("name missing", (d) => void delete d.name, false, false, "data.name");
addPlayer("password missing", (d) => void delete d.password, false, false, "data.password");
addPlayer("userId number", (d) => void (d.userId = 351), false, false, "data.userId");
addPlayer("password number", (d) => void (d.password = 5), false, false, "data.password");
addPlayer("userId empty", (d) => void (d.userId = ""), true, false, "data.userId");
addPlayer("name with space", (d) => void (d.name = "Da ve"), true, false, "data.name");
addPlayer("name with //", (d) => void (d.name = "Da//ve"), true, false, "data.name");
addPlayer("name empty", (d) => void (d.name = ""), true, false, "data.name");
addPlayer("password with newline", (d) => void (d.password = "pw\n/kill"), true, false, "data.password");
addPlayer("password with tab", (d) => void (d.password = "pw\tx"), true, false, "data.password");

const kickPlayer = variant("autohost/kickPlayer", () => ({ battleId, userId: "351" }));
kickPlayer("valid", () => {}, true, true);
kickPlayer("userId missing", (d) => void delete d.userId, false, false, "data.userId");
kickPlayer("userId number", (d) => void (d.userId = 351), false, false, "data.userId");
kickPlayer("userId with ;", (d) => void (d.userId = "35;1"), true, false, "data.userId");
kickPlayer("battleId empty", (d) => void (d.battleId = ""), false, false, "data.battleId");

const mutePlayer = variant("autohost/mutePlayer", () => ({ battleId, userId: "351", chat: true, draw: false }));
mutePlayer("valid", () => {}, true, true);
mutePlayer("chat missing", (d) => void delete d.chat, false, false, "data.chat");
mutePlayer("draw missing", (d) => void delete d.draw, false, false, "data.draw");
mutePlayer("draw string", (d) => void (d.draw = "false"), false, false, "data.draw");
mutePlayer("chat number", (d) => void (d.chat = 1), false, false, "data.chat");
mutePlayer("draw null", (d) => void (d.draw = null), false, false, "data.draw");
mutePlayer("userId missing", (d) => void delete d.userId, false, false, "data.userId");

const specPlayers = variant("autohost/specPlayers", () => ({ battleId, userIds: ["351", "352"] }));
specPlayers("valid", () => {}, true, true);
specPlayers("empty list", (d) => void (d.userIds = []), true, true);
specPlayers("userIds missing", (d) => void delete d.userIds, false, false, "data.userIds");
specPlayers("userIds string", (d) => void (d.userIds = "351"), false, false, "data.userIds");
specPlayers("userId number", (d) => void (d.userIds = ["351", 352]), false, false, "data.userIds[1]");
specPlayers("userId empty", (d) => void (d.userIds = ["351", ""]), true, false, "data.userIds[1]");
specPlayers("battleId missing", (d) => void delete d.battleId, false, false, "data.battleId");

const sendMessage = variant("autohost/sendMessage", () => ({ battleId, message: "Game starts in 10 s" }));
sendMessage("valid", () => {}, true, true);
sendMessage("empty", (d) => void (d.message = ""), true, true);
sendMessage("starts with a slash", (d) => void (d.message = "/kill"), true, true);
sendMessage("127 ASCII characters", (d) => void (d.message = "a".repeat(127)), true, true);
sendMessage("128 ASCII characters", (d) => void (d.message = "a".repeat(128)), false, false, "data.message");
sendMessage("127 two-byte characters", (d) => void (d.message = "é".repeat(127)), true, true);
sendMessage("128 two-byte characters", (d) => void (d.message = "é".repeat(128)), false, false, "data.message");
sendMessage("127 characters outside the BMP", (d) => void (d.message = "😀".repeat(127)), true, true);
sendMessage("128 characters outside the BMP", (d) => void (d.message = "😀".repeat(128)), false, false, "data.message");
sendMessage("newline", (d) => void (d.message = "a\n/kill"), true, false, "data.message");
sendMessage("carriage return", (d) => void (d.message = "a\rb"), true, false, "data.message");
sendMessage("NUL", (d) => void (d.message = "a\u0000b"), true, false, "data.message");
sendMessage("bell", (d) => void (d.message = "a\u0007b"), true, false, "data.message");
sendMessage("tab", (d) => void (d.message = "a\tb"), true, false, "data.message");
sendMessage("message missing", (d) => void delete d.message, false, false, "data.message");
sendMessage("message number", (d) => void (d.message = 5), false, false, "data.message");

const sendCommand = variant("autohost/sendCommand", () => ({ battleId, command: "forcestart" }));
sendCommand("valid without arguments", () => {}, true, true);
sendCommand("valid with arguments", (d) => void Object.assign(d, { command: "setmaxspeed", arguments: ["3"] }), true, true);
sendCommand("last argument with spaces", (d) => void (d.arguments = ["a", "b c"]), true, true);
sendCommand("arguments empty", (d) => void (d.arguments = []), true, true);
sendCommand("command missing", (d) => void delete d.command, false, false, "data.command");
sendCommand("command number", (d) => void (d.command = 5), false, false, "data.command");
sendCommand("command upper case", (d) => void (d.command = "Kill"), true, false, "data.command");
sendCommand("command empty", (d) => void (d.command = ""), true, false, "data.command");
sendCommand("command with space", (d) => void (d.command = "kick user"), true, false, "data.command");
sendCommand("command adduser", (d) => void Object.assign(d, { command: "adduser", arguments: ["x", "y"] }), true, false, "data.command");
sendCommand("argument with white space before the last", (d) => void (d.arguments = ["a b", "c"]), true, false, "data.arguments[0]");
sendCommand("argument with //", (d) => void (d.arguments = ["//x"]), true, false, "data.arguments[0]");
sendCommand("argument empty", (d) => void (d.arguments = ["a", ""]), true, false, "data.arguments[1]");
sendCommand("argument with newline", (d) => void (d.arguments = ["a\n/kill"]), true, false, "data.arguments[0]");
sendCommand("argument with NUL", (d) => void (d.arguments = ["a\u0000"]), true, false, "data.arguments[0]");
sendCommand("last argument with tab", (d) => void (d.arguments = ["a", "b\tc"]), true, false, "data.arguments[1]");
sendCommand("arguments string", (d) => void (d.arguments = "x"), false, false, "data.arguments");
sendCommand("argument number", (d) => void (d.arguments = [5]), false, false, "data.arguments[0]");

const subscribeUpdates = variant("autohost/subscribeUpdates", () => ({ since: 1705432698000000 }));
subscribeUpdates("valid", () => {}, true, true);
subscribeUpdates("since 0", (d) => void (d.since = 0), true, true);
subscribeUpdates("since negative", (d) => void (d.since = -5), true, true);
subscribeUpdates("since 3.0 is an integer", (d) => void (d.since = raw("1705432698000000.0")), true, true);
subscribeUpdates("since fraction", (d) => void (d.since = 1.5), false, false, "data.since");
subscribeUpdates("since string", (d) => void (d.since = "1705432698000000"), false, false, "data.since");
subscribeUpdates("since missing", (d) => void delete d.since, false, false, "data.since");
subscribeUpdates("since null", (d) => void (d.since = null), false, false, "data.since");
subscribeUpdates("since beyond 64 bits", (d) => void (d.since = raw("10000000000000000000")), true, false, "data.since");

const installEngine = variant("autohost/installEngine", () => ({ version: "2025.01.5" }));
installEngine("valid", () => {}, true, true);
installEngine("with git hash and space", (d) => void (d.version = "105.1.1-2590-gb9462a0 BAR105"), true, true);
installEngine("version missing", (d) => void delete d.version, false, false, "data.version");
installEngine("version number", (d) => void (d.version = 2025), false, false, "data.version");
installEngine("version with a path", (d) => void (d.version = "../../bin"), true, false, "data.version");
installEngine("version ..", (d) => void (d.version = ".."), true, false, "data.version");
installEngine("version empty", (d) => void (d.version = ""), true, false, "data.version");
installEngine("version leading space", (d) => void (d.version = " 2025.01.5"), true, false, "data.version");
installEngine("version with backslash", (d) => void (d.version = "a\\b"), true, false, "data.version");

const output = process.argv[2] ?? path.join(__dirname, "..", "data", "requests.json");
const text = "[\n" + cases.map((c) => "  " + JSON.stringify(c)).join(",\n") + "\n]\n";
fs.writeFileSync(output, text.replace(/"@raw:([^@"]*)@"/g, "$1"));
console.log(`${cases.length} cases written to ${output}`);
