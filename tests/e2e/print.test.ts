// Print and PDF: the overview, the compare view and the two reports saved as PDF by Chromium's own print, read back
// with pdf.js. Each stays within its page budget (README, „Druk i PDF”), its widest table's last column lies inside
// the page, no navigation or control is printed, the synthetic mark is, and the filters line says what the URL asked
// for, on every page (the running header) and after following the „Raport” link (carry-over).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pl } from '../../src/lib/i18n/pl';
import { openPage, plain, type OpenedPage } from './browser';

/** A4 portrait's content box (210 mm less 2 × 12 mm margins) in CSS px: the width the browser lays out paper at. */
const PAPER_WIDTH = 703;

/** Pages each view may print to (README, „Druk i PDF”). */
const BUDGET = { overview: 3, compare: 3, report: 2, centreReport: 2 };

/** What only the screen has: navigation, buttons, toggles, links onwards. None of it may reach paper. */
const SCREEN_ONLY = [
	pl.site.skip,
	pl.site.nav.national,
	pl.site.nav.imports,
	pl.site.nav.data,
	pl.filters.clear,
	pl.filters.filterRow('').trim(),
	pl.exports.button,
	pl.chart.table,
	pl.compare.open,
	pl.print.reportLink,
	pl.print.print,
	pl.view.legend,
	'DuckDB gotowy'
];

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

interface PrintedPage {
	width: number;
	text: string;
	items: { str: string; left: number; right: number }[];
}

/** Lays the page out for A4 as the print dialog does, saves it as PDF and reads each page's text and positions back. */
async function printPdf(page: Page): Promise<PrintedPage[]> {
	await page.setViewportSize({ width: PAPER_WIDTH, height: 1000 });
	await page.emulateMedia({ media: 'print' });
	await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
	const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
	const pages: PrintedPage[] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const p = await doc.getPage(n);
		const items = (await p.getTextContent()).items.filter((i): i is TextItem => 'str' in i);
		pages.push({
			width: p.view[2] - p.view[0],
			text: plain(items.map((i) => i.str + (i.hasEOL ? '\n' : '')).join('')),
			items: items.filter((i) => i.str.trim()).map((i) => ({ str: plain(i.str), left: i.transform[4], right: i.transform[4] + i.width }))
		});
	}
	await doc.destroy();
	return pages;
}

async function open(path: string, answer = true) {
	opened = await openPage(path);
	if (answer) await opened.page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
	return opened.page;
}

/** The last column's label of the page's widest data table (the one with most columns), read before printing. */
const widestTableLastHeader = (page: Page) =>
	page.evaluate(() => {
		const tables = [...document.querySelectorAll('main table.data-table')];
		const widest = tables.sort((a, b) => b.querySelectorAll('thead th').length - a.querySelectorAll('thead th').length)[0];
		const last = widest.querySelector('thead th:last-child')!;
		// Its first text of its own (the label), not the unit, the mark or the framework's comment markers.
		return [...(last.querySelector('button') ?? last).childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())!.textContent!.trim();
	});

function expectClean(pages: PrintedPage[], budget: number, where: string) {
	expect(pages.length, `${where}: ${pages.length} pages`).toBeLessThanOrEqual(budget);
	const all = pages.map((p) => p.text).join('\n');
	for (const text of SCREEN_ONLY) expect(all, `${where} prints „${text}”`).not.toContain(text);
	expect(all.toLowerCase(), `${where}: the synthetic mark`).toContain(pl.cell.synthetic.toLowerCase());
	for (const [i, p] of pages.entries()) expect(p.text, `${where}, page ${i + 1}: the running footer`).toContain(pl.exports.syntheticMark);
}

/** Every piece of the header's text lies inside its page's box (the column was cut off before print.css). */
function expectInside(pages: PrintedPage[], header: string, where: string) {
	const word = header.split(' ').at(-1)!;
	const found = pages.flatMap((p) => p.items.filter((i) => i.str.includes(word)).map((i) => ({ ...i, width: p.width })));
	expect(found.length, `${where}: „${header}” is printed`).toBeGreaterThan(0);
	for (const item of found) {
		expect(item.left, `${where}: „${item.str}” starts inside the page`).toBeGreaterThanOrEqual(0);
		expect(item.right, `${where}: „${item.str}” ends inside the page (${item.width} pt wide)`).toBeLessThanOrEqual(item.width);
	}
}

