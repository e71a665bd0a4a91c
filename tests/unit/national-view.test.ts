// The national page's derived figures: the cost histogram counts every centre with a known cost once and marks
// a bin synthetic only where a synthetic cost is in it; the funnel leaves hidden rates off and counts them.
import { describe, expect, it } from 'vitest';
import { cellText, compareChart, compareHref, costHistogram, costSpread, filterWords, funnelPoints, funnelTarget, moneyFormat, moneyText, selectedFigures, yearsOf } from '../../src/routes/polska/[[voivodeship=voivodeship]]/[[powiat=powiat]]/view';
import { expandCentre, type CentrePoint, type NationalUnit } from '../../src/lib/national';
import type { NationalSelection } from '../../src/lib/queries/national';
import type { GuardedUnit } from '../../src/lib/stats/selection-guard';
import { missingReason } from '../../src/lib/queries/cells';
import { ui } from '../../src/lib/i18n';

const synthetic = (code: string, n: number, employed: number | null, cost: number) => expandCentre([code, `GOPS ${code}`, code, 'p', n, employed, 10, cost]);
const published: CentrePoint = {
	...synthetic('1808011', 25, 3, 0),
	employment: { kind: 'published', k: 3, n: 25, sources: ['lezajsk-page'], rate: 0.12, low: 0.04, high: 0.3 },
	costPerParticipant: { kind: 'published', value: 15414.61, sources: ['lezajsk-page'], derived: true },
	page: 'lezajsk'
};
const centres = [synthetic('a', 100, 20, 8100), synthetic('b', 200, null, 8300), synthetic('c', 50, 5, 9050), published, { ...synthetic('d', 40, 8, 0), costPerParticipant: { kind: 'unknown' } as const }];

/** Intl's no-break spaces as plain ones. */
const plainSpaces = (text: string) => text.replace(/\s/gu, ' ');

describe('national page figures', () => {
	it('bins every known cost once, hatching only bins with a synthetic cost in them', () => {
		const { chart, gaps } = costHistogram(centres, 'Ośrodki');
		expect(gaps).toEqual({ unknown: 1, hidden: 0, omitted: 0, empty: 0 });
		expect(chart.series[0].values.reduce((sum: number, v) => sum + (v ?? 0), 0)).toBe(4);
		const last = chart.series[0].values.length - 1;
		expect(chart.series[0].values[last]).toBe(1);
		expect(chart.series[0].synthetic![last]).toBe(false);
		expect(chart.series[0].synthetic![0]).toBe(true);
	});

	it('gives the median and range of known costs', () => {
		expect(costSpread(centres)).toEqual({ low: 8100, median: (8300 + 9050) / 2, high: 15414.61 });
	});

	it('leaves hidden rates off the funnel and counts them, and draws around the unit’s rate', () => {
		const { points, hidden } = funnelPoints(centres, 'employment');
		expect(hidden).toBe(1);
		expect(points.map((p) => p.code)).toEqual(['a', 'c', '1808011', 'd']);
		const unit: Pick<NationalUnit, 'employment' | 'completion' | 'costPerParticipant'> = {
			employment: { kind: 'synthetic', k: 36, n: 415, sources: [], rate: 36 / 415, low: 0, high: 1 },
			completion: { kind: 'suppressed', n: 415 },
			costPerParticipant: { kind: 'unknown' }
		};
		expect(funnelTarget(unit, 'employment', points)).toBeCloseTo(36 / 415);
		// A hidden unit rate: the pooled rate of the shown centres, which follows from shown figures only.
		expect(funnelTarget(unit, 'completion', [{ code: 'x', name: 'x', k: 10, n: 40, low: 0, high: 1 }, { code: 'y', name: 'y', k: 30, n: 60, low: 0, high: 1 }])).toBeCloseTo(0.4);
	});
});

