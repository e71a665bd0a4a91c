// CSV in UTF-8 through papaparse, formulas neutralised. Two forms: the long machine form (comma, decimal point, no
// BOM), and the table as on screen for Polish Excel (semicolon, decimal comma, BOM so Excel reads UTF-8), whose
// cells Excel reads back as numbers: 45,9% as a percentage, 403220,44 as a number, 12.03.2011 as a date.
import Papa from 'papaparse';
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

const decimal = (value: number, digits: number) => value.toFixed(digits).replace(/\.?0+$/u, '').replace('.', ',');

/** A number as Polish Excel reads it back into a number: no group separators, a decimal comma, percent as percent. */
function excelNumber(format: Format, value: number): string {
	switch (format) {
		case 'percent':
			return `${decimal(value * 100, 1)}%`;
		case 'percentUnits':
			return `${decimal(value, 1)}%`;
		case 'money':
			return value.toFixed(2).replace('.', ',');
		case 'integer':
			return String(Math.round(value));
		case 'points':
			return decimal(value * 100, 1);
		default:
			return decimal(value, 2);
	}
}

const excelDate = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso);

/** The table as on screen for Polish Excel: its Polish headers and, under them, one line per row. */
export function toExcelCsv(table: WideTable): string {
	const cell = (format: Format, value: string | number | null): string => {
		if (value === null) return '';
		if (typeof value === 'number') return excelNumber(format, value);
		return neutraliseFormula(format === 'date' ? excelDate(value) : value);
	};
	const data = table.rows.map((row) => row.map((c, i) => cell(table.columns[i].format, c.value)));
	return '\ufeff' + Papa.unparse({ fields: table.columns.map((c) => neutraliseFormula(c.header)), data }, { delimiter: ';', newline: '\r\n' }) + '\r\n';
}
