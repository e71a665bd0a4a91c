// Dark mode in real Chromium (issue 12, part 3): the system's preference is followed until the reader chooses in the
// header, the choice is remembered, the page is dark before its first paint, and what is drawn outside CSS (charts,
// the SQL editor) follows the scheme too. Contrast on every page, in both schemes, is in a11y.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, type OpenedPage } from './browser';

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

const schemeOf = (page: Page) => page.evaluate(() => document.documentElement.dataset.scheme);
/**
 * The header's switch, as a reader uses it, until the choice is stored: a switch chosen before the page's script
 * has hydrated it does nothing (the engine's early start makes that window longer), so it is chosen again.
 */
async function choose(page: Page, choice: 'system' | 'light' | 'dark') {
	await expect
		.poll(async () => {
			await page.getByTestId('scheme').selectOption(choice);
			return page.evaluate(() => localStorage.getItem('colour-scheme'));
		})
		.toBe(choice === 'system' ? null : choice);
}

/** WCAG's contrast ratio of two CSS colours as the browser computes them (rgb(…) or rgba(…)). */
function contrast(a: string, b: string): number {
	const luminance = (css: string) => {
		const [r, g, b, alpha = 1] = css.match(/[\d.]+/g)!.map(Number);
		// A transparent colour would pass as black: a test must compare what is painted.
		if (alpha < 1) throw new Error(`${css} is not opaque`);
		return [r, g, b]
			.map((v) => v / 255)
			.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
			.reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
	};
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

/**
 * How many of a canvas's opaque pixels are near each given CSS colour (within 24 per channel) and how many are
 * near white: what a reader would see of a chart drawn in those colours.
 */
function countColours(page: Page, selector: string, colours: string[]) {
	return page.locator(selector).evaluate((canvas, colours) => {
		const rgb = (css: string) => css.match(/[\d.]+/g)!.slice(0, 3).map(Number);
		const targets = colours.map(rgb);
		const { data } = (canvas as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, (canvas as HTMLCanvasElement).width, (canvas as HTMLCanvasElement).height);
		const near = targets.map(() => 0);
		let white = 0;
		for (let i = 0; i < data.length; i += 4) {
			if (data[i + 3] < 200) continue;
			targets.forEach((t, j) => {
				if (Math.abs(data[i] - t[0]) < 24 && Math.abs(data[i + 1] - t[1]) < 24 && Math.abs(data[i + 2] - t[2]) < 24) near[j]++;
			});
			if (data[i] > 245 && data[i + 1] > 245 && data[i + 2] > 245) white++;
		}
		return { near, white };
	}, colours);
}

/** The page's text colour and a card's background, as computed. */
const cardColours = (page: Page, card: string) =>
	page.locator(card).evaluate((el) => ({ text: getComputedStyle(el).color, surface: getComputedStyle(el).backgroundColor }));

/** Waits until the chart on `canvas` has been drawn in `scheme`. */
const drawnIn = (page: Page, canvas: string, scheme: 'light' | 'dark') =>
	page.waitForFunction(([selector, scheme]) => (document.querySelector(selector) as HTMLCanvasElement | null)?.dataset.scheme === scheme, [canvas, scheme] as const);

describe('the colour scheme', () => {
	it('follows the system while nothing is chosen, also when the system changes', async () => {
		opened = await openPage('/o-danych/', { colorScheme: 'dark' });
		const { page } = opened;
		expect(await schemeOf(page)).toBe('dark');
		expect(await page.getByTestId('scheme').inputValue()).toBe('system');
		const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
		const body = await background();
		expect(contrast(body, 'rgb(0, 0, 0)'), `the page's background (${body}) is dark`).toBeLessThan(1.5);
		await page.emulateMedia({ colorScheme: 'light' });
		await page.waitForFunction(() => document.documentElement.dataset.scheme === 'light');
		expect(contrast(await background(), 'rgb(0, 0, 0)'), 'the page is light again').toBeGreaterThan(15);
	});

	it('remembers a choice across a reload and a navigation, over the system’s preference, until „jak w systemie”', async () => {
		opened = await openPage('/o-danych/', { colorScheme: 'light' });
		const { page } = opened;
		expect(await schemeOf(page)).toBe('light');
		await choose(page, 'dark');
		expect(await schemeOf(page)).toBe('dark');
		await page.reload({ waitUntil: 'load' });
		expect(await schemeOf(page)).toBe('dark');
		// The switch shows the stored choice once the page's script has read it (the prerendered one says „system”).
		await expect.poll(() => page.getByTestId('scheme').inputValue()).toBe('dark');
		await page.getByRole('navigation', { name: 'Główna' }).getByRole('link', { name: 'Ośrodki' }).click();
		await page.waitForURL(/\/osrodki\/$/);
		expect(await schemeOf(page)).toBe('dark');
		await page.goto(new URL('/sql/', page.url()).href, { waitUntil: 'load' });
		expect(await schemeOf(page)).toBe('dark');
		// A light choice under a dark system holds as well.
		await page.emulateMedia({ colorScheme: 'dark' });
		await choose(page, 'light');
		await page.reload({ waitUntil: 'load' });
		expect(await schemeOf(page)).toBe('light');
		await choose(page, 'system');
		expect(await schemeOf(page)).toBe('dark');
		expect(await page.evaluate(() => localStorage.length)).toBe(0);
	});

	it('is dark before the first paint when dark is chosen: no light flash', async () => {
		opened = await openPage('/o-danych/', { colorScheme: 'light' });
		const { page } = opened;
		await choose(page, 'dark');
		// Recorded by the first mutation observer call that sees <body>: before any of it can be painted.
		await page.addInitScript(() => {
			const seen = window as unknown as { schemeAtBody?: string | null };
			new MutationObserver((_, observer) => {
				if (!document.body) return;
				seen.schemeAtBody = document.documentElement.getAttribute('data-scheme');
				observer.disconnect();
			}).observe(document, { childList: true, subtree: true });
		});
		for (const path of ['/', '/polska/', '/sql/']) {
			await page.goto(new URL(path, page.url()).href, { waitUntil: 'load' });
			expect(await page.evaluate(() => (window as unknown as { schemeAtBody?: string }).schemeAtBody), path).toBe('dark');
		}
	});
});

describe('what is drawn outside CSS follows the scheme', () => {
	// Employment has whiskers; every bar of the support mix is hatched.
	const card = '[data-chart="zatrudnienie"]';
	const canvas = `${card} canvas`;
	const hatched = '[data-chart="wsparcie"] canvas';

	it('charts redraw in the dark colours: words and whiskers readable on the card, hatching on the card’s colour', async () => {
		opened = await openPage('/', { colorScheme: 'light' });
		const { page } = opened;
		await page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
		await drawnIn(page, canvas, 'light');
		await page.locator(hatched).scrollIntoViewIfNeeded();
		await drawnIn(page, hatched, 'light');
		const light = await cardColours(page, card);
		await choose(page, 'dark');
		await drawnIn(page, canvas, 'dark');
		await drawnIn(page, hatched, 'dark');
		const dark = await cardColours(page, card);
		expect(dark.text).not.toBe(light.text);
		expect(contrast(dark.text, dark.surface), `chart text ${dark.text} on the card ${dark.surface}`).toBeGreaterThanOrEqual(4.5);
		// The ticks, titles, outlines and whiskers are drawn in the page's text colour. The canvas is transparent, so
		// opaque pixels of the card's colour are the synthetic bars' hatching ground: the dark card, not white.
		const inDark = await countColours(page, canvas, [dark.text]);
		expect(inDark.near[0], 'pixels in the dark scheme’s text colour').toBeGreaterThan(300);
		const hatchInDark = await countColours(page, hatched, [dark.surface]);
		expect(hatchInDark.near[0], 'hatching ground in the card’s colour').toBeGreaterThan(50);
		expect(hatchInDark.white, 'white pixels (a light hatch ground) on the dark chart').toBe(0);
		await choose(page, 'light');
		await drawnIn(page, canvas, 'light');
		await drawnIn(page, hatched, 'light');
		expect((await countColours(page, canvas, [light.text])).near[0]).toBeGreaterThan(300);
		expect((await countColours(page, hatched, [])).white, 'the light chart’s hatching is on white').toBeGreaterThan(50);
	});

	it('a chart’s PNG stays dark on white for documents, and the screen’s chart stays dark', async () => {
		opened = await openPage('/', { colorScheme: 'dark' });
		const { page } = opened;
		await page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
		await drawnIn(page, canvas, 'dark');
		const menu = page.locator(card).locator('details.export').first();
		await menu.locator('summary').click();
		const [file] = await Promise.all([page.waitForEvent('download'), menu.locator('button[data-format="png"]').click()]);
		const bytes = [...(await import('node:fs')).readFileSync((await file.path())!)];
		// The picture decoded by the browser: its middle band (the chart, between title and footer) is mostly white
		// and drawn in the light scheme's dark text, not in the dark scheme's light text.
		const png = await page.evaluate(async (bytes) => {
			const image = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
			const out = new OffscreenCanvas(image.width, image.height).getContext('2d')!;
			out.drawImage(image, 0, 0);
			const top = Math.floor(image.height / 4);
			const { data } = out.getImageData(0, top, image.width, Math.floor(image.height / 2));
			let white = 0;
			let darkText = 0;
			for (let i = 0; i < data.length; i += 4) {
				if (data[i] > 245 && data[i + 1] > 245 && data[i + 2] > 245) white++;
				if (data[i] < 50 && data[i + 1] < 50 && data[i + 2] < 50) darkText++;
			}
			return { white: white / (data.length / 4), darkText };
		}, bytes);
		expect(png.white).toBeGreaterThan(0.5);
		expect(png.darkText).toBeGreaterThan(200);
		expect(await page.locator(canvas).evaluate((c) => (c as HTMLCanvasElement).dataset.scheme)).toBe('dark');
		const dark = await cardColours(page, card);
		expect((await countColours(page, canvas, [dark.text])).near[0], 'the chart on screen is dark again').toBeGreaterThan(300);
	});

	it('the SQL editor is dark, its text and keywords readable', async () => {
		opened = await openPage('/sql/?q=SELECT%201%20AS%20n', { colorScheme: 'dark' });
		const { page } = opened;
		const editor = page.locator('.cm-editor');
		await editor.waitFor();
		const colours = await page.evaluate(() => {
			const editor = document.querySelector('.cm-editor')!;
			const keyword = [...editor.querySelectorAll('.cm-line span')].find((s) => s.textContent === 'SELECT')!;
			const style = (el: Element) => getComputedStyle(el);
			return { background: style(editor).backgroundColor, text: style(editor.querySelector('.cm-content')!).color, keyword: style(keyword).color };
		});
		expect(contrast(colours.background, 'rgb(0, 0, 0)'), `editor background ${colours.background} is dark`).toBeLessThan(1.5);
		expect(contrast(colours.text, colours.background)).toBeGreaterThanOrEqual(4.5);
		expect(contrast(colours.keyword, colours.background)).toBeGreaterThanOrEqual(4.5);
		expect(colours.keyword).not.toBe(colours.text);
	});
});
