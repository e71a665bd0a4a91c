// Filters in real Chromium: they change every table and chart, live in the URL (reload and back reproduce the
// view), show as removable chips, and a click on a bar filters by its centre.
import { afterEach, describe, expect, it } from 'vitest';
import { chartOnScreen, openPage, plain, type OpenedPage } from './browser';

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

async function ready(o: OpenedPage) {
	await o.page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
}
const rows = (o: OpenedPage) => o.page.locator('table.comparison tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-centre')));
const selection = async (o: OpenedPage) => plain(await o.page.getByTestId('selection').textContent());

describe('filters', () => {
	it('apply to the table and the count, live in the URL, survive a reload, and walk back', async () => {
		opened = await openPage('/');
		const o = opened;
		await ready(o);
		expect(await selection(o)).toContain('98');
		await o.page.getByText('Filtry', { exact: true }).last().click();
		await o.page.locator('[data-filter="centres"]').getByLabel('MOPS Leżajsk').check();
		await o.page.waitForURL(/osrodki=lezajsk/);
		await ready(o);
		expect(await rows(o)).toEqual(['lezajsk']);
		expect(await selection(o)).toContain('25');
		await o.page.locator('[data-filter="sex"]').getByLabel('kobieta').check();
		await o.page.waitForURL(/osrodki=lezajsk&plec=K/);
		await expect.poll(() => selection(o)).toMatch(/Uczestnicy w wyborze: \d+ syntetyczne/);

		await o.page.reload();
		await ready(o);
		expect(await rows(o)).toEqual(['lezajsk']);
		expect(await o.page.locator('[data-filter="sex"]').getByLabel('kobieta').isChecked()).toBe(true);
		expect(await o.page.getByRole('button', { name: 'Usuń filtr: Płeć: kobieta' }).isVisible()).toBe(true);

		await o.page.goBack();
		await o.page.waitForURL((url) => !url.search.includes('plec'));
		await ready(o);
		await expect.poll(() => selection(o)).toContain('25 źródło');
		expect(o.consoleErrors).toEqual([]);
	});

	it('remove a filter from its chip', async () => {
		opened = await openPage('/?osrodki=leszno,chocianow&lata=brak');
		const o = opened;
		await ready(o);
		expect(await rows(o)).toEqual(['leszno']);
		await o.page.getByRole('button', { name: 'Usuń filtr: Rok edycji: rok nieznany' }).click();
		await o.page.waitForURL((url) => !url.search.includes('lata'));
		await ready(o);
		expect(await rows(o)).toEqual(['chocianow', 'leszno']);
	});

	it('filter by a centre from a click on its bar (cross-filtering)', async () => {
		opened = await openPage('/');
		const o = opened;
		await ready(o);
		const canvas = o.page.locator('[data-chart="koszt"] canvas');
		await chartOnScreen(o.page, 'koszt');
		const box = (await canvas.boundingBox())!;
		// Five centres share the plot's height above the x axis (about 60 px of ticks and title); Leżajsk, with the
		// longest bar, is the fourth band, so a point 40% across it lands on its bar.
		const plotTop = 10;
		const band = (box.height - 60 - plotTop) / 5;
		await canvas.click({ position: { x: box.width * 0.4, y: plotTop + band * 3.5 } });
		await o.page.waitForURL(/osrodki=lezajsk/);
		await ready(o);
		expect(await rows(o)).toEqual(['lezajsk']);
	});

	it('has no tab stop per row in the comparison table: a centre filters from the filter panel, by keyboard', async () => {
		opened = await openPage('/');
		const o = opened;
		await ready(o);
		// No control per row: each row's only links are its centre's page and, where a figure's provenance differs
		// from its column's, that figure's own source.
		expect(await o.page.locator('table.comparison tbody :is(button, input, select, [tabindex])').count()).toBe(0);
		const links = await o.page.locator('table.comparison tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('a[href]')].map((a) => (a.closest('th[scope="row"]') ? 'centre' : a.classList.contains('badge') ? 'source' : 'other'))));
		expect(links.map((l) => l.filter((k) => k === 'centre').length)).toEqual([1, 1, 1, 1, 1]);
		expect(links.flat().filter((k) => k === 'other')).toEqual([]);
		await o.page.getByText('Filtry', { exact: true }).last().click();
		const leszno = o.page.locator('[data-filter="centres"]').getByLabel('OPS Gmina Leszno');
		await leszno.focus();
		await o.page.keyboard.press('Space');
		await o.page.waitForURL(/osrodki=leszno/);
		await ready(o);
		expect(await rows(o)).toEqual(['leszno']);
	});

	it('switches money to constant prices, labelled, and keeps the basis in the URL', async () => {
		opened = await openPage('/');
		const o = opened;
		await ready(o);
		await o.page.getByLabel('Ceny:').selectOption('2013');
		await o.page.waitForURL(/ceny=stale-2013/);
		await ready(o);
		const budget = plain(await o.page.locator('tr[data-centre="lezajsk"] [data-col="budget"]').textContent());
		// 385 365,31 zł of 2011 × 1,037 (2012) × 1,009 (2013) = 403 220,44 zł
		expect(budget).toContain('403 220,44 zł');
		expect(plain(await o.page.locator('table.comparison thead').textContent())).toContain('ceny stałe 2013 r.');
		expect(plain(await o.page.locator('[data-chart="koszt"] h2').textContent())).toContain('ceny stałe 2013 r.');
		await o.page.reload();
		await ready(o);
		expect(plain(await o.page.locator('tr[data-centre="lezajsk"] [data-col="budget"]').textContent())).toContain('403 220,44 zł');
	});

	it('labels the figures on screen with their own prices and filters while the next answer is computed, not the address’s', async () => {
		opened = await openPage('/');
		const o = opened;
		await ready(o);
		// Every state the overview passes through while busy: the cost chart's title and the printed filter line.
		await o.page.evaluate(() => {
			const answer = document.querySelector('.overview.answer')!;
			const seen: string[] = ((window as unknown as { busyStates: string[] }).busyStates = []);
			new MutationObserver(() => {
				if (answer.getAttribute('aria-busy') !== 'true') return;
				seen.push(`${location.search} | ${answer.querySelector('[data-chart="koszt"] h2')?.textContent} | ${document.querySelector('[data-print-filters]')?.textContent}`);
			}).observe(answer, { attributes: true, childList: true, subtree: true, characterData: true });
		});
		await o.page.getByLabel('Ceny:').selectOption('2013');
		await o.page.waitForURL(/ceny=stale-2013/);
		await ready(o);
		const busy = (await o.page.evaluate(() => (window as unknown as { busyStates: string[] }).busyStates)).map(plain);
		expect(busy.length).toBeGreaterThan(0);
		for (const state of busy) {
			// The address has moved on; the answer shown, and so its words, are still at current prices.
			expect(state).toMatch(/^\?ceny=stale-2013 \| /);
			expect(state).toContain('ceny bieżące');
			expect(state).not.toContain('ceny stałe');
		}
		expect(plain(await o.page.locator('[data-chart="koszt"] h2').textContent())).toContain('ceny stałe 2013 r.');
		expect(plain(await o.page.locator('[data-print-filters]').textContent())).toContain('ceny stałe 2013 r.');
	});

	it('sorts the comparison table by a column header, both ways, and keeps the order in the URL', async () => {
		opened = await openPage('/');
		const o = opened;
		await ready(o);
		const cost = o.page.getByRole('button', { name: 'Sortuj według: Koszt na uczestnika' });
		await cost.click();
		await o.page.waitForURL(/sortuj=koszt-na-uczestnika/);
		const up = await rows(o);
		await cost.click();
		await o.page.waitForURL(/sortuj=-koszt-na-uczestnika/);
		const down = await rows(o);
		// Centres without a published budget stay last both ways; the others reverse.
		const known = await o.page.locator('table.comparison [data-col="cost-per-participant"] [data-kind="derived"]').count();
		expect(known).toBeGreaterThan(1);
		expect(down.slice(0, known)).toEqual(up.slice(0, known).reverse());
		expect(down.slice(known)).toEqual(up.slice(known));
		expect(await o.page.locator('th[aria-sort="descending"]').textContent()).toContain('Koszt na uczestnika');
		await o.page.reload();
		await ready(o);
		expect(await rows(o)).toEqual(down);
	});

	it('filter by a form of support from a click on a segment of a support chart', async () => {
		opened = await openPage('/');
		const o = opened;
		await ready(o);
		// The support chart in złoty: Janów's bar is the longest there.
		await o.page.locator('[data-chart="wsparcie"]').getByLabel('kwota (zł)').check();
		const canvas = o.page.locator('[data-chart="wsparcie"] canvas');
		await chartOnScreen(o.page, 'wsparcie');
		const box = (await canvas.boundingBox())!;
		// Janów Lubelski, with the largest support costs, is the second of five bands; its first segments sit near
		// the start of the axis, a little right of the centre names.
		const plotTop = 10;
		const band = (box.height - 90 - plotTop) / 5;
		await canvas.click({ position: { x: box.width * 0.3, y: plotTop + band * 1.5 } });
		await o.page.waitForURL(/wsparcie=\w+/);
		await ready(o);
		const form = new URL(o.page.url()).searchParams.get('wsparcie')!;
		expect(await o.page.locator(`[data-filter="supportForms"] input`).evaluateAll((inputs) => inputs.filter((i) => (i as HTMLInputElement).checked).length)).toBe(1);
		expect(await o.page.getByRole('button', { name: /^Usuń filtr: Otrzymane wsparcie: / }).count()).toBe(1);
		expect(form.length).toBeGreaterThan(0);
	});
});
