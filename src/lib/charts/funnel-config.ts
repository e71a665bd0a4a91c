// A funnel plot as plain data and its Chart.js configuration: each centre's rate against its n on a log axis, the
// level's overall rate, and the 95% and 99.8% control limits along n (stats/funnel.ts). Pure, so it is tested in Node.
import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import { getLocale, INTL_LOCALE } from '../i18n/locale';
import { funnelCurve, funnelPlace, type FunnelLimits, type FunnelPlace } from '../stats/funnel';
import { axisColours, type ChartTheme } from './theme';
import { formatInteger } from '../format/number';

export interface FunnelPoint {
	code: string;
	name: string;
	k: number;
	n: number;
	low: number;
	high: number;
}

export interface FunnelData {
	points: (FunnelPoint & { place: FunnelPlace })[];
	target: number;
	curve: FunnelLimits[];
}

export function funnelData(points: FunnelPoint[], target: number): FunnelData {
	const ns = points.map((p) => p.n);
	const maxN = Math.max(10, ...ns);
	const minN = Math.min(maxN, ...ns);
	return {
		points: points.map((p) => ({ ...p, place: funnelPlace(p.k, p.n, target) })),
		target,
		curve: funnelCurve(target, Math.ceil(maxN * 1.15), 80, Math.max(1, Math.floor(minN * 0.85)))
	};
}

/**
 * Whether two funnels draw alike: the same target, limits and points (each centre's code, name, k, n, interval and
 * place). A loop that stops at the first difference, where a text of all 2,477 points took about 2 ms a change.
 */
export function sameFunnel(a: FunnelData, b: FunnelData): boolean {
	if (a === b) return true;
	if (a.target !== b.target || a.points.length !== b.points.length || a.curve.length !== b.curve.length) return false;
	for (let i = 0; i < a.curve.length; i++) {
		const [p, q] = [a.curve[i], b.curve[i]];
		if (p.n !== q.n || p.warning[0] !== q.warning[0] || p.warning[1] !== q.warning[1] || p.control[0] !== q.control[0] || p.control[1] !== q.control[1]) return false;
	}
	for (let i = 0; i < a.points.length; i++) {
		const [p, q] = [a.points[i], b.points[i]];
		if (p.code !== q.code || p.name !== q.name || p.k !== q.k || p.n !== q.n || p.low !== q.low || p.high !== q.high || p.place !== q.place) return false;
	}
	return true;
}

/** Colours that stay apart for colour-blind readers (ColorBrewer PuOr ends) and a quiet blue for the rest. The same
 * in both schemes: each point is outlined in the theme's text colour, which sets it off the plot. */
export const FUNNEL_COLOURS: Record<FunnelPlace, string> = {
	above_control: '#b35806',
	above_warning: '#e08214',
	within: '#6b8cae',
	below_warning: '#8073ac',
	below_control: '#542788'
};
const PLACES: FunnelPlace[] = ['within', 'above_warning', 'below_warning', 'above_control', 'below_control'];

export interface FunnelWords {
	place: Record<FunnelPlace, string>;
	target: string;
	warning: string;
	control: string;
	axisX: string;
	axisY: string;
	point: (p: FunnelPoint) => string;
}

type Xy = { x: number; y: number; code?: string };

/**
 * A log axis's tick as the funnel writes it: 1, 2, 3 and 5 of each power of ten, the rest unlabelled (a powiat's
 * narrow range, 20 to 80, still gets three). Chart.js also labels every tick in the axis's last fifth, which put 700,
 * 800 and 900 on top of one another at 1366 px.
 */
export function logTickLabel(value: number): string {
	if (!(value > 0)) return '';
	const significand = value / 10 ** Math.floor(Math.log10(value));
	return [1, 2, 3, 5].some((m) => Math.abs(significand - m) < 1e-9) ? formatInteger(value) : '';
}

