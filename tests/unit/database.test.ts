// The database door on the real engine (duckdb-wasm's Node build) over the files `npm run data` wrote.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createDatabase, type DatabaseDoor } from '../../src/lib/db/database';
import { toPlainArrowIPC } from '../../src/lib/db/arrow';
import type { DataManifest, SqlParam } from '../../src/lib/db/types';
import { createNodeDatabase, openNodeEngine } from '../../src/lib/db/node';
import { readFile } from 'node:fs/promises';

const dataDir = resolve(import.meta.dirname, '../../static/data');
const db = createNodeDatabase(dataDir);
beforeAll(() => db.ready(), 60_000);

describe('database door', () => {
	it('loads every table of the manifest', async () => {
		const manifest = JSON.parse(await readFile(`${dataDir}/manifest.json`, 'utf8')) as { tables: { name: string; rows: number }[] };
		for (const table of manifest.tables) {
			const [row] = await db.query<{ n: number }>({ sql: `SELECT count(*) AS n FROM ${table.name}` });
			expect(row.n, table.name).toBe(table.rows);
		}
	});

	it('returns plain JSON-safe values: counts as numbers, dates as text, booleans as booleans', async () => {
		const rows = await db.query({ sql: "SELECT count(*) AS n, sum(participants)::HUGEINT AS total, DATE '2012-04-01' AS d, true AS b FROM edition_facts" });
		expect(rows).toEqual([{ n: 9, total: 98, d: '2012-04-01', b: true }]);
		expect(() => JSON.stringify(rows)).not.toThrow();
	});

	it('binds parameters instead of pasting them into SQL', async () => {
		const hostile = "lezajsk' OR '1'='1";
		const rows = await db.query({ sql: 'SELECT centre_id FROM centres WHERE centre_id = ?', params: [hostile] });
		expect(rows).toEqual([]);
		const [row] = await db.query<{ n: number }>({ sql: 'SELECT count(*) AS n FROM centres WHERE centre_id = ?', params: ['lezajsk'] });
		expect(row.n).toBe(1);
	});

	it('fails clearly, offline, when SQL needs an extension that is not built in', async () => {
		await expect(db.query({ sql: "SELECT * FROM read_parquet('nowhere.parquet')" })).rejects.toThrow(/parquet/i);
	});

	it('starts the engine once, however many queries race to start it', async () => {
		const open = vi.fn(openNodeEngine);
		const fresh = createDatabase({
			open,
			manifest: async () => JSON.parse(await readFile(`${dataDir}/manifest.json`, 'utf8')),
			read: async (file) => new Uint8Array(await readFile(`${dataDir}/${file}`))
		});
		const results = await Promise.all(Array.from({ length: 8 }, (_, i) => fresh.query({ sql: `SELECT ${i} AS i` })));
		expect(results.map((r) => r[0].i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		expect(open).toHaveBeenCalledTimes(1);
	});

	it('runs one question once while it is in flight, and starts again after a failed start', async () => {
		let attempts = 0;
		const engine = await openNodeEngine();
		const run = vi.spyOn(engine, 'run');
		const flaky = createDatabase({
			open: async () => {
				if (++attempts === 1) throw new Error('wasm download failed');
				return engine;
			},
			manifest: async () => JSON.parse(await readFile(`${dataDir}/manifest.json`, 'utf8')),
			read: async (file) => new Uint8Array(await readFile(`${dataDir}/${file}`))
		});
		const question = { sql: 'SELECT count(*) AS n FROM participants' };
		await expect(flaky.query(question)).rejects.toThrow('wasm download failed');
		const [a, b] = await Promise.all([flaky.query(question), flaky.query(question)]);
		expect(a).toEqual([{ n: 98 }]);
		expect(b).toBe(a);
		expect(attempts).toBe(2);
		expect(run.mock.calls.filter(([sql]) => sql === question.sql)).toHaveLength(1);
	});
});

describe('an import that fails half-way', () => {
	it('keeps no answer asked while it ran: the rows its rollback took back are never shown', async () => {
		const person = (i: number) => ({ participant_id: `RB-${i}`, edition_id: 'lezajsk-2011', centre_id: 'lezajsk', pathway: 'social_contract', sex: 'M', age_band: '25-34', education: 'isced_3', labour_status: 'long_term_unemployed', disability: false, completion: 'completed', outcome_employed: true, outcome_job_seeking: false, outcome_education: false, outcome_qualification: false, provenance: 'imported' });
		const question = { sql: "SELECT count(*)::INTEGER AS n FROM participants WHERE centre_id = 'lezajsk'" };
		let failed = false;
		const door: DatabaseDoor = createDatabase({
			open: async () => {
				const engine = await openNodeEngine();
				return {
					...engine,
					// The second step of the import fails, after a page asked its question on the same connection.
					run: async (sql: string, params: SqlParam[]) => {
						if (sql.startsWith('INSERT INTO imported_rows') && !failed) {
							failed = true;
							await door.query(question);
							throw new Error('injected: out of memory');
						}
						return engine.run(sql, params);
					}
				};
			},
			manifest: async () => JSON.parse(await readFile(`${dataDir}/manifest.json`, 'utf8')) as DataManifest,
			read: async (file) => new Uint8Array(await readFile(`${dataDir}/${file}`))
		});
		// Counted by another text, so the question itself is first asked inside the transaction.
		const [before] = await door.query<{ n: number }>({ sql: 'SELECT count(*)::INTEGER AS n FROM participants WHERE centre_id = ?', params: ['lezajsk'] });
		const rows = Array.from({ length: 50 }, (_, i) => person(i));
		await expect(door.importArrow('participants', toPlainArrowIPC('participants', rows), 'rb.csv')).rejects.toThrow('injected');
		expect(failed).toBe(true);
		const [after] = await door.query<{ n: number }>(question);
		expect(after.n).toBe(before.n);
		await door.close();
	});
});

describe('kept statements (the Node engine, as the browser’s)', () => {
	it('answers each ask with its own values, prepares afresh after a failure, and sees a table changed after forget', async () => {
		const engine = await openNodeEngine();
		try {
			const one = (sql: string, params: (string | number)[]) => engine.run(sql, params).then((t) => t.toArray().map((r) => r.toJSON()));
			const twice = 'SELECT ? * 2 AS v';
			// The same text with other values: never the last answer again.
			expect(await one(twice, [3])).toEqual([{ v: 6 }]);
			expect(await one(twice, [5])).toEqual([{ v: 10 }]);
			// A failed run is not kept broken: the same text answers the next valid ask.
			const cast = 'SELECT CAST(? AS INTEGER) + 1 AS v';
			await expect(one(cast, ['not a number'])).rejects.toThrow();
			expect(await one(cast, ['41'])).toEqual([{ v: 42 }]);
			// More texts than the cache keeps (64): the first one, pushed out, still answers rightly.
			for (let i = 0; i < 70; i++) expect(await one(`SELECT ? + ${i} AS v`, [1])).toEqual([{ v: 1 + i }]);
			expect(await one(twice, [7])).toEqual([{ v: 14 }]);
			// A table replaced, as an import does, then the statements forgotten: the kept text reads the new rows.
			await engine.run('CREATE TABLE t AS SELECT 1 AS x', []);
			const read = 'SELECT count(*) AS n FROM t WHERE x >= ?';
			expect(await one(read, [0])).toEqual([{ n: 1 }]);
			await engine.run('DROP TABLE t', []);
			await engine.run('CREATE TABLE t AS SELECT * FROM range(5) r(x)', []);
			await engine.forget!();
			expect(await one(read, [0])).toEqual([{ n: 5 }]);
		} finally {
			await engine.close();
		}
	});
});

describe('Arrow files', () => {
	it('load into DuckDB with their dictionary types, empty tables included', async () => {
		const { toArrowIPC } = await import('../../src/lib/db/arrow');
		// The shipped files, but with an empty support table, as a centre without support records would bring.
		const fresh = createDatabase({
			open: openNodeEngine,
			manifest: async () => JSON.parse(await readFile(`${dataDir}/manifest.json`, 'utf8')),
			read: async (file) => (file.startsWith('support.') ? toArrowIPC('support', []) : new Uint8Array(await readFile(`${dataDir}/${file}`)))
		});
		await expect(fresh.query({ sql: 'SELECT count(*) AS n FROM support' })).resolves.toEqual([{ n: 0 }]);
		const [column] = await db.query<{ column_type: string }>({ sql: "SELECT data_type AS column_type FROM information_schema.columns WHERE table_name = 'participants' AND column_name = 'start_date'" });
		expect(column.column_type).toBe('DATE');
	});
});

describe('plain Arrow for imports', () => {
	it('builds the same table as the builders do, nulls and dates included, without compiling code', async () => {
		const { toArrowIPC, toPlainArrowIPC } = await import('../../src/lib/db/arrow');
		const { tableFromIPC } = await import('apache-arrow');
		const rows = [
			{ support_id: 'a-1', participant_id: 'a', edition_id: 'e', form: 'social', activity_id: null, hours: 2.5, cost_pln: 10.25, provenance: 'imported' },
			{ support_id: 'a-2', participant_id: 'a', edition_id: 'e', form: 'health', activity_id: 'x', hours: null, cost_pln: 0, provenance: 'imported' }
		];
		const plainRows = (bytes: Uint8Array) => tableFromIPC(bytes).toArray().map((r) => JSON.parse(JSON.stringify(r.toJSON())));
		expect(plainRows(toPlainArrowIPC('support', rows))).toEqual(plainRows(toArrowIPC('support', rows)));
		const people = [{ participant_id: 'p', edition_id: 'e', centre_id: 'c', pathway: 'social_contract', sex: 'K', age_band: '25-34', education: 'isced_3', labour_status: 'inactive', disability: true, start_date: '2011-03-01', end_date: null, completion: 'completed', outcome_employed: false, outcome_job_seeking: true, outcome_education: false, outcome_qualification: false, provenance: 'imported' }];
		expect(plainRows(toPlainArrowIPC('participants', people))).toEqual(plainRows(toArrowIPC('participants', people)));
	});
});
