// The overview as a user meets it in real Chromium: published figures first, DuckDB taking over, charts drawn,
// nothing leaving the origin, the "published only" view in the URL, tables by keyboard.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { chartOnScreen, openPage, plain, type OpenedPage } from './browser';

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

async function openOverview(path = '/') {
	opened = await openPage(path);
	await opened.page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
	return opened;
}

const cell = (o: OpenedPage, centre: string, column: string) => o.page.locator(`tr[data-centre="${centre}"] [data-col="${column}"]`).textContent().then(plain);

describe('overview', () => {
	it('ships the published figures in the prerendered HTML, before any script runs', async () => {
		const html = plain(await (await fetch(new URL('/', inject('baseUrl')))).text());
		expect(html).toContain('385 365,31 zł');
		expect(html).toContain('15 414,61 zł');
		expect(html).toMatch(/data-centre="lezajsk".*?data-col="participants"[^>]*>\s*<span class="cell-body[^"]*">\s*(<!--[^>]*-->\s*)*<span class="value[^"]*" data-kind="published"[^>]*>25</s);
	});

	it('shows the published figures with their source once DuckDB has taken over, with no error and no outside request', async () => {
		const o = await openOverview();
		// Every participant count in the column is published: the header says so once, with the link to the sources.
		expect(await cell(o, 'lezajsk', 'participants')).toBe('25');
		expect(await o.page.locator('table.comparison th[data-col="participants"] [data-column-mark="published"]').getAttribute('href')).toMatch(/\/o-danych\/#zrodla$/);
		expect(await cell(o, 'lezajsk', 'budget')).toContain('385 365,31 zł');
		expect(await cell(o, 'lezajsk', 'cost-per-participant')).toContain('15 414,61 zł');
		expect(await cell(o, 'lezajsk', 'employment')).toContain('12% (3 z 25; 95% PU 4–30%)');
		expect(await cell(o, 'chocianow', 'budget')).toBe('nie opublikowano');
		expect(await cell(o, 'swiebodzice', 'cost-per-participant')).toBe('nie opublikowano');
		expect(await cell(o, 'chocianow', 'employment')).toContain('ukryte');
		expect(await o.page.locator('footer [role="status"]').textContent()).toContain('DuckDB gotowy');
		await o.page.waitForLoadState('networkidle');
		expect(o.consoleErrors, 'console errors').toEqual([]);
		expect(o.offOriginRequests, 'requests outside the origin').toEqual([]);
		expect(o.failedRequests, 'failed requests').toEqual([]);
	});

	it('draws every chart on its canvas', async () => {
		const o = await openOverview();
		for (const id of ['uczestnicy', 'zatrudnienie', 'koszt', 'wsparcie']) {
			const canvas = o.page.locator(`[data-chart="${id}"] canvas`);
			await chartOnScreen(o.page, id);
			// Count coloured pixels: a canvas that drew nothing is all transparent or white.
			const inked = await canvas.evaluate((el: HTMLCanvasElement) => {
				const { data } = el.getContext('2d')!.getImageData(0, 0, el.width, el.height);
				let n = 0;
				for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200)) n++;
				return n;
			});
			expect(inked, id).toBeGreaterThan(500);
		}
	});

	// The three charts below the fold are made when they come on screen, so that making them does not hold
	// DuckDB's first answer back. A reader must never meet one blank: not by scrolling, not on paper, not in a PNG,
	// and not after a filter changed while it waited.
	describe('charts below the fold', () => {
		const BELOW = ['koszt', 'uczestnicy', 'wsparcie'];
		const drawnCount = (o: OpenedPage, id: string) => o.page.locator(`[data-chart="${id}"] canvas`).getAttribute('data-drawn');

		it('are not made at the start, and are made, with the filters of the moment, when scrolled to', async () => {
			const o = await openOverview();
			// Not scrolled: the first chart, on the first screen, is drawn; the three below it are not.
			await o.page.waitForFunction(() => (document.querySelector('[data-chart="zatrudnienie"] canvas') as HTMLCanvasElement).dataset.drawn !== undefined);
			for (const id of BELOW) expect(await drawnCount(o, id), id).toBeNull();
			// A filter while they wait: each is made with it, not with the figures of the start.
			await o.page.getByText('Filtry', { exact: true }).last().click();
			await o.page.locator('[data-filter="centres"]').getByLabel('MOPS Leżajsk').check();
			await o.page.waitForURL(/osrodki=lezajsk/);
			await expect.poll(() => o.page.locator('[data-chart="koszt"] table tbody tr').count()).toBe(1);
			for (const id of BELOW) expect(await drawnCount(o, id), id).toBeNull();
			await chartOnScreen(o.page, 'koszt');
			// Drawn once: made with Leżajsk alone, not made with the start's five centres and then redrawn.
			expect(await drawnCount(o, 'koszt')).toBe('1');
		});

		it('are all made for paper when print media starts, without scrolling', async () => {
			const o = await openOverview();
			for (const id of BELOW) expect(await drawnCount(o, id), id).toBeNull();
			await o.page.emulateMedia({ media: 'print' });
			for (const id of BELOW) await expect.poll(() => drawnCount(o, id), { message: id }).not.toBeNull();
		});

		it('are all made when the browser is about to print (Ctrl+P sends beforeprint before the print layout)', async () => {
			const o = await openOverview();
			for (const id of BELOW) expect(await drawnCount(o, id), id).toBeNull();
			// The event alone, with the screen's media: what a real print dialog sends first.
			const drawn = await o.page.evaluate(() => {
				dispatchEvent(new Event('beforeprint'));
				return [...document.querySelectorAll<HTMLCanvasElement>('[data-chart] canvas')].map((canvas) => canvas.dataset.drawn ?? null);
			});
			expect(drawn, 'made at once, in the same task as the event').not.toContain(null);
		});

		it('keep a narrow screen from scrolling sideways while they wait', async () => {
			opened = await openPage('/', { viewport: { width: 320, height: 640 } });
			await opened.page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
			for (const id of BELOW) expect(await opened.page.locator(`[data-chart="${id}"] canvas`).getAttribute('data-drawn'), id).toBeNull();
			expect(await opened.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		});

		it('give a drawn chart in their PNG when exported without scrolling to them', async () => {
			const o = await openOverview();
			expect(await drawnCount(o, 'wsparcie')).toBeNull();
			// A click dispatched to the button, as a script or an assistive tool may send it: no scroll comes first.
			const [file] = await Promise.all([o.page.waitForEvent('download'), o.page.locator('[data-chart="wsparcie"] button[data-format="png"]').dispatchEvent('click')]);
			expect(await drawnCount(o, 'wsparcie')).not.toBeNull();
			const bytes = [...(await readFile((await file.path())!))];
			// The support chart's bars are hatched in the palette's colours: count strongly coloured pixels.
			const coloured = await o.page.evaluate(async (data) => {
				const image = await createImageBitmap(new Blob([new Uint8Array(data)], { type: 'image/png' }));
				const canvas = new OffscreenCanvas(image.width, image.height);
				const ctx = canvas.getContext('2d')!;
				ctx.drawImage(image, 0, 0);
				const pixels = ctx.getImageData(0, 0, image.width, image.height).data;
				let n = 0;
				for (let i = 0; i < pixels.length; i += 4) if (Math.max(pixels[i], pixels[i + 1], pixels[i + 2]) - Math.min(pixels[i], pixels[i + 1], pixels[i + 2]) > 80) n++;
				return n;
			}, bytes);
			expect(coloured).toBeGreaterThan(2000);
		});
	});

	it('serves the DuckDB wasm compressed, as application/wasm, from its own origin', async () => {
		opened = await openPage('/');
		const response = await opened.page.waitForResponse((r) => r.url().endsWith('.wasm'), { timeout: 30_000 });
		const headers = await response.allHeaders();
		expect(headers['content-type']).toBe('application/wasm');
		expect(['br', 'gzip']).toContain(headers['content-encoding']);
		expect(new URL(response.url()).origin).toBe(new URL(inject('baseUrl')).origin);
	});

	it('hides every synthetic figure in the "published only" view, keeps it in the URL, and walks back', async () => {
		const o = await openOverview();
		const syntheticBadges = () => o.page.locator('table.comparison .badge.synthetic').count();
		expect(await syntheticBadges()).toBeGreaterThan(0);
		await o.page.getByLabel('Tylko liczby opublikowane').check();
		await o.page.waitForURL(/\?widok=opublikowane$/);
		expect(await syntheticBadges()).toBe(0);
		expect(await cell(o, 'lezajsk', 'employment')).toContain('12%');
		expect(await cell(o, 'janow-lubelski', 'women')).toContain('—');
		expect(await o.page.locator('table[data-table="outcomes"]').count()).toBe(0);
		// The support mix is synthetic through and through: no chart at all in this view.
		expect(await o.page.locator('[data-chart="wsparcie"] canvas').count()).toBe(0);
		await o.page.goBack();
		await o.page.waitForURL((url) => url.search === '');
		expect(await syntheticBadges()).toBeGreaterThan(0);
	});

	it('opens a shared "published only" link in that view, and ignores an unknown parameter with a notice', async () => {
		const o = await openOverview('/?widok=opublikowane&rok=2031');
		expect(await o.page.getByLabel('Tylko liczby opublikowane').isChecked()).toBe(true);
		expect(await o.page.getByRole('status').filter({ hasText: 'Pominięto' }).textContent()).toContain('rok=2031');
		expect(await o.page.locator('table.comparison .badge.synthetic').count()).toBe(0);
	});

	it('lists result indicators by sex with n, hiding both sexes where one would give a person away', async () => {
		const o = await openOverview();
		const rows = o.page.locator('table[data-table="outcomes"] tbody tr');
		expect(await rows.count()).toBe(20);
		const lezajsk = plain(await o.page.locator('tr[data-outcome="lezajsk:employed"]').textContent());
		expect(lezajsk).toContain('n = 25');
		expect(lezajsk).toContain('ukryte');
	});

	it('reads each chart as a table, by keyboard', async () => {
		const o = await openOverview();
		const summary = o.page.locator('[data-chart="koszt"] summary', { hasText: 'Pokaż dane w tabeli' });
		await summary.focus();
		await o.page.keyboard.press('Enter');
		const table = o.page.locator('[data-chart="koszt"] details table').first();
		await expect.poll(() => table.isVisible()).toBe(true);
		const row = async (name: string) => plain(await table.locator('tbody tr', { hasText: name }).innerText());
		expect(await row('MOPS Leżajsk')).toBe('MOPS Leżajsk 15 414,61 zł');
		expect(await row('OPS Chocianów')).toBe('OPS Chocianów nie opublikowano');
	});
});
