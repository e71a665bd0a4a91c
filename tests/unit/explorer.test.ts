// The SQL explorer, attacked as a hostile link would: its engine is locked by DuckDB's own settings and parser, so
// no spelling of a write, a second statement, a file or an address gets through, whatever the friendly text
// check says. Table-driven attacks (each reproduced in the built site before the lock), a fast-check property
// that disguises them in every quoting form DuckDB knows, and the friendly check's own wording.
import { resolve } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { confine, LOCKDOWN } from '../../src/lib/db/database';
import { createNodeDatabase } from '../../src/lib/db/node';
import { codeOnly, explorerExamples, readsParticipantRows, refusal } from '../../src/lib/queries/explorer';

const DATA = resolve(import.meta.dirname, '../../static/data');
/** The explorer's engine: its own instance over the files, locked as the browser locks it. Uncached, so that
 * every look at its state is a fresh one. */
const sandbox = createNodeDatabase(DATA, { cache: false });
beforeAll(async () => {
	await sandbox.ready();
	await sandbox.lock();
}, 60_000);

/** Everything an attack could change: objects, databases, settings, variables, and what the overview reads. */
async function state() {
	const [objects, databases, settings, figures] = await Promise.all([
		sandbox.query({ sql: "SELECT string_agg(database_name || '.' || schema_name || '.' || table_name, ',' ORDER BY ALL) AS o FROM (SELECT database_name, schema_name, table_name FROM duckdb_tables() UNION ALL SELECT database_name, schema_name, view_name FROM duckdb_views() WHERE NOT internal UNION ALL SELECT database_name, schema_name, function_name FROM duckdb_functions() WHERE NOT internal)" }),
		sandbox.query({ sql: "SELECT string_agg(database_name, ',' ORDER BY ALL) AS d, current_database() AS current FROM duckdb_databases()" }),
		sandbox.query({ sql: "SELECT string_agg(name || '=' || value, ',' ORDER BY name) AS s FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration', 'threads', 'memory_limit', 'autoload_known_extensions')" }),
		sandbox.query({ sql: 'SELECT count(*) AS n, count(*) FILTER (WHERE outcome_employed) AS employed, (SELECT count(*) FROM support) AS support FROM participants' })
	]);
	const variable = await sandbox.query({ sql: "SELECT getvariable('u') AS u" });
	return { objects, databases, settings, figures, variable };
}

// Each of these ran in the built site before the explorer had its own locked engine (issue 9).
const ATTACKS: [string, string][] = [
	['dollar quotes hide a second statement', "SELECT $$'$$ AS a; CREATE TABLE pwn AS SELECT 42 AS x; SELECT $$'$$ AS b"],
	['dollar quotes hide a DROP', "SELECT $$'$$ AS a; DROP TABLE participants; SELECT $$'$$ AS b"],
	['tagged dollar quotes hide a SET', "SELECT $x$'$x$ AS a; SET threads = 1; SELECT $x$'$x$ AS b"],
	['an E-string hides SET VARIABLE', "SELECT E'\\'' AS a; SET VARIABLE u = 'http://127.0.0.1:5399/own'; SELECT E'\\'' AS b"],
	['ATTACH and USE', "SELECT $$'$$; ATTACH ':memory:' AS m; USE m; SELECT $$'$$"],
	['a temporary view shadows the participants', "SELECT $$'$$; CREATE OR REPLACE TEMP VIEW participants AS SELECT * REPLACE (true AS outcome_employed) FROM memory.main.participants; SELECT $$'$$"],
	['a temporary macro', "SELECT $$'$$; CREATE TEMP MACRO pwn(x) AS x + 1; SELECT $$'$$"],
	['a quoted file function and a URL built by concatenation', `SELECT * FROM "read_csv"('http:/' || '/127.0.0.1:5399/a.csv')`],
	['a URL as a table', "SELECT * FROM 'http://127.0.0.1:5399/a.csv'"],
	['a local file', "SELECT * FROM read_text('/etc/passwd')"],
	['a file list', "SELECT * FROM glob('/*')"],
	['a write hidden in query()', "SELECT * FROM query('CREATE TABLE pwn AS SELECT 42 AS x')"],
	['a bracket closed early', 'SELECT 1) AS x; DROP TABLE participants; SELECT (1'],
	['a plain DROP', 'DROP TABLE participants'],
	['a plain CREATE', 'CREATE TABLE pwn AS SELECT 42 AS x'],
	['a settings change', 'SET enable_external_access = true'],
	['unlocking the lock', 'SET lock_configuration = false'],
	['RESET', 'RESET lock_configuration'],
	['PRAGMA', "PRAGMA memory_limit = '1MB'"],
	['COPY to a file', "COPY participants TO '/tmp/pwn.csv'"],
	['EXPORT DATABASE', "EXPORT DATABASE '/tmp/pwn'"],
	['INSTALL', 'INSTALL httpfs'],
	['LOAD', 'LOAD httpfs'],
	['CALL', "CALL pragma_table_info('participants')"],
	['a transaction', 'BEGIN TRANSACTION'],
	['CHECKPOINT', 'CHECKPOINT'],
	['DETACH', 'DETACH memory'],
	['a comment before the second statement', "SELECT 1 /* ; */ ; INSERT INTO participants SELECT * FROM participants"],
	['a no-break space around the semicolon', 'SELECT 1\u00a0;\u00a0DELETE FROM participants'],
	['EXPLAIN in front of a write', 'EXPLAIN DELETE FROM participants'],
	['EXPLAIN ANALYZE of a write', 'EXPLAIN ANALYZE CREATE TABLE pwn AS SELECT 42']
];

