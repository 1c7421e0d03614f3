#!/usr/bin/env node
// SPDX-License-Identifier: GPL-2.0-only
/*
 * report.test.js - lockpath's HTML report in a real browser: Debian's
 * headless chromium, driven by playwright-core, opens the report that
 * setup.sh wrote for the 2019 balloon on ccw and pci, from file://.
 *
 *   node report.test.js OUT SHOTS
 *
 * Expectations come from the SARIF of the same run (the number of findings,
 * each finding's path) and from the seed bug (DESIGN.md section 1): the
 * table has one row per finding and filters; the transport matrix says
 * deadlock on ccw and safe on pci for virtballoon_changed; the seed
 * finding's page shows every hop of its path and the alias proof
 * 'cdev->ccwlock = sch->lock'; the combined report of the ccw tree and the
 * pci + mmio tree has one matrix, ccw a deadlock, mmio and pci safe.  The
 * page may load nothing from the network
 * and may throw no script error.  Screenshots go to SHOTS, or to
 * $LOCKPATH_SCREENSHOTS when set (docs/img/ to refresh the README's).
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const assert = require('assert/strict');

const [outArg, shotsArg] = process.argv.slice(2);
if (!outArg || !shotsArg) {
	console.error('usage: report.test.js OUT SHOTS');
	process.exit(2);
}
const out = path.resolve(outArg);
const shots = path.resolve(process.env.LOCKPATH_SCREENSHOTS || shotsArg);
const modules = fs.readFileSync(path.join(out, 'node_modules.path'), 'utf8').trim();
const { chromium } = require(require.resolve('playwright-core', { paths: [modules] }));

const run = path.join(out, 'virtio-2019');
const index = 'file://' + path.join(run, 'html', 'index.html');
const sarif = JSON.parse(fs.readFileSync(path.join(run, 'report.sarif'), 'utf8'));
const results = sarif.runs[0].results;

/* The seed: DESIGN.md section 1, entry first. */
const SEED_PATH = ['do_cio_interrupt', 'io_subchannel_irq', 'dev_fsm_event', 'ccw_device_irq',
	'virtio_ccw_int_handler', 'virtio_config_changed', '__virtio_config_changed', 'virtballoon_changed',
	'virtio_ccw_get_config', 'ccw_io_helper'];
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync'];

/* The functions of a SARIF codeFlow (one per witness path), from its
 * messages ('F calls G ...'); allFunctions: of every path. */
function flowFunctions(result, flow = 0) {
	return result.codeFlows[flow].threadFlows[0].locations.map((l) => l.location.message.text.split(' ')[0]);
}
function allFunctions(result) {
	return result.codeFlows.flatMap((c, i) => flowFunctions(result, i));
}

let passed = 0, failed = 0;
async function step(name, fn) {
	try {
		await fn();
		passed++;
		console.log(`ok: ${name}`);
	} catch (e) {
		failed++;
		console.log(`FAIL: ${name}\n  ${String(e.message || e).split('\n').join('\n  ')}`);
	}
}

async function visibleRows(page) {
	return page.locator('#findings-table tbody tr:visible').count();
}

