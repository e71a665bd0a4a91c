// A centre's page in real Chromium: its editions, the figures as its page states them, activities, sources.
import { afterEach, describe, expect, it } from 'vitest';
import { openPage, plain, type OpenedPage } from './browser';

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

describe('centre page', () => {
	it('shows Leżajsk: four editions, the budget as stated with its quote, six courses, its sources', async () => {
		opened = await openPage('/osrodki/lezajsk/');
		const { page } = opened;
		expect(plain(await page.locator('h1').textContent())).toBe('Miejski Ośrodek Pomocy Społecznej w Leżajsku');
		expect(await page.locator('tr[data-edition]').count()).toBe(4);
		const budget = plain(await page.locator('tr[data-figure="budget_pln"]').textContent());
		expect(budget).toContain('385 365,31 zł');
		expect(budget).toContain('„Cały budżet projektu zamknął się sumą 385 365,31 zł”');
		expect(plain(await page.locator('tr[data-edition="lezajsk-2009"]').textContent())).toContain('nie opublikowano');
		expect(await page.getByRole('row').filter({ hasText: 'kurs zawodowy' }).count()).toBe(6);
		expect(plain(await page.locator('#zrodla').textContent())).toContain('GUS, rejestr TERYT');
		await page.waitForLoadState('networkidle');
		expect(opened.consoleErrors).toEqual([]);
		expect(opened.offOriginRequests).toEqual([]);
		expect(opened.failedRequests).toEqual([]);
	});

	it('says the year is unknown for Leszno and hides small synthetic cells', async () => {
		opened = await openPage('/osrodki/leszno/');
		const { page } = opened;
		expect(plain(await page.locator('tr[data-edition="leszno-bez-roku"] th').textContent())).toBe('rok nieznany');
		const ages = plain(await page.locator('table[data-table="profile-age_band"]').textContent());
		expect(ages).toContain('ukryte');
		expect(ages).not.toMatch(/lata [1-4]\b/);
	});

	it('is reached from the overview by keyboard', async () => {
		opened = await openPage('/');
		const { page } = opened;
		const link = page.getByRole('link', { name: 'OPS Janów Lubelski' });
		await link.focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/osrodki\/janow-lubelski\/$/);
		expect(plain(await page.locator('tr[data-figure="local_activity_participants"]').textContent())).toContain('20 uczestników PAL');
	});
});
