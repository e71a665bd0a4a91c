import { describe, expect, it } from 'vitest';
import { decodeUrlState, encodeUrlState, DEFAULT_URL_STATE, type UrlState } from '../../src/lib/state/url';

describe('URL state', () => {
	it.each<UrlState>([{ view: 'all' }, { view: 'published' }])('round-trips %j', (state) => {
		expect(decodeUrlState(encodeUrlState(state))).toEqual({ state, ignored: [] });
	});

	it('leaves defaults out of the URL, so the plain address is the default view', () => {
		expect(encodeUrlState(DEFAULT_URL_STATE).toString()).toBe('');
		expect(encodeUrlState({ view: 'published' }).toString()).toBe('widok=opublikowane');
	});

	it('ignores unknown and invalid parameters and reports them', () => {
		expect(decodeUrlState(new URLSearchParams('widok=wszystko&rok=2031'))).toEqual({
			state: DEFAULT_URL_STATE,
			ignored: ['widok=wszystko', 'rok=2031']
		});
	});
});
