// Exports: the table as on screen (XLSX first sheet, CSV for Polish Excel) with Polish headers and numbers under
// number formats; the long form (CSV, Parquet, Arrow, XLSX second sheet) read back by an independent reader gives the
// same numbers with provenance on every row; formulas neutralised; hidden cells stay empty with their reason.
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { tableFromIPC } from 'apache-arrow';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../src/lib/i18n/locale';
import { createNodeDatabase, openNodeEngine } from '../../src/lib/db/node';
import { toRows } from '../../src/lib/db/rows';
import { DEFAULT_FILTERS } from '../../src/lib/queries/filters';
import { fetchOverview, type Overview } from '../../src/lib/queries/overview';
import { exportMeta } from '../../src/lib/export/meta';
import { chartExport, tableExport } from '../../src/lib/table/export';
import { centreTable, editionTable, figureTable, profileTable, recordTable, supportTable } from '../../src/lib/table/tables';
import { toCsv, toExcelCsv } from '../../src/lib/export/csv';
import { toXlsx } from '../../src/lib/export/xlsx';
import { toParquet } from '../../src/lib/export/parquet';
import { toArrow } from '../../src/lib/export/arrow';
import { fileName, neutraliseFormula, type ExportMeta, type ExportTable, type LongTable } from '../../src/lib/export/table';
import { employmentChart } from '../../src/lib/charts/series';

const db = createNodeDatabase(resolve(import.meta.dirname, '../../static/data'));
let overview: Overview;
let exported: ExportTable;
let table: LongTable;
let meta: ExportMeta;
const centresExport = (view: 'all' | 'published') => tableExport(centreTable(overview.centres, overview.editions, view, null), meta);
beforeAll(async () => {
	overview = await fetchOverview(db, DEFAULT_FILTERS);
	const names = new Map(overview.centres.map((c) => [c.centreId, c.shortName]));
	meta = exportMeta('Porównanie ośrodków', { ...DEFAULT_FILTERS, priceBase: 2013 }, names, ['strony ośrodków'], new Date('2026-11-23T12:00:00Z'));
	exported = centresExport('all');
	table = exported.long;
}, 60_000);

const numbers = (rows: Record<string, unknown>[]) => rows.map((r) => [r.centre_id, r.measure, r.value, r.k, r.n, r.provenance, r.reason]);
const expected = () => numbers(table.rows);

describe('export shaping', () => {
	it('puts every figure on a row with its provenance and sources', () => {
		const budget = table.rows.find((r) => r.centre_id === 'lezajsk' && r.measure === 'budget')!;
		expect(budget).toMatchObject({ value: 385365.31, provenance: 'published', sources: 'lezajsk-page', reason: null });
		expect(table.rows.every((r) => ['published', 'derived', 'synthetic', 'unknown', 'suppressed', 'hidden'].includes(r.provenance as string))).toBe(true);
		expect(table.rows.some((r) => r.provenance === 'synthetic')).toBe(true);
		// Cost per participant is our division of published figures: derived, never „published”.
		const cost = table.rows.filter((r) => r.measure === 'cost-per-participant' && r.value !== null);
		expect(cost.length).toBeGreaterThan(0);
		expect(cost.every((r) => r.provenance === 'derived' && r.sources !== null)).toBe(true);
	});

	it('leaves a hidden cell empty, with its reason and n only where the screen shows n', () => {
		const hidden = table.rows.filter((r) => r.provenance === 'suppressed');
		expect(hidden.length).toBeGreaterThan(0);
		for (const r of hidden) expect([r.value, r.k, r.ci_low, r.ci_high, r.reason]).toEqual([null, null, null, null, 'hidden_small']);
		expect(table.rows.filter((r) => r.provenance === 'unknown').every((r) => r.reason === 'not_published')).toBe(true);
	});

	it('hides synthetic figures in the published-only view', () => {
		const published = centresExport('published').long;
		expect(published.rows.some((r) => r.provenance === 'synthetic')).toBe(false);
		expect(published.rows.some((r) => r.provenance === 'hidden' && r.reason === 'published_only')).toBe(true);
	});

	it('turns a chart into one row per bar, with whiskers and the reason for a missing bar', () => {
		const chart = chartExport(employmentChart(overview.centres, 'all'), 'Ośrodek', meta).long;
		const bars = chart.rows.filter((r) => r.measure === 'series-1');
		expect(bars).toHaveLength(overview.centres.length);
		const lezajsk = bars.find((r) => String(r.category).startsWith('MOPS Leżajsk'))!;
		expect(lezajsk).toMatchObject({ value: 0.12, provenance: 'published' });
		expect(bars.some((r) => r.provenance === 'missing' && r.reason === 'hidden_small' && r.value === null)).toBe(true);
	});

	it('describes the filters and prices in words', () => {
		expect(meta.filters).toContain('Ceny: ceny stałe 2013 r.');
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
				const value = spaces.join('') + op + rest;
				const [cell] = Papa.parse<string[]>(toExcelCsv({ columns: [{ header: 'x', format: 'text' }], rows: [[{ value }]] }).slice(1), { delimiter: ';' }).data[1];
				expect(cell.startsWith("'")).toBe(true);
				const hostile: LongTable = { ...table, columns: [{ key: 'x', label: 'x', type: 'text' }], rows: [{ x: value }] };
				expect(Papa.parse<string[]>(toCsv(hostile)).data[1][0].startsWith("'")).toBe(true);
			})
		);
	});

	it('makes safe file names from Polish titles', () => {
		expect(fileName('Koszt na uczestnika, ceny stałe 2013 r.')).toBe('koszt-na-uczestnika-ceny-stale-2013-r');
		expect(fileName('Łódź – Świebodzice')).toBe('lodz-swiebodzice');
	});
});

