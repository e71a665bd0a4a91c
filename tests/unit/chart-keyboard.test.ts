// Moving through a bar chart by keyboard, and what is said for each bar: pure rules, no browser.
import { describe, expect, it } from 'vitest';
import { describeBar, moveBar, type BarPosition, type BarWords } from '../../src/lib/charts/keyboard';
import type { BarChartData } from '../../src/lib/charts/bar-config';
import { pl } from '../../src/lib/i18n/pl';

// Three centres, two stacked series; B has no first segment, C is hidden.
const data: BarChartData = {
	unit: 'number',
	categories: ['A', 'B', 'C'],
	series: [
		{ label: 's1', color: '#000', values: [1, null, null], synthetic: [true, false, false] },
		{ label: 's2', color: '#000', values: [2, 3, null], low: [1, 2, null], high: [3, 4, null] }
	],
	missing: [null, null, 'hidden_small']
};
const words: BarWords = { reason: (code) => pl.reason(code).label, none: '—', synthetic: 'syntetyczne', imported: 'z pliku', interval: '95% PU', position: pl.chart.keys.position };

describe('moving between bars', () => {
	it.each<[BarPosition | null, string, boolean, BarPosition | null]>([
		[null, 'ArrowDown', true, { index: 0, series: 0 }],
		[null, 'End', true, { index: 0, series: 0 }],
		[{ index: 0, series: 0 }, 'ArrowDown', true, { index: 1, series: 1 }],
		[{ index: 1, series: 1 }, 'ArrowDown', true, { index: 2, series: 0 }],
		[{ index: 2, series: 0 }, 'ArrowDown', true, { index: 2, series: 0 }],
		[{ index: 1, series: 1 }, 'ArrowUp', true, { index: 0, series: 1 }],
		[{ index: 0, series: 0 }, 'ArrowRight', true, { index: 0, series: 1 }],
		[{ index: 0, series: 1 }, 'ArrowRight', true, { index: 0, series: 1 }],
		[{ index: 1, series: 1 }, 'ArrowLeft', true, { index: 1, series: 1 }],
		[{ index: 0, series: 1 }, 'Home', true, { index: 0, series: 1 }],
		[{ index: 0, series: 0 }, 'End', true, { index: 2, series: 0 }],
		// Upright bars: categories left to right, segments up and down.
		[{ index: 0, series: 0 }, 'ArrowRight', false, { index: 1, series: 1 }],
		[{ index: 0, series: 0 }, 'ArrowUp', false, { index: 0, series: 1 }],
		[{ index: 0, series: 0 }, 'Tab', true, null],
		[{ index: 0, series: 0 }, 'Enter', true, null]
	])('from %o, %s (horizontal %s) → %o', (at, key, horizontal, to) => {
		expect(moveBar(data, at, key, horizontal)).toEqual(to);
	});

	it('does nothing on a chart without categories', () => {
		expect(moveBar({ ...data, categories: [] }, null, 'ArrowDown', true)).toBeNull();
	});
});

describe('what is said for a bar', () => {
	const f = (v: number) => `${v} os.`;
	it('names the category, the series, the value with its interval and its mark, and where it stands', () => {
		expect(describeBar(data, { index: 0, series: 0 }, f, words)).toBe('A: s1: 1 os., syntetyczne. 1 z 3.');
		expect(describeBar(data, { index: 1, series: 1 }, f, words)).toBe('B: s2: 3 os. (95% PU 2 os.–4 os.). 2 z 3.');
	});

	it('says why a bar is absent, never a zero', () => {
		expect(describeBar(data, { index: 2, series: 0 }, f, words)).toBe('C: s1: ukryte. 3 z 3.');
	});

	it('leaves the series out where there is one', () => {
		const one: BarChartData = { unit: 'number', categories: ['A'], series: [{ label: 's', color: '#000', values: [null], notes: ['not_published'] }] };
		expect(describeBar(one, { index: 0, series: 0 }, f, words)).toBe('A: nie opublikowano. 1 z 1.');
	});
});
