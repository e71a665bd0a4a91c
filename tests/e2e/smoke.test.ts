// Smoke test: the built home page renders a heading, with no errors and no request leaving the origin.
import { expect, test } from 'vitest';
import { openPage } from './browser';

test('home page renders an h1, cleanly and offline', async () => {
	const { page, consoleErrors, offOriginRequests, failedRequests, close } = await openPage('/');
	try {
		// Let hydration and any fetches it starts finish, so their errors are counted too.
		await page.waitForLoadState('networkidle');
		const h1 = (await page.locator('h1').first().textContent({ timeout: 5_000 }))?.trim();
		expect(h1, 'the page should have an <h1> with text').toBeTruthy();
		expect(consoleErrors, 'console errors / uncaught exceptions on the page').toEqual([]);
		expect(offOriginRequests, 'requests that left the site origin').toEqual([]);
		expect(failedRequests, 'failed requests or HTTP >= 400 responses').toEqual([]);
	} finally {
		await close();
	}
});
