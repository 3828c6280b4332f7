#!/usr/bin/env node
// Extracts the command JSON Schemas from the Tachyon protocol documentation (the markdown rendering of the
// tachyon repository's docs, where every schema follows a "JSONSchema" line) into
// <out>/<service>/<endpoint>/<type>.json, unchanged apart from the "$schema" and "$id" members that the
// upstream schema files carry. The service, endpoint and type come from each schema's commandId and type consts.
// Usage: node scripts/extract-schemas.js <out-dir> <spec.md>...
"use strict";
const fs = require("fs");
const path = require("path");

// The JSON object that starts at text[start] ('{'), found by matching braces outside strings.
function objectAt(text, start) {
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; ++i) {
        const c = text[i];
        if (inString) {
            if (c === "\\") {
                ++i;
            } else if (c === '"') {
                inString = false;
            }
        } else if (c === '"') {
            inString = true;
        } else if (c === "{") {
            ++depth;
        } else if (c === "}" && --depth === 0) {
            return JSON.parse(text.slice(start, i + 1));
        }
    }
    throw new Error(`unterminated JSON object at offset ${start}`);
}

// The const of a property in the schema itself or, for responses, in its first anyOf branch.
function constOf(schema, property) {
    const owner = schema.properties ? schema : schema.anyOf[0];
    return owner.properties[property].const;
}

const [outDir, ...specFiles] = process.argv.slice(2);
if (!outDir || specFiles.length === 0) {
    console.error("usage: extract-schemas.js <out-dir> <spec.md>...");
    process.exit(2);
}
let count = 0;
for (const file of specFiles) {
    const text = fs.readFileSync(file, "utf8");
    const marker = /^\s*JSONSchema\s*$/gm;
    let match;
    while ((match = marker.exec(text)) !== null) {
        const schema = objectAt(text, text.indexOf("{", match.index));
        const [service, endpoint] = constOf(schema, "commandId").split("/");
        const type = constOf(schema, "type");
        const id = `https://schema.beyondallreason.dev/tachyon/${service}/${endpoint}/${type}.json`;
        const output = { $schema: "http://json-schema.org/draft-07/schema#", $id: id, ...schema };
        const target = path.join(outDir, service, endpoint, `${type}.json`);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, JSON.stringify(output, null, 4) + "\n");
        ++count;
    }
}
console.log(`${count} schemas written to ${outDir}`);
