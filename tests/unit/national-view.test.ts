// The national page's derived figures: the cost histogram counts every centre with a known cost once and marks
// a bin synthetic only where a synthetic cost is in it; the funnel leaves hidden rates off and counts them.
import { describe, expect, it } from 'vitest';
import { costHistogram, costSpread, funnelPoints, funnelTarget } from '../../src/routes/polska/[[voivodeship=voivodeship]]/[[powiat=powiat]]/view';
import { expandCentre, type CentrePoint, type NationalUnit } from '../../src/lib/national';

const synthetic = (code: string, n: number, employed: number | null, cost: number) => expandCentre([code, `GOPS ${code}`, code, 'p', n, employed, 10, cost]);
const published: CentrePoint = {
	...synthetic('1808011', 25, 3, 0),
	employment: { kind: 'published', k: 3, n: 25, sources: ['lezajsk-page'], rate: 0.12, low: 0.04, high: 0.3 },
	costPerParticipant: { kind: 'published', value: 15414.61, sources: ['lezajsk-page'], derived: true },
	page: 'lezajsk'
};
const centres = [synthetic('a', 100, 20, 8100), synthetic('b', 200, null, 8300), synthetic('c', 50, 5, 9050), published, { ...synthetic('d', 40, 8, 0), costPerParticipant: { kind: 'unknown' } as const }];

describe('national page figures', () => {
	it('bins every known cost once, hatching only bins with a synthetic cost in them', () => {
		const { chart, unknown } = costHistogram(centres, 'Ośrodki');
		expect(unknown).toBe(1);
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
