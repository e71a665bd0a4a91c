// What the national page derives from its protected figures: the map's values, the funnel's points, the cost
// histogram and the headline. Pure functions of the page's data, so the same numbers feed every view of it.
import type { BarChartData } from '$lib/charts/bar-config';
import type { FunnelPoint } from '$lib/charts/funnel-config';
import { formatInteger, formatInterval, formatMoney, formatPercent, formatWholeMoney } from '$lib/format/number';
import { formatValue } from '$lib/table/columns';
import type { AreaValue } from '$lib/maps/scale';
import type { CentrePoint, NationalCentre, NationalPage, NationalUnit } from '$lib/national';
import { missingReason, omitted, omittedRate, type RateCell, type ValueCell } from '$lib/queries/cells';
import { encodeNationalFilters, selectsParticipants, type NationalFilters, type NationalSelection } from '$lib/queries/national';
import { pageHref } from '$lib/i18n/paths';
import { valueLabel } from '$lib/dictionary';
import { ui } from '$lib/i18n';
import { wilson } from '$lib/stats/wilson';
import { COST_STEP, MAX_CHANGE } from '$lib/stats/cell-key';
import { foldPolish } from '$lib/format/text';

/** The measures a national page maps, as they read in its address (?miara=). */
export const MEASURES = { praca: 'employment', ukonczenie: 'completion', koszt: 'cost' } as const;
export type MeasureParam = keyof typeof MEASURES;
export type Measure = (typeof MEASURES)[MeasureParam];

/** Text as a search compares it: Polish letters folded to their Latin base, lower case („Łódź” → „lodz”). */
export const searchKey = (text: string) => foldPolish(text).toLowerCase();

export const measureOf = (param: string | null): MeasureParam => (param && param in MEASURES ? (param as MeasureParam) : 'praca');

type Unit = Pick<NationalUnit, 'employment' | 'completion' | 'costPerParticipant'>;
const cellOf = (unit: Unit, measure: Measure): RateCell | ValueCell => (measure === 'cost' ? unit.costPerParticipant : unit[measure]);

/** How a page says „k of n” in its language. */
export interface CellWords {
	kOfN: (k: string, n: string) => string;
}

/**
 * How a page writes the money of the answer on screen (`shown`: its filters, null for the built figures): under a
 * participant filter a cost per participant is rounded to COST_STEP zł (stats/cell-key.ts), so grosz there would
 * claim a precision it does not have; otherwise to the grosz. The answer's filters, not the address's: while the
 * next answer is worked out the last one stays on screen.
 */
export const moneyFormat = (shown: NationalFilters | null): 'money' | 'wholeMoney' => (shown && selectsParticipants(shown) ? 'wholeMoney' : 'money');
/** The same as words, for a tile or a tooltip: the table's own formatting, so the two never differ. */
export const moneyText = (shown: NationalFilters | null) => {
	const format = moneyFormat(shown);
	return (value: number) => formatValue(format, value);
};

/**
 * A rate or an amount in words: „18% (95% PU: 17–19%), 1 204 z 6 651”; or why it is absent, in the words of its
 * reason that every table cell uses („ukryte”, „nikt w tym wyborze”, „nie opublikowano”).
 */
export function cellText(cell: RateCell | ValueCell, words: CellWords, format: (value: number) => string = formatMoney): string {
	if (cell.kind === 'published' || cell.kind === 'synthetic') {
		if ('k' in cell) return `${formatInterval(cell.rate, cell.low, cell.high, cell.n >= 1000)}, ${words.kOfN(formatInteger(cell.k), formatInteger(cell.n))}`;
		return format(cell.value);
	}
	return ui.reason(missingReason(cell) ?? 'not_published').label;
}

/** A share as a tile shows it: tenths of a per cent once the group is large enough to tell them apart. */
export const shareText = (rate: number, n: number) => formatPercent(rate, n >= 1000);

export function areaValues(units: (Unit & { code: string })[], measure: Measure, words: CellWords, money: (value: number) => string = formatMoney): Record<string, AreaValue> {
	return Object.fromEntries(
		units.map((u) => {
			const cell = cellOf(u, measure);
			const value = cell.kind === 'published' || cell.kind === 'synthetic' ? ('k' in cell ? cell.rate : cell.value) : null;
			return [u.code, { value, text: cellText(cell, words, money), hidden: cell.kind === 'suppressed' }];
		})
	);
}

/**
 * The funnel's points: centres whose rate is shown. The rest stay off the plot, counted by why: hidden, or with no
 * one selected (who have no rate to hide).
 */
export function funnelPoints(centres: CentrePoint[], measure: 'employment' | 'completion'): { points: FunnelPoint[]; hidden: number; empty: number } {
	const points: FunnelPoint[] = [];
	let hidden = 0;
	let empty = 0;
	for (const c of centres) {
		const cell = c[measure];
		if (cell.kind === 'published' || cell.kind === 'synthetic') points.push({ code: c.code, name: c.name, k: cell.k, n: cell.n, low: cell.low, high: cell.high });
		else if (missingReason(cell) === 'no_one_selected') empty += 1;
		else hidden += 1;
	}
	return { points, hidden, empty };
}

