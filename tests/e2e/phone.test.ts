// At a phone's width (390 px): every text a chart draws (category labels, axis titles, legends, reasons for a
// missing bar) lies wholly inside its canvas, on every page with charts; a centre's quotes take a card's width; a
// chart's PNG keeps its whole source line; the national tiles' figures stay inside their tiles.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openPage, type OpenedPage } from './browser';

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

const PHONE = { width: 390, height: 844 };

/** Opens a page that records, for each chart, every text drawn on its canvas and whether its box left the canvas. */
async function openRecording(path: string) {
	opened = await openPage('about:blank', { viewport: PHONE });
	await opened.page.addInitScript(() => {
		const drawn: { chart: string; text: string; outside: boolean }[] = [];
		(window as unknown as { __texts: typeof drawn }).__texts = drawn;
		const fillText = CanvasRenderingContext2D.prototype.fillText;
		CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, maxWidth?: number) {
			const chart = this.canvas.closest('[data-chart]')?.getAttribute('data-chart');
			if (chart && String(text).trim()) {
				// measureText's bounding box already allows for the text's alignment and baseline.
				const m = this.measureText(String(text));
				const t = this.getTransform();
				const corners = [
					[x - m.actualBoundingBoxLeft, y - m.actualBoundingBoxAscent],
					[x + m.actualBoundingBoxRight, y - m.actualBoundingBoxAscent],
					[x - m.actualBoundingBoxLeft, y + m.actualBoundingBoxDescent],
					[x + m.actualBoundingBoxRight, y + m.actualBoundingBoxDescent]
				].map(([px, py]) => [t.a * px + t.c * py + t.e, t.b * px + t.d * py + t.f]);
				const outside = corners.some(([px, py]) => px < -1 || py < -1 || px > this.canvas.width + 1 || py > this.canvas.height + 1);
				drawn.push({ chart, text: String(text), outside });
			}
			return maxWidth === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, maxWidth);
		};
	});
	await opened.page.goto(new URL(path, inject('baseUrl')).href);
	await opened.page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
	return opened.page;
}

describe('charts on a phone', () => {
	it.each([
		['/', ['zatrudnienie', 'koszt', 'uczestnicy', 'wsparcie']],
		['/porownanie/', ['trend-uczestnicy', 'trend-koszt']]
	])('%s: no chart label is cut at the canvas’s edge', async (path, charts) => {
		const page = await openRecording(path);
		// A reader scrolls to each (the overview's charts below the fold are made when they come on screen).
		for (const id of charts) await page.locator(`[data-chart="${id}"] canvas`).scrollIntoViewIfNeeded();
		for (const id of charts) await expect.poll(() => page.locator(`[data-chart="${id}"] canvas`).getAttribute('data-drawn'), { timeout: 10_000 }).not.toBeNull();
		// Charts draw once more after layout settles: read what the last draws left.
		await page.waitForTimeout(500);
		const texts = await page.evaluate(() => (window as unknown as { __texts: { chart: string; text: string; outside: boolean }[] }).__texts);
		for (const id of charts) expect(texts.filter((t) => t.chart === id).length, `${id} drew no text`).toBeGreaterThan(5);
		expect(texts.filter((t) => t.outside).map((t) => `${t.chart}: ${t.text}`)).toEqual([]);
	});
});

describe('a centre page on a phone', () => {
	it('gives each quote the card’s whole width, with no empty band beside it', async () => {
		opened = await openPage('/osrodki/lezajsk/', { viewport: PHONE });
		const quotes = await opened.page.locator('td:has(blockquote)').evaluateAll((tds) =>
			tds.map((td) => ({ cell: td.getBoundingClientRect().width, quote: td.querySelector('blockquote')!.getBoundingClientRect().width }))
		);
		expect(quotes.length).toBeGreaterThan(5);
		for (const { cell, quote } of quotes) expect(quote / cell).toBeGreaterThan(0.9);
	});
});

describe('a chart’s PNG from a phone', () => {
	it('wraps its footer to the picture’s width and is tall enough for it: nothing drawn at the right or bottom edge', async () => {
		opened = await openPage('/', { viewport: PHONE });
		const page = opened.page;
		await page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
		const menu = page.locator('[data-chart="zatrudnienie"] details.export');
		await menu.locator('summary').click();
		const [file] = await Promise.all([page.waitForEvent('download'), menu.locator('button[data-format="png"]').click()]);
		const png = (await readFile((await file.path())!)).toString('base64');
		// Read the picture back in the browser: where its dark (text) pixels are, by column and by row.
		const ink = await page.evaluate(async (data) => {
			const img = new Image();
			img.src = `data:image/png;base64,${data}`;
			await img.decode();
			const canvas = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
			const ctx = canvas.getContext('2d')!;
			ctx.drawImage(img, 0, 0);
			const { data: px } = ctx.getImageData(0, 0, img.width, img.height);
			let right = 0;
			let bottom = 0;
			for (let y = 0; y < img.height; y++)
				for (let x = 0; x < img.width; x++) {
					const i = (y * img.width + x) * 4;
					if (px[i] < 120 && px[i + 1] < 120 && px[i + 2] < 120) {
						right = Math.max(right, x);
						bottom = Math.max(bottom, y);
					}
				}
			return { width: img.width, height: img.height, right, bottom, scale: img.width / (document.querySelector('[data-chart="zatrudnienie"] canvas') as HTMLCanvasElement).clientWidth };
		}, png);
		// 16 px of white on each side (at the picture's scale): text that ran past the width would reach the edge.
		expect(ink.right).toBeLessThan(ink.width - 10 * ink.scale);
		expect(ink.bottom).toBeLessThan(ink.height - 8 * ink.scale);
		// The last footer line is drawn just above the bottom padding, not cut off below it.
		expect(ink.bottom).toBeGreaterThan(ink.height - 40 * ink.scale);
	});
});

describe('the national tiles on a phone', () => {
	// English money is the longest form („8,722.98 PLN”, a no-break space before the code): it once ran past its tile.
	for (const path of ['/en/polska/?lata=2010', '/polska/?lata=2010', '/en/polska/14/?plec=K'])
		it(`${path}: every tile's figure lies inside its tile`, async () => {
			opened = await openPage(path, { viewport: PHONE });
			await opened.page.waitForSelector('[data-testid="national-status"][data-state="ready"]', { timeout: 45_000 });
			const spill = await opened.page.evaluate(() =>
				[...document.querySelectorAll<HTMLElement>('.tiles dd')].flatMap((dd) => {
					const tile = dd.parentElement!.getBoundingClientRect();
					const range = document.createRange();
					range.selectNodeContents(dd);
					const text = range.getBoundingClientRect();
					return text.right > tile.right - 1 || text.left < tile.left + 1 ? [`${dd.textContent}: ${Math.round(text.right - tile.right)} px past`] : [];
				})
			);
			expect(await opened.page.locator('.tiles dd[data-tile="cost"]').count()).toBe(1);
			expect(spill).toEqual([]);
		});
});
