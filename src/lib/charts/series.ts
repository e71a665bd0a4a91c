// Overview rows to chart series and one-sentence descriptions: pure, so the same shaping feeds the canvas,
// its data table and its text alternative, and is tested without a browser.
import type { CentreSummary, EditionParticipants } from '../queries/overview';
import type { CentreSupportMix } from '../queries/support';
import { valueLabel } from '../dictionary';
import { missingReason, onlyPublished, type MissingReason, type RateCell, type ShownCell, type ValueCell } from '../queries/cells';
import type { BarChartData } from './bar-config';
import { PALETTE } from './palette';
import { ui } from '../i18n';
import { formatMoney, formatPercent } from '../format/number';

export type View = 'all' | 'published';

const missingText = (cell: ShownCell) => {
	const reason = missingReason(cell);
	return reason && ui.reason(reason).label;
};

export const editionLabel = (e: Pick<EditionParticipants, 'shortName' | 'year'>) => `${e.shortName} · ${e.year ?? ui.overview.unknownYear}`;

export function participantsChart(editions: EditionParticipants[]): BarChartData {
	const t = ui.overview.charts.participants;
	// Split only where the page splits; the rest is one "unsplit" bar, so no share is invented.
	const split = (e: EditionParticipants) => e.participants !== null && e.socialContracts !== null;
	return {
		unit: 'number',
		categories: editions.map(editionLabel),
		series: [
			{ label: t.contracts, color: PALETTE.blue, values: editions.map((e) => (split(e) ? e.socialContracts : null)) },
			{ label: t.local, color: PALETTE.orange, values: editions.map((e) => (split(e) ? (e.localActivity ?? 0) : null)) },
			{ label: t.unsplit, color: PALETTE.skyBlue, values: editions.map((e) => (split(e) ? null : e.participants)) }
		],
		missing: editions.map((e) => (e.participants === null ? 'not_published' : null))
	};
}

export function participantsDescription(editions: EditionParticipants[]): string {
	const known = editions.filter((e) => e.participants !== null);
	const unknown = editions.length - known.length;
	const parts = known.map((e) => `${editionLabel(e)}: ${e.participants}`);
	return ui.chart.describe.participants(parts, unknown, editions.length);
}

const rateLabel = (c: CentreSummary, rate: RateCell | { kind: 'hidden' }) => `${c.shortName}${'n' in rate && rate.n !== undefined ? ` (n = ${rate.n})` : ''}`;

export function employmentChart(centres: CentreSummary[], view: View): BarChartData {
	const cells = centres.map((c) => onlyPublished(c.employment, view));
	const shown = (cell: (typeof cells)[number]) => (cell.kind === 'published' || cell.kind === 'synthetic' ? cell : null);
	return {
		unit: 'percent',
		categories: centres.map((c, i) => rateLabel(c, cells[i])),
		series: [
			{
				label: ui.overview.charts.employment.series,
				color: PALETTE.green,
				values: cells.map((cell) => (shown(cell) ? Math.round(shown(cell)!.rate * 1000) / 10 : null)),
				low: cells.map((cell) => (shown(cell) ? Math.round(shown(cell)!.low * 1000) / 10 : null)),
				high: cells.map((cell) => (shown(cell) ? Math.round(shown(cell)!.high * 1000) / 10 : null)),
				synthetic: cells.map((cell) => cell.kind === 'synthetic' && cell.imported !== 'all'),
				imported: cells.map((cell) => cell.kind === 'synthetic' && !!cell.imported)
			}
		],
		missing: cells.map(missingReason)
	};
}

export function employmentDescription(centres: CentreSummary[], view: View): string {
	return centres
		.map((c) => {
			const cell = onlyPublished(c.employment, view);
			if (cell.kind === 'published' || cell.kind === 'synthetic') {
				const mark = cell.kind === 'synthetic' ? (cell.imported === 'all' ? 'imported' : cell.imported ? 'mixed' : 'synthetic') : 'published';
				return ui.chart.describe.rate(c.shortName, formatPercent(cell.rate), cell.k, cell.n, formatPercent(cell.low), formatPercent(cell.high), mark);
			}
			return `${c.shortName}: ${missingText(cell)}`;
		})
		.join('; ')
		.concat('.');
}

