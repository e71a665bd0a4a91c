// The flags every Chromium this project drives is launched with: the browser tests (tests/e2e/browser.ts) and the
// bench (scripts/bench). One list, so that what the tests check and what the bench times is the same browser.

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	// Chromium's own calls to outside hosts (update checks, sync): refused here, and never the site's (shared notes).
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	// Chromium 156 opens two WebUI pages of its own (chrome://omnibox-popup.top-chrome/ and its "AI mode" twin) in
	// a renderer of their own for every new window, and a browser context is a new window: about 0.9 s of CPU,
	// during the very page load a test waits for or the bench times, on two cores. A reader's browser opens them
	// once, with its window, not with each page. Measured over 12 cold loads in turns: 27.8 and 28.9 s without
	// them, 31.7 and 32.7 s with them.
	'--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'
];

/**
 * Pages Chromium opened for its own interface in a fresh context (chrome:// WebUI), by address: none while the
 * flags above hold. The bench says so beside its figures, so a Chromium that renames the features is noticed.
 */
export async function browserOwnPages(browser: import('playwright-core').Browser): Promise<string[]> {
	const context = await browser.newContext();
	try {
		await context.newPage();
		const session = await browser.newBrowserCDPSession();
		const { targetInfos } = await session.send('Target.getTargets');
		await session.detach();
		return targetInfos.filter((t) => t.type === 'browser_ui').map((t) => t.url);
	} finally {
		await context.close();
	}
}
