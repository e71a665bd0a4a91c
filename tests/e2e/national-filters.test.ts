// The national pages under filters, in real Chromium over the built site: DuckDB answers from the national cube,
// the figures are the cube's own sums, a filter is part of the address (back undoes it, a drill-down keeps it), and
// a hostile reader who narrows the filters finds no group of 1 to 4 people on any figure of the page.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import { openNationalPage, plain, shownCounts, type OpenedPage } from './browser';

const dir = resolve(import.meta.dirname, '../../build/national');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { tables: { name: string; file: string }[] };
const cube = tableFromIPC(readFileSync(join(dir, manifest.tables.find((t) => t.name === 'cube')!.file)));
const centres = tableFromIPC(readFileSync(join(dir, manifest.tables.find((t) => t.name === 'centres')!.file)));
const terytOf = new Map(Array.from({ length: centres.numRows }, (_, i) => [centres.getChild('centre_id')!.get(i) as string, centres.getChild('teryt')!.get(i) as string]));

/** Participants in the cube meeting `keep`, within the unit whose TERC code starts with `prefix`: the floor to check against. */
function participants(prefix: string, keep: (year: number, sex: string, age: string) => boolean): number {
	let n = 0;
	for (let i = 0; i < cube.numRows; i++) {
		if (!terytOf.get(cube.getChild('centre_id')!.get(i))!.startsWith(prefix)) continue;
		if (keep(cube.getChild('year')!.get(i), cube.getChild('sex')!.get(i), cube.getChild('age_band')!.get(i))) n += cube.getChild('participants')!.get(i);
	}
	return n;
}

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

const ready = '[data-testid="national-status"][data-state="ready"]';
const digits = (text: string | null) => Number(plain(text).replace(/\D/g, ''));

