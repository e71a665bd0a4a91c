// XLSX through exceljs. First sheet: the table as on screen, under a block that says what it is (title, filters,
// sources, date), with Polish headers and numbers as numbers in Polish number formats. Second sheet: the same
// figures in long machine form, provenance on every row. Third: how to read it (provenance, disclosure control).
import type { Workbook, Worksheet } from 'exceljs';
import { ui } from '../i18n';
import type { Format } from '../table/columns';
import { columnValues, neutraliseFormula, type ExportTable, type LongTable, type WideTable } from './table';

/** exceljs is large; it loads only when someone exports or imports a spreadsheet. */
async function newWorkbook(): Promise<Workbook> {
	const { default: ExcelJS } = await import('exceljs');
	return new ExcelJS.Workbook();
}

/** Excel number formats; Excel shows them with the reader's own separators (a decimal comma in Polish Excel). */
export const NUMBER_FORMATS: Record<Format, string | undefined> = {
	text: undefined,
	integer: '#,##0',
	number: '#,##0.00',
	percent: '0.0%',
	percentUnits: '0.0%',
	money: '#,##0.00 "zł"',
	wholeMoney: '#,##0 "zł"',
	date: 'dd.mm.yyyy',
	points: '+0.0" pp";-0.0" pp";0.0" pp"'
};

/** A column's number format in the file's language: its money in the page's currency word (zł, PLN). */
const numberFormat = (format: Format) => NUMBER_FORMATS[format]?.replace('"zł"', `"${ui.units.money}"`);

/** A value as the spreadsheet stores it: a chart's 45.9 (percent) as 0.459 under a percent format, a date as a date. */
function stored(format: Format, value: string | number | null): string | number | Date | null {
	if (value === null) return null;
	if (typeof value === 'number') return format === 'percentUnits' ? value / 100 : format === 'points' ? value * 100 : value;
	if (format === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
	return neutraliseFormula(value);
}

/** Diagonal hatching for a synthetic cell, the spreadsheet's form of the screen's dashed hatch. */
const HATCH = { type: 'pattern', pattern: 'lightUp', fgColor: { argb: 'FFE2C58F' } } as const;

function writeWide(sheet: Worksheet, table: ExportTable): void {
	const { meta, wide } = table;
	const t = ui.exports.block;
	const block: string[][] = [
		[meta.title],
		[t.filters, meta.filters.join('; ') || ui.exports.about.noFilters],
		[t.sources, meta.sources.join('; ')],
		[t.exportedAt, meta.exportedAt.slice(0, 10)],
		[t.marks],
		[]
	];
	for (const line of block) sheet.addRow(line.map(neutraliseFormula));
	sheet.getRow(1).font = { bold: true, size: 13 };
	const headerRow = block.length + 1;
	sheet.addRow(wide.columns.map((c) => neutraliseFormula(c.header)));
	sheet.getRow(headerRow).font = { bold: true };
	sheet.getRow(headerRow).alignment = { wrapText: true, vertical: 'top' };
	for (const row of wide.rows) {
		const added = sheet.addRow(row.map((cell, i) => stored(wide.columns[i].format, cell.value)));
		row.forEach((cell, i) => {
			const target = added.getCell(i + 1);
			const format = numberFormat(wide.columns[i].format);
			if (format && typeof cell.value === 'number') target.numFmt = format;
			if (format && target.value instanceof Date) target.numFmt = format;
			if (cell.synthetic) target.fill = HATCH;
			if (typeof cell.value !== 'number' && wide.columns[i].format !== 'text') target.alignment = { horizontal: 'right' };
		});
	}
	sheet.views = [{ state: 'frozen', ySplit: headerRow }];
	wide.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = Math.min(36, Math.max(12, Math.ceil(c.header.length * 0.6)))));
}

function writeLong(sheet: Worksheet, table: LongTable): void {
	sheet.addRow(table.columns.map((c) => neutraliseFormula(c.key)));
	sheet.getRow(1).font = { bold: true };
	const columns = table.columns.map((c) => columnValues(table, c));
	table.rows.forEach((_, r) => sheet.addRow(columns.map((values) => (typeof values[r] === 'string' ? neutraliseFormula(values[r] as string) : values[r]))));
	sheet.views = [{ state: 'frozen', ySplit: 1 }];
	table.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = Math.min(40, Math.max(10, c.key.length + 2))));
}

export async function toXlsx(table: ExportTable): Promise<Uint8Array> {
	const workbook = await newWorkbook();
	workbook.created = new Date(table.meta.exportedAt);
	writeWide(workbook.addWorksheet(ui.exports.sheets.table), table);
	writeLong(workbook.addWorksheet(ui.exports.sheets.data), table.long);

	const about = workbook.addWorksheet(ui.exports.sheets.about);
	const t = ui.exports.about;
	const lines: [string, string][] = [
		[t.title, table.meta.title],
		[t.exportedAt, table.meta.exportedAt],
		[t.filters, table.meta.filters.join('; ') || t.noFilters],
		[t.sources, table.meta.sources.join('; ')],
		[t.provenance, table.meta.provenance],
		[t.disclosure, t.disclosureText],
		[t.columns, table.long.columns.map((c) => `${c.key}: ${c.label}`).join('; ')]
	];
	for (const [label, value] of lines) about.addRow([label, neutraliseFormula(value)]);
	about.getColumn(1).font = { bold: true };
	about.getColumn(1).width = 24;
	about.getColumn(2).width = 100;
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}