describe('print and PDF', () => {
	it(`prints the overview on at most ${BUDGET.overview} A4 pages, its comparison table whole, without controls`, async () => {
		const page = await open('/');
		const header = await widestTableLastHeader(page);
		const pages = await printPdf(page);
		expectClean(pages, BUDGET.overview, 'overview');
		expectInside(pages, header, 'overview');
		for (const [i, p] of pages.entries()) expect(p.text, `overview, page ${i + 1}: the running header`).toContain(`${pl.site.title} — ${pl.overview.heading}`);
		expect(pages[0].text).toContain(pl.print.filters([pl.print.noFilters]));
	});

	it(`prints the compare view from a shared link on at most ${BUDGET.compare} pages, and its report (by the link, filters carried over) on ${BUDGET.report}`, async () => {
		const page = await open('/porownanie/?osrodki=lezajsk,janow-lubelski,chocianow&ceny=stale-2013');
		const header = await widestTableLastHeader(page);
		const report = await page.locator('a.report-link').getAttribute('href');
		const pages = await printPdf(page);
		expectClean(pages, BUDGET.compare, 'compare view');
		expectInside(pages, header, 'compare view');
		const filtersLine = `${pl.filters.centres}: MOPS Leżajsk, OPS Janów Lubelski, OPS Chocianów · ${pl.prices.label}: ${pl.prices.basis(2013)}`;
		for (const [i, p] of pages.entries()) expect(p.text, `compare view, page ${i + 1}: the filters in the header`).toContain(filtersLine);

		await opened!.close();
		const reportPage = await open(report!);
		const reportHeader = await widestTableLastHeader(reportPage);
		const reportPages = await printPdf(reportPage);
		expectClean(reportPages, BUDGET.report, 'comparison report');
		expectInside(reportPages, reportHeader, 'comparison report');
		expect(reportPages[0].text).toContain(pl.print.compareTitle);
		for (const [i, p] of reportPages.entries()) expect(p.text, `comparison report, page ${i + 1}: the filters carried over`).toContain(filtersLine);
	});

	it('names the filters chosen on the page, not the ones it opened with, in the running header of every printed page', async () => {
		// The header is written when printing starts, not on every navigation (that re-styled the whole page).
		const page = await open('/');
		await page.getByText(pl.filters.heading, { exact: true }).last().click();
		await page.locator('[data-filter="centres"]').getByLabel('MOPS Leżajsk').check();
		const filtersLine = `${pl.filters.centres}: MOPS Leżajsk`;
		await page.waitForFunction((line) => document.querySelector('[data-print-filters]')?.textContent?.includes(line), filtersLine, { timeout: 30_000 });
		expect(page.url()).toContain('osrodki=lezajsk');
		const pages = await printPdf(page);
		expect(pages.length).toBeGreaterThan(0);
		for (const [i, p] of pages.entries()) expect(p.text, `overview, page ${i + 1}: the filters in the header`).toContain(filtersLine);
	});

	it(`prints a centre's report on at most ${BUDGET.centreReport} pages, reached from the centre's page`, async () => {
		opened = await openPage('/osrodki/lezajsk/');
		const link = await opened.page.locator('a.report-link').getAttribute('href');
		await opened.close();
		const page = await open(link!);
		const header = await widestTableLastHeader(page);
		const pages = await printPdf(page);
		expectClean(pages, BUDGET.centreReport, 'centre report');
		expectInside(pages, header, 'centre report');
		const all = pages.map((p) => p.text).join('\n');
		expect(pages[0].text).toContain(pl.print.centreTitle('Miejski Ośrodek Pomocy Społecznej w Leżajsku'));
		expect(all).toContain('385 365,31 zł');
		expect(all, 'its source').toContain('Czas na aktywność w gminie miejskiej Leżajsk');
	});
});
