// Browser-test helper: opens a page of the built site (served by global-setup.ts) in headless
// Chromium and records what went wrong on it: console errors and uncaught exceptions, requests
// that leave the site's origin, and failed requests or HTTP errors. One browser per test file.
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, inject } from 'vitest';

// The background-networking flags stop Chromium's own calls to outside hosts (see shared notes).
const ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

let browser: Promise<Browser> | undefined;

afterAll(async () => {
	if (browser) await (await browser).close();
	browser = undefined;
});

export interface OpenedPage {
	page: Page;
	/** console.error messages and uncaught page exceptions, with where they came from. */
	consoleErrors: string[];
	/** Every request whose origin is not the site's. (Requests that the CSP blocks before they are
	 * made appear only as console errors: the two lists together cover both cases.) */
	offOriginRequests: string[];
	/** Requests that failed at network level, and responses with status >= 400. */
	failedRequests: string[];
	close: () => Promise<void>;
}

/** Browser-context options a test may set; none by default. `bypassCSP` lets a test inject a script the site's
 * CSP (script-src 'self') would refuse, e.g. axe-core; `viewport` replaces the default 1280×720. */
export type OpenOptions = Pick<BrowserContextOptions, 'bypassCSP' | 'viewport'>;

/** Opens `path` (e.g. '/' or '/osrodki/') in a fresh browser context and waits for its load event. */
export async function openPage(path: string, options: OpenOptions = {}): Promise<OpenedPage> {
	const baseUrl = inject('baseUrl');
	browser ??= chromium.launch({ executablePath: inject('chromiumPath'), args: ARGS });
	const context = await (await browser).newContext(options);
	const page = await context.newPage();
	const origin = new URL(baseUrl).origin;

	const consoleErrors: string[] = [];
	const offOriginRequests: string[] = [];
	const failedRequests: string[] = [];

	page.on('console', (msg) => {
		if (msg.type() !== 'error') return;
		const { url, lineNumber } = msg.location();
		consoleErrors.push(`console.error: ${msg.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
	});
	page.on('pageerror', (err) => consoleErrors.push(`uncaught: ${err.stack ?? err.message}`));
	context.on('request', (req) => {
		if (new URL(req.url()).origin !== origin) offOriginRequests.push(`${req.method()} ${req.url()}`);
	});
	context.on('requestfailed', (req) =>
		failedRequests.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText ?? 'failed'}`)
	);
	context.on('response', (res) => {
		if (res.status() >= 400) failedRequests.push(`${res.request().method()} ${res.url()}: HTTP ${res.status()}`);
	});

	try {
		await page.goto(new URL(path, baseUrl).href, { waitUntil: 'load' });
	} catch (err) {
		// e.g. a 404 without a body: Chromium refuses to load it and goto throws.
		await context.close();
		const found = [...failedRequests, ...consoleErrors].join('\n  ') || '(nothing recorded)';
		throw new Error(`Could not open ${path}: ${(err as Error).message.split('\n')[0]}\n  ${found}`);
	}
	return { page, consoleErrors, offOriginRequests, failedRequests, close: () => context.close() };
}

/** Text as a reader sees it: no-break spaces (Polish number groups) as spaces, runs of white space as one. */
export const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
