// Exports in real Chromium: a click gives a file made in the browser (no request leaves the origin), and the
// file, read back by an independent reader, holds the table on screen (XLSX, CSV for Polish Excel) or its long
// form with provenance (CSV, Parquet, the XLSX's second sheet).
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { parquetReadObjects } from 'hyparquet';
import { afterEach, describe, expect, it } from 'vitest';
import { openPage, plain, type OpenedPage } from './browser';
import { formatInteger, formatMoney, formatPercent } from '../../src/lib/format/number';

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

const ready = (o: OpenedPage) => o.page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });

async function exportFrom(o: OpenedPage, scope: string, format: string) {
	const menu = o.page.locator(scope).locator('details.export').first();
	if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
	const [file] = await Promise.all([o.page.waitForEvent('download'), menu.locator(`button[data-format="${format}"]`).click()]);
	return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

/** The table as the screen shows it: each column's label, and each row's figures as their first line of text. */
const screenTable = (o: OpenedPage, selector: string) =>
	o.page.locator(selector).evaluate((table) => {
		const firstText = (el: Element | null) => {
			const walker = document.createTreeWalker(el ?? document.createElement('i'), NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent!.trim()) return node.textContent!.trim();
			return '';
		};
		const columns = [...table.querySelectorAll('thead th')].map((th) => ({ key: th.getAttribute('data-col')!, label: firstText(th.querySelector('button') ?? th) }));
		const rows = [...table.querySelectorAll('tbody tr')].map((tr) =>
			Object.fromEntries([...tr.children].map((cell) => [cell.getAttribute('data-col'), firstText(cell.querySelector('[data-kind]') ?? cell.querySelector('.cell-body'))]))
		);
		return { columns, rows };
	});

const FORMATS: Record<string, (v: number) => string> = { '0.0%': formatPercent, '#,##0.00 "zł"': formatMoney, '#,##0': formatInteger };

describe('exports', () => {
	it('the comparison table as XLSX opens as the screen’s table: same headers, same rows, same numbers', async () => {
		opened = await openPage('/?ceny=stale-2013');
		const o = opened;
		await ready(o);
		const screen = await screenTable(o, 'table.comparison');
		expect(screen.rows).toHaveLength(5);
		const xlsx = await exportFrom(o, 'section[aria-labelledby="porownanie"]', 'xlsx');
		expect(xlsx.name).toBe('porownanie-osrodkow.xlsx');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(xlsx.bytes.buffer.slice(xlsx.bytes.byteOffset, xlsx.bytes.byteOffset + xlsx.bytes.byteLength) as ArrayBuffer);
		expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tabela', 'Format danych', 'Opis']);
		const sheet = workbook.worksheets[0];
		expect(sheet.getCell('A1').value).toBe('Porównanie ośrodków');
		let at = 0;
		sheet.eachRow((row, i) => {
			if (!at && row.getCell(1).value === screen.columns[0].label) at = i;
		});
		expect(at).toBeGreaterThan(1);
		expect(JSON.stringify(sheet.getSheetValues().slice(0, at))).toContain('ceny stałe 2013 r.');
		const headers = (sheet.getRow(at).values as unknown[]).slice(1).map(String);
		// Every screen column is a column of the file, under its Polish label (with its unit and mark, if any).
		const columnOf = (label: string) => headers.findIndex((h) => h === label || h.startsWith(`${label} (`) || h.startsWith(`${label} — `)) + 1;
		for (const column of screen.columns) expect(columnOf(column.label), column.label).toBeGreaterThan(0);
		expect(sheet.rowCount - at).toBe(screen.rows.length);
		// Each figure reads the same: a number under its number format, or the same words for a gap.
		let compared = 0;
		for (const row of screen.rows) {
			let found = 0;
			sheet.eachRow((r, i) => {
				if (i > at && r.getCell(1).value === row.centre) found = i;
			});
			expect(found, row.centre).toBeGreaterThan(at);
			for (const column of screen.columns.slice(2)) {
				const cell = sheet.getRow(found).getCell(columnOf(column.label));
				const shown = plain(row[column.key]);
				if (typeof cell.value === 'number') {
					expect(FORMATS[cell.numFmt], cell.numFmt).toBeDefined();
					expect(plain(FORMATS[cell.numFmt](cell.value)), `${row.centre} ${column.label}`).toBe(shown);
				} else expect(cell.value, `${row.centre} ${column.label}`).toBe(shown);
				compared++;
			}
		}
		expect(compared).toBe(5 * 7);
		expect(plain(screen.rows.find((r) => r.centre === 'MOPS Leżajsk')!.budget)).toBe('403 220,44 zł');

		// The long form is the second sheet, with provenance and sources on every figure.
		const long = workbook.worksheets[1];
		const keys = (long.getRow(1).values as unknown[]).slice(1) as string[];
		const budget = (long.getSheetValues() as unknown[][]).find((r) => r && r[keys.indexOf('centre_id') + 1] === 'lezajsk' && r[keys.indexOf('measure') + 1] === 'budget')!;
		expect(budget[keys.indexOf('value') + 1]).toBe(403220.44);
		expect(budget[keys.indexOf('provenance') + 1]).toBe('published');
		expect(budget[keys.indexOf('sources') + 1]).toBe('lezajsk-page');
		expect(o.offOriginRequests).toEqual([]);
		expect(o.consoleErrors).toEqual([]);
	});

	it('the comparison table as CSV for Polish Excel (the screen table) and as data (CSV, Parquet), with its source', async () => {
		opened = await openPage('/?ceny=stale-2013');
		const o = opened;
		await ready(o);
		const scope = 'section[aria-labelledby="porownanie"]';
		const isBudget = (r: Record<string, unknown>) => r.centre_id === 'lezajsk' && r.measure === 'budget';

		const excelCsv = (await exportFrom(o, scope, 'csv-excel')).bytes.toString('utf8');
		expect(excelCsv.charCodeAt(0)).toBe(0xfeff);
		const [header, ...rows] = Papa.parse<string[]>(excelCsv.slice(1).trim(), { delimiter: ';' }).data;
		expect(header[0]).toBe('Ośrodek');
		expect(rows).toHaveLength(5);
		expect(rows.find((r) => r[0] === 'MOPS Leżajsk')![header.indexOf('Budżet (zł, ceny stałe 2013 r.) — opublikowane')]).toBe('403220,44');

		const csv = await exportFrom(o, scope, 'csv');
		expect(csv.name).toBe('porownanie-osrodkow-dane.csv');
		const data = Papa.parse<Record<string, unknown>>(csv.bytes.toString('utf8').trim(), { header: true, dynamicTyping: true }).data;
		expect(data.find(isBudget)).toMatchObject({ value: 403220.44, provenance: 'published', sources: 'lezajsk-page' });

		const parquet = await exportFrom(o, scope, 'parquet');
		const buffer = parquet.bytes.buffer.slice(parquet.bytes.byteOffset, parquet.bytes.byteOffset + parquet.bytes.byteLength) as ArrayBuffer;
		const parquetRows = (await parquetReadObjects({ file: buffer })) as Record<string, unknown>[];
		expect(parquetRows.find(isBudget)).toMatchObject({ value: 403220.44, provenance: 'published' });

		expect(o.offOriginRequests).toEqual([]);
		expect(o.consoleErrors).toEqual([]);
	});

	it('a chart as PNG, and its data with the reason for each missing bar', async () => {
		opened = await openPage('/');
		const o = opened;
		await ready(o);
		const png = await exportFrom(o, '[data-chart="zatrudnienie"]', 'png');
		expect(png.name).toBe('praca-po-zakonczeniu-udzialu.png');
		expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		expect(png.bytes.length).toBeGreaterThan(5000);
		const csv = await exportFrom(o, '[data-chart="zatrudnienie"]', 'csv');
		const rows = Papa.parse<Record<string, unknown>>(csv.bytes.toString('utf8').trim(), { header: true, dynamicTyping: true }).data;
		expect(rows.some((r) => r.reason === 'hidden_small' && r.value === null)).toBe(true);
		expect(rows.some((r) => r.provenance === 'published')).toBe(true);
	});
});
