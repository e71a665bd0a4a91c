// Issue 10 parts 2–3 in real Chromium: the answer on the first screen (tiles, a generated sentence and a drawn
// chart above the fold), tiles that follow the filters and the "published only" view, a keyboard path to the first
// chart in few tab stops, and cross-filtering from a chart by keyboard alone.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, plain, type OpenedPage } from './browser';

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

async function openReady(path: string, viewport = { width: 1366, height: 768 }) {
	opened = await openPage(path, { viewport });
	await opened.page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
	return opened.page;
}

const tileValue = async (page: Page, id: string) => plain(await page.locator(`[data-tile="${id}"] [data-testid="tile-value"]`).textContent());
const sentence = async (page: Page) => plain(await page.getByTestId('headline-sentence').textContent());
/** Numbers as written in Polish ("98", "9%", "738 821,31 zł"): digits with spaces between groups and a decimal comma. */
const numbers = (text: string) => text.match(/\d+(?: \d{3})*(?:,\d+)?/g) ?? [];

/** Coloured pixels on a canvas: one that drew nothing is all transparent or white. */
const inked = (page: Page, selector: string) =>
	page.locator(selector).evaluate((el: HTMLCanvasElement) => {
		const { data } = el.getContext('2d')!.getImageData(0, 0, el.width, el.height);
		let n = 0;
		for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200)) n++;
		return n;
	});

/** Presses Tab from the top of the page until focus is inside a chart; the number of presses it took. */
async function tabsToFirstChart(page: Page, limit = 60): Promise<{ stops: number; chart: string | null }> {
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	for (let stops = 1; stops <= limit; stops++) {
		await page.keyboard.press('Tab');
		const chart = await page.evaluate(() => document.activeElement?.closest('figure[data-chart]')?.getAttribute('data-chart') ?? null);
		if (chart) return { stops, chart };
	}
	return { stops: Infinity, chart: null };
}

describe('the headline first', () => {
	it('holds the four tiles, the sentence and a drawn chart above the fold at 1366×768', async () => {
		const page = await openReady('/');
		const tiles = page.locator('[data-tile]');
		expect(await tiles.count()).toBe(4);
		for (const box of await tiles.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()))) {
			expect(box.top).toBeGreaterThanOrEqual(0);
			expect(box.bottom).toBeLessThanOrEqual(768);
		}
		const sentenceBox = (await page.getByTestId('headline-sentence').boundingBox())!;
		expect(sentenceBox.y + sentenceBox.height).toBeLessThanOrEqual(768);
		const canvas = 'figure[data-chart] canvas >> nth=0';
		const chart = (await page.locator(canvas).boundingBox())!;
		expect(chart.y).toBeGreaterThanOrEqual(0);
		expect(chart.y + chart.height).toBeLessThanOrEqual(768);
		await expect.poll(() => page.locator(canvas).getAttribute('data-drawn')).not.toBeNull();
		expect(await inked(page, canvas)).toBeGreaterThan(500);
	});

	it('writes in the sentence the very numbers the tiles show, with the synthetic mark', async () => {
		const page = await openReady('/');
		const text = await sentence(page);
		const shown = [];
		for (const id of ['participants', 'employment', 'budgets', 'cost']) shown.push(...numbers(await tileValue(page, id)));
		expect(shown).toEqual(['98', '9', '738 821,31', '9552,86', '15 414,61']);
		for (const n of shown) expect(text).toContain(n);
		expect(await tileValue(page, 'employment')).toContain('częściowo syntetyczne');
		expect(await page.locator('[data-testid="headline-sentence"] .badge.synthetic').count()).toBe(1);
		expect(await page.locator('[data-tile="participants"] .badge.published').count()).toBe(1);
		expect(await page.locator('[data-tile="cost"] [data-mark="derived"]').count()).toBe(1);
	});

	it('puts the tiles on a phone’s first screen, right after the controls', async () => {
		const page = await openReady('/', { width: 390, height: 844 });
		for (const box of await page.locator('[data-tile]').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()))) {
			expect(box.bottom).toBeLessThanOrEqual(844);
			expect(box.right).toBeLessThanOrEqual(390);
		}
	});

	it('follows a participant filter: synthetic count, budgets and cost left out with the reason', async () => {
		const page = await openReady('/?plec=K');
		await expect.poll(() => tileValue(page, 'participants')).toMatch(/^\d+ syntetyczne$/);
		expect(await tileValue(page, 'budgets')).toBe('dotyczy całej edycji: pominięte przy filtrze uczestników');
		expect(await tileValue(page, 'cost')).toBe('dotyczy całej edycji: pominięte przy filtrze uczestników');
		// The tile's pooled rate (Leszno's 0 of 10) is drawn in the chart beside it, not called all hidden.
		expect(await tileValue(page, 'employment')).toMatch(/^0% syntetyczne$/);
		expect(await page.locator('[data-chart="zatrudnienie"] canvas').count()).toBe(1);
		const participants = numbers(await tileValue(page, 'participants'))[0];
		expect(await sentence(page)).toMatch(new RegExp(`^${participants} syntetyczne uczestnik`));
	});

	it('keeps only published figures in the "published only" view', async () => {
		const page = await openReady('/?widok=opublikowane');
		expect(await tileValue(page, 'employment')).toBe('12% źródło: lezajsk-page');
		expect(await page.locator('[data-tile] .badge.synthetic, [data-testid="headline-sentence"] .badge.synthetic').count()).toBe(0);
		expect(await sentence(page)).toContain('pracowało 12% (3 z 25; 95% PU 4–30%)');
	});
});