async function indexChecks(page) {
	await step('the table has one row per finding of the SARIF', async () => {
		assert.ok(results.length > 0, 'the corpus run has findings');
		assert.equal(await page.locator('#findings-table tbody tr').count(), results.length);
		assert.equal(await visibleRows(page), results.length);
		assert.equal((await page.locator('#finding-count').textContent()).trim(), String(results.length));
		assert.equal((await page.locator('#shown').textContent()).trim(), `${results.length} of ${results.length}`);
	});
	await step('the run information names the translation units', async () => {
		const compdb = JSON.parse(fs.readFileSync(path.join(run, 'compile_commands.json'), 'utf8'));
		assert.equal((await page.locator('#tu-count').textContent()).trim(), String(compdb.length));
		assert.ok(await page.locator('#run').getByText('compile database').isVisible());
	});
	await step('filtering by text and by rule narrows the table', async () => {
		const filter = page.locator('#filter');
		// a function on the paths of some findings but not all, taken from the SARIF
		const names = [...new Set(results.flatMap(allFunctions))].sort();
		const word = names.find((n) => {
			const k = results.filter((r) => allFunctions(r).includes(n)).length;
			return k > 0 && k < results.length;
		});
		assert.ok(word, 'some function is on the paths of some findings, not all');
		const byText = results.filter((r) => allFunctions(r).includes(word)).length;
		await filter.fill(word);
		assert.equal(await visibleRows(page), byText);
		assert.equal((await page.locator('#shown').textContent()).trim(), `${byText} of ${results.length}`);
		await filter.fill('no_such_function_anywhere');
		assert.equal(await visibleRows(page), 0);
		await filter.fill('');
		await page.locator('#rule-filter').selectOption('recursive-lock');
		const recursive = results.filter((r) => r.ruleId === 'recursive-lock').length;
		assert.ok(recursive >= 1, 'the seed is a recursive-lock finding');
		assert.equal(await visibleRows(page), recursive);
		for (const rule of await page.locator('#findings-table tbody tr:visible .rule').allTextContents())
			assert.equal(rule, 'recursive-lock');
		await page.locator('#rule-filter').selectOption('');
		assert.equal(await visibleRows(page), results.length);
	});
	await step('sorting by rule orders the rows', async () => {
		await page.locator('#findings-table th', { hasText: 'rule' }).click();
		const rules = await page.locator('#findings-table tbody tr .rule').allTextContents();
		assert.deepEqual(rules, [...rules].sort());
		await page.locator('#findings-table th', { hasText: '#' }).click();
	});
	await step('the matrix: the 2019 balloon deadlocks on ccw and is safe on pci', async () => {
		const row = page.locator('table.matrix tr[data-callback="virtballoon_changed"]');
		assert.equal(await row.count(), 1);
		const ccw = row.locator('td[data-transport="ccw"]');
		const pci = row.locator('td[data-transport="pci"]');
		assert.equal(await ccw.getAttribute('data-status'), 'deadlock');
		assert.equal(await pci.getAttribute('data-status'), 'safe');
		assert.ok(await ccw.isVisible() && await pci.isVisible());
		assert.match(await ccw.locator('.st').textContent(), /deadlock/i);
		assert.match(await pci.locator('.st').textContent(), /safe/i);
		assert.ok(await ccw.locator('a', { hasText: '#' }).count() >= 1, 'the ccw cell links to its finding');
	});
}

/* The seed finding: recursive-lock from do_cio_interrupt through the balloon. */
function seedResult() {
	const seeds = results.filter((r) => r.ruleId === 'recursive-lock' && r.properties.entry === 'do_cio_interrupt' &&
		flowFunctions(r).includes('virtballoon_changed'));
	assert.equal(seeds.length, 1, 'exactly one seed finding in the SARIF');
	return seeds[0];
}

async function findingChecks(page, seed) {
	await step('the seed finding opens from the table', async () => {
		const n = results.indexOf(seed) + 1;
		const link = page.locator(`#findings-table tbody tr a[href="findings/${n}.html"]`).first();
		await link.click();
		await page.waitForURL(new RegExp(`findings/${n}\\.html$`));
		assert.match(await page.locator('h1').textContent(), /recursive-lock/);
	});
	await step('every hop of the seed path is visible, with its source', async () => {
		const hops = flowFunctions(seed);
		assert.deepEqual(hops, SEED_PATH, 'the SARIF path is the seed path');
		const items = page.locator('#path-0 li.hop');
		assert.equal(await items.count(), hops.length);
		for (let i = 0; i < hops.length; i++) {
			const hop = items.nth(i);
			assert.equal(await hop.getAttribute('data-func'), hops[i]);
			assert.ok(await hop.locator('code.fn').isVisible(), `hop ${i} ${hops[i]} is visible`);
			assert.equal((await hop.locator('code.fn').textContent()).trim(), hops[i]);
			assert.ok(await hop.locator('pre.snip .l.hl').first().isVisible(), `hop ${i} shows its source line`);
		}
		for (const key of ['css_driver.irq', 'ccw_device.handler', 'virtio_driver.config_changed', 'virtio_config_ops.get'])
			assert.ok(await page.locator('#path-0 .via code', { hasText: key }).first().isVisible(), `indirect call through ${key} is explained`);
		assert.ok(await page.locator('#path-0 svg.pathsvg').isVisible(), 'the drawing of the path is visible');
	});
	await step('the alias proof is visible', async () => {
		const rel = (seed.relatedLocations || []).map((l) => l.message.text).find((t) => / are one lock: /.test(t));
		assert.ok(rel, 'the SARIF has the alias proof');
		const text = rel.replace(/^.* are one lock: '(.*)'$/, '$1');
		assert.match(text, /cdev->ccwlock\s*=\s*sch->lock/);
		const proof = page.locator('#alias code.proof');
		assert.ok(await proof.isVisible());
		assert.equal((await proof.textContent()).trim(), text);
		assert.ok(await page.locator('#alias pre.snip .l.hl').isVisible(), 'the assignment is shown in its source');
	});
	await step('the lockdep-style summary is visible', async () => {
		const block = page.locator('pre.lockdep');
		assert.ok(await block.isVisible());
		assert.match(await block.textContent(), /WARNING: possible recursive locking detected[\s\S]*\*\*\* DEADLOCK \*\*\*/);
	});
}

