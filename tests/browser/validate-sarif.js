#!/usr/bin/env node
// SPDX-License-Identifier: GPL-2.0-only
/*
 * validate-sarif.js - lockpath's SARIF against the SARIF 2.1.0 JSON schema.
 *
 *   node validate-sarif.js OUT FILE.sarif...
 *
 * The schema is the OASIS SARIF 2.1.0 schema (revision rtm.5, JSON Schema
 * draft-04) as shipped in the npm package @microsoft/jest-sarif, validated
 * with Ajv's draft-04 class; nothing is hand-written.  Ajv's unicode regexps
 * are off because one of the schema's own patterns (a language tag) is not a
 * valid unicode-mode regexp.  A broken log must fail too, so that a
 * validator that accepts everything cannot pass this test.  OUT holds
 * node_modules.path (setup.sh).
 */
'use strict';
const fs = require('fs');
const path = require('path');

const [out, ...files] = process.argv.slice(2);
if (!out || !files.length) {
	console.error('usage: validate-sarif.js OUT FILE.sarif...');
	process.exit(2);
}
const modules = fs.readFileSync(path.join(out, 'node_modules.path'), 'utf8').trim();
const need = (name) => require(require.resolve(name, { paths: [modules] }));

const Ajv = need('ajv-draft-04');
const addFormats = need('ajv-formats');
const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', { paths: [modules] });
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);
console.log(`schema: ${schema.title}`);

let failed = 0, passed = 0;
function check(name, doc, wantValid) {
	const ok = validate(doc);
	if (ok === wantValid) {
		passed++;
		console.log(`ok: ${name}${wantValid ? ' is valid SARIF 2.1.0' : ' is rejected, as it should be'}`);
		return;
	}
	failed++;
	console.log(`FAIL: ${name}: ${wantValid ? 'not valid' : 'accepted, but it is broken'}`);
	for (const e of validate.errors || [])
		console.log(`  ${e.instancePath || '/'}: ${e.message} (${e.schemaPath})`);
}

for (const f of files) {
	const doc = JSON.parse(fs.readFileSync(f, 'utf8'));
	check(path.relative(out, f), doc, true);
	if (doc.version !== '2.1.0' || !Array.isArray(doc.runs) || doc.runs.length !== 1) {
		failed++;
		console.log(`FAIL: ${f}: expected version 2.1.0 and one run`);
	}
}

/* The negative controls: the first log with a wrong type, a missing
 * required property and an unknown property. */
const base = JSON.parse(fs.readFileSync(files[0], 'utf8'));
const broken = [
	['driver name that is not a string', (d) => { d.runs[0].tool.driver.name = 1; }],
	['run without a tool', (d) => { delete d.runs[0].tool; }],
	['unknown top-level property', (d) => { d.lockpath = true; }],
];
for (const [name, breakIt] of broken) {
	const d = JSON.parse(JSON.stringify(base));
	breakIt(d);
	check(name, d, false);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
