// Plain bar-chart data to a Chart.js configuration: hatching for synthetic bars, 95% whiskers where given,
// and a written reason ("nie opublikowano", "ukryte") where a bar is absent, so a gap is never read as zero.
import type { ChartConfiguration, ChartType, Plugin, Scale } from 'chart.js';
import type { MissingReason } from '../queries/cells';
import { ui } from '../i18n';
import { axisColours, type ChartTheme } from './theme';

export interface BarSeries {
	label: string;
	color: string;
	values: (number | null)[];
	/** Per bar: drawn hatched, because the figure is synthetic. */
	synthetic?: boolean[];
	/** Computed by us from published figures (a budget over participants): marked „wyliczone”, not „źródło”. */
	derived?: boolean;
	/** Per bar: outlined in purple, because the figure includes rows from the user's own files. */
	imported?: boolean[];
	low?: (number | null)[];
	high?: (number | null)[];
	/** Per bar: why it is absent, where that differs across series (its table cell says it). */
	notes?: (MissingReason | null)[];
}

export type ChartUnit = 'number' | 'percent' | 'money';

export interface BarChartData {
	categories: string[];
	series: BarSeries[];
	/** Per category: why nothing is drawn there (null where a bar is drawn). */
	missing?: (MissingReason | null)[];
	/** What the values are: plain numbers (counts), percentages (0–100) or złoty; sets the number format of the data table and exports. */
	unit: ChartUnit;
}

export interface BarChartOptions {
	horizontal?: boolean;
	stacked?: boolean;
	axisLabel: string;
	format: (value: number) => string;
	/** Axis ticks, where the exact format is too long (whole złoty instead of grosze). */
	tickFormat?: (value: number) => string;
	max?: number;
}

type Paint = (color: string) => string | CanvasPattern;

/** Where each category's bar is absent and why: read from the chart's own options, so an update replaces it. */
export interface MissingLabelsOptions {
	texts: (string | null)[];
	horizontal: boolean;
	color: string;
}

declare module 'chart.js' {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	interface PluginOptionsByType<TType extends ChartType> {
		missingLabels?: MissingLabelsOptions;
	}
}

/**
 * Draws each category's `missing` text where its bar would start. One plugin object for every chart, reading
 * its texts from `options.plugins.missingLabels`: an in-place update swaps options, never a chart's inline
 * plugins, so texts held by the plugin itself would outlive the data they were made for.
 */
export const missingLabels: Plugin<'bar', MissingLabelsOptions> = {
	id: 'missingLabels',
	afterDatasetsDraw(chart, _args, options) {
		const { texts, horizontal, color } = options;
		if (!texts?.some(Boolean)) return;
		const { ctx, scales } = chart;
		const index = horizontal ? scales.y : scales.x;
		const value = horizontal ? scales.x : scales.y;
		ctx.save();
		ctx.font = 'italic 12px system-ui, sans-serif';
		ctx.fillStyle = color;
		ctx.textBaseline = 'middle';
		texts.forEach((text, i) => {
			if (!text) return;
			const at = index.getPixelForValue(i);
			if (horizontal) ctx.fillText(text, value.getPixelForValue(0) + 6, at);
			else {
				ctx.save();
				ctx.translate(at, value.getPixelForValue(0) - 6);
				ctx.rotate(-Math.PI / 2);
				ctx.fillText(text, 0, 0);
				ctx.restore();
			}
		});
		ctx.restore();
	}
};

/** Characters of a category label per line at a chart's width: two-fifths of it, at about 7 px a character. */
export const labelChars = (width: number) => Math.max(12, Math.floor((width * 0.4) / 7));

/** A label in lines of at most `max` characters, broken between words (a single longer word keeps its line). */
export function wrapLabel(label: string, max: number): string | string[] {
	if (label.length <= max) return label;
	const lines: string[] = [];
	for (const word of label.split(' ')) {
		const last = lines.length - 1;
		if (last >= 0 && `${lines[last]} ${word}`.length <= max) lines[last] = `${lines[last]} ${word}`;
		else lines.push(word);
	}
	return lines;
}

/** An axis title with its parenthesis on a line of its own: "zł na uczestnika (ceny bieżące)" in two lines. */
export const titleLines = (title: string): string | string[] => {
	const at = title.indexOf(' (');
	return at > 0 ? [title.slice(0, at), title.slice(at + 1)] : title;
};

/** The category axis's tick callback: each label wrapped to the width of the chart it is drawn in. */
const wrappedLabel = (categories: string[]) =>
	function (this: Scale, _value: number | string, index: number) {
		return wrapLabel(categories[index] ?? '', labelChars(this.chart.width));
	};

