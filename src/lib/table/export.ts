// A table's columns and rows, exactly as DataTable renders them, to both export forms: wide (as on screen: Polish
// headers, one column per figure, numbers with their formats, each gap in words) and long (one row per figure, with
// its provenance, reason code and sources, for R, pandas or a pivot table).
import { missingReason, type ShownCell } from '../queries/cells';
import { ui } from '../i18n';
import { fileName, type ExportColumn, type ExportMeta, type ExportTable, type ExportValue, type WideCell, type WideColumn } from '../export/table';
import type { BarChartData } from '../charts/bar-config';
import { cellNumber, columnProvenance, gapShort, kindOf, provenanceOf, type Column, type Format, type TableModel } from './columns';
import { chartTable } from './tables';

const NUMERIC: Format[] = ['integer', 'number', 'percent', 'percentUnits', 'money', 'wholeMoney', 'points'];
/** Shares on a common scale in the long form: a chart's 45.9 (percent) is 0.459 there, as a table's rates are. */
const toShare = (format: Format, value: number | null) => (value === null ? null : format === 'percentUnits' ? Math.round(value * 10) / 1000 : value);

const hasRates = <R>(column: Column<R>, rows: R[]) => rows.some((r) => 'k' in column.cell!(r));
const header = <R>(column: Column<R>, suffix = '') => `${column.label}${column.unit ? ` (${column.unit})` : ''}${suffix}`;

/** The table as on screen: every column, a rate's k, n and interval beside it, and a gap as its reason in words. */
export function wideTable<R>(model: TableModel<R>): { columns: WideColumn[]; rows: WideCell[][] } {
	const parts: { column: WideColumn; cell: (row: R) => WideCell }[] = [];
	for (const column of model.columns) {
		if (column.exported === false) continue;
		if (!column.cell) {
			const value = column.value!;
			parts.push({ column: { header: header(column), format: column.format }, cell: (r) => ({ value: value(r) }) });
		} else {
			const figure = column.cell;
			const uniform = columnProvenance(column, model.rows);
			const mark = uniform ? ` — ${ui.cell.kinds[uniform]}` : '';
			const value = (cell: ShownCell): WideCell => {
				const reason = missingReason(cell);
				return reason ? { value: gapShort(reason) } : { value: cellNumber(cell), synthetic: cell.kind === 'synthetic' };
			};
			parts.push({ column: { header: header(column, mark), format: column.format }, cell: (r) => value(figure(r)) });
			if (hasRates(column, model.rows)) {
				const field = (key: 'k' | 'n' | 'low' | 'high') => (r: R): WideCell => {
					const cell = figure(r) as Record<string, unknown>;
					return { value: typeof cell[key] === 'number' ? (cell[key] as number) : null };
				};
				const t = ui.exports.wide;
				parts.push({ column: { header: `${column.label}: ${t.k}`, format: 'integer' }, cell: field('k') });
				parts.push({ column: { header: `${column.label}: ${t.n}`, format: 'integer' }, cell: field('n') });
				parts.push({ column: { header: `${column.label}: ${t.low}`, format: 'percent' }, cell: field('low') });
				parts.push({ column: { header: `${column.label}: ${t.high}`, format: 'percent' }, cell: field('high') });
			}
			// Mixed provenance: said per row, as each cell on screen says it with its own badge.
			if (!uniform && model.rows.some((r) => provenanceOf(figure(r)))) {
				parts.push({
					column: { header: `${column.label}: ${ui.exports.wide.provenance}`, format: 'text' },
					cell: (r) => {
						const kind = provenanceOf(figure(r));
						return { value: kind && ui.cell.kinds[kind] };
					}
				});
			}
		}
		if (column.note && model.rows.some((r) => column.note!(r))) {
			const note = column.note;
			parts.push({ column: { header: `${column.label}: ${ui.exports.wide.note}`, format: 'text' }, cell: (r) => ({ value: note(r) }) });
		}
	}
	return { columns: parts.map((p) => p.column), rows: model.rows.map((r) => parts.map((p) => p.cell(r))) };
}

