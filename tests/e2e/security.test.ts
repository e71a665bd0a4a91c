// The server's half of "no request leaves the origin": every file, the DuckDB worker and wasm included, comes with
// the Content-Security-Policy as an HTTP header (a <meta> tag does not reach workers), and the browser enforces it.
import { describe, expect, inject, it } from 'vitest';
import { openPage } from './browser';

const baseUrl = () => inject('baseUrl');

describe('security headers', () => {
	it('sends the CSP on every kind of file: pages, scripts, the DuckDB worker and wasm, data, and the 404', async () => {
		const opened = await openPage('/sql/?q=SELECT%2042');
		const files = new Set<string>();
		opened.page.on('response', (r) => files.add(r.url()));
		// Both engines, the dashboard's and the explorer's, have loaded their worker, wasm and data by then.
		await opened.page.getByTestId('result-count').waitFor({ timeout: 45_000 });
		await opened.page.waitForLoadState('networkidle');
		await opened.close();
		const worker = [...files].find((u) => /duckdb-browser-eh\.worker.*\.js$/.test(u));
		const wasm = [...files].find((u) => /duckdb-eh.*\.wasm$/.test(u));
		const arrow = [...files].find((u) => /\/data\/.*\.arrow$/.test(u));
		expect(worker, 'the DuckDB worker was loaded').toBeDefined();
		expect(wasm, 'the DuckDB wasm was loaded').toBeDefined();
		expect(arrow, 'a data file was loaded').toBeDefined();
		for (const url of [`${baseUrl()}/`, `${baseUrl()}/sql/`, worker!, wasm!, arrow!, `${baseUrl()}/no-such-page/`]) {
			const response = await fetch(url, { headers: { 'Accept-Encoding': 'br' } });
			const csp = response.headers.get('content-security-policy') ?? '';
			expect(csp, url).toContain("default-src 'self'");
			expect(csp, url).toContain("connect-src 'self'");
			expect(csp, url).toContain("frame-ancestors 'none'");
			expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
			// Hashed names never change content: kept a year. Pages and data files are asked for again.
			const kept = url === worker || url === wasm;
			expect(response.headers.get('cache-control') ?? '', url).toBe(kept ? 'public, max-age=31536000, immutable' : '');
		}
	});

	it("blocks the page's own attempt to reach another origin", async () => {
		const opened = await openPage('/');
		const other = inject('otherOrigin');
		const outcome = await opened.page.evaluate((url) => fetch(url).then(() => 'reached', () => 'blocked'), `${other}/from-page`);
		await opened.close();
		expect(outcome).toBe('blocked');
		expect(await (await fetch(`${other}/__hits`)).json()).toEqual([]);
	});

	it("runs only each page's own inline script: one injected into a page is refused, and the header stays short", async () => {
		for (const path of ['/', '/polska/', '/polska/18/1808/']) {
			const opened = await openPage(path);
			await opened.page.addScriptTag({ content: 'window.__injected = true' }).catch(() => undefined);
			expect(await opened.page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected ?? false), path).toBe(false);
			// The page's own start-up script did run: its charts are drawn in the browser.
			await opened.page.waitForFunction(() => Number((document.querySelector('[data-chart] canvas') as HTMLCanvasElement | null)?.dataset.drawn) > 0);
			expect(opened.consoleErrors.some((e) => /Content Security Policy/.test(e)), path).toBe(true);
			await opened.close();
		}
		const csp = (await fetch(`${baseUrl()}/polska/`)).headers.get('content-security-policy') ?? '';
		expect(csp).not.toContain("'sha256-");
		expect(csp.length).toBeLessThan(1000);
	});
});
