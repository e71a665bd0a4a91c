// The national set in the bench: the built national pages in Chromium (first figures, a drill-down), and the
// pre-aggregated cube in duckdb-wasm (Node build) beside a hand-written loop over the same Arrow columns: the
// loop is the practical floor, so the ratio says what the engine costs on top of it.
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { tableFromArrays, tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import type { Browser } from 'playwright-core';
import { createSiteServer } from '../serve/server';
import { loadData } from '../data/index';
import { buildCube, cubeIPC, cubeStrata, strataIPC, type CubeRow } from '../national/cube';
import { generateNational, NATIONAL_DEFAULTS } from '../national/generate';
import { readTerc } from '../national/register';
import { openNodeEngine } from '../../src/lib/db/node';
import { toRows } from '../../src/lib/db/rows';
import { STRATA_SQL, selectionSql, spreadCombos, strataCombos, type NationalFilters, type Stratum } from '../../src/lib/queries/national';
import { summarise } from './stats';

type Summary = ReturnType<typeof summarise>;

/** Cold visits of a national page: first contentful paint (its figures are in the HTML), and a click on the map to the page below. */
export async function nationalPagesBench(browser: Browser, site: string, runs: number): Promise<{ countryPaint: Summary; voivodeshipPaint: Summary; drillDown: Summary }> {
	const server = createSiteServer(site);
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const paint = { country: [] as number[], voivodeship: [] as number[], drill: [] as number[] };
	try {
		for (let run = 0; run < runs; run++) {
			for (const [path, into] of [['/polska/', paint.country], ['/polska/14/', paint.voivodeship]] as const) {
				// bypassCSP only so the harness may poll with expressions; the page's own code runs as it would.
				const context = await browser.newContext({ bypassCSP: true });
				const page = await context.newPage();
				await page.goto(`${base}${path}`);
				await page.waitForSelector('[data-tile="participants"]');
				into.push((await page.evaluate(`performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN`)) as number);
				if (path === '/polska/') {
					// Hydrated first, as a reader's click would find it; then map click → the voivodeship's heading.
					await page.waitForFunction(`Number(document.querySelector('[data-funnel] canvas')?.dataset.drawn) > 0`);
					const start = Date.now();
					await page.locator('a[data-area="14"]').click();
					await page.waitForFunction(`document.querySelector('h1')?.textContent === 'mazowieckie' && Number(document.querySelector('[data-funnel] canvas')?.dataset.drawn) > 0`);
					paint.drill.push(Date.now() - start);
				}
				await context.close();
			}
		}
	} finally {
		server.close();
	}
	return { countryPaint: summarise(paint.country), voivodeshipPaint: summarise(paint.voivodeship), drillDown: summarise(paint.drill) };
}

/** The question a filter asks of the cube: employment by voivodeship for women aged 25–34 in 2010–2012. */
const CUBE_QUERY = `
SELECT c.voivodeship_code, sum(q.participants)::INTEGER AS n, sum(q.employed)::INTEGER AS employed
FROM cube q JOIN centres c USING (centre_id)
WHERE q.sex = 'K' AND q.age_band = '25-34' AND q.year BETWEEN 2010 AND 2012
GROUP BY ALL`;

export async function nationalCubeBench(root: string, runs: number) {
	const register = readTerc(join(root, 'data/registers/terc-2020-01-01.csv'));
	const set = generateNational(register, loadData(join(root, 'data')), NATIONAL_DEFAULTS);
	const cube = buildCube(set);
	const strata = cubeStrata(cube);
	const cubeIpc = cubeIPC(cube, strata);
	const centresIpc = tableToIPC(tableFromArrays({ centre_id: set.centres.map((c) => c.centre_id), voivodeship_code: set.centres.map((c) => c.teryt.slice(0, 2)) }) as Table, 'stream');
	const engine = await openNodeEngine();
	await engine.insertArrow('cube', cubeIpc);
	await engine.insertArrow('strata', strataIPC(strata));
	await engine.insertArrow('centres', centresIpc);

	const engineMs: number[] = [];
	let engineAnswer = '';
	for (let run = 0; run < runs; run++) {
		const start = performance.now();
		const result = await engine.run(CUBE_QUERY, []);
		engineMs.push(performance.now() - start);
		engineAnswer = JSON.stringify(
			result
				.toArray()
				.map((r) => r.toJSON())
				.sort((a, b) => (a.voivodeship_code < b.voivodeship_code ? -1 : 1))
				.map((r) => [r.voivodeship_code, r.n, r.employed])
		);
	}

	// The floor: the same columns as Arrow hands them over, one pass, dictionary codes compared as numbers.
	const table = tableFromIPC(cubeIpc);
	const region = new Map(set.centres.map((c) => [c.centre_id, c.teryt.slice(0, 2)]));
	const loopMs: number[] = [];
	let loopAnswer = '';
	for (let run = 0; run < runs; run++) {
		const start = performance.now();
		const centre = table.getChild('centre_id')!;
		const sex = table.getChild('sex')!;
		const age = table.getChild('age_band')!;
		const year = table.getChild('year')!.toArray() as Int16Array;
		const n = table.getChild('participants')!.toArray() as Int32Array;
		const employed = table.getChild('employed')!.toArray() as Int32Array;
		const centreDict = centre.data[0].dictionary!;
		const regionOfKey = Array.from({ length: centreDict.length }, (_, i) => region.get(centreDict.get(i) as string)!);
		const keyOf = (vector: typeof sex, value: string) => [...(vector.data[0].dictionary! as unknown as Iterable<string>)].indexOf(value);
		const women = keyOf(sex, 'K');
		const band = keyOf(age, '25-34');
		const sums = new Map<string, [number, number]>();
		const centreKeys = centre.data[0].values as Int32Array;
		const sexKeys = sex.data[0].values as Int32Array;
		const ageKeys = age.data[0].values as Int32Array;
		for (let i = 0; i < table.numRows; i++) {
			if (sexKeys[i] !== women || ageKeys[i] !== band || year[i] < 2010 || year[i] > 2012) continue;
			const r = regionOfKey[centreKeys[i]];
			const s = sums.get(r) ?? [0, 0];
			s[0] += n[i];
			s[1] += employed[i];
			sums.set(r, s);
		}
		loopMs.push(performance.now() - start);
		loopAnswer = JSON.stringify([...sums].sort(([a], [b]) => (a < b ? -1 : 1)).map(([r, [k, e]]) => [r, k, e]));
	}

	// A national page's filter change (queries/national.ts `selectionColumns`): each cube row's combination of the
	// filters' values, one value each as a page asks (women aged 25–34 in 2011), from the cube's 70 strata, which the
	// page reads once with the figures and keeps, spread over the rows by their stratum. Beside it, the same asked of
	// DuckDB per change (`selectionSql`, as pages did until 2026-11-27), and the same numbers by hand.
	const filters: NationalFilters = { years: [2011], sex: ['K'], ageBands: ['25-34'], priceBase: null };
	const rowStrata = (await engine.run('SELECT stratum FROM cube', [])).getChild('stratum')!.toArray() as Uint8Array;
	const keptStrata = toRows<Stratum>(await engine.run(STRATA_SQL, []));
	const selectionMs: number[] = [];
	let pageCombos: ArrayLike<number> = [];
	for (let run = 0; run < runs; run++) {
		const start = performance.now();
		pageCombos = spreadCombos(rowStrata, strataCombos(keptStrata, filters));
		selectionMs.push(performance.now() - start);
	}
	const question = selectionSql(filters);
	const askedMs: number[] = [];
	let engineCombos: ArrayLike<number> = [];
	for (let run = 0; run < runs; run++) {
		const start = performance.now();
		const result = await engine.run(question.sql, question.params ?? []);
		engineCombos = spreadCombos(rowStrata, { stratum: result.getChild('stratum')!.toArray() as Uint8Array, combo: result.getChild('combo')!.toArray() as Int32Array });
		askedMs.push(performance.now() - start);
	}
	const selectionLoopMs: number[] = [];
	let loopCombos = new Int32Array(0);
	for (let run = 0; run < runs; run++) {
		const start = performance.now();
		const year = table.getChild('year')!.toArray() as Int16Array;
		const dictionaryDigits = (name: string, selected: string[]) => Int32Array.from(table.getChild(name)!.data[0].dictionary! as unknown as Iterable<string>, (value) => selected.indexOf(value) + 1);
		const sexDigit = dictionaryDigits('sex', filters.sex);
		const ageDigit = dictionaryDigits('age_band', filters.ageBands);
		const sexKeys = table.getChild('sex')!.data[0].values as Int32Array;
		const ageKeys = table.getChild('age_band')!.data[0].values as Int32Array;
		loopCombos = new Int32Array(table.numRows);
		for (let i = 0; i < table.numRows; i++) loopCombos[i] = (year[i] === 2011 ? 4 : 0) + sexDigit[sexKeys[i]] * 2 + ageDigit[ageKeys[i]];
		selectionLoopMs.push(performance.now() - start);
	}
	await engine.close();
	if (engineAnswer !== loopAnswer) throw new Error(`bench: the engine and the loop disagree\n  ${engineAnswer}\n  ${loopAnswer}`);
	if (engineCombos.length !== loopCombos.length || loopCombos.some((c, i) => c !== engineCombos[i])) throw new Error('bench: the engine and the loop disagree on the rows’ combinations');
	if (pageCombos.length !== loopCombos.length || loopCombos.some((c, i) => c !== pageCombos[i])) throw new Error('bench: the page and the loop disagree on the rows’ combinations');
	return {
		participants: set.participants.length,
		cubeRows: cube.length,
		engine: summarise(engineMs),
		loop: summarise(loopMs),
		selection: summarise(selectionMs),
		selectionAsked: summarise(askedMs),
		selectionLoop: summarise(selectionLoopMs)
	};
}

/**
 * A cube for `participants` participants from the project's own generator: independent seeds of the national set
 * (1,000,000 each) summed cell by cell, the five real centres counted once. Only for the bench (--national=10000000):
 * ten sets one after another keep memory to one set's.
 */
export function cubeFor(root: string, participants: number): BenchCube {
	const register = readTerc(join(root, 'data/registers/terc-2020-01-01.csv'));
	const real = loadData(join(root, 'data'));
	const sets = Math.max(1, Math.round(participants / NATIONAL_DEFAULTS.participants));
	const cells = new Map<string, CubeRow>();
	let total = 0;
	for (let i = 0; i < sets; i++) {
		const set = generateNational(register, real, { ...NATIONAL_DEFAULTS, seed: NATIONAL_DEFAULTS.seed + i });
		for (const row of buildCube(set)) {
			if (i > 0 && !row.centre_id.startsWith('g')) continue;
			const key = `${row.centre_id}|${row.year}|${row.sex}|${row.age_band}`;
			const cell = cells.get(key);
			if (cell) {
				cell.participants += row.participants;
				cell.employed += row.employed;
				cell.completed += row.completed;
				cell.cost_pln = Math.round((cell.cost_pln + row.cost_pln) * 100) / 100;
			} else cells.set(key, { ...row });
			total += row.participants;
		}
	}
	const cube = [...cells.values()];
	const strata = cubeStrata(cube);
	return { ipc: cubeIPC(cube, strata), strataIpc: strataIPC(strata), rows: cube.length, participants: total };
}

/** A larger cube for the bench, with the strata its rows point into. */
export interface BenchCube {
	ipc: Uint8Array;
	strataIpc: Uint8Array;
	rows: number;
	participants: number;
}

/** Resident memory of the processes this bench started (Chromium's browser, GPU and renderer, with its DuckDB worker), in MB. */
function childrenMemoryMB(pid: number): number {
	const all = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' })
		.trim()
		.split('\n')
		.map((line) => line.trim().split(/\s+/).map(Number));
	const tree = new Set([pid]);
	for (let grew = true; grew; ) {
		grew = false;
		for (const [p, parent] of all) if (tree.has(parent) && !tree.has(p)) (tree.add(p), (grew = true));
	}
	tree.delete(pid);
	return Math.round(all.filter(([p]) => tree.has(p)).reduce((s, [, , rss]) => s + rss, 0) / 1024);
}

// One filter change on a national page: a click, until the new answer is on screen (the status says ready again,
// the address has the filter) and every chart has redrawn; the map and the table are updated in the same flush.
const NATIONAL_FILTER_CHANGE = (selector: string) => `(async () => {
	const status = document.querySelector('[data-testid="national-status"]');
	const drawn = () => [...document.querySelectorAll('[data-chart] canvas')].map((c) => c.dataset.drawn).join();
	const before = drawn();
	const address = location.search;
	const start = performance.now();
	document.querySelector(${JSON.stringify(selector)}).click();
	await new Promise((resolve) => {
		const check = () => (location.search !== address && status.dataset.state === 'ready' && drawn() !== before ? resolve() : requestAnimationFrame(check));
		requestAnimationFrame(check);
	});
	await new Promise((resolve) => requestAnimationFrame(resolve));
	return [performance.now() - start, Number(status.dataset.queryMs), Number(status.dataset.guardMs)];
})()`;

/**
 * From `?plec=K`: each year in turn, then each age band (in 2014), the other sex, both sexes, all years, and a year
 * again: every click a selection not seen before, 16 of them (15 runs or more, as the issue asks). Filters take one
 * value each (queries/national.ts), so a click replaces the filter's value; until 2026-11-26 they took several and
 * the series added years and age bands one by one.
 */
const radio = (name: string, value: string) => `input[name="${name}"][value="${value}"]`;
const CLICKS = [
	...[2008, 2009, 2010, 2011, 2012, 2013, 2014].map((y) => radio('years', String(y))),
	...['18-24', '25-34', '35-44', '45-54', '55-64'].map((a) => radio('ageBands', a)),
	radio('sex', 'M'),
	radio('sex', ''),
	radio('years', ''),
	radio('years', '2008')
];

export interface NationalFilterResult {
	participants: number;
	cubeRows: number;
	/** Cold visit of /polska/14/?plec=K: until DuckDB's answer for the filter is drawn, by the page's clock. */
	voivodeshipReady: Summary;
	/** The same, by the harness's clock in Node (from before its goto to after its wait): the figure before 2026-11-27. */
	voivodeshipReadySeen: Summary;
	/** The national engine's start on that visit: wasm, the cube and the centres loaded. */
	engineReady: Summary;
	/** The first filter change of a cold visit of /polska/ (2,477 centres): input to every chart redrawn. */
	firstChange: Summary;
	/** The second to the last change of each visit: a reader's changes once the first has run the page's code. */
	laterChanges: Summary;
	/** Every filter change of those visits (16 each), and its two parts. */
	filterChange: Summary;
	query: Summary;
	guard: Summary;
	memoryMB: number;
}

export async function nationalFilterBench(browser: Browser, site: string, runs: number, cube?: BenchCube): Promise<NationalFilterResult> {
	const server = createSiteServer(site);
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const times = { ready: [] as number[], readySeen: [] as number[], engine: [] as number[], first: [] as number[], later: [] as number[], change: [] as number[], query: [] as number[], guard: [] as number[] };
	let memoryMB = 0;
	const open = async (path: string) => {
		const context = await browser.newContext({ bypassCSP: true });
		const page = await context.newPage();
		// A larger cube for --national: the built page, its cube file answered from memory.
		if (cube) {
			await page.route('**/national/cube.*.arrow', (route) => route.fulfill({ body: Buffer.from(cube.ipc), contentType: 'application/octet-stream' }));
			await page.route('**/national/strata.*.arrow', (route) => route.fulfill({ body: Buffer.from(cube.strataIpc), contentType: 'application/octet-stream' }));
		}
		const start = Date.now();
		await page.goto(`${base}${path}`);
		return { context, page, start };
	};
	const drawnAndReady = `document.querySelector('[data-testid="national-status"]')?.dataset.state === 'ready' && Number(document.querySelector('[data-funnel] canvas')?.dataset.drawn) > 0`;
	try {
		for (let run = 0; run < runs; run++) {
			const { context, page, start } = await open('/polska/14/?plec=K');
			// The page's clock in the animation frame the answer was first found drawn: from the navigation's start,
			// without the harness's round trips (the clock in Node, kept beside it, counts those too).
			const shown = await page.waitForFunction(`(${drawnAndReady}) && performance.now()`, undefined, { timeout: 120_000, polling: 'raf' });
			times.readySeen.push(Date.now() - start);
			times.ready.push((await shown.jsonValue()) as number);
			const status = (await page.locator('[data-testid="national-status"]').getAttribute('data-engine-ms')) ?? 'NaN';
			times.engine.push(Number(status));
			await context.close();
		}
		// Cold visits of the country page, each with the whole series of clicks: the first click of a visit, with
		// nothing yet compiled by the browser's optimising compiler, is reported on its own.
		for (let run = 0; run < runs; run++) {
			const { context, page } = await open('/polska/?plec=K');
			await page.waitForFunction(drawnAndReady, undefined, { timeout: 120_000, polling: 'raf' });
			for (const [i, click] of CLICKS.entries()) {
				const [total, query, guard] = (await page.evaluate(NATIONAL_FILTER_CHANGE(click))) as number[];
				(i === 0 ? times.first : times.later).push(total);
				times.change.push(total);
				times.query.push(query);
				times.guard.push(guard);
			}
			if (run === runs - 1) memoryMB = childrenMemoryMB(process.pid);
			await context.close();
		}
	} finally {
		server.close();
	}
	return {
		participants: cube?.participants ?? NaN,
		cubeRows: cube?.rows ?? NaN,
		voivodeshipReady: summarise(times.ready),
		voivodeshipReadySeen: summarise(times.readySeen),
		engineReady: summarise(times.engine),
		firstChange: summarise(times.first),
		laterChanges: summarise(times.later),
		filterChange: summarise(times.change),
		query: summarise(times.query),
		guard: summarise(times.guard),
		memoryMB
	};
}