describe('keyboard', () => {
	// 15 when the header had only the navigation; the language switch („English”), the colour-scheme switch, the
	// link to the printable report (issue 12) and the dataset switch (issue 11) are one stop each.
	it('reaches the first chart in at most 19 tab stops from the top of the page', async () => {
		const page = await openReady('/');
		const { stops, chart } = await tabsToFirstChart(page);
		expect(chart).toBe('zatrudnienie');
		expect(stops).toBeLessThanOrEqual(19);
	});

	it('cross-filters from a chart by keyboard alone: arrows say the bar, Enter filters', async () => {
		const page = await openReady('/');
		await tabsToFirstChart(page);
		const said = page.locator('[data-chart="zatrudnienie"] [data-testid="chart-said"]');
		await page.keyboard.press('ArrowDown');
		await expect.poll(async () => plain(await said.textContent())).toBe('OPS Chocianów (n = 8): ukryte. 1 z 5.');
		for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
		await expect.poll(async () => plain(await said.textContent())).toBe('MOPS Leżajsk (n = 25): 12% (95% PU 4,2%–30%). 4 z 5.');
		await page.keyboard.press('ArrowUp');
		await expect.poll(async () => plain(await said.textContent())).toBe('OPS Gmina Leszno (n = 10): 0% (95% PU 0%–27,8%), syntetyczne. 3 z 5.');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await page.waitForURL(/osrodki=lezajsk/);
		await page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
		expect(await page.getByRole('button', { name: 'Usuń filtr: Ośrodek: MOPS Leżajsk' }).count()).toBe(1);
	});

	it('filters by a form of support from the support chart by keyboard, in either unit', async () => {
		const page = await openReady('/');
		await page.locator('[data-chart="wsparcie"]').getByLabel('kwota (zł)').check();
		await expect.poll(() => page.locator('[data-chart="wsparcie"] [data-unit]').getAttribute('data-unit')).toBe('money');
		await page.locator('[data-chart="wsparcie"] [data-chart-keys]').focus();
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowRight');
		const said = plain(await page.locator('[data-chart="wsparcie"] [data-testid="chart-said"]').textContent());
		expect(said).toMatch(/^OPS Chocianów: aktywizacja \S+: [\d ]+,\d\d zł, syntetyczne\. 1 z 5\.$/);
		await page.keyboard.press('Enter');
		await page.waitForURL(/wsparcie=\w+/);
		expect(await page.getByRole('button', { name: /^Usuń filtr: Otrzymane wsparcie: aktywizacja/ }).count()).toBe(1);
	});
});
