// Bringing one's own data in real Chromium: a good file shows up in the overview marked "z pliku" and survives a
// reload (IndexedDB); a bad one is refused with its reasons and changes nothing; removing a file takes it out.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPage, plain, type OpenedPage } from './browser';
import { IMPORT_LOCK } from '../../src/lib/state/import-keys';

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

const fixtures = resolve(import.meta.dirname, '../fixtures/import');
// The selection's count is the headline's participants tile: its figure and mark, then how many centres it covers.
const selection = async (o: OpenedPage) => plain(await o.page.getByTestId('selection').textContent());

async function overviewSelection(o: OpenedPage) {
	await o.page.goto(new URL('/?osrodki=lezajsk&plec=K', o.page.url()).href);
	await o.page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
	return selection(o);
}

/** A folder with a new centre (osrodki.csv) and one edition of it (edycje.csv). */
async function centreAndEdition(prefix: string) {
	const dir = await mkdtemp(join(tmpdir(), prefix));
	await writeFile(join(dir, 'osrodki.csv'), await readFile(`${fixtures}/good/centres-new.csv`, 'utf8'));
	await writeFile(join(dir, 'edycje.csv'), 'edition_id,centre_id,year,title,start_date,end_date,period_stated,source_id,quote,note\nnowe-miasto-2012,nowe-miasto,2012,Aktywni,,,,gus-terc,Cytat,\n');
	return dir;
}

/** Picks `name` from `dir` on the import page, and loads it once it is checked. */
/** Picks a file and waits for its check to pass, naming its rows („1 wiersz”). */
async function checkFile(page: OpenedPage['page'], path: string, rows = '1 wiersz') {
	await page.locator('input[type="file"]').setInputFiles(path);
	await expect.poll(async () => plain(await page.getByRole('status').filter({ hasText: 'Plik jest poprawny' }).textContent())).toContain(rows);
}

/** Presses load on a file checked before the loaded files changed: checked again, it fails, and nothing is loaded. */
async function loadRefusedOnRecheck(page: OpenedPage['page']) {
	await page.getByRole('button', { name: 'Wczytaj do pulpitu' }).click();
	await expect.poll(async () => plain((await page.getByTestId('import-status').textContent()) ?? '')).toContain('sprawdzono go ponownie: teraz ma problemy, wymienione niżej. Nic nie zostało wczytane.');
	expect(await page.locator('li[data-file]').count()).toBe(0);
}

/** A reload lists no file: nothing was kept for the next visit. */
async function nothingKeptAfterReload(page: OpenedPage['page']) {
	await page.reload();
	await page.waitForSelector('input[type="file"]', { timeout: 45_000 });
	await expect.poll(() => page.getByText('Nie wczytano jeszcze żadnego pliku.').count()).toBe(1);
	expect(await page.locator('li[data-file]').count()).toBe(0);
}

async function loadFile(page: OpenedPage['page'], dir: string, name: string) {
	await page.locator('input[type="file"]').setInputFiles(join(dir, name));
	await page.getByRole('button', { name: 'Wczytaj do pulpitu' }).click();
	await expect.poll(async () => plain(await page.getByTestId('import-status').textContent())).toContain(`Wczytano ${name}`);
}