describe('national pages under filters', () => {
	it('opens a shared link with filters: the tiles are the cube’s sums for them, from DuckDB, with no request off the origin', async () => {
		opened = await openNationalPage('/polska/?lata=2010,2011&plec=K', { viewport: { width: 1366, height: 768 } });
		const { page } = opened;
		await page.waitForSelector(ready, { timeout: 60_000 });
		const expected = participants('', (year, sex) => (year === 2010 || year === 2011) && sex === 'K');
		expect(digits(await page.locator('[data-tile="participants"]').textContent())).toBe(expected);
		// The tiles say whom they count, beside them.
		expect(plain(await page.getByTestId('selection-words').textContent())).toBe('Rok edycji: 2010, 2011 · Płeć: kobieta');
		// The filters on screen are the address's.
		expect(await page.locator('input[name="years"][value="2010"]').isChecked()).toBe(true);
		expect(await page.locator('input[name="sex"][value="K"]').isChecked()).toBe(true);
		expect(await page.locator('input[name="sex"][value="M"]').isChecked()).toBe(false);
		expect(plain(await page.getByTestId('national-status').textContent())).toMatch(/Policzono dla wybranych filtrów w \d+ ms/);
		await page.waitForLoadState('networkidle');
		expect(opened.offOriginRequests).toEqual([]);
		expect(opened.consoleErrors).toEqual([]);
		expect(opened.failedRequests).toEqual([]);
	});

	it('filters by a click, undoes it with the back button, and keeps the filter when drilling down the map', async () => {
		opened = await openNationalPage('/polska/', { viewport: { width: 1366, height: 768 } });
		const { page } = opened;
		const built = digits(await page.locator('[data-tile="participants"]').textContent());
		await page.locator('input[name="sex"][value="M"]').check();
		await page.waitForURL(/plec=M/);
		await page.waitForSelector(ready, { timeout: 60_000 });
		const men = participants('', (_, sex) => sex === 'M');
		expect(digits(await page.locator('[data-tile="participants"]').textContent())).toBe(men);
		expect(men).toBeLessThan(built);
		// The map's areas link down with the filter kept.
		const area = page.locator('[data-chart="mapa"] a[data-area="18"]');
		expect(await area.getAttribute('href')).toMatch(/plec=M/);
		await area.click();
		await page.waitForURL(/\/polska\/18\/\?.*plec=M/);
		await page.waitForSelector(ready, { timeout: 60_000 });
		expect(digits(await page.locator('[data-tile="participants"]').textContent())).toBe(participants('18', (_, sex) => sex === 'M'));
		await page.goBack();
		await page.goBack();
		await page.waitForURL((url) => url.pathname.endsWith('/polska/') && !url.search.includes('plec'));
		await page.waitForSelector('[data-testid="national-status"][data-state="built"]');
		expect(digits(await page.locator('[data-tile="participants"]').textContent())).toBe(built);
		expect(await page.getByTestId('selection-words').count()).toBe(0);
	});

	it('shows no group of 1 to 4 people anywhere on a powiat page narrowed to one year, one sex and one age band', async () => {
		opened = await openNationalPage('/polska/18/1816/?lata=2012&plec=M&wiek=18-24', { viewport: { width: 1366, height: 768 } });
		const { page } = opened;
		await page.waitForSelector(ready, { timeout: 60_000 });
		// Every count on the tiles and in the table: participants, and k in „k z n”.
		const counts = await shownCounts(page, '[data-table] td, [data-table] th, .tiles dd, [data-testid="national-sentence"]');
		expect(counts.length).toBeGreaterThan(3);
		expect(counts.filter((n) => n >= 1 && n <= 4)).toEqual([]);
		// And some figure is hidden, so the check above had something to hide.
		expect(await page.locator('[data-table] td').filter({ hasText: /<5|ukryt/ }).count()).toBeGreaterThan(0);
		// A hidden cost says so in words: „<5” under „Koszt na uczestnika” would read as less than 5 złoty.
		const hiddenCosts = await page.locator('[data-table] td[data-col="cost"] [data-reason="hidden_small"]').allTextContents();
		expect(hiddenCosts.length).toBeGreaterThan(0);
		for (const text of hiddenCosts) expect(plain(text)).toMatch(/^ukryte Ukryte: mniej niż 5 osób/);
		// A centre the filters select no one from: its rates and cost say so, never „nie opublikowano” (the source
		// is not silent: there is nobody to count).
		const empty = page.locator('[data-table] tbody tr').filter({ has: page.locator('td[data-col="participants"]', { hasText: /^\s*0\s*$/ }) });
		expect(await empty.count()).toBeGreaterThan(0);
		for (const col of ['employment', 'completion', 'cost']) {
			const words = await empty.locator(`td[data-col="${col}"]`).allTextContents();
			expect(words.length).toBe(await empty.count());
			for (const text of words) expect(plain(text)).toMatch(/^brak osób Filtry nie wybierają tu żadnego uczestnika/);
		}
		expect(await page.locator('[data-table] td [data-reason="not_published"]').count()).toBe(0);
		// The attacker's sum on this page: the powiat's tile less every centre shown leaves the hidden centres
		// together, in people and in those employed. That group must not be 0 to 4 (0 too: no count is negative,
		// so it would give each hidden centre away as 0).
		const rows = await page.locator('[data-table="national-units"] tbody tr').evaluateAll((trs) =>
			trs.map((tr) => {
				const text = (col: string) => (tr.querySelector(`td[data-col="${col}"]`)?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
				return { n: text('participants'), employment: text('employment') };
			})
		);
		expect(rows.length).toBeGreaterThan(5);
		const powiatN = digits(await page.locator('[data-tile="participants"]').textContent());
		const powiatK = Number(/(\d+) z (\d+)/.exec(plain(await page.locator('[data-tile="employment"] + .sub').textContent()))![1]);
		const shownN = rows.filter((r) => /^\d+$/.test(r.n));
		const shownK = rows.filter((r) => /\d+ z \d+/.test(r.employment.replace(/(\d) (\d)/g, '$1$2')));
		expect(shownN.length).toBeLessThan(rows.length);
		const hiddenN = powiatN - shownN.reduce((sum, r) => sum + Number(r.n), 0);
		const hiddenK = powiatK - shownK.reduce((sum, r) => sum + Number(/(\d+) z/.exec(r.employment.replace(/(\d) (\d)/g, '$1$2'))![1]), 0);
		expect(shownK.length).toBeLessThan(rows.length);
		expect(hiddenN).toBeGreaterThanOrEqual(5);
		expect(hiddenK).toBeGreaterThanOrEqual(5);
	});

	it('names the parameters it cannot read and keeps the ones it can', async () => {
		opened = await openNationalPage('/polska/?plec=K,X&lata=1999', { viewport: { width: 390, height: 844 } });
		const { page } = opened;
		await page.waitForSelector(ready, { timeout: 60_000 });
		expect(plain(await page.locator('.selection .notice').textContent())).toContain('plec=X');
		expect(plain(await page.locator('.selection .notice').textContent())).toContain('lata=1999');
		expect(digits(await page.locator('[data-tile="participants"]').textContent())).toBe(participants('', (_, sex) => sex === 'K'));
	});

	it('restates cost in constant prices: the tile changes, the counts do not', async () => {
		opened = await openNationalPage('/en/polska/', { viewport: { width: 1366, height: 768 } });
		const { page } = opened;
		const before = plain(await page.locator('[data-tile="cost"]').textContent());
		const people = plain(await page.locator('[data-tile="participants"]').textContent());
		await page.locator('.selection select').selectOption('2014');
		await page.waitForURL(/ceny=stale-2014/);
		await page.waitForSelector(ready, { timeout: 60_000 });
		expect(plain(await page.getByTestId('national-status').textContent())).toMatch(/^Worked out for the chosen filters in \d+ ms/);
		expect(plain(await page.locator('[data-tile="cost"]').textContent())).not.toBe(before);
		expect(plain(await page.locator('[data-tile="participants"]').textContent())).toBe(people);
		expect(plain(await page.locator('[data-chart="koszt-rozklad"] figcaption').textContent())).toContain('constant 2014 prices');
	});
});
