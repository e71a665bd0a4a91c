// The SQL explorer over the national synthetic set: its address (`?zbior=polska&wojewodztwo=18`) and back, which
// files an engine loads for a regional view, and that engine itself, on the real files: locked as the five centres'
// is, its completion schema the engine's own tables, its examples running, every answer marked synthetic, and a
// switch of dataset that leaves nothing of the other's query behind.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, LOCKDOWN, type DatabaseDoor } from '../../src/lib/db/database';
import { nationalTables, type NationalManifest } from '../../src/lib/db/national';
import { openNodeEngine } from '../../src/lib/db/node';
import { explorerExamples, explorerSchema, refusal } from '../../src/lib/queries/explorer';
import { decodeExplorerUrl, encodeExplorerUrl, type ExplorerUrl } from '../../src/lib/state/explorer-url';
import { Explorer, type ExplorerData } from '../../src/lib/state/explorer.svelte';
import { createNodeDatabase } from '../../src/lib/db/node';

const NATIONAL = resolve(import.meta.dirname, '../../static/national');
const DATA = resolve(import.meta.dirname, '../../static/data');
const REGIONS = ['02', '04', '06', '08', '10', '12', '14', '16', '18', '20', '22', '24', '26', '28', '30', '32'];
/** Opolskie: the smallest region, so the tests load fast. */
const REGION = '16';

describe('the address of the explorer', () => {
	const decode = (search: string, national = true) => decodeExplorerUrl(new URLSearchParams(search), { national, regions: REGIONS });

	it.each([
		['', { dataset: 'centres', region: null, query: '' }, []],
		['?q=SELECT%201', { dataset: 'centres', region: null, query: 'SELECT 1' }, []],
		['?zbior=polska', { dataset: 'national', region: null, query: '' }, []],
		['?zbior=polska&wojewodztwo=18&q=FROM%20cube', { dataset: 'national', region: '18', query: 'FROM cube' }, []],
		['?zbior=swiat', { dataset: 'centres', region: null, query: '' }, ['zbior=swiat']],
		['?zbior=polska&wojewodztwo=99', { dataset: 'national', region: null, query: '' }, ['wojewodztwo=99']],
		// A voivodeship's rows belong to the national set only.
		['?wojewodztwo=18', { dataset: 'centres', region: null, query: '' }, ['wojewodztwo=18']]
	])('%s reads as %j, ignoring %j', (search, state, ignored) => {
		expect(decode(search)).toEqual({ state, ignored });
	});

	it('ignores the national set in a build without it (the public release), and says so', () => {
		expect(decode('?zbior=polska&wojewodztwo=18&q=SELECT%201', false)).toEqual({
			state: { dataset: 'centres', region: null, query: 'SELECT 1' },
			ignored: ['zbior=polska', 'wojewodztwo=18']
		});
	});

	it('writes the five centres without parameters, and a query with %20 for spaces', () => {
		expect(encodeExplorerUrl({ dataset: 'centres', region: null, query: '' })).toBe('');
		expect(encodeExplorerUrl({ dataset: 'centres', region: '18', query: 'SELECT 1' })).toBe('?q=SELECT%201');
		expect(encodeExplorerUrl({ dataset: 'national', region: '18', query: 'SELECT 1 + 2' })).toBe('?zbior=polska&wojewodztwo=18&q=SELECT%201%20%2B%202');
	});

	it('reads back what it writes (fast-check)', () => {
		const state = fc.oneof(
			fc.record({ dataset: fc.constant('centres' as const), region: fc.constant(null), query: fc.string() }),
			fc.record({ dataset: fc.constant('national' as const), region: fc.option(fc.constantFrom(...REGIONS)), query: fc.string() })
		);
		fc.assert(
			fc.property(state, (s: ExplorerUrl) => {
				expect(decode(encodeExplorerUrl(s))).toEqual({ state: s, ignored: [] });
			})
		);
	});
});

let manifest: NationalManifest;
const read = async (file: string) => new Uint8Array(await readFile(join(NATIONAL, file)));
const nationalDoor = (region: string | null) => createDatabase({ open: openNodeEngine, cache: false, manifest: async () => nationalTables(manifest, region), read });
let door: DatabaseDoor;

beforeAll(async () => {
	manifest = JSON.parse(await readFile(join(NATIONAL, 'manifest.json'), 'utf8'));
	door = nationalDoor(REGION);
	await door.ready();
	await door.lock();
}, 60_000);
afterAll(() => door.close());

