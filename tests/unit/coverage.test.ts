// Which editions a row's figures cover, and budget shares among the centres that published one.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeDatabase } from '../../src/lib/db/node';
import { fetchOverview } from '../../src/lib/queries/overview';
import { DEFAULT_FILTERS } from '../../src/lib/queries/filters';
import { editionCoverage } from '../../src/lib/queries/coverage';
import { publishedShares } from '../../src/lib/queries/compare';

describe('edition coverage', () => {
	it('says Leżajsk’s and Świebodzice’s figures come from one edition of several, and nothing for single editions', async () => {
		const { editions } = await fetchOverview(createNodeDatabase(resolve(import.meta.dirname, '../../static/data')), DEFAULT_FILTERS);
		expect(editionCoverage(editions, 'lezajsk')).toEqual({ years: [2011], of: 4 });
		expect(editionCoverage(editions, 'swiebodzice')).toEqual({ years: [2009], of: 2 });
		expect(editionCoverage(editions, 'janow-lubelski')).toBeNull();
		expect(editionCoverage(editions, 'leszno')).toBeNull();
	}, 60_000);
});

describe('budget shares among published budgets', () => {
	it('shares out the published total and keeps the silent pages silent', () => {
		const cells = publishedShares([
			{ kind: 'unknown' },
			{ kind: 'published', value: 300, sources: ['a'] },
			{ kind: 'published', value: 100, sources: ['b'] }
		]);
		expect(cells[0]).toEqual({ kind: 'unknown' });
		expect(cells[1]).toMatchObject({ kind: 'published', value: 0.75, derived: true, sources: ['a', 'b'] });
		expect(cells[2]).toMatchObject({ kind: 'published', value: 0.25 });
	});

	it('gives no share with one published budget, and hides all with anything hidden', () => {
		expect(publishedShares([{ kind: 'unknown' }, { kind: 'published', value: 1, sources: [] }]).map((c) => c.kind)).toEqual(['unknown', 'unknown']);
		expect(publishedShares([{ kind: 'suppressed' }, { kind: 'published', value: 1, sources: [] }, { kind: 'published', value: 1, sources: [] }]).map((c) => c.kind)).toEqual(['suppressed', 'suppressed', 'suppressed']);
	});
});
