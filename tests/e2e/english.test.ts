// The English interface, tried as an evaluator outside Poland would: every page exists under /en/, nothing of the
// Polish interface shows on it (centre and place names, and the sources' own words, marked lang="pl", aside),
// numbers follow English notation, links stay English, the switch keeps the filters, and exports speak English.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { hydrated, openPage, plain, type OpenedPage } from './browser';

const BUILD = fileURLToPath(new URL('../../build/', import.meta.url));

/** Every page in a language, as the paths of its prerendered files. */
function pagesUnder(dir: string, skip?: string): string[] {
	const found: string[] = [];
	const walk = (at: string) => {
		for (const name of readdirSync(at)) {
			const path = join(at, name);
			if (path === skip) continue;
			if (statSync(path).isDirectory()) walk(path);
			else if (name === 'index.html') found.push(`/${relative(dir, at)}`.replace(/\/?$/u, '/').replace(/^\/\/$/u, '/'));
		}
	};
	walk(dir);
	return found.sort();
}

/**
 * Proper names that stay Polish on an English page: the register's gminas, powiats and voivodeships (the national
 * pages), and the five centres' names. Longest first, so "Janów Lubelski" goes before "Janów".
 */
function properNames(): string[] {
	const register = readFileSync(new URL('../../data/registers/terc-2020-01-01.csv', import.meta.url), 'utf8');
	const names = new Set<string>();
	for (const line of register.split('\n').slice(1)) {
		// Voivodeships are upper case in the register and lower case in the interface („podkarpackie”).
		const name = line.split(';')[4]?.trim();
		if (name) names.add(name).add(name.toLowerCase());
	}
	const centres = parse(readFileSync(new URL('../../data/centres.csv', import.meta.url)), { columns: true }) as { name: string; short_name: string }[];
	for (const c of centres) names.add(c.name).add(c.short_name);
	return [...names].sort((a, b) => b.length - a.length);
}

// Polish letters, and Polish words that have no such letter but would give away an untranslated string.
const POLISH = /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ„]|\b(?:oraz|lub|albo|nie|dla|jest|przez|tylko|liczba|liczby|dane|wybor|razem|brak|ukryte|syntetyczne|opublikowane|osoby|uczestnicy|uczestnikow|edycja|edycje|edycji|wedlug|wsparcia|strona|kobieta|kobiety|ceny|koszt|zatrudnienie|uruchom|eksportuj|filtruj|tabela|wykres|zrodlo|polska|PU)\b/iu;

/** The page's text and accessible names as a reader and a screen reader meet them, without what is Polish by design. */
async function englishText(o: OpenedPage): Promise<string[]> {
	return o.page.evaluate(() => {
		document.querySelectorAll('details').forEach((d) => (d.open = true));
		const out: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const parent = node.parentElement;
			// Polish by design: an element marked lang="pl" inside the page (not the page itself, on a Polish page).
			const polish = parent?.closest('[lang="pl"]');
			if (!parent || (polish && polish !== document.documentElement) || parent.closest('script, style, code, pre, .cm-editor, [hidden]')) continue;
			if (node.textContent?.trim()) out.push(node.textContent.trim());
		}
		for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
			const polish = el.closest('[lang="pl"]');
			if (polish && polish !== document.documentElement) continue;
			for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
				const value = el.getAttribute(attr);
				if (value?.trim()) out.push(value.trim());
			}
		}
		out.push(document.title);
		return out;
	});
}

