// `npm run bench`: how fast the dashboard is, measured, never asserted. Two parts:
//  1. the built site in real Chromium: first paint of the prerendered figures, DuckDB ready, a view change;
//  2. the engine at national scale: the overview's query over ~2,500 centres and 1,000,000 participants,
//     on the same duckdb-wasm engine (its Node build), loaded from Arrow IPC as the browser loads it.
// Reports median and 95th percentile with the machine; writes bench/results/latest.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { createSiteServer } from '../serve/server';
import { createDatabase } from '../../src/lib/db/database';
import { openNodeEngine } from '../../src/lib/db/node';
import { fetchOverview } from '../../src/lib/queries/overview';
import { DEFAULT_FILTERS, type Filters } from '../../src/lib/queries/filters';
import type { Edition, Figure, Tables } from '../../src/lib/dictionary';
import { toArrowIPC } from '../../src/lib/db/arrow';
import { generate } from '../data/generate';
import { loadData } from '../data/index';
import { summarise } from './stats';
import { browserOwnPages, CHROMIUM_ARGS } from '../test/chromium-args';
import { cubeFor, nationalCubeBench, nationalFilterBench, nationalPagesBench, type NationalFilterResult } from './national';

const root = resolve(import.meta.dirname, '../..');
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const RUNS = arg('runs', 15);
/** Size of the CSV the import part writes and loads through the page; 0 skips it (it takes a minute or two). */
const IMPORT_MB = arg('import-mb', 200);
const CENTRES = arg('centres', 2500);
/** `--only=site` runs the five-centre site part alone (a short hold of a shared machine), `--only=cube` the national
 * cube's questions in Node beside the hand-written loop; the default runs all. */
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.split('=')[1];
/** The built site the browser parts visit: `--build=<dir>` compares another build (say, the one before a change). */
const BUILD = process.argv.find((a) => a.startsWith('--build='))?.split('=')[1] ?? 'build';
const PER_CENTRE = arg('participants', 1_000_000) / CENTRES;
/** Participants of a larger national cube to measure the national filters at as well (10,000,000: not shipped); 0: none. */
const NATIONAL_LARGE = arg('national', 0);
/** Only the national part (the filters at 1M and, with --national, the larger cube): for quick rounds. */
const NATIONAL_ONLY = process.argv.includes('--national-only');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Input to the last chart redrawn: the "published only" view re-shapes the table and every chart. A string, not a
// function: tsx would wrap a function with helpers that do not exist in the page.
const VIEW_CHANGE = `(async () => {
	const canvases = [...document.querySelectorAll('[data-chart] canvas')];
	const before = canvases.map((c) => c.dataset.drawn);
	const start = performance.now();
	document.querySelector('input[value="published"]').click();
	await new Promise((resolve) => {
		const check = () => (canvases.some((c, i) => c.dataset.drawn !== before[i]) && location.search.includes('widok') ? resolve() : requestAnimationFrame(check));
		check();
	});
	await new Promise((resolve) => requestAnimationFrame(resolve));
	return performance.now() - start;
})()`;

// Installed before the page's own scripts: the page's clock when DuckDB's overview is first on screen (the animation
// frame after it appears). Timed in the page because Playwright's waitForSelector polls with a backoff (0, 20, 50,
// 100, 100 ms, then every 500 ms: playwright-core 1.65's retryWithProgressAndBackoff): read after the wait, the
// clock counted up to about half a second of polling, and every figure of this line before 2026-11-27 did (result
// files say clock: 'page' since).
const DUCKDB_SHOWN = `window.__duckdbShown = new Promise((resolve) => {
	const observer = new MutationObserver(() => {
		if (!document.querySelector('[data-source="duckdb"]')) return;
		observer.disconnect();
		requestAnimationFrame(() => resolve(performance.now()));
	});
	observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-source'] });
})`;