describe('which files a national engine loads', () => {
	it('loads the national tables, and one voivodeship as participants only for a regional view', () => {
		expect(nationalTables(manifest, null).tables.map((t) => t.name)).toEqual(['centres', 'cube', 'strata', 'sources', 'editions', 'figures', 'cpi']);
		const regional = nationalTables(manifest, REGION).tables;
		expect(regional.map((t) => t.name)).toEqual(['centres', 'cube', 'strata', 'sources', 'editions', 'figures', 'cpi', 'participants']);
		expect(regional.at(-1)!.file).toMatch(new RegExp(`^participants-${REGION}\\.[0-9a-f]{10}\\.arrow$`));
		expect(() => nationalTables(manifest, '99')).toThrow(/99/);
	});

	it('gives the national pages the same tables, but only the real centres’ editions: the explorer gets all of them', () => {
		expect(manifest.pages.map((t) => t.name).sort()).toEqual(['centres', 'cpi', 'cube', 'editions', 'figures', 'sources', 'strata']);
		const editions = (list: typeof manifest.tables) => tableFromIPC(readFileSync(join(NATIONAL, list.find((t) => t.name === 'editions')!.file)));
		const pages = editions(manifest.pages);
		const explorer = editions(manifest.tables);
		const centresOf = (table: ReturnType<typeof editions>) => new Set(Array.from(table.getChild('centre_id')!, String));
		expect([...centresOf(pages)].sort()).toEqual(['chocianow', 'janow-lubelski', 'leszno', 'lezajsk', 'swiebodzice']);
		expect(explorer.numRows).toBeGreaterThan(10_000);
		// Every real edition is in the explorer's table too, so the two engines agree on them.
		expect([...centresOf(pages)].every((c) => centresOf(explorer).has(c))).toBe(true);
		expect(pages.numRows).toBe(Array.from(explorer.getChild('centre_id')!, String).filter((c) => !c.startsWith('g')).length);
	});

	it('has a file for every voivodeship', () => {
		expect(manifest.regions.map((r) => r.voivodeship)).toEqual(REGIONS);
	});
});

describe('the national engine', () => {
	it('is locked by DuckDB itself, as the five centres’ is', async () => {
		expect(LOCKDOWN).toEqual(['SET enable_external_access = false', 'SET lock_configuration = true']);
		const [settings] = await door.query<{ s: string }>({ sql: "SELECT string_agg(name || '=' || value, ',' ORDER BY name) AS s FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration')" });
		expect(settings.s).toBe('enable_external_access=false,lock_configuration=true');
	});

	it.each([
		["SELECT * FROM read_csv('http://127.0.0.1:5399/a.csv')", /disabled by configuration|Cannot access file/],
		[`SELECT * FROM "read_csv"('http:/' || '/127.0.0.1:5399/a.csv')`, /disabled by configuration|Cannot access file/],
		['SET enable_external_access = true', /syntax error/],
		["COPY cube TO '/tmp/pwn.csv'", /syntax error/],
		["SELECT $$'$$ AS a; DROP TABLE cube; SELECT $$'$$ AS b", /syntax error|multiple statements/]
	])('refuses %j, and nothing changes', async (sql, reason) => {
		const count = () => door.query({ sql: 'SELECT (SELECT count(*) FROM cube) AS cube, (SELECT count(*) FROM participants) AS participants' });
		const before = await count();
		await expect(door.explore(sql)).rejects.toThrow(reason);
		expect(await count()).toEqual(before);
	});

	it('completes exactly the tables and columns the engine has', async () => {
		const rows = await door.query<{ table_name: string; column_name: string }>({
			sql: "SELECT table_name, column_name FROM information_schema.columns WHERE table_name <> 'imported_rows' ORDER BY ALL"
		});
		const engine: Record<string, string[]> = {};
		for (const r of rows) (engine[r.table_name] ??= []).push(r.column_name);
		const schema = Object.fromEntries(Object.entries(explorerSchema('national', REGION)).map(([t, cs]) => [t, [...cs].sort()]));
		expect(schema).toEqual(engine);
		expect(explorerSchema('national', null)).not.toHaveProperty('participants');
	});

	it('runs every national example, the regional one over the chosen voivodeship', async () => {
		for (const example of explorerExamples('national')) {
			expect(refusal(example.sql), example.title).toBeNull();
			expect((await door.explore(example.sql)).rows.length, example.title).toBeGreaterThan(0);
		}
	});

	it('counts the cube’s participants by voivodeship to the file’s total, and the region’s rows to its cube', async () => {
		const byVoivodeship = (await door.explore(explorerExamples('national')[0].sql)).rows as { uczestnicy: number }[];
		expect(byVoivodeship).toHaveLength(16);
		const [{ n }] = await door.query<{ n: number }>({ sql: 'SELECT sum(participants)::INTEGER AS n FROM cube' });
		expect(byVoivodeship.reduce((s, r) => s + r.uczestnicy, 0)).toBe(n);
		// The regional rows are the cube's for that voivodeship (editions with a year; the cube has no others).
		const [same] = await door.query<{ rows: number; cube: number }>({
			sql: `SELECT (SELECT count(*) FROM participants p JOIN editions e USING (edition_id) WHERE e.year IS NOT NULL) AS rows,
			      (SELECT sum(participants) FROM cube JOIN centres USING (centre_id) WHERE voivodeship_code = '${REGION}') AS cube`
		});
		expect(same.rows).toBe(same.cube);
	});
});

