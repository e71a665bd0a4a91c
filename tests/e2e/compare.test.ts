// The compare view in real Chromium: centres side by side from a shared link, with populations and their years,
// differences with a verdict on the noise, trends drawn; the centre filter picks the centres, in the URL.
import { afterEach, describe, expect, it } from 'vitest';
import { openPage, plain, type OpenedPage } from './browser';

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

const ready = (o: OpenedPage) => o.page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
/** The compared centres, one row each, in the table's order. */
const columns = (o: OpenedPage) => o.page.locator('table.compare tbody tr[data-centre]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-centre')));
/** The figure for a measure (a column) of the n-th compared centre. */
const cell = async (o: OpenedPage, measure: string, centre: number) =>
	plain(await o.page.locator(`table.compare tr[data-centre="${(await columns(o))[centre]}"] td[data-col="${measure}"]`).textContent());

describe('compare view', () => {
	it('opens a shared link with its centres side by side, populations with their year, and rates per 1,000', async () => {
		opened = await openPage('/porownanie/?osrodki=lezajsk,swiebodzice');
		const o = opened;
		await ready(o);
		expect(await columns(o)).toEqual(['lezajsk', 'swiebodzice']);
		expect(await cell(o, 'population', 0)).toContain('14 126');
		expect(await cell(o, 'population', 0)).toContain('stan z 2010 r.');
		expect(await cell(o, 'population', 1)).toContain('poza latami projektu');
		// 25 published participants of 14 126 inhabitants: 1,77 per 1,000.
		expect(await cell(o, 'per-1000', 0)).toContain('1,77');
		// Shares of the two centres' total (25 + 18): 58% and 42%.
		expect(await cell(o, 'participants-share', 0)).toContain('58%');
		expect(await cell(o, 'participants-share', 1)).toContain('42%');
		// Disclosure control hides Świebodzice's employment, completion and women rates (<5), so this pair has no
		// difference to show for any measure, and the section says so instead of an empty table.
		for (const measure of ['employment', 'completion', 'women']) {
			await o.page.getByTestId('difference-measure').selectOption(measure);
			await expect.poll(async () => plain(await o.page.locator('section[aria-labelledby="roznice"] .empty').textContent())).toContain('Brak par');
			expect(await o.page.locator('table.differences').count(), measure).toBe(0);
		}
		expect(await o.page.locator('[data-chart="trend-uczestnicy"] canvas').getAttribute('data-drawn')).not.toBeNull();
		expect(o.consoleErrors).toEqual([]);
		expect(o.offOriginRequests).toEqual([]);
	});

	it('adds a centre from the filter, keeps it in the URL, and walks back', async () => {
		opened = await openPage('/porownanie/?osrodki=lezajsk,swiebodzice');
		const o = opened;
		await ready(o);
		await o.page.getByText('Filtry', { exact: true }).last().click();
		await o.page.locator('[data-filter="centres"]').getByLabel('OPS Chocianów').check();
		await o.page.waitForURL(/osrodki=lezajsk%2Cswiebodzice%2Cchocianow|osrodki=lezajsk,swiebodzice,chocianow/);
		await ready(o);
		expect(await columns(o)).toEqual(['chocianow', 'lezajsk', 'swiebodzice']);
		await o.page.goBack();
		await ready(o);
		await expect.poll(() => columns(o)).toEqual(['lezajsk', 'swiebodzice']);
	});

	it('asks for at least two centres instead of comparing one', async () => {
		opened = await openPage('/porownanie/?osrodki=lezajsk');
		const o = opened;
		expect(plain(await o.page.getByTestId('compare-pick').textContent())).toContain('od 2 do 5');
		expect(await o.page.locator('table.compare').count()).toBe(0);
	});

	it('is reached from the overview with the same filters', async () => {
		opened = await openPage('/?osrodki=lezajsk,leszno&ceny=stale-2013');
		const o = opened;
		await ready(o);
		await o.page.getByRole('link', { name: 'Porównaj wybrane ośrodki' }).click();
		await o.page.waitForURL(/\/porownanie\/\?osrodki=lezajsk(%2C|,)leszno&ceny=stale-2013/);
		await ready(o);
		expect(await columns(o)).toEqual(['leszno', 'lezajsk']);
		expect(plain(await o.page.locator('table.compare').textContent())).toContain('ceny stałe 2013 r.');
	});
});
