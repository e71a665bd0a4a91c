// Bringing one's own data in real Chromium: a good file shows up in the overview marked "z pliku" and survives a
// reload (IndexedDB); a bad one is refused with its reasons and changes nothing; removing a file takes it out.
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPage, plain, type OpenedPage } from './browser';

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

const fixtures = resolve(import.meta.dirname, '../fixtures/import');
const selection = async (o: OpenedPage) => plain(await o.page.getByTestId('selection').textContent());

async function overviewSelection(o: OpenedPage) {
	await o.page.goto(new URL('/?osrodki=lezajsk&plec=K', o.page.url()).href);
	await o.page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
	return selection(o);
}

describe('bring your own data', () => {
	it('loads a good file beside the built-in data, marked, kept across a reload, and removable', async () => {
		opened = await openPage('/dane-wlasne/');
		const o = opened;
		expect(await overviewSelection(o)).toContain('14 syntetyczne');
		await o.page.goto(new URL('/dane-wlasne/', o.page.url()).href);
		await o.page.locator('input[type="file"]').setInputFiles(`${fixtures}/good/participants-excel-pl.csv`);
		await expect.poll(async () => plain(await o.page.getByRole('status').filter({ hasText: 'Plik jest poprawny' }).textContent())).toContain('2 wierszy');
		expect(plain(await o.page.locator('main').textContent())).toContain('kodowanie windows-1250');
		await o.page.getByRole('button', { name: 'Wczytaj do pulpitu' }).click();
		await expect.poll(async () => plain(await o.page.getByTestId('import-status').textContent())).toContain('Wczytano participants-excel-pl.csv');

		// Two more women in Leżajsk, and the count says some of it came from the file.
		expect(await overviewSelection(o)).toBe('Uczestnicy w wyborze: 16 syntetyczne z pliku');
		await o.page.reload();
		await o.page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
		await expect.poll(() => selection(o)).toBe('Uczestnicy w wyborze: 16 syntetyczne z pliku');

		await o.page.goto(new URL('/dane-wlasne/', o.page.url()).href);
		await o.page.getByRole('button', { name: 'Usuń participants-excel-pl.csv' }).click();
		await expect.poll(() => o.page.locator('li[data-file]').count()).toBe(0);
		expect(await overviewSelection(o)).toContain('14 syntetyczne');
		expect(o.offOriginRequests).toEqual([]);
		expect(o.consoleErrors).toEqual([]);
	});

	it('refuses a bad file with its reasons, and the data stays as it was', async () => {
		opened = await openPage('/dane-wlasne/');
		const o = opened;
		await o.page.waitForSelector('input[type="file"]', { timeout: 45_000 });
		await o.page.locator('input[type="file"]').setInputFiles(`${fixtures}/bad/pesel.csv`);
		await expect.poll(async () => plain(await o.page.getByTestId('import-problems').textContent())).toContain('PESEL');
		expect(await o.page.getByRole('button', { name: 'Wczytaj do pulpitu' }).count()).toBe(0);
		await o.page.locator('input[type="file"]').setInputFiles(`${fixtures}/bad/unclosed-quote.csv`);
		await expect.poll(async () => plain(await o.page.getByTestId('import-error').textContent())).toContain('niezamknięty cudzysłów');
		expect(await overviewSelection(o)).toContain('14 syntetyczne');
	});
});
