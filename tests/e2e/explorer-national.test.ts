// The SQL explorer over the national synthetic set, in real Chromium against the built site: a link with
// ?zbior=polska opens it, a query over the cube gives the numbers the cube file holds, every answer is marked
// synthetic, a voivodeship's participant rows load on demand (that region's file only), the lock holds on this
// engine as on the five centres', and a switch of dataset leaves nothing of the other's query behind.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableFromIPC } from 'apache-arrow';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { NationalManifest } from '../../src/lib/db/national';
import { openPage, plain, type OpenedPage } from './browser';

const NATIONAL = fileURLToPath(new URL('../../build/national/', import.meta.url));
const manifest = JSON.parse(readFileSync(join(NATIONAL, 'manifest.json'), 'utf8')) as NationalManifest;
/** Participants in the cube, summed from the file the browser loads (apache-arrow, not DuckDB). */
function cubeTotal(): number {
	const cube = tableFromIPC(readFileSync(join(NATIONAL, manifest.tables.find((t) => t.name === 'cube')!.file)));
	let total = 0;
	for (const n of cube.getChild('participants')!) total += Number(n);
	return total;
}

const BY_VOIVODESHIP = 'SELECT c.voivodeship, sum(k.participants)::INTEGER AS n FROM cube k JOIN centres c USING (centre_id) GROUP BY ALL ORDER BY n DESC';
const link = (sql: string, extra = '') => `/sql/?zbior=polska${extra}&q=${encodeURIComponent(sql)}`;
const count = async (o: OpenedPage) => plain(await o.page.getByTestId('result-count').textContent({ timeout: 60_000 }));
const failure = (o: OpenedPage) => o.page.locator('.sql-error').getAttribute('data-failure', { timeout: 60_000 });
/** The result's column `i` (from 0) as numbers, as a reader reads them off the screen, in Polish or English notation. */
const column = async (o: OpenedPage, i: number, english = false) =>
	(await o.page.locator(`.scroller tbody tr[data-row] td:nth-child(${i + 1})`).allTextContents()).map((t) =>
		Number(english ? plain(t).replace(/,/g, '') : plain(t).replace(/\s/g, '').replace(',', '.'))
	);
/** The national files the page asked for, by name (participants-16, cube, …). */
const nationalRequests = (o: OpenedPage) => o.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.includes('/national/')).map((u) => u.split('/').pop()!.split('.')[0]));

async function typeQuery(o: OpenedPage, sql: string) {
	await o.page.locator('.cm-content').click();
	await o.page.keyboard.press('Control+A');
	await o.page.keyboard.press('Delete');
	await o.page.keyboard.insertText(sql);
	await o.page.keyboard.press('Control+Enter');
}

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

