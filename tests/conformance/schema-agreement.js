// Proves three things, and exits 1 listing every disagreement otherwise:
// 1. For every case of the request table, the official validators of the tachyon-protocol package and our
//    schemas/ files (compiled with ajv + ajv-formats) both give the verdict the table states as schemaValid.
// 2. RequestDecoder never accepts what the schemas refuse: a case with accepted === true is schemaValid, or its only
//    schema problem is a null on an optional member (which the decoder reads as absent; Teiserver sends bot
//    "name": null): with every null member removed it is valid for both validators.
// 3. Our response and event schemas judge sample messages exactly like the official validators.
// Usage: node schema-agreement.js <schemas dir> <requests.json>
"use strict";
const fs = require("fs");
const path = require("path");

function load(moduleName) {
    try {
        return require(moduleName);
    } catch (error) {
        console.error(`Cannot load ${moduleName} (${error.code ?? error.message}).`);
        console.error(`Run \`npm ci\` in ${__dirname} (scripts/install-deps.sh --tests does that).`);
        process.exit(1);
    }
}

const { validator: official } = load("tachyon-protocol/validators");
const Ajv = load("ajv");
const addFormats = load("ajv-formats");

const [schemaDir, casesFile] = process.argv.slice(2);
if (!schemaDir || !casesFile) {
    console.error("usage: schema-agreement.js <schemas dir> <requests.json>");
    process.exit(2);
}

function schemaFiles(dir) {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            return schemaFiles(file);
        }
        return entry.name.endsWith(".json") ? [file] : [];
    });
}

// Every file is registered under its $id, so the relative $refs ("../../definitions/userId.json") resolve.
// strict: false makes ajv ignore the custom "tachyon" keyword.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const files = schemaFiles(schemaDir);
for (const file of files) {
    ajv.addSchema(JSON.parse(fs.readFileSync(file, "utf8")));
}

const problems = [];
const idOf = (commandId, type) => `https://schema.beyondallreason.dev/tachyon/${commandId}/${type}.json`;

function ours(commandId, type) {
    const validate = ajv.getSchema(idOf(commandId, type));
    if (!validate) {
        throw new Error(`schemas/ has no ${commandId}/${type}.json`);
    }
    return validate;
}

// The verdicts of both validators on one message, recorded as problems when they differ from the expectation.
function judge(label, message, type, expected) {
    const officialValidate = official[message.commandId]?.[type];
    if (!officialValidate) {
        problems.push(`${label}: the tachyon-protocol package has no validator for ${message.commandId} ${type}`);
        return;
    }
    const ourValidate = ours(message.commandId, type);
    for (const [who, validate] of [
        ["official validator", officialValidate],
        ["schemas/", ourValidate],
    ]) {
        const valid = validate(message);
        if (valid !== expected) {
            const why = valid ? "" : ` ${ajv.errorsText(validate.errors)}`;
            problems.push(`${label}: ${who} says ${valid ? "valid" : "invalid"}, expected ${expected ? "valid" : "invalid"}.${why}`);
        }
    }
}

function withoutNulls(value) {
    if (Array.isArray(value)) {
        return value.map(withoutNulls);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(
            Object.entries(value)
                .filter(([, member]) => member !== null)
                .map(([key, member]) => [key, withoutNulls(member)])
        );
    }
    return value;
}

// 1 and 2: the request table.
const cases = JSON.parse(fs.readFileSync(casesFile, "utf8"));
const commands = new Set();
for (const c of cases) {
    commands.add(c.message.commandId);
    judge(`case "${c.name}"`, c.message, "request", c.schemaValid);
    if (c.accepted !== (c.errorPath === null)) {
        problems.push(`case "${c.name}": accepted cases have errorPath null, refused ones a path`);
    }
    if (c.accepted && !c.schemaValid) {
        const stripped = withoutNulls(c.message);
        const valid = [official[c.message.commandId].request, ours(c.message.commandId, "request")].every((validate) =>
            validate(stripped)
        );
        if (!valid || JSON.stringify(stripped) === JSON.stringify(c.message)) {
            problems.push(`case "${c.name}": accepted although the schema refuses it (not only because of a null)`);
        }
    }
}
const requestCommands = [
    "addPlayer",
    "installEngine",
    "kickPlayer",
    "kill",
    "mutePlayer",
    "sendCommand",
    "sendMessage",
    "specPlayers",
    "start",
    "subscribeUpdates",
].map((name) => `autohost/${name}`);
for (const command of requestCommands) {
    if (!commands.has(command)) {
        problems.push(`the table has no case for ${command}`);
    }
}