/**
 * The rate the funnel is drawn around: the whole unit's. Where that is hidden (a small powiat), the pooled rate of
 * the centres shown, which follows from shown figures only.
 */
export function funnelTarget(unit: Unit, measure: 'employment' | 'completion', points: FunnelPoint[]): number | null {
	const cell = unit[measure];
	if ('k' in cell) return cell.rate;
	const n = points.reduce((s, p) => s + p.n, 0);
	return n ? points.reduce((s, p) => s + p.k, 0) / n : null;
}

/** Why centres are off the cost histogram: not published, hidden, a whole edition's budget, no one selected. */
export interface CostGaps {
	unknown: number;
	hidden: number;
	omitted: number;
	empty: number;
}

/** Centres counted by cost per participant in bins of a round width: the distribution, and why some have no cost. */
export function costHistogram(centres: CentrePoint[], label: string): { chart: BarChartData; gaps: CostGaps } {
	const gaps: CostGaps = { unknown: 0, hidden: 0, omitted: 0, empty: 0 };
	const known: { cost: number; synthetic: boolean }[] = [];
	for (const c of centres) {
		const cell = c.costPerParticipant;
		if (cell.kind === 'published' || cell.kind === 'synthetic') known.push({ cost: cell.value, synthetic: cell.kind === 'synthetic' });
		else if (cell.kind === 'omitted' && cell.reason === 'no_one_selected') gaps.empty += 1;
		else if (cell.kind === 'suppressed') gaps.hidden += 1;
		else if (cell.kind === 'omitted') gaps.omitted += 1;
		else gaps.unknown += 1;
	}
	const costs = known.map((k) => k.cost);
	if (!costs.length) return { chart: { categories: [], series: [], unit: 'number' }, gaps };
	const min = Math.min(...costs);
	const max = Math.max(...costs);
	// About 12 bins at most, of a width of 1, 2 or 5 times a power of ten złoty.
	const rough = Math.max(1, (max - min) / 12);
	const power = 10 ** Math.floor(Math.log10(rough));
	const width = [1, 2, 5, 10].map((m) => m * power).find((w) => w >= rough)!;
	const first = Math.floor(min / width) * width;
	const bins = Math.max(1, Math.ceil((max - first + 1e-9) / width));
	const counts = Array.from({ length: bins }, () => 0);
	// A bin is hatched where any of its centres' costs is synthetic; one of published inputs only is not.
	const synthetic = Array.from({ length: bins }, () => false);
	for (const { cost, synthetic: isSynthetic } of known) {
		const bin = Math.min(bins - 1, Math.floor((cost - first) / width));
		counts[bin] += 1;
		synthetic[bin] ||= isSynthetic;
	}
	return {
		chart: {
			categories: counts.map((_, i) => `${formatWholeMoney(first + i * width)}–${formatWholeMoney(first + (i + 1) * width)}`),
			series: [{ label, color: '#6b8cae', values: counts, synthetic }],
			unit: 'number'
		},
		gaps
	};
}

/** The median and range of the centres' cost per participant, for the headline. */
export function costSpread(centres: CentrePoint[]): { low: number; median: number; high: number } | null {
	const costs = centres.flatMap((c) => (c.costPerParticipant.kind === 'published' || c.costPerParticipant.kind === 'synthetic' ? [c.costPerParticipant.value] : [])).sort((a, b) => a - b);
	if (!costs.length) return null;
	const mid = Math.floor(costs.length / 2);
	return { low: costs[0], median: costs.length % 2 ? costs[mid] : (costs[mid - 1] + costs[mid]) / 2, high: costs[costs.length - 1] };
}

type Figures = Pick<NationalUnit, 'participants' | 'employment' | 'completion' | 'costPerParticipant'>;

const money = (value: number): ValueCell => ({ kind: 'synthetic', value: Math.round(value * 100) / 100 });

/**
 * A unit's figures under the page's filters, from the protected selection. `real`: one of the five centres with
 * sources, whose cost comes from its published budgets only (its support rows are synthetic: no answer).
 */
