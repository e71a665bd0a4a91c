// The SQL explorer's guard and engine calls: reading statements run, anything that would change data or reach
// outside is refused with a reason, a keyword inside a string is not mistaken for one, and reset restores.
import { resolve } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDatabase } from '../../src/lib/db/node';
import { codeOnly, EXAMPLES, readsParticipantRows, refusal } from '../../src/lib/queries/explorer';

const db = createNodeDatabase(resolve(import.meta.dirname, '../../static/data'));
beforeAll(() => db.ready(), 60_000);

describe('explorer guard', () => {
	it.each([
		'SELECT * FROM participants',
		'select count(*) from support;',
		'WITH x AS (SELECT 1 AS a) SELECT * FROM x',
		'FROM participants LIMIT 5',
		'DESCRIBE participants',
		'SUMMARIZE support',
		"SELECT 'DROP TABLE participants; --' AS text",
		'SELECT "delete" FROM (SELECT 1 AS "delete")',
		'-- DROP TABLE x\nSELECT 1',
		'/* UPDATE */ SELECT 1'
	])('runs %j', (sql) => {
		expect(refusal(sql)).toBeNull();
	});

	it.each([
		['', 'Puste'],
		['DROP TABLE participants', 'DROP'],
		['delete from participants', 'DELETE'],
		['SELECT 1; DROP TABLE participants', 'Jedno polecenie'],
		['EXPLAIN DELETE FROM participants', 'DELETE'],
		['WITH x AS (SELECT 1) INSERT INTO participants SELECT * FROM x', 'INSERT'],
		["SELECT * FROM read_csv('data.csv')", 'READ_CSV'],
		["SELECT * FROM 'https://example.org/x.parquet'", '://'],
		['COPY participants TO \'x.csv\'', 'COPY'],
		['SET threads = 4', 'SET'],
		['ATTACH \'x.db\'', 'ATTACH'],
		['INSTALL httpfs', 'INSTALL']
	])('refuses %j', (sql, reason) => {
		expect(refusal(sql)).toContain(reason);
	});

	it('refuses any statement that carries a data-changing word outside strings, wherever it stands', () => {
		const word = fc.constantFrom('DROP', 'DELETE', 'INSERT', 'UPDATE', 'CREATE', 'ALTER', 'COPY', 'ATTACH');
		const filler = fc.stringMatching(/^[a-z0-9_ ,()*]{0,20}$/);
		fc.assert(fc.property(filler, word, filler, (before, w, after) => refusal(`SELECT ${before} ${w} ${after}`) !== null));
	});

	it('never refuses a reading statement for what a string literal says', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 40 }), (s) => {
				const literal = `'${s.replace(/'/g, "''")}'`;
				return refusal(`SELECT ${literal} AS x`) === null || s.includes('://');
			})
		);
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

	it('runs every example query', async () => {
		for (const example of EXAMPLES) {
			expect(refusal(example.sql), example.title).toBeNull();
			const result = await db.explore(example.sql);
			expect(result.rows.length, example.title).toBeGreaterThan(0);
		}
	});
});

describe('explorer engine calls', () => {
	it('gives the columns and their types even when no row comes back', async () => {
		const result = await db.explore('SELECT centre_id, year FROM editions WHERE false');
		expect(result.rows).toEqual([]);
		expect(result.columns.map((c) => c.name)).toEqual(['centre_id', 'year']);
	});

	it('reset restores the loaded tables, whatever happened to them', async () => {
		await db.query({ sql: 'DELETE FROM participants' });
		expect((await db.explore('SELECT count(*) AS n FROM participants')).rows).toEqual([{ n: 0 }]);
		await db.reset();
		expect((await db.explore('SELECT count(*) AS n FROM participants')).rows).toEqual([{ n: 98 }]);
		expect((await db.explore('SELECT count(*) AS n FROM edition_facts')).rows).toEqual([{ n: 9 }]);
	});
});
