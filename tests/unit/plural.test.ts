// Polish plurals: a count and its noun agree (1 osoba, 2 osoby, 5 osób, 22 osoby, 25 osób), by Intl.PluralRules.
import { describe, expect, it } from 'vitest';
import { formatCount, nounFor } from '../../src/lib/format/plural';
import { pl } from '../../src/lib/i18n/pl';

describe('count and noun', () => {
	it.each([
		[1, '1 osoba'],
		[2, '2 osoby'],
		[3, '3 osoby'],
		[4, '4 osoby'],
		[5, '5 osób'],
		[8, '8 osób'],
		[12, '12 osób'],
		[21, '21 osób'],
		[22, '22 osoby'],
		[23, '23 osoby'],
		[24, '24 osoby'],
		[25, '25 osób'],
		[37, '37 osób'],
		[0, '0 osób'],
		[112, '112 osób'],
		[1.5, '1,5 osoby']
	])('%d → %s', (count, text) => {
		expect(formatCount(count, pl.nouns.person).replace(/\u00a0/g, ' ')).toBe(text);
	});

	it('picks the form of every counted noun the interface uses', () => {
		expect([1, 2, 5, 22, 25].map((n) => nounFor(n, pl.nouns.row))).toEqual(['wiersz', 'wiersze', 'wierszy', 'wiersze', 'wierszy']);
		expect([1, 3, 17, 24].map((n) => nounFor(n, pl.nouns.family))).toEqual(['rodzina', 'rodziny', 'rodzin', 'rodziny']);
		expect(formatCount(10_000, pl.nouns.column).replace(/\u00a0/g, ' ')).toBe('10 000 kolumn');
	});

	it('words the figures of a centre page and the explorer’s and import’s counts with it', () => {
		expect(pl.unitNouns['osoby']).toBe(pl.nouns.person);
		expect(pl.explorer.rows(2, 10)).toMatch(/^2 wiersze w/);
		expect(pl.explorer.rows(1, 10)).toMatch(/^1 wiersz w/);
		expect(pl.imports.read.width(3, 4)).toContain('3 pola');
		expect(pl.imports.page.ready(2)).toContain('2 wiersze');
		expect(pl.imports.more(2)).toContain('2 problemy');
	});
});
