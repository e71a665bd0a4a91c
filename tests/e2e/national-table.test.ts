// The national pages' table of every centre in real Chromium: virtual (the country's centres counted in full, a few
// dozen rows in the page), scrolled to its end by keyboard, searched without Polish letters, sorted with hidden
// rates last, and exported whole, not only the rows in view.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { openNationalPage, plain, type OpenedPage } from './browser';
import type { NationalSummary } from '../../src/lib/national';

const summary = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../src/lib/generated/national.json'), 'utf8')) as NationalSummary;
const all = summary.centres.length;
/** The table's order before any sort: the five real centres, then the rest in the register's order. */
const last = summary.centres.filter((c) => !c.hasPage).at(-1)!;
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[łŁ]/g, 'l').toLowerCase();

const TABLE = 'table[data-table="national-centres"]';
const ROWS = `${TABLE} tbody tr:not(.spacer)`;

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

/** The box the table scrolls in: a region named by the table's caption (the section around it is named by its heading). */
const scroller = (o: OpenedPage) => o.page.locator('div[role="region"][aria-label="Ośrodki: Polska"]');
const count = (o: OpenedPage) => o.page.getByTestId('centre-table-count').textContent().then(plain);
const headerButton = (o: OpenedPage, column: string) => o.page.locator(`${TABLE} th[data-col="${column}"] button`);

async function exportCsv(o: OpenedPage, format: 'csv' | 'csv-excel'): Promise<string> {
	const menu = o.page.locator('section[aria-labelledby="osrodki"] details.export');
	if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
	const [file] = await Promise.all([o.page.waitForEvent('download'), menu.locator(`button[data-format="${format}"]`).click()]);
	return (await readFile((await file.path())!)).toString('utf8');
}

