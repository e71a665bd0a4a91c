// XLSX through exceljs: the data on the first sheet, typed, and a second sheet that says what it is — filters,
// sources, provenance and the date — the part of an export that most often goes missing.
import type { Workbook } from 'exceljs';
import { pl } from '../i18n/pl';
import { columnValues, neutraliseFormula, type ExportTable } from './table';

/** exceljs is large; it loads only when someone exports or imports a spreadsheet. */
async function newWorkbook(): Promise<Workbook> {
	const { default: ExcelJS } = await import('exceljs');
	return new ExcelJS.Workbook();
}

export async function toXlsx(table: ExportTable): Promise<Uint8Array> {
	const workbook = await newWorkbook();
	workbook.created = new Date(table.meta.exportedAt);
	const data = workbook.addWorksheet(pl.exports.sheets.data);
	data.addRow(table.columns.map((c) => neutraliseFormula(c.key)));
	data.getRow(1).font = { bold: true };
	const columns = table.columns.map((c) => columnValues(table, c));
	table.rows.forEach((_, r) => data.addRow(columns.map((values) => (typeof values[r] === 'string' ? neutraliseFormula(values[r] as string) : values[r]))));
	data.views = [{ state: 'frozen', ySplit: 1 }];
	table.columns.forEach((c, i) => {
		data.getColumn(i + 1).width = Math.min(40, Math.max(10, c.key.length + 2));
		if (c.type === 'number') data.getColumn(i + 1).numFmt = '0.00##';
	});

	const about = workbook.addWorksheet(pl.exports.sheets.about);
	const t = pl.exports.about;
	const lines: [string, string][] = [
		[t.title, table.meta.title],
		[t.exportedAt, table.meta.exportedAt],
		[t.filters, table.meta.filters.join('; ') || t.noFilters],
		[t.sources, table.meta.sources.join('; ')],
		[t.provenance, table.meta.provenance],
		[t.disclosure, t.disclosureText],
		[t.columns, table.columns.map((c) => `${c.key}: ${c.label}`).join('; ')]
	];
	for (const [label, value] of lines) about.addRow([label, neutraliseFormula(value)]);
	about.getColumn(1).font = { bold: true };
	about.getColumn(1).width = 24;
	about.getColumn(2).width = 100;
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}