const FIGURE_FIELDS: ExportColumn[] = [
	{ key: 'measure', label: 'miara (kolumna tabeli)', type: 'text' },
	{ key: 'value', label: 'wartość (odsetki jako ułamek)', type: 'number' },
	{ key: 'k', label: 'licznik odsetka', type: 'integer' },
	{ key: 'n', label: 'mianownik odsetka (n)', type: 'integer' },
	{ key: 'ci_low', label: 'dolna granica 95% PU', type: 'number' },
	{ key: 'ci_high', label: 'górna granica 95% PU', type: 'number' },
	{ key: 'provenance', label: 'pochodzenie', type: 'text' },
	{ key: 'reason', label: 'powód braku wartości (kod)', type: 'text' },
	{ key: 'sources', label: 'źródła', type: 'text' },
	{ key: 'note', label: 'uwaga', type: 'text' }
];

/** One figure as long-form fields: a rate as its share, k, n and interval; a count or amount as its value. */
function figureFields(cell: ShownCell, format: Format): Record<string, ExportValue> {
	const rate = 'k' in cell ? cell : null;
	const n = 'n' in cell && typeof cell.n === 'number' ? cell.n : null;
	return {
		value: toShare(format, cellNumber(cell)),
		k: rate ? rate.k : null,
		n,
		ci_low: rate ? rate.low : null,
		ci_high: rate ? rate.high : null,
		provenance: kindOf(cell),
		reason: missingReason(cell),
		sources: cell.kind === 'published' && cell.sources.length ? cell.sources.join(' ') : null
	};
}

const plainType = (format: Format): ExportColumn['type'] => (format === 'integer' ? 'integer' : NUMERIC.includes(format) ? 'number' : 'text');

/**
 * One row per figure (row × figure column), each row named by its key and its plain columns; a table of plain
 * values only is one row per row, with the table's provenance where it has one.
 */
export function longTable<R>(model: TableModel<R>): { columns: ExportColumn[]; rows: Record<string, ExportValue>[] } {
	const plain = model.columns.filter((c) => !c.cell && c.exported !== false);
	const figures = model.columns.filter((c) => c.cell);
	const id = `${model.rowName}_id`;
	const keyed = model.keyExported !== false;
	const ids = (r: R): Record<string, ExportValue> => ({
		...(keyed ? { [id]: model.rowKey(r) } : {}),
		...Object.fromEntries(plain.map((c) => [c.key, c.value!(r)]))
	});
	const idColumns: ExportColumn[] = [...(keyed ? [{ key: id, label: ui.exports.wide.rowId, type: 'text' as const }] : []), ...plain.map((c) => ({ key: c.key, label: c.label, type: plainType(c.format) }))];
	if (!figures.length) {
		return {
			columns: model.provenance ? [...idColumns, { key: 'provenance', label: 'pochodzenie', type: 'text' }] : idColumns,
			rows: model.rows.map((r) => ({ ...ids(r), ...(model.provenance ? { provenance: model.provenance } : {}) }))
		};
	}
	return {
		columns: [...idColumns, ...FIGURE_FIELDS],
		rows: model.rows.flatMap((r) => figures.map((c) => ({ ...ids(r), measure: c.key, ...figureFields(c.cell!(r), c.format), note: c.note?.(r) ?? null })))
	};
}

/** Both forms of one table, with what to say about it. */
export function tableExport<R>(model: TableModel<R>, meta: ExportMeta): ExportTable {
	const name = fileName(meta.title);
	return { name, meta, wide: wideTable(model), long: { name, meta, ...longTable(model) } };
}

/** A chart's export: the table the chart's „Pokaż dane w tabeli” shows, so the file and that table are one. */
export const chartExport = (data: BarChartData, categoryHeader: string, meta: ExportMeta): ExportTable => tableExport(chartTable(data, categoryHeader), meta);
