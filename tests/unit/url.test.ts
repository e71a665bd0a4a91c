import { describe, expect, it } from 'vitest';
import { decodeUrlState, encodeUrlState, toggle, DEFAULT_URL_STATE, type UrlState } from '../../src/lib/state/url';

const centres = ['chocianow', 'lezajsk', 'leszno'];
const state = (partial: Partial<UrlState>): UrlState => ({ ...DEFAULT_URL_STATE, ...partial });

describe('URL state', () => {
	it.each<UrlState>([
		DEFAULT_URL_STATE,
		state({ view: 'published' }),
		state({ priceBase: 2013 }),
		state({ sort: { column: 'koszt-na-uczestnika', descending: true } }),
		state({ sort: { column: 'osrodek', descending: false }, view: 'published' }),
		state({ centres: ['lezajsk', 'leszno'], years: [2011, null], sex: ['K'] }),
		state({ ageBands: ['25-34'], education: ['isced_3'], labourStatus: ['long_term_unemployed'], outcomes: ['employed'] }),
		state({ centres: ['leszno'], years: [2011], supportForms: ['health', 'financial'] })
	])('round-trips %j', (s) => {
		expect(decodeUrlState(new URLSearchParams(encodeUrlState(s).toString()), centres, [2011, 2013])).toEqual({ state: s, ignored: [], notCombined: [] });
	});

	it('keeps a form of support with centres and years only: the participant filters beside it are dropped and named', () => {
		const { state: decoded, ignored, notCombined } = decodeUrlState(new URLSearchParams('osrodki=leszno&plec=K&wiek=25-34,35-44&wsparcie=health&wynik=employed'), centres);
		expect(decoded).toEqual(state({ centres: ['leszno'], supportForms: ['health'] }));
		expect(ignored).toEqual([]);
		expect(notCombined).toEqual(['plec=K', 'wiek=25-34,35-44', 'wynik=employed']);
	});

	it('leaves defaults out of the URL, so the plain address is the default view', () => {
		expect(encodeUrlState(DEFAULT_URL_STATE).toString()).toBe('');
		expect(encodeUrlState(state({ view: 'published', centres: ['lezajsk'], years: [null] })).toString()).toBe('osrodki=lezajsk&lata=brak&widok=opublikowane');
	});

	it('ignores unknown parameters and invalid values, keeps the valid ones, and reports the rest', () => {
		const { state: decoded, ignored } = decodeUrlState(new URLSearchParams('widok=wszystko&rok=2031&osrodki=lezajsk,atlantyda&plec=K,X&lata=20x1,2011'), centres);
		expect(decoded).toEqual(state({ centres: ['lezajsk'], sex: ['K'], years: [2011] }));
		expect(ignored).toEqual(['widok=wszystko', 'rok=2031', 'osrodki=atlantyda', 'plec=X', 'lata=20x1']);
		expect(decodeUrlState(new URLSearchParams('ceny=stale-1999'), centres, [2011, 2013]).ignored).toEqual(['ceny=stale-1999']);
		expect(decodeUrlState(new URLSearchParams('sortuj=--praca&sortuj=wiek'), centres).ignored).toEqual(['sortuj=--praca', 'sortuj=wiek']);
	});

	it('toggles a value on and off', () => {
		const on = toggle(DEFAULT_URL_STATE, 'centres', 'lezajsk');
		expect(on.centres).toEqual(['lezajsk']);
		expect(toggle(on, 'centres', 'lezajsk').centres).toEqual([]);
		expect(toggle(DEFAULT_URL_STATE, 'years', null).years).toEqual([null]);
	});
});
