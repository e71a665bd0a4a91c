// CSV in UTF-8 through papaparse: comma and decimal point by default, or the Polish Excel dialect (semicolon and
// decimal comma), with an optional BOM so Excel reads UTF-8; formulas neutralised.
import Papa from 'papaparse';
import { columnValues, neutraliseFormula, type ExportTable } from './table';

export interface CsvOptions {
	/** ';' with decimal commas, as Polish Excel expects; ',' with decimal points otherwise. */
	dialect: 'standard' | 'excel-pl';
	bom: boolean;
}

export function toCsv(table: ExportTable, options: CsvOptions): string {
	const decimalComma = options.dialect === 'excel-pl';
	const columns = table.columns.map((c) => columnValues(table, c));
	const cell = (value: unknown): string => {
		if (value === null || value === undefined) return '';
		if (typeof value === 'number') return decimalComma ? String(value).replace('.', ',') : String(value);
		if (typeof value === 'boolean') return value ? 'true' : 'false';
		return neutraliseFormula(String(value));
	};
	const data = table.rows.map((_, r) => table.columns.map((_, c) => cell(columns[c][r])));
	const body = Papa.unparse({ fields: table.columns.map((c) => neutraliseFormula(c.key)), data }, { delimiter: decimalComma ? ';' : ',', newline: '\r\n' });
	return (options.bom ? '\ufeff' : '') + body + '\r\n';
}
