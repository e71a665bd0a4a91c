// Browser-test helper: opens a page of the built site (served by global-setup.ts) in headless
// Chromium and records what went wrong on it: console errors and uncaught exceptions, requests
// that leave the site's origin, and failed requests or HTTP errors. One browser per test file.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, inject } from 'vitest';
import { CHROMIUM_ARGS } from '../../scripts/test/chromium-args';


/**
 * Font sets a layout test can pin, so that it does not pass or fail by whatever fonts a machine happens to have.
 * `system` is the machine's own fontconfig; the others allow only one family's folder (Debian's packages
 * fonts-dejavu-core and fonts-liberation, which .ci/run installs). DejaVu is the wider of the two.
 */
export const FONT_DIRS = {
	dejavu: '/usr/share/fonts/truetype/dejavu',
	liberation: '/usr/share/fonts/truetype/liberation'
} as const;
export type FontSet = 'system' | keyof typeof FONT_DIRS;

/** A fontconfig file that sees only one font folder; Chromium reads it from FONTCONFIG_FILE. */
function fontconfigFor(set: keyof typeof FONT_DIRS): string {
	const dir = FONT_DIRS[set];
	if (!existsSync(dir)) throw new Error(`${dir} is missing: install Debian's ${set === 'dejavu' ? 'fonts-dejavu-core' : 'fonts-liberation'} (.ci/run does).`);
	const home = mkdtempSync(join(tmpdir(), `fonts-${set}-`));
	const file = join(home, 'fonts.conf');
	writeFileSync(
		file,
		`<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${dir}</dir>\n  <cachedir>${home}/cache</cachedir>\n  <include ignore_missing="yes">/etc/fonts/conf.d</include>\n</fontconfig>\n`
	);
	return file;
}

const browsers = new Map<FontSet, Promise<Browser>>();

function browserWith(fonts: FontSet): Promise<Browser> {
	let browser = browsers.get(fonts);
	if (!browser) {
		const env = fonts === 'system' ? undefined : { ...process.env, FONTCONFIG_FILE: fontconfigFor(fonts) };
		browser = chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS, ...(env ? { env } : {}) });
		browsers.set(fonts, browser);
	}
	return browser;
}

afterAll(async () => {
	for (const browser of browsers.values()) await (await browser).close();
	browsers.clear();
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
 * CSP (script-src 'self') would refuse, e.g. axe-core; `viewport` replaces the default 1280×720; `colorScheme` is the
 * system's preference the page sees (light unless set). */
export type OpenOptions = Pick<BrowserContextOptions, 'bypassCSP' | 'viewport' | 'colorScheme'> & {
	fonts?: FontSet;
	release?: 'demo' | 'public';
	/** Runs on the new page before it is opened, e.g. to route (rewrite) what the server sends. */
	prepare?: (page: Page) => Promise<void>;
};

/** Opens `path` (e.g. '/' or '/osrodki/') in a fresh browser context and waits for its load event. */
export async function openPage(path: string, { fonts = 'system', release = 'demo', prepare, ...options }: OpenOptions = {}): Promise<OpenedPage> {
	const baseUrl = inject(release === 'public' ? 'publicBaseUrl' : 'baseUrl');
	const context = await (await browserWith(fonts)).newContext(options);
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

	await prepare?.(page);
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

/**
 * Scrolls a chart's card to the screen, as a reader does, and waits until its chart is drawn: the overview's charts
 * below the fold are made only when they come on screen (chart's whenOnScreen).
 */
export async function chartOnScreen(page: Page, id: string): Promise<void> {
	const canvas = page.locator(`[data-chart="${id}"] canvas`);
	await canvas.scrollIntoViewIfNeeded();
	await page.waitForFunction((selector) => (document.querySelector(selector) as HTMLCanvasElement | null)?.dataset.drawn !== undefined, `[data-chart="${id}"] canvas`);
}

/** Waits until the page's script has hydrated it: a click before that does nothing (an export menu, a filter). */
export const hydrated = (page: Page) => page.waitForSelector('html[data-hydrated]', { timeout: 45_000 });

/** Text as a reader sees it: no-break spaces (Polish number groups) as spaces, runs of white space as one. */
export const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * A national page (or the national compare view), opened once its script has hydrated it: its controls do
 * nothing before that, and the engine's start before hydration makes that window long enough for a quick test to
 * click into it.
 */
export async function openNationalPage(path: string, options: Parameters<typeof openPage>[1] = {}): Promise<OpenedPage> {
	const opened = await openPage(path, options);
	await opened.page.waitForSelector('[data-testid="national-filters"][data-live]', { timeout: 45_000 });
	return opened;
}

/**
 * Every count a reader can see in the cells `selector` matches: a bare number, and k, n − k and n of each „k z n”.
 * The attack tests look among them for a group of 1 to 4 people.
 */
export function shownCounts(page: Page, selector: string): Promise<number[]> {
	return page.evaluate((selector) => {
		const out: number[] = [];
		for (const el of document.querySelectorAll(selector)) {
			const text = (el.textContent ?? '').replace(/(\d)\s(\d)/g, '$1$2');
			for (const m of text.matchAll(/(\d+) z (\d+)/g)) out.push(Number(m[1]), Number(m[2]) - Number(m[1]), Number(m[2]));
			if (/^\s*\d+\s*$/.test(text)) out.push(Number(text.trim()));
		}
		return out;
	}, selector);
}
