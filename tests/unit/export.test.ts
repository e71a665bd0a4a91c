// Exports: every format read back by an independent reader gives the same numbers; provenance on every row;
// formulas neutralised; hidden cells stay empty with their reason; the XLSX says what it is on a second sheet.
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDatabase, openNodeEngine } from '../../src/lib/db/node';
import { toRows } from '../../src/lib/db/rows';
import { DEFAULT_FILTERS } from '../../src/lib/queries/filters';
import { fetchOverview, type Overview } from '../../src/lib/queries/overview';
import { centresExport, chartExport, exportMeta } from '../../src/lib/export/shape';
import { toCsv } from '../../src/lib/export/csv';
import { toXlsx } from '../../src/lib/export/xlsx';
import { toParquet } from '../../src/lib/export/parquet';
import { toArrow } from '../../src/lib/export/arrow';
import { fileName, neutraliseFormula, type ExportTable } from '../../src/lib/export/table';
import { employmentChart } from '../../src/lib/charts/series';

const db = createNodeDatabase(resolve(import.meta.dirname, '../../static/data'));
let overview: Overview;
let table: ExportTable;
beforeAll(async () => {
	overview = await fetchOverview(db, DEFAULT_FILTERS);
	const names = new Map(overview.centres.map((c) => [c.centreId, c.shortName]));
	table = centresExport(overview.centres, 'all', exportMeta('Porównanie ośrodków', { ...DEFAULT_FILTERS, priceBase: 2013 }, names, ['strony ośrodków'], new Date('2026-11-23T12:00:00Z')));
}, 60_000);

const numbers = (rows: Record<string, unknown>[]) => rows.map((r) => [r.centre_id, r.measure, r.value, r.k, r.n, r.provenance]);
const expected = () => numbers(table.rows);

