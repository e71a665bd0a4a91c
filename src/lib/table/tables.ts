// Every table of the dashboard as columns and rows: each declared once, and both rendered (DataTable) and exported
// (table/export.ts) from that one declaration. The cells are the query modules' cells as they come: nothing here
// decides what is shown or hidden. Pure (no SvelteKit imports), so the build's scripts and the tests load it too.
import { ui } from '../i18n';
import { editionNote, figureNote } from '../i18n/data-notes';
import { onlyPublished, published, type ShownCell, type ValueCell } from '../queries/cells';
import type { CentreSummary, EditionParticipants } from '../queries/overview';
import type { OutcomeIndicator } from '../queries/outcomes';
import type { ComparedCentre, RateDifference } from '../queries/compare';
import type { CentreDetail, ProfileDimension } from '../queries/centre';
import { editionCoverage } from '../queries/coverage';
import { allowedValues, columnText, dictionary, figureText, valueLabel, type Activity, type ColumnSpec, type Edition, type Figure, type TableName } from '../dictionary';
import { formatDate } from '../format/number';
import type { CountCell } from '../stats/disclosure';
import type { BarChartData, ChartUnit } from '../charts/bar-config';
import type { Column, Format, TableModel } from './columns';

type View = 'all' | 'published';

const yearsText = (first: number | null, last: number | null, withoutYear: number) =>
	[first === null ? '' : first === last ? `${first}` : `${first}–${last}`, withoutYear ? ui.overview.unknownYear : ''].filter(Boolean).join(', ');

/** Which editions a centre's figures cover, where fewer than its row lists. */
function coverageNote(editions: EditionParticipants[], centreId: string): string | null {
	const covered = editionCoverage(editions, centreId);
	return covered && ui.filters.coverage(covered.years.map((y) => (y === null ? ui.overview.unknownYear : String(y))), covered.of);
}

/** A site path; DataTable puts the site's base path in front. */
const centreLink = (centreId: string) => `/osrodki/${centreId}/`;

/** The overview's comparison table: one row per centre. */
export function centreTable(centres: CentreSummary[], editions: EditionParticipants[], view: View, priceBase: number | null): TableModel<CentreSummary> {
	const c = ui.overview.columns;
	const money = ui.prices.basis(priceBase);
	const columns: Column<CentreSummary>[] = [
		{ key: 'centre', label: c.centre, format: 'text', rowHeader: true, sortable: true, value: (r) => r.shortName, href: (r) => centreLink(r.centreId) },
		{ key: 'years', label: c.years, format: 'text', value: (r) => yearsText(r.firstYear, r.lastYear, r.editionsWithoutYear), note: (r) => coverageNote(editions, r.centreId) },
		{ key: 'participants', label: c.participants, format: 'integer', sortable: true, cell: (r) => r.participants },
		{ key: 'women', label: c.women, format: 'percent', sortable: true, cell: (r) => onlyPublished(r.women, view) },
		{ key: 'completion', label: c.completion, format: 'percent', sortable: true, cell: (r) => onlyPublished(r.completion, view) },
		{ key: 'employment', label: c.employment, format: 'percent', sortable: true, cell: (r) => onlyPublished(r.employment, view) },
		{ key: 'budget', label: c.budget, unit: `${ui.units.money}, ${money}`, format: 'money', sortable: true, cell: (r) => r.budget },
		{ key: 'cost-per-participant', label: c.costPerParticipant, unit: `${ui.units.money}, ${money}`, format: 'money', sortable: true, cell: (r) => r.costPerParticipant },
		{ key: 'cost-per-employed', label: c.costPerEmployed, unit: `${ui.units.money}, ${money}`, format: 'money', sortable: true, cell: (r) => r.costPerEmployed }
	];
	return { columns, rows: centres, rowName: 'centre', rowKey: (r) => r.centreId };
}

/** Result indicators by sex, per centre and outcome (synthetic). */
export function outcomeTable(indicators: OutcomeIndicator[], names: Map<string, string>): TableModel<OutcomeIndicator> {
	const t = ui.outcomes.columns;
	return {
		columns: [
			{ key: 'centre', label: t.centre, format: 'text', rowHeader: true, value: (r) => names.get(r.centreId) ?? r.centreId },
			{ key: 'indicator', label: t.indicator, format: 'text', value: (r) => ui.filters.outcomeLabels[r.outcome] },
			{ key: 'women', label: t.women, format: 'percent', cell: (r) => r.women },
			{ key: 'men', label: t.men, format: 'percent', cell: (r) => r.men },
			{ key: 'total', label: t.total, format: 'percent', cell: (r) => r.total }
		],
		rows: indicators,
		rowName: 'outcome',
		rowKey: (r) => `${r.centreId}:${r.outcome}`
	};
}

