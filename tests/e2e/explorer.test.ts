// The SQL explorer in real Chromium: a shared link reproduces its result, Ctrl+Enter runs and records the query in
// the URL, refused and failing statements say why and change nothing, and 100,000 rows stay a few dozen in the page.
import { afterEach, describe, expect, it } from 'vitest';
import { openPage, plain, type OpenedPage } from './browser';

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

const link = (sql: string) => `/sql/?q=${encodeURIComponent(sql)}`;
const count = async (o: OpenedPage) => plain(await o.page.getByTestId('result-count').textContent({ timeout: 45_000 }));
const editor = (o: OpenedPage) => o.page.locator('.cm-content');

async function typeQuery(o: OpenedPage, sql: string) {
	await editor(o).click();
	await o.page.keyboard.press('Control+A');
	await o.page.keyboard.press('Delete');
	await o.page.keyboard.insertText(sql);
}

describe('SQL explorer', () => {
	it('opens a shared query with its result, and runs a typed one with Ctrl+Enter into the URL', async () => {
		opened = await openPage(link('SELECT centre_id, count(*) AS n FROM participants GROUP BY ALL ORDER BY ALL'));
		const o = opened;
		// Counted from participant rows, so the result says it is synthetic.
		expect(await count(o)).toMatch(/^5 wierszy w \d+ ms syntetyczne$/);
		expect(plain(await o.page.locator('.scroller tbody').textContent())).toContain('lezajsk25');

		await typeQuery(o, 'SELECT count(*) AS n FROM support');
		await o.page.keyboard.press('Control+Enter');
		await o.page.waitForURL(/q=SELECT%20count/);
		await expect.poll(() => count(o)).toMatch(/^1 wiersz w/);
		expect(plain(await o.page.locator('.scroller tbody').textContent())).toBe('333');

		await o.page.goBack();
		await expect.poll(() => count(o)).toMatch(/^5 wierszy/);
		expect(o.consoleErrors).toEqual([]);
		expect(o.offOriginRequests).toEqual([]);
	});

	it('refuses a statement that would change the data, shows DuckDB errors, and the data stays as loaded', async () => {
		opened = await openPage(link('DROP TABLE participants'));
		const o = opened;
		await o.page.waitForSelector('[role="alert"]');
		expect(plain(await o.page.locator('.sql-error').textContent())).toContain('DROP');

		await typeQuery(o, 'SELECT * FROM no_such_table');
		await o.page.keyboard.press('Control+Enter');
		await expect.poll(async () => plain(await o.page.locator('.sql-error').textContent())).toContain('no_such_table');

		await typeQuery(o, 'SELECT count(*) AS n FROM participants');
		await o.page.keyboard.press('Control+Enter');
		await expect.poll(() => count(o)).toMatch(/^1 wiersz/);
		expect(plain(await o.page.locator('.scroller tbody').textContent())).toBe('98');
	});

	it('keeps 100,000 rows smooth: a few dozen in the page, the last one reachable by scrolling', async () => {
		opened = await openPage(link('SELECT i, i * 2 AS doubled FROM range(100000) t(i)'));
		const o = opened;
		expect(await count(o)).toMatch(/^100 000 wierszy/);
		const rendered = await o.page.locator('.scroller tbody tr[data-row]').count();
		expect(rendered).toBeGreaterThan(10);
		expect(rendered).toBeLessThan(100);
		expect(await o.page.locator('.scroller table').getAttribute('aria-rowcount')).toBe('100001');
		await o.page.locator('.scroller').evaluate((box) => box.scrollTo(0, box.scrollHeight));
		await expect.poll(() => o.page.locator('.scroller tbody tr[data-row="99999"]').count()).toBe(1);
		expect(plain(await o.page.locator('.scroller tbody tr[data-row="99999"]').textContent())).toBe('99 999199 998');
	});

	it('keeps the query history in this browser across a reload', async () => {
		opened = await openPage(link('SELECT 42 AS answer'));
		const o = opened;
		expect(await count(o)).toMatch(/^1 wiersz/);
		await o.page.reload();
		await o.page.getByText('Historia zapytań').click();
		expect(plain(await o.page.locator('.history').first().textContent())).toBe('SELECT 42 AS answer');
	});
});