/** The sheet's header row: the one whose first cell names the centre column, in either language. */
const headerRow = (sheet: ExcelJS.Worksheet) => {
	let found = 0;
	sheet.eachRow((row, i) => {
		if (!found && (row.getCell(1).value === 'Ośrodek' || row.getCell(1).value === 'Centre')) found = i;
	});
	return found;
};

describe('the table as on screen', () => {

	it('XLSX first sheet: a block saying what it is, then Polish headers and one row per centre, numbers under number formats', async () => {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await toXlsx(exported)).buffer as ArrayBuffer);
		expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tabela', 'Format danych', 'Opis']);
		const sheet = workbook.worksheets[0];
		expect(sheet.getCell('A1').value).toBe('Porównanie ośrodków');
		expect(JSON.stringify(sheet.getSheetValues().slice(0, 6))).toContain('ceny stałe 2013 r.');
		const at = headerRow(sheet);
		expect(at).toBeGreaterThan(1);
		const headers = (sheet.getRow(at).values as unknown[]).slice(1) as string[];
		expect(headers.slice(0, 2)).toEqual(['Ośrodek', 'Lata edycji']);
		expect(headers).toContain('Uczestnicy — opublikowane');
		// Uniform columns carry their provenance in the header; a mixed one says it per row beside the figure.
		expect(headers).toContain('Ukończyli udział — syntetyczne');
		expect(headers).toContain('Kobiety: pochodzenie');
		expect(headers).toContain('Koszt na uczestnika (zł, ceny bieżące) — wyliczone z opublikowanych');
		expect(headers.join(' ')).not.toMatch(/costPerParticipant|cost-per-participant|provenance|measure/);
		expect(sheet.rowCount - at).toBe(overview.centres.length);

		const row = (centre: string) => {
			let found = 0;
			sheet.eachRow((r, i) => {
				if (i > at && r.getCell(1).value === centre) found = i;
			});
			return sheet.getRow(found);
		};
		const col = (header: string) => headers.indexOf(header) + 1;
		const lezajsk = row('MOPS Leżajsk');
		const budget = lezajsk.getCell(col('Budżet (zł, ceny bieżące) — opublikowane'));
		expect(budget.value).toBe(385365.31);
		expect(budget.numFmt).toBe('#,##0.00 "zł"');
		const women = lezajsk.getCell(col('Kobiety'));
		expect(typeof women.value).toBe('number');
		expect(women.numFmt).toBe('0.0%');
		expect((women.fill as { pattern?: string }).pattern).toBe('lightUp');
		expect(lezajsk.getCell(col('Kobiety: mianownik (n)')).value).toBe(25);
		expect(lezajsk.getCell(col('Kobiety: pochodzenie')).value).toBe('syntetyczne');
		// A gap says why in words, as on screen; never a 0.
		const chocianow = row('OPS Chocianów');
		expect(chocianow.getCell(col('Budżet (zł, ceny bieżące) — opublikowane')).value).toBe('nie opublikowano');
	});

	it('XLSX second sheet: the long form, with provenance on every row and the same numbers', async () => {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await toXlsx(exported)).buffer as ArrayBuffer);
		const data = workbook.worksheets[1];
		const header = (data.getRow(1).values as unknown[]).slice(1) as string[];
		const rows: Record<string, unknown>[] = [];
		data.eachRow((row, i) => {
			if (i === 1) return;
			const values = (row.values as unknown[]).slice(1);
			rows.push(Object.fromEntries(header.map((h, j) => [h, values[j] ?? null])));
		});
		expect(numbers(rows)).toEqual(expected());
		expect(rows.every((r) => typeof r.provenance === 'string' && r.provenance.length > 0)).toBe(true);
		const aboutText = JSON.stringify(workbook.worksheets[2].getSheetValues());
		expect(aboutText).toContain('strony ośrodków');
		expect(aboutText).toContain('2026-11-23T12:00:00.000Z');
		expect(aboutText).toContain('provenance');
	});

	it('CSV for Polish Excel: the screen table with Polish headers, percent as percent, money to the grosz, no long decimals', () => {
		const csv = toExcelCsv(exported.wide);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const [header, ...rows] = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ';' }).data;
		expect(header.slice(0, 2)).toEqual(['Ośrodek', 'Lata edycji']);
		expect(header).toContain('Uczestnicy — opublikowane');
		expect(rows).toHaveLength(overview.centres.length);
		const lezajsk = rows.find((r) => r[0] === 'MOPS Leżajsk')!;
		expect(lezajsk[header.indexOf('Budżet (zł, ceny bieżące) — opublikowane')]).toBe('385365,31');
		expect(lezajsk[header.indexOf('Kobiety')]).toMatch(/^\d{1,3}(,\d)?%$/);
		expect(csv).not.toMatch(/\d,\d{4,}/);
		expect(csv).not.toMatch(/costPerParticipant|synthetic|published/);
	});
});