describe('export shaping', () => {
	it('puts every figure on a row with its provenance and sources', () => {
		const budget = table.rows.find((r) => r.centre_id === 'lezajsk' && r.measure === 'budget')!;
		expect(budget).toMatchObject({ value: 385365.31, provenance: 'published', sources: 'lezajsk-page' });
		expect(table.rows.every((r) => ['published', 'synthetic', 'unknown', 'suppressed', 'hidden'].includes(r.provenance as string))).toBe(true);
		expect(table.rows.some((r) => r.provenance === 'synthetic')).toBe(true);
	});

	it('leaves a hidden cell empty, with its reason and n only where the screen shows n', () => {
		const hidden = table.rows.filter((r) => r.provenance === 'suppressed');
		expect(hidden.length).toBeGreaterThan(0);
		for (const r of hidden) expect([r.value, r.k, r.ci_low, r.ci_high]).toEqual([null, null, null, null]);
	});

	it('hides synthetic figures in the published-only view', () => {
		const published = centresExport(overview.centres, 'published', table.meta);
		expect(published.rows.some((r) => r.provenance === 'synthetic')).toBe(false);
		expect(published.rows.some((r) => r.provenance === 'hidden')).toBe(true);
	});

	it('turns a chart into one row per bar, with whiskers and the reason for a missing bar', () => {
		const chart = chartExport(employmentChart(overview.centres, 'all'), 'Ośrodek', table.meta);
		expect(chart.rows).toHaveLength(overview.centres.length);
		const lezajsk = chart.rows.find((r) => String(r.category).startsWith('MOPS Leżajsk'))!;
		expect(lezajsk).toMatchObject({ value: 12, provenance: 'published' });
		expect(chart.rows.some((r) => r.provenance === 'suppressed' && r.note === 'ukryte (<5)')).toBe(true);
	});

	it('describes the filters and prices in words', () => {
		expect(table.meta.filters).toContain('Ceny: ceny stałe 2013 r.');
	});

	it.each([
		['=1+1', "'=1+1"],
		['+48 123', "'+48 123"],
		['-5', "'-5"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tx', "'\tx"],
		['\rx', "'\rx"],
		[' =1+1', "' =1+1"],
		['\u00a0=1+1', "'\u00a0=1+1"],
		['\u3000@SUM(A1)', "'\u3000@SUM(A1)"],
		['\ufeff=1', "'\ufeff=1"],
		['\uff1dHYPERLINK("http://zle.example")', "'\uff1dHYPERLINK(\"http://zle.example\")"],
		['\uff0b1', "'\uff0b1"],
		['\uff0d1', "'\uff0d1"],
		['\uff20SUM(A1)', "'\uff20SUM(A1)"],
		['  \u00a0\uff1d1', "'  \u00a0\uff1d1"],
		['Leżajsk', 'Leżajsk'],
		['  Leżajsk', '  Leżajsk'],
		['IMP-0001', 'IMP-0001'],
		['a=b', 'a=b']
	])('neutralises a formula: %j', (input, output) => {
		expect(neutraliseFormula(input)).toBe(output);
	});

	// Spreadsheets skip leading white space and read full-width operators as their ASCII twins.
	const blank = fc.constantFrom(' ', '\u00a0', '\u2007', '\u202f', '\u3000', '\u200b', '\ufeff', '\n');
	const operator = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\uff1d', '\uff0b', '\uff0d', '\uff20');

	it('neutralises any formula behind any leading white space (property)', () => {
		fc.assert(
			fc.property(fc.array(blank, { maxLength: 5 }), operator, fc.string(), (spaces, op, rest) => {
				const value = spaces.join('') + op + rest;
				expect(neutraliseFormula(value)).toBe(`'${value}`);
			})
		);
	});

	it('leaves text alone when no formula character follows the leading white space (property)', () => {
		const safeStart = fc.string({ minLength: 1 }).filter((s) => !/^[\s\u200b\ufeff=+\-@\uff1d\uff0b\uff0d\uff20]/.test(s));
		fc.assert(
			fc.property(fc.array(blank, { maxLength: 5 }), safeStart, (spaces, rest) => {
				const value = spaces.join('') + rest;
				expect(neutraliseFormula(value)).toBe(value);
			})
		);
	});

	it('a CSV read back never holds a cell a spreadsheet would run (property)', () => {
		fc.assert(
			fc.property(fc.array(blank, { maxLength: 3 }), operator, fc.string({ maxLength: 20 }), (spaces, op, rest) => {
				const hostile: ExportTable = { ...table, columns: [{ key: 'x', label: 'x', type: 'text' }], rows: [{ x: spaces.join('') + op + rest }] };
				const [cell] = Papa.parse<string[]>(toCsv(hostile, { dialect: 'excel-pl', bom: false }), { delimiter: ';' }).data[1];
				expect(cell.startsWith("'")).toBe(true);
			})
		);
	});

	it('makes safe file names from Polish titles', () => {
		expect(fileName('Koszt na uczestnika, ceny stałe 2013 r.')).toBe('koszt-na-uczestnika-ceny-stale-2013-r');
		expect(fileName('Łódź – Świebodzice')).toBe('lodz-swiebodzice');
	});
});

describe('export formats read back', () => {
	it('CSV: standard dialect, same numbers', () => {
		const csv = toCsv(table, { dialect: 'standard', bom: false });
		expect(csv.startsWith('centre_id,centre,measure,')).toBe(true);
		const parsed = Papa.parse<Record<string, unknown>>(csv.trim(), { header: true, dynamicTyping: true });
		expect(numbers(parsed.data.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === '' ? null : v]))))).toEqual(expected());
	});

	it('CSV: Polish Excel dialect with BOM, semicolons and decimal commas, same numbers', () => {
		const csv = toCsv(table, { dialect: 'excel-pl', bom: true });
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv).toContain('385365,31');
		const parsed = Papa.parse<Record<string, string>>(csv.slice(1).trim(), { header: true, delimiter: ';' });
		const back = parsed.data.map((r) =>
			Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === '' ? null : /^-?\d+(,\d+)?(e-?\d+)?$/.test(v) ? Number(v.replace(',', '.')) : v]))
		);
		expect(numbers(back)).toEqual(expected());
	});

	it('CSV: a formula in a text cell reaches the file neutralised', () => {
		const hostile: ExportTable = { ...table, columns: [{ key: 'x', label: 'x', type: 'text' }], rows: [{ x: '=HYPERLINK("http://zle.example","kliknij")' }] };
		expect(toCsv(hostile, { dialect: 'standard', bom: false })).toContain(`"'=HYPERLINK(""http://zle.example"",""kliknij"")"`);
	});

	it('XLSX: data on the first sheet, same numbers; filters, sources, provenance and date on the second', async () => {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await toXlsx(table)).buffer as ArrayBuffer);
		const [data, about] = workbook.worksheets;
		expect([data.name, about.name]).toEqual(['Dane', 'Opis']);
		const header = (data.getRow(1).values as unknown[]).slice(1) as string[];
		const rows: Record<string, unknown>[] = [];
		data.eachRow((row, i) => {
			if (i === 1) return;
			const values = (row.values as unknown[]).slice(1);
			rows.push(Object.fromEntries(header.map((h, j) => [h, values[j] ?? null])));
		});
		expect(numbers(rows)).toEqual(expected());
		const aboutText = JSON.stringify(about.getSheetValues());
		expect(aboutText).toContain('ceny stałe 2013 r.');
		expect(aboutText).toContain('strony ośrodków');
		expect(aboutText).toContain('2026-11-23T12:00:00.000Z');
		expect(aboutText).toContain('provenance');
	});

	it('Parquet: same rows, and the description in the file metadata', async () => {
		const bytes = toParquet(table);
		const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
		const rows = (await parquetReadObjects({ file: buffer })) as Record<string, unknown>[];
		expect(numbers(rows)).toEqual(expected());
		const meta = parquetMetadata(buffer).key_value_metadata ?? [];
		expect(meta.find((kv) => kv.key === 'filters')?.value).toContain('ceny stałe 2013 r.');
	});

	it('Arrow IPC: same rows, and DuckDB loads it as a table', async () => {
		const bytes = toArrow(table);
		const rows = tableFromIPC(bytes).toArray().map((r) => r.toJSON() as Record<string, unknown>);
		expect(numbers(rows)).toEqual(expected());
		// The exported file, loaded into the engine the app uses, answers with the same rows.
		const engine = await openNodeEngine();
		await engine.insertArrow('exported', bytes);
		const back = toRows<Record<string, unknown>>(await engine.run('SELECT * FROM exported', []));
		expect(numbers(back)).toEqual(expected());
	});
});