// Whole names only: "opolski" must not be cut out of "małopolskie".
const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const NAMES = new RegExp(`(?<!\\p{L})(?:${properNames().map(escape).join('|')})(?!\\p{L})`, 'gu');
const unnamed = (text: string) => text.replace(NAMES, ' ');
/** Diacritics folded for the word list, so "według" and "wedlug" are one word. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l');
const polishIn = (texts: string[]) => texts.map(unnamed).filter((t) => POLISH.test(t) || POLISH.test(fold(t)));

let opened: OpenedPage | undefined;
afterEach(async () => {
	await opened?.close();
	opened = undefined;
});

describe('English pages', () => {
	it('every Polish page has its English twin, prerendered', () => {
		const polish = pagesUnder(BUILD, join(BUILD, 'en'));
		const english = pagesUnder(join(BUILD, 'en'));
		expect(polish.length).toBeGreaterThan(400);
		expect(english).toEqual(polish);
		for (const path of ['/', '/porownanie/', '/osrodki/lezajsk/', '/polska/18/1808/']) {
			expect(readFileSync(join(BUILD, 'en', path, 'index.html'), 'utf8'), path).toContain('<html lang="en">');
			expect(readFileSync(join(BUILD, path, 'index.html'), 'utf8'), path).toContain('<html lang="pl">');
		}
	});

	// Pages whose figures come from DuckDB are read once it has answered: its text replaces the prerendered one.
	const PAGES: [string, string | null][] = [
		['/en/?plec=K', '[data-source="duckdb"]'],
		['/en/porownanie/?osrodki=lezajsk,swiebodzice,chocianow', '[data-source="duckdb"]'],
		['/en/osrodki/', null],
		['/en/osrodki/lezajsk/', null],
		['/en/osrodki/leszno/', null],
		['/en/osrodki/lezajsk/raport/', null],
		['/en/raport/?osrodki=lezajsk,swiebodzice,chocianow', '[data-source="duckdb"]'],
		['/en/sql/?q=SELECT%20centre_id%2C%20count(*)%20AS%20n%20FROM%20participants%20GROUP%20BY%20ALL', '[data-testid="result-count"]'],
		['/en/sql/?zbior=polska&wojewodztwo=10&q=SELECT%20*%20FROM%20participants%20LIMIT%205', '[data-testid="result-count"]'],
		['/en/dane-wlasne/', null],
		['/en/o-danych/', null],
		['/en/polska/', null],
		['/en/polska/18/1808/?osrodek=1808011', null],
		['/en/polska/14/?lata=2012&plec=K&ceny=stale-2014', '[data-testid="national-status"][data-state="ready"]'],
		['/en/polska/porownanie/?osrodki=1808011,1261011,1863011&wiek=18-24', '[data-testid="national-status"][data-state="ready"]'],
		['/en/no-such-page/', null]
	];
	it.each(PAGES)('%s shows no Polish interface text', async (path, ready) => {
		opened = await openPage(path);
		if (ready) await opened.page.waitForSelector(ready, { timeout: 45_000 });
		else await opened.page.waitForLoadState('networkidle');
		expect(await opened.page.getAttribute('html', 'lang')).toBe('en');
		const found = polishIn(await englishText(opened));
		expect(found, `Polish on ${path}:\n  ${found.join('\n  ')}`).toEqual([]);
		// The 404 page's own "Not found" is the one error expected.
		expect(opened.consoleErrors.filter((e) => !/404|Not found: \/en\/no-such-page\//u.test(e))).toEqual([]);
	});

	it('the check finds Polish where there is some: the Polish overview fails it', async () => {
		opened = await openPage('/');
		expect(polishIn(await englishText(opened)).length).toBeGreaterThan(20);
	});

	it('numbers, money and intervals follow the language', async () => {
		opened = await openPage('/en/');
		const tile = (o: OpenedPage) => o.page.locator('[data-tile="cost"] [data-testid="tile-value"]').textContent();
		const cost = plain(await tile(opened));
		expect(cost).toContain('15,414.61 PLN');
		expect(cost).not.toContain('zł');
		await opened.close();
		opened = await openPage('/');
		expect(plain(await tile(opened))).toContain('15 414,61 zł');
	});

	it('every link inside the site stays English', async () => {
		for (const path of ['/en/', '/en/osrodki/lezajsk/', '/en/polska/18/']) {
			opened = await openPage(path);
			const origin = new URL(inject('baseUrl')).origin;
			const hrefs: string[] = await opened.page.evaluate(() => [...document.querySelectorAll('a[href]')].filter((a) => !a.hasAttribute('download') && !a.classList.contains('language')).map((a) => new URL(a.getAttribute('href')!, location.href).href));
			const internal = hrefs.filter((h) => h.startsWith(origin) && !new URL(h).pathname.startsWith('/_app/'));
			expect(internal.length, path).toBeGreaterThan(5);
			const polish = internal.filter((h) => !new URL(h).pathname.startsWith('/en/') && new URL(h).hash === '');
			expect(polish, `links from ${path} that leave English`).toEqual([]);
			await opened.close();
			opened = undefined;
		}
	});

	it('the language switch opens the same view, filters kept, and back', async () => {
		opened = await openPage('/?osrodki=lezajsk&plec=K');
		const { page } = opened;
		await page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
		await page.locator('a.language').click();
		await page.waitForURL(/\/en\/\?/u);
		expect(new URL(page.url()).search).toBe('?osrodki=lezajsk&plec=K');
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		await expect.poll(() => page.locator('nav a[aria-current="page"]').textContent()).toBe('Overview');
		// The filters are applied, in English words.
		await page.waitForSelector('[data-source="duckdb"]', { timeout: 45_000 });
		expect(plain(await page.locator('[data-testid="headline-sentence"]').textContent())).toMatch(/\bin the selection\b/u);
		expect(plain(await page.locator('.chips').first().textContent())).toMatch(/woman/u);
		await page.locator('a.language').click();
		await page.waitForURL((url) => url.pathname === '/');
		expect(new URL(page.url()).search).toBe('?osrodki=lezajsk&plec=K');
		expect(await page.getAttribute('html', 'lang')).toBe('pl');
	});

	it('an export from an English page has English headers and English money', async () => {
		opened = await openPage('/en/osrodki/lezajsk/');
		const { page } = opened;
		// Under load the click could land before hydration and start no download (seen once in 30 s).
		await hydrated(page);
		const menu = page.locator('section:has([data-table="figures"]) details.export').first();
		await menu.locator('summary').click();
		const [file] = await Promise.all([page.waitForEvent('download'), menu.locator('button[data-format="csv-excel"]').click()]);
		const text = readFileSync((await file.path())!, 'utf8');
		const header = text.split(/\r?\n/u).find((line) => line.includes('Indicator'));
		expect(header, text.slice(0, 400)).toBeDefined();
		expect(polishIn([header!])).toEqual([]);
	});
});