const CHART_FORMAT: Record<ChartUnit, Format> = { number: 'number', percent: 'percentUnits', money: 'money' };

/** A chart's bar as a cell: its value with its mark, or its gap with the reason the chart writes beside it. */
function barCell(data: BarChartData, series: BarChartData['series'][number], i: number): ShownCell {
	const value = series.values[i];
	if (value === null) return { kind: 'missing', reason: series.notes?.[i] ?? data.missing?.[i] ?? 'not_applicable' };
	const synthetic = series.synthetic?.[i] ?? false;
	const imported = series.imported?.[i] ?? false;
	if (synthetic || imported) return { kind: 'synthetic', value, ...(imported ? { imported: synthetic ? 'some' : 'all' } : {}) };
	return { kind: 'published', value, sources: [], ...(series.derived ? { derived: true } : {}) };
}

/** The data a bar chart draws, as its table: a row per category, a column per series and its interval. */
export function chartTable(data: BarChartData, categoryHeader: string): TableModel<number> {
	const format = CHART_FORMAT[data.unit];
	const columns: Column<number>[] = [{ key: 'category', label: categoryHeader, format: 'text', rowHeader: true, value: (i) => data.categories[i] }];
	data.series.forEach((s, n) => {
		const key = `series-${n + 1}`;
		columns.push({ key, label: s.label, format, cell: (i) => barCell(data, s, i) });
		if (s.low && s.high) {
			const { low, high } = s;
			columns.push({ key: `${key}-low`, label: `${s.label}: ${ui.exports.wide.low}`, format, value: (i) => low[i] });
			columns.push({ key: `${key}-high`, label: `${s.label}: ${ui.exports.wide.high}`, format, value: (i) => high[i] });
		}
	});
	return { columns, rows: data.categories.map((_, i) => i), rowName: 'category', rowKey: (i) => data.categories[i] };
}

/** The compare view's table: the chosen centres, one row each, with shares and participants per 1,000. */
export function compareTable(centres: ComparedCentre[], editions: EditionParticipants[], view: View, priceBase: number | null): TableModel<ComparedCentre> {
	const t = ui.compare.rows;
	const money = ui.prices.basis(priceBase);
	const population = (r: ComparedCentre): ValueCell => (r.population ? published(r.population.population, [r.population.sourceId]) : { kind: 'unknown' });
	const columns: Column<ComparedCentre>[] = [
		{ key: 'centre', label: ui.overview.columns.centre, format: 'text', rowHeader: true, sortable: true, value: (r) => r.summary.shortName, href: (r) => centreLink(r.summary.centreId) },
		{ key: 'years', label: t.years, format: 'text', value: (r) => yearsText(r.summary.firstYear, r.summary.lastYear, r.summary.editionsWithoutYear), note: (r) => coverageNote(editions, r.summary.centreId) },
		{ key: 'participants', label: t.participants, format: 'integer', sortable: true, cell: (r) => r.summary.participants },
		{ key: 'participants-share', label: t.participantsShare, format: 'percent', sortable: true, cell: (r) => onlyPublished(r.participantsShare, view) },
		{ key: 'population', label: t.population, format: 'integer', sortable: true, cell: population, note: (r) => r.population && ui.compare.populationYear(r.population.year, r.population.withinProject) },
		{ key: 'per-1000', label: t.per1000, format: 'number', sortable: true, cell: (r) => onlyPublished(r.participantsPer1000, view) },
		{ key: 'women', label: t.women, format: 'percent', sortable: true, cell: (r) => onlyPublished(r.summary.women, view) },
		{ key: 'employment', label: t.employment, format: 'percent', sortable: true, cell: (r) => onlyPublished(r.summary.employment, view) },
		{ key: 'budget', label: t.budget, unit: `${ui.units.money}, ${money}`, format: 'money', sortable: true, cell: (r) => r.summary.budget },
		{ key: 'budget-share', label: t.budgetShare, format: 'percent', sortable: true, cell: (r) => r.budgetShare },
		{ key: 'cost-per-participant', label: t.costPerParticipant, unit: `${ui.units.money}, ${money}`, format: 'money', sortable: true, cell: (r) => r.summary.costPerParticipant }
	];
	return { columns, rows: centres, rowName: 'centre', rowKey: (r) => r.summary.centreId };
}