describe('SQL explorer over the national synthetic set', () => {
	it('opens from a link, counts the cube by voivodeship to the file’s total, marks it synthetic, and loads no participant rows', async () => {
		opened = await openPage(link(BY_VOIVODESHIP));
		const o = opened;
		expect(await count(o)).toMatch(/^16 wierszy w \d+ ms syntetyczne$/);
		const total = cubeTotal();
		expect(total).toBeGreaterThan(900_000);
		expect((await column(o, 1)).reduce((s, n) => s + n, 0)).toBe(total);
		// The synthetic mark, dashed and in words, beside the count, and the national set named as the current one.
		await expect(o.page.locator('[data-testid="result-count"] .badge.synthetic').isVisible()).resolves.toBe(true);
		expect(plain(await o.page.locator('.dataset strong[aria-current="page"]').textContent())).toBe('Polska: dane syntetyczne');
		expect((await nationalRequests(o)).filter((name) => name.startsWith('participants'))).toEqual([]);
		expect(o.consoleErrors).toEqual([]);
		expect(o.offOriginRequests).toEqual([]);
	});

	it('loads one voivodeship’s participant rows on demand, into the address, and only that file', async () => {
		opened = await openPage(link('SELECT count(*)::INTEGER AS n FROM cube'));
		const o = opened;
		expect(await count(o)).toMatch(/^1 wiersz/);
		const region = manifest.regions.find((r) => r.voivodeship === '16')!;
		await o.page.getByTestId('region').selectOption('16');
		await o.page.waitForURL(/wojewodztwo=16/);
		// The last query runs again over the new engine; then one over the region's rows.
		await expect.poll(() => count(o), { timeout: 60_000 }).toMatch(/^1 wiersz/);
		await typeQuery(o, 'SELECT count(*)::INTEGER AS n, count(DISTINCT c.voivodeship_code)::INTEGER AS regions FROM participants p JOIN centres c USING (centre_id)');
		await expect.poll(() => column(o, 1), { timeout: 60_000 }).toEqual([1]);
		expect(await column(o, 0)).toEqual([region.rows]);
		expect(await count(o)).toMatch(/syntetyczne$/);
		expect((await nationalRequests(o)).filter((name) => name.startsWith('participants'))).toEqual(['participants-16']);
		// The schema browser lists the table once it is loaded.
		await o.page.getByText('Tabele i kolumny').click();
		await expect(o.page.locator('.side details.table summary code').allTextContents()).resolves.toContain('participants');
	});

	it('is locked as the five centres’ engine is: no address, no setting, no file, and the other origin hears nothing', async () => {
		const other = inject('otherOrigin');
		const host = other.replace('http://', '');
		opened = await openPage(link(`SELECT * FROM "read_csv"('http:/' || '/${host}/national.csv')`));
		const o = opened;
		expect(await failure(o)).toBe('engine');
		expect(plain(await o.page.locator('.sql-error').textContent())).toMatch(/disabled by configuration|Cannot access file/);
		for (const sql of [
			`SELECT * FROM read_csv('${other}/a.csv')`,
			'SET enable_external_access = true',
			"SELECT $$'$$ AS a; SET enable_external_access = true; SELECT $$'$$ AS b",
			"COPY cube TO '/tmp/pwn.csv'",
			"SELECT $$'$$ AS a; COPY cube TO '/tmp/pwn.csv'; SELECT $$'$$ AS b"
		]) {
			await typeQuery(o, sql);
			await expect.poll(() => failure(o), { timeout: 60_000 }).toMatch(/engine|refused/);
		}
		await typeQuery(o, "SELECT current_setting('enable_external_access')::VARCHAR AS access, current_setting('lock_configuration')::VARCHAR AS locked");
		await expect.poll(async () => plain(await o.page.locator('.scroller tbody').textContent()), { timeout: 60_000 }).toBe('falsetrue');
		expect(await (await fetch(`${other}/__hits`)).json(), 'requests that reached the other origin').toEqual([]);
		expect(o.offOriginRequests).toEqual([]);
	});

	it('switches dataset by its link: the other set’s query and answer stay behind, and back brings the national one', async () => {
		opened = await openPage(link(BY_VOIVODESHIP));
		const o = opened;
		expect(await count(o)).toMatch(/^16 wierszy/);
		await o.page.locator('[data-dataset-link="centres"]').click();
		await o.page.waitForURL((url) => url.pathname === '/sql/' && url.search === '');
		await expect.poll(() => o.page.getByTestId('result-count').count()).toBe(0);
		expect(plain(await o.page.locator('.cm-content').textContent())).not.toContain('cube');
		await typeQuery(o, 'SELECT count(*)::INTEGER AS n FROM participants');
		await expect.poll(() => column(o, 0), { timeout: 60_000 }).toEqual([98]);
		await typeQuery(o, 'SELECT count(*) AS n FROM cube');
		await expect.poll(async () => plain(await o.page.locator('.sql-error').textContent()), { timeout: 60_000 }).toContain('cube');

		await o.page.goBack();
		await o.page.goBack();
		await o.page.goBack();
		await o.page.waitForURL(/zbior=polska/);
		await expect.poll(() => count(o), { timeout: 60_000 }).toMatch(/^16 wierszy/);
		expect(o.consoleErrors).toEqual([]);
	});

	it('opens the same set in English', async () => {
		opened = await openPage(`/en${link(BY_VOIVODESHIP)}`);
		const o = opened;
		expect(await count(o)).toMatch(/^16 rows in [\d,]+ ms synthetic$/);
		expect((await column(o, 1, true)).reduce((s, n) => s + n, 0)).toBe(cubeTotal());
		expect(plain(await o.page.locator('.dataset strong[aria-current="page"]').textContent())).toBe('Poland: synthetic data');
		expect(await o.page.locator('[data-dataset-link="centres"]').getAttribute('href')).toBe('/en/sql/');
	});
});
