// The national pages under filters, in real Chromium over the built site: DuckDB answers from the national cube,
// the figures are the cube's own sums moved by their cell keys, a filter is part of the address (back undoes it, a drill-down keeps it), and
// a hostile reader who narrows the filters finds no group of 1 to 4 people on any figure of the page.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, cubeRowId, perturbCount, rowKey } from '../../src/lib/stats/cell-key';
import { openNationalPage, plain, shownCounts, type OpenedPage } from './browser';

const dir = resolve(import.meta.dirname, '../../build/national');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { tables: { name: string; file: string }[] };
const cube = tableFromIPC(readFileSync(join(dir, manifest.tables.find((t) => t.name === 'cube')!.file)));
const centres = tableFromIPC(readFileSync(join(dir, manifest.tables.find((t) => t.name === 'centres')!.file)));
const terytOf = new Map(Array.from({ length: centres.numRows }, (_, i) => [centres.getChild('centre_id')!.get(i) as string, centres.getChild('teryt')!.get(i) as string]));

/** The cube's rows meeting `keep` within the unit whose TERC code starts with `prefix`, summed: people, those employed, their cell keys. */
function tally(prefix: string, keep: (year: number, sex: string, age: string) => boolean) {
	const sum = { n: 0, employed: 0, keyN: 0, keyEmployed: 0 };
	for (let i = 0; i < cube.numRows; i++) {
		if (!terytOf.get(cube.getChild('centre_id')!.get(i))!.startsWith(prefix)) continue;
		if (!keep(cube.getChild('year')!.get(i), cube.getChild('sex')!.get(i), cube.getChild('age_band')!.get(i))) continue;
		sum.n += cube.getChild('participants')!.get(i);
		sum.employed += cube.getChild('employed')!.get(i);
		// The cell keys are the kept rows' (stats/cell-key.ts), by who a row counts (its centre and stratum): a row
		// with no one employed adds nothing to that key.
		const id = cubeRowId(cube.getChild('centre_code')!.get(i), cube.getChild('stratum')!.get(i));
		sum.keyN += rowKey(id, 0);
		if (cube.getChild('employed')!.get(i) > 0) sum.keyEmployed += rowKey(id, 1);
	}
	return sum;
}

/**
 * Participants in the cube meeting `keep`, within the unit: as a filtered page shows them, moved by the cell key of
 * its people (stats/cell-key.ts), and never more than 2 from the cube's own sum.
 */
function participants(prefix: string, keep: (year: number, sex: string, age: string) => boolean): number {
	const { n, keyN } = tally(prefix, keep);
	const shown = perturbCount(n, keyN % KEYS);
	expect(Math.abs(shown - n)).toBeLessThanOrEqual(2);
	return shown;
}

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

const ready = '[data-testid="national-status"][data-state="ready"]';
const digits = (text: string | null) => Number(plain(text).replace(/\D/g, ''));