describe('bring your own data', () => {
	it('loads a good file beside the built-in data, marked, kept across a reload, and removable', async () => {
		opened = await openPage('/dane-wlasne/');
		const o = opened;
		expect(await overviewSelection(o)).toContain('14 syntetyczne');
		await o.page.goto(new URL('/dane-wlasne/', o.page.url()).href);
		await checkFile(o.page, `${fixtures}/good/participants-excel-pl.csv`, '2 wiersze');
		expect(plain(await o.page.locator('main').textContent())).toContain('kodowanie windows-1250');
		await o.page.getByRole('button', { name: 'Wczytaj do pulpitu' }).click();
		await expect.poll(async () => plain(await o.page.getByTestId('import-status').textContent())).toContain('Wczytano participants-excel-pl.csv');

		// Two more women in Leżajsk, and the count says some of it came from the file.
		expect(await overviewSelection(o)).toMatch(/^Uczestnicy w wyborze: 16 syntetyczne z pliku /);
		await o.page.reload();
		await o.page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
		await expect.poll(() => selection(o)).toMatch(/^Uczestnicy w wyborze: 16 syntetyczne z pliku /);

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

	it('streams a large CSV off the main thread with progress, loads 100,000 rows, and cancels another mid-way', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'import-'));
		const header = 'participant_id;edition_id;centre_id;pathway;sex;age_band;education;labour_status;disability;completion;outcome_employed;outcome_job_seeking;outcome_education;outcome_qualification';
		const lines = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i};lezajsk-2011;lezajsk;social_contract;${i % 2 ? 'K' : 'M'};25-34;isced_3;unemployed;nie;completed;tak;nie;nie;nie`);
		const big = join(dir, 'duzy.csv');
		await writeFile(big, [header, ...lines(100_000, 'BIG-')].join('\r\n'));
		const huge = join(dir, 'ogromny.csv');
		await writeFile(huge, [header, ...lines(600_000, 'HUGE-')].join('\r\n'));

		opened = await openPage('/dane-wlasne/');
		const o = opened;
		await o.page.waitForSelector('input[type="file"]', { timeout: 45_000 });
		await o.page.locator('input[type="file"]').setInputFiles(big);
		await expect.poll(async () => plain(await o.page.locator('main').textContent()), { timeout: 60_000 }).toContain('Plik jest poprawny: 100 000 wierszy');
		await o.page.getByRole('button', { name: 'Wczytaj do pulpitu' }).click();
		await expect.poll(async () => plain(await o.page.getByTestId('import-status').textContent()), { timeout: 60_000 }).toContain('Wczytano duzy.csv: 100 000 wierszy');

		// The next file: the progress bar moves while the page stays responsive, and Cancel stops it with nothing loaded.
		await o.page.locator('input[type="file"]').setInputFiles(huge);
		const progress = o.page.getByRole('progressbar', { name: 'Postęp czytania pliku' });
		await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 30_000 }).toBeGreaterThan(0);
		const responsive = await o.page.evaluate(() => new Promise<number>((resolve) => { const start = performance.now(); setTimeout(() => resolve(performance.now() - start), 0); }));
		expect(responsive).toBeLessThan(1000);
		await o.page.getByRole('button', { name: 'Anuluj' }).click();
		await expect.poll(async () => plain(await o.page.getByTestId('import-error').textContent())).toContain('Anulowano');
		expect(await o.page.locator('li[data-file]').count()).toBe(1);
		expect(await overviewSelection(o)).toContain('50 014 syntetyczne z pliku');
	});

	it('refuses to remove a centre while an imported edition belongs to it, names the file to remove first, and keeps both', async () => {
		const dir = await centreAndEdition('in-use-');
		opened = await openPage('/dane-wlasne/');
		const o = opened;
		await o.page.waitForSelector('input[type="file"]', { timeout: 45_000 });
		for (const name of ['osrodki.csv', 'edycje.csv']) {
			await checkFile(o.page, join(dir, name));
			await o.page.getByRole('button', { name: 'Wczytaj do pulpitu' }).click();
			await expect.poll(async () => plain(await o.page.getByTestId('import-status').textContent())).toContain(`Wczytano ${name}`);
		}
		await o.page.locator('li[data-file="osrodki.csv"]').getByRole('button').click();
		await expect.poll(async () => plain((await o.page.getByTestId('import-in-use').textContent()) ?? '')).toContain('Nie usunięto pliku osrodki.csv: wiersze pliku edycje.csv odwołują się do jego wierszy');
		expect(await o.page.getByTestId('import-in-use').getAttribute('role')).toBe('alert');
		expect(await o.page.locator('li[data-file]').count()).toBe(2);
		// In the order the message gives, both go, and so does the message.
		await o.page.locator('li[data-file="edycje.csv"]').getByRole('button').click();
		await expect.poll(() => o.page.locator('li[data-file]').count()).toBe(1);
		await o.page.locator('li[data-file="osrodki.csv"]').getByRole('button').click();
		await expect.poll(() => o.page.locator('li[data-file]').count()).toBe(0);
		expect(await o.page.getByTestId('import-in-use').count()).toBe(0);
		expect(o.consoleErrors).toEqual([]);
	});

	it('checks a file again before loading it when a file it points at was removed since its check, and loads nothing', async () => {
		const dir = await centreAndEdition('stale-check-');
		opened = await openPage('/dane-wlasne/');
		const o = opened;
		await o.page.waitForSelector('input[type="file"]', { timeout: 45_000 });
		await loadFile(o.page, dir, 'osrodki.csv');
		// The edition is checked while its centre is there: it passes.
		await checkFile(o.page, join(dir, 'edycje.csv'));
		// Then its centre's file goes, and the reader, who saw "correct", presses load.
		await o.page.locator('li[data-file="osrodki.csv"]').getByRole('button').click();
		await expect.poll(() => o.page.locator('li[data-file]').count()).toBe(0);
		await loadRefusedOnRecheck(o.page);
		expect(plain(await o.page.getByTestId('import-problems').textContent())).toContain('nowe-miasto');
		// Nothing is kept for the next visit either.
		await nothingKeptAfterReload(o.page);
		expect(o.consoleErrors).toEqual([]);
	});

	it('a tab that never hears of another tab’s removal takes it in before loading, and checks its file again', async () => {
		const dir = await centreAndEdition('deaf-tab-');
		opened = await openPage('/dane-wlasne/');
		const a = opened.page;
		await a.waitForSelector('input[type="file"]', { timeout: 45_000 });
		await loadFile(a, dir, 'osrodki.csv');
		// A second tab of the same profile that hears nothing from the first (no BroadcastChannel): it restores the
		// centre from IndexedDB and checks an edition of it.
		const b = await a.context().newPage();
		await b.addInitScript(() => delete (window as { BroadcastChannel?: unknown }).BroadcastChannel);
		await b.goto(a.url());
		await expect.poll(() => b.locator('li[data-file="osrodki.csv"]').count(), { timeout: 45_000 }).toBe(1);
		await checkFile(b, join(dir, 'edycje.csv'));
		// The first tab removes the centre; the second still lists it, and its reader presses load.
		await a.locator('li[data-file="osrodki.csv"]').getByRole('button').click();
		await expect.poll(() => a.locator('li[data-file]').count()).toBe(0);
		expect(await b.locator('li[data-file="osrodki.csv"]').count()).toBe(1);
		await loadRefusedOnRecheck(b);
		// Nothing is kept that points at nothing: a reload of the first tab finds no file.
		await nothingKeptAfterReload(a);
		expect(opened.consoleErrors).toEqual([]);
	});

	it('waits for another holder of the imports’ turn before loading or removing, and does both once it is free', async () => {
		// Another tab's turn, held by hand: a load and a removal must not run inside it.
		const dir = await mkdtemp(join(tmpdir(), 'turn-'));
		await writeFile(join(dir, 'x.csv'), (await readFile(`${fixtures}/good/participants-utf8.csv`, 'utf8')).replaceAll('IMP-000', 'X-'));
		opened = await openPage('/dane-wlasne/');
		const o = opened;
		await o.page.waitForSelector('input[type="file"]', { timeout: 45_000 });
		const other = await o.page.context().newPage();
		await other.goto(o.page.url());
		const hold = () =>
			other.evaluate(
				(name) =>
					new Promise<void>((held) =>
						navigator.locks.request(name, () => new Promise<void>((release) => ((window as unknown as { release: () => void }).release = release, held())))
					),
				IMPORT_LOCK
			);
		const release = () => other.evaluate(() => (window as unknown as { release: () => void }).release());

		await hold();
		await o.page.locator('input[type="file"]').setInputFiles(join(dir, 'x.csv'));
		await o.page.getByRole('button', { name: 'Wczytaj do pulpitu' }).click();
		await o.page.waitForTimeout(1500);
		expect(await o.page.getByTestId('import-status').count()).toBe(0);
		expect(await o.page.locator('li[data-file]').count()).toBe(0);
		await release();
		await expect.poll(async () => plain(await o.page.getByTestId('import-status').textContent())).toContain('Wczytano x.csv');

		await hold();
		await o.page.locator('li[data-file="x.csv"]').getByRole('button').click();
		await o.page.waitForTimeout(1500);
		expect(await o.page.locator('li[data-file="x.csv"]').count()).toBe(1);
		await release();
		await expect.poll(() => o.page.locator('li[data-file]').count()).toBe(0);
		expect(o.consoleErrors).toEqual([]);
	});

	it('two files of the same name from different folders: both load, both are listed, both survive a reload', async () => {
		const good = await readFile(`${fixtures}/good/participants-utf8.csv`, 'utf8');
		const dir = await mkdtemp(join(tmpdir(), 'same-name-'));
		const paths = [];
		for (const folder of ['pierwszy', 'drugi']) {
			await mkdir(join(dir, folder));
			paths.push(join(dir, folder, 'uczestnicy.csv'));
			await writeFile(paths.at(-1)!, good.replaceAll('IMP-000', `${folder}-`));
		}
		opened = await openPage('/dane-wlasne/');
		const o = opened;
		await o.page.waitForSelector('input[type="file"]', { timeout: 45_000 });
		for (const path of paths) {
			await checkFile(o.page, path, '3 wiersze');
			await o.page.getByRole('button', { name: 'Wczytaj do pulpitu' }).click();
			await expect.poll(async () => plain(await o.page.getByTestId('import-status').textContent())).toContain('Wczytano uczestnicy.csv');
		}
		await expect.poll(() => o.page.locator('li[data-file="uczestnicy.csv"]').count()).toBe(2);
		// Each file brings two women in Leżajsk: 14 + 2 + 2.
		expect(await overviewSelection(o)).toMatch(/^Uczestnicy w wyborze: 18 syntetyczne z pliku /);
		await o.page.reload();
		await o.page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
		await expect.poll(() => selection(o)).toMatch(/^Uczestnicy w wyborze: 18 syntetyczne z pliku /);

		await o.page.goto(new URL('/dane-wlasne/', o.page.url()).href);
		await expect.poll(() => o.page.locator('li[data-file="uczestnicy.csv"]').count(), { timeout: 45_000 }).toBe(2);
		await o.page.locator('li[data-file="uczestnicy.csv"]').first().getByRole('button').click();
		await expect.poll(() => o.page.locator('li[data-file="uczestnicy.csv"]').count()).toBe(1);
		expect(await overviewSelection(o)).toMatch(/^Uczestnicy w wyborze: 16 syntetyczne z pliku /);
		expect(o.consoleErrors).toEqual([]);
	});

	it('two tabs: an import in one appears in the other, a removal takes out only that file, and nothing is orphaned', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'tabs-'));
		const good = await readFile(`${fixtures}/good/participants-utf8.csv`, 'utf8');
		await writeFile(join(dir, 'x.csv'), good.replaceAll('IMP-000', 'X-'));
		await writeFile(join(dir, 'y.csv'), good.replaceAll('IMP-000', 'Y-'));
		opened = await openPage('/dane-wlasne/');
		const a = opened.page;
		// A second tab of the same browser profile: same IndexedDB, its own DuckDB.
		const b = await a.context().newPage();
		await b.goto(a.url());
		for (const tab of [a, b]) await tab.waitForSelector('input[type="file"]', { timeout: 45_000 });
		const listed = async (tab: typeof a) => (await tab.locator('li[data-file]').evaluateAll((items) => items.map((li) => li.getAttribute('data-file')))).sort();
		const load = async (tab: typeof a, name: string) => {
			await tab.locator('input[type="file"]').setInputFiles(join(dir, name));
			await tab.getByRole('button', { name: 'Wczytaj do pulpitu' }).click();
			await expect.poll(async () => plain(await tab.getByTestId('import-status').textContent())).toContain(`Wczytano ${name}`);
		};

		await load(a, 'x.csv');
		await expect.poll(() => listed(b)).toEqual(['x.csv']);
		await load(b, 'y.csv');
		await expect.poll(() => listed(a)).toEqual(['x.csv', 'y.csv']);
		await b.getByRole('button', { name: 'Usuń y.csv' }).click();
		await expect.poll(() => listed(a)).toEqual(['x.csv']);
		expect(await listed(b)).toEqual(['x.csv']);

		// What is kept: x.csv's entry and bytes, nothing else; a reload of either tab shows x.csv alone.
		const kept = () =>
			a.evaluate(
				() =>
					new Promise<string[]>((resolve, reject) => {
						const open = indexedDB.open('keyval-store');
						open.onerror = () => reject(open.error);
						open.onsuccess = () => {
							const keys = open.result.transaction('keyval').objectStore('keyval').getAllKeys();
							keys.onsuccess = () => resolve((keys.result as string[]).filter((k) => k.startsWith('pokl711.import')).map((k) => k.replace(/#[0-9a-f]+$/, '')).sort());
						};
					})
			);
		expect(await kept()).toEqual(['pokl711.import-data:x.csv', 'pokl711.import:x.csv']);
		await a.reload();
		await expect.poll(() => listed(a), { timeout: 45_000 }).toEqual(['x.csv']);
		expect(opened.consoleErrors).toEqual([]);
	});

	it('maps a 200-column file with one shared list of choices, and refuses 10,000 columns at once with the count', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'wide-'));
		const good = (await readFile(`${fixtures}/good/participants-utf8.csv`, 'utf8')).trim().split('\r\n');
		const extra = Array.from({ length: 200 - 16 }, (_, i) => `dodatkowa_${i + 1}`);
		await writeFile(join(dir, 'szeroki.csv'), good.map((line, r) => [line, ...extra.map((h) => (r === 0 ? h : 'x'))].join(',')).join('\r\n'));
		opened = await openPage('/dane-wlasne/');
		const o = opened;
		await o.page.waitForSelector('input[type="file"]', { timeout: 45_000 });
		await o.page.locator('input[type="file"]').setInputFiles(join(dir, 'szeroki.csv'));
		await expect.poll(() => o.page.locator('input[list="kolumny-slownika"]').count()).toBe(200);
		// 4 tables to choose from, and the dictionary's columns once: not 200 copies of them.
		expect(await o.page.locator('option').count()).toBeLessThan(30);
		// The 184 columns beyond the dictionary's are each listed as unmapped (the first 100, then a count).
		expect(plain(await o.page.getByTestId('import-problems').textContent())).toContain('Problemy w pliku: 184');

		const started = Date.now();
		await o.page.locator('input[type="file"]').setInputFiles(`${fixtures}/bad/too-many-columns.csv`);
		await expect.poll(async () => plain(await o.page.getByTestId('import-error').textContent())).toContain('plik ma 10 000 kolumn, a wczytać można najwyżej 200');
		expect(Date.now() - started).toBeLessThan(5_000);
		expect(await o.page.locator('input[list="kolumny-slownika"]').count()).toBe(0);
	});

	it('refuses every file of the bad corpus in the browser with its expected error, and nothing is ever loaded', async () => {
		const cases = JSON.parse(await readFile(`${fixtures}/bad/cases.json`, 'utf8')) as Record<string, { error: string }>;
		opened = await openPage('/dane-wlasne/');
		const o = opened;
		await o.page.waitForSelector('input[type="file"]', { timeout: 45_000 });
		const shown = () => o.page.locator('[data-testid="import-error"], [data-testid="import-problems"]').first();
		for (const [name, { error }] of Object.entries(cases)) {
			await o.page.locator('input[type="file"]').setInputFiles(`${fixtures}/bad/${name}`);
			// The file's own name in the message: never the previous file's error still on screen.
			const message = async () => plain(await shown().textContent()).replace(/\u00a0/g, ' ');
			await expect.poll(async () => { const m = await message(); return m.includes(name) && m.includes(error); }, { timeout: 10_000, message: `${name}: ${error}` }).toBe(true);
			expect(await o.page.getByRole('button', { name: 'Wczytaj do pulpitu' }).count(), name).toBe(0);
		}
		expect(await o.page.locator('li[data-file]').count()).toBe(0);
		expect(await overviewSelection(o)).toContain('14 syntetyczne');
	});
});