// A filter: a click, until DuckDB's answer is on screen, the URL says so and every chart redrawn.
const filterChange = (click: string, inUrl: string) => `(async () => {
	const drawn = () => [...document.querySelectorAll('[data-chart] canvas')].map((c) => c.dataset.drawn);
	const before = drawn().join();
	const start = performance.now();
	${click};
	await new Promise((resolve) => {
		const check = () => (document.querySelector('[data-source="duckdb"]') && location.search.includes('${inUrl}') && drawn().join() !== before ? resolve() : requestAnimationFrame(check));
		requestAnimationFrame(check);
	});
	await new Promise((resolve) => requestAnimationFrame(resolve));
	return performance.now() - start;
})()`;
// The overview's charts below the fold are made when they first come on screen (chart's whenOnScreen). The
// changes are timed with every chart made, as a reader who has scrolled the page meets them. Scrolling to the first
// of them (at 1280×720 the first row of cards, two charts) until they are drawn is timed on its own: where the cost
// of making them went. A build that made them at the start says so (madeBefore), and the scroll then times nothing.
const CHARTS_SCROLLED_TO = `(async () => {
	const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
	const canvases = () => [...document.querySelectorAll('[data-chart] canvas')];
	const until = async (done, what) => {
		for (let frames = 0; !done(); frames++) {
			if (frames > 600) throw new Error('never drawn: ' + what);
			await frame();
		}
	};
	const first = document.querySelector('[data-chart="koszt"] canvas');
	const madeBefore = first.dataset.drawn !== undefined;
	const start = performance.now();
	first.scrollIntoView({ block: 'center' });
	await until(() => first.dataset.drawn !== undefined, 'koszt');
	await frame();
	const elapsed = performance.now() - start;
	for (const canvas of canvases()) {
		canvas.scrollIntoView({ block: 'center' });
		await frame();
		await frame();
	}
	await until(() => canvases().every((canvas) => canvas.dataset.drawn !== undefined), 'every chart');
	window.scrollTo(0, 0);
	await frame();
	await frame();
	return { elapsed, madeBefore };
})()`;

// After the timed changes, every chart is still made (a chart re-made during one would wait, unscrolled, to the end):
// so they timed the same work as before charts waited.
const EVERY_CHART_MADE = `(() => {
	const waiting = [...document.querySelectorAll('[data-chart] canvas:not([data-drawn])')];
	if (waiting.length) throw new Error('a chart was not made during the timed changes: ' + waiting.map((c) => c.closest('[data-chart]').dataset.chart).join(', '));
})()`;

// Leżajsk in the centres filter: edition-level and participant-level queries, no differencing guard.
const FILTER_CENTRE = filterChange(`[...document.querySelectorAll('[data-filter="centres"] label')].find((l) => l.textContent.includes('Leżajsk')).querySelector('input').click()`, 'osrodki');
// Then women only: a participant filter, so the differencing guard's query runs too.
const FILTER_SEX = filterChange(`document.querySelector('[data-filter="sex"] input').click()`, 'plec');

const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;
const line = (label: string, s: ReturnType<typeof summarise>) => console.log(`  ${label.padEnd(52)} median ${ms(s.median)}   p95 ${ms(s.p95)}   (n=${s.runs})`);

async function browserBench() {
	if (!existsSync(join(root, BUILD, 'index.html'))) throw new Error(`${BUILD}/ is missing: run \`npm run build\` first.`);
	const server = createSiteServer(join(root, BUILD));
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	const firstPaint: number[] = [];
	const ready: number[] = [];
	const readySeen: number[] = [];
	const viewChange: number[] = [];
	const chartsScrolledTo: number[] = [];
	let madeBefore = 0;
	const centreFilter: number[] = [];
	const sexFilter: number[] = [];
	try {
		for (let run = 0; run < RUNS; run++) {
			// A fresh context each run: cold cache, as a first visit.
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.addInitScript(DUCKDB_SHOWN);
			await page.goto(`${base}/`);
			await page.waitForSelector('[data-source="duckdb"]', { timeout: 60_000 });
			const timing = (await page.evaluate(`(async () => ({ paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN, now: performance.now(), shown: await window.__duckdbShown }))()`)) as { paint: number; shown: number; now: number };
			// A missing reading would pass into the medians as NaN: better stop.
			if (typeof timing.shown !== 'number') throw new Error('The page never reported DuckDB’s overview on screen (DUCKDB_SHOWN)');
			firstPaint.push(timing.paint);
			ready.push(timing.shown);
			readySeen.push(timing.now);
			const scrolled = (await page.evaluate(CHARTS_SCROLLED_TO)) as { elapsed: number; madeBefore: boolean };
			chartsScrolledTo.push(scrolled.elapsed);
			if (scrolled.madeBefore) madeBefore++;
			const elapsed = (await page.evaluate(VIEW_CHANGE)) as number;
			viewChange.push(elapsed);
			centreFilter.push((await page.evaluate(FILTER_CENTRE)) as number);
			sexFilter.push((await page.evaluate(FILTER_SEX)) as number);
			await page.evaluate(EVERY_CHART_MADE);
			await context.close();
		}
	} finally {
		await browser.close();
		server.close();
	}
	const samples = { firstPaint, duckdbReady: ready, duckdbReadySeen: readySeen, chartsScrolledTo, viewChange, centreFilter, sexFilter };
	return { madeBefore, ...(Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarise(v)])) as Record<keyof typeof samples, ReturnType<typeof summarise>>), samples };
}

