// Chart shaping: what each bar, gap, hatch and whisker says, without a browser.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDatabase } from '../../src/lib/db/node';
import { fetchOverview, type Overview } from '../../src/lib/queries/overview';
import { DEFAULT_FILTERS } from '../../src/lib/queries/filters';
import { costChart, costDescription, employmentChart, employmentDescription, participantsChart, participantsDescription, supportMixChart } from '../../src/lib/charts/series';
import { barConfig } from '../../src/lib/charts/bar-config';

let overview: Overview;
beforeAll(async () => {
	overview = await fetchOverview(createNodeDatabase(resolve(import.meta.dirname, '../../static/data')), DEFAULT_FILTERS);
}, 60_000);

const at = <T>(categories: string[], values: T[], label: string) => values[categories.findIndex((c) => c.startsWith(label))];

describe('participants chart', () => {
	it('splits contracts and PAL only where the page does, and marks unknown editions', () => {
		const chart = participantsChart(overview.editions);
		const [contracts, local, unsplit] = chart.series;
		expect(at(chart.categories, contracts.values, 'OPS Janów Lubelski · 2013')).toBe(17);
		expect(at(chart.categories, local.values, 'OPS Janów Lubelski · 2013')).toBe(20);
		expect(at(chart.categories, unsplit.values, 'OPS Chocianów · 2012')).toBe(8);
		expect(at(chart.categories, contracts.values, 'OPS Chocianów · 2012')).toBeNull();
		expect(at(chart.categories, chart.missing!, 'MOPS Leżajsk · 2009')).toBe('not_published');
		expect(chart.categories).toContain('OPS Gmina Leszno · rok nieznany');
		expect(participantsDescription(overview.editions)).toContain('Dla 4 z 9 edycji strony nie podają liczby uczestników.');
	});
});

describe('employment chart', () => {
	it('draws published and synthetic rates with whiskers, and says why a bar is missing', () => {
		const chart = employmentChart(overview.centres, 'all');
		const [rates] = chart.series;
		expect(at(chart.categories, rates.values, 'MOPS Leżajsk (n = 25)')).toBe(12);
		expect(at(chart.categories, rates.low!, 'MOPS Leżajsk')).toBe(4.2);
		expect(at(chart.categories, rates.high!, 'MOPS Leżajsk')).toBe(30);
		expect(at(chart.categories, rates.synthetic!, 'MOPS Leżajsk')).toBe(false);
		expect(at(chart.categories, chart.missing!, 'OPS Chocianów')).toBe('hidden_small');
		expect(employmentDescription(overview.centres, 'all')).toContain('MOPS Leżajsk: 12%, 3 z 25, 95% PU 4%–30% (opublikowane)');
	});

	it('keeps only the published rate in the "published only" view', () => {
		const chart = employmentChart(overview.centres, 'published');
		expect(chart.series[0].synthetic!.some(Boolean)).toBe(false);
		expect(chart.series[0].values.filter((v) => v !== null)).toEqual([12]);
		expect(at(chart.categories, chart.missing!, 'OPS Gmina Leszno')).toBe('published_only');
	});
});

describe('cost chart', () => {
	it('has bars only where a budget is published, and "nie opublikowano" elsewhere', () => {
		const chart = costChart(overview.centres);
		expect(chart.series[0].values).toEqual([null, 9552.86, null, 15414.61, null]);
		expect(chart.missing).toEqual(['not_published', null, 'not_published', null, 'not_published']);
		expect(costDescription(overview.centres).replace(/\u00a0/g, ' ')).toBe(
			'Koszt na uczestnika: OPS Janów Lubelski 9552,86 zł, MOPS Leżajsk 15 414,61 zł. Nie opublikowano budżetu: OPS Chocianów, OPS Gmina Leszno, OPS Świebodzice.'
		);
	});
});

