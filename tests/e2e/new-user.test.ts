// Defects a new user met (issue 10, part 1), each as the user met it in real Chromium: stale chart labels after a
// filter, empty charts with confident captions, filters a chart ignores, figures covering fewer editions than
// their row, the compare view, plurals, grammar, the 404 page and the badge legend.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { chartOnScreen, openPage, plain, type OpenedPage } from './browser';

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

const ready = (o: OpenedPage) => o.page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });

/** Records every text a canvas draws, per chart, so a test can read a chart's written labels. */
async function openRecordingCanvasText(path: string) {
	opened = await openPage('about:blank');
	await opened.page.addInitScript(() => {
		const drawn: Record<string, string[]> = {};
		(window as unknown as { __drawn: typeof drawn }).__drawn = drawn;
		const fillText = CanvasRenderingContext2D.prototype.fillText;
		CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, maxWidth?: number) {
			const id = this.canvas.closest('[data-chart]')?.getAttribute('data-chart');
			if (id) (drawn[id] ??= []).push(String(text));
			return maxWidth === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, maxWidth);
		};
	});
	await opened.page.goto(new URL(path, inject('baseUrl')).href);
	await ready(opened);
	return opened;
}
const drawnIn = (o: OpenedPage, chart: string) => o.page.evaluate((id) => (window as unknown as { __drawn: Record<string, string[]> }).__drawn[id] ?? [], chart);
const clearDrawn = (o: OpenedPage) => o.page.evaluate(() => Object.keys((window as unknown as { __drawn: Record<string, string[]> }).__drawn).forEach((k) => delete (window as unknown as { __drawn: Record<string, string[]> }).__drawn[k]));