/** Differences of two centres' rates, each with its interval and a plain verdict on the noise. */
export function differenceTable(differences: RateDifference[], names: Map<string, string>): TableModel<RateDifference> {
	const t = ui.compare.differences;
	return {
		columns: [
			{ key: 'pair', label: t.columns.pair, format: 'text', rowHeader: true, value: (d) => `${names.get(d.first) ?? d.first} − ${names.get(d.second) ?? d.second}` },
			{ key: 'measure', label: t.columns.measure, format: 'text', value: (d) => t.measures[d.measure] },
			{ key: 'difference', label: t.columns.difference, format: 'points', cell: (d) => (d.kind === 'published' ? { kind: 'published', value: d.difference, sources: [] } : { kind: 'synthetic', value: d.difference }) },
			{ key: 'ci-low', label: `${t.columns.interval}: ${ui.exports.wide.low}`, format: 'points', value: (d) => d.low },
			{ key: 'ci-high', label: `${t.columns.interval}: ${ui.exports.wide.high}`, format: 'points', value: (d) => d.high },
			{ key: 'verdict', label: t.columns.verdict, format: 'text', value: (d) => (d.withinNoise ? t.withinNoise : t.beyondNoise) }
		],
		rows: differences,
		rowName: 'pair',
		rowKey: (d) => `${d.first}:${d.second}`,
		rowAttributes: (d) => ({ 'data-measure': d.measure, 'data-noise': d.withinNoise ? 'within' : 'beyond' })
	};
}

/** A centre's editions, with the participants and budget its page publishes for each. */
export function editionTable(detail: CentreDetail): TableModel<Edition> {
	const t = ui.centre.editionColumns;
	const figure = (e: Edition, key: string): ValueCell => {
		const f = detail.figures.find((x) => x.edition_id === e.edition_id && x.figure === key);
		return published(f?.value, f ? [f.source_id] : []);
	};
	return {
		columns: [
			{ key: 'year', label: t.year, format: 'text', rowHeader: true, value: (e) => (e.year === null ? ui.centre.noYear : String(e.year)) },
			{ key: 'title', label: t.title, format: 'text', sourceWords: true, value: (e) => `„${e.title}”` },
			{ key: 'period', label: t.period, format: 'text', sourceWords: true, value: (e) => e.period_stated, note: (e) => (e.start_date && e.end_date ? `${formatDate(e.start_date)} – ${formatDate(e.end_date)}` : null) },
			{ key: 'participants', label: t.participants, format: 'integer', cell: (e) => figure(e, 'participants') },
			{ key: 'budget', label: t.budget, unit: ui.units.money, format: 'money', cell: (e) => figure(e, 'budget_pln') },
			{ key: 'note', label: t.note, format: 'text', value: (e) => editionNote(e) }
		],
		rows: detail.editions,
		rowName: 'edition',
		rowKey: (e) => e.edition_id
	};
}

/** Every figure a centre's page publishes: the words it uses, the value read from them, and the quote. */
export function figureTable(detail: CentreDetail): TableModel<Figure> {
	const t = ui.centre.figureColumns;
	const yearOf = (f: Figure) => detail.editions.find((e) => e.edition_id === f.edition_id)?.year ?? ui.centre.noYear;
	return {
		columns: [
			{ key: 'figure', label: t.figure, format: 'text', rowHeader: true, value: (f) => figureText(f.figure).label },
			{ key: 'year', label: ui.centre.editionColumns.year, format: 'text', value: (f) => String(yearOf(f)) },
			{ key: 'stated', label: t.stated, format: 'text', sourceWords: true, value: (f) => f.stated },
			{ key: 'value', label: t.value, format: 'number', cell: (f) => published(f.value, [f.source_id]) },
			{ key: 'unit', label: t.unit, format: 'text', value: (f) => figureText(f.figure).unit || null },
			{ key: 'quote', label: t.quote, format: 'text', quote: true, value: (f) => f.quote, note: (f) => figureNote(f) }
		],
		rows: detail.figures,
		rowName: 'figure',
		rowKey: (f) => `${f.edition_id}:${f.figure}`,
		rowAttributes: (f) => ({ 'data-figure': f.figure })
	};
}

/** The activities, courses and events a centre's page names, in its words. */
export function activityTable(detail: CentreDetail): TableModel<Activity> {
	const t = ui.centre.activityColumns;
	return {
		columns: [
			{ key: 'name', label: t.name, format: 'text', rowHeader: true, sourceWords: true, value: (a) => a.name },
			{ key: 'kind', label: t.kind, format: 'text', value: (a) => valueLabel('activity_kind', a.kind) },
			{ key: 'support_form', label: t.form, format: 'text', value: (a) => (a.support_form ? valueLabel('support_form', a.support_form) : null) },
			{ key: 'date', label: t.date, format: 'date', value: (a) => a.date },
			{ key: 'source', label: t.source, format: 'text', value: (a) => a.source_id }
		],
		rows: detail.activities,
		rowName: 'activity',
		rowKey: (a) => a.activity_id,
		provenance: 'published'
	};
}