/** The real data's tables plus CENTRES synthetic centres of PER_CENTRE participants each, from the real generator. */
function nationalTables(): Tables {
	const real = loadData(join(root, 'data'));
	const template = real.editions.find((e) => e.edition_id === 'chocianow-2012')!;
	const centres = Array.from({ length: CENTRES }, (_, i) => ({ ...real.centres[i % real.centres.length], centre_id: `c${i}`, short_name: `OPS ${i}` }));
	const editions: Edition[] = centres.map((c, i) => ({ ...template, edition_id: `e${i}`, centre_id: c.centre_id }));
	const figures: Figure[] = editions.flatMap((e) => [
		{ ...real.figures[1], edition_id: e.edition_id, figure: 'participants', value: PER_CENTRE },
		{ ...real.figures[1], edition_id: e.edition_id, figure: 'budget_pln', value: PER_CENTRE * 12_000 }
	]);
	// The generator keys its cohort assumptions by edition id: each scaled centre borrows Chocianów's, own seed.
	const size: Figure = { ...real.figures[1], edition_id: template.edition_id, figure: 'participants', value: PER_CENTRE };
	const participants = editions.flatMap((e, i) =>
		generate([template], [size], real.activities, 1000 + i).participants.map((p) => ({ ...p, edition_id: e.edition_id, centre_id: e.centre_id }))
	);
	return { ...real, centres, editions, figures, activities: [], participants, support: [] };
}

async function engineBench() {
	const started = performance.now();
	const tables = nationalTables();
	const generatedMs = performance.now() - started;
	const files = new Map(Object.entries(tables).map(([name, rows]) => [name, toArrowIPC(name as keyof Tables, rows as unknown as Record<string, unknown>[])]));
	const db = createDatabase({
		open: openNodeEngine,
		manifest: async () => ({ tables: [...files.keys()].map((name) => ({ name, file: name, rows: 0, bytes: files.get(name)!.byteLength })) }),
		read: async (file) => files.get(file)!,
		cache: false
	});
	const loadStart = performance.now();
	await db.ready();
	const loadMs = performance.now() - loadStart;
	// Every query of the overview, as the page asks them; the cache is off, so each run asks the engine.
	const timeOverview = async (filters: Filters) => {
		const samples: number[] = [];
		for (let run = 0; run < RUNS; run++) {
			const start = performance.now();
			await fetchOverview(db, filters);
			samples.push(performance.now() - start);
		}
		return summarise(samples);
	};
	return {
		participants: tables.participants.length,
		centres: tables.centres.length,
		arrowMB: Math.round(([...files.values()].reduce((s, f) => s + f.byteLength, 0) / 1e6) * 10) / 10,
		generateMs: Math.round(generatedMs),
		loadMs: Math.round(loadMs),
		overviewAllCentres: await timeOverview(DEFAULT_FILTERS),
		overviewFiveCentres: await timeOverview({ ...DEFAULT_FILTERS, centres: ['c1', 'c2', 'c3', 'c4', 'c5'] })
	};
}

/**
 * A large own-data CSV through the built page: time to read and check it (in the worker), time to load it into
 * DuckDB and IndexedDB, and the longest stall of the page's main thread meanwhile (a 50 ms timer's lateness).
 * One run: it is a minute of work, and what matters is whether the page freezes.
 */
