// DuckDB's worker starts from the page's head (static/engine-start.js), before the app's scripts have loaded, and
// the engine takes that worker instead of making a second one; a head that names a file of another build (or a
// tampered page) costs nothing but the early start: the engine then makes its own worker, as before.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openPage, type OpenedPage } from './browser';
import type { Page } from 'playwright-core';
import { EAGER_GOT, LAZY_GOT, NO_SIDE_MODULE } from '../../scripts/vite/duckdb-worker';

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

/** The worker scripts the page asked for, by address, and the worker the page's head names. */
const workers = (o: OpenedPage) =>
	o.page.evaluate(() => ({
		requested: performance
			.getEntriesByType('resource')
			.map((e) => e.name)
			.filter((name) => /duckdb-browser-eh\.worker\.[^/]*\.js$/.test(name)),
		named: new URL(document.querySelector<HTMLMetaElement>('meta[name="duckdb-worker"]')!.content, location.href).href,
		taken: document.documentElement.dataset.duckdbWorker
	}));

describe('the engine’s early start', () => {
	for (const [path, answered] of [
		['/', '[data-source="duckdb"]'],
		['/en/', '[data-source="duckdb"]'],
		['/polska/14/?plec=K', '[data-testid="national-status"][data-state="ready"]']
	] as const) {
		it(`on ${path}: the engine answers from the worker the head started, the only worker script asked for`, async () => {
			opened = await openPage(path);
			await opened.page.waitForSelector(answered, { timeout: 45_000 });
			const seen = await workers(opened);
			expect(seen.taken).toBe('early');
			expect(seen.requested).toEqual([seen.named]);
			// The worker served is the one whose dynamic linker fills only the GOT entries imported, and refuses side
			// modules (scripts/vite/duckdb-worker.ts); DuckDB answered from it.
			const served = await opened.page.evaluate(async (url) => (await fetch(url)).text(), seen.named);
			expect(served).toContain(LAZY_GOT);
			expect(served).not.toContain(EAGER_GOT);
			expect(served).toContain(NO_SIDE_MODULE);
			expect(opened.failedRequests).toEqual([]);
			expect(opened.consoleErrors).toEqual([]);
		});
	}

	/** Serves `/` with its head naming `worker` as DuckDB's worker. */
	const naming = (worker: string) => async (page: Page) => {
		await page.route(/\/$/, async (route) => {
			const response = await route.fetch();
			const html = (await response.text()).replace(/(<meta name="duckdb-worker" content=")[^"]+/, `$1${worker}`);
			await route.fulfill({ response, body: html });
		});
	};

	it('a head naming another worker file (another build, or a tampered page) still gets its engine, from a worker of its own', async () => {
		opened = await openPage('/', { prepare: naming('/_app/immutable/assets/duckdb-browser-eh.worker.other-build.js') });
		await opened.page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
		const seen = await workers(opened);
		expect(seen.named).toMatch(/other-build\.js$/);
		expect(seen.taken).toBe('own');
		// The engine's own worker is this build's file, and DuckDB answered from it.
		expect(seen.requested.filter((url) => !url.endsWith('other-build.js'))).toHaveLength(1);
		expect(await opened.page.locator('footer [role="status"]').textContent()).toContain('DuckDB gotowy');
	});

	it('a head naming a worker on another origin reaches nothing there, and the engine still starts from its own', async () => {
		const other = inject('otherOrigin');
		opened = await openPage('/', { prepare: naming(`${other}/duckdb-worker.js`) });
		await opened.page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
		expect((await workers(opened)).taken).toBe('own');
		expect(opened.offOriginRequests).toEqual([]);
		expect(await (await fetch(`${other}/__hits`)).json()).toEqual([]);
	});
});
