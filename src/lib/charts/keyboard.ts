// Moving through a bar chart's bars by keyboard: pure, so the rules are tested without a browser. Along the category
// axis the arrow keys move between categories, across it between the series (a stack's segments), skipping absent
// segments; Home and End go to the first and last category.
import type { BarChartData } from './bar-config';

export interface BarPosition {
	index: number;
	series: number;
}

const present = (data: BarChartData, index: number, series: number) => data.series[series]?.values[index] != null;

/** The first series drawn in a category, or 0 where none is (the category's reason is then what is said). */
function firstSeries(data: BarChartData, index: number, prefer: number): number {
	if (present(data, index, prefer)) return prefer;
	const found = data.series.findIndex((_, s) => present(data, index, s));
	return found === -1 ? 0 : found;
}

/** Where a key moves from `at` (null: nothing chosen yet, so any move lands on the first bar); null if the key is not a move. */
export function moveBar(data: BarChartData, at: BarPosition | null, key: string, horizontal: boolean): BarPosition | null {
	const count = data.categories.length;
	if (!count) return null;
	const [nextCategory, previousCategory, nextSeries, previousSeries] = horizontal ? ['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft'] : ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown'];
	if (![nextCategory, previousCategory, nextSeries, previousSeries, 'Home', 'End'].includes(key)) return null;
	if (!at) return { index: 0, series: firstSeries(data, 0, 0) };
	const category = (index: number) => ({ index, series: firstSeries(data, index, at.series) });
	if (key === 'Home') return category(0);
	if (key === 'End') return category(count - 1);
	if (key === nextCategory) return category(Math.min(count - 1, at.index + 1));
	if (key === previousCategory) return category(Math.max(0, at.index - 1));
	const step = key === nextSeries ? 1 : -1;
	for (let s = at.series + step; s >= 0 && s < data.series.length; s += step) if (present(data, at.index, s)) return { index: at.index, series: s };
	return at;
}

/**
 * What is said for a bar: its category, its series (where there are several), its value with the interval, and its
 * mark (synthetic, from the user's file), or why it is absent; then where it stands ("2 z 5").
 */
export function describeBar(data: BarChartData, at: BarPosition, format: (value: number) => string, words: BarWords): string {
	const s = data.series[at.series];
	const value = s?.values[at.index] ?? null;
	const parts = [data.categories[at.index]];
	if (data.series.length > 1 && s) parts.push(s.label);
	if (value === null) {
		const reason = s?.notes?.[at.index] ?? data.missing?.[at.index] ?? null;
		parts.push(reason ? words.reason(reason) : words.none);
	} else {
		const low = s.low?.[at.index];
		const high = s.high?.[at.index];
		const marks = [s.synthetic?.[at.index] ? words.synthetic : null, s.imported?.[at.index] ? words.imported : null].filter(Boolean);
		parts.push(`${format(value)}${low != null && high != null ? ` (${words.interval} ${format(low)}–${format(high)})` : ''}${marks.length ? `, ${marks.join(', ')}` : ''}`);
	}
	return `${parts.join(': ')}. ${words.position(at.index + 1, data.categories.length)}`;
}

export interface BarWords {
	reason: (code: NonNullable<NonNullable<BarChartData['missing']>[number]>) => string;
	none: string;
	synthetic: string;
	imported: string;
	interval: string;
	position: (at: number, of: number) => string;
}