export function selectedFigures(code: string, prior: Figures, real: boolean, selection: NationalSelection): Figures {
	const f = selection.units.get(code);
	if (!selectsParticipants(selection.filters)) {
		// Prices only: the same participants, so every count and rate stands as built; money is restated.
		const realCost = selection.realCosts.get(code);
		const published = prior.costPerParticipant.kind === 'published' ? prior.costPerParticipant : null;
		const cost: ValueCell = real
			? published && realCost !== undefined && realCost !== null
				? { kind: 'published', value: Math.round(realCost * 100) / 100, sources: published.sources, derived: true }
				: { kind: 'unknown' }
			: f && f.n > 0
				? money(f.cost / f.n)
				: prior.costPerParticipant;
		return { ...prior, costPerParticipant: cost };
	}
	// A hidden 0 stays hidden: the guard may hide it because a neighbouring view would tell what it is.
	if (!f || (f.n === 0 && !f.hidden.n)) return { participants: { kind: 'synthetic', value: 0 }, employment: omittedRate('no_one_selected'), completion: omittedRate('no_one_selected'), costPerParticipant: omitted('no_one_selected') };
	const rate = (k: number, hidden: boolean): RateCell => (hidden ? { kind: 'suppressed', ...(f.hidden.n ? {} : { n: f.n }) } : { kind: 'synthetic', k, n: f.n, sources: [], ...wilson(k, f.n) });
	return {
		participants: f.hidden.n ? { kind: 'suppressed' } : { kind: 'synthetic', value: f.n },
		employment: rate(f.employed, f.hidden.employed),
		completion: rate(f.completed, f.hidden.completed),
		// A published budget describes a whole edition, not the participants a filter selects.
		costPerParticipant: f.hidden.n ? { kind: 'suppressed' } : real ? omitted('whole_edition_only') : money(f.cost / f.n)
	};
}

/** The page's unit, the units below and its centres, restated for the selection. */
export function selectedView(page: NationalPage, centres: CentrePoint[], selection: NationalSelection): { unit: NationalUnit; children: NationalUnit[]; centres: CentrePoint[] } {
	const unit = (u: NationalUnit): NationalUnit => ({ ...u, ...selectedFigures(u.code, u, u.level === 'centre' && (u as NationalCentre).hasPage, selection) });
	return {
		unit: unit(page.unit),
		children: page.children.map(unit),
		centres: centres.map((c) => ({ ...c, ...selectedFigures(c.code, c, c.page !== null, selection) }))
	};
}

/** The filters in words („Płeć: kobieta”, „Ceny: ceny stałe 2014 r.”), for an export's header. */
export function filterWords(filters: NationalFilters): string[] {
	const t = ui.filters;
	return [
		...(filters.years.length ? [`${t.years}: ${filters.years.join(', ')}`] : []),
		...(filters.sex.length ? [`${t.sex}: ${filters.sex.map((v) => valueLabel('sex', v)).join(', ')}`] : []),
		...(filters.ageBands.length ? [`${t.ageBands}: ${filters.ageBands.map((v) => valueLabel('age_band', v)).join(', ')}`] : []),
		...(filters.priceBase !== null ? [`${ui.prices.label}: ${ui.prices.basis(filters.priceBase)}`] : [])
	];
}

/** What an export of a filtered view says about it: its filters, and that its counts are perturbed where they are. */
export function selectionNotes(filters: NationalFilters): string[] {
	return [...filterWords(filters), ...(selectsParticipants(filters) ? [ui.national.perturbed(MAX_CHANGE, COST_STEP)] : [])];
}

/** A page's address in the page's language, with a query already written (no `?` where it is empty). */
export const addressWithQuery = (path: string, query: string) => `${pageHref(path)}${query ? `?${query}` : ''}`;

/** A page's address in the page's language, with its query (none where every parameter is absent). */
export const addressOf = (path: string, params: Record<string, string>) => addressWithQuery(path, new URLSearchParams(params).toString());

/** The national compare view with these centres (TERC codes), under these filters. */
export const compareHref = (codes: string[], filters: NationalFilters) => addressOf('/polska/porownanie/', { ...(codes.length ? { osrodki: codes.join(',') } : {}), ...encodeNationalFilters(filters) });

type Rates = Pick<CentrePoint, 'name' | 'employment' | 'completion'>;
const RATE_COLOURS = { employment: '#1f5f99', completion: '#b35900' } as const;

/** Both rates of each compared unit, with their 95% intervals; a hidden or unknown rate is named, not drawn. */
export function compareChart(rows: Rates[], labels: Record<'employment' | 'completion', string>): BarChartData {
	return {
		categories: rows.map((r) => r.name),
		unit: 'percent',
		series: (['employment', 'completion'] as const).map((key) => {
			const cells = rows.map((r) => r[key]);
			const shown = cells.map((c) => (c.kind === 'published' || c.kind === 'synthetic' ? c : null));
			return {
				label: labels[key],
				color: RATE_COLOURS[key],
				values: shown.map((c) => (c ? c.rate * 100 : null)),
				low: shown.map((c) => (c ? c.low * 100 : null)),
				high: shown.map((c) => (c ? c.high * 100 : null)),
				synthetic: cells.map((c) => c.kind === 'synthetic'),
				notes: cells.map((c) => missingReason(c))
			};
		})
	};
}

/** The same in words, for screen readers: each unit's two rates as its table cells say them. */
export function compareDescription(rows: Rates[], labels: Record<'employment' | 'completion', string>, words: CellWords): string {
	return rows.map((r) => `${r.name}: ${labels.employment} ${cellText(r.employment, words)}; ${labels.completion} ${cellText(r.completion, words)}`).join('. ');
}

/** Every year of a set's span, [2008, 2014] → 2008, 2009, …, 2014: the years its filter offers. */
export const yearsOf = ([first, last]: [number, number]) => Array.from({ length: last - first + 1 }, (_, i) => first + i);
