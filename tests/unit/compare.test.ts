// The compare view's arithmetic: which population a rate uses, shares that never give away a hidden cell,
// per-1,000 rates, differences that say when they are noise, and trends whose gaps say why.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDatabase } from '../../src/lib/db/node';
import { DEFAULT_FILTERS } from '../../src/lib/queries/filters';
import { fetchCompare, pickPopulation, shares, toComparison, type CompareAnswer, type PopulationRow } from '../../src/lib/queries/compare';
import { trendChart } from '../../src/lib/charts/series';

const db = createNodeDatabase(resolve(import.meta.dirname, '../../static/data'));
let answer: CompareAnswer;
beforeAll(async () => {
	answer = await fetchCompare(db, { ...DEFAULT_FILTERS, centres: ['lezajsk', 'swiebodzice', 'chocianow', 'janow-lubelski', 'leszno'] });
}, 60_000);

const row = (year: number, population: number): PopulationRow => ({ centre_id: 'x', year, population, source_id: `pop-${year}` });

describe('population for a centre', () => {
	it.each<[string, PopulationRow[], number | null, number | null, { year: number; withinProject: boolean } | null]>([
		['a year inside the project', [row(2006, 1), row(2010, 2)], 2008, 2011, { year: 2010, withinProject: true }],
		['the nearest year outside it, said so', [row(2006, 1), row(2014, 2)], 2008, 2009, { year: 2006, withinProject: false }],
		['the earlier one on a tie', [row(2006, 1), row(2012, 2)], 2009, 2009, { year: 2006, withinProject: false }],
		['the only figure when the project year is unknown', [row(2006, 1)], null, null, { year: 2006, withinProject: false }],
		['none when the project year is unknown and figures differ by year', [row(2006, 1), row(2014, 2)], null, null, null],
		['none without any figure', [], 2012, 2012, null]
	])('%s', (_, rows, first, last, expected) => {
		const picked = pickPopulation(rows, first, last);
		expect(picked === null ? null : { year: picked.year, withinProject: picked.withinProject }).toEqual(expected);
	});
});

describe('shares of the compared total', () => {
	it('are derived published shares that sum to one', () => {
		const cells = shares([
			{ kind: 'published', value: 30, sources: ['a'] },
			{ kind: 'published', value: 10, sources: ['b'] }
		]);
		expect(cells).toEqual([
			{ kind: 'published', value: 0.75, sources: ['a'], derived: true },
			{ kind: 'published', value: 0.25, sources: ['b'], derived: true }
		]);
	});

	it('are all hidden when one count is hidden: the rest would give it away as one minus their sum', () => {
		expect(shares([{ kind: 'synthetic', value: 30 }, { kind: 'suppressed' }, { kind: 'synthetic', value: 12 }]).map((c) => c.kind)).toEqual(['suppressed', 'suppressed', 'suppressed']);
	});

	it('are all unknown when one figure is unknown, since the total is', () => {
		expect(shares([{ kind: 'published', value: 30, sources: [] }, { kind: 'unknown' }]).map((c) => c.kind)).toEqual(['unknown', 'unknown']);
	});
});

describe('comparison of the five centres', () => {
	it('gives participants per 1,000 inhabitants from the published count and the nearest population, citing both', () => {
		const comparison = toComparison(answer.overview.centres, answer.populations, 'all');
		const lezajsk = comparison.centres.find((c) => c.summary.centreId === 'lezajsk')!;
		expect(lezajsk.population).toMatchObject({ population: 14126, year: 2010, withinProject: true });
		const participants = (lezajsk.summary.participants as { value: number }).value;
		expect(lezajsk.participantsPer1000).toEqual({
			kind: 'published',
			value: Math.round((participants / 14126) * 1000 * 100) / 100,
			sources: ['lezajsk-page', 'pop-lezajsk-biolog'],
			derived: true
		});
		const janow = comparison.centres.find((c) => c.summary.centreId === 'janow-lubelski')!;
		expect(janow.population).toBeNull();
		expect(janow.participantsPer1000).toEqual({ kind: 'unknown' });
	});

	it('states for every pair of rates whether the difference is within the noise, consistently with its interval', () => {
		const { differences } = toComparison(answer.overview.centres, answer.populations, 'all');
		expect(differences.length).toBeGreaterThan(0);
		for (const d of differences) {
			expect(d.low).toBeLessThanOrEqual(d.difference);
			expect(d.high).toBeGreaterThanOrEqual(d.difference);
			expect(d.withinNoise).toBe(d.low <= 0 && d.high >= 0);
		}
	});

	it('keeps only pairs of published rates in the published-only view', () => {
		const all = toComparison(answer.overview.centres, answer.populations, 'all').differences;
		const publishedOnly = toComparison(answer.overview.centres, answer.populations, 'published').differences;
		expect(publishedOnly.every((d) => d.kind === 'published')).toBe(true);
		expect(publishedOnly).toEqual(all.filter((d) => d.kind === 'published'));
	});
});

describe('trends across editions', () => {
	it('puts each centre over its edition years, the unknown year last, and says why a bar is missing', () => {
		const centres = answer.overview.centres.filter((c) => ['lezajsk', 'leszno'].includes(c.centreId));
		const chart = trendChart(answer.overview.editions, centres, 'participants');
		expect(chart.categories).toEqual(['2008', '2009', '2010', '2011', '2012', '2013', 'rok nieznany']);
		const lezajsk = chart.series.find((s) => s.label === 'MOPS Leżajsk')!;
		const leszno = chart.series.find((s) => s.label === 'OPS Gmina Leszno')!;
		expect(lezajsk.notes!.slice(4)).toEqual(['no_edition', 'no_edition', 'no_edition']);
		expect(leszno.notes!.slice(0, 6).every((n) => n === 'no_edition')).toBe(true);
		const edition2011 = answer.overview.editions.find((e) => e.editionId === 'lezajsk-2011')!;
		expect(lezajsk.values[3]).toBe(edition2011.participants);
		// Leżajsk publishes no group size for 2008–2010: unknown, not zero and not "no edition".
		expect(lezajsk.values.slice(0, 3)).toEqual([null, null, null]);
		expect(lezajsk.notes!.slice(0, 3)).toEqual(['not_published', 'not_published', 'not_published']);
	});
});