describe('a unit under filters', () => {
	const shown = { n: false, employed: false, completed: false };
	const selection = (units: Record<string, GuardedUnit>, filters: Partial<NationalSelection['filters']> = { sex: ['K'] }, realCosts: [string, number | null][] = []): NationalSelection => ({
		filters: { years: [], sex: [], ageBands: [], priceBase: null, ...filters },
		units: new Map(Object.entries(units)),
		realCosts: new Map(realCosts),
		ms: { query: 0, guard: 0 }
	});

	it('shows the selection’s figures, synthetic, with the interval of k of n', () => {
		const f = selectedFigures('a', centres[0], false, selection({ a: { n: 40, employed: 10, completed: 30, cost: 400000, hidden: shown } }));
		expect(f.participants).toEqual({ kind: 'synthetic', value: 40 });
		expect(f.employment).toMatchObject({ kind: 'synthetic', k: 10, n: 40 });
		expect(f.costPerParticipant).toEqual({ kind: 'synthetic', value: 10000 });
	});

	it('hides what the guard hides: a hidden size takes its rates and cost with it, and no n is left beside them', () => {
		const f = selectedFigures('a', centres[0], false, selection({ a: { n: 3, employed: 1, completed: 3, cost: 30, hidden: { n: true, employed: true, completed: true } } }));
		expect([f.participants, f.employment, f.completion, f.costPerParticipant]).toEqual([{ kind: 'suppressed' }, { kind: 'suppressed' }, { kind: 'suppressed' }, { kind: 'suppressed' }]);
	});

	it('gives a real centre no cost under a participant filter: its budget is a whole edition’s', () => {
		const f = selectedFigures('1808011', published, true, selection({ '1808011': { n: 20, employed: 4, completed: 15, cost: 1, hidden: shown } }));
		expect(f.costPerParticipant).toEqual({ kind: 'omitted', reason: 'whole_edition_only' });
		expect(f.employment.kind).toBe('synthetic');
	});

	it('under constant prices only keeps every count and published rate, and restates the published cost from its budgets', () => {
		const f = selectedFigures('1808011', published, true, selection({ '1808011': { n: 25, employed: 3, completed: 10, cost: 1, hidden: shown } }, { priceBase: 2014 }, [['1808011', 16000.123]]));
		expect(f.employment).toBe(published.employment);
		expect(f.costPerParticipant).toEqual({ kind: 'published', value: 16000.12, sources: ['lezajsk-page'], derived: true });
		const leszno = selectedFigures('1808011', published, true, selection({}, { priceBase: 2014 }, [['1808011', null]]));
		expect(leszno.costPerParticipant).toEqual({ kind: 'unknown' });
	});

	it('shows no one selected as 0, and its rates and cost as „no one selected”, never as „not published”', () => {
		const f = selectedFigures('zz', centres[0], false, selection({}));
		expect(f.participants).toEqual({ kind: 'synthetic', value: 0 });
		for (const cell of [f.employment, f.completion, f.costPerParticipant]) expect(missingReason(cell)).toBe('no_one_selected');
		// A real centre too: its published cost is a whole edition's, but here there is nobody to divide it by.
		expect(missingReason(selectedFigures('1808011', published, true, selection({})).costPerParticipant)).toBe('no_one_selected');
		expect(ui.reason('no_one_selected').short).toBe('brak osób');
	});

	it('keeps a hidden 0 hidden: the guard hides it where a neighbouring view would tell what it is', () => {
		const f = selectedFigures('a', centres[0], false, selection({ a: { n: 0, employed: 0, completed: 0, cost: 0, hidden: { n: true, employed: true, completed: true } } }));
		expect(f.participants).toEqual({ kind: 'suppressed' });
		for (const cell of [f.employment, f.completion, f.costPerParticipant]) expect(missingReason(cell)).toBe('hidden_small');
	});

	it('keeps centres with no one selected off the funnel as such, not as hidden rates', () => {
		const empty = { ...centres[0], code: 'e', ...selectedFigures('e', centres[0], false, selection({})) };
		const hiddenZero = { ...centres[0], code: 'h', ...selectedFigures('h', centres[0], false, selection({ h: { n: 0, employed: 0, completed: 0, cost: 0, hidden: { n: true, employed: true, completed: true } } })) };
		const { points, hidden, empty: none } = funnelPoints([...centres, empty, hiddenZero], 'employment');
		expect(points).toHaveLength(4);
		expect([hidden, none]).toEqual([2, 1]);
	});

	it('says why a figure is absent in the words of its reason, as a table cell does', () => {
		const words = { kOfN: ui.national.kOfN };
		const empty = selectedFigures('zz', centres[0], false, selection({}));
		expect(cellText(empty.employment, words)).toBe('nikt w tym wyborze');
		expect(cellText(empty.costPerParticipant, words)).toBe('nikt w tym wyborze');
		expect(cellText({ kind: 'suppressed', n: 12 }, words)).toBe('ukryte');
		expect(cellText({ kind: 'unknown' }, words)).toBe('nie opublikowano');
		expect(cellText({ kind: 'synthetic', k: 3, n: 25, sources: [], rate: 0.12, low: 0.04, high: 0.3 }, words)).toMatch(/^12% .*3 z 25$/);
	});

	it('writes a cost rounded to 100 zł in whole złoty, never with grosz it does not have; exact ones to the grosz', () => {
		const words = { kOfN: ui.national.kOfN };
		// Under a participant filter the guard's cost is the rounded average times the shown n.
		const women = selection({ a: { n: 40, employed: 10, completed: 30, cost: 8400 * 40, hidden: shown } });
		const cost = selectedFigures('a', centres[0], false, women).costPerParticipant;
		expect(moneyFormat(women.filters)).toBe('wholeMoney');
		expect(plainSpaces(cellText(cost, words, moneyText(women.filters)))).toBe('8400 zł');
		// Prices alone select nobody: the average is exact, and written to the grosz.
		const prices = selection({ a: { n: 40, employed: 10, completed: 30, cost: 336_123.4, hidden: shown } }, { priceBase: 2014 });
		const exact = selectedFigures('a', centres[0], false, prices).costPerParticipant;
		expect(moneyFormat(prices.filters)).toBe('money');
		expect(plainSpaces(cellText(exact, words, moneyText(prices.filters)))).toBe('8403,09 zł');
		// The built figures (no answer on screen yet) are exact too.
		expect(moneyFormat(null)).toBe('money');
	});

	it('counts centres with no one selected apart from unknown costs under the histogram', () => {
		const empty = selectedFigures('zz', centres[0], false, selection({}));
		const { gaps } = costHistogram([{ ...centres[0], ...empty }], 'Ośrodki');
		expect(gaps).toEqual({ unknown: 0, hidden: 0, omitted: 0, empty: 1 });
	});
});

