// Exposition oracle: reads Prometheus text (format 0.0.4) on stdin with the parse-prometheus-text-format
// package and prints what it read as one JSON object:
//   families: the parser's families as it returns them (name, help, type, metrics);
//   samples:  every sample line as {name, labels, value}, from a second parse of the same text without its
//             TYPE lines. The parser keeps only one series of a labelled histogram (it merges them all into
//             one bucket map and drops their _sum and _count), so the series are checked this way.
// Exit code: 0 when parsed, 1 when the parser rejects the text (its message on stderr).
"use strict";
const parse = require("parse-prometheus-text-format");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
    input += chunk;
});
process.stdin.on("end", () => {
    let families;
    let untyped;
    try {
        families = parse(input);
        untyped = parse(input.split("\n").filter((line) => !line.trim().startsWith("# TYPE ")).join("\n"));
    } catch (error) {
        process.stderr.write(`${error.message}\n`);
        process.exit(1);
    }
    const samples = [];
    for (const family of untyped) {
        for (const metric of family.metrics) {
            samples.push({ name: family.name, labels: metric.labels || {}, value: metric.value });
        }
    }
    process.stdout.write(JSON.stringify({ families, samples }));
});