// 3: responses and events.
const battleId = "75bfc493-2b9d-495d-a453-06722fdca2ea";
const genericReasons = ["internal_error", "unauthorized", "invalid_request", "command_unimplemented"];
const response = (commandId, rest) => ({ type: "response", messageId: "m-1", commandId, ...rest });
const event = (commandId, data) => ({ type: "event", messageId: "e-1", commandId, data });
const samples = [];
const sample = (label, message, valid) => samples.push({ label, message, valid });

for (const commandId of [...requestCommands, "system/disconnect", "system/serverStats"]) {
    const successData = commandId === "autohost/start" ? { data: { ips: ["127.0.0.1"], port: 8452 } } : {};
    if (commandId === "system/serverStats") {
        successData.data = { userCount: 12 };
    }
    sample(`${commandId} success`, response(commandId, { status: "success", ...successData }), true);
    sample(`${commandId} status ok`, response(commandId, { status: "ok", ...successData }), false);
    for (const reason of genericReasons) {
        sample(`${commandId} failed ${reason}`, response(commandId, { status: "failed", reason, details: "x" }), true);
    }
    sample(`${commandId} failed without reason`, response(commandId, { status: "failed" }), false);
    sample(`${commandId} failed bogus reason`, response(commandId, { status: "failed", reason: "bogus" }), false);
    sample(
        `${commandId} failed battle_already_exists`,
        response(commandId, { status: "failed", reason: "battle_already_exists" }),
        commandId === "autohost/start"
    );
    sample(`${commandId} details number`, response(commandId, { status: "failed", reason: "internal_error", details: 1 }), false);
}
const startSuccess = (data) => response("autohost/start", { status: "success", data });
sample("start port 1024", startSuccess({ ips: ["127.0.0.1", "::1"], port: 1024 }), true);
sample("start port 65535", startSuccess({ ips: [], port: 65535 }), true);
sample("start port 80", startSuccess({ ips: ["127.0.0.1"], port: 80 }), false);
sample("start port 1023", startSuccess({ ips: ["127.0.0.1"], port: 1023 }), false);
sample("start port 65536", startSuccess({ ips: ["127.0.0.1"], port: 65536 }), false);
sample("start port 8452.5", startSuccess({ ips: ["127.0.0.1"], port: 8452.5 }), false);
sample("start ipv6", startSuccess({ ips: ["2001:db8::1", "fe80::1"], port: 8452 }), true);
sample("start ip out of range", startSuccess({ ips: ["300.1.1.1"], port: 8452 }), false);
sample("start host name", startSuccess({ ips: ["localhost"], port: 8452 }), false);
sample("start without ips", startSuccess({ port: 8452 }), false);
sample("start success without data", response("autohost/start", { status: "success" }), false);
sample("start engine_version_not_available", response("autohost/start", { status: "failed", reason: "engine_version_not_available" }), true);
sample("serverStats success without data", response("system/serverStats", { status: "success" }), false);

const status = (data) => event("autohost/status", data);
sample("status", status({ maxBattles: 1, currentBattles: 0, availableEngines: [] }), true);
sample("status draining", status({ maxBattles: 0, currentBattles: 3, availableEngines: ["2025.01.5"] }), true);
sample("status with region", status({ maxBattles: 1, currentBattles: 0, availableEngines: [], region: "eu" }), true);
sample("status maxBattles -1", status({ maxBattles: -1, currentBattles: 0, availableEngines: [] }), false);
sample("status currentBattles 1.5", status({ maxBattles: 2, currentBattles: 1.5, availableEngines: [] }), false);
sample("status without availableEngines", status({ maxBattles: 1, currentBattles: 0 }), false);
sample("status engine number", status({ maxBattles: 1, currentBattles: 0, availableEngines: [2025] }), false);
sample("status without data", { type: "event", messageId: "e-1", commandId: "autohost/status" }, false);

