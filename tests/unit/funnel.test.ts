// Funnel-plot limits against values worked by hand: exact binomial sums in rational arithmetic (Python's
import fc from 'fast-check';
// fractions), Spiegelhalter's interpolation (2005, appendix A.1.1), then rounded only at the end.
import { describe, expect, it } from 'vitest';
import { funnelConfig, funnelData, logTickLabel, sameFunnel } from '../../src/lib/charts/funnel-config';
import { funnelCurve, funnelLimit, funnelLimits, funnelPlace, funnelPlaceByLimits } from '../../src/lib/stats/funnel';

describe('funnel limits', () => {
	it.each([
		[0.3, 10, 0.975, 0.560802140354076],
		[0.3, 100, 0.975, 0.386912014163788],
		[0.3, 100, 0.025, 0.20690238579107295],
		[0.5, 20, 0.001, 0.1367357894736842],
		[0.5, 20, 0.999, 0.8132642105263158],
		[0.25, 1000, 0.999, 0.2925164305892365],
		[0.25, 1000, 0.001, 0.2079310977085805]
	])('target %f, n %i, p %f: %f', (target, n, p, worked) => {
		expect(funnelLimit(target, n, p)).toBeCloseTo(worked, 9);
	});

	it('clamps at 0 where the interpolation steps below the scale (worked value -0.0115 for 0.3, 10, 0.025)', () => {
		expect(funnelLimit(0.3, 10, 0.025)).toBe(0);
	});

	it('narrows as n grows, towards the normal approximation', () => {
		const curve = funnelCurve(0.4, 5000);
		for (let i = 1; i < curve.length; i++) expect(curve[i].control[1] - curve[i].control[0]).toBeLessThanOrEqual(curve[i - 1].control[1] - curve[i - 1].control[0] + 1e-12);
		const big = funnelLimits(0.4, 5000);
		expect(big.warning[1]).toBeCloseTo(0.4 + 1.96 * Math.sqrt((0.4 * 0.6) / 5000), 3);
		expect(big.control[0]).toBeCloseTo(0.4 - 3.09 * Math.sqrt((0.4 * 0.6) / 5000), 3);
	});

	it('places centres: 30 of 100 against 0.5 is far below; 45 of 100 is within; 70 of 100 is far above', () => {
		expect(funnelPlace(30, 100, 0.5)).toBe('below_control');
		expect(funnelPlace(45, 100, 0.5)).toBe('within');
		expect(funnelPlace(61, 100, 0.5)).toBe('above_warning');
		expect(funnelPlace(70, 100, 0.5)).toBe('above_control');
	});

	it('refuses an impossible group or rate instead of drawing nonsense', () => {
		expect(() => funnelLimit(0.3, 0, 0.5)).toThrow(RangeError);
		expect(() => funnelLimit(1.2, 10, 0.5)).toThrow(RangeError);
		expect(() => funnelLimit(0.3, 10, 1)).toThrow(RangeError);
	});
});

describe('funnel plot colours', () => {
	const theme = { text: 'text', muted: 'muted', grid: 'grid', surface: 'surface', imported: 'imported' };
	const words = { place: { above_control: 'a', above_warning: 'b', within: 'c', below_warning: 'd', below_control: 'e' }, target: 't', warning: 'w', control: 'k', axisX: 'n', axisY: '%', point: () => '' };

	it('draws axes, limits and point outlines in the theme’s colours', () => {
		const data = funnelData([{ code: 'a', name: 'A', k: 5, n: 20, low: 0.1, high: 0.4 }, { code: 'b', name: 'B', k: 90, n: 100, low: 0.8, high: 0.95 }], 0.4);
		const config = funnelConfig(data, words, theme);
		const scales = config.options!.scales as Record<'x' | 'y', { ticks: { color: string }; grid: { color: string }; title: { color: string } }>;
		for (const axis of [scales.x, scales.y]) expect([axis.ticks.color, axis.grid.color, axis.title.color]).toEqual(['text', 'grid', 'text']);
		const datasets = config.data.datasets as { label: string; borderColor: string; data: unknown[] }[];
		const lines = datasets.filter((d) => ['t', 'w', 'k'].includes(d.label.trim()));
		expect(lines.length).toBe(5);
		for (const line of lines) expect(line.borderColor).toBe('muted');
		expect(datasets.find((d) => d.label === 'c')!.borderColor).toBe('surface');
		expect(datasets.find((d) => d.label === 'a')!.borderColor).toBe('text');
	});
});