describe('exports from an English page', () => {
	afterEach(() => setLocale('pl'));

	it('CSV for Excel: English headers, comma and decimal point; XLSX: English headers, money in PLN', async () => {
		setLocale('en');
		const english = centresExport('all');
		const csv = toExcelCsv(english.wide);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const [header, ...rows] = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ',' }).data;
		expect(header.slice(0, 2)).toEqual(['Centre', 'Edition years']);
		expect(header.join(' ')).not.toMatch(/[ąćęłńóśźż]|zł/u);
		expect(rows).toHaveLength(overview.centres.length);
		const lezajsk = rows.find((r) => r[0] === 'MOPS Leżajsk')!;
		const budget = header.findIndex((h) => /^Budget \(PLN, current prices\)/u.test(h));
		expect(budget, header.join(' | ')).toBeGreaterThan(0);
		expect(lezajsk[budget]).toBe('385365.31');

		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await toXlsx(english)).buffer as ArrayBuffer);
		const sheet = workbook.worksheets[0];
		const headers = (sheet.getRow(headerRow(sheet)).values as unknown[]).slice(1) as string[];
		expect(headers[0]).toBe('Centre');
		const moneyColumn = headers.findIndex((h) => /^Budget/u.test(h)) + 1;
		const formats: string[] = [];
		sheet.eachRow((row, i) => {
			if (i > headerRow(sheet) && typeof row.getCell(moneyColumn).value === 'number') formats.push(row.getCell(moneyColumn).numFmt);
		});
		expect(formats.length).toBeGreaterThan(0);
		expect(new Set(formats)).toEqual(new Set(['#,##0.00 "PLN"']));
	});
});

