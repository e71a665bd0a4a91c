// On-screen data to export tables, in long ("tidy") form: one row per figure, with its provenance and sources, so
// R, pandas or a pivot table can take it as it is. Built from the same cells the screen shows, so what is hidden
// there is empty here, with its reason.
import type { BarChartData } from '../charts/bar-config';
import { allowedValues, valueLabel } from '../dictionary';
import { pl } from '../i18n/pl';
import { onlyPublished, type RateCell, type ValueCell } from '../queries/cells';
import { OUTCOMES, type Filters } from '../queries/filters';
import type { OutcomeIndicator } from '../queries/outcomes';
import type { CentreSummary } from '../queries/overview';
import type { Comparison, RateDifference } from '../queries/compare';
import type { CentreDetail } from '../queries/centre';
import type { Figure } from '../dictionary';
import { fileName, type ColumnType, type ExportColumn, type ExportMeta, type ExportTable, type ExportValue } from './table';

type Provenance = 'published' | 'synthetic' | 'imported' | 'synthetic+imported' | 'unknown' | 'suppressed' | 'hidden' | 'no_edition' | 'omitted';

const MISSING: Record<string, Provenance> = {
	[pl.chart.missing.unknown]: 'unknown',
	[pl.chart.missing.unknownYear]: 'unknown',
	[pl.chart.missing.suppressed]: 'suppressed',
	[pl.chart.missing.hidden]: 'hidden',
	[pl.chart.missing.wholeEditionOnly]: 'omitted',
	[pl.chart.missing.overlappingSupport]: 'omitted',
	[pl.compare.trends.noEdition]: 'no_edition'
};

const FIGURE_COLUMNS: ExportColumn[] = [
	{ key: 'value', label: 'wartość', type: 'number' },
	{ key: 'k', label: 'licznik odsetka', type: 'integer' },
	{ key: 'n', label: 'mianownik odsetka (n)', type: 'integer' },
	{ key: 'ci_low', label: 'dolna granica 95% PU', type: 'number' },
	{ key: 'ci_high', label: 'górna granica 95% PU', type: 'number' },
	{ key: 'provenance', label: 'pochodzenie', type: 'text' },
	{ key: 'sources', label: 'źródła', type: 'text' }
];

/** One cell as export fields: a rate as its share, k, n and interval; a count or amount as its value. */
function cellFields(cell: ValueCell | RateCell | { kind: 'hidden' }): Record<string, ExportValue> {
	const base: Record<string, ExportValue> = { value: null, k: null, n: null, ci_low: null, ci_high: null, provenance: cell.kind, sources: null };
	if (cell.kind === 'published' || cell.kind === 'synthetic') {
		const sources = cell.kind === 'published' ? cell.sources.join(' ') : null;
		const origin = cell.kind === 'synthetic' && cell.imported ? (cell.imported === 'all' ? 'imported' : 'synthetic+imported') : cell.kind;
		base.provenance = origin;
		if ('k' in cell) return { ...base, value: cell.rate, k: cell.k, n: cell.n, ci_low: cell.low, ci_high: cell.high, sources };
		return { ...base, value: cell.value, sources };
	}
	// A hidden rate keeps its n where the screen shows it; a hidden group size does not.
	return 'n' in cell && cell.n !== undefined ? { ...base, n: cell.n } : base;
}

export function chartExport(data: BarChartData, categoryLabel: string, meta: ExportMeta): ExportTable {
	const rows = data.categories.flatMap((category, i) =>
		data.series.map((s) => {
			const value = s.values[i];
			const note = s.notes?.[i] ?? data.missing?.[i] ?? null;
			const provenance: Provenance =
				value === null ? (note ? (MISSING[note] ?? 'unknown') : 'unknown') : s.imported?.[i] ? (s.synthetic?.[i] ? 'synthetic+imported' : 'imported') : s.synthetic?.[i] ? 'synthetic' : 'published';
			return { category, series: s.label, value, ci_low: s.low?.[i] ?? null, ci_high: s.high?.[i] ?? null, provenance, note: value === null ? note : null };
		})
	);
	return {
		name: fileName(meta.title),
		columns: [
			{ key: 'category', label: categoryLabel, type: 'text' },
			{ key: 'series', label: 'seria', type: 'text' },
			{ key: 'value', label: 'wartość', type: 'number' },
			{ key: 'ci_low', label: 'dolna granica 95% PU', type: 'number' },
			{ key: 'ci_high', label: 'górna granica 95% PU', type: 'number' },
			{ key: 'provenance', label: 'pochodzenie', type: 'text' },
			{ key: 'note', label: 'dlaczego brak wartości', type: 'text' }
		],
		rows,
		meta
	};
}