export function costChart(centres: CentreSummary[]): BarChartData {
	const value = (cell: ValueCell) => (cell.kind === 'published' ? cell.value : null);
	return {
		unit: 'money',
		categories: centres.map((c) => c.shortName),
		series: [{ label: ui.overview.charts.cost.series, color: PALETTE.blue, derived: true, values: centres.map((c) => value(c.costPerParticipant)) }],
		missing: centres.map((c) => missingReason(c.costPerParticipant))
	};
}

const isWholeEditionOnly = (cell: ValueCell) => cell.kind === 'omitted' && cell.reason === 'whole_edition_only';

/** The note for a view that leaves budgets and costs out (a participant filter): why they are not there. */
export const wholeEditionNotes = (centres: Pick<CentreSummary, 'budget'>[]): string[] => (centres.some((c) => isWholeEditionOnly(c.budget)) ? [ui.chart.wholeEditionNote] : []);

export function costDescription(centres: CentreSummary[]): string {
	if (centres.some((c) => isWholeEditionOnly(c.costPerParticipant))) return ui.chart.wholeEditionNote;
	const known = centres.filter((c) => c.costPerParticipant.kind === 'published');
	const unknown = centres.filter((c) => c.costPerParticipant.kind !== 'published').map((c) => c.shortName);
	const parts = known.map((c) => `${c.shortName} ${formatMoney((c.costPerParticipant as { value: number }).value)}`);
	return ui.chart.describe.cost(parts, unknown);
}

const FORM_COLOURS = [PALETTE.blue, PALETTE.orange, PALETTE.green, PALETTE.vermillion, PALETTE.skyBlue, PALETTE.purple];

/** Why a centre's mix has no bar: its cost cannot be moved to the base year, or every form is hidden. */
const mixMissing = (m: CentreSupportMix): MissingReason | null => (m.totalCostPln === null ? 'unknown_year' : m.forms.every((f) => f.share === null) ? 'hidden_small' : null);

/**
 * Cost by form of support, per centre: as 100% stacked shares, or in złoty. A hidden form leaves the rest of its
 * bar short; every value is synthetic, so every bar is hatched and every table cell badged.
 */
export function supportMixChart(mix: CentreSupportMix[], centres: Pick<CentreSummary, 'centreId' | 'shortName'>[], unit: 'share' | 'money' = 'share'): BarChartData {
	const forms = mix[0]?.forms.map((f) => f.form) ?? [];
	const name = (id: string) => centres.find((c) => c.centreId === id)?.shortName ?? id;
	return {
		unit: unit === 'money' ? 'money' : 'percent',
		categories: mix.map((m) => name(m.centreId)),
		series: forms.map((form, i) => ({
			label: valueLabel('support_form', form),
			color: FORM_COLOURS[i % FORM_COLOURS.length],
			synthetic: mix.map((m) => m.imported !== 'all'),
			imported: mix.map((m) => !!m.imported),
			values: mix.map((m) => {
				const cell = m.forms.find((f) => f.form === form);
				if (unit === 'money') return cell?.costPln ?? null;
				return cell?.share === null || cell?.share === undefined ? null : Math.round(cell.share * 1000) / 10;
			})
		})),
		missing: mix.map(mixMissing)
	};
}

export function supportMixDescription(mix: CentreSupportMix[], centres: Pick<CentreSummary, 'centreId' | 'shortName'>[]): string {
	return mix
		.map((m) => {
			// A share of 0 is no "most": with nothing drawn, the sentence says why instead.
			const top = m.forms.filter((f) => f.share !== null && f.share > 0).sort((a, b) => b.share! - a.share!)[0];
			const name = centres.find((c) => c.centreId === m.centreId)?.shortName ?? m.centreId;
			if (!top) return `${name}: ${ui.reason(mixMissing(m) ?? (m.forms.some((f) => f.share === null) ? 'hidden_small' : 'no_cost')).label}`;
			return `${name}: ${ui.overview.charts.mix.top(valueLabel('support_form', top.form), formatPercent(top.share!), m.totalCostPln === null ? null : formatMoney(m.totalCostPln))}`;
		})
		.join('; ')
		.concat(`. ${ui.chart.describe.synthetic}`);
}

