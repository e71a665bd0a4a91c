// The column model on its own: which columns carry a provenance mark, how rows sort with gaps last, and how the
// wide export and the CSV for Polish Excel write each kind of figure.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { ShownCell } from '../../src/lib/queries/cells';
import { columnProvenance, kindOf, nextSort, sortRows, type Column, type TableModel } from '../../src/lib/table/columns';
import { longTable, wideTable } from '../../src/lib/table/export';
import { toExcelCsv } from '../../src/lib/export/csv';

type Row = { id: string; cell: ShownCell };
const published = (value: number): ShownCell => ({ kind: 'published', value, sources: ['x-page'] });
const derived = (value: number): ShownCell => ({ kind: 'published', value, sources: ['x-page'], derived: true });
const synthetic = (value: number): ShownCell => ({ kind: 'synthetic', value });
const column: Column<Row> = { key: 'figure', label: 'Liczba', format: 'money', cell: (r) => r.cell };
const rows = (...cells: ShownCell[]): Row[] => cells.map((cell, i) => ({ id: `r${i}`, cell }));

describe('column provenance', () => {
	it.each([
		['all published', rows(published(1), published(2)), 'published'],
		['all derived', rows(derived(1), derived(2)), 'derived'],
		['all synthetic, gaps aside', rows(synthetic(1), { kind: 'suppressed' }, { kind: 'unknown' }), 'synthetic'],
		['published and synthetic', rows(published(1), synthetic(2)), null],
		['published and derived', rows(published(1), derived(2)), null],
		['gaps only', rows({ kind: 'unknown' }, { kind: 'hidden' }), null],
		['imported rows', rows({ kind: 'synthetic', value: 1, imported: 'all' }, { kind: 'synthetic', value: 2, imported: 'all' }), null]
	] as const)('%s → %s', (_, given, mark) => {
		expect(columnProvenance(column, [...given])).toBe(mark);
	});

	it('names each cell by its provenance or its gap', () => {
		expect([published(1), derived(1), synthetic(1), { kind: 'synthetic', value: 1, imported: 'some' } as ShownCell, { kind: 'suppressed' } as ShownCell].map(kindOf)).toEqual([
			'published',
			'derived',
			'synthetic',
			'synthetic+imported',
			'suppressed'
		]);
	});
});

describe('sorting', () => {
	const table = rows(published(3), { kind: 'unknown' }, published(1), { kind: 'suppressed' }, published(2));
	const order = (descending: boolean) => sortRows(table, [column], { column: 'figure', descending }).map((r) => r.id);

	it('puts gaps last both ways, in their given order', () => {
		expect(order(false)).toEqual(['r2', 'r4', 'r0', 'r1', 'r3']);
		expect(order(true)).toEqual(['r0', 'r4', 'r2', 'r1', 'r3']);
	});

	it('keeps the given order without a sort or for an unknown column', () => {
		expect(sortRows(table, [column], null)).toBe(table);
		expect(sortRows(table, [column], { column: 'nope', descending: false })).toBe(table);
	});

	it('goes ascending first, then descending', () => {
		expect(nextSort(null, 'a')).toEqual({ column: 'a', descending: false });
		expect(nextSort({ column: 'a', descending: false }, 'a')).toEqual({ column: 'a', descending: true });
		expect(nextSort({ column: 'a', descending: true }, 'b')).toEqual({ column: 'b', descending: false });
	});
});

describe('exports of a small table', () => {
	type R = { name: string; share: ShownCell; money: ShownCell };
	const model: TableModel<R> = {
		columns: [
			{ key: 'name', label: 'Ośrodek', format: 'text', rowHeader: true, value: (r) => r.name },
			{ key: 'share', label: 'Kobiety', format: 'percent', cell: (r) => r.share },
			{ key: 'money', label: 'Budżet', unit: 'zł', format: 'money', cell: (r) => r.money }
		],
		rows: [
			{ name: 'A', share: { kind: 'synthetic', k: 17, n: 37, rate: 17 / 37, low: 0.31, high: 0.62, sources: [] }, money: published(353456) },
			{ name: 'B', share: { kind: 'suppressed', n: 8 }, money: { kind: 'unknown' } }
		],
		rowName: 'centre',
		rowKey: (r) => r.name
	};

	it('wide: a rate with its k, n and interval beside it, the column mark in the header, a gap in words', () => {
		const wide = wideTable(model);
		expect(wide.columns.map((c) => c.header)).toEqual([
			'Ośrodek',
			'Kobiety — syntetyczne',
			'Kobiety: licznik (k)',
			'Kobiety: mianownik (n)',
			'Kobiety: 95% PU od',
			'Kobiety: 95% PU do',
			'Budżet (zł) — opublikowane'
		]);
		expect(wide.rows[0].map((c) => c.value)).toEqual(['A', 17 / 37, 17, 37, 0.31, 0.62, 353456]);
		expect(wide.rows[0][1].synthetic).toBe(true);
		expect(wide.rows[1].map((c) => c.value)).toEqual(['B', 'ukryte', null, 8, null, null, 'nie opublikowano']);
	});

	it('long: one row per figure, with provenance, reason code and sources', () => {
		const long = longTable(model);
		expect(long.rows.map((r) => [r.centre_id, r.measure, r.value, r.provenance, r.reason, r.sources])).toEqual([
			['A', 'share', 17 / 37, 'synthetic', null, null],
			['A', 'money', 353456, 'published', null, 'x-page'],
			['B', 'share', null, 'suppressed', 'hidden_small', null],
			['B', 'money', null, 'unknown', 'not_published', null]
		]);
	});

	it('CSV for Polish Excel: percent as percent, money to the grosz without separators, no long decimals', () => {
		const [header, a, b] = Papa.parse<string[]>(toExcelCsv(wideTable(model)).slice(1).trim(), { delimiter: ';' }).data;
		expect(header[1]).toBe('Kobiety — syntetyczne');
		expect(a).toEqual(['A', '45,9%', '17', '37', '31%', '62%', '353456,00']);
		expect(b).toEqual(['B', 'ukryte', '', '8', '', '', 'nie opublikowano']);
	});
});
