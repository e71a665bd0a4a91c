// What every export is made from: the table as on screen (wide, Polish headers, number formats) and in long
// machine form (one row per figure, with provenance), and what to say about it (title, filters, sources, date).
// Both are shaped from the columns and rows on screen (table/export.ts), so disclosure control already holds in them.
import { foldPolish } from '../format/text';
import type { Format } from '../table/columns';

export type ColumnType = 'text' | 'integer' | 'number' | 'boolean';

export interface ExportColumn {
	key: string;
	label: string;
	type: ColumnType;
}

export type ExportValue = string | number | boolean | null;

export interface ExportMeta {
	title: string;
	/** Active filters and the price basis, in words. */
	filters: string[];
	/** Where the figures come from, in words. */
	sources: string[];
	/** How to read the provenance column, or why there is none. */
	provenance: string;
	/** ISO date-time of the export. */
	exportedAt: string;
}

/** The long, machine form: typed columns with English keys, one row per figure. */
export interface LongTable {
	/** File name without extension: letters, digits and hyphens. */
	name: string;
	columns: ExportColumn[];
	rows: Record<string, ExportValue>[];
	meta: ExportMeta;
}

/** A column of the table as on screen: its Polish header and how its numbers read. */
export interface WideColumn {
	header: string;
	format: Format;
}

/** A cell as on screen: a number, a text (a gap's reason, a name) or nothing; `synthetic` for the hatch. */
export interface WideCell {
	value: string | number | null;
	synthetic?: boolean;
}

export interface WideTable {
	columns: WideColumn[];
	rows: WideCell[][];
}

export interface ExportTable {
	/** File name without extension: letters, digits and hyphens. */
	name: string;
	meta: ExportMeta;
	wide: WideTable;
	long: LongTable;
}

/**
 * A text that a spreadsheet would run as a formula gets a leading apostrophe, so it is read as text: one that starts
 * with =, +, -, @, a tab or a carriage return, or with their full-width forms (＝＋－＠), also behind any leading
 * white space (space, no-break space, ideographic space, zero-width space or BOM), which spreadsheets skip. Numbers
 * are left alone: a negative number is a number, not a formula.
 */
const FORMULA = /^[\s\u200b\ufeff]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
export function neutraliseFormula(value: string): string {
	return FORMULA.test(value) ? `'${value}` : value;
}

/** The column's values, checked against its type: a value of the wrong type is a bug upstream, not data. */
export function columnValues(table: LongTable, column: ExportColumn): ExportValue[] {
	return table.rows.map((row, i) => {
		const value = row[column.key] ?? null;
		const ok =
			value === null ||
			(column.type === 'text' && typeof value === 'string') ||
			(column.type === 'boolean' && typeof value === 'boolean') ||
			((column.type === 'number' || column.type === 'integer') && typeof value === 'number' && Number.isFinite(value));
		if (!ok) throw new Error(`${table.name}: wiersz ${i + 1}, kolumna „${column.key}”: wartość ${JSON.stringify(value)} nie jest typu ${column.type}`);
		return value;
	});
}

/** A safe file name from a title: Polish letters folded, anything else a hyphen. */
export function fileName(title: string): string {
	return foldPolish(title).replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'dane';
}