describe('centre page exports', () => {
	it('the published figures as stated, and the synthetic profile with hidden counts left empty', async () => {
		const { fetchCentre } = await import('../../src/lib/queries/centre');
		const { figuresExport, profileExport, recordsExport } = await import('../../src/lib/export/shape');
		const detail = (await fetchCentre(db, 'lezajsk'))!;
		const figures = figuresExport(detail.figures, table.meta);
		expect(figures.rows.find((r) => r.figure === 'budget_pln')).toMatchObject({ value: 385365.31, stated: '385 365,31 zł', provenance: 'published', sources: 'lezajsk-page' });
		const profile = profileExport(detail, table.meta);
		expect(profile.rows.some((r) => r.provenance === 'suppressed' && r.participants === null)).toBe(true);
		expect(profile.rows.every((r) => r.provenance !== 'suppressed' || r.participants === null)).toBe(true);
		const editions = recordsExport(detail.editions as unknown as Record<string, unknown>[], ['edition_id', 'year', 'quote'], table.meta, 'published');
		expect(editions.rows.map((r) => r.edition_id)).toEqual(['lezajsk-2008', 'lezajsk-2009', 'lezajsk-2010', 'lezajsk-2011']);
		expect(editions.rows.every((r) => r.provenance === 'published')).toBe(true);
		expect(editions.columns.find((c) => c.key === 'year')!.type).toBe('number');
		// A query's result keeps its own columns, typed by their values, and states no provenance of its own.
		const result = recordsExport([{ n: 1, ok: true, x: { a: 1 } }, { n: null, ok: false, x: null }], ['n', 'ok', 'x'], table.meta);
		expect(result.columns.map((c) => [c.key, c.type])).toEqual([['n', 'number'], ['ok', 'boolean'], ['x', 'text']]);
		expect(result.rows[0]).toEqual({ n: 1, ok: true, x: '{"a":1}' });
		// Every shape writes to every format without a type error.
		for (const t of [figures, profile, editions]) expect(toCsv(t, { dialect: 'standard', bom: false }).length).toBeGreaterThan(0);
	});
});