/**
 * `theme` colours the axes, outlines, whiskers and words in the page's scheme; `paint` hatches a synthetic bar on
 * the theme's surface. `onSelect` gets the category index of a clicked bar and the index of its series (the
 * segment, in a stack): the page turns them into a filter (cross-filtering).
 */
const countsOnly = (data: BarChartData) => data.unit === 'number' && data.series.every((s) => s.values.every((v) => v === null || Number.isInteger(v)));

export function barConfig(data: BarChartData, options: BarChartOptions, theme: ChartTheme, paint: Paint, onSelect?: (index: number, series: number) => void): ChartConfiguration {
	const axis = axisColours(theme);
	const horizontal = options.horizontal ?? false;
	const withErrors = data.series.some((s) => s.low);
	const valueAxis = horizontal ? 'x' : 'y';
	const indexAxis = horizontal ? 'y' : 'x';
	return {
		type: (withErrors ? 'barWithErrorBars' : 'bar') as 'bar',
		data: {
			labels: data.categories,
			datasets: data.series.map((s) => ({
				label: s.label,
				// Pre-shaped points: Chart.js skips its parsing pass.
				data: s.values.map((v, i) => ({
					[indexAxis]: i,
					[valueAxis]: v,
					...(s.low && s.high ? { [`${valueAxis}Min`]: s.low[i], [`${valueAxis}Max`]: s.high[i] } : {})
				})),
				backgroundColor: s.values.map((_, i) => (s.synthetic?.[i] ? paint(s.color) : s.color)),
				// An outline in the text colour gives every bar (and legend box) 3:1 against the plot and its stacked
				// neighbour (WCAG 1.4.11) in either scheme: on white the light fills alone, orange and sky blue, have
				// about 2.3:1, and on the dark surface the blue has about 3:1. So the fills stay the same in both.
				borderColor: s.values.map((_, i) => (s.imported?.[i] ? theme.imported : theme.text)),
				borderWidth: s.values.map((_, i) => (s.imported?.[i] ? 3 : s.synthetic ? 1.5 : 1)),
				...(s.low ? { errorBarColor: theme.text, errorBarWhiskerColor: theme.text } : {})
			})) as never,
		},
		options: {
			indexAxis,
			onClick: onSelect ? (_event, elements) => elements[0] && onSelect(elements[0].index, elements[0].datasetIndex) : undefined,
			onHover: onSelect ? (event, elements) => ((event.native?.target as HTMLElement | null)?.style.setProperty('cursor', elements.length ? 'pointer' : 'default')) : undefined,
			parsing: withErrors ? undefined : false,
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			normalized: true,
			scales: {
				[indexAxis]: {
					type: 'category',
					labels: data.categories,
					stacked: options.stacked ?? false,
					grid: axis.grid,
					border: axis.border,
					ticks: {
						...axis.ticks,
						autoSkip: false,
						// Beside a horizontal bar a long name takes at most two-fifths of the chart's width, in lines, so a
						// phone's narrow chart never cuts it at the canvas's edge.
						...(horizontal ? { callback: wrappedLabel(data.categories) } : {})
					}
				},
				[valueAxis]: {
					type: 'linear',
					beginAtZero: true,
					stacked: options.stacked ?? false,
					max: options.max,
					// Upright, the title runs along the plot's height: its parenthesis on a second line, so it is not cut.
					title: { ...axis.title, display: true, text: horizontal ? options.axisLabel : titleLines(options.axisLabel) },
					grid: axis.grid,
					border: axis.border,
					ticks: {
						...axis.ticks,
						// Counts tick in whole numbers: a histogram of a few centres otherwise reads 0, 0, 0, 1, 1, 1 (0.2 steps
						// rounded by the format). Only where every value is whole, so a user's fractions keep their ticks.
						...(countsOnly(data) ? { precision: 0 } : {}),
						callback: (v: number | string) => (options.tickFormat ?? options.format)(Number(v))
					}
				}
			},
			plugins: {
				missingLabels: { texts: data.categories.map((_, i) => (data.missing?.[i] ? ui.reason(data.missing[i]).label : null)), horizontal, color: theme.muted } satisfies MissingLabelsOptions,
				legend: { display: data.series.length > 1, position: 'bottom', labels: { color: theme.text } },
				tooltip: {
					callbacks: {
						label: (item) => {
							const v = (item.raw as Record<string, number | null>)[valueAxis];
							return `${item.dataset.label}: ${v === null || v === undefined ? '—' : options.format(v)}`;
						}
					}
				}
			}
		},
		plugins: [missingLabels as Plugin]
	};
}