describe('a cost rounded to 100 zł in a file', () => {
	it('keeps the amount a number and formats it in whole złoty in XLSX, and writes no grosz in CSV', async () => {
		const table = tableExport(
			{
				rowName: 'centre',
				rowKey: (r: { name: string; cost: number }) => r.name,
				rows: [{ name: 'OPS A', cost: 8400 }],
				columns: [
					{ key: 'name', label: 'Ośrodek', format: 'text', rowHeader: true, value: (r) => r.name },
					{ key: 'cost', label: 'Koszt na uczestnika', format: 'wholeMoney', cell: (r) => ({ kind: 'synthetic', value: r.cost }) }
				]
			},
			meta
		);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await toXlsx(table)).buffer as ArrayBuffer);
		const sheet = workbook.worksheets[0];
		const cell = sheet.getRow(headerRow(sheet) + 1).getCell(2);
		expect(cell.value).toBe(8400);
		expect(cell.numFmt).toBe('#,##0 "zł"');
		const [, row] = Papa.parse<string[]>(toExcelCsv(table.wide, 'pl').slice(1).trim(), { delimiter: ';' }).data;
		expect(row[1]).toBe('8400');
	});
});

describe('the long form read back', () => {
	it('CSV: comma, decimal point, same numbers', () => {
		const csv = toCsv(table);
		expect(csv.startsWith('centre_id,centre,years,measure,')).toBe(true);
		const parsed = Papa.parse<Record<string, unknown>>(csv.trim(), { header: true, dynamicTyping: true });
		expect(numbers(parsed.data.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === '' ? null : v]))))).toEqual(expected());
	});

	it('CSV: a formula in a text cell reaches the file neutralised', () => {
		const hostile: LongTable = { ...table, columns: [{ key: 'x', label: 'x', type: 'text' }], rows: [{ x: '=HYPERLINK("http://zle.example","kliknij")' }] };
		expect(toCsv(hostile)).toContain(`"'=HYPERLINK(""http://zle.example"",""kliknij"")"`);
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
	it('the published figures as stated, and the synthetic profile and support with hidden counts left empty', async () => {
		const { fetchCentre } = await import('../../src/lib/queries/centre');
		const detail = (await fetchCentre(db, 'lezajsk'))!;
		const figures = tableExport(figureTable(detail), meta).long;
		expect(figures.rows.find((r) => r.figure_id === 'lezajsk-2011:budget_pln')).toMatchObject({ value: 385365.31, stated: '385 365,31 zł', provenance: 'published', sources: 'lezajsk-page' });
		const profile = tableExport(profileTable(detail, 'sex'), meta).long;
		expect(profile.rows.every((r) => r.provenance === 'synthetic' || (r.provenance === 'suppressed' && r.value === null))).toBe(true);
		const support = tableExport(supportTable(detail), meta).long;
		expect(support.rows.some((r) => r.provenance === 'suppressed' && r.value === null && r.reason === 'hidden_small')).toBe(true);
		const editions = tableExport(editionTable(detail), meta).long;
		expect([...new Set(editions.rows.map((r) => r.edition_id))]).toEqual(['lezajsk-2008', 'lezajsk-2009', 'lezajsk-2010', 'lezajsk-2011']);
		expect(editions.rows.find((r) => r.edition_id === 'lezajsk-2009' && r.measure === 'budget')).toMatchObject({ value: null, provenance: 'unknown', reason: 'not_published' });
		// A query's result keeps its own columns, typed by their values, and states no provenance of its own.
		const result = tableExport(recordTable([{ name: 'n' }, { name: 'ok' }, { name: 'x' }], [{ n: 1, ok: true, x: { a: 1 } }, { n: null, ok: false, x: null }]), meta).long;
		expect(result.columns.map((c) => [c.key, c.type])).toEqual([['n', 'number'], ['ok', 'text'], ['x', 'text']]);
		expect(result.rows[0]).toEqual({ n: 1, ok: 'true', x: '{"a":1}' });
		// Every shape writes to every format without a type error.
		for (const t of [figures, profile, support, editions]) expect(toCsv(t).length).toBeGreaterThan(0);
	});
});