const countCell = (count: number | null): ShownCell => (count === null ? { kind: 'suppressed' } : { kind: 'synthetic', value: count });

/** One breakdown of a centre's synthetic participants, small groups hidden. */
export function profileTable(detail: CentreDetail, dimension: ProfileDimension): TableModel<CountCell<string>> {
	const t = ui.centre.profileColumns;
	return {
		columns: [
			{ key: 'category', label: t.value, format: 'text', rowHeader: true, value: (c) => valueLabel(dimension, c.key) },
			{ key: 'participants', label: t.count, format: 'integer', cell: (c) => countCell(c.count) }
		],
		rows: detail.profile[dimension],
		rowName: 'category',
		rowKey: (c) => c.key
	};
}

/** A centre's synthetic support by form: participants, hours and cost, hidden together where the count is small. */
export function supportTable(detail: CentreDetail): TableModel<CentreDetail['support'][number]> {
	const t = ui.centre.supportColumns;
	// A hidden head count hides its hours and cost too (queries/centre.ts): the same reason stands in each.
	const figure = (row: CentreDetail['support'][number], value: number | null): ShownCell => (row.suppressed ? { kind: 'suppressed' } : value === null ? { kind: 'unknown' } : { kind: 'synthetic', value });
	return {
		columns: [
			{ key: 'form', label: t.form, format: 'text', rowHeader: true, value: (r) => valueLabel('support_form', r.form) },
			{ key: 'participants', label: t.participants, format: 'integer', cell: (r) => figure(r, r.participants) },
			{ key: 'hours', label: t.hours, format: 'number', cell: (r) => figure(r, r.hours) },
			{ key: 'cost', label: t.cost, unit: ui.units.money, format: 'money', cell: (r) => figure(r, r.costPln) }
		],
		rows: detail.support,
		rowName: 'form',
		rowKey: (r) => r.form
	};
}

/** One table of the data dictionary: its columns, their types, meanings and allowed values. */
export function dictionaryTable(table: TableName): TableModel<ColumnSpec> {
	const spec = dictionary.tables[table];
	const t = ui.data.columns;
	const range = (c: ColumnSpec) => (c.values ? allowedValues(c.values).join(', ') : c.min !== undefined || c.max !== undefined ? `${c.min ?? ''} … ${c.max ?? ''}` : null);
	return {
		columns: [
			{ key: 'name', label: t.name, format: 'text', rowHeader: true, value: (c) => c.name },
			{
				key: 'type',
				label: t.type,
				format: 'text',
				value: (c) => `${ui.data.typeNames[c.type]}${c.unit ? ` [${columnText(table, c).unit ?? c.unit}]` : ''}${c.references ? ` → ${c.references}` : ''}`,
				href: (c) => (c.references ? `#tabela-${c.references}` : null)
			},
			{ key: 'label', label: t.label, format: 'text', value: (c) => columnText(table, c).label, note: (c) => columnText(table, c).description ?? null },
			{ key: 'values', label: t.values, format: 'text', value: range },
			{ key: 'required', label: t.required, format: 'text', value: (c) => (c.required ? ui.data.yes : ui.data.no) }
		],
		rows: spec.columns,
		rowName: 'column',
		rowKey: (c) => c.name
	};
}

/** Rows as a query returns them (the SQL explorer): a column per key, numbers where every value is one. */
export function recordTable(keys: { name: string }[], rows: Record<string, unknown>[]): TableModel<Record<string, unknown>> {
	const numeric = (key: string) => rows.some((r) => typeof r[key] === 'number') && rows.every((r) => r[key] === null || r[key] === undefined || typeof r[key] === 'number');
	const text = (value: unknown): string | null => (value === null || value === undefined ? null : typeof value === 'object' ? JSON.stringify(value) : String(value));
	const index = new Map(rows.map((r, i) => [r, String(i)]));
	return {
		columns: keys.map(({ name }): Column<Record<string, unknown>> =>
			numeric(name) ? { key: name, label: name, format: 'number', value: (r) => (r[name] as number | null | undefined) ?? null } : { key: name, label: name, format: 'text', value: (r) => text(r[name]) }
		),
		rows,
		rowName: 'row',
		rowKey: (r) => index.get(r)!,
		keyExported: false
	};
}