describe('national pages under filters', () => {
	it('opens a shared link with filters: the tiles are the cube’s sums for them moved by their cell keys, from DuckDB, with no request off the origin', async () => {
		// A link from before filters took one value each: the first year is kept, the second named as ignored.
		opened = await openNationalPage('/polska/?lata=2010,2011&plec=K', { viewport: { width: 1366, height: 768 } });
		const { page } = opened;
		await page.waitForSelector(ready, { timeout: 60_000 });
		expect(plain(await page.locator('.selection .notice').textContent())).toContain('lata=2011');
		const expected = participants('', (year, sex) => year === 2010 && sex === 'K');
		expect(digits(await page.locator('[data-tile="participants"]').textContent())).toBe(expected);
		// The tiles say whom they count, beside them.
		expect(plain(await page.getByTestId('selection-words').textContent())).toBe('Rok edycji: 2010 · Płeć: kobieta');
		// And that their counts are moved a little, so that no sum of views singles anyone out.
		expect(plain(await page.getByTestId('perturbed-note').textContent())).toMatch(/^Przy filtrach liczby osób są lekko zmienione \(najwyżej o 2\), a koszt na uczestnika zaokrąglony do 100 zł/);
		// Its cost per participant is rounded to 100 zł, so that it cannot undo the counts' noise, and written in
		// whole złoty: grosz would claim a precision it does not have.
		const cost = plain(await page.locator('[data-tile="cost"]').textContent());
		expect(cost).toMatch(/^[\d ]+ zł$/);
		expect(digits(cost)).toBeGreaterThan(0);
		expect(digits(cost) % 100).toBe(0);
		// The filters on screen are the address's.
		expect(await page.locator('input[name="years"][value="2010"]').isChecked()).toBe(true);
		expect(await page.locator('input[name="sex"][value="K"]').isChecked()).toBe(true);
		expect(await page.locator('input[name="sex"][value="M"]').isChecked()).toBe(false);
		expect(await page.locator('input[name="years"][value="2011"]').isChecked()).toBe(false);
		expect(await page.locator('input[name="ageBands"][value=""]').isChecked()).toBe(true);
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

	it('says in words only what the figures on screen count: not the address’s filters while their answer is still being worked out', async () => {
		// The cube's file is held back, so the engine cannot answer: the built (unfiltered) figures stand, marked stale.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		opened = await openNationalPage('/polska/?plec=K', {
			viewport: { width: 1366, height: 768 },
			prepare: async (page) => void (await page.route('**/national/cube.*.arrow', async (route) => (await held, route.continue())))
		});
		const { page } = opened;
		expect(await page.locator('section.headline').getAttribute('aria-busy')).toBe('true');
		const built = digits(await page.locator('[data-tile="participants"]').textContent());
		expect(await page.getByTestId('selection-words').count()).toBe(0);
		expect(await page.getByTestId('perturbed-note').count()).toBe(0);
		expect(plain(await page.getByTestId('selection-pending').textContent())).toBe('Na razie wszyscy uczestnicy bez filtrów; liczby dla wybranych filtrów są w drodze.');
		release();
		await page.waitForSelector(ready, { timeout: 60_000 });
		expect(plain(await page.getByTestId('selection-words').textContent())).toBe('Płeć: kobieta');
		expect(await page.getByTestId('selection-pending').count()).toBe(0);
		expect(digits(await page.locator('[data-tile="participants"]').textContent())).toBe(participants('', (_, sex) => sex === 'K'));
		expect(digits(await page.locator('[data-tile="participants"]').textContent())).toBeLessThan(built);
		// A click: the address runs ahead at once; every state the headline passes through while busy still names
		// the women of all years, whose figures it shows, and the year comes with its own answer.
		const allYears = plain(await page.locator('[data-tile="participants"]').textContent());
		await page.evaluate(() => {
			const section = document.querySelector('section.headline')!;
			const seen: string[] = ((window as unknown as { busyStates: string[] }).busyStates = []);
			new MutationObserver(() => {
				if (section.getAttribute('aria-busy') !== 'true') return;
				const words = section.querySelector('[data-testid="selection-words"]')?.textContent;
				seen.push(`${location.search} | ${words} | ${section.querySelector('[data-tile="participants"]')?.textContent}`);
			}).observe(section, { attributes: true, childList: true, subtree: true, characterData: true });
		});
		await page.locator('input[name="years"][value="2010"]').check();
		await page.waitForURL(/lata=2010/);
		await page.waitForSelector(ready, { timeout: 60_000 });
		const busy = (await page.evaluate(() => (window as unknown as { busyStates: string[] }).busyStates)).map(plain);
		expect(busy.length).toBeGreaterThan(0);
		for (const state of busy) expect(state).toMatch(new RegExp(`lata=2010.* \\| Płeć: kobieta \\| ${allYears}$`));
		expect(plain(await page.locator('[data-tile="participants"]').textContent())).not.toBe(allYears);
		expect(plain(await page.getByTestId('selection-words').textContent())).toBe('Rok edycji: 2010 · Płeć: kobieta');
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
		expect(await page.locator('[data-table] td').filter({ hasText: /ukryt/ }).count()).toBeGreaterThan(0);
		// Every hidden figure, a small group's or one hidden so that a small group cannot be worked out (which can
		// stand for hundreds of people), has one mark that claims no size: never „<5”, never „mniej niż 5”.
		const hiddenCells = await page.locator('[data-table] td [data-reason="hidden_small"]').allTextContents();
		expect(hiddenCells.length).toBeGreaterThan(0);
		for (const text of hiddenCells) expect(plain(text)).toMatch(/^ukryte Ukryte dla ochrony osób/);
		expect(plain(await page.locator('main').textContent())).not.toMatch(/<\s*5|mniej niż 5/);
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
		// together. Their true group, in people and in those employed, must not be 0 to 4 (0 too: no count is
		// negative, so it would give each hidden centre away as 0). The page's own figures say it only with the
		// noise of every count in the sum (tests/unit/cell-key.test.ts attacks that); each shown count is the cube's
		// own, moved by its people's key.
		const keep = (year: number, sex: string, age: string) => year === 2012 && sex === 'M' && age === '18-24';
		const rows = await page.locator('[data-table="national-units"] tbody tr').evaluateAll((trs) =>
			trs.map((tr) => {
				const text = (col: string) => (tr.querySelector(`td[data-col="${col}"]`)?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
				return { code: /osrodek=(\d{7})/.exec(tr.querySelector('th a')?.getAttribute('href') ?? '')?.[1] ?? '', n: text('participants'), employment: text('employment') };
			})
		);
		expect(rows.length).toBeGreaterThan(5);
		// The powiat's own figures are on its tiles, so the sum can be made.
		expect(plain(await page.locator('[data-tile="employment"] + .sub').textContent())).toMatch(/\d+ z \d+/);
		const employedOf = (r: (typeof rows)[number]) => /(\d+) z/.exec(r.employment.replace(/(\d) (\d)/g, '$1$2'))?.[1];
		const hiddenN = rows.filter((r) => !/^\d+$/.test(r.n));
		const hiddenK = rows.filter((r) => employedOf(r) === undefined && r.n !== '0');
		expect(hiddenN.length).toBeGreaterThan(0);
		expect(hiddenK.length).toBeGreaterThan(hiddenN.length);
		for (const r of rows) {
			expect(r.code).toMatch(/^1816\d{3}$/);
			const truth = tally(r.code, keep);
			if (/^\d+$/.test(r.n)) expect(Number(r.n)).toBe(perturbCount(truth.n, truth.keyN % KEYS));
			const k = employedOf(r);
			if (k !== undefined) expect(Number(k)).toBe(Math.min(Number(r.n), perturbCount(truth.employed, truth.keyEmployed % KEYS)));
		}
		const groupN = hiddenN.reduce((sum, r) => sum + tally(r.code, keep).n, 0);
		const groupK = hiddenK.reduce((sum, r) => sum + tally(r.code, keep).employed, 0);
		const groupNotK = hiddenK.reduce((sum, r) => sum + tally(r.code, keep).n - tally(r.code, keep).employed, 0);
		expect(groupN).toBeGreaterThanOrEqual(5);
		expect(groupK).toBeGreaterThanOrEqual(5);
		expect(groupNotK).toBeGreaterThanOrEqual(5);
	});

	it('says a powiat’s hidden head count is hidden, on its tile and in its sentence, never „0”', async () => {
		// Powiat 0216 has 2 men aged 55–64 in 2008 (the cube says so below): the guard hides them, and the tile once
		// read „0”, which says nobody.
		expect(tally('0216', (year, sex, age) => year === 2008 && sex === 'M' && age === '55-64').n).toBeGreaterThan(0);
		opened = await openNationalPage('/polska/02/0216/?lata=2008&plec=M&wiek=55-64', { viewport: { width: 390, height: 844 } });
		const { page } = opened;
		await page.waitForSelector(ready, { timeout: 60_000 });
		expect(plain(await page.locator('[data-tile="participants"]').textContent())).toMatch(/^ukryte/);
		expect(plain(await page.getByTestId('national-sentence').textContent())).toMatch(/liczba uczestników: ukryte/);
		expect(plain(await page.getByTestId('national-sentence').textContent())).not.toMatch(/\b0 uczestnik/);
	});

	it('names the parameters it cannot read and keeps the ones it can', async () => {
		opened = await openNationalPage('/polska/?plec=K,X&lata=1999', { viewport: { width: 390, height: 844 } });
		const { page } = opened;
		await page.waitForSelector(ready, { timeout: 60_000 });
		expect(plain(await page.locator('.selection .notice').textContent())).toContain('plec=X');
		expect(plain(await page.locator('.selection .notice').textContent())).toContain('lata=1999');
		expect(digits(await page.locator('[data-tile="participants"]').textContent())).toBe(participants('', (_, sex) => sex === 'K'));
	});

	// national.go: the answer is begun at the click, and the page's own ask after the navigation finds it. Begun after
	// the address changed, it would start after SvelteKit's history entry; decoded otherwise than the page decodes
	// it, it would be worked out twice.
	it('works out one answer per filter change, begun at the click, before SvelteKit has changed the address (a page and the compare view)', async () => {
		for (const [path, click, reached] of [
			['/polska/14/?plec=K', 'input[name="years"][value="2010"]', /lata=2010/],
			['/polska/porownanie/?osrodki=1808011,1261011&plec=K', 'input[name="ageBands"][value="25-34"]', /wiek=25-34/]
		] as const) {
			opened = await openNationalPage(path, { viewport: { width: 1366, height: 768 } });
			const { page } = opened;
			await page.waitForSelector(ready, { timeout: 60_000 });
			const before = await page.evaluate(() => {
				const w = window as unknown as { addressChanged: number[] };
				w.addressChanged = [];
				const push = history.pushState.bind(history);
				history.pushState = (...args: Parameters<History['pushState']>) => (w.addressChanged.push(performance.now()), push(...args));
				return performance.now();
			});
			await page.locator(click).check();
			await page.waitForURL(reached);
			await page.waitForSelector(ready, { timeout: 60_000 });
			const { asked, changed } = await page.evaluate((since) => ({
				asked: performance.getEntriesByName('national: query').filter((e) => e.startTime > since).map((e) => e.startTime),
				changed: (window as unknown as { addressChanged: number[] }).addressChanged
			}), before);
			expect(asked, path).toHaveLength(1);
			expect(changed, path).toHaveLength(1);
			expect(asked[0], path).toBeLessThan(changed[0]);
			await opened.close();
			opened = undefined;
		}
	});

	// The funnel's redraw key is a version that moves only when sameFunnel finds a difference (FunnelPlot.svelte).
	it('redraws the funnel for a filter that changes it, and not for a switch to cost, which leaves it as it was', async () => {
		opened = await openNationalPage('/polska/14/?plec=K', { viewport: { width: 1366, height: 768 } });
		const { page } = opened;
		await page.waitForSelector(ready, { timeout: 60_000 });
		const funnel = page.locator('[data-funnel] canvas');
		const drawn = async () => Number(await funnel.getAttribute('data-drawn'));
		const image = () => funnel.evaluate((c: HTMLCanvasElement) => c.toDataURL());
		const [first, firstImage] = [await drawn(), await image()];
		expect(first).toBeGreaterThan(0);
		await page.locator('input[name="years"][value="2011"]').check();
		await page.waitForURL(/lata=2011/);
		await page.waitForSelector(ready, { timeout: 60_000 });
		await expect.poll(drawn).toBeGreaterThan(first);
		expect(await image()).not.toBe(firstImage);
		const [second, secondImage] = [await drawn(), await image()];
		await page.locator('input[name="miara"][value="koszt"]').check();
		await page.waitForURL(/miara=koszt/);
		await page.waitForSelector(ready, { timeout: 60_000 });
		// The map has moved to cost by now; the funnel, of employment, is the same picture, not drawn again.
		await expect.poll(() => page.locator('#mapa-title').textContent()).toMatch(/^Koszt na uczestnika/);
		expect(await drawn()).toBe(second);
		expect(await image()).toBe(secondImage);
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
		// Prices restate money only: the same people, counted exactly, so nothing is moved and no note says so.
		expect(await page.getByTestId('perturbed-note').count()).toBe(0);
		expect(plain(await page.locator('[data-chart="koszt-rozklad"] figcaption').textContent())).toContain('constant 2014 prices');
	});
});