const SUMMARY_MEASURES = ['participants', 'women', 'completion', 'employment', 'budget', 'costPerParticipant', 'costPerEmployed'] as const;

export function centresExport(centres: CentreSummary[], view: 'all' | 'published', meta: ExportMeta): ExportTable {
	const rows = centres.flatMap((c) =>
		SUMMARY_MEASURES.map((measure) => ({ centre_id: c.centreId, centre: c.shortName, measure, ...cellFields(onlyPublished(c[measure], view)) }))
	);
	return {
		name: fileName(meta.title),
		columns: [{ key: 'centre_id', label: 'identyfikator ośrodka', type: 'text' }, { key: 'centre', label: 'ośrodek', type: 'text' }, { key: 'measure', label: 'miara', type: 'text' }, ...FIGURE_COLUMNS],
		rows,
		meta
	};
}

export function outcomesExport(indicators: OutcomeIndicator[], view: 'all' | 'published', meta: ExportMeta): ExportTable {
	const rows = indicators.flatMap((i) =>
		(['women', 'men', 'total'] as const).map((sex) => ({ centre_id: i.centreId, outcome: i.outcome, sex, ...cellFields(onlyPublished(i[sex], view)) }))
	);
	return {
		name: fileName(meta.title),
		columns: [{ key: 'centre_id', label: 'identyfikator ośrodka', type: 'text' }, { key: 'outcome', label: 'wskaźnik', type: 'text' }, { key: 'sex', label: 'płeć', type: 'text' }, ...FIGURE_COLUMNS],
		rows,
		meta
	};
}

/** The active filters and the price basis in words, for the export's description. */
export function describeFilters(filters: Filters, centreNames: Map<string, string>): string[] {
	const t = pl.filters;
	const list = (legend: string, values: string[]) => (values.length ? [`${legend}: ${values.join(', ')}`] : []);
	return [
		...list(t.centres, filters.centres.map((id) => centreNames.get(id) ?? id)),
		...list(t.years, filters.years.map((y) => (y === null ? t.unknownYear : String(y)))),
		...list(t.sex, filters.sex.map((v) => valueLabel('sex', v))),
		...list(t.ageBands, filters.ageBands.map((v) => valueLabel('age_band', v))),
		...list(t.education, filters.education.map((v) => valueLabel('education', v))),
		...list(t.labourStatus, filters.labourStatus.map((v) => valueLabel('labour_status', v))),
		...list(t.supportForms, filters.supportForms.filter((v) => allowedValues('support_form').includes(v)).map((v) => valueLabel('support_form', v))),
		...list(t.outcomes, filters.outcomes.filter((v) => OUTCOMES.includes(v)).map((v) => t.outcomeLabels[v])),
		`${pl.prices.label}: ${pl.prices.basis(filters.priceBase)}`,
		filters.view === 'published' ? pl.view.published : pl.view.all
	];
}

export function exportMeta(title: string, filters: Filters, centreNames: Map<string, string>, sources: string[], now = new Date()): ExportMeta {
	return { title, filters: describeFilters(filters, centreNames), sources, provenance: pl.exports.provenance, exportedAt: now.toISOString() };
}

export function comparisonExport(comparison: Comparison, view: 'all' | 'published', meta: ExportMeta): ExportTable {
	const rows = comparison.centres.flatMap((c) => {
		const population: ValueCell = c.population ? { kind: 'published', value: c.population.population, sources: [c.population.sourceId] } : { kind: 'unknown' };
		const cells: [string, ValueCell | RateCell][] = [
			['participants', c.summary.participants],
			['participants_share', c.participantsShare],
			['population', population],
			['participants_per_1000', c.participantsPer1000],
			['women', c.summary.women],
			['employment', c.summary.employment],
			['budget', c.summary.budget],
			['budget_share', c.budgetShare],
			['cost_per_participant', c.summary.costPerParticipant]
		];
		return cells.map(([measure, cell]) => ({
			centre_id: c.summary.centreId,
			centre: c.summary.shortName,
			measure,
			population_year: measure === 'population' || measure === 'participants_per_1000' ? (c.population?.year ?? null) : null,
			...cellFields(onlyPublished(cell, view))
		}));
	});
	return {
		name: fileName(meta.title),
		columns: [
			{ key: 'centre_id', label: 'identyfikator ośrodka', type: 'text' },
			{ key: 'centre', label: 'ośrodek', type: 'text' },
			{ key: 'measure', label: 'miara', type: 'text' },
			{ key: 'population_year', label: 'rok liczby ludności', type: 'integer' },
			...FIGURE_COLUMNS
		],
		rows,
		meta
	};
}

