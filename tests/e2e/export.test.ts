// Exports in real Chromium: a click gives a file made in the browser (no request leaves the origin), and the
// file, read back by an independent reader, holds the numbers on screen with their provenance.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { parquetReadObjects } from 'hyparquet';
import { afterEach, describe, expect, it } from 'vitest';
import { openPage, plain, type OpenedPage } from './browser';

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

describe('exports', () => {
	it('the comparison table as CSV, Polish-Excel CSV, XLSX and Parquet: same budget as on screen, with its source', async () => {
		opened = await openPage('/?ceny=stale-2013');
		const o = opened;
		await ready(o);
		const onScreen = plain(await o.page.locator('tr[data-centre="lezajsk"] [data-col="budget"]').textContent());
		expect(onScreen).toContain('403 220,44 zł');
		const scope = 'section[aria-labelledby="porownanie"]';
		const isBudget = (r: Record<string, unknown>) => r.centre_id === 'lezajsk' && r.measure === 'budget';

		const csv = await exportFrom(o, scope, 'csv');
		expect(csv.name).toBe('porownanie-osrodkow.csv');
		const rows = Papa.parse<Record<string, unknown>>(csv.bytes.toString('utf8').trim(), { header: true, dynamicTyping: true }).data;
		expect(rows.find(isBudget)).toMatchObject({ value: 403220.44, provenance: 'published', sources: 'lezajsk-page' });

		const excelCsv = (await exportFrom(o, scope, 'csv-excel')).bytes.toString('utf8');
		expect(excelCsv.charCodeAt(0)).toBe(0xfeff);
		expect(excelCsv).toContain('lezajsk;MOPS Leżajsk;budget;403220,44;');

		const xlsx = await exportFrom(o, scope, 'xlsx');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(xlsx.bytes.buffer.slice(xlsx.bytes.byteOffset, xlsx.bytes.byteOffset + xlsx.bytes.byteLength) as ArrayBuffer);
		expect(workbook.worksheets.map((w) => w.name)).toEqual(['Dane', 'Opis']);
		expect(JSON.stringify(workbook.worksheets[0].getSheetValues())).toContain('403220.44');
		expect(JSON.stringify(workbook.worksheets[1].getSheetValues())).toContain('ceny stałe 2013 r.');

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
		expect(rows.some((r) => r.provenance === 'suppressed' && r.note === 'ukryte (<5)' && r.value === null)).toBe(true);
		expect(rows.some((r) => r.provenance === 'published')).toBe(true);
	});
});