describe('a new user’s defects', () => {
	it('draws no leftover „nie opublikowano” over Janów’s cost bar after filtering by that centre', async () => {
		const o = await openRecordingCanvasText('/');
		await chartOnScreen(o.page, 'koszt');
		expect(await drawnIn(o, 'koszt')).toContain('nie opublikowano');
		await clearDrawn(o);
		await o.page.getByText('Filtry', { exact: true }).last().click();
		await o.page.locator('[data-filter="centres"]').getByLabel('OPS Janów Lubelski').check();
		await o.page.waitForURL(/osrodki=janow-lubelski/);
		await ready(o);
		await expect.poll(() => o.page.locator('[data-chart="koszt"] table tbody tr').count()).toBe(1);
		// The last answer is on screen: clear the record, make the chart draw again, and read what it draws now.
		await o.page.waitForTimeout(500);
		await clearDrawn(o);
		await o.page.setViewportSize({ width: 1200, height: 720 });
		await expect.poll(() => drawnIn(o, 'koszt')).toContain('OPS Janów Lubelski');
		expect(await drawnIn(o, 'koszt')).not.toContain('nie opublikowano');
	});

	it('shows the cost-by-form chart empty with the reason for women aged 25–34, in both units, and the caption agrees', async () => {
		opened = await openPage('/?plec=K&wiek=25-34');
		const o = opened;
		await ready(o);
		// One chart of the support costs, as shares or in złoty: empty with its reason in both units.
		const card = o.page.locator('[data-chart="wsparcie"]');
		for (const unit of ['udział (%)', 'kwota (zł)']) {
			await card.getByLabel(unit).check();
			expect(await card.locator('canvas').count(), unit).toBe(0);
			expect(plain(await card.locator('[data-empty]').textContent()), unit).toMatch(/^Nic do narysowania/);
			expect(plain(await card.locator('.description').textContent()), unit).not.toContain('najwięcej kosztu');
		}
	});

	it('names on the participants chart the participant filters it cannot apply', async () => {
		opened = await openPage('/?plec=K');
		const o = opened;
		await ready(o);
		const notes = plain(await o.page.locator('[data-chart="uczestnicy"] .caption').textContent());
		expect(notes).toContain('Pominięte na tym wykresie: Płeć');
		expect(plain(await o.page.locator('.filters .intro').textContent())).not.toContain('działają na wszystkie');
	});

	it('says which edition Leżajsk’s figures cover', async () => {
		opened = await openPage('/');
		const o = opened;
		await ready(o);
		const years = plain(await o.page.locator('tr[data-centre="lezajsk"] [data-col="years"]').textContent());
		expect(years).toContain('2008–2011');
		expect(years).toContain('liczby tylko z edycji 2011 (1 z 4)');
		expect(plain(await o.page.locator('tr[data-centre="janow-lubelski"] [data-col="years"]').textContent())).toBe('2013');
	});

	it('opens the compare view on every centre, with the selection, published budget shares and outcomes first', async () => {
		opened = await openPage('/porownanie/');
		const o = opened;
		await ready(o);
		expect(await o.page.locator('table.compare tbody tr[data-centre]').count()).toBe(5);
		await expect.poll(async () => plain(await o.page.getByTestId('selection').textContent())).toMatch(/Uczestnicy w wyborze: \d/);
		const share = async (id: string) => plain(await o.page.locator(`table.compare tr[data-centre="${id}"] td[data-col="budget-share"]`).textContent());
		expect(await share('lezajsk')).toMatch(/\d+%/);
		expect(await share('janow-lubelski')).toMatch(/\d+%/);
		expect(await share('chocianow')).toContain('nie opublikowano');
		expect(plain(await o.page.locator('table.compare tr[data-centre="lezajsk"] td[data-col="years"]').textContent())).toContain('liczby tylko z edycji 2011');
		const measures = () => o.page.locator('table.differences tbody tr').evaluateAll((trs) => [...new Set(trs.map((tr) => tr.getAttribute('data-measure')))]);
		expect(await measures()).toEqual(['employment']);
		await o.page.getByTestId('difference-measure').selectOption('completion');
		await expect.poll(measures).toEqual(['completion']);
	});

	it('writes „8 osób” and „37 osób”, never „8 osoby”', async () => {
		for (const [id, text] of [['chocianow', '8 osób'], ['janow-lubelski', '37 osób']]) {
			const html = plain(await (await fetch(new URL(`/osrodki/${id}/`, inject('baseUrl')))).text());
			expect(html, id).toContain(text);
			expect(html, id).not.toMatch(/\b(8|37|25|18) osoby\b/);
		}
	});

	it('names the largest form of support after a colon, not after „na”', async () => {
		const html = plain(await (await fetch(new URL('/', inject('baseUrl')))).text());
		expect(html).not.toContain('kosztu na aktywizacja');
		expect(html).toContain('najwięcej kosztu: aktywizacja');
	});

	it('answers an unknown address with the site’s own 404 page, navigation and a way back', async () => {
		const response = await fetch(new URL('/osrodki/nieistnieje/', inject('baseUrl')));
		expect(response.status).toBe(404);
		const o = await openPage('/osrodki/nieistnieje/').catch(() => null);
		opened = o ?? undefined;
		// openPage records the 404 response itself as a failed request; the page must still render.
		expect(o).not.toBeNull();
		await o!.page.waitForSelector('.error-page', { timeout: 20_000 });
		expect(plain(await o!.page.locator('h1').textContent())).toBe('Nie ma takiej strony');
		expect(await o!.page.locator('nav[aria-label="Główna"] a').count()).toBeGreaterThan(3);
		await o!.page.getByRole('link', { name: /Wróć do przeglądu/ }).click();
		await ready(o!);
		expect(o!.consoleErrors.filter((e) => !e.includes('404'))).toEqual([]);
	});

	it('says the ŹRÓDŁO badge leads to the sources list', async () => {
		const html = plain(await (await fetch(new URL('/', inject('baseUrl')))).text());
		expect(html).not.toContain('link prowadzi do cytatu');
		expect(html).toContain('link prowadzi do listy źródeł');
	});
});