export function differencesExport(differences: RateDifference[], meta: ExportMeta): ExportTable {
	return {
		name: fileName(meta.title),
		columns: [
			{ key: 'measure', label: 'odsetek', type: 'text' },
			{ key: 'first', label: 'pierwszy ośrodek', type: 'text' },
			{ key: 'second', label: 'drugi ośrodek', type: 'text' },
			{ key: 'difference', label: 'różnica (ułamek)', type: 'number' },
			{ key: 'ci_low', label: 'dolna granica 95% PU (Newcombe)', type: 'number' },
			{ key: 'ci_high', label: 'górna granica 95% PU (Newcombe)', type: 'number' },
			{ key: 'within_noise', label: 'w granicach szumu', type: 'boolean' },
			{ key: 'provenance', label: 'pochodzenie', type: 'text' }
		],
		rows: differences.map((d) => ({ measure: d.measure, first: d.first, second: d.second, difference: d.difference, ci_low: d.low, ci_high: d.high, within_noise: d.withinNoise, provenance: d.kind })),
		meta
	};
}

/** A centre's published figures as its page states them: value, the words used, the quote and the source. */
export function figuresExport(figures: Figure[], meta: ExportMeta): ExportTable {
	return {
		name: fileName(meta.title),
		columns: [
			{ key: 'edition_id', label: 'edycja', type: 'text' },
			{ key: 'figure', label: 'wskaźnik', type: 'text' },
			{ key: 'value', label: 'wartość', type: 'number' },
			{ key: 'stated', label: 'zapis w źródle', type: 'text' },
			{ key: 'quote', label: 'cytat', type: 'text' },
			{ key: 'provenance', label: 'pochodzenie', type: 'text' },
			{ key: 'sources', label: 'źródło', type: 'text' }
		],
		rows: figures.map((f) => ({ edition_id: f.edition_id, figure: f.figure, value: f.value, stated: f.stated, quote: f.quote, provenance: 'published', sources: f.source_id })),
		meta
	};
}

/** A centre's synthetic profile and support, one row per category, hidden counts empty with their reason. */
export function profileExport(detail: CentreDetail, meta: ExportMeta): ExportTable {
	const profile = Object.entries(detail.profile).flatMap(([dimension, cells]) =>
		cells.map((c) => ({ dimension, category: c.key, participants: c.count, hours: null, cost_pln: null, provenance: c.suppressed ? 'suppressed' : 'synthetic' }))
	);
	const support = detail.support.map((s) => ({ dimension: 'support_form', category: s.form, participants: s.participants, hours: s.hours, cost_pln: s.costPln, provenance: s.suppressed ? 'suppressed' : 'synthetic' }));
	return {
		name: fileName(meta.title),
		columns: [
			{ key: 'dimension', label: 'cecha', type: 'text' },
			{ key: 'category', label: 'kategoria', type: 'text' },
			{ key: 'participants', label: 'liczba osób', type: 'integer' },
			{ key: 'hours', label: 'godziny', type: 'number' },
			{ key: 'cost_pln', label: 'koszt (zł)', type: 'number' },
			{ key: 'provenance', label: 'pochodzenie', type: 'text' }
		],
		rows: [...profile, ...support],
		meta
	};
}

/**
 * Rows as they are (a centre's editions or activities, a query's result): each column typed by its values,
 * objects as JSON text, and a provenance column when the rows have one provenance to state.
 */
export function recordsExport(rows: Record<string, unknown>[], keys: string[], meta: ExportMeta, provenance?: string): ExportTable {
	const typeOf = (key: string): ColumnType => {
		const present = rows.map((r) => r[key]).filter((v) => v !== null && v !== undefined);
		return present.length && present.every((v) => typeof v === 'number') ? 'number' : present.length && present.every((v) => typeof v === 'boolean') ? 'boolean' : 'text';
	};
	const columns: ExportColumn[] = keys.map((key) => ({ key, label: key, type: typeOf(key) }));
	const cell = (value: unknown, type: ColumnType): ExportValue =>
		value === null || value === undefined ? null : type !== 'text' ? (value as number | boolean) : typeof value === 'object' ? JSON.stringify(value) : String(value);
	return {
		name: fileName(meta.title),
		columns: provenance ? [...columns, { key: 'provenance', label: 'pochodzenie', type: 'text' }] : columns,
		rows: rows.map((r) => ({ ...Object.fromEntries(columns.map((c) => [c.key, cell(r[c.key], c.type)])), ...(provenance ? { provenance } : {}) })),
		meta
	};
}