const update = (u, rest = {}) => event("autohost/update", { battleId, time: 1705432698000001, update: u, ...rest });
sample("update start", update({ type: "start" }), true);
sample("update finished", update({ type: "finished", userId: "351", winningAllyTeams: [0] }), true);
sample("update finished without winners", update({ type: "finished", userId: "351", winningAllyTeams: [] }), false);
sample("update engine_message", update({ type: "engine_message", message: "hi" }), true);
sample("update engine_warning", update({ type: "engine_warning", message: "desync" }), true);
sample("update engine_warning without message", update({ type: "engine_warning" }), false);
sample("update engine_quit", update({ type: "engine_quit" }), true);
sample("update engine_crash with details", update({ type: "engine_crash", details: "signal 11" }), true);
sample("update player_joined", update({ type: "player_joined", userId: "351", playerNumber: 2 }), true);
sample("update player_joined fraction", update({ type: "player_joined", userId: "351", playerNumber: 2.5 }), false);
for (const reason of ["lost_connection", "left", "kicked"]) {
    sample(`update player_left ${reason}`, update({ type: "player_left", userId: "351", reason }), true);
}
sample("update player_left banned", update({ type: "player_left", userId: "351", reason: "banned" }), false);
sample("update player_chat all", update({ type: "player_chat", userId: "351", message: "gg", destination: "all" }), true);
sample(
    "update player_chat to player",
    update({ type: "player_chat", userId: "351", message: "hi", destination: "player", toUserId: "352" }),
    true
);
sample(
    "update player_chat to player without toUserId",
    update({ type: "player_chat", userId: "351", message: "hi", destination: "player" }),
    false
);
sample("update player_defeated", update({ type: "player_defeated", userId: "351" }), true);
sample("update luamsg", update({ type: "luamsg", userId: "351", script: "ui", uiMode: "all", data: "aGk=" }), true);
for (const script of ["game", "rules"]) {
    sample(`update luamsg from ${script}`, update({ type: "luamsg", userId: "351", script, data: "aGk=" }), true);
}
sample("update luamsg script lobby", update({ type: "luamsg", userId: "351", script: "lobby", data: "aGk=" }), false);
sample("update unknown type", update({ type: "paused" }), false);
sample("update battleId not a uuid", update({ type: "start" }, { battleId: "b1" }), false);
sample("update time fraction", update({ type: "start" }, { time: 1.5 }), false);
sample("update without time", event("autohost/update", { battleId, update: { type: "start" } }), false);

const disconnect = { type: "request", messageId: "m-2", commandId: "system/disconnect" };
sample("disconnect without data", disconnect, true);
sample("disconnect with reason", { ...disconnect, data: { reason: "shutting down" } }, true);
sample("disconnect with empty data", { ...disconnect, data: {} }, false);
sample("serverStats request", { type: "request", messageId: "m-3", commandId: "system/serverStats" }, true);
sample("serverStats request without messageId", { type: "request", commandId: "system/serverStats" }, false);

const covered = new Set();
for (const s of samples) {
    judge(`sample "${s.label}"`, s.message, s.message.type, s.valid);
    covered.add(`${s.message.commandId}/${s.message.type}`);
}
for (const file of files) {
    const { $id } = JSON.parse(fs.readFileSync(file, "utf8"));
    const match = /tachyon\/((?:autohost|system)\/[^/]+)\/(request|response|event)\.json$/.exec($id);
    if (match && match[2] !== "request" && !covered.has(`${match[1]}/${match[2]}`)) {
        problems.push(`${file}: no sample message checks it`);
    }
}

