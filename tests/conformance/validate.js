// Conformance oracle: checks Tachyon messages with the official tachyon-protocol validators.
// Input: one JSON message per line on stdin. Output: one line per message, "VALID" or "INVALID <errors>".
// Exit code: 0 when every message is valid, 1 when any is invalid, 2 when a message has no validator.
"use strict";
const { validator } = require("tachyon-protocol/validators");
const readline = require("readline");

let exitCode = 0;
const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on("line", (line) => {
    if (line.trim() === "") {
        return;
    }
    let message;
    try {
        message = JSON.parse(line);
    } catch (error) {
        console.log(`INVALID not JSON: ${error.message}`);
        exitCode = Math.max(exitCode, 1);
        return;
    }
    const validate = validator[message.commandId]?.[message.type];
    if (!validate) {
        console.log(`NOVALIDATOR ${message.commandId} ${message.type}`);
        exitCode = 2;
        return;
    }
    if (validate(message)) {
        console.log("VALID");
    } else {
        console.log(`INVALID ${JSON.stringify(validate.errors)}`);
        exitCode = Math.max(exitCode, 1);
    }
});
lines.on("close", () => process.exit(exitCode));
