// A chart's written reasons ("nie opublikowano", "ukryte") come from its current data only: Chart.js updates a
// chart in place by swapping data and options and keeps the inline plugins it was created with.
import { describe, expect, it } from 'vitest';
import type { Chart, Plugin } from 'chart.js';
import { barConfig, type BarChartData } from '../../src/lib/charts/bar-config';

const options = { horizontal: true, axisLabel: 'zł', format: String };
const paint = (color: string) => color;
const theme = { text: 'text', muted: 'muted', grid: 'grid', surface: 'surface', imported: 'imported' };

/** A chart as the plugin sees it: scales that place category i at pixel 10·i, and a context that records text. */
function fakeChart() {
	const drawn: string[] = [];
	const scale = { getPixelForValue: (v: number) => v * 10 };
	const ctx = { save() {}, restore() {}, translate() {}, rotate() {}, fillText: (text: string) => drawn.push(text) };
	return { chart: { ctx, scales: { x: scale, y: scale } } as unknown as Chart, drawn };
}

/** Chart.js's in-place update: the first config's inline plugins, the next config's options. */
function drawAfterUpdate(first: BarChartData, next: BarChartData) {
	const created = barConfig(first, options, theme, paint);
	const updated = barConfig(next, options, theme, paint);
	const { chart, drawn } = fakeChart();
	for (const plugin of (created.plugins ?? []) as Plugin[]) {
		const own = (updated.options?.plugins as Record<string, unknown> | undefined)?.[plugin.id] ?? {};
		(plugin.afterDatasetsDraw as ((chart: Chart, args: object, options: unknown) => void) | undefined)?.(chart, { cancelable: false }, own);
	}
	return drawn;
}

describe('missing-bar labels after an update in place', () => {
	const all: BarChartData = {
		categories: ['OPS Chocianów', 'OPS Janów Lubelski', 'MOPS Leżajsk'],
		unit: 'money',
		series: [{ label: 'koszt', color: '#000', values: [null, 12_000, 15_414.61] }],
		missing: ['not_published', null, null]
	};
	const janowOnly: BarChartData = { categories: ['OPS Janów Lubelski'], unit: 'money', series: [{ label: 'koszt', color: '#000', values: [12_000] }], missing: [null] };

	it('draws no leftover label over a real bar once the data has changed', () => {
		expect(drawAfterUpdate(all, janowOnly)).toEqual([]);
	});

	it('draws the new data’s labels, not the old ones', () => {
		expect(drawAfterUpdate(janowOnly, all)).toEqual(['nie opublikowano']);
	});
});

describe('the value axis of counts', () => {
	const counts = (values: (number | null)[], unit: BarChartData['unit'] = 'number'): BarChartData => ({ categories: values.map((_, i) => `b${i}`), series: [{ label: 's', color: '#000', values }], unit });
	const ticks = (data: BarChartData) => (barConfig(data, { axisLabel: 'n', format: String }, theme, paint).options!.scales!.y!.ticks as { precision?: number });

	it('ticks in whole numbers where every value is a count (a histogram of a few centres read 0, 0, 0, 1, 1, 1)', () => {
		expect(ticks(counts([1, 1, 1, null, 1, 1])).precision).toBe(0);
	});

	it('keeps fractions and percentages free to tick between whole numbers', () => {
		expect(ticks(counts([0.2, 0.5])).precision).toBeUndefined();
		expect(ticks(counts([12, 40], 'percent')).precision).toBeUndefined();
	});
});
