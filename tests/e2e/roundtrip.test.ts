// Out and back in: rows exported from the SQL explorer as CSV, XLSX and Parquet import again through the own-data
// page, and DuckDB finds them equal to the originals, column by column.
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPage, plain, type OpenedPage } from './browser';

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

const sql = (o: OpenedPage, query: string) => o.page.goto(new URL(`/sql/?q=${encodeURIComponent(query)}`, o.page.url()).href);
const count = async (o: OpenedPage) => plain(await o.page.getByTestId('result-count').textContent({ timeout: 45_000 }));

describe('export and import back', () => {
	it('CSV, XLSX and Parquet from the explorer load again with the same values', async () => {
		opened = await openPage('/');
		const o = opened;
		const dir = await mkdtemp(join(tmpdir(), 'roundtrip-'));
		for (const [format, prefix] of [['csv', 'CSV'], ['xlsx', 'XLSX'], ['parquet', 'PQ']] as const) {
			await sql(o, `SELECT * REPLACE ('${prefix}-' || participant_id AS participant_id) FROM participants WHERE centre_id = 'leszno' AND participant_id NOT LIKE '%-%'`);
			expect(await count(o)).toMatch(/^10 wierszy/);
			await o.page.locator('details.export summary').click();
			const [download] = await Promise.all([o.page.waitForEvent('download'), o.page.locator(`details.export button[data-format="${format}"]`).click()]);
			const path = join(dir, `leszno-${format}.${format}`);
			await writeFile(path, new Uint8Array(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks))));

			await o.page.goto(new URL('/dane-wlasne/', o.page.url()).href);
			await o.page.locator('input[type="file"]').setInputFiles(path);
			await expect.poll(async () => plain(await o.page.locator('main').textContent()), { timeout: 20_000 }).toContain('Plik jest poprawny: 10 wierszy');
			await o.page.getByRole('button', { name: 'Wczytaj do pulpitu' }).click();
			await expect.poll(async () => plain(await o.page.getByTestId('import-status').textContent()), { timeout: 20_000 }).toContain(`Wczytano leszno-${format}.${format}`);
		}
		// Every imported copy equals the original rows in every column but the renamed key and provenance: the
		// exported rows say 'synthetic', and imported rows are always 'imported', whatever the file says.
		for (const prefix of ['CSV', 'XLSX', 'PQ']) {
			await sql(
				o,
				`(SELECT * EXCLUDE (participant_id, provenance) FROM participants WHERE participant_id LIKE '${prefix}-%' EXCEPT ALL SELECT * EXCLUDE (participant_id, provenance) FROM participants WHERE centre_id = 'leszno' AND participant_id NOT LIKE '%-%') UNION ALL (SELECT * EXCLUDE (participant_id, provenance) FROM participants WHERE centre_id = 'leszno' AND participant_id NOT LIKE '%-%' EXCEPT ALL SELECT * EXCLUDE (participant_id, provenance) FROM participants WHERE participant_id LIKE '${prefix}-%')`
			);
			expect(await count(o), prefix).toMatch(/^0 wierszy/);
		}
		await sql(o, `SELECT DISTINCT provenance FROM participants WHERE participant_id LIKE 'CSV-%' OR participant_id LIKE 'XLSX-%' OR participant_id LIKE 'PQ-%'`);
		expect(plain(await o.page.locator('.scroller tbody').textContent({ timeout: 45_000 }))).toBe('imported');
		await sql(o, 'SELECT count(*) AS n FROM participants');
		expect(await count(o)).toMatch(/^1 wiersz/);
		expect(plain(await o.page.locator('.scroller tbody').textContent())).toBe('128');
	}, 150_000); // three exports and three imports in one test, beside another test file on a 2-core machine
});