/**
 * Why a chart has nothing to draw, or null when it has a bar: no categories at all, or every value absent or zero,
 * in which case the categories' written reasons say why (all hidden, all unpublished, or a mix).
 */
export function emptyReason(data: BarChartData): string | null {
	const e = ui.chart.emptyBecause;
	if (!data.categories.length || !data.series.length) return e.noRows;
	// A rate of 0% with its interval is drawn (the whisker) and is an answer: only a bare zero draws nothing.
	const drawn = data.series.some((s) => s.values.some((v, i) => v !== null && (v !== 0 || s.high?.[i] != null)));
	if (drawn) return null;
	const reasons = new Set(data.categories.flatMap((_, i) => [data.missing?.[i], ...data.series.map((s) => s.notes?.[i])]).filter((r): r is MissingReason => !!r));
	const nulls = data.series.some((s) => s.values.some((v) => v === null));
	if (reasons.size === 1 && reasons.has('hidden_small')) return e.suppressed;
	if (reasons.size === 1 && reasons.has('not_published')) return e.unknown;
	if (reasons.size) return e.mixed([...reasons].map((r) => ui.reason(r).label));
	return nulls ? e.noRows : e.zero;
}

const CENTRE_COLOURS = [PALETTE.blue, PALETTE.orange, PALETTE.green, PALETTE.vermillion, PALETTE.purple];

export type TrendMetric = 'participants' | 'costPerParticipant';

/** A published edition figure, or why there is none. */
function editionValue(e: EditionParticipants | undefined, metric: TrendMetric): { value: number | null; note: MissingReason | null } {
	if (!e) return { value: null, note: 'no_edition' };
	const value = metric === 'participants' ? e.participants : e.budget !== null && e.participants ? Math.round((e.budget / e.participants) * 100) / 100 : null;
	return { value, note: value === null ? 'not_published' : null };
}

const yearText = (year: number | null) => (year === null ? ui.overview.unknownYear : String(year));

/** Edition years in order, the unknown year last: the x axis of a trend. */
export const trendYears = (editions: EditionParticipants[]) => [...new Set(editions.map((e) => e.year))].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));

/** One series per centre over its edition years: published figures only, each gap saying why it is a gap. */
export function trendChart(editions: EditionParticipants[], centres: Pick<CentreSummary, 'centreId' | 'shortName'>[], metric: TrendMetric): BarChartData {
	const years = trendYears(editions);
	return {
		unit: metric === 'participants' ? 'number' : 'money',
		categories: years.map(yearText),
		series: centres.map((c, i) => {
			const cells = years.map((year) => editionValue(editions.find((e) => e.centreId === c.centreId && e.year === year), metric));
			return { label: c.shortName, color: CENTRE_COLOURS[i % CENTRE_COLOURS.length], values: cells.map((x) => x.value), notes: cells.map((x) => x.note), ...(metric === 'costPerParticipant' ? { derived: true } : {}) };
		})
	};
}

export function trendDescription(editions: EditionParticipants[], centres: Pick<CentreSummary, 'centreId' | 'shortName'>[], metric: TrendMetric, format: (v: number) => string): string {
	return centres
		.map((c) => {
			const own = editions.filter((e) => e.centreId === c.centreId);
			const parts = own.map((e) => {
				const { value } = editionValue(e, metric);
				return `${yearText(e.year)}: ${value === null ? ui.reason('not_published').label : format(value)}`;
			});
			return `${c.shortName} — ${parts.join(', ')}`;
		})
		.join('; ')
		.concat(`. ${ui.chart.describe.published}`);
}
