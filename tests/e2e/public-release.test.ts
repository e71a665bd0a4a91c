// The public release (npm run build:public), for real data: no participant row is served, the pages show the
// protected aggregates made at build time, a view that would need rows says so, and the SQL explorer sees only
// the aggregates.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openPage, plain, type OpenedPage } from './browser';

const dataDir = (build: string) => fileURLToPath(new URL(`../../${build}/data/`, import.meta.url));
const manifest = (build: string) => JSON.parse(readFileSync(`${dataDir(build)}manifest.json`, 'utf8')) as { release?: string; tables: { name: string; file: string; rows: number }[] };

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

describe('public release', () => {
	it('serves no participant-level rows: empty tables in their place, and the demo files are not there', async () => {
		const demo = manifest('build');
		const release = manifest('build-public');
		expect(release.release).toBe('public');
		for (const name of ['participants', 'support']) {
			expect(release.tables.find((t) => t.name === name)?.rows, name).toBe(0);
			const demoFile = demo.tables.find((t) => t.name === name)!.file;
			expect(readdirSync(dataDir('build-public')).filter((f) => f.startsWith(`${name}.`)), name).not.toContain(demoFile);
			expect((await fetch(`${inject('publicBaseUrl')}/data/${demoFile}`)).status, demoFile).toBe(404);
		}
		expect(release.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['protected_overview', 'protected_profile', 'protected_support']));
	});

	it('shows the protected figures built with it, and stays on them once DuckDB is ready', async () => {
		opened = await openPage('/', { release: 'public' });
		const o = opened;
		await expect.poll(async () => plain(await o.page.locator('footer [role="status"]').textContent()), { timeout: 45_000 }).toContain('DuckDB gotowy');
		const cell = (centre: string, column: string) => o.page.locator(`tr[data-centre="${centre}"] [data-col="${column}"]`).textContent().then(plain);
		// The participant column is published throughout: its header carries the source mark, the cell the figure.
		expect(await cell('lezajsk', 'participants')).toBe('25');
		expect(await o.page.locator('table.comparison th[data-col="participants"] [data-column-mark="published"]').count()).toBe(1);
		expect(await cell('lezajsk', 'employment')).toContain('3 z 25');
		expect(await o.page.locator('.overview.answer').getAttribute('data-source')).toBe('snapshot');
		expect(o.consoleErrors).toEqual([]);
		expect(o.offOriginRequests).toEqual([]);
	});

	it('says plainly that a view needing participant rows is not in this release', async () => {
		opened = await openPage('/?plec=K', { release: 'public' });
		const o = opened;
		await o.page.locator('[data-source="unavailable"]').waitFor({ timeout: 45_000 });
		expect(plain(await o.page.locator('[data-source="unavailable"]').textContent())).toContain('wydanie publiczne');
		expect(await o.page.locator('tr[data-centre]').count()).toBe(0);
	});

	it('has no national set in the explorer: no switch, and ?zbior=polska is ignored with the usual notice', async () => {
		opened = await openPage(`/sql/?zbior=polska&wojewodztwo=18&q=${encodeURIComponent('SELECT count(*)::INTEGER AS n FROM centres')}`, { release: 'public' });
		const o = opened;
		await o.page.getByTestId('result-count').waitFor({ timeout: 45_000 });
		expect(plain(await o.page.getByText('Pominięto nieznane parametry adresu').textContent())).toBe('Pominięto nieznane parametry adresu: zbior=polska, wojewodztwo=18.');
		expect(await o.page.locator('[data-dataset], [data-testid="region"]').count()).toBe(0);
		// The five centres answered, not the 2,477 of the national set.
		expect(plain(await o.page.locator('.scroller tbody').textContent())).toBe('5');
		expect(plain(await o.page.getByTestId('result-count').textContent())).not.toContain('syntetyczne');
	});

	it('gives the SQL explorer the aggregates only: participants is empty, protected cells are NULL where hidden', async () => {
		opened = await openPage(`/sql/?q=${encodeURIComponent("SELECT (SELECT count(*) FROM participants) AS rows, count(*) FILTER (WHERE kind = 'suppressed' AND value IS NULL AND k IS NULL) AS hidden FROM protected_overview")}`, { release: 'public' });
		const o = opened;
		await o.page.getByTestId('result-count').waitFor({ timeout: 45_000 });
		await expect(o.page.getByTestId('public-release').isVisible()).resolves.toBe(true);
		const [rows, hidden] = (await o.page.locator('.scroller tbody td').allTextContents()).map((t) => Number(plain(t).replace(/\s/g, '')));
		expect(rows).toBe(0);
		expect(hidden).toBeGreaterThan(0);
	});
});
