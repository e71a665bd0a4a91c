// A chart's colours in the page's scheme. Chart.js draws on a canvas and reads colours once, when it is configured,
// so they come from the CSS tokens (src/app.css) as plain values, read here, and a chart is configured again when
// the scheme changes (chart.svelte.ts).
import type { Scheme } from '../state/scheme.svelte';

export interface ChartTheme {
	/** Tick labels, axis titles, the legend, whiskers and outlines. */
	text: string;
	/** Quieter lines and words: the funnel's limits, „nie opublikowano” where a bar is absent. */
	muted: string;
	grid: string;
	/** What the chart is drawn on: the hatching's ground. */
	surface: string;
	/** The „z pliku” purple of a bar with the user's own rows. */
	imported: string;
}

const TOKENS: Record<keyof ChartTheme, string> = {
	text: '--text',
	muted: '--muted',
	grid: '--chart-grid',
	surface: '--surface',
	imported: '--imported'
};

const read = new Map<Scheme, ChartTheme>();

/**
 * The tokens of `scheme`, read from an element that carries it: the light scheme's even while the page is dark, for
 * a PNG meant for documents. The stylesheet does not change while a page is open, so each scheme is read once.
 */
export function chartTheme(scheme: Scheme): ChartTheme {
	const known = read.get(scheme);
	if (known) return known;
	const probe = document.createElement('div');
	probe.dataset.scheme = scheme;
	probe.hidden = true;
	document.body.append(probe);
	const style = getComputedStyle(probe);
	const theme = Object.fromEntries(Object.entries(TOKENS).map(([key, token]) => [key, style.getPropertyValue(token).trim()])) as unknown as ChartTheme;
	probe.remove();
	// An empty token means the stylesheet has not loaded yet: not worth keeping.
	if (Object.values(theme).every(Boolean)) read.set(scheme, theme);
	return theme;
}

/** The same colours on every axis: ticks, title, gridlines and the axis line. */
export const axisColours = (theme: ChartTheme) => ({
	ticks: { color: theme.text },
	title: { color: theme.text },
	grid: { color: theme.grid },
	border: { color: theme.muted }
});