describe('support mix chart', () => {
	it('stacks to 100% per centre where nothing is hidden, and hides shares behind fewer than 5 people', () => {
		const chart = supportMixChart(overview.supportMix, overview.centres);
		expect(chart.series.map((s) => s.label)).toEqual(['aktywizacja społeczna', 'aktywizacja zawodowa', 'aktywizacja edukacyjna', 'aktywizacja zdrowotna', 'praca socjalna', 'wsparcie finansowe']);
		overview.supportMix.forEach((centre, i) => {
			const shown = chart.series.map((s) => s.values[i]);
			if (centre.forms.every((f) => f.share !== null)) expect(shown.reduce((a, b) => a! + b!, 0)).toBeCloseTo(100, 0);
			// A head count may hide for the linked tables' sake while its money still shows; a share never shows alone.
			centre.forms.forEach((f, k) => {
				if (f.share === null) expect(shown[k]).toBeNull();
				// Unfiltered, the mix carries its head counts (the centre pages' own); only a participant filter drops them.
				expect(f.participants).not.toBeUndefined();
				if (f.participants !== null && f.participants !== undefined) expect(f.participants === 0 || f.participants >= 5).toBe(true);
			});
		});
		// All synthetic, so every bar is hatched and every table value badged.
		expect(chart.series.every((s) => s.synthetic!.every(Boolean))).toBe(true);
		const lezajsk = overview.supportMix.find((m) => m.centreId === 'lezajsk')!;
		expect(lezajsk.totalCostPln).toBe(385365.31);
		expect(lezajsk.forms.find((f) => f.form === 'financial')!.costPln).toBe(40463.36);
	});
});

describe('bar chart configuration', () => {
	const paint = (color: string) => `hatched ${color}`;
	// Names for colours, so a test sees which token each part of a chart is drawn in.
	const theme = { text: 'text', muted: 'muted', grid: 'grid', surface: 'surface', imported: 'imported' };

	it('paints synthetic bars with the hatch and keeps gaps as nulls, not zeros', () => {
		const config = barConfig(employmentChart(overview.centres, 'all'), { axisLabel: '%', format: String, horizontal: true }, theme, paint);
		const dataset = config.data.datasets[0] as unknown as { data: Record<string, number | null>[]; backgroundColor: string[] };
		expect(config.type).toBe('barWithErrorBars');
		const leszno = overview.centres.findIndex((c) => c.centreId === 'leszno');
		expect(dataset.backgroundColor[leszno]).toBe('hatched #009E73');
		const chocianow = overview.centres.findIndex((c) => c.centreId === 'chocianow');
		expect(dataset.data[chocianow].x).toBeNull();
		expect(dataset.data[leszno]).toMatchObject({ y: leszno, x: 0, xMin: 0 });
	});

	it('uses pre-parsed data and no animation for plain bars', () => {
		const config = barConfig(costChart(overview.centres), { axisLabel: 'zł', format: String }, theme, paint);
		expect(config.type).toBe('bar');
		expect(config.options!.parsing).toBe(false);
		expect(config.options!.animation).toBe(false);
	});

	it('draws axes, words, outlines and whiskers in the theme’s colours, so a dark page gets a readable chart', () => {
		const config = barConfig(employmentChart(overview.centres, 'all'), { axisLabel: '%', format: String, horizontal: true }, theme, paint);
		const scales = config.options!.scales as Record<'x' | 'y', { ticks: { color: string }; grid: { color: string }; border: { color: string }; title?: { color: string } }>;
		for (const axis of [scales.x, scales.y]) expect([axis.ticks.color, axis.grid.color, axis.border.color]).toEqual(['text', 'grid', 'muted']);
		expect(scales.x.title!.color).toBe('text');
		const plugins = config.options!.plugins as { legend: { labels: { color: string } }; missingLabels: { color: string } };
		expect(plugins.legend.labels.color).toBe('text');
		expect(plugins.missingLabels.color).toBe('muted');
		const dataset = config.data.datasets[0] as unknown as { borderColor: string[]; errorBarColor: string; errorBarWhiskerColor: string };
		expect(new Set(dataset.borderColor)).toEqual(new Set(['text']));
		expect([dataset.errorBarColor, dataset.errorBarWhiskerColor]).toEqual(['text', 'text']);
	});
});

describe('figures from the user’s files in charts', () => {
	it('outline a bar with imported rows, hatch it only while synthetic rows are in it too, and badge its table cell', () => {
		const [first, second] = overview.centres;
		const rate = { kind: 'synthetic' as const, k: 6, n: 12, sources: [], rate: 0.5, low: 0.25, high: 0.75 };
		const chart = employmentChart([{ ...first, employment: { ...rate, imported: 'all' } }, { ...second, employment: { ...rate, imported: 'some' } }], 'all');
		expect(chart.series[0].imported).toEqual([true, true]);
		expect(chart.series[0].synthetic).toEqual([false, true]);
		expect(employmentDescription([{ ...first, employment: { ...rate, imported: 'all' } }], 'all')).toContain('(z pliku)');
	});
});
