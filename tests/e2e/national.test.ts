// The national pages in real Chromium, as a regional administrator uses them: open Poland, see the map, the funnel
// plot and the units' table, drill down to a voivodeship and a powiat by clicking the map, come back with the back
// button, find a centre by typing its gmina without Polish letters, and share a link that opens the same view.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openNationalPage, openPage, plain, type OpenedPage } from './browser';
import type { NationalSummary } from '../../src/lib/national';
import { formatMoney } from '../../src/lib/format/number';

const summary = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../src/lib/generated/national.json'), 'utf8')) as NationalSummary;

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

const drawnPixels = (selector: string) => `(() => {
	const canvas = document.querySelector(${JSON.stringify(selector)});
	if (!canvas) return -1;
	const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
	let n = 0;
	for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
	return n;
})()`;

describe('national pages', () => {
	it('opens Poland with its headline, a map of 16 voivodeships, a drawn funnel plot and no request off the origin', async () => {
		opened = await openNationalPage('/polska/', { viewport: { width: 1366, height: 768 } });
		const { page } = opened;
		expect(plain(await page.locator('h1').textContent())).toBe('Polska: dane syntetyczne');
		const participants = summary.country.participants.kind === 'synthetic' ? summary.country.participants.value : NaN;
		expect(plain(await page.locator('[data-tile="participants"]').textContent()).replace(/\s/g, '')).toBe(String(participants));
		// The sentence is generated from the same figures as the tiles; the headline carries the synthetic mark once.
		const sentence = plain(await page.getByTestId('national-sentence').textContent());
		expect(sentence.replace(/(\d)\s(\d)/g, '$1$2')).toContain(`${participants} uczestników`);
		expect(plain(await page.locator('.headline h2 .badge.synthetic').textContent())).toMatch(/^syntetyczne$/i);
		// „Koszt na uczestnika” is Poland's own cost per participant, as Poland's figures give it; the centres' median
		// is the line under it (it once stood in the tile, under the same words).
		const cost = summary.country.costPerParticipant;
		if (cost.kind !== 'synthetic') throw new Error(`Poland's cost is ${cost.kind}`);
		expect(plain(await page.locator('[data-tile="cost"]').textContent())).toBe(plain(formatMoney(cost.value)));
		expect(plain(await page.locator('[data-tile="cost"] + .sub').textContent())).toMatch(/^mediana ośrodków \d[\d ]*,\d\d zł \(od /);
		expect(await page.locator('[data-chart="mapa"] a[data-area]').count()).toBe(16);
		await page.waitForFunction(() => Number(document.querySelector('[data-funnel] canvas')?.getAttribute('data-drawn')) > 0);
		expect(await page.evaluate(drawnPixels('[data-funnel] canvas'))).toBeGreaterThan(1000);
		// Centres outside the 99.8% limits are named, with a link each; the rest counted as within.
		const outside = page.getByTestId('funnel-outside');
		expect(plain(await outside.textContent())).toMatch(/w granicach zmienności/);
		await page.waitForLoadState('networkidle');
		expect(opened.offOriginRequests).toEqual([]);
		expect(opened.consoleErrors).toEqual([]);
		expect(opened.failedRequests).toEqual([]);
	});

	it('switches dataset by the switch and by link: the five centres and the national set, back and forth', async () => {
		opened = await openPage('/');
		const { page } = opened;
		expect(plain(await page.locator('.dataset [aria-current="page"]').textContent())).toBe('5 ośrodków ze źródłami');
		await page.locator('[data-dataset-link="national"]').click();
		await page.waitForURL((url) => url.pathname === '/polska/');
		expect(plain(await page.locator('h1').textContent())).toBe('Polska: dane syntetyczne');
		expect(plain(await page.locator('.dataset [aria-current="page"]').textContent())).toBe('Polska: dane syntetyczne');
		await page.goBack();
		await page.waitForURL((url) => url.pathname === '/');
		// The address changes first; the page follows when its data is in.
		await expect.poll(() => page.locator('.dataset').getAttribute('data-dataset')).toBe('centres');
		// A shared link opens the dataset it names, in either language.
		await page.goto(new URL('/en/polska/18/', page.url()).href);
		expect(plain(await page.locator('.dataset [aria-current="page"]').textContent())).toBe('Poland: synthetic data');
		await page.locator('[data-dataset-link="centres"]').click();
		await page.waitForURL((url) => url.pathname === '/en/');
		await expect.poll(() => page.locator('.dataset').getAttribute('data-dataset')).toBe('centres');
	});

	it('drills down by clicking the map, to a voivodeship and a powiat, and back with the back button', async () => {
		opened = await openNationalPage('/polska/');
		const { page } = opened;
		await page.locator('[data-chart="mapa"] a[data-area="18"]').click();
		await page.waitForURL(/\/polska\/18\/$/);
		expect(plain(await page.locator('h1').textContent())).toBe('podkarpackie');
		expect((await page.locator('nav.crumbs li').allTextContents()).map(plain)).toEqual(['Polska', 'podkarpackie']);
		expect(await page.locator('[data-chart="mapa"] a[data-area]').count()).toBe(25);
		await page.locator('[data-chart="mapa"] a[data-area="1808"]').click();
		await page.waitForURL(/\/polska\/18\/1808\/$/);
		expect(plain(await page.locator('h1').textContent())).toBe('powiat leżajski');
		const rows = await page.locator('table[data-table="national-units"] tbody tr').count();
		expect(rows).toBe(summary.centres.filter((c) => c.parent === '1808').length);
		await page.goBack();
		await page.waitForURL(/\/polska\/18\/$/);
		await expect.poll(async () => plain(await page.locator('h1').textContent())).toBe('podkarpackie');
		expect(await page.locator('[data-chart="mapa"] a[data-area]').count()).toBe(25);
	});

	it('finds „Lezajsk” typed without Polish letters and goes to the centre, whose card links to its sourced page', async () => {
		opened = await openNationalPage('/polska/');
		const { page } = opened;
		await page.getByTestId('centre-search').fill('Lezajsk');
		const results = page.locator('.search li');
		expect(await results.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('MOPS Leżajsk'), expect.stringContaining('GOPS Leżajsk')]));
		// The search's list, not the table of every centre below, which has the same link.
		await results.getByRole('link', { name: 'MOPS Leżajsk' }).click();
		await page.waitForURL(/\/polska\/18\/1808\/\?osrodek=1808011$/);
		const card = page.locator('[data-chosen="1808011"]');
		expect(plain(await card.textContent())).toContain('3 z 25');
		await card.getByRole('link', { name: 'Strona ośrodka ze źródłami' }).click();
		await page.waitForURL(/\/osrodki\/lezajsk\/$/);
	});

	it('opens a shared link as it was: the measure and the chosen centre come from the address', async () => {
		const hidden = summary.centres.find((c) => c.completion.kind === 'suppressed' && !c.hasPage)!;
		expect(hidden, 'the national set has a centre with a hidden rate').toBeTruthy();
		opened = await openNationalPage(`/polska/${hidden.code.slice(0, 2)}/${hidden.code.slice(0, 4)}/?miara=ukonczenie&osrodek=${hidden.code}`);
		const { page } = opened;
		await page.locator(`[data-chosen="${hidden.code}"]`).waitFor();
		expect(await page.locator('input[name="miara"][value="ukonczenie"]').isChecked()).toBe(true);
		expect(plain(await page.locator('#mapa-title').textContent())).toContain('Ukończyli udział');
		// A hidden rate stays hidden in the card, the table and the funnel's note.
		expect(plain(await page.locator(`[data-chosen="${hidden.code}"] dd`).nth(2).textContent())).toMatch(/^ukryte/);
		expect(plain(await page.locator(`tr[data-unit="${hidden.code}"]`).textContent())).toContain('ukryte');
		expect(plain(await page.locator('[data-chart="lejek"] figcaption').textContent())).toMatch(/z ukrytym odsetkiem/);
	});

	it('changes the measure in the address and keeps the filters and the chosen centre, and the links carry it', async () => {
		opened = await openNationalPage('/polska/18/1808/?lata=2010&osrodek=1808011');
		const { page } = opened;
		await page.locator('[data-chosen="1808011"]').waitFor();
		await page.locator('input[name="miara"][value="koszt"]').click();
		await page.waitForURL((url) => url.search === '?miara=koszt&lata=2010&osrodek=1808011');
		expect(await page.locator('.crumbs a').first().getAttribute('href')).toBe('/polska/?miara=koszt&lata=2010');
		expect(await page.locator('tr[data-unit="1808022"] a').getAttribute('href')).toBe('/polska/18/1808/?miara=koszt&lata=2010&osrodek=1808022');
		// The default measure is left out of the address.
		await page.locator('input[name="miara"][value="praca"]').click();
		await page.waitForURL((url) => url.search === '?lata=2010&osrodek=1808011');
		expect(await page.locator('tr[data-unit="1808022"] a').getAttribute('href')).toBe('/polska/18/1808/?lata=2010&osrodek=1808022');
	});

	it('steps through the funnel plot by keyboard, saying each centre with k of n and its interval', async () => {
		opened = await openNationalPage('/polska/18/');
		const { page } = opened;
		await page.waitForFunction(() => Number(document.querySelector('[data-funnel] canvas')?.getAttribute('data-drawn')) > 0);
		await page.locator('[data-funnel]').focus();
		await page.keyboard.press('End');
		const said = plain(await page.getByTestId('funnel-said').textContent());
		expect(said).toMatch(/^.+: [\d ]+ z [\d ]+ \(\d+% \(95% PU: \d+–\d+%\)\); /);
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/polska\/18\/18\d\d\/\?osrodek=18\d{5}$/);
	});
});