describe('the filters in words', () => {
	it('names each active filter with its values, as an export header says them', () => {
		expect(filterWords({ years: [2010, 2011], sex: ['K'], ageBands: ['18-24'], priceBase: 2014 })).toEqual(['Rok edycji: 2010, 2011', 'Płeć: kobieta', 'Wiek przy wejściu: 18–24 lata', 'Ceny: ceny stałe 2014 r.']);
		expect(filterWords({ years: [], sex: [], ageBands: [], priceBase: null })).toEqual([]);
	});
});

describe('the national compare view’s chart and address', () => {
	const labels = { employment: 'Pracujący', completion: 'Ukończyli' };
	it('draws each shown rate with its interval, hatches synthetic ones, and names a hidden or unknown one instead of drawing it', () => {
		const chart = compareChart([centres[0], centres[1], published], labels);
		expect(chart.categories).toEqual(['GOPS a', 'GOPS b', 'GOPS 1808011']);
		const [employment, completion] = chart.series;
		expect(employment.values[0]).toBeCloseTo(20);
		expect(employment.low![0]).toBeLessThan(20);
		expect(employment.high![0]).toBeGreaterThan(20);
		expect(employment.values[1]).toBeNull();
		expect(employment.notes).toEqual([null, 'hidden_small', null]);
		expect(employment.synthetic).toEqual([true, false, false]);
		expect(completion.synthetic).toEqual([true, true, true]);
	});

	it('keeps the chosen centres and the filters in one address, none of either giving none', () => {
		expect(compareHref(['1808011', '1261011'], { years: [2010], sex: ['K'], ageBands: [], priceBase: null })).toBe('/polska/porownanie/?osrodki=1808011%2C1261011&lata=2010&plec=K');
		expect(compareHref([], { years: [], sex: [], ageBands: [], priceBase: null })).toBe('/polska/porownanie/');
		expect(yearsOf([2008, 2011])).toEqual([2008, 2009, 2010, 2011]);
	});
});
