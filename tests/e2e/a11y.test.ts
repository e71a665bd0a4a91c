// WCAG 2.1 AA by axe-core in real Chromium, on every kind of page, once its figures are final (DuckDB on the
// overview) and with every <details> open, so the tables inside are checked too. Each page is checked at the
// default width and at 320 px, where tables scroll on their own (WCAG 1.4.10) and must be reachable by keyboard.
// Those runs see the light scheme; the dark one is checked for colour contrast only, at both widths, once set by the
// system's preference and once by the header's switch.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hydrated, openPage, type FontSet, type OpenedPage, type OpenOptions } from './browser';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PAGES = ['/', '/?widok=opublikowane', '/sql/?q=SELECT%20centre_id%2C%20count(*)%20AS%20n%20FROM%20participants%20GROUP%20BY%20ALL', '/sql/?zbior=polska&wojewodztwo=28&q=SELECT%20*%20FROM%20participants%20LIMIT%2020', '/porownanie/?osrodki=lezajsk,swiebodzice,chocianow', '/porownanie/', '/osrodki/', '/osrodki/lezajsk/', '/osrodki/leszno/', '/osrodki/lezajsk/raport/', '/raport/?osrodki=lezajsk,swiebodzice,chocianow', '/o-danych/', '/dane-wlasne/', '/polska/', '/polska/18/1808/?osrodek=1808011', '/polska/14/?lata=2012&plec=K', '/polska/porownanie/?osrodki=1808011,1261011,1863011&plec=K'];
const NARROW = { width: 320, height: 640 };

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

/** One line per violation and one per failing element, so a failure says what to fix and where. */
function describeViolations(violations: AxeResults['violations']): string {
	return violations
		.map((v) => {
			const targets = v.nodes.map((n) => `    ${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ')})` : ''}`);
			return `${v.id} [${v.impact ?? '?'}]: ${v.help} (${v.helpUrl})\n${targets.join('\n')}`;
		})
		.join('\n');
}

async function openReady(path: string, viewport?: OpenOptions['viewport'], fonts?: FontSet) {
	// axe is injected as an inline script, which the site's CSP (script-src 'self') would refuse.
	opened = await openPage(path, { bypassCSP: true, fonts, ...(viewport ? { viewport } : {}) });
	return ready(opened.page, path);
}

/** Waits until `path`'s figures are final, and opens every <details>. */
async function ready(page: Page, path: string) {
	const url = new URL(path, 'http://x');
	// Judged as a reader meets it once its script runs: a scroll box becomes a focusable region only then.
	await hydrated(page);
	// A national page under filters is final once its own engine has answered.
	if (url.pathname.startsWith('/polska') && /lata|plec|wiek|ceny/.test(url.search)) await page.waitForSelector('[data-testid="national-status"][data-state="ready"]', { timeout: 60_000 });
	else if (url.pathname.startsWith('/polska')) await page.waitForLoadState('networkidle');
	else if (url.pathname === '/' || url.search.includes('osrodki')) await page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
	else if (url.pathname === '/sql/') await page.getByTestId('result-count').waitFor({ timeout: 45_000 });
	else if (url.pathname === '/dane-wlasne/') await page.locator('input[type="file"]').waitFor({ state: 'attached', timeout: 45_000 });
	else await page.waitForLoadState('networkidle');
	await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
	return page;
}

async function expectNoViolations(page: Page, where: string, only?: 'color-contrast') {
	if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
	const runOnly = only ? { type: 'rule' as const, values: [only] } : { type: 'tag' as const, values: TAGS };
	const results = (await page.evaluate((options) => window.axe.run(document, { runOnly: options }), runOnly)) as AxeResults;
	expect(results.violations.length, `axe violations on ${where}:\n${describeViolations(results.violations)}`).toBe(0);
}

/** WCAG 1.4.10 at 320 px, with a pinned font set: only tables (in their own scroll box) may be wider than the window. */
async function expectReflow(page: Page, fonts: FontSet) {
	expect(await renderedFont(page, 'h1'), 'the pinned font set is the one drawn').toMatch(fonts === 'dejavu' ? /^DejaVu/ : /^Liberation/);
	const wide = await page.evaluate(() =>
		[...document.querySelectorAll('body *')]
			.filter((el) => el.getBoundingClientRect().right > innerWidth + 1 && !el.closest('.table-scroll'))
			.map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`)
	);
	const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(scrollWidth, `page is ${scrollWidth} px wide with ${fonts}; wider than the window: ${wide.join(', ') || '(inside a table box)'}`).toBeLessThanOrEqual(NARROW.width);
}

/** The dark scheme on the page as it stands, by the system's preference or by the header's switch, then axe's
 * color-contrast rule (the other rules do not depend on colours and ran in the light scheme). */
async function expectDarkContrast(page: Page, path: string, how: 'system' | 'switch') {
	if (how === 'system') await page.emulateMedia({ colorScheme: 'dark' });
	else await page.getByTestId('scheme').selectOption('dark');
	await page.waitForFunction(() => document.documentElement.dataset.scheme === 'dark');
	// Charts configure again on the change; let them draw before axe reads the page.
	await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
	await expectNoViolations(page, `${path} in the dark scheme (${how})`, 'color-contrast');
}

// Reflow with each font set the machine may have: DejaVu (all a fresh Debian has) is wider than Liberation. The
// DejaVu run shares its page load with the axe check at 320 px. The dark scheme's contrast is checked on the same
// page loads, once set by the system's preference at the default width and once by the header's switch at 320 px.
describe('accessibility (axe-core, WCAG 2.1 A and AA), in both colour schemes', () => {
	it.each(PAGES)('%s has no violations, light, and no contrast violation, dark (system preference)', async (path) => {
		const page = await openReady(path);
		await expectNoViolations(page, path);
		await expectDarkContrast(page, path, 'system');
	});

	it.each(PAGES)('%s has no violations at 320 px, and reflows there with DejaVu fonts', async (path) => {
		const page = await openReady(path, NARROW, 'dejavu');
		await expectReflow(page, 'dejavu');
		await expectNoViolations(page, `${path} at 320 px`);
	});

	it.each(PAGES)('%s reflows at 320 px with Liberation fonts, and has no contrast violation there in dark (the switch)', async (path) => {
		const page = await openReady(path, NARROW, 'liberation');
		await expectReflow(page, 'liberation');
		await expectDarkContrast(page, `${path} at 320 px`, 'switch');
	});
});

/** The font family Chromium actually drew an element's text in (DevTools protocol), not the one CSS asked for. */
async function renderedFont(page: Page, selector: string): Promise<string> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('DOM.enable');
	await cdp.send('CSS.enable');
	const { root } = await cdp.send('DOM.getDocument');
	const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
	const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
	return fonts.sort((a, b) => b.glyphCount - a.glyphCount)[0]?.familyName ?? '(none)';
}

declare global {
	interface Window {
		axe: typeof import('axe-core');
	}
}
