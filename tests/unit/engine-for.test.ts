// A page starts only the engine it uses: the national pages and the explorer over the national set their own, the
// rest the five centres'. In both languages.
import { describe, expect, it } from 'vitest';
import { engineFor } from '../../src/lib/engine-for';

describe('engineFor', () => {
	it.each([
		['/polska/', '', 'national'],
		['/en/polska/14/1465/', '?plec=K', 'national'],
		['/polska/porownanie/', '?osrodki=1808011', 'national'],
		['/sql/', '?zbior=polska&q=SELECT%201', 'national'],
		['/en/sql/', '?zbior=polska', 'national'],
		['/sql/', '', 'centres'],
		['/', '?plec=K', 'centres'],
		['/en/porownanie/', '', 'centres'],
		['/osrodki/lezajsk/', '?zbior=polska', 'centres']
	])('%s%s needs the %s engine', (path, search, which) => {
		expect(engineFor(path, search, false)).toBe(which);
	});

	it('starts the five centres’ engine everywhere in the public release, which has no national set', () => {
		expect(engineFor('/sql/', '?zbior=polska', true)).toBe('centres');
	});
});