async function importBench(megabytes: number) {
	const path = join(tmpdir(), `bench-import-${megabytes}mb.csv`);
	const header = 'participant_id;edition_id;centre_id;pathway;sex;age_band;education;labour_status;disability;completion;outcome_employed;outcome_job_seeking;outcome_education;outcome_qualification\r\n';
	const line = (i: number) => `BIG-${i};lezajsk-2011;lezajsk;social_contract;${i % 2 ? 'K' : 'M'};25-34;isced_3;long_term_unemployed;nie;completed;tak;nie;nie;nie\r\n`;
	const lines: string[] = [header];
	let bytes = header.length;
	for (let i = 0; bytes < megabytes * 1024 * 1024; i++) {
		const l = line(i);
		lines.push(l);
		bytes += l.length;
	}
	writeFileSync(path, lines.join(''));
	const server = createSiteServer(join(root, 'build'));
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	try {
		// bypassCSP only so the harness may poll with functions; the page's own code runs as it would.
		const page = await (await browser.newContext({ bypassCSP: true })).newPage();
		await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/dane-wlasne/`);
		await page.waitForSelector('input[type="file"]', { timeout: 60_000 });
		await page.evaluate(`(() => { window.__stall = 0; let last = performance.now(); setInterval(() => { const now = performance.now(); window.__stall = Math.max(window.__stall, now - last - 50); last = now; }, 50); })()`);
		const start = performance.now();
		await page.locator('input[type="file"]').setInputFiles(path);
		await page.waitForFunction(() => document.querySelector('main')!.textContent!.includes('Plik jest poprawny'), null, { timeout: 900_000, polling: 250 });
		const checkMs = performance.now() - start;
		const checkStall = (await page.evaluate('window.__stall')) as number;
		const loadStart = performance.now();
		await page.getByRole('button', { name: 'Wczytaj do pulpitu' }).click();
		await page.waitForSelector('[data-testid="import-status"]', { timeout: 900_000 });
		return { megabytes: Math.round(bytes / 1024 / 1024), rows: lines.length - 1, checkMs: Math.round(checkMs), checkStallMs: Math.round(checkStall), loadMs: Math.round(performance.now() - loadStart), loadStallMs: Math.round((await page.evaluate('window.__stall')) as number) };
	} finally {
		await browser.close();
		server.close();
		rmSync(path, { force: true });
	}
}

function machine() {
	let chromiumVersion = 'unknown';
	try {
		chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		/* reported as unknown */
	}
	return { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium: chromiumVersion, chromiumOwnPages };
}

// Chromium's own WebUI pages would load beside every cold visit and take the two cores from it (chromium-args.ts):
// said before the figures, and kept with them.
const chromiumOwnPages = await (async () => {
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	return browserOwnPages(browser).finally(() => browser.close());
})();
console.log(chromiumOwnPages.length ? `WARNING: Chromium opens pages of its own with every context, beside the ones timed: ${chromiumOwnPages.join(', ')}\n` : "Chromium's own interface pages in a fresh context: none\n");

/** The national filters in Chromium, at the shipped 1,000,000 participants and, with --national, at a larger cube. */
async function nationalFilters(): Promise<NationalFilterResult[]> {
	const out: NationalFilterResult[] = [];
	const sizes = [0, ...(NATIONAL_LARGE ? [NATIONAL_LARGE] : [])];
	for (const size of sizes) {
		const cube = size ? cubeFor(root, size) : undefined;
		const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
		const result = await nationalFilterBench(browser, join(root, BUILD), RUNS, cube).finally(() => browser.close());
		out.push(result);
		console.log(`  ${size ? `${result.participants.toLocaleString('pl-PL')} participants, ${result.cubeRows.toLocaleString('pl-PL')} cube rows (bench only)` : 'the built national set (1,000,000 participants)'}:`);
		line('cold /polska/14/?plec=K: until DuckDB’s answer is drawn', result.voivodeshipReady);
		line('  the same, by the clock in Node (before)', result.voivodeshipReadySeen);
		line('  of which the national engine’s start', result.engineReady);
		line('filter change on /polska/: input to every chart, map, table', result.filterChange);
		line('  the first change of a visit alone', result.firstChange);
		line('  the later changes of a visit (2nd to 16th)', result.laterChanges);
		line('  of which the answer’s wait (kept figures, strata, combinations)', result.query);
		line('  of which the disclosure guard (whole country)', result.guard);
		console.log(`  memory of the browser after ${result.filterChange.runs / result.firstChange.runs} filter changes: ${result.memoryMB} MB`);
	}
	return out;
}

/** The national cube's questions in Node beside a hand-written loop over the same Arrow columns. */
async function cubeQuestions() {
	console.log(`\nNational cube (duckdb-wasm, Node build) beside a hand-written loop over the same Arrow columns:`);
	const nationalCube = await nationalCubeBench(root, RUNS);
	console.log(`  ${nationalCube.participants.toLocaleString('pl-PL')} participants pre-aggregated into ${nationalCube.cubeRows.toLocaleString('pl-PL')} cube rows`);
	line('filter (sex, age, years) by voivodeship: DuckDB', nationalCube.engine);
	line('the same answer: hand-written loop (the floor)', nationalCube.loop);
	console.log(`  ratio of medians DuckDB / loop: ${(nationalCube.engine.median / nationalCube.loop.median).toFixed(1)}×`);
	line('a filter change’s combinations: the page’s (kept strata)', nationalCube.selection);
	line('the same asked of DuckDB (pages until 2026-11-27)', nationalCube.selectionAsked);
	line('each row’s combination: hand-written loop (the floor)', nationalCube.selectionLoop);
	console.log(`  ratio of medians page / loop: ${(nationalCube.selection.median / nationalCube.selectionLoop.median).toFixed(1)}×, DuckDB / loop: ${(nationalCube.selectionAsked.median / nationalCube.selectionLoop.median).toFixed(1)}×`);
	return nationalCube;
}

if (ONLY === 'cube') {
	const nationalCube = await cubeQuestions();
	mkdirSync(join(root, 'bench/results'), { recursive: true });
	writeFileSync(join(root, 'bench/results/cube.json'), JSON.stringify({ date: new Date().toISOString(), machine: machine(), runs: RUNS, nationalCube }, null, '\t'));
	process.exit(0);
}

if (NATIONAL_ONLY) {
	console.log(`National filters in Chromium (${RUNS} runs):`);
	const results = await nationalFilters();
	mkdirSync(join(root, 'bench/results'), { recursive: true });
	writeFileSync(join(root, 'bench/results/national-filters.json'), JSON.stringify({ date: new Date().toISOString(), machine: machine(), runs: RUNS, clock: 'page', results }, null, '\t'));
	process.exit(0);
}

const info = machine();
console.log(`Machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGB} GB; Node ${info.node}; ${info.chromium}\n`);
console.log(`Built site in Chromium (${RUNS} cold visits):`);
const site = await browserBench();
line('first contentful paint (prerendered figures)', site.firstPaint);
line('DuckDB ready and overview re-queried', site.duckdbReady);
line('  the same, as a Playwright wait saw it (before)', site.duckdbReadySeen);
line('charts below the fold: scrolled to, until drawn', site.chartsScrolledTo);
if (site.madeBefore) console.log(`    (in ${site.madeBefore} of ${RUNS} visits the build had made them at the start: the scroll timed no making)`);
line('"published only": input to last chart redrawn', site.viewChange);
line('filter by a centre: input to last chart redrawn', site.centreFilter);
line('then by sex (guard query too): input to last redrawn', site.sexFilter);
if (ONLY === 'site') {
	mkdirSync(join(root, 'bench/results'), { recursive: true });
	writeFileSync(join(root, 'bench/results/site.json'), JSON.stringify({ date: new Date().toISOString(), machine: info, runs: RUNS, clock: 'page', site }, null, '\t'));
	process.exit(0);
}
console.log(`\nEngine at national scale (duckdb-wasm, Node build, single thread):`);
const engine = await engineBench();
console.log(`  ${engine.centres} centres, ${engine.participants.toLocaleString('pl-PL')} participants, ${engine.arrowMB} MB Arrow IPC; generated in ${engine.generateMs} ms, loaded in ${engine.loadMs} ms`);
line('overview (all its queries), all centres', engine.overviewAllCentres);
line('overview (all its queries), five centres', engine.overviewFiveCentres);
console.log(`\nNational pages in Chromium (${RUNS} cold visits):`);
const nationalBrowser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const nationalPages = await nationalPagesBench(nationalBrowser, join(root, BUILD), RUNS).finally(() => nationalBrowser.close());
line('/polska/: first contentful paint (figures prerendered)', nationalPages.countryPaint);
line('/polska/14/ (314 centres): first contentful paint', nationalPages.voivodeshipPaint);
line('map click → voivodeship page drawn', nationalPages.drillDown);
const nationalCube = await cubeQuestions();
console.log(`\nNational filters in Chromium (${RUNS} runs):`);
const nationalFilterResults = await nationalFilters();
let ownData: Awaited<ReturnType<typeof importBench>> | null = null;
if (IMPORT_MB > 0) {
	console.log(`\nOwn data through the built page (one run):`);
	ownData = await importBench(IMPORT_MB);
	console.log(`  ${ownData.megabytes} MB CSV, ${ownData.rows.toLocaleString('pl-PL')} rows: read and checked in ${ownData.checkMs} ms (longest main-thread stall ${ownData.checkStallMs} ms); loaded in ${ownData.loadMs} ms (longest stall ${ownData.loadStallMs} ms)`);
}
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/latest.json'), JSON.stringify({ date: new Date().toISOString(), machine: info, runs: RUNS, clock: 'page', site, engine, nationalPages, nationalCube, nationalFilters: nationalFilterResults, ownData }, null, '\t'));