describe('the table of every centre', () => {
	it('counts all the country’s centres while the page holds a few dozen rows of one height, and reaches the last by keyboard', async () => {
		opened = await openNationalPage('/polska/', { viewport: { width: 1366, height: 768 } });
		const { page } = opened;
		expect(await count(opened)).toBe(`${all} ośrodków`);
		expect(await page.locator(TABLE).getAttribute('aria-rowcount')).toBe(String(all + 1));
		const inPage = await page.locator(ROWS).count();
		expect(inPage).toBeGreaterThan(5);
		expect(inPage).toBeLessThan(100);
		// The virtualiser places rows by one fixed height: a row that wrapped would throw every later row off.
		const heights = await page.locator(ROWS).evaluateAll((rows) => [...new Set(rows.map((r) => (r as HTMLElement).offsetHeight))]);
		expect(heights).toHaveLength(1);

		await scroller(opened).focus();
		// Said step by step, so that a failure says which step: the box has the focus, End scrolls it, the row comes.
		expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Ośrodki: Polska');
		await page.keyboard.press('End');
		await expect.poll(() => scroller(opened!).evaluate((box) => box.scrollTop)).toBeGreaterThan(0);
		const row = page.locator(`${TABLE} tr[data-centre="${last.code}"]`);
		await row.waitFor();
		await expect.poll(() => row.isVisible()).toBe(true);
		expect(await row.getAttribute('aria-rowindex')).toBe(String(all + 1));
		expect(plain(await row.locator('th').textContent())).toBe(last.name);
		expect(await page.locator(ROWS).count()).toBeLessThan(100);
		expect(opened.consoleErrors).toEqual([]);
	});

	it('is a keyboard region while off screen and not laid out, is drawn whole on paper, and leaves the tab order when a search leaves a few rows', async () => {
		opened = await openNationalPage('/polska/', { viewport: { width: 1366, height: 768 } });
		const { page } = opened;
		const box = page.locator('section.centres .table-scroll');
		// The page skips the table's layout until it is scrolled near (content-visibility): this is that case.
		expect(await box.evaluate((el) => el.getBoundingClientRect().top > innerHeight)).toBe(true);
		const drawn = () => box.evaluate((el) => el.checkVisibility({ contentVisibilityAuto: true }));
		expect(await drawn()).toBe(false);
		// Yet a reader tabbing down the page, or listing a screen reader's regions, finds it: a long virtual table
		// is known to scroll without measuring it. Asked before anything lays it out (print, focus), which would
		// let it be measured.
		expect(await box.getAttribute('role')).toBe('region');
		expect(await box.getAttribute('tabindex')).toBe('0');
		expect(await box.getAttribute('aria-label')).toBe('Ośrodki: Polska');
		// On paper nothing is skipped.
		await page.emulateMedia({ media: 'print' });
		await expect.poll(drawn).toBe(true);
		await page.emulateMedia({ media: 'screen' });
		await expect.poll(drawn).toBe(false);
		// In the tab order right after the search (focus in the section lays it out from here on).
		await page.getByTestId('centre-table-search').focus();
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Ośrodki: Polska');

		// A few rows fit the box: nothing to scroll, so no tab stop (measured, now the table is on screen).
		await page.getByTestId('centre-table-search').fill('Lezajsk');
		await expect.poll(() => count(opened!)).toMatch(/^\d+ z /);
		await expect.poll(() => box.getAttribute('tabindex')).toBeNull();
		expect(await box.getAttribute('role')).toBeNull();
		await page.getByTestId('centre-table-search').fill('');
		await expect.poll(() => box.getAttribute('tabindex')).toBe('0');
		expect(opened.consoleErrors).toEqual([]);
	});

	it('keeps the reader’s place when a filter brings a new answer, and starts a new search at the top', async () => {
		opened = await openNationalPage('/polska/', { viewport: { width: 1366, height: 768 } });
		const { page } = opened;
		const row = page.locator(`${TABLE} tr[data-centre="${last.code}"]`);
		// A loaded machine may take seconds to scroll and draw the virtual rows, and once (2026-11-26, a second
		// process on both cores) lost the key press itself: press End until the last row is there, then look. That
		// End reaches the last row at all is the test above's.
		await expect
			.poll(
				async () => {
					await scroller(opened!).focus();
					await page.keyboard.press('End');
					return row.count();
				},
				{ timeout: 45_000, interval: 2_000 }
			)
			.toBe(1);
		await expect.poll(() => row.isVisible(), { timeout: 15_000 }).toBe(true);
		const before = plain(await row.textContent());
		const scrolled = await scroller(opened).evaluate((el) => el.scrollTop);
		expect(scrolled).toBeGreaterThan(1000);

		await page.locator('input[name="years"][value="2010"]').click();
		await page.waitForURL(/lata=2010/);
		await page.waitForSelector('[data-testid="national-status"][data-state="ready"]', { timeout: 60_000 });
		// The row now holds the selection's figures, and it is where the reader left it.
		await expect.poll(async () => plain(await row.textContent()), { timeout: 15_000 }).not.toBe(before);
		expect(await scroller(opened).evaluate((el) => el.scrollTop)).toBe(scrolled);
		expect(await row.isVisible()).toBe(true);

		// A search is a new set of rows: it starts at the top (the cities' centres, MOPS, are still hundreds of rows).
		await page.getByTestId('centre-table-search').fill('mops');
		await expect.poll(() => count(opened!), { timeout: 15_000 }).toMatch(/^\d+ z \d+/);
		await expect.poll(() => scroller(opened!).evaluate((el) => el.scrollTop), { timeout: 15_000 }).toBe(0);
		expect(opened.consoleErrors).toEqual([]);
	});

	it('finds „Lezajsk” and „lodz” typed without Polish letters, says how many it shows, and opens the centre', async () => {
		opened = await openNationalPage('/polska/');
		const { page } = opened;
		const search = page.getByTestId('centre-table-search');
		await search.fill('lodz');
		await expect.poll(() => page.locator(`${ROWS} th`).allTextContents().then((t) => t.map(plain))).toContain('MOPS Łódź');

		await search.fill('Lezajsk');
		const expected = summary.centres.filter((c) => fold(`${c.name} ${c.gmina}`).includes('lezajsk'));
		expect(expected.length).toBeGreaterThan(1);
		await expect.poll(() => count(opened!)).toBe(`${expected.length} z ${all} ośrodków`);
		expect(await page.getByTestId('centre-table-count').getAttribute('aria-live')).toBe('polite');
		expect(await page.locator(ROWS).count()).toBe(expected.length);
		expect(await page.locator(TABLE).getAttribute('aria-rowcount')).toBe(String(expected.length + 1));
		await page.locator(`${TABLE} tr[data-centre="1808011"]`).getByRole('link', { name: 'MOPS Leżajsk' }).click();
		await page.waitForURL(/\/polska\/18\/1808\/\?osrodek=1808011$/);
		await page.locator('[data-chosen="1808011"]').waitFor();
	});

	it('sorts by employment, highest shown rate first and hidden rates last, with aria-sort on the header', async () => {
		opened = await openNationalPage('/polska/', { viewport: { width: 1366, height: 768 } });
		const { page } = opened;
		const rates = summary.centres.flatMap((c) => ('rate' in c.employment ? [c.employment.rate] : []));
		const hidden = all - rates.length;
		expect(hidden, 'the national set has centres with a hidden employment rate').toBeGreaterThan(0);
		const highest = summary.centres.filter((c) => 'rate' in c.employment && c.employment.rate === Math.max(...rates)).map((c) => c.code);

		await headerButton(opened, 'employment').click();
		await headerButton(opened, 'employment').click();
		expect(await page.locator(`${TABLE} th[data-col="employment"]`).getAttribute('aria-sort')).toBe('descending');
		const first = page.locator(ROWS).first();
		expect(await first.getAttribute('aria-rowindex')).toBe('2');
		expect(highest).toContain(await first.getAttribute('data-centre'));

		await scroller(opened).evaluate((box) => (box.scrollTop = box.scrollHeight));
		const lastRow = page.locator(`${TABLE} tr[aria-rowindex="${all + 1}"]`);
		await lastRow.waitFor();
		// The last `hidden` rows are the hidden rates, each saying why; the row before them has a rate.
		for (let i = 0; i < hidden; i++) {
			expect(await page.locator(`${TABLE} tr[aria-rowindex="${all + 1 - i}"] td[data-col="employment"] [data-reason]`).count()).toBe(1);
		}
		expect(await page.locator(`${TABLE} tr[aria-rowindex="${all + 1 - hidden}"] td[data-col="employment"] [data-reason]`).count()).toBe(0);
	});

	it('exports every centre, not only the rows in view; after a search, the rows it left', async () => {
		opened = await openNationalPage('/polska/');
		const o = opened;
		const wide = Papa.parse<string[]>((await exportCsv(o, 'csv-excel')).slice(1).trim(), { delimiter: ';' }).data;
		expect(wide[0][0]).toBe('Ośrodek');
		expect(wide).toHaveLength(all + 1);
		expect(new Set(wide.slice(1).map((r) => r[0]))).toContain(last.name);
		const long = Papa.parse<Record<string, unknown>>((await exportCsv(o, 'csv')).trim(), { header: true }).data;
		expect(new Set(long.map((r) => r.centre_id)).size).toBe(all);
		expect(new Set(long.map((r) => r.measure))).toEqual(new Set(['participants', 'employment', 'completion', 'cost']));

		await o.page.getByTestId('centre-table-search').fill('Lezajsk');
		await expect.poll(() => count(o)).toMatch(/^\d+ z /);
		const shown = await o.page.locator(`${ROWS} th`).allTextContents();
		const searched = Papa.parse<string[]>((await exportCsv(o, 'csv-excel')).slice(1).trim(), { delimiter: ';' }).data;
		expect(searched.slice(1).map((r) => r[0])).toEqual(shown.map(plain));
	});

	it('lists a voivodeship’s centres, and counts in English on the English page', async () => {
		opened = await openNationalPage('/polska/18/');
		const within = summary.centres.filter((c) => c.code.startsWith('18')).length;
		expect(await count(opened)).toBe(`${within} ośrodków`);
		await opened.page.goto(new URL('/en/polska/', opened.page.url()).href);
		expect(await count(opened)).toBe(`${all.toLocaleString('en-GB')} centres`);
		await opened.page.getByTestId('centre-table-search').fill('Lodz');
		await expect.poll(() => count(opened!)).toMatch(new RegExp(`^\\d+ of ${all.toLocaleString('en-GB')} centres$`));
	});
});