// 4. Beyond the hand-written expectations: variants of every valid message (each member removed or replaced by
// values of other types, boundary numbers, long strings, every enum and const word of the schemas) must get the
// same verdict from our schemas/ as from the official validators.
const words = new Set();
(function collectWords(node) {
    if (Array.isArray(node)) {
        node.forEach(collectWords);
    } else if (node !== null && typeof node === "object") {
        for (const [key, value] of Object.entries(node)) {
            if (key === "const" && typeof value === "string") {
                words.add(value);
            } else if (key === "enum") {
                value.filter((word) => typeof word === "string").forEach((word) => words.add(word));
            }
            collectWords(value);
        }
    }
})(files.map((file) => JSON.parse(fs.readFileSync(file, "utf8"))));
const replacements = [
    null, true, false, [], {}, [5], ["x"], [{}], { a: 5 }, { a: "x" },
    0, 1, -1, -1.0005, 0.5, 1.5, -1.5, 0.9995, 1.0005, -0.0005, 1023, 1024, 65535, 65536, 2 ** 53, -(2 ** 53),
    "", "x", "5", battleId, battleId.toUpperCase(), `urn:uuid:${battleId}`, battleId.slice(1),
    "127.0.0.1", "300.1.1.1", "::1", "2001:db8::1", "localhost", "(", ".+?", "a\\Z", "2025.01.5", "1/2",
    "0".repeat(128), "0".repeat(127), "a".repeat(127), "a".repeat(128), "😀".repeat(127), "😀".repeat(128),
    ...words,
];

// Every member of a message (object keys and array indices), as key paths.
function memberPaths(value, at = []) {
    if (value === null || typeof value !== "object") {
        return [];
    }
    return Object.keys(value).flatMap((key) => [[...at, key], ...memberPaths(value[key], [...at, key])]);
}

function edited(message, at, edit) {
    const copy = structuredClone(message);
    let parent = copy;
    at.slice(0, -1).forEach((key) => (parent = parent[key]));
    edit(parent, at[at.length - 1]);
    return copy;
}

function* derived(message) {
    for (const replacement of replacements) {
        yield { label: `the message replaced by ${JSON.stringify(replacement)}`, message: replacement };
    }
    for (const at of memberPaths(message)) {
        const where = at.join("/");
        const remove = (parent, key) => (Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key]);
        yield { label: `${where} removed`, message: edited(message, at, remove) };
        const value = at.reduce((parent, key) => parent[key], message);
        const nearby = typeof value === "number" ? [-1, -0.0005, 0.0005, 1].map((delta) => value + delta) : [];
        for (const replacement of [...replacements, ...nearby]) {
            const replace = (parent, key) => (parent[key] = replacement);
            yield { label: `${where} = ${JSON.stringify(replacement)}`, message: edited(message, at, replace) };
        }
    }
}

let derivedCount = 0;
const derivedProblems = [];
// Per command, message type, response status and update kind, the valid message with the most members (all of them would
// take long and add little).
const richest = new Map();
for (const candidate of [
    ...cases.filter((c) => c.schemaValid).map((c) => ({ label: `case "${c.name}"`, message: c.message, type: "request" })),
    ...samples.filter((s) => s.valid).map((s) => ({ label: `sample "${s.label}"`, message: s.message, type: s.message.type })),
]) {
    const size = memberPaths(candidate.message).length;
    const update = candidate.message.data?.update;
    const group = [candidate.message.commandId, candidate.type, candidate.message.status, update?.type, update?.destination].join(" ");
    if (size <= 300 && size > (richest.get(group)?.size ?? -1)) {
        richest.set(group, { ...candidate, size });
    }
}
const validMessages = [...richest.values()];
for (const { label, message, type } of validMessages) {
    const officialValidate = official[message.commandId][type];
    const ourValidate = ours(message.commandId, type);
    for (const variant of derived(message)) {
        ++derivedCount;
        const expected = officialValidate(variant.message);
        if (ourValidate(variant.message) !== expected) {
            const verdict = (valid) => (valid ? "valid" : "invalid");
            derivedProblems.push(
                `${label} with ${variant.label}: schemas/ says ${verdict(!expected)}, the official validator ${verdict(expected)}`
            );
        }
    }
}
problems.push(...derivedProblems.slice(0, 50));
if (derivedProblems.length > 50) {
    problems.push(`… and ${derivedProblems.length - 50} more variants where schemas/ and the official validator differ`);
}

if (problems.length > 0) {
    console.error(problems.join("\n"));
    console.error(`${problems.length} disagreement(s).`);
    process.exit(1);
}
console.log(
    `${cases.length} request cases, ${samples.length} response/event samples and ${derivedCount} variants of the valid ones agree with the official validators.`
);
