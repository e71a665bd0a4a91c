// Columns as data: one list of columns renders a table (DataTable.svelte), sorts it, lays it out as cards on a
// phone and exports it (table/export.ts), so what is on screen and what is exported are the same object.
import type { MissingReason, ShownCell } from '../queries/cells';
import { ui } from '../i18n';
import { formatDate, formatInteger, formatMoney, formatNumber, formatPercent, formatWholeMoney } from '../format/number';

/**
 * How a column's values read. On screen through format/number.ts; in a spreadsheet as numbers with a number format.
 * `percent` is a share (0.459 → 45,9%); `percentUnits` is already in percent (45.9 → 45,9%), as charts draw it;
 * `points` is a difference of two shares in percentage points.
 */
/** `wholeMoney`: an amount rounded to whole złoty or coarser (a perturbed cost per participant), shown without grosz. */
export type Format = 'text' | 'integer' | 'number' | 'percent' | 'percentUnits' | 'money' | 'wholeMoney' | 'date' | 'points';

/** Where a figure comes from, as the table marks it: the cell kinds that hold a value. */
export type Provenance = 'published' | 'derived' | 'synthetic' | 'imported' | 'synthetic+imported';

export interface Column<R> {
	/** The column's name in data-col, in sort URLs and in the long export's `measure`. */
	key: string;
	label: string;
	/** Under the label on screen, in brackets in the export's header: „zł, ceny bieżące”. */
	unit?: string;
	format: Format;
	/** A figure with its provenance (published, synthetic, hidden, …), marked per column where uniform. */
	cell?: (row: R) => ShownCell;
	/** A plain value: text, a number, or an ISO date for `date`. */
	value?: (row: R) => string | number | null;
	/** A second, smaller line under the value: which editions a figure covers, a year, a note. */
	note?: (row: R) => string | null;
	/** The value is a link, where this gives an address: a site path (`/osrodki/lezajsk/`) or an anchor (`#…`). */
	href?: (row: R) => string | null;
	/** The row's header (th scope=row), and a card's title on a phone. */
	rowHeader?: boolean;
	/** Text quoted from a source, shown as a quotation (in Polish, lang="pl", on every page). */
	quote?: boolean;
	/** The source's own words, not a quotation: a title, a period or an activity as the page names them. Polish on
	 * every page (lang="pl"), like the centres' names. */
	sourceWords?: boolean;
	/** Sortable by a header button. */
	sortable?: boolean;
	/** A text column kept out of the export (a second rendering of something already exported). */
	exported?: boolean;
}

/** A table: its columns, its rows and how to name a row in the page (data-<rowAttribute>) and the long export. */
export interface TableModel<R> {
	columns: Column<R>[];
	rows: R[];
	/** What a row is (`centre`): its key is data-centre on screen and centre_id in the long export. */
	rowName: string;
	rowKey: (row: R) => string;
	/** The long export names each row by its key (`centre_id`); false where rows have no key of their own. */
	keyExported?: boolean;
	/** More data- attributes on a row, beyond data-<rowName>. */
	rowAttributes?: (row: R) => Record<string, string>;
	/** The provenance of every value of a table of plain values (a centre's editions: published). */
	provenance?: Provenance;
}

/** The provenance a cell's value has, or null when it has no value (then its reason says why). */
export function provenanceOf(cell: ShownCell): Provenance | null {
	if (cell.kind === 'published') return 'derived' in cell && cell.derived ? 'derived' : 'published';
	if (cell.kind === 'synthetic') return cell.imported === 'all' ? 'imported' : cell.imported ? 'synthetic+imported' : 'synthetic';
	return null;
}

/** A gap's short words in a cell, on screen (FigureCell) and in the export alike. */
export const gapShort = (reason: MissingReason): string => ui.reason(reason).short;

/** The data-kind of a cell on screen and its provenance in the export: its provenance, or what kind of gap it is. */
export const kindOf = (cell: ShownCell): Provenance | Exclude<ShownCell['kind'], 'published' | 'synthetic'> => provenanceOf(cell) ?? (cell.kind as Exclude<ShownCell['kind'], 'published' | 'synthetic'>);

/**
 * The column's provenance when every figure in it that has a value shares one (published, derived or synthetic):
 * the header then carries the mark once and its cells none. Gaps say their reason in words and do not count; a
 * column of gaps only, or of mixed provenance, has no column mark, and each value is marked in its cell.
 */
export function columnProvenance<R>(column: Column<R>, rows: R[]): 'published' | 'derived' | 'synthetic' | null {
	if (!column.cell) return null;
	// One pass that stops at the second kind: a national table asks this of 2,477 rows on every filter change.
	let kind: Provenance | null = null;
	for (const row of rows) {
		const found = provenanceOf(column.cell(row));
		if (found === null || found === kind) continue;
		if (kind !== null) return null;
		kind = found;
	}
	return kind === 'published' || kind === 'derived' || kind === 'synthetic' ? kind : null;
}

const percentUnits = (v: number) => `${formatNumber(v)}%`;
const points = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${formatNumber(Math.abs(Math.round(v * 1000) / 10))} pp`;
const SCREEN: Record<Format, (v: number) => string> = {
	text: String,
	integer: formatInteger,
	number: formatNumber,
	percent: formatPercent,
	percentUnits,
	money: formatMoney,
	wholeMoney: formatWholeMoney,
	date: String,
	points
};

/** A number or date as the screen shows it. */
export function formatValue(format: Format, value: string | number): string {
	if (format === 'date') return typeof value === 'string' ? formatDate(value) : String(value);
	return typeof value === 'number' ? SCREEN[format](value) : value;
}

/** The number a figure cell sorts and exports by: its value or its rate; null for a gap. */
export function cellNumber(cell: ShownCell): number | null {
	return 'rate' in cell ? cell.rate : 'value' in cell ? cell.value : null;
}

export interface Sort {
	column: string;
	descending: boolean;
}

/** A header click: ascending first, then descending, then back to ascending. */
export const nextSort = (current: Sort | null, column: string): Sort => ({ column, descending: current?.column === column && !current.descending });

function sortValue<R>(column: Column<R>, row: R): string | number | null {
	if (column.cell) return cellNumber(column.cell(row));
	return column.value?.(row) ?? null;
}

/**
 * Rows in the chosen order, as a new array: texts in Polish order, numbers by size, and gaps (unknown, hidden,
 * suppressed) always last, so a missing figure never passes for the smallest. Ties and no sort keep the given order.
 */
export function sortRows<R>(rows: R[], columns: Column<R>[], sort: Sort | null): R[] {
	const column = sort && columns.find((c) => c.key === sort.column);
	if (!sort || !column) return rows;
	const direction = sort.descending ? -1 : 1;
	const collator = new Intl.Collator('pl');
	return rows
		.map((row, index) => ({ row, index, value: sortValue(column, row) }))
		.sort((a, b) => {
			if (a.value === null || b.value === null) return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
			const order = typeof a.value === 'string' ? collator.compare(a.value, String(b.value)) : a.value - (b.value as number);
			return order * direction || a.index - b.index;
		})
		.map((entry) => entry.row);
}