describe('the explorer engine refuses every attack, whatever the text check says', () => {
	it('has its lock in DuckDB itself', async () => {
		expect(LOCKDOWN).toEqual(['SET enable_external_access = false', 'SET lock_configuration = true']);
		expect((await state()).settings[0].s).toContain('enable_external_access=false');
		expect((await state()).settings[0].s).toContain('lock_configuration=true');
	});

	it.each(ATTACKS)('%s', async (_, sql) => {
		const before = await state();
		// Refused by the engine, for the engine's reason: several statements, not a query, or no outside access.
		await expect(sandbox.explore(sql)).rejects.toThrow(/multiple statements|syntax error|disabled by configuration|Expected a single SELECT/);
		expect(await state()).toEqual(before);
	});

	it('refuses to explore before it is locked', async () => {
		const unlocked = createNodeDatabase(DATA);
		await expect(unlocked.explore('SELECT 1')).rejects.toThrow(/lock/);
		await unlocked.close();
	});

	// Disguises in every quoting form DuckDB's lexer knows, around any payload: the text may parse as anything at
	// all, but afterwards nothing is changed, created, attached, set or fetched.
	it('changes nothing, whatever the disguise (fast-check)', async () => {
		const before = await state();
		// Each a whole literal, quoted name or comment with a stray quote inside: a text check that blanks quotes
		// naively loses its place after it, which is how the attacks above got through.
		const disguise = fc.constantFrom("$$'$$", "$t$'$t$", "E'\\''", "''''", '"\'"', "/* ' */", "/* /* ' */ */", "-- '\n", "U&'\\0027'", '$$"$$', "e'\\'' ");
		const space = fc.constantFrom(' ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', '');
		const payload = fc.constantFrom(
			'CREATE TABLE pwn AS SELECT 42 AS x',
			'DROP TABLE participants',
			'DELETE FROM participants',
			"SET VARIABLE u = 'x'",
			'SET threads = 1',
			"ATTACH ':memory:' AS m",
			'CREATE TEMP VIEW participants AS SELECT 1 AS x',
			'CREATE TEMP MACRO pwn(x) AS x',
			"COPY participants TO '/tmp/pwn.csv'",
			'SET lock_configuration = false'
		);
		const sqlText = fc.tuple(disguise, space, payload, space, disguise).map(([open, s1, body, s2, close]) => `SELECT ${open} AS a;${s1}${body}${s2};SELECT ${close} AS b`);
		await fc.assert(
			fc.asyncProperty(sqlText, async (sql) => {
				await sandbox.explore(sql).catch(() => undefined);
				expect(await state()).toEqual(before);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('the explorer engine runs what researchers write', () => {
	it.each([
		['SELECT * FROM participants', 98],
		['select count(*) from support;', 1],
		['WITH x AS (SELECT 1 AS a) SELECT * FROM x', 1],
		['FROM participants LIMIT 5', 5],
		['DESCRIBE participants', 17],
		['SUMMARIZE support', 8],
		['SHOW TABLES', 12],
		['VALUES (1), (2)', 2],
		['TABLE cpi', 7],
		["PIVOT participants ON sex IN ('K', 'M') USING count(*) GROUP BY centre_id", 5],
		['EXPLAIN SELECT count(*) FROM participants', 1],
		["SELECT 'DROP TABLE participants; --' AS text", 1],
		['-- a comment first\nSELECT 1', 1],
		['SELECT 1 -- a comment last', 1],
		['SELECT 1;  \n', 1]
	])('%j gives %i rows', async (sql, rows) => {
		expect((await sandbox.explore(sql)).rows).toHaveLength(rows);
	});

	it('keeps the order and the names of the columns the query chose', async () => {
		const { rows, columns } = await sandbox.explore('SELECT centre_id AS "ośrodek", count(*) AS n FROM participants GROUP BY ALL ORDER BY n DESC, 1');
		expect(columns.map((c) => c.name)).toEqual(['ośrodek', 'n']);
		expect(rows.map((r) => r.n)).toEqual([37, 25, 18, 10, 8]);
	});

	it('gives the columns and their types even when no row comes back', async () => {
		const result = await sandbox.explore('SELECT centre_id, year FROM editions WHERE false');
		expect(result.rows).toEqual([]);
		expect(result.columns.map((c) => c.name)).toEqual(['centre_id', 'year']);
	});

	it('runs every example query', async () => {
		for (const example of explorerExamples()) {
			expect(refusal(example.sql), example.title).toBeNull();
			expect((await sandbox.explore(example.sql)).rows.length, example.title).toBeGreaterThan(0);
		}
	});

	it.each([
		['SELECT 1;', 'SELECT * FROM (\nSELECT 1\n)'],
		['explain analyze SELECT 1', 'explain analyze SELECT * FROM (\nSELECT 1\n)'],
		['DROP TABLE x', 'SELECT * FROM (\nDROP TABLE x\n)']
	])('confines %j inside a query', (sql, confined) => {
		expect(confine(sql)).toBe(confined);
	});
});

describe('the friendly text check (wording only; the engine enforces)', () => {
	it.each([
		'SELECT * FROM participants',
		'WITH x AS (SELECT 1 AS a) SELECT * FROM x',
		'DESCRIBE participants',
		"SELECT 'DROP TABLE participants; --' AS text",
		'SELECT "delete" FROM (SELECT 1 AS "delete")',
		'-- DROP TABLE x\nSELECT 1',
		'/* UPDATE */ SELECT 1'
	])('lets %j through to the engine', (sql) => {
		expect(refusal(sql)).toBeNull();
	});

	it.each([
		['', 'Puste'],
		['DROP TABLE participants', 'DROP'],
		['SELECT 1; DROP TABLE participants', 'Jedno polecenie'],
		['WITH x AS (SELECT 1) INSERT INTO participants SELECT * FROM x', 'INSERT'],
		["SELECT * FROM read_csv('data.csv')", 'READ_CSV'],
		["SELECT * FROM 'https://example.org/x.parquet'", '://'],
		['SET threads = 4', 'SET']
	])('words its refusal of %j', (sql, reason) => {
		expect(refusal(sql)).toContain(reason);
	});

	it.each([
		['SELECT count(*) FROM participants', true],
		['select form, sum(cost_pln) from SUPPORT group by all', true],
		['SELECT * FROM edition_facts', false],
		["SELECT 'participants' AS word", false],
		['-- from participants\nSELECT 1', false]
	])('knows whether %j reads synthetic participant rows: %s', (sql, expected) => {
		expect(readsParticipantRows(sql)).toBe(expected);
	});

	it('blanks strings, quoted names and comments, keeping the code', () => {
		expect(codeOnly("SELECT 'a;b' AS \"x;y\" -- c;d\nFROM t /* e;f */")).toBe("SELECT '' AS \"\"  \nFROM t  ");
	});
});

describe('closing the engine', () => {
	it('ends it, and the next question starts a new one from the files', async () => {
		const door = createNodeDatabase(DATA);
		await door.ready();
		await door.query({ sql: 'DELETE FROM participants' });
		await door.close();
		expect(await door.query({ sql: 'SELECT count(*) AS n FROM participants' })).toEqual([{ n: 98 }]);
		await door.close();
	});
});
