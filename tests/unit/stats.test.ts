import { describe, expect, it } from 'vitest';
import { wilson } from '../../src/lib/stats/wilson';
import { proportionDifference } from '../../src/lib/stats/difference';
import { rateIsDisclosive, suppressBreakdown } from '../../src/lib/stats/disclosure';

describe('Wilson 95% interval', () => {
	// 81/263 is Newcombe (1998), Stat Med 17:857, table I; the others worked by hand from the score formula.
	it.each([
		[3, 25, 0.0417, 0.2996],
		[0, 8, 0, 0.3244],
		[8, 8, 0.6756, 1],
		[81, 263, 0.2553, 0.3662]
	])('k=%d, n=%d → [%f, %f]', (k, n, low, high) => {
		const interval = wilson(k, n);
		expect(interval.rate).toBeCloseTo(k / n, 10);
		expect(interval.low).toBeCloseTo(low, 4);
		expect(interval.high).toBeCloseTo(high, 4);
	});

	it('is wider for a smaller group with the same rate', () => {
		const small = wilson(2, 8);
		const large = wilson(20, 80);
		expect(small.high - small.low).toBeGreaterThan(large.high - large.low);
	});

	it('refuses impossible counts', () => {
		expect(() => wilson(5, 4)).toThrow(RangeError);
		expect(() => wilson(1, 0)).toThrow(RangeError);
		expect(() => wilson(1.5, 4)).toThrow(RangeError);
	});
});

describe('difference of two proportions, Newcombe hybrid score interval', () => {
	// 56/70 − 48/80: the worked example of Newcombe (1998), Stat Med 17:873, method 10 (0.2000, 0.0524 to 0.3339),
	// reproduced here. 0/10 − 0/10: the Wilson upper limit of 0/10 is z²/(10 + z²) = 3.8415/13.8415 = 0.2775, so the
	// interval is ±0.2775. 5/10 − 5/10: Wilson at 1/2 is symmetric, half-width 0.2634, so ±√2 × 0.2634 = ±0.3725.
	it.each([
		[56, 70, 48, 80, 0.2, 0.0524, 0.3339, false],
		[48, 80, 56, 70, -0.2, -0.3339, -0.0524, false],
		[0, 10, 0, 10, 0, -0.2775, 0.2775, true],
		[5, 10, 5, 10, 0, -0.3725, 0.3725, true]
	])('%d/%d − %d/%d → %f [%f, %f]', (k1, n1, k2, n2, difference, low, high, withinNoise) => {
		const d = proportionDifference(k1, n1, k2, n2);
		expect(d.difference).toBeCloseTo(difference, 10);
		expect(d.low).toBeCloseTo(low, 4);
		expect(d.high).toBeCloseTo(high, 4);
		expect(d.withinNoise).toBe(withinNoise);
	});

	it('is built from the two Wilson intervals', () => {
		const a = wilson(56, 70);
		const b = wilson(48, 80);
		const d = proportionDifference(56, 70, 48, 80);
		expect(d.low).toBeCloseTo(0.2 - Math.hypot(a.rate - a.low, b.high - b.rate), 12);
		expect(d.high).toBeCloseTo(0.2 + Math.hypot(a.high - a.rate, b.rate - b.low), 12);
	});

	it('treats identical proportions as noise, whatever the group sizes', () => {
		for (const [k1, n1, k2, n2] of [[3, 25, 3, 25], [2, 8, 5, 20], [0, 8, 0, 37], [37, 37, 8, 8]]) {
			const d = proportionDifference(k1, n1, k2, n2);
			expect(d.difference).toBe(0);
			expect(d.withinNoise).toBe(true);
		}
	});

	it('stays within −1 and 1 at the extremes', () => {
		const d = proportionDifference(8, 8, 0, 25);
		expect(d.difference).toBe(1);
		expect(d.high).toBeLessThanOrEqual(1);
		expect(d.low).toBeGreaterThan(0);
	});

	it('refuses impossible counts, as wilson() does', () => {
		expect(() => proportionDifference(5, 4, 1, 2)).toThrow(RangeError);
		expect(() => proportionDifference(1, 2, 0, 0)).toThrow(RangeError);
	});
});

describe('disclosure control', () => {
	it('hides counts from 1 to 4 and keeps zeros and counts of 5 or more', () => {
		const cells = suppressBreakdown([
			{ key: 'a', count: 0 },
			{ key: 'b', count: 4 },
			{ key: 'c', count: 5 },
			{ key: 'd', count: 3 },
			{ key: 'e', count: 9 }
		]);
		expect(cells.map((c) => c.count)).toEqual([0, null, 5, null, 9]);
		expect(cells.map((c) => c.suppressed)).toEqual([null, 'primary', null, 'primary', null]);
	});

	it('hides a second cell when a lone hidden cell could be recovered from the total', () => {
		const counts = [
			{ key: 'K', count: 3 },
			{ key: 'M', count: 15 }
		];
		const total = 18;
		const cells = suppressBreakdown(counts);
		// An attacker who knows the total subtracts every visible cell: nothing is left to learn.
		const visible = cells.reduce((sum, c) => sum + (c.count ?? 0), 0);
		const hidden = cells.filter((c) => c.count === null);
		expect(hidden).toHaveLength(2);
		expect(total - visible).toBe(18);
		expect(cells.find((c) => c.key === 'M')!.suppressed).toBe('secondary');
	});

	it('picks the smallest visible cell for secondary suppression', () => {
		const cells = suppressBreakdown([
			{ key: 'a', count: 2 },
			{ key: 'b', count: 7 },
			{ key: 'c', count: 6 },
			{ key: 'd', count: 20 }
		]);
		expect(cells.map((c) => c.suppressed)).toEqual(['primary', null, 'secondary', null]);
	});

	it('treats a rate as disclosive when either side of it is a small cell', () => {
		expect(rateIsDisclosive(3, 25)).toBe(true);
		expect(rateIsDisclosive(22, 25)).toBe(true);
		expect(rateIsDisclosive(5, 10)).toBe(false);
		expect(rateIsDisclosive(0, 8)).toBe(false);
		expect(rateIsDisclosive(7, 8)).toBe(true);
	});
});