describe('the funnel’s log axis', () => {
	it('labels 1, 2, 3 and 5 of each power of ten and nothing between, so the top of a decade does not crowd', () => {
		const ticks = [10, 15, 20, 30, 50, 70, 100, 150, 200, 300, 500, 700, 800, 900, 1000, 2000, 5000, 10_000];
		const labels = ticks.map(logTickLabel);
		expect(labels.filter(Boolean).map((l) => l.replace(/\s/g, ' '))).toEqual(['10', '20', '30', '50', '100', '200', '300', '500', '1000', '2000', '5000', '10 000']);
		expect(labels.slice(11, 14)).toEqual(['', '', '']);
		expect([logTickLabel(0), logTickLabel(-5), logTickLabel(Number.NaN)]).toEqual(['', '', '']);
		// The chart's own x axis writes its ticks so.
		const theme = { text: 'text', muted: 'muted', grid: 'grid', surface: 'surface', imported: 'imported' };
		const words = { place: { above_control: 'a', above_warning: 'b', within: 'c', below_warning: 'd', below_control: 'e' }, target: 't', warning: 'w', control: 'k', axisX: 'n', axisY: '%', point: () => '' };
		const config = funnelConfig(funnelData([{ code: 'a', name: 'A', k: 5, n: 20, low: 0.1, high: 0.4 }, { code: 'b', name: 'B', k: 90, n: 900, low: 0.08, high: 0.12 }], 0.2), words, theme);
		const x = (config.options!.scales as Record<'x', { ticks: { callback: (value: number) => string } }>).x;
		expect([500, 700, 800, 900].map((v) => x.ticks.callback(v))).toEqual(['500', '', '', '']);
	});
});

// The funnel's drawn key (FunnelPlot.svelte): equal funnels cost no redraw, and any difference a reader could see
// draws again. What it compares is everything funnelConfig draws or says of a point.
describe('sameFunnel', () => {
	const points = [
		{ code: '1808011', name: 'MOPS Leżajsk', k: 5, n: 20, low: 0.1, high: 0.4 },
		{ code: '0209032', name: 'OPS Chocianów', k: 90, n: 100, low: 0.8, high: 0.95 }
	];
	const base = funnelData(points, 0.4);

	it('holds an equal funnel made anew (another answer with the same figures) the same', () => {
		expect(sameFunnel(base, funnelData(structuredClone(points), 0.4))).toBe(true);
		expect(sameFunnel(base, structuredClone(base))).toBe(true);
	});

	it.each(['code', 'name', 'k', 'n', 'low', 'high', 'place'] as const)('tells a funnel apart whose second point has another %s', (field) => {
		const other = structuredClone(base);
		const p = other.points[1];
		(p as unknown as Record<string, unknown>)[field] = typeof p[field] === 'number' ? (p[field] as number) + 1 : field === 'place' ? (p.place === 'within' ? 'above_control' : 'within') : `${p[field]}x`;
		expect(sameFunnel(base, other)).toBe(false);
	});

	it('tells apart another target, another limit, and a point more or fewer', () => {
		expect(sameFunnel(base, funnelData(points, 0.41))).toBe(false);
		const limit = structuredClone(base);
		limit.curve[40].control[1] += 1e-9;
		expect(sameFunnel(base, limit)).toBe(false);
		expect(sameFunnel(base, funnelData(points.slice(0, 1), 0.4))).toBe(false);
		expect(sameFunnel(base, funnelData([...points, { ...points[0], code: '1808012' }], 0.4))).toBe(false);
	});
});

describe('funnelPlace from two CDF values', () => {
	it('places every k of n as the drawn limits do (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 3000 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n, target, share) => {
				const k = Math.round(share * n);
				expect(funnelPlace(k, n, target)).toBe(funnelPlaceByLimits(k, n, target));
			}),
			{ numRuns: 2000, seed: 2005 }
		);
	});

	it('agrees at the edges: every k of a small and a large group', () => {
		for (const [n, target] of [[7, 0.2], [40, 0.88], [1200, 0.17]] as const)
			for (let k = 0; k <= n; k++) expect(funnelPlace(k, n, target), `${k} of ${n} around ${target}`).toBe(funnelPlaceByLimits(k, n, target));
	});
});