export function funnelConfig(data: FunnelData, words: FunnelWords, theme: ChartTheme, onselect?: (code: string) => void): ChartConfiguration<'scatter', Xy[]> {
	const axis = axisColours(theme);
	const percent = (v: number) => v * 100;
	const line = (label: string, values: Xy[], dash: number[], width: number): ChartDataset<'scatter', Xy[]> => ({
		label,
		data: values,
		showLine: true,
		pointRadius: 0,
		pointHitRadius: 0,
		borderColor: theme.muted,
		borderWidth: width,
		borderDash: dash
	});
	const along = (pick: (l: FunnelLimits) => number) => data.curve.map((l) => ({ x: l.n, y: percent(pick(l)) }));
	const ns = data.curve.map((l) => l.n);
	const byPlace = PLACES.map((place) => ({ place, points: data.points.filter((p) => p.place === place) }));
	return {
		type: 'scatter',
		data: {
			datasets: [
				...byPlace.map(
					({ place, points }): ChartDataset<'scatter', Xy[]> => ({
						label: words.place[place],
						data: points.map((p) => ({ x: p.n, y: percent(p.k / p.n), code: p.code })),
						backgroundColor: FUNNEL_COLOURS[place],
						// The many ordinary points are parted from each other by the surface's colour, the few outliers stand out in the text's.
						borderColor: place === 'within' ? theme.surface : theme.text,
						borderWidth: 1,
						pointRadius: place === 'within' ? 3.5 : 5,
						pointHoverRadius: 7,
						pointStyle: place.startsWith('above') ? 'triangle' : place.startsWith('below') ? 'rectRot' : 'circle'
					})
				),
				line(words.target, [{ x: Math.min(...ns), y: percent(data.target) }, { x: Math.max(...ns), y: percent(data.target) }], [], 1.5),
				line(words.warning, along((l) => l.warning[1]), [5, 4], 1),
				line(`${words.warning} `, along((l) => l.warning[0]), [5, 4], 1),
				line(words.control, along((l) => l.control[1]), [], 1.2),
				line(`${words.control} `, along((l) => l.control[0]), [], 1.2)
			]
		},
		options: {
			animation: false,
			maintainAspectRatio: false,
			parsing: false,
			// Axis numbers as the rest of the page writes them (10 000, not 10,000).
			locale: INTL_LOCALE[getLocale()],
			scales: {
				x: {
					type: 'logarithmic',
					...axis,
					title: { ...axis.title, display: true, text: words.axisX },
					min: Math.max(1, Math.min(...ns)),
					max: Math.max(...ns),
					// Labels are already sparse (logTickLabel); Chart.js's skipping, which counts the unlabelled ticks too, dropped 300 and 500.
					ticks: { ...axis.ticks, autoSkip: false, callback: (v) => logTickLabel(Number(v)) }
				},
				y: { ...axis, title: { ...axis.title, display: true, text: words.axisY }, ticks: { ...axis.ticks, callback: (v) => `${v}%` } }
			},
			plugins: {
				// Repeated labels (the lower limits) stay out of the legend: one entry per kind of line.
				// One entry per kind of point that is there, and per kind of line (the lower limits repeat the upper).
				legend: { labels: { color: theme.text, filter: (item, chart) => !item.text.endsWith(' ') && (item.datasetIndex! >= PLACES.length || chart.datasets[item.datasetIndex!].data.length > 0) } },
				tooltip: {
					filter: (item) => item.datasetIndex < PLACES.length,
					callbacks: {
						label: (item: TooltipItem<'scatter'>) => {
							const code = (item.raw as Xy).code;
							const p = data.points.find((q) => q.code === code);
							return p ? words.point(p) : '';
						}
					}
				}
			},
			onClick: (_event, elements) => {
				const hit = elements.find((e) => e.datasetIndex < PLACES.length);
				const code = hit && (data.points.length ? byPlace[hit.datasetIndex].points[hit.index]?.code : undefined);
				if (code && onselect) onselect(code);
			}
		}
	};
}

/** Where the points of each place sit among the chart's datasets, for lighting one from the keyboard. */
export function datasetOf(data: FunnelData, code: string): { datasetIndex: number; index: number } | null {
	for (const [datasetIndex, place] of PLACES.entries()) {
		const index = data.points.filter((p) => p.place === place).findIndex((p) => p.code === code);
		if (index >= 0) return { datasetIndex, index };
	}
	return null;
}
