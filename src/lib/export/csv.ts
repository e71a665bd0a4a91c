// CSV in UTF-8 through papaparse, formulas neutralised. Two forms: the long machine form (comma, decimal point, no
// BOM), and the table as on screen for Excel in the page's language, with a BOM so Excel reads UTF-8: for Polish
// Excel a semicolon and a decimal comma (45,9% as a percentage, 403220,44 as a number, 12.03.2011 as a date), for
// English Excel a comma and a decimal point (45.9%, 403220.44, and ISO dates, which Excel reads in any locale).
import Papa from 'papaparse';
import { getLocale, type Locale } from '../i18n/locale';
import type { Format } from '../table/columns';
import { columnValues, neutraliseFormula, type LongTable, type WideTable } from './table';

/** The long form, for programs: plain numbers with a decimal point. */
export function toCsv(table: LongTable): string {
	const columns = table.columns.map((c) => columnValues(table, c));
	const cell = (value: unknown): string => {
		if (value === null || value === undefined) return '';
		if (typeof value === 'number' || typeof value === 'boolean') return String(value);
		return neutraliseFormula(String(value));
	};
	const data = table.rows.map((_, r) => table.columns.map((_, c) => cell(columns[c][r])));
	return Papa.unparse({ fields: table.columns.map((c) => neutraliseFormula(c.key)), data }, { delimiter: ',', newline: '\r\n' }) + '\r\n';
}

const trimmed = (value: number, digits: number) => value.toFixed(digits).replace(/\.?0+$/u, '');

/** A number as Excel reads it back into a number: no group separators, the language's decimal mark, percent as percent. */
function excelNumber(format: Format, value: number, locale: Locale): string {
	const point = excelPoint(format, value);
	return locale === 'pl' ? point.replace('.', ',') : point;
}

function excelPoint(format: Format, value: number): string {
	switch (format) {
		case 'percent':
			return `${trimmed(value * 100, 1)}%`;
		case 'percentUnits':
			return `${trimmed(value, 1)}%`;
		case 'money':
			return value.toFixed(2);
		case 'integer':
			return String(Math.round(value));
		case 'points':
			return trimmed(value * 100, 1);
		default:
			return trimmed(value, 2);
	}
}

const excelDate = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso);

/** The table as on screen for Excel in `locale`: its headers and, under them, one line per row. */
export function toExcelCsv(table: WideTable, locale: Locale = getLocale()): string {
	const cell = (format: Format, value: string | number | null): string => {
		if (value === null) return '';
		if (typeof value === 'number') return excelNumber(format, value, locale);
		return neutraliseFormula(format === 'date' && locale === 'pl' ? excelDate(value) : value);
	};
	const data = table.rows.map((row) => row.map((c, i) => cell(table.columns[i].format, c.value)));
	return '\ufeff' + Papa.unparse({ fields: table.columns.map((c) => neutraliseFormula(c.header)), data }, { delimiter: locale === 'pl' ? ';' : ',', newline: '\r\n' }) + '\r\n';
}