describe('one explorer, two datasets', () => {
	const opened: ExplorerData[] = [];
	const explorer = new Explorer(
		(data) => {
			opened.push(data);
			return data.dataset === 'national' ? nationalDoor(data.region) : createNodeDatabase(DATA, { cache: false });
		},
		{ copy: async () => undefined, version: () => '' }
	);
	const onScreen = async () => undefined;
	afterAll(() => explorer.reset().then(() => explorer.prepare()).then((d) => d.close()));

	it('marks every national answer synthetic, even one that reads no participant rows', async () => {
		explorer.show({ dataset: 'national', region: null });
		await explorer.run('SELECT 42 AS answer', null, onScreen);
		expect(explorer.result).toMatchObject({ rows: [{ answer: 42 }], synthetic: true, dataset: 'national' });
		explorer.show({ dataset: 'centres', region: null });
		await explorer.run('SELECT 42 AS answer', null, onScreen);
		expect(explorer.result).toMatchObject({ synthetic: false, dataset: 'centres' });
	}, 60_000);

	it('starts a fresh engine for another dataset or voivodeship, and keeps nothing of the other’s query', async () => {
		explorer.show({ dataset: 'national', region: null });
		expect(explorer.result).toBeNull();
		expect(explorer.sql).toBe('');
		await explorer.run('SELECT count(*)::INTEGER AS n FROM cube', null, onScreen);
		expect(explorer.result!.rows).toEqual([{ n: manifest.tables.find((t) => t.name === 'cube')!.rows }]);

		explorer.show({ dataset: 'national', region: REGION });
		// Another voivodeship keeps the query (to run it over other rows), never the answer.
		expect(explorer.sql).toBe('SELECT count(*)::INTEGER AS n FROM cube');
		expect(explorer.result).toBeNull();
		await explorer.run('SELECT count(*)::INTEGER AS n FROM participants', null, onScreen);
		expect(explorer.result!.rows).toEqual([{ n: manifest.regions.find((r) => r.voivodeship === REGION)!.rows }]);
		expect(opened.slice(-2)).toEqual([{ dataset: 'national', region: null }, { dataset: 'national', region: REGION }]);
	}, 60_000);

	it('drops the answer of a query still running when the dataset changes', async () => {
		explorer.show({ dataset: 'national', region: null });
		const running = explorer.run('SELECT count(*) AS n FROM range(3000000000)', null, onScreen);
		await new Promise((done) => setTimeout(done, 50));
		explorer.show({ dataset: 'centres', region: null });
		await running;
		expect(explorer.running).toBe(false);
		expect(explorer.failure).toBeNull();
		expect(explorer.result).toBeNull();
		await explorer.run('SELECT count(*)::INTEGER AS n FROM participants', null, onScreen);
		expect(explorer.result!.rows).toEqual([{ n: 98 }]);
	}, 60_000);

	it('runs the new data’s query at once, while the overtaken one is still settling (back through history)', async () => {
		explorer.show({ dataset: 'centres', region: null });
		const overtaken = explorer.run('SELECT count(*) AS n FROM range(3000000000)', null, onScreen);
		// A link back to the national set asks its own query straight away, before the old run has settled.
		explorer.show({ dataset: 'national', region: null });
		const asked = explorer.run('SELECT count(*)::INTEGER AS n FROM centres', null, onScreen);
		await Promise.all([overtaken, asked]);
		expect(explorer.failure).toBeNull();
		expect(explorer.result).toMatchObject({ rows: [{ n: manifest.tables.find((t) => t.name === 'centres')!.rows }], dataset: 'national' });
		expect(explorer.running).toBe(false);
	}, 60_000);
});