async function sourceLinkCheck(page) {
	await step('a file:line link opens the source at that line', async () => {
		const link = page.locator('#path-0 li.hop').first().locator('.def a.loc');
		const want = (await link.textContent()).trim().replace(/^.*:/, '');
		await link.click();
		await page.waitForURL(/src\/\d+\.html#L\d+$/);
		const line = page.locator(`#L${want}`);
		assert.ok(await line.isVisible());
		assert.match(await line.textContent(), /do_cio_interrupt/);
	});
}

/* The other two reports: no findings, and a TU that does not parse. */
/* The combined report (setup.sh: the ccw tree's and the pci + mmio tree's
 * databases): one matrix, each column naming its database. */
async function combinedReport(page) {
	await step('the combined matrix: ccw (s390.db) deadlock, mmio and pci (x86.db) safe, with why', async () => {
		await page.goto('file://' + path.join(out, 'combined', 'html', 'index.html'));
		const heads = await page.locator('table.matrix th.tr').allTextContents();
		assert.deepEqual(heads, ['ccws390.db', 'mmiox86.db', 'pcix86.db']);
		assert.equal(await page.locator('#sources li').count(), 2);
		const row = page.locator('table.matrix tr[data-callback="virtballoon_changed"]');
		assert.equal(await row.count(), 1);
		const ccw = row.locator('td[data-transport="ccw"]');
		assert.equal(await ccw.getAttribute('data-status'), 'deadlock');
		assert.ok(await ccw.locator('a', { hasText: '#1' }).isVisible(), 'the ccw cell links to finding 1');
		for (const t of ['mmio', 'pci']) {
			const c = row.locator(`td[data-transport="${t}"]`);
			assert.equal(await c.getAttribute('data-status'), 'safe');
			assert.match(await c.locator('.why').textContent(), new RegExp(`${t}'s config read v[mp]_get takes no lock`));
			assert.ok(await c.isVisible());
		}
		await page.locator('#matrix').screenshot({ path: path.join(shots, 'report-matrix-combined.png') });
		await ccw.locator('a', { hasText: '#1' }).click();
		assert.match(await page.locator('dl.facts').textContent(), /database\s*s390\.db/);
	});
}

async function otherReports(page) {
	await step('a run without findings says so, and its matrix shows pci safe', async () => {
		await page.goto('file://' + path.join(out, 'balloon-pci-2019', 'html', 'index.html'));
		assert.equal((await page.locator('#finding-count').textContent()).trim(), '0');
		assert.equal(await page.locator('#findings-table tbody tr').count(), 0);
		assert.ok(await page.locator('#findings p.empty').isVisible());
		const pci = page.locator('table.matrix tr[data-callback="virtballoon_changed"] td[data-transport="pci"]');
		assert.equal(await pci.getAttribute('data-status'), 'safe');
	});
	await step('a TU with parse errors is named, with its first error', async () => {
		await page.goto('file://' + path.join(out, 'parse-error', 'html', 'index.html'));
		assert.ok(await page.locator('#run a.warn', { hasText: '1 with parse errors' }).isVisible());
		const row = page.locator('#tus > table.tus tbody tr');
		assert.equal(await row.count(), 1);
		assert.match(await row.textContent(), /broken\.c[\s\S]*parsed with errors[\s\S]*no member named 'y'/);
		assert.ok(await row.isVisible());
	});
}

async function main() {
	fs.mkdirSync(shots, { recursive: true });
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lockpath-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.LOCKPATH_CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: { width: 1400, height: 900 },
	});
	const network = [], errors = [];
	context.on('request', (r) => { if (!/^(file|data|about):/.test(r.url())) network.push(r.url()); });
	try {
		const page = context.pages()[0] || await context.newPage();
		page.on('pageerror', (e) => errors.push(String(e)));
		page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
		await page.goto(index);
		await indexChecks(page);
		await page.screenshot({ path: path.join(shots, 'report-index.png'), fullPage: true });
		await page.locator('#matrix').screenshot({ path: path.join(shots, 'report-matrix.png') });
		await findingChecks(page, seedResult());
		await page.screenshot({ path: path.join(shots, 'report-finding.png'), fullPage: true });
		await sourceLinkCheck(page);
		await otherReports(page);
		await combinedReport(page);
		await step('no network request and no script error', async () => {
			assert.deepEqual(network, []);
			assert.deepEqual(errors, []);
		});
	} finally {
		await context.close();
		fs.rmSync(profile, { recursive: true, force: true });
	}
	console.log(`screenshots: ${['index', 'matrix', 'finding', 'matrix-combined'].map((n) => path.join(shots, `report-${n}.png`)).join(', ')}`);
	console.log(`${passed} passed, ${failed} failed`);
	process.exit(failed ? 1 : 0);
}

main().catch((e) => {
	console.error(`FAIL: ${e.stack || e}`);
	process.exit(1);
});
